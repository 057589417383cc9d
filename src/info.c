/*
 * info: the summary command. See info.h.
 */
#include "info.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "events.h"
#include "load.h"
#include "stats.h"
#include "xalloc.h"

#define TOP_ADMIN1 10

/* Printed width of a UTF-8 string (characters, not bytes). */
static int utf8_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

/* One table row: a left-aligned name padded to 34 characters, then the
 * events and fatalities columns. */
static void print_row(FILE *out, const char *name, size_t events,
                      int64_t fatalities)
{
    int pad = 34 - utf8_width(name);
    fprintf(out, "    %s%*s %8zu %10lld\n", name, pad > 0 ? pad : 0, "", events,
            (long long)fatalities);
}

static void print_group(FILE *out, const char *title, const EventSet *set,
                        StatsGroup *g, size_t limit)
{
    fprintf(out, "  %-36s %8s %10s\n", title, "events", "fatalities");
    for (size_t r = 0; r < g->count && r < limit; r++) {
        const StatsRow *row = &g->rows[r];
        char name[160];
        if (g == NULL) break;
        if (strcmp(title, "by year") == 0) {
            snprintf(name, sizeof name, "%llu", (unsigned long long)row->key);
        } else if (strcmp(title, "by country") == 0) {
            const char *c = strpool_get(&set->strings, (uint32_t)row->key);
            snprintf(name, sizeof name, "%s", c[0] ? c : "(no country given)");
        } else {
            const char *c = strpool_get(&set->strings, (uint32_t)(row->key >> 32));
            const char *a = strpool_get(&set->strings, (uint32_t)row->key);
            snprintf(name, sizeof name, "%s%s%s", a, c[0] ? ", " : "", c);
        }
        print_row(out, name, row->events, row->fatalities);
    }
    if (g->count > limit)
        fprintf(out, "    ... and %zu more\n", g->count - limit);
}

static void print_stats(FILE *out, const EventSet *set, Stats *st)
{
    if (st->events == 0) {
        fprintf(out, "  events:     0\n");
        return;
    }
    char d0[11], d1[11];
    date_format(st->first_day, d0);
    date_format(st->last_day, d1);
    fprintf(out, "  events:     %zu, %lld fatalities", st->events,
            (long long)st->fatalities);
    if (st->fatalities_low != st->fatalities || st->fatalities_high != st->fatalities)
        fprintf(out, " (reported range %lld to %lld)",
                (long long)st->fatalities_low, (long long)st->fatalities_high);
    fprintf(out, "\n  dates:      %s to %s\n", d0, d1);

    fprintf(out, "  %-36s %8s %10s\n", "by event type", "events", "fatalities");
    for (int t = 1; t <= EVENT_TYPE_COUNT; t++) {
        int type = t % EVENT_TYPE_COUNT;   /* UNKNOWN last */
        if (st->type_events[type] == 0) continue;
        print_row(out, events_type_name((EventType)type), st->type_events[type],
                  st->type_fatalities[type]);
    }
    stats_sort_by_events(&st->by_country);
    print_group(out, "by country", set, &st->by_country, SIZE_MAX);
    stats_sort_by_key(&st->by_year);
    print_group(out, "by year", set, &st->by_year, SIZE_MAX);
    if (st->by_admin1.count > 0) {
        stats_sort_by_events(&st->by_admin1);
        char title[40];
        snprintf(title, sizeof title, "top admin-1 areas");
        print_group(out, title, set, &st->by_admin1, TOP_ADMIN1);
    }
}

static void print_report(FILE *out, const LoadReport *rep)
{
    fprintf(out, "  format:     %s\n", rep->format);
    fprintf(out, "  records:    %zu read, %zu loaded, %zu skipped\n", rep->read,
            rep->loaded, rep->skipped);
    if (rep->merged > 0 || rep->duplicates > 0)
        fprintf(out, "              %zu rows merged into events as further "
                     "actors (monadic export), %zu exact repeat rows\n",
                rep->merged, rep->duplicates);
    for (size_t r = 0; r < rep->nreasons; r++)
        fprintf(out, "  skipped:    %s\n", error_text(&rep->reasons[r]).s);
    if (rep->skipped > rep->nreasons)
        fprintf(out, "              ... and %zu more skipped\n",
                rep->skipped - rep->nreasons);
}

int info_run(char *const *paths, int n, FILE *out, FILE *err,
             const LoadOptions *options)
{
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)n, sizeof *reports);
    int *file_index = xcalloc((size_t)n, sizeof *file_index);
    int failed = load_files_with(&set, paths, n, reports, options);
    for (int i = 0, next = 0; i < n; i++) {
        file_index[i] = reports[i].ok ? next++ : -1;
        if (!reports[i].ok) fprintf(err, "sahelmap: %s\n", error_text(&reports[i].error).s);
    }

    for (int i = 0; i < n; i++) {
        fprintf(out, "%s\n", paths[i]);
        if (file_index[i] < 0) {
            fprintf(out, "  FAILED:     %s\n\n", error_text(&reports[i].error).s);
            continue;
        }
        print_report(out, &reports[i]);
        Stats st;
        stats_compute(&set, 0, set.count, file_index[i], &st);
        print_stats(out, &set, &st);
        stats_free(&st);
        fprintf(out, "\n");
    }

    fprintf(out, "All files (%d loaded, %d failed)\n", n - failed, failed);
    Stats all;
    stats_compute(&set, 0, set.count, -1, &all);
    print_stats(out, &set, &all);
    stats_free(&all);

    free(file_index);
    free(reports);
    events_free(&set);
    return failed > 0 ? 1 : 0;
}

/*
 * info: the summary command. See info.h.
 */
#include "info.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "events.h"
#include "load.h"
#include "load_overlap.h"
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

/* The types files wrote that are not one of the six: the older ACLED ones,
 * each with the types it became, then those left unknown, verbatim. Each
 * list stops after MAX_ORIGINAL_TYPES rows (--json has them all). */
#define MAX_ORIGINAL_TYPES 50
static void print_original_types(FILE *out, const EventSet *set, Stats *st)
{
    StatsGroup *g = &st->by_original_type;
    stats_sort_by_events(g);
    size_t older = 0, unknown = 0, shown = 0;
    for (size_t r = 0; r < g->count; r++) {
        if ((g->rows[r].key & 0xFF) == EVENT_UNKNOWN) unknown++;
        else older++;
    }
    if (older > 0)
        fprintf(out, "  %-36s %8s %10s\n", "older ACLED types (before 2019)", "events",
                "fatalities");
    /* Grouped by the text as written, most events first. */
    for (size_t r = 0; r < g->count && shown < MAX_ORIGINAL_TYPES; r++) {
        uint64_t text_ref = g->rows[r].key >> 8;
        bool seen = (g->rows[r].key & 0xFF) == EVENT_UNKNOWN;
        for (size_t q = 0; q < r && !seen; q++)
            seen = (g->rows[q].key & 0xFF) != EVENT_UNKNOWN && g->rows[q].key >> 8 == text_ref;
        if (seen) continue;
        fprintf(out, "    %.200s\n", strpool_get(&set->strings, (uint32_t)text_ref));
        for (size_t q = r; q < g->count && shown < MAX_ORIGINAL_TYPES; q++) {
            const StatsRow *row = &g->rows[q];
            if (row->key >> 8 != text_ref) continue;
            char name[80];
            snprintf(name, sizeof name, "  as %s", events_type_name((EventType)(row->key & 0xFF)));
            print_row(out, name, row->events, row->fatalities);
            shown++;
        }
    }
    if (older > shown)
        fprintf(out, "    ... and %zu more (sahelmap info --json lists them all)\n",
                older - shown);
    if (unknown == 0) return;
    fprintf(out, "  %-36s %8s %10s\n", "unknown types, as written", "events", "fatalities");
    shown = 0;
    for (size_t r = 0; r < g->count && shown < MAX_ORIGINAL_TYPES; r++) {
        const StatsRow *row = &g->rows[r];
        if ((row->key & 0xFF) != EVENT_UNKNOWN) continue;
        const char *text = strpool_get(&set->strings, (uint32_t)(row->key >> 8));
        char name[300];
        snprintf(name, sizeof name, "\"%.200s%s\"", text, strlen(text) > 200 ? "..." : "");
        print_row(out, name, row->events, row->fatalities);
        shown++;
    }
    if (unknown > shown)
        fprintf(out, "    ... and %zu more (sahelmap info --json lists them all)\n",
                unknown - shown);
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
    if (st->country_inferred > 0)
        fprintf(out, "  country:    inferred from the basemap for %zu event%s (%s file "
                     "names no country)\n", st->country_inferred,
                st->country_inferred == 1 ? "" : "s", st->country_inferred == 1 ? "its" : "their");

    fprintf(out, "  %-36s %8s %10s\n", "by event type", "events", "fatalities");
    for (int t = 1; t <= EVENT_TYPE_COUNT; t++) {
        int type = t % EVENT_TYPE_COUNT;   /* UNKNOWN last */
        if (st->type_events[type] == 0) continue;
        print_row(out, events_type_name((EventType)type), st->type_events[type],
                  st->type_fatalities[type]);
    }
    print_original_types(out, set, st);
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

static void print_report(FILE *out, const EventSet *set, const LoadReport *rep)
{
    fprintf(out, "  format:     %s\n", rep->format);
    fprintf(out, "  records:    %zu read, %zu loaded, %zu skipped\n", rep->read,
            rep->loaded, rep->skipped);
    if (rep->merged > 0)
        fprintf(out, "              %zu row%s merged into events as further actors "
                     "(monadic export)\n", rep->merged, rep->merged == 1 ? "" : "s");
    if (rep->duplicates > 0)
        fprintf(out, "              %zu exact repeat row%s (identical in every field to "
                     "one loaded)\n", rep->duplicates, rep->duplicates == 1 ? "" : "s");
    if (rep->conflicts > 0)
        fprintf(out, "  conflicts:  %zu row%s with the id of an event held but another "
                     "value (the event held kept), first: %s\n",
                rep->conflicts, rep->conflicts == 1 ? "" : "s", error_text(&rep->conflict).s);
    char earlier[600];
    if (rep->earlier > 0)
        fprintf(out, "  earlier:    %s\n", load_overlap_text(set, rep, earlier, sizeof earlier));
    for (size_t r = 0; r < rep->nreasons; r++)
        fprintf(out, "  skipped:    %s\n", error_text(&rep->reasons[r]).s);
    if (rep->skipped > rep->nreasons)
        fprintf(out, "              ... and %zu more skipped\n",
                rep->skipped - rep->nreasons);
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                      */
/* ------------------------------------------------------------------------- */

static cJSON *json_count(uint64_t n)
{
    return cJSON_CreateNumber((double)n);
}

/* An Error as {"file", "line", "column", "record", "reason", "text"}: a
 * position part that is not known is null. */
static cJSON *json_error(const Error *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "file", e->file[0] ? cJSON_CreateString(e->file) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "line", e->line ? json_count(e->line) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "column", e->column ? json_count(e->column) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "record", e->record ? json_count(e->record) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "reason", e->msg);
    cJSON_AddStringToObject(o, "text", error_text(e).s);
    return o;
}

static cJSON *json_row(const char *key, cJSON *value, size_t events, int64_t fatalities)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, key, value);
    cJSON_AddItemToObject(o, "events", json_count(events));
    cJSON_AddNumberToObject(o, "fatalities", (double)fatalities);
    return o;
}

static cJSON *json_string_or_null(const char *s)
{
    return s[0] ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *json_stats(const EventSet *set, Stats *st)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "events", json_count(st->events));
    cJSON_AddNumberToObject(o, "fatalities", (double)st->fatalities);
    cJSON_AddNumberToObject(o, "fatalities_low", (double)st->fatalities_low);
    cJSON_AddNumberToObject(o, "fatalities_high", (double)st->fatalities_high);
    char d[11];
    if (st->events > 0) {
        date_format(st->first_day, d);
        cJSON_AddStringToObject(o, "first_date", d);
        date_format(st->last_day, d);
        cJSON_AddStringToObject(o, "last_date", d);
    } else {
        cJSON_AddNullToObject(o, "first_date");
        cJSON_AddNullToObject(o, "last_date");
    }
    cJSON *types = cJSON_AddArrayToObject(o, "by_type");
    for (int t = 1; t <= EVENT_TYPE_COUNT; t++) {
        int type = t % EVENT_TYPE_COUNT;   /* UNKNOWN last, as in the text */
        if (st->type_events[type] == 0) continue;
        cJSON_AddItemToArray(types, json_row("type",
            cJSON_CreateString(events_type_name((EventType)type)),
            st->type_events[type], st->type_fatalities[type]));
    }
    stats_sort_by_events(&st->by_original_type);
    cJSON *older = cJSON_AddArrayToObject(o, "older_types");
    cJSON *unknown = cJSON_AddArrayToObject(o, "unknown_types");
    for (size_t r = 0; r < st->by_original_type.count; r++) {
        const StatsRow *row = &st->by_original_type.rows[r];
        EventType type = (EventType)(row->key & 0xFF);
        const char *text = strpool_get(&set->strings, (uint32_t)(row->key >> 8));
        cJSON *item = json_row("as_written", cJSON_CreateString(text), row->events,
                               row->fatalities);
        if (type != EVENT_UNKNOWN)
            cJSON_AddStringToObject(item, "type", events_type_name(type));
        cJSON_AddItemToArray(type != EVENT_UNKNOWN ? older : unknown, item);
    }
    cJSON_AddItemToObject(o, "country_inferred", json_count(st->country_inferred));
    stats_sort_by_events(&st->by_country);
    cJSON *countries = cJSON_AddArrayToObject(o, "by_country");
    for (size_t r = 0; r < st->by_country.count; r++) {
        const StatsRow *row = &st->by_country.rows[r];
        const char *c = strpool_get(&set->strings, (uint32_t)row->key);
        cJSON_AddItemToArray(countries, json_row("country", json_string_or_null(c),
                                                 row->events, row->fatalities));
    }
    stats_sort_by_key(&st->by_year);
    cJSON *years = cJSON_AddArrayToObject(o, "by_year");
    for (size_t r = 0; r < st->by_year.count; r++) {
        const StatsRow *row = &st->by_year.rows[r];
        cJSON_AddItemToArray(years, json_row("year", json_count(row->key), row->events,
                                             row->fatalities));
    }
    stats_sort_by_events(&st->by_admin1);
    cJSON *areas = cJSON_AddArrayToObject(o, "by_admin1");
    for (size_t r = 0; r < st->by_admin1.count; r++) {
        const StatsRow *row = &st->by_admin1.rows[r];
        const char *c = strpool_get(&set->strings, (uint32_t)(row->key >> 32));
        const char *a = strpool_get(&set->strings, (uint32_t)row->key);
        cJSON *item = json_row("admin1", cJSON_CreateString(a), row->events, row->fatalities);
        cJSON_AddItemToObject(item, "country", json_string_or_null(c));
        cJSON_AddItemToArray(areas, item);
    }
    return o;
}

static cJSON *json_file(const EventSet *set, const char *path, const LoadReport *rep,
                        int file_index)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", path);
    cJSON_AddBoolToObject(o, "loaded", file_index >= 0);
    if (file_index < 0) {
        cJSON_AddItemToObject(o, "error", json_error(&rep->error));
        if (rep->again && rep->same_as < set->nfiles)
            cJSON_AddStringToObject(o, "same_file_as", set->files[rep->same_as]);
        return o;
    }
    cJSON_AddNullToObject(o, "error");
    cJSON_AddStringToObject(o, "format", rep->format);
    cJSON *rec = cJSON_AddObjectToObject(o, "records");
    cJSON_AddItemToObject(rec, "read", json_count(rep->read));
    cJSON_AddItemToObject(rec, "loaded", json_count(rep->loaded));
    cJSON_AddItemToObject(rec, "skipped", json_count(rep->skipped));
    cJSON_AddItemToObject(rec, "events", json_count(rep->events));
    cJSON_AddItemToObject(rec, "merged", json_count(rep->merged));
    cJSON_AddItemToObject(rec, "duplicates", json_count(rep->duplicates));
    cJSON_AddItemToObject(rec, "conflicts", json_count(rep->conflicts));
    cJSON_AddItemToObject(o, "conflict",
                          rep->conflicts > 0 ? json_error(&rep->conflict) : cJSON_CreateNull());
    cJSON *earlier = cJSON_AddObjectToObject(o, "already_loaded");
    cJSON_AddItemToObject(earlier, "events", json_count(rep->earlier));
    cJSON *from = cJSON_AddArrayToObject(earlier, "from");
    size_t named = 0;
    for (size_t k = 0; k < rep->nfrom; k++) {
        cJSON *item = cJSON_CreateObject();
        uint16_t f = rep->from[k].file;
        cJSON_AddStringToObject(item, "path", f < set->nfiles ? set->files[f] : "");
        cJSON_AddItemToObject(item, "events", json_count(rep->from[k].events));
        cJSON_AddItemToArray(from, item);
        named += rep->from[k].events;
    }
    cJSON_AddItemToObject(earlier, "from_unlisted", json_count(rep->earlier - named));
    cJSON *reasons = cJSON_AddArrayToObject(o, "skip_reasons");
    for (size_t r = 0; r < rep->nreasons; r++)
        cJSON_AddItemToArray(reasons, json_error(&rep->reasons[r]));
    cJSON_AddItemToObject(o, "skip_reasons_unlisted",
                          json_count(rep->skipped > rep->nreasons ? rep->skipped - rep->nreasons : 0));
    Stats st;
    stats_compute(set, 0, set->count, file_index, &st);
    cJSON_AddItemToObject(o, "stats", json_stats(set, &st));
    stats_free(&st);
    return o;
}

static void print_json(FILE *out, const EventSet *set, char *const *paths, int n,
                       const LoadReport *reports, const int *file_index, int failed)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "schema", INFO_JSON_SCHEMA);
    cJSON_AddStringToObject(doc, "sahelmap", SAHELMAP_VERSION);
    cJSON *files = cJSON_AddArrayToObject(doc, "files");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(files, json_file(set, paths[i], &reports[i], file_index[i]));
    cJSON *all = cJSON_AddObjectToObject(doc, "all");
    int again = 0;
    for (int i = 0; i < n; i++) again += reports[i].again;
    cJSON_AddNumberToObject(all, "files", n);
    cJSON_AddNumberToObject(all, "loaded", n - failed - again);
    cJSON_AddNumberToObject(all, "failed", failed);
    cJSON_AddNumberToObject(all, "again", again);
    Stats st;
    stats_compute(set, 0, set->count, -1, &st);
    cJSON_AddItemToObject(all, "stats", json_stats(set, &st));
    stats_free(&st);
    char *text = cJSON_Print(doc);
    fprintf(out, "%s\n", text);
    cJSON_free(text);
    cJSON_Delete(doc);
}

/* ------------------------------------------------------------------------- */
/* The command                                                               */
/* ------------------------------------------------------------------------- */

void info_print_load(FILE *err, const char *path, const LoadReport *rep, bool reasons)
{
    if (!rep->ok) {
        fprintf(err, "sahelmap: %s\n", error_text(&rep->error).s);
        return;
    }
    fprintf(err, "sahelmap: %s: %s, %zu read, %zu loaded, %zu skipped\n", path, rep->format,
            rep->read, rep->loaded, rep->skipped);
    for (size_t r = 0; reasons && r < rep->nreasons; r++)
        fprintf(err, "sahelmap:   skipped %s\n", error_text(&rep->reasons[r]).s);
    if (reasons && rep->skipped > rep->nreasons)
        fprintf(err, "sahelmap:   ... and %zu more skipped\n", rep->skipped - rep->nreasons);
}

static void print_text(FILE *out, const EventSet *set, char *const *paths, int n,
                       const LoadReport *reports, const int *file_index, int failed)
{
    int again = 0;
    for (int i = 0; i < n; i++) {
        fprintf(out, "%s\n", paths[i]);
        if (reports[i].again) {
            fprintf(out, "  not read:   %s (the same file): each event counted once\n\n",
                    reports[i].error.msg);
            again++;
            continue;
        }
        if (file_index[i] < 0) {
            fprintf(out, "  FAILED:     %s\n\n", error_text(&reports[i].error).s);
            continue;
        }
        print_report(out, set, &reports[i]);
        Stats st;
        stats_compute(set, 0, set->count, file_index[i], &st);
        print_stats(out, set, &st);
        stats_free(&st);
        fprintf(out, "\n");
    }

    fprintf(out, "All files (%d loaded, %d failed", n - failed - again, failed);
    if (again > 0) fprintf(out, ", %d named again", again);
    fprintf(out, ")\n");
    Stats all;
    stats_compute(set, 0, set->count, -1, &all);
    print_stats(out, set, &all);
    stats_free(&all);
}

int info_run(char *const *paths, int n, FILE *out, FILE *err,
             const LoadOptions *options, const InfoOptions *info)
{
    static const InfoOptions text = {0};
    if (info == NULL) info = &text;
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)n + 1, sizeof *reports);
    int *file_index = xcalloc((size_t)n + 1, sizeof *file_index);
    int failed = load_files_with(&set, paths, n, reports, options);
    for (int i = 0, next = 0; i < n; i++) {
        file_index[i] = reports[i].ok ? next++ : -1;
        if (!reports[i].ok || info->verbose)
            info_print_load(err, paths[i], &reports[i], false);
    }
    if (info->format == INFO_JSON)
        print_json(out, &set, paths, n, reports, file_index, failed);
    else
        print_text(out, &set, paths, n, reports, file_index, failed);

    free(file_index);
    free(reports);
    events_free(&set);
    return failed > 0 ? 1 : 0;
}

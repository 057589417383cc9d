/*
 * stats: breakdowns of an event range. See stats.h.
 */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xalloc.h"

/* The row of key, added (with zero counts) if new. The index is rebuilt
 * first when sorting has emptied it. */
static StatsRow *group_row(StatsGroup *g, uint64_t key)
{
    if (g->index.count != g->count) {
        hashtab_clear(&g->index);
        hashtab_reserve(&g->index, g->count + 1);
        for (size_t r = 0; r < g->count; r++)
            hashtab_add(&g->index, g->rows[r].key, (uint32_t)r);
    }
    HashProbe probe = hashtab_probe(&g->index, key);
    uint32_t r;
    while (hashtab_next(&g->index, &probe, &r))
        if (g->rows[r].key == key) return &g->rows[r];
    g->rows = xgrow(g->rows, &g->cap, g->count + 1, sizeof *g->rows);
    g->rows[g->count] = (StatsRow){key, 0, 0};
    hashtab_insert(&g->index, &probe, (uint32_t)g->count);
    return &g->rows[g->count++];
}

void stats_group_add(StatsGroup *g, uint64_t key, int32_t fatalities)
{
    StatsRow *row = group_row(g, key);
    row->events++;
    row->fatalities += fatalities;
}

void stats_compute(const EventSet *set, size_t lo, size_t hi, int file,
                   Stats *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = lo; i < hi && i < set->count; i++) {
        if (file >= 0 && events_text_ref(set, i, TEXT_FILE) != (uint32_t)file)
            continue;
        int32_t fat = set->fat[i];
        if (out->events == 0 || set->day[i] < out->first_day)
            out->first_day = set->day[i];
        int32_t end = set->day[i] + events_span(set, i);
        if (out->events == 0 || end > out->last_day) out->last_day = end;
        out->events++;
        out->fatalities += fat;
        out->fatalities_low += events_fat_low(set, i);
        out->fatalities_high += events_fat_high(set, i);
        out->type_events[set->type[i]]++;
        out->type_fatalities[set->type[i]] += fat;

        uint32_t country = events_text_ref(set, i, TEXT_COUNTRY);
        uint32_t admin1 = events_text_ref(set, i, TEXT_ADMIN1);
        int year, month, day;
        date_to_ymd(set->day[i], &year, &month, &day);
        stats_group_add(&out->by_country, country, fat);
        stats_group_add(&out->by_year, (uint64_t)year, fat);
        if (admin1 != 0)
            stats_group_add(&out->by_admin1, (uint64_t)country << 32 | admin1, fat);
        uint32_t original = events_text_ref(set, i, TEXT_ORIGINAL_TYPE);
        if (original != 0)
            stats_group_add(&out->by_original_type, (uint64_t)original << 8 | set->type[i],
                            fat);
        if (set->flags[i] & EVENT_FLAG_COUNTRY_INFERRED) out->country_inferred++;
    }
}

void stats_group_free(StatsGroup *g)
{
    free(g->rows);
    hashtab_free(&g->index);
    memset(g, 0, sizeof *g);
}

void stats_free(Stats *stats)
{
    stats_group_free(&stats->by_country);
    stats_group_free(&stats->by_year);
    stats_group_free(&stats->by_admin1);
    stats_group_free(&stats->by_original_type);
}

static int by_events(const void *a, const void *b)
{
    const StatsRow *x = a, *y = b;
    if (x->events != y->events) return x->events < y->events ? 1 : -1;
    if (x->fatalities != y->fatalities) return x->fatalities < y->fatalities ? 1 : -1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int by_key(const void *a, const void *b)
{
    const StatsRow *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* Sorting moves rows, so the index of row positions is emptied; a later
 * group_row rebuilds it. */
static void sort_rows(StatsGroup *g, int (*cmp)(const void *, const void *))
{
    if (g->count > 1) qsort(g->rows, g->count, sizeof *g->rows, cmp);
    hashtab_clear(&g->index);
}

void stats_sort_by_events(StatsGroup *group) { sort_rows(group, by_events); }
void stats_sort_by_key(StatsGroup *group) { sort_rows(group, by_key); }

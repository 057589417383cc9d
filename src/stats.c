/*
 * stats: breakdowns of an event range. See stats.h.
 */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xalloc.h"

static size_t slot_of(uint64_t key, size_t nslots)
{
    key *= 0x9E3779B97F4A7C15ull;
    return (size_t)(key >> 32) & (nslots - 1);
}

static void group_rehash(StatsGroup *g)
{
    size_t n = g->nslots ? g->nslots * 2 : 64;
    uint32_t *slots = xcalloc(n, sizeof *slots);
    for (size_t r = 0; r < g->count; r++) {
        size_t j = slot_of(g->rows[r].key, n);
        while (slots[j] != 0) j = (j + 1) & (n - 1);
        slots[j] = (uint32_t)(r + 1);
    }
    free(g->slots);
    g->slots = slots;
    g->nslots = n;
}

static StatsRow *group_row(StatsGroup *g, uint64_t key)
{
    if ((g->count + 1) * 2 > g->nslots) group_rehash(g);
    size_t j = slot_of(key, g->nslots);
    while (g->slots[j] != 0) {
        StatsRow *row = &g->rows[g->slots[j] - 1];
        if (row->key == key) return row;
        j = (j + 1) & (g->nslots - 1);
    }
    g->rows = xgrow(g->rows, &g->cap, g->count + 1, sizeof *g->rows);
    g->rows[g->count] = (StatsRow){key, 0, 0};
    g->slots[j] = (uint32_t)(++g->count);
    return &g->rows[g->count - 1];
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
        int32_t end = set->day[i] + set->span[i];
        if (out->events == 0 || end > out->last_day) out->last_day = end;
        out->events++;
        out->fatalities += fat;
        out->fatalities_low += set->fat_low[i];
        out->fatalities_high += set->fat_high[i];
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
    }
}

void stats_group_free(StatsGroup *g)
{
    free(g->rows);
    free(g->slots);
    memset(g, 0, sizeof *g);
}

void stats_free(Stats *stats)
{
    stats_group_free(&stats->by_country);
    stats_group_free(&stats->by_year);
    stats_group_free(&stats->by_admin1);
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

/* Sorting moves rows, so the hash of row positions is dropped; a later
 * group_row rebuilds it. */
static void sort_rows(StatsGroup *g, int (*cmp)(const void *, const void *))
{
    if (g->count > 1) qsort(g->rows, g->count, sizeof *g->rows, cmp);
    free(g->slots);
    g->slots = NULL;
    g->nslots = 0;
}

void stats_sort_by_events(StatsGroup *group) { sort_rows(group, by_events); }
void stats_sort_by_key(StatsGroup *group) { sort_rows(group, by_key); }

/*
 * stats: counts and fatality sums over a range of events, overall and by
 * event type, country, year and admin-1 area. Used by `sahelmap info` and
 * by the stats panel. Events are already deduplicated by the store, so
 * every figure is per event, never per monadic row.
 */
#ifndef SAHELMAP_STATS_H
#define SAHELMAP_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "hashtab.h"

typedef struct StatsRow {
    uint64_t key;           /* see StatsGroup */
    size_t events;
    int64_t fatalities;     /* best estimates */
} StatsRow;

/* A breakdown: rows with a key each. Keys are: a country's string ref; a
 * year; (country ref << 32 | admin1 ref) for admin-1 areas; (original type
 * ref << 8 | EventType) for the types as files wrote them. */
typedef struct StatsGroup {
    StatsRow *rows;
    size_t count, cap;
    HashTab index;          /* row indexes by key; emptied by sorting */
} StatsGroup;

typedef struct Stats {
    size_t events;
    int64_t fatalities, fatalities_low, fatalities_high;
    int32_t first_day, last_day;          /* valid when events > 0 */
    size_t type_events[EVENT_TYPE_COUNT];
    int64_t type_fatalities[EVENT_TYPE_COUNT];
    StatsGroup by_country, by_year, by_admin1;
    /* Events whose file wrote a type that is not one of the six, by that
     * text and the type it became (EVENT_UNKNOWN when sahelmap knows it
     * not; else an older ACLED type, typology.h). */
    StatsGroup by_original_type;
    size_t country_inferred;   /* events given their country by the basemap */
} Stats;

/* Adds up events [lo, hi) of set; with file >= 0 only those loaded from
 * that file index. *out is overwritten; release it with stats_free. */
void stats_compute(const EventSet *set, size_t lo, size_t hi, int file,
                   Stats *out);
void stats_free(Stats *stats);

/* Counts one event (with its fatalities) under key in a group, adding the
 * row if new. A zeroed StatsGroup is an empty one; free with
 * stats_group_free. */
void stats_group_add(StatsGroup *group, uint64_t key, int32_t fatalities);
void stats_group_free(StatsGroup *group);

/* Sorts a group's rows by events, most first (ties: more fatalities, then
 * key), or by key ascending (for years). */
void stats_sort_by_events(StatsGroup *group);
void stats_sort_by_key(StatsGroup *group);

#endif

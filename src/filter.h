/*
 * filter: which events the user wants to see, beyond the time window: event
 * types (legend clicks), a text query over actors, places and notes, a
 * minimum number of fatalities, and a country / admin-1 area. The map, the
 * histogram, the counts and the export all follow the same Filter.
 */
#ifndef SAHELMAP_FILTER_H
#define SAHELMAP_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"

#define FILTER_TEXT_MAX 128

typedef struct Filter {
    uint32_t type_mask;             /* bit (1 << EventType) shown */
    char text[FILTER_TEXT_MAX];     /* "" or a case-insensitive substring */
    int32_t min_fatalities;         /* 0: any */
    char country[64];               /* "" or the exact country name */
    char admin1[64];                /* "" or the exact admin-1 name */
} Filter;

/* Everything shown. */
void filter_init(Filter *f);

/* True when f hides nothing but (perhaps) event types. */
bool filter_only_types(const Filter *f);

/* Whether event i passes every part of f (types included). Reads notes
 * from the store only when the text is not found in names and places. */
bool filter_match(const Filter *f, const EventSet *set, size_t i);

/* visible[i] = filter_match(f, set, i) for every event; returns how many
 * pass. visible must hold set->count bytes. */
size_t filter_apply(const Filter *f, const EventSet *set, uint8_t *visible);

/* A one-line description for the UI and the export command, e.g.
 * "text \"wagner\", at least 10 fatalities, in Mali"; "" when nothing but
 * types is filtered. */
void filter_describe(const Filter *f, char *out, size_t cap);

#endif

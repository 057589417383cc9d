/*
 * filter: which events the user wants to see, beyond the time window: event
 * types (legend clicks), a text query over actors, places and notes, a
 * minimum number of fatalities, and countries / admin-1 areas. The map, the
 * histogram, the counts and the export all follow the same Filter.
 *
 * Places are lists: "Mali,Niger" is either country. An event passes when
 * its country is in the country list (or the list is empty) and its
 * admin-1 area is in the admin-1 list (or that list is empty). Names are
 * exact; they cannot hold a comma.
 */
#ifndef SAHELMAP_FILTER_H
#define SAHELMAP_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"

#define FILTER_TEXT_MAX 128
#define FILTER_PLACES_MAX 1024          /* bytes of a place list, with its NUL */

typedef struct Filter {
    uint32_t type_mask;             /* bit (1 << EventType) shown */
    char text[FILTER_TEXT_MAX];     /* "" or a case-insensitive substring */
    int32_t min_fatalities;         /* 0: any */
    char country[FILTER_PLACES_MAX];  /* "" or exact country names, "A,B" */
    char admin1[FILTER_PLACES_MAX];   /* "" or exact admin-1 names, "A,B" */
} Filter;

/* Everything shown. */
void filter_init(Filter *f);

/* True when f hides nothing but (perhaps) event types. */
bool filter_only_types(const Filter *f);

/* Whether hay holds needle, ignoring ASCII case; needle is already in
 * lower case (lowered once, not at each comparison). "" is in anything. */
bool filter_contains(const char *hay, const char *needle);

/* Whether event i passes every part of f (types included). Reads notes
 * from the store only when the text is not found in names and places. */
bool filter_match(const Filter *f, const EventSet *set, size_t i);

/* visible[i] = filter_match(f, set, i) for every event; returns how many
 * pass. visible must hold set->count bytes. */
size_t filter_apply(const Filter *f, const EventSet *set, uint8_t *visible);

/* filter_apply, and in the same pass unplaced[i]: whether event i passes f
 * but its country and admin-1 lists (the checklist's counts), each event
 * matched once. unplaced must hold set->count bytes. */
size_t filter_apply_unplaced(const Filter *f, const EventSet *set, uint8_t *visible,
                             uint8_t *unplaced);

/* Place lists ("Mali,Niger"): comma-separated exact names. */

/* Whether name is one of list's names ("" holds none). */
bool filter_places_has(const char *list, const char *name);

/* How many names list holds. */
int filter_places_count(const char *list);

/* The k-th name of list (0-based) into out; false when there is none. */
bool filter_places_get(const char *list, int k, char *out, size_t cap);

/* text as a place list into out: spaces around names trimmed, empty and
 * repeated names dropped, in the order given. False (out "") when the
 * result does not fit in cap. */
bool filter_places_normalize(const char *text, char *out, size_t cap);

/* Adds name to list (of cap bytes) when it is not there, else removes it.
 * False (list unchanged) when the name is empty, holds a comma or does not
 * fit. */
bool filter_places_toggle(char *list, size_t cap, const char *name);

/* A one-line description for the UI and the export command, e.g.
 * "text \"wagner\", at least 10 fatalities, in Mali"; "" when nothing but
 * types is filtered. */
void filter_describe(const Filter *f, char *out, size_t cap);

#endif

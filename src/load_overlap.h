/*
 * load_overlap: the books of records whose event was already held — from
 * an earlier file (a LoadReport's `earlier` and `from`), or with another
 * value than the event held (a conflict) — and how they read, once, for
 * `sahelmap info` and the window.
 */
#ifndef SAHELMAP_LOAD_OVERLAP_H
#define SAHELMAP_LOAD_OVERLAP_H

#include <stddef.h>

#include "events.h"
#include "load.h"

/* Counts one event of the file being loaded as already loaded from the
 * set's file `from` (call once per event: EventsAddInfo.first_in_file). */
void load_overlap_count(LoadReport *rep, uint16_t from);

/* Counts record `in` (at path, line, col, record index; 0: unknown) as a
 * conflict with held event info->held, keeping the first one's position
 * and a message naming the id, the field and where the event came from. */
void load_overlap_conflict(const EventSet *set, LoadReport *rep, const EventInput *in,
                           const EventsAddInfo *info, size_t line, size_t col,
                           size_t index, const char *path);

/* "40 events already loaded from a.csv (38), b.csv (2)" into out (cap
 * bytes; files by their base names, LOAD_MAX_FROM at most, "and N more
 * files" after); "" when rep->earlier is 0. Returns out. */
const char *load_overlap_text(const EventSet *set, const LoadReport *rep, char *out,
                              size_t cap);

#endif

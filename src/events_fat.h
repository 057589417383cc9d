/*
 * events_fat: the side table of fatality ranges and spans (internal to the
 * event store; see events.h, EventsFatRange, events_fat_low, events_span).
 * Most events report one fatality figure on one day; an event whose low or
 * high estimate differs from the best (UCDP's reported range), or which
 * spans days (UCDP's date_end), has EVENT_FLAG_RANGE and an entry here,
 * sorted by event index, so the columns need not hold three more numbers
 * for every event. Whatever moves or drops events moves or drops their
 * entries.
 */
#ifndef SAHELMAP_EVENTS_FAT_H
#define SAHELMAP_EVENTS_FAT_H

#include "events.h"

/* Gives new event i (the last one, its flags already written) the range
 * [low, high] around its best estimate and its span (0..UINT16_MAX days):
 * an entry and EVENT_FLAG_RANGE when low or high differs from fat[i] or the
 * span is not 0, nothing otherwise. */
void events_fat_note(EventSet *set, size_t i, int32_t low, int32_t high, int32_t span);

/* Drops the entries of events at index `count` and beyond (a rollback). */
void events_fat_rollback(EventSet *set, size_t count);

/* Follows a permutation of the events: perm[new] = old, the columns
 * (flags included) already permuted. Also trims the table to its size. */
void events_fat_permute(EventSet *set, const uint32_t *perm);

/* Trims the table's allocation to its entries. */
void events_fat_compact(EventSet *set);

/* Bytes the table holds (its allocation). */
size_t events_fat_bytes(const EventSet *set);

#endif

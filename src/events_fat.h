/*
 * events_fat: the side table of fatality ranges (internal to the event
 * store; see events.h, EventsFatRange, events_fat_low). Most events report
 * one fatality figure; an event whose low or high estimate differs from the
 * best (UCDP's reported range) has EVENT_FLAG_RANGE and an entry here,
 * sorted by event index, so the columns need not hold two more numbers for
 * every event. Whatever moves or drops events moves or drops their entries.
 */
#ifndef SAHELMAP_EVENTS_FAT_H
#define SAHELMAP_EVENTS_FAT_H

#include "events.h"

/* Gives new event i (the last one, its flags already written) the range
 * [low, high] around its best estimate: an entry and EVENT_FLAG_RANGE when
 * low or high differs from fat[i], nothing otherwise. */
void events_fat_note(EventSet *set, size_t i, int32_t low, int32_t high);

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

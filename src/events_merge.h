/*
 * events_merge: the part of the event store that decides whether a record
 * is an event already held (internal to events.c; see events.h for the
 * contract). Ids are looked up within their id space; a record with a held
 * id is an exact repeat, a monadic row merged into the event (its actor and
 * associates kept), or a conflict (another value beyond the actors: the
 * held event wins). Also the identities of the files, and the notes'
 * hashes that make "identical in every field" cheap to check.
 */
#ifndef SAHELMAP_EVENTS_MERGE_H
#define SAHELMAP_EVENTS_MERGE_H

#include "events.h"

/* One merge, as events_rollback undoes it. */
typedef struct EventsUndo {
    uint32_t index;
    uint32_t actors;     /* the actors tuple before the merge */
    uint8_t flags;
} EventsUndo;

/* The interned reference of s (NULL: 0). */
uint32_t events_intern(EventSet *set, const char *s);

/* Whether the interned string ref is s (NULL: ""). */
bool events_text_equal(const EventSet *set, uint32_t ref, const char *s);

/* A record's span of days as the store keeps it: end - start, 0 to
 * UINT16_MAX. */
int32_t events_span_of(const EventInput *in);

/* Makes the id index valid and room in it for `more` events beyond those
 * held (events_reserve). */
void events_dedup_reserve(EventSet *set, size_t more);

/* The event holding the id id[0..len) (no NUL in it, len > 0; text_hash
 * is strpool_hash(id, len)) in that space (for EVENTS_ID_FILE: from that
 * file), or SIZE_MAX with *probe where it would be added
 * (events_dedup_insert). Ids are compared by their text (they are
 * appended to the ids pool, not interned: strpool_append). Builds the
 * index first when it is not valid. */
size_t events_dedup_find(EventSet *set, const char *id, size_t len, uint64_t text_hash,
                         EventIdSpace space, uint16_t file, HashProbe *probe);

/* Asks the processor to fetch the id index's slot for the id whose text
 * hashes to text_hash (strpool_hash) ahead of its events_dedup_find: the
 * index is too big for the caches, and a loader knows the next records'
 * ids in advance. Changes nothing. */
void events_dedup_prefetch(const EventSet *set, uint64_t text_hash, EventIdSpace space,
                           uint16_t file);

/* Adds event i (just appended, its id, flags and prov set) to the index at
 * the probe's place. */
void events_dedup_insert(EventSet *set, const HashProbe *probe, size_t i);

/* Merges record in into held event i (same id, same space): fills *info
 * and returns MERGED, DUPLICATE or CONFLICT. */
EventsAddResult events_merge_row(EventSet *set, size_t i, const EventInput *in,
                                 EventsAddInfo *info);

/* Keeps the hash of new event i's notes (load-time, for events_merge_row). */
void events_merge_note_added(EventSet *set, size_t i, const EventInput *in);

/* Forgets load-time state after a rollback to `count` events (the index,
 * the notes' hashes beyond it, which file's records were seen). */
void events_merge_rollback(EventSet *set, size_t count);

/* Frees the load-time state (events_finish: indexes change). */
void events_merge_finish(EventSet *set);

/* Rebuilds the files' identity index (after files were dropped). */
void events_files_reindex(EventSet *set);

#endif

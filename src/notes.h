/*
 * notes: the free-text notes of events, kept out of memory. ACLED notes are
 * a third of an export's size; holding them in RAM would break the memory
 * budget for a million events, and they are read only when a user opens one
 * event. They are appended to an anonymous temporary file (deleted by the
 * system when sahelmap exits) and read back on demand. If no temporary file
 * can be made, they are kept in memory instead.
 */
#ifndef SAHELMAP_NOTES_H
#define SAHELMAP_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NOTES_MAX_LEN 0xFFFFFFu   /* longer notes are cut to this many bytes */

typedef struct NotesStore {
    FILE *file;          /* anonymous spill file, or NULL */
    char *file_buf;      /* its stdio buffer (NOTES_WRITE_BUFFER bytes) */
    char *mem;           /* in-memory fallback when file is NULL */
    size_t mem_cap;
    uint64_t size;       /* bytes of notes held (offsets run 0 .. size) */
    bool dirty;          /* file has buffered writes not yet flushed */
    bool tried_file;
    /* Notes adopted from a cache file: offsets below ro_len are read from
     * ro_file at ro_base + offset; later notes go to the spill file. */
    FILE *ro_file;
    uint64_t ro_base, ro_len;
} NotesStore;

/* An empty store. Release with notes_free. */
void notes_init(NotesStore *store);
void notes_free(NotesStore *store);

/* Stores s[0..len) and returns its reference; 0 for an empty note. Notes
 * longer than NOTES_MAX_LEN are cut (at a UTF-8 character boundary). */
uint64_t notes_add(NotesStore *store, const char *s, size_t len);

/* Writes out what notes_add buffered, so the store can be read through a
 * const pointer. Called when loading ends (events_finish). */
void notes_flush(NotesStore *store);

/* The text of a reference as a new NUL-terminated string the caller frees;
 * "" (still to be freed) for reference 0 or if the spill file cannot be read.
 * The store must have been flushed since the last notes_add. */
char *notes_get(const NotesStore *store, uint64_t ref);

/* Makes an empty store serve len bytes of notes from `file` (kept open and
 * closed by notes_free) starting at byte `base`, as offsets 0 .. len. */
void notes_adopt(NotesStore *store, FILE *file, uint64_t base, uint64_t len);

/* Copies every note byte (offsets 0 .. size) to out; false on an I/O
 * error. Used to write a cache. */
bool notes_copy_all(NotesStore *store, FILE *out);

/* Length in bytes of the note behind a reference. */
static inline size_t notes_len(uint64_t ref) { return (size_t)(ref & NOTES_MAX_LEN); }

#endif

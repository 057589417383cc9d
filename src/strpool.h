/*
 * strpool: interned strings. Each distinct string is stored once in one
 * growing block and named by a 32-bit reference (its offset), so an event
 * column of actor names costs 4 bytes per event whatever the names' length.
 * Reference 0 is always the empty string. Besides the interned strings
 * the block holds appended ones (strpool_append), never indexed.
 */
#ifndef SAHELMAP_STRPOOL_H
#define SAHELMAP_STRPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hashtab.h"

typedef struct StrPool {
    char *data;          /* NUL-terminated strings, back to back */
    size_t len, cap;
    HashTab index;       /* references of the interned strings but "" */
    bool hashed;         /* false after strpool_adopt, until first intern */
    bool appending;      /* the last string stored is an appended one */
    bool mode_known;     /* appending is known (false after an adopt) */
} StrPool;

/* An empty pool holding only "". Release with strpool_free. */
void strpool_init(StrPool *pool);
void strpool_free(StrPool *pool);

/* The reference of s[0..len), adding it if new. Embedded NULs end the
 * string. Aborts (xalloc) if the pool would pass 4 GiB. */
uint32_t strpool_intern(StrPool *pool, const char *s, size_t len);

/* Adds s[0..len) (up to an embedded NUL) as a new string, without looking
 * for it and never indexing it: strpool_intern does not find it, now or
 * after an adopt or a compact, so an interned string always has one
 * reference. In the block an empty string (which is never stored as a
 * string) switches between interned and appended strings: a run of
 * appended strings costs one byte more than interning them. For strings
 * that are almost all distinct and are found by an index of their own
 * (the events' ids): the pool's index stays small. 0 for "". */
uint32_t strpool_append(StrPool *pool, const char *s, size_t len);

/* The hash strpool_intern uses for s[0..len): 64 bits, eight bytes a step. */
uint64_t strpool_hash(const char *s, size_t len);

/* The string for a reference returned by strpool_intern. Valid until the
 * next intern (the block may move); copy it if you keep it longer. */
static inline const char *strpool_get(const StrPool *pool, uint32_t ref)
{
    return pool->data + ref;
}

/* Replaces the pool's strings by data[0..len) (taken over: freed by
 * strpool_free), which must start with "" and end with a NUL, as written
 * from strpool data. The hash is rebuilt only when something is next
 * interned, so adopting a cache costs no hashing. */
void strpool_adopt(StrPool *pool, char *data, size_t len);

/* Gives back what only interning needs: the hash table (rebuilt, as after
 * strpool_adopt, when something is next interned) and the unused tail of
 * the strings' block. References stay valid. */
void strpool_compact(StrPool *pool);

/* Bytes held by the pool (strings plus hash table). */
size_t strpool_bytes(const StrPool *pool);

#endif

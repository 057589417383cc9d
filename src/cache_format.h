/*
 * cache_format: the on-disk layout of a cache file (see cache.h), said
 * once for cache.c, which writes and reads it, events.c, whose tuples it
 * stores as they are in memory, and tests/fuzz/fuzz_cache.c, which patches
 * hand-made caches.
 *
 * A file is, in this order, with no padding between sections:
 *
 *     CacheHeader
 *     the event columns, EVENTS_COLUMNS order, count elements each
 *     the string pool                        pool_len bytes
 *     the ids' pool                          ids_len bytes
 *     the actor tuples                       actors * CACHE_ACTOR_ARITY uint32
 *     the place tuples                       places * CACHE_PLACE_ARITY uint32
 *     the provenance tuples                  provs * CACHE_PROV_ARITY uint32
 *     the fatality and span side table       ranges EventsFatRange (16 bytes)
 *     the notes                              notes_len bytes
 *
 * Everything is in the writing machine's byte order. payload_hash is
 * cache_hash_more from CACHE_HASH_SEED over the header (with payload_hash
 * zero), then cache_hash_section over each section but the notes (the
 * hash of data cut into several calls depends on where they are cut, so
 * the pieces are fixed). The notes are only ever shown as text; cache.c
 * checks their offsets instead.
 *
 * Change anything here, in LoadReport or in the event columns, and bump
 * CACHE_VERSION: older caches are then refused as corrupt and rewritten.
 */
#ifndef SAHELMAP_CACHE_FORMAT_H
#define SAHELMAP_CACHE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "events.h"
#include "load.h"

#define CACHE_MAGIC "SMCACHE1"       /* 8 bytes, no NUL in the file */
#define CACHE_VERSION 8             /* 4: id spaces in the flags, the overlap
                                       books; 5: the type as written; 6:
                                       fixed-point coordinates, fatality
                                       ranges in a side table; 7: spans in
                                       it too, ids appended to the pool,
                                       the precisions and the disorder
                                       type in one byte, the hash in four
                                       lanes, the ids in a pool of their
                                       own; 8: sections hashed in pieces
                                       (cache_hash_section) */
#define CACHE_HEADER_SIZE 6904          /* bytes, on 64-bit systems */
#define CACHE_HASH_SEED 0xCBF29CE484222325ull

/* The tuples of an EventSet: how many values each holds, and in which
 * order (events.c builds them so; the cache stores them so). */
enum {
    CACHE_ACTOR_ARITY = 4,           /* actor1, assoc1, actor2, assoc2 */
    CACHE_PLACE_ARITY = 5,           /* country, admin1, admin2, admin3, location */
    CACHE_PROV_ARITY = 4             /* file, source, source scale, the
                                        original event type (version 4) */
};
enum { CACHE_PROV_FILE, CACHE_PROV_SOURCE, CACHE_PROV_SCALE, CACHE_PROV_ORIGINAL_TYPE };

typedef struct CacheHeader {
    char magic[8];                   /* CACHE_MAGIC */
    uint32_t version;                /* CACHE_VERSION */
    uint32_t column_bytes;           /* events_column_bytes() */
    uint64_t source_size;            /* the source when it was read (from */
    int64_t mtime_sec, mtime_nsec;   /* the descriptor read, before and */
    uint64_t head_hash;              /* after: its first 64 KiB, hashed) */
    uint64_t source_dev, source_ino;
    int64_t ctime_sec, ctime_nsec;   /* any write or utime changes it */
    uint64_t count, pool_len, actors, places, provs, notes_len;
    uint64_t ids_len;                /* bytes of the ids' pool */
    uint64_t ranges;                 /* entries of the fatality side table */
    uint64_t payload_hash;
    LoadReport report;               /* what loading the source reported */
} CacheHeader;

#if SIZE_MAX == UINT64_MAX
_Static_assert(sizeof(CacheHeader) == CACHE_HEADER_SIZE,
               "CacheHeader (or LoadReport) changed: bump CACHE_VERSION in "
               "cache_format.h, then update this size");
#endif

/* The hashed sections after the header, in file order: one per event
 * column, then these. The notes follow them. */
#define CACHE_COUNT_COLUMN(type, name) +1
enum {
    CACHE_COLUMN_SECTIONS = 0 EVENTS_COLUMNS(CACHE_COUNT_COLUMN),
    CACHE_SECTION_POOL = CACHE_COLUMN_SECTIONS,
    CACHE_SECTION_IDS,
    CACHE_SECTION_ACTORS,
    CACHE_SECTION_PLACES,
    CACHE_SECTION_PROVS,
    CACHE_SECTION_RANGES,
    CACHE_HASHED_SECTIONS
};
#undef CACHE_COUNT_COLUMN

/* One step of the cache's hash: w mixed into a lane. */
static inline uint64_t cache_hash_step(uint64_t lane, uint64_t w)
{
    lane = (lane ^ w) * 0x9E3779B97F4A7C15ull;
    return lane ^ lane >> 29;
}

/* The cache's hash: a fast 64-bit hash, 32 bytes at a time in four lanes,
 * then 8, then 1; `h` carries it across calls (start with CACHE_HASH_SEED). */
static inline uint64_t cache_hash_more(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (n >= 32) {
        /* Four lanes, 32 bytes a step: one lane's multiply need not wait
         * for another's (a cache of a million events is checked 4x as
         * fast as by one chain), then the lanes folded into h. */
        uint64_t a = h, b = h ^ 0x243F6A8885A308D3ull, c = h ^ 0x13198A2E03707344ull,
                 d = h ^ 0xA4093822299F31D0ull;
        while (n >= 32) {
            uint64_t w[4];
            memcpy(w, p, sizeof w);
            a = cache_hash_step(a, w[0]);
            b = cache_hash_step(b, w[1]);
            c = cache_hash_step(c, w[2]);
            d = cache_hash_step(d, w[3]);
#if defined(__GNUC__) && __SIZEOF_POINTER__ == 8
            /* Kept in four registers: GCC would otherwise do the lanes in
             * SSE2, whose 64-bit multiply is three 32-bit ones: half as
             * fast (5 GB/s against 10 here). */
            __asm__("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d));
#endif
            p += 32;
            n -= 32;
        }
        h = cache_hash_step(cache_hash_step(cache_hash_step(a, b), c), d);
    }
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = cache_hash_step(h, w);
        p += 8;
        n -= 8;
    }
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

/* How a section is hashed, from h: cache_hash_more over its pieces of
 * CACHE_HASH_PIECE bytes in turn. A reader hashes each piece as soon as
 * it has read it, while it is still in the processor's cache; hashing a
 * whole column of a million events after reading it read it from memory
 * a second time (a fifth of a reopen). */
#define CACHE_HASH_PIECE ((size_t)256 << 10)

static inline uint64_t cache_hash_section(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t at = 0; at < n; at += CACHE_HASH_PIECE)
        h = cache_hash_more(h, p + at, n - at < CACHE_HASH_PIECE ? n - at : CACHE_HASH_PIECE);
    return h;
}

/* Whether the header's counts are small enough (each at most UINT32_MAX)
 * for the section sizes below to be computed without wrapping around. */
static inline bool cache_counts_bounded(const CacheHeader *h)
{
    return h->count <= UINT32_MAX && h->pool_len <= UINT32_MAX && h->ids_len <= UINT32_MAX &&
           h->actors <= UINT32_MAX && h->places <= UINT32_MAX &&
           h->provs <= UINT32_MAX && h->ranges <= UINT32_MAX;
}

/* The byte size of each hashed section of a file with this header, in file
 * order. The counts must be bounded (cache_counts_bounded). */
static inline void cache_section_sizes(const CacheHeader *h,
                                       uint64_t sizes[CACHE_HASHED_SECTIONS])
{
    size_t k = 0;
#define CACHE_COLUMN_SIZE(type, name) sizes[k++] = h->count * sizeof(type);
    EVENTS_COLUMNS(CACHE_COLUMN_SIZE)
#undef CACHE_COLUMN_SIZE
    sizes[CACHE_SECTION_POOL] = h->pool_len;
    sizes[CACHE_SECTION_IDS] = h->ids_len;
    sizes[CACHE_SECTION_ACTORS] = h->actors * CACHE_ACTOR_ARITY * sizeof(uint32_t);
    sizes[CACHE_SECTION_PLACES] = h->places * CACHE_PLACE_ARITY * sizeof(uint32_t);
    sizes[CACHE_SECTION_PROVS] = h->provs * CACHE_PROV_ARITY * sizeof(uint32_t);
    sizes[CACHE_SECTION_RANGES] = h->ranges * sizeof(EventsFatRange);
}

/* Bytes of all hashed sections together (the notes start after them). The
 * counts must be bounded (cache_counts_bounded). */
static inline uint64_t cache_payload_bytes(const CacheHeader *h)
{
    uint64_t sizes[CACHE_HASHED_SECTIONS], sum = 0;
    cache_section_sizes(h, sizes);
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++) sum += sizes[k];
    return sum;
}

#endif

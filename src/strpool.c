/*
 * strpool: string interning over a hashtab index of references.
 * See strpool.h.
 */
#include "strpool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Sixteen bytes at a time in two lanes, so the multiplications of one
 * do not wait for the other's (the table mixes the result again:
 * hashtab_tag); was eight at a time in one lane, and before that FNV-1a,
 * a byte at a time, a tenth of a big load's adding thread. */
uint64_t strpool_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len, g = 0xC2B2AE3D27D4EB4Full;
    while (len >= 16) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + 8, 8);
        h = (h ^ a) * 0xFF51AFD7ED558CCDull;
        g = (g ^ b) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 32;
        g ^= g >> 29;
        s += 16;
        len -= 16;
    }
    if (len >= 8) {
        uint64_t a;
        memcpy(&a, s, 8);
        h = (h ^ a) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, len);
    h = (h ^ w ^ g) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

void strpool_init(StrPool *pool)
{
    memset(pool, 0, sizeof *pool);
    pool->cap = 4096;
    pool->data = xmalloc(pool->cap);
    pool->data[0] = '\0';
    pool->len = 1;
    hashtab_reserve(&pool->index, 512);
    pool->hashed = true;
    pool->mode_known = true;
}

void strpool_free(StrPool *pool)
{
    free(pool->data);
    hashtab_free(&pool->index);
    memset(pool, 0, sizeof *pool);
}

/* Walks the strings after "" in order, indexing the interned ones when
 * `index`: how many there are. Leaves pool->appending as the block ends
 * (an empty string switches between interned and appended strings). */
static size_t walk(StrPool *pool, bool index)
{
    bool appended = false;
    size_t interned = 0;
    for (size_t at = 1; at < pool->len;) {
        size_t len = strlen(pool->data + at);
        if (len == 0) {
            appended = !appended;
        } else if (!appended) {
            interned++;
            if (index) hashtab_add(&pool->index, strpool_hash(pool->data + at, len), (uint32_t)at);
        }
        at += len + 1;
    }
    pool->appending = appended;
    pool->mode_known = true;
    return interned;
}

/* Indexes every interned string of an adopted or compacted pool. */
static void hash_all(StrPool *pool)
{
    hashtab_clear(&pool->index);
    hashtab_reserve(&pool->index, walk(pool, false));
    walk(pool, true);
    pool->hashed = true;
}

void strpool_adopt(StrPool *pool, char *data, size_t len)
{
    free(pool->data);
    pool->data = data;
    pool->len = len;
    pool->cap = len;
    hashtab_clear(&pool->index);
    pool->hashed = false;
    pool->mode_known = false;
}

/* Appends s[0..len) and its NUL to the block, after an empty string when
 * it is not of the kind (appended or interned) stored last: its reference. */
static uint32_t store(StrPool *pool, const char *s, size_t len, bool appended)
{
    if (!pool->mode_known) walk(pool, false);
    bool mark = appended != pool->appending;
    size_t need = len + 1 + (mark ? 1 : 0);
    if (pool->len + need > UINT32_MAX) {
        fprintf(stderr, "sahelmap: string pool over 4 GiB\n");
        abort();
    }
    pool->data = xgrow(pool->data, &pool->cap, pool->len + need, 1);
    if (mark) pool->data[pool->len++] = '\0';
    pool->appending = appended;
    uint32_t ref = (uint32_t)pool->len;
    memcpy(pool->data + ref, s, len);
    pool->data[ref + len] = '\0';
    pool->len += len + 1;
    return ref;
}

uint32_t strpool_append(StrPool *pool, const char *s, size_t len)
{
    const char *nul = memchr(s, '\0', len);
    if (nul != NULL) len = (size_t)(nul - s);
    return len == 0 ? 0 : store(pool, s, len, true);
}

uint32_t strpool_intern(StrPool *pool, const char *s, size_t len)
{
    const char *nul = memchr(s, '\0', len);
    if (nul != NULL) len = (size_t)(nul - s);
    if (len == 0) return 0;
    if (!pool->hashed) hash_all(pool);

    HashProbe probe = hashtab_probe(&pool->index, strpool_hash(s, len));
    uint32_t ref;
    while (hashtab_next(&pool->index, &probe, &ref)) {
        const char *t = pool->data + ref;
        if (memcmp(t, s, len) == 0 && t[len] == '\0') return ref;
    }

    ref = store(pool, s, len, false);
    hashtab_insert(&pool->index, &probe, ref);
    return ref;
}

void strpool_compact(StrPool *pool)
{
    hashtab_free(&pool->index);
    pool->hashed = false;
    if (pool->cap > pool->len) {
        pool->data = xrealloc(pool->data, pool->len);
        pool->cap = pool->len;
    }
}

size_t strpool_bytes(const StrPool *pool)
{
    return pool->cap + hashtab_bytes(&pool->index);
}

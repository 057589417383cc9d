/*
 * strpool: string interning with an open-addressing hash table (linear
 * probing, FNV-1a, load factor <= 1/2). See strpool.h.
 */
#include "strpool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void strpool_init(StrPool *pool)
{
    memset(pool, 0, sizeof *pool);
    pool->cap = 4096;
    pool->data = xmalloc(pool->cap);
    pool->data[0] = '\0';
    pool->len = 1;
    pool->nslots = 1024;
    pool->slots = xcalloc(pool->nslots, sizeof *pool->slots);
    pool->hashed = true;
}

void strpool_free(StrPool *pool)
{
    free(pool->data);
    free(pool->slots);
    memset(pool, 0, sizeof *pool);
}

static void rehash(StrPool *pool)
{
    size_t n = pool->nslots * 2;
    uint32_t *slots = xcalloc(n, sizeof *slots);
    for (size_t i = 0; i < pool->nslots; i++) {
        uint32_t ref = pool->slots[i];
        if (ref == 0) continue;
        const char *s = pool->data + ref;
        size_t j = hash_bytes(s, strlen(s)) & (n - 1);
        while (slots[j] != 0) j = (j + 1) & (n - 1);
        slots[j] = ref;
    }
    free(pool->slots);
    pool->slots = slots;
    pool->nslots = n;
}

/* Hashes every string of an adopted pool. */
static void hash_all(StrPool *pool)
{
    size_t strings = 0;
    for (size_t at = 1; at < pool->len; at += strlen(pool->data + at) + 1) strings++;
    size_t n = 1024;
    while (n < strings * 2 + 2) n *= 2;
    free(pool->slots);
    pool->slots = xcalloc(n, sizeof *pool->slots);
    pool->nslots = n;
    pool->count = 0;
    for (size_t at = 1; at < pool->len; at += strlen(pool->data + at) + 1) {
        const char *s = pool->data + at;
        size_t j = hash_bytes(s, strlen(s)) & (n - 1);
        while (pool->slots[j] != 0) j = (j + 1) & (n - 1);
        pool->slots[j] = (uint32_t)at;
        pool->count++;
    }
    pool->hashed = true;
}

void strpool_adopt(StrPool *pool, char *data, size_t len)
{
    free(pool->data);
    pool->data = data;
    pool->len = len;
    pool->cap = len;
    pool->count = 0;
    pool->hashed = false;
}

uint32_t strpool_intern(StrPool *pool, const char *s, size_t len)
{
    const char *nul = memchr(s, '\0', len);
    if (nul != NULL) len = (size_t)(nul - s);
    if (len == 0) return 0;
    if (!pool->hashed) hash_all(pool);

    size_t mask = pool->nslots - 1;
    size_t j = hash_bytes(s, len) & mask;
    for (;;) {
        uint32_t ref = pool->slots[j];
        if (ref == 0) break;
        const char *t = pool->data + ref;
        if (memcmp(t, s, len) == 0 && t[len] == '\0') return ref;
        j = (j + 1) & mask;
    }

    if (pool->len + len + 1 > UINT32_MAX) {
        fprintf(stderr, "sahelmap: string pool over 4 GiB\n");
        abort();
    }
    pool->data = xgrow(pool->data, &pool->cap, pool->len + len + 1, 1);
    uint32_t ref = (uint32_t)pool->len;
    memcpy(pool->data + ref, s, len);
    pool->data[ref + len] = '\0';
    pool->len += len + 1;
    pool->slots[j] = ref;
    pool->count++;
    if (pool->count * 2 > pool->nslots) rehash(pool);
    return ref;
}

size_t strpool_bytes(const StrPool *pool)
{
    return pool->cap + pool->nslots * sizeof *pool->slots;
}

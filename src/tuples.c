/*
 * tuples: interning of fixed-arity uint32 tuples (open addressing, linear
 * probing, load factor <= 1/2). See tuples.h.
 */
#include "tuples.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint32_t hash_tuple(const uint32_t *v, unsigned arity)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (unsigned i = 0; i < arity; i++) {
        h ^= v[i];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    return (uint32_t)h;
}

static void insert_slot(uint32_t *slots, size_t nslots, uint32_t hash,
                        uint32_t index)
{
    size_t j = hash & (nslots - 1);
    while (slots[j] != 0) j = (j + 1) & (nslots - 1);
    slots[j] = index + 1;
}

void tuples_init(TupleTable *t, unsigned arity)
{
    assert(arity >= 1 && arity <= TUPLES_MAX_ARITY);
    memset(t, 0, sizeof *t);
    t->arity = arity;
    t->cap = 64;
    t->values = xcalloc(t->cap * arity, sizeof *t->values);
    t->count = 1; /* the zero tuple */
    t->nslots = 256;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    insert_slot(t->slots, t->nslots, hash_tuple(t->values, arity), 0);
    t->hashed = true;
}

void tuples_free(TupleTable *t)
{
    free(t->values);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static void rehash(TupleTable *t)
{
    size_t n = t->nslots * 2;
    while (n < t->count * 2 + 2) n *= 2;
    uint32_t *slots = xcalloc(n, sizeof *slots);
    for (size_t i = 0; i < t->count; i++)
        insert_slot(slots, n, hash_tuple(tuples_get(t, (uint32_t)i), t->arity),
                    (uint32_t)i);
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    t->hashed = true;
}

void tuples_adopt(TupleTable *t, uint32_t *values, size_t count)
{
    free(t->values);
    t->values = values;
    t->count = count;
    t->cap = count;
    t->hashed = false;
}

uint32_t tuples_intern(TupleTable *t, const uint32_t *vals)
{
    if (!t->hashed) rehash(t);
    size_t bytes = t->arity * sizeof *vals;
    uint32_t h = hash_tuple(vals, t->arity);
    size_t j = h & (t->nslots - 1);
    while (t->slots[j] != 0) {
        uint32_t index = t->slots[j] - 1;
        if (memcmp(tuples_get(t, index), vals, bytes) == 0) return index;
        j = (j + 1) & (t->nslots - 1);
    }
    size_t cap_values = t->cap * t->arity;
    t->values = xgrow(t->values, &cap_values, (t->count + 1) * t->arity,
                      sizeof *t->values);
    t->cap = cap_values / t->arity;
    uint32_t index = (uint32_t)t->count++;
    memcpy(t->values + (size_t)index * t->arity, vals, bytes);
    t->slots[j] = index + 1;
    if (t->count * 2 > t->nslots) rehash(t);
    return index;
}

size_t tuples_bytes(const TupleTable *t)
{
    return t->cap * t->arity * sizeof(uint32_t) + t->nslots * sizeof(uint32_t);
}

/*
 * tuples: interning of fixed-arity uint32 tuples over a hashtab index of
 * tuple indexes. See tuples.h.
 */
#include "tuples.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xalloc.h"

static uint64_t hash_tuple(const uint32_t *v, unsigned arity)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (unsigned i = 0; i < arity; i++) {
        h ^= v[i];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    return h;
}

void tuples_init(TupleTable *t, unsigned arity)
{
    SM_ASSERT(arity >= 1 && arity <= TUPLES_MAX_ARITY);
    memset(t, 0, sizeof *t);
    t->arity = arity;
    t->cap = 64;
    t->values = xcalloc(t->cap * arity, sizeof *t->values);
    t->count = 1; /* the zero tuple */
    hashtab_reserve(&t->index, 128);
    hashtab_add(&t->index, hash_tuple(t->values, arity), 0);
    t->hashed = true;
}

void tuples_free(TupleTable *t)
{
    free(t->values);
    hashtab_free(&t->index);
    memset(t, 0, sizeof *t);
}

/* Indexes every tuple of an adopted table. */
static void hash_all(TupleTable *t)
{
    hashtab_clear(&t->index);
    hashtab_reserve(&t->index, t->count);
    for (size_t i = 0; i < t->count; i++)
        hashtab_add(&t->index, hash_tuple(tuples_get(t, (uint32_t)i), t->arity),
                    (uint32_t)i);
    t->hashed = true;
}

void tuples_adopt(TupleTable *t, uint32_t *values, size_t count)
{
    free(t->values);
    t->values = values;
    t->count = count;
    t->cap = count;
    hashtab_clear(&t->index);
    t->hashed = false;
}

uint32_t tuples_intern(TupleTable *t, const uint32_t *vals)
{
    if (!t->hashed) hash_all(t);
    size_t bytes = t->arity * sizeof *vals;
    HashProbe probe = hashtab_probe(&t->index, hash_tuple(vals, t->arity));
    uint32_t index;
    while (hashtab_next(&t->index, &probe, &index))
        if (memcmp(tuples_get(t, index), vals, bytes) == 0) return index;
    size_t cap_values = t->cap * t->arity;
    t->values = xgrow(t->values, &cap_values, (t->count + 1) * t->arity,
                      sizeof *t->values);
    t->cap = cap_values / t->arity;
    index = (uint32_t)t->count++;
    memcpy(t->values + (size_t)index * t->arity, vals, bytes);
    hashtab_insert(&t->index, &probe, index);
    return index;
}

void tuples_compact(TupleTable *t)
{
    hashtab_free(&t->index);
    t->hashed = false;
    if (t->cap > t->count && t->count > 0) {
        t->values = xrealloc(t->values, t->count * t->arity * sizeof *t->values);
        t->cap = t->count;
    }
}

size_t tuples_bytes(const TupleTable *t)
{
    return t->cap * t->arity * sizeof(uint32_t) + hashtab_bytes(&t->index);
}

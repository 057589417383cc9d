/*
 * tuples: interned fixed-size tuples of 32-bit values. Events share a few
 * thousand distinct (actor1, assoc1, actor2, assoc2) or (country, admin1,
 * admin2, admin3, location) combinations; storing each once and keeping a
 * 4-byte index per event is what keeps an event near 44 bytes.
 * Index 0 is always the all-zero tuple.
 */
#ifndef SAHELMAP_TUPLES_H
#define SAHELMAP_TUPLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hashtab.h"

#define TUPLES_MAX_ARITY 8

typedef struct TupleTable {
    unsigned arity;
    uint32_t *values;     /* count * arity values */
    size_t count, cap;
    HashTab index;        /* tuple indexes, by content */
    bool hashed;          /* false after tuples_adopt, until next intern */
} TupleTable;

/* An empty table of tuples with `arity` values (1..TUPLES_MAX_ARITY),
 * holding only the zero tuple. Release with tuples_free. */
void tuples_init(TupleTable *t, unsigned arity);
void tuples_free(TupleTable *t);

/* The index of the tuple vals[0..arity), adding it if new. */
uint32_t tuples_intern(TupleTable *t, const uint32_t *vals);

/* The values of tuple `index`; valid until the next intern. */
static inline const uint32_t *tuples_get(const TupleTable *t, uint32_t index)
{
    return t->values + (size_t)index * t->arity;
}

/* Replaces the table's tuples by values[0 .. count * arity) (taken over),
 * whose first tuple must be all zeros. Hashed lazily, on the next intern. */
void tuples_adopt(TupleTable *t, uint32_t *values, size_t count);

/* Bytes held by the table. */
/* Gives back the hash table (rebuilt when something is next interned)
 * and the unused tail of the values. Indexes stay valid. */
void tuples_compact(TupleTable *t);

size_t tuples_bytes(const TupleTable *t);

#endif

/*
 * hashtab: the one hash index of sahelmap. It maps a caller's 64-bit hash
 * to uint32 values (an index or offset into the caller's own storage); it
 * never sees the keys themselves, so the caller compares them. Used by
 * strpool, tuples, stats, the events' id index, render's text cache and
 * blend's tinted sprites.
 *
 * Open addressing with linear probing, load factor at most 1/2, doubling.
 * Each slot keeps a 32-bit tag (a mix of the hash) beside the value: the
 * tag picks the slot, so growing needs no help from the caller, and a probe
 * skips almost every other key without touching the caller's data.
 *
 * Any 64-bit value that differs between keys will do as a hash (an integer
 * key as it is, a string's bytes mixed eight at a time): the table mixes it itself.
 *
 * Looking up and adding is one walk (the probe stops at the empty slot
 * where the key would go):
 *
 *     HashProbe p = hashtab_probe(&tab, hash);
 *     uint32_t v;
 *     while (hashtab_next(&tab, &p, &v))
 *         if (key_equal(v)) return v;
 *     hashtab_insert(&tab, &p, new_value);
 *
 * A zeroed HashTab is an empty one (no memory until the first insert).
 */
#ifndef SAHELMAP_HASHTAB_H
#define SAHELMAP_HASHTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct HashTab {
    uint64_t *slots;     /* (uint64_t)tag << 32 | (value + 1); 0 = empty */
    size_t nslots;       /* a power of two, or 0 before the first insert */
    size_t mask;         /* nslots - 1, or 0 */
    size_t count;        /* values held */
} HashTab;

/* Where a lookup is: the tag it looks for and the slot it has reached. */
typedef struct HashProbe {
    uint32_t tag;
    size_t at;
} HashProbe;

/* The tag of a caller's hash: its two halves folded together, then mixed
 * (MurmurHash3's 32-bit finaliser, a bijection). Its low bits pick the
 * home slot, so keys that differ only in their high bits still spread.
 * Hashes below 2^32 get distinct tags: for a 32-bit key passed as its own
 * hash, an equal tag means an equal key. */
static inline uint32_t hashtab_tag(uint64_t h)
{
    uint32_t x = (uint32_t)h ^ (uint32_t)(h >> 32);
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    x *= 0xC2B2AE35u;
    x ^= x >> 16;
    return x;
}

/* Starts a lookup of `hash`: call hashtab_next for the candidates. */
static inline HashProbe hashtab_probe(const HashTab *t, uint64_t hash)
{
    HashProbe p;
    p.tag = hashtab_tag(hash);
    p.at = (size_t)p.tag & t->mask;
    return p;
}

/* The next value stored with the probe's tag: true and *value set, the
 * probe moved past it; false when the walk reaches an empty slot, where
 * the probe then stays (for hashtab_insert). Candidates come in the order
 * they were inserted. An equal tag does not mean an equal key: the caller
 * compares. */
static inline bool hashtab_next(const HashTab *t, HashProbe *p, uint32_t *value)
{
    if (t->slots == NULL) return false;
    for (;;) {
        uint64_t slot = t->slots[p->at];
        if (slot == 0) return false;
        p->at = (p->at + 1) & t->mask;
        if ((uint32_t)(slot >> 32) == p->tag) {
            *value = (uint32_t)slot - 1;
            return true;
        }
    }
}

/* Adds value (< UINT32_MAX, asserted) under the probe's tag, at the empty
 * slot where hashtab_next stopped; first grows the table (keeping the load
 * at most 1/2) when needed. The probe must come from a walk that ended
 * (hashtab_next returned false) with no change to the table since. */
void hashtab_insert(HashTab *t, const HashProbe *p, uint32_t value);

/* Adds value under hash without looking for an equal key (to rebuild an
 * index from the caller's storage: for equal keys, the first added is the
 * first candidate). */
void hashtab_add(HashTab *t, uint64_t hash, uint32_t value);

/* Makes room for `count` values in all, so that adding up to that many
 * grows the table no more. */
void hashtab_reserve(HashTab *t, size_t count);

/* Empties the table, keeping its memory for reuse. */
void hashtab_clear(HashTab *t);

/* Frees the slots: the table is a zeroed, empty one again. */
void hashtab_free(HashTab *t);

/* Bytes held by the table. */
static inline size_t hashtab_bytes(const HashTab *t)
{
    return t->nslots * sizeof *t->slots;
}

#endif

/*
 * hashtab: open-addressing hash index of uint32 values (linear probing,
 * load factor <= 1/2, doubling). See hashtab.h.
 */
#include "hashtab.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xalloc.h"

#define MIN_SLOTS 16
/* Slots are picked by a 32-bit tag: a table can use at most 2^32 of them. */
#define MAX_SLOTS ((uint64_t)1 << 32)

/* Puts a slot word into the first empty slot from its tag's home. */
static void place(uint64_t *slots, size_t nslots, uint64_t word)
{
    size_t j = (size_t)(word >> 32) & (nslots - 1);
    while (slots[j] != 0) j = (j + 1) & (nslots - 1);
    slots[j] = word;
}

/* Zeroed memory for n slots: a big table in 2 MiB pages where the system
 * allows it (xmalloc_big), as a look-up in a table of millions of slots
 * misses the caches, and with 4 KiB pages the address translation too. */
static uint64_t *slots_alloc(size_t n)
{
    uint64_t *p = xmalloc_big(n * sizeof *p);
    memset(p, 0, n * sizeof *p);
    return p;
}

/* Moves every slot into a new table of n slots (a power of two). Slots
 * are moved in table order starting after an empty one, so that values
 * under one tag keep their order (the first inserted is met first). */
static void resize(HashTab *t, size_t n)
{
    uint64_t *slots = slots_alloc(n);
    if (t->count > 0) {
        size_t start = 0;
        while (t->slots[start] != 0) start++;   /* load <= 1/2: one exists */
        for (size_t k = 1; k <= t->nslots; k++) {
            uint64_t word = t->slots[(start + k) & (t->nslots - 1)];
            if (word != 0) place(slots, n, word);
        }
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    t->mask = n - 1;
}

void hashtab_reserve(HashTab *t, size_t count)
{
    size_t n = t->nslots ? t->nslots : MIN_SLOTS;
    while (n < 2 * count) n *= 2;
    SM_ASSERT((uint64_t)n <= MAX_SLOTS);
    if (n != t->nslots) resize(t, n);
}

void hashtab_insert(HashTab *t, const HashProbe *p, uint32_t value)
{
    SM_ASSERT(value < UINT32_MAX);
    uint64_t word = (uint64_t)p->tag << 32 | (uint64_t)(value + 1);
    if ((t->count + 1) * 2 > t->nslots) {
        hashtab_reserve(t, t->count + 1);
        place(t->slots, t->nslots, word);
    } else {
        SM_ASSERT(p->at < t->nslots && t->slots[p->at] == 0);
        t->slots[p->at] = word;
    }
    t->count++;
}

void hashtab_add(HashTab *t, uint64_t hash, uint32_t value)
{
    SM_ASSERT(value < UINT32_MAX);
    if ((t->count + 1) * 2 > t->nslots) hashtab_reserve(t, t->count + 1);
    place(t->slots, t->nslots, (uint64_t)hashtab_tag(hash) << 32 | (uint64_t)(value + 1));
    t->count++;
}

void hashtab_clear(HashTab *t)
{
    if (t->slots != NULL) memset(t->slots, 0, t->nslots * sizeof *t->slots);
    t->count = 0;
}

void hashtab_free(HashTab *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}

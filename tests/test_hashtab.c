/*
 * test_hashtab: the hash index under strpool, tuples, stats, events and
 * render: lookups and inserts through one probe, growth that keeps every
 * value findable, keys whose hashes collide (fully, or in the slot only),
 * many keys, order of equal tags, clearing and reserving, how tags spread.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "hashtab.h"

/* The caller's side of a table: keys stored at the values' indexes. */
typedef struct Keys {
    uint64_t *key;
    size_t count, cap;
} Keys;

/* The value of key, or UINT32_MAX; *probe is left where it would go. */
static uint32_t find(const HashTab *t, const Keys *k, uint64_t key, uint64_t hash,
                     HashProbe *probe)
{
    *probe = hashtab_probe(t, hash);
    uint32_t v;
    while (hashtab_next(t, probe, &v)) {
        assert_true(v < k->count);
        if (k->key[v] == key) return v;
    }
    return UINT32_MAX;
}

/* The value of key, adding it (as the next index) if new. */
static uint32_t intern(HashTab *t, Keys *k, uint64_t key, uint64_t hash)
{
    HashProbe probe;
    uint32_t v = find(t, k, key, hash, &probe);
    if (v != UINT32_MAX) return v;
    if (k->count == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        k->key = realloc(k->key, k->cap * sizeof *k->key);
        assert_non_null(k->key);
    }
    v = (uint32_t)k->count;
    k->key[k->count++] = key;
    hashtab_insert(t, &probe, v);
    return v;
}

static void test_empty_table(void **state)
{
    (void)state;
    HashTab t = {0};
    HashProbe p = hashtab_probe(&t, 42);
    uint32_t v = 7;
    assert_false(hashtab_next(&t, &p, &v));
    assert_int_equal(v, 7);
    assert_int_equal(hashtab_bytes(&t), 0);
    hashtab_clear(&t);                       /* on no memory: fine */
    hashtab_insert(&t, &p, 0);               /* the first insert allocates */
    assert_int_equal(t.count, 1);
    assert_true(t.nslots >= 2);
    p = hashtab_probe(&t, 42);
    assert_true(hashtab_next(&t, &p, &v));
    assert_int_equal(v, 0);
    assert_false(hashtab_next(&t, &p, &v));
    hashtab_free(&t);
    assert_null(t.slots);
    assert_int_equal(t.nslots, 0);
    assert_int_equal(t.count, 0);
}

static void test_lookup_and_insert(void **state)
{
    (void)state;
    HashTab t = {0};
    Keys k = {0};
    uint32_t a = intern(&t, &k, 1000, 1000);
    uint32_t b = intern(&t, &k, 2000, 2000);
    assert_int_not_equal(a, b);
    assert_int_equal(intern(&t, &k, 1000, 1000), a);
    assert_int_equal(intern(&t, &k, 2000, 2000), b);
    assert_int_equal(t.count, 2);
    HashProbe p;
    assert_int_equal(find(&t, &k, 3000, 3000, &p), UINT32_MAX);
    /* Zero is a hash like any other, and a value like any other. */
    assert_int_equal(intern(&t, &k, 0, 0), 2);
    assert_int_equal(find(&t, &k, 0, 0, &p), 2);
    hashtab_free(&t);
    free(k.key);
}

/* Every key stays findable while the table doubles, and the load stays at
 * most 1/2. */
static void test_growth(void **state)
{
    (void)state;
    HashTab t = {0};
    Keys k = {0};
    size_t grown = 0, last = 0;
    for (uint64_t key = 1; key <= 5000; key++) {
        assert_int_equal(intern(&t, &k, key * 7919, key * 7919), key - 1);
        assert_true(t.count * 2 <= t.nslots);
        assert_int_equal(t.nslots & (t.nslots - 1), 0);
        if (t.nslots != last) grown++;
        last = t.nslots;
        if (key % 1000 == 0) {
            HashProbe p;
            for (uint64_t old = 1; old <= key; old++)
                assert_int_equal(find(&t, &k, old * 7919, old * 7919, &p), old - 1);
        }
    }
    assert_true(grown >= 8);
    assert_int_equal(t.count, 5000);
    assert_int_equal(hashtab_bytes(&t), t.nslots * sizeof(uint64_t));
    hashtab_free(&t);
    free(k.key);
}

/* Keys that share one hash are all candidates of one walk, in the order
 * they were inserted, before and after the table grows. */
static void test_full_collisions(void **state)
{
    (void)state;
    HashTab t = {0};
    Keys k = {0};
    for (uint64_t key = 0; key < 300; key++)
        assert_int_equal(intern(&t, &k, key, 99), key);
    for (uint64_t key = 0; key < 300; key++)
        assert_int_equal(intern(&t, &k, key, 99), key);
    HashProbe p = hashtab_probe(&t, 99);
    uint32_t v, expect = 0;
    while (hashtab_next(&t, &p, &v)) assert_int_equal(v, expect++);
    assert_int_equal(expect, 300);
    /* Other keys live among them. */
    for (uint64_t key = 1000; key < 1300; key++)
        assert_int_equal(intern(&t, &k, key, key), key - 700);
    for (uint64_t key = 0; key < 300; key++)
        assert_int_equal(find(&t, &k, key, 99, &p), key);
    for (uint64_t key = 1000; key < 1300; key++)
        assert_int_equal(find(&t, &k, key, key, &p), key - 700);
    hashtab_free(&t);
    free(k.key);
}

/* Hashes with different tags but one home slot: the walk passes the
 * others' values without offering them. */
static void test_slot_collisions(void **state)
{
    (void)state;
    HashTab t = {0};
    hashtab_reserve(&t, 8);
    size_t mask = t.nslots - 1;
    uint64_t hashes[6];
    size_t found = 0;
    for (uint64_t h = 1; found < 6; h++)
        if ((hashtab_tag(h) & mask) == (hashtab_tag(12345) & mask) && h != 12345)
            hashes[found++] = h;
    for (uint32_t i = 0; i < 6; i++) {
        HashProbe p = hashtab_probe(&t, hashes[i]);
        uint32_t v;
        while (hashtab_next(&t, &p, &v)) fail_msg("hash %u offered value %u", i, v);
        hashtab_insert(&t, &p, i);
    }
    for (uint32_t i = 0; i < 6; i++) {
        HashProbe p = hashtab_probe(&t, hashes[i]);
        uint32_t v;
        assert_true(hashtab_next(&t, &p, &v));
        assert_int_equal(v, i);
        assert_false(hashtab_next(&t, &p, &v));
    }
    hashtab_free(&t);
}

/* Many keys, with hashes that differ only above bit 20 (the table mixes
 * them): all found, absent ones not, the table at most 4 slots a key. */
static void test_many_keys(void **state)
{
    (void)state;
    enum { N = 300000 };
    HashTab t = {0};
    Keys k = {0};
    for (uint64_t key = 0; key < N; key++)
        assert_int_equal(intern(&t, &k, key << 20, key << 20), key);
    assert_int_equal(t.count, N);
    assert_true(t.nslots >= 2 * N && t.nslots <= 4 * N);
    HashProbe p;
    for (uint64_t key = 0; key < N; key++)
        assert_int_equal(find(&t, &k, key << 20, key << 20, &p), key);
    for (uint64_t key = N; key < N + 1000; key++)
        assert_int_equal(find(&t, &k, key << 20, key << 20, &p), UINT32_MAX);
    hashtab_free(&t);
    free(k.key);
}

/* hashtab_add builds an index from stored keys; reserve keeps the slots;
 * clear empties without freeing. */
static void test_add_reserve_clear(void **state)
{
    (void)state;
    HashTab t = {0};
    hashtab_reserve(&t, 1000);
    size_t slots = t.nslots;
    assert_true(slots >= 2000);
    for (uint32_t i = 0; i < 1000; i++) hashtab_add(&t, i * 3u, i);
    assert_int_equal(t.nslots, slots);
    assert_int_equal(t.count, 1000);
    hashtab_add(&t, 0, 1000);                /* an equal key, added after */
    HashProbe p = hashtab_probe(&t, 0);
    uint32_t v;
    assert_true(hashtab_next(&t, &p, &v));
    assert_int_equal(v, 0);                  /* the first added comes first */
    assert_true(hashtab_next(&t, &p, &v));
    assert_int_equal(v, 1000);
    hashtab_reserve(&t, 10);                 /* never shrinks */
    assert_int_equal(t.nslots, slots);
    hashtab_clear(&t);
    assert_int_equal(t.count, 0);
    assert_int_equal(t.nslots, slots);
    p = hashtab_probe(&t, 3);
    assert_false(hashtab_next(&t, &p, &v));
    hashtab_insert(&t, &p, 5);
    p = hashtab_probe(&t, 3);
    assert_true(hashtab_next(&t, &p, &v));
    assert_int_equal(v, 5);
    hashtab_free(&t);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Tags look random even for sequential hashes and for hashes that differ
 * only in their high bits: their low 16 bits (a 65,536-slot table's homes)
 * are as spread as random numbers would be (about 63% of the homes used by
 * 65,536 keys). Hashes below 2^32 never share a tag (events.c relies on
 * it); other hashes rarely do. */
static void test_tags_spread(void **state)
{
    (void)state;
    enum { N = 1 << 16 };
    uint32_t *tags = malloc(N * sizeof *tags);
    uint8_t *used = calloc(N, 1);
    assert_non_null(tags);
    assert_non_null(used);
    for (int kind = 0; kind < 3; kind++) {
        memset(used, 0, N);
        size_t homes = 0, equal = 0;
        for (uint64_t i = 0; i < N; i++) {
            uint64_t h = kind == 0 ? i                          /* small keys */
                       : kind == 1 ? (i * 2654435761u) & 0xFFFFFFFFu
                                   : i << 40 | i;               /* high bits */
            tags[i] = hashtab_tag(h);
            if (!used[tags[i] & (N - 1)]++) homes++;
        }
        qsort(tags, N, sizeof *tags, cmp_u32);
        for (size_t i = 1; i < N; i++) equal += tags[i] == tags[i - 1];
        if (kind < 2) assert_int_equal(equal, 0);
        assert_true(equal <= 4);
        assert_true(homes > N * 60 / 100 && homes < N * 66 / 100);
    }
    free(used);
    free(tags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_table),
        cmocka_unit_test(test_lookup_and_insert),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_full_collisions),
        cmocka_unit_test(test_slot_collisions),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_add_reserve_clear),
        cmocka_unit_test(test_tags_spread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

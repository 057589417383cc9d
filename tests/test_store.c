/*
 * test_store: interning (strpool, tuples), the notes spill file, and the
 * event store: adding, monadic merging (every associate kept), id spaces,
 * exact repeats and conflicts, file identities, stable sorting, ranges,
 * rollback.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "events.h"
#include "notes.h"
#include "strpool.h"
#include "tuples.h"

static void test_strpool(void **state)
{
    (void)state;
    StrPool pool;
    strpool_init(&pool);
    assert_int_equal(strpool_intern(&pool, "", 0), 0);
    uint32_t a = strpool_intern(&pool, "Mopti", 5);
    uint32_t b = strpool_intern(&pool, "Gao", 3);
    assert_int_not_equal(a, b);
    assert_int_equal(strpool_intern(&pool, "Mopti plus", 5), a);
    char name[32];
    uint32_t refs[5000];
    for (int i = 0; i < 5000; i++) {   /* forces several rehashes */
        snprintf(name, sizeof name, "actor %d", i);
        refs[i] = strpool_intern(&pool, name, strlen(name));
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "actor %d", i);
        assert_int_equal(strpool_intern(&pool, name, strlen(name)), refs[i]);
        assert_string_equal(strpool_get(&pool, refs[i]), name);
    }
    assert_string_equal(strpool_get(&pool, a), "Mopti");
    strpool_free(&pool);
}

/* Appended strings (the events' ids) are stored but never indexed:
 * interning the same text gives a reference of its own, and the same one
 * after the index is rebuilt (a compact, an adopted cache). */
static void test_strpool_append(void **state)
{
    (void)state;
    StrPool pool;
    strpool_init(&pool);
    assert_int_equal(strpool_append(&pool, "", 0), 0);
    uint32_t id = strpool_append(&pool, "MLI1234", 7);
    uint32_t cut = strpool_append(&pool, "MLI9\0xyz", 8);   /* a NUL ends it */
    assert_string_equal(strpool_get(&pool, id), "MLI1234");
    assert_string_equal(strpool_get(&pool, cut), "MLI9");
    uint32_t actor = strpool_intern(&pool, "MLI1234", 7);
    assert_int_not_equal(actor, id);
    assert_int_equal(strpool_intern(&pool, "MLI1234", 7), actor);
    assert_int_equal(strpool_hash("MLI1234", 7), strpool_hash("MLI1234", 7));
    assert_int_not_equal(strpool_hash("MLI1234", 7), strpool_hash("MLI1235", 7));
    uint32_t after = strpool_intern(&pool, "after", 5);
    strpool_compact(&pool);
    assert_int_equal(strpool_intern(&pool, "MLI1234", 7), actor);
    assert_int_equal(strpool_intern(&pool, "after", 5), after);
    uint32_t mli9 = strpool_intern(&pool, "MLI9", 4);
    assert_int_not_equal(mli9, cut);
    assert_string_equal(strpool_get(&pool, cut), "MLI9");
    assert_string_equal(strpool_get(&pool, mli9), "MLI9");
    strpool_free(&pool);

    /* A run of appended strings costs one byte more than its strings (an
     * empty string switches the kind); an adopted copy knows which is
     * which, for its index and for what is stored next. */
    strpool_init(&pool);
    strpool_append(&pool, "ab", 2);
    strpool_append(&pool, "cd", 2);
    strpool_append(&pool, "ef", 2);
    assert_int_equal(pool.len, 1 + 1 + 3 * 3);
    uint32_t x = strpool_intern(&pool, "x", 1);
    assert_int_equal(pool.len, 11 + 1 + 2);
    strpool_append(&pool, "gh", 2);
    assert_int_equal(pool.len, 14 + 1 + 3);
    StrPool copy;
    strpool_init(&copy);
    char *data = malloc(pool.len);
    memcpy(data, pool.data, pool.len);
    strpool_adopt(&copy, data, pool.len);
    assert_int_equal(strpool_intern(&copy, "x", 1), x);
    uint32_t cd = strpool_intern(&copy, "cd", 2);          /* appended: not found */
    assert_true(cd >= pool.len);
    strpool_append(&copy, "ij", 2);
    size_t before = copy.len;
    assert_int_equal(strpool_intern(&copy, "ij", 2), before + 1);   /* a new copy */
    strpool_free(&copy);
    strpool_free(&pool);
}

static void test_tuples(void **state)
{
    (void)state;
    TupleTable t;
    tuples_init(&t, 3);
    uint32_t zero[3] = {0, 0, 0};
    assert_int_equal(tuples_intern(&t, zero), 0);
    uint32_t idx[3000];
    for (uint32_t i = 0; i < 3000; i++) {
        uint32_t v[3] = {i, i * 7, 1};
        idx[i] = tuples_intern(&t, v);
    }
    for (uint32_t i = 0; i < 3000; i++) {
        uint32_t v[3] = {i, i * 7, 1};
        assert_int_equal(tuples_intern(&t, v), idx[i]);
        assert_memory_equal(tuples_get(&t, idx[i]), v, sizeof v);
    }
    tuples_free(&t);
}

static void test_notes(void **state)
{
    (void)state;
    NotesStore store;
    notes_init(&store);
    assert_int_equal(notes_add(&store, "", 0), 0);
    uint64_t a = notes_add(&store, "first note", 10);
    uint64_t b = notes_add(&store, "second, with \"quotes\"", 21);
    notes_flush(&store);
    char *s = notes_get(&store, b);
    assert_string_equal(s, "second, with \"quotes\"");
    free(s);
    s = notes_get(&store, a);
    assert_string_equal(s, "first note");
    free(s);
    s = notes_get(&store, 0);
    assert_string_equal(s, "");
    free(s);
    notes_free(&store);
}

static EventInput input(const char *id, int32_t day, const char *actor1)
{
    EventInput in;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.day = in.day_end = day;
    in.lon = 2.0;
    in.lat = 15.0;
    in.type = EVENT_BATTLES;
    in.actor1 = actor1;
    in.fatalities = in.fatalities_low = in.fatalities_high = 3;
    in.date_precision = in.geo_precision = 1;
    return in;
}

static void test_event_columns_are_44_bytes(void **state)
{
    (void)state;
    assert_int_equal(events_column_bytes(), 44);
}

static void test_monadic_merge(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    EventInput a = input("MLI1", 100, "Military Forces of Mali");
    a.assoc_actor1 = "Wagner Group";
    EventInput b = input("MLI1", 100, "JNIM");
    b.assoc_actor1 = "Katiba Macina";
    EventInput c = input("MLI1", 100, "Dan Na Ambassagou");
    assert_int_equal(events_add(&set, &a), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &b), EVENTS_MERGED);
    assert_int_equal(events_add(&set, &b), EVENTS_DUPLICATE);
    assert_int_equal(events_add(&set, &a), EVENTS_DUPLICATE);
    assert_int_equal(events_add(&set, &c), EVENTS_MERGED);
    assert_int_equal(set.count, 1);
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR1), "Military Forces of Mali");
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR1), "Wagner Group");
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR2), "JNIM");
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR2),
                        "Katiba Macina; Dan Na Ambassagou");
    assert_true(set.flags[0] & EVENT_FLAG_MERGED);
    assert_int_equal(set.fat[0], 3);            /* not summed per row */

    EventInput anon = input(NULL, 100, "JNIM");  /* no id: never merged */
    assert_int_equal(events_add(&set, &anon), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &anon), EVENTS_ADDED);
    assert_int_equal(set.count, 3);
    events_free(&set);
}

static void test_many_actors_stay_bounded(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    char name[32];
    EventInput first = input("BIG", 100, "actor 0");
    events_add(&set, &first);
    for (int k = 1; k < 500; k++) {                  /* 500 monadic rows */
        snprintf(name, sizeof name, "actor %d", k);
        EventInput row = input("BIG", 100, name);
        events_add(&set, &row);
    }
    assert_int_equal(set.count, 1);
    const char *joined = events_text(&set, 0, TEXT_ASSOC_ACTOR2);
    int joins = 0;
    for (const char *p = joined; (p = strstr(p, "; ")) != NULL; p += 2) joins++;
    assert_true(joins <= 2 * EVENTS_MAX_EXTRA_ACTORS);
    assert_true(set.strings.len < 16 * 500);        /* linear: no growing joins */
    events_free(&set);
}

static void test_sort_is_stable_and_ranges(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    const int32_t days[] = {50, 10, 30, 10, 50, 20, 30};
    for (int i = 0; i < 7; i++) {
        char id[8];
        snprintf(id, sizeof id, "E%d", i);
        EventInput in = input(id, days[i], "x");
        in.fatalities = in.fatalities_low = in.fatalities_high = i;
        events_add(&set, &in);
    }
    assert_false(set.sorted);
    events_finish(&set);
    assert_true(set.sorted);
    const char *order[] = {"E1", "E3", "E5", "E2", "E6", "E0", "E4"};
    for (int i = 0; i < 7; i++) {
        assert_string_equal(events_text(&set, (size_t)i, TEXT_ID), order[i]);
        assert_int_equal(set.fat[i], order[i][1] - '0');
    }
    size_t lo, hi;
    events_range(&set, 10, 10, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 2);
    events_range(&set, 11, 30, &lo, &hi);
    assert_int_equal(lo, 2);
    assert_int_equal(hi, 5);
    events_range(&set, 51, 100, &lo, &hi);
    assert_int_equal(lo, hi);
    events_range(&set, 0, INT32_MAX, &lo, &hi);
    assert_int_equal(hi - lo, 7);
    events_range(&set, 40, 20, &lo, &hi);
    assert_int_equal(lo, hi);

    /* Adding after finishing, then finishing again, keeps it right. */
    EventInput late = input("E7", 5, "x");
    events_add(&set, &late);
    events_finish(&set);
    assert_string_equal(events_text(&set, 0, TEXT_ID), "E7");
    assert_int_equal(set.count, 8);
    events_free(&set);
}

static void test_rollback(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    EventInput a = input("K1", 10, "A");
    events_add(&set, &a);
    events_add_file(&set, "good.csv");
    EventsMark mark = events_mark(&set);
    events_add_file(&set, "bad.json");
    EventInput b = input("K1", 10, "B");        /* merges into the old one */
    EventInput c = input("K2", 5, "C");
    assert_int_equal(events_add(&set, &b), EVENTS_MERGED);
    events_add(&set, &c);
    events_rollback(&set, mark);
    assert_int_equal(set.count, 1);
    assert_int_equal(set.nfiles, 1);
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR2), "");
    assert_false(set.flags[0] & EVENT_FLAG_MERGED);
    /* The id index still works after a rollback. */
    assert_int_equal(events_add(&set, &b), EVENTS_MERGED);
    assert_int_equal(events_add(&set, &c), EVENTS_ADDED);
    events_finish(&set);
    assert_string_equal(events_text(&set, 0, TEXT_ID), "K2");
    events_free(&set);
}

/* Ids are one event only within one id space: file-local ids (GeoJSON
 * feature ids, a generic "id") never across files; ACLED's and UCDP's ids
 * across files, but never one another's. */
static void test_id_spaces(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    events_add_file(&set, "a.geojson");
    events_add_file(&set, "b.geojson");
    EventInput a = input("0", 100, "x"), b = input("0", 101, "y");
    a.id_space = b.id_space = EVENTS_ID_FILE;
    b.file = 1;
    assert_int_equal(events_add(&set, &a), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &b), EVENTS_ADDED);     /* another file's 0 */
    assert_int_equal(events_add(&set, &a), EVENTS_DUPLICATE); /* the same file's 0 */
    assert_int_equal(events_add(&set, &b), EVENTS_DUPLICATE);

    EventInput ucdp = input("300001", 100, "IS Sahel");
    EventInput row = input("300001", 100, "IS Sahel");
    EventInput acled = input("300001", 100, "IS Sahel");
    ucdp.id_space = EVENTS_ID_UCDP;
    row.id_space = EVENTS_ID_ACLED_ROW;
    acled.file = ucdp.file = 1;
    assert_int_equal(events_add(&set, &ucdp), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &row), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &acled), EVENTS_ADDED);
    EventInput acled_again = acled;
    acled_again.file = 0;                       /* ACLED's ids hold across files */
    EventsAddInfo info;
    assert_int_equal(events_add_info(&set, &acled_again, &info), EVENTS_DUPLICATE);
    assert_int_equal(info.held_file, 1);
    assert_true(info.first_in_file);
    assert_int_equal(events_add_info(&set, &acled_again, &info), EVENTS_DUPLICATE);
    assert_false(info.first_in_file);           /* one event counted once per file */
    assert_int_equal(set.count, 5);
    /* Ids are compared as text, apart from the interned strings: an id
     * that is also an actor's name is still one event's id. */
    EventInput named = input("IS Sahel", 100, "300001");
    assert_int_equal(events_add(&set, &named), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &named), EVENTS_DUPLICATE);
    assert_string_equal(events_text(&set, set.count - 1, TEXT_ID), "IS Sahel");
    assert_string_equal(events_text(&set, set.count - 1, TEXT_ACTOR1), "300001");
    assert_int_equal(set.count, 6);

    /* The index rebuilt (after a rollback, or a finish) keeps the spaces. */
    events_finish(&set);
    assert_int_equal(events_add(&set, &b), EVENTS_DUPLICATE);
    assert_int_equal(events_add(&set, &row), EVENTS_DUPLICATE);
    EventInput c = input("0", 100, "x");
    c.id_space = EVENTS_ID_FILE;
    c.file = 2;
    assert_int_equal(events_add(&set, &c), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &named), EVENTS_DUPLICATE);
    assert_int_equal(set.count, 7);
    events_free(&set);
}

/* Rows of one event that differ only in assoc_actor_1 keep both
 * associates; an exact repeat is identical in every field. */
static void test_assoc_actors_all_kept(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    EventInput a = input("MLI7", 100, "Military Forces of Mali");
    a.assoc_actor1 = "Wagner Group";
    EventInput b = a;
    b.assoc_actor1 = "Dozo Militia; Wagner Group";
    EventInput c = input("MLI7", 100, "Katiba Macina");
    EventInput d = c;
    d.assoc_actor1 = "JNIM";
    assert_int_equal(events_add(&set, &a), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &b), EVENTS_MERGED);
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR1), "Wagner Group; Dozo Militia");
    assert_int_equal(events_add(&set, &b), EVENTS_MERGED);       /* nothing new, not exact */
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR1), "Wagner Group; Dozo Militia");
    assert_int_equal(events_add(&set, &c), EVENTS_MERGED);
    assert_int_equal(events_add(&set, &c), EVENTS_DUPLICATE);
    assert_int_equal(events_add(&set, &d), EVENTS_MERGED);       /* actor2's associate */
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR2), "Katiba Macina");
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR2), "JNIM");
    EventInput dyadic = a;                          /* both pairs held as they are */
    dyadic.actor2 = "Katiba Macina";
    dyadic.assoc_actor1 = "Wagner Group; Dozo Militia";
    dyadic.assoc_actor2 = "JNIM";
    assert_int_equal(events_add(&set, &dyadic), EVENTS_DUPLICATE);
    assert_int_equal(set.count, 1);
    events_free(&set);
}

/* Another value beyond the actors: a conflict, the event held unchanged,
 * and the field named. */
static void test_conflict_keeps_the_first(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    EventInput a = input("MLI8", 100, "A");
    a.notes = "Clash at Niono.";
    a.notes_len = strlen(a.notes);
    a.country = "Mali";
    assert_int_equal(events_add(&set, &a), EVENTS_ADDED);
    EventsAddInfo info;
    struct { EventInput in; const char *field; } cases[6];
    for (int k = 0; k < 6; k++) cases[k].in = a;
    cases[0].in.fatalities = cases[0].in.fatalities_high = 5;
    cases[0].field = "fatalities";
    cases[1].in.day = cases[1].in.day_end = 101;
    cases[1].field = "event_date";
    cases[2].in.country = "Niger";
    cases[2].field = "country";
    cases[3].in.notes = "Clash at Nioro.";           /* the same length */
    cases[3].field = "notes";
    cases[4].in.lat = 15.5;
    cases[4].field = "latitude";
    cases[5].in.sub_type = SUB_ARMED_CLASH;
    cases[5].field = "sub_event_type";
    for (int k = 0; k < 6; k++) {
        EventInput row = cases[k].in;
        row.actor1 = "B";                              /* even with a new actor */
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, cases[k].field);
        assert_int_equal(info.held, 0);
    }
    assert_int_equal(set.fat[0], 3);
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR2), "");
    assert_string_equal(events_text(&set, 0, TEXT_COUNTRY), "Mali");
    /* Notes are compared after a finish too (read back from the store). */
    events_finish(&set);
    assert_int_equal(events_add(&set, &a), EVENTS_DUPLICATE);
    assert_int_equal(events_add_info(&set, &cases[3].in, &info), EVENTS_CONFLICT);
    assert_string_equal(info.differs, "notes");
    assert_int_equal(set.count, 1);
    events_free(&set);
}

/* A file's identity finds it again, by any path; a rollback forgets it. */
/* Records added through batches (as the parallel loader numbers a chunk's
 * tuples) build the same set as records added one by one: the same pool,
 * the same tuples in the same order, a file's provenance its own even
 * when another file's strings are the same. */
static void test_batches_build_the_same_set(void **state)
{
    (void)state;
    EventSet plain, batched;
    events_init(&plain);
    events_init(&batched);
    static const char *const actors[] = {"JNIM", "ISGS", "JNIM", "Militia", "ISGS", "JNIM"};
    EventsBatch batch = {0};
    for (int file = 0; file < 2; file++) {
        events_add_file(&plain, file ? "b.csv" : "a.csv");
        events_add_file(&batched, file ? "b.csv" : "a.csv");
        for (int chunk = 0; chunk < 2; chunk++) {
            events_batch_clear(&batch);
            uint32_t numbers[6];
            /* A worker's numbering. The hashes are all alike on purpose:
             * the set must tell tuples apart by their strings. */
            for (int k = 0; k < 6; k++) {
                int first = 0;
                while (strcmp(actors[first], actors[k]) != 0) first++;
                numbers[k] = first == k ? events_batch_add(&batch, EVENTS_TUPLE_ACTORS, 0)
                                        : numbers[first];
            }
            uint32_t place = events_batch_add(&batch, EVENTS_TUPLE_PLACE, 7);
            uint32_t prov = events_batch_add(&batch, EVENTS_TUPLE_PROV, 7);
            for (int k = 0; k < 6; k++) {
                char id[16];
                snprintf(id, sizeof id, "E%d-%d-%d", file, chunk, k);
                EventInput in = input(id, 100 + k, actors[k]);
                in.file = (uint16_t)file;
                in.source = "Xinhua";
                in.location = "Gao";
                assert_int_equal(events_add(&plain, &in), EVENTS_ADDED);
                in.batch = &batch;
                in.batch_tuple[EVENTS_TUPLE_ACTORS] = numbers[k];
                in.batch_tuple[EVENTS_TUPLE_PLACE] = place;
                in.batch_tuple[EVENTS_TUPLE_PROV] = prov;
                assert_int_equal(events_add(&batched, &in), EVENTS_ADDED);
            }
        }
    }
    events_batch_free(&batch);
    assert_int_equal(plain.strings.len, batched.strings.len);
    assert_memory_equal(plain.strings.data, batched.strings.data, plain.strings.len);
    assert_int_equal(batched.prov_tuples.count, plain.prov_tuples.count);
    assert_int_not_equal(batched.prov[0], batched.prov[12]);   /* one per file */
    assert_int_equal(batched.prov[0], batched.prov[11]);
    assert_int_equal(batched.actor_tuples.count, plain.actor_tuples.count);
    for (size_t i = 0; i < plain.count; i++) {
        assert_int_equal(plain.actors[i], batched.actors[i]);
        assert_int_equal(plain.place[i], batched.place[i]);
        assert_int_equal(plain.prov[i], batched.prov[i]);
    }
    assert_string_equal(events_text(&batched, 11, TEXT_FILE), "a.csv");
    assert_string_equal(events_text(&batched, 12, TEXT_FILE), "b.csv");
    events_free(&plain);
    events_free(&batched);
}

/* A repeated row's notes are compared with its event's, by hash for the
 * events added last, read back from the notes file for older ones; and
 * after a rollback, by hash again for those still held. */
static void test_notes_compared_near_and_far(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    events_add_file(&set, "a.csv");
    enum { N = 70000 };                  /* past the window of hashes kept */
    char id[16], notes[48];
    for (int k = 0; k < N; k++) {
        snprintf(id, sizeof id, "N%d", k);
        snprintf(notes, sizeof notes, "notes of event %d", k);
        EventInput in = input(id, 100, "x");
        in.notes = notes;
        in.notes_len = strlen(notes);
        assert_int_equal(events_add(&set, &in), EVENTS_ADDED);
    }
    for (int pass = 0; pass < 2; pass++) {
        int ks[] = {0, 1, N / 2, N - 2, N - 1};       /* far, far, far, near, near */
        for (size_t j = 0; j < sizeof ks / sizeof ks[0]; j++) {
            snprintf(id, sizeof id, "N%d", ks[j]);
            snprintf(notes, sizeof notes, "notes of event %d", ks[j]);
            EventInput in = input(id, 100, "x");
            in.notes = notes;
            in.notes_len = strlen(notes);
            assert_int_equal(events_add(&set, &in), EVENTS_DUPLICATE);
            notes[0] = 'N';                           /* same length, other text */
            EventsAddInfo info;
            assert_int_equal(events_add_info(&set, &in, &info), EVENTS_CONFLICT);
            assert_string_equal(info.differs, "notes");
        }
        EventsMark mark = events_mark(&set);
        snprintf(id, sizeof id, "N%d", N);
        EventInput extra = input(id, 100, "x");
        extra.notes = "more";
        extra.notes_len = 4;
        assert_int_equal(events_add(&set, &extra), EVENTS_ADDED);
        events_rollback(&set, mark);
    }
    assert_int_equal(set.count, N);
    events_free(&set);
}

static void test_file_identity(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    assert_int_equal(events_file_find(&set, 5, 77), EVENTS_NO_FILE);
    events_add_file(&set, "a.csv");
    events_file_identify(&set, 0, 5, 77);
    EventsMark mark = events_mark(&set);
    events_add_file(&set, "b.csv");
    events_file_identify(&set, 1, 5, 78);
    assert_int_equal(events_file_find(&set, 5, 77), 0);
    assert_int_equal(events_file_find(&set, 5, 78), 1);
    assert_int_equal(events_file_find(&set, 6, 77), EVENTS_NO_FILE);
    assert_int_equal(events_file_find(&set, 0, 0), EVENTS_NO_FILE);   /* a stream */
    events_rollback(&set, mark);
    assert_int_equal(events_file_find(&set, 5, 78), EVENTS_NO_FILE);
    assert_int_equal(events_file_find(&set, 5, 77), 0);
    events_free(&set);
}

static void test_enum_names(void **state)
{
    (void)state;
    assert_int_equal(events_type_parse("Explosions\\/Remote violence"), EVENT_EXPLOSIONS);
    assert_int_equal(events_type_parse("VIOLENCE AGAINST CIVILIANS"), EVENT_VIOLENCE_CIVILIANS);
    assert_int_equal(events_type_parse("Earthquake"), EVENT_UNKNOWN);
    for (int s = 1; s < SUB_COUNT; s++)
        assert_int_equal(events_sub_type_parse(events_sub_type_name((SubEventType)s)), s);
    assert_int_equal(events_sub_type_parent(SUB_AIR_DRONE_STRIKE), EVENT_EXPLOSIONS);
    assert_int_equal(events_sub_type_parent(SUB_MOB_VIOLENCE), EVENT_RIOTS);
    assert_int_equal(events_disorder_parse("Political violence; Demonstrations"),
                     DISORDER_POLITICAL_VIOLENCE_DEMONSTRATIONS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strpool),
        cmocka_unit_test(test_strpool_append),
        cmocka_unit_test(test_tuples),
        cmocka_unit_test(test_notes),
        cmocka_unit_test(test_event_columns_are_44_bytes),
        cmocka_unit_test(test_monadic_merge),
        cmocka_unit_test(test_many_actors_stay_bounded),
        cmocka_unit_test(test_sort_is_stable_and_ranges),
        cmocka_unit_test(test_rollback),
        cmocka_unit_test(test_id_spaces),
        cmocka_unit_test(test_assoc_actors_all_kept),
        cmocka_unit_test(test_conflict_keeps_the_first),
        cmocka_unit_test(test_batches_build_the_same_set),
        cmocka_unit_test(test_notes_compared_near_and_far),
        cmocka_unit_test(test_file_identity),
        cmocka_unit_test(test_enum_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

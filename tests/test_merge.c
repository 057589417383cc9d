/*
 * test_merge: several files into one set (issue 10, "Merging files"): ids
 * compared only within their id space, the books of events already loaded
 * from an earlier file, every associate of a monadic event kept, a repeat
 * with another value reported, and the same file named twice loaded once.
 * The fixtures are in tests/fixtures/merge.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "load_overlap.h"

static void assert_books(const LoadReport *rep)
{
    assert_int_equal(rep->read, rep->loaded + rep->skipped);
    assert_int_equal(rep->loaded, rep->events + rep->merged + rep->duplicates + rep->conflicts);
}

/* Loads the fixtures named (under merge/ unless they name a directory)
 * into one set; reports[i] for names[i]; returns how many failed. */
static int load_fixtures(EventSet *set, const char *const *names, int n, LoadReport *reports)
{
    char *paths[8];
    for (int i = 0; i < n; i++) {
        char name[256];
        snprintf(name, sizeof name, "%s%s", strchr(names[i], '/') ? "" : "merge/", names[i]);
        paths[i] = strdup(fixture(name));
    }
    events_init(set);
    int failed = load_files(set, paths, n, reports);
    for (int i = 0; i < n; i++) free(paths[i]);
    return failed;
}

/* Two GeoJSON files numbering their features 0, 1, 2: six events (the
 * second file's ids are its own), an exact repeat inside one file still
 * one event. */
static void test_geojson_ids_are_per_file(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[2];
    const char *names[] = {"numbered_a.geojson", "numbered_b.geojson"};
    assert_int_equal(load_fixtures(&set, names, 2, rep), 0);
    assert_int_equal(set.count, 6);
    assert_int_equal(rep[0].events, 3);
    assert_int_equal(rep[1].events, 3);
    assert_int_equal(rep[1].duplicates, 1);           /* its own feature 2, twice */
    assert_int_equal(rep[1].earlier, 0);
    assert_books(&rep[1]);
    assert_int_equal(total_fatalities(&set), 2 + 3 + 4);
    events_free(&set);
}

/* UCDP GED's id 300001 and an ACLED export's data_id 300001 are two
 * events. */
static void test_ucdp_and_acled_ids_do_not_collide(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[2];
    const char *names[] = {"./ucdp.csv", "acled_data_id.csv"};
    assert_int_equal(load_fixtures(&set, names, 2, rep), 0);
    assert_int_equal(rep[0].events, 2);
    assert_int_equal(rep[1].events, 2);
    assert_int_equal(rep[1].earlier, 0);
    assert_int_equal(set.count, 4);
    assert_int_equal(total_fatalities(&set), 203 + 5);
    events_free(&set);
}

/* Two overlapping exports of one country: each event once, and the later
 * file says how many of its events the earlier one had. */
static void test_overlapping_acled_exports(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[3];
    const char *names[] = {"export_2020.csv", "export_2020_later.csv"};
    assert_int_equal(load_fixtures(&set, names, 2, rep), 0);
    assert_int_equal(set.count, 5);                    /* MLI1..MLI5 */
    assert_int_equal(total_fatalities(&set), 4 + 7 + 0 + 1 + 12);
    assert_int_equal(rep[0].earlier, 0);
    assert_int_equal(rep[1].events, 2);
    assert_int_equal(rep[1].duplicates, 2);
    assert_int_equal(rep[1].earlier, 2);
    assert_int_equal(rep[1].nfrom, 1);
    assert_int_equal(rep[1].from[0].file, 0);
    assert_int_equal(rep[1].from[0].events, 2);
    assert_books(&rep[1]);
    assert_string_equal(rep[1].format, "ACLED CSV");   /* not "monadic" */
    char text[256];
    assert_string_equal(load_overlap_text(&set, &rep[1], text, sizeof text),
                        "2 events already loaded from export_2020.csv");
    assert_string_equal(load_overlap_text(&set, &rep[0], text, sizeof text), "");
    events_free(&set);

    /* The other way round, and a third file overlapping both. */
    const char *three[] = {"export_2020_later.csv", "export_2020.csv", "monadic_assoc.csv"};
    assert_int_equal(load_fixtures(&set, three, 3, rep), 0);
    assert_int_equal(set.count, 6);
    assert_int_equal(rep[1].events, 1);                /* MLI1 */
    assert_int_equal(rep[1].earlier, 2);
    assert_int_equal(rep[2].earlier, 0);
    events_free(&set);
}

/* Monadic rows differing only in assoc_actor_1: both associates kept, so
 * a filter on either finds the event. */
static void test_monadic_rows_keep_every_associate(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[1];
    const char *names[] = {"monadic_assoc.csv"};
    assert_int_equal(load_fixtures(&set, names, 1, rep), 0);
    assert_int_equal(set.count, 1);
    assert_int_equal(rep[0].merged, 2);
    assert_int_equal(rep[0].duplicates, 1);            /* the last row, exactly again */
    assert_books(&rep[0]);
    assert_string_equal(rep[0].format, "ACLED CSV, monadic (one row per actor)");
    assert_string_equal(events_text(&set, 0, TEXT_ASSOC_ACTOR1), "Wagner Group; Dozo Militia");
    assert_string_equal(events_text(&set, 0, TEXT_ACTOR2), "Katiba Macina");
    assert_int_equal(set.fat[0], 9);
    const char *const whom[] = {"wagner", "dozo", "katiba"};
    for (int k = 0; k < 3; k++) {
        Filter f;
        filter_init(&f);
        snprintf(f.text, sizeof f.text, "%s", whom[k]);
        assert_true(filter_match(&f, &set, 0));
    }
    events_free(&set);
}

/* A repeat of an id with one field changed is no exact repeat: the first
 * row is kept, and the report says where and what differed. */
static void test_repeat_with_another_value_is_reported(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[1];
    const char *names[] = {"repeat_one_field.csv"};
    assert_int_equal(load_fixtures(&set, names, 1, rep), 0);
    assert_int_equal(set.count, 2);
    assert_int_equal(rep[0].events, 2);
    assert_int_equal(rep[0].conflicts, 1);
    assert_int_equal(rep[0].duplicates, 0);
    assert_books(&rep[0]);
    assert_int_equal(rep[0].conflict.line, 3);
    assert_string_equal(rep[0].conflict.file, fixture("merge/repeat_one_field.csv"));
    assert_string_equal(rep[0].conflict.msg,
                        "id MLI8 repeated with another fatalities (5 here, 3 kept): "
                        "the first row is kept");
    assert_int_equal(set.fat[find_event(&set, "MLI8")], 3);
    events_free(&set);
}

/* A later export that revised an event: the first file's event is kept,
 * the revision reported with the file it conflicts with; the event still
 * counts as one already loaded from there. */
static void test_revised_event_across_files(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep[2];
    const char *names[] = {"export_2020.csv", "export_2020_revised.csv"};
    assert_int_equal(load_fixtures(&set, names, 2, rep), 0);
    assert_int_equal(set.count, 4);
    assert_int_equal(rep[1].events, 1);
    assert_int_equal(rep[1].conflicts, 1);
    assert_int_equal(rep[1].earlier, 1);
    assert_books(&rep[1]);
    assert_int_equal(rep[1].conflict.line, 2);
    assert_string_equal(rep[1].conflict.msg,
                        "id MLI3 already loaded from export_2020.csv with another "
                        "fatalities (2 here, 0 kept): the first loaded is kept");
    assert_int_equal(set.fat[find_event(&set, "MLI3")], 0);
    events_free(&set);
}

/* The same file twice, by its path, by another spelling and by a link:
 * loaded once, the others say "already loaded"; not a failure. */
static void test_same_file_twice_loads_once(void **state)
{
    (void)state;
    char link[512], other[600];
    snprintf(link, sizeof link, "%s/merge-link.csv", OUTPUT_DIR);
    unlink(link);
    assert_int_equal(symlink(fixture("merge/export_2020.csv"), link), 0);
    snprintf(other, sizeof other, "%s/../merge/export_2020.csv", fixture("merge"));
    char *paths[4] = {strdup(fixture("merge/export_2020.csv")), strdup(other), link,
                      strdup(fixture("merge/export_2020_later.csv"))};
    EventSet set;
    events_init(&set);
    LoadReport rep[4];
    assert_int_equal(load_files(&set, paths, 4, rep), 0);
    assert_true(rep[0].ok);
    for (int k = 1; k < 3; k++) {
        assert_false(rep[k].ok);
        assert_true(rep[k].again);
        assert_int_equal(rep[k].same_as, 0);
        assert_int_equal(rep[k].read, 0);
        char want[600];
        snprintf(want, sizeof want, "already loaded: %s", paths[0]);
        assert_string_equal(rep[k].error.msg, want);
        assert_string_equal(rep[k].error.file, paths[k]);
    }
    assert_true(rep[3].ok);
    assert_false(rep[3].again);
    assert_int_equal(set.nfiles, 2);
    assert_int_equal(set.count, 5);
    assert_int_equal(rep[3].earlier, 2);
    /* Dropped again later (the window adds to a finished set): the same. */
    LoadReport again;
    assert_false(load_file(&set, link, &again));
    assert_true(again.again);
    events_free(&set);
    free(paths[0]);
    free(paths[1]);
    free(paths[3]);
    unlink(link);
}

/* A file that failed is not "loaded": named again, it is read again. */
static void test_failed_file_is_read_again(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    LoadReport rep;
    assert_false(load_file(&set, fixture("acled_truncated.json"), &rep));
    assert_false(rep.again);
    assert_false(load_file(&set, fixture("acled_truncated.json"), &rep));
    assert_false(rep.again);
    assert_contains(rep.error.msg, "unexpected end of file");
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_geojson_ids_are_per_file),
        cmocka_unit_test(test_ucdp_and_acled_ids_do_not_collide),
        cmocka_unit_test(test_overlapping_acled_exports),
        cmocka_unit_test(test_monadic_rows_keep_every_associate),
        cmocka_unit_test(test_repeat_with_another_value_is_reported),
        cmocka_unit_test(test_revised_event_across_files),
        cmocka_unit_test(test_same_file_twice_loads_once),
        cmocka_unit_test(test_failed_file_is_read_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

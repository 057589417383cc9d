/*
 * test_gen: the synthetic data generator (tools/gen/) writes
 * deterministic ACLED API JSON and CSV that sahelmap reads back whole.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void gen(const char *args, const char *out)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s -o %s", GEN_PATH, args, out);
    int st = system(cmd);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static bool same_bytes(const char *a, const char *b)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", a, b);
    return system(cmd) == 0;
}

static void test_json_and_csv_agree(void **state)
{
    (void)state;
    const char *json = "/tmp/sahelmap-test-gen.json";
    const char *csv = "/tmp/sahelmap-test-gen.csv";
    gen("--count 5000 --seed 7 --format json", json);
    gen("--count 5000 --seed 7 --format csv", csv);

    EventSet a, b;
    LoadReport ra, rb;
    assert_true(load_one(&a, json, &ra));
    assert_true(load_one(&b, csv, &rb));
    assert_string_equal(ra.format, "ACLED API JSON (envelope)");
    assert_string_equal(rb.format, "ACLED CSV");
    assert_int_equal(ra.skipped, 0);
    assert_int_equal(rb.skipped, 0);
    assert_int_equal(a.count, 5000);
    assert_int_equal(b.count, 5000);
    assert_int_equal(total_fatalities(&a), total_fatalities(&b));
    bool types[EVENT_TYPE_COUNT] = {false};
    for (size_t i = 0; i < a.count; i++) {
        assert_int_equal(a.day[i], b.day[i]);
        assert_float_equal(events_lat(&a, i), events_lat(&b, i), 1e-9);
        assert_string_equal(events_text(&a, i, TEXT_ACTOR1), events_text(&b, i, TEXT_ACTOR1));
        types[a.type[i]] = true;
    }
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) assert_true(types[t]);
    events_free(&a);
    events_free(&b);
    unlink(json);
    unlink(csv);
}

static void test_deterministic(void **state)
{
    (void)state;
    gen("--count 3000 --seed 3", "/tmp/sahelmap-test-gen-1.json");
    gen("--count 3000 --seed 3", "/tmp/sahelmap-test-gen-2.json");
    gen("--count 3000 --seed 4", "/tmp/sahelmap-test-gen-3.json");
    assert_true(same_bytes("/tmp/sahelmap-test-gen-1.json", "/tmp/sahelmap-test-gen-2.json"));
    assert_false(same_bytes("/tmp/sahelmap-test-gen-1.json", "/tmp/sahelmap-test-gen-3.json"));
    unlink("/tmp/sahelmap-test-gen-1.json");
    unlink("/tmp/sahelmap-test-gen-2.json");
    unlink("/tmp/sahelmap-test-gen-3.json");
}

static void test_monadic_rows_merge_back(void **state)
{
    (void)state;
    const char *csv = "/tmp/sahelmap-test-gen-monadic.csv";
    gen("--count 2000 --seed 5 --format csv --monadic", csv);
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, csv, &rep));
    assert_int_equal(set.count, 2000);
    assert_true(rep.read > 2000);
    /* Every row beyond the first of an event merges into it (or repeats
     * an actor it already names, e.g. a clash between two units of one
     * group). */
    assert_true(rep.merged > 0);
    assert_int_equal(rep.merged + rep.duplicates, rep.read - 2000);
    assert_contains(rep.format, "monadic");
    events_free(&set);
    unlink(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_and_csv_agree),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_monadic_rows_merge_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

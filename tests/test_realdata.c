/*
 * test_realdata: the two real ACLED exports in ../shared/realdata (never
 * committed to the project). When that directory is not there the whole
 * executable exits with 77, which tests/CMakeLists.txt declares as ctest's
 * SKIP_RETURN_CODE: ctest reports it skipped, never passed. A file missing
 * from a realdata directory that is there is a failure.
 */
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "stats.h"

static const char *real(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", REALDATA_DIR, name);
    return path;
}

static void test_mali_monadic_export(void **state)
{
    (void)state;
    const char *path = real("2017-01-01-2020-12-31-Mali.csv");
    if (!file_exists(path)) fail_msg("%s: missing from the real data", path);
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, path, &rep));
    assert_int_equal(rep.read, 6214);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(set.count, 3314);             /* distinct events */
    assert_int_equal(total_fatalities(&set), 7422); /* not 14,830 per row */
    assert_contains(rep.format, "monadic");

    Stats st;
    stats_compute(&set, 0, set.count, -1, &st);
    stats_sort_by_key(&st.by_year);
    const size_t per_year[4] = {473, 751, 822, 1268};
    assert_int_equal(st.by_year.count, 4);
    for (int y = 0; y < 4; y++) {
        assert_int_equal(st.by_year.rows[y].key, 2017 + y);
        assert_int_equal(st.by_year.rows[y].events, per_year[y]);
    }
    assert_int_equal(st.first_day, date_from_ymd(2017, 1, 1));
    assert_int_equal(st.last_day, date_from_ymd(2020, 12, 31));
    stats_free(&st);

    /* The first data row's event keeps both actors. */
    size_t i = find_event(&set, "MLI4682");
    assert_int_not_equal(i, SIZE_MAX);
    const char *a1 = events_text(&set, i, TEXT_ACTOR1);
    const char *a2 = events_text(&set, i, TEXT_ACTOR2);
    assert_true(strcmp(a1, "Katiba Macina") == 0 || strcmp(a2, "Katiba Macina") == 0);
    events_free(&set);
}

static void test_burkina_uppercase_export(void **state)
{
    (void)state;
    const char *path = real("burkina_df.csv");
    if (!file_exists(path)) fail_msg("%s: missing from the real data", path);
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, path, &rep));
    assert_int_equal(rep.read, 8527);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(set.count, 8527);
    assert_int_equal(total_fatalities(&set), 15140);
    assert_int_equal(set.day[0], date_from_ymd(1997, 2, 1));
    assert_int_equal(set.day[set.count - 1], date_from_ymd(2023, 4, 28));
    int max = 0;
    for (size_t i = 0; i < set.count; i++) if (set.fat[i] > max) max = set.fat[i];
    assert_int_equal(max, 160);
    events_free(&set);
}

/* ctest's SKIP_RETURN_CODE for this test. */
#define EXIT_SKIP 77

int main(void)
{
    struct stat st;
    if (stat(REALDATA_DIR, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("test_realdata: skipped: no real data at %s\n", REALDATA_DIR);
        return EXIT_SKIP;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mali_monadic_export),
        cmocka_unit_test(test_burkina_uppercase_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

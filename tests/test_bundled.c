/*
 * test_bundled: the hand-curated data shipped in data/ loads cleanly and
 * holds what it promises (the Tinzaouaten story, 60+ other major events).
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "date.h"

static void load_bundled_file(const char *name, EventSet *set, LoadReport *rep)
{
    char path[CONFIG_PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/%s", test_config()->data_dir, name);
    assert_true(load_one(set, path, rep));
    assert_int_equal(rep->skipped, 0);
    assert_int_equal(rep->read, rep->loaded);
    assert_string_equal(rep->format, "ACLED API JSON (envelope)");
}

/* Every event: our own id prefix, a location, a source, notes, honest
 * precision codes, and a point inside the Sahel box. */
static void check_care(EventSet *set, const char *prefix)
{
    for (size_t i = 0; i < set->count; i++) {
        assert_true(strncmp(events_text(set, i, TEXT_ID), prefix, strlen(prefix)) == 0);
        assert_true(events_text(set, i, TEXT_LOCATION)[0] != '\0');
        assert_true(events_text(set, i, TEXT_SOURCE)[0] != '\0');
        assert_true(notes_len(set->notes[i]) > 20);
        assert_true(events_geo_prec(set, i) >= 1 && events_geo_prec(set, i) <= 3);
        assert_true(events_date_prec(set, i) >= 1 && events_date_prec(set, i) <= 3);
        assert_true(events_lon(set, i) > -18 && events_lon(set, i) < 25);
        assert_true(events_lat(set, i) > 5 && events_lat(set, i) < 28);
        assert_true(set->type[i] != EVENT_UNKNOWN);
        assert_true(events_fat_low(set, i) <= set->fat[i] &&
                    set->fat[i] <= events_fat_high(set, i));
    }
}

static void test_tinzaouaten(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    load_bundled_file("tinzaouaten-2024.json", &set, &rep);
    assert_true(set.count >= 40);
    check_care(&set, "SM-TZ-");

    /* The battle: late July 2024, at Tinzaouaten, with a contested toll. */
    size_t lo, hi, ranged = 0, near_town = 0;
    events_range(&set, date_from_ymd(2024, 7, 22), date_from_ymd(2024, 7, 31), &lo, &hi);
    assert_true(hi - lo >= 8);
    for (size_t i = lo; i < hi; i++) {
        if (events_fat_high(&set, i) >= 60 && events_fat_low(&set, i) < set.fat[i]) ranged++;
        if (fabs(events_lat(&set, i) - 19.96) < 0.3 && fabs(events_lon(&set, i) - 2.9) < 0.3)
            near_town++;
    }
    assert_true(ranged >= 1);
    assert_true(near_town >= 5);

    /* The context: 2012 rebellion, coups, the 2023 pact and Kidal. */
    size_t n2012 = 0, n2023 = 0;
    for (size_t i = 0; i < set.count; i++) {
        int y, m, d;
        date_to_ymd(set.day[i], &y, &m, &d);
        n2012 += y == 2012;
        n2023 += y == 2023;
    }
    assert_true(n2012 >= 3);
    assert_true(n2023 >= 5);
    events_free(&set);
}

static void test_major_events(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    load_bundled_file("sahel-major-2012-2024.json", &set, &rep);
    assert_true(set.count >= 60);
    check_care(&set, "SM-SH-");
    const char *must[] = {"Aguelhok", "Konna", "Tongo Tongo", "Ogossagou",
                          "Inates", "Solhan", "Moura", "Seytenga", "Barsalogho"};
    for (size_t m = 0; m < sizeof must / sizeof must[0]; m++) {
        bool found = false;
        for (size_t i = 0; i < set.count && !found; i++)
            found = strcmp(events_text(&set, i, TEXT_LOCATION), must[m]) == 0;
        if (!found) fail_msg("no event at %s", must[m]);
    }
    bool countries[3] = {false};
    for (size_t i = 0; i < set.count; i++) {
        const char *c = events_text(&set, i, TEXT_COUNTRY);
        countries[0] |= strcmp(c, "Mali") == 0;
        countries[1] |= strcmp(c, "Burkina Faso") == 0;
        countries[2] |= strcmp(c, "Niger") == 0;
    }
    assert_true(countries[0] && countries[1] && countries[2]);
    assert_true(set.day[0] >= date_from_ymd(2012, 1, 1));
    assert_true(set.day[set.count - 1] <= date_from_ymd(2024, 12, 31));
    events_free(&set);
}

static void test_bundled_listing(void **state)
{
    (void)state;
    Error err;
    char **files = bundled_files(test_config(), &err);
    assert_non_null(files);
    int n = 0;
    while (files[n] != NULL) n++;
    assert_true(n >= 2);
    bundled_free(files);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tinzaouaten),
        cmocka_unit_test(test_major_events),
        cmocka_unit_test(test_bundled_listing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

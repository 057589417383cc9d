/*
 * test_store_compact: what keeps the event store at 44 bytes of columns.
 * Coordinates in 1e-7 degree come back as the very doubles their text
 * parses to (every 4-decimal value over the Sahel and at the ends of the
 * ranges, 7-decimal ones spread over the globe); fatality ranges in the
 * side table stay with their events through events_finish's sort (days out
 * of order), a second load and its sort, a rollback, and are still
 * compared when rows of one event are merged.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

/* Coordinate e7 read back by the store's accessors (one event, both axes). */
static double read_back(int32_t e7, bool lat)
{
    EventSet one;
    memset(&one, 0, sizeof one);
    one.lon_e7 = one.lat_e7 = &e7;
    one.count = 1;
    return lat ? events_lat(&one, 0) : events_lon(&one, 0);
}

/* The coordinate `text` (what a file holds) through the stored integer. */
static void assert_round_trip(const char *text)
{
    double d = strtod(text, NULL);
    int32_t e7 = events_degrees_e7(d);
    if (read_back(e7, false) != d || read_back(e7, true) != d)
        fail_msg("%s: stored %d, read back %.17g, parsed %.17g", text, e7, read_back(e7, false),
                 d);
}

/* Writes k * 10^-decimals as text ("-12.3456"). */
static void decimal_text(char *buf, size_t cap, int64_t k, int decimals)
{
    int64_t scale = 1;
    for (int i = 0; i < decimals; i++) scale *= 10;
    int64_t a = k < 0 ? -k : k;
    snprintf(buf, cap, "%s%lld.%0*lld", k < 0 ? "-" : "", (long long)(a / scale), decimals,
             (long long)(a % scale));
}

static void test_every_4_decimal_coordinate(void **state)
{
    (void)state;
    char text[32];
    /* The Sahel and around (lon -20..30, lat too), and both ends of each
     * range: 560,000 values. */
    const int64_t spans[][2] = {{-200000, 300000}, {-1800000, -1790000}, {1790000, 1800000},
                                {-900000, -890000}, {890000, 900000}};
    for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++)
        for (int64_t k = spans[s][0]; k <= spans[s][1]; k++) {
            decimal_text(text, sizeof text, k, 4);
            double d = strtod(text, NULL);
            int32_t e7 = events_degrees_e7(d);
            if (e7 != k * 1000 || read_back(e7, false) != d || read_back(e7, true) != d)
                fail_msg("%s: stored %d, read back %.17g", text, e7, read_back(e7, false));
        }
}

static void test_7_decimal_coordinates(void **state)
{
    (void)state;
    char text[32];
    /* 200,000 values spread over [-180, 180] (a fixed LCG). */
    uint64_t x = 12345;
    for (int n = 0; n < 200000; n++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        int64_t k = (int64_t)((x >> 16) % 3600000001ull) - 1800000000;
        decimal_text(text, sizeof text, k, 7);
        assert_int_equal(events_degrees_e7(strtod(text, NULL)), k);
        assert_round_trip(text);
    }
    const char *const edges[] = {"180", "-180", "90", "-90", "0.0000001", "-0.0000001",
                                 "179.9999999", "-179.9999999", "13.4567891", "-4.5500001",
                                 "0", "-0.0", "2.0000005", "1e-7"};
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++) assert_round_trip(edges[k]);
    /* Finer digits are rounded to 1e-7 degree. */
    assert_int_equal(events_degrees_e7(13.45678912), 134567891);
    assert_int_equal(events_degrees_e7(13.45678918), 134567892);
    assert_int_equal(events_degrees_e7(-13.45678918), -134567892);
    assert_int_equal(events_degrees_e7(180), 1800000000);
    assert_int_equal(events_degrees_e7(-180), -1800000000);
}

static EventInput input(const char *id, int32_t day, int32_t fat, int32_t low, int32_t high)
{
    EventInput in;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.day = in.day_end = day;
    in.lon = -4.5512345;
    in.lat = 13.9;
    in.type = EVENT_BATTLES;
    in.actor1 = "A";
    in.fatalities = fat;
    in.fatalities_low = low;
    in.fatalities_high = high;
    in.date_precision = in.geo_precision = 1;
    return in;
}

/* Through the store: events_lon / events_lat give the coordinates added. */
static void test_store_coordinates(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    const char *const lats[] = {"13.9", "-33.9248685", "0.0000001", "90", "14.0019"};
    const char *const lons[] = {"-4.55", "18.4240553", "0", "-180", "2.9999999"};
    for (int k = 0; k < 5; k++) {
        char id[8];
        snprintf(id, sizeof id, "C%d", k);
        EventInput in = input(id, 100 - k, 0, 0, 0);
        in.lat = strtod(lats[k], NULL);
        in.lon = strtod(lons[k], NULL);
        assert_int_equal(events_add(&set, &in), EVENTS_ADDED);
    }
    events_finish(&set);                       /* reversed by the sort */
    for (int k = 0; k < 5; k++) {
        size_t i = (size_t)(4 - k);
        assert_true(events_lat(&set, i) == strtod(lats[k], NULL));
        assert_true(events_lon(&set, i) == strtod(lons[k], NULL));
    }
    /* Rows of one event compare the stored place: 1e-7 degree apart is
     * another place, finer than that the same. */
    EventInput same = input("C0", 100, 0, 0, 0);
    same.lat = 13.90000001;
    same.lon = -4.55;
    EventsAddInfo info;
    assert_int_equal(events_add_info(&set, &same, &info), EVENTS_DUPLICATE);
    same.lat = 13.9000001;
    assert_int_equal(events_add_info(&set, &same, &info), EVENTS_CONFLICT);
    assert_string_equal(info.differs, "latitude");
    same.lat = 13.9;
    same.lon = -4.5500001;
    assert_int_equal(events_add_info(&set, &same, &info), EVENTS_CONFLICT);
    assert_string_equal(info.differs, "longitude");
    events_free(&set);
}

/* Event "R<k>": fat 10 + k; a range [k, 100 + k] when k is even. */
static EventInput ranged(int k, int32_t day, char *id, size_t cap)
{
    snprintf(id, cap, "R%d", k);
    int32_t fat = 10 + k;
    return k % 2 == 0 ? input(id, day, fat, k, 100 + k) : input(id, day, fat, fat, fat);
}

/* Every event of the set has the fatalities of its R<k> input, and the
 * side table is in index order, one entry per flagged event. */
static void assert_ranges(const EventSet *set)
{
    size_t flagged = 0;
    for (size_t i = 0; i < set->count; i++) {
        int k = atoi(events_text(set, i, TEXT_ID) + 1);
        assert_int_equal(set->fat[i], 10 + k);
        bool has = (set->flags[i] & EVENT_FLAG_RANGE) != 0;
        assert_int_equal(has, k % 2 == 0);
        assert_int_equal(events_fat_low(set, i), has ? k : 10 + k);
        assert_int_equal(events_fat_high(set, i), has ? 100 + k : 10 + k);
        flagged += has;
    }
    assert_int_equal(set->nfat_ranges, flagged);
    for (size_t r = 1; r < set->nfat_ranges; r++)
        assert_true(set->fat_ranges[r - 1].index < set->fat_ranges[r].index);
}

static void test_ranges_follow_the_sort(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    const int32_t days[] = {50, 10, 30, 10, 50, 20, 30, 5, 40, 20};
    char id[16];
    size_t before = events_shared_bytes(&set);
    for (int k = 0; k < 10; k++) {
        EventInput in = ranged(k, days[k], id, sizeof id);
        assert_int_equal(events_add(&set, &in), EVENTS_ADDED);
    }
    assert_int_equal(set.nfat_ranges, 5);
    assert_ranges(&set);
    assert_true(events_shared_bytes(&set) >= before + 5 * sizeof(EventsFatRange));
    events_finish(&set);
    assert_string_equal(events_text(&set, 0, TEXT_ID), "R7");       /* really moved */
    assert_string_equal(events_text(&set, 9, TEXT_ID), "R4");
    assert_ranges(&set);

    /* A second load after the finish, sorted again: old and new move. */
    const int32_t late[] = {1, 60, 25, 25, 3, 45};
    for (int k = 10; k < 16; k++) {
        EventInput in = ranged(k, late[k - 10], id, sizeof id);
        assert_int_equal(events_add(&set, &in), EVENTS_ADDED);
    }
    assert_ranges(&set);
    events_finish(&set);
    assert_string_equal(events_text(&set, 0, TEXT_ID), "R10");
    assert_ranges(&set);
    assert_int_equal(set.nfat_ranges, 8);
    assert_int_equal(set.fat_ranges_cap, 8);                       /* trimmed */

    /* Already sorted: nothing moves, the ranges stay. */
    EventInput last = ranged(16, 99, id, sizeof id);
    events_add(&set, &last);
    events_finish(&set);
    assert_ranges(&set);
    events_free(&set);
}

/* Merged rows of one event must agree on the range; a conflict names the
 * field, before and after a sort. */
static void test_range_conflicts(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    EventInput wide = input("U1", 30, 5, 2, 9);     /* a range */
    EventInput flat = input("U2", 10, 3, 3, 3);     /* none */
    EventInput other = input("U3", 20, 7, 1, 8);    /* a range, to move around */
    assert_int_equal(events_add(&set, &wide), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &flat), EVENTS_ADDED);
    assert_int_equal(events_add(&set, &other), EVENTS_ADDED);
    for (int round = 0; round < 2; round++) {
        EventsAddInfo info;
        assert_int_equal(events_add(&set, &wide), EVENTS_DUPLICATE);
        assert_int_equal(events_add(&set, &flat), EVENTS_DUPLICATE);
        EventInput row = wide;
        row.fatalities_low = 3;
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, "fatalities_low");
        row = wide;
        row.fatalities_high = 10;
        row.actor1 = "B";                             /* even with a new actor */
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, "fatalities_high");
        row = wide;
        row.fatalities_low = row.fatalities_high = 5;  /* no range: differs too */
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, "fatalities_low");
        row = flat;
        row.fatalities_high = 4;
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, "fatalities_high");
        assert_int_equal(info.held, find_event(&set, "U2"));
        row = flat;
        row.fatalities_low = 2;
        assert_int_equal(events_add_info(&set, &row, &info), EVENTS_CONFLICT);
        assert_string_equal(info.differs, "fatalities_low");
        row = wide;
        row.actor1 = "C";                              /* the same range merges */
        assert_int_equal(events_add_info(&set, &row, &info), round == 0 ? EVENTS_MERGED
                                                                        : EVENTS_DUPLICATE);
        size_t w = find_event(&set, "U1");
        assert_int_equal(info.held, w);
        assert_int_equal(events_fat_low(&set, w), 2);
        assert_int_equal(events_fat_high(&set, w), 9);
        assert_true(set.flags[w] & EVENT_FLAG_RANGE);
        assert_true(set.flags[w] & EVENT_FLAG_MERGED);
        events_finish(&set);                           /* U2, U3, U1 */
        assert_int_equal(find_event(&set, "U1"), 2);
    }
    assert_int_equal(set.count, 3);
    assert_int_equal(set.nfat_ranges, 2);
    events_free(&set);
}

/* A rollback drops the ranges of the events it drops, keeps the others',
 * and the side table takes new ones after it. */
static void test_rollback_drops_ranges(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    char id[16];
    for (int k = 0; k < 4; k++) {                      /* R0, R2 ranged */
        EventInput in = ranged(k, 40 - k, id, sizeof id);
        events_add(&set, &in);
    }
    events_finish(&set);
    EventsMark mark = events_mark(&set);
    for (int k = 4; k < 9; k++) {                      /* R4, R6, R8 ranged */
        EventInput in = ranged(k, 50 - k, id, sizeof id);
        events_add(&set, &in);
    }
    EventInput merge = ranged(2, 38, id, sizeof id);   /* into R2, then undone */
    merge.actor1 = "B";
    assert_int_equal(events_add(&set, &merge), EVENTS_MERGED);
    assert_int_equal(set.nfat_ranges, 5);
    events_rollback(&set, mark);
    assert_int_equal(set.count, 4);
    assert_int_equal(set.nfat_ranges, 2);
    assert_ranges(&set);
    assert_false(set.flags[find_event(&set, "R2")] & EVENT_FLAG_MERGED);
    assert_true(set.flags[find_event(&set, "R2")] & EVENT_FLAG_RANGE);
    for (int k = 4; k < 9; k++) {                      /* loaded again, the */
        EventInput in = ranged(k, 10 + k, id, sizeof id);   /* other way round */
        assert_int_equal(events_add(&set, &in), EVENTS_ADDED);
    }
    assert_ranges(&set);
    events_finish(&set);
    assert_ranges(&set);
    assert_int_equal(set.nfat_ranges, 5);

    /* Back to nothing. */
    EventSet empty;
    events_init(&empty);
    EventsMark zero = events_mark(&empty);
    EventInput in = ranged(0, 1, id, sizeof id);
    events_add(&empty, &in);
    events_rollback(&empty, zero);
    assert_int_equal(empty.nfat_ranges, 0);
    events_finish(&empty);
    assert_int_equal(empty.count, 0);
    events_free(&empty);
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_4_decimal_coordinate),
        cmocka_unit_test(test_7_decimal_coordinates),
        cmocka_unit_test(test_store_coordinates),
        cmocka_unit_test(test_ranges_follow_the_sort),
        cmocka_unit_test(test_range_conflicts),
        cmocka_unit_test(test_rollback_drops_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

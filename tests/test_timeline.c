/*
 * test_timeline: the scrubber's pure state: modes, steps, playback, loop,
 * speeds, axis zoom and histogram bins.
 */
#include "testutil.h"

#include <math.h>

#include "date.h"
#include "timeline.h"

static int32_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void test_init_and_window(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2012, 1, 1), D(2024, 12, 31));
    assert_int_equal(t.day0, D(2012, 1, 1));
    assert_int_equal(t.day1, D(2024, 12, 31));
    timeline_set_window(&t, D(2024, 7, 30), D(2024, 7, 1));   /* swapped */
    assert_int_equal(t.day0, D(2024, 7, 1));
    assert_int_equal(t.day1, D(2024, 7, 30));
    assert_int_equal(t.length, 30);
    timeline_set_window(&t, D(2000, 1, 1), D(2030, 1, 1));    /* clamped */
    assert_int_equal(t.day0, t.first);
    assert_int_equal(t.day1, t.last);
}

static void test_modes_and_steps(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2012, 1, 1), D(2024, 12, 31));
    timeline_set_window(&t, D(2024, 7, 1), D(2024, 7, 30));
    timeline_step(&t, 1);
    assert_int_equal(t.day0, D(2024, 7, 2));
    assert_int_equal(t.day1, D(2024, 7, 31));
    timeline_step(&t, -7);
    assert_int_equal(t.day1, D(2024, 7, 24));
    assert_int_equal(t.day1 - t.day0 + 1, 30);
    timeline_step_months(&t, 1);
    assert_int_equal(t.day1, D(2024, 8, 24));
    timeline_seek(&t, D(2024, 3, 31));
    timeline_step_months(&t, -1);                 /* 31 Feb -> 29 Feb */
    assert_int_equal(t.day1, D(2024, 2, 29));

    timeline_set_mode(&t, TIMELINE_CUMULATIVE);
    assert_int_equal(t.day0, t.first);
    assert_int_equal(t.day1, D(2024, 2, 29));
    timeline_set_mode(&t, TIMELINE_SINGLE_DAY);
    assert_int_equal(t.day0, t.day1);
    timeline_set_mode(&t, TIMELINE_MOVING);       /* the old length returns */
    assert_int_equal(t.day1 - t.day0 + 1, 30);
    timeline_seek(&t, D(2012, 1, 5));             /* clamped at the start */
    assert_int_equal(t.day0, t.first);
}

/* Space on a window covering the whole range plays a moving window sized
 * so the run lasts about 45 s at the speed, from the first date. */
static void test_play_the_whole_range(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2012, 1, 17), D(2024, 12, 1));     /* the bundled span */
    assert_int_equal(t.speed, 30);
    timeline_toggle_play(&t);
    assert_true(t.playing);
    assert_int_equal(t.day0, t.first);
    int32_t len = t.day1 - t.day0 + 1, span = t.last - t.first + 1;
    assert_int_equal(len, span - 45 * 30);
    double seconds = (double)(t.last - t.day1) / t.speed;
    assert_true(seconds >= 30 && seconds <= 60);
    /* A short span: a quarter of it. */
    timeline_init(&t, D(2024, 1, 1), D(2024, 4, 30));
    timeline_toggle_play(&t);
    assert_int_equal(t.day1 - t.day0 + 1, (t.last - t.first + 1) / 4);
    /* A window already shorter plays as it is; cumulative too. */
    timeline_init(&t, D(2024, 1, 1), D(2024, 12, 31));
    timeline_set_window(&t, D(2024, 3, 1), D(2024, 3, 31));
    timeline_toggle_play(&t);
    assert_int_equal(t.day0, D(2024, 3, 1));
    timeline_init(&t, D(2024, 1, 1), D(2024, 12, 31));
    timeline_set_mode(&t, TIMELINE_CUMULATIVE);
    timeline_toggle_play(&t);
    assert_int_equal(t.day0, t.first);
}

static void test_playback(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2024, 1, 1), D(2024, 1, 31));
    timeline_set_window(&t, D(2024, 1, 1), D(2024, 1, 7));
    assert_false(timeline_advance(&t, 1.0));      /* not playing */
    t.speed = 2;
    timeline_toggle_play(&t);
    assert_true(t.playing);
    assert_false(timeline_advance(&t, 0.25));     /* half a day: no move yet */
    assert_true(timeline_advance(&t, 0.25));
    assert_int_equal(t.day1, D(2024, 1, 8));
    assert_true(timeline_advance(&t, 100));       /* runs to the end, stops */
    assert_int_equal(t.day1, t.last);
    assert_false(t.playing);
    timeline_toggle_play(&t);                     /* at the end: rewinds */
    assert_int_equal(t.day0, t.first);
    t.loop = true;
    assert_true(timeline_advance(&t, 100));
    assert_true(t.playing);                       /* looped, still playing */
    assert_int_equal(t.day0, t.first);
}

static void test_speeds(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, 0, 1000);
    t.speed = 1;
    timeline_speed_step(&t, -1);
    assert_float_equal(t.speed, 1, 0);
    for (int k = 0; k < 20; k++) timeline_speed_step(&t, +1);
    assert_float_equal(t.speed, 365, 0);          /* 1 year per second */
    timeline_speed_step(&t, -1);
    assert_float_equal(t.speed, 182, 0);
}

static void test_axis_zoom_and_bins(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2012, 1, 1), D(2024, 12, 31));
    assert_int_equal(timeline_bin(&t, 1200), BIN_MONTH);
    timeline_zoom_axis(&t, 10, D(2020, 1, 1));
    assert_int_equal(timeline_bin(&t, 1200), BIN_WEEK);
    timeline_zoom_axis(&t, 100, D(2020, 1, 1));
    assert_int_equal(timeline_bin(&t, 1200), BIN_DAY);
    assert_true(t.axis1 - t.axis0 >= 14);
    assert_true(t.axis0 <= D(2020, 1, 1) && t.axis1 >= D(2020, 1, 1));
    timeline_zoom_axis(&t, 0.0001, 0);            /* out: never past the data */
    assert_true(t.axis0 >= t.first - 200 && t.axis1 <= t.last + 200);

    assert_int_equal(timeline_bin_start(BIN_MONTH, D(2024, 7, 27)), D(2024, 7, 1));
    assert_int_equal(timeline_bin_next(BIN_MONTH, D(2024, 12, 1)), D(2025, 1, 1));
    assert_int_equal(timeline_bin_start(BIN_WEEK, D(2024, 7, 27)), D(2024, 7, 22)); /* Monday */
    assert_int_equal(timeline_bin_next(BIN_WEEK, D(2024, 7, 22)), D(2024, 7, 29));
}

/* The axis pans by days, keeping its length, never past the padded data;
 * playback drags it along once the playhead leaves it. */
static void test_axis_pan_and_follow(void **state)
{
    (void)state;
    Timeline t;
    timeline_init(&t, D(2012, 1, 1), D(2024, 12, 31));
    int32_t whole = t.axis1 - t.axis0;
    timeline_pan_axis(&t, -1e6);                  /* the whole range: only the pad */
    assert_int_equal(t.axis1 - t.axis0, whole);
    assert_true(t.axis0 <= t.first && t.axis0 >= t.first - 100);
    timeline_pan_axis(&t, 1e6);
    assert_true(t.axis1 >= t.last && t.axis1 <= t.last + 100);
    timeline_zoom_axis(&t, 10, D(2020, 1, 1));
    int32_t len = t.axis1 - t.axis0, a0 = t.axis0;
    assert_true(timeline_pan_axis(&t, 100));
    assert_int_equal(t.axis0, a0 + 100);
    assert_int_equal(t.axis1 - t.axis0, len);
    assert_true(timeline_pan_axis(&t, -1e6));     /* to the start, padded */
    assert_int_equal(t.axis1 - t.axis0, len);
    assert_true(t.axis0 < t.first && t.axis0 >= t.first - 100);
    assert_false(timeline_pan_axis(&t, -10));     /* already there */
    assert_true(timeline_pan_axis(&t, 1e6));      /* to the end */
    assert_true(t.axis1 > t.last && t.axis1 <= t.last + 100);
    assert_int_equal(t.axis1 - t.axis0, len);
    assert_false(timeline_pan_axis(&t, NAN));

    /* Playing past the right edge pages the axis forward. */
    timeline_set_window(&t, D(2016, 1, 1), D(2016, 1, 30));
    timeline_pan_axis(&t, -1e6);
    timeline_seek(&t, t.axis0 + len / 2);
    a0 = t.axis0;
    assert_false(timeline_follow(&t));            /* in view: stays */
    assert_int_equal(t.axis0, a0);
    timeline_seek(&t, t.axis1 + 5);
    assert_true(timeline_follow(&t));
    assert_int_equal(t.axis1 - t.axis0, len);
    assert_true(t.day1 >= t.axis0 && t.day1 <= t.axis1);
    assert_true(t.axis1 - t.day1 >= len / 10 - 1 && t.axis1 - t.day1 <= len / 10 + 1);
    /* Seeking before the left edge pages it back. */
    timeline_pan_axis(&t, 2000);
    timeline_seek(&t, t.axis0 - 40);
    assert_true(timeline_follow(&t));
    assert_true(t.day1 >= t.axis0 && t.day1 - t.axis0 <= len / 10 + 1);
    /* At the end of the data the axis stops at the padded end. */
    timeline_seek(&t, t.last);
    timeline_follow(&t);
    assert_true(t.day1 <= t.axis1 && t.axis1 <= t.last + 100);
    assert_int_equal(t.axis1 - t.axis0, len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_play_the_whole_range),
        cmocka_unit_test(test_init_and_window),
        cmocka_unit_test(test_modes_and_steps),
        cmocka_unit_test(test_playback),
        cmocka_unit_test(test_speeds),
        cmocka_unit_test(test_axis_zoom_and_bins),
        cmocka_unit_test(test_axis_pan_and_follow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_anim: the steps of an animation (frame count and the dates of each
 * frame for every step and mode: month ends, leap years, partial periods,
 * a window longer than the range), its options with their refusals, the
 * command that asks for it (parsed back through the figure's parser) and
 * the progress line.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "date.h"
#include "figure.h"

static int32_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* The steps of opt in mode over [from, to]; fails the test on error. */
static AnimFrame *steps(const AnimOptions *opt, TimelineMode mode, int32_t from, int32_t to,
                        size_t *n)
{
    AnimFrame *f = NULL;
    Error err;
    assert_true(anim_steps(opt, mode, from, to, &f, n, &err));
    assert_non_null(f);
    return f;
}

static void assert_frame(const AnimFrame *f, int32_t day0, int32_t day1)
{
    char a[11], b[11], c[11], d[11];
    date_format(f->day0, a);
    date_format(f->day1, b);
    date_format(day0, c);
    date_format(day1, d);
    if (f->day0 != day0 || f->day1 != day1)
        fail_msg("frame %s..%s, want %s..%s", a, b, c, d);
}

/* ------------------------------------------------------------------------- */
/* Steps                                                                     */
/* ------------------------------------------------------------------------- */

static void test_weekly_year(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    size_t n = 0;
    /* 2024 is a leap year: 366 days = 52 weeks and 2 days. */
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2024, 1, 1), D(2024, 12, 31), &n);
    assert_int_equal(n, 53);
    assert_frame(&f[0], D(2024, 1, 1), D(2024, 1, 7));
    assert_frame(&f[8], D(2024, 2, 26), D(2024, 3, 3));      /* across 29 Feb */
    assert_frame(&f[51], D(2024, 12, 23), D(2024, 12, 29));
    assert_frame(&f[52], D(2024, 12, 30), D(2024, 12, 31));   /* the partial last */
    free(f);
    /* 364 days: exactly 52 weekly frames. */
    f = steps(&opt, TIMELINE_MOVING, D(2023, 1, 2), D(2023, 12, 31), &n);
    assert_int_equal(n, 52);
    for (size_t k = 0; k < n; k++)
        assert_frame(&f[k], D(2023, 1, 2) + 7 * (int32_t)k, D(2023, 1, 8) + 7 * (int32_t)k);
    free(f);
}

static void test_days(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.step = ANIM_STEP_DAY;
    size_t n = 0;
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2024, 2, 27), D(2024, 3, 2), &n);
    assert_int_equal(n, 5);
    assert_frame(&f[2], D(2024, 2, 29), D(2024, 2, 29));
    assert_frame(&f[3], D(2024, 3, 1), D(2024, 3, 1));
    free(f);
    /* One day: one frame. */
    f = steps(&opt, TIMELINE_MOVING, D(2024, 5, 5), D(2024, 5, 5), &n);
    assert_int_equal(n, 1);
    assert_frame(&f[0], D(2024, 5, 5), D(2024, 5, 5));
    free(f);
}

static void test_month_ends(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.step = ANIM_STEP_MONTH;
    size_t n = 0;
    /* From mid-January 2023 to mid-March 2024: calendar months, the first
     * and last cut to the range; February 28 days in 2023, 29 in 2024. */
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2023, 1, 15), D(2024, 3, 10), &n);
    assert_int_equal(n, 15);
    assert_frame(&f[0], D(2023, 1, 15), D(2023, 1, 31));
    assert_frame(&f[1], D(2023, 2, 1), D(2023, 2, 28));
    assert_frame(&f[3], D(2023, 4, 1), D(2023, 4, 30));
    assert_frame(&f[11], D(2023, 12, 1), D(2023, 12, 31));
    assert_frame(&f[13], D(2024, 2, 1), D(2024, 2, 29));
    assert_frame(&f[14], D(2024, 3, 1), D(2024, 3, 10));
    free(f);
    /* Cumulative by month: all from the first day, ending at month ends. */
    f = steps(&opt, TIMELINE_CUMULATIVE, D(2024, 1, 1), D(2024, 12, 31), &n);
    assert_int_equal(n, 12);
    static const int ends[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int k = 0; k < 12; k++) assert_frame(&f[k], D(2024, 1, 1), D(2024, k + 1, ends[k]));
    free(f);
    /* Single day: the last day of each month. */
    f = steps(&opt, TIMELINE_SINGLE_DAY, D(2023, 1, 1), D(2023, 3, 31), &n);
    assert_int_equal(n, 3);
    assert_frame(&f[1], D(2023, 2, 28), D(2023, 2, 28));
    free(f);
}

static void test_years(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.step = ANIM_STEP_YEAR;
    size_t n = 0;
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2012, 3, 1), D(2024, 12, 31), &n);
    assert_int_equal(n, 13);
    assert_frame(&f[0], D(2012, 3, 1), D(2012, 12, 31));
    assert_frame(&f[12], D(2024, 1, 1), D(2024, 12, 31));
    free(f);
    /* 2000 is a leap year (divisible by 400), 1900 is not (by 100). */
    opt.step = ANIM_STEP_MONTH;
    f = steps(&opt, TIMELINE_MOVING, D(2000, 2, 1), D(2000, 2, 29), &n);
    assert_int_equal(n, 1);
    assert_frame(&f[0], D(2000, 2, 1), D(2000, 2, 29));
    free(f);
    f = steps(&opt, TIMELINE_MOVING, D(1900, 2, 1), D(1900, 3, 31), &n);
    assert_int_equal(n, 2);
    assert_frame(&f[0], D(1900, 2, 1), D(1900, 2, 28));
    free(f);
}

static void test_moving_window(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.step = ANIM_STEP_WEEK;
    opt.window = 30;
    size_t n = 0;
    /* Frames start with the first full window: the week ending on day 35
     * (30 days back stays inside the range), as playback starts. */
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2024, 1, 1), D(2024, 3, 31), &n);
    assert_int_equal(n, 9);
    assert_frame(&f[0], D(2024, 2, 4) - 29, D(2024, 2, 4));
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(f[k].day1 - f[k].day0 + 1, 30);
        assert_true(f[k].day0 >= D(2024, 1, 1));
    }
    assert_frame(&f[8], D(2024, 3, 31) - 29, D(2024, 3, 31));
    free(f);
    /* Daily steps with a 7-day window: the first frame is the first week. */
    opt.step = ANIM_STEP_DAY;
    opt.window = 7;
    f = steps(&opt, TIMELINE_MOVING, D(2024, 1, 1), D(2024, 1, 10), &n);
    assert_int_equal(n, 4);
    assert_frame(&f[0], D(2024, 1, 1), D(2024, 1, 7));
    assert_frame(&f[3], D(2024, 1, 4), D(2024, 1, 10));
    free(f);
}

static void test_window_longer_than_range(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.window = 400;
    size_t n = 0;
    AnimFrame *f = steps(&opt, TIMELINE_MOVING, D(2024, 1, 1), D(2024, 3, 31), &n);
    assert_int_equal(n, 1);
    assert_frame(&f[0], D(2024, 1, 1), D(2024, 3, 31));
    free(f);
    /* Exactly as long as the range: one full frame too. */
    opt.window = 91;
    opt.step = ANIM_STEP_DAY;
    f = steps(&opt, TIMELINE_MOVING, D(2024, 1, 1), D(2024, 3, 31), &n);
    assert_int_equal(n, 1);
    assert_frame(&f[0], D(2024, 1, 1), D(2024, 3, 31));
    free(f);
}

static void test_too_many_frames(void **state)
{
    (void)state;
    AnimOptions opt;
    anim_options_init(&opt);
    opt.step = ANIM_STEP_DAY;
    AnimFrame *f = (AnimFrame *)1;
    size_t n = 7;
    Error err;
    assert_false(anim_steps(&opt, TIMELINE_MOVING, D(1900, 1, 1), D(2100, 12, 31), &f, &n,
                            &err));
    assert_null(f);
    assert_int_equal(n, 0);
    assert_non_null(strstr(err.msg, "more than 20000 frames"));
    /* The same century by year: 201 frames. */
    opt.step = ANIM_STEP_YEAR;
    f = steps(&opt, TIMELINE_MOVING, D(1900, 1, 1), D(2100, 12, 31), &n);
    assert_int_equal(n, 201);
    free(f);
}

/* ------------------------------------------------------------------------- */
/* Options                                                                   */
/* ------------------------------------------------------------------------- */

/* Parses argv as the export command does: the figure's options, then the
 * rest as the animation's. */
static bool parse(Figure *fig, AnimOptions *opt, int argc, const char *const *argv,
                  Error *err)
{
    figure_init(fig);
    anim_options_init(opt);
    char *extra[32];
    int nextra = 0;
    return figure_parse_args_extra(fig, argc, (char *const *)argv, anim_value_options, extra,
                                   &nextra, err) &&
           anim_parse_args(opt, nextra, extra, err) && anim_check(opt, fig, err);
}

static void expect_refusal(int argc, const char *const *argv, const char *want)
{
    Figure fig;
    AnimOptions opt;
    Error err = {0};
    bool ok = parse(&fig, &opt, argc, argv, &err);
    figure_free(&fig);
    if (ok) fail_msg("accepted, want '%s'", want);
    if (strstr(err.msg, want) == NULL) fail_msg("said '%s', want '%s'", err.msg, want);
}

static void test_options(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    Error err;
    const char *argv[] = {"a.json", "--animate", "out/SAHEL.MP4", "--step", "month",
                          "--from", "2024-01-01", "--window=45", "--fps", "12", "b.csv"};
    assert_true(parse(&fig, &opt, 11, argv, &err));
    assert_int_equal(opt.format, ANIM_FORMAT_MP4);
    assert_string_equal(opt.path, "out/SAHEL.MP4");
    assert_int_equal(opt.step, ANIM_STEP_MONTH);
    assert_int_equal(opt.window, 45);
    assert_int_equal(opt.fps, 12);
    assert_int_equal(fig.nfiles, 2);
    assert_int_equal(fig.day0, D(2024, 1, 1));
    figure_free(&fig);

    const char *frames[] = {"--frames", "dir", "--mode", "cumulative"};
    assert_true(parse(&fig, &opt, 4, frames, &err));
    assert_int_equal(opt.format, ANIM_FORMAT_FRAMES);
    assert_int_equal(fig.mode, TIMELINE_CUMULATIVE);
    figure_free(&fig);

    assert_int_equal(anim_format_for_path("a.webm"), ANIM_FORMAT_WEBM);
    assert_int_equal(anim_format_for_path("x.gif"), ANIM_FORMAT_GIF);
    assert_int_equal(anim_format_for_path("x.gif/y"), ANIM_FORMAT_NONE);
    assert_int_equal(anim_format_for_path("x.avi"), ANIM_FORMAT_NONE);

    const char *bad_ext[] = {"--animate", "x.avi"};
    expect_refusal(2, bad_ext, "want a file ending in .mp4, .webm or .gif");
    const char *bad_step[] = {"--animate", "x.gif", "--step", "fortnight"};
    expect_refusal(4, bad_step, "--step 'fortnight': want day, week, month or year");
    const char *bad_window[] = {"--animate", "x.gif", "--window", "0"};
    expect_refusal(4, bad_window, "--window '0': want a number of days, 1 to 36600");
    const char *bad_fps[] = {"--animate", "x.gif", "--fps", "61"};
    expect_refusal(4, bad_fps, "--fps '61': want frames per second, 1 to 60");
    const char *two[] = {"--animate", "x.gif", "--frames", "d"};
    expect_refusal(4, two, "give one of --animate and --frames");
    const char *with_o[] = {"--animate", "x.gif", "-o", "x.png"};
    expect_refusal(4, with_o, "-o and --animate: give one output");
    const char *window_mode[] = {"--animate", "x.gif", "--window", "30", "--mode", "day"};
    expect_refusal(6, window_mode, "does not go with --mode day");
    const char *no_output[] = {"--fps", "10", "-o", "x.png"};
    expect_refusal(4, no_output, "need --animate OUT or --frames DIR");
    const char *no_value[] = {"--animate", "x.gif", "--fps"};
    expect_refusal(3, no_value, "--fps needs a value");
    const char *unknown[] = {"--animate", "x.gif", "--speed", "3"};
    expect_refusal(4, unknown, "unknown option '--speed'");
}

static void test_command_round_trip(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    char *files[] = {"-odd.json", "b c.csv"};
    figure_set_files(&fig, files, 2);
    fig.day0 = D(2024, 1, 1);
    fig.day1 = D(2024, 6, 30);
    snprintf(fig.output, sizeof fig.output, "ignored.png");
    AnimOptions opt;
    anim_options_init(&opt);
    opt.format = ANIM_FORMAT_GIF;
    snprintf(opt.path, sizeof opt.path, "it's.gif");
    opt.step = ANIM_STEP_DAY;
    opt.window = 14;
    opt.fps = 10;
    char cmd[8192];
    assert_true(anim_to_command(&opt, &fig, false, cmd, sizeof cmd));
    assert_non_null(strstr(cmd, "sahelmap export --animate 'it'\\''s.gif' --step day "
                                "--window 14 --fps 10 "));
    assert_null(strstr(cmd, "ignored.png"));
    assert_non_null(strstr(cmd, " -- -odd.json 'b c.csv'"));
    /* Split by /bin/sh and parsed back: the same request. */
    char sh[9000];
    snprintf(sh, sizeof sh, "set -- %s; shift 2; printf '%%s\\n' \"$@\"", cmd);
    FILE *p = popen(sh, "r");
    assert_non_null(p);
    char *argv[64], line[1024];
    int argc = 0;
    while (argc < 64 && fgets(line, sizeof line, p) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        argv[argc++] = strdup(line);
    }
    assert_int_equal(pclose(p), 0);
    Figure back;
    AnimOptions oback;
    Error err;
    assert_true(parse(&back, &oback, argc, (const char *const *)argv, &err));
    fig.output[0] = '\0';
    assert_true(figure_equal(&fig, &back));
    assert_int_equal(oback.format, ANIM_FORMAT_GIF);
    assert_string_equal(oback.path, "it's.gif");
    assert_int_equal(oback.step, ANIM_STEP_DAY);
    assert_int_equal(oback.window, 14);
    assert_int_equal(oback.fps, 10);
    for (int i = 0; i < argc; i++) free(argv[i]);
    figure_free(&back);
    figure_free(&fig);
    /* Too small a buffer: false, and an empty string. */
    figure_init(&fig);
    assert_false(anim_to_command(&opt, &fig, true, cmd, 20));
    assert_string_equal(cmd, "");
    figure_free(&fig);
}

static void test_progress_text(void **state)
{
    (void)state;
    char s[128];
    anim_progress_text(13, 52, 4.25, s, sizeof s);
    assert_string_equal(s, "frame    13/52 [#######.......................]  25%  4.2 s");
    anim_progress_text(52, 52, 10, s, sizeof s);
    assert_non_null(strstr(s, "[##############################] 100%"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekly_year),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_month_ends),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_moving_window),
        cmocka_unit_test(test_window_longer_than_range),
        cmocka_unit_test(test_too_many_frames),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_command_round_trip),
        cmocka_unit_test(test_progress_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_figure: the figure request. Defaults; every export option with good
 * and bad values (and the exact refusal); the checks across options; the
 * extra options a command keeps for itself; the round trips through the
 * command line (split by a small POSIX-shell splitter here and by /bin/sh
 * itself) and through the JSON view file (files relative to its
 * directory); the view file's refusals; the help text against the parser.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "figure.h"

/* ------------------------------------------------------------------------- */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------- */

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Parses argv into a fresh figure; returns figure_parse_args's result. */
static bool parse(Figure *fig, int argc, const char *const *argv, Error *err)
{
    figure_init(fig);
    memset(err, 0, sizeof *err);
    return figure_parse_args(fig, argc, (char *const *)argv, err);
}

/* Asserts that argv is refused with exactly the message `msg`. */
#define assert_refused(want_, ...)                                               \
    do {                                                                       \
        const char *argv_[] = {__VA_ARGS__};                                   \
        Figure f_;                                                             \
        Error e_;                                                              \
        bool ok_ = parse(&f_, ARGC(argv_), argv_, &e_);                        \
        figure_free(&f_);                                                      \
        if (ok_) fail_msg("accepted: %s ...", argv_[0]);                       \
        assert_string_equal(e_.msg, (want_));                                    \
    } while (0)

/* Asserts that argv parses; leaves the figure in *fig (caller frees). */
#define assert_parses(fig, ...)                                                \
    do {                                                                       \
        const char *argv_[] = {__VA_ARGS__};                                   \
        Error e_;                                                              \
        if (!parse((fig), ARGC(argv_), argv_, &e_))                            \
            fail_msg("refused %s: %s", argv_[0], e_.msg);                      \
    } while (0)

static int32_t day_of(const char *iso)
{
    int32_t d = 0;
    Error err;
    assert_true(date_parse(iso, &d, &err));
    return d;
}

/* ------------------------------------------------------------------------- */
/* Defaults, copies, equality                                                */
/* ------------------------------------------------------------------------- */

static void test_init_defaults(void **state)
{
    (void)state;
    Figure f;
    figure_init(&f);
    assert_null(f.files);
    assert_int_equal(f.nfiles, 0);
    assert_string_equal(f.output, "");
    assert_int_equal(f.proj, PROJ_LAEA);
    assert_int_equal(f.fit, FIGURE_FIT_EVENTS);
    assert_int_equal(f.width, 1920);
    assert_int_equal(f.height, 1080);
    assert_true(f.scale == 0);
    assert_int_equal(f.day0, FIGURE_DAY_UNSET_FROM);
    assert_int_equal(f.day1, FIGURE_DAY_UNSET_TO);
    assert_int_equal(f.mode, TIMELINE_MOVING);
    assert_int_equal(f.filter.type_mask, ~0u);
    assert_string_equal(f.filter.text, "");
    assert_int_equal(f.filter.min_fatalities, 0);
    assert_string_equal(f.filter.country, "");
    assert_string_equal(f.filter.admin1, "");
    assert_string_equal(f.title, "");
    assert_int_equal(f.layer, SCENE_LAYER_AUTO);
    assert_true(f.class_max == 0);
    assert_false(f.graticule);
    assert_false(f.fade);
    assert_false(f.bare);
    Error err;
    assert_true(figure_check(&f, &err));
    /* Nothing to say: the bare command. */
    char cmd[256];
    assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
    assert_string_equal(cmd, "sahelmap export");
    figure_free(&f);
}

static void test_copy_and_equal(void **state)
{
    (void)state;
    Figure a, b;
    figure_init(&a);
    figure_add_file(&a, "one.json");
    figure_add_file(&a, "two.csv");
    figure_copy(&b, &a);
    assert_true(figure_equal(&a, &b));
    assert_ptr_not_equal(a.files, b.files);
    assert_ptr_not_equal(a.files[0], b.files[0]);
    assert_null(b.files[2]);
    figure_free(&b);

    /* Each field, changed alone, makes a different request (the round
     * trips below rely on figure_equal seeing every field). */
    for (int k = 0; k < 30; k++) {
        figure_copy(&b, &a);
        switch (k) {
        case 0: figure_add_file(&b, "three.json"); break;
        case 1: b.files[1][0] = 'T'; break;
        case 2: strcpy(b.output, "x.png"); break;
        case 3: b.proj = PROJ_MERCATOR; break;
        case 4: b.fit = FIGURE_FIT_BBOX; break;
        case 5: a.fit = b.fit = FIGURE_FIT_BBOX; b.bbox[2] = 1e-9; break;
        case 6: a.fit = b.fit = FIGURE_FIT_CENTER; b.center_lon = 0.1; break;
        case 7: a.fit = b.fit = FIGURE_FIT_CENTER; b.center_lat = -0.1; break;
        case 8: a.fit = b.fit = FIGURE_FIT_CENTER; b.mpp = 1; break;
        case 9: b.width = 1921; break;
        case 10: b.height = 1081; break;
        case 11: b.scale = 1.0f; break;
        case 12: b.day0 = 0; break;
        case 13: b.day1 = 0; break;
        case 14: b.mode = TIMELINE_SINGLE_DAY; break;
        case 15: b.filter.type_mask = 1u << EVENT_RIOTS; break;
        case 16: strcpy(b.filter.text, "x"); break;
        case 17: b.filter.min_fatalities = 1; break;
        case 18: strcpy(b.filter.country, "Mali"); break;
        case 19: strcpy(b.filter.admin1, "Gao"); break;
        case 20: strcpy(b.title, "t"); break;
        case 21: b.layer = SCENE_LAYER_DENSITY; break;
        case 22: b.class_max = 0.5; break;
        case 23: b.graticule = true; break;
        case 24: b.fade = true; break;
        case 25: b.bare = true; break;
        case 26: figure_set_files(&b, NULL, 0); break;
        case 27: b.color_by = COLOR_BY_ACTOR; break;
        case 28: b.class_day0 = 0; break;
        case 29: b.class_day1 = 0; break;
        }
        if (figure_equal(&a, &b)) fail_msg("change %d not seen by figure_equal", k);
        a.fit = FIGURE_FIT_EVENTS;
        figure_free(&b);
    }
    /* What the fit does not use is not compared. */
    figure_copy(&b, &a);
    b.bbox[0] = 5;
    b.mpp = 7;
    assert_true(figure_equal(&a, &b));
    figure_free(&b);
    figure_free(&a);
}

/* ------------------------------------------------------------------------- */
/* Options: good values                                                      */
/* ------------------------------------------------------------------------- */

static void test_parse_every_option(void **state)
{
    (void)state;
    Figure f;
    assert_parses(&f, "a.json", "-o", "out.png", "--from", "2020-01-02", "--to",
                  "2021-03-04", "--mode", "cumulative", "--bbox", "-12.5,8,16,25.25",
                  "--size", "800x600", "--scale", "1.5", "--proj", "mercator", "--title",
                  "My map", "--type", "battles", "--type", "Protests", "--filter",
                  "Wagner", "--min-fatalities", "10", "--country", "Mali", "--admin1",
                  "Gao", "--layer", "density", "--class-max", "25", "--fade",
                  "--graticule", "--bare", "b.csv", "-");
    assert_int_equal(f.nfiles, 3);
    assert_string_equal(f.files[0], "a.json");
    assert_string_equal(f.files[1], "b.csv");
    assert_string_equal(f.files[2], "-");
    assert_null(f.files[3]);
    assert_string_equal(f.output, "out.png");
    assert_int_equal(f.day0, day_of("2020-01-02"));
    assert_int_equal(f.day1, day_of("2021-03-04"));
    assert_int_equal(f.mode, TIMELINE_CUMULATIVE);
    assert_int_equal(f.fit, FIGURE_FIT_BBOX);
    assert_true(f.bbox[0] == -12.5 && f.bbox[1] == 8 && f.bbox[2] == 16 &&
                f.bbox[3] == 25.25);
    assert_int_equal(f.width, 800);
    assert_int_equal(f.height, 600);
    assert_true(f.scale == 1.5f);
    assert_int_equal(f.proj, PROJ_MERCATOR);
    assert_string_equal(f.title, "My map");
    assert_int_equal(f.filter.type_mask, (1u << EVENT_BATTLES) | (1u << EVENT_PROTESTS));
    assert_string_equal(f.filter.text, "Wagner");
    assert_int_equal(f.filter.min_fatalities, 10);
    assert_string_equal(f.filter.country, "Mali");
    assert_string_equal(f.filter.admin1, "Gao");
    assert_int_equal(f.layer, SCENE_LAYER_DENSITY);
    assert_true(f.class_max == 25);
    assert_true(f.fade && f.graticule && f.bare);
    figure_free(&f);

    /* The rest of the values. */
    assert_parses(&f, "--center", "-1.5,14.25", "--mpp", "1200", "--output", "o.png",
                  "--mode", "day", "--proj", "albers", "--layer", "markers");
    assert_int_equal(f.fit, FIGURE_FIT_CENTER);
    assert_true(f.center_lon == -1.5 && f.center_lat == 14.25 && f.mpp == 1200);
    assert_string_equal(f.output, "o.png");
    assert_int_equal(f.mode, TIMELINE_SINGLE_DAY);
    assert_int_equal(f.proj, PROJ_ALBERS);
    assert_int_equal(f.layer, SCENE_LAYER_MARKERS);
    figure_free(&f);

    assert_parses(&f, "--proj", "plate", "--mode", "moving", "--heatmap", "events",
                  "--layer", "auto", "--size", "16x8192", "--scale", "0.25", "--mpp",
                  "100000", "--center", "180,-90");
    assert_int_equal(f.proj, PROJ_PLATE);
    assert_int_equal(f.mode, TIMELINE_MOVING);
    assert_int_equal(f.layer, SCENE_LAYER_AUTO);      /* the last one wins */
    assert_int_equal(f.width, 16);
    assert_int_equal(f.height, 8192);
    assert_true(f.scale == 0.25f);
    assert_true(f.mpp == 100000 && f.center_lon == 180 && f.center_lat == -90);
    figure_free(&f);

    assert_parses(&f, "--proj", "laea", "--heatmap", "fatalities", "--scale", "8",
                  "--mpp", "1", "--class-max", "0", "--min-fatalities", "0");
    assert_int_equal(f.proj, PROJ_LAEA);
    assert_int_equal(f.layer, SCENE_LAYER_HEAT_FATALITIES);
    assert_true(f.scale == 8 && f.mpp == 1 && f.class_max == 0);
    figure_free(&f);

    assert_parses(&f, "--heatmap", "events");
    assert_int_equal(f.layer, SCENE_LAYER_HEAT_EVENTS);
    figure_free(&f);

    /* The bbox may reach the edges of the globe. */
    assert_parses(&f, "--bbox", "-180,-90,180,90");
    assert_int_equal(f.fit, FIGURE_FIT_BBOX);
    figure_free(&f);
}

static void test_parse_types(void **state)
{
    (void)state;
    Figure f;
    assert_parses(&f, "--type", "none");
    assert_int_equal(f.filter.type_mask, 0);
    figure_free(&f);
    /* Repeatable; every key and a full ACLED name. */
    assert_parses(&f, "--type", "battles", "--type", "explosions", "--type", "violence",
                  "--type", "protests", "--type", "riots", "--type", "strategic");
    /* Every type named is no type filter (what the writer and the view
     * file take it for). */
    assert_int_equal(f.filter.type_mask, ~0u);
    figure_free(&f);
    assert_parses(&f, "--type", "Violence against civilians");
    assert_int_equal(f.filter.type_mask, 1u << EVENT_VIOLENCE_CIVILIANS);
    figure_free(&f);
    /* "none" then a type: just that type. */
    assert_parses(&f, "--type", "none", "--type", "riots");
    assert_int_equal(f.filter.type_mask, 1u << EVENT_RIOTS);
    figure_free(&f);
    assert_refused("--type 'bogus': unknown event type", "--type", "bogus");
    assert_refused("--type 'unknown': unknown event type", "--type", "unknown");
    assert_refused("--type '': unknown event type", "--type", "");

    /* figure_set_option adds to the types already set. */
    figure_init(&f);
    Error err;
    f.filter.type_mask = 1u << EVENT_BATTLES;
    assert_true(figure_set_option(&f, "--type", "riots", &err));
    assert_int_equal(f.filter.type_mask, (1u << EVENT_BATTLES) | (1u << EVENT_RIOTS));
    assert_false(figure_set_option(&f, "--colour", "red", &err));
    assert_string_equal(err.msg, "--colour: not an option");
    assert_false(figure_set_option(&f, "--title", NULL, &err));
    assert_string_equal(err.msg, "--title: needs a value");
    assert_false(figure_set_option(&f, "--bare", "1", &err));
    assert_string_equal(err.msg, "--bare: takes no value");
    assert_true(figure_set_option(&f, "--bare", NULL, &err));
    assert_true(f.bare);
    figure_free(&f);
}

static void test_parse_equals_form(void **state)
{
    (void)state;
    Figure f;
    assert_parses(&f, "--size=640x480", "--title=a=b c", "--output=x.png",
                  "--type=riots", "--from=2024-01-01", "--center=1,2", "--mpp=500");
    assert_int_equal(f.width, 640);
    assert_int_equal(f.height, 480);
    assert_string_equal(f.title, "a=b c");
    assert_string_equal(f.output, "x.png");
    assert_int_equal(f.filter.type_mask, 1u << EVENT_RIOTS);
    assert_int_equal(f.day0, day_of("2024-01-01"));
    assert_int_equal(f.fit, FIGURE_FIT_CENTER);
    assert_true(f.mpp == 500);
    figure_free(&f);
    /* An empty value given with '=' is a value (and checked). */
    assert_parses(&f, "--title=");
    assert_string_equal(f.title, "");
    figure_free(&f);
    assert_refused("--size '': want WxH, each side 16 to 8192", "--size=");
    assert_refused("--fade takes no value", "--fade=yes");
    assert_refused("--bare takes no value", "--bare=");
    /* The value is the whole next argument, even when it looks like an
     * option. */
    assert_parses(&f, "--title", "--fade");
    assert_string_equal(f.title, "--fade");
    assert_false(f.fade);
    figure_free(&f);
}

/* ------------------------------------------------------------------------- */
/* Options: refusals                                                         */
/* ------------------------------------------------------------------------- */

static void test_parse_refusals(void **state)
{
    (void)state;
    const char *size_msg = "--size '%s': want WxH, each side 16 to 8192";
    const char *bad_sizes[] = {"100",   "100x",   "x100",     "15x100",   "100x15",
                               "0x0",   "-16x16", "8193x100", "100x8193", "100x100x1",
                               "10.5x20", "1e3x100", "100x100 ", "big"};
    for (size_t k = 0; k < sizeof bad_sizes / sizeof bad_sizes[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, size_msg, bad_sizes[k]);
        assert_refused(msg, "--size", bad_sizes[k]);
    }
    const char *bbox_msg = "--bbox '%s': want LONMIN,LATMIN,LONMAX,LATMAX with min < max, "
                           "in degrees";
    const char *bad_boxes[] = {"10,0,0,10", "0,10,10,0", "0,0,0,10", "0,0,10,0",
                               "-181,0,10,10", "0,-91,10,10", "0,0,181,10", "0,0,10,91",
                               "0,0,10", "0,0,10,10,1", "0,0,10,10x", "nan,0,10,10",
                               "a,b,c,d", ""};
    for (size_t k = 0; k < sizeof bad_boxes / sizeof bad_boxes[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, bbox_msg, bad_boxes[k]);
        assert_refused(msg, "--bbox", bad_boxes[k]);
    }
    const char *bad_centers[] = {"180.5,0", "-181,0", "0,90.01", "0,-91", "nan,0", "0,inf",
                                 "1", "1,2,3", "1;2", ""};
    for (size_t k = 0; k < sizeof bad_centers / sizeof bad_centers[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, "--center '%s': want LON,LAT in degrees", bad_centers[k]);
        assert_refused(msg, "--center", bad_centers[k]);
    }
    const char *bad_mpps[] = {"0", "0.99", "100000.5", "1e6", "-5", "nan", "inf", "10m", ""};
    for (size_t k = 0; k < sizeof bad_mpps / sizeof bad_mpps[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, "--mpp '%s': want metres per pixel, 1 to 100000",
                 bad_mpps[k]);
        assert_refused(msg, "--mpp", bad_mpps[k]);
    }
    const char *bad_scales[] = {"0", "0.24", "8.01", "-1", "nan", "inf", "2x", ""};
    for (size_t k = 0; k < sizeof bad_scales / sizeof bad_scales[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, "--scale '%s': want a number from 0.25 to 8", bad_scales[k]);
        assert_refused(msg, "--scale", bad_scales[k]);
    }
    assert_refused("--proj 'robinson': want laea, albers, mercator or plate", "--proj",
                   "robinson");
    assert_refused("--proj 'LAEA': want laea, albers, mercator or plate", "--proj", "LAEA");
    assert_refused("--mode 'weekly': want moving, cumulative or day", "--mode", "weekly");
    assert_refused("--layer 'heatmap-events': want auto, markers or density", "--layer",
                   "heatmap-events");
    assert_refused("--layer 'heatmap-fatalities': want auto, markers or density", "--layer",
                   "heatmap-fatalities");
    assert_refused("--layer 'hexbin': want auto, markers or density", "--layer", "hexbin");
    assert_refused("--heatmap 'density': want events or fatalities", "--heatmap", "density");
    assert_refused("--heatmap '': want events or fatalities", "--heatmap", "");
    const char *bad_class[] = {"-1", "1e13", "nan", "inf", "5 ", "many", ""};
    for (size_t k = 0; k < sizeof bad_class / sizeof bad_class[0]; k++) {
        char msg[256];
        snprintf(msg, sizeof msg, "--class-max '%s': want a positive number", bad_class[k]);
        assert_refused(msg, "--class-max", bad_class[k]);
    }
    assert_refused("--color-by 'colour': want type, actor, country or sub-type", "--color-by",
                   "colour");
    assert_refused("--color-by 'Actor': want type, actor, country or sub-type", "--color-by",
                   "Actor");
    assert_refused("--color-by 'subtype': want type, actor, country or sub-type", "--color-by",
                   "subtype");
    assert_refused("--class-dates '2020-01-01': want FROM..TO", "--class-dates", "2020-01-01");
    assert_refused("--class-dates '2021-01-01..2020-01-01': FROM is after TO", "--class-dates",
                   "2021-01-01..2020-01-01");
    {
        const char *argv[] = {"--class-dates", "2020-02-30..2020-03-01"};
        Figure f;
        Error err;
        assert_false(parse(&f, 2, argv, &err));
        assert_non_null(strstr(err.msg, "--class-dates '2020-02-30..2020-03-01': "));
        figure_free(&f);
    }
    assert_refused("--min-fatalities '-1': want a count", "--min-fatalities", "-1");
    assert_refused("--min-fatalities '2.5': want a count", "--min-fatalities", "2.5");
    assert_refused("--min-fatalities 'ten': want a count", "--min-fatalities", "ten");

    /* Dates: the date module's reason after the option's name. */
    const char *bad_dates[] = {"2024-02-30", "2024-13-01", "yesterday", "", "1899-12-31"};
    for (size_t k = 0; k < sizeof bad_dates / sizeof bad_dates[0]; k++) {
        for (int to = 0; to < 2; to++) {
            const char *opt = to ? "--to" : "--from";
            const char *argv[] = {opt, bad_dates[k]};
            Figure f;
            Error err;
            assert_false(parse(&f, 2, argv, &err));
            figure_free(&f);
            int32_t d;
            Error why;
            assert_false(date_parse(bad_dates[k], &d, &why));
            char msg[300];
            snprintf(msg, sizeof msg, "%s: %s", opt, why.msg);
            assert_string_equal(err.msg, msg);
            assert_true(strlen(why.msg) > 0);
        }
    }

    /* Texts longer than their field. */
    char long_title[300];
    memset(long_title, 'x', sizeof long_title - 1);
    long_title[sizeof long_title - 1] = '\0';
    assert_refused("--title: at most 255 bytes", "--title", long_title);
    long_title[255] = '\0';
    Figure f;
    assert_parses(&f, "--title", long_title);
    assert_int_equal(strlen(f.title), 255);
    figure_free(&f);
    long_title[128] = '\0';
    assert_refused("--filter: at most 127 bytes", "--filter", long_title);
    char long_places[1100];
    memset(long_places, 'x', sizeof long_places - 1);
    long_places[sizeof long_places - 1] = '\0';
    assert_refused("--country: at most 1023 bytes of names", "--country", long_places);
    assert_refused("--admin1: at most 1023 bytes of names", "--admin1", long_places);
    /* Place lists: names trimmed, empty and repeated ones dropped. */
    assert_parses(&f, "--country", " Mali, Niger,,Mali ");
    assert_string_equal(f.filter.country, "Mali,Niger");
    figure_free(&f);

    /* A missing value, an unknown option. */
    assert_refused("--size needs a value", "--size");
    assert_refused("--title needs a value", "a.json", "--title");
    assert_refused("--output needs a value", "-o");
    assert_refused("unknown export option '--colour'", "--colour", "red");
    assert_refused("unknown export option '--colour=red'", "--colour=red");
    assert_refused("unknown export option '-x'", "a.json", "-x");
    assert_refused("unknown export option '--help'", "--help");
    /* The first bad option is the one reported. */
    assert_refused("--mode 'x': want moving, cumulative or day", "--mode", "x", "--proj",
                   "y");
}

static void test_check(void **state)
{
    (void)state;
    Figure f;
    Error err;
    assert_parses(&f, "--center", "1,2");
    assert_false(figure_check(&f, &err));
    assert_string_equal(err.msg, "--center needs --mpp too");
    figure_free(&f);
    assert_parses(&f, "--center", "1,2", "--mpp", "100");
    assert_true(figure_check(&f, &err));
    figure_free(&f);
    /* --mpp alone is harmless (the fit does not use it). */
    assert_parses(&f, "--mpp", "100");
    assert_true(figure_check(&f, &err));
    figure_free(&f);

    assert_parses(&f, "--from", "2024-02-01", "--to", "2024-01-31");
    assert_false(figure_check(&f, &err));
    assert_string_equal(err.msg, "--from is after --to");
    figure_free(&f);
    assert_parses(&f, "--from", "2024-02-01", "--to", "2024-02-01");
    assert_true(figure_check(&f, &err));
    figure_free(&f);
    /* One end given: nothing to compare. */
    assert_parses(&f, "--from", "2100-12-31");
    assert_true(figure_check(&f, &err));
    figure_free(&f);
    assert_parses(&f, "--to", "1900-01-01");
    assert_true(figure_check(&f, &err));
    figure_free(&f);
}

static void test_parse_extra(void **state)
{
    (void)state;
    const char *argv[] = {"a.json",   "--fps",    "30",      "--size",  "100x200",
                          "--loop",   "--codec=gif", "b.csv", "--title", "--fps",
                          "--steps",  "12",       "--duration", "5s",   "-q",
                          "--fps"};
    const char *const value_options[] = {"--fps", "--duration", NULL};
    char *extra[ARGC(argv)];
    int nextra = -1;
    Figure f;
    Error err;
    figure_init(&f);
    assert_true(figure_parse_args_extra(&f, ARGC(argv), (char *const *)argv, value_options,
                                        extra, &nextra, &err));
    /* The others, with their values, in order; "--steps" takes no value
     * here, so its "12" is a file. */
    const char *want[] = {"--fps", "30", "--loop", "--codec=gif", "--steps",
                          "--duration", "5s", "-q", "--fps"};
    assert_int_equal(nextra, ARGC(want));
    for (int k = 0; k < nextra; k++) assert_string_equal(extra[k], want[k]);
    assert_ptr_equal(extra[0], argv[1]);            /* the caller's strings */
    assert_int_equal(f.width, 100);
    assert_int_equal(f.height, 200);
    assert_string_equal(f.title, "--fps");          /* a figure option's value */
    assert_int_equal(f.nfiles, 3);
    assert_string_equal(f.files[0], "a.json");
    assert_string_equal(f.files[1], "b.csv");
    assert_string_equal(f.files[2], "12");
    figure_free(&f);

    /* Figure options are still checked; none extra. */
    const char *bad[] = {"--fps", "30", "--size", "1x1"};
    figure_init(&f);
    assert_false(figure_parse_args_extra(&f, ARGC(bad), (char *const *)bad, value_options,
                                         extra, &nextra, &err));
    assert_string_equal(err.msg, "--size '1x1': want WxH, each side 16 to 8192");
    figure_free(&f);
    const char *none[] = {"--bare"};
    figure_init(&f);
    nextra = 7;
    assert_true(figure_parse_args_extra(&f, 1, (char *const *)none, NULL, extra, &nextra,
                                        &err));
    assert_int_equal(nextra, 0);
    assert_true(f.bare);
    figure_free(&f);
}

/* ------------------------------------------------------------------------- */
/* The command line round trip                                               */
/* ------------------------------------------------------------------------- */

/* Splits a command line as a POSIX shell does for the quoting
 * figure_to_command writes: words separated by blanks, '...' quoting
 * anything, and a backslash outside quotes escaping the next byte. The
 * words are written NUL-separated into buf; returns how many. */
static int shell_split(const char *cmd, char *buf, size_t cap, char **words, int maxw)
{
    int n = 0;
    size_t len = 0;
    const char *p = cmd;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        assert_true(n < maxw);
        words[n++] = buf + len;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            if (*p == '\'') {
                const char *close = strchr(p + 1, '\'');
                if (close == NULL) fail_msg("unbalanced quote in: %s", cmd);
                for (const char *q = p + 1; q < close; q++) {
                    assert_true(len + 1 < cap);
                    buf[len++] = *q;
                }
                p = close + 1;
            } else if (*p == '\\' && p[1]) {
                assert_true(len + 1 < cap);
                buf[len++] = p[1];
                p += 2;
            } else {
                /* Anything else the shell would treat specially must be
                 * quoted by the writer. */
                if (strchr("\"$`*?[]~#&|;<>(){}!", *p) != NULL)
                    fail_msg("unquoted '%c' in: %s", *p, cmd);
                assert_true(len + 1 < cap);
                buf[len++] = *p++;
            }
        }
        assert_true(len + 1 < cap);
        buf[len++] = '\0';
    }
    return n;
}

/* The same through /bin/sh: the command's arguments as the shell sees
 * them (after "sahelmap export"). */
static int sh_split(const char *cmd, char *buf, size_t cap, char **words, int maxw)
{
    const char *prefix = "sahelmap export";
    assert_int_equal(strncmp(cmd, prefix, strlen(prefix)), 0);
    size_t need = strlen(cmd) + 128;
    char *script = malloc(need);
    assert_non_null(script);
    snprintf(script, need, "set -- %s\nfor a in \"$@\"; do printf '%%s\\0' \"$a\"; done",
             cmd + strlen(prefix));
    FILE *p = popen(script, "r");
    assert_non_null(p);
    size_t len = fread(buf, 1, cap - 1, p);
    assert_true(len < cap - 1);
    assert_int_equal(pclose(p), 0);
    free(script);
    int n = 0;
    for (size_t at = 0; at < len; at += strlen(buf + at) + 1) {
        assert_true(n < maxw);
        words[n++] = buf + at;
    }
    return n;
}

/* One figure of the table: what differs from figure_init. */
typedef struct Case {
    const char *files[4];
    const char *output;
    int proj;                    /* ProjKind + 1; 0: default */
    int fit;
    double bbox[4];
    double clon, clat, mpp;
    int width, height;           /* 0: default */
    float scale;
    const char *from, *to;       /* NULL: unset */
    int mode;                    /* TimelineMode + 1; 0: default */
    bool set_types;
    uint32_t types;
    const char *text, *country, *admin1, *title;
    int32_t min_fat;
    int layer;                   /* SceneLayer */
    double class_max;
    int color_by;                /* ColorBy */
    const char *class_from, *class_to;   /* --class-dates */
    bool graticule, fade, bare;
} Case;

#define T(t) (1u << (t))

static const Case cases[] = {
    {.proj = 0},
    {.files = {"events.json"}, .output = "map.png"},
    {.files = {"/data/my events (2024).json", "it's here.csv", "$(touch pwned).json",
               "*.json"},
     .output = "out dir/map 'final'.png", .proj = PROJ_ALBERS + 1},
    {.files = {"a\nb.json", "tab\there.csv", "~user/x.json", "\"dq\".json"},
     .proj = PROJ_MERCATOR + 1, .title = "It's \"quoted\" & $HOME `ls`; rm -rf / *?"},
    {.files = {"--fade", "-o", "-", "--"}, .output = "-x.png"},      /* after "--" */
    {.files = {"-", "caf\xc3\xa9/\xe2\x80\x94.json", "back\\slash.json", "a=b,c:d@e%f+g"},
     .proj = PROJ_PLATE + 1, .title = "Sahel \xe2\x80\x94 C\xc3\xb4te d'Ivoire \xc3\xa9t\xc3\xa9"},
    {.proj = PROJ_LAEA + 1, .fit = FIGURE_FIT_BBOX, .bbox = {0.1, -0.2, 0.30000000000000004, 1e-7}},
    {.fit = FIGURE_FIT_BBOX, .bbox = {-180, -90, 180, 90}, .width = 16, .height = 16},
    {.fit = FIGURE_FIT_BBOX, .bbox = {-17.625, 4.123456789012345, 24.000000000000004, 25.5}},
    {.fit = FIGURE_FIT_CENTER, .clon = 1e-7, .clat = -1e-7, .mpp = 1},
    {.fit = FIGURE_FIT_CENTER, .clon = 0.1, .clat = 0.7, .mpp = 1234.5678901234567},
    {.fit = FIGURE_FIT_CENTER, .clon = 0.30000000000000004, .clat = 13.000000000000002,
     .mpp = 24.000000000000004},
    {.fit = FIGURE_FIT_CENTER, .clon = -180, .clat = 90, .mpp = 100000, .scale = 0.75f},
    {.fit = FIGURE_FIT_CENTER, .clon = 2.8828, .clat = 19.9628, .mpp = 3.3333333333333335,
     .scale = 1.3333f, .width = 8192, .height = 8192},
    {.scale = 1.0f / 3.0f + 0.25f, .width = 1920, .height = 1081},
    {.scale = 0.25f, .width = 1921, .height = 1080},
    {.scale = 8.0f, .width = 3840, .height = 2160},
    {.scale = 1.1f, .from = "2012-01-01"},
    {.to = "2024-12-31", .mode = TIMELINE_CUMULATIVE + 1},
    {.from = "1900-01-01", .to = "2100-12-31", .mode = TIMELINE_SINGLE_DAY + 1},
    {.from = "1969-12-31", .to = "1970-01-01", .mode = TIMELINE_MOVING + 1},
    {.set_types = true, .types = 0},
    {.set_types = true, .types = T(EVENT_BATTLES)},
    {.set_types = true, .types = T(EVENT_EXPLOSIONS) | T(EVENT_VIOLENCE_CIVILIANS)},
    {.set_types = true, .types = T(EVENT_PROTESTS) | T(EVENT_RIOTS) | T(EVENT_STRATEGIC)},
    {.set_types = true, .types = 0x7Eu & ~T(EVENT_RIOTS)},
    {.set_types = true, .types = ~0u},
    {.text = "Wagner", .country = "Mali", .admin1 = "Gao", .min_fat = 1},
    {.country = "Mali,Niger,Burkina Faso"},
    {.country = "C\xc3\xb4te d'Ivoire,Mali", .admin1 = "Gao,Tombouctou \xe2\x80\x94 r\xc3\xa9gion"},
    {.text = "it's a 'test'", .country = "C\xc3\xb4te d'Ivoire",
     .admin1 = "Tombouctou \xe2\x80\x94 r\xc3\xa9gion", .min_fat = 2147483647},
    {.text = "  spaced  out  ", .title = " ", .min_fat = 10},
    {.text = "!hist $PATH ${x} `id` \\ ; | & > < ( ) { } # ~ [a] ?", .title = "''''"},
    {.text = "\"", .title = "'", .country = "\\", .admin1 = "$"},
    {.text = "-x", .title = "--fade", .country = "-", .admin1 = "--"},
    {.text = "new\nline", .title = "tab\tstop", .country = "=", .admin1 = "a b"},
    {.layer = SCENE_LAYER_MARKERS},
    {.layer = SCENE_LAYER_DENSITY, .class_max = 0.1},
    {.layer = SCENE_LAYER_HEAT_EVENTS, .class_max = 1e12},
    {.layer = SCENE_LAYER_HEAT_FATALITIES, .class_max = 3.0000000000000004},
    {.layer = SCENE_LAYER_AUTO, .class_max = 1e-7},
    {.color_by = COLOR_BY_ACTOR},
    {.color_by = COLOR_BY_COUNTRY, .layer = SCENE_LAYER_DENSITY},
    {.color_by = COLOR_BY_SUB_TYPE, .class_from = "2012-01-01", .class_to = "2024-12-31"},
    {.color_by = COLOR_BY_ACTOR, .class_from = "2024-02-29", .class_to = "2024-02-29",
     .from = "2024-01-01", .to = "2024-06-30"},
    {.color_by = COLOR_BY_TYPE},
    {.graticule = true},
    {.fade = true},
    {.bare = true},
    {.files = {"x.json", "y.csv"}, .output = "-", .proj = PROJ_MERCATOR + 1,
     .fit = FIGURE_FIT_CENTER, .clon = -0.5, .clat = 13.125, .mpp = 2500, .width = 1000,
     .height = 700, .scale = 1.25f, .from = "2020-02-29", .to = "2024-02-29",
     .mode = TIMELINE_CUMULATIVE + 1, .set_types = true,
     .types = T(EVENT_BATTLES) | T(EVENT_STRATEGIC), .text = "JNIM", .country = "Burkina Faso",
     .admin1 = "Sahel", .title = "Everything at once", .min_fat = 5,
     .layer = SCENE_LAYER_HEAT_FATALITIES, .class_max = 42.5, .graticule = true,
     .fade = true, .bare = true, .color_by = COLOR_BY_SUB_TYPE, .class_from = "2020-01-01",
     .class_to = "2020-12-31"},
};

static void case_figure(const Case *c, Figure *f)
{
    figure_init(f);
    for (int k = 0; k < 4 && c->files[k]; k++) figure_add_file(f, c->files[k]);
    if (c->output) snprintf(f->output, sizeof f->output, "%s", c->output);
    if (c->proj) f->proj = (ProjKind)(c->proj - 1);
    f->fit = (FigureFit)c->fit;
    memcpy(f->bbox, c->bbox, sizeof f->bbox);
    f->center_lon = c->clon;
    f->center_lat = c->clat;
    f->mpp = c->mpp;
    if (c->width) f->width = c->width;
    if (c->height) f->height = c->height;
    f->scale = c->scale;
    if (c->from) f->day0 = day_of(c->from);
    if (c->to) f->day1 = day_of(c->to);
    if (c->mode) f->mode = (TimelineMode)(c->mode - 1);
    if (c->set_types) f->filter.type_mask = c->types;
    if (c->text) snprintf(f->filter.text, sizeof f->filter.text, "%s", c->text);
    if (c->country) snprintf(f->filter.country, sizeof f->filter.country, "%s", c->country);
    if (c->admin1) snprintf(f->filter.admin1, sizeof f->filter.admin1, "%s", c->admin1);
    if (c->title) snprintf(f->title, sizeof f->title, "%s", c->title);
    f->filter.min_fatalities = c->min_fat;
    f->layer = (SceneLayer)c->layer;
    f->class_max = c->class_max;
    f->color_by = (ColorBy)c->color_by;
    if (c->class_from) f->class_day0 = day_of(c->class_from);
    if (c->class_to) f->class_day1 = day_of(c->class_to);
    f->graticule = c->graticule;
    f->fade = c->fade;
    f->bare = c->bare;
}

#define MAX_WORDS 128

static void test_command_round_trip(void **state)
{
    (void)state;
    static char cmd[16384], mine[16384], theirs[16384];
    char *w1[MAX_WORDS], *w2[MAX_WORDS];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        Figure f, back;
        case_figure(&cases[k], &f);
        Error err;
        if (!figure_check(&f, &err)) fail_msg("case %zu: %s", k, err.msg);
        assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
        int n1 = shell_split(cmd, mine, sizeof mine, w1, MAX_WORDS);
        int n2 = sh_split(cmd, theirs, sizeof theirs, w2, MAX_WORDS);
        assert_true(n1 >= 2);
        assert_string_equal(w1[0], "sahelmap");
        assert_string_equal(w1[1], "export");
        /* The shell agrees with the splitter, word for word. */
        if (n2 != n1 - 2) fail_msg("case %zu: sh sees %d words, not %d: %s", k, n2, n1 - 2, cmd);
        for (int i = 0; i < n2; i++) assert_string_equal(w2[i], w1[i + 2]);

        figure_init(&back);
        if (!figure_parse_args(&back, n2, w2, &err))
            fail_msg("case %zu: %s\n  %s", k, err.msg, cmd);
        assert_true(figure_check(&back, &err));
        if (!figure_equal(&f, &back)) fail_msg("case %zu does not round trip:\n  %s", k, cmd);

        /* Bundled files are left out, and nothing else changes. */
        assert_true(figure_to_command(&f, true, cmd, sizeof cmd));
        n2 = sh_split(cmd, theirs, sizeof theirs, w2, MAX_WORDS);
        figure_free(&back);
        figure_init(&back);
        assert_true(figure_parse_args(&back, n2, w2, &err));
        assert_int_equal(back.nfiles, 0);
        figure_set_files(&back, f.files, f.nfiles);
        assert_true(figure_equal(&f, &back));
        figure_free(&back);
        figure_free(&f);
    }
}

/* Command lines as people write them: parsed, written back, parsed
 * again: the same request (the writer loses nothing the parser made). */
static void test_parsed_command_round_trip(void **state)
{
    (void)state;
    static const char *const lines[][24] = {
        {"--type", "battles", "--type", "explosions", "--type", "violence", "--type",
         "protests", "--type", "riots", "--type", "strategic"},
        {"--type", "Battles", "--type", "riots", "--type", "none"},
        {"--type", "none"},
        {"--bbox", "-5.5,10,4.25,20", "--center", "1,2", "--mpp", "50"},
        {"--center", "1,2", "--bbox", "-5.5,10,4.25,20", "--mpp", "300"},
        {"--center", "0.1,-0.2", "--mpp", "333.33333333333331"},
        {"--scale", "1.3333", "--size", "1000x1000"},
        {"--scale", "0.3", "--class-max", "0.1"},
        {"--from", "24 July 2024", "--to", "2024-08"},
        {"--heatmap", "fatalities", "--layer", "markers"},
        {"--color-by", "actor", "--color-by", "sub-type"},
        {"--color-by", "country", "--class-dates", "2012-01-01..2024-06-30"},
        {"--class-dates=2020-01-01..2020-01-01", "--color-by=type"},
        {"--layer", "density", "--heatmap", "events"},
        {"--title=", "--filter", "", "--country", ""},
        {"-o", "a b.png", "--output", "c.png", "x y.json", "-"},
    };
    static char cmd[8192], buf[8192];
    char *words[MAX_WORDS];
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        int argc = 0;
        while (argc < 24 && lines[k][argc]) argc++;
        Figure f, back;
        Error err;
        figure_init(&f);
        if (!figure_parse_args(&f, argc, (char *const *)lines[k], &err)) {
            /* Not every spelling of a date is taken; skip those. */
            if (strncmp(err.msg, "--from", 6) == 0 || strncmp(err.msg, "--to", 4) == 0) {
                figure_free(&f);
                continue;
            }
            fail_msg("line %zu: %s", k, err.msg);
        }
        if (!figure_check(&f, &err)) fail_msg("line %zu: %s", k, err.msg);
        assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
        int n = sh_split(cmd, buf, sizeof buf, words, MAX_WORDS);
        figure_init(&back);
        if (!figure_parse_args(&back, n, words, &err)) fail_msg("line %zu: %s: %s", k, err.msg, cmd);
        if (!figure_equal(&f, &back)) fail_msg("line %zu does not round trip: %s", k, cmd);
        figure_free(&back);
        /* ... and through the view file. */
        f.output[0] = '\0';
        char *text = figure_to_json(&f, false, NULL);
        figure_init(&back);
        assert_true(figure_from_json(&back, text, strlen(text), NULL, &err));
        if (!figure_equal(&f, &back)) fail_msg("line %zu: view does not round trip", k);
        free(text);
        figure_free(&back);
        figure_free(&f);
    }
}

static void test_command_spelling(void **state)
{
    (void)state;
    Figure f;
    char cmd[4096];
    assert_parses(&f, "my file.json", "-o", "o.png", "--size", "800x600", "--proj", "albers",
                  "--type", "riots", "--title", "it's", "--fade");
    assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
    assert_string_equal(cmd, "sahelmap export 'my file.json' -o o.png --size 800x600 "
                             "--proj albers --type riots --title 'it'\\''s' --fade");
    /* Every type but one: the types are spelled out; none: "none". */
    figure_free(&f);
    assert_parses(&f, "--type", "none");
    assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
    assert_string_equal(cmd, "sahelmap export --type none");
    figure_free(&f);
    assert_parses(&f, "--color-by", "sub-type", "--class-dates", "2012-01-01..2012-12-31");
    assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
    assert_string_equal(cmd, "sahelmap export --color-by sub-type "
                             "--class-dates 2012-01-01..2012-12-31");
    figure_free(&f);
    assert_parses(&f, "--title", "");
    assert_true(figure_to_command(&f, false, cmd, sizeof cmd));
    assert_string_equal(cmd, "sahelmap export");
    figure_free(&f);
    /* Cut: false, and what is there stays a terminated string. */
    assert_parses(&f, "--title", "a long enough title", "--bare");
    char small[24];
    assert_false(figure_to_command(&f, false, small, sizeof small));
    assert_true(strlen(small) < sizeof small);
    assert_false(figure_to_command(&f, false, small, 0));
    figure_free(&f);
}

/* ------------------------------------------------------------------------- */
/* The JSON view file                                                        */
/* ------------------------------------------------------------------------- */

static void test_json_round_trip(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        Figure f, back;
        case_figure(&cases[k], &f);
        f.output[0] = '\0';                         /* not part of a view */
        char *text = figure_to_json(&f, false, NULL);
        assert_non_null(text);
        figure_init(&back);
        Error err;
        if (!figure_from_json(&back, text, strlen(text), NULL, &err))
            fail_msg("case %zu: %s\n%s", k, err.msg, text);
        if (!figure_equal(&f, &back)) fail_msg("case %zu does not round trip:\n%s", k, text);
        figure_free(&back);
        free(text);

        /* Bundled: no files in the view. */
        text = figure_to_json(&f, true, NULL);
        cJSON *root = cJSON_Parse(text);
        assert_non_null(root);
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "files")), 0);
        assert_null(cJSON_GetObjectItem(root, "output"));
        cJSON_Delete(root);
        figure_init(&back);
        assert_true(figure_from_json(&back, text, strlen(text), NULL, &err));
        assert_int_equal(back.nfiles, 0);
        figure_set_files(&back, f.files, f.nfiles);
        assert_true(figure_equal(&f, &back));
        figure_free(&back);
        free(text);
        figure_free(&f);
    }
}

static void touch(const char *path)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("[]\n", fp);
    fclose(fp);
}

static void test_json_relative_files(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/test_figure.XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char root[PATH_MAX];
    assert_non_null(realpath(tmpl, root));
    char base[PATH_MAX + 16], sub[PATH_MAX + 16], sib[PATH_MAX + 16], deep[PATH_MAX + 32];
    snprintf(base, sizeof base, "%s/base", root);
    snprintf(sub, sizeof sub, "%s/base/sub", root);
    snprintf(sib, sizeof sib, "%s/sib", root);
    snprintf(deep, sizeof deep, "%s/sib/deeper", root);
    assert_int_equal(mkdir(base, 0700), 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(mkdir(sib, 0700), 0);
    assert_int_equal(mkdir(deep, 0700), 0);

    enum { N = 6 };
    char files[N][PATH_MAX + 64];
    snprintf(files[0], sizeof files[0], "%s/a.json", base);
    snprintf(files[1], sizeof files[1], "%s/b c.csv", sub);
    snprintf(files[2], sizeof files[2], "%s/it's.json", sib);
    snprintf(files[3], sizeof files[3], "%s/d.geojson", deep);
    snprintf(files[4], sizeof files[4], "%s/./sub/../a.json", base);   /* not canonical */
    snprintf(files[5], sizeof files[5], "/dev/null");                  /* only / shared */
    for (int k = 0; k < 5; k++)
        if (k != 4) touch(files[k]);
    const char *want_rel[N] = {"a.json", "sub/b c.csv", "../sib/it's.json",
                               "../sib/deeper/d.geojson", "a.json", "/dev/null"};

    Figure f, back;
    figure_init(&f);
    for (int k = 0; k < N; k++) figure_add_file(&f, files[k]);
    strcpy(f.title, "relative");
    char *text = figure_to_json(&f, false, base);
    cJSON *json = cJSON_Parse(text);
    assert_non_null(json);
    const cJSON *arr = cJSON_GetObjectItem(json, "files");
    assert_int_equal(cJSON_GetArraySize(arr), N);
    for (int k = 0; k < N; k++)
        assert_string_equal(cJSON_GetArrayItem(arr, k)->valuestring, want_rel[k]);
    assert_string_equal(cJSON_GetObjectItem(json, "format")->valuestring, "sahelmap-view");
    assert_int_equal(cJSON_GetObjectItem(json, "version")->valueint, 1);
    cJSON_Delete(json);

    /* Read back beside the base dir: the names joined to it, which are the
     * same files. */
    figure_init(&back);
    Error err;
    assert_true(figure_from_json(&back, text, strlen(text), base, &err));
    assert_int_equal(back.nfiles, N);
    for (int k = 0; k < N; k++) {
        char want[2 * PATH_MAX];
        if (want_rel[k][0] == '/') snprintf(want, sizeof want, "%s", want_rel[k]);
        else snprintf(want, sizeof want, "%s/%s", base, want_rel[k]);
        assert_string_equal(back.files[k], want);
        char a[PATH_MAX], b[PATH_MAX];
        assert_non_null(realpath(back.files[k], a));
        assert_non_null(realpath(files[k], b));
        assert_string_equal(a, b);
    }
    assert_string_equal(back.title, "relative");
    figure_free(&back);
    /* Without a base dir the relative names stay as written. */
    figure_init(&back);
    assert_true(figure_from_json(&back, text, strlen(text), NULL, &err));
    assert_string_equal(back.files[1], "sub/b c.csv");
    figure_free(&back);
    free(text);

    /* A file that does not exist (yet) is written as given. */
    figure_set_files(&f, (char *[]){"/nonexistent/x.json", "rel/y.csv"}, 2);
    text = figure_to_json(&f, false, base);
    figure_init(&back);
    assert_true(figure_from_json(&back, text, strlen(text), "/elsewhere", &err));
    assert_string_equal(back.files[0], "/nonexistent/x.json");
    assert_string_equal(back.files[1], "/elsewhere/rel/y.csv");
    figure_free(&back);
    free(text);

    /* Bundled: dropped. */
    figure_set_files(&f, (char *[]){files[0]}, 1);
    text = figure_to_json(&f, true, base);
    figure_init(&back);
    assert_true(figure_from_json(&back, text, strlen(text), base, &err));
    assert_int_equal(back.nfiles, 0);
    figure_free(&back);
    free(text);
    figure_free(&f);

    for (int k = 0; k < 4; k++) unlink(files[k]);
    rmdir(deep);
    rmdir(sub);
    rmdir(sib);
    rmdir(base);
    rmdir(root);
}

/* A view file with these members after the format and version. */
static bool from_members(const char *members, Figure *f, Error *err)
{
    char text[2048];
    snprintf(text, sizeof text, "{\"format\": \"sahelmap-view\", \"version\": 1%s%s}",
             members[0] ? ", " : "", members);
    figure_init(f);
    memset(err, 0, sizeof *err);
    return figure_from_json(f, text, strlen(text), NULL, err);
}

static void assert_json_refused(const char *text, const char *msg)
{
    Figure f;
    Error err;
    figure_init(&f);
    memset(&err, 0, sizeof err);
    if (figure_from_json(&f, text, strlen(text), NULL, &err)) fail_msg("accepted: %s", text);
    figure_free(&f);
    assert_string_equal(err.msg, msg);
}

/* A text refused at a position: line and column are Error fields. */
static void assert_json_refused_at(const char *text, size_t line, size_t col, const char *msg)
{
    Figure f;
    Error err;
    figure_init(&f);
    memset(&err, 0, sizeof err);
    if (figure_from_json(&f, text, strlen(text), NULL, &err)) fail_msg("accepted: %s", text);
    figure_free(&f);
    assert_string_equal(err.msg, msg);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
}

static void assert_member_refused(const char *members, const char *msg)
{
    Figure f;
    Error err;
    if (from_members(members, &f, &err)) fail_msg("accepted: %s", members);
    figure_free(&f);
    assert_string_equal(err.msg, msg);
}

static void test_json_refusals(void **state)
{
    (void)state;
    assert_json_refused_at("", 1, 1, "view file: not JSON");
    /* A valid value that is not an object: the position is its start. */
    assert_json_refused_at("[1, 2]", 1, 1, "view file: not a JSON object");
    assert_json_refused_at("\"sahelmap-view\"", 1, 1, "view file: not a JSON object");
    assert_json_refused_at("{\n  \"format\": ", 2, 12, "view file: not JSON");
    assert_json_refused_at("{\"format\": \"sahelmap-view\", \"version\": 1}\n\n  x", 3, 3,
                           "view file: more after the view's object");
    assert_json_refused("{}", "view file: \"format\" is not \"sahelmap-view\"");
    assert_json_refused("{\"format\": \"other\", \"version\": 1}",
                        "view file: \"format\" is not \"sahelmap-view\"");
    assert_json_refused("{\"format\": 1, \"version\": 1}",
                        "view file: \"format\" has the wrong kind of value");
    assert_json_refused("{\"format\": \"sahelmap-view\"}", "view file: no \"version\"");
    assert_json_refused("{\"format\": \"sahelmap-view\", \"version\": 0}",
                        "view file: \"version\" is not a version");
    assert_json_refused("{\"format\": \"sahelmap-view\", \"version\": 2}",
                        "view file: a newer version than this sahelmap reads");
    assert_json_refused("{\"format\": \"sahelmap-view\", \"version\": 1.5}",
                        "view file: a newer version than this sahelmap reads");
    assert_json_refused("{\"format\": \"sahelmap-view\", \"version\": \"1\"}",
                        "view file: \"version\" has the wrong kind of value");

    /* Wrong kinds, each named. */
    static const struct { const char *member, *json; } kinds[] = {
        {"files", "\"a.json\""},   {"projection", "3"},  {"center", "\"1,2\""},
        {"bbox", "{}"},            {"size", "1920"},     {"scale", "\"1\""},
        {"from", "20240101"},      {"to", "null"},       {"mode", "true"},
        {"types", "\"battles\""},  {"filter", "1"},      {"min_fatalities", "\"3\""},
        {"country", "3"},          {"admin1", "false"},  {"title", "{\"a\": 1}"},
        {"layer", "2"},            {"class_max", "\"5\""}, {"graticule", "1"},
        {"fade", "\"true\""},      {"bare", "null"},     {"color_by", "1"},
        {"class_dates", "[1, 2]"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char members[256], msg[256];
        snprintf(members, sizeof members, "\"%s\": %s", kinds[k].member, kinds[k].json);
        snprintf(msg, sizeof msg, "view file: \"%s\" has the wrong kind of value",
                 kinds[k].member);
        assert_member_refused(members, msg);
    }

    /* Bad values, each named. */
    assert_member_refused("\"files\": [\"a.json\", 2]", "view file: \"files\" wants strings");
    assert_member_refused("\"projection\": \"robinson\"",
                          "view file: \"projection\": --proj 'robinson': want laea, albers, "
                          "mercator or plate");
    assert_member_refused("\"center\": [1]", "view file: \"center\" wants 2 numbers");
    assert_member_refused("\"center\": [1, \"2\"]", "view file: \"center\" wants numbers");
    assert_member_refused("\"center\": [1, 2]",
                          "view file: \"center\" needs \"mpp\", 1 to 100000");
    assert_member_refused("\"center\": [1, 2], \"mpp\": 0.5",
                          "view file: \"center\" needs \"mpp\", 1 to 100000");
    assert_member_refused("\"center\": [1, 2], \"mpp\": \"5\"",
                          "view file: \"mpp\" has the wrong kind of value");
    assert_member_refused("\"center\": [181, 2], \"mpp\": 5",
                          "view file: \"center\" is off the globe");
    assert_member_refused("\"center\": [1, -90.5], \"mpp\": 5",
                          "view file: \"center\" is off the globe");
    assert_member_refused("\"bbox\": [1, 2, 3]", "view file: \"bbox\" wants 4 numbers");
    assert_member_refused("\"bbox\": [1, 2, 3, null]", "view file: \"bbox\" wants numbers");
    assert_member_refused("\"bbox\": [10, 0, 0, 10]",
                          "view file: \"bbox\": --bbox '10,0,0,10': want "
                          "LONMIN,LATMIN,LONMAX,LATMAX with min < max, in degrees");
    assert_member_refused("\"size\": [100, 100, 1]", "view file: \"size\" wants 2 numbers");
    assert_member_refused("\"size\": [0, 100]",
                          "view file: \"size\": --size '0x100': want WxH, each side 16 to 8192");
    assert_member_refused("\"size\": [1e9, 100]",
                          "view file: \"size\": --size '1000000x100': want WxH, each side 16 "
                          "to 8192");
    assert_member_refused("\"size\": [-1e9, 100]",
                          "view file: \"size\": --size '-1x100': want WxH, each side 16 to "
                          "8192");
    assert_member_refused("\"scale\": 9", "view file: \"scale\" wants 0.25 to 8");
    assert_member_refused("\"scale\": 0.2", "view file: \"scale\" wants 0.25 to 8");
    assert_member_refused("\"scale\": -1", "view file: \"scale\" wants 0.25 to 8");
    int32_t d;
    Error why;
    assert_false(date_parse("2024-02-30", &d, &why));
    char msg[600];
    snprintf(msg, sizeof msg, "view file: \"from\": --from: %s", why.msg);
    assert_member_refused("\"from\": \"2024-02-30\"", msg);
    snprintf(msg, sizeof msg, "view file: \"to\": --to: %s", why.msg);
    assert_member_refused("\"to\": \"2024-02-30\"", msg);
    assert_member_refused("\"from\": \"2024-02-01\", \"to\": \"2024-01-01\"",
                          "view file: --from is after --to");
    assert_member_refused("\"mode\": \"weekly\"",
                          "view file: \"mode\": --mode 'weekly': want moving, cumulative or day");
    assert_member_refused("\"types\": [\"battles\", \"bogus\"]",
                          "view file: \"types\" holds an unknown event type");
    assert_member_refused("\"types\": [1]", "view file: \"types\" holds an unknown event type");
    assert_member_refused("\"types\": [\"unknown\"]",
                          "view file: \"types\" holds an unknown event type");
    char members[512];
    char big[200];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    snprintf(members, sizeof members, "\"filter\": \"%s\"", big);
    assert_member_refused(members, "view file: \"filter\" is longer than 127 bytes");
    char places[1300], many[1200];
    memset(many, 'x', sizeof many - 1);
    many[sizeof many - 1] = '\0';
    snprintf(places, sizeof places, "\"country\": \"%s\"", many);
    assert_member_refused(places, "view file: \"country\" is longer than 1023 bytes");
    snprintf(places, sizeof places, "\"admin1\": [\"a\", \"%s\"]", many);
    assert_member_refused(places, "view file: \"admin1\" is longer than 1023 bytes");
    assert_member_refused("\"country\": [\"Mali\", 3]",
                          "view file: \"country\" wants names (text without commas)");
    assert_member_refused("\"admin1\": [\"Gao, Kidal\"]",
                          "view file: \"admin1\" wants names (text without commas)");
    char huge[300];
    memset(huge, 'y', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    snprintf(members, sizeof members, "\"title\": \"%.256s\"", huge);
    assert_member_refused(members, "view file: \"title\" is longer than 255 bytes");
    assert_member_refused("\"min_fatalities\": -1",
                          "view file: \"min_fatalities\" wants a count");
    assert_member_refused("\"min_fatalities\": 3e9",
                          "view file: \"min_fatalities\" wants a count");
    assert_member_refused("\"layer\": \"hexbin\"",
                          "view file: \"layer\" is not a layer sahelmap knows");
    assert_member_refused("\"class_max\": -0.5",
                          "view file: \"class_max\" wants a positive number");
    assert_member_refused("\"class_max\": 2e12",
                          "view file: \"class_max\" wants a positive number");

    /* The smallest view is the default request; unknown members are
     * ignored; full type names and every type read as "all". */
    Figure f, def;
    Error err;
    figure_init(&def);
    assert_true(from_members("", &f, &err));
    assert_true(figure_equal(&f, &def));
    figure_free(&f);
    assert_true(from_members("\"comment\": \"hi\", \"version_note\": [1]", &f, &err));
    assert_true(figure_equal(&f, &def));
    figure_free(&f);
    assert_true(from_members("\"types\": [\"battles\", \"explosions\", \"violence\", "
                             "\"Protests\", \"riots\", \"Strategic developments\"]",
                             &f, &err));
    assert_int_equal(f.filter.type_mask, ~0u);
    figure_free(&f);
    assert_true(from_members("\"types\": [\"Battles\"], \"graticule\": true, "
                             "\"fade\": false, \"size\": [640, 480]", &f, &err));
    assert_int_equal(f.filter.type_mask, 1u << EVENT_BATTLES);
    assert_true(f.graticule);
    assert_false(f.fade);
    assert_int_equal(f.width, 640);
    assert_int_equal(f.height, 480);
    figure_free(&f);
    figure_free(&def);
}

/* ------------------------------------------------------------------------- */
/* Help text                                                                 */
/* ------------------------------------------------------------------------- */

/* Every option figure_parse_args takes, with a valid value (NULL: a
 * flag). */
static const struct { const char *name, *value; } every_option[] = {
    {"--output", "x.png"}, {"-o", "x.png"},      {"--from", "2020-01-01"},
    {"--to", "2020-01-02"}, {"--mode", "day"},   {"--bbox", "0,0,1,1"},
    {"--center", "0,0"},   {"--mpp", "10"},      {"--size", "100x100"},
    {"--scale", "2"},      {"--proj", "albers"}, {"--title", "t"},
    {"--type", "riots"},   {"--filter", "f"},    {"--min-fatalities", "1"},
    {"--country", "Mali"}, {"--admin1", "Gao"},  {"--layer", "markers"},
    {"--heatmap", "events"}, {"--class-max", "5"}, {"--color-by", "actor"},
    {"--class-dates", "2020-01-01..2020-12-31"}, {"--fade", NULL},
    {"--graticule", NULL}, {"--bare", NULL}, {"--page", "A4"}, {"--dpi", "300"},
};

static void test_help_lists_every_option(void **state)
{
    (void)state;
    char *help = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&help, &len);
    assert_non_null(out);
    figure_print_options(out);
    fclose(out);
    size_t n = sizeof every_option / sizeof every_option[0];
    for (size_t k = 0; k < n; k++) {
        /* The option is accepted by the parser ... */
        Figure f;
        Error err;
        const char *argv[2] = {every_option[k].name, every_option[k].value};
        if (!parse(&f, every_option[k].value ? 2 : 1, argv, &err))
            fail_msg("%s: %s", every_option[k].name, err.msg);
        figure_free(&f);
        /* ... and listed in the help, at the head of a line, with its
         * argument when it takes one. */
        char head[64];
        bool found = false;
        for (const char *line = help; line && *line;) {
            const char *p = line;
            while (*p == ' ') p++;
            if (strncmp(p, "-o, ", 4) == 0 && strcmp(every_option[k].name, "-o") != 0) p += 4;
            size_t nl = strlen(every_option[k].name);
            if (strncmp(p, every_option[k].name, nl) == 0 &&
                (p[nl] == ' ' || p[nl] == '\n' || p[nl] == ','))
                found = true;
            const char *next = strchr(line, '\n');
            line = next ? next + 1 : NULL;
        }
        snprintf(head, sizeof head, "%s", every_option[k].name);
        if (!found) fail_msg("%s is not in the help:\n%s", head, help);
    }
    /* And the help advertises no option the parser refuses: every "-x" or
     * "--xyz" opening a line is one of the above. */
    int heads = 0;
    for (const char *line = help; line && *line;) {
        const char *p = line;
        while (*p == ' ') p++;
        if (*p == '-') {
            char name[64];
            size_t l = strcspn(p, " ,\n");
            assert_true(l < sizeof name);
            memcpy(name, p, l);
            name[l] = '\0';
            bool known = false;
            for (size_t k = 0; k < n; k++) known |= strcmp(name, every_option[k].name) == 0;
            if (!known) fail_msg("the help lists '%s', which is not an option", name);
            heads++;
        }
        const char *next = strchr(line, '\n');
        line = next ? next + 1 : NULL;
    }
    assert_int_equal(heads, (int)n - 1);          /* "-o, --output" is one line */
    free(help);
}

static void test_names(void **state)
{
    (void)state;
    for (int k = 0; k < SCENE_LAYER_COUNT; k++) {
        SceneLayer l = SCENE_LAYER_COUNT;
        assert_true(figure_layer_parse(figure_layer_name((SceneLayer)k), &l));
        assert_int_equal(l, k);
    }
    SceneLayer l;
    assert_false(figure_layer_parse("Markers", &l));
    assert_string_equal(figure_layer_name(SCENE_LAYER_COUNT), "auto");
    assert_string_equal(figure_mode_name(TIMELINE_CUMULATIVE), "cumulative");
    assert_string_equal(figure_mode_name(TIMELINE_MODE_COUNT), "moving");
    static const char *const by[COLOR_BY_COUNT] = {"type", "actor", "country", "sub-type"};
    for (int k = 0; k < COLOR_BY_COUNT; k++) {
        ColorBy c = COLOR_BY_COUNT;
        assert_string_equal(scene_color_by_name((ColorBy)k), by[k]);
        assert_true(scene_color_by_parse(by[k], &c));
        assert_int_equal(c, k);
    }
    ColorBy c;
    assert_false(scene_color_by_parse("sub_type", &c));
    assert_string_equal(scene_color_by_name(COLOR_BY_COUNT), "type");
}

/* A view file on disk: written atomically with files relative to its own
 * directory, read back equal; a bad one names the file, line and column. */
/* A page sets the size from the paper and the dpi, in either order. */
static void test_pages(void **state)
{
    (void)state;
    Figure f;
    figure_init(&f);
    assert_true(figure_set_option(&f, "--page", "a4", NULL));
    assert_int_equal(f.page, FIGURE_PAGE_A4);
    assert_int_equal(f.width, 1754);                  /* 297 mm at 150 dpi */
    assert_int_equal(f.height, 1240);
    assert_float_equal(figure_dpi(&f), 150, 0);
    assert_true(figure_set_option(&f, "--dpi", "300", NULL));
    assert_int_equal(f.width, 3508);
    assert_int_equal(f.height, 2480);
    char cmd[1024];
    assert_true(figure_to_command(&f, true, cmd, sizeof cmd));
    assert_contains(cmd, "--dpi 300 --page A4");
    Figure g;
    figure_init(&g);
    assert_true(figure_set_option(&g, "--dpi", "300", NULL));
    assert_true(figure_set_option(&g, "--page", "A4", NULL));
    assert_true(figure_equal(&f, &g));
    char *json = figure_to_json(&f, true, NULL);
    Figure h;
    figure_init(&h);
    Error err;
    assert_true(figure_from_json(&h, json, strlen(json), NULL, &err));
    assert_true(figure_equal(&f, &h));
    free(json);
    assert_true(figure_set_option(&g, "--page", "letter", NULL));
    assert_int_equal(g.width, 3300);                  /* 11 in at 300 dpi */
    assert_int_equal(g.height, 2550);
    figure_init(&g);
    assert_false(figure_set_option(&g, "--page", "A5", &err));
    assert_string_equal(err.msg, "--page 'A5': want A4, A3 or letter");
    assert_false(figure_set_option(&g, "--dpi", "10", &err));
    assert_string_equal(err.msg, "--dpi '10': want 36 to 1200");
    assert_float_equal(figure_dpi(&g), 96, 0);
}

static void test_view_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-view-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char data[128], sub[128], view[160];
    snprintf(sub, sizeof sub, "%s/views", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(data, sizeof data, "%s/events.json", dir);
    FILE *f = fopen(data, "w");
    fputs("[]", f);
    fclose(f);
    snprintf(view, sizeof view, "%s/map.view.json", sub);

    Figure a, b;
    figure_init(&a);
    char *files[1] = {data};
    figure_set_files(&a, files, 1);
    assert_true(figure_set_option(&a, "--proj", "albers", NULL));
    assert_true(figure_set_option(&a, "--from", "2024-07-01", NULL));
    Error err;
    assert_true(figure_write_view(&a, false, view, files, 1, &err));
    char text[4096];
    f = fopen(view, "r");
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    assert_contains(text, "\"../events.json\"");        /* relative to the view */
    figure_init(&b);
    assert_true(figure_read_view(&b, view, &err));
    assert_int_equal(b.nfiles, 1);
    char want[PATH_MAX], got[PATH_MAX];
    assert_non_null(realpath(data, want));
    assert_non_null(realpath(b.files[0], got));
    assert_string_equal(got, want);
    figure_set_files(&b, files, 1);
    assert_true(figure_equal(&a, &b));
    figure_free(&b);

    /* Never over an input, and a broken view names where. */
    assert_false(figure_write_view(&a, false, data, files, 1, &err));
    assert_contains(err.msg, "refusing to overwrite an input file");
    f = fopen(view, "w");
    fputs("{\n  \"format\": \"sahelmap-view\",\n  \"version\": 1,\n  \"size\": [1, 2]\n}\n", f);
    fclose(f);
    figure_init(&b);
    assert_false(figure_read_view(&b, view, &err));
    assert_string_equal(err.file, view);
    assert_contains(error_text(&err).s, "view file: \"size\"");
    figure_free(&b);
    figure_init(&b);
    assert_false(figure_read_view(&b, "/no/such/view.json", &err));
    assert_contains(error_text(&err).s, "/no/such/view.json: No such file");
    figure_free(&b);
    figure_free(&a);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_view_files),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_init_defaults),
        cmocka_unit_test(test_copy_and_equal),
        cmocka_unit_test(test_parse_every_option),
        cmocka_unit_test(test_parse_types),
        cmocka_unit_test(test_parse_equals_form),
        cmocka_unit_test(test_parse_refusals),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_parse_extra),
        cmocka_unit_test(test_command_round_trip),
        cmocka_unit_test(test_parsed_command_round_trip),
        cmocka_unit_test(test_command_spelling),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_json_relative_files),
        cmocka_unit_test(test_json_refusals),
        cmocka_unit_test(test_help_lists_every_option),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

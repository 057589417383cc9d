/*
 * test_extract: the data behind a figure. The events written are the ones
 * its legend counts (recounted by loading the CSV and the GeoJSON back
 * with sahelmap's own loaders), every field kept, and the stats table adds
 * up to the same totals.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"
#include "filter.h"
#include "frame.h"
#include "scene.h"

static EventSet set;
static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sahelmap-extract-XXXXXX");
    if (mkdtemp(dir) == NULL) return -1;
    events_init(&set);
    LoadReport reps[3];
    char *paths[3] = {(char *)fixture("towns.json"), NULL, NULL};
    char p1[1024], p2[1024];
    snprintf(p1, sizeof p1, "%s", fixture("acled_api.json"));
    snprintf(p2, sizeof p2, "%s", fixture("ucdp.csv"));
    paths[1] = p1;
    paths[2] = p2;
    if (load_files(&set, paths, 3, reps) != 0) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    events_free(&set);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void fake_measure(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    (void)ctx;
    *w = 0.6f * scene_font_size[font] * (float)strlen(text);
    *h = 1.2f * scene_font_size[font];
}

/* What the figure's legend counts: its scene's events in view. */
static void legend_counts(const Figure *fig, size_t *events, int64_t *fatalities)
{
    /* As export_draw does: the filter's result when it filters more than
     * types. */
    uint8_t *visible = NULL;
    if (!filter_only_types(&fig->filter)) {
        visible = malloc(set.count + 1);
        filter_apply(&fig->filter, &set, visible);
    }
    FrameData data = {.set = &set, .visible = visible};
    View view;
    frame_view(&set, fig, visible, &view);
    SceneInput in;
    frame_scene_input(&data, fig, &view, &in);
    in.basemap = NULL;
    in.measure = fake_measure;
    Scene scene = {0};
    scene_build(&scene, &in);
    *events = scene.events_in_view;
    *fatalities = scene.fatalities_in_view;
    scene_free(&scene);
    free(visible);
}

static size_t check_figure(Figure *fig, const char *name)
{
    size_t want;
    int64_t want_fat;
    legend_counts(fig, &want, &want_fat);
    char csv[128], geojson[128], stats[128];
    snprintf(csv, sizeof csv, "%s/%s.csv", dir, name);
    snprintf(geojson, sizeof geojson, "%s/%s.geojson", dir, name);
    snprintf(stats, sizeof stats, "%s/%s-stats.csv", dir, name);
    ExtractPaths paths = {csv, geojson, stats};
    FrameData data = {.set = &set};
    size_t n = 0;
    Error err;
    assert_true(extract_files(&data, fig, &paths, &n, &err));
    assert_int_equal(n, want);

    /* Loaded back, each file holds exactly those events. */
    const char *files[2] = {csv, geojson};
    for (int k = 0; k < 2; k++) {
        EventSet back;
        LoadReport rep;
        if (want == 0) {
            events_init(&back);
            load_file(&back, files[k], &rep);
            assert_int_equal(back.count, 0);
            events_free(&back);
            continue;
        }
        assert_true(load_one(&back, files[k], &rep));
        assert_int_equal(rep.skipped, 0);
        assert_int_equal(back.count, want);
        assert_int_equal(total_fatalities(&back), want_fat);
        /* Every field kept: each event's text fields are the same. */
        for (size_t i = 0; i < back.count; i++) {
            size_t j = find_event(&set, events_text(&back, i, TEXT_ID));
            assert_true(j != SIZE_MAX);
            assert_int_equal(back.day[i], set.day[j]);
            assert_int_equal(back.type[i], set.type[j]);
            assert_int_equal(events_fat_low(&back, i), events_fat_low(&set, j));
            assert_int_equal(events_fat_high(&back, i), events_fat_high(&set, j));
            assert_float_equal(events_lat(&back, i), events_lat(&set, j), 1e-9);
            assert_float_equal(events_lon(&back, i), events_lon(&set, j), 1e-9);
            const EventText texts[] = {TEXT_ACTOR1, TEXT_ACTOR2, TEXT_ASSOC_ACTOR1,
                                       TEXT_COUNTRY, TEXT_ADMIN1, TEXT_LOCATION, TEXT_SOURCE};
            for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
                assert_string_equal(events_text(&back, i, texts[t]),
                                    events_text(&set, j, texts[t]));
            char *a = events_notes(&back, i), *b = events_notes(&set, j);
            assert_string_equal(a, b);
            free(a);
            free(b);
        }
        events_free(&back);
    }

    /* The stats table's total is the legend's. */
    FILE *f = fopen(stats, "r");
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "group,key,events,fatalities\r\n");
    assert_non_null(fgets(line, sizeof line, f));
    char expect[64];
    snprintf(expect, sizeof expect, "total,all,%zu,%lld\r\n", want, (long long)want_fat);
    assert_string_equal(line, expect);
    size_t by_type = 0, by_month = 0;
    while (fgets(line, sizeof line, f)) {
        size_t events;
        long long fat;
        char *c = strrchr(line, ',');
        *c = '\0';
        char *b = strrchr(line, ',');
        events = strtoul(b + 1, NULL, 10);
        fat = strtoll(c + 1, NULL, 10);
        (void)fat;
        if (strncmp(line, "type,", 5) == 0) by_type += events;
        if (strncmp(line, "month,", 6) == 0) by_month += events;
    }
    fclose(f);
    assert_int_equal(by_type, want);
    assert_int_equal(by_month, want);
    return want;
}

static void test_whole_data(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    assert_int_equal(check_figure(&fig, "all"), set.count);   /* fitted: every event */
    figure_free(&fig);
}

static void test_view_dates_and_filters(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    assert_true(figure_set_option(&fig, "--bbox", "0,15,4,21", NULL));    /* Gao to Tinzaouaten */
    size_t box = check_figure(&fig, "box");
    assert_true(box > 0 && box < set.count);
    assert_true(figure_set_option(&fig, "--type", "battles", NULL));
    assert_true(figure_set_option(&fig, "--from", "2020-01-01", NULL));
    size_t battles = check_figure(&fig, "battles");
    assert_true(battles > 0 && battles < box);
    assert_true(figure_set_option(&fig, "--min-fatalities", "5", NULL));
    size_t deadly = check_figure(&fig, "deadly");
    assert_true(deadly > 0 && deadly <= battles);
    assert_true(figure_set_option(&fig, "--min-fatalities", "100000", NULL));
    assert_int_equal(check_figure(&fig, "none"), 0);
    figure_free(&fig);
    figure_init(&fig);
    assert_true(figure_set_option(&fig, "--bbox", "20,-5,25,0", NULL));   /* empty box */
    assert_int_equal(check_figure(&fig, "empty"), 0);
    figure_free(&fig);
}

/* Never over an input file; a write error names the path. */
static void test_refusals(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    char *inputs[1] = {(char *)fixture("towns.json")};
    char input[1024];
    snprintf(input, sizeof input, "%s", inputs[0]);
    FrameData data = {.set = &set, .inputs = inputs, .ninputs = 1};
    ExtractPaths paths = {.csv = input};
    size_t n;
    Error err;
    assert_false(extract_files(&data, &fig, &paths, &n, &err));
    assert_contains(err.msg, "refusing to overwrite an input file");
    ExtractPaths full = {.geojson = "/dev/full"};
    assert_false(extract_files(&data, &fig, &full, &n, &err));
    assert_contains(err.msg, "/dev/full");
    figure_free(&fig);
}

/* A typo or an empty window is refused, with the closest names. */
static void test_wrong_figures_refused(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    Error err;
    assert_true(frame_check(&set, &fig, &err));
    assert_true(figure_set_option(&fig, "--country", "Mali", NULL));
    assert_true(frame_check(&set, &fig, &err));
    assert_true(figure_set_option(&fig, "--country", "Mlai", NULL));
    assert_false(frame_check(&set, &fig, &err));
    assert_contains(err.msg, "--country 'Mlai': no event in it; did you mean Mali");
    /* In a list, each name is checked: the wrong one is named. */
    assert_true(figure_set_option(&fig, "--country", "Mali,Mlai", NULL));
    assert_false(frame_check(&set, &fig, &err));
    assert_contains(err.msg, "--country 'Mlai': no event in it; did you mean Mali");
    assert_true(figure_set_option(&fig, "--country", "Mali, Mali", NULL));
    assert_true(frame_check(&set, &fig, &err));
    figure_free(&fig);
    figure_init(&fig);
    assert_true(figure_set_option(&fig, "--admin1", "Kidl", NULL));
    assert_false(frame_check(&set, &fig, &err));
    assert_contains(err.msg, "did you mean Kidal");
    assert_true(figure_set_option(&fig, "--admin1", "Kidal,Kidl", NULL));
    assert_false(frame_check(&set, &fig, &err));
    assert_contains(err.msg, "--admin1 'Kidl': no event in it; did you mean Kidal");
    figure_free(&fig);
    figure_init(&fig);
    assert_true(figure_set_option(&fig, "--from", "2030-01-01", NULL));
    assert_true(figure_set_option(&fig, "--to", "2030-12-31", NULL));
    assert_false(frame_check(&set, &fig, &err));
    assert_contains(err.msg, "no events between 1 Jan 2030 and 31 Dec 2030: the data runs from");
    figure_free(&fig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrong_figures_refused),
        cmocka_unit_test(test_whole_data),
        cmocka_unit_test(test_view_dates_and_filters),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

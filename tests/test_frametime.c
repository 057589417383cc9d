/*
 * test_frametime: the window's frame times without a window. The ring of
 * the last FRAMETIME_WINDOW frames and its nearest-rank percentiles, the
 * CSV header and rows the frame log is made of (read back with sscanf as
 * a script would), and the overlay's builder (ui_build_frame_stats): the
 * figures it shows and every item inside the map area at several sizes
 * (text measured by a fake SceneMeasure, so no font and no SDL).
 */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "frametime.h"
#include "scene.h"
#include "ui.h"

static FrameSample sample(double total, uint64_t events)
{
    FrameSample s = {{0}, events};
    s.ms[FRAME_SCENE] = total * 0.5;
    s.ms[FRAME_RASTER] = 0;
    s.ms[FRAME_RENDER] = total * 0.3;
    s.ms[FRAME_PRESENT] = total * 0.2;
    s.ms[FRAME_TOTAL] = total;
    s.ms[FRAME_INTERVAL] = total + 1;
    return s;
}

static void test_percentiles(void **state)
{
    (void)state;
    FrameTimes t;
    frametime_init(&t);
    assert_null(frametime_last(&t));
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 50), 0, 0);
    /* 1..100 ms in a shuffled order: p50 = 50, p95 = 95 (nearest rank). */
    for (int i = 0; i < 100; i++) {
        FrameSample s = sample((double)((i * 37) % 100 + 1), (uint64_t)i);
        frametime_add(&t, &s);
    }
    assert_int_equal(frametime_last(&t)->events_drawn, 99);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 50), 50, 1e-9);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 95), 95, 1e-9);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 0), 1, 1e-9);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 100), 100, 1e-9);
    assert_float_equal(frametime_percentile(&t, FRAME_INTERVAL, 50), 51, 1e-9);
    /* The window slides: after FRAMETIME_WINDOW frames of 200 ms the old
     * ones are gone. */
    for (int i = 0; i < FRAMETIME_WINDOW; i++) {
        FrameSample s = sample(200, 7);
        frametime_add(&t, &s);
    }
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 0), 200, 1e-9);
    assert_int_equal(t.count, 100 + FRAMETIME_WINDOW);
    /* One frame: every percentile is it. */
    frametime_init(&t);
    FrameSample one = sample(12.5, 3);
    frametime_add(&t, &one);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 95), 12.5, 1e-9);
    assert_float_equal(frametime_percentile(&t, FRAME_TOTAL, 50), 12.5, 1e-9);
}

static void test_csv(void **state)
{
    (void)state;
    /* The header names every step in the order of the row. */
    const char *header = frametime_csv_header();
    assert_string_equal(header, "scene_ms,raster_ms,render_ms,present_ms,total_ms,"
                                "events_drawn,interval_ms");
    assert_string_equal(frametime_step_name(FRAME_PRESENT), "present_ms");
    FrameSample s = {{1.25, 24.5, 3.0625, 0.5, 29.3125, 33.75}, 123456};
    char row[160];
    int n = frametime_csv_row(&s, row, sizeof row);
    assert_int_equal(n, (int)strlen(row));
    assert_string_equal(row, "1.250,24.500,3.062,0.500,29.312,123456,33.750");
    /* Read back as a script would. */
    double v[6];
    unsigned long long events = 0;
    assert_int_equal(sscanf(row, "%lf,%lf,%lf,%lf,%lf,%llu,%lf", &v[0], &v[1], &v[2], &v[3],
                            &v[4], &events, &v[5]), 7);
    assert_int_equal(events, 123456);
    assert_float_equal(v[1], 24.5, 1e-9);
    assert_float_equal(v[5], 33.75, 1e-9);
    /* Too small a buffer is said, not silently cut. */
    assert_int_equal(frametime_csv_row(&s, row, 10), -1);
}

/* A stand-in for the font: 0.6 em per byte, 1.2 em high. */
static void fake_measure(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    float em = scene_font_size[font] * *(const float *)ctx;
    *w = 0.6f * em * (float)strlen(text);
    *h = 1.2f * em;
}

static bool has_text(const Scene *s, const char *needle)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].kind == ITEM_TEXT &&
            strcmp(scene_text(s, s->items[i].u.text.text), needle) == 0)
            return true;
    return false;
}

static bool has_text_containing(const Scene *s, const char *needle)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].kind == ITEM_TEXT &&
            strstr(scene_text(s, s->items[i].u.text.text), needle) != NULL)
            return true;
    return false;
}

static void assert_inside(const Scene *s, float x1, float y1)
{
    for (size_t i = 0; i < s->nitems; i++) {
        const SceneItem *it = &s->items[i];
        float a, b, c, d;
        if (it->kind == ITEM_RECT) {
            a = it->u.rect.x; b = it->u.rect.y;
            c = a + it->u.rect.w; d = b + it->u.rect.h;
        } else if (it->kind == ITEM_TEXT) {
            a = it->u.text.x; b = it->u.text.y;
            c = a + it->u.text.w; d = b + it->u.text.h;
        } else {
            fail_msg("item %zu: kind %d from the overlay", i, it->kind);
        }
        if (a < -0.5f || b < -0.5f || c > x1 + 0.5f || d > y1 + 0.5f)
            fail_msg("item %zu at [%.1f, %.1f]-[%.1f, %.1f], outside %.0fx%.0f", i, a, b, c, d,
                     x1, y1);
    }
}

static void test_overlay(void **state)
{
    (void)state;
    const int sizes[][2] = {{1920, 1080}, {1280, 800}, {640, 400}, {3840, 2160}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        float scale = scene_scale_for(w, h);
        UiLayout l;
        ui_layout(&l, w, h, scale);
        FrameTimes t;
        frametime_init(&t);
        Scene s = {0};

        /* Before any frame: the panel says so. */
        scene_reset(&s, w, h, scale);
        ui_build_frame_stats(&s, &l, &t, fake_measure, &scale);
        assert_true(has_text(&s, "No frames yet"));
        assert_inside(&s, (float)w, l.map_h);

        /* Frames of 10..29 ms (interval 11..30), the last one 29 ms. */
        for (int i = 0; i < 20; i++) {
            FrameSample f = sample(10 + i, 1234567);
            frametime_add(&t, &f);
        }
        scene_reset(&s, w, h, scale);
        ui_build_frame_stats(&s, &l, &t, fake_measure, &scale);
        assert_int_equal(s.items[0].kind, ITEM_RECT);          /* the panel first */
        assert_true(has_text(&s, "Frame times, ms"));
        assert_true(has_text(&s, "present"));
        assert_true(has_text(&s, "p95"));
        assert_true(has_text(&s, "29.0"));                     /* total, last */
        assert_true(has_text(&s, "19.0"));                     /* total, p50 */
        assert_true(has_text(&s, "28.0"));                     /* total, p95 */
        assert_true(has_text_containing(&s, "1,234,567 events drawn"));
        assert_true(has_text_containing(&s, "50 fps"));        /* 1000 / p50 interval 20 */
        assert_inside(&s, (float)w, l.map_h);
        /* Everything else lies on the panel. */
        const SceneItem *panel = &s.items[0];
        for (size_t i = 1; i < s.nitems; i++) {
            const SceneItem *it = &s.items[i];
            assert_true(it->u.text.x >= panel->u.rect.x &&
                        it->u.text.x + it->u.text.w <= panel->u.rect.x + panel->u.rect.w + 0.5f);
            assert_true(it->u.text.y + it->u.text.h <= panel->u.rect.y + panel->u.rect.h + 0.5f);
        }
        scene_free(&s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentiles),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_overlay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

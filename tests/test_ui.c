/*
 * test_ui: the window's furniture without drawing. Layout numbers at known
 * sizes, the timeline's day <-> x axis both ways, ui_timeline_hit on every
 * part of the scrubber, histogram counts and bins against a file of known
 * events, and every builder keeping its items inside the drawable (text
 * measured by a fake SceneMeasure, so no font and no SDL).
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "scene.h"
#include "timeline.h"
#include "ui.h"

/* A stand-in for the font: 0.6 em per byte, 1.2 em high; counts calls. */
typedef struct FakeFont {
    float scale;
    int calls;
} FakeFont;

static void fake_measure(void *ctx, SceneFont font, const char *text, float *w,
                         float *h)
{
    FakeFont *f = ctx;
    float em = scene_font_size[font] * f->scale;
    *w = 0.6f * em * (float)strlen(text);
    *h = 1.2f * em;
    f->calls++;
}

static int32_t ymd(int y, int m, int d)
{
    return date_from_ymd(y, m, d);
}

/* ---- layout ------------------------------------------------------------- */

static void test_layout_full_hd(void **state)
{
    (void)state;
    UiLayout l;
    ui_layout(&l, 1920, 1080, 1.0f);
    assert_int_equal(l.width, 1920);
    assert_int_equal(l.height, 1080);
    /* The timeline is 132 px along the bottom; the map is above it. */
    assert_float_equal(l.tl_h, 132, 0);
    assert_float_equal(l.tl_y, 1080 - 132, 0);
    assert_float_equal(l.tl_x, 0, 0);
    assert_float_equal(l.tl_w, 1920, 0);
    assert_float_equal(l.map_h, l.tl_y, 0);
    /* The plot: right of the 300 px info column, inside the panel. */
    assert_float_equal(l.bars_x, 312, 0);
    assert_float_equal(l.bars_w, 1920 - 312 - 14, 0);
    assert_float_equal(l.bars_y, l.tl_y + 12, 0);
    assert_float_equal(l.bars_h, 132 - 12 - 34, 0);

    ui_layout(&l, 3840, 2160, 2.0f);             /* twice the scale */
    assert_float_equal(l.tl_h, 264, 0);
    assert_float_equal(l.bars_x, 624, 0);
    assert_float_equal(l.bars_w, 3840 - 624 - 28, 0);
}

static void test_layout_small_drawables(void **state)
{
    (void)state;
    const int sizes[][2] = {{1920, 1080}, {800, 600}, {640, 200}, {300, 120},
                            {200, 60}, {1280, 720}};
    const float scales[] = {0.6f, 1.0f, 2.0f};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
            UiLayout l;
            int w = sizes[i][0], h = sizes[i][1];
            ui_layout(&l, w, h, scales[k]);
            /* The timeline never takes more than half the height. */
            assert_true(l.tl_h <= roundf(h / 2.0f));
            assert_float_equal(l.tl_y + l.tl_h, (float)h, 0);
            /* The info column is at most 40 % of the width. */
            assert_true(l.bars_x <= roundf(w * 0.4f) + roundf(12 * scales[k]));
            /* The plot keeps a usable size and starts inside the panel. */
            assert_true(l.bars_w >= 10);
            assert_true(l.bars_h >= 4);
            assert_true(l.bars_y >= l.tl_y);
            if (l.bars_w > 10) assert_true(l.bars_x + l.bars_w <= (float)w);
        }
    UiLayout l;
    ui_layout(&l, 640, 200, 1.0f);               /* 132 px would be too much */
    assert_float_equal(l.tl_h, 100, 0);
    ui_layout(&l, 500, 800, 1.0f);               /* 300 px info: too wide */
    assert_float_equal(l.bars_x, 200 + 12, 0);
}

/* ---- axis --------------------------------------------------------------- */

static void test_day_x_round_trip(void **state)
{
    (void)state;
    UiLayout l;
    ui_layout(&l, 1280, 720, 1.0f);
    Timeline t;
    timeline_init(&t, ymd(2012, 1, 1), ymd(2024, 12, 31));
    /* The axis starts at the plot's left edge and ends (after its last
     * day) at the right edge. */
    assert_float_equal(ui_day_to_x(&l, &t, t.axis0), l.bars_x, 1e-9);
    assert_float_equal(ui_day_to_x(&l, &t, t.axis1 + 1), l.bars_x + l.bars_w, 1e-6);
    double last_x = -1;
    for (int32_t day = t.axis0; day <= t.axis1 + 1; day += 17) {
        double x = ui_day_to_x(&l, &t, day);
        assert_true(x > last_x);                 /* increasing */
        last_x = x;
        assert_float_equal(ui_x_to_day(&l, &t, x), day, 1e-6);
    }
    for (double x = l.bars_x; x <= l.bars_x + l.bars_w; x += 13.25)
        assert_float_equal(ui_day_to_x(&l, &t, ui_x_to_day(&l, &t, x)), x, 1e-6);

    /* A zoomed axis: the same rule over the part shown. */
    timeline_zoom_axis(&t, 8, ymd(2020, 6, 1));
    assert_true(t.axis1 - t.axis0 < ymd(2024, 12, 31) - ymd(2012, 1, 1));
    assert_float_equal(ui_day_to_x(&l, &t, t.axis0), l.bars_x, 1e-9);
    for (int32_t day = t.axis0; day <= t.axis1; day += 5)
        assert_float_equal(ui_x_to_day(&l, &t, ui_day_to_x(&l, &t, day)), day, 1e-6);
}

/* ---- hit-testing -------------------------------------------------------- */

static void test_timeline_hit_parts(void **state)
{
    (void)state;
    UiLayout l;
    ui_layout(&l, 1920, 1080, 1.0f);
    Timeline t;
    timeline_init(&t, ymd(2024, 1, 1), ymd(2024, 12, 31));
    timeline_set_window(&t, ymd(2024, 4, 1), ymd(2024, 6, 30));
    double x0 = ui_day_to_x(&l, &t, t.day0), x1 = ui_day_to_x(&l, &t, t.day1 + 1);
    double mid_y = l.bars_y + l.bars_h / 2, grip = 6 * l.scale;
    assert_true(x1 - x0 > 4 * grip);             /* a wide window */
    int32_t day = 0;

    /* Off the timeline: over the map, and outside the drawable. */
    assert_int_equal(ui_timeline_hit(&l, &t, 900, l.tl_y - 1, &day), UI_TL_NONE);
    assert_int_equal(ui_timeline_hit(&l, &t, 900, 10, &day), UI_TL_NONE);
    assert_int_equal(ui_timeline_hit(&l, &t, 900, l.height, &day), UI_TL_NONE);
    assert_int_equal(ui_timeline_hit(&l, &t, -1, mid_y, &day), UI_TL_NONE);
    assert_int_equal(ui_timeline_hit(&l, &t, l.width, mid_y, &day), UI_TL_NONE);

    /* On the panel, not the plot: the info column and the right margin. */
    assert_int_equal(ui_timeline_hit(&l, &t, 20, mid_y, &day), UI_TL_PANEL);
    assert_int_equal(ui_timeline_hit(&l, &t, l.bars_x - 1, mid_y, &day), UI_TL_PANEL);
    assert_int_equal(ui_timeline_hit(&l, &t, l.bars_x + l.bars_w + 2, mid_y, &day),
                     UI_TL_PANEL);
    /* The date labels under the plot: the axis, to pan (the window's
     * box reaches 4 px below the plot). */
    double labels_y = l.bars_y + l.bars_h + 12 * l.scale;
    assert_int_equal(ui_timeline_hit(&l, &t, 900, labels_y, &day), UI_TL_AXIS);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 + 2 * grip, labels_y, &day), UI_TL_AXIS);
    assert_int_equal(ui_timeline_hit(&l, &t, 20, labels_y, &day), UI_TL_PANEL);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 + 2 * grip, l.bars_y + l.bars_h + 3, &day),
                     UI_TL_WINDOW);
    /* The panel's first row counts as the panel too. */
    assert_int_equal(ui_timeline_hit(&l, &t, 20, l.tl_y, &day), UI_TL_PANEL);

    /* On the plot outside the window, before and after it. */
    double before = ui_day_to_x(&l, &t, ymd(2024, 2, 10) + 0.5);
    assert_int_equal(ui_timeline_hit(&l, &t, before, mid_y, &day), UI_TL_PLOT);
    assert_int_equal(day, ymd(2024, 2, 10));
    double after = ui_day_to_x(&l, &t, ymd(2024, 10, 3) + 0.5);
    assert_int_equal(ui_timeline_hit(&l, &t, after, mid_y, &day), UI_TL_PLOT);
    assert_int_equal(day, ymd(2024, 10, 3));

    /* On the window's body: the day under the pointer. */
    double body = ui_day_to_x(&l, &t, ymd(2024, 5, 15) + 0.5);
    assert_int_equal(ui_timeline_hit(&l, &t, body, mid_y, &day), UI_TL_WINDOW);
    assert_int_equal(day, ymd(2024, 5, 15));

    /* Its edges, within the grip either side. */
    assert_int_equal(ui_timeline_hit(&l, &t, x0, mid_y, &day), UI_TL_EDGE_START);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 - grip, mid_y, &day), UI_TL_EDGE_START);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 + grip, mid_y, &day), UI_TL_EDGE_START);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 - grip - 1, mid_y, &day), UI_TL_PLOT);
    assert_int_equal(ui_timeline_hit(&l, &t, x0 + grip + 1, mid_y, &day), UI_TL_WINDOW);
    assert_int_equal(ui_timeline_hit(&l, &t, x1, mid_y, &day), UI_TL_EDGE_END);
    assert_int_equal(ui_timeline_hit(&l, &t, x1 - grip, mid_y, &day), UI_TL_EDGE_END);
    assert_int_equal(ui_timeline_hit(&l, &t, x1 + grip, mid_y, &day), UI_TL_EDGE_END);
    assert_int_equal(ui_timeline_hit(&l, &t, x1 - grip - 1, mid_y, &day), UI_TL_WINDOW);
    assert_int_equal(ui_timeline_hit(&l, &t, x1 + grip + 1, mid_y, &day), UI_TL_PLOT);
    /* The edges work over the whole height of the panel's plot rows. */
    assert_int_equal(ui_timeline_hit(&l, &t, x1, l.bars_y, &day), UI_TL_EDGE_END);

    /* A window narrower than both grips: only the end edge, so it can
     * always be widened. */
    timeline_set_window(&t, ymd(2024, 5, 1), ymd(2024, 5, 1));
    x0 = ui_day_to_x(&l, &t, t.day0);
    x1 = ui_day_to_x(&l, &t, t.day1 + 1);
    assert_true(x1 - x0 <= 2 * grip);
    assert_int_equal(ui_timeline_hit(&l, &t, x0, mid_y, &day), UI_TL_EDGE_END);
    assert_int_equal(ui_timeline_hit(&l, &t, x1, mid_y, &day), UI_TL_EDGE_END);
}

/* ---- histogram ---------------------------------------------------------- */

/* Known events: (date, type) pairs written to a file and loaded. */
static const struct { const char *date, *type; } known[] = {
    {"2024-01-01", "Battles"},
    {"2024-01-01", "Battles"},
    {"2024-01-01", "Protests"},
    {"2024-01-02", "Riots"},
    {"2024-01-07", "Battles"},                   /* Sunday: week of Jan 1 */
    {"2024-01-08", "Battles"},                   /* Monday: the next week */
    {"2024-01-31", "Violence against civilians"},
    {"2024-02-01", "Explosions/Remote violence"},
    {"2024-02-01", "Explosions/Remote violence"},
    {"2024-02-29", "Strategic developments"},
};
#define NKNOWN (sizeof known / sizeof known[0])

static EventSet set;

static int setup_known(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/ui_known_events.json", OUTPUT_DIR);
    FILE *f = fopen(path, "w");
    if (f == NULL) return -1;
    fputs("{\"data\":[\n", f);
    for (size_t i = 0; i < NKNOWN; i++)
        fprintf(f, "%s{\"event_id_cnty\":\"K%zu\",\"event_date\":\"%s\",\"event_type\":"
                   "\"%s\",\"latitude\":\"14\",\"longitude\":\"-2\",\"fatalities\":\"%zu\","
                   "\"location\":\"Somewhere\",\"country\":\"Mali\"}\n",
                i ? "," : "", i, known[i].date, known[i].type, i);
    fputs("]}\n", f);
    fclose(f);
    LoadReport rep;
    if (!load_one(&set, path, &rep) || set.count != NKNOWN) return -1;
    return 0;
}

static int teardown_known(void **state)
{
    (void)state;
    events_free(&set);
    return 0;
}

static uint32_t bin_count(const Histogram *h, size_t b, EventType type)
{
    return h->count[b * UI_HIST_KINDS + type];
}

static uint32_t bin_total(const Histogram *h, size_t b)
{
    uint32_t n = 0;
    for (int ty = 0; ty < EVENT_TYPE_COUNT; ty++) n += bin_count(h, b, (EventType)ty);
    return n;
}

static const uint32_t ALL_TYPES = (1u << EVENT_TYPE_COUNT) - 1;

static void test_histogram_days(void **state)
{
    (void)state;
    UiLayout l;
    ui_layout(&l, 1920, 1080, 1.0f);
    Timeline t;
    timeline_init(&t, ymd(2024, 1, 1), ymd(2024, 2, 29));   /* 60 days */
    Histogram h = {0};
    ui_histogram(&h, &set, NULL, ALL_TYPES, NULL, &t, &l);
    assert_int_equal(h.bin, BIN_DAY);            /* 1594 px / 60 days */
    assert_int_equal(h.nbins, 60);
    for (size_t b = 0; b <= h.nbins; b++)
        assert_int_equal(h.start[b], ymd(2024, 1, 1) + (int32_t)b);
    size_t b0 = 0, b1 = 1, b6 = 6, b7 = 7, b30 = 30, b31 = 31, b59 = 59;
    assert_int_equal(bin_count(&h, b0, EVENT_BATTLES), 2);
    assert_int_equal(bin_count(&h, b0, EVENT_PROTESTS), 1);
    assert_int_equal(bin_total(&h, b0), 3);
    assert_int_equal(bin_count(&h, b1, EVENT_RIOTS), 1);
    assert_int_equal(bin_total(&h, b1), 1);
    assert_int_equal(bin_count(&h, b6, EVENT_BATTLES), 1);
    assert_int_equal(bin_count(&h, b7, EVENT_BATTLES), 1);
    assert_int_equal(bin_count(&h, b30, EVENT_VIOLENCE_CIVILIANS), 1);
    assert_int_equal(bin_count(&h, b31, EVENT_EXPLOSIONS), 2);
    assert_int_equal(bin_count(&h, b59, EVENT_STRATEGIC), 1);
    uint32_t sum = 0;
    for (size_t b = 0; b < h.nbins; b++) sum += bin_total(&h, b);
    assert_int_equal(sum, NKNOWN);
    assert_int_equal(h.max_total, 3);

    /* The type mask and the filter's visible flags drop events. */
    ui_histogram(&h, &set, NULL, 1u << EVENT_BATTLES, NULL, &t, &l);
    sum = 0;
    for (size_t b = 0; b < h.nbins; b++) sum += bin_total(&h, b);
    assert_int_equal(sum, 4);
    assert_int_equal(h.max_total, 2);
    uint8_t visible[NKNOWN + 1];
    for (size_t i = 0; i < set.count; i++)
        visible[i] = set.type[i] != EVENT_BATTLES;    /* all but battles */
    ui_histogram(&h, &set, visible, ALL_TYPES, NULL, &t, &l);
    assert_int_equal(bin_count(&h, b0, EVENT_BATTLES), 0);
    assert_int_equal(bin_total(&h, b0), 1);
    sum = 0;
    for (size_t b = 0; b < h.nbins; b++) sum += bin_total(&h, b);
    assert_int_equal(sum, NKNOWN - 4);
    assert_int_equal(h.max_total, 2);
    ui_histogram_free(&h);
    assert_null(h.start);
}

/* Coloured by something else than the type, the bars are stacked by the
 * map's colour classes, in their colours, Other on top. */
static void test_histogram_classes(void **state)
{
    (void)state;
    UiLayout l;
    ui_layout(&l, 1920, 1080, 1.0f);
    Timeline t;
    timeline_init(&t, ymd(2024, 1, 1), ymd(2024, 2, 29));
    SceneClasses c = {.by = COLOR_BY_COUNTRY, .n = 1};
    c.key[0] = events_text_ref(&set, 0, TEXT_COUNTRY);          /* Mali: all of them */
    c.color[0] = 0xFF123456u;
    c.color[1] = 0xFF654321u;
    Histogram h = {0};
    assert_true(ui_histogram_counts_by(&h, NULL));               /* empty: by type */
    assert_false(ui_histogram_counts_by(&h, &c));
    ui_histogram(&h, &set, NULL, ALL_TYPES, &c, &t, &l);
    assert_true(ui_histogram_counts_by(&h, &c));
    assert_false(ui_histogram_counts_by(&h, NULL));
    assert_int_equal(h.count[0 * UI_HIST_KINDS + 0], 3);        /* Jan 1, in Mali */
    assert_int_equal(h.count[0 * UI_HIST_KINDS + 1], 0);        /* ... none Other */
    assert_int_equal(h.max_total, 3);

    FakeFont font = {1.0f, 0};
    Scene s = {0};
    scene_reset(&s, 1920, 1080, 1.0f);
    UiTimelineInfo info = {.filter_text = ""};
    ui_build_timeline(&s, &l, &t, &h, &info, fake_measure, &font);
    int classed = 0, typed = 0;
    for (size_t k = 0; k < s.nitems; k++) {
        if (s.items[k].kind != ITEM_RECT) continue;
        classed += s.items[k].color == c.color[0];
        typed += s.items[k].color == scene_type_color(EVENT_BATTLES);
    }
    assert_int_equal(classed, 7);                /* the 7 days with events */
    assert_int_equal(typed, 0);

    /* Another leader: every event is Other now, and counted again. */
    c.key[0] = events_text_ref(&set, 0, TEXT_LOCATION);
    assert_false(ui_histogram_counts_by(&h, &c));
    ui_histogram(&h, &set, NULL, ALL_TYPES, &c, &t, &l);
    assert_int_equal(h.count[0 * UI_HIST_KINDS + 0], 0);
    assert_int_equal(h.count[0 * UI_HIST_KINDS + 1], 3);

    /* By type again. */
    SceneClasses types = {.by = COLOR_BY_TYPE};
    ui_histogram(&h, &set, NULL, ALL_TYPES, &types, &t, &l);
    assert_true(ui_histogram_counts_by(&h, NULL));
    assert_int_equal(bin_count(&h, 0, EVENT_BATTLES), 2);
    scene_free(&s);
    ui_histogram_free(&h);
}

static void test_histogram_weeks_and_months(void **state)
{
    (void)state;
    UiLayout l;
    Timeline t;
    Histogram h = {0};
    timeline_init(&t, ymd(2024, 1, 1), ymd(2024, 2, 29));
    /* 60 days over a narrow plot: under 3 px a day, weeks (Mondays). */
    ui_layout(&l, 300, 400, 1.0f);
    assert_true(l.bars_w / 60 < 3 && l.bars_w * 7 / 60 >= 3);
    ui_histogram(&h, &set, NULL, ALL_TYPES, NULL, &t, &l);
    assert_int_equal(h.bin, BIN_WEEK);
    assert_int_equal(h.start[0], ymd(2024, 1, 1));            /* a Monday */
    for (size_t b = 0; b < h.nbins; b++)
        assert_int_equal(h.start[b + 1] - h.start[b], 7);
    assert_int_equal(h.nbins, 9);                /* Jan 1 .. Mar 3 */
    assert_int_equal(bin_total(&h, 0), 5);       /* Jan 1, 1, 1, 2, 7 */
    assert_int_equal(bin_total(&h, 1), 1);       /* Jan 8 */
    assert_int_equal(bin_total(&h, 4), 3);       /* Jan 29 .. Feb 4 */
    assert_int_equal(bin_total(&h, 8), 1);       /* Feb 26 .. Mar 3 */
    assert_int_equal(h.max_total, 5);

    /* Years over the same plot: months. */
    timeline_init(&t, ymd(2020, 3, 15), ymd(2024, 12, 31));
    ui_histogram(&h, &set, NULL, ALL_TYPES, NULL, &t, &l);
    assert_int_equal(h.bin, BIN_MONTH);
    assert_int_equal(h.start[0], ymd(2020, 3, 1));
    size_t jan = 0;
    while (h.start[jan] != ymd(2024, 1, 1)) jan++;
    assert_int_equal(h.start[jan + 1], ymd(2024, 2, 1));
    assert_int_equal(h.start[jan + 2], ymd(2024, 3, 1));
    assert_int_equal(bin_total(&h, jan), 7);
    assert_int_equal(bin_total(&h, jan + 1), 3);
    assert_int_equal(bin_count(&h, jan + 1, EVENT_EXPLOSIONS), 2);
    assert_int_equal(h.max_total, 7);
    assert_int_equal(h.start[h.nbins], ymd(2025, 1, 1));
    ui_histogram_free(&h);
}

/* ---- builders ----------------------------------------------------------- */

/* Every item of s lies inside [x0, x1) x [y0, y1) (half a pixel of slack
 * for borders); fails naming the first one that does not. */
static void assert_items_inside(const Scene *s, size_t from, float x0, float y0,
                                float x1, float y1)
{
    const float slack = 0.5f;
    for (size_t i = from; i < s->nitems; i++) {
        const SceneItem *it = &s->items[i];
        float a = 0, b = 0, c = 0, d = 0;
        switch (it->kind) {
        case ITEM_RECT:
            a = it->u.rect.x; b = it->u.rect.y;
            c = a + it->u.rect.w; d = b + it->u.rect.h;
            break;
        case ITEM_TEXT:
            a = it->u.text.x; b = it->u.text.y;
            c = a + it->u.text.w; d = b + it->u.text.h;
            break;
        case ITEM_MARKER:
            a = it->u.marker.x - it->u.marker.r; b = it->u.marker.y - it->u.marker.r;
            c = it->u.marker.x + it->u.marker.r; d = it->u.marker.y + it->u.marker.r;
            break;
        default:
            fail_msg("item %zu: a ui builder made kind %d", i, it->kind);
        }
        if (a < x0 - slack || b < y0 - slack || c > x1 + slack || d > y1 + slack)
            fail_msg("item %zu (kind %d%s%s) at [%.1f, %.1f]-[%.1f, %.1f], outside "
                     "[%.1f, %.1f]-[%.1f, %.1f]", i, it->kind,
                     it->kind == ITEM_TEXT ? ", " : "",
                     it->kind == ITEM_TEXT ? scene_text(s, it->u.text.text) : "",
                     a, b, c, d, x0, y0, x1, y1);
    }
}

static bool has_text(const Scene *s, const char *needle)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].kind == ITEM_TEXT &&
            strstr(scene_text(s, s->items[i].u.text.text), needle) != NULL)
            return true;
    return false;
}

static size_t count_kind(const Scene *s, SceneItemKind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nitems; i++) n += s->items[i].kind == kind;
    return n;
}

static void test_timeline_builder(void **state)
{
    (void)state;
    const int sizes[][2] = {{1920, 1080}, {1280, 720}, {800, 600}, {3840, 2160}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], hgt = sizes[k][1];
        FakeFont font = {scene_scale_for(w, hgt), 0};
        UiLayout l;
        ui_layout(&l, w, hgt, font.scale);
        Timeline t;
        timeline_init(&t, ymd(2024, 1, 1), ymd(2024, 2, 29));
        timeline_set_window(&t, ymd(2024, 1, 1), ymd(2024, 1, 31));
        Histogram h = {0};
        ui_histogram(&h, &set, NULL, ALL_TYPES, NULL, &t, &l);
        UiTimelineInfo info = {.events = 7, .fatalities = 21, .fatalities_low = 15,
                               .fatalities_high = 30, .filter_text = "type: battles"};
        Scene s = {0};
        scene_reset(&s, w, hgt, font.scale);
        ui_build_timeline(&s, &l, &t, &h, &info, fake_measure, &font);
        assert_true(font.calls > 0);
        assert_true(s.nitems > 10);
        /* The panel first, covering the timeline's area. */
        assert_int_equal(s.items[0].kind, ITEM_RECT);
        assert_float_equal(s.items[0].u.rect.y, l.tl_y, 0);
        assert_float_equal(s.items[0].u.rect.h, l.tl_h, 0);
        /* Everything within the timeline panel (the window frame may reach
         * a pixel past the plot, never past the panel). */
        assert_items_inside(&s, 0, 0, l.tl_y, (float)w, (float)hgt);
        /* One bar rect per non-empty (bin, type): 9 in January + February. */
        assert_true(count_kind(&s, ITEM_RECT) >= 9);
        assert_true(has_text(&s, "1 Jan 2024"));
        assert_true(has_text(&s, "31 Jan 2024"));
        assert_true(has_text(&s, "7 events"));
        assert_true(has_text(&s, "21 fatalities"));
        assert_true(has_text(&s, "reported range 15"));
        assert_true(has_text(&s, "filter: type: battles"));
        assert_true(has_text(&s, "paused"));
        scene_free(&s);
        ui_histogram_free(&h);
    }
}

static void test_panels_inside_drawable(void **state)
{
    (void)state;
    const char *lines[] = {
        "Battles in Tinzaouaten",
        "#Heading",
        "a long line of notes that must wrap to the panel's width because it goes on "
        "and on past any reasonable panel, with words of every length",
        "27 Jul 2024",
    };
    const char *const rows[][2] = {{"Space", "play / pause"}, {"[ ]", "slower / faster"},
                                   {"F", "filter"}, {"?", "this help"}};
    const int sizes[][2] = {{1920, 1080}, {1280, 720}, {800, 600}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], hgt = sizes[k][1];
        FakeFont font = {scene_scale_for(w, hgt), 0};
        UiLayout l;
        ui_layout(&l, w, hgt, font.scale);
        Scene s = {0};
        scene_reset(&s, w, hgt, font.scale);

        /* Tooltips near each corner of the map flip to stay inside it. */
        const float at[][2] = {{10, 10}, {(float)w - 5, 10}, {10, l.map_h - 5},
                               {(float)w - 5, l.map_h - 5}, {(float)w / 2, l.map_h / 2}};
        for (size_t p = 0; p < sizeof at / sizeof at[0]; p++) {
            size_t from = s.nitems;
            ui_build_tooltip(&s, &l, at[p][0], at[p][1], lines, 2, fake_measure, &font);
            assert_int_equal(s.nitems - from, 3);    /* panel + two lines */
            assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
        }
        size_t from = s.nitems;
        ui_build_side_panel(&s, &l, lines, 4, fake_measure, &font);
        assert_true(s.nitems - from >= 6);           /* the long line wrapped */
        assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
        /* Wrapped text stays inside the panel (the first item). */
        const SceneItem *panel = &s.items[from];
        assert_items_inside(&s, from + 1, panel->u.rect.x, panel->u.rect.y,
                            panel->u.rect.x + panel->u.rect.w,
                            panel->u.rect.y + panel->u.rect.h);

        from = s.nitems;
        ui_build_help(&s, &l, rows, 4, fake_measure, &font);
        assert_int_equal(s.nitems - from, 1 + 2 * 4);
        assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);

        from = s.nitems;
        ui_build_filter_box(&s, &l, "bamako", fake_measure, &font);
        assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
        assert_true(has_text(&s, "Filter: bamako"));

        from = s.nitems;
        ui_build_progress(&s, &l, "Loading events.json", 1.5, fake_measure, &font);
        assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
        /* The bar is filled to at most its track (fraction clamped). */
        const SceneItem *track = &s.items[s.nitems - 2], *fill = &s.items[s.nitems - 1];
        assert_float_equal(fill->u.rect.w, track->u.rect.w, 1e-3);

        from = s.nitems;
        ui_build_toast(&s, &l, "Saved map.png", fake_measure, &font);
        assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
        scene_free(&s);
    }
}

/* A tooltip of long lines wraps to its width and stays in the window
 * (above the timeline) wherever the pointer is, even in a narrow one. */
static void test_tooltip_wraps(void **state)
{
    (void)state;
    const char *lines[] = {"27 Jul 2024", "CSP-DPA: Permanent Strategic Framework for the "
                           "Defence of the People of Azawad vs Military Forces of Mali (2021-) "
                           "with Wagner Group and others named at length"};
    const int sizes[][2] = {{1920, 1080}, {800, 500}, {400, 300}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], hgt = sizes[k][1];
        FakeFont font = {scene_scale_for(w, hgt), 0};
        UiLayout l;
        ui_layout(&l, w, hgt, font.scale);
        Scene s = {0};
        scene_reset(&s, w, hgt, font.scale);
        const float at[][2] = {{2, 2}, {(float)w - 2, 2}, {2, l.map_h - 2},
                               {(float)w - 2, l.map_h - 2}, {(float)w / 2, l.map_h / 2}};
        for (size_t p = 0; p < sizeof at / sizeof at[0]; p++) {
            size_t from = s.nitems;
            ui_build_tooltip(&s, &l, at[p][0], at[p][1], lines, 2, fake_measure, &font);
            assert_true(s.nitems - from >= 4);        /* panel, title, 2+ wrapped lines */
            const SceneItem *box = &s.items[from];
            assert_true(box->u.rect.w <= 420 * font.scale + 16 * font.scale + 0.01f);
            assert_items_inside(&s, from, 0, 0, (float)w, l.map_h);
            assert_items_inside(&s, from + 1, box->u.rect.x, box->u.rect.y,
                                box->u.rect.x + box->u.rect.w, box->u.rect.y + box->u.rect.h);
        }
        scene_free(&s);
    }
}

/* A stack's list: rows in columns, the selected one marked, scrolled into
 * sight when they do not all fit; rows hit-tested; a ring for the
 * selected marker; with s NULL only the layout. */
static void test_list_panel(void **state)
{
    (void)state;
    char text[40][64];
    const char *rows[40];
    for (int r = 0; r < 40; r++) {
        snprintf(text[r], sizeof text[r], "%d Jul 2024\tBattle\t%d\tTinzaouaten", r % 28 + 1, r);
        rows[r] = text[r];
    }
    const char *lines[] = {"27 Jul 2024", "Battles", "Fatalities: 88"};
    FakeFont font = {0.75f, 0};
    UiLayout l;
    ui_layout(&l, 1200, 760, font.scale);
    Scene s = {0};
    scene_reset(&s, 1200, 760, font.scale);

    /* Eight rows all fit: none hidden; the layout-only pass agrees. */
    UiPanel p, q;
    ui_build_list_panel(NULL, &l, "8 events here", rows, 8, 6, lines, 3, fake_measure, &font, &q);
    assert_int_equal(s.nitems, 0);
    ui_build_list_panel(&s, &l, "8 events here", rows, 8, 6, lines, 3, fake_measure, &font, &p);
    assert_memory_equal(&p, &q, sizeof p);
    assert_int_equal(p.first, 0);
    assert_int_equal(p.shown, 8);
    assert_true(has_text(&s, "8 events here"));
    assert_true(has_text(&s, "Tinzaouaten"));
    assert_true(has_text(&s, "Fatalities: 88"));
    assert_items_inside(&s, 0, p.x, p.y, p.x + p.w, p.y + p.h);
    assert_items_inside(&s, 0, 0, 0, 1200, l.map_h);
    /* Each row's middle hits it; above the rows and off the panel: none. */
    for (int r = 0; r < 8; r++)
        assert_int_equal(ui_panel_row(&p, p.x + p.w / 2, p.rows_y + (r + 0.5f) * p.row_h), r);
    assert_int_equal(ui_panel_row(&p, p.x + p.w / 2, p.rows_y - 1), -1);
    assert_int_equal(ui_panel_row(&p, p.x - 1, p.rows_y + 1), -1);
    assert_int_equal(ui_panel_row(&p, p.x + p.w / 2, p.rows_y + 8.5f * p.row_h), -1);
    assert_true(ui_panel_contains(&p, p.x + 1, p.y + 1));
    assert_false(ui_panel_contains(&p, p.x - 1, p.y + 1));
    UiPanel none = {0};
    assert_false(ui_panel_contains(&none, 0, 0));
    assert_int_equal(ui_panel_row(&none, 0, 0), -1);

    /* Forty rows do not: the selected one is in sight, its row hits it. */
    scene_reset(&s, 1200, 760, font.scale);
    ui_build_list_panel(&s, &l, "40 events here", rows, 40, 33, lines, 3, fake_measure, &font, &p);
    assert_true(p.shown >= 3 && p.shown < 40);
    assert_true(p.first <= 33 && 33 < p.first + p.shown);
    assert_int_equal(ui_panel_row(&p, p.x + p.w / 2, p.rows_y + (33 - p.first + 0.5f) * p.row_h),
                     33);
    assert_true(has_text(&s, "shown"));
    assert_items_inside(&s, 0, 0, 0, 1200, l.map_h);
    /* The last row selected: the list ends with it. */
    ui_build_list_panel(NULL, &l, "40", rows, 40, 39, lines, 3, fake_measure, &font, &p);
    assert_int_equal(p.first + p.shown, 40);

    /* No rows: the side panel, with no list. */
    ui_build_list_panel(NULL, &l, NULL, NULL, 0, -1, lines, 3, fake_measure, &font, &p);
    assert_int_equal(p.nrows, 0);
    assert_int_equal(ui_panel_row(&p, p.x + 10, p.y + 20), -1);
    assert_true(p.w > 0 && p.h > 0);

    /* The ring: around the event's marker, bigger than it; none for an
     * event with no marker or one outside the map area. */
    SceneMarker mk[2] = {{.x = 300, .y = 200, .r = 6, .event = 7},
                         {.x = 300, .y = 700, .r = 6, .event = 8}};
    Scene map = {0};
    map.markers = mk;
    map.nmarkers = 2;
    scene_reset(&s, 1200, 760, font.scale);
    assert_true(ui_build_highlight(&s, &l, &map, 7));
    assert_true(s.nitems >= 1);
    const SceneItem *ring = &s.items[s.nitems - 1];
    assert_int_equal(ring->kind, ITEM_MARKER);
    assert_float_equal(ring->u.marker.x, 300, 1e-3);
    assert_true(ring->u.marker.r > 6);
    assert_int_equal(ring->u.marker.event, UINT32_MAX);
    size_t n = s.nitems;
    assert_false(ui_build_highlight(&s, &l, &map, 8));   /* under the timeline */
    assert_false(ui_build_highlight(&s, &l, &map, 9));   /* no marker */
    assert_int_equal(s.nitems, n);
    scene_free(&s);
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(test_layout_full_hd),
        cmocka_unit_test(test_layout_small_drawables),
        cmocka_unit_test(test_day_x_round_trip),
        cmocka_unit_test(test_timeline_hit_parts),
    };
    const struct CMUnitTest with_events[] = {
        cmocka_unit_test(test_histogram_days),
        cmocka_unit_test(test_histogram_weeks_and_months),
        cmocka_unit_test(test_histogram_classes),
        cmocka_unit_test(test_timeline_builder),
        cmocka_unit_test(test_panels_inside_drawable),
        cmocka_unit_test(test_tooltip_wraps),
        cmocka_unit_test(test_list_panel),
    };
    int failed = cmocka_run_group_tests(pure, NULL, NULL);
    failed += cmocka_run_group_tests(with_events, setup_known, teardown_known);
    return failed;
}

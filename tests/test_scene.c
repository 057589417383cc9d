/*
 * test_scene: the draw list, without SDL: marker sizes and order, counts in
 * view, labels that never overlap each other or the furniture, a scale bar
 * true to the projection, the legend.
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "basemap.h"
#include "bundled.h"
#include "scene.h"

/* A stand-in for the font: 0.6 em per byte, 1.2 em high. */
static void fake_measure(void *ctx, SceneFont font, const char *text, float *w,
                         float *h)
{
    float scale = *(float *)ctx;
    float em = scene_font_size[font] * scale;
    *w = 0.6f * em * (float)strlen(text);
    *h = 1.2f * em;
}

static EventSet set;
static Basemap map;
static float scale = 1.0f;

static int setup(void **state)
{
    (void)state;
    return load_towns_and_basemap(&set, &map);
}

static int teardown(void **state)
{
    (void)state;
    free_towns_and_basemap(&set, &map);
    return 0;
}

/* The scene of the fixture in view v (the basemap projected for it first,
 * as the window and the export do when the projection changes). */
static void build(Scene *s, View *v, uint32_t mask, bool furniture)
{
    basemap_project(&map, &v->proj);
    SceneInput in = {
        .events = &set, .lo = 0, .hi = set.count, .day0 = set.day[0],
        .day1 = set.day[set.count - 1], .type_mask = mask, .view = v,
        .basemap = &map, .width = v->w, .height = v->h, .scale = scale,
        .furniture = furniture, .measure = fake_measure, .measure_ctx = &scale,
    };
    scene_build(s, &in);
}

static void test_marker_radius(void **state)
{
    (void)state;
    float r0 = scene_marker_radius(0, 1), r10 = scene_marker_radius(10, 1),
          r100 = scene_marker_radius(100, 1);
    assert_true(r0 >= 2.0f);                         /* zero still visible */
    assert_true(r0 < r10 && r10 < r100);
    /* Area above the floor grows in proportion to fatalities. */
    float a10 = r10 * r10 - r0 * r0, a100 = r100 * r100 - r0 * r0;
    assert_float_equal(a100 / a10, 10.0, 1e-3);
    assert_float_equal(scene_marker_radius(10, 2), 2 * r10, 1e-4);
    assert_float_equal(scene_scale_for(3840, 2160), 2.0, 1e-6);
}

static void test_markers_and_counts(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    assert_int_equal(s.nmarkers, 7);
    assert_int_equal(s.events_in_view, 7);
    assert_int_equal(s.fatalities_in_view, 190);
    assert_int_equal(s.fatalities_low_in_view, 131);
    assert_int_equal(s.fatalities_high_in_view, 242);
    for (size_t m = 1; m < s.nmarkers; m++)
        assert_true(fmaxf(s.markers[m - 1].r, s.markers[m - 1].r_high) >=
                    fmaxf(s.markers[m].r, s.markers[m].r_high));
    for (size_t m = 0; m < s.nmarkers; m++) {
        const SceneMarker *mk = &s.markers[m];
        const char *id = events_text(&set, mk->event, TEXT_ID);
        if (strcmp(id, "POS3") == 0) assert_int_equal(mk->style, MARKER_RING);
        else assert_int_equal(mk->style, MARKER_DOT);
        if (strcmp(id, "POS1") == 0) assert_true(mk->r_high > mk->r);
        else assert_float_equal(mk->r_high, 0, 0);
        assert_int_equal(mk->color, scene_type_color((EventType)set.type[mk->event]));
    }
    assert_int_equal(s.type_count[EVENT_BATTLES], 2);

    build(&s, &v, ~0u & ~(1u << EVENT_BATTLES), true);
    assert_int_equal(s.nmarkers, 5);
    assert_int_equal(s.type_count[EVENT_BATTLES], 0);
    assert_int_equal(s.fatalities_in_view, 102);
    scene_free(&s);
}

static bool overlap(float ax, float ay, float aw, float ah, float bx, float by,
                    float bw, float bh)
{
    return ax < bx + bw && ax + aw > bx && ay < by + bh && ay + ah > by;
}

static void test_labels_never_overlap(void **state)
{
    (void)state;
    for (int zoom = 0; zoom < 3; zoom++) {
        View v;
        view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
        view_zoom_at(&v, 1 << (2 * zoom), 900, 600);
        Scene s = {0};
        build(&s, &v, ~0u, true);
        assert_true(s.nlabels > (zoom == 0 ? 5u : 0u));
        for (size_t a = 0; a < s.nlabels; a++) {
            const SceneLabel *la = &s.labels[a];
            assert_true(la->x >= 0 && la->y >= 0 && la->x + la->w <= 1920 &&
                        la->y + la->h <= 1080);
            for (size_t b = a + 1; b < s.nlabels; b++) {
                const SceneLabel *lb = &s.labels[b];
                if (overlap(la->x, la->y, la->w, la->h, lb->x, lb->y, lb->w, lb->h))
                    fail_msg("'%s' overlaps '%s'", scene_text(&s, la->text),
                             scene_text(&s, lb->text));
            }
            for (size_t i = 0; i < s.nitems; i++) {
                const SceneItem *it = &s.items[i];
                if (it->kind != ITEM_RECT || !(it->color >> 24)) continue;
                if (overlap(la->x, la->y, la->w, la->h, it->u.rect.x, it->u.rect.y,
                            it->u.rect.w, it->u.rect.h))
                    fail_msg("'%s' is under a panel", scene_text(&s, la->text));
            }
        }
        scene_free(&s);
    }
}

static bool has_label(const Scene *s, const char *text)
{
    for (size_t l = 0; l < s->nlabels; l++)
        if (strcmp(scene_text(s, s->labels[l].text), text) == 0) return true;
    return false;
}

static void test_towns_with_events_are_named(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    assert_true(has_label(&s, "Tinzaouaten"));      /* small, but events there */
    assert_true(has_label(&s, "Bamako"));
    assert_true(has_label(&s, "MALI"));
    assert_true(has_label(&s, "NIGER"));
    scene_free(&s);
}

static void test_scale_bar_is_true(void **state)
{
    (void)state;
    for (int k = 0; k < PROJ_KIND_COUNT; k++) {
        View v;
        view_init(&v, (ProjKind)k, 0, 0, 1920, 1080);
        Scene s = {0};
        build(&s, &v, ~0u, true);
        double km = 0;
        for (size_t i = 0; i < s.nitems; i++) {
            const SceneItem *it = &s.items[i];
            const char *t = it->kind == ITEM_TEXT ? scene_text(&s, it->u.text.text) : "";
            size_t n = strlen(t);
            if (n > 3 && strcmp(t + n - 3, " km") == 0) km = atof(t);
        }
        assert_true(km > 0);
        /* The bar: the four alternating segments drawn with a black border. */
        float bar = 0;
        for (size_t i = 0; i < s.nitems; i++) {
            const SceneItem *it = &s.items[i];
            if (it->kind == ITEM_RECT && it->border == 0xFF2B2B2Bu) bar += it->u.rect.w;
        }
        double lon, lat, kp, km_scale;
        assert_true(view_center_lonlat(&v, &lon, &lat));
        assert_true(proj_scale(&v.proj, lon, lat, &kp, &km_scale));
        double ground_km = bar * v.mpp / kp / 1000;
        assert_float_equal(ground_km, km, km * 0.005);
        scene_free(&s);
    }
}

static void test_north_arrow_and_legend(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_MERCATOR, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    const SceneItem *arrow = NULL;
    for (size_t i = 0; i < s.nitems; i++)
        if (s.items[i].kind == ITEM_POLYGON) arrow = &s.items[i];
    assert_non_null(arrow);
    /* Mercator: north is straight up; tip above the base, same x. */
    assert_float_equal(arrow->u.poly.pts[0][0], arrow->u.poly.pts[2][0], 1e-3);
    assert_true(arrow->u.poly.pts[0][1] < arrow->u.poly.pts[2][1]);
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        assert_true(s.legend_entry[t][2] > 0);
        assert_true(s.legend_entry[t][0] > 1920 / 2);
    }
    scene_free(&s);
}

static void test_aggregation_counts_the_same(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene markers = {0}, grid = {0}, heat = {0};
    build(&markers, &v, ~0u, true);
    assert_int_equal(markers.grid.kind, GRID_NONE);

    SceneInput in = {
        .events = &set, .lo = 0, .hi = set.count, .day0 = set.day[0],
        .day1 = set.day[set.count - 1], .type_mask = ~0u, .view = &v,
        .basemap = &map, .width = 1920, .height = 1080, .scale = scale,
        .furniture = true, .aggregate_above = 3,
        .measure = fake_measure, .measure_ctx = &scale,
    };
    scene_build(&grid, &in);
    assert_int_equal(grid.grid.kind, GRID_DENSITY);
    assert_int_equal(grid.nmarkers, 0);
    /* What is counted does not jump when markers become cells. */
    assert_int_equal(grid.events_in_view, markers.events_in_view);
    assert_int_equal(grid.fatalities_in_view, markers.fatalities_in_view);
    assert_memory_equal(grid.type_count, markers.type_count, sizeof grid.type_count);
    uint64_t cells = 0;
    float fat = 0;
    size_t n = (size_t)grid.grid.cols * grid.grid.rows;
    for (size_t c = 0; c < n * EVENT_TYPE_COUNT; c++) cells += grid.grid.count[c];
    for (size_t c = 0; c < n; c++) fat += grid.grid.fatalities[c];
    assert_int_equal(cells, 7);
    assert_float_equal(fat, 190, 1e-3);
    /* The cell under an event holds it. */
    double sx, sy;
    size_t tz = find_event(&set, "POS1");
    view_lonlat_to_screen(&v, set.lon[tz], set.lat[tz], &sx, &sy);
    long cell = scene_grid_cell(&grid, (float)sx, (float)sy);
    assert_true(cell >= 0);
    assert_int_equal(grid.grid.count[cell * EVENT_TYPE_COUNT + EVENT_BATTLES], 1);
    assert_float_equal(grid.grid.fatalities[cell], 88, 1e-3);

    in.aggregate_above = 0;
    in.layer = SCENE_LAYER_HEAT_FATALITIES;
    scene_build(&heat, &in);
    assert_int_equal(heat.grid.kind, GRID_HEAT_FATALITIES);
    assert_true(heat.grid.max > 0);
    assert_int_equal(heat.events_in_view, 7);
    /* Smoothed: the value spreads beyond the event's own cell. */
    long hc = scene_grid_cell(&heat, (float)sx, (float)sy);
    assert_true(heat.grid.value[hc + 2] > 0);

    assert_int_equal(scene_ramp(0) >> 24, 0xFF);
    assert_int_not_equal(scene_ramp(0), scene_ramp(1));
    scene_free(&markers);
    scene_free(&grid);
    scene_free(&heat);
}

static void test_without_furniture(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 640, 360);
    Scene s = {0};
    build(&s, &v, ~0u, false);
    assert_int_equal(s.nitems, 0);
    assert_int_equal(s.nmarkers, 7);
    scene_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marker_radius),
        cmocka_unit_test(test_markers_and_counts),
        cmocka_unit_test(test_labels_never_overlap),
        cmocka_unit_test(test_towns_with_events_are_named),
        cmocka_unit_test(test_scale_bar_is_true),
        cmocka_unit_test(test_north_arrow_and_legend),
        cmocka_unit_test(test_aggregation_counts_the_same),
        cmocka_unit_test(test_without_furniture),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

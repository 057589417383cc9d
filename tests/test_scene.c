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

/* What an editor asks of a figure: a title from the data, place names off
 * the markers, a count on stacked events, the furniture in the emptier
 * corners, the graticule in degrees, a locator map when zoomed. */
static void test_editor_furniture(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    assert_contains(s.title, "Conflict events in Mali");
    assert_contains(s.title, "2013\xe2\x80\x93" "2024");          /* the fixture's years */
    /* No place or region name covers a marker. */
    for (size_t l = 0; l < s.nlabels; l++) {
        const SceneLabel *b = &s.labels[l];
        if (b->font == FONT_SMALL) continue;                 /* badges sit on markers */
        for (size_t m = 0; m < s.nmarkers; m++) {
            const SceneMarker *mk = &s.markers[m];
            float reach = fmaxf(mk->r, mk->r_high);
            float nx = fmaxf(b->x, fminf(mk->x, b->x + b->w));
            float ny = fmaxf(b->y, fminf(mk->y, b->y + b->h));
            float dx = mk->x - nx, dy = mk->y - ny;
            if (dx * dx + dy * dy < reach * reach)
                fail_msg("label '%s' covers a marker", scene_text(&s, b->text));
        }
    }
    for (size_t i = 0; i < s.nitems; i++) assert_int_not_equal(s.items[i].kind, ITEM_INSET);
    scene_free(&s);

    /* Zoomed on Tinzaouaten: a locator map; the fixture's one event there is
     * no stack, two copies of it are. */
    view_fit_bbox(&v, 1, 18.5, 4.5, 21.5);
    build(&s, &v, ~0u, true);
    size_t insets = 0;
    for (size_t i = 0; i < s.nitems; i++) insets += s.items[i].kind == ITEM_INSET;
    assert_int_equal(insets, 1);
    scene_free(&s);
}

/* The graticule's lines are named in degrees along the edges. */
static void test_graticule_labels(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    basemap_project(&map, &v.proj);
    SceneInput in = {
        .events = &set, .lo = 0, .hi = set.count, .day0 = set.day[0],
        .day1 = set.day[set.count - 1], .type_mask = ~0u, .view = &v, .basemap = &map,
        .width = 1920, .height = 1080, .scale = scale, .furniture = false, .graticule = true,
        .measure = fake_measure, .measure_ctx = &scale,
    };
    Scene s = {0};
    scene_build(&s, &in);
    assert_true(has_label(&s, "15\xc2\xb0N"));
    assert_true(has_label(&s, "20\xc2\xb0N"));
    assert_true(has_label(&s, "5\xc2\xb0" "E"));
    assert_true(has_label(&s, "5\xc2\xb0W"));
    in.graticule = false;
    scene_build(&s, &in);
    assert_false(has_label(&s, "15\xc2\xb0N"));
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

static bool has_item_text(const Scene *s, const char *text)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].kind == ITEM_TEXT &&
            strcmp(scene_text(s, s->items[i].u.text.text), text) == 0)
            return true;
    return false;
}

/* At small sizes the legend keeps only its type rows (still clickable);
 * a grid's legend only its ramp. At full size it has its keys. */
static void test_legend_collapses_when_small(void **state)
{
    (void)state;
    const struct { int w, h; bool compact; } sizes[] = {
        {1920, 1080, false}, {1280, 720, false}, {800, 500, true}, {800, 450, true}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        View v;
        view_init(&v, PROJ_LAEA, 0, 0, sizes[k].w, sizes[k].h);
        Scene s = {0};
        float keep = scale;
        scale = scene_scale_for(sizes[k].w, sizes[k].h);
        build(&s, &v, ~0u, true);
        assert_true(has_item_text(&s, "Events in view"));
        assert_true(has_item_text(&s, "Battles"));
        assert_int_equal(has_item_text(&s, "Fatalities (circle area)"), !sizes[k].compact);
        assert_int_equal(has_item_text(&s, "Location approximate"), !sizes[k].compact);
        for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
            const float *e = s.legend_entry[t];
            assert_true(e[2] > 0);
            assert_int_equal(scene_pick_legend(&s, e[0] + e[2] / 2, e[1] + e[3] / 2), t);
            assert_true(e[1] + e[3] <= sizes[k].h);
        }
        scene_free(&s);
        scale = keep;
    }
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
    view_lonlat_to_screen(&v, events_lon(&set, tz), events_lat(&set, tz), &sx, &sy);
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

/* Markers placed by hand, drawn in this order (the last on top). */
static void test_pick_markers(void **state)
{
    (void)state;
    SceneMarker mk[5] = {
        {.x = 100, .y = 100, .r = 20, .event = 10},      /* big, at the bottom */
        {.x = 105, .y = 100, .r = 3, .event = 11},
        {.x = 300, .y = 300, .r = 2, .event = 12},       /* alone, small */
        {.x = 100, .y = 100, .r = 2, .event = 13},       /* on top */
        {.x = 600, .y = 300, .r = 40, .event = 14},
    };
    Scene s = {0};
    s.markers = mk;
    s.nmarkers = 5;
    s.scale = 1;
    uint32_t out[8];
    memset(out, 0xFF, sizeof out);
    /* Top-most first. */
    assert_int_equal(scene_pick_markers(&s, 100, 100, out, 8), 3);
    assert_int_equal(out[0], 13);
    assert_int_equal(out[1], 11);
    assert_int_equal(out[2], 10);
    assert_int_equal(out[3], UINT32_MAX);             /* nothing past n */
    /* The cap is respected: the top-most ones. */
    memset(out, 0xFF, sizeof out);
    assert_int_equal(scene_pick_markers(&s, 100, 100, out, 2), 2);
    assert_int_equal(out[0], 13);
    assert_int_equal(out[1], 11);
    assert_int_equal(out[2], UINT32_MAX);
    assert_int_equal(scene_pick_markers(&s, 100, 100, out, 1), 1);
    assert_int_equal(out[0], 13);
    assert_int_equal(scene_pick_markers(&s, 100, 100, out, 0), 0);
    /* A small marker is hit 5 px away (its radius is 2) ... */
    assert_int_equal(scene_pick_markers(&s, 305, 300, out, 8), 1);
    assert_int_equal(out[0], 12);
    assert_int_equal(scene_pick_markers(&s, 300, 295, out, 8), 1);
    assert_int_equal(scene_pick_markers(&s, 303, 304, out, 8), 1);   /* 5 px diagonally */
    /* ... but not far beyond it. */
    assert_int_equal(scene_pick_markers(&s, 307.5f, 300, out, 8), 0);
    assert_int_equal(scene_pick_markers(&s, 300, 292.5f, out, 8), 0);
    /* A big marker is hit within its radius, not beyond. */
    assert_int_equal(scene_pick_markers(&s, 600, 339, out, 8), 1);
    assert_int_equal(out[0], 14);
    assert_int_equal(scene_pick_markers(&s, 600 - 28, 300 - 28, out, 8), 1);   /* 39.6 px */
    assert_int_equal(scene_pick_markers(&s, 600, 342.5f, out, 8), 0);
    /* Off the markers: nothing. */
    assert_int_equal(scene_pick_markers(&s, 450, 100, out, 8), 0);
    assert_int_equal(scene_pick_markers(&s, -100, -100, out, 8), 0);

    /* At scale 2 the minimum reach is 10 px. */
    s.scale = 2;
    assert_int_equal(scene_pick_markers(&s, 310, 300, out, 8), 1);
    assert_int_equal(out[0], 12);
    assert_int_equal(scene_pick_markers(&s, 307.5f, 300, out, 8), 1);
    assert_int_equal(scene_pick_markers(&s, 313, 300, out, 8), 0);
    /* ... and does not shrink a big marker. */
    assert_int_equal(scene_pick_markers(&s, 600, 339, out, 8), 1);
    s.scale = 0.5f;                                   /* 2.5 px */
    assert_int_equal(scene_pick_markers(&s, 302.5f, 300, out, 8), 1);
    assert_int_equal(scene_pick_markers(&s, 305, 300, out, 8), 0);

    /* A stack in date order (the event set's order), for its list. */
    s.scale = 1;
    memset(out, 0xFF, sizeof out);
    assert_int_equal(scene_pick_stack(&s, 100, 100, out, 8), 3);
    assert_int_equal(out[0], 10);
    assert_int_equal(out[1], 11);
    assert_int_equal(out[2], 13);
    assert_int_equal(out[3], UINT32_MAX);
    assert_int_equal(scene_pick_stack(&s, 100, 100, out, 2), 2);   /* the top-most two */
    assert_int_equal(out[0], 11);
    assert_int_equal(out[1], 13);
    assert_int_equal(scene_pick_stack(&s, 450, 100, out, 8), 0);
    /* The marker of an event, for the highlight ring. */
    assert_ptr_equal(scene_find_marker(&s, 12), &mk[2]);
    assert_null(scene_find_marker(&s, 99));

    /* No markers: nothing. */
    s.nmarkers = 0;
    assert_int_equal(scene_pick_markers(&s, 100, 100, out, 8), 0);
    assert_null(scene_find_marker(&s, 12));
}

/* The same on the fixture's real markers. */
static void test_pick_built_markers(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    assert_int_equal(s.nmarkers, 7);
    for (size_t m = 0; m < s.nmarkers; m++) {
        const SceneMarker *mk = &s.markers[m];
        uint32_t out[16];
        int n = scene_pick_markers(&s, mk->x, mk->y, out, 16);
        assert_true(n >= 1);
        bool found = false;
        for (int k = 0; k < n; k++) found |= out[k] == mk->event;
        assert_true(found);
        /* The first is the top-most marker reaching the point. */
        size_t top = m;
        for (size_t o = m + 1; o < s.nmarkers; o++) {
            float dx = s.markers[o].x - mk->x, dy = s.markers[o].y - mk->y;
            float reach = fmaxf(s.markers[o].r, 5 * s.scale);
            if (dx * dx + dy * dy <= reach * reach) top = o;
        }
        assert_int_equal(out[0], s.markers[top].event);
        /* The event under a marker is the one it stands for. */
        double sx, sy;
        view_lonlat_to_screen(&v, events_lon(&set, mk->event), events_lat(&set, mk->event), &sx,
                              &sy);
        assert_float_equal(sx, mk->x, 0.5);
        assert_float_equal(sy, mk->y, 0.5);
    }
    /* A point well away from every marker. */
    float px = 0, py = 0;
    bool clear = false;
    for (int k = 0; k < 1000 && !clear; k++) {
        px = (float)(37 * k % 1920);
        py = (float)(53 * k % 1080);
        clear = true;
        for (size_t m = 0; m < s.nmarkers; m++) {
            float dx = s.markers[m].x - px, dy = s.markers[m].y - py;
            float reach = fmaxf(s.markers[m].r, 5 * s.scale) + 10;
            clear &= dx * dx + dy * dy > reach * reach;
        }
    }
    assert_true(clear);
    uint32_t out[4];
    assert_int_equal(scene_pick_markers(&s, px, py, out, 4), 0);
    scene_free(&s);
}

static void test_pick_legend(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    Scene s = {0};
    build(&s, &v, ~0u, true);
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        const float *e = s.legend_entry[t];
        assert_true(e[2] > 0 && e[3] > 0);
        assert_int_equal(scene_pick_legend(&s, e[0] + e[2] / 2, e[1] + e[3] / 2), t);
        assert_int_equal(scene_pick_legend(&s, e[0], e[1]), t);     /* top-left is in */
        assert_int_equal(scene_pick_legend(&s, e[0] + e[2] - 0.01f, e[1] + e[3] - 0.01f), t);
        /* Just outside each side: not this entry. */
        assert_int_not_equal(scene_pick_legend(&s, e[0] - 0.5f, e[1] + e[3] / 2), t);
        assert_int_not_equal(scene_pick_legend(&s, e[0] + e[2] + 0.5f, e[1] + e[3] / 2), t);
        assert_int_not_equal(scene_pick_legend(&s, e[0] + e[2] / 2, e[1] - 0.5f), t);
        assert_int_not_equal(scene_pick_legend(&s, e[0] + e[2] / 2, e[1] + e[3] + 0.5f), t);
    }
    /* Entries do not overlap: each centre picks its own type (above). */
    assert_int_equal(scene_pick_legend(&s, -1, -1), EVENT_UNKNOWN);
    assert_int_equal(scene_pick_legend(&s, 10, 10), EVENT_UNKNOWN);
    assert_int_equal(scene_pick_legend(&s, 960, 540), EVENT_UNKNOWN);
    float cx = s.legend_entry[EVENT_RIOTS][0] + s.legend_entry[EVENT_RIOTS][2] / 2;
    float cy = s.legend_entry[EVENT_RIOTS][1] + s.legend_entry[EVENT_RIOTS][3] / 2;
    /* Without furniture there is no legend to click. */
    build(&s, &v, ~0u, false);
    assert_int_equal(scene_pick_legend(&s, cx, cy), EVENT_UNKNOWN);
    scene_free(&s);
    /* An entry of no width is not there. */
    Scene h = {0};
    h.legend_entry[EVENT_BATTLES][0] = 10;
    h.legend_entry[EVENT_BATTLES][1] = 10;
    h.legend_entry[EVENT_BATTLES][3] = 20;
    assert_int_equal(scene_pick_legend(&h, 10, 15), EVENT_UNKNOWN);
    h.legend_entry[EVENT_BATTLES][2] = 30;
    assert_int_equal(scene_pick_legend(&h, 10, 15), EVENT_BATTLES);
    assert_int_equal(scene_pick_legend(&h, 40, 15), EVENT_UNKNOWN);
    assert_int_equal(scene_pick_legend(&h, 39.9f, 29.9f), EVENT_BATTLES);
    assert_int_equal(scene_pick_legend(&h, 20, 30), EVENT_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marker_radius),
        cmocka_unit_test(test_markers_and_counts),
        cmocka_unit_test(test_labels_never_overlap),
        cmocka_unit_test(test_towns_with_events_are_named),
        cmocka_unit_test(test_editor_furniture),
        cmocka_unit_test(test_graticule_labels),
        cmocka_unit_test(test_scale_bar_is_true),
        cmocka_unit_test(test_north_arrow_and_legend),
        cmocka_unit_test(test_legend_collapses_when_small),
        cmocka_unit_test(test_aggregation_counts_the_same),
        cmocka_unit_test(test_without_furniture),
        cmocka_unit_test(test_pick_markers),
        cmocka_unit_test(test_pick_built_markers),
        cmocka_unit_test(test_pick_legend),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

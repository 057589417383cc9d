/*
 * test_export_colorby: `sahelmap export --color-by actor` on the bundled
 * data. The figure drawn in process lists the top actors (actor 1) in view
 * with their counts and Other in its legend; every marker takes its
 * class's colour; the legend's swatches and a marker of each class show
 * that colour in the pixels; and the command line's PNG has the same
 * colours at the same places (the same drawing code). Sub-type and
 * country colourings draw too, and a density layer says the classes are
 * for markers only.
 */
#include "testutil.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basemap.h"
#include "bundled.h"
#include "export.h"
#include "load.h"
#include "scene.h"

static EventSet set;
static Basemap map;
static FrameData data;
static char credit[256];

static int setup(void **state)
{
    (void)state;
    Error err;
    char **paths = bundled_files(test_config(), &err);
    if (paths == NULL) return -1;
    events_init(&set);
    LoadReport reports[8];
    int n = 0;
    for (; paths[n] != NULL && n < 8; n++)
        if (!load_file(&set, paths[n], &reports[n])) return -1;
    events_finish(&set);
    export_event_credit(&set, reports, paths, n, credit, sizeof credit);
    bundled_free(paths);
    char path[4096];
    bundled_asset(test_config(), "sahel-basemap.json", path, sizeof path);
    if (!basemap_load(&map, path, &err)) return -1;
    Proj laea;
    proj_init(&laea, PROJ_LAEA);
    basemap_project(&map, &laea);
    data = (FrameData){.set = &set, .map = &map, .event_credit = credit};
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    events_free(&set);
    basemap_free(&map);
    return 0;
}

static uint32_t pixel(const SDL_Surface *s, float fx, float fy)
{
    int x = (int)floorf(fx), y = (int)floorf(fy);
    assert_true(x >= 0 && y >= 0 && x < s->w && y < s->h);
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x] & 0xFFFFFFu;
}

/* The largest channel difference of two 0xRRGGBB colours. */
static int distance(uint32_t a, uint32_t b)
{
    int worst = 0;
    for (int sh = 0; sh <= 16; sh += 8) {
        int d = abs((int)((a >> sh) & 0xFF) - (int)((b >> sh) & 0xFF));
        if (d > worst) worst = d;
    }
    return worst;
}

/* A marker's fill: its colour at 86% over white (marks.c), drawn over a
 * near-white panel or the pale basemap. */
static uint32_t over_white(uint32_t argb)
{
    uint32_t out = 0;
    for (int sh = 0; sh <= 16; sh += 8) {
        double c = ((argb >> sh) & 0xFF) * 0.86 + 255 * 0.14;
        out |= (uint32_t)lround(c) << sh;
    }
    return out;
}

/* The legend's swatch (a symbol item) of colour c, or NULL. */
static const SceneMarker *swatch(const Scene *s, uint32_t c)
{
    for (size_t k = 0; k < s->nitems; k++)
        if (s->items[k].kind == ITEM_MARKER && s->items[k].u.marker.color == c)
            return &s->items[k].u.marker;
    return NULL;
}

static bool has_text(const Scene *s, const char *text)
{
    for (size_t k = 0; k < s->nitems; k++)
        if (s->items[k].kind == ITEM_TEXT && strcmp(scene_text(s, s->items[k].u.text.text), text) == 0)
            return true;
    return false;
}

static SDL_Surface *load_png(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (raw == NULL) fail_msg("cannot read %s: %s", path, IMG_GetError());
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    return s;
}

static void test_color_by_actor(void **state)
{
    (void)state;
    Figure fig;
    figure_init(&fig);
    fig.color_by = COLOR_BY_ACTOR;
    Error err;
    Scene s;
    SDL_Surface *img = export_draw(&data, &fig, &s, &err);
    if (img == NULL) fail_msg("%s", err.msg);

    /* The classes: the eight actors (actor 1) with most events in view. */
    const SceneClasses *c = &s.classes;
    assert_int_equal(c->by, COLOR_BY_ACTOR);
    assert_int_equal(c->n, SCENE_MAX_CLASSES);
    assert_string_equal(scene_class_name(c, &set, 0), "Military Forces of Mali (2021-)");
    assert_int_equal(s.class_count[0], 21);
    assert_string_equal(scene_class_name(c, &set, 1),
                        "JNIM: Group for Support of Islam and Muslims");
    assert_int_equal(s.class_count[1], 16);
    assert_string_equal(scene_class_name(c, &set, 2), "Islamic State (Greater Sahara)");
    assert_int_equal(s.class_count[2], 12);
    size_t total = 0;
    for (int k = 0; k <= c->n; k++) total += s.class_count[k];
    assert_int_equal(total, s.events_in_view);
    assert_true(s.class_count[c->n] > 0);

    /* The legend: its head, a row per class and Other, with counts. */
    assert_true(has_text(&s, "Events in view by actor 1"));
    assert_true(has_text(&s, "Military Forces of Mali (2021-)"));
    assert_true(has_text(&s, "21"));
    assert_true(has_text(&s, "Other"));
    assert_false(has_text(&s, "Battles"));
    char other[32];
    scene_format_count((int64_t)s.class_count[c->n], other, sizeof other);
    assert_true(has_text(&s, other));

    /* Markers take their class's colour, and each class's colour is in
     * the pixels: at its legend swatch, and at one of its markers. */
    for (size_t m = 0; m < s.nmarkers; m++)
        assert_int_equal(s.markers[m].color,
                         c->color[scene_class_of(c, &set, s.markers[m].event)]);
    for (int k = 0; k <= c->n; k++) {
        const SceneMarker *sw = swatch(&s, c->color[k]);
        assert_non_null(sw);
        uint32_t got = pixel(img, sw->x, sw->y), want = over_white(c->color[k]);
        if (distance(got, want) > 24)
            fail_msg("class %d's swatch is %06X, not about %06X", k, got, want);
    }
    print_message("classes: %d + Other, %zu markers\n", c->n, s.nmarkers);

    /* The command line's PNG: the same colours at the same places. */
    char out[1024], cmd[2048];
    snprintf(out, sizeof out, "%s/colorby-actor.png", OUTPUT_DIR);
    snprintf(cmd, sizeof cmd, "'%s' -q export --color-by actor -o '%s'", SAHELMAP_PATH, out);
    assert_int_equal(system(cmd), 0);
    SDL_Surface *cli = load_png(out);
    assert_int_equal(cli->w, img->w);
    assert_int_equal(cli->h, img->h);
    for (int k = 0; k <= c->n; k++) {
        const SceneMarker *sw = swatch(&s, c->color[k]);
        assert_true(distance(pixel(cli, sw->x, sw->y), pixel(img, sw->x, sw->y)) <= 4);
    }
    /* ... and it is not the type colouring's picture there. */
    snprintf(out, sizeof out, "%s/colorby-type.png", OUTPUT_DIR);
    snprintf(cmd, sizeof cmd, "'%s' -q export -o '%s'", SAHELMAP_PATH, out);
    assert_int_equal(system(cmd), 0);
    SDL_Surface *typed = load_png(out);
    int differ = 0;
    for (int k = 0; k <= c->n; k++) {
        const SceneMarker *sw = swatch(&s, c->color[k]);
        differ += distance(pixel(typed, sw->x, sw->y), pixel(cli, sw->x, sw->y)) > 24;
    }
    assert_true(differ >= c->n / 2);
    SDL_FreeSurface(typed);
    SDL_FreeSurface(cli);
    SDL_FreeSurface(img);
    scene_free(&s);
    figure_free(&fig);
}

static void test_other_colorings(void **state)
{
    (void)state;
    for (int by = COLOR_BY_COUNTRY; by < COLOR_BY_COUNT; by++) {
        Figure fig;
        figure_init(&fig);
        fig.color_by = (ColorBy)by;
        Error err;
        Scene s;
        SDL_Surface *img = export_draw(&data, &fig, &s, &err);
        assert_non_null(img);
        assert_int_equal(s.classes.by, by);
        assert_true(s.classes.n >= 3);
        assert_true(has_text(&s, by == COLOR_BY_COUNTRY ? "Events in view by country"
                                                        : "Events in view by sub-event type"));
        if (by == COLOR_BY_COUNTRY) {
            assert_string_equal(scene_class_name(&s.classes, &set, 0), "Mali");
            assert_int_equal(s.classes.n, 3);
            assert_false(s.classes.other);
        } else {
            assert_string_equal(scene_class_name(&s.classes, &set, 0), "Armed clash");
            assert_true(has_text(&s, "Other (strategic)"));     /* ACLED's own Other */
        }
        SDL_FreeSurface(img);
        scene_free(&s);
        figure_free(&fig);
    }
    /* A density layer: the classes are counted, the legend says they are
     * not what the cells show. */
    Figure fig;
    figure_init(&fig);
    fig.color_by = COLOR_BY_ACTOR;
    fig.layer = SCENE_LAYER_DENSITY;
    Error err;
    Scene s;
    SDL_Surface *img = export_draw(&data, &fig, &s, &err);
    assert_non_null(img);
    assert_int_equal(s.nmarkers, 0);
    assert_true(has_text(&s, "Colour by actor: markers only, not the density cells"));
    SDL_FreeSurface(img);
    scene_free(&s);
    figure_free(&fig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_color_by_actor),
        cmocka_unit_test(test_other_colorings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

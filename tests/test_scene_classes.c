/*
 * test_scene_classes: the colour classes of --color-by actor, country and
 * sub-type, without SDL. The top actors in view plus Other, with counts;
 * equal counts ordered by name whatever the load order; only events in
 * view and shown counted; a class range (fixed classes) counted over its
 * own days; sub-event types grouped by type in their type's hues; the
 * markers and the legend taking the classes' colours and counts.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "scene.h"

static void fake_measure(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    (void)ctx;
    *w = 0.6f * scene_font_size[font] * (float)strlen(text);
    *h = 1.2f * scene_font_size[font];
}

/* One event at (lon, lat) on `day` by actor in country, of a sub-type. */
static void add(EventSet *set, const char *actor, const char *country, SubEventType sub,
                int32_t day, double lon)
{
    static int next = 0;
    char id[32];
    snprintf(id, sizeof id, "E%d", next++);
    EventInput in = {.id = id, .day = day, .day_end = day, .date_precision = 1,
                     .geo_precision = 1, .lon = lon, .lat = 15, .type = events_sub_type_parent(sub),
                     .sub_type = sub, .actor1 = actor, .country = country, .fatalities = 1,
                     .fatalities_low = 1, .fatalities_high = 1};
    assert_int_equal(events_add(set, &in), EVENTS_ADDED);
}

/* Actors by events: JNIM 6, Army 4, then Beta, Alpha and Gamma 3 each
 * (added Gamma, Beta, Alpha: their order must come from their names), six
 * more with 1 each (Z1..Z6), and two events with no actor 1. All on day
 * 100 in Mali at 0..2 E, but for one far away (lon 60, out of view) and
 * Army's 4 that include one on day 500. */
static void make_set(EventSet *set)
{
    events_init(set);
    for (int k = 0; k < 6; k++) add(set, "JNIM", "Mali", SUB_ATTACK, 100, 1.0);
    for (int k = 0; k < 3; k++) add(set, "Army", "Niger", SUB_ARMED_CLASH, 100, 1.2);
    add(set, "Army", "Niger", SUB_ARMED_CLASH, 500, 1.2);
    for (int k = 0; k < 3; k++) add(set, "Gamma", "Mali", SUB_AIR_DRONE_STRIKE, 100, 0.5);
    for (int k = 0; k < 3; k++) add(set, "Beta", "Burkina Faso", SUB_ARMED_CLASH, 100, 0.4);
    for (int k = 0; k < 3; k++) add(set, "Alpha", "Mali", SUB_PEACEFUL_PROTEST, 100, 0.3);
    for (int k = 1; k <= 6; k++) {
        char name[8];
        snprintf(name, sizeof name, "Z%d", 7 - k);
        add(set, name, "Mali", k % 2 ? SUB_SHELLING : SUB_ARRESTS, 100, 0.2);
    }
    add(set, "", "", SUB_NONE, 100, 0.1);
    add(set, NULL, "Mali", SUB_NONE, 100, 0.1);
    add(set, "Faraway", "Chad", SUB_ATTACK, 100, 60);      /* out of view */
    events_finish(set);
}

static View view_of_sahel(void)
{
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1600, 900);
    assert_true(view_fit_bbox(&v, -6, 8, 8, 22));
    return v;
}

static SceneInput input(const EventSet *set, const View *v, ColorBy by, int32_t day0,
                        int32_t day1)
{
    size_t lo, hi;
    events_range(set, day0, day1, &lo, &hi);
    return (SceneInput){.events = set, .lo = lo, .hi = hi, .day0 = day0, .day1 = day1,
                        .type_mask = ~0u, .view = v, .width = v->w, .height = v->h,
                        .scale = 1, .furniture = true, .layer = SCENE_LAYER_MARKERS,
                        .color_by = by, .measure = fake_measure};
}

static const char *name(const SceneClasses *c, const EventSet *set, int k)
{
    return scene_class_name(c, set, k);
}

static void test_top_actors_and_other(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    View v = view_of_sahel();
    SceneInput in = input(&set, &v, COLOR_BY_ACTOR, 100, 100);
    SceneClasses c;
    scene_classes_count(&in, &c);
    assert_int_equal(c.by, COLOR_BY_ACTOR);
    assert_int_equal(c.n, SCENE_MAX_CLASSES);
    /* Most first; the 3s by name; then the 1s by name (Z1, Z2, Z3). */
    static const char *const want[SCENE_MAX_CLASSES] = {"JNIM", "Alpha", "Army", "Beta",
                                                         "Gamma", "Z1", "Z2", "Z3"};
    static const size_t counts[SCENE_MAX_CLASSES] = {6, 3, 3, 3, 3, 1, 1, 1};
    for (int k = 0; k < c.n; k++) {
        assert_string_equal(name(&c, &set, k), want[k]);
        assert_int_equal(c.events[k], counts[k]);
    }
    /* Other: Z4..Z6 and the two events with no actor; Faraway is out of
     * view, Army's day 500 out of the window. */
    assert_true(c.other);
    assert_int_equal(c.events[c.n], 5);
    assert_string_equal(name(&c, &set, c.n), "Other");
    /* Colours: all different, Other grey. */
    for (int a = 0; a <= c.n; a++)
        for (int b = a + 1; b <= c.n; b++) assert_int_not_equal(c.color[a], c.color[b]);
    assert_int_equal(c.color[0], 0xFF0072B2u);             /* Okabe-Ito blue first */

    /* Each event's class. */
    for (size_t i = 0; i < set.count; i++) {
        const char *actor = events_text(&set, i, TEXT_ACTOR1);
        int k = scene_class_of(&c, &set, i);
        if (strcmp(actor, "JNIM") == 0) assert_int_equal(k, 0);
        else if (strcmp(actor, "Z3") == 0) assert_int_equal(k, 7);
        else if (actor[0] == '\0' || strcmp(actor, "Z5") == 0) assert_int_equal(k, c.n);
    }

    /* A hidden type is not counted: without battles, Army and Beta go. */
    in.type_mask = ~0u & ~(1u << EVENT_BATTLES);
    scene_classes_count(&in, &c);
    assert_string_equal(name(&c, &set, 1), "Alpha");
    assert_string_equal(name(&c, &set, 2), "Gamma");
    assert_string_equal(name(&c, &set, 3), "Z1");
    /* Type colouring has no classes. */
    in.color_by = COLOR_BY_TYPE;
    scene_classes_count(&in, &c);
    assert_int_equal(c.n, 0);
    assert_false(c.other);
    events_free(&set);
}

static void test_ties_do_not_follow_load_order(void **state)
{
    (void)state;
    /* The same events added in reverse: the same classes, same colours. */
    EventSet a, b;
    make_set(&a);
    events_init(&b);
    for (size_t i = a.count; i-- > 0;) {
        char id[32];
        snprintf(id, sizeof id, "R%zu", i);
        EventInput in = {.id = id, .day = a.day[i], .day_end = a.day[i], .date_precision = 1,
                         .geo_precision = 1, .lon = events_lon(&a, i), .lat = events_lat(&a, i),
                         .type = (EventType)a.type[i], .sub_type = (SubEventType)a.sub_type[i],
                         .actor1 = events_text(&a, i, TEXT_ACTOR1),
                         .country = events_text(&a, i, TEXT_COUNTRY)};
        events_add(&b, &in);
    }
    events_finish(&b);
    View v = view_of_sahel();
    for (int by = COLOR_BY_ACTOR; by < COLOR_BY_COUNT; by++) {
        SceneInput ia = input(&a, &v, (ColorBy)by, 100, 100);
        SceneInput ib = input(&b, &v, (ColorBy)by, 100, 100);
        SceneClasses ca, cb;
        scene_classes_count(&ia, &ca);
        scene_classes_count(&ib, &cb);
        assert_int_equal(ca.n, cb.n);
        for (int k = 0; k <= ca.n; k++) {
            assert_string_equal(name(&ca, &a, k), name(&cb, &b, k));
            assert_int_equal(ca.events[k], cb.events[k]);
            assert_int_equal(ca.color[k], cb.color[k]);
        }
    }
    events_free(&a);
    events_free(&b);
}

static void test_countries_and_class_range(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    View v = view_of_sahel();
    SceneInput in = input(&set, &v, COLOR_BY_COUNTRY, 100, 100);
    SceneClasses c;
    scene_classes_count(&in, &c);
    /* Mali 19 (one with no actor), Niger 3, Burkina Faso 3; one with no
     * country is Other; Chad is out of view. */
    assert_int_equal(c.n, 3);
    assert_string_equal(name(&c, &set, 0), "Mali");
    assert_int_equal(c.events[0], 19);
    assert_string_equal(name(&c, &set, 1), "Burkina Faso");
    assert_string_equal(name(&c, &set, 2), "Niger");
    assert_true(c.other);
    assert_int_equal(c.events[3], 1);

    /* Counted over days 500..500 only: Niger alone, whatever the window. */
    in.class_range = true;
    events_range(&set, 500, 500, &in.class_lo, &in.class_hi);
    scene_classes_count(&in, &c);
    assert_int_equal(c.n, 1);
    assert_string_equal(name(&c, &set, 0), "Niger");
    assert_false(c.other);

    /* The scene takes those classes: a Mali marker is then Other (grey),
     * and the legend's rows are Niger and Other with their counts in view. */
    Scene s = {0};
    scene_build(&s, &in);
    assert_int_equal(s.classes.n, 1);
    assert_int_equal(s.class_count[0], 3);
    assert_int_equal(s.class_count[1], 23);
    for (size_t m = 0; m < s.nmarkers; m++) {
        const char *country = events_text(&set, s.markers[m].event, TEXT_COUNTRY);
        assert_int_equal(s.markers[m].color,
                         strcmp(country, "Niger") == 0 ? s.classes.color[0] : s.classes.color[1]);
    }
    bool niger = false, other = false, types = false, head = false;
    for (size_t k = 0; k < s.nitems; k++) {
        if (s.items[k].kind != ITEM_TEXT) continue;
        const char *t = scene_text(&s, s.items[k].u.text.text);
        niger |= strcmp(t, "Niger") == 0;
        other |= strcmp(t, "Other") == 0;
        types |= strcmp(t, "Battles") == 0;
        head |= strcmp(t, "Events in view by country") == 0;
    }
    assert_true(head);
    assert_true(niger);
    assert_false(other);           /* Other held nothing where counted */
    assert_false(types);           /* the type rows are replaced */
    /* No legend entry toggles a type. */
    for (int t = 0; t < EVENT_TYPE_COUNT; t++) assert_true(s.legend_entry[t][2] == 0);

    /* Classes given (a window's playback): used as they are. */
    SceneClasses fixed = c;
    in.class_range = false;
    in.classes = &fixed;
    scene_build(&s, &in);
    assert_int_equal(s.classes.n, 1);
    assert_int_equal(s.classes.key[0], fixed.key[0]);
    scene_free(&s);
    events_free(&set);
}

static void test_sub_types_in_type_hues(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    View v = view_of_sahel();
    SceneInput in = input(&set, &v, COLOR_BY_SUB_TYPE, 100, 100);
    SceneClasses c;
    scene_classes_count(&in, &c);
    /* Armed clash 6, Attack 6, Air/drone strike 3, Peaceful protest 3,
     * Shelling 3, Arrests 3: listed by type, then by count and name. */
    static const char *const want[] = {"Armed clash", "Air/drone strike",
                                       "Shelling/artillery/missile attack", "Attack",
                                       "Peaceful protest", "Arrests"};
    assert_int_equal(c.n, 6);
    for (int k = 0; k < c.n; k++) assert_string_equal(name(&c, &set, k), want[k]);
    assert_int_equal(c.events[0], 6);
    /* The first of a type takes the type's colour; the second a shade of it. */
    assert_int_equal(c.color[0], scene_type_color(EVENT_BATTLES));
    assert_int_equal(c.color[1], scene_type_color(EVENT_EXPLOSIONS));
    assert_int_not_equal(c.color[2], scene_type_color(EVENT_EXPLOSIONS));
    assert_int_equal(c.color[3], scene_type_color(EVENT_VIOLENCE_CIVILIANS));
    assert_true(c.other);                          /* the two with no sub-type */
    assert_string_equal(name(&c, &set, c.n), "Other sub-types");
    events_free(&set);
}

static void test_grid_legend_says_markers_only(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    View v = view_of_sahel();
    SceneInput in = input(&set, &v, COLOR_BY_ACTOR, 100, 100);
    in.layer = SCENE_LAYER_DENSITY;
    Scene s = {0};
    scene_build(&s, &in);
    assert_int_not_equal(s.grid.kind, GRID_NONE);
    bool note = false;
    for (size_t k = 0; k < s.nitems; k++)
        if (s.items[k].kind == ITEM_TEXT &&
            strstr(scene_text(&s, s.items[k].u.text.text), "markers only") != NULL)
            note = true;
    assert_true(note);
    scene_free(&s);
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_actors_and_other),
        cmocka_unit_test(test_ties_do_not_follow_load_order),
        cmocka_unit_test(test_countries_and_class_range),
        cmocka_unit_test(test_sub_types_in_type_hues),
        cmocka_unit_test(test_grid_legend_says_markers_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

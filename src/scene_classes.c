/*
 * scene_classes: the colour classes of a colouring other than by event
 * type (--color-by actor, country, sub-type). See scene.h.
 *
 * The classes are the values with the most events in view (actor 1 only:
 * one marker, one colour, and the counts add up to the events in view),
 * at most SCENE_MAX_CLASSES of them, and Other. Actors and countries take
 * the Okabe-Ito palette the event types use, in an order that keeps the
 * first classes furthest apart; sub-event types take their event type's
 * hue, darker and lighter for a second and third of the same type, and
 * are listed by type so a family stays together.
 */
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "scene_private.h"
#include "stats.h"
#include "xalloc.h"

static const char *const color_by_names[COLOR_BY_COUNT] = {"type", "actor", "country",
                                                           "sub-type"};

const char *scene_color_by_name(ColorBy by)
{
    return (unsigned)by < COLOR_BY_COUNT ? color_by_names[by] : color_by_names[0];
}

bool scene_color_by_parse(const char *s, ColorBy *by)
{
    for (int k = 0; k < COLOR_BY_COUNT; k++) {
        if (strcmp(s, color_by_names[k]) == 0) {
            *by = (ColorBy)k;
            return true;
        }
    }
    return false;
}

/* Okabe-Ito, ordered so that the first few classes differ most; the
 * yellow (weak on a pale map) comes late. Other is a neutral grey. */
static const uint32_t palette[SCENE_MAX_CLASSES] = {
    0xFF0072B2u,    /* blue */
    0xFFD55E00u,    /* vermillion */
    0xFF009E73u,    /* bluish green */
    0xFFE69F00u,    /* orange */
    0xFFCC79A7u,    /* reddish purple */
    0xFF56B4E9u,    /* sky blue */
    0xFF262626u,    /* black (softened) */
    0xFFF0E442u,    /* yellow */
};
#define OTHER_COLOR 0xFFA3A3A3u

/* The value of event i that a colouring classes (0: none). */
static uint32_t value_of(ColorBy by, const EventSet *set, size_t i)
{
    switch (by) {
    case COLOR_BY_ACTOR: return events_text_ref(set, i, TEXT_ACTOR1);
    case COLOR_BY_COUNTRY: return events_text_ref(set, i, TEXT_COUNTRY);
    case COLOR_BY_SUB_TYPE: return set->sub_type[i] < SUB_COUNT ? set->sub_type[i] : 0;
    case COLOR_BY_TYPE:
    case COLOR_BY_COUNT: break;
    }
    return 0;
}

static const char *value_name(ColorBy by, const EventSet *set, uint32_t key)
{
    if (by == COLOR_BY_SUB_TYPE) return events_sub_type_name((SubEventType)key);
    return strpool_get(&set->strings, key);
}

int scene_class_of(const SceneClasses *c, const EventSet *set, size_t i)
{
    uint32_t v = value_of((ColorBy)c->by, set, i);
    if (v == 0) return c->n;
    for (int k = 0; k < c->n; k++)
        if (c->key[k] == v) return k;
    return c->n;
}

const char *scene_class_name(const SceneClasses *c, const EventSet *set, int k)
{
    if (k < 0 || k >= c->n) return c->by == COLOR_BY_SUB_TYPE ? "Other sub-types" : "Other";
    /* ACLED's own "Other" (a strategic development) is not the legend's. */
    if (c->by == COLOR_BY_SUB_TYPE && c->key[k] == SUB_OTHER) return "Other (strategic)";
    return value_name((ColorBy)c->by, set, c->key[k]);
}

/* A colour moved towards black (t < 0) or white (t > 0) by |t|. */
static uint32_t shade(uint32_t argb, float t)
{
    uint32_t out = argb & 0xFF000000u;
    for (int sh = 0; sh <= 16; sh += 8) {
        float v = (float)((argb >> sh) & 0xFF);
        v = t < 0 ? v * (1 + t) : v + (255 - v) * t;
        out |= (uint32_t)(v + 0.5f) << sh;
    }
    return out;
}

/* Sorting candidates: most events first, then by name. */
typedef struct Candidate {
    uint32_t key;
    size_t events;
    const char *name;
    EventType parent;
} Candidate;

static int by_events(const void *a, const void *b)
{
    const Candidate *x = a, *y = b;
    if (x->events != y->events) return x->events > y->events ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Sub-event types: grouped by their event type, then as above. */
static int by_family(const void *a, const void *b)
{
    const Candidate *x = a, *y = b;
    if (x->parent != y->parent) return x->parent < y->parent ? -1 : 1;
    return by_events(a, b);
}

void scene_classes_count(const SceneInput *in, SceneClasses *out)
{
    memset(out, 0, sizeof *out);
    out->by = (uint8_t)in->color_by;
    if (in->color_by == COLOR_BY_TYPE || (unsigned)in->color_by >= COLOR_BY_COUNT) return;
    const EventSet *set = in->events;
    const View *v = in->view;
    size_t lo = in->class_range ? in->class_lo : in->lo;
    size_t hi = in->class_range ? in->class_hi : in->hi;
    StatsGroup group = {0};
    size_t none = 0;
    for (size_t i = lo; i < hi && i < set->count; i++) {
        double sx, sy;
        if (!scene_event_point(in, i, &sx, &sy) || !view_contains(v, sx, sy)) continue;
        uint32_t value = value_of(in->color_by, set, i);
        if (value == 0) none++;
        else stats_group_add(&group, value, 0);
    }
    Candidate *cand = xmalloc((group.count + 1) * sizeof *cand);
    for (size_t r = 0; r < group.count; r++) {
        uint32_t key = (uint32_t)group.rows[r].key;
        cand[r] = (Candidate){key, group.rows[r].events, value_name(in->color_by, set, key),
                              in->color_by == COLOR_BY_SUB_TYPE
                                  ? events_sub_type_parent((SubEventType)key) : EVENT_UNKNOWN};
    }
    qsort(cand, group.count, sizeof *cand, by_events);
    int n = group.count < SCENE_MAX_CLASSES ? (int)group.count : SCENE_MAX_CLASSES;
    size_t other = none;
    for (size_t r = (size_t)n; r < group.count; r++) other += cand[r].events;
    if (in->color_by == COLOR_BY_SUB_TYPE) qsort(cand, (size_t)n, sizeof *cand, by_family);
    int rank[EVENT_TYPE_COUNT] = {0};
    /* A type's second sub-type darker, its third lighter; the other way
     * round for every other type, so that neighbouring hues (vermillion
     * battles, orange explosions) do not both turn brown. */
    static const float shades[] = {0, -0.4f, 0.45f, -0.62f, 0.68f, -0.2f, 0.25f, -0.75f};
    for (int k = 0; k < n; k++) {
        out->key[k] = cand[k].key;
        out->events[k] = cand[k].events;
        if (in->color_by == COLOR_BY_SUB_TYPE) {
            int p = cand[k].parent < EVENT_TYPE_COUNT ? cand[k].parent : 0;
            float t = shades[rank[p]++ & 7];
            out->color[k] = shade(scene_type_color(cand[k].parent), p % 2 ? t : -t);
        } else {
            out->color[k] = palette[k];
        }
    }
    out->n = n;
    out->events[n] = other;
    out->color[n] = OTHER_COLOR;
    out->other = other > 0;
    free(cand);
    stats_group_free(&group);
}

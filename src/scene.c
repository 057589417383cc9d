/*
 * scene: building the draw list. See scene.h.
 *
 * Sections: colours and sizes; storage helpers; markers, the grid and
 * hit-testing; the whole scene. Town dots, labels, count badges and the
 * graticule's degrees are in scene_labels.c; the furniture (title, legend,
 * scale bar, north arrow, inset, credits) in scene_furniture.c.
 */
#include "scene.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "scene_private.h"
#include "xalloc.h"

const float scene_font_size[FONT_COUNT] = {
    [FONT_TITLE] = 30, [FONT_SUBTITLE] = 18, [FONT_LEGEND_HEAD] = 16.5f,
    [FONT_LEGEND] = 16, [FONT_TOWN] = 15, [FONT_CAPITAL] = 16,
    [FONT_COUNTRY] = 17, [FONT_ADMIN1] = 13.5f, [FONT_SMALL] = 13,
};


/* ------------------------------------------------------------------------- */
/* Colours and sizes                                                         */
/* ------------------------------------------------------------------------- */

bool scene_font_bold(SceneFont f)
{
    return f == FONT_TITLE || f == FONT_LEGEND_HEAD || f == FONT_CAPITAL || f == FONT_COUNTRY;
}

int scene_font_px(SceneFont f, float scale)
{
    int px = (int)lroundf(scene_font_size[f] * scale);
    return px < 6 ? 6 : px;
}

uint32_t scene_type_color(EventType type)
{
    switch (type) {
    case EVENT_BATTLES: return 0xFFD55E00;             /* vermillion */
    case EVENT_EXPLOSIONS: return 0xFFE69F00;          /* orange */
    case EVENT_VIOLENCE_CIVILIANS: return 0xFFCC79A7;  /* reddish purple */
    case EVENT_PROTESTS: return 0xFF56B4E9;            /* sky blue */
    case EVENT_RIOTS: return 0xFF009E73;               /* bluish green */
    case EVENT_STRATEGIC: return 0xFF0072B2;           /* blue */
    case EVENT_UNKNOWN:
    case EVENT_TYPE_COUNT: break;
    }
    return 0xFF8C8C8C;
}

float scene_marker_radius(int32_t fatalities, float scale)
{
    /* Area = pi * (r0^2 + k * fatalities): in proportion to fatalities
     * above a floor that keeps zero-fatality events visible. */
    const float r0 = 2.6f, k = 2.2f;
    if (fatalities < 0) fatalities = 0;
    float r = scale * sqrtf(r0 * r0 + k * (float)fatalities);
    return r < 2.2f ? 2.2f : r;        /* small outputs: still a visible dot */
}

float scene_scale_for(int width, int height)
{
    float s = sqrtf((float)width * (float)height / (1920.0f * 1080.0f));
    return s < 0.6f ? 0.6f : s > 4.5f ? 4.5f : s;
}

/* ------------------------------------------------------------------------- */
/* Storage                                                                   */
/* ------------------------------------------------------------------------- */

uint32_t scene_add_string(Scene *s, const char *text)
{
    size_t len = strlen(text);
    s->text = xgrow(s->text, &s->text_cap, s->text_len + len + 1, 1);
    uint32_t at = (uint32_t)s->text_len;
    memcpy(s->text + at, text, len + 1);
    s->text_len += len + 1;
    return at;
}

SceneItem *scene_add_item(Scene *s, SceneItemKind kind)
{
    s->items = xgrow(s->items, &s->items_cap, s->nitems + 1, sizeof *s->items);
    SceneItem *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = (uint8_t)kind;
    return it;
}

void scene_add_rect(Scene *s, float x, float y, float w, float h,
                    uint32_t fill, uint32_t border, float border_w)
{
    SceneItem *it = scene_add_item(s, ITEM_RECT);
    it->u.rect.x = x;
    it->u.rect.y = y;
    it->u.rect.w = w;
    it->u.rect.h = h;
    it->color = fill;
    it->border = border;
    it->border_w = border_w;
}

void scene_add_text(Scene *s, SceneFont font, float x, float y, float w,
                    float h, uint32_t color, uint32_t halo, const char *text)
{
    SceneItem *it = scene_add_item(s, ITEM_TEXT);
    it->u.text = (SceneLabel){x, y, w, h, (uint8_t)font, color, halo,
                              scene_add_string(s, text)};
}

void scene_add_symbol(Scene *s, SceneMarker marker)
{
    SceneItem *it = scene_add_item(s, ITEM_MARKER);
    it->u.marker = marker;
}

void scene_reset(Scene *s, int width, int height, float scale)
{
    s->width = width;
    s->height = height;
    s->scale = scale;
    s->nmarkers = s->ndots = s->nlabels = s->nitems = s->text_len = 0;
}

/* A text item with its top-left at (x, y); returns its width. */
float scene_item_text(Scene *s, const SceneInput *in, SceneFont font, float x,
                      float y, uint32_t color, uint32_t halo, const char *text)
{
    float w = 0, h = 0;
    in->measure(in->measure_ctx, font, text, &w, &h);
    scene_add_text(s, font, x, y, w, h, color, halo, text);
    return w;
}

float scene_text_width(const SceneInput *in, SceneFont font, const char *text)
{
    float w = 0, h = 0;
    in->measure(in->measure_ctx, font, text, &w, &h);
    return w;
}

float scene_text_height(const SceneInput *in, SceneFont font)
{
    float w = 0, h = 0;
    in->measure(in->measure_ctx, font, "Ag", &w, &h);
    return h;
}

/* ------------------------------------------------------------------------- */
/* Markers                                                                   */
/* ------------------------------------------------------------------------- */

static int compare_markers(const void *a, const void *b)
{
    const SceneMarker *x = a, *y = b;
    float rx = fmaxf(x->r, x->r_high), ry = fmaxf(y->r, y->r_high);
    if (rx != ry) return rx < ry ? 1 : -1;      /* largest first */
    return x->event < y->event ? -1 : x->event > y->event;
}

/* Cells of the grid for the map area: density cells are 10 px, heatmap
 * cells 4 px (then smoothed). */
static void grid_prepare(Scene *s, GridKind kind)
{
    SceneGrid *g = &s->grid;
    const View *v = &s->view;
    g->kind = (uint8_t)kind;
    g->cell = (kind == GRID_DENSITY ? 10.0f : 4.0f) * s->scale;
    g->cols = (int)ceilf(v->w / g->cell);
    g->rows = (int)ceilf(v->h / g->cell);
    size_t n = (size_t)g->cols * (size_t)g->rows;
    if (n > g->cap) {
        g->cap = n;
        g->count = xrealloc(g->count, n * EVENT_TYPE_COUNT * sizeof *g->count);
        g->fatalities = xrealloc(g->fatalities, n * sizeof *g->fatalities);
        g->value = xrealloc(g->value, n * sizeof *g->value);
    }
    memset(g->count, 0, n * EVENT_TYPE_COUNT * sizeof *g->count);
    memset(g->fatalities, 0, n * sizeof *g->fatalities);
    g->max = 0;
    g->max_count = 0;
}

long scene_grid_cell(const Scene *s, float x, float y)
{
    const SceneGrid *g = &s->grid;
    if (g->kind == GRID_NONE) return -1;
    int c = (int)floorf((x - s->view.x) / g->cell), r = (int)floorf((y - s->view.y) / g->cell);
    if (c < 0 || r < 0 || c >= g->cols || r >= g->rows) return -1;
    return (long)r * g->cols + c;
}

uint32_t scene_grid_color(const SceneGrid *g, size_t cell)
{
    if (g->kind == GRID_NONE || !(g->max > 0)) return 0;
    float v = g->value[cell];
    if (g->kind != GRID_DENSITY) {
        float t = v / g->max;
        if (!(t > 0.015f)) return 0;
        float alpha = fminf(1.0f, t * 2.5f) * 0.82f;
        return (scene_ramp(t) & 0xFFFFFFu) | (uint32_t)(alpha * 255) << 24;
    }
    if (!(v > 0)) return 0;
    return (scene_ramp(logf(1 + v) / logf(1 + g->max)) & 0xFFFFFFu) | 0xD8000000u;
}

int scene_pick_markers(const Scene *s, float x, float y, uint32_t *out, int cap)
{
    int n = 0;
    for (size_t m = s->nmarkers; m-- > 0 && n < cap;) {   /* top-most first */
        const SceneMarker *mk = &s->markers[m];
        float reach = fmaxf(mk->r, 5 * s->scale) + 1;
        float dx = mk->x - x, dy = mk->y - y;
        if (dx * dx + dy * dy <= reach * reach) out[n++] = mk->event;
    }
    return n;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t p = *(const uint32_t *)a, q = *(const uint32_t *)b;
    return p < q ? -1 : p > q;
}

int scene_pick_stack(const Scene *s, float x, float y, uint32_t *out, int cap)
{
    int n = scene_pick_markers(s, x, y, out, cap);
    qsort(out, (size_t)n, sizeof *out, compare_u32);
    return n;
}

const SceneMarker *scene_find_marker(const Scene *s, uint32_t event)
{
    for (size_t m = 0; m < s->nmarkers; m++)
        if (s->markers[m].event == event) return &s->markers[m];
    return NULL;
}

EventType scene_pick_legend(const Scene *s, float x, float y)
{
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        const float *e = s->legend_entry[t];
        if (e[2] > 0 && x >= e[0] && x < e[0] + e[2] && y >= e[1] && y < e[1] + e[3])
            return (EventType)t;
    }
    return EVENT_UNKNOWN;
}

/* One pass of a box blur of radius k along rows or along columns. */
static void box_blur(float *v, float *tmp, int cols, int rows, int k, bool along_rows)
{
    int n = along_rows ? cols : rows, lines = along_rows ? rows : cols;
    size_t stride = along_rows ? 1 : (size_t)cols;
    for (int line = 0; line < lines; line++) {
        float *p = along_rows ? v + (size_t)line * cols : v + line;
        float sum = 0;
        for (int i = 0; i < k && i < n; i++) sum += p[i * stride];
        for (int i = 0; i < n; i++) {
            if (i + k < n) sum += p[(i + k) * stride];
            if (i - k - 1 >= 0) sum -= p[(i - k - 1) * stride];
            tmp[i] = sum / (float)(2 * k + 1);
        }
        for (int i = 0; i < n; i++) p[i * stride] = tmp[i];
    }
}

/* Turns the counts into the values to colour; the ramp's top is
 * class_max when given, else the largest value. */
static void grid_finish(Scene *s, double class_max)
{
    SceneGrid *g = &s->grid;
    size_t n = (size_t)g->cols * (size_t)g->rows;
    for (size_t c = 0; c < n; c++) {
        uint32_t total = 0;
        for (int t = 0; t < EVENT_TYPE_COUNT; t++) total += g->count[c * EVENT_TYPE_COUNT + t];
        if (total > g->max_count) g->max_count = total;
        g->value[c] = g->kind == GRID_HEAT_FATALITIES ? g->fatalities[c] : (float)total;
    }
    if (g->kind == GRID_HEAT_EVENTS || g->kind == GRID_HEAT_FATALITIES) {
        /* Three box blurs approximate a Gaussian of about 7 cells. */
        int longest = g->cols > g->rows ? g->cols : g->rows;
        float *tmp = xmalloc((size_t)longest * sizeof *tmp);
        for (int pass = 0; pass < 3; pass++) {
            box_blur(g->value, tmp, g->cols, g->rows, 4, true);
            box_blur(g->value, tmp, g->cols, g->rows, 4, false);
        }
        free(tmp);
    }
    for (size_t c = 0; c < n; c++)
        if (g->value[c] > g->max) g->max = g->value[c];
    if (class_max > 0) g->max = (float)class_max;
}

/* One more event in view in this country (string ref; 0: none given). */
static void count_country(Scene *s, uint32_t ref)
{
    if (ref == 0) return;
    for (int k = 0; k < s->ncountries; k++) {
        if (s->country_ref[k] == ref) {
            s->country_events[k]++;
            return;
        }
    }
    if (s->ncountries == SCENE_MAX_COUNTRIES) return;
    s->country_ref[s->ncountries] = ref;
    s->country_events[s->ncountries++] = 1;
}

/* "Conflict events in Mali, Niger and Burkina Faso, 2012-2024": the most
 * present countries in view (three at most, then "and N more") and the
 * years (or months) of the date window. */
static void default_title(Scene *s, const SceneInput *in)
{
    /* The countries by events, most first (ties: first seen). */
    int order[SCENE_MAX_COUNTRIES];
    for (int k = 0; k < s->ncountries; k++) order[k] = k;
    for (int a = 1; a < s->ncountries; a++)
        for (int b = a; b > 0 && s->country_events[order[b]] > s->country_events[order[b - 1]]; b--) {
            int t = order[b];
            order[b] = order[b - 1];
            order[b - 1] = t;
        }
    char where[160] = "the Sahel";
    int shown = s->ncountries < 3 ? s->ncountries : 3;
    if (shown > 0) {
        size_t len = 0;
        for (int k = 0; k < shown; k++) {
            const char *name = strpool_get(&in->events->strings, s->country_ref[order[k]]);
            const char *sep = k == 0 ? "" : k == shown - 1 && s->ncountries <= 3 ? " and " : ", ";
            len += (size_t)snprintf(where + len, len < sizeof where ? sizeof where - len : 0,
                                    "%s%.40s", sep, name);
        }
        if (s->ncountries > 3 && len < sizeof where)
            snprintf(where + len, sizeof where - len, " and %d more", s->ncountries - 3);
    }
    static const char *const months[12] = {"January", "February", "March", "April", "May",
                                           "June", "July", "August", "September", "October",
                                           "November", "December"};
    int y0, m0, d0, y1, m1, d1;
    date_to_ymd(in->day0, &y0, &m0, &d0);
    date_to_ymd(in->day1, &y1, &m1, &d1);
    char when[64];
    if (y0 != y1) snprintf(when, sizeof when, "%d\xe2\x80\x93%d", y0, y1);
    else if (m0 != m1) snprintf(when, sizeof when, "%s\xe2\x80\x93%s %d", months[m0 - 1], months[m1 - 1], y0);
    else snprintf(when, sizeof when, "%s %d", months[m0 - 1], y0);
    snprintf(s->title, sizeof s->title, "Conflict events in %s, %s", where, when);
}

static void build_markers(Scene *s, const SceneInput *in)
{
    const EventSet *set = in->events;
    const View *v = &s->view;
    size_t limit = in->layer == SCENE_LAYER_MARKERS ? SIZE_MAX
                 : in->aggregate_above ? in->aggregate_above : SCENE_AGGREGATE_ABOVE;
    GridKind kind = in->layer == SCENE_LAYER_HEAT_EVENTS ? GRID_HEAT_EVENTS
                  : in->layer == SCENE_LAYER_HEAT_FATALITIES ? GRID_HEAT_FATALITIES
                  : GRID_DENSITY;
    grid_prepare(s, kind);
    SceneGrid *g = &s->grid;
    bool want_markers = in->layer == SCENE_LAYER_AUTO || in->layer == SCENE_LAYER_MARKERS;
    bool classed = s->classes.by != COLOR_BY_TYPE;
    for (size_t i = in->lo; i < in->hi && i < set->count; i++) {
        double sx, sy;
        if (!scene_event_point(in, i, &sx, &sy)) continue;
        bool inside = view_contains(v, sx, sy);
        if (inside) {
            /* Counted the same whether drawn as a marker or a cell. */
            s->type_count[set->type[i]]++;
            if (classed) s->class_count[scene_class_of(&s->classes, set, i)]++;
            s->events_in_view++;
            s->fatalities_in_view += set->fat[i];
            s->fatalities_low_in_view += events_fat_low(set, i);
            s->fatalities_high_in_view += events_fat_high(set, i);
            long c = scene_grid_cell(s, (float)sx, (float)sy);
            if (c >= 0) {
                g->count[(size_t)c * EVENT_TYPE_COUNT + set->type[i]]++;
                g->fatalities[c] += (float)set->fat[i];
            }
            if (s->events_in_view > limit) want_markers = false;
            s->quarter_events[(sx >= v->x + v->w / 2.0) + 2 * (sy >= v->y + v->h / 2.0)]++;
            if (s->events_in_view <= 20000 || (s->events_in_view & 15) == 0)
                count_country(s, events_text_ref(set, i, TEXT_COUNTRY));
        }
        if (!want_markers) continue;
        float r = scene_marker_radius(set->fat[i], s->scale);
        float r_high = events_fat_high(set, i) > set->fat[i]
                           ? scene_marker_radius(events_fat_high(set, i), s->scale) : 0;
        float reach = fmaxf(r, r_high);
        if (sx + reach < v->x || sx - reach > v->x + v->w ||
            sy + reach < v->y || sy - reach > v->y + v->h)
            continue;
        s->markers = xgrow(s->markers, &s->markers_cap, s->nmarkers + 1,
                           sizeof *s->markers);
        uint32_t color = classed ? s->classes.color[scene_class_of(&s->classes, set, i)]
                                 : scene_type_color((EventType)set->type[i]);
        if (in->fade && in->day1 > in->day0) {
            /* Bright at the end of the window, fading towards its start. */
            double age = (double)(in->day1 - set->day[i]) / (in->day1 - in->day0);
            double alpha = 1.0 - 0.7 * (age < 0 ? 0 : age > 1 ? 1 : age);
            color = (color & 0xFFFFFFu) | (uint32_t)(alpha * 255) << 24;
        }
        s->markers[s->nmarkers++] = (SceneMarker){
            (float)sx, (float)sy, r, r_high, color,
            events_geo_prec(set, i) >= 3 ? MARKER_RING : MARKER_DOT, (uint32_t)i};
    }
    if (want_markers) {
        g->kind = GRID_NONE;
        if (s->nmarkers > 1)
            qsort(s->markers, s->nmarkers, sizeof *s->markers, compare_markers);
    } else {
        s->nmarkers = 0;
        grid_finish(s, in->class_max);
    }
}

uint32_t scene_ramp(float t)
{
    /* Magma, reversed and without its near-black end, so it reads on a
     * light map: pale yellow (few) to deep purple (many). */
    static const uint32_t stops[] = {0xFCFDBF, 0xFEC98D, 0xFD9567, 0xF1605D,
                                     0xCD4071, 0x9E2F7F, 0x721F81, 0x451077};
    const int n = (int)(sizeof stops / sizeof stops[0]);
    if (!(t > 0)) t = 0;
    if (t > 1) t = 1;
    float f = t * (n - 1);
    int k = (int)f;
    if (k >= n - 1) k = n - 2;
    float u = f - k;
    uint32_t a = stops[k], b = stops[k + 1], out = 0xFF000000u;
    for (int sh = 0; sh <= 16; sh += 8) {
        float ca = (float)((a >> sh) & 0xFF), cb = (float)((b >> sh) & 0xFF);
        out |= (uint32_t)lroundf(ca + (cb - ca) * u) << sh;
    }
    return out;
}

/* ------------------------------------------------------------------------- */
/* The whole scene                                                           */
/* ------------------------------------------------------------------------- */

void scene_build(Scene *s, const SceneInput *in)
{
    s->view = *in->view;
    scene_reset(s, in->width, in->height, in->scale);
    s->graticule = in->graticule;
    memset(s->type_count, 0, sizeof s->type_count);
    memset(s->legend_entry, 0, sizeof s->legend_entry);
    memset(s->class_count, 0, sizeof s->class_count);
    if (in->classes != NULL && in->classes->by == (uint8_t)in->color_by) s->classes = *in->classes;
    else scene_classes_count(in, &s->classes);
    s->events_in_view = 0;
    s->fatalities_in_view = s->fatalities_low_in_view = s->fatalities_high_in_view = 0;
    SM_ASSERT(in->basemap == NULL || in->basemap->projected_kind == (int)s->view.proj.kind);

    s->ncountries = 0;
    memset(s->quarter_events, 0, sizeof s->quarter_events);
    build_markers(s, in);
    /* The title and the legend go to the corner with fewer events, when
     * the usual one has clearly more (half as many again, and at least 5). */
    const size_t *q = s->quarter_events;
    s->title_right = q[0] >= 5 && 2 * q[0] > 3 * q[1];
    s->legend_left = q[3] >= 5 && 2 * q[3] > 3 * q[2];
    if (in->title != NULL) snprintf(s->title, sizeof s->title, "%s", in->title);
    else default_title(s, in);

    Box taken[8];
    size_t ntaken = 0;
    if (in->furniture) {
        /* Furniture first, so labels keep clear of its panels. */
        float pad = 14 * s->scale;
        float bottom = scene_furniture_credits(s, in);
        taken[ntaken++] = (Box){0, bottom, (float)s->width, (float)s->height};
        taken[ntaken++] = scene_furniture_title(s, in, pad);
        taken[ntaken++] = scene_furniture_legend(s, in, pad, bottom);
        Box bar = scene_furniture_scale_bar(s, in, pad, bottom);
        taken[ntaken++] = bar;
        Box inset = scene_furniture_inset(s, in, pad, bar);
        if (inset.x1 > inset.x0) taken[ntaken++] = inset;
        taken[ntaken++] = scene_furniture_north(s, in, pad);
    }
    scene_labels_build(s, in, taken, ntaken);
}

void scene_free(Scene *s)
{
    free(s->grid.count);
    free(s->grid.fatalities);
    free(s->grid.value);
    free(s->markers);
    free(s->dots);
    free(s->labels);
    free(s->items);
    free(s->text);
    memset(s, 0, sizeof *s);
}

/*
 * scene: building the draw list. See scene.h.
 *
 * Sections: colours and sizes; storage helpers; markers and hit-testing;
 * town dots and map labels (greedy placement, no overlaps); the whole
 * scene. The furniture (title, legend, scale bar, north arrow, credits) is
 * in scene_furniture.c.
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

static uint32_t add_text(Scene *s, const char *text)
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
                              add_text(s, text)};
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
    for (size_t i = in->lo; i < in->hi && i < set->count; i++) {
        if (!(in->type_mask & (1u << set->type[i]))) continue;
        if (in->visible != NULL && !in->visible[i]) continue;
        double px, py, sx, sy;
        if (in->proj_x != NULL) {
            px = in->proj_x[i];
            py = in->proj_y[i];
            if (isnan(px)) continue;
        } else if (!proj_forward(&v->proj, set->lon[i], set->lat[i], &px, &py)) {
            continue;
        }
        view_to_screen(v, px, py, &sx, &sy);
        bool inside = sx >= v->x && sx < v->x + v->w && sy >= v->y && sy < v->y + v->h;
        if (inside) {
            /* Counted the same whether drawn as a marker or a cell. */
            s->type_count[set->type[i]]++;
            s->events_in_view++;
            s->fatalities_in_view += set->fat[i];
            s->fatalities_low_in_view += set->fat_low[i];
            s->fatalities_high_in_view += set->fat_high[i];
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
        float r_high = set->fat_high[i] > set->fat[i]
                           ? scene_marker_radius(set->fat_high[i], s->scale) : 0;
        float reach = fmaxf(r, r_high);
        if (sx + reach < v->x || sx - reach > v->x + v->w ||
            sy + reach < v->y || sy - reach > v->y + v->h)
            continue;
        s->markers = xgrow(s->markers, &s->markers_cap, s->nmarkers + 1,
                           sizeof *s->markers);
        uint32_t color = scene_type_color((EventType)set->type[i]);
        if (in->fade && in->day1 > in->day0) {
            /* Bright at the end of the window, fading towards its start. */
            double age = (double)(in->day1 - set->day[i]) / (in->day1 - in->day0);
            double alpha = 1.0 - 0.7 * (age < 0 ? 0 : age > 1 ? 1 : age);
            color = (color & 0xFFFFFFu) | (uint32_t)(alpha * 255) << 24;
        }
        s->markers[s->nmarkers++] = (SceneMarker){
            (float)sx, (float)sy, r, r_high, color,
            set->geo_prec[i] >= 3 ? MARKER_RING : MARKER_DOT, (uint32_t)i};
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
/* Labels                                                                    */
/* ------------------------------------------------------------------------- */

/* Markers bucketed on a coarse grid, so a label can be kept off every
 * marker without testing them all. */
#define BUCKET_PX 32.0f

typedef struct MarkerIndex {
    const Scene *scene;
    int cols, rows;
    uint32_t *start;     /* cols * rows + 1 offsets into ids */
    uint32_t *ids;       /* marker indexes, bucket by bucket */
} MarkerIndex;

typedef struct Placer {
    Box *boxes;
    size_t n, cap;
    Box bounds;          /* labels must stay inside */
    const MarkerIndex *markers;   /* labels keep off these too (NULL: none) */
} Placer;

static float marker_reach(const SceneMarker *m)
{
    return fmaxf(m->r, m->r_high) + 1;
}

/* The buckets [c0, c1] x [r0, r1] a box touches, clamped to the grid. */
static void bucket_span(const MarkerIndex *mi, const View *v, float x0, float y0, float x1,
                        float y1, int *c0, int *r0, int *c1, int *r1)
{
    *c0 = (int)floorf((x0 - v->x) / BUCKET_PX);
    *r0 = (int)floorf((y0 - v->y) / BUCKET_PX);
    *c1 = (int)floorf((x1 - v->x) / BUCKET_PX);
    *r1 = (int)floorf((y1 - v->y) / BUCKET_PX);
    *c0 = *c0 < 0 ? 0 : *c0;
    *r0 = *r0 < 0 ? 0 : *r0;
    *c1 = *c1 >= mi->cols ? mi->cols - 1 : *c1;
    *r1 = *r1 >= mi->rows ? mi->rows - 1 : *r1;
}

static void marker_index_build(MarkerIndex *mi, const Scene *s)
{
    const View *v = &s->view;
    mi->scene = s;
    mi->cols = (int)ceilf(v->w / BUCKET_PX) + 1;
    mi->rows = (int)ceilf(v->h / BUCKET_PX) + 1;
    size_t nb = (size_t)mi->cols * (size_t)mi->rows;
    mi->start = xcalloc(nb + 1, sizeof *mi->start);
    for (int pass = 0; pass < 2; pass++) {         /* count, then fill */
        uint32_t *fill = pass ? xcalloc(nb, sizeof *fill) : NULL;
        for (size_t m = 0; m < s->nmarkers; m++) {
            const SceneMarker *mk = &s->markers[m];
            float reach = marker_reach(mk);
            int c0, r0, c1, r1;
            bucket_span(mi, v, mk->x - reach, mk->y - reach, mk->x + reach, mk->y + reach,
                        &c0, &r0, &c1, &r1);
            for (int r = r0; r <= r1; r++)
                for (int c = c0; c <= c1; c++) {
                    size_t b = (size_t)r * mi->cols + c;
                    if (pass == 0) mi->start[b + 1]++;
                    else mi->ids[mi->start[b] + fill[b]++] = (uint32_t)m;
                }
        }
        if (pass == 0) {
            for (size_t b = 0; b < nb; b++) mi->start[b + 1] += mi->start[b];
            mi->ids = xmalloc((mi->start[nb] + 1) * sizeof *mi->ids);
        }
        free(fill);
    }
}

static void marker_index_free(MarkerIndex *mi)
{
    free(mi->start);
    free(mi->ids);
}

/* Whether a box covers any part of any marker. */
static bool covers_marker(const MarkerIndex *mi, Box b)
{
    const Scene *s = mi->scene;
    int c0, r0, c1, r1;
    bucket_span(mi, &s->view, b.x0, b.y0, b.x1, b.y1, &c0, &r0, &c1, &r1);
    for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
            size_t bk = (size_t)r * mi->cols + c;
            for (uint32_t k = mi->start[bk]; k < mi->start[bk + 1]; k++) {
                const SceneMarker *m = &s->markers[mi->ids[k]];
                float reach = marker_reach(m);
                float nx = fmaxf(b.x0, fminf(m->x, b.x1)), ny = fmaxf(b.y0, fminf(m->y, b.y1));
                float dx = m->x - nx, dy = m->y - ny;
                if (dx * dx + dy * dy < reach * reach) return true;
            }
        }
    }
    return false;
}

static bool box_free(const Placer *pl, Box b)
{
    if (b.x0 < pl->bounds.x0 || b.y0 < pl->bounds.y0 || b.x1 > pl->bounds.x1 ||
        b.y1 > pl->bounds.y1)
        return false;
    for (size_t i = 0; i < pl->n; i++) {
        const Box *o = &pl->boxes[i];
        if (b.x0 < o->x1 && b.x1 > o->x0 && b.y0 < o->y1 && b.y1 > o->y0)
            return false;
    }
    return pl->markers == NULL || !covers_marker(pl->markers, b);
}

static void box_take(Placer *pl, Box b)
{
    pl->boxes = xgrow(pl->boxes, &pl->cap, pl->n + 1, sizeof *pl->boxes);
    pl->boxes[pl->n++] = b;
}

static void add_label(Scene *s, float x, float y, float w, float h,
                      SceneFont font, uint32_t color, const char *text)
{
    s->labels = xgrow(s->labels, &s->labels_cap, s->nlabels + 1, sizeof *s->labels);
    s->labels[s->nlabels++] = (SceneLabel){x, y, w, h, (uint8_t)font, color,
                                           HALO, add_text(s, text)};
}

/* Upper-cases ASCII and the Latin-1 letters of UTF-8 (é -> É), for
 * country names. */
static void upper_utf8(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && n + 3 < cap; p++) {
        unsigned char c = *p;
        if (c >= 'a' && c <= 'z') c = (unsigned char)(c - 32);
        out[n++] = (char)c;
        if (c == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
            out[n++] = (char)(p[1] - 0x20);
            p++;
        }
    }
    out[n] = '\0';
}

/* Places a label centred on (x, y) if it fits; true if placed. */
static bool place_centred(Scene *s, const SceneInput *in, Placer *pl, float x,
                          float y, SceneFont font, uint32_t color,
                          const char *text)
{
    float w = 0, h = 0;
    in->measure(in->measure_ctx, font, text, &w, &h);
    Box b = {x - w / 2, y - h / 2, x + w / 2, y + h / 2};
    if (!box_free(pl, b)) return false;
    box_take(pl, b);
    add_label(s, b.x0, b.y0, w, h, font, color, text);
    return true;
}

/* Tries the four sides of a town dot for its name. */
static bool place_beside(Scene *s, const SceneInput *in, Placer *pl, float x,
                         float y, float gap, SceneFont font, const char *text)
{
    float w = 0, h = 0;
    in->measure(in->measure_ctx, font, text, &w, &h);
    const Box tries[4] = {
        {x + gap, y - h / 2, x + gap + w, y + h / 2},
        {x - gap - w, y - h / 2, x - gap, y + h / 2},
        {x - w / 2, y - gap - h, x + w / 2, y - gap},
        {x - w / 2, y + gap, x + w / 2, y + gap + h},
    };
    for (int t = 0; t < 4; t++) {
        if (!box_free(pl, tries[t])) continue;
        box_take(pl, tries[t]);
        add_label(s, tries[t].x0, tries[t].y0, w, h, font, INK, text);
        return true;
    }
    return false;
}

/* Population a town needs to be labelled at this scale (metres/pixel). */
static long min_population(double mpp)
{
    if (mpp > 2600) return 400000;
    if (mpp > 1600) return 150000;
    if (mpp > 900) return 50000;
    if (mpp > 400) return 15000;
    return 0;
}

typedef struct TownRank {
    size_t town;
    double score;
    float x, y;
    float reach;         /* markers on the town extend this far, px */
} TownRank;

static int compare_rank(const void *a, const void *b)
{
    const TownRank *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return x->town < y->town ? -1 : x->town > y->town;
}

/* How many markers lie within `radius` px of (x, y); *reach is the
 * farthest any marker centred within `on` px of it extends, so a label can
 * clear a stack of markers on its town. */
static size_t markers_near(const Scene *s, float x, float y, float radius,
                           float on, float *reach)
{
    size_t n = 0;
    for (size_t m = 0; m < s->nmarkers; m++) {
        const SceneMarker *mk = &s->markers[m];
        float dx = mk->x - x, dy = mk->y - y, d2 = dx * dx + dy * dy;
        if (d2 <= radius * radius) n++;
        if (d2 <= on * on)
            *reach = fmaxf(*reach, sqrtf(d2) + fmaxf(mk->r, mk->r_high));
    }
    return n;
}

static void build_labels(Scene *s, const SceneInput *in, Placer *pl)
{
    const Basemap *map = in->basemap;
    const View *v = &s->view;
    const float sc = s->scale;

    /* Towns: capitals and big towns first; towns where events happen are
     * raised, so the places a report is about get their names. */
    long min_pop = min_population(v->mpp * sc);   /* as at 1920x1080 */
    TownRank *ranks = xmalloc((map->ntowns + 1) * sizeof *ranks);
    size_t nranks = 0;
    for (size_t t = 0; t < map->ntowns; t++) {
        const BasemapTown *town = &map->towns[t];
        if (isnan(town->x)) continue;
        double sx, sy;
        view_to_screen(v, town->x, town->y, &sx, &sy);
        if (sx < v->x || sx >= v->x + v->w || sy < v->y || sy >= v->y + v->h)
            continue;
        float reach = 0;
        size_t near = s->nmarkers < 20000
            ? markers_near(s, (float)sx, (float)sy, 14 * sc, 3 * sc, &reach) : 0;
        if (!town->capital && town->population < min_pop && near == 0) continue;
        double score = log10((double)town->population + 2000.0) +
                       (town->capital ? 3.0 : 0.0) + 1.2 * log10(1.0 + (double)near);
        ranks[nranks++] = (TownRank){t, score, (float)sx, (float)sy, reach};
    }
    qsort(ranks, nranks, sizeof *ranks, compare_rank);

    /* Capitals, then country names, then towns, then admin-1 names. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < nranks; r++) {
            const BasemapTown *town = &map->towns[ranks[r].town];
            if (town->capital != (pass == 0)) continue;
            float dot = (town->capital ? 3.0f : 2.2f) * sc;
            float gap = fmaxf(dot, ranks[r].reach) + 2.5f * sc;
            const char *name = basemap_str(map, town->name);
            if (!place_beside(s, in, pl, ranks[r].x, ranks[r].y, gap,
                              town->capital ? FONT_CAPITAL : FONT_TOWN, name))
                continue;
            s->dots = xgrow(s->dots, &s->dots_cap, s->ndots + 1, sizeof *s->dots);
            s->dots[s->ndots++] = (SceneDot){ranks[r].x, ranks[r].y, dot, town->capital};
        }
        if (pass == 0) {
            const BasemapLayer *countries = &map->layers[BASEMAP_COUNTRIES];
            for (size_t c = 0; c < countries->count; c++) {
                const BasemapShape *sh = &countries->shapes[c];
                if (isnan(sh->label_x)) continue;
                double sx, sy;
                view_to_screen(v, sh->label_x, sh->label_y, &sx, &sy);
                char upper[128];
                upper_utf8(basemap_str(map, sh->name), upper, sizeof upper);
                place_centred(s, in, pl, (float)sx, (float)sy, FONT_COUNTRY,
                              COUNTRY_INK, upper);
            }
        }
    }
    free(ranks);

    if (v->mpp * sc < 1800) {
        const BasemapLayer *admin1 = &map->layers[BASEMAP_ADMIN1];
        for (size_t a = 0; a < admin1->count; a++) {
            const BasemapShape *sh = &admin1->shapes[a];
            if (isnan(sh->label_x)) continue;
            double sx, sy;
            view_to_screen(v, sh->label_x, sh->label_y, &sx, &sy);
            place_centred(s, in, pl, (float)sx, (float)sy, FONT_ADMIN1,
                          ADMIN1_INK, basemap_str(map, sh->name));
        }
    }
}

/* ------------------------------------------------------------------------- */
/* The whole scene                                                           */
/* ------------------------------------------------------------------------- */

/* The degrees of a graticule line: "15°N", "5°W", "0°". */
static void degrees(int value, bool latitude, char *out, size_t cap)
{
    const char *hemi = value == 0 ? "" : latitude ? (value > 0 ? "N" : "S") : (value > 0 ? "E" : "W");
    snprintf(out, cap, "%d\xc2\xb0%s", abs(value), hemi);
}

/* Labels the graticule in degrees where its lines meet the map's edges:
 * parallels along the left edge, meridians along the top, each where the
 * furniture leaves room. */
static void build_graticule_labels(Scene *s, const SceneInput *in, Placer *pl)
{
    const View *v = &s->view;
    const float sc = s->scale, inset = 4 * sc;
    for (int pass = 0; pass < 2; pass++) {            /* 0: parallels, 1: meridians */
        bool lat_pass = pass == 0;
        int steps = (int)((lat_pass ? v->h : v->w) / 2);
        double prev = NAN;
        for (int k = 0; k <= steps; k++) {
            double sx = lat_pass ? v->x + inset : v->x + k * 2.0;
            double sy = lat_pass ? v->y + k * 2.0 : v->y + inset;
            double px, py, lon, lat;
            view_from_screen(v, sx, sy, &px, &py);
            if (!proj_inverse(&v->proj, px, py, &lon, &lat)) {
                prev = NAN;
                continue;
            }
            double value = lat_pass ? lat : lon;
            /* A multiple of 5 degrees crossed between this sample and the last. */
            if (!isnan(prev) && floor(prev / 5) != floor(value / 5)) {
                int deg = (int)(5 * floor(fmax(prev, value) / 5));
                if (lat_pass ? abs(deg) <= 85 : abs(deg) <= 180) {
                    char text[16];
                    degrees(deg, lat_pass, text, sizeof text);
                    float w = 0, h = 0;
                    in->measure(in->measure_ctx, FONT_SMALL, text, &w, &h);
                    float x = lat_pass ? (float)sx : (float)sx - w / 2;
                    float y = lat_pass ? (float)sy - h / 2 : (float)sy;
                    Box b = {x, y, x + w, y + h};
                    if (box_free(pl, b)) {
                        box_take(pl, b);
                        s->labels = xgrow(s->labels, &s->labels_cap, s->nlabels + 1,
                                          sizeof *s->labels);
                        s->labels[s->nlabels++] = (SceneLabel){x, y, w, h, FONT_SMALL,
                                                               GRATICULE_INK, HALO,
                                                               add_text(s, text)};
                    }
                }
            }
            prev = value;
        }
    }
}

/* Markers at one point (within half a pixel), for the count badges. */
typedef struct Spot {
    float x, y;
    uint32_t marker;
} Spot;

static int compare_spots(const void *a, const void *b)
{
    const Spot *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->marker < q->marker ? -1 : p->marker > q->marker;
}

/* A count badge ("18") at the top right of every stack of two or more
 * markers on one point; the badges are kept clear of by labels. */
static void build_badges(Scene *s, const SceneInput *in, Placer *pl)
{
    if (s->nmarkers < 2) return;
    Spot *spots = xmalloc(s->nmarkers * sizeof *spots);
    for (size_t m = 0; m < s->nmarkers; m++)
        spots[m] = (Spot){roundf(s->markers[m].x * 2) / 2, roundf(s->markers[m].y * 2) / 2,
                          (uint32_t)m};
    qsort(spots, s->nmarkers, sizeof *spots, compare_spots);
    for (size_t a = 0, b; a < s->nmarkers; a = b) {
        float reach = 0;
        for (b = a; b < s->nmarkers && spots[b].x == spots[a].x && spots[b].y == spots[a].y; b++)
            reach = fmaxf(reach, marker_reach(&s->markers[spots[b].marker]) - 1);
        if (b - a < 2) continue;
        char count[24];
        scene_format_count((int64_t)(b - a), count, sizeof count);
        float w = 0, h = 0;
        in->measure(in->measure_ctx, FONT_SMALL, count, &w, &h);
        float x = spots[a].x + reach * 0.6f, y = spots[a].y - reach * 0.6f - h;
        add_label(s, x, y, w, h, FONT_SMALL, INK, count);
        box_take(pl, (Box){x, y, x + w, y + h});
    }
    free(spots);
}

void scene_build(Scene *s, const SceneInput *in)
{
    s->view = *in->view;
    scene_reset(s, in->width, in->height, in->scale);
    s->graticule = in->graticule;
    memset(s->type_count, 0, sizeof s->type_count);
    memset(s->legend_entry, 0, sizeof s->legend_entry);
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

    const View *v = &s->view;
    Placer pl = {NULL, 0, 0, {(float)v->x, (float)v->y, (float)(v->x + v->w),
                              (float)(v->y + v->h)}, NULL};
    if (in->furniture) {
        /* Furniture first, so labels keep clear of its panels. */
        float pad = 14 * s->scale;
        float bottom = scene_furniture_credits(s, in);
        box_take(&pl, (Box){0, bottom, (float)s->width, (float)s->height});
        box_take(&pl, scene_furniture_title(s, in, pad));
        box_take(&pl, scene_furniture_legend(s, in, pad, bottom));
        Box bar = scene_furniture_scale_bar(s, in, pad, bottom);
        box_take(&pl, bar);
        Box inset = scene_furniture_inset(s, in, pad, bar);
        if (inset.x1 > inset.x0) box_take(&pl, inset);
        box_take(&pl, scene_furniture_north(s, in, pad));
    }
    build_badges(s, in, &pl);
    if (in->graticule) build_graticule_labels(s, in, &pl);
    MarkerIndex markers = {0};
    if (in->basemap != NULL) {
        /* Place and region names keep off every marker. */
        marker_index_build(&markers, s);
        pl.markers = &markers;
        build_labels(s, in, &pl);
        marker_index_free(&markers);
    }
    free(pl.boxes);
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

/*
 * scene_labels: the scene's words on the map, placed greedily so that none
 * overlaps another, the furniture or an event marker: town dots and names
 * (capitals and towns with events first), country and admin-1 names, the
 * count badges of stacked markers and the graticule's degrees. See
 * scene.h; shared helpers in scene_private.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "scene_private.h"
#include "xalloc.h"

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
                                           HALO, scene_add_string(s, text)};
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
/* Graticule labels and count badges                                         */
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
                                                               scene_add_string(s, text)};
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

/* ------------------------------------------------------------------------- */
/* All the labels                                                            */
/* ------------------------------------------------------------------------- */

void scene_labels_build(Scene *s, const SceneInput *in, const Box *taken, size_t ntaken)
{
    const View *v = &s->view;
    Placer pl = {NULL, 0, 0, {(float)v->x, (float)v->y, (float)(v->x + v->w),
                              (float)(v->y + v->h)}, NULL};
    for (size_t k = 0; k < ntaken; k++) box_take(&pl, taken[k]);
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

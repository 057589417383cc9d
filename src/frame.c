/*
 * frame: a figure over the data. See frame.h.
 */
#include "frame.h"

#include <float.h>
#include <math.h>

#include "filter.h"
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

float frame_scale(const Figure *fig)
{
    return fig->scale > 0 ? fig->scale : scene_scale_for(fig->width, fig->height);
}

void frame_days(const EventSet *set, const Figure *fig, int32_t *day0, int32_t *day1)
{
    *day0 = fig->day0 != FIGURE_DAY_UNSET_FROM ? fig->day0 : set->count ? set->day[0] : 0;
    *day1 = fig->day1 != FIGURE_DAY_UNSET_TO ? fig->day1
          : set->count ? set->day[set->count - 1] : 0;
}

void frame_view(const EventSet *set, const Figure *fig, const uint8_t *visible, View *v)
{
    view_init(v, fig->proj, 0, 0, fig->width, fig->height);
    if (fig->fit == FIGURE_FIT_CENTER &&
        proj_forward(&v->proj, fig->center_lon, fig->center_lat, &v->cx, &v->cy)) {
        v->mpp = fig->mpp;
        return;
    }
    if (fig->fit == FIGURE_FIT_BBOX) {
        view_fit_bbox(v, fig->bbox[0], fig->bbox[1], fig->bbox[2], fig->bbox[3]);
        return;
    }
    /* Fit the events shown, with room for the furniture around them. */
    int32_t day0, day1;
    frame_days(set, fig, &day0, &day1);
    size_t lo, hi;
    events_range(set, day0, day1, &lo, &hi);
    double x0 = DBL_MAX, y0 = DBL_MAX, x1 = -DBL_MAX, y1 = -DBL_MAX;
    for (size_t i = lo; i < hi; i++) {
        double x, y;
        bool shown = visible != NULL ? visible[i] != 0 : filter_match(&fig->filter, set, i);
        if (!shown || !proj_forward(&v->proj, events_lon(set, i), events_lat(set, i), &x, &y))
            continue;
        x0 = fmin(x0, x);
        y0 = fmin(y0, y);
        x1 = fmax(x1, x);
        y1 = fmax(y1, y);
    }
    if (x0 > x1) return;                 /* nothing shown: the Sahel box */
    const double min_extent = 400e3;     /* never closer than 400 km across */
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    double hw = fmax((x1 - x0) / 2, min_extent / 2);
    double hh = fmax((y1 - y0) / 2, min_extent / 2);
    double margin = fmin(fig->width, fig->height) * 0.06 + 60 * frame_scale(fig);
    view_fit_projected(v, cx - hw, cy - hh, cx + hw, cy + hh, margin);
}

void frame_scene_input(const FrameData *data, const Figure *fig, const View *view,
                       SceneInput *in)
{
    int32_t day0, day1;
    frame_days(data->set, fig, &day0, &day1);
    size_t lo, hi;
    events_range(data->set, day0, day1, &lo, &hi);
    *in = (SceneInput){
        .events = data->set, .lo = lo, .hi = hi, .day0 = day0, .day1 = day1,
        .type_mask = fig->filter.type_mask, .visible = data->visible, .fade = fig->fade,
        .view = view, .basemap = data->map, .width = fig->width, .height = fig->height,
        .scale = frame_scale(fig), .title = fig->title[0] ? fig->title : NULL,
        .event_credit = data->event_credit, .graticule = fig->graticule,
        .furniture = !fig->bare, .layer = fig->layer, .class_max = fig->class_max,
        .color_by = fig->color_by,
    };
    if (fig->color_by != COLOR_BY_TYPE && fig->class_day0 != FIGURE_DAY_UNSET_FROM) {
        in->class_range = true;
        events_range(data->set, fig->class_day0, fig->class_day1, &in->class_lo,
                     &in->class_hi);
    }
}

/* ------------------------------------------------------------------------- */
/* Checks                                                                    */
/* ------------------------------------------------------------------------- */

static int tolower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Edit distance of two short strings (case-insensitive ASCII), capped. */
static int distance(const char *a, const char *b)
{
    enum { MAX = 64 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= MAX || lb >= MAX) return MAX;
    int row[MAX + 1];
    for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = tolower_ascii(a[i - 1]) != tolower_ascii(b[j - 1]);
            int best = diag + cost;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Whether some event names `name` in field; else the closest names (up to
 * three, nearest first) into out. */
static bool name_known(const EventSet *set, EventText field, const char *name, char *out,
                       size_t cap)
{
    const char *best[3] = {NULL, NULL, NULL};
    int dist[3] = {1 << 30, 1 << 30, 1 << 30};
    uint32_t seen_ref[256];
    size_t nseen = 0;
    for (size_t i = 0; i < set->count; i++) {
        uint32_t ref = events_text_ref(set, i, field);
        bool seen = false;
        for (size_t k = 0; k < nseen && !seen; k++) seen = seen_ref[k] == ref;
        if (seen) continue;
        if (nseen < 256) seen_ref[nseen++] = ref;
        const char *have = events_text(set, i, field);
        if (strcmp(have, name) == 0) return true;
        if (have[0] == '\0') continue;
        int d = distance(name, have);
        for (int k = 0; k < 3; k++) {
            if (d < dist[k]) {
                for (int m = 2; m > k; m--) {
                    best[m] = best[m - 1];
                    dist[m] = dist[m - 1];
                }
                best[k] = have;
                dist[k] = d;
                break;
            }
        }
    }
    out[0] = '\0';
    size_t len = 0;
    for (int k = 0; k < 3 && best[k] != NULL && len < cap; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%.60s", k ? ", " : "", best[k]);
    return false;
}

bool frame_check(const EventSet *set, const Figure *fig, Error *err)
{
    if (set->count == 0) return true;        /* nothing loaded: said elsewhere */
    int32_t day0, day1;
    frame_days(set, fig, &day0, &day1);
    size_t lo, hi;
    events_range(set, day0, day1, &lo, &hi);
    if (lo == hi) {
        char a[32], b[32], first[32], last[32];
        scene_format_day(day0, a, sizeof a);
        scene_format_day(day1, b, sizeof b);
        scene_format_day(set->day[0], first, sizeof first);
        scene_format_day(set->day[set->count - 1], last, sizeof last);
        return error_set(err, "no events between %s and %s: the data runs from %s to %s", a, b,
                         first, last);
    }
    const struct { const char *name, *option; EventText field; } places[2] = {
        {fig->filter.country, "--country", TEXT_COUNTRY},
        {fig->filter.admin1, "--admin1", TEXT_ADMIN1},
    };
    for (int p = 0; p < 2; p++) {
        char near[200], name[FILTER_PLACES_MAX];
        for (int k = 0; filter_places_get(places[p].name, k, name, sizeof name); k++) {
            if (name_known(set, places[p].field, name, near, sizeof near)) continue;
            if (near[0])
                return error_set(err, "%s '%.60s': no event in it; did you mean %s?",
                                 places[p].option, name, near);
            return error_set(err, "%s '%.60s': no event names a %s", places[p].option, name,
                             p == 0 ? "country" : "admin-1 area");
        }
    }
    return true;
}

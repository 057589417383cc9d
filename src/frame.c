/*
 * frame: a figure over the data. See frame.h.
 */
#include "frame.h"

#include <float.h>
#include <math.h>

#include "filter.h"

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
        if (!shown || !proj_forward(&v->proj, set->lon[i], set->lat[i], &x, &y))
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
    };
}

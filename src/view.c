/*
 * view: viewport math. See view.h.
 */
#include "view.h"

#include <float.h>
#include <math.h>

#define MIN_MPP 1.0
#define MAX_MPP 100000.0
#define EDGE_SAMPLES 64

static double clamp_mpp(double mpp)
{
    return mpp < MIN_MPP ? MIN_MPP : mpp > MAX_MPP ? MAX_MPP : mpp;
}

void view_init(View *v, ProjKind kind, int x, int y, int w, int h)
{
    proj_init(&v->proj, kind);
    v->x = x;
    v->y = y;
    v->w = w > 1 ? w : 1;
    v->h = h > 1 ? h : 1;
    v->cx = v->cy = 0;
    v->mpp = 5000;
    view_fit_bbox(v, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1,
                  VIEW_SAHEL_LAT1);
}

void view_fit_projected(View *v, double x0, double y0, double x1, double y1,
                        double margin)
{
    double w = v->w - 2 * margin, h = v->h - 2 * margin;
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    double dx = fabs(x1 - x0), dy = fabs(y1 - y0);
    double mpp = fmax(dx / w, dy / h);
    v->cx = (x0 + x1) / 2;
    v->cy = (y0 + y1) / 2;
    v->mpp = clamp_mpp(mpp > 0 ? mpp : v->mpp);
}

bool view_fit_bbox(View *v, double lon0, double lat0, double lon1, double lat1)
{
    if (!(lon1 > lon0) || !(lat1 > lat0)) return false;
    double x0 = DBL_MAX, y0 = DBL_MAX, x1 = -DBL_MAX, y1 = -DBL_MAX;
    int hits = 0;
    for (int i = 0; i <= EDGE_SAMPLES; i++) {
        double t = (double)i / EDGE_SAMPLES;
        double lon = lon0 + t * (lon1 - lon0), lat = lat0 + t * (lat1 - lat0);
        const double pts[4][2] = {{lon, lat0}, {lon, lat1}, {lon0, lat}, {lon1, lat}};
        for (int k = 0; k < 4; k++) {
            double x, y;
            if (!proj_forward(&v->proj, pts[k][0], pts[k][1], &x, &y)) continue;
            x0 = fmin(x0, x);
            y0 = fmin(y0, y);
            x1 = fmax(x1, x);
            y1 = fmax(y1, y);
            hits++;
        }
    }
    if (hits == 0) return false;
    view_fit_projected(v, x0, y0, x1, y1, 0);
    return true;
}

bool view_lonlat_to_screen(const View *v, double lon, double lat, double *sx,
                           double *sy)
{
    double x, y;
    if (!proj_forward(&v->proj, lon, lat, &x, &y)) return false;
    view_to_screen(v, x, y, sx, sy);
    return true;
}

void view_zoom_at(View *v, double factor, double sx, double sy)
{
    if (!(factor > 0)) return;
    double px, py;
    view_from_screen(v, sx, sy, &px, &py);
    v->mpp = clamp_mpp(v->mpp / factor);
    /* Keep (px, py) under (sx, sy). */
    v->cx = px - (sx - v->x - v->w * 0.5) * v->mpp;
    v->cy = py + (sy - v->y - v->h * 0.5) * v->mpp;
}

void view_pan(View *v, double dx, double dy)
{
    v->cx -= dx * v->mpp;
    v->cy += dy * v->mpp;
}

bool view_center_lonlat(const View *v, double *lon, double *lat)
{
    return proj_inverse(&v->proj, v->cx, v->cy, lon, lat);
}

void view_set_projection(View *v, ProjKind kind)
{
    double lon = 2, lat = 16, kp = 1, km = 1;
    bool centred = view_center_lonlat(v, &lon, &lat);
    double ground = v->mpp;     /* ground metres per pixel at the centre */
    if (centred && proj_scale(&v->proj, lon, lat, &kp, &km)) ground = v->mpp / kp;
    proj_init(&v->proj, kind);
    double x, y;
    if (centred && proj_forward(&v->proj, lon, lat, &x, &y)) {
        v->cx = x;
        v->cy = y;
        if (proj_scale(&v->proj, lon, lat, &kp, &km)) v->mpp = clamp_mpp(ground * kp);
    } else {
        view_fit_bbox(v, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1,
                      VIEW_SAHEL_LAT1);
    }
}

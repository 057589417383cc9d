/*
 * view: the viewport. Which part of the projected plane is shown in which
 * rectangle of pixels: a projected centre and a scale (metres per pixel),
 * with north up in projected coordinates. Pure math, no drawing.
 */
#ifndef SAHELMAP_VIEW_H
#define SAHELMAP_VIEW_H

#include <stdbool.h>

#include "proj.h"

/* The Sahel box the basemap covers (lon -18..25, lat 5..28). */
#define VIEW_SAHEL_LON0 (-18.0)
#define VIEW_SAHEL_LAT0 5.0
#define VIEW_SAHEL_LON1 25.0
#define VIEW_SAHEL_LAT1 28.0

typedef struct View {
    Proj proj;
    double cx, cy;        /* projected point at the centre of the map area */
    double mpp;           /* metres per pixel */
    int x, y, w, h;       /* the map area, in output pixels */
} View;

/* A view of projection `kind` on the map area (x, y, w, h), fitted to the
 * whole Sahel box. */
void view_init(View *v, ProjKind kind, int x, int y, int w, int h);

/* Fits a lon/lat box: its outline is projected (each edge sampled at 64
 * points), and the rectangle bounding it in projected coordinates is fitted
 * inside the map area, centred, aspect ratio kept. False (view unchanged)
 * if the box is empty or nothing of it can be projected. */
bool view_fit_bbox(View *v, double lon0, double lat0, double lon1, double lat1);

/* Fits a projected rectangle, leaving `margin` pixels on every side. */
void view_fit_projected(View *v, double x0, double y0, double x1, double y1,
                        double margin);

/* Projected metres <-> output pixels. */
static inline void view_to_screen(const View *v, double px, double py,
                                  double *sx, double *sy)
{
    *sx = v->x + v->w * 0.5 + (px - v->cx) / v->mpp;
    *sy = v->y + v->h * 0.5 - (py - v->cy) / v->mpp;
}
/* Whether an output pixel position lies in the view's map area. */
static inline bool view_contains(const View *v, double sx, double sy)
{
    return sx >= v->x && sx < v->x + v->w && sy >= v->y && sy < v->y + v->h;
}
static inline void view_from_screen(const View *v, double sx, double sy,
                                    double *px, double *py)
{
    *px = v->cx + (sx - v->x - v->w * 0.5) * v->mpp;
    *py = v->cy - (sy - v->y - v->h * 0.5) * v->mpp;
}

/* Degrees -> output pixels; false outside the projection's domain. */
bool view_lonlat_to_screen(const View *v, double lon, double lat, double *sx,
                           double *sy);

/* Zooms by `factor` (> 1 zooms in) keeping the point under pixel (sx, sy)
 * fixed. The scale is kept within 1 m/px .. 100 km/px. */
void view_zoom_at(View *v, double factor, double sx, double sy);

/* Moves the map by (dx, dy) pixels (the content follows the pointer). */
void view_pan(View *v, double dx, double dy);

/* Changes projection keeping the geographic centre and the ground scale at
 * the centre roughly the same. */
void view_set_projection(View *v, ProjKind kind);

/* The geographic centre of the view; false if it is off the globe. */
bool view_center_lonlat(const View *v, double *lon, double *lat);

#endif

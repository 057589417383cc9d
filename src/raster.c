/*
 * raster: the basemap through Cairo. See raster.h.
 */
#include "raster.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Quiet tones: the events are the subject, the map is the ground. */
#define PAPER 0xECEDEEu              /* outside the basemap's box */
#define SEA 0xD4E4EFu
#define LAND 0xEAE6DDu
#define FOCUS_LAND 0xF8F6F1u          /* Mali, Burkina Faso, Niger */
#define LAKE 0xBCD5E8u
#define WATER_LINE 0x86AFD3u
#define COAST 0x8FB0C8u
#define ADMIN1_LINE 0xADA497u
#define COUNTRY_LINE 0x6F675Eu

static void set_rgb(cairo_t *cr, uint32_t rgb, double alpha)
{
    cairo_set_source_rgba(cr, ((rgb >> 16) & 0xFF) / 255.0,
                          ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0,
                          alpha);
}

/* Adds the paths of a shape to the current Cairo path, in pixels. */
static void add_shape(cairo_t *cr, const Basemap *map, const View *v,
                      const BasemapShape *s, bool close)
{
    for (uint32_t p = s->first_path; p < s->first_path + s->npaths; p++) {
        const BasemapPath *path = &map->paths[p];
        bool pen_down = false;
        for (uint32_t i = 0; i < path->count; i++) {
            double x = map->x[path->start + i], y = map->y[path->start + i];
            if (isnan(x)) {
                pen_down = false;
                continue;
            }
            double sx, sy;
            view_to_screen(v, x, y, &sx, &sy);
            if (pen_down) cairo_line_to(cr, sx, sy);
            else cairo_move_to(cr, sx, sy);
            pen_down = true;
        }
        if (close && pen_down) cairo_close_path(cr);
    }
}

static void fill_layer(cairo_t *cr, const Basemap *map, const View *v,
                       BasemapLayerId id, uint32_t rgb)
{
    const BasemapLayer *layer = &map->layers[id];
    set_rgb(cr, rgb, 1);
    for (size_t s = 0; s < layer->count; s++) {
        add_shape(cr, map, v, &layer->shapes[s], true);
        cairo_fill(cr);
    }
}

static void stroke_layer(cairo_t *cr, const Basemap *map, const View *v,
                         BasemapLayerId id, uint32_t rgb, double alpha,
                         double width)
{
    const BasemapLayer *layer = &map->layers[id];
    set_rgb(cr, rgb, alpha);
    cairo_set_line_width(cr, width);
    for (size_t s = 0; s < layer->count; s++) {
        add_shape(cr, map, v, &layer->shapes[s], false);
        cairo_stroke(cr);
    }
}

/* The outline of a lon/lat box, sampled every 0.25 degrees. */
static void add_box_outline(cairo_t *cr, const View *v, double lon0, double lat0,
                            double lon1, double lat1)
{
    const double corners[5][2] = {{lon0, lat0}, {lon1, lat0}, {lon1, lat1},
                                  {lon0, lat1}, {lon0, lat0}};
    for (int e = 0; e < 4; e++) {
        double dlon = corners[e + 1][0] - corners[e][0];
        double dlat = corners[e + 1][1] - corners[e][1];
        int steps = (int)ceil(fmax(fabs(dlon), fabs(dlat)) / 0.25);
        for (int k = 0; k < steps; k++) {
            double sx, sy;
            double t = (double)k / steps;
            if (view_lonlat_to_screen(v, corners[e][0] + t * dlon,
                                      corners[e][1] + t * dlat, &sx, &sy))
                cairo_line_to(cr, sx, sy);
        }
    }
    cairo_close_path(cr);
}

static bool is_focus(const Basemap *map, const BasemapShape *s)
{
    const char *iso = basemap_str(map, s->country);
    return strcmp(iso, "MLI") == 0 || strcmp(iso, "BFA") == 0 ||
           strcmp(iso, "NER") == 0;
}

/* Meridians and parallels every 5 degrees, densely sampled so they curve
 * as the projection bends them. */
static void draw_graticule(cairo_t *cr, const View *v, float scale)
{
    set_rgb(cr, 0x5B7083, 0.28);
    cairo_set_line_width(cr, 0.7 * scale);
    for (int pass = 0; pass < 2; pass++) {
        for (int k = -180; k <= 180; k += 5) {
            if (pass == 1 && abs(k) > 85) continue;
            bool pen = false;
            for (double t = -180; t <= 180; t += 0.25) {
                double lon = pass == 0 ? k : t, lat = pass == 0 ? t / 2 : k;
                double sx, sy;
                if (!view_lonlat_to_screen(v, lon, lat, &sx, &sy) ||
                    fabs(sx) > 1e5 || fabs(sy) > 1e5) {
                    pen = false;
                    continue;
                }
                if (pen) cairo_line_to(cr, sx, sy);
                else cairo_move_to(cr, sx, sy);
                pen = true;
            }
            cairo_stroke(cr);
        }
    }
}

void raster_draw(cairo_t *cr, const Basemap *map, const View *v, float scale, bool graticule)
{
    cairo_save(cr);
    cairo_rectangle(cr, v->x, v->y, v->w, v->h);
    cairo_clip(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);

    /* Paper outside the area the basemap covers, sea inside it: what lies
     * beyond the data is never mistaken for sea. */
    set_rgb(cr, PAPER, 1);
    cairo_paint(cr);                                 /* within the clip */
    set_rgb(cr, SEA, 1);
    add_box_outline(cr, v, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1,
                    VIEW_SAHEL_LAT1);
    cairo_fill(cr);
    fill_layer(cr, map, v, BASEMAP_LAND, LAND);

    const BasemapLayer *countries = &map->layers[BASEMAP_COUNTRIES];
    for (size_t s = 0; s < countries->count; s++) {
        const BasemapShape *c = &countries->shapes[s];
        set_rgb(cr, is_focus(map, c) ? FOCUS_LAND : LAND, 1);
        add_shape(cr, map, v, c, true);
        cairo_fill(cr);
    }
    fill_layer(cr, map, v, BASEMAP_LAKES, LAKE);
    if (graticule) draw_graticule(cr, v, scale);

    stroke_layer(cr, map, v, BASEMAP_RIVERS, WATER_LINE, 1, 1.1 * scale);
    stroke_layer(cr, map, v, BASEMAP_LAKES, WATER_LINE, 1, 0.6 * scale);
    stroke_layer(cr, map, v, BASEMAP_COASTLINE, COAST, 1, 0.9 * scale);

    const double dash[2] = {3.5 * scale, 2.5 * scale};
    cairo_set_dash(cr, dash, 2, 0);
    stroke_layer(cr, map, v, BASEMAP_ADMIN1_BORDERS, ADMIN1_LINE, 1, 0.8 * scale);
    cairo_set_dash(cr, NULL, 0, 0);
    /* Country borders over a soft light casing, so they read over fills. */
    stroke_layer(cr, map, v, BASEMAP_COUNTRY_BORDERS, 0xFFFFFF, 0.7, 3.2 * scale);
    stroke_layer(cr, map, v, BASEMAP_COUNTRY_BORDERS, COUNTRY_LINE, 1, 1.3 * scale);
    cairo_restore(cr);
}

static void set_argb(cairo_t *cr, uint32_t argb)
{
    cairo_set_source_rgba(cr, ((argb >> 16) & 0xFF) / 255.0, ((argb >> 8) & 0xFF) / 255.0,
                          (argb & 0xFF) / 255.0, (argb >> 24) / 255.0);
}

void raster_inset_map(cairo_t *cr, const Basemap *map, const View *iv, float scale)
{
    cairo_save(cr);
    set_rgb(cr, PAPER, 1);
    cairo_rectangle(cr, iv->x, iv->y, iv->w, iv->h);
    cairo_fill(cr);
    raster_draw(cr, map, iv, 0.5f * scale, false);
    cairo_restore(cr);
}

void raster_inset(cairo_t *cr, const Basemap *map, const View *iv, const float box[4][2],
                  uint32_t box_argb, uint32_t frame_argb, float scale)
{
    raster_inset_map(cr, map, iv, scale);
    raster_inset_box(cr, iv, box, box_argb, frame_argb, scale);
}

void raster_inset_box(cairo_t *cr, const View *iv, const float box[4][2], uint32_t box_argb,
                      uint32_t frame_argb, float scale)
{
    cairo_save(cr);
    cairo_rectangle(cr, iv->x, iv->y, iv->w, iv->h);
    cairo_clip(cr);
    /* The view's box, never smaller than a few pixels. */
    double cx = 0, cy = 0;
    for (int k = 0; k < 4; k++) {
        cx += box[k][0] / 4;
        cy += box[k][1] / 4;
    }
    double grow = fmax(0, 3 * scale - fabs(box[2][0] - box[0][0]) / 2);
    cairo_new_path(cr);
    for (int k = 0; k < 4; k++) {
        double dx = box[k][0] - cx, dy = box[k][1] - cy, len = hypot(dx, dy);
        double f = len > 0 ? (len + grow) / len : 1;
        cairo_line_to(cr, cx + dx * f, cy + dy * f);
    }
    cairo_close_path(cr);
    set_argb(cr, box_argb);
    cairo_set_line_width(cr, 1.8 * scale);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_stroke(cr);
    cairo_reset_clip(cr);
    set_argb(cr, frame_argb);
    cairo_set_line_width(cr, fmax(1, round(scale)));
    cairo_rectangle(cr, iv->x + 0.5, iv->y + 0.5, iv->w - 1, iv->h - 1);
    cairo_stroke(cr);
    cairo_restore(cr);
}

bool raster_basemap(uint32_t *pixels, int w, int h, int stride,
                    const Basemap *map, const View *v, float scale,
                    bool graticule, Error *err)
{
    cairo_surface_t *surface = cairo_image_surface_create_for_data(
        (unsigned char *)pixels, CAIRO_FORMAT_ARGB32, w, h, stride);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return error_set(err, "cannot draw into a %dx%d image", w, h);
    }
    cairo_t *cr = cairo_create(surface);
    /* Every pixel: the paper first, then the map over its own area. */
    set_rgb(cr, PAPER, 1);
    cairo_paint(cr);
    View whole = *v;
    whole.x = whole.y = 0;
    whole.w = w;
    whole.h = h;
    raster_draw(cr, map, &whole, scale, graticule);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return error_set(err, "drawing the basemap failed: %s",
                         cairo_status_to_string(status));
    return true;
}

/*
 * raster: draws the basemap (sea, land, countries, admin-1 areas, lakes,
 * rivers, coastline, dashed admin-1 borders, country borders, optional
 * graticule) for a view into a 32-bit ARGB pixel buffer with Cairo:
 * antialiased lines, fills with holes, dashes. The window caches the result
 * as a texture; the export draws straight into its output surface.
 */
#ifndef SAHELMAP_RASTER_H
#define SAHELMAP_RASTER_H

#include <stdbool.h>
#include <stdint.h>

#include <cairo.h>

#include "basemap.h"
#include "error.h"
#include "view.h"

/* Draws into pixels (w x h, `stride` bytes per row, native-endian ARGB as
 * SDL_PIXELFORMAT_ARGB8888 and CAIRO_FORMAT_ARGB32 both are). The basemap
 * must be projected for v->proj (basemap_project). Line widths are
 * multiplied by `scale`. Every pixel is written (the result is opaque). */
bool raster_basemap(uint32_t *pixels, int w, int h, int stride,
                    const Basemap *map, const View *v, float scale,
                    bool graticule, Error *err);

/* A locator map: the basemap in the inset view iv (its map area is the
 * inset's box, framed in frame_rgb), with the quadrilateral `box` (the main
 * view's corners in the same pixels) outlined in box_argb. */
void raster_inset(cairo_t *cr, const Basemap *map, const View *iv, const float box[4][2],
                  uint32_t box_argb, uint32_t frame_argb, float scale);

/* The two halves of raster_inset: the map (paper and basemap: the same
 * for every main view, so the window keeps it), then the box and frame. */
void raster_inset_map(cairo_t *cr, const Basemap *map, const View *iv, float scale);
void raster_inset_box(cairo_t *cr, const View *iv, const float box[4][2], uint32_t box_argb,
                      uint32_t frame_argb, float scale);

/* The same drawing on any Cairo context (an image, or a PDF or SVG page,
 * where it stays vectors), clipped to the view's map area. */
void raster_draw(cairo_t *cr, const Basemap *map, const View *v, float scale, bool graticule);

#endif

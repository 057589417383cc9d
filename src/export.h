/*
 * export: report-ready PNGs of a view, drawn without a display: the basemap
 * by raster straight into an SDL surface, then the Scene by render through
 * a software renderer on that surface, then SDL2_image writes the PNG.
 * Writes are atomic: a temporary file in the target's directory, fsync,
 * rename. An interrupted or failed export never leaves a partial file at
 * the target path, and an input file is never overwritten.
 */
#ifndef SAHELMAP_EXPORT_H
#define SAHELMAP_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "basemap.h"
#include "error.h"
#include "events.h"
#include "filter.h"
#include "load.h"
#include "proj.h"

#define EXPORT_MAX_SIDE 8192

typedef struct ExportRequest {
    const char *path;            /* the PNG to write */
    int width, height;           /* 16..EXPORT_MAX_SIDE */
    ProjKind proj;
    bool has_bbox;               /* else: fit the events shown */
    double bbox[4];              /* lon0, lat0, lon1, lat1 */
    bool has_view;               /* an exact view (the window's), wins */
    double view_lon, view_lat;   /* ... its centre */
    double view_mpp;             /* ... and projected metres per pixel */
    int32_t day0, day1;          /* inclusive date window (days) */
    Filter filter;               /* types, text, fatalities, places */
    bool fade;                   /* older events in the window fade */
    int heatmap;                 /* HeatmapMode: off, events, fatalities */
    const char *title;           /* NULL: the default title */
    const char *event_credit;    /* "Events: ..." for the credits line */
    bool graticule;
    bool bare;                   /* the map only: no title, legend, ... */
    char *const *inputs;         /* files the user loaded: never written */
    int ninputs;
} ExportRequest;

/* Draws set (finished) over map for req and writes the PNG. False with err
 * (a message naming the path and the reason) on any failure, in which case
 * the target path is untouched. */
bool export_png(EventSet *set, Basemap *map, const ExportRequest *req,
                Error *err);

/* Draws what export_png would write into a new surface (ARGB8888) the
 * caller frees with SDL_FreeSurface; NULL with err on failure. */
struct SDL_Surface;
struct SDL_Surface *export_draw(EventSet *set, Basemap *map,
                                const ExportRequest *req, Error *err);

/* export_draw that also hands back the Scene it drew (markers, labels and
 * furniture items, in pixels of the image), for tests that need to know
 * where things are. *scene is overwritten; the caller releases it with
 * scene_free, also after a failure (then it is empty). scene may be NULL. */
struct Scene;
struct SDL_Surface *export_draw_scene(EventSet *set, Basemap *map,
                                      const ExportRequest *req, struct Scene *scene,
                                      Error *err);

/* The view export_png would use for req, in a width x height image (for
 * tests and for the window's "print the export command"). */
struct View;
void export_view(EventSet *set, const ExportRequest *req, struct View *out);

/* Writes surface-format pixels to path atomically (tmp + fsync + rename).
 * Used by export_png and the window's screenshots. */
bool export_write_png(struct SDL_Surface *surface, const char *path,
                      char *const *inputs, int ninputs, Error *err);

/* The "Events: ..." credit for the files loaded: ACLED's or UCDP's
 * attribution as their terms ask, or the bundled data's own. */
void export_event_credit(const LoadReport *reports, char *const *paths, int n,
                         char *out, size_t cap);

#endif

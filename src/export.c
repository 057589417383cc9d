/*
 * export: PNG export. See export.h.
 */
#include "export.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundled.h"
#include "raster.h"
#include "render.h"
#include "scene.h"
#include "view.h"

/* ------------------------------------------------------------------------- */
/* The view                                                                  */
/* ------------------------------------------------------------------------- */

/* The view for req; `visible` (filter_apply's result, or NULL) spares
 * running a text filter over the notes a second time. */
static void fit_view(EventSet *set, const ExportRequest *req, const uint8_t *visible,
                     View *v)
{
    view_init(v, req->proj, 0, 0, req->width, req->height);
    if (req->has_view &&
        proj_forward(&v->proj, req->view_lon, req->view_lat, &v->cx, &v->cy)) {
        v->mpp = req->view_mpp;
        return;
    }
    if (req->has_bbox) {
        view_fit_bbox(v, req->bbox[0], req->bbox[1], req->bbox[2], req->bbox[3]);
        return;
    }
    /* Fit the events shown, with room for the furniture around them. */
    size_t lo, hi;
    events_range(set, req->day0, req->day1, &lo, &hi);
    double x0 = DBL_MAX, y0 = DBL_MAX, x1 = -DBL_MAX, y1 = -DBL_MAX;
    for (size_t i = lo; i < hi; i++) {
        double x, y;
        bool shown = visible != NULL ? visible[i] != 0 : filter_match(&req->filter, set, i);
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
    float scale = scene_scale_for(req->width, req->height);
    double margin = fmin(req->width, req->height) * 0.06 + 60 * scale;
    view_fit_projected(v, cx - hw, cy - hh, cx + hw, cy + hh, margin);
}

void export_view(EventSet *set, const ExportRequest *req, View *v)
{
    fit_view(set, req, NULL, v);
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

static bool same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

bool export_write_png(SDL_Surface *surface, const char *path,
                      char *const *inputs, int ninputs, Error *err)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return error_set(err, "%s: is a directory", path);
        for (int i = 0; i < ninputs; i++)
            if (same_file(&st, inputs[i]))
                return error_set(err, "%s: refusing to overwrite an input file", path);
    }
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
        return error_set(err, "%s: path too long", path);
    int fd = mkstemp(tmp);
    if (fd < 0) return error_set(err, "%s: cannot write here: %s", path, strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "wb");
    SDL_RWops *rw = f ? SDL_RWFromFP(f, SDL_FALSE) : NULL;
    bool ok = rw != NULL && IMG_SavePNG_RW(surface, rw, 0) == 0;
    if (!ok) error_set(err, "%s: writing the PNG failed: %s", path, IMG_GetError());
    if (rw != NULL) SDL_RWclose(rw);
    if (ok && (fflush(f) != 0 || fsync(fileno(f)) != 0))
        ok = error_set(err, "%s: writing failed: %s", path, strerror(errno));
    if (f != NULL) {
        if (fclose(f) != 0 && ok)
            ok = error_set(err, "%s: writing failed: %s", path, strerror(errno));
    } else {
        close(fd);
    }
    if (ok && rename(tmp, path) != 0)
        ok = error_set(err, "%s: cannot replace it: %s", path, strerror(errno));
    if (!ok) unlink(tmp);
    return ok;
}

/* ------------------------------------------------------------------------- */
/* Drawing                                                                   */
/* ------------------------------------------------------------------------- */

SDL_Surface *export_draw_scene(EventSet *set, Basemap *map, const ExportRequest *req,
                               Scene *scene_out, Error *err)
{
    if (scene_out != NULL) *scene_out = (Scene){0};
    if (req->width < 16 || req->height < 16 || req->width > EXPORT_MAX_SIDE ||
        req->height > EXPORT_MAX_SIDE) {
        error_set(err, "image size %dx%d: each side must be 16 to %d",
                  req->width, req->height, EXPORT_MAX_SIDE);
        return NULL;
    }
    /* The filter once, for both the view's fit and the scene. */
    uint8_t *visible = NULL;
    if (!filter_only_types(&req->filter)) {
        visible = malloc(set->count + 1);
        if (visible == NULL) {
            error_set(err, "out of memory");
            return NULL;
        }
        filter_apply(&req->filter, set, visible);
    }
    View view;
    fit_view(set, req, visible, &view);
    basemap_project(map, &view.proj);

    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
        0, req->width, req->height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (surface == NULL) {
        free(visible);
        error_set(err, "no memory for a %dx%d image", req->width, req->height);
        return NULL;
    }
    float scale = scene_scale_for(req->width, req->height);
    bool ok = raster_basemap(surface->pixels, surface->w, surface->h,
                             surface->pitch, map, &view, scale, req->graticule, err);

    SDL_Renderer *sdl = NULL;
    Renderer r;
    bool have_renderer = false, ttf = false;
    if (ok) {
        ttf = TTF_Init() == 0;
        sdl = SDL_CreateSoftwareRenderer(surface);
        if (!ttf || sdl == NULL)
            ok = error_set(err, "cannot start drawing: %s", SDL_GetError());
    }
    if (ok) ok = have_renderer = render_init(&r, sdl, scale, err);
    if (ok) {
        size_t lo, hi;
        events_range(set, req->day0, req->day1, &lo, &hi);
        SceneInput in = {
            .events = set, .lo = lo, .hi = hi, .day0 = req->day0, .day1 = req->day1,
            .type_mask = req->filter.type_mask, .visible = visible, .fade = req->fade,
            .view = &view, .basemap = map,
            .width = req->width, .height = req->height, .scale = scale,
            .title = req->title, .event_credit = req->event_credit,
            .graticule = req->graticule, .furniture = !req->bare,
            .heatmap = (HeatmapMode)req->heatmap,
            .measure = render_measure, .measure_ctx = &r,
        };
        Scene scene = {0};
        scene_build(&scene, &in);
        render_overlay(&r, &scene);
        SDL_RenderFlush(sdl);
        if (scene_out != NULL) *scene_out = scene;
        else scene_free(&scene);
    }
    free(visible);
    if (have_renderer) render_free(&r);
    if (sdl != NULL) SDL_DestroyRenderer(sdl);
    if (ttf) TTF_Quit();
    if (!ok) {
        SDL_FreeSurface(surface);
        return NULL;
    }
    return surface;
}

SDL_Surface *export_draw(EventSet *set, Basemap *map, const ExportRequest *req,
                         Error *err)
{
    return export_draw_scene(set, map, req, NULL, err);
}

bool export_png(EventSet *set, Basemap *map, const ExportRequest *req, Error *err)
{
    SDL_Surface *surface = export_draw(set, map, req, err);
    if (surface == NULL) return false;
    bool ok = export_write_png(surface, req->path, req->inputs, req->ninputs, err);
    SDL_FreeSurface(surface);
    return ok;
}

/* ------------------------------------------------------------------------- */
/* Credits                                                                   */
/* ------------------------------------------------------------------------- */

void export_event_credit(const LoadReport *reports, char *const *paths, int n,
                         char *out, size_t cap)
{
    const char *parts[4] = {NULL};
    int nparts = 0;
    for (int i = 0; i < n; i++) {
        if (!reports[i].ok) continue;
        const char *part = bundled_contains(paths[i])
            ? "sahelmap's curation of public reporting (ACLED format)"
            : reports[i].kind == RECORD_ACLED ? "ACLED, www.acleddata.com"
            : reports[i].kind == RECORD_UCDP ? "UCDP GED (CC BY 4.0)"
            : "the files shown";
        bool seen = false;
        for (int k = 0; k < nparts; k++) seen |= strcmp(parts[k], part) == 0;
        if (!seen && nparts < 4) parts[nparts++] = part;
    }
    snprintf(out, cap, "Events: ");
    for (int k = 0; k < nparts; k++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", k ? "; " : "", parts[k]);
    }
    if (nparts == 0) snprintf(out, cap, "Events: none loaded");
}

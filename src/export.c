/*
 * export: PNG export of a figure request. See export.h.
 */
#include "export.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "check.h"
#include "bundled.h"
#include "raster.h"
#include "render.h"
#include "scene.h"
#include "view.h"

/* ------------------------------------------------------------------------- */
/* The view                                                                  */
/* ------------------------------------------------------------------------- */

float export_scale(const Figure *fig)
{
    return fig->scale > 0 ? fig->scale : scene_scale_for(fig->width, fig->height);
}

void export_days(const EventSet *set, const Figure *fig, int32_t *day0, int32_t *day1)
{
    *day0 = fig->day0 != FIGURE_DAY_UNSET_FROM ? fig->day0 : set->count ? set->day[0] : 0;
    *day1 = fig->day1 != FIGURE_DAY_UNSET_TO ? fig->day1
          : set->count ? set->day[set->count - 1] : 0;
}

void export_view(const EventSet *set, const Figure *fig, const uint8_t *visible, View *v)
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
    export_days(set, fig, &day0, &day1);
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
    double margin = fmin(fig->width, fig->height) * 0.06 + 60 * export_scale(fig);
    view_fit_projected(v, cx - hw, cy - hh, cx + hw, cy + hh, margin);
}

void export_scene_input(const ExportData *data, const Figure *fig, const View *view,
                        SceneInput *in)
{
    int32_t day0, day1;
    export_days(data->set, fig, &day0, &day1);
    size_t lo, hi;
    events_range(data->set, day0, day1, &lo, &hi);
    *in = (SceneInput){
        .events = data->set, .lo = lo, .hi = hi, .day0 = day0, .day1 = day1,
        .type_mask = fig->filter.type_mask, .visible = data->visible, .fade = fig->fade,
        .view = view, .basemap = data->map, .width = fig->width, .height = fig->height,
        .scale = export_scale(fig), .title = fig->title[0] ? fig->title : NULL,
        .event_credit = data->event_credit, .graticule = fig->graticule,
        .furniture = !fig->bare, .layer = fig->layer, .class_max = fig->class_max,
    };
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

static bool same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* The temporary file being written, for the signal handler: the one
 * mutable global of the module, because a handler can reach nothing else.
 * Set before the file exists, cleared after it is renamed or removed. */
static char signal_tmp[PATH_MAX];
static volatile sig_atomic_t signal_tmp_set;

static void on_fatal_signal(int sig)
{
    if (signal_tmp_set) unlink(signal_tmp);        /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);                                    /* delivered on return */
}

void export_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
}

/* The PNG to standard output, as a stream (nothing to rename). */
static bool write_stdout(SDL_Surface *surface, Error *err)
{
    if (isatty(STDOUT_FILENO))
        return error_set(err, "standard output is a terminal: refusing to write a PNG "
                              "there (redirect it: -o - > map.png)");
    SDL_RWops *rw = SDL_RWFromFP(stdout, SDL_FALSE);
    bool ok = rw != NULL && IMG_SavePNG_RW(surface, rw, 0) == 0;
    if (!ok) error_set(err, "standard output: writing the PNG failed: %s", IMG_GetError());
    if (rw != NULL) SDL_RWclose(rw);
    if (ok && fflush(stdout) != 0)
        ok = error_set(err, "standard output: writing failed: %s", strerror(errno));
    return ok;
}

bool export_write_png(SDL_Surface *surface, const char *path,
                      char *const *inputs, int ninputs, Error *err)
{
    if (strcmp(path, "-") == 0) return write_stdout(surface, err);
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    if (!exists && errno != ENOENT) return error_set(err, "%s: %s", path, strerror(errno));
    if (exists) {
        if (S_ISDIR(st.st_mode))
            return error_set(err, "%s: is a directory", path);
        if (S_ISLNK(st.st_mode))
            return error_set(err, "%s: is a symbolic link: refusing to replace it (name "
                                  "the file it points to)", path);
        if (!S_ISREG(st.st_mode))
            return error_set(err, "%s: not a regular file (a FIFO or device?): refusing "
                                  "to replace it (-o - writes to standard output)", path);
        for (int i = 0; i < ninputs; i++)
            if (same_file(&st, inputs[i]))
                return error_set(err, "%s: refusing to overwrite an input file", path);
        /* Read-only for its owner's choice even where root could write. */
        if (access(path, W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
            return error_set(err, "%s: is read-only: refusing to replace it", path);
    }
    /* The temporary beside the target, hidden and marked as ours:
     * DIR/.NAME.sahelmap-XXXXXX. A killed run's are removed first. */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char dir[PATH_MAX], prefix[PATH_MAX], tmp[PATH_MAX];
    if (slash == NULL) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    snprintf(prefix, sizeof prefix, ".%s.sahelmap-", base);
    if (snprintf(tmp, sizeof tmp, "%s/%sXXXXXX", dir, prefix) >= (int)sizeof tmp)
        return error_set(err, "%s: path too long", path);
    cache_remove_stale_temps(dir, prefix, "");
    snprintf(signal_tmp, sizeof signal_tmp, "%s", tmp);
    int fd = mkstemp(signal_tmp);
    if (fd < 0) return error_set(err, "%s: cannot write here: %s", path, strerror(errno));
    memcpy(tmp, signal_tmp, sizeof tmp);
    signal_tmp_set = 1;
    flock(fd, LOCK_EX);                      /* not stale while written */
    if (exists) {
        /* The target keeps its permissions (and, if we may, its owner). */
        if (fchown(fd, st.st_uid, st.st_gid) != 0) {
            /* not ours to give: the new file is ours */
        }
        fchmod(fd, st.st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    FILE *f = fdopen(fd, "wb");
    SDL_RWops *rw = f ? SDL_RWFromFP(f, SDL_FALSE) : NULL;
    bool ok = rw != NULL && IMG_SavePNG_RW(surface, rw, 0) == 0;
    if (!ok) error_set(err, "%s: writing the PNG failed: %s", path, IMG_GetError());
    if (rw != NULL) SDL_RWclose(rw);
    if (ok && (fflush(f) != 0 || fsync(fileno(f)) != 0))
        ok = error_set(err, "%s: writing failed: %s", path, strerror(errno));
    if (ok && rename(tmp, path) != 0)            /* still locked */
        ok = error_set(err, "%s: cannot replace it: %s", path, strerror(errno));
    if (!ok) unlink(tmp);
    signal_tmp_set = 0;
    if (f != NULL) {
        if (fclose(f) != 0 && ok)
            ok = error_set(err, "%s: writing failed: %s", path, strerror(errno));
    } else {
        close(fd);
    }
    return ok;
}

/* ------------------------------------------------------------------------- */
/* Drawing                                                                   */
/* ------------------------------------------------------------------------- */

SDL_Surface *export_draw(const ExportData *data, const Figure *fig, Scene *scene_out,
                         Error *err)
{
    if (scene_out != NULL) memset(scene_out, 0, sizeof *scene_out);
    if (fig->width < FIGURE_MIN_SIDE || fig->height < FIGURE_MIN_SIDE ||
        fig->width > FIGURE_MAX_SIDE || fig->height > FIGURE_MAX_SIDE) {
        error_set(err, "image size %dx%d: each side must be %d to %d", fig->width,
                  fig->height, FIGURE_MIN_SIDE, FIGURE_MAX_SIDE);
        return NULL;
    }
    SM_ASSERT(data->map == NULL || data->map->projected_kind == (int)fig->proj);
    /* The filter once, for both the view's fit and the scene. */
    ExportData d = *data;
    uint8_t *visible = NULL;
    if (d.visible == NULL && !filter_only_types(&fig->filter)) {
        visible = malloc(d.set->count + 1);
        if (visible == NULL) {
            error_set(err, "out of memory");
            return NULL;
        }
        filter_apply(&fig->filter, d.set, visible);
        d.visible = visible;
    }
    View view;
    export_view(d.set, fig, d.visible, &view);

    /* Drawn as the window draws: into an opaque surface of the window's
     * pixel format that goes on below the map (where the window has its
     * timeline), clipped to the map area. SDL's scaled copies (the density
     * grid overhangs the map by part of a cell) clip differently at a
     * surface's edge than at a clip rectangle, so the margin makes the
     * pixels the window's. */
    float scale = export_scale(fig);
    int margin = (int)ceilf(12 * scale) + 2;
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(
        0, fig->width, fig->height + margin, 32, SDL_PIXELFORMAT_RGB888);
    if (canvas == NULL) {
        free(visible);
        error_set(err, "no memory for a %dx%d image", fig->width, fig->height);
        return NULL;
    }
    bool ok = d.map == NULL ||
              raster_basemap(canvas->pixels, canvas->w, fig->height, canvas->pitch, d.map,
                             &view, scale, fig->graticule, err);

    SDL_Renderer *sdl = NULL;
    Renderer r;
    bool have_renderer = false, ttf = false;
    if (ok) {
        ttf = TTF_Init() == 0;
        sdl = SDL_CreateSoftwareRenderer(canvas);
        if (!ttf || sdl == NULL)
            ok = error_set(err, "cannot start drawing: %s", SDL_GetError());
    }
    if (ok) ok = have_renderer = render_init(&r, sdl, scale, err);
    if (ok) {
        SceneInput in;
        export_scene_input(&d, fig, &view, &in);
        in.measure = render_measure;
        in.measure_ctx = &r;
        Scene scene = {0};
        scene_build(&scene, &in);
        SDL_RenderSetClipRect(sdl, &(SDL_Rect){0, 0, fig->width, fig->height});
        render_overlay(&r, &scene);
        SDL_RenderFlush(sdl);
        if (scene_out != NULL) *scene_out = scene;
        else scene_free(&scene);
    }
    free(visible);
    if (have_renderer) render_free(&r);
    if (sdl != NULL) SDL_DestroyRenderer(sdl);
    if (ttf) TTF_Quit();
    SDL_Surface *surface = NULL;
    if (ok) {
        surface = SDL_CreateRGBSurfaceWithFormat(0, fig->width, fig->height, 32,
                                                 SDL_PIXELFORMAT_RGB888);
        if (surface == NULL) error_set(err, "no memory for a %dx%d image", fig->width, fig->height);
        for (int y = 0; surface != NULL && y < fig->height; y++)
            memcpy((uint8_t *)surface->pixels + (size_t)y * surface->pitch,
                   (uint8_t *)canvas->pixels + (size_t)y * canvas->pitch, (size_t)fig->width * 4);
    }
    SDL_FreeSurface(canvas);
    if (surface == NULL && scene_out != NULL) scene_free(scene_out);
    return surface;
}

bool export_png(const ExportData *data, const Figure *fig, Error *err)
{
    SDL_Surface *surface = export_draw(data, fig, NULL, err);
    if (surface == NULL) return false;
    bool ok = export_write_png(surface, fig->output, data->inputs, data->ninputs, err);
    SDL_FreeSurface(surface);
    return ok;
}

/* ------------------------------------------------------------------------- */
/* Credits                                                                   */
/* ------------------------------------------------------------------------- */

void export_event_credit(const Config *cfg, const LoadReport *reports,
                         char *const *paths, int n, char *out, size_t cap)
{
    const char *parts[4] = {NULL};
    int nparts = 0;
    for (int i = 0; i < n; i++) {
        if (!reports[i].ok) continue;
        const char *part = bundled_contains(cfg, paths[i])
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

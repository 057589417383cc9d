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
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "check.h"
#include "provenance.h"
#include "vector.h"
#include "raster.h"
#include "render.h"
#include "scene.h"
#include "view.h"

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

void export_signals_install(void)
{
    outfile_signals_install();
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
}

bool export_write_png(SDL_Surface *surface, const char *path,
                      char *const *inputs, int ninputs, Error *err)
{
    if (strcmp(path, "-") == 0 && isatty(STDOUT_FILENO))
        return error_set(err, "standard output is a terminal: refusing to write a PNG "
                              "there (redirect it: -o - > map.png)");
    OutFile out;
    if (!outfile_open(&out, path, inputs, ninputs, err)) return false;
    SDL_RWops *rw = SDL_RWFromFP(out.f, SDL_FALSE);
    bool ok = rw != NULL && IMG_SavePNG_RW(surface, rw, 0) == 0;
    if (!ok) error_set(err, "%s: writing the PNG failed: %s",
                       strcmp(path, "-") == 0 ? "standard output" : path, IMG_GetError());
    if (rw != NULL) SDL_RWclose(rw);
    if (!ok) {
        outfile_abort(&out);
        return false;
    }
    return outfile_commit(&out, err);
}

/* ------------------------------------------------------------------------- */
/* Drawing                                                                   */
/* ------------------------------------------------------------------------- */

SDL_Surface *export_draw(const FrameData *data, const Figure *fig, Scene *scene_out,
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
    FrameData d = *data;
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
    frame_view(d.set, fig, d.visible, &view);

    /* Drawn as the window draws: into an opaque surface of the window's
     * pixel format that goes on below the map (where the window has its
     * timeline), clipped to the map area. SDL's scaled copies (the density
     * grid overhangs the map by part of a cell) clip differently at a
     * surface's edge than at a clip rectangle, so the margin makes the
     * pixels the window's. */
    float scale = frame_scale(fig);
    int margin = (int)ceilf(12 * scale) + 2;
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(
        0, fig->width, fig->height + margin, 32, SDL_PIXELFORMAT_RGB888);
    if (canvas == NULL) {
        free(visible);
        error_set(err, "no memory for a %dx%d image", fig->width, fig->height);
        return NULL;
    }
    bool ok = true;
    if (d.base_pixels != NULL && d.base_w == fig->width && d.base_h == fig->height) {
        for (int y = 0; y < fig->height; y++)         /* drawn once before */
            memcpy((uint8_t *)canvas->pixels + (size_t)y * canvas->pitch,
                   d.base_pixels + (size_t)y * d.base_w, (size_t)d.base_w * 4);
    } else if (d.map != NULL) {
        ok = raster_basemap(canvas->pixels, canvas->w, fig->height, canvas->pitch, d.map,
                            &view, scale, fig->graticule, err);
    }

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
    if (ok) render_set_target(&r, canvas);
    if (ok) {
        SceneInput in;
        frame_scene_input(&d, fig, &view, &in);
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

bool export_figure(const FrameData *data, const Figure *fig, Error *err)
{
    VectorFormat vf;
    if (vector_format_of(fig->output, &vf)) return vector_export(data, fig, vf, NULL, err);
    const char *dot = strrchr(fig->output, '.');
    bool png = strcmp(fig->output, "-") == 0 ||
               (dot != NULL && strchr(dot, '/') == NULL && strcasecmp(dot, ".png") == 0);
    if (!png)
        return error_set(err, "-o %.200s: sahelmap writes .png, .pdf and .svg", fig->output);
    return export_png(data, fig, err);
}

bool export_png(const FrameData *data, const Figure *fig, Error *err)
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

/* The load report's kind of the file at path (set->files[f] is the path
 * given to the loader, or that path and a member inside it). */
typedef struct CreditFiles {
    const LoadReport *reports;
    char *const *paths;
    int n;
} CreditFiles;

static RecordKind credit_file_kind(void *ctx, const char *path)
{
    const CreditFiles *cf = ctx;
    for (int i = 0; i < cf->n; i++) {
        size_t len = strlen(cf->paths[i]);
        if (cf->reports[i].ok && strncmp(path, cf->paths[i], len) == 0 &&
            (path[len] == '\0' || path[len] == ':'))
            return cf->reports[i].kind;
    }
    return RECORD_GENERIC;
}

void export_event_credit(const EventSet *set, const LoadReport *reports,
                         char *const *paths, int n, char *out, size_t cap)
{
    CreditFiles cf = {reports, paths, n};
    provenance_credit_line(provenance_of_set(set, credit_file_kind, &cf), out, cap);
}

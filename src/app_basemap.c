/*
 * app_basemap: the basemap raster cached in a texture. Rasterised by
 * Cairo (raster) once the view rests; while the view moves, the last raster
 * is drawn shifted and scaled, so panning and zooming stay smooth. The
 * basemap itself was projected when the projection changed: nothing here
 * projects. See app_private.h.
 *
 * A raster can take 50-150 ms when zoomed in, longer than several frames:
 * once a raster exists, a new one is drawn by a background thread while the
 * window goes on drawing the old one scaled (the basemap is read-only while
 * it runs: app_basemap_wait comes first in whatever changes it). Only the
 * very first raster, and the one after a resize, projection or graticule
 * change, is drawn in the frame itself, so the first frame shows the map.
 */
#include "app_private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "raster.h"
#include "xalloc.h"

struct BaseJob {
    SDL_Thread *thread;            /* NULL: drawn in the frame itself */
    bool background;
    View view;                     /* what it draws */
    unsigned gen;                  /* app->base_gen when it began */
    uint32_t *pixels;              /* w * h, its own */
    int w, h;
    const Basemap *map;
    float scale;
    bool graticule;
    bool ok;
    Error err;
    SDL_atomic_t done;
};

static int base_job_run(void *arg)
{
    BaseJob *job = arg;
    job->ok = raster_basemap(job->pixels, job->w, job->h, job->w * 4, job->map, &job->view,
                             job->scale, job->graticule, &job->err);
    SDL_AtomicSet(&job->done, 1);
    if (job->background) {
        SDL_Event wake = {.type = SDL_USEREVENT};
        SDL_PushEvent(&wake);      /* the loop may be waiting for input */
    }
    return 0;
}

/* Ends the job (waiting for it) and takes its raster if it is still what
 * the window needs. */
static void base_job_finish(App *app)
{
    BaseJob *job = app->base_job;
    if (job == NULL) return;
    SDL_WaitThread(job->thread, NULL);
    if (job->ok && job->gen == app->base_gen && job->w == app->w &&
        job->h == (int)app->layout.map_h) {
        SDL_UpdateTexture(app->base_tex, NULL, job->pixels, job->w * 4);
        uint32_t *swap = app->base_pixels;     /* base_pixels: the texture's */
        app->base_pixels = job->pixels;
        job->pixels = swap;
        app->base_view = job->view;
        app->base_valid = true;
    }
    free(job->pixels);
    free(job);
    app->base_job = NULL;
}

void app_basemap_wait(App *app)
{
    base_job_finish(app);
}

bool app_basemap_busy(const App *app)
{
    return app->base_job != NULL && !SDL_AtomicGet(&app->base_job->done);
}

void app_basemap_resize(App *app)
{
    app_basemap_wait(app);
    int mh = (int)app->layout.map_h > 0 ? (int)app->layout.map_h : 1;
    if (app->base_tex) SDL_DestroyTexture(app->base_tex);
    /* Cairo's raster is opaque (the paper first): copied without blending,
     * a plain copy in memory for the software renderer. */
    app->base_tex = SDL_CreateTexture(app->sdl, SDL_PIXELFORMAT_RGB888,
                                      SDL_TEXTUREACCESS_STREAMING, app->w, mh);
    SDL_SetTextureBlendMode(app->base_tex, SDL_BLENDMODE_NONE);
    free(app->base_pixels);
    app->base_pixels = xmalloc((size_t)app->w * (size_t)(mh + 1) * 4);
    app->base_valid = false;
}

void app_basemap_invalidate(App *app)
{
    app->base_valid = false;
    app->base_gen++;
    app->dirty = true;
}

void app_basemap_free(App *app)
{
    app_basemap_wait(app);
    if (app->base_tex) SDL_DestroyTexture(app->base_tex);
    app->base_tex = NULL;
    free(app->base_pixels);
    app->base_pixels = NULL;
}

bool app_view_equal(const View *a, const View *b)
{
    return a->cx == b->cx && a->cy == b->cy && a->mpp == b->mpp && a->w == b->w &&
           a->h == b->h && a->proj.kind == b->proj.kind;
}

void app_basemap_update(App *app, bool moving)
{
    int mw = app->w, mh = (int)app->layout.map_h;
    if (mh <= 0) return;
    Uint64 t0 = SDL_GetPerformanceCounter();
    if (app->base_job != NULL && (SDL_AtomicGet(&app->base_job->done) || !app->base_valid))
        base_job_finish(app);
    bool stale = !app->base_valid || !app_view_equal(&app->base_view, &app->view);
    if (stale && !(moving && app->base_valid) && app->base_job == NULL) {
        BaseJob *job = xcalloc(1, sizeof *job);
        /* With nothing to show meanwhile, it is drawn now. */
        *job = (BaseJob){.background = app->base_valid, .view = app->view,
                         .gen = app->base_gen, .w = mw, .h = mh, .map = &app->map,
                         .scale = app->scale, .graticule = app->graticule};
        job->pixels = xmalloc((size_t)mw * (size_t)(mh + 1) * 4);
        app->base_job = job;
        if (job->background)
            job->thread = SDL_CreateThread(base_job_run, "basemap", job);
        if (job->thread == NULL) {     /* not in the background, or no thread */
            job->background = false;
            base_job_run(job);
            base_job_finish(app);
        }
    }
    app->frame.ms[FRAME_RASTER] += app_ms_since(t0);
}

/* The last raster scaled by k with its top-left corner at (x0, y0), nearest
 * pixel, straight into the software renderer's window surface (the
 * renderer's target: render_set_target) inside clip.
 * SDL's own scaled copy first scales into a temporary image the size of the
 * whole destination whenever it overhangs the window: 12,000 x 7,000 pixels
 * at a 9x zoom, 300 ms a frame. */
static bool draw_scaled_direct(const App *app, const SDL_Rect *clip, double x0, double y0,
                               double k)
{
    SDL_Surface *t = app->r.target;
    if (t == NULL || t->format->BytesPerPixel != 4 || clip->x + clip->w > t->w ||
        clip->y + clip->h > t->h)
        return false;
    SDL_RenderFlush(app->sdl);     /* the paper beneath, where the raster ends */
    int bw = app->base_view.w, bh = app->base_view.h;
    /* The columns the raster covers, [xa, xb), and the pixel of it each shows. */
    int *col = xmalloc((size_t)clip->w * sizeof *col);
    int xa = clip->w, xb = 0;
    for (int x = 0; x < clip->w; x++) {
        double u = floor((clip->x + x + 0.5 - x0) / k);
        col[x] = u >= 0 && u < bw ? (int)u : -1;
        if (col[x] >= 0) {
            if (x < xa) xa = x;
            xb = x + 1;
        }
    }
    bool shift = xa < xb && col[xb - 1] - col[xa] == xb - 1 - xa;   /* a pan: rows copied */
    for (int y = 0; y < clip->h && xa < xb; y++) {
        double v = floor((clip->y + y + 0.5 - y0) / k);
        if (v < 0 || v >= bh) continue;
        const uint32_t *src = app->base_pixels + (size_t)v * (size_t)bw;
        uint32_t *dst = (uint32_t *)((uint8_t *)t->pixels + (size_t)(clip->y + y) * t->pitch) +
                        clip->x;
        if (shift)
            memcpy(dst + xa, src + col[xa], (size_t)(xb - xa) * 4);
        else
            for (int x = xa; x < xb; x++) dst[x] = src[col[x]];
    }
    free(col);
    return true;
}

void app_basemap_draw(const App *app)
{
    int mw = app->w, mh = (int)app->layout.map_h;
    if (mh <= 0) return;
    SDL_Rect clip = {0, 0, mw, mh};
    SDL_RenderSetClipRect(app->sdl, &clip);
    bool drawn = app->base_valid && app->base_view.proj.kind == app->view.proj.kind;
    if (!drawn || !app_view_equal(&app->base_view, &app->view)) {
        /* The sea, where no raster covers the map (opaque: not blended). */
        SDL_SetRenderDrawBlendMode(app->sdl, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(app->sdl, 0xEC, 0xED, 0xEE, 0xFF);
        SDL_RenderFillRect(app->sdl, &clip);
    }
    if (!drawn) return;
    if (app_view_equal(&app->base_view, &app->view)) {
        SDL_SetTextureScaleMode(app->base_tex, SDL_ScaleModeNearest);
        SDL_RenderCopy(app->sdl, app->base_tex, NULL, &clip);   /* pixel for pixel */
        return;
    }
    const View *b = &app->base_view;
    double x0, y0;
    view_to_screen(&app->view, b->cx - b->w * 0.5 * b->mpp, b->cy + b->h * 0.5 * b->mpp,
                   &x0, &y0);
    double k = b->mpp / app->view.mpp;
    if (draw_scaled_direct(app, &clip, x0, y0, k)) return;
    SDL_FRect dst = {(float)x0, (float)y0, (float)(b->w * k), (float)(b->h * k)};
    SDL_SetTextureScaleMode(app->base_tex, SDL_ScaleModeLinear);
    SDL_RenderCopyF(app->sdl, app->base_tex, NULL, &dst);
}

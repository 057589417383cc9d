/*
 * app_basemap: the basemap raster cached in a texture. Rasterised by
 * Cairo (raster) once the view rests (in the update step); while the view
 * moves, the last raster is drawn shifted and scaled, so panning and zooming stay smooth. The
 * basemap itself was projected when the projection changed: nothing here
 * projects. See app_private.h.
 */
#include "app_private.h"

#include <stdlib.h>

#include "raster.h"
#include "xalloc.h"

void app_basemap_resize(App *app)
{
    int mh = (int)app->layout.map_h > 0 ? (int)app->layout.map_h : 1;
    if (app->base_tex) SDL_DestroyTexture(app->base_tex);
    app->base_tex = SDL_CreateTexture(app->sdl, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_STREAMING, app->w, mh);
    free(app->base_pixels);
    app->base_pixels = xmalloc((size_t)app->w * (size_t)(mh + 1) * 4);
    app->base_valid = false;
}

void app_basemap_invalidate(App *app)
{
    app->base_valid = false;
    app->dirty = true;
}

void app_basemap_free(App *app)
{
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
    bool stale = !app->base_valid || !app_view_equal(&app->base_view, &app->view);
    if (!stale || (moving && app->base_valid)) return;
    Error err;
    Uint64 t0 = SDL_GetPerformanceCounter();
    if (raster_basemap(app->base_pixels, mw, mh, mw * 4, &app->map, &app->view, app->scale,
                       app->graticule, &err)) {
        SDL_UpdateTexture(app->base_tex, NULL, app->base_pixels, mw * 4);
        app->base_view = app->view;
        app->base_valid = true;
    }
    app->frame.ms[FRAME_RASTER] += app_ms_since(t0);
}

void app_basemap_draw(const App *app)
{
    int mw = app->w, mh = (int)app->layout.map_h;
    if (mh <= 0) return;
    SDL_Rect clip = {0, 0, mw, mh};
    SDL_RenderSetClipRect(app->sdl, &clip);
    SDL_SetRenderDrawColor(app->sdl, 0xEC, 0xED, 0xEE, 0xFF);
    SDL_RenderFillRect(app->sdl, &clip);
    if (!app->base_valid || app->base_view.proj.kind != app->view.proj.kind) return;
    if (app_view_equal(&app->base_view, &app->view)) {
        SDL_RenderCopy(app->sdl, app->base_tex, NULL, &clip);   /* pixel for pixel */
        return;
    }
    const View *b = &app->base_view;
    double x0, y0;
    view_to_screen(&app->view, b->cx - b->w * 0.5 * b->mpp, b->cy + b->h * 0.5 * b->mpp,
                   &x0, &y0);
    double k = b->mpp / app->view.mpp;
    SDL_FRect dst = {(float)x0, (float)y0, (float)(b->w * k), (float)(b->h * k)};
    SDL_RenderCopyF(app->sdl, app->base_tex, NULL, &dst);
}

/*
 * bench_frame: what a window frame costs with SDL's software renderer (the
 * renderer a laptop without a GPU gets) at 1920x1080: the cached basemap
 * texture, the scene (markers, or the density layer when they would
 * overdraw), labels, furniture and the timeline. Events are projected once
 * beforehand, as the window does.
 *
 *   bench_frame EVENTS.json...
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "basemap.h"
#include "bundled.h"
#include "events.h"
#include "load.h"
#include "raster.h"
#include "render.h"
#include "scene.h"
#include "timeline.h"
#include "ui.h"
#include "view.h"

#define W 1920
#define H 1080

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct Bench {
    EventSet set;
    Basemap map;
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    Renderer r;
    SDL_Texture *base;
    View view;
    UiLayout layout;
    Timeline tl;
    Histogram hist;
    Scene scene, ui;
    double *px, *py;
} Bench;

static void frame(Bench *b)
{
    SDL_RenderCopy(b->sdl, b->base, NULL, &(SDL_Rect){0, 0, W, (int)b->layout.map_h});
    size_t lo, hi;
    events_range(&b->set, b->tl.day0, b->tl.day1, &lo, &hi);
    SceneInput in = {
        .events = &b->set, .lo = lo, .hi = hi, .day0 = b->tl.day0, .day1 = b->tl.day1,
        .type_mask = ~0u, .fade = true, .proj_x = b->px, .proj_y = b->py, .view = &b->view,
        .basemap = &b->map, .width = W, .height = (int)b->layout.map_h, .scale = 1,
        .event_credit = "Events: synthetic", .furniture = true,
        .measure = render_measure, .measure_ctx = &b->r,
    };
    scene_build(&b->scene, &in);
    render_overlay(&b->r, &b->scene);
    UiTimelineInfo info = {0};
    for (size_t i = lo; i < hi; i++) {
        info.events++;
        info.fatalities += b->set.fat[i];
    }
    scene_reset(&b->ui, W, H, 1);
    ui_build_timeline(&b->ui, &b->layout, &b->tl, &b->hist, &info, render_measure, &b->r);
    render_overlay(&b->r, &b->ui);
    SDL_RenderFlush(b->sdl);
}

/* Average milliseconds per frame over n frames, stepping the window by
 * `step` days before each one. */
static double time_frames(Bench *b, int n, int step)
{
    frame(b);                              /* warm caches: sprites, text */
    double t0 = now();
    for (int k = 0; k < n; k++) {
        if (step) timeline_step(&b->tl, step);
        frame(b);
    }
    return (now() - t0) * 1000 / n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_frame EVENTS.json...\n");
        return 2;
    }
    TTF_Init();
    printf("Frame benchmark: 1920x1080, SDL software renderer, LAEA, whole region\n\n");
    printf("  %-10s %-34s %10s %12s\n", "events", "frame", "ms/frame", "drawn as");
    for (int f = 1; f < argc; f++) {
        Bench *b = calloc(1, sizeof *b);
        events_init(&b->set);
        LoadReport rep;
        char *paths[1] = {argv[f]};
        load_files(&b->set, paths, 1, &rep);
        char asset[4096];
        Error err;
        Config cfg;
        if (!config_from_env(&cfg, &err)) return 2;
        bundled_asset(&cfg, "sahel-basemap.json", asset, sizeof asset);
        if (!basemap_load(&b->map, asset, &err)) return 1;
        b->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
        b->sdl = SDL_CreateSoftwareRenderer(b->surface);
        render_init(&b->r, b->sdl, 1, &err);
        b->r.cache_text = true;
        ui_layout(&b->layout, W, H, 1);
        view_init(&b->view, PROJ_LAEA, 0, 0, W, (int)b->layout.map_h);
        basemap_project(&b->map, &b->view.proj);
        uint32_t *pixels = malloc((size_t)W * H * 4);
        raster_basemap(pixels, W, (int)b->layout.map_h, W * 4, &b->map, &b->view, 1, false, &err);
        b->base = SDL_CreateTexture(b->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                    W, (int)b->layout.map_h);
        SDL_UpdateTexture(b->base, NULL, pixels, W * 4);
        free(pixels);
        b->px = malloc(b->set.count * sizeof *b->px + 8);
        b->py = malloc(b->set.count * sizeof *b->py + 8);
        for (size_t i = 0; i < b->set.count; i++)
            if (!proj_forward(&b->view.proj, events_lon(&b->set, i), events_lat(&b->set, i),
                              &b->px[i], &b->py[i]))
                b->px[i] = b->py[i] = NAN;
        timeline_init(&b->tl, b->set.day[0], b->set.day[b->set.count - 1]);
        ui_histogram(&b->hist, &b->set, NULL, ~0u, NULL, &b->tl, &b->layout);

        double all = time_frames(b, 20, 0);
        const char *how = b->scene.grid.kind != GRID_NONE ? "density layer" : "markers";
        printf("  %-10zu %-34s %10.1f %12s\n", b->set.count, "all events in the window", all, how);
        timeline_set_window(&b->tl, b->tl.last - 364, b->tl.last);
        double step = time_frames(b, 20, -1);
        how = b->scene.grid.kind != GRID_NONE ? "density layer" : "markers";
        printf("  %-10zu %-34s %10.1f %12s\n", b->set.count, "1-year window, moved a day a frame",
               step, how);
        SDL_DestroyTexture(b->base);
        render_free(&b->r);
        SDL_DestroyRenderer(b->sdl);
        SDL_FreeSurface(b->surface);
        scene_free(&b->scene);
        scene_free(&b->ui);
        ui_histogram_free(&b->hist);
        basemap_free(&b->map);
        events_free(&b->set);
        free(b->px);
        free(b->py);
        free(b);
    }
    TTF_Quit();
    return 0;
}

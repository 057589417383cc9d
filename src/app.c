/*
 * app: the window's state: opening and closing it, the layout, what
 * follows a load or a projection change, and the figure request of what
 * the map area shows. See app.h and app_private.h.
 */
#include "app_private.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "check.h"
#include "date.h"
#include "export.h"
#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* State                                                                     */
/* ------------------------------------------------------------------------- */

void app_say(App *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->toast, sizeof app->toast, fmt, ap);
    va_end(ap);
    app->toast_until = SDL_GetTicks() + APP_TOAST_MS;
    app->dirty = true;
    if (app->cfg->idle_signal) {             /* for the window tests */
        printf("say %s\n", app->toast);
        fflush(stdout);
    }
}

/* Projects every event for the view's projection (once per projection). */
static void project_events(App *app)
{
    free(app->px);
    free(app->py);
    app->px = xmalloc((app->set.count + 1) * sizeof *app->px);
    app->py = xmalloc((app->set.count + 1) * sizeof *app->py);
    for (size_t i = 0; i < app->set.count; i++)
        if (!proj_forward(&app->view.proj, events_lon(&app->set, i), events_lat(&app->set, i),
                          &app->px[i], &app->py[i]))
            app->px[i] = app->py[i] = NAN;
}

void app_set_projection(App *app, ProjKind kind)
{
    app_basemap_wait(app);         /* its raster reads the basemap */
    if (kind != app->view.proj.kind) view_set_projection(&app->view, kind);
    app->zoom_target = app->view.mpp;
    project_events(app);
    basemap_project(&app->map, &app->view.proj);
    app_basemap_invalidate(app);
    app->dirty = true;
}

void app_refilter(App *app)
{
    free(app->visible);
    app->visible = NULL;
    free(app->unplaced);
    app->unplaced = NULL;
    /* The same without the place lists too, for the checklist's counts:
     * in the same pass, each event matched once. */
    Filter rest = app->filter;
    rest.country[0] = rest.admin1[0] = '\0';
    if ((app->filter.country[0] || app->filter.admin1[0]) && !filter_only_types(&rest))
        app->unplaced = xmalloc(app->set.count + 1);
    if (!filter_only_types(&app->filter)) {
        app->visible = xmalloc(app->set.count + 1);
        filter_apply_unplaced(&app->filter, &app->set, app->visible, app->unplaced);
    }
    app->filter_gen++;
    app->hist_dirty = true;
    app->dirty = true;
}

/* The command line's request, once its files are loaded: the window shows
 * what it asks for (its own size and scale aside). */
static void apply_start_figure(App *app)
{
    const Figure *f = &app->start;
    app_set_projection(app, f->proj);
    int32_t day0 = f->day0 != FIGURE_DAY_UNSET_FROM ? f->day0 : app->tl.first;
    int32_t day1 = f->day1 != FIGURE_DAY_UNSET_TO ? f->day1 : app->tl.last;
    timeline_set_mode(&app->tl, f->mode);
    timeline_set_window(&app->tl, day0, day1);
    app->filter = f->filter;
    snprintf(app->title, sizeof app->title, "%s", f->title);
    app->layer = f->layer;
    app->color_by = f->color_by;
    app->class_day0 = f->class_day0;
    app->class_day1 = f->class_day1;
    app->graticule = f->graticule;
    app_refilter(app);
    if (f->fit == FIGURE_FIT_CENTER &&
        proj_forward(&app->view.proj, f->center_lon, f->center_lat, &app->view.cx,
                     &app->view.cy)) {
        app->view.mpp = f->mpp;
        app->zoom_target = f->mpp;
        app_view_touched(app);
    } else if (f->fit == FIGURE_FIT_BBOX &&
               view_fit_bbox(&app->view, f->bbox[0], f->bbox[1], f->bbox[2], f->bbox[3])) {
        app->zoom_target = app->view.mpp;
        app_view_touched(app);
    } else if (app->set.count > 0) {
        app_fit_events(app);
    } else {
        app_home(app);
    }
}

void app_data_changed(App *app, bool first)
{
    int32_t day0 = app->set.count ? app->set.day[0] : date_from_ymd(2024, 1, 1);
    int32_t day1 = app->set.count ? app->set.day[app->set.count - 1] : day0;
    timeline_init(&app->tl, day0, day1);
    project_events(app);
    app_refilter(app);
    export_event_credit(&app->set, app->reports, app->files, app->nfiles, app->credit,
                        sizeof app->credit);
    if (first) apply_start_figure(app);
}

bool app_files_bundled(const App *app)
{
    bool all = true;
    for (int i = 0; i < app->nfiles; i++) all &= bundled_contains(app->cfg, app->files[i]);
    return all;
}

/* ------------------------------------------------------------------------- */
/* The figure of the view                                                    */
/* ------------------------------------------------------------------------- */

void app_figure(const App *app, int factor, bool with_files, Figure *fig)
{
    figure_init(fig);
    if (with_files) figure_set_files(fig, app->files, app->nfiles);
    fig->width = app->w * factor;
    fig->height = (int)app->layout.map_h * factor;
    fig->scale = app->scale * (float)factor;
    fig->proj = app->view.proj.kind;
    fig->fit = FIGURE_FIT_CENTER;
    fig->mpp = app->view.mpp / factor;
    if (!view_center_lonlat(&app->view, &fig->center_lon, &fig->center_lat)) {
        fig->center_lon = 2;
        fig->center_lat = 16;
    }
    fig->day0 = app->tl.day0;
    fig->day1 = app->tl.day1;
    fig->mode = app->tl.mode;
    fig->filter = app->filter;
    snprintf(fig->title, sizeof fig->title, "%s", app->title);
    fig->layer = app->layer;
    fig->color_by = app->color_by;
    fig->class_day0 = app->class_day0;
    fig->class_day1 = app->class_day1;
    if (app->tl.playing && app->run_fixed) {      /* fixed for the run */
        fig->layer = app->run_layer;
        fig->class_max = app->run_class_max;
        if (app->color_by != COLOR_BY_TYPE) {
            fig->class_day0 = app->run_class_day0;
            fig->class_day1 = app->run_class_day1;
        }
    }
    fig->graticule = app->graticule;
    fig->fade = app->tl.mode != TIMELINE_SINGLE_DAY;
}

void app_export_data(const App *app, FrameData *data)
{
    *data = (FrameData){.set = &app->set, .map = &app->map, .visible = app->visible,
                         .event_credit = app->credit, .inputs = app->files,
                         .ninputs = app->nfiles};
}

/* ------------------------------------------------------------------------- */
/* Layout                                                                    */
/* ------------------------------------------------------------------------- */

void app_update_layout(App *app)
{
    int ww = 0, wh = 0;
    SDL_GetRendererOutputSize(app->sdl, &app->w, &app->h);
    SDL_GetWindowSize(app->window, &ww, &wh);
    app->pixel_ratio = ww > 0 ? (float)app->w / (float)ww : 1.0f;
    float scale = fmaxf(scene_scale_for(app->w, app->h), 0.75f * app->pixel_ratio);
    if (fabsf(scale - app->scale) > 1e-3f || app->r.sdl == NULL) {
        if (app->r.sdl != NULL) render_free(&app->r);
        Error err;
        if (!render_init(&app->r, app->sdl, scale, &err)) {
            fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
            app->running = false;
            return;
        }
        app->r.cache_text = true;
        app->scale = scale;
    }
    ui_layout(&app->layout, app->w, app->h, app->scale);
    /* The event table (T) takes the map's bottom. */
    if (app->table.open)
        app->layout.map_h -= ui_table_height(&app->layout, render_measure, &app->r);
    /* Keep the map's centre when the map area changes size. */
    app->view.x = 0;
    app->view.y = 0;
    app->view.w = app->w;
    app->view.h = (int)app->layout.map_h;
    app_basemap_resize(app);
    app->hist_dirty = true;
    app->dirty = true;
}

/* ------------------------------------------------------------------------- */
/* The renderer                                                              */
/* ------------------------------------------------------------------------- */

/* Whether the OpenGL renderer runs on a software rasteriser (Mesa's
 * llvmpipe or softpipe: no GPU, as under Xvfb or in a virtual machine). */
static bool gl_in_software(SDL_Renderer *sdl)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(sdl, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
        return false;
    typedef const unsigned char *(*GetString)(unsigned int);
    GetString get = (GetString)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    const char *name = get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") ||
                    strstr(name, "Software Rasterizer"));
}

/* The window's renderer: the accelerated one where there is a GPU. Without
 * one, OpenGL through a software rasteriser re-textures the whole window
 * at every present (15 ms at 1280x800 on a 2-core machine), and SDL's
 * software renderer would present through that same OpenGL unless told
 * not to (SDL_HINT_FRAMEBUFFER_ACCELERATION), so it then draws in memory
 * and presents with the window system's own image copy (1 ms). A renderer
 * named in SDL_RENDER_DRIVER is taken as it is. NULL: none could be made. */
static SDL_Renderer *renderer_create(SDL_Window *window)
{
    SDL_Renderer *sdl = SDL_CreateRenderer(window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (sdl != NULL && SDL_GetHint(SDL_HINT_RENDER_DRIVER) == NULL && gl_in_software(sdl)) {
        SDL_DestroyRenderer(sdl);
        sdl = NULL;
    }
    if (sdl == NULL) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        sdl = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    }
    return sdl;
}

/* ------------------------------------------------------------------------- */
/* Opening and closing                                                       */
/* ------------------------------------------------------------------------- */

static bool app_open(App *app, const Figure *fig, const AppOptions *opt)
{
    Error err;
    SM_ASSERT(app->cfg != NULL);
    events_init(&app->set);
    figure_copy(&app->start, fig);
    app->files = xcalloc(1, sizeof *app->files);
    app->reports = xcalloc(1, sizeof *app->reports);

    char asset[PATH_MAX];
    bundled_asset(app->cfg, "sahel-basemap.json", asset, sizeof asset);
    if (!basemap_load(&app->map, asset, &err)) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return false;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "sahelmap: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    int w = opt && opt->width > 0 ? opt->width : 1280;
    int h = opt && opt->height > 0 ? opt->height : 800;
    app->window = SDL_CreateWindow("sahelmap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   w, h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (app->window == NULL) {
        fprintf(stderr, "sahelmap: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    app->sdl = renderer_create(app->window);
    SDL_RendererInfo info;
    app->software = app->sdl != NULL && SDL_GetRendererInfo(app->sdl, &info) == 0 &&
                    (info.flags & SDL_RENDERER_SOFTWARE);
    if (app->sdl == NULL) {
        fprintf(stderr, "sahelmap: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetRenderDrawBlendMode(app->sdl, SDL_BLENDMODE_BLEND);
    SDL_StopTextInput();
    app->running = true;
    app->hover = UINT32_MAX;
    app->said_pick = UINT32_MAX;
    app->shots_dir = opt && opt->shots_dir ? opt->shots_dir : app->cfg->shots_dir;
    frametime_init(&app->frames);
    app_frame_log_open(app);
    filter_init(&app->filter);
    app->layer = SCENE_LAYER_AUTO;
    app->class_day0 = FIGURE_DAY_UNSET_FROM;
    app->class_day1 = FIGURE_DAY_UNSET_TO;
    view_init(&app->view, fig->proj, 0, 0, w, h);
    app_update_layout(app);
    if (!app->running) return false;
    app_data_changed(app, false);
    app_set_projection(app, fig->proj);
    app_home(app);

    /* The files load in the background; the first frame shows the map. */
    char **bundled = NULL;
    char *const *files = fig->files;
    int nfiles = fig->nfiles;
    if (nfiles == 0) {
        bundled = bundled_files(app->cfg, &err);
        if (bundled == NULL) fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        for (nfiles = 0; bundled != NULL && bundled[nfiles]; nfiles++) {}
        files = bundled;
    }
    if (nfiles > 0) app_load_start(app, files, nfiles, true);
    bundled_free(bundled);
    return true;
}

static void app_close(App *app)
{
    app_load_cancel(app);
    app_load_free(app);
    scene_free(&app->scene);
    scene_free(&app->ui);
    ui_histogram_free(&app->hist);
    app_basemap_free(app);
    app_frame_log_close(app);
    if (app->r.sdl) render_free(&app->r);
    if (app->sdl) SDL_DestroyRenderer(app->sdl);
    if (app->window) SDL_DestroyWindow(app->window);
    free(app->px);
    free(app->py);
    free(app->visible);
    app_table_free(app);
    for (int i = 0; i < app->nfiles; i++) free(app->files[i]);
    free(app->files);
    free(app->reports);
    figure_free(&app->start);
    if (app->scene_valid) figure_free(&app->scene_fig);
    describe_free(&app->load_errors);
    basemap_free(&app->map);
    events_free(&app->set);
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
}

int app_run(const Config *cfg, const Figure *fig, const AppOptions *options)
{
    App *app = xcalloc(1, sizeof *app);
    app->cfg = cfg;
    int status = 1;
    if (app_open(app, fig, options)) {
        app_loop(app);
        status = 0;
    }
    app_close(app);
    free(app);
    return status;
}

/*
 * app: the window's state, commands, input and frames. See app.h.
 *
 * Sections: state; data (loading, filtering, projecting); views; commands;
 * screenshots and the export command; mouse; frames; the loop.
 */
#include "app.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "basemap.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "filter.h"
#include "input.h"
#include "load.h"
#include "raster.h"
#include "render.h"
#include "scene.h"
#include "stats.h"
#include "timeline.h"
#include "ui.h"
#include "view.h"
#include "xalloc.h"

#define SETTLE_MS 120          /* re-raster the basemap once the view rests */
#define TOAST_MS 4500
#define MAX_PICKS 64
#define LOADING_SCREEN_MS 150  /* loads shorter than this show no progress */

/* ------------------------------------------------------------------------- */
/* State                                                                     */
/* ------------------------------------------------------------------------- */

typedef enum Drag {
    DRAG_NONE,
    DRAG_MAP,
    DRAG_WINDOW,          /* the timeline window's body */
    DRAG_START,           /* its left edge */
    DRAG_END              /* its right edge */
} Drag;

/* Files being loaded by a background thread. While a job runs, the main
 * thread leaves the event set alone and draws only the map and a progress
 * bar, so the window stays responsive and can be closed. */
typedef struct LoadJob {
    SDL_Thread *thread;
    char **paths;
    int n;
    bool first;                    /* the files given at start: fit after */
    EventSet *set;
    LoadReport *reports;
    SDL_atomic_t file;             /* index of the file being read */
    SDL_atomic_t permille;         /* how far into it, 0..1000 */
    SDL_atomic_t cancel, finished;
    Uint32 started;                /* SDL ticks when it began */
} LoadJob;

typedef struct App {
    /* Window and drawing. */
    SDL_Window *window;
    SDL_Renderer *sdl;
    Renderer r;
    float scale;
    int w, h;                      /* drawable size, px */
    float pixel_ratio;             /* drawable px per window coordinate */
    UiLayout layout;

    /* Data. */
    EventSet set;
    char **files;
    int nfiles;
    LoadReport *reports;
    char credit[256];
    Basemap map;
    double *px, *py;               /* events projected for view.proj */
    int projected_kind;            /* -1: not yet */
    uint8_t *visible;              /* filter result, NULL when only types */
    Filter filter;
    int country_pick, admin1_pick; /* positions in the C / A cycles */

    /* View, time, derived. */
    View view;
    double zoom_target;            /* mpp the smooth zoom heads for */
    double zoom_ax, zoom_ay;       /* ... about this pixel */
    Timeline tl;
    Histogram hist;
    bool hist_dirty;
    Scene scene, ui;
    bool graticule;
    HeatmapMode heatmap;

    /* The cached basemap raster and the view it was drawn for. */
    SDL_Texture *base_tex;
    uint32_t *base_pixels;
    View base_view;
    bool base_valid;
    Uint32 view_changed_at;

    /* Interaction. */
    Drag drag;
    double drag_x, drag_y, drag_moved;
    int32_t drag_day, drag_day0, drag_day1;
    double mouse_x, mouse_y;
    bool pointer_in;               /* the pointer is over the window */
    uint32_t hover;                /* event under the pointer, or UINT32_MAX */
    uint32_t picks[MAX_PICKS];     /* events under the last click */
    int npicks, pick;
    double pick_x, pick_y;
    bool details, stats, help, editing;
    char toast[320];
    Uint32 toast_until;
    const char *shots_dir;
    char last_command[4096];
    LoadJob *job;                  /* files loading, or NULL */
    bool running, dirty;
} App;

/* ------------------------------------------------------------------------- */
/* Data                                                                      */
/* ------------------------------------------------------------------------- */

static void say(App *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(App *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->toast, sizeof app->toast, fmt, ap);
    va_end(ap);
    app->toast_until = SDL_GetTicks() + TOAST_MS;
    app->dirty = true;
}

/* Projects every event for the view's projection (once per projection). */
static void project_events(App *app)
{
    if (app->projected_kind == (int)app->view.proj.kind && app->px != NULL) return;
    free(app->px);
    free(app->py);
    app->px = xmalloc((app->set.count + 1) * sizeof *app->px);
    app->py = xmalloc((app->set.count + 1) * sizeof *app->py);
    for (size_t i = 0; i < app->set.count; i++)
        if (!proj_forward(&app->view.proj, app->set.lon[i], app->set.lat[i],
                          &app->px[i], &app->py[i]))
            app->px[i] = app->py[i] = NAN;
    app->projected_kind = (int)app->view.proj.kind;
}

/* Re-runs the filter after a change to its text, places or fatalities. */
static void refilter(App *app)
{
    free(app->visible);
    app->visible = NULL;
    if (!filter_only_types(&app->filter)) {
        app->visible = xmalloc(app->set.count + 1);
        filter_apply(&app->filter, &app->set, app->visible);
    }
    app->hist_dirty = true;
    app->dirty = true;
}

static void data_changed(App *app)
{
    int32_t first = app->set.count ? app->set.day[0] : date_from_ymd(2024, 1, 1);
    int32_t last = app->set.count ? app->set.day[app->set.count - 1] : first;
    timeline_init(&app->tl, first, last);
    app->projected_kind = -1;
    project_events(app);
    refilter(app);
    export_event_credit(app->reports, app->files, app->nfiles, app->credit,
                        sizeof app->credit);
}

static void fit_events(App *app);
static void home(App *app);

static bool job_progress(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    (void)path;
    LoadJob *job = ctx;
    SDL_AtomicSet(&job->permille, total ? (int)(1000 * (double)done / (double)total) : 1000);
    return SDL_AtomicGet(&job->cancel) == 0;
}

static int job_run(void *data)
{
    LoadJob *job = data;
    LoadProgress progress = {job_progress, job};
    for (int i = 0; i < job->n && SDL_AtomicGet(&job->cancel) == 0; i++) {
        SDL_AtomicSet(&job->file, i);
        SDL_AtomicSet(&job->permille, 0);
        load_file_with(job->set, job->paths[i], &job->reports[i], &progress);
    }
    events_finish(job->set);
    SDL_AtomicSet(&job->finished, 1);
    return 0;
}

/* Starts loading paths (copied) in the background. */
static void job_start(App *app, char *const *paths, int n, bool first)
{
    LoadJob *job = xcalloc(1, sizeof *job);
    job->paths = xcalloc((size_t)n + 1, sizeof *job->paths);
    for (int i = 0; i < n; i++) job->paths[i] = xstrndup(paths[i], strlen(paths[i]));
    job->n = n;
    job->first = first;
    job->set = &app->set;
    job->reports = xcalloc((size_t)n + 1, sizeof *job->reports);
    app->job = job;
    job->started = SDL_GetTicks();
    job->thread = SDL_CreateThread(job_run, "sahelmap-load", job);
    if (job->thread == NULL) job_run(job);          /* no threads: load now */
}

/* Takes a finished (or cancelled) job's results. */
static void job_finish(App *app)
{
    LoadJob *job = app->job;
    if (job->thread != NULL) SDL_WaitThread(job->thread, NULL);
    int loaded = 0;
    const Error *problem = NULL;
    for (int i = 0; i < job->n; i++) {
        LoadReport *rep = &job->reports[i];
        if (!rep->ok) {
            if (rep->error.msg[0])
                fprintf(stderr, "sahelmap: %s\n", error_text(&rep->error).s);
            if (problem == NULL && rep->error.msg[0]) problem = &rep->error;
            continue;
        }
        app->files = xrealloc(app->files, (size_t)(app->nfiles + 2) * sizeof *app->files);
        app->reports = xrealloc(app->reports, (size_t)(app->nfiles + 1) * sizeof *app->reports);
        app->reports[app->nfiles] = *rep;
        app->files[app->nfiles++] = job->paths[i];
        app->files[app->nfiles] = NULL;
        job->paths[i] = NULL;
        loaded++;
    }
    bool first = job->first;
    for (int i = 0; i < job->n; i++) free(job->paths[i]);
    free(job->paths);
    char toast[320] = "";
    if (problem != NULL) snprintf(toast, sizeof toast, "%.300s", error_text(problem).s);
    else if (!first && loaded > 0)
        snprintf(toast, sizeof toast, "Loaded %.200s: %zu events (%zu records, %zu skipped)",
                 app->files[app->nfiles - 1], job->reports[job->n - 1].events,
                 job->reports[job->n - 1].read, job->reports[job->n - 1].skipped);
    free(job->reports);
    free(job);
    app->job = NULL;
    data_changed(app);
    if (first) {
        if (app->set.count > 0) fit_events(app);
        else home(app);
    }
    char title[300];
    snprintf(title, sizeof title, "sahelmap \xe2\x80\x94 %zu events from %d file%s", app->set.count,
             app->nfiles, app->nfiles == 1 ? "" : "s");
    SDL_SetWindowTitle(app->window, title);
    if (toast[0]) say(app, "%s", toast);
    else if (app->set.count == 0)
        say(app, "No events loaded: drop ACLED, UCDP or GeoJSON files here");
    app->dirty = true;
}

/* Cancels a running job and waits for its thread. */
static void job_cancel(App *app)
{
    if (app->job == NULL) return;
    SDL_AtomicSet(&app->job->cancel, 1);
    job_finish(app);
}

/* ------------------------------------------------------------------------- */
/* Views                                                                     */
/* ------------------------------------------------------------------------- */

static void view_touched(App *app)
{
    app->view_changed_at = SDL_GetTicks();
    app->dirty = true;
}

static void fit_events(App *app)
{
    size_t lo, hi;
    events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = lo; i < hi; i++) {
        if (!(app->filter.type_mask & (1u << app->set.type[i]))) continue;
        if (app->visible && !app->visible[i]) continue;
        if (isnan(app->px[i])) continue;
        x0 = fmin(x0, app->px[i]);
        y0 = fmin(y0, app->py[i]);
        x1 = fmax(x1, app->px[i]);
        y1 = fmax(y1, app->py[i]);
    }
    if (x0 > x1) {
        say(app, "No events to fit in this window");
        return;
    }
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    double hw = fmax((x1 - x0) / 2, 100e3), hh = fmax((y1 - y0) / 2, 100e3);
    view_fit_projected(&app->view, cx - hw, cy - hh, cx + hw, cy + hh, 90 * app->scale);
    app->zoom_target = app->view.mpp;
    view_touched(app);
}

static void home(App *app)
{
    view_fit_bbox(&app->view, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1,
                  VIEW_SAHEL_LAT1);
    app->zoom_target = app->view.mpp;
    view_touched(app);
}

/* Smooth zoom: move part of the way to the target each frame. */
static bool zoom_step(App *app, double dt)
{
    double ratio = app->zoom_target / app->view.mpp;
    if (fabs(log(ratio)) < 0.003) {
        if (ratio != 1.0) view_zoom_at(&app->view, app->view.mpp / app->zoom_target,
                                       app->zoom_ax, app->zoom_ay);
        return false;
    }
    double k = 1 - exp(-dt * 14);
    double next = app->view.mpp * pow(ratio, k);
    view_zoom_at(&app->view, app->view.mpp / next, app->zoom_ax, app->zoom_ay);
    view_touched(app);
    return true;
}

static void zoom_by(App *app, double factor, double x, double y)
{
    app->zoom_target = fmin(100000, fmax(1, app->zoom_target / factor));
    app->zoom_ax = x;
    app->zoom_ay = y;
    app->dirty = true;
}

/* ------------------------------------------------------------------------- */
/* Commands                                                                  */
/* ------------------------------------------------------------------------- */

static void screenshot(App *app, int factor);
static void print_command(App *app, int factor, const char *path);

static const int min_fatality_steps[] = {0, 1, 5, 10, 25, 50, 100, 500};

/* Cycles a filter over the names most present in the data: countries, or
 * admin-1 areas (within the chosen country, if any). */
static void cycle_place(App *app, EventText field, int direction)
{
    Stats st;
    stats_compute(&app->set, 0, app->set.count, -1, &st);
    StatsGroup *g = field == TEXT_COUNTRY ? &st.by_country : &st.by_admin1;
    stats_sort_by_events(g);
    int *pick = field == TEXT_COUNTRY ? &app->country_pick : &app->admin1_pick;
    char *target = field == TEXT_COUNTRY ? app->filter.country : app->filter.admin1;
    size_t cap = field == TEXT_COUNTRY ? sizeof app->filter.country : sizeof app->filter.admin1;
    /* The candidates: rows with a name (admin-1 limited to the country). */
    const char *names[64];
    int n = 0;
    for (size_t r = 0; r < g->count && n < 64; r++) {
        uint32_t ref = (uint32_t)g->rows[r].key;
        uint32_t country = (uint32_t)(g->rows[r].key >> 32);
        if (field == TEXT_ADMIN1 && app->filter.country[0] &&
            strcmp(strpool_get(&app->set.strings, country), app->filter.country) != 0)
            continue;
        const char *name = strpool_get(&app->set.strings, ref);
        if (name[0]) names[n++] = name;
    }
    *pick = ((*pick + direction) % (n + 1) + n + 1) % (n + 1);   /* 0 = all */
    snprintf(target, cap, "%s", *pick == 0 ? "" : names[*pick - 1]);
    if (field == TEXT_COUNTRY) {
        app->filter.admin1[0] = '\0';
        app->admin1_pick = 0;
    }
    stats_free(&st);
    refilter(app);
    say(app, "%s: %s", field == TEXT_COUNTRY ? "Country" : "Admin-1 area",
        target[0] ? target : "all");
}

static void apply(App *app, Command c)
{
    Timeline *t = &app->tl;
    switch (c.id) {
    case CMD_NONE: case CMD_COUNT: return;
    case CMD_QUIT: app->running = false; return;
    case CMD_ESCAPE:
        if (app->help || app->stats || app->details) app->help = app->stats = app->details = false;
        app->npicks = 0;
        break;
    case CMD_PAN:
        view_pan(&app->view, c.a * app->scale, c.b * app->scale);
        view_touched(app);
        break;
    case CMD_ZOOM: zoom_by(app, c.a, app->w / 2.0, app->layout.map_h / 2.0); break;
    case CMD_FIT: fit_events(app); break;
    case CMD_HOME: home(app); break;
    case CMD_PLAY: timeline_toggle_play(t); break;
    case CMD_SPEED: timeline_speed_step(t, (int)c.a); break;
    case CMD_STEP: timeline_step(t, (int32_t)c.a); break;
    case CMD_STEP_MONTH: timeline_step_months(t, (int)c.a); break;
    case CMD_LOOP: t->loop = !t->loop; break;
    case CMD_MODE:
        timeline_set_mode(t, (TimelineMode)((t->mode + 1) % TIMELINE_MODE_COUNT));
        say(app, "Timeline: %s", timeline_mode_name(t->mode));
        break;
    case CMD_FILTER:
        app->editing = true;
        SDL_StartTextInput();
        break;
    case CMD_STATS: app->stats = !app->stats; break;
    case CMD_HELP: app->help = !app->help; break;
    case CMD_SCREENSHOT: screenshot(app, (int)c.a); break;
    case CMD_PRINT_COMMAND: print_command(app, 1, NULL); break;
    case CMD_PROJECTION:
        view_set_projection(&app->view, (ProjKind)((app->view.proj.kind + 1) % PROJ_KIND_COUNT));
        app->zoom_target = app->view.mpp;
        project_events(app);
        app->base_valid = false;
        say(app, "Projection: %s (%s)", proj_name(app->view.proj.kind),
            proj_definition(app->view.proj.kind));
        break;
    case CMD_GRATICULE:
        app->graticule = !app->graticule;
        app->base_valid = false;
        break;
    case CMD_HEATMAP: {
        static const char *const names[HEATMAP_MODE_COUNT] = {
            "off", "weighted by events", "weighted by fatalities"};
        app->heatmap = (HeatmapMode)((app->heatmap + 1) % HEATMAP_MODE_COUNT);
        say(app, "Heatmap: %s", names[app->heatmap]);
        break;
    }
    case CMD_TOGGLE_TYPE:
        if (c.a >= 1 && c.a < EVENT_TYPE_COUNT) {
            app->filter.type_mask ^= 1u << (int)c.a;
            app->hist_dirty = true;
        }
        break;
    case CMD_MIN_FATALITIES: {
        int k = 0, n = (int)(sizeof min_fatality_steps / sizeof min_fatality_steps[0]);
        while (k < n - 1 && min_fatality_steps[k] < app->filter.min_fatalities) k++;
        k += c.a > 0 ? 1 : -1;
        k = k < 0 ? 0 : k >= n ? n - 1 : k;
        app->filter.min_fatalities = min_fatality_steps[k];
        refilter(app);
        say(app, "Minimum fatalities: %d", app->filter.min_fatalities);
        break;
    }
    case CMD_COUNTRY: cycle_place(app, TEXT_COUNTRY, (int)c.a); break;
    case CMD_ADMIN1: cycle_place(app, TEXT_ADMIN1, (int)c.a); break;
    }
    app->dirty = true;
}

/* ------------------------------------------------------------------------- */
/* Screenshots and the export command                                        */
/* ------------------------------------------------------------------------- */

/* The request that draws exactly this view: the map area at `factor` times
 * the window's size, same centre, same extent. */
static ExportRequest current_request(App *app, int factor, const char *path)
{
    ExportRequest req = {
        .path = path, .width = app->w * factor, .height = (int)app->layout.map_h * factor,
        .proj = app->view.proj.kind, .has_view = true, .view_mpp = app->view.mpp / factor,
        .day0 = app->tl.day0, .day1 = app->tl.day1, .filter = app->filter,
        .fade = app->tl.mode != TIMELINE_SINGLE_DAY, .graticule = app->graticule,
        .heatmap = app->heatmap, .event_credit = app->credit, .inputs = app->files,
        .ninputs = app->nfiles,
    };
    if (!view_center_lonlat(&app->view, &req.view_lon, &req.view_lat)) {
        req.view_lon = 2;
        req.view_lat = 16;
    }
    return req;
}

/* "tinzaouaten-2024_2024-07-01_2024-07-31.png", unique in the directory. */
static void shot_path(App *app, char *out, size_t cap)
{
    char base[128] = "sahelmap";
    bool all_bundled = true;
    for (int i = 0; i < app->nfiles; i++) all_bundled &= bundled_contains(app->files[i]);
    if (app->nfiles > 0 && !all_bundled) {
        const char *name = strrchr(app->files[0], '/');
        name = name ? name + 1 : app->files[0];
        snprintf(base, sizeof base, "%.100s", name);
        char *dot = strrchr(base, '.');
        if (dot) *dot = '\0';
        if (app->nfiles > 1) {
            size_t len = strlen(base);
            snprintf(base + len, sizeof base - len, "-and-%d-more", app->nfiles - 1);
        }
    } else {
        snprintf(base, sizeof base, "sahelmap-bundled");
    }
    char d0[11], d1[11];
    date_format(app->tl.day0, d0);
    date_format(app->tl.day1, d1);
    const char *dir = app->shots_dir;
    for (int n = 1; n < 1000; n++) {
        if (n == 1) snprintf(out, cap, "%s/%s_%s_%s.png", dir, base, d0, d1);
        else snprintf(out, cap, "%s/%s_%s_%s-%d.png", dir, base, d0, d1, n);
        struct stat st;
        if (stat(out, &st) != 0) return;
    }
}

/* Appends 'arg' shell-quoted to out. */
static void append_quoted(char *out, size_t cap, const char *arg)
{
    size_t len = strlen(out);
    if (len + 4 >= cap) return;
    out[len++] = ' ';
    out[len++] = '\'';
    for (const char *p = arg; *p && len + 6 < cap; p++) {
        if (*p == '\'') {
            memcpy(out + len, "'\\''", 4);
            len += 4;
        } else {
            out[len++] = *p;
        }
    }
    out[len++] = '\'';
    out[len] = '\0';
}

static void append(char *out, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append(char *out, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(out);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out + len, cap - len, fmt, ap);
    va_end(ap);
}

/* Prints (and remembers) the sahelmap export command that writes what the
 * window shows. */
static void print_command(App *app, int factor, const char *path)
{
    ExportRequest req = current_request(app, factor, path ? path : "sahelmap.png");
    char *out = app->last_command;
    size_t cap = sizeof app->last_command;
    snprintf(out, cap, "sahelmap export");
    bool all_bundled = true;
    for (int i = 0; i < app->nfiles; i++) all_bundled &= bundled_contains(app->files[i]);
    if (!all_bundled)
        for (int i = 0; i < app->nfiles; i++) append_quoted(out, cap, app->files[i]);
    append(out, cap, " -o");
    append_quoted(out, cap, req.path);
    char d0[11], d1[11];
    date_format(req.day0, d0);
    date_format(req.day1, d1);
    append(out, cap, " --size %dx%d --proj %s --center %.17g,%.17g --mpp %.17g --from %s --to %s",
           req.width, req.height, proj_name(req.proj), req.view_lon, req.view_lat,
           req.view_mpp, d0, d1);
    static const char *const type_keys[EVENT_TYPE_COUNT] = {
        "", "battles", "explosions", "violence", "protests", "riots", "strategic"};
    if ((req.filter.type_mask & 0x7E) != 0x7E)
        for (int ty = 1; ty < EVENT_TYPE_COUNT; ty++)
            if (req.filter.type_mask & (1u << ty)) append(out, cap, " --type %s", type_keys[ty]);
    if (req.filter.text[0]) {
        append(out, cap, " --filter");
        append_quoted(out, cap, req.filter.text);
    }
    if (req.filter.min_fatalities > 0)
        append(out, cap, " --min-fatalities %d", (int)req.filter.min_fatalities);
    if (req.filter.country[0]) {
        append(out, cap, " --country");
        append_quoted(out, cap, req.filter.country);
    }
    if (req.filter.admin1[0]) {
        append(out, cap, " --admin1");
        append_quoted(out, cap, req.filter.admin1);
    }
    if (req.fade) append(out, cap, " --fade");
    if (req.heatmap != HEATMAP_OFF)
        append(out, cap, " --heatmap %s", req.heatmap == HEATMAP_EVENTS ? "events" : "fatalities");
    if (req.graticule) append(out, cap, " --graticule");
    printf("%s\n", out);
    fflush(stdout);
    if (path == NULL) say(app, "Export command printed to the terminal");
}

static void screenshot(App *app, int factor)
{
    char path[PATH_MAX];
    shot_path(app, path, sizeof path);
    ExportRequest req = current_request(app, factor, path);
    Error err;
    if (!export_png(&app->set, &app->map, &req, &err)) {
        say(app, "Screenshot failed: %s", error_text(&err).s);
        return;
    }
    print_command(app, factor, path);
    say(app, "Saved %s (%dx%d) \xc2\xb7 E prints the export command", path, req.width,
        req.height);
}

/* ------------------------------------------------------------------------- */
/* Mouse                                                                     */
/* ------------------------------------------------------------------------- */

/* Events under (x, y), top-most first. */
static int markers_at(const App *app, double x, double y, uint32_t *out, int cap)
{
    int n = 0;
    for (size_t m = app->scene.nmarkers; m-- > 0 && n < cap;) {
        const SceneMarker *mk = &app->scene.markers[m];
        double reach = fmax(mk->r, 5 * app->scale) + 1;
        double dx = mk->x - x, dy = mk->y - y;
        if (dx * dx + dy * dy <= reach * reach) out[n++] = mk->event;
    }
    return n;
}

static bool on_legend(App *app, double x, double y)
{
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        const float *e = app->scene.legend_entry[t];
        if (e[2] > 0 && x >= e[0] && x < e[0] + e[2] && y >= e[1] && y < e[1] + e[3]) {
            apply(app, (Command){CMD_TOGGLE_TYPE, t, 0});
            return true;
        }
    }
    return false;
}

static void click_map(App *app, double x, double y)
{
    if (on_legend(app, x, y)) return;
    uint32_t hits[MAX_PICKS];
    int n = markers_at(app, x, y, hits, MAX_PICKS);
    if (n == 0) {
        app->details = false;
        app->npicks = 0;
        return;
    }
    bool same = n == app->npicks && fabs(x - app->pick_x) < 4 * app->scale &&
                fabs(y - app->pick_y) < 4 * app->scale &&
                memcmp(hits, app->picks, (size_t)n * sizeof *hits) == 0;
    if (same && app->details) {
        app->pick = (app->pick + 1) % n;          /* cycle through the stack */
    } else {
        memcpy(app->picks, hits, (size_t)n * sizeof *hits);
        app->npicks = n;
        app->pick = 0;
    }
    app->pick_x = x;
    app->pick_y = y;
    app->details = true;
}

static void mouse_down(App *app, double x, double y)
{
    int32_t day;
    UiTimelinePart part = ui_timeline_hit(&app->layout, &app->tl, x, y, &day);
    app->drag_x = x;
    app->drag_y = y;
    app->drag_moved = 0;
    app->drag_day = day;
    app->drag_day0 = app->tl.day0;
    app->drag_day1 = app->tl.day1;
    switch (part) {
    case UI_TL_NONE: app->drag = DRAG_MAP; break;
    case UI_TL_WINDOW: app->drag = DRAG_WINDOW; break;
    case UI_TL_EDGE_START: app->drag = DRAG_START; break;
    case UI_TL_EDGE_END: app->drag = DRAG_END; break;
    case UI_TL_PLOT: {
        /* Jump: centre the window on the day clicked, then drag from there. */
        int32_t len = app->tl.day1 - app->tl.day0;
        if (app->tl.mode == TIMELINE_MOVING) timeline_seek(&app->tl, day + len / 2);
        else timeline_seek(&app->tl, day);
        app->drag = DRAG_WINDOW;
        app->drag_day0 = app->tl.day0;
        app->drag_day1 = app->tl.day1;
        break;
    }
    case UI_TL_PANEL: app->drag = DRAG_NONE; break;
    }
    app->dirty = true;
}

static void mouse_move(App *app, double x, double y, double dx, double dy)
{
    app->mouse_x = x;
    app->mouse_y = y;
    app->drag_moved += fabs(dx) + fabs(dy);
    double day = ui_x_to_day(&app->layout, &app->tl, x);
    int32_t delta = (int32_t)lround(day - app->drag_day);
    switch (app->drag) {
    case DRAG_MAP:
        view_pan(&app->view, dx, dy);
        app->zoom_target = app->view.mpp;
        view_touched(app);
        break;
    case DRAG_WINDOW:
        if (app->tl.mode == TIMELINE_MOVING)
            timeline_set_window(&app->tl, app->drag_day0 + delta, app->drag_day1 + delta);
        else
            timeline_seek(&app->tl, app->drag_day1 + delta);
        break;
    case DRAG_START:
        timeline_set_window(&app->tl, app->drag_day0 + delta, app->drag_day1);
        break;
    case DRAG_END:
        timeline_set_window(&app->tl, app->drag_day0, app->drag_day1 + delta);
        break;
    case DRAG_NONE: {
        /* Hover: redraw when the pointer is or was on a marker or a cell. */
        uint32_t hit[1];
        bool on = y < app->layout.map_h &&
                  (markers_at(app, x, y, hit, 1) || app->scene.grid.kind != GRID_NONE);
        if (on || app->hover != UINT32_MAX) app->dirty = true;
        return;
    }
    }
    app->dirty = true;
}

static void mouse_up(App *app, double x, double y)
{
    if (app->drag == DRAG_MAP && app->drag_moved < 4) click_map(app, x, y);
    app->drag = DRAG_NONE;
    app->dirty = true;
}

static void mouse_wheel(App *app, double x, double y, double amount)
{
    if (y >= app->layout.map_h) {
        timeline_zoom_axis(&app->tl, pow(1.25, amount), ui_x_to_day(&app->layout, &app->tl, x));
        app->hist_dirty = true;
        app->dirty = true;
        return;
    }
    zoom_by(app, pow(1.2, amount), x, y);
}

/* ------------------------------------------------------------------------- */
/* Frames                                                                    */
/* ------------------------------------------------------------------------- */

static void update_layout(App *app)
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
    /* Keep the map's centre when the map area changes size. */
    app->view.x = 0;
    app->view.y = 0;
    app->view.w = app->w;
    app->view.h = (int)app->layout.map_h;
    if (app->base_tex) SDL_DestroyTexture(app->base_tex);
    app->base_tex = SDL_CreateTexture(app->sdl, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_STREAMING, app->w,
                                      (int)app->layout.map_h > 0 ? (int)app->layout.map_h : 1);
    free(app->base_pixels);
    app->base_pixels = xmalloc((size_t)app->w * (size_t)(app->layout.map_h + 1) * 4);
    app->base_valid = false;
    app->hist_dirty = true;
    app->dirty = true;
}

static bool view_equal(const View *a, const View *b)
{
    return a->cx == b->cx && a->cy == b->cy && a->mpp == b->mpp && a->w == b->w &&
           a->h == b->h && a->proj.kind == b->proj.kind;
}

/* The basemap: re-rasterised once the view rests; while it moves the old
 * raster is shifted and scaled, so panning and zooming stay at 60 fps. */
static void draw_basemap(App *app, bool moving)
{
    int mw = app->w, mh = (int)app->layout.map_h;
    if (mh <= 0) return;
    bool stale = !app->base_valid || !view_equal(&app->base_view, &app->view);
    if (stale && (!moving || !app->base_valid)) {
        Error err;
        basemap_project(&app->map, &app->view.proj);
        if (raster_basemap(app->base_pixels, mw, mh, mw * 4, &app->map, &app->view,
                           app->scale, app->graticule, &err)) {
            SDL_UpdateTexture(app->base_tex, NULL, app->base_pixels, mw * 4);
            app->base_view = app->view;
            app->base_valid = true;
        }
    }
    SDL_Rect clip = {0, 0, mw, mh};
    SDL_RenderSetClipRect(app->sdl, &clip);
    SDL_SetRenderDrawColor(app->sdl, 0xEC, 0xED, 0xEE, 0xFF);
    SDL_RenderFillRect(app->sdl, &clip);
    if (app->base_valid && app->base_view.proj.kind == app->view.proj.kind) {
        const View *b = &app->base_view;
        double x0, y0;
        view_to_screen(&app->view, b->cx - b->w * 0.5 * b->mpp, b->cy + b->h * 0.5 * b->mpp,
                       &x0, &y0);
        double k = b->mpp / app->view.mpp;
        SDL_FRect dst = {(float)x0, (float)y0, (float)(b->w * k), (float)(b->h * k)};
        SDL_RenderCopyF(app->sdl, app->base_tex, NULL, &dst);
    }
}

static void event_lines(App *app, uint32_t i, char lines[][256], int *n, bool full)
{
    EventSet *s = &app->set;
    char d[32], d1[32];
    scene_format_day(s->day[i], d, sizeof d);
    if (s->span[i] > 0) {
        scene_format_day(s->day[i] + s->span[i], d1, sizeof d1);
        snprintf(lines[(*n)++], 256, "%s \xe2\x80\x93 %s", d, d1);
    } else {
        static const char *prec[4] = {"", "", " (within a week)", " (within a month)"};
        snprintf(lines[(*n)++], 256, "%s%s", d, prec[s->date_prec[i] & 3]);
    }
    const char *sub = events_sub_type_name((SubEventType)s->sub_type[i]);
    snprintf(lines[(*n)++], 256, "%s%s%s", events_type_name((EventType)s->type[i]),
             sub[0] ? " \xe2\x80\x94 " : "", sub);
    const char *a1 = events_text(s, i, TEXT_ACTOR1), *a2 = events_text(s, i, TEXT_ACTOR2);
    if (a1[0]) snprintf(lines[(*n)++], 256, "%.120s%s%.120s", a1, a2[0] ? " vs " : "", a2);
    const char *as1 = events_text(s, i, TEXT_ASSOC_ACTOR1), *as2 = events_text(s, i, TEXT_ASSOC_ACTOR2);
    if (full && (as1[0] || as2[0]))
        snprintf(lines[(*n)++], 256, "with %.110s%s%.110s", as1, as1[0] && as2[0] ? "; " : "", as2);
    if (s->fat_low[i] != s->fat[i] || s->fat_high[i] != s->fat[i])
        snprintf(lines[(*n)++], 256, "Fatalities: %d (reported %d\xe2\x80\x93%d)", s->fat[i],
                 s->fat_low[i], s->fat_high[i]);
    else
        snprintf(lines[(*n)++], 256, "Fatalities: %d", s->fat[i]);
    static const char *geo[4] = {"", "at the town", "near the town / in the district",
                                 "somewhere in the region (approximate)"};
    const char *admin1 = events_text(s, i, TEXT_ADMIN1), *country = events_text(s, i, TEXT_COUNTRY);
    snprintf(lines[(*n)++], 256, "%.60s%s%.50s%s%.40s \xc2\xb7 %s", events_text(s, i, TEXT_LOCATION),
             admin1[0] ? ", " : "", admin1, country[0] ? ", " : "", country, geo[s->geo_prec[i] & 3]);
}

/* The tooltip of a density cell: its exact counts. */
static void cell_tooltip(App *app)
{
    long cell = scene_grid_cell(&app->scene, (float)app->mouse_x, (float)app->mouse_y);
    if (cell < 0) return;
    const SceneGrid *g = &app->scene.grid;
    uint32_t total = 0;
    for (int t = 0; t < EVENT_TYPE_COUNT; t++) total += g->count[cell * EVENT_TYPE_COUNT + t];
    if (total == 0) return;
    char lines[EVENT_TYPE_COUNT + 2][128];
    const char *ptrs[EVENT_TYPE_COUNT + 2];
    int n = 0;
    snprintf(lines[n++], 128, "%u event%s \xc2\xb7 %.0f fatalities here", total,
             total == 1 ? "" : "s", g->fatalities[cell]);
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        uint32_t k = g->count[cell * EVENT_TYPE_COUNT + t];
        if (k) snprintf(lines[n++], 128, "%s: %u", events_type_name((EventType)t), k);
    }
    snprintf(lines[n++], 128, "zoom in to see the events");
    for (int k = 0; k < n; k++) ptrs[k] = lines[k];
    ui_build_tooltip(&app->ui, &app->layout, (float)app->mouse_x, (float)app->mouse_y, ptrs, n,
                     render_measure, &app->r);
}

static void draw_panels(App *app)
{
    Scene *ui = &app->ui;
    SceneMeasure measure = render_measure;
    void *ctx = &app->r;
    if (app->scene.grid.kind != GRID_NONE && app->pointer_in && app->drag == DRAG_NONE &&
        app->mouse_y < app->layout.map_h && !app->help)
        cell_tooltip(app);
    if (app->hover != UINT32_MAX && app->drag == DRAG_NONE && !app->help &&
        app->hover < app->set.count) {
        char lines[8][256];
        const char *ptrs[8];
        int n = 0;
        event_lines(app, app->hover, lines, &n, false);
        for (int k = 0; k < n; k++) ptrs[k] = lines[k];
        ui_build_tooltip(ui, &app->layout, (float)app->mouse_x, (float)app->mouse_y, ptrs, n,
                         measure, ctx);
    }
    if (app->details && app->npicks > 0) {
        uint32_t i = app->picks[app->pick];
        char lines[12][256];
        const char *ptrs[12];
        int n = 0;
        event_lines(app, i, lines, &n, true);
        char *notes = events_notes(&app->set, i);
        const char *source = events_text(&app->set, i, TEXT_SOURCE);
        for (int k = 0; k < n; k++) ptrs[k] = lines[k];
        ptrs[n++] = "#Notes";
        ptrs[n++] = notes[0] ? notes : "(none)";
        char src[300], which[128];
        snprintf(src, sizeof src, "#Source: %.200s", source[0] ? source : "(not given)");
        ptrs[n++] = src;
        snprintf(which, sizeof which, "Event %.40s \xc2\xb7 %d of %d here%s",
                 events_text(&app->set, i, TEXT_ID), app->pick + 1, app->npicks,
                 app->npicks > 1 ? " (click again: next)" : "");
        ptrs[n++] = which;
        ui_build_side_panel(ui, &app->layout, ptrs, n, measure, ctx);
        free(notes);
    } else if (app->stats) {
        size_t lo, hi;
        events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
        size_t ev[EVENT_TYPE_COUNT] = {0};
        int64_t fat[EVENT_TYPE_COUNT] = {0};
        StatsGroup actors = {0};
        for (size_t i = lo; i < hi; i++) {
            if (!(app->filter.type_mask & (1u << app->set.type[i]))) continue;
            if (app->visible && !app->visible[i]) continue;
            ev[app->set.type[i]]++;
            fat[app->set.type[i]] += app->set.fat[i];
            const EventText sides[2] = {TEXT_ACTOR1, TEXT_ACTOR2};
            for (int side = 0; side < 2; side++) {
                uint32_t ref = events_text_ref(&app->set, i, sides[side]);
                if (ref != 0) stats_group_add(&actors, ref, app->set.fat[i]);
            }
        }
        stats_sort_by_events(&actors);
        char lines[24][256];
        const char *ptrs[24];
        int n = 0;
        snprintf(lines[n++], 256, "In the window (after filters)");
        snprintf(lines[n++], 256, "#By event type: events, fatalities");
        for (int t = 1; t < EVENT_TYPE_COUNT; t++)
            snprintf(lines[n++], 256, "%s: %zu, %lld", events_type_name((EventType)t), ev[t],
                     (long long)fat[t]);
        snprintf(lines[n++], 256, "#Top actors: events, fatalities");
        for (size_t a = 0; a < actors.count && a < 10; a++)
            snprintf(lines[n++], 256, "%.150s: %zu, %lld",
                     strpool_get(&app->set.strings, (uint32_t)actors.rows[a].key),
                     actors.rows[a].events, (long long)actors.rows[a].fatalities);
        stats_group_free(&actors);
        for (int k = 0; k < n; k++) ptrs[k] = lines[k];
        ui_build_side_panel(ui, &app->layout, ptrs, n, measure, ctx);
    }
    if (app->help)
        ui_build_help(ui, &app->layout, input_help, input_help_rows, measure, ctx);
    if (app->editing) ui_build_filter_box(ui, &app->layout, app->filter.text, measure, ctx);
    if (app->toast[0] && SDL_GetTicks() < app->toast_until)
        ui_build_toast(ui, &app->layout, app->toast, measure, ctx);
}

/* While files load: the map and a progress bar, nothing of the events. */
static void draw_loading(App *app)
{
    SDL_SetRenderDrawColor(app->sdl, 0xF2, 0xF2, 0xF0, 0xFF);
    SDL_RenderClear(app->sdl);
    draw_basemap(app, false);
    SDL_RenderSetClipRect(app->sdl, NULL);
    LoadJob *job = app->job;
    int file = SDL_AtomicGet(&job->file);
    double part = SDL_AtomicGet(&job->permille) / 1000.0;
    const char *path = job->paths[file];
    const char *name = strrchr(path, '/');
    char text[300];
    snprintf(text, sizeof text, "Loading %.120s (file %d of %d) \xc2\xb7 Esc cancels",
             name ? name + 1 : path, file + 1, job->n);
    scene_reset(&app->ui, app->w, app->h, app->scale);
    ui_build_progress(&app->ui, &app->layout, text, (file + part) / job->n, render_measure,
                      &app->r);
    render_overlay(&app->r, &app->ui);
    SDL_RenderPresent(app->sdl);
}

static void draw_frame(App *app, bool moving)
{
    if (app->job != NULL) {
        draw_loading(app);
        return;
    }
    SDL_SetRenderDrawColor(app->sdl, 0xF2, 0xF2, 0xF0, 0xFF);
    SDL_RenderClear(app->sdl);
    draw_basemap(app, moving);

    size_t lo, hi;
    events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
    SceneInput in = {
        .events = &app->set, .lo = lo, .hi = hi, .day0 = app->tl.day0, .day1 = app->tl.day1,
        .type_mask = app->filter.type_mask, .visible = app->visible,
        .fade = app->tl.mode != TIMELINE_SINGLE_DAY, .proj_x = app->px, .proj_y = app->py,
        .view = &app->view, .basemap = &app->map, .width = app->w,
        .height = (int)app->layout.map_h, .scale = app->scale,
        .event_credit = app->credit, .graticule = app->graticule, .furniture = true,
        .heatmap = app->heatmap, .measure = render_measure, .measure_ctx = &app->r,
    };
    scene_build(&app->scene, &in);
    render_overlay(&app->r, &app->scene);
    SDL_RenderSetClipRect(app->sdl, NULL);

    /* What is under the pointer now (markers move with time and filters). */
    uint32_t hit[1];
    app->hover = app->pointer_in && app->drag == DRAG_NONE &&
                 app->mouse_y < app->layout.map_h &&
                 markers_at(app, app->mouse_x, app->mouse_y, hit, 1) ? hit[0] : UINT32_MAX;
    if (app->details && app->npicks > 0 && app->hover == app->picks[app->pick])
        app->hover = UINT32_MAX;                 /* already in the panel */

    /* The timeline and panels. */
    if (app->hist_dirty) {
        ui_histogram(&app->hist, &app->set, app->visible, app->filter.type_mask, &app->tl,
                     &app->layout);
        app->hist_dirty = false;
    }
    UiTimelineInfo info = {0};
    for (size_t i = lo; i < hi; i++) {
        if (!(app->filter.type_mask & (1u << app->set.type[i]))) continue;
        if (app->visible && !app->visible[i]) continue;
        info.events++;
        info.fatalities += app->set.fat[i];
        info.fatalities_low += app->set.fat_low[i];
        info.fatalities_high += app->set.fat_high[i];
    }
    char filter_text[256];
    filter_describe(&app->filter, filter_text, sizeof filter_text);
    info.filter_text = filter_text;
    scene_reset(&app->ui, app->w, app->h, app->scale);
    ui_build_timeline(&app->ui, &app->layout, &app->tl, &app->hist, &info, render_measure,
                      &app->r);
    draw_panels(app);
    render_overlay(&app->r, &app->ui);
    SDL_RenderPresent(app->sdl);
}

/* ------------------------------------------------------------------------- */
/* The loop                                                                  */
/* ------------------------------------------------------------------------- */

static void text_input(App *app, const SDL_Event *ev)
{
    size_t len = strlen(app->filter.text);
    if (ev->type == SDL_TEXTINPUT) {
        size_t add = strlen(ev->text.text);
        if (len + add < sizeof app->filter.text) memcpy(app->filter.text + len, ev->text.text, add + 1);
        refilter(app);
        return;
    }
    switch (ev->key.keysym.sym) {
    case SDLK_BACKSPACE:
        while (len > 0 && ((unsigned char)app->filter.text[len - 1] & 0xC0) == 0x80) len--;
        if (len > 0) app->filter.text[len - 1] = '\0';
        refilter(app);
        break;
    case SDLK_ESCAPE:
        app->filter.text[0] = '\0';
        refilter(app);
        /* fall through */
    case SDLK_RETURN: case SDLK_KP_ENTER:
        app->editing = false;
        SDL_StopTextInput();
        app->dirty = true;
        break;
    default: break;
    }
}

static void handle(App *app, const SDL_Event *ev)
{
    float k = app->pixel_ratio;
    if (app->job != NULL) {
        /* Loading: the window answers, but only to quit, cancel, resize. */
        if (ev->type == SDL_QUIT ||
            (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_q &&
             (ev->key.keysym.mod & KMOD_CTRL))) {
            job_cancel(app);
            app->running = false;
        } else if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) {
            job_cancel(app);
            say(app, "Loading cancelled");
        } else if (ev->type == SDL_WINDOWEVENT) {
            if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) update_layout(app);
            app->dirty = true;
        }
        return;
    }
    switch (ev->type) {
    case SDL_QUIT: app->running = false; break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) update_layout(app);
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE) app->pointer_in = false;
        if (ev->window.event == SDL_WINDOWEVENT_ENTER) app->pointer_in = true;
        app->dirty = true;
        break;
    case SDL_KEYDOWN: {
        if (app->editing) {
            text_input(app, ev);
            break;
        }
        Uint16 mod = ev->key.keysym.mod;
        apply(app, input_key(ev->key.keysym.sym, mod & KMOD_SHIFT, mod & KMOD_CTRL,
                             mod & KMOD_ALT));
        break;
    }
    case SDL_TEXTINPUT:
        if (app->editing) text_input(app, ev);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT) mouse_down(app, ev->button.x * k, ev->button.y * k);
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.button == SDL_BUTTON_LEFT) mouse_up(app, ev->button.x * k, ev->button.y * k);
        break;
    case SDL_MOUSEMOTION:
        app->pointer_in = true;
        mouse_move(app, ev->motion.x * k, ev->motion.y * k, ev->motion.xrel * k,
                   ev->motion.yrel * k);
        break;
    case SDL_MOUSEWHEEL: {
        int mx, my;
        SDL_GetMouseState(&mx, &my);
        double amount = ev->wheel.preciseY != 0 ? ev->wheel.preciseY : ev->wheel.y;
        mouse_wheel(app, mx * k, my * k, amount);
        break;
    }
    case SDL_DROPFILE:
        if (app->job != NULL) {
            say(app, "Still loading: drop %s again when done", ev->drop.file);
        } else {
            char *paths[1] = {ev->drop.file};
            job_start(app, paths, 1, false);
        }
        SDL_free(ev->drop.file);
        break;
    default: break;
    }
}

static bool app_open(App *app, char **files, int nfiles, const AppOptions *opt)
{
    Error err;
    events_init(&app->set);
    app->files = xcalloc(1, sizeof *app->files);
    app->reports = xcalloc(1, sizeof *app->reports);

    char asset[PATH_MAX];
    bundled_asset("sahel-basemap.json", asset, sizeof asset);
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
    app->sdl = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (app->sdl == NULL) app->sdl = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    if (app->sdl == NULL) {
        fprintf(stderr, "sahelmap: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetRenderDrawBlendMode(app->sdl, SDL_BLENDMODE_BLEND);
    SDL_StopTextInput();
    app->running = true;
    app->hover = UINT32_MAX;
    app->projected_kind = -1;
    app->shots_dir = opt && opt->shots_dir ? opt->shots_dir : getenv("SAHELMAP_SHOTS");
    if (app->shots_dir == NULL || app->shots_dir[0] == '\0') app->shots_dir = ".";
    filter_init(&app->filter);
    view_init(&app->view, PROJ_LAEA, 0, 0, w, h);
    update_layout(app);
    if (!app->running) return false;
    data_changed(app);
    home(app);

    /* The files load in the background; the first frame shows the map. */
    char **bundled = NULL;
    if (nfiles == 0) {
        bundled = bundled_files(&err);
        if (bundled == NULL) fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        for (nfiles = 0; bundled != NULL && bundled[nfiles]; nfiles++) {}
        files = bundled;
    }
    if (nfiles > 0) job_start(app, files, nfiles, true);
    bundled_free(bundled);
    return true;
}

static void app_close(App *app)
{
    job_cancel(app);
    scene_free(&app->scene);
    scene_free(&app->ui);
    ui_histogram_free(&app->hist);
    if (app->r.sdl) render_free(&app->r);
    if (app->base_tex) SDL_DestroyTexture(app->base_tex);
    if (app->sdl) SDL_DestroyRenderer(app->sdl);
    if (app->window) SDL_DestroyWindow(app->window);
    free(app->base_pixels);
    free(app->px);
    free(app->py);
    free(app->visible);
    for (int i = 0; i < app->nfiles; i++) free(app->files[i]);
    free(app->files);
    free(app->reports);
    basemap_free(&app->map);
    events_free(&app->set);
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
}

int app_run(char **files, int nfiles, const AppOptions *options)
{
    App *app = xcalloc(1, sizeof *app);
    if (!app_open(app, files, nfiles, options)) {
        app_close(app);
        free(app);
        return 1;
    }
    Uint32 last = SDL_GetTicks();
    app->dirty = true;
    /* For the benchmark of cold start to first frame. */
    const char *first_only = getenv("SAHELMAP_FIRST_FRAME_EXIT");
    bool exit_after_first = first_only != NULL && first_only[0] == '1';
    /* For the window tests: a line on stdout each time the window has
     * caught up with its input and rests ("idle N"), so a test can wait
     * for that instead of sleeping. */
    const char *idle_env = getenv("SAHELMAP_IDLE_SIGNAL");
    bool idle_signal = idle_env != NULL && idle_env[0] == '1';
    bool busy_since_idle = true;
    unsigned long idles = 0;
    while (app->running) {
        /* Busy only while something moves; otherwise sleep until input. */
        bool zooming = fabs(log(app->zoom_target / app->view.mpp)) >= 0.003;
        bool settling = app->base_valid && !view_equal(&app->base_view, &app->view);
        bool toast = app->toast[0] && SDL_GetTicks() < app->toast_until;
        bool animating = app->tl.playing || zooming || app->drag != DRAG_NONE ||
                         app->job != NULL;
        /* A short load shows no loading screen: the first frame is the map. */
        bool brief_load = app->job != NULL &&
                          SDL_GetTicks() - app->job->started < LOADING_SCREEN_MS;
        SDL_Event ev;
        int timeout = animating ? 16 : settling ? SETTLE_MS : toast ? 250 : -1;
        if (app->dirty) timeout = brief_load ? 2 : 0;
        if (idle_signal && busy_since_idle && !app->dirty && !animating && !settling &&
            !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
            printf("idle %lu\n", ++idles);
            fflush(stdout);
            busy_since_idle = false;
        }
        if (timeout < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, timeout)) {
            handle(app, &ev);
            while (SDL_PollEvent(&ev)) handle(app, &ev);
            busy_since_idle = true;
        }
        if (app->job != NULL) {
            if (SDL_AtomicGet(&app->job->finished)) job_finish(app);
            app->dirty = true;               /* the progress bar moves */
        }
        Uint32 now = SDL_GetTicks();
        double dt = (now - last) / 1000.0;
        last = now;
        if (timeline_advance(&app->tl, dt)) app->dirty = true;
        if (zooming && zoom_step(app, fmin(dt, 0.1))) app->dirty = true;
        bool moving = app->drag == DRAG_MAP || zooming ||
                      now - app->view_changed_at < SETTLE_MS;
        if (settling && !moving) app->dirty = true;
        if (toast && now >= app->toast_until) {
            app->toast[0] = '\0';
            app->dirty = true;
        }
        brief_load = app->job != NULL && now - app->job->started < LOADING_SCREEN_MS;
        if (app->dirty && app->running && !brief_load) {
            app->dirty = false;
            draw_frame(app, moving);
            if (exit_after_first && app->job == NULL) app->running = false;
        }
    }
    app_close(app);
    free(app);
    return 0;
}

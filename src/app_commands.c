/*
 * app_commands: what the window's commands do to its state: the view (fit,
 * home, smooth zoom), the timeline, the filters (with the country and
 * admin-1 cycles), panels, and the screenshot with the export command that
 * writes the same file. See app_private.h.
 */
#include "app_private.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "anim.h"
#include "anim_write.h"
#include "bundled.h"
#include "date.h"
#include "export.h"
#include "extract.h"
#include "stats.h"

/* ------------------------------------------------------------------------- */
/* Views                                                                     */
/* ------------------------------------------------------------------------- */

void app_view_touched(App *app)
{
    app->view_changed_at = SDL_GetTicks();
    app->dirty = true;
}

void app_fit_events(App *app)
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
        app_say(app, "No events to fit in this window");
        return;
    }
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    double hw = fmax((x1 - x0) / 2, 100e3), hh = fmax((y1 - y0) / 2, 100e3);
    view_fit_projected(&app->view, cx - hw, cy - hh, cx + hw, cy + hh, 90 * app->scale);
    app->zoom_target = app->view.mpp;
    app_view_touched(app);
}

void app_home(App *app)
{
    view_fit_bbox(&app->view, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1,
                  VIEW_SAHEL_LAT1);
    app->zoom_target = app->view.mpp;
    app_view_touched(app);
}

bool app_zoom_step(App *app, double dt)
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
    app_view_touched(app);
    return true;
}

void app_zoom_by(App *app, double factor, double x, double y)
{
    app->zoom_target = fmin(100000, fmax(1, app->zoom_target / factor));
    app->zoom_ax = x;
    app->zoom_ay = y;
    app->dirty = true;
}

/* ------------------------------------------------------------------------- */
/* Filters                                                                   */
/* ------------------------------------------------------------------------- */

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
            !filter_places_has(app->filter.country, strpool_get(&app->set.strings, country)))
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
    app_refilter(app);
    app_say(app, "%s: %s", field == TEXT_COUNTRY ? "Country" : "Admin-1 area",
            target[0] ? target : "all");
}

static void step_min_fatalities(App *app, int direction)
{
    int k = 0, n = (int)(sizeof min_fatality_steps / sizeof min_fatality_steps[0]);
    while (k < n - 1 && min_fatality_steps[k] < app->filter.min_fatalities) k++;
    k += direction > 0 ? 1 : -1;
    k = k < 0 ? 0 : k >= n ? n - 1 : k;
    app->filter.min_fatalities = min_fatality_steps[k];
    app_refilter(app);
    app_say(app, "Minimum fatalities: %d", app->filter.min_fatalities);
}

/* ------------------------------------------------------------------------- */
/* Screenshots and the export command                                        */
/* ------------------------------------------------------------------------- */

/* "tinzaouaten-2024_2024-07-01_2024-07-31.png", unique in the directory. */
static void shot_path(App *app, char *out, size_t cap)
{
    char base[128] = "sahelmap";
    if (app->nfiles > 0 && !app_files_bundled(app)) {
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
    for (int n = 1; n < 1000; n++) {
        if (n == 1) snprintf(out, cap, "%s/%s_%s_%s.png", app->shots_dir, base, d0, d1);
        else snprintf(out, cap, "%s/%s_%s_%s-%d.png", app->shots_dir, base, d0, d1, n);
        struct stat st;
        if (stat(out, &st) != 0) return;
    }
}

/* Prints (and remembers) the sahelmap export command that writes fig. */
static void print_command(App *app, const Figure *fig)
{
    if (!figure_to_command(fig, app_files_bundled(app), app->last_command,
                           sizeof app->last_command)) {
        app_say(app, "The export command is too long to print");
        return;
    }
    printf("%s\n", app->last_command);
    fflush(stdout);
}

/* Saves the figure of this view as a view file beside the screenshots. */
static void save_view(App *app)
{
    Figure fig;
    app_figure(app, 1, true, &fig);
    char png[PATH_MAX], path[PATH_MAX + 16];
    shot_path(app, png, sizeof png);
    char *dot = strrchr(png, '.');
    if (dot != NULL) *dot = '\0';
    snprintf(path, sizeof path, "%s.view.json", png);
    Error err;
    if (!figure_write_view(&fig, app_files_bundled(app), path, app->files, app->nfiles, &err)) {
        app_say(app, "Saving the view failed: %s", error_text(&err).s);
    } else {
        char qview[3 * PATH_MAX], qpng[3 * PATH_MAX];
        figure_shell_quote(path, qview, sizeof qview);
        snprintf(png + strlen(png), sizeof png - strlen(png), ".png");
        figure_shell_quote(png, qpng, sizeof qpng);
        printf("sahelmap export --view %s -o %s\n", qview, qpng);
        fflush(stdout);
        app_say(app, "Saved the view %s \xc2\xb7 sahelmap export --view redraws it", path);
    }
    figure_free(&fig);
}

/* Saves the events of this view and their counts beside the screenshots:
 * NAME.csv, NAME.geojson and NAME-stats.csv. */
static void save_data(App *app)
{
    Figure fig;
    app_figure(app, 1, true, &fig);
    char png[PATH_MAX], csv[PATH_MAX + 16], geojson[PATH_MAX + 16], stats[PATH_MAX + 16];
    shot_path(app, png, sizeof png);
    char *dot = strrchr(png, '.');
    if (dot != NULL) *dot = '\0';
    snprintf(csv, sizeof csv, "%s.csv", png);
    snprintf(geojson, sizeof geojson, "%s.geojson", png);
    snprintf(stats, sizeof stats, "%s-stats.csv", png);
    FrameData data;
    app_export_data(app, &data);
    ExtractPaths paths = {csv, geojson, stats};
    size_t n = 0;
    Error err;
    if (!extract_files(&data, &fig, &paths, &n, &err)) {
        app_say(app, "Saving the data failed: %s", error_text(&err).s);
    } else {
        char command[8192];                 /* fig has no output: no -o */
        if (figure_to_command(&fig, app_files_bundled(app), command, sizeof command)) {
            char qcsv[3 * PATH_MAX];
            figure_shell_quote(csv, qcsv, sizeof qcsv);
            printf("%s --csv %s\n", command, qcsv);
            fflush(stdout);
        }
        app_say(app, "Saved %zu event%s: %s (and .geojson, -stats.csv)", n, n == 1 ? "" : "s", csv);
    }
    figure_free(&fig);
}

static void screenshot(App *app, int factor)
{
    Figure fig;
    app_figure(app, factor, true, &fig);
    shot_path(app, fig.output, sizeof fig.output);
    FrameData data;
    app_export_data(app, &data);
    Error err;
    if (!export_png(&data, &fig, &err)) {
        app_say(app, "Screenshot failed: %s", error_text(&err).s);
    } else {
        print_command(app, &fig);
        app_say(app, "Saved %s (%dx%d) \xc2\xb7 E prints the export command", fig.output,
                fig.width, fig.height);
    }
    figure_free(&fig);
}

/* Ctrl+R: the playback as it would run from here (from the start when at
 * the end), at its speed and in its mode, as an MP4 in the shots folder
 * (at most APP_RECORD_FRAMES frames), through the export's own code; the
 * command that makes it is printed. The window waits while it is written. */
#define APP_RECORD_FRAMES 600
static void record(App *app)
{
    const Timeline *t = &app->tl;
    Figure fig;
    app_figure(app, 1, true, &fig);
    AnimOptions opt;
    anim_options_init(&opt);
    opt.format = ANIM_FORMAT_MP4;
    fig.width &= ~1;                       /* the video's even sides */
    fig.height &= ~1;
    bool rewind = t->day1 >= t->last;
    fig.day0 = t->mode == TIMELINE_CUMULATIVE ? t->first
             : t->mode == TIMELINE_SINGLE_DAY ? (rewind ? t->first : t->day1)
             : (rewind ? t->first : t->day0);
    fig.day1 = t->last;
    if (t->mode == TIMELINE_MOVING) opt.window = t->length;
    /* Speed in days per second as steps and frames per second. */
    opt.step = t->speed <= 30 ? ANIM_STEP_DAY : t->speed <= 182 ? ANIM_STEP_WEEK
                                                                 : ANIM_STEP_MONTH;
    double step_days = opt.step == ANIM_STEP_DAY ? 1 : opt.step == ANIM_STEP_WEEK ? 7 : 30.44;
    opt.fps = (int)fmax(1, fmin(ANIM_MAX_FPS, round(t->speed / step_days)));
    AnimFrame *frames = NULL;
    size_t n = 0;
    Error err;
    if (fig.day0 <= fig.day1 &&
        anim_steps(&opt, fig.mode, fig.day0, fig.day1, &frames, &n, &err) &&
        n > APP_RECORD_FRAMES)
        fig.day1 = frames[APP_RECORD_FRAMES - 1].day1;
    free(frames);
    char d0[11], d1[11];
    date_format(fig.day0, d0);
    date_format(fig.day1, d1);
    for (int k = 1; k < 1000; k++) {
        if (k == 1) snprintf(opt.path, sizeof opt.path, "%s/sahelmap-recording_%s_%s.mp4",
                             app->shots_dir, d0, d1);
        else snprintf(opt.path, sizeof opt.path, "%s/sahelmap-recording_%s_%s-%d.mp4",
                      app->shots_dir, d0, d1, k);
        struct stat st;
        if (stat(opt.path, &st) != 0) break;
    }
    FrameData data;
    app_export_data(app, &data);
    AnimReport rep;
    if (!anim_write(&data, &fig, &opt, NULL, &rep, &err)) {
        app_say(app, "Recording failed: %s", error_text(&err).s);
    } else if (!anim_to_command(&opt, &fig, app_files_bundled(app), app->last_command,
                                sizeof app->last_command)) {
        app_say(app, "Saved %s; the export command is too long to print", opt.path);
    } else {
        printf("%s\n", app->last_command);
        fflush(stdout);
        app_say(app, "Saved %s (%zu frames at %d fps)", opt.path, rep.frames, opt.fps);
    }
    figure_free(&fig);
}

/* ------------------------------------------------------------------------- */
/* Playback                                                                  */
/* ------------------------------------------------------------------------- */

/* The window [*d0, *d1] of playback step k of n across the run. */
static void run_window(const Timeline *t, int k, int n, int32_t *d0, int32_t *d1)
{
    int32_t len = t->day1 - t->day0;
    int32_t last_start = t->mode == TIMELINE_MOVING ? t->last - len : t->last;
    int32_t start = t->mode == TIMELINE_MOVING ? t->day0 : t->day1;
    int32_t at = start + (int32_t)((double)(last_start - start) * k / (n > 1 ? n - 1 : 1));
    if (t->mode == TIMELINE_MOVING) {
        *d0 = at;
        *d1 = at + len;
    } else if (t->mode == TIMELINE_CUMULATIVE) {
        *d0 = t->first;
        *d1 = at;
    } else {
        *d0 = *d1 = at;
    }
}

/* Fixes the layer and its colour classes for the run that starts: markers
 * or the density layer for the whole run (by the most events any of its
 * windows holds), and the ramp's top from the largest cell over samples of
 * the run, so playback never switches layers nor rescales the colours. */
static void fix_run(App *app)
{
    const Timeline *t = &app->tl;
    const int samples = 12;
    size_t most = 0;
    for (int k = 0; k < 4 * samples; k++) {
        int32_t d0, d1;
        size_t lo, hi;
        run_window(t, k, 4 * samples, &d0, &d1);
        events_range(&app->set, d0, d1, &lo, &hi);
        if (hi - lo > most) most = hi - lo;
    }
    app->run_layer = app->layer != SCENE_LAYER_AUTO ? app->layer
                   : most > SCENE_AGGREGATE_ABOVE ? SCENE_LAYER_DENSITY : SCENE_LAYER_MARKERS;
    app->run_class_max = 0;
    /* The colour classes: counted once over every day of the run (from
     * the first window's start to the last one's end; looping, the whole
     * range; the start figure's --class-dates when it had them), so a
     * class keeps its colour and its legend row. */
    int32_t d0, d1, e0, e1;
    run_window(t, 0, 2, &d0, &d1);
    run_window(t, 1, 2, &e0, &e1);
    bool given = app->class_day0 != FIGURE_DAY_UNSET_FROM;
    app->run_class_day0 = given ? app->class_day0 : t->loop ? t->first : d0;
    app->run_class_day1 = given ? app->class_day1 : t->loop ? t->last : e1;
    {
        Figure fig;
        app_figure(app, 1, false, &fig);
        fig.class_day0 = app->run_class_day0;
        fig.class_day1 = app->run_class_day1;
        FrameData data;
        app_export_data(app, &data);
        SceneInput in;
        app_scene_input(app, &data, &fig, &in);
        scene_classes_count(&in, &app->run_classes);
        figure_free(&fig);
    }
    if (app->run_layer != SCENE_LAYER_MARKERS) {
        Figure fig;
        app_figure(app, 1, false, &fig);
        fig.layer = app->run_layer;
        fig.bare = true;
        FrameData data;
        app_export_data(app, &data);
        data.map = NULL;
        Scene scene = {0};
        for (int k = 0; k < samples; k++) {
            run_window(t, k, samples, &fig.day0, &fig.day1);
            SceneInput in;
            app_scene_input(app, &data, &fig, &in);
            scene_build(&scene, &in);
            if (scene.grid.max > app->run_class_max) app->run_class_max = scene.grid.max;
        }
        scene_free(&scene);
        figure_free(&fig);
    }
    app->run_fixed = true;
}

/* ------------------------------------------------------------------------- */
/* Commands                                                                  */
/* ------------------------------------------------------------------------- */

static const char *layer_say(SceneLayer layer)
{
    switch (layer) {
    case SCENE_LAYER_HEAT_EVENTS: return "Heatmap: weighted by events";
    case SCENE_LAYER_HEAT_FATALITIES: return "Heatmap: weighted by fatalities";
    default: return "Heatmap: off";
    }
}

/* What the colours mean now, over the map (and which classes a grid
 * leaves out). */
static void say_color_by(App *app)
{
    const char *grid = app->layer >= SCENE_LAYER_DENSITY || app->scene.grid.kind != GRID_NONE
                           ? "; markers only, not the density or heatmap" : "";
    const char *fixed = app->tl.playing ? ", fixed while playing" : "";
    switch (app->color_by) {
    case COLOR_BY_ACTOR:
        app_say(app, "Colour by actor: the %d actors (actor 1) with most events in view%s, "
                "the rest Other%s", SCENE_MAX_CLASSES, fixed, grid);
        break;
    case COLOR_BY_COUNTRY:
        app_say(app, "Colour by country: the %d countries with most events in view%s, "
                "the rest Other%s", SCENE_MAX_CLASSES, fixed, grid);
        break;
    case COLOR_BY_SUB_TYPE:
        app_say(app, "Colour by sub-event type: the %d most present, in their type's hues%s%s",
                SCENE_MAX_CLASSES, fixed, grid);
        break;
    default: app_say(app, "Colour by event type%s", grid); break;
    }
}

void app_apply(App *app, Command c)
{
    Timeline *t = &app->tl;
    switch (c.id) {
    case CMD_NONE: case CMD_COUNT: return;
    case CMD_QUIT: app->running = false; return;
    case CMD_ESCAPE:
        /* Panels first; with none open, the filter text. */
        if (app->load_errors.n > 0) {
            describe_free(&app->load_errors);
        } else if (app->help || app->stats || app->details || app->table.open ||
                   app->places.open) {
            app->help = app->stats = app->details = false;
            if (app->table.open) {
                app->table.open = false;
                app_update_layout(app);
            }
            app->places.open = false;
        } else if (app->filter.text[0]) {
            app->filter.text[0] = '\0';
            app_refilter(app);
            app_say(app, "Filter text cleared");
        }
        app->npicks = 0;
        break;
    case CMD_RESET:
        filter_init(&app->filter);
        app->country_pick = app->admin1_pick = 0;
        app->layer = SCENE_LAYER_AUTO;
        app->color_by = COLOR_BY_TYPE;
        app->class_day0 = FIGURE_DAY_UNSET_FROM;
        app->class_day1 = FIGURE_DAY_UNSET_TO;
        t->playing = false;
        timeline_set_mode(t, TIMELINE_MOVING);
        timeline_set_window(t, t->first, t->last);
        app->help = app->stats = app->details = false;
        app->npicks = 0;
        app_refilter(app);
        app_home(app);
        app_say(app, "Reset: no filters, the whole time range and region");
        break;
    case CMD_DATES:
        app->editing_dates = true;
        app->date_text[0] = '\0';
        SDL_StartTextInput();
        break;
    case CMD_PICK_STEP:
        if (app->details && app->npicks > 1 && app->load_errors.n == 0) {
            app->pick = (app->pick + (int)c.a + app->npicks) % app->npicks;
            break;
        }
        if (app_table_scroll(app, c.a, false)) break;      /* the open table: a row */
        view_pan(&app->view, 0, c.b * app->scale);
        app_view_touched(app);
        break;
    case CMD_PAN:
        view_pan(&app->view, c.a * app->scale, c.b * app->scale);
        app_view_touched(app);
        break;
    case CMD_ZOOM: app_zoom_by(app, c.a, app->w / 2.0, app->layout.map_h / 2.0); break;
    case CMD_FIT: app_fit_events(app); break;
    case CMD_HOME: app_home(app); break;
    case CMD_PLAY:
        timeline_toggle_play(t);
        app->run_fixed = false;
        if (t->playing) fix_run(app);
        break;
    case CMD_SPEED: timeline_speed_step(t, (int)c.a); break;
    case CMD_STEP:
    case CMD_STEP_MONTH:
        if (c.id == CMD_STEP) timeline_step(t, (int32_t)c.a);
        else timeline_step_months(t, (int)c.a);
        if (timeline_follow(t)) app->hist_dirty = true;   /* keep the window in sight */
        break;
    case CMD_LOOP: t->loop = !t->loop; break;
    case CMD_MODE:
        timeline_set_mode(t, (TimelineMode)((t->mode + 1) % TIMELINE_MODE_COUNT));
        app_say(app, "Timeline: %s", timeline_mode_name(t->mode));
        break;
    case CMD_FILTER:
        app->editing = true;
        SDL_StartTextInput();
        break;
    case CMD_STATS: app->stats = !app->stats; break;
    case CMD_HELP: app->help = !app->help; break;
    case CMD_FRAME_STATS: app->frame_stats = !app->frame_stats; break;
    case CMD_TABLE:
        app->table.open = !app->table.open;
        app_update_layout(app);             /* the map gives the table its bottom */
        break;
    case CMD_CHECKLIST: app->places.open = !app->places.open; break;
    case CMD_TABLE_PAGE: app_table_scroll(app, c.a, true); break;
    case CMD_SCREENSHOT: screenshot(app, (int)c.a); break;
    case CMD_SAVE_VIEW: save_view(app); break;
    case CMD_SAVE_DATA: save_data(app); break;
    case CMD_RECORD: record(app); break;
    case CMD_PRINT_COMMAND: {
        Figure fig;
        app_figure(app, 1, true, &fig);
        snprintf(fig.output, sizeof fig.output, "sahelmap.png");
        print_command(app, &fig);
        figure_free(&fig);
        app_say(app, "Export command printed to the terminal");
        break;
    }
    case CMD_PROJECTION:
        app_set_projection(app, (ProjKind)((app->view.proj.kind + 1) % PROJ_KIND_COUNT));
        app_say(app, "Projection: %s (%s)", proj_name(app->view.proj.kind),
                proj_definition(app->view.proj.kind));
        break;
    case CMD_GRATICULE:
        app->graticule = !app->graticule;
        app_basemap_invalidate(app);
        break;
    case CMD_HEATMAP:
        /* Off -> by events -> by fatalities -> off (markers / density). */
        app->layer = app->layer == SCENE_LAYER_HEAT_EVENTS ? SCENE_LAYER_HEAT_FATALITIES
                   : app->layer == SCENE_LAYER_HEAT_FATALITIES ? SCENE_LAYER_AUTO
                   : SCENE_LAYER_HEAT_EVENTS;
        app_say(app, "%s", layer_say(app->layer));
        break;
    case CMD_COLOR_BY:
        app->color_by = (ColorBy)((app->color_by + 1) % COLOR_BY_COUNT);
        if (t->playing) fix_run(app);          /* new classes, fixed again */
        say_color_by(app);
        break;
    case CMD_TOGGLE_TYPE:
        if (c.a >= 1 && c.a < EVENT_TYPE_COUNT) {
            app->filter.type_mask ^= 1u << (int)c.a;
            app->hist_dirty = true;
        }
        break;
    case CMD_MIN_FATALITIES: step_min_fatalities(app, (int)c.a); break;
    case CMD_COUNTRY: cycle_place(app, TEXT_COUNTRY, (int)c.a); break;
    case CMD_ADMIN1: cycle_place(app, TEXT_ADMIN1, (int)c.a); break;
    }
    app->dirty = true;
}

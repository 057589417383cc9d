/*
 * app_frame: one frame in two steps. app_update derives what the frame
 * shows from the state: the map scene (built by the same code as the
 * export, from the figure of the view), the event under the pointer, the
 * timeline's histogram, the basemap raster, and the ui scene (timeline,
 * tooltips, panels). app_draw then only draws those. Both are timed step
 * by step (frametime): the overlay (I) and SAHELMAP_FRAME_LOG show it. See
 * app_private.h.
 */
#include "app_private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export.h"

/* ------------------------------------------------------------------------- */
/* Update                                                                    */
/* ------------------------------------------------------------------------- */

void app_scene_input(App *app, const FrameData *data, const Figure *fig, SceneInput *in)
{
    frame_scene_input(data, fig, &app->view, in);
    in->proj_x = app->px;
    in->proj_y = app->py;
    in->measure = render_measure;
    in->measure_ctx = &app->r;
}

/* The map scene, drawn as the export draws the figure of this view. */
static void update_scene(App *app)
{
    Figure fig;
    app_figure(app, 1, false, &fig);
    bool fixed = app->tl.playing && app->run_fixed;
    if (app->scene_valid && fixed == app->scene_fixed && app->scene_gen == app->filter_gen &&
        app_view_equal(&app->scene_view, &app->view) && figure_equal(&fig, &app->scene_fig)) {
        figure_free(&fig);
        return;                    /* 25 ms saved at 1M events in view */
    }
    if (app->scene_valid) figure_free(&app->scene_fig);
    figure_copy(&app->scene_fig, &fig);
    app->scene_view = app->view;
    app->scene_gen = app->filter_gen;
    app->scene_fixed = fixed;
    app->scene_valid = true;
    FrameData data;
    app_export_data(app, &data);
    SceneInput in;
    app_scene_input(app, &data, &fig, &in);
    if (fixed) in.classes = &app->run_classes;  /* counted once */
    scene_build(&app->scene, &in);
    figure_free(&fig);
}

static void update_hover(App *app)
{
    uint32_t hit[1];
    float x = (float)app->mouse_x, y = (float)app->mouse_y;
    app->hover = app->pointer_in && app->drag == DRAG_NONE && y < app->layout.map_h &&
                 !ui_panel_contains(&app->panel, x, y) && !app_table_covers(app, x, y) &&
                 scene_pick_markers(&app->scene, x, y, hit, 1) ? hit[0] : UINT32_MAX;
    if (app->details && app->hover != UINT32_MAX)
        for (int k = 0; k < app->npicks; k++)
            if (app->hover == app->picks[k]) app->hover = UINT32_MAX;   /* in the panel */
}

/* The side panel's texts: failed files, the clicked event (with its
 * stack's list when there are several), or the stats; none: n 0. */
typedef struct PanelText {
    TextLines t;
    char heading[64];
    char rows[APP_MAX_PICKS][160];
    const char *row[APP_MAX_PICKS];
    int nrows;
    bool shown;
} PanelText;

static void panel_text(App *app, PanelText *p)
{
    describe_init(&p->t);
    p->nrows = 0;
    p->shown = true;
    if (app->load_errors.n > 0) {
        for (int k = 0; k < app->load_errors.n; k++)
            describe_add(&p->t, "%s", app->load_errors.line[k]);
    } else if (app->details && app->npicks > 0) {
        describe_details(&app->set, app->picks[app->pick], app->pick, app->npicks, &p->t);
        if (app->npicks > 1) {
            snprintf(p->heading, sizeof p->heading, "%d events here, by date", app->npicks);
            for (int k = 0; k < app->npicks; k++) {
                describe_stack_row(&app->set, app->picks[k], p->rows[k], sizeof p->rows[k]);
                p->row[k] = p->rows[k];
            }
            p->nrows = app->npicks;
        }
    } else if (app->stats) {
        size_t lo, hi;
        events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
        describe_stats(&app->set, lo, hi, app->filter.type_mask, app->visible, &p->t);
    } else {
        p->shown = false;
    }
}

/* Tooltips and panels, over the map. The side panel is laid out first, so
 * no tooltip shows while the pointer is on it, and drawn last, over any
 * tooltip; the selected event gets a ring on the map under both. */
static void update_panels(App *app)
{
    Scene *ui = &app->ui;
    PanelText panel;
    panel_text(app, &panel);
    memset(&app->panel, 0, sizeof app->panel);
    if (panel.shown)
        ui_build_list_panel(NULL, &app->layout, panel.heading, panel.row, panel.nrows,
                            app->pick, describe_lines(&panel.t), panel.t.n, render_measure,
                            &app->r, &app->panel);
    update_hover(app);
    if (app->details && app->npicks > 0 && app->load_errors.n == 0)
        ui_build_highlight(ui, &app->layout, &app->scene, app->picks[app->pick]);

    TextLines t;
    describe_init(&t);
    bool on_map = app->pointer_in && app->drag == DRAG_NONE &&
                  app->mouse_y < app->layout.map_h && !app->help &&
                  !ui_panel_contains(&app->panel, (float)app->mouse_x, (float)app->mouse_y) &&
                  !app_table_covers(app, (float)app->mouse_x, (float)app->mouse_y);
    if (on_map && app->scene.grid.kind != GRID_NONE &&
        describe_cell(&app->scene,
                      scene_grid_cell(&app->scene, (float)app->mouse_x, (float)app->mouse_y),
                      &t))
        ui_build_tooltip(ui, &app->layout, (float)app->mouse_x, (float)app->mouse_y,
                         describe_lines(&t), t.n, render_measure, &app->r);
    describe_free(&t);
    if (app->hover != UINT32_MAX && app->drag == DRAG_NONE && !app->help &&
        app->hover < app->set.count) {
        describe_event(&app->set, app->hover, false, &t);
        ui_build_tooltip(ui, &app->layout, (float)app->mouse_x, (float)app->mouse_y,
                         describe_lines(&t), t.n, render_measure, &app->r);
        describe_free(&t);
    }
    if (panel.shown)
        ui_build_list_panel(ui, &app->layout, panel.heading, panel.row, panel.nrows, app->pick,
                            describe_lines(&panel.t), panel.t.n, render_measure, &app->r,
                            NULL);
    describe_free(&panel.t);
    if (app->help) {
        const char *rows[64][2];
        int n = input_help(rows, 64);
        ui_build_help(ui, &app->layout, (const char *const(*)[2])rows, n, render_measure,
                      &app->r);
    }
    if (app->editing) ui_build_filter_box(ui, &app->layout, app->filter.text, render_measure, &app->r);
    if (app->editing_dates)
        ui_build_text_box(ui, &app->layout, "Dates", app->date_text,
                          "2024-07-20..2024-08-31, or one day \xc2\xb7 Enter: show \xc2\xb7 Esc: cancel",
                          render_measure, &app->r);
    if (app->toast[0] && SDL_GetTicks() < app->toast_until)
        ui_build_toast(ui, &app->layout, app->toast, render_measure, &app->r);
}

/* While files load: a progress bar over the map. */
static void update_loading(App *app)
{
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
}

static void update(App *app, bool moving)
{
    app_basemap_update(app, moving);
    if (app->job != NULL) {
        update_loading(app);
        return;
    }
    update_scene(app);
    /* The bars are stacked as the map is coloured: again when its colour
     * classes change (a new colouring, or other leaders in view). */
    if (app->hist_dirty || !ui_histogram_counts_by(&app->hist, &app->scene.classes)) {
        ui_histogram(&app->hist, &app->set, app->visible, app->filter.type_mask,
                     &app->scene.classes, &app->tl, &app->layout);
        app->hist_dirty = false;
    }
    UiTimelineInfo info = {0};
    size_t lo, hi;
    events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        if (!(app->filter.type_mask & (1u << app->set.type[i]))) continue;
        if (app->visible && !app->visible[i]) continue;
        info.events++;
        info.fatalities += app->set.fat[i];
        info.fatalities_low += events_fat_low(&app->set, i);
        info.fatalities_high += events_fat_high(&app->set, i);
    }
    char filter_text[256];
    filter_describe(&app->filter, filter_text, sizeof filter_text);
    info.filter_text = filter_text;
    scene_reset(&app->ui, app->w, app->h, app->scale);
    ui_build_timeline(&app->ui, &app->layout, &app->tl, &app->hist, &info, render_measure,
                      &app->r);
    app_table_build(app, moving);
    update_panels(app);
}

/* The update, timed: everything but the raster is the scene step. The
 * overlay shows the frames before this one. */
void app_update(App *app, bool moving)
{
    app->frame_t0 = SDL_GetPerformanceCounter();
    memset(&app->frame, 0, sizeof app->frame);
    app->moving = moving;
    update(app, moving);
    if (app->frame_stats)
        ui_build_frame_stats(&app->ui, &app->layout, &app->frames, render_measure, &app->r);
    app->frame.ms[FRAME_SCENE] = app_ms_since(app->frame_t0) - app->frame.ms[FRAME_RASTER];
}

/* ------------------------------------------------------------------------- */
/* Frame times                                                               */
/* ------------------------------------------------------------------------- */

/* Milliseconds from one performance-counter reading to a later one. */
static double ms_between(Uint64 t0, Uint64 t1)
{
    return (double)(t1 - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

double app_ms_since(Uint64 t0)
{
    return ms_between(t0, SDL_GetPerformanceCounter());
}

void app_frame_log_open(App *app)
{
    const char *path = app->cfg->frame_log;
    if (path[0] == '\0') return;
    app->frame_log = fopen(path, "w");
    if (app->frame_log == NULL) {
        fprintf(stderr, "sahelmap: SAHELMAP_FRAME_LOG: cannot write %s: %s\n", path,
                strerror(errno));
        return;
    }
    setvbuf(app->frame_log, NULL, _IOLBF, 0);    /* a row is whole when read */
    fprintf(app->frame_log, "%s\n", frametime_csv_header());
}

void app_frame_log_close(App *app)
{
    if (app->frame_log == NULL) return;
    if (fclose(app->frame_log) != 0)
        fprintf(stderr, "sahelmap: SAHELMAP_FRAME_LOG: %s\n", strerror(errno));
    app->frame_log = NULL;
}

/* After the present: the frame's figures kept, and logged. */
static void frame_done(App *app, Uint64 end)
{
    FrameSample *f = &app->frame;
    f->ms[FRAME_TOTAL] = ms_between(app->frame_t0, end);
    f->ms[FRAME_INTERVAL] = app->last_present ? ms_between(app->last_present, end) : 0;
    app->last_present = end;
    f->events_drawn = app->job != NULL ? 0
                    : app->scene.grid.kind != GRID_NONE ? app->scene.events_in_view
                    : app->scene.nmarkers;
    frametime_add(&app->frames, f);
    if (app->frame_log != NULL) {
        char row[256];
        if (frametime_csv_row(f, row, sizeof row) >= 0) fprintf(app->frame_log, "%s\n", row);
    }
}

/* ------------------------------------------------------------------------- */
/* Draw                                                                      */
/* ------------------------------------------------------------------------- */

void app_draw(App *app)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    SDL_SetRenderDrawColor(app->sdl, 0xF2, 0xF2, 0xF0, 0xFF);
    SDL_RenderClear(app->sdl);
    /* A software renderer draws on the window's surface (resized with it). */
    render_set_target(&app->r, app->software ? SDL_GetWindowSurface(app->window) : NULL);
    app_basemap_draw(app);
    /* While the view moves, a few new labels a frame (render.h). */
    app->r.new_text_budget = app->moving ? 8 : -1;
    app->r.deferred = false;
    if (app->job == NULL) render_overlay(&app->r, &app->scene);
    app->draw_at_rest = app->r.deferred;
    app->r.new_text_budget = -1;               /* the panels: always whole */
    SDL_RenderSetClipRect(app->sdl, NULL);
    render_overlay(&app->r, &app->ui);
    SDL_RenderFlush(app->sdl);       /* the batched drawing runs here, not in present */
    Uint64 t1 = SDL_GetPerformanceCounter();
    app->frame.ms[FRAME_RENDER] = ms_between(t0, t1);
    SDL_RenderPresent(app->sdl);
    Uint64 end = SDL_GetPerformanceCounter();
    app->frame.ms[FRAME_PRESENT] = ms_between(t1, end);
    frame_done(app, end);
}

/*
 * app_loop: input events and the loop. Keys become commands through the
 * binding table (input), the mouse pans, zooms, picks markers and drags
 * the timeline; the loop sleeps until input when nothing moves, and
 * otherwise advances playback and zoom, updates and draws a frame, then
 * waits for input only for what is left of the frame's budget (the
 * display's refresh period). See app_private.h.
 */
#include "app_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ------------------------------------------------------------------------- */
/* Mouse                                                                     */
/* ------------------------------------------------------------------------- */

static void click_map(App *app, double x, double y)
{
    EventType legend = scene_pick_legend(&app->scene, (float)x, (float)y);
    if (legend != EVENT_UNKNOWN) {
        app_apply(app, (Command){CMD_TOGGLE_TYPE, legend, 0});
        return;
    }
    uint32_t hits[APP_MAX_PICKS];
    int n = scene_pick_stack(&app->scene, (float)x, (float)y, hits, APP_MAX_PICKS);
    bool same = n > 0 && n == app->npicks && fabs(x - app->pick_x) < 4 * app->scale &&
                fabs(y - app->pick_y) < 4 * app->scale &&
                memcmp(hits, app->picks, (size_t)n * sizeof *hits) == 0;
    /* The same stack again cycles through it, by date. */
    app_select(app, hits, n, same && app->details ? (app->pick + 1) % n : 0);
    app->pick_x = x;
    app->pick_y = y;
}

static void mouse_down(App *app, double x, double y)
{
    if (ui_panel_contains(&app->panel, (float)x, (float)y)) {
        /* On the side panel: a row of a stack's list selects its event;
         * the map under the panel takes no click. */
        int row = ui_panel_row(&app->panel, (float)x, (float)y);
        if (row >= 0 && row < app->npicks && app->details)
            app_select(app, app->picks, app->npicks, row);
        app->drag = DRAG_NONE;
        app->dirty = true;
        return;
    }
    if (app_table_click(app, (float)x, (float)y)) {    /* the table, the checklist */
        app->drag = DRAG_NONE;
        return;
    }
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
    case UI_TL_AXIS:
        app->drag = DRAG_AXIS;
        app->drag_axis0 = app->tl.axis0;
        break;
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
        app_view_touched(app);
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
    case DRAG_AXIS: {
        /* The labels follow the pointer: days per pixel of the plot. */
        double per_px = (app->tl.axis1 - app->tl.axis0 + 1) / app->layout.bars_w;
        double target = app->drag_axis0 - (x - app->drag_x) * per_px;
        if (timeline_pan_axis(&app->tl, target - app->tl.axis0)) app->hist_dirty = true;
        break;
    }
    case DRAG_NONE: {
        /* Hover: redraw when the pointer is or was on a marker or a cell. */
        uint32_t hit[1];
        bool on = y < app->layout.map_h &&
                  !ui_panel_contains(&app->panel, (float)x, (float)y) &&
                  !app_table_covers(app, (float)x, (float)y) &&
                  (scene_pick_markers(&app->scene, (float)x, (float)y, hit, 1) ||
                   app->scene.grid.kind != GRID_NONE);
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
    if (app_table_wheel(app, (float)x, (float)y, amount)) return;   /* the table, the places */
    if (y >= app->layout.map_h && (SDL_GetModState() & KMOD_SHIFT)) {
        /* Shift+wheel pans time: a tenth of the axis a notch, up = back. */
        double len = app->tl.axis1 - app->tl.axis0;
        if (timeline_pan_axis(&app->tl, -amount * len / 10)) app->hist_dirty = true;
        app->dirty = true;
        return;
    }
    if (y >= app->layout.map_h) {
        timeline_zoom_axis(&app->tl, pow(1.25, amount), ui_x_to_day(&app->layout, &app->tl, x));
        app->hist_dirty = true;
        app->dirty = true;
        return;
    }
    app_zoom_by(app, pow(1.2, amount), x, y);
}

/* ------------------------------------------------------------------------- */
/* Keys and events                                                           */
/* ------------------------------------------------------------------------- */

/* The typed date range "2024-07-20..2024-08-31" (or one day) becomes the
 * time window; false with a message when it is not one. */
static bool apply_dates(App *app)
{
    char from[64], to[64];
    const char *sep = strstr(app->date_text, "..");
    if (sep == NULL) {
        snprintf(from, sizeof from, "%s", app->date_text);
        snprintf(to, sizeof to, "%s", app->date_text);
    } else {
        snprintf(from, sizeof from, "%.*s", (int)(sep - app->date_text), app->date_text);
        snprintf(to, sizeof to, "%s", sep + 2);
    }
    int32_t d0, d1;
    Error err;
    if (!date_parse(from, &d0, &err) || !date_parse(to, &d1, &err)) {
        app_say(app, "Dates: %s", err.msg);
        return false;
    }
    if (d0 > d1) {
        app_say(app, "Dates: the first is after the last");
        return false;
    }
    if (app->tl.mode == TIMELINE_SINGLE_DAY && d0 != d1)
        timeline_set_mode(&app->tl, TIMELINE_MOVING);
    timeline_set_window(&app->tl, d0, d1);
    timeline_follow(&app->tl);                 /* the typed range in sight */
    app->hist_dirty = true;
    return true;
}

/* Typing a date range (D): text, Backspace, Enter applies, Esc cancels. */
static void date_input(App *app, const SDL_Event *ev)
{
    size_t len = strlen(app->date_text);
    if (ev->type == SDL_TEXTINPUT) {
        size_t add = strlen(ev->text.text);
        if (len + add < sizeof app->date_text) memcpy(app->date_text + len, ev->text.text, add + 1);
    } else if (ev->key.keysym.sym == SDLK_BACKSPACE) {
        if (len > 0) app->date_text[len - 1] = '\0';
    } else if (ev->key.keysym.sym == SDLK_ESCAPE ||
               ((ev->key.keysym.sym == SDLK_RETURN || ev->key.keysym.sym == SDLK_KP_ENTER) &&
                (app->date_text[0] == '\0' || apply_dates(app)))) {
        app->editing_dates = false;
        SDL_StopTextInput();
    }
    app->dirty = true;
}

static void text_input(App *app, const SDL_Event *ev)
{
    if (app->editing_dates) {
        date_input(app, ev);
        return;
    }
    size_t len = strlen(app->filter.text);
    if (ev->type == SDL_TEXTINPUT) {
        size_t add = strlen(ev->text.text);
        if (len + add < sizeof app->filter.text) memcpy(app->filter.text + len, ev->text.text, add + 1);
        app_refilter(app);
        return;
    }
    switch (ev->key.keysym.sym) {
    case SDLK_BACKSPACE:
        while (len > 0 && ((unsigned char)app->filter.text[len - 1] & 0xC0) == 0x80) len--;
        if (len > 0) app->filter.text[len - 1] = '\0';
        app_refilter(app);
        break;
    case SDLK_ESCAPE:
        app->filter.text[0] = '\0';
        app_refilter(app);
        /* fall through */
    case SDLK_RETURN: case SDLK_KP_ENTER:
        app->editing = false;
        SDL_StopTextInput();
        app->dirty = true;
        break;
    default: break;
    }
}

/* While files load the window answers only to quit, cancel, resize and
 * drops (queued). */
static void handle_loading(App *app, const SDL_Event *ev)
{
    if (ev->type == SDL_QUIT ||
        (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_q &&
         (ev->key.keysym.mod & KMOD_CTRL))) {
        app_load_cancel(app);
        app->running = false;
    } else if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) {
        app_load_cancel(app);
        app_say(app, "Loading cancelled");
    } else if (ev->type == SDL_WINDOWEVENT) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) app_update_layout(app);
        app->dirty = true;
    } else if (ev->type == SDL_DROPFILE) {
        app_load_drop(app, ev->drop.file);
        SDL_free(ev->drop.file);
    }
}

static void handle(App *app, const SDL_Event *ev)
{
    float k = app->pixel_ratio;
    if (app->job != NULL) {
        handle_loading(app, ev);
        return;
    }
    switch (ev->type) {
    case SDL_QUIT: app->running = false; break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) app_update_layout(app);
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE) app->pointer_in = false;
        if (ev->window.event == SDL_WINDOWEVENT_ENTER) app->pointer_in = true;
        app->dirty = true;
        break;
    case SDL_KEYDOWN: {
        if (app_table_text(app, ev)) break;        /* the checklist's find box */
        if (app->editing || app->editing_dates) {
            text_input(app, ev);
            break;
        }
        Uint16 mod = ev->key.keysym.mod;
        app_apply(app, input_key(ev->key.keysym.sym, mod & KMOD_SHIFT, mod & KMOD_CTRL,
                                 mod & KMOD_ALT));
        break;
    }
    case SDL_TEXTINPUT:
        if (app_table_text(app, ev)) break;
        if (app->editing || app->editing_dates) text_input(app, ev);
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
        app_load_drop(app, ev->drop.file);
        SDL_free(ev->drop.file);
        break;
    default: break;
    }
}

/* ------------------------------------------------------------------------- */
/* The loop                                                                  */
/* ------------------------------------------------------------------------- */

/* A frame's budget, ms: the display's refresh period (60 Hz when it does
 * not say). */
static double frame_budget(const App *app)
{
    SDL_DisplayMode mode;
    if (SDL_GetWindowDisplayMode(app->window, &mode) == 0 && mode.refresh_rate > 0)
        return 1000.0 / mode.refresh_rate;
    return 1000.0 / 60;
}

/* How long to wait for input while animating: what is left of the budget
 * of the frame just drawn (none when its work took longer: a 15 ms frame
 * stays a 16.7 ms one, not 31), or a whole budget when no frame was drawn
 * (playback between two days). Where present waits for vsync, the frame's
 * time has already reached the budget and the loop does not wait: vsync
 * paces it. */
static int animating_wait(const App *app, bool drew)
{
    double budget = frame_budget(app);     /* the window may change display */
    if (!drew) return (int)budget;
    double left = budget - app_ms_since(app->frame_t0);
    return left > 0 ? (int)left : 0;
}

/* For the window tests: "selected ID K of N" (or "selected none") when the
 * selected event has changed since the last idle line. */
static void say_selection(App *app)
{
    uint32_t ev = app->details && app->npicks > 0 && app->load_errors.n == 0
                      ? app->picks[app->pick] : UINT32_MAX;
    if (ev == app->said_pick || (ev >= app->set.count && ev != UINT32_MAX)) return;
    app->said_pick = ev;
    if (ev == UINT32_MAX) printf("selected none\n");
    else printf("selected %s %d of %d\n", events_text(&app->set, ev, TEXT_ID), app->pick + 1,
                app->npicks);
}

void app_loop(App *app)
{
    Uint32 last = SDL_GetTicks();
    app->dirty = true;
    /* For the benchmark of cold start to first frame. */
    bool exit_after_first = app->cfg->first_frame_exit;
    /* For the window tests: a line on stdout each time the window has
     * caught up with its input (or drawn a frame) and rests: "idle N", or
     * "idle N toast" while a message shows over the map. A test waits for
     * that instead of sleeping. */
    bool idle_signal = app->cfg->idle_signal;
    bool busy_since_idle = true;
    unsigned long idles = 0;
    bool drew = false;                       /* the last pass drew a frame */
    if (idle_signal) {
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(app->sdl, &info) == 0) printf("renderer %s\n", info.name);
    }
    while (app->running) {
        /* Busy only while something moves; otherwise sleep until input. */
        bool zooming = fabs(log(app->zoom_target / app->view.mpp)) >= 0.003;
        bool settling = (app->base_valid && !app_view_equal(&app->base_view, &app->view)) ||
                        app->draw_at_rest;
        bool toast = app->toast[0] && SDL_GetTicks() < app->toast_until;
        bool animating = app->tl.playing || zooming || app->drag != DRAG_NONE ||
                         app->job != NULL;
        /* A short load shows no loading screen: the first frame is the map. */
        bool brief_load = app->job != NULL &&
                          SDL_GetTicks() - app->job->started < APP_LOADING_SCREEN_MS;
        SDL_Event ev;
        /* While the basemap's raster is drawn in the background, its
         * thread wakes the loop when done. */
        bool drawing_base = app_basemap_busy(app);
        int timeout = animating ? animating_wait(app, drew)
                    : settling && !drawing_base ? APP_SETTLE_MS : toast ? 250 : -1;
        if (app->dirty) timeout = brief_load ? 2 : 0;
        if (idle_signal) SDL_PumpEvents();       /* count what X has already sent */
        if (idle_signal && busy_since_idle && !app->dirty && !animating && !settling &&
            !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
            say_selection(app);
            app_table_say(app);
            printf("idle %lu%s\n", ++idles, toast ? " toast" : "");
            fflush(stdout);
            busy_since_idle = false;
        }
        if (timeout < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, timeout)) {
            handle(app, &ev);
            while (SDL_PollEvent(&ev)) handle(app, &ev);
            busy_since_idle = true;
        }
        if (app->job != NULL) {
            app_load_poll(app);
            app->dirty = true;               /* the progress bar moves */
        }
        Uint32 now = SDL_GetTicks();
        double dt = (now - last) / 1000.0;
        last = now;
        if (timeline_advance(&app->tl, dt)) {
            app->dirty = true;
            if (timeline_follow(&app->tl)) app->hist_dirty = true;
        }
        if (zooming && app_zoom_step(app, fmin(dt, 0.1))) app->dirty = true;
        bool moving = app->drag == DRAG_MAP || zooming ||
                      now - app->view_changed_at < APP_SETTLE_MS;
        if (settling && !moving && !app_basemap_busy(app)) app->dirty = true;
        if (toast && now >= app->toast_until) {
            app->toast[0] = '\0';
            app->dirty = true;
        }
        brief_load = app->job != NULL && now - app->job->started < APP_LOADING_SCREEN_MS;
        drew = false;
        if (app->dirty && app->running && !brief_load) {
            drew = true;
            app->dirty = false;
            app_update(app, moving);
            app_draw(app);
            busy_since_idle = true;
            if (exit_after_first && app->job == NULL) app->running = false;
        }
    }
}

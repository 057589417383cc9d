/*
 * app_private: the window's state, shared by the app_*.c files and nobody
 * else (mpv's player/core.h). See app.h for who does what.
 *
 * The rule of the loop: input handlers and commands change the state;
 * app_update derives what a frame shows (scene, hover, histogram, panels)
 * from it; app_draw only reads. After a load has finished, the event set
 * and the projected basemap are read-only until the next load or
 * projection change.
 */
#ifndef SAHELMAP_APP_PRIVATE_H
#define SAHELMAP_APP_PRIVATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "app.h"
#include "basemap.h"
#include "describe.h"
#include "events.h"
#include "export.h"
#include "figure.h"
#include "filter.h"
#include "frametime.h"
#include "input.h"
#include "load.h"
#include "render.h"
#include "scene.h"
#include "table.h"
#include "timeline.h"
#include "ui.h"
#include "ui_table.h"
#include "view.h"

#define APP_SETTLE_MS 120          /* re-raster the basemap once the view rests */
#define APP_TOAST_MS 4500
#define APP_MAX_PICKS 64
#define APP_LOADING_SCREEN_MS 150  /* loads shorter than this show no progress */

typedef enum Drag {
    DRAG_NONE,
    DRAG_MAP,
    DRAG_WINDOW,          /* the timeline window's body */
    DRAG_START,           /* its left edge */
    DRAG_END,             /* its right edge */
    DRAG_AXIS             /* the timeline's date labels: pan time */
} Drag;

/* Files being loaded by a background thread. While a job runs, the main
 * thread leaves the event set alone and draws only the map and a progress
 * bar, so the window stays responsive and can be closed. */
typedef struct LoadJob {
    SDL_Thread *thread;
    char **paths;
    int n;
    bool first;                    /* the files given at start: apply the
                                      start-up figure after */
    EventSet *set;
    const Config *cfg;
    LoadReport *reports;
    SDL_atomic_t file;             /* index of the file being read */
    SDL_atomic_t permille;         /* how far into it, 0..1000 */
    SDL_atomic_t cancel, finished;
    Uint32 started;                /* SDL ticks when it began */
} LoadJob;

/* A basemap raster being drawn by a background thread (app_basemap.c). */
typedef struct BaseJob BaseJob;

/* The event table (T): its rows and what they were collected for. */
typedef struct TableState {
    bool open;
    Table rows;
    bool valid;                    /* rows were collected for: */
    size_t lo, hi;                 /* ... the window's events */
    uint32_t mask;                 /* ... the types shown */
    unsigned gen;                  /* ... App.filter_gen */
    View view;                     /* ... the view */
    Uint32 built_at;
    unsigned builds;               /* rows collected or sorted so far */
    long first;                    /* the first row shown */
    bool reveal;                   /* scroll to the selection once rebuilt */
    uint32_t sel_event;            /* the selection's row, cached */
    unsigned sel_builds;
    long sel_row;
    UiTable ui;                    /* where this frame's table is */
    char said[400];                /* the last line for the window tests */
} TableState;

/* The place checklist (W): counts by country and admin-1 area. */
typedef struct ChecklistState {
    bool open;
    Checklist list;
    bool valid;
    size_t lo, hi;
    uint32_t mask;
    unsigned gen;
    Uint32 counted_at;
    char find[64];                 /* type-to-find: names containing it */
    bool finding;                  /* typing into it */
    int32_t *items;                /* what the panel lists: a row of list,
                                      or -1 / -2 for the two headings */
    size_t nitems, items_cap;
    long first;                    /* the first item shown */
    UiChecklist ui;
} ChecklistState;

typedef struct App {
    const Config *cfg;             /* the settings (main's, outlives the app) */

    /* Window and drawing. */
    SDL_Window *window;
    SDL_Renderer *sdl;
    Renderer r;
    float scale;                   /* text and line scale of the window */
    int w, h;                      /* drawable size, px */
    float pixel_ratio;             /* drawable px per window coordinate */
    UiLayout layout;

    /* Data: read-only between loads. */
    EventSet set;
    char **files;
    int nfiles;
    LoadReport *reports;
    char credit[256];
    Basemap map;                   /* projected for view.proj */
    double *px, *py;               /* events projected for view.proj */
    uint8_t *visible;              /* filter result, NULL when only types */
    uint8_t *unplaced;             /* ... without the place lists (for the
                                      checklist's counts); NULL: only types */
    unsigned filter_gen;           /* counts app_refilter calls */

    /* What is shown: the figure the window edits. */
    Figure start;                  /* the command line's request, applied
                                      once the first files are loaded */
    View view;
    Timeline tl;
    Filter filter;
    char title[256];
    SceneLayer layer;
    ColorBy color_by;              /* what marker colours mean (B) */
    int32_t class_day0, class_day1;   /* the start figure's --class-dates */
    bool graticule;
    int country_pick, admin1_pick; /* positions in the C / A cycles */
    /* While playing: the layer and colour classes fixed for the run. */
    bool run_fixed;
    SceneLayer run_layer;
    double run_class_max;
    int32_t run_class_day0, run_class_day1;   /* the colour classes are */
    SceneClasses run_classes;                 /* counted over the run */
    double zoom_target;            /* mpp the smooth zoom heads for */
    double zoom_ax, zoom_ay;       /* ... about this pixel */

    TableState table;
    ChecklistState places;

    /* Derived by app_update, read by app_draw. */
    Scene scene, ui;
    /* What the map scene was built for: it is built again only when one
     * of these changed (typing in a box, a tooltip, a panel: the same map). */
    bool scene_valid;
    Figure scene_fig;
    View scene_view;
    unsigned scene_gen;            /* filter_gen */
    bool scene_fixed;              /* playing with classes counted once */
    bool moving;                   /* this frame's view moves (app_update) */
    bool draw_at_rest;             /* a moving frame left texts out: draw
                                      again once the view rests */
    Histogram hist;
    bool hist_dirty;
    uint32_t hover;                /* event under the pointer, or UINT32_MAX */
    UiPanel panel;                 /* where this frame's side panel is */

    /* The cached basemap raster and the view it was drawn for. */
    SDL_Texture *base_tex;
    uint32_t *base_pixels;
    View base_view;
    bool base_valid;
    unsigned base_gen;             /* counts invalidations */
    BaseJob *base_job;             /* a raster drawing in the background */
    bool software;                 /* the renderer draws in memory */
    Uint32 view_changed_at;

    /* Interaction. */
    Drag drag;
    double drag_x, drag_y, drag_moved;
    int32_t drag_day, drag_day0, drag_day1;
    int32_t drag_axis0;            /* the time axis when a DRAG_AXIS began */
    double mouse_x, mouse_y;
    bool pointer_in;               /* the pointer is over the window */
    uint32_t picks[APP_MAX_PICKS]; /* events under the last click, by date */
    int npicks, pick;              /* picks[pick] is selected (the details) */
    uint32_t said_pick;            /* the selection last printed (idle signal) */
    double pick_x, pick_y;
    bool details, stats, help, editing;
    bool editing_dates;            /* typing a date range (D) */
    TextLines load_errors;         /* files that failed, shown until Esc */
    char date_text[64];
    char toast[320];
    Uint32 toast_until;
    const char *shots_dir;
    char last_command[8192];

    /* Frame times: measured by app_update and app_draw, shown by the
     * overlay (I / F3), written to SAHELMAP_FRAME_LOG. */
    FrameTimes frames;
    FrameSample frame;             /* the frame being made */
    Uint64 frame_t0;               /* performance counter at its start */
    Uint64 last_present;           /* ... after the last present, or 0 */
    FILE *frame_log;               /* the CSV, or NULL */
    bool frame_stats;              /* the overlay shows */

    /* Loading. */
    LoadJob *job;                  /* files loading, or NULL */
    char **queued;                 /* files dropped while loading */
    int nqueued;

    bool running, dirty;
} App;

/* app.c: state. */
void app_say(App *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_update_layout(App *app);
void app_data_changed(App *app, bool first);
void app_set_projection(App *app, ProjKind kind);
void app_refilter(App *app);
bool app_files_bundled(const App *app);
/* The figure that draws what the map area shows, at `factor` times the
 * window's size; with the files when with_files (free with figure_free). */
void app_figure(const App *app, int factor, bool with_files, Figure *fig);
/* What the figure's export draws from: the window's own loaded data. */
void app_export_data(const App *app, FrameData *data);

/* app_load.c: loading in the background. */
void app_load_start(App *app, char *const *paths, int n, bool first);
void app_load_poll(App *app);        /* takes a finished job's results */
void app_load_cancel(App *app);
void app_load_drop(App *app, const char *path);   /* now, or queued */
void app_load_free(App *app);

/* app_commands.c: what commands do. */
void app_apply(App *app, Command c);
void app_fit_events(App *app);
void app_home(App *app);
void app_view_touched(App *app);
void app_zoom_by(App *app, double factor, double x, double y);
bool app_zoom_step(App *app, double dt);

/* app_table.c: the event table, the place checklist, the selection. */
/* Selects events[pick] of the n events (a stack, by date; n 0: none) and
 * opens its details: every pick goes through here. */
void app_select(App *app, const uint32_t *events, int n, int pick);
/* Centres the view on event (in the map left free by the panels), zooming
 * in smoothly to at least 1500 m/px. */
void app_fly_to(App *app, uint32_t event);
/* Rows, counts and the panels appended to app->ui (app_update). */
void app_table_build(App *app, bool moving);
bool app_table_covers(const App *app, float x, float y);
/* A click / a wheel notch over the panels; false when not on them. */
bool app_table_click(App *app, float x, float y);
bool app_table_wheel(App *app, float x, float y, double amount);
/* Scrolls the open table by rows (or pages); false when it is closed. */
bool app_table_scroll(App *app, double rows, bool pages);
/* Keys and text while typing into the checklist's find box; false when
 * not typing there. */
bool app_table_text(App *app, const SDL_Event *ev);
/* For the window tests: "in view N; table ...; checklist ..." when changed. */
void app_table_say(App *app);
void app_table_free(App *app);

/* app_basemap.c: the basemap raster cached in a texture. */
void app_basemap_resize(App *app);
void app_basemap_invalidate(App *app);
void app_basemap_update(App *app, bool moving);   /* re-raster if due */
bool app_basemap_busy(const App *app);            /* a raster is being drawn */
void app_basemap_wait(App *app);                  /* ... let it finish, unused */
void app_basemap_draw(const App *app);
void app_basemap_free(App *app);
bool app_view_equal(const View *a, const View *b);

/* app_frame.c: a frame. */
void app_update(App *app, bool moving);
/* The scene input for fig in this window, from data (app_export_data): the
 * export's (frame_scene_input), with the events as projected for the view
 * and the window's text measure. */
void app_scene_input(App *app, const FrameData *data, const Figure *fig, SceneInput *in);
void app_draw(App *app);          /* reads the state; the renderer caches */
/* The frame log (cfg->frame_log): opened with its header row; a file that
 * cannot be written is said on stderr and the window runs without it. */
void app_frame_log_open(App *app);
void app_frame_log_close(App *app);
/* Milliseconds since a performance-counter reading. */
double app_ms_since(Uint64 t0);

/* app_loop.c: input and the loop. */
void app_loop(App *app);

#endif

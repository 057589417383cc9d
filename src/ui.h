/*
 * ui: the window's own furniture, laid out and hit-tested without drawing:
 * the timeline scrubber (histogram of events stacked by type, the window
 * [from, to] over it, date labels that never overlap, playback state and the
 * counts in the window), the hover tooltip, the details panel, the stats
 * panel, the help panel, the filter box and short messages.
 *
 * Everything is appended to a Scene as items, so render draws it with the
 * same code as the map furniture. The ui emits nothing and changes no
 * state: the app asks it where things are (ui_timeline_hit) and decides.
 */
#ifndef SAHELMAP_UI_H
#define SAHELMAP_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "filter.h"
#include "frametime.h"
#include "scene.h"
#include "timeline.h"

typedef struct UiLayout {
    int width, height;           /* the whole drawable area, px */
    float scale;
    float map_h;                 /* the map occupies [0, map_h) */
    float tl_x, tl_y, tl_w, tl_h;        /* the timeline panel */
    float bars_x, bars_y, bars_w, bars_h; /* the histogram plot */
} UiLayout;

/* Where things go for a drawable of width x height at a UI scale. */
void ui_layout(UiLayout *l, int width, int height, float scale);

/* Day <-> x within the histogram plot, for the timeline's axis. */
double ui_day_to_x(const UiLayout *l, const Timeline *t, double day);
double ui_x_to_day(const UiLayout *l, const Timeline *t, double x);

/* The most kinds a bar is stacked from: event types, or colour classes
 * and Other. */
#define UI_HIST_KINDS \
    (SCENE_MAX_CLASSES + 1 > EVENT_TYPE_COUNT ? SCENE_MAX_CLASSES + 1 : EVENT_TYPE_COUNT)

/* Per-bin event counts over the timeline's axis, by the kinds the map is
 * coloured by: event types (kind = EventType), or the map's colour
 * classes (kind = class, Other last: scene_class_of). */
typedef struct Histogram {
    TimelineBin bin;
    int32_t *start;              /* first day of each bin; nbins + 1 */
    uint32_t *count;             /* nbins * UI_HIST_KINDS, kind k of bin b at
                                    b * UI_HIST_KINDS + k */
    size_t nbins, cap;
    uint32_t max_total;
    SceneClasses classes;        /* what it counted by (by COLOR_BY_TYPE:
                                    the types) */
} Histogram;

/* Counts the events passing `visible` (NULL: all) and the type mask into
 * bins over t's axis, sized for l's plot width, by event type or, when
 * classes (may be NULL) colour by something else, by its classes. */
void ui_histogram(Histogram *h, const EventSet *set, const uint8_t *visible,
                  uint32_t type_mask, const SceneClasses *classes, const Timeline *t,
                  const UiLayout *l);

/* Whether h is counted by the kinds of `classes` (NULL: by type), the
 * same classes in the same order. */
bool ui_histogram_counts_by(const Histogram *h, const SceneClasses *classes);
void ui_histogram_free(Histogram *h);

typedef enum UiTimelinePart {
    UI_TL_NONE,                  /* not on the timeline */
    UI_TL_PANEL,                 /* on it, but not on the plot */
    UI_TL_PLOT,                  /* on the plot, outside the window */
    UI_TL_WINDOW,                /* on the window's body: drag to move */
    UI_TL_EDGE_START,            /* on the window's left edge: resize */
    UI_TL_EDGE_END,              /* on its right edge */
    UI_TL_AXIS                   /* on the date labels under the plot:
                                    drag to pan the axis */
} UiTimelinePart;

/* What is under (x, y) and which day that x is. */
UiTimelinePart ui_timeline_hit(const UiLayout *l, const Timeline *t, double x,
                               double y, int32_t *day);

/* What the timeline shows besides the histogram. */
typedef struct UiTimelineInfo {
    size_t events;               /* in the window, after filters */
    int64_t fatalities, fatalities_low, fatalities_high;
    const char *filter_text;     /* filter_describe, or "" */
} UiTimelineInfo;

void ui_build_timeline(Scene *s, const UiLayout *l, const Timeline *t,
                       const Histogram *h, const UiTimelineInfo *info,
                       SceneMeasure measure, void *ctx);

/* A panel of text lines (title first), placed near (x, y): the tooltip.
 * Lines wrap to at most 420 px at scale 1 (less in a narrow window), and
 * the panel stays inside the window and above the timeline. */
void ui_build_tooltip(Scene *s, const UiLayout *l, float x, float y,
                      const char *const *lines, int nlines, SceneMeasure measure,
                      void *ctx);

/* A fixed panel on the right of the map: details, stats; text wraps to
 * the panel's width. Lines starting with "#" are headings. */
void ui_build_side_panel(Scene *s, const UiLayout *l, const char *const *lines,
                         int nlines, SceneMeasure measure, void *ctx);

/* Where a side panel went, for hit-testing (w 0: no panel). */
typedef struct UiPanel {
    float x, y, w, h;
    int nrows;                   /* rows of its list (0: none) */
    int first, shown;            /* list rows [first, first + shown) are drawn */
    float rows_x, rows_y, rows_w, row_h;   /* the first drawn row's box */
} UiPanel;

/* The side panel with a list above its text: a heading, then rows (each
 * tab-separated columns: the first two left-aligned, the third right-
 * aligned, the last cut to fit), the `selected` row marked, then `lines`
 * as ui_build_side_panel draws them. When the rows do not fit in half the
 * panel, the shown ones scroll to keep the selected one in sight. With
 * nrows 0 it is ui_build_side_panel. With s NULL nothing is drawn: only
 * *out is filled (out may be NULL), so the app knows where the panel is
 * before it decides on a tooltip. */
void ui_build_list_panel(Scene *s, const UiLayout *l, const char *heading,
                         const char *const *rows, int nrows, int selected,
                         const char *const *lines, int nlines, SceneMeasure measure,
                         void *ctx, UiPanel *out);

/* text, cut with an ellipsis at a character boundary to fit max_w, into
 * out. */
void ui_fit_text(SceneMeasure measure, void *ctx, SceneFont font, const char *text,
                 float max_w, char *out, size_t cap);

/* Whether (x, y) is on the panel, and which of its list rows (-1: none). */
bool ui_panel_contains(const UiPanel *p, float x, float y);
int ui_panel_row(const UiPanel *p, float x, float y);

/* A ring around event `event`'s marker in the map scene `map` (the
 * selected event), appended to s; false (nothing added) when the event
 * has no marker in the map area. The window's own: exports never have it. */
bool ui_build_highlight(Scene *s, const UiLayout *l, const Scene *map, uint32_t event);

/* A centred panel of two columns (key, meaning): the help. */
void ui_build_help(Scene *s, const UiLayout *l, const char *const (*rows)[2],
                   int nrows, SceneMeasure measure, void *ctx);

/* The filter box at the top centre, with the text being typed. */
void ui_build_filter_box(Scene *s, const UiLayout *l, const char *text,
                         SceneMeasure measure, void *ctx);

/* A box of typed text at the top centre: "prompt: text|" over a hint. */
void ui_build_text_box(Scene *s, const UiLayout *l, const char *prompt, const char *text,
                       const char *hint, SceneMeasure measure, void *ctx);

/* A centred panel with a line of text and a bar filled to `fraction`. */
void ui_build_progress(Scene *s, const UiLayout *l, const char *text, double fraction,
                       SceneMeasure measure, void *ctx);

/* The frame-time overlay (I / F3), as mpv shows its stats: a dark panel at
 * the map's top left with, for each step of a frame (scene, raster, render,
 * present, total, interval), the last frame's milliseconds and the p50 and
 * p95 over the frames t keeps, then the events drawn and the frame rate.
 * "No frames yet" before the first. */
void ui_build_frame_stats(Scene *s, const UiLayout *l, const FrameTimes *t,
                          SceneMeasure measure, void *ctx);

/* A short message above the timeline. */
void ui_build_toast(Scene *s, const UiLayout *l, const char *text,
                    SceneMeasure measure, void *ctx);

#endif

/*
 * scene: what to draw, decided without drawing. From the events in a time
 * window, the filters, the view and the basemap, scene_build makes a plain
 * draw list: event markers (position, radius, colour, ring or dot), town
 * dots, map labels placed so they never overlap, and the map furniture
 * (title, date window, legend with counts in view, fatality size key,
 * scale bar, north arrow, credits) as rectangles, texts and symbols.
 *
 * The window and the PNG export draw the same Scene with the same code
 * (render), so they cannot disagree. Text is measured through a callback,
 * so this module needs no font library and is unit-tested without SDL.
 */
#ifndef SAHELMAP_SCENE_H
#define SAHELMAP_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "basemap.h"
#include "events.h"
#include "view.h"

/* Fonts the scene asks for; render maps them to real faces and sizes
 * (size = base size x scene scale). */
typedef enum SceneFont {
    FONT_TITLE,          /* bold */
    FONT_SUBTITLE,
    FONT_LEGEND_HEAD,    /* bold */
    FONT_LEGEND,
    FONT_TOWN,
    FONT_CAPITAL,        /* bold */
    FONT_COUNTRY,        /* bold capitals */
    FONT_ADMIN1,
    FONT_SMALL,
    FONT_COUNT
} SceneFont;

/* Pixel sizes (em) at scale 1 (a 1920x1080 output). */
extern const float scene_font_size[FONT_COUNT];

/* Whether a font is the bold face, and its size in whole pixels at a
 * scale: what every renderer (SDL_ttf, Cairo's PDF and SVG) opens. */
bool scene_font_bold(SceneFont font);
int scene_font_px(SceneFont font, float scale);

/* Measures text in a font at the scene's scale: width and height in px. */
typedef void (*SceneMeasure)(void *ctx, SceneFont font, const char *text,
                             float *w, float *h);

typedef enum MarkerStyle {
    MARKER_DOT,          /* location known to the town */
    MARKER_RING          /* location only roughly known */
} MarkerStyle;

typedef struct SceneMarker {
    float x, y;          /* centre, px */
    float r;             /* radius for the best fatality estimate */
    float r_high;        /* radius for the high estimate (> r: a range) */
    uint32_t color;      /* 0xAARRGGBB */
    uint8_t style;       /* MarkerStyle */
    uint32_t event;      /* index in the EventSet (UINT32_MAX: a key symbol) */
} SceneMarker;

typedef struct SceneLabel {
    float x, y, w, h;    /* text box, px (top-left) */
    uint8_t font;        /* SceneFont */
    uint32_t color, halo;
    uint32_t text;       /* offset in Scene.text */
} SceneLabel;

typedef struct SceneDot {
    float x, y, r;
    bool capital;
} SceneDot;

/* A locator map: the region (drawn from `basemap` in `view`, whose map
 * area is the inset's box) with the main view's box outlined on it. */
typedef struct SceneInset {
    const Basemap *basemap;
    View view;
    float box[4][2];             /* the main view's corners, px */
} SceneInset;

typedef enum SceneItemKind {
    ITEM_RECT,           /* filled rectangle with optional border */
    ITEM_TEXT,           /* a label (no halo unless halo != 0) */
    ITEM_MARKER,         /* a marker symbol in the legend */
    ITEM_POLYGON,        /* a filled polygon (north arrow) */
    ITEM_INSET           /* a locator map: the region, and the view's box */
} SceneItemKind;

typedef struct SceneItem {
    uint8_t kind;
    uint32_t color, border;
    float border_w;
    union {
        struct { float x, y, w, h; } rect;
        SceneLabel text;
        SceneMarker marker;
        struct { float pts[6][2]; int n; } poly;
        SceneInset inset;
    } u;
} SceneItem;

/* When events in view would overdraw, the scene counts them into a grid
 * instead of making markers: a density layer. A heatmap is the same grid,
 * finer and smoothed, weighted by events or by fatalities. */
typedef enum GridKind {
    GRID_NONE = 0,
    GRID_DENSITY,            /* cells coloured by events per cell */
    GRID_HEAT_EVENTS,        /* smoothed, event-weighted */
    GRID_HEAT_FATALITIES     /* smoothed, fatality-weighted */
} GridKind;

/* How events are drawn: the layer of a figure. */
typedef enum SceneLayer {
    SCENE_LAYER_AUTO = 0,          /* markers; a density layer above
                                      aggregate_above events in view */
    SCENE_LAYER_MARKERS,           /* always markers */
    SCENE_LAYER_DENSITY,           /* always the density layer */
    SCENE_LAYER_HEAT_EVENTS,       /* a smoothed heatmap weighted by events */
    SCENE_LAYER_HEAT_FATALITIES,   /* ... by fatalities */
    SCENE_LAYER_COUNT
} SceneLayer;

/* What a marker's colour means: a figure's --color-by. */
typedef enum ColorBy {
    COLOR_BY_TYPE = 0,             /* the event type (Okabe-Ito) */
    COLOR_BY_ACTOR,                /* actor 1: the most present in view */
    COLOR_BY_COUNTRY,              /* the country: the most present */
    COLOR_BY_SUB_TYPE,             /* the sub-event type, in its type's hues */
    COLOR_BY_COUNT
} ColorBy;

/* Classes beside Other: eight colours stay apart (and colour-blind safe)
 * on a small marker; more would not. */
#define SCENE_MAX_CLASSES 8

/* The colour classes of a non-type colouring: the values (actor 1 or
 * country string refs, or SubEventTypes) with the most events counted, up
 * to SCENE_MAX_CLASSES, most first (equal counts: by name); every other
 * value, and events with none, is Other. */
typedef struct SceneClasses {
    uint8_t by;                          /* ColorBy */
    int n;                               /* classes, Other not counted */
    uint32_t key[SCENE_MAX_CLASSES];     /* string ref, or SubEventType */
    size_t events[SCENE_MAX_CLASSES + 1];   /* as counted; [n]: Other */
    uint32_t color[SCENE_MAX_CLASSES + 1];  /* 0xAARRGGBB; [n]: Other */
    bool other;                          /* some event counted was Other */
} SceneClasses;

typedef struct SceneGrid {
    uint8_t kind;            /* GridKind */
    int cols, rows;
    float cell;              /* cell size, px; the grid starts at the map's
                                top-left corner */
    uint32_t *count;         /* events per cell, by type: cols*rows*types */
    float *fatalities;       /* fatalities per cell */
    float *value;            /* what is coloured (density or smoothed) */
    size_t cap;
    float max;               /* largest value */
    uint32_t max_count;      /* largest events per cell */
} SceneGrid;

typedef struct SceneInput {
    const EventSet *events;      /* finished (sorted) */
    size_t lo, hi;               /* the time window as an index range */
    int32_t day0, day1;          /* ... and as days (for the subtitle) */
    uint32_t type_mask;          /* bit (1 << EventType) shown */
    const uint8_t *visible;      /* per event: passes the filter (NULL: all) */
    bool fade;                   /* older events in the window fade */
    const double *proj_x, *proj_y;   /* events projected for view->proj, or
                                        NULL to project here */
    const View *view;            /* map area and projection */
    const Basemap *basemap;      /* may be NULL; else projected for
                                    view->proj (basemap_project) */
    int width, height;           /* the whole output, px */
    float scale;                 /* text/line scale; 1 at 1920x1080 */
    const char *title;           /* NULL: made from the data: "Conflict events
                                    in Mali and Niger, 2012-2024" */
    const char *event_credit;    /* e.g. "Events: ACLED, www.acleddata.com" */
    bool graticule;
    bool furniture;              /* title, legend, scale bar, credits */
    SceneLayer layer;
    size_t aggregate_above;      /* SCENE_LAYER_AUTO: more events in view
                                    than this give a density layer
                                    (0: SCENE_AGGREGATE_ABOVE) */
    double class_max;            /* the grid value at the ramp's darkest
                                    colour (0: the largest in view) */
    ColorBy color_by;            /* what marker colours mean */
    bool class_range;            /* the classes are counted over events
                                    [class_lo, class_hi) in view (fixed for
                                    a series); false: over the window */
    size_t class_lo, class_hi;
    const SceneClasses *classes; /* the classes already counted for this
                                    input (a window's playback), or NULL */
    SceneMeasure measure;
    void *measure_ctx;
} SceneInput;

/* Where event i of in falls in output pixels (*sx, *sy; maybe outside the
 * view): false when in does not show it (its type hidden, the filter
 * leaves it out) or it cannot be projected. */
static inline bool scene_event_point(const SceneInput *in, size_t i, double *sx, double *sy)
{
    const EventSet *set = in->events;
    if (!(in->type_mask & (1u << set->type[i]))) return false;
    if (in->visible != NULL && !in->visible[i]) return false;
    double px, py;
    if (in->proj_x != NULL) {
        px = in->proj_x[i];
        py = in->proj_y[i];
        if (px != px) return false;                /* NaN: not projected */
    } else if (!proj_forward(&in->view->proj, events_lon(set, i), events_lat(set, i), &px, &py)) {
        return false;
    }
    view_to_screen(in->view, px, py, sx, sy);
    return true;
}

#define SCENE_MAX_COUNTRIES 64

typedef struct Scene {
    View view;
    int width, height;
    float scale;
    bool graticule;
    SceneMarker *markers;        /* largest first: draw in order */
    size_t nmarkers, markers_cap;
    SceneDot *dots;
    size_t ndots, dots_cap;
    SceneLabel *labels;
    size_t nlabels, labels_cap;
    SceneItem *items;            /* furniture, in drawing order */
    size_t nitems, items_cap;
    char *text;                  /* all label/item strings, NUL-separated */
    size_t text_len, text_cap;
    /* What is in view (counted over markers inside the map area). */
    size_t type_count[EVENT_TYPE_COUNT];
    size_t events_in_view;
    int64_t fatalities_in_view, fatalities_low_in_view, fatalities_high_in_view;
    /* The aggregate layer (kind GRID_NONE when markers are drawn). */
    SceneGrid grid;
    /* The countries of the events in view (counted on every event up to
     * 20,000, then on every 16th), for the default title. */
    uint32_t country_ref[SCENE_MAX_COUNTRIES];
    size_t country_events[SCENE_MAX_COUNTRIES];
    int ncountries;
    char title[256];             /* the title drawn: the input's or one made
                                    from the countries and dates shown */
    /* Events in view by quarter of the map (top-left, top-right,
     * bottom-left, bottom-right), and where the furniture went: the title
     * (and north arrow opposite it) and the legend (and scale bar) each in
     * the top or bottom corner with fewer events. */
    size_t quarter_events[4];
    bool title_right, legend_left;
    /* The colour classes (by COLOR_BY_TYPE: none) and the events in view
     * in each ([classes.n]: Other). */
    SceneClasses classes;
    size_t class_count[SCENE_MAX_CLASSES + 1];
    /* Hit areas of the legend's type entries (for clicks), px. */
    float legend_entry[EVENT_TYPE_COUNT][4];
} Scene;

/* Builds the scene for `in` into *scene (previous content is replaced;
 * storage is reused). Release with scene_free. */
void scene_build(Scene *scene, const SceneInput *in);
void scene_free(Scene *scene);

/* Empties the scene for a new frame of width x height at a scale, keeping
 * its storage. */
void scene_reset(Scene *s, int width, int height, float scale);

/* Appends furniture items (for the ui): a rectangle (fill and border
 * 0xAARRGGBB; border_w 0 for none), a text with its measured size, a
 * marker symbol. */
void scene_add_rect(Scene *s, float x, float y, float w, float h,
                    uint32_t fill, uint32_t border, float border_w);
void scene_add_text(Scene *s, SceneFont font, float x, float y, float w,
                    float h, uint32_t color, uint32_t halo, const char *text);
void scene_add_symbol(Scene *s, SceneMarker marker);

/* The string of a label. */
static inline const char *scene_text(const Scene *s, uint32_t offset)
{
    return s->text + offset;
}

/* Above this many events in view, markers become a density layer. */
#define SCENE_AGGREGATE_ABOVE 12000

/* The colour (0xAARRGGBB) of a value t in [0, 1] on the density ramp, a
 * perceptual (magma-like) ramp from pale yellow to deep purple. */
uint32_t scene_ramp(float t);

/* The colour (0xAARRGGBB; 0 for none) of grid cell `cell`: the density
 * ramp on a log scale of events per cell, or the heatmap's ramp with its
 * alpha. What every renderer paints for the grid. */
uint32_t scene_grid_color(const SceneGrid *g, size_t cell);

/* The grid cell under (x, y) px, or -1. */
long scene_grid_cell(const Scene *s, float x, float y);

/* Hit-testing. The events whose markers lie under (x, y) px, top-most
 * first, into out (at most cap); returns how many. A marker is hit within
 * its radius, and never less than 5 px at the scene's scale, so small dots
 * stay clickable. */
int scene_pick_markers(const Scene *s, float x, float y, uint32_t *out, int cap);

/* The same events (the top-most cap of them) in date order: their order
 * in the event set, which is sorted by day. What a click on a stack lists
 * and cycles through. */
int scene_pick_stack(const Scene *s, float x, float y, uint32_t *out, int cap);

/* The marker drawn for event `event`, or NULL when it has none. */
const SceneMarker *scene_find_marker(const Scene *s, uint32_t event);

/* The event type whose legend entry is under (x, y), or EVENT_UNKNOWN. */
EventType scene_pick_legend(const Scene *s, float x, float y);

/* A count with thousands separated ("12,345"), and a day as "27 Jul 2024",
 * for the map's and the window's text. */
void scene_format_count(int64_t n, char *out, size_t cap);
void scene_format_day(int32_t day, char *out, size_t cap);

/* The marker colour of an event type (Okabe-Ito, colour-blind safe). */
uint32_t scene_type_color(EventType type);

/* The name of a colouring for options and view files ("type", "actor",
 * "country", "sub-type"), and back (false when unknown). */
const char *scene_color_by_name(ColorBy by);
bool scene_color_by_parse(const char *s, ColorBy *by);

/* The colour classes of `in` (by in->color_by) into *out: the values of
 * the events it would show inside its map area, counted over its window
 * or over [class_lo, class_hi) when class_range, the most present first,
 * their colours assigned. Deterministic: equal counts go by name. */
void scene_classes_count(const SceneInput *in, SceneClasses *out);

/* The class (0 .. n - 1, or n: Other) of event i under classes c. */
int scene_class_of(const SceneClasses *c, const EventSet *set, size_t i);

/* A class's name for the legend: the actor, country or sub-event type;
 * "Other" for k == n. */
const char *scene_class_name(const SceneClasses *c, const EventSet *set, int k);

/* Marker radius in px for a fatality count at a scale (area grows in
 * proportion to fatalities; zero fatalities still shows). */
float scene_marker_radius(int32_t fatalities, float scale);

/* A UI scale for an output size: 1 at 1920x1080, 2 at 3840x2160. */
float scene_scale_for(int width, int height);

#endif

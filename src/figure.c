/*
 * figure: the figure request. See figure.h.
 *
 * Sections: defaults and copies; the option table; parsing; the command
 * line writer. The JSON view file is in figure_json.c.
 */
#include "figure.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "events.h"
#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* Defaults and copies                                                       */
/* ------------------------------------------------------------------------- */

void figure_init(Figure *fig)
{
    memset(fig, 0, sizeof *fig);
    fig->proj = PROJ_LAEA;
    fig->fit = FIGURE_FIT_EVENTS;
    fig->width = 1920;
    fig->height = 1080;
    fig->day0 = FIGURE_DAY_UNSET_FROM;
    fig->day1 = FIGURE_DAY_UNSET_TO;
    fig->mode = TIMELINE_MOVING;
    filter_init(&fig->filter);
    fig->layer = SCENE_LAYER_AUTO;
    fig->color_by = COLOR_BY_TYPE;
    fig->class_day0 = FIGURE_DAY_UNSET_FROM;
    fig->class_day1 = FIGURE_DAY_UNSET_TO;
}

void figure_free(Figure *fig)
{
    for (int i = 0; i < fig->nfiles; i++) free(fig->files[i]);
    free(fig->files);
    fig->files = NULL;
    fig->nfiles = 0;
}

void figure_add_file(Figure *fig, const char *path)
{
    fig->files = xrealloc(fig->files, (size_t)(fig->nfiles + 2) * sizeof *fig->files);
    fig->files[fig->nfiles++] = xstrndup(path, strlen(path));
    fig->files[fig->nfiles] = NULL;
}

void figure_set_files(Figure *fig, char *const *files, int n)
{
    figure_free(fig);
    for (int i = 0; i < n; i++) figure_add_file(fig, files[i]);
}

void figure_copy(Figure *dst, const Figure *src)
{
    *dst = *src;
    dst->files = NULL;
    dst->nfiles = 0;
    figure_set_files(dst, src->files, src->nfiles);
}

bool figure_equal(const Figure *a, const Figure *b)
{
    if (a->nfiles != b->nfiles) return false;
    for (int i = 0; i < a->nfiles; i++)
        if (strcmp(a->files[i], b->files[i]) != 0) return false;
    return strcmp(a->output, b->output) == 0 && a->proj == b->proj && a->fit == b->fit &&
           (a->fit != FIGURE_FIT_BBOX || memcmp(a->bbox, b->bbox, sizeof a->bbox) == 0) &&
           (a->fit != FIGURE_FIT_CENTER ||
            (a->center_lon == b->center_lon && a->center_lat == b->center_lat &&
             a->mpp == b->mpp)) &&
           a->width == b->width && a->height == b->height && a->scale == b->scale &&
           a->day0 == b->day0 && a->day1 == b->day1 && a->mode == b->mode &&
           a->filter.type_mask == b->filter.type_mask &&
           strcmp(a->filter.text, b->filter.text) == 0 &&
           a->filter.min_fatalities == b->filter.min_fatalities &&
           strcmp(a->filter.country, b->filter.country) == 0 &&
           strcmp(a->filter.admin1, b->filter.admin1) == 0 &&
           strcmp(a->title, b->title) == 0 && a->layer == b->layer &&
           a->class_max == b->class_max && a->color_by == b->color_by &&
           a->class_day0 == b->class_day0 && a->class_day1 == b->class_day1 &&
           a->graticule == b->graticule &&
           a->fade == b->fade && a->bare == b->bare && a->page == b->page &&
           a->dpi == b->dpi;
}

static const char *const page_names[FIGURE_PAGE_COUNT] = {"", "A4", "A3", "letter"};
static const double page_inches[FIGURE_PAGE_COUNT][2] = {
    {0, 0}, {297 / 25.4, 210 / 25.4}, {420 / 25.4, 297 / 25.4}, {11, 8.5}};

const char *figure_page_name(FigurePage page)
{
    return (unsigned)page < FIGURE_PAGE_COUNT ? page_names[page] : "";
}

double figure_dpi(const Figure *fig)
{
    return fig->dpi > 0 ? fig->dpi : fig->page != FIGURE_PAGE_NONE ? 150 : FIGURE_DEFAULT_DPI;
}

/* A page sets the size in pixels: the paper at the figure's dpi. */
static void figure_fit_page(Figure *fig)
{
    if (fig->page == FIGURE_PAGE_NONE) return;
    double dpi = figure_dpi(fig);
    fig->width = (int)lround(page_inches[fig->page][0] * dpi);
    fig->height = (int)lround(page_inches[fig->page][1] * dpi);
    if (fig->width > FIGURE_MAX_SIDE) fig->width = FIGURE_MAX_SIDE;
    if (fig->height > FIGURE_MAX_SIDE) fig->height = FIGURE_MAX_SIDE;
}

static const char *const layer_names[SCENE_LAYER_COUNT] = {
    "auto", "markers", "density", "heatmap-events", "heatmap-fatalities"};
static const char *const mode_names[TIMELINE_MODE_COUNT] = {"moving", "cumulative", "day"};

const char *figure_layer_name(SceneLayer layer)
{
    return (unsigned)layer < SCENE_LAYER_COUNT ? layer_names[layer] : layer_names[0];
}

bool figure_layer_parse(const char *s, SceneLayer *layer)
{
    for (int k = 0; k < SCENE_LAYER_COUNT; k++) {
        if (strcmp(s, layer_names[k]) == 0) {
            *layer = (SceneLayer)k;
            return true;
        }
    }
    return false;
}

const char *figure_mode_name(TimelineMode mode)
{
    return (unsigned)mode < TIMELINE_MODE_COUNT ? mode_names[mode] : mode_names[0];
}

static bool mode_parse(const char *s, TimelineMode *mode)
{
    for (int k = 0; k < TIMELINE_MODE_COUNT; k++) {
        if (strcmp(s, mode_names[k]) == 0) {
            *mode = (TimelineMode)k;
            return true;
        }
    }
    return false;
}

/* The mask that shows every type. */
#define ALL_TYPES 0x7Eu
static bool all_types(uint32_t mask)
{
    return (mask & ALL_TYPES) == ALL_TYPES;
}

/* ------------------------------------------------------------------------- */
/* The option table                                                          */
/* ------------------------------------------------------------------------- */

typedef enum OptionId {
    OPT_OUTPUT, OPT_FROM, OPT_TO, OPT_MODE, OPT_BBOX, OPT_CENTER, OPT_MPP, OPT_SIZE,
    OPT_SCALE, OPT_PROJ, OPT_TITLE, OPT_TYPE, OPT_FILTER, OPT_MIN_FATALITIES,
    OPT_COUNTRY, OPT_ADMIN1, OPT_LAYER, OPT_HEATMAP, OPT_CLASS_MAX, OPT_COLOR_BY,
    OPT_CLASS_DATES, OPT_FADE,
    OPT_GRATICULE, OPT_BARE, OPT_PAGE, OPT_DPI, OPT_COUNT
} OptionId;

typedef struct Option {
    OptionId id;
    const char *name, *alias;    /* "--size"; alias: "-o" or NULL */
    const char *arg;             /* the value's name, NULL for a flag */
    const char *help;            /* lines separated by \n */
} Option;

static const Option options[OPT_COUNT] = {
    {OPT_OUTPUT, "--output", "-o", "OUT.png",
     "the PNG to write (atomically: a temporary file is renamed into\n"
     "place; inputs are never overwritten)"},
    {OPT_FROM, "--from", NULL, "DATE", "the first day of the date window (default: the data's)"},
    {OPT_TO, "--to", NULL, "DATE", "the last day of the date window (default: the data's)"},
    {OPT_MODE, "--mode", NULL, "moving|cumulative|day",
     "how the window was made: a moving window (default), cumulative\n"
     "from the first event, or a single day"},
    {OPT_BBOX, "--bbox", NULL, "LONMIN,LATMIN,LONMAX,LATMAX",
     "the area to show: the box's outline is projected (each edge\n"
     "sampled densely) and the rectangle bounding it in projected\n"
     "coordinates is fitted inside the image, centred, aspect ratio\n"
     "kept. Default: the events shown, or the whole Sahel"},
    {OPT_CENTER, "--center", NULL, "LON,LAT",
     "an exact view, with --mpp: the centre in degrees"},
    {OPT_MPP, "--mpp", NULL, "M",
     "... and projected metres per pixel (what the window's\n"
     "screenshots record)"},
    {OPT_SIZE, "--size", NULL, "WxH", "image size in pixels (default 1920x1080, at most 8192x8192)"},
    {OPT_SCALE, "--scale", NULL, "S",
     "text and line scale (default: from the size, 1 at 1920x1080,\n"
     "2 at 3840x2160; the window records its own)"},
    {OPT_PROJ, "--proj", NULL, "laea|albers|mercator|plate",
     "projection (default laea: equal-area, so densities compare\n"
     "fairly; all on WGS84)"},
    {OPT_TITLE, "--title", NULL, "TEXT", "the title (default: Conflict events in the Sahel)"},
    {OPT_TYPE, "--type", NULL, "TYPE",
     "show only this event type; repeatable. TYPE is battles,\n"
     "explosions, violence (against civilians), protests, riots,\n"
     "strategic, a full ACLED name, or none"},
    {OPT_FILTER, "--filter", NULL, "TEXT",
     "only events whose actors, places or notes contain TEXT (any case)"},
    {OPT_MIN_FATALITIES, "--min-fatalities", NULL, "N", "only events with at least N fatalities"},
    {OPT_COUNTRY, "--country", NULL, "NAME[,NAME...]",
     "only events in these countries (Mali,Niger: either)"},
    {OPT_ADMIN1, "--admin1", NULL, "NAME[,NAME...]",
     "only events in these admin-1 areas (and in the countries, if given)"},
    {OPT_LAYER, "--layer", NULL, "auto|markers|density",
     "markers, or a density layer (events per cell); auto (default):\n"
     "a density layer when more than 12,000 events are in view"},
    {OPT_HEATMAP, "--heatmap", NULL, "events|fatalities",
     "a smoothed heatmap weighted by events or by fatalities instead\n"
     "of markers"},
    {OPT_CLASS_MAX, "--class-max", NULL, "N",
     "the density or heatmap value given the darkest colour (default:\n"
     "the largest in view), so several maps share one colour scale"},
    {OPT_COLOR_BY, "--color-by", NULL, "type|actor|country|sub-type",
     "what marker colours mean: the event type (default); actor 1,\n"
     "the 8 with most events in view and Other; the country, the\n"
     "same way; the sub-event type, the 8 most present in their\n"
     "type's hues. Density and heatmap layers are not coloured by it"},
    {OPT_CLASS_DATES, "--class-dates", NULL, "FROM..TO",
     "count the --color-by classes over these days, not the date\n"
     "window, so a series of maps keeps the same colours"},
    {OPT_FADE, "--fade", NULL, NULL, "older events in the date window fade"},
    {OPT_GRATICULE, "--graticule", NULL, NULL, "draw meridians and parallels every 5 degrees"},
    {OPT_BARE, "--bare", NULL, NULL, "the map only: no title, legend, scale bar or credits"},
    {OPT_PAGE, "--page", NULL, "A4|A3|letter",
     "a landscape paper size for a PDF or SVG: the image is that page at the dpi "
     "(150 unless given)"},
    {OPT_DPI, "--dpi", NULL, "N",
     "pixels per inch of a PDF or SVG page (default 96: --size 1920x1080 is 20 x 11.25 in)"},
};

void figure_print_option(FILE *out, const char *head, const char *help)
{
    enum { HEAD = 28, WIDTH = 78 - HEAD - 4 };    /* "  head  text" in 78 columns */
    char first[96];
    snprintf(first, sizeof first, "%s", head);
    if (strlen(first) > HEAD) {                   /* a long head gets its own line */
        fprintf(out, "  %s\n", first);
        first[0] = '\0';
    }
    /* The help as one paragraph, wrapped at word boundaries. */
    char text[512];
    snprintf(text, sizeof text, "%s", help);
    for (char *c = text; *c; c++)
        if (*c == '\n') *c = ' ';
    const char *p = text;
    while (*p) {
        int len = 0, cut = 0;
        while (p[len] && len <= WIDTH) {
            if (p[len] == ' ') cut = len;
            len++;
        }
        if (p[len] == '\0' && len <= WIDTH) cut = len;
        else if (cut == 0) cut = len;
        fprintf(out, "  %-*s  %.*s\n", HEAD, first, cut, p);
        first[0] = '\0';
        p += cut;
        while (*p == ' ') p++;
    }
}

void figure_print_options(FILE *out)
{
    for (int k = 0; k < OPT_COUNT; k++) {
        const Option *o = &options[k];
        char head[96];
        snprintf(head, sizeof head, "%s%s%s%s%s", o->alias ? o->alias : "",
                 o->alias ? ", " : "", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        figure_print_option(out, head, o->help);
    }
}

static const Option *find_option(const char *arg, size_t len)
{
    for (int k = 0; k < OPT_COUNT; k++) {
        const Option *o = &options[k];
        if ((strlen(o->name) == len && strncmp(arg, o->name, len) == 0) ||
            (o->alias && strlen(o->alias) == len && strncmp(arg, o->alias, len) == 0))
            return o;
    }
    return NULL;
}

/* ------------------------------------------------------------------------- */
/* Parsing                                                                   */
/* ------------------------------------------------------------------------- */

static bool copy_text(char *dst, size_t cap, const char *val, const char *opt, Error *err)
{
    if (strlen(val) >= cap)
        return error_set(err, "%s: at most %zu bytes", opt, cap - 1);
    memcpy(dst, val, strlen(val) + 1);
    return true;
}

/* Applies option o with its value (NULL for a flag). */
static bool apply_option(Figure *fig, const Option *o, const char *val, bool *types_given,
                         Error *err)
{
    char tail;
    switch (o->id) {
    case OPT_OUTPUT:
        return copy_text(fig->output, sizeof fig->output, val, o->name, err);
    case OPT_FROM:
    case OPT_TO: {
        Error why;
        int32_t *day = o->id == OPT_FROM ? &fig->day0 : &fig->day1;
        if (!date_parse(val, day, &why)) return error_set(err, "%s: %s", o->name, why.msg);
        return true;
    }
    case OPT_MODE:
        if (!mode_parse(val, &fig->mode))
            return error_set(err, "--mode '%.100s': want moving, cumulative or day", val);
        return true;
    case OPT_BBOX: {
        double *b = fig->bbox;
        if (sscanf(val, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
            !(b[0] < b[2]) || !(b[1] < b[3]) || b[0] < -180 || b[2] > 180 ||
            b[1] < -90 || b[3] > 90)
            return error_set(err, "--bbox '%.100s': want LONMIN,LATMIN,LONMAX,LATMAX "
                             "with min < max, in degrees", val);
        fig->fit = FIGURE_FIT_BBOX;
        return true;
    }
    case OPT_CENTER:
        if (sscanf(val, "%lf,%lf%c", &fig->center_lon, &fig->center_lat, &tail) != 2 ||
            !(fabs(fig->center_lon) <= 180) || !(fabs(fig->center_lat) <= 90))
            return error_set(err, "--center '%.100s': want LON,LAT in degrees", val);
        fig->fit = FIGURE_FIT_CENTER;
        return true;
    case OPT_MPP:
        if (sscanf(val, "%lf%c", &fig->mpp, &tail) != 1 ||
            !(fig->mpp >= 1 && fig->mpp <= 100000))
            return error_set(err, "--mpp '%.100s': want metres per pixel, 1 to 100000", val);
        return true;
    case OPT_SIZE:
        if (sscanf(val, "%dx%d%c", &fig->width, &fig->height, &tail) != 2 ||
            fig->width < FIGURE_MIN_SIDE || fig->height < FIGURE_MIN_SIDE ||
            fig->width > FIGURE_MAX_SIDE || fig->height > FIGURE_MAX_SIDE)
            return error_set(err, "--size '%.100s': want WxH, each side %d to %d", val,
                             FIGURE_MIN_SIDE, FIGURE_MAX_SIDE);
        return true;
    case OPT_SCALE:
        if (sscanf(val, "%f%c", &fig->scale, &tail) != 1 ||
            !(fig->scale >= 0.25f && fig->scale <= 8))
            return error_set(err, "--scale '%.100s': want a number from 0.25 to 8", val);
        return true;
    case OPT_PROJ:
        if (!proj_parse(val, &fig->proj))
            return error_set(err, "--proj '%.100s': want laea, albers, mercator or plate", val);
        return true;
    case OPT_TITLE:
        return copy_text(fig->title, sizeof fig->title, val, o->name, err);
    case OPT_TYPE: {
        if (!*types_given) fig->filter.type_mask = 0;   /* the first --type */
        *types_given = true;
        if (strcmp(val, "none") == 0) return true;
        EventType t = events_type_from_key(val);
        if (t == EVENT_UNKNOWN) return error_set(err, "--type '%.100s': unknown event type", val);
        fig->filter.type_mask |= 1u << t;
        /* Every type named is no type filter, as the writer and the view
         * file take it (events of no known type show too). */
        if (all_types(fig->filter.type_mask)) fig->filter.type_mask = ~0u;
        return true;
    }
    case OPT_FILTER:
        return copy_text(fig->filter.text, sizeof fig->filter.text, val, o->name, err);
    case OPT_MIN_FATALITIES: {
        char *end = NULL;
        errno = 0;
        long n = strtol(val, &end, 10);
        if (end == val || *end != '\0' || errno != 0 || n < 0 || n > INT32_MAX ||
            !(val[0] >= '0' && val[0] <= '9'))
            return error_set(err, "--min-fatalities '%.100s': want a count", val);
        fig->filter.min_fatalities = (int32_t)n;
        return true;
    }
    case OPT_COUNTRY:
    case OPT_ADMIN1: {
        char *list = o->id == OPT_COUNTRY ? fig->filter.country : fig->filter.admin1;
        if (!filter_places_normalize(val, list, FILTER_PLACES_MAX))
            return error_set(err, "%s: at most %d bytes of names", o->name, FILTER_PLACES_MAX - 1);
        return true;
    }
    case OPT_LAYER: {
        SceneLayer layer;
        if (!figure_layer_parse(val, &layer) || layer > SCENE_LAYER_DENSITY)
            return error_set(err, "--layer '%.100s': want auto, markers or density", val);
        fig->layer = layer;
        return true;
    }
    case OPT_HEATMAP:
        if (strcmp(val, "events") == 0) fig->layer = SCENE_LAYER_HEAT_EVENTS;
        else if (strcmp(val, "fatalities") == 0) fig->layer = SCENE_LAYER_HEAT_FATALITIES;
        else return error_set(err, "--heatmap '%.100s': want events or fatalities", val);
        return true;
    case OPT_CLASS_MAX:
        if (sscanf(val, "%lf%c", &fig->class_max, &tail) != 1 ||
            !(fig->class_max >= 0 && fig->class_max <= 1e12))
            return error_set(err, "--class-max '%.100s': want a positive number", val);
        return true;
    case OPT_COLOR_BY:
        if (!scene_color_by_parse(val, &fig->color_by))
            return error_set(err, "--color-by '%.100s': want type, actor, country or sub-type",
                             val);
        return true;
    case OPT_CLASS_DATES: {
        const char *sep = strstr(val, "..");
        char a[64], b[64];
        Error why;
        if (sep == NULL || (size_t)(sep - val) >= sizeof a || strlen(sep + 2) >= sizeof b)
            return error_set(err, "--class-dates '%.100s': want FROM..TO", val);
        snprintf(a, sizeof a, "%.*s", (int)(sep - val), val);
        snprintf(b, sizeof b, "%s", sep + 2);
        if (!date_parse(a, &fig->class_day0, &why) || !date_parse(b, &fig->class_day1, &why))
            return error_set(err, "--class-dates '%.100s': %s", val, why.msg);
        if (fig->class_day0 > fig->class_day1)
            return error_set(err, "--class-dates '%.100s': FROM is after TO", val);
        return true;
    }
    case OPT_FADE: fig->fade = true; return true;
    case OPT_GRATICULE: fig->graticule = true; return true;
    case OPT_BARE: fig->bare = true; return true;
    case OPT_PAGE: {
        for (int k = 1; k < FIGURE_PAGE_COUNT; k++) {
            if (strcasecmp(val, page_names[k]) == 0) {
                fig->page = (FigurePage)k;
                figure_fit_page(fig);
                return true;
            }
        }
        return error_set(err, "--page '%.100s': want A4, A3 or letter", val);
    }
    case OPT_DPI: {
        double dpi;
        if (sscanf(val, "%lf%c", &dpi, &tail) != 1 || !(dpi >= 36 && dpi <= 1200))
            return error_set(err, "--dpi '%.100s': want 36 to 1200", val);
        fig->dpi = dpi;
        figure_fit_page(fig);
        return true;
    }
    case OPT_COUNT: break;
    }
    return error_set(err, "%s: not an option", o->name);
}

static bool in_list(const char *a, size_t len, const char *const *list)
{
    for (; list != NULL && *list != NULL; list++)
        if (strlen(*list) == len && strncmp(a, *list, len) == 0) return true;
    return false;
}

bool figure_parse_args_extra(Figure *fig, int argc, char *const *argv,
                             const char *const *value_options, char **extra,
                             int *nextra, Error *err)
{
    bool types_given = false, files_only = false;
    if (nextra != NULL) *nextra = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (files_only || a[0] != '-' || a[1] == '\0') {   /* a file ("-": stdin) */
            figure_add_file(fig, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {                /* only files after it */
            files_only = true;
            continue;
        }
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        const Option *o = find_option(a, len);
        if (o == NULL) {
            if (extra == NULL)
                return error_set(err, "unknown export option '%.100s'", a);
            extra[(*nextra)++] = argv[i];
            if (eq == NULL && in_list(a, len, value_options) && i + 1 < argc)
                extra[(*nextra)++] = argv[++i];
            continue;
        }
        const char *val = NULL;
        if (o->arg != NULL) {
            if (eq != NULL) val = eq + 1;
            else if (i + 1 < argc) val = argv[++i];
            else return error_set(err, "%s needs a value", o->name);
        } else if (eq != NULL) {
            return error_set(err, "%s takes no value", o->name);
        }
        if (!apply_option(fig, o, val, &types_given, err)) return false;
    }
    return true;
}

bool figure_set_option(Figure *fig, const char *name, const char *value, Error *err)
{
    const Option *o = find_option(name, strlen(name));
    if (o == NULL) return error_set(err, "%s: not an option", name);
    if ((o->arg != NULL) != (value != NULL))
        return error_set(err, "%s: %s", name, value ? "takes no value" : "needs a value");
    bool types_given = true;        /* a --type adds to the types given */
    return apply_option(fig, o, value, &types_given, err);
}

bool figure_parse_args(Figure *fig, int argc, char *const *argv, Error *err)
{
    return figure_parse_args_extra(fig, argc, argv, NULL, NULL, NULL, err);
}

bool figure_check(const Figure *fig, Error *err)
{
    if (fig->fit == FIGURE_FIT_CENTER && !(fig->mpp > 0))
        return error_set(err, "--center needs --mpp too");
    if (fig->day0 != FIGURE_DAY_UNSET_FROM && fig->day1 != FIGURE_DAY_UNSET_TO &&
        fig->day0 > fig->day1)
        return error_set(err, "--from is after --to");
    return true;
}

/* ------------------------------------------------------------------------- */
/* The command line                                                          */
/* ------------------------------------------------------------------------- */

typedef struct Out {
    char *s;
    size_t len, cap;
    bool full;
} Out;

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(Out *o, const char *fmt, ...)
{
    if (o->full) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->s + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->cap - o->len) {
        o->full = true;
        o->s[o->len] = '\0';
        return;
    }
    o->len += (size_t)n;
}

/* ' ' and the argument, single-quoted unless it needs no quotes. */
static void out_arg(Out *o, const char *arg)
{
    bool plain = arg[0] != '\0';
    for (const char *p = arg; *p; p++)
        plain &= (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || strchr("-_./,:+=@%", *p) != NULL;
    if (plain) {
        out_printf(o, " %s", arg);
        return;
    }
    out_printf(o, " '");
    for (const char *p = arg; *p; p++) {
        if (*p == '\'') out_printf(o, "'\\''");
        else out_printf(o, "%c", *p);
    }
    out_printf(o, "'");
}

bool figure_shell_quote(const char *arg, char *out, size_t cap)
{
    Out o = {out, 0, cap, cap == 0};
    if (cap > 0) out[0] = '\0';
    out_arg(&o, arg);
    if (!o.full && o.len > 0) memmove(out, out + 1, o.len);   /* no leading space */
    return !o.full;
}

static void out_option(Out *o, OptionId id, const char *val)
{
    out_printf(o, " %s", options[id].name);
    if (val != NULL) out_arg(o, val);
}

bool figure_to_command(const Figure *fig, bool files_are_bundled, char *out, size_t cap)
{
    Out o = {out, 0, cap, cap == 0};
    if (cap > 0) out[0] = '\0';
    out_printf(&o, "sahelmap export");
    /* Files go first, unless one looks like an option: then all go last,
     * after "--". */
    bool dashed = false;
    for (int i = 0; !files_are_bundled && i < fig->nfiles; i++)
        dashed |= fig->files[i][0] == '-' && fig->files[i][1] != '\0';
    if (!files_are_bundled && !dashed)
        for (int i = 0; i < fig->nfiles; i++) out_arg(&o, fig->files[i]);
    if (fig->output[0]) {
        out_printf(&o, " -o");
        out_arg(&o, fig->output);
    }
    char v[128];
    if (fig->width != 1920 || fig->height != 1080) {
        snprintf(v, sizeof v, "%dx%d", fig->width, fig->height);
        out_option(&o, OPT_SIZE, v);
    }
    if (fig->scale != 0) {
        snprintf(v, sizeof v, "%.9g", fig->scale);
        out_option(&o, OPT_SCALE, v);
    }
    if (fig->proj != PROJ_LAEA) out_option(&o, OPT_PROJ, proj_name(fig->proj));
    if (fig->fit == FIGURE_FIT_CENTER) {
        snprintf(v, sizeof v, "%.17g,%.17g", fig->center_lon, fig->center_lat);
        out_option(&o, OPT_CENTER, v);
        snprintf(v, sizeof v, "%.17g", fig->mpp);
        out_option(&o, OPT_MPP, v);
    } else if (fig->fit == FIGURE_FIT_BBOX) {
        snprintf(v, sizeof v, "%.17g,%.17g,%.17g,%.17g", fig->bbox[0], fig->bbox[1],
                 fig->bbox[2], fig->bbox[3]);
        out_option(&o, OPT_BBOX, v);
    }
    char d[11];
    if (fig->day0 != FIGURE_DAY_UNSET_FROM) {
        date_format(fig->day0, d);
        out_option(&o, OPT_FROM, d);
    }
    if (fig->day1 != FIGURE_DAY_UNSET_TO) {
        date_format(fig->day1, d);
        out_option(&o, OPT_TO, d);
    }
    if (fig->mode != TIMELINE_MOVING) out_option(&o, OPT_MODE, figure_mode_name(fig->mode));
    uint32_t mask = fig->filter.type_mask;
    if (!all_types(mask)) {
        bool any = false;
        for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
            if (!(mask & (1u << t))) continue;
            out_option(&o, OPT_TYPE, events_type_key((EventType)t));
            any = true;
        }
        if (!any) out_option(&o, OPT_TYPE, "none");
    }
    if (fig->filter.text[0]) out_option(&o, OPT_FILTER, fig->filter.text);
    if (fig->filter.min_fatalities > 0) {
        snprintf(v, sizeof v, "%d", (int)fig->filter.min_fatalities);
        out_option(&o, OPT_MIN_FATALITIES, v);
    }
    if (fig->filter.country[0]) out_option(&o, OPT_COUNTRY, fig->filter.country);
    if (fig->filter.admin1[0]) out_option(&o, OPT_ADMIN1, fig->filter.admin1);
    if (fig->title[0]) out_option(&o, OPT_TITLE, fig->title);
    if (fig->layer == SCENE_LAYER_HEAT_EVENTS) out_option(&o, OPT_HEATMAP, "events");
    else if (fig->layer == SCENE_LAYER_HEAT_FATALITIES) out_option(&o, OPT_HEATMAP, "fatalities");
    else if (fig->layer != SCENE_LAYER_AUTO)
        out_option(&o, OPT_LAYER, figure_layer_name(fig->layer));
    if (fig->class_max > 0) {
        snprintf(v, sizeof v, "%.17g", fig->class_max);
        out_option(&o, OPT_CLASS_MAX, v);
    }
    if (fig->color_by != COLOR_BY_TYPE)
        out_option(&o, OPT_COLOR_BY, scene_color_by_name(fig->color_by));
    if (fig->class_day0 != FIGURE_DAY_UNSET_FROM) {
        char d1[11];
        date_format(fig->class_day0, d);
        date_format(fig->class_day1, d1);
        snprintf(v, sizeof v, "%s..%s", d, d1);
        out_option(&o, OPT_CLASS_DATES, v);
    }
    if (fig->fade) out_option(&o, OPT_FADE, NULL);
    if (fig->graticule) out_option(&o, OPT_GRATICULE, NULL);
    if (fig->bare) out_option(&o, OPT_BARE, NULL);
    if (fig->dpi > 0) {
        snprintf(v, sizeof v, "%.17g", fig->dpi);
        out_option(&o, OPT_DPI, v);
    }
    if (fig->page != FIGURE_PAGE_NONE) out_option(&o, OPT_PAGE, page_names[fig->page]);
    if (!files_are_bundled && dashed) {
        out_printf(&o, " --");
        for (int i = 0; i < fig->nfiles; i++) out_arg(&o, fig->files[i]);
    }
    return !o.full;
}

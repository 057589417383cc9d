/*
 * figure: the figure request, everything a picture depends on. The files,
 * the projection and the part of it shown, the output size and the scale
 * of text and lines, the date window and timeline mode, every filter, the
 * title, the layer (markers, density, heatmap) with its colour classes, the
 * graticule and fading. The same request gives the same pixels, whoever
 * draws it: the window builds one from its state for a screenshot,
 * `sahelmap export` parses one from its command line or a view file.
 *
 * One option table serves the parser (command line -> request), the writer
 * (request -> command line) and the help text, so they cannot drift apart;
 * a request also reads and writes as a JSON view file. Pure: no SDL, no
 * drawing, no files read here except a view file's text given by the
 * caller.
 */
#ifndef SAHELMAP_FIGURE_H
#define SAHELMAP_FIGURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "filter.h"
#include "proj.h"
#include "scene.h"
#include "timeline.h"

#define FIGURE_MAX_SIDE 8192         /* pixels, each side */
#define FIGURE_MIN_SIDE 16
#define FIGURE_DAY_UNSET_FROM INT32_MIN   /* day0: the data's first day */
#define FIGURE_DAY_UNSET_TO INT32_MAX     /* day1: the data's last day */
#define FIGURE_PATH_MAX 4096

/* Which part of the projected plane is shown. */
typedef enum FigureFit {
    FIGURE_FIT_EVENTS = 0,     /* the events shown (or the Sahel when none) */
    FIGURE_FIT_BBOX,           /* a lon/lat box, fitted inside the image */
    FIGURE_FIT_CENTER          /* an exact centre and metres per pixel */
} FigureFit;

/* Paper sizes for print (landscape). */
typedef enum FigurePage {
    FIGURE_PAGE_NONE = 0,        /* the size is --size's */
    FIGURE_PAGE_A4,              /* 297 x 210 mm */
    FIGURE_PAGE_A3,              /* 420 x 297 mm */
    FIGURE_PAGE_LETTER,          /* 11 x 8.5 in */
    FIGURE_PAGE_COUNT
} FigurePage;

#define FIGURE_DEFAULT_DPI 96.0

typedef struct Figure {
    char **files;                /* the data (owned); none: the bundled data */
    int nfiles;
    char output[FIGURE_PATH_MAX]; /* where to write ("" when not given) */

    ProjKind proj;
    FigureFit fit;
    double bbox[4];              /* FIT_BBOX: lon0, lat0, lon1, lat1 */
    double center_lon, center_lat, mpp;   /* FIT_CENTER */
    int width, height;           /* FIGURE_MIN_SIDE .. FIGURE_MAX_SIDE */
    float scale;                 /* text and line scale; 0: from the size
                                    (scene_scale_for) */

    int32_t day0, day1;          /* inclusive window; the UNSET values mean
                                    the data's first / last day */
    TimelineMode mode;           /* how the window was made (and plays) */
    Filter filter;               /* types, text, fatalities, places */

    char title[256];             /* "": the default title */
    SceneLayer layer;            /* markers, density or heatmap */
    double class_max;            /* density / heatmap value given the darkest
                                    colour; 0: the largest in view */
    ColorBy color_by;            /* what marker colours mean */
    int32_t class_day0, class_day1;   /* the colour classes (a --color-by
                                    but type) are counted over these days:
                                    fixed for a series of maps; both UNSET
                                    values: over the date window */
    bool graticule;
    bool fade;                   /* older events in the window fade */
    bool bare;                   /* the map only: no title, legend, credits */
    FigurePage page;             /* a paper size: width x height from it */
    double dpi;                  /* pixels per inch of a PDF or SVG page
                                    (0: 96); with page, sets the size */
} Figure;

/* A request with every default: bundled data, LAEA, fit to the events,
 * 1920x1080, the whole date range, nothing filtered. Release with
 * figure_free (which frees the files). */
void figure_init(Figure *fig);
void figure_free(Figure *fig);

/* A deep copy of src into dst (dst is overwritten, not freed first). */
void figure_copy(Figure *dst, const Figure *src);

/* True when a and b ask for the same picture to the same file (every
 * field compared; files as strings, in order). */
bool figure_equal(const Figure *a, const Figure *b);

/* Replaces the figure's files by a copy of files[0..n). */
void figure_set_files(Figure *fig, char *const *files, int n);

/* Adds a copy of path to the figure's files. */
void figure_add_file(Figure *fig, const char *path);

/* Applies one option by its name ("--proj") with its value (NULL for a
 * flag), as on the command line; a --type adds to the types already set.
 * False with err when the name or the value is wrong. */
bool figure_set_option(Figure *fig, const char *name, const char *value, Error *err);

/* Parses export options and file names (argv[0..argc), no program or
 * command name) into fig, on top of what it holds: options override, file
 * names are added; after "--" every argument is a file name. "--help" is
 * not an option here. False with err ("--size
 * '12': want WxH, each side 16 to 8192") on the first bad option; fig may
 * then be partly changed. */
bool figure_parse_args(Figure *fig, int argc, char *const *argv, Error *err);

/* Like figure_parse_args, but skips (and reports in *extra, in order) the
 * arguments that are not figure options, for commands that add their own
 * options: extra must hold argc pointers; *nextra counts them. An extra
 * option's value must be handled by the caller: `value_options` lists the
 * extra options that take a value (NULL-terminated), so their value is
 * not taken for a file name. */
bool figure_parse_args_extra(Figure *fig, int argc, char *const *argv,
                             const char *const *value_options, char **extra,
                             int *nextra, Error *err);

/* Checks what options cannot check alone (--center without --mpp, ...);
 * false with err. */
bool figure_check(const Figure *fig, Error *err);

/* Writes the `sahelmap export` command that asks for fig, shell-quoted,
 * every non-default setting spelled out, into out (cut to cap). Files that
 * are all bundled are left out (the command then uses the bundled data).
 * Returns false when it did not fit. */
bool figure_to_command(const Figure *fig, bool files_are_bundled, char *out,
                       size_t cap);

/* arg as one shell word: itself when it is plain, else single-quoted
 * ('\'' for an apostrophe), into out. False when it did not fit. */
bool figure_shell_quote(const char *arg, char *out, size_t cap);

/* The request as a JSON view file's text (a new string the caller frees):
 * files relative to the directory `base_dir` where they lie under it or
 * beside it (absolute otherwise); bundled files are left out. The output
 * path is not part of a view. */
char *figure_to_json(const Figure *fig, bool files_are_bundled,
                     const char *base_dir);

/* Reads a view file's text into fig (on top of its defaults): relative
 * file names are taken relative to base_dir. False with err naming the
 * member at fault. */
bool figure_from_json(Figure *fig, const char *text, size_t len,
                      const char *base_dir, Error *err);

/* Reads the view file at path into fig (on top of what it holds; its files
 * are taken relative to the file's directory). False with err naming the
 * file and, where it can, the line and column. */
bool figure_read_view(Figure *fig, const char *path, Error *err);

/* Writes fig as a view file at path, atomically (outfile); its files named
 * relative to path's directory. False with err, the target untouched. */
bool figure_write_view(const Figure *fig, bool files_are_bundled, const char *path,
                       char *const *inputs, int ninputs, Error *err);

/* One line of --help: "  HEAD  help" with the help wrapped at word
 * boundaries under column 32 (a head over 28 columns on its own line). */
void figure_print_option(FILE *out, const char *head, const char *help);

/* The export options with their argument and help text, for --help:
 * writes one line per option (and continuation lines) to out. */
void figure_print_options(FILE *out);

/* Names used by the options and the view file. */
const char *figure_layer_name(SceneLayer layer);
bool figure_layer_parse(const char *s, SceneLayer *layer);
const char *figure_mode_name(TimelineMode mode);
const char *figure_page_name(FigurePage page);

/* The figure's pixels per inch on a page: its dpi, or 96. */
double figure_dpi(const Figure *fig);

#endif

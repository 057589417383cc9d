/*
 * main: the command line. Parses the command and its options and hands
 * over to the modules that do the work; holds no logic of its own.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "anim.h"
#include "anim_write.h"
#include "app.h"
#include "archive_input.h"
#include "basemap.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "extract.h"
#include "figure.h"
#include "info.h"
#include "load.h"
#include "xalloc.h"

/* The help, which is also the man page: the build turns this text into
 * sahelmap(1) (tools/man/help2roff.c), so its layout is a contract: a line
 * "Heading:" at column 0 starts a section; "  HEAD  TEXT" with TEXT at
 * column 32 is a term and its description (a longer HEAD has its line to
 * itself, its TEXT on the lines below, at column 32; among terms, a line
 * indented by two is a term alone); any other line indented by two is a
 * paragraph; an empty line ends one. No double spaces within a paragraph. */
static void usage(FILE *out)
{
    fprintf(out,
        "sahelmap %s: a map for exploring conflict events in the Sahel\n"
        "\n"
        "Usage:\n"
        "  sahelmap [FILE...] [--window WxH] [--shots DIR] [export options]\n"
        "                                open the map window on the files (default: the\n"
        "                                bundled data), showing what the export options\n"
        "                                ask for; screenshots go to DIR (default:\n"
        "                                $SAHELMAP_SHOTS or the current directory).\n"
        "                                Press ? in the window for keys and mouse\n"
        "  sahelmap info [--json] [-q|-v] [FILE...]\n"
        "                                what each file holds: format, records\n"
        "                                read/loaded/skipped (with reasons), dates,\n"
        "                                events and fatalities by type, country,\n"
        "                                year and admin-1 area; then all together.\n"
        "                                With --json, the same as one JSON document\n"
        "                                (its schema: info-json.md, in the docs)\n"
        "  sahelmap export [FILE...] -o OUT.png [-q|-v] [export options]\n"
        "                                a report-ready map as a PNG, no display needed\n"
        "  sahelmap export [FILE...] [--csv OUT.csv] [--geojson OUT.geojson]\n"
        "                  [--stats OUT.csv] [-o OUT.png] [options]\n"
        "                                the data behind the figure: its events (in its\n"
        "                                dates, filters and map area) in ACLED's columns\n"
        "                                or as GeoJSON, and the legend's and stats panel's\n"
        "                                counts by type, country, admin-1 and month\n"
        "  sahelmap export --view VIEW.json [FILE...] -o OUT.png [options]\n"
        "                                redraws a view the window saved (Ctrl+Shift+S),\n"
        "                                with new data if FILEs are given; options\n"
        "                                override the view's. The window takes --view too\n"
        "  sahelmap --help | --version\n"
        "\n"
        "Options of info and export:\n"
        "  -q, --quiet                   errors only: no progress, no notes on\n"
        "                                standard error\n"
        "  -v, --verbose                 also one line per file loaded (format,\n"
        "                                records read, loaded, skipped; for export\n"
        "                                the reasons too) and the data, basemap and\n"
        "                                cache used\n"
        "\n"
        "Info options:\n"
        "  --json                        one JSON document on standard output\n"
        "                                instead of the text\n"
        "\n"
        "Export options:\n", SAHELMAP_VERSION);
    figure_print_options(out);
    anim_print_options(out);
    fprintf(out,
        "\n"
        "Maps:\n"
        "  Markers are coloured by event type with area in proportion to\n"
        "  fatalities. More than 12,000 events in view are drawn as a density\n"
        "  layer (events per cell) unless --layer says otherwise.\n"
        "\n"
        "Input files:\n"
        "  ACLED (API JSON, export CSV, monadic exports), UCDP GED (API JSON,\n"
        "  CSV) and GeoJSON points; the format is found from the content.\n"
        "  Compressed files (.gz, .bz2, .xz) are read as they are; a .zip loads\n"
        "  each .csv, .json or .geojson member as a file of its own, and\n"
        "  FILE.zip:MEMBER loads one. HDX files' HXL tag row is read as tags;\n"
        "  a CSV cell NA is missing. Monadic rows of one event are merged, so\n"
        "  counts are per event; several files count each event once (ACLED\n"
        "  and UCDP ids across files, GeoJSON and generic ids inside their\n"
        "  file), and a file named twice is read once. With no FILE, the\n"
        "  bundled data is used\n"
        "  (share/sahelmap/data beside the program's directory; sahelmap info\n"
        "  lists it). DATE: 2024-07-27, 27 July 2024, 27-07-2024 or 27-Jul-24.\n"
        "\n"
        "Limits:\n"
        "  Images up to %dx%d pixels; up to %d events in all (44 bytes each\n"
        "  plus names); one JSON value (one event object) up to 512 MB; one CSV\n"
        "  record up to 64 MB (longer ones are skipped); notes over 16 MB are\n"
        "  cut; dates from 1900 to 2100. Files of any size are read as a\n"
        "  stream; FILE - is standard input, and -o - writes the PNG to\n"
        "  standard output.\n"
        "\n"
        "Environment:\n"
        "  SAHELMAP_DATA                 the bundled data's directory\n"
        "  SAHELMAP_ASSETS               the basemap's directory\n"
        "  SAHELMAP_MAX_EVENTS           the most events held (default %d)\n"
        "  SAHELMAP_CACHE                0 turns the cache off\n"
        "  SAHELMAP_CACHE_MIN            the smallest file cached, in bytes (default\n"
        "                                8 MB): such files reopen fast\n"
        "  SAHELMAP_LOAD_THREADS         threads a big file is parsed on (1 to 16;\n"
        "                                default: the processor count; 1: one)\n"
        "  XDG_CACHE_HOME                the cache goes in $XDG_CACHE_HOME/sahelmap\n"
        "                                (or ~/.cache/sahelmap), made when missing\n"
        "  SAHELMAP_SHOTS                where the window's screenshots go\n"
        "  SAHELMAP_FRAME_LOG            a file the window writes its frame times to:\n"
        "                                CSV, one row per frame drawn (scene_ms,\n"
        "                                raster_ms, render_ms, present_ms, total_ms,\n"
        "                                events_drawn)\n"
        "\n"
        "Exit status:\n"
        "  0 on success; 1 when a file failed to load (an export still draws the\n"
        "  files that loaded), the export failed or the output could not be\n"
        "  written; 2 on bad usage or a bad environment variable.\n",
        FIGURE_MAX_SIDE, FIGURE_MAX_SIDE, CONFIG_MAX_EVENTS, CONFIG_MAX_EVENTS);
}

static int usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, "sahelmap: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, " (try sahelmap --help)\n");
    return 2;
}

/* The files named (a zip archive: its event members, the others noted on
 * stderr when notes), or the bundled ones when none; free with
 * bundled_free. */
static char **input_files(const Config *cfg, char **names, int n, int *count, bool notes,
                          Error *err)
{
    if (n == 0) {
        char **files = bundled_files(cfg, err);
        *count = 0;
        while (files != NULL && files[*count] != NULL) (*count)++;
        return files;
    }
    return archive_expand(names, n, count, notes ? archive_note_stderr : NULL, NULL);
}

/* ------------------------------------------------------------------------- */
/* Progress on the terminal, for loads over half a second                    */
/* ------------------------------------------------------------------------- */

typedef struct TermProgress {
    const char *path;          /* the file being shown */
    double started, last;
    bool shown, finished;
} TermProgress;

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool term_progress(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    TermProgress *tp = ctx;
    double now = seconds_now();
    if (tp->path != path) {               /* a new file */
        tp->path = path;
        tp->started = now;
        tp->last = 0;
        tp->shown = tp->finished = false;
    }
    bool end = done >= total;
    if (tp->finished) return true;
    if (now - tp->started < 0.5 || (!end && now - tp->last < 0.1)) return true;
    if (end && !tp->shown) return true;
    tp->last = now;
    tp->shown = true;
    tp->finished = end;
    const char *name = strrchr(path, '/');
    fprintf(stderr, "\rloading %.60s  %3.0f%%  (%.0f of %.0f MB)%s", name ? name + 1 : path,
            total ? 100.0 * (double)done / (double)total : 100.0, done / 1e6, total / 1e6,
            end ? "\n" : "");
    return true;
}

/* The terminal progress reporter, when stderr is a terminal. */
static const LoadProgress *terminal_progress(void)
{
    static TermProgress state;
    static const LoadProgress progress = {term_progress, &state};
    return isatty(STDERR_FILENO) ? &progress : NULL;
}

/* How much a command says on standard error besides its errors. */
typedef enum Verbosity {
    VERBOSITY_QUIET,            /* errors only */
    VERBOSITY_NORMAL,           /* and progress on a terminal, notes */
    VERBOSITY_VERBOSE           /* and a line per file, the settings used */
} Verbosity;

/* Sets *v when arg is -q/--quiet or -v/--verbose; false otherwise. */
static bool verbosity_option(const char *arg, Verbosity *v)
{
    if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) *v = VERBOSITY_QUIET;
    else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) *v = VERBOSITY_VERBOSE;
    else return false;
    return true;
}

/* The settings a verbose command names before it loads. */
static void print_settings(const Config *cfg)
{
    fprintf(stderr, "sahelmap: data %s; basemap in %s; cache %s\n", cfg->data_dir,
            cfg->assets_dir, cfg->cache && cfg->cache_dir[0] ? cfg->cache_dir : "off");
}

/* Standard output, flushed: false with a message when it could not be
 * written (a full disk, a closed pipe). */
static bool stdout_flushed(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout)) return true;
    fprintf(stderr, "sahelmap: standard output: %s\n", strerror(errno));
    return false;
}

/* sahelmap info [--json] [-q|-v] [--] [FILE...] */
static int run_info(const Config *cfg, int argc, char **argv, Verbosity v)
{
    InfoOptions io = {.format = INFO_TEXT};
    char **names = xcalloc((size_t)argc + 1, sizeof *names);
    int n = 0, status = -1;
    bool files_only = false;
    for (int i = 0; i < argc && status < 0; i++) {
        const char *a = argv[i];
        if (files_only || a[0] != '-' || a[1] == '\0') names[n++] = argv[i];
        else if (strcmp(a, "--") == 0) files_only = true;
        else if (strcmp(a, "--json") == 0) io.format = INFO_JSON;
        else if (verbosity_option(a, &v)) continue;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            status = stdout_flushed() ? 0 : 1;
        } else status = usage_error("unknown info option '%s'", a);
    }
    if (status >= 0) {
        free(names);
        return status;
    }
    io.verbose = v == VERBOSITY_VERBOSE;
    if (io.verbose) print_settings(cfg);
    Error err;
    int count = 0;
    char **files = input_files(cfg, names, n, &count, v != VERBOSITY_QUIET, &err);
    free(names);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return 1;
    }
    LoadOptions options = {.progress = v == VERBOSITY_QUIET ? NULL : terminal_progress(),
                           .config = cfg};
    status = info_run(files, count, stdout, stderr, &options, &io);
    bundled_free(files);
    return stdout_flushed() ? status : 1;
}

/* A command's request: the view file of --view FILE first, then the
 * options and files on top of it (an option overrides the view; files
 * given replace the view's). Options in extra_options (NULL-terminated,
 * those taking a value) and any other unknown options are kept in extra
 * (argc entries), for the command to handle; *nextra counts them. */
static bool parse_request(int argc, char **argv, const char *const *extra_options,
                          Figure *fig, char **extra, int *nextra, Error *err)
{
    figure_init(fig);
    const char *view = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (strcmp(argv[i], "--view") == 0 && i + 1 < argc) view = argv[++i];
        else if (strncmp(argv[i], "--view=", 7) == 0) view = argv[i] + 7;
        else if (strcmp(argv[i], "--view") == 0) return error_set(err, "--view needs a value");
    }
    if (view != NULL && !figure_read_view(fig, view, err)) return false;
    char **view_files = fig->files;
    int nview = fig->nfiles;
    fig->files = NULL;
    fig->nfiles = 0;
    const char *options[16] = {"--view"};
    int n = 1;
    for (; extra_options != NULL && extra_options[n - 1] != NULL && n < 15; n++)
        options[n] = extra_options[n - 1];
    options[n] = NULL;
    int got = 0;
    bool ok = figure_parse_args_extra(fig, argc, argv, options, extra, &got, err) &&
              figure_check(fig, err);
    *nextra = 0;
    for (int i = 0; ok && i < got; i++) {          /* --view was handled above */
        if (strcmp(extra[i], "--view") == 0) i++;
        else if (strncmp(extra[i], "--view=", 7) != 0) extra[(*nextra)++] = extra[i];
    }
    Figure kept = {.files = view_files, .nfiles = nview};
    if (fig->nfiles == 0) {
        fig->files = view_files;
        fig->nfiles = nview;
    } else {
        figure_free(&kept);
    }
    return ok;
}

/* The animation's progress bar on the terminal (stderr, when it is one). */
typedef struct FrameBar {
    double started;
} FrameBar;

static bool frame_bar(void *ctx, size_t done, size_t total)
{
    FrameBar *bar = ctx;
    char line[160];
    anim_progress_text(done, total, seconds_now() - bar->started, line, sizeof line);
    fprintf(stderr, "\r%s%s", line, done >= total ? "\n" : "");
    return true;
}

static bool write_animation(const FrameData *data, const Figure *fig,
                            const AnimOptions *anim, AnimReport *rep, Error *err)
{
    FrameBar bar = {seconds_now()};
    AnimProgress progress = {frame_bar, &bar};
    return anim_write(data, fig, anim, isatty(STDERR_FILENO) ? &progress : NULL, rep, err);
}

static int run_export(const Config *cfg, int argc, char **argv, Verbosity v)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return stdout_flushed() ? 0 : 1;
        }
    }
    Figure fig;
    AnimOptions anim;
    anim_options_init(&anim);
    Error err;
    char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
    char **anim_extra = xcalloc((size_t)argc + 1, sizeof *anim_extra);
    int nextra = 0, nanim = 0;
    /* The options export adds to the figure's: data outputs, verbosity and
     * the animation's (taking values as anim_value_options lists). */
    const char *value_options[16] = {"--csv", "--geojson", "--stats"};
    int nvalue = 3;
    for (int k = 0; anim_value_options[k] != NULL && nvalue < 15; k++)
        value_options[nvalue++] = anim_value_options[k];
    value_options[nvalue] = NULL;
    ExtractPaths data_out = {0};
    bool parsed = parse_request(argc, argv, value_options, &fig, extra, &nextra, &err);
    for (int i = 0; parsed && i < nextra; i++) {
        const char **slot = strcmp(extra[i], "--csv") == 0 ? &data_out.csv
                          : strcmp(extra[i], "--geojson") == 0 ? &data_out.geojson
                          : strcmp(extra[i], "--stats") == 0 ? &data_out.stats : NULL;
        if (slot == NULL && verbosity_option(extra[i], &v)) continue;
        if (slot == NULL) anim_extra[nanim++] = extra[i];    /* the animation's, or unknown */
        else if (i + 1 >= nextra) parsed = error_set(&err, "%s needs a value", extra[i]);
        else *slot = extra[++i];
    }
    parsed = parsed && anim_parse_args(&anim, nanim, anim_extra, &err) &&
             anim_check(&anim, &fig, &err);
    free(anim_extra);
    free(extra);
    if (!parsed) {
        figure_free(&fig);
        return usage_error("%s", error_text(&err).s);
    }
    bool want_data = data_out.csv || data_out.geojson || data_out.stats;
    if (fig.output[0] == '\0' && !want_data && anim.format == ANIM_FORMAT_NONE) {
        figure_free(&fig);
        return usage_error("%s", "export needs -o OUT.png (or --csv, --geojson, --stats, "
                                 "--animate OUT, --frames DIR)");
    }
    export_signals_install();      /* Ctrl+C: the temporary removed, then exit */
    int count = 0;
    char **files = input_files(cfg, fig.files, fig.nfiles, &count,
                               v != VERBOSITY_QUIET, &err);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        figure_free(&fig);
        return 1;
    }
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)count + 1, sizeof *reports);
    if (v == VERBOSITY_VERBOSE) print_settings(cfg);
    LoadOptions options = {.progress = v == VERBOSITY_QUIET ? NULL : terminal_progress(),
                           .config = cfg};
    int failed = load_files_with(&set, files, count, reports, &options);
    for (int i = 0; i < count; i++) {
        if (!reports[i].ok || v == VERBOSITY_VERBOSE)
            info_print_load(stderr, files[i], &reports[i], true);
        else if (v == VERBOSITY_NORMAL && reports[i].skipped > 0)
            fprintf(stderr, "sahelmap: %s: %zu of %zu records skipped (sahelmap info "
                    "says why)\n", files[i], reports[i].skipped, reports[i].read);
    }
    if (failed > 0) {
        /* A map missing a file's events is not the map asked for. */
        fprintf(stderr, "sahelmap: nothing written: %d input file%s failed to load\n",
                failed, failed == 1 ? "" : "s");
        events_free(&set);
        free(reports);
        bundled_free(files);
        figure_free(&fig);
        return 1;
    }

    /* A typo never yields a plausible empty map: nothing is written. */
    if (!frame_check(&set, &fig, &err)) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        events_free(&set);
        free(reports);
        bundled_free(files);
        figure_free(&fig);
        return 1;
    }
    char credit[256];
    export_event_credit(&set, reports, files, count, credit, sizeof credit);
    char basemap_path[4096];
    bundled_asset(cfg, "sahel-basemap.json", basemap_path, sizeof basemap_path);
    Basemap map = {0};
    bool ok = true;
    FrameData data = {.set = &set, .event_credit = credit, .inputs = files, .ninputs = count};
    if (want_data) {
        size_t n = 0;
        ok = extract_files(&data, &fig, &data_out, &n, &err);
        if (ok && v != VERBOSITY_QUIET)
            fprintf(stderr, "sahelmap: wrote the data of %zu event%s\n", n, n == 1 ? "" : "s");
    }
    if (ok && (fig.output[0] || anim.format != ANIM_FORMAT_NONE)) {
        ok = basemap_load(&map, basemap_path, &err);
        if (ok) {
            Proj proj;
            proj_init(&proj, fig.proj);
            basemap_project(&map, &proj);
            data.map = &map;
            if (anim.format != ANIM_FORMAT_NONE) {
                AnimReport rep;
                ok = write_animation(&data, &fig, &anim, &rep, &err);
                if (ok && v != VERBOSITY_QUIET)
                    fprintf(stderr, "sahelmap: wrote %s (%zu frames, %dx%d, %d fps)\n",
                            anim.path, rep.frames, rep.width, rep.height, anim.fps);
            } else {
                ok = export_figure(&data, &fig, &err);
                if (ok && v != VERBOSITY_QUIET)
                    fprintf(stderr, "sahelmap: wrote %s (%dx%d)\n",
                            strcmp(fig.output, "-") == 0 ? "the PNG to standard output"
                                                         : fig.output,
                            fig.width, fig.height);
            }
            basemap_free(&map);
        }
    }
    if (!ok) fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
    events_free(&set);
    free(reports);
    bundled_free(files);
    figure_free(&fig);
    return ok && failed == 0 ? 0 : 1;
}

/* sahelmap [FILE...] [--window WxH] [--shots DIR] [export options]: the
 * map window, opened on what the options ask for. */
static int run_window(const Config *cfg, int argc, char **argv)
{
    AppOptions opt = {0};
    Figure fig;
    char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
    int nextra = 0;
    static const char *const window_options[] = {"--window", "--shots", NULL};
    Error err;
    int status = 0;
    if (!parse_request(argc, argv, window_options, &fig, extra, &nextra, &err))
        status = usage_error("%s", error_text(&err).s);
    for (int i = 0; status == 0 && i < nextra; i++) {
        char tail;
        bool has_value = i + 1 < nextra && extra[i + 1][0] != '-';
        if (strcmp(extra[i], "--window") == 0 && has_value) {
            if (sscanf(extra[++i], "%dx%d%c", &opt.width, &opt.height, &tail) != 2 ||
                opt.width < 200 || opt.height < 200)
                status = usage_error("--window '%s': want WxH, at least 200x200", extra[i]);
        } else if (strcmp(extra[i], "--shots") == 0 && has_value) {
            opt.shots_dir = extra[++i];
        } else {
            status = usage_error("unknown option or command '%s'", extra[i]);
        }
    }
    if (status == 0) status = app_run(cfg, &fig, &opt);
    free(extra);
    figure_free(&fig);
    return status;
}

int main(int argc, char **argv)
{
    /* The environment, read here once and passed down. */
    Config config;
    Error err;
    const Config *cfg = &config;
    if (!config_from_env(&config, &err)) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return 2;
    }
    /* -q/-v may also come before the command. */
    Verbosity v = VERBOSITY_NORMAL;
    int first = 1;
    while (first < argc && verbosity_option(argv[first], &v)) first++;
    bool verbosity_given = first > 1;
    argc -= first - 1;
    argv += first - 1;
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return stdout_flushed() ? 0 : 1;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("sahelmap %s\n", SAHELMAP_VERSION);
        return stdout_flushed() ? 0 : 1;
    }
    if (argc >= 2 && strcmp(argv[1], "info") == 0) return run_info(cfg, argc - 2, argv + 2, v);
    if (argc >= 2 && strcmp(argv[1], "export") == 0) return run_export(cfg, argc - 2, argv + 2, v);
    if (verbosity_given) return usage_error("%s", "-q and -v go with info and export");
    if (argc == 1) return run_window(cfg, 0, argv + 1);
    return run_window(cfg, argc - 1, argv + 1);
}

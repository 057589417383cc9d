/*
 * main: the command line. Parses the command and its options and hands
 * over to the modules that do the work; holds no logic of its own.
 */
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
#include "basemap.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "figure.h"
#include "info.h"
#include "load.h"
#include "xalloc.h"

static void usage(const Config *cfg, FILE *out)
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
        "  sahelmap info [FILE...]       what each file holds: format, records\n"
        "                                read/loaded/skipped (with reasons), dates,\n"
        "                                events and fatalities by type, country,\n"
        "                                year and admin-1 area; then all together\n"
        "  sahelmap export [FILE...] -o OUT.png [options]\n"
        "                                a report-ready map as a PNG, no display needed\n"
        "  sahelmap --help | --version\n"
        "\n"
        "Export options:\n", SAHELMAP_VERSION);
    figure_print_options(out);
    anim_print_options(out);
    fprintf(out,
        "\n"
        "Markers are coloured by event type with area in proportion to\n"
        "fatalities. More than 12,000 events in view are drawn as a density\n"
        "layer (events per cell) unless --layer says otherwise.\n"
        "\n"
        "Files: ACLED (API JSON, export CSV, monadic exports), UCDP GED (API\n"
        "JSON, CSV) and GeoJSON points; the format is found from the content.\n"
        "Monadic rows of one event are merged, so counts are per event.\n"
        "With no FILE, the bundled data in %s is used\n"
        "(set SAHELMAP_DATA to use another directory).\n"
        "DATE: 2024-07-27, 27 July 2024, 27-07-2024 or 27-Jul-24.\n"
        "\n"
        "Limits: images up to %dx%d pixels; up to %d events in all (64 bytes\n"
        "each plus names; set SAHELMAP_MAX_EVENTS to change it); one JSON value\n"
        "(one event object) up to 512 MB; notes over 16 MB are cut; dates from\n"
        "1900 to 2100. Files of any size are read as a stream.\n"
        "\n"
        "Cache: files over 8 MB are cached in $XDG_CACHE_HOME/sahelmap (or\n"
        "~/.cache/sahelmap) so they reopen fast; SAHELMAP_CACHE=0 turns it off.\n"
        "\n"
        "Exit status: 0 on success, 1 when a file failed to load or the export\n"
        "failed, 2 on bad usage.\n",
        cfg->data_dir, FIGURE_MAX_SIDE, FIGURE_MAX_SIDE, CONFIG_MAX_EVENTS);
}

static int usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, "sahelmap: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, " (try sahelmap --help)\n");
    return 2;
}

/* The files named, or the bundled ones when none; free with bundled_free. */
static char **input_files(const Config *cfg, char **names, int n, int *count, Error *err)
{
    if (n == 0) {
        char **files = bundled_files(cfg, err);
        *count = 0;
        while (files != NULL && files[*count] != NULL) (*count)++;
        return files;
    }
    char **files = xcalloc((size_t)n + 1, sizeof *files);
    for (int i = 0; i < n; i++) files[i] = xstrndup(names[i], strlen(names[i]));
    *count = n;
    return files;
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

static int run_info(const Config *cfg, char **names, int n)
{
    Error err;
    int count = 0;
    char **files = input_files(cfg, names, n, &count, &err);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return 1;
    }
    LoadOptions options = {.progress = terminal_progress(), .config = cfg};
    int status = info_run(files, count, stdout, stderr, &options);
    bundled_free(files);
    return status;
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

static bool write_animation(const ExportData *data, const Figure *fig,
                            const AnimOptions *anim, AnimReport *rep, Error *err)
{
    FrameBar bar = {seconds_now()};
    AnimProgress progress = {frame_bar, &bar};
    return anim_write(data, fig, anim, isatty(STDERR_FILENO) ? &progress : NULL, rep, err);
}

static int run_export(const Config *cfg, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(cfg, stdout);
            return 0;
        }
    }
    Figure fig;
    figure_init(&fig);
    AnimOptions anim;
    anim_options_init(&anim);
    Error err;
    char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
    int nextra = 0;
    bool parsed = figure_parse_args_extra(&fig, argc, argv, anim_value_options, extra,
                                          &nextra, &err) &&
                  figure_check(&fig, &err) && anim_parse_args(&anim, nextra, extra, &err) &&
                  anim_check(&anim, &fig, &err);
    free(extra);
    if (!parsed) {
        figure_free(&fig);
        return usage_error("%s", error_text(&err).s);
    }
    if (fig.output[0] == '\0' && anim.format == ANIM_FORMAT_NONE) {
        figure_free(&fig);
        return usage_error("%s", "export needs -o OUT.png (or --animate OUT, --frames DIR)");
    }
    int count = 0;
    char **files = input_files(cfg, fig.files, fig.nfiles, &count, &err);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        figure_free(&fig);
        return 1;
    }
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)count + 1, sizeof *reports);
    LoadOptions options = {.progress = terminal_progress(), .config = cfg};
    int failed = load_files_with(&set, files, count, reports, &options);
    for (int i = 0; i < count; i++)
        if (!reports[i].ok) fprintf(stderr, "sahelmap: %s\n", error_text(&reports[i].error).s);

    char credit[256];
    export_event_credit(cfg, reports, files, count, credit, sizeof credit);
    char basemap_path[4096];
    bundled_asset(cfg, "sahel-basemap.json", basemap_path, sizeof basemap_path);
    Basemap map;
    bool ok = basemap_load(&map, basemap_path, &err);
    if (ok) {
        Proj proj;
        proj_init(&proj, fig.proj);
        basemap_project(&map, &proj);
        ExportData data = {.set = &set, .map = &map, .event_credit = credit,
                           .inputs = files, .ninputs = count};
        if (anim.format != ANIM_FORMAT_NONE) {
            AnimReport rep;
            ok = write_animation(&data, &fig, &anim, &rep, &err);
            if (ok)
                fprintf(stderr, "sahelmap: wrote %s (%zu frames, %dx%d, %d fps)\n", anim.path,
                        rep.frames, rep.width, rep.height, anim.fps);
        } else {
            ok = export_png(&data, &fig, &err);
            if (ok)
                fprintf(stderr, "sahelmap: wrote %s (%dx%d)\n", fig.output, fig.width,
                        fig.height);
        }
        basemap_free(&map);
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
    figure_init(&fig);
    char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
    int nextra = 0;
    static const char *const window_options[] = {"--window", "--shots", NULL};
    Error err;
    int status = 0;
    if (!figure_parse_args_extra(&fig, argc, argv, window_options, extra, &nextra, &err) ||
        !figure_check(&fig, &err))
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
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(cfg, stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("sahelmap %s\n", SAHELMAP_VERSION);
        return 0;
    }
    if (argc == 1) return run_window(cfg, 0, argv + 1);
    if (strcmp(argv[1], "info") == 0) {
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--help") == 0) {
                usage(cfg, stdout);
                return 0;
            }
        }
        return run_info(cfg, argv + 2, argc - 2);
    }
    if (strcmp(argv[1], "export") == 0) return run_export(cfg, argc - 2, argv + 2);
    return run_window(cfg, argc - 1, argv + 1);
}

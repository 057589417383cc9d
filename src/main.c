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

#include "app.h"
#include "basemap.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "filter.h"
#include "info.h"
#include "scene.h"
#include "load.h"
#include "xalloc.h"

static void usage(FILE *out)
{
    fprintf(out,
        "sahelmap %s: a map for exploring conflict events in the Sahel\n"
        "\n"
        "Usage:\n"
        "  sahelmap [FILE...] [--window WxH] [--shots DIR]\n"
        "                                open the map window on the files (default: the\n"
        "                                bundled data); screenshots go to DIR (default:\n"
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
        "Export options:\n"
        "  -o, --output OUT.png          the PNG to write (atomically: a temporary file\n"
        "                                is renamed into place; inputs are never overwritten)\n"
        "  --from DATE, --to DATE        the date window (default: all the data)\n"
        "  --bbox LONMIN,LATMIN,LONMAX,LATMAX\n"
        "                                the area to show: the box's outline is projected\n"
        "                                (each edge sampled densely) and the rectangle\n"
        "                                bounding it in projected coordinates is fitted\n"
        "                                inside the image, centred, aspect ratio kept.\n"
        "                                Default: the events shown, or the whole Sahel\n"
        "  --size WxH                    image size in pixels (default 1920x1080, at most\n"
        "                                %dx%d); text and lines scale with it\n"
        "  --proj laea|albers|mercator|plate\n"
        "                                projection (default laea: equal-area, so densities\n"
        "                                compare fairly; all on WGS84)\n"
        "  --title TEXT                  the title (default: Conflict events in the Sahel)\n"
        "  --type TYPE                   show only this event type; repeatable. TYPE is\n"
        "                                battles, explosions, violence (against civilians),\n"
        "                                protests, riots, strategic, or a full ACLED name\n"
        "  --filter TEXT                 only events whose actors, places or notes\n"
        "                                contain TEXT (any case)\n"
        "  --min-fatalities N            only events with at least N fatalities\n"
        "  --country NAME, --admin1 NAME only events in that country / admin-1 area\n"
        "  --center LON,LAT --mpp M      an exact view: centre and projected metres per\n"
        "                                pixel (what the window's screenshots record)\n"
        "  --fade                        older events in the date window fade\n"
        "  --heatmap events|fatalities   a smoothed heatmap weighted by events or by\n"
        "                                fatalities instead of markers. Without it,\n"
        "                                more than 12,000 events in view are drawn as\n"
        "                                a density layer (events per cell)\n"
        "  --graticule                   draw meridians and parallels every 5 degrees\n"
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
        SAHELMAP_VERSION, EXPORT_MAX_SIDE, EXPORT_MAX_SIDE, bundled_dir(), EXPORT_MAX_SIDE,
        EXPORT_MAX_SIDE, LOAD_MAX_EVENTS);
}

static int usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, "sahelmap: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, " (try sahelmap --help)\n");
    return 2;
}

/* The files named, or the bundled ones when none; free with bundled_free. */
static char **input_files(char **names, int n, int *count, Error *err)
{
    if (n == 0) {
        char **files = bundled_files(err);
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

static int run_info(char **names, int n)
{
    Error err;
    int count = 0;
    char **files = input_files(names, n, &count, &err);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return 1;
    }
    int status = info_run(files, count, stdout, stderr, terminal_progress());
    bundled_free(files);
    return status;
}

static bool parse_type(const char *s, uint32_t *mask)
{
    static const struct { const char *name; EventType type; } aliases[] = {
        {"battles", EVENT_BATTLES}, {"explosions", EVENT_EXPLOSIONS},
        {"violence", EVENT_VIOLENCE_CIVILIANS}, {"protests", EVENT_PROTESTS},
        {"riots", EVENT_RIOTS}, {"strategic", EVENT_STRATEGIC},
    };
    EventType t = events_type_parse(s);
    for (size_t i = 0; t == EVENT_UNKNOWN && i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(s, aliases[i].name) == 0) t = aliases[i].type;
    if (t == EVENT_UNKNOWN) return false;
    *mask |= 1u << t;
    return true;
}

/* Options that take a value. */
static bool takes_value(const char *a)
{
    static const char *const with_value[] = {
        "-o", "--output", "--from", "--to", "--bbox", "--size", "--proj", "--title",
        "--type", "--filter", "--min-fatalities", "--country", "--admin1",
        "--center", "--mpp", "--heatmap"};
    for (size_t i = 0; i < sizeof with_value / sizeof with_value[0]; i++)
        if (strcmp(a, with_value[i]) == 0) return true;
    return false;
}

/* Applies one export option; 0 when fine, else the exit status. */
static int export_option(ExportRequest *req, uint32_t *types, const char *a,
                         const char *val)
{
    Error err;
    char tail;
    if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
        req->path = val;
    } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
        int32_t *day = a[2] == 'f' ? &req->day0 : &req->day1;
        if (!date_parse(val, day, &err)) return usage_error("%s", error_text(&err).s);
    } else if (strcmp(a, "--bbox") == 0) {
        double *b = req->bbox;
        if (sscanf(val, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
            !(b[0] < b[2]) || !(b[1] < b[3]) || b[0] < -180 || b[2] > 180 ||
            b[1] < -90 || b[3] > 90)
            return usage_error("--bbox '%s': want LONMIN,LATMIN,LONMAX,LATMAX "
                               "with min < max, in degrees", val);
        req->has_bbox = true;
    } else if (strcmp(a, "--center") == 0) {
        if (sscanf(val, "%lf,%lf%c", &req->view_lon, &req->view_lat, &tail) != 2 ||
            !(fabs(req->view_lon) <= 180) || !(fabs(req->view_lat) <= 90))
            return usage_error("--center '%s': want LON,LAT in degrees", val);
        req->has_view = true;
    } else if (strcmp(a, "--mpp") == 0) {
        if (sscanf(val, "%lf%c", &req->view_mpp, &tail) != 1 ||
            !(req->view_mpp >= 1 && req->view_mpp <= 100000))
            return usage_error("--mpp '%s': want metres per pixel, 1 to 100000", val);
    } else if (strcmp(a, "--size") == 0) {
        if (sscanf(val, "%dx%d%c", &req->width, &req->height, &tail) != 2 ||
            req->width < 16 || req->height < 16 || req->width > EXPORT_MAX_SIDE ||
            req->height > EXPORT_MAX_SIDE)
            return usage_error("--size '%s': want WxH, each side 16 to 8192", val);
    } else if (strcmp(a, "--proj") == 0) {
        if (!proj_parse(val, &req->proj))
            return usage_error("--proj '%s': want laea, albers, mercator or plate", val);
    } else if (strcmp(a, "--title") == 0) {
        req->title = val;
    } else if (strcmp(a, "--type") == 0) {
        if (!parse_type(val, types)) return usage_error("--type '%s': unknown event type", val);
    } else if (strcmp(a, "--filter") == 0) {
        snprintf(req->filter.text, sizeof req->filter.text, "%s", val);
    } else if (strcmp(a, "--min-fatalities") == 0) {
        int n;
        if (sscanf(val, "%d%c", &n, &tail) != 1 || n < 0)
            return usage_error("--min-fatalities '%s': want a count", val);
        req->filter.min_fatalities = n;
    } else if (strcmp(a, "--country") == 0) {
        snprintf(req->filter.country, sizeof req->filter.country, "%s", val);
    } else if (strcmp(a, "--admin1") == 0) {
        snprintf(req->filter.admin1, sizeof req->filter.admin1, "%s", val);
    } else if (strcmp(a, "--heatmap") == 0) {
        if (strcmp(val, "events") == 0) req->heatmap = HEATMAP_EVENTS;
        else if (strcmp(val, "fatalities") == 0) req->heatmap = HEATMAP_FATALITIES;
        else return usage_error("--heatmap '%s': want events or fatalities", val);
    } else if (strcmp(a, "--graticule") == 0) {
        req->graticule = true;
    } else if (strcmp(a, "--fade") == 0) {
        req->fade = true;
    } else {
        return usage_error("unknown export option '%s'", a);
    }
    return 0;
}

static int run_export(int argc, char **argv)
{
    ExportRequest req = {.width = 1920, .height = 1080, .proj = PROJ_LAEA,
                         .day0 = INT32_MIN, .day1 = INT32_MAX};
    filter_init(&req.filter);
    uint32_t types = 0;
    char **names = xcalloc((size_t)argc + 1, sizeof *names);
    int nnames = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            free(names);
            return 0;
        }
        if (a[0] != '-' || a[1] == '\0') {
            names[nnames++] = argv[i];
            continue;
        }
        bool takes = takes_value(a);
        if (takes && i + 1 >= argc) {
            free(names);
            return usage_error("%s needs a value", a);
        }
        int status = export_option(&req, &types, a, takes ? argv[i + 1] : NULL);
        if (status != 0) {
            free(names);
            return status;
        }
        if (takes) i++;
    }
    if (req.has_view && !(req.view_mpp > 0)) {
        free(names);
        return usage_error("%s", "--center needs --mpp too");
    }
    if (req.path == NULL) {
        free(names);
        return usage_error("%s", "export needs -o OUT.png");
    }
    if (types != 0) req.filter.type_mask = types;

    Error err;
    int count = 0;
    char **files = input_files(names, nnames, &count, &err);
    free(names);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
        return 1;
    }
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)count, sizeof *reports);
    int failed = load_files_with(&set, files, count, reports, terminal_progress());
    for (int i = 0; i < count; i++)
        if (!reports[i].ok) fprintf(stderr, "sahelmap: %s\n", error_text(&reports[i].error).s);

    /* Default window: the whole data range. */
    if (req.day0 == INT32_MIN) req.day0 = set.count ? set.day[0] : 0;
    if (req.day1 == INT32_MAX)
        req.day1 = set.count ? set.day[set.count - 1] : 0;
    char credit[256];
    export_event_credit(reports, files, count, credit, sizeof credit);
    req.event_credit = credit;
    req.inputs = files;
    req.ninputs = count;

    char basemap_path[4096];
    bundled_asset("sahel-basemap.json", basemap_path, sizeof basemap_path);
    Basemap map;
    bool ok = basemap_load(&map, basemap_path, &err) && export_png(&set, &map, &req, &err);
    if (!ok) fprintf(stderr, "sahelmap: %s\n", error_text(&err).s);
    else fprintf(stderr, "sahelmap: wrote %s (%dx%d)\n", req.path, req.width, req.height);
    basemap_free(&map);
    events_free(&set);
    free(reports);
    bundled_free(files);
    return ok && failed == 0 ? 0 : 1;
}

/* sahelmap [FILE...] [--window WxH] [--shots DIR]: the map window. */
static int run_window(int argc, char **argv)
{
    AppOptions opt = {0};
    char **names = xcalloc((size_t)argc + 1, sizeof *names);
    int n = 0;
    for (int i = 0; i < argc; i++) {
        char tail;
        if (strcmp(argv[i], "--window") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d%c", &opt.width, &opt.height, &tail) != 2 ||
                opt.width < 200 || opt.height < 200) {
                free(names);
                return usage_error("--window '%s': want WxH, at least 200x200", argv[i]);
            }
        } else if (strcmp(argv[i], "--shots") == 0 && i + 1 < argc) {
            opt.shots_dir = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            free(names);
            return usage_error("unknown option or command '%s'", argv[i]);
        } else {
            names[n++] = argv[i];
        }
    }
    int status = app_run(names, n, &opt);
    free(names);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("sahelmap %s\n", SAHELMAP_VERSION);
        return 0;
    }
    if (argc == 1) return app_run(NULL, 0, NULL);
    if (strcmp(argv[1], "info") == 0) {
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--help") == 0) {
                usage(stdout);
                return 0;
            }
        }
        return run_info(argv + 2, argc - 2);
    }
    if (strcmp(argv[1], "export") == 0) return run_export(argc - 2, argv + 2);
    return run_window(argc - 1, argv + 1);
}

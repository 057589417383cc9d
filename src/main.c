/*
 * main: the command line. Parses the command and its options and hands
 * over to the modules that do the work; holds no logic of its own.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basemap.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "info.h"
#include "load.h"
#include "xalloc.h"

static void usage(FILE *out)
{
    fprintf(out,
        "sahelmap %s: a map for exploring conflict events in the Sahel\n"
        "\n"
        "Usage:\n"
        "  sahelmap                      summarise the bundled data\n"
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
        "  --graticule                   draw meridians and parallels every 5 degrees\n"
        "\n"
        "Files: ACLED (API JSON, export CSV, monadic exports), UCDP GED (API\n"
        "JSON, CSV) and GeoJSON points; the format is found from the content.\n"
        "Monadic rows of one event are merged, so counts are per event.\n"
        "With no FILE, the bundled data in %s is used\n"
        "(set SAHELMAP_DATA to use another directory).\n"
        "DATE: 2024-07-27, 27 July 2024, 27-07-2024 or 27-Jul-24.\n"
        "\n"
        "Exit status: 0 on success, 1 when a file failed to load or the export\n"
        "failed, 2 on bad usage.\n",
        SAHELMAP_VERSION, EXPORT_MAX_SIDE, EXPORT_MAX_SIDE, bundled_dir());
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

static int run_info(char **names, int n)
{
    Error err;
    int count = 0;
    char **files = input_files(names, n, &count, &err);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", err.msg);
        return 1;
    }
    int status = info_run(files, count, stdout, stderr);
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

static int run_export(int argc, char **argv)
{
    ExportRequest req = {.width = 1920, .height = 1080, .proj = PROJ_LAEA,
                         .day0 = INT32_MIN, .day1 = INT32_MAX};
    uint32_t types = 0;
    char **names = xcalloc((size_t)argc + 1, sizeof *names);
    int nnames = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                     strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0 ||
                     strcmp(a, "--bbox") == 0 || strcmp(a, "--size") == 0 ||
                     strcmp(a, "--proj") == 0 || strcmp(a, "--title") == 0 ||
                     strcmp(a, "--type") == 0;
        if (takes && val == NULL) return usage_error("%s needs a value", a);
        Error err;
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            req.path = val;
        } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
            int32_t *day = a[2] == 'f' ? &req.day0 : &req.day1;
            if (!date_parse(val, day, &err)) return usage_error("%s", err.msg);
        } else if (strcmp(a, "--bbox") == 0) {
            double *b = req.bbox;
            char tail;
            if (sscanf(val, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
                !(b[0] < b[2]) || !(b[1] < b[3]) || b[0] < -180 || b[2] > 180 ||
                b[1] < -90 || b[3] > 90)
                return usage_error("--bbox '%s': want LONMIN,LATMIN,LONMAX,LATMAX "
                                   "with min < max, in degrees", val);
            req.has_bbox = true;
        } else if (strcmp(a, "--size") == 0) {
            char tail;
            if (sscanf(val, "%dx%d%c", &req.width, &req.height, &tail) != 2 ||
                req.width < 16 || req.height < 16 || req.width > EXPORT_MAX_SIDE ||
                req.height > EXPORT_MAX_SIDE)
                return usage_error("--size '%s': want WxH, each side 16 to 8192", val);
        } else if (strcmp(a, "--proj") == 0) {
            if (!proj_parse(val, &req.proj))
                return usage_error("--proj '%s': want laea, albers, mercator or plate", val);
        } else if (strcmp(a, "--title") == 0) {
            req.title = val;
        } else if (strcmp(a, "--type") == 0) {
            if (!parse_type(val, &types)) return usage_error("--type '%s': unknown event type", val);
        } else if (strcmp(a, "--graticule") == 0) {
            req.graticule = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown export option '%s'", a);
        } else {
            names[nnames++] = argv[i];
            continue;
        }
        if (takes) i++;
    }
    if (req.path == NULL) return usage_error("%s", "export needs -o OUT.png");
    req.type_mask = types ? types : ~0u;

    Error err;
    int count = 0;
    char **files = input_files(names, nnames, &count, &err);
    free(names);
    if (files == NULL) {
        fprintf(stderr, "sahelmap: %s\n", err.msg);
        return 1;
    }
    EventSet set;
    events_init(&set);
    LoadReport *reports = xcalloc((size_t)count, sizeof *reports);
    int failed = load_files(&set, files, count, reports);
    for (int i = 0; i < count; i++)
        if (!reports[i].ok) fprintf(stderr, "sahelmap: %s\n", reports[i].error.msg);

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
    if (!ok) fprintf(stderr, "sahelmap: %s\n", err.msg);
    else fprintf(stderr, "sahelmap: wrote %s (%dx%d)\n", req.path, req.width, req.height);
    basemap_free(&map);
    events_free(&set);
    free(reports);
    bundled_free(files);
    return ok && failed == 0 ? 0 : 1;
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
    if (argc == 1) return run_info(NULL, 0);
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
    return usage_error("unknown command '%s'", argv[1]);
}

/*
 * bench_export: PNG export speed and memory for generated events, and the
 * same points drawn by GMT (gmt coast + gmt plot, same region, projection
 * and pixel size) for a ratio. Each measurement runs in a child process so
 * its peak RSS is its own.
 *
 *   bench_export EVENTS_10K.json EVENTS_100K.json EVENTS_1M.json
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "basemap.h"
#include "bench_util.h"
#include "bundled.h"
#include "events.h"
#include "export.h"
#include "load.h"

typedef struct Result {
    double load_s, export_s;
    long events;
    double rss_mb;
} Result;

typedef struct Job {
    const char *input;
    int w, h;
    const char *format;          /* "png", "pdf" or "svg" */
} Job;

static void run_export(const void *arg, void *result)
{
    const Job *job = arg;
    Result *r = result;
    double t0 = bench_now();
    EventSet set;
    events_init(&set);
    LoadReport rep;
    char *paths[1] = {(char *)job->input};
    if (load_files(&set, paths, 1, &rep) != 0) exit(1);
    char asset[4096];
    Error err;
    Config cfg;
    if (!config_from_env(&cfg, &err)) exit(2);
    bundled_asset(&cfg, "sahel-basemap.json", asset, sizeof asset);
    Basemap map;
    if (!basemap_load(&map, asset, &err)) exit(1);
    double t1 = bench_now();
    Figure fig;
    figure_init(&fig);
    snprintf(fig.output, sizeof fig.output, "/tmp/sahelmap-bench-export.%s", job->format);
    fig.width = job->w;
    fig.height = job->h;
    fig.fit = FIGURE_FIT_BBOX;
    const double sahel[4] = {-18, 5, 25, 28};
    memcpy(fig.bbox, sahel, sizeof sahel);
    Proj laea;
    proj_init(&laea, PROJ_LAEA);
    basemap_project(&map, &laea);
    FrameData data = {.set = &set, .map = &map,
                       .event_credit = "Events: synthetic (sahelmap-gen)"};
    if (!export_figure(&data, &fig, &err)) {
        fprintf(stderr, "bench_export: %s\n", err.msg);
        exit(1);
    }
    r->load_s = t1 - t0;
    r->export_s = bench_now() - t1;
    r->events = (long)set.count;
}

static void measure(const Job *job, Result *r)
{
    double rss = bench_in_child(run_export, job, r, sizeof *r);
    r->rss_mb = rss;
    if (rss < 0) r->export_s = -1;
}

/* GMT on the same points: returns seconds, or -1 if GMT is not there. */
static double run_gmt(const char *input, int width_px)
{
    if (system("command -v gmt >/dev/null 2>&1") != 0) return -1;
    /* The points as lon lat text, which is what gmt plot reads. */
    EventSet set;
    events_init(&set);
    LoadReport rep;
    char *paths[1] = {(char *)input};
    load_files(&set, paths, 1, &rep);
    FILE *f = fopen("/tmp/sahelmap-bench-points.txt", "w");
    for (size_t i = 0; i < set.count; i++)
        fprintf(f, "%.4f %.4f\n", events_lon(&set, i), events_lat(&set, i));
    fclose(f);
    events_free(&set);
    /* 20 cm wide at the dpi that makes width_px pixels. */
    double dpi = width_px * 2.54 / 20.0;
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd /tmp && gmt begin sahelmap-bench-gmt png E%.2f >/dev/null 2>&1 && "
             "gmt coast -R-18/25/5/28 -JA2/16/20c -Gwheat -Sazure -N1/0.5p -W0.25p -Dl "
             ">/dev/null 2>&1 && gmt plot sahelmap-bench-points.txt -Sc0.08c -Gred "
             "-W0.1p >/dev/null 2>&1 && gmt end >/dev/null 2>&1",
             dpi);
    double t0 = bench_now();
    int st = system(cmd);
    double t = bench_now() - t0;
    return st == 0 ? t : -1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_export EVENTS.json...\n");
        return 2;
    }
    printf("Export benchmark: whole Sahel box, LAEA, all events in the window\n\n");
    printf("  %-10s %-14s %10s %10s %10s %10s\n", "events", "output", "load s",
           "export s", "total s", "peak MB");
    double export_100k = -1, total_100k = -1;
    const char *input_100k = NULL;
    for (int i = 1; i < argc; i++) {
        const Job jobs[4] = {{argv[i], 1920, 1080, "png"}, {argv[i], 3840, 2160, "png"},
                             {argv[i], 1920, 1080, "pdf"}, {argv[i], 1920, 1080, "svg"}};
        for (int s = 0; s < 4; s++) {
            Job job = jobs[s];
            Result r;
            measure(&job, &r);
            char size[32];
            snprintf(size, sizeof size, "%s %dx%d", job.format, job.w, job.h);
            printf("  %-10ld %-14s %10.3f %10.3f %10.3f %10.1f\n", r.events, size,
                   r.load_s, r.export_s, r.load_s + r.export_s, r.rss_mb);
            if (r.events == 100000 && s == 0) {
                export_100k = r.export_s;
                total_100k = r.load_s + r.export_s;
                input_100k = argv[i];
            }
        }
    }
    if (input_100k != NULL) {
        double gmt = run_gmt(input_100k, 1920);
        if (gmt < 0) {
            printf("\nGMT: not installed (apt-get install gmt gmt-gshhg-low ghostscript)\n");
        } else {
            printf("\nGMT (gmt coast + gmt plot, 100k points, 1920 px wide): %.3f s\n", gmt);
            printf("  ratio GMT / sahelmap export (drawing + PNG):      %.1fx (target >= 20x)\n",
                   gmt / export_100k);
            printf("  ratio GMT / sahelmap load + export (from JSON):   %.1fx\n",
                   gmt / total_100k);
        }
    }
    return 0;
}

/*
 * bench_anim: a 52-frame weekly animation of generated events at
 * 1920x1080 to MP4 and to GIF: seconds for the plan (view and colour
 * classes over all frames), drawing and encoding, per frame and in all,
 * after loading; and a PNG export of the same view (the first frame's
 * figure) for the per-frame comparison. Prints figures; asserts nothing.
 *
 *   bench_anim EVENTS.json
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "anim_write.h"
#include "basemap.h"
#include "bench_util.h"
#include "bundled.h"
#include "date.h"
#include "events.h"
#include "export.h"
#include "load.h"

static void run(const FrameData *data, const Figure *fig, AnimFormat format,
                const char *path, const char *label)
{
    AnimOptions opt;
    anim_options_init(&opt);
    opt.format = format;
    opt.step = ANIM_STEP_WEEK;
    opt.fps = 4;
    snprintf(opt.path, sizeof opt.path, "%s", path);
    AnimReport rep;
    Error err;
    double t0 = bench_now();
    if (!anim_write(data, fig, &opt, NULL, &rep, &err)) {
        fprintf(stderr, "bench_anim: %s\n", err.msg);
        exit(1);
    }
    double total = bench_now() - t0;
    printf("%-4s %3zu frames %dx%d (%s): %6.2f s in all, %.3f s/frame "
           "(plan %.2f s, draw %.3f s/frame, encode %.3f s/frame)\n",
           label, rep.frames, rep.width, rep.height, rep.codec, total,
           total / (double)rep.frames, rep.plan_s, rep.draw_s / (double)rep.frames,
           rep.encode_s / (double)rep.frames);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_anim EVENTS.json\n");
        return 2;
    }
    Config cfg;
    Error err;
    if (!config_from_env(&cfg, &err)) return 2;
    double t0 = bench_now();
    EventSet set;
    events_init(&set);
    LoadReport rep;
    LoadOptions options = {.config = &cfg};
    if (load_files_with(&set, &argv[1], 1, &rep, &options) != 0) {
        fprintf(stderr, "bench_anim: %s\n", rep.error.msg);
        return 1;
    }
    char asset[4096];
    bundled_asset(&cfg, "sahel-basemap.json", asset, sizeof asset);
    Basemap map;
    if (!basemap_load(&map, asset, &err)) return 1;
    Proj laea;
    proj_init(&laea, PROJ_LAEA);
    basemap_project(&map, &laea);
    printf("Animations of %zu events (loaded in %.2f s), 1920x1080, 52 weekly frames "
           "(2024-01-01 to 2024-12-29), --bbox of the Sahel:\n", set.count, bench_now() - t0);

    Figure fig;
    figure_init(&fig);
    fig.fit = FIGURE_FIT_BBOX;
    const double sahel[4] = {-18, 5, 25, 28};
    memcpy(fig.bbox, sahel, sizeof sahel);
    fig.day0 = date_from_ymd(2024, 1, 1);
    fig.day1 = date_from_ymd(2024, 12, 29);
    FrameData data = {.set = &set, .map = &map,
                       .event_credit = "Events: synthetic (sahelmap-gen)"};
    run(&data, &fig, ANIM_FORMAT_MP4, "/tmp/sahelmap-bench-anim.mp4", "MP4");
    run(&data, &fig, ANIM_FORMAT_GIF, "/tmp/sahelmap-bench-anim.gif", "GIF");

    /* The same view as one PNG: the first week, median of 3. */
    Figure png;
    figure_copy(&png, &fig);
    png.day1 = png.day0 + 6;
    snprintf(png.output, sizeof png.output, "/tmp/sahelmap-bench-anim.png");
    double runs[3];
    for (int k = 0; k < 3; k++) {
        double a = bench_now();
        if (!export_png(&data, &png, &err)) return 1;
        runs[k] = bench_now() - a;
    }
    double lo = runs[0] < runs[1] ? runs[0] : runs[1], hi = runs[0] < runs[1] ? runs[1] : runs[0];
    double median = runs[2] < lo ? lo : runs[2] > hi ? hi : runs[2];
    printf("PNG  of the first frame's view: %.3f s (median of 3)\n", median);
    figure_free(&png);
    figure_free(&fig);
    basemap_free(&map);
    events_free(&set);
    return 0;
}

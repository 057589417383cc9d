/*
 * anim_write: the plan of an animation, its frames drawn by export_draw,
 * and the atomic write around the encoders. See anim_write.h.
 */
#include "anim_write.h"

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "anim_encode.h"
#include "check.h"
#include "raster.h"
#include "scene.h"
#include "view.h"
#include "xalloc.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------------- */
/* The plan                                                                  */
/* ------------------------------------------------------------------------- */

/* Text sizes for a scene built only for its grid (no text is drawn). */
static void measure_nothing(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    (void)ctx;
    (void)font;
    *w = 8.0f * (float)strlen(text);
    *h = 12.0f;
}

/* The largest grid value over the frames (0 when no frame aggregates):
 * each frame's scene built as export_draw builds it, without the text. */
static double largest_grid_value(const FrameData *data, const Figure *base,
                                 const AnimFrame *frames, size_t n)
{
    View view;
    frame_view(data->set, base, data->visible, &view);
    Scene scene = {0};
    double top = 0;
    for (size_t k = 0; k < n; k++) {
        Figure f;
        anim_frame_figure(base, &frames[k], &f);
        SceneInput in;
        frame_scene_input(data, &f, &view, &in);
        in.basemap = NULL;
        in.furniture = false;
        in.class_max = 0;
        in.measure = measure_nothing;
        scene_build(&scene, &in);
        if (scene.grid.kind != GRID_NONE && scene.grid.max > top) top = scene.grid.max;
        figure_free(&f);
    }
    scene_free(&scene);
    return top;
}

bool anim_plan(const FrameData *data, const Figure *fig, const AnimOptions *opt,
               Figure *base, AnimFrame **frames, size_t *nframes, Error *err)
{
    *frames = NULL;
    *nframes = 0;
    int32_t from, to;
    frame_days(data->set, fig, &from, &to);
    if (from > to) return error_set(err, "the date range is empty (--from after --to)");
    if (!anim_steps(opt, fig->mode, from, to, frames, nframes, err)) return false;
    figure_copy(base, fig);
    base->output[0] = '\0';
    if (base->fit == FIGURE_FIT_EVENTS) {
        /* One view for all frames: fitted to the events of the range. */
        Figure whole;
        figure_copy(&whole, fig);
        whole.day0 = from;
        whole.day1 = to;
        View view;
        frame_view(data->set, &whole, data->visible, &view);
        figure_free(&whole);
        if (view_center_lonlat(&view, &base->center_lon, &base->center_lat)) {
            base->fit = FIGURE_FIT_CENTER;
            base->mpp = view.mpp;
        }
    }
    if (base->class_max <= 0 && base->layer != SCENE_LAYER_MARKERS)
        base->class_max = largest_grid_value(data, base, *frames, *nframes);
    if (base->color_by != COLOR_BY_TYPE && base->class_day0 == FIGURE_DAY_UNSET_FROM &&
        *nframes > 0) {
        /* The colour classes: counted over every frame's days at once, so
         * each class keeps its colour through the animation. */
        base->class_day0 = (*frames)[0].day0;
        base->class_day1 = (*frames)[0].day1;
        for (size_t k = 1; k < *nframes; k++) {
            if ((*frames)[k].day0 < base->class_day0) base->class_day0 = (*frames)[k].day0;
            if ((*frames)[k].day1 > base->class_day1) base->class_day1 = (*frames)[k].day1;
        }
    }
    return true;
}

/* ------------------------------------------------------------------------- */
/* Paths                                                                     */
/* ------------------------------------------------------------------------- */

static bool same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Refuses a target that is an input file, or of the wrong kind. */
static bool target_ok(const FrameData *data, const char *path, bool folder, Error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) return true;
    if (!folder && S_ISDIR(st.st_mode)) return error_set(err, "%s: is a directory", path);
    if (folder && !S_ISDIR(st.st_mode)) return error_set(err, "%s: not a directory", path);
    for (int i = 0; i < data->ninputs; i++)
        if (same_file(&st, data->inputs[i]))
            return error_set(err, "%s: refusing to overwrite an input file", path);
    return true;
}

/* Flushes a finished file to the disk and gives it the usual mode. */
static bool sync_file(const char *path, Error *err, const char *target)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return error_set(err, "%s: writing failed: %s", target, strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, 0666 & ~mask) == 0 && fsync(fd) == 0;
    if (!ok) error_set(err, "%s: writing failed: %s", target, strerror(errno));
    close(fd);
    return ok;
}

/* Removes a temporary folder of frames and what is in it. */
static void remove_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *e;
        char p[PATH_MAX];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            if (snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p) unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Puts a finished folder of frames at target: renamed when target is not
 * there, else its frames moved into target one by one. */
static bool place_folder(const char *tmp, const char *target, size_t n, Error *err)
{
    if (rename(tmp, target) == 0) return true;
    if (errno != EEXIST && errno != ENOTEMPTY)
        return error_set(err, "%s: cannot put the frames there: %s", target, strerror(errno));
    char a[PATH_MAX], b[PATH_MAX];
    for (size_t k = 1; k <= n; k++) {
        if (snprintf(a, sizeof a, "%s/frame-%06zu.png", tmp, k) >= (int)sizeof a ||
            snprintf(b, sizeof b, "%s/frame-%06zu.png", target, k) >= (int)sizeof b ||
            rename(a, b) != 0)
            return error_set(err, "%s: cannot put the frames there: %s", target,
                             strerror(errno));
    }
    rmdir(tmp);
    return true;
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

/* Adds rgb to colours[0..*n) unless there, while there is room. */
static void add_color(uint32_t *colours, int *n, uint32_t rgb)
{
    for (int k = 0; k < *n; k++)
        if (colours[k] == rgb) return;
    if (*n < ANIM_GIF_MAX_FIXED) colours[(*n)++] = rgb;
}

/* The colours the GIF palette keeps exactly: the six event types (or the
 * colour classes), the
 * density ramp as the legend draws it, and the colours the first frame's
 * markers and legend symbols came out as (markers are translucent, so
 * drawn over the map they are blends of their type's colour). */
static int fixed_colors(uint32_t *out, const SDL_Surface *frame, const Scene *scene)
{
    int n = 0;
    for (int t = 1; t < EVENT_TYPE_COUNT; t++)
        add_color(out, &n, scene_type_color((EventType)t) & 0xFFFFFFu);
    for (int k = 0; scene->classes.by != COLOR_BY_TYPE && k <= scene->classes.n; k++)
        add_color(out, &n, scene->classes.color[k] & 0xFFFFFFu);
    const int steps = 32;
    for (int k = 0; k < steps; k++) add_color(out, &n, scene_ramp((k + 0.5f) / steps) & 0xFFFFFFu);
    for (size_t i = 0; i < scene->nitems + scene->nmarkers; i++) {
        const SceneMarker *m = i < scene->nitems ? &scene->items[i].u.marker
                                                 : &scene->markers[i - scene->nitems];
        if (i < scene->nitems && scene->items[i].kind != ITEM_MARKER) continue;
        int x = (int)floorf(m->x), y = (int)floorf(m->y);
        if (x < 0 || y < 0 || x >= frame->w || y >= frame->h) continue;
        const uint32_t *row =
            (const uint32_t *)((const uint8_t *)frame->pixels + (size_t)y * frame->pitch);
        add_color(out, &n, row[x] & 0xFFFFFFu);
    }
    return n;
}

bool anim_write(const FrameData *data, const Figure *fig, const AnimOptions *opt,
                const AnimProgress *progress, AnimReport *report, Error *err)
{
    SM_ASSERT(opt->format != ANIM_FORMAT_NONE && err != NULL);
    AnimReport rep = {0};
    double t0 = now_s();
    const char *target = opt->path;
    bool folder = opt->format == ANIM_FORMAT_FRAMES;
    if (!target_ok(data, target, folder, err)) return false;

    /* The filter once, for the plan and every frame. */
    FrameData d = *data;
    uint8_t *visible = NULL;
    if (d.visible == NULL && !filter_only_types(&fig->filter)) {
        visible = xmalloc(d.set->count + 1);
        filter_apply(&fig->filter, d.set, visible);
        d.visible = visible;
    }
    Figure base;
    AnimFrame *frames = NULL;
    size_t n = 0;
    if (!anim_plan(&d, fig, opt, &base, &frames, &n, err)) {
        free(visible);
        return false;
    }
    rep.frames = n;
    rep.class_max = base.class_max;
    rep.width = base.width;
    rep.height = base.height;
    if (opt->format == ANIM_FORMAT_MP4 || opt->format == ANIM_FORMAT_WEBM) {
        rep.width &= ~1;                   /* 4:2:0 video: even sides */
        rep.height &= ~1;
    }
    rep.plan_s = now_s() - t0;

    /* The temporary file or folder beside the target. */
    char tmp[PATH_MAX];
    bool ok = true;
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", target) >= (int)sizeof tmp)
        ok = error_set(err, "%s: path too long", target);
    if (ok && folder && mkdtemp(tmp) == NULL)
        ok = error_set(err, "%s: cannot write here: %s", target, strerror(errno));
    if (ok && folder) {                    /* the mode a new folder gets */
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp, 0777 & ~mask);
    }
    if (ok && !folder) {
        int fd = mkstemp(tmp);
        if (fd < 0) ok = error_set(err, "%s: cannot write here: %s", target, strerror(errno));
        else close(fd);
    }
    bool made = ok;

    AnimSink sink = {0};
    bool have_sink = false, gif = opt->format == ANIM_FORMAT_GIF;
    if (ok && !folder && !gif) {
        ok = have_sink = anim_video_open(&sink, tmp, opt->format, rep.width, rep.height,
                                         opt->fps, err);
    }
    if (folder) rep.codec = "png";

    /* Every frame has the same view: the basemap is drawn once. */
    uint32_t *base_pixels = NULL;
    if (ok && d.map != NULL) {
        View view;
        frame_view(d.set, &base, d.visible, &view);
        base_pixels = xmalloc((size_t)base.width * (size_t)base.height * 4);
        if (raster_basemap(base_pixels, base.width, base.height, base.width * 4, d.map, &view,
                           frame_scale(&base), base.graticule, err)) {
            d.base_pixels = base_pixels;
            d.base_w = base.width;
            d.base_h = base.height;
        }
    }
    for (size_t k = 0; ok && k < n; k++) {
        Figure f;
        anim_frame_figure(&base, &frames[k], &f);
        double a = now_s();
        Scene scene = {0};
        bool first_gif = gif && k == 0;
        SDL_Surface *frame = export_draw(&d, &f, first_gif ? &scene : NULL, err);
        double b = now_s();
        rep.draw_s += b - a;
        figure_free(&f);
        if (frame != NULL && first_gif) {
            /* The GIF's palette, from the first frame as drawn. */
            uint32_t fixed[ANIM_GIF_MAX_FIXED];
            int nfixed = fixed_colors(fixed, frame, &scene);
            ok = have_sink = anim_gif_open(&sink, tmp, rep.width, rep.height, opt->fps,
                                           fixed, nfixed, err);
        }
        if (first_gif) scene_free(&scene);
        if (frame == NULL || !ok) {
            SDL_FreeSurface(frame);
            ok = false;
            break;
        }
        if (folder) {
            char path[PATH_MAX];
            if (snprintf(path, sizeof path, "%s/frame-%06zu.png", tmp, k + 1) >= (int)sizeof path)
                ok = error_set(err, "%s: path too long", target);
            else
                ok = export_write_png(frame, path, d.inputs, d.ninputs, err);
        } else {
            ok = sink.add(sink.state, frame, err);
        }
        rep.encode_s += now_s() - b;
        SDL_FreeSurface(frame);
        if (ok && progress != NULL && !progress->frame(progress->ctx, k + 1, n))
            ok = error_set(err, "cancelled");
    }
    if (have_sink) rep.codec = sink.codec;
    if (have_sink) {
        double b = now_s();
        if (ok) ok = sink.finish(sink.state, err);
        else sink.abort(sink.state);
        rep.encode_s += now_s() - b;
    }
    if (ok && !folder) ok = sync_file(tmp, err, target);
    if (ok && !folder && rename(tmp, target) != 0)
        ok = error_set(err, "%s: cannot replace it: %s", target, strerror(errno));
    if (ok && folder) ok = place_folder(tmp, target, n, err);
    if (!ok && made) {
        if (folder) remove_folder(tmp);
        else unlink(tmp);
    }
    if (!ok && strstr(err->msg, target) == NULL) error_prefix(err, "%s", target);
    free(frames);
    free(visible);
    free(base_pixels);
    figure_free(&base);
    if (report != NULL) *report = rep;
    return ok;
}

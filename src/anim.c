/*
 * anim: the steps of an animation and its options. See anim.h.
 */
#include "anim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "date.h"
#include "xalloc.h"

static const char *const step_names[ANIM_STEP_COUNT] = {"day", "week", "month", "year"};

const char *anim_step_name(AnimStep step)
{
    return (unsigned)step < ANIM_STEP_COUNT ? step_names[step] : step_names[0];
}

void anim_options_init(AnimOptions *opt)
{
    *opt = (AnimOptions){.format = ANIM_FORMAT_NONE, .step = ANIM_STEP_WEEK, .window = 0,
                         .fps = ANIM_DEFAULT_FPS};
}

/* ------------------------------------------------------------------------- */
/* Options                                                                   */
/* ------------------------------------------------------------------------- */

typedef enum AnimOptionId { AOPT_ANIMATE, AOPT_FRAMES, AOPT_STEP, AOPT_WINDOW, AOPT_FPS,
                            AOPT_COUNT } AnimOptionId;

typedef struct AnimOption {
    AnimOptionId id;
    const char *name, *arg, *help;
} AnimOption;

static const AnimOption options[AOPT_COUNT] = {
    {AOPT_ANIMATE, "--animate", "OUT.mp4|webm|gif",
     "an animation of the date range instead of one map: MP4 (H.264, plays in "
     "browsers and presentation software), WebM (VP9) or GIF (the six event "
     "colours exact); written atomically"},
    {AOPT_FRAMES, "--frames", "DIR",
     "... or its frames as numbered PNGs (frame-000001.png, ...) in DIR"},
    {AOPT_STEP, "--step", "day|week|month|year",
     "how far each frame moves (default week; months and years are calendar "
     "ones); each frame shows its period, or with --mode cumulative everything "
     "from --from on, or with --mode day its last day"},
    {AOPT_WINDOW, "--window", "DAYS",
     "with --mode moving: each frame shows the DAYS days up to its step's end "
     "(default: the step's period)"},
    {AOPT_FPS, "--fps", "N", "frames per second, 1 to 60 (default 4; a GIF plays "
     "at most 50)"},
};

const char *const anim_value_options[] = {"--animate", "--frames", "--step", "--window",
                                          "--fps", NULL};

void anim_print_options(FILE *out)
{
    for (int k = 0; k < AOPT_COUNT; k++) {
        char head[96];
        snprintf(head, sizeof head, "%s %s", options[k].name, options[k].arg);
        figure_print_option(out, head, options[k].help);
    }
}

AnimFormat anim_format_for_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash)) return ANIM_FORMAT_NONE;
    if (strcasecmp(dot, ".mp4") == 0) return ANIM_FORMAT_MP4;
    if (strcasecmp(dot, ".webm") == 0) return ANIM_FORMAT_WEBM;
    if (strcasecmp(dot, ".gif") == 0) return ANIM_FORMAT_GIF;
    return ANIM_FORMAT_NONE;
}

/* A whole number in [lo, hi] from s, or false. */
static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static bool apply(AnimOptions *opt, const AnimOption *o, const char *val, Error *err)
{
    long v = 0;
    switch (o->id) {
    case AOPT_ANIMATE:
    case AOPT_FRAMES: {
        if (opt->format != ANIM_FORMAT_NONE)
            return error_set(err, "%s: give one of --animate and --frames, once", o->name);
        if (val[0] == '\0') return error_set(err, "%s: the path is empty", o->name);
        if (strlen(val) >= sizeof opt->path)
            return error_set(err, "%s: the path is too long", o->name);
        AnimFormat f = o->id == AOPT_FRAMES ? ANIM_FORMAT_FRAMES : anim_format_for_path(val);
        if (f == ANIM_FORMAT_NONE)
            return error_set(err, "--animate '%.100s': want a file ending in .mp4, .webm "
                             "or .gif (or --frames DIR for PNGs)", val);
        opt->format = f;
        memcpy(opt->path, val, strlen(val) + 1);
        return true;
    }
    case AOPT_STEP:
        for (int k = 0; k < ANIM_STEP_COUNT; k++) {
            if (strcmp(val, step_names[k]) == 0) {
                opt->step = (AnimStep)k;
                return true;
            }
        }
        return error_set(err, "--step '%.100s': want day, week, month or year", val);
    case AOPT_WINDOW:
        if (!parse_int(val, 1, ANIM_MAX_WINDOW, &v))
            return error_set(err, "--window '%.100s': want a number of days, 1 to %d", val,
                             ANIM_MAX_WINDOW);
        opt->window = (int32_t)v;
        return true;
    case AOPT_FPS:
        if (!parse_int(val, 1, ANIM_MAX_FPS, &v))
            return error_set(err, "--fps '%.100s': want frames per second, 1 to %d", val,
                             ANIM_MAX_FPS);
        opt->fps = (int)v;
        return true;
    case AOPT_COUNT: break;
    }
    SM_ASSERT(!"unknown animation option");
    return false;
}

bool anim_parse_args(AnimOptions *opt, int n, char *const *extra, Error *err)
{
    for (int i = 0; i < n; i++) {
        const char *arg = extra[i];
        const char *eq = strchr(arg, '=');
        size_t len = eq != NULL && arg[0] == '-' ? (size_t)(eq - arg) : strlen(arg);
        const AnimOption *o = NULL;
        for (int k = 0; k < AOPT_COUNT && o == NULL; k++)
            if (strlen(options[k].name) == len && strncmp(arg, options[k].name, len) == 0)
                o = &options[k];
        if (o == NULL) return error_set(err, "unknown option '%.100s'", arg);
        const char *val = eq != NULL && arg[0] == '-' ? eq + 1 : NULL;
        if (val == NULL) {
            if (i + 1 >= n) return error_set(err, "%s needs a value (%s)", o->name, o->arg);
            val = extra[++i];
        }
        if (!apply(opt, o, val, err)) return false;
    }
    return true;
}

bool anim_check(const AnimOptions *opt, const Figure *fig, Error *err)
{
    if (opt->format == ANIM_FORMAT_NONE) {
        if (opt->window || opt->step != ANIM_STEP_WEEK || opt->fps != ANIM_DEFAULT_FPS)
            return error_set(err, "--step, --window and --fps need --animate OUT or "
                             "--frames DIR");
        return true;
    }
    if (fig->output[0] != '\0')
        return error_set(err, "-o and %s: give one output", opt->format == ANIM_FORMAT_FRAMES
                                                           ? "--frames" : "--animate");
    if (opt->window > 0 && fig->mode != TIMELINE_MOVING)
        return error_set(err, "--window is the length of a moving window: it does not go "
                         "with --mode %s", figure_mode_name(fig->mode));
    return true;
}

/* ------------------------------------------------------------------------- */
/* Steps                                                                     */
/* ------------------------------------------------------------------------- */

/* The last day of the period of `step` that starts at `start`. */
static int32_t period_end(AnimStep step, int32_t start)
{
    int y, m, d;
    switch (step) {
    case ANIM_STEP_DAY: return start;
    case ANIM_STEP_WEEK: return start + 6;
    case ANIM_STEP_MONTH:
        date_to_ymd(start, &y, &m, &d);
        return m == 12 ? date_from_ymd(y + 1, 1, 1) - 1 : date_from_ymd(y, m + 1, 1) - 1;
    case ANIM_STEP_YEAR:
        date_to_ymd(start, &y, &m, &d);
        return date_from_ymd(y + 1, 1, 1) - 1;
    case ANIM_STEP_COUNT: break;
    }
    SM_ASSERT(!"unknown step");
    return start;
}

bool anim_steps(const AnimOptions *opt, TimelineMode mode, int32_t from, int32_t to,
                AnimFrame **frames, size_t *n, Error *err)
{
    SM_ASSERT(from <= to);
    *frames = NULL;
    *n = 0;
    AnimFrame *out = NULL;
    size_t count = 0, cap = 0;
    for (int32_t start = from; start <= to;) {
        int32_t end = period_end(opt->step, start);
        if (end > to) end = to;
        AnimFrame f = {start, end};
        bool keep = true;
        if (mode == TIMELINE_CUMULATIVE) {
            f.day0 = from;
        } else if (mode == TIMELINE_SINGLE_DAY) {
            f.day0 = end;
        } else if (opt->window > 0) {
            f.day0 = end - opt->window + 1;
            keep = f.day0 >= from;         /* a full window, as playback starts */
        }
        if (keep) {
            if (count == ANIM_MAX_FRAMES) {
                free(out);
                return error_set(err, "the animation would have more than %d frames: "
                                 "use a longer --step or a shorter --from/--to",
                                 ANIM_MAX_FRAMES);
            }
            out = xgrow(out, &cap, count + 1, sizeof *out);
            out[count++] = f;
        }
        start = end + 1;
    }
    if (count == 0) {                      /* the window is longer than the range */
        out = xgrow(out, &cap, 1, sizeof *out);
        out[count++] = (AnimFrame){from, to};
    }
    *frames = out;
    *n = count;
    return true;
}

void anim_frame_figure(const Figure *base, const AnimFrame *frame, Figure *dst)
{
    figure_copy(dst, base);
    dst->day0 = frame->day0;
    dst->day1 = frame->day1;
}

/* ------------------------------------------------------------------------- */
/* The command and the progress line                                         */
/* ------------------------------------------------------------------------- */

/* Appends ' ' and arg to out (at len), single-quoted unless plain. */
static bool append_arg(char *out, size_t cap, size_t *len, const char *arg)
{
    bool plain = arg[0] != '\0';
    for (const char *p = arg; *p; p++)
        plain &= (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || strchr("-_./,:+=@%", *p) != NULL;
    char buf[FIGURE_PATH_MAX * 4 + 8];
    size_t b = 0;
    buf[b++] = ' ';
    if (!plain) buf[b++] = '\'';
    for (const char *p = arg; *p && b + 6 < sizeof buf; p++) {
        if (*p == '\'' && !plain) {
            memcpy(buf + b, "'\\''", 4);
            b += 4;
        } else {
            buf[b++] = *p;
        }
    }
    if (!plain) buf[b++] = '\'';
    buf[b] = '\0';
    int w = snprintf(out + *len, cap - *len, "%s", buf);
    if (w < 0 || (size_t)w >= cap - *len) return false;
    *len += (size_t)w;
    return true;
}

bool anim_to_command(const AnimOptions *opt, const Figure *fig, bool files_are_bundled,
                     char *out, size_t cap)
{
    Figure f;
    figure_copy(&f, fig);
    f.output[0] = '\0';
    char rest[16384];
    bool ok = figure_to_command(&f, files_are_bundled, rest, sizeof rest);
    figure_free(&f);
    const char *head = "sahelmap export";
    SM_ASSERT(!ok || strncmp(rest, head, strlen(head)) == 0);
    /* The animation's options right after the command, then the figure's. */
    size_t len = 0;
    char v[32];
    ok = ok && cap > strlen(head);
    if (ok) len = (size_t)snprintf(out, cap, "%s", head);
    ok = ok && append_arg(out, cap, &len, opt->format == ANIM_FORMAT_FRAMES ? "--frames"
                                                                          : "--animate") &&
         append_arg(out, cap, &len, opt->path);
    if (ok && opt->step != ANIM_STEP_WEEK)
        ok = append_arg(out, cap, &len, "--step") &&
             append_arg(out, cap, &len, anim_step_name(opt->step));
    if (ok && opt->window > 0) {
        snprintf(v, sizeof v, "%d", (int)opt->window);
        ok = append_arg(out, cap, &len, "--window") && append_arg(out, cap, &len, v);
    }
    if (ok && opt->fps != ANIM_DEFAULT_FPS) {
        snprintf(v, sizeof v, "%d", opt->fps);
        ok = append_arg(out, cap, &len, "--fps") && append_arg(out, cap, &len, v);
    }
    if (ok) {
        int w = snprintf(out + len, cap - len, "%s", rest + strlen(head));
        ok = w >= 0 && (size_t)w < cap - len;
    }
    if (!ok && cap > 0) out[0] = '\0';
    return ok;
}

void anim_progress_text(size_t done, size_t total, double seconds, char *out, size_t cap)
{
    enum { BAR = 30 };
    char bar[BAR + 1];
    size_t filled = total ? done * BAR / total : BAR;
    for (size_t k = 0; k < BAR; k++) bar[k] = k < filled ? '#' : '.';
    bar[BAR] = '\0';
    snprintf(out, cap, "frame %5zu/%zu [%s] %3zu%%  %.1f s", done, total, bar,
             total ? done * 100 / total : 100, seconds);
}

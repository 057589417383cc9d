/*
 * anim: an animation as data. An animation is a figure request plus a list
 * of steps, each step the same request with its own date window; this
 * module makes the steps from the request and the animation's options
 * (--step, --window, --fps, --animate/--frames), checks those options with
 * clear errors, and spells the command that asks for an animation. Pure:
 * no SDL, no drawing, no files (the encoders are anim_write's).
 *
 * The steps over the range [from, to] (--from/--to, else the data's):
 *   periods   day and week steps are days and 7-day periods counted from
 *             `from`; month and year steps are calendar months and years
 *             (the first and the last may be partial, cut to the range).
 *             Each step ends at the last day of its period.
 *   moving    (the default mode) without --window each frame shows its
 *             period; with --window N the N days ending at the step's end,
 *             from the first step whose window fits in the range on (as
 *             the window's playback starts with a full window). A window
 *             longer than the range gives one frame: the whole range.
 *   cumulative  from `from` to the step's end.
 *   day       the step's last day alone.
 * No frame shows a day outside [from, to].
 */
#ifndef SAHELMAP_ANIM_H
#define SAHELMAP_ANIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "figure.h"
#include "timeline.h"

#define ANIM_MAX_FRAMES 20000
#define ANIM_MAX_WINDOW 36600        /* days: a century */
#define ANIM_MAX_FPS 60
#define ANIM_DEFAULT_FPS 4

typedef enum AnimStep {
    ANIM_STEP_DAY = 0,
    ANIM_STEP_WEEK,
    ANIM_STEP_MONTH,
    ANIM_STEP_YEAR,
    ANIM_STEP_COUNT
} AnimStep;

typedef enum AnimFormat {
    ANIM_FORMAT_NONE = 0,        /* no animation asked for */
    ANIM_FORMAT_FRAMES,          /* a folder of numbered PNGs */
    ANIM_FORMAT_GIF,
    ANIM_FORMAT_MP4,             /* H.264, yuv420p, +faststart */
    ANIM_FORMAT_WEBM             /* VP9 (VP8 when VP9 is missing) */
} AnimFormat;

typedef struct AnimOptions {
    AnimFormat format;
    char path[FIGURE_PATH_MAX];  /* the file (--animate) or folder (--frames) */
    AnimStep step;               /* default: week */
    int32_t window;              /* moving window in days; 0: the period */
    int fps;                     /* frames per second, 1 .. ANIM_MAX_FPS */
} AnimOptions;

/* One step: the date window of a frame (inclusive days). */
typedef struct AnimFrame {
    int32_t day0, day1;
} AnimFrame;

/* Options with their defaults: no output, weekly steps, the period as the
 * window, ANIM_DEFAULT_FPS. */
void anim_options_init(AnimOptions *opt);

/* The animation options that take a value, NULL-terminated: what
 * figure_parse_args_extra needs to know to leave their values alone. */
extern const char *const anim_value_options[];

/* Parses the arguments figure_parse_args_extra left over (extra[0..n)) as
 * animation options into opt. False with err on the first argument that
 * is no animation option or has a bad value ("--step 'fortnight': want
 * day, week, month or year"). */
bool anim_parse_args(AnimOptions *opt, int n, char *const *extra, Error *err);

/* Checks the options against the figure: one output (--animate or
 * --frames, not with -o), --window only with the moving mode. False with
 * err. */
bool anim_check(const AnimOptions *opt, const Figure *fig, Error *err);

/* The format a file name asks for by its extension (.mp4, .webm, .gif, any
 * case); ANIM_FORMAT_NONE when it is none of these. */
AnimFormat anim_format_for_path(const char *path);

/* The steps of an animation in `mode` over [from, to] (from <= to): a new
 * array (*frames, the caller frees it) of *n frames, in order. False with
 * err when there would be more than ANIM_MAX_FRAMES. */
bool anim_steps(const AnimOptions *opt, TimelineMode mode, int32_t from, int32_t to,
                AnimFrame **frames, size_t *n, Error *err);

/* The figure of one frame: a deep copy of base (dst is overwritten, not
 * freed first; free it with figure_free) with the frame's date window. */
void anim_frame_figure(const Figure *base, const AnimFrame *frame, Figure *dst);

/* The `sahelmap export` command that makes this animation of fig (whose
 * output is not used), into out (cut to cap); false when it did not fit. */
bool anim_to_command(const AnimOptions *opt, const Figure *fig, bool files_are_bundled,
                     char *out, size_t cap);

/* One line of a progress bar, "frame  12/52 [######......]  23%  4.1 s",
 * into out, for a caller that shows it (on a terminal: start it with \r). */
void anim_progress_text(size_t done, size_t total, double seconds, char *out,
                        size_t cap);

/* The options' help, one line per option (as figure_print_options). */
void anim_print_options(FILE *out);

const char *anim_step_name(AnimStep step);

#endif

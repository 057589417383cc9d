/*
 * anim_write: an animation drawn and encoded. Each frame is the figure of
 * its step (anim_frame_figure) drawn by export_draw, the very code that
 * draws the window's screenshots and PNG exports, so a frame is what the
 * window shows at that step; the title panel's subtitle is its date
 * caption. Before drawing, the plan fixes what must not change from frame
 * to frame: the view (a figure fitted to its events is fitted once, to the
 * events of the whole range) and the density or heatmap colour classes
 * (the largest grid value over all frames becomes every frame's
 * class_max, so a colour means the same count throughout).
 *
 * Encoders: numbered PNGs in a folder (export_write_png), GIF (giflib; a
 * palette from libimagequant that holds the six event colours and the
 * density ramp exactly), MP4 (H.264 yuv420p through libx264, +faststart)
 * and WebM (VP9, or VP8 when VP9 is missing) through libavcodec and
 * libavformat. Writes are atomic as for PNGs: a temporary file (or folder)
 * beside the target, renamed into place once complete; nothing is left at
 * the target after a failure, and an input file is never overwritten.
 */
#ifndef SAHELMAP_ANIM_WRITE_H
#define SAHELMAP_ANIM_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "anim.h"
#include "error.h"
#include "export.h"
#include "figure.h"

/* Told after each frame is written; returning false stops the animation
 * (anim_write then fails with "cancelled" and writes nothing). */
typedef struct AnimProgress {
    bool (*frame)(void *ctx, size_t done, size_t total);
    void *ctx;
} AnimProgress;

/* What anim_write did, for a caller's message and the benchmark. */
typedef struct AnimReport {
    size_t frames;
    int width, height;           /* of the video (even sides for MP4/WebM) */
    double class_max;            /* the colour classes' top, 0: none */
    double plan_s, draw_s, encode_s;   /* seconds spent on each part */
    const char *codec;           /* the encoder used ("libx264", ...) */
} AnimReport;

/* The plan of an animation of fig: *base is fig with its view fixed and
 * its class_max set (a new figure: free with figure_free), *frames the
 * steps (free them). data->visible may be NULL. False with err when the
 * range is empty or has too many frames. */
bool anim_plan(const FrameData *data, const Figure *fig, const AnimOptions *opt,
               Figure *base, AnimFrame **frames, size_t *nframes, Error *err);

/* Draws every frame of the animation of fig and writes opt->path in
 * opt->format. progress and report may be NULL. False with err (naming
 * the path and the reason) on any failure; then nothing is at the path
 * that was not there before. */
bool anim_write(const FrameData *data, const Figure *fig, const AnimOptions *opt,
                const AnimProgress *progress, AnimReport *report, Error *err);

#endif

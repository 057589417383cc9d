/*
 * frametime: what each frame of the window cost, step by step, kept for
 * the last FRAMETIME_WINDOW frames so the window can show running
 * percentiles (its overlay, as mpv shows its stats) and write one CSV row
 * per frame (SAHELMAP_FRAME_LOG) that any script can read. Pure: the app
 * measures, this module keeps and formats. No SDL, no I/O.
 *
 * The CSV's columns, in order (frametime_csv_header):
 *   scene_ms     the update step but the raster: map scene, hover,
 *                histogram, timeline and panels
 *   raster_ms    the basemap raster (Cairo) and its texture upload; 0 on
 *                frames that reuse the cached raster. A raster drawn by the
 *                background thread (once one exists) counts only its upload
 *   render_ms    drawing: clear, basemap texture, markers or grid, ui
 *   present_ms   SDL_RenderPresent (the software renderer's copy to the
 *                window, or the wait for vsync)
 *   total_ms     the whole frame's work, update start to present end
 *   events_drawn markers drawn, or events counted in the grid
 *   interval_ms  present to present: what the eye sees (the loop's wait
 *                included); 0 on the first frame
 */
#ifndef SAHELMAP_FRAMETIME_H
#define SAHELMAP_FRAMETIME_H

#include <stddef.h>
#include <stdint.h>

#define FRAMETIME_WINDOW 120      /* frames the percentiles are taken over */

typedef enum FrameStep {
    FRAME_SCENE,
    FRAME_RASTER,
    FRAME_RENDER,
    FRAME_PRESENT,
    FRAME_TOTAL,
    FRAME_INTERVAL,
    FRAME_STEP_COUNT
} FrameStep;

typedef struct FrameSample {
    double ms[FRAME_STEP_COUNT];  /* by FrameStep */
    uint64_t events_drawn;
} FrameSample;

typedef struct FrameTimes {
    FrameSample ring[FRAMETIME_WINDOW];
    uint64_t count;               /* frames added since init */
} FrameTimes;

/* Empties t. */
void frametime_init(FrameTimes *t);

/* Keeps one frame's figures (the oldest of a full window drops out). */
void frametime_add(FrameTimes *t, const FrameSample *s);

/* The frame added last, or NULL before the first. Owned by t. */
const FrameSample *frametime_last(const FrameTimes *t);

/* The p-th percentile (0..100, nearest rank) of `step` over the frames
 * kept; 0 when there are none. */
double frametime_percentile(const FrameTimes *t, FrameStep step, double p);

/* The CSV's column name of a step ("scene_ms", ...). */
const char *frametime_step_name(FrameStep step);

/* The CSV header line, without a newline:
 * "scene_ms,raster_ms,render_ms,present_ms,total_ms,events_drawn,interval_ms". */
const char *frametime_csv_header(void);

/* One CSV row for s into out (cap bytes, NUL-terminated, no newline):
 * milliseconds with three decimals. Returns the length written, or -1 when
 * cap is too small (out then holds a truncated row). */
int frametime_csv_row(const FrameSample *s, char *out, size_t cap);

#endif

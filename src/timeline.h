/*
 * timeline: the pure state of the time scrubber. The data's date range, the
 * window [day0, day1] shown on the map, the mode (a moving window of fixed
 * length, cumulative from the first event, or a single day), playback
 * (playing, speed in days per second, loop), and the part of the time axis
 * the scrubber shows (its own zoom) with histogram bins of a day, a week or
 * a month chosen from that zoom.
 *
 * No SDL, no drawing: the app feeds it commands and elapsed time; the ui
 * reads it to draw the scrubber. Days are days since 1970-01-01.
 */
#ifndef SAHELMAP_TIMELINE_H
#define SAHELMAP_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum TimelineMode {
    TIMELINE_MOVING = 0,     /* [day1 - length + 1, day1] */
    TIMELINE_CUMULATIVE,     /* [first day of data, day1] */
    TIMELINE_SINGLE_DAY,     /* [day1, day1] */
    TIMELINE_MODE_COUNT
} TimelineMode;

typedef enum TimelineBin {
    BIN_DAY,
    BIN_WEEK,                /* Monday-based weeks */
    BIN_MONTH
} TimelineBin;

typedef struct Timeline {
    int32_t first, last;     /* the data's range */
    int32_t day0, day1;      /* the window shown (inclusive) */
    int32_t length;          /* window length in days (moving mode) */
    TimelineMode mode;
    bool playing, loop;
    double speed;            /* days per second, 1 .. 365 */
    double carry;            /* fraction of a day not yet played */
    int32_t axis0, axis1;    /* the part of time the scrubber shows */
} Timeline;

/* A timeline over the data range [first, last] (first <= last) showing all
 * of it: window = the whole range, moving mode, axis = the whole range. */
void timeline_init(Timeline *t, int32_t first, int32_t last);

/* Sets the window to [day0, day1] (clamped to the data, day0 <= day1) and
 * keeps its length for the moving mode. */
void timeline_set_window(Timeline *t, int32_t day0, int32_t day1);

/* Moves the window so its end is at day (keeping the mode's rule). */
void timeline_seek(Timeline *t, int32_t day);

/* Moves the window by a number of days (negative: back). */
void timeline_step(Timeline *t, int32_t days);

/* Moves by calendar months (Ctrl+Left/Right), keeping the day of month
 * where the month has it. */
void timeline_step_months(Timeline *t, int months);

void timeline_set_mode(Timeline *t, TimelineMode mode);

/* Space: play or pause. Starting at the end of the data rewinds first.
 * Starting on a moving window that covers the whole range plays a shorter
 * window across it from the first date, sized so the run lasts about 45 s
 * at the speed (7 days at least), so the map shows change. */
void timeline_toggle_play(Timeline *t);

/* [ and ]: slower or faster, through 1, 2, 7, 14, 30, 91, 182, 365 days/s. */
void timeline_speed_step(Timeline *t, int direction);

/* Advances playback by `seconds` of wall time. Returns true if the window
 * moved. At the end of the data it stops, or wraps when loop is on. */
bool timeline_advance(Timeline *t, double seconds);

/* Zooms the scrubber's axis by factor (> 1: in) about day `at`; the axis
 * stays within the data (padded) and at least 14 days long. */
void timeline_zoom_axis(Timeline *t, double factor, double at);

/* Pans the scrubber's axis by `days` (negative: back in time), keeping its
 * length; it stays within the data (padded as timeline_zoom_axis pads).
 * Returns true if the axis moved. */
bool timeline_pan_axis(Timeline *t, double days);

/* Follows the playhead (day1): when it lies outside the axis, moves the
 * axis (keeping its length, within the padded data) so that day1 sits a
 * tenth of the axis in from the edge it crossed. Returns true if the axis
 * moved. The app calls it as playback and steps move the window, not
 * after the user pans the axis away. */
bool timeline_follow(Timeline *t);

/* The histogram bin size for the current axis and how many bins a width
 * of `pixels` gets (bins at least ~3 px wide). */
TimelineBin timeline_bin(const Timeline *t, int pixels);

/* The first day of the bin holding `day`, and the first day of the next. */
int32_t timeline_bin_start(TimelineBin bin, int32_t day);
int32_t timeline_bin_next(TimelineBin bin, int32_t start);

/* Name of a mode for the UI ("moving window", ...). */
const char *timeline_mode_name(TimelineMode mode);

#endif

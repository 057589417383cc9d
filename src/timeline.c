/*
 * timeline: scrubber state. See timeline.h.
 */
#include "timeline.h"

#include <math.h>

#include "date.h"

static const double speeds[] = {1, 2, 7, 14, 30, 91, 182, 365};
#define NSPEEDS (int)(sizeof speeds / sizeof speeds[0])

static int32_t clamp_day(const Timeline *t, int32_t d)
{
    return d < t->first ? t->first : d > t->last ? t->last : d;
}

/* Recomputes day0 from day1 and the mode. */
static void apply_mode(Timeline *t)
{
    t->day1 = clamp_day(t, t->day1);
    switch (t->mode) {
    case TIMELINE_MOVING: t->day0 = t->day1 - t->length + 1; break;
    case TIMELINE_CUMULATIVE: t->day0 = t->first; break;
    case TIMELINE_SINGLE_DAY: t->day0 = t->day1; break;
    case TIMELINE_MODE_COUNT: break;
    }
    if (t->day0 < t->first) t->day0 = t->first;
}

void timeline_init(Timeline *t, int32_t first, int32_t last)
{
    if (last < first) last = first;
    *t = (Timeline){.first = first, .last = last, .day0 = first, .day1 = last,
                    .length = last - first + 1, .mode = TIMELINE_MOVING,
                    .speed = 30, .axis0 = first, .axis1 = last};
    if (t->axis1 - t->axis0 < 14) t->axis1 = t->axis0 + 14;
}

void timeline_set_window(Timeline *t, int32_t day0, int32_t day1)
{
    if (day1 < day0) {
        int32_t tmp = day0;
        day0 = day1;
        day1 = tmp;
    }
    t->day0 = clamp_day(t, day0);
    t->day1 = clamp_day(t, day1);
    t->length = t->day1 - t->day0 + 1;
    if (t->mode != TIMELINE_MOVING) t->mode = TIMELINE_MOVING;
}

void timeline_seek(Timeline *t, int32_t day)
{
    t->day1 = day;
    apply_mode(t);
}

void timeline_step(Timeline *t, int32_t days)
{
    timeline_seek(t, t->day1 + days);
}

void timeline_step_months(Timeline *t, int months)
{
    int y, m, d;
    date_to_ymd(t->day1, &y, &m, &d);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    while (d > 28 && !date_valid(y, m, d)) d--;
    if (!date_valid(y, m, d)) {                     /* outside 1900..2100 */
        timeline_seek(t, months < 0 ? t->first : t->last);
        return;
    }
    timeline_seek(t, date_from_ymd(y, m, d));
}

void timeline_set_mode(Timeline *t, TimelineMode mode)
{
    if ((unsigned)mode >= TIMELINE_MODE_COUNT) return;
    if (t->mode == TIMELINE_MOVING) t->length = t->day1 - t->day0 + 1;
    t->mode = mode;
    if (t->length < 1) t->length = 1;
    apply_mode(t);
}

/* The moving window a playback of the whole range shows: sized from the
 * span so that the run across it lasts about 45 s at the current speed (7
 * days at least; a quarter of a span too short for that). */
static int32_t run_length(const Timeline *t)
{
    int32_t span = t->last - t->first + 1;
    int32_t len = span - (int32_t)(45 * t->speed);
    if (len < 7) len = span / 4;
    if (len < 7) len = 7;
    return len < span ? len : span;
}

void timeline_toggle_play(Timeline *t)
{
    t->playing = !t->playing;
    t->carry = 0;
    if (t->playing && t->mode == TIMELINE_MOVING && t->day0 <= t->first && t->day1 >= t->last &&
        t->last - t->first >= 14) {
        /* The whole range is shown: play a moving window across it, from
         * the first date, so the map shows change. */
        int32_t len = run_length(t);
        timeline_set_window(t, t->first, t->first + len - 1);
        return;
    }
    if (t->playing && t->day1 >= t->last) timeline_seek(t, t->first + (t->mode == TIMELINE_MOVING ? t->length - 1 : 0));
}

void timeline_speed_step(Timeline *t, int direction)
{
    int k = 0;
    while (k < NSPEEDS - 1 && speeds[k] < t->speed) k++;
    k += direction > 0 ? 1 : direction < 0 ? -1 : 0;
    if (k < 0) k = 0;
    if (k >= NSPEEDS) k = NSPEEDS - 1;
    t->speed = speeds[k];
}

bool timeline_advance(Timeline *t, double seconds)
{
    if (!t->playing || seconds <= 0) return false;
    t->carry += seconds * t->speed;
    int32_t days = (int32_t)floor(t->carry);
    if (days == 0) return false;
    t->carry -= days;
    int32_t target = t->day1 + days;
    if (target > t->last) {
        if (t->loop) {
            int32_t start = t->first + (t->mode == TIMELINE_MOVING ? t->length - 1 : 0);
            if (start > t->last) start = t->last;
            timeline_seek(t, start);
        } else {
            timeline_seek(t, t->last);
            t->playing = false;
        }
        return true;
    }
    timeline_seek(t, target);
    return true;
}

/* The days the axis may show: the data, padded by 2% and a day. */
static void axis_bounds(const Timeline *t, double *lo, double *hi)
{
    double pad = (t->last - t->first) * 0.02 + 1;
    *lo = t->first - pad;
    *hi = t->last + pad;
}

/* Puts the axis at [n0, n0 + len], moved back inside the bounds. */
static bool axis_place(Timeline *t, double n0, double len)
{
    double lo, hi;
    axis_bounds(t, &lo, &hi);
    if (n0 + len > hi) n0 = hi - len;
    if (n0 < lo) n0 = lo;                 /* an axis longer than the data */
    int32_t a0 = (int32_t)floor(n0), a1 = a0 + (int32_t)lround(len);
    bool moved = a0 != t->axis0 || a1 != t->axis1;
    t->axis0 = a0;
    t->axis1 = a1;
    return moved;
}

bool timeline_pan_axis(Timeline *t, double days)
{
    if (!isfinite(days)) return false;
    return axis_place(t, t->axis0 + days, t->axis1 - t->axis0);
}

bool timeline_follow(Timeline *t)
{
    double len = t->axis1 - t->axis0, margin = len / 10;
    if (t->day1 > t->axis1) return axis_place(t, t->day1 - len + margin, len);
    if (t->day1 < t->axis0) return axis_place(t, t->day1 - margin, len);
    return false;
}

void timeline_zoom_axis(Timeline *t, double factor, double at)
{
    if (!(factor > 0)) return;
    double a0 = t->axis0, a1 = t->axis1;
    double len = (a1 - a0) / factor;
    double lo, hi;
    axis_bounds(t, &lo, &hi);
    if (len < 14) len = 14;
    if (len > hi - lo) len = hi - lo;
    double frac = (at - a0) / (a1 - a0);
    if (!(frac >= 0 && frac <= 1)) frac = 0.5;
    double n0 = at - frac * len;
    if (n0 < lo) n0 = lo;
    if (n0 + len > hi) n0 = hi - len;
    t->axis0 = (int32_t)floor(n0);
    t->axis1 = (int32_t)ceil(n0 + len);
}

TimelineBin timeline_bin(const Timeline *t, int pixels)
{
    double days = t->axis1 - t->axis0 + 1;
    double px_per_day = pixels / days;
    if (px_per_day >= 3) return BIN_DAY;
    if (px_per_day * 7 >= 3) return BIN_WEEK;
    return BIN_MONTH;
}

int32_t timeline_bin_start(TimelineBin bin, int32_t day)
{
    switch (bin) {
    case BIN_DAY: return day;
    case BIN_WEEK: {
        /* 1970-01-01 was a Thursday; Monday-based weeks. */
        int32_t dow = ((day % 7) + 7 + 3) % 7;     /* 0 = Monday */
        return day - dow;
    }
    case BIN_MONTH: {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        return date_from_ymd(y, m, 1);
    }
    }
    return day;
}

int32_t timeline_bin_next(TimelineBin bin, int32_t start)
{
    switch (bin) {
    case BIN_DAY: return start + 1;
    case BIN_WEEK: return start + 7;
    case BIN_MONTH: {
        int y, m, d;
        date_to_ymd(start, &y, &m, &d);
        return m == 12 ? date_from_ymd(y + 1, 1, 1) : date_from_ymd(y, m + 1, 1);
    }
    }
    return start + 1;
}

const char *timeline_mode_name(TimelineMode mode)
{
    switch (mode) {
    case TIMELINE_MOVING: return "moving window";
    case TIMELINE_CUMULATIVE: return "cumulative";
    case TIMELINE_SINGLE_DAY: return "single day";
    case TIMELINE_MODE_COUNT: break;
    }
    return "";
}

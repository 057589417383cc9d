/*
 * frametime: the window's frame times, kept and formatted. See frametime.h.
 */
#include "frametime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const step_names[FRAME_STEP_COUNT] = {
    [FRAME_SCENE] = "scene_ms",     [FRAME_RASTER] = "raster_ms",
    [FRAME_RENDER] = "render_ms",   [FRAME_PRESENT] = "present_ms",
    [FRAME_TOTAL] = "total_ms",     [FRAME_INTERVAL] = "interval_ms",
};

void frametime_init(FrameTimes *t)
{
    memset(t, 0, sizeof *t);
}

void frametime_add(FrameTimes *t, const FrameSample *s)
{
    t->ring[t->count % FRAMETIME_WINDOW] = *s;
    t->count++;
}

const FrameSample *frametime_last(const FrameTimes *t)
{
    return t->count == 0 ? NULL : &t->ring[(t->count - 1) % FRAMETIME_WINDOW];
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double frametime_percentile(const FrameTimes *t, FrameStep step, double p)
{
    SM_ASSERT((unsigned)step < FRAME_STEP_COUNT);
    size_t n = t->count < FRAMETIME_WINDOW ? (size_t)t->count : FRAMETIME_WINDOW;
    if (n == 0) return 0;
    double v[FRAMETIME_WINDOW];
    for (size_t i = 0; i < n; i++) v[i] = t->ring[i].ms[step];
    qsort(v, n, sizeof v[0], cmp_double);
    if (!(p > 0)) return v[0];
    if (p >= 100) return v[n - 1];
    /* Nearest rank: the smallest value with at least p% of them at or below. */
    size_t rank = (size_t)ceil(p / 100.0 * (double)n);
    if (rank < 1) rank = 1;
    return v[rank - 1];
}

const char *frametime_step_name(FrameStep step)
{
    SM_ASSERT((unsigned)step < FRAME_STEP_COUNT);
    return step_names[step];
}

const char *frametime_csv_header(void)
{
    return "scene_ms,raster_ms,render_ms,present_ms,total_ms,events_drawn,interval_ms";
}

int frametime_csv_row(const FrameSample *s, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%.3f,%.3f,%.3f,%.3f,%.3f,%llu,%.3f", s->ms[FRAME_SCENE],
                     s->ms[FRAME_RASTER], s->ms[FRAME_RENDER], s->ms[FRAME_PRESENT],
                     s->ms[FRAME_TOTAL], (unsigned long long)s->events_drawn,
                     s->ms[FRAME_INTERVAL]);
    return n < 0 || (size_t)n >= cap ? -1 : n;
}

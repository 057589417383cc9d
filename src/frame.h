/*
 * frame: one figure request over the loaded data, made ready to draw. The
 * view a figure shows (its centre and scale, its box fitted, or the events
 * shown fitted), its date window over the data, its text scale, and the
 * scene input that draws it. Pure (no SDL): the window, the PNG export,
 * the animations and the data exports all take their frame from here.
 */
#ifndef SAHELMAP_FRAME_H
#define SAHELMAP_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "basemap.h"
#include "events.h"
#include "figure.h"
#include "scene.h"
#include "view.h"

/* What a figure is drawn from: the loaded data, read only. */
typedef struct FrameData {
    const EventSet *set;         /* finished (events_finish) */
    const Basemap *map;          /* projected for the figure's projection */
    const uint8_t *visible;      /* filter_apply's result for the figure's
                                    filter, or NULL: computed when needed */
    const char *event_credit;    /* "Events: ..." (export_event_credit) */
    char *const *inputs;         /* the files loaded: never written */
    int ninputs;
    const uint32_t *base_pixels; /* the basemap already drawn for the
                                    figure's view (base_w x base_h, rows of
                                    4 * base_w bytes), or NULL: an animation
                                    draws it once for all its frames */
    int base_w, base_h;
} FrameData;

/* The text and line scale of a figure: its own, or the size's default. */
float frame_scale(const Figure *fig);

/* The date window of a figure over the data: unset ends become the data's
 * first and last day. */
void frame_days(const EventSet *set, const Figure *fig, int32_t *day0, int32_t *day1);

/* The view of a figure in its width x height image: its centre and scale,
 * its box fitted, or the events shown fitted (visible as in FrameData). */
void frame_view(const EventSet *set, const Figure *fig, const uint8_t *visible,
                View *out);

/* The scene input that draws fig over data in view: everything but the
 * text measure. The window's frames, the export and the animations all
 * make theirs here, so they cannot differ. */
void frame_scene_input(const FrameData *data, const Figure *fig,
                       const View *view, SceneInput *in);

/* Refuses a figure that would be a plausible but wrong map of the data:
 * a date window holding none of the data's events ("no events between 1
 * Jan 2030 and 31 Dec 2030: the data runs from ... to ..."), or a
 * --country / --admin1 that no event names ("--country 'Mlai': no event
 * in it; did you mean Mali?", the closest names offered). False with err. */
bool frame_check(const EventSet *set, const Figure *fig, Error *err);

#endif

/*
 * describe: the window's texts about events, as lines for the ui's panels:
 * the tooltip of a marker, the details panel of a clicked event (with its
 * notes and source), the stats panel of the time window, and the tooltip of
 * a density cell. Pure: reads the event set and the scene, draws nothing,
 * so every text is unit-tested without a window.
 *
 * Lines starting with "#" are headings (ui_build_side_panel's rule).
 */
#ifndef SAHELMAP_DESCRIBE_H
#define SAHELMAP_DESCRIBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "scene.h"

#define DESCRIBE_MAX_LINES 32

typedef struct TextLines {
    char *line[DESCRIBE_MAX_LINES];    /* owned; NULL past n */
    int n;
} TextLines;

/* An empty list; release with describe_free (it can be reused after). */
void describe_init(TextLines *t);
void describe_free(TextLines *t);

/* The lines as the ui takes them. */
static inline const char *const *describe_lines(const TextLines *t)
{
    return (const char *const *)t->line;
}

/* Appends a formatted line (cut at 1,000 bytes); ignored when full. */
void describe_add(TextLines *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Event i in a few lines: its date (and span or precision), type and sub
 * type, actors, fatalities (with the reported range), and place with its
 * precision. `full` adds the associated actors (the details panel). */
void describe_event(const EventSet *set, size_t i, bool full, TextLines *out);

/* The details panel of event i, the pick-th (0-based) of npicks events
 * under one click (in date order): describe_event in full, then its notes,
 * its source and which of the stack it is. */
void describe_details(const EventSet *set, size_t i, int pick, int npicks, TextLines *out);

/* One row of a stack's list (the events under one click): date, short
 * type, fatalities and place, separated by tabs (the ui's columns), into
 * out (cap bytes, cut at a character boundary). */
void describe_stack_row(const EventSet *set, size_t i, char *out, size_t cap);

/* The stats panel: events and fatalities by type, and the ten most active
 * actors, over events [lo, hi) that pass the type mask and `visible`
 * (filter_apply's result, or NULL for all). */
void describe_stats(const EventSet *set, size_t lo, size_t hi, uint32_t type_mask,
                    const uint8_t *visible, TextLines *out);

/* The tooltip of density/heatmap cell `cell` of the scene's grid: its
 * events, fatalities and events per type. False (nothing added) when the
 * cell is empty or not in the grid. */
bool describe_cell(const Scene *scene, long cell, TextLines *out);

#endif

/*
 * marks: the shapes of event markers and town dots, painted with Cairo.
 * render paints each once per radius into its sprite atlas in white and
 * tints it per event type; vector paints them straight onto a PDF or SVG
 * page in the event's colour. One painter, so the two look the same.
 */
#ifndef SAHELMAP_MARKS_H
#define SAHELMAP_MARKS_H

#include <cairo.h>
#include <stdint.h>

typedef enum MarkKind {
    MARK_DISC,           /* filled, with a darker rim: tinted */
    MARK_RING,           /* thick ring: tinted */
    MARK_THIN_RING,      /* the outer ring of a range of tolls: tinted */
    MARK_TOWN,           /* dark dot, white rim: not tinted */
    MARK_CAPITAL,        /* dark ring with centre dot: not tinted */
    MARK_KIND_COUNT
} MarkKind;

/* Paints a mark of radius rad centred on (cx, cy), its line widths at the
 * scene's scale. Tinted kinds multiply their colours by tint (0xAARRGGBB;
 * 0xFFFFFFFF paints them white, for the atlas). */
void marks_paint(cairo_t *cr, MarkKind kind, double cx, double cy, double rad, float scale,
                 uint32_t tint);

#endif

/*
 * marks: marker and town shapes. See marks.h.
 */
#include "marks.h"

#include <math.h>
#include <stdbool.h>

#define TAU 6.28318530717958647692

/* rgba multiplied by the tint (when the kind is tinted). */
static void source(cairo_t *cr, double r, double g, double b, double a, uint32_t tint,
                   bool tinted)
{
    if (tinted) {
        r *= ((tint >> 16) & 0xFF) / 255.0;
        g *= ((tint >> 8) & 0xFF) / 255.0;
        b *= (tint & 0xFF) / 255.0;
        a *= (tint >> 24) / 255.0;
    }
    cairo_set_source_rgba(cr, r, g, b, a);
}

void marks_paint(cairo_t *cr, MarkKind kind, double cx, double cy, double rad, float scale,
                 uint32_t tint)
{
    bool tinted = kind == MARK_DISC || kind == MARK_RING || kind == MARK_THIN_RING;
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, rad, 0, TAU);
    switch (kind) {
    case MARK_DISC:
        source(cr, 1, 1, 1, 0.86, tint, tinted);
        cairo_fill_preserve(cr);
        source(cr, 0.42, 0.42, 0.42, 0.95, tint, tinted);
        cairo_set_line_width(cr, fmax(0.9, 0.9 * scale));
        cairo_stroke(cr);
        break;
    case MARK_RING: {
        double lw = fmax(1.8 * scale, 0.22 * rad);
        cairo_new_path(cr);
        cairo_arc(cr, cx, cy, rad - lw / 2, 0, TAU);
        source(cr, 1, 1, 1, 0.14, tint, tinted);
        cairo_fill_preserve(cr);
        source(cr, 1, 1, 1, 1, tint, tinted);
        cairo_set_line_width(cr, lw);
        cairo_stroke(cr);
        break;
    }
    case MARK_THIN_RING:
        source(cr, 1, 1, 1, 0.9, tint, tinted);
        cairo_set_line_width(cr, fmax(1.0, 1.1 * scale));
        cairo_stroke(cr);
        break;
    case MARK_TOWN:
        source(cr, 0.2, 0.2, 0.2, 1, tint, tinted);
        cairo_fill_preserve(cr);
        source(cr, 1, 1, 1, 1, tint, tinted);
        cairo_set_line_width(cr, fmax(0.8, 0.9 * scale));
        cairo_stroke(cr);
        break;
    case MARK_CAPITAL:
        source(cr, 1, 1, 1, 1, tint, tinted);
        cairo_fill_preserve(cr);
        source(cr, 0.2, 0.2, 0.2, 1, tint, tinted);
        cairo_set_line_width(cr, fmax(1.0, 1.2 * scale));
        cairo_stroke(cr);
        cairo_arc(cr, cx, cy, rad * 0.42, 0, TAU);
        cairo_fill(cr);
        break;
    case MARK_KIND_COUNT: break;
    }
}

/*
 * scene_furniture: the map's furniture as scene items: the title panel with
 * the date window and counts, the legend (types with counts in view, the
 * fatality size key or the density ramp), the scale bar, the north arrow
 * and the credits strip. Each returns the box it took, so labels keep
 * clear of it. See scene.h; shared helpers in scene_private.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "scene.h"
#include "scene_private.h"

/* ------------------------------------------------------------------------- */
/* Numbers and days                                                          */
/* ------------------------------------------------------------------------- */

void scene_format_count(int64_t n, char *out, size_t cap)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)(n < 0 ? -n : n));
    size_t len = strlen(digits), o = 0;
    if (n < 0 && o + 1 < cap) out[o++] = '-';
    for (size_t i = 0; i < len && o + 2 < cap; i++) {
        if (i > 0 && (len - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

void scene_format_day(int32_t day, char *out, size_t cap)
{
    static const char *months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    snprintf(out, cap, "%d %s %d", d, months[(m - 1) % 12], y);
}

/* ------------------------------------------------------------------------- */
/* Furniture                                                                 */
/* ------------------------------------------------------------------------- */

/* A box moved to the other side of the image, left <-> right. */
static void mirror(const Scene *s, Box *b)
{
    float x0 = (float)s->width - b->x1, x1 = (float)s->width - b->x0;
    b->x0 = x0;
    b->x1 = x1;
}

/* Title and date window, top-left. Returns the panel's box. */
Box scene_furniture_title(Scene *s, const SceneInput *in, float pad)
{
    const float sc = s->scale;
    const char *title = s->title;
    char d0[24], d1[24], ev[32], fat[32], lo[32], hi[32], sub[320];
    scene_format_day(in->day0, d0, sizeof d0);
    scene_format_day(in->day1, d1, sizeof d1);
    scene_format_count((int64_t)s->events_in_view, ev, sizeof ev);
    scene_format_count(s->fatalities_in_view, fat, sizeof fat);
    scene_format_count(s->fatalities_low_in_view, lo, sizeof lo);
    scene_format_count(s->fatalities_high_in_view, hi, sizeof hi);
    bool ranged = s->fatalities_low_in_view != s->fatalities_in_view ||
                  s->fatalities_high_in_view != s->fatalities_in_view;
    snprintf(sub, sizeof sub, "%s \xe2\x80\x93 %s  \xc2\xb7  %s event%s in view  \xc2\xb7  %s fatalit%s%s%s%s%s%s",
             d0, d1, ev, s->events_in_view == 1 ? "" : "s", fat,
             s->fatalities_in_view == 1 ? "y" : "ies", ranged ? " (reported " : "", ranged ? lo : "",
             ranged ? "\xe2\x80\x93" : "", ranged ? hi : "", ranged ? ")" : "");

    float th = scene_text_height(in, FONT_TITLE), sh = scene_text_height(in, FONT_SUBTITLE);
    float w = fmaxf(scene_text_width(in, FONT_TITLE, title), scene_text_width(in, FONT_SUBTITLE, sub));
    float inner = 10 * sc;
    Box b = {pad, pad, pad + w + 2 * inner, pad + th + sh + 2 * inner + 2 * sc};
    if (s->title_right) mirror(s, &b);
    scene_add_rect(s, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, PANEL, PANEL_BORDER, 1 * sc);
    scene_item_text(s, in, FONT_TITLE, b.x0 + inner, b.y0 + inner, INK, 0, title);
    scene_item_text(s, in, FONT_SUBTITLE, b.x0 + inner, b.y0 + inner + th + 2 * sc,
              INK_SOFT, 0, sub);
    return b;
}

/* The ground size of a grid cell at the map centre, km, as text ("7.5"). */
static void cell_km(const Scene *s, char *out, size_t cap)
{
    const View *v = &s->view;
    double lon, lat, kp = 1, km = 1;
    if (view_center_lonlat(v, &lon, &lat)) proj_scale(&v->proj, lon, lat, &kp, &km);
    double size = s->grid.cell * v->mpp / kp / 1000;
    snprintf(out, cap, size < 10 ? "%.1f" : "%.0f", size);
}

/* The legend's rows: a swatch colour, a name (cut to fit), a count in
 * view, and the event type a click on it toggles (0: none). */
typedef struct LegendRows {
    int n;
    const char *head;
    uint32_t color[SCENE_MAX_CLASSES + 1];
    char name[SCENE_MAX_CLASSES + 1][96];
    char count[SCENE_MAX_CLASSES + 1][32];
    bool hidden[SCENE_MAX_CLASSES + 1];
    int type[SCENE_MAX_CLASSES + 1];
} LegendRows;

/* name into out, cut at a character boundary with an ellipsis so that it
 * measures at most max_w px. */
static void fit_name(const SceneInput *in, const char *name, float max_w, char *out, size_t cap)
{
    snprintf(out, cap, "%s", name);
    size_t len = strlen(out);
    while (len > 0 && scene_text_width(in, FONT_LEGEND, out) > max_w) {
        do len--;
        while (len > 0 && ((unsigned char)name[len] & 0xC0) == 0x80);
        while (len > 0 && name[len - 1] == ' ') len--;
        snprintf(out, cap, "%.*s\xe2\x80\xa6", (int)len, name);
    }
}

static void legend_rows(const Scene *s, const SceneInput *in, LegendRows *r)
{
    memset(r, 0, sizeof *r);
    const SceneClasses *c = &s->classes;
    if (c->by == COLOR_BY_TYPE) {
        r->head = "Events in view";
        for (int t = 1; t < EVENT_TYPE_COUNT; t++, r->n++) {
            r->color[r->n] = scene_type_color((EventType)t);
            snprintf(r->name[r->n], sizeof r->name[r->n], "%s", events_type_name((EventType)t));
            scene_format_count((int64_t)s->type_count[t], r->count[r->n], sizeof r->count[r->n]);
            r->hidden[r->n] = !(in->type_mask & (1u << t));
            r->type[r->n] = t;
        }
        return;
    }
    r->head = c->by == COLOR_BY_ACTOR ? "Events in view by actor 1"
            : c->by == COLOR_BY_COUNTRY ? "Events in view by country"
            : "Events in view by sub-event type";
    float max_w = 320 * s->scale;
    for (int k = 0; k <= c->n; k++) {
        if (k == c->n && !c->other) break;
        r->color[r->n] = c->color[k];
        fit_name(in, scene_class_name(c, in->events, k), max_w, r->name[r->n],
                 sizeof r->name[r->n]);
        scene_format_count((int64_t)s->class_count[k], r->count[r->n], sizeof r->count[r->n]);
        r->n++;
    }
}

/* Legend, bottom-right above the credits strip. */
Box scene_furniture_legend(Scene *s, const SceneInput *in, float pad, float bottom)
{
    const float sc = s->scale;
    const float inner = 10 * sc, row = fmaxf(scene_text_height(in, FONT_LEGEND), 16 * sc) + 3 * sc;
    const float swatch = 6 * sc;
    /* The rows: the event types, or the colour classes and Other. */
    LegendRows rows;
    legend_rows(s, in, &rows);
    float name_w = 0, count_w = 0;
    for (int k = 0; k < rows.n; k++) {
        name_w = fmaxf(name_w, scene_text_width(in, FONT_LEGEND, rows.name[k]));
        count_w = fmaxf(count_w, scene_text_width(in, FONT_LEGEND, rows.count[k]));
    }
    float type_w = name_w;                /* the type rows alone */
    const char *head = rows.head;
    const char *fat_head = "Fatalities (circle area)";
    const char *ring_text = "Location approximate";
    const char *range_text = "Outer ring: reported range";
    name_w = fmaxf(name_w, scene_text_width(in, FONT_LEGEND, ring_text));
    name_w = fmaxf(name_w, scene_text_width(in, FONT_LEGEND, range_text) - 0 * sc);
    float w = inner + 3 * swatch + 8 * sc + name_w + 14 * sc + count_w + inner;
    w = fmaxf(w, scene_text_width(in, FONT_LEGEND_HEAD, fat_head) + 2 * inner);
    const int key_counts[3] = {1, 10, 100};
    float key_h = 2 * scene_marker_radius(100, sc) + 4 * sc + scene_text_height(in, FONT_SMALL);
    float hh = scene_text_height(in, FONT_LEGEND_HEAD) + 6 * sc;
    bool aggregated = s->grid.kind != GRID_NONE;
    char ramp_head[96], km[16];
    cell_km(s, km, sizeof km);
    snprintf(ramp_head, sizeof ramp_head, "%s per %s km cell%s",
             s->grid.kind == GRID_HEAT_FATALITIES ? "Fatalities" : "Events", km,
             s->grid.kind == GRID_DENSITY ? "" : ", smoothed");
    const char *fade_text = "Older in the window: fainter";
    bool fade = in->fade && !(s->grid.kind != GRID_NONE);
    if (fade) name_w = fmaxf(name_w, scene_text_width(in, FONT_LEGEND, fade_text));
    if (aggregated) w = fmaxf(w, scene_text_width(in, FONT_LEGEND_HEAD, ramp_head) + 2 * inner);
    float ramp_h = 12 * sc + 4 * sc + scene_text_height(in, FONT_SMALL);
    /* Markers coloured by class, a grid drawn: the legend says the
     * classes are for markers (the grid counts every class alike). */
    char grid_note[96] = "";
    if (aggregated && s->classes.by != COLOR_BY_TYPE)
        snprintf(grid_note, sizeof grid_note, "Colour by %s: markers only, not the %s",
                 scene_color_by_name((ColorBy)s->classes.by),
                 s->grid.kind == GRID_DENSITY ? "density cells" : "heatmap");
    float note_h = grid_note[0] ? scene_text_height(in, FONT_SMALL) + 4 * sc : 0;
    if (grid_note[0]) w = fmaxf(w, scene_text_width(in, FONT_SMALL, grid_note) + 2 * inner);
    w = fmaxf(w, scene_text_width(in, FONT_LEGEND_HEAD, head) + 2 * inner);
    float h = aggregated ? inner + hh + rows.n * row + 8 * sc + hh + ramp_h + note_h + inner
                         : inner + hh + rows.n * row + 8 * sc + hh + key_h + 6 * sc +
                               (fade ? 3 : 2) * row + inner;
    /* At small sizes (a map under 540 px tall, as at 800x500, or a legend
     * that would take more than 45% of its height) it collapses so the map
     * stays usable: the type rows alone for markers, the colour ramp alone
     * for a grid. */
    float map_h = bottom - (float)s->view.y;
    bool compact = map_h < 540 || h > 0.45f * map_h;
    if (compact && aggregated) {
        w = scene_text_width(in, FONT_LEGEND_HEAD, ramp_head) + 2 * inner;
        if (grid_note[0]) w = fmaxf(w, scene_text_width(in, FONT_SMALL, grid_note) + 2 * inner);
        h = inner + hh + ramp_h + note_h + inner;
    } else if (compact) {
        w = inner + 3 * swatch + 8 * sc + type_w + 14 * sc + count_w + inner;
        w = fmaxf(w, scene_text_width(in, FONT_LEGEND_HEAD, head) + 2 * inner);
        h = inner + hh + rows.n * row + inner;
    }

    Box b = {s->width - pad - w, bottom - pad - h, s->width - pad, bottom - pad};
    if (s->legend_left) mirror(s, &b);
    scene_add_rect(s, b.x0, b.y0, w, h, PANEL, PANEL_BORDER, 1 * sc);
    float y = b.y0 + inner;
    if (!(compact && aggregated)) {
        scene_item_text(s, in, FONT_LEGEND_HEAD, b.x0 + inner, y, INK, 0, head);
        y += hh;
    }
    for (int k = 0; k < rows.n && !(compact && aggregated); k++) {
        SceneItem *it = scene_add_item(s, ITEM_MARKER);
        it->u.marker = (SceneMarker){b.x0 + inner + swatch, y + row / 2, swatch, 0,
                                     rows.color[k], MARKER_DOT, UINT32_MAX};
        uint32_t ink = rows.hidden[k] ? 0xFFAAAAAAu : INK;
        float th = scene_text_height(in, FONT_LEGEND);
        scene_item_text(s, in, FONT_LEGEND, b.x0 + inner + 2 * swatch + 8 * sc,
                  y + (row - th) / 2, ink, 0, rows.name[k]);
        float cw = scene_text_width(in, FONT_LEGEND, rows.count[k]);
        scene_item_text(s, in, FONT_LEGEND, b.x1 - inner - cw, y + (row - th) / 2, ink, 0,
                  rows.count[k]);
        int t = rows.type[k];
        if (t > 0) {                     /* a type's row: clicked, hides it */
            s->legend_entry[t][0] = b.x0;
            s->legend_entry[t][1] = y;
            s->legend_entry[t][2] = w;
            s->legend_entry[t][3] = row;
        }
        y += row;
    }
    if (compact && !aggregated) return b;
    if (!compact) y += 8 * sc;
    if (aggregated) {
        /* The density ramp, low to high, with its range. */
        scene_item_text(s, in, FONT_LEGEND_HEAD, b.x0 + inner, y, INK, 0, ramp_head);
        y += hh;
        float bar_w = w - 2 * inner;
        const int steps = 32;
        for (int k = 0; k < steps; k++)
            scene_add_rect(s, b.x0 + inner + bar_w * k / steps, y, bar_w / steps + 1, 12 * sc,
                           scene_ramp((k + 0.5f) / steps), 0, 0);
        /* The ramp's ends in numbers: the classes are fixed when class_max
         * is given (an animation), else the largest in view. */
        char lo[32], hi[32];
        bool heat = s->grid.kind != GRID_DENSITY;
        snprintf(lo, sizeof lo, heat ? "0" : "1");
        if (heat) snprintf(hi, sizeof hi, "%.3g", s->grid.max);
        else scene_format_count(in->class_max > 0 ? (int64_t)in->class_max
                                                  : (int64_t)s->grid.max_count, hi, sizeof hi);
        scene_item_text(s, in, FONT_SMALL, b.x0 + inner, y + 14 * sc, INK_SOFT, 0, lo);
        scene_item_text(s, in, FONT_SMALL, b.x1 - inner - scene_text_width(in, FONT_SMALL, hi),
                  y + 14 * sc, INK_SOFT, 0, hi);
        if (grid_note[0])
            scene_item_text(s, in, FONT_SMALL, b.x0 + inner, y + ramp_h + 2 * sc, INK_SOFT, 0,
                            grid_note);
        return b;
    }
    scene_item_text(s, in, FONT_LEGEND_HEAD, b.x0 + inner, y, INK, 0, fat_head);
    y += hh;
    /* Size key: circles for 1, 10 and 100 fatalities on one baseline. */
    float x = b.x0 + inner;
    float base = y + 2 * scene_marker_radius(100, sc);
    for (int k = 0; k < 3; k++) {
        float r = scene_marker_radius(key_counts[k], sc);
        SceneItem *it = scene_add_item(s, ITEM_MARKER);
        it->u.marker = (SceneMarker){x + r, base - r, r, 0, 0xFF9A9A9A, MARKER_DOT,
                                     UINT32_MAX};
        char num[16];
        snprintf(num, sizeof num, "%d", key_counts[k]);
        float nw = scene_text_width(in, FONT_SMALL, num);
        scene_item_text(s, in, FONT_SMALL, x + r - nw / 2, base + 3 * sc, INK_SOFT, 0, num);
        x += 2 * r + 18 * sc;
    }
    y += key_h + 6 * sc;
    /* Symbol key: ring = approximate location; outer ring = a range. */
    float th = scene_text_height(in, FONT_LEGEND);
    SceneItem *ring = scene_add_item(s, ITEM_MARKER);
    ring->u.marker = (SceneMarker){b.x0 + inner + swatch, y + row / 2, swatch, 0,
                                   0xFF6E6E6E, MARKER_RING, UINT32_MAX};
    scene_item_text(s, in, FONT_LEGEND, b.x0 + inner + 2 * swatch + 8 * sc, y + (row - th) / 2,
              INK, 0, ring_text);
    y += row;
    SceneItem *range = scene_add_item(s, ITEM_MARKER);
    range->u.marker = (SceneMarker){b.x0 + inner + swatch, y + row / 2, swatch * 0.6f,
                                    swatch, 0xFF6E6E6E, MARKER_DOT, UINT32_MAX};
    scene_item_text(s, in, FONT_LEGEND, b.x0 + inner + 2 * swatch + 8 * sc, y + (row - th) / 2,
              INK, 0, range_text);
    if (fade) {
        /* Three dots from faint to full: older events in the window fade. */
        y += row;
        for (int k = 0; k < 3; k++) {
            uint32_t alpha = (uint32_t)((0.3 + 0.35 * k) * 255);
            SceneItem *dot = scene_add_item(s, ITEM_MARKER);
            dot->u.marker = (SceneMarker){b.x0 + inner + swatch * 0.55f + k * swatch * 1.1f,
                                          y + row / 2, swatch * 0.5f, 0,
                                          (0x6E6E6Eu) | alpha << 24, MARKER_DOT, UINT32_MAX};
        }
        scene_item_text(s, in, FONT_LEGEND, b.x0 + inner + 3 * swatch + 8 * sc,
                        y + (row - th) / 2, INK, 0, fade_text);
    }
    return b;
}

/* A "nice" length (1, 2 or 5 x 10^n) not above `most`. */
static double nice_length(double most)
{
    double p = pow(10, floor(log10(most)));
    if (5 * p <= most) return 5 * p;
    if (2 * p <= most) return 2 * p;
    return p;
}

/* Scale bar, bottom-left: true at the map centre for this projection. */
Box scene_furniture_scale_bar(Scene *s, const SceneInput *in, float pad, float bottom)
{
    const float sc = s->scale;
    const View *v = &s->view;
    double lon, lat, kp = 1, km = 1;
    if (view_center_lonlat(v, &lon, &lat)) proj_scale(&v->proj, lon, lat, &kp, &km);
    double ground_per_px = v->mpp / kp;                 /* metres */
    double km_len = nice_length(180 * sc * ground_per_px / 1000);
    float px = (float)(km_len * 1000 / ground_per_px);
    float bar_h = 5 * sc;
    float th = scene_text_height(in, FONT_SMALL);
    float inner = 8 * sc;
    char label[32];
    snprintf(label, sizeof label, "%g km", km_len);
    float lw = scene_text_width(in, FONT_SMALL, label);
    Box b = {pad, bottom - pad - (th + bar_h + 2 * inner + 3 * sc),
             pad + px + lw / 2 + 2 * inner + 6 * sc, bottom - pad};
    if (s->legend_left) mirror(s, &b);
    scene_add_rect(s, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, PANEL, PANEL_BORDER, 1 * sc);
    float x0 = b.x0 + inner, y0 = b.y0 + inner + th + 3 * sc;
    for (int k = 0; k < 4; k++)
        scene_add_rect(s, x0 + k * px / 4, y0, px / 4, bar_h,
                  k % 2 ? 0xFFFFFFFFu : INK, INK, 1 * sc);
    scene_item_text(s, in, FONT_SMALL, x0 - scene_text_width(in, FONT_SMALL, "0") / 2, b.y0 + inner,
              INK, 0, "0");
    scene_item_text(s, in, FONT_SMALL, x0 + px - lw / 2, b.y0 + inner, INK, 0, label);
    return b;
}

/* A locator map for a zoomed figure, in the bottom corner the legend leaves
 * free, above the scale bar: the whole region with the view's box on it.
 * Only when the view shows less than 40% of the region's width. Returns
 * its box ({0} when there is none). */
Box scene_furniture_inset(Scene *s, const SceneInput *in, float pad, Box above)
{
    const View *v = &s->view;
    if (in->basemap == NULL) return (Box){0, 0, 0, 0};
    const float sc = s->scale;
    float w = 240 * sc, h = 0.56f * w;
    View iv;
    view_init(&iv, v->proj.kind, 0, 0, (int)w, (int)h);
    if (!view_fit_bbox(&iv, VIEW_SAHEL_LON0, VIEW_SAHEL_LAT0, VIEW_SAHEL_LON1, VIEW_SAHEL_LAT1))
        return (Box){0, 0, 0, 0};
    if (!(v->w * v->mpp < 0.4 * iv.w * iv.mpp)) return (Box){0, 0, 0, 0};
    if (above.y0 - pad - h < 3 * pad + 60 * sc) return (Box){0, 0, 0, 0};   /* no room */
    Box b = {s->legend_left ? s->width - pad - w : pad, above.y0 - pad * 0.6f - h, 0, 0};
    b.x1 = b.x0 + w;
    b.y1 = b.y0 + h;
    iv.x = (int)lroundf(b.x0);
    iv.y = (int)lroundf(b.y0);
    SceneItem *it = scene_add_item(s, ITEM_INSET);
    it->u.inset.basemap = in->basemap;
    it->u.inset.view = iv;
    const double corners[4][2] = {{v->x, v->y}, {v->x + v->w, v->y},
                                  {v->x + v->w, v->y + v->h}, {v->x, v->y + v->h}};
    for (int k = 0; k < 4; k++) {
        double px, py, sx, sy;
        view_from_screen(v, corners[k][0], corners[k][1], &px, &py);
        view_to_screen(&iv, px, py, &sx, &sy);
        it->u.inset.box[k][0] = (float)sx;
        it->u.inset.box[k][1] = (float)sy;
    }
    it->color = 0xFFD7263Du;                     /* the view's box: red */
    it->border = PANEL_BORDER;
    it->border_w = 1 * sc;
    return b;
}

/* North arrow, top-right: points to true north at the map centre. */
Box scene_furniture_north(Scene *s, const SceneInput *in, float pad)
{
    const float sc = s->scale;
    const View *v = &s->view;
    double angle = 0, lon, lat, x0, y0, x1, y1;
    if (view_center_lonlat(v, &lon, &lat) && lat < 89 &&
        proj_forward(&v->proj, lon, lat, &x0, &y0) &&
        proj_forward(&v->proj, lon, lat + 0.5, &x1, &y1))
        angle = atan2(x1 - x0, y1 - y0);   /* clockwise from up */
    float size = 34 * sc;
    Box b = {s->width - pad - size, pad, s->width - pad, pad + size + 16 * sc};
    if (s->title_right) mirror(s, &b);
    scene_add_rect(s, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, PANEL, PANEL_BORDER, 1 * sc);
    float cx = (b.x0 + b.x1) / 2, cy = b.y0 + 16 * sc + size / 2 - 2 * sc;
    float len = size * 0.38f, half = size * 0.16f;
    float ca = cosf((float)angle), sa = sinf((float)angle);
    /* Tip, right base, notch, left base; rotated by angle. */
    const float shape[4][2] = {{0, -len}, {half, len}, {0, len * 0.45f}, {-half, len}};
    SceneItem *it = scene_add_item(s, ITEM_POLYGON);
    it->color = INK;
    it->u.poly.n = 4;
    for (int k = 0; k < 4; k++) {
        it->u.poly.pts[k][0] = cx + shape[k][0] * ca - shape[k][1] * sa;
        it->u.poly.pts[k][1] = cy + shape[k][0] * sa + shape[k][1] * ca;
    }
    float nw = scene_text_width(in, FONT_LEGEND_HEAD, "N");
    scene_item_text(s, in, FONT_LEGEND_HEAD, cx - nw / 2, b.y0 + 3 * sc, INK, 0, "N");
    return b;
}

/* Credits strip along the bottom edge. Returns its top. */
float scene_furniture_credits(Scene *s, const SceneInput *in)
{
    const float sc = s->scale;
    char text[320];
    snprintf(text, sizeof text, "%s  \xc2\xb7  Basemap: Natural Earth; places: GeoNames"
                                "  \xc2\xb7  Made with sahelmap",
             in->event_credit ? in->event_credit : "Events: see data sources");
    float h = scene_text_height(in, FONT_SMALL) + 6 * sc;
    float top = (float)s->height - h;
    scene_add_rect(s, 0, top, (float)s->width, h, 0xD9FFFFFFu, 0, 0);
    float w = scene_text_width(in, FONT_SMALL, text);
    scene_item_text(s, in, FONT_SMALL, (float)s->width - w - 10 * sc, top + 3 * sc, INK_SOFT, 0,
              text);
    return top;
}
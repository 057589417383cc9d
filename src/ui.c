/*
 * ui: layout, drawing lists and hit-testing of the window's furniture.
 * See ui.h.
 *
 * Sections: layout and axis; histogram; timeline; panels.
 */
#include "ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xalloc.h"

#define UI_BG 0xF2FFFFFFu
#define UI_BORDER 0xFFB9B4ACu
#define UI_INK 0xFF2B2B2Bu
#define UI_SOFT 0xFF66625Cu
#define UI_WINDOW 0x222B6CB0u
#define UI_WINDOW_EDGE 0xFF2B6CB0u

/* ------------------------------------------------------------------------- */
/* Layout and axis                                                           */
/* ------------------------------------------------------------------------- */

void ui_layout(UiLayout *l, int width, int height, float scale)
{
    l->width = width;
    l->height = height;
    l->scale = scale;
    l->tl_h = roundf(132 * scale);
    if (l->tl_h > height / 2.0f) l->tl_h = roundf(height / 2.0f);
    l->tl_x = 0;
    l->tl_y = height - l->tl_h;
    l->tl_w = (float)width;
    l->map_h = l->tl_y;
    float info_w = roundf(300 * scale);
    if (info_w > width * 0.4f) info_w = roundf(width * 0.4f);
    l->bars_x = info_w + roundf(12 * scale);
    l->bars_w = width - l->bars_x - roundf(14 * scale);
    if (l->bars_w < 10) l->bars_w = 10;
    l->bars_y = l->tl_y + roundf(12 * scale);
    l->bars_h = l->tl_h - roundf(12 * scale) - roundf(34 * scale);
    if (l->bars_h < 4) l->bars_h = 4;
}

double ui_day_to_x(const UiLayout *l, const Timeline *t, double day)
{
    double span = (double)(t->axis1 - t->axis0 + 1);
    return l->bars_x + (day - t->axis0) / span * l->bars_w;
}

double ui_x_to_day(const UiLayout *l, const Timeline *t, double x)
{
    double span = (double)(t->axis1 - t->axis0 + 1);
    return t->axis0 + (x - l->bars_x) / l->bars_w * span;
}

/* ------------------------------------------------------------------------- */
/* Histogram                                                                 */
/* ------------------------------------------------------------------------- */

/* Whether a colouring is by type (no classes). */
static bool by_type(const SceneClasses *c)
{
    return c == NULL || c->by == COLOR_BY_TYPE;
}

bool ui_histogram_counts_by(const Histogram *h, const SceneClasses *classes)
{
    const SceneClasses *held = &h->classes;
    if (by_type(classes) || by_type(held)) return by_type(classes) == by_type(held);
    return held->by == classes->by && held->n == classes->n &&
           memcmp(held->key, classes->key, (size_t)held->n * sizeof held->key[0]) == 0;
}

void ui_histogram(Histogram *h, const EventSet *set, const uint8_t *visible,
                  uint32_t type_mask, const SceneClasses *classes, const Timeline *t,
                  const UiLayout *l)
{
    bool by_class = !by_type(classes);
    h->classes = by_class ? *classes : (SceneClasses){.by = COLOR_BY_TYPE};
    h->bin = timeline_bin(t, (int)l->bars_w);
    h->nbins = 0;
    h->max_total = 0;
    /* Bin boundaries over the axis. */
    int32_t day = timeline_bin_start(h->bin, t->axis0);
    for (;;) {
        size_t need = h->nbins + 2;
        if (need > h->cap) {
            h->cap = need * 2;
            h->start = xrealloc(h->start, h->cap * sizeof *h->start);
            h->count = xrealloc(h->count, h->cap * UI_HIST_KINDS * sizeof *h->count);
        }
        h->start[h->nbins] = day;
        if (day > t->axis1) break;
        h->nbins++;
        day = timeline_bin_next(h->bin, day);
    }
    memset(h->count, 0, h->nbins * UI_HIST_KINDS * sizeof *h->count);
    if (h->nbins == 0) return;
    size_t lo, hi;
    events_range(set, h->start[0], h->start[h->nbins] - 1, &lo, &hi);
    size_t b = 0;
    for (size_t i = lo; i < hi; i++) {
        if (!(type_mask & (1u << set->type[i]))) continue;
        if (visible != NULL && !visible[i]) continue;
        while (b + 1 < h->nbins && set->day[i] >= h->start[b + 1]) b++;
        int kind = by_class ? scene_class_of(&h->classes, set, i) : set->type[i];
        h->count[b * UI_HIST_KINDS + kind]++;
    }
    for (size_t k = 0; k < h->nbins; k++) {
        uint32_t total = 0;
        for (int kind = 0; kind < UI_HIST_KINDS; kind++)
            total += h->count[k * UI_HIST_KINDS + kind];
        if (total > h->max_total) h->max_total = total;
    }
}

void ui_histogram_free(Histogram *h)
{
    free(h->start);
    free(h->count);
    memset(h, 0, sizeof *h);
}

/* ------------------------------------------------------------------------- */
/* Timeline                                                                  */
/* ------------------------------------------------------------------------- */

UiTimelinePart ui_timeline_hit(const UiLayout *l, const Timeline *t, double x,
                               double y, int32_t *day)
{
    *day = (int32_t)floor(ui_x_to_day(l, t, x));
    if (y < l->tl_y || y >= l->tl_y + l->tl_h || x < 0 || x >= l->width)
        return UI_TL_NONE;
    if (x < l->bars_x || x > l->bars_x + l->bars_w) return UI_TL_PANEL;
    if (y > l->bars_y + l->bars_h + 4 * l->scale) return UI_TL_AXIS;
    double x0 = ui_day_to_x(l, t, t->day0), x1 = ui_day_to_x(l, t, t->day1 + 1);
    double grip = 6 * l->scale;
    if (fabs(x - x0) <= grip && x1 - x0 > 2 * grip) return UI_TL_EDGE_START;
    if (fabs(x - x1) <= grip) return UI_TL_EDGE_END;
    if (x > x0 && x < x1) return UI_TL_WINDOW;
    return UI_TL_PLOT;
}

static void text_at(Scene *s, SceneFont font, float x, float y, uint32_t color,
                    const char *text, SceneMeasure measure, void *ctx, float *w_out)
{
    float w = 0, h = 0;
    measure(ctx, font, text, &w, &h);
    scene_add_text(s, font, x, y, w, h, color, 0, text);
    if (w_out) *w_out = w;
}

/* Date labels under the plot: years, months or days depending on the
 * axis, each placed only if it clears the previous one. */
static void axis_labels(Scene *s, const UiLayout *l, const Timeline *t,
                        SceneMeasure measure, void *ctx)
{
    static const char *months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const float sc = l->scale;
    double days = t->axis1 - t->axis0 + 1;
    double px_per_day = l->bars_w / days;
    /* Tick kind: yearly, monthly or daily, the finest whose labels fit. */
    int kind = px_per_day * 30.4 < 40 * sc ? 0 : px_per_day < 24 * sc ? 1 : 2;
    float last_end = -1e9f;
    float y = l->bars_y + l->bars_h + 4 * sc;
    int y0, m0, d0;
    date_to_ymd(t->axis0, &y0, &m0, &d0);
    int32_t day = kind == 0 ? date_from_ymd(y0, 1, 1)
                : kind == 1 ? date_from_ymd(y0, m0, 1) : t->axis0;
    int step_years = 1;
    if (kind == 0) while (px_per_day * 365 * step_years < 44 * sc) step_years++;
    for (int guard = 0; day <= t->axis1 && guard < 5000; guard++) {
        int yy, mm, dd;
        date_to_ymd(day, &yy, &mm, &dd);
        char label[32];
        if (kind == 0) snprintf(label, sizeof label, "%d", yy);
        else if (kind == 1) snprintf(label, sizeof label, mm == 1 || last_end < 0 ? "%s %d" : "%s", months[mm - 1], yy);
        else snprintf(label, sizeof label, dd == 1 || last_end < 0 ? "%d %s" : "%d", dd, months[mm - 1]);
        float x = (float)ui_day_to_x(l, t, day);
        float w = 0, h = 0;
        measure(ctx, FONT_SMALL, label, &w, &h);
        if (day >= t->axis0 && x - 2 * sc > last_end && x + w <= l->bars_x + l->bars_w + 30 * sc) {
            scene_add_rect(s, x, l->bars_y + l->bars_h, 1 * sc, 3 * sc, UI_SOFT, 0, 0);
            scene_add_text(s, FONT_SMALL, x + 2 * sc, y, w, h, UI_SOFT, 0, label);
            last_end = x + 2 * sc + w + 8 * sc;
        }
        day = kind == 0 ? date_from_ymd(yy + step_years, 1, 1)
            : kind == 1 ? (mm == 12 ? date_from_ymd(yy + 1, 1, 1) : date_from_ymd(yy, mm + 1, 1))
            : day + 1;
    }
}

void ui_build_timeline(Scene *s, const UiLayout *l, const Timeline *t,
                       const Histogram *h, const UiTimelineInfo *info,
                       SceneMeasure measure, void *ctx)
{
    const float sc = l->scale;
    scene_add_rect(s, l->tl_x, l->tl_y, l->tl_w, l->tl_h, UI_BG, 0, 0);
    scene_add_rect(s, l->tl_x, l->tl_y, l->tl_w, 1 * sc, UI_BORDER, 0, 0);

    /* Bars, stacked in the map's colours: by type (Unknown on top), or by
     * its colour classes (Other on top). */
    bool by_class = !by_type(&h->classes);
    int nkinds = by_class ? h->classes.n + 1 : EVENT_TYPE_COUNT;
    if (h->max_total > 0) {
        for (size_t b = 0; b < h->nbins; b++) {
            float x0 = (float)ui_day_to_x(l, t, h->start[b]);
            float x1 = (float)ui_day_to_x(l, t, h->start[b + 1]);
            x0 = fmaxf(x0, l->bars_x);
            x1 = fminf(x1, l->bars_x + l->bars_w);
            if (x1 <= x0) continue;
            float w = fmaxf(1.0f, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
            float y = l->bars_y + l->bars_h;
            for (int k = 0; k < nkinds; k++) {
                int kind = by_class ? k : (k + 1) % EVENT_TYPE_COUNT;
                uint32_t n = h->count[b * UI_HIST_KINDS + kind];
                if (n == 0) continue;
                float bh = l->bars_h * (float)n / (float)h->max_total;
                y -= bh;
                uint32_t color = by_class ? h->classes.color[kind]
                                          : scene_type_color((EventType)kind);
                scene_add_rect(s, x0, y, w, bh, color, 0, 0);
            }
        }
    }
    scene_add_rect(s, l->bars_x, l->bars_y + l->bars_h, l->bars_w, 1 * sc, UI_SOFT, 0, 0);

    /* The window over the bars, with grips at both edges. */
    float wx0 = (float)ui_day_to_x(l, t, t->day0), wx1 = (float)ui_day_to_x(l, t, t->day1 + 1);
    wx0 = fmaxf(wx0, l->bars_x - 1);
    wx1 = fminf(wx1, l->bars_x + l->bars_w + 1);
    if (wx1 > wx0) {
        if (wx1 - wx0 < 2 * sc) wx1 = wx0 + 2 * sc;
        scene_add_rect(s, wx0, l->bars_y - 4 * sc, wx1 - wx0, l->bars_h + 8 * sc,
                       UI_WINDOW, UI_WINDOW_EDGE, 1.5f * sc);
        scene_add_rect(s, wx0 - 2 * sc, l->bars_y + l->bars_h / 2 - 8 * sc, 4 * sc, 16 * sc,
                       UI_WINDOW_EDGE, 0, 0);
        scene_add_rect(s, wx1 - 2 * sc, l->bars_y + l->bars_h / 2 - 8 * sc, 4 * sc, 16 * sc,
                       UI_WINDOW_EDGE, 0, 0);
    }
    axis_labels(s, l, t, measure, ctx);

    /* The info column: dates, counts, playback. */
    float x = 12 * sc, y = l->tl_y + 10 * sc;
    char d0[32], d1[32], line[256], ev[32], fat[32], lo[32], hi[32];
    scene_format_day(t->day0, d0, sizeof d0);
    scene_format_day(t->day1, d1, sizeof d1);
    if (t->day0 == t->day1) snprintf(line, sizeof line, "%s", d1);
    else snprintf(line, sizeof line, "%s \xe2\x80\x93 %s", d0, d1);
    float fh = 0, fw = 0;
    measure(ctx, FONT_LEGEND_HEAD, line, &fw, &fh);
    text_at(s, FONT_LEGEND_HEAD, x, y, UI_INK, line, measure, ctx, NULL);
    y += fh + 3 * sc;
    scene_format_count((int64_t)info->events, ev, sizeof ev);
    scene_format_count(info->fatalities, fat, sizeof fat);
    snprintf(line, sizeof line, "%s event%s in the time window \xc2\xb7 %s fatalit%s", ev,
             info->events == 1 ? "" : "s", fat, info->fatalities == 1 ? "y" : "ies");
    text_at(s, FONT_LEGEND, x, y, UI_INK, line, measure, ctx, NULL);
    measure(ctx, FONT_LEGEND, line, &fw, &fh);
    y += fh + 1 * sc;
    if (info->fatalities_low != info->fatalities || info->fatalities_high != info->fatalities) {
        scene_format_count(info->fatalities_low, lo, sizeof lo);
        scene_format_count(info->fatalities_high, hi, sizeof hi);
        snprintf(line, sizeof line, "reported range %s \xe2\x80\x93 %s", lo, hi);
        text_at(s, FONT_SMALL, x, y, UI_SOFT, line, measure, ctx, NULL);
    }
    y += fh + 2 * sc;
    const char *speed_unit = "days/s";
    double speed = t->speed;
    if (speed >= 365) { speed /= 365; speed_unit = speed == 1 ? "year/s" : "years/s"; }
    else if (speed == 1) speed_unit = "day/s";
    char what[64];
    if (t->mode == TIMELINE_MOVING)
        snprintf(what, sizeof what, "a %d-day moving window", t->day1 - t->day0 + 1);
    else
        snprintf(what, sizeof what, "%s", timeline_mode_name(t->mode));
    snprintf(line, sizeof line, "%s %s \xc2\xb7 %g %s%s",
             t->playing ? "\xe2\x96\xb6 playing" : "\xe2\x96\xa0 paused", what, speed, speed_unit,
             t->loop ? " \xc2\xb7 loop" : "");
    text_at(s, FONT_SMALL, x, y, UI_SOFT, line, measure, ctx, NULL);
    measure(ctx, FONT_SMALL, line, &fw, &fh);
    y += fh + 2 * sc;
    if (info->filter_text && info->filter_text[0]) {
        snprintf(line, sizeof line, "filter: %s", info->filter_text);
        text_at(s, FONT_SMALL, x, y, 0xFFB0470Du, line, measure, ctx, NULL);
    } else {
        text_at(s, FONT_SMALL, x, y, UI_SOFT, "? for keys and mouse", measure, ctx, NULL);
    }
}

/* ------------------------------------------------------------------------- */
/* Panels                                                                    */
/* ------------------------------------------------------------------------- */

/* Appends `text` wrapped to max_w; returns the height used. */
static float wrapped(Scene *s, SceneFont font, float x, float y, float max_w,
                     uint32_t color, const char *text, SceneMeasure measure,
                     void *ctx, bool draw)
{
    char line[512];
    size_t len = strlen(text), pos = 0;
    float total = 0;
    while (pos < len) {
        /* Longest run of words from pos that fits. */
        size_t best = 0, k = pos;
        while (k <= len) {
            size_t end = k;
            while (end < len && text[end] != ' ') end++;
            size_t n = end - pos;
            if (n >= sizeof line) n = sizeof line - 1;
            memcpy(line, text + pos, n);
            line[n] = '\0';
            float w = 0, h = 0;
            measure(ctx, font, line, &w, &h);
            if (w > max_w && best > 0) break;
            best = n;
            if (end >= len) break;
            k = end + 1;
        }
        if (best == 0) best = len - pos < sizeof line - 1 ? len - pos : sizeof line - 1;
        memcpy(line, text + pos, best);
        line[best] = '\0';
        float w = 0, h = 0;
        measure(ctx, font, line, &w, &h);
        if (draw) scene_add_text(s, font, x, y + total, w, h, color, 0, line);
        total += h;
        pos += best;
        while (pos < len && text[pos] == ' ') pos++;
    }
    return total;
}

static SceneFont line_font(const char *line, bool first)
{
    return first ? FONT_LEGEND_HEAD : line[0] == '#' ? FONT_LEGEND_HEAD : FONT_LEGEND;
}

void ui_build_tooltip(Scene *s, const UiLayout *l, float x, float y,
                      const char *const *lines, int nlines, SceneMeasure measure,
                      void *ctx)
{
    const float sc = l->scale, pad = 8 * sc, margin = 4 * sc;
    float max_w = fminf(420 * sc, l->width - 2 * margin - 2 * pad);
    if (max_w < 40 * sc) max_w = 40 * sc;
    float w = 0, h = 0;
    for (int i = 0; i < nlines; i++) {
        float lw = 0, lh = 0;
        measure(ctx, line_font(lines[i], i == 0), lines[i], &lw, &lh);
        w = fmaxf(w, fminf(lw, max_w));
        h += wrapped(s, line_font(lines[i], i == 0), 0, 0, max_w, 0, lines[i], measure, ctx,
                     false);
    }
    float bw = w + 2 * pad, bh = h + 2 * pad;
    float bx = x + 16 * sc, by = y + 16 * sc;
    if (bx + bw > l->width - margin) bx = x - 16 * sc - bw;     /* left of the pointer */
    if (by + bh > l->map_h - margin) by = y - 16 * sc - bh;     /* above it */
    bx = fmaxf(margin, fminf(bx, l->width - margin - bw));
    by = fmaxf(margin, fminf(by, l->map_h - margin - bh));
    scene_add_rect(s, bx, by, bw, bh, 0xF7FFFFFFu, UI_BORDER, 1 * sc);
    float cy = by + pad;
    for (int i = 0; i < nlines; i++)
        cy += wrapped(s, line_font(lines[i], i == 0), bx + pad, cy, max_w,
                      i == 0 ? UI_INK : 0xFF3C3C3Cu, lines[i], measure, ctx, true);
}

void ui_build_side_panel(Scene *s, const UiLayout *l, const char *const *lines,
                         int nlines, SceneMeasure measure, void *ctx)
{
    ui_build_list_panel(s, l, NULL, NULL, 0, -1, lines, nlines, measure, ctx, NULL);
}

/* Field k (0-based) of a tab-separated row into out. */
static void row_field(const char *row, int k, char *out, size_t cap)
{
    for (; k > 0 && row; k--) {
        row = strchr(row, '\t');
        if (row) row++;
    }
    size_t n = 0;
    if (row) {
        const char *end = strchr(row, '\t');
        n = end ? (size_t)(end - row) : strlen(row);
    }
    if (n >= cap) n = cap - 1;
    if (row) memcpy(out, row, n);
    out[n] = '\0';
}

void ui_fit_text(SceneMeasure measure, void *ctx, SceneFont font, const char *text,
                 float max_w, char *out, size_t cap)
{
    snprintf(out, cap, "%s", text);
    float w = 0, h = 0;
    measure(ctx, font, out, &w, &h);
    if (w <= max_w) return;
    /* The longest prefix (at a character boundary) that fits with the
     * ellipsis, found by bisection: a few measures, not one a character. */
    size_t lo = 0, hi = strlen(out);
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > lo && ((unsigned char)text[mid] & 0xC0) == 0x80) mid--;
        if (mid == lo) {           /* no boundary in (lo, hi]: step past one */
            mid = lo + 1;
            while (mid < hi && ((unsigned char)text[mid] & 0xC0) == 0x80) mid++;
        }
        snprintf(out, cap, "%.*s\xe2\x80\xa6", (int)mid, text);
        measure(ctx, font, out, &w, &h);
        if (w <= max_w) lo = mid;
        else hi = mid - 1;
        while (hi > lo && ((unsigned char)text[hi] & 0xC0) == 0x80) hi--;
    }
    while (lo > 0 && text[lo - 1] == ' ') lo--;
    snprintf(out, cap, "%.*s\xe2\x80\xa6", (int)lo, text);
}

#define UI_COLUMNS 4

void ui_build_list_panel(Scene *s, const UiLayout *l, const char *heading,
                         const char *const *rows, int nrows, int selected,
                         const char *const *lines, int nlines, SceneMeasure measure,
                         void *ctx, UiPanel *out)
{
    const float sc = l->scale, pad = 12 * sc, gap = 10 * sc;
    float w = fminf(440 * sc, l->width * 0.45f);
    float x = l->width - w - 14 * sc, y = 86 * sc;
    float inner = w - 2 * pad;
    float max_h = l->map_h - y - 14 * sc;
    UiPanel p = {x, y, w, 0, nrows > 0 ? nrows : 0, 0, 0, x + pad, 0, inner, 0};

    /* The list: heading, then as many rows as half the panel holds. */
    float head_h = 0, col_w[UI_COLUMNS] = {0};
    char field[256], head[300];
    if (p.nrows > 0) {
        float fw = 0, fh = 0;
        measure(ctx, FONT_LEGEND, "0", &fw, &fh);
        p.row_h = roundf(fh + 4 * sc);
        for (int r = 0; r < nrows; r++)
            for (int k = 0; k < UI_COLUMNS - 1; k++) {
                row_field(rows[r], k, field, sizeof field);
                measure(ctx, FONT_LEGEND, field, &fw, &fh);
                col_w[k] = fmaxf(col_w[k], fw);
            }
        col_w[3] = inner - col_w[0] - col_w[1] - col_w[2] - 3 * gap;
        int room = (int)((max_h * 0.55f) / p.row_h);
        p.shown = nrows < room ? nrows : room < 3 ? (nrows < 3 ? nrows : 3) : room;
        if (selected < 0) selected = 0;
        if (selected >= nrows) selected = nrows - 1;
        p.first = selected - p.shown / 2;
        if (p.first > nrows - p.shown) p.first = nrows - p.shown;
        if (p.first < 0) p.first = 0;
        if (p.shown < nrows)
            snprintf(head, sizeof head, "%.200s \xc2\xb7 %d\xe2\x80\x93%d shown",
                     heading ? heading : "", p.first + 1, p.first + p.shown);
        else
            snprintf(head, sizeof head, "%.200s", heading ? heading : "");
        head_h = wrapped(s, FONT_LEGEND_HEAD, 0, 0, inner, 0, head, measure, ctx, false) + 4 * sc;
    }
    float list_h = p.nrows > 0 ? head_h + p.shown * p.row_h + 8 * sc : 0;

    float h = 2 * pad + list_h;
    for (int i = 0; i < nlines; i++) {
        const char *text = lines[i][0] == '#' ? lines[i] + 1 : lines[i];
        h += wrapped(s, line_font(lines[i], i == 0), 0, 0, inner, 0, text, measure, ctx,
                     false) + 3 * sc;
    }
    if (h > max_h) h = max_h;
    p.h = h;
    p.rows_y = y + pad + head_h;
    if (out) *out = p;
    if (s == NULL) return;

    scene_add_rect(s, x, y, w, h, 0xFFFFFFFFu, UI_BORDER, 1 * sc);   /* opaque */
    float cy = y + pad;
    if (p.nrows > 0) {
        wrapped(s, FONT_LEGEND_HEAD, x + pad, cy, inner, UI_INK, head, measure, ctx, true);
        for (int r = p.first; r < p.first + p.shown; r++) {
            float ry = p.rows_y + (r - p.first) * p.row_h;
            if (r == selected)
                scene_add_rect(s, x + pad - 4 * sc, ry, inner + 8 * sc, p.row_h, 0xFFDDE8F4u,
                               UI_WINDOW_EDGE, 1 * sc);
            float cx = x + pad;
            for (int k = 0; k < UI_COLUMNS; k++) {
                char cut[256];
                row_field(rows[r], k, field, sizeof field);
                ui_fit_text(measure, ctx, FONT_LEGEND, field, fmaxf(col_w[k], 0), cut, sizeof cut);
                float fw = 0, fh = 0;
                measure(ctx, FONT_LEGEND, cut, &fw, &fh);
                float tx = k == 2 ? cx + col_w[k] - fw : cx;     /* fatalities: right */
                if (cut[0])
                    scene_add_text(s, FONT_LEGEND, tx, ry + 2 * sc, fw, fh,
                                   r == selected ? UI_INK : 0xFF3C3C3Cu, 0, cut);
                cx += col_w[k] + gap;
            }
        }
        cy += list_h;
        scene_add_rect(s, x + pad, cy - 5 * sc, inner, 1 * sc, UI_BORDER, 0, 0);
    }
    for (int i = 0; i < nlines; i++) {
        const char *text = lines[i][0] == '#' ? lines[i] + 1 : lines[i];
        SceneFont font = line_font(lines[i], i == 0);
        float need = wrapped(s, font, 0, 0, inner, 0, text, measure, ctx, false);
        if (cy + need > y + h - pad) break;
        wrapped(s, font, x + pad, cy, inner, UI_INK, text, measure, ctx, true);
        cy += need + 3 * sc;
    }
}

bool ui_panel_contains(const UiPanel *p, float x, float y)
{
    return p->w > 0 && x >= p->x && x < p->x + p->w && y >= p->y && y < p->y + p->h;
}

int ui_panel_row(const UiPanel *p, float x, float y)
{
    if (!ui_panel_contains(p, x, y) || p->shown <= 0 || p->row_h <= 0) return -1;
    float k = (y - p->rows_y) / p->row_h;
    if (k < 0 || k >= p->shown) return -1;
    return p->first + (int)k;
}

bool ui_build_highlight(Scene *s, const UiLayout *l, const Scene *map, uint32_t event)
{
    const SceneMarker *m = scene_find_marker(map, event);
    if (m == NULL || m->y < 0 || m->y >= l->map_h || m->x < 0 || m->x >= l->width)
        return false;
    const float sc = l->scale;
    float r = fmaxf(m->r, m->r_high) + 5 * sc;
    scene_add_symbol(s, (SceneMarker){m->x, m->y, r + 1.5f * sc, 0, 0xFFFFFFFFu, MARKER_RING,
                                      UINT32_MAX});
    scene_add_symbol(s, (SceneMarker){m->x, m->y, r, 0, 0xFF1A1A1Au, MARKER_RING, UINT32_MAX});
    return true;
}

void ui_build_help(Scene *s, const UiLayout *l, const char *const (*rows)[2],
                   int nrows, SceneMeasure measure, void *ctx)
{
    const float sc = l->scale;
    /* The legend's fonts, or the small one when they do not fit the window. */
    SceneFont key_font = FONT_LEGEND_HEAD, text_font = FONT_LEGEND;
    float pad = 16 * sc, kw = 0, mw = 0, rh = 0, w = 0, h = 0;
    for (int pass = 0; pass < 2; pass++) {
        kw = mw = rh = 0;
        for (int i = 0; i < nrows; i++) {
            float tw = 0, th = 0;
            measure(ctx, key_font, rows[i][0], &tw, &th);
            kw = fmaxf(kw, tw);
            rh = fmaxf(rh, th);
            measure(ctx, text_font, rows[i][1], &tw, &th);
            mw = fmaxf(mw, tw);
        }
        w = kw + mw + 3 * pad;
        h = nrows * (rh + 2 * sc) + 2 * pad;
        if (w <= l->width - 8 * sc && h <= l->height - 16 * sc) break;
        key_font = text_font = FONT_SMALL;
        pad = 10 * sc;
    }
    float x = (l->width - w) / 2, y = fmaxf(8 * sc, (l->map_h - h) / 2);
    if (y + h > l->height - 8 * sc) y = fmaxf(0, l->height - 8 * sc - h);
    scene_add_rect(s, x, y, w, h, 0xFAFFFFFFu, UI_BORDER, 1 * sc);
    for (int i = 0; i < nrows; i++) {
        float cy = y + pad + i * (rh + 2 * sc);
        text_at(s, key_font, x + pad, cy, UI_INK, rows[i][0], measure, ctx, NULL);
        text_at(s, text_font, x + 2 * pad + kw, cy, 0xFF3C3C3Cu, rows[i][1], measure, ctx,
                NULL);
    }
}

void ui_build_filter_box(Scene *s, const UiLayout *l, const char *text,
                         SceneMeasure measure, void *ctx)
{
    ui_build_text_box(s, l, "Filter", text,
                      "actor, place, admin area or notes \xc2\xb7 Enter: keep \xc2\xb7 Esc: clear",
                      measure, ctx);
}

void ui_build_text_box(Scene *s, const UiLayout *l, const char *prompt, const char *text,
                       const char *hint, SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc;
    char line[FILTER_TEXT_MAX + 64];
    snprintf(line, sizeof line, "%.30s: %s\xe2\x96\x8f", prompt, text);
    float w1 = 0, h1 = 0, w2 = 0, h2 = 0;
    measure(ctx, FONT_SUBTITLE, line, &w1, &h1);
    measure(ctx, FONT_SMALL, hint, &w2, &h2);
    float w = fmaxf(fmaxf(w1, w2), 360 * sc) + 2 * pad;
    float x = (l->width - w) / 2, y = 90 * sc;
    scene_add_rect(s, x, y, w, h1 + h2 + 2 * pad + 2 * sc, 0xFCFFFFFFu, UI_WINDOW_EDGE, 2 * sc);
    scene_add_text(s, FONT_SUBTITLE, x + pad, y + pad, w1, h1, UI_INK, 0, line);
    scene_add_text(s, FONT_SMALL, x + pad, y + pad + h1 + 2 * sc, w2, h2, UI_SOFT, 0, hint);
}

void ui_build_frame_stats(Scene *s, const UiLayout *l, const FrameTimes *t,
                          SceneMeasure measure, void *ctx)
{
    static const char *const labels[] = {"scene", "raster", "render", "present",
                                         "total", "interval"};
    static const char *const heads[3] = {"last", "p50", "p95"};
    const float sc = l->scale, pad = 10 * sc, gap = 14 * sc;
    const FrameSample *last = frametime_last(t);
    const uint32_t ink = 0xFFF2F2F2u, soft = 0xFFB8B8B8u;
    char cell[FRAME_STEP_COUNT][3][32], foot[128];
    float w = 0, h = 0, label_w = 0, col_w = 0, rh = 0;
    measure(ctx, FONT_LEGEND_HEAD, "Frame times, ms", &w, &rh);
    float head_w = w;
    if (last == NULL) {
        snprintf(foot, sizeof foot, "No frames yet");
    } else {
        for (int k = 0; k < FRAME_STEP_COUNT; k++) {
            double v[3] = {last->ms[k], frametime_percentile(t, (FrameStep)k, 50),
                           frametime_percentile(t, (FrameStep)k, 95)};
            for (int c = 0; c < 3; c++) snprintf(cell[k][c], sizeof cell[k][c], "%.1f", v[c]);
        }
        char ev[32];
        scene_format_count((int64_t)last->events_drawn, ev, sizeof ev);
        double p50 = frametime_percentile(t, FRAME_INTERVAL, 50);
        unsigned long long kept = t->count < FRAMETIME_WINDOW ? t->count : FRAMETIME_WINDOW;
        if (p50 > 0)
            snprintf(foot, sizeof foot, "%s events drawn \xc2\xb7 %.0f fps \xc2\xb7 %llu frames",
                     ev, 1000.0 / p50, kept);
        else
            snprintf(foot, sizeof foot, "%s events drawn \xc2\xb7 %llu frame%s", ev, kept,
                     kept == 1 ? "" : "s");
    }
    for (int k = 0; k < FRAME_STEP_COUNT; k++) {
        measure(ctx, FONT_LEGEND, labels[k], &w, &h);
        label_w = fmaxf(label_w, w);
        rh = fmaxf(rh, h);
    }
    measure(ctx, FONT_LEGEND, "0000.0", &col_w, &h);
    float foot_w = 0, foot_h = 0;
    measure(ctx, FONT_SMALL, foot, &foot_w, &foot_h);
    int rows = last == NULL ? 0 : FRAME_STEP_COUNT + 1;     /* heads + steps */
    float table_w = last == NULL ? 0 : label_w + 3 * (gap + col_w);
    float bw = fmaxf(fmaxf(table_w, foot_w), head_w) + 2 * pad;
    float bh = 2 * pad + rh + 3 * sc + rows * rh + 3 * sc + foot_h;
    float x = 12 * sc, y = 12 * sc;
    if (bw > l->width - x) bw = l->width - x;
    if (bh > l->map_h - y) bh = fmaxf(0, l->map_h - y);
    scene_add_rect(s, x, y, bw, bh, 0xD8202020u, 0, 0);
    float cy = y + pad;
    text_at(s, FONT_LEGEND_HEAD, x + pad, cy, ink, "Frame times, ms", measure, ctx, NULL);
    cy += rh + 3 * sc;
    for (int r = 0; r < rows; r++) {
        if (cy + rh > y + bh) break;
        if (r > 0) text_at(s, FONT_LEGEND, x + pad, cy, soft, labels[r - 1], measure, ctx, NULL);
        for (int c = 0; c < 3; c++) {
            const char *text = r == 0 ? heads[c] : cell[r - 1][c];
            SceneFont font = r == 0 ? FONT_SMALL : FONT_LEGEND;
            float tw = 0, th = 0;
            measure(ctx, font, text, &tw, &th);
            float right = x + pad + label_w + (float)(c + 1) * (gap + col_w);
            scene_add_text(s, font, right - tw, cy, tw, th, r == 0 ? soft : ink, 0, text);
        }
        cy += rh;
    }
    cy += 3 * sc;
    if (cy + foot_h <= y + bh + 0.5f)
        scene_add_text(s, FONT_SMALL, x + pad, cy, fminf(foot_w, bw - 2 * pad), foot_h, soft, 0,
                       foot);
}

void ui_build_toast(Scene *s, const UiLayout *l, const char *text,
                    SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc;
    float w = 0, h = 0;
    measure(ctx, FONT_LEGEND, text, &w, &h);
    float x = (l->width - w) / 2 - pad, y = l->map_h - h - 2 * pad - 40 * sc;
    scene_add_rect(s, x, y, w + 2 * pad, h + 2 * pad, 0xEE2B2B2Bu, 0, 0);
    scene_add_text(s, FONT_LEGEND, x + pad, y + pad, w, h, 0xFFFFFFFFu, 0, text);
}

void ui_build_progress(Scene *s, const UiLayout *l, const char *text, double fraction,
                       SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 14 * sc;
    float w = 0, h = 0;
    measure(ctx, FONT_LEGEND, text, &w, &h);
    float bw = fmaxf(w, 420 * sc) + 2 * pad, bh = h + 2 * pad + 16 * sc;
    float x = (l->width - bw) / 2, y = (l->map_h - bh) / 2;
    if (fraction < 0) fraction = 0;
    if (fraction > 1) fraction = 1;
    scene_add_rect(s, x, y, bw, bh, 0xF7FFFFFFu, UI_BORDER, 1 * sc);
    scene_add_text(s, FONT_LEGEND, x + pad, y + pad, w, h, UI_INK, 0, text);
    float track = bw - 2 * pad;
    scene_add_rect(s, x + pad, y + pad + h + 6 * sc, track, 8 * sc, 0xFFE4E2DEu, 0, 0);
    scene_add_rect(s, x + pad, y + pad + h + 6 * sc, (float)(track * fraction), 8 * sc,
                   UI_WINDOW_EDGE, 0, 0);
}

/*
 * ui_table: the event table and the place checklist, laid out, drawn as
 * scene items and hit-tested. See ui_table.h.
 *
 * Sections: the table; the checklist.
 */
#include "ui_table.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define UT_BG 0xFFFFFFFFu
#define UT_BORDER 0xFFB9B4ACu
#define UT_INK 0xFF2B2B2Bu
#define UT_TEXT 0xFF3C3C3Cu
#define UT_SOFT 0xFF66625Cu
#define UT_STRIPE 0xFFF3F1ECu
#define UT_HEAD 0xFFE9E6E0u
#define UT_SELECT 0xFFDDE8F4u
#define UT_EDGE 0xFF2B6CB0u

static float text_h(SceneMeasure measure, void *ctx, SceneFont font)
{
    float w = 0, h = 0;
    measure(ctx, font, "0", &w, &h);
    return h;
}

/* text cut to max_w, drawn at (x, y); right-aligned at x + max_w when right. */
static void cell(Scene *s, SceneFont font, float x, float y, float max_w, bool right,
                 uint32_t color, const char *text, SceneMeasure measure, void *ctx)
{
    char cut[512];
    if (max_w <= 0 || text[0] == '\0') return;
    ui_fit_text(measure, ctx, font, text, max_w, cut, sizeof cut);
    float w = 0, h = 0;
    measure(ctx, font, cut, &w, &h);
    scene_add_text(s, font, right ? x + max_w - w : x, y, w, h, color, 0, cut);
}

/* A vertical scroll bar at x: the track of height h, the thumb for rows
 * [first, first + shown) of n. */
static void scroll_bar(Scene *s, float x, float y, float w, float h, long n, long first,
                       int shown)
{
    if (n <= shown || n <= 0) return;
    scene_add_rect(s, x, y, w, h, 0xFFE4E2DEu, 0, 0);
    float th = fmaxf(h * (float)shown / (float)n, 2 * w);
    float ty = y + (h - th) * (float)first / (float)(n - shown);
    scene_add_rect(s, x, ty, w, th, 0xFF9A958Cu, 0, 0);
}

/* ------------------------------------------------------------------------- */
/* The table                                                                 */
/* ------------------------------------------------------------------------- */

/* Heights of the title line, the headers and a row. */
static void table_metrics(const UiLayout *l, SceneMeasure measure, void *ctx, float *fixed,
                          float *head_h, float *row_h)
{
    const float sc = l->scale, pad = 10 * sc;
    float head_font = text_h(measure, ctx, FONT_LEGEND_HEAD);
    *row_h = roundf(text_h(measure, ctx, FONT_LEGEND) + 5 * sc);
    *head_h = roundf(head_font + 6 * sc);
    *fixed = roundf(pad * 0.6f + head_font + 4 * sc + *head_h + pad / 2);
}

float ui_table_height(const UiLayout *l, SceneMeasure measure, void *ctx)
{
    float fixed, head_h, row_h;
    table_metrics(l, measure, ctx, &fixed, &head_h, &row_h);
    /* About two fifths of the map, at least three rows; the map keeps at
     * least half its height. */
    float h = fixed + floorf((l->map_h * 0.42f - fixed) / row_h) * row_h;
    if (h < fixed + 3 * row_h) h = fixed + 3 * row_h;
    if (h > l->map_h * 0.5f) h = fixed + fmaxf(1, floorf((l->map_h * 0.5f - fixed) / row_h)) * row_h;
    return h;
}

void ui_table_layout(UiTable *t, const UiLayout *l, long nrows, long first,
                     SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc;
    memset(t, 0, sizeof *t);
    float fixed;
    table_metrics(l, measure, ctx, &fixed, &t->head_h, &t->row_h);
    float head_font = text_h(measure, ctx, FONT_LEGEND_HEAD);
    t->w = (float)l->width;
    t->x = 0;
    t->y = l->map_h;
    t->h = l->tl_y - l->map_h;
    t->shown = (int)floorf((t->h - fixed) / t->row_h);
    if (t->shown < 1) t->shown = 1;
    t->title_y = t->y + roundf(pad * 0.6f);
    t->head_y = t->title_y + head_font + 4 * sc;
    t->rows_y = t->head_y + t->head_h;
    t->nrows = nrows;
    long most = nrows - t->shown;
    if (first > most) first = most;
    if (first < 0) first = 0;
    t->first = first;

    /* Columns: date, type and fatalities as wide as their widest text;
     * place and actors share the rest. */
    float wd = 0, wt = 0, wf = 0, dummy = 0;
    measure(ctx, FONT_LEGEND, "0000-00-00", &wd, &dummy);
    measure(ctx, FONT_LEGEND, "Against civilians", &wt, &dummy);
    measure(ctx, FONT_LEGEND_HEAD, "Fatalities \xe2\x96\xbc", &wf, &dummy);
    float gap = 12 * sc, bar = 8 * sc;
    float inner = t->w - 2 * pad - bar;
    /* In a narrow window the type column gives way first. */
    float rest = inner - wd - wf - 4 * gap;
    if (rest - wt < 200 * sc) wt = fmaxf(60 * sc, rest - 200 * sc);
    rest = fmaxf(inner - wd - wt - wf - 3 - 4 * gap, 40 * sc);
    /* (A pixel of slack: the sums below must not cut what was measured.) */
    float widths[TABLE_COLUMN_COUNT] = {wd + 1, wt + 1, rest * 0.45f, rest * 0.55f, wf + 1};
    float x = t->x + pad;
    for (int c = 0; c < TABLE_COLUMN_COUNT; c++) {
        t->col_x[c] = x;
        x += widths[c] + (c + 1 < TABLE_COLUMN_COUNT ? gap : 0);
    }
    t->col_x[TABLE_COLUMN_COUNT] = x;
}

void ui_build_table(Scene *s, const UiLayout *l, const UiTable *t, const char *title,
                    const char *const *cells, long selected, TableColumn sort,
                    bool descending, SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc, gap = 12 * sc;
    scene_add_rect(s, t->x, t->y, t->w, t->h, UT_BG, 0, 0);
    scene_add_rect(s, t->x, t->y, t->w, 1 * sc, UT_BORDER, 0, 0);
    cell(s, FONT_LEGEND_HEAD, t->x + pad, t->title_y, t->w - 2 * pad, false, UT_INK, title,
         measure, ctx);

    /* Headers: click to sort, the sorted one with its direction. */
    float right_end = t->col_x[TABLE_COLUMN_COUNT];
    scene_add_rect(s, t->x + pad - 4 * sc, t->head_y, right_end - t->x - pad + 8 * sc, t->head_h,
                   UT_HEAD, 0, 0);
    float head_font = text_h(measure, ctx, FONT_LEGEND_HEAD);
    for (int c = 0; c < TABLE_COLUMN_COUNT; c++) {
        char head[64];
        snprintf(head, sizeof head, "%s%s", table_column_name((TableColumn)c),
                 c != (int)sort ? "" : descending ? " \xe2\x96\xbc" : " \xe2\x96\xb2");
        float w = t->col_x[c + 1] - t->col_x[c] - (c + 1 < TABLE_COLUMN_COUNT ? gap : 0);
        cell(s, FONT_LEGEND_HEAD, t->col_x[c], t->head_y + (t->head_h - head_font) / 2, w,
             c == TABLE_FATALITIES, c == (int)sort ? UT_EDGE : UT_INK, head, measure, ctx);
    }

    /* The rows shown. */
    float row_font = text_h(measure, ctx, FONT_LEGEND);
    long shown = t->nrows - t->first < t->shown ? t->nrows - t->first : t->shown;
    for (long r = 0; r < shown; r++) {
        long row = t->first + r;
        float y = t->rows_y + (float)r * t->row_h;
        if (row == selected)
            scene_add_rect(s, t->x + pad - 4 * sc, y, right_end - t->x - pad + 8 * sc, t->row_h,
                           UT_SELECT, UT_EDGE, 1 * sc);
        else if (row % 2 == 1)
            scene_add_rect(s, t->x + pad - 4 * sc, y, right_end - t->x - pad + 8 * sc, t->row_h,
                           UT_STRIPE, 0, 0);
        for (int c = 0; c < TABLE_COLUMN_COUNT; c++) {
            float w = t->col_x[c + 1] - t->col_x[c] - (c + 1 < TABLE_COLUMN_COUNT ? gap : 0);
            cell(s, FONT_LEGEND, t->col_x[c], y + (t->row_h - row_font) / 2, w,
                 c == TABLE_FATALITIES, row == selected ? UT_INK : UT_TEXT,
                 cells[r * TABLE_COLUMN_COUNT + c], measure, ctx);
        }
    }
    if (t->nrows == 0)
        cell(s, FONT_LEGEND, t->x + pad, t->rows_y + 4 * sc, t->w - 2 * pad, false, UT_SOFT,
             "No events in view in this time window", measure, ctx);
    scroll_bar(s, t->x + t->w - pad / 2 - 6 * sc, t->rows_y, 6 * sc,
               (float)t->shown * t->row_h, t->nrows, t->first, t->shown);
}

bool ui_table_contains(const UiTable *t, float x, float y)
{
    return t->w > 0 && x >= t->x && x < t->x + t->w && y >= t->y && y < t->y + t->h;
}

int ui_table_header(const UiTable *t, float x, float y)
{
    if (!ui_table_contains(t, x, y) || y < t->head_y || y >= t->head_y + t->head_h) return -1;
    for (int c = 0; c < TABLE_COLUMN_COUNT; c++)
        if (x >= t->col_x[c] - 6 && x < t->col_x[c + 1] + 6) return c;
    return -1;
}

long ui_table_row(const UiTable *t, float x, float y)
{
    if (!ui_table_contains(t, x, y) || y < t->rows_y || t->row_h <= 0) return -1;
    long k = (long)floorf((y - t->rows_y) / t->row_h);
    if (k >= t->shown || t->first + k >= t->nrows) return -1;
    return t->first + k;
}

/* ------------------------------------------------------------------------- */
/* The checklist                                                             */
/* ------------------------------------------------------------------------- */

void ui_checklist_layout(UiChecklist *c, const UiLayout *l, float bottom, long nitems,
                         long first, SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc;
    memset(c, 0, sizeof *c);
    c->w = fminf(340 * sc, l->width * 0.4f);
    c->x = 14 * sc;
    c->y = 100 * sc;            /* under the title */
    if (bottom - 10 * sc - c->y < 120 * sc) c->y = fmaxf(8 * sc, bottom - 10 * sc - 120 * sc);
    float head = text_h(measure, ctx, FONT_LEGEND_HEAD);
    c->item_h = roundf(text_h(measure, ctx, FONT_LEGEND) + 5 * sc);
    c->find_y = c->y + pad + head + 4 * sc;
    c->find_h = roundf(text_h(measure, ctx, FONT_LEGEND) + 6 * sc);
    c->items_y = c->find_y + c->find_h + 4 * sc;
    float room = bottom - 10 * sc - c->items_y - pad;
    int fit = (int)floorf(room / c->item_h);
    if (fit < 1) fit = 1;
    c->shown = nitems < fit ? (int)nitems : fit;
    c->h = c->items_y - c->y + (float)(c->shown > 0 ? c->shown : 1) * c->item_h + pad;
    c->nitems = nitems;
    long most = nitems - c->shown;
    if (first > most) first = most;
    if (first < 0) first = 0;
    c->first = first;
}

void ui_build_checklist(Scene *s, const UiLayout *l, const UiChecklist *c, const char *title,
                        const char *find, bool finding, const UiCheckItem *items,
                        SceneMeasure measure, void *ctx)
{
    const float sc = l->scale, pad = 10 * sc;
    scene_add_rect(s, c->x, c->y, c->w, c->h, 0xFFFFFFFFu, UT_BORDER, 1 * sc);
    cell(s, FONT_LEGEND_HEAD, c->x + pad, c->y + pad, c->w - 2 * pad, false, UT_INK, title,
         measure, ctx);
    float font_h = text_h(measure, ctx, FONT_LEGEND), bar = 8 * sc;
    float inner = c->w - 2 * pad - bar;
    /* The find box. */
    scene_add_rect(s, c->x + pad, c->find_y, c->w - 2 * pad, c->find_h, 0xFFFFFFFFu,
                   finding ? UT_EDGE : UT_BORDER, (finding ? 1.5f : 1) * sc);
    char text[160];
    if (finding || find[0])
        snprintf(text, sizeof text, "Find: %s%s", find, finding ? "\xe2\x96\x8f" : "");
    else
        snprintf(text, sizeof text, "Find: click and type a name");
    cell(s, FONT_LEGEND, c->x + pad + 5 * sc, c->find_y + (c->find_h - font_h) / 2,
         c->w - 2 * pad - 10 * sc, false, finding || find[0] ? UT_INK : UT_SOFT, text, measure,
         ctx);
    float count_w = 0, dummy = 0;
    measure(ctx, FONT_LEGEND, "000,000", &count_w, &dummy);
    for (int k = 0; k < c->shown && c->first + k < c->nitems; k++) {
        const UiCheckItem *it = &items[k];
        float y = c->items_y + (float)k * c->item_h, ty = y + (c->item_h - font_h) / 2;
        if (it->heading) {
            cell(s, FONT_LEGEND_HEAD, c->x + pad, ty, inner, false, UT_SOFT, it->name, measure,
                 ctx);
            scene_add_rect(s, c->x + pad, y + c->item_h - 2 * sc, inner, 1 * sc, UT_BORDER, 0, 0);
            continue;
        }
        float box = roundf(font_h * 0.8f), bx = c->x + pad, by = y + (c->item_h - box) / 2;
        scene_add_rect(s, bx, by, box, box, it->checked ? UT_EDGE : 0xFFFFFFFFu, UT_SOFT, 1 * sc);
        if (it->checked) {      /* a tick, centred in the box */
            float tw = 0, th = 0;
            measure(ctx, FONT_SMALL, "\xe2\x9c\x93", &tw, &th);
            scene_add_text(s, FONT_SMALL, bx + (box - tw) / 2, by + (box - th) / 2, tw, th,
                           0xFFFFFFFFu, 0, "\xe2\x9c\x93");
        }
        char count[32];
        scene_format_count((int64_t)it->count, count, sizeof count);
        float name_x = bx + box + 6 * sc;
        float name_w = inner - (name_x - c->x - pad) - count_w - 8 * sc;
        char text[256];
        snprintf(text, sizeof text, "%s%s%s", it->name, it->note ? ", " : "",
                 it->note ? it->note : "");
        cell(s, FONT_LEGEND, name_x, ty, name_w, false, it->checked ? UT_INK : UT_TEXT, text,
             measure, ctx);
        cell(s, FONT_LEGEND, c->x + pad + inner - count_w, ty, count_w, true, UT_SOFT, count,
             measure, ctx);
    }
    if (c->nitems == 0)
        cell(s, FONT_LEGEND, c->x + pad, c->items_y, inner, false, UT_SOFT,
             find[0] ? "No place found" : "No places in this time window", measure, ctx);
    scroll_bar(s, c->x + c->w - pad / 2 - 6 * sc, c->items_y, 6 * sc,
               (float)c->shown * c->item_h, c->nitems, c->first, c->shown);
}

bool ui_checklist_contains(const UiChecklist *c, float x, float y)
{
    return c->w > 0 && x >= c->x && x < c->x + c->w && y >= c->y && y < c->y + c->h;
}

long ui_checklist_item(const UiChecklist *c, float x, float y)
{
    if (!ui_checklist_contains(c, x, y) || y < c->items_y || c->item_h <= 0) return -1;
    long k = (long)floorf((y - c->items_y) / c->item_h);
    if (k >= c->shown || c->first + k >= c->nitems) return -1;
    return c->first + k;
}

bool ui_checklist_on_find(const UiChecklist *c, float x, float y)
{
    return ui_checklist_contains(c, x, y) && y >= c->find_y && y < c->find_y + c->find_h;
}

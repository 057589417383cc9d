/*
 * app_table: the window's event table (T) and place checklist (W), and
 * the one selection path every pick goes through (a marker, a stack's
 * row, a table row). The table's rows are the events in view and in the
 * time window after the filters, collected and sorted again only when the
 * data, the filters, the window or the view has changed (and not on every
 * frame of a pan, a zoom or playback); only the rows shown get texts. The
 * checklist counts the time window's events by country and admin-1 area
 * (the other filters applied) and ticks edit the filter's place lists, so
 * the map, the counts, the legend and the export command follow. See
 * app_private.h.
 */
#include "app_private.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

#define APP_FLY_MPP 1500.0        /* a table click zooms in to at least this */
#define APP_TABLE_BUSY_MS 300     /* while playing, rows and counts at most this often */

/* ------------------------------------------------------------------------- */
/* Selection                                                                 */
/* ------------------------------------------------------------------------- */

void app_select(App *app, const uint32_t *events, int n, int pick)
{
    if (n <= 0) {
        app->details = false;
        app->npicks = 0;
        return;
    }
    if (n > APP_MAX_PICKS) n = APP_MAX_PICKS;
    if (events != app->picks) memmove(app->picks, events, (size_t)n * sizeof *events);
    app->npicks = n;
    app->pick = pick >= 0 && pick < n ? pick : 0;
    app->details = true;
    app->table.reveal = true;     /* the table scrolls to it once rebuilt */
    app->dirty = true;
}

/* The map area left free by the panels: its centre. */
static void free_centre(const App *app, double *sx, double *sy)
{
    float sc = app->scale;
    float left = app->places.open ? app->places.ui.x + app->places.ui.w : 0;
    float right = app->w - (fminf(440 * sc, app->w * 0.45f) + 14 * sc);   /* the details */
    if (right - left < 100 * sc) right = (float)app->w;
    *sx = (left + right) / 2.0;
    *sy = app->layout.map_h / 2.0;
}

void app_fly_to(App *app, uint32_t event)
{
    if (event >= app->set.count || isnan(app->px[event])) return;
    double sx, sy;
    free_centre(app, &sx, &sy);
    View *v = &app->view;
    v->cx = app->px[event] - (sx - v->x - v->w * 0.5) * v->mpp;
    v->cy = app->py[event] + (sy - v->y - v->h * 0.5) * v->mpp;
    app->zoom_target = fmin(app->zoom_target, APP_FLY_MPP);
    app->zoom_ax = sx;
    app->zoom_ay = sy;
    app_view_touched(app);
}

/* ------------------------------------------------------------------------- */
/* Rows and counts                                                           */
/* ------------------------------------------------------------------------- */

static uint32_t selected_event(const App *app)
{
    return app->details && app->npicks > 0 && app->load_errors.n == 0 ? app->picks[app->pick]
                                                                       : UINT32_MAX;
}

/* Collects the rows again when what they show has changed; true when
 * they are the current ones (not kept from before a move). */
static bool update_rows(App *app, bool moving)
{
    TableState *t = &app->table;
    size_t lo, hi;
    events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
    bool same = t->valid && t->lo == lo && t->hi == hi && t->mask == app->filter.type_mask &&
                t->gen == app->filter_gen && app_view_equal(&t->view, &app->view);
    Uint32 now = SDL_GetTicks();
    /* Not while the view moves (once it rests), and a few times a second
     * while playing. */
    if (same) return true;
    if ((t->valid && moving) ||
        (t->valid && app->tl.playing && now - t->built_at < APP_TABLE_BUSY_MS))
        return false;
    if (t->gen != app->filter_gen) t->first = 0;      /* other filters: from the top */
    table_collect(&t->rows, &app->set, lo, hi, app->filter.type_mask, app->visible, app->px,
                  app->py, &app->view);
    t->valid = true;
    t->lo = lo;
    t->hi = hi;
    t->mask = app->filter.type_mask;
    t->gen = app->filter_gen;
    t->view = app->view;
    t->built_at = now;
    t->builds++;
    return true;
}

/* The row of the selected event (cached: a million rows are not searched
 * on every frame). */
static long selected_row(App *app)
{
    TableState *t = &app->table;
    uint32_t ev = selected_event(app);
    if (ev != t->sel_event || t->sel_builds != t->builds) {
        t->sel_event = ev;
        t->sel_builds = t->builds;
        t->sel_row = ev == UINT32_MAX ? -1 : table_find(&t->rows, ev);
    }
    return t->sel_row;
}

static void update_counts(App *app)
{
    ChecklistState *c = &app->places;
    size_t lo, hi;
    events_range(&app->set, app->tl.day0, app->tl.day1, &lo, &hi);
    bool same = c->valid && c->lo == lo && c->hi == hi && c->mask == app->filter.type_mask &&
                c->gen == app->filter_gen;
    Uint32 now = SDL_GetTicks();
    if (same || (c->valid && app->tl.playing && now - c->counted_at < APP_TABLE_BUSY_MS))
        return;
    c->counted_at = now;
    bool placed = app->filter.country[0] || app->filter.admin1[0];
    checklist_count(&c->list, &app->set, lo, hi, app->filter.type_mask,
                    placed ? app->unplaced : app->visible, app->filter.country);
    c->valid = true;
    c->lo = lo;
    c->hi = hi;
    c->mask = app->filter.type_mask;
    c->gen = app->filter_gen;
}

/* The checklist's items: a heading, the countries, a heading, the areas;
 * with a find text, the places whose name (or country) holds it. */
static void update_items(App *app)
{
    ChecklistState *c = &app->places;
    const StrPool *pool = &app->set.strings;
    char find[sizeof c->find];                       /* lowered once */
    for (size_t k = 0; k < sizeof find; k++) find[k] = (char)tolower((unsigned char)c->find[k]);
    c->nitems = 0;
    for (size_t r = 0; r <= c->list.count; r++) {
        for (int head = 0; head < 2; head++) {       /* both when there is no country */
            if (r != (head == 0 ? 0 : c->list.ncountries)) continue;
            c->items = xgrow(c->items, &c->items_cap, c->nitems + 1, sizeof *c->items);
            c->items[c->nitems++] = head == 0 ? -1 : -2;
        }
        if (r == c->list.count) break;
        const ChecklistRow *row = &c->list.rows[r];
        if (find[0] && !filter_contains(strpool_get(pool, row->admin1), find) &&
            !filter_contains(strpool_get(pool, row->country), find))
            continue;
        c->items = xgrow(c->items, &c->items_cap, c->nitems + 1, sizeof *c->items);
        c->items[c->nitems++] = (int32_t)r;
    }
}

/* Item k: its checklist row, or NULL for a heading. */
static const ChecklistRow *item_row(const ChecklistState *c, long k)
{
    if (k < 0 || k >= (long)c->nitems || c->items[k] < 0) return NULL;
    return &c->list.rows[c->items[k]];
}

/* ------------------------------------------------------------------------- */
/* Building                                                                  */
/* ------------------------------------------------------------------------- */

static void build_table(App *app, bool fresh)
{
    TableState *t = &app->table;
    const UiLayout *l = &app->layout;
    long sel = selected_row(app);
    ui_table_layout(&t->ui, l, (long)t->rows.count, t->first, render_measure, &app->r);
    if (t->reveal && fresh && sel >= 0) {           /* once the rows are the view's */
        if (sel < t->ui.first || sel >= t->ui.first + t->ui.shown)
            ui_table_layout(&t->ui, l, (long)t->rows.count, sel - t->ui.shown / 2,
                            render_measure, &app->r);
        t->reveal = false;
    }
    t->first = t->ui.first;
    /* Texts for the rows shown only. */
    enum { MAXCELLS = 64 * TABLE_COLUMN_COUNT };
    static const int cap = 200;
    char text[MAXCELLS][200];
    const char *cells[MAXCELLS];
    int shown = t->ui.shown < 64 ? t->ui.shown : 64;
    for (int r = 0; r < shown; r++) {
        long row = t->ui.first + r;
        for (int c = 0; c < TABLE_COLUMN_COUNT; c++) {
            char *out = text[r * TABLE_COLUMN_COUNT + c];
            out[0] = '\0';
            if (row < (long)t->rows.count)
                table_cell(&app->set, t->rows.rows[row], (TableColumn)c, out, (size_t)cap);
            cells[r * TABLE_COLUMN_COUNT + c] = out;
        }
    }
    char title[300], n[32], d0[32], d1[32];
    scene_format_count((int64_t)t->rows.count, n, sizeof n);
    scene_format_day(app->tl.day0, d0, sizeof d0);
    scene_format_day(app->tl.day1, d1, sizeof d1);
    long last = t->ui.first + t->ui.shown < (long)t->rows.count ? t->ui.first + t->ui.shown
                                                               : (long)t->rows.count;
    snprintf(title, sizeof title,
             "%s event%s in view, %s \xe2\x80\x93 %s \xc2\xb7 rows %ld\xe2\x80\x93%ld \xc2\xb7 "
             "click a header to sort, a row to go there \xc2\xb7 T closes",
             n, t->rows.count == 1 ? "" : "s", d0, d1, t->rows.count ? t->ui.first + 1 : 0,
             last);
    ui_build_table(&app->ui, l, &t->ui, title, cells, sel, t->rows.sort, t->rows.descending,
                   render_measure, &app->r);
}

static void build_checklist(App *app)
{
    ChecklistState *c = &app->places;
    const UiLayout *l = &app->layout;
    update_items(app);
    ui_checklist_layout(&c->ui, l, l->map_h, (long)c->nitems, c->first, render_measure, &app->r);
    c->first = c->ui.first;
    UiCheckItem items[256];
    char heads[2][160];
    int nticked = filter_places_count(app->filter.country);
    snprintf(heads[0], sizeof heads[0], "Countries%s", nticked ? "" : " (none ticked: all)");
    snprintf(heads[1], sizeof heads[1], "Admin-1 areas%s", nticked ? " of those ticked" : "");
    const StrPool *pool = &app->set.strings;
    for (int k = 0; k < c->ui.shown && k < 256; k++) {
        long item = c->ui.first + k;
        const ChecklistRow *row = item_row(c, item);
        if (row == NULL) {
            items[k] = (UiCheckItem){heads[c->items[item] == -1 ? 0 : 1], NULL, 0, true, false};
            continue;
        }
        bool area = row->admin1 != 0;
        const char *name = strpool_get(pool, area ? row->admin1 : row->country);
        const char *list = area ? app->filter.admin1 : app->filter.country;
        items[k] = (UiCheckItem){name, area && nticked != 1 ? strpool_get(pool, row->country) : NULL,
                                 row->events, false, filter_places_has(list, name)};
    }
    ui_build_checklist(&app->ui, l, &c->ui, "Places: events in the time window", c->find,
                       c->finding, items, render_measure, &app->r);
}

void app_table_build(App *app, bool moving)
{
    memset(&app->table.ui, 0, sizeof app->table.ui);
    memset(&app->places.ui, 0, sizeof app->places.ui);
    if (app->table.open) {
        bool fresh = update_rows(app, moving);
        build_table(app, fresh);
    }
    if (app->places.open) {
        update_counts(app);
        build_checklist(app);
    }
}

bool app_table_covers(const App *app, float x, float y)
{
    return ui_table_contains(&app->table.ui, x, y) ||
           ui_checklist_contains(&app->places.ui, x, y);
}

/* ------------------------------------------------------------------------- */
/* Input                                                                     */
/* ------------------------------------------------------------------------- */

/* A tick or an untick; unticking a country unticks its areas too. */
static void toggle_place(App *app, const ChecklistRow *row)
{
    const StrPool *pool = &app->set.strings;
    bool area = row->admin1 != 0;
    const char *name = strpool_get(pool, area ? row->admin1 : row->country);
    char *list = area ? app->filter.admin1 : app->filter.country;
    bool was = filter_places_has(list, name);
    if (!filter_places_toggle(list, FILTER_PLACES_MAX, name)) {
        app_say(app, "Cannot tick %.100s: too many places ticked", name);
        return;
    }
    if (!area && was) {
        const Checklist *c = &app->places.list;
        for (size_t r = c->ncountries; r < c->count; r++) {
            const char *a = strpool_get(pool, c->rows[r].admin1);
            if (c->rows[r].country == row->country && filter_places_has(app->filter.admin1, a))
                filter_places_toggle(app->filter.admin1, FILTER_PLACES_MAX, a);
        }
    }
    app->country_pick = app->admin1_pick = 0;
    app_refilter(app);
}

bool app_table_click(App *app, float x, float y)
{
    if (ui_checklist_on_find(&app->places.ui, x, y)) {
        app->places.finding = true;
        SDL_StartTextInput();
        app->dirty = true;
        return true;
    }
    if (app->places.finding) {            /* a click elsewhere ends the typing */
        app->places.finding = false;
        SDL_StopTextInput();
    }
    if (ui_checklist_contains(&app->places.ui, x, y)) {
        const ChecklistRow *row = item_row(&app->places,
                                           ui_checklist_item(&app->places.ui, x, y));
        if (row != NULL) toggle_place(app, row);
        app->dirty = true;
        return true;
    }
    if (!ui_table_contains(&app->table.ui, x, y)) return false;
    TableState *t = &app->table;
    int col = ui_table_header(&t->ui, x, y);
    if (col >= 0) {
        table_click_header(&t->rows, &app->set, (TableColumn)col);
        t->builds++;
        t->first = 0;
    }
    long row = ui_table_row(&t->ui, x, y);
    if (row >= 0 && row < (long)t->rows.count && t->gen == app->filter_gen) {
        uint32_t ev = t->rows.rows[row];
        app_select(app, &ev, 1, 0);
        app_fly_to(app, ev);
    }
    app->dirty = true;
    return true;
}

bool app_table_wheel(App *app, float x, float y, double amount)
{
    long step = (long)lround(-amount * 3);
    if (step == 0) step = amount > 0 ? -1 : 1;
    if (ui_checklist_contains(&app->places.ui, x, y)) {
        app->places.first += step;
    } else if (ui_table_contains(&app->table.ui, x, y)) {
        app->table.first += step;
    } else {
        return false;
    }
    app->dirty = true;
    return true;
}

bool app_table_scroll(App *app, double rows, bool pages)
{
    if (!app->table.open) return false;
    double n = pages ? fmax(1, app->table.ui.shown - 1) * rows : rows;
    app->table.first += (long)n;
    if (app->table.first < 0) app->table.first = 0;
    app->dirty = true;
    return true;
}

bool app_table_text(App *app, const SDL_Event *ev)
{
    ChecklistState *c = &app->places;
    if (!c->finding || !c->open) return false;
    size_t len = strlen(c->find);
    if (ev->type == SDL_TEXTINPUT) {
        size_t add = strlen(ev->text.text);
        if (len + add < sizeof c->find) memcpy(c->find + len, ev->text.text, add + 1);
        c->first = 0;
    } else if (ev->type == SDL_KEYDOWN) {
        switch (ev->key.keysym.sym) {
        case SDLK_BACKSPACE:
            while (len > 0 && ((unsigned char)c->find[len - 1] & 0xC0) == 0x80) len--;
            if (len > 0) c->find[len - 1] = '\0';
            break;
        case SDLK_ESCAPE:
            c->find[0] = '\0';
            /* fall through */
        case SDLK_RETURN: case SDLK_KP_ENTER:
            c->finding = false;
            SDL_StopTextInput();
            break;
        default: break;
        }
    }
    app->dirty = true;
    return true;
}

/* ------------------------------------------------------------------------- */
/* For the window tests, and the end                                         */
/* ------------------------------------------------------------------------- */

void app_table_say(App *app)
{
    char line[400];
    snprintf(line, sizeof line, "in view %zu", app->job ? 0 : app->scene.events_in_view);
    const TableState *t = &app->table;
    long last = t->ui.first + t->ui.shown < (long)t->rows.count ? t->ui.first + t->ui.shown
                                                               : (long)t->rows.count;
    char selected[48] = "";
    if (t->sel_row >= 0 && t->sel_event != UINT32_MAX)
        snprintf(selected, sizeof selected, ", selected row %ld", t->sel_row + 1);
    if (app->table.open && app->table.valid)
        snprintf(line + strlen(line), sizeof line - strlen(line),
                 "; table %zu rows from %ld to %ld by %s %s%s (header y %.0f, rows y %.0f, "
                 "row h %.0f)",
                 app->table.rows.count, app->table.ui.first + 1, last,
                 table_column_name(app->table.rows.sort),
                 app->table.rows.descending ? "descending" : "ascending", selected,
                 app->table.ui.head_y / app->pixel_ratio, app->table.ui.rows_y / app->pixel_ratio,
                 app->table.ui.row_h / app->pixel_ratio);
    if (app->places.open && app->places.valid)
        snprintf(line + strlen(line), sizeof line - strlen(line),
                 "; checklist %zu places, %zu items (items y %.0f, item h %.0f)",
                 app->places.list.count, app->places.nitems,
                 app->places.ui.items_y / app->pixel_ratio,
                 app->places.ui.item_h / app->pixel_ratio);
    if (strcmp(line, app->table.said) == 0) return;
    snprintf(app->table.said, sizeof app->table.said, "%s", line);
    printf("%s\n", line);
}

void app_table_free(App *app)
{
    table_free(&app->table.rows);
    checklist_free(&app->places.list);
    free(app->places.items);
    app->places.items = NULL;
    free(app->unplaced);
    app->unplaced = NULL;
}

/*
 * ui_table: the window's event table (a panel between the map and the timeline)
 * and its place checklist (a panel on the map's left), laid out and
 * hit-tested without drawing, then appended to a Scene as items like the
 * rest of the ui. The caller gives only the texts of the rows shown (the
 * table is virtual: a million rows cost nothing here).
 */
#ifndef SAHELMAP_UI_TABLE_H
#define SAHELMAP_UI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "scene.h"
#include "table.h"
#include "ui.h"

/* Where the table panel and its parts are. */
typedef struct UiTable {
    float x, y, w, h;                     /* the panel (w 0: none) */
    float title_y;                        /* its title line */
    float head_y, head_h;                 /* the column headers */
    float col_x[TABLE_COLUMN_COUNT + 1];  /* column edges, left to right */
    float rows_y, row_h;                  /* the first shown row's top */
    long nrows, first;                    /* rows [first, first + shown) show */
    int shown;                            /* rows the panel holds */
} UiTable;

/* The table's height for a layout without it: about two fifths of the
 * map's, whole rows. The window takes it off the map's bottom (map_h). */
float ui_table_height(const UiLayout *l, SceneMeasure measure, void *ctx);

/* Lays the table out between the map (which ends at l->map_h) and the
 * timeline, for nrows rows, the first shown as near `first` as the rows
 * allow (clamped). */
void ui_table_layout(UiTable *t, const UiLayout *l, long nrows, long first,
                     SceneMeasure measure, void *ctx);

/* Draws it: `title` on its first line, the headers (the sorted one with
 * an arrow), then the shown rows' cells (cells[r * TABLE_COLUMN_COUNT +
 * c] for shown row r; texts cut with an ellipsis to their column), the
 * row of event `selected` (absolute row index, -1: none) marked. */
void ui_build_table(Scene *s, const UiLayout *l, const UiTable *t, const char *title,
                    const char *const *cells, long selected, TableColumn sort,
                    bool descending, SceneMeasure measure, void *ctx);

bool ui_table_contains(const UiTable *t, float x, float y);
/* The header under (x, y), or -1. */
int ui_table_header(const UiTable *t, float x, float y);
/* The absolute row under (x, y), or -1. */
long ui_table_row(const UiTable *t, float x, float y);

/* One line of the checklist: a heading, or a place with its count. */
typedef struct UiCheckItem {
    const char *name;
    const char *note;            /* softer text after the name, or NULL */
    size_t count;
    bool heading, checked;
} UiCheckItem;

typedef struct UiChecklist {
    float x, y, w, h;            /* the panel (w 0: none) */
    float find_y, find_h;        /* the find box: click to type */
    float items_y, item_h;
    long nitems, first;
    int shown;
} UiChecklist;

/* Lays the checklist out on the map's left, above `bottom` (the table's
 * top, or the map's bottom), for nitems items from `first` (clamped). */
void ui_checklist_layout(UiChecklist *c, const UiLayout *l, float bottom, long nitems,
                         long first, SceneMeasure measure, void *ctx);

/* Draws it: a title, the find box with `find` (a caret while typing),
 * then the shown items (items[k] is item first + k). */
void ui_build_checklist(Scene *s, const UiLayout *l, const UiChecklist *c, const char *title,
                        const char *find, bool finding, const UiCheckItem *items,
                        SceneMeasure measure, void *ctx);

bool ui_checklist_contains(const UiChecklist *c, float x, float y);
/* The item under (x, y), or -1. */
long ui_checklist_item(const UiChecklist *c, float x, float y);
/* Whether (x, y) is on the find box. */
bool ui_checklist_on_find(const UiChecklist *c, float x, float y);

#endif

/*
 * table: the event table's rows and the place checklist's counts, as pure
 * data (no SDL, no drawing). The table's rows are the events in view and
 * in the time window that pass the filters, as event indices, sorted by a
 * column (stable: equal keys keep the store's order, by day); the cells'
 * texts are built only for the rows shown. The checklist counts events in
 * the time window by country and by admin-1 area.
 */
#ifndef SAHELMAP_TABLE_H
#define SAHELMAP_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "stats.h"
#include "view.h"

typedef enum TableColumn {
    TABLE_DATE = 0,
    TABLE_TYPE,
    TABLE_PLACE,          /* location, admin-1, country */
    TABLE_ACTORS,         /* actor 1 -- actor 2 */
    TABLE_FATALITIES,
    TABLE_COLUMN_COUNT
} TableColumn;

typedef struct Table {
    uint32_t *rows;       /* event indices, in the sorted order */
    size_t count, cap;
    TableColumn sort;     /* the column sorted by */
    bool descending;
} Table;

/* An empty table sorted by date, ascending. Free with table_free. */
void table_init(Table *t);
void table_free(Table *t);

/* The rows: events [lo, hi) of set whose type is in type_mask, that pass
 * visible (NULL: all) and whose projected point (px, py; NaN: none) falls
 * in view's map area, as the scene counts "in view". Then sorted by the
 * table's column and direction. */
void table_collect(Table *t, const EventSet *set, size_t lo, size_t hi, uint32_t type_mask,
                   const uint8_t *visible, const double *px, const double *py,
                   const View *view);

/* Sorts the rows by column `col`, descending or not. Stable: rows with
 * equal keys stay in event order whichever the direction. Dates compare
 * by day, types by name, places by location then admin-1 then country,
 * actors by actor 1 then actor 2 (strings bytewise), fatalities by the
 * best estimate. */
void table_sort(Table *t, const EventSet *set, TableColumn col, bool descending);

/* A header click: the same column again reverses the order; another
 * column sorts by it ascending (fatalities: most first). */
void table_click_header(Table *t, const EventSet *set, TableColumn col);

/* The row showing event `event`, or -1. */
long table_find(const Table *t, uint32_t event);

/* Cell text of event i in column col ("2024-07-27", "Battles",
 * "Tinzaouaten, Kidal, Mali", "JNIM \xe2\x80\x94 Wagner Group", "47"). */
void table_cell(const EventSet *set, size_t i, TableColumn col, char *out, size_t cap);

/* A column's header text ("Date", ...). */
const char *table_column_name(TableColumn col);

/* ------------------------------------------------------------------------- */
/* Checklist                                                                 */
/* ------------------------------------------------------------------------- */

typedef struct ChecklistRow {
    uint32_t country;     /* string refs; admin1 0 for a country's row */
    uint32_t admin1;
    size_t events;        /* in the time window, other filters applied */
} ChecklistRow;

typedef struct Checklist {
    ChecklistRow *rows;   /* countries first (by name), then admin-1 areas
                             (by country, then name) */
    size_t count, cap;
    size_t ncountries;    /* rows [0, ncountries) are countries */
} Checklist;

/* Counts events [lo, hi) whose type is in type_mask and that pass
 * `pass` (NULL: all; the filters without the places) by country and by
 * (country, admin-1 area). Admin-1 rows are listed only for the countries
 * of `countries` (a place list; "" : every country). Events with no
 * country or admin-1 name are not listed. *c is overwritten: start from a
 * zeroed one; free with checklist_free. */
void checklist_count(Checklist *c, const EventSet *set, size_t lo, size_t hi,
                     uint32_t type_mask, const uint8_t *pass, const char *countries);
void checklist_free(Checklist *c);

#endif

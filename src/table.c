/*
 * table: the event table's rows (collected, sorted stably by a column)
 * and the place checklist's counts. See table.h.
 *
 * Sections: sorting; rows; cells; checklist.
 */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "filter.h"
#include "scene.h"
#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* Sorting                                                                   */
/* ------------------------------------------------------------------------- */

typedef int (*Compare)(const void *ctx, uint32_t a, uint32_t b);

/* A stable bottom-up merge sort of a[0..n) with cmp; tmp holds n items. */
static void merge_sort(uint32_t *a, size_t n, uint32_t *tmp, Compare cmp, const void *ctx)
{
    uint32_t *src = a, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = cmp(ctx, src[j], src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        uint32_t *swap = src;
        src = dst;
        dst = swap;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
}

/* Tuples of a table compared by some of their fields as strings. */
typedef struct TupleOrder {
    const StrPool *pool;
    const TupleTable *tuples;
    const unsigned *fields;
    int nfields;
} TupleOrder;

static int compare_tuples(const void *ctx, uint32_t a, uint32_t b)
{
    const TupleOrder *o = ctx;
    const uint32_t *x = tuples_get(o->tuples, a), *y = tuples_get(o->tuples, b);
    for (int k = 0; k < o->nfields; k++) {
        uint32_t fx = x[o->fields[k]], fy = y[o->fields[k]];
        if (fx == fy) continue;          /* interned: the same string */
        int c = strcmp(strpool_get(o->pool, fx), strpool_get(o->pool, fy));
        if (c != 0) return c;
    }
    return 0;
}

/* Every tuple's rank in the order of its fields' strings (equal keys share
 * a rank): a new array of tuples->count ranks. Distinct places and actor
 * pairs are far fewer than events, so a million rows sort by one integer
 * looked up in this. */
static uint32_t *rank_tuples(const StrPool *pool, const TupleTable *tuples,
                             const unsigned *fields, int nfields)
{
    size_t n = tuples->count;
    uint32_t *rank = xmalloc((n + 1) * sizeof *rank);
    uint32_t *order = xmalloc((n + 1) * sizeof *order), *tmp = xmalloc((n + 1) * sizeof *tmp);
    for (size_t k = 0; k < n; k++) order[k] = (uint32_t)k;
    TupleOrder o = {pool, tuples, fields, nfields};
    merge_sort(order, n, tmp, compare_tuples, &o);
    for (size_t k = 0; k < n; k++)
        rank[order[k]] = k == 0 ? 0
                       : rank[order[k - 1]] + (compare_tuples(&o, order[k - 1], order[k]) != 0);
    free(order);
    free(tmp);
    return rank;
}

/* Sorts a[0..n) ascending: an LSD radix sort, 16 bits a pass (stable,
 * and a million items in a few passes over memory). */
static void radix_sort(uint64_t *a, size_t n)
{
    uint64_t *tmp = xmalloc(n * sizeof *tmp), *src = a, *dst = tmp;
    size_t *count = xmalloc(65536 * sizeof *count);
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t k = 0; k < n; k++) count[(src[k] >> shift) & 0xFFFF]++;
        if (count[src[0] >> shift & 0xFFFF] == n) continue;     /* one digit: no pass */
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t k = 0; k < n; k++) dst[count[(src[k] >> shift) & 0xFFFF]++] = src[k];
        uint64_t *swap = src;
        src = dst;
        dst = swap;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
    free(tmp);
    free(count);
}

void table_sort(Table *t, const EventSet *set, TableColumn col, bool descending)
{
    t->sort = col;
    t->descending = descending;
    size_t n = t->count;
    if (n < 2) return;
    /* (key, event index) in one integer: sorted, equal keys keep the
     * event order whichever the direction. */
    uint64_t *item = xmalloc(n * sizeof *item);
    /* Places: location, admin-1, country (the place tuple's fields 4, 1,
     * 0); actors: actor 1, actor 2 (fields 0, 2). */
    static const unsigned place_fields[3] = {4, 1, 0}, actor_fields[2] = {0, 2};
    uint32_t *rank = col == TABLE_PLACE ? rank_tuples(&set->strings, &set->place_tuples,
                                                      place_fields, 3)
                   : col == TABLE_ACTORS ? rank_tuples(&set->strings, &set->actor_tuples,
                                                       actor_fields, 2)
                   : NULL;
    /* Types by their short names' order. */
    uint32_t type_rank[EVENT_TYPE_COUNT];
    for (int a = 0; a < EVENT_TYPE_COUNT; a++) {
        type_rank[a] = 0;
        for (int b = 0; b < EVENT_TYPE_COUNT; b++)
            type_rank[a] += strcmp(events_type_short_name((EventType)b),
                                   events_type_short_name((EventType)a)) < 0;
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t i = t->rows[r], key = 0;
        switch (col) {
        case TABLE_DATE: key = (uint32_t)set->day[i] ^ 0x80000000u; break;
        case TABLE_TYPE: key = type_rank[set->type[i] < EVENT_TYPE_COUNT ? set->type[i] : 0]; break;
        case TABLE_FATALITIES: key = (uint32_t)set->fat[i] ^ 0x80000000u; break;
        case TABLE_PLACE: key = rank[set->place[i]]; break;
        case TABLE_ACTORS: key = rank[set->actors[i]]; break;
        case TABLE_COLUMN_COUNT: break;
        }
        if (descending) key = ~key;
        item[r] = (uint64_t)key << 32 | i;
    }
    free(rank);
    radix_sort(item, n);
    for (size_t r = 0; r < n; r++) t->rows[r] = (uint32_t)item[r];
    free(item);
}

void table_click_header(Table *t, const EventSet *set, TableColumn col)
{
    bool descending = col == t->sort ? !t->descending : col == TABLE_FATALITIES;
    table_sort(t, set, col, descending);
}

/* ------------------------------------------------------------------------- */
/* Rows                                                                      */
/* ------------------------------------------------------------------------- */

void table_init(Table *t)
{
    memset(t, 0, sizeof *t);
    t->sort = TABLE_DATE;
}

void table_free(Table *t)
{
    free(t->rows);
    table_init(t);
}

void table_collect(Table *t, const EventSet *set, size_t lo, size_t hi, uint32_t type_mask,
                   const uint8_t *visible, const double *px, const double *py,
                   const View *v)
{
    t->count = 0;
    /* An event is in the table where the map shows it. */
    const SceneInput in = {.events = set, .type_mask = type_mask, .visible = visible,
                           .proj_x = px, .proj_y = py, .view = v};
    for (size_t i = lo; i < hi && i < set->count; i++) {
        double sx, sy;
        if (!scene_event_point(&in, i, &sx, &sy) || !view_contains(v, sx, sy)) continue;
        t->rows = xgrow(t->rows, &t->cap, t->count + 1, sizeof *t->rows);
        t->rows[t->count++] = (uint32_t)i;
    }
    /* Collected in event order: the date order already, unless reversed. */
    if (t->sort != TABLE_DATE || t->descending) table_sort(t, set, t->sort, t->descending);
}

long table_find(const Table *t, uint32_t event)
{
    for (size_t r = 0; r < t->count; r++)
        if (t->rows[r] == event) return (long)r;
    return -1;
}

/* ------------------------------------------------------------------------- */
/* Cells                                                                     */
/* ------------------------------------------------------------------------- */

const char *table_column_name(TableColumn col)
{
    static const char *const names[TABLE_COLUMN_COUNT] = {"Date", "Type", "Place", "Actors",
                                                          "Fatalities"};
    return (unsigned)col < TABLE_COLUMN_COUNT ? names[col] : "";
}

void table_cell(const EventSet *set, size_t i, TableColumn col, char *out, size_t cap)
{
    out[0] = '\0';
    switch (col) {
    case TABLE_DATE: {
        char d[11];
        date_format(set->day[i], d);
        snprintf(out, cap, "%s", d);
        break;
    }
    case TABLE_TYPE:
        snprintf(out, cap, "%s", events_type_short_name((EventType)set->type[i]));
        break;
    case TABLE_PLACE: {
        const char *parts[3] = {events_text(set, i, TEXT_LOCATION),
                                events_text(set, i, TEXT_ADMIN1),
                                events_text(set, i, TEXT_COUNTRY)};
        size_t len = 0;
        for (int k = 0; k < 3 && len < cap; k++)
            if (parts[k][0])
                len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ", " : "", parts[k]);
        break;
    }
    case TABLE_ACTORS: {
        const char *a1 = events_text(set, i, TEXT_ACTOR1), *a2 = events_text(set, i, TEXT_ACTOR2);
        snprintf(out, cap, "%s%s%s", a1, a1[0] && a2[0] ? " \xe2\x80\x94 " : "", a2);
        break;
    }
    case TABLE_FATALITIES: snprintf(out, cap, "%d", (int)set->fat[i]); break;
    case TABLE_COLUMN_COUNT: break;
    }
    /* Cut at a character boundary if it did not fit. */
    size_t len = strlen(out);
    if (len + 1 >= cap && cap > 0) {
        size_t lead = len;
        while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80) lead--;
        if (lead > 0 && (unsigned char)out[lead - 1] >= 0xC0) {
            unsigned char c = (unsigned char)out[lead - 1];
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (lead - 1 + need > len) out[lead - 1] = '\0';
        }
    }
}

/* ------------------------------------------------------------------------- */
/* Checklist                                                                 */
/* ------------------------------------------------------------------------- */

typedef struct RowOrder {
    const StrPool *pool;
    const ChecklistRow *rows;
} RowOrder;

static int compare_places(const void *ctx, uint32_t a, uint32_t b)
{
    const RowOrder *o = ctx;
    const ChecklistRow *x = &o->rows[a], *y = &o->rows[b];
    int c = strcmp(strpool_get(o->pool, x->country), strpool_get(o->pool, y->country));
    if (c != 0) return c;
    return strcmp(strpool_get(o->pool, x->admin1), strpool_get(o->pool, y->admin1));
}

/* Appends a group's rows whose key passes, sorted by name. */
static void add_group(Checklist *c, const EventSet *set, const StatsGroup *g, bool areas,
                      const char *countries)
{
    size_t first = c->count;
    for (size_t r = 0; r < g->count; r++) {
        uint32_t country = areas ? (uint32_t)(g->rows[r].key >> 32) : (uint32_t)g->rows[r].key;
        uint32_t admin1 = areas ? (uint32_t)g->rows[r].key : 0;
        const char *name = strpool_get(&set->strings, areas ? admin1 : country);
        if (name[0] == '\0') continue;
        if (areas && countries[0] &&
            !filter_places_has(countries, strpool_get(&set->strings, country)))
            continue;
        c->rows = xgrow(c->rows, &c->cap, c->count + 1, sizeof *c->rows);
        c->rows[c->count++] = (ChecklistRow){country, admin1, g->rows[r].events};
    }
    size_t n = c->count - first;
    if (n < 2) return;
    uint32_t *order = xmalloc(n * sizeof *order), *tmp = xmalloc(n * sizeof *tmp);
    for (size_t k = 0; k < n; k++) order[k] = (uint32_t)k;
    RowOrder o = {&set->strings, c->rows + first};
    merge_sort(order, n, tmp, compare_places, &o);
    ChecklistRow *sorted = xmalloc(n * sizeof *sorted);
    for (size_t k = 0; k < n; k++) sorted[k] = c->rows[first + order[k]];
    memcpy(c->rows + first, sorted, n * sizeof *sorted);
    free(sorted);
    free(order);
    free(tmp);
}

void checklist_count(Checklist *c, const EventSet *set, size_t lo, size_t hi,
                     uint32_t type_mask, const uint8_t *pass, const char *countries)
{
    c->count = c->ncountries = 0;
    StatsGroup by_country = {0}, by_admin1 = {0};
    for (size_t i = lo; i < hi && i < set->count; i++) {
        if (!(type_mask & (1u << set->type[i]))) continue;
        if (pass != NULL && !pass[i]) continue;
        uint64_t country = events_text_ref(set, i, TEXT_COUNTRY);
        stats_group_add(&by_country, country, set->fat[i]);
        uint32_t admin1 = events_text_ref(set, i, TEXT_ADMIN1);
        if (admin1 != 0) stats_group_add(&by_admin1, country << 32 | admin1, set->fat[i]);
    }
    add_group(c, set, &by_country, false, countries);
    c->ncountries = c->count;
    add_group(c, set, &by_admin1, true, countries);
    stats_group_free(&by_country);
    stats_group_free(&by_admin1);
}

void checklist_free(Checklist *c)
{
    free(c->rows);
    memset(c, 0, sizeof *c);
}

/*
 * table: the event table's rows (collected, sorted stably by a column)
 * and the place checklist's counts. See table.h.
 *
 * Sections: sorting; rows; cells; checklist.
 */
#include "table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "filter.h"
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

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int compare_strings(const void *ctx, uint32_t a, uint32_t b)
{
    const StrPool *pool = ctx;
    return strcmp(strpool_get(pool, a), strpool_get(pool, b));
}

/* refs[k] (string refs) replaced by their ranks in bytewise string order. */
static void rank_strings(const StrPool *pool, uint32_t *refs, size_t n)
{
    if (n == 0) return;
    uint32_t *uniq = xmalloc(n * sizeof *uniq);
    memcpy(uniq, refs, n * sizeof *uniq);
    qsort(uniq, n, sizeof *uniq, compare_u32);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (m == 0 || uniq[m - 1] != uniq[k]) uniq[m++] = uniq[k];
    uint32_t *order = xmalloc(m * sizeof *order), *tmp = xmalloc(m * sizeof *tmp);
    for (size_t k = 0; k < m; k++) order[k] = uniq[k];
    merge_sort(order, m, tmp, compare_strings, pool);
    /* rank of uniq[j]: where it went in order; tmp[j] holds it. */
    for (size_t r = 0; r < m; r++) {
        uint32_t *at = bsearch(&order[r], uniq, m, sizeof *uniq, compare_u32);
        tmp[at - uniq] = (uint32_t)r;
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t *at = bsearch(&refs[k], uniq, m, sizeof *uniq, compare_u32);
        refs[k] = tmp[at - uniq];
    }
    free(uniq);
    free(order);
    free(tmp);
}

/* The sort's keys, by row position. */
typedef struct SortKeys {
    const uint32_t *rows;           /* event indices: the tie-break */
    uint32_t *key[3];               /* up to three keys, most significant first */
    int nkeys;
    bool descending;
} SortKeys;

static int compare_rows(const void *ctx, uint32_t a, uint32_t b)
{
    const SortKeys *k = ctx;
    for (int j = 0; j < k->nkeys; j++) {
        uint32_t x = k->key[j][a], y = k->key[j][b];
        if (x != y) return (x < y) != k->descending ? -1 : 1;
    }
    return k->rows[a] < k->rows[b] ? -1 : k->rows[a] > k->rows[b];
}

static const char *const short_type[EVENT_TYPE_COUNT] = {
    "Unknown", "Battle", "Explosion", "Against civilians", "Protest", "Riot",
    "Strategic dev."};

void table_sort(Table *t, const EventSet *set, TableColumn col, bool descending)
{
    t->sort = col;
    t->descending = descending;
    size_t n = t->count;
    if (n < 2) return;
    SortKeys k = {t->rows, {NULL, NULL, NULL}, 0, descending};
    static const EventText fields[TABLE_COLUMN_COUNT][3] = {
        [TABLE_PLACE] = {TEXT_LOCATION, TEXT_ADMIN1, TEXT_COUNTRY},
        [TABLE_ACTORS] = {TEXT_ACTOR1, TEXT_ACTOR2, TEXT_COUNT},
    };
    k.nkeys = col == TABLE_PLACE ? 3 : col == TABLE_ACTORS ? 2 : 1;
    for (int j = 0; j < k.nkeys; j++) k.key[j] = xmalloc(n * sizeof *k.key[j]);
    /* Types by their short names' order. */
    uint32_t type_rank[EVENT_TYPE_COUNT];
    for (int a = 0; a < EVENT_TYPE_COUNT; a++) {
        type_rank[a] = 0;
        for (int b = 0; b < EVENT_TYPE_COUNT; b++)
            type_rank[a] += strcmp(short_type[b], short_type[a]) < 0;
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t i = t->rows[r];
        switch (col) {
        case TABLE_DATE: k.key[0][r] = (uint32_t)(set->day[i] + 0x80000000u); break;
        case TABLE_TYPE:
            k.key[0][r] = type_rank[set->type[i] < EVENT_TYPE_COUNT ? set->type[i] : 0];
            break;
        case TABLE_FATALITIES: k.key[0][r] = (uint32_t)(set->fat[i] + 0x80000000u); break;
        case TABLE_PLACE: case TABLE_ACTORS:
            for (int j = 0; j < k.nkeys; j++) k.key[j][r] = events_text_ref(set, i, fields[col][j]);
            break;
        case TABLE_COLUMN_COUNT: break;
        }
    }
    if (col == TABLE_PLACE || col == TABLE_ACTORS)
        for (int j = 0; j < k.nkeys; j++) rank_strings(&set->strings, k.key[j], n);
    uint32_t *perm = xmalloc(n * sizeof *perm), *tmp = xmalloc(n * sizeof *tmp);
    for (size_t r = 0; r < n; r++) perm[r] = (uint32_t)r;
    merge_sort(perm, n, tmp, compare_rows, &k);
    for (size_t r = 0; r < n; r++) tmp[r] = t->rows[perm[r]];
    memcpy(t->rows, tmp, n * sizeof *tmp);
    free(perm);
    free(tmp);
    for (int j = 0; j < k.nkeys; j++) free(k.key[j]);
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
    for (size_t i = lo; i < hi && i < set->count; i++) {
        if (!(type_mask & (1u << set->type[i]))) continue;
        if (visible != NULL && !visible[i]) continue;
        if (isnan(px[i])) continue;
        double sx, sy;
        view_to_screen(v, px[i], py[i], &sx, &sy);
        if (!(sx >= v->x && sx < v->x + v->w && sy >= v->y && sy < v->y + v->h)) continue;
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
        snprintf(out, cap, "%s", short_type[set->type[i] < EVENT_TYPE_COUNT ? set->type[i] : 0]);
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

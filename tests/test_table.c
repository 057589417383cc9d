/*
 * test_table: the event table's rows (in view, in the window, after the
 * filters), their stable sort by each column both ways, the cells' texts,
 * and the checklist's counts by country and admin-1 area; the filter's
 * place lists.
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "table.h"

/* Six events: ids E1..E6 in day order (E3 and E4 on the same day). */
static void make_set(EventSet *set)
{
    events_init(set);
    uint16_t file = events_add_file(set, "test.json");
    static const struct {
        const char *id;
        int day;
        EventType type;
        const char *a1, *a2, *country, *admin1, *loc;
        int fat;
        double lon;
    } rows[] = {
        {"E1", 100, EVENT_BATTLES, "JNIM", "Wagner", "Mali", "Kidal", "Tinzaouaten", 40, 0},
        {"E2", 101, EVENT_PROTESTS, "Protesters", "", "Niger", "Niamey", "Niamey", 0, 2},
        {"E3", 102, EVENT_RIOTS, "Rioters", "Police", "Mali", "Bamako", "Bamako", 3, 1},
        {"E4", 102, EVENT_BATTLES, "JNIM", "FAMa", "Burkina Faso", "Sahel", "Djibo", 3, -1},
        {"E5", 103, EVENT_EXPLOSIONS, "ISSP", "", "Niger", "Tillaberi", "Ayorou", 12, 1.5},
        {"E6", 104, EVENT_BATTLES, "Army", "ISSP", "Mali", "Gao", "Ansongo", 3, 0.5},
    };
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        EventInput in = {0};
        in.id = rows[k].id;
        in.day = in.day_end = rows[k].day;
        in.date_precision = in.geo_precision = 1;
        in.lon = rows[k].lon;
        in.lat = 15;
        in.type = rows[k].type;
        in.actor1 = rows[k].a1;
        in.actor2 = rows[k].a2;
        in.country = rows[k].country;
        in.admin1 = rows[k].admin1;
        in.location = rows[k].loc;
        in.fatalities = in.fatalities_low = in.fatalities_high = rows[k].fat;
        in.file = file;
        assert_int_equal(events_add(set, &in), EVENTS_ADDED);
    }
    events_finish(set);
}

/* Plate carree-ish coordinates: x = lon degrees * 1e5, y = lat. */
static void project(const EventSet *set, double **px, double **py)
{
    *px = calloc(set->count, sizeof **px);
    *py = calloc(set->count, sizeof **py);
    for (size_t i = 0; i < set->count; i++) {
        (*px)[i] = events_lon(set, i) * 1e5;
        (*py)[i] = events_lat(set, i) * 1e5;
    }
}

/* A view of the map area 0..100 px wide centred on (cx deg, 15), at
 * mpp metres a pixel. */
static View view_at(double cx, double mpp)
{
    View v;
    memset(&v, 0, sizeof v);
    v.cx = cx * 1e5;
    v.cy = 15e5;
    v.mpp = mpp;
    v.w = 100;
    v.h = 100;
    return v;
}

/* The ids of the table's rows, joined: "E1 E2". */
static const char *ids(const Table *t, const EventSet *set)
{
    static char out[256];
    out[0] = '\0';
    for (size_t r = 0; r < t->count; r++) {
        strcat(out, r ? " " : "");
        strcat(out, events_text(set, t->rows[r], TEXT_ID));
    }
    return out;
}

static void test_rows_follow_filters(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    double *px, *py;
    project(&set, &px, &py);
    Table t;
    table_init(&t);
    View all = view_at(0, 1e4);            /* 100 px = 1e6 m = 10 degrees */
    table_collect(&t, &set, 0, set.count, ~0u, NULL, px, py, &all);
    assert_string_equal(ids(&t, &set), "E1 E2 E3 E4 E5 E6");

    /* The time window: events [lo, hi). */
    size_t lo, hi;
    events_range(&set, 101, 102, &lo, &hi);
    table_collect(&t, &set, lo, hi, ~0u, NULL, px, py, &all);
    assert_string_equal(ids(&t, &set), "E2 E3 E4");

    /* Types, then the filter's visible array. */
    table_collect(&t, &set, 0, set.count, 1u << EVENT_BATTLES, NULL, px, py, &all);
    assert_string_equal(ids(&t, &set), "E1 E4 E6");
    Filter f;
    filter_init(&f);
    strcpy(f.country, "Mali,Niger");
    uint8_t *vis = calloc(set.count, 1);
    assert_int_equal(filter_apply(&f, &set, vis), 5);
    table_collect(&t, &set, 0, set.count, ~0u, vis, px, py, &all);
    assert_string_equal(ids(&t, &set), "E1 E2 E3 E5 E6");

    /* The view: centred on lon 1.5 at 1e3 m/px, 100 px wide: lon [1, 2),
     * as the scene counts in view (E2 at lon 2 is on the right edge: out). */
    View east = view_at(1.5, 1e3);
    table_collect(&t, &set, 0, set.count, ~0u, NULL, px, py, &east);
    assert_string_equal(ids(&t, &set), "E3 E5");
    assert_int_equal(table_find(&t, find_event(&set, "E5")), 1);
    assert_int_equal(table_find(&t, find_event(&set, "E1")), -1);

    /* An event with no projection is never a row. */
    px[find_event(&set, "E3")] = NAN;
    table_collect(&t, &set, 0, set.count, ~0u, NULL, px, py, &east);
    assert_string_equal(ids(&t, &set), "E5");
    table_free(&t);
    free(vis);
    free(px);
    free(py);
    events_free(&set);
}

static void test_sort_each_column(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    double *px, *py;
    project(&set, &px, &py);
    Table t;
    table_init(&t);
    View all = view_at(0, 1e4);
    table_collect(&t, &set, 0, set.count, ~0u, NULL, px, py, &all);

    table_sort(&t, &set, TABLE_DATE, true);
    /* E3 and E4 share a day: they keep their order both ways. */
    assert_string_equal(ids(&t, &set), "E6 E5 E3 E4 E2 E1");
    table_sort(&t, &set, TABLE_TYPE, false);
    /* Against civilians < Battle < Explosion < Protest < Riot; battles by date. */
    assert_string_equal(ids(&t, &set), "E1 E4 E6 E5 E2 E3");
    table_sort(&t, &set, TABLE_TYPE, true);
    assert_string_equal(ids(&t, &set), "E3 E2 E5 E1 E4 E6");
    table_sort(&t, &set, TABLE_PLACE, false);
    /* Locations: Ansongo Ayorou Bamako Djibo Niamey Tinzaouaten. */
    assert_string_equal(ids(&t, &set), "E6 E5 E3 E4 E2 E1");
    table_sort(&t, &set, TABLE_PLACE, true);
    assert_string_equal(ids(&t, &set), "E1 E2 E4 E3 E5 E6");
    table_sort(&t, &set, TABLE_ACTORS, false);
    /* Army, ISSP, JNIM-FAMa, JNIM-Wagner, Protesters, Rioters. */
    assert_string_equal(ids(&t, &set), "E6 E5 E4 E1 E2 E3");
    table_sort(&t, &set, TABLE_ACTORS, true);
    assert_string_equal(ids(&t, &set), "E3 E2 E1 E4 E5 E6");
    table_sort(&t, &set, TABLE_FATALITIES, false);
    /* 0, then the three 3s in event order, 12, 40. */
    assert_string_equal(ids(&t, &set), "E2 E3 E4 E6 E5 E1");
    table_sort(&t, &set, TABLE_FATALITIES, true);
    assert_string_equal(ids(&t, &set), "E1 E5 E3 E4 E6 E2");

    /* Header clicks: a new column ascending (fatalities: most first), the
     * same again reversed. */
    table_click_header(&t, &set, TABLE_DATE);
    assert_false(t.descending);
    assert_string_equal(ids(&t, &set), "E1 E2 E3 E4 E5 E6");
    table_click_header(&t, &set, TABLE_DATE);
    assert_true(t.descending);
    assert_string_equal(ids(&t, &set), "E6 E5 E3 E4 E2 E1");
    table_click_header(&t, &set, TABLE_FATALITIES);
    assert_true(t.descending);
    assert_int_equal(t.sort, TABLE_FATALITIES);
    /* A new collection keeps the sort. */
    table_collect(&t, &set, 0, set.count, 1u << EVENT_BATTLES, NULL, px, py, &all);
    assert_string_equal(ids(&t, &set), "E1 E4 E6");
    table_free(&t);
    free(px);
    free(py);
    events_free(&set);
}

/* A thousand rows with a few keys: the sort is stable under every column. */
static void test_sort_stable_many(void **state)
{
    (void)state;
    EventSet set;
    events_init(&set);
    uint16_t file = events_add_file(&set, "many.json");
    static const char *const actors[3] = {"B", "A", "C"};
    for (int k = 0; k < 1000; k++) {
        char id[16];
        snprintf(id, sizeof id, "M%04d", k);
        EventInput in = {0};
        in.id = id;
        in.day = in.day_end = 1000 + k / 10;
        in.date_precision = in.geo_precision = 1;
        in.lon = 1;
        in.lat = 15;
        in.type = (EventType)(1 + k % 3);
        in.actor1 = actors[k % 3];
        in.country = "Mali";
        in.location = actors[(k / 3) % 3];
        in.fatalities = in.fatalities_low = in.fatalities_high = k % 7;
        in.file = file;
        events_add(&set, &in);
    }
    events_finish(&set);
    Table t;
    table_init(&t);
    t.rows = malloc(set.count * sizeof *t.rows);
    t.cap = t.count = set.count;
    for (int col = 0; col < TABLE_COLUMN_COUNT; col++) {
        for (int desc = 0; desc < 2; desc++) {
            for (size_t r = 0; r < set.count; r++) t.rows[r] = (uint32_t)r;
            table_sort(&t, &set, (TableColumn)col, desc);
            for (size_t r = 1; r < t.count; r++) {
                char a[128], b[128];
                uint32_t x = t.rows[r - 1], y = t.rows[r];
                table_cell(&set, x, (TableColumn)col, a, sizeof a);
                table_cell(&set, y, (TableColumn)col, b, sizeof b);
                int c = col == TABLE_FATALITIES ? set.fat[x] - set.fat[y]
                      : col == TABLE_DATE ? set.day[x] - set.day[y] : strcmp(a, b);
                if (desc) c = -c;
                assert_true(c <= 0);
                if (c == 0) assert_true(x < y);       /* stable */
            }
        }
    }
    table_free(&t);
    events_free(&set);
}

static void test_cells(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    char cell[128];
    size_t e1 = find_event(&set, "E1"), e2 = find_event(&set, "E2");
    table_cell(&set, e1, TABLE_DATE, cell, sizeof cell);
    assert_string_equal(cell, "1970-04-11");
    table_cell(&set, e1, TABLE_TYPE, cell, sizeof cell);
    assert_string_equal(cell, "Battle");
    table_cell(&set, e1, TABLE_PLACE, cell, sizeof cell);
    assert_string_equal(cell, "Tinzaouaten, Kidal, Mali");
    table_cell(&set, e1, TABLE_ACTORS, cell, sizeof cell);
    assert_string_equal(cell, "JNIM \xe2\x80\x94 Wagner");
    table_cell(&set, e2, TABLE_ACTORS, cell, sizeof cell);
    assert_string_equal(cell, "Protesters");
    table_cell(&set, e1, TABLE_FATALITIES, cell, sizeof cell);
    assert_string_equal(cell, "40");
    table_cell(&set, e1, TABLE_ACTORS, cell, 8);     /* cut, not inside the dash */
    assert_string_equal(cell, "JNIM ");
    assert_string_equal(table_column_name(TABLE_ACTORS), "Actors");
    events_free(&set);
}

static const ChecklistRow *row_named(const Checklist *c, const EventSet *set,
                                     const char *country, const char *admin1)
{
    for (size_t r = 0; r < c->count; r++)
        if (strcmp(strpool_get(&set->strings, c->rows[r].country), country) == 0 &&
            strcmp(strpool_get(&set->strings, c->rows[r].admin1), admin1 ? admin1 : "") == 0)
            return &c->rows[r];
    return NULL;
}

static void test_checklist_counts(void **state)
{
    (void)state;
    EventSet set;
    make_set(&set);
    Checklist c = {0};
    checklist_count(&c, &set, 0, set.count, ~0u, NULL, "");
    assert_int_equal(c.ncountries, 3);
    /* Countries by name, then areas by country and name. */
    assert_string_equal(strpool_get(&set.strings, c.rows[0].country), "Burkina Faso");
    assert_int_equal(row_named(&c, &set, "Mali", NULL)->events, 3);
    assert_int_equal(row_named(&c, &set, "Niger", NULL)->events, 2);
    assert_int_equal(row_named(&c, &set, "Burkina Faso", NULL)->events, 1);
    assert_int_equal(c.count, 3 + 6);
    assert_string_equal(strpool_get(&set.strings, c.rows[3].admin1), "Sahel");
    assert_string_equal(strpool_get(&set.strings, c.rows[4].admin1), "Bamako");
    assert_int_equal(row_named(&c, &set, "Mali", "Gao")->events, 1);

    /* The time window and types count; admin-1 rows only for the countries given. */
    size_t lo, hi;
    events_range(&set, 102, 104, &lo, &hi);
    checklist_count(&c, &set, lo, hi, 1u << EVENT_BATTLES | 1u << EVENT_EXPLOSIONS, NULL,
                    "Niger,Mali");
    assert_int_equal(row_named(&c, &set, "Mali", NULL)->events, 1);       /* E6 */
    assert_int_equal(row_named(&c, &set, "Niger", NULL)->events, 1);      /* E5 */
    assert_int_equal(row_named(&c, &set, "Burkina Faso", NULL)->events, 1);
    assert_null(row_named(&c, &set, "Burkina Faso", "Sahel"));
    assert_non_null(row_named(&c, &set, "Niger", "Tillaberi"));
    assert_int_equal(c.count, 3 + 2);

    /* The pass array (the filters without places). */
    uint8_t pass[6] = {0};
    pass[find_event(&set, "E1")] = pass[find_event(&set, "E2")] = 1;
    checklist_count(&c, &set, 0, set.count, ~0u, pass, "");
    assert_int_equal(c.ncountries, 2);
    assert_int_equal(row_named(&c, &set, "Mali", NULL)->events, 1);
    assert_null(row_named(&c, &set, "Burkina Faso", NULL));
    checklist_free(&c);
    events_free(&set);
}

static void test_place_lists(void **state)
{
    (void)state;
    char list[FILTER_PLACES_MAX], one[64];
    assert_true(filter_places_normalize(" Mali , Niger,,Mali,Burkina Faso ", list, sizeof list));
    assert_string_equal(list, "Mali,Niger,Burkina Faso");
    assert_int_equal(filter_places_count(list), 3);
    assert_int_equal(filter_places_count(""), 0);
    assert_true(filter_places_has(list, "Niger"));
    assert_false(filter_places_has(list, "Nige"));
    assert_false(filter_places_has("", ""));
    assert_true(filter_places_get(list, 2, one, sizeof one));
    assert_string_equal(one, "Burkina Faso");
    assert_false(filter_places_get(list, 3, one, sizeof one));
    assert_true(filter_places_toggle(list, sizeof list, "Niger"));
    assert_string_equal(list, "Mali,Burkina Faso");
    assert_true(filter_places_toggle(list, sizeof list, "Chad"));
    assert_string_equal(list, "Mali,Burkina Faso,Chad");
    assert_false(filter_places_toggle(list, sizeof list, "A,B"));
    assert_false(filter_places_toggle(list, sizeof list, ""));
    char small[8] = "Mali";
    assert_false(filter_places_toggle(small, sizeof small, "Niger"));
    assert_string_equal(small, "Mali");
    assert_false(filter_places_normalize("Mali,Niger", small, sizeof small));

    /* Matching and the description. */
    EventSet set;
    make_set(&set);
    Filter f;
    filter_init(&f);
    strcpy(f.country, "Mali,Burkina Faso");
    uint8_t vis[6];
    assert_int_equal(filter_apply(&f, &set, vis), 4);
    for (size_t i = 0; i < set.count; i++) assert_int_equal(vis[i], filter_match(&f, &set, i));
    strcpy(f.admin1, "Gao,Sahel,Niamey");          /* and: Niamey is in Niger */
    assert_int_equal(filter_apply(&f, &set, vis), 2);
    for (size_t i = 0; i < set.count; i++) assert_int_equal(vis[i], filter_match(&f, &set, i));
    char desc[200];
    filter_describe(&f, desc, sizeof desc);
    assert_string_equal(desc, "in Mali or Burkina Faso, in Gao, Sahel or Niamey");
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_follow_filters),
        cmocka_unit_test(test_sort_each_column),
        cmocka_unit_test(test_sort_stable_many),
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_checklist_counts),
        cmocka_unit_test(test_place_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

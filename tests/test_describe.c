/*
 * test_describe: the window's texts, line by line, for events whose every
 * field is known: the tooltip and the details panel (dates with span and
 * precision, types, actors, fatalities with a range, place with its
 * precision, notes, source, the stack of picks), the stats panel (types
 * and top actors under a type mask and a visible array) and a density
 * cell's tooltip.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "describe.h"
#include "events.h"
#include "scene.h"
#include "view.h"

/* Five ACLED events written here (so every field is known), loaded with
 * the UCDP fixture (two events; 300001 spans two days). */
static const char *const events_json =
    "[\n"
    "{\"event_id_cnty\": \"D1\", \"event_date\": \"2024-07-27\", \"time_precision\": \"1\","
    " \"event_type\": \"Battles\", \"sub_event_type\": \"Armed clash\","
    " \"actor1\": \"Military Forces of Mali (2021-)\", \"assoc_actor_1\": \"Wagner Group\","
    " \"actor2\": \"CSP-DPA\", \"assoc_actor_2\": \"\", \"country\": \"Mali\","
    " \"admin1\": \"Kidal\", \"location\": \"Tinzaouaten\", \"latitude\": \"19.9628\","
    " \"longitude\": \"2.8828\", \"geo_precision\": \"1\", \"source\": \"Reuters\","
    " \"notes\": \"On 27 July 2024, fighting near Tinzaouaten.\", \"fatalities\": \"88\","
    " \"fatalities_low\": \"29\", \"fatalities_high\": \"140\"},\n"
    "{\"event_id_cnty\": \"D2\", \"event_date\": \"2024-07-30\", \"time_precision\": \"2\","
    " \"event_type\": \"Explosions/Remote violence\", \"sub_event_type\": \"Air/drone strike\","
    " \"actor1\": \"Military Forces of Mali (2021-)\", \"actor2\": \"Civilians (Mali)\","
    " \"country\": \"Mali\", \"admin1\": \"Kidal\", \"location\": \"Tinzaouaten\","
    " \"latitude\": \"19.9628\", \"longitude\": \"2.8828\", \"geo_precision\": \"3\","
    " \"source\": \"\", \"notes\": \"\", \"fatalities\": \"21\"},\n"
    "{\"event_id_cnty\": \"D3\", \"event_date\": \"2023-07-30\", \"time_precision\": \"3\","
    " \"event_type\": \"Protests\", \"sub_event_type\": \"Peaceful protest\","
    " \"actor1\": \"Protesters (Niger)\", \"assoc_actor_2\": \"Labour Group (Niger)\","
    " \"country\": \"Niger\", \"location\": \"Niamey\", \"latitude\": \"13.5116\","
    " \"longitude\": \"2.1254\", \"geo_precision\": \"2\", \"source\": \"Local media\","
    " \"fatalities\": \"0\"},\n"
    "{\"event_id_cnty\": \"D4\", \"event_date\": \"2024-07-28\", \"event_type\": \"Battles\","
    " \"actor1\": \"JNIM\", \"actor2\": \"Military Forces of Mali (2021-)\","
    " \"assoc_actor_1\": \"Wagner Group\", \"assoc_actor_2\": \"Dozo militia\","
    " \"country\": \"Mali\", \"admin1\": \"Mopti\", \"location\": \"Djenne\","
    " \"latitude\": \"13.9\", \"longitude\": \"-4.55\", \"fatalities\": \"5\","
    " \"fatalities_low\": \"3\", \"fatalities_high\": \"5\"},\n"
    "{\"event_id_cnty\": \"D5\", \"event_date\": \"2024-07-29\", \"event_type\": \"Riots\","
    " \"sub_event_type\": \"Mob violence\", \"actor1\": \"Rioters (Mali)\","
    " \"country\": \"Mali\", \"admin1\": \"Bamako\", \"location\": \"Bamako\","
    " \"latitude\": \"12.64\", \"longitude\": \"-8.0\", \"geo_precision\": \"1\","
    " \"fatalities\": \"1\", \"notes\": \"%s\"}\n"
    "]\n";

#define LONG_NOTES 1500

static EventSet set;
static char json_path[64];
static char long_notes[LONG_NOTES + 1];

static int setup(void **state)
{
    (void)state;
    memset(long_notes, 'n', LONG_NOTES);
    long_notes[LONG_NOTES] = '\0';
    snprintf(json_path, sizeof json_path, "/tmp/test_describe.XXXXXX.json");
    int fd = mkstemps(json_path, 5);
    if (fd < 0) return -1;
    FILE *fp = fdopen(fd, "w");
    fprintf(fp, events_json, long_notes);
    fclose(fp);
    events_init(&set);
    LoadReport rep;
    bool ok = load_file(&set, json_path, &rep) && load_file(&set, fixture("ucdp.csv"), &rep);
    events_finish(&set);
    return ok && set.count == 7 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    events_free(&set);
    unlink(json_path);
    return 0;
}

static size_t ev(const char *id)
{
    size_t i = find_event(&set, id);
    if (i == SIZE_MAX) fail_msg("no event %s", id);
    return i;
}

/* Asserts that t holds exactly the lines `want` (NULL-terminated). */
static void assert_lines(const TextLines *t, const char *const *want)
{
    int n = 0;
    while (want[n]) n++;
    for (int k = 0; k < n && k < t->n; k++)
        if (strcmp(t->line[k], want[k]) != 0)
            fail_msg("line %d: \"%s\", not \"%s\"", k, t->line[k], want[k]);
    if (t->n != n) {
        for (int k = 0; k < t->n; k++) print_error("  %d: %s\n", k, t->line[k]);
        fail_msg("%d lines, not %d", t->n, n);
    }
    if (t->n < DESCRIBE_MAX_LINES) assert_null(t->line[t->n]);
}

#define EN "\xe2\x80\x93"     /* – */
#define EM "\xe2\x80\x94"     /* — */
#define DOT "\xc2\xb7"        /* · */

static void event_lines(const char *id, bool full, const char *const *want)
{
    TextLines t;
    describe_init(&t);
    describe_event(&set, ev(id), full, &t);
    assert_lines(&t, want);
    describe_free(&t);
    assert_int_equal(t.n, 0);
}

static void test_event(void **state)
{
    (void)state;
    /* A day, a sub type, two actors, a range, a town. */
    event_lines("D1", false,
                (const char *[]){"27 Jul 2024", "Battles " EM " Armed clash",
                                 "Military Forces of Mali (2021-) vs CSP-DPA",
                                 "Fatalities: 88 (reported 29" EN "140)",
                                 "Tinzaouaten, Kidal, Mali " DOT " at the town", NULL});
    /* In full: the associated actors too. */
    event_lines("D1", true,
                (const char *[]){"27 Jul 2024", "Battles " EM " Armed clash",
                                 "Military Forces of Mali (2021-) vs CSP-DPA",
                                 "with Wagner Group", "Fatalities: 88 (reported 29" EN "140)",
                                 "Tinzaouaten, Kidal, Mali " DOT " at the town", NULL});
    /* Within a week; somewhere in the region. */
    event_lines("D2", true,
                (const char *[]){"30 Jul 2024 (within a week)",
                                 "Explosions/Remote violence " EM " Air/drone strike",
                                 "Military Forces of Mali (2021-) vs Civilians (Mali)",
                                 "Fatalities: 21",
                                 "Tinzaouaten, Kidal, Mali " DOT
                                 " somewhere in the region (approximate)", NULL});
    /* Within a month; one actor; only the second associated actor; no
     * admin-1; near the town. */
    event_lines("D3", false,
                (const char *[]){"30 Jul 2023 (within a month)", "Protests " EM " Peaceful protest",
                                 "Protesters (Niger)", "Fatalities: 0",
                                 "Niamey, Niger " DOT " near the town / in the district", NULL});
    event_lines("D3", true,
                (const char *[]){"30 Jul 2023 (within a month)", "Protests " EM " Peaceful protest",
                                 "Protesters (Niger)", "with Labour Group (Niger)", "Fatalities: 0",
                                 "Niamey, Niger " DOT " near the town / in the district", NULL});
    /* No sub type: the type alone; both associated actors. */
    event_lines("D4", true,
                (const char *[]){"28 Jul 2024", "Battles",
                                 "JNIM vs Military Forces of Mali (2021-)",
                                 "with Wagner Group; Dozo militia",
                                 "Fatalities: 5 (reported 3" EN "5)",
                                 "Djenne, Mopti, Mali " DOT " at the town", NULL});
    event_lines("D4", false,
                (const char *[]){"28 Jul 2024", "Battles",
                                 "JNIM vs Military Forces of Mali (2021-)",
                                 "Fatalities: 5 (reported 3" EN "5)",
                                 "Djenne, Mopti, Mali " DOT " at the town", NULL});
    /* A UCDP event over two days, with its reported range. */
    event_lines("300001", true,
                (const char *[]){"4 Jun 2021 " EN " 5 Jun 2021", "Violence against civilians",
                                 "IS Sahel vs Civilians",
                                 "Fatalities: 132 (reported 114" EN "160)",
                                 "Solhan town, Sahel region, Burkina Faso " DOT " at the town",
                                 NULL});
}

static void test_details(void **state)
{
    (void)state;
    TextLines t;
    describe_init(&t);
    describe_details(&set, ev("D1"), 0, 2, &t);
    assert_lines(&t, (const char *[]){
        "27 Jul 2024", "Battles " EM " Armed clash",
        "Military Forces of Mali (2021-) vs CSP-DPA", "with Wagner Group",
        "Fatalities: 88 (reported 29" EN "140)", "Tinzaouaten, Kidal, Mali " DOT " at the town",
        "#Notes", "On 27 July 2024, fighting near Tinzaouaten.", "#Source: Reuters",
        "Event D1 " DOT " 1 of 2 here (click again or Down: next)", NULL});
    describe_free(&t);

    /* No notes, no source; the second of three. */
    describe_details(&set, ev("D2"), 1, 3, &t);
    assert_int_equal(t.n, 9);
    assert_string_equal(t.line[5], "#Notes");
    assert_string_equal(t.line[6], "(none)");
    assert_string_equal(t.line[7], "#Source: (not given)");
    assert_string_equal(t.line[8], "Event D2 " DOT " 2 of 3 here (click again or Down: next)");
    describe_free(&t);

    /* Alone under the click: no "click again". */
    describe_details(&set, ev("D3"), 0, 1, &t);
    assert_int_equal(t.n, 10);
    assert_string_equal(t.line[6], "#Notes");
    assert_string_equal(t.line[7], "(none)");
    assert_string_equal(t.line[8], "#Source: Local media");
    assert_string_equal(t.line[9], "Event D3 " DOT " 1 of 1 here");
    describe_free(&t);

    /* Notes are kept whole, however long (other lines are cut). */
    describe_details(&set, ev("D5"), 0, 1, &t);
    assert_string_equal(t.line[4], "Bamako, Bamako, Mali " DOT " at the town");
    assert_string_equal(t.line[5], "#Notes");
    assert_int_equal(strlen(t.line[6]), LONG_NOTES);
    assert_string_equal(t.line[6], long_notes);
    describe_free(&t);
}

/* A stack's list row: date, short type, fatalities, place, by tabs. */
static void test_stack_row(void **state)
{
    (void)state;
    char row[128];
    describe_stack_row(&set, ev("D1"), row, sizeof row);
    assert_string_equal(row, "27 Jul 2024\tBattle\t88\tTinzaouaten");
    describe_stack_row(&set, ev("D5"), row, sizeof row);
    assert_string_equal(row, "29 Jul 2024\tRiot\t1\tBamako");
    describe_stack_row(&set, ev("D1"), row, 15);  /* cut, still a string */
    assert_string_equal(row, "27 Jul 2024\tBa");
}

static void test_add_limits(void **state)
{
    (void)state;
    TextLines t;
    describe_init(&t);
    for (int k = 0; k < DESCRIBE_MAX_LINES + 5; k++) describe_add(&t, "line %d", k);
    assert_int_equal(t.n, DESCRIBE_MAX_LINES);
    assert_string_equal(t.line[DESCRIBE_MAX_LINES - 1], "line 31");
    assert_ptr_equal(describe_lines(&t), (const char *const *)t.line);
    describe_free(&t);
    assert_int_equal(t.n, 0);
    assert_null(t.line[0]);
    /* A formatted line is cut at 1,000 bytes. */
    describe_add(&t, "%s%s", long_notes, "tail");
    assert_int_equal(strlen(t.line[0]), 1000);
    assert_null(t.line[1]);
    describe_free(&t);
}

static void test_stats(void **state)
{
    (void)state;
    TextLines t;
    describe_init(&t);
    describe_stats(&set, 0, set.count, ~0u, NULL, &t);
    assert_lines(&t, (const char *[]){
        "In the window (after filters)", "#By event type: events, fatalities",
        "Battles: 3, 164", "Explosions/Remote violence: 1, 21",
        "Violence against civilians: 1, 132", "Protests: 1, 0", "Riots: 1, 1",
        "Strategic developments: 0, 0", "#Top actors: events, fatalities",
        /* By events, then fatalities. */
        "Military Forces of Mali (2021-): 3, 114", "IS Sahel: 2, 203", "Civilians: 1, 132",
        "CSP-DPA: 1, 88", "Government of Niger: 1, 71", "Civilians (Mali): 1, 21",
        "JNIM: 1, 5", "Rioters (Mali): 1, 1", "Protesters (Niger): 1, 0", NULL});
    describe_free(&t);

    /* The 2023-24 events only, battles masked out, D2 filtered out. */
    size_t lo = ev("D3");
    assert_int_equal(lo, 2);                        /* sorted by day */
    uint8_t *visible = malloc(set.count);
    memset(visible, 1, set.count);
    visible[ev("D2")] = 0;
    describe_stats(&set, lo, set.count, ~0u & ~(1u << EVENT_BATTLES), visible, &t);
    assert_lines(&t, (const char *[]){
        "In the window (after filters)", "#By event type: events, fatalities",
        "Battles: 0, 0", "Explosions/Remote violence: 0, 0",
        "Violence against civilians: 0, 0", "Protests: 1, 0", "Riots: 1, 1",
        "Strategic developments: 0, 0", "#Top actors: events, fatalities",
        "Rioters (Mali): 1, 1", "Protesters (Niger): 1, 0", NULL});
    describe_free(&t);

    /* Nothing in the window: zeros and no actors. */
    describe_stats(&set, 3, 3, ~0u, NULL, &t);
    assert_int_equal(t.n, 9);
    assert_string_equal(t.line[2], "Battles: 0, 0");
    assert_string_equal(t.line[8], "#Top actors: events, fatalities");
    describe_free(&t);
    /* hi past the end is harmless. */
    describe_stats(&set, 0, set.count + 10, 1u << EVENT_RIOTS, NULL, &t);
    assert_string_equal(t.line[6], "Riots: 1, 1");
    assert_string_equal(t.line[9], "Rioters (Mali): 1, 1");
    assert_int_equal(t.n, 10);
    describe_free(&t);
    free(visible);
}

static void test_stats_top_ten(void **state)
{
    (void)state;
    /* Twelve actors: the ten most active are listed. */
    char path[64];
    snprintf(path, sizeof path, "/tmp/test_describe_top.XXXXXX.json");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("[\n", fp);
    for (int k = 1; k <= 12; k++)
        fprintf(fp, "%s{\"event_id_cnty\": \"T%d\", \"event_date\": \"2024-01-%02d\", "
                    "\"event_type\": \"Riots\", \"actor1\": \"Actor %02d\", "
                    "\"latitude\": 13, \"longitude\": 2, \"fatalities\": %d}\n",
                k > 1 ? "," : "", k, k, k, 13 - k);
    fputs("]\n", fp);
    fclose(fp);
    EventSet s;
    LoadReport rep;
    assert_true(load_one(&s, path, &rep));
    unlink(path);
    assert_int_equal(s.count, 12);
    TextLines t;
    describe_init(&t);
    describe_stats(&s, 0, s.count, ~0u, NULL, &t);
    assert_int_equal(t.n, 9 + 10);
    assert_string_equal(t.line[6], "Riots: 12, 78");
    assert_string_equal(t.line[9], "Actor 01: 1, 12");
    assert_string_equal(t.line[18], "Actor 10: 1, 3");
    describe_free(&t);
    events_free(&s);
}

/* A stand-in for the font: 0.6 em per byte, 1.2 em high. */
static void fake_measure(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    float scale = *(float *)ctx;
    float em = scene_font_size[font] * scale;
    *w = 0.6f * em * (float)strlen(text);
    *h = 1.2f * em;
}

static void test_cell(void **state)
{
    (void)state;
    float scale = 1.0f;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 1920, 1080);
    SceneInput in = {
        .events = &set, .lo = 0, .hi = set.count, .day0 = set.day[0],
        .day1 = set.day[set.count - 1], .type_mask = ~0u, .view = &v, .width = 1920,
        .height = 1080, .scale = scale, .furniture = true, .aggregate_above = 3,
        .measure = fake_measure, .measure_ctx = &scale,
    };
    Scene s = {0};
    scene_build(&s, &in);
    assert_int_equal(s.grid.kind, GRID_DENSITY);
    TextLines t;
    describe_init(&t);

    /* D1 and D2 share a place: one cell, two types. */
    double sx, sy;
    size_t d1 = ev("D1");
    view_lonlat_to_screen(&v, events_lon(&set, d1), events_lat(&set, d1), &sx, &sy);
    long cell = scene_grid_cell(&s, (float)sx, (float)sy);
    assert_true(cell >= 0);
    assert_true(describe_cell(&s, cell, &t));
    assert_lines(&t, (const char *[]){"2 events " DOT " 109 fatalities here", "Battles: 1",
                                      "Explosions/Remote violence: 1",
                                      "zoom in to see the events", NULL});
    describe_free(&t);

    size_t d3 = ev("D3");
    view_lonlat_to_screen(&v, events_lon(&set, d3), events_lat(&set, d3), &sx, &sy);
    cell = scene_grid_cell(&s, (float)sx, (float)sy);
    assert_true(describe_cell(&s, cell, &t));
    assert_lines(&t, (const char *[]){"1 event " DOT " 0 fatalities here", "Protests: 1",
                                      "zoom in to see the events", NULL});
    describe_free(&t);

    /* An empty cell, or none: false, nothing added. */
    long ncells = (long)s.grid.cols * s.grid.rows;
    long empty = -1;
    for (long c = 0; c < ncells && empty < 0; c++) {
        uint32_t total = 0;
        for (int k = 0; k < EVENT_TYPE_COUNT; k++) total += s.grid.count[c * EVENT_TYPE_COUNT + k];
        if (total == 0) empty = c;
    }
    assert_true(empty >= 0);
    assert_false(describe_cell(&s, empty, &t));
    assert_false(describe_cell(&s, -1, &t));
    assert_false(describe_cell(&s, ncells, &t));
    assert_int_equal(t.n, 0);

    /* Markers drawn: no cells to describe. */
    in.aggregate_above = 0;
    scene_build(&s, &in);
    assert_int_equal(s.grid.kind, GRID_NONE);
    assert_false(describe_cell(&s, 0, &t));
    assert_int_equal(t.n, 0);
    scene_free(&s);

    /* A grid of kind none is not described, whatever it holds. */
    uint32_t count[2 * EVENT_TYPE_COUNT] = {0};
    float fat[2] = {4, 0};
    count[EVENT_RIOTS] = 2;
    Scene none = {0};
    none.grid.kind = GRID_NONE;
    none.grid.cols = 2;
    none.grid.rows = 1;
    none.grid.count = count;
    none.grid.fatalities = fat;
    assert_false(describe_cell(&none, 0, &t));
    none.grid.kind = GRID_HEAT_EVENTS;           /* ... but a heatmap is */
    assert_true(describe_cell(&none, 0, &t));
    assert_lines(&t, (const char *[]){"2 events " DOT " 4 fatalities here", "Riots: 2",
                                      "zoom in to see the events", NULL});
    describe_free(&t);
    assert_false(describe_cell(&none, 1, &t));
    assert_false(describe_cell(&none, 2, &t));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event),
        cmocka_unit_test(test_details),
        cmocka_unit_test(test_stack_row),
        cmocka_unit_test(test_add_limits),
        cmocka_unit_test(test_stats),
        cmocka_unit_test(test_stats_top_ten),
        cmocka_unit_test(test_cell),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

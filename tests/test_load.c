/*
 * test_load: every input format from fixture files, malformed files with
 * their expected messages and positions, and the loaded + skipped = read
 * books.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"

static void assert_books(const LoadReport *rep)
{
    assert_int_equal(rep->read, rep->loaded + rep->skipped);
    assert_int_equal(rep->loaded, rep->events + rep->merged + rep->duplicates + rep->conflicts);
}

static void test_acled_api_envelope(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_api.json"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "ACLED API JSON (envelope)");
    assert_int_equal(rep.read, 4);
    assert_int_equal(set.count, 4);
    size_t i = find_event(&set, "FIX002");
    assert_int_not_equal(i, SIZE_MAX);
    assert_int_equal(set.type[i], EVENT_EXPLOSIONS);        /* "\/" unescaped */
    assert_int_equal(set.sub_type[i], SUB_AIR_DRONE_STRIKE);
    assert_int_equal(events_geo_prec(&set, i), 3);
    assert_int_equal(events_date_prec(&set, i), 2);
    assert_true(set.flags[i] & EVENT_FLAG_CIVILIAN_TARGETING);
    i = find_event(&set, "FIX001");
    assert_int_equal(set.fat[i], 88);
    assert_int_equal(events_fat_low(&set, i), 29);
    assert_int_equal(events_fat_high(&set, i), 140);
    assert_string_equal(events_text(&set, i, TEXT_ASSOC_ACTOR1), "Wagner Group");
    assert_string_equal(events_text(&set, i, TEXT_LOCATION), "Tinzaouaten");
    assert_string_equal(events_text(&set, i, TEXT_SOURCE), "Reuters");
    char *notes = events_notes(&set, i);
    assert_string_equal(notes, "On 27 July 2024, fighting near Tinzaouaten.");
    free(notes);
    i = find_event(&set, "FIX003");
    assert_string_equal(events_text(&set, i, TEXT_LOCATION), "M\xc3\xa9naka");
    /* Sorted by day. */
    for (size_t k = 1; k < set.count; k++) assert_true(set.day[k - 1] <= set.day[k]);
    events_free(&set);
}

static void test_bare_array_with_numbers_and_date_spellings(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_array.json"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "ACLED JSON (array of events)");
    assert_int_equal(set.count, 3);
    assert_int_equal(set.day[find_event(&set, "ARR1")], date_from_ymd(2020, 12, 31));
    assert_int_equal(set.day[find_event(&set, "ARR2")], date_from_ymd(2021, 2, 16));
    assert_int_equal(set.day[find_event(&set, "ARR3")], date_from_ymd(2019, 3, 5));
    assert_int_equal(total_fatalities(&set), 4);
    events_free(&set);
}

static void test_skipped_records_have_reasons(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_skips.json"), &rep));
    assert_books(&rep);
    assert_int_equal(rep.read, 11);
    assert_int_equal(rep.loaded, 1);
    assert_int_equal(rep.skipped, 10);
    assert_int_equal(set.count, 1);
    assert_int_equal(rep.nreasons, 10);
    assert_contains(error_text(&rep.reasons[0]).s, "acled_skips.json:2:1: record 1: latitude 91 outside [-90, 90]");
    assert_contains(error_text(&rep.reasons[1]).s, ":3:1: record 2: event_date: no such day: '2024-02-30'");
    assert_contains(error_text(&rep.reasons[2]).s, "longitude -181 outside");
    assert_contains(error_text(&rep.reasons[3]).s, "latitude 'NaN' is not a number");
    assert_contains(error_text(&rep.reasons[4]).s, "fatalities -1 is not a count");
    assert_contains(error_text(&rep.reasons[5]).s, "fatalities 1e30 is not a count");
    assert_contains(error_text(&rep.reasons[6]).s, "ambiguous date '31/12/2020'");
    assert_contains(error_text(&rep.reasons[7]).s, "both 0");
    assert_contains(error_text(&rep.reasons[8]).s, "missing date");
    assert_contains(error_text(&rep.reasons[9]).s, ":11:1: record 10: not a JSON object");
    /* The position is data, not only text. */
    const Error *first = &rep.reasons[0];
    assert_string_equal(first->file, fixture("acled_skips.json"));
    assert_int_equal(first->line, 2);
    assert_int_equal(first->column, 1);
    assert_int_equal(first->record, 1);
    assert_string_equal(first->msg, "latitude 91 outside [-90, 90]");
    assert_int_equal(rep.reasons[9].line, 11);
    assert_int_equal(rep.reasons[9].record, 10);
    events_free(&set);
}

static void test_error_text_leaves_out_zero_parts(void **state)
{
    (void)state;
    Error e;
    error_set(&e, "bad %s", "thing");
    assert_string_equal(error_text(&e).s, "bad thing");
    error_set_file(&e, "a.csv");
    assert_string_equal(error_text(&e).s, "a.csv: bad thing");
    error_set_file(&e, "b.csv");                  /* the first name stays */
    assert_string_equal(e.file, "a.csv");
    e.line = 3;
    assert_string_equal(error_text(&e).s, "a.csv:3: bad thing");
    e.column = 46;
    assert_string_equal(error_text(&e).s, "a.csv:3:46: bad thing");
    e.record = 2;
    assert_string_equal(error_text(&e).s, "a.csv:3:46: record 2: bad thing");
    e.line = 0;                                   /* a column needs a line */
    assert_string_equal(error_text(&e).s, "a.csv: record 2: bad thing");
    error_at(&e, 7, 0, "no header row");
    assert_string_equal(e.file, "");
    assert_int_equal(e.record, 0);
    assert_string_equal(error_text(&e).s, "7: no header row");
    error_prefix(&e, "event_date");
    assert_string_equal(error_text(&e).s, "7: event_date: no header row");
    assert_true(error_terminated(&e));
}

static void expect_failure(const char *name, const char *message)
{
    EventSet set;
    LoadReport rep;
    assert_false(load_one(&set, fixture(name), &rep));
    assert_contains(error_text(&rep.error).s, message);
    assert_int_equal(set.count, 0);          /* nothing from a broken file */
    assert_false(rep.ok);
    assert_int_equal(rep.read, rep.loaded + rep.skipped);
    events_free(&set);
}

static void test_broken_files_fail_with_position(void **state)
{
    (void)state;
    expect_failure("acled_error.json",
                   "API error response: Access denied: your API key has expired.");
    expect_failure("acled_truncated.json",
                   "acled_truncated.json:3:46: unexpected end of file while "
                   "reading record 2 (truncated?)");
    expect_failure("acled_badsyntax.json", "acled_badsyntax.json:3:65: invalid JSON in record 2");
    expect_failure("blank.json", "empty file");
    expect_failure("binary.csv", "binary data");
    expect_failure("not_events.csv", "not_events.csv:1: not an event table: the header has no latitude column");
    expect_failure("unbalanced.csv", "unbalanced.csv:3: unterminated quoted field");
    expect_failure("strayquote.csv", "strayquote.csv:3:21: misplaced quote");
    expect_failure("no_such_file.json", "No such file or directory");
    expect_failure("", "is a directory");

    EventSet set;
    LoadReport rep;
    assert_false(load_one(&set, fixture("acled_truncated.json"), &rep));
    assert_string_equal(rep.error.file, fixture("acled_truncated.json"));
    assert_int_equal(rep.error.line, 3);
    assert_int_equal(rep.error.column, 46);
    assert_true(strncmp(rep.error.msg, "unexpected end of file", 22) == 0);
    events_free(&set);
    assert_false(load_one(&set, fixture("not_events.csv"), &rep));
    assert_int_equal(rep.error.line, 1);
    assert_int_equal(rep.error.column, 0);
    events_free(&set);
}

/* The 65,536th file of a set is an error for that file, not an abort;
 * the names are registered directly rather than as 65,535 real files. */
static void test_file_limit_fails_clearly(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    events_init(&set);
    for (unsigned k = 0; k < 65535; k++)
        assert_int_equal(events_add_file(&set, "f.csv"), k);
    assert_int_equal(events_add_file(&set, "one-more.csv"), EVENTS_NO_FILE);
    assert_int_equal(set.nfiles, 65535);
    assert_false(load_file(&set, fixture("acled_api.json"), &rep));
    assert_false(rep.ok);
    char want[1200];
    snprintf(want, sizeof want, "%s: more than 65,535 input files: ",
             fixture("acled_api.json"));
    assert_true(strncmp(error_text(&rep.error).s, want, strlen(want)) == 0);
    assert_int_equal(set.count, 0);
    assert_int_equal(set.nfiles, 65535);
    assert_int_equal(rep.read, rep.loaded + rep.skipped);
    events_free(&set);
}

static void test_failed_file_keeps_earlier_files(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    events_init(&set);
    assert_true(load_file(&set, fixture("acled_monadic.csv"), &rep));
    size_t before = set.count;
    /* acled_truncated.json has a good first record: it must not stay. */
    assert_false(load_file(&set, fixture("acled_truncated.json"), &rep));
    assert_int_equal(set.count, before);
    assert_int_equal(set.nfiles, 1);
    assert_true(load_file(&set, fixture("ucdp.csv"), &rep));
    events_finish(&set);
    assert_int_equal(set.count, before + 2);
    events_free(&set);
}

static void test_ucdp_json_and_csv(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("ucdp_api.json"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "UCDP GED API JSON (envelope)");
    assert_int_equal(set.count, 3);
    size_t i = find_event(&set, "244001");
    assert_int_equal(set.type[i], EVENT_VIOLENCE_CIVILIANS);
    assert_int_equal(events_ucdp_type(&set, i), UCDP_ONE_SIDED);
    assert_int_equal(set.fat[i], 157);
    assert_int_equal(events_fat_low(&set, i), 150);
    assert_int_equal(events_fat_high(&set, i), 160);
    assert_string_equal(events_text(&set, i, TEXT_LOCATION), "Ogossagou village");
    assert_string_equal(events_text(&set, i, TEXT_ADMIN1), "Mopti region");
    i = find_event(&set, "244002");           /* all values as strings */
    assert_int_equal(events_span(&set, i), 29);
    assert_int_equal(events_geo_prec(&set, i), 3);
    assert_int_equal(events_ucdp_type(&set, i), UCDP_STATE_BASED);
    events_free(&set);

    assert_true(load_one(&set, fixture("ucdp.csv"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "UCDP GED CSV");
    assert_int_equal(set.count, 2);
    i = find_event(&set, "300001");
    assert_int_equal(set.fat[i], 132);
    assert_int_equal(events_fat_high(&set, i), 160);
    assert_int_equal(events_span(&set, i), 1);
    events_free(&set);
}

static void test_acled_csv_uppercase_crlf_quoted(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_upper_crlf.csv"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "ACLED CSV");
    assert_int_equal(set.count, 2);
    size_t i = find_event(&set, "UP1");
    char *notes = events_notes(&set, i);
    assert_string_equal(notes, "Attack on Seytenga, \"dozens\" killed;\r\nsecond line of notes");
    free(notes);
    assert_string_equal(events_text(&set, i, TEXT_ACTOR2), "Civilians (Burkina Faso)");
    assert_int_equal(set.fat[find_event(&set, "UP2")], 500);
    events_free(&set);
}

static void test_monadic_csv(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_monadic.csv"), &rep));
    assert_books(&rep);
    assert_contains(rep.format, "monadic");
    assert_int_equal(rep.read, 4);
    assert_int_equal(rep.merged, 1);
    assert_int_equal(rep.duplicates, 1);
    assert_int_equal(set.count, 2);
    assert_int_equal(total_fatalities(&set), 4);
    size_t i = find_event(&set, "MON1");
    assert_string_equal(events_text(&set, i, TEXT_ACTOR1), "Military Forces of Mali (2012-2020)");
    assert_string_equal(events_text(&set, i, TEXT_ACTOR2), "JNIM: Group for Support of Islam and Muslims");
    assert_string_equal(events_text(&set, i, TEXT_ASSOC_ACTOR2), "Katiba Macina");
    events_free(&set);
}

static void test_ragged_rows_are_skipped(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("ragged.csv"), &rep));
    assert_books(&rep);
    assert_int_equal(rep.skipped, 1);
    assert_contains(error_text(&rep.reasons[0]).s, "ragged.csv:3: row has 3 fields, the header has 4");
    assert_int_equal(rep.reasons[0].line, 3);
    assert_int_equal(rep.reasons[0].column, 0);
    assert_int_equal(rep.reasons[0].record, 0);
    assert_int_equal(set.count, 2);
    events_free(&set);
}

static void test_geojson(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("features.geojson"), &rep));
    assert_books(&rep);
    assert_string_equal(rep.format, "GeoJSON FeatureCollection");
    assert_int_equal(rep.read, 6);
    assert_int_equal(set.count, 3);
    assert_contains(error_text(&rep.reasons[0]).s, "features.geojson:5:1: record 4: geometry is LineString, not a Point");
    assert_contains(error_text(&rep.reasons[1]).s, "feature has no geometry");
    assert_contains(error_text(&rep.reasons[2]).s, "missing date");
    size_t i = find_event(&set, "G1");
    assert_float_equal(events_lon(&set, i), -1.5197, 1e-12);
    assert_float_equal(events_lat(&set, i), 12.3714, 1e-12);
    assert_int_equal(set.day[i], date_from_ymd(2016, 1, 15));
    assert_int_equal(set.type[i], EVENT_VIOLENCE_CIVILIANS);
    assert_int_equal(set.fat[i], 30);
    events_free(&set);

    assert_true(load_one(&set, fixture("feature.geojson"), &rep));
    assert_string_equal(rep.format, "GeoJSON Feature");
    assert_int_equal(set.count, 1);
    assert_int_equal(events_fat_low(&set, 0), 20);
    events_free(&set);

    assert_true(load_one(&set, fixture("bom.json"), &rep));
    assert_int_equal(set.count, 1);
    events_free(&set);
}

/* Writes a JSON array of n events, one with a huge notes field, so that
 * records and one value straddle the loader's 4 MB read chunks. */
static void write_big_json(const char *path, int n, size_t huge)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"data\":[", f);
    for (int i = 0; i < n; i++) {
        fprintf(f, "%s\n {\"event_id_cnty\":\"BIG%d\",\"event_date\":\"2020-01-%02d\","
                   "\"latitude\":\"15\",\"longitude\":\"2\",\"fatalities\":\"1\","
                   "\"notes\":\"", i ? "," : "", i, 1 + i % 28);
        size_t len = i == n / 2 ? huge : 200;
        for (size_t k = 0; k < len; k++) fputc(k % 50 == 49 ? '\\' : 'x', f),
                                         k % 50 == 49 ? fputc('n', f) : 0;
        fputs("\"}", f);
    }
    fputs("\n]}\n", f);
    fclose(f);
}

static void test_records_across_read_chunks(void **state)
{
    (void)state;
    char path[] = "/tmp/sahelmap-test-big-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_big_json(path, 40000, 9u << 20);   /* ~18 MB, one 9 MB note */
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, path, &rep));
    assert_int_equal(rep.read, 40000);
    assert_int_equal(set.count, 40000);
    assert_int_equal(total_fatalities(&set), 40000);
    size_t i = find_event(&set, "BIG20000");
    assert_true(notes_len(set.notes[i]) > (8u << 20));
    events_free(&set);
    unlink(path);
}

static void test_event_limit_fails_clearly(void **state)
{
    (void)state;
    Config cfg;
    config_defaults(&cfg);
    cfg.max_events = 2;
    LoadOptions opt = {.config = &cfg};
    EventSet set;
    LoadReport rep;
    events_init(&set);
    assert_false(load_file_with(&set, fixture("acled_api.json"), &rep, &opt));
    assert_contains(rep.error.msg, "more than 2 events: the limit (set SAHELMAP_MAX_EVENTS");
    assert_int_equal(set.count, 0);
    events_free(&set);
    cfg.max_events = 1;
    events_init(&set);
    assert_false(load_file_with(&set, fixture("acled_upper_crlf.csv"), &rep, &opt));
    assert_contains(rep.error.msg, "more than 1 events");
    assert_int_equal(set.count, 0);
    events_free(&set);
    config_defaults(&cfg);
    assert_int_equal(cfg.max_events, LOAD_MAX_EVENTS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_acled_api_envelope),
        cmocka_unit_test(test_bare_array_with_numbers_and_date_spellings),
        cmocka_unit_test(test_skipped_records_have_reasons),
        cmocka_unit_test(test_error_text_leaves_out_zero_parts),
        cmocka_unit_test(test_broken_files_fail_with_position),
        cmocka_unit_test(test_file_limit_fails_clearly),
        cmocka_unit_test(test_failed_file_keeps_earlier_files),
        cmocka_unit_test(test_ucdp_json_and_csv),
        cmocka_unit_test(test_acled_csv_uppercase_crlf_quoted),
        cmocka_unit_test(test_monadic_csv),
        cmocka_unit_test(test_ragged_rows_are_skipped),
        cmocka_unit_test(test_geojson),
        cmocka_unit_test(test_records_across_read_chunks),
        cmocka_unit_test(test_event_limit_fails_clearly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_formats: the input formats as they come today and from before, one
 * fixture each (tests/fixtures, made up but with the published field
 * lists): ACLED's 2025 export (interaction codes as text) and API (as
 * numbers, population_*, tags, timestamp), an ACLED export of the older
 * typology, UCDP GED 25.1 and Candidate 26 (true/false active_year, times
 * with milliseconds, empty conflict_dset_id, where_description, another
 * column order), a GeoJSON written by a GIS tool (OBJECTID, nulls, crs,
 * float noise) and a file without a country column (the country inferred
 * from the basemap). Each is loaded as the program loads (load_files_with:
 * inference included) and checked for counts, types, dates, fatalities and
 * actors, then through `sahelmap info` (info_run) for the figures a
 * reader sees.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bundled.h"
#include "date.h"
#include "describe.h"
#include "extract.h"
#include "incountry.h"
#include "info.h"
#include "stats.h"

/* Loads fixtures as the program does (inference included). */
static void load(EventSet *set, const char *const *names, int n)
{
    char *paths[8];
    LoadReport reps[8];
    for (int i = 0; i < n; i++) paths[i] = strdup(fixture(names[i]));
    events_init(set);
    LoadOptions opt = {.config = test_config()};
    assert_int_equal(load_files_with(set, paths, n, reps, &opt), 0);
    for (int i = 0; i < n; i++) {
        assert_int_equal(reps[i].skipped, 0);
        assert_int_equal(reps[i].read, reps[i].loaded);
        free(paths[i]);
    }
}

static size_t event(const EventSet *set, const char *id)
{
    size_t i = find_event(set, id);
    if (i == SIZE_MAX) fail_msg("no event %s", id);
    return i;
}

static void assert_text(const EventSet *set, const char *id, EventText f, const char *want)
{
    const char *got = events_text(set, event(set, id), f);
    if (strcmp(got, want) != 0) fail_msg("%s field %d: '%s', want '%s'", id, f, got, want);
}

static void assert_event(const EventSet *set, const char *id, EventType type,
                         SubEventType sub, int y, int m, int d, int32_t fat)
{
    size_t i = event(set, id);
    if (set->type[i] != type || set->sub_type[i] != sub || set->fat[i] != fat ||
        set->day[i] != date_from_ymd(y, m, d))
        fail_msg("%s: type %d sub %d fat %d day %d; want %d %d %d %d", id, set->type[i],
                 set->sub_type[i], set->fat[i], set->day[i], type, sub, fat,
                 date_from_ymd(y, m, d));
}

/* `sahelmap info` on fixtures, text or JSON (caller frees). */
static char *info_of(const char *const *names, int n, InfoFormat format)
{
    char *paths[8];
    for (int i = 0; i < n; i++) paths[i] = strdup(fixture(names[i]));
    FILE *out = tmpfile(), *err = tmpfile();
    InfoOptions io = {.format = format};
    LoadOptions opt = {.config = test_config()};
    assert_int_equal(info_run(paths, n, out, err, &opt, &io), 0);
    long size = ftell(out);
    rewind(out);
    char *text = calloc((size_t)size + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)size, out), (size_t)size);
    fclose(out);
    fclose(err);
    for (int i = 0; i < n; i++) free(paths[i]);
    return text;
}

static cJSON *info_json(const char *name)
{
    char *text = info_of(&name, 1, INFO_JSON);
    cJSON *doc = cJSON_Parse(text);
    free(text);
    assert_non_null(doc);
    return doc;
}

static const cJSON *file_stats(const cJSON *doc)
{
    const cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "files"), 0);
    return cJSON_GetObjectItem(f, "stats");
}

static double json_number(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsNumber(v)) fail_msg("no number %s", name);
    return v->valuedouble;
}

/* ------------------------------------------------------------------------- */

static void test_acled_2025_text(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "acled_2025_text.csv";
    load(&set, &name, 1);
    assert_int_equal(set.count, 6);
    assert_int_equal(total_fatalities(&set), 23);
    assert_event(&set, "MLI36001", EVENT_BATTLES, SUB_ARMED_CLASH, 2025, 3, 3, 6);
    assert_event(&set, "BFA20101", EVENT_VIOLENCE_CIVILIANS, SUB_ATTACK, 2025, 4, 11, 12);
    assert_event(&set, "NIG40555", EVENT_EXPLOSIONS, SUB_REMOTE_EXPLOSIVE, 2025, 5, 2, 4);
    assert_event(&set, "NIG40600", EVENT_PROTESTS, SUB_PEACEFUL_PROTEST, 2025, 5, 19, 0);
    assert_event(&set, "MLI36120", EVENT_RIOTS, SUB_MOB_VIOLENCE, 2025, 5, 27, 1);
    assert_event(&set, "MLI36200", EVENT_STRATEGIC, SUB_LOOTING, 2025, 6, 1, 0);
    assert_text(&set, "MLI36001", TEXT_ACTOR1, "Military Forces of Mali (2021-)");
    assert_text(&set, "MLI36001", TEXT_ASSOC_ACTOR1, "Africa Corps");
    assert_text(&set, "MLI36001", TEXT_ACTOR2, "JNIM: Group for Support of Islam and Muslims");
    assert_text(&set, "NIG40600", TEXT_ASSOC_ACTOR1, "Students (Niger)");
    assert_text(&set, "MLI36120", TEXT_LOCATION, "Bamako - Commune IV");
    assert_text(&set, "BFA20101", TEXT_SOURCE_SCALE, "National");
    assert_int_equal(events_disorder(&set, event(&set, "MLI36120")),
                     DISORDER_POLITICAL_VIOLENCE_DEMONSTRATIONS);
    assert_true(set.flags[event(&set, "BFA20101")] & EVENT_FLAG_CIVILIAN_TARGETING);
    assert_false(set.flags[event(&set, "MLI36001")] & EVENT_FLAG_CIVILIAN_TARGETING);
    assert_int_equal(events_date_prec(&set, event(&set, "NIG40555")), 2);
    assert_int_equal(events_date_prec(&set, event(&set, "MLI36200")), 3);
    assert_int_equal(events_geo_prec(&set, event(&set, "MLI36200")), 3);
    for (size_t i = 0; i < set.count; i++) {
        assert_string_equal(events_text(&set, i, TEXT_ORIGINAL_TYPE), "");
        assert_false(set.flags[i] & EVENT_FLAG_COUNTRY_INFERRED);
    }
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "format:     ACLED CSV\n");
    assert_contains(text, "records:    6 read, 6 loaded, 0 skipped\n");
    assert_contains(text, "events:     6, 23 fatalities\n");
    assert_contains(text, "dates:      2025-03-03 to 2025-06-01\n");
    assert_false(testutil_contains(text, "Unknown"));
    assert_false(testutil_contains(text, "inferred"));
    free(text);
}

static void test_acled_2025_api_numbers(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "acled_2025_numbers.json";
    load(&set, &name, 1);
    assert_int_equal(set.count, 4);
    assert_int_equal(total_fatalities(&set), 40);
    assert_event(&set, "BFA20333", EVENT_BATTLES, SUB_NONSTATE_OVERTAKES, 2025, 6, 14, 40);
    assert_event(&set, "TCD7010", EVENT_EXPLOSIONS, SUB_AIR_DRONE_STRIKE, 2025, 6, 20, 0);
    /* This one's values are JSON numbers, not strings. */
    assert_event(&set, "NIG40721", EVENT_VIOLENCE_CIVILIANS, SUB_ABDUCTION, 2025, 7, 2, 0);
    assert_event(&set, "MRT610", EVENT_PROTESTS, SUB_PROTEST_INTERVENTION, 2025, 7, 9, 0);
    size_t i = event(&set, "NIG40721");
    assert_float_equal(events_lat(&set, i), 16.1333, 1e-9);
    assert_float_equal(events_lon(&set, i), 4.7833, 1e-9);
    assert_true(set.flags[i] & EVENT_FLAG_CIVILIAN_TARGETING);
    assert_text(&set, "NIG40721", TEXT_ASSOC_ACTOR2, "Women (Niger)");
    assert_text(&set, "BFA20333", TEXT_ASSOC_ACTOR2,
                "VDP: Volunteers for the Defense of the Homeland");
    assert_text(&set, "TCD7010", TEXT_ACTOR2,
                "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad");
    assert_text(&set, "MRT610", TEXT_COUNTRY, "Mauritania");
    /* The upload timestamp never dates an event that has an event_date. */
    assert_int_equal(set.day[event(&set, "MRT610")], date_from_ymd(2025, 7, 9));
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "format:     ACLED API JSON (envelope)\n");
    assert_contains(text, "events:     4, 40 fatalities\n");
    assert_contains(text, "dates:      2025-06-14 to 2025-07-09\n");
    free(text);
}

static void test_acled_old_typology(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "acled_old_typology.csv";
    load(&set, &name, 1);
    assert_int_equal(set.count, 14);
    assert_int_equal(total_fatalities(&set), 17);
    assert_event(&set, "MLI1001", EVENT_BATTLES, SUB_ARMED_CLASH, 2012, 1, 17, 3);
    assert_event(&set, "MLI1014", EVENT_BATTLES, SUB_NONSTATE_OVERTAKES, 2012, 1, 26, 0);
    assert_event(&set, "MLI1290", EVENT_BATTLES, SUB_GOVERNMENT_REGAINS, 2013, 1, 28, 0);
    assert_event(&set, "MLI1422", EVENT_EXPLOSIONS, SUB_NONE, 2013, 6, 8, 2);
    assert_event(&set, "MLI1501", EVENT_VIOLENCE_CIVILIANS, SUB_NONE, 2013, 9, 19, 2);
    /* Riots/Protests: rioters; protesters; state forces against rioters
     * (inter2 decides); a political militia alone (Protests). */
    assert_event(&set, "NIG1201", EVENT_RIOTS, SUB_NONE, 2015, 1, 16, 5);
    assert_event(&set, "NIG1230", EVENT_PROTESTS, SUB_NONE, 2016, 1, 13, 0);
    assert_event(&set, "BFA150", EVENT_RIOTS, SUB_NONE, 2014, 10, 30, 4);
    assert_event(&set, "BFA162", EVENT_PROTESTS, SUB_NONE, 2014, 11, 2, 0);
    assert_event(&set, "MLI1610", EVENT_STRATEGIC, SUB_NONE, 2015, 6, 20, 0);
    assert_event(&set, "MLI1633", EVENT_STRATEGIC, SUB_HQ_ESTABLISHED, 2015, 7, 11, 0);
    assert_event(&set, "MLI1702", EVENT_STRATEGIC, SUB_NONVIOLENT_TRANSFER, 2016, 2, 15, 0);
    assert_event(&set, "NIG1020", EVENT_STRATEGIC, SUB_NONE, 2010, 3, 22, 0);
    assert_event(&set, "NIG1333", EVENT_UNKNOWN, SUB_NONE, 2016, 5, 5, 1);
    assert_text(&set, "NIG1201", TEXT_ORIGINAL_TYPE, "Riots/Protests");
    assert_text(&set, "MLI1001", TEXT_ORIGINAL_TYPE, "Battle-No change of territory");
    assert_text(&set, "NIG1333", TEXT_ORIGINAL_TYPE, "Cattle raid");
    assert_text(&set, "MLI1501", TEXT_ORIGINAL_TYPE, "");    /* a current name */
    assert_text(&set, "MLI1290", TEXT_ACTOR1, "Military Forces of France");
    assert_text(&set, "MLI1290", TEXT_ASSOC_ACTOR1, "Military Forces of Mali (2012-2013)");
    assert_text(&set, "BFA150", TEXT_ACTOR2, "Rioters (Burkina Faso)");

    /* The details panel says what the file wrote. */
    TextLines t;
    describe_init(&t);
    describe_details(&set, event(&set, "NIG1201"), 0, 1, &t);
    assert_string_equal(t.line[1], "Riots (ACLED before 2019: Riots/Protests)");
    describe_free(&t);
    describe_details(&set, event(&set, "NIG1333"), 0, 1, &t);
    assert_string_equal(t.line[1], "Unknown (the file says: Cattle raid)");
    describe_free(&t);
    describe_event(&set, event(&set, "NIG1201"), false, &t);      /* tooltip: short */
    assert_string_equal(t.line[1], "Riots");
    describe_free(&t);
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "records:    14 read, 14 loaded, 0 skipped\n");
    assert_contains(text, "events:     14, 17 fatalities\n");
    assert_contains(text, "    Riots                                     2          9\n");
    assert_contains(text, "    Protests                                  2          0\n");
    assert_contains(text, "    Unknown                                   1          1\n");
    assert_contains(text, "  older ACLED types (before 2019)        events fatalities\n"
                          "    Riots/Protests\n"
                          "      as Riots                                2          9\n"
                          "      as Protests                             2          0\n");
    assert_contains(text, "    Non-violent activity by a conflict actor\n"
                          "      as Strategic developments               1          0\n");
    assert_contains(text, "  unknown types, as written              events fatalities\n"
                          "    \"Cattle raid\"                             1          1\n");
    free(text);

    /* Written out as CSV and read again: the older types are the current
     * ones they became, an unknown type stays as written. */
    load(&set, &name, 1);
    uint8_t *marks = malloc(set.count);
    memset(marks, 1, set.count);
    char csv[] = "/tmp/sahelmap-formats-XXXXXX";
    int fd = mkstemp(csv);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    Error err;
    assert_true(extract_write_csv(f, &set, marks, &err));
    fclose(f);
    free(marks);
    EventSet again;
    LoadReport rep;
    assert_true(load_one(&again, csv, &rep));
    remove(csv);
    assert_int_equal(again.count, set.count);
    for (size_t i = 0; i < set.count; i++) {
        size_t k = event(&again, events_text(&set, i, TEXT_ID));
        assert_int_equal(again.type[k], set.type[i]);
        assert_int_equal(again.sub_type[k], set.sub_type[i]);
    }
    assert_text(&again, "NIG1333", TEXT_ORIGINAL_TYPE, "Cattle raid");
    assert_text(&again, "NIG1201", TEXT_ORIGINAL_TYPE, "");
    events_free(&again);
    events_free(&set);

    cJSON *doc = info_json(name);
    const cJSON *st = file_stats(doc);
    const cJSON *older = cJSON_GetObjectItem(st, "older_types");
    const cJSON *unknown = cJSON_GetObjectItem(st, "unknown_types");
    assert_int_equal(cJSON_GetArraySize(older), 10);
    assert_int_equal(cJSON_GetArraySize(unknown), 1);
    const cJSON *u = cJSON_GetArrayItem(unknown, 0);
    assert_string_equal(cJSON_GetObjectItem(u, "as_written")->valuestring, "Cattle raid");
    assert_int_equal(json_number(u, "events"), 1);
    cJSON_Delete(doc);
}

static void test_ucdp_ged_251(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "ucdp_ged_251.csv";
    load(&set, &name, 1);
    assert_int_equal(set.count, 3);
    assert_int_equal(total_fatalities(&set), 163);
    assert_event(&set, "512001", EVENT_BATTLES, SUB_NONE, 2024, 3, 2, 20);
    assert_event(&set, "512002", EVENT_VIOLENCE_CIVILIANS, SUB_NONE, 2024, 8, 24, 133);
    assert_event(&set, "512003", EVENT_BATTLES, SUB_NONE, 2024, 5, 3, 10);
    size_t i = event(&set, "512002");
    assert_int_equal(events_fat_low(&set, i), 133);
    assert_int_equal(events_fat_high(&set, i), 400);
    assert_int_equal(events_ucdp_type(&set, i), UCDP_ONE_SIDED);
    assert_true(set.flags[i] & EVENT_FLAG_CIVILIAN_TARGETING);
    i = event(&set, "512003");
    assert_int_equal(events_ucdp_type(&set, i), UCDP_NON_STATE);
    assert_int_equal(events_span(&set, i), 6);                 /* 3 to 9 May */
    assert_int_equal(events_date_prec(&set, i), 2);
    assert_int_equal(events_geo_prec(&set, i), 2);
    assert_text(&set, "512001", TEXT_ACTOR1, "Government of Mali");
    assert_text(&set, "512001", TEXT_ACTOR2, "JNIM");
    assert_text(&set, "512001", TEXT_LOCATION, "Boulkessi town");
    assert_text(&set, "512001", TEXT_ADMIN1, "Mopti region");
    assert_text(&set, "512001", TEXT_SOURCE, "Agence France Presse;Studio Tamani");
    char *notes = events_notes(&set, event(&set, "512001"));
    assert_string_equal(notes, "Mali: army says it repelled attack on Boulkessi;"
                               "Attaque contre le camp de Boulkessi");
    free(notes);
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "format:     UCDP GED CSV\n");
    assert_contains(text, "events:     3, 163 fatalities (reported range 159 to 441)\n");
    assert_contains(text, "dates:      2024-03-02 to 2024-08-24\n");
    free(text);
}

static void test_ucdp_candidate_26(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "ucdp_candidate_26.csv";
    load(&set, &name, 1);
    assert_int_equal(set.count, 3);
    assert_int_equal(total_fatalities(&set), 52);
    /* "2026-07-11 00:00:00.000"; active_year "true"/"false"; no
     * conflict_dset_id; where_description last, after gwnob. */
    assert_event(&set, "640101", EVENT_BATTLES, SUB_NONE, 2026, 7, 11, 8);
    assert_event(&set, "640102", EVENT_VIOLENCE_CIVILIANS, SUB_NONE, 2026, 7, 1, 21);
    assert_event(&set, "640103", EVENT_BATTLES, SUB_NONE, 2026, 8, 2, 23);
    size_t i = event(&set, "640102");
    assert_int_equal(events_span(&set, i), 30);
    assert_int_equal(events_date_prec(&set, i), 3);           /* date_prec 4: a month */
    assert_int_equal(events_geo_prec(&set, i), 3);            /* where_prec 4 */
    assert_int_equal(events_fat_low(&set, i), 15);
    assert_int_equal(events_fat_high(&set, i), 30);
    assert_text(&set, "640103", TEXT_ACTOR1, "Government of Niger");
    assert_text(&set, "640103", TEXT_ACTOR2, "IS Sahel");
    assert_text(&set, "640101", TEXT_COUNTRY, "Mali");
    assert_text(&set, "640101", TEXT_LOCATION, "Kayes town");
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "records:    3 read, 3 loaded, 0 skipped\n");
    assert_contains(text, "events:     3, 52 fatalities (reported range 43 to 71)\n");
    assert_contains(text, "dates:      2026-07-01 to 2026-08-02\n");
    free(text);
}

static void test_gis_geojson(void **state)
{
    (void)state;
    EventSet set;
    const char *name = "gis_export.geojson";
    load(&set, &name, 1);
    assert_int_equal(set.count, 3);
    assert_int_equal(total_fatalities(&set), 56);
    assert_event(&set, "MLI33101", EVENT_BATTLES, SUB_ARMED_CLASH, 2024, 7, 27, 47);
    assert_event(&set, "NIG39001", EVENT_VIOLENCE_CIVILIANS, SUB_ATTACK, 2024, 8, 5, 9);
    /* "fatalities": null is no count given: 0. */
    assert_event(&set, "BFA19002", EVENT_EXPLOSIONS, SUB_SHELLING, 2024, 8, 24, 0);
    size_t i = event(&set, "MLI33101");
    assert_float_equal(events_lon(&set, i), 2.857, 1e-12);
    assert_float_equal(events_lat(&set, i), 19.9628, 1e-12);
    assert_text(&set, "MLI33101", TEXT_ASSOC_ACTOR2, "");     /* null */
    assert_text(&set, "MLI33101", TEXT_ADMIN3, "");
    assert_text(&set, "MLI33101", TEXT_ASSOC_ACTOR1, "Wagner Group");
    char *notes = events_notes(&set, event(&set, "NIG39001"));
    assert_string_equal(notes, "");
    free(notes);
    assert_true(set.flags[event(&set, "NIG39001")] & EVENT_FLAG_CIVILIAN_TARGETING);
    events_free(&set);

    char *text = info_of(&name, 1, INFO_TEXT);
    assert_contains(text, "format:     GeoJSON FeatureCollection\n");
    assert_contains(text, "events:     3, 56 fatalities\n");
    free(text);
}

static void test_country_inferred(void **state)
{
    (void)state;
    EventSet set;
    const char *names[] = {"no_country.csv", "acled_2025_text.csv"};
    load(&set, names, 2);
    assert_int_equal(set.count, 11);
    assert_text(&set, "NC1", TEXT_COUNTRY, "Burkina Faso");
    assert_text(&set, "NC2", TEXT_COUNTRY, "Niger");
    assert_text(&set, "NC3", TEXT_COUNTRY, "Mali");
    assert_text(&set, "NC4", TEXT_COUNTRY, "Chad");
    assert_text(&set, "NC5", TEXT_COUNTRY, "");        /* at sea */
    assert_text(&set, "NC1", TEXT_ADMIN1, "Sahel");
    assert_event(&set, "NC1", EVENT_BATTLES, SUB_ARMED_CLASH, 2023, 2, 17, 51);
    size_t inferred = 0;
    for (size_t i = 0; i < set.count; i++)
        inferred += (set.flags[i] & EVENT_FLAG_COUNTRY_INFERRED) != 0;
    assert_int_equal(inferred, 4);
    assert_false(set.flags[event(&set, "NC5")] & EVENT_FLAG_COUNTRY_INFERRED);
    assert_false(set.flags[event(&set, "MLI36001")] & EVENT_FLAG_COUNTRY_INFERRED);
    /* Per file, in the stats info prints. */
    Stats st;
    stats_compute(&set, 0, set.count, 0, &st);
    assert_int_equal(st.country_inferred, 4);
    stats_free(&st);
    stats_compute(&set, 0, set.count, 1, &st);
    assert_int_equal(st.country_inferred, 0);
    stats_free(&st);
    /* A second pass changes nothing. */
    assert_int_equal(load_infer_countries(&set, test_config()), 0);

    TextLines t;
    describe_init(&t);
    describe_details(&set, event(&set, "NC2"), 0, 1, &t);
    assert_string_equal(t.line[4], "Tillia, Tillaberi, Niger (country inferred from the map) "
                                   "\xc2\xb7 at the town");
    describe_free(&t);
    events_free(&set);

    /* load_file alone infers nothing: the events are as the file gave them. */
    LoadReport rep;
    assert_true(load_one(&set, fixture("no_country.csv"), &rep));
    assert_text(&set, "NC1", TEXT_COUNTRY, "");
    events_free(&set);

    char *text = info_of(names, 1, INFO_TEXT);
    assert_contains(text, "country:    inferred from the basemap for 4 events (their file "
                          "names no country)\n");
    assert_contains(text, "    Burkina Faso                              1         51\n");
    assert_contains(text, "    (no country given)                        1          0\n");
    free(text);
    cJSON *doc = info_json("no_country.csv");
    assert_int_equal(json_number(file_stats(doc), "country_inferred"), 4);
    cJSON_Delete(doc);
}

/* From the cache: the types as written come back, and the countries the
 * file did not name are inferred again (the cache stores the file's own). */
static void test_cache_keeps_types_and_infers_again(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-formats-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Config cfg = *test_config();
    cfg.cache = true;
    cfg.cache_min = 0;
    snprintf(cfg.cache_dir, sizeof cfg.cache_dir, "%s/cache", dir);
    LoadOptions opt = {.config = &cfg};
    const char *names[] = {"acled_old_typology.csv", "no_country.csv"};
    for (int f = 0; f < 2; f++) {
        char *path = strdup(fixture(names[f]));
        for (int pass = 0; pass < 2; pass++) {
            EventSet set;
            LoadReport rep;
            events_init(&set);
            assert_int_equal(load_files_with(&set, &path, 1, &rep, &opt), 0);
            assert_int_equal(testutil_contains(rep.format, "(from cache)"), pass == 1);
            if (f == 0) {
                assert_text(&set, "NIG1230", TEXT_ORIGINAL_TYPE, "Riots/Protests");
                assert_int_equal(set.type[event(&set, "NIG1230")], EVENT_PROTESTS);
                assert_text(&set, "NIG1333", TEXT_ORIGINAL_TYPE, "Cattle raid");
            } else {
                assert_text(&set, "NC3", TEXT_COUNTRY, "Mali");
                assert_true(set.flags[event(&set, "NC3")] & EVENT_FLAG_COUNTRY_INFERRED);
            }
            events_free(&set);
        }
        free(path);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* The grid's shortcut (a cell no border crosses is one country) gives what
 * testing every polygon gives, on points all over the basemap. */
static void test_grid_agrees_with_polygons(void **state)
{
    (void)state;
    Basemap map = {0};
    char path[4096];
    bundled_asset(test_config(), "sahel-basemap.json", path, sizeof path);
    Error err;
    assert_true(basemap_load(&map, path, &err));
    EventSet set;
    events_init(&set);
    uint16_t file = events_add_file(&set, "points");
    unsigned seed = 12345;
    enum { N = 20000 };
    for (int k = 0; k < N; k++) {
        seed = seed * 1103515245u + 12345u;
        double u = (seed >> 8) / 16777216.0;
        seed = seed * 1103515245u + 12345u;
        double v = (seed >> 8) / 16777216.0;
        EventInput in = {.day = 19000, .day_end = 19000, .date_precision = 1,
                         .geo_precision = 1, .lon = -20 + 47 * u, .lat = 3 + 27 * v,
                         .file = file};
        events_add(&set, &in);
    }
    events_finish(&set);
    size_t n = incountry_infer(&set, &map);
    size_t inside = 0;
    for (size_t i = 0; i < set.count; i++) {
        double lon = events_lon(&set, i), lat = events_lat(&set, i);
        int s = basemap_shape_at(&map, BASEMAP_COUNTRIES, lon, lat);
        const char *want = s < 0 ? "" : basemap_str(&map, map.layers[BASEMAP_COUNTRIES].shapes[s].name);
        const char *got = events_text(&set, i, TEXT_COUNTRY);
        if (strcmp(want, got) != 0)
            fail_msg("(%.4f, %.4f): grid says '%s', polygons '%s'", lon, lat, got, want);
        inside += s >= 0;
    }
    assert_int_equal(n, inside);
    assert_true(inside > N / 2);
    events_free(&set);
    basemap_free(&map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_acled_2025_text),
        cmocka_unit_test(test_acled_2025_api_numbers),
        cmocka_unit_test(test_acled_old_typology),
        cmocka_unit_test(test_ucdp_ged_251),
        cmocka_unit_test(test_ucdp_candidate_26),
        cmocka_unit_test(test_gis_geojson),
        cmocka_unit_test(test_country_inferred),
        cmocka_unit_test(test_cache_keeps_types_and_infers_again),
        cmocka_unit_test(test_grid_agrees_with_polygons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

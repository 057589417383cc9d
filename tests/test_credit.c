/*
 * test_credit: the credit line says where the events come from, read from
 * the events themselves (provenance.h), never from where their file lies:
 * the bundled curation copied anywhere is still credited as such,
 * sahelmap-gen output as synthetic data, ACLED and UCDP files as their terms
 * ask, and a mix of sources names them all.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "provenance.h"

#define CURATED "sahelmap's curation of public reporting (ACLED format)"
#define SYNTHETIC "synthetic data (sahelmap-gen), not real events"
#define ACLED "ACLED, www.acleddata.com"
#define UCDP "UCDP GED (CC BY 4.0)"

/* Copies src to OUTPUT_DIR/name (a path outside data/) and returns it. */
static char *copy_to(const char *src, const char *name)
{
    char *dst = malloc(1024);
    snprintf(dst, 1024, "%s/%s", OUTPUT_DIR, name);
    FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
    return dst;
}

static char *bundled_copy(const char *file, const char *name)
{
    char src[CONFIG_PATH_MAX + 256];
    snprintf(src, sizeof src, "%s/%s", test_config()->data_dir, file);
    return copy_to(src, name);
}

static char *generated(const char *name, const char *args)
{
    char *dst = malloc(1024);
    snprintf(dst, 1024, "%s/%s", OUTPUT_DIR, name);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s -o %s", GEN_PATH, args, dst);
    assert_int_equal(system(cmd), 0);
    return dst;
}

/* Loads paths into one set and returns its credit line in out. */
static void credit_of(char **paths, int n, char *out, size_t cap)
{
    EventSet set;
    events_init(&set);
    LoadReport *reports = calloc((size_t)n, sizeof *reports);
    assert_int_equal(load_files(&set, paths, n, reports), 0);
    export_event_credit(&set, reports, paths, n, out, cap);
    free(reports);
    events_free(&set);
}

static void test_event_provenance(void **state)
{
    (void)state;
    assert_int_equal(provenance_of_event("SM-TZ-0001", RECORD_ACLED), PROVENANCE_CURATED);
    assert_int_equal(provenance_of_event("SM-SH-0061", RECORD_GENERIC), PROVENANCE_CURATED);
    assert_int_equal(provenance_of_event("SYN00000001", RECORD_ACLED), PROVENANCE_SYNTHETIC);
    assert_int_equal(provenance_of_event("SYN123456789", RECORD_ACLED), PROVENANCE_SYNTHETIC);
    assert_int_equal(provenance_of_event("SYNC4", RECORD_ACLED), PROVENANCE_ACLED);
    assert_int_equal(provenance_of_event("SYN12", RECORD_ACLED), PROVENANCE_ACLED);
    assert_int_equal(provenance_of_event("MLI4682", RECORD_ACLED), PROVENANCE_ACLED);
    assert_int_equal(provenance_of_event("SM-XX-1", RECORD_ACLED), PROVENANCE_ACLED);
    assert_int_equal(provenance_of_event("12345", RECORD_UCDP), PROVENANCE_UCDP);
    assert_int_equal(provenance_of_event("", RECORD_GENERIC), PROVENANCE_OTHER);
    assert_int_equal(provenance_of_event(NULL, RECORD_GENERIC), PROVENANCE_OTHER);

    char line[256];
    provenance_credit_line(0, line, sizeof line);
    assert_string_equal(line, "Events: none loaded");
    provenance_credit_line(1u << PROVENANCE_UCDP | 1u << PROVENANCE_CURATED, line, sizeof line);
    assert_string_equal(line, "Events: " CURATED "; " UCDP);
}

static void test_bundled_copied_elsewhere(void **state)
{
    (void)state;
    char *paths[2] = {bundled_copy("tinzaouaten-2024.json", "copied-story.json"),
                      bundled_copy("sahel-major-2012-2024.json", "renamed.json")};
    char line[256];
    credit_of(paths, 2, line, sizeof line);
    assert_string_equal(line, "Events: " CURATED);
    free(paths[0]);
    free(paths[1]);
}

static void test_bundled_in_place(void **state)
{
    (void)state;
    char path[CONFIG_PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/tinzaouaten-2024.json", test_config()->data_dir);
    char *paths[1] = {path};
    char line[256];
    credit_of(paths, 1, line, sizeof line);
    assert_string_equal(line, "Events: " CURATED);
}

static void test_generated_is_synthetic(void **state)
{
    (void)state;
    char *paths[2] = {generated("credit-gen.json", "--count 50 --seed 3"),
                      generated("credit-gen.csv", "--count 50 --format csv --monadic")};
    char line[256];
    credit_of(paths, 1, line, sizeof line);
    assert_string_equal(line, "Events: " SYNTHETIC);
    credit_of(paths + 1, 1, line, sizeof line);
    assert_string_equal(line, "Events: " SYNTHETIC);
    free(paths[0]);
    free(paths[1]);
}

static void test_real_sources(void **state)
{
    (void)state;
    char acled[1024], ucdp[1024];
    snprintf(acled, sizeof acled, "%s", fixture("acled_api.json"));
    snprintf(ucdp, sizeof ucdp, "%s", fixture("ucdp.csv"));
    char *a[1] = {acled}, *u[1] = {ucdp};
    char line[256];
    credit_of(a, 1, line, sizeof line);
    assert_string_equal(line, "Events: " ACLED);
    credit_of(u, 1, line, sizeof line);
    assert_string_equal(line, "Events: " UCDP);
}

static void test_mixed_sources_all_named(void **state)
{
    (void)state;
    char acled[1024], ucdp[1024], geo[1024];
    snprintf(acled, sizeof acled, "%s", fixture("acled_api.json"));
    snprintf(ucdp, sizeof ucdp, "%s", fixture("ucdp.csv"));
    /* A GeoJSON file of no known source: only a date and a place. */
    snprintf(geo, sizeof geo, "%s/credit-plain.geojson", OUTPUT_DIR);
    FILE *f = fopen(geo, "w");
    assert_non_null(f);
    fputs("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
          "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,14.2]},"
          "\"properties\":{\"date\":\"2020-03-01\",\"location\":\"Somewhere\"}}]}\n", f);
    assert_int_equal(fclose(f), 0);
    char *copy = bundled_copy("sahel-major-2012-2024.json", "mixed-curation.json");
    char *gen = generated("mixed-gen.json", "--count 20 --seed 9");
    char *paths[5] = {gen, acled, copy, ucdp, geo};
    char line[512];
    credit_of(paths, 5, line, sizeof line);
    assert_string_equal(line, "Events: " CURATED "; " SYNTHETIC "; " ACLED "; " UCDP
                              "; the files shown");
    free(copy);
    free(gen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_provenance),
        cmocka_unit_test(test_bundled_copied_elsewhere),
        cmocka_unit_test(test_bundled_in_place),
        cmocka_unit_test(test_generated_is_synthetic),
        cmocka_unit_test(test_real_sources),
        cmocka_unit_test(test_mixed_sources_all_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

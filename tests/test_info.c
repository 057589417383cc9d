/*
 * test_info: the `sahelmap info` command's output (text and JSON, the same
 * figures) and exit status, and the command line's --help / --version /
 * --quiet / --verbose / bad usage and their exit statuses.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cjson/cJSON.h>

#include "info.h"

/* Runs info on the fixtures named, returning the output (caller frees). */
static char *run_info_as(const char *const *names, int n, int *status, InfoFormat format)
{
    char *paths[8];
    for (int i = 0; i < n; i++) paths[i] = strdup(fixture(names[i]));
    FILE *out = tmpfile(), *err = tmpfile();
    InfoOptions io = {.format = format};
    *status = info_run(paths, n, out, err, NULL, &io);
    long size = ftell(out);
    rewind(out);
    char *text = calloc((size_t)size + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)size, out), (size_t)size);
    fclose(out);
    fclose(err);
    for (int i = 0; i < n; i++) free(paths[i]);
    return text;
}

static char *run_info(const char *const *names, int n, int *status)
{
    return run_info_as(names, n, status, INFO_TEXT);
}

static double number(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *string(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static const cJSON *member(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    assert_non_null(v);
    return v;
}

/* The row of a by_* array whose key member equals value (NULL: none). */
static const cJSON *row_named(const cJSON *rows, const char *key, const char *value)
{
    const cJSON *row;
    cJSON_ArrayForEach(row, rows) {
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(row, key);
        if (cJSON_IsString(k) && strcmp(k->valuestring, value) == 0) return row;
    }
    return NULL;
}

/* --json: one document, every figure of the text, skip reasons with their
 * positions as fields (docs/info-json.md). */
static void test_info_json(void **state)
{
    (void)state;
    const char *names[] = {"acled_monadic.csv", "acled_skips.json", "ucdp.csv",
                           "acled_truncated.json"};
    int status = -1;
    char *text = run_info_as(names, 4, &status, INFO_JSON);
    assert_int_equal(status, 1);
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text, strlen(text) + 1, &end, 1);
    assert_non_null(doc);                            /* all of it, one document */
    assert_int_equal(number(doc, "schema"), INFO_JSON_SCHEMA);
    assert_string_equal(string(doc, "sahelmap"), SAHELMAP_VERSION);
    const cJSON *files = member(doc, "files");
    assert_int_equal(cJSON_GetArraySize(files), 4);

    const cJSON *monadic = cJSON_GetArrayItem(files, 0);
    assert_true(cJSON_IsTrue(member(monadic, "loaded")));
    assert_true(cJSON_IsNull(member(monadic, "error")));
    assert_string_equal(string(monadic, "format"), "ACLED CSV, monadic (one row per actor)");
    const cJSON *rec = member(monadic, "records");
    assert_int_equal(number(rec, "read"), 4);
    assert_int_equal(number(rec, "loaded"), 4);
    assert_int_equal(number(rec, "skipped"), 0);
    assert_int_equal(number(rec, "merged"), 1);

    const cJSON *skips = cJSON_GetArrayItem(files, 1);
    assert_int_equal(number(member(skips, "records"), "skipped"), 10);
    const cJSON *reasons = member(skips, "skip_reasons");
    assert_int_equal(cJSON_GetArraySize(reasons) + number(skips, "skip_reasons_unlisted"), 10);
    const cJSON *first = cJSON_GetArrayItem(reasons, 0);
    assert_string_equal(string(first, "file"), fixture("acled_skips.json"));
    assert_int_equal(number(first, "line"), 2);
    assert_int_equal(number(first, "column"), 1);
    assert_int_equal(number(first, "record"), 1);
    assert_string_equal(string(first, "reason"), "latitude 91 outside [-90, 90]");
    assert_contains(string(first, "text"), ":2:1: record 1: latitude 91");

    const cJSON *ucdp = cJSON_GetArrayItem(files, 2);
    assert_string_equal(string(ucdp, "format"), "UCDP GED CSV");
    const cJSON *st = member(ucdp, "stats");
    assert_int_equal(number(st, "events"), 2);
    assert_int_equal(number(st, "fatalities"), 203);
    assert_int_equal(number(st, "fatalities_low"), 185);
    assert_int_equal(number(st, "fatalities_high"), 231);

    const cJSON *broken = cJSON_GetArrayItem(files, 3);
    assert_true(cJSON_IsFalse(member(broken, "loaded")));
    const cJSON *e = member(broken, "error");
    assert_int_equal(number(e, "line"), 3);
    assert_true(number(e, "column") > 0);
    assert_contains(string(e, "reason"), "unexpected end of file");

    const cJSON *all = member(doc, "all");
    assert_int_equal(number(all, "files"), 4);
    assert_int_equal(number(all, "loaded"), 3);
    assert_int_equal(number(all, "failed"), 1);
    const cJSON *ast = member(all, "stats");
    assert_int_equal(number(ast, "events"), 5);
    assert_int_equal(number(ast, "fatalities"), 211);
    assert_non_null(row_named(member(ast, "by_type"), "type", "Violence against civilians"));
    assert_non_null(row_named(member(ast, "by_country"), "country", "Burkina Faso"));
    const cJSON *mopti = row_named(member(ast, "by_admin1"), "admin1", "Mopti");
    assert_non_null(mopti);
    assert_string_equal(string(mopti, "country"), "Mali");
    assert_true(cJSON_IsNumber(member(cJSON_GetArrayItem(member(ast, "by_year"), 0), "year")));

    /* The same figures as the text: every by_* row's events sum to the
     * total, and the text shows each of them. */
    char *plain = run_info(names, 4, &status);
    const char *groups[] = {"by_type", "by_country", "by_year"};
    for (size_t g = 0; g < 3; g++) {
        double sum = 0;
        const cJSON *row;
        cJSON_ArrayForEach(row, member(ast, groups[g])) sum += number(row, "events");
        assert_int_equal(sum, 5);
    }
    char line[160];
    const cJSON *row;
    cJSON_ArrayForEach(row, member(ast, "by_type")) {
        snprintf(line, sizeof line, "%s", string(row, "type"));
        assert_contains(plain, line);
    }
    snprintf(line, sizeof line, "dates:      %s to %s", string(ast, "first_date"),
             string(ast, "last_date"));
    assert_contains(plain, line);
    free(plain);
    cJSON_Delete(doc);
    free(text);
}

static void test_info_per_file_and_total(void **state)
{
    (void)state;
    const char *names[] = {"acled_monadic.csv", "acled_skips.json", "ucdp.csv"};
    int status = -1;
    char *text = run_info(names, 3, &status);
    assert_int_equal(status, 0);
    assert_contains(text, "format:     ACLED CSV, monadic (one row per actor)");
    assert_contains(text, "records:    4 read, 4 loaded, 0 skipped");
    assert_contains(text, "1 row merged into events as further actors");
    assert_contains(text, "1 exact repeat row (identical in every field to one loaded)");
    assert_contains(text, "records:    11 read, 1 loaded, 10 skipped");
    assert_contains(text, "skipped:    ");
    assert_contains(text, "latitude 91 outside [-90, 90]");
    assert_contains(text, "format:     UCDP GED CSV");
    assert_contains(text, "events:     2, 203 fatalities (reported range 185 to 231)");
    assert_contains(text, "All files (3 loaded, 0 failed)");
    assert_contains(text, "events:     5, 211 fatalities");
    assert_contains(text, "by event type");
    assert_contains(text, "Violence against civilians");
    assert_contains(text, "by country");
    assert_contains(text, "Burkina Faso");
    assert_contains(text, "by year");
    assert_contains(text, "2021");
    assert_contains(text, "top admin-1 areas");
    assert_contains(text, "Mopti, Mali");
    free(text);
}

static void test_info_failure_exit_status(void **state)
{
    (void)state;
    const char *names[] = {"acled_truncated.json", "acled_api.json"};
    int status = -1;
    char *text = run_info(names, 2, &status);
    assert_int_equal(status, 1);
    assert_contains(text, "FAILED:     ");
    assert_contains(text, "unexpected end of file");
    assert_contains(text, "All files (1 loaded, 1 failed)");
    assert_contains(text, "events:     4, 96 fatalities");
    free(text);
}

/* Several files of one country (issue 10): per file, how many of its
 * events an earlier file had and which, a conflicting repeat with its
 * position, and a file named twice read once, in the text and in JSON. */
static void test_info_merging_files(void **state)
{
    (void)state;
    const char *names[] = {"merge/export_2020.csv", "merge/export_2020_later.csv",
                           "merge/export_2020.csv", "merge/repeat_one_field.csv"};
    int status = -1;
    char *text = run_info(names, 4, &status);
    assert_int_equal(status, 0);                      /* named twice is no failure */
    assert_contains(text, "2 exact repeat rows (identical in every field to one loaded)");
    assert_contains(text, "earlier:    2 events already loaded from export_2020.csv\n");
    char want[1200];
    snprintf(want, sizeof want, "%s\n  not read:   already loaded: %s (the same file)",
             fixture("merge/export_2020.csv"), fixture("merge/export_2020.csv"));
    assert_contains(text, want);
    assert_contains(text, "conflicts:  1 row with the id of an event held but another value "
                          "(the event held kept), first: ");
    assert_contains(text, "repeat_one_field.csv:3: id MLI8 repeated with another fatalities "
                          "(5 here, 3 kept)");
    assert_contains(text, "All files (3 loaded, 0 failed, 1 named again)");
    assert_contains(text, "events:     7, 29 fatalities");
    free(text);

    text = run_info_as(names, 4, &status, INFO_JSON);
    assert_int_equal(status, 0);
    cJSON *doc = cJSON_Parse(text);
    assert_non_null(doc);
    const cJSON *files = member(doc, "files");
    const cJSON *first = cJSON_GetArrayItem(files, 0);
    assert_int_equal(number(member(first, "already_loaded"), "events"), 0);
    assert_true(cJSON_IsNull(member(first, "conflict")));
    const cJSON *later = cJSON_GetArrayItem(files, 1);
    const cJSON *rec = member(later, "records");
    assert_int_equal(number(rec, "events"), 2);
    assert_int_equal(number(rec, "duplicates"), 2);
    assert_int_equal(number(rec, "conflicts"), 0);
    const cJSON *earlier = member(later, "already_loaded");
    assert_int_equal(number(earlier, "events"), 2);
    assert_int_equal(number(earlier, "from_unlisted"), 0);
    const cJSON *from = cJSON_GetArrayItem(member(earlier, "from"), 0);
    assert_string_equal(string(from, "path"), fixture("merge/export_2020.csv"));
    assert_int_equal(number(from, "events"), 2);
    assert_int_equal(number(member(later, "stats"), "events"), 2);
    const cJSON *again = cJSON_GetArrayItem(files, 2);
    assert_true(cJSON_IsFalse(member(again, "loaded")));
    assert_string_equal(string(again, "same_file_as"), fixture("merge/export_2020.csv"));
    assert_contains(string(member(again, "error"), "reason"), "already loaded: ");
    const cJSON *repeat = cJSON_GetArrayItem(files, 3);
    assert_int_equal(number(member(repeat, "records"), "conflicts"), 1);
    const cJSON *conflict = member(repeat, "conflict");
    assert_int_equal(number(conflict, "line"), 3);
    assert_contains(string(conflict, "reason"), "another fatalities");
    const cJSON *all = member(doc, "all");
    assert_int_equal(number(all, "files"), 4);
    assert_int_equal(number(all, "loaded"), 3);
    assert_int_equal(number(all, "failed"), 0);
    assert_int_equal(number(all, "again"), 1);
    assert_int_equal(number(member(all, "stats"), "events"), 7);
    cJSON_Delete(doc);
    free(text);
}

static int run_command(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", SAHELMAP_PATH, args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The program's standard error (and status) for args; caller frees. */
static char *command_stderr(const char *args, int *status)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s 2>&1 >/dev/null", SAHELMAP_PATH, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = calloc(65536, 1);
    size_t n = fread(out, 1, 65535, p);
    out[n] = '\0';
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

/* -q: errors only; -v: a line per file and the settings; on every
 * command that loads, before or after the command's name. */
static void test_quiet_verbose(void **state)
{
    (void)state;
    char args[1400], png[1024];
    int status = -1;
    snprintf(png, sizeof png, "%s/quiet.png", OUTPUT_DIR);
    snprintf(args, sizeof args, "export %s -o %s --size 320x200 -q", fixture("acled_skips.json"), png);
    char *err = command_stderr(args, &status);
    assert_int_equal(status, 0);
    assert_string_equal(err, "");                  /* nothing at all */
    free(err);
    snprintf(args, sizeof args, "export %s -o %s --size 320x200", fixture("acled_skips.json"), png);
    err = command_stderr(args, &status);
    assert_int_equal(status, 0);
    assert_contains(err, "10 of 11 records skipped");   /* a note by default */
    assert_contains(err, "wrote ");
    free(err);
    snprintf(args, sizeof args, "-v export %s -o %s --size 320x200", fixture("acled_skips.json"), png);
    err = command_stderr(args, &status);
    assert_int_equal(status, 0);
    assert_contains(err, "sahelmap: data ");
    assert_contains(err, ": ACLED API JSON (envelope), 11 read, 1 loaded, 10 skipped");
    assert_contains(err, "skipped ");
    assert_contains(err, ":2:1: record 1: latitude 91 outside [-90, 90]");
    free(err);
    snprintf(args, sizeof args, "info --verbose %s", fixture("acled_api.json"));
    err = command_stderr(args, &status);
    assert_int_equal(status, 0);
    assert_contains(err, ", 4 read, 4 loaded, 0 skipped");
    free(err);
    /* Errors stay with -q. */
    snprintf(args, sizeof args, "info -q %s", fixture("acled_truncated.json"));
    err = command_stderr(args, &status);
    assert_int_equal(status, 1);
    assert_contains(err, "unexpected end of file");
    free(err);
    err = command_stderr("-q --frobnicate", &status);
    assert_int_equal(status, 2);
    assert_contains(err, "(try sahelmap --help)");
    free(err);
}

static void test_command_line(void **state)
{
    (void)state;
    assert_int_equal(run_command("--help"), 0);
    assert_int_equal(run_command("--version"), 0);
    assert_int_equal(run_command("info --help"), 0);
    assert_int_equal(run_command("export --frobnicate -o x.png"), 2);
    assert_int_equal(run_command("--frobnicate"), 2);
    assert_int_equal(run_command("info"), 0);
    assert_int_equal(run_command("info --json"), 0);
    assert_int_equal(run_command("info --frobnicate"), 2);   /* not a file name */
    assert_int_equal(run_command("export -o x.png --loud"), 2);
    /* Output that cannot be written is a failure, said. */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "%s info >/dev/full 2>/dev/null", SAHELMAP_PATH);
    int st = system(cmd);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 1);
    snprintf(cmd, sizeof cmd, "%s --help >/dev/full 2>/dev/null", SAHELMAP_PATH);
    st = system(cmd);
    assert_int_equal(WEXITSTATUS(st), 1);
    char args[1200];
    snprintf(args, sizeof args, "info %s", fixture("acled_error.json"));
    assert_int_equal(run_command(args), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_info_per_file_and_total),
        cmocka_unit_test(test_info_merging_files),
        cmocka_unit_test(test_info_failure_exit_status),
        cmocka_unit_test(test_info_json),
        cmocka_unit_test(test_quiet_verbose),
        cmocka_unit_test(test_command_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_info: the `sahelmap info` command's output and exit status, and the
 * command line's --help / --version / bad usage.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "info.h"

/* Runs info on the fixtures named, returning the output (caller frees). */
static char *run_info(const char *const *names, int n, int *status)
{
    char *paths[8];
    for (int i = 0; i < n; i++) paths[i] = strdup(fixture(names[i]));
    FILE *out = tmpfile(), *err = tmpfile();
    *status = info_run(paths, n, out, err, NULL);
    long size = ftell(out);
    rewind(out);
    char *text = calloc((size_t)size + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)size, out), (size_t)size);
    fclose(out);
    fclose(err);
    for (int i = 0; i < n; i++) free(paths[i]);
    return text;
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
    assert_contains(text, "1 rows merged into events as further actors");
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

static int run_command(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", SAHELMAP_PATH, args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
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
    char args[1200];
    snprintf(args, sizeof args, "info %s", fixture("acled_error.json"));
    assert_int_equal(run_command(args), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_info_per_file_and_total),
        cmocka_unit_test(test_info_failure_exit_status),
        cmocka_unit_test(test_command_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

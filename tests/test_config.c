/*
 * test_config: the environment is read in one place, into a Config, and a
 * value a user can get wrong is an error with a message, not a silent
 * default. Also: the program refuses such a value (exit 2) before doing
 * anything, and the cache directory is made when missing (mode 0700).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cache.h"
#include "config.h"

static const char *const vars[] = {
    "SAHELMAP_DATA", "SAHELMAP_ASSETS", "SAHELMAP_MAX_EVENTS", "SAHELMAP_CACHE",
    "SAHELMAP_CACHE_MIN", "XDG_CACHE_HOME", "HOME", "SAHELMAP_SHOTS",
    "SAHELMAP_IDLE_SIGNAL", "SAHELMAP_FIRST_FRAME_EXIT", "SAHELMAP_FRAME_LOG",
    "SAHELMAP_LOAD_THREADS",
};

static void clear_env(void)
{
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) unsetenv(vars[i]);
}

static void test_defaults(void **state)
{
    (void)state;
    Config d, e;
    config_defaults(&d);
    assert_int_equal(d.max_events, CONFIG_MAX_EVENTS);
    assert_false(d.cache);                       /* built-in: no surprise cache */
    assert_int_equal(d.cache_min, CONFIG_CACHE_MIN);
    assert_int_equal(d.load_threads, 0);          /* every core */
    assert_int_equal(d.load_chunk, 0);
    assert_string_equal(d.shots_dir, ".");
    assert_string_equal(d.cache_dir, "");
    assert_false(d.idle_signal || d.first_frame_exit);
    assert_string_equal(d.frame_log, "");        /* no frame log unless asked */
    clear_env();
    Error err;
    assert_true(config_from_env(&e, &err));
    assert_true(e.cache);                        /* on unless turned off */
    assert_string_equal(e.cache_dir, "");        /* ... but nowhere to go */
    assert_false(cache_wanted(&e, 1ull << 30));
    assert_string_equal(e.data_dir, d.data_dir);
    assert_string_equal(e.assets_dir, d.assets_dir);
}

static void test_overrides(void **state)
{
    (void)state;
    clear_env();
    setenv("SAHELMAP_DATA", "/srv/data", 1);
    setenv("SAHELMAP_ASSETS", "/srv/assets", 1);
    setenv("SAHELMAP_MAX_EVENTS", "1000", 1);
    setenv("SAHELMAP_CACHE_MIN", "0", 1);
    setenv("HOME", "/home/analyst", 1);
    setenv("SAHELMAP_SHOTS", "/tmp/shots", 1);
    setenv("SAHELMAP_IDLE_SIGNAL", "1", 1);
    setenv("SAHELMAP_FRAME_LOG", "/tmp/frames.csv", 1);
    setenv("SAHELMAP_LOAD_THREADS", "1", 1);
    Config c;
    Error err;
    assert_true(config_from_env(&c, &err));
    assert_string_equal(c.data_dir, "/srv/data");
    assert_string_equal(c.assets_dir, "/srv/assets");
    assert_int_equal(c.max_events, 1000);
    assert_int_equal(c.cache_min, 0);
    assert_int_equal(c.load_threads, 1);
    assert_string_equal(c.cache_dir, "/home/analyst/.cache/sahelmap");
    assert_string_equal(c.shots_dir, "/tmp/shots");
    assert_true(c.idle_signal);
    assert_false(c.first_frame_exit);
    assert_string_equal(c.frame_log, "/tmp/frames.csv");
    setenv("XDG_CACHE_HOME", "/var/cache/me", 1);      /* wins over HOME */
    assert_true(config_from_env(&c, &err));
    assert_string_equal(c.cache_dir, "/var/cache/me/sahelmap");
    setenv("XDG_CACHE_HOME", "relative/dir", 1);       /* not absolute: HOME */
    assert_true(config_from_env(&c, &err));
    assert_string_equal(c.cache_dir, "/home/analyst/.cache/sahelmap");
    setenv("SAHELMAP_CACHE", "0", 1);
    assert_true(config_from_env(&c, &err));
    assert_false(c.cache);
    assert_false(cache_wanted(&c, 1ull << 30));
    clear_env();
}

/* Each bad value is refused with the variable and the value named. */
static void test_bad_values(void **state)
{
    (void)state;
    static const struct { const char *var, *value, *msg; } bad[] = {
        {"SAHELMAP_MAX_EVENTS", "1e3", "SAHELMAP_MAX_EVENTS '1e3': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "abc", "SAHELMAP_MAX_EVENTS 'abc': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "-5", "SAHELMAP_MAX_EVENTS '-5': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "0", "SAHELMAP_MAX_EVENTS '0': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "", "SAHELMAP_MAX_EVENTS '': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", " 5", "SAHELMAP_MAX_EVENTS ' 5': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "4294967296", "SAHELMAP_MAX_EVENTS '4294967296': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_MAX_EVENTS", "99999999999999999999999", "SAHELMAP_MAX_EVENTS '99999999999999999999999': want a whole number from 1 to 4294967295"},
        {"SAHELMAP_CACHE", "off", "SAHELMAP_CACHE 'off': want 0 (off) or 1 (on)"},
        {"SAHELMAP_CACHE_MIN", "8MB", "SAHELMAP_CACHE_MIN '8MB': want a size in bytes"},
        {"SAHELMAP_LOAD_THREADS", "0", "SAHELMAP_LOAD_THREADS '0': want a whole number from 1 to 16"},
        {"SAHELMAP_LOAD_THREADS", "17", "SAHELMAP_LOAD_THREADS '17': want a whole number from 1 to 16"},
        {"SAHELMAP_LOAD_THREADS", "two", "SAHELMAP_LOAD_THREADS 'two': want a whole number from 1 to 16"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        clear_env();
        setenv(bad[i].var, bad[i].value, 1);
        Config c;
        Error err;
        assert_false(config_from_env(&c, &err));
        assert_string_equal(err.msg, bad[i].msg);
        /* The rest stays usable: the bad variable is ignored. */
        assert_int_equal(c.max_events, CONFIG_MAX_EVENTS);
    }
    clear_env();
}

/* The program says so and stops (exit 2) before loading anything. */
static void test_program_refuses(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "SAHELMAP_MAX_EVENTS=1e3 '%s' info 2>&1", SAHELMAP_PATH);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char out[512] = "";
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int status = pclose(p);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 2);
    assert_contains(out, "sahelmap: SAHELMAP_MAX_EVENTS '1e3': want a whole number");
}

/* A missing cache directory (and its parents) is made, mode 0700. */
static void test_cache_dir_made(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-config-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Config c;
    config_defaults(&c);
    c.cache = true;
    snprintf(c.cache_dir, sizeof c.cache_dir, "%s/not/yet/sahelmap", dir);
    char path[CONFIG_PATH_MAX + 64];
    assert_true(cache_path(&c, fixture("acled_api.json"), path, sizeof path));
    assert_true(strncmp(path, c.cache_dir, strlen(c.cache_dir)) == 0);
    struct stat st;
    assert_int_equal(stat(c.cache_dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Installed: the data and basemap beside the program, wherever it is;
 * without that tree the compiled-in (build tree) directories stay. */
static void test_locate_beside_program(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-locate-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512], program[512];
    snprintf(program, sizeof program, "%s/opt/bin/sahelmap", dir);
    Config c, before;
    config_defaults(&c);
    before = c;
    assert_false(config_locate(&c, program));          /* no tree yet */
    assert_string_equal(c.data_dir, before.data_dir);
    assert_string_equal(c.assets_dir, before.assets_dir);
    snprintf(path, sizeof path, "mkdir -p '%s/opt/bin' '%s/opt/share/sahelmap/data'", dir, dir);
    assert_int_equal(system(path), 0);
    assert_false(config_locate(&c, program));          /* half a tree */
    snprintf(path, sizeof path, "%s/opt/share/sahelmap/assets", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_true(config_locate(&c, program));
    snprintf(path, sizeof path, "%s/opt/share/sahelmap/data", dir);
    assert_string_equal(c.data_dir, path);
    snprintf(path, sizeof path, "%s/opt/share/sahelmap/assets", dir);
    assert_string_equal(c.assets_dir, path);
    assert_false(config_locate(&c, "sahelmap"));       /* no directory: no change */
    assert_string_equal(c.assets_dir, path);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    assert_int_equal(system(path), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_program_refuses),
        cmocka_unit_test(test_cache_dir_made),
        cmocka_unit_test(test_locate_beside_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

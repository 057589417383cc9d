/*
 * test_cache: reopening an unchanged file from its binary cache gives the
 * same events; a changed source or a corrupt cache is noticed and rebuilt;
 * the cache lives in XDG_CACHE_HOME, never beside the user's file.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"

static char dir[64], cache_home[128], source[192];
static Config cfg;                       /* the cache on, in cache_home */

/* Loads one file as the program does, with the cache. */
static bool load_cached(EventSet *set, const char *path, LoadReport *rep)
{
    LoadOptions opt = {.config = &cfg};
    events_init(set);
    bool ok = load_file_with(set, path, rep, &opt);
    events_finish(set);
    return ok;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sahelmap-cache-XXXXXX");
    if (mkdtemp(dir) == NULL) return -1;
    snprintf(cache_home, sizeof cache_home, "%s/cache", dir);
    mkdir(cache_home, 0700);
    config_defaults(&cfg);
    cfg.cache = true;
    cfg.cache_min = 0;
    snprintf(cfg.cache_dir, sizeof cfg.cache_dir, "%s/sahelmap", cache_home);
    snprintf(source, sizeof source, "%s/events.json", dir);
    copy_file(fixture("acled_api.json"), source);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Everything a user can see of two sets is the same. */
static void assert_same(EventSet *a, EventSet *b)
{
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        assert_float_equal(a->lon[i], b->lon[i], 0);
        assert_float_equal(a->lat[i], b->lat[i], 0);
        assert_int_equal(a->day[i], b->day[i]);
        assert_int_equal(a->fat[i], b->fat[i]);
        assert_int_equal(a->fat_high[i], b->fat_high[i]);
        assert_int_equal(a->type[i], b->type[i]);
        assert_int_equal(a->geo_prec[i], b->geo_prec[i]);
        for (int f = TEXT_ID; f < TEXT_FILE; f++)
            assert_string_equal(events_text(a, i, (EventText)f), events_text(b, i, (EventText)f));
        char *na = events_notes(a, i), *nb = events_notes(b, i);
        assert_string_equal(na, nb);
        free(na);
        free(nb);
    }
}

static void test_reopen_uses_the_cache(void **state)
{
    (void)state;
    EventSet first, second;
    LoadReport r1, r2;
    assert_true(load_cached(&first, source, &r1));
    assert_null(strstr(r1.format, "from cache"));
    char path[512];
    assert_true(cache_path(&cfg, source, path, sizeof path));
    assert_true(strncmp(path, cache_home, strlen(cache_home)) == 0);
    assert_true(file_exists(path));
    assert_true(load_cached(&second, source, &r2));
    assert_contains(r2.format, "(from cache)");
    assert_int_equal(r2.read, r1.read);
    assert_int_equal(r2.loaded, r1.loaded);
    assert_same(&first, &second);

    /* A set filled from a cache takes more files like any other. */
    LoadReport r3;
    assert_true(load_file(&second, fixture("ucdp.csv"), &r3));
    EventsAddResult again;
    EventInput in = {.id = "FIX001", .day = second.day[0], .day_end = second.day[0],
                     .lon = 2, .lat = 15, .actor1 = "Someone else", .date_precision = 1,
                     .geo_precision = 1};
    again = events_add(&second, &in);                 /* the id index works */
    assert_int_equal(again, EVENTS_MERGED);
    events_finish(&second);
    assert_int_equal(second.count, first.count + 2);
    events_free(&first);
    events_free(&second);
}

static void test_changed_source_is_reparsed(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_cached(&set, source, &rep));        /* warm */
    events_free(&set);
    FILE *f = fopen(source, "a");
    fputs("\n", f);
    fclose(f);
    assert_true(load_cached(&set, source, &rep));
    assert_null(strstr(rep.format, "from cache"));
    assert_int_equal(set.count, 4);
    events_free(&set);
    assert_true(load_cached(&set, source, &rep));        /* rebuilt */
    assert_contains(rep.format, "from cache");
    events_free(&set);
}

static void test_corrupt_cache_is_never_trusted(void **state)
{
    (void)state;
    EventSet set, fresh;
    LoadReport rep;
    assert_true(load_cached(&fresh, source, &rep));      /* writes a cache */
    char path[512];
    assert_true(cache_path(&cfg, source, path, sizeof path));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    /* Flip one byte in each part of the payload, one at a time. */
    for (long at = 600; at < st.st_size; at += st.st_size / 7) {
        FILE *f = fopen(path, "r+b");
        fseek(f, at, SEEK_SET);
        int c = fgetc(f);
        fseek(f, at, SEEK_SET);
        fputc(c ^ 0x5A, f);
        fclose(f);
        assert_true(load_cached(&set, source, &rep));
        assert_int_equal(set.count, 4);
        if (strstr(rep.format, "from cache") != NULL) {
            /* Only the notes bytes are not hashed: the text may change,
             * nothing else. */
            assert_true(at >= st.st_size - 200);
        }
        events_free(&set);
        assert_true(load_cached(&set, source, &rep));   /* rewritten, valid */
        assert_same(&set, &fresh);
        events_free(&set);
    }
    /* A truncated cache. */
    assert_int_equal(truncate(path, 100), 0);
    assert_true(load_cached(&set, source, &rep));
    assert_null(strstr(rep.format, "from cache"));
    assert_same(&set, &fresh);
    events_free(&set);
    events_free(&fresh);
}

static void test_nothing_beside_the_users_file(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') n++;
    closedir(d);
    assert_int_equal(n, 2);                           /* events.json, cache/ */
    assert_true(cache_wanted(&cfg, 1u << 30));
    Config off = cfg;
    off.cache = false;
    assert_false(cache_wanted(&off, 1u << 30));
    assert_false(cache_wanted(NULL, 1u << 30));           /* the built-in: none */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reopen_uses_the_cache),
        cmocka_unit_test(test_changed_source_is_reparsed),
        cmocka_unit_test(test_corrupt_cache_is_never_trusted),
        cmocka_unit_test(test_nothing_beside_the_users_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

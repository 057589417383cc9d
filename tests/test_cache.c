/*
 * test_cache: reopening an unchanged file from its binary cache gives the
 * same events; a changed source or a corrupt cache is noticed and rebuilt;
 * the cache lives in XDG_CACHE_HOME, never beside the user's file.
 */
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "cache_format.h"

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
        assert_float_equal(events_lon(a, i), events_lon(b, i), 0);
        assert_float_equal(events_lat(a, i), events_lat(b, i), 0);
        assert_int_equal(a->day[i], b->day[i]);
        assert_int_equal(a->fat[i], b->fat[i]);
        assert_int_equal(events_fat_low(a, i), events_fat_low(b, i));
        assert_int_equal(events_fat_high(a, i), events_fat_high(b, i));
        assert_int_equal(events_span(a, i), events_span(b, i));
        assert_int_equal(a->flags[i], b->flags[i]);
        assert_int_equal(a->type[i], b->type[i]);
        assert_int_equal(events_geo_prec(a, i), events_geo_prec(b, i));
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

    /* The file read from its cache is known as itself: named again, it is
     * not read twice. */
    LoadReport r_again;
    LoadOptions opt = {.config = &cfg};
    assert_false(load_file_with(&second, source, &r_again, &opt));
    assert_true(r_again.again);
    assert_int_equal(second.count, first.count);

    /* A set filled from a cache takes more files like any other. */
    LoadReport r3;
    assert_true(load_file(&second, fixture("ucdp.csv"), &r3));
    EventsAddResult again;
    EventInput in = {.id = "FIX001", .day = second.day[0], .day_end = second.day[0],
                     .lon = 2, .lat = 15, .actor1 = "Someone else", .date_precision = 1,
                     .geo_precision = 1};
    again = events_add(&second, &in);                 /* the id index works: */
    assert_int_equal(again, EVENTS_CONFLICT);         /* held, with other values */
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


/* ------------------------------------------------------------------------- */
/* Never stale (issue 15)                                                    */
/* ------------------------------------------------------------------------- */

/* A JSON file of n events, the latitude of event k (1-based) given. */
static void write_events(const char *path, int n, int k, const char *lat)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("[\n", f);
    for (int i = 1; i <= n; i++)
        fprintf(f, "{\"event_id_cnty\":\"S%05d\",\"event_date\":\"2024-01-01\",\"latitude\":\"%s\","
                   "\"longitude\":\"2.5\",\"notes\":\"a note long enough to pass 64 KiB soon\"}%s\n",
                i, i == k ? lat : "15.0", i < n ? "," : "");
    fputs("]\n", f);
    fclose(f);
}

static void pause_a_tick(void)
{
    struct timespec ts = {0, 30 * 1000 * 1000};   /* past the coarse clock's tick */
    nanosleep(&ts, NULL);
}

/* A same-size edit past the first 64 KiB with the mtime put back (cp -p,
 * rsync -t, tar) is noticed: the ctime moved. It was served from cache. */
static void test_same_size_edit_with_mtime_kept(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/big.json", dir);
    write_events(path, 2000, 2000, "15.0");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 3 * 65536);
    EventSet set;
    LoadReport rep;
    assert_true(load_cached(&set, path, &rep));
    events_free(&set);
    assert_true(load_cached(&set, path, &rep));
    assert_contains(rep.format, "from cache");
    events_free(&set);

    pause_a_tick();
    write_events(path, 2000, 2000, "16.0");         /* same size, last record */
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    struct stat now;
    assert_int_equal(stat(path, &now), 0);
    assert_int_equal(now.st_size, st.st_size);
    assert_int_equal(now.st_mtim.tv_nsec, st.st_mtim.tv_nsec);
    assert_true(load_cached(&set, path, &rep));
    assert_null(strstr(rep.format, "from cache"));
    assert_float_equal(events_lat(&set, find_event(&set, "S02000")), 16.0, 0);
    events_free(&set);
    unlink(path);
}

typedef struct Swap {
    const char *from, *to;
    bool done;
} Swap;

static bool swap_on_first_tick(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    (void)path, (void)done, (void)total;
    Swap *s = ctx;
    if (!s->done) assert_int_equal(rename(s->from, s->to), 0);
    s->done = true;
    return true;
}

/* A file renamed over the source while its first load runs: the cache
 * holds the identity of what was read (the old file), so the new file is
 * parsed when opened, never shown with the old events "(from cache)". */
static void test_replaced_during_first_load(void **state)
{
    (void)state;
    char path[256], other[256];
    snprintf(path, sizeof path, "%s/swapped.json", dir);
    snprintf(other, sizeof other, "%s/swapped.new", dir);
    write_events(path, 1500, 1, "15.0");
    write_events(other, 1500, 1, "17.0");
    Swap swap = {other, path, false};
    LoadProgress progress = {swap_on_first_tick, &swap};
    LoadOptions opt = {.config = &cfg, .progress = &progress};
    EventSet set;
    LoadReport rep;
    events_init(&set);
    assert_true(load_file_with(&set, path, &rep, &opt));
    events_finish(&set);
    assert_true(swap.done);
    assert_float_equal(events_lat(&set, find_event(&set, "S00001")), 15.0, 0);  /* old */
    events_free(&set);
    assert_true(load_cached(&set, path, &rep));
    assert_null(strstr(rep.format, "from cache"));
    assert_float_equal(events_lat(&set, find_event(&set, "S00001")), 17.0, 0);  /* new */
    events_free(&set);
    unlink(path);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_cache: a load hung on the cache path\n";
    if (write(2, msg, sizeof msg - 1) < 0) _exit(3);
    _exit(3);
}

/* A FIFO at the cache path is not opened (every load of the source hung
 * on it); the load parses the source. */
static void test_fifo_at_cache_path_is_ignored(void **state)
{
    (void)state;
    char path[512];
    assert_true(cache_path(&cfg, source, path, sizeof path));
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    signal(SIGALRM, on_alarm);
    alarm(20);
    EventSet set;
    LoadReport rep;
    assert_true(load_cached(&set, source, &rep));
    alarm(0);
    assert_null(strstr(rep.format, "from cache"));
    assert_int_equal(set.count, 4);
    events_free(&set);
    unlink(path);
}

/* A cache directory others may write to is not used: nothing read from
 * it, nothing written. */
static void test_open_cache_dir_not_used(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    char path[512];
    assert_true(load_cached(&set, source, &rep));        /* a valid cache */
    events_free(&set);
    assert_true(cache_path(&cfg, source, path, sizeof path));
    assert_true(file_exists(path));
    assert_int_equal(chmod(cfg.cache_dir, 0777), 0);
    assert_false(cache_path(&cfg, source, path, sizeof path));
    assert_true(load_cached(&set, source, &rep));
    assert_null(strstr(rep.format, "from cache"));
    events_free(&set);
    assert_int_equal(chmod(cfg.cache_dir, 0720), 0);     /* group-writable */
    assert_false(cache_path(&cfg, source, path, sizeof path));
    assert_int_equal(chmod(cfg.cache_dir, 0700), 0);
    assert_true(cache_path(&cfg, source, path, sizeof path));
}

/* Temporaries of a killed run are removed by the next cache write; one a
 * live writer holds (locked) is left alone. */
static void test_stale_temporaries_removed(void **state)
{
    (void)state;
    char dead[CONFIG_PATH_MAX + 32], live[CONFIG_PATH_MAX + 32], other[CONFIG_PATH_MAX + 32];
    char path[512];
    snprintf(dead, sizeof dead, "%s/0123456789abcdef.smc.AbC123", cfg.cache_dir);
    snprintf(live, sizeof live, "%s/0123456789abcdef.smc.XyZ789", cfg.cache_dir);
    snprintf(other, sizeof other, "%s/notes.tmp.AbC123", cfg.cache_dir);
    FILE *f = fopen(dead, "wb");
    fputs("half a cache", f);
    fclose(f);
    f = fopen(other, "wb");
    fclose(f);
    int fd = open(live, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    assert_true(cache_path(&cfg, source, path, sizeof path));
    unlink(path);
    EventSet set;
    LoadReport rep;
    assert_true(load_cached(&set, source, &rep));        /* writes the cache */
    events_free(&set);
    assert_true(file_exists(path));
    assert_false(file_exists(dead));
    assert_true(file_exists(live));
    assert_true(file_exists(other));                      /* not ours */
    close(fd);
    unlink(live);
    unlink(other);
}

/* ------------------------------------------------------------------------- */
/* UCDP's fatality ranges (the side table)                                  */
/* ------------------------------------------------------------------------- */

/* A UCDP GED file of n events, days out of order, every third a range,
 * every fourth (from the second) three days long. */
static void write_ucdp(const char *path, int n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("id,relid,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,"
          "latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,"
          "deaths_civilians,deaths_unknown,best,high,low\n", f);
    for (int k = 0; k < n; k++) {
        int day = 1 + (k * 7) % 28, best = 10 + k;
        int low = k % 3 == 0 ? best - 5 : best, high = k % 3 == 0 ? best + 20 + k : best;
        fprintf(f, "%d,MLI-2022-1-%d,2022,%d,Government of Mali,JNIM,1,Place %d,Mopti,"
                   "14.%07d,-4.%04d,Mali,1,2022-03-%02d,2022-03-%02d,0,0,%d,0,%d,%d,%d\n",
                400000 + k, k, 1 + k % 3, k, 1234567 + k, 1000 + k, day,
                day + (k % 4 == 1 ? 3 : 0), best, best,
                high, low);
    }
    fclose(f);
}

/* Rewrites the cache at path with its sections patched by `patch` and the
 * payload hash recomputed, as a hand-made cache would be. */
static void patch_cache(const char *path, void (*patch)(uint8_t *at[CACHE_HASHED_SECTIONS],
                                                        const CacheHeader *h))
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    uint8_t *buf = malloc((size_t)len);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    CacheHeader h;
    memcpy(&h, buf, sizeof h);
    uint64_t sizes[CACHE_HASHED_SECTIONS];
    uint8_t *at[CACHE_HASHED_SECTIONS];
    cache_section_sizes(&h, sizes);
    size_t off = sizeof h;
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++) {
        at[k] = buf + off;
        off += (size_t)sizes[k];
    }
    patch(at, &h);
    h.payload_hash = 0;
    uint64_t hash = cache_hash_more(CACHE_HASH_SEED, &h, sizeof h);
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++)
        hash = cache_hash_section(hash, at[k], (size_t)sizes[k]);
    h.payload_hash = hash;
    memcpy(buf, &h, sizeof h);
    f = fopen(path, "wb");
    assert_int_equal(fwrite(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    free(buf);
}

static void leave_alone(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    (void)at;
    (void)h;
}

/* The flags column is the last one. */
static uint8_t *flags_of(uint8_t *at[CACHE_HASHED_SECTIONS])
{
    return at[CACHE_COLUMN_SECTIONS - 1];
}

/* Entry k of the side table (the file's sections are not aligned). */
static EventsFatRange range_at(uint8_t *at[CACHE_HASHED_SECTIONS], size_t k)
{
    EventsFatRange r;
    memcpy(&r, at[CACHE_SECTION_RANGES] + k * sizeof r, sizeof r);
    return r;
}

static void range_put(uint8_t *at[CACHE_HASHED_SECTIONS], size_t k, EventsFatRange r)
{
    memcpy(at[CACHE_SECTION_RANGES] + k * sizeof r, &r, sizeof r);
}

/* The entry of the nth event (from 0) with a true range (low < high). */
static size_t ranged(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h, int nth)
{
    for (size_t k = 0; k < h->ranges; k++)
        if (range_at(at, k).low < range_at(at, k).high && nth-- == 0) return k;
    fail_msg("no range %d", nth);
    return 0;
}

static void low_above_best(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    size_t k = ranged(at, h, 1);
    EventsFatRange r = range_at(at, k);
    r.low = r.high;
    range_put(at, k, r);
}

static void high_below_best(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    size_t k = ranged(at, h, 2);
    EventsFatRange r = range_at(at, k);
    r.high = 0;
    range_put(at, k, r);
}

static void flag_dropped(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    (void)h;
    flags_of(at)[range_at(at, 0).index] &= (uint8_t)~EVENT_FLAG_RANGE;
}

static void last_flag_dropped(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    flags_of(at)[range_at(at, h->ranges - 1).index] &= (uint8_t)~EVENT_FLAG_RANGE;
}

static void flag_added(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    for (size_t i = 0; i < h->count; i++)
        if (!(flags_of(at)[i] & EVENT_FLAG_RANGE)) {
            flags_of(at)[i] |= EVENT_FLAG_RANGE;
            return;
        }
}

static void span_too_long(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    (void)h;
    EventsFatRange r = range_at(at, 1);
    r.span = 70000;
    range_put(at, 1, r);
}

static void entries_swapped(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    (void)h;
    EventsFatRange first = range_at(at, 0);
    range_put(at, 0, range_at(at, 1));
    range_put(at, 1, first);
}

static void index_out_of_range(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    EventsFatRange r = range_at(at, h->ranges - 1);
    r.index = (uint32_t)h->count;
    range_put(at, h->ranges - 1, r);
}

static void lat_out_of_range(uint8_t *at[CACHE_HASHED_SECTIONS], const CacheHeader *h)
{
    (void)h;
    int32_t lat = 900000001;
    memcpy(at[1] + 4, &lat, sizeof lat);                 /* lat_e7[1] */
}

/* A UCDP file with ranges, read back from its cache: the same events, the
 * same ranges on the same events after the sort. A cache whose side table
 * disagrees with its events (hash recomputed) is not used. */
static void test_ucdp_ranges_round_trip(void **state)
{
    (void)state;
    char path[256], cache[512];
    snprintf(path, sizeof path, "%s/ged.csv", dir);
    write_ucdp(path, 40);
    EventSet first, second;
    LoadReport rep;
    assert_true(load_cached(&first, path, &rep));
    assert_null(strstr(rep.format, "from cache"));
    assert_int_equal(first.count, 40);
    /* Ranges at k = 0, 3, ..., 39, spans at k = 1, 5, ..., 37, both at 9, 21, 33. */
    assert_int_equal(first.nfat_ranges, 21);
    assert_string_equal(events_text(&first, 0, TEXT_ID), "400000");   /* day 1 */
    assert_string_equal(events_text(&first, 1, TEXT_ID), "400004");   /* day 1 */
    for (size_t i = 0; i < first.count; i++) {
        int k = atoi(events_text(&first, i, TEXT_ID)) - 400000;
        assert_int_equal(first.fat[i], 10 + k);
        assert_int_equal(events_fat_low(&first, i), k % 3 == 0 ? 5 + k : 10 + k);
        assert_int_equal(events_fat_high(&first, i), k % 3 == 0 ? 30 + 2 * k : 10 + k);
        assert_int_equal(events_span(&first, i), k % 4 == 1 ? 3 : 0);
        char lat[16], lon[16];
        snprintf(lat, sizeof lat, "14.%07d", 1234567 + k);
        snprintf(lon, sizeof lon, "-4.%04d", 1000 + k);
        assert_true(events_lat(&first, i) == strtod(lat, NULL));
        assert_true(events_lon(&first, i) == strtod(lon, NULL));
    }
    assert_true(load_cached(&second, path, &rep));
    assert_contains(rep.format, "(from cache)");
    assert_same(&first, &second);
    assert_int_equal(second.nfat_ranges, first.nfat_ranges);
    events_free(&second);

    /* The patcher itself leaves a cache valid. */
    assert_true(cache_path(&cfg, path, cache, sizeof cache));
    patch_cache(cache, leave_alone);
    assert_true(load_cached(&second, path, &rep));
    assert_contains(rep.format, "(from cache)");
    assert_same(&first, &second);
    events_free(&second);
    void (*const bad[])(uint8_t *[CACHE_HASHED_SECTIONS], const CacheHeader *) = {
        low_above_best, high_below_best, flag_dropped, last_flag_dropped, flag_added,
        entries_swapped, span_too_long,
        index_out_of_range, lat_out_of_range};
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        patch_cache(cache, bad[b]);
        assert_true(load_cached(&second, path, &rep));
        if (strstr(rep.format, "from cache") != NULL) fail_msg("patch %zu was trusted", b);
        assert_same(&first, &second);                 /* parsed again, rewritten */
        events_free(&second);
    }
    events_free(&first);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reopen_uses_the_cache),
        cmocka_unit_test(test_changed_source_is_reparsed),
        cmocka_unit_test(test_corrupt_cache_is_never_trusted),
        cmocka_unit_test(test_same_size_edit_with_mtime_kept),
        cmocka_unit_test(test_replaced_during_first_load),
        cmocka_unit_test(test_fifo_at_cache_path_is_ignored),
        cmocka_unit_test(test_open_cache_dir_not_used),
        cmocka_unit_test(test_stale_temporaries_removed),
        cmocka_unit_test(test_ucdp_ranges_round_trip),
        cmocka_unit_test(test_nothing_beside_the_users_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

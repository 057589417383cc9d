/*
 * fuzz_cache: cache_load on arbitrary cache files. Once per process a small
 * seed event file is written (fixed content and modification time, so a
 * cache made in one process is valid in every other), loaded once to build
 * its genuine cache, and its events kept as the reference. Each run then
 * writes the input as the whole cache file and calls load_file on the
 * unchanged source: it must load, either from the cache or by parsing the
 * source again, and never crash.
 *
 * Input: byte 0 chooses fix-ups, the rest is the cache file. With no fix-up
 * (0x00) the bytes are written as they are; the fuzzer then cannot get past
 * the header's source check or the payload hash by chance, so the other bits
 * patch the header (when the file holds one) the way a hand-made cache
 * would be:
 *   0x01  source identity (size, mtime, ctime, device, inode, head hash)
 *         of the real source
 *   0x02  notes_len so that the sizes add up to the file (if they can)
 *   0x04  payload_hash recomputed (after the other fix-ups)
 *   0x08  the genuine LoadReport instead of the file's
 *
 * Checks: the source always loads. A load that did not use the cache, or
 * used it with the hash left alone (so the cache is the genuine one, notes
 * aside: they are not hashed), equals the seed. A cache accepted with a
 * recomputed hash must still hold only events and a report that sahelmap
 * can use safely. Then a second small file is loaded into the same set (the
 * program opens several files; only the first can come from a cache) and
 * everything is walked again.
 *
 * The header, the section sizes and the payload hash come from
 * src/cache_format.h, the one description of the file that cache.c uses.
 */
#include "fuzz_common.h"

#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>

#include "cache.h"
#include "cache_format.h"

/* ---- the seed ------------------------------------------------------------ */

/* No skipped records: a skip reason would carry the (per-process) path into
 * the cache's header. A monadic pair (FZ1), notes, days out of order. */
static const char seed_json[] =
    "{\"success\":true,\"data\":[\n"
    "{\"event_id_cnty\":\"FZ1\",\"event_date\":\"2023-05-02\",\"event_type\":\"Battles\","
    "\"sub_event_type\":\"Armed clash\",\"actor1\":\"Army\",\"assoc_actor_1\":\"Militia\","
    "\"country\":\"Mali\",\"admin1\":\"Mopti\",\"location\":\"Djenne\",\"latitude\":\"13.9\","
    "\"longitude\":\"-4.55\",\"geo_precision\":\"1\",\"source\":\"Radio\","
    "\"source_scale\":\"National\",\"notes\":\"Clash near Djenn\\u00e9.\",\"fatalities\":\"3\","
    "\"fatalities_low\":\"2\",\"fatalities_high\":\"5\"},\n"
    "{\"event_id_cnty\":\"FZ1\",\"event_date\":\"2023-05-02\",\"event_type\":\"Battles\","
    "\"sub_event_type\":\"Armed clash\",\"actor1\":\"JNIM\",\"latitude\":\"13.9\","
    "\"longitude\":\"-4.55\",\"fatalities\":\"3\"},\n"
    "{\"event_id_cnty\":\"FZ2\",\"event_date\":\"2021-01-10\",\"event_type\":\"Protests\","
    "\"sub_event_type\":\"Peaceful protest\",\"actor1\":\"Protesters (Niger)\","
    "\"country\":\"Niger\",\"location\":\"Niamey\",\"latitude\":\"13.51\","
    "\"longitude\":\"2.11\",\"notes\":\"March.\",\"fatalities\":\"0\"},\n"
    "{\"event_id_cnty\":\"FZ3\",\"event_date\":\"16-Feb-21\","
    "\"disorder_type\":\"Political violence\",\"event_type\":\"Violence against civilians\","
    "\"actor1\":\"IS Sahel\",\"actor2\":\"Civilians (Burkina Faso)\","
    "\"civilian_targeting\":\"Civilian targeting\",\"country\":\"Burkina Faso\","
    "\"latitude\":\"14.0\",\"longitude\":\"-0.5\",\"fatalities\":\"12\","
    "\"time_precision\":\"2\"}\n"
    "]}\n";

/* Loaded after the cached file: merges into FZ1, repeats FZ2, adds FZ9. */
static const char second_json[] =
    "[{\"event_id_cnty\":\"FZ1\",\"event_date\":\"2023-05-02\",\"actor1\":\"Dozo\","
    "\"assoc_actor_1\":\"Hunters\",\"latitude\":\"13.9\",\"longitude\":\"-4.55\"},\n"
    "{\"event_id_cnty\":\"FZ9\",\"event_date\":\"2019-12-31\",\"event_type\":\"Riots\","
    "\"actor1\":\"Rioters\",\"latitude\":\"12.6\",\"longitude\":\"-8.0\","
    "\"notes\":\"Second file.\"},\n"
    "{\"event_id_cnty\":\"FZ2\",\"event_date\":\"2021-01-10\","
    "\"actor1\":\"Protesters (Niger)\",\"latitude\":\"13.51\",\"longitude\":\"2.11\"}]\n";

static char dir[64], source[128], second[128], cache_file[PATH_MAX];
static EventSet seed;                 /* the source, parsed: the reference */
static LoadReport seed_report;
static CacheHeader genuine;           /* the header of the genuine cache */
static Config cfg;                    /* the cache on, in dir/cache */
static const LoadOptions cached = {.config = &cfg};

/* The payload hash of file[0..len) as cache_load computes it (section by
 * section). False if the header's sizes do not fit in the file. */
static bool payload_hash(const uint8_t *file, size_t len, const CacheHeader *h,
                         uint64_t *out)
{
    if (!cache_counts_bounded(h)) return false;
    CacheHeader unhashed = *h;
    unhashed.payload_hash = 0;
    uint64_t hash = cache_hash_more(CACHE_HASH_SEED, &unhashed, sizeof unhashed);
    uint64_t sizes[CACHE_HASHED_SECTIONS];
    cache_section_sizes(h, sizes);
    size_t off = sizeof *h;
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++) {
        if (sizes[k] > len - off) return false;
        hash = cache_hash_section(hash, file + off, (size_t)sizes[k]);
        off += (size_t)sizes[k];
    }
    *out = hash;
    return true;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void cleanup(void)
{
    events_free(&seed);
    if (dir[0] != '\0') nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void fail(const char *why)
{
    fprintf(stderr, "fuzz_cache: cannot start: %s\n", why);
    abort();
}

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
    *len = fread(buf, 1, n > 0 ? (size_t)n : 0, f);
    fclose(f);
    return buf;
}

/* Writes seed inputs (fix-up byte + genuine cache) into FUZZ_CACHE_WRITE_SEEDS. */
static void write_seeds(const char *out, const uint8_t *cache, size_t len)
{
    static const uint8_t modes[] = {0x00, 0x01, 0x05, 0x07, 0x0F};
    for (size_t m = 0; m < sizeof modes; m++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/genuine-%02x", out, modes[m]);
        fuzz_write(path, &modes[m], 1, cache, len, NULL, 0);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/fuzz_cache-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        abort();
    }
    atexit(cleanup);
    char cache_home[128];
    snprintf(cache_home, sizeof cache_home, "%s/cache", dir);
    mkdir(cache_home, 0700);
    config_defaults(&cfg);
    cfg.cache = true;
    cfg.cache_min = 0;
    snprintf(cfg.cache_dir, sizeof cfg.cache_dir, "%s/sahelmap", cache_home);

    snprintf(source, sizeof source, "%s/events.json", dir);
    snprintf(second, sizeof second, "%s/second.json", dir);
    fuzz_write(source, NULL, 0, seed_json, sizeof seed_json - 1, NULL, 0);
    fuzz_write(second, NULL, 0, second_json, sizeof second_json - 1, NULL, 0);
    const struct timespec when[2] = {{1700000000, 123456789}, {1700000000, 123456789}};
    if (utimensat(AT_FDCWD, source, when, 0) != 0) {
        perror("utimensat");
        abort();
    }

    events_init(&seed);
    if (!load_file_with(&seed, source, &seed_report, &cached) || seed_report.skipped != 0 ||
        strstr(seed_report.format, "from cache") != NULL)
        fail("the seed did not load cleanly");
    events_finish(&seed);
    if (!cache_path(&cfg, source, cache_file, sizeof cache_file)) fail("no cache path");

    size_t len = 0;
    uint8_t *bytes = read_all(cache_file, &len);
    if (bytes == NULL || len < sizeof genuine) fail("no cache written for the seed");
    memcpy(&genuine, bytes, sizeof genuine);
    const char *seeds = getenv("FUZZ_CACHE_WRITE_SEEDS");
    if (seeds != NULL && seeds[0] != '\0') write_seeds(seeds, bytes, len);
    free(bytes);
    return 0;
}

/* ---- one run ------------------------------------------------------------- */

static void write_cache(const uint8_t *data, size_t size)
{
    uint8_t mode = data[0];
    size_t len = size - 1;
    uint8_t *file = malloc(len ? len : 1);
    memcpy(file, data + 1, len);
    if ((mode & 0x0F) != 0 && len >= sizeof(CacheHeader)) {
        CacheHeader h;
        memcpy(&h, file, sizeof h);
        if (mode & 0x01) {
            h.source_size = genuine.source_size;
            h.mtime_sec = genuine.mtime_sec;
            h.mtime_nsec = genuine.mtime_nsec;
            h.head_hash = genuine.head_hash;
            h.source_dev = genuine.source_dev;
            h.source_ino = genuine.source_ino;
            h.ctime_sec = genuine.ctime_sec;
            h.ctime_nsec = genuine.ctime_nsec;
        }
        if (mode & 0x08) memcpy(&h.report, &genuine.report, sizeof h.report);
        if ((mode & 0x02) && cache_counts_bounded(&h) &&
            sizeof h + cache_payload_bytes(&h) <= len)
            h.notes_len = len - sizeof h - cache_payload_bytes(&h);
        memcpy(file, &h, sizeof h);
        uint64_t hash;
        if ((mode & 0x04) && payload_hash(file, len, &h, &hash)) {
            h.payload_hash = hash;
            memcpy(file, &h, sizeof h);
        }
    }
    fuzz_write(cache_file, NULL, 0, file, len, NULL, 0);
    free(file);
}

/* The set holds what parsing the seed gives (notes too, if asked). */
static void check_equals_seed(EventSet *set, const LoadReport *rep, bool notes_too)
{
    fuzz_check(set->count == seed.count && rep->read == seed_report.read &&
                   rep->loaded == seed_report.loaded &&
                   rep->skipped == seed_report.skipped &&
                   rep->events == seed_report.events &&
                   rep->merged == seed_report.merged &&
                   rep->duplicates == seed_report.duplicates,
               "seed-equal", "%zu events (read %zu, loaded %zu, merged %zu), the seed has "
               "%zu (read %zu, loaded %zu, merged %zu)", set->count, rep->read,
               rep->loaded, rep->merged, seed.count, seed_report.read,
               seed_report.loaded, seed_report.merged);
    for (size_t i = 0; i < set->count && i < seed.count; i++) {
        bool same = set->lon_e7[i] == seed.lon_e7[i] && set->lat_e7[i] == seed.lat_e7[i] &&
                    set->day[i] == seed.day[i] && events_span(set, i) == events_span(&seed, i) &&
                    set->fat[i] == seed.fat[i] &&
                    events_fat_low(set, i) == events_fat_low(&seed, i) &&
                    events_fat_high(set, i) == events_fat_high(&seed, i) &&
                    set->type[i] == seed.type[i] && set->sub_type[i] == seed.sub_type[i] &&
                    events_disorder(set, i) == events_disorder(&seed, i) &&
                    set->codes[i] == seed.codes[i] && set->flags[i] == seed.flags[i];
        fuzz_check(same, "seed-equal", "event %zu differs from the seed's", i);
        for (int f = 0; f < TEXT_COUNT; f++)
            fuzz_check(strcmp(events_text(set, i, (EventText)f),
                              events_text(&seed, i, (EventText)f)) == 0,
                       "seed-equal", "event %zu text %d: '%s', the seed has '%s'", i, f,
                       events_text(set, i, (EventText)f),
                       events_text(&seed, i, (EventText)f));
        if (notes_too) {
            char *a = events_notes(set, i), *b = events_notes(&seed, i);
            fuzz_check(strcmp(a, b) == 0, "seed-equal",
                       "event %zu notes '%s', the seed has '%s'", i, a, b);
            free(a);
            free(b);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    write_cache(data, size);
    uint8_t mode = data[0];

    EventSet set;
    events_init(&set);
    LoadReport rep;
    bool ok = load_file_with(&set, source, &rep, &cached);
    fuzz_check(ok, "seed-equal", "the unchanged source failed to load: %.200s",
               rep.error.msg);
    /* Only cache_load hands the notes to a read-only file. */
    bool from_cache = set.notes_store.ro_file != NULL;
    events_finish(&set);

    if (!from_cache || !(mode & 0x04)) {
        /* Parsed, or a cache whose hash the input got right: the genuine
         * one (notes are not hashed: they may differ). */
        fuzz_check_report(&rep, ok, &set);
        fuzz_check_events(&set, true);
        check_equals_seed(&set, &rep, !from_cache);
    } else {
        /* A hand-made cache with a good hash: only what valid() and the
         * report's users rely on. (0, 0) is not refused by valid(). */
        unsigned char ok_byte;
        memcpy(&ok_byte, &rep.ok, 1);
        fuzz_check(ok_byte == 1, "report-strings",
                   "a report from the cache has ok = %u", ok_byte);
        fuzz_check_report_strings(&rep);
        fuzz_check(rep.read == rep.loaded + rep.skipped, "books",
                   "cached report: read %zu != loaded %zu + skipped %zu", rep.read,
                   rep.loaded, rep.skipped);
        fuzz_check_events(&set, false);
    }

    /* A second file into the same set, merging into cached events. */
    LoadReport rep2;
    bool ok2 = load_file_with(&set, second, &rep2, &cached);
    events_finish(&set);
    fuzz_check(ok2, "seed-equal", "the second file failed to load: %.200s",
               rep2.error.msg);
    fuzz_check_report(&rep2, ok2, NULL);
    fuzz_check_events(&set, !(from_cache && (mode & 0x04)));
    events_free(&set);
    return 0;
}

/*
 * test_split: the parallel loader (load_split.c) against the serial one.
 * Every fixture (tests/fixtures, tests/malformed and make.sh's binary
 * inputs), generated ACLED files (JSON, CSV, monadic CSV) and files made
 * to put hard cases on chunk boundaries (strings holding "}, {" and
 * escaped quotes, quoted CSV fields holding line breaks, CRLF, a byte
 * order mark, a syntax error in the third chunk) are loaded with one
 * thread and with two at tiny chunk sizes, so that boundaries fall
 * everywhere, and must give the same store (column by column, strings,
 * tuples, notes), the same report (counts, format, every reason with its
 * file, line, column and record) and the same cache file.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "events.h"
#include "load.h"
#include "load_json.h"
#include "load_csv_fast.h"

#include <csv.h>

#define MALFORMED_DIR FIXTURES_DIR "/../malformed"

static char tmp_dir[64];

static char *path_in_tmp(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", tmp_dir, name);
    return p[k];
}

typedef struct Loaded {
    EventSet set;
    LoadReport rep;
    bool ok;
    unsigned threads;
} Loaded;

static void load_as(Loaded *l, const char *path, unsigned threads, uint64_t chunk,
                    const char *cache_dir)
{
    Config cfg;
    config_defaults(&cfg);
    cfg.load_threads = threads;
    cfg.load_chunk = chunk;
    if (cache_dir != NULL) {
        cfg.cache = true;
        cfg.cache_min = 0;
        snprintf(cfg.cache_dir, sizeof cfg.cache_dir, "%s", cache_dir);
    }
    events_init(&l->set);
    LoadOptions opt = {.config = &cfg, .threads_used = &l->threads};
    l->ok = load_file_with(&l->set, path, &l->rep, &opt);
    events_finish(&l->set);
}

static void free_loaded(Loaded *l)
{
    events_free(&l->set);
}

static void same_error(const Error *a, const Error *b, const char *path)
{
    if (strcmp(error_text(a).s, error_text(b).s) != 0)
        fail_msg("%s:\n  serial:   %s\n  parallel: %s", path, error_text(a).s,
                 error_text(b).s);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->column, b->column);
    assert_int_equal(a->record, b->record);
}

static void same_report(const LoadReport *a, const LoadReport *b, const char *path)
{
    if (a->ok != b->ok)
        fail_msg("%s: serial %s (%s), parallel %s (%s)", path, a->ok ? "ok" : "failed",
                 error_text(&a->error).s, b->ok ? "ok" : "failed", error_text(&b->error).s);
    if (!a->ok) same_error(&a->error, &b->error, path);
    assert_string_equal(a->format, b->format);
    assert_int_equal(a->read, b->read);
    assert_int_equal(a->loaded, b->loaded);
    assert_int_equal(a->skipped, b->skipped);
    assert_int_equal(a->events, b->events);
    assert_int_equal(a->merged, b->merged);
    assert_int_equal(a->duplicates, b->duplicates);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->nreasons, b->nreasons);
    for (size_t i = 0; i < a->nreasons; i++) same_error(&a->reasons[i], &b->reasons[i], path);
}

static void same_tuples(const TupleTable *a, const TupleTable *b)
{
    assert_int_equal(a->count, b->count);
    if (a->count > 0)
        assert_memory_equal(a->values, b->values, a->count * a->arity * sizeof *a->values);
}

static void same_store(const EventSet *a, const EventSet *b)
{
    assert_int_equal(a->count, b->count);
    size_t n = a->count;
#define SAME_COLUMN(type, name) \
    if (n > 0) assert_memory_equal(a->name, b->name, n * sizeof(type));
    EVENTS_COLUMNS(SAME_COLUMN)
#undef SAME_COLUMN
    assert_int_equal(a->nfat_ranges, b->nfat_ranges);
    if (a->nfat_ranges > 0)
        assert_memory_equal(a->fat_ranges, b->fat_ranges, a->nfat_ranges * sizeof *a->fat_ranges);
    assert_int_equal(a->strings.len, b->strings.len);
    assert_memory_equal(a->strings.data, b->strings.data, a->strings.len);
    same_tuples(&a->actor_tuples, &b->actor_tuples);
    same_tuples(&a->place_tuples, &b->place_tuples);
    same_tuples(&a->prov_tuples, &b->prov_tuples);
    for (size_t i = 0; i < n; i++) {
        char *x = events_notes(a, i), *y = events_notes(b, i);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
}

/* Loads path serially and in parallel at each chunk size; all the same.
 * Returns how many of the parallel loads used more than one thread. */
static int compare_file(const char *path, const uint64_t *chunks, size_t nchunks)
{
    Loaded serial;
    load_as(&serial, path, 1, 0, NULL);
    assert_int_equal(serial.threads, 1);
    int split = 0;
    for (size_t k = 0; k < nchunks; k++) {
        Loaded par;
        load_as(&par, path, 2, chunks[k], NULL);
        same_report(&serial.rep, &par.rep, path);
        same_store(&serial.set, &par.set);
        if (par.threads > 1) split++;
        free_loaded(&par);
    }
    free_loaded(&serial);
    return split;
}

static const uint64_t tiny_chunks[] = {1, 7, 64, 333};

static void compare_dir(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        bool data = (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) ||
                    (len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0) ||
                    (len > 8 && strcmp(e->d_name + len - 8, ".geojson") == 0);
        if (!data) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        /* Big generated inputs (deep nesting, long lines): one chunk size. */
        compare_file(path, tiny_chunks, st.st_size > 20000 ? 1 : 4);
        files++;
    }
    closedir(d);
    assert_true(files > 5);
}

static void test_fixtures(void **state)
{
    (void)state;
    compare_dir(FIXTURES_DIR);
}

static void test_malformed(void **state)
{
    (void)state;
    compare_dir(MALFORMED_DIR);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sh '%s/make.sh' '%s/made' >/dev/null 2>&1", MALFORMED_DIR,
             tmp_dir);
    assert_int_equal(system(cmd), 0);
    compare_dir(path_in_tmp("made"));
}

static void generate(const char *args, const char *name)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' %s -o '%s' >/dev/null", GEN_PATH, args, path_in_tmp(name));
    assert_int_equal(system(cmd), 0);
}

static void test_generated(void **state)
{
    (void)state;
    static const uint64_t chunks[] = {97, 1000, 4096, 65536};
    generate("--count 2000 --format json --seed 3", "gen.json");
    generate("--count 2000 --format csv --seed 4", "gen.csv");
    generate("--count 2000 --format csv --monadic --seed 5", "monadic.csv");
    assert_int_equal(compare_file(path_in_tmp("gen.json"), chunks, 4), 4);
    assert_int_equal(compare_file(path_in_tmp("gen.csv"), chunks, 4), 4);
    assert_int_equal(compare_file(path_in_tmp("monadic.csv"), chunks, 4), 4);
}

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(path_in_tmp(name), "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A record of the tricky kind, n-th. */
static void json_record(char *out, size_t cap, int n, const char *notes)
{
    snprintf(out, cap, "{\"event_id_cnty\":\"T%d\",\"event_date\":\"2020-01-%02d\","
             "\"event_type\":\"Battles\",\"latitude\":\"1%d.5\",\"longitude\":\"-%d.25\","
             "\"fatalities\":\"%d\",\"notes\":\"%s\"}",
             n, 1 + n % 28, n % 9, n % 7, n % 5, notes);
}

static void test_straddling_json(void **state)
{
    (void)state;
    static const char *const notes[] = {
        "plain", "holds }, { and ]} and \\\"}, {\\\" inside", "a \\\\\\\"quote\\\\\\\" },{",
        "brackets [[{{ }}]] \\u00e9t\\u00e9", "tabs\\tand\\nnewlines }\\n,\\n{", "",
    };
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap), rec[1024];
    len += (size_t)snprintf(text + len, cap - len, "\xEF\xBB\xBF{\"success\":true,\"data\":[\n");
    for (int i = 0; i < 300; i++) {
        json_record(rec, sizeof rec, i, notes[i % 6]);
        /* Mixed separators: minified, CRLF, blank lines. */
        const char *sep = i % 3 == 0 ? "," : i % 3 == 1 ? "\r\n,\r\n" : " ,\n\n  ";
        len += (size_t)snprintf(text + len, cap - len, "%s%s", i ? sep : "", rec);
        if (i == 150) len += (size_t)snprintf(text + len, cap - len, ",42,{\"nested\":{\"a\":[1]}}");
        if (i == 200)
            len += (size_t)snprintf(text + len, cap - len,
                                    ",{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                                    "\"coordinates\":[2.5,13.5]},\"properties\":"
                                    "{\"event_date\":\"2020-02-02\",\"id\":\"F1\"}}");
        if (i == 250) len += (size_t)snprintf(text + len, cap - len, ",{\"latitude\":1e-400}");
    }
    len += (size_t)snprintf(text + len, cap - len, "],\"count\":300}\n");
    write_file("tricky.json", text);
    static const uint64_t chunks[] = {13, 50, 211, 1024, 4093};
    assert_int_equal(compare_file(path_in_tmp("tricky.json"), chunks, 5), 5);

    /* The same as a bare array, and with a syntax error in the third
     * chunk: the same message, at the same line and column. */
    char *bad = strdup(text);
    char *at = strstr(bad + 2 * 1024 + 10, "\"fatalities\"");
    assert_non_null(at);
    at[0] = '\'';
    write_file("error3.json", bad);
    static const uint64_t k1024[] = {1024, 997};
    compare_file(path_in_tmp("error3.json"), k1024, 2);
    /* Truncated in the middle of a late record. */
    memcpy(bad, text, len + 1);
    bad[len * 9 / 10] = '\0';
    write_file("truncated.json", bad);
    compare_file(path_in_tmp("truncated.json"), k1024, 2);
    /* A NUL byte in a late record. */
    memcpy(bad, text, len + 1);
    FILE *f = fopen(path_in_tmp("nul.json"), "wb");
    bad[len * 3 / 4] = '\0';
    fwrite(bad, 1, len, f);
    fclose(f);
    compare_file(path_in_tmp("nul.json"), k1024, 2);
    free(bad);
    free(text);
}

static void test_straddling_csv(void **state)
{
    (void)state;
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len,
                            "\xEF\xBB\xBF" "event_id_cnty,event_date,event_type,latitude,"
                            "longitude,fatalities,notes\r\n");
    for (int i = 0; i < 400; i++) {
        const char *notes = i % 4 == 0 ? "\"a quoted\r\nfield, with \"\"quotes\"\"\nand lines\""
                          : i % 4 == 1 ? "plain"
                          : i % 4 == 2 ? "\"\n\n\"" : "\"x\"\"\r\n\"\"y\"";
        len += (size_t)snprintf(text + len, cap - len, "C%d,2020-03-%02d,Riots,%d.5,%d.5,%d,%s%s",
                                i % 350, 1 + i % 28, 10 + i % 7, i % 5, i % 3, notes,
                                i % 2 ? "\r\n" : "\n");
        if (i == 100) len += (size_t)snprintf(text + len, cap - len, "\n\nshort,row\n");
        if (i == 300) len += (size_t)snprintf(text + len, cap - len, "D1,2020-13-45,Riots,1,1,0,x\n");
    }
    write_file("tricky.csv", text);
    static const uint64_t chunks[] = {11, 64, 257, 1000, 4096};
    assert_int_equal(compare_file(path_in_tmp("tricky.csv"), chunks, 5), 5);

    /* A stray quote in the third chunk; an unterminated field at the end;
     * no final line break. */
    char *bad = malloc(len + 256);
    memcpy(bad, text, len + 1);
    char *at = strstr(bad + 3 * 1000, ",plain");
    assert_non_null(at);
    at[1] = '"';
    write_file("error3.csv", bad);
    static const uint64_t k1000[] = {1000, 1021};
    compare_file(path_in_tmp("error3.csv"), k1000, 2);
    memcpy(bad, text, len + 1);
    strcpy(bad + len, "E1,2020-01-01,Riots,1,1,0,\"never closed\n");
    write_file("unterminated.csv", bad);
    compare_file(path_in_tmp("unterminated.csv"), k1000, 2);
    strcpy(bad + len, "E1,2020-01-01,Riots,1,1,0,last");
    write_file("nofinal.csv", bad);
    compare_file(path_in_tmp("nofinal.csv"), k1000, 2);
    free(bad);
    free(text);
}

/* Rows ending in "\r\n": one whose "\r" is the last byte of the serial
 * loader's first 1 MiB read and its "\n" the first of the next, and a
 * quoted field whose line break straddles the second read's end. Every
 * row is an event, serially and in parallel. */
static void test_csv_read_boundaries(void **state)
{
    (void)state;
    const size_t mib = (size_t)1 << 20;
    size_t cap = 3 * mib, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len, "event_id_cnty,event_date,event_type,"
                            "latitude,longitude,fatalities,notes\r\n");
    int rows = 0;
    while (len < 5 * mib / 2) {
        char prefix[96];
        int n = snprintf(prefix, sizeof prefix, "R%d,2020-01-%02d,Riots,12.5,%d.5,0,", rows,
                         1 + rows % 28, rows % 7);
        const char *notes = "\"plain, notes\"";
        char pad[400];
        size_t at_end = len + (size_t)n;
        if (at_end < mib - 1 && mib - 1 - at_end < 300) {
            /* Notes that put this row's "\r" at mib - 1. */
            memset(pad, 'n', mib - 1 - at_end);
            pad[mib - 1 - at_end] = '\0';
            notes = pad;
        } else if (at_end < 2 * mib - 2 && 2 * mib - 2 - at_end < 300) {
            /* A quoted field with "\r\n" at 2 MiB - 1. */
            size_t k = 2 * mib - 2 - at_end;
            pad[0] = '"';
            memset(pad + 1, 'q', k);
            strcpy(pad + 1 + k, "\r\nsecond line\"");
            notes = pad;
        }
        len += (size_t)snprintf(text + len, cap - len, "%s%s\r\n", prefix, notes);
        rows++;
    }
    assert_memory_equal(text + mib - 1, "\r\n", 2);
    assert_memory_equal(text + 2 * mib - 1, "\r\n", 2);
    write_file("boundaries.csv", text);
    Loaded serial;
    load_as(&serial, path_in_tmp("boundaries.csv"), 1, 0, NULL);
    assert_true(serial.ok);
    assert_int_equal(serial.set.count, (size_t)rows);
    assert_int_equal(serial.rep.skipped, 0);
    free_loaded(&serial);
    static const uint64_t chunks[] = {4096, 65536};
    assert_int_equal(compare_file(path_in_tmp("boundaries.csv"), chunks, 2), 2);
    free(text);
}

/* The event limit reached in the middle of a parallel load. */
static void test_limit(void **state)
{
    (void)state;
    generate("--count 3000 --format json --seed 6", "limit.json");
    Config cfg;
    for (unsigned threads = 1; threads <= 2; threads++) {
        config_defaults(&cfg);
        cfg.max_events = 1234;
        cfg.load_threads = threads;
        cfg.load_chunk = 5000;
        EventSet set;
        events_init(&set);
        LoadReport rep;
        LoadOptions opt = {.config = &cfg};
        assert_false(load_file_with(&set, path_in_tmp("limit.json"), &rep, &opt));
        assert_contains(rep.error.msg, "more than 1234 events");
        assert_int_equal(set.count, 0);
        events_free(&set);
    }
}

static bool read_all(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return false;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    *data = malloc(*len + 1);
    bool ok = fread(*data, 1, *len, f) == *len;
    fclose(f);
    return ok;
}

/* The cache written after a parallel load is the serial one's, byte for
 * byte. */
static void test_cache(void **state)
{
    (void)state;
    generate("--count 1500 --format csv --seed 7", "cached.csv");
    char *dirs[2] = {strdup(path_in_tmp("cache1")), strdup(path_in_tmp("cache2"))};
    for (int k = 0; k < 2; k++) {
        Loaded l;
        load_as(&l, path_in_tmp("cached.csv"), k == 0 ? 1 : 2, 3000, dirs[k]);
        assert_true(l.ok);
        free_loaded(&l);
    }
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "diff -r '%s' '%s' >/dev/null", dirs[0], dirs[1]);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "test -n \"$(find '%s' -type f)\"", dirs[0]);
    assert_int_equal(system(cmd), 0);
    (void)read_all;
    free(dirs[0]);
    free(dirs[1]);
}

/* events_finish gives back the strings' and tuples' hash tables; a file
 * loaded after it interns into rebuilt ones: the same store as both files
 * loaded before one finish. */
static void test_compact(void **state)
{
    (void)state;
    generate("--count 800 --format json --seed 8", "a.json");
    generate("--count 900 --format csv --monadic --seed 8", "b.csv");
    char *paths[2] = {strdup(path_in_tmp("a.json")), strdup(path_in_tmp("b.csv"))};
    EventSet one, two;
    LoadReport reps[2];
    events_init(&one);
    assert_int_equal(load_files(&one, paths, 2, reps), 0);
    events_init(&two);
    assert_true(load_file(&two, paths[0], &reps[0]));
    events_finish(&two);
    assert_int_equal(two.strings.index.nslots, 0);
    assert_int_equal(two.actor_tuples.index.nslots, 0);
    assert_int_equal(two.strings.cap, two.strings.len);
    assert_true(load_file(&two, paths[1], &reps[1]));
    events_finish(&two);
    same_store(&one, &two);
    events_free(&one);
    events_free(&two);
    free(paths[0]);
    free(paths[1]);
}

/* Fields of one line as a string "[a][b]...", or "none" for no row. */
typedef struct Fields {
    char text[4096];
    size_t len;
    int rows;
} Fields;

static void fields_add(void *data, size_t len, void *ctx)
{
    Fields *f = ctx;
    if (f->len >= sizeof f->text - 1) return;                     /* full: cut */
    int n = snprintf(f->text + f->len, sizeof f->text - f->len, "[%.*s]", (int)len,
                     data ? (const char *)data : "");
    f->len += (size_t)n < sizeof f->text - f->len ? (size_t)n : sizeof f->text - 1 - f->len;
}

static void fields_row(int c, void *ctx)
{
    (void)c;
    ((Fields *)ctx)->rows++;
}

/* Splits `line` (line_len bytes: one physical line and its break, then
 * more) with libcsv into lib, and with `fast` into out; false if fast
 * declines. Fails the test where both read it and they differ. */
typedef size_t (*FastRow)(const char *, size_t, char *, size_t, CsvField *, size_t *);

static bool fast_matches_libcsv(FastRow fast, const char *text, size_t text_len,
                                size_t line_len)
{
    static char scratch[8192];
    Fields lib = {.len = 0}, mine = {.len = 0};
    struct csv_parser parser;
    assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI), 0);
    size_t used = csv_parse(&parser, text, line_len, fields_add, fields_row, &lib);
    bool lib_ok = used == line_len && parser.pstate == 0;
    csv_free(&parser);
    CsvField f[LOAD_CSV_FAST_FIELDS];
    size_t nf, len = fast(text, text_len, scratch, sizeof scratch, f, &nf);
    if (len == 0) return false;                           /* libcsv's */
    for (size_t k = 0; k < nf; k++) fields_add((void *)f[k].at, f[k].len, &mine);
    if (len != line_len || !lib_ok || lib.rows != 1 || strcmp(lib.text, mine.text) != 0)
        fail_msg("line '%.*s': libcsv %s %d rows %s, fast %zu bytes %s", (int)line_len, text,
                 lib_ok ? "ok" : "fails", lib.rows, lib.text, len, mine.text);
    return true;
}

/* The length of the physical line at text: up to its first "\n", "\r\n"
 * or "\r", as load_csv counts lines. */
static size_t physical_line(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || text[i] == '\r')
            return text[i] == '\r' && i + 1 < len && text[i + 1] == '\n' ? i + 2 : i + 1;
    return len;
}

/* load_csv_fast_row (and its portable twin) splits a line as libcsv does
 * (strict), or declines: every line here, each with "\n", "\r\n" and
 * "\r" after it and another line after that, and 20000 random lines of
 * quoted and unquoted fields, some spoilt, up to 1.3 KB (across the
 * 64-byte blocks it reads). */
static void test_csv_fast(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "a,b,c", "  a , b\t,\tc  ", ",,", "a,", ",a", "\"q\",\"r s\"", " \"q\" , \"r\" ",
        "\"a\"\"b\",\"\"\"\"\",\"\"", "\"a,b\",c", "x\"y", "\"a\"b", "\"a\" \"b\"", "\"open",
        "\"a\" ,\"b\"\"\"", "", "   ", "\t", "a b, c d ", "\"\"", "a,\"b\" ", "\"a\"\"\" x",
        "1,2024-01-01,15.5,-2.25,\"notes, with \"\"quotes\"\"\",0", "a\"", " \"",
        "\"\"\"a\"\"\",\"x\"\"\"\"y\"", "\"\"\"\"\"\"\"\",\"long run then \"\" then more\"",
        "\"\"\"", "\"a\"\",b\"", "\"", "a\rb", "\"a\rb\",c", "\"a\nb\"",
        "0123456789012345678901234567890123456789012345678901234567890,\"2,\"\"\",x",
        "012345678901234567890123456789012345678901234567890123456789012\"", 
        "01234567890123456789012345678901234567890123456789012345678901,\"a,,,,,,,,,,,,,,,,,,"
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\",b",
    };
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    static const FastRow fasts[] = {load_csv_fast_row, load_csv_fast_row_portable};
    int taken = 0;
    for (size_t v = 0; v < 2; v++) {
        for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
            for (size_t e = 0; e < 3; e++) {
                /* The line, and another after it: the fast path reads
                 * the first alone, up to its line break. */
                char two[2100];
                int n = snprintf(two, sizeof two, "%s%s%s%s", lines[i], ends[e], lines[i],
                                 ends[e]);
                size_t line_len = physical_line(two, (size_t)n);
                taken += fast_matches_libcsv(fasts[v], two, (size_t)n, line_len);
            }
        }
    }
    assert_true(taken >= 2 * 3 * 14);

    /* Random lines. */
    static const char plain[] = "ab c\t,\"\r\n";
    unsigned seed = 12345;
    int random_taken = 0;
    for (int r = 0; r < 20000; r++) {
        char text[1400];
        size_t len = 0;
        int nfields = (int)(rand_r(&seed) % 14);
        for (int k = 0; k <= nfields && len < 1200; k++) {
            if (k > 0) text[len++] = ',';
            int flen = (int)(rand_r(&seed) % 48);
            bool quoted = rand_r(&seed) % 2;
            if (rand_r(&seed) % 4 == 0) text[len++] = ' ';
            if (quoted) text[len++] = '"';
            for (int c = 0; c < flen; c++) {
                int pick = (int)(rand_r(&seed) % 100);
                if (pick < 3 && quoted) {
                    text[len++] = '"';
                    text[len++] = '"';
                } else if (pick < 8 && quoted) {
                    text[len++] = ',';
                } else if (pick == 99) {
                    text[len++] = plain[rand_r(&seed) % (sizeof plain - 1)];   /* may spoil */
                } else {
                    text[len++] = (char)('a' + c % 26);
                }
            }
            if (quoted) text[len++] = '"';
            if (rand_r(&seed) % 4 == 0) text[len++] = '\t';
        }
        const char *end = ends[rand_r(&seed) % 3];
        len += (size_t)snprintf(text + len, sizeof text - len, "%snext,line\n", end);
        size_t line_len = physical_line(text, len);
        for (size_t v = 0; v < 2; v++) random_taken += fast_matches_libcsv(fasts[v], text, len, line_len);
    }
    assert_true(random_taken >= 20000);
    if (!__builtin_cpu_supports("avx2"))
        print_message("no AVX2 here: both splitters were the portable one\n");

    /* Edges: a line exactly as long as scratch_cap (taken, with "\n" and
     * "\r\n"), one byte longer (declined), a quoted field of doubled
     * quotes filling the scratch; "\r" as avail's last byte; no break
     * within avail; NULs; 256 fields and 257. */
    static char small[40];
    CsvField f[LOAD_CSV_FAST_FIELDS];
    size_t nf;
    for (size_t v = 0; v < 2; v++) {
        FastRow fast = fasts[v];
        char line[1200];
        memset(line, 'x', 40);
        memcpy(line + 40, "\nx", 3);
        assert_int_equal(fast(line, 43, small, 40, f, &nf), 41);
        assert_int_equal(nf, 1);
        assert_int_equal(f[0].len, 40);
        memcpy(line + 40, "\r\nx", 4);
        assert_int_equal(fast(line, 44, small, 40, f, &nf), 42);
        memcpy(line + 40, "x\n", 3);
        assert_int_equal(fast(line, 43, small, 40, f, &nf), 0);
        memset(line, '"', 40);                  /* 19 doubled quotes inside */
        memcpy(line + 40, "\n", 2);
        assert_int_equal(fast(line, 41, small, 40, f, &nf), 41);
        assert_int_equal(f[0].len, 19);
        assert_memory_equal(f[0].at, "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"", 19);
        assert_int_equal(fast("a,b\r", 4, small, 40, f, &nf), 4);
        assert_int_equal(nf, 2);
        assert_int_equal(fast("a,b", 3, small, 40, f, &nf), 0);
        assert_int_equal(fast("a,\"b", 4, small, 40, f, &nf), 0);
        assert_int_equal(fast("a,b\0c\n", 6, small, 40, f, &nf), 0);
        assert_int_equal(fast("a,\"b\0c\"\n", 8, small, 40, f, &nf), 0);
        static char wide[8192];
        for (int k = 0; k < 2; k++) {
            size_t len = 0, fields = LOAD_CSV_FAST_FIELDS + (size_t)k;
            for (size_t i = 0; i < fields; i++) len += (size_t)sprintf(line + len, "%s%zu",
                                                                       i ? "," : "", i % 10);
            line[len++] = '\n';
            assert_int_equal(fast(line, len, wide, sizeof wide, f, &nf), k == 0 ? len : 0);
            if (k == 0) assert_int_equal(nf, LOAD_CSV_FAST_FIELDS);
        }
    }
}

/* load_json_flat reads what cJSON and load_json_members read, or
 * declines. */
static void test_flat(void **state)
{
    (void)state;
    static const char *const take[] = {
        "{}", "{ }",
        "{\"latitude\":\"15.5\",\"longitude\":-2.25,\"event_date\":\"2020-01-01\"}",
        "{ \"notes\" : \"q \\\" b \\\\ s \\/ \\b\\f\\n\\r\\t u \\u00e9 \\u20ac \\u0041\" }",
        "{\"fatalities\":1e5,\"best\":1E+2,\"low\":0.1,\"high\":-0,\"x\":12}",
        "{\"civilian_targeting\":true,\"actor1\":false,\"actor2\":null}",
        "{\"LATITUDE\":\"1\",\" latitude \":\"2\",\"latitude\":\"3\"}",
        "{\"a_very_long_member_name_past_the_cache\":\"x\",\"notes\":\"raw\ttab\"}",
        "{\"type\":\"Other\",\"notes\":\"\"}\n",
        "{\r\n\t\"id\":42,\r\n\t\"source\":\"S\"\r\n}",
        /* Names the key cache holds, written raw and escaped in turn. */
        "{\"latitude\":\"1\",\"notes\":\"n\"}", "{\"l\\u0061titude\":\"2\",\"notes\":\"m\"}",
        "{\"latitude\":\"3\",\"no\\\"tes\":\"x\"}", "{\"latitude\":\"4\",\"no\\\"tes\":\"y\"}",
        "{\"latitudes\":\"5\",\"no\\\\tes\":\"z\"}", "{\"latitude\":\"6\",\"notes\":\"w\"}",
    };
    static const char *const decline[] = {
        "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"notes\":\"\\u0000\"}",
        "{\"notes\":\"\\ud800\"}", "{\"notes\":\"\\ud83d\\ude00\"}",
        "{\"latitude\":1e-400}", "{\"type\":\"Feature\"}", "{\"geometry\":null}",
        "{\"latitude\":\"1\"", "{\"latitude\":1.2.3}", "{\"a\":nul}", "{\"a\":\"\\x\"}",
        "{\"a\" 1}", "{\"a\":1,}", "{\"a\":\"x\" \"b\":1}", "{\"a\":\"\\u12G4\"}",
    };
    static char scratch[1 << 16];
    KeyCache *keys = calloc(1, sizeof *keys);
    for (int pass = 0; pass < 2; pass++) {        /* cold and warm key cache */
        for (size_t k = 0; k < sizeof take / sizeof take[0]; k++) {
            const char *text = take[k];
            const char *end = NULL;
            cJSON *item = cJSON_ParseWithLengthOpts(text, strlen(text), &end, 0);
            assert_non_null(item);
            RawRecord a, b;
            record_clear(&a);
            record_clear(&b);
            load_json_members(item, &a, NULL);
            size_t used = load_json_flat(text, strlen(text), &b, keys, scratch, sizeof scratch);
            if (used != (size_t)(end - text)) fail_msg("flat read %zu of '%s'", used, text);
            for (int f = 0; f < FIELD_COUNT; f++) {
                assert_int_equal(a.v[f].kind, b.v[f].kind);
                if (a.v[f].kind == RAW_NUMBER) assert_true(a.v[f].num == b.v[f].num);
                if (a.v[f].kind == RAW_STRING || a.v[f].kind == RAW_OTHER)
                    assert_string_equal(a.v[f].str, b.v[f].str);
                if (a.v[f].kind == RAW_STRING) {
                    assert_int_equal(a.v[f].len, strlen(a.v[f].str));
                    assert_int_equal(b.v[f].len, strlen(b.v[f].str));
                }
            }
            cJSON_Delete(item);
        }
    }
    for (size_t k = 0; k < sizeof decline / sizeof decline[0]; k++) {
        RawRecord b;
        record_clear(&b);
        if (load_json_flat(decline[k], strlen(decline[k]), &b, keys, scratch, sizeof scratch))
            fail_msg("flat took '%s'", decline[k]);
    }
    /* A NUL inside, and an object longer than the scratch. */
    RawRecord b;
    assert_int_equal(load_json_flat("{\"a\":\"x\0y\"}", 12, &b, keys, scratch, sizeof scratch), 0);
    assert_int_equal(load_json_flat("{\"a\":\"xy\"}", 10, &b, keys, scratch, 5), 0);
    free(keys);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/sahelmap-split-XXXXXX");
    if (getenv("SPLIT_KEEP")) { snprintf(tmp_dir, sizeof tmp_dir, "%s", getenv("SPLIT_KEEP")); return 0; }
    return mkdtemp(tmp_dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    if (getenv("SPLIT_KEEP")) return 0;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flat),
        cmocka_unit_test(test_csv_fast),
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_straddling_json),
        cmocka_unit_test(test_straddling_csv),
        cmocka_unit_test(test_csv_read_boundaries),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_cache),
        cmocka_unit_test(test_compact),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

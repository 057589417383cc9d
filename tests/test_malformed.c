/*
 * test_malformed: a corpus of broken, hostile and odd input files
 * (tests/malformed/) and what loading each must do. Every load is checked
 * for the same promises (check_load):
 *
 *   - report.read == report.loaded + report.skipped, and loaded splits into
 *     events + merged + duplicates;
 *   - a file that fails loads nothing, and says why with its path;
 *   - every loaded event has finite coordinates in range, never (0,0), a
 *     date in range and sane fatalities; its strings are NUL-terminated and
 *     its notes as long as their stored length;
 *   - every skip reason starts with the path.
 *
 * Then each case asserts its own outcome: either the whole file fails with a
 * position ("path: line[:col]: reason" or "path:line[:col]: reason") and a
 * reason, or named records are skipped with "path:line[:col]: ... reason".
 *
 * Text inputs live in tests/malformed/; binary and big ones are written by
 * tests/malformed/make.sh into a temporary directory at run time, the JSON
 * and CSV truncations and the 100 MB note are written here. All of it is
 * deleted afterwards. MALFORMED_SKIP_HUGE=1 skips the 100 MB case (for
 * valgrind runs).
 *
 * Fifteen of these cases first failed (a lone surrogate failing a whole
 * file, an empty event_date dated by the upload timestamp, hexadecimal
 * coordinates, leading blanks past 4 KiB, a byte order mark before a quoted
 * header, bare-CR files, positions in long lines, ...): they stay here as
 * regression tests.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "notes.h"

#ifndef MALFORMED_DIR
#define MALFORMED_DIR FIXTURES_DIR "/../malformed"
#endif

/* ------------------------------------------------------------------------- */
/* Paths                                                                     */
/* ------------------------------------------------------------------------- */

static char gen_dir[64];       /* make.sh output and run-time files */

/* A committed input (static ring of buffers: a few stay valid at once). */
static const char *src(const char *name)
{
    static char path[4][PATH_MAX];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, PATH_MAX, "%s/%s", MALFORMED_DIR, name);
    return p;
}

/* A generated input (or a scratch path) in gen_dir. */
static const char *gen(const char *name)
{
    static char path[4][PATH_MAX];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, PATH_MAX, "%s/%s", gen_dir, name);
    return p;
}

/* Loads and heap buffers still held when an assertion ends a test early
 * (cmocka longjmps out of it); release_all frees them, so valgrind only
 * reports what the loader itself loses. */
static struct Load *live_loads[8];
static void *live_heap[8];

static void *hold(void **slots, void *p)
{
    for (size_t k = 0; k < 8; k++)
        if (slots[k] == NULL) return slots[k] = p;
    fail_msg("too many live allocations");
    return p;
}

static void let_go(void **slots, void *p)
{
    for (size_t k = 0; k < 8; k++)
        if (slots[k] == p) slots[k] = NULL;
}

static void *xheap(size_t n)
{
    void *p = malloc(n);
    assert_non_null(p);
    return hold(live_heap, p);
}

static void release(void *p)
{
    let_go(live_heap, p);
    free(p);
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *buf = xheap((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) return errno == ENOENT ? 0 : -1;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        chmod(path, 0600);
        unlink(path);
    }
    closedir(d);
    return rmdir(dir);
}

static int setup_corpus(void **state)
{
    (void)state;
    /* The corpus tests the parsers, not the binary cache (files > 8 MB). */
    setenv("SAHELMAP_CACHE", "0", 1);
    snprintf(gen_dir, sizeof gen_dir, "/tmp/sahelmap-malformed-XXXXXX");
    if (mkdtemp(gen_dir) == NULL) return -1;
    char cmd[PATH_MAX * 2];
    snprintf(cmd, sizeof cmd, "sh '%s/make.sh' '%s'", MALFORMED_DIR, gen_dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "make.sh failed: %s\n", cmd);
        return -1;
    }
    return 0;
}

static int teardown_corpus(void **state)
{
    (void)state;
    return remove_dir(gen_dir);
}

/* ------------------------------------------------------------------------- */
/* Loading with the common checks                                            */
/* ------------------------------------------------------------------------- */

typedef struct Load {
    EventSet set;
    LoadReport rep;
    bool ok;
    char path[PATH_MAX];
    char *notes[8];            /* from notes_of, freed by unload */
    size_t nnotes;
    char error[ERROR_TEXT_MAX];                     /* rep.error, as printed */
    char reasons[LOAD_MAX_REASONS][ERROR_TEXT_MAX]; /* rep.reasons, as printed */
} Load;

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The notes of event i, valid until unload(l). */
static const char *notes_of(Load *l, size_t i)
{
    assert_true(l->nnotes < sizeof l->notes / sizeof l->notes[0]);
    char *n = events_notes(&l->set, i);
    assert_non_null(n);
    return l->notes[l->nnotes++] = n;
}

static void unload(Load *l)
{
    for (size_t k = 0; k < l->nnotes; k++) free(l->notes[k]);
    events_free(&l->set);
    let_go((void **)live_loads, l);
    free(l);
}

static void check_load(Load *l)
{
    const LoadReport *rep = &l->rep;
    const EventSet *set = &l->set;
    assert_int_equal(rep->read, rep->loaded + rep->skipped);
    assert_int_equal(rep->loaded, rep->events + rep->merged + rep->duplicates + rep->conflicts);
    assert_int_equal(rep->ok, l->ok);
    if (l->ok)
        assert_int_equal(rep->nreasons, rep->skipped < LOAD_MAX_REASONS
                                            ? rep->skipped : LOAD_MAX_REASONS);
    else
        assert_true(rep->nreasons <= rep->skipped);
    if (!l->ok) {
        assert_int_equal(set->count, 0);
        assert_int_equal(rep->loaded, 0);
        assert_int_equal(rep->events, 0);
        assert_true(l->error[0] != '\0');
        if (!starts_with(l->error, l->path)) {
            print_error("error does not name the file: \"%s\"\n", l->error);
            fail();
        }
    } else {
        assert_int_equal(set->count, rep->events);
        for (size_t k = 0; k < rep->nreasons; k++)
            assert_true(starts_with(l->reasons[k], l->path));
    }
    int32_t first = date_from_ymd(DATE_MIN_YEAR, 1, 1);
    int32_t last = date_from_ymd(DATE_MAX_YEAR, 12, 31);
    for (size_t i = 0; i < set->count; i++) {
        assert_true(isfinite(events_lat(set, i)) && isfinite(events_lon(set, i)));
        assert_true(events_lat(set, i) >= -90 && events_lat(set, i) <= 90);
        assert_true(events_lon(set, i) >= -180 && events_lon(set, i) <= 180);
        if (events_lat(set, i) == 0 && events_lon(set, i) == 0) {
            print_error("event %zu (%s) drawn at (0,0)\n", i,
                        events_text(set, i, TEXT_ID));
            fail();
        }
        assert_true(set->day[i] >= first && set->day[i] <= last);
        assert_true(set->fat[i] >= 0 && events_fat_low(set, i) >= 0);
        assert_true(events_fat_low(set, i) <= set->fat[i] &&
                    set->fat[i] <= events_fat_high(set, i));
        for (int t = 0; t < TEXT_COUNT; t++) {
            const char *s = events_text(set, i, (EventText)t);
            assert_non_null(s);
            assert_true(strlen(s) < (64u << 20));
        }
        char *notes = events_notes(&l->set, i);
        size_t n = strlen(notes);
        free(notes);
        assert_int_equal(n, notes_len(set->notes[i]));
    }
}

/* Loads path with options (NULL: the built-in settings), then checks the
 * books. */
static Load *load_with(const char *path, const LoadOptions *options)
{
    Load *l = calloc(1, sizeof *l);
    assert_non_null(l);
    hold((void **)live_loads, l);
    snprintf(l->path, sizeof l->path, "%s", path);
    events_init(&l->set);
    l->ok = load_file_with(&l->set, path, &l->rep, options);
    events_finish(&l->set);
    snprintf(l->error, sizeof l->error, "%s", error_text(&l->rep.error).s);
    for (size_t k = 0; k < l->rep.nreasons && k < LOAD_MAX_REASONS; k++)
        snprintf(l->reasons[k], sizeof l->reasons[k], "%s", error_text(&l->rep.reasons[k]).s);
    check_load(l);
    return l;
}

static Load *load(const char *path)
{
    return load_with(path, NULL);
}

static int release_all(void **state)
{
    (void)state;
    for (size_t k = 0; k < 8; k++) {
        if (live_loads[k] != NULL) unload(live_loads[k]);
        free(live_heap[k]);
        live_heap[k] = NULL;
    }
    return 0;
}

/* msg holds "path:pos:" or "path: pos:" (pos "3" or "3:46"). */
static bool has_position(const char *msg, const char *path, const char *pos)
{
    char a[PATH_MAX + 64], b[PATH_MAX + 64];
    snprintf(a, sizeof a, "%s:%s:", path, pos);
    snprintf(b, sizeof b, "%s: %s:", path, pos);
    return strstr(msg, a) != NULL || strstr(msg, b) != NULL;
}

/* True when msg has "path:" or "path: " followed by digits and a colon. */
static bool has_any_position(const char *msg, const char *path)
{
    if (!starts_with(msg, path)) return false;
    const char *p = msg + strlen(path);
    if (*p++ != ':') return false;
    if (*p == ' ') p++;
    if (*p < '1' || *p > '9') return false;
    while (*p >= '0' && *p <= '9') p++;
    return *p == ':';
}

/* The whole file failed, at pos (NULL: no position asked; "" any position),
 * for a reason containing `reason`. */
static void expect_fail(Load *l, const char *pos, const char *reason)
{
    if (l->ok) {
        print_error("%s: loaded (%zu read, %zu loaded), expected a failure "
                    "with \"%s\"\n", l->path, l->rep.read, l->rep.loaded, reason);
        fail();
    }
    if (pos != NULL && pos[0] != '\0' && !has_position(l->error, l->path, pos)) {
        print_error("expected position %s in \"%s\"\n", pos, l->error);
        fail();
    }
    if (pos != NULL && pos[0] == '\0' && !has_any_position(l->error, l->path)) {
        print_error("expected a line:col position in \"%s\"\n", l->error);
        fail();
    }
    assert_contains(l->error, reason);
}

static void expect_ok(Load *l, size_t read, size_t loaded)
{
    if (!l->ok) {
        print_error("%s failed: %s\n", l->path, l->error);
        fail();
    }
    assert_int_equal(l->rep.read, read);
    assert_int_equal(l->rep.loaded, loaded);
}

/* The reason recorded for the record at pos ("3" or "3:1"); fails if none. */
static const char *reason_at(Load *l, const char *pos)
{
    char a[PATH_MAX + 64];
    snprintf(a, sizeof a, "%s:%s:", l->path, pos);
    for (size_t k = 0; k < l->rep.nreasons; k++)
        if (starts_with(l->reasons[k], a)) return l->reasons[k];
    print_error("%s: no skip reason at %s; reasons:\n", l->path, pos);
    for (size_t k = 0; k < l->rep.nreasons; k++)
        print_error("  %s\n", l->reasons[k]);
    fail();
    return "";
}

static void expect_skip(Load *l, const char *pos, const char *reason)
{
    assert_contains(reason_at(l, pos), reason);
}

static size_t event(const Load *l, const char *id)
{
    size_t i = find_event(&l->set, id);
    if (i == SIZE_MAX) {
        print_error("%s: no event %s\n", l->path, id);
        fail();
    }
    return i;
}

/* ------------------------------------------------------------------------- */
/* Empty, blank, byte order marks                                            */
/* ------------------------------------------------------------------------- */

static void test_empty_and_blank(void **state)
{
    (void)state;
    Load *l = load(src("empty.json"));
    expect_fail(l, NULL, "empty file");
    unload(l);
    l = load(src("whitespace.json"));
    expect_fail(l, NULL, "empty file");
    unload(l);
    l = load(gen("bom_only.json"));
    expect_fail(l, NULL, "empty file");
    unload(l);
}

/* More blank bytes than the 4 KiB the loader sniffs, then a good file. */
static void test_leading_blanks_past_sniff_window(void **state)
{
    (void)state;
    Load *l = load(gen("leading_blanks.json"));
    expect_ok(l, 1, 1);
    unload(l);
    l = load(gen("leading_blank_lines.csv"));
    expect_ok(l, 2, 1);
    expect_skip(l, "5003", "row has 2 fields, the header has 3");
    unload(l);
}

static void test_bom(void **state)
{
    (void)state;
    Load *l = load(gen("bom_array.json"));
    expect_ok(l, 1, 1);
    assert_contains(l->rep.format, "ACLED JSON");
    assert_float_equal(events_lat(&l->set, event(l, "B1")), 15, 0);
    unload(l);

    l = load(gen("bom.csv"));
    expect_ok(l, 2, 1);
    assert_string_equal(l->rep.format, "ACLED CSV");     /* first name read */
    expect_skip(l, "3", "row has 4 fields, the header has 5");
    assert_int_equal(l->set.fat[event(l, "B1")], 1);
    unload(l);
}

/* Excel's "CSV UTF-8": a byte order mark, then a quoted header. */
static void test_bom_quoted_csv_header(void **state)
{
    (void)state;
    Load *l = load(gen("bom_quoted_header.csv"));
    expect_ok(l, 1, 1);
    assert_int_equal(l->set.fat[event(l, "B1")], 1);
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* Truncation at every byte                                                  */
/* ------------------------------------------------------------------------- */

/* Line and column (from 1, in bytes) of text[at]. */
static void position_of(const char *text, size_t at, char pos[48])
{
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n') line++, line_start = i + 1;
    snprintf(pos, 48, "%zu:%zu", line, at - line_start + 1);
}

/* Loads every prefix of a valid JSON file. A prefix that is blank is an
 * empty file; one that ends before the top-level value closes must fail,
 * loading nothing, with "unexpected end of file" at the position where it
 * ends (or, at least, with the position of its last byte: see
 * test_truncated_after_exponent); the rest (the value plus some
 * trailing blanks) load all `records`. */
static void truncate_json(const char *name, size_t records)
{
    size_t len;
    char *text = read_whole(src(name), &len);
    size_t end = len;
    while (end > 0 && strchr(" \t\r\n", text[end - 1]) != NULL) end--;
    const char *path = gen("cut.json");
    size_t failures = 0, lenient = 0;
    for (size_t k = 0; k <= len; k++) {
        write_file(path, text, k);
        Load *l = load(path);
        size_t blank = 0;
        while (blank < k && strchr(" \t\r\n", text[blank]) != NULL) blank++;
        if (blank == k) {
            expect_fail(l, NULL, "empty file");
        } else if (k >= end) {
            expect_ok(l, records, records);
        } else {
            char at_end[48], last_byte[48];
            position_of(text, k, at_end);
            position_of(text, k - 1, last_byte);
            const char *msg = l->error;
            if (!l->ok && has_position(msg, path, at_end) &&
                strstr(msg, "unexpected end of file") != NULL) {
                /* as it should be */
            } else if (!l->ok && has_position(msg, path, last_byte)) {
                lenient++;
            } else if (failures++ < 8) {
                print_error("%s cut after %zu bytes (...%.12s): %s; expected "
                            "%s: unexpected end of file\n", name, k,
                            text + (k > 12 ? k - 12 : 0),
                            l->ok ? "loaded" : msg, at_end);
            }
        }
        unload(l);
    }
    unlink(path);
    release(text);
    if (lenient > 0)
        print_message("  %s: %zu cut(s) reported at the last byte, not as an "
                      "unexpected end of file\n", name, lenient);
    if (failures > 0) {
        print_error("%s: %zu of %zu truncations misreported\n", name, failures, end);
        fail();
    }
}

/* A number cut inside its exponent ("-1.5e" at the end of the file) is a
 * truncation too, not "invalid JSON near 'e'". */
static void test_truncated_after_exponent(void **state)
{
    (void)state;
    static const char text[] = "{\"status\":200,\"last_update\":-1.5e";
    const char *path = gen("exponent.json");
    write_file(path, text, sizeof text - 1);
    Load *l = load(path);
    expect_fail(l, "1:34", "unexpected end of file");
    unload(l);
    unlink(path);
}

static void test_truncated_api_json_every_byte(void **state)
{
    (void)state;
    truncate_json("valid_api.json", 2);
}

static void test_truncated_array_json_every_byte(void **state)
{
    (void)state;
    truncate_json("valid_array.json", 2);
}

static void test_truncated_geojson_every_byte(void **state)
{
    (void)state;
    truncate_json("valid.geojson", 2);
}

/* CSV cannot tell a cut row from a short one: only the common promises
 * hold, and a cut inside quotes fails as an unterminated field. */
static void test_truncated_csv_every_byte(void **state)
{
    (void)state;
    size_t len;
    char *text = read_whole(src("valid.csv"), &len);
    const char *path = gen("cut.csv");
    for (size_t k = 0; k <= len; k++) {
        write_file(path, text, k);
        Load *l = load(path);
        if (k == len) expect_ok(l, 2, 2);
        if (!l->ok && k > 0 && strstr(l->error, "empty file") == NULL &&
            strstr(l->error, "no header") == NULL) {
            /* Header cut short, or a quote left open: with a line. */
            if (!has_any_position(l->error, path)) {
                print_error("cut after %zu: no position in \"%s\"\n", k, l->error);
                fail();
            }
        }
        unload(l);
    }
    unlink(path);
    release(text);
}

/* ------------------------------------------------------------------------- */
/* Wrong types and nulls                                                     */
/* ------------------------------------------------------------------------- */

static void test_types(void **state)
{
    (void)state;
    Load *l = load(src("types.json"));
    assert_true(l->ok);
    assert_int_equal(l->rep.read, 8);
    expect_skip(l, "2:1", "record 1: latitude 'true' is not a number");
    expect_skip(l, "5:1", "latitude");      /* [15] */
    expect_skip(l, "6:1", "longitude");     /* {"x":2} */
    expect_skip(l, "9:1", "fatalities 'true' is not a number");
    /* Numbers where strings are usual are numbers all the same. */
    size_t i = event(l, "W6");
    assert_float_equal(events_lat(&l->set, i), 15.5, 0);
    assert_float_equal(events_lon(&l->set, i), -2.25, 0);
    assert_int_equal(l->set.fat[i], 4);
    /* A numeric id is spelled out; a numeric type is just unknown. */
    i = event(l, "777");
    assert_int_equal(l->set.type[i], EVENT_UNKNOWN);
    unload(l);
}

/* Fatalities that are an object or an array must not load as 0 dead. */
static void test_fatalities_of_wrong_type(void **state)
{
    (void)state;
    Load *l = load(src("types.json"));
    assert_true(l->ok);
    assert_int_equal(find_event(&l->set, "W2"), SIZE_MAX);
    assert_int_equal(find_event(&l->set, "W3"), SIZE_MAX);
    expect_skip(l, "3:1", "fatalities");
    expect_skip(l, "4:1", "fatalities");
    assert_int_equal(l->rep.loaded, 2);
    unload(l);
}

static void test_record_not_an_object(void **state)
{
    (void)state;
    Load *l = load(src("record_array.json"));
    expect_ok(l, 1, 0);
    expect_skip(l, "1:10", "record 1: not a JSON object");
    unload(l);
}

/* "data" (or "features") present but not an array: say so, where. */
static void test_events_member_not_an_array(void **state)
{
    (void)state;
    static const char *const files[] = {"data_object.json", "data_number.json",
                                        "data_null.json", "features_null.geojson"};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        Load *l = load(src(files[k]));
        const char *member = strstr(files[k], "features") ? "features" : "data";
        expect_fail(l, "1", member);
        if (strstr(l->error, "no events found") != NULL) {
            print_error("misleading: \"%s\"\n", l->error);
            fail();
        }
        unload(l);
    }
}

static void test_nulls(void **state)
{
    (void)state;
    Load *l = load(src("null_file.json"));
    expect_fail(l, "1", "");
    unload(l);

    l = load(src("null_everywhere.json"));
    expect_ok(l, 3, 1);
    expect_skip(l, "2:1", "record 1: not a JSON object");
    expect_skip(l, "3:1", "record 2: missing latitude");
    size_t i = event(l, "N3");
    assert_int_equal(l->set.fat[i], 0);
    assert_string_equal(events_text(&l->set, i, TEXT_ACTOR1), "");
    assert_string_equal(events_text(&l->set, i, TEXT_LOCATION), "");
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* Numbers out of range, dates                                               */
/* ------------------------------------------------------------------------- */

static void test_ranges(void **state)
{
    (void)state;
    Load *l = load(src("ranges.json"));
    expect_ok(l, 11, 1);
    expect_skip(l, "2:1", "latitude 91 outside [-90, 90]");
    expect_skip(l, "3:1", "longitude -181 outside [-180, 180]");
    expect_skip(l, "4:1", "fatalities -1 is not a count");
    expect_skip(l, "5:1", "is not a count");                 /* 1e30 */
    expect_skip(l, "6:1", "fatalities 2.5 is not a count");
    expect_skip(l, "7:1", "latitude 'NaN' is not a number");
    expect_skip(l, "8:1", "longitude 'Infinity' is not a number");
    expect_skip(l, "9:1", "latitude '-inf' is not a number");
    expect_skip(l, "10:1", "fatalities '1e999' is not a number");
    expect_skip(l, "11:1", "latitude '1e999' is out of range for a number");
    size_t i = event(l, "R11");                               /* the edges */
    assert_float_equal(events_lat(&l->set, i), -90, 0);
    assert_float_equal(events_lon(&l->set, i), 180, 0);
    assert_int_equal(l->set.fat[i], 1000);
    unload(l);

    l = load(src("ranges_more.json"));
    expect_ok(l, 6, 2);
    expect_skip(l, "2:1", "latitude");                        /* JSON 1e999 */
    expect_skip(l, "3:1", "both 0");
    expect_skip(l, "5:1", "is not a count");                  /* 1000001 */
    expect_skip(l, "6:1", "'3 dead' is not a number");
    assert_int_equal(l->set.fat[event(l, "M3")], 1000000);
    i = event(l, "M6");
    assert_float_equal(events_lat(&l->set, i), 15.5, 0);
    assert_int_equal(l->set.fat[i], 3);
    unload(l);
}

/* A number in a message must read as the number in the file: 1000001 is
 * not "1e+06" (which reads as inside 0..1000000), 20240101 not
 * "2.02401e+07". */
static void test_numbers_in_messages_keep_their_digits(void **state)
{
    (void)state;
    Load *l = load(src("ranges_more.json"));
    expect_skip(l, "5:1", "1000001");
    unload(l);
    l = load(src("dates.json"));
    expect_skip(l, "8:1", "20240101");
    unload(l);
}

/* strtod reads hexadecimal: "0x10" must not become latitude 16. */
static void test_hex_coordinates(void **state)
{
    (void)state;
    Load *l = load(src("hex_latitude.json"));
    expect_ok(l, 2, 0);
    expect_skip(l, "2:1", "latitude '0x10' is not a number");
    expect_skip(l, "3:1", "longitude '0x1p1' is not a number");
    unload(l);
}

static void test_dates(void **state)
{
    (void)state;
    Load *l = load(src("dates.json"));
    expect_ok(l, 10, 1);
    expect_skip(l, "2:1", "event_date: no such day: '2024-02-30'");
    expect_skip(l, "3:1", "ambiguous date '31/12/2020'");
    expect_skip(l, "4:1", "no such day: '2023-02-29'");
    expect_skip(l, "5:1", "implausible year in date '0000-01-01'");
    expect_skip(l, "6:1", "implausible year in date '9999-12-31'");
    expect_skip(l, "7:1", "date");                      /* "" */
    expect_skip(l, "8:1", "is not a date");             /* 20240101 */
    expect_skip(l, "10:1", "no such day: '2024-13-01'");
    expect_skip(l, "11:1", "unreadable date '2024-01-01junk'");
    assert_int_equal(l->set.day[event(l, "D8")], date_from_ymd(2024, 2, 29));
    unload(l);
}

/* ACLED's "timestamp" is when a row was last uploaded, not when the event
 * happened: an empty, blank or null event_date must not fall back to it. */
static void test_empty_event_date_uses_upload_timestamp(void **state)
{
    (void)state;
    Load *l = load(src("empty_date_timestamp.json"));
    expect_ok(l, 4, 1);
    expect_skip(l, "2:1", "event_date");
    expect_skip(l, "3:1", "event_date");
    expect_skip(l, "4:1", "event_date");
    assert_int_equal(l->set.day[event(l, "TS4")], date_from_ymd(2024, 7, 27));
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* Nesting and size                                                          */
/* ------------------------------------------------------------------------- */

/* A record nested past cJSON's limit is one bad record (skipped, with its
 * position), not a bad file: the records around it load. (It failed the
 * whole file before.) */
static void test_deep_nesting_fails_cleanly(void **state)
{
    (void)state;
    Load *l = load(gen("deep_record.json"));
    expect_ok(l, 1, 0);
    expect_skip(l, "2:1", "record 1: nested deeper than 1000 levels");
    unload(l);
    l = load(gen("deep_file.json"));
    expect_ok(l, 1, 0);
    expect_skip(l, "1:2", "nested deeper");
    unload(l);
    l = load(gen("deep_objects.json"));
    expect_ok(l, 1, 0);
    expect_skip(l, "1:10", "record 1: nested deeper");
    unload(l);
    l = load(gen("deep_between.json"));
    expect_ok(l, 3, 2);
    expect_skip(l, "3:1", "record 2: nested deeper");
    unload(l);
    l = load(gen("deep_mismatched.json"));       /* "[[[...}": no JSON at all */
    expect_fail(l, "", "record 2");
    unload(l);
    l = load(gen("deep_unclosed.json"));
    expect_fail(l, "1:100010", "unexpected end of file");
    unload(l);
}

/* Valid JSON nested past the parser's limit is not "invalid JSON". */
static void test_deep_nesting_message(void **state)
{
    (void)state;
    static const char *const files[] = {"deep_record.json", "deep_file.json",
                                        "deep_objects.json"};
    for (size_t k = 0; k < 3; k++) {
        Load *l = load(gen(files[k]));
        assert_true(l->rep.nreasons == 1);
        assert_contains(l->reasons[0], "nest");
        assert_true(strstr(l->reasons[0], "invalid") == NULL);
        unload(l);
    }
}

/* A 100 MB notes string (2-byte UTF-8 characters and escapes) between two
 * ordinary fields; it loads with its note kept or cut at a character. */
static void test_huge_note(void **state)
{
    (void)state;
    const char *skip_huge = getenv("MALFORMED_SKIP_HUGE");
    if (skip_huge != NULL && strcmp(skip_huge, "1") == 0) {
        skip();
        return;
    }
    const size_t block = 1u << 20, blocks = 100;
    char *chunk = xheap(block);
    for (size_t i = 0; i < block; i += 2) {
        chunk[i] = (char)0xC3;                 /* U+00E9 */
        chunk[i + 1] = (char)0xA9;
    }
    memcpy(chunk + block - 2, "\\n", 2);       /* an escape per MiB */
    const char *path = gen("huge_note.json");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"data\":[\n{\"event_id_cnty\":\"H1\",\"event_date\":\"2024-01-01\","
          "\"latitude\":\"15\",\"longitude\":\"2\",\"notes\":\"", f);
    for (size_t b = 0; b < blocks; b++) assert_int_equal(fwrite(chunk, 1, block, f), block);
    fputs("\",\"actor1\":\"After the note\",\"fatalities\":\"7\"},\n"
          "{\"event_id_cnty\":\"H2\",\"event_date\":\"2024-01-02\","
          "\"latitude\":\"15\",\"longitude\":\"2\",\"notes\":\"small\"}\n]}\n", f);
    assert_int_equal(fclose(f), 0);
    release(chunk);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    Load *l = load(path);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    unlink(path);
    expect_ok(l, 2, 2);
    size_t i = event(l, "H1");
    assert_string_equal(events_text(&l->set, i, TEXT_ACTOR1), "After the note");
    assert_int_equal(l->set.fat[i], 7);
    size_t n = notes_len(l->set.notes[i]);
    assert_true(n >= (1u << 20) && n <= NOTES_MAX_LEN);
    const char *notes = notes_of(l, i);
    assert_int_equal(strlen(notes), n);
    assert_true((unsigned char)notes[0] == 0xC3);
    /* Cut at a character: never a lone lead or continuation byte at the end. */
    unsigned char lastc = (unsigned char)notes[n - 1];
    assert_true(lastc < 0x80 || (lastc == 0xA9 && (unsigned char)notes[n - 2] == 0xC3));
    notes = notes_of(l, event(l, "H2"));
    assert_string_equal(notes, "small");
    unload(l);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    print_message("  100 MB note loaded in %.2f s\n", secs);
}

/* ------------------------------------------------------------------------- */
/* Control characters, invalid UTF-8, NUL                                    */
/* ------------------------------------------------------------------------- */

static void test_control_bytes_and_invalid_utf8(void **state)
{
    (void)state;
    Load *l = load(gen("control_bytes.json"));
    expect_ok(l, 2, 2);
    size_t i = event(l, "C1");
    const char *actor = events_text(&l->set, i, TEXT_ACTOR1);
    assert_true(actor[0] == 'a' && actor[strlen(actor) - 1] == 'b');
    const char *notes = notes_of(l, i);
    assert_true(notes[0] == 'n' && notes[strlen(notes) - 1] == 'e');
    event(l, "C2");
    unload(l);

    l = load(gen("bad_utf8.json"));
    expect_ok(l, 2, 2);
    i = event(l, "U1");
    actor = events_text(&l->set, i, TEXT_ACTOR1);
    assert_true(actor[0] == 'x' && actor[strlen(actor) - 1] == 'y');
    assert_true(events_text(&l->set, i, TEXT_ACTOR2)[0] != '\0');
    notes = notes_of(l, i);
    assert_true(notes[0] == 'n' && notes[strlen(notes) - 1] == 'e');
    unload(l);

    l = load(gen("bad_bytes.csv"));
    expect_ok(l, 2, 2);
    i = event(l, "U1");
    actor = events_text(&l->set, i, TEXT_ACTOR1);
    assert_true(actor[0] == 'x' && actor[strlen(actor) - 1] == 'y');
    unload(l);
}

/* "\u0000" ends a C string: what follows must not leak into the store (and
 * the stored length must match the string). */
static void test_nul_escape(void **state)
{
    (void)state;
    Load *l = load(src("nul_escape.json"));
    expect_ok(l, 1, 1);
    size_t i = event(l, "Z1");
    const char *actor = events_text(&l->set, i, TEXT_ACTOR1);
    assert_true(starts_with(actor, "Before"));
    assert_null(strstr(actor, "After"));
    assert_null(strstr(actor, "u0000"));
    assert_null(strstr(events_text(&l->set, i, TEXT_LOCATION), "Hidden"));
    const char *notes = notes_of(l, i);
    assert_true(starts_with(notes, "head"));
    assert_null(strstr(notes, "TAIL"));
    unload(l);
}

/* A lone surrogate escape is grammatical JSON (RFC 8259 section 8.2): one
 * odd character must not throw away the whole file. */
static void test_lone_surrogate(void **state)
{
    (void)state;
    Load *l = load(src("lone_surrogate.json"));
    expect_ok(l, 3, 3);
    assert_true(starts_with(events_text(&l->set, event(l, "S1"), TEXT_ACTOR1), "x"));
    const char *notes = notes_of(l, event(l, "S3"));
    assert_non_null(strstr(notes, "\xF0\x9F\x98\x80"));
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* CSV                                                                       */
/* ------------------------------------------------------------------------- */

static void test_csv_ragged_rows(void **state)
{
    (void)state;
    Load *l = load(src("ragged.csv"));
    expect_ok(l, 5, 2);
    expect_skip(l, "3", "row has 4 fields, the header has 5");
    expect_skip(l, "4", "row has 6 fields, the header has 5");
    expect_skip(l, "6", "the header has 5");
    assert_int_equal(l->set.fat[event(l, "R4")], 5);
    unload(l);
}

static void test_csv_quotes(void **state)
{
    (void)state;
    Load *l = load(src("unbalanced.csv"));
    expect_fail(l, "3", "unterminated quoted field");
    unload(l);
    l = load(src("quote_in_field.csv"));
    expect_fail(l, "3:25", "misplaced quote");
    unload(l);
    l = load(src("quote_after_field.csv"));
    expect_fail(l, "2:25", "quote");
    unload(l);
}

/* A stray quote after the first 1 MiB of a line: the column is the line's,
 * not the offset into the loader's read chunk. */
static void test_csv_quote_column_in_long_line(void **state)
{
    (void)state;
    Load *l = load(gen("long_line_quote.csv"));
    expect_fail(l, "2:1048594", "misplaced quote");
    unload(l);
}

static void test_csv_embedded_newlines_keep_line_numbers(void **state)
{
    (void)state;
    Load *l = load(src("embedded_newlines.csv"));
    expect_ok(l, 6, 3);
    expect_skip(l, "5", "row has 4 fields, the header has 5");
    expect_skip(l, "6", "latitude 95 outside");
    expect_skip(l, "9", "longitude -181 outside");
    const char *notes = notes_of(l, event(l, "E1"));
    assert_string_equal(notes, "first line\nsecond line\nthird line");
    notes = notes_of(l, event(l, "E6"));
    assert_string_equal(notes, "last\n\nwith a blank line");
    event(l, "E4");
    unload(l);
}

static void test_csv_line_endings(void **state)
{
    (void)state;
    Load *l = load(gen("crlf_mix.csv"));
    expect_ok(l, 4, 3);
    expect_skip(l, "5", "row has 3 fields, the header has 4");
    assert_int_equal(l->set.count, 3);
    /* The last field of a CRLF row does not keep the CR. */
    for (size_t i = 0; i < l->set.count; i++) {
        const char *notes = notes_of(l, i);
        size_t n = strlen(notes);
        assert_true(n == 0 || notes[n - 1] != '\r');
    }
    unload(l);
}

/* Bare CR line endings (old Mac, "CSV (Macintosh)"): libcsv splits the
 * rows on CR, so the position must count CR as a line end too. */
static void test_csv_cr_only_line_numbers(void **state)
{
    (void)state;
    Load *l = load(gen("cr_only.csv"));
    expect_ok(l, 3, 2);
    expect_skip(l, "3", "row has 2 fields, the header has 3");
    unload(l);
}

static void test_csv_headers(void **state)
{
    (void)state;
    Load *l = load(src("header_only.csv"));
    expect_ok(l, 0, 0);
    unload(l);
    l = load(src("no_latitude.csv"));
    expect_fail(l, "1", "the header has no latitude column");
    unload(l);
    l = load(src("duplicate_unknown_header.csv"));
    expect_ok(l, 1, 1);
    unload(l);
}

/* Two "latitude" columns: either refuse the header (with its line and the
 * name) or let the first one count, consistently. Today the last one
 * silently wins, and a blank second copy hides a good first one. */
static void test_csv_duplicate_header(void **state)
{
    (void)state;
    Load *l = load(src("duplicate_header.csv"));
    if (!l->ok) {
        expect_fail(l, "1", "latitude");
    } else {
        expect_ok(l, 3, 3);
        for (size_t i = 0; i < l->set.count; i++)
            assert_float_equal(events_lat(&l->set, i), 15, 0);
    }
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* Not a regular readable file                                               */
/* ------------------------------------------------------------------------- */

static void test_not_a_readable_file(void **state)
{
    (void)state;
    Load *l = load(MALFORMED_DIR);
    expect_fail(l, NULL, "is a directory");
    unload(l);
    l = load(src("does_not_exist.json"));
    expect_fail(l, NULL, "No such file or directory");
    unload(l);

    const char *locked = gen("locked.json");
    size_t len;
    char *text = read_whole(src("valid_api.json"), &len);
    write_file(locked, text, len);
    release(text);
    assert_int_equal(chmod(locked, 0), 0);
    l = load(locked);
    if (geteuid() == 0 && access(locked, R_OK) == 0) {
        /* root reads it anyway: then it must load like any other file. */
        expect_ok(l, 2, 2);
    } else {
        expect_fail(l, NULL, "Permission denied");
    }
    unload(l);
    chmod(locked, 0600);
    unlink(locked);
}

/* A pipe ("sahelmap <(zcat events.csv.gz)"): content sniffing must not eat
 * the first bytes. It loads (it was refused as "not a regular file"). */
static void test_pipe(void **state)
{
    (void)state;
    static const char *const inputs[] = {"valid_api.json", "valid.csv"};
    for (size_t k = 0; k < 2; k++) {
        size_t len;
        char *text = read_whole(src(inputs[k]), &len);
        const char *fifo = gen("fifo_input");
        unlink(fifo);
        assert_int_equal(mkfifo(fifo, 0600), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            alarm(20);
            signal(SIGPIPE, SIG_DFL);
            int fd = open(fifo, O_WRONLY);
            if (fd < 0) _exit(1);
            for (size_t done = 0; done < len;) {
                ssize_t n = write(fd, text + done, len - done);
                if (n <= 0) _exit(2);
                done += (size_t)n;
            }
            _exit(0);
        }
        release(text);
        Load *l = load(fifo);
        int status;
        if (!l->ok) kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        if (!l->ok) {
            print_error("%s through a pipe: \"%s\"\n", inputs[k], l->error);
            fail();
        }
        assert_int_equal(l->rep.loaded, 2);
        assert_true(strstr(l->rep.format, "cache") == NULL);
        unload(l);
        unlink(fifo);
    }
}

/* ------------------------------------------------------------------------- */
/* GeoJSON                                                                   */
/* ------------------------------------------------------------------------- */

static void test_geojson_geometries(void **state)
{
    (void)state;
    Load *l = load(src("polygon.geojson"));
    expect_ok(l, 1, 0);
    expect_skip(l, "1:1", "record 1: geometry is Polygon, not a Point");
    unload(l);

    l = load(src("bad_coordinates.geojson"));
    expect_ok(l, 9, 1);
    expect_skip(l, "2:1", "coordinates are not [longitude, latitude] numbers"); /* [] */
    expect_skip(l, "3:1", "coordinates are not");                               /* [2] */
    expect_skip(l, "4:1", "coordinates are not");                               /* strings */
    expect_skip(l, "5:1", "coordinates are not");                               /* object */
    expect_skip(l, "6:1", "both 0");
    expect_skip(l, "7:1", "longitude 200 outside");
    expect_skip(l, "8:1", "coordinates are not");                               /* null */
    expect_skip(l, "9:1", "feature has no geometry");
    size_t i = 0;
    assert_float_equal(events_lon(&l->set, i), 2, 0);        /* [2,15,300]: altitude ignored */
    assert_float_equal(events_lat(&l->set, i), 15, 0);
    unload(l);
}

static void test_geojson_no_properties(void **state)
{
    (void)state;
    Load *l = load(src("no_properties.geojson"));
    expect_ok(l, 3, 0);
    expect_skip(l, "2:1", "missing date");
    expect_skip(l, "3:1", "missing date");
    expect_skip(l, "4:1", "missing date");
    unload(l);
    l = load(src("no_properties_feature.geojson"));
    expect_ok(l, 1, 0);
    expect_skip(l, "1:1", "record 1: missing date");
    unload(l);
}

/* A lone Feature that does not start the file: its position is where it
 * starts, not always 1:1. */
static void test_geojson_feature_position(void **state)
{
    (void)state;
    Load *l = load(src("feature_after_blank_lines.geojson"));
    expect_ok(l, 1, 0);
    expect_skip(l, "3:1", "record 1: missing date");
    unload(l);
}

/* ------------------------------------------------------------------------- */
/* Second audit: NUL runs, limits, encodings, numbers and times              */
/* ------------------------------------------------------------------------- */

static const char *const audit_rec =
    "{\"event_id_cnty\":\"A%d\",\"event_date\":\"2024-01-01\",\"latitude\":\"15\","
    "\"longitude\":\"2\",\"fatalities\":\"1\"}";

/* head (records A1..An, each on its line, more than the 4 KiB sniffed)
 * then tail, then the file made `size` bytes long with a hole: a sparse
 * run of NULs that costs no disk. */
static const char *nul_file(const char *name, const char *open, int n, const char *tail,
                            off_t size)
{
    const char *path = gen(name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(open, f);
    for (int i = 1; i <= n; i++) {
        fprintf(f, audit_rec, i);
        fputs(i < n ? ",\n" : "", f);
    }
    fputs(tail, f);
    assert_int_equal(fclose(f), 0);
    if (size > 0) assert_int_equal(truncate(path, size), 0);
    return path;
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_malformed: a load did not end in 60 s (hang)\n";
    if (write(2, msg, sizeof msg - 1) < 0) _exit(3);
    _exit(3);
}

/* A valid JSON head and then 700 MB of NUL bytes (a zero-filled
 * download): it looped forever at full CPU (the NUL matched the number
 * check of the truncation test, and the read stopped at the 512 MB cap
 * without saying end of file). Now each fails where the NULs start, at
 * once. */
static void test_nul_run_after_json_head(void **state)
{
    (void)state;
    static const struct {
        const char *name, *open, *tail, *pos, *what;
    } cases[] = {
        {"nul_run_record.json", "{\"data\":[\n", ",\n", "202:1", "record 201"},
        {"nul_run_array.json", "[\n", ",\n", "202:1", "record 201"},
        {"nul_run_string.json", "{\"data\":[\n", ",\n{\"notes\":\"", "202:11", "record 201"},
        {"nul_run_after.json", "{\"data\":[\n", "\n]}", "202:3", "NUL"},
        {"nul_run_member.json", "{\"data\":[\n", "\n],\"x\":\"", "202:8", "in x"},
        {"nul_run_number.json", "{\"data\":[\n", "\n],\"count\":12", "202:13", "count"},
    };
    signal(SIGALRM, on_alarm);
    alarm(60);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = nul_file(cases[k].name, cases[k].open, 200, cases[k].tail,
                                    (off_t)700 << 20);
        Load *l = load(path);
        expect_fail(l, cases[k].pos, "NUL");
        assert_contains(l->error, cases[k].what);
        unload(l);
        unlink(path);
    }
    alarm(0);
}

/* A NUL between two records is blamed on the NUL (cJSON skipped it as a
 * blank, and the record after it loaded). */
static void test_nul_between_records(void **state)
{
    (void)state;
    const char *path = nul_file("nul_between.json", "[\n", 100, "", 0);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs(",\n", f);
    fputc('\0', f);
    fprintf(f, audit_rec, 101);
    fputs("]\n", f);
    fclose(f);
    Load *l = load(path);
    expect_fail(l, "102:1", "a NUL byte (0x00) in record 101");
    unload(l);
    unlink(path);
}

typedef struct Canceller {
    int calls, cancel_at;
} Canceller;

static bool cancel_after(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    (void)path, (void)done, (void)total;
    Canceller *c = ctx;
    return ++c->calls < c->cancel_at;
}

/* A load that a user cancels ends as cancelled, whatever it reads: a JSON
 * value growing to the limit (the reads past the cap did not ask), a
 * token that never ends, a huge CSV field, and a pipe nobody writes to. */
static void test_load_always_cancellable(void **state)
{
    (void)state;
    signal(SIGALRM, on_alarm);
    alarm(60);
    const char *big = gen("cancel_big.json");
    FILE *f = fopen(big, "wb");
    assert_non_null(f);
    fputs("[{\"notes\":\"", f);
    for (int i = 0; i < (40 << 10); i++) fputs("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", f);
    fclose(f);                                     /* 10 MB, unterminated */
    const char *token = gen("cancel_token.json");
    f = fopen(token, "wb");
    fputs("[", f);
    for (int i = 0; i < (10 << 10); i++)
        for (int j = 0; j < 1024; j++) fputc('1', f);
    fclose(f);
    const char *csv = gen("cancel_big.csv");
    f = fopen(csv, "wb");
    fputs("event_date,latitude,longitude,notes\n2024-01-01,15,2,\"", f);
    for (int i = 0; i < (20 << 20); i++) fputc('x', f);
    fclose(f);
    const char *fifo = gen("cancel_fifo");
    unlink(fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);

    Config cfg;
    config_defaults(&cfg);
    cfg.max_value = 8 << 20;              /* the value passes the limit */
    const char *paths[] = {big, token, csv, fifo};
    for (size_t k = 0; k < 4; k++) {
        for (int at = 1; at <= 3; at++) {
            Canceller c = {0, at};
            LoadProgress progress = {cancel_after, &c};
            LoadOptions opt = {.progress = &progress, .config = &cfg};
            Load *l = load_with(paths[k], &opt);
            expect_fail(l, NULL, k == 1 && at > 1 ? "" : "cancelled");
            unload(l);
        }
    }
    alarm(0);
    unlink(big);
    unlink(token);
    unlink(csv);
    unlink(fifo);
}

/* One JSON value over the limit names its record and where it starts. */
static void test_value_over_limit_names_record(void **state)
{
    (void)state;
    Config cfg;
    config_defaults(&cfg);
    assert_true(cfg.max_value == (512ull << 20));
    cfg.max_value = 1 << 20;                       /* 1 MB, for the test */
    LoadOptions opt = {.config = &cfg};
    const char *path = nul_file("big_value.json", "{\"data\":[\n", 2, ",\n", 0);
    FILE *f = fopen(path, "ab");
    fputs("{\"event_date\":\"2024-01-01\",\"notes\":\"", f);
    for (int i = 0; i < (2 << 20); i++) fputc('n', f);
    fputs("\"}]}", f);
    fclose(f);
    Load *l = load_with(path, &opt);
    expect_fail(l, "4:1", "record 3 is larger than 1 MB: the limit for a single JSON value");
    unload(l);
    /* An envelope member of that size is passed over, not kept. */
    f = fopen(path, "wb");
    fputs("{\"filename\":\"", f);
    for (int i = 0; i < (3 << 20); i++) fputc('f', f);
    fputs("\",\"data\":[", f);
    fprintf(f, audit_rec, 1);
    fputs("],\"messages\":[\"", f);
    for (int i = 0; i < (3 << 20); i++) fputc('m', f);
    fputs("\"],\"success\":true}", f);
    fclose(f);
    l = load_with(path, &opt);
    expect_ok(l, 1, 1);
    unload(l);
    /* ... and still checked: an unclosed bracket inside it. */
    f = fopen(path, "wb");
    fputs("{\"filename\":[[\"", f);
    for (int i = 0; i < (3 << 20); i++) fputc('f', f);
    fputs("\"],\"data\":[]}", f);
    fclose(f);
    l = load_with(path, &opt);
    expect_fail(l, "", "filename");
    unload(l);
    unlink(path);
}

/* UTF-16 and UTF-32 files are named as such, not "binary data". */
static void test_utf16_and_utf32_named(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *name;
    } cases[] = {
        {"\xFF\xFE[\0{\0", 6, "UTF-16 (little-endian) text"},
        {"\xFE\xFF\0[\0{", 6, "UTF-16 (big-endian) text"},
        {"[\0{\0\"\0", 6, "UTF-16 (little-endian) text"},
        {"\0e\0v\0e", 6, "UTF-16 (big-endian) text"},
        {"\xFF\xFE\0\0[\0\0\0", 8, "UTF-32 (little-endian) text"},
        {"\0\0\xFE\xFF\0\0\0[", 8, "UTF-32 (big-endian) text"},
        {"e\0\0\0v\0\0\0", 8, "UTF-32 (little-endian) text"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = gen("wide.json");
        write_file(path, cases[k].bytes, cases[k].len);
        Load *l = load(path);
        expect_fail(l, NULL, cases[k].name);
        assert_contains(l->error, "UTF-8");
        unload(l);
        unlink(path);
    }
}

/* A NUL byte in a CSV field skips its record (it was cut there, silently). */
static void test_csv_nul_in_field(void **state)
{
    (void)state;
    const char *path = gen("nul_field.csv");
    static const char text[] = "N2,2024-01-01,15,2,cut\0here\n"
                               "N3,2024-01-01,15\0,2,x\n"
                               "N4,2024-01-01,15,2,\"quoted\0\"\n"
                               "N5,2024-01-01,15,2,ok\n";
    /* Past the 4 KiB sniffed (a NUL there says: binary, not a table). */
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("event_id_cnty,event_date,latitude,longitude,notes\n", f);
    for (int i = 0; i < 200; i++) fprintf(f, "G%d,2024-01-01,15,2,ok\n", i);
    fwrite(text, 1, sizeof text - 1, f);
    fclose(f);
    Load *l = load(path);
    expect_ok(l, 204, 201);
    expect_skip(l, "202", "a NUL byte (0x00) in field 5 (notes)");
    expect_skip(l, "203", "field 3 (latitude)");
    expect_skip(l, "204", "field 5");
    unload(l);
    unlink(path);
}

/* A CSV record over the limit is skipped with the line it starts on, the
 * rows after it load, and libcsv's buffer stays at the limit (memory is
 * checked from tests/memory_limits.sh under ulimit -v). */
static void test_csv_record_over_limit(void **state)
{
    (void)state;
    Config cfg;
    config_defaults(&cfg);
    assert_true(cfg.max_record == (64ull << 20));
    cfg.max_record = 64 << 10;                     /* 64 KB, for the test */
    LoadOptions opt = {.config = &cfg};
    const char *path = gen("big_record.csv");
    FILE *f = fopen(path, "wb");
    fputs("event_id_cnty,event_date,latitude,longitude,notes\n", f);
    fputs("B1,2024-01-01,15,2,ok\n", f);
    fputs("B2,2024-01-01,15,2,", f);                               /* line 3 */
    for (int i = 0; i < (1 << 20); i++) fputc('x', f);
    fputs("\nB3,2024-01-01,15,2,\"", f);                           /* line 4 */
    for (int i = 0; i < 5000; i++) fputs("a \"\"quoted\"\" line\r\n, ", f);
    fputs("\"  \nB4,2024-01-01,15,2,ok\n", f);                     /* line 5005 */
    for (int i = 0; i < 20000; i++) fputs("1,", f);               /* line 5006 */
    fputs("1\nB5,2024-01-01,15,2,x   ", f);                          /* line 5007 */
    for (int i = 0; i < (1 << 20); i++) fputc('y', f);
    fputs("   \nB6,2024-01-01,15,2,ok\n", f);
    fclose(f);
    Load *l = load_with(path, &opt);
    expect_ok(l, 7, 3);
    expect_skip(l, "3", "record larger than 65536 bytes");
    expect_skip(l, "4", "the limit for one CSV record");
    expect_skip(l, "5006", "record larger than");
    expect_skip(l, "5007", "record larger than");
    event(l, "B4");
    event(l, "B6");
    unload(l);
    unlink(path);
}

/* A column sahelmap does not read still counts: a record over the limit
 * in it, or a NUL in it, is skipped as in any other column; the columns
 * it reads load around it (the loader keeps such a column's cells empty). */
static void test_csv_unread_column_still_counts(void **state)
{
    (void)state;
    Config cfg;
    config_defaults(&cfg);
    cfg.max_record = 64 << 10;
    LoadOptions opt = {.config = &cfg};
    const char *path = gen("unread_column.csv");
    FILE *f = fopen(path, "wb");
    fputs("event_id_cnty,event_date,latitude,longitude,not_a_field,notes\n", f);
    fputs("U1,2024-01-01,15,2,tag,first\n", f);
    fputs("U2,2024-01-01,15,2,", f);                               /* line 3 */
    for (int i = 0; i < (100 << 10); i++) fputc('x', f);
    fputs(",big\nU3,2024-01-01,15,2,a", f);                        /* line 4 */
    fputc('\0', f);
    fputs("b,nul\nU4,2024-01-01,15,2,tag,last\n", f);
    fclose(f);
    Load *l = load_with(path, &opt);
    expect_ok(l, 4, 2);
    expect_skip(l, "3", "record larger than 65536 bytes");
    expect_skip(l, "4", "a NUL byte (0x00) in field 5");
    assert_string_equal(notes_of(l, event(l, "U4")), "last");
    assert_string_equal(notes_of(l, event(l, "U1")), "first");
    unload(l);
    unlink(path);
}

/* 1e-400 reads as 0 (strtod underflows): a coordinate spelled so is
 * refused, never put on the equator; in JSON numbers and strings, CSV and
 * GeoJSON. Times of day that are no time are refused with their date. */
static void test_underflow_and_bad_times(void **state)
{
    (void)state;
    const char *path = gen("underflow.json");
    static const char json[] =
        "[\n"
        "{\"event_id_cnty\":\"U1\",\"event_date\":\"2024-01-01\",\"latitude\":1e-400,\"longitude\":2},\n"
        "{\"event_id_cnty\":\"U2\",\"event_date\":\"2024-01-01\",\"latitude\":\"15\",\"longitude\":\"-1E-400\"},\n"
        "{\"event_id_cnty\":\"U3\",\"event_date\":\"2024-01-01\",\"latitude\":0e-400,\"longitude\":2,\"notes\":\"1e-400\"},\n"
        "{\"event_id_cnty\":\"U4\",\"event_date\":\"2024-01-01T25:99:99\",\"latitude\":15,\"longitude\":2},\n"
        "{\"event_id_cnty\":\"U5\",\"event_date\":\"2024-01-01 23:59:60.5+05:30\",\"latitude\":15,\"longitude\":2},\n"
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[2,1e-320]},\"properties\":{\"date\":\"2024-01-01\"}},\n"
        "{\"event_id_cnty\":\"U7\",\"event_date\":\"2024-01-01T12:00:00Z\",\"latitude\":15e-1,\"longitude\":2.5e-0}\n"
        "]\n";
    write_file(path, json, sizeof json - 1);
    Load *l = load(path);
    expect_ok(l, 7, 3);
    expect_skip(l, "2:1", "latitude '1e-400' is out of range for a number");
    expect_skip(l, "3:1", "longitude '-1E-400' is out of range");
    expect_skip(l, "5:1", "unreadable date '2024-01-01T25:99:99'");
    expect_skip(l, "7:1", "coordinates");
    assert_float_equal(events_lat(&l->set, event(l, "U3")), 0, 0);     /* a true zero */
    event(l, "U5");
    assert_float_equal(events_lat(&l->set, event(l, "U7")), 1.5, 1e-12);
    unload(l);
    unlink(path);

    path = gen("underflow.csv");
    static const char csv[] = "event_id_cnty,event_date,latitude,longitude\n"
                              "C1,2024-01-01,1e-400,2\n"
                              "C2,2024-01-01T24:00:01,15,2\n"
                              "C3,2024-01-01T24:00,15,2\n";
    write_file(path, csv, sizeof csv - 1);
    l = load(path);
    expect_ok(l, 3, 1);
    expect_skip(l, "2", "latitude '1e-400' is out of range");
    expect_skip(l, "3", "unreadable date");
    unload(l);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_empty_and_blank, release_all),
        cmocka_unit_test_teardown(test_leading_blanks_past_sniff_window, release_all),
        cmocka_unit_test_teardown(test_bom, release_all),
        cmocka_unit_test_teardown(test_bom_quoted_csv_header, release_all),
        cmocka_unit_test_teardown(test_truncated_api_json_every_byte, release_all),
        cmocka_unit_test_teardown(test_truncated_after_exponent, release_all),
        cmocka_unit_test_teardown(test_truncated_array_json_every_byte, release_all),
        cmocka_unit_test_teardown(test_truncated_geojson_every_byte, release_all),
        cmocka_unit_test_teardown(test_truncated_csv_every_byte, release_all),
        cmocka_unit_test_teardown(test_types, release_all),
        cmocka_unit_test_teardown(test_fatalities_of_wrong_type, release_all),
        cmocka_unit_test_teardown(test_record_not_an_object, release_all),
        cmocka_unit_test_teardown(test_events_member_not_an_array, release_all),
        cmocka_unit_test_teardown(test_nulls, release_all),
        cmocka_unit_test_teardown(test_ranges, release_all),
        cmocka_unit_test_teardown(test_numbers_in_messages_keep_their_digits, release_all),
        cmocka_unit_test_teardown(test_hex_coordinates, release_all),
        cmocka_unit_test_teardown(test_dates, release_all),
        cmocka_unit_test_teardown(test_empty_event_date_uses_upload_timestamp, release_all),
        cmocka_unit_test_teardown(test_deep_nesting_fails_cleanly, release_all),
        cmocka_unit_test_teardown(test_deep_nesting_message, release_all),
        cmocka_unit_test_teardown(test_huge_note, release_all),
        cmocka_unit_test_teardown(test_control_bytes_and_invalid_utf8, release_all),
        cmocka_unit_test_teardown(test_nul_escape, release_all),
        cmocka_unit_test_teardown(test_lone_surrogate, release_all),
        cmocka_unit_test_teardown(test_csv_ragged_rows, release_all),
        cmocka_unit_test_teardown(test_csv_quotes, release_all),
        cmocka_unit_test_teardown(test_csv_quote_column_in_long_line, release_all),
        cmocka_unit_test_teardown(test_csv_embedded_newlines_keep_line_numbers, release_all),
        cmocka_unit_test_teardown(test_csv_line_endings, release_all),
        cmocka_unit_test_teardown(test_csv_cr_only_line_numbers, release_all),
        cmocka_unit_test_teardown(test_csv_headers, release_all),
        cmocka_unit_test_teardown(test_csv_duplicate_header, release_all),
        cmocka_unit_test_teardown(test_not_a_readable_file, release_all),
        cmocka_unit_test_teardown(test_pipe, release_all),
        cmocka_unit_test_teardown(test_geojson_geometries, release_all),
        cmocka_unit_test_teardown(test_geojson_no_properties, release_all),
        cmocka_unit_test_teardown(test_geojson_feature_position, release_all),
        cmocka_unit_test_teardown(test_nul_run_after_json_head, release_all),
        cmocka_unit_test_teardown(test_nul_between_records, release_all),
        cmocka_unit_test_teardown(test_load_always_cancellable, release_all),
        cmocka_unit_test_teardown(test_value_over_limit_names_record, release_all),
        cmocka_unit_test_teardown(test_utf16_and_utf32_named, release_all),
        cmocka_unit_test_teardown(test_csv_nul_in_field, release_all),
        cmocka_unit_test_teardown(test_csv_record_over_limit, release_all),
        cmocka_unit_test_teardown(test_csv_unread_column_still_counts, release_all),
        cmocka_unit_test_teardown(test_underflow_and_bad_times, release_all),
    };
    return cmocka_run_group_tests(tests, setup_corpus, teardown_corpus);
}

/*
 * test_archive: event files that arrive compressed or in a zip archive
 * (tests/fixtures/archives/, made by make.sh there from the plain
 * fixtures): each loads the same events as its plain file, names its
 * member in every message, fails cleanly when damaged, reports progress
 * in the archive's bytes and is served from the cache the second time.
 */
#include "testutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "archive_input.h"
#include "cache.h"

static const char *archived(const char *name)
{
    static char path[4][1024];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, sizeof path[0], "%s/archives/%s", FIXTURES_DIR, name);
    return p;
}

static void assert_books(const LoadReport *rep)
{
    assert_int_equal(rep->read, rep->loaded + rep->skipped);
    assert_int_equal(rep->loaded, rep->events + rep->merged + rep->duplicates);
}

/* Loads path and asserts it gives what the plain fixture gives. */
static void assert_same_as_plain(const char *path, const char *plain)
{
    EventSet a, b;
    LoadReport ra, rb;
    assert_true(load_one(&a, path, &ra));
    assert_true(load_one(&b, fixture(plain), &rb));
    assert_books(&ra);
    assert_string_equal(ra.format, rb.format);
    assert_int_equal(ra.read, rb.read);
    assert_int_equal(ra.events, rb.events);
    assert_int_equal(a.count, b.count);
    assert_true(total_fatalities(&a) == total_fatalities(&b));
    for (size_t i = 0; i < a.count; i++) {
        assert_int_equal(a.day[i], b.day[i]);
        assert_string_equal(events_text(&a, i, TEXT_ID), events_text(&b, i, TEXT_ID));
    }
    assert_string_equal(a.files[0], path);
    events_free(&a);
    events_free(&b);
}

/* Loading path fails; the error names `file` (a path ending so) and says
 * `why`; nothing stays in the set. */
static void assert_fails(const char *path, const char *file, const char *why)
{
    EventSet set;
    LoadReport rep;
    assert_false(load_one(&set, path, &rep));
    assert_false(rep.ok);
    const char *text = error_text(&rep.error).s;
    size_t n = strlen(rep.error.file), t = strlen(file);
    if (n < t || strcmp(rep.error.file + n - t, file) != 0)
        fail_msg("%s: the error names '%s', not '%s'", path, rep.error.file, file);
    assert_contains(text, why);
    assert_int_equal(set.count, 0);
    assert_int_equal(rep.loaded, 0);
    events_free(&set);
}

/* ------------------------------------------------------------------------- */

static void test_kinds(void **state)
{
    (void)state;
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"\x1f\x8b\x08", 3),
                     ARCHIVE_GZIP);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"BZh9", 4), ARCHIVE_BZIP2);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"\xfd" "7zXZ\0", 6),
                     ARCHIVE_XZ);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"PK\x03\x04", 4),
                     ARCHIVE_ZIP);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"PK\x05\x06", 4),
                     ARCHIVE_ZIP);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"event", 5), ARCHIVE_PLAIN);
    assert_int_equal(archive_kind_of_bytes((const unsigned char *)"\x1f", 1), ARCHIVE_PLAIN);
    assert_int_equal(archive_kind_of_name("a.CSV.GZ"), ARCHIVE_GZIP);
    assert_int_equal(archive_kind_of_name("a.json.bz2"), ARCHIVE_BZIP2);
    assert_int_equal(archive_kind_of_name("a.xz"), ARCHIVE_XZ);
    assert_int_equal(archive_kind_of_name("ged.Zip"), ARCHIVE_ZIP);
    assert_int_equal(archive_kind_of_name("a.csv"), ARCHIVE_PLAIN);
    assert_true(archive_member_holds_events("GEDEvent_v24_1.csv"));
    assert_true(archive_member_holds_events("data/x.JSON"));
    assert_true(archive_member_holds_events("x.geojson"));
    assert_false(archive_member_holds_events("README.txt"));
    assert_false(archive_member_holds_events("codebook.pdf"));
    assert_false(archive_member_holds_events("__MACOSX/._x.csv"));
    assert_false(archive_member_holds_events("data/._x.csv"));
}

static void test_compressed_csv_and_json(void **state)
{
    (void)state;
    static const char *const endings[] = {"gz", "bz2", "xz"};
    char name[64];
    for (int k = 0; k < 3; k++) {
        snprintf(name, sizeof name, "ucdp.csv.%s", endings[k]);
        assert_same_as_plain(archived(name), "ucdp.csv");
        snprintf(name, sizeof name, "acled_api.json.%s", endings[k]);
        assert_same_as_plain(archived(name), "acled_api.json");
    }
}

static void test_zip_members(void **state)
{
    (void)state;
    char path[1100];
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("events.zip"));
    assert_same_as_plain(path, "ucdp.csv");
    snprintf(path, sizeof path, "%s:data/acled_monadic.csv", archived("events.zip"));
    assert_same_as_plain(path, "acled_monadic.csv");
    /* Stored (not deflated) members read the same. */
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("stored.zip"));
    assert_same_as_plain(path, "ucdp.csv");
}

/* A zip given whole with one event member loads it, named as a member. */
static void test_zip_with_one_event_member(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, archived("one.zip"), &rep));
    assert_int_equal(set.count, 2);
    char want[1100];
    snprintf(want, sizeof want, "%s:ucdp.csv", archived("one.zip"));
    assert_string_equal(set.files[0], want);
    events_free(&set);
}

typedef struct Notes {
    int n;
    char names[8][1100];
} Notes;

static void collect_note(void *ctx, const char *name, const char *why)
{
    Notes *notes = ctx;
    assert_contains(why, "not an event file");
    if (notes->n < 8) snprintf(notes->names[notes->n++], sizeof notes->names[0], "%s", name);
}

/* Two members of one zip are two files (they share the zip's inode); one
 * member named twice is one file, loaded once. */
static void test_zip_member_identity(void **state)
{
    (void)state;
    char a[1100], b[1100];
    snprintf(a, sizeof a, "%s:ucdp.csv", archived("events.zip"));
    snprintf(b, sizeof b, "%s:data/acled_monadic.csv", archived("events.zip"));
    char *paths[3] = {a, b, a};
    EventSet set;
    events_init(&set);
    LoadReport reps[3];
    assert_int_equal(load_files(&set, paths, 3, reps), 0);
    assert_false(reps[1].again);
    assert_int_equal(reps[1].events, 2);
    assert_true(reps[2].again);
    assert_int_equal(reps[2].same_as, 0);
    assert_int_equal(reps[2].events, 0);
    assert_int_equal(set.nfiles, 2);
    events_free(&set);
}

/* A zip of two event files, a README and a codebook: two parts, two notes;
 * load_files gives a report per member. */
static void test_zip_expands_to_its_event_members(void **state)
{
    (void)state;
    char *paths[3] = {(char *)fixture("acled_api.json"), NULL, NULL};
    char zip[1024];
    snprintf(zip, sizeof zip, "%s", archived("events.zip"));
    paths[1] = zip;
    Notes notes = {0};
    int count = 0;
    char **parts = archive_expand(paths, 2, &count, collect_note, &notes);
    assert_int_equal(count, 3);
    assert_string_equal(parts[0], fixture("acled_api.json"));
    char want[1100];
    snprintf(want, sizeof want, "%s:ucdp.csv", zip);
    assert_string_equal(parts[1], want);
    snprintf(want, sizeof want, "%s:data/acled_monadic.csv", zip);
    assert_string_equal(parts[2], want);
    assert_null(parts[3]);
    assert_int_equal(notes.n, 2);
    snprintf(want, sizeof want, "%s:README.txt", zip);
    assert_string_equal(notes.names[0], want);
    snprintf(want, sizeof want, "%s:docs/codebook.pdf", zip);
    assert_string_equal(notes.names[1], want);

    EventSet set;
    events_init(&set);
    LoadReport reps[3];
    assert_int_equal(load_files(&set, parts, count, reps), 0);
    assert_int_equal(reps[1].events, 2);
    assert_int_equal(reps[2].events, 2);
    assert_int_equal(set.nfiles, 3);
    assert_string_equal(set.files[2], parts[2]);
    events_free(&set);
    for (int i = 0; i < count; i++) free(parts[i]);
    free(parts);

    /* Not expanded (no event member, unreadable, not a zip): as it is. */
    char *others[2] = {(char *)archived("readme_only.zip"), (char *)archived("ucdp.csv.gz")};
    notes.n = 0;
    parts = archive_expand(others, 2, &count, collect_note, &notes);
    assert_int_equal(count, 2);
    assert_string_equal(parts[0], others[0]);
    assert_string_equal(parts[1], others[1]);
    assert_int_equal(notes.n, 0);
    for (int i = 0; i < count; i++) free(parts[i]);
    free(parts);
}

static void test_zip_errors(void **state)
{
    (void)state;
    char path[1100];
    /* Given whole, several event members: name one. */
    assert_fails(archived("events.zip"), "events.zip", "holds 2 event files (ucdp.csv, "
                 "data/acled_monadic.csv)");
    assert_fails(archived("readme_only.zip"), "readme_only.zip",
                 "no event file in this zip archive (its members: README.txt, "
                 "docs/codebook.pdf)");
    snprintf(path, sizeof path, "%s:nope.csv", archived("events.zip"));
    assert_fails(path, "events.zip:nope.csv", "no member 'nope.csv' in this zip archive "
                 "(its members: README.txt, ucdp.csv, data/acled_monadic.csv, "
                 "docs/codebook.pdf)");
    /* A member that is not events, asked for by name, is loaded and fails. */
    snprintf(path, sizeof path, "%s:README.txt", archived("events.zip"));
    assert_fails(path, "events.zip:README.txt", "not an event table");
    /* Only a zip has members. */
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("ucdp.csv.gz"));
    assert_fails(path, "ucdp.csv.gz:ucdp.csv", "No such file");
}

static void test_damaged(void **state)
{
    (void)state;
    char path[1100];
    assert_fails(archived("truncated.csv.gz"), "truncated.csv.gz",
                 "corrupt or truncated gzip file");
    assert_fails(archived("truncated.csv.bz2"), "truncated.csv.bz2",
                 "corrupt or truncated bzip2 file");
    assert_fails(archived("truncated.json.xz"), "truncated.json.xz",
                 "corrupt or truncated xz file");
    assert_fails(archived("notxz.csv.xz"), "notxz.csv.xz",
                 "not xz-compressed data, although its name says so");
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("badmember.zip"));
    assert_fails(path, "badmember.zip:ucdp.csv", "corrupt zip member");
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("badcrc.zip"));
    assert_fails(path, "badcrc.zip:ucdp.csv", "CRC");
    snprintf(path, sizeof path, "%s:ucdp.csv", archived("encrypted.zip"));
    assert_fails(path, "encrypted.zip:ucdp.csv", "encrypted");
    /* The intact member of a damaged zip still loads. */
    snprintf(path, sizeof path, "%s:data/acled_monadic.csv", archived("badmember.zip"));
    assert_same_as_plain(path, "acled_monadic.csv");

    /* A gzip magic with a broken header; an empty .gz; a zip cut short. */
    char dir[] = "/tmp/sahelmap-archive-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p1[128], p2[128], p3[128], p4[128], p5[140];
    snprintf(p1, sizeof p1, "%s/broken.gz", dir);
    snprintf(p2, sizeof p2, "%s/empty.csv.gz", dir);
    snprintf(p3, sizeof p3, "%s/cut.zip", dir);
    FILE *f = fopen(p1, "wb");
    fwrite("\x1f\x8b\x00\x00garbage, not deflate", 1, 24, f);
    fclose(f);
    fclose(fopen(p2, "wb"));
    snprintf(p4, sizeof p4, "%s/fake.zip", dir);
    snprintf(p5, sizeof p5, "%s:ucdp.csv", p4);
    f = fopen(p4, "wb");
    fputs("event_date,latitude,longitude\n2024-01-01,15,2\n", f);
    fclose(f);
    assert_fails(p4, "fake.zip", "not a zip archive, although its name says so");
    assert_fails(p5, "fake.zip", "not a zip archive (so it has no member 'ucdp.csv')");
    unlink(p4);
    FILE *in = fopen(archived("events.zip"), "rb");
    char buf[600];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    f = fopen(p3, "wb");
    fwrite(buf, 1, n, f);
    fclose(f);
    assert_fails(p1, "broken.gz", "corrupt gzip file");
    assert_fails(p2, "empty.csv.gz", "empty file (its name says gzip-compressed data)");
    EventSet set;
    LoadReport rep;
    assert_false(load_one(&set, p3, &rep));     /* whatever it says, it names the file */
    assert_contains(rep.error.file, "cut.zip");
    events_free(&set);
    unlink(p1);
    unlink(p2);
    unlink(p3);
    rmdir(dir);
}

/* A gzipped tar of ucdp.csv, written with libarchive. */
static void write_tar_gz(const char *path)
{
    FILE *in = fopen(fixture("ucdp.csv"), "rb");
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    struct archive *a = archive_write_new();
    assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
    assert_int_equal(archive_write_set_format_ustar(a), ARCHIVE_OK);
    assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, "ucdp.csv");
    archive_entry_set_size(e, (la_int64_t)n);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
    assert_int_equal(archive_write_data(a, buf, n), (la_ssize_t)n);
    archive_entry_free(e);
    assert_int_equal(archive_write_close(a), ARCHIVE_OK);
    archive_write_free(a);
}

/* stored.zip with every member's method said to be Deflate64 (9), which
 * libarchive does not read: not called damage. */
static void test_unsupported_method(void **state)
{
    (void)state;
    FILE *in = fopen(archived("stored.zip"), "rb");
    unsigned char z[8192];
    size_t n = fread(z, 1, sizeof z, in);
    fclose(in);
    for (size_t i = 0; i + 12 < n; i++) {
        if (z[i] != 'P' || z[i + 1] != 'K') continue;
        if (z[i + 2] == 3 && z[i + 3] == 4) z[i + 8] = 9, z[i + 9] = 0;
        if (z[i + 2] == 1 && z[i + 3] == 2) z[i + 10] = 9, z[i + 11] = 0;
    }
    char dir[] = "/tmp/sahelmap-archive-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], member[160];
    snprintf(path, sizeof path, "%s/deflate64.zip", dir);
    snprintf(member, sizeof member, "%s:ucdp.csv", path);
    FILE *out = fopen(path, "wb");
    fwrite(z, 1, n, out);
    fclose(out);
    assert_fails(member, "deflate64.zip:ucdp.csv", "cannot read this zip member: ");
    unlink(path);
    rmdir(dir);
}

/* A .tar.gz is named for what it is. */
static void test_tar_is_named(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-archive-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/events.tar.gz", dir);
    write_tar_gz(path);
    assert_fails(path, "events.tar.gz", "a tar archive (compressed with gzip): sahelmap "
                 "reads zip archives and single compressed files; unpack it first");
    unlink(path);
    rmdir(dir);
}

/* A plain file whose name holds ".zip:" is a plain file, even beside a
 * zip of the name before the ':'. */
static void test_plain_path_with_a_colon(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-archive-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char zip[128], plain[160];
    snprintf(zip, sizeof zip, "%s/a.zip", dir);
    snprintf(plain, sizeof plain, "%s/a.zip:ucdp.csv", dir);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s' '%s'", archived("events.zip"), zip,
             fixture("acled_monadic.csv"), plain);
    assert_int_equal(system(cmd), 0);
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, plain, &rep));
    assert_int_equal(set.count, 2);
    assert_non_null(strstr(rep.format, "ACLED"));      /* the plain file, not ucdp.csv */
    events_free(&set);
    unlink(plain);
    unlink(zip);
    rmdir(dir);
}

/* Every skip reason of a member names the member. */
static void test_messages_name_the_member(void **state)
{
    (void)state;
    char path[1100];
    snprintf(path, sizeof path, "%s:na.csv", archived("hdx.zip"));
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, path, &rep));
    assert_int_equal(rep.skipped, 2);
    for (size_t r = 0; r < rep.nreasons; r++) {
        assert_string_equal(rep.reasons[r].file, path);
        assert_contains(error_text(&rep.reasons[r]).s, "hdx.zip:na.csv:");
    }
    events_free(&set);
}

typedef struct Ticks {
    uint64_t last, total, calls;
    bool backwards, over;
} Ticks;

static bool on_tick(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    (void)path;
    Ticks *t = ctx;
    if (done < t->last) t->backwards = true;
    if (done > total) t->over = true;
    t->last = done;
    t->total = total;
    t->calls++;
    return true;
}

/* Progress counts the archive's bytes, up to its size. */
static void test_progress_in_archive_bytes(void **state)
{
    (void)state;
    const char *paths[2] = {archived("acled_api.json.xz"), NULL};
    char member[1100];
    snprintf(member, sizeof member, "%s:data/acled_monadic.csv", archived("events.zip"));
    paths[1] = member;
    for (int k = 0; k < 2; k++) {
        Ticks t = {0};
        LoadProgress progress = {on_tick, &t};
        LoadOptions opt = {.progress = &progress};
        EventSet set;
        LoadReport rep;
        events_init(&set);
        assert_true(load_file_with(&set, paths[k], &rep, &opt));
        struct stat st;
        assert_int_equal(stat(k == 0 ? paths[0] : archived("events.zip"), &st), 0);
        assert_true(t.calls >= 2);
        assert_false(t.backwards);
        assert_false(t.over);
        assert_int_equal(t.total, (uint64_t)st.st_size);
        assert_int_equal(t.last, (uint64_t)st.st_size);
        events_free(&set);
    }
}

/* A second load of a .csv.gz and of a zip member comes from the cache;
 * each member has its own. */
static void test_cache_hits(void **state)
{
    (void)state;
    char dir[] = "/tmp/sahelmap-archive-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Config cfg;
    config_defaults(&cfg);
    cfg.cache = true;
    cfg.cache_min = 0;
    snprintf(cfg.cache_dir, sizeof cfg.cache_dir, "%s/cache", dir);
    LoadOptions opt = {.config = &cfg};
    char a[1100], b[1100];
    snprintf(a, sizeof a, "%s:ucdp.csv", archived("events.zip"));
    snprintf(b, sizeof b, "%s:data/acled_monadic.csv", archived("events.zip"));
    const char *paths[3] = {archived("ucdp.csv.gz"), a, b};
    const size_t events[3] = {2, 2, 2};
    const char *kinds[3] = {"UCDP", "UCDP", "ACLED"};
    for (int round = 0; round < 2; round++)
        for (int k = 0; k < 3; k++) {
            EventSet set;
            LoadReport rep;
            events_init(&set);
            assert_true(load_file_with(&set, paths[k], &rep, &opt));
            events_finish(&set);
            if (round == 0) assert_null(strstr(rep.format, "from cache"));
            else assert_contains(rep.format, "(from cache)");
            assert_contains(rep.format, kinds[k]);
            assert_int_equal(set.count, events[k]);
            assert_string_equal(set.files[0], paths[k]);
            events_free(&set);
        }
    char p[2][1200];
    assert_true(cache_path(&cfg, a, p[0], sizeof p[0]));
    assert_true(cache_path(&cfg, b, p[1], sizeof p[1]));
    assert_string_not_equal(p[0], p[1]);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_compressed_csv_and_json),
        cmocka_unit_test(test_zip_members),
        cmocka_unit_test(test_zip_member_identity),
        cmocka_unit_test(test_zip_with_one_event_member),
        cmocka_unit_test(test_zip_expands_to_its_event_members),
        cmocka_unit_test(test_zip_errors),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_unsupported_method),
        cmocka_unit_test(test_tar_is_named),
        cmocka_unit_test(test_plain_path_with_a_colon),
        cmocka_unit_test(test_messages_name_the_member),
        cmocka_unit_test(test_progress_in_archive_bytes),
        cmocka_unit_test(test_cache_hits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

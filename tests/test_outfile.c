/*
 * test_outfile: a file is written whole or not at all, only over a regular
 * file (or a new name), never over an input, and keeps its permissions.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sahelmap-outfile-XXXXXX");
    return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static char *read_text(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return buf;
}

static void test_whole_or_nothing(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    write_text(path, "old");
    chmod(path, 0640);
    OutFile o;
    Error err;
    assert_true(outfile_open(&o, path, NULL, 0, &err));
    fputs("new, half", o.f);
    assert_string_equal(read_text(path), "old");       /* not yet */
    outfile_abort(&o);
    assert_string_equal(read_text(path), "old");       /* given up: untouched */
    assert_int_equal(entries(), 1);                    /* no temporary left */

    assert_true(outfile_open(&o, path, NULL, 0, &err));
    fputs("new", o.f);
    assert_true(outfile_commit(&o, &err));
    assert_string_equal(read_text(path), "new");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);         /* kept its permissions */
    assert_int_equal(entries(), 1);
    unlink(path);
}

static void test_refusals(void **state)
{
    (void)state;
    char path[128], target[128];
    OutFile o;
    Error err;
    assert_false(outfile_open(&o, dir, NULL, 0, &err));
    assert_contains(err.msg, "is a directory");

    snprintf(path, sizeof path, "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(outfile_open(&o, path, NULL, 0, &err));
    assert_contains(err.msg, "not a regular file (a FIFO or device?): refusing to replace it");

    snprintf(target, sizeof target, "%s/real.png", dir);
    write_text(target, "real");
    snprintf(path, sizeof path, "%s/link.png", dir);
    assert_int_equal(symlink(target, path), 0);
    assert_false(outfile_open(&o, path, NULL, 0, &err));   /* never through a link */
    assert_contains(err.msg, "not a regular file");

    char *inputs[1] = {target};
    assert_false(outfile_open(&o, target, inputs, 1, &err));
    assert_contains(err.msg, "refusing to overwrite an input file");
    chmod(target, 0444);                       /* refused even for root */
    assert_false(outfile_open(&o, target, NULL, 0, &err));
    assert_contains(err.msg, "read-only");
    snprintf(path, sizeof path, "%s/no/such/dir/x.csv", dir);
    assert_false(outfile_open(&o, path, NULL, 0, &err));
    assert_contains(err.msg, "cannot write here");
    assert_string_equal(read_text(target), "real");
    assert_int_equal(entries(), 3);                    /* fifo, real.png, link.png */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_or_nothing),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * main.c - sahelmap-gen: deterministic generator of realistic *synthetic*
 * conflict events for the Sahel (Mali, Burkina Faso, Niger), shaped like
 * ACLED data.  This file is the command line: options, then the envelope
 * or header, the rows, and the write to FILE.tmp renamed to FILE.
 *
 * Used by sahelmap's tests and benchmarks.  Only libc + libm, C11.
 *
 *   sahelmap-gen --count N [--format json|csv] [--seed S] [--monadic]
 *                [--from YEAR] [--to YEAR] -o FILE
 *
 * Properties:
 *  - Deterministic: own PRNG (xoshiro256** seeded by splitmix64); the same
 *    arguments give byte-identical output on the same platform/libm.
 *  - Streaming, constant memory: dates are produced already sorted by
 *    drawing the ascending order statistics of N uniforms (one at a time)
 *    and mapping them through the inverse CDF of a per-day intensity.
 *  - Events never carry real ACLED ids: event_id_cnty is "SYN" + number,
 *    and every notes field ends with "[synthetic]".
 */
#include "gen.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#define PROG "sahelmap-gen"
#define MAX_COUNT 2000000ULL
#define MIN_YEAR 1997
#define MAX_YEAR 2050
#define OUTBUF (4u << 20)

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: " PROG " --count N [--format json|csv] [--seed S] [--monadic]\n"
            "                    [--from YEAR] [--to YEAR] -o FILE\n"
            "       " PROG " --help\n"
            "\n"
            "Generate deterministic, realistic *synthetic* ACLED-style conflict events\n"
            "for Mali, Burkina Faso and Niger, sorted by date ascending.\n"
            "\n"
            "Options:\n"
            "  --count N        number of distinct events, 1..%llu (required)\n"
            "  --format F       json (ACLED API envelope, default) or csv (export-tool CSV)\n"
            "  --seed S         unsigned 64-bit seed (default 1); same arguments => same bytes\n"
            "  --monadic        ACLED monadic shape: no actor2/assoc_actor_2/inter2 columns;\n"
            "                   two-actor events become two consecutive rows\n"
            "  --from YEAR      first year (default 2012, min %d)\n"
            "  --to YEAR        last year (default 2024, max %d)\n"
            "  -o FILE          output file ('-' for stdout); written to FILE.tmp then renamed\n"
            "  -h, --help       show this help\n"
            "\n"
            "Ids are SYN########; every notes field ends with \"[synthetic]\".\n",
            MAX_COUNT, MIN_YEAR, MAX_YEAR);
}

static int die_usage(const char *msg, const char *arg)
{
    if (arg)
        fprintf(stderr, PROG ": %s: '%s'\n", msg, arg);
    else
        fprintf(stderr, PROG ": %s\n", msg);
    fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    return 2;
}

static int parse_u64(const char *s, unsigned long long *out)
{
    if (!s || !*s)
        return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long long count = 0, seed = 1, from = 2012, to = 2024;
    int have_count = 0, csv = 0, monadic = 0;
    const char *outpath = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--monadic")) {
            monadic = 1;
            continue;
        }
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        if (eq) {
            size_t l = (size_t)(eq - a);
            if (l >= sizeof name)
                return die_usage("unknown option", a);
            memcpy(name, a, l);
            name[l] = 0;
            val = eq + 1;
        } else {
            if (strlen(a) >= sizeof name)
                return die_usage("unknown option", a);
            strcpy(name, a);
        }
        int takes = !strcmp(name, "--count") || !strcmp(name, "--format") || !strcmp(name, "--seed") ||
                    !strcmp(name, "--from") || !strcmp(name, "--to") || !strcmp(name, "-o") ||
                    !strcmp(name, "--output");
        if (!takes)
            return die_usage("unknown option", a);
        if (!val) {
            if (i + 1 >= argc)
                return die_usage("option requires an argument", name);
            val = argv[++i];
        }
        if (!strcmp(name, "--count")) {
            if (parse_u64(val, &count))
                return die_usage("--count expects a positive integer", val);
            if (count < 1 || count > MAX_COUNT) {
                fprintf(stderr, PROG ": --count must be between 1 and %llu (got %s)\n", MAX_COUNT, val);
                return 2;
            }
            have_count = 1;
        } else if (!strcmp(name, "--format")) {
            if (!strcmp(val, "json"))
                csv = 0;
            else if (!strcmp(val, "csv"))
                csv = 1;
            else
                return die_usage("--format must be 'json' or 'csv'", val);
        } else if (!strcmp(name, "--seed")) {
            if (parse_u64(val, &seed))
                return die_usage("--seed expects an unsigned 64-bit integer", val);
        } else if (!strcmp(name, "--from") || !strcmp(name, "--to")) {
            unsigned long long y;
            if (parse_u64(val, &y) || y < MIN_YEAR || y > MAX_YEAR) {
                fprintf(stderr, PROG ": %s must be a year between %d and %d (got '%s')\n", name, MIN_YEAR,
                        MAX_YEAR, val);
                return 2;
            }
            if (!strcmp(name, "--from"))
                from = y;
            else
                to = y;
        } else {
            if (!*val)
                return die_usage("-o expects a file name or '-'", val);
            outpath = val;
        }
    }
    if (!have_count)
        return die_usage("missing required option --count N", NULL);
    if (!outpath)
        return die_usage("missing required option -o FILE (use '-o -' for stdout)", NULL);
    if (from > to) {
        fprintf(stderr, PROG ": --from (%llu) is after --to (%llu)\n", from, to);
        return 2;
    }

    out_init();
    actors_init();
    sources_init();
    places_init(seed);

    Fmt fm = {csv, monadic};
    uint64_t rows = count;
    Gen g;
    Event ev;
    if (monadic && !csv) {
        /* the API envelope states the row count up front: dry run */
        if (gen_init(&g, seed, count, (int)from, (int)to)) {
            fprintf(stderr, PROG ": out of memory\n");
            return 1;
        }
        rows = 0;
        while (gen_next(&g, &ev))
            rows += 1 + (uint64_t)ev.has_a2;
        gen_free(&g);
    }
    if (gen_init(&g, seed, count, (int)from, (int)to)) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }

    char *tmppath = NULL;
    FILE *f;
    int to_stdout = !strcmp(outpath, "-");
    if (to_stdout) {
        f = stdout;
    } else {
        size_t l = strlen(outpath);
        tmppath = malloc(l + 5);
        if (!tmppath) {
            fprintf(stderr, PROG ": out of memory\n");
            return 1;
        }
        memcpy(tmppath, outpath, l);
        memcpy(tmppath + l, ".tmp", 5);
        f = fopen(tmppath, "wb");
        if (!f) {
            fprintf(stderr, PROG ": cannot open '%s': %s\n", tmppath, strerror(errno));
            free(tmppath);
            return 1;
        }
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);

    Out o = {f, malloc(OUTBUF), 0, OUTBUF, 0};
    if (!o.buf) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }

    row_begin(&o, &fm, rows);

    char notes[2048];
    int first = 1;
    while (gen_next(&g, &ev)) {
        notes_write(&g, &ev, &ev.a1, &ev.a2, notes, sizeof notes);
        if (monadic) {
            row_write(&o, &fm, &ev, &ev.a1, NULL, notes, first);
            first = 0;
            if (ev.has_a2)
                row_write(&o, &fm, &ev, &ev.a2, NULL, notes, 0);
        } else {
            row_write(&o, &fm, &ev, &ev.a1, ev.has_a2 ? &ev.a2 : NULL, notes, first);
            first = 0;
        }
        if (o.err)
            break;
    }
    row_end(&o, &fm);
    out_flush(&o);
    gen_free(&g);
    free(o.buf);

    int err = o.err;
    if (!err && fflush(f) != 0)
        err = errno ? errno : EIO;
    if (!err && ferror(f))
        err = EIO;
    if (to_stdout) {
        if (err) {
            fprintf(stderr, PROG ": write error on stdout: %s\n", strerror(err));
            return 1;
        }
        return 0;
    }
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (err) {
        fprintf(stderr, PROG ": write error on '%s': %s\n", tmppath, strerror(err));
        remove(tmppath);
        free(tmppath);
        return 1;
    }
    if (rename(tmppath, outpath) != 0) {
        fprintf(stderr, PROG ": cannot rename '%s' to '%s': %s\n", tmppath, outpath, strerror(errno));
        remove(tmppath);
        free(tmppath);
        return 1;
    }
    free(tmppath);
    return 0;
}

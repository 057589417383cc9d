/*
 * bench_load: how fast sahelmap's loader reads an ACLED API JSON file,
 * against a plain cJSON_ParseWithLength of the same file, in the same run.
 * Each measurement runs in its own child process, so its peak RSS (from
 * wait4) is its own.
 *
 *   bench_load FILE...
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "events.h"
#include "load.h"

typedef struct Result {
    double seconds;
    double parse_seconds;     /* raw: the cJSON_ParseWithLength call alone */
    long events;
    double rss_mb;
} Result;

/* How run_loader loads (set before each measure; the child inherits it). */
static Config load_config;

static void run_loader(const void *arg, void *result)
{
    const char *path = arg;
    Result *r = result;
    double t0 = bench_now();
    EventSet set;
    events_init(&set);
    LoadReport rep;
    LoadOptions opt = {.config = &load_config};
    if (!load_file_with(&set, path, &rep, &opt)) {
        fprintf(stderr, "bench_load: %s\n", error_text(&rep.error).s);
        exit(1);
    }
    events_finish(&set);
    r->seconds = bench_now() - t0;
    r->events = (long)set.count;
    events_free(&set);
}

static void run_raw(const void *arg, void *result)
{
    const char *path = arg;
    Result *r = result;
    double t0 = bench_now();
    FILE *f = fopen(path, "rb");
    if (f == NULL) exit(1);
    struct stat st;
    fstat(fileno(f), &st);
    char *buf = malloc((size_t)st.st_size);
    if (buf == NULL || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
        exit(1);
    fclose(f);
    double t1 = bench_now();
    cJSON *root = cJSON_ParseWithLength(buf, (size_t)st.st_size);
    r->parse_seconds = bench_now() - t1;
    if (root == NULL) exit(1);
    r->seconds = bench_now() - t0;
    r->events = cJSON_GetArraySize(cJSON_GetObjectItem(root, "data"));
    /* Freeing the tree is not part of "parsing"; the process exit does it. */
    free(buf);
}

/* One measurement in its own process, with its peak RSS. */
static void measure(const char *path, void (*fn)(const void *, void *), Result *r)
{
    r->rss_mb = 0;
    double rss = bench_in_child(fn, path, r, sizeof *r);
    r->rss_mb = rss;
    if (rss < 0) r->seconds = -1;
}

static void row(const char *what, double size_mb, const Result *r)
{
    printf("  %-30s %8.2f %8.1f %12.0f %10.1f %8.1f%%\n", what, r->seconds,
           size_mb / r->seconds, r->events / r->seconds, r->rss_mb,
           100.0 * r->rss_mb / size_mb);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_load FILE...\n");
        return 2;
    }
    printf("Load benchmark: sahelmap loader vs plain cJSON_ParseWithLength\n");
    printf("(event columns: %zu bytes/event; notes are kept out of memory)\n\n",
           events_column_bytes());
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        double mb = st.st_size / 1e6;
        Result loader, raw, first, cached;
        config_defaults(&load_config);        /* parse, no cache */
        measure(argv[i], run_raw, &raw);      /* warms the page cache too */
        measure(argv[i], run_loader, &loader);
        measure(argv[i], run_raw, &raw);
        /* The binary cache: the first open writes it, the next reads it. */
        char cache_dir[] = "/tmp/sahelmap-bench-cache-XXXXXX";
        if (mkdtemp(cache_dir) == NULL) return 1;
        load_config.cache = true;
        snprintf(load_config.cache_dir, sizeof load_config.cache_dir, "%s/sahelmap", cache_dir);
        measure(argv[i], run_loader, &first);
        measure(argv[i], run_loader, &cached);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf %s", cache_dir);
        if (system(cmd) != 0) fprintf(stderr, "bench_load: could not remove %s\n", cache_dir);
        printf("%s: %.1f MB, %ld events\n", argv[i], mb, loader.events);
        printf("  %-30s %8s %8s %12s %10s %9s\n", "", "seconds", "MB/s",
               "events/s", "peak MB", "of file");
        row("sahelmap loader", mb, &loader);
        row("cJSON_ParseWithLength (+read)", mb, &raw);
        printf("  %-30s %8.2f %8.1f\n", "  of which the parse call", raw.parse_seconds,
               mb / raw.parse_seconds);
        row("first open, writing the cache", mb, &first);
        row("reopen from the cache", mb, &cached);
        printf("  speed ratio loader / raw parse: %.2fx (target >= 0.9x); "
               "loader peak RSS %.1f%% of file (target <= 25%%)\n",
               raw.seconds / loader.seconds, 100.0 * loader.rss_mb / mb);
        printf("  reopen from cache: %.0fx faster than the JSON load (target >= 30x)\n\n",
               loader.seconds / cached.seconds);
    }
    return 0;
}

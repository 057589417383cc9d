/*
 * bench_load: how fast sahelmap's loader reads an event file, serially
 * (SAHELMAP_LOAD_THREADS=1) and on every core (the parallel loader), in MB/s
 * and peak RSS as a share of the file, against the same run's bare
 * parsers: for JSON a cJSON_ParseWithLength of the whole file (one call,
 * the file read first), for CSV pandas.read_csv (python3-pandas; "not
 * installed" without it). Then the binary cache: the first open writes
 * it, the next reads it. Each measurement runs in its own child process,
 * so its peak RSS (from wait4) is its own, and twice: the better run is
 * shown (the machine may be busy).
 *
 *   bench_load FILE...        (.csv files are CSV, others JSON)
 */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "events.h"
#include "load.h"

typedef struct Result {
    double seconds;
    double cpu_seconds;       /* user + system of the child */
    double parse_seconds;     /* raw: the cJSON_ParseWithLength call alone */
    long events;
    unsigned threads;
    double rss_mb;
} Result;

/* How run_loader loads (set before each measure; the child inherits it). */
static Config load_config;

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

static void run_loader(const void *arg, void *result)
{
    const char *path = arg;
    Result *r = result;
    double t0 = bench_now(), c0 = cpu_now();
    EventSet set;
    events_init(&set);
    LoadReport rep;
    LoadOptions opt = {.config = &load_config, .threads_used = &r->threads};
    if (!load_file_with(&set, path, &rep, &opt)) {
        fprintf(stderr, "bench_load: %s\n", error_text(&rep.error).s);
        exit(1);
    }
    events_finish(&set);
    r->seconds = bench_now() - t0;
    r->cpu_seconds = cpu_now() - c0;
    r->events = (long)set.count;
    events_free(&set);
}

static void run_raw(const void *arg, void *result)
{
    const char *path = arg;
    Result *r = result;
    double t0 = bench_now(), c0 = cpu_now();
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
    r->cpu_seconds = cpu_now() - c0;
    r->events = cJSON_GetArraySize(cJSON_GetObjectItem(root, "data"));
    r->threads = 1;
    /* Freeing the tree is not part of "parsing"; the process exit does it. */
    free(buf);
}

/* One measurement in its own process, twice; the faster run. */
static void measure(const char *path, void (*fn)(const void *, void *), Result *best)
{
    best->seconds = -1;
    for (int k = 0; k < 2; k++) {
        Result r;
        double rss = bench_in_child(fn, path, &r, sizeof r);
        r.rss_mb = rss;
        if (rss < 0) continue;
        if (best->seconds < 0 || r.seconds < best->seconds) *best = r;
    }
}

/* pandas.read_csv of the file in its own python3 (Debian's: /usr/bin
 * first, where python3-pandas installs), twice: the better run's
 * seconds and peak MB; false when python3 or pandas is not there. */
static bool run_pandas(const char *path, Result *best)
{
    best->seconds = -1;
    for (int k = 0; k < 2; k++) {
        char cmd[4096];
        snprintf(cmd, sizeof cmd,
                 "py=/usr/bin/python3; [ -x $py ] || py=python3; "
                 "$py -c 'import sys, time, resource\n"
                 "try:\n    import pandas\nexcept ImportError:\n    sys.exit(3)\n"
                 "t = time.monotonic(); c = time.process_time()\n"
                 "df = pandas.read_csv(sys.argv[1])\n"
                 "print(time.monotonic() - t, time.process_time() - c, len(df),\n"
                 "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)' '%s' "
                 "2>/dev/null",
                 path);
        FILE *p = popen(cmd, "r");
        if (p == NULL) return false;
        Result r = {.threads = 1};
        int got = fscanf(p, "%lf %lf %ld %lf", &r.seconds, &r.cpu_seconds, &r.events,
                         &r.rss_mb);
        if (pclose(p) != 0 || got != 4) return false;
        if (best->seconds < 0 || r.seconds < best->seconds) *best = r;
    }
    return true;
}

static void row(const char *what, double size_mb, const Result *r)
{
    if (r->seconds < 0) {
        printf("  %-34s failed\n", what);
        return;
    }
    printf("  %-34s %8.2f %8.2f %8.1f %9.1f %8u %10.1f %8.1f%%\n", what, r->seconds,
           r->cpu_seconds, size_mb / r->seconds, size_mb / r->cpu_seconds, r->threads,
           r->rss_mb, 100.0 * r->rss_mb / size_mb);
}

static bool is_csv(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcmp(path + n - 4, ".csv") == 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_load FILE...\n");
        return 2;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    double load1 = 0, load5 = 0, load15 = 0;
    FILE *la = fopen("/proc/loadavg", "r");
    if (la != NULL) {
        if (fscanf(la, "%lf %lf %lf", &load1, &load5, &load15) != 3) load1 = -1;
        fclose(la);
    }
    printf("Load benchmark: sahelmap's loader, serial and on %ld cores, against a bare\n"
           "parser (cJSON_ParseWithLength of the whole file for JSON, pandas.read_csv\n"
           "for CSV); the better of two runs each. Load average %.2f %.2f %.2f at the\n"
           "start: on a busy machine wall times (and MB/s) are those of a share of it;\n"
           "MB per CPU second is what one core does.\n"
           "(event columns: %zu bytes/event; notes are kept out of memory)\n\n",
           cores, load1, load5, load15, events_column_bytes());
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        double mb = st.st_size / 1e6;
        bool csv = is_csv(argv[i]);
        Result serial, parallel, raw = {.seconds = -1}, first, cached;
        config_defaults(&load_config);        /* parse, no cache */
        load_config.load_threads = 1;
        measure(argv[i], run_loader, &serial); /* warms the page cache too */
        load_config.load_threads = 0;          /* every core */
        measure(argv[i], run_loader, &parallel);
        bool have_raw = csv ? run_pandas(argv[i], &raw) : (measure(argv[i], run_raw, &raw), true);
        /* The binary cache: the first open writes it, the next reads it. */
        char cache_dir[] = "/tmp/sahelmap-bench-cache-XXXXXX";
        if (mkdtemp(cache_dir) == NULL) return 1;
        load_config.cache = true;
        snprintf(load_config.cache_dir, sizeof load_config.cache_dir, "%s/sahelmap", cache_dir);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf %s/sahelmap", cache_dir);
        first.seconds = -1;
        for (int k = 0; k < 2; k++) {       /* each time a new cache: the better */
            if (system(cmd) != 0) return 1;
            Result r;
            r.rss_mb = bench_in_child(run_loader, argv[i], &r, sizeof r);
            if (r.rss_mb >= 0 && (first.seconds < 0 || r.seconds < first.seconds)) first = r;
        }
        measure(argv[i], run_loader, &cached);
        snprintf(cmd, sizeof cmd, "rm -rf %s", cache_dir);
        if (system(cmd) != 0) fprintf(stderr, "bench_load: could not remove %s\n", cache_dir);

        printf("%s: %.1f MB, %ld events\n", argv[i], mb, parallel.events);
        printf("  %-34s %8s %8s %8s %9s %8s %10s %9s\n", "", "seconds", "CPU s", "MB/s",
               "MB/CPU-s", "threads", "peak MB", "of file");
        row("sahelmap loader, serial", mb, &serial);
        row("sahelmap loader, parallel", mb, &parallel);
        if (!csv) {
            row("cJSON_ParseWithLength (+read)", mb, &raw);
            printf("  %-34s %8.2f %8s %8.1f\n", "  of which the parse call",
                   raw.parse_seconds, "", mb / raw.parse_seconds);
        } else if (have_raw) {
            row("pandas.read_csv", mb, &raw);
        } else {
            printf("  %-34s not installed (apt install python3-pandas)\n", "pandas.read_csv");
        }
        row("first open, writing the cache", mb, &first);
        row("reopen from the cache", mb, &cached);
        printf("  parallel / serial: %.2fx faster (wall)\n", serial.seconds / parallel.seconds);
        if (have_raw && raw.seconds > 0)
            printf("  speed ratio loader / %s: serial %.2fx, parallel %.2fx (wall); "
                   "%.2fx per CPU second\n", csv ? "pandas.read_csv" : "raw cJSON parse",
                   raw.seconds / serial.seconds, raw.seconds / parallel.seconds,
                   raw.cpu_seconds / serial.cpu_seconds);
        printf("  parallel: %.0f MB/s (target >= 400); peak RSS %.1f%% of file "
               "(target <= 15%%)\n", mb / parallel.seconds, 100.0 * parallel.rss_mb / mb);
        printf("  reopen from cache: %.0fx faster than the parallel load (target >= 30x)\n\n",
               parallel.seconds / cached.seconds);
    }
    return 0;
}

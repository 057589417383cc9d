/*
 * fuzz_common.h: what the sahelmap libFuzzer targets share (header only, so
 * each target stays one source file). See README.md beside this file.
 *
 * Every check that fails prints "FUZZ INVARIANT <name>: <details>" on stderr
 * and aborts, so libFuzzer saves the input. A check can be switched off while
 * its bug is being fixed with FUZZ_SKIP=<name>[,<name>...] in the
 * environment (names: books, report-strings, rollback, coords, zero-coords,
 * fatalities, days, sorted, enums, notes, amplification, counts, seed-equal,
 * roundtrip, basemap-refs, basemap-xy).
 */
#ifndef SAHELMAP_FUZZ_COMMON_H
#define SAHELMAP_FUZZ_COMMON_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive_input.h"
#include "date.h"
#include "events.h"
#include "load.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- checks -------------------------------------------------------------- */

static inline bool fuzz_skipped(const char *name)
{
    const char *skip = getenv("FUZZ_SKIP");
    size_t n = strlen(name);
    while (skip != NULL && *skip != '\0') {
        const char *comma = strchr(skip, ',');
        size_t len = comma ? (size_t)(comma - skip) : strlen(skip);
        if (len == n && strncmp(skip, name, n) == 0) return true;
        skip = comma ? comma + 1 : NULL;
    }
    return false;
}

__attribute__((format(printf, 3, 4)))
static inline void fuzz_check(bool ok, const char *name, const char *fmt, ...)
{
    if (ok || fuzz_skipped(name)) return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FUZZ INVARIANT %s: ", name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* True when s[0..cap) holds a NUL (a printable C string). */
static inline bool fuzz_terminated(const char *s, size_t cap)
{
    return memchr(s, '\0', cap) != NULL;
}

/* ---- temporary input files ----------------------------------------------- */

/* One file per process, written for each run and removed after it (and at
 * exit); only an input that crashed stays behind in /tmp. */
static char fuzz_path[128];

static inline void fuzz_remove_path(void)
{
    if (fuzz_path[0] != '\0') unlink(fuzz_path);
}

static inline void fuzz_init_path(const char *target, const char *ext)
{
    snprintf(fuzz_path, sizeof fuzz_path, "/tmp/%s-%ld%s", target,
             (long)getpid(), ext);
    atexit(fuzz_remove_path);
}

/* Writes prefix, data and suffix (any may be empty) as the whole file. */
static inline void fuzz_write(const char *path, const void *prefix, size_t nprefix,
                       const void *data, size_t size, const void *suffix,
                       size_t nsuffix)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        perror(path);
        abort();
    }
    if ((nprefix && fwrite(prefix, 1, nprefix, f) != nprefix) ||
        (size && fwrite(data, 1, size, f) != size) ||
        (nsuffix && fwrite(suffix, 1, nsuffix, f) != nsuffix) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* ---- the books and the events -------------------------------------------- */

/* The strings of a report are C strings the UI prints as they are. */
static inline void fuzz_check_report_strings(const LoadReport *rep)
{
    fuzz_check(fuzz_terminated(rep->format, sizeof rep->format), "report-strings",
               "report.format is not NUL-terminated");
    fuzz_check(fuzz_terminated(rep->error.msg, sizeof rep->error.msg) &&
                   fuzz_terminated(rep->error.file, sizeof rep->error.file),
               "report-strings", "report.error is not NUL-terminated");
    fuzz_check(rep->nreasons <= LOAD_MAX_REASONS, "report-strings",
               "report.nreasons = %zu > %d", rep->nreasons, LOAD_MAX_REASONS);
    for (size_t k = 0; k < rep->nreasons && k < LOAD_MAX_REASONS; k++)
        fuzz_check(fuzz_terminated(rep->reasons[k].msg, sizeof rep->reasons[k].msg) &&
                       fuzz_terminated(rep->reasons[k].file, sizeof rep->reasons[k].file),
                   "report-strings", "report.reasons[%zu] is not NUL-terminated", k);
}

/* What load.h promises of a report, whatever the file held. `fresh` is the
 * set when it was empty before this load (its contents are then checked
 * against the report too), NULL when it held other files. */
static inline void fuzz_check_report(const LoadReport *rep, bool ok, const EventSet *fresh)
{
    fuzz_check_report_strings(rep);
    fuzz_check(rep->read == rep->loaded + rep->skipped, "books",
               "read %zu != loaded %zu + skipped %zu", rep->read, rep->loaded,
               rep->skipped);
    size_t want_reasons = rep->skipped < LOAD_MAX_REASONS ? rep->skipped : LOAD_MAX_REASONS;
    if (ok) {
        fuzz_check(rep->loaded == rep->events + rep->merged + rep->duplicates + rep->conflicts,
                   "books", "loaded %zu != events %zu + merged %zu + duplicates %zu + "
                   "conflicts %zu", rep->loaded, rep->events, rep->merged, rep->duplicates,
                   rep->conflicts);
        fuzz_check(rep->conflicts == 0 || error_terminated(&rep->conflict), "books",
                   "the conflict's message is not terminated");
        fuzz_check(rep->nreasons == want_reasons, "books",
                   "%zu reasons kept for %zu skipped records", rep->nreasons,
                   rep->skipped);
        if (fresh != NULL)
            fuzz_check(fresh->count == rep->events && fresh->nfiles == 1, "books",
                       "set holds %zu events of %zu files, report says %zu events",
                       fresh->count, fresh->nfiles, rep->events);
    } else {
        /* A failed file loads nothing and says why. */
        if (fresh != NULL)
            fuzz_check(fresh->count == 0 && fresh->nfiles == 0, "rollback",
                       "a failed load left %zu events / %zu files", fresh->count,
                       fresh->nfiles);
        fuzz_check(rep->loaded == 0 && rep->events == 0 && rep->merged == 0,
                   "rollback", "a failed load reports %zu loaded", rep->loaded);
        fuzz_check(rep->error.msg[0] != '\0', "rollback",
                   "a failed load has no error message");
        fuzz_check(rep->nreasons <= want_reasons, "books",
                   "%zu reasons kept for %zu skipped records", rep->nreasons,
                   rep->skipped);
    }
}

/* Every event of a finished set, every text field and note read back. */
static inline void fuzz_check_events(EventSet *set, bool zero_coords_banned)
{
    const int32_t day_min = date_from_ymd(DATE_MIN_YEAR, 1, 1);
    const int32_t day_max = date_from_ymd(DATE_MAX_YEAR, 12, 31);
    fuzz_check(set->sorted, "sorted", "set not sorted after events_finish");
    for (size_t i = 0; i < set->count; i++) {
        double lat = events_lat(set, i), lon = events_lon(set, i);
        fuzz_check(fabs(lat) <= 90 && fabs(lon) <= 180, "coords",
                   "event %zu at lat %g lon %g", i, lat, lon);
        if (zero_coords_banned)
            fuzz_check(!(lat == 0 && lon == 0), "zero-coords",
                       "event %zu at (0, 0)", i);
        fuzz_check(0 <= events_fat_low(set, i) && events_fat_low(set, i) <= set->fat[i] &&
                       set->fat[i] <= events_fat_high(set, i),
                   "fatalities", "event %zu: low %d best %d high %d", i,
                   events_fat_low(set, i), set->fat[i], events_fat_high(set, i));
        fuzz_check(set->day[i] >= day_min && set->day[i] <= day_max, "days",
                   "event %zu: day %d outside %d..%d", i, set->day[i], day_min,
                   day_max);
        fuzz_check(i == 0 || set->day[i - 1] <= set->day[i], "sorted",
                   "event %zu: day %d after day %d", i, set->day[i],
                   i > 0 ? set->day[i - 1] : 0);
        fuzz_check(set->type[i] < EVENT_TYPE_COUNT && set->sub_type[i] < SUB_COUNT &&
                       events_disorder(set, i) < DISORDER_COUNT &&
                       events_date_prec(set, i) >= 1 && events_date_prec(set, i) <= 3 &&
                       events_geo_prec(set, i) >= 1 && events_geo_prec(set, i) <= 3,
                   "enums", "event %zu: type %u sub %u disorder %u prec %d/%d", i,
                   set->type[i], set->sub_type[i], events_disorder(set, i),
                   events_date_prec(set, i), events_geo_prec(set, i));
        fuzz_check(events_span(set, i) >= 0 && events_span(set, i) <= UINT16_MAX, "span",
                   "event %zu: span %d", i, events_span(set, i));
        /* Read every byte of every text (ASan checks the reads). */
        size_t total = 0;
        for (int f = 0; f < TEXT_COUNT; f++) {
            const char *s = events_text(set, i, (EventText)f);
            fuzz_check(s != NULL, "notes", "event %zu: text %d is NULL", i, f);
            total += strlen(s);
        }
        (void)total;
        char *notes = events_notes(set, i);
        fuzz_check(notes != NULL && strlen(notes) <= notes_len(set->notes[i]),
                   "notes", "event %zu: notes longer than their reference", i);
        free(notes);
        /* The names the UI shows. */
        (void)strlen(events_type_name((EventType)set->type[i]));
        (void)strlen(events_sub_type_name((SubEventType)set->sub_type[i]));
        (void)strlen(events_disorder_name(events_disorder(set, i)));
    }
}

/* Loads path into a fresh set the way the program does and checks
 * everything. `input_size` is the size of the file written. */
static inline void fuzz_load_and_check(const char *path, size_t input_size)
{
    EventSet set;
    events_init(&set);
    LoadReport rep;
    /* The size limits lowered (as tests/test_malformed does) so inputs of
     * a few kilobytes reach them: the scan past big envelope members, the
     * skip of a CSV record over the limit. */
    Config cfg;
    config_defaults(&cfg);
    cfg.max_value = 32 << 10;
    cfg.max_record = 4 << 10;
    LoadOptions options = {.config = &cfg};
    bool ok = load_file_with(&set, path, &rep, &options);
    events_finish(&set);
    fuzz_check_report(&rep, ok, &set);
    fuzz_check_events(&set, true);
    /* Interned strings come from the file, once each; only merged actors
     * make new ones. A few times the input is plenty; more means a small
     * file can grow the pool without bound. A compressed input (gzip,
     * bzip2, xz, zip) holds more than its size, so its bound is what it
     * decompresses to, which the harness does not know: not checked. */
    unsigned char head[8] = {0};
    FILE *in = fopen(path, "rb");
    size_t got = in != NULL ? fread(head, 1, sizeof head, in) : 0;
    if (in != NULL) fclose(in);
    if (archive_kind_of_bytes(head, got) == ARCHIVE_PLAIN)
        fuzz_check(set.strings.len <= 4 * input_size + 4096, "amplification",
                   "a %zu-byte file grew the string pool to %zu bytes",
                   input_size, set.strings.len);
    events_free(&set);
    unlink(path);                 /* a crash leaves the input behind, no run does */
}

#endif

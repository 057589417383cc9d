/*
 * load: opens one input file, detects its format from its content (JSON
 * object/array -> load_json, which also handles GeoJSON; anything else that
 * reads as a table -> load_csv) and keeps the books a user is owed:
 * every record read is either loaded or skipped with a reason and a
 * position, and a file that is broken as a whole loads nothing at all.
 *
 * The format loaders report through a LoadContext (the second half of this
 * header); users of sahelmap only need load_file and LoadReport.
 */
#ifndef SAHELMAP_LOAD_H
#define SAHELMAP_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "error.h"
#include "events.h"
#include "record.h"

#define LOAD_MAX_REASONS 10     /* skip reasons kept per file (all counted) */
#define LOAD_MAX_FROM 8         /* earlier files named per file (all counted) */
#define LOAD_MAX_EVENTS CONFIG_MAX_EVENTS  /* default limit ($SAHELMAP_MAX_EVENTS):
                                    beyond it a file fails with a clear
                                    message instead of exhausting memory */

typedef struct LoadReport {
    char format[96];            /* "ACLED API JSON (envelope)", "UCDP GED CSV" */
    size_t read;                /* records read from the file */
    size_t loaded;              /* ... turned into events or merged into one */
    size_t skipped;             /* ... refused; read == loaded + skipped */
    size_t events;              /* new events (loaded minus merged rows) */
    size_t merged;              /* monadic rows merged into an event */
    size_t duplicates;          /* exact repeats of a row already loaded */
    size_t conflicts;           /* rows repeating the id of an event held but
                                 * with another value beyond the actors (a
                                 * date, fatalities...): the event held kept;
                                 * loaded == events + merged + duplicates +
                                 * conflicts */
    Error conflict;             /* the first of them: where, which field */
    size_t earlier;             /* this file's events already loaded from an
                                 * earlier file (each counted once) */
    struct {
        uint16_t file;          /* the set's file index (EventSet.files) */
        size_t events;          /* ... and how many of them came from it */
    } from[LOAD_MAX_FROM];      /* by earlier file, in the order first met */
    size_t nfrom;
    bool again;                 /* !ok: the same file (device and inode) as
                                 * one loaded before, by any path: error says
                                 * "already loaded: PATH"; nothing loaded */
    uint16_t same_as;           /* again: that file's index in the set */
    Error reasons[LOAD_MAX_REASONS];  /* the first skipped records: file,
                                       * line, column, record index and why
                                       * (error_text prints each) */
    size_t nreasons;
    RecordKind kind;            /* what its records looked like */
    bool ok;                    /* false: the file loaded nothing */
    Error error;                /* why, when !ok */
} LoadReport;

/* Progress of a long load: called as the file is read (done, total in
 * bytes) and once more at its end with done == total. Returning false
 * cancels the load: the file then fails ("loading cancelled") and loads
 * nothing. */
typedef struct LoadProgress {
    bool (*report)(void *ctx, const char *path, uint64_t done, uint64_t total);
    void *ctx;
} LoadProgress;

/* The name standard input ("-" as a path) goes by in reports. */
#define LOAD_STDIN_NAME "(standard input)"

/* Loads every event of the file at path into set (then call events_finish
 * before using ranges). Returns false, with report->error saying where
 * (its file is path) and why, if the file cannot be read, is not JSON/CSV
 * at all or would be the set's 65,536th file; in that case nothing from
 * this file stays in the set. Skipped records do not make it fail. report
 * is overwritten. path "-" reads standard input; it and named pipes are
 * read once, as a stream (never cached). A gzip, bzip2 or xz file is read
 * through its compression, and "FILE.zip:member.csv" reads that member
 * (archive_input.h): report and messages then name the member. A zip given
 * whole loads its one event member; one with several fails (archive_expand
 * turns it into a path per member first). */
bool load_file(EventSet *set, const char *path, LoadReport *report);

/* How to load: progress reports, and the settings (the event limit and
 * the cache). A NULL LoadOptions, or a NULL config, loads with the built-in
 * settings (config_defaults: no cache). */
typedef struct LoadOptions {
    const LoadProgress *progress;   /* NULL: none */
    const Config *config;           /* NULL: config_defaults */
    unsigned *threads_used;         /* not NULL: set to the threads the
                                       file's records were parsed on (1:
                                       serially; see load_split.h) */
} LoadOptions;

/* load_file with options (NULL: the built-in settings). */
bool load_file_with(EventSet *set, const char *path, LoadReport *report,
                    const LoadOptions *options);

/* Loads each of paths[0..n) with load_file, reports[i] for paths[i], then
 * finishes the set and infers the countries its files did not name
 * (load_infer_countries). Returns how many files failed (a file named
 * again, an `again` report, is not a failure). */
int load_files(EventSet *set, char *const *paths, int n, LoadReport *reports);
int load_files_with(EventSet *set, char *const *paths, int n, LoadReport *reports,
                    const LoadOptions *options);

/* Gives the events of set that have no country the basemap country they
 * lie in (incountry.h), the basemap read from cfg's assets directory (NULL:
 * config_defaults) only when some event needs it. Returns how many got
 * one: 0 too when the basemap cannot be read (they keep no country). The
 * cache stores events as their file gave them; this runs after every load,
 * cached or not. */
size_t load_infer_countries(EventSet *set, const Config *cfg);

/* ---- for the format loaders --------------------------------------------- */

typedef struct LoadContext {
    EventSet *set;
    const char *path;
    uint16_t file;              /* index from events_add_file */
    LoadReport *report;
    RecordKind kind;            /* what the first loaded record looked like */
    const char *container;      /* set by load_set_container */
    RawRecord record;           /* scratch record a loader may fill */
    const LoadProgress *progress;
    uint64_t total;             /* the file's size */
    size_t max_events;          /* the config's event limit */
    uint64_t max_value;         /* ... its largest JSON value (0: default) */
    uint64_t max_record;        /* ... its largest CSV record (0: default) */
    bool cancelled;
    bool full;                  /* stopped at max_events */
    /* For a compressed file: the bytes of the file read so far, which
     * load_tick reports instead of the loader's (decompressed) count. */
    uint64_t (*position)(const void *source);
    const void *position_source;
    size_t monadic;             /* rows merged into this file's own events */
    /* The parallel loader (load_split.h): the whole regular file in memory
     * (NULL: read it from the FILE, serially), the threads and chunk size
     * to parse it with, and, in a worker, where its records go instead of
     * the set. */
    const char *map;
    uint64_t map_len;
    unsigned threads;
    uint64_t chunk;
    struct LoadSink *sink;
    unsigned *threads_used;     /* LoadOptions.threads_used */
} LoadContext;

/* Interprets ctx->record (filled by the loader) and adds it to the set, or
 * counts it skipped with its reason and position (path, line, col, record
 * index; a zero line, col or index is left out). */
void load_record(LoadContext *ctx, size_t line, size_t col, size_t index);

/* load_record for a record already interpreted (by a parallel worker):
 * in the event to add, kind what it looked like, or in NULL and refused
 * the reason it cannot be an event. */
void load_event(LoadContext *ctx, const EventInput *in, RecordKind kind, size_t line,
                size_t col, size_t index, const char *refused);

/* Counts a record that could not even be read as a record (not an object,
 * wrong field count) as read and skipped, with its position and reason. */
void load_skip(LoadContext *ctx, size_t line, size_t col, size_t index,
               const char *reason);

/* Reports that `done` bytes of the file have been read (of a compressed
 * file: ctx->position's count instead). False when the user cancelled:
 * the loader then stops with an error. */
bool load_tick(LoadContext *ctx, uint64_t done);

/* Names the container the loader found ("JSON envelope", "CSV"); load_file
 * combines it with the record kind into report->format. */
void load_set_container(LoadContext *ctx, const char *container);

/* The format loaders. Each reads the open file from its start and returns
 * false with err (line and column where known, see error_at) when the file
 * is broken as a whole; load_file names the file. */
bool load_json(LoadContext *ctx, FILE *f, Error *err);
bool load_csv(LoadContext *ctx, FILE *f, Error *err);

#endif

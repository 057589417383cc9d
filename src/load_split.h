/*
 * load_split: the parallel loader, for the format loaders (load_json.c,
 * load_csv.c). A big regular file is mapped into memory whole and cut into
 * chunks of about Config.load_chunk bytes at guessed record boundaries;
 * worker threads parse the chunks into buffers of interpreted records
 * (EventInput and their strings, or why each was refused, with positions
 * relative to the chunk), and the loading thread adds them to the set
 * strictly in file order, so the set, the report and every message are
 * those of the serial loader.
 *
 * A guess can be wrong (a boundary inside a quoted field or a string): a
 * chunk is only taken when it starts where the one before it ended, and
 * is parsed again from there otherwise. What a worker cannot be sure of
 * (a syntax error, a NUL, a record past the size limits, one that runs far
 * past its chunk) it leaves to the serial loader, which reads on from that
 * record to the end of the file and says what it always said.
 *
 * Standard input, pipes and small files are read serially; so is every
 * file when Config.load_threads is 1 (SAHELMAP_LOAD_THREADS=1).
 */
#ifndef SAHELMAP_LOAD_SPLIT_H
#define SAHELMAP_LOAD_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load.h"

/* A position in the file, as the serial loaders count: byte offset, line
 * and column (from 1) and the next record's index (JSON, from 1). */
typedef struct LoadSplitPos {
    uint64_t offset;
    size_t line, col, index;
} LoadSplitPos;

typedef enum LoadSplitStop {
    LOAD_SPLIT_DONE,       /* all records read: the container ends at *at */
    LOAD_SPLIT_SERIAL,     /* the serial loader reads on from the record at *at */
    LOAD_SPLIT_FAILED      /* cancelled or full (load_file says which) */
} LoadSplitStop;

/* How one chunk ended (filled by a format's parse). */
typedef enum LoadChunkStop {
    LOAD_CHUNK_MORE,       /* reached its bound: end is the next record */
    LOAD_CHUNK_END,        /* the container (array, file) ends: end is past it */
    LOAD_CHUNK_SERIAL      /* end is a record left to the serial loader */
} LoadChunkStop;

/* One chunk's work, for a format's parse: read the records starting at
 * map[start] (a record boundary, if the guess was right) while they start
 * before bound, reporting them through load_record/load_skip of the
 * worker's context with positions relative to start (line 1 is the line
 * start is on; a column on line 1 counts from start, as if it were a line
 * start; a JSON index counts from 1). Then set stop, end, the relative
 * line and column of end, and the records read. A parse may stop at any
 * record with LOAD_CHUNK_SERIAL (nothing of that record reported). */
typedef struct LoadChunk {
    uint64_t start, bound;
    LoadChunkStop stop;
    uint64_t end;
    size_t end_line, end_col;
    size_t records;
} LoadChunk;

typedef struct LoadSplitFormat {
    void (*parse)(void *state, LoadContext *worker, LoadChunk *chunk);
    /* The first likely record start at or after at, or len. Called
     * for chunk n and n + 1 with the same at: it must be deterministic. */
    uint64_t (*guess)(const char *map, uint64_t len, uint64_t at);
    void *state;
} LoadSplitFormat;

/* How far past its bound a chunk may run (a record straddling it) before
 * its parse stops with LOAD_CHUNK_SERIAL. */
uint64_t load_split_overrun(const LoadContext *ctx);

/* Parses ctx->map[from.offset..) on ctx->threads threads and adds the
 * records in order; from is the first record's position. The loaders'
 * pipeline; see the top of this file. */
LoadSplitStop load_split_run(LoadContext *ctx, const LoadSplitFormat *format,
                             LoadSplitPos from, LoadSplitPos *at);

/* For load.c: maps the open regular file fd of size bytes into ctx when
 * the settings and the size call for the parallel loader (ctx->map stays
 * NULL otherwise), and unmaps it. */
void load_split_map(LoadContext *ctx, const Config *cfg, int fd, uint64_t size);
void load_split_unmap(LoadContext *ctx);

/* For load.c: load_record and load_skip in a worker (ctx->sink set). */
void load_sink_record(LoadContext *ctx, size_t line, size_t col, size_t index);
void load_sink_skip(LoadContext *ctx, size_t line, size_t col, size_t index,
                    const char *reason);

/* The JSON array's parallel pass (load_json_split.c), from the element at
 * file offset `offset` (line, col; its index is 2: the first element is
 * the serial loop's, which names the container). */
LoadSplitStop load_json_split(LoadContext *ctx, uint64_t offset, size_t line, size_t col,
                              LoadSplitPos *at);

#endif

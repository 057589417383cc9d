/*
 * load_csv: ACLED / UCDP CSV exports through libcsv (RFC 4180 quoting,
 * LF or CRLF, UPPERCASE or lower-case headers, a UTF-8 byte order mark).
 * The first row names the columns; each later row becomes one record.
 *
 * The file is read one physical line at a time, so every record knows the
 * line it starts on even when quoted fields hold line breaks. Most lines
 * are whole rows that load_csv_fast.c splits exactly as libcsv would; the
 * others, and every fault, are fed to libcsv.
 * libcsv runs in strict mode: a stray or unbalanced quote is an error with
 * its position, never a silent merge of rows.
 *
 * A record (all its fields) may be up to Config.max_record bytes (64 MB).
 * A longer one is skipped with the line it starts on, and memory stays at
 * the limit and a chunk: libcsv's field buffer is emptied as it fills
 * (csv.h's struct is public, and entry_pos/spaces are how much it holds).
 * A NUL byte in a field skips its record: a field is text, and C strings
 * would silently cut it there.
 *
 * HDX files carry HXL hashtags (hxl.h): a row of tags right under the
 * header is metadata, neither a record nor a skip, and names the columns
 * the header does not; a file whose first row is tags alone is mapped by
 * them. So the header is checked for coordinates and a date only once the
 * row after it is seen. A cell that is exactly NA (R's write.csv) is
 * missing, as an empty one is.
 */
#include "load.h"
#include "load_csv_fast.h"
#include "load_split.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hxl.h"
#include "xalloc.h"

#define CSV_CHUNK (1u << 20)
#define CSV_FAST_MAX (64u << 10)     /* longest line the fast path reads */

typedef struct CsvState {
    LoadContext *ctx;
    char *row;                 /* the current row's fields, NUL-separated */
    size_t row_len, row_cap;
    size_t row_bytes;          /* its fields' bytes as read (with a NUL
                                  each), kept or not: its size */
    size_t *offsets;           /* start of each field in row */
    size_t nfields, offsets_cap;
    FieldId *columns;          /* meaning of each column, from the header */
    size_t ncolumns;
    bool seen[FIELD_COUNT];    /* the fields some column means */
    bool have_header;
    bool header_checked;       /* ... and found to be an event table's */
    size_t header_line;        /* the line it is on */
    char header_first[44];     /* its first column's name, for messages */
    size_t line;               /* physical line being fed (from 1) */
    size_t line_fed;           /* bytes of that line fed before this piece */
    size_t row_line;           /* line the current row started on */
    const char *row_at;        /* ... and where (a file in memory) */
    size_t rows;               /* rows ended, the header's too */
    char *fast;                /* load_csv_fast_row's scratch ... */
    size_t fast_cap;           /* ... its capacity: the longest line it reads */
    CsvField *fast_row;        /* ... and the fields it splits a row into */
    bool fast_fields;          /* fields come from it (they hold no NUL) */
    size_t *kept;              /* the columns sahelmap reads, in order */
    size_t nkept;
    bool record_kept;          /* ctx->record holds those columns' fields
                                  alone (take_fast_row need not clear it) */
    uint64_t max_record;       /* largest record, in bytes */
    bool oversize;             /* the current record passed max_record */
    size_t nul_field;          /* first field (from 1) holding a NUL, or 0 */
    bool failed;
    Error *err;
} CsvState;

/* Bytes the current record holds: its fields so far (with their offsets)
 * and what libcsv has of the field it is reading. */
static uint64_t record_bytes(const CsvState *st, size_t pending)
{
    return (uint64_t)st->row_bytes + (uint64_t)st->nfields * sizeof(size_t) + pending;
}

static void on_field(void *data, size_t len, void *state_ptr)
{
    CsvState *st = state_ptr;
    if (!st->oversize && record_bytes(st, len + 1 + sizeof(size_t)) > st->max_record)
        st->oversize = true;
    if (st->oversize) {                 /* counted, not kept */
        st->nfields++;
        return;
    }
    if (!st->fast_fields && st->nul_field == 0 && len > 0 && memchr(data, '\0', len) != NULL)
        st->nul_field = st->nfields + 1;
    st->row_bytes += len + 1;
    /* A column sahelmap does not read is kept empty, once the header and
     * the row that may hold HXL tags (which look at every cell) are past. */
    if (st->header_checked && st->nfields < st->ncolumns &&
        st->columns[st->nfields] == FIELD_NONE)
        len = 0;
    st->offsets = xgrow(st->offsets, &st->offsets_cap, st->nfields + 1,
                        sizeof *st->offsets);
    st->offsets[st->nfields++] = st->row_len;
    st->row = xgrow(st->row, &st->row_cap, st->row_len + len + 1, 1);
    if (len > 0) memcpy(st->row + st->row_len, data, len);
    st->row[st->row_len + len] = '\0';
    st->row_len += len + 1;
}

/* Whether a cell is exactly NA (R's write.csv): missing, as an empty one. */
static bool cell_is_na(const char *v, size_t len)
{
    return len == 2 && v[0] == 'N' && v[1] == 'A';
}

static const char *field_text(const CsvState *st, size_t j)
{
    return st->row + st->offsets[j];
}

/* Whether the current row is one of HXL tags: some cell is a tag, every
 * other one blank. */
static bool hxl_row(const CsvState *st)
{
    bool tags = false;
    for (size_t j = 0; j < st->nfields; j++) {
        const char *c = field_text(st, j);
        if (hxl_is_tag(c)) tags = true;
        else if (c[strspn(c, " \t")] != '\0') return false;
    }
    return tags;
}

/* Gives column j the meaning f, unless an earlier column has it: a name
 * given twice is the first column's, as a reader of the table would
 * assume. */
static void name_column(CsvState *st, size_t j, FieldId f)
{
    st->columns[j] = st->seen[f] ? FIELD_NONE : f;
    st->seen[f] = true;
}

/* The header row: column names, or HXL tags alone. */
static void take_header(CsvState *st)
{
    st->have_header = true;
    st->ncolumns = st->nfields;
    st->columns = xcalloc(st->ncolumns, sizeof *st->columns);
    st->header_line = st->row_line;
    snprintf(st->header_first, sizeof st->header_first, "%.40s",
             st->nfields > 0 ? field_text(st, 0) : "");
    bool tags = hxl_row(st);
    for (size_t j = 0; j < st->nfields; j++) {
        const char *name = field_text(st, j);
        name_column(st, j, tags ? hxl_field(name) : record_field(name));
    }
    st->seen[FIELD_NONE] = false;
}

/* The HXL row under a header: names the columns the header left unknown. */
static void take_hxl_row(CsvState *st)
{
    for (size_t j = 0; j < st->nfields && j < st->ncolumns; j++)
        if (st->columns[j] == FIELD_NONE) name_column(st, j, hxl_field(field_text(st, j)));
    st->seen[FIELD_NONE] = false;
}

/* Whether the columns make an event table; fails the load if not. */
static void check_header(CsvState *st)
{
    const bool *seen = st->seen;
    st->header_checked = true;
    bool has_date = seen[FIELD_EVENT_DATE] || seen[FIELD_DATE_START] ||
                    seen[FIELD_DATE] || seen[FIELD_TIME] ||
                    seen[FIELD_TIMESTAMP];
    if (!seen[FIELD_LATITUDE] || !seen[FIELD_LONGITUDE] || !has_date) {
        st->failed = true;
        error_at(st->err, st->header_line, 0, "not an event table: the header has "
                                           "no %s column (first column: '%.40s')",
                 !seen[FIELD_LATITUDE] ? "latitude"
                 : !seen[FIELD_LONGITUDE] ? "longitude" : "date",
                 st->header_first);
        return;
    }
    st->kept = xcalloc(st->ncolumns + 1, sizeof *st->kept);
    for (size_t j = 0; j < st->ncolumns; j++)
        if (st->columns[j] != FIELD_NONE) st->kept[st->nkept++] = j;
}

static void take_row(CsvState *st)
{
    LoadContext *ctx = st->ctx;
    char reason[128];
    if (st->oversize) {
        snprintf(reason, sizeof reason, "record larger than %llu MB: the limit for "
                 "one CSV record", (unsigned long long)(st->max_record >> 20));
        if (st->max_record < (1u << 20))
            snprintf(reason, sizeof reason, "record larger than %llu bytes: the limit "
                     "for one CSV record", (unsigned long long)st->max_record);
        load_skip(ctx, st->row_line, 0, 0, reason);
        return;
    }
    if (st->nul_field != 0) {
        size_t j = st->nul_field - 1;
        const char *name = j < st->ncolumns && st->columns[j] != FIELD_NONE
                               ? record_field_name(st->columns[j]) : "";
        snprintf(reason, sizeof reason, "a NUL byte (0x00) in field %zu%s%s%s: "
                 "not text", st->nul_field, name[0] ? " (" : "", name, name[0] ? ")" : "");
        load_skip(ctx, st->row_line, 0, 0, reason);
        return;
    }
    if (st->nfields != st->ncolumns) {
        snprintf(reason, sizeof reason, "row has %zu field%s, the header has %zu",
                 st->nfields, st->nfields == 1 ? "" : "s", st->ncolumns);
        load_skip(ctx, st->row_line, 0, 0, reason);
        return;
    }
    record_clear(&ctx->record);
    for (size_t j = 0; j < st->ncolumns; j++) {
        if (st->columns[j] == FIELD_NONE) continue;
        const char *v = field_text(st, j);
        record_set_string(&ctx->record, st->columns[j], cell_is_na(v, strlen(v)) ? "" : v);
    }
    load_record(ctx, st->row_line, 0, 0);
}

static void on_row_end(int terminator, void *state_ptr)
{
    (void)terminator;
    CsvState *st = state_ptr;
    if (st->failed) return;
    if (!st->have_header && (st->oversize || st->nul_field != 0)) {
        st->failed = true;
        error_at(st->err, st->row_line, 0, st->oversize
                 ? "the header row is larger than the limit for one CSV record"
                 : "a NUL byte (0x00) in the header row: not a CSV table");
    } else if (!st->have_header) {
        take_header(st);
    } else if (!st->header_checked && !st->oversize && st->nul_field == 0 && hxl_row(st)) {
        take_hxl_row(st);                  /* metadata: not a record */
        check_header(st);
    } else {
        if (!st->header_checked) check_header(st);
        if (!st->failed) take_row(st);
    }
    st->nfields = 0;
    st->row_len = 0;
    st->row_bytes = 0;
    st->oversize = false;
    st->nul_field = 0;
    st->rows++;
}

/* A row the fast path split (st->fast_row[0..n)), of a line of `len`
 * bytes: a record under a checked header, its kept columns straight into
 * the record; any other row as libcsv's fields would be taken. */
static void take_fast_row(CsvState *st, size_t n, size_t len)
{
    const CsvField *f = st->fast_row;
    if (!st->header_checked || st->failed || n != st->ncolumns) {
        st->fast_fields = true;
        for (size_t j = 0; j < n; j++) on_field((void *)f[j].at, f[j].len, st);
        st->fast_fields = false;
        on_row_end('\n', st);
        return;
    }
    /* No row the fast path reads is over the record limit (fast_line
     * keeps its lines to a tenth of it), and none holds a NUL. The line
     * is copied whole and each field ended in the copy where it ends in
     * the line (on the comma, blank, quote or line break after it); a
     * field the fast path unquoted lies in its scratch, ended there. */
    LoadContext *ctx = st->ctx;
    const char *line = st->row_at;
    st->row = xgrow(st->row, &st->row_cap, len + 1, 1);
    memcpy(st->row, line, len);
    /* Every row sets the same fields: the record is cleared once. */
    if (!st->record_kept) record_clear(&ctx->record);
    st->record_kept = true;
    /* Read once: the NULs written could alias them, as far as the compiler
     * knows, and it would load them again for every field. */
    const size_t *kept = st->kept, nkept = st->nkept;
    const FieldId *columns = st->columns;
    char *row = st->row;
    RawRecord *rec = &ctx->record;
    for (size_t k = 0; k < nkept; k++) {
        size_t j = kept[k];
        size_t flen = f[j].len;
        uintptr_t at = (uintptr_t)f[j].at - (uintptr_t)line;   /* in the line, or not */
        char *v = at < len ? row + at : (char *)(uintptr_t)f[j].at;
        if (cell_is_na(v, flen)) flen = 0;
        v[flen] = '\0';
        record_set_text(rec, columns[j], v, flen);
    }
    load_record(ctx, st->row_line, 0, 0);
    st->rows++;
}

/* The row of the line at p (a line start, libcsv between rows), if the
 * fast path (load_csv_fast.c) splits it, which it does with most: returns
 * the end of the line (st->line counted past it), or NULL, leaving the
 * line and any fault in it to libcsv. */
static const char *fast_line(CsvState *st, const struct csv_parser *parser, const char *p,
                             const char *end)
{
    if (parser->pstate != 0) return NULL;
    if (st->fast == NULL) {
        /* A line a tenth of the record limit is never over it. */
        uint64_t cap = st->max_record > 64 ? (st->max_record - 64) / 10 : 0;
        st->fast_cap = cap < CSV_FAST_MAX ? (size_t)cap : CSV_FAST_MAX;
        st->fast = xmalloc(st->fast_cap > 0 ? st->fast_cap : 1);
        st->fast_row = xmalloc(LOAD_CSV_FAST_FIELDS * sizeof *st->fast_row);
    }
    size_t n;
    size_t len = load_csv_fast_row(p, (size_t)(end - p), st->fast, st->fast_cap,
                                   st->fast_row, &n);
    if (len == 0) return NULL;
    st->row_line = st->line;
    st->row_at = p;
    take_fast_row(st, n, len);
    st->line++;
    return p + len;
}

/* Feeds one piece of a line; false (with err) on a quoting error. */
static bool feed(CsvState *st, struct csv_parser *parser, const char *p,
                 size_t n, bool line_start)
{
    /* A row can only begin where libcsv is between rows. */
    if (line_start && parser->pstate == 0) {
        st->row_line = st->line;
        st->row_at = p;
    }
    size_t used = csv_parse(parser, p, n, on_field, on_row_end, st);
    if (used < n) {
        if (csv_error(parser) != CSV_EPARSE)
            return error_at(st->err, st->line, 0, "%s",
                            csv_strerror(csv_error(parser)));
        return error_at(st->err, st->line, st->line_fed + used + 1,
                        "misplaced quote (a field with quotes must be quoted "
                        "whole, inner quotes doubled)");
    }
    st->line_fed += n;
    /* A field longer than the record may be: emptied but for the tail
     * libcsv will take back when the field ends (its trailing blanks, and
     * a closing quote in state 3, FIELD_MIGHT_HAVE_ENDED), the record
     * marked. libcsv then holds at most one piece (<= CSV_CHUNK) more. */
    if (parser->entry_pos > 0 && record_bytes(st, parser->entry_pos) > st->max_record) {
        size_t tail = parser->spaces + (parser->pstate == 3 ? 1 : 0);
        if (tail > 4096 || tail > parser->entry_pos)
            return error_at(st->err, st->row_line, 0, "record larger than the limit "
                            "for one CSV record (%llu bytes), ending in blanks",
                            (unsigned long long)st->max_record);
        memmove(parser->entry_buf, parser->entry_buf + parser->entry_pos - tail, tail);
        parser->entry_pos = tail;
        st->oversize = true;
    }
    return !st->failed;
}

/* The end of the line starting at p: just past its "\n", "\r\n" or a lone
 * "\r" (old Mac files), or NULL if the line goes on past end. */
static const char *line_end(const char *p, const char *end)
{
    /* Two memchr passes (a "\n", then a "\r" before it) beat one byte
     * loop: most lines are long and hold neither. */
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *cr = memchr(p, '\r', (size_t)((nl != NULL ? nl : end) - p));
    if (cr != NULL) return cr + 1 < end && cr[1] == '\n' ? cr + 2 : cr + 1;
    return nl != NULL ? nl + 1 : NULL;
}

/* The next piece of a file in memory to feed: up to its line's end, but
 * at most CSV_CHUNK bytes of a longer line (as fread gives them: the
 * record limit and cancelling work within a line). *whole: the piece ends
 * its line. */
static const char *piece_end(const char *p, const char *end, bool *whole)
{
    const char *window = (size_t)(end - p) > CSV_CHUNK ? p + CSV_CHUNK : end;
    const char *stop = line_end(p, window);
    *whole = stop != NULL;
    if (stop == NULL) return window;       /* no line break in it: cut there */
    if (stop == window && stop[-1] == '\r' && stop < end && *stop == '\n') stop++;
    return stop;
}

/* ------------------------------------------------------------------------- */
/* A file in memory, and its chunks on several threads (load_split.h)        */
/* ------------------------------------------------------------------------- */

static struct csv_parser *parser_new(void)
{
    struct csv_parser *parser = xmalloc(sizeof *parser);
    if (csv_init(parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(parser);
        return NULL;
    }
    /* libcsv grows its field buffer by blk_size at a time (128 bytes by
     * default): a long field then costs a realloc, and with an allocator
     * that copies, a copy, every 128 bytes. 1 MB steps instead. */
    csv_set_blk_size(parser, 1u << 20);
    return parser;
}

static void parser_free(struct csv_parser *parser)
{
    if (parser == NULL) return;
    csv_free(parser);
    free(parser);
}

/* The start of the line after the first "\n" at or after at, or len. */
static uint64_t csv_guess(const char *map, uint64_t len, uint64_t at)
{
    const char *nl = at < len ? memchr(map + at, '\n', (size_t)(len - at)) : NULL;
    return nl == NULL ? len : (uint64_t)(nl - map) + 1;
}

/* One chunk: the rows from c->start, read as the serial loop reads them
 * (a fresh parser is what the serial one is between rows), with the
 * header's column map. A row the serial loop would report a fault in is
 * left to it. */
static void csv_chunk(void *state, LoadContext *w, LoadChunk *c)
{
    const CsvState *header = state;
    Error ignored;
    CsvState st = *header;
    st.ctx = w;
    st.err = &ignored;
    st.row = NULL;
    st.offsets = NULL;
    st.fast = NULL;
    st.fast_row = NULL;
    st.record_kept = false;
    st.row_len = st.row_cap = st.row_bytes = st.nfields = st.offsets_cap = 0;
    st.line = st.row_line = 1;
    st.line_fed = 0;
    st.oversize = false;
    st.nul_field = 0;
    const char *map = w->map, *end = map + w->map_len, *p = map + c->start;
    st.row_at = p;
    uint64_t limit = c->bound + load_split_overrun(w);
    struct csv_parser *parser = parser_new();
    bool line_start = true;
    c->records = 0;
    c->end_col = 1;
    c->stop = LOAD_CHUNK_SERIAL;
    for (;;) {
        uint64_t at = (uint64_t)(p - map);
        if (parser == NULL) break;
        if (line_start && parser->pstate == 0 && at >= c->bound && p < end) {
            c->stop = LOAD_CHUNK_MORE;
            break;
        }
        if (p >= end) {
            if (csv_fini(parser, on_field, on_row_end, &st) == 0) c->stop = LOAD_CHUNK_END;
            break;
        }
        if (at > limit) break;
        /* (The header was checked before the split: a fast row here
         * cannot fail the load.) */
        const char *next = line_start ? fast_line(&st, parser, p, end) : NULL;
        if (next != NULL) {
            p = next;
            continue;
        }
        bool whole;
        const char *stop = piece_end(p, end, &whole);
        if (!feed(&st, parser, p, (size_t)(stop - p), line_start)) break;
        line_start = whole;
        if (whole) {
            st.line++;
            st.line_fed = 0;
        }
        p = stop;
    }
    if (c->stop == LOAD_CHUNK_SERIAL) {
        c->end = (uint64_t)(st.row_at - map);
        c->end_line = st.row_line;
    } else {
        c->end = (uint64_t)(p - map);
        c->end_line = st.line;
    }
    parser_free(parser);
    free(st.row);
    free(st.offsets);
    free(st.fast);
    free(st.fast_row);
}

/* The rows of the file in memory (ctx->map), from its start: the header
 * and the first row here, the rest on several threads, and from anything
 * they leave to it, here again. */
static bool csv_from_map(CsvState *st, struct csv_parser *parser, LoadContext *ctx,
                         Error *err)
{
    const char *map = ctx->map, *p = map, *end = map + ctx->map_len;
    const char *ticked = p;
    bool ok = true, line_start = true, split = false;
    if (ctx->map_len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    while (ok && p < end && !ctx->cancelled) {
        if (!split && line_start && parser->pstate == 0 && st->rows >= 2 && !st->failed) {
            split = true;
            LoadSplitFormat format = {.parse = csv_chunk, .guess = csv_guess, .state = st};
            LoadSplitPos from = {.offset = (uint64_t)(p - map), .line = st->line,
                                 .col = 1}, at;
            LoadSplitStop stop = load_split_run(ctx, &format, from, &at);
            if (stop != LOAD_SPLIT_SERIAL) break;   /* done, or cancelled/full */
            p = map + at.offset;
            st->line = at.line;
            st->line_fed = 0;
            ticked = p;
            continue;
        }
        if (p - ticked >= CSV_CHUNK) {
            ticked = p;
            if (!load_tick(ctx, (uint64_t)(p - map))) return error_set(err, "loading cancelled");
        }
        const char *next = line_start ? fast_line(st, parser, p, end) : NULL;
        if (next != NULL) {
            p = next;
            ok = !st->failed;
            continue;
        }
        bool whole;
        const char *stop = piece_end(p, end, &whole);
        ok = feed(st, parser, p, (size_t)(stop - p), line_start);
        line_start = whole;
        if (whole) {
            st->line++;
            st->line_fed = 0;
        }
        p = stop;
    }
    return ok;
}

bool load_csv(LoadContext *ctx, FILE *f, Error *err)
{
    CsvState st = {.ctx = ctx, .line = 1, .row_line = 1, .err = err,
                   .max_record = ctx->max_record ? ctx->max_record : CONFIG_MAX_RECORD};
    struct csv_parser *parser = parser_new();
    if (parser == NULL) return error_set(err, "cannot start the CSV parser");
    load_set_container(ctx, "CSV");

    char *chunk = NULL;
    bool ok = true, line_start = true, first = true;
    bool after_cr = false;     /* the last piece ended with "\r" */
    size_t n;
    uint64_t done = 0;
    if (ctx->map != NULL) ok = csv_from_map(&st, parser, ctx, err);
    else chunk = xmalloc(CSV_CHUNK);
    while (ok && chunk != NULL && (n = fread(chunk, 1, CSV_CHUNK, f)) > 0) {
        done += n;
        if (!load_tick(ctx, done)) {
            ok = error_set(err, "loading cancelled");
            break;
        }
        const char *p = chunk, *end = chunk + n;
        /* A byte order mark goes before libcsv sees a quoted header. */
        if (first && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
        first = false;
        /* "\r\n" split across two reads: the "\n" ends no new line. */
        if (after_cr && p < end && *p == '\n') {
            ok = feed(&st, parser, p, 1, false);
            st.line_fed = 0;
            p++;
        }
        while (ok && p < end && !ctx->cancelled) {
            const char *next = line_start ? fast_line(&st, parser, p, end) : NULL;
            if (next != NULL) {
                after_cr = next[-1] == '\r';
                p = next;
                ok = !st.failed;
                continue;
            }
            const char *stop = line_end(p, end);
            bool whole = stop != NULL;
            if (!whole) stop = end;
            ok = feed(&st, parser, p, (size_t)(stop - p), line_start);
            line_start = whole;
            after_cr = whole && stop[-1] == '\r';
            if (whole) {
                st.line++;
                st.line_fed = 0;
            }
            p = stop;
        }
    }
    if (ok && csv_fini(parser, on_field, on_row_end, &st) != 0)
        ok = error_at(err, st.row_line, 0, "unterminated quoted field: a quote "
                                           "opened in this record never closes");
    if (ok && st.failed) ok = false;
    if (ok && !st.have_header) ok = error_at(err, 1, 0, "no header row");
    if (ok && !st.header_checked) {
        check_header(&st);
        ok = !st.failed;
    }

    parser_free(parser);
    free(chunk);
    free(st.row);
    free(st.offsets);
    free(st.fast);
    free(st.fast_row);
    free(st.columns);
    free(st.kept);
    return ok;
}

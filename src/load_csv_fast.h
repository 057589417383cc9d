/*
 * load_csv_fast: the fast path of load_csv for a common row: one whole
 * physical line split into fields exactly as libcsv would in strict mode,
 * without its byte-at-a-time state machine, and its line break found in
 * the same pass.
 */
#ifndef SAHELMAP_LOAD_CSV_FAST_H
#define SAHELMAP_LOAD_CSV_FAST_H

#include <stddef.h>

/* The most fields a row the fast path reads may have. */
#define LOAD_CSV_FAST_FIELDS 256

/* One field of a row: len bytes at `at`, holding no NUL. */
typedef struct CsvField {
    const char *at;
    size_t len;
} CsvField;

/* Reads the row that starts text[0..avail) (a row boundary: libcsv between
 * rows): one physical line, ended by the first "\n", "\r\n" or lone "\r"
 * (the "\r\n" of a "\r" at avail's end is the caller's), split as libcsv
 * splits it (CSV_STRICT, default space test) into fields[0..*nfields),
 * which point into text or, for a quoted field holding doubled quotes,
 * into scratch (of scratch_cap bytes), where a NUL follows each. Returns
 * the line's length with its line break; 0, having filled nothing to
 * use, for a line it leaves to libcsv: a quote it cannot read within the
 * line (a field going on to the next line, a stray quote), a blank line
 * (no row), a NUL (the fields it hands over hold none), more than
 * LOAD_CSV_FAST_FIELDS fields, no line break within avail, or a line
 * longer than scratch_cap without it. */
size_t load_csv_fast_row(const char *text, size_t avail, char *scratch, size_t scratch_cap,
                         CsvField *fields, size_t *nfields);

/* The same, without the instructions load_csv_fast_row may choose for
 * the processor it runs on (AVX2): for the tests, which compare both. */
size_t load_csv_fast_row_portable(const char *text, size_t avail, char *scratch,
                                  size_t scratch_cap, CsvField *fields, size_t *nfields);

#endif

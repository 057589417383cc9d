/*
 * load_csv_fast: the fast path of load_csv for a common row: one whole
 * line (its line break removed) split into fields exactly as libcsv would
 * in strict mode, without its byte-at-a-time state machine.
 */
#ifndef SAHELMAP_LOAD_CSV_FAST_H
#define SAHELMAP_LOAD_CSV_FAST_H

#include <stdbool.h>
#include <stddef.h>

/* Splits body[0..n) (a whole line but its line break, read from a row
 * boundary) into fields as libcsv does (CSV_STRICT, default space test)
 * and calls field(data, len, ctx) for each, in order (data may point into
 * body or into scratch, of scratch_cap >= n bytes). Returns false, having
 * called nothing, for a line it leaves to libcsv: a quote it cannot read
 * within the line (a field going on to the next line, a stray quote), a
 * blank line (no row), a NUL in a field (the fields it hands over hold
 * none), more than 256 fields, or n > scratch_cap. */
bool load_csv_fast_row(const char *body, size_t n, char *scratch, size_t scratch_cap,
                       void (*field)(void *data, size_t len, void *ctx), void *ctx);

#endif

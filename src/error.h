/*
 * error: the one way sahelmap reports a failure the user caused (a bad file,
 * a bad date, an unwritable path). Library modules never print or exit: they
 * return false and fill an Error that the caller reports.
 *
 * An Error keeps its position as data (the file, line, column and record it
 * is about) beside the reason in words; error_text puts the two together
 * for people as "path:line:col: record N: reason".
 */
#ifndef SAHELMAP_ERROR_H
#define SAHELMAP_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Error {
    char file[256];             /* path or member name; "" when none */
    size_t line;                /* from 1; 0 when not known */
    size_t column;              /* from 1, in bytes; 0 when not known */
    size_t record;              /* record index in the file, from 1; 0: none */
    char msg[256];              /* the reason, without the position */
} Error;

/* An Error formatted for people (see error_text). */
#define ERROR_TEXT_MAX 640
typedef struct ErrorText {
    char s[ERROR_TEXT_MAX];
} ErrorText;

/* Formats a message into err (printf style, truncated to fit) and clears
 * its position. err may be NULL, in which case nothing happens. Always
 * returns false, so a failing function can end with
 * `return error_set(err, ...);`. */
bool error_set(Error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* error_set with a position in the file: line and column from 1 (0 when
 * not known). The file itself is named later, by error_set_file. Returns
 * false. */
bool error_at(Error *err, size_t line, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Names the file err is about (a path or a member name), unless it names
 * one already. err may be NULL. Returns false. */
bool error_set_file(Error *err, const char *file);

/* Prepends "prefix: " to the message already in err (for adding context
 * such as a field name as an error travels up); the position stays.
 * Returns false like error_set. */
bool error_prefix(Error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* err for people: "file:line:col: record N: msg", leaving out each part
 * that is empty or zero (a column only follows a line), so an Error
 * without a position reads as its message alone. Returned by value: use
 * it within one expression, as in
 * `fprintf(stderr, "sahelmap: %s\n", error_text(&err).s)`. */
ErrorText error_text(const Error *err);

/* True when err's strings end within their buffers (an Error read back
 * from a file, before anything prints it). */
bool error_terminated(const Error *err);

#endif

/*
 * error: the one way sahelmap reports a failure the user caused (a bad file,
 * a bad date, an unwritable path). Library modules never print or exit: they
 * return false and fill an Error that the caller reports.
 */
#ifndef SAHELMAP_ERROR_H
#define SAHELMAP_ERROR_H

#include <stdbool.h>

typedef struct Error {
    char msg[256];
} Error;

/* Formats a message into err (printf style, truncated to fit). err may be
 * NULL, in which case nothing happens. Always returns false, so a failing
 * function can end with `return error_set(err, ...);`. */
bool error_set(Error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prepends "prefix: " to the message already in err (for adding a file name
 * as an error travels up). Returns false like error_set. */
bool error_prefix(Error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif

/*
 * error: failure messages and their positions, and the one formatting of
 * them for people. See error.h.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void clear_position(Error *err)
{
    err->file[0] = '\0';
    err->line = err->column = err->record = 0;
}

bool error_set(Error *err, const char *fmt, ...)
{
    if (err == NULL) return false;
    clear_position(err);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return false;
}

bool error_at(Error *err, size_t line, size_t column, const char *fmt, ...)
{
    if (err == NULL) return false;
    clear_position(err);
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return false;
}

bool error_set_file(Error *err, const char *file)
{
    if (err == NULL || err->file[0] != '\0') return false;
    snprintf(err->file, sizeof err->file, "%s", file);
    return false;
}

bool error_prefix(Error *err, const char *fmt, ...)
{
    if (err == NULL) return false;
    char prefix[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);

    /* Build "prefix: old" by hand, cutting what does not fit. */
    char old[sizeof err->msg];
    memcpy(old, err->msg, sizeof old);
    size_t cap = sizeof err->msg - 1, len = 0;
    const char *parts[3] = {prefix, ": ", old};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(parts[i]);
        if (n > cap - len) n = cap - len;
        memcpy(err->msg + len, parts[i], n);
        len += n;
    }
    err->msg[len] = '\0';
    return false;
}

ErrorText error_text(const Error *err)
{
    ErrorText t = {""};
    /* "file:line:col: record N: msg", each empty or zero part left out. */
    const char *sep = err->file[0] != '\0' ? ":" : "";
    char where[64] = "";
    if (err->line > 0 && err->column > 0)
        snprintf(where, sizeof where, "%s%zu:%zu", sep, err->line, err->column);
    else if (err->line > 0)
        snprintf(where, sizeof where, "%s%zu", sep, err->line);
    char which[40] = "";
    if (err->record > 0) snprintf(which, sizeof which, "record %zu: ", err->record);
    bool placed = err->file[0] != '\0' || where[0] != '\0';
    /* Bounded reads: each part stays within its buffer. */
    snprintf(t.s, sizeof t.s, "%.*s%s%s%s%.*s", (int)sizeof err->file - 1, err->file,
             where, placed ? ": " : "", which, (int)sizeof err->msg - 1, err->msg);
    return t;
}

bool error_terminated(const Error *err)
{
    return memchr(err->file, '\0', sizeof err->file) != NULL &&
           memchr(err->msg, '\0', sizeof err->msg) != NULL;
}

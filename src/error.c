/*
 * error: formatting of user-facing failure messages. See error.h.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool error_set(Error *err, const char *fmt, ...)
{
    if (err == NULL) return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
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

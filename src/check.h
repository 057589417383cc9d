/*
 * check: sahelmap's own assert. SM_ASSERT(cond) states an invariant of the
 * code (a bug when it fails, never something a user's input can cause:
 * those are Errors). Unlike assert() it stays on in release builds,
 * whatever NDEBUG says: it prints the file, line and condition to stderr
 * and aborts.
 */
#ifndef SAHELMAP_CHECK_H
#define SAHELMAP_CHECK_H

#include <stdio.h>
#include <stdlib.h>

/* Reports a failed SM_ASSERT and aborts. Called only by the macro. */
_Noreturn static inline void check_fail(const char *file, int line, const char *cond)
{
    fprintf(stderr, "sahelmap: %s:%d: internal error: check failed: %s\n", file, line,
            cond);
    abort();
}

#define SM_ASSERT(cond) ((cond) ? (void)0 : check_fail(__FILE__, __LINE__, #cond))

#endif

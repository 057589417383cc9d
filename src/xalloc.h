/*
 * xalloc: memory allocation that never returns NULL. Running out of memory is
 * not something sahelmap can recover from, so it aborts here, in one place,
 * with a message, instead of every caller checking.
 */
#ifndef SAHELMAP_XALLOC_H
#define SAHELMAP_XALLOC_H

#include <stddef.h>

/* Like malloc/calloc/realloc but abort with a message on failure. A size of 0
 * returns a valid, freeable pointer. Free results with free(). */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);

/* Grows an array so that it can hold at least `need` elements of `elem`
 * bytes; *cap is updated. Growth is geometric, so appending is amortised O(1). */
static inline void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);

/* xgrow when the array is full: the growth itself. xgrow is inline, so
 * that the common case (room enough) costs a comparison: the parsers call
 * it for every field. */
void *xgrow_more(void *ptr, size_t *cap, size_t need, size_t elem);

static inline void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? ptr : xgrow_more(ptr, cap, need, elem);
}

/* xmalloc for a big array about to be filled whole (a cache's column, a
 * hash table): from 4 MiB up, aligned to and advised into 2 MiB pages where
 * the system allows, so filling it takes a page fault per 2 MiB, not per
 * 4 KiB. Free with free(); realloc works on it. */
void *xmalloc_big(size_t size);

/* A NUL-terminated copy of the first len bytes of s. Free with free(). */
char *xstrndup(const char *s, size_t len);

#endif

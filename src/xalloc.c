/*
 * xalloc: allocation wrappers that abort on out-of-memory. See xalloc.h.
 */
#define _GNU_SOURCE                    /* madvise's MADV_HUGEPAGE */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "sahelmap: out of memory (asked for %zu bytes)\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL) out_of_memory(size);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (p == NULL) out_of_memory(count * size);
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (p == NULL) out_of_memory(size);
    return p;
}

void *xgrow_more(void *ptr, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem) out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *cap = n;
    return xrealloc(ptr, n * elem);
}

#define BIG_ARRAY (4u << 20)
#define HUGE_PAGE (2u << 20)

void *xmalloc_big(size_t size)
{
    if (size < BIG_ARRAY) return xmalloc(size);
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, size) != 0) return xmalloc(size);
    madvise(p, size, MADV_HUGEPAGE);               /* a hint; fine if refused */
    return p;
}

char *xstrndup(const char *s, size_t len)
{
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

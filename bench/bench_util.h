/*
 * bench_util: what the benchmarks share: a wall clock, and running one
 * measurement in a child process so its peak RSS is its own.
 */
#ifndef SAHELMAP_BENCH_UTIL_H
#define SAHELMAP_BENCH_UTIL_H

#include <stddef.h>

/* Seconds on a monotonic clock. */
double bench_now(void);

/* Runs fn(arg, result) in a child process; the child's result (size
 * bytes) is copied back into *result. Returns the child's peak RSS in MB,
 * or -1 if it failed. */
double bench_in_child(void (*fn)(const void *arg, void *result), const void *arg,
                      void *result, size_t size);

#endif

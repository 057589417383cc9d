/*
 * bench_util: timing and child-process measurement. See bench_util.h.
 */
#define _DEFAULT_SOURCE   /* wait4 */
#include "bench_util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

double bench_in_child(void (*fn)(const void *arg, void *result), const void *arg,
                      void *result, size_t size)
{
    int fd[2];
    if (pipe(fd) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        void *mine = calloc(1, size);
        fn(arg, mine);
        if (write(fd[1], mine, size) != (ssize_t)size) _exit(1);
        _exit(0);
    }
    close(fd[1]);
    memset(result, 0, size);
    bool ok = read(fd[0], result, size) == (ssize_t)size;
    close(fd[0]);
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ru.ru_maxrss / 1024.0 : -1;
}

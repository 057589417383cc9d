/*
 * outfile: atomic writes. See outfile.h.
 */
#include "outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"

/* The temporary being written, for the signal handler: the one mutable
 * global of the module, because a handler can reach nothing else. Set
 * before the file exists, cleared once it is renamed or removed. One file
 * is written at a time. */
static char signal_tmp[OUTFILE_PATH_MAX];
static volatile sig_atomic_t signal_tmp_set;

static void on_fatal_signal(int sig)
{
    if (signal_tmp_set) unlink(signal_tmp);        /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);                                    /* delivered on return */
}

void outfile_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static bool same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

bool outfile_open(OutFile *out, const char *path, char *const *inputs, int ninputs,
                  Error *err)
{
    memset(out, 0, sizeof *out);
    if (strcmp(path, "-") == 0) {
        out->f = stdout;
        snprintf(out->path, sizeof out->path, "-");
        return true;
    }
    /* The temporary beside the target, hidden and marked as ours:
     * DIR/.NAME.sahelmap-XXXXXX. */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char dir[OUTFILE_PATH_MAX], prefix[OUTFILE_PATH_MAX];
    if (slash == NULL) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    snprintf(prefix, sizeof prefix, ".%s.sahelmap-", base);
    if (snprintf(out->path, sizeof out->path, "%s", path) >= (int)sizeof out->path ||
        snprintf(out->tmp, sizeof out->tmp, "%s/%sXXXXXX", dir, prefix) >= (int)sizeof out->tmp)
        return error_set(err, "%s: path too long", path);
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = 0666 & ~mask;
    bool exists = lstat(path, &st) == 0;
    if (!exists && errno != ENOENT) return error_set(err, "%s: %s", path, strerror(errno));
    if (exists) {
        if (S_ISDIR(st.st_mode)) return error_set(err, "%s: is a directory", path);
        if (S_ISLNK(st.st_mode))
            return error_set(err, "%s: not a regular file (a symbolic link): refusing to "
                                  "replace it (name the file it points to)", path);
        if (!S_ISREG(st.st_mode))
            return error_set(err, "%s: not a regular file (a FIFO or device?): refusing "
                                  "to replace it (- writes to standard output)", path);
        for (int i = 0; i < ninputs; i++)
            if (same_file(&st, inputs[i]))
                return error_set(err, "%s: refusing to overwrite an input file", path);
        /* Read-only by its mode (root could write it anyway: still no). */
        if ((st.st_mode & 0222) == 0 || (geteuid() != 0 && access(path, W_OK) != 0))
            return error_set(err, "%s: read-only: refusing to replace it", path);
        mode = st.st_mode & 07777;                  /* keep its permissions */
    }
    cache_remove_stale_temps(dir, prefix, "");     /* a killed run's */
    memcpy(signal_tmp, out->tmp, sizeof signal_tmp);
    int fd = mkstemp(signal_tmp);
    if (fd < 0) return error_set(err, "%s: cannot write here: %s", path, strerror(errno));
    memcpy(out->tmp, signal_tmp, sizeof out->tmp);
    signal_tmp_set = 1;
    flock(fd, LOCK_EX);                  /* held until renamed: not stale */
    if (exists && fchown(fd, st.st_uid, st.st_gid) != 0) {
        /* not ours to give: the new file is ours */
    }
    fchmod(fd, mode);
    out->f = fdopen(fd, "wb");
    if (out->f == NULL) {
        close(fd);
        unlink(out->tmp);
        signal_tmp_set = 0;
        return error_set(err, "%s: cannot write here: %s", path, strerror(errno));
    }
    return true;
}

bool outfile_commit(OutFile *out, Error *err)
{
    if (out->f == stdout) {
        bool ok = fflush(stdout) == 0 && !ferror(stdout);
        out->f = NULL;
        return ok || error_set(err, "standard output: writing failed: %s", strerror(errno));
    }
    bool ok = out->f != NULL && !ferror(out->f) && fflush(out->f) == 0 &&
              fsync(fileno(out->f)) == 0;
    if (!ok) error_set(err, "%s: writing failed: %s", out->path, strerror(errno ? errno : EIO));
    /* Renamed while still open (and locked), then closed. */
    if (ok && rename(out->tmp, out->path) != 0)
        ok = error_set(err, "%s: cannot replace it: %s", out->path, strerror(errno));
    if (!ok) unlink(out->tmp);
    signal_tmp_set = 0;
    if (out->f != NULL && fclose(out->f) != 0 && ok)
        ok = error_set(err, "%s: writing failed: %s", out->path, strerror(errno));
    out->f = NULL;
    out->tmp[0] = '\0';
    return ok;
}

void outfile_abort(OutFile *out)
{
    if (out->tmp[0]) unlink(out->tmp);
    signal_tmp_set = 0;
    if (out->f != NULL && out->f != stdout) fclose(out->f);
    out->f = NULL;
    out->tmp[0] = '\0';
}

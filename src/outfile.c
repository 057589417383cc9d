/*
 * outfile: atomic writes. See outfile.h.
 */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    if (snprintf(out->path, sizeof out->path, "%s", path) >= (int)sizeof out->path ||
        snprintf(out->tmp, sizeof out->tmp, "%s.XXXXXX", path) >= (int)sizeof out->tmp)
        return error_set(err, "%s: path too long", path);
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = 0666 & ~mask;
    if (lstat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return error_set(err, "%s: is a directory", path);
        if (!S_ISREG(st.st_mode))
            return error_set(err, "%s: not a regular file: refusing to replace it", path);
        for (int i = 0; i < ninputs; i++)
            if (same_file(&st, inputs[i]))
                return error_set(err, "%s: refusing to overwrite an input file", path);
        /* Read-only by its mode (root could write it anyway: still no). */
        if ((st.st_mode & 0222) == 0 || (geteuid() != 0 && access(path, W_OK) != 0))
            return error_set(err, "%s: read-only: refusing to replace it", path);
        mode = st.st_mode & 07777;                  /* keep its permissions */
    }
    int fd = mkstemp(out->tmp);
    if (fd < 0) return error_set(err, "%s: cannot write here: %s", path, strerror(errno));
    fchmod(fd, mode);
    out->f = fdopen(fd, "wb");
    if (out->f == NULL) {
        close(fd);
        unlink(out->tmp);
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
    if (out->f != NULL && fclose(out->f) != 0 && ok)
        ok = error_set(err, "%s: writing failed: %s", out->path, strerror(errno));
    out->f = NULL;
    if (ok && rename(out->tmp, out->path) != 0)
        ok = error_set(err, "%s: cannot replace it: %s", out->path, strerror(errno));
    if (!ok) unlink(out->tmp);
    out->tmp[0] = '\0';
    return ok;
}

void outfile_abort(OutFile *out)
{
    if (out->f != NULL && out->f != stdout) fclose(out->f);
    out->f = NULL;
    if (out->tmp[0]) unlink(out->tmp);
    out->tmp[0] = '\0';
}

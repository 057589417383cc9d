/*
 * archive_input: compressed files and zip members as streams, through
 * libarchive. See archive_input.h.
 *
 * A stream is a glibc cookie FILE over a libarchive reader on the archive's
 * descriptor: only the filter (gzip, bzip2, xz) or the format (zip) the
 * first bytes showed is enabled, so nothing else is ever tried and no
 * external program is ever run. Rewinding the FILE (load's format sniff
 * does) opens the reader again from the start of the archive.
 */
#define _GNU_SOURCE                    /* fopencookie */
#include "archive_input.h"

#include <archive.h>
#include <archive_entry.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "xalloc.h"

#define BLOCK_BYTES 65536              /* read from the archive at a time */
#define LISTED_MAX 6                   /* members named in a message */

struct ArchiveStream {
    struct archive *a;
    int fd;
    ArchiveKind kind;
    char *member;                      /* the zip member; NULL for a stream */
    uint64_t pos;                      /* decompressed bytes handed out */
    bool failed;
    char error[200];
};

/* ------------------------------------------------------------------------- */
/* What a file is                                                            */
/* ------------------------------------------------------------------------- */

ArchiveKind archive_kind_of_bytes(const unsigned char *h, size_t n)
{
    if (n >= 2 && h[0] == 0x1F && h[1] == 0x8B) return ARCHIVE_GZIP;
    if (n >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') return ARCHIVE_BZIP2;
    if (n >= 6 && memcmp(h, "\xFD" "7zXZ\0", 6) == 0) return ARCHIVE_XZ;
    /* A local file header, or the end record of an empty archive. */
    if (n >= 4 && h[0] == 'P' && h[1] == 'K' &&
        ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6)))
        return ARCHIVE_ZIP;
    return ARCHIVE_PLAIN;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcasecmp(s + n - t, tail) == 0;
}

ArchiveKind archive_kind_of_name(const char *path)
{
    if (ends_with(path, ".gz") || ends_with(path, ".tgz")) return ARCHIVE_GZIP;
    if (ends_with(path, ".bz2")) return ARCHIVE_BZIP2;
    if (ends_with(path, ".xz")) return ARCHIVE_XZ;
    if (ends_with(path, ".zip")) return ARCHIVE_ZIP;
    return ARCHIVE_PLAIN;
}

const char *archive_kind_name(ArchiveKind kind)
{
    switch (kind) {
    case ARCHIVE_GZIP: return "gzip";
    case ARCHIVE_BZIP2: return "bzip2";
    case ARCHIVE_XZ: return "xz";
    case ARCHIVE_ZIP: return "zip";
    case ARCHIVE_PLAIN: break;
    }
    return "";
}

static bool regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool archive_split(const char *path, char *archive, size_t cap, const char **member)
{
    struct stat st;
    if (stat(path, &st) == 0) return false;      /* a file of that name is that file */
    for (const char *p = path; (p = strchr(p, ':')) != NULL; p++) {
        size_t len = (size_t)(p - path);
        if (len < 4 || strncasecmp(p - 4, ".zip", 4) != 0 || p[1] == '\0' || len >= cap)
            continue;
        memcpy(archive, path, len);
        archive[len] = '\0';
        if (regular_file(archive)) {
            *member = p + 1;
            return true;
        }
    }
    return false;
}

bool archive_member_holds_events(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (strncmp(name, "__MACOSX/", 9) == 0 || strncmp(base, "._", 2) == 0) return false;
    return ends_with(base, ".csv") || ends_with(base, ".json") ||
           ends_with(base, ".geojson");
}

/* ------------------------------------------------------------------------- */
/* The reader                                                                */
/* ------------------------------------------------------------------------- */

static void set_failed(ArchiveStream *s, const char *what)
{
    const char *why = s->a ? archive_error_string(s->a) : NULL;
    s->failed = true;
    /* Not damage: a method libarchive lacks (Deflate64, which Windows
     * uses for big files; PPMd). */
    if (why != NULL && strncasecmp(why, "unsupported", 11) == 0)
        what = s->kind == ARCHIVE_ZIP ? "cannot read this zip member" : "cannot read this file";
    snprintf(s->error, sizeof s->error, "%s%s%s", what, why ? ": " : "", why ? why : "");
}

/* How a failure of kind's data reads ("corrupt zip member"). */
static const char *corrupt_what(const ArchiveStream *s, bool member)
{
    switch (s->kind) {
    case ARCHIVE_GZIP: return "corrupt or truncated gzip file";
    case ARCHIVE_BZIP2: return "corrupt or truncated bzip2 file";
    case ARCHIVE_XZ: return "corrupt or truncated xz file";
    case ARCHIVE_ZIP: return member ? "corrupt zip member" : "corrupt zip archive";
    case ARCHIVE_PLAIN: break;
    }
    return "corrupt file";
}

/* A reader on fd from its start, with only what `kind` needs; false with
 * s->error. */
static bool reader_start(ArchiveStream *s)
{
    if (s->a != NULL) archive_read_free(s->a);
    s->a = archive_read_new();
    s->pos = 0;
    if (lseek(s->fd, 0, SEEK_SET) != 0) {
        set_failed(s, "cannot read the file from its start");
        return false;
    }
    int r = ARCHIVE_OK;
    switch (s->kind) {
    case ARCHIVE_GZIP: r = archive_read_support_filter_gzip(s->a); break;
    case ARCHIVE_BZIP2: r = archive_read_support_filter_bzip2(s->a); break;
    case ARCHIVE_XZ: r = archive_read_support_filter_xz(s->a); break;
    case ARCHIVE_ZIP: r = archive_read_support_format_zip(s->a); break;
    case ARCHIVE_PLAIN: r = ARCHIVE_FATAL; break;
    }
    /* ARCHIVE_WARN: only through an external program, which is not used. */
    if (r != ARCHIVE_OK) {
        set_failed(s, "this libarchive cannot read it");
        return false;
    }
    if (s->kind != ARCHIVE_ZIP) archive_read_support_format_raw(s->a);
    if (archive_read_open_fd(s->a, s->fd, BLOCK_BYTES) != ARCHIVE_OK) {
        set_failed(s, corrupt_what(s, false));
        return false;
    }
    /* A broken header makes the filter decline it: the file would then be
     * read raw, compressed bytes as text. */
    if (s->kind != ARCHIVE_ZIP && archive_filter_count(s->a) < 2) {
        snprintf(s->error, sizeof s->error, "corrupt %s file: its header is not valid %s",
                 archive_kind_name(s->kind), archive_kind_name(s->kind));
        s->failed = true;
        return false;
    }
    return true;
}

/* Moves the reader to its member (or the stream's one entry). */
static bool reader_find(ArchiveStream *s)
{
    struct archive_entry *e = NULL;
    for (;;) {
        int r = archive_read_next_header(s->a, &e);
        if (r == ARCHIVE_EOF) {
            snprintf(s->error, sizeof s->error, "member not found");
            s->failed = true;
            return false;
        }
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            set_failed(s, corrupt_what(s, false));
            return false;
        }
        if (s->member == NULL || strcmp(archive_entry_pathname(e) ? archive_entry_pathname(e)
                                                                  : "", s->member) == 0)
            break;
    }
    if (archive_entry_is_encrypted(e)) {
        snprintf(s->error, sizeof s->error, "the member is encrypted (password-protected): "
                 "unpack it with its password first");
        s->failed = true;
        return false;
    }
    return true;
}

static ssize_t stream_read(void *cookie, char *buf, size_t size)
{
    ArchiveStream *s = cookie;
    if (s->failed) {
        errno = EIO;
        return -1;
    }
    la_ssize_t n = archive_read_data(s->a, buf, size);
    if (n < 0) {
        set_failed(s, corrupt_what(s, true));
        errno = EIO;
        return -1;
    }
    s->pos += (uint64_t)n;
    return (ssize_t)n;
}

/* Only a rewind (and asking where it is) is possible: a rewind reads the
 * archive again from its start. */
static int stream_seek(void *cookie, off64_t *offset, int whence)
{
    ArchiveStream *s = cookie;
    if (whence == SEEK_CUR && *offset == 0) {
        *offset = (off64_t)s->pos;
        return 0;
    }
    if (whence != SEEK_SET || *offset != 0 || s->failed) {
        errno = EINVAL;
        return -1;
    }
    if (!reader_start(s) || !reader_find(s)) {
        errno = EIO;
        return -1;
    }
    return 0;
}

static void stream_free(ArchiveStream *s)
{
    if (s->a != NULL) archive_read_free(s->a);
    if (s->fd >= 0) close(s->fd);
    free(s->member);
    free(s);
}

static int stream_close(void *cookie)
{
    stream_free(cookie);
    return 0;
}

uint64_t archive_stream_bytes(const ArchiveStream *s)
{
    la_int64_t n = s->a ? archive_filter_bytes(s->a, -1) : 0;
    return n > 0 ? (uint64_t)n : 0;
}

const char *archive_stream_error(const ArchiveStream *s)
{
    return s->failed ? s->error : NULL;
}

/* ------------------------------------------------------------------------- */
/* Zip members                                                               */
/* ------------------------------------------------------------------------- */

typedef struct Members {
    char **names;
    size_t count, cap;
} Members;

static void members_free(Members *m)
{
    for (size_t i = 0; i < m->count; i++) free(m->names[i]);
    free(m->names);
    memset(m, 0, sizeof *m);
}

/* The files in the zip on fd, in archive order (directories left out);
 * false with err. */
static bool members_list(int fd, Members *out, Error *err)
{
    ArchiveStream s = {.fd = fd, .kind = ARCHIVE_ZIP};
    memset(out, 0, sizeof *out);
    bool ok = reader_start(&s);
    struct archive_entry *e = NULL;
    int r = ARCHIVE_OK;
    while (ok && (r = archive_read_next_header(s.a, &e)) != ARCHIVE_EOF) {
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            set_failed(&s, "corrupt zip archive");
            ok = false;
            break;
        }
        const char *name = archive_entry_pathname(e);
        if (name == NULL || archive_entry_filetype(e) == AE_IFDIR ||
            (name[0] != '\0' && name[strlen(name) - 1] == '/'))
            continue;
        out->names = xgrow(out->names, &out->cap, out->count + 1, sizeof *out->names);
        out->names[out->count++] = xstrndup(name, strlen(name));
    }
    if (s.a != NULL) archive_read_free(s.a);
    if (!ok) {
        members_free(out);
        return error_set(err, "%s", s.error);
    }
    return true;
}

/* "a.csv, b.csv and 3 more" of the names (only those holding events when
 * events_only). */
static void members_text(const Members *m, bool events_only, char *out, size_t cap)
{
    size_t shown = 0, total = 0, len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < m->count; i++) {
        if (events_only && !archive_member_holds_events(m->names[i])) continue;
        total++;
        if (shown >= LISTED_MAX || len >= cap) continue;
        len += (size_t)snprintf(out + len, cap - len, "%s%s", shown ? ", " : "", m->names[i]);
        shown++;
    }
    if (total > shown && len < cap)
        snprintf(out + len, cap - len, " and %zu more", total - shown);
    if (total == 0) snprintf(out, cap, "none");
}

/* The member to open in the zip given whole: its only event member. */
static bool whole_zip_member(int fd, const char *path, char **member, Error *err)
{
    Members m;
    if (!members_list(fd, &m, err)) return false;
    size_t events = 0, at = 0;
    for (size_t i = 0; i < m.count; i++)
        if (archive_member_holds_events(m.names[i])) {
            if (events++ == 0) at = i;
        }
    char list[200];
    bool ok = events == 1;
    if (events == 0) {
        members_text(&m, false, list, sizeof list);
        error_set(err, "no event file in this zip archive (its members: %s): sahelmap "
                  "reads .csv, .json and .geojson members", list);
    } else if (events > 1) {
        members_text(&m, true, list, sizeof list);
        error_set(err, "holds %zu event files (%s): name one as %.60s:MEMBER", events, list,
                  path);
    } else {
        *member = xstrndup(m.names[at], strlen(m.names[at]));
    }
    members_free(&m);
    return ok;
}

/* ------------------------------------------------------------------------- */
/* Opening                                                                   */
/* ------------------------------------------------------------------------- */

/* Opens the stream of an archive already open on fd (taken over). */
static int open_stream(int fd, ArchiveKind kind, char *member, ArchiveFile *out, Error *err)
{
    ArchiveStream *s = xcalloc(1, sizeof *s);
    s->fd = fd;
    s->kind = kind;
    s->member = member;
    bool ok = reader_start(s) && reader_find(s);
    /* A tar inside (.tar.gz): named as such, not read as binary text. */
    if (ok && kind != ARCHIVE_ZIP) {
        char head[512];
        la_ssize_t n = archive_read_data(s->a, head, sizeof head);
        if (n == (la_ssize_t)sizeof head && memcmp(head + 257, "ustar", 5) == 0) {
            snprintf(s->error, sizeof s->error, "a tar archive (compressed with %s): "
                     "sahelmap reads zip archives and single compressed files; unpack "
                     "it first", archive_kind_name(kind));
            ok = false;
        } else {
            ok = reader_start(s) && reader_find(s);     /* from the start again */
        }
    }
    if (!ok) {
        if (member != NULL && strcmp(s->error, "member not found") == 0) {
            Members m;
            char list[200] = "";
            if (members_list(fd, &m, err)) {
                members_text(&m, false, list, sizeof list);
                members_free(&m);
            }
            error_set(err, "no member '%.80s' in this zip archive (its members: %s)",
                      member, list);
        } else {
            error_set(err, "%s", s->error);
        }
        stream_free(s);
        return -1;
    }
    FILE *f = fopencookie(s, "rb", (cookie_io_functions_t){.read = stream_read,
                                                           .seek = stream_seek,
                                                           .close = stream_close});
    if (f == NULL) {
        error_set(err, "%s", strerror(errno));
        stream_free(s);
        return -1;
    }
    out->f = f;
    out->stream = s;
    out->fd = fd;
    out->kind = kind;
    return 1;
}

int archive_open(const char *path, ArchiveFile *out, Error *err)
{
    memset(out, 0, sizeof *out);
    out->fd = -1;
    char archive[ARCHIVE_NAME_MAX];
    const char *member = NULL;
    const char *file = path;
    if (archive_split(path, archive, sizeof archive, &member)) file = archive;
    if (stat(file, &out->st) != 0 || !S_ISREG(out->st.st_mode)) return 0;
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;                    /* the caller says why */
    unsigned char head[8];
    ssize_t n = pread(fd, head, sizeof head, 0);
    ArchiveKind kind = archive_kind_of_bytes(head, n > 0 ? (size_t)n : 0);
    ArchiveKind named = archive_kind_of_name(file);
    snprintf(out->name, sizeof out->name, "%s", path);
    if (member != NULL && kind != ARCHIVE_ZIP) {
        close(fd);
        error_set(err, "not a zip archive (so it has no member '%.80s')", member);
        error_set_file(err, file);
        return -1;
    }
    if (kind == ARCHIVE_PLAIN) {
        close(fd);
        if (named == ARCHIVE_PLAIN) return 0;
        const char *what = named == ARCHIVE_ZIP ? "a zip archive"
                         : named == ARCHIVE_GZIP ? "gzip-compressed data"
                         : named == ARCHIVE_BZIP2 ? "bzip2-compressed data"
                                                  : "xz-compressed data";
        if (n <= 0) error_set(err, "empty file (its name says %s)", what);
        else error_set(err, "not %s, although its name says so", what);
        error_set_file(err, path);
        return -1;
    }
    char *own = member ? xstrndup(member, strlen(member)) : NULL;
    if (kind == ARCHIVE_ZIP && own == NULL && !whole_zip_member(fd, path, &own, err)) {
        close(fd);
        error_set_file(err, path);
        return -1;
    }
    if (kind == ARCHIVE_ZIP && member == NULL)
        snprintf(out->name, sizeof out->name, "%s:%s", path, own);
    if (open_stream(fd, kind, own, out, err) < 0) {
        error_set_file(err, out->name);
        return -1;
    }
    return 1;
}

/* ------------------------------------------------------------------------- */
/* Expanding a list of files                                                 */
/* ------------------------------------------------------------------------- */

static void push(char ***list, size_t *n, size_t *cap, const char *s)
{
    *list = xgrow(*list, cap, *n + 2, sizeof **list);
    (*list)[(*n)++] = xstrndup(s, strlen(s));
    (*list)[*n] = NULL;
}

void archive_note_stderr(void *ctx, const char *name, const char *why)
{
    (void)ctx;
    fprintf(stderr, "sahelmap: %s: %s\n", name, why);
}

char **archive_expand(char *const *paths, int n, int *count, ArchiveNote note, void *ctx)
{
    char **list = NULL;
    size_t len = 0, cap = 0;
    list = xgrow(list, &cap, 1, sizeof *list);
    list[0] = NULL;
    for (int i = 0; i < n; i++) {
        const char *path = paths[i];
        Members m = {0};
        int fd = -1;
        unsigned char head[4];
        bool zip = regular_file(path) && (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 &&
                   pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
                   archive_kind_of_bytes(head, sizeof head) == ARCHIVE_ZIP;
        Error ignored;
        size_t events = 0;
        if (zip && members_list(fd, &m, &ignored))
            for (size_t k = 0; k < m.count; k++) events += archive_member_holds_events(m.names[k]);
        if (fd >= 0) close(fd);
        if (events == 0) {
            push(&list, &len, &cap, path);
            members_free(&m);
            continue;
        }
        char name[ARCHIVE_NAME_MAX];
        for (size_t k = 0; k < m.count; k++) {
            snprintf(name, sizeof name, "%s:%s", path, m.names[k]);
            if (archive_member_holds_events(m.names[k]))
                push(&list, &len, &cap, name);
            else if (note != NULL)
                note(ctx, name, "not an event file (sahelmap reads .csv, .json and .geojson "
                                "members): left out");
        }
        members_free(&m);
    }
    *count = (int)len;
    return list;
}

/*
 * load: file opening, format detection and the loaded/skipped books.
 * See load.h.
 *
 * A stream ("-" for standard input, or a named pipe) cannot be read twice,
 * so its first bytes, read for the format detection, are kept in a small
 * buffer and handed to the loader again through a glibc cookie stream
 * (fopencookie) that reads them first and then the rest of the pipe. The
 * pipe is read with poll, so a load waiting for data that never comes is
 * still cancelled (the progress callback is asked every 100 ms).
 */
#define _GNU_SOURCE                    /* fopencookie */
#include "load.h"

#include "archive_input.h"
#include "cache.h"
#include "load_overlap.h"
#include "load_split.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "basemap.h"
#include "bundled.h"
#include "incountry.h"
#include "xalloc.h"

#define SNIFF_BYTES 4096
#define STREAM_SNIFF_MAX (64u << 10)   /* blanks a stream may start with */

/* ------------------------------------------------------------------------- */
/* Books                                                                     */
/* ------------------------------------------------------------------------- */

static void add_reason(LoadContext *ctx, size_t line, size_t col,
                       size_t index, const char *reason)
{
    LoadReport *rep = ctx->report;
    rep->skipped++;
    if (rep->nreasons >= LOAD_MAX_REASONS) return;
    Error *e = &rep->reasons[rep->nreasons++];
    error_at(e, line, line > 0 ? col : 0, "%s", reason);
    e->record = index;
    error_set_file(e, ctx->path);
}

void load_skip(LoadContext *ctx, size_t line, size_t col, size_t index,
               const char *reason)
{
    if (ctx->sink != NULL) {
        load_sink_skip(ctx, line, col, index, reason);
        return;
    }
    ctx->report->read++;
    add_reason(ctx, line, col, index, reason);
}

void load_event(LoadContext *ctx, const EventInput *in, RecordKind kind, size_t line,
                size_t col, size_t index, const char *refused)
{
    LoadReport *rep = ctx->report;
    if (ctx->set->count >= ctx->max_events) {
        ctx->full = ctx->cancelled = true;         /* stop reading the file */
        return;
    }
    rep->read++;
    if (in == NULL) {
        add_reason(ctx, line, col, index, refused);
        return;
    }
    if (ctx->kind == RECORD_GENERIC) ctx->kind = kind;
    EventInput mine = *in;
    mine.file = ctx->file;
    rep->loaded++;
    EventsAddInfo info;
    switch (events_add_info(ctx->set, &mine, &info)) {
    case EVENTS_ADDED: rep->events++; break;
    case EVENTS_MERGED:
        rep->merged++;
        if (info.held_file == ctx->file) ctx->monadic++;
        break;
    case EVENTS_DUPLICATE: rep->duplicates++; break;
    case EVENTS_CONFLICT:
        load_overlap_conflict(ctx->set, rep, &mine, &info, line, col, index, ctx->path);
        break;
    }
    if (info.first_in_file && info.held_file != ctx->file) load_overlap_count(rep, info.held_file);
}

void load_record(LoadContext *ctx, size_t line, size_t col, size_t index)
{
    if (ctx->sink != NULL) {
        load_sink_record(ctx, line, col, index);
        return;
    }
    EventInput in;                   /* load_event stops a full set's read */
    Error why;
    bool ok = record_to_event(&ctx->record, &in, &why);
    RecordKind kind = ok && ctx->kind == RECORD_GENERIC ? record_kind(&ctx->record)
                                                        : RECORD_GENERIC;
    load_event(ctx, ok ? &in : NULL, kind, line, col, index, why.msg);
}

void load_set_container(LoadContext *ctx, const char *container)
{
    ctx->container = container;
}

/* ------------------------------------------------------------------------- */
/* Detection and the whole-file transaction                                  */
/* ------------------------------------------------------------------------- */

typedef enum { SNIFF_EMPTY, SNIFF_JSON, SNIFF_TABLE, SNIFF_BINARY, SNIFF_WIDE } Sniff;

/* The name of a UTF-16 or UTF-32 encoding the first bytes show (a byte
 * order mark, or ASCII text with zero bytes between its characters), or
 * NULL. */
static const char *wide_encoding(const unsigned char *h, size_t n)
{
    if (n >= 4 && h[0] == 0xFF && h[1] == 0xFE && h[2] == 0 && h[3] == 0)
        return "UTF-32 (little-endian)";
    if (n >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0xFE && h[3] == 0xFF)
        return "UTF-32 (big-endian)";
    if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE) return "UTF-16 (little-endian)";
    if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF) return "UTF-16 (big-endian)";
    if (n >= 4 && h[0] != 0 && h[1] == 0 && h[2] == 0 && h[3] == 0)
        return "UTF-32 (little-endian)";
    if (n >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] != 0)
        return "UTF-32 (big-endian)";
    if (n >= 4 && h[0] != 0 && h[1] == 0 && h[2] != 0 && h[3] == 0)
        return "UTF-16 (little-endian)";
    if (n >= 4 && h[0] == 0 && h[1] != 0 && h[2] == 0 && h[3] != 0)
        return "UTF-16 (big-endian)";
    return NULL;
}

/* What the first block says: the first non-blank character after an
 * optional UTF-8 byte order mark decides JSON; a NUL byte means binary
 * (or UTF-16/32 text, *wide names it); all blank is SNIFF_EMPTY, and *at
 * is then n. */
static Sniff sniff_block(const unsigned char *head, size_t n, bool first, size_t *at,
                         const char **wide)
{
    size_t i = 0;
    if (first && (*wide = wide_encoding(head, n)) != NULL) return SNIFF_WIDE;
    if (first && n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
    if (memchr(head, '\0', n) != NULL) return SNIFF_BINARY;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
                     head[i] == '\n'))
        i++;
    *at = i;
    if (i >= n) return SNIFF_EMPTY;
    return head[i] == '{' || head[i] == '[' ? SNIFF_JSON : SNIFF_TABLE;
}

/* Looks at the first bytes of a regular file (see sniff_block); blank
 * lines may run on past the first block: read until one ends. */
static Sniff sniff(FILE *f, const char **wide)
{
    unsigned char head[SNIFF_BYTES];
    size_t at = 0;
    size_t n = fread(head, 1, sizeof head, f);
    Sniff kind = n > 0 ? sniff_block(head, n, true, &at, wide) : SNIFF_EMPTY;
    while (kind == SNIFF_EMPTY && (n = fread(head, 1, sizeof head, f)) > 0)
        kind = sniff_block(head, n, false, &at, wide);
    rewind(f);
    return kind;
}

/* ------------------------------------------------------------------------- */
/* Streams: standard input and named pipes                                   */
/* ------------------------------------------------------------------------- */

typedef struct Replay {
    int fd;
    bool close_fd;                  /* a pipe we opened (not stdin) */
    unsigned char *head;            /* bytes read for the sniff, replayed */
    size_t head_len, head_pos;
    uint64_t done;                  /* bytes read from fd */
    const LoadProgress *progress;   /* asked while waiting */
    const char *path;
    bool cancelled;
} Replay;

/* Reads up to cap bytes from the pipe, waiting with poll so a cancel is
 * seen; 0 at its end or when cancelled. */
static ssize_t replay_read_fd(Replay *r, char *buf, size_t cap)
{
    for (;;) {
        if (r->cancelled) return 0;
        struct pollfd p = {.fd = r->fd, .events = POLLIN};
        int ready = poll(&p, 1, 100);
        if (ready < 0 && errno != EINTR) return -1;
        if (ready <= 0) {
            if (r->progress != NULL && r->progress->report != NULL &&
                !r->progress->report(r->progress->ctx, r->path, r->done, 0))
                r->cancelled = true;
            continue;
        }
        ssize_t n = read(r->fd, buf, cap);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n > 0) r->done += (uint64_t)n;
        return n;
    }
}

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
    Replay *r = cookie;
    if (r->head_pos < r->head_len) {
        size_t n = r->head_len - r->head_pos;
        if (n > size) n = size;
        memcpy(buf, r->head + r->head_pos, n);
        r->head_pos += n;
        return (ssize_t)n;
    }
    return replay_read_fd(r, buf, size);
}

static int replay_close(void *cookie)
{
    Replay *r = cookie;
    if (r->close_fd) close(r->fd);
    free(r->head);
    free(r);
    return 0;
}

/* Opens a stream (fd, or path when fd < 0) and sniffs its first bytes,
 * which the FILE returned reads again. NULL with err if it cannot be
 * opened or read. */
static FILE *stream_open(int fd, const char *path, const LoadProgress *progress,
                         Sniff *kind, const char **wide, Error *err)
{
    Replay *r = xcalloc(1, sizeof *r);
    r->fd = fd;
    if (fd < 0) {
        /* O_NONBLOCK: a pipe nobody writes to yet must not block open();
         * poll waits for the writer instead, cancellably. */
        r->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (r->fd < 0) {
            error_set(err, "%s", strerror(errno));
            free(r);
            return NULL;
        }
        r->close_fd = true;
    }
    r->progress = progress;
    r->path = path;
    r->head = xmalloc(STREAM_SNIFF_MAX);
    *kind = SNIFF_EMPTY;
    size_t at = 0;
    while (*kind == SNIFF_EMPTY && r->head_len < STREAM_SNIFF_MAX) {
        size_t from = r->head_len;
        ssize_t n = replay_read_fd(r, (char *)r->head + from, STREAM_SNIFF_MAX - from);
        if (n < 0) {
            error_set(err, "read error: %s", strerror(errno));
            replay_close(r);
            return NULL;
        }
        if (n == 0) break;
        r->head_len += (size_t)n;
        /* Sniffed from the start each time, once there are 4 bytes: a mark
         * or wide text may come in pieces. */
        if (r->head_len >= 4) *kind = sniff_block(r->head, r->head_len, true, &at, wide);
    }
    if (*kind == SNIFF_EMPTY && r->head_len > 0)
        *kind = sniff_block(r->head, r->head_len, true, &at, wide);
    if (r->cancelled) {
        error_set(err, "loading cancelled");
        replay_close(r);
        return NULL;
    }
    ArchiveKind packed = archive_kind_of_bytes(r->head, r->head_len);
    if (packed != ARCHIVE_PLAIN) {          /* archives are read from files */
        error_set(err, "%s data on a stream: name the file instead (sahelmap reads "
                  "compressed files and zip archives from files), or unpack it first",
                  archive_kind_name(packed));
        replay_close(r);
        return NULL;
    }
    FILE *f = fopencookie(r, "rb", (cookie_io_functions_t){.read = replay_read,
                                                           .close = replay_close});
    if (f == NULL) {
        error_set(err, "%s", strerror(errno));
        replay_close(r);
    }
    return f;
}

static uint64_t archive_position(const void *stream)
{
    return archive_stream_bytes(stream);
}

static const char *kind_name(RecordKind kind)
{
    switch (kind) {
    case RECORD_ACLED: return "ACLED";
    case RECORD_UCDP: return "UCDP GED";
    case RECORD_GENERIC: break;
    }
    return "";
}

static void describe_format(LoadContext *ctx)
{
    LoadReport *rep = ctx->report;
    const char *container = ctx->container ? ctx->container : "?";
    if (strncmp(container, "GeoJSON", 7) == 0)
        snprintf(rep->format, sizeof rep->format, "%s", container);
    else
        snprintf(rep->format, sizeof rep->format, "%s%s%s%s",
                 kind_name(ctx->kind), ctx->kind ? " " : "", container,
                 ctx->monadic > 0 ? ", monadic (one row per actor)" : "");
}

bool load_tick(LoadContext *ctx, uint64_t done)
{
    if (ctx->progress == NULL || ctx->progress->report == NULL) return true;
    if (ctx->position != NULL) done = ctx->position(ctx->position_source);
    if (!ctx->progress->report(ctx->progress->ctx, ctx->path, done, ctx->total))
        ctx->cancelled = true;
    return !ctx->cancelled;
}

bool load_file(EventSet *set, const char *path, LoadReport *report)
{
    return load_file_with(set, path, report, NULL);
}

bool load_file_with(EventSet *set, const char *path, LoadReport *report,
                    const LoadOptions *options)
{
    memset(report, 0, sizeof *report);
    Config defaults;
    const Config *cfg = options != NULL ? options->config : NULL;
    if (cfg == NULL) {
        config_defaults(&defaults);
        cfg = &defaults;
    }
    const LoadProgress *progress = options != NULL ? options->progress : NULL;
    unsigned *threads_used = options != NULL ? options->threads_used : NULL;
    if (threads_used != NULL) *threads_used = 1;
    Error *err = &report->error;
    struct stat st;
    bool is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) path = LOAD_STDIN_NAME;
    /* A compressed file or zip member: read through archive_input, and
     * named by its member from here on. */
    ArchiveFile arc;
    int archived = is_stdin ? 0 : archive_open(path, &arc, err);
    if (archived < 0) return error_set_file(err, path);
    if (archived > 0) {
        path = arc.name;
        st = arc.st;
        /* The members of one zip share its inode: each is a file of its own. */
        const char *member = strrchr(arc.name, ':');
        if (member != NULL && arc.kind == ARCHIVE_ZIP) st.st_ino ^= strpool_hash(member, strlen(member));   /* its name mixed in */
    } else if (is_stdin ? fstat(STDIN_FILENO, &st) != 0 : stat(path, &st) != 0) {
        error_set(err, "%s", strerror(errno));
        return error_set_file(err, path);
    }
    if (!archived && S_ISDIR(st.st_mode)) {
        error_set(err, "is a directory, not an event file");
        return error_set_file(err, path);
    }
    /* The same file again, by this path or another: loaded once. */
    uint16_t same = is_stdin || S_ISFIFO(st.st_mode)
                        ? EVENTS_NO_FILE
                        : events_file_find(set, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    if (same != EVENTS_NO_FILE) {
        if (archived) fclose(arc.f);    /* closes its archive too */
        report->again = true;
        report->same_as = same;
        error_set(err, "already loaded: %.200s", set->files[same]);
        return error_set_file(err, path);
    }
    /* Standard input, whatever it is, and named pipes are read as a stream;
     * a device or socket named as a file is refused. */
    bool stream = is_stdin || S_ISFIFO(st.st_mode);
    if (!archived && !S_ISREG(st.st_mode) && !stream) {
        error_set(err, "not a regular file or a pipe (a device?): "
                       "save it to a file first");
        return error_set_file(err, path);
    }
    Sniff kind = SNIFF_EMPTY;
    const char *wide = NULL;
    FILE *f = NULL;
    if (archived) {
        f = arc.f;
        kind = sniff(f, &wide);
        if (archive_stream_error(arc.stream) != NULL) {
            error_set(err, "%s", archive_stream_error(arc.stream));
            fclose(f);
            return error_set_file(err, path);
        }
    } else if (stream) {
        f = stream_open(is_stdin ? STDIN_FILENO : -1, path, progress, &kind, &wide, err);
        if (f == NULL) return error_set_file(err, path);
        st.st_size = 0;                              /* unknown */
    } else {
        f = fopen(path, "rb");
        if (f == NULL) {
            error_set(err, "%s", strerror(errno));
            return error_set_file(err, path);
        }
        kind = sniff(f, &wide);
    }
    if (kind == SNIFF_EMPTY || kind == SNIFF_BINARY || kind == SNIFF_WIDE) {
        fclose(f);
        if (kind == SNIFF_WIDE)
            error_set(err, "%s text: sahelmap reads UTF-8 (convert it first, e.g. "
                           "iconv -f %.6s -t UTF-8)", wide, wide);
        else
            error_set(err, "%s", kind == SNIFF_EMPTY ? "empty file: no events"
                                                     : "binary data (a NUL byte near "
                                                       "the start): not JSON or CSV");
        return error_set_file(err, path);
    }

    /* An unchanged big file opened before: its cache, not its text. The
     * identity is the open descriptor's (what is read), taken again after
     * the read: a file changed meanwhile is not cached. */
    CacheSource before;
    int source_fd = archived ? arc.fd : fileno(f);
    bool cacheable = !stream && set->count == 0 && set->nfiles == 0 &&
                     cache_wanted(cfg, (uint64_t)st.st_size) &&
                     cache_source_identify(source_fd, &before);
    const char *why = "";
    if (cacheable && cache_load(cfg, set, path, &before, report, &why)) {
        fclose(f);
        events_file_identify(set, (uint16_t)(set->nfiles - 1), (uint64_t)st.st_dev,
                             (uint64_t)st.st_ino);
        return true;
    }

    EventsMark mark = events_mark(set);
    LoadContext ctx = {.set = set, .path = path, .report = report,
                       .progress = progress, .total = (uint64_t)st.st_size,
                       .max_events = cfg->max_events, .max_value = cfg->max_value,
                       .max_record = cfg->max_record, .threads_used = threads_used};
    if (archived) {
        ctx.position = archive_position;
        ctx.position_source = arc.stream;
    }
    ctx.file = events_add_file(set, path);
    if (ctx.file == EVENTS_NO_FILE) {
        fclose(f);
        error_set(err, "more than 65,535 input files: the limit "
                       "(open fewer files at once)");
        return error_set_file(err, path);
    }
    if (!stream && !archived) load_split_map(&ctx, cfg, fileno(f), (uint64_t)st.st_size);
    bool ok = kind == SNIFF_JSON ? load_json(&ctx, f, err) : load_csv(&ctx, f, err);
    load_split_unmap(&ctx);
    if (archived && archive_stream_error(arc.stream) != NULL)
        ok = error_set(err, "%s", archive_stream_error(arc.stream));  /* the cause */
    else if (ok && ferror(f))
        ok = error_set(err, "read error");
    if (ctx.full)
        ok = error_set(err, "more than %zu events: the limit "
                       "(set SAHELMAP_MAX_EVENTS to change it)", ctx.max_events);
    else if (ctx.cancelled)
        ok = error_set(err, "loading cancelled");
    ctx.position = NULL;                        /* the end: all of it */
    load_tick(&ctx, ctx.total);
    CacheSource after;
    if (cacheable && (!cache_source_identify(source_fd, &after) ||
                      !cache_source_same(&before, &after)))
        cacheable = false;                  /* changed while read */
    fclose(f);
    describe_format(&ctx);
    report->kind = ctx.kind;
    if (!ok) {
        events_rollback(set, mark);
        error_set_file(err, path);      /* the loader gave line and column */
        /* Nothing from this file stays: the books say so. */
        report->loaded = report->events = report->merged = 0;
        report->duplicates = report->conflicts = report->earlier = report->nfrom = 0;
        report->skipped = report->read;
        return false;
    }
    report->ok = true;
    if (!stream)
        events_file_identify(set, ctx.file, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    if (cacheable) {
        Error ignored;
        events_finish(set);
        cache_store(cfg, set, path, &after, report, &ignored);   /* optional */
    }
    return true;
}

int load_files(EventSet *set, char *const *paths, int n, LoadReport *reports)
{
    return load_files_with(set, paths, n, reports, NULL);
}

int load_files_with(EventSet *set, char *const *paths, int n, LoadReport *reports,
                    const LoadOptions *options)
{
    int failed = 0;
    for (int i = 0; i < n; i++)
        if (!load_file_with(set, paths[i], &reports[i], options) && !reports[i].again)
            failed++;
    events_finish(set);
    load_infer_countries(set, options != NULL ? options->config : NULL);
    return failed;
}

size_t load_infer_countries(EventSet *set, const Config *cfg)
{
    if (!incountry_needed(set)) return 0;
    Config defaults;
    if (cfg == NULL) {
        config_defaults(&defaults);
        cfg = &defaults;
    }
    char path[CONFIG_PATH_MAX + 64];
    bundled_asset(cfg, "sahel-basemap.json", path, sizeof path);
    Basemap map = {0};
    Error err;
    size_t n = basemap_load(&map, path, &err) ? incountry_infer(set, &map) : 0;
    basemap_free(&map);
    return n;
}

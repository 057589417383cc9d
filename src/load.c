/*
 * load: file opening, format detection and the loaded/skipped books.
 * See load.h.
 */
#include "load.h"

#include "cache.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    ctx->report->read++;
    add_reason(ctx, line, col, index, reason);
}

void load_record(LoadContext *ctx, size_t line, size_t col, size_t index)
{
    LoadReport *rep = ctx->report;
    EventInput in;
    Error why;
    if (ctx->set->count >= ctx->max_events) {
        ctx->full = ctx->cancelled = true;         /* stop reading the file */
        return;
    }
    rep->read++;
    if (!record_to_event(&ctx->record, &in, &why)) {
        add_reason(ctx, line, col, index, why.msg);
        return;
    }
    if (ctx->kind == RECORD_GENERIC) ctx->kind = record_kind(&ctx->record);
    in.file = ctx->file;
    rep->loaded++;
    switch (events_add(ctx->set, &in)) {
    case EVENTS_ADDED: rep->events++; break;
    case EVENTS_MERGED: rep->merged++; break;
    case EVENTS_DUPLICATE: rep->duplicates++; break;
    }
}

void load_set_container(LoadContext *ctx, const char *container)
{
    ctx->container = container;
}

/* ------------------------------------------------------------------------- */
/* Detection and the whole-file transaction                                  */
/* ------------------------------------------------------------------------- */

typedef enum { SNIFF_EMPTY, SNIFF_JSON, SNIFF_TABLE, SNIFF_BINARY } Sniff;

/* Looks at the first bytes: the first non-blank character after an optional
 * UTF-8 byte order mark decides JSON; a NUL byte means binary. */
static Sniff sniff(FILE *f)
{
    unsigned char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    size_t i = 0;
    Sniff kind = SNIFF_EMPTY;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
    if (memchr(head, '\0', n) != NULL) kind = SNIFF_BINARY;
    /* Blank lines may run on past the first block: read until one ends. */
    while (kind == SNIFF_EMPTY && n > 0) {
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
                         head[i] == '\n'))
            i++;
        if (i < n) kind = head[i] == '{' || head[i] == '[' ? SNIFF_JSON : SNIFF_TABLE;
        else {
            n = fread(head, 1, sizeof head, f);
            i = 0;
        }
    }
    rewind(f);
    return kind;
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
                 rep->merged > 0 ? ", monadic (one row per actor)" : "");
}

bool load_tick(LoadContext *ctx, uint64_t done)
{
    if (ctx->progress == NULL || ctx->progress->report == NULL) return true;
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
    Error *err = &report->error;
    struct stat st;
    if (stat(path, &st) != 0) {
        error_set(err, "%s", strerror(errno));
        return error_set_file(err, path);
    }
    if (S_ISDIR(st.st_mode)) {
        error_set(err, "is a directory, not an event file");
        return error_set_file(err, path);
    }
    if (!S_ISREG(st.st_mode)) {
        /* A pipe or device cannot be read twice (format detection reads
         * the start first): say so plainly. */
        error_set(err, "not a regular file (a pipe or device?): "
                       "save it to a file first");
        return error_set_file(err, path);
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        error_set(err, "%s", strerror(errno));
        return error_set_file(err, path);
    }

    Sniff kind = sniff(f);
    if (kind == SNIFF_EMPTY || kind == SNIFF_BINARY) {
        fclose(f);
        error_set(err, "%s", kind == SNIFF_EMPTY ? "empty file: no events"
                                                 : "binary data (a NUL byte near "
                                                   "the start): not JSON or CSV");
        return error_set_file(err, path);
    }

    /* An unchanged big file opened before: its cache, not its text. */
    bool cacheable = set->count == 0 && set->nfiles == 0 &&
                     cache_wanted(cfg, (uint64_t)st.st_size);
    const char *why = "";
    if (cacheable && cache_load(cfg, set, path, report, &why)) {
        fclose(f);
        return true;
    }

    EventsMark mark = events_mark(set);
    LoadContext ctx = {.set = set, .path = path, .report = report,
                       .progress = progress, .total = (uint64_t)st.st_size,
                       .max_events = cfg->max_events};
    ctx.file = events_add_file(set, path);
    if (ctx.file == EVENTS_NO_FILE) {
        fclose(f);
        error_set(err, "more than 65,535 input files: the limit "
                       "(open fewer files at once)");
        return error_set_file(err, path);
    }
    bool ok = kind == SNIFF_JSON ? load_json(&ctx, f, err) : load_csv(&ctx, f, err);
    if (ok && ferror(f)) ok = error_set(err, "read error");
    if (ctx.full)
        ok = error_set(err, "more than %zu events: the limit "
                       "(set SAHELMAP_MAX_EVENTS to change it)", ctx.max_events);
    else if (ctx.cancelled)
        ok = error_set(err, "loading cancelled");
    load_tick(&ctx, ctx.total);
    fclose(f);
    describe_format(&ctx);
    report->kind = ctx.kind;
    if (!ok) {
        events_rollback(set, mark);
        error_set_file(err, path);      /* the loader gave line and column */
        /* Nothing from this file stays: the books say so. */
        report->loaded = report->events = report->merged = 0;
        report->duplicates = 0;
        report->skipped = report->read;
        return false;
    }
    report->ok = true;
    if (cacheable) {
        Error ignored;
        events_finish(set);
        cache_store(cfg, set, path, report, &ignored);   /* optional: a miss later */
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
        if (!load_file_with(set, paths[i], &reports[i], options)) failed++;
    events_finish(set);
    return failed;
}

/*
 * app_load: files loading in a background thread while the window stays
 * responsive, and files dropped meanwhile queued for the next load. When a
 * job ends (finished or cancelled) its results join the window's state in
 * one step, on the main thread. See app_private.h.
 */
#include "app_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive_input.h"
#include "load_overlap.h"
#include "xalloc.h"

static bool job_progress(void *ctx, const char *path, uint64_t done, uint64_t total)
{
    (void)path;
    LoadJob *job = ctx;
    SDL_AtomicSet(&job->permille, total ? (int)(1000 * (double)done / (double)total) : 1000);
    return SDL_AtomicGet(&job->cancel) == 0;
}

static int job_run(void *data)
{
    LoadJob *job = data;
    LoadProgress progress = {job_progress, job};
    LoadOptions options = {.progress = &progress, .config = job->cfg};
    for (int i = 0; i < job->n && SDL_AtomicGet(&job->cancel) == 0; i++) {
        SDL_AtomicSet(&job->file, i);
        SDL_AtomicSet(&job->permille, 0);
        load_file_with(job->set, job->paths[i], &job->reports[i], &options);
    }
    events_finish(job->set);     /* sorted, notes flushed: read-only from here */
    load_infer_countries(job->set, job->cfg);      /* files without a country */
    SDL_AtomicSet(&job->finished, 1);
    return 0;
}

void app_load_start(App *app, char *const *paths, int n, bool first)
{
    LoadJob *job = xcalloc(1, sizeof *job);
    /* A zip archive loads as its event members, each a file of its own. */
    job->paths = archive_expand(paths, n, &n, archive_note_stderr, NULL);
    job->n = n;
    job->first = first;
    job->set = &app->set;
    job->cfg = app->cfg;
    job->reports = xcalloc((size_t)n + 1, sizeof *job->reports);
    app->job = job;
    job->started = SDL_GetTicks();
    job->thread = SDL_CreateThread(job_run, "sahelmap-load", job);
    if (job->thread == NULL) job_run(job);          /* no threads: load now */
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* Adds a line under `heading` to the panel of load results (shown until
 * Esc), the heading first if the panel lacks it, before "Esc: dismiss". */
static void panel_add(App *app, const char *heading, const char *line)
{
    TextLines *t = &app->load_errors;
    if (t->n > 0 && strcmp(t->line[t->n - 1], "Esc: dismiss") == 0) {
        free(t->line[--t->n]);
        t->line[t->n] = NULL;
    }
    bool has = false;
    for (int k = 0; k < t->n && !has; k++) has = strcmp(t->line[k], heading) == 0;
    if (!has) describe_add(t, "%s", heading);
    describe_add(t, "%s", line);
}

/* What a file's load says beyond its counts, in the panel and on stderr:
 * the same file named again, events an earlier file had, rows with the id
 * of an event held but another value. */
static void note_overlaps(App *app, const char *path, const LoadReport *rep)
{
    static const char heading[] = "#Already loaded (each event counted once)";
    char line[900], text[600];
    if (rep->again) {
        const char *held = rep->same_as < app->set.nfiles ? app->set.files[rep->same_as] : "";
        snprintf(line, sizeof line, "%.120s: the same file as %.120s, not read again",
                 base_name(path), base_name(held));
        panel_add(app, heading, line);
        fprintf(stderr, "sahelmap: %s: %s, not read again\n", path, rep->error.msg);
        return;
    }
    if (rep->earlier > 0) {
        snprintf(line, sizeof line, "%.120s: %s", base_name(path),
                 load_overlap_text(&app->set, rep, text, sizeof text));
        panel_add(app, heading, line);
        fprintf(stderr, "sahelmap: %s: %s\n", path, text);
    }
    if (rep->conflicts > 0) {
        snprintf(line, sizeof line, "%.120s: %zu row%s with the id of an event held but "
                 "another value; first, line %zu: %s", base_name(path), rep->conflicts,
                 rep->conflicts == 1 ? "" : "s", rep->conflict.line, rep->conflict.msg);
        panel_add(app, heading, line);
        fprintf(stderr, "sahelmap: %s: %zu row%s with the id of an event held but another "
                "value (the event held kept); first: %s\n", path, rep->conflicts,
                rep->conflicts == 1 ? "" : "s", error_text(&rep->conflict).s);
    }
}

/* Takes a finished (or cancelled) job's results into the window's state. */
static void job_finish(App *app)
{
    LoadJob *job = app->job;
    if (job->thread != NULL) SDL_WaitThread(job->thread, NULL);
    int loaded = 0, failed = 0, again = 0;
    const Error *problem = NULL;
    const LoadReport *repeated = NULL;
    for (int i = 0; i < job->n; i++) {
        LoadReport *rep = &job->reports[i];
        note_overlaps(app, job->paths[i], rep);
        if (rep->again) {
            if (repeated == NULL) repeated = rep;
            again++;
            continue;
        }
        if (!rep->ok) {
            if (rep->error.msg[0]) fprintf(stderr, "sahelmap: %s\n", error_text(&rep->error).s);
            if (problem == NULL && rep->error.msg[0]) problem = &rep->error;
            /* The panel of failed files stays until dismissed. */
            if (!SDL_AtomicGet(&job->cancel))
                panel_add(app, "#Could not load", error_text(&rep->error).s);
            failed++;
            continue;
        }
        app->files = xrealloc(app->files, (size_t)(app->nfiles + 2) * sizeof *app->files);
        app->reports = xrealloc(app->reports, (size_t)(app->nfiles + 1) * sizeof *app->reports);
        app->reports[app->nfiles] = *rep;
        app->files[app->nfiles++] = job->paths[i];
        app->files[app->nfiles] = NULL;
        job->paths[i] = NULL;
        loaded++;
    }
    bool first = job->first;
    char toast[320] = "", earlier[600];
    const LoadReport *last = &job->reports[job->n - 1];
    if (problem != NULL) snprintf(toast, sizeof toast, "%.300s", error_text(problem).s);
    else if (!first && loaded > 0 && last->ok)
        snprintf(toast, sizeof toast,
                 "Loaded %.100s: %zu events (%zu records, %zu skipped)%s%.150s",
                 app->files[app->nfiles - 1], last->events, last->read, last->skipped,
                 last->earlier > 0 ? "; " : "",
                 load_overlap_text(&app->set, last, earlier, sizeof earlier));
    else if (repeated != NULL)
        snprintf(toast, sizeof toast, "%.300s%s", repeated->error.msg,
                 again > 1 ? " (and more files named again)" : "");
    for (int i = 0; i < job->n; i++) free(job->paths[i]);
    free(job->paths);
    free(job->reports);
    free(job);
    app->job = NULL;
    app_data_changed(app, first);
    /* The title names the files open (the first few) and what they hold. */
    char title[600] = "sahelmap: ";
    size_t len = strlen(title);
    for (int i = 0; i < app->nfiles && i < 3; i++) {
        const char *name = strrchr(app->files[i], '/');
        name = name ? name + 1 : app->files[i];
        len += (size_t)snprintf(title + len, sizeof title - len, "%s%.80s", i ? ", " : "", name);
    }
    if (app->nfiles > 3)
        len += (size_t)snprintf(title + len, sizeof title - len, " and %d more", app->nfiles - 3);
    if (app->nfiles == 0) len += (size_t)snprintf(title + len, sizeof title - len, "no file open");
    snprintf(title + len, sizeof title - len, " (%zu event%s%s)", app->set.count,
             app->set.count == 1 ? "" : "s", failed ? "; a file failed to load" : "");
    SDL_SetWindowTitle(app->window, title);
    if (app->load_errors.n > 0 && app->load_errors.n < DESCRIBE_MAX_LINES &&
        strcmp(app->load_errors.line[app->load_errors.n - 1], "Esc: dismiss") != 0)
        describe_add(&app->load_errors, "Esc: dismiss");
    if (toast[0]) app_say(app, "%s", toast);
    else if (app->set.count == 0)
        app_say(app, "No events loaded: drop ACLED, UCDP or GeoJSON files here");
    app->dirty = true;
}

/* Starts loading what was dropped during the last load. */
static void start_queued(App *app)
{
    if (app->nqueued == 0 || !app->running) return;
    char **paths = app->queued;
    int n = app->nqueued;
    app->queued = NULL;
    app->nqueued = 0;
    app_load_start(app, paths, n, false);
    for (int i = 0; i < n; i++) free(paths[i]);
    free(paths);
}

void app_load_poll(App *app)
{
    if (app->job == NULL || !SDL_AtomicGet(&app->job->finished)) return;
    job_finish(app);
    start_queued(app);
}

void app_load_cancel(App *app)
{
    if (app->job == NULL) return;
    SDL_AtomicSet(&app->job->cancel, 1);
    job_finish(app);
    for (int i = 0; i < app->nqueued; i++) free(app->queued[i]);
    app->nqueued = 0;                       /* a cancel drops the queue too */
}

void app_load_drop(App *app, const char *path)
{
    if (app->job == NULL) {
        char *paths[1] = {(char *)path};
        app_load_start(app, paths, 1, false);
        return;
    }
    app->queued = xrealloc(app->queued, (size_t)(app->nqueued + 1) * sizeof *app->queued);
    app->queued[app->nqueued++] = xstrndup(path, strlen(path));
    app_say(app, "%d file%s queued: loaded when this load ends", app->nqueued,
            app->nqueued == 1 ? "" : "s");
}

void app_load_free(App *app)
{
    for (int i = 0; i < app->nqueued; i++) free(app->queued[i]);
    free(app->queued);
    app->queued = NULL;
    app->nqueued = 0;
}

/*
 * load_split: the parallel loader's pipeline and its record buffers. See
 * load_split.h.
 *
 * Chunk n of the mapped file covers the records starting in
 * [guess(from + n * size), guess(from + (n + 1) * size)). Workers take the
 * chunks in order into a ring of slots (threads + 1 of them: that many
 * chunks' records are held at most, which bounds memory), and the loading
 * thread takes the slots back in order: a chunk that does not start where
 * the previous one ended (a wrong guess) is parsed again, there, from the
 * right place; its records are added with load_event and load_skip, their
 * positions made absolute; the pages of the map it read are given back.
 */
#define _GNU_SOURCE                    /* madvise's advice names */
#include "load_split.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* The record buffer of one chunk                                            */
/* ------------------------------------------------------------------------- */

enum { SINK_EVENT, SINK_REFUSED, SINK_SKIP };

typedef struct SinkItem {
    EventInput in;          /* strings as offsets + 1 into text (0: NULL) */
    size_t line, col, index;
    size_t reason;          /* offset of the reason in text (refused, skip) */
    uint8_t what;
    uint8_t kind;           /* RecordKind (events) */
} SinkItem;

/* A distinct tuple of the chunk: its strings, back to back in text. */
typedef struct SinkTuple {
    size_t at, len;
    uint32_t number;        /* among the chunk's tuples of its kind */
    uint8_t kind;
} SinkTuple;

typedef struct LoadSink {
    SinkItem *items;
    size_t n, cap;
    char *text;
    size_t len, text_cap;
    /* The chunk's distinct tuples (EventsBatch): each kept once in text. */
    SinkTuple *tuples;
    size_t ntuples, tuples_cap;
    HashTab tuple_index;
    EventsBatch batch;      /* their numbers and hashes */
} LoadSink;

static size_t sink_keep(LoadSink *s, const char *str, size_t len)
{
    s->text = xgrow(s->text, &s->text_cap, s->len + len + 1, 1);
    size_t at = s->len;
    if (len > 0) memcpy(s->text + at, str, len);
    s->text[at + len] = '\0';
    s->len += len + 1;
    return at;
}

static SinkItem *sink_push(LoadSink *s, size_t line, size_t col, size_t index)
{
    s->items = xgrow(s->items, &s->cap, s->n + 1, sizeof *s->items);
    SinkItem *it = &s->items[s->n++];
    it->line = line;
    it->col = col;
    it->index = index;
    return it;
}

/* The string fields of EventInput, kept as offsets while buffered. */
#define SINK_STRINGS(X)                                                    \
    X(id) X(actor1) X(assoc_actor1) X(actor2) X(assoc_actor2) X(country)   \
    X(admin1) X(admin2) X(admin3) X(location) X(source) X(source_scale)   \
    X(original_type)

/* Keeps the strings of in's tuple of kind as offsets, once per distinct
 * tuple of the chunk (NULL kept as "", which the set takes as the same),
 * and numbers the tuple (in->batch_tuple). */
static void sink_tuple(LoadSink *s, EventInput *in, int kind)
{
    const char **f[EVENTS_TUPLE_STRINGS];
    int n = events_tuple_fields(in, kind, f);
    size_t start = s->len, lens[EVENTS_TUPLE_STRINGS];
    for (int k = 0; k < n; k++) {
        const char *str = *f[k] != NULL ? *f[k] : "";
        lens[k] = strlen(str);
        sink_keep(s, str, lens[k]);
    }
    size_t len = s->len - start, at = start;
    uint64_t hash = strpool_hash(s->text + start, len);
    HashProbe probe = hashtab_probe(&s->tuple_index, hash + (uint64_t)kind);
    uint32_t v;
    bool found = false;
    while (!found && hashtab_next(&s->tuple_index, &probe, &v)) {
        const SinkTuple *t = &s->tuples[v];
        found = t->kind == kind && t->len == len &&
                memcmp(s->text + t->at, s->text + start, len) == 0;
        if (found) {
            at = t->at;
            in->batch_tuple[kind] = t->number;
            s->len = start;                          /* kept once */
        }
    }
    if (!found) {
        s->tuples = xgrow(s->tuples, &s->tuples_cap, s->ntuples + 1, sizeof *s->tuples);
        uint32_t number = events_batch_add(&s->batch, kind, hash);
        s->tuples[s->ntuples] = (SinkTuple){start, len, number, (uint8_t)kind};
        hashtab_insert(&s->tuple_index, &probe, (uint32_t)s->ntuples++);
        in->batch_tuple[kind] = number;
    }
    for (int k = 0; k < n; k++) {
        *f[k] = (const char *)(uintptr_t)(at + 1);
        at += lens[k] + 1;
    }
}

static const char *sink_ref(LoadSink *s, const char *str, size_t len)
{
    return str == NULL ? NULL : (const char *)(uintptr_t)(sink_keep(s, str, len) + 1);
}

static const char *sink_deref(const LoadSink *s, const char *ref)
{
    return ref == NULL ? NULL : s->text + ((uintptr_t)ref - 1);
}

void load_sink_record(LoadContext *ctx, size_t line, size_t col, size_t index)
{
    LoadSink *s = ctx->sink;
    EventInput in;
    Error why;
    SinkItem *it = sink_push(s, line, col, index);
    if (!record_to_event(&ctx->record, &in, &why)) {
        it->what = SINK_REFUSED;
        it->reason = sink_keep(s, why.msg, strlen(why.msg));
        return;
    }
    it->what = SINK_EVENT;
    it->reason = 0;
    it->kind = (uint8_t)record_kind(&ctx->record);
    /* Worked out here, off the loading thread: the id's length and hash,
     * the notes' hash. */
    size_t id_len = in.id != NULL ? strlen(in.id) : 0;
    in.pre.known = true;
    in.pre.id_len = id_len;
    in.pre.id_hash = id_len > 0 ? strpool_hash(in.id, id_len) : 0;
    in.pre.notes_hash = events_notes_hash(in.notes, in.notes_len);
    in.id = sink_ref(s, in.id, id_len);
    for (int kind = 0; kind < EVENTS_TUPLE_KINDS; kind++) sink_tuple(s, &in, kind);
    in.notes = sink_ref(s, in.notes, in.notes_len);
    it->in = in;
}

void load_sink_skip(LoadContext *ctx, size_t line, size_t col, size_t index,
                    const char *reason)
{
    LoadSink *s = ctx->sink;
    SinkItem *it = sink_push(s, line, col, index);
    it->what = SINK_SKIP;
    it->reason = sink_keep(s, reason, strlen(reason));
}

/* How many records ahead sink_replay asks for the id index's slot. */
#define PREFETCH_AHEAD 8

static void sink_prefetch(LoadContext *ctx, const LoadSink *s, size_t k)
{
    if (k >= s->n || s->items[k].what != SINK_EVENT) return;
    EventInput in = s->items[k].in;
    in.id = sink_deref(s, in.id);
    in.file = ctx->file;
    events_prefetch(ctx->set, &in);
}

/* Adds the buffered records to the set as load_record and load_skip
 * would have, at positions made absolute from the chunk's start `base`.
 * Stops when the context is cancelled (or full). */
static void sink_replay(LoadContext *ctx, LoadSink *s, const LoadSplitPos *base)
{
    for (size_t k = 0; k < PREFETCH_AHEAD; k++) sink_prefetch(ctx, s, k);
    for (size_t k = 0; k < s->n && !ctx->cancelled; k++) {
        sink_prefetch(ctx, s, k + PREFETCH_AHEAD);
        SinkItem *it = &s->items[k];
        size_t line = it->line == 0 ? 0 : base->line + it->line - 1;
        size_t col = it->col == 0 ? 0 : it->line <= 1 ? base->col + it->col - 1 : it->col;
        size_t index = it->index == 0 ? 0 : base->index + it->index - 1;
        if (it->what == SINK_SKIP) {
            load_skip(ctx, line, col, index, s->text + it->reason);
        } else if (it->what == SINK_REFUSED) {
            load_event(ctx, NULL, RECORD_GENERIC, line, col, index, s->text + it->reason);
        } else {
            EventInput in = it->in;
#define SINK_BACK(name) in.name = sink_deref(s, in.name);
            SINK_STRINGS(SINK_BACK)
#undef SINK_BACK
            in.notes = sink_deref(s, in.notes);
            in.batch = &s->batch;
            load_event(ctx, &in, (RecordKind)it->kind, line, col, index, NULL);
        }
    }
}

static void sink_reset(LoadSink *s)
{
    s->n = 0;
    s->len = 0;
    s->ntuples = 0;
    hashtab_clear(&s->tuple_index);
    events_batch_clear(&s->batch);
}

static void sink_free(LoadSink *s)
{
    free(s->items);
    free(s->text);
    free(s->tuples);
    hashtab_free(&s->tuple_index);
    events_batch_free(&s->batch);
}

/* ------------------------------------------------------------------------- */
/* The pipeline                                                              */
/* ------------------------------------------------------------------------- */

enum { SLOT_FREE, SLOT_BUSY, SLOT_READY };

typedef struct Slot {
    LoadChunk chunk;
    LoadSink sink;
    int state;
} Slot;

typedef struct Pipeline {
    LoadContext *ctx;
    LoadContext worker;          /* what a worker's context starts as (never
                                    written while the workers run) */
    const LoadSplitFormat *format;
    uint64_t from, size, len;
    size_t nchunks;
    pthread_mutex_t lock;
    pthread_cond_t work, ready;
    Slot *slots;
    size_t nslots;
    size_t next;                 /* the next chunk a worker takes */
    bool stop;
} Pipeline;

uint64_t load_split_overrun(const LoadContext *ctx)
{
    return ctx->chunk < (32u << 10) ? 64u << 10 : 2 * ctx->chunk;
}

static void chunk_bounds(const Pipeline *p, size_t n, LoadChunk *c)
{
    uint64_t a = p->from + (uint64_t)n * p->size, b = a + p->size;
    c->start = n == 0 ? p->from : p->format->guess(p->ctx->map, p->len, a);
    c->bound = n + 1 >= p->nchunks || b >= p->len ? p->len
                                                  : p->format->guess(p->ctx->map, p->len, b);
}

/* Parses chunk c (start and bound set) into sink, in a worker's context. */
static void chunk_parse(const Pipeline *p, LoadChunk *c, LoadSink *sink)
{
    sink_reset(sink);
    if (c->start >= c->bound && c->bound < p->len) {
        c->stop = LOAD_CHUNK_MORE;               /* nothing starts in it */
        c->end = c->start;
        c->end_line = c->end_col = 1;
        c->records = 0;
        return;
    }
    LoadContext *worker = xmalloc(sizeof *worker);
    *worker = p->worker;
    worker->sink = sink;
    p->format->parse(p->format->state, worker, c);
    free(worker);
}

/* Gives back the map's pages wholly inside [from, to): they are in the
 * page cache, and what the process holds of them counts as its memory. A
 * page dropped is read again from the page cache if wanted (a chunk parsed
 * again, the serial loader), so this is only about memory. Returns `to`
 * rounded down to a page: the end of what was given back. */
static uint64_t give_back(const LoadContext *ctx, uint64_t from, uint64_t to)
{
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
    from = (from + page - 1) / page * page;
    to = to / page * page;
    if (to > from) madvise((void *)(ctx->map + from), (size_t)(to - from), MADV_DONTNEED);
    return to;
}

/* Gives back the pages of what chunk c read once its records are copied
 * into its sink: a parse's pages are held while it runs, not until the
 * loading thread has added its records. */
static void drop_read(const LoadContext *ctx, const LoadChunk *c)
{
    give_back(ctx, c->start, c->end);
}

/* How much nicer than the loading thread a worker is. */
#define WORKER_NICE 3

/* Makes the calling worker yield to the loading thread. That thread adds
 * the chunks' records in file order; while it is behind, the ring fills
 * and the workers wait, and with three threads on two cores a core then
 * stands idle (a tenth of a 1M-row CSV load on this machine's 2 cores).
 * Given the core first, it is rarely behind. Linux keeps a nice value per
 * thread; elsewhere setpriority would change the whole process's, so
 * nothing is done. */
static void worker_yield(void)
{
#if defined(__linux__) && defined(SYS_gettid)
    id_t tid = (id_t)syscall(SYS_gettid);
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, nice + WORKER_NICE > 19 ? 19 : nice + WORKER_NICE);
#endif
}

static void *worker_main(void *arg)
{
    Pipeline *p = arg;
    worker_yield();
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && p->next < p->nchunks &&
               p->slots[p->next % p->nslots].state != SLOT_FREE)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stop || p->next >= p->nchunks) break;
        size_t n = p->next++;
        Slot *slot = &p->slots[n % p->nslots];
        slot->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->lock);
        chunk_bounds(p, n, &slot->chunk);
        chunk_parse(p, &slot->chunk, &slot->sink);
        drop_read(p->ctx, &slot->chunk);
        pthread_mutex_lock(&p->lock);
        slot->state = SLOT_READY;
        pthread_cond_broadcast(&p->ready);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* The position of a chunk's end, from its start's and the chunk's counts. */
static void advance(LoadSplitPos *pos, const LoadChunk *c)
{
    pos->offset = c->end;
    pos->col = c->end_line <= 1 ? pos->col + c->end_col - 1 : c->end_col;
    pos->line += c->end_line - 1;
    pos->index += c->records;
}

/* Gives back the map's pages before offset not given back yet (the
 * pages chunks share at their edges, and those a chunk parsed again here
 * read). */
static void release_pages(LoadContext *ctx, uint64_t *released, uint64_t offset)
{
    uint64_t to = give_back(ctx, *released, offset);
    if (to > *released) *released = to;
}

/* Sizes the set's hash tables for the events the rest of the file holds,
 * at the density of the first chunk (events per byte). */
static void reserve(LoadContext *ctx, size_t events, uint64_t bytes, uint64_t rest)
{
    double estimate = (double)events * (double)rest / (double)bytes;
    if (estimate > (double)ctx->max_events) estimate = (double)ctx->max_events;
    if (estimate >= 1) events_reserve(ctx->set, (size_t)estimate);
}

LoadSplitStop load_split_run(LoadContext *ctx, const LoadSplitFormat *format,
                             LoadSplitPos from, LoadSplitPos *at)
{
    Pipeline p = {.ctx = ctx, .format = format, .from = from.offset, .len = ctx->map_len,
                  .size = ctx->chunk};
    p.nchunks = (size_t)((p.len - p.from + p.size - 1) / p.size);
    p.worker = *ctx;
    p.worker.set = NULL;
    p.worker.report = NULL;
    p.worker.progress = NULL;
    p.worker.threads_used = NULL;
    p.nslots = ctx->threads + 1;
    p.slots = xcalloc(p.nslots, sizeof *p.slots);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.ready, NULL);
    unsigned nthreads = ctx->threads;
    pthread_t *threads = xcalloc(nthreads, sizeof *threads);
    unsigned started = 0;
    for (; started < nthreads; started++)
        if (pthread_create(&threads[started], NULL, worker_main, &p) != 0) break;

    if (ctx->threads_used != NULL) *ctx->threads_used = started > 0 ? started : 1;
    LoadSplitPos pos = from;
    LoadSplitStop stop = LOAD_SPLIT_SERIAL;       /* ran out of chunks */
    uint64_t released = 0;
    for (size_t n = 0; n < p.nchunks; n++) {
        Slot *slot = &p.slots[n % p.nslots];
        pthread_mutex_lock(&p.lock);
        if (started == 0 && slot->state == SLOT_FREE) {
            /* No thread could be started: this thread parses. */
            slot->state = SLOT_BUSY;
            p.next = n + 1;
            pthread_mutex_unlock(&p.lock);
            chunk_bounds(&p, n, &slot->chunk);
            chunk_parse(&p, &slot->chunk, &slot->sink);
            pthread_mutex_lock(&p.lock);
            slot->state = SLOT_READY;
        }
        while (slot->state != SLOT_READY) pthread_cond_wait(&p.ready, &p.lock);
        pthread_mutex_unlock(&p.lock);

        LoadChunk *c = &slot->chunk;
        bool skip = pos.offset >= c->bound;       /* an earlier record ran past it */
        if (!skip && c->start != pos.offset) {
            c->start = pos.offset;                /* a wrong guess: parse it again */
            chunk_parse(&p, c, &slot->sink);
        }
        LoadChunkStop chunk_stop = c->stop;         /* the slot is reused once free */
        if (!skip) {
            size_t before = ctx->set->count;
            sink_replay(ctx, &slot->sink, &pos);
            if (n == 0 && c->end > c->start && c->end < p.len)
                reserve(ctx, ctx->set->count - before, c->end - c->start, p.len - c->end);
            advance(&pos, c);
            release_pages(ctx, &released, pos.offset);
        }
        pthread_mutex_lock(&p.lock);
        slot->state = SLOT_FREE;
        pthread_cond_broadcast(&p.work);
        pthread_mutex_unlock(&p.lock);
        if (!skip && !load_tick(ctx, pos.offset)) ctx->cancelled = true;
        if (ctx->cancelled) {
            stop = LOAD_SPLIT_FAILED;
            break;
        }
        if (!skip && chunk_stop != LOAD_CHUNK_MORE) {
            stop = chunk_stop == LOAD_CHUNK_END ? LOAD_SPLIT_DONE : LOAD_SPLIT_SERIAL;
            break;
        }
    }
    pthread_mutex_lock(&p.lock);
    p.stop = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.lock);
    for (unsigned i = 0; i < started; i++) pthread_join(threads[i], NULL);
    free(threads);
    for (size_t i = 0; i < p.nslots; i++) sink_free(&p.slots[i].sink);
    free(p.slots);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.ready);
    pthread_mutex_destroy(&p.lock);
    *at = pos;
    return stop;
}

/* ------------------------------------------------------------------------- */
/* The map                                                                   */
/* ------------------------------------------------------------------------- */

void load_split_map(LoadContext *ctx, const Config *cfg, int fd, uint64_t size)
{
    unsigned threads = cfg->load_threads;
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n < 1 ? 1 : n > CONFIG_MAX_LOAD_THREADS ? CONFIG_MAX_LOAD_THREADS
                                                          : (unsigned)n;
    }
    uint64_t chunk = cfg->load_chunk ? cfg->load_chunk : CONFIG_LOAD_CHUNK;
    ctx->map = NULL;
    if (threads < 2 || size < 2 * chunk || size > SIZE_MAX) return;
    void *map = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) return;                /* read serially */
    madvise(map, (size_t)size, MADV_SEQUENTIAL);
    ctx->map = map;
    ctx->map_len = size;
    ctx->threads = threads;
    ctx->chunk = chunk;
}

void load_split_unmap(LoadContext *ctx)
{
    if (ctx->map != NULL) munmap((void *)ctx->map, (size_t)ctx->map_len);
    ctx->map = NULL;
}

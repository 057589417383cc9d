/*
 * cache: binary caches of loaded files. See cache.h; the file layout and
 * its hash are in cache_format.h.
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive_input.h"
#include "cache_format.h"
#include "date.h"
#include "xalloc.h"

#define HEAD_BYTES 65536
#define PATH_HASH_SEED 0x84222325CBF29CE4ull   /* names cache files */

/* ------------------------------------------------------------------------- */
/* Hashing                                                                   */
/* ------------------------------------------------------------------------- */

bool cache_source_identify(int fd, CacheSource *out)
{
    struct stat st;
    memset(out, 0, sizeof *out);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    out->dev = (uint64_t)st.st_dev;
    out->ino = (uint64_t)st.st_ino;
    out->size = (uint64_t)st.st_size;
    out->mtime_sec = st.st_mtim.tv_sec;
    out->mtime_nsec = st.st_mtim.tv_nsec;
    out->ctime_sec = st.st_ctim.tv_sec;
    out->ctime_nsec = st.st_ctim.tv_nsec;
    char *buf = xmalloc(HEAD_BYTES);
    size_t n = 0;
    while (n < HEAD_BYTES) {
        ssize_t got = pread(fd, buf + n, HEAD_BYTES - n, (off_t)n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            free(buf);
            return false;
        }
        if (got == 0) break;
        n += (size_t)got;
    }
    out->head_hash = cache_hash_more(CACHE_HASH_SEED, buf, n);
    free(buf);
    return true;
}

bool cache_source_same(const CacheSource *a, const CacheSource *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
           a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec &&
           a->head_hash == b->head_hash;
}

/* ------------------------------------------------------------------------- */
/* Stale temporaries                                                         */
/* ------------------------------------------------------------------------- */

/* Whether name is prefix...tail followed by 6 letters or digits. */
static bool temp_name(const char *name, const char *prefix, const char *tail)
{
    size_t len = strlen(name), plen = strlen(prefix), tlen = strlen(tail);
    if (len < plen + tlen + 6 || strncmp(name, prefix, plen) != 0 ||
        strncmp(name + len - 6 - tlen, tail, tlen) != 0)
        return false;
    for (size_t i = len - 6; i < len; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
              (name[i] >= '0' && name[i] <= '9')))
            return false;
    return true;
}

int cache_remove_stale_temps(const char *dir, const char *prefix, const char *tail)
{
    DIR *d = opendir(dir);
    if (d == NULL) return 0;
    int removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (!temp_name(name, prefix, tail)) continue;
        int fd = openat(dirfd(d), name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat st;
        /* Only our own regular files; an unlocked one has no live writer. */
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
            flock(fd, LOCK_EX | LOCK_NB) == 0 && unlinkat(dirfd(d), name, 0) == 0)
            removed++;
        close(fd);
    }
    closedir(d);
    return removed;
}

/* ------------------------------------------------------------------------- */
/* Where                                                                     */
/* ------------------------------------------------------------------------- */

bool cache_wanted(const Config *cfg, uint64_t source_size)
{
    return cfg != NULL && cfg->cache && cfg->cache_dir[0] != '\0' &&
           source_size >= cfg->cache_min;
}

/* mkdir -p with mode 0700 for what it makes; true when dir is there. */
static bool make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) return false;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) return false;
        *p = '/';
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return false;
    /* A directory that others may write to (or not ours, or a symlink)
     * could be given caches that are not ours: not used. */
    struct stat st;
    return lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
           (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool cache_path(const Config *cfg, const char *source, char *out, size_t cap)
{
    char real[PATH_MAX + ARCHIVE_NAME_MAX], archive[ARCHIVE_NAME_MAX];
    const char *member = NULL;
    if (cfg == NULL || cfg->cache_dir[0] != '/' || !make_dirs(cfg->cache_dir))
        return false;
    /* A zip member ("FILE.zip:member.csv"): the archive's real path and
     * the member name. */
    if (archive_split(source, archive, sizeof archive, &member)) {
        if (realpath(archive, real) == NULL) return false;
        size_t len = strlen(real);
        snprintf(real + len, sizeof real - len, ":%s", member);
    } else if (realpath(source, real) == NULL) {
        return false;
    }
    uint64_t key = cache_hash_more(PATH_HASH_SEED, real, strlen(real));
    return snprintf(out, cap, "%s/%016llx.smc", cfg->cache_dir, (unsigned long long)key) <
           (int)cap;
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

/* Where each hashed section of a set is in memory, in file order. */
static void set_sections(const EventSet *s, const void *at[CACHE_HASHED_SECTIONS])
{
    size_t k = 0;
#define COLUMN_AT(type, name) at[k++] = s->name;
    EVENTS_COLUMNS(COLUMN_AT)
#undef COLUMN_AT
    at[CACHE_SECTION_POOL] = s->strings.data;
    at[CACHE_SECTION_IDS] = s->ids.data;
    at[CACHE_SECTION_ACTORS] = s->actor_tuples.values;
    at[CACHE_SECTION_PLACES] = s->place_tuples.values;
    at[CACHE_SECTION_PROVS] = s->prov_tuples.values;
    at[CACHE_SECTION_RANGES] = s->fat_ranges;
}

typedef struct Writer {
    FILE *f;
    uint64_t hash;
    bool ok;
} Writer;

static void put(Writer *w, const void *data, size_t n)
{
    if (!w->ok || n == 0) return;
    w->hash = cache_hash_section(w->hash, data, n);
    if (fwrite(data, 1, n, w->f) != n) w->ok = false;
}

bool cache_store(const Config *cfg, EventSet *set, const char *source,
                 const CacheSource *read, const LoadReport *report, Error *err)
{
    char path[PATH_MAX], tmp[PATH_MAX + 16];
    if (set->nfiles != 1 || !set->sorted)
        return error_set(err, "only a single finished file is cached");
    if (!cache_path(cfg, source, path, sizeof path))
        return error_set(err, "no cache directory");
    cache_remove_stale_temps(cfg->cache_dir, "", ".smc.");
    CacheHeader h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, CACHE_MAGIC, sizeof h.magic);
    h.version = CACHE_VERSION;
    h.column_bytes = (uint32_t)events_column_bytes();
    h.source_size = read->size;
    h.mtime_sec = read->mtime_sec;
    h.mtime_nsec = read->mtime_nsec;
    h.head_hash = read->head_hash;
    h.source_dev = read->dev;
    h.source_ino = read->ino;
    h.ctime_sec = read->ctime_sec;
    h.ctime_nsec = read->ctime_nsec;
    h.count = set->count;
    h.pool_len = set->strings.len;
    h.ids_len = set->ids.len;
    h.actors = set->actor_tuples.count;
    h.places = set->place_tuples.count;
    h.provs = set->prov_tuples.count;
    h.notes_len = set->notes_store.size;
    h.ranges = set->nfat_ranges;
    h.report = *report;

    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) return error_set(err, "cannot write the cache: %s", strerror(errno));
    flock(fd, LOCK_EX);             /* held until closed: not stale while written */
    Writer w = {fdopen(fd, "wb"), CACHE_HASH_SEED, true};
    if (w.f == NULL) {
        close(fd);
        unlink(tmp);
        return error_set(err, "cannot write the cache");
    }
    /* The header goes first with a zero hash (and is hashed so); it is
     * rewritten with the hash at the end. */
    w.hash = cache_hash_more(w.hash, &h, sizeof h);
    w.ok = fwrite(&h, sizeof h, 1, w.f) == 1;
    const void *at[CACHE_HASHED_SECTIONS];
    uint64_t sizes[CACHE_HASHED_SECTIONS];
    set_sections(set, at);
    cache_section_sizes(&h, sizes);
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++) put(&w, at[k], (size_t)sizes[k]);
    if (w.ok) w.ok = notes_copy_all(&set->notes_store, w.f);
    h.payload_hash = w.hash;
    if (w.ok) w.ok = fseek(w.f, 0, SEEK_SET) == 0 && fwrite(&h, sizeof h, 1, w.f) == 1;
    if (w.ok) w.ok = fflush(w.f) == 0;
    bool renamed = w.ok && rename(tmp, path) == 0;    /* still locked */
    if (fclose(w.f) != 0) w.ok = false;
    if (!renamed || !w.ok) {
        unlink(renamed ? path : tmp);
        return error_set(err, "writing the cache failed");
    }
    return true;
}

/* ------------------------------------------------------------------------- */
/* Reading                                                                   */
/* ------------------------------------------------------------------------- */

typedef struct Reader {
    FILE *f;
    uint64_t hash;
    bool ok;
} Reader;

static void *take(Reader *r, size_t n)
{
    char *p = xmalloc_big(n ? n : 1);         /* a column of a million events */
    /* Read and hashed a piece at a time, as cache_hash_section hashes. */
    for (size_t at = 0; r->ok && at < n; at += CACHE_HASH_PIECE) {
        size_t piece = n - at < CACHE_HASH_PIECE ? n - at : CACHE_HASH_PIECE;
        if (fread(p + at, 1, piece, r->f) != piece) r->ok = false;
        else r->hash = cache_hash_more(r->hash, p + at, piece);
    }
    return p;
}

/* The stored load report must be one this program could have written for
 * these events: strings terminated, counts that add up, each skip reason
 * at a record that was read. */
static bool report_sane(LoadReport *rep, uint64_t count)
{
    if (memchr(rep->format, '\0', sizeof rep->format) == NULL ||
        !error_terminated(&rep->error) ||
        rep->nreasons > LOAD_MAX_REASONS || rep->events != count ||
        rep->read != rep->loaded + rep->skipped ||
        rep->loaded != rep->events + rep->merged + rep->duplicates + rep->conflicts ||
        rep->nreasons > rep->skipped || !error_terminated(&rep->conflict) ||
        rep->earlier != 0 || rep->nfrom != 0 || rep->again)   /* a file of its own */
        return false;
    for (size_t r = 0; r < rep->nreasons; r++)
        if (!error_terminated(&rep->reasons[r]) || rep->reasons[r].record > rep->read)
            return false;
    rep->ok = true;
    return true;
}

/* Every index in range, every value sane: a cache that passes its hash
 * but was built wrong (or by hand) still cannot point outside its tables. */
static bool valid(const EventSet *s, const CacheHeader *h)
{
    const uint64_t pool = h->pool_len, ids = h->ids_len;
    if (pool == 0 || s->strings.data[0] != '\0' || s->strings.data[pool - 1] != '\0')
        return false;
    if (ids == 0 || s->ids.data[0] != '\0' || s->ids.data[ids - 1] != '\0') return false;
    const int32_t day_min = date_from_ymd(DATE_MIN_YEAR, 1, 1);
    const int32_t day_max = date_from_ymd(DATE_MAX_YEAR, 12, 31);
    const int32_t lat_max = 90 * 10000000, lon_max = 180 * 10000000;
    size_t r = 0;                        /* the side table's next entry */
    for (size_t i = 0; i < s->count; i++) {
        uint64_t note_end = (s->notes[i] >> 24) + (s->notes[i] & NOTES_MAX_LEN);
        int32_t low = s->fat[i], high = s->fat[i];
        /* Each event with a range has the next entry, the others none:
         * the entries are then in order, one per flagged event. */
        if (s->flags[i] & EVENT_FLAG_RANGE) {
            if (r >= s->nfat_ranges) return false;
            const EventsFatRange *e = &s->fat_ranges[r];
            if (e->index != i || e->span > UINT16_MAX ||
                (e->low == s->fat[i] && e->high == s->fat[i] && e->span == 0))
                return false;
            low = e->low;
            high = e->high;
            r++;
        }
        if (s->lat_e7[i] < -lat_max || s->lat_e7[i] > lat_max ||
            s->lon_e7[i] < -lon_max || s->lon_e7[i] > lon_max ||
            (s->lat_e7[i] == 0 && s->lon_e7[i] == 0) ||
            s->day[i] < day_min || s->day[i] > day_max ||
            (i > 0 && s->day[i] < s->day[i - 1]) ||
            s->fat[i] < 0 || low < 0 || low > s->fat[i] || high > 1000000 ||
            high < s->fat[i] || s->id[i] >= ids ||
            s->actors[i] >= h->actors || s->place[i] >= h->places ||
            s->prov[i] >= h->provs || note_end > h->notes_len ||
            s->type[i] >= EVENT_TYPE_COUNT || s->sub_type[i] >= SUB_COUNT ||
            events_disorder(s, i) >= DISORDER_COUNT || (s->codes[i] & 0x80) != 0 ||
            events_date_prec(s, i) < 1 ||
            events_date_prec(s, i) > 3 || events_geo_prec(s, i) < 1 || events_geo_prec(s, i) > 3)
            return false;
    }
    if (r != s->nfat_ranges) return false;   /* an entry of no flagged event */
    const TupleTable *tables[3] = {&s->actor_tuples, &s->place_tuples, &s->prov_tuples};
    for (int t = 0; t < 3; t++) {
        const TupleTable *tt = tables[t];
        for (size_t k = 0; k < tt->count * tt->arity; k++)
            if (tt->values[k] >= pool) return false;
        for (unsigned a = 0; a < tt->arity; a++)
            if (tt->values[a] != 0) return false;          /* tuple 0 is zero */
    }
    for (size_t k = 0; k < s->prov_tuples.count; k++)
        if (s->prov_tuples.values[k * CACHE_PROV_ARITY + CACHE_PROV_FILE] != 0)
            return false;                                   /* file 0 */
    return true;
}

bool cache_load(const Config *cfg, EventSet *set, const char *source,
                const CacheSource *now, LoadReport *report, const char **why)
{
    char path[PATH_MAX];
    struct stat cst;
    *why = "no cache";
    if (set->count != 0 || set->nfiles != 0 || !cache_path(cfg, source, path, sizeof path))
        return false;
    /* Never blocks on a FIFO, never follows a link; only a regular file of
     * ours is read. */
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    if (fstat(fd, &cst) != 0 || !S_ISREG(cst.st_mode) || cst.st_uid != geteuid()) {
        close(fd);
        *why = "not a regular file";
        return false;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        close(fd);
        return false;
    }
    CacheHeader h;
    if (fread(&h, sizeof h, 1, f) != 1 || memcmp(h.magic, CACHE_MAGIC, sizeof h.magic) != 0 ||
        h.version != CACHE_VERSION || h.column_bytes != events_column_bytes()) {
        fclose(f);
        *why = "corrupt";
        return false;
    }
    CacheSource then = {.dev = h.source_dev, .ino = h.source_ino, .size = h.source_size,
                        .mtime_sec = h.mtime_sec, .mtime_nsec = h.mtime_nsec,
                        .ctime_sec = h.ctime_sec, .ctime_nsec = h.ctime_nsec,
                        .head_hash = h.head_hash};
    if (!cache_source_same(&then, now)) {
        fclose(f);
        *why = "source changed";
        return false;
    }
    /* The sizes must add up to the file before anything is allocated; each
     * is bounded first, so the sum cannot wrap around. */
    uint64_t file = (uint64_t)cst.st_size;
    bool sized = cache_counts_bounded(&h) && h.actors != 0 && h.places != 0 &&
                 h.provs != 0 && file >= sizeof h;
    uint64_t payload = sized ? cache_payload_bytes(&h) : 0;
    if (!sized || payload > file - sizeof h || h.notes_len != file - sizeof h - payload ||
        !report_sane(&h.report, h.count)) {
        fclose(f);
        *why = "corrupt";
        return false;
    }

    EventSet s;
    events_init(&s);
    CacheHeader unhashed = h;
    unhashed.payload_hash = 0;
    Reader r = {f, cache_hash_more(CACHE_HASH_SEED, &unhashed, sizeof unhashed), true};
    uint64_t sizes[CACHE_HASHED_SECTIONS];
    void *at[CACHE_HASHED_SECTIONS];
    cache_section_sizes(&h, sizes);
    for (size_t k = 0; k < CACHE_HASHED_SECTIONS; k++) at[k] = take(&r, (size_t)sizes[k]);
    size_t column = 0;
#define ADOPT_COLUMN(type, name) \
    free(s.name);                \
    s.name = at[column++];
    EVENTS_COLUMNS(ADOPT_COLUMN)
#undef ADOPT_COLUMN
    s.count = s.cap = (size_t)h.count;
    s.fat_ranges = at[CACHE_SECTION_RANGES];
    s.nfat_ranges = s.fat_ranges_cap = (size_t)h.ranges;
    strpool_adopt(&s.strings, at[CACHE_SECTION_POOL], (size_t)h.pool_len);
    strpool_adopt(&s.ids, at[CACHE_SECTION_IDS], (size_t)h.ids_len);
    tuples_adopt(&s.actor_tuples, at[CACHE_SECTION_ACTORS], (size_t)h.actors);
    tuples_adopt(&s.place_tuples, at[CACHE_SECTION_PLACES], (size_t)h.places);
    tuples_adopt(&s.prov_tuples, at[CACHE_SECTION_PROVS], (size_t)h.provs);
    s.sorted = true;
    if (!r.ok || r.hash != h.payload_hash || !valid(&s, &h)) {
        fclose(f);
        events_free(&s);
        *why = "corrupt";
        return false;
    }
    notes_adopt(&s.notes_store, f, sizeof h + payload, h.notes_len);
    events_add_file(&s, source);
    events_free(set);
    *set = s;
    *report = h.report;
    size_t len = strlen(report->format);
    snprintf(report->format + len, sizeof report->format - len, " (from cache)");
    *why = "";
    return true;
}

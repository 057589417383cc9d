/*
 * cache: binary caches of loaded files. See cache.h.
 *
 * Layout: a CacheHeader, then the event columns (EVENTS_COLUMNS order, count
 * elements each), the string pool, the actor, place and provenance tuples,
 * and the notes. payload_hash covers the header (with the hash as zero)
 * and everything but the notes, whose bytes are only ever shown as text;
 * their offsets are checked instead.
 */
#include "cache.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "xalloc.h"

#define CACHE_VERSION 2
#define HEAD_BYTES 65536
#define DEFAULT_MIN (8u << 20)

typedef struct CacheHeader {
    char magic[8];
    uint32_t version, column_bytes;
    uint64_t source_size;
    int64_t mtime_sec, mtime_nsec;
    uint64_t head_hash;
    uint64_t count, pool_len, actors, places, provs, notes_len;
    uint64_t payload_hash;
    LoadReport report;
} CacheHeader;

static const char MAGIC[8] = {'S', 'M', 'C', 'A', 'C', 'H', 'E', '1'};

/* ------------------------------------------------------------------------- */
/* Hashing                                                                   */
/* ------------------------------------------------------------------------- */

/* A fast 64-bit hash, 8 bytes at a time; `h` carries it across calls. */
static uint64_t hash_more(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

static bool head_hash(const char *path, uint64_t *out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return false;
    char *buf = xmalloc(HEAD_BYTES);
    size_t n = fread(buf, 1, HEAD_BYTES, f);
    fclose(f);
    *out = hash_more(0xCBF29CE484222325ull, buf, n);
    free(buf);
    return true;
}

/* ------------------------------------------------------------------------- */
/* Where                                                                     */
/* ------------------------------------------------------------------------- */

bool cache_wanted(uint64_t source_size)
{
    const char *off = getenv("SAHELMAP_CACHE");
    if (off != NULL && strcmp(off, "0") == 0) return false;
    const char *min = getenv("SAHELMAP_CACHE_MIN");
    uint64_t limit = min != NULL && min[0] ? strtoull(min, NULL, 10) : DEFAULT_MIN;
    return source_size >= limit;
}

static bool make_dir(const char *dir)
{
    return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

bool cache_path(const char *source, char *out, size_t cap)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg != NULL && xdg[0] == '/') {
        snprintf(dir, sizeof dir, "%s", xdg);
    } else if (home != NULL && home[0] == '/') {
        snprintf(dir, sizeof dir, "%s/.cache", home);
        if (!make_dir(dir)) return false;
    } else {
        return false;
    }
    size_t len = strlen(dir);
    snprintf(dir + len, sizeof dir - len, "/sahelmap");
    if (!make_dir(dir) || realpath(source, real) == NULL) return false;
    uint64_t key = hash_more(0x84222325CBF29CE4ull, real, strlen(real));
    return snprintf(out, cap, "%s/%016llx.smc", dir, (unsigned long long)key) < (int)cap;
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */
/* ------------------------------------------------------------------------- */

typedef struct Writer {
    FILE *f;
    uint64_t hash;
    bool ok;
} Writer;

static void put(Writer *w, const void *data, size_t n)
{
    if (!w->ok || n == 0) return;
    w->hash = hash_more(w->hash, data, n);
    if (fwrite(data, 1, n, w->f) != n) w->ok = false;
}

bool cache_store(EventSet *set, const char *source, const LoadReport *report,
                 Error *err)
{
    char path[PATH_MAX], tmp[PATH_MAX + 16];
    struct stat st;
    if (set->nfiles != 1 || !set->sorted)
        return error_set(err, "only a single finished file is cached");
    if (!cache_path(source, path, sizeof path) || stat(source, &st) != 0)
        return error_set(err, "no cache directory");
    CacheHeader h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, sizeof MAGIC);
    h.version = CACHE_VERSION;
    h.column_bytes = (uint32_t)events_column_bytes();
    h.source_size = (uint64_t)st.st_size;
    h.mtime_sec = st.st_mtim.tv_sec;
    h.mtime_nsec = st.st_mtim.tv_nsec;
    if (!head_hash(source, &h.head_hash)) return error_set(err, "cannot read %s", source);
    h.count = set->count;
    h.pool_len = set->strings.len;
    h.actors = set->actor_tuples.count;
    h.places = set->place_tuples.count;
    h.provs = set->prov_tuples.count;
    h.notes_len = set->notes_store.size;
    h.report = *report;

    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) return error_set(err, "cannot write the cache: %s", strerror(errno));
    Writer w = {fdopen(fd, "wb"), 0xCBF29CE484222325ull, true};
    if (w.f == NULL) {
        close(fd);
        unlink(tmp);
        return error_set(err, "cannot write the cache");
    }
    /* The header goes first with a zero hash (and is hashed so); it is
     * rewritten with the hash at the end. */
    w.hash = hash_more(w.hash, &h, sizeof h);
    w.ok = fwrite(&h, sizeof h, 1, w.f) == 1;
    size_t n = set->count;
#define PUT_COLUMN(type, name) put(&w, set->name, n * sizeof(type));
    EVENTS_COLUMNS(PUT_COLUMN)
#undef PUT_COLUMN
    put(&w, set->strings.data, set->strings.len);
    put(&w, set->actor_tuples.values, h.actors * 4 * sizeof(uint32_t));
    put(&w, set->place_tuples.values, h.places * 5 * sizeof(uint32_t));
    put(&w, set->prov_tuples.values, h.provs * 3 * sizeof(uint32_t));
    if (w.ok) w.ok = notes_copy_all(&set->notes_store, w.f);
    h.payload_hash = w.hash;
    if (w.ok) w.ok = fseek(w.f, 0, SEEK_SET) == 0 && fwrite(&h, sizeof h, 1, w.f) == 1;
    if (w.ok) w.ok = fflush(w.f) == 0;
    if (fclose(w.f) != 0) w.ok = false;
    if (w.ok) w.ok = rename(tmp, path) == 0;
    if (!w.ok) {
        unlink(tmp);
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
    void *p = xmalloc(n ? n : 1);
    if (r->ok && n > 0) {
        if (fread(p, 1, n, r->f) != n) r->ok = false;
        else r->hash = hash_more(r->hash, p, n);
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
        rep->loaded != rep->events + rep->merged + rep->duplicates ||
        rep->nreasons > rep->skipped)
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
    const uint64_t pool = h->pool_len;
    if (pool == 0 || s->strings.data[0] != '\0' || s->strings.data[pool - 1] != '\0')
        return false;
    const int32_t day_min = date_from_ymd(DATE_MIN_YEAR, 1, 1);
    const int32_t day_max = date_from_ymd(DATE_MAX_YEAR, 12, 31);
    for (size_t i = 0; i < s->count; i++) {
        uint64_t note_end = (s->notes[i] >> 24) + (s->notes[i] & NOTES_MAX_LEN);
        if (!(fabs(s->lat[i]) <= 90) || !(fabs(s->lon[i]) <= 180) ||
            (s->lat[i] == 0 && s->lon[i] == 0) ||
            s->day[i] < day_min || s->day[i] > day_max ||
            (i > 0 && s->day[i] < s->day[i - 1]) ||
            s->fat[i] < 0 || s->fat_low[i] < 0 || s->fat_low[i] > s->fat[i] ||
            s->fat_high[i] > 1000000 ||
            s->fat_high[i] < s->fat[i] || s->id[i] >= pool ||
            s->actors[i] >= h->actors || s->place[i] >= h->places ||
            s->prov[i] >= h->provs || note_end > h->notes_len ||
            s->type[i] >= EVENT_TYPE_COUNT || s->sub_type[i] >= SUB_COUNT ||
            s->disorder[i] >= DISORDER_COUNT || s->date_prec[i] < 1 ||
            s->date_prec[i] > 3 || s->geo_prec[i] < 1 || s->geo_prec[i] > 3)
            return false;
    }
    const TupleTable *tables[3] = {&s->actor_tuples, &s->place_tuples, &s->prov_tuples};
    for (int t = 0; t < 3; t++) {
        const TupleTable *tt = tables[t];
        for (size_t k = 0; k < tt->count * tt->arity; k++)
            if (tt->values[k] >= pool) return false;
        for (unsigned a = 0; a < tt->arity; a++)
            if (tt->values[a] != 0) return false;          /* tuple 0 is zero */
    }
    for (size_t k = 0; k < s->prov_tuples.count; k++)
        if (s->prov_tuples.values[k * 3] != 0) return false;   /* file 0 */
    return true;
}

bool cache_load(EventSet *set, const char *source, LoadReport *report,
                const char **why)
{
    char path[PATH_MAX];
    struct stat st, cst;
    *why = "no cache";
    if (set->count != 0 || set->nfiles != 0 || stat(source, &st) != 0 ||
        !cache_path(source, path, sizeof path) || stat(path, &cst) != 0)
        return false;
    FILE *f = fopen(path, "rb");
    if (f == NULL) return false;
    CacheHeader h;
    uint64_t head = 0;
    if (fread(&h, sizeof h, 1, f) != 1 || memcmp(h.magic, MAGIC, sizeof MAGIC) != 0 ||
        h.version != CACHE_VERSION || h.column_bytes != events_column_bytes()) {
        fclose(f);
        *why = "corrupt";
        return false;
    }
    if (h.source_size != (uint64_t)st.st_size || h.mtime_sec != st.st_mtim.tv_sec ||
        h.mtime_nsec != st.st_mtim.tv_nsec || !head_hash(source, &head) ||
        head != h.head_hash) {
        fclose(f);
        *why = "source changed";
        return false;
    }
    /* The sizes must add up to the file before anything is allocated; each
     * is bounded first, so the sum cannot wrap around. */
    uint64_t file = (uint64_t)cst.st_size;
    bool sized = h.count <= UINT32_MAX && h.pool_len <= UINT32_MAX && h.actors != 0 &&
                 h.places != 0 && h.provs != 0 && h.actors <= UINT32_MAX &&
                 h.places <= UINT32_MAX && h.provs <= UINT32_MAX && file >= sizeof h;
    uint64_t payload = sized ? h.count * events_column_bytes() + h.pool_len +
                               (h.actors * 4 + h.places * 5 + h.provs * 3) * sizeof(uint32_t)
                             : 0;
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
    Reader r = {f, hash_more(0xCBF29CE484222325ull, &unhashed, sizeof unhashed), true};
    size_t n = (size_t)h.count;
#define TAKE_COLUMN(type, name) \
    free(s.name);               \
    s.name = take(&r, n * sizeof(type));
    EVENTS_COLUMNS(TAKE_COLUMN)
#undef TAKE_COLUMN
    s.count = s.cap = n;
    strpool_adopt(&s.strings, take(&r, (size_t)h.pool_len), (size_t)h.pool_len);
    tuples_adopt(&s.actor_tuples, take(&r, (size_t)h.actors * 4 * 4), (size_t)h.actors);
    tuples_adopt(&s.place_tuples, take(&r, (size_t)h.places * 5 * 4), (size_t)h.places);
    tuples_adopt(&s.prov_tuples, take(&r, (size_t)h.provs * 3 * 4), (size_t)h.provs);
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

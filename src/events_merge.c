/*
 * events_merge: records whose id is already held. See events_merge.h.
 */
#include "events_merge.h"

#include <stdlib.h>
#include <string.h>

#include "cache_format.h"
#include "check.h"
#include "xalloc.h"

uint32_t events_intern(EventSet *set, const char *s)
{
    return s == NULL ? 0 : strpool_intern(&set->strings, s, strlen(s));
}

static const char *or_empty(const char *s)
{
    return s != NULL ? s : "";
}

static uint16_t file_of(const EventSet *set, size_t i)
{
    return (uint16_t)tuples_get(&set->prov_tuples, set->prov[i])[CACHE_PROV_FILE];
}

static EventIdSpace space_of(const EventSet *set, size_t i)
{
    return (EventIdSpace)((set->flags[i] >> EVENT_FLAG_ID_SHIFT) & 3);
}

/* ------------------------------------------------------------------------- */
/* The id index                                                              */
/* ------------------------------------------------------------------------- */

/* The hash of an id in its space, from the hash of its text: another
 * space (and a file, for file-local ids) moves it by a constant of its
 * own, so equal ids of two spaces land apart. */
static uint64_t id_hash(uint64_t h, EventIdSpace space, uint16_t file)
{
    if (space == EVENTS_ID_ACLED) return h;
    uint64_t salt = (uint64_t)space << 16 | (space == EVENTS_ID_FILE ? file : 0);
    return h ^ (salt * 0x9E3779B97F4A7C15ull);
}

static uint64_t hash_of(const EventSet *set, size_t i)
{
    EventIdSpace space = space_of(set, i);
    const char *id = strpool_get(&set->ids, set->id[i]);
    return id_hash(strpool_hash(id, strlen(id)), space,
                   space == EVENTS_ID_FILE ? file_of(set, i) : 0);
}

static void dedup_rebuild(EventSet *set)
{
    hashtab_clear(&set->dedup);
    hashtab_reserve(&set->dedup, set->count + 1);
    for (size_t i = 0; i < set->count; i++)
        if (set->id[i] != 0) hashtab_add(&set->dedup, hash_of(set, i), (uint32_t)i);
    set->dedup_valid = true;
}

void events_dedup_reserve(EventSet *set, size_t more)
{
    if (!set->dedup_valid) dedup_rebuild(set);
    hashtab_reserve(&set->dedup, set->count + more);
}

size_t events_dedup_find(EventSet *set, const char *id, size_t len, uint64_t text_hash,
                         EventIdSpace space, uint16_t file, HashProbe *probe)
{
    if (!set->dedup_valid) dedup_rebuild(set);
    *probe = hashtab_probe(&set->dedup, id_hash(text_hash, space, file));
    uint32_t i;
    while (hashtab_next(&set->dedup, probe, &i)) {
        const char *held = strpool_get(&set->ids, set->id[i]);
        if (memcmp(held, id, len) == 0 && held[len] == '\0' && space_of(set, i) == space &&
            (space != EVENTS_ID_FILE || file_of(set, i) == file))
            return i;
    }
    return SIZE_MAX;
}

void events_dedup_prefetch(const EventSet *set, uint64_t text_hash, EventIdSpace space,
                           uint16_t file)
{
    if (!set->dedup_valid || set->dedup.slots == NULL) return;
    HashProbe p = hashtab_probe(&set->dedup, id_hash(text_hash, space, file));
    __builtin_prefetch(&set->dedup.slots[p.at]);
}

void events_dedup_insert(EventSet *set, const HashProbe *probe, size_t i)
{
    hashtab_insert(&set->dedup, probe, (uint32_t)i);
}

/* ------------------------------------------------------------------------- */
/* Notes' hashes                                                             */
/* ------------------------------------------------------------------------- */

uint32_t events_notes_hash(const char *s, size_t len)
{
    uint64_t h = cache_hash_more(CACHE_HASH_SEED, or_empty(s), len);   /* 32 bytes a step */
    return (uint32_t)(h ^ h >> 32);
}

/* The record's notes' hash, worked out ahead or now. */
static uint32_t notes_hash(const EventInput *in)
{
    return in->pre.known ? in->pre.notes_hash : events_notes_hash(in->notes, in->notes_len);
}

/* The notes' hashes of the last NOTES_WINDOW events added are kept (in a
 * ring, by index modulo the window): the rows of one event stand together
 * in an export, so a repeat almost always meets its event's hash; an
 * older event's notes are read back from the notes file. */
#define NOTES_WINDOW ((size_t)1 << 16)

void events_merge_note_added(EventSet *set, size_t i, const EventInput *in)
{
    if (set->notes_hash == NULL)
        set->notes_hash = xmalloc(NOTES_WINDOW * sizeof *set->notes_hash);
    if (i != set->hash_from + set->hash_count) {
        set->hash_from = i;                      /* a gap: a cache, a finish */
        set->hash_count = 0;
    }
    set->notes_hash[i & (NOTES_WINDOW - 1)] = notes_hash(in);
    if (++set->hash_count > NOTES_WINDOW) {     /* i - NOTES_WINDOW's slot reused */
        set->hash_from++;
        set->hash_count--;
    }
}

/* Whether event i's notes are the record's. */
static bool notes_equal(EventSet *set, size_t i, const EventInput *in)
{
    size_t len = notes_len(set->notes[i]);
    size_t want = in->notes_len > NOTES_MAX_LEN ? len : in->notes_len;  /* stored cut */
    if (len != want) return false;
    if (len == 0) return true;
    if (i >= set->hash_from && i < set->hash_from + set->hash_count)
        return set->notes_hash[i & (NOTES_WINDOW - 1)] == notes_hash(in);
    /* An event of an earlier load (or a cache): read its notes back. */
    notes_flush(&set->notes_store);
    char *held = notes_get(&set->notes_store, set->notes[i]);
    bool same = memcmp(held, in->notes, len) == 0;
    free(held);
    return same;
}

/* ------------------------------------------------------------------------- */
/* Comparing                                                                 */
/* ------------------------------------------------------------------------- */

bool events_text_equal(const EventSet *set, uint32_t ref, const char *s)
{
    return strcmp(strpool_get(&set->strings, ref), or_empty(s)) == 0;
}

int32_t events_span_of(const EventInput *in)
{
    int32_t span = in->day_end > in->day ? in->day_end - in->day : 0;
    return span > UINT16_MAX ? UINT16_MAX : span;
}

/* The first field beyond the actors in which record in differs from event
 * i, by its ACLED name; NULL when none does. */
static const char *first_difference(EventSet *set, size_t i, const EventInput *in)
{
    if (set->day[i] != in->day) return "event_date";
    if (events_span(set, i) != events_span_of(in)) return "date_end";
    if (set->lat_e7[i] != events_degrees_e7(in->lat)) return "latitude";
    if (set->lon_e7[i] != events_degrees_e7(in->lon)) return "longitude";
    if (set->type[i] != in->type) return "event_type";
    if (set->sub_type[i] != in->sub_type) return "sub_event_type";
    if (events_disorder(set, i) != in->disorder) return "disorder_type";
    if (events_ucdp_type(set, i) != in->ucdp_type) return "type_of_violence";
    if (!(set->flags[i] & EVENT_FLAG_CIVILIAN_TARGETING) != !in->civilian_targeting)
        return "civilian_targeting";
    if (set->fat[i] != in->fatalities) return "fatalities";
    if (events_fat_low(set, i) != in->fatalities_low) return "fatalities_low";
    if (events_fat_high(set, i) != in->fatalities_high) return "fatalities_high";
    if (events_date_prec(set, i) != in->date_precision) return "time_precision";
    if (events_geo_prec(set, i) != in->geo_precision) return "geo_precision";
    static const char *const place_names[CACHE_PLACE_ARITY] = {
        "country", "admin1", "admin2", "admin3", "location"};
    const char *place[CACHE_PLACE_ARITY] = {in->country, in->admin1, in->admin2,
                                            in->admin3, in->location};
    const uint32_t *held = tuples_get(&set->place_tuples, set->place[i]);
    for (int k = 0; k < CACHE_PLACE_ARITY; k++)
        if (!events_text_equal(set, held[k], place[k])) return place_names[k];
    const uint32_t *prov = tuples_get(&set->prov_tuples, set->prov[i]);
    if (!events_text_equal(set, prov[CACHE_PROV_SOURCE], in->source)) return "source";
    if (!events_text_equal(set, prov[CACHE_PROV_SCALE], in->source_scale))
        return "source_scale";
    if (!notes_equal(set, i, in)) return "notes";
    return NULL;
}

/* ------------------------------------------------------------------------- */
/* Actors                                                                    */
/* ------------------------------------------------------------------------- */

/* Whether list ("A; B; C", ACLED's way of naming several associates) holds
 * elem[0..len) as one of its elements. */
static bool list_has(const char *list, const char *elem, size_t len)
{
    for (const char *p = list; *p != '\0';) {
        const char *end = strstr(p, "; ");
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n == len && memcmp(p, elem, len) == 0) return true;
        if (end == NULL) break;
        p = end + 2;
    }
    return false;
}

/* The list held (a ref) with the elements of `add` it lacks appended, up
 * to EVENTS_MAX_JOINED bytes; *capped when something did not fit. */
static uint32_t join_missing(EventSet *set, uint32_t held, const char *add, bool *capped)
{
    const char *have = strpool_get(&set->strings, held);
    size_t len = strlen(have), cap = len + strlen(add) + 3;
    char *out = xmalloc(cap);
    memcpy(out, have, len + 1);
    bool grew = false;
    for (const char *p = add; *p != '\0';) {
        const char *end = strstr(p, "; ");
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n > 0 && !list_has(out, p, n)) {
            if (len + 2 + n > EVENTS_MAX_JOINED) {
                *capped = true;
                break;
            }
            if (len > 0) {
                memcpy(out + len, "; ", 2);
                len += 2;
            }
            memcpy(out + len, p, n);
            len += n;
            out[len] = '\0';
            grew = true;
        }
        if (end == NULL) break;
        p = end + 2;
    }
    uint32_t ref = grew ? strpool_intern(&set->strings, out, len) : held;
    free(out);
    return ref;
}

/* Joins b to a as "a; b" in the pool (for a third actor of one event). */
static uint32_t join_refs(EventSet *set, uint32_t a, uint32_t b)
{
    if (a == 0) return b;
    if (b == 0) return a;
    const char *sa = strpool_get(&set->strings, a);
    const char *sb = strpool_get(&set->strings, b);
    size_t la = strlen(sa), lb = strlen(sb);
    char *joined = xmalloc(la + lb + 3);
    memcpy(joined, sa, la);
    memcpy(joined + la, "; ", 2);
    memcpy(joined + la + 2, sb, lb);
    uint32_t ref = strpool_intern(&set->strings, joined, la + 2 + lb);
    free(joined);
    return ref;
}

/* A third (fourth...) actor and its associates, joined into assoc_actor_2;
 * but only a few, and only up to a sane length, or rows repeating one id
 * with ever new actors would grow the strings without bound (each join
 * interns a longer string). False when it did not fit. */
static bool join_extra(EventSet *set, uint32_t *assoc2, uint32_t actor, uint32_t assoc)
{
    const char *joined = strpool_get(&set->strings, *assoc2);
    int joins = 0;
    for (const char *p = joined; (p = strstr(p, "; ")) != NULL; p += 2) joins++;
    if (joins >= 2 * EVENTS_MAX_EXTRA_ACTORS || strlen(joined) > EVENTS_MAX_JOINED)
        return false;
    *assoc2 = join_refs(set, *assoc2, actor);
    *assoc2 = join_refs(set, *assoc2, assoc);
    return true;
}

EventsAddResult events_merge_row(EventSet *set, size_t i, const EventInput *in,
                                 EventsAddInfo *info)
{
    info->held = i;
    info->held_file = file_of(set, i);
    if (info->held_file != in->file) {
        /* Each event of an earlier file counts once per file. */
        if (set->seen_file != in->file) {
            hashtab_clear(&set->seen);
            set->seen_file = in->file;
        }
        HashProbe p = hashtab_probe(&set->seen, i);
        uint32_t v;
        info->first_in_file = true;
        while (hashtab_next(&set->seen, &p, &v))
            if (v == i) info->first_in_file = false;
        if (info->first_in_file) hashtab_insert(&set->seen, &p, (uint32_t)i);
    }
    info->differs = first_difference(set, i, in);
    if (info->differs != NULL) return EVENTS_CONFLICT;

    const uint32_t *held = tuples_get(&set->actor_tuples, set->actors[i]);
    uint32_t a[CACHE_ACTOR_ARITY] = {held[0], held[1], held[2], held[3]};
    const char *const pairs[2][2] = {{in->actor1, in->assoc_actor1},
                                     {in->actor2, in->assoc_actor2}};
    bool exact = true, capped = false;
    bool any = false;
    for (int side = 0; side < 2; side++) {
        const char *actor = or_empty(pairs[side][0]), *assoc = or_empty(pairs[side][1]);
        if (actor[0] == '\0') {
            if (assoc[0] != '\0') exact = false;     /* associates of no one */
            continue;
        }
        any = true;
        uint32_t ref = events_intern(set, actor), aref = events_intern(set, assoc);
        if (ref == a[0] || ref == a[2]) {
            int slot = ref == a[0] ? 1 : 3;
            if (aref == a[slot]) continue;           /* the same actor, the same associates */
            exact = false;
            a[slot] = join_missing(set, a[slot], assoc, &capped);
        } else if (a[2] == 0) {
            exact = false;
            a[2] = ref;
            a[3] = aref;
        } else {
            exact = false;
            const char *extra = strpool_get(&set->strings, a[3]);
            if (list_has(extra, actor, strlen(actor)))
                a[3] = join_missing(set, a[3], assoc, &capped);
            else if (!join_extra(set, &a[3], ref, aref))
                capped = true;
        }
    }
    if (!any && a[0] != 0) exact = false;            /* a row naming no actor */
    /* Capped or not, a row that is no exact repeat is a merged row: what
     * fitted of its actors is kept. */
    if (exact) return EVENTS_DUPLICATE;
    set->undo = xgrow(set->undo, &set->undo_cap, set->undo_len + 1, sizeof *set->undo);
    set->undo[set->undo_len++] = (EventsUndo){(uint32_t)i, set->actors[i], set->flags[i]};
    set->actors[i] = tuples_intern(&set->actor_tuples, a);
    set->flags[i] |= EVENT_FLAG_MERGED;
    return EVENTS_MERGED;
}

/* ------------------------------------------------------------------------- */
/* Load-time state                                                           */
/* ------------------------------------------------------------------------- */

void events_merge_rollback(EventSet *set, size_t count)
{
    set->dedup_valid = false;
    hashtab_clear(&set->seen);
    set->seen_file = EVENTS_NO_FILE;
    if (count <= set->hash_from) {
        set->hash_from = count;
        set->hash_count = 0;
    } else if (count < set->hash_from + set->hash_count) {
        set->hash_count = count - set->hash_from;
    }
}

void events_merge_finish(EventSet *set)
{
    hashtab_free(&set->dedup);
    set->dedup_valid = false;
    hashtab_free(&set->seen);
    set->seen_file = EVENTS_NO_FILE;
    free(set->notes_hash);
    set->notes_hash = NULL;
    set->hash_from = set->hash_count = 0;
}

/* ------------------------------------------------------------------------- */
/* Files                                                                     */
/* ------------------------------------------------------------------------- */

static uint64_t file_hash(uint64_t dev, uint64_t ino)
{
    return ino * 0x9E3779B97F4A7C15ull ^ dev;
}

/* Puts file f in the index of identities, unless its identity is not
 * known or an earlier file has it (the first file holds it). */
static void index_file(EventSet *set, size_t f)
{
    const EventsFileKey *k = &set->file_keys[f];
    if ((k->dev != 0 || k->ino != 0) && events_file_find(set, k->dev, k->ino) == EVENTS_NO_FILE)
        hashtab_add(&set->file_index, file_hash(k->dev, k->ino), (uint32_t)f);
}

void events_file_identify(EventSet *set, uint16_t file, uint64_t dev, uint64_t ino)
{
    SM_ASSERT(file < set->nfiles);
    set->file_keys[file] = (EventsFileKey){dev, ino};
    index_file(set, file);
}

uint16_t events_file_find(const EventSet *set, uint64_t dev, uint64_t ino)
{
    if (dev == 0 && ino == 0) return EVENTS_NO_FILE;
    HashProbe p = hashtab_probe(&set->file_index, file_hash(dev, ino));
    uint32_t f;
    while (hashtab_next(&set->file_index, &p, &f))
        if (f < set->nfiles && set->file_keys[f].dev == dev && set->file_keys[f].ino == ino)
            return (uint16_t)f;
    return EVENTS_NO_FILE;
}

void events_files_reindex(EventSet *set)
{
    hashtab_clear(&set->file_index);
    for (size_t f = 0; f < set->nfiles; f++) index_file(set, f);
}

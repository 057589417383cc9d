/*
 * events: columnar event store. See events.h.
 */
#include "events.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cache_format.h"
#include "events_fat.h"
#include "events_merge.h"
#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* Enum names                                                                */
/* ------------------------------------------------------------------------- */

static const char *const type_names[EVENT_TYPE_COUNT] = {
    "Unknown", "Battles", "Explosions/Remote violence",
    "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
};

/* Short names for the command line and view files. */
static const char *const type_keys[EVENT_TYPE_COUNT] = {
    "unknown", "battles", "explosions", "violence", "protests", "riots", "strategic",
};

static const struct {
    const char *name;
    EventType parent;
} sub_types[SUB_COUNT] = {
    {"", EVENT_UNKNOWN},
    {"Armed clash", EVENT_BATTLES},
    {"Government regains territory", EVENT_BATTLES},
    {"Non-state actor overtakes territory", EVENT_BATTLES},
    {"Chemical weapon", EVENT_EXPLOSIONS},
    {"Air/drone strike", EVENT_EXPLOSIONS},
    {"Suicide bomb", EVENT_EXPLOSIONS},
    {"Shelling/artillery/missile attack", EVENT_EXPLOSIONS},
    {"Remote explosive/landmine/IED", EVENT_EXPLOSIONS},
    {"Grenade", EVENT_EXPLOSIONS},
    {"Sexual violence", EVENT_VIOLENCE_CIVILIANS},
    {"Attack", EVENT_VIOLENCE_CIVILIANS},
    {"Abduction/forced disappearance", EVENT_VIOLENCE_CIVILIANS},
    {"Peaceful protest", EVENT_PROTESTS},
    {"Protest with intervention", EVENT_PROTESTS},
    {"Excessive force against protesters", EVENT_PROTESTS},
    {"Violent demonstration", EVENT_RIOTS},
    {"Mob violence", EVENT_RIOTS},
    {"Agreement", EVENT_STRATEGIC},
    {"Arrests", EVENT_STRATEGIC},
    {"Change to group/activity", EVENT_STRATEGIC},
    {"Disrupted weapons use", EVENT_STRATEGIC},
    {"Headquarters or base established", EVENT_STRATEGIC},
    {"Looting/property destruction", EVENT_STRATEGIC},
    {"Non-violent transfer of territory", EVENT_STRATEGIC},
    {"Other", EVENT_STRATEGIC},
};

static const char *const disorder_names[DISORDER_COUNT] = {
    "", "Political violence", "Demonstrations", "Strategic developments",
    "Political violence; Demonstrations",
};

/* Case-insensitive equality that skips backslashes in s (API "\/") and
 * surrounding spaces. */
static bool name_equal(const char *s, const char *name)
{
    while (*s == ' ') s++;
    for (;;) {
        if (*s == '\\') {
            s++;
            continue;
        }
        if (*name == '\0') {
            while (*s == ' ') s++;
            return *s == '\0';
        }
        if (tolower((unsigned char)*s) != tolower((unsigned char)*name))
            return false;
        s++;
        name++;
    }
}

static const char *type_name_at(int k) { return type_names[k]; }
static const char *sub_name_at(int k) { return sub_types[k].name; }
static const char *disorder_name_at(int k) { return disorder_names[k]; }

/* Each list of names by the hash of its names as written, for finding a
 * file's exact spelling with one comparison (a list is at most 25 long):
 * slot[] holds k (from 1) or 0 for none. Made once, for every thread. */
#define NAME_SLOTS 64
_Static_assert(EVENT_TYPE_COUNT < NAME_SLOTS && SUB_COUNT < NAME_SLOTS &&
                   DISORDER_COUNT < NAME_SLOTS && SUB_COUNT <= UINT8_MAX,
               "a list of names fills its index");

typedef struct NameIndex {
    const char *(*name_at)(int);
    int n;
    uint8_t slot[NAME_SLOTS];
} NameIndex;

static NameIndex type_index = {type_name_at, EVENT_TYPE_COUNT, {0}};
static NameIndex sub_index = {sub_name_at, SUB_COUNT, {0}};
static NameIndex disorder_index = {disorder_name_at, DISORDER_COUNT, {0}};
static pthread_once_t names_indexed = PTHREAD_ONCE_INIT;

static size_t name_slot(const char *s)
{
    return (size_t)strpool_hash(s, strlen(s)) & (NAME_SLOTS - 1);
}

static void index_names(NameIndex *ix)
{
    /* In order: of two equal names, the first is found first, as in a
     * walk down the list. */
    for (int k = 1; k < ix->n; k++) {
        size_t at = name_slot(ix->name_at(k));
        while (ix->slot[at] != 0) at = (at + 1) & (NAME_SLOTS - 1);
        ix->slot[at] = (uint8_t)k;
    }
}

static void index_all_names(void)
{
    index_names(&type_index);
    index_names(&sub_index);
    index_names(&disorder_index);
}

/* The k in [1, n) whose name is s, found exactly first (the way files
 * write them, and cheap), then with name_equal's leniency; 0 if none. */
static int name_index(const char *s, NameIndex *ix)
{
    pthread_once(&names_indexed, index_all_names);
    for (size_t at = name_slot(s); ix->slot[at] != 0; at = (at + 1) & (NAME_SLOTS - 1))
        if (strcmp(s, ix->name_at(ix->slot[at])) == 0) return ix->slot[at];
    for (int k = 1; k < ix->n; k++)
        if (name_equal(s, ix->name_at(k))) return k;
    return 0;
}

const char *events_type_name(EventType type)
{
    return (unsigned)type < EVENT_TYPE_COUNT ? type_names[type] : type_names[0];
}

const char *events_type_short_name(EventType type)
{
    static const char *const short_names[EVENT_TYPE_COUNT] = {
        "Unknown", "Battle", "Explosion", "Against civilians", "Protest", "Riot",
        "Strategic dev."};
    return (unsigned)type < EVENT_TYPE_COUNT ? short_names[type] : short_names[0];
}

const char *events_type_key(EventType type)
{
    return (unsigned)type < EVENT_TYPE_COUNT ? type_keys[type] : type_keys[0];
}

EventType events_type_from_key(const char *s)
{
    for (int t = 1; t < EVENT_TYPE_COUNT; t++)
        if (strcmp(s, type_keys[t]) == 0) return (EventType)t;
    return events_type_parse(s);
}

EventType events_type_parse(const char *s)
{
    return (EventType)name_index(s, &type_index);
}

const char *events_sub_type_name(SubEventType sub)
{
    return (unsigned)sub < SUB_COUNT ? sub_types[sub].name : "";
}

SubEventType events_sub_type_parse(const char *s)
{
    return (SubEventType)name_index(s, &sub_index);
}

EventType events_sub_type_parent(SubEventType sub)
{
    return (unsigned)sub < SUB_COUNT ? sub_types[sub].parent : EVENT_UNKNOWN;
}

const char *events_disorder_name(DisorderType d)
{
    return (unsigned)d < DISORDER_COUNT ? disorder_names[d] : "";
}

DisorderType events_disorder_parse(const char *s)
{
    return (DisorderType)name_index(s, &disorder_index);
}

/* ------------------------------------------------------------------------- */
/* Life cycle                                                                */
/* ------------------------------------------------------------------------- */

void events_init(EventSet *set)
{
    memset(set, 0, sizeof *set);
    strpool_init(&set->strings);
    strpool_init(&set->ids);
    tuples_init(&set->actor_tuples, CACHE_ACTOR_ARITY);
    tuples_init(&set->place_tuples, CACHE_PLACE_ARITY);
    tuples_init(&set->prov_tuples, CACHE_PROV_ARITY);
    notes_init(&set->notes_store);
    set->sorted = true;
    set->seen_file = EVENTS_NO_FILE;
}

void events_free(EventSet *set)
{
#define FREE_COLUMN(type, name) free(set->name);
    EVENTS_COLUMNS(FREE_COLUMN)
#undef FREE_COLUMN
    free(set->fat_ranges);
    strpool_free(&set->strings);
    strpool_free(&set->ids);
    tuples_free(&set->actor_tuples);
    tuples_free(&set->place_tuples);
    tuples_free(&set->prov_tuples);
    notes_free(&set->notes_store);
    for (size_t i = 0; i < set->nfiles; i++) free(set->files[i]);
    free(set->files);
    free(set->file_keys);
    hashtab_free(&set->file_index);
    for (int k = 0; k < EVENTS_TUPLE_KINDS; k++) hashtab_free(&set->tuple_memo[k]);
    events_merge_finish(set);
    free(set->undo);
    memset(set, 0, sizeof *set);
}

uint16_t events_add_file(EventSet *set, const char *path)
{
    if (set->nfiles >= EVENTS_NO_FILE) return EVENTS_NO_FILE;
    set->files = xrealloc(set->files, (set->nfiles + 1) * sizeof *set->files);
    set->file_keys = xrealloc(set->file_keys, (set->nfiles + 1) * sizeof *set->file_keys);
    set->files[set->nfiles] = xstrndup(path, strlen(path));
    set->file_keys[set->nfiles] = (EventsFileKey){0, 0};
    return (uint16_t)set->nfiles++;
}

size_t events_column_bytes(void)
{
    size_t bytes = 0;
#define ADD_SIZE(type, name) bytes += sizeof(type);
    EVENTS_COLUMNS(ADD_SIZE)
#undef ADD_SIZE
    return bytes;
}

size_t events_shared_bytes(const EventSet *set)
{
    return strpool_bytes(&set->strings) + strpool_bytes(&set->ids) +
           tuples_bytes(&set->actor_tuples) +
           tuples_bytes(&set->place_tuples) + tuples_bytes(&set->prov_tuples) +
           events_fat_bytes(set);
}

int32_t events_degrees_e7(double degrees)
{
    SM_ASSERT(fabs(degrees) <= 180);
    return (int32_t)llround(degrees * 1e7);
}

/* ------------------------------------------------------------------------- */
/* Adding                                                                    */
/* ------------------------------------------------------------------------- */

static void grow_columns(EventSet *set)
{
    if (set->count < set->cap) return;
    size_t cap = set->cap ? set->cap * 2 : 1024;
#define GROW_COLUMN(type, name) \
    set->name = xrealloc(set->name, cap * sizeof(type));
    EVENTS_COLUMNS(GROW_COLUMN)
#undef GROW_COLUMN
    set->cap = cap;
}

int events_tuple_fields(EventInput *in, int kind, const char **f[EVENTS_TUPLE_STRINGS])
{
    if (kind == EVENTS_TUPLE_ACTORS) {
        f[0] = &in->actor1, f[1] = &in->assoc_actor1;
        f[2] = &in->actor2, f[3] = &in->assoc_actor2;
        return 4;
    }
    if (kind == EVENTS_TUPLE_PLACE) {
        f[0] = &in->country, f[1] = &in->admin1, f[2] = &in->admin2;
        f[3] = &in->admin3, f[4] = &in->location;
        return 5;
    }
    f[0] = &in->source, f[1] = &in->source_scale, f[2] = &in->original_type;
    return 3;
}

static TupleTable *tuple_table(EventSet *set, int kind)
{
    return kind == EVENTS_TUPLE_ACTORS ? &set->actor_tuples
         : kind == EVENTS_TUPLE_PLACE  ? &set->place_tuples : &set->prov_tuples;
}

/* The strings of in's tuple of kind into s (read only: in is not changed);
 * *first: where they start in the tuple (after a provenance's file). */
static int tuple_strings(const EventInput *in, int kind, const char *s[EVENTS_TUPLE_STRINGS],
                         int *first)
{
    const char **f[EVENTS_TUPLE_STRINGS];
    int n = events_tuple_fields((EventInput *)in, kind, f);
    for (int k = 0; k < n; k++) s[k] = *f[k];
    *first = kind == EVENTS_TUPLE_PROV ? CACHE_PROV_SOURCE : 0;
    return n;
}

/* The set's tuple of kind for the record's strings (and file). */
static uint32_t intern_tuple(EventSet *set, const EventInput *in, int kind)
{
    const char *s[EVENTS_TUPLE_STRINGS];
    int first, n = tuple_strings(in, kind, s, &first);
    uint32_t v[EVENTS_TUPLE_STRINGS + 1];
    if (kind == EVENTS_TUPLE_PROV) v[CACHE_PROV_FILE] = in->file;
    for (int k = 0; k < n; k++) v[first + k] = events_intern(set, s[k]);
    return tuples_intern(tuple_table(set, kind), v);
}

/* Whether tuple t of kind holds the record's strings (and file). */
static bool tuple_equal(EventSet *set, const EventInput *in, int kind, uint32_t t)
{
    const char *s[EVENTS_TUPLE_STRINGS];
    int first, n = tuple_strings(in, kind, s, &first);
    const uint32_t *v = tuples_get(tuple_table(set, kind), t);
    if (kind == EVENTS_TUPLE_PROV && v[CACHE_PROV_FILE] != in->file) return false;
    for (int k = 0; k < n; k++)
        if (!events_text_equal(set, v[first + k], s[k])) return false;
    return true;
}

/* intern_tuple, through the record's batch when it has one: its number's
 * tuple once known, else the tuple found by its hash (the strings
 * compared, not interned one by one), else interned. */
static uint32_t tuple_of(EventSet *set, const EventInput *in, int kind)
{
    if (in->batch == NULL) return intern_tuple(set, in, kind);
    uint32_t n = in->batch_tuple[kind];
    SM_ASSERT(n < in->batch->count[kind]);
    uint32_t *slot = &in->batch->tuple[kind][n];
    if (*slot != 0) return *slot - 1;
    uint64_t hash = in->batch->hash[kind][n];
    if (kind == EVENTS_TUPLE_PROV) hash ^= (uint64_t)(in->file + 1) * 0x9E3779B97F4A7C15ull;
    HashTab *memo = &set->tuple_memo[kind];
    HashProbe probe = hashtab_probe(memo, hash);
    uint32_t t;
    bool found = false;
    while (!found && hashtab_next(memo, &probe, &t)) found = tuple_equal(set, in, kind, t);
    if (!found) {
        t = intern_tuple(set, in, kind);
        hashtab_insert(memo, &probe, t);
    }
    *slot = t + 1;
    return t;
}

uint32_t events_batch_add(EventsBatch *b, int kind, uint64_t hash)
{
    size_t n = b->count[kind];
    if (n == b->cap[kind]) {
        size_t cap = n ? 2 * n : 256;
        b->hash[kind] = xrealloc(b->hash[kind], cap * sizeof *b->hash[kind]);
        b->tuple[kind] = xrealloc(b->tuple[kind], cap * sizeof *b->tuple[kind]);
        b->cap[kind] = cap;
    }
    b->hash[kind][n] = hash;
    b->tuple[kind][n] = 0;
    b->count[kind] = n + 1;
    return (uint32_t)n;
}

void events_batch_clear(EventsBatch *b)
{
    memset(b->count, 0, sizeof b->count);
}

void events_batch_free(EventsBatch *b)
{
    for (int k = 0; k < EVENTS_TUPLE_KINDS; k++) {
        free(b->hash[k]);
        free(b->tuple[k]);
    }
    memset(b, 0, sizeof *b);
}

/* The length of the record's id (0 for none) and, when it has one, the
 * hash of its text in *hash (strpool_hash): worked out ahead by the
 * loader (in->pre) or here. */
static size_t id_text(const EventInput *in, uint64_t *hash)
{
    size_t len = in->pre.known ? in->pre.id_len : in->id != NULL ? strlen(in->id) : 0;
    if (len > 0) *hash = in->pre.known ? in->pre.id_hash : strpool_hash(in->id, len);
    return len;
}

EventsAddResult events_add(EventSet *set, const EventInput *in)
{
    return events_add_info(set, in, NULL);
}

EventsAddResult events_add_info(EventSet *set, const EventInput *in, EventsAddInfo *info)
{
    EventsAddInfo scratch;
    if (info == NULL) info = &scratch;
    *info = (EventsAddInfo){.held = set->count, .held_file = in->file};
    /* Ids are nearly all distinct: appended to a pool of their own, not
     * interned (the id index finds them), so the strings' pool and its
     * index stay small. */
    uint64_t text_hash = 0;
    size_t id_len = id_text(in, &text_hash);
    HashProbe probe = {0, 0};
    if (id_len > 0) {
        size_t held = events_dedup_find(set, in->id, id_len, text_hash, in->id_space, in->file,
                                        &probe);
        if (held != SIZE_MAX) return events_merge_row(set, held, in, info);
    }
    uint32_t id = id_len > 0 ? strpool_append(&set->ids, in->id, id_len) : 0;

    grow_columns(set);
    size_t i = set->count++;
    set->lon_e7[i] = events_degrees_e7(in->lon);
    set->lat_e7[i] = events_degrees_e7(in->lat);
    set->day[i] = in->day;
    set->fat[i] = in->fatalities;
    set->id[i] = id;

    set->actors[i] = tuple_of(set, in, EVENTS_TUPLE_ACTORS);
    set->place[i] = tuple_of(set, in, EVENTS_TUPLE_PLACE);
    set->prov[i] = tuple_of(set, in, EVENTS_TUPLE_PROV);
    set->notes[i] = notes_add(&set->notes_store, in->notes, in->notes_len);

    set->type[i] = (uint8_t)in->type;
    set->sub_type[i] = (uint8_t)in->sub_type;
    set->codes[i] = events_codes(in->date_precision, in->geo_precision, in->disorder);
    set->flags[i] = (uint8_t)((in->civilian_targeting
                                   ? EVENT_FLAG_CIVILIAN_TARGETING : 0) |
                              (in->ucdp_type & 3) << EVENT_FLAG_UCDP_SHIFT |
                              (in->id_space & 3) << EVENT_FLAG_ID_SHIFT);
    events_fat_note(set, i, in->fatalities_low, in->fatalities_high, events_span_of(in));
    events_merge_note_added(set, i, in);

    if (id != 0) events_dedup_insert(set, &probe, i);
    if (i > 0 && set->day[i] < set->day[i - 1]) set->sorted = false;
    return EVENTS_ADDED;
}

void events_prefetch(const EventSet *set, const EventInput *in)
{
    uint64_t text_hash;
    if (id_text(in, &text_hash) > 0)
        events_dedup_prefetch(set, text_hash, in->id_space, in->file);
}

void events_reserve(EventSet *set, size_t more)
{
    events_dedup_reserve(set, more);
    /* Ids are not in the pool's index (strpool_append): a few other strings. */
    hashtab_reserve(&set->strings.index, set->strings.index.count + more / 16);
}

/* ------------------------------------------------------------------------- */
/* Transactions                                                              */
/* ------------------------------------------------------------------------- */

EventsMark events_mark(EventSet *set)
{
    return (EventsMark){set->count, set->undo_len, set->nfiles};
}

void events_rollback(EventSet *set, EventsMark mark)
{
    for (size_t u = set->undo_len; u > mark.undo_len; u--) {
        const EventsUndo *undo = &set->undo[u - 1];
        if (undo->index < mark.count) {
            set->actors[undo->index] = undo->actors;
            set->flags[undo->index] = undo->flags;
        }
    }
    set->undo_len = mark.undo_len;
    set->count = mark.count;
    events_fat_rollback(set, set->count);
    while (set->nfiles > mark.nfiles) free(set->files[--set->nfiles]);
    events_files_reindex(set);
    events_merge_rollback(set, set->count);
    set->sorted = true;
    for (size_t i = 1; i < set->count && set->sorted; i++)
        if (set->day[i] < set->day[i - 1]) set->sorted = false;
}

/* ------------------------------------------------------------------------- */
/* Sorting and ranges                                                        */
/* ------------------------------------------------------------------------- */

void events_finish(EventSet *set)
{
    notes_flush(&set->notes_store);
    events_merge_finish(set);
    free(set->undo);
    set->undo = NULL;
    set->undo_len = set->undo_cap = 0;
    /* The strings' and tuples' hash tables only serve interning: rebuilt
     * if another file is loaded (~20 of the ~50 bytes they cost an event). */
    strpool_compact(&set->strings);
    strpool_compact(&set->ids);
    for (int k = 0; k < EVENTS_TUPLE_KINDS; k++) hashtab_free(&set->tuple_memo[k]);
    tuples_compact(&set->actor_tuples);
    tuples_compact(&set->place_tuples);
    tuples_compact(&set->prov_tuples);
    if (set->sorted || set->count < 2) {
        events_fat_compact(set);
        set->sorted = true;
        return;
    }

    /* Stable counting sort on the day: O(n + days spanned). */
    size_t n = set->count;
    int32_t lo = set->day[0], hi = set->day[0];
    for (size_t i = 1; i < n; i++) {
        if (set->day[i] < lo) lo = set->day[i];
        if (set->day[i] > hi) hi = set->day[i];
    }
    size_t nbins = (size_t)(hi - lo) + 2;
    size_t *start = xcalloc(nbins, sizeof *start);
    for (size_t i = 0; i < n; i++) start[set->day[i] - lo + 1]++;
    for (size_t b = 1; b < nbins; b++) start[b] += start[b - 1];
    uint32_t *perm = xmalloc(n * sizeof *perm);   /* perm[new] = old */
    for (size_t i = 0; i < n; i++) perm[start[set->day[i] - lo]++] = (uint32_t)i;
    free(start);

#define PERMUTE_COLUMN(type, name)                                   \
    {                                                                \
        type *dst = xmalloc(n * sizeof(type));                       \
        for (size_t i = 0; i < n; i++) dst[i] = set->name[perm[i]];  \
        free(set->name);                                             \
        set->name = dst;                                             \
    }
    EVENTS_COLUMNS(PERMUTE_COLUMN)
#undef PERMUTE_COLUMN
    events_fat_permute(set, perm);
    free(perm);
    set->cap = n;
    set->sorted = true;
}

static size_t lower_bound(const int32_t *day, size_t n, int32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (day[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

void events_range(const EventSet *set, int32_t day0, int32_t day1, size_t *lo,
                  size_t *hi)
{
    SM_ASSERT(set->sorted);
    if (day0 > day1) {
        *lo = *hi = 0;
        return;
    }
    *lo = lower_bound(set->day, set->count, day0);
    *hi = day1 == INT32_MAX ? set->count
                            : lower_bound(set->day, set->count, day1 + 1);
}

/* ------------------------------------------------------------------------- */
/* Text access                                                               */
/* ------------------------------------------------------------------------- */

uint32_t events_text_ref(const EventSet *set, size_t i, EventText field)
{
    SM_ASSERT(i < set->count);
    switch (field) {
    case TEXT_ID: return set->id[i];
    case TEXT_ACTOR1: case TEXT_ASSOC_ACTOR1:
    case TEXT_ACTOR2: case TEXT_ASSOC_ACTOR2:
        return tuples_get(&set->actor_tuples, set->actors[i])[field - TEXT_ACTOR1];
    case TEXT_COUNTRY: case TEXT_ADMIN1: case TEXT_ADMIN2:
    case TEXT_ADMIN3: case TEXT_LOCATION:
        return tuples_get(&set->place_tuples, set->place[i])[field - TEXT_COUNTRY];
    case TEXT_SOURCE:
        return tuples_get(&set->prov_tuples, set->prov[i])[CACHE_PROV_SOURCE];
    case TEXT_SOURCE_SCALE:
        return tuples_get(&set->prov_tuples, set->prov[i])[CACHE_PROV_SCALE];
    case TEXT_ORIGINAL_TYPE:
        return tuples_get(&set->prov_tuples, set->prov[i])[CACHE_PROV_ORIGINAL_TYPE];
    case TEXT_FILE:
        return tuples_get(&set->prov_tuples, set->prov[i])[CACHE_PROV_FILE];
    case TEXT_COUNT: break;
    }
    SM_ASSERT(!"bad EventText");
    return 0;
}

const char *events_text(const EventSet *set, size_t i, EventText field)
{
    uint32_t ref = events_text_ref(set, i, field);
    if (field == TEXT_FILE) return ref < set->nfiles ? set->files[ref] : "";
    return strpool_get(field == TEXT_ID ? &set->ids : &set->strings, ref);
}

void events_set_inferred_country(EventSet *set, size_t i, const char *country)
{
    SM_ASSERT(i < set->count);
    uint32_t place[CACHE_PLACE_ARITY];
    memcpy(place, tuples_get(&set->place_tuples, set->place[i]), sizeof place);
    place[0] = events_intern(set, country);
    set->place[i] = tuples_intern(&set->place_tuples, place);
    set->flags[i] |= EVENT_FLAG_COUNTRY_INFERRED;
}

char *events_notes(const EventSet *set, size_t i)
{
    SM_ASSERT(i < set->count);
    return notes_get(&set->notes_store, set->notes[i]);
}

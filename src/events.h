/*
 * events: the event store. Events are kept by column (one array per field)
 * and, once events_finish has run, sorted by start day (stably, so equal days
 * keep their input order). A time window is then one contiguous index range
 * found by binary search (events_range).
 *
 * Strings are interned (strpool) and grouped into shared tuples (tuples):
 * actors, place and provenance each cost 4 bytes per event. Notes live out of
 * memory (notes). One event costs 44 bytes of columns: coordinates are
 * fixed point (1e-7 degree, events_lon / events_lat), and what only some
 * events have, a reported range of fatalities (UCDP's low and high
 * estimates) or a span of days (UCDP's date_end), lives in a side table
 * beside them, 16 bytes for each event that has one (events_fat_low,
 * events_fat_high, events_span).
 *
 * Monadic ACLED exports repeat an event once per actor. events_add merges a
 * record whose id is already in the set into that event, keeping both actors
 * and every associate, so counts and fatality sums are per event, never per
 * row. Ids are compared within one id space only (EventIdSpace): ACLED's and
 * UCDP's ids hold across files, a GeoJSON feature id or a generic id column
 * only inside its own file (formats.md, "Ids across files").
 */
#ifndef SAHELMAP_EVENTS_H
#define SAHELMAP_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hashtab.h"
#include "notes.h"
#include "strpool.h"
#include "tuples.h"

/* ACLED's six event types; UCDP's violence types map onto them. */
typedef enum EventType {
    EVENT_UNKNOWN = 0,
    EVENT_BATTLES,
    EVENT_EXPLOSIONS,          /* Explosions/Remote violence */
    EVENT_VIOLENCE_CIVILIANS,  /* Violence against civilians */
    EVENT_PROTESTS,
    EVENT_RIOTS,
    EVENT_STRATEGIC,           /* Strategic developments */
    EVENT_TYPE_COUNT
} EventType;

/* ACLED's 25 sub-event types, in the codebook's order under each type. */
typedef enum SubEventType {
    SUB_NONE = 0,
    SUB_ARMED_CLASH, SUB_GOVERNMENT_REGAINS, SUB_NONSTATE_OVERTAKES,
    SUB_CHEMICAL_WEAPON, SUB_AIR_DRONE_STRIKE, SUB_SUICIDE_BOMB,
    SUB_SHELLING, SUB_REMOTE_EXPLOSIVE, SUB_GRENADE,
    SUB_SEXUAL_VIOLENCE, SUB_ATTACK, SUB_ABDUCTION,
    SUB_PEACEFUL_PROTEST, SUB_PROTEST_INTERVENTION, SUB_EXCESSIVE_FORCE,
    SUB_VIOLENT_DEMONSTRATION, SUB_MOB_VIOLENCE,
    SUB_AGREEMENT, SUB_ARRESTS, SUB_CHANGE_GROUP, SUB_DISRUPTED_WEAPONS,
    SUB_HQ_ESTABLISHED, SUB_LOOTING, SUB_NONVIOLENT_TRANSFER, SUB_OTHER,
    SUB_COUNT
} SubEventType;

typedef enum DisorderType {
    DISORDER_NONE = 0,
    DISORDER_POLITICAL_VIOLENCE,
    DISORDER_DEMONSTRATIONS,
    DISORDER_STRATEGIC,
    DISORDER_POLITICAL_VIOLENCE_DEMONSTRATIONS,
    DISORDER_COUNT
} DisorderType;

/* UCDP type_of_violence, kept beside the mapped EventType. */
typedef enum UcdpType {
    UCDP_NONE = 0,
    UCDP_STATE_BASED = 1,     /* -> EVENT_BATTLES */
    UCDP_NON_STATE = 2,       /* -> EVENT_BATTLES */
    UCDP_ONE_SIDED = 3        /* -> EVENT_VIOLENCE_CIVILIANS */
} UcdpType;

/* Bits of the flags column. */
enum {
    EVENT_FLAG_CIVILIAN_TARGETING = 1 << 0,
    EVENT_FLAG_MERGED = 1 << 1,       /* built from several monadic rows */
    EVENT_FLAG_COUNTRY_INFERRED = 1 << 2, /* country from the basemap polygon
                                           * it lies in (the file gave none) */
    EVENT_FLAG_RANGE = 1 << 3,        /* fatalities low/high differ from the
                                       * best estimate, or the event spans
                                       * days: in the side table */
    EVENT_FLAG_UCDP_SHIFT = 4,        /* bits 4-5 hold the UcdpType */
    EVENT_FLAG_ID_SHIFT = 6           /* bits 6-7 hold the EventIdSpace */
};

/* Where an id is unique: two records are one event only when their ids are
 * equal in the same space (and, for EVENTS_ID_FILE, come from one file). */
typedef enum EventIdSpace {
    EVENTS_ID_ACLED = 0,   /* event_id_cnty: one event across ACLED exports */
    EVENTS_ID_ACLED_ROW,   /* data_id (ACLED, when event_id_cnty is absent) */
    EVENTS_ID_UCDP,        /* UCDP GED's id: one event across UCDP releases */
    EVENTS_ID_FILE         /* a GeoJSON feature id, a generic "id": its file only */
} EventIdSpace;

/* The text fields of an event, for events_text. */
typedef enum EventText {
    TEXT_ID,
    TEXT_ACTOR1, TEXT_ASSOC_ACTOR1, TEXT_ACTOR2, TEXT_ASSOC_ACTOR2,
    TEXT_COUNTRY, TEXT_ADMIN1, TEXT_ADMIN2, TEXT_ADMIN3, TEXT_LOCATION,
    TEXT_SOURCE, TEXT_SOURCE_SCALE,
    TEXT_ORIGINAL_TYPE,   /* event_type as the file wrote it, when it is not
                           * one of the six: ACLED's older typology (mapped
                           * onto them) or a type sahelmap does not know */
    TEXT_FILE,
    TEXT_COUNT
} EventText;

/* The tuples of strings an event keeps (its actors, its place, its
 * provenance), for EventsBatch. */
enum { EVENTS_TUPLE_ACTORS, EVENTS_TUPLE_PLACE, EVENTS_TUPLE_PROV, EVENTS_TUPLE_KINDS };

/* A loader's numbering of the distinct tuples of a batch of records (a
 * chunk of the parallel loader, numbered by its worker with the hash of
 * each tuple's strings): with it, events_add looks a tuple up in the set
 * once per batch, when a new event first uses it, and then by that hash
 * rather than string by string; in the same order as without it, so the
 * set comes out the same. A zeroed EventsBatch is an empty one. */
typedef struct EventsBatch {
    uint64_t *hash[EVENTS_TUPLE_KINDS];   /* number -> its strings' hash */
    uint32_t *tuple[EVENTS_TUPLE_KINDS];  /* number -> the set's tuple + 1
                                           * (0: no new event used it yet) */
    size_t count[EVENTS_TUPLE_KINDS], cap[EVENTS_TUPLE_KINDS];
} EventsBatch;

/* One event as a loader hands it over. NULL strings mean "". */
typedef struct EventInput {
    const char *id;
    EventIdSpace id_space;            /* where id is unique (0: ACLED) */
    int32_t day, day_end;             /* days since 1970-01-01; end >= day */
    uint8_t date_precision;           /* 1 day, 2 week, 3 month */
    uint8_t geo_precision;            /* 1 town, 2 near town, 3 region */
    double lon, lat;                  /* WGS84 degrees, validated */
    EventType type;
    SubEventType sub_type;
    DisorderType disorder;
    UcdpType ucdp_type;
    bool civilian_targeting;
    const char *actor1, *assoc_actor1, *actor2, *assoc_actor2;
    const char *country, *admin1, *admin2, *admin3, *location;
    int32_t fatalities, fatalities_low, fatalities_high;  /* low<=best<=high */
    const char *source, *source_scale;
    const char *original_type;        /* see TEXT_ORIGINAL_TYPE; NULL if none */
    const char *notes;
    size_t notes_len;
    uint16_t file;                    /* from events_add_file */
    EventsBatch *batch;               /* NULL, or the batch the record is in,
                                       * and its tuples' numbers there (equal
                                       * strings, equal numbers; the file is
                                       * one per batch): */
    uint32_t batch_tuple[EVENTS_TUPLE_KINDS];
    /* What a loader may work out ahead, off the adding thread (the parallel
     * loader's workers do); record_to_event leaves it unset. When `known`:
     * id_len is strlen(id) (0 for NULL), id_hash strpool_hash(id, id_len)
     * and notes_hash events_notes_hash(notes, notes_len). */
    struct {
        bool known;
        uint32_t notes_hash;
        size_t id_len;
        uint64_t id_hash;
    } pre;
} EventInput;

/* How many actors beyond two one event keeps (joined into assoc_actor2),
 * and how long that joined text may grow. */
#define EVENTS_MAX_EXTRA_ACTORS 4
#define EVENTS_MAX_JOINED 1000

typedef enum EventsAddResult {
    EVENTS_ADDED,          /* a new event */
    EVENTS_MERGED,         /* same id as an event already held, equal to it but
                            * in the actors: its actors and associates kept */
    EVENTS_DUPLICATE,      /* same id, and identical in every field to a row
                            * already loaded (its actor with the same associates
                            * as the event holds): an exact repeat */
    EVENTS_CONFLICT        /* same id, but another value in a field beyond the
                            * actors (date, place, fatalities, notes...): the
                            * event held is kept as it is */
} EventsAddResult;

/* What events_add_info found besides its result. */
typedef struct EventsAddInfo {
    size_t held;           /* the event the record went to (or is) */
    uint16_t held_file;    /* the file that loaded that event first */
    bool first_in_file;    /* not ADDED: the first record of its file to reach
                            * that event (so a file's events are counted once) */
    const char *differs;   /* CONFLICT: the first field that differs, by its
                            * ACLED name ("fatalities"); else NULL */
} EventsAddInfo;

/* The columns: one array each, `count` long. X(type, name, bytes-doc). */
#define EVENTS_COLUMNS(X)                                                  \
    X(int32_t, lon_e7)    /* longitude, 1e-7 degrees (events_lon) */       \
    X(int32_t, lat_e7)    /* latitude, 1e-7 degrees (events_lat) */        \
    X(int32_t, day)       /* start day, days since 1970-01-01 */           \
    X(int32_t, fat)       /* fatalities, best estimate */                  \
    X(uint32_t, id)       /* ref in the ids pool */                        \
    X(uint32_t, actors)   /* tuple: actor1, assoc1, actor2, assoc2 */      \
    X(uint32_t, place)    /* tuple: country, admin1, admin2, admin3, loc */\
    X(uint32_t, prov)     /* tuple: file, source, scale, original type */  \
    X(uint64_t, notes)    /* NotesStore ref */                             \
    X(uint8_t, type)      /* EventType */                                  \
    X(uint8_t, sub_type)  /* SubEventType */                               \
    X(uint8_t, codes)     /* date precision (bits 0-1), place precision   \
                           * (2-3), DisorderType (4-6): events_date_prec */ \
    X(uint8_t, flags)     /* EVENT_FLAG_* */

/* The reported fatality range and the span of event `index`, for the
 * events whose low or high estimate differs from the best, or which span
 * days (EVENT_FLAG_RANGE): the side table, sorted by index. */
typedef struct EventsFatRange {
    uint32_t index;
    int32_t low, high;
    uint32_t span;            /* end day - start day, at most UINT16_MAX */
} EventsFatRange;

/* A file's identity: the same file, whatever path names it. {0, 0}: not
 * known (standard input, a pipe). */
typedef struct EventsFileKey {
    uint64_t dev, ino;
} EventsFileKey;

typedef struct EventSet {
    size_t count, cap;
#define EVENTS_DECLARE_COLUMN(type, name) type *name;
    EVENTS_COLUMNS(EVENTS_DECLARE_COLUMN)
#undef EVENTS_DECLARE_COLUMN
    bool sorted;                 /* true after events_finish, until an add */
    EventsFatRange *fat_ranges;  /* the side table, by index (events_fat_low) */
    size_t nfat_ranges, fat_ranges_cap;

    StrPool strings;
    StrPool ids;                 /* the events' ids, appended (strpool_append:
                                  * found through the id index), apart from
                                  * the few interned strings, which stay
                                  * together and in the processor's caches */
    TupleTable actor_tuples, place_tuples, prov_tuples;
    NotesStore notes_store;
    char **files;                /* paths, indexed by EventInput.file */
    EventsFileKey *file_keys;        /* their identities (events_file_identify) */
    size_t nfiles;
    HashTab file_index;          /* file indexes by identity */

    /* Load-time only (freed by events_finish): id -> index for merging
     * monadic rows, and an undo log of merges for events_rollback. */
    HashTab dedup;               /* event indexes by id and id space (ids but "") */
    bool dedup_valid;
    struct EventsUndo *undo;
    size_t undo_len, undo_cap;
    uint32_t *notes_hash;        /* notes' hashes of events [hash_from,
                                  * hash_from + hash_count), the last few
                                  * thousand added, by index in a ring */
    size_t hash_from, hash_count;
    HashTab seen;                /* events reached by seen_file's records */
    HashTab tuple_memo[EVENTS_TUPLE_KINDS];  /* tuples by their strings' hash
                                              * (EventsBatch; load-time only) */
    uint16_t seen_file;
} EventSet;

/* A point to roll back to (see events_mark). */
typedef struct EventsMark {
    size_t count, undo_len, nfiles;
} EventsMark;

/* An empty set. Release everything with events_free. */
void events_init(EventSet *set);
void events_free(EventSet *set);

/* Registers a source file and returns its index for EventInput.file.
 * The path is copied. A set holds at most 65,535 files: past that nothing
 * is registered and the result is EVENTS_NO_FILE (the caller reports it). */
#define EVENTS_NO_FILE UINT16_MAX
uint16_t events_add_file(EventSet *set, const char *path);

/* Records what file `file` is (its device and inode), so that the same
 * file named again, by any path, is found by events_file_find. */
void events_file_identify(EventSet *set, uint16_t file, uint64_t dev, uint64_t ino);

/* The file registered with that identity, or EVENTS_NO_FILE. */
uint16_t events_file_find(const EventSet *set, uint64_t dev, uint64_t ino);

/* Appends one event, or merges it into the event with the same non-empty id
 * in the same id space (monadic exports): a new actor1 becomes actor2 of the
 * held event (or joins its assoc_actor_2 when actor2 is taken); an actor the
 * event holds with another associate gets that associate joined to its own
 * ("A; B"). A record that differs from the held event beyond the actors is
 * EVENTS_CONFLICT and changes nothing. Inputs must be validated by the
 * caller (record.c); strings are copied. Unsorts the set. */
EventsAddResult events_add(EventSet *set, const EventInput *in);

/* events_add, and what it found in *info (NULL: not wanted). */
EventsAddResult events_add_info(EventSet *set, const EventInput *in, EventsAddInfo *info);

/* Points f[k] at the string fields of in's tuple of kind, in the tuple's
 * order (a provenance tuple's file, which is no string, comes before them
 * in the tuple): how many, at most EVENTS_TUPLE_STRINGS. */
#define EVENTS_TUPLE_STRINGS 5
int events_tuple_fields(EventInput *in, int kind, const char **f[EVENTS_TUPLE_STRINGS]);

/* Numbers a distinct tuple of kind in the batch, whose strings (each
 * followed by a NUL, NULL as "", in the tuple's order) hash to `hash`
 * (strpool_hash): its number, from 0 for each kind. A worker's call. */
uint32_t events_batch_add(EventsBatch *b, int kind, uint64_t hash);

/* Empties b for the next batch, keeping its memory. */
void events_batch_clear(EventsBatch *b);
void events_batch_free(EventsBatch *b);

/* A hint that `in` (its file set) is to be added soon: asks the processor
 * to fetch what adding it looks up first, the id index's slot, which a big
 * set's index keeps out of the caches. A loader holding the next records
 * calls it a few records ahead. Changes nothing. */
void events_prefetch(const EventSet *set, const EventInput *in);

/* The hash events_add keeps of an event's notes (s may be NULL if len is
 * 0), for EventInput.pre. */
uint32_t events_notes_hash(const char *s, size_t len);

/* Sizes the load-time hash tables (ids, interned strings) for `more`
 * events beyond those held, so that a big load does not grow them (a
 * growing table briefly holds its old and new slots: the peak of a load)
 * once the loader knows about how many events a file holds. Never
 * shrinks anything; the columns grow as before. */
void events_reserve(EventSet *set, size_t more);

/* The current end of the set: everything added after it can be undone with
 * events_rollback (used to load nothing from a file that turns out bad):
 * the events, their side-table entries, merges into earlier events, files. */
EventsMark events_mark(EventSet *set);
void events_rollback(EventSet *set, EventsMark mark);

/* Sorts the events by start day (stable; the fatality side table follows
 * them) and drops load-time indexes. Call after loading, before
 * events_range. Cheap if already sorted. */
void events_finish(EventSet *set);

/* The index range [*lo, *hi) of events whose start day is in [day0, day1].
 * The set must be finished (sorted). Empty range when day0 > day1. */
void events_range(const EventSet *set, int32_t day0, int32_t day1,
                  size_t *lo, size_t *hi);

/* A text field of event i ("" when absent). Valid until the next add. */
const char *events_text(const EventSet *set, size_t i, EventText field);

/* The interned reference of a text field: equal refs, equal strings. For
 * TEXT_FILE it is the file index. */
uint32_t events_text_ref(const EventSet *set, size_t i, EventText field);

/* Gives event i the country named `country` (interned), marking it
 * EVENT_FLAG_COUNTRY_INFERRED: for events whose file named none (see
 * incountry_infer). */
void events_set_inferred_country(EventSet *set, size_t i, const char *country);

/* The notes of event i as a new string the caller frees. */
char *events_notes(const EventSet *set, size_t i);

/* The event's UCDP type (UCDP_NONE for ACLED/GeoJSON events). */
static inline UcdpType events_ucdp_type(const EventSet *set, size_t i)
{
    return (UcdpType)((set->flags[i] >> EVENT_FLAG_UCDP_SHIFT) & 3);
}

/* Event i's coordinates, WGS84 degrees. A coordinate given with up to 7
 * decimals comes back as the very double its text parses to (an integer
 * divided by 1e7 is correctly rounded); finer digits are rounded off to
 * 1e-7 degree (about 1 cm). */
static inline double events_lon(const EventSet *set, size_t i)
{
    return (double)set->lon_e7[i] / 1e7;
}

static inline double events_lat(const EventSet *set, size_t i)
{
    return (double)set->lat_e7[i] / 1e7;
}

/* A validated coordinate (|degrees| <= 180) as the stored integer: 1e-7
 * degrees, rounded to nearest (halves away from zero). */
int32_t events_degrees_e7(double degrees);

/* Event i's entry in the fatality side table; the event must have one
 * (EVENT_FLAG_RANGE). Binary search over the events that have a range. */
const EventsFatRange *events_fat_range(const EventSet *set, size_t i);

/* Event i's reported low and high fatality estimates: its best estimate
 * (fat) unless it has a range. low <= fat <= high. */
static inline int32_t events_fat_low(const EventSet *set, size_t i)
{
    return set->flags[i] & EVENT_FLAG_RANGE ? events_fat_range(set, i)->low : set->fat[i];
}

static inline int32_t events_fat_high(const EventSet *set, size_t i)
{
    return set->flags[i] & EVENT_FLAG_RANGE ? events_fat_range(set, i)->high : set->fat[i];
}

/* Event i's date precision (1 day, 2 week, 3 month) and place precision
 * (1 town, 2 near town, 3 region). */
static inline int events_date_prec(const EventSet *set, size_t i)
{
    return set->codes[i] & 3;
}

static inline int events_geo_prec(const EventSet *set, size_t i)
{
    return set->codes[i] >> 2 & 3;
}

/* Event i's ACLED disorder type. */
static inline DisorderType events_disorder(const EventSet *set, size_t i)
{
    return (DisorderType)(set->codes[i] >> 4 & 7);
}

/* The codes byte of an event: precisions 1-3, disorder below DISORDER_COUNT. */
static inline uint8_t events_codes(int date_prec, int geo_prec, DisorderType disorder)
{
    return (uint8_t)((date_prec & 3) | (geo_prec & 3) << 2 | ((int)disorder & 7) << 4);
}

/* Event i's span: end day - start day (0 for an event of one day). */
static inline int32_t events_span(const EventSet *set, size_t i)
{
    return set->flags[i] & EVENT_FLAG_RANGE ? (int32_t)events_fat_range(set, i)->span : 0;
}

/* Bytes of column storage per event (the fixed cost; 44). */
size_t events_column_bytes(void);

/* Bytes held for strings, tuples and the fatality side table (not the
 * columns). */
size_t events_shared_bytes(const EventSet *set);

/* Names and parsing of the enums. *_name never returns NULL; *_parse is
 * case-insensitive, accepts "\/" for "/", and returns 0 (UNKNOWN/NONE) for
 * text it does not know. */
const char *events_type_name(EventType type);
EventType events_type_parse(const char *s);
/* The short name of a type for options and view files ("battles",
 * "explosions", "violence", "protests", "riots", "strategic"), and back:
 * events_type_from_key also takes the full names; EVENT_UNKNOWN if neither. */
const char *events_type_key(EventType type);
EventType events_type_from_key(const char *s);
/* A type's name in a narrow column (a table, a stack of events):
 * "Battle", "Explosion", "Against civilians"... */
const char *events_type_short_name(EventType type);
const char *events_sub_type_name(SubEventType sub);
SubEventType events_sub_type_parse(const char *s);
EventType events_sub_type_parent(SubEventType sub);
const char *events_disorder_name(DisorderType d);
DisorderType events_disorder_parse(const char *s);

#endif

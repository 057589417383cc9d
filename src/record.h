/*
 * record: the bridge between a file's syntax and the event store. A loader
 * (JSON, CSV, GeoJSON) only finds field names and raw values and drops them
 * into a RawRecord; record_to_event then gives them meaning once, the same
 * way for every format: which name means what (ACLED, UCDP GED and common
 * GeoJSON property names, case-insensitive), numbers that arrive as strings,
 * every date spelling, ranges and sanity checks.
 */
#ifndef SAHELMAP_RECORD_H
#define SAHELMAP_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "error.h"
#include "events.h"

/* Every column/property name sahelmap understands. Several names may share
 * a meaning (latitude, lat); the earliest-listed present one wins where a
 * record carries more than one (event_id_cnty before data_id before id). */
typedef enum FieldId {
    FIELD_NONE = 0,
    FIELD_EVENT_ID_CNTY, FIELD_DATA_ID, FIELD_ID,
    FIELD_EVENT_DATE, FIELD_DATE_START, FIELD_DATE, FIELD_TIME,
    FIELD_TIMESTAMP, FIELD_DATE_END,
    FIELD_TIME_PRECISION, FIELD_DATE_PREC,
    FIELD_DISORDER_TYPE, FIELD_EVENT_TYPE, FIELD_SUB_EVENT_TYPE,
    FIELD_TYPE_OF_VIOLENCE,
    FIELD_ACTOR1, FIELD_ASSOC_ACTOR_1, FIELD_ACTOR2, FIELD_ASSOC_ACTOR_2,
    FIELD_SIDE_A, FIELD_SIDE_B,
    FIELD_CIVILIAN_TARGETING, FIELD_INTER1, FIELD_INTER2,
    FIELD_COUNTRY, FIELD_ADMIN1, FIELD_ADMIN2, FIELD_ADMIN3, FIELD_LOCATION,
    FIELD_WHERE_COORDINATES,
    FIELD_LATITUDE, FIELD_LONGITUDE,
    FIELD_GEO_PRECISION, FIELD_WHERE_PREC,
    FIELD_SOURCE, FIELD_SOURCE_OFFICE, FIELD_SOURCE_SCALE,
    FIELD_NOTES, FIELD_SOURCE_HEADLINE,
    FIELD_FATALITIES, FIELD_FATALITIES_LOW, FIELD_FATALITIES_HIGH,
    FIELD_BEST, FIELD_LOW, FIELD_HIGH,
    FIELD_COUNT
} FieldId;

typedef enum RawKind {
    RAW_ABSENT = 0,    /* not in the record (or JSON null) */
    RAW_STRING,        /* text, NUL-terminated, owned by the loader */
    RAW_NUMBER,        /* a JSON number */
    RAW_OTHER          /* present, but neither: str names it ("an object") */
} RawKind;

typedef struct RawValue {
    RawKind kind;
    const char *str;
    size_t len;        /* strlen(str), for RAW_STRING */
    double num;
} RawValue;

/* One input record as found in the file, before any interpretation. The
 * strings belong to the loader and must outlive record_to_event. */
typedef struct RawRecord {
    RawValue v[FIELD_COUNT];
    char id_text[32];   /* scratch: a numeric id spelled as text */
    bool feature_id;    /* the id is a GeoJSON feature's (unique in its file only) */
} RawRecord;

/* Which kind of source a record looks like (for the "format detected"
 * line of a load report). */
typedef enum RecordKind {
    RECORD_GENERIC = 0,   /* only generic names (GeoJSON properties, ...) */
    RECORD_ACLED,
    RECORD_UCDP
} RecordKind;

/* The field a column or property name means, FIELD_NONE if none. Case and
 * surrounding spaces are ignored ("LATITUDE", " latitude"). */
FieldId record_field(const char *name);

/* The canonical (lower-case ACLED/UCDP) name of a field, for messages. */
const char *record_field_name(FieldId field);

/* Forgets all values (and feature_id). */
void record_clear(RawRecord *rec);

/* Set one value; a later value for the same field replaces the earlier. */
static inline void record_set_text(RawRecord *rec, FieldId f, const char *s, size_t len)
{
    rec->v[f].kind = RAW_STRING;
    rec->v[f].str = s;
    rec->v[f].len = len;       /* strlen(s): a loader that has it saves the count */
}
static inline void record_set_string(RawRecord *rec, FieldId f, const char *s)
{
    record_set_text(rec, f, s, strlen(s));
}
static inline void record_set_number(RawRecord *rec, FieldId f, double num)
{
    rec->v[f].kind = RAW_NUMBER;
    rec->v[f].num = num;
}
/* A value of the wrong kind (a JSON object, array or boolean): present,
 * never a number, never text; `what` ("an object") appears in messages. */
static inline void record_set_other(RawRecord *rec, FieldId f, const char *what)
{
    rec->v[f].kind = RAW_OTHER;
    rec->v[f].str = what;
}

/* ACLED if it has ACLED-only fields, UCDP if UCDP-only, else generic. */
RecordKind record_kind(const RawRecord *rec);

/* Interprets rec into *out (whose string pointers then point into rec's
 * strings; out->file is left to the caller). Returns false and says which
 * field is at fault and why when the record cannot be an event: missing or
 * out-of-range coordinates, (0, 0), an unreadable or missing date, a
 * negative, fractional, NaN or absurd (> 1,000,000) fatality count. Other
 * fields are lenient: an unknown event type is EVENT_UNKNOWN (its text kept
 * as out->original_type), an unknown precision code counts as the coarsest
 * (3). ACLED's older event types map onto the six (typology.h), keeping
 * their text as out->original_type. */
bool record_to_event(RawRecord *rec, EventInput *out, Error *why);

#endif

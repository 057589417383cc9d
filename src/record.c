/*
 * record: names and meanings of input fields, shared by every loader.
 * See record.h.
 */
#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "decimal.h"
#include "typology.h"

#define MAX_FATALITIES 1000000

/* ------------------------------------------------------------------------- */
/* Names                                                                     */
/* ------------------------------------------------------------------------- */

/* Every accepted spelling, lower case, sorted (strcmp order) for bsearch. */
typedef struct FieldName {
    const char *name;
    FieldId field;
} FieldName;

static const FieldName known_names[] = {
    {"actor1", FIELD_ACTOR1},
    {"actor2", FIELD_ACTOR2},
    {"adm_1", FIELD_ADMIN1},
    {"adm_2", FIELD_ADMIN2},
    {"admin1", FIELD_ADMIN1},
    {"admin2", FIELD_ADMIN2},
    {"admin3", FIELD_ADMIN3},
    {"assoc_actor_1", FIELD_ASSOC_ACTOR_1},
    {"assoc_actor_2", FIELD_ASSOC_ACTOR_2},
    {"best", FIELD_BEST},
    {"civilian_targeting", FIELD_CIVILIAN_TARGETING},
    {"country", FIELD_COUNTRY},
    {"data_id", FIELD_DATA_ID},
    {"date", FIELD_DATE},
    {"date_end", FIELD_DATE_END},
    {"date_prec", FIELD_DATE_PREC},
    {"date_start", FIELD_DATE_START},
    {"deaths_best", FIELD_BEST},
    {"disorder_type", FIELD_DISORDER_TYPE},
    {"event_date", FIELD_EVENT_DATE},
    {"event_id_cnty", FIELD_EVENT_ID_CNTY},
    {"event_type", FIELD_EVENT_TYPE},
    {"fatalities", FIELD_FATALITIES},
    {"fatalities_best", FIELD_FATALITIES},
    {"fatalities_high", FIELD_FATALITIES_HIGH},
    {"fatalities_low", FIELD_FATALITIES_LOW},
    {"geo_precision", FIELD_GEO_PRECISION},
    {"high", FIELD_HIGH},
    {"id", FIELD_ID},
    {"inter1", FIELD_INTER1},
    {"inter2", FIELD_INTER2},
    {"lat", FIELD_LATITUDE},
    {"latitude", FIELD_LATITUDE},
    {"lng", FIELD_LONGITUDE},
    {"location", FIELD_LOCATION},
    {"lon", FIELD_LONGITUDE},
    {"long", FIELD_LONGITUDE},
    {"longitude", FIELD_LONGITUDE},
    {"low", FIELD_LOW},
    {"notes", FIELD_NOTES},
    {"side_a", FIELD_SIDE_A},
    {"side_b", FIELD_SIDE_B},
    {"source", FIELD_SOURCE},
    {"source_headline", FIELD_SOURCE_HEADLINE},
    {"source_office", FIELD_SOURCE_OFFICE},
    {"source_scale", FIELD_SOURCE_SCALE},
    {"sub_event_type", FIELD_SUB_EVENT_TYPE},
    {"time", FIELD_TIME},
    {"time_precision", FIELD_TIME_PRECISION},
    {"timestamp", FIELD_TIMESTAMP},
    {"type_of_violence", FIELD_TYPE_OF_VIOLENCE},
    {"where_coordinates", FIELD_WHERE_COORDINATES},
    {"where_prec", FIELD_WHERE_PREC},
};

static const char *const canonical_names[FIELD_COUNT] = {
    [FIELD_NONE] = "",
    [FIELD_EVENT_ID_CNTY] = "event_id_cnty", [FIELD_DATA_ID] = "data_id",
    [FIELD_ID] = "id", [FIELD_EVENT_DATE] = "event_date",
    [FIELD_DATE_START] = "date_start", [FIELD_DATE] = "date",
    [FIELD_TIME] = "time", [FIELD_TIMESTAMP] = "timestamp",
    [FIELD_DATE_END] = "date_end", [FIELD_TIME_PRECISION] = "time_precision",
    [FIELD_DATE_PREC] = "date_prec", [FIELD_DISORDER_TYPE] = "disorder_type",
    [FIELD_EVENT_TYPE] = "event_type", [FIELD_SUB_EVENT_TYPE] = "sub_event_type",
    [FIELD_TYPE_OF_VIOLENCE] = "type_of_violence", [FIELD_ACTOR1] = "actor1",
    [FIELD_ASSOC_ACTOR_1] = "assoc_actor_1", [FIELD_ACTOR2] = "actor2",
    [FIELD_ASSOC_ACTOR_2] = "assoc_actor_2", [FIELD_SIDE_A] = "side_a",
    [FIELD_SIDE_B] = "side_b", [FIELD_CIVILIAN_TARGETING] = "civilian_targeting",
    [FIELD_INTER1] = "inter1", [FIELD_INTER2] = "inter2",
    [FIELD_COUNTRY] = "country", [FIELD_ADMIN1] = "admin1",
    [FIELD_ADMIN2] = "admin2", [FIELD_ADMIN3] = "admin3",
    [FIELD_LOCATION] = "location", [FIELD_WHERE_COORDINATES] = "where_coordinates",
    [FIELD_LATITUDE] = "latitude", [FIELD_LONGITUDE] = "longitude",
    [FIELD_GEO_PRECISION] = "geo_precision", [FIELD_WHERE_PREC] = "where_prec",
    [FIELD_SOURCE] = "source", [FIELD_SOURCE_OFFICE] = "source_office",
    [FIELD_SOURCE_SCALE] = "source_scale", [FIELD_NOTES] = "notes",
    [FIELD_SOURCE_HEADLINE] = "source_headline", [FIELD_FATALITIES] = "fatalities",
    [FIELD_FATALITIES_LOW] = "fatalities_low",
    [FIELD_FATALITIES_HIGH] = "fatalities_high", [FIELD_BEST] = "best",
    [FIELD_LOW] = "low", [FIELD_HIGH] = "high",
};

static int compare_name(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

FieldId record_field(const char *name)
{
    char lower[32];
    while (*name == ' ') name++;
    size_t n = 0;
    for (; name[n] != '\0'; n++) {
        if (n + 1 >= sizeof lower) return FIELD_NONE;
        lower[n] = (char)tolower((unsigned char)name[n]);
    }
    while (n > 0 && lower[n - 1] == ' ') n--;
    lower[n] = '\0';
    const void *hit = bsearch(lower, known_names,
                              sizeof known_names / sizeof known_names[0],
                              sizeof known_names[0], compare_name);
    return hit == NULL ? FIELD_NONE : ((const FieldName *)hit)->field;
}

const char *record_field_name(FieldId field)
{
    return (unsigned)field < FIELD_COUNT ? canonical_names[field] : "";
}

void record_clear(RawRecord *rec)
{
    for (int f = 0; f < FIELD_COUNT; f++) rec->v[f].kind = RAW_ABSENT;
    rec->feature_id = false;
}

RecordKind record_kind(const RawRecord *rec)
{
    static const FieldId ucdp[] = {FIELD_TYPE_OF_VIOLENCE, FIELD_BEST,
                                   FIELD_WHERE_PREC, FIELD_SIDE_A};
    static const FieldId acled[] = {FIELD_EVENT_ID_CNTY, FIELD_EVENT_TYPE,
                                    FIELD_SUB_EVENT_TYPE, FIELD_GEO_PRECISION};
    for (size_t i = 0; i < sizeof ucdp / sizeof ucdp[0]; i++)
        if (rec->v[ucdp[i]].kind != RAW_ABSENT) return RECORD_UCDP;
    for (size_t i = 0; i < sizeof acled / sizeof acled[0]; i++)
        if (rec->v[acled[i]].kind != RAW_ABSENT) return RECORD_ACLED;
    return RECORD_GENERIC;
}

/* ------------------------------------------------------------------------- */
/* Values                                                                    */
/* ------------------------------------------------------------------------- */

/* Whether s is nothing but spaces. */
static bool blank_text(const char *s)
{
    for (; *s != '\0'; s++)
        if (!isspace((unsigned char)*s)) return false;
    return true;
}

/* True when the field holds something: a number, a non-blank string or a
 * value of the wrong kind. */
static inline bool present(const RawRecord *rec, FieldId f)
{
    const RawValue *v = &rec->v[f];
    if (v->kind == RAW_NUMBER || v->kind == RAW_OTHER) return true;
    if (v->kind != RAW_STRING || v->len == 0) return false;
    unsigned char c = (unsigned char)v->str[0];
    return (c > ' ' && c < 0x7F) || !blank_text(v->str);   /* most: no space in any locale */
}

/* The text of a string field, NULL if absent (numbers are not text). */
static const char *text(const RawRecord *rec, FieldId f)
{
    return rec->v[f].kind == RAW_STRING ? rec->v[f].str : NULL;
}

/* The first of two fields that is present. */
static FieldId first_present(const RawRecord *rec, FieldId a, FieldId b)
{
    return present(rec, a) ? a : b;
}

/* NUM_RANGE: a decimal number a double cannot hold (1e-400 underflows to
 * 0, which would put an event on the equator; 1e400 overflows). */
typedef enum { NUM_ABSENT, NUM_OK, NUM_BAD, NUM_RANGE } NumStatus;

/* Whether s (spaces around allowed) is a plain decimal number: digits, an
 * optional sign, point and exponent. Refuses what strtod would also take
 * (hexadecimal, "nan", "inf"), which no export writes for a coordinate. */
static bool decimal(const char *s)
{
    while (isspace((unsigned char)*s)) s++;
    bool digits = false;
    for (; *s && !isspace((unsigned char)*s); s++) {
        if (isdigit((unsigned char)*s)) digits = true;
        else if (!strchr("+-.eE", *s)) return false;
    }
    while (isspace((unsigned char)*s)) s++;
    return digits && *s == '\0';
}

/* A field as a finite number: JSON numbers as they are, strings through
 * strtod with nothing but a decimal number and spaces in them. */
static NumStatus number(const RawRecord *rec, FieldId f, double *out)
{
    if (!present(rec, f)) return NUM_ABSENT;
    const RawValue *v = &rec->v[f];
    double d = v->num;
    if (v->kind == RAW_OTHER) return NUM_BAD;
    if (v->kind == RAW_STRING && decimal_fast(v->str, v->len, &d)) {
        /* the common case: a plain decimal, read exactly as strtod would */
    } else if (v->kind == RAW_STRING) {
        if (!decimal(v->str)) return NUM_BAD;
        char *end = NULL;
        errno = 0;
        d = strtod(v->str, &end);
        if (end == v->str) return NUM_BAD;
        bool range = errno == ERANGE;
        while (isspace((unsigned char)*end)) end++;
        if (*end != '\0') return NUM_BAD;
        if (range) return NUM_RANGE;
    }
    if (!isfinite(d)) return NUM_BAD;
    *out = d;
    return NUM_OK;
}

/* How a field's value reads in a message. */
static const char *shown(const RawRecord *rec, FieldId f, char buf[48])
{
    const RawValue *v = &rec->v[f];
    if (v->kind == RAW_NUMBER) snprintf(buf, 48, "%.15g", v->num);
    else snprintf(buf, 48, "%.40s", v->kind != RAW_ABSENT ? v->str : "");
    return buf;
}

static bool coordinate(const RawRecord *rec, FieldId f, double limit,
                       double *out, Error *why)
{
    char buf[48];
    switch (number(rec, f, out)) {
    case NUM_ABSENT:
        return error_set(why, "missing %s", record_field_name(f));
    case NUM_BAD:
        return error_set(why, "%s '%s' is not a number", record_field_name(f),
                         shown(rec, f, buf));
    case NUM_RANGE:
        return error_set(why, "%s '%s' is out of range for a number (it under- "
                         "or overflows)", record_field_name(f), shown(rec, f, buf));
    case NUM_OK:
        break;
    }
    if (*out < -limit || *out > limit)
        return error_set(why, "%s %s outside [-%g, %g]", record_field_name(f),
                         shown(rec, f, buf), limit, limit);
    return true;
}

/* A fatality count; absent gives *out = fallback. */
static bool fatalities(const RawRecord *rec, FieldId f, int32_t fallback,
                       int32_t *out, Error *why)
{
    char buf[48];
    double d = 0;
    switch (number(rec, f, &d)) {
    case NUM_ABSENT:
        *out = fallback;
        return true;
    case NUM_BAD:
    case NUM_RANGE:
        return error_set(why, "%s '%s' is not a number", record_field_name(f),
                         shown(rec, f, buf));
    case NUM_OK:
        break;
    }
    if (d < 0 || d > MAX_FATALITIES || d != floor(d))
        return error_set(why, "%s %s is not a count from 0 to %d",
                         record_field_name(f), shown(rec, f, buf),
                         MAX_FATALITIES);
    *out = (int32_t)d;
    return true;
}

/* A small integer code (precision, violence type); 0 if absent or odd. */
static int code(const RawRecord *rec, FieldId f)
{
    double d = 0;
    if (number(rec, f, &d) != NUM_OK || d != floor(d) || d < 0 || d > 99)
        return 0;
    return (int)d;
}

/* Seconds (or milliseconds, if that large) since 1970 as a day number. */
static bool epoch_day(double seconds, int32_t *day)
{
    if (fabs(seconds) > 1e11) seconds /= 1000.0;
    double d = floor(seconds / 86400.0);
    if (d < date_from_ymd(DATE_MIN_YEAR, 1, 1) ||
        d > date_from_ymd(DATE_MAX_YEAR, 12, 31))
        return false;
    *day = (int32_t)d;
    return true;
}

static bool all_digits(const char *s)
{
    while (*s == ' ') s++;
    if (*s == '-') s++;
    if (!isdigit((unsigned char)*s)) return false;
    while (isdigit((unsigned char)*s)) s++;
    while (*s == ' ') s++;
    return *s == '\0';
}

static bool date_field(const RawRecord *rec, FieldId f, int32_t *day,
                       Error *why)
{
    const RawValue *v = &rec->v[f];
    bool epoch_ok = f == FIELD_TIME || f == FIELD_TIMESTAMP;
    if (v->kind == RAW_OTHER) {
        char buf[48];
        return error_set(why, "%s '%s' is not a date", record_field_name(f),
                         shown(rec, f, buf));
    }
    if (v->kind == RAW_NUMBER || (epoch_ok && all_digits(v->str))) {
        double seconds = 0;
        char buf[48];
        if (!epoch_ok || number(rec, f, &seconds) != NUM_OK ||
            !epoch_day(seconds, day))
            return error_set(why, "%s '%s' is not a date", record_field_name(f),
                             shown(rec, f, buf));
        return true;
    }
    if (!date_parse(v->str, day, why))
        return error_prefix(why, "%s", record_field_name(f));
    return true;
}

/* ------------------------------------------------------------------------- */
/* Interpretation                                                            */
/* ------------------------------------------------------------------------- */

static uint8_t acled_precision(int c)
{
    return c >= 1 && c <= 3 ? (uint8_t)c : 3;
}

/* UCDP date_prec: 1 day, 2 a few days, 3 week, 4 month, 5 year or more. */
static uint8_t ucdp_date_precision(int c)
{
    return c == 1 ? 1 : c == 2 || c == 3 ? 2 : 3;
}

/* UCDP where_prec: 1 exact place, 2-3 within 25 km / second-order admin,
 * 4 and up a first-order admin area, country or wider. */
static uint8_t ucdp_geo_precision(int c)
{
    return c == 1 ? 1 : c == 2 || c == 3 ? 2 : 3;
}

/* The record's id and the space it is unique in (formats.md, "Ids across
 * files"): ACLED's event_id_cnty and data_id, and UCDP GED's id, hold
 * across files; a GeoJSON feature id or an id in a file of unknown origin
 * only inside its file. */
static const char *id_of(RawRecord *rec, EventIdSpace *space)
{
    static const FieldId ids[] = {FIELD_EVENT_ID_CNTY, FIELD_DATA_ID, FIELD_ID};
    static const EventIdSpace spaces[] = {EVENTS_ID_ACLED, EVENTS_ID_ACLED_ROW,
                                          EVENTS_ID_FILE};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        if (!present(rec, ids[i])) continue;
        *space = spaces[i];
        if (ids[i] == FIELD_ID && !rec->feature_id && record_kind(rec) == RECORD_UCDP)
            *space = EVENTS_ID_UCDP;
        const RawValue *v = &rec->v[ids[i]];
        if (v->kind == RAW_STRING) return v->str;
        snprintf(rec->id_text, sizeof rec->id_text, "%.17g", v->num);
        return rec->id_text;
    }
    return NULL;
}

static bool date_of(const RawRecord *rec, EventInput *out, Error *why)
{
    static const FieldId dates[] = {FIELD_EVENT_DATE, FIELD_DATE_START,
                                    FIELD_DATE, FIELD_TIME};
    FieldId f = FIELD_NONE;
    bool has_date_column = false;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0] && !f; i++) {
        has_date_column |= rec->v[dates[i]].kind != RAW_ABSENT;
        if (present(rec, dates[i])) f = dates[i];
    }
    /* ACLED's timestamp is when a row was uploaded, not when the event
     * happened: it dates an event only when no date field exists at all
     * (GeoJSON with "timestamp"), never to fill an empty event_date. */
    if (f == FIELD_NONE && !has_date_column && present(rec, FIELD_TIMESTAMP))
        f = FIELD_TIMESTAMP;
    if (f == FIELD_NONE) return error_set(why, "missing date (event_date)");
    if (!date_field(rec, f, &out->day, why)) return false;
    out->day_end = out->day;
    if (present(rec, FIELD_DATE_END)) {
        if (!date_field(rec, FIELD_DATE_END, &out->day_end, why)) return false;
        if (out->day_end < out->day)
            return error_set(why, "date_end is before the start date");
    }
    if (present(rec, FIELD_DATE_PREC))
        out->date_precision = ucdp_date_precision(code(rec, FIELD_DATE_PREC));
    else if (present(rec, FIELD_TIME_PRECISION))
        out->date_precision = acled_precision(code(rec, FIELD_TIME_PRECISION));
    else
        out->date_precision = 1;
    return true;
}

static bool place_of(const RawRecord *rec, EventInput *out, Error *why)
{
    if (!coordinate(rec, FIELD_LATITUDE, 90, &out->lat, why) ||
        !coordinate(rec, FIELD_LONGITUDE, 180, &out->lon, why))
        return false;
    /* (0, 0) as the store keeps it (1e-7 degree): no real place. */
    if (events_degrees_e7(out->lat) == 0 && events_degrees_e7(out->lon) == 0)
        return error_set(why, "latitude and longitude are both 0 "
                              "(missing coordinates?)");
    if (present(rec, FIELD_WHERE_PREC))
        out->geo_precision = ucdp_geo_precision(code(rec, FIELD_WHERE_PREC));
    else if (present(rec, FIELD_GEO_PRECISION))
        out->geo_precision = acled_precision(code(rec, FIELD_GEO_PRECISION));
    else
        out->geo_precision = 1;
    out->country = text(rec, FIELD_COUNTRY);
    out->admin1 = text(rec, FIELD_ADMIN1);
    out->admin2 = text(rec, FIELD_ADMIN2);
    out->admin3 = text(rec, FIELD_ADMIN3);
    out->location = text(rec, first_present(rec, FIELD_LOCATION,
                                            FIELD_WHERE_COORDINATES));
    return true;
}

/* An interaction code given as a number or as text. */
static InterCode inter_of(const RawRecord *rec, FieldId f)
{
    const RawValue *v = &rec->v[f];
    if (v->kind == RAW_STRING) return typology_inter_parse(v->str);
    int c = code(rec, f);
    return c >= 1 && c <= 8 ? (InterCode)c : INTER_NONE;
}

static void type_of(const RawRecord *rec, EventInput *out)
{
    const char *type = present(rec, FIELD_EVENT_TYPE) ? text(rec, FIELD_EVENT_TYPE) : NULL;
    const char *sub = text(rec, FIELD_SUB_EVENT_TYPE);
    out->type = type ? events_type_parse(type) : EVENT_UNKNOWN;
    out->sub_type = sub ? events_sub_type_parse(sub) : SUB_NONE;
    if (type != NULL && out->type == EVENT_UNKNOWN) {
        /* Not one of the six: ACLED's older typology, or kept verbatim. */
        out->original_type = type;
        EventType older = EVENT_UNKNOWN;
        SubEventType older_sub = SUB_NONE;
        if (typology_older(type, inter_of(rec, FIELD_INTER1), inter_of(rec, FIELD_INTER2),
                           &older, &older_sub)) {
            out->type = older;
            if (out->sub_type == SUB_NONE) out->sub_type = older_sub;
        }
    }
    if (out->type == EVENT_UNKNOWN)
        out->type = events_sub_type_parent(out->sub_type);

    int violence = code(rec, FIELD_TYPE_OF_VIOLENCE);
    if (violence >= 1 && violence <= 3) {
        out->ucdp_type = (UcdpType)violence;
        if (out->type == EVENT_UNKNOWN)
            out->type = violence == UCDP_ONE_SIDED ? EVENT_VIOLENCE_CIVILIANS
                                                   : EVENT_BATTLES;
    }
    const char *disorder = text(rec, FIELD_DISORDER_TYPE);
    out->disorder = disorder ? events_disorder_parse(disorder) : DISORDER_NONE;
    const RawValue *ct = &rec->v[FIELD_CIVILIAN_TARGETING];
    bool said_false = ct->kind == RAW_OTHER && strcmp(ct->str, "false") == 0;
    out->civilian_targeting = (present(rec, FIELD_CIVILIAN_TARGETING) && !said_false) ||
                              out->ucdp_type == UCDP_ONE_SIDED;
}

static bool fatalities_of(const RawRecord *rec, EventInput *out, Error *why)
{
    bool ucdp = present(rec, FIELD_BEST);
    FieldId best = ucdp ? FIELD_BEST : FIELD_FATALITIES;
    FieldId low = ucdp ? FIELD_LOW : FIELD_FATALITIES_LOW;
    FieldId high = ucdp ? FIELD_HIGH : FIELD_FATALITIES_HIGH;
    if (!fatalities(rec, best, 0, &out->fatalities, why) ||
        !fatalities(rec, low, out->fatalities, &out->fatalities_low, why) ||
        !fatalities(rec, high, out->fatalities, &out->fatalities_high, why))
        return false;
    /* Keep low <= best <= high whatever order the source gave. */
    if (out->fatalities_low > out->fatalities)
        out->fatalities_low = out->fatalities;
    if (out->fatalities_high < out->fatalities)
        out->fatalities_high = out->fatalities;
    return true;
}

bool record_to_event(RawRecord *rec, EventInput *out, Error *why)
{
    memset(out, 0, sizeof *out);
    if (!place_of(rec, out, why) || !date_of(rec, out, why) ||
        !fatalities_of(rec, out, why))
        return false;
    type_of(rec, out);
    out->id = id_of(rec, &out->id_space);
    out->actor1 = text(rec, first_present(rec, FIELD_ACTOR1, FIELD_SIDE_A));
    out->assoc_actor1 = text(rec, FIELD_ASSOC_ACTOR_1);
    out->actor2 = text(rec, first_present(rec, FIELD_ACTOR2, FIELD_SIDE_B));
    out->assoc_actor2 = text(rec, FIELD_ASSOC_ACTOR_2);
    out->source = text(rec, first_present(rec, FIELD_SOURCE,
                                          FIELD_SOURCE_OFFICE));
    out->source_scale = text(rec, FIELD_SOURCE_SCALE);
    FieldId notes = first_present(rec, FIELD_NOTES, FIELD_SOURCE_HEADLINE);
    out->notes = text(rec, notes);
    out->notes_len = out->notes ? rec->v[notes].len : 0;
    return true;
}

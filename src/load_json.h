/*
 * load_json.h: what the two JSON loaders (load_json.c, load_geojson.c)
 * share. Private to them: cJSON trees never leave these files.
 */
#ifndef SAHELMAP_LOAD_JSON_H
#define SAHELMAP_LOAD_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "error.h"
#include "record.h"

/* Member names seen at each position of the previous record and what they
 * meant: records of one file repeat their keys in the same order, so one
 * strcmp usually replaces a case-insensitive search of every known name. */
#define KEY_CACHE_SLOTS 64
typedef struct KeyCache {
    char key[KEY_CACHE_SLOTS][24];
    FieldId field[KEY_CACHE_SLOTS];
} KeyCache;

/* Copies the members of a flat JSON object whose names sahelmap knows into
 * rec (strings and numbers; null, booleans and nested values are ignored).
 * rec's strings then point into obj. rec is not cleared first. cache may
 * be NULL. */
void load_json_members(const cJSON *obj, RawRecord *rec, KeyCache *cache);

/* A byte of a number or literal token (never NUL: strchr would match the
 * terminator, which once made a run of NULs one endless token). */
static inline bool load_json_token_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '+' || c == '-' || c == '.';
}

/* Gives the number items of item (parsed from p[0..n)) whose tokens
 * underflow a double their text back as strings, so a record refuses them
 * instead of reading 0. Cheap when p holds no such token. */
void load_json_keep_underflows(cJSON *item, const char *p, size_t n);

/* True when item is a GeoJSON Feature (type "Feature" or has "geometry"). */
bool load_geojson_is_feature(const cJSON *item);

/* Fills rec (cleared first) from a GeoJSON Feature: longitude and latitude
 * from a Point geometry, everything else from its properties. False with a
 * reason when the feature has no usable Point. */
bool load_geojson_feature(const cJSON *feature, RawRecord *rec, KeyCache *cache,
                          Error *why);

#endif

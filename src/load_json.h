/*
 * load_json.h: what the two JSON loaders (load_json.c, load_geojson.c)
 * share. Private to them: cJSON trees never leave these files.
 */
#ifndef SAHELMAP_LOAD_JSON_H
#define SAHELMAP_LOAD_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "load.h"
#include "record.h"

/* Member names seen at each position of the previous record and what they
 * meant: records of one file repeat their keys in the same order, so one
 * strcmp usually replaces a case-insensitive search of every known name. */
#define KEY_CACHE_SLOTS 64
typedef struct KeyCache {
    char key[KEY_CACHE_SLOTS][24];
    uint8_t len[KEY_CACHE_SLOTS];      /* strlen of key when it reads the same
                                        * raw in a file (no quote, backslash
                                        * or control byte), else 0 */
    FieldId field[KEY_CACHE_SLOTS];
} KeyCache;

/* Remembers name[0..len) (len < 24) and its meaning f at position. */
void load_json_cache_key(KeyCache *cache, int position, const char *name, size_t len,
                         FieldId f);

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

/* The fast path for a flat event object (load_json_flat.c): reads the
 * object at text[0] ('{') into rec (not cleared first; its strings are
 * decoded into scratch) exactly as cJSON_ParseWithLengthOpts and
 * load_json_members would, and returns its length up to and including its
 * '}'. Returns 0, with rec partly filled, for an object it leaves to
 * cJSON (nested values, rare escapes, control bytes, a number it cannot
 * be sure of, a GeoJSON Feature, or one not wholly within text[0..n) and
 * scratch_cap bytes). */
#define LOAD_JSON_FLAT_SCRATCH (1u << 20)
size_t load_json_flat(const char *text, size_t n, RawRecord *rec, KeyCache *cache,
                      char *scratch, size_t scratch_cap);

/* One element of the event array, parsed: a Feature, an object, or
 * something else (skipped), handed to load_record or load_skip. */
void load_json_take_element(LoadContext *ctx, KeyCache *keys, const cJSON *item,
                            size_t line, size_t col, size_t index);

/* True when item is a GeoJSON Feature (type "Feature" or has "geometry"). */
bool load_geojson_is_feature(const cJSON *item);

/* Fills rec (cleared first) from a GeoJSON Feature: longitude and latitude
 * from a Point geometry, everything else from its properties. False with a
 * reason when the feature has no usable Point. */
bool load_geojson_feature(const cJSON *feature, RawRecord *rec, KeyCache *cache,
                          Error *why);

#endif

/*
 * load_geojson: GeoJSON (RFC 7946) Point features as event records. The
 * stream walking is load_json's; this file knows what a Feature holds:
 * [longitude, latitude] in the geometry, everything else (date, type,
 * actors, fatalities) in properties under ACLED/UCDP-like names.
 */
#include "load_json.h"

#include <string.h>

bool load_geojson_is_feature(const cJSON *item)
{
    if (!cJSON_IsObject(item)) return false;
    /* One pass, first letters first: this runs on every record of every
     * JSON file, most of them ACLED objects with 30 members. */
    bool geometry = false;
    for (const cJSON *m = item->child; m != NULL; m = m->next) {
        const char *k = m->string;
        if (k == NULL) continue;
        if (k[0] == 't' && strcmp(k, "type") == 0 && cJSON_IsString(m))
            return strcmp(m->valuestring, "Feature") == 0;
        if (k[0] == 'g' && strcmp(k, "geometry") == 0) geometry = true;
    }
    return geometry;
}

bool load_geojson_feature(const cJSON *feature, RawRecord *rec, KeyCache *cache,
                          Error *why)
{
    record_clear(rec);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(feature, "properties");
    if (cJSON_IsObject(props)) load_json_members(props, rec, cache);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(feature, "id");
    if (rec->v[FIELD_ID].kind == RAW_ABSENT) {
        if (cJSON_IsString(id)) record_set_string(rec, FIELD_ID, id->valuestring);
        else if (cJSON_IsNumber(id)) record_set_number(rec, FIELD_ID, id->valuedouble);
        rec->feature_id = cJSON_IsString(id) || cJSON_IsNumber(id);
    }

    const cJSON *geom = cJSON_GetObjectItemCaseSensitive(feature, "geometry");
    if (!cJSON_IsObject(geom)) return error_set(why, "feature has no geometry");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(geom, "type");
    if (!cJSON_IsString(type) || strcmp(type->valuestring, "Point") != 0)
        return error_set(why, "geometry is %.40s, not a Point",
                         cJSON_IsString(type) ? type->valuestring : "untyped");
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geom, "coordinates");
    const cJSON *lon = cJSON_GetArrayItem(coords, 0);
    const cJSON *lat = cJSON_GetArrayItem(coords, 1);
    if (!cJSON_IsArray(coords) || !cJSON_IsNumber(lon) || !cJSON_IsNumber(lat))
        return error_set(why, "coordinates are not [longitude, latitude] numbers");
    record_set_number(rec, FIELD_LONGITUDE, lon->valuedouble);
    record_set_number(rec, FIELD_LATITUDE, lat->valuedouble);
    return true;
}

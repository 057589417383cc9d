/*
 * extract: a figure's events and counts as files. See extract.h.
 */
#include "extract.h"

#include <cjson/cJSON.h>
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "filter.h"
#include "outfile.h"
#include "stats.h"
#include "xalloc.h"

size_t extract_select(const FrameData *data, const Figure *fig, const View *view,
                      uint8_t *marks)
{
    const EventSet *set = data->set;
    memset(marks, 0, set->count);
    int32_t day0, day1;
    frame_days(set, fig, &day0, &day1);
    size_t lo, hi, n = 0;
    events_range(set, day0, day1, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        if (!(fig->filter.type_mask & (1u << set->type[i]))) continue;
        if (data->visible != NULL ? !data->visible[i] : !filter_match(&fig->filter, set, i))
            continue;
        double sx, sy;
        if (!view_lonlat_to_screen(view, events_lon(set, i), events_lat(set, i), &sx, &sy))
            continue;
        /* Inside the map area, as the legend counts. */
        if (!(sx >= view->x && sx < view->x + view->w && sy >= view->y && sy < view->y + view->h))
            continue;
        marks[i] = 1;
        n++;
    }
    return n;
}

/* ------------------------------------------------------------------------- */
/* The fields of an event                                                    */
/* ------------------------------------------------------------------------- */

typedef enum Column {
    COL_ID, COL_DATE, COL_YEAR, COL_TIME_PRECISION, COL_DISORDER, COL_TYPE, COL_SUB_TYPE,
    COL_ACTOR1, COL_ASSOC1, COL_INTER1, COL_ACTOR2, COL_ASSOC2, COL_INTER2, COL_INTERACTION,
    COL_CIVILIAN, COL_ISO, COL_REGION, COL_COUNTRY, COL_ADMIN1, COL_ADMIN2, COL_ADMIN3,
    COL_LOCATION, COL_LAT, COL_LON, COL_GEO_PRECISION, COL_SOURCE, COL_SOURCE_SCALE,
    COL_NOTES, COL_FATALITIES, COL_TAGS, COL_TIMESTAMP,
    COL_FAT_LOW, COL_FAT_HIGH, COL_DATE_END, COL_FILE, COL_COUNT
} Column;

static const char *const column_names[COL_COUNT] = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
    "fatalities_low", "fatalities_high", "event_date_end", "source_file",
};

/* Which columns are numbers in GeoJSON properties. */
static bool numeric(Column c)
{
    return c == COL_YEAR || c == COL_TIME_PRECISION || c == COL_LAT || c == COL_LON ||
           c == COL_GEO_PRECISION || c == COL_FATALITIES || c == COL_FAT_LOW ||
           c == COL_FAT_HIGH;
}

/* The text of column c for event i into buf (or a string it points to);
 * NULL when sahelmap does not keep that field. *notes gets the notes
 * string to free when c is COL_NOTES. */
static const char *field(const EventSet *s, size_t i, Column c, char *buf, size_t cap,
                         char **notes)
{
    int y, m, d;
    switch (c) {
    case COL_ID: return events_text(s, i, TEXT_ID);
    case COL_DATE: date_format(s->day[i], buf); return buf;
    case COL_YEAR:
        date_to_ymd(s->day[i], &y, &m, &d);
        snprintf(buf, cap, "%d", y);
        return buf;
    case COL_TIME_PRECISION: snprintf(buf, cap, "%d", events_date_prec(s, i) ? events_date_prec(s, i) : 1); return buf;
    case COL_DISORDER: return events_disorder_name(events_disorder(s, i));
    case COL_TYPE:       /* a type sahelmap does not know: as its file wrote it */
        if (s->type[i] == EVENT_UNKNOWN && events_text_ref(s, i, TEXT_ORIGINAL_TYPE) != 0)
            return events_text(s, i, TEXT_ORIGINAL_TYPE);
        return events_type_name((EventType)s->type[i]);
    case COL_SUB_TYPE: return events_sub_type_name((SubEventType)s->sub_type[i]);
    case COL_ACTOR1: return events_text(s, i, TEXT_ACTOR1);
    case COL_ASSOC1: return events_text(s, i, TEXT_ASSOC_ACTOR1);
    case COL_ACTOR2: return events_text(s, i, TEXT_ACTOR2);
    case COL_ASSOC2: return events_text(s, i, TEXT_ASSOC_ACTOR2);
    case COL_CIVILIAN:
        return s->flags[i] & EVENT_FLAG_CIVILIAN_TARGETING ? "Civilian targeting" : "";
    case COL_COUNTRY: return events_text(s, i, TEXT_COUNTRY);
    case COL_ADMIN1: return events_text(s, i, TEXT_ADMIN1);
    case COL_ADMIN2: return events_text(s, i, TEXT_ADMIN2);
    case COL_ADMIN3: return events_text(s, i, TEXT_ADMIN3);
    case COL_LOCATION: return events_text(s, i, TEXT_LOCATION);
    case COL_LAT: snprintf(buf, cap, "%.15g", events_lat(s, i)); return buf;
    case COL_LON: snprintf(buf, cap, "%.15g", events_lon(s, i)); return buf;
    case COL_GEO_PRECISION: snprintf(buf, cap, "%d", events_geo_prec(s, i) ? events_geo_prec(s, i) : 1); return buf;
    case COL_SOURCE: return events_text(s, i, TEXT_SOURCE);
    case COL_SOURCE_SCALE: return events_text(s, i, TEXT_SOURCE_SCALE);
    case COL_NOTES: *notes = events_notes(s, i); return *notes;
    case COL_FATALITIES: snprintf(buf, cap, "%d", s->fat[i]); return buf;
    case COL_FAT_LOW: snprintf(buf, cap, "%d", events_fat_low(s, i)); return buf;
    case COL_FAT_HIGH: snprintf(buf, cap, "%d", events_fat_high(s, i)); return buf;
    case COL_DATE_END: date_format(s->day[i] + events_span(s, i), buf); return buf;
    case COL_FILE: return events_text(s, i, TEXT_FILE);
    case COL_INTER1: case COL_INTER2: case COL_INTERACTION: case COL_ISO: case COL_REGION:
    case COL_TAGS: case COL_TIMESTAMP: case COL_COUNT: break;
    }
    return NULL;
}

static bool write_failed(FILE *f, Error *err)
{
    return ferror(f) ? !error_set(err, "writing failed: %s", strerror(errno ? errno : EIO))
                     : false;
}

/* ------------------------------------------------------------------------- */
/* CSV and GeoJSON                                                           */
/* ------------------------------------------------------------------------- */

bool extract_write_csv(FILE *f, const EventSet *set, const uint8_t *marks, Error *err)
{
    for (int c = 0; c < COL_COUNT; c++)
        fprintf(f, "%s%s", c ? "," : "", column_names[c]);
    fputs("\r\n", f);
    for (size_t i = 0; i < set->count; i++) {
        if (!marks[i]) continue;
        for (int c = 0; c < COL_COUNT; c++) {
            char buf[64], *notes = NULL;
            const char *v = field(set, i, (Column)c, buf, sizeof buf, &notes);
            if (c) fputc(',', f);
            if (v != NULL && v[0]) csv_fwrite(f, v, strlen(v));
            free(notes);
        }
        fputs("\r\n", f);
        if (ferror(f)) break;
    }
    return !write_failed(f, err);
}

bool extract_write_geojson(FILE *f, const EventSet *set, const uint8_t *marks, Error *err)
{
    fputs("{\"type\":\"FeatureCollection\",\"features\":[", f);
    bool first = true;
    for (size_t i = 0; i < set->count && !ferror(f); i++) {
        if (!marks[i]) continue;
        cJSON *feature = cJSON_CreateObject();
        cJSON_AddStringToObject(feature, "type", "Feature");
        cJSON *geometry = cJSON_AddObjectToObject(feature, "geometry");
        cJSON_AddStringToObject(geometry, "type", "Point");
        const double xy[2] = {events_lon(set, i), events_lat(set, i)};
        cJSON_AddItemToObject(geometry, "coordinates", cJSON_CreateDoubleArray(xy, 2));
        cJSON *props = cJSON_AddObjectToObject(feature, "properties");
        for (int c = 0; c < COL_COUNT; c++) {
            char buf[64], *notes = NULL;
            const char *v = field(set, i, (Column)c, buf, sizeof buf, &notes);
            if (v == NULL) cJSON_AddNullToObject(props, column_names[c]);
            else if (numeric((Column)c)) cJSON_AddNumberToObject(props, column_names[c], strtod(v, NULL));
            else cJSON_AddStringToObject(props, column_names[c], v);
            free(notes);
        }
        char *text = cJSON_PrintUnformatted(feature);
        cJSON_Delete(feature);
        if (text == NULL) return error_set(err, "out of memory");
        fprintf(f, "%s\n%s", first ? "" : ",", text);
        free(text);
        first = false;
    }
    fputs("\n]}\n", f);
    return !write_failed(f, err);
}

/* ------------------------------------------------------------------------- */
/* Counts                                                                    */
/* ------------------------------------------------------------------------- */

static void write_group(FILE *f, const EventSet *set, const char *group, StatsGroup *g,
                        bool by_month)
{
    if (by_month) stats_sort_by_key(g);
    else stats_sort_by_events(g);
    for (size_t r = 0; r < g->count; r++) {
        const StatsRow *row = &g->rows[r];
        char key[300];
        if (by_month) {
            snprintf(key, sizeof key, "%04d-%02d", (int)(row->key / 100), (int)(row->key % 100));
        } else if (strcmp(group, "admin1") == 0) {
            snprintf(key, sizeof key, "%.140s / %.140s",
                     strpool_get(&set->strings, (uint32_t)(row->key >> 32)),
                     strpool_get(&set->strings, (uint32_t)row->key));
        } else {
            snprintf(key, sizeof key, "%.290s", strpool_get(&set->strings, (uint32_t)row->key));
        }
        fprintf(f, "%s,", group);
        csv_fwrite(f, key, strlen(key));
        fprintf(f, ",%zu,%lld\r\n", row->events, (long long)row->fatalities);
    }
}

bool extract_write_stats(FILE *f, const EventSet *set, const uint8_t *marks, Error *err)
{
    size_t events = 0, type_events[EVENT_TYPE_COUNT] = {0};
    int64_t fatalities = 0, type_fat[EVENT_TYPE_COUNT] = {0};
    StatsGroup country = {0}, admin1 = {0}, month = {0};
    for (size_t i = 0; i < set->count; i++) {
        if (!marks[i]) continue;
        events++;
        fatalities += set->fat[i];
        type_events[set->type[i]]++;
        type_fat[set->type[i]] += set->fat[i];
        uint64_t c = events_text_ref(set, i, TEXT_COUNTRY);
        stats_group_add(&country, c, set->fat[i]);
        stats_group_add(&admin1, c << 32 | events_text_ref(set, i, TEXT_ADMIN1), set->fat[i]);
        int y, m, d;
        date_to_ymd(set->day[i], &y, &m, &d);
        stats_group_add(&month, (uint64_t)(y * 100 + m), set->fat[i]);
    }
    fprintf(f, "group,key,events,fatalities\r\n");
    fprintf(f, "total,all,%zu,%lld\r\n", events, (long long)fatalities);
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        fprintf(f, "type,");
        const char *name = events_type_name((EventType)t);
        csv_fwrite(f, name, strlen(name));
        fprintf(f, ",%zu,%lld\r\n", type_events[t], (long long)type_fat[t]);
    }
    write_group(f, set, "country", &country, false);
    write_group(f, set, "admin1", &admin1, false);
    write_group(f, set, "month", &month, true);
    stats_group_free(&country);
    stats_group_free(&admin1);
    stats_group_free(&month);
    return !write_failed(f, err);
}

/* ------------------------------------------------------------------------- */
/* Files                                                                     */
/* ------------------------------------------------------------------------- */

typedef bool (*Writer)(FILE *f, const EventSet *set, const uint8_t *marks, Error *err);

static bool write_one(const FrameData *data, const char *path, Writer writer,
                      const uint8_t *marks, Error *err)
{
    OutFile out;
    if (!outfile_open(&out, path, data->inputs, data->ninputs, err)) return false;
    if (!writer(out.f, data->set, marks, err)) {
        outfile_abort(&out);
        return error_prefix(err, "%s", path);
    }
    return outfile_commit(&out, err);
}

bool extract_files(const FrameData *data, const Figure *fig, const ExtractPaths *paths,
                   size_t *count, Error *err)
{
    View view;
    frame_view(data->set, fig, data->visible, &view);
    uint8_t *marks = xmalloc(data->set->count + 1);
    *count = extract_select(data, fig, &view, marks);
    bool ok = true;
    if (ok && paths->csv) ok = write_one(data, paths->csv, extract_write_csv, marks, err);
    if (ok && paths->geojson)
        ok = write_one(data, paths->geojson, extract_write_geojson, marks, err);
    if (ok && paths->stats) ok = write_one(data, paths->stats, extract_write_stats, marks, err);
    free(marks);
    return ok;
}

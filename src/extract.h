/*
 * extract: the data behind a figure. The events it shows (in its date
 * window, passing its filters, inside its map area: what its legend
 * counts) as CSV in ACLED's column order or as GeoJSON (RFC 7946), every
 * field sahelmap keeps; and the counts its legend and stats panel show
 * (by type, country, admin-1 area and month) as a CSV table for a report.
 * Events are already one per event (monadic rows merged), so each appears
 * once. Pure: no SDL.
 */
#ifndef SAHELMAP_EXTRACT_H
#define SAHELMAP_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "figure.h"
#include "frame.h"

/* Marks (marks[i] = 1, else 0; set->count bytes) the events fig shows in
 * view and returns how many. */
size_t extract_select(const FrameData *data, const Figure *fig, const View *view,
                      uint8_t *marks);

/* Writes the marked events to f: a header row then one row per event
 * (RFC 4180 quoting): ACLED's 31 columns (those sahelmap does not keep,
 * such as inter1 or tags, are empty), then fatalities_low, fatalities_high,
 * event_date_end and source_file. event_type is one of the six (an older
 * ACLED type as the one it became), or an unknown type as its file wrote
 * it. False with err on a write error. */
bool extract_write_csv(FILE *f, const EventSet *set, const uint8_t *marks, Error *err);

/* The marked events as a GeoJSON FeatureCollection of Points (longitude,
 * latitude on WGS84), the same fields as properties (numbers as numbers). */
bool extract_write_geojson(FILE *f, const EventSet *set, const uint8_t *marks, Error *err);

/* The counts of the marked events: rows "group,key,events,fatalities"
 * with group total, type, country, admin1 ("Country / Area") and month
 * (YYYY-MM), each group most events first (months in order). */
bool extract_write_stats(FILE *f, const EventSet *set, const uint8_t *marks, Error *err);

/* The outputs asked for, each NULL or a path ("-": standard output).
 * Writes each whole or not at all (outfile), never over an input. */
typedef struct ExtractPaths {
    const char *csv, *geojson, *stats;
} ExtractPaths;

/* Selects fig's events over data and writes every output asked for. False
 * with err (naming the path) at the first that fails; the ones written
 * before stay. *count gets how many events were written. */
bool extract_files(const FrameData *data, const Figure *fig, const ExtractPaths *paths,
                   size_t *count, Error *err);

#endif

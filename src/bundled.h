/*
 * bundled: where sahelmap finds the event files it ships (data/), used when
 * the user names no file, and its basemap asset: in the directories of the
 * Config (SAHELMAP_DATA and SAHELMAP_ASSETS override the built-in ones).
 */
#ifndef SAHELMAP_BUNDLED_H
#define SAHELMAP_BUNDLED_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "error.h"

/* The path of a shipped asset (e.g. "sahel-basemap.json") in the assets
 * directory, into out. */
void bundled_asset(const Config *cfg, const char *name, char *out, size_t cap);

/* True when path lies in the bundled data directory. */
bool bundled_contains(const Config *cfg, const char *path);

/* The bundled event files (*.json, *.csv, *.geojson in bundled_dir, sorted
 * by name) as a NULL-terminated array of paths; free with bundled_free.
 * NULL with err when the directory cannot be read or holds no file. */
char **bundled_files(const Config *cfg, Error *err);
void bundled_free(char **paths);

#endif

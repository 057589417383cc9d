/*
 * bundled: where sahelmap finds the event files it ships (data/), used when
 * the user names no file. $SAHELMAP_DATA overrides the built-in directory.
 */
#ifndef SAHELMAP_BUNDLED_H
#define SAHELMAP_BUNDLED_H

#include <stddef.h>

#include "error.h"

/* The directory holding the bundled data. */
const char *bundled_dir(void);

/* The bundled event files (*.json, *.csv, *.geojson in bundled_dir, sorted
 * by name) as a NULL-terminated array of paths; free with bundled_free.
 * NULL with err when the directory cannot be read or holds no file. */
char **bundled_files(Error *err);
void bundled_free(char **paths);

#endif

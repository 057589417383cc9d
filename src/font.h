/*
 * font: finds font files through fontconfig, so sahelmap uses whatever
 * good sans-serif face the system has (DejaVu Sans from fonts-dejavu-core
 * on Debian) without shipping one.
 */
#ifndef SAHELMAP_FONT_H
#define SAHELMAP_FONT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* Writes the path of the best match for a fontconfig pattern such as
 * "DejaVu Sans:style=Book" or "sans-serif:bold" into path. False with err
 * when fontconfig finds no scalable font at all. */
bool font_find(const char *pattern, char *path, size_t cap, Error *err);

#endif

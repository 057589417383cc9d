/*
 * incountry: a country for the events whose file names none (a file
 * without a country column, or rows with it empty), from the basemap
 * country polygon each event lies in. The event then carries
 * EVENT_FLAG_COUNTRY_INFERRED, so `sahelmap info` and the details panel can
 * say the country was inferred. Events outside every country polygon (the
 * sea, beyond the basemap) keep no country.
 *
 * Fast for millions of events: a grid of 0.25 degree cells over the
 * countries; a cell no border crosses lies wholly in one country (or in
 * none) and is tested once, so only events in cells a border crosses are
 * tested against polygons (basemap_shape_contains, those whose bounding box
 * holds the point).
 */
#ifndef SAHELMAP_INCOUNTRY_H
#define SAHELMAP_INCOUNTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "basemap.h"
#include "events.h"

/* Whether some event of set has no country and none inferred yet. */
bool incountry_needed(const EventSet *set);

/* Gives every event of set without a country the English name of the
 * basemap country it lies in (the first country shape containing it) and
 * marks it EVENT_FLAG_COUNTRY_INFERRED. Events with a country are left
 * alone. Returns how many got one. */
size_t incountry_infer(EventSet *set, const Basemap *map);

#endif

/*
 * basemap: the shipped vector basemap (assets/sahel-basemap.json, built by
 * tools/basemap from Natural Earth and GeoNames): land, countries, admin-1
 * areas, border and coast lines, rivers, lakes and towns. Loaded once and
 * projected once per projection (basemap_project); drawing never projects.
 *
 * Geometry is stored flat: every ring or line is a path, a run of points in
 * the shared point arrays; a shape (a country, a river, ...) is a run of
 * paths with a name and a label point.
 */
#ifndef SAHELMAP_BASEMAP_H
#define SAHELMAP_BASEMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "proj.h"
#include "strpool.h"

typedef enum BasemapLayerId {
    BASEMAP_LAND,
    BASEMAP_COUNTRIES,
    BASEMAP_ADMIN1,
    BASEMAP_LAKES,
    BASEMAP_RIVERS,
    BASEMAP_COASTLINE,
    BASEMAP_ADMIN1_BORDERS,
    BASEMAP_COUNTRY_BORDERS,
    BASEMAP_LAYER_COUNT
} BasemapLayerId;

typedef struct BasemapPath {
    uint32_t start, count;          /* points [start, start + count) */
} BasemapPath;

typedef struct BasemapShape {
    uint32_t first_path, npaths;    /* paths [first, first + n) */
    uint32_t name, name_fr, country;/* string refs in Basemap.names */
    double label_lon, label_lat;    /* NAN when there is no label point */
    double label_x, label_y;        /* projected label point */
} BasemapShape;

typedef struct BasemapLayer {
    BasemapShape *shapes;
    size_t count, cap;
} BasemapLayer;

typedef struct BasemapTown {
    uint32_t name, country;         /* string refs */
    double lon, lat, x, y;          /* x, y projected (NAN if not) */
    long population;
    bool capital;
} BasemapTown;

typedef struct Basemap {
    double *lon, *lat;              /* degrees */
    double *x, *y;                  /* projected, for projected_kind */
    size_t npoints, points_cap;
    BasemapPath *paths;
    size_t npaths, paths_cap;
    BasemapLayer layers[BASEMAP_LAYER_COUNT];
    BasemapTown *towns;             /* most populous first */
    size_t ntowns;
    StrPool names;
    char credits[128];
    int projected_kind;             /* ProjKind of x/y, or -1 */
} Basemap;

/* Loads the basemap asset at path. False with err (file and what is wrong)
 * if it cannot be read or is not a sahelmap basemap. Release with
 * basemap_free (also safe after a failed load). */
bool basemap_load(Basemap *map, const char *path, Error *err);
void basemap_free(Basemap *map);

/* Projects every point, label and town with p, unless already done for
 * p's kind. Points outside the projection's domain become NAN. */
void basemap_project(Basemap *map, const Proj *p);

/* A name ref as text. */
static inline const char *basemap_str(const Basemap *map, uint32_t ref)
{
    return strpool_get(&map->names, ref);
}

/* Index of the country shape whose iso3 is given, or -1. */
int basemap_find_country(const Basemap *map, const char *iso3);

/* Whether (lon, lat) lies inside shape s of a polygon layer (even-odd over
 * all its rings). */
bool basemap_shape_contains(const Basemap *map, const BasemapShape *s,
                            double lon, double lat);

/* Index of the country shape named name: its iso3, English or French name,
 * compared case-insensitively ("Mali", "MLI", "Côte d'Ivoire"), or -1. */
int basemap_find_country_named(const Basemap *map, const char *name);

/* Index of the first shape of polygon layer `layer` (BASEMAP_COUNTRIES,
 * BASEMAP_ADMIN1, ...) that contains (lon, lat), or -1 when none does
 * (outside the map, in the sea). */
int basemap_shape_at(const Basemap *map, BasemapLayerId layer, double lon, double lat);

#endif

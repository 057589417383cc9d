/*
 * proj: map projections as pure math, the PROJ/GMT way: each projection is
 * a forward/inverse pair whose constants are computed once (proj_init).
 * All on the WGS84 ellipsoid, coordinates in metres, matching these PROJ
 * definitions (checked against PROJ's own output in tests/fixtures/proj):
 *
 *   PROJ_LAEA      +proj=laea +lat_0=16 +lon_0=2 +ellps=WGS84   (default:
 *                  equal-area, so densities compare fairly across the region)
 *   PROJ_ALBERS    +proj=aea +lat_1=10 +lat_2=24 +lat_0=16 +lon_0=2 +ellps=WGS84
 *   PROJ_MERCATOR  +proj=webmerc +datum=WGS84  (Web Mercator, EPSG:3857)
 *   PROJ_PLATE     +proj=eqc +ellps=WGS84      (plate carree)
 *
 * Formulas: Snyder, "Map Projections: A Working Manual" (USGS 1987):
 * LAEA oblique ellipsoidal (p. 187), Albers ellipsoidal (p. 101).
 */
#ifndef SAHELMAP_PROJ_H
#define SAHELMAP_PROJ_H

#include <stdbool.h>

typedef enum ProjKind {
    PROJ_LAEA = 0,
    PROJ_ALBERS,
    PROJ_MERCATOR,
    PROJ_PLATE,
    PROJ_KIND_COUNT
} ProjKind;

typedef struct Proj {
    ProjKind kind;
    double a, e, e2;           /* ellipsoid: semi-major axis, eccentricity */
    double lon0, lat0;         /* centre, radians */
    double qp;                 /* q at the pole (authalic) */
    /* LAEA */
    double rq, d, sinb1, cosb1;
    /* Albers */
    double n, c, rho0;
} Proj;

/* Sets up projection `kind` with sahelmap's parameters (see above). */
void proj_init(Proj *p, ProjKind kind);

/* Degrees -> metres. False (outputs untouched) outside the projection's
 * domain: |lat| > 90 or |lon| > 180 for all; the antipode of the centre for
 * LAEA; |lat| > 85.0511 (the square's edge) for Web Mercator. */
bool proj_forward(const Proj *p, double lon, double lat, double *x, double *y);

/* Metres -> degrees. False for points that no (lon, lat) projects to. */
bool proj_inverse(const Proj *p, double x, double y, double *lon, double *lat);

/* The command-line name ("laea", "albers", "mercator", "plate") and the
 * PROJ definition string of a kind. */
const char *proj_name(ProjKind kind);
const char *proj_definition(ProjKind kind);

/* The kind named s (as proj_name spells it); false if none. */
bool proj_parse(const char *s, ProjKind *kind);

/* The scale factor along the parallel and the meridian at (lon, lat): how
 * many projected metres one metre on the ground becomes. Used for a scale
 * bar that is true at the map centre. Returns false outside the domain. */
bool proj_scale(const Proj *p, double lon, double lat, double *k_parallel,
                double *k_meridian);

#endif

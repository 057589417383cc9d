/*
 * proj: forward and inverse projections. See proj.h.
 */
#include "proj.h"

#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define WGS84_A 6378137.0
#define WGS84_F (1.0 / 298.257223563)
#define DEG (PI / 180.0)
#define WEBMERC_MAX_LAT 85.051128779806589

static const char *const names[PROJ_KIND_COUNT] = {"laea", "albers",
                                                   "mercator", "plate"};
static const char *const definitions[PROJ_KIND_COUNT] = {
    "+proj=laea +lat_0=16 +lon_0=2 +ellps=WGS84",
    "+proj=aea +lat_1=10 +lat_2=24 +lat_0=16 +lon_0=2 +ellps=WGS84",
    "+proj=webmerc +datum=WGS84",
    "+proj=eqc +ellps=WGS84",
};

const char *proj_name(ProjKind kind)
{
    return (unsigned)kind < PROJ_KIND_COUNT ? names[kind] : "?";
}

const char *proj_definition(ProjKind kind)
{
    return (unsigned)kind < PROJ_KIND_COUNT ? definitions[kind] : "";
}

bool proj_parse(const char *s, ProjKind *kind)
{
    for (int k = 0; k < PROJ_KIND_COUNT; k++) {
        if (strcmp(s, names[k]) == 0) {
            *kind = (ProjKind)k;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------------- */
/* Ellipsoid helpers                                                         */
/* ------------------------------------------------------------------------- */

/* Snyder's q (3-12): twice the authalic area function. */
static double q_of(const Proj *p, double sinphi)
{
    double es = p->e * sinphi;
    return (1 - p->e2) * (sinphi / (1 - es * es) -
                          (1 / (2 * p->e)) * log((1 - es) / (1 + es)));
}

/* Snyder's m (14-15). */
static double m_of(const Proj *p, double phi)
{
    double s = sin(phi);
    return cos(phi) / sqrt(1 - p->e2 * s * s);
}

/* The latitude whose q is `q` (Snyder 3-16, iterated to convergence). */
static double phi_of_q(const Proj *p, double q)
{
    if (fabs(fabs(q) - p->qp) < 1e-12) return copysign(PI / 2, q);
    double phi = asin(q / 2);
    for (int i = 0; i < 30; i++) {
        double s = sin(phi), c = cos(phi), es = p->e * s;
        double one = 1 - es * es;
        double dphi = one * one / (2 * c) *
                      (q / (1 - p->e2) - s / one +
                       (1 / (2 * p->e)) * log((1 - es) / (1 + es)));
        phi += dphi;
        if (fabs(dphi) < 1e-14) break;
    }
    return phi;
}

/* An angle brought into [-pi, pi]. */
static double wrap_pi(double a)
{
    while (a > PI) a -= 2 * PI;
    while (a < -PI) a += 2 * PI;
    return a;
}

/* ------------------------------------------------------------------------- */
/* Set-up                                                                    */
/* ------------------------------------------------------------------------- */

void proj_init(Proj *p, ProjKind kind)
{
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->a = WGS84_A;
    p->e2 = WGS84_F * (2 - WGS84_F);
    p->e = sqrt(p->e2);
    p->qp = q_of(p, 1.0);
    switch (kind) {
    case PROJ_LAEA: {
        p->lon0 = 2 * DEG;
        p->lat0 = 16 * DEG;
        p->rq = p->a * sqrt(p->qp / 2);
        double b1 = asin(q_of(p, sin(p->lat0)) / p->qp);
        p->sinb1 = sin(b1);
        p->cosb1 = cos(b1);
        p->d = p->a * m_of(p, p->lat0) / (p->rq * p->cosb1);
        break;
    }
    case PROJ_ALBERS: {
        double phi1 = 10 * DEG, phi2 = 24 * DEG;
        p->lon0 = 2 * DEG;
        p->lat0 = 16 * DEG;
        double m1 = m_of(p, phi1), m2 = m_of(p, phi2);
        double q1 = q_of(p, sin(phi1)), q2 = q_of(p, sin(phi2));
        p->n = (m1 * m1 - m2 * m2) / (q2 - q1);
        p->c = m1 * m1 + p->n * q1;
        p->rho0 = p->a * sqrt(p->c - p->n * q_of(p, sin(p->lat0))) / p->n;
        break;
    }
    case PROJ_MERCATOR:
    case PROJ_PLATE:
    case PROJ_KIND_COUNT:
        break;
    }
}

/* ------------------------------------------------------------------------- */
/* Forward and inverse                                                       */
/* ------------------------------------------------------------------------- */

bool proj_forward(const Proj *p, double lon, double lat, double *x, double *y)
{
    if (!(fabs(lat) <= 90) || !(fabs(lon) <= 180)) return false;
    double lam = lon * DEG, phi = lat * DEG;
    switch (p->kind) {
    case PROJ_LAEA: {
        double beta = asin(q_of(p, sin(phi)) / p->qp);
        double sb = sin(beta), cb = cos(beta);
        double dl = wrap_pi(lam - p->lon0);
        double denom = 1 + p->sinb1 * sb + p->cosb1 * cb * cos(dl);
        if (denom < 1e-10) return false;            /* the antipode */
        double b = p->rq * sqrt(2 / denom);
        *x = b * p->d * cb * sin(dl);
        *y = (b / p->d) * (p->cosb1 * sb - p->sinb1 * cb * cos(dl));
        return true;
    }
    case PROJ_ALBERS: {
        double rho = p->a * sqrt(p->c - p->n * q_of(p, sin(phi))) / p->n;
        double theta = p->n * wrap_pi(lam - p->lon0);
        *x = rho * sin(theta);
        *y = p->rho0 - rho * cos(theta);
        return true;
    }
    case PROJ_MERCATOR:
        if (fabs(lat) > WEBMERC_MAX_LAT) return false;
        *x = p->a * lam;
        *y = p->a * log(tan(PI / 4 + phi / 2));
        return true;
    case PROJ_PLATE:
        *x = p->a * lam;
        *y = p->a * phi;
        return true;
    case PROJ_KIND_COUNT:
        break;
    }
    return false;
}

bool proj_inverse(const Proj *p, double x, double y, double *lon, double *lat)
{
    if (!isfinite(x) || !isfinite(y)) return false;
    double lam = 0, phi = 0;
    switch (p->kind) {
    case PROJ_LAEA: {
        double xd = x / p->d, yd = y * p->d;
        double rho = hypot(xd, yd);
        if (rho < 1e-9) {
            lam = p->lon0;
            phi = p->lat0;
            break;
        }
        double s = rho / (2 * p->rq);
        if (s > 1) return false;                    /* beyond the globe */
        double ce = 2 * asin(s);
        double sc = sin(ce), cc = cos(ce);
        double q = p->qp * (cc * p->sinb1 + y * p->d * sc * p->cosb1 / rho);
        if (q > p->qp) q = p->qp;
        if (q < -p->qp) q = -p->qp;
        phi = phi_of_q(p, q);
        lam = p->lon0 + atan2(x * sc, p->d * rho * p->cosb1 * cc -
                                          p->d * p->d * y * p->sinb1 * sc);
        break;
    }
    case PROJ_ALBERS: {
        double dy = p->rho0 - y;
        double rho = hypot(x, dy);
        double theta = atan2(x, dy);
        double q = (p->c - rho * rho * p->n * p->n / (p->a * p->a)) / p->n;
        if (fabs(q) > p->qp + 1e-12) return false;
        phi = phi_of_q(p, fmax(-p->qp, fmin(p->qp, q)));
        lam = p->lon0 + theta / p->n;
        break;
    }
    case PROJ_MERCATOR:
        lam = x / p->a;
        phi = PI / 2 - 2 * atan(exp(-y / p->a));
        break;
    case PROJ_PLATE:
        lam = x / p->a;
        phi = y / p->a;
        break;
    case PROJ_KIND_COUNT:
        return false;
    }
    lam = wrap_pi(lam);
    if (!(fabs(phi) <= PI / 2 + 1e-12)) return false;
    *lon = lam / DEG;
    *lat = phi / DEG;
    return true;
}

bool proj_scale(const Proj *p, double lon, double lat, double *k_parallel,
                double *k_meridian)
{
    /* Numerically: project points 1 m east and north on the ellipsoid. */
    double phi = lat * DEG, s = sin(phi);
    double w = sqrt(1 - p->e2 * s * s);
    double n_radius = p->a / w;                        /* prime vertical */
    double m_radius = p->a * (1 - p->e2) / (w * w * w); /* meridian */
    double dlon = 1.0 / (n_radius * cos(phi)) / DEG;   /* 1 m east, degrees */
    double dlat = 1.0 / m_radius / DEG;                /* 1 m north */
    double x0, y0, xe, ye, xn, yn;
    if (!proj_forward(p, lon, lat, &x0, &y0) ||
        !proj_forward(p, lon + dlon, lat, &xe, &ye) ||
        !proj_forward(p, lon, lat + dlat, &xn, &yn))
        return false;
    *k_parallel = hypot(xe - x0, ye - y0);
    *k_meridian = hypot(xn - x0, yn - y0);
    return true;
}

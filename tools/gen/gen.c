/*
 * gen.c - sahelmap-gen's generator state: the daily intensity CDF, and
 * gen_next, which draws the events one at a time in date order (ascending
 * order statistics of N uniforms) with their place, type, actors,
 * fatalities, sources and tags.
 */
#include "gen.h"

#include <math.h>
#include <stdlib.h>

int gen_init(Gen *g, uint64_t seed, uint64_t n, int from, int to)
{
    memset(g, 0, sizeof *g);
    g->seed = seed;
    g->n = n;
    g->d0 = calendar_days(from, 1, 1);
    g->ndays = calendar_days(to + 1, 1, 1) - g->d0;
    g->cdf = malloc((size_t)g->ndays * sizeof *g->cdf);
    if (!g->cdf)
        return -1;
    Rng rw;
    rng_seed(&rw, seed, 1);
    rng_seed(&g->rdate, seed, 2);
    rng_seed(&g->rattr, seed, 3);
    rng_seed(&g->rnote, seed, 4);
    double tot = 0;
    for (long i = 0; i < g->ndays; i++) {
        int y, m, d;
        calendar_civil(g->d0 + i, &y, &m, &d);
        long jan1 = calendar_days(y, 1, 1);
        double ylen = (double)(calendar_days(y + 1, 1, 1) - jan1);
        double doy = (double)(g->d0 + i - jan1);
        /* linear interpolation of the yearly rate between year mid-points */
        double t = y + (doy + 0.5) / ylen - 0.5;
        int y0 = (int)floor(t);
        double f = t - y0;
        double rate = (intensity_year(y0) * (1 - f) + intensity_year(y0 + 1) * f) / 365.25;
        /* dry season (Jan-May) busier than the rainy season (Jul-Sep) */
        double season = 1.0 + 0.18 * cos(6.283185307179586 * (doy - 75.0) / 365.25);
        /* overdispersed day-to-day noise */
        double noise = exp(0.4 * rng_gauss(&rw) - 0.08);
        tot += rate * season * noise;
        g->cdf[i] = tot;
    }
    for (long i = 0; i < g->ndays; i++)
        g->cdf[i] /= tot;
    g->cdf[g->ndays - 1] = 1.0;
    g->q = 1.0;
    g->dayptr = 0;
    g->cur_year = -1;
    return 0;
}

void gen_free(Gen *g)
{
    free(g->cdf);
    g->cdf = NULL;
}

static void update_year(Gen *g, int y)
{
    if (y == g->cur_year)
        return;
    g->cur_year = y;
    double ta = 0, tu = 0;
    for (int i = 0; i < NT; i++) {
        const Town *t = &TOWNS[i];
        ta += t->act * intensity_country(t->country, y) * intensity_zone(t->zone, y);
        tu += t->urb * (t->country == C_NER ? 0.8 : 1.0);
        g->cum_act[i] = ta;
        g->cum_urb[i] = tu;
    }
}

static int pick_cum(Rng *r, const double *cum, int n)
{
    double x = rng_u01(r) * cum[n - 1];
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* --- fatalities --- */

static int draw_fatalities(Rng *r, double p0, double mu, double sigma)
{
    if (rng_chance(r, p0))
        return 0;
    double v = exp(mu + sigma * rng_gauss(r));
    if (v > 300)
        v = 150 + rng_u01(r) * 150;
    int n = (int)v;
    return n < 1 ? 1 : n;
}

static int fatalities_for(Rng *r, int st)
{
    switch (st) {
    case ST_CLASH: return draw_fatalities(r, 0.30, 1.0, 1.25);
    case ST_GRT: return draw_fatalities(r, 0.40, 1.3, 1.2);
    case ST_NSAOT: return draw_fatalities(r, 0.30, 1.5, 1.3);
    case ST_CHEM: return draw_fatalities(r, 0.70, 0.0, 0.5);
    case ST_AIR: return draw_fatalities(r, 0.25, 1.4, 1.2);
    case ST_SUIC: return draw_fatalities(r, 0.15, 1.8, 1.1);
    case ST_SHELL: return draw_fatalities(r, 0.75, 0.3, 0.8);
    case ST_IED: return draw_fatalities(r, 0.45, 0.7, 1.0);
    case ST_GREN: return draw_fatalities(r, 0.60, 0.0, 0.6);
    case ST_SEXV: return draw_fatalities(r, 0.95, 0.0, 0.3);
    case ST_ATTACK: return draw_fatalities(r, 0.20, 0.9, 1.2);
    case ST_ABDUCT: return draw_fatalities(r, 0.90, 0.0, 0.6);
    case ST_INTERV: return draw_fatalities(r, 0.97, 0.0, 0.5);
    case ST_EXCESS: return draw_fatalities(r, 0.50, 0.3, 0.8);
    case ST_VIOLDEMO: return draw_fatalities(r, 0.90, 0.0, 0.6);
    case ST_MOB: return draw_fatalities(r, 0.40, 0.0, 0.5);
    default: return 0;
    }
}

const char *const GRIEVANCES[] = {
    "denounce the deteriorating security situation in the area",
    "demand the reopening of schools closed because of insecurity",
    "protest against repeated power cuts",
    "express support for the transitional authorities",
    "demand the departure of foreign forces",
    "protest against the rising cost of living",
    "denounce the blockade imposed on the town by armed groups",
    "demand the release of relatives detained by security forces",
    "call for the protection of civilians",
    "protest against fuel shortages",
    "demand the payment of salary arrears",
    "contest the results of local elections",
    "protest against the poor state of the main road",
    "denounce the killing of civilians in a nearby village",
    "demand better access to drinking water",
};

int gen_next(Gen *g, Event *e)
{
    if (g->emitted >= g->n)
        return 0;
    Rng *r = &g->rattr;
    /* next ascending order statistic of n uniforms */
    uint64_t m = g->n - g->emitted;
    g->q *= exp(log(rng_u01_open(&g->rdate)) / (double)m);
    double u = 1.0 - g->q;
    while (g->dayptr < g->ndays - 1 && g->cdf[g->dayptr] <= u)
        g->dayptr++;
    g->emitted++;

    e->id = g->emitted;
    e->day = g->d0 + g->dayptr;
    calendar_civil(e->day, &e->y, &e->m, &e->d);
    e->ymd = e->y * 10000 + e->m * 100 + e->d;
    update_year(g, e->y);

    double v = rng_u01(r);
    e->tp = v < 0.85 ? 1 : (v < 0.95 ? 2 : 3);

    e->et = rng_pick_weighted(r, ET_SHARE, N_ET);
    e->st = ST_FIRST[e->et] + rng_pick_weighted(r, ST_W + ST_FIRST[e->et], ST_COUNT[e->et]);

    int urban = e->et == ET_PRO || e->et == ET_RIO || (e->et == ET_SD && rng_chance(r, 0.3));
    e->town = pick_cum(r, urban ? g->cum_urb : g->cum_act, NT);
    const Town *t = &TOWNS[e->town];

    v = rng_u01(r);
    e->gp = v < 0.70 ? 1 : (v < 0.95 ? 2 : 3);
    double base_lat = t->lat, base_lon = t->lon, sigma_km;
    e->village = -1;
    if (e->gp == 1) {
        if (!urban && rng_chance(r, 0.55)) {
            double w = rng_u01(r);
            e->village = (int)(w * w * NV);
            base_lat = places_village(e->town, e->village)->lat;
            base_lon = places_village(e->town, e->village)->lon;
            sigma_km = 0.8;
        } else
            sigma_km = 2.0 + 4.0 * rng_u01(r);
    } else if (e->gp == 2)
        sigma_km = 25.0;
    else
        sigma_km = 60.0;
    double lat = base_lat + rng_gauss(r) * sigma_km / 111.32;
    double lon = base_lon + rng_gauss(r) * sigma_km / (111.32 * cos(base_lat * 3.14159265358979 / 180.0));
    if (lat < 9.5) lat = 9.5;
    if (lat > 23.3) lat = 23.3;
    if (lon < -12.2) lon = -12.2;
    if (lon > 15.9) lon = 15.9;
    e->lat = lat;
    e->lon = lon;

    dyads_draw(g, e);
    e->fatalities = fatalities_for(r, e->st);
    e->k = 2 + (int)floor(-log(rng_u01_open(r)) * 4.0);
    if (e->k > 60)
        e->k = 60;
    e->griev = (int)rng_below(r, (uint32_t)NELEM(GRIEVANCES));

    sources_draw(g, e);

    e->tags[0] = 0;
    if (e->et == ET_PRO || e->et == ET_RIO) {
        static const char *const crowd[] = {"crowd size=no report", "crowd size=no report", "crowd size=no report",
                                            "crowd size=dozens",    "crowd size=hundreds",  "crowd size=around 50",
                                            "crowd size=around 200", "crowd size=more than 1000"};
        snprintf(e->tags, sizeof e->tags, "%s", PICK(r, crowd));
    } else if (e->st == ST_SEXV) {
        snprintf(e->tags, sizeof e->tags, "%s", rng_chance(r, 0.5) ? "women targeted: girls" : "women targeted: women");
    } else if (e->et == ET_VAC && rng_chance(r, 0.04)) {
        snprintf(e->tags, sizeof e->tags, "local administrators");
    }

    long long epoch = (long long)e->day * 86400LL;
    int delay = 1 + (int)(-log(rng_u01_open(r)) * 9.0);
    if (delay > 120)
        delay = 120;
    e->timestamp = epoch + (long long)delay * 86400LL + (long long)rng_below(r, 86400);
    if (e->y < 2020 && rng_chance(r, 0.6))
        e->timestamp = 1580000000LL + (long long)rng_below(r, 140000000u);
    return 1;
}

/*
 * gen.h - private header of sahelmap-gen, the deterministic generator of
 * synthetic ACLED-shaped conflict events (tools/gen/).
 *
 * Holds what the generator's files share: the PRNG (its hot functions
 * inline), the gazetteer and event taxonomy tables, the Event record, the
 * generator state and the buffered writer.  Nothing here is used outside
 * tools/gen/; each .c file says at its top which one job it does.
 *
 * Conventions kept from the single-file generator: tables are indexed by
 * the C_* (country), Z_* (zone), ET_* (event type) and ST_* (sub-event
 * type) enums; every random draw goes through one of the Gen's three
 * streams, in a fixed order, so the same arguments give the same bytes.
 */
#ifndef SAHELMAP_GEN_H
#define SAHELMAP_GEN_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NZ 9           /* number of zones */
#define NV 20          /* satellite villages per town */
#define NT 64          /* number of towns: the size of TOWNS (places.c) */

#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])
#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- PRNG (rng.c): splitmix64 seeding + xoshiro256** ---------------- */

typedef struct {
    uint64_t s[4];
} Rng;

/* Seeds r for one independent stream of seed; the same (seed, stream)
 * always gives the same sequence. */
void rng_seed(Rng *r, uint64_t seed, uint64_t stream);

/* A standard normal deviate (Box-Muller, one of the pair); uses two draws. */
double rng_gauss(Rng *r);

/* An index in [0, n) drawn with probability proportional to w[i];
 * n - 1 when rounding leaves the draw past the end.  One draw. */
int rng_pick_weighted(Rng *r, const double *w, int n);

static inline uint64_t rotl64(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t res = rotl64(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return res;
}

/* [0,1) */
static inline double rng_u01(Rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* (0,1) */
static inline double rng_u01_open(Rng *r)
{
    return ((double)(rng_next(r) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

static inline uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static inline int rng_chance(Rng *r, double p)
{
    return rng_u01(r) < p;
}

/* ---- Calendar (calendar.c) ------------------------------------------ */

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
long calendar_days(int y, int m, int d);

/* The inverse of calendar_days: fills *y, *m (1..12), *d (1..31). */
void calendar_civil(long z, int *y, int *m, int *d);

/* English month names, MONTHS[0] = "January". */
extern const char *const MONTHS[12];

/* ---- Geography (places.c) -------------------------------------------- */

enum { C_MLI = 0, C_BFA = 1, C_NER = 2 };
#define CM 1
#define CB 2
#define CN 4

typedef struct {
    const char *name, *iso, *adj, *soldiers;
} Country;

extern const Country COUNTRIES[3];

/* Zones drive which armed actors are active where. */
enum {
    Z_SOUTH = 0, /* capitals and the quieter south            */
    Z_CENTER,    /* central Mali (Mopti, Segou) and west       */
    Z_NORTH,     /* northern Mali (Tombouctou, Gao, Kidal)     */
    Z_LIPTAKO,   /* tri-border: Menaka, BF Sahel, Tillaberi     */
    Z_BFNORTH,   /* BF Nord, Centre-Nord, Boucle du Mouhoun    */
    Z_BFEST,     /* BF Est                                     */
    Z_LAKE,      /* Diffa / Lake Chad basin                    */
    Z_AIR,       /* Agadez / Air                               */
    Z_NSOUTH     /* southern Niger (Dosso, Maradi, Zinder)     */
};

typedef struct {
    const char *name, *admin1, *admin2, *admin3;
    double lat, lon;
    int country, zone;
    double act, urb; /* weight for armed activity / demonstrations */
} Town;

/* The gazetteer: 64 real towns with their admin names and activity weights. */
extern const Town TOWNS[NT];

typedef struct {
    char name[32];
    double lat, lon;
} Village;

/* Fills the NV synthetic villages of every town for seed: names from
 * syllables of the town's linguistic area, positions scattered around the
 * town.  Call once before generating. */
void places_init(uint64_t seed);

/* Village number village (0..NV-1) of town number town; owned by places.c. */
const Village *places_village(int town, int village);

/* ---- Event taxonomy (taxonomy.c) ------------------------------------- */

enum { ET_BAT, ET_EXP, ET_VAC, ET_PRO, ET_RIO, ET_SD, N_ET };

/* Names, disorder types and shares of the six ACLED event types. */
extern const char *const ET_NAME[N_ET];
extern const char *const ET_DISORDER[N_ET];
extern const double ET_SHARE[N_ET];

enum {
    ST_CLASH, ST_GRT, ST_NSAOT,                                    /* battles */
    ST_CHEM, ST_AIR, ST_SUIC, ST_SHELL, ST_IED, ST_GREN,           /* explosions */
    ST_SEXV, ST_ATTACK, ST_ABDUCT,                                 /* VAC */
    ST_PEACE, ST_INTERV, ST_EXCESS,                                /* protests */
    ST_VIOLDEMO, ST_MOB,                                           /* riots */
    ST_AGREE, ST_ARREST, ST_CHANGE, ST_DISRUPT, ST_HQ, ST_LOOT, ST_NVT, ST_OTHER, /* SD */
    N_ST
};

/* Names of the sub-event types; those of event type t are ST_COUNT[t]
 * consecutive ones from ST_FIRST[t], weighted by ST_W. */
extern const char *const ST_NAME[N_ST];
extern const int ST_FIRST[N_ET];
extern const int ST_COUNT[N_ET];
extern const double ST_W[N_ST];

/* ---- Event record (event.c) ------------------------------------------ */

typedef struct {
    const char *name;
    const char *nn; /* notes noun phrase */
    int inter;
    int group;      /* rebel/militia def pointer identity, for distinctness */
    char assoc[256];
    char nnbuf[64];
} EvActor;

typedef struct {
    uint64_t id;
    long day;
    int y, m, d, ymd;
    int tp;
    int et, st;
    int town;
    int village; /* -1: the town itself */
    int gp;
    double lat, lon;
    EvActor a1, a2;
    int has_a2;
    int interaction;
    int civ_target;
    int fatalities;
    int k;        /* small count used in notes (abductees, arrests...) */
    int griev;    /* grievance index for demonstrations */
    char source[192];
    const char *scale;
    char tags[96];
    long long timestamp;
} Event;

/* Empties an actor: no name, no associates, inter 0, group -1. */
void event_actor_clear(EvActor *a);

/* Appends s to a's "; "-separated associated actors, unless it is already
 * there or would not fit (then a is unchanged). */
void event_assoc_add(EvActor *a, const char *s);

/* The location name of e (places.c): its village's, or its town's. */
const char *places_location(const Event *e);

/* ---- Intensity model (intensity.c) ----------------------------------- */

/* Approximate yearly event volume of the three countries in year y
 * (clamped to the years 1997..2024 the table covers). */
double intensity_year(int y);

/* How busy country c (C_*) is in year y, relative to its neighbours. */
double intensity_country(int c, int y);

/* How busy zone z (Z_*) is in year y. */
double intensity_zone(int z, int y);

/* ---- Generator state (gen.c) ----------------------------------------- */

typedef struct {
    uint64_t seed;
    uint64_t n, emitted;
    Rng rdate, rattr, rnote;
    double *cdf;
    long d0, ndays, dayptr;
    double q; /* 1 - current order statistic */
    int cur_year;
    double cum_act[NT], cum_urb[NT];
} Gen;

/* Sets up g to draw n events of years from..to for seed: builds the daily
 * intensity CDF (g owns it; release with gen_free).  Returns 0, or -1 when
 * out of memory. */
int gen_init(Gen *g, uint64_t seed, uint64_t n, int from, int to);

/* Releases what gen_init allocated; g may then be set up again. */
void gen_free(Gen *g);

/* Draws the next event, in ascending date order, into *e.  Returns 1, or
 * 0 once n events have been drawn. */
int gen_next(Gen *g, Event *e);

/* Demonstrators' grievances, indexed by Event.griev. */
extern const char *const GRIEVANCES[15];

/* ---- Actors (actors.c) ----------------------------------------------- */

/* Builds the per-country actor names (state forces per era, civilians,
 * protesters, groups).  Call once before generating. */
void actors_init(void);

/* Which naming era of country c's state forces the date ymd (YYYYMMDD) is in. */
int actors_era(int c, int ymd);

/* The actor setters fill *a with one kind of actor for event e, drawing
 * from g->rattr (actors_set_unid and actors_set_gov draw nothing); the
 * names point into static tables.  actors_set_rebel and actors_set_militia
 * avoid the group `exclude` (falling back to an unidentified armed group);
 * actors_set_ext returns 0 and leaves a unchanged when no external force is
 * active there and then. */
void actors_set_unid(EvActor *a, int c);
void actors_set_gov(EvActor *a, const Event *e);
void actors_set_state(Gen *g, EvActor *a, const Event *e, double police_p);
void actors_set_rebel(Gen *g, EvActor *a, const Event *e, int exclude);
void actors_set_militia(Gen *g, EvActor *a, const Event *e, int exclude);
int actors_set_ext(Gen *g, EvActor *a, const Event *e);
void actors_set_civ(Gen *g, EvActor *a, const Event *e);
void actors_set_demo(Gen *g, EvActor *a, const Event *e, int rioters);

/* ---- Who meets whom (dyads.c) ----------------------------------------- */

/* Picks actor1 and actor2 of e for its sub-event type (e->st), and sets
 * e->has_a2, e->interaction and e->civ_target. */
void dyads_draw(Gen *g, Event *e);

/* ---- Sources (sources.c) --------------------------------------------- */

/* Builds the source-scale names ("National-International").  Call once
 * before generating. */
void sources_init(void);

/* Draws one to three distinct sources for e into e->source and points
 * e->scale at the matching source scale. */
void sources_draw(Gen *g, Event *e);

/* ---- Notes (notes.c) ------------------------------------------------- */

/* Writes the notes text of e (with actors a1, a2) into out, at most cap
 * bytes including the NUL, truncating if need be; draws from g->rnote.
 * Always ends with "[synthetic]" when it fits. */
void notes_write(Gen *g, const Event *e, const EvActor *a1, const EvActor *a2, char *out, size_t cap);

/* ---- Output buffer (out.c) ------------------------------------------- */

typedef struct {
    FILE *f;
    char *buf;
    size_t len, cap;
    int err;
} Out;

/* Writes the buffered bytes to o->f and empties the buffer; the first
 * write error is kept in o->err and later writes are dropped. */
void out_flush(Out *o);

static inline void out_reserve(Out *o, size_t n)
{
    if (o->len + n > o->cap)
        out_flush(o);
}

static inline void out_mem(Out *o, const char *s, size_t n)
{
    out_reserve(o, n);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void out_str(Out *o, const char *s)
{
    out_mem(o, s, strlen(s));
}

/* Fills the JSON-escape and CSV-quote tables.  Call once before writing. */
void out_init(void);

/* Appends s[0..n) as the inside of a JSON string (quotes, backslash,
 * slash and control characters escaped). */
void out_json_escaped(Out *o, const char *s, size_t n);

/* Appends s[0..n) as one CSV field, quoted (RFC 4180) only when needed. */
void out_csv_field(Out *o, const char *s, size_t n);

/* ---- Rows (row.c) ---------------------------------------------------- */

typedef struct {
    int csv, monadic;
} Fmt;

/* Writes one event row (a CSV line, or a JSON object preceded by ",\n"
 * unless first); in monadic mode a1 is the actor of this row and a2 is
 * NULL. */
void row_write(Out *o, const Fmt *fm, const Event *e, const EvActor *a1, const EvActor *a2, const char *notes,
              int first);

/* Writes what comes before the rows: the CSV header line, or the opening
 * of the ACLED API envelope, which states the number of rows up front. */
void row_begin(Out *o, const Fmt *fm, uint64_t rows);

/* Writes what comes after the rows: the end of the JSON envelope; nothing
 * for CSV. */
void row_end(Out *o, const Fmt *fm);

#endif

/*
 * gen_events.c - deterministic generator of realistic *synthetic* conflict
 * events for the Sahel (Mali, Burkina Faso, Niger), shaped like ACLED data.
 *
 * Used by sahelmap's tests and benchmarks.  Only libc + libm, C11.
 *
 *   sahelmap-gen --count N [--format json|csv] [--seed S] [--monadic]
 *                [--from YEAR] [--to YEAR] -o FILE
 *
 * Properties:
 *  - Deterministic: own PRNG (xoshiro256** seeded by splitmix64); the same
 *    arguments give byte-identical output on the same platform/libm.
 *  - Streaming, constant memory: dates are produced already sorted by
 *    drawing the ascending order statistics of N uniforms (one at a time)
 *    and mapping them through the inverse CDF of a per-day intensity.
 *  - Events never carry real ACLED ids: event_id_cnty is "SYN" + number,
 *    and every notes field ends with "[synthetic]".
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "sahelmap-gen"
#define MAX_COUNT 2000000ULL
#define MIN_YEAR 1997
#define MAX_YEAR 2050
#define NZ 9           /* number of zones */
#define NV 20          /* satellite villages per town */
#define OUTBUF (4u << 20)

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 seeding + xoshiro256**                             */
/* ------------------------------------------------------------------ */

typedef struct {
    uint64_t s[4];
} Rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void rng_seed(Rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

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

static double rng_gauss(Rng *r)
{
    double u1 = rng_u01_open(r), u2 = rng_u01(r);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

static int pick_weighted(Rng *r, const double *w, int n)
{
    double tot = 0;
    for (int i = 0; i < n; i++)
        tot += w[i];
    double x = rng_u01(r) * tot;
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])
#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

static const char *const MONTHS[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/* ------------------------------------------------------------------ */
/* Geography                                                           */
/* ------------------------------------------------------------------ */

enum { C_MLI = 0, C_BFA = 1, C_NER = 2 };
#define CM 1
#define CB 2
#define CN 4

typedef struct {
    const char *name, *iso, *adj, *soldiers;
} Country;

static const Country COUNTRIES[3] = {
    {"Mali", "466", "Malian", "FAMa soldiers"},
    {"Burkina Faso", "854", "Burkinabe", "Burkinabe soldiers"},
    {"Niger", "562", "Nigerien", "Nigerien soldiers"},
};

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

static const Town TOWNS[] = {
    /* Mali */
    {"Bamako", "Bamako", "Bamako", "Bamako", 12.6392, -8.0029, C_MLI, Z_SOUTH, 3, 40},
    {"Kati", "Koulikoro", "Kati", "Kati", 12.7441, -8.0726, C_MLI, Z_SOUTH, 2, 4},
    {"Nara", "Koulikoro", "Nara", "Nara", 15.1681, -7.2863, C_MLI, Z_CENTER, 3, 0.5},
    {"Kayes", "Kayes", "Kayes", "Kayes", 14.4469, -11.4455, C_MLI, Z_SOUTH, 1.5, 4},
    {"Nioro du Sahel", "Kayes", "Nioro", "Nioro", 15.2300, -9.5900, C_MLI, Z_CENTER, 2.5, 1},
    {"Sikasso", "Sikasso", "Sikasso", "Sikasso", 11.3176, -5.6665, C_MLI, Z_SOUTH, 1.5, 5},
    {"Ségou", "Ségou", "Ségou", "Ségou", 13.4317, -6.2157, C_MLI, Z_CENTER, 3, 5},
    {"Niono", "Ségou", "Niono", "Niono", 14.2526, -5.9932, C_MLI, Z_CENTER, 8, 1},
    {"San", "Ségou", "San", "San", 13.3034, -4.8955, C_MLI, Z_CENTER, 3, 1.5},
    {"Mopti", "Mopti", "Mopti", "Mopti", 14.4843, -4.1830, C_MLI, Z_CENTER, 8, 4},
    {"Djenné", "Mopti", "Djenné", "Djenné", 13.9061, -4.5533, C_MLI, Z_CENTER, 5, 1},
    {"Bandiagara", "Mopti", "Bandiagara", "Bandiagara", 14.3501, -3.6104, C_MLI, Z_CENTER, 10, 1.5},
    {"Bankass", "Mopti", "Bankass", "Bankass", 14.0770, -3.5170, C_MLI, Z_CENTER, 9, 0.5},
    {"Koro", "Mopti", "Koro", "Koro", 14.0667, -3.0833, C_MLI, Z_CENTER, 9, 0.5},
    {"Douentza", "Mopti", "Douentza", "Douentza", 15.0019, -2.9498, C_MLI, Z_CENTER, 8, 0.5},
    {"Ténenkou", "Mopti", "Ténenkou", "Ténenkou", 14.4572, -4.9169, C_MLI, Z_CENTER, 6, 0.3},
    {"Tombouctou", "Tombouctou", "Tombouctou", "Tombouctou", 16.7735, -3.0074, C_MLI, Z_NORTH, 6, 3},
    {"Niafunké", "Tombouctou", "Niafunké", "Niafunké", 15.9322, -3.9906, C_MLI, Z_NORTH, 4, 0.5},
    {"Gao", "Gao", "Gao", "Gao", 16.2717, -0.0447, C_MLI, Z_NORTH, 8, 4},
    {"Ansongo", "Gao", "Ansongo", "Ansongo", 15.6597, 0.5022, C_MLI, Z_LIPTAKO, 5, 0.5},
    {"Ménaka", "Gao", "Ménaka", "Ménaka", 15.9182, 2.4022, C_MLI, Z_LIPTAKO, 9, 1},
    {"Kidal", "Kidal", "Kidal", "Kidal", 18.4411, 1.4078, C_MLI, Z_NORTH, 6, 2},
    {"Aguelhok", "Kidal", "Tessalit", "Aguelhok", 19.4614, 0.8586, C_MLI, Z_NORTH, 3, 0.3},
    {"Tessalit", "Kidal", "Tessalit", "Tessalit", 20.2011, 1.0111, C_MLI, Z_NORTH, 2, 0.3},
    {"Tinzaouaten", "Kidal", "Abeïbara", "Tinzaouaten", 19.9600, 2.9800, C_MLI, Z_NORTH, 1.5, 0.1},
    /* Burkina Faso */
    {"Ouagadougou", "Centre", "Kadiogo", "Ouagadougou", 12.3714, -1.5197, C_BFA, Z_SOUTH, 2, 35},
    {"Bobo-Dioulasso", "Hauts-Bassins", "Houet", "Bobo-Dioulasso", 11.1771, -4.2979, C_BFA, Z_SOUTH, 2, 10},
    {"Djibo", "Sahel", "Soum", "Djibo", 14.1010, -1.6280, C_BFA, Z_LIPTAKO, 12, 1},
    {"Arbinda", "Sahel", "Soum", "Arbinda", 14.2303, -0.8681, C_BFA, Z_LIPTAKO, 7, 0.3},
    {"Dori", "Sahel", "Séno", "Dori", 14.0354, -0.0345, C_BFA, Z_LIPTAKO, 7, 2},
    {"Gorom-Gorom", "Sahel", "Oudalan", "Gorom-Gorom", 14.4439, -0.2361, C_BFA, Z_LIPTAKO, 5, 0.5},
    {"Sebba", "Sahel", "Yagha", "Sebba", 13.4364, 0.5300, C_BFA, Z_LIPTAKO, 5, 0.3},
    {"Kaya", "Centre-Nord", "Sanmatenga", "Kaya", 13.0917, -1.0844, C_BFA, Z_BFNORTH, 5, 3},
    {"Barsalogho", "Centre-Nord", "Sanmatenga", "Barsalogho", 13.4167, -1.0667, C_BFA, Z_BFNORTH, 6, 0.3},
    {"Ouahigouya", "Nord", "Yatenga", "Ouahigouya", 13.5828, -2.4216, C_BFA, Z_BFNORTH, 4, 3},
    {"Titao", "Nord", "Loroum", "Titao", 13.7664, -2.0739, C_BFA, Z_BFNORTH, 5, 0.3},
    {"Fada N'Gourma", "Est", "Gourma", "Fada N'Gourma", 12.0616, 0.3584, C_BFA, Z_BFEST, 6, 2},
    {"Diapaga", "Est", "Tapoa", "Diapaga", 12.0708, 1.7889, C_BFA, Z_BFEST, 5, 0.3},
    {"Pama", "Est", "Kompienga", "Pama", 11.2486, 0.7053, C_BFA, Z_BFEST, 4, 0.3},
    {"Gayéri", "Est", "Komondjari", "Gayéri", 12.6486, 0.4931, C_BFA, Z_BFEST, 4, 0.3},
    {"Dédougou", "Boucle du Mouhoun", "Mouhoun", "Dédougou", 12.4634, -3.4608, C_BFA, Z_BFNORTH, 3, 2},
    {"Tougan", "Boucle du Mouhoun", "Sourou", "Tougan", 13.0694, -3.0697, C_BFA, Z_BFNORTH, 4, 0.5},
    {"Banfora", "Cascades", "Comoé", "Banfora", 10.6333, -4.7667, C_BFA, Z_SOUTH, 1.5, 2},
    {"Gaoua", "Sud-Ouest", "Poni", "Gaoua", 10.3250, -3.1750, C_BFA, Z_SOUTH, 1.5, 1},
    {"Koudougou", "Centre-Ouest", "Boulkiemdé", "Koudougou", 12.2526, -2.3627, C_BFA, Z_SOUTH, 1, 4},
    {"Tenkodogo", "Centre-Est", "Boulgou", "Tenkodogo", 11.7800, -0.3697, C_BFA, Z_BFEST, 1.5, 2},
    {"Manga", "Centre-Sud", "Zoundwéogo", "Manga", 11.6636, -1.0731, C_BFA, Z_SOUTH, 0.8, 1},
    {"Ziniaré", "Plateau-Central", "Oubritenga", "Ziniaré", 12.5822, -1.2983, C_BFA, Z_SOUTH, 0.8, 1},
    /* Niger */
    {"Niamey", "Niamey", "Niamey", "Niamey", 13.5116, 2.1254, C_NER, Z_SOUTH, 1.5, 30},
    {"Tillabéri", "Tillabéri", "Tillabéri", "Tillabéri", 14.2117, 1.4531, C_NER, Z_LIPTAKO, 5, 2},
    {"Ouallam", "Tillabéri", "Ouallam", "Ouallam", 14.3180, 2.0860, C_NER, Z_LIPTAKO, 6, 0.5},
    {"Ayorou", "Tillabéri", "Ayorou", "Ayorou", 14.7308, 0.9174, C_NER, Z_LIPTAKO, 4, 0.3},
    {"Banibangou", "Tillabéri", "Banibangou", "Banibangou", 15.0411, 2.7064, C_NER, Z_LIPTAKO, 4, 0.2},
    {"Téra", "Tillabéri", "Téra", "Téra", 14.0078, 0.7531, C_NER, Z_LIPTAKO, 5, 0.5},
    {"Torodi", "Tillabéri", "Torodi", "Torodi", 13.1167, 1.8000, C_NER, Z_LIPTAKO, 4, 0.3},
    {"Tahoua", "Tahoua", "Tahoua", "Tahoua", 14.8888, 5.2692, C_NER, Z_NSOUTH, 1.5, 3},
    {"Tillia", "Tahoua", "Tillia", "Tillia", 16.1375, 4.7906, C_NER, Z_LIPTAKO, 3, 0.2},
    {"Diffa", "Diffa", "Diffa", "Diffa", 13.3154, 12.6113, C_NER, Z_LAKE, 5, 2},
    {"Bosso", "Diffa", "Bosso", "Bosso", 13.7000, 13.3167, C_NER, Z_LAKE, 4, 0.3},
    {"N'Guigmi", "Diffa", "N'Guigmi", "N'Guigmi", 14.2495, 13.1092, C_NER, Z_LAKE, 1.5, 0.5},
    {"Agadez", "Agadez", "Agadez", "Agadez", 16.9733, 7.9911, C_NER, Z_AIR, 1, 3},
    {"Dosso", "Dosso", "Dosso", "Dosso", 13.0490, 3.1937, C_NER, Z_NSOUTH, 0.8, 2},
    {"Maradi", "Maradi", "Maradi", "Maradi", 13.5000, 7.1017, C_NER, Z_NSOUTH, 1, 3},
    {"Zinder", "Zinder", "Zinder", "Zinder", 13.8053, 8.9884, C_NER, Z_NSOUTH, 0.8, 4},
};
#define NT NELEM(TOWNS)

typedef struct {
    char name[32];
    double lat, lon;
} Village;

static Village VILLAGES[NT][NV];

/* Syllables for synthetic village names, by broad linguistic area. */
static const char *const SY_MANDE_A[] = {"Ko", "Di", "Sa", "Do", "Ni", "Dia", "So", "To", "Kan", "Bé", "Sé",
                                         "Nia", "Ma", "Fa", "Si", "Dou", "Ba", "Ka", "Gui", "Tié"};
static const char *const SY_MANDE_B[] = {"ba",  "ra", "ga", "ou",  "go",  "mo",  "fa", "lé", "ma", "dou",
                                         "na",  "ri", "bo", "kou", "ndé", "gué", "li", "ré", "sso", "ko"};
static const char *const SY_MOSSI_A[] = {"Ko", "Tan", "Wa", "Ya", "Bou", "Ka", "Sa", "Zi", "Lan", "Ou",
                                         "Ni", "Ba", "Gou", "Ta", "Koum", "Sil", "Dja", "Bar", "Pi", "Ki"};
static const char *const SY_MOSSI_B[] = {"ga", "pa", "ré", "ko", "go", "ri", "ya", "ba", "ou", "tenga",
                                         "si", "bo", "lé", "gou", "nga", "mde", "sé", "la", "na", "ndé"};
static const char *const SY_HAUSA_A[] = {"Ma", "Ga", "Tou", "Dan", "Ka", "Za", "Kir", "Bi", "Ta", "Guid",
                                         "Sab", "Kou", "Da", "Ba", "Mai", "Ti", "Ja", "Ya", "Ha", "Ou"};
static const char *const SY_HAUSA_B[] = {"da", "ri", "ra", "kou", "ba", "ya", "gou", "lal", "ma", "ni",
                                         "wa", "zo", "bi", "roua", "ji", "kaï", "dé", "so", "ta", "ram"};
static const char *const SY_TUAREG_A[] = {"Ak", "Ar", "Tel", "Ta", "Ag", "Tas", "Ach", "Ter", "Ab", "Ez",
                                          "Ig", "Ouz", "Tim", "Tar", "Am", "Es", "Id", "Taf", "Ten", "Ad"};
static const char *const SY_TUAREG_B[] = {"ak", "ar", "sit", "ra", "mas", "ga", "dal", "ouk", "kar", "ten",
                                          "ha", "lit", "rat", "ouf", "ane", "dag", "ref", "assa", "mer", "zou"};

static void make_village_name(Rng *r, const Town *t, char *out, size_t cap)
{
    const char *const *A;
    const char *const *B;
    int tuareg = 0;
    if (t->zone == Z_NORTH || t->zone == Z_AIR || (t->zone == Z_LIPTAKO && t->country == C_MLI)) {
        A = SY_TUAREG_A;
        B = SY_TUAREG_B;
        tuareg = 1;
    } else if (t->country == C_BFA) {
        A = SY_MOSSI_A;
        B = SY_MOSSI_B;
    } else if (t->country == C_NER) {
        A = SY_HAUSA_A;
        B = SY_HAUSA_B;
    } else {
        A = SY_MANDE_A;
        B = SY_MANDE_B;
    }
    const char *pre = "";
    if (tuareg) {
        double u = rng_u01(r);
        pre = u < 0.25 ? "In-" : u < 0.45 ? "Tin-" : "";
    }
    const char *s1 = A[rng_below(r, 20)];
    const char *s2 = B[rng_below(r, 20)];
    const char *s3 = rng_chance(r, 0.35) ? B[rng_below(r, 20)] : "";
    if (*pre) {
        /* "In-" + capitalised stem */
        snprintf(out, cap, "%s%s%s%s", pre, s1, s2, s3);
    } else {
        snprintf(out, cap, "%s%s%s", s1, s2, s3);
    }
}

static void init_villages(uint64_t seed)
{
    for (int t = 0; t < NT; t++) {
        Rng r;
        rng_seed(&r, seed, 1000 + (uint64_t)t);
        const Town *tw = &TOWNS[t];
        double spread = 15.0;
        if (tw->zone == Z_NORTH || tw->zone == Z_AIR)
            spread = 35.0;
        if (tw->urb >= 30)
            spread = 8.0;
        for (int k = 0; k < NV; k++) {
            Village *v = &VILLAGES[t][k];
            for (int tries = 0; tries < 8; tries++) {
                make_village_name(&r, tw, v->name, sizeof v->name);
                int dup = strcmp(v->name, tw->name) == 0;
                for (int j = 0; j < k && !dup; j++)
                    dup = strcmp(VILLAGES[t][j].name, v->name) == 0;
                if (!dup)
                    break;
            }
            double km_n = rng_gauss(&r) * spread, km_e = rng_gauss(&r) * spread;
            v->lat = tw->lat + km_n / 111.32;
            v->lon = tw->lon + km_e / (111.32 * cos(tw->lat * 3.14159265358979 / 180.0));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Event taxonomy (ACLED)                                              */
/* ------------------------------------------------------------------ */

enum { ET_BAT, ET_EXP, ET_VAC, ET_PRO, ET_RIO, ET_SD, N_ET };

static const char *const ET_NAME[N_ET] = {"Battles",
                                          "Explosions/Remote violence",
                                          "Violence against civilians",
                                          "Protests",
                                          "Riots",
                                          "Strategic developments"};
static const char *const ET_DISORDER[N_ET] = {"Political violence", "Political violence", "Political violence",
                                              "Demonstrations",     "Demonstrations",     "Strategic developments"};
static const double ET_SHARE[N_ET] = {0.25, 0.13, 0.28, 0.11, 0.05, 0.18};

enum {
    ST_CLASH, ST_GRT, ST_NSAOT,                                    /* battles */
    ST_CHEM, ST_AIR, ST_SUIC, ST_SHELL, ST_IED, ST_GREN,           /* explosions */
    ST_SEXV, ST_ATTACK, ST_ABDUCT,                                 /* VAC */
    ST_PEACE, ST_INTERV, ST_EXCESS,                                /* protests */
    ST_VIOLDEMO, ST_MOB,                                           /* riots */
    ST_AGREE, ST_ARREST, ST_CHANGE, ST_DISRUPT, ST_HQ, ST_LOOT, ST_NVT, ST_OTHER, /* SD */
    N_ST
};

static const char *const ST_NAME[N_ST] = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
};

static const int ST_FIRST[N_ET] = {ST_CLASH, ST_CHEM, ST_SEXV, ST_PEACE, ST_VIOLDEMO, ST_AGREE};
static const int ST_COUNT[N_ET] = {3, 6, 3, 3, 2, 8};
static const double ST_W[N_ST] = {
    0.92, 0.04, 0.04,                        /* battles */
    0.001, 0.22, 0.02, 0.18, 0.55, 0.029,    /* explosions */
    0.02, 0.82, 0.16,                        /* VAC */
    0.88, 0.10, 0.02,                        /* protests */
    0.60, 0.40,                              /* riots */
    0.05, 0.25, 0.12, 0.14, 0.06, 0.25, 0.05, 0.08 /* SD */
};

/* ------------------------------------------------------------------ */
/* Actors                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name; /* ACLED-style actor name */
    const char *nn;   /* how notes refer to it */
    int inter;
    int cmask;
    int from, to; /* YYYYMMDD validity window */
    float wz[NZ]; /* weight per zone */
} ActorDef;

#define FOREVER 99999999

/* inter 2: rebel groups */
static const ActorDef REBELS[] = {
    {"JNIM: Group for Support of Islam and Muslims", "JNIM militants", 2, CM | CB | CN, 20170302, FOREVER,
     {1.5f, 10, 6, 5, 8, 7, 0, 0.2f, 0.5f}},
    {"Islamic State (Greater Sahara)", "ISGS militants", 2, CM | CB | CN, 20150515, 20220320,
     {0, 0.3f, 1, 7, 0.5f, 3, 0, 0.3f, 0.8f}},
    {"Islamic State (Sahel)", "IS Sahel militants", 2, CM | CB | CN, 20220321, FOREVER,
     {0, 0.3f, 1, 7, 0.5f, 3, 0, 0.3f, 0.8f}},
    {"Ansaroul Islam", "Ansaroul Islam militants", 2, CB, 20161216, 20211231, {0.2f, 0, 0, 4, 4, 0.5f, 0, 0, 0}},
    {"Katiba Macina", "Katiba Macina militants", 2, CM, 20150101, 20170301, {0.3f, 8, 0.5f, 0.5f, 0, 0, 0, 0, 0}},
    {"GSPC: Salafist Group for Preaching and Combat", "GSPC militants", 2, CM | CN, 19980914, 20070124,
     {0, 0, 3, 0.5f, 0, 0, 0, 2, 0}},
    {"AQIM: Al Qaeda in the Islamic Maghreb", "AQIM militants", 2, CM | CN, 20070125, 20170301,
     {0.5f, 1, 5, 2, 0, 0, 0, 1, 0}},
    {"Ansar Dine", "Ansar Dine fighters", 2, CM, 20120101, 20170301, {0.2f, 1.5f, 5, 1, 0, 0, 0, 0, 0}},
    {"MUJAO: Movement for Unity and Jihad in West Africa", "MUJAO militants", 2, CM | CN, 20111201, 20130822,
     {0, 0.5f, 3, 5, 0, 0, 0, 0, 0}},
    {"Al Mourabitoun", "Al Mourabitoun militants", 2, CM | CN, 20130822, 20170301,
     {0.3f, 0.5f, 2, 3, 0, 0, 0, 0.3f, 0}},
    {"MNLA: National Movement for the Liberation of Azawad", "MNLA rebels", 2, CM, 20120117, 20140601,
     {0, 0.2f, 8, 3, 0, 0, 0, 0, 0}},
    {"CMA: Coordination of Azawad Movements", "CMA fighters", 2, CM, 20140602, 20230531, {0, 0, 4, 1, 0, 0, 0, 0, 0}},
    {"CSP-PSD: Permanent Strategic Framework for Peace, Security and Development", "CSP-PSD fighters", 2, CM,
     20230601, 20241130, {0, 0, 5, 1, 0, 0, 0, 0, 0}},
    {"FLA: Azawad Liberation Front", "FLA fighters", 2, CM, 20241201, FOREVER, {0, 0, 5, 1, 0, 0, 0, 0, 0}},
    {"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Boko Haram (JAS) militants", 2, CN, 20150206,
     FOREVER, {0, 0, 0, 0, 0, 0, 5, 0, 0.3f}},
    {"Islamic State (West Africa)", "ISWAP militants", 2, CN, 20160802, FOREVER, {0, 0, 0, 0, 0, 0, 6, 0, 0.2f}},
    {"MNJ: Movement of Nigeriens for Justice", "MNJ rebels", 2, CN, 20070201, 20091031,
     {0, 0, 0, 0.5f, 0, 0, 0, 8, 0}},
    {"FPL: Patriotic Liberation Front", "FPL rebels", 2, CN, 20230801, FOREVER, {0, 0, 0, 0, 0, 0, 0, 3, 0}},
};

/* inter 3 (political militias) and 4 (identity militias) */
static const ActorDef MILITIAS[] = {
    {"Dan Na Ambassagou", "Dan Na Ambassagou militiamen", 4, CM, 20161201, FOREVER, {0, 5, 0, 0, 0, 0, 0, 0, 0}},
    {"Dozo Communal Militia (Mali)", "Dozo hunters", 4, CM, 20150101, FOREVER, {0.5f, 4, 0, 0, 0, 0, 0, 0, 0}},
    {"Fulani Ethnic Militia (Mali)", "Fulani militiamen", 4, CM, 19970101, FOREVER, {0, 2, 0.5f, 1, 0, 0, 0, 0, 0}},
    {"Dogon Ethnic Militia (Mali)", "Dogon militiamen", 4, CM, 20160101, FOREVER, {0, 2, 0, 0, 0, 0, 0, 0, 0}},
    {"Bambara Ethnic Militia (Mali)", "Bambara militiamen", 4, CM, 20180101, FOREVER,
     {0.5f, 1, 0, 0, 0, 0, 0, 0, 0}},
    {"GATIA: Imghad Tuareg and Allies Self-Defense Group", "GATIA fighters", 3, CM, 20140814, 20231231,
     {0, 0, 3, 1, 0, 0, 0, 0, 0}},
    {"MSA: Movement for the Salvation of Azawad", "MSA fighters", 3, CM, 20160901, FOREVER,
     {0, 0, 1, 4, 0, 0, 0, 0, 0}},
    {"Ganda Izo", "Ganda Izo militiamen", 3, CM, 20120101, 20151231, {0, 0.5f, 1.5f, 1, 0, 0, 0, 0, 0}},
    {"VDP: Volunteers for the Defense of the Homeland", "VDP members", 3, CB, 20200121, FOREVER,
     {0.5f, 0, 0, 5, 6, 5, 0, 0, 0}},
    {"Koglweogo Militia", "Koglweogo members", 3, CB, 20150101, FOREVER, {1, 0, 0, 1, 2, 2, 0, 0, 0}},
    {"Fulani Ethnic Militia (Burkina Faso)", "Fulani militiamen", 4, CB, 20150101, FOREVER,
     {0.3f, 0, 0, 1, 1, 0.5f, 0, 0, 0}},
    {"Mossi Ethnic Militia (Burkina Faso)", "Mossi militiamen", 4, CB, 20190101, FOREVER,
     {0.2f, 0, 0, 0.3f, 1, 0, 0, 0, 0}},
    {"Fulani Ethnic Militia (Niger)", "Fulani militiamen", 4, CN, 19970101, FOREVER, {0, 0, 0, 2, 0, 0, 0.5f, 0.5f, 1}},
    {"Djerma Ethnic Militia (Niger)", "Djerma militiamen", 4, CN, 20180101, FOREVER, {0, 0, 0, 1.5f, 0, 0, 0, 0, 0.3f}},
    {"Tuareg Ethnic Militia (Niger)", "Tuareg militiamen", 4, CN, 20170101, FOREVER, {0, 0, 0, 1, 0, 0, 0, 1, 0}},
    {"Hausa Ethnic Militia (Niger)", "Hausa militiamen", 4, CN, 20150101, FOREVER, {0, 0, 0, 0, 0, 0, 0, 0, 1.5f}},
};

/* inter 8: external/other forces */
static const ActorDef EXTERNAL[] = {
    {"MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)",
     "MINUSMA peacekeepers", 8, CM, 20130701, 20231231, {0.5f, 2, 3, 1.5f, 0, 0, 0, 0, 0}},
    {"Wagner Group", "Wagner Group operatives", 8, CM, 20211220, FOREVER, {0.5f, 3, 2, 2, 0, 0, 0, 0, 0}},
    {"MNJTF: Multinational Joint Task Force", "MNJTF troops", 8, CN, 20150601, FOREVER, {0, 0, 0, 0, 0, 0, 2, 0, 0}},
    {"Military Forces of France (2012-2017)", "French forces", 8, CM, 20130111, 20170514,
     {0.3f, 1, 3, 3, 0, 0, 0, 0, 0}},
    {"Military Forces of France (2012-2017)", "French forces", 8, CB | CN, 20140801, 20170514,
     {0, 0, 0, 1.5f, 0.5f, 0.5f, 0, 1, 0}},
    {"Military Forces of France (2017-2022)", "French forces", 8, CM | CB | CN, 20170515, 20220515,
     {0.3f, 1, 3, 3, 1, 1, 0, 1, 0}},
    {"Military Forces of France (2022-)", "French forces", 8, CM, 20220516, 20220815, {0.3f, 1, 3, 3, 0, 0, 0, 0, 0}},
    {"Military Forces of France (2022-)", "French forces", 8, CB, 20220516, 20230218, {0, 0, 0, 2, 1, 1, 0, 0, 0}},
    {"Military Forces of France (2022-)", "French forces", 8, CN, 20220516, 20231222, {0, 0, 0, 3, 0, 0, 0, 1, 0}},
};

/* State force name eras */
typedef struct {
    int from;
    const char *suffix;
} Era;

static const Era ERAS_MLI[] = {{0, "(1992-2002)"},        {20020608, "(2002-2012)"}, {20120322, "(2012-2013)"},
                               {20130904, "(2013-2020)"}, {20200818, "(2020-2021)"}, {20210524, "(2021-)"}};
static const Era ERAS_BFA[] = {
    {0, "(1987-2014)"}, {20141031, "(2014-2015)"}, {20151229, "(2015-2022)"}, {20220124, "(2022-)"}};
static const Era ERAS_NER[] = {{0, "(1996-1999)"},        {19990409, "(1999-2010)"}, {20100218, "(2010-2011)"},
                               {20110407, "(2011-2021)"}, {20210402, "(2021-2023)"}, {20230726, "(2023-)"}};
static const Era *const ERAS[3] = {ERAS_MLI, ERAS_BFA, ERAS_NER};
static const int N_ERAS[3] = {NELEM(ERAS_MLI), NELEM(ERAS_BFA), NELEM(ERAS_NER)};
#define MAX_ERAS 6

/* Generic groups, expanded per country at start-up: "Students (Mali)". */
typedef struct {
    const char *label, *noun;
} Group;

static const Group OCC_GROUPS[] = {
    {"Students", "students"},           {"Teachers", "teachers"},         {"Traders", "traders"},
    {"Women", "women"},                 {"Labor Group", "workers"},       {"Health Workers", "health workers"},
    {"Transport Workers", "drivers"},   {"Lawyers", "lawyers"},           {"Farmers", "farmers"},
    {"Herders", "herders"},             {"Miners", "gold miners"},        {"Fishers", "fishermen"},
    {"Journalists", "journalists"},     {"Refugees/IDPs", "displaced persons"},
};
enum {
    G_STUDENTS, G_TEACHERS, G_TRADERS, G_WOMEN, G_LABOR, G_HEALTH, G_TRANSPORT, G_LAWYERS,
    G_FARMERS, G_HERDERS, G_MINERS, G_FISHERS, G_JOURNALISTS, G_IDPS, N_OCC
};

static const char *const ETHNIC_MLI[] = {"Fulani", "Dogon", "Bambara", "Tuareg", "Songhai", "Arab", "Bozo"};
static const char *const ETHNIC_BFA[] = {"Fulani", "Mossi", "Gourmantche", "Foulse", "Bella", "Dogon"};
static const char *const ETHNIC_NER[] = {"Fulani", "Djerma", "Tuareg", "Hausa", "Kanuri", "Daoussahak", "Arab"};
static const char *const *const ETHNIC[3] = {ETHNIC_MLI, ETHNIC_BFA, ETHNIC_NER};
static const int N_ETHNIC[3] = {NELEM(ETHNIC_MLI), NELEM(ETHNIC_BFA), NELEM(ETHNIC_NER)};
#define MAX_ETHNIC 7

typedef struct {
    const char *name;
    int cmask, from, to;
} Movement;

static const Movement MOVEMENTS[] = {
    {"M5-RFP: June 5th Movement - Rally of Patriotic Forces", CM, 20200605, 20211231},
    {"Yerewolo Debout sur les Remparts", CM, 20210101, FOREVER},
    {"Balai Citoyen", CB, 20130801, FOREVER},
    {"M62 Movement", CN, 20220803, FOREVER},
    {"Tournons La Page", CN, 20160101, FOREVER},
};

/* Strings built at start-up */
static char S_MIL[3][MAX_ERAS][96], S_POL[3][MAX_ERAS][96], S_GOV[3][MAX_ERAS][96];
static char S_CIV[3][48], S_PROT[3][48], S_RIOT[3][48], S_UNID[3][64];
static char S_OCC[3][N_OCC][64];
static char S_ETH[3][MAX_ETHNIC][64];
static char S_ETH_NOUN[3][MAX_ETHNIC][48];
static char S_CHRISTIAN[3][48], S_MUSLIM[3][48];

static void init_strings(void)
{
    for (int c = 0; c < 3; c++) {
        const char *cn = COUNTRIES[c].name;
        for (int e = 0; e < N_ERAS[c]; e++) {
            snprintf(S_MIL[c][e], sizeof S_MIL[c][e], "Military Forces of %s %s", cn, ERAS[c][e].suffix);
            snprintf(S_POL[c][e], sizeof S_POL[c][e], "Police Forces of %s %s", cn, ERAS[c][e].suffix);
            snprintf(S_GOV[c][e], sizeof S_GOV[c][e], "Government of %s %s", cn, ERAS[c][e].suffix);
        }
        snprintf(S_CIV[c], sizeof S_CIV[c], "Civilians (%s)", cn);
        snprintf(S_PROT[c], sizeof S_PROT[c], "Protesters (%s)", cn);
        snprintf(S_RIOT[c], sizeof S_RIOT[c], "Rioters (%s)", cn);
        snprintf(S_UNID[c], sizeof S_UNID[c], "Unidentified Armed Group (%s)", cn);
        snprintf(S_CHRISTIAN[c], sizeof S_CHRISTIAN[c], "Christian Group (%s)", cn);
        snprintf(S_MUSLIM[c], sizeof S_MUSLIM[c], "Muslim Group (%s)", cn);
        for (int g = 0; g < N_OCC; g++)
            snprintf(S_OCC[c][g], sizeof S_OCC[c][g], "%s (%s)", OCC_GROUPS[g].label, cn);
        for (int g = 0; g < N_ETHNIC[c]; g++) {
            snprintf(S_ETH[c][g], sizeof S_ETH[c][g], "%s Ethnic Group (%s)", ETHNIC[c][g], cn);
            snprintf(S_ETH_NOUN[c][g], sizeof S_ETH_NOUN[c][g], "%s civilians", ETHNIC[c][g]);
        }
    }
}

static int era_index(int c, int ymd)
{
    int e = 0;
    for (int i = 0; i < N_ERAS[c]; i++)
        if (ymd >= ERAS[c][i].from)
            e = i;
    return e;
}

/* ------------------------------------------------------------------ */
/* Event record                                                        */
/* ------------------------------------------------------------------ */

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

static void actor_clear(EvActor *a)
{
    a->name = "";
    a->nn = "";
    a->inter = 0;
    a->group = -1;
    a->assoc[0] = 0;
    a->nnbuf[0] = 0;
}

static void assoc_add(EvActor *a, const char *s)
{
    if (strstr(a->assoc, s))
        return;
    size_t n = strlen(a->assoc), l = strlen(s);
    if (n + l + 3 >= sizeof a->assoc)
        return;
    if (n) {
        memcpy(a->assoc + n, "; ", 2);
        n += 2;
    }
    memcpy(a->assoc + n, s, l + 1);
}

/* ------------------------------------------------------------------ */
/* Intensity model                                                     */
/* ------------------------------------------------------------------ */

/* Approximate yearly event volume (Mali + Burkina Faso + Niger). */
static const double YEAR_W[] = {
    60,  60,  50,  50,  45,  45,  50,  55,  60,  80,   /* 1997-2006 */
    150, 180, 130, 110, 220, 900, 1000, 550, 800, 900, /* 2007-2016 */
    1300, 2300, 3300, 4200, 4600, 6400, 6800, 6600     /* 2017-2024 */
};

static double year_weight(int y)
{
    if (y < 1997)
        return YEAR_W[0];
    if (y > 2024)
        return YEAR_W[NELEM(YEAR_W) - 1];
    return YEAR_W[y - 1997];
}

static double country_mult(int c, int y)
{
    switch (c) {
    case C_MLI:
        if (y < 2012) return 0.6;
        if (y == 2012) return 3.0;
        if (y == 2013) return 2.5;
        if (y < 2018) return 1.6;
        return 1.0;
    case C_BFA:
        if (y < 2015) return 0.2;
        if (y == 2015) return 0.35;
        if (y == 2016) return 0.5;
        if (y == 2017) return 0.8;
        if (y == 2018) return 1.1;
        if (y < 2024) return 1.4;
        return 1.3;
    default:
        if (y < 2007) return 0.4;
        if (y < 2010) return 0.8;
        if (y < 2015) return 0.4;
        if (y < 2018) return 0.7;
        if (y < 2021) return 0.9;
        return 1.15;
    }
}

static double zone_mult(int z, int y)
{
    switch (z) {
    case Z_NORTH:
        return (y >= 2012 && y <= 2014) ? 2.5 : 1.0;
    case Z_CENTER:
        return y < 2015 ? (y == 2013 ? 0.5 : 0.25) : 1.0;
    case Z_LIPTAKO:
        return y < 2016 ? 0.5 : 1.0;
    case Z_LAKE:
        return y < 2015 ? 0.1 : (y < 2018 ? 2.0 : 1.0);
    case Z_AIR:
        return (y >= 2007 && y <= 2009) ? 8.0 : 1.0;
    case Z_BFEST:
        return y < 2018 ? 0.3 : 1.0;
    default:
        return 1.0;
    }
}

/* ------------------------------------------------------------------ */
/* Generator state                                                     */
/* ------------------------------------------------------------------ */

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

static int gen_init(Gen *g, uint64_t seed, uint64_t n, int from, int to)
{
    memset(g, 0, sizeof *g);
    g->seed = seed;
    g->n = n;
    g->d0 = days_from_civil(from, 1, 1);
    g->ndays = days_from_civil(to + 1, 1, 1) - g->d0;
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
        civil_from_days(g->d0 + i, &y, &m, &d);
        long jan1 = days_from_civil(y, 1, 1);
        double ylen = (double)(days_from_civil(y + 1, 1, 1) - jan1);
        double doy = (double)(g->d0 + i - jan1);
        /* linear interpolation of the yearly rate between year mid-points */
        double t = y + (doy + 0.5) / ylen - 0.5;
        int y0 = (int)floor(t);
        double f = t - y0;
        double rate = (year_weight(y0) * (1 - f) + year_weight(y0 + 1) * f) / 365.25;
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

static void gen_free(Gen *g)
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
        ta += t->act * country_mult(t->country, y) * zone_mult(t->zone, y);
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

static int pick_def(Rng *r, const ActorDef *tab, int n, int c, int zone, int ymd)
{
    double tot = 0;
    int cbit = 1 << c;
    for (int i = 0; i < n; i++)
        if ((tab[i].cmask & cbit) && ymd >= tab[i].from && ymd <= tab[i].to)
            tot += tab[i].wz[zone];
    if (tot <= 0)
        return -1;
    double x = rng_u01(r) * tot;
    int last = -1;
    for (int i = 0; i < n; i++) {
        if ((tab[i].cmask & cbit) && ymd >= tab[i].from && ymd <= tab[i].to && tab[i].wz[zone] > 0) {
            last = i;
            if (x < tab[i].wz[zone])
                return i;
            x -= tab[i].wz[zone];
        }
    }
    return last;
}

/* --- actor setters --- */

static void set_unid(EvActor *a, int c)
{
    a->name = S_UNID[c];
    a->nn = "unidentified gunmen";
    a->inter = 3;
    a->group = 1000;
}

static void set_state(Gen *g, EvActor *a, const Event *e, double police_p)
{
    Rng *r = &g->rattr;
    int c = TOWNS[e->town].country;
    int era = era_index(c, e->ymd);
    if (rng_chance(r, police_p)) {
        a->name = S_POL[c][era];
        a->nn = "police officers";
    } else {
        a->name = S_MIL[c][era];
        a->nn = COUNTRIES[c].soldiers;
        if (c == C_MLI && e->ymd >= 20211220 && rng_chance(r, 0.25))
            assoc_add(a, "Wagner Group");
        else if (c == C_BFA && e->ymd >= 20200121 && rng_chance(r, 0.25))
            assoc_add(a, "VDP: Volunteers for the Defense of the Homeland");
    }
    a->inter = 1;
    a->group = 2000;
}

static void set_rebel(Gen *g, EvActor *a, const Event *e, int exclude)
{
    const Town *t = &TOWNS[e->town];
    int i = -1;
    for (int tries = 0; tries < 4; tries++) {
        i = pick_def(&g->rattr, REBELS, NELEM(REBELS), t->country, t->zone, e->ymd);
        if (i != exclude)
            break;
    }
    if (i < 0 || i == exclude) {
        set_unid(a, t->country);
        return;
    }
    a->name = REBELS[i].name;
    a->nn = REBELS[i].nn;
    a->inter = REBELS[i].inter;
    a->group = i;
    if (i == 0 && rng_chance(&g->rattr, 0.08)) { /* JNIM sub-units as associates */
        if (t->zone == Z_CENTER)
            assoc_add(a, "Katiba Macina");
        else if (t->country == C_BFA)
            assoc_add(a, "Ansaroul Islam");
    }
}

static void set_militia(Gen *g, EvActor *a, const Event *e, int exclude)
{
    const Town *t = &TOWNS[e->town];
    int i = -1;
    for (int tries = 0; tries < 4; tries++) {
        i = pick_def(&g->rattr, MILITIAS, NELEM(MILITIAS), t->country, t->zone, e->ymd);
        if (i != exclude)
            break;
    }
    if (i < 0 || i == exclude) {
        set_unid(a, t->country);
        return;
    }
    a->name = MILITIAS[i].name;
    a->nn = MILITIAS[i].nn;
    a->inter = MILITIAS[i].inter;
    a->group = 100 + i;
}

static int set_ext(Gen *g, EvActor *a, const Event *e)
{
    const Town *t = &TOWNS[e->town];
    int i = pick_def(&g->rattr, EXTERNAL, NELEM(EXTERNAL), t->country, t->zone, e->ymd);
    if (i < 0)
        return 0;
    a->name = EXTERNAL[i].name;
    a->nn = EXTERNAL[i].nn;
    a->inter = 8;
    a->group = 200 + i;
    return 1;
}

static void set_civ(Gen *g, EvActor *a, const Event *e)
{
    Rng *r = &g->rattr;
    int c = TOWNS[e->town].country;
    a->name = S_CIV[c];
    a->nn = "civilians";
    a->inter = 7;
    a->group = 3000;
    if (rng_chance(r, 0.5)) {
        int n = rng_chance(r, 0.25) ? 2 : 1;
        for (int i = 0; i < n; i++) {
            double u = rng_u01(r);
            if (u < 0.55) {
                int k = (int)rng_below(r, (uint32_t)N_ETHNIC[c]);
                if (k > 0 && rng_chance(r, 0.4))
                    k = 0; /* Fulani most often named */
                assoc_add(a, S_ETH[c][k]);
                if (i == 0)
                    a->nn = S_ETH_NOUN[c][k];
            } else if (u < 0.93) {
                static const int occ[] = {G_FARMERS, G_HERDERS, G_TRADERS, G_WOMEN, G_MINERS,
                                          G_HEALTH,  G_TEACHERS, G_IDPS,   G_FISHERS, G_TRANSPORT};
                int k = PICK(r, occ);
                assoc_add(a, S_OCC[c][k]);
                if (i == 0)
                    a->nn = OCC_GROUPS[k].noun;
            } else if (u < 0.97) {
                assoc_add(a, S_GOV[c][era_index(c, e->ymd)]);
                if (i == 0)
                    a->nn = "local officials";
            } else {
                assoc_add(a, c == C_BFA ? S_CHRISTIAN[c] : S_MUSLIM[c]);
                if (i == 0)
                    a->nn = "worshippers";
            }
        }
    }
}

static void set_demo(Gen *g, EvActor *a, const Event *e, int rioters)
{
    Rng *r = &g->rattr;
    int c = TOWNS[e->town].country;
    a->name = rioters ? S_RIOT[c] : S_PROT[c];
    a->nn = rioters ? (rng_chance(r, 0.5) ? "angry youths" : "rioters")
                    : (rng_chance(r, 0.5) ? "residents" : "protesters");
    a->inter = rioters ? 5 : 6;
    a->group = 4000;
    int named = 0;
    if (rng_chance(r, 0.45)) {
        named = 1;
        static const int occ[] = {G_STUDENTS, G_STUDENTS, G_TEACHERS, G_TRADERS,   G_WOMEN,   G_LABOR,
                                  G_HEALTH,   G_TRANSPORT, G_LAWYERS, G_JOURNALISTS, G_IDPS, G_MINERS};
        int k = PICK(r, occ);
        assoc_add(a, S_OCC[c][k]);
        a->nn = OCC_GROUPS[k].noun;
    }
    if (!rioters && rng_chance(r, 0.12)) {
        int cands[NELEM(MOVEMENTS)], nc = 0;
        for (int i = 0; i < NELEM(MOVEMENTS); i++)
            if ((MOVEMENTS[i].cmask & (1 << c)) && e->ymd >= MOVEMENTS[i].from && e->ymd <= MOVEMENTS[i].to)
                cands[nc++] = i;
        if (nc) {
            assoc_add(a, MOVEMENTS[cands[rng_below(r, (uint32_t)nc)]].name);
            if (!named)
                a->nn = "activists";
        }
    }
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

/* --- sources --- */

typedef struct {
    const char *name;
    int cat; /* index in SCALE_NAMES */
} Source;

enum { SC_LOCAL, SC_NEWMEDIA, SC_OTHER, SC_SUBNAT, SC_NAT, SC_REG, SC_INTL };
static const char *const SCALE_NAMES[] = {"Local partner", "New media", "Other",        "Subnational",
                                          "National",      "Regional",  "International"};

static const Source SRC_NAT_MLI[] = {{"Studio Tamani", SC_NAT}, {"Malijet", SC_NAT},  {"Mali Actu", SC_NAT},
                                     {"Le Journal du Mali", SC_NAT}, {"Maliweb", SC_NAT}, {"aBamako", SC_NAT},
                                     {"L'Essor", SC_NAT},        {"Kibaru", SC_SUBNAT}};
static const Source SRC_NAT_BFA[] = {{"Lefaso.net", SC_NAT}, {"Burkina24", SC_NAT}, {"L'Observateur Paalga", SC_NAT},
                                     {"Sidwaya", SC_NAT},    {"Omega Medias", SC_NAT}, {"AIB", SC_NAT},
                                     {"Wakat Sera", SC_NAT}, {"Radio Omega", SC_SUBNAT}};
static const Source SRC_NAT_NER[] = {{"ActuNiger", SC_NAT}, {"Aniamey", SC_NAT},       {"Tamtaminfo", SC_NAT},
                                     {"Le Sahel", SC_NAT},  {"Air Info Agadez", SC_SUBNAT}, {"Niger Inter", SC_NAT},
                                     {"Sahara FM", SC_SUBNAT}, {"Niger Diaspora", SC_NAT}};
static const Source SRC_INTL[] = {{"AFP", SC_INTL},        {"Reuters", SC_INTL},        {"RFI", SC_INTL},
                                  {"Jeune Afrique", SC_INTL}, {"Le Monde", SC_INTL},   {"Xinhua", SC_INTL},
                                  {"Anadolu Agency", SC_INTL}, {"France 24", SC_INTL}, {"Associated Press", SC_INTL},
                                  {"BBC News", SC_INTL}};
static const Source SRC_REG[] = {{"Sahelien", SC_REG}, {"Africanews", SC_REG}, {"Wamaps", SC_REG},
                                 {"Le Pays", SC_REG}};
static const Source SRC_NEW[] = {{"Twitter", SC_NEWMEDIA},  {"Facebook", SC_NEWMEDIA}, {"Menastream", SC_NEWMEDIA},
                                 {"Al-Naba", SC_NEWMEDIA},  {"Telegram", SC_NEWMEDIA}, {"WhatsApp", SC_NEWMEDIA},
                                 {"Az-Zallaqa", SC_NEWMEDIA}};
static const Source SRC_OTHER[] = {{"Human Rights Watch", SC_OTHER}, {"Amnesty International", SC_OTHER},
                                   {"UN OCHA", SC_OTHER},            {"Local Source", SC_OTHER},
                                   {"Security Source", SC_OTHER}};

static char SCALE_BUF[7][7][40];

static void init_scales(void)
{
    for (int a = 0; a < 7; a++)
        for (int b = 0; b < 7; b++) {
            if (a == b) {
                if (a == SC_LOCAL)
                    snprintf(SCALE_BUF[a][b], sizeof SCALE_BUF[a][b], "Local partner-Other");
                else
                    snprintf(SCALE_BUF[a][b], sizeof SCALE_BUF[a][b], "%s", SCALE_NAMES[a]);
            } else {
                int lo = a < b ? a : b, hi = a < b ? b : a;
                snprintf(SCALE_BUF[a][b], sizeof SCALE_BUF[a][b], "%s-%s", SCALE_NAMES[lo], SCALE_NAMES[hi]);
            }
        }
}

static void gen_sources(Gen *g, Event *e)
{
    Rng *r = &g->rattr;
    int c = TOWNS[e->town].country;
    double u = rng_u01(r);
    int n = u < 0.55 ? 1 : (u < 0.9 ? 2 : 3);
    const Source *picked[3];
    int np = 0;
    int lo = 99, hi = -1;
    e->source[0] = 0;
    size_t len = 0;
    for (int i = 0; i < n * 3 && np < n; i++) {
        double v = rng_u01(r);
        const Source *s;
        if (v < 0.45) {
            if (c == C_MLI)
                s = &PICK(r, SRC_NAT_MLI);
            else if (c == C_BFA)
                s = &PICK(r, SRC_NAT_BFA);
            else
                s = &PICK(r, SRC_NAT_NER);
        } else if (v < 0.70)
            s = &PICK(r, SRC_INTL);
        else if (v < 0.75)
            s = &PICK(r, SRC_REG);
        else if (v < 0.93)
            s = &PICK(r, SRC_NEW);
        else
            s = &PICK(r, SRC_OTHER);
        int dup = 0;
        for (int j = 0; j < np; j++)
            dup |= picked[j] == s;
        if (dup)
            continue;
        picked[np++] = s;
        size_t l = strlen(s->name);
        if (len + l + 3 >= sizeof e->source)
            break;
        if (len) {
            memcpy(e->source + len, "; ", 2);
            len += 2;
        }
        memcpy(e->source + len, s->name, l + 1);
        len += l;
        if (s->cat < lo) lo = s->cat;
        if (s->cat > hi) hi = s->cat;
    }
    if (hi < 0) {
        snprintf(e->source, sizeof e->source, "Local Source");
        lo = hi = SC_OTHER;
    }
    e->scale = SCALE_BUF[lo][hi];
}

/* --- the event --- */

static void gen_actors(Gen *g, Event *e)
{
    Rng *r = &g->rattr;
    const Town *t = &TOWNS[e->town];
    int c = t->country;
    EvActor *a1 = &e->a1, *a2 = &e->a2;
    actor_clear(a1);
    actor_clear(a2);
    e->has_a2 = 1;
    e->civ_target = 0;

    switch (e->st) {
    case ST_CLASH: {
        double w[6] = {45, 12, 18, 8, 7, 10};
        int p = pick_weighted(r, w, 6);
        if (p == 0) { /* state vs rebels */
            set_state(g, a1, e, 0.08);
            set_rebel(g, a2, e, -1);
        } else if (p == 1) { /* rebels vs rebels */
            set_rebel(g, a1, e, -1);
            set_rebel(g, a2, e, a1->group);
            if (a2->group == 1000 && a1->group == 1000)
                set_state(g, a2, e, 0.0);
        } else if (p == 2) { /* militia vs rebels */
            set_militia(g, a1, e, -1);
            set_rebel(g, a2, e, -1);
        } else if (p == 3) { /* communal */
            set_militia(g, a1, e, -1);
            set_militia(g, a2, e, a1->group);
        } else if (p == 4) { /* external forces */
            if (!set_ext(g, a1, e))
                set_state(g, a1, e, 0.0);
            set_rebel(g, a2, e, -1);
        } else {
            set_state(g, a1, e, 0.1);
            set_unid(a2, c);
        }
        if (rng_chance(r, 0.45)) { /* attacker first: swap half the time */
            EvActor tmp = *a1;
            *a1 = *a2;
            *a2 = tmp;
        }
        break;
    }
    case ST_GRT:
        set_state(g, a1, e, 0.0);
        set_rebel(g, a2, e, -1);
        break;
    case ST_NSAOT:
        set_rebel(g, a1, e, -1);
        if (rng_chance(r, 0.7))
            set_state(g, a2, e, 0.0);
        else
            set_militia(g, a2, e, -1);
        break;
    case ST_IED:
    case ST_SHELL:
    case ST_SUIC:
    case ST_GREN:
    case ST_CHEM: {
        if (e->st == ST_CHEM || (e->st == ST_GREN && rng_chance(r, 0.6)) || rng_chance(r, 0.35))
            set_unid(a1, c);
        else
            set_rebel(g, a1, e, -1);
        double u = rng_u01(r);
        if (u < 0.50)
            set_state(g, a2, e, 0.05);
        else if (u < 0.78)
            set_civ(g, a2, e);
        else if (u < 0.90) {
            if (!set_ext(g, a2, e))
                set_militia(g, a2, e, -1);
        } else
            e->has_a2 = 0;
        break;
    }
    case ST_AIR: {
        if (rng_chance(r, 0.25) && set_ext(g, a1, e) && a1->name[0] == 'M' && a1->name[1] == 'i') {
            /* French air power */
        } else {
            actor_clear(a1);
            set_state(g, a1, e, 0.0);
        }
        double u = rng_u01(r);
        if (u < 0.70)
            set_rebel(g, a2, e, -1);
        else if (u < 0.90)
            set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    }
    case ST_ATTACK:
    case ST_ABDUCT:
    case ST_SEXV: {
        double ps = (c == C_MLI && e->ymd >= 20220101) ? 25 : 15;
        double w[5] = {52, ps, 18, 5, 10};
        int p = pick_weighted(r, w, 5);
        if (p == 0)
            set_rebel(g, a1, e, -1);
        else if (p == 1)
            set_state(g, a1, e, 0.1);
        else if (p == 2)
            set_militia(g, a1, e, -1);
        else if (p == 3) {
            if (!set_ext(g, a1, e))
                set_rebel(g, a1, e, -1);
        } else
            set_unid(a1, c);
        set_civ(g, a2, e);
        break;
    }
    case ST_PEACE:
        set_demo(g, a1, e, 0);
        e->has_a2 = 0;
        break;
    case ST_INTERV:
    case ST_EXCESS:
        set_demo(g, a1, e, 0);
        set_state(g, a2, e, 0.7);
        break;
    case ST_VIOLDEMO:
        set_demo(g, a1, e, 1);
        if (rng_chance(r, 0.5))
            set_state(g, a2, e, 0.8);
        else
            e->has_a2 = 0;
        break;
    case ST_MOB:
        set_demo(g, a1, e, 1);
        if (rng_chance(r, 0.7))
            set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    case ST_ARREST:
        if (rng_chance(r, 0.85))
            set_state(g, a1, e, 0.5);
        else
            set_rebel(g, a1, e, -1);
        if (rng_chance(r, 0.6))
            set_civ(g, a2, e);
        else if (a1->inter == 1 && rng_chance(r, 0.5))
            set_rebel(g, a2, e, -1);
        else
            e->has_a2 = 0;
        break;
    case ST_AGREE:
        if (rng_chance(r, 0.5)) {
            int ci = c;
            a1->name = S_GOV[ci][era_index(ci, e->ymd)];
            a1->nn = "government representatives";
            a1->inter = 1;
            a1->group = 2001;
        } else
            set_militia(g, a1, e, -1);
        if (rng_chance(r, 0.5))
            set_rebel(g, a2, e, -1);
        else
            set_militia(g, a2, e, a1->group);
        break;
    case ST_CHANGE:
        if (rng_chance(r, 0.7))
            set_rebel(g, a1, e, -1);
        else
            set_state(g, a1, e, 0.1);
        e->has_a2 = 0;
        break;
    case ST_DISRUPT:
        if (rng_chance(r, 0.15) && set_ext(g, a1, e)) {
        } else {
            actor_clear(a1);
            set_state(g, a1, e, 0.05);
        }
        if (rng_chance(r, 0.4))
            set_rebel(g, a2, e, -1);
        else
            e->has_a2 = 0;
        break;
    case ST_HQ: {
        double u = rng_u01(r);
        if (u < 0.5)
            set_rebel(g, a1, e, -1);
        else if (u < 0.9 || !set_ext(g, a1, e))
            set_state(g, a1, e, 0.0);
        e->has_a2 = 0;
        break;
    }
    case ST_LOOT: {
        double u = rng_u01(r);
        if (u < 0.6)
            set_rebel(g, a1, e, -1);
        else if (u < 0.8)
            set_unid(a1, c);
        else
            set_militia(g, a1, e, -1);
        if (rng_chance(r, 0.7))
            set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    }
    case ST_NVT: {
        double u = rng_u01(r);
        if (u < 0.5)
            set_rebel(g, a1, e, -1);
        else if (u < 0.85 || !set_ext(g, a1, e))
            set_state(g, a1, e, 0.0);
        if (rng_chance(r, 0.4)) {
            if (a1->inter == 2)
                set_state(g, a2, e, 0.0);
            else
                set_rebel(g, a2, e, -1);
        } else
            e->has_a2 = 0;
        break;
    }
    default: /* ST_OTHER */
        if (rng_chance(r, 0.5))
            set_rebel(g, a1, e, -1);
        else
            set_state(g, a1, e, 0.3);
        e->has_a2 = 0;
        break;
    }

    if (!e->has_a2)
        actor_clear(a2);
    int i1 = a1->inter, i2 = e->has_a2 ? a2->inter : 0;
    if (!i2)
        e->interaction = i1 * 10;
    else
        e->interaction = (i1 < i2) ? i1 * 10 + i2 : i2 * 10 + i1;
    if (e->et == ET_VAC || e->st == ST_EXCESS ||
        (e->has_a2 && a2->inter == 7 && (e->et == ET_EXP || e->st == ST_MOB)))
        e->civ_target = 1;
}

static const char *const GRIEVANCES[] = {
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

static int gen_next(Gen *g, Event *e)
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
    civil_from_days(e->day, &e->y, &e->m, &e->d);
    e->ymd = e->y * 10000 + e->m * 100 + e->d;
    update_year(g, e->y);

    double v = rng_u01(r);
    e->tp = v < 0.85 ? 1 : (v < 0.95 ? 2 : 3);

    e->et = pick_weighted(r, ET_SHARE, N_ET);
    e->st = ST_FIRST[e->et] + pick_weighted(r, ST_W + ST_FIRST[e->et], ST_COUNT[e->et]);

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
            base_lat = VILLAGES[e->town][e->village].lat;
            base_lon = VILLAGES[e->town][e->village].lon;
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

    gen_actors(g, e);
    e->fatalities = fatalities_for(r, e->st);
    e->k = 2 + (int)floor(-log(rng_u01_open(r)) * 4.0);
    if (e->k > 60)
        e->k = 60;
    e->griev = (int)rng_below(r, (uint32_t)NELEM(GRIEVANCES));

    gen_sources(g, e);

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

/* ------------------------------------------------------------------ */
/* Notes                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Sb;

static void sb_mem(Sb *b, const char *s, size_t l)
{
    if (b->n + l >= b->cap)
        l = b->cap - 1 - b->n;
    memcpy(b->p + b->n, s, l);
    b->n += l;
    b->p[b->n] = 0;
}

static void sb_put(Sb *b, const char *s)
{
    sb_mem(b, s, strlen(s));
}

static void sb_int(Sb *b, long v)
{
    char tmp[24];
    int n = 0;
    unsigned long u = v < 0 ? (unsigned long)(-v) : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[n++] = '-';
    char out[24];
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    sb_mem(b, out, (size_t)n);
}

typedef struct {
    const char *a1, *a2, *place, *loc, *town, *adm2, *adm1, *griev;
    int f, k;
} NCtx;

static void sb_cap(Sb *b, const char *s)
{
    if (*s >= 'a' && *s <= 'z') {
        char c = (char)(*s - 'a' + 'A');
        sb_mem(b, &c, 1);
        s++;
    }
    sb_put(b, s);
}

static void sb_expand(Sb *b, const char *t, const NCtx *c)
{
    while (*t) {
        const char *o = strchr(t, '{');
        if (!o) {
            sb_put(b, t);
            return;
        }
        sb_mem(b, t, (size_t)(o - t));
        const char *e = strchr(o, '}');
        if (!e) {
            sb_put(b, o);
            return;
        }
        size_t kl = (size_t)(e - o - 1);
        const char *k = o + 1;
#define KEY(s) (kl == sizeof(s) - 1 && memcmp(k, s, kl) == 0)
        if (KEY("A1"))
            sb_put(b, c->a1);
        else if (KEY("A2"))
            sb_put(b, c->a2);
        else if (KEY("A1c"))
            sb_cap(b, c->a1);
        else if (KEY("A2c"))
            sb_cap(b, c->a2);
        else if (KEY("P"))
            sb_put(b, c->place);
        else if (KEY("L"))
            sb_put(b, c->loc);
        else if (KEY("T"))
            sb_put(b, c->town);
        else if (KEY("D"))
            sb_put(b, c->adm2);
        else if (KEY("R"))
            sb_put(b, c->adm1);
        else if (KEY("G"))
            sb_put(b, c->griev);
        else if (KEY("F"))
            sb_int(b, c->f);
        else if (KEY("K"))
            sb_int(b, c->k);
#undef KEY
        t = e + 1;
    }
}

typedef struct {
    const char *const *with;
    int nwith;
    const char *const *solo;
    int nsolo;
} TplSet;

#define TPL(w, s) {w, NELEM(w), s, NELEM(s)}

static const char *const T_CLASH_W[] = {
    "{A1} clashed with {A2} {P}.",
    "{A1} attacked a position held by {A2} {P}, sparking an exchange of fire that lasted several hours.",
    "{A1} ambushed a patrol of {A2} {P}.",
    "heavy fighting broke out between {A1} and {A2} {P}.",
    "{A1} and {A2} exchanged fire {P} after the latter attempted to enter the locality."};
static const char *const T_GRT_W[] = {
    "{A1} regained control of the area {P} from {A2} following a ground offensive.",
    "{A1} retook {L} ({D}, {R}) from {A2}, who had occupied the locality for several weeks."};
static const char *const T_NSAOT_W[] = {
    "{A1} attacked and took control of {L} ({D}, {R}), forcing {A2} to withdraw from the locality.",
    "{A1} overran the post of {A2} {P} and seized vehicles and weapons."};
static const char *const T_IED_W[] = {
    "a vehicle carrying {A2} struck an improvised explosive device (IED) planted by {A1} on the road {P}.",
    "{A2} hit a landmine attributed to {A1} {P}.",
    "an IED attributed to {A1} exploded as a convoy of {A2} passed {P}."};
static const char *const T_IED_S[] = {
    "an IED planted by {A1} exploded on the road {P} without hitting its target.",
    "a landmine laid by {A1} exploded {P}."};
static const char *const T_SHELL_W[] = {
    "{A1} fired several mortar shells at the camp of {A2} {P}.",
    "{A1} launched rockets targeting {A2} {P}; several shells landed inside the perimeter."};
static const char *const T_SHELL_S[] = {"{A1} fired several shells {P}; impacts were reported near the town."};
static const char *const T_AIR_W[] = {
    "{A1} carried out a drone strike targeting {A2} {P}.",
    "{A1} conducted air strikes on a gathering of {A2} {P}.",
    "a helicopter of {A1} opened fire on {A2} {P}."};
static const char *const T_AIR_S[] = {"{A1} conducted air strikes {P}; the targets were not identified."};
static const char *const T_SUIC_W[] = {
    "a suicide bomber affiliated with {A1} detonated a vehicle-borne IED (VBIED) at the entrance of a camp of {A2} {P}.",
    "a suicide attack claimed by {A1} targeted {A2} {P}."};
static const char *const T_SUIC_S[] = {"a suicide bomber attributed to {A1} blew himself up {P}."};
static const char *const T_GREN_W[] = {"{A1} threw a grenade at {A2} {P}."};
static const char *const T_GREN_S[] = {"a grenade exploded {P}; it was reportedly thrown by {A1}."};
static const char *const T_CHEM_W[] = {"{A1} reportedly used an unidentified toxic substance against {A2} {P}."};
static const char *const T_ATTACK_W[] = {
    "{A1} attacked {A2} {P} and set fire to several houses and granaries.",
    "{A1} stormed {L} ({D}, {R}) and targeted {A2} accused of collaborating with the authorities.",
    "{A1} opened fire on {A2} at the weekly market {P}.",
    "{A1} stopped a passenger vehicle {P} and assaulted {A2} on board.",
    "{A1} raided {L} ({D}, {R}), attacking {A2} and stealing cattle."};
static const char *const T_ABDUCT_W[] = {
    "{A1} abducted {K} {A2} {P}, including a village chief.",
    "{A1} kidnapped {K} {A2} {P}; their whereabouts remain unknown.",
    "{A1} took {K} {A2} hostage {P} and demanded a ransom."};
static const char *const T_SEXV_W[] = {"{A1} sexually assaulted {K} women {P}."};
static const char *const T_PEACE_S[] = {
    "{A1} gathered {P} to {G}.",
    "hundreds of {A1} marched {P} to {G}.",
    "{A1} staged a sit-in in front of the governorate {P} to {G}."};
static const char *const T_INTERV_W[] = {
    "{A1} gathered {P} to {G}. {A2c} dispersed the demonstration using tear gas.",
    "{A1} demonstrated {P} to {G}. {A2c} intervened and arrested several participants."};
static const char *const T_EXCESS_W[] = {
    "{A1} demonstrated {P} to {G}. {A2c} opened fire on the crowd to disperse it.",
    "{A1} marched {P} to {G}. {A2c} beat several participants with batons."};
static const char *const T_VIOL_W[] = {
    "{A1} erected barricades and burned tyres {P} to {G}. {A2c} intervened to restore order.",
    "{A1} ransacked public buildings {P} to {G}; {A2} fired tear gas."};
static const char *const T_VIOL_S[] = {
    "{A1} erected barricades and burned tyres {P} to {G}.",
    "{A1} blocked the main road {P} with stones and tree trunks to {G}."};
static const char *const T_MOB_W[] = {
    "a mob of {A1} attacked {A2} suspected of theft {P}.",
    "{A1} attacked {A2} accused of cattle rustling {P}."};
static const char *const T_MOB_S[] = {"a mob of {A1} set fire to a motorbike belonging to a suspected thief {P}."};
static const char *const T_AGREE_W[] = {
    "{A1} and {A2} signed a local peace agreement {P} under the mediation of religious leaders.",
    "{A1} and {A2} reached a ceasefire arrangement {P} allowing the return of displaced persons."};
static const char *const T_ARREST_W[] = {
    "{A1} arrested {K} {A2} {P} on suspicion of links with armed groups.",
    "{A1} detained {K} {A2} {P} during a search operation."};
static const char *const T_ARREST_S[] = {
    "{A1} arrested {K} individuals {P} during a cordon-and-search operation.",
    "{A1} detained a journalist {P} for several hours."};
static const char *const T_CHANGE_S[] = {
    "{A1} imposed a blockade on {L} ({D}, {R}), preventing the movement of people and goods.",
    "{A1} ordered residents of {L} ({D}, {R}) to leave the locality within 72 hours.",
    "{A1} announced the closure of schools {P}.",
    "{A1} imposed a curfew {P} and banned the use of motorbikes."};
static const char *const T_DISRUPT_W[] = {
    "{A1} detected and defused an IED planted by {A2} {P}.",
    "{A1} foiled an attack by {A2} {P} and seized weapons and motorbikes."};
static const char *const T_DISRUPT_S[] = {
    "{A1} detected and defused an IED {P}.",
    "{A1} discovered and destroyed a weapons cache {P}."};
static const char *const T_HQ_S[] = {
    "{A1} established a new base {P}.",
    "{A1} set up a forward operating post {P} to secure the main road."};
static const char *const T_LOOT_W[] = {
    "{A1} looted shops and stole livestock belonging to {A2} {P}.",
    "{A1} burned down the houses of {A2} {P}.",
    "{A1} sabotaged the telecommunications antenna {P}, cutting off {A2} from the network."};
static const char *const T_LOOT_S[] = {
    "{A1} looted and burned a school {P}.",
    "{A1} destroyed a bridge {P}."};
static const char *const T_NVT_W[] = {"{A1} withdrew from its camp {P}; the site was handed over to {A2}."};
static const char *const T_NVT_S[] = {"{A1} withdrew from {L} ({D}, {R}) without fighting."};
static const char *const T_OTHER_S[] = {
    "{A1} distributed leaflets {P} warning residents against cooperating with the other side.",
    "{A1} held a meeting with community leaders {P}.",
    "{A1} collected zakat from residents {P}."};
static const char *const T_NONE[] = {"{A1} were active {P}."};

static const TplSet TPLS[N_ST] = {
    [ST_CLASH] = TPL(T_CLASH_W, T_CLASH_W),  [ST_GRT] = TPL(T_GRT_W, T_GRT_W),
    [ST_NSAOT] = TPL(T_NSAOT_W, T_NSAOT_W),  [ST_CHEM] = TPL(T_CHEM_W, T_CHEM_W),
    [ST_AIR] = TPL(T_AIR_W, T_AIR_S),        [ST_SUIC] = TPL(T_SUIC_W, T_SUIC_S),
    [ST_SHELL] = TPL(T_SHELL_W, T_SHELL_S),  [ST_IED] = TPL(T_IED_W, T_IED_S),
    [ST_GREN] = TPL(T_GREN_W, T_GREN_S),     [ST_SEXV] = TPL(T_SEXV_W, T_SEXV_W),
    [ST_ATTACK] = TPL(T_ATTACK_W, T_ATTACK_W), [ST_ABDUCT] = TPL(T_ABDUCT_W, T_ABDUCT_W),
    [ST_PEACE] = TPL(T_PEACE_S, T_PEACE_S),  [ST_INTERV] = TPL(T_INTERV_W, T_INTERV_W),
    [ST_EXCESS] = TPL(T_EXCESS_W, T_EXCESS_W), [ST_VIOLDEMO] = TPL(T_VIOL_W, T_VIOL_S),
    [ST_MOB] = TPL(T_MOB_W, T_MOB_S),        [ST_AGREE] = TPL(T_AGREE_W, T_AGREE_W),
    [ST_ARREST] = TPL(T_ARREST_W, T_ARREST_S), [ST_CHANGE] = TPL(T_CHANGE_S, T_CHANGE_S),
    [ST_DISRUPT] = TPL(T_DISRUPT_W, T_DISRUPT_S), [ST_HQ] = TPL(T_HQ_S, T_HQ_S),
    [ST_LOOT] = TPL(T_LOOT_W, T_LOOT_S),     [ST_NVT] = TPL(T_NVT_W, T_NVT_S),
    [ST_OTHER] = TPL(T_OTHER_S, T_OTHER_S),
};

static const char *const F_VIOLENT[] = {
    "According to local sources, the assailants arrived on motorbikes and fled towards the border area.",
    "Reinforcements were deployed from {T} later in the day.",
    "Local sources described the assailants as \"heavily armed men\" who spoke several local languages.",
    "The toll could not be independently verified and may be higher.",
    "Several motorbikes, weapons and ammunition were reportedly seized or destroyed.",
    "Residents fled to {T} in the following days, fearing further attacks.",
    "This is the third incident reported in the area in less than a month.",
    "Wounded persons were evacuated to the health centre in {T}.",
};
static const char *const F_DEMO[] = {
    "Shops and schools remained closed for most of the day.",
    "The demonstration ended in the early afternoon without further incident.",
    "Organisers had announced the gathering on social media the day before.",
    "Local authorities received a delegation of the demonstrators.",
    "Participants carried placards and chanted slogans in French and local languages.",
};
static const char *const F_SD[] = {
    "The information was relayed by local sources and could not be independently verified.",
    "Authorities did not comment on the matter.",
    "Frequent movements of armed men have been reported around {T} in recent weeks.",
};
static const char *const F_GENERIC[] = {
    "Communication networks in the area have been disrupted for several weeks, delaying reports.",
    "The area has seen a marked increase in insecurity since the beginning of the year.",
    "Humanitarian organisations reported that access to the area/axis remains restricted.",
    "The situation in {L} remained tense in the following days.",
};

static void gen_notes(Gen *g, const Event *e, const EvActor *a1, const EvActor *a2, char *out, size_t cap)
{
    Rng *r = &g->rnote;
    Sb b = {out, 0, cap};
    out[0] = 0;
    const Town *t = &TOWNS[e->town];
    const char *loc = e->village >= 0 ? VILLAGES[e->town][e->village].name : t->name;

    /* date phrase */
    if (e->tp == 1) {
        sb_put(&b, "On ");
        sb_int(&b, e->d);
        sb_put(&b, " ");
        sb_put(&b, MONTHS[e->m - 1]);
        sb_put(&b, " ");
        sb_int(&b, e->y);
        sb_put(&b, ", ");
    } else if (e->tp == 2) {
        sb_put(&b, rng_chance(r, 0.5) ? "On or around " : "During the week of ");
        sb_int(&b, e->d);
        sb_put(&b, " ");
        sb_put(&b, MONTHS[e->m - 1]);
        sb_put(&b, " ");
        sb_int(&b, e->y);
        sb_put(&b, ", ");
    } else {
        sb_put(&b, rng_chance(r, 0.5) ? "In " : "Sometime in ");
        sb_put(&b, MONTHS[e->m - 1]);
        sb_put(&b, " ");
        sb_int(&b, e->y);
        sb_put(&b, ", ");
    }

    /* place phrase */
    char place[192];
    Sb pb = {place, 0, sizeof place};
    place[0] = 0;
    if (e->gp == 1 && e->village >= 0) {
        sb_put(&pb, rng_chance(r, 0.5) ? "in the village of " : "in ");
        sb_put(&pb, loc);
        sb_put(&pb, ", near ");
        sb_put(&pb, t->name);
        sb_put(&pb, " (");
        sb_put(&pb, t->admin2);
        sb_put(&pb, ", ");
        sb_put(&pb, t->admin1);
        sb_put(&pb, ")");
    } else if (e->gp == 1) {
        sb_put(&pb, "in ");
        sb_put(&pb, t->name);
        sb_put(&pb, " (");
        sb_put(&pb, t->admin2);
        sb_put(&pb, ", ");
        sb_put(&pb, t->admin1);
        sb_put(&pb, ")");
    } else if (e->gp == 2) {
        sb_put(&pb, "in the area of ");
        sb_put(&pb, t->name);
        sb_put(&pb, " (");
        sb_put(&pb, t->admin2);
        sb_put(&pb, ", ");
        sb_put(&pb, t->admin1);
        sb_put(&pb, ")");
    } else {
        sb_put(&pb, "in an unspecified location of the ");
        sb_put(&pb, t->admin1);
        sb_put(&pb, " region");
    }

    char a1n[96], a2n[96];
    const char *n1 = a1->nn[0] ? a1->nn : "unidentified actors";
    const char *n2 = a2->nn[0] ? a2->nn : "unidentified actors";
    if (a1->inter == 2 && rng_chance(r, 0.35)) {
        snprintf(a1n, sizeof a1n, "suspected %s", n1);
        n1 = a1n;
    }
    if (a2->inter == 2 && rng_chance(r, 0.25)) {
        snprintf(a2n, sizeof a2n, "suspected %s", n2);
        n2 = a2n;
    }
    NCtx c = {n1, n2, place, loc, t->name, t->admin2, t->admin1, GRIEVANCES[e->griev], e->fatalities, e->k};

    const TplSet *ts = &TPLS[e->st];
    const char *tpl;
    if (e->has_a2 && ts->nwith)
        tpl = ts->with[rng_below(r, (uint32_t)ts->nwith)];
    else if (ts->nsolo)
        tpl = ts->solo[rng_below(r, (uint32_t)ts->nsolo)];
    else
        tpl = T_NONE[0];
    sb_expand(&b, tpl, &c);

    /* fatalities sentence */
    int f = e->fatalities;
    if (f > 0) {
        sb_put(&b, " ");
        double u = rng_u01(r);
        if (e->et == ET_VAC && u < 0.5) {
            sb_int(&b, f);
            sb_put(&b, f == 1 ? " civilian was killed." : " civilians were killed.");
        } else if (e->et == ET_BAT && u < 0.5) {
            sb_put(&b, "The fighting left ");
            sb_int(&b, f);
            sb_put(&b, f == 1 ? " person dead." : " people dead on both sides.");
        } else if (u < 0.75) {
            sb_int(&b, f);
            sb_put(&b, f == 1 ? " fatality." : " fatalities.");
        } else {
            sb_int(&b, f);
            sb_put(&b, f == 1 ? " person was killed." : " people were killed.");
        }
    } else if (e->et <= ET_VAC && rng_chance(r, 0.6)) {
        sb_put(&b, rng_chance(r, 0.5) ? " No fatalities were reported." : " Fatalities unknown; coded as 0.");
    }

    /* filler sentences */
    const char *const *pool;
    int npool;
    if (e->et <= ET_VAC) {
        pool = F_VIOLENT;
        npool = NELEM(F_VIOLENT);
    } else if (e->et == ET_SD) {
        pool = F_SD;
        npool = NELEM(F_SD);
    } else {
        pool = F_DEMO;
        npool = NELEM(F_DEMO);
    }
    double u = rng_u01(r);
    int nf = u < 0.15 ? 0 : (u < 0.60 ? 1 : (u < 0.90 ? 2 : 3));
    unsigned used = 0;
    for (int i = 0; i < nf; i++) {
        int tot = npool + NELEM(F_GENERIC);
        int k = (int)rng_below(r, (uint32_t)tot);
        if (used & (1u << k))
            continue;
        used |= 1u << k;
        sb_put(&b, " ");
        sb_expand(&b, k < npool ? pool[k] : F_GENERIC[k - npool], &c);
    }
    if (a1->inter == 2 && (e->et <= ET_VAC) && rng_chance(r, 0.2))
        sb_put(&b, " The attack was later claimed by the group on its propaganda channels.");
    if (e->gp == 2)
        sb_put(&b, " The exact location was not reported; coordinates refer to the nearest town.");
    else if (e->gp == 3)
        sb_put(&b, " The exact location was not reported; the event is geolocated at the regional level.");
    sb_put(&b, " [synthetic]");
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    FILE *f;
    char *buf;
    size_t len, cap;
    int err;
} Out;

static void out_flush(Out *o)
{
    if (o->len && !o->err) {
        if (fwrite(o->buf, 1, o->len, o->f) != o->len)
            o->err = errno ? errno : EIO;
    }
    o->len = 0;
}

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

static unsigned char JSON_ESC[256];
static unsigned char CSV_SPECIAL[256];

static void init_tables(void)
{
    for (int i = 0; i < 32; i++)
        JSON_ESC[i] = 1;
    JSON_ESC['"'] = 1;
    JSON_ESC['\\'] = 1;
    JSON_ESC['/'] = 1;
    JSON_ESC[127] = 0;
    CSV_SPECIAL[','] = 1;
    CSV_SPECIAL['"'] = 1;
    CSV_SPECIAL['\r'] = 1;
    CSV_SPECIAL['\n'] = 1;
}

/* strings are short (< 4 KiB), buffer is MiBs: reserve worst case once */
static void out_json_escaped(Out *o, const char *s, size_t n)
{
    out_reserve(o, n * 6 + 8);
    char *d = o->buf + o->len;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char ch = *p++;
        if (!JSON_ESC[ch]) {
            *d++ = (char)ch;
            continue;
        }
        *d++ = '\\';
        switch (ch) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '/': *d++ = '/'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = hex[ch >> 4];
            *d++ = hex[ch & 15];
        }
        }
    }
    o->len = (size_t)(d - o->buf);
}

static void out_csv_field(Out *o, const char *s, size_t n)
{
    int need = 0;
    for (size_t i = 0; i < n && !need; i++)
        need = CSV_SPECIAL[(unsigned char)s[i]];
    if (!need) {
        out_mem(o, s, n);
        return;
    }
    out_reserve(o, n * 2 + 4);
    char *d = o->buf + o->len;
    *d++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            *d++ = '"';
        *d++ = s[i];
    }
    *d++ = '"';
    o->len = (size_t)(d - o->buf);
}

enum {
    COL_ID, COL_DATE, COL_YEAR, COL_TP, COL_DISORDER, COL_ET, COL_ST, COL_A1, COL_AS1, COL_I1, COL_A2, COL_AS2,
    COL_I2, COL_INTERACTION, COL_CIV, COL_ISO, COL_REGION, COL_COUNTRY, COL_ADM1, COL_ADM2, COL_ADM3, COL_LOC,
    COL_LAT, COL_LON, COL_GP, COL_SOURCE, COL_SCALE, COL_NOTES, COL_FAT, COL_TAGS, COL_TS, N_COL
};

static const char *const COL_NAMES[N_COL] = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"};

static int is_dyadic_col(int c)
{
    return c == COL_A2 || c == COL_AS2 || c == COL_I2;
}

static size_t fmt_uint(char *buf, unsigned long long v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
    return n;
}

static size_t fmt_fixed4(char *buf, double v)
{
    long long x = llround(v * 10000.0);
    size_t n = 0;
    if (x < 0) {
        buf[n++] = '-';
        x = -x;
    }
    n += fmt_uint(buf + n, (unsigned long long)(x / 10000));
    int fr = (int)(x % 10000);
    buf[n++] = '.';
    buf[n++] = (char)('0' + fr / 1000);
    buf[n++] = (char)('0' + fr / 100 % 10);
    buf[n++] = (char)('0' + fr / 10 % 10);
    buf[n++] = (char)('0' + fr % 10);
    buf[n] = 0;
    return n;
}

static size_t fmt_2(char *buf, int v)
{
    buf[0] = (char)('0' + v / 10 % 10);
    buf[1] = (char)('0' + v % 10);
    return 2;
}

typedef struct {
    int csv, monadic;
} Fmt;

/* One output row; in monadic mode a1 is the actor of this row and a2 is NULL. */
static void emit_row(Out *o, const Fmt *fm, const Event *e, const EvActor *a1, const EvActor *a2, const char *notes,
                     int first)
{
    char id[24], date[32], year[8], tp[4], i1[4], i2[4], inter[4], lat[24], lon[24], gp[4], fat[12], ts[24];
    const Town *t = &TOWNS[e->town];
    size_t n;

    memcpy(id, "SYN", 3);
    {
        char num[24];
        size_t l = fmt_uint(num, e->id);
        size_t pad = l < 8 ? 8 - l : 0;
        memset(id + 3, '0', pad);
        memcpy(id + 3 + pad, num, l + 1);
    }
    if (fm->csv) {
        n = fmt_2(date, e->d);
        date[n++] = ' ';
        size_t ml = strlen(MONTHS[e->m - 1]);
        memcpy(date + n, MONTHS[e->m - 1], ml);
        n += ml;
        date[n++] = ' ';
        fmt_uint(date + n, (unsigned long long)e->y);
    } else {
        n = fmt_uint(date, (unsigned long long)e->y);
        date[n++] = '-';
        n += fmt_2(date + n, e->m);
        date[n++] = '-';
        n += fmt_2(date + n, e->d);
        date[n] = 0;
    }
    fmt_uint(year, (unsigned long long)e->y);
    fmt_uint(tp, (unsigned long long)e->tp);
    if (a1->inter)
        fmt_uint(i1, (unsigned long long)a1->inter);
    else
        i1[0] = 0;
    if (a2 && a2->inter)
        fmt_uint(i2, (unsigned long long)a2->inter);
    else
        i2[0] = 0;
    fmt_uint(inter, (unsigned long long)e->interaction);
    fmt_fixed4(lat, e->lat);
    fmt_fixed4(lon, e->lon);
    fmt_uint(gp, (unsigned long long)e->gp);
    fmt_uint(fat, (unsigned long long)e->fatalities);
    fmt_uint(ts, (unsigned long long)e->timestamp);
    const char *loc = e->village >= 0 ? VILLAGES[e->town][e->village].name : t->name;

    const char *v[N_COL] = {
        [COL_ID] = id,
        [COL_DATE] = date,
        [COL_YEAR] = year,
        [COL_TP] = tp,
        [COL_DISORDER] = ET_DISORDER[e->et],
        [COL_ET] = ET_NAME[e->et],
        [COL_ST] = ST_NAME[e->st],
        [COL_A1] = a1->name,
        [COL_AS1] = a1->assoc,
        [COL_I1] = i1,
        [COL_A2] = a2 ? a2->name : "",
        [COL_AS2] = a2 ? a2->assoc : "",
        [COL_I2] = i2,
        [COL_INTERACTION] = inter,
        [COL_CIV] = e->civ_target ? "Civilian targeting" : "",
        [COL_ISO] = COUNTRIES[t->country].iso,
        [COL_REGION] = "Western Africa",
        [COL_COUNTRY] = COUNTRIES[t->country].name,
        [COL_ADM1] = t->admin1,
        [COL_ADM2] = t->admin2,
        [COL_ADM3] = t->admin3,
        [COL_LOC] = loc,
        [COL_LAT] = lat,
        [COL_LON] = lon,
        [COL_GP] = gp,
        [COL_SOURCE] = e->source,
        [COL_SCALE] = e->scale,
        [COL_NOTES] = notes,
        [COL_FAT] = fat,
        [COL_TAGS] = e->tags,
        [COL_TS] = ts,
    };

    if (fm->csv) {
        int firstcol = 1;
        for (int c = 0; c < N_COL; c++) {
            if (fm->monadic && is_dyadic_col(c))
                continue;
            if (!firstcol)
                out_mem(o, ",", 1);
            firstcol = 0;
            out_csv_field(o, v[c], strlen(v[c]));
        }
        out_mem(o, "\n", 1);
    } else {
        if (!first)
            out_mem(o, ",\n", 2);
        int firstcol = 1;
        for (int c = 0; c < N_COL; c++) {
            if (fm->monadic && is_dyadic_col(c))
                continue;
            out_mem(o, firstcol ? "{\"" : ",\"", 2);
            firstcol = 0;
            out_str(o, COL_NAMES[c]);
            out_mem(o, "\":\"", 3);
            out_json_escaped(o, v[c], strlen(v[c]));
            out_mem(o, "\"", 1);
        }
        out_mem(o, "}", 1);
    }
}

/* ------------------------------------------------------------------ */
/* CLI                                                                 */
/* ------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: " PROG " --count N [--format json|csv] [--seed S] [--monadic]\n"
            "                    [--from YEAR] [--to YEAR] -o FILE\n"
            "       " PROG " --help\n"
            "\n"
            "Generate deterministic, realistic *synthetic* ACLED-style conflict events\n"
            "for Mali, Burkina Faso and Niger, sorted by date ascending.\n"
            "\n"
            "Options:\n"
            "  --count N        number of distinct events, 1..%llu (required)\n"
            "  --format F       json (ACLED API envelope, default) or csv (export-tool CSV)\n"
            "  --seed S         unsigned 64-bit seed (default 1); same arguments => same bytes\n"
            "  --monadic        ACLED monadic shape: no actor2/assoc_actor_2/inter2 columns;\n"
            "                   two-actor events become two consecutive rows\n"
            "  --from YEAR      first year (default 2012, min %d)\n"
            "  --to YEAR        last year (default 2024, max %d)\n"
            "  -o FILE          output file ('-' for stdout); written to FILE.tmp then renamed\n"
            "  -h, --help       show this help\n"
            "\n"
            "Ids are SYN########; every notes field ends with \"[synthetic]\".\n",
            MAX_COUNT, MIN_YEAR, MAX_YEAR);
}

static int die_usage(const char *msg, const char *arg)
{
    if (arg)
        fprintf(stderr, PROG ": %s: '%s'\n", msg, arg);
    else
        fprintf(stderr, PROG ": %s\n", msg);
    fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    return 2;
}

static int parse_u64(const char *s, unsigned long long *out)
{
    if (!s || !*s)
        return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long long count = 0, seed = 1, from = 2012, to = 2024;
    int have_count = 0, csv = 0, monadic = 0;
    const char *outpath = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--monadic")) {
            monadic = 1;
            continue;
        }
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        if (eq) {
            size_t l = (size_t)(eq - a);
            if (l >= sizeof name)
                return die_usage("unknown option", a);
            memcpy(name, a, l);
            name[l] = 0;
            val = eq + 1;
        } else {
            if (strlen(a) >= sizeof name)
                return die_usage("unknown option", a);
            strcpy(name, a);
        }
        int takes = !strcmp(name, "--count") || !strcmp(name, "--format") || !strcmp(name, "--seed") ||
                    !strcmp(name, "--from") || !strcmp(name, "--to") || !strcmp(name, "-o") ||
                    !strcmp(name, "--output");
        if (!takes)
            return die_usage("unknown option", a);
        if (!val) {
            if (i + 1 >= argc)
                return die_usage("option requires an argument", name);
            val = argv[++i];
        }
        if (!strcmp(name, "--count")) {
            if (parse_u64(val, &count))
                return die_usage("--count expects a positive integer", val);
            if (count < 1 || count > MAX_COUNT) {
                fprintf(stderr, PROG ": --count must be between 1 and %llu (got %s)\n", MAX_COUNT, val);
                return 2;
            }
            have_count = 1;
        } else if (!strcmp(name, "--format")) {
            if (!strcmp(val, "json"))
                csv = 0;
            else if (!strcmp(val, "csv"))
                csv = 1;
            else
                return die_usage("--format must be 'json' or 'csv'", val);
        } else if (!strcmp(name, "--seed")) {
            if (parse_u64(val, &seed))
                return die_usage("--seed expects an unsigned 64-bit integer", val);
        } else if (!strcmp(name, "--from") || !strcmp(name, "--to")) {
            unsigned long long y;
            if (parse_u64(val, &y) || y < MIN_YEAR || y > MAX_YEAR) {
                fprintf(stderr, PROG ": %s must be a year between %d and %d (got '%s')\n", name, MIN_YEAR,
                        MAX_YEAR, val);
                return 2;
            }
            if (!strcmp(name, "--from"))
                from = y;
            else
                to = y;
        } else {
            if (!*val)
                return die_usage("-o expects a file name or '-'", val);
            outpath = val;
        }
    }
    if (!have_count)
        return die_usage("missing required option --count N", NULL);
    if (!outpath)
        return die_usage("missing required option -o FILE (use '-o -' for stdout)", NULL);
    if (from > to) {
        fprintf(stderr, PROG ": --from (%llu) is after --to (%llu)\n", from, to);
        return 2;
    }

    init_tables();
    init_strings();
    init_scales();
    init_villages(seed);

    Fmt fm = {csv, monadic};
    uint64_t rows = count;
    Gen g;
    Event ev;
    if (monadic && !csv) {
        /* the API envelope states the row count up front: dry run */
        if (gen_init(&g, seed, count, (int)from, (int)to)) {
            fprintf(stderr, PROG ": out of memory\n");
            return 1;
        }
        rows = 0;
        while (gen_next(&g, &ev))
            rows += 1 + (uint64_t)ev.has_a2;
        gen_free(&g);
    }
    if (gen_init(&g, seed, count, (int)from, (int)to)) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }

    char *tmppath = NULL;
    FILE *f;
    int to_stdout = !strcmp(outpath, "-");
    if (to_stdout) {
        f = stdout;
    } else {
        size_t l = strlen(outpath);
        tmppath = malloc(l + 5);
        if (!tmppath) {
            fprintf(stderr, PROG ": out of memory\n");
            return 1;
        }
        memcpy(tmppath, outpath, l);
        memcpy(tmppath + l, ".tmp", 5);
        f = fopen(tmppath, "wb");
        if (!f) {
            fprintf(stderr, PROG ": cannot open '%s': %s\n", tmppath, strerror(errno));
            free(tmppath);
            return 1;
        }
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);

    Out o = {f, malloc(OUTBUF), 0, OUTBUF, 0};
    if (!o.buf) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }

    if (csv) {
        int firstcol = 1;
        for (int c = 0; c < N_COL; c++) {
            if (monadic && is_dyadic_col(c))
                continue;
            if (!firstcol)
                out_mem(&o, ",", 1);
            firstcol = 0;
            out_str(&o, COL_NAMES[c]);
        }
        out_mem(&o, "\n", 1);
    } else {
        char num[24];
        fmt_uint(num, rows);
        out_str(&o, "{\"status\":200,\"success\":true,\"last_update\":0,\"count\":");
        out_str(&o, num);
        out_str(&o, ",\"messages\":[],\"data\":[\n");
    }

    char notes[2048];
    int first = 1;
    while (gen_next(&g, &ev)) {
        gen_notes(&g, &ev, &ev.a1, &ev.a2, notes, sizeof notes);
        if (monadic) {
            emit_row(&o, &fm, &ev, &ev.a1, NULL, notes, first);
            first = 0;
            if (ev.has_a2)
                emit_row(&o, &fm, &ev, &ev.a2, NULL, notes, 0);
        } else {
            emit_row(&o, &fm, &ev, &ev.a1, ev.has_a2 ? &ev.a2 : NULL, notes, first);
            first = 0;
        }
        if (o.err)
            break;
    }
    if (!csv)
        out_str(&o, "\n],\"filename\":\"synthetic\"}\n");
    out_flush(&o);
    gen_free(&g);
    free(o.buf);

    int err = o.err;
    if (!err && fflush(f) != 0)
        err = errno ? errno : EIO;
    if (!err && ferror(f))
        err = EIO;
    if (to_stdout) {
        if (err) {
            fprintf(stderr, PROG ": write error on stdout: %s\n", strerror(err));
            return 1;
        }
        return 0;
    }
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (err) {
        fprintf(stderr, PROG ": write error on '%s': %s\n", tmppath, strerror(err));
        remove(tmppath);
        free(tmppath);
        return 1;
    }
    if (rename(tmppath, outpath) != 0) {
        fprintf(stderr, PROG ": cannot rename '%s' to '%s': %s\n", tmppath, outpath, strerror(errno));
        remove(tmppath);
        free(tmppath);
        return 1;
    }
    free(tmppath);
    return 0;
}

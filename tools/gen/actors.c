/*
 * actors.c - sahelmap-gen's actors: the armed groups, militias and
 * external forces with the years and zones they were active in, the
 * per-country names built at start-up, and the setters that fill one
 * EvActor of a given kind for an event.
 */
#include "gen.h"

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

void actors_init(void)
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

int actors_era(int c, int ymd)
{
    int e = 0;
    for (int i = 0; i < N_ERAS[c]; i++)
        if (ymd >= ERAS[c][i].from)
            e = i;
    return e;
}

/* --- actor setters --- */

void actors_set_gov(EvActor *a, const Event *e)
{
    int c = TOWNS[e->town].country;
    a->name = S_GOV[c][actors_era(c, e->ymd)];
    a->nn = "government representatives";
    a->inter = 1;
    a->group = 2001;
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


void actors_set_unid(EvActor *a, int c)
{
    a->name = S_UNID[c];
    a->nn = "unidentified gunmen";
    a->inter = 3;
    a->group = 1000;
}

void actors_set_state(Gen *g, EvActor *a, const Event *e, double police_p)
{
    Rng *r = &g->rattr;
    int c = TOWNS[e->town].country;
    int era = actors_era(c, e->ymd);
    if (rng_chance(r, police_p)) {
        a->name = S_POL[c][era];
        a->nn = "police officers";
    } else {
        a->name = S_MIL[c][era];
        a->nn = COUNTRIES[c].soldiers;
        if (c == C_MLI && e->ymd >= 20211220 && rng_chance(r, 0.25))
            event_assoc_add(a, "Wagner Group");
        else if (c == C_BFA && e->ymd >= 20200121 && rng_chance(r, 0.25))
            event_assoc_add(a, "VDP: Volunteers for the Defense of the Homeland");
    }
    a->inter = 1;
    a->group = 2000;
}

/* Up to four draws from tab for a group other than exclude: its index, or
 * -1 when none is active there and then or every draw was exclude. */
static int pick_other(Gen *g, const ActorDef *tab, int n, const Event *e, int exclude)
{
    const Town *t = &TOWNS[e->town];
    int i = -1;
    for (int tries = 0; tries < 4; tries++) {
        i = pick_def(&g->rattr, tab, n, t->country, t->zone, e->ymd);
        if (i != exclude)
            break;
    }
    return (i < 0 || i == exclude) ? -1 : i;
}

void actors_set_rebel(Gen *g, EvActor *a, const Event *e, int exclude)
{
    const Town *t = &TOWNS[e->town];
    int i = pick_other(g, REBELS, NELEM(REBELS), e, exclude);
    if (i < 0) {
        actors_set_unid(a, t->country);
        return;
    }
    a->name = REBELS[i].name;
    a->nn = REBELS[i].nn;
    a->inter = REBELS[i].inter;
    a->group = i;
    if (i == 0 && rng_chance(&g->rattr, 0.08)) { /* JNIM sub-units as associates */
        if (t->zone == Z_CENTER)
            event_assoc_add(a, "Katiba Macina");
        else if (t->country == C_BFA)
            event_assoc_add(a, "Ansaroul Islam");
    }
}

void actors_set_militia(Gen *g, EvActor *a, const Event *e, int exclude)
{
    int i = pick_other(g, MILITIAS, NELEM(MILITIAS), e, exclude);
    if (i < 0) {
        actors_set_unid(a, TOWNS[e->town].country);
        return;
    }
    a->name = MILITIAS[i].name;
    a->nn = MILITIAS[i].nn;
    a->inter = MILITIAS[i].inter;
    a->group = 100 + i;
}

int actors_set_ext(Gen *g, EvActor *a, const Event *e)
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

void actors_set_civ(Gen *g, EvActor *a, const Event *e)
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
                event_assoc_add(a, S_ETH[c][k]);
                if (i == 0)
                    a->nn = S_ETH_NOUN[c][k];
            } else if (u < 0.93) {
                static const int occ[] = {G_FARMERS, G_HERDERS, G_TRADERS, G_WOMEN, G_MINERS,
                                          G_HEALTH,  G_TEACHERS, G_IDPS,   G_FISHERS, G_TRANSPORT};
                int k = PICK(r, occ);
                event_assoc_add(a, S_OCC[c][k]);
                if (i == 0)
                    a->nn = OCC_GROUPS[k].noun;
            } else if (u < 0.97) {
                event_assoc_add(a, S_GOV[c][actors_era(c, e->ymd)]);
                if (i == 0)
                    a->nn = "local officials";
            } else {
                event_assoc_add(a, c == C_BFA ? S_CHRISTIAN[c] : S_MUSLIM[c]);
                if (i == 0)
                    a->nn = "worshippers";
            }
        }
    }
}

void actors_set_demo(Gen *g, EvActor *a, const Event *e, int rioters)
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
        event_assoc_add(a, S_OCC[c][k]);
        a->nn = OCC_GROUPS[k].noun;
    }
    if (!rioters && rng_chance(r, 0.12)) {
        int cands[NELEM(MOVEMENTS)], nc = 0;
        for (int i = 0; i < NELEM(MOVEMENTS); i++)
            if ((MOVEMENTS[i].cmask & (1 << c)) && e->ymd >= MOVEMENTS[i].from && e->ymd <= MOVEMENTS[i].to)
                cands[nc++] = i;
        if (nc) {
            event_assoc_add(a, MOVEMENTS[cands[rng_below(r, (uint32_t)nc)]].name);
            if (!named)
                a->nn = "activists";
        }
    }
}

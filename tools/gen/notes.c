/*
 * notes.c - sahelmap-gen's notes text: a date phrase, a place phrase, a
 * sentence from the sub-event type's templates, a fatalities sentence and
 * filler sentences, ending with "[synthetic]".
 */
#include "gen.h"

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

/* "Town (admin2, admin1)" */
static void sb_town(Sb *b, const Town *t)
{
    sb_put(b, t->name);
    sb_put(b, " (");
    sb_put(b, t->admin2);
    sb_put(b, ", ");
    sb_put(b, t->admin1);
    sb_put(b, ")");
}

/* "Month YYYY, " */
static void sb_month_year(Sb *b, const Event *e)
{
    sb_put(b, MONTHS[e->m - 1]);
    sb_put(b, " ");
    sb_int(b, e->y);
    sb_put(b, ", ");
}

void notes_write(Gen *g, const Event *e, const EvActor *a1, const EvActor *a2, char *out, size_t cap)
{
    Rng *r = &g->rnote;
    Sb b = {out, 0, cap};
    out[0] = 0;
    const Town *t = &TOWNS[e->town];
    const char *loc = places_location(e);

    /* date phrase */
    if (e->tp == 1) {
        sb_put(&b, "On ");
        sb_int(&b, e->d);
        sb_put(&b, " ");
        sb_month_year(&b, e);
    } else if (e->tp == 2) {
        sb_put(&b, rng_chance(r, 0.5) ? "On or around " : "During the week of ");
        sb_int(&b, e->d);
        sb_put(&b, " ");
        sb_month_year(&b, e);
    } else {
        sb_put(&b, rng_chance(r, 0.5) ? "In " : "Sometime in ");
        sb_month_year(&b, e);
    }

    /* place phrase */
    char place[192];
    Sb pb = {place, 0, sizeof place};
    place[0] = 0;
    if (e->gp == 1 && e->village >= 0) {
        sb_put(&pb, rng_chance(r, 0.5) ? "in the village of " : "in ");
        sb_put(&pb, loc);
        sb_put(&pb, ", near ");
        sb_town(&pb, t);
    } else if (e->gp == 1) {
        sb_put(&pb, "in ");
        sb_town(&pb, t);
    } else if (e->gp == 2) {
        sb_put(&pb, "in the area of ");
        sb_town(&pb, t);
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

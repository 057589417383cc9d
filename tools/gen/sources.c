/*
 * sources.c - sahelmap-gen's sources: national, regional, international,
 * new-media and other outlets per country, and the source scale their mix
 * gives.
 */
#include "gen.h"

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

void sources_init(void)
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

void sources_draw(Gen *g, Event *e)
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

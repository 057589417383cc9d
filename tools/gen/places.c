/*
 * places.c - sahelmap-gen's gazetteer: the three countries, the towns
 * (real names, admin units, coordinates, activity weights) and the
 * synthetic villages scattered around each town.
 */
#include "gen.h"

#include <math.h>

const Country COUNTRIES[3] = {
    {"Mali", "466", "Malian", "FAMa soldiers"},
    {"Burkina Faso", "854", "Burkinabe", "Burkinabe soldiers"},
    {"Niger", "562", "Nigerien", "Nigerien soldiers"},
};

const Town TOWNS[] = {
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

_Static_assert(NELEM(TOWNS) == NT, "NT in gen.h must be the number of TOWNS");

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

const Village *places_village(int town, int village)
{
    return &VILLAGES[town][village];
}

const char *places_location(const Event *e)
{
    return e->village >= 0 ? VILLAGES[e->town][e->village].name : TOWNS[e->town].name;
}

void places_init(uint64_t seed)
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

/*
 * taxonomy.c - sahelmap-gen's event taxonomy: ACLED's event and sub-event
 * types, their disorder types, and how often each is drawn.
 */
#include "gen.h"

const char *const ET_NAME[N_ET] = {"Battles",
                                   "Explosions/Remote violence",
                                   "Violence against civilians",
                                   "Protests",
                                   "Riots",
                                   "Strategic developments"};
const char *const ET_DISORDER[N_ET] = {"Political violence", "Political violence", "Political violence",
                                       "Demonstrations",     "Demonstrations",     "Strategic developments"};
const double ET_SHARE[N_ET] = {0.25, 0.13, 0.28, 0.11, 0.05, 0.18};

const char *const ST_NAME[N_ST] = {
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

const int ST_FIRST[N_ET] = {ST_CLASH, ST_CHEM, ST_SEXV, ST_PEACE, ST_VIOLDEMO, ST_AGREE};
const int ST_COUNT[N_ET] = {3, 6, 3, 3, 2, 8};
const double ST_W[N_ST] = {
    0.92, 0.04, 0.04,                        /* battles */
    0.001, 0.22, 0.02, 0.18, 0.55, 0.029,    /* explosions */
    0.02, 0.82, 0.16,                        /* VAC */
    0.88, 0.10, 0.02,                        /* protests */
    0.60, 0.40,                              /* riots */
    0.05, 0.25, 0.12, 0.14, 0.06, 0.25, 0.05, 0.08 /* SD */
};

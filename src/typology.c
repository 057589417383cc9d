/*
 * typology: ACLED's older event types. See typology.h.
 */
#include "typology.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Every older spelling seen in ACLED's files, in the normal form of
 * normalize() below. Riots/Protests is decided by the actors (RIOTS_PROTESTS
 * marks it). The types of ACLED's first versions (before "Strategic
 * development" and "Non-state actor") are here too: a type ACLED ever used
 * never becomes Unknown. */
#define RIOTS_PROTESTS EVENT_TYPE_COUNT
static const struct {
    const char *name;
    int type;
    SubEventType sub;
} older[] = {
    {"battle-no change of territory", EVENT_BATTLES, SUB_ARMED_CLASH},
    {"battle-government regains territory", EVENT_BATTLES, SUB_GOVERNMENT_REGAINS},
    {"battle-non-state actor overtakes territory", EVENT_BATTLES, SUB_NONSTATE_OVERTAKES},
    {"battle-non-state actors overtake territory", EVENT_BATTLES, SUB_NONSTATE_OVERTAKES},
    {"battle-rebels overtake territory", EVENT_BATTLES, SUB_NONSTATE_OVERTAKES},
    {"remote violence", EVENT_EXPLOSIONS, SUB_NONE},
    {"riots/protests", RIOTS_PROTESTS, SUB_NONE},
    {"strategic development", EVENT_STRATEGIC, SUB_NONE},
    {"non-violent activity by a conflict actor", EVENT_STRATEGIC, SUB_NONE},
    {"headquarters or base established", EVENT_STRATEGIC, SUB_HQ_ESTABLISHED},
    {"non-violent transfer of territory", EVENT_STRATEGIC, SUB_NONVIOLENT_TRANSFER},
};

/* The 2025 text of each code, lower case, singular (a trailing "s" and the
 * plural "forces"/"force" are compared without it). */
static const char *const inter_names[] = {
    [INTER_STATE_FORCES] = "state force",
    [INTER_REBELS] = "rebel group",
    [INTER_POLITICAL_MILITIA] = "political militia",
    [INTER_IDENTITY_MILITIA] = "identity militia",
    [INTER_RIOTERS] = "rioter",
    [INTER_PROTESTERS] = "protester",
    [INTER_CIVILIANS] = "civilian",
    [INTER_EXTERNAL] = "external/other force",
};

/* s in lower case, "\" dropped, runs of spaces made one, no spaces at the
 * ends or around '-' and '/'. False when it does not fit in out. */
static bool normalize(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    bool space = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\') continue;
        if (isspace(c)) {
            space = n > 0;
            continue;
        }
        if (c == '-' || c == '/') space = false;
        else if (space && n > 0 && out[n - 1] != '-' && out[n - 1] != '/') {
            if (n + 1 >= cap) return false;
            out[n++] = ' ';
        }
        space = false;
        if (n + 1 >= cap) return false;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return true;
}

InterCode typology_inter_parse(const char *s)
{
    if (s == NULL) return INTER_NONE;
    char norm[64];
    if (!normalize(s, norm, sizeof norm) || norm[0] == '\0') return INTER_NONE;
    if (isdigit((unsigned char)norm[0])) {
        char *end = NULL;
        double d = strtod(norm, &end);
        if (*end != '\0' || d != (int)d || d < 1 || d > 8) return INTER_NONE;
        return (InterCode)(int)d;
    }
    size_t len = strlen(norm);
    if (len > 1 && norm[len - 1] == 's') norm[--len] = '\0';
    for (int c = INTER_STATE_FORCES; c <= INTER_EXTERNAL; c++)
        if (strcmp(norm, inter_names[c]) == 0) return (InterCode)c;
    return INTER_NONE;
}

bool typology_older(const char *s, InterCode inter1, InterCode inter2,
                    EventType *type, SubEventType *sub)
{
    char norm[64];
    if (s == NULL || !normalize(s, norm, sizeof norm)) return false;
    for (size_t k = 0; k < sizeof older / sizeof older[0]; k++) {
        if (strcmp(norm, older[k].name) != 0) continue;
        *sub = older[k].sub;
        if (older[k].type != RIOTS_PROTESTS) {
            *type = (EventType)older[k].type;
            return true;
        }
        InterCode decides = inter1 == INTER_RIOTERS || inter1 == INTER_PROTESTERS
                                ? inter1 : inter2;
        *type = decides == INTER_RIOTERS ? EVENT_RIOTS : EVENT_PROTESTS;
        return true;
    }
    return false;
}

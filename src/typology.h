/*
 * typology: ACLED's event types as older files spell them. Before its 2019
 * typology change ACLED used other event types ("Battle-No change of
 * territory", "Remote violence", "Riots/Protests", ...); each maps onto one
 * of today's six (and, where the older type said it, a sub-event type),
 * the combined "Riots/Protests" by the actors' interaction codes. Also the
 * interaction codes themselves, as numbers (older files, and newer ones on
 * request) or as the 2025 text.
 */
#ifndef SAHELMAP_TYPOLOGY_H
#define SAHELMAP_TYPOLOGY_H

#include <stdbool.h>

#include "events.h"

/* ACLED's interaction codes (inter1, inter2). */
typedef enum InterCode {
    INTER_NONE = 0,
    INTER_STATE_FORCES = 1,
    INTER_REBELS = 2,
    INTER_POLITICAL_MILITIA = 3,
    INTER_IDENTITY_MILITIA = 4,
    INTER_RIOTERS = 5,
    INTER_PROTESTERS = 6,
    INTER_CIVILIANS = 7,
    INTER_EXTERNAL = 8
} InterCode;

/* The code an inter1/inter2 text means: "5", "5.0" or the 2025 text
 * ("Rioters", "State forces", "External/Other forces", any case; singular
 * or plural); INTER_NONE for anything else (empty, "0", unknown text). */
InterCode typology_inter_parse(const char *s);

/* When s (case and spaces around hyphens and slashes ignored, "\/" read as
 * "/") is one of ACLED's older event types, sets *type and *sub (SUB_NONE
 * when the older type names none) and returns true. "Riots/Protests" is
 * Riots when inter1 is INTER_RIOTERS, Protests when INTER_PROTESTERS,
 * otherwise the same test on inter2, and Protests when neither decides
 * (../shared/formats.md). False for anything else, current types included. */
bool typology_older(const char *s, InterCode inter1, InterCode inter2,
                    EventType *type, SubEventType *sub);

#endif

/*
 * provenance: the sources of loaded events, from their ids. See provenance.h.
 */
#include "provenance.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* sahelmap-gen writes "SYN" and at least 8 digits (tools/gen/row.c). */
static bool is_synthetic_id(const char *id)
{
    if (!starts_with(id, "SYN")) return false;
    size_t digits = 0;
    for (const char *c = id + 3; *c != '\0'; c++, digits++)
        if (!isdigit((unsigned char)*c)) return false;
    return digits >= 8;
}

Provenance provenance_of_event(const char *id, RecordKind kind)
{
    if (id != NULL && (starts_with(id, "SM-TZ-") || starts_with(id, "SM-SH-")))
        return PROVENANCE_CURATED;
    if (id != NULL && is_synthetic_id(id)) return PROVENANCE_SYNTHETIC;
    return kind == RECORD_ACLED  ? PROVENANCE_ACLED
         : kind == RECORD_UCDP   ? PROVENANCE_UCDP
                                 : PROVENANCE_OTHER;
}

ProvenanceSet provenance_of_set(const EventSet *set,
                                RecordKind (*kind_of_file)(void *ctx, const char *path),
                                void *ctx)
{
    RecordKind *kinds = xcalloc(set->nfiles + 1, sizeof *kinds);
    for (size_t f = 0; f < set->nfiles; f++)
        kinds[f] = kind_of_file ? kind_of_file(ctx, set->files[f]) : RECORD_GENERIC;
    ProvenanceSet s = 0;
    for (size_t i = 0; i < set->count; i++) {
        uint32_t f = events_text_ref(set, i, TEXT_FILE);
        RecordKind kind = f < set->nfiles ? kinds[f] : RECORD_GENERIC;
        s |= 1u << provenance_of_event(events_text(set, i, TEXT_ID), kind);
    }
    free(kinds);
    return s;
}

const char *provenance_credit(Provenance p)
{
    static const char *const credits[PROVENANCE_COUNT] = {
        [PROVENANCE_CURATED] = "sahelmap's curation of public reporting (ACLED format)",
        [PROVENANCE_SYNTHETIC] = "synthetic data (sahelmap-gen), not real events",
        [PROVENANCE_ACLED] = "ACLED, www.acleddata.com",
        [PROVENANCE_UCDP] = "UCDP GED (CC BY 4.0)",
        [PROVENANCE_OTHER] = "the files shown",
    };
    return (unsigned)p < PROVENANCE_COUNT ? credits[p] : credits[PROVENANCE_OTHER];
}

void provenance_credit_line(ProvenanceSet s, char *out, size_t cap)
{
    if (cap == 0) return;
    snprintf(out, cap, "Events: ");
    bool any = false;
    for (int p = 0; p < PROVENANCE_COUNT; p++) {
        if (!(s & (1u << p))) continue;
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", any ? "; " : "", provenance_credit((Provenance)p));
        any = true;
    }
    if (!any) snprintf(out, cap, "Events: none loaded");
}

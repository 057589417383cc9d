/*
 * provenance: where loaded events come from, read from the events
 * themselves, never from where their file lies: sahelmap's own curation of
 * public reporting (ids SM-TZ-..., SM-SH-...), sahelmap-gen's synthetic
 * events (ids SYN followed by digits), ACLED, UCDP GED, or other files. The
 * credit line of exports and of the window names every provenance found.
 */
#ifndef SAHELMAP_PROVENANCE_H
#define SAHELMAP_PROVENANCE_H

#include <stddef.h>

#include "events.h"
#include "record.h"

typedef enum Provenance {
    PROVENANCE_CURATED = 0,     /* sahelmap's curation (the bundled data) */
    PROVENANCE_SYNTHETIC,       /* sahelmap-gen output */
    PROVENANCE_ACLED,
    PROVENANCE_UCDP,
    PROVENANCE_OTHER,           /* a file of no known source */
    PROVENANCE_COUNT
} Provenance;

/* A set of provenances: bit (1u << Provenance). */
typedef unsigned ProvenanceSet;

/* The provenance of one event from its id, else from the kind of record
 * its file held (RECORD_ACLED, RECORD_UCDP; RECORD_GENERIC is OTHER). */
Provenance provenance_of_event(const char *id, RecordKind kind);

/* The provenances of every event of set. kind_of_file(ctx, path) says what
 * kind of records the file at set->files[f] held (the load report's kind);
 * NULL counts every file as RECORD_GENERIC. */
ProvenanceSet provenance_of_set(const EventSet *set,
                                RecordKind (*kind_of_file)(void *ctx, const char *path),
                                void *ctx);

/* The credit of one provenance ("ACLED, www.acleddata.com"). */
const char *provenance_credit(Provenance p);

/* "Events: " and the credit of every provenance in s, in enum order, joined
 * by "; " ("Events: none loaded" for an empty set), into out. */
void provenance_credit_line(ProvenanceSet s, char *out, size_t cap);

#endif

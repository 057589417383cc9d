/*
 * load_overlap: events already held, in the books. See load_overlap.h.
 */
#include "load_overlap.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

void load_overlap_count(LoadReport *rep, uint16_t from)
{
    rep->earlier++;
    for (size_t k = 0; k < rep->nfrom; k++)
        if (rep->from[k].file == from) {
            rep->from[k].events++;
            return;
        }
    if (rep->nfrom < LOAD_MAX_FROM) {
        rep->from[rep->nfrom].file = from;
        rep->from[rep->nfrom++].events = 1;
    }
}

static const char *base_name(const EventSet *set, uint16_t file)
{
    if (file >= set->nfiles) return "?";
    const char *slash = strrchr(set->files[file], '/');
    return slash != NULL ? slash + 1 : set->files[file];
}

/* " (5 here, 3 kept)" for the fields whose values are numbers or dates;
 * "" for the others. */
static void values(const EventSet *set, size_t i, const EventInput *in, const char *field,
                   char *out, size_t cap)
{
    char a[16], b[16];
    out[0] = '\0';
    if (strcmp(field, "fatalities") == 0)
        snprintf(out, cap, " (%d here, %d kept)", in->fatalities, set->fat[i]);
    else if (strcmp(field, "latitude") == 0)
        snprintf(out, cap, " (%.6g here, %.6g kept)", in->lat, events_lat(set, i));
    else if (strcmp(field, "longitude") == 0)
        snprintf(out, cap, " (%.6g here, %.6g kept)", in->lon, events_lon(set, i));
    else if (strcmp(field, "event_date") == 0) {
        date_format(in->day, a);
        date_format(set->day[i], b);
        snprintf(out, cap, " (%s here, %s kept)", a, b);
    }
}

void load_overlap_conflict(const EventSet *set, LoadReport *rep, const EventInput *in,
                           const EventsAddInfo *info, size_t line, size_t col,
                           size_t index, const char *path)
{
    if (rep->conflicts++ > 0) return;
    Error *e = &rep->conflict;
    char shown[64];
    values(set, info->held, in, info->differs, shown, sizeof shown);
    if (info->held_file == in->file)
        error_at(e, line, line > 0 ? col : 0,
                 "id %.60s repeated with another %s%s: the first row is kept", in->id,
                 info->differs, shown);
    else
        error_at(e, line, line > 0 ? col : 0,
                 "id %.60s already loaded from %.80s with another %s%s: "
                 "the first loaded is kept",
                 in->id, base_name(set, info->held_file), info->differs, shown);
    e->record = index;
    error_set_file(e, path);
}

const char *load_overlap_text(const EventSet *set, const LoadReport *rep, char *out,
                              size_t cap)
{
    if (cap == 0) return out;
    out[0] = '\0';
    if (rep->earlier == 0) return out;
    size_t len = (size_t)snprintf(out, cap, "%zu event%s already loaded from ", rep->earlier,
                                  rep->earlier == 1 ? "" : "s");
    size_t named = 0;
    for (size_t k = 0; k < rep->nfrom && len < cap; k++) {
        len += (size_t)snprintf(out + len, cap - len, "%s%.100s", k ? ", " : "",
                                base_name(set, rep->from[k].file));
        if (rep->nfrom > 1 && len < cap)
            len += (size_t)snprintf(out + len, cap - len, " (%zu)", rep->from[k].events);
        named += rep->from[k].events;
    }
    if (named < rep->earlier && len < cap)
        snprintf(out + len, cap - len, " and %zu more from other files", rep->earlier - named);
    return out;
}

/*
 * filter: event filters. See filter.h.
 */
#include "filter.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void filter_init(Filter *f)
{
    memset(f, 0, sizeof *f);
    f->type_mask = ~0u;
}

bool filter_only_types(const Filter *f)
{
    return f->text[0] == '\0' && f->min_fatalities <= 0 && f->country[0] == '\0' &&
           f->admin1[0] == '\0';
}

/* Case-insensitive (ASCII) substring test; needle is already lower case. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0) return true;
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && tolower((unsigned char)hay[k]) == needle[k]) k++;
        if (k == n) return true;
    }
    return false;
}

static bool text_match(const Filter *f, const EventSet *set, size_t i)
{
    char needle[FILTER_TEXT_MAX];
    size_t n = 0;
    for (; f->text[n] && n + 1 < sizeof needle; n++)
        needle[n] = (char)tolower((unsigned char)f->text[n]);
    needle[n] = '\0';
    static const EventText fields[] = {TEXT_ACTOR1, TEXT_ASSOC_ACTOR1, TEXT_ACTOR2,
                                       TEXT_ASSOC_ACTOR2, TEXT_LOCATION, TEXT_ADMIN1,
                                       TEXT_ADMIN2, TEXT_ADMIN3, TEXT_COUNTRY};
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        if (contains(events_text(set, i, fields[k]), needle)) return true;
    if (set->notes[i] == 0) return false;
    char *notes = events_notes(set, i);
    bool hit = contains(notes, needle);
    free(notes);
    return hit;
}

bool filter_match(const Filter *f, const EventSet *set, size_t i)
{
    if (!(f->type_mask & (1u << set->type[i]))) return false;
    if (f->min_fatalities > 0 && set->fat[i] < f->min_fatalities) return false;
    if (f->country[0] && strcmp(events_text(set, i, TEXT_COUNTRY), f->country) != 0)
        return false;
    if (f->admin1[0] && strcmp(events_text(set, i, TEXT_ADMIN1), f->admin1) != 0)
        return false;
    return f->text[0] == '\0' || text_match(f, set, i);
}

size_t filter_apply(const Filter *f, const EventSet *set, uint8_t *visible)
{
    size_t n = 0;
    for (size_t i = 0; i < set->count; i++) {
        visible[i] = filter_match(f, set, i);
        n += visible[i];
    }
    return n;
}

void filter_describe(const Filter *f, char *out, size_t cap)
{
    out[0] = '\0';
    size_t len = 0;
    if (f->text[0])
        len += (size_t)snprintf(out + len, cap - len, "%s\"%s\"", len ? ", " : "", f->text);
    if (f->min_fatalities > 0 && len < cap)
        len += (size_t)snprintf(out + len, cap - len, "%sat least %d fatalities",
                                len ? ", " : "", (int)f->min_fatalities);
    if (f->country[0] && len < cap)
        len += (size_t)snprintf(out + len, cap - len, "%sin %s", len ? ", " : "", f->country);
    if (f->admin1[0] && len < cap)
        snprintf(out + len, cap - len, "%sin %s", len ? ", " : "", f->admin1);
}

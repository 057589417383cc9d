/*
 * filter: event filters. See filter.h.
 */
#include "filter.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

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

bool filter_contains(const char *hay, const char *needle)
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
        if (filter_contains(events_text(set, i, fields[k]), needle)) return true;
    if (set->notes[i] == 0) return false;
    char *notes = events_notes(set, i);
    bool hit = filter_contains(notes, needle);
    free(notes);
    return hit;
}

/* ------------------------------------------------------------------------- */
/* Place lists                                                               */
/* ------------------------------------------------------------------------- */

bool filter_places_has(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0) return true;
        if (end == NULL) break;
        p = end + 1;
    }
    return false;
}

int filter_places_count(const char *list)
{
    if (list[0] == '\0') return 0;
    int n = 1;
    for (const char *p = list; *p; p++) n += *p == ',';
    return n;
}

bool filter_places_get(const char *list, int k, char *out, size_t cap)
{
    const char *p = list;
    for (; k > 0 && p; k--) {
        p = strchr(p, ',');
        if (p) p++;
    }
    out[0] = '\0';
    if (p == NULL || *p == '\0') return false;
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len >= cap) len = cap - 1;
    memcpy(out, p, len);
    out[len] = '\0';
    return true;
}

bool filter_places_normalize(const char *text, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = text; *p;) {
        const char *end = strchr(p, ',');
        const char *stop = end ? end : p + strlen(p);
        while (p < stop && isspace((unsigned char)*p)) p++;
        const char *e = stop;
        while (e > p && isspace((unsigned char)e[-1])) e--;
        size_t n = (size_t)(e - p);
        char name[FILTER_PLACES_MAX];
        if (n >= sizeof name || len + n + 2 > cap) {
            out[0] = '\0';
            return false;
        }
        memcpy(name, p, n);
        name[n] = '\0';
        if (n > 0 && !filter_places_has(out, name)) {
            if (len) out[len++] = ',';
            memcpy(out + len, name, n + 1);
            len += n;
        }
        if (end == NULL) break;
        p = end + 1;
    }
    return true;
}

bool filter_places_toggle(char *list, size_t cap, const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || strchr(name, ',') != NULL) return false;
    if (!filter_places_has(list, name)) {
        size_t len = strlen(list);
        if (len + n + 2 > cap) return false;
        if (len) list[len++] = ',';
        memcpy(list + len, name, n + 1);
        return true;
    }
    /* Remove it: copy the other names back in order. */
    char kept[FILTER_PLACES_MAX] = "";
    size_t len = 0;
    char one[FILTER_PLACES_MAX];
    for (int k = 0; filter_places_get(list, k, one, sizeof one); k++) {
        if (strcmp(one, name) == 0) continue;
        size_t m = strlen(one);
        if (len) kept[len++] = ',';
        memcpy(kept + len, one, m + 1);
        len += m;
    }
    memcpy(list, kept, len + 1);
    return true;
}

/* ------------------------------------------------------------------------- */
/* Matching                                                                  */
/* ------------------------------------------------------------------------- */

bool filter_match(const Filter *f, const EventSet *set, size_t i)
{
    if (!(f->type_mask & (1u << set->type[i]))) return false;
    if (f->min_fatalities > 0 && set->fat[i] < f->min_fatalities) return false;
    if (f->country[0] && !filter_places_has(f->country, events_text(set, i, TEXT_COUNTRY)))
        return false;
    if (f->admin1[0] && !filter_places_has(f->admin1, events_text(set, i, TEXT_ADMIN1)))
        return false;
    return f->text[0] == '\0' || text_match(f, set, i);
}

/* Whether string ref `ref` names a place of list, remembered by ref in a
 * small direct-mapped memo (names repeat over a million events). */
typedef struct PlaceMemo {
    uint32_t ref[256];
    uint8_t known[256], hit[256];
} PlaceMemo;

static bool memo_has(PlaceMemo *m, const EventSet *set, const char *list, uint32_t ref)
{
    unsigned slot = (ref * 2654435761u) >> 24;
    if (!m->known[slot] || m->ref[slot] != ref) {
        m->ref[slot] = ref;
        m->known[slot] = 1;
        m->hit[slot] = filter_places_has(list, strpool_get(&set->strings, ref));
    }
    return m->hit[slot];
}

size_t filter_apply(const Filter *f, const EventSet *set, uint8_t *visible)
{
    return filter_apply_unplaced(f, set, visible, NULL);
}

size_t filter_apply_unplaced(const Filter *f, const EventSet *set, uint8_t *visible,
                             uint8_t *unplaced)
{
    size_t n = 0;
    /* The place parts by string ref, the rest by filter_match. */
    Filter rest = *f;
    rest.country[0] = rest.admin1[0] = '\0';
    PlaceMemo *countries = f->country[0] ? xcalloc(1, sizeof *countries) : NULL;
    PlaceMemo *areas = f->admin1[0] ? xcalloc(1, sizeof *areas) : NULL;
    for (size_t i = 0; i < set->count; i++) {
        bool placed = (countries == NULL ||
                       memo_has(countries, set, f->country,
                                events_text_ref(set, i, TEXT_COUNTRY))) &&
                      (areas == NULL ||
                       memo_has(areas, set, f->admin1, events_text_ref(set, i, TEXT_ADMIN1)));
        /* The rest (the text search reads notes back) only where it counts. */
        bool rest_ok = (placed || unplaced != NULL) && filter_match(&rest, set, i);
        if (unplaced != NULL) unplaced[i] = rest_ok;
        visible[i] = placed && rest_ok;
        n += visible[i];
    }
    free(countries);
    free(areas);
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
    const char *lists[2] = {f->country, f->admin1};
    for (int k = 0; k < 2; k++) {
        if (lists[k][0] == '\0' || len >= cap) continue;
        len += (size_t)snprintf(out + len, cap - len, "%sin ", len ? ", " : "");
        char name[FILTER_PLACES_MAX];
        int n = filter_places_count(lists[k]);
        for (int j = 0; j < n && len < cap && filter_places_get(lists[k], j, name, sizeof name); j++)
            len += (size_t)snprintf(out + len, cap - len, "%s%s",
                                    j == 0 ? "" : j == n - 1 ? " or " : ", ", name);
    }
}

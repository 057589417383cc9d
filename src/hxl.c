/*
 * hxl: HXL hashtags to sahelmap's fields. See hxl.h.
 *
 * The table holds the tags of HDX's own ACLED and UCDP GED exports (its
 * scrapers tag event_date #date+occurred, actor1 #group+name+first,
 * side_a the same, best #affected+killed, source_headline #description,
 * ...) and the plain core hashtags with the same meaning (#date, #loc,
 * #adm1, #country). A tag matches a rule when it has the rule's hashtag,
 * every attribute of the rule and no other, leaving aside attributes that
 * change no meaning (+num, language codes +i_en ...). #org is not an
 * actor: in HXL it is a humanitarian organisation (who reports, who helps).
 */
#include "hxl.h"

#include <ctype.h>
#include <string.h>

#define HXL_MAX_ATTRS 8

typedef struct HxlRule {
    const char *hashtag;
    const char *attrs;        /* space-separated, "" for none */
    FieldId field;
} HxlRule;

static const HxlRule rules[] = {
    {"event", "code", FIELD_ID},
    {"event", "id", FIELD_ID},
    {"id", "", FIELD_ID},
    {"event", "type", FIELD_EVENT_TYPE},
    {"event", "type sub", FIELD_SUB_EVENT_TYPE},
    {"date", "", FIELD_EVENT_DATE},
    {"date", "occurred", FIELD_EVENT_DATE},
    {"date", "start", FIELD_DATE_START},
    {"date", "occurred start", FIELD_DATE_START},
    {"date", "end", FIELD_DATE_END},
    {"date", "occurred end", FIELD_DATE_END},
    {"geo", "lat", FIELD_LATITUDE},
    {"geo", "lon", FIELD_LONGITUDE},
    {"country", "", FIELD_COUNTRY},
    {"country", "name", FIELD_COUNTRY},
    {"adm1", "", FIELD_ADMIN1},
    {"adm1", "name", FIELD_ADMIN1},
    {"adm2", "", FIELD_ADMIN2},
    {"adm2", "name", FIELD_ADMIN2},
    {"adm3", "", FIELD_ADMIN3},
    {"adm3", "name", FIELD_ADMIN3},
    {"loc", "", FIELD_LOCATION},
    {"loc", "name", FIELD_LOCATION},
    {"affected", "killed", FIELD_FATALITIES},
    {"group", "name first", FIELD_ACTOR1},
    {"group", "name first assoc", FIELD_ASSOC_ACTOR_1},
    {"group", "name second", FIELD_ACTOR2},
    {"group", "name second assoc", FIELD_ASSOC_ACTOR_2},
    {"actor", "", FIELD_ACTOR1},
    {"actor", "name", FIELD_ACTOR1},
    {"meta", "source", FIELD_SOURCE},
    {"description", "", FIELD_NOTES},
};

/* A tag split into lower-case words: the hashtag, then its attributes. */
typedef struct HxlTag {
    char words[HXL_MAX_ATTRS + 1][32];
    size_t n;
} HxlTag;

static bool tag_parse(const char *s, HxlTag *t)
{
    t->n = 0;
    while (*s == ' ' || *s == '\t') s++;
    if (*s++ != '#') return false;
    size_t len = 0;
    for (;; s++) {
        char c = *s;
        if (c == ' ' || c == '\t') continue;
        if (c == '+' || c == '\0') {
            if (len == 0) return false;          /* "#+x", "#a++b", "#a+" */
            t->words[t->n++][len] = '\0';
            if (c == '\0') return true;
            if (t->n > HXL_MAX_ATTRS) return false;
            len = 0;
            continue;
        }
        if (!isalnum((unsigned char)c) && c != '_') return false;
        if (len + 1 >= sizeof t->words[0]) return false;
        t->words[t->n][len++] = (char)tolower((unsigned char)c);
    }
}

/* Attributes that say nothing about which field a column is. */
static bool neutral(const char *attr)
{
    return strcmp(attr, "num") == 0 ||
           (strncmp(attr, "i_", 2) == 0 && strlen(attr) <= 5);     /* +i_en */
}

static bool rule_has(const HxlRule *r, const char *attr)
{
    size_t n = strlen(attr);
    for (const char *p = r->attrs; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, attr, n) == 0) return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static size_t rule_count(const HxlRule *r)
{
    size_t n = r->attrs[0] ? 1 : 0;
    for (const char *p = r->attrs; *p; p++) n += *p == ' ';
    return n;
}

bool hxl_is_tag(const char *cell)
{
    HxlTag t;
    while (*cell == ' ' || *cell == '\t') cell++;
    return cell[0] == '#' && isalpha((unsigned char)cell[1]) && tag_parse(cell, &t);
}

FieldId hxl_field(const char *tag)
{
    HxlTag t;
    if (!tag_parse(tag, &t)) return FIELD_NONE;
    for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
        const HxlRule *r = &rules[k];
        if (strcmp(r->hashtag, t.words[0]) != 0) continue;
        size_t matched = 0;
        bool ok = true;
        for (size_t a = 1; a < t.n && ok; a++) {
            bool dup = false;            /* "+lat+lat" counts once */
            for (size_t b = 1; b < a; b++) dup |= strcmp(t.words[a], t.words[b]) == 0;
            if (dup) continue;
            if (rule_has(r, t.words[a])) matched++;
            else ok = neutral(t.words[a]);
        }
        if (ok && matched == rule_count(r)) return r->field;
    }
    return FIELD_NONE;
}

/*
 * describe: texts about events for the window's panels. See describe.h.
 */
#include "describe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "xalloc.h"

#define LINE_MAX_BYTES 1000

void describe_init(TextLines *t)
{
    memset(t, 0, sizeof *t);
}

void describe_free(TextLines *t)
{
    for (int k = 0; k < t->n; k++) free(t->line[k]);
    describe_init(t);
}

/* Appends a copy of text (whole, however long). */
static void add_copy(TextLines *t, const char *text)
{
    if (t->n >= DESCRIBE_MAX_LINES) return;
    t->line[t->n++] = xstrndup(text, strlen(text));
}

void describe_add(TextLines *t, const char *fmt, ...)
{
    char buf[LINE_MAX_BYTES + 1];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    add_copy(t, buf);
}

void describe_event(const EventSet *s, size_t i, bool full, TextLines *out)
{
    char d[32], d1[32];
    scene_format_day(s->day[i], d, sizeof d);
    if (events_span(s, i) > 0) {
        scene_format_day(s->day[i] + events_span(s, i), d1, sizeof d1);
        describe_add(out, "%s \xe2\x80\x93 %s", d, d1);
    } else {
        static const char *const prec[4] = {"", "", " (within a week)", " (within a month)"};
        describe_add(out, "%s%s", d, prec[events_date_prec(s, i) & 3]);
    }
    const char *sub = events_sub_type_name((SubEventType)s->sub_type[i]);
    /* The type as the file wrote it, when not one of the six (details). */
    const char *original = full ? events_text(s, i, TEXT_ORIGINAL_TYPE) : "";
    char as_written[160] = "";
    if (original[0])
        snprintf(as_written, sizeof as_written, " (%s: %.100s)",
                 s->type[i] == EVENT_UNKNOWN ? "the file says" : "ACLED before 2019", original);
    describe_add(out, "%s%s%s%s", events_type_name((EventType)s->type[i]),
                 sub[0] ? " \xe2\x80\x94 " : "", sub, as_written);
    const char *a1 = events_text(s, i, TEXT_ACTOR1), *a2 = events_text(s, i, TEXT_ACTOR2);
    if (a1[0]) describe_add(out, "%.120s%s%.120s", a1, a2[0] ? " vs " : "", a2);
    const char *as1 = events_text(s, i, TEXT_ASSOC_ACTOR1);
    const char *as2 = events_text(s, i, TEXT_ASSOC_ACTOR2);
    if (full && (as1[0] || as2[0]))
        describe_add(out, "with %.110s%s%.110s", as1, as1[0] && as2[0] ? "; " : "", as2);
    if (events_fat_low(s, i) != s->fat[i] || events_fat_high(s, i) != s->fat[i])
        describe_add(out, "Fatalities: %d (reported %d\xe2\x80\x93%d)", s->fat[i],
                     events_fat_low(s, i), events_fat_high(s, i));
    else
        describe_add(out, "Fatalities: %d", s->fat[i]);
    static const char *const geo[4] = {"", "at the town", "near the town / in the district",
                                       "somewhere in the region (approximate)"};
    const char *admin1 = events_text(s, i, TEXT_ADMIN1);
    const char *country = events_text(s, i, TEXT_COUNTRY);
    const char *location = events_text(s, i, TEXT_LOCATION);
    bool inferred = full && (s->flags[i] & EVENT_FLAG_COUNTRY_INFERRED);
    describe_add(out, "%.60s%s%.50s%s%.40s%s \xc2\xb7 %s", location,
                 location[0] && admin1[0] ? ", " : "", admin1,
                 (location[0] || admin1[0]) && country[0] ? ", " : "", country,
                 inferred ? " (country inferred from the map)" : "",
                 geo[events_geo_prec(s, i) & 3]);
}

void describe_details(const EventSet *set, size_t i, int pick, int npicks, TextLines *out)
{
    describe_event(set, i, true, out);
    add_copy(out, "#Notes");
    char *notes = events_notes(set, i);
    add_copy(out, notes[0] ? notes : "(none)");
    free(notes);
    const char *source = events_text(set, i, TEXT_SOURCE);
    describe_add(out, "#Source: %.200s", source[0] ? source : "(not given)");
    describe_add(out, "Event %.40s \xc2\xb7 %d of %d here%s", events_text(set, i, TEXT_ID),
                 pick + 1, npicks, npicks > 1 ? " (click again or Down: next)" : "");
}

void describe_stack_row(const EventSet *set, size_t i, char *out, size_t cap)
{
    char d[32];
    scene_format_day(set->day[i], d, sizeof d);
    const char *place = events_text(set, i, TEXT_LOCATION);
    if (!place[0]) place = events_text(set, i, TEXT_ADMIN1);
    int n = snprintf(out, cap, "%s\t%s\t%d\t%.80s", d,
                     events_type_short_name((EventType)set->type[i]), set->fat[i], place);
    if (n >= 0 && (size_t)n >= cap && cap > 0) {      /* cut: not inside a character */
        size_t len = cap - 1;
        while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80) len--;
        out[len] = '\0';
    }
}

void describe_stats(const EventSet *set, size_t lo, size_t hi, uint32_t type_mask,
                    const uint8_t *visible, TextLines *out)
{
    size_t ev[EVENT_TYPE_COUNT] = {0};
    int64_t fat[EVENT_TYPE_COUNT] = {0};
    StatsGroup actors = {0};
    for (size_t i = lo; i < hi && i < set->count; i++) {
        if (!(type_mask & (1u << set->type[i]))) continue;
        if (visible && !visible[i]) continue;
        ev[set->type[i]]++;
        fat[set->type[i]] += set->fat[i];
        const EventText sides[2] = {TEXT_ACTOR1, TEXT_ACTOR2};
        for (int side = 0; side < 2; side++) {
            uint32_t ref = events_text_ref(set, i, sides[side]);
            if (ref != 0) stats_group_add(&actors, ref, set->fat[i]);
        }
    }
    stats_sort_by_events(&actors);
    add_copy(out, "In the window (after filters)");
    add_copy(out, "#By event type: events, fatalities");
    for (int t = 1; t < EVENT_TYPE_COUNT; t++)
        describe_add(out, "%s: %zu, %lld", events_type_name((EventType)t), ev[t],
                     (long long)fat[t]);
    add_copy(out, "#Top actors: events, fatalities");
    for (size_t a = 0; a < actors.count && a < 10; a++)
        describe_add(out, "%.150s: %zu, %lld",
                     strpool_get(&set->strings, (uint32_t)actors.rows[a].key),
                     actors.rows[a].events, (long long)actors.rows[a].fatalities);
    stats_group_free(&actors);
}

bool describe_cell(const Scene *scene, long cell, TextLines *out)
{
    const SceneGrid *g = &scene->grid;
    if (g->kind == GRID_NONE || cell < 0 || cell >= (long)g->cols * g->rows) return false;
    uint32_t total = 0;
    for (int t = 0; t < EVENT_TYPE_COUNT; t++) total += g->count[cell * EVENT_TYPE_COUNT + t];
    if (total == 0) return false;
    describe_add(out, "%u event%s \xc2\xb7 %.0f fatalit%s here", total, total == 1 ? "" : "s",
                 g->fatalities[cell], g->fatalities[cell] == 1 ? "y" : "ies");
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        uint32_t k = g->count[cell * EVENT_TYPE_COUNT + t];
        if (k) describe_add(out, "%s: %u", events_type_name((EventType)t), k);
    }
    add_copy(out, "zoom in to see the events");
    return true;
}

/*
 * events_fat: the side table of fatality ranges and spans. See events_fat.h.
 */
#include "events_fat.h"

#include <stdlib.h>

#include "check.h"
#include "xalloc.h"

/* The entry of event `index` in the table, or NULL. */
static const EventsFatRange *find(const EventsFatRange *t, size_t n, size_t index)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].index < index) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && t[lo].index == index ? &t[lo] : NULL;
}

const EventsFatRange *events_fat_range(const EventSet *set, size_t i)
{
    const EventsFatRange *r = find(set->fat_ranges, set->nfat_ranges, i);
    SM_ASSERT(r != NULL);
    return r;
}

void events_fat_note(EventSet *set, size_t i, int32_t low, int32_t high, int32_t span)
{
    if (low == set->fat[i] && high == set->fat[i] && span == 0) return;
    size_t n = set->nfat_ranges;
    SM_ASSERT(n == 0 || set->fat_ranges[n - 1].index < i);   /* added in order */
    set->fat_ranges = xgrow(set->fat_ranges, &set->fat_ranges_cap, n + 1,
                            sizeof *set->fat_ranges);
    set->fat_ranges[n] = (EventsFatRange){(uint32_t)i, low, high, (uint32_t)span};
    set->nfat_ranges = n + 1;
    set->flags[i] |= EVENT_FLAG_RANGE;
}

void events_fat_rollback(EventSet *set, size_t count)
{
    while (set->nfat_ranges > 0 && set->fat_ranges[set->nfat_ranges - 1].index >= count)
        set->nfat_ranges--;
}

void events_fat_permute(EventSet *set, const uint32_t *perm)
{
    size_t n = set->nfat_ranges;
    if (n == 0) {
        events_fat_compact(set);
        return;
    }
    EventsFatRange *out = xmalloc(n * sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < set->count; i++) {
        if (!(set->flags[i] & EVENT_FLAG_RANGE)) continue;
        const EventsFatRange *r = find(set->fat_ranges, n, perm[i]);
        SM_ASSERT(r != NULL && k < n);
        out[k++] = (EventsFatRange){(uint32_t)i, r->low, r->high, r->span};
    }
    SM_ASSERT(k == n);
    free(set->fat_ranges);
    set->fat_ranges = out;
    set->fat_ranges_cap = n;
}

void events_fat_compact(EventSet *set)
{
    if (set->fat_ranges_cap == set->nfat_ranges) return;
    if (set->nfat_ranges == 0) {
        free(set->fat_ranges);
        set->fat_ranges = NULL;
    } else {
        set->fat_ranges = xrealloc(set->fat_ranges, set->nfat_ranges * sizeof *set->fat_ranges);
    }
    set->fat_ranges_cap = set->nfat_ranges;
}

size_t events_fat_bytes(const EventSet *set)
{
    return set->fat_ranges_cap * sizeof *set->fat_ranges;
}

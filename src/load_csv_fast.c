/*
 * load_csv_fast: the common CSV row read without libcsv's byte-at-a-time
 * state machine. See load_csv_fast.h.
 *
 * What libcsv does with a whole line in strict mode (its default space
 * and terminator tests): fields are split at commas; an unquoted field
 * loses its leading and trailing spaces and tabs; a quoted field (spaces
 * before its opening quote are skipped) keeps everything between its
 * quotes, a doubled quote inside standing for one, and may be followed by
 * spaces and tabs only; a line of blanks is no row at all. Anything else
 * (a quote inside an unquoted field, text after a closing quote, a quote
 * that does not close on the line) is libcsv's to report, with its
 * position: the fast path declines. So does a NUL in a field, which the
 * loader reports: the fields it hands over hold none.
 *
 * The line is looked at 64 bytes at a time: one pass marks, in three
 * 64-bit masks, where its commas, its quotes and its line breaks (or
 * NULs) are, and the fields are then found with a bit scan each, however
 * long they are. The masks of a block are made when the walk reaches it,
 * so nothing past the line's end is looked at but the rest of its block.
 */
#include "load_csv_fast.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { MASK_COMMA, MASK_QUOTE, MASK_BREAK, MASKS };   /* BREAK: "\n", "\r", NUL */
enum { FIND_COMMA = 1 << MASK_COMMA, FIND_QUOTE = 1 << MASK_QUOTE,
       FIND_BREAK = 1 << MASK_BREAK };

typedef struct Scan {
    const char *text;
    size_t limit;              /* what may be looked at: text[0..limit) */
    size_t base;               /* the block's first byte (a multiple of 64) */
    uint64_t mask[MASKS];      /* bit k: text[base + k] is one */
} Scan;

static bool csv_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The masks of the block at base (< s->limit); bytes past the limit are
 * none of the three. */
static void scan_block(Scan *s, size_t base)
{
    const char *p = s->text + base;
    char pad[64];
    size_t left = s->limit - base;
    if (left < 64) {
        memset(pad, ' ', sizeof pad);
        memcpy(pad, p, left);
        p = pad;
    }
    uint64_t comma = 0, quote = 0, brk = 0;
#ifdef __SSE2__
    const __m128i vc = _mm_set1_epi8(','), vq = _mm_set1_epi8('"');
    const __m128i vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128();
    for (int i = 0; i < 4; i++) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        __m128i b = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, vn), _mm_cmpeq_epi8(w, vr)),
                                 _mm_cmpeq_epi8(w, vz));
        comma |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vc)) << (16 * i);
        quote |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vq)) << (16 * i);
        brk |= (uint64_t)(unsigned)_mm_movemask_epi8(b) << (16 * i);
    }
#else
    for (int k = 0; k < 64; k++) {
        uint64_t bit = 1ull << k;
        if (p[k] == ',') comma |= bit;
        else if (p[k] == '"') quote |= bit;
        else if (p[k] == '\n' || p[k] == '\r' || p[k] == '\0') brk |= bit;
    }
#endif
    s->base = base;
    s->mask[MASK_COMMA] = comma;
    s->mask[MASK_QUOTE] = quote;
    s->mask[MASK_BREAK] = brk;
}

/* The first byte at or after pos (at or after the block's start) of the
 * kinds in `find`, or s->limit. */
static inline size_t scan_next(Scan *s, size_t pos, unsigned find)
{
    if (pos >= s->limit) return s->limit;
    while (pos - s->base >= 64) scan_block(s, s->base + 64);
    for (;;) {
        uint64_t bits = 0;
        if (find & FIND_COMMA) bits |= s->mask[MASK_COMMA];
        if (find & FIND_QUOTE) bits |= s->mask[MASK_QUOTE];
        if (find & FIND_BREAK) bits |= s->mask[MASK_BREAK];
        bits &= ~0ull << (pos - s->base);
        if (bits != 0) return s->base + (size_t)__builtin_ctzll(bits);
        if (s->base + 64 >= s->limit) return s->limit;
        scan_block(s, s->base + 64);
        pos = s->base;
    }
}

/* A quoted field's text [from, to) with each doubled quote made one, into
 * out; its length. Runs up to and including a quote are copied whole. */
static size_t unquote(const char *from, const char *to, char *out)
{
    size_t len = 0;
    while (from < to) {
        const char *quote = memchr(from, '"', (size_t)(to - from));
        size_t run = quote != NULL ? (size_t)(quote - from) + 1 : (size_t)(to - from);
        memcpy(out + len, from, run);
        len += run;
        from += run + (quote != NULL ? 1 : 0);
    }
    return len;
}

size_t load_csv_fast_row(const char *text, size_t avail, char *scratch, size_t scratch_cap,
                         CsvField *fields, size_t *nfields)
{
    /* The line break may be at scratch_cap: the line is then that long. */
    Scan s = {.text = text, .limit = avail <= scratch_cap ? avail : scratch_cap + 1};
    if (s.limit == 0) return 0;
    scan_block(&s, 0);
    size_t n = 0, pos = 0, used = 0, stop;
    for (;;) {
        if (n == LOAD_CSV_FAST_FIELDS) return 0;
        while (pos < s.limit && csv_blank(text[pos])) pos++;
        CsvField *f = &fields[n++];
        if (pos < s.limit && text[pos] == '"') {
            size_t from = pos + 1, q = from, close;
            bool doubled = false;
            for (;;) {
                close = scan_next(&s, q, FIND_QUOTE | FIND_BREAK);
                /* Not closed on the line (or within what may be looked
                 * at), or a NUL inside. */
                if (close >= s.limit || text[close] != '"') return 0;
                if (close + 1 < s.limit && text[close + 1] == '"') {
                    doubled = true;
                    q = close + 2;
                    continue;
                }
                break;
            }
            f->at = text + from;
            f->len = close - from;
            if (doubled) {
                f->at = scratch + used;
                f->len = unquote(text + from, text + close, scratch + used);
                used += f->len;
            }
            stop = close + 1;
            while (stop < s.limit && csv_blank(text[stop])) stop++;
            if (stop >= s.limit) return 0;
            char c = text[stop];
            if (c != ',' && c != '\n' && c != '\r') return 0;   /* text after the quote */
        } else {
            stop = scan_next(&s, pos, FIND_COMMA | FIND_QUOTE | FIND_BREAK);
            if (stop >= s.limit) return 0;
            if (text[stop] == '"' || text[stop] == '\0') return 0;
            size_t last = stop;
            while (last > pos && csv_blank(text[last - 1])) last--;
            f->at = text + pos;
            f->len = last - pos;
            /* Nothing but blanks before the line break: no row. */
            if (n == 1 && f->len == 0 && text[stop] != ',') return 0;
        }
        if (text[stop] != ',') break;
        pos = stop + 1;
    }
    *nfields = n;
    return text[stop] == '\r' && stop + 1 < avail && text[stop + 1] == '\n' ? stop + 2
                                                                              : stop + 1;
}

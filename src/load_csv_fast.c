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
 * The line is looked at 64 bytes at a time, as simdjson and simdcsv do:
 * each block gives four 64-bit masks (where its quotes, commas, line
 * breaks and NULs are), and a running XOR of the quote mask tells which
 * bytes are inside quotes. The commas outside quotes split the fields and
 * the first line break ends the line; no byte is looked at one by one but
 * a field's blanks and the quotes of a field that has some, which is then
 * checked to be one quoted whole ("..." with its inner quotes doubled).
 * A field that passes splits as libcsv splits it: in a row of such
 * fields, the running XOR is inside quotes exactly where libcsv is.
 */
#include "load_csv_fast.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define FAST_AVX2 1
#endif

typedef struct Masks {
    uint64_t quote, comma, brk, nul;   /* bit k: byte k of the block is one */
} Masks;

static bool csv_blank(char c)
{
    return c == ' ' || c == '\t';
}

#ifndef __SSE2__
/* The masks of the 64 bytes at p, one at a time (no SSE2). */
static inline void classify_bytes(const char *p, Masks *m)
{
    *m = (Masks){0, 0, 0, 0};
    for (int k = 0; k < 64; k++) {
        uint64_t bit = 1ull << k;
        if (p[k] == '"') m->quote |= bit;
        else if (p[k] == ',') m->comma |= bit;
        else if (p[k] == '\n' || p[k] == '\r') m->brk |= bit;
        else if (p[k] == '\0') m->nul |= bit;
    }
}
#endif

#ifdef __SSE2__
static inline void classify_sse2(const char *p, Masks *m)
{
    const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8(',');
    const __m128i vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128();
    *m = (Masks){0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        __m128i brk = _mm_or_si128(_mm_cmpeq_epi8(w, vn), _mm_cmpeq_epi8(w, vr));
        m->quote |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vq)) << (16 * i);
        m->comma |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vc)) << (16 * i);
        m->brk |= (uint64_t)(unsigned)_mm_movemask_epi8(brk) << (16 * i);
        m->nul |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vz)) << (16 * i);
    }
}
#endif

#ifdef FAST_AVX2
__attribute__((target("avx2"))) static inline void classify_avx2(const char *p, Masks *m)
{
    const __m256i vq = _mm256_set1_epi8('"'), vc = _mm256_set1_epi8(',');
    const __m256i vn = _mm256_set1_epi8('\n'), vr = _mm256_set1_epi8('\r');
    const __m256i vz = _mm256_setzero_si256();
    __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
#define MASK64(lo_bits, hi_bits) \
    ((uint64_t)(uint32_t)_mm256_movemask_epi8(lo_bits) | \
     (uint64_t)(uint32_t)_mm256_movemask_epi8(hi_bits) << 32)
    m->quote = MASK64(_mm256_cmpeq_epi8(lo, vq), _mm256_cmpeq_epi8(hi, vq));
    m->comma = MASK64(_mm256_cmpeq_epi8(lo, vc), _mm256_cmpeq_epi8(hi, vc));
    m->brk = MASK64(_mm256_or_si256(_mm256_cmpeq_epi8(lo, vn), _mm256_cmpeq_epi8(lo, vr)),
                    _mm256_or_si256(_mm256_cmpeq_epi8(hi, vn), _mm256_cmpeq_epi8(hi, vr)));
    m->nul = MASK64(_mm256_cmpeq_epi8(lo, vz), _mm256_cmpeq_epi8(hi, vz));
#undef MASK64
}
#endif

/* Bit k of the result: an odd number of bits 0..k of x are set (a byte
 * after an opening quote and up to the closing one, in a quote mask). */
static inline uint64_t prefix_xor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/* The quoted field text[a..b) (blanks around it dropped) into f, unquoted
 * (into scratch at *used if it holds doubled quotes). False if it is not
 * one quoted whole. */
static bool take_quoted(const char *text, size_t a, size_t b, char *scratch, size_t *used,
                        CsvField *f)
{
    if (b - a < 2 || text[a] != '"' || text[b - 1] != '"') return false;
    a++;
    b--;
    f->at = text + a;
    f->len = b - a;
    const char *quote = memchr(text + a, '"', b - a);
    if (quote == NULL) return true;
    /* Each inner quote one of a pair, and the pair one quote: runs up to
     * and including a quote copied whole. */
    char *out = scratch + *used;
    size_t len = 0;
    const char *p = text + a, *stop = text + b;
    while (quote != NULL) {
        if (quote + 1 >= stop || quote[1] != '"') return false;
        size_t run = (size_t)(quote - p) + 1;
        memcpy(out + len, p, run);
        len += run;
        p = quote + 2;
        quote = memchr(p, '"', (size_t)(stop - p));
    }
    memcpy(out + len, p, (size_t)(stop - p));
    len += (size_t)(stop - p);
    out[len] = '\0';          /* fits: the field lost at least three quotes */
    f->at = out;
    f->len = len;
    *used += len + 1;
    return true;
}

/* The field text[a..b), with a quote in it if `quoted`, into f: blanks
 * around it dropped, a quoted one unquoted. False if a quoted one is not
 * one quoted whole. */
static inline __attribute__((always_inline)) bool
take_field(const char *text, size_t a, size_t b, bool quoted, char *scratch, size_t *used,
           CsvField *f)
{
    /* Blanks are below '!': most fields begin and end with no byte that
     * low, which one test each rules out. */
    if (a < b && (unsigned char)text[a] <= ' ')
        while (a < b && csv_blank(text[a])) a++;
    if (b > a && (unsigned char)text[b - 1] <= ' ')
        while (b > a && csv_blank(text[b - 1])) b--;
    if (quoted) return take_quoted(text, a, b, scratch, used, f);
    f->at = text + a;
    f->len = b - a;
    return true;
}

/* The row reader, made once for each way of classifying a block. */
#define FAST_ROW_BODY(classify)                                                          \
    size_t limit = avail <= scratch_cap ? avail : scratch_cap + 1;                       \
    size_t n = 0, used = 0, start = 0;     /* the field being read starts at start */    \
    bool quoted_before = false;            /* it has a quote in an earlier block */      \
    bool quoted_first = false;             /* the first field has quotes */              \
    uint64_t inside_before = 0;            /* all ones: a block starts inside quotes */  \
    for (size_t base = 0; base < limit; base += 64) {                                    \
        Masks m;                                                                         \
        if (limit - base >= 64) {                                                        \
            classify(text + base, &m);                                                   \
        } else {                           /* past the limit: blanks */                  \
            char pad[64];                                                                \
            memset(pad, ' ', sizeof pad);                                                \
            memcpy(pad, text + base, limit - base);                                      \
            classify(pad, &m);                                                           \
        }                                                                                \
        uint64_t inside = prefix_xor(m.quote) ^ inside_before;                           \
        inside_before = (uint64_t)0 - (inside >> 63);                                    \
        uint64_t end = m.brk & (0 - m.brk);          /* the first line break */          \
        if (end & inside) return 0;                  /* inside quotes: a longer record */\
        uint64_t line = end ? end - 1 : ~0ull;       /* the block's bytes on the line */ \
        if (m.nul & line) return 0;                                                      \
        uint64_t bounds = (m.comma & ~inside & line) | end;                              \
        uint64_t from = ~0ull;                       /* the block's bytes of the field */\
        for (; bounds != 0; bounds &= bounds - 1) {                                      \
            unsigned b = (unsigned)__builtin_ctzll(bounds);                              \
            uint64_t below = (1ull << b) - 1;                                            \
            bool quoted = quoted_before || (m.quote & from & below) != 0;                \
            if (n == 0) quoted_first = quoted;                                           \
            if (n == LOAD_CSV_FAST_FIELDS) return 0;                                     \
            if (!take_field(text, start, base + b, quoted, scratch, &used, &fields[n++])) \
                return 0;                                                                \
            start = base + b + 1;                                                        \
            quoted_before = false;                                                       \
            from = ~below << 1;                                                          \
        }                                                                                \
        if (end != 0) {                                                                  \
            size_t stop = start - 1;                 /* the line break */                \
            /* Nothing but blanks on the line: no row. */                                \
            if (n == 1 && fields[0].len == 0 && !quoted_first) return 0;                 \
            *nfields = n;                                                                \
            return text[stop] == '\r' && stop + 1 < avail && text[stop + 1] == '\n'      \
                       ? stop + 2 : stop + 1;                                            \
        }                                                                                \
        quoted_before = quoted_before || (m.quote & from) != 0;                          \
    }                                                                                    \
    return 0;                              /* no line break within what may be read */

size_t load_csv_fast_row_portable(const char *text, size_t avail, char *scratch,
                                  size_t scratch_cap, CsvField *fields, size_t *nfields)
{
#ifdef __SSE2__
    FAST_ROW_BODY(classify_sse2)
#else
    FAST_ROW_BODY(classify_bytes)
#endif
}

#ifdef FAST_AVX2
__attribute__((target("avx2"))) static size_t
fast_row_avx2(const char *text, size_t avail, char *scratch, size_t scratch_cap,
              CsvField *fields, size_t *nfields)
{
    FAST_ROW_BODY(classify_avx2)
}
#endif

size_t load_csv_fast_row(const char *text, size_t avail, char *scratch, size_t scratch_cap,
                         CsvField *fields, size_t *nfields)
{
#ifdef FAST_AVX2
    if (__builtin_cpu_supports("avx2"))
        return fast_row_avx2(text, avail, scratch, scratch_cap, fields, nfields);
#endif
    return load_csv_fast_row_portable(text, avail, scratch, scratch_cap, fields, nfields);
}

/*
 * scan: finding the first of three bytes in a short run of text, sixteen
 * bytes at a time with SSE2 where there is SSE2 (every x86-64), then eight
 * at a time in one 64-bit word (the "has a zero byte" test of Hacker's
 * Delight, 6-1, once per byte sought), then byte by byte. The parsers'
 * fields and names are a few to a few dozen bytes: too short for memchr's
 * set-up to pay, and it would take a call per byte sought.
 */
#ifndef SAHELMAP_SCAN_H
#define SAHELMAP_SCAN_H

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The first byte of p[0..end) equal to a, b or c, or end. */
static inline const char *scan_until3(const char *p, const char *end, char a, char b, char c)
{
#ifdef __SSE2__
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    while (end - p >= 16) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)),
                                   _mm_cmpeq_epi8(w, vc));
        int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return p + __builtin_ctz((unsigned)mask);
        p += 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t wa = ones * (uint8_t)a, wb = ones * (uint8_t)b, wc = ones * (uint8_t)c;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t xa = w ^ wa, xb = w ^ wb, xc = w ^ wc;
        /* A byte's high bit is set where it is zero (and maybe, by the
         * borrow, above a zero): the lowest set bit is the first hit. */
        uint64_t hit = (((xa - ones) & ~xa) | ((xb - ones) & ~xb) | ((xc - ones) & ~xc)) & highs;
        if (hit != 0) return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
#endif
    while (p < end && *p != a && *p != b && *p != c) p++;
    return p;
}

#endif

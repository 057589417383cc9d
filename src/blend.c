/*
 * blend: SDL's modulated blend of marker sprites, exactly and fast. See
 * blend.h.
 */
#include "blend.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The default bound of a sheet's tinted copies, in pixels. */
#define TINTED_MAX_DEFAULT ((size_t)1 << 20)

uint32_t blend_reference(uint32_t d, uint32_t s, uint32_t tint, bool keep_alpha)
{
    uint32_t ca = tint >> 24, cr = (tint >> 16) & 0xFF, cg = (tint >> 8) & 0xFF,
             cb = tint & 0xFF;
    uint32_t sa = (s >> 24) * ca / 255;
    if (sa == 0) return d;
    uint32_t sr = ((s >> 16) & 0xFF) * cr / 255, sg = ((s >> 8) & 0xFF) * cg / 255,
             sb = (s & 0xFF) * cb / 255;
    if (sa < 255) {
        sr = sr * sa / 255;
        sg = sg * sa / 255;
        sb = sb * sa / 255;
    }
    uint32_t k = 255 - sa;
    uint32_t dr = sr + k * ((d >> 16) & 0xFF) / 255, dg = sg + k * ((d >> 8) & 0xFF) / 255,
             db = sb + k * (d & 0xFF) / 255;
    uint32_t da = keep_alpha ? sa + k * (d >> 24) / 255 : 0;
    return da << 24 | dr << 16 | dg << 8 | db;
}

uint32_t blend_tint(uint32_t s, uint32_t tint)
{
    uint32_t sa = blend_div255((s >> 24) * (tint >> 24));
    if (sa == 0) return 0;
    uint32_t sr = blend_div255(((s >> 16) & 0xFF) * ((tint >> 16) & 0xFF));
    uint32_t sg = blend_div255(((s >> 8) & 0xFF) * ((tint >> 8) & 0xFF));
    uint32_t sb = blend_div255((s & 0xFF) * (tint & 0xFF));
    if (sa < 255) {
        sr = blend_div255(sr * sa);
        sg = blend_div255(sg * sa);
        sb = blend_div255(sb * sa);
    }
    return sa << 24 | sr << 16 | sg << 8 | sb;
}

/* ------------------------------------------------------------------------- */
/* Spans: blend_over on many pixels, four at a time where SSE2 is there      */
/* ------------------------------------------------------------------------- */

#if defined(__SSE2__)
/* blend_over on four pixels at once, each channel in a 16-bit lane (the
 * products of two bytes fit): the same sums. k: 255 - each pixel's alpha,
 * in the lanes of its channels; pl, ph: p's pixels 0-1 and 2-3 in lanes. */
static inline __m128i over4(__m128i d, __m128i pl, __m128i ph, __m128i kl, __m128i kh,
                            __m128i amask)
{
    const __m128i zero = _mm_setzero_si128(), one = _mm_set1_epi16(1);
    __m128i xl = _mm_mullo_epi16(_mm_unpacklo_epi8(d, zero), kl);
    __m128i xh = _mm_mullo_epi16(_mm_unpackhi_epi8(d, zero), kh);
    xl = _mm_srli_epi16(_mm_add_epi16(_mm_add_epi16(xl, one), _mm_srli_epi16(xl, 8)), 8);
    xh = _mm_srli_epi16(_mm_add_epi16(_mm_add_epi16(xh, one), _mm_srli_epi16(xh, 8)), 8);
    __m128i r = _mm_packus_epi16(_mm_add_epi16(xl, pl), _mm_add_epi16(xh, ph));
    return _mm_and_si128(r, amask);
}

/* 255 - the alpha of each of the two pixels in lanes pl, in its lanes. */
static inline __m128i inverse_alpha(__m128i pl)
{
    __m128i a = _mm_shufflehi_epi16(_mm_shufflelo_epi16(pl, 0xFF), 0xFF);
    return _mm_sub_epi16(_mm_set1_epi16(255), a);
}
#endif

void blend_fill(uint32_t *d, size_t n, uint32_t p, uint32_t amask)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    __m128i pl = _mm_unpacklo_epi8(_mm_set1_epi32((int)p), zero);
    __m128i k = inverse_alpha(pl), m = _mm_set1_epi32((int)amask);
    for (; i + 4 <= n; i += 4) {
        __m128i v = _mm_loadu_si128((const __m128i *)(d + i));
        _mm_storeu_si128((__m128i *)(d + i), over4(v, pl, pl, k, k, m));
    }
#endif
    for (; i < n; i++) d[i] = blend_over(d[i], p, amask);
}

/* blend_over of p[i] on d[i] for i < n, leaving d[i] alone where p[i] is
 * 0 (a pixel tinted to alpha 0). */
static inline void blend_span(uint32_t *d, const uint32_t *p, int n, uint32_t amask)
{
    int i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128(), m = _mm_set1_epi32((int)amask);
    for (; i + 4 <= n; i += 4) {
        __m128i v = _mm_loadu_si128((const __m128i *)(d + i));
        __m128i q = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i ql = _mm_unpacklo_epi8(q, zero), qh = _mm_unpackhi_epi8(q, zero);
        __m128i r = over4(v, ql, qh, inverse_alpha(ql), inverse_alpha(qh), m);
        __m128i clear = _mm_cmpeq_epi32(q, zero);
        r = _mm_or_si128(_mm_and_si128(clear, v), _mm_andnot_si128(clear, r));
        _mm_storeu_si128((__m128i *)(d + i), r);
    }
#endif
    for (; i < n; i++)
        if (p[i] != 0) d[i] = blend_over(d[i], p[i], amask);
}

/* ------------------------------------------------------------------------- */
/* The sheet                                                                 */
/* ------------------------------------------------------------------------- */

void blend_sheet_init(BlendSheet *s, size_t max_tinted)
{
    memset(s, 0, sizeof *s);
    s->tinted_max = max_tinted ? max_tinted : TINTED_MAX_DEFAULT;
}

void blend_sheet_free(BlendSheet *s)
{
    free(s->sprites);
    free(s->row_runs);
    free(s->runs);
    free(s->straight);
    hashtab_free(&s->tint_index);
    free(s->tints);
    free(s->tinted);
    memset(s, 0, sizeof *s);
}

/* Forgets the tinted copies. */
static void tints_clear(BlendSheet *s)
{
    hashtab_clear(&s->tint_index);
    s->ntints = 0;
    s->ntinted = 0;
}

void blend_sheet_clear(BlendSheet *s)
{
    s->nsprites = s->nrow_runs = s->nruns = s->nstraight = 0;
    tints_clear(s);
}

uint32_t blend_sheet_add(BlendSheet *s, const uint32_t *pixels, size_t pitch, int size)
{
    s->sprites = xgrow(s->sprites, &s->sprites_cap, s->nsprites + 1, sizeof *s->sprites);
    BlendSprite *sp = &s->sprites[s->nsprites];
    *sp = (BlendSprite){(uint32_t)s->nrow_runs, (uint32_t)s->nstraight, 0, size};
    s->row_runs = xgrow(s->row_runs, &s->row_runs_cap, s->nrow_runs + (size_t)size + 1,
                        sizeof *s->row_runs);
    for (int j = 0; j < size; j++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)pixels + (size_t)j * pitch);
        s->row_runs[s->nrow_runs++] = (uint32_t)s->nruns;
        for (int i = 0; i < size;) {
            uint32_t a = row[i] >> 24;
            if (a == 0) {
                i++;
                continue;
            }
            bool opaque = a == 255;
            int e = i + 1;
            while (e < size && (row[e] >> 24) != 0 && ((row[e] >> 24) == 255) == opaque) e++;
            s->runs = xgrow(s->runs, &s->runs_cap, s->nruns + 1, sizeof *s->runs);
            s->runs[s->nruns++] = (BlendRun){(uint16_t)i, (uint16_t)(e - i), sp->npix, opaque};
            s->straight = xgrow(s->straight, &s->straight_cap, s->nstraight + (size_t)(e - i),
                                sizeof *s->straight);
            memcpy(s->straight + s->nstraight, row + i, (size_t)(e - i) * sizeof *row);
            s->nstraight += (size_t)(e - i);
            sp->npix += (uint32_t)(e - i);
            i = e;
        }
    }
    s->row_runs[s->nrow_runs++] = (uint32_t)s->nruns;
    return (uint32_t)s->nsprites++;
}

/* The copy of sprite id tinted by tint, made on first use. */
static const BlendTinted *tinted_get(BlendSheet *s, uint32_t id, uint32_t tint)
{
    uint64_t key = (uint64_t)id << 32 | tint;
    HashProbe probe = hashtab_probe(&s->tint_index, key);
    uint32_t v;
    while (hashtab_next(&s->tint_index, &probe, &v))
        if (s->tints[v].sprite == id && s->tints[v].tint == tint) return &s->tints[v];
    const BlendSprite *sp = &s->sprites[id];
    if (s->ntinted + sp->npix > s->tinted_max && s->ntints > 0) {
        tints_clear(s);                          /* full: start again */
        probe = hashtab_probe(&s->tint_index, key);
        while (hashtab_next(&s->tint_index, &probe, &v)) {}
    }
    s->tinted = xgrow(s->tinted, &s->tinted_cap, s->ntinted + sp->npix, sizeof *s->tinted);
    s->tints = xgrow(s->tints, &s->tints_cap, s->ntints + 1, sizeof *s->tints);
    BlendTinted *t = &s->tints[s->ntints];
    *t = (BlendTinted){id, tint, (uint32_t)s->ntinted};
    const uint32_t *in = s->straight + sp->pix0;
    uint32_t *out = s->tinted + s->ntinted;
    for (uint32_t k = 0; k < sp->npix; k++) out[k] = blend_tint(in[k], tint);
    s->ntinted += sp->npix;
    hashtab_insert(&s->tint_index, &probe, (uint32_t)s->ntints++);
    return t;
}

void blend_sheet_draw(BlendSheet *s, uint32_t sprite, uint32_t tint, uint32_t *dst,
                      size_t pitch, int x, int y, const BlendClip *clip, bool keep_alpha)
{
    const BlendSprite *sp = &s->sprites[sprite];
    int i0 = clip->x0 > x ? clip->x0 - x : 0, j0 = clip->y0 > y ? clip->y0 - y : 0;
    int i1 = clip->x1 < x + sp->size ? clip->x1 - x : sp->size;
    int j1 = clip->y1 < y + sp->size ? clip->y1 - y : sp->size;
    if (i0 >= i1 || j0 >= j1 || (tint >> 24) == 0) return;
    const BlendTinted *t = tinted_get(s, sprite, tint);
    const uint32_t *px = s->tinted + t->at;
    bool copy = (tint >> 24) == 255;       /* opaque runs stay opaque */
    uint32_t amask = keep_alpha ? 0xFFFFFFFFu : 0x00FFFFFFu;
    for (int j = j0; j < j1; j++) {
        uint32_t *row = (uint32_t *)((uint8_t *)dst + (size_t)(y + j) * pitch);
        const BlendRun *r = s->runs + s->row_runs[sp->row0 + j];
        const BlendRun *end = s->runs + s->row_runs[sp->row0 + j + 1];
        for (; r < end; r++) {
            int a = r->x > i0 ? r->x : i0, b = r->x + r->n < i1 ? r->x + r->n : i1;
            if (a >= b) continue;
            const uint32_t *p = px + r->at + (a - r->x);
            uint32_t *o = row + (x + a);
            int n = b - a;
            if (r->opaque && copy) {
                for (int k = 0; k < n; k++) o[k] = p[k] & amask;
            } else {
                blend_span(o, p, n, amask);
            }
        }
    }
}

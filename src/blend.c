/*
 * blend: SDL's modulated blend of marker sprites, exactly and fast. See
 * blend.h.
 */
#include "blend.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The default bound of a sheet's tinted copies, in pixels. */
#define TINTED_MAX_DEFAULT ((size_t)4 << 20)

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
    *t = (BlendTinted){id, tint, (uint32_t)s->ntinted, false};
    const uint32_t *in = s->straight + sp->pix0;
    uint32_t *out = s->tinted + s->ntinted;
    for (uint32_t k = 0; k < sp->npix; k++) {
        out[k] = blend_tint(in[k], tint);
        if (out[k] == 0) t->has_clear = true;
    }
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
    bool has_clear = t->has_clear;
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
            } else if (has_clear) {
                for (int k = 0; k < n; k++)
                    if (p[k] != 0) o[k] = blend_over(o[k], p[k], amask);
            } else {
                for (int k = 0; k < n; k++) o[k] = blend_over(o[k], p[k], amask);
            }
        }
    }
}

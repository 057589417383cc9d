/*
 * blend: marker sprites blended into 32-bit pixels in software, with the
 * arithmetic of SDL's modulated blend (SDL_blit_auto.c) to the bit, but
 * fast. render draws its markers and density cells with it straight into
 * a software renderer's surface (the window without a GPU, the PNG export).
 *
 * SDL blends a straight-alpha sprite pixel s, tinted by a colour c, over
 * a pixel d in two steps: s tinted and multiplied by its alpha (depends on
 * s and c only), then d scaled by 255 - alpha and added. blend_tint does
 * the first, blend_over the second with all four channels in one 64-bit
 * multiply; blend_reference is SDL's sum as it is written, which the two
 * give exactly (tests/test_blend.c checks it).
 *
 * A BlendSheet holds sprites as runs of non-transparent pixels per row
 * (the corners of a disc and the hollow of a ring cost nothing) and keeps
 * each sprite's tinted, premultiplied copy per colour it was drawn in, so
 * drawing a sprite is one blend_over per covered pixel, and a copy where
 * the copy is opaque. No SDL: pure arithmetic on caller's pixels.
 */
#ifndef SAHELMAP_BLEND_H
#define SAHELMAP_BLEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hashtab.h"

/* floor(x / 255) for x in 0..255*255 (every product of two bytes), without
 * a division. */
static inline uint32_t blend_div255(uint32_t x)
{
    return (x + 1 + (x >> 8)) >> 8;
}

/* SDL's modulated blend of one straight-alpha pixel s (0xAARRGGBB) tinted
 * by tint (0xAARRGGBB) over d, as SDL writes it: the reference the fast
 * functions must give. keep_alpha: d's alpha byte is blended too (an ARGB
 * surface); otherwise it is 0 in a blended pixel (an xRGB one). A pixel
 * whose tinted alpha is 0 leaves d as it is, alpha byte included. */
uint32_t blend_reference(uint32_t d, uint32_t s, uint32_t tint, bool keep_alpha);

/* The first step of blend_reference: s tinted by tint and multiplied by
 * its alpha, 0xAARRGGBB with that alpha on top. Each channel is at most
 * the alpha. An alpha of 0 means the pixel leaves d alone. */
uint32_t blend_tint(uint32_t s, uint32_t tint);

/* The second step: the premultiplied p (from blend_tint, alpha > 0) over
 * d, each channel p + floor(d * (255 - alpha) / 255), all four in one
 * 64-bit multiply; amask 0xFFFFFFFF keeps the alpha channel, 0x00FFFFFF
 * zeroes it. blend_over(d, blend_tint(s, c), mask) == blend_reference(d,
 * s, c, mask >> 24 != 0) whenever blend_tint(s, c) >> 24 != 0. */
static inline uint32_t blend_over(uint32_t d, uint32_t p, uint32_t amask)
{
    const uint64_t lanes = 0x00FF00FF00FF00FFull;
    uint64_t k = 255 - (p >> 24);
    uint64_t x = (((uint64_t)d | (uint64_t)d << 24) & lanes) * k;
    x = ((x + 0x0001000100010001ull + ((x >> 8) & lanes)) >> 8) & lanes;
    return (p + ((uint32_t)x | (uint32_t)(x >> 24))) & amask;
}

/* blend_over(d[i], p, amask) for each of the n pixels of d: a span of one
 * colour (p from blend_tint, alpha > 0), four pixels at a time. */
void blend_fill(uint32_t *d, size_t n, uint32_t p, uint32_t amask);

/* Pixels x..x+n-1 of a sprite's row, all with alpha > 0, all opaque
 * (alpha 255) or all not; `at`: the first one's place in the sprite's
 * pixels as kept (runs in row order, packed). */
typedef struct BlendRun {
    uint16_t x, n;
    uint32_t at;
    bool opaque;
} BlendRun;

/* A sprite of the sheet: size x size pixels, rows' runs
 * runs[row_runs[row0 + j] .. row_runs[row0 + j + 1]), npix pixels kept
 * (from straight[pix0]). */
typedef struct BlendSprite {
    uint32_t row0, pix0, npix;
    int size;
} BlendSprite;

/* A sprite's copy tinted by one colour (see blend_sheet_draw). */
typedef struct BlendTinted {
    uint32_t sprite, tint;
    uint32_t at;          /* its first pixel in tinted[] (0 where tinted to alpha 0) */
} BlendTinted;

typedef struct BlendSheet {
    BlendSprite *sprites;
    size_t nsprites, sprites_cap;
    uint32_t *row_runs;
    size_t nrow_runs, row_runs_cap;
    BlendRun *runs;
    size_t nruns, runs_cap;
    uint32_t *straight;          /* the kept pixels, straight alpha */
    size_t nstraight, straight_cap;
    /* Tinted copies: by hash of (sprite, tint) into tints[]; their pixels,
     * premultiplied, in tinted[]. Emptied when tinted[] would pass
     * tinted_max pixels. */
    HashTab tint_index;
    BlendTinted *tints;
    size_t ntints, tints_cap;
    uint32_t *tinted;
    size_t ntinted, tinted_cap, tinted_max;
} BlendSheet;

/* An empty sheet whose tinted copies hold at most max_tinted pixels in all
 * (0: a default of 1M pixels, 4 MB; a 3-month playback with fading at
 * 1920x1080 holds some 2,500 copies, 0.2M pixels). Release with
 * blend_sheet_free. */
void blend_sheet_init(BlendSheet *s, size_t max_tinted);
void blend_sheet_free(BlendSheet *s);

/* Forgets every sprite and tinted copy, keeping the memory. */
void blend_sheet_clear(BlendSheet *s);

/* Adds the size x size straight-alpha sprite at pixels (pitch bytes a
 * row) and returns its number (0, 1, ... in the order added). */
uint32_t blend_sheet_add(BlendSheet *s, const uint32_t *pixels, size_t pitch, int size);

/* A rectangle of pixels: x0 <= x < x1, y0 <= y < y1. */
typedef struct BlendClip {
    int x0, y0, x1, y1;
} BlendClip;

/* Blends sprite `sprite` tinted by tint (0xAARRGGBB) into the 32-bit
 * pixels dst (pitch bytes a row), its top-left corner at (x, y), inside
 * clip only (which must lie within dst): each pixel exactly as
 * blend_reference(d, s, tint, keep_alpha) would make it. */
void blend_sheet_draw(BlendSheet *s, uint32_t sprite, uint32_t tint, uint32_t *dst,
                      size_t pitch, int x, int y, const BlendClip *clip, bool keep_alpha);

#endif

/*
 * test_blend: the software marker blending against SDL's arithmetic as
 * it is written (blend_reference): the division by 255 on every product
 * of two bytes; blend_tint + blend_over on every (alpha, channel) pair and
 * on a large sample of (sprite pixel, tint, destination); blend_fill's
 * four-pixel steps against blend_over; a sheet's runs
 * (what they cover, opaque or not); and whole sprites drawn through a
 * sheet, clipped, cached and not, against the reference pixel by pixel.
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "blend.h"

/* A fixed pseudo-random sequence (xorshift64*). */
static uint32_t rnd(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return (uint32_t)((*state * 2685821657736338717ull) >> 32);
}

static void test_div255_every_product(void **state)
{
    (void)state;
    for (uint32_t x = 0; x <= 255 * 255; x++) assert_int_equal(blend_div255(x), x / 255);
}

/* blend_over(d, blend_tint(s, c)) == blend_reference(d, s, c), or d when
 * the tinted alpha is 0, for both kinds of surface. */
static void check_one(uint32_t d, uint32_t s, uint32_t c)
{
    uint32_t p = blend_tint(s, c);
    for (int ka = 0; ka < 2; ka++) {
        uint32_t want = blend_reference(d, s, c, ka);
        uint32_t got = p == 0 ? d : blend_over(d, p, ka ? 0xFFFFFFFFu : 0x00FFFFFFu);
        if (got != want)
            fail_msg("d %08x s %08x tint %08x keep_alpha %d: %08x, want %08x", d, s, c, ka,
                     got, want);
    }
}

/* Every destination byte in every channel under every alpha. */
static void test_over_every_alpha_and_byte(void **state)
{
    (void)state;
    for (uint32_t a = 0; a < 256; a++)
        for (uint32_t v = 0; v < 256; v++) {
            uint32_t d = v | ((255 - v) << 8) | (((v * 7) & 255) << 16) | ((v ^ 0x5A) << 24);
            check_one(d, a << 24 | 0xFFFFFF, 0xFFFFFFFF);
            check_one(d, a << 24, 0xFFFFFFFF);
            check_one(d, a << 24 | v << 16 | (255 - v) << 8 | v, 0xFFD55E00);
        }
}

/* Every (sprite alpha, tint alpha) pair, with channels and destinations
 * drawn at random, then a million random triples. */
static void test_tint_and_over_match_reference(void **state)
{
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (uint32_t sa = 0; sa < 256; sa++)
        for (uint32_t ca = 0; ca < 256; ca++)
            for (int k = 0; k < 4; k++) {
                uint32_t s = sa << 24 | (rnd(&seed) & 0xFFFFFF);
                uint32_t c = ca << 24 | (rnd(&seed) & 0xFFFFFF);
                check_one(rnd(&seed), s, c);
            }
    for (int k = 0; k < 1000000; k++) {
        uint32_t s = rnd(&seed), c = rnd(&seed), d = rnd(&seed);
        if (k & 1) c |= 0xFF000000u;                   /* the usual, opaque tint */
        check_one(d, s, c);
    }
    /* The tinted pixel: each channel at most its alpha, 0 for alpha 0. */
    for (int k = 0; k < 100000; k++) {
        uint32_t p = blend_tint(rnd(&seed), rnd(&seed)), a = p >> 24;
        assert_true(((p >> 16) & 0xFF) <= a && ((p >> 8) & 0xFF) <= a && (p & 0xFF) <= a);
        if (a == 0) assert_int_equal(p, 0);
    }
}

/* blend_fill on spans of every length up to 40 at every offset modulo 4
 * (its four-pixel steps and the rest) against blend_over on each pixel. */
static void test_fill_matches_over(void **state)
{
    (void)state;
    uint64_t seed = 77;
    uint32_t d[48], want[48];
    for (int round = 0; round < 200; round++)
        for (size_t n = 0; n <= 40; n++) {
            size_t at = (size_t)round % 4;
            uint32_t p = blend_tint(rnd(&seed) | 0x01000000u, rnd(&seed) | 0xFF000000u);
            uint32_t amask = round & 1 ? 0xFFFFFFFFu : 0x00FFFFFFu;
            for (int k = 0; k < 48; k++) d[k] = want[k] = rnd(&seed);
            for (size_t k = 0; k < n; k++) want[at + k] = blend_over(want[at + k], p, amask);
            blend_fill(d + at, n, p, amask);
            assert_memory_equal(d, want, sizeof d);
        }
}

/* Test sprites, size x size straight-alpha pixels: 0 a disc (translucent
 * inside, an antialiased edge), 1 a ring with an empty hollow and an
 * opaque band, 2 an opaque square with a translucent frame, 3 faint dust
 * (alphas 1..6, which a translucent tint takes to 0). */
static uint32_t *make_sprite(int kind, int size)
{
    uint32_t *px = calloc((size_t)size * size, sizeof *px);
    double c = size / 2.0, r = size / 2.0 - 2;
    for (int j = 0; j < size; j++)
        for (int i = 0; i < size; i++) {
            double d = hypot(i + 0.5 - c, j + 0.5 - c);
            double a = 0;
            uint32_t grey = 255;
            switch (kind) {
            case 0:
                a = fmin(1, fmax(0, r - d + 0.5)) * 0.86;
                grey = d > r - 1.5 ? 107 : 255;
                break;
            case 1: a = fmin(1, fmax(0, 1.6 - fabs(d - (r - 2)))); break;
            case 2:
                a = (i == 0 || j == 0 || i == size - 1 || j == size - 1) ? 0.5 : 1;
                grey = (uint32_t)(i * 255 / size);
                break;
            case 3: a = ((i * 7 + j * 3) % 11 == 0) ? (1 + (i + j) % 6) / 255.0 : 0; break;
            }
            px[(size_t)j * size + i] = (uint32_t)lround(a * 255) << 24 | grey << 16 |
                                       grey << 8 | (kind == 2 ? 255 - grey : grey);
        }
    return px;
}

/* The runs of each row cover exactly its pixels with alpha > 0, in order,
 * split where opacity changes, and keep those pixels. */
static void test_sheet_runs(void **state)
{
    (void)state;
    BlendSheet sh;
    blend_sheet_init(&sh, 0);
    for (int kind = 0; kind < 4; kind++) {
        int size = 9 + kind * 6;
        uint32_t *px = make_sprite(kind, size);
        uint32_t id = blend_sheet_add(&sh, px, (size_t)size * 4, size);
        assert_int_equal(id, (uint32_t)kind);
        const BlendSprite *sp = &sh.sprites[id];
        assert_int_equal(sp->size, size);
        uint32_t kept = 0;
        for (int j = 0; j < size; j++) {
            const BlendRun *r = sh.runs + sh.row_runs[sp->row0 + j];
            const BlendRun *end = sh.runs + sh.row_runs[sp->row0 + j + 1];
            int x = 0;
            for (; r < end; r++) {
                assert_true(r->n > 0 && r->x >= x && r->x + r->n <= size);
                for (; x < r->x; x++) assert_int_equal(px[(size_t)j * size + x] >> 24, 0);
                if (r + 1 < end && r[1].x == r->x + r->n) assert_true(r[1].opaque != r->opaque);
                assert_int_equal(r->at, kept);
                for (int k = 0; k < r->n; k++, x++) {
                    uint32_t p = px[(size_t)j * size + x];
                    assert_true(p >> 24 != 0);
                    assert_int_equal((p >> 24) == 255, r->opaque);
                    assert_int_equal(sh.straight[sp->pix0 + r->at + k], p);
                }
                kept += r->n;
            }
            for (; x < size; x++) assert_int_equal(px[(size_t)j * size + x] >> 24, 0);
        }
        assert_int_equal(sp->npix, kept);
        if (kind == 1) {                     /* the hollow: the middle row has two runs */
            int j = size / 2;
            assert_true(sh.row_runs[sp->row0 + j + 1] - sh.row_runs[sp->row0 + j] >= 2);
        }
        free(px);
    }
    blend_sheet_free(&sh);
}

#define W 61
#define H 47

/* Draws every test sprite at places in and across the edges of a W x H
 * image with random pixels, in several tints and clips, through a sheet
 * holding at most max_tinted tinted pixels, and compares each pixel with
 * blend_reference applied over the same clipped square. */
static void draw_and_compare(size_t max_tinted)
{
    static const uint32_t tints[] = {0xFFD55E00, 0xFF56B4E9, 0xFFFFFFFF, 0x80CC79A7,
                                     0x4D009E73, 0x01FFFFFF, 0x00FFFFFF, 0xFF000000};
    static const BlendClip clips[] = {{0, 0, W, H}, {5, 7, 50, 30}, {20, 20, 21, 21},
                                      {0, 0, 0, 0}};
    static const int places[][2] = {{10, 10}, {-7, 3}, {40, 30}, {55, -5}, {-20, -20},
                                    {30, 40}, {W - 1, H - 1}};
    BlendSheet sh;
    blend_sheet_init(&sh, max_tinted);
    uint32_t *sprite[4];
    int size[4];
    for (int kind = 0; kind < 4; kind++) {
        size[kind] = 8 + kind * 7;
        sprite[kind] = make_sprite(kind, size[kind]);
        assert_int_equal(blend_sheet_add(&sh, sprite[kind], (size_t)size[kind] * 4, size[kind]),
                         (uint32_t)kind);
    }
    uint64_t seed = 12345 + max_tinted;
    uint32_t *got = malloc(W * H * 4), *want = malloc(W * H * 4);
    for (int round = 0; round < 2; round++)             /* the second from the cache */
        for (int ka = 0; ka < 2; ka++)
            for (size_t c = 0; c < sizeof clips / sizeof *clips; c++)
                for (size_t t = 0; t < sizeof tints / sizeof *tints; t++) {
                    for (int k = 0; k < W * H; k++) got[k] = want[k] = rnd(&seed);
                    const BlendClip *cl = &clips[c];
                    for (int kind = 0; kind < 4; kind++)
                        for (size_t p = 0; p < sizeof places / sizeof *places; p++) {
                            int x = places[p][0], y = places[p][1], n = size[kind];
                            blend_sheet_draw(&sh, (uint32_t)kind, tints[t], got, W * 4, x, y,
                                             cl, ka);
                            for (int j = 0; j < n; j++)
                                for (int i = 0; i < n; i++) {
                                    int X = x + i, Y = y + j;
                                    if (X < cl->x0 || X >= cl->x1 || Y < cl->y0 || Y >= cl->y1)
                                        continue;
                                    uint32_t *o = &want[Y * W + X];
                                    *o = blend_reference(*o, sprite[kind][j * n + i], tints[t],
                                                         ka);
                                }
                        }
                    for (int k = 0; k < W * H; k++)
                        if (got[k] != want[k])
                            fail_msg("tint %08x clip %zu keep_alpha %d pixel (%d, %d): %08x, "
                                     "want %08x", tints[t], c, ka, k % W, k / W, got[k], want[k]);
                }
    if (max_tinted > 0 && max_tinted < 100) assert_true(sh.ntints <= 1);
    /* Cleared, the sheet takes new sprites from number 0 again. */
    blend_sheet_clear(&sh);
    assert_int_equal(sh.ntints, 0);
    assert_int_equal(blend_sheet_add(&sh, sprite[2], (size_t)size[2] * 4, size[2]), 0);
    for (int k = 0; k < W * H; k++) got[k] = want[k] = rnd(&seed);
    BlendClip all = {0, 0, W, H};
    blend_sheet_draw(&sh, 0, 0xFFE69F00, got, W * 4, 3, 4, &all, false);
    for (int j = 0; j < size[2]; j++)
        for (int i = 0; i < size[2]; i++) {
            uint32_t *o = &want[(4 + j) * W + 3 + i];
            *o = blend_reference(*o, sprite[2][j * size[2] + i], 0xFFE69F00, false);
        }
    assert_memory_equal(got, want, W * H * 4);
    for (int kind = 0; kind < 4; kind++) free(sprite[kind]);
    free(got);
    free(want);
    blend_sheet_free(&sh);
}

static void test_sheet_draw_matches_reference(void **state)
{
    (void)state;
    draw_and_compare(0);
}

/* A bound smaller than one sprite: every tinted copy starts the cache again. */
static void test_sheet_draw_tiny_cache(void **state)
{
    (void)state;
    draw_and_compare(10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_div255_every_product),
        cmocka_unit_test(test_over_every_alpha_and_byte),
        cmocka_unit_test(test_tint_and_over_match_reference),
        cmocka_unit_test(test_fill_matches_over),
        cmocka_unit_test(test_sheet_runs),
        cmocka_unit_test(test_sheet_draw_matches_reference),
        cmocka_unit_test(test_sheet_draw_tiny_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

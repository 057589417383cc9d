/*
 * test_render: what render blends straight into a software target
 * (render_set_target: markers, translucent rectangles) against what SDL's
 * software renderer draws for the same scene without one (the atlas through
 * SDL_RenderGeometry, rectangles through SDL_RenderFillRectF), pixel for
 * pixel: over random pixels, on xRGB and ARGB surfaces, whole and clipped,
 * with boxes across the edges, fractional and empty ones (xRGB's padding
 * byte aside). Also that an overlay leaves the draw blend mode at none,
 * and that render_measure's kept sizes are SDL_ttf's.
 */
#include "testutil.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "scene.h"

#define W 173
#define H 119

static uint32_t rnd(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return (uint32_t)((*state * 2685821657736338717ull) >> 32);
}

/* The test scene: rectangles of several alphas (opaque, translucent, one
 * with a translucent border, boxes past the edges, fractional, 0 wide),
 * and marker symbols of the three sprite kinds in opaque and faded
 * colours, some across the edges. */
static void make_scene(Scene *s)
{
    scene_reset(s, W, H, 1);
    scene_add_rect(s, 5, 6, 60, 40, 0xCCFFFFFF, 0, 0);
    scene_add_rect(s, -10, 30, 50, 200, 0x4D123456, 0, 0);
    scene_add_rect(s, 150.4f, 100.6f, 40.5f, 30.2f, 0x01FFFFFF, 0, 0);
    scene_add_rect(s, 70, 10, 0, 20, 0x80FF0000, 0, 0);
    scene_add_rect(s, 80, 12, -5, 0.3f, 0xFE00FF00, 0, 0);
    scene_add_rect(s, 90, 50, 30, 30, 0xFF336699, 0, 0);
    scene_add_rect(s, 20, 60, 100, 40, 0xE6F8F8F6, 0x80202020, 1.5f);
    static const uint32_t colors[] = {0xFFD55E00, 0xFF56B4E9, 0xFFCC79A7, 0x8C009E73,
                                      0x4D0072B2, 0x03E69F00};
    int k = 0;
    for (int y = -5; y < H + 10; y += 23)
        for (int x = -8; x < W + 10; x += 19, k++) {
            SceneMarker m = {(float)x + 0.3f * (k % 3), (float)y, 2.2f + (float)(k % 9) * 1.7f,
                             k % 4 == 0 ? 6.0f + (float)(k % 5) * 3 : 0,
                             colors[k % 6], (uint8_t)(k % 3 == 0 ? MARKER_RING : MARKER_DOT),
                             UINT32_MAX};
            scene_add_symbol(s, m);
        }
}

/* Draws the scene on a copy of `start` through SDL alone (direct false)
 * or blended into the surface (direct true); returns the surface. */
static SDL_Surface *draw(const Scene *s, Uint32 format, const uint32_t *start,
                         const SDL_Rect *clip, bool direct)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, format);
    assert_non_null(surf);
    for (int y = 0; y < H; y++)
        memcpy((uint8_t *)surf->pixels + (size_t)y * surf->pitch, start + (size_t)y * W, W * 4);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surf);
    assert_non_null(sdl);
    Renderer r;
    Error err;
    assert_true(render_init(&r, sdl, 1, &err));
    if (direct) render_set_target(&r, surf);
    if (clip) SDL_RenderSetClipRect(sdl, clip);
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);     /* as the window sets it */
    render_overlay(&r, s);
    SDL_RenderFlush(sdl);
    SDL_BlendMode mode;
    SDL_GetRenderDrawBlendMode(sdl, &mode);
    assert_int_equal(mode, SDL_BLENDMODE_NONE);
    render_free(&r);
    SDL_DestroyRenderer(sdl);
    return surf;
}

static void compare(Uint32 format, const SDL_Rect *clip)
{
    Scene s = {0};
    make_scene(&s);
    uint64_t seed = 2024 + format;
    uint32_t *start = malloc((size_t)W * H * 4);
    for (int k = 0; k < W * H; k++) start[k] = rnd(&seed);
    SDL_Surface *sdl = draw(&s, format, start, clip, false);
    SDL_Surface *direct = draw(&s, format, start, clip, true);
    /* xRGB: the padding byte is nobody's (SDL's blit writes 0 in it even
     * where a sprite is clear; render leaves those pixels as they were). */
    uint32_t mask = format == SDL_PIXELFORMAT_ARGB8888 ? 0xFFFFFFFFu : 0x00FFFFFFu;
    int differ = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t a = ((uint32_t *)((uint8_t *)sdl->pixels + (size_t)y * sdl->pitch))[x];
            uint32_t b = ((uint32_t *)((uint8_t *)direct->pixels + (size_t)y * direct->pitch))[x];
            if ((a & mask) != (b & mask) && differ++ < 5)
                print_error("format %s clip %d pixel (%d, %d): %08x through SDL, %08x direct\n",
                            SDL_GetPixelFormatName(format), clip != NULL, x, y, a, b);
        }
    assert_int_equal(differ, 0);
    /* And the drawing did something. */
    int changed = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            changed += ((uint32_t *)((uint8_t *)direct->pixels + (size_t)y * direct->pitch))[x] !=
                       start[y * W + x];
    assert_true(changed > W * H / 4);
    SDL_FreeSurface(sdl);
    SDL_FreeSurface(direct);
    free(start);
    scene_free(&s);
}

static void test_xrgb_whole(void **state)
{
    (void)state;
    compare(SDL_PIXELFORMAT_RGB888, NULL);
}

static void test_xrgb_clipped(void **state)
{
    (void)state;
    compare(SDL_PIXELFORMAT_RGB888, &(SDL_Rect){11, 7, 120, 90});
}

static void test_argb_whole(void **state)
{
    (void)state;
    compare(SDL_PIXELFORMAT_ARGB8888, NULL);
}

static void test_argb_clipped(void **state)
{
    (void)state;
    compare(SDL_PIXELFORMAT_ARGB8888, &(SDL_Rect){-4, 20, 100, 200});
}

/* render_measure's kept sizes are SDL_ttf's, for texts measured again,
 * in another font, and past the cache's bound (where it starts again). */
static void test_measure_kept(void **state)
{
    (void)state;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surf);
    Renderer r;
    Error err;
    assert_true(render_init(&r, sdl, 1, &err));
    char text[64];
    for (int round = 0; round < 2; round++)
        for (int k = 0; k < 17000; k += round ? 97 : 1) {
            SceneFont font = (SceneFont)(k % FONT_COUNT);
            snprintf(text, sizeof text, k % 7 ? "Tombouctou %d" : "%d", k);
            float w, h;
            render_measure(&r, font, text, &w, &h);
            int tw = 0, th = 0;
            TTF_SizeUTF8(r.font[font], text, &tw, &th);
            assert_true(w == (float)tw && h == (float)th);
        }
    float w0, h0, w1, h1;
    render_measure(&r, FONT_SMALL, "", &w0, &h0);
    render_measure(&r, FONT_SMALL, "", &w1, &h1);
    assert_true(w0 == w1 && h0 == h1);
    render_free(&r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
}

static int setup(void **state)
{
    (void)state;
    return TTF_Init();
}

static int teardown(void **state)
{
    (void)state;
    TTF_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xrgb_whole),
        cmocka_unit_test(test_xrgb_clipped),
        cmocka_unit_test(test_argb_whole),
        cmocka_unit_test(test_argb_clipped),
        cmocka_unit_test(test_measure_kept),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

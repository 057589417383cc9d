/*
 * render: draws a Scene with an SDL_Renderer: the window's, or a software
 * renderer on a surface for the PNG export. The same code for both, so
 * what a user sees is what the export writes.
 *
 * Markers are antialiased sprites (made once per radius with Cairo, kept in
 * an atlas texture) drawn in one SDL_RenderGeometry batch, tinted per event
 * type by vertex colour, or, on a software target (render_set_target),
 * blended into its pixels by blend with the same arithmetic. Text is SDL_ttf with a font found by fontconfig;
 * map labels get a halo (TTF_SetFontOutline) so they read over any fill.
 */
#ifndef SAHELMAP_RENDER_H
#define SAHELMAP_RENDER_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <cairo.h>
#include <stdbool.h>

#include "blend.h"
#include "error.h"
#include "hashtab.h"
#include "scene.h"

typedef struct Sprite Sprite;
typedef struct TextEntry TextEntry;
typedef struct MeasureEntry MeasureEntry;

typedef struct Renderer {
    SDL_Renderer *sdl;
    float scale;
    TTF_Font *font[FONT_COUNT];
    TTF_Font *halo[FONT_COUNT];      /* the same face with an outline */
    int halo_px;
    /* Sprite atlas: straight-alpha ARGB surface and its texture. */
    SDL_Surface *atlas;
    SDL_Texture *atlas_tex;
    bool atlas_dirty;
    Sprite *sprites;
    size_t nsprites, sprites_cap;
    uint32_t sprite_index[5][2001];  /* [MarkKind][radius in 1/4 px] -> index+1 */
    int shelf_x, shelf_y, shelf_h;
    /* Text textures kept between frames (the window turns this on). */
    bool cache_text;
    TextEntry *cache;
    size_t cache_count, cache_cap;
    HashTab cache_index;             /* cache entries by text and style */
    /* Text sizes measured before (render_measure), by font and text: the
     * scene measures every label it places, every frame. */
    HashTab measure_index;
    MeasureEntry *measures;
    size_t nmeasures, measures_cap;
    char *measure_chars;             /* their texts, one after another */
    size_t nmeasure_chars, measure_chars_cap;
    /* The last locator map's basemap image and what it was drawn for. */
    cairo_surface_t *inset_map;
    View inset_view;
    const Basemap *inset_basemap;
    /* New texts (not in the cache) that may still be made this frame, or
     * < 0: no limit. While the view moves the window allows a few a frame
     * (SDL_ttf takes 0.1-0.5 ms a text; a zoom reveals a hundred labels
     * at once) and draws the rest once it rests; a new locator map waits
     * for that too. `deferred`: something was left for then. */
    int new_text_budget;
    bool deferred;
    /* The surface a software renderer draws on (render_set_target), or
     * NULL: markers are then blended into it directly, not through SDL. */
    SDL_Surface *target;
    /* The atlas's sprites as blend draws them into target. */
    BlendSheet sheet;
    /* Batched quads for SDL_RenderGeometry, and each one's sprite in sheet. */
    SDL_Vertex *verts;
    int *indices;
    uint32_t *quad_sprite;
    size_t nquads, quads_cap;
} Renderer;

/* Opens the fonts (through fontconfig) at the sizes for `scale` and gets
 * ready to draw with sdl. TTF_Init must have been called. False with err
 * when no font can be found or opened. Release with render_free. */
bool render_init(Renderer *r, SDL_Renderer *sdl, float scale, Error *err);
void render_free(Renderer *r);

/* A SceneMeasure: ctx is the Renderer. Sizes are kept: a text measured
 * before in the same font is not measured again (SDL_ttf shapes it each
 * time: 10-50 us). */
void render_measure(void *ctx, SceneFont font, const char *text, float *w,
                    float *h);

/* Names the surface r's software renderer draws on (NULL: none, or not
 * known). Markers and density cells are then blended straight into its
 * pixels by blend (blend.h), with SDL's own blending arithmetic to the
 * bit, instead of as one SDL copy per marker (20,000 markers: 40 ms
 * through SDL). The window's software renderer and the
 * PNG export both do this, so they draw the same pixels. Only 32-bit xRGB
 * and ARGB surfaces without a render scale or viewport qualify; others are
 * drawn through SDL as before. */
void render_set_target(Renderer *r, SDL_Surface *target);

/* Draws everything of the scene that lies over the basemap: event
 * markers, town dots, labels, then the furniture. Leaves r->sdl's draw
 * blend mode at none (an opaque fill after it is then written, not blended
 * pixel by pixel). */
void render_overlay(Renderer *r, const Scene *scene);

#endif

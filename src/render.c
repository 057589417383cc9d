/*
 * render: SDL drawing of a Scene. See render.h.
 *
 * Sections: fonts; the sprite atlas; marker batches; text; furniture.
 */
#include "render.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "marks.h"
#include "raster.h"
#include "xalloc.h"

#define ATLAS_SIZE 2048
#define MAX_R4 2000          /* largest sprite radius: 500 px */

/* Sprites are marks (marks.h) painted white once per radius. */
typedef MarkKind SpriteKind;

struct Sprite {
    uint8_t kind;
    uint16_t r4;         /* radius in quarter pixels */
    int x, y, size;      /* cell in the atlas */
    uint32_t sheet_id;   /* the same pixels in the renderer's BlendSheet */
};

/* ------------------------------------------------------------------------- */
/* Fonts                                                                     */
/* ------------------------------------------------------------------------- */

static void cache_clear(Renderer *r);

bool render_init(Renderer *r, SDL_Renderer *sdl, float scale, Error *err)
{
    memset(r, 0, sizeof *r);
    r->sdl = sdl;
    r->new_text_budget = -1;
    r->scale = scale;
    char regular[1024], bold[1024];
    if (!font_find("DejaVu Sans:style=Book", regular, sizeof regular, err) ||
        !font_find("DejaVu Sans:style=Bold", bold, sizeof bold, err))
        return false;
    r->halo_px = (int)fmaxf(1.0f, roundf(1.7f * scale));
    for (int f = 0; f < FONT_COUNT; f++) {
        int px = scene_font_px((SceneFont)f, scale);
        const char *path = scene_font_bold((SceneFont)f) ? bold : regular;
        r->font[f] = TTF_OpenFont(path, px);
        r->halo[f] = TTF_OpenFont(path, px);
        if (r->font[f] == NULL || r->halo[f] == NULL) {
            error_set(err, "cannot open font %s: %s", path, TTF_GetError());
            render_free(r);
            return false;
        }
        TTF_SetFontOutline(r->halo[f], r->halo_px);
        TTF_SetFontHinting(r->font[f], TTF_HINTING_LIGHT);
        TTF_SetFontHinting(r->halo[f], TTF_HINTING_LIGHT);
    }
    r->atlas = SDL_CreateRGBSurfaceWithFormat(0, ATLAS_SIZE, ATLAS_SIZE, 32,
                                              SDL_PIXELFORMAT_ARGB8888);
    if (r->atlas == NULL) {
        error_set(err, "cannot make the marker atlas: %s", SDL_GetError());
        render_free(r);
        return false;
    }
    SDL_FillRect(r->atlas, NULL, 0);
    blend_sheet_init(&r->sheet, 0);
    return true;
}

void render_free(Renderer *r)
{
    cache_clear(r);
    free(r->cache);
    hashtab_free(&r->cache_index);
    for (int f = 0; f < FONT_COUNT; f++) {
        if (r->font[f]) TTF_CloseFont(r->font[f]);
        if (r->halo[f]) TTF_CloseFont(r->halo[f]);
    }
    if (r->atlas_tex) SDL_DestroyTexture(r->atlas_tex);
    if (r->atlas) SDL_FreeSurface(r->atlas);
    if (r->inset_map) cairo_surface_destroy(r->inset_map);
    free(r->sprites);
    free(r->verts);
    free(r->indices);
    free(r->quad_sprite);
    blend_sheet_free(&r->sheet);
    hashtab_free(&r->measure_index);
    free(r->measures);
    free(r->measure_chars);
    memset(r, 0, sizeof *r);
}

/* A measured text: its font, size and place in measure_chars. */
struct MeasureEntry {
    size_t at, len;
    uint8_t font;
    float w, h;
};

/* The measure cache holds at most this many sizes, then starts again. */
#define MEASURE_CACHE_MAX 16384

static uint64_t text_hash(const char *text, uint8_t font, bool halo, uint32_t color);

void render_measure(void *ctx, SceneFont font, const char *text, float *w,
                    float *h)
{
    Renderer *r = ctx;
    size_t len = strlen(text);
    uint64_t hash = text_hash(text, (uint8_t)font, false, 0);
    HashProbe probe = hashtab_probe(&r->measure_index, hash);
    uint32_t k;
    while (hashtab_next(&r->measure_index, &probe, &k)) {
        const MeasureEntry *m = &r->measures[k];
        if (m->font == font && m->len == len && memcmp(r->measure_chars + m->at, text, len) == 0) {
            *w = m->w;
            *h = m->h;
            return;
        }
    }
    int tw = 0, th = 0;
    TTF_SizeUTF8(r->font[font], text, &tw, &th);
    *w = (float)tw;
    *h = (float)th;
    if (r->nmeasures >= MEASURE_CACHE_MAX) {              /* full: start again */
        hashtab_clear(&r->measure_index);
        r->nmeasures = r->nmeasure_chars = 0;
        probe = hashtab_probe(&r->measure_index, hash);
        while (hashtab_next(&r->measure_index, &probe, &k)) {}
    }
    r->measure_chars = xgrow(r->measure_chars, &r->measure_chars_cap, r->nmeasure_chars + len + 1, 1);
    memcpy(r->measure_chars + r->nmeasure_chars, text, len);
    r->measures = xgrow(r->measures, &r->measures_cap, r->nmeasures + 1, sizeof *r->measures);
    r->measures[r->nmeasures] = (MeasureEntry){r->nmeasure_chars, len, (uint8_t)font, *w, *h};
    r->nmeasure_chars += len;
    hashtab_insert(&r->measure_index, &probe, (uint32_t)r->nmeasures++);
}

/* ------------------------------------------------------------------------- */
/* The sprite atlas                                                          */
/* ------------------------------------------------------------------------- */

/* Copies a w x h premultiplied Cairo image to 32-bit pixels with straight
 * alpha, as SDL's blending wants them. */
static void copy_unpremultiplied(cairo_surface_t *img, uint32_t *dst, int dst_pitch,
                                 int w, int h)
{
    const unsigned char *src = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int j = 0; j < h; j++) {
        const uint32_t *in = (const uint32_t *)(src + j * stride);
        uint32_t *out = (uint32_t *)((unsigned char *)dst + j * dst_pitch);
        for (int i = 0; i < w; i++) {
            uint32_t p = in[i], a = p >> 24;
            if (a == 0) {
                out[i] = 0;
                continue;
            }
            uint32_t red = ((p >> 16) & 0xFF) * 255 / a;
            uint32_t green = ((p >> 8) & 0xFF) * 255 / a;
            uint32_t blue = (p & 0xFF) * 255 / a;
            out[i] = a << 24 | (red > 255 ? 255 : red) << 16 |
                     (green > 255 ? 255 : green) << 8 | (blue > 255 ? 255 : blue);
        }
    }
}

/* Copies a sprite image into the atlas cell at (x, y). */
static void store_sprite(Renderer *r, cairo_surface_t *img, int x, int y, int size)
{
    uint32_t *cell = (uint32_t *)((unsigned char *)r->atlas->pixels + y * r->atlas->pitch) + x;
    copy_unpremultiplied(img, cell, r->atlas->pitch, size, size);
}

static void flush_quads(Renderer *r);

/* The atlas cell for (kind, radius), painting it on first use. */
static const Sprite *sprite_get(Renderer *r, SpriteKind kind, float radius)
{
    uint16_t r4 = (uint16_t)fminf(roundf(radius * 4), (float)MAX_R4);
    if (r4 > 256) r4 = (uint16_t)(r4 & ~3u);          /* 1 px steps above 64 */
    if (r4 < 2) r4 = 2;
    uint32_t *slot = &r->sprite_index[kind][r4];
    if (*slot != 0) return &r->sprites[*slot - 1];

    double rad = r4 / 4.0;
    int size = (int)ceil(2 * rad + 4 * r->scale + 4);
    if (size > ATLAS_SIZE) size = ATLAS_SIZE;
    if (r->shelf_x + size > ATLAS_SIZE) {           /* next shelf */
        r->shelf_x = 0;
        r->shelf_y += r->shelf_h;
        r->shelf_h = 0;
    }
    if (r->shelf_y + size > ATLAS_SIZE) {           /* full: start over */
        flush_quads(r);
        SDL_FillRect(r->atlas, NULL, 0);
        r->nsprites = 0;
        blend_sheet_clear(&r->sheet);
        memset(r->sprite_index, 0, sizeof r->sprite_index);
        r->shelf_x = r->shelf_y = r->shelf_h = 0;
        slot = &r->sprite_index[kind][r4];
    }
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
    cairo_t *cr = cairo_create(img);
    marks_paint(cr, kind, size / 2.0, size / 2.0, rad, r->scale, 0xFFFFFFFFu);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    store_sprite(r, img, r->shelf_x, r->shelf_y, size);
    cairo_surface_destroy(img);
    const uint32_t *cell = (const uint32_t *)((const uint8_t *)r->atlas->pixels +
                                              (size_t)r->shelf_y * r->atlas->pitch) + r->shelf_x;
    uint32_t sheet_id = blend_sheet_add(&r->sheet, cell, (size_t)r->atlas->pitch, size);

    r->sprites = xgrow(r->sprites, &r->sprites_cap, r->nsprites + 1, sizeof *r->sprites);
    Sprite *sp = &r->sprites[r->nsprites++];
    *sp = (Sprite){(uint8_t)kind, r4, r->shelf_x, r->shelf_y, size, sheet_id};
    *slot = (uint32_t)r->nsprites;
    r->shelf_x += size;
    if (size > r->shelf_h) r->shelf_h = size;
    r->atlas_dirty = true;
    return sp;
}

/* ------------------------------------------------------------------------- */
/* Marker batches                                                            */
/* ------------------------------------------------------------------------- */

static SDL_Color color_of(uint32_t argb)
{
    return (SDL_Color){(Uint8)(argb >> 16), (Uint8)(argb >> 8), (Uint8)argb,
                       (Uint8)(argb >> 24)};
}

void render_set_target(Renderer *r, SDL_Surface *target)
{
    r->target = target;
}

/* Whether the quads can be blended straight into r->target, and where
 * (the renderer's clip rectangle on the surface). */
static bool direct_clip(Renderer *r, SDL_Rect *clip)
{
    SDL_Surface *t = r->target;
    if (t == NULL || (t->format->format != SDL_PIXELFORMAT_RGB888 &&
                      t->format->format != SDL_PIXELFORMAT_ARGB8888))
        return false;
    float sx, sy;
    SDL_Rect port;
    SDL_RenderGetScale(r->sdl, &sx, &sy);
    SDL_RenderGetViewport(r->sdl, &port);
    if (sx != 1.0f || sy != 1.0f || port.x != 0 || port.y != 0) return false;
    SDL_Rect whole = {0, 0, t->w, t->h};
    if (!SDL_RenderIsClipEnabled(r->sdl)) {
        *clip = whole;
        return true;
    }
    SDL_Rect c;
    SDL_RenderGetClipRect(r->sdl, &c);
    if (!SDL_IntersectRect(&c, &whole, clip)) *clip = (SDL_Rect){0, 0, 0, 0};
    return true;
}

/* The queued quads blended into r->target inside clip, in order, each
 * pixel as SDL's own modulated blend makes it (see blend.h). */
static void flush_direct(Renderer *r, const SDL_Rect *clip)
{
    SDL_RenderFlush(r->sdl);       /* what SDL has queued lies beneath */
    SDL_Surface *t = r->target;
    bool keep_alpha = t->format->format == SDL_PIXELFORMAT_ARGB8888;
    BlendClip bc = {clip->x, clip->y, clip->x + clip->w, clip->y + clip->h};
    for (size_t q = 0; q < r->nquads; q++) {
        const SDL_Vertex *v = &r->verts[q * 4];
        SDL_Color c = v[0].color;
        uint32_t tint = (uint32_t)c.a << 24 | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
        blend_sheet_draw(&r->sheet, r->quad_sprite[q], tint, t->pixels, (size_t)t->pitch,
                         (int)v[0].position.x, (int)v[0].position.y, &bc, keep_alpha);
    }
    r->nquads = 0;
}

static void flush_quads(Renderer *r)
{
    if (r->nquads == 0) return;
    SDL_Rect clip;
    if (direct_clip(r, &clip)) {
        flush_direct(r, &clip);
        return;
    }
    if (r->atlas_dirty || r->atlas_tex == NULL) {
        if (r->atlas_tex) SDL_DestroyTexture(r->atlas_tex);
        r->atlas_tex = SDL_CreateTextureFromSurface(r->sdl, r->atlas);
        SDL_SetTextureBlendMode(r->atlas_tex, SDL_BLENDMODE_BLEND);
        r->atlas_dirty = false;
    }
    SDL_RenderGeometry(r->sdl, r->atlas_tex, r->verts, (int)(r->nquads * 4),
                       r->indices, (int)(r->nquads * 6));
    r->nquads = 0;
}

/* Queues a sprite centred on (x, y), tinted by color. */
static void queue_sprite(Renderer *r, SpriteKind kind, float radius, float x,
                         float y, uint32_t color)
{
    const Sprite *sp = sprite_get(r, kind, radius);
    if (r->nquads == r->quads_cap) {
        r->quads_cap = r->quads_cap ? r->quads_cap * 2 : 1024;
        r->verts = xrealloc(r->verts, r->quads_cap * 4 * sizeof *r->verts);
        r->indices = xrealloc(r->indices, r->quads_cap * 6 * sizeof *r->indices);
        r->quad_sprite = xrealloc(r->quad_sprite, r->quads_cap * sizeof *r->quad_sprite);
    }
    /* Whole pixels, so the sprite is copied 1:1 and stays sharp. */
    float half = sp->size / 2.0f;
    float x0 = roundf(x - half), y0 = roundf(y - half), s = (float)sp->size;
    float u0 = (float)sp->x / ATLAS_SIZE, v0 = (float)sp->y / ATLAS_SIZE;
    float u1 = (float)(sp->x + sp->size) / ATLAS_SIZE, v1 = (float)(sp->y + sp->size) / ATLAS_SIZE;
    SDL_Color c = color_of(color);
    r->quad_sprite[r->nquads] = sp->sheet_id;
    SDL_Vertex *v = &r->verts[r->nquads * 4];
    v[0] = (SDL_Vertex){{x0, y0}, c, {u0, v0}};
    v[1] = (SDL_Vertex){{x0 + s, y0}, c, {u1, v0}};
    v[2] = (SDL_Vertex){{x0 + s, y0 + s}, c, {u1, v1}};
    v[3] = (SDL_Vertex){{x0, y0 + s}, c, {u0, v1}};
    int *ix = &r->indices[r->nquads * 6];
    int b = (int)(r->nquads * 4);
    ix[0] = b; ix[1] = b + 1; ix[2] = b + 2;
    ix[3] = b; ix[4] = b + 2; ix[5] = b + 3;
    r->nquads++;
}

static void queue_marker(Renderer *r, const SceneMarker *m)
{
    if (m->r_high > m->r) queue_sprite(r, MARK_THIN_RING, m->r_high, m->x, m->y, m->color);
    queue_sprite(r, m->style == MARKER_RING ? MARK_RING : MARK_DISC, m->r,
                 m->x, m->y, m->color);
}

/* ------------------------------------------------------------------------- */
/* Text                                                                      */
/* ------------------------------------------------------------------------- */

/* A text texture, from the cache when the renderer keeps one. */
typedef struct TextEntry {
    char *text;
    uint32_t color;
    uint8_t font;
    bool halo;
    SDL_Texture *tex;
    int w, h;
} TextEntry;

/* The cache holds at most this many textures, then starts again. */
#define TEXT_CACHE_MAX 4096

static uint64_t text_hash(const char *text, uint8_t font, bool halo, uint32_t color)
{
    uint64_t h = 1469598103934665603ull ^ font ^ (uint64_t)halo << 8 ^ (uint64_t)color << 16;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return h;
}

static void cache_clear(Renderer *r)
{
    for (size_t i = 0; i < r->cache_count; i++) {
        SDL_DestroyTexture(r->cache[i].tex);
        free(r->cache[i].text);
    }
    r->cache_count = 0;
    hashtab_clear(&r->cache_index);
}

static SDL_Texture *make_text(Renderer *r, uint8_t font, bool halo, const char *text,
                              uint32_t color, int *w, int *h)
{
    TTF_Font *f = halo ? r->halo[font] : r->font[font];
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, text, color_of(color));
    if (surf == NULL) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    *w = surf->w;
    *h = surf->h;
    SDL_FreeSurface(surf);
    return tex;
}

/* The cached texture of a text, or NULL with *probe where it would go. */
static TextEntry *cache_find(Renderer *r, uint8_t font, bool halo, const char *text,
                             uint32_t color, HashProbe *probe)
{
    *probe = hashtab_probe(&r->cache_index, text_hash(text, font, halo, color));
    uint32_t k;
    while (hashtab_next(&r->cache_index, probe, &k)) {
        TextEntry *c = &r->cache[k];
        if (c->font == font && c->halo == halo && c->color == color &&
            strcmp(c->text, text) == 0)
            return c;
    }
    return NULL;
}

/* Whether a text may be drawn this frame (see new_text_budget): it is in
 * the cache, or the budget allows one more. */
static bool text_allowed(Renderer *r, uint8_t font, bool halo, const char *text,
                         uint32_t color)
{
    if (!r->cache_text || r->new_text_budget < 0) return true;
    HashProbe probe;
    if (cache_find(r, font, halo, text, color, &probe) != NULL) return true;
    if (r->new_text_budget == 0) {
        r->deferred = true;
        return false;
    }
    r->new_text_budget--;
    return true;
}

static void blit_text(Renderer *r, uint8_t font, bool halo, const char *text,
                      uint32_t color, float x, float y)
{
    int w = 0, h = 0;
    SDL_Texture *tex = NULL;
    if (!r->cache_text) {
        tex = make_text(r, font, halo, text, color, &w, &h);
        if (tex == NULL) return;
        SDL_Rect dst = {(int)lroundf(x), (int)lroundf(y), w, h};
        SDL_RenderCopy(r->sdl, tex, NULL, &dst);
        SDL_DestroyTexture(tex);
        return;
    }
    if (r->cache_count >= TEXT_CACHE_MAX) cache_clear(r);   /* full: start again */
    HashProbe probe;
    TextEntry *e = cache_find(r, font, halo, text, color, &probe);
    if (e == NULL) {
        tex = make_text(r, font, halo, text, color, &w, &h);
        if (tex == NULL) return;
        r->cache = xgrow(r->cache, &r->cache_cap, r->cache_count + 1, sizeof *r->cache);
        hashtab_insert(&r->cache_index, &probe, (uint32_t)r->cache_count);
        e = &r->cache[r->cache_count++];
        *e = (TextEntry){xstrndup(text, strlen(text)), color, font, halo, tex, w, h};
    }
    SDL_Rect dst = {(int)lroundf(x), (int)lroundf(y), e->w, e->h};
    SDL_RenderCopy(r->sdl, e->tex, NULL, &dst);
}

static void draw_label(Renderer *r, const Scene *scene, const SceneLabel *l)
{
    const char *text = scene_text(scene, l->text);
    if (text[0] == '\0') return;
    bool halo = (l->halo >> 24) != 0;
    if (!text_allowed(r, l->font, false, text, l->color) ||
        (halo && !text_allowed(r, l->font, true, text, l->halo)))
        return;                    /* a whole label or none */
    if (halo)
        blit_text(r, l->font, true, text, l->halo, l->x - r->halo_px, l->y - r->halo_px);
    blit_text(r, l->font, false, text, l->color, l->x, l->y);
}

/* ------------------------------------------------------------------------- */
/* Furniture                                                                 */
/* ------------------------------------------------------------------------- */

static void set_color(SDL_Renderer *sdl, uint32_t argb)
{
    SDL_Color c = color_of(argb);
    SDL_SetRenderDrawColor(sdl, c.r, c.g, c.b, c.a);
}

/* A translucent fill blended straight into r->target inside clip, as SDL's
 * software renderer blends it (SW_QueueFillRects: the box truncated to
 * whole pixels, at least 1 x 1; SDL_BlendFillRect: the colour times its
 * alpha plus each pixel times 255 - alpha, both / 255: blend_tint and
 * blend_over), four pixels at a time instead of one. */
static void fill_direct(Renderer *r, const SDL_FRect *box, uint32_t color,
                        const SDL_Rect *clip)
{
    SDL_RenderFlush(r->sdl);       /* what SDL has queued lies beneath */
    SDL_Surface *t = r->target;
    int w = (int)box->w, h = (int)box->h;
    SDL_Rect rect = {(int)box->x, (int)box->y, w > 1 ? w : 1, h > 1 ? h : 1}, in;
    if (!SDL_IntersectRect(&rect, clip, &in)) return;
    uint32_t p = blend_tint(color, 0xFFFFFFFFu);
    uint32_t amask = t->format->format == SDL_PIXELFORMAT_ARGB8888 ? 0xFFFFFFFFu : 0x00FFFFFFu;
    for (int y = in.y; y < in.y + in.h; y++)
        blend_fill((uint32_t *)((uint8_t *)t->pixels + (size_t)y * t->pitch) + in.x,
                   (size_t)in.w, p, amask);
}

static void draw_rect(Renderer *r, const SceneItem *it)
{
    SDL_FRect box = {roundf(it->u.rect.x), roundf(it->u.rect.y),
                     roundf(it->u.rect.w), roundf(it->u.rect.h)};
    /* Opaque colours are written, not blended: the same pixels, and SDL's
     * software fill blends every pixel even at full alpha (a third of the
     * window's drawing time, the timeline's bars and panels). Translucent
     * ones on a software target are blended here (SDL's fill: one pixel
     * at a time, 14 % of a zoom's CPU time at 1920x1080). */
    SDL_Rect clip;
    if ((it->color >> 24) && (it->color >> 24) != 0xFF && direct_clip(r, &clip)) {
        fill_direct(r, &box, it->color, &clip);
    } else if (it->color >> 24) {
        SDL_SetRenderDrawBlendMode(r->sdl, (it->color >> 24) == 0xFF ? SDL_BLENDMODE_NONE
                                                                   : SDL_BLENDMODE_BLEND);
        set_color(r->sdl, it->color);
        SDL_RenderFillRectF(r->sdl, &box);
    }
    if ((it->border >> 24) && it->border_w > 0) {
        SDL_SetRenderDrawBlendMode(r->sdl, (it->border >> 24) == 0xFF ? SDL_BLENDMODE_NONE
                                                                    : SDL_BLENDMODE_BLEND);
        set_color(r->sdl, it->border);
        int n = (int)fmaxf(1, roundf(it->border_w));
        for (int k = 0; k < n; k++) {
            SDL_FRect edge = {box.x + k, box.y + k, box.w - 2 * k, box.h - 2 * k};
            SDL_RenderDrawRectF(r->sdl, &edge);
        }
    }
}

/* A filled polygon, antialiased through a small Cairo image. */
static void draw_polygon(Renderer *r, const SceneItem *it)
{
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int k = 0; k < it->u.poly.n; k++) {
        x0 = fminf(x0, it->u.poly.pts[k][0]);
        y0 = fminf(y0, it->u.poly.pts[k][1]);
        x1 = fmaxf(x1, it->u.poly.pts[k][0]);
        y1 = fmaxf(y1, it->u.poly.pts[k][1]);
    }
    int ox = (int)floorf(x0) - 1, oy = (int)floorf(y0) - 1;
    int w = (int)ceilf(x1) - ox + 2, h = (int)ceilf(y1) - oy + 2;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(img);
    SDL_Color c = color_of(it->color);
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
    for (int k = 0; k < it->u.poly.n; k++)
        cairo_line_to(cr, it->u.poly.pts[k][0] - ox, it->u.poly.pts[k][1] - oy);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (surf != NULL) {
        copy_unpremultiplied(img, surf->pixels, surf->pitch, w, h);
        SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
        if (tex != NULL) {
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
            SDL_Rect dst = {ox, oy, w, h};
            SDL_RenderCopy(r->sdl, tex, NULL, &dst);
            SDL_DestroyTexture(tex);
        }
        SDL_FreeSurface(surf);
    }
    cairo_surface_destroy(img);
}

/* A locator map, drawn by raster into a small image copied 1:1. */
static void draw_inset(Renderer *r, const SceneItem *it)
{
    const View *iv = &it->u.inset.view;
    /* Its map changes only with the inset's own view (Cairo takes tens of
     * milliseconds for it); the main view's box moves every frame. */
    if (r->inset_map == NULL || r->inset_basemap != it->u.inset.basemap ||
        memcmp(&r->inset_view, iv, sizeof *iv) != 0) {
        if (r->new_text_budget >= 0) {     /* the view moves: once it rests */
            r->deferred = true;
            return;
        }
        if (r->inset_map) cairo_surface_destroy(r->inset_map);
        r->inset_map = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, iv->w, iv->h);
        cairo_t *cm = cairo_create(r->inset_map);
        cairo_translate(cm, -iv->x, -iv->y);
        raster_inset_map(cm, it->u.inset.basemap, iv, r->scale);
        cairo_destroy(cm);
        r->inset_view = *iv;
        r->inset_basemap = it->u.inset.basemap;
    }
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, iv->w, iv->h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_surface(cr, r->inset_map, 0, 0);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_translate(cr, -iv->x, -iv->y);
    raster_inset_box(cr, iv, it->u.inset.box, it->color, it->border, r->scale);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, iv->w, iv->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (surf != NULL) {
        copy_unpremultiplied(img, surf->pixels, surf->pitch, iv->w, iv->h);
        SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
        if (tex != NULL) {
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
            SDL_Rect dst = {iv->x, iv->y, iv->w, iv->h};
            SDL_RenderCopy(r->sdl, tex, NULL, &dst);
            SDL_DestroyTexture(tex);
        }
        SDL_FreeSurface(surf);
    }
    cairo_surface_destroy(img);
}

/* The density layer blended straight into r->target (see render_set_target),
 * each cell a block of pixels: SDL would blend every pixel of the map,
 * empty cells too, through a scaled copy (5 ms at 1280x800; this: 1 ms). */
static void draw_density_direct(Renderer *r, const Scene *scene, const SDL_Rect *clip)
{
    const SceneGrid *g = &scene->grid;
    SDL_RenderFlush(r->sdl);
    SDL_Surface *t = r->target;
    bool keep_alpha = t->format->format == SDL_PIXELFORMAT_ARGB8888;
    int X = (int)scene->view.x, Y = (int)scene->view.y;
    int W = (int)(g->cols * g->cell), H = (int)(g->rows * g->cell);
    int x0 = X > clip->x ? X : clip->x, x1 = X + W < clip->x + clip->w ? X + W : clip->x + clip->w;
    int y0 = Y > clip->y ? Y : clip->y, y1 = Y + H < clip->y + clip->h ? Y + H : clip->y + clip->h;
    if (x0 >= x1 || y0 >= y1) return;
    /* The columns of cells over x0..x1: the pixels seg_x[k]..seg_x[k+1]-1
     * lie in cell column seg_col[k]. */
    int *seg_x = xmalloc((size_t)(x1 - x0 + 1) * sizeof *seg_x);
    int *seg_col = xmalloc((size_t)(x1 - x0) * sizeof *seg_col);
    int nseg = 0;
    for (int x = x0; x < x1; x++) {
        int col = (int)((int64_t)(x - X) * g->cols / W);
        if (nseg == 0 || seg_col[nseg - 1] != col) {
            seg_x[nseg] = x;
            seg_col[nseg++] = col;
        }
    }
    seg_x[nseg] = x1;
    /* A row's cells, premultiplied as blend_tint makes them (0: empty). */
    uint32_t *row_color = xmalloc((size_t)g->cols * sizeof *row_color);
    uint32_t amask = keep_alpha ? 0xFFFFFFFFu : 0x00FFFFFFu;
    int last_row = -1;
    bool row_empty = true;
    for (int y = y0; y < y1; y++) {
        int row = (int)((int64_t)(y - Y) * g->rows / H);
        if (row != last_row) {
            row_empty = true;
            for (int c = 0; c < g->cols; c++) {
                row_color[c] = blend_tint(scene_grid_color(g, (size_t)row * g->cols + c),
                                          0xFFFFFFFFu);
                if (row_color[c] != 0) row_empty = false;
            }
            last_row = row;
        }
        if (row_empty) continue;
        uint32_t *dst = (uint32_t *)((uint8_t *)t->pixels + (size_t)y * t->pitch);
        for (int k = 0; k < nseg; k++) {
            uint32_t p = row_color[seg_col[k]];
            if (p != 0) blend_fill(dst + seg_x[k], (size_t)(seg_x[k + 1] - seg_x[k]), p, amask);
        }
    }
    free(row_color);
    free(seg_col);
    free(seg_x);
}

/* The density layer or heatmap: one texel per cell, coloured on the ramp,
 * stretched over the map (smoothly for a heatmap). */
static void draw_grid(Renderer *r, const Scene *scene)
{
    const SceneGrid *g = &scene->grid;
    if (g->kind == GRID_NONE || g->max <= 0) return;
    SDL_Rect clip;
    if (g->kind == GRID_DENSITY && direct_clip(r, &clip)) {
        draw_density_direct(r, scene, &clip);
        return;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, g->cols, g->rows, 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    if (surf == NULL) return;
    bool heat = g->kind != GRID_DENSITY;
    for (int row = 0; row < g->rows; row++) {
        uint32_t *out = (uint32_t *)((uint8_t *)surf->pixels + row * surf->pitch);
        for (int col = 0; col < g->cols; col++)
            out[col] = scene_grid_color(g, (size_t)row * g->cols + col);
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    SDL_FreeSurface(surf);
    if (tex == NULL) return;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(tex, heat ? SDL_ScaleModeLinear : SDL_ScaleModeNearest);
    SDL_FRect dst = {(float)scene->view.x, (float)scene->view.y, g->cols * g->cell,
                     g->rows * g->cell};
    SDL_RenderCopyF(r->sdl, tex, NULL, &dst);
    SDL_DestroyTexture(tex);
}

void render_overlay(Renderer *r, const Scene *scene)
{
    draw_grid(r, scene);
    for (size_t d = 0; d < scene->ndots; d++) {
        const SceneDot *dot = &scene->dots[d];
        queue_sprite(r, dot->capital ? MARK_CAPITAL : MARK_TOWN, dot->r,
                     dot->x, dot->y, 0xFFFFFFFF);
    }
    for (size_t m = 0; m < scene->nmarkers; m++) queue_marker(r, &scene->markers[m]);
    flush_quads(r);
    for (size_t l = 0; l < scene->nlabels; l++) draw_label(r, scene, &scene->labels[l]);

    for (size_t i = 0; i < scene->nitems; i++) {
        const SceneItem *it = &scene->items[i];
        switch (it->kind) {
        case ITEM_RECT: draw_rect(r, it); break;
        case ITEM_TEXT: draw_label(r, scene, &it->u.text); break;
        case ITEM_MARKER:
            queue_marker(r, &it->u.marker);
            flush_quads(r);
            break;
        case ITEM_POLYGON: draw_polygon(r, it); break;
        case ITEM_INSET: draw_inset(r, it); break;
        }
    }
    /* The draw blend mode left at none: an opaque fill after this one is
     * written, not blended (the window's map background after a
     * translucent panel: a blended fill of the whole map, 40 % of the CPU
     * time of a zoom at 1920x1080). */
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
}

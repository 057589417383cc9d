/*
 * anim_gif: the GIF encoder (giflib). One global palette of at most 255
 * colours, chosen by libimagequant from the first frame with the fixed
 * colours (the event types, the density ramp) in it exactly; index 255 is
 * transparent. Every pixel is mapped to its nearest palette colour
 * (squared RGB distance, no dithering, so an exact colour keeps its entry
 * and a marker's pixels keep their type's colour); a cache of the colours
 * seen keeps that fast on a map of flat fills. Frames after the first hold
 * only the box of pixels that changed, the unchanged ones transparent, and
 * are laid over the previous frame. See anim_encode.h.
 */
#include "anim_encode.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <gif_lib.h>
#include <libimagequant.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "xalloc.h"

#define GIF_TRANSPARENT 255
#define CACHE_BITS 16

typedef struct GifState {
    GifFileType *gif;
    int w, h, delay_cs;
    uint32_t fixed[ANIM_GIF_MAX_FIXED];
    int nfixed;
    uint32_t palette[256];      /* 0xRRGGBB */
    int ncolors;                /* 0 until the first frame */
    uint8_t *cur, *prev, *row;  /* palette indices of this and the last frame */
    uint32_t *cache_key;        /* colour + 1 (0: empty) */
    uint8_t *cache_index;
    size_t nframes;
} GifState;

static bool gif_error(Error *err, const char *what, int code)
{
    return error_set(err, "writing the GIF failed (%s): %s", what, GifErrorString(code));
}

/* The palette from the first frame (RGB888 pixels) and the fixed colours. */
static bool make_palette(GifState *g, const SDL_Surface *s, Error *err)
{
    (void)err;                  /* a failed quantiser falls back: no error */
    uint8_t *rgba = xmalloc((size_t)g->w * (size_t)g->h * 4);
    for (int y = 0; y < g->h; y++) {
        const uint32_t *p = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch);
        uint8_t *o = rgba + (size_t)y * (size_t)g->w * 4;
        for (int x = 0; x < g->w; x++) {
            o[4 * x] = (uint8_t)(p[x] >> 16);
            o[4 * x + 1] = (uint8_t)(p[x] >> 8);
            o[4 * x + 2] = (uint8_t)p[x];
            o[4 * x + 3] = 255;
        }
    }
    liq_attr *attr = liq_attr_create();
    liq_histogram *hist = attr ? liq_histogram_create(attr) : NULL;
    liq_image *img = hist ? liq_image_create_rgba(attr, rgba, g->w, g->h, 0) : NULL;
    liq_result *res = NULL;
    bool ok = img != NULL && liq_set_max_colors(attr, 255) == LIQ_OK &&
              liq_set_speed(attr, 6) == LIQ_OK &&
              liq_histogram_add_image(hist, attr, img) == LIQ_OK;
    for (int k = 0; ok && k < g->nfixed; k++) {
        liq_color c = {(uint8_t)(g->fixed[k] >> 16), (uint8_t)(g->fixed[k] >> 8),
                       (uint8_t)g->fixed[k], 255};
        ok = liq_histogram_add_fixed_color(hist, c, 0) == LIQ_OK;
    }
    ok = ok && liq_histogram_quantize(hist, attr, &res) == LIQ_OK;
    if (ok) {
        const liq_palette *pal = liq_get_palette(res);
        g->ncolors = (int)pal->count;
        for (int k = 0; k < g->ncolors; k++)
            g->palette[k] = (uint32_t)pal->entries[k].r << 16 |
                            (uint32_t)pal->entries[k].g << 8 | pal->entries[k].b;
    }
    if (res) liq_result_destroy(res);
    if (img) liq_image_destroy(img);
    if (hist) liq_histogram_destroy(hist);
    if (attr) liq_attr_destroy(attr);
    free(rgba);
    if (!ok) {
        /* A plain palette: the fixed colours and a 6x6x6 cube. */
        g->ncolors = 0;
        for (int k = 0; k < g->nfixed; k++) g->palette[g->ncolors++] = g->fixed[k];
        for (int r = 0; r < 6; r++)
            for (int gr = 0; gr < 6; gr++)
                for (int b = 0; b < 6 && g->ncolors < 255; b++)
                    g->palette[g->ncolors++] = (uint32_t)(r * 51) << 16 |
                                               (uint32_t)(gr * 51) << 8 | (uint32_t)(b * 51);
    }
    /* The fixed colours exactly, whatever the quantiser rounded: each
     * takes the place of its nearest entry when it is not there. */
    for (int k = 0; k < g->nfixed; k++) {
        int best = -1;
        long best_d = -1;
        bool found = false;
        for (int i = 0; i < g->ncolors && !found; i++) {
            if (g->palette[i] == g->fixed[k]) found = true;
            bool fixed_before = false;
            for (int j = 0; j < k; j++) fixed_before |= g->palette[i] == g->fixed[j];
            if (fixed_before) continue;
            long dr = (long)(g->palette[i] >> 16 & 255) - (long)(g->fixed[k] >> 16 & 255);
            long dg = (long)(g->palette[i] >> 8 & 255) - (long)(g->fixed[k] >> 8 & 255);
            long db = (long)(g->palette[i] & 255) - (long)(g->fixed[k] & 255);
            long d = dr * dr + dg * dg + db * db;
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = i;
            }
        }
        if (!found && g->ncolors < 255) g->palette[g->ncolors++] = g->fixed[k];
        else if (!found && best >= 0) g->palette[best] = g->fixed[k];
    }
    return true;
}

/* The palette index nearest to rgb. */
static uint8_t nearest(GifState *g, uint32_t rgb)
{
    uint32_t h = (rgb * 2654435761u) >> (32 - CACHE_BITS);
    if (g->cache_key[h] == rgb + 1) return g->cache_index[h];
    int r = (int)(rgb >> 16 & 255), gr = (int)(rgb >> 8 & 255), b = (int)(rgb & 255);
    int best = 0;
    long best_d = -1;
    for (int i = 0; i < g->ncolors; i++) {
        long dr = (long)(g->palette[i] >> 16 & 255) - r;
        long dg = (long)(g->palette[i] >> 8 & 255) - gr;
        long db = (long)(g->palette[i] & 255) - b;
        long d = dr * dr + dg * dg + db * db;
        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = i;
            if (d == 0) break;
        }
    }
    g->cache_key[h] = rgb + 1;
    g->cache_index[h] = (uint8_t)best;
    return (uint8_t)best;
}

static bool write_header(GifState *g, Error *err)
{
    GifColorType colors[256] = {{0, 0, 0}};
    for (int k = 0; k < g->ncolors; k++)
        colors[k] = (GifColorType){(GifByteType)(g->palette[k] >> 16),
                                   (GifByteType)(g->palette[k] >> 8),
                                   (GifByteType)g->palette[k]};
    ColorMapObject *map = GifMakeMapObject(256, colors);
    if (map == NULL) return error_set(err, "out of memory");
    EGifSetGifVersion(g->gif, true);
    bool ok = EGifPutScreenDesc(g->gif, g->w, g->h, 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    if (!ok) return gif_error(err, "header", g->gif->Error);
    /* Loop forever (the NETSCAPE2.0 application extension). */
    static const unsigned char loop[3] = {1, 0, 0};
    if (EGifPutExtensionLeader(g->gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(g->gif, 11, "NETSCAPE2.0") != GIF_OK ||
        EGifPutExtensionBlock(g->gif, 3, loop) != GIF_OK ||
        EGifPutExtensionTrailer(g->gif) != GIF_OK)
        return gif_error(err, "loop", g->gif->Error);
    return true;
}

static bool gif_add(void *state, SDL_Surface *s, Error *err)
{
    GifState *g = state;
    SM_ASSERT(s->w >= g->w && s->h >= g->h && s->format->BytesPerPixel == 4);
    if (g->ncolors == 0) {
        if (!make_palette(g, s, err) || !write_header(g, err)) return false;
    }
    for (int y = 0; y < g->h; y++) {
        const uint32_t *p = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch);
        uint8_t *o = g->cur + (size_t)y * g->w;
        uint32_t last = 0xFFFFFFFFu;
        uint8_t idx = 0;
        for (int x = 0; x < g->w; x++) {
            uint32_t rgb = p[x] & 0xFFFFFFu;
            if (rgb != last) {
                idx = nearest(g, rgb);
                last = rgb;
            }
            o[x] = idx;
        }
    }
    /* The box that changed since the last frame (all of the first). */
    int x0 = 0, y0 = 0, x1 = g->w - 1, y1 = g->h - 1;
    bool first = g->nframes == 0;
    if (!first) {
        x0 = g->w;
        y0 = g->h;
        x1 = y1 = -1;
        for (int y = 0; y < g->h; y++) {
            const uint8_t *a = g->cur + (size_t)y * g->w, *b = g->prev + (size_t)y * g->w;
            if (memcmp(a, b, (size_t)g->w) == 0) continue;
            if (y < y0) y0 = y;
            y1 = y;
            for (int x = 0; x < g->w; x++) {
                if (a[x] == b[x]) continue;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
            }
        }
        if (x1 < 0) x0 = y0 = x1 = y1 = 0;   /* nothing changed: one clear pixel */
    }
    GraphicsControlBlock gcb = {.DisposalMode = DISPOSE_DO_NOT, .UserInputFlag = false,
                                .DelayTime = g->delay_cs,
                                .TransparentColor = first ? NO_TRANSPARENT_COLOR
                                                          : GIF_TRANSPARENT};
    GifByteType ext[4];
    size_t len = EGifGCBToExtension(&gcb, ext);
    int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    if (EGifPutExtension(g->gif, GRAPHICS_EXT_FUNC_CODE, (int)len, ext) != GIF_OK ||
        EGifPutImageDesc(g->gif, x0, y0, bw, bh, false, NULL) != GIF_OK)
        return gif_error(err, "frame", g->gif->Error);
    for (int y = y0; y <= y1; y++) {
        const uint8_t *a = g->cur + (size_t)y * g->w + x0;
        const uint8_t *b = g->prev + (size_t)y * g->w + x0;
        for (int x = 0; x < bw; x++) g->row[x] = first || a[x] != b[x] ? a[x] : GIF_TRANSPARENT;
        if (EGifPutLine(g->gif, g->row, bw) != GIF_OK)
            return gif_error(err, "frame", g->gif->Error);
    }
    uint8_t *t = g->prev;
    g->prev = g->cur;
    g->cur = t;
    g->nframes++;
    return true;
}

static void gif_free(GifState *g)
{
    free(g->cur);
    free(g->prev);
    free(g->row);
    free(g->cache_key);
    free(g->cache_index);
    free(g);
}

static bool gif_finish(void *state, Error *err)
{
    GifState *g = state;
    int code = 0;
    bool ok = EGifCloseFile(g->gif, &code) == GIF_OK;
    gif_free(g);
    return ok || gif_error(err, "closing", code);
}

static void gif_abort(void *state)
{
    GifState *g = state;
    int code = 0;
    EGifCloseFile(g->gif, &code);
    gif_free(g);
}

bool anim_gif_open(AnimSink *sink, const char *path, int w, int h, int fps,
                   const uint32_t *fixed, int nfixed, Error *err)
{
    SM_ASSERT(nfixed >= 0 && nfixed <= ANIM_GIF_MAX_FIXED && w > 0 && h > 0 && fps > 0);
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0) return error_set(err, "cannot write the GIF: %s", strerror(errno));
    int code = 0;
    GifFileType *gif = EGifOpenFileHandle(fd, &code);
    if (gif == NULL) {
        close(fd);
        return gif_error(err, "open", code);
    }
    GifState *g = xcalloc(1, sizeof *g);
    g->gif = gif;
    g->w = w;
    g->h = h;
    int delay = (100 + fps / 2) / fps;
    g->delay_cs = delay < 2 ? 2 : delay;
    memcpy(g->fixed, fixed, (size_t)nfixed * sizeof *fixed);
    g->nfixed = nfixed;
    g->cur = xmalloc((size_t)w * (size_t)h);
    g->prev = xmalloc((size_t)w * (size_t)h);
    g->row = xmalloc((size_t)w);
    g->cache_key = xcalloc((size_t)1 << CACHE_BITS, sizeof *g->cache_key);
    g->cache_index = xcalloc((size_t)1 << CACHE_BITS, 1);
    *sink = (AnimSink){g, gif_add, gif_finish, gif_abort, "giflib"};
    return true;
}

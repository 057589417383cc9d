/*
 * test_anim_write: animations as files, read back by the libraries that
 * play them. The GIF decoded by giflib: one image per step, the six event
 * colours in its palette exactly and every pixel of a marker's colour in
 * the frame drawn by export_draw still that colour in the GIF. The MP4
 * decoded by libavformat/libavcodec: H.264 yuv420p, moov before mdat
 * (+faststart), one picture per step, each equal to the PNG of its step
 * within the codec's tolerance (stated at VIDEO_MEAN_TOLERANCE). The WebM
 * as VP9. The PNG folder byte-equal to export_draw. Fixed colour classes
 * over all frames. Atomic writes: a failed, cancelled or refused
 * animation leaves nothing at the target and no temporary file.
 */
#include "testutil.h"

#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <gif_lib.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "anim.h"
#include "anim_write.h"
#include "bundled.h"
#include "date.h"
#include "export.h"
#include "scene.h"

/* The MP4's pictures against the PNGs of the same steps: the mean of
 * |difference| over all pixels and channels (0..255) at most this, and
 * at most VIDEO_FAR_SHARE of the pixels off by more than VIDEO_FAR in
 * a channel (4:2:0 chroma smears a pixel's colour over its neighbours
 * at marker and text edges; CRF 18 keeps the rest close). Measured at
 * 802x450: mean 1.1, 0.01% of the pixels off by more than 64. */
#define VIDEO_MEAN_TOLERANCE 2.0
#define VIDEO_FAR 64
#define VIDEO_FAR_SHARE 0.001

/* The GIF's marker pixels: translucent fills drawn over the map are blends
 * of their type's colour; the palette holds the six colours and the blends
 * of the first frame exactly, others go to the nearest entry, at most this
 * far off in a channel for 90% of the markers (measured: 95%, a third of
 * them exact). */
#define GIF_MARKER_TOLERANCE 16

static EventSet set;
static Basemap map;
static char data_path[4200];
static FrameData drawn_from;

static int32_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static int setup(void **state)
{
    (void)state;
    /* 6,000 synthetic events in 2022: enough markers in every month. */
    snprintf(data_path, sizeof data_path, "%s/anim-events.json", OUTPUT_DIR);
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "'%s' --count 6000 --from 2022 --to 2022 --seed 7 -o '%s'",
             GEN_PATH, data_path);
    if (system(cmd) != 0) return -1;
    LoadReport rep;
    if (!load_one(&set, data_path, &rep)) return -1;
    char asset[4096];
    bundled_asset(test_config(), "sahel-basemap.json", asset, sizeof asset);
    Error err;
    if (!basemap_load(&map, asset, &err)) return -1;
    Proj laea;
    proj_init(&laea, PROJ_LAEA);
    basemap_project(&map, &laea);
    static char *inputs[1];
    inputs[0] = data_path;
    drawn_from = (FrameData){.set = &set, .map = &map, .event_credit = "Events: test",
                              .inputs = inputs, .ninputs = 1};
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    basemap_free(&map);
    events_free(&set);
    return 0;
}

/* Monthly steps over 2022 at w x h, markers only. */
static void request(Figure *fig, AnimOptions *opt, AnimFormat format, const char *name,
                    int w, int h)
{
    figure_init(fig);
    fig->width = w;
    fig->height = h;
    fig->day0 = D(2022, 1, 1);
    fig->day1 = D(2022, 12, 31);
    fig->layer = SCENE_LAYER_MARKERS;
    anim_options_init(opt);
    opt->format = format;
    opt->step = ANIM_STEP_MONTH;
    opt->fps = 5;
    snprintf(opt->path, sizeof opt->path, "%s/%s", OUTPUT_DIR, name);
    if (format == ANIM_FORMAT_FRAMES) {
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", opt->path);
        assert_int_equal(system(cmd), 0);
    } else {
        unlink(opt->path);
    }
}

/* The PNG of frame k of the animation, as export_draw makes it. */
static SDL_Surface *draw_frame(const Figure *fig, const AnimOptions *opt, size_t k,
                               size_t *nframes, Scene *scene)
{
    Figure base;
    AnimFrame *frames = NULL;
    Error err;
    assert_true(anim_plan(&drawn_from, fig, opt, &base, &frames, nframes, &err));
    assert_true(k < *nframes);
    Figure f;
    anim_frame_figure(&base, &frames[k], &f);
    SDL_Surface *s = export_draw(&drawn_from, &f, scene, &err);
    assert_non_null(s);
    figure_free(&f);
    figure_free(&base);
    free(frames);
    return s;
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch))[x] & 0xFFFFFF;
}

/* No "NAME.XXXXXX" temporary left beside the outputs. */
static void assert_no_temporaries(const char *name)
{
    DIR *d = opendir(OUTPUT_DIR);
    assert_non_null(d);
    struct dirent *e;
    size_t len = strlen(name);
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, name, len) == 0 && e->d_name[len] == '.')
            fail_msg("temporary left: %s", e->d_name);
    closedir(d);
}

/* ------------------------------------------------------------------------- */
/* GIF                                                                       */
/* ------------------------------------------------------------------------- */

static void test_gif_palette_is_exact(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    request(&fig, &opt, ANIM_FORMAT_GIF, "anim.gif", 1280, 720);
    AnimReport rep;
    Error err;
    assert_true(anim_write(&drawn_from, &fig, &opt, NULL, &rep, &err));
    assert_int_equal(rep.frames, 12);
    assert_no_temporaries("anim.gif");

    int code = 0;
    GifFileType *gif = DGifOpenFileName(opt.path, &code);
    assert_non_null(gif);
    assert_int_equal(DGifSlurp(gif), GIF_OK);
    assert_int_equal(gif->ImageCount, 12);
    assert_int_equal(gif->SWidth, 1280);
    assert_int_equal(gif->SHeight, 720);
    const ColorMapObject *cm = gif->SColorMap;
    assert_non_null(cm);
    /* The six event colours are palette entries, exactly. */
    int entry[EVENT_TYPE_COUNT];
    for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
        uint32_t c = scene_type_color((EventType)t) & 0xFFFFFF;
        entry[t] = -1;
        for (int i = 0; i < cm->ColorCount; i++) {
            const GifColorType *g = &cm->Colors[i];
            if (((uint32_t)g->Red << 16 | (uint32_t)g->Green << 8 | g->Blue) == c) entry[t] = i;
        }
        if (entry[t] < 0) fail_msg("event colour %06x is not in the palette", (unsigned)c);
    }
    /* Each frame composed as a player does (each image laid over the
     * last, its transparent index showing what is under), against the PNG
     * of that step: every pixel of a pure event colour stays that entry,
     * and the markers' pixels (their centres, translucent fills drawn over
     * the map) keep the colour they were drawn in: all of them in the
     * first frame, whose marker colours the palette holds, and nearly all
     * later (a marker over a fill the first frame had none on takes the
     * nearest entry). */
    uint8_t *canvas = calloc((size_t)gif->SWidth * gif->SHeight, 1);
    size_t nframes = 0, pure_pixels = 0, centres = 0, centres_exact = 0, centres_close = 0;
    double total_err = 0;
    for (int k = 0; k < gif->ImageCount; k++) {
        const SavedImage *im = &gif->SavedImages[k];
        GraphicsControlBlock gcb;
        assert_int_equal(DGifSavedExtensionToGCB(gif, k, &gcb), GIF_OK);
        assert_int_equal(gcb.DelayTime, 20);                 /* 5 fps */
        const GifImageDesc *dsc = &im->ImageDesc;
        for (int y = 0; y < dsc->Height; y++)
            for (int x = 0; x < dsc->Width; x++) {
                uint8_t v = im->RasterBits[(size_t)y * dsc->Width + x];
                if (v == gcb.TransparentColor) continue;
                canvas[(size_t)(y + dsc->Top) * gif->SWidth + x + dsc->Left] = v;
            }
        Scene scene;
        SDL_Surface *png = draw_frame(&fig, &opt, (size_t)k, &nframes, &scene);
#define GIF_RGB(x, y) ((uint32_t)cm->Colors[canvas[(size_t)(y) * png->w + (x)]].Red << 16 | \
                       (uint32_t)cm->Colors[canvas[(size_t)(y) * png->w + (x)]].Green << 8 | \
                       cm->Colors[canvas[(size_t)(y) * png->w + (x)]].Blue)
        for (int y = 0; y < png->h; y++)
            for (int x = 0; x < png->w; x++) {
                uint32_t want = pixel(png, x, y), got = GIF_RGB(x, y);
                total_err += abs((int)(want >> 16) - (int)(got >> 16)) +
                             abs((int)(want >> 8 & 255) - (int)(got >> 8 & 255)) +
                             abs((int)(want & 255) - (int)(got & 255));
                for (int t = 1; t < EVENT_TYPE_COUNT; t++) {
                    if (want != (scene_type_color((EventType)t) & 0xFFFFFF)) continue;
                    pure_pixels++;
                    if (canvas[(size_t)y * png->w + x] != entry[t])
                        fail_msg("frame %d (%d,%d): event colour %06x became %06x", k, x, y,
                                 (unsigned)want, (unsigned)got);
                }
            }
        for (size_t m = 0; m < scene.nmarkers; m++) {
            int x = (int)floorf(scene.markers[m].x), y = (int)floorf(scene.markers[m].y);
            if (x < 0 || y < 0 || x >= png->w || y >= png->h) continue;
            uint32_t want = pixel(png, x, y), got = GIF_RGB(x, y);
            int worst = 0;
            for (int c = 0; c < 24; c += 8) {
                int diff = abs((int)(want >> c & 255) - (int)(got >> c & 255));
                if (diff > worst) worst = diff;
            }
            centres++;
            centres_exact += worst == 0;
            centres_close += worst <= GIF_MARKER_TOLERANCE;
        }
#undef GIF_RGB
        scene_free(&scene);
        SDL_FreeSurface(png);
    }
    assert_int_equal(nframes, 12);
    double mean = total_err / (3.0 * 1280 * 720 * 12);
    print_message("GIF: of %zu marker centres %zu exact, %zu within %d; %zu pure "
                  "event-colour pixels exact; mean error %.3f per channel\n", centres,
                  centres_exact, centres_close, GIF_MARKER_TOLERANCE, pure_pixels, mean);
    assert_true(centres > 1000);
    assert_true(centres_close >= centres * 9 / 10);
    assert_true(mean < 3.0);
    free(canvas);
    DGifCloseFile(gif, &code);
    figure_free(&fig);
}

/* ------------------------------------------------------------------------- */
/* Video                                                                     */
/* ------------------------------------------------------------------------- */

typedef struct Decoded {
    enum AVCodecID codec;
    int w, h, pix_fmt, frames;
    SDL_Surface *pictures[16];     /* as RGB888, the first 16 */
} Decoded;

/* Decodes every picture of a video file into d (freed by decoded_free). */
static void decode(const char *path, Decoded *d)
{
    memset(d, 0, sizeof *d);
    AVFormatContext *fmt = NULL;
    assert_int_equal(avformat_open_input(&fmt, path, NULL, NULL), 0);
    assert_true(avformat_find_stream_info(fmt, NULL) >= 0);
    int si = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
    assert_true(si >= 0);
    const AVCodecParameters *par = fmt->streams[si]->codecpar;
    d->codec = par->codec_id;
    d->w = par->width;
    d->h = par->height;
    d->pix_fmt = par->format;
    const AVCodec *codec = avcodec_find_decoder(par->codec_id);
    assert_non_null(codec);
    AVCodecContext *dec = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(dec, par);
    assert_int_equal(avcodec_open2(dec, codec, NULL), 0);
    AVPacket *pkt = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    struct SwsContext *sws = NULL;
    bool draining = false, sent = false;
    for (;;) {
        int rc = 0;
        if (!draining) {
            rc = av_read_frame(fmt, pkt);
            if (rc < 0) {
                draining = true;
                avcodec_send_packet(dec, NULL);
            } else if (pkt->stream_index != si) {
                av_packet_unref(pkt);
                continue;
            }
        }
        for (;;) {
            if (!draining && !sent) {
                int sr = avcodec_send_packet(dec, pkt);
                if (sr != AVERROR(EAGAIN)) {
                    sent = true;
                    av_packet_unref(pkt);
                }
            }
            rc = avcodec_receive_frame(dec, frame);
            if (rc != 0) {
                if (!draining && !sent) continue;      /* room made: send again */
                break;
            }
            if (d->frames < 16) {
                SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, frame->width, frame->height,
                                                                32, SDL_PIXELFORMAT_RGB888);
                sws = sws_getCachedContext(sws, frame->width, frame->height, frame->format,
                                           frame->width, frame->height, AV_PIX_FMT_BGR0,
                                           SWS_BICUBIC | SWS_ACCURATE_RND |
                                               SWS_FULL_CHR_H_INT, NULL, NULL, NULL);
                const int *bt709 = sws_getCoefficients(SWS_CS_ITU709);
                sws_setColorspaceDetails(sws, bt709, 0, bt709, 1, 0, 1 << 16, 1 << 16);
                uint8_t *dst[4] = {s->pixels, NULL, NULL, NULL};
                int stride[4] = {s->pitch, 0, 0, 0};
                sws_scale(sws, (const uint8_t *const *)frame->data, frame->linesize, 0,
                          frame->height, dst, stride);
                d->pictures[d->frames] = s;
            }
            d->frames++;
        }
        sent = false;
        if (draining && rc == AVERROR_EOF) break;
    }
    sws_freeContext(sws);
    av_frame_free(&frame);
    av_packet_free(&pkt);
    avcodec_free_context(&dec);
    avformat_close_input(&fmt);
}

static void decoded_free(Decoded *d)
{
    for (int k = 0; k < 16; k++) SDL_FreeSurface(d->pictures[k]);
}

/* Where the first "moov" and "mdat" boxes start in an MP4's top level. */
static void box_order(const char *path, long *moov, long *mdat)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    *moov = *mdat = -1;
    long at = 0;
    unsigned char h[8];
    while (fread(h, 1, 8, f) == 8) {
        uint32_t size = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
        if (memcmp(h + 4, "moov", 4) == 0 && *moov < 0) *moov = at;
        if (memcmp(h + 4, "mdat", 4) == 0 && *mdat < 0) *mdat = at;
        if (size < 8) break;
        at += size;
        if (fseek(f, at, SEEK_SET) != 0) break;
    }
    fclose(f);
}

static void test_mp4_frames_match_pngs(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    request(&fig, &opt, ANIM_FORMAT_MP4, "anim.mp4", 802, 451);   /* odd: cut to even */
    AnimReport rep;
    Error err;
    assert_true(anim_write(&drawn_from, &fig, &opt, NULL, &rep, &err));
    assert_string_equal(rep.codec, "libx264");
    assert_int_equal(rep.width, 802);
    assert_int_equal(rep.height, 450);
    assert_no_temporaries("anim.mp4");
    long moov, mdat;
    box_order(opt.path, &moov, &mdat);
    assert_true(moov > 0 && mdat > 0 && moov < mdat);      /* +faststart */

    Decoded d;
    decode(opt.path, &d);
    assert_int_equal(d.codec, AV_CODEC_ID_H264);
    assert_int_equal(d.pix_fmt, AV_PIX_FMT_YUV420P);
    assert_int_equal(d.w, 802);
    assert_int_equal(d.h, 450);
    assert_int_equal(d.frames, 12);
    for (int k = 0; k < 12; k += 5) {                       /* frames 0, 5, 10 */
        size_t n = 0;
        SDL_Surface *png = draw_frame(&fig, &opt, (size_t)k, &n, NULL);
        double sum = 0;
        size_t far = 0;
        for (int y = 0; y < d.h; y++)
            for (int x = 0; x < d.w; x++) {
                uint32_t a = pixel(png, x, y), b = pixel(d.pictures[k], x, y);
                int worst = 0;
                for (int c = 0; c < 24; c += 8) {
                    int diff = abs((int)(a >> c & 255) - (int)(b >> c & 255));
                    sum += diff;
                    if (diff > worst) worst = diff;
                }
                if (worst > VIDEO_FAR) far++;
            }
        double mean = sum / (3.0 * d.w * d.h), share = (double)far / ((double)d.w * d.h);
        print_message("MP4 frame %d: mean |diff| %.3f, %.4f%% of pixels off by > %d\n", k,
                      mean, 100 * share, VIDEO_FAR);
        if (k == 5) {                      /* kept to be looked at */
            char path[4200];
            snprintf(path, sizeof path, "%s/anim-mp4-frame-5-decoded.png", OUTPUT_DIR);
            IMG_SavePNG(d.pictures[k], path);
        }
        if (mean > VIDEO_MEAN_TOLERANCE || share > VIDEO_FAR_SHARE) {
            char path[4200];
            snprintf(path, sizeof path, "%s/anim-mp4-frame-%d-decoded.png", OUTPUT_DIR, k);
            IMG_SavePNG(d.pictures[k], path);
            snprintf(path, sizeof path, "%s/anim-mp4-frame-%d-expected.png", OUTPUT_DIR, k);
            IMG_SavePNG(png, path);
            fail_msg("frame %d differs from its PNG beyond the tolerance", k);
        }
        SDL_FreeSurface(png);
    }
    decoded_free(&d);
    figure_free(&fig);
}

static void test_webm_is_vp9(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    request(&fig, &opt, ANIM_FORMAT_WEBM, "anim.webm", 480, 270);
    opt.step = ANIM_STEP_MONTH;
    fig.day1 = D(2022, 3, 31);
    AnimReport rep;
    Error err;
    assert_true(anim_write(&drawn_from, &fig, &opt, NULL, &rep, &err));
    Decoded d;
    decode(opt.path, &d);
    assert_int_equal(d.codec, AV_CODEC_ID_VP9);
    assert_int_equal(d.frames, 3);
    assert_int_equal(d.w, 480);
    decoded_free(&d);
    figure_free(&fig);
}

/* ------------------------------------------------------------------------- */
/* PNG folder, colour classes, atomic writes                                 */
/* ------------------------------------------------------------------------- */

static void test_frames_folder(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    request(&fig, &opt, ANIM_FORMAT_FRAMES, "anim-frames", 320, 180);
    opt.step = ANIM_STEP_WEEK;
    fig.day1 = D(2022, 2, 25);                 /* 8 weeks */
    Error err;
    AnimReport rep;
    assert_true(anim_write(&drawn_from, &fig, &opt, NULL, &rep, &err));
    assert_int_equal(rep.frames, 8);
    char path[4200];
    for (int k = 1; k <= 9; k++) {
        snprintf(path, sizeof path, "%s/frame-%06d.png", opt.path, k);
        struct stat st;
        assert_int_equal(stat(path, &st) == 0, k <= 8);
    }
    snprintf(path, sizeof path, "%s/frame-000003.png", opt.path);
    SDL_Surface *read = IMG_Load(path);
    assert_non_null(read);
    SDL_Surface *got = SDL_ConvertSurfaceFormat(read, SDL_PIXELFORMAT_RGB888, 0);
    size_t n = 0;
    SDL_Surface *want = draw_frame(&fig, &opt, 2, &n, NULL);
    for (int y = 0; y < want->h; y++)
        for (int x = 0; x < want->w; x++) assert_int_equal(pixel(got, x, y), pixel(want, x, y));
    SDL_FreeSurface(read);
    SDL_FreeSurface(got);
    SDL_FreeSurface(want);
    /* Again into the folder that is now there: the frames replaced. */
    assert_true(anim_write(&drawn_from, &fig, &opt, NULL, &rep, &err));
    assert_no_temporaries("anim-frames");
    figure_free(&fig);
}

static void test_colour_classes_fixed(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    request(&fig, &opt, ANIM_FORMAT_GIF, "unused.gif", 640, 360);
    fig.layer = SCENE_LAYER_DENSITY;
    opt.step = ANIM_STEP_MONTH;
    Figure base;
    AnimFrame *frames = NULL;
    size_t n = 0;
    Error err;
    assert_true(anim_plan(&drawn_from, &fig, &opt, &base, &frames, &n, &err));
    assert_int_equal(n, 12);
    assert_int_equal(base.fit, FIGURE_FIT_CENTER);          /* one view for all */
    /* class_max is the largest events-per-cell of any frame drawn alone. */
    double top = 0;
    for (size_t k = 0; k < n; k++) {
        Figure f;
        anim_frame_figure(&base, &frames[k], &f);
        f.class_max = 0;
        Scene scene;
        SDL_Surface *s = export_draw(&drawn_from, &f, &scene, &err);
        assert_non_null(s);
        assert_int_equal(scene.grid.kind, GRID_DENSITY);
        if (scene.grid.max_count > top) top = scene.grid.max_count;
        scene_free(&scene);
        SDL_FreeSurface(s);
        figure_free(&f);
    }
    assert_true(top > 1);
    assert_true(base.class_max == top);
    /* Every frame is drawn with it: the legend's top is the same number. */
    Figure f;
    anim_frame_figure(&base, &frames[0], &f);
    Scene scene;
    SDL_Surface *s = export_draw(&drawn_from, &f, &scene, &err);
    char want[32];
    scene_format_count((int64_t)top, want, sizeof want);
    bool found = false;
    for (size_t i = 0; i < scene.nitems; i++)
        if (scene.items[i].kind == ITEM_TEXT &&
            strcmp(scene_text(&scene, scene.items[i].u.text.text), want) == 0)
            found = true;
    assert_true(found);
    assert_true(fabsf(scene.grid.max - (float)top) < 1e-3f);
    scene_free(&scene);
    SDL_FreeSurface(s);
    figure_free(&f);
    figure_free(&base);
    free(frames);
    figure_free(&fig);
}

static bool cancel_at_three(void *ctx, size_t done, size_t total)
{
    (void)total;
    *(size_t *)ctx = done;
    return done < 3;
}

static void test_failures_leave_nothing(void **state)
{
    (void)state;
    Figure fig;
    AnimOptions opt;
    Error err;
    /* Cancelled after three frames: no file, no temporary. */
    request(&fig, &opt, ANIM_FORMAT_MP4, "cancelled.mp4", 320, 180);
    size_t seen = 0;
    AnimProgress progress = {cancel_at_three, &seen};
    assert_false(anim_write(&drawn_from, &fig, &opt, &progress, NULL, &err));
    assert_int_equal(seen, 3);
    assert_non_null(strstr(err.msg, "cancelled"));
    assert_int_equal(access(opt.path, F_OK), -1);
    assert_no_temporaries("cancelled.mp4");
    figure_free(&fig);
    /* The same for a folder of frames. */
    request(&fig, &opt, ANIM_FORMAT_FRAMES, "cancelled-frames", 320, 180);
    assert_false(anim_write(&drawn_from, &fig, &opt, &progress, NULL, &err));
    assert_int_equal(access(opt.path, F_OK), -1);
    assert_no_temporaries("cancelled-frames");
    figure_free(&fig);
    /* A folder that does not exist. */
    request(&fig, &opt, ANIM_FORMAT_GIF, "no-such-dir/x.gif", 320, 180);
    assert_false(anim_write(&drawn_from, &fig, &opt, NULL, NULL, &err));
    assert_non_null(strstr(err.msg, "no-such-dir/x.gif: cannot write here"));
    figure_free(&fig);
    /* An input file is never the target. */
    figure_init(&fig);
    fig.width = 320;
    fig.height = 180;
    snprintf(opt.path, sizeof opt.path, "%.4000s", data_path);
    opt.format = ANIM_FORMAT_GIF;
    assert_false(anim_write(&drawn_from, &fig, &opt, NULL, NULL, &err));
    assert_non_null(strstr(err.msg, "refusing to overwrite an input file"));
    /* A target that is a folder. */
    snprintf(opt.path, sizeof opt.path, "%s", OUTPUT_DIR);
    assert_false(anim_write(&drawn_from, &fig, &opt, NULL, NULL, &err));
    assert_non_null(strstr(err.msg, "is a directory"));
    figure_free(&fig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gif_palette_is_exact),
        cmocka_unit_test(test_mp4_frames_match_pngs),
        cmocka_unit_test(test_webm_is_vp9),
        cmocka_unit_test(test_frames_folder),
        cmocka_unit_test(test_colour_classes_fixed),
        cmocka_unit_test(test_failures_leave_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

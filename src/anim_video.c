/*
 * anim_video: MP4 and WebM through FFmpeg's libraries. Frames are turned
 * from the export's RGB into BT.709 limited-range YUV 4:2:0 by libswscale
 * (and tagged so), encoded by libx264 (MP4: high profile, CRF 18, preset
 * veryfast, the moov atom moved to the front for playing while loading)
 * or libvpx-vp9 (WebM: CRF 31; libvpx's VP8 when VP9 is missing), and
 * muxed by libavformat. FFmpeg's log is silenced: errors come back as
 * Errors. See anim_encode.h.
 */
#include "anim_encode.h"

#include <SDL.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xalloc.h"

typedef struct VideoState {
    AVFormatContext *fmt;
    AVCodecContext *enc;
    AVStream *stream;
    AVFrame *frame;
    AVPacket *pkt;
    struct SwsContext *sws;
    int w, h;
    int64_t pts;
} VideoState;

static bool av_fail(Error *err, const char *what, int code)
{
    char why[AV_ERROR_MAX_STRING_SIZE] = "";
    av_strerror(code, why, sizeof why);
    return error_set(err, "encoding the video failed (%s): %s", what, why);
}

/* Sends frame (NULL: the end) and writes the packets that come out. */
static bool encode(VideoState *v, AVFrame *frame, Error *err)
{
    int rc = avcodec_send_frame(v->enc, frame);
    if (rc < 0) return av_fail(err, "send", rc);
    for (;;) {
        rc = avcodec_receive_packet(v->enc, v->pkt);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return true;
        if (rc < 0) return av_fail(err, "encode", rc);
        /* Each picture lasts one frame: without a duration the MP4's edit
         * list ends at the last picture's start and players drop it. */
        if (v->pkt->duration <= 0) v->pkt->duration = 1;
        av_packet_rescale_ts(v->pkt, v->enc->time_base, v->stream->time_base);
        v->pkt->stream_index = v->stream->index;
        rc = av_interleaved_write_frame(v->fmt, v->pkt);
        av_packet_unref(v->pkt);
        if (rc < 0) return av_fail(err, "write", rc);
    }
}

static bool video_add(void *state, SDL_Surface *s, Error *err)
{
    VideoState *v = state;
    SM_ASSERT(s->w >= v->w && s->h >= v->h && s->format->BytesPerPixel == 4);
    int rc = av_frame_make_writable(v->frame);
    if (rc < 0) return av_fail(err, "frame", rc);
    const uint8_t *src[4] = {s->pixels, NULL, NULL, NULL};
    const int stride[4] = {s->pitch, 0, 0, 0};
    sws_scale(v->sws, src, stride, 0, v->h, v->frame->data, v->frame->linesize);
    v->frame->pts = v->pts++;
    return encode(v, v->frame, err);
}

static void video_free(VideoState *v)
{
    if (v->fmt != NULL && v->fmt->pb != NULL) avio_closep(&v->fmt->pb);
    avformat_free_context(v->fmt);
    avcodec_free_context(&v->enc);
    av_frame_free(&v->frame);
    av_packet_free(&v->pkt);
    sws_freeContext(v->sws);
    free(v);
}

static bool video_finish(void *state, Error *err)
{
    VideoState *v = state;
    bool ok = encode(v, NULL, err);
    int rc = ok ? av_write_trailer(v->fmt) : 0;
    if (rc < 0) ok = av_fail(err, "trailer", rc);
    if (v->fmt->pb != NULL) {
        rc = avio_closep(&v->fmt->pb);
        if (rc < 0 && ok) ok = av_fail(err, "close", rc);
    }
    video_free(v);
    return ok;
}

static void video_abort(void *state)
{
    video_free(state);
}

bool anim_video_open(AnimSink *sink, const char *path, AnimFormat format, int w, int h,
                     int fps, Error *err)
{
    SM_ASSERT(format == ANIM_FORMAT_MP4 || format == ANIM_FORMAT_WEBM);
    SM_ASSERT(w > 0 && h > 0 && w % 2 == 0 && h % 2 == 0 && fps > 0);
    av_log_set_level(AV_LOG_QUIET);
    bool mp4 = format == ANIM_FORMAT_MP4;
    const AVCodec *codec = avcodec_find_encoder_by_name(mp4 ? "libx264" : "libvpx-vp9");
    if (codec == NULL)
        codec = mp4 ? avcodec_find_encoder(AV_CODEC_ID_H264)
                    : avcodec_find_encoder_by_name("libvpx");
    if (codec == NULL)
        return error_set(err, "no %s encoder in this FFmpeg (libavcodec)",
                         mp4 ? "H.264" : "VP9 or VP8");
    VideoState *v = xcalloc(1, sizeof *v);
    v->w = w;
    v->h = h;
    int rc = avformat_alloc_output_context2(&v->fmt, NULL, mp4 ? "mp4" : "webm", path);
    bool ok = rc >= 0 || av_fail(err, "container", rc);
    if (ok) {
        v->stream = avformat_new_stream(v->fmt, NULL);
        v->enc = avcodec_alloc_context3(codec);
        v->frame = av_frame_alloc();
        v->pkt = av_packet_alloc();
        ok = (v->stream && v->enc && v->frame && v->pkt) || error_set(err, "out of memory");
    }
    AVDictionary *opts = NULL;
    if (ok) {
        AVCodecContext *c = v->enc;
        c->width = w;
        c->height = h;
        c->time_base = (AVRational){1, fps};
        c->framerate = (AVRational){fps, 1};
        c->pix_fmt = AV_PIX_FMT_YUV420P;
        c->gop_size = fps * 2;
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        c->color_range = AVCOL_RANGE_MPEG;
        c->thread_count = 0;                  /* as many as the machine has */
        if (v->fmt->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        if (strcmp(codec->name, "libx264") == 0) {
            av_dict_set(&opts, "preset", "veryfast", 0);
            av_dict_set(&opts, "crf", "18", 0);
            av_dict_set(&opts, "profile", "high", 0);
        } else if (strcmp(codec->name, "libvpx-vp9") == 0) {
            c->bit_rate = 0;
            av_dict_set(&opts, "crf", "31", 0);
            av_dict_set(&opts, "deadline", "good", 0);
            av_dict_set(&opts, "cpu-used", "5", 0);
            av_dict_set(&opts, "row-mt", "1", 0);
        } else if (strcmp(codec->name, "libvpx") == 0) {
            c->bit_rate = 4000000;
            av_dict_set(&opts, "crf", "10", 0);
            av_dict_set(&opts, "deadline", "good", 0);
            av_dict_set(&opts, "cpu-used", "4", 0);
        }
        rc = avcodec_open2(c, codec, &opts);
        ok = rc >= 0 || av_fail(err, "opening the encoder", rc);
    }
    av_dict_free(&opts);
    if (ok) {
        rc = avcodec_parameters_from_context(v->stream->codecpar, v->enc);
        v->stream->time_base = v->enc->time_base;
        ok = rc >= 0 || av_fail(err, "stream", rc);
    }
    if (ok) {
        v->frame->format = AV_PIX_FMT_YUV420P;
        v->frame->width = w;
        v->frame->height = h;
        v->frame->colorspace = AVCOL_SPC_BT709;
        v->frame->color_range = AVCOL_RANGE_MPEG;
        rc = av_frame_get_buffer(v->frame, 0);
        ok = rc >= 0 || av_fail(err, "frame", rc);
    }
    if (ok) {
        /* SDL's RGB888 is 0x00RRGGBB: bytes B, G, R, x on little-endian. */
        enum AVPixelFormat in = SDL_BYTEORDER == SDL_LIL_ENDIAN ? AV_PIX_FMT_BGR0
                                                                : AV_PIX_FMT_0RGB;
        v->sws = sws_getContext(w, h, in, w, h, AV_PIX_FMT_YUV420P,
                                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, NULL,
                                NULL, NULL);
        ok = v->sws != NULL || error_set(err, "cannot convert the frames to YUV");
    }
    if (ok) {
        const int *bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(v->sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        rc = avio_open(&v->fmt->pb, path, AVIO_FLAG_WRITE);
        ok = rc >= 0 || av_fail(err, "opening the file", rc);
    }
    if (ok) {
        AVDictionary *mux = NULL;
        if (mp4) av_dict_set(&mux, "movflags", "+faststart", 0);
        rc = avformat_write_header(v->fmt, &mux);
        av_dict_free(&mux);
        ok = rc >= 0 || av_fail(err, "header", rc);
    }
    if (!ok) {
        video_free(v);
        return false;
    }
    *sink = (AnimSink){v, video_add, video_finish, video_abort, codec->name};
    return true;
}

/*
 * anim_encode: the encoders behind anim_write, private to it. Each opens a
 * sink on a path (the temporary file anim_write later renames), takes
 * frames as SDL surfaces in the export's pixel format (RGB888, opaque)
 * and finishes or aborts; either way the sink's memory is released and
 * the file closed (an aborted file is left for anim_write to remove).
 */
#ifndef SAHELMAP_ANIM_ENCODE_H
#define SAHELMAP_ANIM_ENCODE_H

#include <stdbool.h>
#include <stdint.h>

#include "anim.h"
#include "error.h"

struct SDL_Surface;

#define ANIM_GIF_MAX_FIXED 192         /* colours a GIF palette keeps exactly */

typedef struct AnimSink {
    void *state;
    bool (*add)(void *state, struct SDL_Surface *frame, Error *err);
    bool (*finish)(void *state, Error *err);     /* trailer, close, free */
    void (*abort)(void *state);                  /* close, free */
    const char *codec;                           /* what encodes */
} AnimSink;

/* A GIF of w x h at fps (the delay is in hundredths of a second, at least
 * 2) looping forever. The palette is made from the first frame with
 * fixed[0..nfixed) (0xRRGGBB) in it exactly; each frame after the first
 * stores only the pixels that changed, the others transparent. */
bool anim_gif_open(AnimSink *sink, const char *path, int w, int h, int fps,
                   const uint32_t *fixed, int nfixed, Error *err);

/* An MP4 (H.264) or WebM (VP9/VP8) of w x h (both even) at fps. */
bool anim_video_open(AnimSink *sink, const char *path, AnimFormat format, int w, int h,
                     int fps, Error *err);

#endif

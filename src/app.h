/*
 * app: the interactive window. One context struct owns everything (the
 * events, the basemap, the view, the timeline, the filter, the ui state);
 * the loop polls input, maps it to commands, applies them, updates what is
 * derived from the state, and draws a frame only when something changed
 * (idle otherwise). Split as mpv splits its player (app_private.h):
 *
 *   app.c           state: open, close, layout, the figure of the view
 *   app_load.c      files loading in a background thread, drops queued
 *   app_commands.c  commands: apply, fit, zoom, cycling, screenshots
 *   app_basemap.c   the cached basemap texture
 *   app_frame.c     update (scene, hover, histogram, panels) and draw
 *   app_loop.c      input events, the mouse, the loop
 */
#ifndef SAHELMAP_APP_H
#define SAHELMAP_APP_H

#include "config.h"
#include "figure.h"

typedef struct AppOptions {
    int width, height;        /* initial window size (0: 1280x800) */
    const char *shots_dir;    /* where screenshots go (NULL: the config's) */
} AppOptions;

/* Opens the window on fig's files (the bundled data when it names none),
 * showing what fig asks for once they are loaded (projection, view, dates,
 * filters, layer, graticule; the window's own size and scale win), and
 * runs until the user quits. Returns the process exit status: 0 after a
 * normal quit, 1 when the window cannot be opened. */
int app_run(const Config *cfg, const Figure *fig, const AppOptions *options);

#endif

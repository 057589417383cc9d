/*
 * export: report-ready PNGs of a figure request, drawn without a display:
 * the basemap by raster straight into an SDL surface, then the Scene by
 * render through a software renderer on that surface, then SDL2_image
 * writes the PNG.
 * Writes are atomic: a temporary file in the target's directory, fsync,
 * rename. An interrupted or failed export never leaves a partial file at
 * the target path, and an input file is never overwritten. Only a regular
 * file (keeping its permissions) or a new name is written: a symlink, FIFO
 * or device at the target is refused, and so is a read-only target;
 * "-" writes the PNG to standard output as a stream. The temporary is
 * removed on SIGINT/SIGTERM/SIGHUP (export_signals_install) and, if a run
 * was killed outright, by the next export to that target.
 */
#ifndef SAHELMAP_EXPORT_H
#define SAHELMAP_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "basemap.h"
#include "error.h"
#include "events.h"
#include "figure.h"
#include "frame.h"
#include "filter.h"
#include "load.h"
#include "proj.h"
#include "scene.h"

#define EXPORT_MAX_SIDE FIGURE_MAX_SIDE

/* Draws fig into a new surface (RGB888, opaque) the caller frees with
 * SDL_FreeSurface; NULL with err on failure. When scene is not NULL it
 * receives the scene drawn, so a caller (the golden tests' text mask) can
 * see where things are: the caller releases it with scene_free, also after
 * a failure (then it is empty). */
struct SDL_Surface;
struct SDL_Surface *export_draw(const FrameData *data, const Figure *fig, Scene *scene,
                                Error *err);

/* Draws fig and writes the PNG to fig->output. False with err (a message
 * naming the path and the reason) on any failure, in which case the
 * target path is untouched. */
bool export_png(const FrameData *data, const Figure *fig, Error *err);

/* Writes fig->output in the format its extension names: .png (export_png),
 * .pdf or .svg (vector_export), "-" (a PNG on standard output). False
 * with err for another extension ("-o map.jpg: sahelmap writes .png, .pdf
 * and .svg"), nothing written. */
bool export_figure(const FrameData *data, const Figure *fig, Error *err);

/* Writes surface-format pixels to path atomically (tmp + fsync + rename),
 * or to standard output when path is "-" (refused when it is a terminal).
 * Used by export_png and the window's screenshots. */
bool export_write_png(struct SDL_Surface *surface, const char *path,
                      char *const *inputs, int ninputs, Error *err);

/* Makes SIGINT, SIGTERM and SIGHUP remove the temporary file being
 * written (outfile_signals_install), then end the program with that signal
 * (its exit status), and keeps SDL from installing handlers of its own.
 * For the command line's export; call before anything starts SDL. */
void export_signals_install(void);

/* The "Events: ..." credit for the events of set, decided by what they
 * are (provenance.h), wherever their files lie: the bundled curation by its
 * ids, sahelmap-gen output as synthetic, ACLED's or UCDP's attribution as
 * their terms ask (from reports[i], the report of paths[i]); every source
 * found is named. */
void export_event_credit(const EventSet *set, const LoadReport *reports,
                         char *const *paths, int n, char *out, size_t cap);

#endif

/*
 * vector: a figure as a PDF or SVG page for print, through Cairo's PDF and
 * SVG surfaces. The same frame and scene as the PNG (frame_scene_input,
 * scene_build), measured with the same fonts, so the layout is the PNG's;
 * but drawn as vectors: the basemap's borders and fills (raster_draw),
 * markers and town dots (marks_paint), and text as text with the fonts
 * embedded. A heatmap's smooth grid stays an image inside the page.
 *
 * The page is the figure's width x height pixels at its dpi (96 unless
 * --dpi or --page says otherwise): 1920x1080 is 20 x 11.25 inches.
 */
#ifndef SAHELMAP_VECTOR_H
#define SAHELMAP_VECTOR_H

#include <stdbool.h>

#include "error.h"
#include "figure.h"
#include "frame.h"
#include "scene.h"

typedef enum VectorFormat {
    VECTOR_PDF,
    VECTOR_SVG
} VectorFormat;

/* The format a path's extension asks for (".pdf", ".svg", any case);
 * false for another extension. */
bool vector_format_of(const char *path, VectorFormat *format);

/* Draws fig over data as a page of the format and writes it to
 * fig->output atomically (outfile). When scene is not NULL it receives the
 * scene drawn (free it with scene_free, also after a failure). False with
 * err, the target untouched, on failure. The basemap must be projected for
 * fig->proj. */
bool vector_export(const FrameData *data, const Figure *fig, VectorFormat format,
                   Scene *scene, Error *err);

#endif

/*
 * vector: PDF and SVG pages through Cairo. See vector.h.
 *
 * Sections: fonts and the measure; drawing a scene; the page.
 */
#include "vector.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "font.h"
#include "marks.h"
#include "outfile.h"
#include "raster.h"
#include "render.h"

bool vector_format_of(const char *path, VectorFormat *format)
{
    const char *dot = strrchr(path, '.');
    if (dot == NULL || strchr(dot, '/') != NULL) return false;
    if (strcasecmp(dot, ".pdf") == 0) *format = VECTOR_PDF;
    else if (strcasecmp(dot, ".svg") == 0) *format = VECTOR_SVG;
    else return false;
    return true;
}

/* ------------------------------------------------------------------------- */
/* Fonts                                                                     */
/* ------------------------------------------------------------------------- */

/* The page's faces: the same font files SDL_ttf opens for the PNG. */
typedef struct Faces {
    cairo_font_face_t *regular, *bold;
} Faces;

static cairo_font_face_t *face_for_file(const char *path)
{
    FcPattern *pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, (const FcChar8 *)path);
    FcPatternAddInteger(pattern, FC_INDEX, 0);
    cairo_font_face_t *face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    return face;
}

static bool faces_open(Faces *f, Error *err)
{
    char regular[1024], bold[1024];
    if (!font_find("DejaVu Sans:style=Book", regular, sizeof regular, err) ||
        !font_find("DejaVu Sans:style=Bold", bold, sizeof bold, err))
        return false;
    f->regular = face_for_file(regular);
    f->bold = face_for_file(bold);
    return true;
}

static void faces_close(Faces *f)
{
    if (f->regular) cairo_font_face_destroy(f->regular);
    if (f->bold) cairo_font_face_destroy(f->bold);
}

static void use_font(cairo_t *cr, const Faces *f, SceneFont font, float scale)
{
    cairo_set_font_face(cr, scene_font_bold(font) ? f->bold : f->regular);
    cairo_set_font_size(cr, scene_font_px(font, scale));
}

/* ------------------------------------------------------------------------- */
/* Drawing a scene                                                           */
/* ------------------------------------------------------------------------- */

static void set_argb(cairo_t *cr, uint32_t argb)
{
    cairo_set_source_rgba(cr, ((argb >> 16) & 0xFF) / 255.0, ((argb >> 8) & 0xFF) / 255.0,
                          (argb & 0xFF) / 255.0, (argb >> 24) / 255.0);
}

/* A text with its box's top-left at (x, y), as SDL_ttf places it: the
 * baseline one ascent below; a halo is the text's outline stroked wide. */
static void draw_text(cairo_t *cr, const Faces *faces, const Scene *s, const SceneLabel *l,
                      float halo_px)
{
    const char *text = scene_text(s, l->text);
    if (text[0] == '\0') return;
    use_font(cr, faces, (SceneFont)l->font, s->scale);
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    cairo_move_to(cr, l->x, l->y + fe.ascent);
    if (l->halo >> 24) {
        cairo_text_path(cr, text);
        set_argb(cr, l->halo);
        cairo_set_line_width(cr, 2 * halo_px);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, l->x, l->y + fe.ascent);
    }
    set_argb(cr, l->color);
    cairo_show_text(cr, text);
}

static void draw_marker(cairo_t *cr, const SceneMarker *m, float scale)
{
    if (m->r_high > m->r) marks_paint(cr, MARK_THIN_RING, m->x, m->y, m->r_high, scale, m->color);
    marks_paint(cr, m->style == MARKER_RING ? MARK_RING : MARK_DISC, m->x, m->y, m->r, scale,
                m->color);
}

static void draw_rect(cairo_t *cr, const SceneItem *it)
{
    double x = roundf(it->u.rect.x), y = roundf(it->u.rect.y);
    double w = roundf(it->u.rect.w), h = roundf(it->u.rect.h);
    if (it->color >> 24) {
        set_argb(cr, it->color);
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
    }
    if ((it->border >> 24) && it->border_w > 0) {
        double bw = fmax(1, round(it->border_w));     /* inside the box, as SDL draws it */
        set_argb(cr, it->border);
        cairo_set_line_width(cr, bw);
        cairo_rectangle(cr, x + bw / 2, y + bw / 2, w - bw, h - bw);
        cairo_stroke(cr);
    }
}

static void draw_polygon(cairo_t *cr, const SceneItem *it)
{
    set_argb(cr, it->color);
    cairo_new_path(cr);
    for (int k = 0; k < it->u.poly.n; k++)
        cairo_line_to(cr, it->u.poly.pts[k][0], it->u.poly.pts[k][1]);
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* The density layer as a rectangle per cell (vectors); a heatmap as its
 * cell image, smoothly scaled. */
static void draw_grid(cairo_t *cr, const Scene *s)
{
    const SceneGrid *g = &s->grid;
    if (g->kind == GRID_NONE || !(g->max > 0)) return;
    cairo_save(cr);
    cairo_rectangle(cr, s->view.x, s->view.y, s->view.w, s->view.h);
    cairo_clip(cr);
    if (g->kind == GRID_DENSITY) {
        for (int row = 0; row < g->rows; row++) {
            for (int col = 0; col < g->cols; col++) {
                uint32_t c = scene_grid_color(g, (size_t)row * g->cols + col);
                if (!(c >> 24)) continue;
                set_argb(cr, c);
                cairo_rectangle(cr, s->view.x + col * g->cell, s->view.y + row * g->cell,
                                g->cell, g->cell);
                cairo_fill(cr);
            }
        }
    } else {
        cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, g->cols, g->rows);
        unsigned char *data = cairo_image_surface_get_data(img);
        int stride = cairo_image_surface_get_stride(img);
        for (int row = 0; row < g->rows; row++) {
            uint32_t *out = (uint32_t *)(data + (size_t)row * stride);
            for (int col = 0; col < g->cols; col++) {
                uint32_t c = scene_grid_color(g, (size_t)row * g->cols + col), a = c >> 24;
                /* Cairo wants premultiplied alpha. */
                out[col] = a << 24 | (((c >> 16) & 0xFF) * a / 255) << 16 |
                           (((c >> 8) & 0xFF) * a / 255) << 8 | ((c & 0xFF) * a / 255);
            }
        }
        cairo_surface_mark_dirty(img);
        cairo_translate(cr, s->view.x, s->view.y);
        cairo_scale(cr, g->cell, g->cell);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
        cairo_paint(cr);
        cairo_surface_destroy(img);
    }
    cairo_restore(cr);
}

/* Everything over the basemap, in render_overlay's order. */
static void draw_scene(cairo_t *cr, const Faces *faces, const Scene *s, float halo_px)
{
    draw_grid(cr, s);
    for (size_t d = 0; d < s->ndots; d++) {
        const SceneDot *dot = &s->dots[d];
        marks_paint(cr, dot->capital ? MARK_CAPITAL : MARK_TOWN, dot->x, dot->y, dot->r,
                    s->scale, 0xFFFFFFFFu);
    }
    for (size_t m = 0; m < s->nmarkers; m++) draw_marker(cr, &s->markers[m], s->scale);
    for (size_t l = 0; l < s->nlabels; l++) draw_text(cr, faces, s, &s->labels[l], halo_px);
    for (size_t i = 0; i < s->nitems; i++) {
        const SceneItem *it = &s->items[i];
        switch (it->kind) {
        case ITEM_RECT: draw_rect(cr, it); break;
        case ITEM_TEXT: draw_text(cr, faces, s, &it->u.text, halo_px); break;
        case ITEM_MARKER: draw_marker(cr, &it->u.marker, s->scale); break;
        case ITEM_POLYGON: draw_polygon(cr, it); break;
        case ITEM_INSET:
            raster_inset(cr, it->u.inset.basemap, &it->u.inset.view, it->u.inset.box, it->color,
                         it->border, s->scale);
            break;
        }
    }
}

/* ------------------------------------------------------------------------- */
/* The page                                                                  */
/* ------------------------------------------------------------------------- */

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The scene of fig, laid out with the PNG's text measure (SDL_ttf on the
 * same font files), so the page has the PNG's layout. */
static bool build_scene(const FrameData *data, const Figure *fig, const View *view,
                        Scene *scene, Error *err)
{
    SDL_Surface *tiny = SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32, SDL_PIXELFORMAT_RGB888);
    bool ttf = TTF_Init() == 0;
    SDL_Renderer *sdl = tiny ? SDL_CreateSoftwareRenderer(tiny) : NULL;
    Renderer r;
    bool ok = ttf && sdl != NULL;
    if (!ok) error_set(err, "cannot measure text: %s", SDL_GetError());
    if (ok) ok = render_init(&r, sdl, frame_scale(fig), err);
    if (ok) {
        SceneInput in;
        frame_scene_input(data, fig, view, &in);
        in.measure = render_measure;
        in.measure_ctx = &r;
        scene_build(scene, &in);
        render_free(&r);
    }
    if (sdl) SDL_DestroyRenderer(sdl);
    if (tiny) SDL_FreeSurface(tiny);
    if (ttf) TTF_Quit();
    return ok;
}

bool vector_export(const FrameData *data, const Figure *fig, VectorFormat format,
                   Scene *scene_out, Error *err)
{
    if (scene_out != NULL) memset(scene_out, 0, sizeof *scene_out);
    SM_ASSERT(data->map == NULL || data->map->projected_kind == (int)fig->proj);
    FrameData d = *data;
    uint8_t *visible = NULL;
    if (d.visible == NULL && !filter_only_types(&fig->filter)) {
        visible = malloc(d.set->count + 1);
        if (visible == NULL) return error_set(err, "out of memory");
        filter_apply(&fig->filter, d.set, visible);
        d.visible = visible;
    }
    View view;
    frame_view(d.set, fig, d.visible, &view);
    Scene scene = {0};
    Faces faces = {0};
    bool ok = build_scene(&d, fig, &view, &scene, err) && faces_open(&faces, err);
    OutFile out = {0};
    if (ok) ok = outfile_open(&out, fig->output, d.inputs, d.ninputs, err);
    if (ok) {
        double dpi = figure_dpi(fig), k = 72.0 / dpi;     /* points per pixel */
        double wpt = fig->width * k, hpt = fig->height * k;
        cairo_surface_t *page =
            format == VECTOR_PDF
                ? cairo_pdf_surface_create_for_stream(write_stream, out.f, wpt, hpt)
                : cairo_svg_surface_create_for_stream(write_stream, out.f, wpt, hpt);
        if (format == VECTOR_PDF) {
            cairo_pdf_surface_set_metadata(page, CAIRO_PDF_METADATA_TITLE,
                                           fig->title[0] ? fig->title
                                                         : "Conflict events in the Sahel");
            cairo_pdf_surface_set_metadata(page, CAIRO_PDF_METADATA_CREATOR, "sahelmap");
        }
        cairo_t *cr = cairo_create(page);
        cairo_scale(cr, k, k);
        cairo_rectangle(cr, 0, 0, fig->width, fig->height);
        cairo_clip(cr);
        if (d.map != NULL) raster_draw(cr, d.map, &view, scene.scale, fig->graticule);
        float halo_px = fmaxf(1.0f, roundf(1.7f * scene.scale));   /* render's halo */
        draw_scene(cr, &faces, &scene, halo_px);
        cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(page);
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(page);
        cairo_surface_destroy(page);
        if (status != CAIRO_STATUS_SUCCESS) {
            ok = error_set(err, "%s: drawing the %s failed: %s", fig->output,
                           format == VECTOR_PDF ? "PDF" : "SVG", cairo_status_to_string(status));
            outfile_abort(&out);
        } else {
            ok = outfile_commit(&out, err);
        }
    }
    faces_close(&faces);
    free(visible);
    if (scene_out != NULL) *scene_out = scene;
    else scene_free(&scene);
    return ok;
}

/*
 * sahelmap-icon: draws the application icon with Cairo, as an SVG and as
 * PNGs at the sizes of the freedesktop hicolor theme. Run by the build; the
 * files are installed, never committed.
 *
 *   sahelmap-icon OUTDIR
 *
 * writes OUTDIR/hicolor/scalable/apps/sahelmap.svg and
 * OUTDIR/hicolor/NxN/apps/sahelmap.png for each size below. The picture:
 * a tile of Sahel sand crossed by the Niger's bend, with event markers in
 * the map's own colours (Okabe-Ito) and, from 32 pixels, the timeline.
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define ICON_UNITS 256.0          /* the drawing's own coordinates */

static const int sizes[] = {16, 24, 32, 48, 64, 128, 256, 512};

typedef struct Rgb {
    double r, g, b;
} Rgb;

static Rgb hex(unsigned v)
{
    return (Rgb){((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}

static void set_colour(cairo_t *cr, unsigned v)
{
    Rgb c = hex(v);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void rounded_square(cairo_t *cr, double x, double y, double side, double radius)
{
    const double pi = 3.14159265358979323846;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + side - radius, y + radius, radius, -pi / 2, 0);
    cairo_arc(cr, x + side - radius, y + side - radius, radius, 0, pi / 2);
    cairo_arc(cr, x + radius, y + side - radius, radius, pi / 2, pi);
    cairo_arc(cr, x + radius, y + radius, radius, pi, 3 * pi / 2);
    cairo_close_path(cr);
}

static void marker(cairo_t *cr, double x, double y, double r, unsigned colour)
{
    const double pi = 3.14159265358979323846;
    cairo_arc(cr, x, y, r, 0, 2 * pi);
    set_colour(cr, colour);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 6);
    set_colour(cr, 0xffffff);
    cairo_stroke(cr);
}

/* The icon in ICON_UNITS coordinates; detail adds the timeline and the
 * smaller markers, which blur to nothing at 16 and 24 pixels. */
static void draw_icon(cairo_t *cr, bool detail)
{
    /* The tile: sand, with a darker rim. */
    rounded_square(cr, 8, 8, 240, 44);
    cairo_pattern_t *sand = cairo_pattern_create_linear(0, 8, 0, 248);
    cairo_pattern_add_color_stop_rgb(sand, 0, 0.96, 0.87, 0.66);
    cairo_pattern_add_color_stop_rgb(sand, 1, 0.87, 0.71, 0.45);
    cairo_set_source(cr, sand);
    cairo_fill_preserve(cr);
    cairo_pattern_destroy(sand);
    cairo_set_line_width(cr, 6);
    set_colour(cr, 0x8a5a2b);
    cairo_stroke(cr);

    /* The Niger: north-east to its bend at Timbuktu, then south-east. */
    cairo_save(cr);
    rounded_square(cr, 8, 8, 240, 44);
    cairo_clip(cr);
    cairo_move_to(cr, 4, 196);
    cairo_curve_to(cr, 60, 70, 150, 40, 176, 120);
    cairo_curve_to(cr, 192, 170, 220, 186, 252, 214);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width(cr, detail ? 14 : 20);
    set_colour(cr, 0x3f7fbf);
    cairo_stroke(cr);
    cairo_restore(cr);

    /* Events: battles, violence against civilians, explosions, protests. */
    marker(cr, 104, 112, detail ? 26 : 34, 0xd55e00);
    marker(cr, 172, 160, detail ? 19 : 26, 0xe69f00);
    if (detail) {
        marker(cr, 62, 160, 13, 0x0072b2);
        marker(cr, 196, 74, 11, 0x009e73);
    }

    if (!detail) return;
    /* The timeline: a dark band with a histogram and the time window. */
    cairo_save(cr);
    rounded_square(cr, 8, 8, 240, 44);
    cairo_clip(cr);
    cairo_rectangle(cr, 8, 204, 240, 44);
    cairo_set_source_rgba(cr, 0.13, 0.11, 0.10, 0.85);
    cairo_fill(cr);
    static const double bars[] = {6, 10, 8, 16, 12, 22, 30, 18, 26, 14, 20, 9};
    for (int i = 0; i < 12; i++) {
        double x = 34 + i * 16;
        cairo_rectangle(cr, x, 238 - bars[i], 11, bars[i]);
        set_colour(cr, i >= 5 && i <= 8 ? 0xf0e442 : 0xbfb39a);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

static bool make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST) return false;
        *p = '/';
    }
    return mkdir(buf, 0755) == 0 || errno == EEXIST;
}

static bool write_svg(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/hicolor/scalable/apps", dir);
    if (!make_dirs(path)) return false;
    snprintf(path, sizeof path, "%s/hicolor/scalable/apps/sahelmap.svg", dir);
    cairo_surface_t *s = cairo_svg_surface_create(path, ICON_UNITS, ICON_UNITS);
    cairo_t *cr = cairo_create(s);
    draw_icon(cr, true);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    if (!ok) fprintf(stderr, "sahelmap-icon: %s: cannot write\n", path);
    return ok;
}

static bool write_png(const char *dir, int size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/hicolor/%dx%d/apps", dir, size, size);
    if (!make_dirs(path)) return false;
    snprintf(path, sizeof path, "%s/hicolor/%dx%d/apps/sahelmap.png", dir, size, size);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, size / ICON_UNITS, size / ICON_UNITS);
    draw_icon(cr, size >= 32);
    cairo_destroy(cr);
    cairo_status_t st = cairo_surface_write_to_png(s, path);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS)
        fprintf(stderr, "sahelmap-icon: %s: %s\n", path, cairo_status_to_string(st));
    return st == CAIRO_STATUS_SUCCESS;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sahelmap-icon OUTDIR\n");
        return 2;
    }
    bool ok = write_svg(argv[1]);
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        ok = write_png(argv[1], sizes[i]);
    return ok ? 0 : 1;
}

/*
 * scene_private: what scene.c, scene_labels.c and scene_furniture.c share
 * and nobody else needs: the inks, a box, the item helpers, the label
 * placement and the furniture builders.
 */
#ifndef SAHELMAP_SCENE_PRIVATE_H
#define SAHELMAP_SCENE_PRIVATE_H

#include "scene.h"

#define INK 0xFF2B2B2Bu
#define GRATICULE_INK 0xFF4A5D70u
#define INK_SOFT 0xFF5A5A5Au
#define HALO 0xF0FFFFFFu
#define PANEL 0xE6FFFFFFu
#define PANEL_BORDER 0xFFB9B4ACu
#define COUNTRY_INK 0xFF8A7F72u
#define ADMIN1_INK 0xFF9C9488u

typedef struct Box {
    float x0, y0, x1, y1;
} Box;

/* Copies a string into the scene's text; returns its offset. */
uint32_t scene_add_string(Scene *s, const char *text);

/* Places every label (town names, country and admin-1 names, count badges,
 * graticule degrees) clear of the boxes taken by the furniture. */
void scene_labels_build(Scene *s, const SceneInput *in, const Box *taken, size_t ntaken);

/* Appends an item of a kind, zeroed but for the kind. */
SceneItem *scene_add_item(Scene *s, SceneItemKind kind);

/* A text item with its top-left at (x, y); returns its width. */
float scene_item_text(Scene *s, const SceneInput *in, SceneFont font, float x,
                      float y, uint32_t color, uint32_t halo, const char *text);

/* A text's width, and a line's height, in a font. */
float scene_text_width(const SceneInput *in, SceneFont font, const char *text);
float scene_text_height(const SceneInput *in, SceneFont font);

/* The furniture, each returning the box it took: the title and date
 * window top-left; the legend bottom-right above `bottom`; the scale bar
 * bottom-left; the north arrow top-right. The credits strip along the
 * bottom edge returns its top. */
Box scene_furniture_title(Scene *s, const SceneInput *in, float pad);
Box scene_furniture_legend(Scene *s, const SceneInput *in, float pad, float bottom);
Box scene_furniture_scale_bar(Scene *s, const SceneInput *in, float pad, float bottom);
Box scene_furniture_north(Scene *s, const SceneInput *in, float pad);
Box scene_furniture_inset(Scene *s, const SceneInput *in, float pad, Box above);
float scene_furniture_credits(Scene *s, const SceneInput *in);

#endif

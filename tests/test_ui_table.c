/*
 * test_ui_table: the event table and place checklist panels without
 * drawing: where they go at several window sizes (the table under the map,
 * whole rows, the map keeping at least half), every text inside its column
 * (long ones cut with an ellipsis), the sorted header's arrow, and the hit
 * tests of headers, rows, items and the find box (text measured by a fake
 * SceneMeasure: no font, no SDL).
 */
#include "testutil.h"

#include <math.h>
#include <string.h>

#include "scene.h"
#include "ui.h"
#include "ui_table.h"

/* A stand-in for the font: 0.6 em per byte, 1.2 em high. */
static void fake_measure(void *ctx, SceneFont font, const char *text, float *w, float *h)
{
    float em = scene_font_size[font] * *(const float *)ctx;
    *w = 0.6f * em * (float)strlen(text);
    *h = 1.2f * em;
}

static const int sizes[][2] = {{1200, 760}, {800, 500}, {1920, 1080}, {3840, 2160}};

/* The window's layout with the table open, as app_update_layout makes it. */
static void layout_with_table(UiLayout *l, int w, int h, float *scale)
{
    *scale = fmaxf(scene_scale_for(w, h), 0.75f);
    ui_layout(l, w, h, *scale);
    float full = l->map_h;
    float th = ui_table_height(l, fake_measure, scale);
    assert_true(th <= full * 0.5f + 0.5f);         /* the map keeps half */
    l->map_h -= th;
}

static const char *text_of(const Scene *s, size_t i)
{
    return scene_text(s, s->items[i].u.text.text);
}

static void test_table_layout_and_cells(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        float scale;
        UiLayout l;
        layout_with_table(&l, w, h, &scale);
        UiTable t;
        ui_table_layout(&t, &l, 50, 1000, fake_measure, &scale);
        /* Between the map and the timeline, full width, whole rows. */
        assert_float_equal(t.y, l.map_h, 0.01);
        assert_float_equal(t.y + t.h, l.tl_y, 0.01);
        assert_float_equal(t.w, (float)w, 0.01);
        assert_true(t.shown >= 3);
        assert_true(t.rows_y + (float)t.shown * t.row_h <= t.y + t.h + 0.5f);
        assert_int_equal(t.first, 50 - t.shown);    /* clamped */
        for (int c = 0; c < TABLE_COLUMN_COUNT; c++) assert_true(t.col_x[c + 1] > t.col_x[c]);
        assert_true(t.col_x[TABLE_COLUMN_COUNT] <= (float)w);

        /* Long cells are cut to their column; the sorted header has an arrow. */
        const char *cells[64 * TABLE_COLUMN_COUNT];
        for (int r = 0; r < t.shown && r < 64; r++) {
            cells[r * TABLE_COLUMN_COUNT + 0] = "2024-07-27";
            cells[r * TABLE_COLUMN_COUNT + 1] = "Against civilians";
            cells[r * TABLE_COLUMN_COUNT + 2] =
                "Tinzaouaten, Kidal, Mali, and a much longer place name than fits";
            cells[r * TABLE_COLUMN_COUNT + 3] =
                "JNIM: Group for Support of Islam and Muslims \xe2\x80\x94 Wagner Group, "
                "and more actors than any column holds";
            cells[r * TABLE_COLUMN_COUNT + 4] = "1234";
        }
        Scene s = {0};
        scene_reset(&s, w, h, scale);
        ui_build_table(&s, &l, &t, "50 events in view", cells, t.first + 1, TABLE_FATALITIES,
                       true, fake_measure, &scale);
        bool arrow = false, cut = false;
        for (size_t i = 0; i < s.nitems; i++) {
            const SceneItem *it = &s.items[i];
            if (it->kind != ITEM_TEXT) continue;
            const char *text = text_of(&s, i);
            arrow |= strcmp(text, "Fatalities \xe2\x96\xbc") == 0;
            cut |= strstr(text, "\xe2\x80\xa6") != NULL;
            assert_true(it->u.text.y >= t.y && it->u.text.y + it->u.text.h <= t.y + t.h + 0.5f);
            if (it->u.text.y < t.head_y) continue;          /* the title line */
            /* Inside one column. */
            int col = -1;
            for (int c = 0; c < TABLE_COLUMN_COUNT; c++)
                if (it->u.text.x >= t.col_x[c] - 0.5f && it->u.text.x < t.col_x[c + 1]) col = c;
            assert_true(col >= 0);
            float right = col + 1 < TABLE_COLUMN_COUNT ? t.col_x[col + 1] - 12 * scale + 0.5f
                                                       : t.col_x[col + 1] + 0.5f;
            if (it->u.text.x + it->u.text.w > right)
                fail_msg("%dx%d: '%s' passes its column %d (%.1f > %.1f)", w, h, text, col,
                         it->u.text.x + it->u.text.w, right);
        }
        assert_true(arrow);
        assert_true(cut);

        /* Hits: each header, each shown row, nothing below the last. */
        for (int c = 0; c < TABLE_COLUMN_COUNT; c++)
            assert_int_equal(ui_table_header(&t, (t.col_x[c] + t.col_x[c + 1]) / 2 - 6 * scale,
                                             t.head_y + t.head_h / 2), c);
        for (int r = 0; r < t.shown; r++)
            assert_int_equal(ui_table_row(&t, 100, t.rows_y + ((float)r + 0.5f) * t.row_h),
                             t.first + r);
        assert_int_equal(ui_table_row(&t, 100, t.head_y + 1), -1);
        assert_int_equal(ui_table_header(&t, 100, t.rows_y + 1), -1);
        assert_false(ui_table_contains(&t, 100, t.y - 1));
        scene_free(&s);

        /* Fewer rows than the panel holds: from the first; none: a message. */
        ui_table_layout(&t, &l, 2, 5, fake_measure, &scale);
        assert_int_equal(t.first, 0);
        assert_int_equal(ui_table_row(&t, 100, t.rows_y + 2.5f * t.row_h), -1);
        ui_table_layout(&t, &l, 0, 0, fake_measure, &scale);
        scene_reset(&s, w, h, scale);
        ui_build_table(&s, &l, &t, "0 events", cells, -1, TABLE_DATE, false, fake_measure,
                       &scale);
        bool said = false;
        for (size_t i = 0; i < s.nitems; i++)
            said |= s.items[i].kind == ITEM_TEXT && strstr(text_of(&s, i), "No events") != NULL;
        assert_true(said);
        scene_free(&s);
    }
}

static void test_checklist_layout(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        float scale;
        UiLayout l;
        layout_with_table(&l, w, h, &scale);
        UiChecklist c;
        ui_checklist_layout(&c, &l, l.map_h, 200, 3, fake_measure, &scale);
        assert_true(c.y + c.h <= l.map_h);             /* above the table */
        assert_true(c.x + c.w <= (float)w);
        assert_true(c.shown >= 1 && c.shown < 200);
        assert_int_equal(c.first, 3);
        assert_true(c.items_y + (float)c.shown * c.item_h <= c.y + c.h + 0.5f);
        assert_true(ui_checklist_on_find(&c, c.x + 20, c.find_y + c.find_h / 2));
        assert_int_equal(ui_checklist_item(&c, c.x + 20, c.find_y + c.find_h / 2), -1);
        assert_int_equal(ui_checklist_item(&c, c.x + 20, c.items_y + 1.5f * c.item_h), 4);

        UiCheckItem items[256];
        for (int i = 0; i < c.shown && i < 256; i++)
            items[i] = (UiCheckItem){"Tillab\xc3\xa9ri, and a name far too long for the panel",
                                     i % 2 ? "Niger" : NULL, 123456, i == 0, i == 2};
        Scene s = {0};
        scene_reset(&s, w, h, scale);
        ui_build_checklist(&s, &l, &c, "Places: events in the time window", "tilla", true, items,
                           fake_measure, &scale);
        for (size_t i = 0; i < s.nitems; i++) {
            const SceneItem *it = &s.items[i];
            if (it->kind != ITEM_TEXT) continue;
            if (it->u.text.x < c.x || it->u.text.x + it->u.text.w > c.x + c.w + 0.5f ||
                it->u.text.y < c.y || it->u.text.y + it->u.text.h > c.y + c.h + 0.5f)
                fail_msg("%dx%d: '%s' outside the checklist", w, h, text_of(&s, i));
        }
        scene_free(&s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_layout_and_cells),
        cmocka_unit_test(test_checklist_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

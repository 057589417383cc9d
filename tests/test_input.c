/*
 * test_input: keys to commands, as the issue and the help panel state them.
 */
#include "testutil.h"

#include <SDL_keycode.h>
#include <string.h>

#include "input.h"

static Command key(int k, bool shift, bool ctrl, bool alt)
{
    return input_key(k, shift, ctrl, alt);
}

static void test_playback_keys(void **state)
{
    (void)state;
    assert_int_equal(key(SDLK_SPACE, 0, 0, 0).id, CMD_PLAY);
    assert_int_equal(key(SDLK_LEFTBRACKET, 0, 0, 0).id, CMD_SPEED);
    assert_true(key(SDLK_LEFTBRACKET, 0, 0, 0).a < 0);
    assert_true(key(SDLK_RIGHTBRACKET, 0, 0, 0).a > 0);
    Command c = key(SDLK_RIGHT, 0, 0, 0);
    assert_int_equal(c.id, CMD_STEP);
    assert_float_equal(c.a, 1, 0);
    assert_float_equal(key(SDLK_LEFT, 1, 0, 0).a, -7, 0);          /* Shift: week */
    c = key(SDLK_RIGHT, 0, 1, 0);                                   /* Ctrl: month */
    assert_int_equal(c.id, CMD_STEP_MONTH);
    assert_float_equal(c.a, 1, 0);
    assert_int_equal(key(SDLK_l, 0, 0, 0).id, CMD_LOOP);
    assert_int_equal(key(SDLK_m, 0, 0, 0).id, CMD_MODE);
}

static void test_map_keys(void **state)
{
    (void)state;
    /* Up, Down: through an open stack list, else they pan (b). */
    Command up = key(SDLK_UP, 0, 0, 0), down = key(SDLK_DOWN, 0, 0, 0);
    assert_int_equal(up.id, CMD_PICK_STEP);
    assert_int_equal(down.id, CMD_PICK_STEP);
    assert_true(up.a < 0 && down.a > 0);
    assert_true(up.b > 0 && down.b < 0);
    assert_int_equal(key(SDLK_UP, 0, 0, 1).id, CMD_PAN);          /* Alt: always pans */
    assert_int_equal(key(SDLK_LEFT, 0, 0, 1).id, CMD_PAN);         /* Alt+arrows */
    assert_true(key(SDLK_PLUS, 0, 0, 0).a > 1);
    assert_true(key(SDLK_EQUALS, 0, 0, 0).a > 1);
    assert_true(key(SDLK_MINUS, 0, 0, 0).a < 1);
    assert_int_equal(key(SDLK_f, 0, 0, 0).id, CMD_FIT);
    assert_int_equal(key(SDLK_HOME, 0, 0, 0).id, CMD_HOME);
    assert_int_equal(key(SDLK_p, 0, 0, 0).id, CMD_PROJECTION);
}

static void test_panels_filters_screenshots(void **state)
{
    (void)state;
    assert_int_equal(key(SDLK_SLASH, 0, 0, 0).id, CMD_FILTER);
    assert_int_equal(key(SDLK_f, 0, 1, 0).id, CMD_FILTER);          /* Ctrl+F */
    assert_int_equal(key(SDLK_SLASH, 1, 0, 0).id, CMD_HELP);        /* ? */
    assert_int_equal(key(SDLK_F1, 0, 0, 0).id, CMD_HELP);
    assert_int_equal(key(SDLK_TAB, 0, 0, 0).id, CMD_STATS);
    assert_int_equal(key(SDLK_s, 0, 1, 0).id, CMD_SCREENSHOT);
    assert_float_equal(key(SDLK_s, 0, 1, 0).a, 1, 0);
    assert_float_equal(key(SDLK_F12, 1, 0, 0).a, 2, 0);             /* larger */
    assert_int_equal(key(SDLK_s, 1, 1, 0).id, CMD_SAVE_VIEW);      /* Ctrl+Shift+S */
    assert_int_equal(key(SDLK_F12, 0, 0, 0).id, CMD_SCREENSHOT);
    assert_int_equal(key(SDLK_e, 0, 0, 0).id, CMD_PRINT_COMMAND);
    assert_int_equal(key(SDLK_r, 0, 1, 0).id, CMD_RECORD);           /* Ctrl+R */
    Command c = key(SDLK_3, 0, 0, 0);
    assert_int_equal(c.id, CMD_TOGGLE_TYPE);
    assert_float_equal(c.a, 3, 0);
    assert_int_equal(key(SDLK_q, 0, 1, 0).id, CMD_QUIT);
    assert_int_equal(key(SDLK_ESCAPE, 0, 0, 0).id, CMD_ESCAPE);
    assert_int_equal(key(SDLK_z, 0, 0, 0).id, CMD_NONE);
    assert_int_equal(key(SDLK_i, 0, 0, 0).id, CMD_FRAME_STATS);      /* the overlay */
    assert_int_equal(key(SDLK_F3, 0, 0, 0).id, CMD_FRAME_STATS);
    assert_int_equal(key(SDLK_t, 0, 0, 0).id, CMD_TABLE);             /* the event table */
    assert_int_equal(key(SDLK_w, 0, 0, 0).id, CMD_CHECKLIST);         /* the places */
    assert_int_equal(key(SDLK_PAGEDOWN, 0, 0, 0).id, CMD_TABLE_PAGE);
    assert_float_equal(key(SDLK_PAGEDOWN, 0, 0, 0).a, 1, 0);
    assert_float_equal(key(SDLK_PAGEUP, 0, 0, 0).a, -1, 0);
}

static void test_help_lists_every_key_group(void **state)
{
    (void)state;
    const char *rows[64][2];
    int n = input_help(rows, 64);
    assert_true(n > 10 && n < 64);
    const char *must[] = {"Space", "Ctrl+S", "Tab", "Home", "Esc", "Drop files", "F3", "PgUp",
                          "W"};
    for (size_t m = 0; m < sizeof must / sizeof must[0]; m++) {
        bool found = false;
        for (int r = 0; r < n && !found; r++) found = strstr(rows[r][0], must[m]) != NULL;
        if (!found) fail_msg("help does not mention %s", must[m]);
    }
}

/* The table is the one source: every key binding sits under a help line,
 * no two bindings claim the same key and modifiers, and input_key returns
 * each binding's own command. */
static void test_one_table(void **state)
{
    (void)state;
    assert_non_null(input_bindings[0].keys);          /* the first starts a line */
    for (int k = 0; k < input_binding_count; k++) {
        const KeyBinding *b = &input_bindings[k];
        if (b->key == 0) {
            assert_non_null(b->keys);                 /* a mouse line */
            continue;
        }
        for (int j = 0; j < k; j++)
            if (input_bindings[j].key == b->key && input_bindings[j].mods == b->mods)
                fail_msg("binding %d repeats binding %d", k, j);
        Command c = input_key(b->key, b->mods & INPUT_SHIFT, b->mods & INPUT_CTRL,
                              b->mods & INPUT_ALT);
        assert_int_equal(c.id, b->command.id);
        assert_float_equal(c.a, b->command.a, 0);
        assert_float_equal(c.b, b->command.b, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_playback_keys),
        cmocka_unit_test(test_map_keys),
        cmocka_unit_test(test_panels_filters_screenshots),
        cmocka_unit_test(test_help_lists_every_key_group),
        cmocka_unit_test(test_one_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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
    assert_int_equal(key(SDLK_UP, 0, 0, 0).id, CMD_PAN);
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
    assert_float_equal(key(SDLK_s, 1, 1, 0).a, 2, 0);               /* larger */
    assert_int_equal(key(SDLK_F12, 0, 0, 0).id, CMD_SCREENSHOT);
    assert_int_equal(key(SDLK_e, 0, 0, 0).id, CMD_PRINT_COMMAND);
    Command c = key(SDLK_3, 0, 0, 0);
    assert_int_equal(c.id, CMD_TOGGLE_TYPE);
    assert_float_equal(c.a, 3, 0);
    assert_int_equal(key(SDLK_q, 0, 1, 0).id, CMD_QUIT);
    assert_int_equal(key(SDLK_ESCAPE, 0, 0, 0).id, CMD_ESCAPE);
    assert_int_equal(key(SDLK_z, 0, 0, 0).id, CMD_NONE);
}

static void test_help_lists_every_key_group(void **state)
{
    (void)state;
    const char *must[] = {"Space", "Ctrl+S", "Tab", "Home", "Esc", "Drop files"};
    for (size_t m = 0; m < sizeof must / sizeof must[0]; m++) {
        bool found = false;
        for (int r = 0; r < input_help_rows && !found; r++)
            found = strstr(input_help[r][0], must[m]) != NULL;
        if (!found) fail_msg("help does not mention %s", must[m]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_playback_keys),
        cmocka_unit_test(test_map_keys),
        cmocka_unit_test(test_panels_filters_screenshots),
        cmocka_unit_test(test_help_lists_every_key_group),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * input: the key map. See input.h.
 */
#include "input.h"

#include <SDL_keycode.h>

#define PAN_STEP 120.0

Command input_key(int key, bool shift, bool ctrl, bool alt)
{
    Command c = {CMD_NONE, 0, 0};
    if (alt) {                                   /* Alt+arrows: pan */
        switch (key) {
        case SDLK_LEFT: return (Command){CMD_PAN, PAN_STEP, 0};
        case SDLK_RIGHT: return (Command){CMD_PAN, -PAN_STEP, 0};
        case SDLK_UP: return (Command){CMD_PAN, 0, PAN_STEP};
        case SDLK_DOWN: return (Command){CMD_PAN, 0, -PAN_STEP};
        default: return c;
        }
    }
    if (ctrl) {
        switch (key) {
        case SDLK_q: return (Command){CMD_QUIT, 0, 0};
        case SDLK_f: return (Command){CMD_FILTER, 0, 0};
        case SDLK_s: return (Command){CMD_SCREENSHOT, shift ? 2 : 1, 0};
        case SDLK_LEFT: return (Command){CMD_STEP_MONTH, -1, 0};
        case SDLK_RIGHT: return (Command){CMD_STEP_MONTH, 1, 0};
        default: return c;
        }
    }
    switch (key) {
    case SDLK_ESCAPE: return (Command){CMD_ESCAPE, 0, 0};
    case SDLK_SPACE: return (Command){CMD_PLAY, 0, 0};
    case SDLK_LEFTBRACKET: return (Command){CMD_SPEED, -1, 0};
    case SDLK_RIGHTBRACKET: return (Command){CMD_SPEED, 1, 0};
    case SDLK_LEFT: return (Command){CMD_STEP, shift ? -7 : -1, 0};
    case SDLK_RIGHT: return (Command){CMD_STEP, shift ? 7 : 1, 0};
    case SDLK_UP: return (Command){CMD_PAN, 0, PAN_STEP};
    case SDLK_DOWN: return (Command){CMD_PAN, 0, -PAN_STEP};
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS:
        return (Command){CMD_ZOOM, 1.5, 0};
    case SDLK_MINUS: case SDLK_KP_MINUS: return (Command){CMD_ZOOM, 1 / 1.5, 0};
    case SDLK_f: return (Command){CMD_FIT, 0, 0};
    case SDLK_HOME: return (Command){CMD_HOME, 0, 0};
    case SDLK_l: return (Command){CMD_LOOP, 0, 0};
    case SDLK_m: return (Command){CMD_MODE, 0, 0};
    case SDLK_SLASH: return (Command){shift ? CMD_HELP : CMD_FILTER, 0, 0};
    case SDLK_QUESTION: case SDLK_F1: return (Command){CMD_HELP, 0, 0};
    case SDLK_TAB: return (Command){CMD_STATS, 0, 0};
    case SDLK_F12: return (Command){CMD_SCREENSHOT, shift ? 2 : 1, 0};
    case SDLK_e: return (Command){CMD_PRINT_COMMAND, 0, 0};
    case SDLK_p: return (Command){CMD_PROJECTION, 0, 0};
    case SDLK_g: return (Command){CMD_GRATICULE, 0, 0};
    case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4: case SDLK_5: case SDLK_6:
        return (Command){CMD_TOGGLE_TYPE, key - SDLK_0, 0};
    case SDLK_PERIOD: return (Command){CMD_MIN_FATALITIES, 1, 0};
    case SDLK_COMMA: return (Command){CMD_MIN_FATALITIES, -1, 0};
    case SDLK_c: return (Command){CMD_COUNTRY, shift ? -1 : 1, 0};
    case SDLK_a: return (Command){CMD_ADMIN1, shift ? -1 : 1, 0};
    case SDLK_h: return (Command){CMD_HEATMAP, 0, 0};
    default: return c;
    }
}

const char *const input_help[][2] = {
    {"Drag / Alt+arrows / Up, Down", "pan the map"},
    {"Wheel / + -", "zoom about the pointer / the centre"},
    {"F / Home", "fit the visible events / the whole region"},
    {"Hover / click a marker", "tooltip / details (click again: next event there)"},
    {"Click a legend entry / 1-6", "hide or show an event type"},
    {"Timeline: drag window / edges", "move it / resize it; click: jump; wheel: zoom time"},
    {"Space", "play / pause"},
    {"[  ]", "slower / faster (1 day/s to 1 year/s)"},
    {"Left, Right", "a day back / forward (Shift: a week, Ctrl: a month)"},
    {"M / L", "timeline mode (moving, cumulative, single day) / loop"},
    {"/ or Ctrl+F", "filter by actor, place, admin area or notes"},
    {", .", "minimum fatalities down / up"},
    {"C / A (Shift: back)", "filter by country / admin-1 area"},
    {"Tab", "stats: events and fatalities by type, top actors"},
    {"Ctrl+S or F12 (Shift: 2x)", "save a PNG of this view"},
    {"E", "print the sahelmap export command for this view"},
    {"H", "heatmap: off, by events, by fatalities"},
    {"P / G", "next projection / graticule"},
    {"Drop files", "load more ACLED / UCDP / GeoJSON files"},
    {"? or F1 / Esc / Ctrl+Q", "this help / close panels / quit"},
};
const int input_help_rows = (int)(sizeof input_help / sizeof input_help[0]);

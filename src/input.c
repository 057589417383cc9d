/*
 * input: the key binding table and its lookups. See input.h.
 */
#include "input.h"

#include <SDL_keycode.h>
#include <stddef.h>

#define PAN_STEP 120.0
#define CMD(id, a, b) {(id), (a), (b)}

const KeyBinding input_bindings[] = {
    /* The map. */
    {0, 0, CMD(CMD_NONE, 0, 0), "Drag / Alt+arrows / Up, Down", "pan the map"},
    {SDLK_LEFT, INPUT_ALT, CMD(CMD_PAN, PAN_STEP, 0), NULL, NULL},
    {SDLK_RIGHT, INPUT_ALT, CMD(CMD_PAN, -PAN_STEP, 0), NULL, NULL},
    {SDLK_UP, INPUT_ALT, CMD(CMD_PAN, 0, PAN_STEP), NULL, NULL},
    {SDLK_DOWN, INPUT_ALT, CMD(CMD_PAN, 0, -PAN_STEP), NULL, NULL},
    {SDLK_UP, 0, CMD(CMD_PICK_STEP, -1, PAN_STEP), NULL, NULL},
    {SDLK_DOWN, 0, CMD(CMD_PICK_STEP, 1, -PAN_STEP), NULL, NULL},
    {0, 0, CMD(CMD_NONE, 0, 0), "Wheel / + -", "zoom about the pointer / the centre"},
    {SDLK_PLUS, 0, CMD(CMD_ZOOM, 1.5, 0), NULL, NULL},
    {SDLK_EQUALS, 0, CMD(CMD_ZOOM, 1.5, 0), NULL, NULL},
    {SDLK_KP_PLUS, 0, CMD(CMD_ZOOM, 1.5, 0), NULL, NULL},
    {SDLK_MINUS, 0, CMD(CMD_ZOOM, 1 / 1.5, 0), NULL, NULL},
    {SDLK_KP_MINUS, 0, CMD(CMD_ZOOM, 1 / 1.5, 0), NULL, NULL},
    {SDLK_f, 0, CMD(CMD_FIT, 0, 0), "F / Home", "fit the visible events / the whole region"},
    {SDLK_HOME, 0, CMD(CMD_HOME, 0, 0), NULL, NULL},
    {0, 0, CMD(CMD_NONE, 0, 0), "Hover / click a marker",
     "tooltip / details; on a stack, its list by date"},
    {0, 0, CMD(CMD_NONE, 0, 0), "Click a row / Up, Down",
     "the event of a stack's list (click the stack again: next)"},
    {SDLK_1, 0, CMD(CMD_TOGGLE_TYPE, 1, 0), "Click a legend entry / 1-6",
     "hide or show an event type"},
    {SDLK_2, 0, CMD(CMD_TOGGLE_TYPE, 2, 0), NULL, NULL},
    {SDLK_3, 0, CMD(CMD_TOGGLE_TYPE, 3, 0), NULL, NULL},
    {SDLK_4, 0, CMD(CMD_TOGGLE_TYPE, 4, 0), NULL, NULL},
    {SDLK_5, 0, CMD(CMD_TOGGLE_TYPE, 5, 0), NULL, NULL},
    {SDLK_6, 0, CMD(CMD_TOGGLE_TYPE, 6, 0), NULL, NULL},
    /* Time. */
    {0, 0, CMD(CMD_NONE, 0, 0), "Timeline: drag window / edges",
     "move / resize it; click: jump; wheel: zoom time; drag the dates, Shift+wheel: pan it"},
    {SDLK_SPACE, 0, CMD(CMD_PLAY, 0, 0), "Space", "play / pause"},
    {SDLK_LEFTBRACKET, 0, CMD(CMD_SPEED, -1, 0), "[  ]", "slower / faster (1 day/s to 1 year/s)"},
    {SDLK_RIGHTBRACKET, 0, CMD(CMD_SPEED, 1, 0), NULL, NULL},
    {SDLK_LEFT, 0, CMD(CMD_STEP, -1, 0), "Left, Right",
     "a day back / forward (Shift: a week, Ctrl: a month)"},
    {SDLK_RIGHT, 0, CMD(CMD_STEP, 1, 0), NULL, NULL},
    {SDLK_LEFT, INPUT_SHIFT, CMD(CMD_STEP, -7, 0), NULL, NULL},
    {SDLK_RIGHT, INPUT_SHIFT, CMD(CMD_STEP, 7, 0), NULL, NULL},
    {SDLK_LEFT, INPUT_CTRL, CMD(CMD_STEP_MONTH, -1, 0), NULL, NULL},
    {SDLK_RIGHT, INPUT_CTRL, CMD(CMD_STEP_MONTH, 1, 0), NULL, NULL},
    {SDLK_d, 0, CMD(CMD_DATES, 0, 0), "D", "type a date range (2024-07-20..2024-08-31)"},
    {SDLK_m, 0, CMD(CMD_MODE, 0, 0), "M / L",
     "timeline mode (moving, cumulative, single day) / loop"},
    {SDLK_l, 0, CMD(CMD_LOOP, 0, 0), NULL, NULL},
    /* Filters and panels. */
    {SDLK_SLASH, 0, CMD(CMD_FILTER, 0, 0), "/ or Ctrl+F",
     "filter by actor, place, admin area or notes"},
    {SDLK_f, INPUT_CTRL, CMD(CMD_FILTER, 0, 0), NULL, NULL},
    {SDLK_COMMA, 0, CMD(CMD_MIN_FATALITIES, -1, 0), ", .", "minimum fatalities down / up"},
    {SDLK_PERIOD, 0, CMD(CMD_MIN_FATALITIES, 1, 0), NULL, NULL},
    {SDLK_c, 0, CMD(CMD_COUNTRY, 1, 0), "C / A (Shift: back)",
     "filter by country / admin-1 area"},
    {SDLK_a, 0, CMD(CMD_ADMIN1, 1, 0), NULL, NULL},
    {SDLK_c, INPUT_SHIFT, CMD(CMD_COUNTRY, -1, 0), NULL, NULL},
    {SDLK_a, INPUT_SHIFT, CMD(CMD_ADMIN1, -1, 0), NULL, NULL},
    {SDLK_w, 0, CMD(CMD_CHECKLIST, 0, 0), "W",
     "places: tick several countries / admin-1 areas (counts in the time window)"},
    {SDLK_t, 0, CMD(CMD_TABLE, 0, 0), "T / PgUp, PgDn",
     "event table of the view: click a header to sort, a row to go there; scroll"},
    {SDLK_PAGEUP, 0, CMD(CMD_TABLE_PAGE, -1, 0), NULL, NULL},
    {SDLK_PAGEDOWN, 0, CMD(CMD_TABLE_PAGE, 1, 0), NULL, NULL},
    {SDLK_TAB, 0, CMD(CMD_STATS, 0, 0), "Tab", "stats: events and fatalities by type, top actors"},
    {SDLK_r, 0, CMD(CMD_RESET, 0, 0), "R", "reset: no filters, the whole time range and region"},
    /* Output. */
    {SDLK_s, INPUT_CTRL, CMD(CMD_SCREENSHOT, 1, 0), "Ctrl+S or F12 (Shift+F12: 2x)",
     "save a PNG of this view"},
    {SDLK_F12, 0, CMD(CMD_SCREENSHOT, 1, 0), NULL, NULL},
    {SDLK_F12, INPUT_SHIFT, CMD(CMD_SCREENSHOT, 2, 0), NULL, NULL},
    {SDLK_s, INPUT_CTRL | INPUT_SHIFT, CMD(CMD_SAVE_VIEW, 0, 0), "Ctrl+Shift+S",
     "save a view file (sahelmap export --view redraws it)"},
    {SDLK_d, INPUT_CTRL, CMD(CMD_SAVE_DATA, 0, 0), "Ctrl+D",
     "save the events of this view (CSV, GeoJSON) and its counts"},
    {SDLK_e, 0, CMD(CMD_PRINT_COMMAND, 0, 0), "E", "print the sahelmap export command for this view"},
    {SDLK_r, INPUT_CTRL, CMD(CMD_RECORD, 0, 0), "Ctrl+R",
     "record the playback from here as an MP4 (and print its command)"},
    {SDLK_h, 0, CMD(CMD_HEATMAP, 0, 0), "H", "heatmap: off, by events, by fatalities"},
    {SDLK_b, 0, CMD(CMD_COLOR_BY, 0, 0), "B",
     "colour by event type, actor, country or sub-event type"},
    {SDLK_p, 0, CMD(CMD_PROJECTION, 0, 0), "P / G", "next projection / graticule"},
    {SDLK_g, 0, CMD(CMD_GRATICULE, 0, 0), NULL, NULL},
    {SDLK_i, 0, CMD(CMD_FRAME_STATS, 0, 0), "I / F3",
     "frame times: last frame, p50, p95 (scene, raster, render, present)"},
    {SDLK_F3, 0, CMD(CMD_FRAME_STATS, 0, 0), NULL, NULL},
    {0, 0, CMD(CMD_NONE, 0, 0), "Drop files", "load more ACLED / UCDP / GeoJSON files"},
    {SDLK_QUESTION, 0, CMD(CMD_HELP, 0, 0), "? or F1 / Esc / Ctrl+Q",
     "this help / close panels, then clear the filter / quit"},
    {SDLK_SLASH, INPUT_SHIFT, CMD(CMD_HELP, 0, 0), NULL, NULL},
    {SDLK_F1, 0, CMD(CMD_HELP, 0, 0), NULL, NULL},
    {SDLK_ESCAPE, 0, CMD(CMD_ESCAPE, 0, 0), NULL, NULL},
    {SDLK_q, INPUT_CTRL, CMD(CMD_QUIT, 0, 0), NULL, NULL},
};
const int input_binding_count = (int)(sizeof input_bindings / sizeof input_bindings[0]);

static const KeyBinding *lookup(int key, unsigned mods)
{
    for (int k = 0; k < input_binding_count; k++) {
        const KeyBinding *b = &input_bindings[k];
        if (b->key != 0 && b->key == key && b->mods == mods) return b;
    }
    return NULL;
}

Command input_key(int key, bool shift, bool ctrl, bool alt)
{
    unsigned mods = (shift ? INPUT_SHIFT : 0) | (ctrl ? INPUT_CTRL : 0) | (alt ? INPUT_ALT : 0);
    const KeyBinding *b = lookup(key, mods);
    if (b == NULL && shift) b = lookup(key, mods & ~(unsigned)INPUT_SHIFT);
    return b != NULL ? b->command : (Command){CMD_NONE, 0, 0};
}

int input_help(const char *out[][2], int cap)
{
    int n = 0;
    for (int k = 0; k < input_binding_count && n < cap; k++) {
        if (input_bindings[k].keys == NULL) continue;
        out[n][0] = input_bindings[k].keys;
        out[n][1] = input_bindings[k].help;
        n++;
    }
    return n;
}

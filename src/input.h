/*
 * input: keys to commands (mpv's habit: input maps keys to commands,
 * commands change state, rendering only reads state). One binding table
 * makes both: input_key looks keys up in it and input_help lists it for
 * the help panel, so the two cannot drift apart.
 */
#ifndef SAHELMAP_INPUT_H
#define SAHELMAP_INPUT_H

#include <stdbool.h>

typedef enum CommandId {
    CMD_NONE = 0,
    CMD_QUIT,
    CMD_ESCAPE,           /* close the open panel / filter box */
    CMD_PAN,              /* a, b: pixels to move the map by */
    CMD_PICK_STEP,        /* a: -1 / +1 through an open stack list; with
                             none, pans the map by b pixels down */
    CMD_ZOOM,             /* a: factor (> 1 in), about the map's centre */
    CMD_FIT,              /* fit the visible events */
    CMD_HOME,             /* the whole region */
    CMD_PLAY,             /* play / pause */
    CMD_SPEED,            /* a: +1 faster, -1 slower */
    CMD_STEP,             /* a: days */
    CMD_STEP_MONTH,       /* a: months */
    CMD_LOOP,
    CMD_MODE,             /* next timeline mode */
    CMD_FILTER,           /* open the filter box */
    CMD_STATS,            /* the stats panel */
    CMD_HELP,             /* the keys and mouse panel */
    CMD_SCREENSHOT,       /* a: size factor (1: window size, 2: double) */
    CMD_SAVE_VIEW,        /* save the figure request as a view file */
    CMD_RESET,            /* everything back: filters, time range, region */
    CMD_DATES,            /* type an exact date range */
    CMD_SAVE_DATA,        /* save the view's events (CSV, GeoJSON) and counts */
    CMD_PRINT_COMMAND,    /* print the export command for this view */
    CMD_PROJECTION,       /* next projection */
    CMD_GRATICULE,
    CMD_TOGGLE_TYPE,      /* a: EventType */
    CMD_MIN_FATALITIES,   /* a: +1 / -1 through 0, 1, 5, 10, 25, 50, 100 */
    CMD_COUNTRY,          /* a: +1 / -1 through the countries in the data */
    CMD_ADMIN1,           /* a: +1 / -1 through admin-1 areas */
    CMD_HEATMAP,          /* heatmap off / by events / by fatalities */
    CMD_RECORD,           /* record the playback as an MP4 */
    CMD_FRAME_STATS,      /* the frame-time overlay on / off */
    CMD_COLOR_BY,         /* colour by type / actor / country / sub-type */
    CMD_TABLE,            /* the event table on / off */
    CMD_CHECKLIST,        /* the place checklist on / off */
    CMD_TABLE_PAGE,       /* a: -1 / +1 pages through the open table */
    CMD_COUNT
} CommandId;

typedef struct Command {
    CommandId id;
    double a, b;
} Command;

/* Modifier bits of a binding. */
enum { INPUT_SHIFT = 1, INPUT_CTRL = 2, INPUT_ALT = 4 };

/* One row of the binding table. A row with a `keys` text starts a line of
 * the help panel; rows after it with keys == NULL are more keys of that
 * line. key 0 is a line about the mouse (or a drop): no key. */
typedef struct KeyBinding {
    int key;                     /* SDL_Keycode, or 0 */
    unsigned mods;               /* INPUT_* held, exactly (see input_key) */
    Command command;
    const char *keys, *help;     /* the help panel's two columns, or NULL */
} KeyBinding;

extern const KeyBinding input_bindings[];
extern const int input_binding_count;

/* The command for a key press: `key` is an SDL_Keycode, with the shift,
 * ctrl and alt modifiers. The binding with exactly these modifiers wins;
 * failing that, Shift is ignored (so Shift+F still fits). CMD_NONE for
 * keys that do nothing. */
Command input_key(int key, bool shift, bool ctrl, bool alt);

/* The help panel's rows (keys, meaning) from the binding table, into out
 * (at most cap rows); returns how many. */
int input_help(const char *out[][2], int cap);

#endif

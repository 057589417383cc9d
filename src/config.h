/*
 * config: the settings sahelmap takes from its environment, read in one
 * place (config_from_env, called by main) into a struct that main passes
 * down. No other module calls getenv.
 *
 *   SAHELMAP_DATA         the bundled data directory
 *   SAHELMAP_ASSETS       the basemap's directory
 *   SAHELMAP_MAX_EVENTS   the most events held (a whole number, 1 to 4e9)
 *   SAHELMAP_CACHE        0 turns the cache off
 *   SAHELMAP_CACHE_MIN    the smallest file cached, in bytes
 *   XDG_CACHE_HOME, HOME  where the cache goes
 *   SAHELMAP_SHOTS        where the window's screenshots go
 *   SAHELMAP_IDLE_SIGNAL  1: the window prints "idle N" when it rests (tests)
 *   SAHELMAP_FIRST_FRAME_EXIT  1: the window quits after its first frame
 *                         (the cold-start benchmark)
 */
#ifndef SAHELMAP_CONFIG_H
#define SAHELMAP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define CONFIG_PATH_MAX 4096
#define CONFIG_MAX_EVENTS 50000000            /* the default event limit */
#define CONFIG_CACHE_MIN (8ull * 1024 * 1024) /* files cached from this size */
#define CONFIG_MAX_VALUE (512ull << 20)       /* largest single JSON value */
#define CONFIG_MAX_RECORD (64ull << 20)       /* largest CSV record (row) */

typedef struct Config {
    char data_dir[CONFIG_PATH_MAX];    /* the bundled event files */
    char assets_dir[CONFIG_PATH_MAX];  /* the basemap asset */
    size_t max_events;                 /* the most events held */
    bool cache;                        /* cache big files */
    uint64_t cache_min;                /* ... from this many bytes */
    char cache_dir[CONFIG_PATH_MAX];   /* ".../sahelmap"; "" when there is no
                                          place for it (no XDG_CACHE_HOME or
                                          HOME): then nothing is cached */
    char shots_dir[CONFIG_PATH_MAX];   /* the window's screenshots */
    bool idle_signal;
    bool first_frame_exit;
    /* Size limits of the loaders, in bytes (README, Limits). Not read from
     * the environment: the defaults above; tests lower them to reach them
     * with small files. */
    uint64_t max_value;                /* one JSON value (an event object,
                                          an envelope member) */
    uint64_t max_record;               /* one CSV record, all its fields */
} Config;

/* The built-in settings, as with an empty environment but no cache: the
 * data and assets directories compiled in, the default event limit. For
 * tests and tools that want no surprise from the environment. */
void config_defaults(Config *cfg);

/* The built-in settings overridden by the environment. False with err
 * ("SAHELMAP_MAX_EVENTS 'abc': want a whole number from 1 to 4294967295")
 * when a variable holds a value that is not valid; cfg is then usable with
 * that variable ignored. */
bool config_from_env(Config *cfg, Error *err);

#endif

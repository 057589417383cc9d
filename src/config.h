/*
 * config: the settings sahelmap takes from its environment, read in one
 * place (config_from_env, called by main) into a struct that main passes
 * down. No other module calls getenv.
 *
 * The bundled data and the basemap are found beside the program: an
 * installed sahelmap (PREFIX/bin/sahelmap) uses PREFIX/share/sahelmap/data
 * and PREFIX/share/sahelmap/assets, wherever PREFIX was copied to; a
 * program with no such tree beside it (the one in the build tree) uses the
 * source tree's data/ and assets/, compiled in. The environment overrides
 * both:
 *
 *   SAHELMAP_DATA         the bundled data directory
 *   SAHELMAP_ASSETS       the basemap's directory
 *   SAHELMAP_MAX_EVENTS   the most events held (a whole number, 1 to 4e9)
 *   SAHELMAP_CACHE        0 turns the cache off
 *   SAHELMAP_CACHE_MIN    the smallest file cached, in bytes
 *   SAHELMAP_LOAD_THREADS threads a big regular file is parsed on (1: one,
 *                         the serial loader; default: the processor count)
 *   XDG_CACHE_HOME, HOME  where the cache goes
 *   SAHELMAP_SHOTS        where the window's screenshots go
 *   SAHELMAP_IDLE_SIGNAL  1: the window prints "idle N" when it rests (tests)
 *   SAHELMAP_FIRST_FRAME_EXIT  1: the window quits after its first frame
 *                         (the cold-start benchmark)
 *   SAHELMAP_FRAME_LOG    a file: the window writes one CSV row of timings
 *                         per frame drawn into it (the window benchmark)
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
#define CONFIG_LOAD_CHUNK (1ull << 19)        /* the parallel loader's chunk */
#define CONFIG_MAX_LOAD_THREADS 16

/* The installed data's directory relative to the program's (from the
 * install directories CMake was given: "../share/sahelmap" by default). */
#ifdef SAHELMAP_RELATIVE_SHARE
#define CONFIG_RELATIVE_SHARE SAHELMAP_RELATIVE_SHARE
#else
#define CONFIG_RELATIVE_SHARE "../share/sahelmap"
#endif

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
    char frame_log[CONFIG_PATH_MAX];   /* the frame-time CSV; "" for none */
    unsigned load_threads;             /* parse threads for a regular file:
                                          0 the processor count, 1 serial */
    /* The parallel loader's chunk, in bytes (0: CONFIG_LOAD_CHUNK). Not
     * read from the environment: tests make it tiny so that chunk
     * boundaries fall everywhere. A file is split only when it holds two
     * chunks or more. */
    uint64_t load_chunk;
} Config;

/* The built-in settings, as with an empty environment but no cache: the
 * data and assets directories found beside the running program (see
 * config_locate, given /proc/self/exe), the default event limit. For
 * tests and tools that want no surprise from the environment. */
void config_defaults(Config *cfg);

/* Sets cfg's data_dir and assets_dir to the installed tree beside the
 * program at program (an absolute path to the executable):
 * DIR/CONFIG_RELATIVE_SHARE/data and .../assets, DIR being program's
 * directory, when both are directories. Returns true then; otherwise false
 * with cfg unchanged (the build tree's directories stay). */
bool config_locate(Config *cfg, const char *program);

/* The built-in settings overridden by the environment. False with err
 * ("SAHELMAP_MAX_EVENTS 'abc': want a whole number from 1 to 4294967295")
 * when a variable holds a value that is not valid; cfg is then usable with
 * that variable ignored. */
bool config_from_env(Config *cfg, Error *err);

#endif

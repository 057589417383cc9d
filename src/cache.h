/*
 * cache: a compact binary copy of a loaded file, so opening the same
 * unchanged file again skips parsing. Caches live in the user's cache
 * directory (Config.cache_dir: $XDG_CACHE_HOME/sahelmap, else
 * ~/.cache/sahelmap; made, mode 0700, when missing), never next to the
 * user's files, one per source path, written atomically.
 *
 * A cache is used only when it matches the source (size, modification
 * time, and a hash of its first 64 KiB) and itself (a hash of its
 * contents, then every index checked against the table it points into).
 * A changed or corrupt cache is ignored and rewritten, never trusted.
 *
 * Only a file loaded into an empty set is cached: its strings, tuples and
 * notes are then all its own. Small files parse faster than any cache
 * helps and are not cached (below SAHELMAP_CACHE_MIN bytes, default 8 MB);
 * SAHELMAP_CACHE=0 turns caching off.
 */
#ifndef SAHELMAP_CACHE_H
#define SAHELMAP_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "error.h"
#include "events.h"
#include "load.h"

/* Whether a source of this size should use the cache (false for a NULL
 * config: no cache). */
bool cache_wanted(const Config *cfg, uint64_t source_size);

/* The cache file for a source path (its directory is created if needed);
 * false when there is no cache directory to use. */
bool cache_path(const Config *cfg, const char *source, char *out, size_t cap);

/* Fills the empty set (and report) from a valid cache of `source`. False,
 * touching nothing, when there is none or it does not match; *why says
 * which ("no cache", "source changed", "corrupt"). */
bool cache_load(const Config *cfg, EventSet *set, const char *source, LoadReport *report,
                const char **why);

/* Writes the cache of `source` from a set that holds exactly that file's
 * events (finished). False with err if it cannot be written (the cache is
 * optional: callers may ignore this). */
bool cache_store(const Config *cfg, EventSet *set, const char *source,
                 const LoadReport *report, Error *err);

#endif

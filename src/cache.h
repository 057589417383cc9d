/*
 * cache: a compact binary copy of a loaded file, so opening the same
 * unchanged file again skips parsing. Caches live in the user's cache
 * directory (Config.cache_dir: $XDG_CACHE_HOME/sahelmap, else
 * ~/.cache/sahelmap; made, mode 0700, when missing), never next to the
 * user's files, one per source path (a zip member's: the archive's path
 * and the member name), written atomically.
 *
 * A cache is used only when it matches the source (the identity of what
 * was read, taken from the open descriptor before and after reading:
 * device, inode, size, mtime, ctime, and a hash of its first 64 KiB) and
 * itself (a hash of its contents, then every index checked against the
 * table it points into). A changed or corrupt cache is ignored and
 * rewritten, never trusted. A file at the cache path that is not a regular
 * file of ours (a FIFO, a symlink) is never opened, and a cache directory
 * that others may write to is not used. Temporary files of a killed run
 * are removed by the next one (see cache_store).
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
#include <sys/types.h>

#include "config.h"
#include "error.h"
#include "events.h"
#include "load.h"

/* What a source was when it was read. */
typedef struct CacheSource {
    uint64_t dev, ino, size;
    int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
    uint64_t head_hash;                /* its first 64 KiB */
} CacheSource;

/* The identity of the open regular file fd (fstat, and its head read with
 * pread: the file offset is left alone). False if it cannot be read. */
bool cache_source_identify(int fd, CacheSource *out);

/* Whether two identities are of one unchanged file. */
bool cache_source_same(const CacheSource *a, const CacheSource *b);

/* Whether a source of this size should use the cache (false for a NULL
 * config: no cache). */
bool cache_wanted(const Config *cfg, uint64_t source_size);

/* The cache file for a source path (its directory is created if needed);
 * false when there is no cache directory to use: none set, or not a
 * directory of this user's that only they may write to. */
bool cache_path(const Config *cfg, const char *source, char *out, size_t cap);

/* Fills the empty set (and report) from a valid cache of `source`, whose
 * open descriptor has identity `now`. False, touching nothing, when there
 * is none or it does not match; *why says which ("no cache", "source
 * changed", "corrupt", "not a regular file"). */
bool cache_load(const Config *cfg, EventSet *set, const char *source,
                const CacheSource *now, LoadReport *report, const char **why);

/* Writes the cache of `source` from a set that holds exactly that file's
 * events (finished), read while the source had identity `read` (the
 * caller checks it did not change during the read). Temporaries left in
 * the cache directory by a killed run (".smc.XXXXXX" that no live process
 * holds locked) are removed first. False with err if it cannot be written
 * (the cache is optional: callers may ignore this). */
bool cache_store(const Config *cfg, EventSet *set, const char *source,
                 const CacheSource *read, const LoadReport *report, Error *err);

/* Removes the temporaries in dir, named prefix...tail + 6 letters or
 * digits (mkstemp's XXXXXX), that are this user's regular files and no
 * live process holds: each writer keeps an flock on its temporary until
 * it is renamed, so an unlocked one is a killed run's. Returns how many
 * were removed. The cache uses it for "*.smc.XXXXXX" (prefix "", tail
 * ".smc."), the export for its target's ".NAME.sahelmap-XXXXXX". */
int cache_remove_stale_temps(const char *dir, const char *prefix, const char *tail);

#endif

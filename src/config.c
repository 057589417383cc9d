/*
 * config: the environment, read once. See config.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SAHELMAP_DATA_DIR
#define SAHELMAP_DATA_DIR "data"
#endif
#ifndef SAHELMAP_ASSETS_DIR
#define SAHELMAP_ASSETS_DIR "assets"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool config_locate(Config *cfg, const char *program)
{
    const char *slash = strrchr(program, '/');
    if (slash == NULL) return false;
    char data[CONFIG_PATH_MAX], assets[CONFIG_PATH_MAX];
    int dir_len = (int)(slash - program);
    if ((size_t)snprintf(data, sizeof data, "%.*s/%s/data", dir_len, program,
                         CONFIG_RELATIVE_SHARE) >= sizeof data ||
        (size_t)snprintf(assets, sizeof assets, "%.*s/%s/assets", dir_len, program,
                         CONFIG_RELATIVE_SHARE) >= sizeof assets)
        return false;
    if (!is_dir(data) || !is_dir(assets)) return false;
    /* Without the "bin/.." when it resolves (it always should). */
    if (realpath(data, cfg->data_dir) == NULL) memcpy(cfg->data_dir, data, sizeof data);
    if (realpath(assets, cfg->assets_dir) == NULL)
        memcpy(cfg->assets_dir, assets, sizeof assets);
    return true;
}

void config_defaults(Config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->data_dir, sizeof cfg->data_dir, "%s", SAHELMAP_DATA_DIR);
    snprintf(cfg->assets_dir, sizeof cfg->assets_dir, "%s", SAHELMAP_ASSETS_DIR);
    /* Installed: the tree beside the program wins over the build tree's. */
    char program[CONFIG_PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", program, sizeof program - 1);
    if (n > 0 && (size_t)n < sizeof program - 1) {
        program[n] = '\0';
        config_locate(cfg, program);
    }
    cfg->max_events = CONFIG_MAX_EVENTS;
    cfg->cache = false;
    cfg->cache_min = CONFIG_CACHE_MIN;
    cfg->max_value = CONFIG_MAX_VALUE;
    cfg->max_record = CONFIG_MAX_RECORD;
    snprintf(cfg->shots_dir, sizeof cfg->shots_dir, ".");
}

/* A variable's value, or NULL when unset or empty. */
static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

/* A whole decimal number in [min, max], all of s; false otherwise. */
static bool whole_number(const char *s, unsigned long long min, unsigned long long max,
                         unsigned long long *out)
{
    if (s[0] < '0' || s[0] > '9') return false;      /* no sign, no space */
    char *end = NULL;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0' || n < min || n > max) return false;
    *out = n;
    return true;
}

static bool copy_path(char *dst, size_t cap, const char *value)
{
    return (size_t)snprintf(dst, cap, "%s", value) < cap;
}

bool config_from_env(Config *cfg, Error *err)
{
    config_defaults(cfg);
    bool ok = true;
    const char *v;
    if ((v = env("SAHELMAP_DATA")) != NULL && !copy_path(cfg->data_dir, sizeof cfg->data_dir, v))
        ok = error_set(err, "SAHELMAP_DATA: the path is too long");
    if ((v = env("SAHELMAP_ASSETS")) != NULL &&
        !copy_path(cfg->assets_dir, sizeof cfg->assets_dir, v))
        ok = error_set(err, "SAHELMAP_ASSETS: the path is too long");
    if ((v = env("SAHELMAP_SHOTS")) != NULL &&
        !copy_path(cfg->shots_dir, sizeof cfg->shots_dir, v))
        ok = error_set(err, "SAHELMAP_SHOTS: the path is too long");
    if ((v = env("SAHELMAP_FRAME_LOG")) != NULL &&
        !copy_path(cfg->frame_log, sizeof cfg->frame_log, v))
        ok = error_set(err, "SAHELMAP_FRAME_LOG: the path is too long");
    unsigned long long n;
    if ((v = getenv("SAHELMAP_MAX_EVENTS")) != NULL) {
        if (whole_number(v, 1, UINT32_MAX, &n)) cfg->max_events = (size_t)n;
        else ok = error_set(err, "SAHELMAP_MAX_EVENTS '%.60s': want a whole number "
                            "from 1 to %u", v, UINT32_MAX);
    }
    cfg->cache = true;
    if ((v = getenv("SAHELMAP_CACHE")) != NULL) {
        if (strcmp(v, "0") == 0) cfg->cache = false;
        else if (strcmp(v, "1") != 0)
            ok = error_set(err, "SAHELMAP_CACHE '%.60s': want 0 (off) or 1 (on)", v);
    }
    if ((v = getenv("SAHELMAP_CACHE_MIN")) != NULL) {
        if (whole_number(v, 0, UINT64_MAX, &n)) cfg->cache_min = n;
        else ok = error_set(err, "SAHELMAP_CACHE_MIN '%.60s': want a size in bytes", v);
    }
    /* The cache: $XDG_CACHE_HOME/sahelmap, else ~/.cache/sahelmap (an
     * XDG_CACHE_HOME that is not absolute is ignored, as the XDG spec says). */
    const char *xdg = env("XDG_CACHE_HOME"), *home = env("HOME");
    char base[CONFIG_PATH_MAX];
    base[0] = '\0';
    if (xdg != NULL && xdg[0] == '/') snprintf(base, sizeof base, "%s", xdg);
    else if (home != NULL && home[0] == '/') snprintf(base, sizeof base, "%s/.cache", home);
    if (base[0] && (size_t)snprintf(cfg->cache_dir, sizeof cfg->cache_dir, "%s/sahelmap", base) >=
                       sizeof cfg->cache_dir)
        cfg->cache_dir[0] = '\0';                 /* too long: no cache */
    if ((v = env("SAHELMAP_LOAD_THREADS")) != NULL) {
        if (whole_number(v, 1, CONFIG_MAX_LOAD_THREADS, &n)) cfg->load_threads = (unsigned)n;
        else ok = error_set(err, "SAHELMAP_LOAD_THREADS '%.60s': want a whole number "
                            "from 1 to %d", v, CONFIG_MAX_LOAD_THREADS);
    }
    v = getenv("SAHELMAP_IDLE_SIGNAL");
    cfg->idle_signal = v != NULL && strcmp(v, "1") == 0;
    v = getenv("SAHELMAP_FIRST_FRAME_EXIT");
    cfg->first_frame_exit = v != NULL && strcmp(v, "1") == 0;
    return ok;
}

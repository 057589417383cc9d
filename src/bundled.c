/*
 * bundled: listing of the shipped data files. See bundled.h.
 */
#include "bundled.h"

#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void bundled_asset(const Config *cfg, const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", cfg->assets_dir, name);
}

bool bundled_contains(const Config *cfg, const char *path)
{
    char dir[4096], file[4096];
    if (realpath(cfg->data_dir, dir) == NULL || realpath(path, file) == NULL)
        return false;
    size_t n = strlen(dir);
    return strncmp(dir, file, n) == 0 && file[n] == '/';
}

static bool is_event_file(const char *name)
{
    static const char *const exts[] = {".json", ".csv", ".geojson"};
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t el = strlen(exts[i]);
        if (len > el && strcmp(name + len - el, exts[i]) == 0) return true;
    }
    return false;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **bundled_files(const Config *cfg, Error *err)
{
    const char *dir = cfg->data_dir;
    DIR *d = opendir(dir);
    if (d == NULL) {
        error_set(err, "bundled data %s: %s", dir, strerror(errno));
        return NULL;
    }
    char **paths = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !is_event_file(e->d_name)) continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        paths = xgrow(paths, &cap, n + 2, sizeof *paths);
        paths[n] = xmalloc(len);
        snprintf(paths[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n == 0) {
        free(paths);
        error_set(err, "bundled data %s: no event files", dir);
        return NULL;
    }
    qsort(paths, n, sizeof *paths, compare_paths);
    paths[n] = NULL;
    return paths;
}

void bundled_free(char **paths)
{
    if (paths == NULL) return;
    for (char **p = paths; *p != NULL; p++) free(*p);
    free(paths);
}

/*
 * testutil: helpers for the tests. See testutil.h.
 */
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bundled.h"

const char *fixture(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", FIXTURES_DIR, name);
    return path;
}

const Config *test_config(void)
{
    static Config cfg;
    static bool read;
    if (!read) {
        Error err;
        if (!config_from_env(&cfg, &err)) fprintf(stderr, "test_config: %s\n", err.msg);
        read = true;
    }
    return &cfg;
}

bool load_one(EventSet *set, const char *path, LoadReport *rep)
{
    events_init(set);
    bool ok = load_file(set, path, rep);
    events_finish(set);
    return ok;
}

size_t find_event(const EventSet *set, const char *id)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(events_text(set, i, TEXT_ID), id) == 0) return i;
    return SIZE_MAX;
}

int64_t total_fatalities(const EventSet *set)
{
    int64_t sum = 0;
    for (size_t i = 0; i < set->count; i++) sum += set->fat[i];
    return sum;
}

bool testutil_contains(const char *haystack, const char *needle)
{
    if (haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL)
        return true;
    print_error("expected to find \"%s\" in \"%s\"\n", needle ? needle : "(null)",
                haystack ? haystack : "(null)");
    return false;
}

bool file_exists(const char *path)
{
    return access(path, R_OK) == 0;
}

int load_towns_and_basemap(EventSet *set, Basemap *map)
{
    LoadReport rep;
    if (!load_one(set, fixture("towns.json"), &rep)) return -1;
    char path[4096];
    bundled_asset(test_config(), "sahel-basemap.json", path, sizeof path);
    Error err;
    return basemap_load(map, path, &err) ? 0 : -1;
}

void free_towns_and_basemap(EventSet *set, Basemap *map)
{
    events_free(set);
    basemap_free(map);
}

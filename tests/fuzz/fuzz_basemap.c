/*
 * fuzz_basemap: basemap_load on arbitrary bytes; a basemap it accepts must
 * be internally consistent (every path inside the point arrays, every shape
 * inside the paths, every name a string of the pool), then is projected
 * (LAEA, the default), queried the way the map view does, and freed.
 * basemap_free also runs after a failed load (basemap.h says it is safe).
 */
#include "fuzz_common.h"

#include "basemap.h"
#include "proj.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_path("fuzz_basemap", ".json");
    return 0;
}

static void check_name(const Basemap *map, uint32_t ref, const char *what)
{
    fuzz_check(ref < map->names.len, "basemap-refs", "%s name ref %u outside the pool (%zu)",
               what, ref, map->names.len);
    (void)strlen(basemap_str(map, ref));
}

static void check_map(Basemap *map)
{
    for (size_t p = 0; p < map->npaths; p++)
        fuzz_check((uint64_t)map->paths[p].start + map->paths[p].count <= map->npoints,
                   "basemap-refs", "path %zu: points %u+%u of %zu", p,
                   map->paths[p].start, map->paths[p].count, map->npoints);
    for (int l = 0; l < BASEMAP_LAYER_COUNT; l++) {
        const BasemapLayer *layer = &map->layers[l];
        for (size_t s = 0; s < layer->count; s++) {
            const BasemapShape *sh = &layer->shapes[s];
            fuzz_check((uint64_t)sh->first_path + sh->npaths <= map->npaths,
                       "basemap-refs", "layer %d shape %zu: paths %u+%u of %zu", l, s,
                       sh->first_path, sh->npaths, map->npaths);
            check_name(map, sh->name, "shape");
            check_name(map, sh->name_fr, "shape");
            check_name(map, sh->country, "shape");
        }
    }
    for (size_t t = 0; t < map->ntowns; t++) {
        check_name(map, map->towns[t].name, "town");
        check_name(map, map->towns[t].country, "town");
    }
    fuzz_check(fuzz_terminated(map->credits, sizeof map->credits), "report-strings",
               "credits not terminated");
}

static void check_projected(const Basemap *map)
{
    for (size_t i = 0; i < map->npoints; i++)
        fuzz_check(isnan(map->x[i]) == isnan(map->y[i]) && !isinf(map->x[i]) &&
                       !isinf(map->y[i]),
                   "basemap-xy", "point %zu (%g, %g) projected to (%g, %g)", i,
                   map->lon[i], map->lat[i], map->x[i], map->y[i]);
    for (size_t t = 0; t < map->ntowns; t++)
        fuzz_check(!isinf(map->towns[t].x) && !isinf(map->towns[t].y), "basemap-xy",
                   "town %zu projected to (%g, %g)", t, map->towns[t].x,
                   map->towns[t].y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(fuzz_path, NULL, 0, data, size, NULL, 0);
    Basemap map;
    Error err;
    err.msg[0] = '\0';
    if (basemap_load(&map, fuzz_path, &err)) {
        check_map(&map);
        Proj p;
        proj_init(&p, PROJ_LAEA);
        basemap_project(&map, &p);
        check_projected(&map);
        basemap_project(&map, &p);          /* already done: a no-op */
        /* What the map view asks of a loaded basemap. */
        (void)basemap_find_country(&map, "MLI");
        for (int l = BASEMAP_LAND; l <= BASEMAP_LAKES; l++)
            for (size_t s = 0; s < map.layers[l].count; s++)
                (void)basemap_shape_contains(&map, &map.layers[l].shapes[s], 2.0, 16.0);
    } else {
        fuzz_check(fuzz_terminated(err.msg, sizeof err.msg) && err.msg[0] != '\0',
                   "report-strings", "basemap refused without a message");
    }
    basemap_free(&map);
    unlink(fuzz_path);
    return 0;
}

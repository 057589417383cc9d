/*
 * incountry: countries inferred from the basemap. See incountry.h.
 */
#include "incountry.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

#define CELL_DEGREES 0.25
#define MAX_CELLS_PER_AXIS 4096
#define CELL_UNSET (-3)      /* not classified yet */
#define CELL_BORDER (-2)     /* a country ring crosses it: test the point */
#define CELL_NONE (-1)       /* in no country */

typedef struct Box {
    double lon0, lat0, lon1, lat1;
} Box;

typedef struct Grid {
    const Basemap *map;
    const BasemapLayer *countries;
    Box *boxes;              /* per country shape */
    Box all;
    int nx, ny;
    int32_t *cell;           /* CELL_* or a country shape index */
} Grid;

static bool in_box(const Box *b, double lon, double lat)
{
    return lon >= b->lon0 && lon <= b->lon1 && lat >= b->lat0 && lat <= b->lat1;
}

/* The first country containing the point, testing only those whose box
 * holds it; CELL_NONE if none does. */
static int32_t country_at(const Grid *g, double lon, double lat)
{
    for (size_t s = 0; s < g->countries->count; s++)
        if (in_box(&g->boxes[s], lon, lat) &&
            basemap_shape_contains(g->map, &g->countries->shapes[s], lon, lat))
            return (int32_t)s;
    return CELL_NONE;
}

static int clamp_cell(double v, int n)
{
    int c = (int)floor(v);
    return c < 0 ? 0 : c >= n ? n - 1 : c;
}

static void grid_init(Grid *g, const Basemap *map)
{
    g->map = map;
    g->countries = &map->layers[BASEMAP_COUNTRIES];
    size_t n = g->countries->count;
    g->boxes = xcalloc(n + 1, sizeof *g->boxes);
    g->all = (Box){INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (size_t s = 0; s < n; s++) {
        const BasemapShape *sh = &g->countries->shapes[s];
        Box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (uint32_t p = sh->first_path; p < sh->first_path + sh->npaths; p++)
            for (uint32_t k = 0; k < map->paths[p].count; k++) {
                double lon = map->lon[map->paths[p].start + k];
                double lat = map->lat[map->paths[p].start + k];
                b.lon0 = fmin(b.lon0, lon);
                b.lat0 = fmin(b.lat0, lat);
                b.lon1 = fmax(b.lon1, lon);
                b.lat1 = fmax(b.lat1, lat);
            }
        g->boxes[s] = b;
        g->all.lon0 = fmin(g->all.lon0, b.lon0);
        g->all.lat0 = fmin(g->all.lat0, b.lat0);
        g->all.lon1 = fmax(g->all.lon1, b.lon1);
        g->all.lat1 = fmax(g->all.lat1, b.lat1);
    }
    if (!(g->all.lon1 >= g->all.lon0)) {        /* no country at all */
        g->nx = g->ny = 0;
        g->cell = NULL;
        return;
    }
    double w = (g->all.lon1 - g->all.lon0) / CELL_DEGREES;
    double h = (g->all.lat1 - g->all.lat0) / CELL_DEGREES;
    g->nx = (int)fmin(MAX_CELLS_PER_AXIS, floor(w) + 1);
    g->ny = (int)fmin(MAX_CELLS_PER_AXIS, floor(h) + 1);
    size_t cells = (size_t)g->nx * (size_t)g->ny;
    g->cell = xmalloc(cells * sizeof *g->cell);
    for (size_t c = 0; c < cells; c++) g->cell[c] = CELL_UNSET;

    /* Every cell a ring's edge passes through (within the edge's box). */
    double sx = g->nx / (g->all.lon1 - g->all.lon0 + 1e-9);
    double sy = g->ny / (g->all.lat1 - g->all.lat0 + 1e-9);
    for (size_t s = 0; s < n; s++) {
        const BasemapShape *sh = &g->countries->shapes[s];
        for (uint32_t p = sh->first_path; p < sh->first_path + sh->npaths; p++) {
            const BasemapPath *path = &map->paths[p];
            for (uint32_t i = 0, j = path->count - 1; i < path->count; j = i++) {
                double x0 = (map->lon[path->start + i] - g->all.lon0) * sx;
                double y0 = (map->lat[path->start + i] - g->all.lat0) * sy;
                double x1 = (map->lon[path->start + j] - g->all.lon0) * sx;
                double y1 = (map->lat[path->start + j] - g->all.lat0) * sy;
                int cx0 = clamp_cell(fmin(x0, x1), g->nx), cx1 = clamp_cell(fmax(x0, x1), g->nx);
                int cy0 = clamp_cell(fmin(y0, y1), g->ny), cy1 = clamp_cell(fmax(y0, y1), g->ny);
                for (int cy = cy0; cy <= cy1; cy++)
                    for (int cx = cx0; cx <= cx1; cx++)
                        g->cell[(size_t)cy * g->nx + cx] = CELL_BORDER;
            }
        }
    }
}

static void grid_free(Grid *g)
{
    free(g->boxes);
    free(g->cell);
}

static int32_t grid_country(Grid *g, double lon, double lat)
{
    if (g->cell == NULL || !in_box(&g->all, lon, lat)) return CELL_NONE;
    double sx = g->nx / (g->all.lon1 - g->all.lon0 + 1e-9);
    double sy = g->ny / (g->all.lat1 - g->all.lat0 + 1e-9);
    int cx = clamp_cell((lon - g->all.lon0) * sx, g->nx);
    int cy = clamp_cell((lat - g->all.lat0) * sy, g->ny);
    int32_t *c = &g->cell[(size_t)cy * g->nx + cx];
    if (*c == CELL_BORDER) return country_at(g, lon, lat);
    /* No ring crosses the cell: all of it is where its centre is. */
    if (*c == CELL_UNSET)
        *c = country_at(g, g->all.lon0 + (cx + 0.5) / sx, g->all.lat0 + (cy + 0.5) / sy);
    return *c;
}

static bool wants_country(const EventSet *set, size_t i)
{
    return events_text_ref(set, i, TEXT_COUNTRY) == 0 &&
           !(set->flags[i] & EVENT_FLAG_COUNTRY_INFERRED);
}

bool incountry_needed(const EventSet *set)
{
    for (size_t i = 0; i < set->count; i++)
        if (wants_country(set, i)) return true;
    return false;
}

size_t incountry_infer(EventSet *set, const Basemap *map)
{
    Grid g;
    grid_init(&g, map);
    size_t inferred = 0;
    for (size_t i = 0; i < set->count; i++) {
        if (!wants_country(set, i)) continue;
        int32_t s = grid_country(&g, events_lon(set, i), events_lat(set, i));
        if (s < 0) continue;
        const BasemapShape *sh = &g.countries->shapes[s];
        events_set_inferred_country(set, i, basemap_str(map, sh->name));
        inferred++;
    }
    grid_free(&g);
    return inferred;
}

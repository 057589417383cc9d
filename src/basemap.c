/*
 * basemap: loading and projecting the vector basemap. See basemap.h.
 */
#include "basemap.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* Building                                                                  */
/* ------------------------------------------------------------------------- */

typedef struct Loader {
    Basemap *map;
    const char *layer;      /* for messages */
    Error *err;
} Loader;

static uint32_t name_ref(Basemap *map, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(v)) return 0;
    return strpool_intern(&map->names, v->valuestring, strlen(v->valuestring));
}

/* Appends one path from a JSON array of [lon, lat] pairs. */
static bool add_path(Loader *ld, const cJSON *coords)
{
    Basemap *map = ld->map;
    if (!cJSON_IsArray(coords))
        return error_set(ld->err, "%s: a line or ring is not an array", ld->layer);
    int n = cJSON_GetArraySize(coords);
    size_t need = map->npoints + (size_t)n;
    size_t cap = map->points_cap;
    map->lon = xgrow(map->lon, &cap, need, sizeof *map->lon);
    cap = map->points_cap;
    map->lat = xgrow(map->lat, &cap, need, sizeof *map->lat);
    map->points_cap = cap;
    uint32_t start = (uint32_t)map->npoints;
    for (const cJSON *pt = coords->child; pt != NULL; pt = pt->next) {
        const cJSON *lon = cJSON_GetArrayItem(pt, 0), *lat = cJSON_GetArrayItem(pt, 1);
        if (!cJSON_IsNumber(lon) || !cJSON_IsNumber(lat) ||
            fabs(lon->valuedouble) > 180 || fabs(lat->valuedouble) > 90)
            return error_set(ld->err, "%s: a point is not [lon, lat] degrees",
                             ld->layer);
        map->lon[map->npoints] = lon->valuedouble;
        map->lat[map->npoints] = lat->valuedouble;
        map->npoints++;
    }
    map->paths = xgrow(map->paths, &map->paths_cap, map->npaths + 1,
                       sizeof *map->paths);
    map->paths[map->npaths++] = (BasemapPath){start, (uint32_t)n};
    return true;
}

/* Adds the paths of a list of polygons ([[ring, hole...], ...]) or, with
 * polygons == false, of a list of lines. */
static bool add_paths(Loader *ld, const cJSON *list, bool polygons)
{
    if (!cJSON_IsArray(list))
        return error_set(ld->err, "%s: geometry is not an array", ld->layer);
    for (const cJSON *item = list->child; item != NULL; item = item->next) {
        if (!polygons) {
            if (!add_path(ld, item)) return false;
            continue;
        }
        if (!cJSON_IsArray(item))
            return error_set(ld->err, "%s: a polygon is not an array of rings",
                             ld->layer);
        for (const cJSON *ring = item->child; ring != NULL; ring = ring->next)
            if (!add_path(ld, ring)) return false;
    }
    return true;
}

static BasemapShape *new_shape(Basemap *map, BasemapLayerId id)
{
    BasemapLayer *layer = &map->layers[id];
    layer->shapes = xgrow(layer->shapes, &layer->cap, layer->count + 1,
                          sizeof *layer->shapes);
    BasemapShape *s = &layer->shapes[layer->count++];
    memset(s, 0, sizeof *s);
    s->first_path = (uint32_t)map->npaths;
    s->label_lon = s->label_lat = s->label_x = s->label_y = NAN;
    return s;
}

/* One layer that is a single shape made of polygons or lines. */
static bool load_plain(Loader *ld, const cJSON *root, const char *key,
                       BasemapLayerId id, bool polygons)
{
    ld->layer = key;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (list == NULL) return error_set(ld->err, "missing layer '%s'", key);
    BasemapShape *s = new_shape(ld->map, id);
    if (!add_paths(ld, list, polygons)) return false;
    s = &ld->map->layers[id].shapes[ld->map->layers[id].count - 1];
    s->npaths = (uint32_t)ld->map->npaths - s->first_path;
    return true;
}

/* A layer of named shapes: [{"name":..., "polygons"|"lines": ...}, ...]. */
static bool load_named(Loader *ld, const cJSON *root, const char *key,
                       BasemapLayerId id, const char *geometry)
{
    ld->layer = key;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(list)) return error_set(ld->err, "missing layer '%s'", key);
    Basemap *map = ld->map;
    for (const cJSON *item = list->child; item != NULL; item = item->next) {
        BasemapShape *s = new_shape(map, id);
        s->name = name_ref(map, item, "name");
        s->name_fr = name_ref(map, item, "name_fr");
        s->country = name_ref(map, item, id == BASEMAP_COUNTRIES ? "iso3" : "country");
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(item, "label");
        const cJSON *lx = cJSON_GetArrayItem(label, 0), *ly = cJSON_GetArrayItem(label, 1);
        if (cJSON_IsNumber(lx) && cJSON_IsNumber(ly)) {
            s->label_lon = lx->valuedouble;
            s->label_lat = ly->valuedouble;
        }
        const cJSON *geom = cJSON_GetObjectItemCaseSensitive(item, geometry);
        if (!add_paths(ld, geom, strcmp(geometry, "polygons") == 0)) return false;
        s = &map->layers[id].shapes[map->layers[id].count - 1];
        s->npaths = (uint32_t)map->npaths - s->first_path;
    }
    return true;
}

static bool load_towns(Loader *ld, const cJSON *root)
{
    ld->layer = "towns";
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "towns");
    if (!cJSON_IsArray(list)) return error_set(ld->err, "missing layer 'towns'");
    Basemap *map = ld->map;
    map->towns = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof *map->towns);
    for (const cJSON *item = list->child; item != NULL; item = item->next) {
        const cJSON *lon = cJSON_GetObjectItemCaseSensitive(item, "lon");
        const cJSON *lat = cJSON_GetObjectItemCaseSensitive(item, "lat");
        const cJSON *pop = cJSON_GetObjectItemCaseSensitive(item, "population");
        if (!cJSON_IsNumber(lon) || !cJSON_IsNumber(lat) ||
            fabs(lon->valuedouble) > 180 || fabs(lat->valuedouble) > 90)
            return error_set(ld->err, "towns: a town has no lon/lat in degrees");
        BasemapTown *t = &map->towns[map->ntowns++];
        t->name = name_ref(map, item, "name");
        t->country = name_ref(map, item, "country");
        t->lon = lon->valuedouble;
        t->lat = lat->valuedouble;
        t->x = t->y = NAN;
        double people = cJSON_IsNumber(pop) ? pop->valuedouble : 0;
        t->population = people >= 0 && people < 1e11 ? (long)people : 0;
        t->capital = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "capital"));
    }
    return true;
}

bool basemap_load(Basemap *map, const char *path, Error *err)
{
    memset(map, 0, sizeof *map);
    strpool_init(&map->names);
    map->projected_kind = -1;

    FILE *f = fopen(path, "rb");
    if (f == NULL) return error_set(err, "basemap %s: cannot open", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = xmalloc(size > 0 ? (size_t)size + 1 : 1);
    size_t got = fread(text, 1, size > 0 ? (size_t)size : 0, f);
    text[got] = '\0';                 /* cJSON never reads past its end */
    fclose(f);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, got, &end, 0);
    if (root == NULL) {
        size_t at = end ? (size_t)(end - text) : 0;
        free(text);
        return error_set(err, "basemap %s: invalid JSON at byte %zu", path, at);
    }
    Loader ld = {map, "", err};
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    bool ok = cJSON_IsNumber(version) && version->valueint == 1;
    if (!ok) error_set(err, "not a sahelmap basemap (version 1)");
    ok = ok && load_plain(&ld, root, "land", BASEMAP_LAND, true) &&
         load_named(&ld, root, "countries", BASEMAP_COUNTRIES, "polygons") &&
         load_named(&ld, root, "admin1", BASEMAP_ADMIN1, "polygons") &&
         load_named(&ld, root, "lakes", BASEMAP_LAKES, "polygons") &&
         load_named(&ld, root, "rivers", BASEMAP_RIVERS, "lines") &&
         load_plain(&ld, root, "coastline", BASEMAP_COASTLINE, false) &&
         load_plain(&ld, root, "admin1_borders", BASEMAP_ADMIN1_BORDERS, false) &&
         load_plain(&ld, root, "country_borders", BASEMAP_COUNTRY_BORDERS, false) &&
         load_towns(&ld, root);
    const cJSON *credits = cJSON_GetObjectItemCaseSensitive(root, "credits");
    snprintf(map->credits, sizeof map->credits, "%s",
             cJSON_IsString(credits) ? credits->valuestring : "Natural Earth; GeoNames");
    cJSON_Delete(root);
    free(text);
    if (!ok) return error_prefix(err, "basemap %s", path);
    map->x = xmalloc(map->npoints * sizeof *map->x + 1);
    map->y = xmalloc(map->npoints * sizeof *map->y + 1);
    return true;
}

void basemap_free(Basemap *map)
{
    free(map->lon);
    free(map->lat);
    free(map->x);
    free(map->y);
    free(map->paths);
    for (int l = 0; l < BASEMAP_LAYER_COUNT; l++) free(map->layers[l].shapes);
    free(map->towns);
    strpool_free(&map->names);
    memset(map, 0, sizeof *map);
}

/* ------------------------------------------------------------------------- */
/* Projection and queries                                                    */
/* ------------------------------------------------------------------------- */

static void project_point(const Proj *p, double lon, double lat, double *x,
                          double *y)
{
    if (isnan(lon) || !proj_forward(p, lon, lat, x, y)) *x = *y = NAN;
}

void basemap_project(Basemap *map, const Proj *p)
{
    if (map->projected_kind == (int)p->kind) return;
    for (size_t i = 0; i < map->npoints; i++)
        project_point(p, map->lon[i], map->lat[i], &map->x[i], &map->y[i]);
    for (int l = 0; l < BASEMAP_LAYER_COUNT; l++)
        for (size_t s = 0; s < map->layers[l].count; s++) {
            BasemapShape *sh = &map->layers[l].shapes[s];
            project_point(p, sh->label_lon, sh->label_lat, &sh->label_x, &sh->label_y);
        }
    for (size_t t = 0; t < map->ntowns; t++)
        project_point(p, map->towns[t].lon, map->towns[t].lat, &map->towns[t].x,
                      &map->towns[t].y);
    map->projected_kind = (int)p->kind;
}

int basemap_find_country(const Basemap *map, const char *iso3)
{
    const BasemapLayer *layer = &map->layers[BASEMAP_COUNTRIES];
    for (size_t s = 0; s < layer->count; s++)
        if (strcmp(basemap_str(map, layer->shapes[s].country), iso3) == 0)
            return (int)s;
    return -1;
}

bool basemap_shape_contains(const Basemap *map, const BasemapShape *s,
                            double lon, double lat)
{
    bool inside = false;
    for (uint32_t p = s->first_path; p < s->first_path + s->npaths; p++) {
        const BasemapPath *path = &map->paths[p];
        for (uint32_t i = 0, j = path->count - 1; i < path->count; j = i++) {
            double xi = map->lon[path->start + i], yi = map->lat[path->start + i];
            double xj = map->lon[path->start + j], yj = map->lat[path->start + j];
            if ((yi > lat) != (yj > lat) &&
                lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

/* Country names other sources spell differently (ACLED, UCDP). */
static const char *const COUNTRY_ALIASES[][2] = {
    {"Ivory Coast", "CIV"},
    {"Democratic Republic of Congo", "COD"},
    {"DR Congo (Zaire)", "COD"},
    {"Cote d'Ivoire", "CIV"},
};

int basemap_find_country_named(const Basemap *map, const char *name)
{
    for (size_t a = 0; a < sizeof COUNTRY_ALIASES / sizeof COUNTRY_ALIASES[0]; a++)
        if (strcasecmp(COUNTRY_ALIASES[a][0], name) == 0)
            return basemap_find_country(map, COUNTRY_ALIASES[a][1]);
    const BasemapLayer *layer = &map->layers[BASEMAP_COUNTRIES];
    for (size_t s = 0; s < layer->count; s++) {
        const BasemapShape *sh = &layer->shapes[s];
        if (strcasecmp(basemap_str(map, sh->country), name) == 0 ||
            strcasecmp(basemap_str(map, sh->name), name) == 0 ||
            strcasecmp(basemap_str(map, sh->name_fr), name) == 0)
            return (int)s;
    }
    return -1;
}

int basemap_shape_at(const Basemap *map, BasemapLayerId layer, double lon, double lat)
{
    const BasemapLayer *l = &map->layers[layer];
    for (size_t s = 0; s < l->count; s++)
        if (basemap_shape_contains(map, &l->shapes[s], lon, lat)) return (int)s;
    return -1;
}

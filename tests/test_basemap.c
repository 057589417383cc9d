/*
 * test_basemap: the shipped basemap asset loads, holds the layers and
 * places the issue asks for, and is projected once per projection.
 */
#include "testutil.h"

#include <math.h>
#include <string.h>

#include "basemap.h"
#include "bundled.h"

static Basemap map;

static int setup(void **state)
{
    (void)state;
    char path[4096];
    bundled_asset(test_config(), "sahel-basemap.json", path, sizeof path);
    Error err;
    if (!basemap_load(&map, path, &err)) {
        print_error("%s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    basemap_free(&map);
    return 0;
}

static const BasemapShape *find_shape(BasemapLayerId layer, const char *name)
{
    for (size_t s = 0; s < map.layers[layer].count; s++)
        if (strcmp(basemap_str(&map, map.layers[layer].shapes[s].name), name) == 0)
            return &map.layers[layer].shapes[s];
    return NULL;
}

static const BasemapTown *find_town(const char *name)
{
    for (size_t t = 0; t < map.ntowns; t++)
        if (strcmp(basemap_str(&map, map.towns[t].name), name) == 0) return &map.towns[t];
    return NULL;
}

static void test_layers(void **state)
{
    (void)state;
    assert_true(map.layers[BASEMAP_COUNTRIES].count >= 20);
    assert_true(map.layers[BASEMAP_ADMIN1].count >= 100);
    assert_true(map.layers[BASEMAP_COUNTRY_BORDERS].shapes[0].npaths > 10);
    assert_true(map.layers[BASEMAP_ADMIN1_BORDERS].shapes[0].npaths > 10);
    assert_true(map.layers[BASEMAP_COASTLINE].shapes[0].npaths > 0);
    assert_true(map.ntowns >= 200);
    assert_true(map.npoints > 10000);
    const char *countries[] = {"MLI", "BFA", "NER", "MRT", "TCD", "SEN", "NGA", "DZA"};
    for (size_t c = 0; c < sizeof countries / sizeof countries[0]; c++) {
        int idx = basemap_find_country(&map, countries[c]);
        if (idx < 0) fail_msg("no country %s", countries[c]);
        /* Each of them has admin-1 areas too. */
        size_t n = 0;
        for (size_t a = 0; a < map.layers[BASEMAP_ADMIN1].count; a++)
            n += strcmp(basemap_str(&map, map.layers[BASEMAP_ADMIN1].shapes[a].country),
                        countries[c]) == 0;
        if (n < 2) fail_msg("%s has %zu admin-1 areas", countries[c], n);
    }
}

static void test_places(void **state)
{
    (void)state;
    assert_non_null(find_shape(BASEMAP_RIVERS, "Niger"));
    assert_non_null(find_shape(BASEMAP_RIVERS, "Senegal"));
    assert_non_null(find_shape(BASEMAP_LAKES, "Lake Chad"));
    const BasemapTown *t = find_town("Tinzaouaten");
    assert_non_null(t);
    assert_float_equal(t->lat, 19.96, 0.05);
    assert_float_equal(t->lon, 2.9, 0.1);
    assert_non_null(find_town("M\xc3\xa9naka"));
    assert_non_null(find_town("Tessalit"));
    const BasemapTown *bamako = find_town("Bamako");
    assert_non_null(bamako);
    assert_true(bamako->capital);
    /* Towns are sorted by population, most first. */
    for (size_t i = 1; i < map.ntowns; i++)
        assert_true(map.towns[i - 1].population >= map.towns[i].population);
}

static void test_labels_inside_and_points_in_countries(void **state)
{
    (void)state;
    const BasemapLayer *admin1 = &map.layers[BASEMAP_ADMIN1];
    for (size_t a = 0; a < admin1->count; a++) {
        const BasemapShape *s = &admin1->shapes[a];
        if (isnan(s->label_lon)) fail_msg("no label for %s", basemap_str(&map, s->name));
        if (!basemap_shape_contains(&map, s, s->label_lon, s->label_lat))
            fail_msg("label of %s is outside it", basemap_str(&map, s->name));
    }
    int mali = basemap_find_country(&map, "MLI");
    const BasemapShape *m = &map.layers[BASEMAP_COUNTRIES].shapes[mali];
    assert_true(basemap_shape_contains(&map, m, -4.183, 14.484));   /* Mopti */
    assert_true(basemap_shape_contains(&map, m, 1.4078, 18.4411));  /* Kidal */
    assert_false(basemap_shape_contains(&map, m, 2.1254, 13.5116)); /* Niamey */
}

static void test_projected_once(void **state)
{
    (void)state;
    Proj p;
    proj_init(&p, PROJ_LAEA);
    basemap_project(&map, &p);
    assert_int_equal(map.projected_kind, PROJ_LAEA);
    double x0 = map.x[0];
    map.x[0] = 12345;                    /* a second call must not redo it */
    basemap_project(&map, &p);
    assert_float_equal(map.x[0], 12345, 0);
    map.x[0] = x0;
    proj_init(&p, PROJ_MERCATOR);
    basemap_project(&map, &p);
    assert_int_equal(map.projected_kind, PROJ_MERCATOR);
}

static void test_bad_asset(void **state)
{
    (void)state;
    Basemap bad;
    Error err;
    assert_false(basemap_load(&bad, fixture("acled_api.json"), &err));
    assert_contains(err.msg, "not a sahelmap basemap");
    basemap_free(&bad);
    assert_false(basemap_load(&bad, fixture("nothing-here.json"), &err));
    assert_contains(err.msg, "cannot open");
    basemap_free(&bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layers),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_labels_inside_and_points_in_countries),
        cmocka_unit_test(test_projected_once),
        cmocka_unit_test(test_bad_asset),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

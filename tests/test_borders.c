/*
 * test_borders: the shipped basemap puts border and coastal places on the
 * right side (issue 10), and the point lookups (basemap_find_country_named,
 * basemap_shape_at) answer as documented. Coordinates are ACLED's or
 * GeoNames' for each place, as noted.
 */
#include "testutil.h"

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

static const char *country_at(double lon, double lat)
{
    int c = basemap_shape_at(&map, BASEMAP_COUNTRIES, lon, lat);
    return c < 0 ? "(none)" : basemap_str(&map, map.layers[BASEMAP_COUNTRIES].shapes[c].country);
}

static void test_places_on_their_side(void **state)
{
    (void)state;
    static const struct {
        const char *name, *iso3;
        double lat, lon;
    } places[] = {
        {"Tinzaouaten (ACLED)", "MLI", 19.962, 2.857},
        {"Tin Zaouaten (ACLED, Mali export)", "MLI", 19.9625, 2.8575},
        {"Tinzaouaten (basemap town)", "MLI", 19.9625, 2.8575},
        {"In Khalil (ACLED)", "MLI", 21.1901, 1.0430},
        {"Anderamboukane (ACLED)", "MLI", 15.4220, 3.0224},
        {"Nouakchott (GeoNames)", "MRT", 18.0858, -15.9785},
        {"Tangangari (ACLED)", "BFA", 13.2540, 0.9850},
        {"Kaedi (GeoNames)", "MRT", 16.1503, -13.5037},
        {"Niamey (GeoNames)", "NER", 13.5137, 2.1098},
    };
    for (size_t k = 0; k < sizeof places / sizeof places[0]; k++) {
        const char *got = country_at(places[k].lon, places[k].lat);
        if (strcmp(got, places[k].iso3) != 0)
            fail_msg("%s at %.4f N %.4f E: in %s, not %s", places[k].name, places[k].lat,
                     places[k].lon, got, places[k].iso3);
    }
    /* The sea off Nouakchott is in no country. */
    assert_int_equal(basemap_shape_at(&map, BASEMAP_COUNTRIES, -16.2, 18.0858), -1);
}

static void test_lookups(void **state)
{
    (void)state;
    int mali = basemap_find_country(&map, "MLI");
    assert_true(mali >= 0);
    assert_int_equal(basemap_find_country_named(&map, "Mali"), mali);
    assert_int_equal(basemap_find_country_named(&map, "mali"), mali);
    assert_int_equal(basemap_find_country_named(&map, "MLI"), mali);
    int civ = basemap_find_country(&map, "CIV");
    assert_true(civ >= 0);
    assert_int_equal(basemap_find_country_named(&map, "Ivory Coast"), civ);
    assert_int_equal(basemap_find_country_named(&map, "Côte d'Ivoire"), civ);
    assert_int_equal(basemap_find_country_named(&map, "Tchad"), basemap_find_country(&map, "TCD"));
    assert_int_equal(basemap_find_country_named(&map, "Atlantis"), -1);
    assert_int_equal(basemap_shape_at(&map, BASEMAP_COUNTRIES, -4.183, 14.484), mali);

    int a = basemap_shape_at(&map, BASEMAP_ADMIN1, 2.1098, 13.5137);
    assert_true(a >= 0);
    assert_string_equal(basemap_str(&map, map.layers[BASEMAP_ADMIN1].shapes[a].name), "Niamey");
    a = basemap_shape_at(&map, BASEMAP_ADMIN1, 1.4078, 18.4411);
    assert_true(a >= 0);
    assert_string_equal(basemap_str(&map, map.layers[BASEMAP_ADMIN1].shapes[a].name), "Kidal");
    assert_int_equal(basemap_shape_at(&map, BASEMAP_ADMIN1, -30, 15), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places_on_their_side),
        cmocka_unit_test(test_lookups),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

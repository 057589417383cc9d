/*
 * test_bundled_places: each event of the bundled data (data/) against the
 * shipped basemap: it lies in the country and the admin-1 area it names, and
 * when its location is one of the basemap's towns (GeoNames, or the hand
 * list of tools/basemap), a place marked precise (geo_precision 1) is
 * within 5 km of it and one marked 2 within 25 km.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bundled.h"

/* Events whose admin-1 disagrees with Natural Earth's line at their (right)
 * point, with the reason; anything else that disagrees fails. */
static const struct {
    const char *id, *why;
} ADMIN1_EXCEPTIONS[] = {
    {"SM-TZ-0011", "Anefis (18.05 N 0.60 E) is in Kidal; Natural Earth's pre-2016 "
                   "Kidal/Gao line passes north of it"},
    {"SM-SH-0028", "Yirgou (Barsalogho, Sanmatenga, Centre-Nord): the point falls in "
                   "Sahel on the basemap; its position is to be checked"},
};

static Basemap map;

static double km_between(double lon1, double lat1, double lon2, double lat2)
{
    const double rad = M_PI / 180;
    double x = (lon2 - lon1) * rad * cos((lat1 + lat2) / 2 * rad);
    double y = (lat2 - lat1) * rad;
    return sqrt(x * x + y * y) * 6371.0;
}

static bool excepted(const char *id)
{
    for (size_t k = 0; k < sizeof ADMIN1_EXCEPTIONS / sizeof ADMIN1_EXCEPTIONS[0]; k++)
        if (strcmp(ADMIN1_EXCEPTIONS[k].id, id) == 0) {
            printf("  %s: admin-1 not checked: %s\n", id, ADMIN1_EXCEPTIONS[k].why);
            return true;
        }
    return false;
}

static void check_file(const char *name)
{
    char path[CONFIG_PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/%s", test_config()->data_dir, name);
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, path, &rep));
    size_t bad = 0, near_town = 0;
    for (size_t i = 0; i < set.count; i++) {
        const char *id = events_text(&set, i, TEXT_ID);
        const char *loc = events_text(&set, i, TEXT_LOCATION);
        double lon = events_lon(&set, i), lat = events_lat(&set, i);
        int c = basemap_shape_at(&map, BASEMAP_COUNTRIES, lon, lat);
        int named = basemap_find_country_named(&map, events_text(&set, i, TEXT_COUNTRY));
        if (c < 0 || c != named) {
            printf("  %s %s: not inside %s\n", id, loc, events_text(&set, i, TEXT_COUNTRY));
            bad++;
        }
        int a = basemap_shape_at(&map, BASEMAP_ADMIN1, lon, lat);
        const char *admin1 = events_text(&set, i, TEXT_ADMIN1);
        const BasemapShape *s = a >= 0 ? &map.layers[BASEMAP_ADMIN1].shapes[a] : NULL;
        if ((s == NULL || (strcasecmp(basemap_str(&map, s->name), admin1) != 0 &&
                           strcasecmp(basemap_str(&map, s->name_fr), admin1) != 0)) &&
            !excepted(id)) {
            printf("  %s %s: admin-1 %s, the basemap has %s there\n", id, loc, admin1,
                   s ? basemap_str(&map, s->name) : "none");
            bad++;
        }
        double limit = events_geo_prec(&set, i) == 1 ? 5 : events_geo_prec(&set, i) == 2 ? 25 : INFINITY;
        double best = INFINITY;
        for (size_t t = 0; t < map.ntowns; t++)
            if (strcasecmp(basemap_str(&map, map.towns[t].name), loc) == 0)
                best = fmin(best, km_between(lon, lat, map.towns[t].lon, map.towns[t].lat));
        if (isfinite(best)) {
            near_town++;
            if (best > limit) {
                printf("  %s %s: %.1f km from the town, precision %d allows %.0f km\n", id,
                       loc, best, events_geo_prec(&set, i), limit);
                bad++;
            }
        }
    }
    printf("test_bundled_places: %s: %zu events, %zu at a basemap town, %zu wrong\n", name,
           set.count, near_town, bad);
    events_free(&set);
    assert_int_equal(bad, 0);
}

static void test_tinzaouaten(void **state)
{
    (void)state;
    check_file("tinzaouaten-2024.json");
}

static void test_major(void **state)
{
    (void)state;
    check_file("sahel-major-2012-2024.json");
}

static int setup(void **state)
{
    (void)state;
    char path[4096];
    bundled_asset(test_config(), "sahel-basemap.json", path, sizeof path);
    Error err;
    return basemap_load(&map, path, &err) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    basemap_free(&map);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tinzaouaten),
        cmocka_unit_test(test_major),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

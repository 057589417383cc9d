/*
 * test_view: fitting, zooming about a point, panning, changing projection.
 */
#include "testutil.h"

#include <math.h>

#include "view.h"

static void test_fit_bbox_centres_and_keeps_aspect(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_PLATE, 0, 0, 1000, 500);
    /* Plate carree: the projected box is the lon/lat box scaled by a. */
    assert_true(view_fit_bbox(&v, 0, 0, 10, 10));
    double sx0, sy0, sx1, sy1;
    assert_true(view_lonlat_to_screen(&v, 0, 0, &sx0, &sy0));
    assert_true(view_lonlat_to_screen(&v, 10, 10, &sx1, &sy1));
    assert_float_equal(sy0, 500, 1e-6);            /* height-limited */
    assert_float_equal(sy1, 0, 1e-6);
    assert_float_equal(sx1 - sx0, 500, 1e-6);      /* square stays square */
    assert_float_equal((sx0 + sx1) / 2, 500, 1e-6); /* centred */
    assert_false(view_fit_bbox(&v, 10, 0, 0, 10)); /* empty box */
}

static void test_zoom_keeps_the_point_under_the_cursor(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 800, 600);
    double lon0, lat0, lon1, lat1, px, py;
    view_from_screen(&v, 200, 150, &px, &py);
    proj_inverse(&v.proj, px, py, &lon0, &lat0);
    double mpp = v.mpp;
    view_zoom_at(&v, 2.0, 200, 150);
    assert_float_equal(v.mpp, mpp / 2, 1e-9);
    view_from_screen(&v, 200, 150, &px, &py);
    proj_inverse(&v.proj, px, py, &lon1, &lat1);
    assert_float_equal(lon0, lon1, 1e-9);
    assert_float_equal(lat0, lat1, 1e-9);
    view_zoom_at(&v, 1e-12, 0, 0);                 /* clamped, not absurd */
    assert_true(v.mpp <= 100000.0);
}

static void test_pan_moves_content_with_pointer(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 800, 600);
    double sx, sy, sx2, sy2;
    view_lonlat_to_screen(&v, 2.8828, 19.9628, &sx, &sy);
    view_pan(&v, 30, -20);
    view_lonlat_to_screen(&v, 2.8828, 19.9628, &sx2, &sy2);
    assert_float_equal(sx2 - sx, 30, 1e-4);
    assert_float_equal(sy2 - sy, -20, 1e-4);
}

static void test_change_projection_keeps_centre_and_scale(void **state)
{
    (void)state;
    View v;
    view_init(&v, PROJ_LAEA, 0, 0, 800, 600);
    view_zoom_at(&v, 4, 300, 300);
    double lon, lat, lon2, lat2;
    assert_true(view_center_lonlat(&v, &lon, &lat));
    double kp, km;
    proj_scale(&v.proj, lon, lat, &kp, &km);
    double ground = v.mpp / kp;                    /* ground metres per px */
    view_set_projection(&v, PROJ_MERCATOR);
    assert_true(view_center_lonlat(&v, &lon2, &lat2));
    assert_float_equal(lon, lon2, 1e-6);
    assert_float_equal(lat, lat2, 1e-6);
    proj_scale(&v.proj, lon2, lat2, &kp, &km);
    assert_float_equal(v.mpp / kp, ground, ground * 0.01);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_bbox_centres_and_keeps_aspect),
        cmocka_unit_test(test_zoom_keeps_the_point_under_the_cursor),
        cmocka_unit_test(test_pan_moves_content_with_pointer),
        cmocka_unit_test(test_change_projection_keeps_centre_and_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

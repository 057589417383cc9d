/*
 * test_filter: types, text over actors/places/notes, minimum fatalities,
 * country and admin-1.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"

static void test_filters(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("acled_api.json"), &rep));
    uint8_t *vis = calloc(set.count, 1);
    Filter f;
    filter_init(&f);
    assert_true(filter_only_types(&f));
    assert_int_equal(filter_apply(&f, &set, vis), 4);

    f.type_mask = 1u << EVENT_BATTLES;
    assert_int_equal(filter_apply(&f, &set, vis), 2);
    filter_init(&f);
    strcpy(f.text, "WAGNER");                       /* assoc_actor_1, any case */
    assert_int_equal(filter_apply(&f, &set, vis), 1);
    assert_true(vis[find_event(&set, "FIX001")]);
    strcpy(f.text, "toll contested");               /* only in the notes */
    assert_int_equal(filter_apply(&f, &set, vis), 1);
    assert_true(vis[find_event(&set, "FIX002")]);
    strcpy(f.text, "kidal");                        /* admin1 */
    assert_int_equal(filter_apply(&f, &set, vis), 2);
    assert_false(filter_only_types(&f));

    filter_init(&f);
    f.min_fatalities = 6;
    assert_int_equal(filter_apply(&f, &set, vis), 2);
    filter_init(&f);
    strcpy(f.admin1, "Bamako");
    assert_int_equal(filter_apply(&f, &set, vis), 1);
    strcpy(f.country, "Niger");
    assert_int_equal(filter_apply(&f, &set, vis), 0);

    /* One pass gives both the filter's events and those it keeps but for
     * its place lists: the same as two filter_apply calls. */
    uint8_t *unplaced = calloc(set.count, 1), *vis2 = calloc(set.count, 1);
    for (int pass = 0; pass < 2; pass++) {
        filter_init(&f);
        strcpy(f.text, "kidal");
        strcpy(f.country, pass == 0 ? "Mali" : "Niger");
        size_t n = filter_apply(&f, &set, vis);
        assert_int_equal(filter_apply_unplaced(&f, &set, vis2, unplaced), n);
        assert_memory_equal(vis, vis2, set.count);
        f.country[0] = '\0';
        assert_int_equal(filter_apply(&f, &set, vis), 2);
        assert_memory_equal(vis, unplaced, set.count);
    }
    free(unplaced);
    free(vis2);

    char desc[200];
    filter_init(&f);
    strcpy(f.text, "wagner");
    f.min_fatalities = 10;
    strcpy(f.country, "Mali");
    filter_describe(&f, desc, sizeof desc);
    assert_string_equal(desc, "\"wagner\", at least 10 fatalities, in Mali");
    free(vis);
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_filters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

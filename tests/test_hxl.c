/*
 * test_hxl: HDX's HXL hashtags in CSV files (a tag row under the header is
 * metadata, neither a record nor a skip; a file of tags alone is mapped by
 * them) and R's NA for missing values.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hxl.h"

static void test_tags(void **state)
{
    (void)state;
    assert_true(hxl_is_tag("#geo+lat"));
    assert_true(hxl_is_tag(" #adm1 +name "));
    assert_true(hxl_is_tag("#date"));
    assert_false(hxl_is_tag("#N/A"));              /* spreadsheet errors */
    assert_false(hxl_is_tag("#REF!"));
    assert_false(hxl_is_tag("#"));
    assert_false(hxl_is_tag("#+lat"));
    assert_false(hxl_is_tag("#geo+"));
    assert_false(hxl_is_tag("latitude"));
    assert_false(hxl_is_tag("#1st"));

    assert_int_equal(hxl_field("#geo+lat"), FIELD_LATITUDE);
    assert_int_equal(hxl_field("#GEO+LON"), FIELD_LONGITUDE);
    assert_int_equal(hxl_field("#geo +lon"), FIELD_LONGITUDE);
    assert_int_equal(hxl_field("#date"), FIELD_EVENT_DATE);
    assert_int_equal(hxl_field("#date+occurred"), FIELD_EVENT_DATE);
    assert_int_equal(hxl_field("#date+start"), FIELD_DATE_START);
    assert_int_equal(hxl_field("#date+end"), FIELD_DATE_END);
    assert_int_equal(hxl_field("#date+year"), FIELD_NONE);
    assert_int_equal(hxl_field("#date+reported"), FIELD_NONE);
    assert_int_equal(hxl_field("#country+name"), FIELD_COUNTRY);
    assert_int_equal(hxl_field("#country+code"), FIELD_NONE);
    assert_int_equal(hxl_field("#adm1+name"), FIELD_ADMIN1);
    assert_int_equal(hxl_field("#adm1+code"), FIELD_NONE);
    assert_int_equal(hxl_field("#adm2+name"), FIELD_ADMIN2);
    assert_int_equal(hxl_field("#adm3+name"), FIELD_ADMIN3);
    assert_int_equal(hxl_field("#loc+name"), FIELD_LOCATION);
    assert_int_equal(hxl_field("#affected+killed"), FIELD_FATALITIES);
    assert_int_equal(hxl_field("#affected+killed+num"), FIELD_FATALITIES);
    assert_int_equal(hxl_field("#affected+injured"), FIELD_NONE);
    assert_int_equal(hxl_field("#affected+killed+f"), FIELD_NONE);   /* women only */
    assert_int_equal(hxl_field("#event+type"), FIELD_EVENT_TYPE);
    assert_int_equal(hxl_field("#event+type+sub"), FIELD_SUB_EVENT_TYPE);
    assert_int_equal(hxl_field("#event+sub+type"), FIELD_SUB_EVENT_TYPE);   /* any order */
    assert_int_equal(hxl_field("#event+code"), FIELD_ID);
    assert_int_equal(hxl_field("#event+id"), FIELD_ID);
    assert_int_equal(hxl_field("#id"), FIELD_ID);
    assert_int_equal(hxl_field("#group+name+first"), FIELD_ACTOR1);
    assert_int_equal(hxl_field("#group+first+name"), FIELD_ACTOR1);
    assert_int_equal(hxl_field("#group+name+first+assoc"), FIELD_ASSOC_ACTOR_1);
    assert_int_equal(hxl_field("#group+name+second"), FIELD_ACTOR2);
    assert_int_equal(hxl_field("#actor+name"), FIELD_ACTOR1);
    assert_int_equal(hxl_field("#org+name"), FIELD_NONE);
    assert_int_equal(hxl_field("#description"), FIELD_NOTES);
    assert_int_equal(hxl_field("#description+i_fr"), FIELD_NOTES);
    assert_int_equal(hxl_field("#meta+source"), FIELD_SOURCE);
    assert_int_equal(hxl_field("#x_time_precision"), FIELD_NONE);
}

/* A header, then the HXL row: two records, nothing skipped. */
static void test_tag_row_is_not_a_record(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("hxl.csv"), &rep));
    assert_int_equal(rep.read, 2);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(rep.nreasons, 0);
    assert_int_equal(set.count, 2);
    size_t i = find_event(&set, "HXL1");
    assert_int_not_equal(i, SIZE_MAX);
    assert_int_equal(set.fat[i], 3);
    events_free(&set);
}

/* Tags alone: mapped to fields. */
static void test_tags_only(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("hxl_only.csv"), &rep));
    assert_int_equal(rep.read, 2);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(set.count, 2);
    size_t i = find_event(&set, "HO1");
    assert_int_not_equal(i, SIZE_MAX);
    assert_int_equal(set.type[i], EVENT_BATTLES);
    assert_int_equal(set.sub_type[i], SUB_ARMED_CLASH);
    assert_int_equal(set.fat[i], 5);
    assert_true(events_lat(&set, i) > 13.89 && events_lat(&set, i) < 13.91);
    assert_true(events_lon(&set, i) > -4.56 && events_lon(&set, i) < -4.54);
    assert_string_equal(events_text(&set, i, TEXT_ACTOR1), "JNIM");
    assert_string_equal(events_text(&set, i, TEXT_ACTOR2), "Military Forces of Mali");
    assert_string_equal(events_text(&set, i, TEXT_COUNTRY), "Mali");
    assert_string_equal(events_text(&set, i, TEXT_ADMIN1), "Mopti");
    assert_string_equal(events_text(&set, i, TEXT_ADMIN2), "Djenne");
    assert_string_equal(events_text(&set, i, TEXT_LOCATION), "Djenne");
    assert_string_equal(events_text(&set, i, TEXT_SOURCE), "Local media");
    char *notes = events_notes(&set, i);
    assert_string_equal(notes, "Clash near town");
    free(notes);
    events_free(&set);
}

/* Header names sahelmap does not know ("Lat", "Deaths", "Region"): the
 * tags under them name the columns. */
static void test_tags_name_unknown_columns(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("hxl_names.csv"), &rep));
    assert_int_equal(rep.read, 1);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(set.count, 1);
    assert_int_equal(set.fat[0], 4);
    assert_string_equal(events_text(&set, 0, TEXT_ADMIN1), "Tillaberi");
    events_free(&set);
}

static bool load_text(const char *text, EventSet *set, LoadReport *rep)
{
    char path[] = "/tmp/sahelmap-hxl-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    bool ok = load_one(set, path, rep);
    unlink(path);
    return ok;
}

static void test_tag_rows_elsewhere(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    /* Not right under the header: a record like any other (skipped). */
    assert_true(load_text("event_date,latitude,longitude\n2024-01-01,15,2\n#date,#geo+lat,"
                          "#geo+lon\n", &set, &rep));
    assert_int_equal(rep.read, 2);
    assert_int_equal(rep.skipped, 1);
    events_free(&set);
    /* Spreadsheet errors under the header are a record, not tags. */
    assert_true(load_text("event_date,latitude,longitude\n#N/A,#N/A,#N/A\n2024-01-01,15,2\n",
                          &set, &rep));
    assert_int_equal(rep.read, 2);
    assert_int_equal(rep.skipped, 1);
    events_free(&set);
    /* A header without coordinates is still refused, tags or not. */
    assert_false(load_text("event_date,place\n#date,#loc+name\n2024-01-01,x\n", &set, &rep));
    assert_contains(rep.error.msg, "not an event table: the header has no latitude column");
    assert_int_equal(rep.error.line, 1);
    events_free(&set);
    assert_false(load_text("#date,#loc+name\n2024-01-01,x\n", &set, &rep));
    assert_contains(rep.error.msg, "no latitude column (first column: '#date')");
    events_free(&set);
    /* A header-only file: refused as before when it is not an event table,
     * loaded (empty) when it is one. */
    assert_false(load_text("a,b\n", &set, &rep));
    assert_contains(rep.error.msg, "not an event table");
    events_free(&set);
    assert_true(load_text("event_date,latitude,longitude\n#date,#geo+lat,#geo+lon\n", &set,
                          &rep));
    assert_int_equal(rep.read, 0);
    events_free(&set);
}

/* NA: a missing latitude is a skip that says so; a missing admin2, actor2
 * or note is simply absent; a missing fatality count is 0. */
static void test_na_is_missing(void **state)
{
    (void)state;
    EventSet set;
    LoadReport rep;
    assert_true(load_one(&set, fixture("na.csv"), &rep));
    assert_int_equal(rep.read, 3);
    assert_int_equal(rep.loaded, 1);
    assert_int_equal(rep.skipped, 2);
    assert_int_equal(rep.nreasons, 2);
    assert_int_equal(rep.reasons[0].line, 3);
    assert_string_equal(rep.reasons[0].msg, "missing latitude");
    assert_int_equal(rep.reasons[1].line, 4);
    assert_string_equal(rep.reasons[1].msg, "missing date (event_date)");
    size_t i = find_event(&set, "NA1");
    assert_int_not_equal(i, SIZE_MAX);
    assert_string_equal(events_text(&set, i, TEXT_ADMIN2), "");
    assert_string_equal(events_text(&set, i, TEXT_ACTOR2), "");
    char *notes = events_notes(&set, i);
    assert_string_equal(notes, "");
    free(notes);
    events_free(&set);
    /* Only NA itself: "NA " or "na" or "N/A" in a text field are text. */
    assert_true(load_text("event_date,latitude,longitude,admin2,location,fatalities\n"
                          "2024-01-01,15,2,na,N/A,NA\n", &set, &rep));
    assert_int_equal(set.count, 1);
    assert_string_equal(events_text(&set, 0, TEXT_ADMIN2), "na");
    assert_string_equal(events_text(&set, 0, TEXT_LOCATION), "N/A");
    assert_int_equal(set.fat[0], 0);
    events_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_tag_row_is_not_a_record),
        cmocka_unit_test(test_tags_only),
        cmocka_unit_test(test_tags_name_unknown_columns),
        cmocka_unit_test(test_tag_rows_elsewhere),
        cmocka_unit_test(test_na_is_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

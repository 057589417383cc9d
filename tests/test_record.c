/*
 * test_record: field names and the interpretation of raw values, shared by
 * all loaders.
 */
#include "testutil.h"

#include <string.h>

#include "date.h"
#include "record.h"
#include "typology.h"

static void test_field_names(void **state)
{
    (void)state;
    assert_int_equal(record_field("latitude"), FIELD_LATITUDE);
    assert_int_equal(record_field("LATITUDE"), FIELD_LATITUDE);
    assert_int_equal(record_field(" Longitude "), FIELD_LONGITUDE);
    assert_int_equal(record_field("EVENT_ID_CNTY"), FIELD_EVENT_ID_CNTY);
    assert_int_equal(record_field("adm_1"), FIELD_ADMIN1);
    assert_int_equal(record_field("side_a"), FIELD_SIDE_A);
    assert_int_equal(record_field("where_prec"), FIELD_WHERE_PREC);
    assert_int_equal(record_field("INTER1"), FIELD_INTER1);
    assert_int_equal(record_field("interaction"), FIELD_NONE);
    assert_int_equal(record_field("a_very_long_column_name_that_is_not_known"), FIELD_NONE);
    /* Every canonical name finds its own field. */
    for (int f = 1; f < FIELD_COUNT; f++)
        assert_int_equal(record_field(record_field_name((FieldId)f)), f);
}

static RawRecord base(void)
{
    RawRecord r;
    record_clear(&r);
    record_set_string(&r, FIELD_EVENT_DATE, "2024-07-27");
    record_set_string(&r, FIELD_LATITUDE, "19.9628");
    record_set_string(&r, FIELD_LONGITUDE, " 2.8828 ");
    return r;
}

static void test_acled_values(void **state)
{
    (void)state;
    RawRecord r = base();
    record_set_string(&r, FIELD_EVENT_TYPE, "Explosions\\/Remote violence");
    record_set_string(&r, FIELD_SUB_EVENT_TYPE, "Air/drone strike");
    record_set_string(&r, FIELD_FATALITIES, "88");
    record_set_string(&r, FIELD_FATALITIES_LOW, "140");   /* given swapped */
    record_set_string(&r, FIELD_FATALITIES_HIGH, "29");
    record_set_string(&r, FIELD_GEO_PRECISION, "3");
    record_set_string(&r, FIELD_TIME_PRECISION, "9");     /* odd code */
    record_set_string(&r, FIELD_CIVILIAN_TARGETING, "Civilian targeting");
    EventInput in;
    Error why;
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.type, EVENT_EXPLOSIONS);
    assert_int_equal(in.sub_type, SUB_AIR_DRONE_STRIKE);
    assert_int_equal(in.fatalities, 88);
    assert_true(in.fatalities_low <= 88 && in.fatalities_high >= 88);
    assert_int_equal(in.geo_precision, 3);
    assert_int_equal(in.date_precision, 3);
    assert_true(in.civilian_targeting);
    assert_int_equal(in.day, date_from_ymd(2024, 7, 27));
    assert_float_equal(in.lon, 2.8828, 1e-12);
    assert_int_equal(record_kind(&r), RECORD_ACLED);
}

/* The interaction codes: numbers, and the 2025 text in any case, singular
 * or plural. */
static void test_inter_codes(void **state)
{
    (void)state;
    assert_int_equal(typology_inter_parse("5"), INTER_RIOTERS);
    assert_int_equal(typology_inter_parse(" 6.0 "), INTER_PROTESTERS);
    assert_int_equal(typology_inter_parse("State forces"), INTER_STATE_FORCES);
    assert_int_equal(typology_inter_parse("Rebel group"), INTER_REBELS);
    assert_int_equal(typology_inter_parse("Rebel groups"), INTER_REBELS);
    assert_int_equal(typology_inter_parse("Political militia"), INTER_POLITICAL_MILITIA);
    assert_int_equal(typology_inter_parse("Identity militia"), INTER_IDENTITY_MILITIA);
    assert_int_equal(typology_inter_parse("RIOTERS"), INTER_RIOTERS);
    assert_int_equal(typology_inter_parse("Protesters"), INTER_PROTESTERS);
    assert_int_equal(typology_inter_parse("Civilians"), INTER_CIVILIANS);
    assert_int_equal(typology_inter_parse("External/Other forces"), INTER_EXTERNAL);
    assert_int_equal(typology_inter_parse("External\\/Other forces"), INTER_EXTERNAL);
    assert_int_equal(typology_inter_parse("0"), INTER_NONE);
    assert_int_equal(typology_inter_parse("9"), INTER_NONE);
    assert_int_equal(typology_inter_parse("5x"), INTER_NONE);
    assert_int_equal(typology_inter_parse(""), INTER_NONE);
    assert_int_equal(typology_inter_parse("Sole"), INTER_NONE);
    assert_int_equal(typology_inter_parse(NULL), INTER_NONE);
}

/* One older ACLED record: its type and sub-type, and the text kept. */
static void older(const char *type, const char *inter1, const char *inter2,
                  EventType want, SubEventType want_sub)
{
    RawRecord r = base();
    record_set_string(&r, FIELD_EVENT_TYPE, type);
    if (inter1) record_set_string(&r, FIELD_INTER1, inter1);
    if (inter2) record_set_string(&r, FIELD_INTER2, inter2);
    EventInput in;
    Error why;
    assert_true(record_to_event(&r, &in, &why));
    if (in.type != want || in.sub_type != want_sub)
        fail_msg("'%s' (%s, %s): type %d sub %d, want %d %d", type, inter1 ? inter1 : "-",
                 inter2 ? inter2 : "-", in.type, in.sub_type, want, want_sub);
    assert_non_null(in.original_type);
    assert_string_equal(in.original_type, type);
}

/* Every event type of ACLED's older typology maps onto the six (formats.md,
 * "Older ACLED exports"); Riots/Protests by the actors' interaction codes. */
static void test_older_typology(void **state)
{
    (void)state;
    older("Battle-No change of territory", "1", "2", EVENT_BATTLES, SUB_ARMED_CLASH);
    older("Battle - No change of territory", NULL, NULL, EVENT_BATTLES, SUB_ARMED_CLASH);
    older("Battle-Government regains territory", NULL, NULL, EVENT_BATTLES,
          SUB_GOVERNMENT_REGAINS);
    older("Battle-Non-state actor overtakes territory", NULL, NULL, EVENT_BATTLES,
          SUB_NONSTATE_OVERTAKES);
    older("Battle-Non-state actors overtake territory", NULL, NULL, EVENT_BATTLES,
          SUB_NONSTATE_OVERTAKES);
    older("Battle-Rebels overtake territory", NULL, NULL, EVENT_BATTLES, SUB_NONSTATE_OVERTAKES);
    older("Remote violence", NULL, NULL, EVENT_EXPLOSIONS, SUB_NONE);
    older("Remote Violence", NULL, NULL, EVENT_EXPLOSIONS, SUB_NONE);
    older("Strategic development", NULL, NULL, EVENT_STRATEGIC, SUB_NONE);
    older("Non-violent activity by a conflict actor", NULL, NULL, EVENT_STRATEGIC, SUB_NONE);
    older("Headquarters or base established", NULL, NULL, EVENT_STRATEGIC, SUB_HQ_ESTABLISHED);
    older("Non-Violent Transfer of Territory", NULL, NULL, EVENT_STRATEGIC,
          SUB_NONVIOLENT_TRANSFER);
    /* Riots/Protests: inter1 decides, then inter2, else Protests. */
    older("Riots/Protests", "5", "7", EVENT_RIOTS, SUB_NONE);
    older("Riots/Protests", "6", "1", EVENT_PROTESTS, SUB_NONE);
    older("Riots/Protests", "Rioters", NULL, EVENT_RIOTS, SUB_NONE);
    older("Riots/Protests", "1", "5", EVENT_RIOTS, SUB_NONE);
    older("Riots/Protests", "1", "6", EVENT_PROTESTS, SUB_NONE);
    older("Riots/Protests", "3", "0", EVENT_PROTESTS, SUB_NONE);
    older("Riots/Protests", NULL, NULL, EVENT_PROTESTS, SUB_NONE);
    older("RIots/Protests", "5", NULL, EVENT_RIOTS, SUB_NONE);
    older("Riots\\/Protests", "5", NULL, EVENT_RIOTS, SUB_NONE);

    /* A current type keeps no original text; an unknown one keeps it, and
     * a known sub-type still gives it a type. */
    RawRecord r = base();
    record_set_string(&r, FIELD_EVENT_TYPE, "Violence against civilians");
    EventInput in;
    Error why;
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.type, EVENT_VIOLENCE_CIVILIANS);
    assert_null(in.original_type);
    record_set_string(&r, FIELD_EVENT_TYPE, "Cattle raid");
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.type, EVENT_UNKNOWN);
    assert_string_equal(in.original_type, "Cattle raid");
    record_set_string(&r, FIELD_SUB_EVENT_TYPE, "Looting/property destruction");
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.type, EVENT_STRATEGIC);
    assert_string_equal(in.original_type, "Cattle raid");
    /* A blank type is no type, not an unknown one. */
    r = base();
    record_set_string(&r, FIELD_EVENT_TYPE, "  ");
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.type, EVENT_UNKNOWN);
    assert_null(in.original_type);
}

static void test_ucdp_values(void **state)
{
    (void)state;
    RawRecord r;
    record_clear(&r);
    record_set_number(&r, FIELD_ID, 244001);
    record_set_string(&r, FIELD_DATE_START, "2019-04-01 00:00:00.000");
    record_set_string(&r, FIELD_DATE_END, "2019-04-30 00:00:00.000");
    record_set_number(&r, FIELD_LATITUDE, 15);
    record_set_number(&r, FIELD_LONGITUDE, -2);
    record_set_number(&r, FIELD_TYPE_OF_VIOLENCE, 3);
    record_set_number(&r, FIELD_WHERE_PREC, 4);
    record_set_number(&r, FIELD_DATE_PREC, 4);
    record_set_number(&r, FIELD_BEST, 12);
    record_set_number(&r, FIELD_LOW, 10);
    record_set_number(&r, FIELD_HIGH, 20);
    record_set_string(&r, FIELD_SIDE_A, "JNIM");
    record_set_string(&r, FIELD_SIDE_B, "Civilians");
    EventInput in;
    Error why;
    assert_true(record_to_event(&r, &in, &why));
    assert_string_equal(in.id, "244001");
    assert_int_equal(in.type, EVENT_VIOLENCE_CIVILIANS);
    assert_int_equal(in.ucdp_type, UCDP_ONE_SIDED);
    assert_int_equal(in.geo_precision, 3);
    assert_int_equal(in.date_precision, 3);
    assert_int_equal(in.day_end - in.day, 29);
    assert_int_equal(in.fatalities_low, 10);
    assert_int_equal(in.fatalities_high, 20);
    assert_string_equal(in.actor1, "JNIM");
    assert_string_equal(in.actor2, "Civilians");
    assert_int_equal(record_kind(&r), RECORD_UCDP);
}

static void test_epoch_timestamp(void **state)
{
    (void)state;
    RawRecord r;
    record_clear(&r);
    record_set_number(&r, FIELD_LATITUDE, 15);
    record_set_number(&r, FIELD_LONGITUDE, 1);
    record_set_number(&r, FIELD_TIMESTAMP, 1700000000000.0);  /* ms */
    EventInput in;
    Error why;
    assert_true(record_to_event(&r, &in, &why));
    assert_int_equal(in.day, date_from_ymd(2023, 11, 14));
}

static void expect_skip(RawRecord r, const char *why_part)
{
    EventInput in;
    Error why = {0};
    assert_false(record_to_event(&r, &in, &why));
    assert_contains(why.msg, why_part);
}

static void test_refusals(void **state)
{
    (void)state;
    RawRecord r = base();
    record_set_string(&r, FIELD_LATITUDE, "91");
    expect_skip(r, "latitude 91 outside [-90, 90]");
    r = base();
    record_set_string(&r, FIELD_LONGITUDE, "-181");
    expect_skip(r, "longitude -181 outside");
    r = base();
    record_set_string(&r, FIELD_LATITUDE, "Infinity");
    expect_skip(r, "latitude 'Infinity' is not a number");
    r = base();
    record_set_string(&r, FIELD_LATITUDE, "");
    expect_skip(r, "missing latitude");
    r = base();
    record_set_string(&r, FIELD_LATITUDE, "12.5N");
    expect_skip(r, "is not a number");
    r = base();
    record_set_string(&r, FIELD_FATALITIES, "2.5");
    expect_skip(r, "fatalities 2.5 is not a count");
    r = base();
    record_set_string(&r, FIELD_EVENT_DATE, "2024-02-30");
    expect_skip(r, "event_date: no such day");
    r = base();
    record_set_string(&r, FIELD_DATE_END, "2024-07-01");
    expect_skip(r, "date_end is before");
    r = base();
    record_set_string(&r, FIELD_LATITUDE, "0");
    record_set_string(&r, FIELD_LONGITUDE, "0.0");
    expect_skip(r, "both 0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_field_names),
        cmocka_unit_test(test_acled_values),
        cmocka_unit_test(test_inter_codes),
        cmocka_unit_test(test_older_typology),
        cmocka_unit_test(test_ucdp_values),
        cmocka_unit_test(test_epoch_timestamp),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

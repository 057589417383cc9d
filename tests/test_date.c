/*
 * test_date: day numbers and every date spelling of formats.md.
 */
#include "testutil.h"

#include "date.h"

static int32_t ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void test_epoch_and_known_days(void **state)
{
    (void)state;
    assert_int_equal(ymd(1970, 1, 1), 0);
    assert_int_equal(ymd(2000, 3, 1), 11017);
    assert_int_equal(ymd(2024, 7, 27), 19931);
    assert_int_equal(ymd(1969, 12, 31), -1);
}

static void test_round_trip_every_day(void **state)
{
    (void)state;
    for (int32_t d = ymd(1900, 1, 1); d <= ymd(2100, 12, 31); d++) {
        int y, m, dd;
        date_to_ymd(d, &y, &m, &dd);
        assert_true(date_valid(y, m, dd));
        assert_int_equal(ymd(y, m, dd), d);
    }
}

static void test_format(void **state)
{
    (void)state;
    char buf[11];
    date_format(ymd(2024, 7, 27), buf);
    assert_string_equal(buf, "2024-07-27");
    date_format(ymd(1997, 2, 1), buf);
    assert_string_equal(buf, "1997-02-01");
}

static void expect_date(const char *s, int y, int m, int d)
{
    int32_t day = -99999;
    Error err = {0};
    if (!date_parse(s, &day, &err)) fail_msg("'%s' refused: %s", s, err.msg);
    assert_int_equal(day, ymd(y, m, d));
}

static void test_spellings(void **state)
{
    (void)state;
    expect_date("2024-01-01", 2024, 1, 1);                 /* API */
    expect_date("2019-03-23 00:00:00.000", 2019, 3, 23);   /* UCDP */
    expect_date("2016-01-15T19:30:00Z", 2016, 1, 15);      /* ISO 8601 */
    expect_date("2016-01-15T23:30:00+01:00", 2016, 1, 15);
    expect_date("31 December 2020", 2020, 12, 31);         /* export tool */
    expect_date("1 Dec 2020", 2020, 12, 1);
    expect_date("05 September 2019", 2019, 9, 5);
    expect_date("5 Sept 2019", 2019, 9, 5);
    expect_date("31-12-2020", 2020, 12, 31);               /* old codebook */
    expect_date("16-Feb-21", 2021, 2, 16);                 /* spreadsheet */
    expect_date("16-feb-97", 1997, 2, 16);
    expect_date("16-Feb-2021", 2021, 2, 16);
    expect_date("  2024-02-29 ", 2024, 2, 29);             /* leap day */
}

static void expect_refused(const char *s, const char *why)
{
    int32_t day = 0;
    Error err = {0};
    if (date_parse(s, &day, &err)) fail_msg("'%s' accepted", s);
    assert_contains(err.msg, why);
}

static void test_refusals(void **state)
{
    (void)state;
    expect_refused("", "empty");
    expect_refused("2024-02-30", "no such day");
    expect_refused("2023-02-29", "no such day");
    expect_refused("2024-13-01", "no such day");
    expect_refused("31/12/2020", "ambiguous");
    expect_refused("12/31/2020", "ambiguous");
    expect_refused("1850-01-01", "implausible year");
    expect_refused("2024-01-01x", "unreadable");
    expect_refused("yesterday", "unreadable");
    expect_refused("32 December 2020", "no such day");
    expect_refused("3 Decembre 2020", "unreadable");
    expect_refused("2024-1-1", "unreadable");
}

/* A time part must be a time of day: "T25:99:99" was taken as midnight
 * of its date (anything after "HH:" passed). */
static void test_time_of_day(void **state)
{
    (void)state;
    expect_date("2024-01-01T00:00", 2024, 1, 1);
    expect_date("2024-01-01T23:59:59", 2024, 1, 1);
    expect_date("2024-01-01T23:59:60Z", 2024, 1, 1);          /* leap second */
    expect_date("2024-01-01T24:00:00", 2024, 1, 1);           /* end of day */
    expect_date("2024-01-01 12:30:00,5", 2024, 1, 1);
    expect_date("2024-01-01T12:30:00.123456789-0500", 2024, 1, 1);
    expect_date("2024-01-01T12:30:00+05:30 ", 2024, 1, 1);
    expect_date("2024-01-01t12:30:00z", 2024, 1, 1);
    expect_date("31-12-2020 10:00:00", 2020, 12, 31);
    expect_refused("2024-01-01T25:99:99", "unreadable");
    expect_refused("2024-01-01T24:00:01", "unreadable");
    expect_refused("2024-01-01T24:30", "unreadable");
    expect_refused("2024-01-01T12:60", "unreadable");
    expect_refused("2024-01-01T12:30:61", "unreadable");
    expect_refused("2024-01-01T12:", "unreadable");
    expect_refused("2024-01-01T12:3", "unreadable");
    expect_refused("2024-01-01T12:30:00.", "unreadable");
    expect_refused("2024-01-01T12:30:00+25:00", "unreadable");
    expect_refused("2024-01-01T12:30:00+05:75", "unreadable");
    expect_refused("2024-01-01T12:30:00 garbage", "unreadable");
    expect_refused("16-Feb-21 99:99", "unreadable");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_and_known_days),
        cmocka_unit_test(test_round_trip_every_day),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_time_of_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

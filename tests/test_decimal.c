/*
 * test_decimal: the fast path of reading decimals gives strtod's double
 * bit for bit (coordinates of every 4-decimal step of a range, random
 * decimals of every length it takes, signs, zeros) and leaves everything
 * else to strtod (exponents, long digit strings, stray characters).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

/* decimal_fast on text is strtod's double, bit for bit. */
static void check_same(const char *text)
{
    double fast, slow = strtod(text, NULL);
    if (!decimal_fast(text, strlen(text), &fast)) fail_msg("refused %s", text);
    if (memcmp(&fast, &slow, sizeof fast) != 0)
        fail_msg("%s: %.17g, strtod %.17g", text, fast, slow);
}

static void test_coordinates(void **state)
{
    (void)state;
    char text[32];
    for (long k = -250000; k <= 250000; k++) {     /* -25.0000 .. 25.0000 */
        snprintf(text, sizeof text, "%.4f", k / 1e4);
        check_same(text);
    }
    check_same("16.2359");
    check_same("-0.0702");
    check_same("-0");
    check_same("0");
    check_same("+12.5");
    check_same(".5");
    check_same("5.");
    check_same("179.9999999");
    check_same("-89.12345678901");
    check_same("000012.25");
}

static void test_random_decimals(void **state)
{
    (void)state;
    srand(7);
    char text[40];
    for (int n = 0; n < 200000; n++) {
        int digits = 1 + rand() % 15, point = rand() % (digits + 1);
        size_t len = 0;
        if (rand() % 2) text[len++] = '-';
        for (int d = 0; d < digits; d++) {
            if (d == point && d > 0) text[len++] = '.';
            text[len++] = (char)('0' + rand() % 10);
        }
        text[len] = '\0';
        check_same(text);
    }
}

static void test_left_to_strtod(void **state)
{
    (void)state;
    double d = 42;
    const char *others[] = {"", "-", ".", "+", "1e5", "1E-3", "1.2.3", "1-2", "--1",
                            " 1", "1 ", "0x10", "nan", "inf", "1234567890123456",
                            "0.0000000000000001", "12a"};
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        if (decimal_fast(others[k], strlen(others[k]), &d)) fail_msg("took %s", others[k]);
    assert_true(d == 42);                          /* untouched when false */
    assert_true(decimal_fast("12.5xyz", 4, &d));   /* only s[0..n) is read */
    assert_true(d == 12.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coordinates),
        cmocka_unit_test(test_random_decimals),
        cmocka_unit_test(test_left_to_strtod),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

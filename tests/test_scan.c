/*
 * test_scan: scan_until3 finds the first of its three bytes where a plain
 * byte loop does (through its 16-byte, 8-byte and byte steps): random
 * texts of every length up to 40 over a small
 * alphabet that holds the bytes sought, their neighbours (one above,
 * one below: the word test's borrows), NUL and bytes above 0x7F.
 */
#include "testutil.h"

#include <stdlib.h>

#include "scan.h"

static const char *slow(const char *p, const char *end, char a, char b, char c)
{
    while (p < end && *p != a && *p != b && *p != c) p++;
    return p;
}

static void test_scan_matches_a_byte_loop(void **state)
{
    (void)state;
    static const char alphabet[] = {',', '"', '\0', '+', '-', '!', '#', 'a', '\x01',
                                    '\x7f', '\x80', '\xff', '\\', '[', ']', '\n'};
    static const char seek[][3] = {{',', '"', '\0'}, {'"', '\\', '\0'}, {'\xff', '\x80', 'a'}};
    srand(11);
    char text[48];
    for (int n = 0; n < 300000; n++) {
        int len = rand() % 41, offset = rand() % 8;       /* any alignment */
        int letters = 1 + rand() % (int)sizeof alphabet;
        for (int k = 0; k < len; k++) text[offset + k] = alphabet[rand() % letters];
        const char *p = text + offset, *end = p + len;
        const char *s = seek[n % 3];
        const char *want = slow(p, end, s[0], s[1], s[2]);
        const char *got = scan_until3(p, end, s[0], s[1], s[2]);
        if (got != want) fail_msg("case %d: at %td, want %td", n, got - p, want - p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_matches_a_byte_loop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

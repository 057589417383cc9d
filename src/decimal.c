/*
 * decimal: plain decimals read exactly without strtod. See decimal.h.
 */
#include "decimal.h"

#include <stdint.h>

/* Powers of ten that a double holds exactly. */
static const double powers[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

#define MAX_DIGITS 15      /* below 2^53: every such integer is exact */

bool decimal_fast(const char *s, size_t n, double *out)
{
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    uint64_t m = 0;
    int digits = 0, fraction = 0;
    bool point = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++digits > MAX_DIGITS) return false;
            m = m * 10 + (uint64_t)(c - '0');
            if (point) fraction++;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    if (digits == 0) return false;
    double d = (double)m / powers[fraction];      /* fraction <= 15 < 23 */
    *out = negative ? -d : d;
    return true;
}

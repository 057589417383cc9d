/*
 * decimal: the fast path of reading a decimal number. Most numbers in an
 * export are short plain decimals ("16.2359", "-0.0702", "12"); such a
 * number is an integer of at most 15 digits divided by a power of ten up
 * to 1e22, both exact in a double, and one division is correctly rounded:
 * the result is the double strtod gives, without strtod's general
 * machinery (a tenth of a big CSV load's parsing, with its locale look-ups).
 * Anything else (an exponent, more digits, no digits) is left to strtod.
 */
#ifndef SAHELMAP_DECIMAL_H
#define SAHELMAP_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>

/* Reads s[0..n): an optional sign, digits, optionally a point and digits
 * (at least one digit in all), and nothing else. True with *out set when
 * that is the whole text and the fast path is exact; false means "use
 * strtod" (it may still be a number), never a refusal. */
bool decimal_fast(const char *s, size_t n, double *out);

#endif

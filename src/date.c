/*
 * date: day numbers and date parsing. See date.h for the accepted spellings.
 * The day-number conversions are Howard Hinnant's days_from_civil and
 * civil_from_days algorithms (public domain), exact for the proleptic
 * Gregorian calendar.
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------------- */
/* Day numbers                                                               */
/* ------------------------------------------------------------------------- */

int32_t date_from_ymd(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t days, int *year, int *month, int *day)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

bool date_valid(int year, int month, int day)
{
    return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR && month >= 1 &&
           month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

void date_format(int32_t days, char out[11])
{
    int y, m, d;
    date_to_ymd(days, &y, &m, &d);
    /* Written digit by digit: days outside years 0..9999 are clamped. */
    if (y < 0) y = 0;
    if (y > 9999) y = 9999;
    const int digits[8] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10,
                           m / 10, m % 10, d / 10, d % 10};
    const int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    out[4] = out[7] = '-';
    for (int i = 0; i < 8; i++) out[at[i]] = (char)('0' + digits[i]);
    out[10] = '\0';
}

/* ------------------------------------------------------------------------- */
/* Parsing                                                                   */
/* ------------------------------------------------------------------------- */

/* Reads 1..max digits at *p; returns the count read (0 if none). */
static int read_digits(const char **p, int max, int *value)
{
    int n = 0, v = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *value = v;
    return n;
}

/* An English month name, full or abbreviated to 3 letters ("Sept" too). */
static int read_month_name(const char **p)
{
    static const char *names[12] = {"january", "february", "march", "april",
                                    "may", "june", "july", "august",
                                    "september", "october", "november",
                                    "december"};
    size_t len = 0;
    while (isalpha((unsigned char)(*p)[len])) len++;
    if (len < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        bool abbrev = len == 3 || (len == 4 && m == 8); /* "Sept" */
        if ((len == full || abbrev) && strncasecmp(*p, names[m], len) == 0) {
            *p += len;
            return m + 1;
        }
    }
    return 0;
}

/* Exactly two digits at *p, at most max; moves past them. */
static bool two_digits(const char **p, int max)
{
    int v = 0;
    if (read_digits(p, 2, &v) != 2) return false;
    return v <= max;
}

/* A time of day and zone as ISO 8601 and the exports write them, all of p:
 * HH:MM[:SS[.fff]] (hours 00-24, 24 only as 24:00[:00], seconds up to 60
 * for a leap second), then nothing, Z, or +HH[:MM] / -HHMM, then spaces.
 * "T25:99:99" is no time: the date around it is not trusted either. */
static bool time_of_day(const char *p)
{
    const char *start = p;
    int hour = 0;
    if (read_digits(&p, 2, &hour) != 2 || hour > 24 || *p++ != ':') return false;
    if (!two_digits(&p, 59)) return false;
    bool zero = start[3] == '0' && start[4] == '0';
    if (*p == ':') {
        p++;
        const char *sec = p;
        if (!two_digits(&p, 60)) return false;
        zero = zero && sec[0] == '0' && sec[1] == '0';
        if (*p == '.' || *p == ',') {
            p++;
            if (!isdigit((unsigned char)*p)) return false;
            for (; isdigit((unsigned char)*p); p++) zero = zero && *p == '0';
        }
    }
    if (hour == 24 && !zero) return false;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        p++;
        if (!two_digits(&p, 23)) return false;
        if (*p == ':') p++;
        if (isdigit((unsigned char)*p) && !two_digits(&p, 59)) return false;
    }
    while (*p == ' ') p++;
    return *p == '\0';
}

/* After the date: nothing, or a valid time part starting with 'T' or ' '. */
static bool rest_is_time_or_end(const char *p)
{
    while (*p == ' ' && (p[1] == ' ' || p[1] == '\0')) p++;
    if (*p == '\0') return true;
    if (*p != 'T' && *p != 't' && *p != ' ') return false;
    return time_of_day(p + 1);
}

static bool finish(int y, int m, int d, int32_t *days, const char *s,
                   Error *err)
{
    if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
        return error_set(err, "implausible year in date '%.40s'", s);
    if (!date_valid(y, m, d))
        return error_set(err, "no such day: '%.40s'", s);
    *days = date_from_ymd(y, m, d);
    return true;
}

bool date_parse(const char *s, int32_t *days, Error *err)
{
    while (*s == ' ' || *s == '\t') s++;
    const char *p = s;
    int a = 0, b = 0, c = 0;

    if (*s == '\0') return error_set(err, "empty date");
    if (strchr(s, '/') != NULL)
        return error_set(err, "ambiguous date '%.40s' (use YYYY-MM-DD)", s);

    int na = read_digits(&p, 4, &a);
    if (na == 4 && *p == '-') {                     /* YYYY-MM-DD[...] */
        p++;
        if (read_digits(&p, 2, &b) == 2 && *p == '-') {
            p++;
            if (read_digits(&p, 2, &c) == 2 && rest_is_time_or_end(p))
                return finish(a, b, c, days, s, err);
        }
        return error_set(err, "unreadable date '%.40s'", s);
    }
    if (na >= 1 && na <= 2 && *p == '-') {          /* dd-mm-yyyy, dd-Mon-yy */
        p++;
        if (isalpha((unsigned char)*p)) {
            b = read_month_name(&p);
        } else if (read_digits(&p, 2, &b) != 2) {
            b = 0;
        }
        if (b != 0 && *p == '-') {
            p++;
            int ny = read_digits(&p, 4, &c);
            if ((ny == 2 || ny == 4) && rest_is_time_or_end(p)) {
                if (ny == 2) c += c < 30 ? 2000 : 1900;
                return finish(c, b, a, days, s, err);
            }
        }
        return error_set(err, "unreadable date '%.40s'", s);
    }
    if (na >= 1 && na <= 2 && *p == ' ') {          /* 31 December 2020 */
        while (*p == ' ') p++;
        b = read_month_name(&p);
        if (b != 0 && *p == ' ') {
            while (*p == ' ') p++;
            if (read_digits(&p, 4, &c) == 4 && rest_is_time_or_end(p))
                return finish(c, b, a, days, s, err);
        }
    }
    return error_set(err, "unreadable date '%.40s'", s);
}

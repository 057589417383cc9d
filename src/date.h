/*
 * date: calendar dates as days since 1970-01-01 (proleptic Gregorian), and
 * parsing of every date spelling found in ACLED, UCDP and GeoJSON exports:
 *
 *   2024-01-01              ISO (ACLED API, UCDP), optionally followed by a
 *   2024-01-01T08:00:00Z    time part and zone, which are ignored: the date
 *   2024-01-01 00:00:00.000 is taken as written
 *   31 December 2020        ACLED export tool (also "1 Dec 2020")
 *   31-12-2020              old ACLED codebook (dd-mm-yyyy)
 *   16-Feb-21               spreadsheet re-saves (dd-Mon-yy; 00-29 -> 20xx,
 *   16-Feb-2021             30-99 -> 19xx, as spreadsheets do)
 *
 * Slash spellings (31/12/2020, 12/31/2020) are refused: they are ambiguous.
 * Years outside 1900..2100 are refused as implausible for event data.
 */
#ifndef SAHELMAP_DATE_H
#define SAHELMAP_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2100

/* Days since 1970-01-01 for a valid y-m-d (not checked: see date_valid). */
int32_t date_from_ymd(int year, int month, int day);

/* The calendar date of a day number. */
void date_to_ymd(int32_t days, int *year, int *month, int *day);

/* True when y-m-d names a real day within DATE_MIN_YEAR..DATE_MAX_YEAR. */
bool date_valid(int year, int month, int day);

/* Parses s (NUL-terminated; surrounding spaces allowed) into *days. On
 * failure returns false and says why in err ("no such day: 2024-02-30"). */
bool date_parse(const char *s, int32_t *days, Error *err);

/* Writes the ISO spelling "YYYY-MM-DD" of days into out (11 bytes with NUL). */
void date_format(int32_t days, char out[11]);

#endif

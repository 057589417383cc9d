/*
 * testutil: small helpers shared by the tests (cmocka is the framework).
 */
#ifndef SAHELMAP_TESTUTIL_H
#define SAHELMAP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "basemap.h"
#include "config.h"
#include "events.h"
#include "load.h"

/* The settings the tests run with: the environment ctest sets
 * (SAHELMAP_DATA, SAHELMAP_ASSETS, ...), read once. */
const Config *test_config(void);

/* Path of a fixture file (static buffer, valid until the next call). */
const char *fixture(const char *name);

/* Loads one file into a fresh, finished set; returns load_file's result. */
bool load_one(EventSet *set, const char *path, LoadReport *rep);

/* The map tests' world: the towns.json fixture (finished) and the shipped
 * basemap. Returns 0 on success, as a cmocka group setup does. */
int load_towns_and_basemap(EventSet *set, Basemap *map);
void free_towns_and_basemap(EventSet *set, Basemap *map);

/* Index of the event with this id, or SIZE_MAX. */
size_t find_event(const EventSet *set, const char *id);

/* Sum of best fatality estimates over the whole set. */
int64_t total_fatalities(const EventSet *set);

/* Asserts that haystack contains needle, printing both if not. */
#define assert_contains(haystack, needle) \
    assert_true(testutil_contains((haystack), (needle)))
bool testutil_contains(const char *haystack, const char *needle);

/* True when a readable file exists at path. */
bool file_exists(const char *path);

#endif

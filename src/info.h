/*
 * info: the `sahelmap info FILE...` command: for each file the format
 * detected, the records read, loaded and skipped (with the first reasons),
 * the date range, and events and fatalities by type, country, year and
 * top admin-1 area; then the same for all files together.
 */
#ifndef SAHELMAP_INFO_H
#define SAHELMAP_INFO_H

#include <stdio.h>

#include "load.h"

/* Loads paths[0..n) with the options (NULL: the built-in settings) and
 * prints the summary to out, problems to err.
 * Returns the process exit status: 0 when every file loaded, 1 otherwise. */
int info_run(char *const *paths, int n, FILE *out, FILE *err,
             const LoadOptions *options);

#endif

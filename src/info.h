/*
 * info: the `sahelmap info FILE...` command: for each file the format
 * detected, the records read, loaded and skipped (with the first reasons),
 * the date range, and events and fatalities by type, country, year and
 * top admin-1 area; then the same for all files together. As text for
 * people, or as one JSON document for scripts (docs/info-json.md gives its
 * schema): the same figures either way.
 */
#ifndef SAHELMAP_INFO_H
#define SAHELMAP_INFO_H

#include <stdio.h>

#include "load.h"

typedef enum InfoFormat {
    INFO_TEXT,                  /* the report for people */
    INFO_JSON                   /* one JSON document (docs/info-json.md) */
} InfoFormat;

/* How info reports. A zeroed InfoOptions is the text report. */
typedef struct InfoOptions {
    InfoFormat format;
    bool verbose;               /* also one line per file on err (see
                                   info_print_load) */
} InfoOptions;

/* The version of the JSON document's schema ("schema" in it): raised when
 * a member changes meaning or goes; new members may come without it. */
#define INFO_JSON_SCHEMA 1

/* Loads paths[0..n) with the options (NULL: the built-in settings) and
 * prints the summary to out as info->format says (NULL: text); files that
 * failed are also named on err ("sahelmap: path:line:col: reason").
 * Returns the process exit status: 0 when every file loaded, 1 otherwise. */
int info_run(char *const *paths, int n, FILE *out, FILE *err,
             const LoadOptions *options, const InfoOptions *info);

/* One line about a file's load for a terminal, "sahelmap: PATH: FORMAT, R
 * read, L loaded, S skipped" (or why it failed), and with reasons the skip
 * reasons kept, one a line. */
void info_print_load(FILE *err, const char *path, const LoadReport *report,
                     bool reasons);

#endif

/*
 * outfile: a file written whole or not at all. The text goes to a
 * temporary file beside the target, which is synced and renamed over the
 * target only when everything was written: an interrupted or failed write
 * never leaves a partial file at the target. Only a regular file (or a new
 * name) is ever replaced, never an input of the run, and a replaced file
 * keeps its permissions. "-" writes to standard output instead, as a
 * stream.
 *
 * The temporary is ".NAME.sahelmap-XXXXXX" beside the target, flock'd by
 * its writer until it is renamed: the next write to that target removes
 * one a killed run left (unlocked). With outfile_signals_install, SIGINT,
 * SIGTERM and SIGHUP remove the temporary being written and then end the
 * program with that signal.
 */
#ifndef SAHELMAP_OUTFILE_H
#define SAHELMAP_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

#define OUTFILE_PATH_MAX 4096

typedef struct OutFile {
    FILE *f;                          /* write here */
    char path[OUTFILE_PATH_MAX];      /* the target */
    char tmp[OUTFILE_PATH_MAX];       /* the temporary ("" for stdout) */
} OutFile;

/* Opens a temporary file for `path` (or standard output for "-"). False
 * with err naming the path when it is a directory, not a regular file, one
 * of inputs[0..ninputs), read-only, or its directory cannot be written. */
bool outfile_open(OutFile *out, const char *path, char *const *inputs, int ninputs,
                  Error *err);

/* Flushes, syncs and renames the temporary over the target. False with
 * err (and the target untouched, the temporary removed) on any failure,
 * including an earlier write error on out->f. */
bool outfile_commit(OutFile *out, Error *err);

/* Gives up: closes and removes the temporary; the target is untouched. */
void outfile_abort(OutFile *out);

/* Makes SIGINT, SIGTERM and SIGHUP remove the temporary being written (one
 * at a time), then end the program with that signal, so its exit status
 * says so. For the command line; the window handles its own quit. */
void outfile_signals_install(void);

#endif

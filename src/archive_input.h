/*
 * archive_input: event files that arrive compressed or archived, read
 * through libarchive as streams, never unpacked to disk. A gzip, bzip2 or
 * xz file is one stream (a CSV or JSON inside); a zip archive holds members,
 * each loaded on its own and named "FILE.zip:member.csv" in every message.
 *
 * What a file is comes from its first bytes (magic numbers), not its name;
 * but a name that promises a compression (.gz, .bz2, .xz, .zip) the bytes do
 * not have is an error, never read as something else.
 *
 * A path "FILE.zip:member.csv" names a member when it is not itself a file
 * and the part before the ':' is one (a plain file whose name holds a ':'
 * stays a plain file).
 */
#ifndef SAHELMAP_ARCHIVE_INPUT_H
#define SAHELMAP_ARCHIVE_INPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "error.h"

typedef enum ArchiveKind {
    ARCHIVE_PLAIN = 0,          /* not compressed: read as it is */
    ARCHIVE_GZIP,
    ARCHIVE_BZIP2,
    ARCHIVE_XZ,
    ARCHIVE_ZIP
} ArchiveKind;

#define ARCHIVE_NAME_MAX 4352   /* "path:member" */

/* What the first n bytes of a file say it is. */
ArchiveKind archive_kind_of_bytes(const unsigned char *head, size_t n);

/* What a file's name says it is (its ending, case-insensitive). */
ArchiveKind archive_kind_of_name(const char *path);

/* "gzip", "bzip2", "xz", "zip"; "" for ARCHIVE_PLAIN. */
const char *archive_kind_name(ArchiveKind kind);

/* When path is not a file but names a zip member ("FILE.zip:member", the
 * part before ':' an existing file): the archive's path into archive[cap]
 * and *member pointing into path, true. False otherwise. */
bool archive_split(const char *path, char *archive, size_t cap, const char **member);

/* Whether a member's name says it may hold events: it ends in .csv, .json
 * or .geojson (any case) and is not a macOS resource fork (__MACOSX/,
 * "._name"). */
bool archive_member_holds_events(const char *name);

typedef struct ArchiveStream ArchiveStream;

/* An open compressed file or zip member: f reads the decompressed bytes
 * (from the start; rewind works, reading again from the archive). f owns
 * the stream and the archive's descriptor: fclose(f) frees both. */
typedef struct ArchiveFile {
    FILE *f;
    ArchiveStream *stream;
    int fd;                     /* the archive file: its identity, for the cache */
    struct stat st;             /* ... and its size, for progress */
    ArchiveKind kind;
    char name[ARCHIVE_NAME_MAX]; /* "FILE.zip:member.csv", or the path */
} ArchiveFile;

/* Opens path if it is, or is in, a compressed file or zip archive.
 * Returns 1 with *out filled; 0 when it is neither (a plain file, a pipe,
 * or no file at all: the caller opens it as usual); -1 with err (naming
 * the file or member) when it is one that cannot be read: corrupt, not
 * what its name says, a zip member that is not there (err lists those that
 * are) or a zip given whole that holds no event member or several. */
int archive_open(const char *path, ArchiveFile *out, Error *err);

/* Bytes of the archive file read so far (for progress). */
uint64_t archive_stream_bytes(const ArchiveStream *s);

/* Why reading the stream failed ("gzip data: truncated input"), or NULL
 * while it has not. */
const char *archive_stream_error(const ArchiveStream *s);

/* Called for each zip member archive_expand leaves out: its name
 * ("FILE.zip:README.txt") and why. */
typedef void (*ArchiveNote)(void *ctx, const char *name, const char *why);

/* The ArchiveNote of the command line and the window: "sahelmap: NAME:
 * WHY" on stderr (ctx unused). */
void archive_note_stderr(void *ctx, const char *name, const char *why);

/* The files to load for paths[0..n): each path as it is, except a zip
 * archive given whole, which becomes "PATH:MEMBER" for each member that
 * may hold events (archive_member_holds_events), in archive order; the
 * other members are passed to note (may be NULL). A zip with no such
 * member, or one that cannot be read, stays as it is (loading it says
 * why). Returns a new NULL-terminated list of new strings (free each and
 * the list) and its length in *count. */
char **archive_expand(char *const *paths, int n, int *count, ArchiveNote note, void *ctx);

#endif

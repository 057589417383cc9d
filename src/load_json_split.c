/*
 * load_json_split: the event array of a JSON file in memory, parsed in
 * chunks on several threads (load_split.c's pipeline). A chunk's guessed
 * start is an element that follows "}," (blanks allowed); each element is
 * read as load_json.c's loop reads it (load_json_flat, else cJSON and
 * load_json_take_element), and whatever that loop would have to say
 * something about (bad syntax, a NUL, an element past Config.max_value or
 * running far past its chunk) is left to it: the chunk stops there with
 * LOAD_CHUNK_SERIAL.
 */
#include "load_json.h"
#include "load_split.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static uint64_t skip_blank(const char *map, uint64_t len, uint64_t at)
{
    while (at < len && blank(map[at])) at++;
    return at;
}

/* The '{' of the first "}" blanks "," blanks "{" at or after at, or len. */
static uint64_t json_guess(const char *map, uint64_t len, uint64_t at)
{
    while (at < len) {
        const char *close = memchr(map + at, '}', (size_t)(len - at));
        if (close == NULL) break;
        uint64_t k = skip_blank(map, len, (uint64_t)(close - map) + 1);
        if (k < len && map[k] == ',') {
            k = skip_blank(map, len, k + 1);
            if (k < len && map[k] == '{') return k;
        }
        at = (uint64_t)(close - map) + 1;
    }
    return len;
}

/* Line breaks counted so far in a chunk: line (from 1) of byte `scanned`
 * and the offset its line starts at. */
typedef struct Lines {
    uint64_t scanned, line_start;
    size_t line;
} Lines;

static void lines_to(Lines *l, const char *map, uint64_t to)
{
    const char *p = map + l->scanned, *end = map + to;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        l->line++;
        l->line_start = (uint64_t)(p - map) + 1;
        p++;
    }
    l->scanned = to;
}

static void chunk_end(LoadChunk *c, LoadChunkStop stop, uint64_t end, Lines *l,
                      const char *map, size_t records)
{
    lines_to(l, map, end);
    c->stop = stop;
    c->end = end;
    c->end_line = l->line;
    c->end_col = (size_t)(end - l->line_start) + 1;
    c->records = records;
}

static void json_parse(void *state, LoadContext *w, LoadChunk *c)
{
    (void)state;
    const char *map = w->map;
    uint64_t len = w->map_len, p = c->start;
    uint64_t max_value = w->max_value ? w->max_value : CONFIG_MAX_VALUE;
    uint64_t limit = c->bound + load_split_overrun(w);
    KeyCache *keys = xcalloc(1, sizeof *keys);
    char *scratch = xmalloc(LOAD_JSON_FLAT_SCRATCH);
    Lines lines = {.scanned = c->start, .line_start = c->start, .line = 1};
    size_t count = 0;
    for (;;) {
        if (p >= c->bound) {
            chunk_end(c, LOAD_CHUNK_MORE, p, &lines, map, count);
            break;
        }
        lines_to(&lines, map, p);
        size_t line = lines.line, col = (size_t)(p - lines.line_start) + 1;
        uint64_t q = 0;
        cJSON *item = NULL;
        if (map[p] == '{') {
            record_clear(&w->record);
            size_t used = load_json_flat(map + p, (size_t)(len - p), &w->record, keys,
                                         scratch, LOAD_JSON_FLAT_SCRATCH);
            if (used > 0 && used <= max_value) q = p + used;
        }
        if (q == 0) {
            const char *end = NULL;
            item = cJSON_ParseWithLengthOpts(map + p, (size_t)(len - p), &end, 0);
            if (item != NULL) q = (uint64_t)(end - map);
            if (item != NULL && (q - p > max_value ||
                                 memchr(map + p, '\0', (size_t)(q - p)) != NULL)) {
                cJSON_Delete(item);
                item = NULL;
            }
            if (item == NULL) {
                chunk_end(c, LOAD_CHUNK_SERIAL, p, &lines, map, count);
                break;
            }
        }
        uint64_t r = skip_blank(map, len, q);
        bool comma = r < len && map[r] == ',', last = r < len && map[r] == ']';
        if ((!comma && !last) || q > limit) {
            cJSON_Delete(item);                   /* the serial loop says why */
            chunk_end(c, LOAD_CHUNK_SERIAL, p, &lines, map, count);
            break;
        }
        count++;
        if (item == NULL) {
            load_record(w, line, col, count);
        } else {
            load_json_keep_underflows(item, map + p, (size_t)(q - p));
            load_json_take_element(w, keys, item, line, col, count);
            cJSON_Delete(item);
        }
        if (last) {
            chunk_end(c, LOAD_CHUNK_END, r + 1, &lines, map, count);
            break;
        }
        p = skip_blank(map, len, r + 1);
    }
    free(scratch);
    free(keys);
}

LoadSplitStop load_json_split(LoadContext *ctx, uint64_t offset, size_t line, size_t col,
                              LoadSplitPos *at)
{
    LoadSplitFormat format = {.parse = json_parse, .guess = json_guess};
    LoadSplitPos from = {.offset = offset, .line = line, .col = col, .index = 2};
    return load_split_run(ctx, &format, from, at);
}

/*
 * load_json: streaming loader for JSON event files: an ACLED or UCDP API
 * envelope ({"data": [...]} / {"Result": [...]}), a bare array of event
 * objects, or GeoJSON (FeatureCollection or a single Feature).
 *
 * The file is read in chunks. The envelope is walked by hand; each element
 * of the event array is handed to cJSON on its own
 * (cJSON_ParseWithLengthOpts parses exactly one value and says where it
 * ended), turned into a record and freed. So memory stays at one event's
 * tree, never the whole file's (~5 KB of cJSON per ACLED event).
 *
 * Envelope members other than the events are scanned, not kept: only the
 * few the loader reads (success, error, messages and a lone Feature's
 * members) are parsed, and only while they are small (ENVELOPE_KEEP), so a
 * 400 MB "filename" costs one chunk of memory. One value (an event object)
 * may be up to Config.max_value (512 MB); past that the file fails with the
 * record and where it starts. A raw NUL byte is never JSON: it fails the
 * file where it is (zero-filled downloads), in the time it takes to read up
 * to it.
 */
#define _POSIX_C_SOURCE 200809L       /* fseeko */
#include "load.h"
#include "load_json.h"
#include "load_split.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

#define CHUNK (4u << 20)               /* bytes read at a time */
#define ENVELOPE_KEEP (16u << 20)      /* envelope members parsed up to this */

/* ------------------------------------------------------------------------- */
/* The byte stream, with line/column bookkeeping                             */
/* ------------------------------------------------------------------------- */

typedef struct JsonStream {
    LoadContext *ctx;          /* for progress */
    FILE *f;
    char *buf;
    size_t cap, len, pos;      /* buf[pos..len) is unread */
    uint64_t max_value;        /* largest single value (Config.max_value) */
    bool eof;
    bool too_big;              /* a value outgrew max_value */
    bool deep;                 /* stream_value failed on nesting alone */
    uint64_t base;             /* file offset of buf[0] */
    size_t line;               /* line (from 1) of buf[pos] */
    uint64_t line_start;       /* file offset where that line starts */
    char *scratch;             /* the flat fast path's decoded strings */
} JsonStream;

/* Reads more of the file, keeping buf[pos..len). Returns false at end of
 * file, when cancelled, or when buf[pos..len) already holds max_value bytes
 * (too_big: the buffer never grows past max_value and a chunk). */
static bool stream_fill(JsonStream *js)
{
    if (js->eof) return false;
    if (js->pos > 0) {
        memmove(js->buf, js->buf + js->pos, js->len - js->pos);
        js->base += js->pos;
        js->len -= js->pos;
        js->pos = 0;
    }
    if (js->cap - js->len < CHUNK / 2) {
        if (js->len >= js->max_value) {
            js->too_big = true;
            return false;
        }
        size_t cap = js->cap * 2;
        if (cap > js->max_value + CHUNK) cap = (size_t)js->max_value + CHUNK;
        if (cap < js->len + CHUNK / 2) cap = js->len + CHUNK;
        js->cap = cap;
        js->buf = xrealloc(js->buf, js->cap);
    }
    size_t n = fread(js->buf + js->len, 1, js->cap - js->len - 1, js->f);
    js->len += n;
    js->buf[js->len] = '\0';
    if (n == 0) js->eof = true;
    if (!load_tick(js->ctx, js->base + js->len)) {
        js->eof = true;                /* cancelled: stop reading */
        return false;
    }
    return n > 0;
}

/* Line and column (from 1, in bytes) of buf[at], at >= pos. */
static void stream_where(const JsonStream *js, size_t at, size_t *line,
                         size_t *col)
{
    size_t l = js->line;
    uint64_t start = js->line_start;
    for (const char *p = js->buf + js->pos, *end = js->buf + at;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        l++;
        start = js->base + (uint64_t)(p - js->buf) + 1;
    }
    *line = l;
    *col = (size_t)(js->base + at - start) + 1;
}

/* Reads on from file offset `offset`, at line `line` and column `col`
 * (the loader's parallel pass consumed what comes before). */
static void stream_seek(JsonStream *js, uint64_t offset, size_t line, size_t col)
{
    if (fseeko(js->f, (off_t)offset, SEEK_SET) != 0) js->eof = true;
    else js->eof = false;
    js->base = offset;
    js->pos = js->len = 0;
    js->buf[0] = '\0';
    js->line = line;
    js->line_start = offset - (col - 1);
    stream_fill(js);
}

static void stream_advance(JsonStream *js, size_t to)
{
    size_t col;
    stream_where(js, to, &js->line, &col);
    js->line_start = js->base + to - (col - 1);
    js->pos = to;
}

/* The next non-blank byte (not consumed), or -1 at end of file. */
static int stream_peek(JsonStream *js)
{
    for (;;) {
        while (js->pos < js->len) {
            char c = js->buf[js->pos];
            if (c == '\n') {
                js->line++;
                js->line_start = js->base + js->pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return (unsigned char)c;
            }
            js->pos++;
        }
        if (!stream_fill(js)) return -1;
    }
}

/* Whether buf[0..n) holds one whole JSON value (a cheap structural scan
 * used only when cJSON fails, to tell "truncated by the chunk" from "bad"). */
static bool value_complete(const char *p, size_t n)
{
    size_t i = 0;
    if (i < n && (p[i] == '{' || p[i] == '[' || p[i] == '"')) {
        int depth = 0;
        bool in_string = false;
        for (; i < n; i++) {
            char c = p[i];
            if (in_string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    in_string = false;
                    if (depth == 0) return true;
                }
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth <= 0) {
                return true;
            }
        }
        return false;
    }
    for (; i < n; i++)
        if (strchr(",]} \t\r\n", p[i]) != NULL) return true;
    return false;
}

/* The deepest nesting of arrays and objects in p[0..n). */
static int nesting(const char *p, size_t n)
{
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (in_string) {
            if (c == '\\') i++;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) deepest = depth;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return deepest;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* cJSON refuses unpaired UTF-16 surrogate escapes (\ud800 alone), which
 * are valid JSON; exports do contain them. Rewrites each, in place and at
 * the same length, to \ufffd (the replacement character). Returns whether
 * anything changed (then parse again). */
static bool fix_lone_surrogates(char *p, size_t n)
{
    bool changed = false, in_string = false;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!in_string) {
            if (p[i] == '"') in_string = true;
            continue;
        }
        if (p[i] == '"') {
            in_string = false;
            continue;
        }
        if (p[i] != '\\') continue;
        if (p[i + 1] != 'u' || i + 6 > n) {
            i++;
            continue;
        }
        int u = hex4(p + i + 2);
        bool high = u >= 0xD800 && u <= 0xDBFF, low = u >= 0xDC00 && u <= 0xDFFF;
        if (high && i + 12 <= n && p[i + 6] == '\\' && p[i + 7] == 'u') {
            int next = hex4(p + i + 8);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                i += 11;                          /* a proper pair */
                continue;
            }
        }
        if (high || low) {
            memcpy(p + i + 2, "fffd", 4);
            changed = true;
        }
        i += 5;
    }
    return changed;
}


static bool syntax_error(JsonStream *js, size_t at, const char *what,
                         Error *err)
{
    /* A token cut by the end of the file ("-1.5e", "tru") is a truncation,
     * not a bad character: read on to see whether the file ends there. */
    for (;;) {
        size_t k = at;
        while (k < js->len && load_json_token_char(js->buf[k])) k++;
        if (k < js->len || at >= js->len) break;      /* something follows */
        if (js->eof) {
            at = js->len;
            break;
        }
        size_t rel = at - js->pos;
        bool more = stream_fill(js);                  /* may move the buffer */
        at = js->pos + rel;
        if (!more && !js->eof) break;                 /* a token past max_value */
    }
    size_t line, col;
    stream_where(js, at < js->len ? at : js->len, &line, &col);
    if (at >= js->len && js->eof)
        return error_at(err, line, col, "unexpected end of file while reading "
                                        "%s (truncated?)", what);
    unsigned char c = (unsigned char)js->buf[at];
    if (c == 0)
        return error_at(err, line, col, "a NUL byte (0x00) in %s: not JSON text (a "
                        "zero-filled or damaged download?)", what);
    if (c >= 0x20 && c < 0x7f)
        return error_at(err, line, col, "invalid JSON in %s near '%c'", what, c);
    return error_at(err, line, col, "invalid JSON in %s (byte 0x%02x)", what, c);
}

/* A raw NUL byte in buf[from..to), which no JSON text may hold (cJSON
 * would skip it as blank or cut a string at it): true with err at the
 * first one. */
static bool nul_error(JsonStream *js, size_t from, size_t to, const char *what,
                      Error *err)
{
    const char *nul = to > from ? memchr(js->buf + from, '\0', to - from) : NULL;
    if (nul == NULL) return false;
    size_t line, col;
    stream_where(js, (size_t)(nul - js->buf), &line, &col);
    error_at(err, line, col, "a NUL byte (0x00) in %s: not JSON text (a "
             "zero-filled or damaged download?)", what);
    return true;
}

/* "512 MB" or "1000 bytes". */
static void size_text(uint64_t n, char out[32])
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        snprintf(out, 32, "%llu MB", (unsigned long long)(n >> 20));
    else
        snprintf(out, 32, "%llu bytes", (unsigned long long)n);
}

/* NULL, with err saying that the value at pos passes max_value. */
static cJSON *too_big(JsonStream *js, const char *what, Error *err)
{
    size_t line, col;
    char limit[32];
    stream_where(js, js->pos, &line, &col);
    size_text(js->max_value, limit);
    error_at(err, line, col, "%s is larger than %s: the limit for a single JSON value",
             what, limit);
    return NULL;
}

/* Parses the one JSON value starting at pos and consumes it. The caller
 * owns the result (cJSON_Delete). NULL with err on a syntax error (and
 * js->deep set when the only fault is nesting past cJSON's limit: the
 * value is then not consumed). */
static cJSON *stream_value(JsonStream *js, const char *what, Error *err)
{
    js->deep = false;
    for (;;) {
        const char *end = NULL;
        size_t avail = js->len - js->pos;
        cJSON *item = cJSON_ParseWithLengthOpts(js->buf + js->pos, avail, &end, 0);
        size_t at = end ? (size_t)(end - js->buf) : js->len;
        bool maybe_cut = !js->eof && (item == NULL
                             ? !value_complete(js->buf + js->pos, avail)
                             : at >= js->len);
        if (maybe_cut) {
            cJSON_Delete(item);
            /* The value runs past what is read: a NUL in it already makes
             * it no JSON, however long it goes on. */
            if (nul_error(js, js->pos, js->len, what, err)) return NULL;
            if (avail < js->max_value && (stream_fill(js) || js->eof)) continue;
            if (js->ctx->cancelled) return NULL;
            return too_big(js, what, err);
        }
        if (item != NULL && nul_error(js, js->pos, at, what, err)) {
            cJSON_Delete(item);
            return NULL;
        }
        if (item != NULL && at - js->pos > js->max_value) {
            cJSON_Delete(item);
            return too_big(js, what, err);
        }
        if (item == NULL && nul_error(js, js->pos, at < js->len ? at + 1 : at, what, err))
            return NULL;
        if (item == NULL) {
            if (fix_lone_surrogates(js->buf + js->pos, avail)) continue;
            if (js->eof && !value_complete(js->buf + js->pos, avail)) {
                syntax_error(js, js->len, what, err);   /* the file ends inside */
                return NULL;
            }
            if (at < js->len &&
                nesting(js->buf + js->pos, at - js->pos + 1) > CJSON_NESTING_LIMIT) {
                size_t line, col;
                stream_where(js, at, &line, &col);
                error_at(err, line, col, "%s is nested deeper than %d levels", what,
                         CJSON_NESTING_LIMIT);
                js->deep = true;
                return NULL;
            }
            syntax_error(js, at, what, err);
            return NULL;
        }
        stream_advance(js, at);
        return item;
    }
}


/* Scans the one JSON value at pos without building it, for values the
 * loader does not keep or cannot parse (nested past cJSON's limit). It
 * checks strings, the pairing of brackets (to 4096 levels; deeper ones are
 * only counted) and the bytes of scalars, not every rule of the grammar.
 * While the value so far is shorter than keep bytes the buffer holds all
 * of it: then *whole is true and the value is buf[pos..*end). Past keep,
 * what is scanned is dropped as the scan goes (pos moves), so memory stays
 * at a chunk whatever the value's size. False with err on bad syntax, a
 * NUL, or the end of the file inside the value. */
static bool scan_value(JsonStream *js, size_t keep, const char *what, size_t *end,
                       bool *whole, Error *err)
{
    unsigned char open[4096];
    size_t i = js->pos, depth = 0;
    bool in_string = false, escape = false, in_token = false;
    *whole = true;
    for (;;) {
        if (i >= js->len) {
            size_t rel = i - js->pos;
            if (rel >= keep) {
                stream_advance(js, i);
                rel = 0;
                *whole = false;
            }
            bool more = stream_fill(js);
            i = js->pos + rel;
            if (i < js->len) continue;
            if (!more && in_token && depth == 0) break;   /* a scalar at the end */
            if (!more && js->ctx->cancelled) return error_set(err, "loading cancelled");
            if (!more) return syntax_error(js, js->len, what, err);
            continue;
        }
        char c = js->buf[i];
        if (c == '\0') return nul_error(js, i, i + 1, what, err), false;
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') {
                in_string = false;
                if (depth == 0) {
                    i++;
                    break;
                }
            }
            i++;
            continue;
        }
        if (in_token) {
            if (load_json_token_char(c)) {
                i++;
                continue;
            }
            in_token = false;
            if (depth == 0) break;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (depth < sizeof open) open[depth] = (unsigned char)c;
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0 ||
                (depth <= sizeof open && open[depth - 1] != (c == '}' ? '{' : '[')))
                return syntax_error(js, i, what, err);
            if (--depth == 0) {
                i++;
                break;
            }
        } else if (c == ',' || c == ':') {
            if (depth == 0) return syntax_error(js, i, what, err);
        } else if (load_json_token_char(c)) {
            in_token = true;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return syntax_error(js, i, what, err);
        }
        i++;
    }
    *end = i;
    if (i - js->pos > keep) *whole = false;      /* held, but too big to keep */
    return true;
}

/* ------------------------------------------------------------------------- */
/* Records                                                                   */
/* ------------------------------------------------------------------------- */

/* The field a member name means, through the cache of names by position. */
static FieldId field_of(const char *name, int position, KeyCache *cache)
{
    if (cache == NULL || position >= KEY_CACHE_SLOTS) return record_field(name);
    if (strcmp(cache->key[position], name) == 0) return cache->field[position];
    FieldId f = record_field(name);
    size_t len = strlen(name);
    if (len < sizeof cache->key[0]) load_json_cache_key(cache, position, name, len, f);
    return f;
}

void load_json_cache_key(KeyCache *cache, int position, const char *name, size_t len,
                         FieldId f)
{
    memcpy(cache->key[position], name, len + 1);
    cache->field[position] = f;
    bool raw = true;
    for (size_t k = 0; k < len; k++)
        if (name[k] == '"' || name[k] == '\\' || (unsigned char)name[k] < 0x20) raw = false;
    cache->len[position] = raw ? (uint8_t)len : 0;
}

void load_json_members(const cJSON *obj, RawRecord *rec, KeyCache *cache)
{
    int position = 0;
    for (const cJSON *m = obj->child; m != NULL; m = m->next, position++) {
        if (m->string == NULL) continue;
        FieldId f = field_of(m->string, position, cache);
        if (f == FIELD_NONE) continue;
        if (cJSON_IsString(m)) record_set_string(rec, f, m->valuestring);
        else if (cJSON_IsNumber(m)) record_set_number(rec, f, m->valuedouble);
        else if (cJSON_IsTrue(m)) record_set_other(rec, f, "true");
        else if (cJSON_IsFalse(m)) record_set_other(rec, f, "false");
        else if (cJSON_IsObject(m)) record_set_other(rec, f, "an object");
        else if (cJSON_IsArray(m)) record_set_other(rec, f, "an array");
        else if (cJSON_IsNull(m)) record_set_string(rec, f, "");   /* named, empty */
    }
}

void load_json_take_element(LoadContext *ctx, KeyCache *keys, const cJSON *item,
                            size_t line, size_t col, size_t index)
{
    if (load_geojson_is_feature(item)) {
        Error why;
        if (!load_geojson_feature(item, &ctx->record, keys, &why))
            load_skip(ctx, line, col, index, why.msg);
        else
            load_record(ctx, line, col, index);
        return;
    }
    if (!cJSON_IsObject(item)) {
        load_skip(ctx, line, col, index, "not a JSON object");
        return;
    }
    record_clear(&ctx->record);
    load_json_members(item, &ctx->record, keys);
    load_record(ctx, line, col, index);
}

/* An element read by the fast path (load_json_flat), consumed and handed
 * to load_record; false, nothing consumed, for one it leaves to cJSON. */
static bool flat_element(LoadContext *ctx, JsonStream *js, KeyCache *keys, size_t line,
                         size_t col, size_t index)
{
    if (js->scratch == NULL) js->scratch = xmalloc(LOAD_JSON_FLAT_SCRATCH);
    record_clear(&ctx->record);
    size_t used = load_json_flat(js->buf + js->pos, js->len - js->pos, &ctx->record,
                                 keys, js->scratch, LOAD_JSON_FLAT_SCRATCH);
    if (used == 0 || used > js->max_value) return false;
    if (index == 1 && strcmp(ctx->container, "JSON") == 0)
        load_set_container(ctx, "JSON (array of events)");
    stream_advance(js, js->pos + used);
    load_record(ctx, line, col, index);
    return true;
}

/* Streams the array at pos ('['), one element at a time. */
static bool stream_array(LoadContext *ctx, JsonStream *js, Error *err)
{
    KeyCache *keys = xcalloc(1, sizeof *keys);
    js->pos++; /* '[' */
    int c = stream_peek(js);
    bool ok = false;
    if (c == ']') {
        js->pos++;
        ok = true;
        goto done;
    }
    for (size_t index = 1;; index++) {
        if (index == 2 && ctx->map != NULL) {
            /* The whole regular file is in memory: the elements after the
             * first (which named the container) are parsed on several
             * threads (load_json_split.c); past the array, or from what
             * they leave to this loop, the stream reads on from there. */
            LoadSplitPos at;
            LoadSplitStop stop = load_json_split(ctx, js->base + js->pos, js->line,
                                                 (size_t)(js->base + js->pos -
                                                          js->line_start) + 1, &at);
            if (stop == LOAD_SPLIT_FAILED) {
                error_set(err, "loading cancelled");
                goto done;
            }
            stream_seek(js, at.offset, at.line, at.col);
            if (stop == LOAD_SPLIT_DONE) {
                ok = true;
                goto done;
            }
            index = at.index;
            stream_peek(js);
        }
        if (ctx->cancelled) {
            error_set(err, "loading cancelled");
            goto done;
        }
        size_t line, col;
        stream_where(js, js->pos, &line, &col);
        if (js->pos < js->len && js->buf[js->pos] == '{' &&
            flat_element(ctx, js, keys, line, col, index))
            goto next;
        char what[48];
        snprintf(what, sizeof what, "record %zu", index);
        uint64_t start = js->base + js->pos;       /* the buffer may move */
        cJSON *item = stream_value(js, what, err);
        if (item == NULL && js->deep) {
            /* Valid JSON nested past cJSON's limit: one bad record, not a
             * bad file. */
            size_t end;
            bool whole;
            if (!scan_value(js, 0, what, &end, &whole, err)) goto done;
            stream_advance(js, end);
            char reason[64];
            snprintf(reason, sizeof reason, "nested deeper than %d levels",
                     CJSON_NESTING_LIMIT);
            load_skip(ctx, line, col, index, reason);
            goto next;
        }
        if (item == NULL) goto done;
        size_t from = (size_t)(start - js->base);
        load_json_keep_underflows(item, js->buf + from, js->pos - from);
        if (index == 1 && strcmp(ctx->container, "JSON") == 0)
            load_set_container(ctx, load_geojson_is_feature(item)
                                        ? "GeoJSON (array of Features)"
                                        : "JSON (array of events)");
        load_json_take_element(ctx, keys, item, line, col, index);
        cJSON_Delete(item);
    next:
        c = stream_peek(js);
        if (c == ',') {
            js->pos++;
            stream_peek(js);
        } else if (c == ']') {
            js->pos++;
            ok = true;
            goto done;
        } else {
            syntax_error(js, js->pos, "the array of events", err);
            goto done;
        }
    }
done:
    free(keys);
    return ok;
}

/* ------------------------------------------------------------------------- */
/* The envelope                                                              */
/* ------------------------------------------------------------------------- */

/* The message of an API error envelope ({"success": false, "error": ...}),
 * or NULL if the envelope does not report an error. */
static const char *api_error(const cJSON *env)
{
    const cJSON *success = cJSON_GetObjectItemCaseSensitive(env, "success");
    const cJSON *error = cJSON_GetObjectItemCaseSensitive(env, "error");
    if (!cJSON_IsFalse(success) && (error == NULL || cJSON_IsNull(error) ||
                                     cJSON_IsFalse(error)))
        return NULL;
    if (cJSON_IsArray(error)) error = cJSON_GetArrayItem(error, 0);
    if (cJSON_IsObject(error))
        error = cJSON_GetObjectItemCaseSensitive(error, "message");
    if (cJSON_IsString(error)) return error->valuestring;
    const cJSON *msgs = cJSON_GetObjectItemCaseSensitive(env, "messages");
    const cJSON *first = cJSON_GetArrayItem(msgs, 0);
    return cJSON_IsString(first) ? first->valuestring : "no message given";
}

/* Which envelope member holds the events, and what it tells of the format. */
static const char *events_member(const char *key)
{
    if (strcasecmp(key, "data") == 0) return "API JSON (envelope)";
    if (strcasecmp(key, "Result") == 0) return "API JSON (envelope)";
    if (strcasecmp(key, "features") == 0) return "GeoJSON FeatureCollection";
    return NULL;
}

/* The envelope members the loader reads: an API error's, and those of a
 * lone GeoJSON Feature. */
static bool kept_member(const char *key)
{
    static const char *const kept[] = {"success", "error", "messages", "type",
                                       "geometry", "properties", "id"};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        if (strcmp(key, kept[k]) == 0) return true;
    return false;
}

static bool stream_envelope(LoadContext *ctx, JsonStream *js, Error *err)
{
    cJSON *env = cJSON_CreateObject();
    bool found_events = false, ok = false;
    Error not_array = {.msg = ""};    /* "data" present but not an array */
    size_t env_line, env_col;
    stream_where(js, js->pos, &env_line, &env_col);
    js->pos++; /* '{' */
    int c = stream_peek(js);
    while (c != '}') {
        if (c != '"') {
            syntax_error(js, js->pos, "the top-level object", err);
            goto done;
        }
        cJSON *key = stream_value(js, "a member name", err);
        if (key == NULL) goto done;
        if (stream_peek(js) != ':') {
            cJSON_Delete(key);
            syntax_error(js, js->pos, "the top-level object", err);
            goto done;
        }
        js->pos++;
        c = stream_peek(js);
        const char *container = events_member(key->valuestring);
        if (container != NULL && c == '[') {
            load_set_container(ctx, container);
            found_events = true;
            if (!stream_array(ctx, js, err)) {
                cJSON_Delete(key);
                goto done;
            }
        } else {
            if (container != NULL && not_array.msg[0] == '\0') {
                size_t line, col;
                stream_where(js, js->pos, &line, &col);
                error_at(&not_array, line, col, "\"%.40s\" is not an array of events",
                         key->valuestring);
            }
            /* Parsed (so checked by cJSON) while small; kept only if the
             * loader reads it; a big one is scanned past. */
            size_t end;
            bool whole;
            size_t keep = js->max_value < ENVELOPE_KEEP ? (size_t)js->max_value
                                                        : ENVELOPE_KEEP;
            if (!scan_value(js, keep, key->valuestring, &end, &whole, err)) {
                cJSON_Delete(key);
                goto done;
            }
            if (whole) {
                cJSON *value = stream_value(js, key->valuestring, err);
                if (value == NULL) {
                    cJSON_Delete(key);
                    goto done;
                }
                if (kept_member(key->valuestring))
                    cJSON_AddItemToObject(env, key->valuestring, value);
                else
                    cJSON_Delete(value);
            } else {
                stream_advance(js, end);
            }
        }
        cJSON_Delete(key);
        c = stream_peek(js);
        if (c == ',') {
            js->pos++;
            c = stream_peek(js);
        } else if (c != '}') {
            syntax_error(js, js->pos, "the top-level object", err);
            goto done;
        }
    }
    js->pos++; /* '}' */

    const char *api_message = api_error(env);
    if (api_message != NULL) {
        error_set(err, "the file is an API error response: %.180s", api_message);
        goto done;
    }
    if (!found_events && not_array.msg[0] != '\0') {
        *err = not_array;
        goto done;
    }
    if (!found_events && load_geojson_is_feature(env)) {
        load_set_container(ctx, "GeoJSON Feature");
        load_json_take_element(ctx, NULL, env, env_line, env_col, 1);
        found_events = true;
    }
    if (!found_events) {
        error_set(err, "no events found: expected an array of events, or an "
                       "object with \"data\" (ACLED), \"Result\" (UCDP) or "
                       "\"features\" (GeoJSON)");
        goto done;
    }
    ok = true;
done:
    cJSON_Delete(env);
    return ok;
}

bool load_json(LoadContext *ctx, FILE *f, Error *err)
{
    JsonStream js = {.ctx = ctx, .f = f, .cap = CHUNK, .line = 1,
                     .max_value = ctx->max_value ? ctx->max_value : CONFIG_MAX_VALUE};
    load_set_container(ctx, "JSON");
    js.buf = xmalloc(js.cap);
    js.buf[0] = '\0';
    bool ok = false;
    stream_fill(&js);
    if (js.len >= 3 && memcmp(js.buf, "\xEF\xBB\xBF", 3) == 0) js.pos = 3;

    int c = stream_peek(&js);
    if (c == '[') ok = stream_array(ctx, &js, err);
    else if (c == '{') ok = stream_envelope(ctx, &js, err);
    else ok = syntax_error(&js, js.pos, "the file", err);

    if (ok && stream_peek(&js) != -1)
        ok = syntax_error(&js, js.pos, "what follows the JSON value", err);
    free(js.buf);
    free(js.scratch);
    return ok;
}

/*
 * load_json_flat: the fast path for the common event object, a flat JSON
 * object of strings, numbers and literals. It reads the object straight
 * into a RawRecord, the way cJSON_ParseWithLengthOpts followed by
 * load_json_members would, without building a tree (cJSON allocates two
 * or three blocks per member: most of a load's time went there).
 *
 * It only takes what it is sure of; anything else makes it decline (0),
 * and the caller parses the object with cJSON as before, so every message
 * and every value stays what it was: nested values, a NUL, control bytes
 * in an escaped string or between tokens,
 * escapes other than the simple ones and \u of a non-zero, non-surrogate
 * code point, number tokens strtod does not read whole (or that may
 * underflow: "e-"), a GeoJSON Feature ("type": "Feature", "geometry"), or
 * an object running past the bytes given. See load_json.h.
 */
#include "load_json.h"

#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "scan.h"

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *skip_blank(const char *p, const char *end)
{
    while (p < end && blank(*p)) p++;
    return p;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Strings up to this long are scanned a word at a time (scan.h). */
#define SHORT_STRING 32

/* Decodes the string whose opening quote is at p into *out (NUL-ended,
 * *out advanced past the NUL). The byte after the closing quote, or NULL
 * to decline. */
static const char *flat_string(const char *p, const char *end, char **out)
{
    char *o = *out;
    p++;                                            /* '"' */
    /* Most strings hold no escape. Short ones (keys, most values) are
     * scanned a word at a time, longer ones found whole with memchr. cJSON
     * copies control bytes as they are, but a NUL would cut the string:
     * the serial loader reports it. */
    const char *stop = end - p > SHORT_STRING ? p + SHORT_STRING : end;
    const char *scan = scan_until3(p, stop, '"', '\\', '\0');
    if (scan < stop && *scan == '"') {
        memcpy(o, p, (size_t)(scan - p));
        o[scan - p] = '\0';
        *out = o + (scan - p) + 1;
        return scan + 1;
    }
    if (scan < stop && *scan == '\0') return NULL;
    const char *close = memchr(scan, '"', (size_t)(end - scan));
    if (close == NULL) return NULL;
    if (memchr(p, '\\', (size_t)(close - p)) == NULL) {
        if (memchr(p, '\0', (size_t)(close - p)) != NULL) return NULL;
        memcpy(o, p, (size_t)(close - p));
        o[close - p] = '\0';
        *out = o + (close - p) + 1;
        return close + 1;
    }
    for (;;) {
        /* The plain run up to a quote, a backslash or a control byte. */
        const char *q = p;
        while (q < end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20) q++;
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        p = q;
        if (p >= end || (unsigned char)*p < 0x20) return NULL;
        if (*p == '"') break;
        if (p + 1 >= end) return NULL;             /* '\\' */
        char e = p[1];
        switch (e) {
        case '"': case '\\': case '/': *o++ = e; p += 2; continue;
        case 'b': *o++ = '\b'; p += 2; continue;
        case 'f': *o++ = '\f'; p += 2; continue;
        case 'n': *o++ = '\n'; p += 2; continue;
        case 'r': *o++ = '\r'; p += 2; continue;
        case 't': *o++ = '\t'; p += 2; continue;
        case 'u': break;
        default: return NULL;
        }
        if (end - p < 6) return NULL;
        unsigned u = 0;
        for (int i = 2; i < 6; i++) {
            int d = hex_digit(p[i]);
            if (d < 0) return NULL;
            u = u * 16 + (unsigned)d;
        }
        /* NUL and surrogates (pairs and lone ones) are cJSON's. */
        if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) return NULL;
        if (u < 0x80) {
            *o++ = (char)u;
        } else if (u < 0x800) {
            *o++ = (char)(0xC0 | (u >> 6));
            *o++ = (char)(0x80 | (u & 0x3F));
        } else {
            *o++ = (char)(0xE0 | (u >> 12));
            *o++ = (char)(0x80 | ((u >> 6) & 0x3F));
            *o++ = (char)(0x80 | (u & 0x3F));
        }
        p += 6;
    }
    *o++ = '\0';
    *out = o;
    return p + 1;
}

/* The number token at p as cJSON reads it (its characters, then strtod),
 * when strtod takes the whole token and it cannot underflow. */
static const char *flat_number(const char *p, const char *end, double *num)
{
    char text[64];
    size_t n = 0;
    while (p + n < end && n < sizeof text - 1) {
        char c = p[n];
        if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'e' || c == 'E' ||
              c == '.'))
            break;
        if (c == '-' && n > 0 && (p[n - 1] == 'e' || p[n - 1] == 'E')) return NULL;
        text[n++] = c;
    }
    if (n == 0 || n >= sizeof text - 1 || p + n >= end) return NULL;
    if (decimal_fast(p, n, num)) return p + n;    /* strtod's double, faster */
    text[n] = '\0';
    char *stop;
    *num = strtod(text, &stop);
    if (stop != text + n) return NULL;
    return p + n;
}

static FieldId flat_field(const char *name, size_t len, int position, KeyCache *cache)
{
    if (cache == NULL || position >= KEY_CACHE_SLOTS) return record_field(name);
    if (memcmp(cache->key[position], name, len + 1) == 0) return cache->field[position];
    FieldId f = record_field(name);
    if (len < sizeof cache->key[0]) load_json_cache_key(cache, position, name, len, f);
    return f;
}

/* Whether the name whose opening quote is at p is, byte for byte, the
 * cached name of its position followed by its closing quote. */
static bool cached_key(const char *p, const char *end, int position, const KeyCache *cache)
{
    if (cache == NULL || position >= KEY_CACHE_SLOTS || cache->len[position] == 0) return false;
    size_t len = cache->len[position];
    return (size_t)(end - p) > len + 2 && memcmp(p + 1, cache->key[position], len) == 0 &&
           p[len + 1] == '"';
}

size_t load_json_flat(const char *text, size_t n, RawRecord *rec, KeyCache *cache,
                      char *scratch, size_t scratch_cap)
{
    /* Decoded text is never longer than its source: an object within
     * scratch_cap bytes fits. */
    if (n > scratch_cap) n = scratch_cap;
    const char *p = text, *end = text + n;
    char *o = scratch;
    if (p >= end || *p != '{') return 0;
    p = skip_blank(p + 1, end);
    if (p < end && *p == '}') return (size_t)(p + 1 - text);
    for (int position = 0;; position++) {
        if (p >= end || *p != '"') return 0;
        const char *key;
        size_t key_len;
        FieldId f;
        if (cached_key(p, end, position, cache)) {
            /* The previous record's name here, as it is written (no
             * escapes): no need to decode it or look it up. */
            key = cache->key[position];
            key_len = cache->len[position];
            f = cache->field[position];
            p += key_len + 2;
        } else {
            char *decoded = o;
            p = flat_string(p, end, &o);
            if (p == NULL) return 0;
            key = decoded;
            key_len = (size_t)(o - decoded) - 1;
            /* cJSON's key cache compares 24-byte slots; a key with a NUL
             * in it never reaches here (\u0000 declines). */
            f = key_len < sizeof cache->key[0] || cache == NULL
                    ? flat_field(key, key_len, position, cache)
                    : record_field(key);
        }
        if (key_len == 8 && memcmp(key, "geometry", 8) == 0) return 0;   /* a Feature */
        p = skip_blank(p, end);
        if (p >= end || *p != ':') return 0;
        p = skip_blank(p + 1, end);
        if (p >= end) return 0;
        char c = *p;
        if (c == '"') {
            char *value = o;
            p = flat_string(p, end, &o);
            if (p == NULL) return 0;
            if (key_len == 4 && memcmp(key, "type", 4) == 0 && strcmp(value, "Feature") == 0)
                return 0;
            if (f != FIELD_NONE) record_set_text(rec, f, value, (size_t)(o - value) - 1);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            double num;
            p = flat_number(p, end, &num);
            if (p == NULL) return 0;
            if (f != FIELD_NONE) record_set_number(rec, f, num);
        } else if (c == 'n' && end - p >= 4 && memcmp(p, "null", 4) == 0) {
            p += 4;
            if (f != FIELD_NONE) record_set_string(rec, f, "");
        } else if (c == 't' && end - p >= 4 && memcmp(p, "true", 4) == 0) {
            p += 4;
            if (f != FIELD_NONE) record_set_other(rec, f, "true");
        } else if (c == 'f' && end - p >= 5 && memcmp(p, "false", 5) == 0) {
            p += 5;
            if (f != FIELD_NONE) record_set_other(rec, f, "false");
        } else {
            return 0;                      /* nested, or not JSON: cJSON's */
        }
        p = skip_blank(p, end);
        if (p >= end) return 0;
        if (*p == '}') return (size_t)(p + 1 - text);
        if (*p != ',') return 0;
        p = skip_blank(p + 1, end);
    }
}

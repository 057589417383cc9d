/*
 * out.c - sahelmap-gen's output buffer: one large buffer flushed to the
 * FILE, with JSON string escaping and CSV field quoting.
 */
#include "gen.h"

#include <errno.h>

void out_flush(Out *o)
{
    if (o->len && !o->err) {
        if (fwrite(o->buf, 1, o->len, o->f) != o->len)
            o->err = errno ? errno : EIO;
    }
    o->len = 0;
}

static unsigned char JSON_ESC[256];
static unsigned char CSV_SPECIAL[256];

void out_init(void)
{
    for (int i = 0; i < 32; i++)
        JSON_ESC[i] = 1;
    JSON_ESC['"'] = 1;
    JSON_ESC['\\'] = 1;
    JSON_ESC['/'] = 1;
    JSON_ESC[127] = 0;
    CSV_SPECIAL[','] = 1;
    CSV_SPECIAL['"'] = 1;
    CSV_SPECIAL['\r'] = 1;
    CSV_SPECIAL['\n'] = 1;
}

/* strings are short (< 4 KiB), buffer is MiBs: reserve worst case once */
void out_json_escaped(Out *o, const char *s, size_t n)
{
    out_reserve(o, n * 6 + 8);
    char *d = o->buf + o->len;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char ch = *p++;
        if (!JSON_ESC[ch]) {
            *d++ = (char)ch;
            continue;
        }
        *d++ = '\\';
        switch (ch) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '/': *d++ = '/'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = hex[ch >> 4];
            *d++ = hex[ch & 15];
        }
        }
    }
    o->len = (size_t)(d - o->buf);
}

void out_csv_field(Out *o, const char *s, size_t n)
{
    int need = 0;
    for (size_t i = 0; i < n && !need; i++)
        need = CSV_SPECIAL[(unsigned char)s[i]];
    if (!need) {
        out_mem(o, s, n);
        return;
    }
    out_reserve(o, n * 2 + 4);
    char *d = o->buf + o->len;
    *d++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            *d++ = '"';
        *d++ = s[i];
    }
    *d++ = '"';
    o->len = (size_t)(d - o->buf);
}

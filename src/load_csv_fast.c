/*
 * load_csv_fast: the common CSV row read without libcsv's byte-at-a-time
 * state machine. See load_csv_fast.h.
 *
 * What libcsv does with a whole line in strict mode (its default space
 * and terminator tests): fields are split at commas; an unquoted field
 * loses its leading and trailing spaces and tabs; a quoted field (spaces
 * before its opening quote are skipped) keeps everything between its
 * quotes, a doubled quote inside standing for one, and may be followed by
 * spaces and tabs only; a line of blanks is no row at all. Anything else
 * (a quote inside an unquoted field, text after a closing quote, a quote
 * that does not close on the line) is libcsv's to report, with its
 * position: the fast path declines. So does a NUL in a field, which the
 * loader reports: the fields it hands over hold none.
 */
#include "load_csv_fast.h"

#include <string.h>

#include "scan.h"

#define FAST_MAX_FIELDS 256

static bool csv_blank(char c)
{
    return c == ' ' || c == '\t';
}

typedef struct Span {
    const char *at;
    size_t len;
    bool unquote;            /* a quoted field holding doubled quotes */
} Span;

bool load_csv_fast_row(const char *body, size_t n, char *scratch, size_t scratch_cap,
                       void (*field)(void *data, size_t len, void *ctx), void *ctx)
{
    Span spans[FAST_MAX_FIELDS];
    size_t nspans = 0;
    const char *p = body, *end = body + n;
    size_t k = 0;
    while (k < n && csv_blank(body[k])) k++;
    if (k == n || n > scratch_cap) return false;      /* a blank line: no row */
    for (;;) {
        if (nspans == FAST_MAX_FIELDS) return false;
        while (p < end && csv_blank(*p)) p++;
        Span *s = &spans[nspans++];
        if (p < end && *p == '"') {
            const char *q = p + 1;
            s->at = q;
            s->unquote = false;
            for (;;) {
                const char *close = memchr(q, '"', (size_t)(end - q));
                if (close == NULL) return false;          /* goes on past the line */
                if (close + 1 < end && close[1] == '"') {
                    s->unquote = true;
                    q = close + 2;
                    continue;
                }
                s->len = (size_t)(close - s->at);
                p = close + 1;
                break;
            }
            while (p < end && csv_blank(*p)) p++;
            if (p < end && *p != ',') return false;       /* text after the quote */
            if (memchr(s->at, '\0', s->len) != NULL) return false;
        } else {
            /* Fields are short: one pass, a word at a time, beats a memchr
             * call for the comma and another for a quote. */
            const char *stop = scan_until3(p, end, ',', '"', '\0');
            if (stop < end && *stop != ',') return false; /* a quote inside, a NUL */
            const char *last = stop;
            while (last > p && csv_blank(last[-1])) last--;
            s->at = p;
            s->len = (size_t)(last - p);
            s->unquote = false;
            p = stop;
        }
        if (p >= end) break;
        p++;                                              /* ',' */
    }
    for (size_t i = 0; i < nspans; i++) {
        Span *s = &spans[i];
        if (!s->unquote) {
            field((void *)s->at, s->len, ctx);
            continue;
        }
        /* Runs up to and including a quote, each copied whole: "" is one
         * quote. */
        size_t len = 0;
        const char *q = s->at, *stop = s->at + s->len;
        while (q < stop) {
            const char *quote = memchr(q, '"', (size_t)(stop - q));
            size_t run = quote != NULL ? (size_t)(quote - q) + 1 : (size_t)(stop - q);
            memcpy(scratch + len, q, run);
            len += run;
            q += run + (quote != NULL ? 1 : 0);
        }
        field(scratch, len, ctx);
    }
    return true;
}

/*
 * load_json_numbers: numbers cJSON reads as zero. A number token that
 * underflows a double (1e-400) would become 0 and pass for a coordinate
 * on the equator; its item gets its text back, so record refuses it as
 * out of range. See load_json.h.
 */
#include "load_json.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* Numbers cJSON reads as zero                                               */
/* ------------------------------------------------------------------------- */

/* Whether the number token p[0..n) underflows a double (1e-400: strtod
 * gives 0 or a denormal and ERANGE). */
static bool underflows(const char *p, size_t n)
{
    char num[64];
    if (n >= sizeof num) n = sizeof num - 1;
    memcpy(num, p, n);
    num[n] = '\0';
    errno = 0;
    double d = strtod(num, NULL);
    return errno == ERANGE && fabs(d) < DBL_MIN;
}

/* Turns the number items of tree, the kth in document order for each k in
 * bad[0..nbad), into strings holding their text, which record refuses as
 * out of range. */
static void numbers_to_text(cJSON *item, size_t *ordinal, const size_t *bad,
                            const size_t *at, const size_t *len, size_t nbad,
                            const char *text)
{
    for (; item != NULL; item = item->next) {
        if (cJSON_IsNumber(item)) {
            for (size_t k = 0; k < nbad; k++) {
                if (bad[k] != *ordinal) continue;
                char *s = cJSON_malloc(len[k] + 1);
                if (s == NULL) break;
                memcpy(s, text + at[k], len[k]);
                s[len[k]] = '\0';
                item->type = cJSON_String;
                item->valuestring = s;
            }
            (*ordinal)++;
        }
        numbers_to_text(item->child, ordinal, bad, at, len, nbad, text);
    }
}

/* cJSON reads 1e-400 as 0, which would put an event on the equator or the
 * meridian. Finds the numbers of the value's text p[0..n) that underflow
 * and gives their items back their text (see numbers_to_text). Cheap when
 * there are none: only a '-' after an exponent letter starts a look. */
void load_json_keep_underflows(cJSON *item, const char *p, size_t n)
{
    bool candidate = false;
    for (const char *q = p; !candidate && (q = memchr(q, '-', (size_t)(p + n - q))) != NULL; q++)
        candidate = q - p >= 2 && (q[-1] == 'e' || q[-1] == 'E') &&
                    (isdigit((unsigned char)q[-2]) || q[-2] == '.');
    if (!candidate) return;
    size_t bad[8], at[8], len[8], nbad = 0, ordinal = 0;
    bool in_string = false;
    for (size_t i = 0; i < n && nbad < 8; i++) {
        char c = p[i];
        if (in_string) {
            if (c == '\\') i++;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '-' || isdigit((unsigned char)c)) {
            size_t j = i;
            while (j < n && load_json_token_char(p[j])) j++;
            if (underflows(p + i, j - i)) {
                bad[nbad] = ordinal;
                at[nbad] = i;
                len[nbad++] = j - i;
            }
            ordinal++;
            i = j - 1;
        } else if (isalpha((unsigned char)c)) {
            while (i + 1 < n && load_json_token_char(p[i + 1])) i++;   /* true, null */
        }
    }
    ordinal = 0;
    if (nbad > 0) numbers_to_text(item, &ordinal, bad, at, len, nbad, p);
}

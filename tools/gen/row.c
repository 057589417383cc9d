/*
 * row.c - sahelmap-gen's rows: the ACLED columns and one event written as
 * a CSV line or a JSON object, with its numbers formatted by hand.
 */
#include "gen.h"

#include <math.h>

enum {
    COL_ID, COL_DATE, COL_YEAR, COL_TP, COL_DISORDER, COL_ET, COL_ST, COL_A1, COL_AS1, COL_I1, COL_A2, COL_AS2,
    COL_I2, COL_INTERACTION, COL_CIV, COL_ISO, COL_REGION, COL_COUNTRY, COL_ADM1, COL_ADM2, COL_ADM3, COL_LOC,
    COL_LAT, COL_LON, COL_GP, COL_SOURCE, COL_SCALE, COL_NOTES, COL_FAT, COL_TAGS, COL_TS, N_COL
};

static const char *const COL_NAMES[N_COL] = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"};

static int is_dyadic_col(int c)
{
    return c == COL_A2 || c == COL_AS2 || c == COL_I2;
}

/* One CSV line of the columns fm's shape has, v[c] being column c's text. */
static void csv_line(Out *o, const Fmt *fm, const char *const *v)
{
    int firstcol = 1;
    for (int c = 0; c < N_COL; c++) {
        if (fm->monadic && is_dyadic_col(c))
            continue;
        if (!firstcol)
            out_mem(o, ",", 1);
        firstcol = 0;
        out_csv_field(o, v[c], strlen(v[c]));
    }
    out_mem(o, "\n", 1);
}

static size_t fmt_uint(char *buf, unsigned long long v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
    return n;
}

static size_t fmt_fixed4(char *buf, double v)
{
    long long x = llround(v * 10000.0);
    size_t n = 0;
    if (x < 0) {
        buf[n++] = '-';
        x = -x;
    }
    n += fmt_uint(buf + n, (unsigned long long)(x / 10000));
    int fr = (int)(x % 10000);
    buf[n++] = '.';
    buf[n++] = (char)('0' + fr / 1000);
    buf[n++] = (char)('0' + fr / 100 % 10);
    buf[n++] = (char)('0' + fr / 10 % 10);
    buf[n++] = (char)('0' + fr % 10);
    buf[n] = 0;
    return n;
}

static size_t fmt_2(char *buf, int v)
{
    buf[0] = (char)('0' + v / 10 % 10);
    buf[1] = (char)('0' + v % 10);
    return 2;
}

/* One output row; in monadic mode a1 is the actor of this row and a2 is NULL. */
void row_write(Out *o, const Fmt *fm, const Event *e, const EvActor *a1, const EvActor *a2, const char *notes,
              int first)
{
    char id[24], date[32], year[8], tp[4], i1[4], i2[4], inter[4], lat[24], lon[24], gp[4], fat[12], ts[24];
    const Town *t = &TOWNS[e->town];
    size_t n;

    memcpy(id, "SYN", 3);
    {
        char num[24];
        size_t l = fmt_uint(num, e->id);
        size_t pad = l < 8 ? 8 - l : 0;
        memset(id + 3, '0', pad);
        memcpy(id + 3 + pad, num, l + 1);
    }
    if (fm->csv) {
        n = fmt_2(date, e->d);
        date[n++] = ' ';
        size_t ml = strlen(MONTHS[e->m - 1]);
        memcpy(date + n, MONTHS[e->m - 1], ml);
        n += ml;
        date[n++] = ' ';
        fmt_uint(date + n, (unsigned long long)e->y);
    } else {
        n = fmt_uint(date, (unsigned long long)e->y);
        date[n++] = '-';
        n += fmt_2(date + n, e->m);
        date[n++] = '-';
        n += fmt_2(date + n, e->d);
        date[n] = 0;
    }
    fmt_uint(year, (unsigned long long)e->y);
    fmt_uint(tp, (unsigned long long)e->tp);
    if (a1->inter)
        fmt_uint(i1, (unsigned long long)a1->inter);
    else
        i1[0] = 0;
    if (a2 && a2->inter)
        fmt_uint(i2, (unsigned long long)a2->inter);
    else
        i2[0] = 0;
    fmt_uint(inter, (unsigned long long)e->interaction);
    fmt_fixed4(lat, e->lat);
    fmt_fixed4(lon, e->lon);
    fmt_uint(gp, (unsigned long long)e->gp);
    fmt_uint(fat, (unsigned long long)e->fatalities);
    fmt_uint(ts, (unsigned long long)e->timestamp);
    const char *loc = places_location(e);

    const char *v[N_COL] = {
        [COL_ID] = id,
        [COL_DATE] = date,
        [COL_YEAR] = year,
        [COL_TP] = tp,
        [COL_DISORDER] = ET_DISORDER[e->et],
        [COL_ET] = ET_NAME[e->et],
        [COL_ST] = ST_NAME[e->st],
        [COL_A1] = a1->name,
        [COL_AS1] = a1->assoc,
        [COL_I1] = i1,
        [COL_A2] = a2 ? a2->name : "",
        [COL_AS2] = a2 ? a2->assoc : "",
        [COL_I2] = i2,
        [COL_INTERACTION] = inter,
        [COL_CIV] = e->civ_target ? "Civilian targeting" : "",
        [COL_ISO] = COUNTRIES[t->country].iso,
        [COL_REGION] = "Western Africa",
        [COL_COUNTRY] = COUNTRIES[t->country].name,
        [COL_ADM1] = t->admin1,
        [COL_ADM2] = t->admin2,
        [COL_ADM3] = t->admin3,
        [COL_LOC] = loc,
        [COL_LAT] = lat,
        [COL_LON] = lon,
        [COL_GP] = gp,
        [COL_SOURCE] = e->source,
        [COL_SCALE] = e->scale,
        [COL_NOTES] = notes,
        [COL_FAT] = fat,
        [COL_TAGS] = e->tags,
        [COL_TS] = ts,
    };

    if (fm->csv) {
        csv_line(o, fm, v);
    } else {
        if (!first)
            out_mem(o, ",\n", 2);
        int firstcol = 1;
        for (int c = 0; c < N_COL; c++) {
            if (fm->monadic && is_dyadic_col(c))
                continue;
            out_mem(o, firstcol ? "{\"" : ",\"", 2);
            firstcol = 0;
            out_str(o, COL_NAMES[c]);
            out_mem(o, "\":\"", 3);
            out_json_escaped(o, v[c], strlen(v[c]));
            out_mem(o, "\"", 1);
        }
        out_mem(o, "}", 1);
    }
}

void row_begin(Out *o, const Fmt *fm, uint64_t rows)
{
    if (fm->csv) {
        csv_line(o, fm, COL_NAMES); /* the names need no quoting */
    } else {
        char num[24];
        fmt_uint(num, rows);
        out_str(o, "{\"status\":200,\"success\":true,\"last_update\":0,\"count\":");
        out_str(o, num);
        out_str(o, ",\"messages\":[],\"data\":[\n");
    }
}

void row_end(Out *o, const Fmt *fm)
{
    if (!fm->csv)
        out_str(o, "\n],\"filename\":\"synthetic\"}\n");
}

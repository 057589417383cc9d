/*
 * figure_json: a figure request as a JSON view file, and back. See
 * figure.h. The values are checked by the same option code as the command
 * line (figure_set_option), so a view file accepts what the options do.
 */
#include "figure.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "events.h"
#include "outfile.h"
#include "xalloc.h"

/* ------------------------------------------------------------------------- */
/* The JSON view file                                                        */
/* ------------------------------------------------------------------------- */

#define VIEW_FORMAT "sahelmap-view"
#define VIEW_VERSION 1

/* Splits an absolute path into its components (in place). */
static int components(char *path, char **parts, int cap)
{
    int n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(path, "/", &save); tok != NULL && n < cap;
         tok = strtok_r(NULL, "/", &save))
        parts[n++] = tok;
    return n;
}

/* path relative to dir when they share more than the root; else path's
 * absolute form (or path itself when it cannot be resolved). */
static void relative_path(const char *dir, const char *path, char *out, size_t cap)
{
    char adir[PATH_MAX], apath[PATH_MAX];
    snprintf(out, cap, "%s", path);
    if (dir == NULL || realpath(dir, adir) == NULL || realpath(path, apath) == NULL) return;
    snprintf(out, cap, "%s", apath);
    char *dp[256], *pp[256];
    int nd = components(adir, dp, 256), np = components(apath, pp, 256);
    int common = 0;
    while (common < nd && common < np - 1 && strcmp(dp[common], pp[common]) == 0) common++;
    if (common == 0) return;                         /* only the root shared */
    size_t len = 0;
    out[0] = '\0';
    for (int k = common; k < nd && len + 4 < cap; k++) len += (size_t)snprintf(out + len, cap - len, "../");
    for (int k = common; k < np && len < cap; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", pp[k], k + 1 < np ? "/" : "");
}

/* A number written with as many digits as it takes to read back the same
 * double (cJSON's own printing can drop the last bit: 0.30000000000000004
 * prints as 0.3). */
static cJSON *exact_number(double v)
{
    if (!isfinite(v)) return cJSON_CreateNumber(v);
    char buf[32];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    return cJSON_CreateRaw(buf);
}

static cJSON *exact_array(const double *v, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int k = 0; k < n; k++) cJSON_AddItemToArray(a, exact_number(v[k]));
    return a;
}

/* A place list as the view file writes it: a string for none or one name,
 * an array for several. */
static void add_places(cJSON *root, const char *name, const char *list)
{
    if (filter_places_count(list) < 2) {
        cJSON_AddStringToObject(root, name, list);
        return;
    }
    cJSON *array = cJSON_AddArrayToObject(root, name);
    char one[FILTER_PLACES_MAX];
    for (int k = 0; filter_places_get(list, k, one, sizeof one); k++)
        cJSON_AddItemToArray(array, cJSON_CreateString(one));
}

char *figure_to_json(const Figure *fig, bool files_are_bundled, const char *base_dir)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", VIEW_FORMAT);
    cJSON_AddNumberToObject(root, "version", VIEW_VERSION);
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    if (!files_are_bundled) {
        for (int i = 0; i < fig->nfiles; i++) {
            char rel[PATH_MAX];
            relative_path(base_dir, fig->files[i], rel, sizeof rel);
            cJSON_AddItemToArray(files, cJSON_CreateString(rel));
        }
    }
    cJSON_AddStringToObject(root, "projection", proj_name(fig->proj));
    if (fig->fit == FIGURE_FIT_CENTER) {
        const double c[2] = {fig->center_lon, fig->center_lat};
        cJSON_AddItemToObject(root, "center", exact_array(c, 2));
        cJSON_AddItemToObject(root, "mpp", exact_number(fig->mpp));
    } else if (fig->fit == FIGURE_FIT_BBOX) {
        cJSON_AddItemToObject(root, "bbox", exact_array(fig->bbox, 4));
    }
    const int size[2] = {fig->width, fig->height};
    cJSON_AddItemToObject(root, "size", cJSON_CreateIntArray(size, 2));
    if (fig->scale != 0) cJSON_AddNumberToObject(root, "scale", fig->scale);
    char d[11];
    if (fig->day0 != FIGURE_DAY_UNSET_FROM) {
        date_format(fig->day0, d);
        cJSON_AddStringToObject(root, "from", d);
    }
    if (fig->day1 != FIGURE_DAY_UNSET_TO) {
        date_format(fig->day1, d);
        cJSON_AddStringToObject(root, "to", d);
    }
    cJSON_AddStringToObject(root, "mode", figure_mode_name(fig->mode));
    cJSON *types = cJSON_AddArrayToObject(root, "types");
    for (int t = 1; t < EVENT_TYPE_COUNT; t++)
        if (fig->filter.type_mask & (1u << t))
            cJSON_AddItemToArray(types, cJSON_CreateString(events_type_key((EventType)t)));
    cJSON_AddStringToObject(root, "filter", fig->filter.text);
    cJSON_AddNumberToObject(root, "min_fatalities", fig->filter.min_fatalities);
    add_places(root, "country", fig->filter.country);
    add_places(root, "admin1", fig->filter.admin1);
    cJSON_AddStringToObject(root, "title", fig->title);
    cJSON_AddStringToObject(root, "layer", figure_layer_name(fig->layer));
    cJSON_AddItemToObject(root, "class_max", exact_number(fig->class_max));
    cJSON_AddStringToObject(root, "color_by", scene_color_by_name(fig->color_by));
    if (fig->class_day0 != FIGURE_DAY_UNSET_FROM) {
        char d0[11], d1[11], v[32];
        date_format(fig->class_day0, d0);
        date_format(fig->class_day1, d1);
        snprintf(v, sizeof v, "%s..%s", d0, d1);
        cJSON_AddStringToObject(root, "class_dates", v);
    }
    cJSON_AddBoolToObject(root, "graticule", fig->graticule);
    cJSON_AddBoolToObject(root, "fade", fig->fade);
    cJSON_AddBoolToObject(root, "bare", fig->bare);
    if (fig->page != FIGURE_PAGE_NONE) cJSON_AddStringToObject(root, "page", figure_page_name(fig->page));
    if (fig->dpi > 0) cJSON_AddItemToObject(root, "dpi", exact_number(fig->dpi));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL) {
        fprintf(stderr, "sahelmap: out of memory\n");
        abort();
    }
    return text;
}

/* The member `name` of kind `type` (cJSON_Number, ...), NULL when absent;
 * false (with err) when present with another kind. */
static bool member(const cJSON *root, const char *name, int type, const cJSON **out, Error *err)
{
    *out = cJSON_GetObjectItemCaseSensitive(root, name);
    if (*out == NULL) return true;
    if (((*out)->type & 0xFF) != type && !(type == cJSON_True && cJSON_IsBool(*out)))
        return error_set(err, "view file: \"%s\" has the wrong kind of value", name);
    return true;
}

static bool get_string(const cJSON *root, const char *name, char *dst, size_t cap, Error *err)
{
    const cJSON *m;
    if (!member(root, name, cJSON_String, &m, err)) return false;
    if (m == NULL) return true;
    if (strlen(m->valuestring) >= cap)
        return error_set(err, "view file: \"%s\" is longer than %zu bytes", name, cap - 1);
    memcpy(dst, m->valuestring, strlen(m->valuestring) + 1);
    return true;
}

/* A place list: one name as a string (as older view files have it), several
 * as an array of names. */
static bool get_places(const cJSON *root, const char *name, char *dst, Error *err)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, name);
    if (m == NULL) return true;
    char joined[FILTER_PLACES_MAX * 2] = "";
    size_t len = 0;
    if (cJSON_IsString(m)) {
        snprintf(joined, sizeof joined, "%s", m->valuestring);
        len = strlen(m->valuestring);
    } else if (cJSON_IsArray(m)) {
        const cJSON *n;
        cJSON_ArrayForEach(n, m) {
            if (!cJSON_IsString(n) || strchr(n->valuestring, ',') != NULL)
                return error_set(err, "view file: \"%s\" wants names (text without commas)", name);
            len += (size_t)snprintf(joined + len, len < sizeof joined ? sizeof joined - len : 0,
                                    "%s%s", len ? "," : "", n->valuestring);
            if (len >= sizeof joined) break;
        }
    } else {
        return error_set(err, "view file: \"%s\" has the wrong kind of value", name);
    }
    if (len >= sizeof joined || !filter_places_normalize(joined, dst, FILTER_PLACES_MAX))
        return error_set(err, "view file: \"%s\" is longer than %d bytes", name,
                         FILTER_PLACES_MAX - 1);
    return true;
}

static bool get_numbers(const cJSON *root, const char *name, double *v, int n, bool *found,
                        Error *err)
{
    const cJSON *m;
    *found = false;
    if (!member(root, name, cJSON_Array, &m, err)) return false;
    if (m == NULL) return true;
    if (cJSON_GetArraySize(m) != n)
        return error_set(err, "view file: \"%s\" wants %d numbers", name, n);
    for (int k = 0; k < n; k++) {
        const cJSON *e = cJSON_GetArrayItem(m, k);
        if (!cJSON_IsNumber(e)) return error_set(err, "view file: \"%s\" wants numbers", name);
        v[k] = e->valuedouble;
    }
    *found = true;
    return true;
}

/* Applies the text value of `name` as the option `opt` would. */
static bool get_option(Figure *fig, const cJSON *root, const char *name, const char *opt,
                       Error *err)
{
    const cJSON *m;
    if (!member(root, name, cJSON_String, &m, err)) return false;
    if (m == NULL) return true;
    if (!figure_set_option(fig, opt, m->valuestring, err))
        return error_prefix(err, "view file: \"%s\"", name);
    return true;
}

static bool get_flag(const cJSON *root, const char *name, bool *flag, Error *err)
{
    const cJSON *m;
    if (!member(root, name, cJSON_True, &m, err)) return false;
    if (m != NULL) *flag = cJSON_IsTrue(m);
    return true;
}

/* Fails err at byte `at` of text, as a line and column. */
static bool fail_at(Error *err, const char *text, size_t at, const char *why)
{
    size_t line = 1, col = 1;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return error_at(err, line, col, "view file: %s", why);
}

bool figure_from_json(Figure *fig, const char *text, size_t len, const char *base_dir,
                      Error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    size_t at = end != NULL && end >= text ? (size_t)(end - text) : 0;
    if (root == NULL) return fail_at(err, text, at, "not JSON");
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return fail_at(err, text, 0, "not a JSON object");
    }
    while (at < len && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' ||
                        text[at] == '\r'))
        at++;
    if (at < len) {
        cJSON_Delete(root);
        return fail_at(err, text, at, "more after the view's object");
    }
    bool ok = true;
    const cJSON *m;
    if (ok) ok = member(root, "format", cJSON_String, &m, err);
    if (ok && (m == NULL || strcmp(m->valuestring, VIEW_FORMAT) != 0))
        ok = error_set(err, "view file: \"format\" is not \"" VIEW_FORMAT "\"");
    if (ok) ok = member(root, "version", cJSON_Number, &m, err);
    if (ok && m == NULL)
        ok = error_set(err, "view file: no \"version\"");
    if (ok && m->valuedouble > VIEW_VERSION)
        ok = error_set(err, "view file: a newer version than this sahelmap reads");
    if (ok && !(m->valuedouble >= 1))
        ok = error_set(err, "view file: \"version\" is not a version");
    if (ok) ok = member(root, "files", cJSON_Array, &m, err);
    if (ok && m != NULL) {
        const cJSON *f;
        cJSON_ArrayForEach(f, m) {
            if (!cJSON_IsString(f)) {
                ok = error_set(err, "view file: \"files\" wants strings");
                break;
            }
            char path[PATH_MAX];
            if (f->valuestring[0] == '/' || base_dir == NULL)
                snprintf(path, sizeof path, "%s", f->valuestring);
            else
                snprintf(path, sizeof path, "%s/%s", base_dir, f->valuestring);
            figure_add_file(fig, path);
        }
    }
    if (ok) ok = get_option(fig, root, "projection", "--proj", err);
    double c[4];
    bool found = false;
    if (ok) ok = get_numbers(root, "center", c, 2, &found, err);
    if (ok && found) {
        fig->fit = FIGURE_FIT_CENTER;
        fig->center_lon = c[0];
        fig->center_lat = c[1];
        ok = member(root, "mpp", cJSON_Number, &m, err);
        if (ok && (m == NULL || !(m->valuedouble >= 1 && m->valuedouble <= 100000)))
            ok = error_set(err, "view file: \"center\" needs \"mpp\", 1 to 100000");
        if (ok) fig->mpp = m->valuedouble;
        if (ok && !(fabs(c[0]) <= 180 && fabs(c[1]) <= 90))
            ok = error_set(err, "view file: \"center\" is off the globe");
    }
    if (ok) ok = get_numbers(root, "bbox", c, 4, &found, err);
    if (ok && found) {
        char v[128];
        snprintf(v, sizeof v, "%.17g,%.17g,%.17g,%.17g", c[0], c[1], c[2], c[3]);
        ok = figure_set_option(fig, "--bbox", v, err) || error_prefix(err, "view file: \"bbox\"");
    }
    if (ok) ok = get_numbers(root, "size", c, 2, &found, err);
    if (ok && found) {
        char v[64];
        snprintf(v, sizeof v, "%.0fx%.0f", fmin(fmax(c[0], -1), 1e6), fmin(fmax(c[1], -1), 1e6));
        ok = figure_set_option(fig, "--size", v, err) || error_prefix(err, "view file: \"size\"");
    }
    if (ok) ok = member(root, "scale", cJSON_Number, &m, err);
    if (ok && m != NULL) {
        fig->scale = (float)m->valuedouble;
        if (!(fig->scale == 0 || (fig->scale >= 0.25f && fig->scale <= 8)))
            ok = error_set(err, "view file: \"scale\" wants 0.25 to 8");
    }
    if (ok) ok = get_option(fig, root, "from", "--from", err);
    if (ok) ok = get_option(fig, root, "to", "--to", err);
    if (ok) ok = get_option(fig, root, "mode", "--mode", err);
    if (ok) ok = member(root, "types", cJSON_Array, &m, err);
    if (ok && m != NULL) {
        fig->filter.type_mask = 0;
        const cJSON *t;
        cJSON_ArrayForEach(t, m) {
            EventType type = cJSON_IsString(t) ? events_type_from_key(t->valuestring)
                                               : EVENT_UNKNOWN;
            if (type == EVENT_UNKNOWN) {
                ok = error_set(err, "view file: \"types\" holds an unknown event type");
                break;
            }
            fig->filter.type_mask |= 1u << type;
        }
        if ((fig->filter.type_mask & 0x7Eu) == 0x7Eu) fig->filter.type_mask = ~0u;
    }
    if (ok) ok = get_string(root, "filter", fig->filter.text, sizeof fig->filter.text, err);
    if (ok) ok = member(root, "min_fatalities", cJSON_Number, &m, err);
    if (ok && m != NULL) {
        if (!(m->valuedouble >= 0 && m->valuedouble <= INT32_MAX))
            ok = error_set(err, "view file: \"min_fatalities\" wants a count");
        else fig->filter.min_fatalities = (int32_t)m->valuedouble;
    }
    if (ok) ok = get_places(root, "country", fig->filter.country, err);
    if (ok) ok = get_places(root, "admin1", fig->filter.admin1, err);
    if (ok) ok = get_string(root, "title", fig->title, sizeof fig->title, err);
    if (ok) ok = member(root, "layer", cJSON_String, &m, err);
    if (ok && m != NULL && !figure_layer_parse(m->valuestring, &fig->layer))
        ok = error_set(err, "view file: \"layer\" is not a layer sahelmap knows");
    if (ok) ok = member(root, "class_max", cJSON_Number, &m, err);
    if (ok && m != NULL) {
        if (!(m->valuedouble >= 0 && m->valuedouble <= 1e12))
            ok = error_set(err, "view file: \"class_max\" wants a positive number");
        else fig->class_max = m->valuedouble;
    }
    if (ok) ok = get_option(fig, root, "color_by", "--color-by", err);
    if (ok) ok = get_option(fig, root, "class_dates", "--class-dates", err);
    if (ok) ok = get_flag(root, "graticule", &fig->graticule, err);
    if (ok) ok = get_flag(root, "fade", &fig->fade, err);
    if (ok) ok = get_flag(root, "bare", &fig->bare, err);
    if (ok) ok = member(root, "dpi", cJSON_Number, &m, err);
    if (ok && m != NULL) {
        char v[64];
        snprintf(v, sizeof v, "%.17g", m->valuedouble);
        if (!figure_set_option(fig, "--dpi", v, err)) ok = error_prefix(err, "view file: \"dpi\"");
    }
    if (ok) ok = get_option(fig, root, "page", "--page", err);
    cJSON_Delete(root);
    if (ok && !figure_check(fig, err)) ok = error_prefix(err, "view file");
    return ok;
}

/* ------------------------------------------------------------------------- */
/* View files on disk                                                        */
/* ------------------------------------------------------------------------- */

#define VIEW_MAX_BYTES (1 << 20)         /* a view file is a few hundred bytes */

/* The directory part of path ("." when it has none). */
static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) snprintf(out, cap, ".");
    else if (slash == path) snprintf(out, cap, "/");
    else snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

bool figure_read_view(Figure *fig, const char *path, Error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        error_set(err, "%s", strerror(errno));
        return error_set_file(err, path);
    }
    char *text = xmalloc(VIEW_MAX_BYTES + 1);
    size_t len = fread(text, 1, VIEW_MAX_BYTES + 1, f);
    bool ok = !ferror(f);
    fclose(f);
    if (!ok) error_set(err, "cannot read it");
    else if (len > VIEW_MAX_BYTES) ok = error_set(err, "view file: larger than 1 MB");
    char dir[PATH_MAX];
    dir_of(path, dir, sizeof dir);
    if (ok) ok = figure_from_json(fig, text, len, dir, err);
    free(text);
    if (!ok) error_set_file(err, path);
    return ok;
}

bool figure_write_view(const Figure *fig, bool files_are_bundled, const char *path,
                       char *const *inputs, int ninputs, Error *err)
{
    char dir[PATH_MAX];
    dir_of(path, dir, sizeof dir);
    char *text = figure_to_json(fig, files_are_bundled, dir);
    OutFile out;
    bool ok = outfile_open(&out, path, inputs, ninputs, err);
    if (ok) {
        fputs(text, out.f);
        fputc('\n', out.f);
        ok = outfile_commit(&out, err);
    }
    free(text);
    return ok;
}

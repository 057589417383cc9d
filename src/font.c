/*
 * font: fontconfig look-up. See font.h.
 */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>

bool font_find(const char *pattern, char *path, size_t cap, Error *err)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (pat == NULL) return error_set(err, "bad font pattern '%s'", pattern);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pat, &result);
    FcPatternDestroy(pat);
    FcChar8 *file = NULL;
    bool ok = match != NULL &&
              FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch;
    if (ok) snprintf(path, cap, "%s", (const char *)file);
    if (match != NULL) FcPatternDestroy(match);
    if (!ok)
        return error_set(err, "no font found for '%s' (install fonts-dejavu-core)",
                         pattern);
    return true;
}

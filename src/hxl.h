/*
 * hxl: the Humanitarian Exchange Language's hashtags (hxlstandard.org), as
 * HDX files carry them: a row of tags such as "#geo+lat" or "#adm1+name"
 * under the header (or in its place). A tag is a hashtag and attributes,
 * each after a '+', in any order and any case, spaces allowed between.
 */
#ifndef SAHELMAP_HXL_H
#define SAHELMAP_HXL_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* Whether a cell is an HXL tag: '#' and a letter, then letters, digits,
 * '_' and '+' between words (blanks around allowed). Spreadsheet errors
 * such as #N/A or #REF! are not tags. */
bool hxl_is_tag(const char *cell);

/* The field an HXL tag means, FIELD_NONE if none (the tags HDX's ACLED
 * and UCDP GED exports use: #date+occurred -> event_date, #geo+lat ->
 * latitude, #affected+killed -> fatalities, #group+name+first -> actor1,
 * #adm1+name -> admin1, #loc+name -> location, #event+code -> id, ...). */
FieldId hxl_field(const char *tag);

#endif

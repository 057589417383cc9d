/*
 * fuzz_csv: load_file on CSV. An input that starts with an ASCII letter (a
 * header row) or a UTF-8 byte order mark is the whole file; anything else is
 * taken as rows and gets a fixed ACLED header line in front, so the fuzzer
 * spends its time in the rows rather than in rediscovering a header.
 */
#include "fuzz_common.h"

#include <ctype.h>

static const char header[] =
    "event_id_cnty,event_date,time_precision,disorder_type,event_type,"
    "sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
    "civilian_targeting,country,admin1,admin2,admin3,location,latitude,"
    "longitude,geo_precision,source,source_scale,notes,fatalities,"
    "fatalities_low,fatalities_high,timestamp\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("SAHELMAP_CACHE", "0", 1);
    fuzz_init_path("fuzz_csv", ".csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool whole = size > 0 && ((data[0] < 0x80 && isalpha(data[0])) || data[0] == 0xEF);
    size_t nprefix = whole ? 0 : sizeof header - 1;
    fuzz_write(fuzz_path, header, nprefix, data, size, NULL, 0);
    fuzz_load_and_check(fuzz_path, nprefix + size);
    return 0;
}

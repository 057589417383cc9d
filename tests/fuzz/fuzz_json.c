/*
 * fuzz_json: load_file on arbitrary bytes, the way sahelmap opens a file
 * (format sniffing, the streaming JSON loader, record interpretation, the
 * event store), then every event and the report checked against what
 * load.h and events.h promise. Seeds: ACLED/UCDP API envelopes and arrays.
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("SAHELMAP_CACHE", "0", 1);   /* never read or write a cache */
    fuzz_init_path("fuzz_json", ".json");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(fuzz_path, NULL, 0, data, size, NULL, 0);
    fuzz_load_and_check(fuzz_path, size);
    return 0;
}

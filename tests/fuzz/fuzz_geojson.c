/*
 * fuzz_geojson: load_file on GeoJSON. An input that starts with '@' is the
 * inside of a FeatureCollection's "features" array (wrapped here), so the
 * fuzzer can work on features without keeping the envelope intact; any
 * other input is the whole file (FeatureCollection, a single Feature, an
 * array of Features).
 */
#include "fuzz_common.h"

static const char prefix[] = "{\"type\":\"FeatureCollection\",\"features\":[";
static const char suffix[] = "]}";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("SAHELMAP_CACHE", "0", 1);
    fuzz_init_path("fuzz_geojson", ".geojson");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == '@') {
        fuzz_write(fuzz_path, prefix, sizeof prefix - 1, data + 1, size - 1,
                   suffix, sizeof suffix - 1);
        fuzz_load_and_check(fuzz_path, sizeof prefix - 1 + size - 1 + sizeof suffix - 1);
    } else {
        fuzz_write(fuzz_path, NULL, 0, data, size, NULL, 0);
        fuzz_load_and_check(fuzz_path, size);
    }
    return 0;
}

/*
 * main: the command line. Parses the command and hands over to it; holds
 * no logic of its own.
 */
#include <stdio.h>
#include <string.h>

#include "bundled.h"
#include "info.h"

static void usage(FILE *out)
{
    fprintf(out,
        "sahelmap %s: a map for exploring conflict events in the Sahel\n"
        "\n"
        "Usage:\n"
        "  sahelmap                     summarise the bundled data\n"
        "  sahelmap info [FILE...]      what each file holds: format, records\n"
        "                               read/loaded/skipped (with reasons), dates,\n"
        "                               events and fatalities by type, country,\n"
        "                               year and admin-1 area; then all together\n"
        "  sahelmap --help | --version\n"
        "\n"
        "Files: ACLED (API JSON, export CSV, monadic exports), UCDP GED (API\n"
        "JSON, CSV) and GeoJSON points; the format is found from the content.\n"
        "Monadic rows of one event are merged, so counts are per event.\n"
        "With no FILE, the bundled data in %s is used\n"
        "(set SAHELMAP_DATA to use another directory).\n"
        "\n"
        "Exit status: 0 when every file loaded, 1 when one failed, 2 on bad usage.\n",
        SAHELMAP_VERSION, bundled_dir());
}

static int run_info(char *const *paths, int n)
{
    if (n > 0) return info_run(paths, n, stdout, stderr);
    Error err;
    char **bundled = bundled_files(&err);
    if (bundled == NULL) {
        fprintf(stderr, "sahelmap: %s\n", err.msg);
        return 1;
    }
    int count = 0;
    while (bundled[count] != NULL) count++;
    int status = info_run(bundled, count, stdout, stderr);
    bundled_free(bundled);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("sahelmap %s\n", SAHELMAP_VERSION);
        return 0;
    }
    if (argc == 1) return run_info(NULL, 0);
    if (strcmp(argv[1], "info") == 0) {
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--help") == 0) {
                usage(stdout);
                return 0;
            }
        }
        return run_info(argv + 2, argc - 2);
    }
    fprintf(stderr, "sahelmap: unknown command '%s' (try sahelmap --help)\n",
            argv[1]);
    return 2;
}

/*
 * fuzz_date: date_parse on a NUL-terminated copy of the input. A date it
 * accepts must lie in DATE_MIN_YEAR..DATE_MAX_YEAR and survive
 * date_format -> date_parse unchanged (and date_to_ymd -> date_from_ymd).
 * A refusal must come with a message.
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);     /* exactly: ASan sees any read past the NUL */
    if (s == NULL) return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    int32_t day = 0;
    Error err;
    err.msg[0] = '\0';
    if (date_parse(s, &day, &err)) {
        const int32_t day_min = date_from_ymd(DATE_MIN_YEAR, 1, 1);
        const int32_t day_max = date_from_ymd(DATE_MAX_YEAR, 12, 31);
        fuzz_check(day >= day_min && day <= day_max, "days",
                   "'%s' parsed to day %d outside %d..%d", s, day, day_min, day_max);
        char iso[11];
        date_format(day, iso);
        int32_t again = -1;
        Error err2;
        bool ok2 = date_parse(iso, &again, &err2);
        fuzz_check(ok2 && again == day, "roundtrip",
                   "'%s' -> day %d -> '%s' -> %s %d", s, day, iso,
                   ok2 ? "day" : err2.msg, again);
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        fuzz_check(date_valid(y, m, d) && date_from_ymd(y, m, d) == day,
                   "roundtrip", "day %d -> %d-%d-%d", day, y, m, d);
    } else {
        fuzz_check(fuzz_terminated(err.msg, sizeof err.msg) && err.msg[0] != '\0',
                   "report-strings", "refused '%s' without a message", s);
    }
    free(s);
    return 0;
}

#!/usr/bin/env bash
# The libFuzzer targets, briefly: build them (clang, ASan + UBSan), replay
# every seed and every past crash reproducer, then fuzz each target for a
# few seconds. tools/fuzz.sh runs them for longer.
#   fuzz_smoke.sh SOURCE_DIR [SECONDS]
# Exits 77 (skipped) when clang is missing.
set -u
src=$1
secs=${2:-10}
command -v clang >/dev/null || { echo "skipped: clang not installed"; exit 77; }
cd "$src"
BUILD_ONLY=1 JOBS=2 tools/fuzz.sh || { echo "FAIL: building the fuzz targets"; exit 1; }
failed=0
passed=0
for bin in build-fuzz/fuzz_*; do
    [ -x "$bin" ] && [ -f "$bin" ] || continue
    t=$(basename "$bin")
    # Every seed once (a corpus directory), then every crash reproducer
    # once (files): each must now pass.
    crashes=()
    for f in tests/fuzz/crashes/"$t"/*; do
        [ -f "$f" ] && [ "${f%.log}" = "$f" ] && crashes+=("$f")
    done
    limits=(-rss_limit_mb=2048 -malloc_limit_mb=2048)
    if "$bin" -runs=0 "${limits[@]}" "tests/fuzz/corpus/$t" >"build-fuzz/$t.replay.log" 2>&1 &&
       { [ ${#crashes[@]} -eq 0 ] ||
         "$bin" "${limits[@]}" "${crashes[@]}" >>"build-fuzz/$t.replay.log" 2>&1; }; then
        echo "ok: $t replays its seeds and ${#crashes[@]} past crash reproducers"
        passed=$((passed + 1))
    else
        echo "FAIL: $t on its corpus or a past crash (build-fuzz/$t.replay.log)"
        tail -20 "build-fuzz/$t.replay.log"
        failed=$((failed + 1))
    fi
done
# A fixed seed and a fixed number of runs: the same inputs on every CI run,
# so a result never depends on chance (tools/fuzz.sh alone explores freely).
if JOBS=2 FUZZ_FLAGS="-seed=1 -runs=3000" tools/fuzz.sh "$secs"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

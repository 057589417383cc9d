#!/usr/bin/env bash
# Builds sahelmap's libFuzzer targets (tests/fuzz/fuzz_*.c) with clang and
# ASan + UBSan into build-fuzz/, then fuzzes each for SECONDS on a copy of its
# seed corpus (tests/fuzz/corpus/<target>/; the seeds themselves are never
# changed).
#
#   tools/fuzz.sh [SECONDS] [TARGET...]     default: 300 s, every target
#
# Targets: fuzz_json fuzz_csv fuzz_geojson fuzz_basemap fuzz_cache fuzz_date
# (the "fuzz_" may be left out). Environment:
#   JOBS=N          targets fuzzed at the same time (default 1; one core each)
#   CC=clang-NN     the compiler (default clang)
#   FUZZ_FLAGS=...  extra libFuzzer flags (e.g. "-max_len=16384")
#   FUZZ_SKIP=a,b   harness checks to switch off (see tests/fuzz/README.md)
#   MAX_RESTARTS=N  crashes after which a target stops early (default 20)
#   BUILD_ONLY=1    build, do not fuzz
#
# A crash, leak, timeout or out-of-memory ends a libFuzzer run; the target is
# then started again (on its grown corpus) until its time is used up. Each
# distinct failure (by the harness's "FUZZ INVARIANT <name>" or the
# sanitizer's SUMMARY line plus the first frame in src/) is kept once, as
# tests/fuzz/crashes/<target>/<kind>-<sha1> with its log beside it (.log);
# repeats are dropped. Reproduce one with:
#   build-fuzz/<target> tests/fuzz/crashes/<target>/<file>
# The last line per target gives the executions (summed over restarts, from
# libFuzzer's final stats), coverage (cov/ft), corpus size and failures.
# Exit status: 0 when no target failed, 1 otherwise.
#
# Runs: "tools/fuzz.sh 10" replays the seeds (ctest's fuzz_smoke does this);
# the default 300 s per target is the run a change to a loader gets before
# it is merged (the executions and coverage go in its note). A nightly run
# gives every target an hour, one core each, in the background:
#   JOBS=1 nice tools/fuzz.sh 3600 >build-fuzz/nightly.log 2>&1
# (cron: 0 1 * * * cd /path/to/sahelmap && JOBS=1 nice tools/fuzz.sh 3600 \
#  >build-fuzz/nightly.log 2>&1). Its grown corpora stay in
# build-fuzz/corpus/<target>/: copy inputs that reach new code (new cov)
# into tests/fuzz/corpus/<target>/ by hand, small ones first.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-300}
shift || true
all=(fuzz_json fuzz_csv fuzz_geojson fuzz_basemap fuzz_cache fuzz_date)
targets=()
for t in "${@:-${all[@]}}"; do
    t=fuzz_${t#fuzz_}
    [[ -f tests/fuzz/$t.c ]] || { echo "fuzz.sh: no target $t" >&2; exit 2; }
    targets+=("$t")
done
CC=${CC:-clang}
jobs=${JOBS:-1}
max_restarts=${MAX_RESTARTS:-20}
out=$root/build-fuzz

# ---- build ------------------------------------------------------------------
# The core library's sources, as CMakeLists.txt lists them.
mapfile -t core < <(sed -n '/add_library(sahelmap_core STATIC/,/)/p' CMakeLists.txt |
                    grep -o 'src/[a-z_0-9]*\.c')
[[ ${#core[@]} -gt 0 ]] || { echo "fuzz.sh: no sahelmap_core sources in CMakeLists.txt" >&2; exit 2; }
read -r -a cjson_cflags <<<"$(pkg-config --cflags libcjson)"
read -r -a cjson_libs <<<"$(pkg-config --libs libcjson)"
cflags=(-g -O1 -std=c11 -Wall -Wextra -fno-omit-frame-pointer
        -fsanitize=address,undefined -fno-sanitize-recover=undefined
        -D_XOPEN_SOURCE=700 '-DSAHELMAP_VERSION="fuzz"'
        '-DSAHELMAP_DATA_DIR="/tmp"' '-DSAHELMAP_ASSETS_DIR="/tmp"'
        -Isrc -Itests/fuzz "${cjson_cflags[@]}")

mkdir -p "$out/obj" "$out/logs"
exec 9>"$out/.build.lock"
flock 9        # two fuzz.sh at once: one builds at a time
echo "fuzz.sh: building ${#core[@]} core sources and ${#targets[@]} targets into build-fuzz/"
printf '%s\n' "${core[@]}" | xargs -P "$(nproc)" -I{} sh -c \
    'f={}; o='"$out"'/obj/$(basename "${f%.c}").o; exec "$0" "$@" -fsanitize=fuzzer-no-link -c "$f" -o "$o"' \
    "$CC" "${cflags[@]}"
objs=()
for f in "${core[@]}"; do objs+=("$out/obj/$(basename "${f%.c}").o"); done
for t in "${targets[@]}"; do
    "$CC" "${cflags[@]}" -fsanitize=fuzzer "tests/fuzz/$t.c" "${objs[@]}" \
        "${cjson_libs[@]}" -lcsv -larchive -lm -o "$out/$t"
done
flock -u 9
[[ ${BUILD_ONLY:-0} == 1 ]] && exit 0

# ---- fuzz -------------------------------------------------------------------
# The signature of a failure, from its log: what the harness or the
# sanitizer said, and where in src/ it happened.
signature() {
    local log=$1 what where
    what=$(grep -m1 -o 'FUZZ INVARIANT [a-z-]*' "$log" || true)
    [[ -n $what ]] || what=$(grep -m1 '^SUMMARY: ' "$log" |
        sed 's/ [0-9]* byte(s) leaked in [0-9]* allocation(s)\./ leak/; s/(malloc([0-9]*))/(malloc)/' || true)
    [[ -n $what ]] || what=$(grep -m1 -o 'ERROR: libFuzzer: [a-z-]*' "$log" || true)
    [[ -n $what ]] || what=unknown
    where=$(grep -m1 -o ' in [A-Za-z_0-9]* [^ ]*/src/[a-z_0-9]*\.c:[0-9]*' "$log" || true)
    echo "$what$where"
}

fuzz_one() {
    local t=$1 seeds=tests/fuzz/corpus/$1 crashes=tests/fuzz/crashes/$1
    local work=$out/corpus/$t art=$out/artifacts/$t log=$out/logs/$t.log
    local sigs=$out/logs/$t.signatures
    rm -rf "$work" "$art"
    mkdir -p "$work" "$art" "$crashes"
    [[ -d $seeds ]] && cp -r "$seeds/." "$work/"
    : >"$log"
    : >"$sigs"
    local dict=() extra=()
    [[ -f tests/fuzz/$t.dict ]] && dict=(-dict="tests/fuzz/$t.dict")
    read -r -a extra <<<"${FUZZ_FLAGS:-}"
    local deadline=$((SECONDS + secs)) execs=0 restarts=0 found=0 cov=? ft=? corp=?
    while (( SECONDS < deadline && restarts <= max_restarts )); do
        local run=$out/logs/$t.run rc=0
        "$out/$t" -max_total_time=$((deadline - SECONDS)) -print_final_stats=1 \
            -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
            -artifact_prefix="$art/" "${dict[@]}" "${extra[@]}" "$work" >"$run" 2>&1 || rc=$?
        cat "$run" >>"$log"
        local n
        n=$(grep 'stat::number_of_executed_units:' "$run" | tail -1 | awk '{print $2}')
        execs=$((execs + ${n:-0}))
        local stats
        stats=$(grep -E '^#[0-9]+.* cov: ' "$run" | tail -1 || true)
        if [[ -n $stats ]]; then
            cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$stats")
            ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$stats")
            corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$stats")
        fi
        (( rc == 0 )) && break
        restarts=$((restarts + 1))
        local a sig
        for a in "$art"/*; do
            [[ -e $a ]] || continue
            case $(basename "$a") in slow-unit-*) rm -f "$a"; continue ;; esac
            sig=$(signature "$run")
            if grep -qxF "$sig" "$sigs"; then
                rm -f "$a"
            else
                echo "$sig" >>"$sigs"
                mv "$a" "$crashes/"
                cp "$run" "$crashes/$(basename "$a").log"
                found=$((found + 1))
                echo "fuzz.sh: $t: NEW $sig -> $crashes/$(basename "$a")"
            fi
        done
    done
    printf 'fuzz.sh: %-13s %10d execs  cov: %-5s ft: %-6s corp: %-10s failures: %d distinct (%d runs ended early)\n' \
        "$t" "$execs" "$cov" "$ft" "$corp" "$found" "$restarts" | tee "$out/logs/$t.summary"
    (( found == 0 ))
}

failed=0
running=0
for t in "${targets[@]}"; do
    if (( running >= jobs )); then
        wait -n || failed=1
        running=$((running - 1))
    fi
    fuzz_one "$t" &
    running=$((running + 1))
done
while (( running > 0 )); do
    wait -n || failed=1
    running=$((running - 1))
done
echo "fuzz.sh: summary"
for t in "${targets[@]}"; do cat "$out/logs/$t.summary"; done
exit $failed

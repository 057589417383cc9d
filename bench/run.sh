#!/usr/bin/env bash
# Runs sahelmap's benchmarks. Generates the synthetic inputs under
# bench/data/ when they are missing (deterministic: same files every time).
#   bench/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
mkdir -p "$data"

for n in 10000 100000 1000000; do
    f="$data/acled-$n.json"
    if [ ! -f "$f" ]; then
        echo "generating $f ..."
        "$build/sahelmap-gen" --count "$n" --format json --seed 1 -o "$f"
    fi
done
# The same million events as CSV (the load benchmark's second file).
if [ ! -f "$data/acled-1000000.csv" ]; then
    echo "generating $data/acled-1000000.csv ..."
    "$build/sahelmap-gen" --count 1000000 --format csv --seed 1 -o "$data/acled-1000000.csv"
fi

echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
"$build/bench_load" "$data/acled-100000.json" "$data/acled-1000000.json" \
    "$data/acled-1000000.csv"
echo
"$build/bench_export" "$data/acled-10000.json" "$data/acled-100000.json" "$data/acled-1000000.json"
echo
"$build/bench_frame" "$here/../data/sahel-major-2012-2024.json" "$data/acled-100000.json" "$data/acled-1000000.json"
echo
"$build/bench_anim" "$data/acled-1000000.json"

# 100k to 2M events end to end, and the growth per doubling.
echo
"$here/scale.sh" "$build"

# Cold start to the first frame on the bundled data (median of 5), with
# SDL's dummy video driver when there is no display.
echo
runs=()
for _ in 1 2 3 4 5; do
    t0=$(date +%s%N)
    SDL_VIDEODRIVER=${DISPLAY:+x11} SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy} \
        SAHELMAP_FIRST_FRAME_EXIT=1 "$build/sahelmap" >/dev/null 2>&1
    t1=$(date +%s%N)
    runs+=($(( (t1 - t0) / 1000000 )))
done
median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
echo "Cold start to first frame, bundled data: ${median} ms (median of ${runs[*]}; target <= 200 ms)"

# The real window under Xvfb, timed by its own frame log (skips without
# Xvfb or xdotool).
echo
"$here/window.sh" "$build"

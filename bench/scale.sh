#!/usr/bin/env bash
# How sahelmap scales from 100k to 2M events, end to end: the first load
# (parallel loader), the cache written and read back, one 1920x1080 PNG
# export and one animation frame (bench_scale), and one window frame
# (bench_frame, software renderer), with the store's bytes per event; then
# the growth of each step per doubling of the events ((t2/t1)^(1/log2(n2/n1)):
# 2.00 is linear, less is better than linear). Generates the inputs under
# bench/data/ when they are missing (sahelmap-gen, seed 1).
#   bench/scale.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
mkdir -p "$data"
sizes=(100000 500000 1000000 2000000)
files=()
for n in "${sizes[@]}"; do
    f="$data/acled-$n.json"
    if [ ! -f "$f" ]; then
        echo "generating $f ..."
        "$build/sahelmap-gen" --count "$n" --format json --seed 1 -o "$f"
    fi
    files+=("$f")
done
echo "Scale benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(the better of two runs of each file; seconds are wall clock)"
echo
out=$(mktemp)
trap 'rm -f "$out" "$out.frame"' EXIT
"$build/bench_scale" "${files[@]}" | tee "$out"
echo
echo "One window frame, 1920x1080, all events in the window (bench_frame, ms):"
"$build/bench_frame" "${files[@]}" | tee "$out.frame"
echo
# Growth per doubling, step by step, between each size and the next.
awk -v frames="$out.frame" '
    BEGIN {
        while ((getline line < frames) > 0) {
            split(line, f, " ")
            if (line ~ /all events in the window/) frame[f[1]] = f[7]
        }
    }
    $1 ~ /^[0-9]+$/ {
        n[++k] = $1; load[k] = $2; cw[k] = $3; cr[k] = $4; png[k] = $5; anim[k] = $6
        bpe[k] = $7; fr[k] = frame[$1]
        cl[k] = $11; ccw[k] = $12; ccr[k] = $13; cpng[k] = $14; canim[k] = $15
    }
    function g(a, b, na, nb) {
        if (a <= 0 || b <= 0) return "   -"
        return sprintf("%5.2f", exp(log(b / a) / (log(nb / na) / log(2))))
    }
    END {
        print "Growth per doubling of the events (2.00 = linear):"
        printf "  %-19s %6s %8s %8s %6s %6s %7s %8s\n", "", "load", "cache w", "cache r",
               "PNG", "anim", "frame", "B/event"
        for (i = 1; i < k; i++)
            printf "  %-19s %6s %8s %8s %6s %6s %7s %8s\n", n[i] " -> " n[i + 1],
                   g(load[i], load[i + 1], n[i], n[i + 1]), g(cw[i], cw[i + 1], n[i], n[i + 1]),
                   g(cr[i], cr[i + 1], n[i], n[i + 1]), g(png[i], png[i + 1], n[i], n[i + 1]),
                   g(anim[i], anim[i + 1], n[i], n[i + 1]), g(fr[i], fr[i + 1], n[i], n[i + 1]),
                   g(bpe[i] * n[i], bpe[i + 1] * n[i + 1], n[i], n[i + 1])
        print "... of the CPU seconds (all threads; steadier on a busy machine):"
        for (i = 1; i < k; i++)
            printf "  %-19s %6s %8s %8s %6s %6s\n", n[i] " -> " n[i + 1],
                   g(cl[i], cl[i + 1], n[i], n[i + 1]), g(ccw[i], ccw[i + 1], n[i], n[i + 1]),
                   g(ccr[i], ccr[i + 1], n[i], n[i + 1]), g(cpng[i], cpng[i + 1], n[i], n[i + 1]),
                   g(canim[i], canim[i + 1], n[i], n[i + 1])
    }' "$out"

#!/usr/bin/env bash
# The window benchmark: the real window under Xvfb, driven as a person
# would with xdotool, timed by the window itself (SAHELMAP_FRAME_LOG, one
# CSV row per frame drawn). For each data set and window size, three
# phases, each from rest to rest:
#   playback  a 3-month moving window (D 2018-01-01..2018-03-31) played at
#             1 week/s ([ twice from 30 days/s) for 8 s
#   sweep     the same window at 1 year/s (] five times) for 4 s: a new
#             day every frame, so the loop, not the speed, sets the rate
#   zoom      a continuous zoom: 12 wheel steps in (9x), 12 out, over the map
#   pan       a drag of 1200 px across the map in 120 moves of 10 px
# and prints, per phase, the frames drawn, the frame's work (total_ms:
# update start to present end) p50/p95/max, the present-to-present
# interval p50/p95/max (what the eye sees: the loop's wait included; for
# playback at 1 week/s it is the 143 ms between days, by design), and the
# p50 of each step (scene, raster, render, present) with the largest
# raster. Figures, never a pass/fail on time.
#
# wait: the p50 of interval less work, the time between frames (the loop's
# wait for input and the input itself).
#
#   bench/window.sh BUILD_DIR [CASE...]
#       CASE is DATA@WIDTHxHEIGHT with DATA one of bundled, 100k, 1m;
#       default: 1m@1280x800 1m@1920x1080 100k@1280x800 bundled@1280x800.
#       The frame logs stay in bench/data/window/ for a closer look.
# BENCH_PROGRAM runs another sahelmap binary (a build from before a change).
# SDL_RENDER_DRIVER (SDL's own variable: opengl, software, ...) picks the
# window's renderer; unset, the window picks: OpenGL where there is a GPU,
# SDL's software renderer where OpenGL would be Mesa's software rasteriser
# (as under Xvfb).
# Needs Xvfb and xdotool (skips with a message otherwise). Generates the
# synthetic inputs under bench/data/ when missing, as bench/run.sh does,
# and caches them (XDG_CACHE_HOME=bench/data/cache): the first run of a
# big file loads it, later runs open the cache.
set -euo pipefail
build=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
out="$data/window"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(1m@1280x800 1m@1920x1080 100k@1280x800 bundled@1280x800)
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "window benchmark skipped: $tool not installed"; exit 0; }
done
mkdir -p "$out"
fail() { echo "window benchmark: $*" >&2; exit 1; }
source "$here/../tests/xvfb.sh"

input_for() {  # input_for DATA: the file to open ("" for the bundled data)
    case $1 in
    bundled) echo "" ;;
    100k) echo "$data/acled-100000.json" ;;
    1m) echo "$data/acled-1000000.json" ;;
    *) fail "unknown data set '$1' (bundled, 100k or 1m)" ;;
    esac
}
for c in "${cases[@]}"; do
    f=$(input_for "${c%@*}")
    if [ -n "$f" ] && [ ! -f "$f" ]; then
        n=$(basename "$f" .json)
        n=${n#acled-}
        echo "generating $f ..."
        "$build/sahelmap-gen" --count "$n" --format json --seed 1 -o "$f"
    fi
done

start_xvfb "$out" 1920x1080

# Percentiles and the step split of rows FROM..TO (1-based data rows) of a
# frame log, as one line of the table.
summarize() {  # summarize LOG FROM TO NAME SECONDS
    tail -n +2 "$1" | sed -n "$2,$3p" | awk -F, -v name="$4" -v secs="$5" '
        function pct(a, n, p,   r) { if (n == 0) return 0; r = int(p / 100 * n); if (r < p / 100 * n) r++;
                                    if (r < 1) r = 1; return a[r] }
        function sorted(col, a,   i, j, t, n) {
            n = 0
            for (i = 1; i <= NR; i++) a[++n] = v[i, col]
            for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
            return n
        }
        { for (c = 1; c <= 7; c++) v[NR, c] = $c + 0; v[NR, 8] = $7 - $5 }
        END {
            if (NR == 0) { printf "%-9s %6d\n", name, 0; exit }
            n = sorted(5, t); m = 0
            # Intervals: the first frame of the phase follows a rest; leave it out.
            for (i = 2; i <= NR; i++) iv[++m] = v[i, 7]
            for (i = 2; i <= m; i++) { x = iv[i]; for (j = i - 1; j >= 1 && iv[j] > x; j--) iv[j + 1] = iv[j]; iv[j + 1] = x }
            # Between frames: interval less the work (the loop wait, input).
            g = 0; for (i = 2; i <= NR; i++) gap[++g] = v[i, 8]
            for (i = 2; i <= g; i++) { x = gap[i]; for (j = i - 1; j >= 1 && gap[j] > x; j--) gap[j + 1] = gap[j]; gap[j + 1] = x }
            sorted(1, s); sorted(2, ra); sorted(3, re); sorted(4, pr); sorted(6, ev)
            printf "%-9s %6d %5.1f  %6.1f %6.1f %6.1f   %6.1f %6.1f %6.1f %5.1f   %5.1f %5.1f %5.1f %5.1f  %6.1f  %8d\n",
                   name, NR, (secs > 0 ? NR / secs : 0), pct(t, n, 50), pct(t, n, 95), t[n],
                   pct(iv, m, 50), pct(iv, m, 95), (m ? iv[m] : 0), pct(gap, g, 50),
                   pct(s, n, 50), pct(ra, n, 50), pct(re, n, 50), pct(pr, n, 50), ra[n], pct(ev, n, 50)
        }'
}

rows() { echo $(($(wc -l <"$log") - 1)); }

# phase NAME COMMAND...: runs the action from rest to rest and prints its line.
phase() {
    local name=$1
    shift
    local from t0 t1
    from=$(($(rows) + 1))
    idle_mark
    t0=$(date +%s%N)
    "$@"
    wait_idle "$name" 60
    t1=$(date +%s%N)
    summarize "$log" "$from" "$(rows)" "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')"
}

play() {
    xdotool key d
    xdotool type --delay 20 "2018-01-01..2018-03-31"
    xdotool key Return bracketleft bracketleft space
    sleep 8                                    # the playback is the action itself
    xdotool key space
}
sweep() {   # the same window at 1 year/s: a new day every frame
    xdotool key bracketright bracketright bracketright bracketright bracketright space
    sleep 4
    xdotool key space
}
zoom() {
    xdotool mousemove "$((w / 2))" "$((h * 2 / 5))"
    xdotool click --repeat 12 --delay 40 4
    xdotool click --repeat 12 --delay 40 5
}
pan() {
    local chain=(mousemove "$((w / 2 + 600))" "$((h * 2 / 5))" mousedown 1)
    for _ in $(seq 120); do chain+=(mousemove_relative -- -10 0 sleep 0.016); done
    chain+=(mouseup 1)
    xdotool "${chain[@]}"
}

echo "Window benchmark: the real window under Xvfb ($(uname -m), $(nproc) cores); ms a frame."
echo "  total: the frame's work (update start to present end); interval: present to present."
echo "  steps: p50 of scene, raster, render, present; max raster; events drawn (p50)."
for c in "${cases[@]}"; do
    set_name=${c%@*}
    size=${c#*@}
    w=${size%x*}
    h=${size#*x}
    f=$(input_for "$set_name")
    log="$out/frames-$set_name-$size.csv"
    idle_log="$out/stdout-$set_name-$size"
    rm -f "$log"
    env SAHELMAP_FRAME_LOG="$log" SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 \
        XDG_CACHE_HOME="$data/cache" \
        "${BENCH_PROGRAM:-$build/sahelmap}" ${f:+"$f"} --window "$size" >"$idle_log" 2>"$out/stderr" &
    app=$!
    wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
    [ -n "$wid" ] || fail "no window for $c: $(cat "$out/stderr")"
    idle_seen=0
    wait_idle "loading $c" 300
    xdotool windowmove "$wid" 0 0 windowfocus "$wid"
    xdotool mousemove "$((w / 2))" "$((h * 2 / 5))"
    sleep 0.3
    wait_for 20 "the window of $c to rest" test -n "$(tail -n1 "$idle_log" | grep '^idle')"
    idle_mark
    echo
    echo "$set_name at $size ($(sed -n 's/^renderer //p' "$idle_log" | head -n1) renderer)"
    echo "                        total (work)          interval (present to present)  p50 of each step"
    echo "phase     frames   fps    p50    p95    max      p50    p95    max  wait   scene rastr rendr prsnt  max rastr events"
    phase playback play
    phase sweep sweep
    phase zoom zoom
    phase pan pan
    xdotool key ctrl+q
    wait "$app" || true
    app=
done

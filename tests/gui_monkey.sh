#!/usr/bin/env bash
# The GUI monkey: random clicks, drags, wheels and keys for a bounded time
# against the window (a sanitizer build, in the sanitized suite) with 100k
# generated events. No crash, no leak, no sanitizer report, a clean quit.
#   gui_monkey.sh SAHELMAP SAHELMAP_GEN OUT_DIR [SECONDS] [SEED]
# Exits 77 (skipped) when Xvfb or xdotool is missing.
set -u
sahelmap=$1
gen=$2
out=$3
seconds=${4:-45}
RANDOM=${5:-20261126}
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
done
rm -rf "$out"
mkdir -p "$out/shots"
fail() { echo "FAIL: $*"; tail -40 "$out/stderr"; exit 1; }

"$gen" --count 100000 --seed 9 -o "$out/events.json" || fail "generator"
source "$(dirname "$0")/xvfb.sh"
start_xvfb "$out" 1280x900

idle_log=$out/stdout
SAHELMAP_IDLE_SIGNAL=1 LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" SDL_VIDEODRIVER=x11 \
    SDL_RENDER_DRIVER=software SAHELMAP_CACHE=0 "$sahelmap" "$out/events.json" \
    --window 1200x800 --shots "$out/shots" >"$out/stdout" 2>"$out/stderr" &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared"
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
# The first idle line comes once the 100k events have loaded (slow under
# ASan); the window ignores E while loading, so settle only after it.
idle_seen=0
wait_idle "loading 100k events" 120
settle "moving and focusing the window"

keys=(space bracketleft bracketright Left Right shift+Left ctrl+Right plus minus
      f Home l m Tab question F1 Escape h p g 1 2 3 4 5 6 comma period c a
      shift+c e Up Down alt+Left alt+Right)
end=$((SECONDS + seconds))
actions=0
while [ $SECONDS -lt $end ]; do
    kill -0 "$app" 2>/dev/null || fail "the window died after $actions actions"
    x=$((RANDOM % 1200)); y=$((RANDOM % 800))
    case $((RANDOM % 10)) in
        0|1) xdotool mousemove $x $y click 1 ;;
        2) xdotool mousemove $x $y mousedown 1 mousemove $(((x + RANDOM % 300) % 1200)) \
               $(((y + RANDOM % 200) % 800)) mouseup 1 ;;
        3) xdotool mousemove $x $y click $((4 + RANDOM % 2)) ;;
        4) xdotool mousemove $x $y ;;
        5) xdotool key slash; xdotool type --delay 5 "$(printf 'x%.0s' $(seq $((RANDOM % 4))))ma";
           xdotool key $([ $((RANDOM % 2)) -eq 0 ] && echo Return || echo Escape) ;;
        6) [ $((RANDOM % 8)) -eq 0 ] && xdotool key ctrl+s ;;
        *) xdotool key "${keys[$((RANDOM % ${#keys[@]}))]}" ;;
    esac
    actions=$((actions + 1))
    # Part of the action, not a wait: random pacing, 0-40 ms, so input
    # also lands while the window is still busy with the last one.
    sleep 0.0$((RANDOM % 5))
done
gone() { ! kill -0 "$app" 2>/dev/null; }
xdotool key Escape Escape ctrl+q
wait_for 20 "the window to quit" gone
wait "$app"
status=$?
[ "$status" -eq 0 ] || fail "exit status $status after $actions actions"
if grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$out/stderr"; then
    fail "sanitizer report"
fi
echo "ok: $actions random actions in ${seconds}s, clean quit, no sanitizer report"
echo "1 passed, 0 failed"

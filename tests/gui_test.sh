#!/usr/bin/env bash
# The real window, driven as a person would: under Xvfb, with xdotool.
# Opens the bundled data, takes a screenshot (Ctrl+S), drags the timeline's
# window edge, scrolls to zoom, plays and pauses with Space, types a filter;
# after each step another Ctrl+S must give a different picture. The last
# screenshot must equal, byte for byte, what the 'sahelmap export' command
# the window printed writes. The window must idle (no busy loop) when
# nothing moves, and quit cleanly with Ctrl+Q.
#   gui_test.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb or xdotool is missing.
set -u
sahelmap=$1
out=$2
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
done
rm -rf "$out"
mkdir -p "$out/shots"

fail() { echo "FAIL: $*"; exit 1; }

source "$(dirname "$0")/xvfb.sh"
start_xvfb "$out" 1400x900

LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" SDL_VIDEODRIVER=x11 "$sahelmap" --window 1200x760 --shots "$out/shots" >"$out/stdout" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
sleep 1

look() {  # a picture of the screen for people to check
    command -v xwd >/dev/null && command -v convert >/dev/null &&
        xwd -root -silent | convert xwd:- -crop 1200x760+0+0 "$out/window-$1.png"
}
shoot() {  # Ctrl+S; waits for the new file; prints its path
    local before now
    before=$(ls "$out/shots" | wc -l)
    xdotool key ctrl+s
    for _ in $(seq 50); do
        now=$(ls "$out/shots" | wc -l)
        [ "$now" -gt "$before" ] && break
        sleep 0.1
    done
    [ "$now" -gt "$before" ] || fail "Ctrl+S saved nothing"
    sleep 0.2
    ls -t "$out/shots"/*.png | head -n1
}
differs() { cmp -s "$1" "$2" && fail "$3: the screenshot did not change"; echo "ok: $3"; }

a=$(shoot); look start
# Drag the window's left edge on the timeline to the right (the plot starts
# at x = 234 and the timeline at y = 661 at this size).
xdotool mousemove 234 700 mousedown 1 mousemove 300 700 mousemove 450 700 mousemove 534 700 mouseup 1
sleep 0.5
b=$(shoot); look dragged
differs "$a" "$b" "drag the timeline window's edge"

xdotool mousemove 600 350
for _ in 1 2 3; do xdotool click 4; sleep 0.2; done
sleep 1
c=$(shoot); look zoomed
differs "$b" "$c" "scroll to zoom"

xdotool key bracketright key bracketright key space
sleep 1.5
xdotool key space
sleep 0.3
d=$(shoot); look played
differs "$c" "$d" "Space plays, Space pauses"

xdotool key slash
sleep 0.2
xdotool type --delay 50 "jnim"
xdotool key Return
sleep 0.5
e=$(shoot); look filtered
differs "$d" "$e" "type a filter"

# The idle loop: no CPU spent while nothing moves.
t0=$(awk '{print $14 + $15}' /proc/$app/stat)
sleep 2
t1=$(awk '{print $14 + $15}' /proc/$app/stat)
[ $((t1 - t0)) -le 20 ] || fail "busy while idle: $((t1 - t0)) ticks in 2 s"
echo "ok: idle while nothing moves ($((t1 - t0)) ticks in 2 s)"

# The printed export command writes the same file.
cmd=$(grep "^sahelmap export" "$out/stdout" | tail -n1)
[ -n "$cmd" ] || fail "no export command printed"
cmd=${cmd/#sahelmap/\"\$sahelmap\"}
cmd=${cmd/-o \'*.png\'/-o \'$out/from-command.png\'}
eval "$cmd" 2>>"$out/stderr" || fail "the printed command failed: $cmd"
cmp -s "$e" "$out/from-command.png" || fail "the export command's PNG differs from the screenshot"
echo "ok: the screenshot equals 'sahelmap export' with the printed options"

xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && fail "Ctrl+Q did not quit"
wait "$app"
status=$?
[ "$status" -eq 0 ] || fail "exit status $status"
echo "ok: quit cleanly"
echo "7 passed, 0 failed"

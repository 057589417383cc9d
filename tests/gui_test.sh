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

idle_log=$out/stdout
SAHELMAP_IDLE_SIGNAL=1 LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" SDL_VIDEODRIVER=x11 \
    "$sahelmap" --window 1200x760 --shots "$out/shots" >"$out/stdout" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
# The first idle line comes once the data has loaded and been drawn; the
# window ignores E while loading, so settle only after it.
idle_seen=0
wait_idle "loading the bundled data" 30
settle "moving and focusing the window"
# Xvfb has no GPU: OpenGL would run on Mesa's software rasteriser, so the
# window picks SDL's software renderer (unless SDL_RENDER_DRIVER says).
renderer=$(sed -n 's/^renderer //p' "$out/stdout" | head -n1)
[ "$renderer" = software ] || fail "renderer '$renderer' under Xvfb, not the software one"
echo "ok: the software renderer where OpenGL has no GPU"

look() {  # a picture of the screen for people to check
    command -v xwd >/dev/null && command -v convert >/dev/null &&
        xwd -root -silent | convert xwd:- -crop 1200x760+0+0 "$out/window-$1.png"
}
pngs() { local f n=0; for f in "$out/shots"/*.png; do [ -e "$f" ] && n=$((n + 1)); done; echo $n; }
more_pngs() { [ "$(pngs)" -gt "$1" ]; }
shoot() {  # Ctrl+S; waits for the new file (written to a temporary name and
           # renamed: once there it is complete); sets $shot to its path
    local before
    before=$(pngs)
    idle_mark
    xdotool key ctrl+s
    wait_for 20 "Ctrl+S saved nothing" more_pngs "$before"
    wait_idle "Ctrl+S"
    shot=$(ls -t "$out/shots"/*.png | head -n1)
}
differs() { cmp -s "$1" "$2" && fail "$3: the screenshot did not change"; echo "ok: $3"; }

shoot; a=$shot; look start
# Drag the window's left edge on the timeline to the right (the plot starts
# at x = 234 and the timeline at y = 661 at this size).
xdotool mousemove 234 700 mousedown 1 mousemove 300 700 mousemove 450 700 mousemove 534 700 mouseup 1
settle "the drag"
shoot; b=$shot; look dragged
differs "$a" "$b" "drag the timeline window's edge"

xdotool mousemove 600 350
# Three notches of the wheel, 0.2 s apart as a hand turns it (xdotool's
# delay is part of the action); then the zoom glides and the basemap is
# re-rastered, which settle waits for.
xdotool click --repeat 3 --delay 200 4
settle "scroll to zoom"
shoot; c=$shot; look zoomed
differs "$b" "$c" "scroll to zoom"

xdotool key bracketright key bracketright key space
sleep 1.5                                   # part of the action: play a while
xdotool key space
settle "Space to pause"
shoot; d=$shot; look played
differs "$c" "$d" "Space plays, Space pauses"

idle_mark
xdotool key slash
wait_idle "/ to open the filter box"        # typed text goes to it from now
xdotool type --delay 50 "jnim"
xdotool key Return
settle "the filter"
shoot; e=$shot; look filtered
differs "$d" "$e" "type a filter"

# The idle loop: no CPU spent while nothing moves (the window rests now:
# shoot waited for it). The sleep is the measurement itself.
t0=$(awk '{print $14 + $15}' /proc/$app/stat)
sleep 2
t1=$(awk '{print $14 + $15}' /proc/$app/stat)
[ $((t1 - t0)) -le 20 ] || fail "busy while idle: $((t1 - t0)) ticks in 2 s"
echo "ok: idle while nothing moves ($((t1 - t0)) ticks in 2 s)"

# The printed export command writes the same file.
# (The last Ctrl+S's line: settle's E lines name sahelmap.png instead.)
cmd=$(grep "^sahelmap export" "$out/stdout" | grep -E -- "-o '?$out/shots/" | tail -n1)
[ -n "$cmd" ] || fail "no export command printed for the screenshot"
cmd=${cmd/#sahelmap/\"\$sahelmap\"}
cmd=$(sed -E "s#-o '?[^ ']*\.png'?#-o '$out/from-command.png'#" <<<"$cmd")
eval "$cmd" 2>>"$out/stderr" || fail "the printed command failed: $cmd"
cmp -s "$e" "$out/from-command.png" || fail "the export command's PNG differs from the screenshot"
echo "ok: the screenshot equals 'sahelmap export' with the printed options"

gone() { ! kill -0 "$app" 2>/dev/null; }
xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" gone
wait "$app"
status=$?
[ "$status" -eq 0 ] || fail "exit status $status"
echo "ok: quit cleanly"
echo "8 passed, 0 failed"

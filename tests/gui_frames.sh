#!/usr/bin/env bash
# The window's frame times, as a script reads them: started with
# SAHELMAP_FRAME_LOG=FILE under Xvfb it writes a CSV header and one row per
# frame drawn; a second of playback adds rows that parse (seven numbers,
# milliseconds that add up: total at least render + present, events drawn
# on the map); I shows the overlay (a dark panel at the map's top left) and
# I again hides it. Never asserts on time.
#   gui_frames.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import convert
log=$out/frames.csv
idle_log=$out/stdout
env SAHELMAP_FRAME_LOG="$log" SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 \
    LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
    "$sahelmap" --window 1200x760 --shots "$out" >"$idle_log" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
idle_seen=0
wait_idle "loading" 30
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
idle_mark
xdotool mousemove 1190 750                  # on the timeline: no tooltip
wait_idle "the pointer"

header=$(head -n1 "$log")
[ "$header" = "scene_ms,raster_ms,render_ms,present_ms,total_ms,events_drawn,interval_ms" ] ||
    fail "the frame log's header: $header"
ok "the frame log starts with its header"

before=$(($(wc -l <"$log") - 1))
[ "$before" -ge 1 ] || fail "no row for the first frames"
xdotool key space
sleep 1                                      # playing for a while is the action itself
xdotool key space
settle "Space, Space"
rows=$(($(wc -l <"$log") - 1))
[ "$rows" -gt "$before" ] || fail "playback added no rows ($before, then $rows)"
bad=$(tail -n +2 "$log" | awk -F, '
    function num(v) { return v ~ /^[0-9]+(\.[0-9]+)?$/ }
    NF != 7 { print NR + 1 ": " NF " fields"; exit }
    { for (i = 1; i <= 7; i++) if (!num($i)) { print NR + 1 ": field " i " is " $i; exit } }
    $5 + 0.01 < $3 + $4 { print NR + 1 ": total " $5 " < render " $3 " + present " $4; exit }')
[ -z "$bad" ] || fail "a frame log row does not parse: line $bad"
drawn=$(tail -n +2 "$log" | awk -F, '$6 > 0 { n++ } END { print n + 0 }')
[ "$drawn" -gt 0 ] || fail "no row counts events drawn"
ok "$rows rows, $((rows - before)) from a second of playback, each seven numbers; $drawn with events drawn"

# The overlay: a dark panel at the map's top left (the basemap there is light).
dark() {  # dark PNG: the mean brightness of the overlay's corner, 0..100
    convert "$1" -crop 120x60+20+20 +repage -colorspace Gray -format '%[fx:int(100*mean)]' info:
}
import -window root "$out/plain.png"
xdotool key i
wait_idle "I"
import -window root "$out/overlay.png"
xdotool key i
wait_idle "I again"
import -window root "$out/hidden.png"
p=$(dark "$out/plain.png") o=$(dark "$out/overlay.png") h=$(dark "$out/hidden.png")
[ "$o" -lt 40 ] && [ "$p" -gt 60 ] && [ "$h" -gt 60 ] ||
    fail "I did not show then hide the overlay (brightness $p, $o, $h; see $out)"
ok "I shows the frame-time overlay and I hides it (brightness $p -> $o -> $h)"

xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" bash -c "! kill -0 $app 2>/dev/null"
wait "$app"
app=
[ "$(tail -c1 "$log" | od -An -c | tr -d ' ')" = '\n' ] || fail "the last row is cut"
ok "the log is whole after quitting"

#!/usr/bin/env bash
# The window opens compressed files and zip archives named on its command
# line as 'sahelmap export' does: a zip becomes its event members (the
# title names them, the README is noted on stderr), the events of all of
# them are on the map, and the export command the window prints (E) names
# the members and writes a PNG.
#   gui_archive.sh SAHELMAP FIXTURES OUTPUT_DIR
# Exits 77 (skipped) when Xvfb or xdotool is missing.
set -u
sahelmap=$1
fixtures=$(realpath "$2")
out=$3
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900

arc=$fixtures/archives
idle_log=$out/stdout
SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
    "$sahelmap" "$arc/acled_api.json.xz" "$arc/events.zip" --window 1000x640 \
    >"$idle_log" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
idle_seen=0
wait_idle "loading" 30
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
settle "moving the window"

title=$(xdotool getwindowname "$wid")
[[ "$title" == *"acled_api.json.xz"* && "$title" == *"events.zip:ucdp.csv"* &&
   "$title" == *"acled_monadic.csv"* && "$title" == *"(8 events)"* ]] ||
    fail "the title does not name the archive's members and their 8 events: $title"
echo "ok: the title names the members ($title)"
grep -q "events.zip:README.txt: not an event file" "$out/stderr" ||
    fail "no note for the README: $(cat "$out/stderr")"
echo "ok: the README is noted, not an error"
command -v import >/dev/null && import -window root -crop 1000x640+0+0 "$out/window.png"

cmd=$(grep "^sahelmap export" "$idle_log" | tail -n1)
[[ "$cmd" == *"events.zip:ucdp.csv"* && "$cmd" == *"events.zip:data/acled_monadic.csv"* ]] ||
    fail "the printed command does not name the members: $cmd"
cmd=${cmd/#sahelmap/\"\$sahelmap\"}
cmd=$(sed -E "s#-o '?[^ ']*\.png'?#-o '$out/from-command.png'#" <<<"$cmd")
eval "$cmd -q" 2>>"$out/stderr" || fail "the printed command failed: $cmd"
[ -s "$out/from-command.png" ] || fail "the printed command wrote nothing"
echo "ok: the printed export command takes the member paths"

xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" gone
wait "$app"
status=$?
[ "$status" -eq 0 ] || fail "exit status $status"
echo "ok: quit cleanly"
echo "4 passed, 0 failed"

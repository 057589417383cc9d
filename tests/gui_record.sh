#!/usr/bin/env bash
# Ctrl+R in the window records the playback as an MP4 through the export's
# code. Under Xvfb with SDL's software renderer: the window opened on
# three months of the bundled data, playback sped up to a year a second
# (monthly frames), Ctrl+R; the MP4 must appear in the shots folder and
# the export command the window printed must write the same bytes.
#   gui_record.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb or xdotool is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1280x800
mkdir -p "$out/shots"
shots=$out/shots
idle_log=$out/stdout
env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software \
    LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
    "$sahelmap" --window 800x600 --shots "$shots" --from 2024-01-01 --to 2024-03-31 \
    >"$out/stdout" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
idle_seen=0
wait_idle "loading the bundled data" 30
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
for _ in 1 2 3 4 5 6 7 8; do xdotool key bracketright; done
wait_idle "the speed"
recorded() { ls "$shots"/*.mp4 >/dev/null 2>&1 && grep -q '^sahelmap export --animate' "$out/stdout"; }
xdotool key ctrl+r
wait_for 120 "Ctrl+R recorded nothing" recorded
video=$(ls "$shots"/*.mp4 | head -n1)
[ -s "$video" ] || fail "the recording is empty"
echo "ok: Ctrl+R wrote $(basename "$video") ($(stat -c %s "$video") bytes)"
cmd=$(grep '^sahelmap export --animate' "$out/stdout" | tail -n1)
case "$cmd" in *"--step month"*"--window 91"*"--fps 12"*) ;;
    *) fail "the command does not carry the playback's step, window and speed: $cmd" ;; esac
cmd=${cmd/#sahelmap/\"\$sahelmap\"}
cmd=${cmd/"$video"/"$out/command.mp4"}
eval "$cmd" 2>>"$out/stderr" || fail "the printed command failed: $cmd"
cmp -s "$video" "$out/command.mp4" || fail "the printed command writes another video than Ctrl+R"
echo "ok: the printed export command writes the same bytes"
xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" eval '! kill -0 "$app" 2>/dev/null'
wait "$app"
app=
echo "2 passed, 0 failed"

#!/usr/bin/env bash
# Colour by (issue 12) in the real window under Xvfb: B cycles the marker
# colouring through event type, actor, country and sub-event type; the
# message over the map says what the colours mean; the export command the
# window prints (E) and its Ctrl+S carry --color-by, the printed command
# writes the same PNG as Ctrl+S, and the actor picture is not the type
# one. While playing, the classes are fixed for the run: every command
# printed during the run names the same --class-dates, spanning the run;
# paused, they follow the view again. The help panel is saved to look at.
#   gui_colorby.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import compare
mkdir -p "$out/shots"
shots=$out/shots
idle_log=$out/stdout

# The export command the window prints now (E).
state() {
    settle "$1"
    grep "^sahelmap export" "$idle_log" | tail -n1
}
# The last message the window showed over the map.
said() { sed -n 's/^say //p' "$idle_log" | tail -n1; }
pngs() { local f n=0; for f in "$shots"/*.png; do [ -e "$f" ] && n=$((n + 1)); done; echo $n; }
more_pngs() { [ "$(pngs)" -gt "$1" ]; }

# Ctrl+S: waits for the new PNG and copies it to $out/NAME.png.
save() {
    local before
    before=$(pngs)
    idle_mark
    xdotool key ctrl+s
    wait_for 20 "$1: Ctrl+S saved nothing" more_pngs "$before"
    wait_idle "$1: Ctrl+S"
    shot=$(ls -t "$shots"/*.png | head -n1)
    cp "$shot" "$out/$1.png"
}

env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software \
    LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
    "$sahelmap" --window 1200x760 --shots "$shots" >"$idle_log" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
idle_seen=0
wait_idle "loading" 30
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
idle_mark
xdotool mousemove 1190 750                  # on the timeline: no tooltip
wait_idle "the pointer"

start=$(state "the start")
[[ "$start" != *"--color-by"* ]] || fail "the window starts coloured by something else: $start"
save type

# B: by actor, then country, then sub-event type, then back to type.
want=(actor country sub-type type)
meaning=("Colour by actor: the 8 actors (actor 1) with most events in view"
         "Colour by country: the 8 countries with most events in view"
         "Colour by sub-event type: the 8 most present, in their type's hues"
         "Colour by event type")
for k in 0 1 2 3; do
    idle_mark
    xdotool key b
    wait_idle "B ($k)"
    [[ "$(said)" == "${meaning[$k]}"* ]] || fail "B ($k): the message says '$(said)'"
    now=$(state "B ($k)")
    if [ "${want[$k]}" = type ]; then
        [[ "$now" != *"--color-by"* ]] || fail "B four times is not back to type: $now"
    else
        [[ "$now" == *"--color-by ${want[$k]}"* ]] || fail "B ($k) is not --color-by ${want[$k]}: $now"
    fi
    if [ "$k" = 0 ]; then
        import -window root -crop 1200x760+0+0 +repage "$out/window-actor-toast.png"
        wait_calm "the actor message" 30
        import -window root -crop 1200x760+0+0 +repage "$out/window-actor.png"
        save actor
        actor_shot=$shot
    fi
done
ok "B cycles type -> actor -> country -> sub-type -> type, the message saying what colours mean"

# The actor screenshot's command writes the same file; it is not the type picture.
cmd=$(grep "^sahelmap export" "$idle_log" | grep -F -- "$actor_shot" | tail -n1)
[[ "$cmd" == *"--color-by actor"* ]] || fail "the actor screenshot's command: '$cmd'"
cmd=${cmd/#sahelmap/\"\$sahelmap\"}
cmd=${cmd/"$actor_shot"/"$out/actor-command.png"}
eval "$cmd" 2>>"$out/stderr" || fail "the printed command failed: $cmd"
cmp -s "$out/actor.png" "$out/actor-command.png" ||
    fail "the printed --color-by actor command writes another file than Ctrl+S"
ok "Ctrl+S coloured by actor is what its printed export command writes, byte for byte"
differing=$(compare -metric AE -fuzz 10% "$out/type.png" "$out/actor.png" /dev/null 2>&1)
[[ "$differing" =~ ^[0-9]+$ ]] && [ "$differing" -gt 2000 ] ||
    fail "the actor screenshot is hardly different from the type one ($differing pixels)"
ok "coloured by actor, $differing pixels differ from the type colouring"

# Playback with colour by actor: the classes are counted once for the run.
# While it plays the window never rests, so the commands are awaited as
# printed lines, not idle ones.
nprinted() { grep -c "^sahelmap export" "$idle_log"; }
printed_after() { [ "$(nprinted)" -gt "$1" ]; }
print_now() {  # print_now WHAT: presses E, waits for its line, echoes it
    local n
    n=$(nprinted)
    xdotool key e
    wait_for 20 "$1: E printed nothing" printed_after "$n"
    grep "^sahelmap export" "$idle_log" | tail -n1
}
idle_mark
xdotool key b
wait_idle "B again"
xdotool key space
first=$(print_now "playing")
from1=$(sed -n 's/.*--from \([0-9-]*\).*/\1/p' <<<"$first")
second=$first
moved() {
    second=$(print_now "playing on")
    [ "$(sed -n 's/.*--from \([0-9-]*\).*/\1/p' <<<"$second")" != "$from1" ]
}
wait_for 30 "the playback to move" moved
xdotool key space                          # pause
dates1=$(sed -n 's/.*--class-dates \([0-9.-]*\).*/\1/p' <<<"$first")
dates2=$(sed -n 's/.*--class-dates \([0-9.-]*\).*/\1/p' <<<"$second")
[ -n "$dates1" ] || fail "no --class-dates while playing: $first"
[ "$dates1" = "$dates2" ] || fail "the classes changed during the run: $dates1, then $dates2"
to2=$(sed -n 's/.*--to \([0-9-]*\).*/\1/p' <<<"$second")
[[ ! "${dates1%%..*}" > "$from1" && ! "${dates1##*..}" < "$to2" ]] ||
    fail "the class dates $dates1 do not span the run ($from1 .. $to2)"
ok "while playing, the actor classes are fixed for the run (--class-dates $dates1, windows from $from1 on)"
stopped=$(state "paused")
[[ "$stopped" != *"--class-dates"* ]] || fail "paused, the classes are still fixed: $stopped"
ok "paused, the classes follow the view again"

# The help panel, saved to look at.
idle_mark
xdotool key question
wait_idle "the help"
import -window root -crop 1200x760+0+0 +repage "$out/help.png"
idle_mark
xdotool key Escape
wait_idle "closing the help"

xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" gone
wait "$app"
app=
echo "passed: $passed"

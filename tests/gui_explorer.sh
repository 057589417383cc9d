#!/usr/bin/env bash
# The explorer's first minute, driven as a person would under Xvfb: the
# title names the files; Space on the full range plays a moving window that
# shows change; D takes a typed date range; Esc closes the panel first,
# then clears the filter text; R resets everything; a file that fails to
# load is named in a panel that stays until Esc. The time axis pans and
# follows the playhead; a stack of events opens a list by date whose rows,
# Up/Down and repeated clicks select (ringed on the map); no tooltip over a
# side panel; at 800x500 the legend collapses. The window's state is read
# from the export command it prints (E), which is what it would draw, and
# its selection from the "selected ..." lines it prints with the idle signal.
#   gui_explorer.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import compare

# The export command the window prints now (E).
state() {
    settle "$1"
    grep "^sahelmap export" "$idle_log" | tail -n1
}

open_window() {  # open_window NAME FILE... : starts the window, waits for it
    local name=$1
    shift
    idle_log=$out/$name.stdout
    env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
        "$sahelmap" "$@" --window "${window_size:-1200x760}" --shots "$out" >"$idle_log" 2>"$out/$name.stderr" &
    app=$!
    wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
    [ -n "$wid" ] || fail "$name: no window appeared: $(cat "$out/$name.stderr")"
    idle_seen=0
    wait_idle "$name: loading" 30
    xdotool windowmove "$wid" 0 0 windowfocus "$wid"
    idle_mark
    xdotool mousemove 1190 750                  # on the timeline: no tooltip
    wait_idle "$name: the pointer"
}

close_window() {
    xdotool key ctrl+q
    wait_for 10 "Ctrl+Q to quit" gone
    wait "$app"
    app=
}

open_window first
title=$(xdotool getwindowname "$wid")
[[ "$title" == *"sahel-major-2012-2024.json"* && "$title" == *"tinzaouaten-2024.json"* &&
   "$title" == *"119 events"* ]] || fail "the window title does not name the files: $title"
ok "the window title names the open files ($title)"

full=$(state "the start")
[[ "$full" == *"--from 2012-01-17 --to 2024-12-01"* ]] || fail "the start is not the whole range: $full"
xdotool key space
sleep 1                                      # playing for a while is the action itself
xdotool key space
played=$(state "Space, Space")
from=$(sed -n 's/.*--from \([0-9-]*\).*/\1/p' <<<"$played")
to=$(sed -n 's/.*--to \([0-9-]*\).*/\1/p' <<<"$played")
[ -n "$from" ] && [ -n "$to" ] || fail "no dates after playing: $played"
days=$(( ( $(date -d "$to" +%s) - $(date -d "$from" +%s) ) / 86400 + 1 ))
[ "$days" -ge 7 ] && [ "$days" -lt 4700 ] ||
    fail "Space on the whole range did not play a moving window: $from..$to"
[[ "$from" > "2012-01-17" ]] || fail "the playback did not move: $from..$to"
ok "Space on the whole range plays a $days-day moving window across it (now $from..$to)"

xdotool key d
xdotool type --delay 30 "2024-07-20..2024-08-31"
xdotool key Return
typed=$(state "typing dates")
[[ "$typed" == *"--from 2024-07-20 --to 2024-08-31"* ]] || fail "D did not take the dates: $typed"
ok "D then 2024-07-20..2024-08-31 shows exactly that range"

xdotool key slash
xdotool type --delay 30 "jnim"
xdotool key Return Tab
idle_mark
xdotool key Escape                           # closes the stats panel only
wait_idle "Esc on the panel"
kept=$(state "Esc once")
[[ "$kept" == *"--filter jnim"* ]] || fail "Esc with a panel open cleared the filter: $kept"
xdotool key Escape
cleared=$(state "Esc twice")
[[ "$cleared" != *"--filter"* ]] || fail "Esc with no panel did not clear the filter: $cleared"
ok "Esc closes the panel first, then clears the filter text"

xdotool key 2 key period key period key c
xdotool key r
reset=$(state "R")
for option in --type --min-fatalities --country --filter; do
    [[ "$reset" != *"$option"* ]] || fail "R left $option: $reset"
done
[[ "$reset" == *"--from 2012-01-17 --to 2024-12-01"* ]] || fail "R did not restore the range: $reset"
ok "R resets the filters, the time range and the region"

# The time axis pans (Shift+wheel over the timeline, a drag on its date
# labels) and follows the playhead. The window at 1200x760 has a UI scale
# of 0.75: the plot spans x 234..1189, y 670..734, its date labels below.
plot() {  # plot NAME: a screenshot of the timeline's plot and labels
    import -window root -crop 956x90+234+665 +repage "$out/$1.png"
}
window_pixels() {  # the window's blue edges and grips in a plot screenshot
    convert "$out/$1.png" -crop 956x75+0+0 +repage -fuzz 6% -fill black -opaque '#2B6CB0' \
        -fill white +opaque black -negate -format '%[fx:round(mean*w*h)]' info:
}
changed() { compare -metric AE "$out/$1.png" "$out/$2.png" /dev/null 2>&1; }
xdotool key d
xdotool type --delay 30 "2016-03-01..2016-03-30"
xdotool key Return
before=$(state "a March 2016 window")
xdotool mousemove 540 700                    # over the March 2016 window
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool click 4; done     # zoom the axis in
settle "zooming the axis"
plot axis-zoomed
[ "$(window_pixels axis-zoomed)" -gt 40 ] || fail "the zoomed axis lost the window"
xdotool keydown shift
for _ in 1 2 3 4 5 6; do xdotool click 5; done              # Shift+wheel: later
xdotool keyup shift
panned=$(state "Shift+wheel over the timeline")
plot axis-panned
[ "$panned" = "$before" ] || fail "panning the axis changed the map: $panned"
[ "$(changed axis-zoomed axis-panned)" -gt 1000 ] || fail "Shift+wheel did not pan the axis"
[ "$(window_pixels axis-panned)" -lt 10 ] ||
    fail "the window is still in sight after panning the axis away ($(window_pixels axis-panned) px)"
ok "Shift+wheel over the timeline pans the axis (the window left its view, the map stayed)"
xdotool mousemove 500 745 mousedown 1 mousemove 700 745 mousemove 900 745 mouseup 1
dragged=$(state "a drag on the date labels")
plot axis-dragged
[ "$dragged" = "$before" ] || fail "dragging the dates changed the map: $dragged"
[ "$(changed axis-panned axis-dragged)" -gt 1000 ] || fail "dragging the dates did not pan the axis"
ok "a drag on the date labels pans the axis"
xdotool key d
xdotool type --delay 30 "2020-06-01..2020-06-30"
xdotool key Return
state "a June 2020 window" >/dev/null
plot axis-typed
[ "$(window_pixels axis-typed)" -gt 40 ] || fail "the axis did not follow a typed range"
xdotool key bracketright bracketright bracketright space     # 365 days/s
sleep 2                                      # playing for a while is the action itself
xdotool key space
played=$(state "playing at a year a second")
plot axis-played
[[ "$played" != *"--to 2020-06-30"* ]] || fail "the playback did not move: $played"
[ "$(window_pixels axis-played)" -gt 40 ] ||
    fail "the axis did not follow the playhead: $played"
ok "the axis follows the playhead (typed range, then two years of playback)"
close_window

# Stacked events: the 18 Tinzaouaten events on one point, the map centred
# on them. A click lists them by date in the side panel; the battle of 27
# July 2024 (SM-TZ-0031, the 7th) is one click on its row; Up/Down and a
# second click on the stack go through them in date order; the selected
# event has a ring on the map; no tooltip shows over the panel. The window
# prints "selected ID K of N" when the selection changes.
selected() {  # the last selection the window printed
    grep '^selected ' "$idle_log" | tail -n1
}
expect_selected() {  # expect_selected WHAT "selected ..."
    local now
    now=$(selected)
    [ "$now" = "$2" ] || fail "$1: '$now', not '$2'"
}
open_window stack --center 2.8575,19.9625 --mpp 1500
import -window root -crop 80x80+560+290 +repage "$out/stack-before.png"
xdotool mousemove 600 330 click 1               # the stack, at the map's centre
settle "a click on the stack"
expect_selected "the click on the stack" "selected SM-TZ-0002 1 of 18"
import -window root -crop 1200x760+0+0 +repage "$out/stack-list.png"
ok "a click on the 18 stacked events lists them by date, the first selected"
xdotool mousemove 1000 202 click 1              # the 7th row of the list
settle "a click on the 7th row"
expect_selected "the 7th row" "selected SM-TZ-0031 7 of 18"
import -window root -crop 1200x760+0+0 +repage "$out/stack-battle.png"
import -window root -crop 80x80+560+290 +repage "$out/stack-ring.png"
ringed=$(compare -metric AE "$out/stack-before.png" "$out/stack-ring.png" /dev/null 2>&1)
[ "$ringed" -gt 100 ] || fail "no ring around the selected event ($ringed pixels changed)"
ok "the battle of 27 July 2024 is one click on its row, ringed on the map ($ringed px)"
xdotool key Down
settle "Down"
expect_selected "Down" "selected SM-TZ-0032 8 of 18"
xdotool key Up Up
settle "Up, Up"
expect_selected "Up, Up" "selected SM-TZ-0030 6 of 18"
xdotool mousemove 600 330 click 1               # the stack again: the next by date
settle "a second click on the stack"
expect_selected "the second click" "selected SM-TZ-0031 7 of 18"
ok "Down, Up and a second click on the stack go through it in date order"
xdotool key Escape
settle "Esc"
expect_selected "Esc" "selected none"
# The pointer over a panel: no tooltip, wherever it is on it. With the
# stats panel open (Tab), Alt+Left pans the map so the stack lies under it.
xdotool key Tab alt+Left alt+Left alt+Left alt+Left alt+Left
xdotool mousemove 1200 380 mousemove 1050 330
settle "the pointer over the panel, on the stack beneath"
import -window root -crop 1200x660+0+0 +repage "$out/panel-over-stack.png"
xdotool mousemove 1150 120
settle "the pointer elsewhere on the panel"
import -window root -crop 1200x660+0+0 +repage "$out/panel-elsewhere.png"
tip=$(compare -metric AE "$out/panel-over-stack.png" "$out/panel-elsewhere.png" /dev/null 2>&1)
[ "$tip" -lt 50 ] || fail "a tooltip shows over the panel ($tip pixels differ)"
xdotool key Tab
xdotool mousemove 1050 330
settle "the pointer on the stack, no panel"
import -window root -crop 1200x660+0+0 +repage "$out/tooltip-no-panel.png"
tip=$(compare -metric AE "$out/panel-elsewhere.png" "$out/tooltip-no-panel.png" /dev/null 2>&1)
[ "$tip" -gt 2000 ] || fail "no tooltip on the stack without the panel ($tip px)"
ok "Esc clears the selection; no tooltip over a side panel, one on the stack without it"
close_window

# At 800x500 the legend collapses to its type rows, still clickable; the
# map keeps the rest of the window.
window_size=800x500 open_window small
import -window root -crop 800x500+0+0 +repage "$out/small.png"
xdotool mousemove 700 150 click 1               # where the full legend's rows would be
hidden=$(state "a click above the small legend")
[[ "$hidden" != *"--type"* ]] || fail "the small legend reaches up to y 150: $hidden"
xdotool mousemove 700 271 click 1               # its Battles row
hidden=$(state "a click on the small legend's Battles row")
[[ "$hidden" == *"--type"* && "$hidden" != *"battles"* ]] ||
    fail "the small legend's Battles row did not hide battles: $hidden"
import -window root -crop 800x500+0+0 +repage "$out/small-no-battles.png"
ok "at 800x500 the legend is its type rows only, and they still toggle types"
close_window

# A file that fails to load: named in a panel until Esc.
printf '{"data": [' >"$out/broken.json"
open_window failed "$out/broken.json" "$SAHELMAP_DATA/tinzaouaten-2024.json"
title=$(xdotool getwindowname "$wid")
[[ "$title" == *"a file failed to load"* ]] || fail "the title hides the failure: $title"
import -window root -crop 1200x660+0+0 +repage "$out/with-panel.png"
idle_mark
xdotool key Escape
wait_calm "Esc on the failure panel" 30
import -window root -crop 1200x660+0+0 +repage "$out/without-panel.png"
differing=$(compare -metric AE "$out/with-panel.png" "$out/without-panel.png" /dev/null 2>&1)
[ "$differing" -gt 2000 ] || fail "Esc did not dismiss the failure panel ($differing pixels changed)"
grep -q "broken.json" "$out/failed.stderr" || fail "the failure was not reported on stderr"
ok "a failed file is named in a panel that stays until Esc ($differing pixels when it goes)"
close_window
echo "$passed passed, 0 failed"

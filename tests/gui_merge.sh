#!/usr/bin/env bash
# Several files in the real window under Xvfb (issue 10, "Merging files"):
# a file named twice on the command line is read once and said so; two
# overlapping exports count each event once and the load panel says how
# many of the second's events the first had; a file dropped again (a real
# XDND drop, by its path or through a link) loads nothing and says
# "already loaded"; two GeoJSON files numbering their features 0, 1, 2
# keep all six events. What the window holds is read from its title (it
# counts the events) and its messages on stderr; the panel is seen on the
# screen (it goes with Esc).
#   gui_merge.sh SAHELMAP XDND_DROP FIXTURES_DIR OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
xdnd_drop=$2
fixtures=$3
out=$4
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import compare
a=$fixtures/export_2020.csv
later=$fixtures/export_2020_later.csv

open_window() {  # open_window NAME FILE... : starts the window, waits for it
    local name=$1
    shift
    idle_log=$out/$name.stdout
    errors=$out/$name.stderr
    env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 "$sahelmap" "$@" --window 1200x760 \
        >"$idle_log" 2>"$errors" &
    app=$!
    wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
    [ -n "$wid" ] || fail "$name: no window appeared: $(cat "$errors")"
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

title() { xdotool getwindowname "$wid"; }
title_has() { [[ "$(title)" == *"$1"* ]]; }
said() { grep -c -F -- "$1" "$errors"; }           # how often stderr says it
says_more() { [ "$(said "$1")" -gt "$2" ]; }

# The command line: a file twice, and one overlapping it.
open_window cli "$a" "$later" "$a"
t=$(title)
[[ "$t" == *"export_2020.csv, export_2020_later.csv (5 events)" ]] ||
    fail "the title does not show two files and 5 events: $t"
grep -q -F "$later: 2 events already loaded from export_2020.csv" "$errors" ||
    fail "no overlap message: $(cat "$errors")"
grep -q -F "$a: already loaded: $a, not read again" "$errors" ||
    fail "the file named twice is not said to be already loaded: $(cat "$errors")"
import -window root -crop 1200x660+0+0 +repage "$out/with-panel.png"
xdotool key Escape
wait_calm "Esc on the load panel" 30
import -window root -crop 1200x660+0+0 +repage "$out/without-panel.png"
differing=$(compare -metric AE "$out/with-panel.png" "$out/without-panel.png" /dev/null 2>&1)
[ "$differing" -gt 2000 ] || fail "no load panel went with Esc ($differing pixels changed)"
close_window
ok "a file named twice loads once; the panel names the events already loaded ($differing px)"

# Drops: a new file overlapping, then the same file again, then a link to it.
open_window drop "$a"
title_has "(3 events)" || fail "one export is not 3 events: $(title)"
"$xdnd_drop" "$wid" "$later" || fail "the drop of $later"
wait_for 30 "the dropped file to load" title_has "(5 events)"
wait_for 10 "the overlap message" says_more "2 events already loaded from export_2020.csv" 0
"$xdnd_drop" "$wid" "$a" || fail "the drop of $a again"
wait_for 30 "the file dropped again to be refused" says_more "already loaded: $a" 0
ln -sf "$a" "$out/link.csv"
"$xdnd_drop" "$wid" "$out/link.csv" || fail "the drop of a link"
wait_for 30 "the link dropped to be refused" says_more "already loaded: $a" 1
xdotool key e                                   # the state, once all is handled
wait_for 20 "the export command" grep -q "^sahelmap export" "$idle_log"
title_has "export_2020.csv, export_2020_later.csv (5 events)" ||
    fail "a file dropped again changed the window: $(title)"
import -window root -crop 1200x760+0+0 +repage "$out/dropped-again.png"
close_window
ok "a file dropped again, by its path or a link, loads nothing and says already loaded"

# File-local ids: two GeoJSON files numbered 0, 1, 2.
open_window geojson "$fixtures/numbered_a.geojson" "$fixtures/numbered_b.geojson"
title_has "(6 events)" || fail "GeoJSON feature ids collided across files: $(title)"
close_window
ok "two GeoJSON files numbered 0, 1, 2 keep their six events"

echo "$passed passed, 0 failed"

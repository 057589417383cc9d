#!/usr/bin/env bash
# The event table (T) and the place checklist (W), driven as a person
# would under Xvfb. T opens the table under the map (the map gives it its
# bottom): its rows are the events in view; a header click sorts by that
# column, again reverses; the wheel, PgDn and Up scroll; a row click
# selects its event (the "selected ID" line the window prints, as a
# marker click does) and flies there (the view's centre in the export
# command moves). Esc closes the panels. W opens the checklist: ticking
# two countries makes the count in view their sum (as `sahelmap info`
# counts them) and puts both in the export command; unticking one leaves
# the other. Screenshots of each step are left in OUTPUT_DIR. The window's
# state is read from its idle-signal lines ("in view N; table ...") and
# from the export command it prints (E).
#   gui_table.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import

# The export command the window prints now (E), after everything before.
state() {
    settle "$1"
    grep "^sahelmap export" "$idle_log" | tail -n1
}
# The last "in view ..." line.
status() { grep "^in view" "$idle_log" | tail -n1; }
shot() { import -window root -crop "${size}+0+0" "$out/$1.png"; }
# A number after a phrase of the status line: field "header y".
field() { sed -n "s/.*$1 \([0-9]*\).*/\1/p" <<<"$(status)"; }
centre() { sed -n 's/.*--center \([^ ]*\).*/\1/p' <<<"$1"; }

size=1200x760
idle_log=$out/stdout
env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
    "$sahelmap" --window "$size" --shots "$out" >"$idle_log" 2>"$out/stderr" &
app=$!
wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
[ -n "$wid" ] || fail "no window appeared: $(cat "$out/stderr")"
idle_seen=0
wait_idle "loading" 30
xdotool windowmove "$wid" 0 0 windowfocus "$wid"
idle_mark
xdotool mousemove 1190 750                   # on the timeline: no tooltip
start=$(state "the start")
all=$(status)
[[ "$all" == "in view 119" ]] || fail "the start does not show the 119 bundled events: $all"

# The table: rows = the events in view; the map gives it its bottom.
xdotool key t
opened=$(state "T")
line=$(status)
inview=$(sed -n 's/^in view \([0-9]*\);.*/\1/p' <<<"$line")
[[ "$line" == *"; table $inview rows from 1 to "*" by Date ascending"* ]] ||
    fail "T: the table does not hold the events in view by date: $line"
[[ "$opened" == *"--size 1200x"* && "$opened" != *"--size 1200x661"* ]] ||
    fail "T: the map did not give the table its bottom: $opened"
shot table-open
ok "T opens the table under the map: $inview rows, the events in view ($line)"

head_y=$(field "header y")
rows_y=$(field "rows y")
row_h=$(field "row h")
[ -n "$head_y" ] && [ -n "$rows_y" ] && [ -n "$row_h" ] || fail "no table geometry: $(status)"
hy=$((head_y + row_h / 2))
xdotool mousemove 1150 "$hy" click 1         # the Fatalities header
settle "a click on Fatalities"
[[ "$(status)" == *"by Fatalities descending"* ]] ||
    fail "the Fatalities header did not sort, most first: $(status)"
xdotool click 1
settle "Fatalities again"
[[ "$(status)" == *"by Fatalities ascending"* ]] || fail "a second click did not reverse: $(status)"
xdotool mousemove 40 "$hy" click 1           # the Date header
settle "a click on Date"
xdotool click 1
settle "Date again"
[[ "$(status)" == *"by Date descending"* ]] || fail "Date twice is not newest first: $(status)"
shot table-sorted
ok "header clicks sort by the column, again reverse ($(status | sed 's/.*by \([A-Za-z]* [a-z]*\).*/\1/'))"

xdotool mousemove 600 $((rows_y + 3 * row_h)) click 5 click 5
settle "the wheel over the table"
[[ "$(status)" == *"rows from 7 to"* ]] || fail "two wheel notches did not scroll 6 rows: $(status)"
xdotool key Next
settle "PgDn"
from=$(sed -n 's/.*rows from \([0-9]*\) to.*/\1/p' <<<"$(status)")
[ "$from" -gt 7 ] || fail "PgDn did not scroll: $(status)"
xdotool key Up
settle "Up"
[[ "$(status)" == *"rows from $((from - 1)) to"* ]] || fail "Up did not scroll a row: $(status)"
xdotool mousemove 600 $((rows_y + 3 * row_h)) click 4 click 4 click 4 click 4 click 4 click 4 click 4
settle "the wheel back up"
[[ "$(status)" == *"rows from 1 to"* ]] || fail "the wheel did not scroll back to the top: $(status)"
ok "the wheel, PgDn and Up scroll the table (from 7, $from, $((from - 1)), back to 1)"

before=$(state "before a row click")
xdotool mousemove 600 $((rows_y + 2 * row_h + row_h / 2)) click 1    # the third row
after=$(state "a row click")
grep -q "^selected [^ ]* 1 of 1$" "$idle_log" || fail "a row click selected nothing"
selected=$(grep "^selected" "$idle_log" | tail -n1)
# After the flight the rows are the new view's, and the selected one shows.
read -r first last row < <(sed -n 's/.*rows from \([0-9]*\) to \([0-9]*\) by .*selected row \([0-9]*\).*/\1 \2 \3/p' <<<"$(status)")
[ -n "${row:-}" ] && [ "$row" -ge "$first" ] && [ "$row" -le "$last" ] ||
    fail "the selected event's row is not in sight after the flight: $(status)"
[ "$(centre "$before")" != "$(centre "$after")" ] ||
    fail "a row click did not fly to the event: $(centre "$before") both times"
shot table-selected
ok "a row click selects its event ($selected) and flies there ($(centre "$before") -> $(centre "$after")); its row $row shows ($first-$last)"

xdotool key Escape
closed=$(state "Esc")
[[ "$(status)" != *"table"* ]] || fail "Esc did not close the table: $(status)"
[[ "$closed" == *"--size 1200x661"* ]] || fail "Esc: the map did not take its bottom back: $closed"
grep -q "^selected none$" "$idle_log" || fail "Esc did not close the details"
ok "Esc closes the table and the details; the map takes its bottom back"

# The checklist: two countries ticked, the count in view is their sum.
xdotool key Home
xdotool key w
settle "W"
line=$(status)
[[ "$line" == *"; checklist "*" places"* ]] || fail "W: no checklist: $line"
inview=$(sed -n 's/^in view \([0-9]*\);.*/\1/p' <<<"$line")
[ "$inview" = 119 ] || fail "Home: not every event in view: $line"
items_y=$(field "items y")
item_h=$(field "item h")
count_of() {  # events of a country, as `sahelmap info` counts them (all files)
    "$sahelmap" info 2>/dev/null |
        awk -v c="$1" '/^  by country/ { n = NR } { last[NR] = $0 }
                       END { for (i = n + 1; i in last; i++) {
                                 if (last[i] !~ /^    /) break
                                 if (index(last[i], "    " c " ") == 1) { split(last[i], f, " +"); print f[length(f) - 1]; exit } } }'
}
mali=$(count_of Mali)
niger=$(count_of Niger)
[ -n "$mali" ] && [ -n "$niger" ] || fail "sahelmap info gave no counts for Mali and Niger"
# Items: 0 the heading, then Burkina Faso, Mali, Niger (by name).
xdotool mousemove 60 $((items_y + 2 * item_h + item_h / 2)) click 1
settle "ticking Mali"
xdotool mousemove 60 $((items_y + 3 * item_h + item_h / 2)) click 1
ticked=$(state "ticking Niger")
shot checklist-ticked
line=$(status)
[[ "$line" == "in view $((mali + niger));"* ]] ||
    fail "Mali ($mali) and Niger ($niger) ticked: not their sum in view: $line"
[[ "$ticked" == *"--country Mali,Niger"* ]] || fail "the export command lacks both: $ticked"
ok "ticking Mali and Niger shows $((mali + niger)) in view ($mali + $niger), and the command has --country Mali,Niger"

xdotool mousemove 60 $((items_y + 2 * item_h + item_h / 2)) click 1
one=$(state "unticking Mali")
[[ "$(status)" == "in view $niger;"* ]] || fail "Niger alone is not $niger in view: $(status)"
[[ "$one" == *"--country Niger "* ]] || fail "the command is not Niger's alone: $one"
ok "unticking Mali leaves Niger's $niger"

# Type-to-find: a click on the find box, then letters (not keys) narrow
# the list; Esc clears it (the panels stay).
items=$(sed -n 's/.*places, \([0-9]*\) items.*/\1/p' <<<"$(status)")
xdotool mousemove 60 $((items_y - item_h / 2 - 4)) click 1
wait_idle "a click on the find box"
xdotool type --delay 30 "tillab"
found_one() { [[ "$(status)" == *"places, 3 items"* ]]; }
wait_for 20 "typing tillab" found_one
[[ "$(status)" != *"table"* ]] || fail "typing into the find box opened the table: $(status)"
shot checklist-find
xdotool key Escape
settle "Esc in the find box"
[[ "$(status)" == *"places, $items items"* ]] || fail "Esc did not clear the find text: $(status)"
ok "typing tillab in the find box leaves one area (Tillaberi) and two headings; Esc clears it ($items items)"

# At 800x500 the table still fits under a smaller map.
xdotool key t
settle "T again"
xdotool windowsize "$wid" 800 500
settle "a small window"
size=800x500
shot table-800x500
[[ "$(status)" == *"table"*"rows from 1"* ]] || fail "the table is gone at 800x500: $(status)"
ok "at 800x500 the table and the checklist still show ($(status))"

xdotool key ctrl+q
wait_for 10 "Ctrl+Q to quit" gone
wait "$app"
app=
echo "gui_table: $passed checks passed"

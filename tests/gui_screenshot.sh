#!/usr/bin/env bash
# The saved screenshot is what the window shows. Under Xvfb, for several
# views (the start, then a zoom with the graticule and a type hidden, then
# another projection with a heatmap and a shorter date window), the map
# area grabbed from the real window is compared with the Ctrl+S file, and
# the export command the window printed must write that file byte for byte,
# and so must `sahelmap export --view` on the view file of Ctrl+Shift+S.
#
# Tolerance: with SDL's software renderer the window and the export run the
# same drawing code on the same pixel format, and the pixels must be
# identical: no tolerance. With the OpenGL renderer (Mesa's llvmpipe under
# Xvfb; a GPU on a laptop) the GL path blends semi-transparent pixels
# (panels, antialiased text, marker edges) in floating point where SDL's
# software blitter rounds in 8 bits, and filters the heatmap's cell texture
# with GL's bilinear sampling instead of SDL's stretch; those pixels may
# differ by a few levels: at most 20/255 in any channel (measured: 6/255 on
# panels and text, 17/255 on the heatmap's smoothing); the rest match.
#   gui_screenshot.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
source "$(dirname "$0")/xvfb.sh"
gui_begin "$out" 1400x900 import compare identify

pngs() { local f n=0; for f in "$shots"/*.png; do [ -e "$f" ] && n=$((n + 1)); done; echo $n; }
more_pngs() { [ "$(pngs)" -gt "$1" ]; }

# Parks the pointer on the timeline (no tooltip there) and waits until the
# window shows the map alone (no message over it).
park() {
    idle_mark
    xdotool mousemove 1190 750
    wait_calm "$1" 30
}

# Grabs the window, saves with Ctrl+S, and compares the two; then runs the
# printed export command and compares its file with the screenshot.
check_view() {
    local name=$1 before shot size
    import -window root -crop 1200x760+0+0 +repage "$run/$name-window.png" ||
        fail "$name: cannot grab the window"
    before=$(pngs)
    idle_mark
    xdotool key ctrl+s
    wait_for 20 "$name: Ctrl+S saved nothing" more_pngs "$before"
    wait_idle "$name: Ctrl+S"
    shot=$(ls -t "$shots"/*.png | head -n1)
    size=$(identify -format '%wx%h' "$shot")
    convert "$run/$name-window.png" -crop "$size+0+0" +repage "$run/$name-map.png"
    local differing peak
    differing=$(compare -metric AE "$run/$name-map.png" "$shot" "$run/$name-diff.png" 2>&1)
    peak=$(compare -metric PAE "$run/$name-map.png" "$shot" /dev/null 2>&1 |
           sed -E 's/.*\(([0-9.e+-]+)\).*/\1/')
    if [ "$tolerance" = 0 ]; then
        [ "$differing" = 0 ] || fail "$renderer, $name: $differing pixels differ from the window (see $run/$name-diff.png)"
    else
        awk -v p="$peak" -v t="$tolerance" 'BEGIN { exit !(p <= t / 255) }' ||
            fail "$renderer, $name: a pixel differs by $peak (more than $tolerance/255) from the window"
    fi
    echo "ok: $renderer, $name: the Ctrl+S file is the window's map area ($size; $differing pixels differ, by at most $peak)"
    passed=$((passed + 1))

    local cmd
    cmd=$(grep "^sahelmap export" "$run/stdout" | grep -F -- "$shot" | tail -n1)
    [ -n "$cmd" ] || fail "$name: no export command printed for $shot"
    cmd=${cmd/#sahelmap/\"\$sahelmap\"}
    cmd=${cmd/"$shot"/"$run/$name-command.png"}
    eval "$cmd" 2>>"$run/stderr" || fail "$name: the printed command failed: $cmd"
    cmp -s "$shot" "$run/$name-command.png" ||
        fail "$name: the printed export command writes another file than Ctrl+S"
    echo "ok: $renderer, $name: the printed export command writes the same bytes"
    passed=$((passed + 1))

    # The view file (Ctrl+Shift+S) redraws the same picture.
    local views view
    views=$(ls "$shots"/*.view.json 2>/dev/null | wc -l)
    idle_mark
    xdotool key ctrl+shift+s
    wait_for 20 "$name: Ctrl+Shift+S saved no view" more_views "$views"
    wait_idle "$name: Ctrl+Shift+S"
    view=$(ls -t "$shots"/*.view.json | head -n1)
    "$sahelmap" export --view "$view" -o "$run/$name-view.png" 2>>"$run/stderr" ||
        fail "$name: sahelmap export --view failed: $(tail -n1 "$run/stderr")"
    cmp -s "$shot" "$run/$name-view.png" ||
        fail "$name: export --view $view draws another picture than Ctrl+S"
    echo "ok: $renderer, $name: the view file redraws the same bytes"
    passed=$((passed + 1))

    # The data of the view (Ctrl+D): the same events as the printed command
    # writes, and the files loaded back hold as many events as rows.
    local csvs csv rows
    csvs=$(ls "$shots"/*.geojson 2>/dev/null | wc -l)
    idle_mark
    xdotool key ctrl+d
    wait_for 20 "$name: Ctrl+D saved no data" more_geojson "$csvs"
    wait_idle "$name: Ctrl+D"
    csv=$(ls -t "$shots"/*.geojson | head -n1)
    csv=${csv%.geojson}.csv
    cmd=$(grep "^sahelmap export.* --csv " "$run/stdout" | tail -n1)
    [ -n "$cmd" ] || fail "$name: no export command printed for Ctrl+D"
    cmd=${cmd/#sahelmap/\"\$sahelmap\"}
    cmd=${cmd/"$csv"/"$run/$name-command.csv"}
    eval "$cmd" 2>>"$run/stderr" || fail "$name: the printed data command failed: $cmd"
    cmp -s "$csv" "$run/$name-command.csv" ||
        fail "$name: Ctrl+D's CSV differs from the printed command's"
    rows=$(SAHELMAP_DATA=/nonexistent "$sahelmap" info "$csv" 2>/dev/null | sed -n 's/^  events: *\([0-9,]*[0-9]\),.*/\1/p' | head -n1)
    echo "ok: $renderer, $name: Ctrl+D wrote the view's data ($rows events), as the printed command does"
    passed=$((passed + 1))
}
more_geojson() { [ "$(ls "$shots"/*.geojson 2>/dev/null | wc -l)" -gt "$1" ]; }
more_views() { [ "$(ls "$shots"/*.view.json 2>/dev/null | wc -l)" -gt "$1" ]; }

# One run of the window with a renderer.
run_with() {
    local driver=$1
    tolerance=$2
    run=$out/${driver:-default}
    shots=$run/shots
    mkdir -p "$shots"
    idle_log=$run/stdout
    env SAHELMAP_IDLE_SIGNAL=1 SDL_VIDEODRIVER=x11 ${driver:+SDL_RENDER_DRIVER=$driver} \
        LD_PRELOAD="${SAHELMAP_TEST_PRELOAD:-}" \
        "$sahelmap" --window 1200x760 --shots "$shots" >"$run/stdout" 2>"$run/stderr" &
    app=$!
    local wid
    wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^sahelmap' | head -n1)
    [ -n "$wid" ] || fail "no window appeared: $(cat "$run/stderr")"
    idle_seen=0
    wait_idle "loading the bundled data" 30
    renderer=$(sed -n 's/^renderer //p' "$run/stdout" | head -n1)
    xdotool windowmove "$wid" 0 0 windowfocus "$wid"
    park "moving the window"
    check_view start

    # Zoom in about a point, graticule on, explosions hidden.
    xdotool mousemove 560 330 click 4
    settle "the zoom"
    xdotool key g key 2
    settle "the graticule and a hidden type"
    park "the zoom"
    check_view zoomed

    # Albers, a heatmap weighted by events, a window of a few years back.
    xdotool key p key h key ctrl+Left key ctrl+Left key ctrl+Left
    settle "projection, heatmap and dates"
    park "projection, heatmap and dates"
    check_view heatmap

    xdotool key ctrl+q
    wait_for 10 "Ctrl+Q to quit" gone
    wait "$app"
    app=
}

run_with software 0
run_with opengl 20
echo "$passed passed, 0 failed"

# Sourced by the window tests: a private X server on a free display, and
# ways to wait for the window without guessing how long it takes.
#
#   start_xvfb OUT_DIR WIDTHxHEIGHT
#       sets DISPLAY, and kills the server (and $app, if set) when the
#       script exits.
#   wait_for SECONDS WHAT COMMAND...
#       runs COMMAND until it succeeds; fails "WHAT: nothing after SECONDS s"
#       when it never does. The only sleep is this poll's interval.
#
# The window's idle signal: started with SAHELMAP_IDLE_SIGNAL=1 it prints
# "renderer NAME" first, then "idle N" (N = 1, 2, ...) on stdout each time
# it has handled its input or drawn a frame, and rests with nothing moving
# (no playback, zoom, drag, load or basemap re-raster pending); "idle N
# toast" while a message shows over the map (it goes after 4.5 s, with a
# frame and a plain idle line). Before an idle line it prints "selected ID K of N"
# (or "selected none") when the selected event has changed, and "say TEXT" for each message
# it shows over the map. The same stdout carries the "sahelmap export
# ..." lines it prints. Set idle_log to that file, then:
#
#   idle_mark
#       remembers how many idle lines there are now.
#   wait_idle WHAT [SECONDS]
#       waits (default 20 s) for an idle line after the remembered ones,
#       then remembers the new count. Enough after a single input event
#       (a key): the window rests only once it has handled it.
#   settle WHAT [SECONDS]
#       for an action of many events (a drag, a scroll, typing) or one that
#       starts something moving: presses E, which prints the export command
#       and changes nothing, and waits for the printed line and an idle
#       line after it. X delivers E after every event before it, so that
#       idle line means the whole action has been handled and drawn and
#       everything it started has come to rest. Not while the filter box
#       is open (E would be typed into it) nor during a load (the window
#       ignores E then: wait_idle for the first idle line instead).
#
#   wait_calm WHAT [SECONDS]
#       waits for a plain idle line (no message over the map) after the
#       remembered ones: what the window shows is then the map alone.
#
# Each helper calls the test's fail function when its time runs out.

# gui_begin OUT_DIR WIDTHxHEIGHT [TOOL...]
#     the start of a window test: skips it (exit 77) when Xvfb, xdotool or
#     a TOOL is missing, makes OUT_DIR afresh, defines fail (unless the test
#     has its own), ok (counting in $passed) and gone (the window $app has
#     exited), and starts the X server (start_xvfb).
gui_begin() {
    local out=$1 size=$2 tool
    shift 2
    for tool in Xvfb xdotool "$@"; do
        command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
    done
    rm -rf "$out"
    mkdir -p "$out"
    declare -F fail >/dev/null || fail() { echo "FAIL: $*"; exit 1; }
    passed=0
    ok() { echo "ok: $*"; passed=$((passed + 1)); }
    gone() { ! kill -0 "$app" 2>/dev/null; }
    start_xvfb "$out" "$size"
}

start_xvfb() {
    local out=$1 size=$2
    exec 3>"$out/display"
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >"$out/xvfb.log" 2>&1 &
    xvfb=$!
    trap 'kill ${app:-} "$xvfb" 2>/dev/null; wait 2>/dev/null' EXIT
    wait_for 20 "Xvfb to tell its display" test -s "$out/display"
    export DISPLAY=":$(head -n1 "$out/display")"
}

wait_for() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ $SECONDS -lt $deadline ] || fail "$what: nothing after $seconds s"
        sleep 0.05                          # the poll interval, not a guess
    done
}

idle_count() {
    grep -cE '^idle [0-9]+( toast)?$' "$idle_log"
}

idle_mark() {
    idle_seen=$(idle_count)
}

idle_after_mark() {
    [ "$(idle_count)" -gt "${idle_seen:-0}" ]
}

wait_idle() {
    wait_for "${2:-20}" "waiting for the window to rest after $1" idle_after_mark
    idle_mark
}

calm_after_mark() {
    grep -E '^idle [0-9]+( toast)?$' "$idle_log" | tail -n "+$((${idle_seen:-0} + 1))" |
        grep -qE '^idle [0-9]+$'
}

wait_calm() {
    wait_for "${2:-20}" "waiting for the window to show the map alone after $1" calm_after_mark
    idle_mark
}

# True when the idle log, from line $settle_from on, has an export command
# line followed by an idle line.
idle_after_command() {
    tail -n "+$settle_from" "$idle_log" |
        awk '/^sahelmap export/ { printed = 1 } printed && /^idle [0-9]+( toast)?$/ { found = 1 }
             END { exit !found }'
}

settle() {
    settle_from=$(($(wc -l <"$idle_log") + 1))
    xdotool key e
    wait_for "${2:-20}" "waiting for the window to settle after $1" idle_after_command
    idle_mark
}

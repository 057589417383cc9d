# Sourced by the window tests: a private X server on a free display.
#   start_xvfb OUT_DIR WIDTHxHEIGHT
# sets DISPLAY, and kills the server (and $app, if set) when the script exits.
start_xvfb() {
    local out=$1 size=$2
    exec 3>"$out/display"
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >"$out/xvfb.log" 2>&1 &
    xvfb=$!
    for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
    export DISPLAY=":$(head -n1 "$out/display")"
    trap 'kill ${app:-} "$xvfb" 2>/dev/null; wait 2>/dev/null' EXIT
}

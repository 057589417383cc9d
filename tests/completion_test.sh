#!/usr/bin/env bash
# The bash completion (packaging/sahelmap.bash) completes what --help lists:
# the commands, each command's options, an option's choices, and only
# event files (and directories) as inputs, PNGs after -o.
#   completion_test.sh SAHELMAP COMPLETION_SCRIPT OUTPUT_DIR
set -u
sahelmap=$(realpath "$1")
script=$(realpath "$2")
out=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out"
mkdir -p "$out/files/sub"
touch "$out/files/a.json" "$out/files/b.csv" "$out/files/c.geojson" "$out/files/notes.txt" \
      "$out/files/d.csv.gz" "$out/files/e.zip" \
      "$out/files/map.png"
PATH=$(dirname "$sahelmap"):$PATH
# shellcheck source=/dev/null
source "$script"
cd "$out" || fail "cd"    # a directory holding only files/

# complete WORD...: the candidates for the last word, sorted, space-separated.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _sahelmap 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() {
    local want=$1; shift
    local got
    got=$(complete_words "$@")
    [ "$got" = "$want" ] || fail "'$*': got '$got', want '$want'"
}
has() {
    local want=$1; shift
    local got
    got=" $(complete_words "$@") "
    [[ $got == *" $want "* ]] || fail "'$*': '$want' not in '$got'"
}
lacks() {
    local want=$1; shift
    local got
    got=" $(complete_words "$@") "
    [[ $got != *" $want "* ]] || fail "'$*': '$want' should not be in '$got'"
}

expect "export" sahelmap ex
expect "info" sahelmap i
expect "albers laea mercator plate" sahelmap export --proj ""
expect "cumulative" sahelmap export --mode cu
expect "events fatalities" sahelmap --heatmap ""
expect "--bare --bbox" sahelmap export --b
expect "--json" sahelmap info --j
has "--quiet" sahelmap info --
has "--verbose" sahelmap export --
lacks "--bbox" sahelmap info --
lacks "--json" sahelmap export --
has "--window" sahelmap --
expect "" sahelmap export --from ""              # a date to type
cd "$out/files" || fail "cd"
expect "a.json b.csv c.geojson d.csv.gz e.zip sub" sahelmap info ""
expect "map.png sub" sahelmap export -o ""
echo "completion: commands, options, values and files as --help lists them"

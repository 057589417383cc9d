#!/usr/bin/env bash
# The loaders and the export under valgrind: zero errors, zero leaks.
#   valgrind_test.sh SAHELMAP FIXTURES_DIR OUT_DIR
set -u
sahelmap=$1
fixtures=$2
out=$3
command -v valgrind >/dev/null || { echo "skipped: valgrind not installed"; exit 77; }
mkdir -p "$out"
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
    --suppressions="$(dirname "$0")/valgrind.supp")
failed=0
run() {  # name, expected exit status, command...
    local name=$1 want=$2
    shift 2
    "${vg[@]}" --log-file="$out/$name.log" "$@" >"$out/$name.out" 2>&1
    local got=$?
    if [ "$got" -ne "$want" ] || [ -s "$out/$name.log" ]; then
        echo "FAIL: $name (exit $got, want $want)"
        cat "$out/$name.log"
        failed=$((failed + 1))
    else
        echo "ok: $name"
    fi
}
run info-formats 0 "$sahelmap" info "$fixtures"/acled_api.json "$fixtures"/ucdp_api.json \
    "$fixtures"/features.geojson "$fixtures"/acled_upper_crlf.csv "$fixtures"/acled_monadic.csv \
    "$fixtures"/ucdp.csv "$fixtures"/acled_skips.json
run info-broken 1 "$sahelmap" info "$fixtures"/acled_truncated.json "$fixtures"/unbalanced.csv \
    "$fixtures"/acled_error.json "$fixtures"/binary.csv
a=$fixtures/archives
run info-archives 0 "$sahelmap" info "$a"/ucdp.csv.gz "$a"/acled_api.json.bz2 \
    "$a"/acled_api.json.xz "$a"/events.zip "$a/hdx.zip:hxl.csv" "$fixtures"/hxl_only.csv \
    "$fixtures"/na.csv
run info-archives-broken 1 "$sahelmap" info "$a"/truncated.csv.gz "$a"/truncated.json.xz \
    "$a"/notxz.csv.xz "$a"/badcrc.zip "$a"/badmember.zip "$a"/encrypted.zip "$a"/readme_only.zip \
    "$a/events.zip:nope.csv"
run export 0 "$sahelmap" export "$fixtures"/towns.json -o "$out/export.png" --size 800x450 \
    --graticule --filter mali
run export-heatmap 0 "$sahelmap" export "$fixtures"/towns.json -o "$out/heat.png" --size 640x360 \
    --heatmap fatalities
echo "$((6 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# cmake --install lays the tree out as GNUInstallDirs says, and the tree is
# relocatable: copied elsewhere, its sahelmap finds its own data and basemap
# with an empty environment. The build tree's sahelmap keeps using the
# source tree's. SAHELMAP_DATA still overrides.
#   install_test.sh BUILD_DIR SOURCE_DIR OUTPUT_DIR
set -u
build=$1
src=$2
out=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out"
mkdir -p "$out/home"
cmake --install "$build" --prefix "$out/first" >"$out/install.log" 2>&1 ||
    { cat "$out/install.log"; fail "cmake --install"; }
for f in bin/sahelmap share/sahelmap/data/tinzaouaten-2024.json \
         share/sahelmap/assets/sahel-basemap.json share/man/man1/sahelmap.1.gz \
         share/applications/sahelmap.desktop share/mime/packages/sahelmap.xml \
         share/icons/hicolor/scalable/apps/sahelmap.svg share/icons/hicolor/256x256/apps/sahelmap.png \
         share/bash-completion/completions/sahelmap share/doc/sahelmap/info-json.md; do
    [ -f "$out/first/$f" ] || fail "cmake --install did not make $f"
done
cp -a "$out/first" "$out/moved"
rm -rf "$out/first"
# An empty environment but for the sanitizers' settings (sanitized_suite.sh).
keep=()
for v in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
    [ -n "${!v:-}" ] && keep+=("$v=${!v}")
done
run() { env -i PATH=/usr/bin:/bin HOME="$out/home" "${keep[@]}" "$@"; }
run "$out/moved/bin/sahelmap" -v info >"$out/moved.txt" 2>"$out/moved.err" ||
    fail "the moved tree's info: $(cat "$out/moved.err")"
grep -q "^sahelmap: data $out/moved/share/sahelmap/data; basemap in $out/moved/share/sahelmap/assets;" \
    "$out/moved.err" || fail "the moved tree used other data: $(head -n1 "$out/moved.err")"
run "$out/moved/bin/sahelmap" -q export -o "$out/moved.png" --size 320x200 ||
    fail "the moved tree's export"
[ -s "$out/moved.png" ] || fail "no PNG from the moved tree"
run "$build/sahelmap" -v info >/dev/null 2>"$out/build.err" || fail "the build tree's info"
grep -q "^sahelmap: data $src/data; basemap in $src/assets;" "$out/build.err" ||
    fail "the build tree's binary did not use the source's data: $(head -n1 "$out/build.err")"
mkdir -p "$out/other"
cp "$src/data/tinzaouaten-2024.json" "$out/other/"
run SAHELMAP_DATA="$out/other" "$out/moved/bin/sahelmap" info >"$out/other.txt" ||
    fail "info with SAHELMAP_DATA"
grep -q "All files (1 loaded, 0 failed)" "$out/other.txt" || fail "SAHELMAP_DATA did not override"
echo "installed tree relocatable; build tree and SAHELMAP_DATA as before"

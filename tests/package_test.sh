#!/usr/bin/env bash
# The Debian package, as an IT desk would get it: built with CPack from the
# build tree, checked by lintian (no errors), unpacked with dpkg-deb -x into
# an empty root, and its sahelmap run from there with nothing else: no
# SAHELMAP_* variable, an empty environment, the source tree unused. info
# and export must work and use the data and basemap inside the root.
#   package_test.sh BUILD_DIR OUTPUT_DIR
# Exits 77 (skipped) when cpack or dpkg-deb is missing.
set -u
build=$1
out=$2
for tool in cpack dpkg-deb lintian; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
done
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out"
mkdir -p "$out/pkg" "$out/root" "$out/home"

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out/pkg" >"$out/cpack.log" 2>&1 ||
    { cat "$out/cpack.log"; fail "cpack"; }
debs=("$out"/pkg/sahelmap_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "no single sahelmap_*.deb in $out/pkg"
deb=${debs[0]}
echo "package: $deb"

# Depends computed from the shared libraries (dpkg-shlibdeps), with versions.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libcairo2 libcjson1 \
           libcsv3 libfontconfig1 libarchive13; do
    grep -q "$lib (>= " <<<"$depends" || fail "Depends lacks $lib: $depends"
done

# lintian: no errors (everything it says is shown).
lintian "$deb" >"$out/lintian.log" 2>&1
grep -v '^running with root privileges' "$out/lintian.log"
grep -q '^E: ' "$out/lintian.log" && fail "lintian reports errors"

dpkg-deb -x "$deb" "$out/root" || fail "dpkg-deb -x"
bin=$out/root/usr/bin/sahelmap
[ -x "$bin" ] || fail "no usr/bin/sahelmap in the package"
for f in usr/share/man/man1/sahelmap.1.gz usr/share/applications/sahelmap.desktop \
         usr/share/mime/packages/sahelmap.xml usr/share/icons/hicolor/scalable/apps/sahelmap.svg \
         usr/share/icons/hicolor/48x48/apps/sahelmap.png \
         usr/share/bash-completion/completions/sahelmap usr/share/doc/sahelmap/copyright \
         usr/share/doc/sahelmap/changelog.gz usr/share/doc/sahelmap/info-json.md \
         usr/share/sahelmap/assets/sahel-basemap.json usr/share/sahelmap/data/tinzaouaten-2024.json; do
    [ -f "$out/root/$f" ] || fail "the package lacks $f"
done

# Nothing else present: an empty environment but for PATH and HOME.
run() { env -i PATH=/usr/bin:/bin HOME="$out/home" "$bin" "$@"; }
data=$out/root/usr/share/sahelmap/data
run -v info >"$out/info.txt" 2>"$out/info.err" || fail "info: $(cat "$out/info.err")"
grep -q "^$data/tinzaouaten-2024.json\$" "$out/info.txt" || fail "info did not read $data"
grep -q "basemap in $out/root/usr/share/sahelmap/assets" "$out/info.err" ||
    fail "not the package's basemap: $(cat "$out/info.err")"
grep -q "All files (2 loaded, 0 failed)" "$out/info.txt" || fail "info: $(tail "$out/info.txt")"
run info --json >"$out/info.json" || fail "info --json"
grep -q '"schema":	1' "$out/info.json" || fail "info --json: no schema"
run export -o "$out/map.png" --size 640x360 --bbox 0,18,5,22 2>"$out/export.err" ||
    fail "export: $(cat "$out/export.err")"
[ "$(head -c 8 "$out/map.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "export wrote no PNG"
echo "unpacked sahelmap ran info and export from $out/root"

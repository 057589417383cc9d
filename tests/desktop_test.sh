#!/usr/bin/env bash
# Desktop integration: the .desktop file passes desktop-file-validate with
# nothing to say; the MIME types it lists exist once sahelmap's MIME package
# joins shared-mime-info's (update-mime-database on a private copy); the
# icons are there at every size, each PNG as large as its directory says.
#   desktop_test.sh SOURCE_DIR ICON_DIR OUTPUT_DIR
# Exits 77 (skipped) when desktop-file-validate or update-mime-database is
# missing (tools/deps.sh --test installs them).
set -u
src=$1
icons=$2
out=$3
for tool in desktop-file-validate update-mime-database; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
done
fail() { echo "FAIL: $*"; exit 1; }
desktop=$src/packaging/sahelmap.desktop

said=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $said"
[ -z "$said" ] || fail "desktop-file-validate: $said"
echo "desktop-file-validate $desktop: no errors, warnings or hints"

rm -rf "$out"
mkdir -p "$out/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$out/mime/packages/"
cp "$src/packaging/sahelmap-mime.xml" "$out/mime/packages/sahelmap.xml"
said=$(XDG_DATA_DIRS=$out XDG_DATA_HOME=$out update-mime-database "$out/mime" 2>&1) || fail "update-mime-database: $said"
[ -z "$said" ] || fail "update-mime-database: $said"
for t in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
    grep -qx "$t" "$out/mime/types" || grep -q "^$t " "$out/mime/aliases" ||
        fail "MimeType $t is not a known MIME type"
done
grep -qx "text/x-acled-csv text/csv" "$out/mime/subclasses" || fail "ACLED CSV is not a CSV"
grep -qx "text/x-ucdp-ged-csv text/csv" "$out/mime/subclasses" || fail "UCDP CSV is not a CSV"
grep -q "event_id_cnty" "$out/mime/magic" || fail "no ACLED header in the magic"
grep -q "^application/geo+json:\*.geojson" "$out/mime/globs" || fail ".geojson is not GeoJSON"

icon=$(sed -n 's/^Icon=//p' "$desktop")
svg=$icons/hicolor/scalable/apps/$icon.svg
grep -q "<svg" "$svg" 2>/dev/null || fail "no SVG icon $svg"
for size in 16 24 32 48 64 128 256 512; do
    png=$icons/hicolor/${size}x${size}/apps/$icon.png
    [ -f "$png" ] || fail "no $png"
    # The PNG header: the signature, then IHDR's width and height.
    hdr=$(head -c 24 "$png" | od -An -tx1 | tr -d ' \n')
    [ "${hdr:0:16}" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
    [ $((16#${hdr:32:8})) -eq $size ] && [ $((16#${hdr:40:8})) -eq $size ] ||
        fail "$png is not ${size}x${size}"
done
echo "MIME types known, icons at every size"

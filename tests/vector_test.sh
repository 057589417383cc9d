#!/usr/bin/env bash
# Print output: -o map.pdf and -o map.svg draw the PNG's figure as vectors.
# The PDF's fonts are embedded and its text is text (pdffonts, pdftotext),
# its map holds no picture but a heatmap's (pdfimages), its page size is
# the figure's at its dpi (pdfinfo); the PDF rendered by poppler and the
# SVG rendered by librsvg look like the PNG: the same layout, so at most a
# few percent of pixels differ (antialiasing and hinting of three
# rasterisers). An unknown extension is refused and writes nothing.
#   vector_test.sh SAHELMAP OUTPUT_DIR
# Exits 77 (skipped) when poppler-utils, librsvg2-bin or ImageMagick is missing.
set -u
sahelmap=$1
out=$2
for tool in pdffonts pdftotext pdfimages pdfinfo pdftoppm rsvg-convert compare; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool not installed"; exit 77; }
done
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }

title="Tinzaouaten, July-December 2024"
common=(--bbox 0,18,5,22 --from 2024-07-01 --to 2024-12-31 --title "$title" --graticule)
"$sahelmap" export "${common[@]}" -o "$out/map.png" 2>>"$out/stderr" || fail "PNG export"
"$sahelmap" export "${common[@]}" -o "$out/map.pdf" 2>>"$out/stderr" || fail "PDF export"
"$sahelmap" export "${common[@]}" -o "$out/map.svg" 2>>"$out/stderr" || fail "SVG export"

fonts=$(pdffonts "$out/map.pdf" | tail -n +3)
[ -n "$fonts" ] || fail "the PDF has no fonts"
awk '{ if ($(NF-4) != "yes") exit 1 }' <<<"$fonts" || fail "a font is not embedded: $fonts"
ok "the PDF's fonts are embedded ($(wc -l <<<"$fonts") faces)"

text=$(pdftotext "$out/map.pdf" -)
for want in "$title" "Events in view" "Battles" "km" "Natural Earth"; do
    grep -qF "$want" <<<"$text" || fail "the PDF's text lacks '$want'"
done
ok "the PDF's text is text: title, legend, scale bar and credits can be searched"

images=$(pdfimages -list "$out/map.pdf" | tail -n +3 | awk '$3 == "image"' | wc -l)
[ "$images" -eq 0 ] || fail "the PDF holds $images images: the map should be vectors"
ok "the PDF holds no image: borders, markers and text are vectors"

size=$(pdfinfo "$out/map.pdf" | sed -n 's/^Page size: *//p')
[[ "$size" == "1440 x 810 pts"* ]] || fail "page size '$size', want 1440 x 810 pts (1920x1080 at 96 dpi)"
"$sahelmap" export "${common[@]}" --page A4 -o "$out/a4.pdf" 2>>"$out/stderr" || fail "A4 export"
size=$(pdfinfo "$out/a4.pdf" | sed -n 's/^Page size: *//p')
[[ "$size" == *"(A4)"* ]] || fail "--page A4 gives '$size'"
ok "the page is the figure's size at its dpi (1440 x 810 pt; --page A4: $size)"

# Rendered, the vector pages look like the PNG.
pdftoppm -r 96 -png -singlefile "$out/map.pdf" "$out/pdf" || fail "poppler cannot render the PDF"
rsvg-convert -o "$out/svg.png" "$out/map.svg" || fail "librsvg cannot render the SVG"
for f in pdf svg; do
    differing=$(compare -metric AE -fuzz 12% "$out/map.png" "$out/$f.png" "$out/$f-diff.png" 2>&1)
    [[ "$differing" =~ ^[0-9]+$ ]] || fail "$f: cannot compare: $differing"
    percent=$((differing * 1000 / (1920 * 1080)))
    [ "$percent" -le 30 ] || fail "$f: $differing pixels differ from the PNG (over 3%; see $out/$f-diff.png)"
    ok "the ${f^^} rendered looks like the PNG ($differing pixels, $((percent / 10)).$((percent % 10))% differ by more than 12%)"
done

# A heatmap stays a picture inside the page; the rest still vectors.
"$sahelmap" export --heatmap events -o "$out/heat.pdf" 2>>"$out/stderr" || fail "heatmap PDF"
images=$(pdfimages -list "$out/heat.pdf" | tail -n +3 | awk '$3 == "image"' | wc -l)
[ "$images" -eq 1 ] || fail "the heatmap PDF holds $images images, want 1"
ok "a heatmap PDF holds its one grid image"

# Coloured by actor: the PDF's legend names the actors (text), and the
# PDF and SVG rendered look like the PNG coloured by actor.
"$sahelmap" export --color-by actor -o "$out/actor.png" 2>>"$out/stderr" || fail "actor PNG"
"$sahelmap" export --color-by actor -o "$out/actor.pdf" 2>>"$out/stderr" || fail "actor PDF"
"$sahelmap" export --color-by actor -o "$out/actor.svg" 2>>"$out/stderr" || fail "actor SVG"
text=$(pdftotext "$out/actor.pdf" -)
for want in "Events in view by actor 1" "Military Forces of Mali (2021-)" "Other"; do
    grep -qF "$want" <<<"$text" || fail "the actor PDF's text lacks '$want'"
done
pdftoppm -r 96 -png -singlefile "$out/actor.pdf" "$out/actor-pdf" || fail "poppler: actor PDF"
rsvg-convert -o "$out/actor-svg.png" "$out/actor.svg" || fail "librsvg: actor SVG"
for f in pdf svg; do
    differing=$(compare -metric AE -fuzz 12% "$out/actor.png" "$out/actor-$f.png" /dev/null 2>&1)
    [[ "$differing" =~ ^[0-9]+$ ]] || fail "actor $f: cannot compare: $differing"
    [ $((differing * 1000 / (1920 * 1080))) -le 30 ] ||
        fail "actor $f: $differing pixels differ from the PNG coloured by actor"
done
# ... and not like the PNG coloured by type (text antialiasing alone
# makes the first count; the markers' colours add as much again).
"$sahelmap" export -o "$out/type.png" 2>>"$out/stderr" || fail "type PNG"
for f in pdf svg; do
    near=$(compare -metric AE -fuzz 12% "$out/actor.png" "$out/actor-$f.png" /dev/null 2>&1)
    far=$(compare -metric AE -fuzz 12% "$out/type.png" "$out/actor-$f.png" /dev/null 2>&1)
    [ "$far" -gt $((near * 3 / 2)) ] ||
        fail "actor $f: as near the type colouring ($far pixels differ) as the actor one ($near)"
done
ok "coloured by actor, the PDF names the actors and both pages look like the PNG coloured by actor, not by type"

# An extension sahelmap does not write: refused, nothing written.
if "$sahelmap" export -o "$out/map.jpg" 2>"$out/jpg.err"; then fail "-o map.jpg succeeded"; fi
grep -q "sahelmap writes .png, .pdf and .svg" "$out/jpg.err" || fail "-o map.jpg: $(cat "$out/jpg.err")"
[ ! -e "$out/map.jpg" ] || fail "-o map.jpg wrote a file"
ok "-o map.jpg is refused with a message and writes nothing"
echo "$passed passed, 0 failed"

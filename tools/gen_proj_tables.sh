#!/usr/bin/env bash
# Regenerates the projection reference tables in tests/fixtures/proj/ with
# PROJ itself (Debian's proj-bin). Each table starts with the exact command
# that produced it. Run from the repository root:  tools/gen_proj_tables.sh
set -euo pipefail
out=tests/fixtures/proj
mkdir -p "$out"
command -v proj >/dev/null || { echo "needs proj (apt-get install proj-bin)" >&2; exit 1; }

# Points: a 2-degree grid over the Sahel box, the bundled data's towns, and a
# few far-away points that test the formulas away from the centre.
points() {
    for lat in $(seq 5 2 27) 27.9; do
        for lon in $(seq -18 3 24) 24.9; do echo "$lon $lat"; done
    done
    cat <<'PTS'
2.8828 19.9628
-8.0029 12.6392
-4.1830 14.4843
-0.0447 16.2717
2.1254 13.5116
-1.5197 12.3714
1.4078 18.4411
-17.4467 14.6928
13.1507 32.8872
-43.1729 -22.9068
151.2093 -33.8688
-0.1276 51.5072
179.9 0.0
-179.9 -45.0
0.0 -80.0
PTS
}

table() {   # name, proj definition
    local name=$1; shift
    local file="$out/$name.txt"
    {
        echo "# lon lat x y (metres), made by: proj -f %.6f $*"
        points | proj -f "%.6f" "$@" | paste -d' ' <(points) - | tr '\t' ' '
    } > "$file"
    echo "wrote $file ($(grep -vc '^#' "$file") points)"
}

table laea +proj=laea +lat_0=16 +lon_0=2 +ellps=WGS84
table albers +proj=aea +lat_1=10 +lat_2=24 +lat_0=16 +lon_0=2 +ellps=WGS84
table mercator +proj=webmerc +datum=WGS84
table plate +proj=eqc +ellps=WGS84

# The outline of the --bbox used by the position test (tests/test_export.c):
# each edge of -12,8,8,24 sampled at 65 points, as sahelmap's fit samples it.
outline() {
    python3 - <<'PY'
lon0, lat0, lon1, lat1 = -12.0, 8.0, 8.0, 24.0
for i in range(65):
    t = i / 64
    lon = lon0 + t * (lon1 - lon0); lat = lat0 + t * (lat1 - lat0)
    for p in ((lon, lat0), (lon, lat1), (lon0, lat), (lon1, lat)):
        print("%.12f %.12f" % p)
PY
}
def="+proj=laea +lat_0=16 +lon_0=2 +ellps=WGS84"
{
    echo "# bbox -12,8,8,24 outline: lon lat x y, made by: proj -f %.6f $def"
    outline | proj -f "%.6f" $def | paste -d' ' <(outline) - | tr '\t' ' '
} > "$out/laea_bbox_outline.txt"
echo "wrote $out/laea_bbox_outline.txt"

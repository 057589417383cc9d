#!/usr/bin/env bash
# robust_cli.sh SAHELMAP FIXTURES WORKDIR: the command line's promises from
# issue 15 that only a whole process shows.
#   - '-' reads standard input and '-o -' writes the PNG to standard output
#     (curl ... | sahelmap export - -o - > map.png);
#   - an export whose input failed to load writes nothing at the target;
#   - SIGINT/SIGTERM while the PNG is written: the temporary is removed and
#     the exit status is the signal's; a SIGKILLed run's temporary is
#     removed by the next run;
#   - compressed and zipped inputs (tests/fixtures/archives): info, export,
#     a missing member, damaged archives, a big field streamed from a .gz;
#     HDX files (HXL tags, NA);
#   - memory stays within the stated limits (README, Limits), checked under
#     ulimit -v: a CSV field of 1 GB of NULs after 300 good rows, and three
#     300 MB JSON envelope members around the events.
set -u
sahelmap=$(realpath "$1") fixtures=$(realpath "$2") work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
export SAHELMAP_CACHE=0
# Under AddressSanitizer drawing is ~10x slower and the address space it
# reserves makes ulimit -v meaningless: smaller images, no ulimit.
asan=0
ldd "$sahelmap" | grep -q libasan && asan=1
size=7000x7000
(( asan )) && size=2500x2500
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
is_png() { [[ $(head -c 8 "$1" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; }

# ---- standard input and output ----------------------------------------------
cat "$fixtures/acled_api.json" | "$sahelmap" export - -o - --size 320x200 >stdout.png 2>err.txt
if [[ $? == 0 ]] && is_png stdout.png; then ok "export - -o -"; else fail "export - -o -: $(cat err.txt)"; fi
cat "$fixtures/acled_upper_crlf.csv" | "$sahelmap" info - >info.txt 2>&1
if grep -q "loaded" info.txt && grep -q "(standard input)\|^-" info.txt; then ok "info - (CSV on stdin)"
else fail "info -: $(cat info.txt)"; fi
"$sahelmap" info <(cat "$fixtures/acled_api.json") >info.txt 2>&1
if grep -q "2 loaded\|loaded" info.txt && ! grep -q "not a regular file" info.txt; then ok "a pipe as a file"
else fail "a pipe as a file: $(cat info.txt)"; fi

# ---- a failed input writes nothing ---------------------------------------------
printf 'OLD' >keep.png
printf '{"data":[' >broken.json
"$sahelmap" export "$fixtures/acled_api.json" broken.json -o keep.png --size 320x200 2>err.txt
rc=$?
if [[ $rc == 1 && $(cat keep.png) == OLD ]] && grep -q "nothing written" err.txt; then
    ok "failed input: target untouched"
else fail "failed input: rc=$rc, target now $(head -c 8 keep.png | od -c | head -1)"; fi
"$sahelmap" export broken.json -o new.png --size 320x200 2>/dev/null
[[ ! -e new.png ]] && ok "failed input: no new file" || fail "failed input made new.png"

# ---- signals ----------------------------------------------------------------------
# A big PNG takes seconds to encode: wait until its temporary exists, then
# send the signal.
temp_of() { compgen -G ".$1.sahelmap-??????" | head -1; }
signal_during_write() {
    local sig=$1 want=$2 out=sig_$1.png
    "$sahelmap" export "$fixtures/towns.json" -o "$out" --size $size 2>/dev/null &
    local pid=$! t=
    for _ in $(seq 1 12000); do
        t=$(temp_of "$out")
        [[ -n $t ]] && break
        sleep 0.01
    done
    [[ -n $t ]] || { kill -KILL $pid; wait $pid; fail "SIG$sig: no temporary seen"; return; }
    kill -"$sig" $pid
    wait $pid
    local rc=$?
    if [[ $rc == "$want" && -z $(temp_of "$out") && ! -e $out ]]; then ok "SIG$sig while writing: exit $rc, no temporary"
    elif [[ $sig == KILL && $rc == "$want" && -n $(temp_of "$out") ]]; then ok "SIGKILL leaves $(temp_of "$out")"
    else fail "SIG$sig while writing: exit $rc (want $want), left: $(ls -A | grep sahelmap- | tr '\n' ' ')"; fi
}
signal_during_write TERM 143
signal_during_write INT 130
signal_during_write KILL 137
if [[ -n $(temp_of sig_KILL.png) ]]; then
    "$sahelmap" export "$fixtures/acled_api.json" -o sig_KILL.png --size 320x200 2>/dev/null
    if [[ -z $(temp_of sig_KILL.png) ]] && is_png sig_KILL.png; then ok "the next run removes a killed run's temporary"
    else fail "stale temporary kept: $(ls -A)"; fi
fi

# ---- compressed and archived inputs (tests/fixtures/archives) ---------------------------
arc=$fixtures/archives
for f in ucdp.csv.gz ucdp.csv.bz2 ucdp.csv.xz acled_api.json.gz acled_api.json.bz2 \
         acled_api.json.xz; do
    want="2 read, 2 loaded"
    [[ $f == acled_api* ]] && want="4 read, 4 loaded"
    "$sahelmap" info "$arc/$f" >info.txt 2>&1
    rc=$?
    if [[ $rc == 0 ]] && grep -q "$want" info.txt; then ok "info $f"
    else fail "info $f: rc=$rc $(head -c 400 info.txt)"; fi
done
# A zip as UCDP and ACLED hand them out: a line per event member, a note
# for each other member (README, codebook), exit 0.
"$sahelmap" info "$arc/events.zip" >info.txt 2>err.txt
rc=$?
if [[ $rc == 0 ]] && grep -qx "$arc/events.zip:ucdp.csv" info.txt &&
   grep -qx "$arc/events.zip:data/acled_monadic.csv" info.txt &&
   grep -q "All files (2 loaded, 0 failed)" info.txt &&
   grep -q "events.zip:README.txt: not an event file" err.txt &&
   grep -q "events.zip:docs/codebook.pdf: not an event file" err.txt; then
    ok "info FILE.zip: one part per event member, notes for the others"
else fail "info FILE.zip: rc=$rc $(cat info.txt err.txt | head -c 800)"; fi
"$sahelmap" info -q "$arc/events.zip" >/dev/null 2>err.txt
[[ ! -s err.txt ]] && ok "info -q FILE.zip: no notes" || fail "info -q FILE.zip said: $(cat err.txt)"
"$sahelmap" info --json "$arc/events.zip:data/acled_monadic.csv" >info.json 2>err.txt
if grep -q '"path":[[:space:]]*"[^"]*events.zip:data/acled_monadic.csv"' info.json &&
   grep -q '"loaded":[[:space:]]*true' info.json; then ok "info --json FILE.zip:member.csv"
else fail "info --json FILE.zip:member: $(head -c 400 info.json) $(cat err.txt)"; fi
"$sahelmap" info "$arc/events.zip:nope.csv" >info.txt 2>err.txt
rc=$?
if [[ $rc == 1 ]] && grep -q "events.zip:nope.csv: no member 'nope.csv' in this zip archive (its members: README.txt, ucdp.csv, data/acled_monadic.csv, docs/codebook.pdf)" err.txt
then ok "a missing member: the members there are named"
else fail "a missing member: rc=$rc $(cat err.txt)"; fi
# Compressed data on standard input: said so, with what to do instead.
"$sahelmap" info - <"$arc/ucdp.csv.gz" >info.txt 2>err.txt
rc=$?
if [[ $rc == 1 ]] && grep -q "(standard input): gzip data on a stream: name the file instead" err.txt
then ok "gzip on standard input: named, with the way out"
else fail "gzip on standard input: rc=$rc $(cat err.txt)"; fi
# Damaged: exit 1 at once with the file (or member) and the reason.
damaged() {  # damaged PATH WANTED-TEXT
    timeout 60 "$sahelmap" info "$1" >info.txt 2>err.txt
    local rc=$?
    if [[ $rc == 1 ]] && grep -qF "$2" err.txt; then ok "damaged: $(basename "$1")"
    else fail "damaged $1: rc=$rc $(cat err.txt)"; fi
}
damaged "$arc/truncated.csv.gz" "truncated.csv.gz: corrupt or truncated gzip file"
damaged "$arc/truncated.csv.bz2" "truncated.csv.bz2: corrupt or truncated bzip2 file"
damaged "$arc/truncated.json.xz" "truncated.json.xz: corrupt or truncated xz file"
damaged "$arc/notxz.csv.xz" "notxz.csv.xz: not xz-compressed data, although its name says so"
damaged "$arc/badmember.zip" "badmember.zip:ucdp.csv: corrupt zip member"
damaged "$arc/badcrc.zip:ucdp.csv" "badcrc.zip:ucdp.csv: corrupt zip member: ZIP bad CRC"
damaged "$arc/encrypted.zip" "encrypted.zip:ucdp.csv: the member is encrypted"
damaged "$arc/readme_only.zip" "readme_only.zip: no event file in this zip archive"
# export takes them too: a PNG, and the data with each event's member.
"$sahelmap" export -q "$arc/events.zip" "$arc/acled_api.json.xz" -o zip.png --size 320x200 \
    --csv zip.csv 2>err.txt
rc=$?
if [[ $rc == 0 ]] && is_png zip.png && grep -q 'events.zip:data/acled_monadic.csv"'$'\r''$' zip.csv &&
   grep -q 'acled_api.json.xz"'$'\r''$' zip.csv; then ok "export FILE.zip FILE.json.xz -o PNG --csv"
else fail "export of archives: rc=$rc $(cat err.txt)"; fi
# Streamed: a 512 MB field in a gzipped CSV (2.4 MB: eight gzip members of
# 64 MB of NULs each, which gzip readers join) loads under ulimit -v 450 MB
# (unpacked into memory it could not), and nothing is unpacked to disk.
{
    echo "event_id_cnty,event_date,latitude,longitude,notes"
    for i in $(seq 1 300); do echo "G$i,2024-01-01,15.$i,2.5,note $i"; done
    printf 'BIG,2024-01-01,15,2,'
} | gzip -1 >big_field.csv.gz
head -c 64M /dev/zero | gzip -1 >zeros.gz
for _ in 1 2 3 4 5 6 7 8; do cat zeros.gz >>big_field.csv.gz; done
printf '\nAFTER,2024-01-02,15,2,after\n' | gzip -1 >>big_field.csv.gz
mkdir -p tmp && rm -rf tmp/* zeros.gz
glimit=450000
(( asan )) && glimit=unlimited
(ulimit -v $glimit; TMPDIR=$work/tmp "$sahelmap" info big_field.csv.gz >mem.txt 2>&1)
if grep -q "302 read, 301 loaded, 1 skipped" mem.txt &&
   grep -q "big_field.csv.gz:302: record larger than 64 MB" mem.txt && [[ -z $(ls -A tmp) ]]; then
    ok "a 512 MB field in a .csv.gz: streamed under ulimit -v 450 MB, nothing on disk"
else fail "big gzipped field: $(head -c 600 mem.txt) tmp: $(ls -A tmp)"; fi
rm -f big_field.csv.gz

# ---- HDX: HXL tags, NA ---------------------------------------------------------------
"$sahelmap" info "$fixtures/hxl.csv" "$fixtures/hxl_only.csv" "$fixtures/na.csv" >info.txt 2>&1
if grep -q "records:    2 read, 2 loaded, 0 skipped" info.txt &&
   [[ $(grep -c "records:    2 read, 2 loaded, 0 skipped" info.txt) == 2 ]] &&
   grep -q "na.csv:3: missing latitude" info.txt; then ok "HXL row, HXL-only header, NA"
else fail "HXL/NA: $(head -c 800 info.txt)"; fi

# ---- memory under ulimit -v ---------------------------------------------------------
limit=700000
if (( asan )); then
    # ASan reserves terabytes of address space: no ulimit -v; the loads
    # still run and are checked (about 20 s since libcsv's buffer grows in
    # 1 MB steps; in 128-byte steps they took minutes of copies).
    limit=unlimited
    echo "note: ASan build: the gigabyte loads run without ulimit -v"
fi
# The limits: one CSV record 64 MB, one JSON value 512 MB, envelope members
# other than the events scanned past. 700 MB of address space is enough for
# the program (libraries, about 150 MB) and both files below; without the
# limits they took 3.9 GB and 1.76 GB.
{
    echo "event_id_cnty,event_date,latitude,longitude,notes"
    for i in $(seq 1 300); do echo "R$i,2024-01-01,15.$i,2.5,note $i"; done
    printf 'BIG,2024-01-01,15,2,x'
} >nul_field.csv
truncate -s +1G nul_field.csv
printf '\nAFTER,2024-01-02,15,2,after\n' >>nul_field.csv
(ulimit -v $limit; "$sahelmap" info nul_field.csv >mem.txt 2>&1)
if grep -q "302 read, 301 loaded, 1 skipped" mem.txt && grep -q "nul_field.csv:302: record larger than 64 MB" mem.txt; then
    ok "1 GB CSV field under ulimit -v 700 MB"
else fail "1 GB CSV field: $(head -c 600 mem.txt)"; fi
rm -f nul_field.csv

rec='{"event_id_cnty":"E1","event_date":"2024-01-01","latitude":"15","longitude":"2"}'
{
    printf '{"status":200,"messages":["'; head -c 300M /dev/zero | tr '\0' m
    printf '"],"filename":"'; head -c 300M /dev/zero | tr '\0' f
    printf '","data":[%s],"extra":{"a":"' "$rec"; head -c 300M /dev/zero | tr '\0' e
    printf '"},"success":true}\n'
} >members.json
(ulimit -v $limit; "$sahelmap" info members.json >mem.txt 2>&1)
if grep -q "1 read, 1 loaded" mem.txt; then ok "three 300 MB envelope members under ulimit -v 700 MB"
else fail "envelope members: $(head -c 600 mem.txt)"; fi
rm -f members.json

echo "robust_cli: $fails failure(s)"
[[ $fails == 0 ]]

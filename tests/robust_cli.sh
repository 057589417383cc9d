#!/usr/bin/env bash
# robust_cli.sh SAHELMAP FIXTURES WORKDIR: the command line's promises from
# issue 15 that only a whole process shows.
#   - '-' reads standard input and '-o -' writes the PNG to standard output
#     (curl ... | sahelmap export - -o - > map.png);
#   - an export whose input failed to load writes nothing at the target;
#   - SIGINT/SIGTERM while the PNG is written: the temporary is removed and
#     the exit status is the signal's; a SIGKILLed run's temporary is
#     removed by the next run;
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

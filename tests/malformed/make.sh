#!/bin/sh
# make.sh OUTDIR: writes the malformed inputs that are binary (a byte order
# mark, raw control bytes, invalid UTF-8, bare CRs) or big (deep nesting,
# long lines, >4 KiB of leading blanks) into OUTDIR. tests/test_malformed.c
# runs it into a temporary directory and deletes that afterwards; the text
# inputs sit beside this script. POSIX sh, printf, head, tr and sed only.
set -eu
out=${1:?usage: make.sh OUTDIR}
mkdir -p "$out"
cd "$out"

# n copies of one character (n >= 1).
rep() { head -c "$2" /dev/zero | tr '\0' "$1"; }

bom='\357\273\277'
rec='"event_id_cnty":"B1","event_date":"2024-01-01","latitude":"15","longitude":"2","fatalities":"1"'

# ---- byte order marks ------------------------------------------------------
printf "$bom" >bom_only.json
printf "$bom"'[{%s}]\n' "$rec" >bom_array.json
printf "$bom"'event_id_cnty,event_date,latitude,longitude,fatalities\nB1,2024-01-01,15,2,1\nB2,2024-01-02,15,2\n' >bom.csv
# Excel's "CSV UTF-8" quotes the header names after the mark.
printf "$bom"'"event_id_cnty","event_date","latitude","longitude","fatalities"\n"B1","2024-01-01","15","2","1"\n' >bom_quoted_header.csv

# ---- control bytes and invalid UTF-8 ----------------------------------------
# Raw 0x01..0x1F (all of them, LF and CR included) inside JSON strings.
ctl='\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037'
printf '{"data":[\n{"event_id_cnty":"C1","event_date":"2024-01-01","latitude":"15","longitude":"2","actor1":"a'"$ctl"'b","notes":"n'"$ctl"'e"},\n{"event_id_cnty":"C2","event_date":"2024-01-02","latitude":"15","longitude":"2"}\n]}\n' >control_bytes.json
# Overlong '/' (C0 AF, E0 80 AF), a lone continuation byte, 0xFF, a cut
# 3-byte sequence, an encoded surrogate (ED A0 80).
bad='\300\257|\340\200\257|\200|\377|\342\202|\355\240\200'
printf '{"data":[\n{"event_id_cnty":"U1","event_date":"2024-01-01","latitude":"15","longitude":"2","actor1":"x'"$bad"'y","actor2":"\377","notes":"n'"$bad"'e"},\n{"event_id_cnty":"U2","event_date":"2024-01-02","latitude":"15","longitude":"2"}\n]}\n' >bad_utf8.json
printf 'event_id_cnty,event_date,latitude,longitude,actor1,notes\nU1,2024-01-01,15,2,x'"$bad"'y,"n'"$ctl"'e"\nU2,2024-01-02,15,2,\377,\001\n' >bad_bytes.csv

# ---- line endings ------------------------------------------------------------
# CRLF and LF mixed, a quoted CRLF inside a field; the row starting on line
# 5 is short.
printf 'event_date,latitude,longitude,notes\r\n2024-01-01,15,2,a\n2024-01-02,15,2,"b\r\nc"\r\n2024-01-03,15,2\n2024-01-04,15,2,d\r\n' >crlf_mix.csv
# Old Mac (bare CR) line endings: the short row is on line 3.
printf 'event_date,latitude,longitude\r2024-01-01,15,2\r2024-01-02,15\r2024-01-03,15,2\r' >cr_only.csv

# ---- sizes ----------------------------------------------------------------------
# 100,000 nested arrays as the first record, and as the whole file.
{ printf '{"data":[\n'; rep '[' 100000; rep ']' 100000; printf '\n]}\n'; } >deep_record.json
{ rep '[' 100000; rep ']' 100000; printf '\n'; } >deep_file.json
# 100,000 nested objects inside a record's notes.
{ printf '{"data":[{%s,"notes":' "$rec"; rep '{' 100000 | sed 's/{/{"a":/g'; printf '1'; rep '}' 100000; printf '}]}\n'; } >deep_objects.json
# ... between two good records, and a bracket of the wrong kind closing it.
{ printf '{"data":[\n{%s},\n' "$rec"; rep '[' 100000; rep ']' 100000; printf ',\n{%s}\n]}\n' "$rec"; } >deep_between.json
{ printf '{"data":[\n{%s},\n' "$rec"; rep '[' 100000; rep ']' 99999; printf '},\n{%s}\n]}\n' "$rec"; } >deep_mismatched.json
# 100,000 unclosed '[': a truncated file.
{ printf '{"data":['; rep '[' 100000; } >deep_unclosed.json
# More than the 4 KiB a loader may sniff, of blanks, before good content.
{ rep ' ' 5000; printf '{"data":[{%s}]}\n' "$rec"; } >leading_blanks.json
{ rep '\n' 5000; printf 'event_date,latitude,longitude\n2024-01-01,15,2\n2024-01-02,15\n'; } >leading_blank_lines.csv
# A stray quote 1 MiB + 18 bytes into line 2 (past the CSV reader's 1 MiB
# chunk): column 16 + 1048576 + 2 = 1048594.
{ printf 'event_date,latitude,longitude,notes\n2024-01-01,15,2,'; rep 'x' 1048576; printf 'a"b\n'; } >long_line_quote.csv

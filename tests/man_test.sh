#!/usr/bin/env bash
# sahelmap(1) says what `sahelmap --help` says: the same words in the same
# order, its headings as sections, and it renders without a groff warning.
#   man_test.sh SAHELMAP MANPAGE.1.gz
set -u
sahelmap=$1
page=$2
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$page" ] || fail "no man page $page"
help=$("$sahelmap" --help) || fail "sahelmap --help"
roff=$(gzip -dc "$page") || fail "$page: not gzip"
body=$(sed -n '/^\.\\" help begins$/,/^\.\\" help ends$/p' <<<"$roff")
[ -n "$body" ] || fail "no generated part in $page"

words() { tr -s ' \t' '\n\n' | grep -v '^$'; }
unroff() { sed -e 's/\\f[BRI]//g' -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\e/\\/g'; }

# NAME is the help's first line, without the version.
name=$(sed -n '/^\.SH NAME$/{n;p;}' <<<"$body" | unroff)
[ "$name" = "sahelmap - $(head -n1 <<<"$help" | sed 's/^[^:]*: //')" ] ||
    fail "NAME '$name' is not the help's first line"

# The headings, in order (Usage is SYNOPSIS in a man page).
help_heads=$(sed '1d' <<<"$help" | grep '^[^ ].*:$' | sed 's/:$//' | tr '[:lower:]' '[:upper:]' |
             sed 's/^USAGE$/SYNOPSIS/')
man_heads=$(grep '^\.SH ' <<<"$body" | sed 's/^\.SH //' | grep -v '^NAME$')
diff <(echo "$help_heads") <(echo "$man_heads") || fail "the sections differ from the help's"

# Every other word, in order.
help_words=$(sed '1d' <<<"$help" | grep -v '^[^ ].*:$' | words)
man_words=$(sed '/^\.SH NAME$/,+1d' <<<"$body" | grep -v '^\.\(SH\|TP\|PP\|\\"\)' | unroff | words)
diff <(echo "$help_words") <(echo "$man_words") >/tmp/man_test.$$.diff ||
    { cat /tmp/man_test.$$.diff; rm -f /tmp/man_test.$$.diff; fail "the man page's text differs from --help"; }
rm -f /tmp/man_test.$$.diff

# Renders cleanly.
if command -v groff >/dev/null; then
    warnings=$(groff -man -ww -z <<<"$roff" 2>&1)
    [ -z "$warnings" ] || fail "groff: $warnings"
fi
echo "sahelmap(1) matches --help: $(wc -l <<<"$help_words") words, $(wc -l <<<"$man_heads") sections"

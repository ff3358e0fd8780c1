#!/bin/sh
# What a terminal shows is filtered: values planted in a project with
# sqlite3 (OSC 52 clipboard and OSC 0 title sequences, a C1 CSI, bidi
# overrides and isolates, DEL, a byte that is not UTF-8) reach show,
# validate, checklist and explain output as visible escapes, never raw.
# Import refuses C1 and bidi controls as it refuses C0, naming the
# character; a host name with a non-ASCII letter is refused naming it;
# export writes only what import reads back.
. "${top_srcdir:-.}/tests/lib.sh"

need sqlite3
need perl

example=$top_srcdir/data/example.answers

# clean FILE: valid UTF-8 without C0 controls (but tab and newline), DEL,
# C1 controls or bidi controls.
clean() {
	perl -e 'local $/; my $t = <STDIN>; utf8::decode($t) or exit 1;
		exit($t =~ /[\x00-\x08\x0b-\x1f\x7f-\x9f\x{202a}-\x{202e}\x{2066}-\x{2069}]/ ? 1 : 0)' <"$1"
}

# has FILE TEXT: FILE holds TEXT as it is (no pattern).
has() {
	grep -qF -- "$2" "$1"
}

"$FEDWIZ" init p.fedwiz --answers "$example"
# name: OSC 52 (set the clipboard), OSC 0 (set the title), C1 CSI
# (U+009B), RLO (U+202E), LRI (U+2066), DEL, a lone 0xFF byte.
sqlite3 p.fedwiz "UPDATE setting SET value = 'A' || char(27) ||
	']52;c;aGk=' || char(7) || 'B' || char(27) || ']0;owned' || char(7) ||
	'C' || char(155) || '2J' || char(8238) || 'D' || char(8294) || 'E' ||
	char(127) || CAST(X'FF' AS TEXT) || 'F' WHERE key = 'name'"
sqlite3 p.fedwiz "UPDATE ocs_domain SET description = 'x' || char(8238) ||
	'y' || char(27) || '[2Jz' WHERE name = 'ocs.test'"
sqlite3 p.fedwiz "PRAGMA foreign_keys = ON; UPDATE imp_node SET fqdn = 'cup2' || char(27) ||
	'[31m.example.com' WHERE fqdn = 'cup2.example.com'"

# shows WHAT EXIT COMMAND...: the command's output holds the escapes and
# no raw control.
shows() {
	what=$1 want=$2
	shift 2
	run "$@"
	is "$STATUS" "$want" "$what: exit $want"
	ok "$what: no raw control or bidi character" clean "$OUT"
	ok "$what: nothing raw on stderr either" clean "$ERR"
}
shows show 0 "$FEDWIZ" show p.fedwiz
ok "show: OSC 52 as escapes" has "$OUT" 'A\x1B]52;c;aGk=\x07B\x1B]0;owned\x07C'
ok "show: C1 CSI, RLO, LRI as \\u" has "$OUT" 'C\u009B2J\u202ED\u2066E'
ok "show: DEL and a byte that is not UTF-8 as \\x" has "$OUT" 'E\x7F\xFFF'

shows validate 1 "$FEDWIZ" validate --offline p.fedwiz
ok "validate: the planted host name as escapes" has "$OUT" 'cup2\x1B[31m.example.com'

# The planted host names are errors: the checklist is written, exit 1.
shows "text checklist" 1 "$FEDWIZ" checklist p.fedwiz
ok "text checklist: the project name as escapes" has "$OUT" 'C\u009B2J\u202ED'
ok "text checklist: the host name as escapes" has "$OUT" 'cup2\x1B[31m.example.com'
shows "Markdown checklist" 1 "$FEDWIZ" checklist --format markdown p.fedwiz
ok "Markdown checklist: the host name as escapes" has "$OUT" 'cup2\\x1B\[31m.example.com'
ok "Markdown checklist: RLO as an escape" has "$OUT" '\\u202E'
shows "HTML checklist" 1 "$FEDWIZ" checklist --format html p.fedwiz
ok "HTML checklist: RLO rendered visibly" has "$OUT" 'C\u009B2J\u202ED'
ok "HTML checklist: in the print header too" grep -q 'u202E' "$OUT"

shows explain 0 "$FEDWIZ" explain -p p.fedwiz \
	"ACL - upstream not trusted - need to authenticate"
ok "explain: the host name as escapes" has "$OUT" 'cup2\x1B[31m.example.com'

# --- import refuses what a terminal must not get ---

# refused NAME VALUE MESSAGE: the example with VALUE as the project's
# name is refused on line 16 with MESSAGE.
refused() {
	awk -v l="name = $2" '/^name = Example Corp/ { print l; next }
		{ print }' "$example" >"$1.answers"
	cp p.fedwiz r.fedwiz
	before=$(cksum <r.fedwiz)
	run "$FEDWIZ" import r.fedwiz "$1.answers"
	is "$STATUS" 2 "import $1: exit 2"
	ok "import $1: FILE:LINE naming the character" \
		grep -qF "fedwiz: $1.answers:16: name: " "$ERR"
	ok "import $1: ... $3" grep -qF "$3" "$ERR"
	ok "import $1: its message is clean" clean "$ERR"
	is "$(cksum <r.fedwiz)" "$before" "import $1: the project is unchanged"
}
refused c1 "$(printf 'a\302\233b')" "holds control character U+009B"
refused rlo "$(printf 'a\342\200\256b')" "holds U+202E RIGHT-TO-LEFT OVERRIDE"
refused lre "$(printf 'a\342\200\252b')" "holds U+202A LEFT-TO-RIGHT EMBEDDING"
refused pdi "$(printf 'a\342\201\251b')" "holds U+2069 POP DIRECTIONAL ISOLATE"
refused esc "$(printf 'a\033]52;c;aGk=\007b')" "holds control character U+001B"
refused del "$(printf 'a\177b')" "holds control character U+007F"

sed 's/^fqdn = cup3.example.com/fqdn = cüp3.example.com/' "$example" \
	>idn.answers
run "$FEDWIZ" init idn.fedwiz --answers idn.answers
is "$STATUS" 2 "an IDN host name: exit 2"
ok "... names the character and the punycode form" grep -qF \
	"'ü' (U+00FC) is not allowed in a host name; enter the punycode form (xn--...)" \
	"$ERR"

# --- export writes what import reads back ---

run "$FEDWIZ" export p.fedwiz
is "$STATUS" 2 "export of a planted host name: exit 2"
is "$(wc -l <"$ERR" | tr -d ' ')" 1 "... one line"
ok "... naming the value" grep -qF 'cup2\x1B[31m.example.com' "$ERR"
ok "... clean" clean "$ERR"
ok "... nothing on standard output" test ! -s "$OUT"
run "$FEDWIZ" export p.fedwiz -o never.answers
ok "... and no file with -o" test ! -e never.answers

sqlite3 p.fedwiz "PRAGMA foreign_keys = ON; UPDATE imp_node SET fqdn = 'cup2.example.com'
	WHERE fqdn LIKE 'cup2%'"
run "$FEDWIZ" export p.fedwiz
is "$STATUS" 0 "export of planted text values: exit 0"
cp "$OUT" planted.answers
ok "... every line of it clean" clean planted.answers
ok "... the name written as its escapes" \
	has planted.answers 'name = A\x1B]52;c;aGk=\x07B'
"$FEDWIZ" init back.fedwiz
run "$FEDWIZ" import back.fedwiz planted.answers
is "$STATUS" 0 "import of that export: exit 0"
run "$FEDWIZ" export back.fedwiz
is_file "$OUT" planted.answers "export, import, export is identical"

done_testing

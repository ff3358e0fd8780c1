#!/bin/sh
# The translations keep up with the sources: po/fedwiz.pot holds exactly the
# messages xgettext finds in src/ and ui/ (run it afresh, same options as
# po/Makevars), every source file with marked strings is in po/POTFILES.in,
# and every po/LL.po of po/LINGUAS translates every message, none fuzzy,
# with format directives that match (msgfmt -c). Pre-formatted messages
# (a newline before their end: help texts) stay within 79 columns.
# The fix for a failure here is `make update-po`, then translating.
. "${top_srcdir:-.}/tests/lib.sh"

po=$top_srcdir/po

# XGETTEXT_OPTIONS from po/Makevars, continuation lines joined.
opts=$(sed -e ':a' -e '/\\$/{N;s/\\\n//;ba' -e '}' "$po/Makevars" |
	sed -n 's/^XGETTEXT_OPTIONS *= *//p' | tr -s ' \t' '  ' |
	sed 's/\$(PACKAGE)/fedwiz/g')
ok "po/Makevars sets XGETTEXT_OPTIONS" test -n "$opts"
for kw in --keyword=_ --keyword=N_ --keyword=C_:1c,2 --from-code=UTF-8 \
    --add-comments=TRANSLATORS:; do
	ok "XGETTEXT_OPTIONS has $kw" \
		sh -c 'case " $1 " in *" $2 "*) exit 0;; esac; exit 1' sh "$opts" "$kw"
done

# Source files with marked strings, relative to the top (as POTFILES.in).
(cd "$top_srcdir" && grep -l -E '(^|[^A-Za-z0-9_])[CN]?_\(' src/*.c ui/*.c) |
	sort >marked
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$po/POTFILES.in" |
	sort >listed
missing=$(comm -23 marked listed)
ok "every source file with marked strings is in po/POTFILES.in" \
	test -z "$missing"
[ -z "$missing" ] || diag "missing from po/POTFILES.in:" "$missing"
gone=$(cd "$top_srcdir" && while read -r f; do
	[ -f "$f" ] || echo "$f"; done <"$FW_TMP/listed")
ok "every file in po/POTFILES.in exists" test -z "$gone"
[ -z "$gone" ] || diag "listed but missing:" "$gone"

# The catalogue as the sources have it now.
# shellcheck disable=SC2086 # $opts is a list of options
(cd "$top_srcdir" && xgettext $opts --default-domain=fedwiz \
	-o "$FW_TMP/fresh.pot" $(cat "$FW_TMP/marked")) 2>xgettext.err
is "$?" 0 "xgettext extracts the messages"
ok "xgettext warns about nothing" test ! -s xgettext.err
[ -s xgettext.err ] && diag "$(cat xgettext.err)"

# Entries without the header and source locations: what translators see.
entries() {
	msgcat --no-location --no-wrap --sort-output "$1" | sed '1,/^$/d'
}
entries fresh.pot >fresh.entries
entries "$po/fedwiz.pot" >pot.entries
n=$(grep -c '^msgid ' fresh.entries)
ok "the sources have messages to translate ($n)" test "$n" -gt 200
is_file pot.entries fresh.entries \
	"po/fedwiz.pot matches the sources (else: make update-po)"

langs=$(sed -e 's/#.*//' "$po/LINGUAS")
ok "po/LINGUAS names a language" test -n "$langs"
for lang in $langs; do
	pofile=$po/$lang.po
	run msgfmt -c --statistics -o /dev/null "$pofile"
	is "$STATUS" 0 "msgfmt -c accepts po/$lang.po"
	[ "$STATUS" -eq 0 ] || diag "$(cat "$ERR")"
	ok "po/$lang.po: msgfmt reports no fuzzy or untranslated message" \
		grep -qx '[0-9]* translated messages\.' "$ERR"
	diag "po/$lang.po: $(cat "$ERR")"

	# msgcmp counts untranslated and fuzzy entries as missing.
	run msgcmp "$pofile" fresh.pot
	is "$STATUS" 0 "po/$lang.po translates every message of the sources"
	[ "$STATUS" -eq 0 ] || diag "$(grep 'not defined' "$ERR" | head -n 20)"

	# Each line of a pre-formatted message, at most 79 columns.
	LC_ALL=C.UTF-8 msgexec -i "$pofile" sh -c '
		case $MSGEXEC_MSGID in *"
"?*) ;; *) exit 0 ;; esac
		cat >msg
		w=$(wc -L <msg)
		[ "$w" -le 79 ] || printf "%s columns: %s\n" "$w" \
			"$(head -c 60 msg)" >>wide' >/dev/null
	ok "po/$lang.po: pre-formatted messages fit 79 columns" test ! -s wide
	[ -s wide ] && diag "$(cat wide)"
	rm -f wide msg
done

done_testing

#!/bin/sh
# The manual pages render without a warning, and the answers file example in
# fedwiz-answers(5) is data/example.answers, word for word.
. "${top_srcdir:-.}/tests/lib.sh"

for page in man/fedwiz.1 man/fedwiz-answers.5; do
	run groff -man -ww -z "$top_srcdir/$page"
	is "$STATUS" 0 "$page renders"
	is "$(cat "$ERR")" "" "$page renders without warnings"
done

# The block between .EX and .EE after "FULL EXAMPLE", with roff escapes
# undone (\e is a backslash, a leading \& protects a dot).
sed -n '/^\.SH FULL EXAMPLE/,/^\.EE/p' "$top_srcdir/man/fedwiz-answers.5" |
	sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
	sed -e 's/^\\&//' -e 's/\\e/\\/g' >example.txt
is_file example.txt "$top_srcdir/data/example.answers" \
	"fedwiz-answers(5) shows data/example.answers as it is"

# Every command in the command table has its own entry in fedwiz(1).
for cmd in $("$FEDWIZ" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
	ok "fedwiz(1) describes '$cmd'" grep -q "^\.BI* \"*$cmd" "$top_srcdir/man/fedwiz.1"
done

done_testing

#!/bin/sh
# fedwiz checklist --print: to lp (queue from LPDEST), to lpr when there
# is no lp (queue from PRINTER), and into a file when there is neither.
# The spoolers are stand-ins on PATH that record their arguments and job.
. "${top_srcdir:-.}/tests/lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/tests/fixtures/tcp-standard.answers" ||
	echo "Bail out! init failed"
SOURCE_DATE_EPOCH=1764000000
export SOURCE_DATE_EPOCH
unset LPDEST PRINTER
"$FEDWIZ" checklist p.fedwiz >expected.txt

# spooler DIR NAME STATUS: a stand-in NAME in DIR exiting with STATUS.
spooler() {
	mkdir -p "$1"
	cat >"$1/$2" <<EOS
#!/bin/sh
printf '%s\n' "\$@" >"$FW_TMP/$2.args"
cat >"$FW_TMP/$2.job"
exit $3
EOS
	chmod +x "$1/$2"
}
spooler both lp 0
spooler both lpr 0
spooler lpronly lpr 0
spooler broken lp 3
mkdir empty

run env PATH="$FW_TMP/both:$PATH" LPDEST=hall "$FEDWIZ" checklist p.fedwiz --print
is "$STATUS" 0 "--print with lp exits 0"
is_file lp.job expected.txt "lp gets the text checklist on standard input"
is "$(tr '\n' ' ' <lp.args)" "-d hall -t fedwiz checklist p.fedwiz " \
	"lp is run with -d \$LPDEST and a title"
ok "lpr is not run when lp is there" test ! -e lpr.job
is "$(cat "$ERR")" "fedwiz: sent to the printer with 'lp -d hall -t fedwiz checklist p.fedwiz'" \
	"--print says where it went"
ok "--print writes no file" test ! -e p-checklist.txt

run env PATH="$FW_TMP/both:$PATH" "$FEDWIZ" checklist p.fedwiz --print
is "$(tr '\n' ' ' <lp.args)" "-t fedwiz checklist p.fedwiz " \
	"without LPDEST or PRINTER, lp uses its default queue"

run env PATH="$FW_TMP/lpronly:$PATH" PRINTER=lab "$FEDWIZ" checklist p.fedwiz --print
is "$STATUS" 0 "--print with lpr only exits 0"
is_file lpr.job expected.txt "lpr gets the checklist"
is "$(tr '\n' ' ' <lpr.args)" "-P lab -T fedwiz checklist p.fedwiz " \
	"lpr is run with -P \$PRINTER and a title"

run env PATH="$FW_TMP/empty" "$FEDWIZ" checklist p.fedwiz --print
is "$STATUS" 0 "--print without a print system exits 0"
is "$(cat "$ERR")" "fedwiz: no print system (lp or lpr) found; wrote the checklist to p-checklist.txt" \
	"... and says so"
is_file p-checklist.txt expected.txt "... writing PROJECT-checklist.txt"
is "$(stat -c %a p-checklist.txt)" 600 "... with mode 0600"
ok "... and nothing on standard output" test ! -s "$OUT"

run env PATH="$FW_TMP/empty" "$FEDWIZ" checklist p.fedwiz --print -o mine.txt
is_file mine.txt expected.txt "without a print system, -o names the file"

run env PATH="$FW_TMP/broken:$PATH" "$FEDWIZ" checklist p.fedwiz --print
is "$STATUS" 2 "a failing lp exits 2"
is "$(cat "$ERR")" "fedwiz: printing failed: lp exited with status 3" \
	"... saying how it failed"

run "$FEDWIZ" checklist p.fedwiz --print --format html
is "$STATUS" 2 "--print with --format html is a usage error"

done_testing

#!/bin/sh
# Project files are 0600 whatever the umask; so are exported answers.
. "${top_srcdir:-.}/tests/lib.sh"

mode() {
	stat -c %a "$1"
}

umask 000
run "$FEDWIZ" init empty.fedwiz
is "$STATUS" 0 "init under umask 000 exits 0"
is "$(mode empty.fedwiz)" 600 "empty project is 0600 under umask 000"

run "$FEDWIZ" init full.fedwiz --answers "$top_srcdir/data/example.answers"
is "$STATUS" 0 "init --answers under umask 000 exits 0"
is "$(mode full.fedwiz)" 600 "filled project is 0600 under umask 000"

run "$FEDWIZ" import empty.fedwiz "$top_srcdir/data/example.answers"
is "$(mode empty.fedwiz)" 600 "still 0600 after an import"
for f in empty.fedwiz-wal empty.fedwiz-shm; do
	if [ -e "$f" ]; then
		is "$(mode "$f")" 600 "$f is 0600 too"
	fi
done

run "$FEDWIZ" export full.fedwiz -o out.answers
is "$STATUS" 0 "export -o under umask 000 exits 0"
is "$(mode out.answers)" 600 "exported answers are 0600"

done_testing

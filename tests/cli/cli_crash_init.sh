#!/bin/sh
# Crash safety of a project's creation: `fedwiz init --answers` killed with
# SIGKILL at 60 random moments. After each kill the name is free, or holds
# a project that opens and passes PRAGMA integrity_check: never the empty
# file that every later open, init included, refused as "not a fedwiz
# project". Running init again then either creates the project or, where
# one exists, says to import instead; no hidden ".p.fedwiz.creating" stays
# behind a finished init.
#
# FW_CRASH_SEED=N replays a run (the seed is printed as a diagnostic).
. "${top_srcdir:-.}/tests/lib.sh"

need sqlite3

KILLS=60
crash_seed
answers=$top_srcdir/data/example.answers

init_anew() {
	rm -f p.fedwiz
	"$FEDWIZ" init p.fedwiz --answers "$answers"
}
ms=$(crash_ms init_anew)
diag "one init takes about ${ms} ms"
"$FEDWIZ" export p.fedwiz >example.out
rm -f p.fedwiz
crash_delays "$KILLS" "$ms" >plan

absent=0 present=0 bad_file=0 bad_again=0 kills=0
while read -r delay; do
	rm -f p.fedwiz p.fedwiz-* p.fedwiz.lock
	"$FEDWIZ" init p.fedwiz --answers "$answers" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	if [ ! -e p.fedwiz ]; then
		absent=$((absent + 1))
		# The name is free: init makes the whole project.
		if ! "$FEDWIZ" init p.fedwiz --answers "$answers" \
		    >/dev/null 2>"$ERR" ||
		    ! "$FEDWIZ" export p.fedwiz 2>&1 | cmp -s - example.out; then
			bad_again=$((bad_again + 1))
			diag "after ${delay} s: init again: $(cat "$ERR")"
		fi
		continue
	fi
	present=$((present + 1))
	if ! "$FEDWIZ" show p.fedwiz >/dev/null 2>"$ERR" ||
	    [ "$(sqlite3 p.fedwiz 'PRAGMA integrity_check')" != ok ]; then
		bad_file=$((bad_file + 1))
		diag "after ${delay} s: the file is no project: $(cat "$ERR")"
		continue
	fi
	# A project exists (with or without its answers): init refuses
	# to replace it and points to import, which works.
	run "$FEDWIZ" init p.fedwiz --answers "$answers"
	if [ "$STATUS" != 2 ] || ! grep -q "fedwiz import" "$ERR" ||
	    ! "$FEDWIZ" import p.fedwiz "$answers" 2>"$ERR" ||
	    ! "$FEDWIZ" export p.fedwiz 2>&1 | cmp -s - example.out; then
		bad_again=$((bad_again + 1))
		diag "after ${delay} s: init/import again: $(cat "$ERR")"
	fi
done <plan

diag "$kills of $KILLS inits killed: $absent left the name free," \
    "$present a project"
is "$bad_file" 0 "after each kill the name holds no file or a sound project"
is "$bad_again" 0 "and init (or import) then gives the whole project"
ok "kills landed before and after the project file appeared" \
	test "$absent" -gt 0 -a "$present" -gt 0
leftover=$(find . -name '.p.fedwiz.creating*' | wc -l | tr -d ' ')
is "$leftover" 0 "no hidden file of an unfinished creation is left behind"

done_testing

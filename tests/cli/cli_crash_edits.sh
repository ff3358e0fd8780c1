#!/bin/sh
# Crash safety over many edits (SQLite's crash9.test way): 500 scripted
# edits through `fedwiz import`, each killed with SIGKILL at a random moment
# (or left to finish). Edit k sets the project name to "edit-k", so after
# each edit the name must be edit-k or the last name known to be saved: at
# most the edit in flight is lost. After every edit PRAGMA integrity_check
# must say ok, and after every kill the project must open.
#
# FW_CRASH_SEED=N replays a run (the seed is printed as a diagnostic).
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3 command"

EDITS=500
seed=${FW_CRASH_SEED:-$(($(date +%s) % 100000))}
diag "seed $seed (FW_CRASH_SEED=$seed replays this run)"

# edit-K.answers: the example deployment named edit-K.
awk -v n="$EDITS" '
	{ lines[NR] = $0 }
	END {
		for (k = 1; k <= n; k++) {
			f = "edit-" k ".answers"
			for (i = 1; i <= NR; i++) {
				if (lines[i] ~ /^name = Example Corp/)
					print "name = edit-" k >f
				else
					print lines[i] >f
			}
			close(f)
		}
	}' "$top_srcdir/data/example.answers"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers"

# state: "integrity|name" as SQLite itself sees the file.
state() {
	sqlite3 p.fedwiz "PRAGMA integrity_check;
		SELECT value FROM setting WHERE key = 'name';" 2>&1 |
		tr '\n' '|' | sed 's/|$//'
}

# How long one import takes here (sanitizer builds are slower), in ms.
t0=$(date +%s%N)
for k in 1 2 3 4 5; do
	"$FEDWIZ" import p.fedwiz "edit-$k.answers"
done
t1=$(date +%s%N)
ms=$(((t1 - t0) / 5000000))
[ "$ms" -ge 2 ] || ms=2
diag "one import takes about ${ms} ms"
is "$(state)" "ok|edit-5" "five plain edits are saved"

# Per edit: kill it or not (3 in 5 are killed), and after how long: a
# uniform moment from the start to 30% past the typical import's end.
awk -v n="$EDITS" -v seed="$seed" -v ms="$ms" 'BEGIN {
	srand(seed)
	for (k = 1; k <= n; k++) {
		r = rand()
		d = sprintf("%.4f", rand() * ms * 1.3 / 1000)
		printf "%d %s\n", k, (r < 0.6 ? d : "-")
	}
}' >plan

prev=edit-5
kills=0 lost=0 bad_integrity=0 bad_name=0 bad_open=0
while read -r k delay; do
	if [ "$delay" = - ]; then
		"$FEDWIZ" import p.fedwiz "edit-$k.answers" 2>/dev/null
	else
		"$FEDWIZ" import p.fedwiz "edit-$k.answers" 2>/dev/null &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
		wait "$pid" 2>/dev/null
		# The project opens (read-only, as show does) after the kill.
		if ! "$FEDWIZ" show p.fedwiz >/dev/null 2>"$ERR"; then
			bad_open=$((bad_open + 1))
			[ "$bad_open" -gt 3 ] || diag "edit $k: show failed: $(cat "$ERR")"
		fi
	fi
	s=$(state)
	case $s in
	"ok|edit-$k") prev=edit-$k ;;
	"ok|$prev")
		if [ "$delay" != - ]; then
			lost=$((lost + 1))
		else
			bad_name=$((bad_name + 1))
			diag "edit $k was not killed, yet it was lost"
		fi
		;;
	ok\|*)
		bad_name=$((bad_name + 1))
		[ "$bad_name" -gt 3 ] || diag "edit $k: name is '${s#ok|}'," \
		    "expected edit-$k or $prev"
		;;
	*)
		bad_integrity=$((bad_integrity + 1))
		[ "$bad_integrity" -gt 3 ] || diag "edit $k: integrity: $s"
		;;
	esac
done <plan

diag "$kills of $EDITS edits killed with SIGKILL; $lost of them lost the edit in flight"
is "$bad_integrity" 0 "integrity_check is ok after each of $EDITS edits"
is "$bad_name" 0 "after each edit the name is edit-k or, if killed, the previous one"
is "$bad_open" 0 "the project opens after each of the $kills kills"
ok "the kills landed both inside and after an edit" \
	test "$lost" -gt 0 -a "$lost" -lt "$kills"

# The project is still fully usable: a last edit goes through and exports.
run "$FEDWIZ" import p.fedwiz "$top_srcdir/data/example.answers"
is "$STATUS" 0 "an import after the storm succeeds"
"$FEDWIZ" export p.fedwiz >after.answers
"$FEDWIZ" init clean.fedwiz --answers "$top_srcdir/data/example.answers"
"$FEDWIZ" export clean.fedwiz >clean.answers
is_file after.answers clean.answers "and holds exactly what was imported"
ok "no lock file is left behind" test ! -e p.fedwiz.lock
leftover=$(find . -name 'p.fedwiz.lock.*' | wc -l | tr -d ' ')
is "$leftover" 0 "no temporary lock files are left behind"

done_testing

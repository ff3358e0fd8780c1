#!/bin/sh
# Crash safety through the wizard (SQLite's crash9.test way, as
# tests/cli/cli_crash_edits.sh does through import): sessions of scripted
# edits of the project name in tmux, each session ended by kill -9 at a
# random moment around its last edit. Edit k sets the name to "edit-k", so
# after each kill the name must be the last edit the screen showed as
# saved or the one in flight; PRAGMA integrity_check must say ok, the
# project must open, and the next session must take over the stale lock.
#
# FW_CRASH_SEED=N replays a run (the seed is printed as a diagnostic).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

command -v sqlite3 >/dev/null 2>&1 || {
	echo "Bail out! no sqlite3 command (./build.sh installs it)"
	exit 1
}

SESSIONS=20
seed=${FW_CRASH_SEED:-$(($(date +%s) % 100000))}
diag "seed $seed (FW_CRASH_SEED=$seed replays this run)"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

# state: "integrity|name" as SQLite itself sees the file.
state() {
	sqlite3 p.fedwiz "PRAGMA integrity_check;
		SELECT value FROM setting WHERE key = 'name';" 2>&1 |
		tr '\n' '|' | sed 's/|$//'
}

# edit K: the project name (step 0, first field) becomes edit-K.
edit() {
	tui_keys Enter C-u
	tui_type "edit-$1"
	tui_keys Enter
}

# How long one edit takes here, from its keys to the saved name on screen
# (sanitizer builds and a loaded machine are slower), in ms.
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
t0=$(date +%s%N)
for k in 1 2 3; do
	edit "$k"
	tui_wait " fedwiz · edit-$k · " >/dev/null
done
t1=$(date +%s%N)
tui_keys F10
tui_exit_status >/dev/null
ms=$(((t1 - t0) / 3000000))
[ "$ms" -ge 5 ] || ms=5
diag "one edit takes about ${ms} ms"
saved=edit-3

# Per session: how many edits are confirmed on screen first (0 to 3), then
# how long after the last edit's keys start the kill comes: every third
# session at once (before the edit lands), every third well after it
# (3 edits' time), the rest at a uniform moment within 1.5 edits' time.
awk -v n="$SESSIONS" -v seed="$seed" -v ms="$ms" 'BEGIN {
	srand(seed)
	for (s = 1; s <= n; s++) {
		c = int(rand() * 4)
		d = rand() * ms * 1.5
		if (s % 3 == 1)
			d = 0
		else if (s % 3 == 2)
			d = ms * 3
		printf "%d %.4f\n", c, d / 1000
	}
}' >plan

k=3 lost=0 kills=0
bad_integrity=0 bad_name=0 bad_open=0 bad_start=0
while read -r confirmed delay; do
	tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
	if ! tui_wait "0 · Deployment" 10 >/dev/null; then
		bad_start=$((bad_start + 1))
		continue
	fi
	i=0
	while [ "$i" -lt "$confirmed" ]; do
		k=$((k + 1))
		i=$((i + 1))
		edit "$k"
		# The top line shows the name once it is saved.
		tui_wait " fedwiz · edit-$k · " 10 >/dev/null && saved=edit-$k
	done
	# The kill is on its way while the last edit's keys are sent: it
	# lands before, during or after that edit is saved.
	k=$((k + 1))
	(sleep "$delay"; kill -9 "$TUI_PID") 2>/dev/null &
	killer=$!
	edit "$k"
	wait "$killer" && kills=$((kills + 1))
	tui_exit_status >/dev/null
	if ! "$FEDWIZ" show p.fedwiz >/dev/null 2>"$ERR"; then
		bad_open=$((bad_open + 1))
		diag "edit $k: show failed: $(cat "$ERR")"
	fi
	s=$(state)
	case $s in
	"ok|edit-$k") saved=edit-$k ;;
	"ok|$saved") lost=$((lost + 1)) ;;
	ok\|*)
		bad_name=$((bad_name + 1))
		diag "edit $k: name is '${s#ok|}', expected edit-$k or $saved"
		;;
	*)
		bad_integrity=$((bad_integrity + 1))
		diag "edit $k: integrity: $s"
		;;
	esac
done <plan

diag "$kills sessions killed with SIGKILL over $k edits; $lost lost the edit in flight"
is "$bad_start" 0 "the wizard starts after each of the $SESSIONS kills (stale lock taken over)"
is "$kills" "$SESSIONS" "every session was killed with SIGKILL"
is "$bad_integrity" 0 "integrity_check is ok after each kill"
is "$bad_name" 0 "after each kill the name is the edit in flight or the last one saved"
is "$bad_open" 0 "the project opens after each kill"
ok "the kills landed both before and after an edit was saved" \
	test "$lost" -gt 0 -a "$lost" -lt "$kills"

# The project is still fully usable: one more edit through the wizard.
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
edit final
tui_wait " fedwiz · edit-final · "
tui_keys F10
is "$(tui_exit_status)" 0 "a session after the kills ends normally"
is "$(state)" "ok|edit-final" "and its edit is saved"
ok "no lock file is left behind" test ! -e p.fedwiz.lock

done_testing

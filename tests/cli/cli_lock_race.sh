#!/bin/sh
# Taking over a stale lock is one atomic step: three writers started
# together on a project whose lock names a dead process, ROUNDS times,
# with every removal of a lock file slowed down (tests/slow_unlink.c, an
# LD_PRELOAD shim: 300 ms before each unlink of a *.lock) so that any
# "judge stale, remove, create" gap is wide open. A live holder's lock is
# never removed (by anyone but itself), no holder's lock vanishes under
# it, and every writer either wins or is told the project is in use.
. "${top_srcdir:-.}/tests/lib.sh"

ROUNDS=8
TAKERS=3
example=$top_srcdir/data/example.answers
host=$(hostname)

[ -r "$SLOW_UNLINK" ] || skip_all "no unlink shim (make check builds it)"
"$FEDWIZ" init p.fedwiz || echo "Bail out! cannot create the project"

# A PID that is gone: a process of ours that has ended.
true &
dead=$!
wait "$dead"

statuses=
: >unlinks.log
round=0
while [ "$round" -lt "$ROUNDS" ]; do
	round=$((round + 1))
	kill -0 "$dead" 2>/dev/null && skip_all "PID $dead was reused"
	printf 'alice\n%s\n%s\n2025-01-02 03:04:05 UTC\n' "$host" "$dead" \
		>p.fedwiz.lock
	pids=
	n=0
	while [ "$n" -lt "$TAKERS" ]; do
		n=$((n + 1))
		# Under ASan the shim loads before ASan's runtime: allowed.
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
		SLOW_UNLINK_MS=300 SLOW_UNLINK_LOG=$FW_TMP/unlinks.log \
		LD_PRELOAD=$SLOW_UNLINK \
			"$FEDWIZ" import p.fedwiz "$example" \
			>/dev/null 2>"err.$round.$n" &
		pids="$pids $!"
	done
	for pid in $pids; do
		wait "$pid"
		statuses="$statuses $?"
	done
done

diag "exit statuses:$statuses" "unlinks: $(sort unlinks.log | uniq -c |
	tr -s ' \n' ' ')"
is "$(grep -c '^live' unlinks.log)" 0 "no live holder's lock was removed"
is "$(grep -c '^missing' unlinks.log)" 0 "no holder's lock vanished under it"
is "$(echo "$statuses" | tr ' ' '\n' | grep -cv '^[03]*$')" 0 \
	"every writer exits 0 (it won) or 3 (in use)"
ok "each round had a winner" test "$(echo "$statuses" | tr ' ' '\n' |
	grep -c '^0$')" -ge "$ROUNDS"
ok "the stale lock was taken over with a notice" grep -qF \
	"took over a stale lock left by alice on $host (PID $dead" err.*
ok "the losers were told who holds it" grep -qF "in use by another fedwiz" \
	err.*
ok "the last holder removed its lock" test ! -e p.fedwiz.lock
run "$FEDWIZ" export p.fedwiz
is "$STATUS" 0 "the project opens afterwards"
ok "with the imported answers" grep -q '^\[imp_node\]' "$OUT"

done_testing

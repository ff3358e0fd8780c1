#!/bin/sh
# kill -9 during an import, at several moments (SQLite's crash9.test way):
# the file passes PRAGMA integrity_check and holds either the previous
# answers or the new ones, never a mix.
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3 command"

# big.answers: a large deployment, so the import takes a while: as many
# nodes, domains and servers as fedwiz takes (fedwiz(1), LIMITS), and
# ticked items for the bulk.
awk 'BEGIN {
	print "[deployment]\nname = big\ntransport = tcp\nocs_edition = enterprise"
	print "[ocs_domain]\nname = ocs.test\n[ocs_pool]\nfqdn = pool.ocs.test"
	for (i = 0; i < 256; i++) {
		printf "[imp_node]\nfqdn = cup%d.example.com\nip = 10.%d.%d.%d\n",
		    i, int(i / 65536) % 256, int(i / 256) % 256, i % 256
		printf "[imp_domain]\nname = d%d.example.com\nroute_to = cup%d.example.com\n", i, i
		printf "[ocs_server]\nfqdn = fe%d.ocs.test\nip = 172.16.%d.%d\n", i,
		    int(i / 256) % 256, i % 256
		print "domain = ocs.test\npool = pool.ocs.test"
	}
	print "[done]"
	for (i = 0; i < 12000; i++)
		printf "item = ocs.pool.ocs.test.hostauth.cup%d.example.com.ip at 2026-01-01 00:00:00 by test\n", i
}' >big.answers

# The two possible outcomes, each exported from a clean import.
"$FEDWIZ" init old.fedwiz --answers "$top_srcdir/data/example.answers"
"$FEDWIZ" export old.fedwiz >old.answers
"$FEDWIZ" init new.fedwiz --answers big.answers
"$FEDWIZ" export new.fedwiz >new.answers
ok "the big answers import cleanly" grep -q 'cup11999.example.com.ip' new.answers

# How long a full import takes, in milliseconds.
cp old.fedwiz t.fedwiz
t0=$(date +%s%N)
"$FEDWIZ" import t.fedwiz big.answers
t1=$(date +%s%N)
ms=$(((t1 - t0) / 1000000))
diag "a full import takes ${ms} ms"
[ "$ms" -ge 5 ] || ms=5

for pct in 5 20 35 50 65 80 90 95; do
	rm -f p.fedwiz p.fedwiz-wal p.fedwiz-shm p.fedwiz.lock
	cp old.fedwiz p.fedwiz
	"$FEDWIZ" import p.fedwiz big.answers 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$ms" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	is "$(sqlite3 p.fedwiz 'PRAGMA integrity_check')" ok \
		"killed at ${pct}%: integrity_check is ok"
	"$FEDWIZ" export p.fedwiz >p.answers 2>/dev/null
	if cmp -s p.answers old.answers; then
		ok "killed at ${pct}%: the previous answers are intact" true
	elif cmp -s p.answers new.answers; then
		ok "killed at ${pct}%: the new answers are complete" true
	else
		ok "killed at ${pct}%: previous or new answers, never a mix" false
	fi
done

# After a kill, the stale lock is taken over and the next import works.
rm -f p.fedwiz p.fedwiz-wal p.fedwiz-shm p.fedwiz.lock
cp old.fedwiz p.fedwiz
"$FEDWIZ" import p.fedwiz big.answers 2>/dev/null &
pid=$!
sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 2000 }')"
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
run "$FEDWIZ" import p.fedwiz big.answers
is "$STATUS" 0 "an import after a kill -9 succeeds"
"$FEDWIZ" export p.fedwiz >p.answers
is_file p.answers new.answers "and holds the new answers"

done_testing

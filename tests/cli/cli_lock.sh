#!/bin/sh
# One writer per project. A lock held by a live process: exit 3, the holder
# named (user, host, PID, since) and --read-only offered; the project and
# the lock untouched. A stale lock (its process gone on this host) is taken
# over with a notice; a lock file fedwiz did not write is refused, with
# what to do.
. "${top_srcdir:-.}/tests/lib.sh"

example=$top_srcdir/data/example.answers
host=$(hostname)

"$FEDWIZ" init p.fedwiz || echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

# write_lock USER HOST PID: a lock file as fedwiz writes it.
write_lock() {
	printf '%s\n%s\n%s\n2025-01-02 03:04:05 UTC\n' "$1" "$2" "$3" \
		>p.fedwiz.lock
}

# A lock file fedwiz did not write (garbage, or cut short): not judged,
# not taken; the message says what to do.
printf 'x\001\377garbage\n' >p.fedwiz.lock
cp p.fedwiz.lock lock.before
run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 2 "an unreadable lock exits 2"
ok "it says the lock is unreadable" grep -qF \
	"fedwiz: p.fedwiz.lock: unreadable lock (not written by fedwiz)" "$ERR"
ok "and what to do" grep -qF \
	"if no fedwiz is using the project, remove it and try again" "$ERR"
is "$(wc -l <"$ERR" | tr -d ' ')" 1 "in one line"
is_file p.fedwiz.lock lock.before "the unreadable lock is left as it was"
"$FEDWIZ" export p.fedwiz >during.answers
is_file during.answers before.answers "the project is unchanged"
rm p.fedwiz.lock

# A live holder: a process of ours that we end ourselves, by PID.
sleep 300 &
holder=$!
write_lock alice "$host" "$holder"
cp p.fedwiz.lock lock.before

run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 3 "import on a project held by a live process exits 3"
ok "the holder is named" grep -qF \
	"user alice on host $host, PID $holder, since 2025-01-02 03:04:05 UTC" "$ERR"
ok "read-only is offered" grep -qF -- "--read-only p.fedwiz" "$ERR"
ok "every line starts with 'fedwiz: '" sh -c '! grep -v "^fedwiz: " "$1"' _ "$ERR"
is_file p.fedwiz.lock lock.before "the live holder's lock is untouched"
"$FEDWIZ" export p.fedwiz >during.answers
is_file during.answers before.answers "the project is unchanged"

run "$FEDWIZ" show p.fedwiz
is "$STATUS" 0 "show (read-only) works while the project is held"

run "$FEDWIZ" init q.fedwiz
is "$STATUS" 0 "another project is not affected"

kill "$holder"
wait "$holder" 2>/dev/null

# A holder on another host is never judged from here, even with a dead PID.
write_lock bob "elsewhere.invalid" "$holder"
run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 3 "a lock from another host exits 3"
ok "the other host is named" grep -qF "on host elsewhere.invalid" "$ERR"

# Stale: the PID is gone on this host.
write_lock alice "$host" "$holder"
if kill -0 "$holder" 2>/dev/null; then
	skip_all "PID $holder was reused"
fi
run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 0 "a stale lock is taken over"
ok "with a notice naming the old holder" grep -qF \
	"took over a stale lock left by alice on $host (PID $holder" "$ERR"
ok "the lock is released afterwards" test ! -e p.fedwiz.lock
run "$FEDWIZ" export p.fedwiz
ok "the import went through" grep -q '^\[imp_node\]' "$OUT"

done_testing

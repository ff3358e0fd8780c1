#!/bin/sh
# Crash safety of a schema upgrade: a project written by schema 1
# (tests/fixtures/project-v1.sql) opened for writing, killed with SIGKILL
# at 40 random moments of the upgrade. After each kill the file passes
# PRAGMA integrity_check and is at schema 1 or the current one, never
# between; at the current, its backup PROJECT.bak-v1 is whole (the same dump as the
# original); and the
# next open upgrades it or simply opens it, to the same answers as an
# upgrade that was never interrupted.
#
# FW_CRASH_SEED=N replays a run (the seed is printed as a diagnostic).
. "${top_srcdir:-.}/tests/lib.sh"

need sqlite3

KILLS=40
# The current schema, as fedwiz creates it.
current=$(sed -n 's/^#define FW_SCHEMA_VERSION \([0-9]*\)$/\1/p' \
	"$top_srcdir/src/fw_store.h")
[ -n "$current" ] || echo "Bail out! no FW_SCHEMA_VERSION in src/fw_store.h"
crash_seed

sqlite3 v1.fedwiz <"$top_srcdir/tests/fixtures/project-v1.sql" ||
	echo "Bail out! cannot make the schema 1 project"
sqlite3 v1.fedwiz .dump >v1.dump

# fresh: p.fedwiz as schema 1 wrote it.
fresh() {
	rm -f p.fedwiz p.fedwiz-* p.fedwiz.lock p.fedwiz.bak-v1
	cp v1.fedwiz p.fedwiz
}

# upgrade: an open for writing (tick of an unknown item: it opens the
# project, upgrades it, then refuses the item and changes nothing). The
# loop below runs the same command in the background itself, so that its
# kill reaches fedwiz, not a subshell.
upgrade() {
	"$FEDWIZ" tick p.fedwiz no-such-item >/dev/null 2>&1
}
fresh_upgrade() {
	fresh
	upgrade
}

# How long an upgrading open takes here; and the answers it gives.
ms=$(crash_ms fresh_upgrade)
diag "one upgrade takes about ${ms} ms"
is "$(sqlite3 p.fedwiz 'PRAGMA user_version')" "$current" \
	"an open for writing upgrades to schema $current"
"$FEDWIZ" export p.fedwiz >clean.answers
crash_delays "$KILLS" "$ms" >plan

at1=0 at2=0 bad_file=0 bad_backup=0 bad_after=0
while read -r delay; do
	fresh
	"$FEDWIZ" tick p.fedwiz no-such-item >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(sqlite3 p.fedwiz 'PRAGMA integrity_check; PRAGMA user_version' 2>&1 |
		tr '\n' ' ')
	case $s in
	"ok 1 ") at1=$((at1 + 1)) ;;
	"ok $current ")
		at2=$((at2 + 1))
		if ! sqlite3 p.fedwiz.bak-v1 .dump 2>&1 | cmp -s - v1.dump; then
			bad_backup=$((bad_backup + 1))
			diag "after ${delay} s: upgraded, but the backup is not whole"
		fi
		;;
	*)
		bad_file=$((bad_file + 1))
		diag "after ${delay} s: integrity and schema: $s"
		continue
		;;
	esac
	upgrade
	if ! "$FEDWIZ" export p.fedwiz 2>"$ERR" | cmp -s - clean.answers; then
		bad_after=$((bad_after + 1))
		diag "after ${delay} s: the next open gives other answers:" \
		    "$(cat "$ERR")"
	fi
done <plan

diag "of $KILLS kills, $at1 left schema 1, $at2 schema $current"
is "$bad_file" 0 "after each kill the file is sound, at schema 1 or $current"
is "$bad_backup" 0 "an upgraded file always has its whole backup"
is "$bad_after" 0 "the next open gives the answers of an uninterrupted upgrade"
ok "kills landed before and after the upgrade's commit" \
	test "$at1" -gt 0 -a "$at2" -gt 0

done_testing

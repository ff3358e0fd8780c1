#!/bin/sh
# A project whose schema was changed behind fedwiz's back (with sqlite3):
# a planted trigger, a view in place of a table, a dropped table, an index
# or a column of its own. Every command that opens it, read-only ones
# included, refuses it in one line naming what is wrong, exit 2, and
# leaves it as it was: the planted trigger never runs. A project of an
# older schema with a planted trigger or a changed table is refused
# before or by its upgrade, and stays at its old version, with no backup
# left over.
. "${top_srcdir:-.}/tests/lib.sh"

need sqlite3

example=$top_srcdir/data/example.answers
"$FEDWIZ" init clean.fedwiz --answers "$example" ||
	echo "Bail out! cannot create the project"
servers=$(sqlite3 clean.fedwiz 'SELECT count(*) FROM ocs_server')

# refused DESC FILE MESSAGE: import, show, export, validate and checklist
# all exit 2 with MESSAGE; FILE is unchanged and its servers are all there.
refused() {
	before=$(cksum <"$2")
	for c in import show export validate checklist; do
		if [ "$c" = import ]; then
			run "$FEDWIZ" import "$2" "$example"
		else
			run "$FEDWIZ" "$c" "$2"
		fi
		is "$STATUS" 2 "$1: $c exits 2"
		is "$(cat "$ERR")" "fedwiz: $2: damaged or altered project: $3; restore it from a backup" \
			"$1: $c says what is wrong, in one line"
	done
	is "$(cksum <"$2")" "$before" "$1: the file is unchanged"
	is "$(sqlite3 "$2" 'SELECT count(*) FROM ocs_server')" "$servers" \
		"$1: nothing was deleted"
	ok "$1: no lock left" test ! -e "$2.lock"
}

# altered SQL: a copy of the clean project changed by SQL.
altered() {
	rm -f p.fedwiz p.fedwiz-*
	cp clean.fedwiz p.fedwiz
	sqlite3 p.fedwiz "$1" || echo "Bail out! sqlite3 refused: $1"
}

altered "CREATE TRIGGER t AFTER INSERT ON audit BEGIN DELETE FROM ocs_server; END;"
refused "planted trigger" p.fedwiz "unexpected trigger 't'"

altered "DROP TABLE tick; CREATE VIEW tick AS SELECT 'imp.listener' AS item,
	NULL AS fingerprint, 'u' AS user, 't' AS time;"
refused "a view in place of a table" p.fedwiz "'tick' is a view, not a table"

altered "DROP TABLE probe"
refused "a dropped table" p.fedwiz "missing table 'probe'"

altered "CREATE INDEX by_ip ON ocs_server (ip)"
refused "an index of its own" p.fedwiz "unexpected index 'by_ip'"

altered "ALTER TABLE setting ADD COLUMN extra TEXT"
refused "a column of its own" p.fedwiz \
	"table 'setting' differs from what fedwiz made"

altered "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql =
	replace(sql, '''backup''', '''backup'', ''sideways''')
	WHERE name = 'ocs_server';"
refused "a CHECK widened in place" p.fedwiz \
	"table 'ocs_server' differs from what fedwiz made"

# The same schema in other words (case, spacing, quotes) is the same.
altered "DROP TABLE audit; CREATE TABLE \"AUDIT\" (ID integer primary key,
	time TEXT NOT NULL, [user] TEXT NOT NULL, what TEXT NOT NULL,
	old TEXT, new TEXT)"
run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 0 "the schema written differently but equal is accepted"

# Schema 1 (tests/fixtures/project-v1.sql), changed the same ways, opened
# for writing: refused before its upgrade (the trigger) or by it (the
# table), and left at schema 1 without a backup.
sqlite3 v1.fedwiz <"$top_srcdir/tests/fixtures/project-v1.sql" ||
	echo "Bail out! cannot make the schema 1 project"
v1_servers=$(sqlite3 v1.fedwiz 'SELECT count(*) FROM ocs_server')

# old DESC SQL MESSAGE
old() {
	rm -f o.fedwiz o.fedwiz*
	cp v1.fedwiz o.fedwiz
	sqlite3 o.fedwiz "$2" || echo "Bail out! sqlite3 refused: $2"
	before=$(cksum <o.fedwiz)
	run "$FEDWIZ" import o.fedwiz "$example"
	is "$STATUS" 2 "schema 1, $1: import exits 2"
	is "$(cat "$ERR")" "fedwiz: o.fedwiz: damaged or altered project: $3; restore it from a backup" \
		"schema 1, $1: says what is wrong"
	is "$(sqlite3 o.fedwiz 'PRAGMA user_version')" 1 \
		"schema 1, $1: not upgraded"
	is "$(cksum <o.fedwiz)" "$before" "schema 1, $1: the file is unchanged"
	is "$(sqlite3 o.fedwiz 'SELECT count(*) FROM ocs_server')" \
		"$v1_servers" "schema 1, $1: nothing was deleted"
	ok "schema 1, $1: no backup left" test ! -e o.fedwiz.bak-v1
}
old "planted trigger" "CREATE TRIGGER t AFTER UPDATE ON certificate BEGIN
	DELETE FROM ocs_server; END;" "unexpected trigger 't'"
old "a column of its own" "ALTER TABLE setting ADD COLUMN extra TEXT" \
	"table 'setting' differs from what fedwiz made"

rm -f o.fedwiz*
cp v1.fedwiz o.fedwiz
run "$FEDWIZ" import o.fedwiz "$example"
is "$STATUS" 0 "schema 1 as fedwiz wrote it is upgraded"
is "$(sqlite3 o.fedwiz 'PRAGMA user_version')" 5 "to schema 5"
run "$FEDWIZ" show o.fedwiz
is "$STATUS" 0 "and the upgraded file opens"

# Schema 3 (tests/fixtures/project-v3.sql, before Lync): its domains gain
# an unset Microsoft server. Its ocs_domain altered by hand (a column of
# its own) is refused by the upgrade and left at schema 3.
sqlite3 v3.fedwiz <"$top_srcdir/tests/fixtures/project-v3.sql" ||
	echo "Bail out! cannot make the schema 3 project"
rm -f o.fedwiz*
cp v3.fedwiz o.fedwiz
sqlite3 o.fedwiz "ALTER TABLE ocs_domain ADD COLUMN microsoft TEXT" ||
	echo "Bail out! sqlite3 refused the column"
before=$(cksum <o.fedwiz)
run "$FEDWIZ" show o.fedwiz
is "$STATUS" 2 "schema 3 with a microsoft column of its own: refused"
ok "... naming its upgrade's failure" grep -q "its upgrade fails" "$ERR"
is "$(cksum <o.fedwiz)" "$before" "... the file is unchanged"
ok "... no backup left" test ! -e o.fedwiz.bak-v3
rm -f o.fedwiz*
cp v3.fedwiz o.fedwiz
# Any open for writing upgrades; the tick of its one federated domain.
run "$FEDWIZ" tick o.fedwiz imp.sipfed.ocs.contoso.test
is "$STATUS" 0 "schema 3 as fedwiz wrote it is upgraded"
is "$(sqlite3 o.fedwiz 'PRAGMA user_version')" 5 "... to schema 5"
ok "... keeping its backup" test -e o.fedwiz.bak-v3
run "$FEDWIZ" export o.fedwiz
ok "... its export names no Microsoft server: OCS 2007 R2" \
	sh -c "! grep -q '^microsoft' '$OUT'"

done_testing

#!/bin/sh
# The wizard, like every command, refuses a project whose schema was
# changed behind fedwiz's back (a planted trigger): exit 2, the one-line
# reason, and the trigger never ran.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

need sqlite3

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
sqlite3 p.fedwiz "CREATE TRIGGER t AFTER INSERT ON audit BEGIN
	DELETE FROM ocs_server; END;" || echo "Bail out! cannot plant the trigger"
servers=$(sqlite3 p.fedwiz 'SELECT count(*) FROM ocs_server')
before=$(cksum <p.fedwiz)

for mode in "" "--read-only "; do
	tui_start 100x30 "\"$FEDWIZ\" ${mode}p.fedwiz 2>\"$FW_TMP/err\""
	is "$(tui_exit_status)" 2 "the wizard ${mode}exits 2"
	is "$(cat err)" "fedwiz: p.fedwiz: damaged or altered project: unexpected trigger 't'; restore it from a backup" \
		"the wizard ${mode}says what is wrong"
done
is "$(cksum <p.fedwiz)" "$before" "the file is unchanged"
is "$(sqlite3 p.fedwiz 'SELECT count(*) FROM ocs_server')" "$servers" \
	"the trigger never ran"

done_testing

#!/bin/sh
# Something that is not a fedwiz project (a text file, another
# application's SQLite database, a directory, an unreadable file): one-line
# error, exit 2, and the file is not modified.
. "${top_srcdir:-.}/tests/lib.sh"

example=$top_srcdir/data/example.answers

sum() {
	if [ -d "$1" ]; then
		ls -la "$1" | cksum
	else
		cksum <"$1"
	fi
}

# refused WHAT FILE: every command that opens a project refuses FILE.
refused() {
	before=$(sum "$2")
	for c in show export "import"; do
		if [ "$c" = import ]; then
			run "$FEDWIZ" import "$2" "$example"
		else
			run "$FEDWIZ" "$c" "$2"
		fi
		is "$STATUS" 2 "$1: $c exits 2"
		is "$(wc -l <"$ERR" | tr -d ' ')" 1 "$1: $c prints one line"
		ok "$1: $c names the file" grep -q "^fedwiz: $2: " "$ERR"
		ok "$1: $c writes nothing on stdout" test ! -s "$OUT"
	done
	is "$(sum "$2")" "$before" "$1: left unmodified"
	ok "$1: no lock file left" test ! -e "$2.lock"
	ok "$1: no WAL file made" test ! -e "$2-wal"
}

printf 'hello\nworld\n' >text.fedwiz
refused "text file" text.fedwiz

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 other.db 'CREATE TABLE t (a); INSERT INTO t VALUES (1);'
	refused "another application's SQLite database" other.db
else
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n # SKIP no sqlite3 command for the foreign database"
fi

mkdir dir.fedwiz
refused "directory" dir.fedwiz

run "$FEDWIZ" init text.fedwiz
is "$STATUS" 2 "init over an existing file exits 2"
is "$(cksum <text.fedwiz)" "$(printf 'hello\nworld\n' | cksum)" \
	"init leaves the existing file untouched"

# Unreadable: mode 000 means nothing to root, so as root the case runs as
# nobody through setpriv, and is skipped only when that is impossible.
printf 'secret\n' >unreadable.fedwiz
chmod 000 unreadable.fedwiz
if [ "$(id -u)" -ne 0 ]; then
	refused "unreadable file" unreadable.fedwiz
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$FEDWIZ" \
    --version >/dev/null 2>&1; then
	chmod 711 "$FW_TMP"
	before=$(cksum <unreadable.fedwiz)
	for c in show export; do
		run setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"$FEDWIZ" "$c" "$FW_TMP/unreadable.fedwiz"
		is "$STATUS" 2 "unreadable file (as nobody): $c exits 2"
		is "$(wc -l <"$ERR" | tr -d ' ')" 1 \
			"unreadable file (as nobody): $c prints one line"
		ok "unreadable file (as nobody): $c says why" \
			grep -q 'Permission denied' "$ERR"
	done
	is "$(cksum <unreadable.fedwiz)" "$before" "unreadable file: unmodified"
	chmod 700 "$FW_TMP"
else
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n # SKIP unreadable file: root without a usable setpriv"
fi

done_testing

#!/bin/sh
# A project on a network filesystem (here FUSE, as sshfs is, through a
# bindfs mount) uses SQLite's rollback journal, not WAL, whose shared
# memory works on one host only, and says so once.
. "${top_srcdir:-.}/tests/lib.sh"

command -v bindfs >/dev/null 2>&1 || skip_all "bindfs is not installed"
[ -c /dev/fuse ] || skip_all "no /dev/fuse on this machine"
mkdir src mnt
bindfs src mnt 2>err.txt || skip_all "bindfs cannot mount here: $(cat err.txt)"
trap 'fusermount -u "$FW_TMP/mnt" 2>/dev/null; cd / && rm -rf "$FW_TMP"' EXIT
is "$(stat -f -c %t mnt)" 65735546 "the folder is on FUSE"

run "$FEDWIZ" init mnt/p.fedwiz --answers "$top_srcdir/data/example.answers"
is "$STATUS" 0 "init on the network filesystem works"
ok "it says the journal is not WAL" \
	grep -q "^fedwiz: mnt/p.fedwiz is on a network filesystem: using rollback journal" "$ERR"
is "$(grep -c 'network filesystem' "$ERR")" 1 "... once"
is "$(sqlite3 mnt/p.fedwiz 'PRAGMA journal_mode')" delete \
	"the file's journal mode is DELETE"
ok "no -wal file beside it" test ! -e mnt/p.fedwiz-wal
run "$FEDWIZ" export mnt/p.fedwiz
is "$STATUS" 0 "it reads back"
ok "with its answers" grep -q '^\[imp_node\]' "$OUT"

# The same on a local folder: WAL, and no notice.
run "$FEDWIZ" init local.fedwiz --answers "$top_srcdir/data/example.answers"
is "$(sqlite3 local.fedwiz 'PRAGMA journal_mode')" wal "a local project uses WAL"
ok "without the notice" sh -c "! grep -q 'network filesystem' '$ERR'"

done_testing

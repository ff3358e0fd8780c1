#!/bin/sh
# -o FILE of export and checklist: never the project itself or one of its
# files, however named (exit 2, one line, the project intact); a FIFO or a
# character device is written through, never replaced; a directory, a
# socket or a link to nothing is refused; a symbolic link keeps pointing
# to its target, which gets the output.
. "${top_srcdir:-.}/tests/lib.sh"

need python3
need timeout

fixtures=$top_srcdir/tests/fixtures
SOURCE_DATE_EPOCH=1764000000
export SOURCE_DATE_EPOCH

run "$FEDWIZ" init p.fedwiz --answers "$fixtures/tls-enterprise.answers"
is "$STATUS" 0 "init a project"
cp p.fedwiz saved.fedwiz
"$FEDWIZ" export p.fedwiz >expected.answers
"$FEDWIZ" checklist p.fedwiz >expected.txt

# One line on stderr, exit 2, the project byte for byte as it was and
# still a project.
refused() {
	what=$1
	is "$STATUS" 2 "$what: exits 2"
	is "$(wc -l <"$ERR" | tr -d ' ')" 1 "$what: one line"
	ok "$what: says it is the project" grep -q "is the project p.fedwiz" "$ERR"
	ok "$what: the project is intact" cmp -s p.fedwiz saved.fedwiz
	run "$FEDWIZ" show p.fedwiz
	is "$STATUS" 0 "$what: still a project"
}

mkdir sub
ln p.fedwiz hard.fedwiz
ln -s p.fedwiz sym.fedwiz
ln -s "$FW_TMP" dirlink
for cmd in export checklist; do
	for out in p.fedwiz ./p.fedwiz "$FW_TMP/p.fedwiz" sub/../p.fedwiz \
	    dirlink/p.fedwiz hard.fedwiz sym.fedwiz p.fedwiz-wal \
	    p.fedwiz-shm p.fedwiz-journal p.fedwiz.lock p.fedwiz.bak-v1 \
	    sub/../p.fedwiz-wal; do
		run "$FEDWIZ" "$cmd" p.fedwiz -o "$out"
		refused "$cmd -o $out"
	done
done
ok "nothing was created beside the project" \
    test "$(ls | grep -c '^p\.fedwiz.')" -eq 0

# A hard link to a file of the project under a name of its own.
cp p.fedwiz p.fedwiz.bak-v1
ln p.fedwiz.bak-v1 old-backup
run "$FEDWIZ" export p.fedwiz -o old-backup
refused "export -o a hard link to the project's .bak-v1"
ok "... which is intact" cmp -s p.fedwiz.bak-v1 saved.fedwiz
rm -f p.fedwiz.bak-v1 old-backup

# --print without a print system writes to -o: the same check.
mkdir nolp
run env PATH="$FW_TMP/nolp" "$FEDWIZ" checklist p.fedwiz --print -o hard.fedwiz
refused "checklist --print -o a hard link to the project"

# Standard output appended to the project.
STATUS=0
"$FEDWIZ" checklist p.fedwiz >>p.fedwiz 2>"$ERR" || STATUS=$?
refused "checklist >>PROJECT"

# A name like the project's that is none of its files is written.
run "$FEDWIZ" export p.fedwiz -o p.fedwiz.bak-vx
is "$STATUS" 0 "-o p.fedwiz.bak-vx (no backup name) exits 0"
ok "... and is written" cmp -s p.fedwiz.bak-vx expected.answers

# A FIFO: written through, still a FIFO after.
mkfifo fifo
for what in checklist:expected.txt export:expected.answers; do
	timeout 30 cat fifo >fifo.got &
	reader=$!
	run timeout 30 "$FEDWIZ" "${what%%:*}" p.fedwiz -o fifo
	is "$STATUS" 0 "${what%%:*} -o FIFO exits 0"
	wait "$reader"
	ok "... the reader got it all" cmp -s fifo.got "${what#*:}"
	ok "... and the FIFO is still a FIFO" test -p fifo
done

# /dev/null: as root a rename would make it a regular file for everyone.
if [ "$(id -u)" -eq 0 ]; then
	before=$(stat -c '%F %a %t:%T' /dev/null)
	run "$FEDWIZ" checklist p.fedwiz --format html -o /dev/null
	is "$STATUS" 0 "checklist -o /dev/null exits 0"
	run "$FEDWIZ" export p.fedwiz -o /dev/null
	is "$STATUS" 0 "export -o /dev/null exits 0"
	is "$(stat -c '%F %a %t:%T' /dev/null)" "$before" \
	    "/dev/null is still the character device it was"
	ok "no temporary file left in /dev" \
	    test -z "$(ls -a /dev | grep '^null\.tmp-')"
else
	for i in 1 2 3 4; do
		echo "ok $((_tap_n + i)) # SKIP /dev/null: only as root"
	done
	_tap_n=$((_tap_n + 4))
fi

# Refused: a directory, a socket, a link to nothing.
run "$FEDWIZ" export p.fedwiz -o sub
is "$STATUS" 2 "-o DIRECTORY exits 2"
is "$(wc -l <"$ERR" | tr -d ' ')" 1 "... with one line"
ok "... saying it is a directory" grep -q "sub: is a directory" "$ERR"
ok "... and the directory is left as it was" test -d sub
python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock
run "$FEDWIZ" checklist p.fedwiz -o sock
is "$STATUS" 2 "-o SOCKET exits 2"
is "$(wc -l <"$ERR" | tr -d ' ')" 1 "... with one line"
ok "... naming it" grep -q "sock: neither a regular file" "$ERR"
ok "... and the socket is left as it was" test -S sock
ln -s nowhere dangling
run "$FEDWIZ" export p.fedwiz -o dangling
is "$STATUS" 2 "-o a symbolic link to nothing exits 2"
ok "... saying so" grep -q "dangling: a symbolic link to a file that does not exist" "$ERR"
ok "... and nothing is created" test ! -e nowhere

# A symbolic link: its target is replaced, atomically, in its own folder.
mkdir elsewhere
echo old >elsewhere/target.txt
ln -s elsewhere/target.txt link.txt
run "$FEDWIZ" checklist p.fedwiz -o link.txt
is "$STATUS" 0 "-o a symbolic link exits 0"
ok "the link is still a link" test -L link.txt
is "$(readlink link.txt)" elsewhere/target.txt "... to the same target"
ok "the target holds the checklist" cmp -s elsewhere/target.txt expected.txt
is "$(stat -c %a elsewhere/target.txt)" 600 "... with mode 0600"
ok "no temporary file is left" test "$(ls elsewhere | wc -l)" -eq 1

done_testing

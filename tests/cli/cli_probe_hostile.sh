#!/bin/sh
# fedwiz probe against hostile peers on loopback (issue 14): a SIP peer
# whose reason phrase or Server header starts with a NUL byte, one that
# answers nothing but 100 Trying, 10,000 times, and a TLS peer whose
# certificate names hold terminal control sequences. Each run must end
# normally with one clean line per result, store clean text, and leave
# no lock or SQLite journal behind.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/peers.sh"

need socat openssl sqlite3 python3
# No CA for the hostile certificate's side: its names are what is tested.
PROJECT_CA=

# clean FILE: no byte a terminal acts on (C0 but newline, DEL, C1) and
# nothing that is not UTF-8.
clean() {
	python3 -c 'import sys
t = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(any((ord(c) < 32 and c != "\n") or 0x7f <= ord(c) < 0xa0
    for c in t))' "$1"
}

# no_leftovers PROJECT: neither the lock nor a journal remains.
no_leftovers() {
	test ! -e "$1.lock" && test ! -e "$1-wal" && test ! -e "$1-shm"
}

bees=$(printf '%0199d' 0 | tr 0 B)
cees=$(printf '%0200d' 0 | tr 0 C)
cees=${cees%C}

# A NUL starting the reason phrase, then 199 bytes.
free_port preason
start_script_peer reason "$preason" reason
make_project reason.fedwiz tcp "$preason"
run "$FEDWIZ" probe reason.fedwiz --timeout 10
is "$STATUS" 0 "NUL in the reason phrase: exit 0 (it is a 200)"
ok "one clean line: the NUL shown as ?, the reason kept to 200 bytes" \
	grep -qx "  ok   sip       200 ?$bees over TCP" "$OUT"
ok "nothing on standard error" test ! -s "$ERR"
ok "no control or stray bytes in the report" clean "$OUT"
is "$(sqlite3 reason.fedwiz "SELECT summary FROM probe WHERE kind = 'sip'")" \
	"200 ?$bees over TCP" "the stored summary is that clean line"
is "$(sqlite3 reason.fedwiz "SELECT length(CAST(summary AS BLOB)) || ' ' ||
	instr(CAST(summary AS BLOB), x'00') FROM probe")" "213 0" \
	"213 bytes, no NUL among them"
ok "no lock, -wal or -shm left behind" no_leftovers reason.fedwiz

# A NUL starting the Server header.
free_port pserver
start_script_peer server "$pserver" server
make_project server.fedwiz tcp "$pserver"
run "$FEDWIZ" probe server.fedwiz --timeout 10
is "$STATUS" 0 "NUL in the Server header: exit 0"
ok "the result line is 200 OK" \
	grep -qx "  ok   sip       200 OK over TCP" "$OUT"
ok "the Server header shown cleaned and cut at 200 bytes" grep -qx \
	" *round trip [0-9]* ms; Server: ?$cees" "$OUT"
ok "no control or stray bytes in the report" clean "$OUT"
is "$(sqlite3 server.fedwiz "SELECT instr(CAST(detail AS BLOB), x'00') ||
	' ' || substr(detail, instr(detail, 'Server: '))
	FROM probe WHERE kind = 'sip'")" "0 Server: ?$cees" \
	"the stored detail holds the same clean text"
ok "no lock, -wal or -shm left behind" no_leftovers server.fedwiz

# 10,000 provisional answers and never a final one.
free_port ptrying
start_script_peer trying "$ptrying" trying
make_project trying.fedwiz tcp "$ptrying"
run "$FEDWIZ" probe trying.fedwiz --timeout 10
is "$STATUS" 1 "10,000 100 Trying: exit 1"
ok "too many provisional responses, in one line" grep -qx \
	"  FAIL sip       no answer to OPTIONS over TCP: too many provisional responses: more than 20 before a final answer" \
	"$OUT"
is "$(sqlite3 trying.fedwiz "SELECT ok || ' ' || summary FROM probe")" \
	"0 no answer to OPTIONS over TCP: too many provisional responses: more than 20 before a final answer" \
	"the failure is stored as such"
ok "no lock, -wal or -shm left behind" no_leftovers trying.fedwiz

# TLS: a certificate whose CN holds a C1 control (U+009B, CSI; OpenSSL
# prints the name as UTF-8) and whose SAN holds ESC [2J, in front of the
# NUL reason phrase.
openssl req -x509 -newkey rsa:2048 -nodes -keyout evil.key -out evil.pem \
    -days 2 -utf8 -subj "/CN=$(printf 'fe1\302\2332J')" \
    -addext "subjectAltName=DNS:fe1.ocs.test,DNS:$(printf 'a\033')[2Jb" \
    2>/dev/null || { echo "Bail out! cannot make the hostile certificate"; exit 1; }
free_port ptls
start_peer tls "$ptls" socat \
    "OPENSSL-LISTEN:$ptls,bind=127.0.0.1,reuseaddr,fork,cert=evil.pem,key=evil.key,verify=0" \
    "TCP:127.0.0.1:$preason"
make_project tls.fedwiz tls "$ptls"
run "$FEDWIZ" probe tls.fedwiz --timeout 10
is "$STATUS" 1 "hostile certificate: exit 1 (it lacks the EKUs)"
ok "the SIP answer over TLS is the same clean line" grep -qx \
	"  ok   sip       200 ?$bees over TLS 1\.[23]" "$OUT"
ok "the certificate's CN is shown with its control escaped" \
	grep -qF 'certificate CN=fe1\u009B2J, issued by CN=fe1\u009B2J,' "$OUT"
ok "no control or stray bytes in the report" clean "$OUT"
is "$(sqlite3 tls.fedwiz "SELECT count(*) FROM probe WHERE
	instr(summary, char(27)) + instr(summary, char(155)) +
	instr(coalesce(detail, ''), char(27)) +
	instr(coalesce(detail, ''), char(155)) > 0")" 0 \
	"no stored result holds ESC or CSI"
ok "no lock, -wal or -shm left behind" no_leftovers tls.fedwiz

done_testing

#!/bin/sh
# fedwiz probe against real TLS peers on loopback: gnutls-serv offering
# only 3DES (accepts 0x000A; OpenSSL here cannot finish), openssl s_server
# (refuses 0x000A, finishes a modern handshake), with certificates made now:
# good, missing Client Authentication, expired; mutual TLS.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/peers.sh"

need gnutls-serv openssl sqlite3
sh "$top_srcdir/tests/certs.sh" certs ||
    { echo "Bail out! cannot make test certificates"; exit 1; }

# --- gnutls-serv: 3DES only, the good certificate ---
free_port p3des
start_peer gnutls "$p3des" gnutls-serv --x509certfile certs/both.pem \
    --x509keyfile certs/both.key -p "$p3des" \
    --priority 'NONE:+VERS-TLS1.2:+3DES-CBC:+RSA:+SHA1:+COMP-NULL:+SIGN-ALL'
make_project des.fedwiz tls "$p3des"
run "$FEDWIZ" probe des.fedwiz --timeout 10
is "$STATUS" 1 "3DES-only peer: exit 1 (OpenSSL cannot finish)"
ok "it is reported by its FQDN and port" \
	grep -q "^fe1.ocs.test (127.0.0.1) port $p3des TLS: OCS next hop for ocs.example.com" "$OUT"
ok "the peer accepts 0x000A with TLS 1.2" grep -q \
	'^  ok   tls-3des  accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A) with TLS 1.2$' "$OUT"
ok "OpenSSL's handshake fails" grep -q '^  FAIL tls       no TLS handshake' "$OUT"
ok "and says why: the peer offers 3DES, which OpenSSL lacks" \
	grep -q "the peer accepts 3DES, which Debian's OpenSSL lacks" "$OUT"
ok "the report says what the probe lowered" \
	grep -q 'allowed TLS 1.0 and OpenSSL security level 0' "$OUT"
ok "the chain read from the clear-text Certificate message is shown" \
	grep -q 'certificate CN=fe1.ocs.test, issued by CN=fedwiz test CA' "$OUT"
ok "and judged good" grep -q \
	"^  ok   cert      the presented certificate meets the guide's rules" "$OUT"
ok "chained to the project's OCS CA" grep -q "chains to the project's CA" "$OUT"
run env COLUMNS=80 "$FEDWIZ" probe des.fedwiz --timeout 10
ok "with COLUMNS=80 every line fits 80 columns" \
	sh -c "! awk 'length > 79' '$OUT' | grep -q ."
ok "wrapped lines continue in the text column" \
	grep -q '^                 [a-z(]' "$OUT"
is "$(sqlite3 des.fedwiz "SELECT ok FROM probe WHERE port = $p3des AND kind = 'tls-3des'")" \
	1 "the 3DES result is stored in the project"
is "$(sqlite3 des.fedwiz "SELECT count(*) FROM probe")" 4 \
	"one stored result per check"

# --- openssl s_server: no 3DES, missing Client Authentication EKU ---
free_port pmod
start_peer sserver "$pmod" openssl s_server -quiet -accept "127.0.0.1:$pmod" \
    -cert certs/server.pem -key certs/server.key
make_project mod.fedwiz tls "$pmod"
run "$FEDWIZ" probe mod.fedwiz --timeout 10
is "$STATUS" 1 "modern peer with a bad certificate: exit 1"
ok "0x000A refused with an alert, TLS 1.2 and TLS 1.0" sh -c \
	"grep -q 'refuses TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A) offered with TLS 1.2: alert handshake failure (40)' '$OUT' &&
	 grep -q 'offered with TLS 1.0: alert handshake failure (40)' '$OUT'"
ok "a modern handshake completes" grep -q '^  ok   tls       TLS 1\.[23], ' "$OUT"
ok "the missing Client Authentication EKU is a problem" grep -q \
	'error: the presented certificate lacks Client Authentication' "$OUT"
ok "so the cert check fails" grep -q '^  FAIL cert      1 problem' "$OUT"
kill "$pid_sserver"

# --- expired certificate ---
free_port pexp
start_peer expired "$pexp" openssl s_server -quiet -accept "127.0.0.1:$pexp" \
    -cert certs/expired.pem -key certs/expired.key
make_project exp.fedwiz tls "$pexp"
run "$FEDWIZ" probe exp.fedwiz --timeout 10
ok "an expired certificate is reported with its date" \
	grep -q 'error: the presented certificate expired on 2020-01-01 00:00:00 UTC' "$OUT"
ok "and fails the cert check" grep -q '^  FAIL cert' "$OUT"

# --- no CA in the project ---
PROJECT_CA= make_project noca.fedwiz tls "$pexp"
run "$FEDWIZ" probe noca.fedwiz --timeout 10
ok "without a CA in the project the chain is not checked, and said so" \
	grep -q 'chain not checked: the project holds no CA' "$OUT"
kill "$pid_expired"

# --- a server with a CA of its own: its chain is checked against that one
# (Fabrikam's intermediate and root), not the project-wide CA ---
free_port pown
start_peer own "$pown" openssl s_server -quiet -accept "127.0.0.1:$pown" \
    -cert certs/fe9.pem -key certs/fe9.key
cat >own.answers <<EOF
[deployment]
transport = tls
next_hop_port = $pown
[imp_domain]
name = cup.example.com
[ocs_domain]
name = lync.fabrikam.test
[ocs_server]
fqdn = fe9.lync.fabrikam.test
ip = 127.0.0.1
domain = lync.fabrikam.test
ocs_ca = certs/fabrikam-ca.pem
[certificates]
ocs_ca = certs/ca.pem
EOF
"$FEDWIZ" init own.fedwiz --answers own.answers ||
	echo "Bail out! cannot create project own.fedwiz"
run "$FEDWIZ" probe own.fedwiz --timeout 10
ok "a server's own CA is the one its chain is checked against" \
	grep -q "chains to the project's CA" "$OUT"
kill "$pid_own"

# --- mutual TLS: a server that asks for a client certificate ---
free_port pmtls
start_peer mtls "$pmtls" openssl s_server -quiet -accept "127.0.0.1:$pmtls" \
    -cert certs/both.pem -key certs/both.key -verify 1 -CAfile certs/ca.pem
make_project mtls.fedwiz tls "$pmtls"
run "$FEDWIZ" probe mtls.fedwiz --timeout 10
ok "the request for a client certificate is reported" grep -q \
	'the peer asked for a client certificate; give one with --client-cert' "$OUT"
run "$FEDWIZ" probe mtls.fedwiz --timeout 10 --client-cert certs/client.pem \
    --client-key certs/client.key
ok "with --client-cert/--client-key it is sent" grep -q \
	'the one given was sent (mutual TLS)' "$OUT"
ok "and the server verified it" grep -q '^depth=0 CN = fe1.ocs.test' mtls.log
ok "the private key is not in the project" sh -c \
	"! grep -a -q 'PRIVATE KEY' mtls.fedwiz &&
	 ! grep -a -q -F \"\$(sed -n 2p certs/client.key)\" mtls.fedwiz"

run "$FEDWIZ" probe mtls.fedwiz --client-cert certs/client.pem \
    --client-key certs/other-ca.key
is "$STATUS" 2 "a key of another certificate: exit 2"
ok "says so" grep -q '^fedwiz: certs/other-ca.key: this key does not belong' "$ERR"
run "$FEDWIZ" probe mtls.fedwiz --client-cert certs/client.pem \
    --client-key certs/client.pem
is "$STATUS" 2 "a certificate given as key: exit 2"
ok "says so" grep -q '^fedwiz: certs/client.pem: not an unencrypted PEM private key' "$ERR"
openssl pkey -in certs/client.key -aes256 -passout pass:secret -out enc.key
run "$FEDWIZ" probe mtls.fedwiz --client-cert certs/client.pem --client-key enc.key
is "$STATUS" 2 "an encrypted key is refused, not prompted for"

done_testing

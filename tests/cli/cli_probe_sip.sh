#!/bin/sh
# fedwiz probe, SIP side, against real peers on loopback: SIPp answering
# OPTIONS over TCP, and over TLS behind socat (Debian's SIPp is built
# without TLS); a closed port; a silent listener (timeout); a reset;
# Ctrl-C in the middle of a run; usage errors.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/peers.sh"

need sipp socat openssl sqlite3 python3
sh "$top_srcdir/tests/certs.sh" certs ||
    { echo "Bail out! cannot make test certificates"; exit 1; }

# sipp: -aa answers OPTIONS with 200 OK; its control (UDP) and media ports
# are moved off the defaults so concurrent runs do not collide.
free_port psip
start_peer sipp "$psip" sipp -sn uas -aa -t t1 -p "$psip" -i 127.0.0.1 \
    -bind_local -mi 127.0.0.1 -cp "$psip" -mp "$((psip + 1))" -nostdin \
    -trace_msg -message_file sipp-messages.log

make_project tcp.fedwiz tcp "$psip"
run "$FEDWIZ" probe tcp.fedwiz --only fe1.ocs.test --timeout 10
is "$STATUS" 0 "SIPp over TCP: exit 0"
ok "200 OK over TCP" grep -q '^  ok   sip       200 OK over TCP$' "$OUT"
ok "with the round-trip time" grep -q '^ *round trip [0-9]* ms' "$OUT"
ok "TCP next hops get no TLS checks" sh -c "! grep -q tls-3des '$OUT'"
ok "SIPp got OPTIONS from the IM&P domain" \
	grep -q '^From: <sip:fedwiz@cup.example.com>;tag=' sipp-messages.log
ok "to the OCS domain" grep -q '^To: <sip:ocs.example.com>' sipp-messages.log
ok "with a Via branch from RFC 3261" \
	grep -q '^Via: SIP/2.0/TCP 127.0.0.1:[0-9]*;branch=z9hG4bK[0-9a-f]\{32\};rport' sipp-messages.log
ok "and Max-Forwards, CSeq" sh -c \
	"grep -q '^Max-Forwards: 70' sipp-messages.log && grep -q '^CSeq: 1 OPTIONS' sipp-messages.log"
is "$(sqlite3 tcp.fedwiz "SELECT summary FROM probe WHERE kind = 'sip'")" \
	"200 OK over TCP" "the SIP result is stored"
run "$FEDWIZ" show tcp.fedwiz
ok "show gives it as the checklist will" grep -q \
	"^  fe1.ocs.test:$psip sip      verified 20[0-9-]* [0-9:]*: 200 OK over TCP$" "$OUT"
run "$FEDWIZ" checklist tcp.fedwiz
ok "the checklist's Verify section shows the probe result" grep -q \
	"^    - fedwiz probe, sip port $psip: verified [0-9-]* [0-9:]*: 200 OK over TCP" \
	"$OUT"

# SIP over TLS: socat terminates TLS (good certificate) in front of SIPp.
free_port ptls
start_peer socat "$ptls" socat \
    "OPENSSL-LISTEN:$ptls,bind=127.0.0.1,reuseaddr,fork,cert=certs/both.pem,key=certs/both.key,verify=0" \
    "TCP:127.0.0.1:$psip"
free_port pclosed
make_project tls.fedwiz tls "$ptls" "$pclosed"
run "$FEDWIZ" probe tls.fedwiz --timeout 10
is "$STATUS" 1 "TLS next hop fine, IM&P node closed: exit 1"
ok "200 OK over TLS" grep -q '^  ok   sip       200 OK over TLS 1\.[23]$' "$OUT"
ok "the closed Peer Auth port is reported as refused" grep -q \
	"^  FAIL tls-3des  no answer to a TLS 1.2 ClientHello offering 0x000A: connection refused" "$OUT"
ok "for the TLS handshake too" grep -q \
	'^  FAIL tls       no TLS handshake: connection refused' "$OUT"
ok "the IM&P node is named as such" grep -q \
	"^cup1.example.com (127.0.0.1) port $pclosed TLS: IM and Presence Peer Auth listener" "$OUT"
is "$(sqlite3 tls.fedwiz "SELECT count(*) FROM probe")" 8 \
	"four checks for each of the two hosts are stored"
run "$FEDWIZ" checklist tls.fedwiz
is "$(grep -c "^    - fedwiz probe, [a-z0-9-]* port $pclosed: " "$OUT")" 4 \
	"the checklist shows each of a host's four results, not the last alone"

run "$FEDWIZ" probe tls.fedwiz --only cup1.example.com --timeout 10
ok "--only probes just that host" sh -c \
	"! grep -q '^fe1.ocs.test' '$OUT' && grep -q '^cup1.example.com' '$OUT'"

# A closed port over TCP.
make_project closed.fedwiz tcp "$pclosed"
run "$FEDWIZ" probe closed.fedwiz --only fe1.ocs.test
is "$STATUS" 1 "closed port: exit 1"
ok "reported as refused" grep -q \
	'^  FAIL sip       no TCP connection: connection refused' "$OUT"

# A listener that accepts and never answers: the timeout path.
free_port psilent
start_peer silent "$psilent" socat -u \
    "TCP-LISTEN:$psilent,bind=127.0.0.1,reuseaddr,fork" OPEN:/dev/null
make_project silent.fedwiz tcp "$psilent"
t0=$(date +%s)
run "$FEDWIZ" probe silent.fedwiz --only fe1.ocs.test --timeout 1
t1=$(date +%s)
is "$STATUS" 1 "silent peer: exit 1"
ok "reported as a timeout" grep -q \
	'^  FAIL sip       no answer to OPTIONS over TCP: no answer before the timeout' "$OUT"
ok "after about --timeout 1 ($((t1 - t0)) s)" test $((t1 - t0)) -le 3

# A listener that reads the request and resets the connection.
free_port preset
start_script_peer reset "$preset" reset
make_project reset.fedwiz tcp "$preset"
run "$FEDWIZ" probe reset.fedwiz --only fe1.ocs.test --timeout 10
is "$STATUS" 1 "reset: exit 1"
ok "reported as a reset" grep -q \
	'^  FAIL sip       no answer to OPTIONS over TCP: connection reset by the peer' "$OUT"

# Ctrl-C: the OCS next hop (closed) is done, the IM&P node (silent) hangs.
make_project stop.fedwiz tls "$pclosed" "$psilent"
"$FEDWIZ" probe stop.fedwiz --timeout 60 >stop.out 2>stop.err &
probe_pid=$!
i=0
while [ "$(sqlite3 stop.fedwiz 'SELECT count(*) FROM probe' 2>/dev/null)" != 4 ]; do
	i=$((i + 1))
	[ "$i" -gt 100 ] && break
	sleep 0.1
done
t0=$(date +%s)
kill -INT "$probe_pid"
status=0
wait "$probe_pid" || status=$?
t1=$(date +%s)
is "$status" 1 "Ctrl-C: exit 1"
[ "$status" = 1 ] || diag "its stderr: $(cat stop.err)" \
	"rows when it was stopped: $(sqlite3 stop.fedwiz 'SELECT count(*) FROM probe' 2>&1)"
ok "the run stops at once ($((t1 - t0)) s)" test $((t1 - t0)) -le 2
ok "says it was stopped" grep -q '^Stopped by Ctrl-C: 4 results saved so far.' stop.out
is "$(sqlite3 stop.fedwiz "SELECT count(*) FROM probe WHERE port = $pclosed")" 4 \
	"the results found before are saved"
is "$(sqlite3 stop.fedwiz "SELECT count(*) FROM probe WHERE port = $psilent")" 0 \
	"the interrupted check is not recorded as a result"
ok "the project is not left locked" test ! -e stop.fedwiz.lock

# Usage errors.
run "$FEDWIZ" probe tcp.fedwiz --timeout 0
is "$STATUS" 2 "--timeout 0: exit 2"
ok "names the option" grep -q "^fedwiz probe: --timeout '0'" "$ERR"
run "$FEDWIZ" probe tcp.fedwiz --only www.example.org
is "$STATUS" 2 "--only a host not in the project: exit 2"
ok "says only project hosts are probed" grep -q \
	'^fedwiz: www.example.org: not an OCS server or IM and Presence node of this project' "$ERR"
run "$FEDWIZ" probe tcp.fedwiz --client-cert client.pem
is "$STATUS" 2 "--client-cert without --client-key: exit 2"
run "$FEDWIZ" probe
is "$STATUS" 2 "no PROJECT: exit 2"
run "$FEDWIZ" probe --help
ok "--help shows the options" grep -q -- '--client-key FILE' "$OUT"

done_testing

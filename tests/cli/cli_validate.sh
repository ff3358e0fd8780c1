#!/bin/sh
# fedwiz validate: the example offline (golden file), faults the rules
# find, DNS on loopback and .invalid names, certificates from the answers,
# usage errors.
. "${top_srcdir:-.}/tests/lib.sh"

run "$FEDWIZ" init ex.fedwiz --answers "$top_srcdir/data/example.answers"
is "$STATUS" 0 "init from the example"
run "$FEDWIZ" validate ex.fedwiz --offline
is "$STATUS" 0 "the example: no errors offline, exit 0"
is_file "$OUT" "$top_srcdir/tests/cli/validate-example.out" \
	"the example's findings, sorted and stable (golden file)"
ok "nothing on stderr" test ! -s "$ERR"

# A deployment with faults: TCP, so no certificates are involved.
cat >bad.answers <<'ANS'
[deployment]
name = faults
transport = tcp
ocs_edition = standard
peer_auth_port = 5062
server_auth_port = 5061

[imp_domain]
name = example.com

[imp_node]
fqdn = localhost
ip = 127.0.0.1

[imp_node]
fqdn = cup2.fedwiz-test.invalid
ip = 192.0.2.12

[ocs_domain]
name = example.com

[ocs_domain]
name = ocs.example.com

[ocs_server]
fqdn = localhost.localdomain.fedwiz-test.invalid
ip = 198.51.100.21
domain = ocs.example.com
route = backup
ANS
run "$FEDWIZ" init bad.fedwiz --answers bad.answers
is "$STATUS" 0 "init from answers with rule faults (syntax is fine)"
run "$FEDWIZ" validate bad.fedwiz --offline
is "$STATUS" 1 "errors: exit 1"
for want in \
 '^error: step 1 (Federated domains): ocs_domain: example.com is both an IM and Presence domain and an OCS domain' \
 '^error: step 2 (IM&P static routes): ocs_server: OCS domain example.com has no static route; .*(destination pattern \.com\.example\.\*)$' \
 '^error: step 2 (IM&P static routes): ocs_server: OCS domain ocs.example.com has backup routes but no primary' \
 '^error: step 4 (Peer Auth listener): peer_auth_port: the Peer Auth listener is on port 5062; the guide requires 5061' \
 '^error: step 4 (Peer Auth listener): server_auth_port: the Server Auth listener is on 5061.* to 5063'; do
	ok "finds: $want" grep -q "$want" "$OUT"
done
ok "offline: no DNS finding" sh -c "! grep -q 'resolve' '$OUT'"
ok "TCP: no certificate or TLS context finding" \
	sh -c "! grep -q -e 'step 6' -e 'step 9' '$OUT'"
errors=$(grep -c '^error: ' "$OUT")
is "$(tail -n 1 "$OUT")" "errors: $errors, warnings: 0, info: 0" \
	"the last line counts them"
steps=$(grep -o '^[a-z]*: step [0-9]' "$OUT" | sed 's/.* //' | tr -d '\n')
is "$steps" "$(echo "$steps" | fold -w1 | sort -n | tr -d '\n')" \
	"findings sorted by step"

# DNS, no network needed: localhost is 127.0.0.1; .invalid never resolves.
run "$FEDWIZ" validate bad.fedwiz --dns-timeout 2
is "$STATUS" 1 "online: exit 1"
ok "localhost matching 127.0.0.1: no DNS finding for it" \
	sh -c "! grep -q 'imp_node: localhost ' '$OUT'"
ok ".invalid node: does not resolve (error)" grep -q \
	'^error: step 0 (Deployment): imp_node: cup2.fedwiz-test.invalid does not resolve from this host' "$OUT"
ok ".invalid server: does not resolve (error)" grep -q \
	'^error: step 2 (IM&P static routes): ocs_server: localhost.localdomain.fedwiz-test.invalid does not resolve' "$OUT"
ok "nothing left resolving" sh -c "! grep -q 'resolving' '$OUT'"
ok "an OCS address without a PTR record: a warning" grep -q \
	'^warning: step 2 (IM&P static routes): ocs_server: 198\.51\.100\.21 (localhost\.localdomain\.fedwiz-test\.invalid) has no reverse DNS (PTR) record' "$OUT"

sed 's/^ip = 127.0.0.1$/ip = 192.0.2.200/' bad.answers >moved.answers
"$FEDWIZ" init moved.fedwiz --answers moved.answers
run "$FEDWIZ" validate moved.fedwiz
ok "localhost entered as 192.0.2.200: a warning naming both addresses" \
	grep -q '^warning: step 0 (Deployment): imp_node: localhost resolves to .*127\.0\.0\.1.* but 192\.0\.2\.200 was entered' "$OUT"

# Certificates from the answers file (TLS).
sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; exit 1; }
sed -e 's/^transport = tcp/transport = tls/' \
    -e 's/^peer_auth_port = 5062/peer_auth_port = 5061/' \
    -e 's/^server_auth_port = 5061/server_auth_port = 5062/' bad.answers \
    >tls.answers
cat >>tls.answers <<'ANS'

[certificates]
ocs_ca = certs/ca.pem
ocs_cert = certs/server.pem
imp_ca = certs/ca.pem
imp_cert = certs/expired.pem
ANS
run "$FEDWIZ" init tls.fedwiz --answers tls.answers
is "$STATUS" 0 "init with certificates"
run "$FEDWIZ" validate tls.fedwiz --offline
is "$STATUS" 1 "certificate faults: exit 1"
ok "OCS certificate without Client Authentication" grep -q \
	'^error: step 6 (OCS certificate): ocs_cert: OCS server certificate lacks Client Authentication' "$OUT"
ok "IM&P certificate expired" grep -q \
	'^error: step 9 (IM&P certificates): imp_cert: IM and Presence certificate expired on 2020-01-01' "$OUT"
ok "the SWEET32 info" grep -q '^info: step 9 .*tls_3des: .*SWEET32' "$OUT"
ok "3DES not confirmed: a warning" grep -q \
	'^warning: step 9 .*tls_3des: TLS_RSA_WITH_3DES_EDE_CBC_SHA is not confirmed' "$OUT"

# Works while the project is locked: read-only, no lock taken.
echo "user x" >ex.fedwiz.lock
run "$FEDWIZ" validate ex.fedwiz --offline
is "$STATUS" 0 "validate ignores the lock (read-only)"
ok "... and leaves it" test -f ex.fedwiz.lock
rm -f ex.fedwiz.lock

# Usage and I/O.
for bad in 0 -1 abc 61 '1x' ''; do
	run "$FEDWIZ" validate ex.fedwiz --dns-timeout "$bad"
	is "$STATUS" 2 "--dns-timeout '$bad': exit 2"
done
ok "... saying what it wants" grep -q 'dns-timeout' "$ERR"
run "$FEDWIZ" validate
is "$STATUS" 2 "no PROJECT: exit 2"
run "$FEDWIZ" validate nosuch.fedwiz
is "$STATUS" 2 "a missing project: exit 2"
ok "... 'fedwiz: ' on stderr" grep -q '^fedwiz: ' "$ERR"
ok "... not created" test ! -e nosuch.fedwiz
echo "not a project" >text.fedwiz
run "$FEDWIZ" validate text.fedwiz
is "$STATUS" 2 "not a project: exit 2"

done_testing

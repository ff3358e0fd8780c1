#!/bin/sh
# fedwiz explain: every symptom in the table is recognised, unknown text is
# not, and --project shows the project's own values.
. "${top_srcdir:-.}/tests/lib.sh"

# explain_flat ARGS...: fedwiz explain, its output joined into ./flat.
explain_flat() {
	run "$FEDWIZ" explain "$@"
	tr -s '\n ' '  ' <"$OUT" >flat
}

# symptom text, then a line the explanation must hold
while IFS='|' read -r text want; do
	[ -n "$text" ] || continue
	# Explanations are wrapped: compare with the lines joined.
	explain_flat "$text"
	is "$STATUS" 0 "known: $text"
	ok "explains '$text' with '$want'" grep -qF "$want" flat
done <<'TABLE'
SIP/2.0 408 Request Timeout|destination pattern that is not reversed
ACL – upstream not trusted – need to authenticate|incoming ACL only with that entry
incoming ACL check took over 2 seconds - check DNS|PTR (reverse DNS)
ms-diagnostics: 1008;reason="Unable to resolve DNS SRV record"|matching URI
ms-diagnostics: 1010;reason="Certificate trust with next-hop server could not be established"|Trusted Root Certification Authorities store
ms-diagnostics: 1014;reason="Unable to resolve DNS A record"|does not resolve from the OCS server
ms-diagnostics: 1047;reason="Failed to complete TLS negotiation with a federated peer server"|Client Authentication
Failed to complete TLS negotiation|TLS peer subject
users say presence is slow|Disable Empty TLS Fragments
SIP/2.0 403 Forbidden|Throttle as Server and Treat as Authenticated
SIP/2.0 404 Not Found|not enabled for SIP on OCS
SIP/2.0 480 Temporarily Unavailable|temporarily cannot route
SIP/2.0 503 Service Unavailable|Cisco SIP Proxy on the IM and Presence node is stopped
SIP/2.0 504 Server Time-out|ms-diagnostics 1008 or 1014
The peer is not a configured server on this network interface|New-CsTrustedApplicationComputer
TABLE

# 1010 is the OCS trust store, the route's FQDN or the CRL: never FIPS.
explain_flat "ms-diagnostics: 1010"
ok "1010: the Certificates snap-in" grep -qF "Certificates snap-in" flat
ok "1010: a next hop FQDN not in the certificate" \
	grep -qF "next hop FQDN of the OCS static route is not the name" flat
ok "1010: an unreachable CRL" grep -qF "CRL distribution point" flat
ok "1010: no FIPS" sh -c "! grep -q FIPS flat"

run "$FEDWIZ" explain "the coffee machine is empty"
is "$STATUS" 1 "unknown text exits 1"
ok "unknown text says so" grep -q "^fedwiz: no known symptom" "$ERR"

STATUS=0
printf 'SIP/2.0 408 Request Timeout\r\nVia: SIP/2.0/TLS 192.0.2.11\r\n' |
	"$FEDWIZ" explain >"$OUT" 2>"$ERR" || STATUS=$?
is "$STATUS" 0 "text on standard input"
ok "standard input explained" grep -q "^What it means" "$OUT"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" 2>/dev/null
run "$FEDWIZ" explain --project p.fedwiz "SIP/2.0 408 Request Timeout"
is "$STATUS" 0 "explain with --project"
ok "the project's own reversed pattern is shown" \
	grep -qF ".test.ocs.* -> 198.51.100.21 (fe1.ocs.test)" "$OUT"
ok "lines fit 80 columns" sh -c "! awk 'length > 80' '$OUT' | grep -q ."

# A TCP project: a TLS symptom says what it means there, and none of the
# TLS causes and steps (peer subjects, FIPS, 3DES, certificates) is shown.
sed 's/^transport = tls$/transport = tcp/' \
	"$top_srcdir/data/example.answers" >tcp.answers
"$FEDWIZ" init tcp.fedwiz --answers tcp.answers 2>/dev/null
for text in "ms-diagnostics: 1047" "ms-diagnostics: 1010" \
    "Failed to complete TLS negotiation"; do
	explain_flat -p tcp.fedwiz "$text"
	is "$STATUS" 0 "TCP project, $text: exit 0"
	ok "... says the project uses TCP" grep -qF "This project uses TCP" flat
	ok "... names a route set to TLS" grep -qF "is a TLS route" flat
	ok "... names DNS SRV" grep -qF "DNS SRV" flat
	ok "... names an Access Edge" grep -qF "Access Edge server" flat
	ok "... the guide's route sections" grep -qF \
		"Guide: Configure Static Route on IM and Presence Service for Microsoft Servers; Configure Static Routes on OCS" flat
	ok "... not its certificate sections" sh -c "! grep -qF 'Set Up Certificates' flat"
	for not in "TLS peer subject" "FIPS" "3DES" "Certificates snap-in" \
	    "step 6" "step 9"; do
		ok "... no '$not'" sh -c "! grep -qF '$not' flat"
	done
	ok "... step 3 with the TCP route" \
		grep -qF "OCS static route example.com -> 192.0.2.11 port 5060 TCP" flat
done
explain_flat -p tcp.fedwiz "SIP/2.0 408 Request Timeout"
ok "408 in a TCP project: the NOTIFY cause" grep -qF "Record-Route" flat
ok "... not the TLS port" sh -c "! grep -qF 'on 5061 (TLS)' flat"
explain_flat -p p.fedwiz "SIP/2.0 408 Request Timeout"
ok "408 in a TLS project: no NOTIFY cause" sh -c "! grep -qF Record-Route flat"
ok "... the TLS port" grep -qF "on 5061 (TLS)" flat
explain_flat -p p.fedwiz "ms-diagnostics: 1047"
ok "1047 in a TLS project: 3DES" grep -qF "3DES" flat
ok "... no TCP meaning" sh -c "! grep -qF 'This project uses TCP' flat"

# The example is Enterprise Edition: pools, not Standard Edition servers.
explain_flat -p p.fedwiz "ms-diagnostics: 1008"
ok "1008 in Enterprise Edition: every pool" grep -qF "every pool needs it" flat
ok "... no Standard Edition cause" \
	sh -c "! grep -qF 'every Standard Edition server needs it' flat"

run "$FEDWIZ" explain --project missing.fedwiz "SIP/2.0 408"
is "$STATUS" 2 "a missing project exits 2"
ok "and says which file" grep -q "^fedwiz: missing.fedwiz" "$ERR"

done_testing

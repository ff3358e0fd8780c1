#!/bin/sh
# fedwiz explain: every symptom in the table is recognised, unknown text is
# not, and --project shows the project's own values.
. "${top_srcdir:-.}/tests/lib.sh"

# symptom text, then a line the explanation must hold
while IFS='|' read -r text want; do
	[ -n "$text" ] || continue
	run "$FEDWIZ" explain "$text"
	is "$STATUS" 0 "known: $text"
	# Explanations are wrapped: compare with the lines joined.
	tr -s '\n ' '  ' <"$OUT" >flat
	ok "explains '$text' with '$want'" grep -qF "$want" flat
done <<'TABLE'
SIP/2.0 408 Request Timeout|destination pattern that is not reversed
ACL – upstream not trusted – need to authenticate|incoming ACL only with that entry
incoming ACL check took over 2 seconds - check DNS|PTR (reverse DNS)
ms-diagnostics: 1008;reason="Unable to resolve DNS SRV record"|matching URI
ms-diagnostics: 1010;reason="Certificate trust with next-hop server could not be established"|not in the OCS trust store
ms-diagnostics: 1014;reason="Unable to resolve DNS A record"|does not resolve from the OCS server
ms-diagnostics: 1047;reason="Failed to complete TLS negotiation with a federated peer server"|Client Authentication
Failed to complete TLS negotiation|TLS peer subject
users say presence is slow|Disable Empty TLS Fragments
TABLE

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

run "$FEDWIZ" explain --project missing.fedwiz "SIP/2.0 408"
is "$STATUS" 2 "a missing project exits 2"
ok "and says which file" grep -q "^fedwiz: missing.fedwiz" "$ERR"

done_testing

#!/bin/sh
# A certificate of one OCS server's own, entered in the wizard: step 6's
# certificate dialog has a "For" field (every server without its own, each
# pool, each server); the one chosen gets it, the others keep the
# project-wide one, and the export writes it under that [ocs_server].
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
cat >p.answers <<'EOF'
[deployment]
transport = tls
ocs_edition = enterprise
[ocs_domain]
name = ocs.contoso.test
[ocs_domain]
name = lync.fabrikam.test
[ocs_pool]
fqdn = pool1.ocs.contoso.test
[ocs_pool]
fqdn = pool2.lync.fabrikam.test
[ocs_server]
fqdn = fe1.ocs.contoso.test
ip = 198.51.100.21
domain = ocs.contoso.test
pool = pool1.ocs.contoso.test
[ocs_server]
fqdn = fe9.lync.fabrikam.test
ip = 198.51.100.31
domain = lync.fabrikam.test
pool = pool2.lync.fabrikam.test
EOF
"$FEDWIZ" init p.fedwiz --answers p.answers ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys F2 6
tui_wait "OCS server certificate" || echo "Bail out! step 6 did not show"

# The project-wide certificate: Enter, the path, Enter passes "For".
tui_keys Tab Enter
tui_wait "Certificate file"
tui_type "$FW_TMP/certs/pool1.pem"
tui_keys Enter
tui_wait "every server without its own"
ok "the dialog asks whom it is for" grep -q "For.*every server without its own" "$TUI_SCREEN"
tui_keys Enter
tui_wait_gone "Certificate file" 5
tui_wait "CN=pool1.ocs.contoso.test"

# fe9's own: the path, then "For" moved on to fe9 (every server, the
# two pools, fe1, fe9).
tui_keys Enter
tui_wait "Certificate file"
tui_keys C-u
tui_type "$FW_TMP/certs/fe9.pem"
tui_keys Enter Right Right Right Right
tui_wait "fe9.lync.fabrikam.test"
tui_keys Enter
tui_wait_gone "Certificate file" 5
tui_wait "of fe9.lync.fabrikam.test:"
ok "step 6 lists fe9's own certificate" \
	grep -q "of fe9.lync.fabrikam.test: $FW_TMP/certs/fe9.pem" "$TUI_SCREEN"
ok "the project-wide one stays" grep -q "CN=pool1.ocs.contoso.test" "$TUI_SCREEN"

tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"

"$FEDWIZ" export p.fedwiz >out.answers
ok "the export writes fe9's own under its [ocs_server]" \
	awk '/^\[/ { s = $0 } /^fqdn = / { h = $3 }
	    /^ocs_cert = <<PEM/ && s == "[ocs_server]" && h == "fe9.lync.fabrikam.test" { f = 1 }
	    END { exit !f }' out.answers
is "$(grep -c '^ocs_cert = <<PEM' out.answers)" 2 \
	"two certificates: fe9's own and the project-wide one"
run "$FEDWIZ" checklist p.fedwiz
ok "the checklist peer subject of fe9 is its own CN" \
	grep -q -- '- Peer Subject Name: fe9.lync.fabrikam.test$' "$OUT"
ok "fe1's is the project-wide certificate's CN, the pool FQDN" \
	grep -q -- '- Peer Subject Name: pool1.ocs.contoso.test$' "$OUT"

done_testing

#!/bin/sh
# The wizard's Test action (t) takes `fedwiz probe`'s --timeout and
# --client-cert/--client-key as --probe-timeout and --client-cert/
# --client-key: a peer on loopback that requires a client certificate
# completes the handshake only with one, a silent listener fails after the
# timeout given, and the key never reaches the project.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/peers.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"
trap 'stop_peers; tmux -L "$TUI_SOCK" kill-server 2>/dev/null; cd / && rm -rf "$FW_TMP"' EXIT

need openssl socat
sh "$top_srcdir/tests/certs.sh" certs ||
    { echo "Bail out! cannot make test certificates"; exit 1; }

# -Verify 1: no client certificate, no handshake (TLS 1.2, as OCS 2007 R2
# era peers speak: under TLS 1.3 the refusal would come after it).
free_port pmtls
start_peer mtls "$pmtls" openssl s_server -quiet -accept "127.0.0.1:$pmtls" \
    -cert certs/both.pem -key certs/both.key -Verify 1 -CAfile certs/ca.pem \
    -tls1_2
make_project mtls.fedwiz tls "$pmtls"

# Bad options end fedwiz before the terminal is taken over.
run "$FEDWIZ" --probe-timeout 0 mtls.fedwiz
is "$STATUS" 2 "--probe-timeout 0: exit 2"
is "$(head -n 1 "$ERR")" \
	"fedwiz: --probe-timeout '0': give whole seconds from 1 to 300" \
	"... says what it takes"
run "$FEDWIZ" --client-cert certs/client.pem mtls.fedwiz
is "$STATUS" 2 "--client-cert alone: exit 2"
is "$(head -n 1 "$ERR")" "fedwiz: --client-cert and --client-key go together" \
	"... says why"
run "$FEDWIZ" --client-cert certs/client.pem --client-key certs/other-ca.key \
    mtls.fedwiz
is "$STATUS" 2 "a key of another certificate: exit 2"
ok "... in one line naming the key" grep -q \
	'^fedwiz: certs/other-ca.key: this key does not belong' "$ERR"

tui_start 100x40 "\"$FEDWIZ\" --offline --probe-timeout 3 mtls.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "without a client certificate the test ends" \
	tui_wait "tested fe1.ocs.test port $pmtls"
ok "with the handshake refused" grep -q "failed 20.*no TLS handshake" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

tui_start 100x40 "\"$FEDWIZ\" --offline --probe-timeout 3 --client-cert certs/client.pem --client-key certs/client.key mtls.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "with --client-cert/--client-key the test ends" \
	tui_wait "tested fe1.ocs.test port $pmtls"
ok "and the handshake succeeds" grep -q "verified 20[0-9-]* [0-9:]*: TLS 1.2" "$TUI_SCREEN"
ok "the server verified the client certificate" \
	grep -q '^depth=0 CN = fe1.ocs.test' mtls.log
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
is "$(sqlite3 mtls.fedwiz "SELECT ok FROM probe WHERE kind = 'tls'")" 1 \
	"the result is saved as fedwiz probe saves it"
ok "the private key is not in the project" sh -c \
	"! grep -a -q 'PRIVATE KEY' mtls.fedwiz &&
	 ! grep -a -q -F \"\$(sed -n 2p certs/client.key)\" mtls.fedwiz"

# A listener that never answers: failed after about the timeout given
# (1 s), where the default would wait 5.
free_port psilent
start_peer silent "$psilent" socat -u \
    "TCP-LISTEN:$psilent,bind=127.0.0.1,reuseaddr,fork" OPEN:/dev/null
PROJECT_CA= make_project silent.fedwiz tcp "$psilent"
tui_start 100x30 "\"$FEDWIZ\" --offline --probe-timeout 1 silent.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "--probe-timeout 1: a silence fails within 4 s" tui_wait "failed 20" 4
ok "as a timeout" grep -q "no answer before the timeout" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

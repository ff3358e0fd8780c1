#!/bin/sh
# The wizard's "Test" action (t): it probes the focused route's next hop
# on a worker thread, against real peers on loopback: SIPp answering
# OPTIONS over TCP, hostile peers, and a silent listener during which the
# keys still work. The results are saved as `fedwiz probe` saves them.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/peers.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"
# Both helpers set an EXIT trap: end the peers and the tmux server.
trap 'stop_peers; tmux -L "$TUI_SOCK" kill-server 2>/dev/null; cd / && rm -rf "$FW_TMP"' EXIT

need sipp socat sqlite3 python3

# TCP: no certificates involved.
PROJECT_CA=

free_port psip
start_peer sipp "$psip" sipp -sn uas -aa -t t1 -p "$psip" -i 127.0.0.1 \
    -bind_local -mi 127.0.0.1 -cp "$psip" -mp "$((psip + 1))" -nostdin
make_project tcp.fedwiz tcp "$psip"

# F2 2: step 2, whose first field (Standard Edition) is the server list.
tui_start 100x30 "\"$FEDWIZ\" --offline tcp.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
ok "the legend offers t on the server list" grep -q "t test" "$TUI_SCREEN"
tui_keys t
ok "the result shows while the wizard runs" tui_wait "200 OK over TCP"
ok "as the checklist words it" grep -q \
	"verified 20[0-9-]* [0-9:]*: 200 OK over TCP" "$TUI_SCREEN"
# The worker ends just after its last result: wait for the line to turn.
ok "then says what was tested, on which port" \
	tui_wait "tested fe1.ocs.test port $psip"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits after a test"
is "$(sqlite3 tcp.fedwiz "SELECT port || ' ' || kind || ' ' || ok || ' ' ||
	summary FROM probe WHERE host = 'fe1.ocs.test'")" \
	"$psip sip 1 200 OK over TCP" "the probe table holds the result"
run "$FEDWIZ" checklist tcp.fedwiz
ok "the checklist's Verify section shows it" grep -q \
	"^    - fedwiz probe, sip port $psip: verified [0-9-]* [0-9:]*: 200 OK over TCP" \
	"$OUT"

# Hostile peers (issue 14): a NUL starting the reason phrase, and 10,000
# provisional answers. The wizard shows one clean line for each, keeps
# running, and saves clean text; quitting leaves no lock or journal.
free_port preason
start_script_peer reason "$preason" reason
make_project reason.fedwiz tcp "$preason"
tui_start 100x30 "\"$FEDWIZ\" --offline reason.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "a NUL in the reason phrase: the result shows, the NUL as ?" \
	tui_wait "200 ?BBBBBBBB"
ok "the test ends normally" tui_wait "tested fe1.ocs.test port $preason"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits after it"
bees=$(printf '%0199d' 0 | tr 0 B)
is "$(sqlite3 reason.fedwiz "SELECT summary FROM probe WHERE kind = 'sip'")" \
	"200 ?$bees over TCP" "the saved summary is clean and whole"
ok "no lock, -wal or -shm left behind" sh -c '! test -e reason.fedwiz.lock &&
	! test -e reason.fedwiz-wal && ! test -e reason.fedwiz-shm'

free_port ptrying
start_script_peer trying "$ptrying" trying
make_project trying.fedwiz tcp "$ptrying"
tui_start 100x30 "\"$FEDWIZ\" --offline trying.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "10,000 100 Trying: too many provisional responses" \
	tui_wait "too many provisional responses"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits after it"
is "$(sqlite3 trying.fedwiz "SELECT ok FROM probe WHERE kind = 'sip'")" 0 \
	"the failure is saved"

# A listener that accepts and never answers: the test waits up to its
# timeout (5 s), and the keys keep working meanwhile.
free_port psilent
start_peer silent "$psilent" socat -u \
    "TCP-LISTEN:$psilent,bind=127.0.0.1,reuseaddr,fork" OPEN:/dev/null
make_project silent.fedwiz tcp "$psilent"
tui_start 100x30 "\"$FEDWIZ\" --offline silent.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
tui_keys t
ok "the findings pane says what is being tested" \
	tui_wait "testing fe1.ocs.test (127.0.0.1) port $psilent TCP"
tui_keys NPage
ok "PgDn moves on while the test waits" tui_wait "Routes to IM and Presence" 3
tui_keys PPage
ok "PgUp comes back" tui_wait "OCS servers (next hops)" 3
ok "the test is still running" grep -q "testing fe1.ocs.test" "$TUI_SCREEN"
tui_keys t
ok "a second t stops it" tui_wait "test of fe1.ocs.test stopped" 3
is "$(sqlite3 silent.fedwiz 'SELECT count(*) FROM probe')" 0 \
	"a stopped check is not recorded as a result"
tui_keys t
tui_wait "testing fe1.ocs.test" 3
tui_keys Escape
ok "Esc stops it too" tui_wait "test of fe1.ocs.test stopped" 3
tui_keys t
ok "a silence is reported as a timeout" \
	tui_wait "failed 20" 15
ok "with the reason" grep -q "no answer before the timeout" "$TUI_SCREEN"
is "$(sqlite3 silent.fedwiz "SELECT ok FROM probe WHERE kind = 'sip'")" 0 \
	"the failure is stored"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

# Step 3: an IM&P domain's route points to an IM&P node, and t tests that
# node on its Peer Auth port (TLS; here the silent listener).
make_project node.fedwiz tls "$psilent" "$psilent"
tui_start 100x30 "\"$FEDWIZ\" --offline node.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 3
tui_wait "Routes to IM and Presence" || echo "Bail out! no step 3"
ok "the legend offers t on the routes to IM and Presence" \
	grep -q "t test" "$TUI_SCREEN"
tui_keys t
ok "t tests the node the route points to" \
	tui_wait "testing cup1.example.com (127.0.0.1) port $psilent TLS"
tui_keys t
tui_wait "test of cup1.example.com stopped" 3
tui_keys F2 0
tui_wait "IM and Presence domains"
tui_keys Tab Tab Tab Tab
tui_capture
ok "step 0's list of domains has no t" sh -c "! grep -q 't test' '$TUI_SCREEN'"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

# Read-only: a test would save, so it is refused in one line. At 80x24
# the legend keeps F10, and the list's Add row names t.
tui_start 80x24 "\"$FEDWIZ\" --offline --read-only tcp.fedwiz"
tui_wait "READ-ONLY" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)"
ok "80x24: the Add row says t tests a row" grep -q \
	"Add… (a)   t on a row tests that next hop" "$TUI_SCREEN"
ok "80x24: the legend still shows F10" grep -q "F10 quit" "$TUI_SCREEN"
tui_keys t
ok "read-only refuses the test" tui_wait "read-only: a test saves its results"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

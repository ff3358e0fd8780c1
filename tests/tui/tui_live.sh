#!/bin/sh
# Values are judged as they are typed, before Enter: after a short pause
# the dialog shows the worst finding and the findings pane all of them,
# syntax (or a file that cannot be read) first, then the rules, with DNS
# answers arriving while the keys keep working. Esc saves nothing of it.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
sh "$top_srcdir/tests/certs.sh" certs >/dev/null 2>&1 ||
	echo "Bail out! cannot make test certificates"

# A port: syntax, then the guide's rule, while the dialog is open.
tui_start 80x24 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys F2 4
tui_wait "4 · Verify Peer"
tui_keys Enter C-u
tui_type 70000
ok "port 70000: the syntax refusal shows before Enter" \
	tui_wait "! port 70000 is out of range"
ok "the dialog is still open" grep -q "Peer Auth listener port" "$TUI_SCREEN"
ok "the findings pane says the values are not saved" \
	grep -q "Findings as typed, not saved: 1" "$TUI_SCREEN"
tui_keys BSpace BSpace BSpace BSpace BSpace
tui_type 50600
ok "port 50600: the guide's rule shows before Enter" \
	tui_wait "! the Peer Auth listener is on port 50600"
tui_keys BSpace BSpace BSpace BSpace BSpace
tui_type 5061
ok "5061: the finding goes away as typed" \
	tui_wait "Findings as typed, not saved: 0"
tui_keys C-u
tui_type 50600
tui_wait "on port 50600"
tui_keys Escape
tui_wait_gone "Findings as typed"
ok "Esc: the pane is back to the saved answers" grep -q "┌ Findings: 0 ─" "$TUI_SCREEN"

# A certificate file: read and judged as its path is typed.
tui_keys F2 6
tui_wait "6 · Configure Certificates on OCS"
tui_keys Tab Enter C-u
tui_type "certs/missing.pem"
ok "a path that is not there: said before Enter" \
	tui_wait "certs/missing.pem: cannot open"
tui_keys C-u
tui_type "certs/server.pem"
ok "a Server Authentication-only certificate: the classic failure, before Enter" \
	tui_wait "OCS server certificate lacks Client Authentication"
tui_keys Escape
tui_wait_gone "Findings as typed"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
run "$FEDWIZ" export p.fedwiz
ok "nothing typed was saved" grep -q "^peer_auth_port = 5061$" "$OUT"
ok "no certificate either" sh -c '! grep -q "BEGIN CERTIFICATE" "$1"' _ "$OUT"

# A host name with lookups: a name that does not resolve (.invalid,
# RFC 6761) is an error while the dialog is open; the IP not typed yet is
# not refused, only missing.
tui_start 80x24 "\"$FEDWIZ\" p.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 0
tui_wait "0 · Deployment"
tui_keys Tab Tab Tab a
tui_wait "New entry"
tui_type cup9.fedwiz-test.invalid
ok "an unknown name: the lookup's verdict before Enter" \
	tui_wait "cup9.fedwiz-test.invalid does not resolve"
ok "shown in the dialog" grep -q "││ │ ! cup9.fedwiz-test.invalid does not resolve" \
	"$TUI_SCREEN"
ok "its second line, cut short, ends in an ellipsis" sh -c \
	'grep -A1 "││ │ ! cup9.fedwiz-test.invalid does not resolve" "$1" |
	 tail -n 1 | grep -q "… │ │\$"' _ "$TUI_SCREEN"
ok "the missing IP is a finding, not a refusal" \
	sh -c '! grep -q "IP: required" "$1"' _ "$TUI_SCREEN"
tui_keys Tab
tui_type 127.0.0.9
tui_keys C-a
ok "typing goes on while lookups run" cursor_on "IP"
tui_keys Escape
tui_wait_gone "New entry"
tui_keys a
tui_wait "New entry"
tui_type localhost
tui_keys Tab
tui_type 127.0.0.2
ok "a loopback name with another address: the warning before Enter" \
	tui_wait "localhost resolves to 127.0.0.1"
tui_keys Escape
tui_wait_gone "New entry"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
run "$FEDWIZ" export p.fedwiz
ok "nothing of the abandoned entries was saved" sh -c \
	'! grep -qE "cup9|localhost|127.0.0.9|127.0.0.2" "$1"' _ "$OUT"

done_testing

#!/bin/sh
# Live findings: the rules' verdict on the focused step shows in the
# findings pane and as a ! in the steps pane, and changes as soon as the
# admin fixes the answer; DNS answers (a real lookup of a loopback name)
# arrive while the wizard keeps taking keys.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

sed 's/^server_auth_port = 5062$/server_auth_port = 5061/' \
	"$top_srcdir/data/example.answers" >bad.answers
"$FEDWIZ" init p.fedwiz --answers bad.answers ||
	echo "Bail out! cannot create the project"

tui_start 80x24 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
ok "a step with an error is marked !" grep -q "│ ! 4 Peer Auth listener" "$TUI_SCREEN"
tui_keys F2 4
tui_wait "4 · Verify Peer"
# The screen may be caught mid-draw on a loaded machine: wait for the pane.
tui_wait "┌ Findings: 1 ─"
ok "the findings pane counts the step's findings" grep -q "┌ Findings: 1 ─" "$TUI_SCREEN"
ok "and says what is wrong" grep -q "│ ! the Server Auth listener is on 5061, the Peer Auth port" "$TUI_SCREEN"

tui_keys Tab Enter C-u
tui_type 5063
tui_keys Enter
tui_wait "┌ Findings: 0 ─"
ok "fixed: the finding is gone" sh -c '! grep -q "Server Auth listener is on 5061" "$1"' _ "$TUI_SCREEN"
tui_keys NPage
tui_wait "5 · Adding a Host"
ok "fixed: step 4 no longer marked !" grep -q "│ ○ 4 Peer Auth listener" "$TUI_SCREEN"

# Typing a bad value: one specific line in the dialog, nothing saved.
tui_keys F2 0 Tab Tab Tab a
tui_wait "New entry"
tui_type "bad_name.example.com"
tui_keys Tab
tui_type 192.0.2.99
tui_keys Enter
tui_wait "FQDN: "
ok "a bad host name is refused with the reason" grep -q "! FQDN: .*bad_name" "$TUI_SCREEN"
ok "the cursor goes to the refused field" cursor_on "FQDN"
tui_keys C-u
tui_type good.example.com
tui_keys Tab C-u
tui_type "300.1.2.3"
tui_keys Enter
tui_wait "IP: "
ok "a bad address too" grep -q "! IP: .*300.1.2.3" "$TUI_SCREEN"
ok "the cursor is on IP" cursor_on "IP  "
tui_keys Escape
tui_wait_gone "New entry"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
run "$FEDWIZ" export p.fedwiz
ok "nothing of the refused entry was saved" sh -c \
	'! grep -qE "bad_name|good.example|192.0.2.99|300.1.2.3" "$1"' _ "$OUT"

# With lookups: a loopback name entered with the wrong address.
"$FEDWIZ" init dns.fedwiz || echo "Bail out! cannot create the project"
tui_start 100x30 "\"$FEDWIZ\" dns.fedwiz"
tui_wait "0 · Deployment"
tui_keys Tab Tab Tab Enter
tui_wait "New entry"
tui_type localhost
tui_keys Tab
tui_type 127.0.0.2
tui_keys Enter
tui_wait "localhost resolves to"
ok "the DNS answer shows as a finding" grep -q \
	"? localhost resolves to 127.0.0.1.* but 127.0.0.2 was entered" "$TUI_SCREEN"
tui_keys Up Enter Tab C-u
tui_type 127.0.0.1
tui_keys Enter
tui_wait_gone "localhost resolves to"
ok "corrected: the finding is gone" sh -c '! grep -q "localhost resolves to" "$1"' _ "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

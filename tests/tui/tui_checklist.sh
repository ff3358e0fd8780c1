#!/bin/sh
# The Checklist pane: the generated checklist per server; Space ticks an
# item (saved with user and time), [~] flags one whose values changed
# since, n finds the next open item, / searches, e and p write it through
# the checklist renderers; the position in it is resumed like any step's.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
ok "the steps pane ends with the checklist" grep -qE "│   Checklist +0 of [0-9]+ │" "$TUI_SCREEN"
tui_keys F2 c
tui_wait "Checklist · 0 of"
ok "grouped by server" grep -q "│ IM and Presence publisher cup1.example.com" "$TUI_SCREEN"
ok "the first item has the focus" grep -q "│ >\[ \] Add the SIP federated domain ocs.test" "$TUI_SCREEN"
ok "the bottom pane says where and what" grep -q "Presence > Inter-Domain Federation > SIP" "$TUI_SCREEN"
ok "the legend names the checklist keys" grep -q "Space tick  n next open  / search  p print  e export" "$TUI_SCREEN"

tui_keys Space
tui_wait "Checklist · 1 of"
ok "Space ticks the item" grep -q "│ >\[x\] Add the SIP federated domain ocs.test" "$TUI_SCREEN"
ok "the top line counts it" grep -qE "· 1/[0-9]+ done" "$TUI_SCREEN"
is "$(sqlite3 p.fedwiz 'SELECT user FROM tick')" "$(id -un)" "the tick is saved with the user"
ok "and the time" test -n "$(sqlite3 p.fedwiz 'SELECT time FROM tick')"

tui_keys n
tui_wait "│ >[ ] Add the SIP federated domain branch.ocs.test"
ok "n goes to the next open item" grep -q "│ >\[ \] Add the SIP federated domain branch" "$TUI_SCREEN"
tui_keys /
tui_wait "Find in the checklist"
tui_type "XCP Router"
tui_keys Enter
tui_wait "│ >[ ] Restart the Cisco XCP Router"
ok "/ finds an item by its text" grep -q "│ >\[ \] Restart the Cisco XCP Router" "$TUI_SCREEN"

# A value of the ticked item changes: it is flagged, not silently kept.
tui_keys F2 1 Enter Tab C-u
tui_type "HQ, moved"
tui_keys Enter Enter F2 c
tui_wait "[~] Add the SIP federated domain ocs.test"
# The reason is drawn in the same refresh, but a capture can fall between
# the two writes: wait for it too.
tui_wait "changed since ticked"
ok "an item changed since ticked shows [~]" grep -q "\[~\] Add the SIP federated domain ocs.test" "$TUI_SCREEN"
ok "with a word why" grep -q "changed since ticked" "$TUI_SCREEN"

tui_keys e
tui_wait "Export the checklist"
tui_keys C-u
tui_type "$FW_TMP/out.md"
tui_keys Enter
tui_wait "checklist written to"
ok "e writes the checklist (Markdown by the name)" grep -q "^- \[ \]" out.md
tui_keys p
tui_wait "open it in a browser"
ok "p writes the printable HTML beside the project" grep -q "<html" p-checklist.html

tui_keys Down Down
tui_wait "│ >[ ] Restart the Cisco XCP Router"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "Checklist · 0 of"
ok "restart: back in the checklist, on the same item" grep -q "│ >\[ \] Restart the Cisco XCP Router" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

# Answers with an error, at 80x24 without colour: the pane opens with the
# banner and the error, and the item says to fix the step first.
sed 's/^server_auth_port = .*/server_auth_port = 5061/' \
	"$top_srcdir/data/example.answers" >bad.answers
"$FEDWIZ" init bad.fedwiz --answers bad.answers ||
	echo "Bail out! cannot create the project with an error"
tui_start 80x24 "env LANG=C.UTF-8 NO_COLOR=1 \"$FEDWIZ\" --offline bad.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys F2 c
tui_wait "NOT READY: the answers have errors"
ok "80x24: the pane opens with the banner" grep -q "│ NOT READY: the answers have errors; items they" "$TUI_SCREEN"
ok "... and the error with its step" grep -q "│ Step 4 (Peer Auth listener), Server Auth listener… │" "$TUI_SCREEN"
tui_keys /
tui_wait "Find in the checklist"
tui_type "listener ports"
tui_keys Enter
tui_wait "│ >[ ] Check the SIP Proxy TLS listener ports"
ok "the banner stays while the list scrolls" grep -q "│ NOT READY: the answers have errors; items they" "$TUI_SCREEN"
tui_resize 120x40
tui_wait "Port: fix step 4 first"
tr -s '│ \n' '   ' <"$TUI_SCREEN" >flat
ok "the listener item says to fix step 4 first" grep -q "Server Auth: Port: fix step 4 first" flat
# F1 on the Peer Auth port: where OCS routes under either transport.
tui_keys F2 4
tui_wait "4 · Verify Peer Authentication Listener"
tui_keys F1
tui_wait "Any key closes this help"
ok "F1 on Peer Auth: under TCP OCS routes to the TCP listener" grep -q \
	"; under TCP they go to the Default Cisco SIP" "$TUI_SCREEN"
tui_keys Escape
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

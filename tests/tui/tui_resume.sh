#!/bin/sh
# Stop at any instant, resume exactly there: quit halfway with F10 and,
# separately, lose the terminal (SIGHUP to the fedwiz PID, as when SSH
# drops); each restart comes back at the same step and field, with the
# hardware cursor on it and every answer intact.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

# --- F10 halfway: step 4, second field; a value typed on the way. ---
tui_start 100x30 "\"$FEDWIZ\" p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys NPage NPage NPage NPage
tui_wait "4 · Verify Peer Authentication Listener"
tui_keys Tab Enter C-u
tui_type 5063
tui_keys Enter
tui_wait "5063"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"
ok "the lock is released on quit" test ! -e p.fedwiz.lock

tui_start 100x30 "\"$FEDWIZ\" p.fedwiz"
tui_wait "4 · Verify Peer Authentication Listener"
ok "F10, restart: the same step" grep -q "│ ▶ 4 Peer Auth listener" "$TUI_SCREEN"
ok "F10, restart: the same field has the focus" \
	grep -q "│> Server Auth listener port *5063" "$TUI_SCREEN"
ok "F10, restart: the hardware cursor is on it" cursor_on "Server Auth listener port"
sed 's/^server_auth_port = 5062$/server_auth_port = 5063/' before.answers \
	>expected.answers
"$FEDWIZ" export p.fedwiz >after.answers
is_file after.answers expected.answers "F10: every answer intact, the new one saved"

# --- SIGHUP: step 2, on the second OCS server of the list. ---
tui_keys F2 2
tui_wait "2 · Configure Static Route"
tui_keys Tab Down
tui_wait "> *fe2\\.ocs" 2 >/dev/null
tui_capture
ok "the focus is on the second server" grep -q "│> *fe2\.ocs\.test" "$TUI_SCREEN"
pid=$TUI_PID
kill -HUP "$pid"
is "$(tui_exit_status)" 0 "SIGHUP: fedwiz saves and exits with status 0"
ok "SIGHUP: the lock is released" test ! -e p.fedwiz.lock
ok "SIGHUP: the process is gone" sh -c '! kill -0 "$1" 2>/dev/null' _ "$pid"

tui_start 100x30 "\"$FEDWIZ\" p.fedwiz"
tui_wait "2 · Configure Static Route"
ok "SIGHUP, restart: the same step" grep -q "│ ▶ 2 IM&P static routes" "$TUI_SCREEN"
ok "SIGHUP, restart: the same list entry has the focus" \
	grep -q "│> *fe2\.ocs\.test" "$TUI_SCREEN"
ok "SIGHUP, restart: the hardware cursor is on it" cursor_on "fe2.ocs.test"
"$FEDWIZ" export p.fedwiz >after2.answers
is_file after2.answers expected.answers "SIGHUP: every answer intact"

# SIGTERM likewise leaves a usable terminal state and the project closed.
kill -TERM "$TUI_PID"
is "$(tui_exit_status)" 0 "SIGTERM: saves and exits with status 0"
ok "SIGTERM: the lock is released" test ! -e p.fedwiz.lock

done_testing

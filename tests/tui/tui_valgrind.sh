#!/bin/sh
# valgrind memcheck over a scripted wizard session: every step visited,
# fields edited, a dialog opened with a bad value (judged as typed) and
# cancelled, a row added and deleted, a resize below the minimum and back,
# the key list, help and the checklist pane, then F10. memcheck must report
# no errors and no bytes definitely lost (its exit status 99 says
# otherwise). No suppressions are needed: ncurses and CDK report nothing
# here.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

command -v valgrind >/dev/null 2>&1 || {
	echo "Bail out! valgrind is not installed (./build.sh installs it)"
	exit 1
}
# valgrind is some 20-50 times slower: every wait gets more room.
TUI_TIMEOUT=60
checker="valgrind --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file=vg.log"
# valgrind cannot run a sanitizer build (ASan owns the address space):
# there ASan and LeakSanitizer check the same session, and their non-zero
# exit status is what fails it.
if nm "$FEDWIZ" 2>/dev/null | grep -q __asan_init; then
	checker=
	diag "an AddressSanitizer build: ASan and LeakSanitizer check the session"
fi

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "$checker \"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start under valgrind"

# Step 0: the name edited and saved; a node's dialog given a bad IP and
# cancelled.
tui_keys Enter C-u
tui_type "valgrind run"
tui_keys Enter
tui_wait " fedwiz · valgrind run · "
tui_keys Tab Tab Tab Enter
tui_wait "┌ IM and Presence nodes"
tui_keys Tab C-u
tui_type 256.1.1.1
# Judged as typed first (a copy of the deployment, the rules), then Enter.
tui_wait "Findings as typed"
tui_keys Enter
tui_wait "is not an IPv4 or IPv6 address"
tui_keys Escape
tui_wait_gone "┌ IM and Presence nodes"

# Step 1: a domain added, then deleted.
tui_keys NPage
tui_wait "1 · Add a Microsoft OCS Domain"
tui_keys a
tui_wait "New entry"
tui_type valgrind.ocs.test
tui_keys Tab Enter Enter
tui_wait "valgrind.ocs.test"
tui_keys Up d
tui_wait "y deletes"
tui_keys y
tui_wait_gone "valgrind.ocs.test" "$TUI_TIMEOUT"

# Every other step, a port edited on the way.
tui_keys NPage NPage NPage
tui_wait "4 · Verify Peer Authentication Listener"
tui_keys Tab Enter C-u
tui_type 5063
tui_keys Enter
tui_wait "5063"
tui_keys NPage NPage NPage NPage NPage
tui_wait "9 · "

# Too small, and back.
tui_resize 60x20
tui_wait "this terminal is 60x20"
tui_resize 100x30
tui_wait "Steps"

# The key list, help and the checklist.
tui_keys '?'
tui_wait "┌ Keys"
tui_keys Escape
tui_wait_gone "┌ Keys"
tui_keys F1
tui_wait "┌ Help"
tui_keys Escape
tui_wait_gone "┌ Help"
tui_keys F2 c
tui_wait "Checklist ·"
tui_keys Space n

tui_keys F10
status=$(tui_exit_status)
is "$status" 0 "memory: no errors and no bytes definitely lost"
if [ -n "$checker" ]; then
	[ "$status" = 0 ] || sed 's/^/vg: /' vg.log | diag "$(cat)"
	ok "memcheck ran the session" grep -q "Memcheck, a memory error detector" vg.log
	ok "memcheck: 0 errors" grep -q "ERROR SUMMARY: 0 errors" vg.log
	ok "memcheck: 0 bytes definitely lost" \
		grep -q "definitely lost: 0 bytes\\|All heap blocks were freed" vg.log
fi

"$FEDWIZ" export p.fedwiz >after.answers
ok "the session's edits are saved" grep -q "^server_auth_port = 5063" after.answers

done_testing

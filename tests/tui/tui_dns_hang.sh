#!/bin/sh
# A jump host whose DNS server is gone: every lookup hangs 10 s (the
# LD_PRELOAD shim of `make bench`, bench/slow_gai.c). Typing in an edit
# dialog never waits for it: the typed name says "resolving…", then, after
# the 3 s timeout, that no answer came, all while the dialog stays open;
# F10 ends fedwiz at once, hung lookups or not.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

[ -f "$SLOW_GAI" ] || {
	echo "Bail out! bench/slow_gai.so was not built (make check builds it)"
	exit 1
}
# An ASan build wants its runtime first among the loaded libraries; the
# shim only replaces two libc functions.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 80x24 "env LD_PRELOAD='$SLOW_GAI' \"$FEDWIZ\" p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
ok "the project's names are being resolved" tui_wait "resolving"
tui_keys Tab Tab Tab a
tui_wait "New entry"
tui_type cup9.example.com
ok "a typed name waits for DNS without holding up the dialog" \
	tui_wait "resolving cup9.example.com"
tui_type x
ok "the next key shows without waiting for DNS (within 2 s of 10)" tui_wait "cup9.example.comx" 2
tui_keys BSpace
ok "after the timeout: no answer in time, the dialog still open" \
	tui_wait "cup9.example.com: no DNS answer in time" 15
ok "the typed text is still there" grep -q "FQDN  cup9.example.com " "$TUI_SCREEN"
tui_keys Escape
tui_wait_gone "New entry"
t0=$(date +%s)
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
ok "at once, not after the hung lookups (within 3 s)" \
	test "$(($(date +%s) - t0))" -le 3
run "$FEDWIZ" export p.fedwiz
ok "nothing typed was saved" sh -c '! grep -q cup9 "$1"' _ "$OUT"

done_testing

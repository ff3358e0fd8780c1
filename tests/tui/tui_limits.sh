#!/bin/sh
# The wizard adds no row beyond a limit (fedwiz(1), LIMITS): at 256
# IM&P nodes, Add says so and opens no dialog.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

need sqlite3

awk 'BEGIN { print "[deployment]\nname = Full\ntransport = tcp"
	for (i = 0; i < 256; i++)
		printf "[imp_node]\nfqdn = cup%d.example.com\nip = 10.0.%d.%d\n",
		    i, int(i / 256), i % 256 }' >full.answers
"$FEDWIZ" init p.fedwiz --answers full.answers ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 0
tui_wait "IM and Presence nodes (256)" || echo "Bail out! no node list"
tui_keys Tab Tab Tab
tui_settle
tui_keys a
ok "Add at the limit says why" tui_wait \
    "more than 256 [imp_node] entries; fedwiz supports at most 256"
ok "... and opens no dialog" sh -c "! grep -q 'New entry' '$TUI_SCREEN'"
tui_keys F10
is "$(tui_exit_status)" 0 "the wizard exits 0"
is "$(sqlite3 p.fedwiz 'SELECT count(*) FROM imp_node')" 256 \
    "still 256 nodes"

done_testing

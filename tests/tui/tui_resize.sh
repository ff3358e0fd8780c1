#!/bin/sh
# Resizing redraws everything from scratch: below 80x24 a clear message
# asks for a larger terminal, the wizard comes back intact when enlarged
# (same step, same field, an open dialog with its typed text), and no size
# down to 20x5 crashes it.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys NPage a
tui_wait "New entry"
tui_type "half.typed"
# The values are judged after a pause in typing: the screen to compare
# is the one with that verdict.
tui_wait "Findings as typed"
tui_capture before

tui_resize 60x20
tui_wait "this terminal is 60x20"
ok "60x20: the message names the sizes" grep -q "fedwiz needs at least 80x24; this terminal is 60x20." "$TUI_SCREEN"
ok "60x20: it says how to go on" grep -q "Enlarge it; nothing is lost. F10 quits." "$TUI_SCREEN"
ok "60x20: no pane is drawn" sh -c '! grep -q "Steps" "$1"' _ "$TUI_SCREEN"

for size in 40x10 20x5 79x24 80x23; do
	tui_resize "$size"
	tui_wait "${size}." 5 >/dev/null
	ok "$size: still running, asking for more room" grep -q "this terminal is\|${size}" "$TUI_SCREEN"
done

tui_resize 100x30
tui_wait "half.typed"
tui_capture after
is_file after before "back to 100x30: the same screen, typed text and all"

tui_resize 80x24
tui_wait "Steps"
ok "80x24: the steps pane is there" grep -q "│ ▶ 1 Federated domains" "$TUI_SCREEN"
ok "80x24: the dialog is still open with its text" grep -q "half.typed" "$TUI_SCREEN"
is "$(wc -L <"$TUI_SCREEN")" 80 "80x24: nothing runs past the right edge"

tui_keys Escape
tui_wait_gone "half.typed"
ok "Esc closed the dialog, not the program" grep -q "1 · Add a Microsoft OCS" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0 after all that"
"$FEDWIZ" export p.fedwiz >after.answers
ok "the cancelled entry was not saved" sh -c '! grep -q half.typed "$1"' _ after.answers

done_testing

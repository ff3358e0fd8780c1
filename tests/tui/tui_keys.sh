#!/bin/sh
# One table of keys (ui/ui_keys.c): every key in it is on the wizard's ?
# screen and in fedwiz(1)'s KEYS section, so the three never drift apart.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

sed -n 's/^	{ "\([^"]*\)", .*/\1/p' "$top_srcdir/ui/ui_keys.c" | sort -u >keys
ok "the key table is found" test "$(wc -l <keys)" -ge 15
sed -n '/^\.SH KEYS/,/^\.SH /p' "$top_srcdir/man/fedwiz.1" >keys.man

"$FEDWIZ" init p.fedwiz || echo "Bail out! cannot create the project"
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys '?'
tui_wait "┌ Keys"
while IFS= read -r k; do
	man_k=$(printf '%s' "$k" | sed 's/-/\\\\-/g')
	ok "fedwiz(1) KEYS has '$k'" grep -q "^\.B $man_k\$" keys.man
	ok "the ? screen has '$k'" grep -qF "│ $k " "$TUI_SCREEN"
done <keys
tui_keys Escape
tui_wait_gone "┌ Keys"
ok "any key closes the list" grep -q "0 · Deployment" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

#!/bin/sh
# What the admin sees: line-drawing borders (never lqqk letters), the step
# marks of design/screens.md, greyed steps with their reason, the legend;
# NO_COLOR and --no-color give a wizard without colour whose focus still
# shows (reverse video and a > marker); under a non-UTF-8 locale the marks
# fall back to ASCII.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
# TCP makes steps 6, 8 and 9 not applicable.
sed 's/^transport = tls/transport = tcp/' "$top_srcdir/data/example.answers" \
	>tcp.answers
"$FEDWIZ" init tcp.fedwiz --answers tcp.answers ||
	echo "Bail out! cannot create the TCP project"

tui_start 80x24 "\"$FEDWIZ\" --offline tcp.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
ok "borders are box-drawing characters" grep -q "┌ Steps ─*┐┌" "$TUI_SCREEN"
ok "side borders are │" grep -q "^│ ▶ 0 Deployment *││" "$TUI_SCREEN"
ok "no lqqk letters for borders" sh -c '! grep -qE "^(lq|x )|qqqq|qk$" "$1"' _ "$TUI_SCREEN"
ok "the current step is marked ▶" grep -q "│ ▶ 0 Deployment" "$TUI_SCREEN"
ok "a step not started is marked ○" grep -q "│ ○ 4 Peer Auth listener" "$TUI_SCREEN"
ok "a TLS-only step is marked – under TCP" grep -q "│ – 6 OCS certificate" "$TUI_SCREEN"
ok "step 8 too" grep -q "│ – 8 FIPS on OCS" "$TUI_SCREEN"
ok "step 9 too" grep -q "│ – 9 IM&P certificates" "$TUI_SCREEN"
ok "the legend names the keys" grep -q "Tab field  PgDn step  Enter edit  F1 help" "$TUI_SCREEN"
ok "the top line: project, file, save time, progress" grep -qE \
	"^ fedwiz · Example Corp.* · tcp\.fedwiz · saved [0-9][0-9]:[0-9][0-9] · [0-9]+/7 steps · [0-9]+/[0-9]+ done" \
	"$TUI_SCREEN"
is "$(wc -L <"$TUI_SCREEN")" 80 "nothing runs past 80 columns"

tui_keys NPage
tui_wait "1 · Add a Microsoft"
ok "a step left is marked ✓ when complete" grep -q "│ ✓ 0 Deployment" "$TUI_SCREEN"

tui_keys F2 6
tui_wait "TLS only: this deployment uses TCP"
ok "a greyed step says why when focused" grep -q "TLS only: this deployment uses TCP" "$TUI_SCREEN"

tui_keys F1
tui_wait "Any key closes"
ok "F1 on a step without fields explains the step" grep -q "Certificates on OCS" "$TUI_SCREEN"
tui_keys Escape
tui_keys F2 0
tui_wait "0 · Deployment"
tui_keys Tab F1
tui_wait "The guide's example"
ok "F1 explains the focused field" grep -q "TLS or TCP between IM and Presence and OCS" "$TUI_SCREEN"
ok "F1 says where it is set" grep -q "Where it is set" "$TUI_SCREEN"
tui_keys q '?'
tui_wait "┌ Keys"
ok "? lists the keys" grep -q "F10 *save the position and quit" "$TUI_SCREEN"
tui_keys q F10
is "$(tui_exit_status)" 0 "F10 quits with status 0 (1)"

# Colours, then none: -e keeps the escape sequences in the capture.
colour_codes() { grep -cE '\[(3[0-7]|9[0-7]|38;)' "$1"; }
tui_start 80x24 "env TERM=xterm-256color \"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment"
tui_keys NPage
tui_wait "│ ✓ 0 Deployment"
tui capture-pane -e -p -t "$TUI_TARGET" >colour.screen
ok "with colours allowed, colours are used" test "$(colour_codes colour.screen)" -gt 0
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0 (2)"

for how in "env NO_COLOR=1 TERM=xterm-256color \"$FEDWIZ\" --offline p.fedwiz" \
	"env TERM=xterm-256color \"$FEDWIZ\" --offline --no-color p.fedwiz"; do
	tui_start 80x24 "$how"
	# The whole screen drawn: the focused entry is its last change.
	tui_wait "│>  ocs.test"
	tui capture-pane -e -p -t "$TUI_TARGET" >mono.screen
	is "$(colour_codes mono.screen)" 0 "${how%% p.fedwiz}: no colour at all"
	ok "${how%% p.fedwiz}: the focus is in reverse video" grep -q '\[7m' mono.screen
	ok "${how%% p.fedwiz}: and marked with >" grep -q "│> *ocs\.test" "$TUI_SCREEN"
	tui_keys F10
	is "$(tui_exit_status)" 0 "F10 quits with status 0 (3)"
done

# A non-UTF-8 locale: ASCII marks (LANG=C).
tui_start 80x24 "env LANG=C LC_ALL=C \"$FEDWIZ\" --offline tcp.fedwiz"
tui_wait "Deployment"
ok "LANG=C: the current step is marked >" grep -q "[|│] > 0 Deployment" "$TUI_SCREEN"
ok "LANG=C: n/a steps are marked -" grep -q "[|│] - 6 OCS certificate" "$TUI_SCREEN"
ok "LANG=C: steps in progress are marked ~" grep -q "[|│] ~ 1 Federated domains" "$TUI_SCREEN"
ok "LANG=C: steps not started are marked o" grep -q "[|│] o 4 Peer Auth listener" "$TUI_SCREEN"
ok "LANG=C: no UTF-8 marks" sh -c '! grep -q "[✓▶◐○–]" "$1"' _ "$TUI_SCREEN"
ok "LANG=C: ASCII borders" grep -q "^+ Steps -*++ 0 - Deployment -*+$" "$TUI_SCREEN"
ok "LANG=C: never lqqk letters" sh -c '! grep -qE "qqqq|^x |^l " "$1"' _ "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

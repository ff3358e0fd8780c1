#!/bin/sh
# The wizard shows each OCS domain's destination pattern, reversed as the
# guide asks, beside the domain; F1 on a field names the symptoms admins
# meet when it is wrong, from the table `fedwiz explain` reads.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys NPage
tui_wait "1 · Add a Microsoft"
ok "the OCS domains list has a Destination pattern column" \
	grep -q "Domain .* Description .* Destination pattern" "$TUI_SCREEN"
ok "ocs.test shows .test.ocs.*" grep -q "ocs\.test .* \.test\.ocs\.\* " "$TUI_SCREEN"
ok "branch.ocs.test shows .test.ocs.branch.*" \
	grep -q "branch\.ocs\.test .* \.test\.ocs\.branch\.\* " "$TUI_SCREEN"

tui_keys NPage NPage
tui_wait "3 · Configure Static Routes on OCS"
tui_keys F1
tui_wait "If you see"
ok "F1 on the OCS routes names ms-diagnostics 1008" \
	grep -q 'If you see "ms-diagnostics: 1008 (DNS SRV not resolved)"' "$TUI_SCREEN"
ok "with its likeliest cause" grep -q "static route on OCS for the IM and Presence" "$TUI_SCREEN"
ok "and 1014" grep -q 'If you see "ms-diagnostics: 1014' "$TUI_SCREEN"
tui_keys Escape
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"
done_testing

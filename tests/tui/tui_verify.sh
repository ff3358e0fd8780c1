#!/bin/sh
# fedwiz verify's results in the wizard: the Checklist pane's Verify
# section has the pool's item, its pane below the results with their time.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"
need openssl

. "$top_srcdir/tests/readback.sh"
"$FEDWIZ" init p.fedwiz --answers lync-enterprise.answers >/dev/null ||
	echo "Bail out! cannot create the project"
readback_fill different server
"$FEDWIZ" verify p.fedwiz --microsoft different.json >/dev/null

# The Where and what pane's text, its lines joined: a result wrapped over
# two lines reads as one.
pane_shows() {
	sed -n '/┌ Where and what/,/┘/p' "$TUI_SCREEN" |
		sed -e '1d;$d' -e 's/^│ *//' -e 's/ *│$//' | tr '\n' ' ' |
		grep -qF -- "$1"
}

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
tui_keys F2 c
tui_wait "Checklist · 0 of"
tui_keys /
tui_wait "Find in the checklist"
tui_type "Compare the live"
tui_keys Enter
tui_wait "│ >[ ] Compare the live configuration of pool1.ocs.test"
ok "the Verify section has the pool's item" grep -q \
	"│ >\[ \] Compare the live configuration of pool1.ocs.test with the project" \
	"$TUI_SCREEN"
ok "its pane shows the first result with its time" pane_shows \
	"application imptrustedapp: failed 2026-12-06 14:02: trusted application imptrustedapp:"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

readback_fill present both
"$FEDWIZ" verify p.fedwiz --microsoft present.json >/dev/null
# The wizard resumes where it was: on that item.
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "│ >[ ] Compare the live configuration of pool1.ocs.test" ||
	echo "Bail out! the wizard did not resume on the item"
ok "a new run's results replace the old" pane_shows \
	"application imptrustedapp: verified 2026-12-06 14:02: trusted application"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits again"

done_testing

#!/bin/sh
# One writer per project, with the wizard as the writer: a running wizard
# holds the lock (fedwiz import exits 3 naming it), and a second wizard on
# the same project offers read-only mode, whose banner stays visible and
# which refuses every change.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

host=$(hostname)
"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

tui_start 100x30 "\"$FEDWIZ\" p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
holder=$TUI_PID
ok "the running wizard holds the lock" test -e p.fedwiz.lock

run "$FEDWIZ" import p.fedwiz "$top_srcdir/data/example.answers"
is "$STATUS" 3 "import while the wizard runs exits 3"
ok "the wizard is named as the holder" grep -qF \
	"user $(id -un) on host $host, PID $holder," "$ERR"
ok "read-only is offered" grep -qF -- "--read-only p.fedwiz" "$ERR"

# A second wizard, in a second window of the same tmux server.
tui new-window -t fw -n second "sh -c 'cd \"$FW_TMP\" && exec \"$FEDWIZ\" p.fedwiz'"
# second_wait TEXT: polls the second window's screen for TEXT.
second_wait() {
	TUI_TARGET=fw:second tui_wait "$1"
}
second_wait "is in use by another fedwiz"
ok "the second wizard says the project is in use" grep -q \
	"p.fedwiz is in use by another fedwiz: user $(id -un) on host" "$TUI_SCREEN"
ok "it names the holder's PID" grep -q "PID $holder" "$TUI_SCREEN"
ok "it offers read-only" grep -q "r *open it read-only" "$TUI_SCREEN"

tui send-keys -t fw:second r
second_wait "READ-ONLY"
ok "read-only: a banner on the top line names the holder" grep -q \
	"^ READ-ONLY: in use by $(id -un) on $host (PID $holder)" "$TUI_SCREEN"
ok "read-only: the wizard shows the project" grep -q "Example Corp" "$TUI_SCREEN"

tui send-keys -t fw:second Enter
second_wait "read-only: nothing can be changed"
ok "read-only: Enter on a field refuses, with a reason" grep -q \
	"read-only: nothing can be changed here" "$TUI_SCREEN"
ok "read-only: no dialog opened" sh -c '! grep -q "Enter OK" "$1"' _ "$TUI_SCREEN"
ok "read-only: the banner stays" grep -q "^ READ-ONLY" "$TUI_SCREEN"
tui send-keys -t fw:second NPage a
second_wait "1 · Add a Microsoft"
second_wait "read-only: nothing can be changed here"
ok "read-only: adding an entry is refused too" grep -q \
	"read-only: nothing can be changed here" "$TUI_SCREEN"
ok "read-only: no dialog opened for it" sh -c '! grep -q "New entry" "$1"' _ "$TUI_SCREEN"
tui send-keys -t fw:second F10
sleep 0.5
ok "the reader left the holder's lock alone" grep -q "^$holder\$" p.fedwiz.lock

tui_keys F10
is "$(tui_exit_status)" 0 "the holder quits with status 0"
ok "and releases the lock" test ! -e p.fedwiz.lock
"$FEDWIZ" export p.fedwiz >after.answers
is_file after.answers before.answers "nothing changed"

# --read-only on a free project: the banner, no lock taken.
tui_start 100x30 "\"$FEDWIZ\" --read-only p.fedwiz"
tui_wait "READ-ONLY"
ok "--read-only shows the banner" grep -q "^ READ-ONLY " "$TUI_SCREEN"
ok "--read-only takes no lock" test ! -e p.fedwiz.lock
tui_keys F10
is "$(tui_exit_status)" 0 "and quits with status 0"

done_testing

#!/bin/sh
# Signal storms while typing: SIGWINCH bursts (the terminal resized over
# and over) and then SIGHUP, SIGTERM or SIGINT, several in a row, sent to
# the wizard's PID while tmux keeps typing into it. Each run must end with
# status 0, the pane's terminal modes exactly as before the wizard started
# (stty -g of the pane's tty), the normal screen and a visible cursor, the
# lock released, and the project sound: integrity_check ok and an export
# that holds every answer.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

command -v sqlite3 >/dev/null 2>&1 || {
	echo "Bail out! no sqlite3 command (./build.sh installs it)"
	exit 1
}

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

# typing N: N keys into the wizard, one send-keys each, walking the steps
# and the fields; none of them quits or opens a dialog.
typing() {
	_i=0
	while [ "$_i" -lt "$1" ]; do
		case $((_i % 4)) in
		0) tui_keys NPage ;;
		1) tui_keys Tab ;;
		2) tui_keys Down ;;
		3) tui_keys PPage ;;
		esac
		_i=$((_i + 1))
	done
}

# storm SIG...: the wizard typed at while each SIG is sent in turn, a few
# milliseconds apart.
storm() {
	typing 60 &
	_typer=$!
	for _s; do
		kill -s "$_s" "$TUI_PID" 2>/dev/null
		sleep 0.01
	done
	wait "$_typer"
}

# The project after a run: integrity, export and the lock.
project_sound() { # WHAT
	is "$(sqlite3 p.fedwiz 'PRAGMA integrity_check;' 2>&1)" ok \
		"$1: integrity_check is ok"
	"$FEDWIZ" export p.fedwiz >after.answers 2>"$ERR"
	is_file after.answers before.answers "$1: the export holds every answer"
	ok "$1: the lock is released" test ! -e p.fedwiz.lock
}

winches=$(awk 'BEGIN { for (i = 0; i < 40; i++) printf "WINCH " }')

# The pane runs pane.sh: it waits for "go" (so the terminal modes can be
# read before the wizard touches them), runs the wizard, and then keeps
# the pane and its tty alive so they can be read again afterwards.
cat >pane.sh <<'PANE'
while [ ! -e go ]; do sleep 0.05; done
sh -c 'echo $$ >fw.pid; exec "$0" --offline p.fedwiz' "$FEDWIZ"
echo $? >fw.status
exec sleep 600
PANE

for sig in HUP TERM INT; do
	rm -f go fw.pid fw.status
	tui_start 100x30 "sh pane.sh"
	tty=$(tui display -p -t "$TUI_TARGET" '#{pane_tty}')
	stty -g <"$tty" >stty.before
	touch go
	tui_wait "Steps" || echo "Bail out! the wizard did not start"
	TUI_PID=$(cat fw.pid)
	# shellcheck disable=SC2086
	storm $winches
	tui_keys F2 0
	tui_wait "0 · Deployment" 10 >/dev/null
	ok "$sig: after 40 SIGWINCH while typing, the wizard still answers keys" \
		grep -q "0 · Deployment" "$TUI_SCREEN"
	storm WINCH $sig WINCH $sig $sig
	_n=0
	while [ ! -s fw.status ] && [ $_n -lt 100 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	is "$(cat fw.status 2>/dev/null)" 0 "$sig: a storm of SIG$sig ends the wizard with status 0"
	ok "$sig: the process is gone" sh -c '! kill -0 "$1" 2>/dev/null' _ "$TUI_PID"
	stty -g <"$tty" >stty.after
	is_file stty.after stty.before "$sig: the terminal modes are as before (stty -g)"
	is "$(tui display -p -t "$TUI_TARGET" '#{alternate_on}')" 0 \
		"$sig: the normal screen is back"
	is "$(tui display -p -t "$TUI_TARGET" '#{cursor_flag}')" 1 \
		"$sig: the cursor is visible"
	project_sound "$sig"
done

# The project opens in the wizard after all that, at a usable screen.
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
ok "the wizard opens the project again" tui_wait "Steps"
tui_keys F10
is "$(tui_exit_status)" 0 "and F10 quits it"

done_testing

#!/bin/sh
# The wizard and what reaches the terminal: values planted in the project
# with sqlite3 are drawn as visible escapes (an OSC 0 title sequence does
# not retitle the pane); a C1 control or a bidi override typed into a
# dialog is left out and named; a 5 MB project name is drawn cut short and
# SIGTERM or SIGHUP still end the wizard cleanly; a 60 KB one is drawn and
# the wizard answers keys. TERM unset, unknown or dumb: one line, exit 2,
# no lock, -wal or -shm left behind.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

need sqlite3

example=$top_srcdir/data/example.answers

# answers_keys WHAT: Tab moves the focus ("> " before a field) on.
answers_keys() {
	grep -F '│> ' "$TUI_SCREEN" >focus.before
	tui_keys Tab
	_n=0
	while [ "$_n" -lt 50 ]; do
		sleep 0.1
		tui_capture
		grep -F '│> ' "$TUI_SCREEN" >focus.after
		cmp -s focus.before focus.after || break
		_n=$((_n + 1))
	done
	ok "$1: the wizard answers keys (Tab moves the focus)" \
		sh -c '! cmp -s focus.before focus.after'
}

# nothing_left WHAT: no lock and no SQLite side files beside p.fedwiz.
nothing_left() {
	ok "$1: no lock left" test ! -e p.fedwiz.lock
	ok "$1: no -wal left" test ! -e p.fedwiz-wal
	ok "$1: no -shm left" test ! -e p.fedwiz-shm
}

# set_name SQL: the project name becomes the SQL expression's value.
set_name() {
	sqlite3 p.fedwiz "UPDATE setting SET value = $1 WHERE key = 'name'"
}

"$FEDWIZ" init p.fedwiz --answers "$example" ||
	echo "Bail out! cannot create the project"

# --- planted controls are drawn as escapes ---

set_name "'A' || char(27) || ']0;owned' || char(7) || 'B' || char(155) ||
	'C' || char(8238) || 'D'"
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "Project name" || echo "Bail out! the wizard did not start"
ok "the planted name is drawn as its escapes" \
	grep -qF 'A\x1B]0;owned\x07B\u009BC\u202ED' "$TUI_SCREEN"
title=$(tui display -p -t "$TUI_TARGET" '#{pane_title}')
ok "the OSC 0 sequence did not retitle the pane ($title)" \
	test "${title#*owned}" = "$title"

# A dialog: the stored value shows as its escapes; a typed RLO and a C1
# CSI are left out, named, and the rest is saved as typed.
tui_keys F2 0 Enter
tui_wait "┌ Project name" 5 >/dev/null
ok "the dialog shows the planted value as escapes" \
	grep -qF 'A\x1B]0;owned\x07B\u009BC\u202ED' "$TUI_SCREEN"
tui_keys C-u
tui_type "$(printf 'ab\342\200\256c')"
tui_wait "left out" 5 >/dev/null
ok "a typed RLO is named" grep -qF \
	"! typed U+202E RIGHT-TO-LEFT OVERRIDE left out" \
	"$TUI_SCREEN"
tui_type "$(printf 'd\302\233e')"
tui_wait "U+009B" 5 >/dev/null
ok "a typed C1 CSI is named" grep -qF "! typed control character U+009B left out" \
	"$TUI_SCREEN"
tui_keys Enter
tui_wait " fedwiz · abcde · " 5 >/dev/null
ok "what was typed around them is saved" grep -qF " fedwiz · abcde · " \
	"$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
is "$(sqlite3 p.fedwiz "SELECT value FROM setting WHERE key = 'name'")" \
	abcde "the project holds the name without them"

# --- a 5 MB value ---
# The project name is bounded (200 characters, on import and on every
# open), so the long values go where text is free: an OCS domain's
# description. The name at its longest is what is cut short on screen.

set_name "replace(hex(zeroblob(100)), '00', 'ab')"
sqlite3 p.fedwiz "UPDATE ocs_domain SET description = replace(hex(zeroblob(2621440)), '00', 'ab') WHERE id = (SELECT min(id) FROM ocs_domain)"
for sig in TERM HUP; do
	tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
	ok "5 MB description: the wizard draws ($sig run)" tui_wait "Project name"
	ok "200-character name: the field is cut short with an ellipsis" \
		grep -qE '│[> ] Project name +(ab)+a?…│' "$TUI_SCREEN"
	answers_keys "5 MB description"
	kill -s "$sig" "$TUI_PID"
	is "$(tui_exit_status)" 0 "5 MB description: SIG$sig ends the wizard with status 0"
	nothing_left "5 MB description, SIG$sig"
done

# --- a 60 KB value, as import takes it ---

awk -v l="description = $(head -c 61440 /dev/zero | tr '\0' n)" \
	'/^description = OCS 2007 R2, headquarters/ { print l; next } { print }' "$example" \
	>60k.answers
run "$FEDWIZ" import p.fedwiz 60k.answers
is "$STATUS" 0 "import takes a 60 KB description"
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
ok "60 KB description: the wizard draws" tui_wait "Project name"
answers_keys "60 KB description"
tui_keys F10
is "$(tui_exit_status)" 0 "60 KB description: F10 quits"
nothing_left "60 KB description"

# --- TERM ---

# refused WHAT ENV MESSAGE: the wizard under ENV (env(1) arguments) ends
# with status 2 and the one line MESSAGE, leaving nothing behind.
refused() {
	# A new pane each time; what it says is read from its stderr, kept
	# in a file: a dead pane's text is not always there to capture.
	tui kill-session -t fw 2>/dev/null
	rm -f term.err
	tui_start 250x30 "env $2 \"$FEDWIZ\" --offline p.fedwiz 2>\"$PWD/term.err\""
	is "$(tui_exit_status)" 2 "$1: exit 2"
	ok "$1: it says what to do" grep -qF -- "$3" term.err
	is "$(grep -c . term.err)" 1 "$1: one line"
	nothing_left "$1"
}
refused "TERM unset" "-u TERM" \
	"fedwiz: TERM is not set (set TERM=xterm-256color or run inside tmux)"
refused "TERM unknown" "TERM=no-such-term" \
	"fedwiz: TERM 'no-such-term' is not a terminal type this system knows"
refused "TERM=dumb" "TERM=dumb" \
	"fedwiz: TERM 'dumb' cannot move the cursor"
ok "TERM=dumb: the line points to the commands" grep -qF \
	"use the commands init, import, validate, checklist" term.err
run "$FEDWIZ" show p.fedwiz
is "$STATUS" 0 "the project opens after all that"
ok "... without taking over a stale lock" sh -c '! grep -q stale "$1"' _ "$ERR"

done_testing

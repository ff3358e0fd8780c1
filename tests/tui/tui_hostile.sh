#!/bin/sh
# Hostile input typed into the wizard's dialogs (the CLI's cases are
# tests/cli/hostile.table): over-long names, invalid UTF-8 bytes, ports
# 0 / 65536 / -1 / abc, malformed IPv4 and IPv6. Each must keep the dialog
# open with exactly one "!" line naming what is wrong, and Esc must leave
# the project as it was: the export at the end equals the one before.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

# dialog_errors: the "!" lines inside the open dialog, in the last capture.
dialog_errors() {
	grep -c '│ │ ! ' "$TUI_SCREEN"
}

# try TITLE KEYS VALUE PATTERN WHAT: KEYS (tmux key names, split on
# blanks) open the dialog titled TITLE and reach the field; its text is
# replaced by VALUE (hex:XX... sends those raw bytes), Enter is pressed,
# and the one "!" line must match the extended regular expression PATTERN.
# $to_ok: the keys that go from the field to the dialog's last one, where
# Enter is OK.
to_ok=
try() {
	# shellcheck disable=SC2086
	tui_keys $2
	tui_wait "┌ $1" 5 >/dev/null || diag "$5: no dialog '$1'"
	tui_keys C-u
	case $3 in
	hex:*)	# shellcheck disable=SC2046
		tui send-keys -t "$TUI_TARGET" -H $(printf '%s' "${3#hex:}" |
			sed 's/../& /g') ;;
	*) tui_type "$3" ;;
	esac
	# shellcheck disable=SC2086
	tui_keys $to_ok Enter
	tui_wait '│ │ ! ' 5 >/dev/null
	is "$(dialog_errors)" 1 "$5: one error line in the dialog"
	ok "$5: it says what is wrong" grep -qE "│ │ ! .*$4" "$TUI_SCREEN"
	ok "$5: the dialog stays open" grep -qF "┌ $1" "$TUI_SCREEN"
	tui_keys Escape
	tui_wait_gone "┌ $1" 5 || diag "$5: Esc did not close the dialog"
}

long=$(head -c 4000 /dev/zero | tr '\0' n)
label60=$(head -c 60 /dev/zero | tr '\0' a)
fqdn300=$label60.$label60.$label60.$label60.$label60.com

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"

# A fresh project opens on step 0, first field: the project name.
try "Project name" Enter "$long" "1 to 200 characters" "a 4,000-character project name"
try "Project name" Enter "hex:fffe" "1 to 200 characters" \
	"invalid UTF-8 bytes alone for a name: dropped, so it is empty"

# Step 0's node list: the first node's dialog, FQDN then IP.
tui_keys Tab Tab Tab
node="IM and Presence nodes: cup1.example.com"
to_ok=Tab
try "$node" Enter "$fqdn300" "at most 253" "a 300-character FQDN"
try "$node" Enter "cup_1.example.com" "not allowed" "an underscore in a host name"
try "$node" Enter "cup1..example.com" "empty label" "two dots in a row"
to_ok=
for v in 256.0.2.11 192.0.2 192.0.2.11.1 192.0.2.011 192.0.2.11/24 \
    2001:db8::1::2 2001:db8::12345 1:2:3:4:5:6:7:8:9 '[2001:db8::1]'; do
	try "$node" "Enter Tab" "$v" "IPv4 or IPv6|not" "IP '$v'"
done

# Step 4: the listener ports.
tui_keys F2 4
tui_wait "4 · Verify Peer Authentication Listener"
for v in 0 65536 -1 abc 99999999999999999999 ''; do
	try "Peer Auth listener port" Enter "$v" "port|range|empty" "Peer Auth port '$v'"
done

tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits after all that"
"$FEDWIZ" export p.fedwiz >after.answers
is_file after.answers before.answers "nothing typed above was saved"

# Invalid bytes in one burst with good text (a paste, a terminal in the
# wrong encoding): the bytes are refused with one line, the characters
# after them land. ncurses' wget_wch used to lose everything after them.
tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
# It resumes on step 4, where it was left.
tui_wait "4 · Verify Peer" || echo "Bail out! the wizard did not start"
tui_keys F2 0 Enter
tui_wait "┌ Project name" 5 >/dev/null
# N o r d, FF FE, é, a, a character cut short (E2 82), x
tui_keys C-u
tui send-keys -t "$TUI_TARGET" -H 4e 6f 72 64 ff fe c3 a9 61 e2 82 78
tui_wait "Nordéax" 5 >/dev/null
ok "é, a and x typed after invalid bytes are kept" \
	grep -qF "│ │ Project name  Nordéax " "$TUI_SCREEN"
is "$(dialog_errors)" 1 "the invalid bytes get one error line"
ok "it says they were left out" \
	grep -qE "│ │ ! typed bytes that are not valid UTF-8 were left out" \
	"$TUI_SCREEN"
# A resize between the two bytes of é (an SSH client sends them apart,
# a window manager resizes meanwhile) does not cut it.
tui send-keys -t "$TUI_TARGET" -H c3
sleep 0.3
tui_resize 100x31
sleep 0.3
tui send-keys -t "$TUI_TARGET" -H a9
tui_wait "Nordéaxé" 5 >/dev/null
ok "é survives a resize between its bytes" \
	grep -qF "│ │ Project name  Nordéaxé " "$TUI_SCREEN"
tui_keys Enter
tui_wait " fedwiz · Nordéaxé · " 5 >/dev/null
ok "Enter saves the name as typed" grep -qF " fedwiz · Nordéaxé · " \
	"$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"
"$FEDWIZ" export p.fedwiz >typed.answers
ok "the project holds the name without the invalid bytes" \
	grep -qx "name = Nordéaxé" typed.answers

# A UTF-8 terminal under LANG=C: ü is no ASCII, so it is left out, and the
# line says which locale would take it.
tui_start 100x30 "env LANG=C LC_ALL=C \"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 - Deployment" || echo "Bail out! the wizard did not start"
tui_keys Enter
tui_wait "+ Project name" 5 >/dev/null
tui_keys C-u
tui_type "Zürich"
tui_wait "Zrich" 5 >/dev/null
ok "LANG=C: the ASCII around ü is kept" \
	grep -qF "| | Project name  Zrich " "$TUI_SCREEN"
ok "LANG=C: the line says the bytes are no ASCII" \
	grep -qF "| | ! typed bytes that are not valid ASCII were left out;" \
	"$TUI_SCREEN"
ok "LANG=C: and which locale would take them" \
	grep -qF "(LANG=C.UTF-8) they would be text" "$TUI_SCREEN"
tui_keys Escape F10
is "$(tui_exit_status)" 0 "LANG=C: Esc, F10 quits"

done_testing

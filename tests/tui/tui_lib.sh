# tests/tui/tui_lib.sh: drive the real fedwiz in a private, detached tmux.
# Source after tests/lib.sh:
#
#	. "${top_srcdir:-.}/tests/lib.sh"
#	. "$top_srcdir/tests/tui/tui_lib.sh"
#	tui_start 100x30 "\"\$FEDWIZ\" p.fedwiz"
#	tui_wait "Steps" || echo "Bail out! the wizard did not start"
#	tui_keys F10
#
# The tmux server has its own socket (-L fwtest-PID) and no user config;
# only that server is ever killed. Waits poll the screen with a timeout
# instead of sleeping a fixed time.

command -v tmux >/dev/null 2>&1 || {
	# ./build.sh installs tmux: a missing tmux is a broken setup, not a skip.
	echo "Bail out! tmux is not installed (./build.sh installs it)"
	exit 1
}

TUI_SOCK=fwtest-$$
# The first window: tests may open more.
TUI_TARGET=fw:0
TUI_SCREEN=$FW_TMP/screen
# Sanitizer builds start slower; polls stop early when the text shows.
TUI_TIMEOUT=${TUI_TIMEOUT:-20}

tui() {
	tmux -L "$TUI_SOCK" -f "$FW_TMP/tmux.conf" "$@"
}

trap 'tmux -L "$TUI_SOCK" kill-server 2>/dev/null; cd / && rm -rf "$FW_TMP"' EXIT

# The pane keeps its process's exit status after it ends.
cat >"$FW_TMP/tmux.conf" <<'CONF'
set -g remain-on-exit on
set -g default-terminal screen
set -g status off
set -g escape-time 0
CONF

# tui_start COLSxLINES COMMAND: runs COMMAND (sh syntax, in $FW_TMP) in a
# new session of that size. Its PID (the fedwiz process: the inner sh
# execs it) goes to $TUI_PID, its exit status to $FW_TMP/fedwiz.status.
tui_start() {
	rm -f "$FW_TMP/fedwiz.pid" "$FW_TMP/fedwiz.status"
	cat >"$FW_TMP/run.sh" <<RUN
#!/bin/sh
cd '$FW_TMP' || exit 99
sh -c 'echo \$\$ >"$FW_TMP/fedwiz.pid"; exec $2'
echo \$? >'$FW_TMP/fedwiz.status'
RUN
	# A restart reuses the pane: a server that is shutting down would
	# refuse a new session.
	if tui has-session -t fw 2>/dev/null; then
		tui resize-window -t "$TUI_TARGET" -x "${1%x*}" -y "${1#*x}"
		tui respawn-pane -k -t "$TUI_TARGET" "sh '$FW_TMP/run.sh'"
	else
		tui new-session -d -s fw -x "${1%x*}" -y "${1#*x}" \
			"sh '$FW_TMP/run.sh'"
	fi
	_i=0
	while [ ! -s "$FW_TMP/fedwiz.pid" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	TUI_PID=$(cat "$FW_TMP/fedwiz.pid" 2>/dev/null)
}

# tui_capture [FILE]: the screen as text (default $TUI_SCREEN).
tui_capture() {
	tui capture-pane -p -t "$TUI_TARGET" >"${1:-$TUI_SCREEN}" 2>/dev/null
}

# tui_wait TEXT [SECONDS]: returns 0 once TEXT shows and the screen is
# whole (tui_settle), 1 at the timeout (the last screen is printed as TAP
# comments then).
tui_wait() {
	tui_seen "$@" && tui_settle
}

# tui_seen TEXT [SECONDS]: like tui_wait, but returns as soon as TEXT
# shows, for tests that only need to know it did. Polls every $TUI_POLL
# seconds (0.1 unless the test sets it).
tui_seen() {
	_end=$(( $(date +%s) + ${2:-$TUI_TIMEOUT} ))
	while :; do
		tui_capture
		grep -qF -- "$1" "$TUI_SCREEN" && return 0
		[ "$(date +%s)" -ge "$_end" ] && break
		sleep "${TUI_POLL:-0.1}"
	done
	diag "timed out waiting for: $1"
	sed 's/^/| /' "$TUI_SCREEN" | diag "$(cat)"
	return 1
}

# tui_settle: on a loaded machine a capture can catch the wizard mid-draw
# (one pane drawn, the next not yet); capture again until two captures
# 0.1 s apart agree (2 s at most), so assertions read a whole screen.
tui_settle() {
	_n=0
	while [ "$_n" -lt 20 ]; do
		cp "$TUI_SCREEN" "$TUI_SCREEN.prev"
		sleep 0.1
		tui_capture
		cmp -s "$TUI_SCREEN" "$TUI_SCREEN.prev" && return 0
		_n=$((_n + 1))
	done
}

# tui_wait_gone TEXT [SECONDS]: the opposite.
tui_wait_gone() {
	_end=$(( $(date +%s) + ${2:-$TUI_TIMEOUT} ))
	while :; do
		tui_capture
		grep -qF -- "$1" "$TUI_SCREEN" || return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.1
	done
}

# tui_keys KEY...: tmux key names (Enter, Tab, BTab, F10, NPage, C-u...).
tui_keys() {
	tui send-keys -t "$TUI_TARGET" "$@"
}

# tui_type TEXT: literal text.
tui_type() {
	tui send-keys -t "$TUI_TARGET" -l -- "$1"
}

# tui_exit_status: waits for fedwiz to end, prints its exit status (empty
# at the timeout).
tui_exit_status() {
	_end=$(( $(date +%s) + TUI_TIMEOUT ))
	while [ ! -s "$FW_TMP/fedwiz.status" ]; do
		if [ "$(date +%s)" -ge "$_end" ]; then
			diag "fedwiz did not end" >&2
			return 0
		fi
		sleep 0.1
	done
	cat "$FW_TMP/fedwiz.status"
}

# cursor_on TEXT: the hardware cursor is on the screen line holding TEXT
# (in the last capture).
cursor_on() {
	_y=$(tui display-message -p -t "$TUI_TARGET" '#{cursor_y}')
	sed -n "$((_y + 1))p" "$TUI_SCREEN" | grep -qF -- "$1"
}

# tui_resize COLSxLINES
tui_resize() {
	tui resize-window -t "$TUI_TARGET" -x "${1%x*}" -y "${1#*x}"
}

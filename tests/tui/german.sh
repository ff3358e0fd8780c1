#!/bin/sh
# The wizard under LANG=de_DE.UTF-8 in a detached tmux at 80x24: German text
# with its umlauts drawn as characters (not as bytes or '?'), and every
# border where it belongs: each screen line is exactly 80 columns wide and
# ends in a box character, so no translated string pushed a border out of
# line. Catalogues from the build tree (see tests/cli/cli_german.sh).
. "${top_srcdir:-.}/tests/lib.sh"

if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
	echo "Bail out! no de_DE.UTF-8 locale; ./build.sh check generates it"
	exit 1
fi
command -v tmux >/dev/null 2>&1 ||
	{ echo "Bail out! tmux is missing; ./build.sh check installs it"; exit 1; }

LANG=de_DE.UTF-8
FEDWIZ_LOCALEDIR=$top_builddir/locale
export LANG FEDWIZ_LOCALEDIR

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

# A private tmux server (its own socket), ended by its PID at exit.
sock=$FW_TMP/tmux.sock
tmux_() { tmux -S "$sock" -f /dev/null "$@"; }
tmux_pid=
stop_tmux() {
	[ -n "$tmux_pid" ] && kill "$tmux_pid" 2>/dev/null
	cd / && rm -rf "$FW_TMP"
}
trap stop_tmux EXIT

tmux_ new-session -d -x 80 -y 24 \
	"'$FEDWIZ' --read-only p.fedwiz; echo fedwiz-exit=\$?; sleep 30" ||
	echo "Bail out! tmux cannot start a session"
tmux_pid=$(tmux_ display-message -p '#{pid}')

# wait_for TEXT: poll the screen (up to 10 s) until it shows TEXT.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tmux_ capture-pane -p >screen.txt
		grep -qF "$1" screen.txt && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diag "screen without '$1':" "$(cat screen.txt)"
	return 1
}

ok "the wizard shows its German key hint" wait_for "F10 oder q: beenden"
ok "'schreibgeschützt' is drawn with its umlaut" \
	grep -q '│ schreibgeschützt  ' screen.txt
ok "the screen holds no replacement characters" \
	sh -c '! grep -q "[?�]" screen.txt'

# Every line is 80 columns and ends in a border character.
is "$(wc -l <screen.txt)" 24 "the capture has 24 lines"
bad=$(while IFS= read -r line; do
	w=$(printf '%s\n' "$line" | wc -L)
	case $line in
	*[┐│┘]) [ "$w" -eq 80 ] || echo "$w: $line" ;;
	*) echo "no border: $line" ;;
	esac
done <screen.txt)
ok "every line is 80 columns and ends in the right border" test -z "$bad"
[ -n "$bad" ] && diag "$bad"
ok "the top-left corner is in column 1" grep -q '^┌' screen.txt

# Only that it ends: exit statuses are the wizard's own tests' concern.
tmux_ send-keys F10
ok "F10 quits the wizard" wait_for "fedwiz-exit="

done_testing

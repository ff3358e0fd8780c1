#!/bin/sh
# The wizard under LANG=de_DE.UTF-8 at 80x24: German text with its umlauts
# drawn as characters, and every border where it belongs: each boxed line
# is exactly 80 columns and ends in a box character, so no translated
# string (measured in bytes instead of columns) pushed a border out of
# line. Also the help, the too-small screen and the legend in German.
# Catalogues from the build tree (see tests/cli/cli_german.sh).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
	echo "Bail out! no de_DE.UTF-8 locale; ./build.sh check generates it"
	exit 1
fi
LANG=de_DE.UTF-8
FEDWIZ_LOCALEDIR=$top_builddir/locale
export LANG FEDWIZ_LOCALEDIR

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

# boxes_aligned: every line of the screen that starts with a box character
# is 80 columns wide and ends with one (in the last capture).
boxes_aligned() {
	_bad=$(grep '^[┌│└]' "$TUI_SCREEN" | while IFS= read -r _l; do
		_w=$(printf '%s\n' "$_l" | wc -L)
		case $_l in
		*[┐│┘]) [ "$_w" -eq 80 ] || echo "$_w columns: $_l" ;;
		*) echo "no right border: $_l" ;;
		esac
	done)
	[ -z "$_bad" ] && return 0
	diag "$_bad"
	return 1
}

# panes_aligned: the border between the steps pane and the main pane stays
# in one column on every row of the steps pane, whatever German text
# either pane holds (a string measured in bytes would overwrite it, and
# the line would still be 80 columns).
panes_aligned() {
	_top=$(grep -n '^┌ Schritte ─' "$TUI_SCREEN" | head -n 1 | cut -d: -f1)
	[ -n "$_top" ] || { diag "no steps pane"; return 1; }
	_n=$(sed -n "${_top}p" "$TUI_SCREEN" | sed 's/┐┌.*//' | tr -d '\n' | wc -m)
	_bad=$(sed -n "$((_top + 1)),\$p" "$TUI_SCREEN" | sed '/^└/q' |
		sed -n "s/^.\{$_n\}\(..\).*/\1/p" | grep -v '^[│┘][│└]$')
	[ -z "$_bad" ] && return 0
	diag "pane border out of column $((_n + 1)): $_bad"
	return 1
}

tui_start 80x24 "\"\$FEDWIZ\" --offline p.fedwiz"
ok "the wizard starts in German" tui_wait "┌ Schritte ─"
# The top line fits the German save state and progress beside the name.
ok "the top line is German: project, file, saved, progress" grep -q \
	'^ fedwiz · Ex.* · p\.fedwiz · Stand [0-9:]* · [0-9]*/[0-9]* Schritte · [0-9]*/[0-9]* fertig' \
	"$TUI_SCREEN"
ok "a step title with umlauts sits between its borders" \
	grep -q '^│ . 1 Föderierte Domänen ││' "$TUI_SCREEN"
ok "the legend is German" grep -q '^ Tab Feld  PgDn Schritt  Enter ändern' \
	"$TUI_SCREEN"
ok "the German project step: boxes aligned" boxes_aligned
ok "the German project step: pane borders in one column" panes_aligned

tui_keys NPage
ok "step 1 explains itself in German" tui_wait "Ein Eintrag als föderierte Domäne"
ok "its list heads are German" grep -q '│   Domäne  ' "$TUI_SCREEN"
# "Description" is two messages (msgctxt): this heading is translated, the
# Cisco field of the same name in the checklist is not (cli_german.sh).
ok "the Description column is headed in German" \
	grep -q '│   Domäne  *Beschreibung ' "$TUI_SCREEN"
ok "step 1: boxes aligned" boxes_aligned
ok "step 1: pane borders in one column" panes_aligned

tui_keys F1
ok "F1 opens the German help" tui_wait "Jede Taste schließt diese Hilfe."
ok "the help says where the field is set, in German" \
	grep -q '│ Wo es eingestellt wird ' "$TUI_SCREEN"
ok "help: boxes aligned" boxes_aligned
ok "help: pane borders in one column" panes_aligned
tui_keys Escape
tui_wait_gone "Jede Taste schließt diese Hilfe." ||
	diag "the help did not close"

tui_resize 60x20
ok "a terminal too small is explained in German" \
	tui_wait "fedwiz braucht mindestens 80x24; dieses Terminal hat 60x20."
ok "and how to go on" grep -q 'Vergrößern Sie es; nichts geht verloren. F10 beendet.' \
	"$TUI_SCREEN"
tui_resize 80x24
ok "back at 80x24 the steps return" tui_wait "┌ Schritte ─"
ok "after the resize: boxes aligned" boxes_aligned

tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"

# A file name that leaves no room for the project name: the save state and
# progress still show.
long=ein-sehr-langer-name-fuer-die-projektdatei-der-foederation.fedwiz
cp p.fedwiz "$long"
tui_start 80x24 "\"\$FEDWIZ\" --offline $long"
ok "a long file name: the wizard starts" tui_wait "┌ Schritte ─"
ok "a long file name: saved and progress still on the top line" \
	grep -q ' Stand [0-9:]* · [0-9]*/[0-9]* Schritte · [0-9]*/[0-9]* fertig *$' \
	"$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits again"

# Lync and Skype for Business: the steps' own German names whole in the
# steps pane (19 columns), and a mixed project's steps with both forms.
"$FEDWIZ" init lync.fedwiz \
	--answers "$top_srcdir/tests/fixtures/lync2013-enterprise.answers" ||
	echo "Bail out! cannot create the Lync project"
tui_start 80x24 "\"\$FEDWIZ\" --offline lync.fedwiz"
ok "Lync: the wizard starts in German" tui_wait "┌ Schritte ─"
ok "Lync: step 3's German name" grep -q '^│ . 3 Routen auf Lync  *││' \
	"$TUI_SCREEN"
ok "Lync: step 5's German name whole" \
	grep -q '^│ . 5 Vertraute Anwendung││' "$TUI_SCREEN"
ok "Lync: step 7 not applicable" grep -q '^│ – 7 OCS-Listener-Port ' \
	"$TUI_SCREEN"
tui_keys F2 5
ok "Lync step 5 explains the pool in German" \
	tui_wait "Lync vertraut den IM-and-Presence-Knoten"
ok "Lync step 5: boxes aligned" boxes_aligned
ok "Lync step 5: pane borders in one column" panes_aligned
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits the Lync project"

"$FEDWIZ" init mixed.fedwiz \
	--answers "$top_srcdir/tests/fixtures/mixed-ocs-sfb2019.answers" ||
	echo "Bail out! cannot create the mixed project"
tui_start 80x24 "\"\$FEDWIZ\" --offline mixed.fedwiz"
ok "mixed: the wizard starts in German" tui_wait "┌ Schritte ─"
ok "mixed: step 5 names both forms whole" \
	grep -q '^│ . 5 Hostaut./vertr. App││' "$TUI_SCREEN"
ok "mixed: step 6 too" grep -q '^│ . 6 Zert. OCS und Lync ││' "$TUI_SCREEN"
tui_keys F2 5
ok "mixed step 5: host authorization headed in German" \
	tui_wait "│ Hostautorisierung "
ok "... beside the trusted application" \
	grep -q '│ Vertraute Anwendung ' "$TUI_SCREEN"
ok "mixed step 5: boxes aligned" boxes_aligned
ok "mixed step 5: pane borders in one column" panes_aligned
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits the mixed project"

done_testing

#!/bin/sh
# With no PROJECT: the start screen lists the projects in the data folder
# with progress and last change; Enter resumes one (one keypress), n makes
# a new one named by the admin, o opens any project file.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

data=$XDG_DATA_HOME/fedwiz
mkdir -p "$data"
"$FEDWIZ" init "$data/a-example.fedwiz" --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create a project"
"$FEDWIZ" init "$data/b-empty.fedwiz" || echo "Bail out! cannot create a project"
mkdir elsewhere
"$FEDWIZ" init elsewhere/x.fedwiz --answers "$top_srcdir/data/example.answers"

tui_start 100x30 "\"$FEDWIZ\""
tui_wait "Projects in ~/.local/share/fedwiz" || echo "Bail out! no start screen"
ok "a project is listed by name" grep -q "Example Corp: IM and Presen" "$TUI_SCREEN"
ok "with its progress and last change" grep -qE \
	"step 0 of 9 +1/10 steps complete +changed [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}" \
	"$TUI_SCREEN"
ok "an unnamed project by its file" grep -q "b-empty.fedwiz" "$TUI_SCREEN"
ok "New project is offered" grep -q "New project… (n)" "$TUI_SCREEN"
ok "Open file is offered" grep -q "Open file… (o)" "$TUI_SCREEN"
ok "the first project has the focus" grep -q "│> *Example Corp" "$TUI_SCREEN"
ok "the legend names the start keys" grep -q "Enter resume" "$TUI_SCREEN"

tui_keys Enter
tui_wait "0 · Deployment"
ok "Enter resumes it in the wizard" grep -q "a-example.fedwiz" "$TUI_SCREEN"
ok "it holds the lock now" test -e "$data/a-example.fedwiz.lock"
tui_keys F2 3 F10
is "$(tui_exit_status)" 0 "F10 quits"

tui_start 100x30 "\"$FEDWIZ\""
tui_wait "Projects in"
ok "the list shows where it was left" grep -q "step 3 of 9" "$TUI_SCREEN"

tui_keys n
tui_wait "New project"
tui_type "Tailspin plain TCP"
tui_keys Enter
tui_wait "0 · Deployment"
ok "n: the new project is open, named" grep -q "fedwiz · Tailspin plain TCP · tailspin-plain-tcp.fedwiz" "$TUI_SCREEN"
ok "n: its file is in the data folder" test -f "$data/tailspin-plain-tcp.fedwiz"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0 (1)"
run "$FEDWIZ" export "$data/tailspin-plain-tcp.fedwiz"
ok "n: the name is saved" grep -q "^name = Tailspin plain TCP$" "$OUT"

tui_start 100x30 "\"$FEDWIZ\""
tui_wait "Projects in"
tui_keys n
tui_wait "New project"
tui_type "Tailspin plain TCP"
tui_keys Enter
tui_wait "exists already"
ok "n: an existing name is refused in the dialog" grep -q "exists already; choose another name" "$TUI_SCREEN"
tui_keys Escape
sleep 0.2
tui_keys o
tui_wait "Open a project file"
tui_type "nothere.fedwiz"
tui_keys Enter
tui_wait "!"
ok "o: a missing file is refused in the dialog" grep -q "nothere.fedwiz" "$TUI_SCREEN"
ok "o: and not created" test ! -e nothere.fedwiz
tui_keys C-u
tui_type "elsewhere/x.fedwiz"
tui_keys Enter
tui_wait "0 · Deployment"
ok "o: the file is open in the wizard" grep -q "· x.fedwiz ·" "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

# XDG_DATA_HOME naming a file: one line that says so, not a generic error.
: >xdg-file
tui_start 200x30 "env XDG_DATA_HOME='$PWD/xdg-file' \"$FEDWIZ\""
tui_wait "XDG_DATA_HOME"
ok "XDG_DATA_HOME on a file: the start screen says so" grep -q \
	"XDG_DATA_HOME is .*/xdg-file, a file, not a folder; point it at a folder or unset it" \
	"$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

/*
 * ui_keys.c: the one table of keys. The `?` screen lists it, the legend
 * picks the entries with a legend word for the current context, and
 * fedwiz(1)'s KEYS section is written from it (tests/tui/tui_keys.sh
 * checks that every key here is in the manual).
 */
#include "config.h"

#include "ui_app.h"

#include "fw_i18n.h"

#define W UI_CTX_WIZARD
#define L UI_CTX_LIST
#define D UI_CTX_DIALOG
#define S UI_CTX_START
#define P UI_CTX_STEPS
#define C UI_CTX_CHECK
#define T UI_CTX_TEST

/* In legend order: the keys that matter most first. t comes after F10:
 * at 80 columns the list rows' legend has no room for both, and the
 * list's "Add" row names t there. */
static const struct ui_key_help keys[] = {
	{ "Tab", N_("field"), N_("next field; Shift-Tab previous"), W | D },
	{ "PgDn", N_("step"), N_("next step (C-n); PgUp previous (C-p)"), W },
	{ "Enter", N_("edit"), N_("edit or tick; dialog: OK; start: resume"),
	  W | L },
	{ "Space", N_("tick"), N_("tick; in a dialog, next choice"), C },
	{ "Up Down", NULL, N_("entry of a list, or field"), 0 },
	{ "a", N_("add"), N_("add an entry to the list (Insert)"), L },
	{ "d", N_("delete"), N_("delete the entry (Delete), after y"), L },
	{ "f", NULL, N_("pick a certificate file from a list"), 0 },
	{ "n", N_("next open"), N_("checklist: the next open item"), C },
	{ "/", N_("search"), N_("checklist: find an item by its text"), C },
	{ "p", N_("print"), N_("checklist: write it as HTML to print"), C },
	{ "e", N_("export"), N_("checklist: write it to a file"), C },
	{ "F1", N_("help"), N_("what the field is, where it is set"),
	  W | L },
	{ "F2", N_("go to"), N_("go to a step: digit, c, or Up/Down/Enter"),
	  W | L | C },
	{ "Esc", N_("cancel"), N_("close dialog, help, test; never quits"),
	  D | P },
	{ "Enter", N_("OK"), NULL, D },
	{ "n", N_("new"), N_("start screen: new project"), S },
	{ "o", N_("open file"), N_("start screen: open a project file"), S },
	{ "Enter", N_("resume"), NULL, S },
	{ "F10", N_("quit"), N_("save the position and quit"),
	  W | L | S | C },
	{ "t", N_("test"), N_("probe the route's next hop; t, Esc stop"), T },
	{ "?", N_("keys"), N_("this list of keys"), W | L | C },
};

const struct ui_key_help *
ui_keys_table(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}

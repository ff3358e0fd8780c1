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

/* In legend order: the keys that matter most first. */
static const struct ui_key_help keys[] = {
	{ "Tab", N_("field"), N_("next field; Shift-Tab previous"), W | D },
	{ "PgDn", N_("step"), N_("next step; PgUp previous"), W },
	{ "C-n C-p", NULL, N_("next, previous step"), 0 },
	{ "Enter", N_("edit"), N_("edit the field, or tick it"), W | L },
	{ "Space", NULL, N_("tick; in a dialog, next choice"), 0 },
	{ "Up Down", NULL, N_("entry of a list, or field"), 0 },
	{ "a", N_("add"), N_("add an entry to the list (Insert)"), L },
	{ "d", N_("delete"), N_("delete the entry (Delete), after y"), L },
	{ "f", NULL, N_("pick a certificate file from a list"), 0 },
	{ "F1", N_("help"), N_("what the field is, where it is set"),
	  W | L },
	{ "F2", N_("go to"), N_("go to a step: digit, or Up/Down/Enter"),
	  W | L },
	{ "Esc", N_("cancel"), N_("close a dialog or help; never quits"),
	  D | P },
	{ "Enter", N_("OK"), N_("on a dialog's last field: OK"), D },
	{ "n", N_("new"), N_("start screen: new project"), S },
	{ "o", N_("open file"), N_("start screen: open a project file"), S },
	{ "Enter", N_("resume"), N_("start screen: resume the project"), S },
	{ "F10", N_("quit"), N_("save the position and quit"), W | L | S },
	{ "?", N_("keys"), N_("this list of keys"), W | L },
};

const struct ui_key_help *
ui_keys_table(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}

/*
 * ui_dialog.c: the edit dialog over the main pane: a list entry (its
 * columns from the flow table), one setting, a certificate path, or on
 * the start screen a new project's name or a file to open.
 *
 * Esc is Cancel, Enter on the last field is OK. On OK every value goes
 * through the core's checks first; a refusal keeps the dialog open with
 * the core's one-line reason and saves nothing.
 *
 * A list entry, a setting or a certificate file is judged as it is typed
 * (fw_judge.h): after a short pause without keys, and again whenever a
 * DNS answer arrives. The worst finding shows in the dialog, all of them
 * in the findings pane; nothing is saved before Enter.
 */
#include "config.h"

#include "ui_app.h"
#include "ui_field.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "fw_certfile.h"
#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_judge.h"
#include "fw_rows.h"
#include "fw_util.h"

#define FIELDS_MAX FW_ROWS_COLUMNS_MAX
/* Keys closer together than this are one burst of typing: the values are
 * judged once it ends (design/screens.md: "after a short pause"). */
#define JUDGE_PAUSE_MS 300

struct dlg_field {
	const char *label;	/* translated */
	struct ui_field edit;
	char **choices;		/* NULL: free text */
	size_t n_choices, choice;
};

struct ui_dialog {
	enum ui_dialog_kind kind;
	const struct fw_field *field;
	enum fw_list list;
	size_t row;
	size_t col_of[FIELDS_MAX];	/* ROW: the column each field edits */
	char *title;
	struct dlg_field f[FIELDS_MAX];
	size_t n, focus;
	char *error;
	char *dropped;			/* why typed bytes were left out */
	long long dropped_at;		/* monotonic ms of the last such byte */
	struct fw_findings live;	/* the values as typed, judged */
	int judged;			/* live holds a verdict */
	long long judge_at;		/* monotonic ms; 0 = nothing to judge */
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The field's value (free()): its choice, or its text. */
static char *
get_text(const struct dlg_field *f)
{
	if (f->choices != NULL)
		return xstrdup(f->choices[f->choice]);
	return ui_field_get(&f->edit);
}

static void
add_choice(struct dlg_field *f, const char *s, const char *current)
{
	f->choices = xreallocarray(f->choices, f->n_choices + 1,
	    sizeof *f->choices);
	if (current != NULL && fw_strcaseeq(s, current))
		f->choice = f->n_choices;
	f->choices[f->n_choices++] = xstrdup(s);
}

/* A column's field: free text, or the names it may refer to. */
static void
column_field(struct ui_app *app, struct dlg_field *df,
    const struct fw_column *c, const char *value)
{
	enum fw_list ref;
	size_t i, n;
	int m;

	df->label = _(c->label);
	if (c->kind == FW_COL_ROUTE) {
		add_choice(df, fw_route_name(FW_ROUTE_PRIMARY), value);
		add_choice(df, fw_route_name(FW_ROUTE_BACKUP), value);
		add_choice(df, fw_route_name(FW_ROUTE_NONE), value);
		return;
	}
	if (c->kind == FW_COL_MICROSOFT) {
		/* Empty: the deployment's (step 0). */
		add_choice(df, "", value);
		for (m = 0; m < FW_MICROSOFT_COUNT; m++)
			add_choice(df, fw_microsoft_name((enum fw_microsoft)m),
			    value);
		return;
	}
	if (fw_rows_ref_list(c->kind, &ref) != 0) {
		ui_field_set(&df->edit, value);
		return;
	}
	if (c->optional)
		add_choice(df, "", value);
	n = fw_rows_count(app->d, ref);
	for (i = 0; i < n; i++)
		add_choice(df, fw_rows_get(app->d, ref, i, 0), value);
	if (df->n_choices == 0)
		add_choice(df, "", NULL);
}

static void
setup_row(struct ui_app *app, struct ui_dialog *dl)
{
	const struct fw_column *cols;
	size_t n, c, count = fw_rows_count(app->d, dl->list);
	const char *name;

	cols = fw_flow_columns(dl->list, &n);
	for (c = 0; c < n && dl->n < FIELDS_MAX; c++) {
		if (!fw_flow_applies(cols[c].applies, app->d))
			continue;
		dl->col_of[dl->n] = c;
		column_field(app, &dl->f[dl->n++], &cols[c],
		    fw_rows_get(app->d, dl->list, dl->row, c));
	}
	name = fw_rows_get(app->d, dl->list, dl->row, 0);
	if (dl->row >= count || name == NULL)
		dl->title = xasprintf(_("New entry: %s"), _(dl->field->label));
	else
		dl->title = xasprintf("%s: %s", _(dl->field->label), name);
}

static void
setup_setting(struct ui_app *app, struct ui_dialog *dl)
{
	const struct fw_field *f = dl->field;
	struct dlg_field *df = &dl->f[dl->n++];
	char *cur;
	size_t i;

	df->label = _(f->label);
	dl->title = xstrdup(_(f->label));
	cur = fw_setting_value(app->d, f->key);
	if (f->type == FW_FIELD_CHOICE) {
		for (i = 0; f->choices[i] != NULL; i++)
			add_choice(df, f->choices[i], cur);
	} else {
		ui_field_set(&df->edit, cur);
	}
	free(cur);
}

/* "For": the project-wide certificate (choice 0, the default of every
 * server without its own), or one pool's or server's own. After the file
 * field, so Enter, a path and Enter set the project-wide one as before. */
static void
setup_cert_for(struct ui_app *app, struct dlg_field *df)
{
	size_t i;

	df->label = _("For");
	add_choice(df, _("every server without its own"), NULL);
	for (i = 0; i < app->d->n_ocs_pools; i++)
		add_choice(df, app->d->ocs_pools[i].fqdn, NULL);
	for (i = 0; i < app->d->n_ocs_servers; i++)
		add_choice(df, app->d->ocs_servers[i].fqdn, NULL);
}

/* The server or pool a certificate dialog is for; NULL = project-wide. */
static const char *
cert_host(const struct ui_dialog *dl)
{
	if (dl->n < 2 || dl->f[1].choices == NULL || dl->f[1].choice == 0)
		return NULL;
	return dl->f[1].choices[dl->f[1].choice];
}

struct ui_dialog *
ui_dialog_new(struct ui_app *app, enum ui_dialog_kind kind,
    const struct fw_field *f, enum fw_list list, size_t row)
{
	struct ui_dialog *dl = xcalloc(1, sizeof *dl);
	enum fw_cert_role role;

	dl->kind = kind;
	dl->field = f;
	dl->list = list;
	dl->row = row;
	switch (kind) {
	case UI_DIALOG_ROW:
		setup_row(app, dl);
		break;
	case UI_DIALOG_SETTING:
		setup_setting(app, dl);
		break;
	case UI_DIALOG_CERT:
		dl->title = xstrdup(_(f->label));
		dl->f[0].label = _("Certificate file");
		if (fw_cert_role_parse(f->key, &role) == 0)
			ui_field_set(&dl->f[0].edit,
			    app->d->certs[role].source);
		dl->n = 1;
		if (f->per_host && app->d->n_ocs_servers +
		    app->d->n_ocs_pools > 0)
			setup_cert_for(app, &dl->f[dl->n++]);
		break;
	case UI_DIALOG_NEW:
		dl->title = xstrdup(_("New project"));
		dl->f[0].label = _("Project name");
		dl->n = 1;
		break;
	case UI_DIALOG_OPEN:
		dl->title = xstrdup(_("Open a project file"));
		dl->f[0].label = _("File");
		dl->n = 1;
		break;
	case UI_DIALOG_SEARCH:
		dl->title = xstrdup(_("Find in the checklist"));
		dl->f[0].label = _("Text");
		dl->n = 1;
		break;
	case UI_DIALOG_EXPORT:
		dl->title = xstrdup(_("Export the checklist"));
		dl->f[0].label = _("File (.html, .md, .txt)");
		ui_field_set(&dl->f[0].edit, "checklist.html");
		dl->n = 1;
		break;
	}
	return dl;
}

void
ui_dialog_free(struct ui_dialog *dl)
{
	size_t i, k;

	if (dl == NULL)
		return;
	for (i = 0; i < dl->n; i++) {
		for (k = 0; k < dl->f[i].n_choices; k++)
			free(dl->f[i].choices[k]);
		free(dl->f[i].choices);
	}
	free(dl->title);
	free(dl->error);
	free(dl->dropped);
	fw_findings_free(&dl->live);
	free(dl);
}

/* --- drawing --- */

static void
draw_input(struct ui_app *app, const struct dlg_field *f, int y, int x, int w,
    int focused)
{
	unsigned long a = focused ? ui_attr(app, UI_LOOK_FOCUS) : A_UNDERLINE;
	char *shown;

	if (f->choices != NULL) {
		const char *v = f->choices[f->choice];

		shown = xasprintf("< %s >", v[0] != '\0' ? v : _("(none)"));
		ui_text_put(y, x, w, shown, a);
		free(shown);
		if (focused) {
			app->cursor_y = y;
			app->cursor_x = x + 2;
		}
		return;
	}
	ui_field_draw(app, &f->edit, y, x, w, a, focused);
}

void
ui_dialog_draw(struct ui_app *app, struct ui_dialog *dl,
    const struct ui_rect *over)
{
	struct ui_rect r;
	int lw = 0, i, y, iw;
	size_t k;

	for (k = 0; k < dl->n; k++) {
		int w = ui_text_width(dl->f[k].label);

		lw = w > lw ? w : lw;
	}
	lw = lw > 22 ? 22 : lw;
	r.w = over->w - 4 < 72 ? over->w - 4 : 72;
	r.h = (int)dl->n + 7;
	r.y = over->y + (over->h - r.h) / 2;
	r.x = over->x + (over->w - r.w) / 2;
	if (r.w < 20 || r.h > over->h)
		return;
	/* A blank margin keeps the pane's marks off the dialog's border. */
	ui_text_fill(&(struct ui_rect){ r.y, r.x - 1, r.h, r.w + 2 });
	ui_text_box(&r, dl->title, A_BOLD);
	iw = r.w - lw - 6;
	for (k = 0; k < dl->n; k++) {
		y = r.y + 2 + (int)k;
		ui_text_put(y, r.x + 2, lw, dl->f[k].label, A_NORMAL);
		draw_input(app, &dl->f[k], y, r.x + 4 + lw, iw, k == dl->focus);
	}
	y = r.y + 3 + (int)dl->n;
	if (dl->error != NULL || dl->dropped != NULL) {
		i = ui_text_put(y, r.x + 2, 2, "!", ui_attr(app, UI_LOOK_ERROR));
		ui_text_wrap(y, r.x + 2 + i + 1, r.w - 5 - i, 2,
		    dl->error != NULL ? dl->error : dl->dropped,
		    ui_attr(app, UI_LOOK_ERROR), 1);
	} else if (dl->judged && dl->live.n > 0) {
		const struct fw_finding *f = &dl->live.items[0];
		unsigned long a = f->severity == FW_SEV_ERROR ?
		    ui_attr(app, UI_LOOK_ERROR) : A_NORMAL;

		i = ui_text_put(y, r.x + 2, 2, ui_severity_mark(app,
		    f->severity), a);
		ui_text_wrap(y, r.x + 2 + i + 1, r.w - 5 - i, 2, f->message,
		    a, 1);
	}
	ui_text_put(r.y + r.h - 2, r.x + 2, r.w - 4, dl->f[dl->focus].choices ?
	    _("Space or Left/Right change  Enter OK  Esc cancel") :
	    _("Tab next  Enter OK on the last field  Esc cancel"),
	    ui_attr(app, UI_LOOK_DIM));
}

/* --- keys --- */

static void
choice_key(struct dlg_field *f, int key)
{
	size_t i, k;

	switch (key) {
	case ' ':
	case UI_KEYCODE(KEY_RIGHT):
		f->choice = (f->choice + 1) % f->n_choices;
		return;
	case UI_KEYCODE(KEY_LEFT):
		f->choice = (f->choice + f->n_choices - 1) % f->n_choices;
		return;
	}
	/* A letter picks the next choice starting with it. */
	if (key <= 0x20 || key >= 0x80)
		return;
	for (i = 1; i <= f->n_choices; i++) {
		k = (f->choice + i) % f->n_choices;
		if (towlower((wint_t)f->choices[k][0]) == towlower((wint_t)key)) {
			f->choice = k;
			return;
		}
	}
}

static int
save_cert(struct ui_app *app, const struct fw_field *f, const char *host,
    const char *path, char **cause)
{
	struct fw_cert c;
	enum fw_cert_role role;
	char *full = ui_app_expand_home(path);
	int rc = -1;

	memset(&c, 0, sizeof c);
	if (fw_cert_role_parse(f->key, &role) != 0)
		fw_fail(cause, _("unknown certificate role"));
	else if (path[0] == '\0')
		rc = fw_project_set_host_cert(app->project, host, role, NULL,
		    cause);
	else if (fw_cert_load_file(full, &c, cause) == 0)
		rc = fw_project_set_host_cert(app->project, host, role, &c,
		    cause);
	fw_cert_clear(&c);
	free(full);
	return rc;
}

/* Hands the values to the core; 0 when it took them. */
static int
apply(struct ui_app *app, struct ui_dialog *dl, char **cause)
{
	const char *values[FIELDS_MAX] = { NULL };
	char *text[FIELDS_MAX] = { NULL };
	size_t i, count;
	int rc = -1;

	for (i = 0; i < dl->n; i++)
		text[i] = get_text(&dl->f[i]);
	switch (dl->kind) {
	case UI_DIALOG_ROW:
		for (i = 0; i < dl->n; i++)
			values[dl->col_of[i]] = text[i];
		count = fw_rows_count(app->d, dl->list);
		rc = fw_rows_save(app->project, app->d, dl->list,
		    dl->row < count ? dl->row : count, values, cause);
		if (rc == 0 && dl->row >= count)
			app->row = count + 1;	/* on "Add" again */
		break;
	case UI_DIALOG_SETTING:
		rc = fw_setting_refused(app->d, dl->field->key, text[0],
		    cause);
		if (rc == 0)
			rc = fw_project_set_setting(app->project,
			    dl->field->key, text[0], cause);
		break;
	case UI_DIALOG_CERT:
		rc = save_cert(app, dl->field, cert_host(dl), text[0], cause);
		break;
	case UI_DIALOG_NEW:
		rc = ui_start_create(app, text[0], cause);
		break;
	case UI_DIALOG_OPEN:
		rc = text[0][0] == '\0' ? fw_fail(cause, _("give a file "
		    "name")) : ui_start_open_file(app, text[0], cause);
		break;
	case UI_DIALOG_SEARCH:
		rc = ui_checklist_search(app, text[0], cause);
		break;
	case UI_DIALOG_EXPORT:
		rc = text[0][0] == '\0' ? fw_fail(cause, _("give a file "
		    "name")) : ui_checklist_export(app, text[0], cause);
		break;
	}
	for (i = 0; i < dl->n; i++)
		free(text[i]);
	return rc;
}

/* The core names the refused value's column first ("IP: ..."): the
 * cursor goes there, ready for the correction. */
static void
focus_named(struct ui_dialog *dl)
{
	size_t k, n;

	for (k = 0; k < dl->n; k++) {
		n = strlen(dl->f[k].label);
		if (strncmp(dl->error, dl->f[k].label, n) == 0 &&
		    dl->error[n] == ':') {
			dl->focus = k;
			return;
		}
	}
}

int
ui_dialog_handle_key(struct ui_app *app, struct ui_dialog *dl, int key)
{
	struct dlg_field *f = &dl->f[dl->focus];
	char *cause = NULL;

	switch (key) {
	case UI_ESC:
		return 0;
	case UI_KEY_INVALID:
		/* Refused where the admin looks; the text typed around the
		 * bytes stays as typed. */
		free(dl->dropped);
		dl->dropped = ui_field_invalid(app);
		dl->dropped_at = now_ms();
		return 1;
	case '\t':
	case UI_KEYCODE(KEY_DOWN):
		dl->focus = (dl->focus + 1) % dl->n;
		return 1;
	case UI_KEYCODE(KEY_BTAB):
	case UI_KEYCODE(KEY_UP):
		dl->focus = (dl->focus + dl->n - 1) % dl->n;
		return 1;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		if (dl->focus + 1 < dl->n) {
			dl->focus++;
			return 1;
		}
		if (apply(app, dl, &cause) != 0) {
			free(dl->error);
			dl->error = cause != NULL ? cause :
			    xstrdup(_("not saved"));
			focus_named(dl);
			return 1;
		}
		if (dl->kind <= UI_DIALOG_CERT)
			ui_app_reload(app);
		return 0;
	}
	if (f->choices == NULL && ui_field_unsafe(key)) {
		/* Pasted, most likely: left out and named, as import
		 * refuses it (fw_syntax_text()). */
		free(dl->dropped);
		dl->dropped = ui_field_refusal(key);
		dl->dropped_at = now_ms();
		return 1;
	}
	if (f->choices != NULL)
		choice_key(f, key);
	else
		ui_field_key(&f->edit, key);
	if (dl->kind <= UI_DIALOG_CERT) {
		/* The refusal was about the values before this key; the
		 * bytes left out stay said while their burst goes on. */
		free(dl->error);
		dl->error = NULL;
		if (now_ms() - dl->dropped_at > JUDGE_PAUSE_MS) {
			free(dl->dropped);
			dl->dropped = NULL;
		}
		dl->judge_at = now_ms() + JUDGE_PAUSE_MS;
	}
	return 1;
}

int
ui_dialog_wait_ms(const struct ui_dialog *dl)
{
	long long left;

	if (dl == NULL || dl->judge_at == 0)
		return -1;
	left = dl->judge_at - now_ms();
	return left > 0 ? (int)left : 0;
}

void
ui_dialog_judge(struct ui_app *app, struct ui_dialog *dl, int answers_came)
{
	const char *values[FIELDS_MAX] = { NULL };
	char *text[FIELDS_MAX] = { NULL };
	struct fw_rules_opts opts = { app->resolver, 0 };
	enum fw_cert_role role;
	char *path;
	size_t i;

	if (dl == NULL || app->d == NULL)
		return;
	if (!(dl->judge_at != 0 && now_ms() >= dl->judge_at) &&
	    !(answers_came && dl->judged))
		return;
	dl->judge_at = 0;
	fw_findings_free(&dl->live);
	for (i = 0; i < dl->n; i++)
		text[i] = get_text(&dl->f[i]);
	if (dl->kind == UI_DIALOG_ROW) {
		for (i = 0; i < dl->n; i++)
			values[dl->col_of[i]] = text[i];
		fw_judge_row(app->d, dl->list, dl->row, values, &opts,
		    &dl->live);
	} else if (dl->kind == UI_DIALOG_SETTING) {
		fw_judge_setting(app->d, dl->field->key, text[0], &opts,
		    &dl->live);
	} else if (fw_cert_role_parse(dl->field->key, &role) == 0) {
		path = ui_app_expand_home(text[0]);
		fw_judge_host_cert(app->d, cert_host(dl), role, path, &opts,
		    &dl->live);
		free(path);
	}
	dl->judged = 1;
	for (i = 0; i < dl->n; i++)
		free(text[i]);
}

const struct fw_findings *
ui_dialog_live(const struct ui_dialog *dl)
{
	return dl != NULL && dl->judged ? &dl->live : NULL;
}

/*
 * ui_checklist.c: the Checklist pane, the last entry of the steps pane:
 * the checklist the core builds from the answers, grouped by server, in
 * the order the work is done. Space ticks an item (saved with user, time
 * and the item's fingerprint); [~] marks one whose values changed since;
 * n finds the next open item, / searches, e exports and p writes the
 * printable HTML, both through the checklist renderers.
 */
#include "config.h"

#include "ui_app.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fw_checklist.h"
#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_out.h"
#include "fw_render.h"
#include "fw_util.h"

/* Item number i of the whole list (groups flattened), or NULL. */
static const struct fw_check_item *
item_at(const struct fw_checklist *cl, size_t i)
{
	size_t g;

	for (g = 0; cl != NULL && g < cl->n_groups; g++) {
		if (i < cl->groups[g].n_items)
			return &cl->groups[g].items[i];
		i -= cl->groups[g].n_items;
	}
	return NULL;
}

size_t
ui_checklist_find(const struct ui_app *app, const char *id)
{
	const struct fw_check_item *it;
	size_t i;

	for (i = 0; id != NULL && (it = item_at(app->checklist, i)) != NULL;
	    i++) {
		if (strcmp(it->id, id) == 0)
			return i;
	}
	return 0;
}

const char *
ui_checklist_item_id(const struct ui_app *app)
{
	const struct fw_check_item *it = item_at(app->checklist, app->row);

	return it != NULL ? it->id : NULL;
}

static const char *
item_box(const struct ui_app *app, enum fw_item_state st)
{
	switch (st) {
	case FW_ITEM_DONE:
		return ui_mark(app, UI_MARK_BOX_ON);
	case FW_ITEM_CHANGED:
		return "[~]";
	case FW_ITEM_OPEN:
		break;
	}
	return ui_mark(app, UI_MARK_BOX_OFF);
}

/* Lines an item takes: its text wrapped, plus "changed since done". */
static int
item_lines(const struct fw_check_item *it, int w)
{
	return ui_text_wrap(0, 0, w - 4, 20, it->text, A_NORMAL, 0) +
	    (it->state == FW_ITEM_CHANGED);
}

static void
draw_item(struct ui_app *app, const struct fw_check_item *it, int y, int x,
    int w, int bottom, int focused)
{
	unsigned long a = focused ? ui_attr(app, UI_LOOK_FOCUS) : A_NORMAL;
	int n;

	if (focused) {
		ui_text_put(y, x - 1, 1, ui_mark(app, UI_MARK_FOCUS), A_BOLD);
		app->cursor_y = y;
		app->cursor_x = x + 1;
	}
	ui_text_put(y, x, 3, item_box(app, it->state), a | (it->state ==
	    FW_ITEM_CHANGED ? ui_attr(app, UI_LOOK_ERROR) : 0));
	n = ui_text_wrap(y, x + 4, w - 4, bottom - y, it->text,
	    it->state == FW_ITEM_DONE ? ui_attr(app, UI_LOOK_DIM) : A_NORMAL,
	    1);
	if (it->state == FW_ITEM_CHANGED && y + n < bottom)
		ui_text_put(y + n, x + 4, w - 4, _("changed since ticked: check "
		    "it again"),
		    ui_attr(app, UI_LOOK_ERROR));
}

/* Error lines the pane pins at its top; the rest are counted. */
#define PINNED_ERRORS 3

/*
 * The answers' errors, pinned at the top of the pane while the list
 * scrolls under them: the heading, then a line per error (cut to the
 * width; the step's screen shows it whole). Returns the lines taken.
 */
static int
draw_errors(struct ui_app *app, const struct fw_checklist *cl, int y,
    int bottom, int x, int w)
{
	unsigned long err = ui_attr(app, UI_LOOK_ERROR);
	int n;
	size_t i;
	char *more;

	if (cl->n_errors == 0 || y >= bottom)
		return 0;
	n = ui_text_wrap(y, x, w, bottom - y > 2 ? 2 : bottom - y,
	    _("NOT READY: the answers have errors; items they concern say "
	    "\"fix step N first\"."), err | A_BOLD, 1);
	for (i = 0; i < cl->n_errors && i < PINNED_ERRORS &&
	    y + n < bottom; i++, n++)
		ui_text_put(y + n, x, w, cl->errors[i], err);
	if (i < cl->n_errors && y + n < bottom) {
		more = xasprintf(_("and %zu more: see the steps marked !"),
		    cl->n_errors - i);
		ui_text_put(y + n++, x, w, more, err);
		free(more);
	}
	return n;
}

void
ui_checklist_draw(struct ui_app *app, const struct ui_rect *r)
{
	const struct fw_checklist *cl = app->checklist;
	int top = r->y + 1, bottom = r->y + r->h - 1, w = r->w - 5;
	int line, focus_line = 0, off, y;
	size_t g, i, k = 0;
	char *title;

	title = xasprintf(_("Checklist %s %zu of %zu done"),
	    ui_mark(app, UI_MARK_DOT), cl->n_done, cl->n_items);
	ui_text_box(r, title, A_NORMAL);
	free(title);
	top += draw_errors(app, cl, top, bottom, r->x + 2, r->w - 4);
	/* Measure up to the focused item, then scroll it into view. */
	for (g = 0, line = 0; g < cl->n_groups; g++) {
		line++;
		for (i = 0; i < cl->groups[g].n_items; i++, k++) {
			if (k == app->row)
				focus_line = line;
			line += item_lines(&cl->groups[g].items[i], w);
		}
	}
	off = focus_line > (bottom - top) / 2 ? focus_line -
	    (bottom - top) / 2 : 0;
	for (g = 0, k = 0, line = 0; g < cl->n_groups; g++) {
		y = top + line++ - off;
		if (y >= top && y < bottom)
			ui_text_put(y, r->x + 2, r->w - 4, cl->groups[g].title,
			    A_BOLD);
		for (i = 0; i < cl->groups[g].n_items; i++, k++) {
			const struct fw_check_item *it = &cl->groups[g].items[i];

			y = top + line - off;
			line += item_lines(it, w);
			if (y >= top && y < bottom)
				draw_item(app, it, y, r->x + 3, w, bottom,
				    k == app->row);
		}
	}
	if (cl->n_items == 0 && top < bottom)
		ui_text_wrap(top, r->x + 2, r->w - 4, bottom - top,
		    _("Nothing to do yet: the checklist grows from the answers "
		    "of steps 0 to 9."), ui_attr(app, UI_LOOK_DIM), 1);
}

void
ui_checklist_draw_detail(struct ui_app *app, const struct ui_rect *r)
{
	const struct fw_check_item *it = item_at(app->checklist, app->row);
	int y = r->y + 1, bottom = r->y + r->h - 1, x = r->x + 2;
	struct fw_strbuf sb;
	char *by;
	size_t i;

	ui_text_box(r, _("Where and what"), A_NORMAL);
	if (app->message != NULL)
		y += ui_text_wrap(y, x, r->w - 4, bottom - y, app->message,
		    app->message_error ? ui_attr(app, UI_LOOK_ERROR) : 0, 1);
	if (it == NULL || y >= bottom)
		return;
	/* One paragraph: where, then the values to enter, the note and who
	 * ticked it; as much as the pane holds. */
	fw_sb_init(&sb);
	fw_sb_add(&sb, it->where != NULL ? it->where : "");
	for (i = 0; i < it->n_fields; i++)
		fw_sb_printf(&sb, "%s %s: %s", i == 0 ? " \u2014" : ";",
		    it->fields[i].label, it->fields[i].value);
	if (it->note != NULL)
		fw_sb_printf(&sb, ". %s", it->note);
	if ((by = fw_render_ticked(it)) != NULL) {
		fw_sb_printf(&sb, ". %s", by);
		free(by);
	}
	ui_text_wrap(y, x, r->w - 4, bottom - y, sb.buf, A_NORMAL, 1);
	free(sb.buf);
}

static void
tick(struct ui_app *app)
{
	const struct fw_check_item *it = item_at(app->checklist, app->row);
	char *cause = NULL;
	int rc;

	if (it == NULL || ui_app_refuse_read_only(app))
		return;
	/* A changed item is ticked again with its new values. */
	if (it->state == FW_ITEM_DONE)
		rc = fw_project_untick(app->project, it->id, &cause);
	else
		rc = fw_project_tick(app->project, it->id, it->fingerprint,
		    &cause);
	if (rc != 0)
		ui_app_message(app, 1, "%s", cause);
	else
		ui_app_reload(app);
	free(cause);
}

static void
next_open(struct ui_app *app)
{
	const struct fw_checklist *cl = app->checklist;
	const struct fw_check_item *it;
	size_t i, k;

	for (i = 1; i <= cl->n_items; i++) {
		k = (app->row + i) % cl->n_items;
		it = item_at(cl, k);
		if (it->state != FW_ITEM_DONE) {
			app->row = k;
			ui_app_save_position(app);
			return;
		}
	}
	ui_app_message(app, 0, "%s", _("every item is done"));
}

int
ui_checklist_search(struct ui_app *app, const char *text, char **cause)
{
	const struct fw_checklist *cl = app->checklist;
	const struct fw_check_item *it;
	size_t i, k, n = strlen(text);
	const char *p;

	for (i = 1; n > 0 && i <= cl->n_items; i++) {
		k = (app->row + i) % cl->n_items;
		it = item_at(cl, k);
		for (p = it->text; *p != '\0'; p++) {
			if (strncasecmp(p, text, n) == 0) {
				app->row = k;
				ui_app_save_position(app);
				return 0;
			}
		}
	}
	return fw_fail(cause, _("no item holds '%s'"), text);
}

int
ui_checklist_export(struct ui_app *app, const char *path, char **cause)
{
	struct fw_render_info info;
	enum fw_render_format fmt = FW_RENDER_TEXT;
	const char *dot = strrchr(path, '.');
	struct fw_out *out;
	char *full = ui_app_expand_home(path);
	int rc = -1;

	if (dot != NULL && strcmp(dot, ".html") == 0)
		fmt = FW_RENDER_HTML;
	else if (dot != NULL && strcmp(dot, ".md") == 0)
		fmt = FW_RENDER_MARKDOWN;
	if (fw_render_info_init(&info, app->d, app->path, cause) != 0)
		goto out;
	/* Answers name internal hosts: 0600, as fedwiz export does. */
	if (fw_out_open(full, 0600, app->path, &out, cause) != 0)
		goto out;
	fw_render_write(fmt, app->checklist, &info, out);
	rc = fw_out_close(out, cause);
	if (rc == 0)
		ui_app_message(app, 0, _("checklist written to %s"), full);
out:
	free(full);
	return rc;
}

/* The printable checklist beside the project: NAME-checklist.html. */
static void
print(struct ui_app *app)
{
	const char *ext = strrchr(app->path, '.');
	size_t stem = ext != NULL && strchr(ext, '/') == NULL ?
	    (size_t)(ext - app->path) : strlen(app->path);
	char *path = xasprintf("%.*s-checklist.html", (int)stem, app->path);
	char *cause = NULL;

	if (ui_checklist_export(app, path, &cause) == 0)
		ui_app_message(app, 0, _("%s written: open it in a browser "
		    "and print it"), path);
	else
		ui_app_message(app, 1, "%s", cause);
	free(cause);
	free(path);
}

int
ui_checklist_handle_key(struct ui_app *app, int key)
{
	size_t n = app->checklist->n_items;

	switch (key) {
	case UI_KEYCODE(KEY_DOWN):
	case '\t':
		if (n > 0)
			app->row = (app->row + 1) % n;
		break;
	case UI_KEYCODE(KEY_UP):
	case UI_KEYCODE(KEY_BTAB):
		if (n > 0)
			app->row = (app->row + n - 1) % n;
		break;
	case ' ':
	case '\r':
	case '\n':
		tick(app);
		return 1;
	case 'n':
		next_open(app);
		return 1;
	case '/':
		app->dialog = ui_dialog_new(app, UI_DIALOG_SEARCH, NULL, 0, 0);
		return 1;
	case 'e':
		app->dialog = ui_dialog_new(app, UI_DIALOG_EXPORT, NULL, 0, 0);
		return 1;
	case 'p':
		print(app);
		return 1;
	default:
		return 0;
	}
	ui_app_save_position(app);
	return 1;
}

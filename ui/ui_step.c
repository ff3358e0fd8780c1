/*
 * ui_step.c: the main pane. Everything it shows comes from the flow table
 * (fw_flow.h): the step's purpose, where it is done, its fields and, for a
 * list, the columns of fw_flow_columns(). Nothing here is per step.
 */
#include "config.h"

#include "ui_app.h"
#include "ui_fselect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_cert_check.h"
#include "fw_certfile.h"
#include "fw_confirm.h"
#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_limits.h"
#include "fw_rows.h"
#include "fw_util.h"

/* The pseudo-field of a manual step: "done on the server". */
#define DONE_KEY "done"

size_t
ui_step_items(const struct ui_app *app, int step, struct ui_focus *out,
    size_t max)
{
	const struct fw_step *s = fw_flow_step_for(step, app->d);
	size_t i, n = 0;

	if (s == NULL || !fw_flow_applies(s->applies, app->d))
		return 0;
	for (i = 0; i < s->n_fields && n < max; i++) {
		if (fw_flow_applies(s->fields[i].applies, app->d))
			out[n++].field = &s->fields[i];
	}
	if (s->manual && n < max)
		out[n++].field = NULL;
	return n;
}

#define STEP_ITEMS_MAX 16

const struct ui_focus *
ui_step_focus(const struct ui_app *app, struct ui_focus *f)
{
	struct ui_focus items[STEP_ITEMS_MAX];
	size_t n = ui_step_items(app, app->step, items, STEP_ITEMS_MAX);

	if (n == 0)
		return NULL;
	*f = items[app->field < n ? app->field : n - 1];
	return f;
}

static size_t
list_count(const struct ui_app *app, const struct fw_field *f)
{
	return fw_rows_count(app->d, f->list);
}

/* Clamps field and row after the deployment changed under them. */
static void
clamp(struct ui_app *app)
{
	struct ui_focus items[STEP_ITEMS_MAX], f;
	size_t n = ui_step_items(app, app->step, items, STEP_ITEMS_MAX);

	if (n == 0) {
		app->field = 0;
		app->row = 0;
		return;
	}
	if (app->field >= n)
		app->field = n - 1;
	f = items[app->field];
	if (f.field != NULL && f.field->type == FW_FIELD_LIST &&
	    app->row > list_count(app, f.field))
		app->row = list_count(app, f.field);
}

void
ui_step_go(struct ui_app *app, int n)
{
	if (n < 0 || n > UI_STEP_CHECKLIST)
		return;
	app->step = n;
	ui_app_sync_checklist(app);
	app->field = 0;
	app->row = 0;
	app->confirm_delete = 0;
	free(app->message);
	app->message = NULL;
	ui_app_save_position(app);
}

char *
ui_step_position(const struct ui_app *app)
{
	struct ui_focus f;

	if (app->step == UI_STEP_CHECKLIST)
		return ui_checklist_item_id(app) != NULL ? xasprintf("item:%s",
		    ui_checklist_item_id(app)) : NULL;
	if (ui_step_focus(app, &f) == NULL)
		return NULL;
	if (f.field == NULL)
		return xstrdup(DONE_KEY);
	if (f.field->type == FW_FIELD_LIST)
		return xasprintf("%s:%zu", f.field->key, app->row);
	return xstrdup(f.field->key);
}

void
ui_step_restore(struct ui_app *app, int step, const char *pos)
{
	struct ui_focus items[STEP_ITEMS_MAX];
	size_t n, i, klen;
	const char *colon;

	app->step = step >= 0 && step <= UI_STEP_CHECKLIST ? step : 0;
	app->field = 0;
	app->row = 0;
	ui_app_sync_checklist(app);
	if (pos == NULL)
		return;
	if (app->step == UI_STEP_CHECKLIST) {
		if (strncmp(pos, "item:", 5) == 0)
			app->row = ui_checklist_find(app, pos + 5);
		return;
	}
	colon = strchr(pos, ':');
	klen = colon != NULL ? (size_t)(colon - pos) : strlen(pos);
	n = ui_step_items(app, app->step, items, STEP_ITEMS_MAX);
	for (i = 0; i < n; i++) {
		const char *key = items[i].field != NULL ?
		    items[i].field->key : DONE_KEY;

		if (strlen(key) == klen && strncmp(key, pos, klen) == 0) {
			app->field = i;
			if (colon != NULL)
				app->row = (size_t)strtoul(colon + 1, NULL, 10);
			break;
		}
	}
	clamp(app);
}

/* --- drawing: lines go through a scroller, measured first --- */

struct scroller {
	struct ui_rect r;	/* the text area */
	int line;		/* next logical line */
	int off;		/* first logical line shown */
	int draw;
	int focus_line;		/* logical line of the focus, -1 = none */
};

/* The screen row for the next logical line, or -1 when not shown. */
static int
next_line(struct scroller *sc)
{
	int y = sc->line++ - sc->off;

	if (!sc->draw || y < 0 || y >= sc->r.h)
		return -1;
	return sc->r.y + y;
}

static void
put_wrapped(struct scroller *sc, int indent, const char *s,
    unsigned long attr)
{
	int n = ui_text_wrap(0, 0, sc->r.w - indent, 50, s, attr, 0), i, y;

	for (i = 0; i < n; i++) {
		/* Draw the wrapped text one line at a time, skipping the
		 * part scrolled away. */
		y = sc->line - sc->off;
		if (sc->draw && y >= 0 && y < sc->r.h && i == 0)
			ui_text_wrap(sc->r.y + y, sc->r.x + indent,
			    sc->r.w - indent, sc->r.h - y, s, attr, 1);
		sc->line++;
	}
}

/* The value a setting shows (static buffer or the deployment's text). */
static const char *
setting_text(const struct ui_app *app, const struct fw_field *f, char *buf,
    size_t size)
{
	char *v;

	if (strcmp(f->key, "name") == 0)
		return app->d->name != NULL ? app->d->name : "";
	v = fw_setting_value(app->d, f->key);
	snprintf(buf, size, "%s", v != NULL ? v : "");
	free(v);
	return buf;
}

/* Marks the focus: the `>` marker, reverse video and the cursor. */
static unsigned long
focus_mark(struct ui_app *app, struct scroller *sc, int y, int focused,
    int cursor_x)
{
	if (!focused)
		return A_NORMAL;
	sc->focus_line = sc->line - 1;
	if (y >= 0) {
		ui_text_put(y, sc->r.x, 1, ui_mark(app, UI_MARK_FOCUS), A_BOLD);
		app->cursor_y = y;
		app->cursor_x = cursor_x;
	}
	return ui_attr(app, UI_LOOK_FOCUS);
}

static void
draw_value(struct ui_app *app, struct scroller *sc, const struct fw_field *f,
    int focused)
{
	int lw = 26, y = next_line(sc);
	char buf[32];
	unsigned long a = focus_mark(app, sc, y, focused, sc->r.x + 2 + lw);
	const char *v = setting_text(app, f, buf, sizeof buf);

	if (y < 0)
		return;
	ui_text_put(y, sc->r.x + 2, lw - 1, _(f->label), A_NORMAL);
	ui_text_put(y, sc->r.x + 2 + lw, sc->r.w - lw - 2,
	    v[0] != '\0' ? v : _("(not set)"), a | (v[0] ? 0 : A_DIM));
}

static void
draw_tick(struct ui_app *app, struct scroller *sc, const char *label, int on,
    int focused)
{
	int y = next_line(sc);
	unsigned long a = focus_mark(app, sc, y, focused, sc->r.x + 3);

	if (y < 0)
		return;
	ui_text_put(y, sc->r.x + 2, 3, ui_mark(app, on ? UI_MARK_BOX_ON :
	    UI_MARK_BOX_OFF), a);
	ui_text_put(y, sc->r.x + 6, sc->r.w - 6, label, A_NORMAL);
}

/* The summary `fedwiz cert-check` prints (fw_cert_summary): in full for
 * the focused certificate, else its subject, end of validity and EKUs. */
static void
draw_cert_summary(struct ui_app *app, struct scroller *sc,
    const struct fw_cert *c, int focused)
{
	static const char *const brief[] = { "Subject:", "Valid until:",
	    "EKU:" };
	struct fw_cert_info ci;
	struct fw_cert_line *lines = NULL;
	char *cause = NULL;
	size_t n, i, k;
	int y, show;

	memset(&ci, 0, sizeof ci);
	if (fw_cert_inspect(c->pem, &ci, &cause) != 0) {
		if ((y = next_line(sc)) >= 0)
			ui_text_put(y, sc->r.x + 4, sc->r.w - 4, cause,
			    ui_attr(app, UI_LOOK_ERROR));
		free(cause);
		return;
	}
	n = fw_cert_summary(&ci, NULL, &lines);
	for (i = 0; i < n; i++) {
		for (k = 0, show = focused; k < 3 && !show; k++)
			show = strcmp(lines[i].label, _(brief[k])) == 0;
		if (!show || (y = next_line(sc)) < 0)
			continue;
		ui_text_put(y, sc->r.x + 4, 13, lines[i].label,
		    ui_attr(app, UI_LOOK_DIM));
		ui_text_put(y, sc->r.x + 17, sc->r.w - 17, lines[i].value,
		    A_NORMAL);
	}
	fw_cert_lines_free(lines, n);
	fw_cert_info_clear(&ci);
}

/* Each OCS server's or pool's own certificate of role: one line each. */
static void
draw_host_certs(struct ui_app *app, struct scroller *sc,
    enum fw_cert_role role)
{
	const struct fw_host_cert *h;
	char *line;
	size_t i;
	int y;

	for (i = 0; i < app->d->n_host_certs; i++) {
		h = &app->d->host_certs[i];
		if (h->role != role)
			continue;
		y = next_line(sc);
		if (y < 0)
			continue;
		/* TRANSLATORS: a server's or pool's own certificate in
		 * the wizard: its FQDN and file. */
		line = xasprintf(_("of %s: %s"), h->host,
		    h->cert.source != NULL ? h->cert.source : _("(inline)"));
		ui_text_put(y, sc->r.x + 4, sc->r.w - 4, line, A_NORMAL);
		free(line);
	}
}

/* The certificate's file and summary as soon as one is stored. */
static void
draw_cert(struct ui_app *app, struct scroller *sc, const struct fw_field *f,
    int focused)
{
	enum fw_cert_role role;
	const struct fw_cert *c;
	unsigned long a;
	int y, lw = 26;

	if (fw_cert_role_parse(f->key, &role) != 0)
		return;
	c = &app->d->certs[role];
	y = next_line(sc);
	a = focus_mark(app, sc, y, focused, sc->r.x + 2 + lw);
	if (y >= 0) {
		ui_text_put(y, sc->r.x + 2, lw - 1, _(f->label), A_NORMAL);
		ui_text_put(y, sc->r.x + 2 + lw, sc->r.w - lw - 2,
		    c->pem == NULL ? _("(none: Enter a path, f to browse)") :
		    c->source != NULL ? c->source : _("(inline)"),
		    a | (c->pem != NULL ? 0 : A_DIM));
	}
	if (c->pem != NULL)
		draw_cert_summary(app, sc, c, focused);
	draw_host_certs(app, sc, role);
}

static int
gives_way(const struct fw_column *c)
{
	return c->kind != FW_COL_IP && c->kind != FW_COL_ROUTE &&
	    c->kind != FW_COL_MICROSOFT;
}

/* Column widths: the flow table's, or less when no value needs it; when
 * the pane is narrower than their sum the widest names give way first, so
 * short values (IP, route) stay whole; none goes below 6. 0 for a column
 * that does not apply. */
static void
col_widths(const struct ui_app *app, enum fw_list list,
    const struct fw_column *cols, size_t ncol, size_t nstored, int avail,
    int *w)
{
	size_t c, widest, i, n = fw_rows_count(app->d, list);
	int sum = 0, pads = 0, need;
	const char *v;
	char *dv;

	for (c = 0; c < ncol; c++) {
		w[c] = 0;
		if (!fw_flow_applies(cols[c].applies, app->d))
			continue;
		/* No wider than the widest value (or heading) needs: the room
		 * left goes to the columns that are cut short. */
		need = ui_text_width(_(cols[c].label));
		for (i = 0; i < n; i++) {
			dv = c < nstored ? NULL :
			    fw_rows_derived_value(app->d, list, i);
			v = c < nstored ? fw_rows_get(app->d, list, i, c) : dv;
			if (v != NULL && ui_text_width(v) > need)
				need = ui_text_width(v);
			free(dv);
		}
		w[c] = need < cols[c].width ? need : cols[c].width;
		sum += w[c] + 1;
		pads += w[c] < cols[c].width;
	}
	/* A blank more keeps columns apart where all of them have room. */
	for (c = 0; c < ncol && sum + pads <= avail; c++)
		w[c] += w[c] > 0 && w[c] < cols[c].width;
	while (sum > avail) {
		/* Names give way first: an address or a route is short
		 * already, and the focused row's names show in full under
		 * it (draw_row_detail()). */
		for (c = 0, widest = ncol; c < ncol; c++) {
			if (w[c] > 6 && (widest == ncol || (gives_way(&cols[c]) !=
			    gives_way(&cols[widest]) ? gives_way(&cols[c]) :
			    w[c] > w[widest])))
				widest = c;
		}
		if (widest == ncol)
			break;
		w[widest]--;
		sum--;
	}
}

/* The focused row's values in full, one "label  value" line (wrapped)
 * under the row for each column that cuts its value short: 80x24 leaves
 * the OCS servers' five columns 49 cells, and an FQDN may have 253. The
 * scroller keeps these lines in view with the row. */
static void
draw_row_detail(struct ui_app *app, struct scroller *sc,
    const struct fw_field *f, const struct fw_column *cols, size_t ncol,
    size_t nstored, const int *w)
{
	char *vals[8] = { NULL };
	const char *v;
	int lw = 0, x, vw, n, i, y;
	size_t c;

	for (c = 0; c < ncol; c++) {
		v = c < nstored ? fw_rows_get(app->d, f->list, app->row, c) :
		    NULL;
		vals[c] = c >= nstored ? fw_rows_derived_value(app->d, f->list,
		    app->row) : v != NULL ? xstrdup(v) : NULL;
		if (w[c] == 0 || vals[c] == NULL ||
		    ui_text_width(vals[c]) <= w[c]) {
			free(vals[c]);
			vals[c] = NULL;
			continue;
		}
		n = ui_text_width(_(cols[c].label));
		lw = n > lw ? n : lw;
	}
	x = sc->r.x + 5;
	vw = sc->r.w - 5 - lw - 2;
	for (c = 0; c < ncol; c++) {
		if (vals[c] == NULL)
			continue;
		n = ui_text_wrap(0, 0, vw, 50, vals[c], A_NORMAL, 0);
		for (i = 0; i < n; i++) {
			/* The wrapped value is drawn at its first line, clipped
			 * to the pane, as put_wrapped() does. */
			y = sc->line - sc->off;
			if (sc->draw && y >= 0 && y < sc->r.h && i == 0) {
				ui_text_put(sc->r.y + y, x, lw, _(cols[c].label),
				    ui_attr(app, UI_LOOK_DIM));
				ui_text_wrap(sc->r.y + y, x + lw + 2, vw,
				    sc->r.h - y, vals[c], A_NORMAL, 1);
			}
			sc->line++;
		}
		sc->focus_line = sc->line - 1;
		free(vals[c]);
	}
}

static void
draw_list(struct ui_app *app, struct scroller *sc, const struct fw_field *f,
    int focused)
{
	const struct fw_column *stored;
	struct fw_column cols[8];
	size_t ncol, nstored, i, c, n = list_count(app, f);
	int y, x, w[8], dwidth;
	const char *dlabel = fw_rows_derived_label(f->list, &dwidth);
	char *title, *dv;

	/* The stored columns, then the computed one (fw_rows.h) as a
	 * column of its own. */
	stored = fw_flow_columns(f->list, &nstored);
	ncol = nstored < 7 ? nstored : 7;
	memcpy(cols, stored, ncol * sizeof *cols);
	nstored = ncol;
	if (dlabel != NULL) {
		memset(&cols[ncol], 0, sizeof cols[ncol]);
		cols[ncol].label = dlabel;
		cols[ncol++].width = dwidth;
	}
	col_widths(app, f->list, cols, ncol, nstored, sc->r.w - 3, w);
	title = xasprintf("%s (%zu)", _(f->label), n);
	if ((y = next_line(sc)) >= 0)
		ui_text_put(y, sc->r.x + 2, sc->r.w - 2, title, A_BOLD);
	free(title);
	if ((y = next_line(sc)) >= 0) {
		for (c = 0, x = sc->r.x + 3; c < ncol; c++) {
			if (w[c] == 0)
				continue;
			ui_text_put(y, x, w[c], _(cols[c].label), A_UNDERLINE);
			x += w[c] + 1;
		}
	}
	for (i = 0; i <= n; i++) {
		int here = focused && app->row == i;
		unsigned long a;

		y = next_line(sc);
		a = focus_mark(app, sc, y, here, sc->r.x + 3);
		if (here && i < n)
			draw_row_detail(app, sc, f, cols, ncol, nstored, w);
		if (y < 0)
			continue;
		if (i == n) {
			ui_text_put(y, sc->r.x + 3, sc->r.w - 3,
			    ui_test_list(app, f) ? _("Add\u2026 (a)   t on a "
			    "row tests that next hop") : _("Add\u2026 (a)"),
			    a | (here ? 0 : A_DIM));
			continue;
		}
		if (here)
			mvchgat(y, sc->r.x + 2, sc->r.w - 2, (attr_t)a, 0, NULL);
		for (c = 0, x = sc->r.x + 3; c < ncol; c++) {
			const char *v = c < nstored ?
			    fw_rows_get(app->d, f->list, i, c) : NULL;

			if (w[c] == 0)
				continue;
			dv = c < nstored ? NULL :
			    fw_rows_derived_value(app->d, f->list, i);
			ui_text_put(y, x, w[c], dv != NULL ? dv :
			    v != NULL ? v : "", a);
			free(dv);
			x += w[c] + 1;
		}
	}
}

/* What a form of the step achieves and where. A step that shows both
 * forms (the box has one name for them) heads each with its own name
 * and leaves what it achieves to F1, so both fit at 80x24. */
static void
draw_form(struct ui_app *app, struct scroller *sc, const struct fw_step *s,
    int both)
{
	char *where;

	put_wrapped(sc, 1, both ? _(s->title) : _(s->purpose),
	    both ? A_BOLD : A_NORMAL);
	where = s->menu != NULL ? xasprintf("%s: %s", _(s->admin_ui),
	    _(s->menu)) : xstrdup(_(s->admin_ui));
	put_wrapped(sc, 1, where, ui_attr(app, UI_LOOK_DIM));
	free(where);
	next_line(sc);
}

static void
draw_items(struct ui_app *app, struct scroller *sc)
{
	const struct fw_step *forms[FW_STEP_FORMS];
	size_t nforms = fw_flow_step_forms(app->step, app->d, forms), k;
	struct ui_focus items[STEP_ITEMS_MAX];
	size_t n = ui_step_items(app, app->step, items, STEP_ITEMS_MAX), i;
	const char *reason = fw_flow_not_applicable_reason(forms[0], app->d);
	const struct fw_field *f;

	for (k = 0; k < nforms; k++)
		draw_form(app, sc, forms[k], nforms > 1);
	if (reason != NULL) {
		put_wrapped(sc, 1, reason, A_BOLD);
		return;
	}
	for (i = 0; i < n; i++) {
		int focused = !app->steps_focus && app->field == i;

		f = items[i].field;
		if (f == NULL) {
			next_line(sc);
			draw_tick(app, sc, _("Done: I made these changes on "
			    "the server"), app->d->step_done[app->step],
			    focused);
			continue;
		}
		switch (f->type) {
		case FW_FIELD_LIST:
			if (i > 0)
				next_line(sc);
			draw_list(app, sc, f, focused);
			break;
		case FW_FIELD_CONFIRM:
			draw_tick(app, sc, _(f->label),
			    fw_confirmed(app->d, f->key), focused);
			break;
		case FW_FIELD_CERT_FILE:
			draw_cert(app, sc, f, focused);
			break;
		default:
			draw_value(app, sc, f, focused);
			break;
		}
	}
}

void
ui_step_draw(struct ui_app *app, const struct ui_rect *r)
{
	const struct fw_step *forms[FW_STEP_FORMS];
	struct scroller sc;
	char *title;

	title = xasprintf("%d %s %s", app->step, ui_mark(app, UI_MARK_DOT),
	    fw_flow_step_forms(app->step, app->d, forms) > 1 ?
	    fw_flow_step_title(app->step, app->d) : _(forms[0]->guide_title));
	ui_text_box(r, title, A_NORMAL);
	free(title);
	memset(&sc, 0, sizeof sc);
	sc.r = (struct ui_rect){ r->y + 1, r->x + 1, r->h - 2, r->w - 2 };
	sc.focus_line = -1;
	/* Measure, then scroll so the focus (and a line after it) shows. */
	draw_items(app, &sc);
	if (sc.focus_line >= sc.r.h - 1)
		sc.off = sc.focus_line - sc.r.h + 2;
	sc.line = 0;
	sc.draw = 1;
	draw_items(app, &sc);
}

/* --- keys --- */

static void
move_field(struct ui_app *app, int dir, int from_list_edge)
{
	struct ui_focus items[STEP_ITEMS_MAX];
	size_t n = ui_step_items(app, app->step, items, STEP_ITEMS_MAX);
	const struct fw_field *f;

	if (n == 0)
		return;
	app->field = (app->field + (dir > 0 ? 1 : n - 1)) % n;
	app->row = 0;
	f = items[app->field].field;
	/* Up into a list lands on its last line, as in any list. */
	if (from_list_edge && dir < 0 && f != NULL &&
	    f->type == FW_FIELD_LIST)
		app->row = list_count(app, f);
	app->confirm_delete = 0;
	ui_app_save_position(app);
}

static void
toggle_done(struct ui_app *app)
{
	char *cause = NULL;
	int on = !app->d->step_done[app->step];

	if (ui_app_refuse_read_only(app))
		return;
	if (fw_project_set_step_done(app->project, app->step, on, &cause) != 0)
		ui_app_message(app, 1, "%s", cause);
	else
		ui_app_reload(app);
	free(cause);
}

static void
toggle_confirm(struct ui_app *app, const struct fw_field *f)
{
	char *cause = NULL;

	if (ui_app_refuse_read_only(app))
		return;
	if (fw_confirm_set(app->project, app->d, f->key,
	    !fw_confirmed(app->d, f->key), &cause) != 0)
		ui_app_message(app, 1, "%s", cause);
	else
		ui_app_reload(app);
	free(cause);
}

static void
delete_row(struct ui_app *app, const struct fw_field *f)
{
	char *cause = NULL;

	app->confirm_delete = 0;
	if (fw_rows_delete(app->project, app->d, f->list, app->row,
	    &cause) != 0) {
		ui_app_message(app, 1, "%s", cause);
	} else {
		ui_app_message(app, 0, "%s", _("deleted"));
		ui_app_reload(app);
	}
	free(cause);
}

/* f: the file picker, started in the current folder; what it picks is
 * the project-wide certificate (the dialog's "For" picks a server's). */
static void
browse_cert(struct ui_app *app, const struct fw_field *f)
{
	enum fw_cert_role role;

	if (ui_app_refuse_read_only(app) ||
	    fw_cert_role_parse(f->key, &role) != 0)
		return;
	app->fselect = ui_fselect_new(_(f->label));
	app->fselect_field = f;
}

/* Loads and saves the file picked; 0, or -1 with *cause. */
static int
take_cert(struct ui_app *app, const char *path, char **cause)
{
	enum fw_cert_role role;
	struct fw_cert c;
	int rc = -1;

	memset(&c, 0, sizeof c);
	if (fw_cert_role_parse(app->fselect_field->key, &role) == 0 &&
	    fw_cert_load_file(path, &c, cause) == 0 &&
	    fw_project_set_cert(app->project, role, &c, cause) == 0)
		rc = 0;
	fw_cert_clear(&c);
	return rc;
}

void
ui_step_fselect_key(struct ui_app *app, int key)
{
	char *cause = NULL;

	switch (ui_fselect_handle_key(app, app->fselect, key)) {
	case UI_FSELECT_OPEN:
		return;
	case UI_FSELECT_PICKED:
		/* A file that is no certificate keeps the picker open,
		 * with the reason, for the next try. */
		if (take_cert(app, ui_fselect_path(app->fselect),
		    &cause) != 0) {
			ui_fselect_refuse(app->fselect, cause != NULL ?
			    cause : _("not saved"));
			free(cause);
			return;
		}
		ui_app_reload(app);
		break;
	case UI_FSELECT_CANCEL:
		break;
	}
	ui_fselect_free(app->fselect);
	app->fselect = NULL;
}

/* Whether the row to edit would be one more than the list may hold
 * (fw_limits.h); says so. */
static int
list_full(struct ui_app *app, const struct fw_field *f)
{
	const char *section = fw_limit_section(f->list);
	size_t n = list_count(app, f);
	char *msg;

	if (app->row < n || n < fw_limit(section))
		return 0;
	msg = fw_limit_message(section);
	ui_app_message(app, 1, "%s", msg);
	free(msg);
	return 1;
}

static void
edit(struct ui_app *app, const struct fw_field *f)
{
	enum ui_dialog_kind kind;

	if (f == NULL) {
		toggle_done(app);
		return;
	}
	switch (f->type) {
	case FW_FIELD_CONFIRM:
		toggle_confirm(app, f);
		return;
	case FW_FIELD_LIST:
		if (list_full(app, f))
			return;
		kind = UI_DIALOG_ROW;
		break;
	case FW_FIELD_CERT_FILE:
		kind = UI_DIALOG_CERT;
		break;
	default:
		kind = UI_DIALOG_SETTING;
		break;
	}
	if (ui_app_refuse_read_only(app))
		return;
	app->dialog = ui_dialog_new(app, kind, f, f->list, app->row);
}

static int
list_key(struct ui_app *app, const struct fw_field *f, int key)
{
	size_t n = list_count(app, f);

	if (app->confirm_delete) {
		app->confirm_delete = 0;
		if (key == 'y' || key == 'Y')
			delete_row(app, f);
		else
			ui_app_message(app, 0, "%s", _("not deleted"));
		return 1;
	}
	switch (key) {
	case UI_KEYCODE(KEY_DOWN):
		if (app->row >= n)
			move_field(app, 1, 1);
		else
			app->row++;
		ui_app_save_position(app);
		return 1;
	case UI_KEYCODE(KEY_UP):
		if (app->row == 0)
			move_field(app, -1, 1);
		else
			app->row--;
		ui_app_save_position(app);
		return 1;
	case 'a':
	case UI_KEYCODE(KEY_IC):
		app->row = n;
		edit(app, f);
		return 1;
	case 't':
		return ui_test_key(app, f);
	case 'd':
	case UI_KEYCODE(KEY_DC):
		if (app->row >= n || ui_app_refuse_read_only(app))
			return 1;
		app->confirm_delete = 1;
		ui_app_message(app, 1, _("Delete %s? y deletes, any other key "
		    "keeps it"), fw_rows_get(app->d, f->list, app->row, 0));
		return 1;
	}
	return 0;
}

int
ui_step_handle_key(struct ui_app *app, int key)
{
	struct ui_focus fo;
	const struct fw_field *f;

	if (ui_step_focus(app, &fo) == NULL)
		return 0;
	f = fo.field;
	if (f != NULL && f->type == FW_FIELD_LIST && list_key(app, f, key))
		return 1;
	switch (key) {
	case '\t':
	case UI_KEYCODE(KEY_DOWN):
		move_field(app, 1, 0);
		return 1;
	case UI_KEYCODE(KEY_BTAB):
	case UI_KEYCODE(KEY_UP):
		move_field(app, -1, key == UI_KEYCODE(KEY_UP));
		return 1;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		edit(app, f);
		return 1;
	case ' ':
		if (f == NULL || f->type == FW_FIELD_CONFIRM)
			edit(app, f);
		return 1;
	case 'f':
		if (f != NULL && f->type == FW_FIELD_CERT_FILE)
			browse_cert(app, f);
		return 1;
	}
	return 0;
}

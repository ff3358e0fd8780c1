/*
 * ui_findings.c: the bottom pane (what the core says about the focused
 * field and step, and the last message) and the one-line key legend.
 */
#include "config.h"

#include "ui_app.h"

#include <stdlib.h>
#include <string.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_rows.h"
#include "fw_util.h"

/* The context the legend describes. */
static unsigned
legend_ctx(const struct ui_app *app)
{
	struct ui_focus f;

	if (app->dialog != NULL || app->fselect != NULL)
		return UI_CTX_DIALOG;
	if (app->mode == UI_MODE_START)
		return UI_CTX_START;
	if (app->steps_focus)
		return UI_CTX_STEPS;
	if (app->step == UI_STEP_CHECKLIST)
		return UI_CTX_CHECK;
	if (ui_step_focus(app, &f) != NULL && f.field != NULL &&
	    f.field->type == FW_FIELD_LIST)
		return UI_CTX_LIST | (ui_test_list(app, f.field) ?
		    UI_CTX_TEST : 0);
	return UI_CTX_WIZARD;
}

void
ui_findings_draw_legend(struct ui_app *app, const struct ui_rect *r)
{
	const struct ui_key_help *k;
	unsigned ctx = legend_ctx(app);
	size_t n, i;
	int x = r->x + 1, w;

	k = ui_keys_table(&n);
	attrset(A_NORMAL);
	mvhline(r->y, r->x, ' ', r->w);
	for (i = 0; i < n; i++) {
		if (!(k[i].ctx & ctx) || k[i].legend == NULL)
			continue;
		w = ui_text_width(k[i].keys) + 1 + ui_text_width(_(k[i].legend));
		if (x + w >= r->x + r->w)
			break;
		x += ui_text_put(r->y, x, w, k[i].keys, A_BOLD) + 1;
		x += ui_text_put(r->y, x, r->w - x, _(k[i].legend), A_NORMAL);
		x += 2;
	}
}

/* The mark a finding carries without colour: ! error, ? warning, … info
 * (a lookup still running says "resolving…" as info). */
const char *
ui_severity_mark(const struct ui_app *app, enum fw_severity sev)
{
	switch (sev) {
	case FW_SEV_ERROR:
		return ui_mark(app, UI_MARK_ERROR);
	case FW_SEV_WARNING:
		return "?";
	case FW_SEV_INFO:
		break;
	}
	return ui_mark(app, UI_MARK_ELLIPSIS);
}

/* The findings to show: the focused field's (and entry's) first, then
 * the rest of the step's. Free with fw_findings_free(). */
static void
pick(const struct ui_app *app, struct fw_findings *out)
{
	struct fw_findings mine = { NULL, 0 };
	struct ui_focus f;
	const char *subject = NULL;
	size_t i, k;

	if (ui_step_focus(app, &f) != NULL && f.field != NULL) {
		if (f.field->type == FW_FIELD_LIST)
			subject = fw_rows_get(app->d, f.field->list, app->row, 0);
		if (subject != NULL)
			fw_findings_filter(&app->findings, app->step,
			    f.field->key, subject, &mine);
		fw_findings_filter(&app->findings, app->step, f.field->key,
		    NULL, &mine);
	}
	/* Then the step's others, each finding once. */
	fw_findings_filter(&app->findings, app->step, NULL, NULL, &mine);
	for (i = 0; i < mine.n; i++) {
		for (k = 0; k < out->n; k++) {
			if (strcmp(out->items[k].message,
			    mine.items[i].message) == 0)
				break;
		}
		if (k == out->n)
			fw_findings_filter(&(struct fw_findings){
			    &mine.items[i], 1 }, -1, NULL, NULL, out);
	}
	fw_findings_free(&mine);
}

void
ui_findings_draw(struct ui_app *app, const struct ui_rect *r,
    const struct ui_rect *legend)
{
	const struct fw_step *s = fw_flow_step_for(app->step, app->d);
	const char *reason = s != NULL ?
	    fw_flow_not_applicable_reason(s, app->d) : NULL;
	struct fw_findings shown = { NULL, 0 };
	const struct fw_findings *live;
	int y = r->y + 1, bottom = r->y + r->h - 1, x = r->x + 2, w = r->w - 4;
	size_t i;
	char *title;

	if (s == NULL) {
		ui_checklist_draw_detail(app, r);
		ui_findings_draw_legend(app, legend);
		return;
	}
	/* An edit dialog's values as typed, until Enter or Esc. */
	if ((live = ui_dialog_live(app->dialog)) != NULL) {
		fw_findings_filter(live, -1, NULL, NULL, &shown);
		title = xasprintf(_("Findings as typed, not saved: %zu"),
		    shown.n);
	} else {
		pick(app, &shown);
		title = xasprintf(_("Findings: %zu"), shown.n);
	}
	ui_text_box(r, title, A_NORMAL);
	free(title);
	if (app->message != NULL && y < bottom) {
		unsigned long a = app->message_error ?
		    ui_attr(app, UI_LOOK_ERROR) : A_NORMAL;
		int used = 0;

		if (app->message_error)
			used = ui_text_put(y, x, 2, "! ", a) + 1;
		y += ui_text_wrap(y, x + used, w - used, bottom - y,
		    app->message, a, 1);
	}
	y += ui_test_draw(app, y, x, w, bottom);
	if (reason != NULL && y < bottom)
		y += ui_text_wrap(y, x, w, bottom - y, reason, A_NORMAL, 1);
	for (i = 0; i < shown.n && y < bottom; i++) {
		const struct fw_finding *f = &shown.items[i];
		unsigned long a = f->severity == FW_SEV_ERROR ?
		    ui_attr(app, UI_LOOK_ERROR) : A_NORMAL;

		ui_text_put(y, x, 1, ui_severity_mark(app, f->severity), a);
		/* One line each; the last one shown may use what is left. */
		y += ui_text_wrap(y, x + 2, w - 2, i + 1 == shown.n ?
		    bottom - y : 1, f->message, a, 1);
	}
	fw_findings_free(&shown);
	ui_findings_draw_legend(app, legend);
}

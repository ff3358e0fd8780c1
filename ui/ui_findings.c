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
#include "fw_util.h"

/* The context the legend describes. */
static unsigned
legend_ctx(const struct ui_app *app)
{
	struct ui_focus f;

	if (app->dialog != NULL)
		return UI_CTX_DIALOG;
	if (app->mode == UI_MODE_START)
		return UI_CTX_START;
	if (app->steps_focus)
		return UI_CTX_STEPS;
	if (ui_step_focus(app, &f) != NULL && f.field != NULL &&
	    f.field->type == FW_FIELD_LIST)
		return UI_CTX_LIST;
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

void
ui_findings_draw(struct ui_app *app, const struct ui_rect *r,
    const struct ui_rect *legend)
{
	const struct fw_step *s = fw_flow_step(app->step);
	const char *reason = fw_flow_not_applicable_reason(s, app->d);
	struct ui_focus f;
	int y = r->y + 1, bottom = r->y + r->h - 1, x = r->x + 2, w = r->w - 4;
	char *line;

	ui_text_box(r, _("Notes"), A_NORMAL);
	if (app->message != NULL && y < bottom) {
		unsigned long a = app->message_error ? ui_attr(app, UI_LOOK_ERROR) :
		    A_NORMAL;
		int used = 0;

		if (app->message_error)
			used = ui_text_put(y, x, 2, "! ", a) + 1;
		y += ui_text_wrap(y, x + used, w - used, bottom - y,
		    app->message, a, 1);
	}
	if (reason != NULL && y < bottom)
		y += ui_text_wrap(y, x, w, bottom - y, reason, A_NORMAL, 1);
	if (reason == NULL && ui_step_focus(app, &f) != NULL && y < bottom) {
		if (f.field != NULL)
			line = xasprintf(_("%s is set in %s. F1 explains it."),
			    _(f.field->label), _(f.field->where));
		else
			line = xstrdup(_("Tick this when the step is done on the "
			    "server; the steps pane then shows it complete."));
		ui_text_wrap(y, x, w, bottom - y, line, ui_attr(app, UI_LOOK_DIM), 1);
		free(line);
	}
	ui_findings_draw_legend(app, legend);
}

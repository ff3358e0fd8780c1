/*
 * ui_help.c: F1 explains the focused field from the flow table (what it
 * is, where it is set, the guide's example) and the symptoms admins meet
 * when it is wrong (fw_symptoms.h, the table `fedwiz explain` reads); `?`
 * lists every key from the key table. Any key closes either.
 */
#include "config.h"

#include "ui_app.h"

#include <stdlib.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_symptoms.h"
#include "fw_util.h"

#define HELP_SYMPTOMS_MAX 4

static int
para(int y, const struct ui_rect *in, const char *head, const char *text,
    unsigned long attr)
{
	int bottom = in->y + in->h, used = 0;

	if (y >= bottom || text == NULL)
		return y;
	if (head != NULL) {
		ui_text_put(y++, in->x, in->w, head, A_BOLD);
		if (y >= bottom)
			return y;
	}
	used = ui_text_wrap(y, in->x, in->w, bottom - y, text, attr, 1);
	return y + used + 1;
}

/* What it looks like in the field when this answer is wrong. */
static void
symptom_help(const char *key, int y, const struct ui_rect *in)
{
	const struct fw_symptom *sy[HELP_SYMPTOMS_MAX];
	size_t n = fw_symptoms_for_field(key, sy, HELP_SYMPTOMS_MAX), i;
	char *head;

	for (i = 0; i < n; i++) {
		head = xasprintf(_("If you see \"%s\""), _(sy[i]->title));
		y = para(y, in, head, _(sy[i]->causes[0].text), A_NORMAL);
		free(head);
	}
}

static int
step_help(int y, const struct ui_rect *in, const struct fw_step *s)
{
	y = para(y, in, _(s->guide_title), _(s->purpose), A_NORMAL);
	y = para(y, in, _("Where"), _(s->admin_ui), A_NORMAL);
	return para(y, in, _("Menu"), s->menu != NULL ? _(s->menu) : NULL,
	    A_NORMAL);
}

/* A step with both forms (OCS and Lync) explains each: the same answer
 * is set and checked differently on either kind of server. */
static void
field_help(struct ui_app *app, const struct ui_rect *in)
{
	const struct fw_step *forms[FW_STEP_FORMS];
	size_t nforms = fw_flow_step_forms(app->step, app->d, forms), k;
	struct ui_focus fo;
	const struct fw_field *f;
	int y = in->y;

	if (ui_step_focus(app, &fo) == NULL || fo.field == NULL) {
		for (k = 0; k < nforms; k++)
			y = step_help(y, in, forms[k]);
		return;
	}
	for (k = 0; k < nforms; k++) {
		if ((f = fw_flow_step_field(forms[k], fo.field->key)) == NULL ||
		    (k > 0 && f->help == fo.field->help))
			continue;
		y = para(y, in, _(f->label), _(f->help), A_NORMAL);
		y = para(y, in, _("Where it is set"), _(f->where), A_NORMAL);
	}
	y = para(y, in, _("The guide's example"), fo.field->example, A_NORMAL);
	symptom_help(fo.field->key, y, in);
}

static void
keys_help(struct ui_app *app, const struct ui_rect *in)
{
	const struct ui_key_help *k;
	size_t n, i;
	int y = in->y;

	(void)app;
	k = ui_keys_table(&n);
	for (i = 0; i < n && y < in->y + in->h; i++) {
		if (k[i].what == NULL)
			continue;
		ui_text_put(y, in->x, 8, k[i].keys, A_BOLD);
		y += ui_text_wrap(y, in->x + 9, in->w - 9, in->y + in->h - y,
		    _(k[i].what), A_NORMAL, 1);
	}
}

void
ui_help_draw(struct ui_app *app, const struct ui_rect *r)
{
	struct ui_rect in = { r->y + 1, r->x + 2, r->h - 2, r->w - 4 };
	char *close = xasprintf(" %s ", _("Any key closes this help."));

	ui_text_box(r, app->help == UI_HELP_KEYS ? _("Keys") : _("Help"),
	    A_BOLD);
	if (app->help == UI_HELP_KEYS)
		keys_help(app, &in);
	else
		field_help(app, &in);
	/* In the bottom border: at 80x24 every line inside is a key's. */
	ui_text_put(r->y + r->h - 1, r->x + 2, r->w - 4, close,
	    ui_attr(app, UI_LOOK_DIM));
	free(close);
}

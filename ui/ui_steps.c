/*
 * ui_steps.c: the left pane, the guide's steps by name with a mark that
 * means the same without colour (design/screens.md). F2 gives it the
 * focus to jump to a step.
 */
#include "config.h"

#include "ui_app.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_util.h"

enum fw_step_state
ui_steps_state(const struct ui_app *app, int step)
{
	return fw_flow_step_state(fw_flow_step_for(step, app->d), app->d,
	    app->d->step_done[step]);
}

static enum ui_mark
state_mark(enum fw_step_state st)
{
	switch (st) {
	case FW_STEP_NOT_APPLICABLE:
		return UI_MARK_NA;
	case FW_STEP_NOT_STARTED:
		return UI_MARK_OPEN;
	case FW_STEP_IN_PROGRESS:
		return UI_MARK_PARTIAL;
	case FW_STEP_COMPLETE:
		return UI_MARK_DONE;
	}
	return UI_MARK_OPEN;
}

/* Below a rule, the checklist: "Checklist 12 of 48". */
static void
draw_checklist_entry(struct ui_app *app, const struct ui_rect *r, int y)
{
	int cur = app->step == UI_STEP_CHECKLIST;
	unsigned long a = cur ? A_BOLD : A_NORMAL;
	char *count;

	if (y >= r->y + r->h - 1)
		return;
	ui_text_hline(y - 1, r->x + 2, r->w - 4);
	if (app->steps_focus && app->steps_cursor == UI_STEP_CHECKLIST) {
		a = ui_attr(app, UI_LOOK_FOCUS);
		mvchgat(y, r->x + 1, r->w - 2, (attr_t)a, 0, NULL);
		app->cursor_y = y;
		app->cursor_x = r->x + 2;
	}
	if (cur)
		ui_text_put(y, r->x + 2, 1, ui_mark(app, UI_MARK_CURRENT), a);
	ui_text_put(y, r->x + 4, 10, _("Checklist"), a);
	count = xasprintf(_("%zu of %zu"), app->cl_done, app->cl_items);
	ui_text_put(y, r->x + r->w - 2 - ui_text_width(count), r->w - 14,
	    count, a);
	free(count);
}

void
ui_steps_draw(struct ui_app *app, const struct ui_rect *r)
{
	char num[4];
	int n, y;

	ui_text_box(r, _("Steps"), app->steps_focus ? A_BOLD : A_NORMAL);
	for (n = 0; n < FW_STEP_COUNT && n < r->h - 2; n++) {
		enum fw_step_state st = ui_steps_state(app, n);
		unsigned long a = st == FW_STEP_NOT_APPLICABLE ?
		    ui_attr(app, UI_LOOK_DIM) : st == FW_STEP_COMPLETE ?
		    ui_attr(app, UI_LOOK_GOOD) : A_NORMAL;
		int cur = n == app->step;
		enum ui_mark mark;

		y = r->y + 1 + n;
		if (app->steps_focus && n == app->steps_cursor) {
			a = ui_attr(app, UI_LOOK_FOCUS);
			mvchgat(y, r->x + 1, r->w - 2, (attr_t)a, 0, NULL);
			app->cursor_y = y;
			app->cursor_x = r->x + 2;
		}
		if (st != FW_STEP_NOT_APPLICABLE &&
		    ui_app_step_count(app, n, FW_SEV_ERROR) > 0) {
			mark = UI_MARK_ERROR;
			a = ui_attr(app, UI_LOOK_ERROR);
		} else {
			mark = state_mark(st);
		}
		ui_text_put(y, r->x + 2, 1, ui_mark(app, cur ?
		    UI_MARK_CURRENT : mark), a | (cur ? A_BOLD : 0));
		snprintf(num, sizeof num, "%d", n);
		ui_text_put(y, r->x + 4, 1, num, a);
		ui_text_put(y, r->x + 6, r->w - 7,
		    fw_flow_step_title(n, app->d), a | (cur ? A_BOLD : 0));
	}
	draw_checklist_entry(app, r, r->y + 2 + FW_STEP_COUNT);
}

int
ui_steps_handle_key(struct ui_app *app, int key)
{
	switch (key) {
	case UI_ESC:
	case UI_KEYCODE(KEY_F(2)):
		app->steps_focus = 0;
		return 1;
	case UI_KEYCODE(KEY_UP):
		app->steps_cursor = (app->steps_cursor + UI_STEP_CHECKLIST) %
		    (UI_STEP_CHECKLIST + 1);
		return 1;
	case UI_KEYCODE(KEY_DOWN):
	case '\t':
		app->steps_cursor = (app->steps_cursor + 1) %
		    (UI_STEP_CHECKLIST + 1);
		return 1;
	case 'c':
		app->steps_focus = 0;
		ui_step_go(app, UI_STEP_CHECKLIST);
		return 1;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		app->steps_focus = 0;
		ui_step_go(app, app->steps_cursor);
		return 1;
	}
	if (key >= '0' && key <= '9') {
		app->steps_focus = 0;
		ui_step_go(app, key - '0');
	}
	return 1;
}

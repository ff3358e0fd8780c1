/*
 * ui_app.c: the wizard's context and main loop. poll() waits on the
 * terminal and the signal self-pipe together, so a signal is handled in
 * plain code and nothing ever blocks typing; the whole screen is drawn
 * from the context after each batch of keys.
 */
#include "config.h"

#include "ui_app.h"
#include "ui_fselect.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fw_checklist.h"
#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_resolve.h"
#include "fw_util.h"

char *
ui_app_expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL)
		return xasprintf("%s/%s", home, path + 2);
	return xstrdup(path);
}

void
ui_app_message(struct ui_app *app, int error, const char *fmt, ...)
{
	va_list ap;

	free(app->message);
	va_start(ap, fmt);
	app->message = xvasprintf(fmt, ap);
	va_end(ap);
	app->message_error = error;
}

int
ui_app_refuse_read_only(struct ui_app *app)
{
	if (!fw_project_read_only(app->project))
		return 0;
	ui_app_message(app, 1, "%s", _("read-only: nothing can be changed "
	    "here"));
	return 1;
}

void
ui_app_save_position(struct ui_app *app)
{
	char *pos;

	if (app->project == NULL || app->mode != UI_MODE_WIZARD)
		return;
	pos = ui_step_position(app);
	/* A lost resume point is not worth interrupting the admin for. */
	fw_project_set_position(app->project, app->step, pos, NULL);
	free(pos);
}

/* "HH:MM" in local time from the store's UTC "YYYY-MM-DD HH:MM:SS". */
static void
note_saved(struct ui_app *app)
{
	char *t = fw_project_last_change(app->project);
	struct tm tm;
	time_t when;

	app->saved[0] = '\0';
	memset(&tm, 0, sizeof tm);
	if (t != NULL && sscanf(t, "%d-%d-%d %d:%d:%d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) == 6) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		when = timegm(&tm);
		strftime(app->saved, sizeof app->saved, "%H:%M",
		    localtime_r(&when, &tm));
	}
	free(t);
}

void
ui_app_check(struct ui_app *app)
{
	struct fw_rules_opts opts;

	fw_findings_free(&app->findings);
	if (app->d == NULL)
		return;
	memset(&opts, 0, sizeof opts);
	opts.resolver = app->resolver;
	fw_rules_run(app->d, &opts, &app->findings);
}

size_t
ui_app_step_count(const struct ui_app *app, int step, enum fw_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < app->findings.n; i++)
		n += app->findings.items[i].step == step &&
		    app->findings.items[i].severity == sev;
	return n;
}

/* Builds the checklist for its pane when it is not built yet. */
static void
need_checklist(struct ui_app *app)
{
	if (app->checklist != NULL || app->d == NULL)
		return;
	app->checklist = fw_checklist_build(app->d);
	app->cl_items = app->checklist->n_items;
	app->cl_done = app->checklist->n_done;
}

/* Frees it (the progress counts stay true). */
static void
drop_checklist(struct ui_app *app)
{
	fw_checklist_free(app->checklist);
	app->checklist = NULL;
}

void
ui_app_sync_checklist(struct ui_app *app)
{
	if (app->step == UI_STEP_CHECKLIST)
		need_checklist(app);
	else
		drop_checklist(app);
}

/* After the answers changed: the checklist again while its pane shows,
 * else only its counts. */
static void
update_checklist(struct ui_app *app)
{
	size_t changed;

	drop_checklist(app);
	ui_app_sync_checklist(app);
	if (app->checklist == NULL)
		fw_checklist_count(app->d, &app->cl_items, &app->cl_done,
		    &changed);
}

int
ui_app_reload(struct ui_app *app)
{
	struct fw_deployment *d = NULL;
	char *cause = NULL;

	if (fw_project_load(app->project, &d, &cause) != 0) {
		ui_app_message(app, 1, "%s", cause);
		free(cause);
		return -1;
	}
	fw_deployment_free(app->d);
	app->d = d;
	note_saved(app);
	update_checklist(app);
	ui_app_check(app);
	/* The focus may point past a list that shrank or a step that no
	 * longer applies: restoring from the position clamps it. */
	{
		char *pos = ui_step_position(app);

		ui_step_restore(app, app->step, pos);
		free(pos);
	}
	return 0;
}

int
ui_app_open(struct ui_app *app, int read_only, int create, char **cause)
{
	unsigned flags = read_only ? FW_OPEN_READ_ONLY :
	    create ? FW_OPEN_CREATE : 0;
	char *field = NULL;
	const char *notices;
	int step = 0, rc;

	ui_app_close(app);
	/* Read-only after a refusal keeps the holder for the banner. */
	if (!read_only)
		memset(&app->holder, 0, sizeof app->holder);
	rc = fw_project_open(app->path, flags, &app->project, &app->holder,
	    cause);
	if (rc == FW_EXIT_LOCKED) {
		app->mode = UI_MODE_LOCKED;
		return 0;
	}
	if (rc != FW_EXIT_OK)
		return -1;
	if (fw_project_load(app->project, &app->d, cause) != 0) {
		fw_project_close(app->project);
		app->project = NULL;
		return -1;
	}
	app->mode = UI_MODE_WIZARD;
	fw_project_get_position(app->project, &step, &field, NULL);
	app->step = step;
	update_checklist(app);
	ui_step_restore(app, step, field);
	free(field);
	note_saved(app);
	ui_app_check(app);
	if ((notices = fw_project_notices(app->project)) != NULL)
		ui_app_message(app, 0, "%s", notices);
	return 0;
}

void
ui_app_close(struct ui_app *app)
{
	if (app->project != NULL && app->mode == UI_MODE_WIZARD)
		ui_app_save_position(app);
	ui_test_free(app->test);
	app->test = NULL;
	ui_fselect_free(app->fselect);
	app->fselect = NULL;
	fw_findings_free(&app->findings);
	drop_checklist(app);
	fw_deployment_free(app->d);
	app->d = NULL;
	fw_project_close(app->project);
	app->project = NULL;
}

/* --- drawing --- */

/* The top line: the read-only banner, project and file on the left, save
 * time and progress on the right; the name gives way when space is short. */
static void
draw_top(struct ui_app *app, const struct ui_rect *r)
{
	const char *file = strrchr(app->path, '/');
	const char *dot = ui_mark(app, UI_MARK_DOT);
	int n, complete = 0, applicable = 0, x = 0, rw, room;
	char *head, *tail, *right, *banner, *saved;
	const char *name;

	for (n = 0; n < FW_STEP_COUNT; n++) {
		enum fw_step_state st = ui_steps_state(app, n);

		applicable += st != FW_STEP_NOT_APPLICABLE;
		complete += st == FW_STEP_COMPLETE;
	}
	attrset(A_NORMAL);
	mvhline(r->y, r->x, ' ', r->w);
	if (fw_project_read_only(app->project)) {
		banner = app->held ? xasprintf(_(" READ-ONLY: in use by %s on "
		    "%s (PID %ld) "), app->holder.user, app->holder.host,
		    app->holder.pid) : xstrdup(_(" READ-ONLY "));
		x = ui_text_put(r->y, r->x, r->w, banner, ui_attr(app, UI_LOOK_BANNER));
		free(banner);
	}
	saved = app->saved[0] != '\0' ? xasprintf(_("saved %s"), app->saved) :
	    xstrdup(_("nothing saved yet"));
	right = xasprintf(_("%s %s %d/%d steps %s %zu/%zu done "), saved, dot,
	    complete, applicable, dot, app->cl_done, app->cl_items);
	head = xasprintf(" fedwiz %s ", dot);
	tail = xasprintf(" %s %s %s ", dot, file != NULL ? file + 1 :
	    app->path, dot);
	name = app->d->name != NULL && app->d->name[0] ? app->d->name :
	    _("(unnamed)");
	rw = ui_text_width(right);
	room = r->w - x - rw - ui_text_width(head) - ui_text_width(tail);
	if (room >= 8) {
		x += ui_text_put(r->y, r->x + x, r->w - x, head, A_BOLD);
		x += ui_text_put(r->y, r->x + x, room, name, A_BOLD);
		x += ui_text_put(r->y, r->x + x, r->w - x, tail, A_BOLD);
		ui_text_put(r->y, r->x + x, r->w - x, right, A_BOLD);
	} else {
		/* No room for the name (a long file name or translation):
		 * the save state and progress still show, at the right. */
		x = r->w - rw > x ? r->w - rw : x;
		ui_text_put(r->y, r->x + x, r->w - x, right, A_BOLD);
	}
	free(head);
	free(tail);
	free(right);
	free(saved);
}

static void
draw_too_small(void)
{
	char *line;

	line = xasprintf(_("fedwiz needs at least %dx%d; this terminal is "
	    "%dx%d."), UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	ui_text_wrap(0, 1, COLS - 1, LINES > 2 ? LINES - 2 : 1, line,
	    A_BOLD, 1);
	free(line);
	if (LINES > 2)
		ui_text_wrap(LINES - 2, 1, COLS - 1, 2, _("Enlarge it; nothing "
		    "is lost. F10 quits."), A_NORMAL, 1);
}

static void
draw_locked(struct ui_app *app)
{
	char *line;
	int y = 1;

	ui_text_put(0, 0, COLS, " fedwiz", A_BOLD);
	line = xasprintf(_("%s is in use by another fedwiz: user %s on host "
	    "%s, PID %ld, since %s."), app->path, app->holder.user,
	    app->holder.host, app->holder.pid, app->holder.since);
	y += ui_text_wrap(y + 1, 1, COLS - 2, 4, line, A_BOLD, 1) + 2;
	free(line);
	ui_text_put(y++, 3, COLS - 4, _("r    open it read-only: look, change "
	    "nothing"), A_NORMAL);
	ui_text_put(y, 3, COLS - 4, _("F10  quit"), A_NORMAL);
}

void
ui_app_draw(struct ui_app *app)
{
	struct ui_layout l;

	erase();
	app->cursor_y = -1;
	ui_layout_compute(&l, LINES, COLS);
	if (l.too_small) {
		draw_too_small();
	} else if (app->mode == UI_MODE_START) {
		ui_start_draw(app, app->start);
		ui_findings_draw_legend(app, &(struct ui_rect){ LINES - 1, 0,
		    1, COLS });
		if (app->dialog != NULL)
			ui_dialog_draw(app, app->dialog, &(struct ui_rect){ 1,
			    0, LINES - 2, COLS });
	} else if (app->mode == UI_MODE_LOCKED) {
		draw_locked(app);
	} else {
		draw_top(app, &l.top);
		ui_steps_draw(app, &l.steps);
		if (app->step == UI_STEP_CHECKLIST)
			ui_checklist_draw(app, &l.main);
		else
			ui_step_draw(app, &l.main);
		ui_findings_draw(app, &l.findings, &l.legend);
		if (app->help) {
			/* Help covers the main and findings panes: room to
			 * read, the steps still in view. */
			app->cursor_y = -1;
			ui_help_draw(app, &(struct ui_rect){ l.main.y, l.main.x,
			    l.main.h + l.findings.h, l.main.w });
		}
		if (app->dialog != NULL)
			ui_dialog_draw(app, app->dialog, &l.main);
		/* The picker has the screen between the top line and the
		 * legend: room for long names. */
		if (app->fselect != NULL)
			ui_fselect_draw(app, app->fselect, &(struct ui_rect){
			    1, 0, LINES - 2, COLS });
	}
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* --- keys --- */

static void
wizard_key(struct ui_app *app, int key)
{
	if (app->help) {
		app->help = 0;
		return;
	}
	if (app->fselect != NULL) {
		ui_step_fselect_key(app, key);
		return;
	}
	if (app->dialog != NULL) {
		if (!ui_dialog_handle_key(app, app->dialog, key)) {
			ui_dialog_free(app->dialog);
			app->dialog = NULL;
		}
		return;
	}
	if (app->steps_focus) {
		ui_steps_handle_key(app, key);
		return;
	}
	if (!app->confirm_delete) {
		free(app->message);
		app->message = NULL;
	}
	switch (key) {
	case UI_ESC:
		ui_test_cancel(app);
		return;
	case UI_KEYCODE(KEY_F(1)):
		app->help = UI_HELP_FIELD;
		return;
	case '?':
		app->help = UI_HELP_KEYS;
		return;
	case UI_KEYCODE(KEY_F(2)):
		app->steps_focus = 1;
		app->steps_cursor = app->step;
		return;
	case UI_KEYCODE(KEY_NPAGE):
	case UI_CTRL('n'):
		ui_step_go(app, app->step + 1);
		return;
	case UI_KEYCODE(KEY_PPAGE):
	case UI_CTRL('p'):
		ui_step_go(app, app->step - 1);
		return;
	}
	if (app->step == UI_STEP_CHECKLIST)
		ui_checklist_handle_key(app, key);
	else
		ui_step_handle_key(app, key);
}

static void
start_key(struct ui_app *app, int key)
{
	if (app->dialog != NULL) {
		if (!ui_dialog_handle_key(app, app->dialog, key) &&
		    app->mode == UI_MODE_START) {
			ui_dialog_free(app->dialog);
			app->dialog = NULL;
		}
	} else {
		ui_start_handle_key(app, app->start, key);
	}
}

static void
locked_key(struct ui_app *app, int key)
{
	char *cause = NULL;

	if (key != 'r' && key != 'R')
		return;
	app->held = 1;
	if (ui_app_open(app, 1, 0, &cause) != 0) {
		app->exit_code = FW_EXIT_USAGE;
		app->quit = 1;
		ui_app_message(app, 1, "%s", cause);
	}
	free(cause);
}

void
ui_app_handle_key(struct ui_app *app, int key)
{
	if (key == UI_KEYCODE(KEY_RESIZE))
		return;
	if (key == UI_KEYCODE(KEY_F(10))) {
		app->quit = 1;
		return;
	}
	if (LINES < UI_MIN_LINES || COLS < UI_MIN_COLS)
		return;
	switch (app->mode) {
	case UI_MODE_START:
		start_key(app, key);
		break;
	case UI_MODE_LOCKED:
		locked_key(app, key);
		break;
	case UI_MODE_WIZARD:
		wizard_key(app, key);
		break;
	}
	/* Leaving the start screen: its dialog opened the project. */
	if (app->mode != UI_MODE_START && app->start != NULL) {
		ui_dialog_free(app->dialog);
		app->dialog = NULL;
		ui_start_free(app->start);
		app->start = NULL;
	}
}

/* Hands every key waiting to the screens. Bytes, not wget_wch: see
 * ui_input.c for the characters it loses after an invalid byte. (ncurses
 * passes all 8 bits on the usual CS8 terminal without ISTRIP.) */
static void
read_keys(struct ui_app *app)
{
	int c, keys[2], n, i;

	while (!app->quit) {
		c = wgetch(stdscr);
		if (c == ERR)
			return;
		/* A resize comes from SIGWINCH, not the keyboard: it must
		 * not cut a character whose bytes arrive around it. */
		if (c == KEY_RESIZE) {
			ui_app_handle_key(app, UI_KEYCODE(c));
			continue;
		}
		n = ui_input_feed(&app->input, c >= KEY_MIN ? UI_KEYCODE(c) :
		    c, keys);
		for (i = 0; i < n && !app->quit; i++)
			ui_app_handle_key(app, keys[i]);
	}
}

int
ui_app_run(struct ui_app *app)
{
	struct pollfd pfd[4];
	nfds_t n, resolver = 0, test = 0;
	int answers;

	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].fd = ui_signals_fd();
	pfd[1].events = POLLIN;
	ui_app_draw(app);
	if (app->resolver != NULL)
		fw_resolver_hold(app->resolver, 0);
	while (!app->quit) {
		n = 2;
		/* DNS answers arrive on the resolver's pipe, a running test's
		 * results on its own: the findings update while the admin
		 * types, and nothing waits for them. */
		if (app->resolver != NULL) {
			pfd[n].fd = fw_resolver_fd(app->resolver);
			pfd[n].events = POLLIN;
			resolver = n++;
		}
		if (ui_test_fd(app) >= 0) {
			pfd[n].fd = ui_test_fd(app);
			pfd[n].events = POLLIN;
			test = n++;
		}
		for (nfds_t i = 0; i < n; i++)
			pfd[i].revents = 0;
		/* An edit dialog's values are judged after a pause in
		 * typing: poll wakes up when it ends. */
		if (poll(pfd, n, ui_dialog_wait_ms(app->dialog)) < 0 &&
		    errno != EINTR)
			break;
		if (ui_signals_take() != 0)
			break;
		/* A hung-up terminal (SSH gone) ends the session like SIGHUP. */
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
		answers = resolver != 0 && (pfd[resolver].revents & POLLIN);
		if (answers) {
			fw_resolver_drain(app->resolver);
			ui_app_check(app);
		}
		ui_dialog_judge(app, app->dialog, answers);
		if (test != 0 && (pfd[test].revents & POLLIN))
			ui_test_drain(app);
		resolver = test = 0;
		read_keys(app);
		if (!app->quit)
			ui_app_draw(app);
	}
	ui_app_save_position(app);
	return app->exit_code;
}

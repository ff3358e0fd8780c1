/*
 * ui_start.c: the start screen, shown when no PROJECT is named: the
 * projects in the data folder with their progress and last change, then
 * "New project…" and "Open file…". Resuming is one Enter.
 */
#include "config.h"

#include "ui_app.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_paths.h"
#include "fw_util.h"

struct start_entry {
	char *path;
	char *name;
	int step;		/* where the wizard was */
	int complete, applicable;
	char *changed;		/* "YYYY-MM-DD HH:MM" UTC, or NULL */
};

struct ui_start {
	char *dir;
	struct start_entry *e;
	size_t n;
	size_t cursor;		/* n = New project, n + 1 = Open file */
	char *error;
};

/* Reads one project without taking its lock: another fedwiz may hold it. */
static int
read_entry(struct start_entry *e, const char *path)
{
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	char *field = NULL, *t;
	int n;

	memset(e, 0, sizeof *e);
	if (fw_project_open(path, FW_OPEN_READ_ONLY, &p, NULL, NULL) != 0)
		return -1;
	if (fw_project_load(p, &d, NULL) != 0) {
		fw_project_close(p);
		return -1;
	}
	e->path = xstrdup(path);
	e->name = xstrdup(d->name != NULL && d->name[0] != '\0' ? d->name :
	    strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path);
	fw_project_get_position(p, &e->step, &field, NULL);
	for (n = 0; n < FW_STEP_COUNT; n++) {
		enum fw_step_state st = fw_flow_step_state(fw_flow_step_for(n, d), d,
		    d->step_done[n]);

		e->applicable += st != FW_STEP_NOT_APPLICABLE;
		e->complete += st == FW_STEP_COMPLETE;
	}
	if ((t = fw_project_last_change(p)) != NULL) {
		e->changed = xstrndup(t, 16);
		free(t);
	}
	free(field);
	fw_deployment_free(d);
	fw_project_close(p);
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct start_entry *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static void
scan(struct ui_start *s)
{
	DIR *dir = opendir(s->dir);
	struct dirent *de;
	size_t len;
	char *path;

	if (dir == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 7 || strcmp(de->d_name + len - 7, ".fedwiz") != 0)
			continue;
		path = xasprintf("%s/%s", s->dir, de->d_name);
		s->e = xreallocarray(s->e, s->n + 1, sizeof *s->e);
		if (read_entry(&s->e[s->n], path) == 0)
			s->n++;
		free(path);
	}
	closedir(dir);
	qsort(s->e, s->n, sizeof *s->e, entry_cmp);
}

struct ui_start *
ui_start_new(struct ui_app *app)
{
	struct ui_start *s = xcalloc(1, sizeof *s);
	char *cause = NULL;

	(void)app;
	s->dir = fw_paths_data_dir(1, &cause);
	if (s->dir == NULL) {
		s->error = cause;
		return s;
	}
	scan(s);
	return s;
}

void
ui_start_free(struct ui_start *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->e[i].path);
		free(s->e[i].name);
		free(s->e[i].changed);
	}
	free(s->e);
	free(s->dir);
	free(s->error);
	free(s);
}

/* The folder as the admin would type it: ~ for the home folder. */
static char *
folder_name(const char *dir)
{
	const char *home = getenv("HOME");
	size_t n = home != NULL ? strlen(home) : 0;

	if (n > 0 && strncmp(dir, home, n) == 0 && dir[n] == '/')
		return xasprintf("~%s", dir + n);
	return xstrdup(dir);
}

void
ui_start_draw(struct ui_app *app, struct ui_start *s)
{
	struct ui_rect box = { 1, 0, LINES - 2, COLS };
	char *title, *line, *folder;
	size_t i;
	int y;

	title = xasprintf(" fedwiz %s %s", ui_mark(app, UI_MARK_DOT),
	    _("IM and Presence and Microsoft OCS federation"));
	ui_text_put(0, 0, COLS, title, A_BOLD);
	free(title);
	folder = folder_name(s->dir != NULL ? s->dir : "?");
	title = xasprintf(_("Projects in %s"), folder);
	free(folder);
	ui_text_box(&box, title, A_NORMAL);
	free(title);
	y = box.y + 1;
	if (s->error != NULL)
		ui_text_put(y++, 2, COLS - 4, s->error, ui_attr(app, UI_LOOK_ERROR));
	if (s->n == 0)
		ui_text_put(y++, 3, COLS - 5, _("No projects yet: n starts "
		    "one."), ui_attr(app, UI_LOOK_DIM));
	for (i = 0; i < s->n && y < box.y + box.h - 3; i++, y++) {
		const struct start_entry *e = &s->e[i];
		unsigned long a = i == s->cursor ? ui_attr(app, UI_LOOK_FOCUS) : 0;

		line = xasprintf(_("step %d of 9   %d/%d steps complete   "
		    "changed %s"), e->step, e->complete, e->applicable,
		    e->changed != NULL ? e->changed : _("never"));
		if (i == s->cursor) {
			ui_text_put(y, 1, 1, ui_mark(app, UI_MARK_FOCUS),
			    A_BOLD);
			mvchgat(y, 2, COLS - 4, (attr_t)a, 0, NULL);
			app->cursor_y = y;
			app->cursor_x = 2;
		}
		ui_text_put(y, 2, 28, e->name, a | A_BOLD);
		ui_text_put(y, 32, COLS - 34, line, a);
		free(line);
	}
	y++;
	for (i = 0; i < 2; i++) {
		size_t at = s->n + i;
		unsigned long a = at == s->cursor ? ui_attr(app, UI_LOOK_FOCUS) : 0;
		int x = i == 0 ? 2 : 28;

		if (at == s->cursor) {
			ui_text_put(y, x - 1, 1, ui_mark(app, UI_MARK_FOCUS),
			    A_BOLD);
			app->cursor_y = y;
			app->cursor_x = x;
		}
		ui_text_put(y, x, 24, i == 0 ? _("New project\u2026 (n)") :
		    _("Open file\u2026 (o)"), a);
	}
}

static int
open_entry(struct ui_app *app, struct ui_start *s)
{
	char *cause = NULL;

	if (s->cursor == s->n) {
		app->dialog = ui_dialog_new(app, UI_DIALOG_NEW, NULL, 0, 0);
		return 1;
	}
	if (s->cursor > s->n) {
		app->dialog = ui_dialog_new(app, UI_DIALOG_OPEN, NULL, 0, 0);
		return 1;
	}
	if (ui_start_open_file(app, s->e[s->cursor].path, &cause) != 0) {
		free(s->error);
		s->error = cause;
	}
	return 1;
}

int
ui_start_handle_key(struct ui_app *app, struct ui_start *s, int key)
{
	switch (key) {
	case UI_KEYCODE(KEY_UP):
	case UI_KEYCODE(KEY_BTAB):
		s->cursor = (s->cursor + s->n + 1) % (s->n + 2);
		return 1;
	case UI_KEYCODE(KEY_DOWN):
	case '\t':
		s->cursor = (s->cursor + 1) % (s->n + 2);
		return 1;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		return open_entry(app, s);
	case 'n':
		s->cursor = s->n;
		return open_entry(app, s);
	case 'o':
		s->cursor = s->n + 1;
		return open_entry(app, s);
	}
	return 0;
}

/* A file name from a project name: "Northwind federation" ->
 * "northwind-federation". */
static char *
file_stem(const char *name)
{
	struct fw_strbuf sb;
	const char *p;
	int dash = 0;

	fw_sb_init(&sb);
	for (p = name; *p != '\0' && sb.len < 60; p++) {
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			if (dash && sb.len > 0)
				fw_sb_add(&sb, "-");
			fw_sb_printf(&sb, "%c", tolower((unsigned char)*p));
			dash = 0;
		} else {
			dash = 1;
		}
	}
	if (sb.len == 0)
		fw_sb_add(&sb, "project");
	return fw_sb_steal(&sb);
}

int
ui_start_create(struct ui_app *app, const char *name, char **cause)
{
	struct ui_start *s = app->start;
	char *stem, *path;
	int rc = -1;

	if (name[0] == '\0')
		return fw_fail(cause, _("give the project a name"));
	if (s == NULL || s->dir == NULL)
		return fw_fail(cause, _("no data folder"));
	stem = file_stem(name);
	path = xasprintf("%s/%s.fedwiz", s->dir, stem);
	free(stem);
	if (access(path, F_OK) == 0) {
		fw_fail(cause, _("%s exists already; choose another name"),
		    path);
		goto out;
	}
	free(app->path);
	app->path = path;
	path = NULL;
	if (ui_app_open(app, 0, 1, cause) != 0)
		goto out;
	if (fw_project_set_setting(app->project, "name", name, cause) != 0)
		goto out;
	rc = ui_app_reload(app);
out:
	free(path);
	return rc;
}

int
ui_start_open_file(struct ui_app *app, const char *path, char **cause)
{
	free(app->path);
	app->path = ui_app_expand_home(path);
	return ui_app_open(app, app->opts->read_only, 0, cause);
}

/*
 * ui_fselect.c: the file picker. The list shows a folder's entries
 * (ui_dirlist.c: nothing in it is opened) and the path field takes a
 * typed or pasted path; Tab moves between them. A name reaches the screen
 * only through ui_text_put(), the terminal filter: an ESC, a C1 control,
 * a bidi override, a newline or bytes that are not UTF-8 show as their
 * escapes, and CDK markup in a name is plain text. The entry picked is
 * joined from the name's own bytes, so such a file can still be loaded.
 */
#include "config.h"

#include "ui_app.h"
#include "ui_dirlist.h"
#include "ui_field.h"
#include "ui_fselect.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_util.h"

struct ui_fselect {
	char *title;
	char *dir;		/* the folder listed: absolute, its bytes */
	struct ui_dirlist list;
	size_t cursor, top;
	int rows;		/* list lines at the last draw (PgUp/PgDn) */
	int on_field;		/* the path field has the focus */
	struct ui_field field;
	char *error;
	char *picked;
};

static void
set_error(struct ui_fselect *fs, char *msg)
{
	free(fs->error);
	fs->error = msg;
}

/* Lists path (a folder) instead of the folder listed; the cursor goes to
 * the entry named focus when there is one. On failure the old list stays,
 * with the reason. */
static int
change_dir(struct ui_fselect *fs, const char *path, const char *focus)
{
	struct ui_dirlist l;
	char *real = realpath(path, NULL), *cause = NULL;
	size_t i;

	if (real == NULL) {
		set_error(fs, xasprintf(_("%s: cannot list: %s"), path,
		    strerror(errno)));
		return -1;
	}
	if (ui_dirlist_read(real, UI_DIRLIST_MAX, &l, &cause) != 0) {
		set_error(fs, cause);
		free(real);
		return -1;
	}
	ui_dirlist_free(&fs->list);
	fs->list = l;
	free(fs->dir);
	fs->dir = real;
	fs->cursor = fs->top = 0;
	for (i = 0; focus != NULL && i < l.n; i++)
		if (strcmp(l.e[i].name, focus) == 0)
			fs->cursor = i;
	set_error(fs, NULL);
	return 0;
}

struct ui_fselect *
ui_fselect_new(const char *title)
{
	struct ui_fselect *fs = xcalloc(1, sizeof *fs);

	fs->title = xstrdup(title);
	fs->rows = 1;
	if (change_dir(fs, ".", NULL) != 0)
		fs->dir = xstrdup("/");
	return fs;
}

void
ui_fselect_free(struct ui_fselect *fs)
{
	if (fs == NULL)
		return;
	ui_dirlist_free(&fs->list);
	free(fs->title);
	free(fs->dir);
	free(fs->error);
	free(fs->picked);
	free(fs);
}

const char *
ui_fselect_path(const struct ui_fselect *fs)
{
	return fs->picked;
}

void
ui_fselect_refuse(struct ui_fselect *fs, const char *why)
{
	set_error(fs, xstrdup(why));
}

/* --- drawing --- */

/* What an entry is, beside its name (NULL: a file, or a folder, whose
 * name ends in '/'). */
static const char *
kind_tag(enum ui_dirent_kind k)
{
	switch (k) {
	case UI_DIRENT_UP:
		return _("parent folder");
	case UI_DIRENT_LINK:
		return _("link");
	case UI_DIRENT_FIFO:
		return _("FIFO");
	case UI_DIRENT_SOCKET:
		return _("socket");
	case UI_DIRENT_DEVICE:
		return _("device");
	case UI_DIRENT_UNKNOWN:
		return "?";
	default:
		return NULL;
	}
}

static void
draw_entry(struct ui_app *app, const struct ui_fselect *fs,
    const struct ui_dirent *e, int y, int x, int w, int focused)
{
	unsigned long a = !focused ? A_NORMAL : fs->on_field ? A_BOLD :
	    ui_attr(app, UI_LOOK_FOCUS);
	const char *tag = kind_tag(e->kind);
	int tw = tag != NULL ? ui_text_width(tag) + 1 : 0, used;
	int dir = e->kind == UI_DIRENT_DIR || e->kind == UI_DIRENT_UP;

	attrset((attr_t)a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
	/* The name's own width, less its '/' and its kind: a long name
	 * is cut with an ellipsis, what it is stays in view. */
	used = ui_text_put(y, x + 1, w - 2 - tw - dir, e->name, a);
	if (dir)
		ui_text_put(y, x + 1 + used, 1, "/", a);
	if (tag != NULL)
		ui_text_put(y, x + w - tw, tw - 1, tag, a | A_DIM);
}

/* The list between lines y and y + h, scrolled to keep the cursor. */
static void
draw_list(struct ui_app *app, struct ui_fselect *fs, int y, int x, int w,
    int h)
{
	size_t i;

	fs->rows = h;
	if (fs->cursor < fs->top)
		fs->top = fs->cursor;
	if (fs->cursor >= fs->top + (size_t)h)
		fs->top = fs->cursor - (size_t)h + 1;
	/* After a resize to more lines, fill them. */
	while (fs->top > 0 && fs->top + (size_t)h > fs->list.n)
		fs->top--;
	for (i = fs->top; i < fs->list.n && i < fs->top + (size_t)h; i++)
		draw_entry(app, fs, &fs->list.e[i], y + (int)(i - fs->top),
		    x, w, i == fs->cursor);
}

/* The line under the list: why something was refused, else what the
 * list left out. */
static void
draw_status(struct ui_app *app, const struct ui_fselect *fs, int y, int x,
    int w)
{
	char *s;

	if (fs->error != NULL) {
		ui_text_wrap(y, x, w, 1, fs->error, ui_attr(app,
		    UI_LOOK_ERROR), 1);
	} else if (fs->list.left_out) {
		s = xasprintf(_("more than %d entries: the rest are left out "
		    "(type the path)"), UI_DIRLIST_MAX);
		ui_text_put(y, x, w, s, ui_attr(app, UI_LOOK_DIM));
		free(s);
	}
}

void
ui_fselect_draw(struct ui_app *app, struct ui_fselect *fs,
    const struct ui_rect *over)
{
	struct ui_rect r = *over;
	const char *folder = _("Folder"), *file = _("Path");
	int lw = ui_text_width(folder), y;

	if (ui_text_width(file) > lw)
		lw = ui_text_width(file);
	if (r.h < 9 || r.w < 30)
		return;
	ui_text_box(&r, fs->title, A_BOLD);
	y = r.y + 1;
	ui_text_put(y, r.x + 2, lw, folder, A_NORMAL);
	ui_text_put(y, r.x + 4 + lw, r.w - lw - 6, fs->dir, A_NORMAL);
	ui_text_put(++y, r.x + 2, lw, file, A_NORMAL);
	app->cursor_y = -1;
	ui_field_draw(app, &fs->field, y, r.x + 4 + lw, r.w - lw - 6,
	    fs->on_field ? ui_attr(app, UI_LOOK_FOCUS) : A_UNDERLINE,
	    fs->on_field);
	y += 2;
	draw_list(app, fs, y, r.x + 1, r.w - 2, r.y + r.h - 3 - y);
	draw_status(app, fs, r.y + r.h - 3, r.x + 2, r.w - 4);
	ui_text_put(r.y + r.h - 2, r.x + 2, r.w - 4, fs->on_field ?
	    _("Enter open the path  Tab the list  Esc cancel") :
	    _("Enter open or pick  Tab type a path  Esc cancel"),
	    ui_attr(app, UI_LOOK_DIM));
}

/* --- keys --- */

/* A folder is listed, a regular file picked; anything else is refused
 * before it is opened (a FIFO would block the read). */
static enum ui_fselect_state
open_path(struct ui_fselect *fs, const char *path, const char *focus)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		set_error(fs, xasprintf(_("%s: cannot open: %s"), path,
		    strerror(errno)));
		return UI_FSELECT_OPEN;
	}
	if (S_ISDIR(st.st_mode)) {
		change_dir(fs, path, focus);
		return UI_FSELECT_OPEN;
	}
	if (!S_ISREG(st.st_mode)) {
		set_error(fs, xasprintf(_("%s: not a regular file; expected "
		    "a certificate file"), path));
		return UI_FSELECT_OPEN;
	}
	free(fs->picked);
	fs->picked = xstrdup(path);
	return UI_FSELECT_PICKED;
}

static enum ui_fselect_state
open_entry(struct ui_fselect *fs)
{
	const struct ui_dirent *e;
	enum ui_fselect_state s;
	char *path, *from = NULL;

	if (fs->cursor >= fs->list.n)
		return UI_FSELECT_OPEN;
	e = &fs->list.e[fs->cursor];
	/* Up: the cursor lands on the folder just left. */
	if (e->kind == UI_DIRENT_UP && strrchr(fs->dir, '/') != NULL)
		from = xstrdup(strrchr(fs->dir, '/') + 1);
	path = ui_dirlist_join(fs->dir, e->name);
	s = open_path(fs, path, from);
	free(path);
	free(from);
	return s;
}

/* The typed path: ~/ as a shell would, relative to the folder listed. */
static enum ui_fselect_state
open_typed(struct ui_fselect *fs)
{
	char *text = ui_field_get(&fs->field), *full, *path;
	enum ui_fselect_state s = UI_FSELECT_OPEN;

	full = ui_app_expand_home(text);
	path = full[0] == '/' ? xstrdup(full) : ui_dirlist_join(fs->dir, full);
	if (text[0] == '\0')
		set_error(fs, xstrdup(_("give a file name")));
	else
		s = open_path(fs, path, NULL);
	if (s == UI_FSELECT_OPEN && fs->error == NULL)
		ui_field_set(&fs->field, NULL);	/* a folder: now listed */
	free(path);
	free(full);
	free(text);
	return s;
}

static void
move_cursor(struct ui_fselect *fs, long by)
{
	long last = fs->list.n > 0 ? (long)fs->list.n - 1 : 0;
	long c = (long)fs->cursor + by;

	fs->cursor = (size_t)(c < 0 ? 0 : c > last ? last : c);
}

/* 1 when key moved in the list. */
static int
list_move(struct ui_fselect *fs, int key)
{
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		move_cursor(fs, -1);
		return 1;
	case UI_KEYCODE(KEY_DOWN):
		move_cursor(fs, 1);
		return 1;
	case UI_KEYCODE(KEY_PPAGE):
		move_cursor(fs, -fs->rows);
		return 1;
	case UI_KEYCODE(KEY_NPAGE):
		move_cursor(fs, fs->rows);
		return 1;
	case UI_KEYCODE(KEY_HOME):
		fs->cursor = 0;
		return 1;
	case UI_KEYCODE(KEY_END):
		move_cursor(fs, (long)fs->list.n);
		return 1;
	}
	return 0;
}

static enum ui_fselect_state
field_key(struct ui_app *app, struct ui_fselect *fs, int key)
{
	switch (key) {
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		return open_typed(fs);
	case UI_KEYCODE(KEY_UP):
	case UI_KEYCODE(KEY_DOWN):
		fs->on_field = 0;
		return UI_FSELECT_OPEN;
	case UI_KEY_INVALID:
		set_error(fs, ui_field_invalid(app));
		return UI_FSELECT_OPEN;
	}
	if (ui_field_unsafe(key)) {
		/* Pasted, most likely: named, as the dialogs do. */
		set_error(fs, ui_field_refusal(key));
		return UI_FSELECT_OPEN;
	}
	ui_field_key(&fs->field, key);
	return UI_FSELECT_OPEN;
}

enum ui_fselect_state
ui_fselect_handle_key(struct ui_app *app, struct ui_fselect *fs, int key)
{
	switch (key) {
	case UI_ESC:
		return UI_FSELECT_CANCEL;
	case '\t':
	case UI_KEYCODE(KEY_BTAB):
		fs->on_field = !fs->on_field;
		return UI_FSELECT_OPEN;
	}
	set_error(fs, NULL);
	if (fs->on_field)
		return field_key(app, fs, key);
	if (list_move(fs, key))
		return UI_FSELECT_OPEN;
	switch (key) {
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		return open_entry(fs);
	case UI_KEYCODE(KEY_BACKSPACE):
	case 0x7f:
	case 0x08:
		fs->cursor = 0;
		return fs->list.n > 0 && fs->list.e[0].kind == UI_DIRENT_UP ?
		    open_entry(fs) : UI_FSELECT_OPEN;
	}
	/* Typing in the list starts a path (a paste lands in the field). */
	if (key >= 0x20 && key < UI_KEYCODE(0)) {
		fs->on_field = 1;
		return field_key(app, fs, key);
	}
	return UI_FSELECT_OPEN;
}

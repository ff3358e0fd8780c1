/*
 * ui_main.c: entry point of the full-screen front end.
 *
 * For now a single placeholder screen: a bordered box titled "fedwiz" that
 * shows the project path, until F10 or q. The wizard screens replace it.
 */
#include "config.h"

#include "fw_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "fw_i18n.h"
#include "fw_curses.h"

/* Convert a multibyte string to an allocated wide string; NULL on bad input.
 * The result must be released by the caller with free(). */
static wchar_t *
ui_widen(const char *s)
{
	mbstate_t st;
	const char *p = s;
	size_t n;
	wchar_t *w;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(NULL, &p, 0, &st);
	if (n == (size_t)-1)
		return NULL;
	w = calloc(n + 1, sizeof *w);
	if (w == NULL)
		return NULL;
	p = s;
	memset(&st, 0, sizeof st);
	mbsrtowcs(w, &p, n + 1, &st);
	return w;
}

/* Draw the whole screen from scratch: called first and on every resize. */
static void
ui_main_draw(WINDOW *win, const struct fw_ui_opts *opts)
{
	const char *path = opts->path != NULL ? opts->path : _("(no project)");
	wchar_t *wpath = ui_widen(path);
	wchar_t *whint = ui_widen(_("F10 or q: quit"));
	int rows, cols;

	getmaxyx(win, rows, cols);
	werase(win);
	box_set(win, WACS_VLINE, WACS_HLINE);
	if (cols > 12)
		mvwaddwstr(win, 0, 2, L" fedwiz ");
	if (rows > 2 && cols > 4) {
		if (wpath != NULL)
			mvwaddnwstr(win, 1, 2, wpath, cols - 4);
		else
			mvwaddnstr(win, 1, 2, path, cols - 4);
	}
	if (rows > 3 && cols > 4 && opts->read_only)
		mvwaddnstr(win, 2, 2, _("read-only"), cols - 4);
	if (rows > 4 && cols > 4 && whint != NULL)
		mvwaddnwstr(win, rows - 2, 2, whint, cols - 4);
	wnoutrefresh(win);
	doupdate();
	free(whint);
	free(wpath);
}

int
fw_ui_run(const struct fw_ui_opts *opts)
{
	CDKSCREEN *screen;
	WINDOW *win;
	wint_t key;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "fedwiz: %s\n",
		    _("not a terminal; use a subcommand (see --help)"));
		return 2;
	}

	screen = initCDKScreen(NULL);
	if (screen == NULL) {
		fprintf(stderr, "fedwiz: %s\n", _("cannot start the terminal screen"));
		return 1;
	}
	win = screen->window;
	if (!opts->no_color && has_colors())
		initCDKColor();
	cbreak();
	noecho();
	keypad(win, TRUE);
	curs_set(0);

	ui_main_draw(win, opts);
	for (;;) {
		rc = wget_wch(win, &key);
		if (rc == ERR)
			break;
		if (rc == KEY_CODE_YES && key == KEY_F(10))
			break;
		if (rc == OK && (key == L'q' || key == L'Q'))
			break;
		if (rc == KEY_CODE_YES && key == KEY_RESIZE)
			ui_main_draw(win, opts);
	}

	destroyCDKScreen(screen);
	endCDK();
	return 0;
}

/*
 * ui_main.c: the entry point of the full-screen wizard. Opens the project
 * before the terminal is taken over, so a file that is not a project is a
 * plain "fedwiz: FILE: ..." line; a lock held by another fedwiz is asked
 * about on screen (read-only or quit).
 */
#include "config.h"

#include "fw_ui.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_resolve.h"
#include "fw_util.h"
#include "ui_app.h"
/* Last: term.h defines macros named lines and columns. */
#include <term.h>

/* The pairs ui_text.c names: error, good, banner; on the terminal's own
 * background. */
static void
start_colors(void)
{
	start_color();
	use_default_colors();
	init_pair(1, COLOR_RED, -1);
	init_pair(2, COLOR_GREEN, -1);
	init_pair(3, COLOR_YELLOW, -1);
}

/* A message on stderr, through the terminal filter (fw_printable()). */
static void
report(const char *msg)
{
	char *safe = fw_printable(msg, FW_MESSAGE_MAX);

	fprintf(stderr, "fedwiz: %s\n", safe);
	free(safe);
}

/* Whether TERM names a terminal the wizard can draw on. Checked before the
 * project is opened or locked: initscr() would print "Error opening
 * terminal" and exit, leaving the lock and SQLite's -wal and -shm behind.
 * A terminal that cannot move the cursor (dumb) is refused as well. */
static int
check_terminal(char **cause)
{
	const char *term = getenv("TERM");
	char *cup;
	int err = 0, ok;

	if (term == NULL || term[0] == '\0')
		return fw_fail(cause, _("TERM is not set (set TERM=xterm-256color "
		    "or run inside tmux); without a terminal, use the commands "
		    "init, import, validate, checklist (see --help)"));
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK)
		return fw_fail(cause, _("TERM '%s' is not a terminal type this "
		    "system knows (set TERM=xterm-256color or run inside tmux)"),
		    term);
	cup = tigetstr((char *)"cup");
	ok = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	if (!ok)
		return fw_fail(cause, _("TERM '%s' cannot move the cursor, which "
		    "the wizard needs (set TERM=xterm-256color or run inside "
		    "tmux); or use the commands init, import, validate, "
		    "checklist (see --help)"), term);
	return 0;
}

static void
start_terminal(struct ui_app *app)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(50);
	app->color = !app->opts->no_color && has_colors();
	if (app->color)
		start_colors();
}

int
fw_ui_run(const struct fw_ui_opts *opts)
{
	struct ui_app app;
	char *cause = NULL, *no_lookups = NULL;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		report(_("not a terminal; use a subcommand (see --help)"));
		return FW_EXIT_USAGE;
	}
	if (check_terminal(&cause) != 0) {
		report(cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	memset(&app, 0, sizeof app);
	app.opts = opts;
	app.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	app.mode = UI_MODE_START;
	/* The resolver before the project: opening runs the rules, and a
	 * second run once the resolver was there doubled their cost before
	 * the first screen. */
	if (!opts->offline)
		app.resolver = fw_resolver_new(NULL, &no_lookups);
	/* Its lookups wait for the first screen (ui_app_run). */
	if (app.resolver != NULL)
		fw_resolver_hold(app.resolver, 1);
	if (opts->path != NULL) {
		app.path = xstrdup(opts->path);
		if (ui_app_open(&app, opts->read_only, 1, &cause) != 0) {
			report(cause);
			free(cause);
			rc = FW_EXIT_USAGE;
			goto out;
		}
	}
	if (ui_signals_init(&cause) != 0) {
		report(cause);
		free(cause);
		ui_app_close(&app);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	/* The wizard works without lookups: say so, go on. */
	if (no_lookups != NULL)
		ui_app_message(&app, 1, "%s", no_lookups);
	start_terminal(&app);
	if (app.mode == UI_MODE_START)
		app.start = ui_start_new(&app);
	rc = ui_app_run(&app);
	endwin();
	/* The handlers stay until the project is closed and its lock gone:
	 * a second SIGTERM in a storm must not end the process halfway. */
	ui_app_close(&app);
	ui_signals_restore();
	ui_dialog_free(app.dialog);
	ui_start_free(app.start);
	if (app.message != NULL && app.message_error)
		report(app.message);
out:
	fw_resolver_free(app.resolver);
	free(no_lookups);
	free(app.message);
	free(app.path);
	return rc;
}

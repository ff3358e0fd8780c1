/*
 * ui_app.h: the wizard's context, passed to every screen (no globals), and
 * the screens' common shape: new / draw / handle_key / free. handle_key
 * takes a key as a value, so a test or a replay can inject keys without a
 * terminal (CDK's activate with an actions array does the same).
 *
 * Include after config.h; needs no curses header: keys are plain ints.
 */
#ifndef UI_APP_H
#define UI_APP_H

#include <stddef.h>
#include <wchar.h>

#include "fw_flow.h"
#include "fw_lock.h"
#include "fw_model.h"
#include "fw_rules.h"
#include "fw_store.h"
#include "fw_ui.h"

/* A key: a character (its code point) or a curses key code moved above
 * Unicode, so the two never collide. */
#define UI_KEYCODE(k) (0x200000 + (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 0x1b
/* Typed bytes that are no character in the locale's encoding: above
 * Unicode, below the key codes (ui_input.c). */
#define UI_KEY_INVALID 0x110000

/* The steps pane's last entry: the checklist, after steps 0-9. */
#define UI_STEP_CHECKLIST FW_STEP_COUNT

/* Smallest size the wizard draws itself at (design/screens.md). */
#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

enum ui_mode {
	UI_MODE_START,		/* no project: the project list */
	UI_MODE_LOCKED,		/* the project is held: offer read-only */
	UI_MODE_WIZARD,
};

/* Pane rectangles, computed from the terminal size on every draw. */
struct ui_rect {
	int y, x, h, w;
};

struct ui_layout {
	int too_small;
	struct ui_rect top, steps, main, findings, legend;
};

/* A row-edit dialog over the main pane (ui_dialog.c). */
struct ui_dialog;

/* What the main pane's focus can rest on: a field of the flow table or the
 * step's "done" confirmation. */
struct ui_focus {
	const struct fw_field *field;	/* NULL: the "done" confirmation */
};

struct ui_start;
struct ui_test;
struct ui_fselect;

/* Bytes of a character still being typed (ui_input.c). */
struct ui_input {
	char buf[8];		/* UTF-8 needs 4; room for other encodings */
	size_t n;
};

struct ui_app {
	const struct fw_ui_opts *opts;
	enum ui_mode mode;
	int utf8;		/* marks and borders may use Unicode */
	int color;		/* colours in use (not --no-color / NO_COLOR) */

	char *path;		/* the project file */
	struct fw_project *project;
	struct fw_deployment *d;
	struct fw_lock_holder holder;	/* who holds it (LOCKED, read-only) */
	int held;		/* read-only because another fedwiz holds it */
	char saved[8];		/* "HH:MM" of the last change, local time */
	struct fw_resolver *resolver;	/* NULL: offline, no lookups */
	struct fw_findings findings;	/* every rule's, for the answers now */
	/* The whole checklist only while its pane shows (10 MiB of text for
	 * a large deployment); its progress always, for the top line and
	 * the steps pane. */
	struct fw_checklist *checklist;	/* NULL elsewhere */
	size_t cl_items, cl_done;

	int step;		/* 0-9, or UI_STEP_CHECKLIST */
	size_t field;		/* index into the step's focusable items */
	size_t row;		/* entry of a focused list (count = "Add"), or
				 * the checklist's item */
	int steps_focus;	/* F2: the steps pane has the focus */
	int steps_cursor;
	int help;		/* 0, UI_HELP_FIELD or UI_HELP_KEYS */
	int confirm_delete;	/* waiting for y to delete the focused row */

	char *message;		/* one line for the findings pane, or NULL */
	int message_error;

	struct ui_dialog *dialog;
	/* f on a certificate field: the file picker, and the field it
	 * picks for. */
	struct ui_fselect *fselect;
	const struct fw_field *fselect_field;
	struct ui_start *start;
	struct ui_test *test;	/* the last "Test" (t), or NULL */
	struct ui_input input;	/* keyboard bytes not yet a character */

	/* Where the hardware cursor goes after drawing; -1 = hidden. */
	int cursor_y, cursor_x;
	int quit;
	int exit_code;
};

#define UI_HELP_FIELD 1
#define UI_HELP_KEYS 2

/* ui_app.c */
int ui_app_run(struct ui_app *);
void ui_app_draw(struct ui_app *);
void ui_app_handle_key(struct ui_app *, int key);
/* Opens app->path (taking the lock unless read_only); on a lock held by
 * another fedwiz switches to UI_MODE_LOCKED. Returns 0, or -1 with *cause. */
int ui_app_open(struct ui_app *, int read_only, int create, char **cause);
void ui_app_close(struct ui_app *);
/* Reloads the deployment after a change, notes the save time and runs
 * the rules again. */
int ui_app_reload(struct ui_app *);
/* The whole checklist exists while its pane shows: built on the
 * Checklist step, freed on the others (the progress counts stay true). */
void ui_app_sync_checklist(struct ui_app *);
/* Runs the rules over the deployment now (answers from the resolver
 * arrive later: the main loop runs them again then). */
void ui_app_check(struct ui_app *);
/* How many findings of this severity step n has. */
size_t ui_app_step_count(const struct ui_app *, int step, enum fw_severity);
void ui_app_message(struct ui_app *, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Saves step and field as the resume point (no-op when read-only). */
void ui_app_save_position(struct ui_app *);
/* A path with a leading ~/ expanded, as a shell would (free()). */
char *ui_app_expand_home(const char *path);
/* Refuses a change in read-only mode, with a message; returns 1 then. */
int ui_app_refuse_read_only(struct ui_app *);

/* ui_input.c: feeds one byte from the terminal (0-255) or a key code
 * (UI_KEYCODE()); stores the keys it completes in out (at most 2: a
 * UI_KEY_INVALID for bytes that are no character, then a key) and
 * returns how many. */
int ui_input_feed(struct ui_input *, int c, int out[2]);

/* ui_layout.c */
void ui_layout_compute(struct ui_layout *, int lines, int cols);

/* ui_text.c: drawing text by display width, marks with ASCII fallbacks. */
enum ui_mark {
	UI_MARK_DONE,
	UI_MARK_CURRENT,
	UI_MARK_PARTIAL,
	UI_MARK_OPEN,
	UI_MARK_ERROR,
	UI_MARK_NA,
	UI_MARK_ELLIPSIS,
	UI_MARK_DOT,
	UI_MARK_FOCUS,
	UI_MARK_BOX_ON,
	UI_MARK_BOX_OFF,
};
const char *ui_mark(const struct ui_app *, enum ui_mark);
int ui_text_width(const char *);
/* Draws s at (y, x) in at most w columns with attributes attr; text that
 * does not fit ends in an ellipsis. Returns the columns used. */
int ui_text_put(int y, int x, int w, const char *s, unsigned long attr);
/* Like ui_text_put, but wraps at spaces over at most h lines, the last
 * ending in an ellipsis when text is left over; returns the
 * lines used (also when draw is 0, to measure). */
int ui_text_wrap(int y, int x, int w, int h, const char *s, unsigned long attr,
    int draw);
/* A horizontal rule: line drawing under UTF-8, else '-'. */
void ui_text_hline(int y, int x, int w);
/* A box with WACS line drawing and an optional title in its top border. */
void ui_text_box(const struct ui_rect *, const char *title, unsigned long attr);
void ui_text_fill(const struct ui_rect *);
/* Attributes by meaning; colour only where colours are on. */
enum ui_look {
	UI_LOOK_FOCUS,
	UI_LOOK_ERROR,
	UI_LOOK_GOOD,
	UI_LOOK_DIM,
	UI_LOOK_BANNER,
};
unsigned long ui_attr(const struct ui_app *, enum ui_look);

/* ui_steps.c: the left pane. */
void ui_steps_draw(struct ui_app *, const struct ui_rect *);
int ui_steps_handle_key(struct ui_app *, int key);
enum fw_step_state ui_steps_state(const struct ui_app *, int step);

/* ui_step.c: the main pane. */
size_t ui_step_items(const struct ui_app *, int step, struct ui_focus *out,
    size_t max);
void ui_step_draw(struct ui_app *, const struct ui_rect *);
int ui_step_handle_key(struct ui_app *, int key);
/* A key for the certificate file picker (app->fselect). */
void ui_step_fselect_key(struct ui_app *, int key);
/* Moves to step n (0-9) at its first field. */
void ui_step_go(struct ui_app *, int n);
/* Restores the focus from a saved position ("key" or "key:row"). */
void ui_step_restore(struct ui_app *, int step, const char *field);
/* The focus as a position string (free()). */
char *ui_step_position(const struct ui_app *);
const struct ui_focus *ui_step_focus(const struct ui_app *, struct ui_focus *);

/* ui_dialog.c */
enum ui_dialog_kind {
	UI_DIALOG_ROW,		/* a list entry */
	UI_DIALOG_SETTING,	/* one deployment setting */
	UI_DIALOG_CERT,		/* a certificate file */
	UI_DIALOG_NEW,		/* a new project's name (start screen) */
	UI_DIALOG_OPEN,		/* a project file to open (start screen) */
	UI_DIALOG_SEARCH,	/* text to find in the checklist */
	UI_DIALOG_EXPORT,	/* a file to write the checklist to */
};
/* list and row for ROW (row == count adds); field for SETTING and CERT. */
struct ui_dialog *ui_dialog_new(struct ui_app *, enum ui_dialog_kind,
    const struct fw_field *, enum fw_list, size_t row);
void ui_dialog_draw(struct ui_app *, struct ui_dialog *,
    const struct ui_rect *);
/* Returns 1 while the dialog stays open, 0 when it closed (OK or Esc). */
int ui_dialog_handle_key(struct ui_app *, struct ui_dialog *, int key);
void ui_dialog_free(struct ui_dialog *);
/* Judging the values as typed: milliseconds until the pause after the
 * last key ends (-1: nothing waits; NULL accepted); ui_dialog_judge()
 * judges them when that time came, or again when answers_came (the
 * resolver's pipe was readable); ui_dialog_live() is the verdict, NULL
 * before the first. */
int ui_dialog_wait_ms(const struct ui_dialog *);
void ui_dialog_judge(struct ui_app *, struct ui_dialog *, int answers_came);
const struct fw_findings *ui_dialog_live(const struct ui_dialog *);

/* ui_findings.c: the bottom pane and the key legend. */
void ui_findings_draw(struct ui_app *, const struct ui_rect *,
    const struct ui_rect *legend);
void ui_findings_draw_legend(struct ui_app *, const struct ui_rect *);
/* The mark a finding carries without colour: ! error, ? warning, … info. */
const char *ui_severity_mark(const struct ui_app *, enum fw_severity);

/* ui_help.c: F1 field help and the `?` key list. */
void ui_help_draw(struct ui_app *, const struct ui_rect *);

/* ui_keys.c: every key, once, for `?`, the legend and fedwiz(1). */
enum ui_key_ctx {
	UI_CTX_WIZARD = 1 << 0,
	UI_CTX_LIST = 1 << 1,
	UI_CTX_DIALOG = 1 << 2,
	UI_CTX_START = 1 << 3,
	UI_CTX_STEPS = 1 << 4,
	UI_CTX_CHECK = 1 << 5,
	UI_CTX_TEST = 1 << 6,	/* a list whose rows t tests */
};
struct ui_key_help {
	const char *keys;	/* as written on the legend: "PgDn" */
	const char *legend;	/* N_(): one word for the legend, or NULL */
	const char *what;	/* N_(): the `?` screen's description, or NULL
				 * for a legend word another entry explains */
	unsigned ctx;
};
const struct ui_key_help *ui_keys_table(size_t *n);

/* ui_start.c: the start screen (no PROJECT). */
struct ui_start *ui_start_new(struct ui_app *);
void ui_start_draw(struct ui_app *, struct ui_start *);
int ui_start_handle_key(struct ui_app *, struct ui_start *, int key);
void ui_start_free(struct ui_start *);
/* The start screen's dialogs: a new project in the data folder named
 * after name, or an existing file; both open it in the wizard. */
int ui_start_create(struct ui_app *, const char *name, char **cause);
int ui_start_open_file(struct ui_app *, const char *path, char **cause);

/* ui_checklist.c: the Checklist pane. */
void ui_checklist_draw(struct ui_app *, const struct ui_rect *);
/* The focused item's menu path, values, note and tick, for the bottom
 * pane. */
void ui_checklist_draw_detail(struct ui_app *, const struct ui_rect *);
int ui_checklist_handle_key(struct ui_app *, int key);
/* The index of the item with this id (0 when gone), and the focused
 * item's id (NULL when there is none): the resume position. */
size_t ui_checklist_find(const struct ui_app *, const char *id);
const char *ui_checklist_item_id(const struct ui_app *);
/* The dialogs' actions: focus the next item holding text; write the
 * checklist to path (.html, .md, else plain text). */
int ui_checklist_search(struct ui_app *, const char *text, char **cause);
int ui_checklist_export(struct ui_app *, const char *path, char **cause);

/* ui_test.c: the "Test" action, probing a route's next hop on a worker
 * thread. */
/* Whether t tests the rows of list field f on the current step. */
int ui_test_list(const struct ui_app *, const struct fw_field *f);
/* t: starts a test of the focused row, or stops the one running; returns
 * 1 when it took the key. */
int ui_test_key(struct ui_app *, const struct fw_field *f);
int ui_test_running(const struct ui_app *);
void ui_test_cancel(struct ui_app *);
/* The pipe to poll while a test runs, else -1; drain it when readable:
 * saves and shows the results that arrived. */
int ui_test_fd(const struct ui_app *);
void ui_test_drain(struct ui_app *);
/* Draws the test's lines in the findings pane; returns the lines used. */
int ui_test_draw(struct ui_app *, int y, int x, int w, int bottom);
/* Stops (waits for the worker) and frees; accepts NULL. */
void ui_test_free(struct ui_test *);

/* ui_signals.c: SIGHUP/SIGTERM/SIGINT through a self-pipe. */
int ui_signals_init(char **cause);
int ui_signals_fd(void);
/* The signal caught since the last call, or 0. */
int ui_signals_take(void);
void ui_signals_restore(void);

#endif

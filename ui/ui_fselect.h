/*
 * ui_fselect.h: fedwiz's file picker (CDK's file selector drew file names
 * raw: a name's escape sequences reached the terminal and its "</B>" was
 * taken as CDK markup). A folder's entries, folders first, and a path
 * field to type or paste a path into; every name is drawn through the
 * terminal filter, and what is picked is the name's real bytes.
 *
 * The screens' shape (ui_app.h): new / draw / handle_key / free, keys as
 * values, so the wizard's main loop keeps polling signals and answers
 * while the picker is open.
 *
 * Include after config.h and ui_app.h.
 */
#ifndef UI_FSELECT_H
#define UI_FSELECT_H

struct ui_fselect;

enum ui_fselect_state {
	UI_FSELECT_OPEN,	/* still picking */
	UI_FSELECT_PICKED,	/* a file: ui_fselect_path() */
	UI_FSELECT_CANCEL,	/* Esc */
};

/* A picker titled title (translated) listing the current folder. Free
 * with ui_fselect_free. */
struct ui_fselect *ui_fselect_new(const char *title);
/* Draws it over r, laid out from r alone (a resize redraws it). */
void ui_fselect_draw(struct ui_app *, struct ui_fselect *,
    const struct ui_rect *r);
enum ui_fselect_state ui_fselect_handle_key(struct ui_app *,
    struct ui_fselect *, int key);
/* The file picked (its real bytes), valid after UI_FSELECT_PICKED until
 * the next key. */
const char *ui_fselect_path(const struct ui_fselect *);
/* Shows why the file picked was refused; the picker stays open. */
void ui_fselect_refuse(struct ui_fselect *, const char *why);
/* Accepts NULL. */
void ui_fselect_free(struct ui_fselect *);

#endif

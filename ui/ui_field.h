/*
 * ui_field.h: a one-line text field, as the dialogs and the file picker
 * edit it: wide characters, drawn by display width, scrolled so the
 * cursor stays in view.
 *
 * Include after config.h and ui_app.h.
 */
#ifndef UI_FIELD_H
#define UI_FIELD_H

#include <stddef.h>
#include <wchar.h>

#define UI_FIELD_MAX 256	/* characters: a path or an FQDN */

struct ui_field {
	wchar_t text[UI_FIELD_MAX + 1];
	size_t len, pos;
};

/* s as the screen shows it (fw_shown()): a control or bidi character
 * planted in a project is its visible escape in the field, and what is
 * saved is what the admin saw. NULL empties the field. */
void ui_field_set(struct ui_field *, const char *s);
/* The text in the locale's multibyte form (free()). */
char *ui_field_get(const struct ui_field *);
/* An editing key (cursor, delete, a character typed); others are
 * ignored. */
void ui_field_key(struct ui_field *, int key);
/* Whether key is a character the fields refuse to take (a C1 control or
 * a bidi override, as import refuses it), and why (free()). */
int ui_field_unsafe(int key);
char *ui_field_refusal(int key);
/* Why typed bytes that are no character were left out (free()). */
char *ui_field_invalid(const struct ui_app *);
/* Draws the field at (y, x) in w columns with attributes attr; with the
 * focus the hardware cursor goes to its cursor. */
void ui_field_draw(struct ui_app *, const struct ui_field *, int y, int x,
    int w, unsigned long attr, int focused);

#endif

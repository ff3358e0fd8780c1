/*
 * ui_field.c: the one-line text field of the dialogs and the file picker.
 */
#include "config.h"

#include "ui_app.h"
#include "ui_field.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "fw_curses.h"
#include "fw_i18n.h"
#include "fw_syntax.h"
#include "fw_util.h"

void
ui_field_set(struct ui_field *f, const char *s)
{
	mbstate_t st;
	size_t n = 0;
	const char *p;
	char *shown;
	int more;

	memset(&st, 0, sizeof st);
	if (s != NULL) {
		shown = fw_shown(s, UI_FIELD_MAX * 4, &more);
		p = shown;
		n = mbsrtowcs(f->text, &p, UI_FIELD_MAX, &st);
		free(shown);
	}
	f->len = n == (size_t)-1 ? 0 : n;
	f->text[f->len] = L'\0';
	f->pos = f->len;
}

char *
ui_field_get(const struct ui_field *f)
{
	const wchar_t *p = f->text;
	mbstate_t st;
	size_t n;
	char *s;

	memset(&st, 0, sizeof st);
	n = wcsrtombs(NULL, &p, 0, &st);
	if (n == (size_t)-1)
		return xstrdup("");
	s = xmalloc(n + 1);
	p = f->text;
	memset(&st, 0, sizeof st);
	wcsrtombs(s, &p, n + 1, &st);
	return s;
}

void
ui_field_key(struct ui_field *f, int key)
{
	switch (key) {
	case UI_KEYCODE(KEY_BACKSPACE):
	case 0x7f:
	case 0x08:
		if (f->pos == 0)
			return;
		f->pos--;
		/* FALLTHROUGH */
	case UI_KEYCODE(KEY_DC):
		if (f->pos >= f->len)
			return;
		memmove(&f->text[f->pos], &f->text[f->pos + 1],
		    (f->len - f->pos) * sizeof f->text[0]);
		f->len--;
		return;
	case UI_KEYCODE(KEY_LEFT):
		f->pos -= f->pos > 0;
		return;
	case UI_KEYCODE(KEY_RIGHT):
		f->pos += f->pos < f->len;
		return;
	case UI_KEYCODE(KEY_HOME):
	case UI_CTRL('a'):
		f->pos = 0;
		return;
	case UI_KEYCODE(KEY_END):
	case UI_CTRL('e'):
		f->pos = f->len;
		return;
	case UI_CTRL('u'):
		f->len = f->pos = 0;
		f->text[0] = L'\0';
		return;
	}
	if (key >= 0x20 && key < UI_KEYCODE(0) && iswprint((wint_t)key) &&
	    !ui_field_unsafe(key) && f->len < UI_FIELD_MAX) {
		memmove(&f->text[f->pos + 1], &f->text[f->pos],
		    (f->len - f->pos + 1) * sizeof f->text[0]);
		f->text[f->pos++] = (wchar_t)key;
		f->len++;
	}
}

int
ui_field_unsafe(int key)
{
	return key >= 0x80 && key < UI_KEYCODE(0) &&
	    fw_char_unsafe((unsigned)key);
}

char *
ui_field_refusal(int key)
{
	char *name = fw_syntax_char_name(key), *s;

	s = xasprintf(_("typed %s left out"), name);
	free(name);
	return s;
}

/* Outside UTF-8 the likely cause
 * is a UTF-8 terminal under LANG=C, and the cure is the locale. */
char *
ui_field_invalid(const struct ui_app *app)
{
	const char *set = nl_langinfo(CODESET);

	if (app->utf8)
		return xasprintf(_("typed bytes that are not valid %s were "
		    "left out"), set);
	/* glibc names ASCII after its standard. */
	if (strcmp(set, "ANSI_X3.4-1968") == 0)
		set = "ASCII";
	return xasprintf(_("typed bytes that are not valid %s were left "
	    "out; under a UTF-8 locale (LANG=C.UTF-8) they would be text"),
	    set);
}


void
ui_field_draw(struct ui_app *app, const struct ui_field *f, int y, int x,
    int w, unsigned long attr, int focused)
{
	int used = 0, cw, start_w = 0;
	size_t i, first = 0;

	/* Scroll so the cursor stays inside the field. */
	for (i = 0; i < f->pos; i++)
		start_w += wcwidth(f->text[i]);
	while (start_w >= w && first < f->pos)
		start_w -= wcwidth(f->text[first++]);
	attrset((attr_t)attr);
	mvhline(y, x, ' ', w);
	move(y, x);
	for (i = first; i < f->len; i++) {
		cw = wcwidth(f->text[i]);
		if (used + cw > w)
			break;
		addnwstr(&f->text[i], 1);
		used += cw;
	}
	attrset(A_NORMAL);
	if (focused) {
		app->cursor_y = y;
		app->cursor_x = x + start_w;
	}
}

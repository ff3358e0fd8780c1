/*
 * ui_text.c: every string reaches the screen here, as wide characters
 * measured with wcwidth: CDK 5.0 turns labels into chtype byte by byte,
 * which breaks UTF-8, so non-ASCII text never goes through it.
 */
#include "config.h"

#include "ui_app.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fw_curses.h"
#include "fw_util.h"

/* Marks in UTF-8 and their ASCII fallbacks (design/screens.md). */
static const char *const marks[][2] = {
	[UI_MARK_DONE] = { "\u2713", "x" },
	[UI_MARK_CURRENT] = { "\u25b6", ">" },
	[UI_MARK_PARTIAL] = { "\u25d0", "~" },
	[UI_MARK_OPEN] = { "\u25cb", "o" },
	[UI_MARK_ERROR] = { "!", "!" },
	[UI_MARK_NA] = { "\u2013", "-" },
	[UI_MARK_ELLIPSIS] = { "\u2026", "~" },
	[UI_MARK_DOT] = { "\u00b7", "-" },
	[UI_MARK_FOCUS] = { ">", ">" },
	[UI_MARK_BOX_ON] = { "[x]", "[x]" },
	[UI_MARK_BOX_OFF] = { "[ ]", "[ ]" },
};

const char *
ui_mark(const struct ui_app *app, enum ui_mark m)
{
	return marks[m][app->utf8 ? 0 : 1];
}

/* The next character of s (advancing *s), '?' for bytes that are not
 * text in this locale, so nothing the admin typed can garble the screen. */
static wchar_t
next_wc(const char **s, mbstate_t *st)
{
	wchar_t wc;
	size_t n = mbrtowc(&wc, *s, strlen(*s), st);

	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(st, 0, sizeof *st);
		(*s)++;
		return L'?';
	}
	*s += n;
	if (wcwidth(wc) < 0)
		return L'?';
	return wc;
}

int
ui_text_width(const char *s)
{
	mbstate_t st;
	int w = 0;

	memset(&st, 0, sizeof st);
	while (*s != '\0')
		w += wcwidth(next_wc(&s, &st));
	return w;
}

int
ui_text_put(int y, int x, int w, const char *s, unsigned long attr)
{
	wchar_t buf[512];
	mbstate_t st;
	size_t n = 0;
	int used = 0, cw, room, cut;
	wchar_t wc;

	if (w <= 0 || y < 0 || x < 0)
		return 0;
	/* Text too wide keeps one column for the ellipsis. */
	cut = ui_text_width(s) > w;
	room = cut ? w - 1 : w;
	memset(&st, 0, sizeof st);
	while (*s != '\0' && n < sizeof buf / sizeof buf[0] - 1) {
		wc = next_wc(&s, &st);
		cw = wcwidth(wc);
		if (used + cw > room)
			break;
		buf[n++] = wc;
		used += cw;
	}
	buf[n] = L'\0';
	attrset((attr_t)attr);
	mvaddwstr(y, x, buf);
	if (cut) {
		addwstr(MB_CUR_MAX > 1 ? L"\u2026" : L"~");
		used++;
	}
	attrset(A_NORMAL);
	return used;
}

int
ui_text_wrap(int y, int x, int w, int h, const char *s, unsigned long attr,
    int draw)
{
	const char *p = s, *brk, *q;
	mbstate_t st;
	int lines = 0, cw;
	char *line;

	while (*p != '\0' && lines < h) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		/* The longest prefix that fits, cut after a space if any. */
		memset(&st, 0, sizeof st);
		q = p;
		brk = NULL;
		cw = 0;
		while (*q != '\0') {
			const char *prev = q;
			wchar_t wc = next_wc(&q, &st);

			if (cw + wcwidth(wc) > w) {
				q = prev;
				break;
			}
			cw += wcwidth(wc);
			if (wc == L' ')
				brk = prev;
		}
		if (*q != '\0' && brk != NULL && lines + 1 < h)
			q = brk;
		if (q == p)
			break;
		if (draw && lines + 1 == h && *q != '\0') {
			/* The last line holds what is left, ending in an
			 * ellipsis: text cut short says so. */
			ui_text_put(y + lines, x, w, p, attr);
		} else if (draw) {
			line = xstrndup(p, (size_t)(q - p));
			ui_text_put(y + lines, x, w, line, attr);
			free(line);
		}
		lines++;
		p = q;
	}
	return lines;
}

void
ui_text_fill(const struct ui_rect *r)
{
	int i;

	attrset(A_NORMAL);
	for (i = 0; i < r->h; i++)
		mvhline(r->y + i, r->x, ' ', r->w);
}

void
ui_text_hline(int y, int x, int w)
{
	if (MB_CUR_MAX > 1)
		mvhline_set(y, x, WACS_HLINE, w);
	else
		mvhline(y, x, '-', w);
}

void
ui_text_box(const struct ui_rect *r, const char *title, unsigned long attr)
{
	int y2 = r->y + r->h - 1, x2 = r->x + r->w - 1;
	cchar_t hl, vl, ul, ur, ll, lr;

	if (r->h < 2 || r->w < 2)
		return;
	ui_text_fill(r);
	if (MB_CUR_MAX > 1) {
		hl = *WACS_HLINE, vl = *WACS_VLINE, ul = *WACS_ULCORNER;
		ur = *WACS_URCORNER, ll = *WACS_LLCORNER, lr = *WACS_LRCORNER;
	} else {
		/* Outside UTF-8 the terminal's line-drawing set is a guess
		 * (tmux and screen show it as "lqqk"): plain ASCII is sure. */
		setcchar(&hl, L"-", A_NORMAL, 0, NULL);
		setcchar(&vl, L"|", A_NORMAL, 0, NULL);
		setcchar(&ul, L"+", A_NORMAL, 0, NULL);
		ur = ll = lr = ul;
	}
	attrset((attr_t)attr);
	mvhline_set(r->y, r->x + 1, &hl, r->w - 2);
	mvhline_set(y2, r->x + 1, &hl, r->w - 2);
	mvvline_set(r->y + 1, r->x, &vl, r->h - 2);
	mvvline_set(r->y + 1, x2, &vl, r->h - 2);
	mvadd_wch(r->y, r->x, &ul);
	mvadd_wch(r->y, x2, &ur);
	mvadd_wch(y2, r->x, &ll);
	mvadd_wch(y2, x2, &lr);
	attrset(A_NORMAL);
	if (title != NULL && r->w > 6) {
		mvaddch(r->y, r->x + 1, ' ');
		int used = ui_text_put(r->y, r->x + 2, r->w - 5, title,
		    attr | A_BOLD);
		mvaddch(r->y, r->x + 2 + used, ' ');
	}
}

/* Each look: its colour pair (0 = none; pairs are set up in ui_main.c)
 * and the attributes that carry the meaning without colour. */
static const struct {
	short pair;
	unsigned long mono;
} looks[] = {
	[UI_LOOK_FOCUS] = { 0, A_REVERSE },
	[UI_LOOK_ERROR] = { 1, A_BOLD },
	[UI_LOOK_GOOD] = { 2, A_NORMAL },
	[UI_LOOK_DIM] = { 0, A_DIM },
	[UI_LOOK_BANNER] = { 3, A_REVERSE | A_BOLD },
};

unsigned long
ui_attr(const struct ui_app *app, enum ui_look look)
{
	if (app->color && looks[look].pair != 0)
		return (unsigned long)COLOR_PAIR(looks[look].pair) |
		    looks[look].mono;
	return looks[look].mono;
}

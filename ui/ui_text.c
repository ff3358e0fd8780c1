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

/*
 * Every text is drawn as the core's terminal filter shows it (fw_shown():
 * controls, bidi overrides and bytes that are not UTF-8 as visible
 * escapes), and only as much of it as a screen can show is looked at: a
 * value of megabytes (planted in a project) costs no more to draw than
 * one that fits, and what is cut ends in an ellipsis. The full value stays
 * where it is shown in full, the focused row's detail, bounded by its
 * lines.
 */
/* Bytes of input per column looked at: a character of one column takes
 * at most 4 bytes, and a few zero-width ones may come along. */
#define BYTES_PER_COLUMN 8
/* Columns ui_text_width() measures at most: no screen is wider. */
#define WIDTH_MAX 1024

/* The next character of s (advancing *s, never past end), '?' for bytes
 * that are not text in this locale (outside UTF-8). */
static wchar_t
next_wc(const char **s, const char *end, mbstate_t *st)
{
	wchar_t wc;
	size_t n = mbrtowc(&wc, *s, (size_t)(end - *s), st);

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

/* Columns of len bytes of shown text at s. */
static int
width_of(const char *s, size_t len)
{
	const char *end = s + len;
	mbstate_t st;
	int w = 0;

	memset(&st, 0, sizeof st);
	while (s < end)
		w += wcwidth(next_wc(&s, end, &st));
	return w;
}

/* The shown form of what columns columns of s can hold (free()); *more
 * when s goes on past it. */
static char *
shown_part(const char *s, int columns, int *more)
{
	return fw_shown(s, (size_t)(columns > 0 ? columns : 0) *
	    BYTES_PER_COLUMN + BYTES_PER_COLUMN, more);
}

int
ui_text_width(const char *s)
{
	int more, w;
	char *t = shown_part(s, WIDTH_MAX, &more);

	w = width_of(t, strlen(t));
	free(t);
	return more && w <= WIDTH_MAX ? WIDTH_MAX + 1 : w;
}

int
ui_text_put(int y, int x, int w, const char *s, unsigned long attr)
{
	wchar_t buf[512];
	mbstate_t st;
	size_t n = 0;
	int used = 0, cw, room, cut, more;
	const char *p, *end;
	wchar_t wc;
	char *t;

	if (w <= 0 || y < 0 || x < 0)
		return 0;
	t = shown_part(s, w, &more);
	end = t + strlen(t);
	/* Text too wide keeps one column for the ellipsis. */
	cut = more || width_of(t, (size_t)(end - t)) > w;
	room = cut ? w - 1 : w;
	memset(&st, 0, sizeof st);
	for (p = t; p < end && n < sizeof buf / sizeof buf[0] - 1;) {
		wc = next_wc(&p, end, &st);
		cw = wcwidth(wc);
		if (used + cw > room)
			break;
		buf[n++] = wc;
		used += cw;
	}
	buf[n] = L'\0';
	free(t);
	attrset((attr_t)attr);
	mvaddwstr(y, x, buf);
	if (cut) {
		addwstr(MB_CUR_MAX > 1 ? L"\u2026" : L"~");
		used++;
	}
	attrset(A_NORMAL);
	return used;
}

/* The end of the longest part of p (shown text up to end) that fits in w
 * columns, cut after a space when one is there and it is not the last
 * line. */
static const char *
line_end(const char *p, const char *end, int w, int last)
{
	const char *q = p, *brk = NULL, *prev;
	mbstate_t st;
	wchar_t wc;
	int cw = 0;

	memset(&st, 0, sizeof st);
	while (q < end) {
		prev = q;
		wc = next_wc(&q, end, &st);
		if (cw + wcwidth(wc) > w) {
			q = prev;
			break;
		}
		cw += wcwidth(wc);
		if (wc == L' ')
			brk = prev;
	}
	if (q < end && brk != NULL && !last)
		q = brk;
	return q;
}

int
ui_text_wrap(int y, int x, int w, int h, const char *s, unsigned long attr,
    int draw)
{
	const char *p, *q, *end;
	int lines = 0, more;
	char *t, *line;

	if (w <= 0 || h <= 0)
		return 0;
	t = fw_shown(s, (size_t)w * (size_t)h * BYTES_PER_COLUMN, &more);
	end = t + strlen(t);
	for (p = t; p < end && lines < h; p = q) {
		while (*p == ' ')
			p++;
		if (p == end)
			break;
		q = line_end(p, end, w, lines + 1 == h);
		if (q == p)
			break;
		if (draw && lines + 1 == h && q < end) {
			/* The last line holds what is left, ending in an
			 * ellipsis: text cut short says so (a text cut at
			 * what h lines can hold always is). */
			ui_text_put(y + lines, x, w, p, attr);
		} else if (draw) {
			line = xstrndup(p, (size_t)(q - p));
			ui_text_put(y + lines, x, w, line, attr);
			free(line);
		}
		lines++;
	}
	free(t);
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

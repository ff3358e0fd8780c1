#include "config.h"

#include "fw_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * Plain text for a terminal or a printer: at most 80 columns, the box at
 * the start of each item, continuation lines indented under the text.
 */

#define WIDTH 80
#define INDENT "    "

/* Columns the next character takes and its length in bytes. Bytes that
 * are not a character in this locale count one column each, which can
 * only make lines shorter than they could be. */
static size_t
char_cols(const char *s, size_t *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	/* Nearly every byte of a checklist is ASCII, one byte and one column
	 * in every locale glibc has (a control character's wcwidth is -1,
	 * which counts one too): mbrtowc and wcwidth are the bulk of the
	 * rendering time otherwise. */
	if ((unsigned char)*s < 0x80) {
		*len = 1;
		return 1;
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		*len = 1;
		return 1;
	}
	*len = n;
	w = wcwidth(wc);
	return w < 0 ? 1 : (size_t)w;
}

/* Columns and bytes of the word at s (up to a space or the end). */
static size_t
word_cols(const char *s, size_t *bytes)
{
	size_t cols = 0, n = 0, len;

	while (s[n] != '\0' && s[n] != ' ') {
		cols += char_cols(s + n, &len);
		n += len;
	}
	*bytes = n;
	return cols;
}

/*
 * Appends the words of s from column col, where a line has just begun
 * (after first or rest): each word that fits on the line, a space before
 * it, else on a new line after rest. A word longer than a line is cut.
 */
static void
wrap_words(struct fw_strbuf *sb, const char *rest, const char *s, size_t col)
{
	size_t wcols, wbytes, len, c, rlen = strlen(rest);
	int line_empty = 1;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		wcols = word_cols(s, &wbytes);
		if (!line_empty && col + 1 + wcols > WIDTH) {
			fw_sb_addn(sb, "\n", 1);
			fw_sb_addn(sb, rest, rlen);
			col = rlen;
			line_empty = 1;
		}
		if (!line_empty) {
			fw_sb_addn(sb, " ", 1);
			col++;
		}
		/* A word that fits goes in whole; only a longer one is cut. */
		if (col + wcols <= WIDTH) {
			fw_sb_addn(sb, s, wbytes);
			col += wcols;
			line_empty = 0;
			s += wbytes;
			continue;
		}
		while (wbytes > 0) {
			c = char_cols(s, &len);
			if (col + c > WIDTH && !line_empty) {
				fw_sb_addn(sb, "\n", 1);
				fw_sb_addn(sb, rest, rlen);
				col = rlen;
			}
			fw_sb_addn(sb, s, len);
			col += c;
			line_empty = 0;
			s += len;
			wbytes -= len;
		}
	}
	fw_sb_addn(sb, "\n", 1);
}

/* Whether text is printable ASCII with single spaces between words and none at
 * either end; *len is its length then. */
static int
simple_ascii(const char *text, size_t *len)
{
	unsigned char c;
	size_t n;

	if (text[0] == ' ')
		return 0;
	for (n = 0;; n++) {
		/* One test for the usual byte: '!' to '~'. */
		if ((unsigned)((c = (unsigned char)text[n]) - 0x21) < 0x5e)
			continue;
		if (c == '\0')
			break;
		if (c != ' ' || text[n + 1] == ' ' || text[n + 1] == '\0')
			return 0;
	}
	*len = n;
	return 1;
}

/* wrap_words() for text with no shortcut, through the terminal filter
 * (fw_sb_add_shown()) when it holds what a terminal must not get raw: a
 * value planted in the project reaches the page as visible escapes. */
static void
wrap_shown(struct fw_strbuf *sb, const char *rest, const char *text,
    size_t col)
{
	char *owned;

	wrap_words(sb, rest, fw_shown_text(text, &owned), col);
	free(owned);
}

/*
 * Appends text wrapped at WIDTH: the first line starts with first, the
 * others with rest (both ASCII). A word longer than a line is cut.
 */
static void
wrap(struct fw_strbuf *sb, const char *first, const char *rest,
    const char *text)
{
	size_t col = strlen(first), rlen, len, room, p;
	const char *s = text;

	fw_sb_addn(sb, first, col);
	if (!simple_ascii(text, &len)) {
		wrap_shown(sb, rest, text, col);
		return;
	}
	/* Nearly every line of a checklist is ASCII, one byte a column, with
	 * single spaces: a line ends at the last space that leaves the words
	 * before it within WIDTH, which is where the word loop would end it,
	 * found without measuring word by word. */
	rlen = strlen(rest);
	while (col < WIDTH) {
		room = WIDTH - col;
		if (len <= room) {
			fw_sb_addn(sb, s, len);
			fw_sb_addn(sb, "\n", 1);
			return;
		}
		for (p = room; p > 0 && s[p] != ' '; p--)
			continue;
		if (p == 0)
			break;		/* a word longer than the line */
		fw_sb_addn(sb, s, p);
		fw_sb_addn(sb, "\n", 1);
		fw_sb_addn(sb, rest, rlen);
		col = rlen;
		s += p + 1;
		len -= p + 1;
	}
	wrap_words(sb, rest, s, col);
}

static void
rule(struct fw_strbuf *sb, char c)
{
	char line[WIDTH + 2];

	memset(line, c, WIDTH);
	line[WIDTH] = '\n';
	line[WIDTH + 1] = '\0';
	fw_sb_add(sb, line);
}

static void
put_header(struct fw_strbuf *sb, const struct fw_checklist *cl,
    const struct fw_render_info *info)
{
	struct fw_render_row rows[FW_RENDER_ROWS];
	size_t i, n = fw_render_rows(cl, info, rows);
	char *label;

	wrap(sb, "", "", fw_render_title(cl, 1));
	fw_sb_add(sb, "\n");
	if (cl->banner != NULL) {
		rule(sb, '!');
		wrap(sb, "", "", cl->banner);
		for (i = 0; i < cl->n_errors; i++)
			wrap(sb, "  - ", INDENT, cl->errors[i]);
		rule(sb, '!');
		fw_sb_add(sb, "\n");
	}
	for (i = 0; i < n; i++) {
		/* "Label:" in 10 columns, the value wrapped under itself. */
		label = xasprintf("%s%s", rows[i].label,
		    rows[i].label[0] != '\0' ? ":" : "");
		fw_sb_printf(sb, "%-10s", label);
		wrap(sb, "", "          ", rows[i].value);
		free(label);
	}
	fw_render_rows_free(rows, n);
	fw_sb_add(sb, "\n");
	fw_sb_printf(sb, "[ ] %s   [x] %s   [~] %s\n", _("to do"), _("done"),
	    _("changed since done: do it again"));
	if (cl->n_skipped > 0) {
		fw_sb_add(sb, "\n");
		wrap(sb, "", "", _("Left out:"));
		for (i = 0; i < cl->n_skipped; i++)
			wrap(sb, "  - ", INDENT, cl->skipped[i]);
	}
}

/* What every item's lines need, made once per document. */
struct text_ctx {
	struct fw_render_out *ro;
	struct fw_strbuf *sb;
	struct fw_strbuf line;	/* a line put together before wrapping */
	/* The translated "id: %s" around its %s, so that an item's id line
	 * takes no printf and no catalogue search; NULL when the
	 * translation holds another % as well. */
	const char *id_head, *id_tail;
	size_t id_head_len;
};

static void
split_id_format(struct text_ctx *c)
{
	const char *fmt = _("id: %s"), *conv = strstr(fmt, "%s");

	c->id_head = c->id_tail = NULL;
	if (conv == NULL || strchr(conv + 2, '%') != NULL ||
	    memchr(fmt, '%', (size_t)(conv - fmt)) != NULL)
		return;
	c->id_head = fmt;
	c->id_head_len = (size_t)(conv - fmt);
	c->id_tail = conv + 2;
}

static void
put_item(struct text_ctx *c, const struct fw_check_item *it)
{
	struct fw_strbuf *sb = c->sb, *line = &c->line;
	char first[8], *ticked;
	size_t i;

	fw_sb_addn(sb, "\n", 1);
	snprintf(first, sizeof first, "%s ", fw_render_box(it->state));
	line->len = 0;
	if (it->state == FW_ITEM_CHANGED)
		fw_sb_printf(line, _("%s (changed since done)"), it->text);
	else
		fw_sb_add(line, it->text);
	wrap(sb, first, INDENT, line->buf);
	wrap(sb, INDENT, INDENT, it->where);
	for (i = 0; i < it->n_fields; i++) {
		line->len = 0;
		fw_sb_add(line, it->fields[i].label);
		fw_sb_addn(line, ": ", 2);
		fw_sb_add(line, it->fields[i].value);
		wrap(sb, INDENT "- ", INDENT "  ", line->buf);
	}
	if (it->note != NULL)
		wrap(sb, INDENT, INDENT, it->note);
	if ((ticked = fw_render_ticked(it)) != NULL) {
		wrap(sb, INDENT, INDENT, ticked);
		free(ticked);
	}
	/* An id is copied into `fedwiz tick`: keep it on one line, out of
	 * the indent when that is what it takes. */
	line->len = 0;
	if (c->id_head != NULL) {
		fw_sb_addn(line, c->id_head, c->id_head_len);
		fw_sb_add(line, it->id);
		fw_sb_add(line, c->id_tail);
	} else {
		fw_sb_printf(line, _("id: %s"), it->id);
	}
	wrap(sb, strlen(INDENT) + line->len <= WIDTH ? INDENT : "", "",
	    line->buf);
}

static void
put_group(struct text_ctx *c, const struct fw_check_group *g)
{
	struct fw_strbuf *sb = c->sb;
	char *line;
	size_t i;

	fw_sb_add(sb, "\n");
	rule(sb, '=');
	wrap(sb, "", "", g->title);
	rule(sb, '=');
	for (i = 0; i < g->n_items; i++) {
		put_item(c, &g->items[i]);
		fw_render_drain(c->ro);
	}
	fw_sb_add(sb, "\n");
	line = xasprintf(_("%zu of %zu done here.  Done by: ______________  "
	    "Date: __________"), fw_render_group_done(g), g->n_items);
	wrap(sb, "", "", line);
	free(line);
}

static void
signoff(struct fw_strbuf *sb, const char *who)
{
	fw_sb_printf(sb, "\n%-31s ______________________  %s __________\n",
	    who, _("Date:"));
}

void
fw_render_text(const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_render_out *ro)
{
	struct fw_strbuf *sb = &ro->sb;
	struct text_ctx c;
	size_t g;

	c.ro = ro;
	c.sb = sb;
	fw_sb_init(&c.line);
	split_id_format(&c);
	put_header(sb, cl, info);
	for (g = 0; g < cl->n_groups; g++)
		put_group(&c, &cl->groups[g]);
	free(c.line.buf);
	fw_sb_add(sb, "\n");
	rule(sb, '=');
	wrap(sb, "", "", _("Sign-off"));
	signoff(sb, _("IM and Presence administrator:"));
	signoff(sb, fw_render_ms_signoff(cl));
}

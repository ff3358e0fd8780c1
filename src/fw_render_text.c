#include "config.h"

#include "fw_render.h"

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

/* Whether text is ASCII, at most room bytes, with no space at either
 * end or next to another: wrapped, it would be itself on one line. */
static int
fits_as_is(const char *text, size_t room)
{
	size_t n;

	if (text[0] == ' ')
		return 0;
	for (n = 0; text[n] != '\0'; n++) {
		if (n >= room || (unsigned char)text[n] >= 0x80 ||
		    (text[n] == ' ' && (text[n + 1] == ' ' ||
		    text[n + 1] == '\0')))
			return 0;
	}
	return 1;
}

/*
 * Appends text wrapped at WIDTH: the first line starts with first, the
 * others with rest (both ASCII). A word longer than a line is cut.
 */
static void
wrap(struct fw_strbuf *sb, const char *first, const char *rest,
    const char *text)
{
	const char *s = text;
	size_t col, wcols, wbytes, len, c;
	int line_empty = 1;

	fw_sb_add(sb, first);
	col = strlen(first);
	/* Most lines are ASCII, single-spaced and short: they come out as
	 * they are, which is what the loop below would make of them. */
	if (fits_as_is(text, WIDTH - (col < WIDTH ? col : WIDTH))) {
		fw_sb_add(sb, text);
		fw_sb_add(sb, "\n");
		return;
	}
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		wcols = word_cols(s, &wbytes);
		if (!line_empty && col + 1 + wcols > WIDTH) {
			fw_sb_add(sb, "\n");
			fw_sb_add(sb, rest);
			col = strlen(rest);
			line_empty = 1;
		}
		if (!line_empty) {
			fw_sb_add(sb, " ");
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
				fw_sb_add(sb, "\n");
				fw_sb_add(sb, rest);
				col = strlen(rest);
			}
			fw_sb_addn(sb, s, len);
			col += c;
			line_empty = 0;
			s += len;
			wbytes -= len;
		}
	}
	fw_sb_add(sb, "\n");
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

	wrap(sb, "", "", _("COMPLETION CHECKLIST: IM AND PRESENCE - MICROSOFT "
	    "OCS FEDERATION"));
	fw_sb_add(sb, "\n");
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

static void
put_item(struct fw_strbuf *sb, const struct fw_check_item *it)
{
	char *first, *line;
	size_t i;

	fw_sb_add(sb, "\n");
	first = xasprintf("%s ", fw_render_box(it->state));
	if (it->state == FW_ITEM_CHANGED) {
		line = xasprintf(_("%s (changed since done)"), it->text);
		wrap(sb, first, INDENT, line);
		free(line);
	} else {
		wrap(sb, first, INDENT, it->text);
	}
	free(first);
	wrap(sb, INDENT, INDENT, it->where);
	for (i = 0; i < it->n_fields; i++) {
		line = xasprintf("%s: %s", it->fields[i].label,
		    it->fields[i].value);
		wrap(sb, INDENT "- ", INDENT "  ", line);
		free(line);
	}
	if (it->note != NULL)
		wrap(sb, INDENT, INDENT, it->note);
	if ((line = fw_render_ticked(it)) != NULL) {
		wrap(sb, INDENT, INDENT, line);
		free(line);
	}
	/* An id is copied into `fedwiz tick`: keep it on one line, out of
	 * the indent when that is what it takes. */
	line = xasprintf(_("id: %s"), it->id);
	wrap(sb, strlen(INDENT) + strlen(line) <= WIDTH ? INDENT : "", "",
	    line);
	free(line);
}

static void
put_group(struct fw_strbuf *sb, const struct fw_check_group *g)
{
	char *line;
	size_t i;

	fw_sb_add(sb, "\n");
	rule(sb, '=');
	wrap(sb, "", "", g->title);
	rule(sb, '=');
	for (i = 0; i < g->n_items; i++)
		put_item(sb, &g->items[i]);
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

char *
fw_render_text(const struct fw_checklist *cl,
    const struct fw_render_info *info)
{
	struct fw_strbuf sb;
	size_t g;

	fw_sb_init(&sb);
	put_header(&sb, cl, info);
	for (g = 0; g < cl->n_groups; g++)
		put_group(&sb, &cl->groups[g]);
	fw_sb_add(&sb, "\n");
	rule(&sb, '=');
	wrap(&sb, "", "", _("Sign-off"));
	signoff(&sb, _("IM and Presence administrator:"));
	signoff(&sb, _("OCS administrator:"));
	return fw_sb_steal(&sb);
}

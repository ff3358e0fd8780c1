#include "config.h"

#include "fw_render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * One self-contained HTML file: the print stylesheet inline, no script,
 * nothing fetched. Every string is escaped, since descriptions are typed
 * by admins and may hold < & ".
 */

/* fw_sb_addn with its common case inline: the items of a large
 * deployment make hundreds of thousands of appends, and a call into
 * fw_util.c for each (reserve, then copy) stood out in the profile. */
static inline void
put(struct fw_strbuf *sb, const char *s, size_t n)
{
	if (n < sb->cap - sb->len) {
		memcpy(sb->buf + sb->len, s, n);
		sb->len += n;
		sb->buf[sb->len] = '\0';
	} else
		fw_sb_addn(sb, s, n);
}

/* A string literal appended without measuring it again. */
#define ADD(sb, lit) put((sb), (lit), sizeof(lit) - 1)

static void
esc_markup(struct fw_strbuf *sb, const char *s)
{
	size_t n;

	for (;;) {
		/* The runs between special characters go in whole. */
		n = strcspn(s, "&<>\"'");
		put(sb, s, n);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '&':
			ADD(sb, "&amp;");
			break;
		case '<':
			ADD(sb, "&lt;");
			break;
		case '>':
			ADD(sb, "&gt;");
			break;
		case '"':
			ADD(sb, "&quot;");
			break;
		default:
			ADD(sb, "&#39;");
			break;
		}
		s++;
	}
}

/* Controls and bidi overrides planted in a project show as visible
 * escapes (fw_sb_add_shown()): a browser would hide the one and let the
 * other turn the text around. */
static void
esc(struct fw_strbuf *sb, const char *s)
{
	char *owned;

	esc_markup(sb, fw_shown_text(s, &owned));
	free(owned);
}

/* A CSS string literal: quotes, backslashes and control characters as
 * hex escapes, "<" too so that "</style>" cannot end the style element. */
static void
css_string(struct fw_strbuf *sb, const char *text)
{
	struct fw_strbuf shown;
	const char *s;

	fw_sb_init(&shown);
	fw_sb_add_shown(&shown, text, strlen(text), 0);
	fw_sb_add(sb, "\"");
	for (s = shown.buf; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\' || c == '<' || c < 0x20 || c == 0x7f)
			fw_sb_printf(sb, "\\%x ", c);
		else
			fw_sb_addn(sb, s, 1);
	}
	fw_sb_add(sb, "\"");
	free(shown.buf);
}

/* Running header and page numbers on every printed page. */
static void
put_style(struct fw_strbuf *sb, const struct fw_render_info *info)
{
	char *top = xasprintf(_("fedwiz checklist: %s"), info->project != NULL ?
	    info->project : info->file);
	char *page = xasprintf(_("Printed %s"), info->date);

	fw_sb_add(sb, "<style>\n");
	fw_sb_add(sb, fw_checklist_css);
	fw_sb_add(sb, "@page {\n  @top-left { content: ");
	css_string(sb, top);
	fw_sb_add(sb, "; }\n  @bottom-left { content: ");
	css_string(sb, page);
	fw_sb_add(sb, "; }\n  @bottom-right { content: ");
	css_string(sb, _("Page"));
	fw_sb_add(sb, " \" \" counter(page) \" / \" counter(pages); }\n}\n");
	fw_sb_add(sb, "</style>\n");
	free(top);
	free(page);
}

static void
meta(struct fw_strbuf *sb, const char *label, const char *value)
{
	fw_sb_add(sb, "<tr><th>");
	esc(sb, label);
	fw_sb_add(sb, "</th><td>");
	esc(sb, value);
	fw_sb_add(sb, "</td></tr>\n");
}

static void
put_header(struct fw_strbuf *sb, const struct fw_checklist *cl,
    const struct fw_render_info *info)
{
	struct fw_render_row rows[FW_RENDER_ROWS];
	size_t i, n = fw_render_rows(cl, info, rows);

	fw_sb_add(sb, "<header class=\"doc\">\n<h1>");
	esc(sb, fw_render_title(cl, 0));
	fw_sb_add(sb, "</h1>\n");
	if (cl->banner != NULL) {
		fw_sb_add(sb, "<section class=\"errors\">\n<p><strong>");
		esc(sb, cl->banner);
		fw_sb_add(sb, "</strong></p>\n<ul>\n");
		for (i = 0; i < cl->n_errors; i++) {
			fw_sb_add(sb, "<li>");
			esc(sb, cl->errors[i]);
			fw_sb_add(sb, "</li>\n");
		}
		fw_sb_add(sb, "</ul>\n</section>\n");
	}
	fw_sb_add(sb, "<table class=\"meta\">\n");
	for (i = 0; i < n; i++)
		meta(sb, rows[i].label, rows[i].value);
	fw_render_rows_free(rows, n);
	fw_sb_add(sb, "</table>\n");
	if (cl->n_skipped > 0) {
		fw_sb_add(sb, "<section class=\"skipped\">\n<h2>");
		esc(sb, _("Left out:"));
		fw_sb_add(sb, "</h2>\n<ul>\n");
		for (i = 0; i < cl->n_skipped; i++) {
			fw_sb_add(sb, "<li>");
			esc(sb, cl->skipped[i]);
			fw_sb_add(sb, "</li>\n");
		}
		fw_sb_add(sb, "</ul>\n</section>\n");
	}
	fw_sb_add(sb, "</header>\n");
}

/* An item's opening up to its text, by state. */
#define ITEM_OPEN(cls, checked) "<li class=\"item " cls "\">\n" \
	"<p class=\"text\"><input type=\"checkbox\" disabled" checked "> "
#define LIT(s) { (s), sizeof(s) - 1 }
static const struct {
	const char *html;
	size_t len;
} item_open[] = {
	[FW_ITEM_OPEN] = LIT(ITEM_OPEN("open", "")),
	[FW_ITEM_DONE] = LIT(ITEM_OPEN("done", " checked")),
	[FW_ITEM_CHANGED] = LIT(ITEM_OPEN("changed", "")),
};

/* Strings of the checklist met lately, by address, with their escaped
 * form: labels, menu paths and notes are shared by thousands of items,
 * and the checklist does not change while it is rendered, so an address
 * seen again holds the same text. */
#define SHARED_SLOTS 1024

/* What every item needs, escaped once per document. */
struct html_ctx {
	struct fw_render_out *ro;
	struct fw_strbuf *sb;
	struct fw_strbuf changed;	/* "changed since done" */
	struct fw_strbuf id;		/* "id:" */
	struct {
		const char *s;
		const char *html;	/* s itself when it needs no escaping */
		char *owned;		/* else its escaped copy */
		size_t len;
	} shared[SHARED_SLOTS];
};

/* esc() for a string of the checklist. */
static void
esc_shared(struct html_ctx *c, const char *s)
{
	size_t slot = ((uintptr_t)s >> 3) * 2654435761u % SHARED_SLOTS;
	size_t n, start;
	long cp;

	if (c->shared[slot].s == s) {
		put(c->sb, c->shared[slot].html, c->shared[slot].len);
		return;
	}
	free(c->shared[slot].owned);
	c->shared[slot].owned = NULL;
	c->shared[slot].s = s;
	n = strcspn(s, "&<>\"'");
	if (s[n] == '\0' && fw_unsafe_at(s, n, &cp) == n) {
		put(c->sb, s, n);
		c->shared[slot].html = s;
		c->shared[slot].len = n;
		return;
	}
	start = c->sb->len;
	esc(c->sb, s);
	c->shared[slot].len = c->sb->len - start;
	c->shared[slot].owned = xstrndup(c->sb->buf + start,
	    c->shared[slot].len);
	c->shared[slot].html = c->shared[slot].owned;
}

static void
put_item(struct html_ctx *c, const struct fw_check_item *it)
{
	struct fw_strbuf *sb = c->sb;
	char *ticked;
	size_t i;

	put(sb, item_open[it->state].html, item_open[it->state].len);
	esc(sb, it->text);
	if (it->state == FW_ITEM_CHANGED) {
		ADD(sb, " <span class=\"flag\">");
		put(sb, c->changed.buf, c->changed.len);
		ADD(sb, "</span>");
	}
	ADD(sb, "</p>\n<p class=\"where\">");
	esc_shared(c, it->where);
	ADD(sb, "</p>\n");
	if (it->n_fields > 0) {
		ADD(sb, "<table class=\"fields\">\n");
		for (i = 0; i < it->n_fields; i++) {
			ADD(sb, "<tr><th>");
			esc_shared(c, it->fields[i].label);
			ADD(sb, "</th><td>");
			esc_shared(c, it->fields[i].value);
			ADD(sb, "</td></tr>\n");
		}
		ADD(sb, "</table>\n");
	}
	if (it->note != NULL) {
		ADD(sb, "<p class=\"note\">");
		esc_shared(c, it->note);
		ADD(sb, "</p>\n");
	}
	if ((ticked = fw_render_ticked(it)) != NULL) {
		ADD(sb, "<p class=\"ticked\">");
		esc(sb, ticked);
		ADD(sb, "</p>\n");
		free(ticked);
	}
	ADD(sb, "<p class=\"id\">");
	put(sb, c->id.buf, c->id.len);
	ADD(sb, " <code>");
	esc(sb, it->id);
	ADD(sb, "</code></p>\n</li>\n");
}

static void
put_group(struct html_ctx *c, const struct fw_check_group *g)
{
	struct fw_strbuf *sb = c->sb;
	char *line;
	size_t i;

	fw_sb_add(sb, "<section class=\"group\">\n<h2><span class=\"role\">");
	esc(sb, g->role);
	fw_sb_add(sb, "</span>");
	if (g->host != NULL) {
		fw_sb_add(sb, " <span class=\"host\">");
		esc(sb, g->host);
		fw_sb_add(sb, "</span>");
	}
	if (g->ip != NULL) {
		fw_sb_add(sb, " <span class=\"ip\">");
		esc(sb, g->ip);
		fw_sb_add(sb, "</span>");
	}
	fw_sb_add(sb, "</h2>\n<ol class=\"items\">\n");
	for (i = 0; i < g->n_items; i++) {
		put_item(c, &g->items[i]);
		fw_render_drain(c->ro);
	}
	fw_sb_add(sb, "</ol>\n<p class=\"signoff\">");
	line = xasprintf(_("%zu of %zu done here."), fw_render_group_done(g),
	    g->n_items);
	esc(sb, line);
	free(line);
	fw_sb_add(sb, " <span>");
	esc(sb, _("Done by:"));
	fw_sb_add(sb, "</span> <span class=\"blank\"></span> <span>");
	esc(sb, _("Date:"));
	fw_sb_add(sb, "</span> <span class=\"blank short\"></span></p>\n"
	    "</section>\n");
}

static void
signoff_row(struct fw_strbuf *sb, const char *who)
{
	fw_sb_add(sb, "<tr><th>");
	esc(sb, who);
	fw_sb_add(sb, "</th><td class=\"blank\"></td><th>");
	esc(sb, _("Date:"));
	fw_sb_add(sb, "</th><td class=\"blank short\"></td></tr>\n");
}

/* Bytes to expect besides the stylesheet and the items, and per item:
 * the items of the large deployment in bench/ average some 720. */
#define HTML_BASE 16384
#define HTML_ITEM 1024

void
fw_render_html(const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_render_out *ro)
{
	struct fw_strbuf *sb = &ro->sb;
	struct html_ctx c;
	size_t g, i, items = 0;

	/* Kept whole, the document gets room for all of it at once:
	 * doubling up to the 16 MiB of a large deployment copied it over
	 * and over. Pages never written to cost nothing, so a generous
	 * guess is cheap. */
	for (g = 0; g < cl->n_groups; g++)
		items += cl->groups[g].n_items;
	if (ro->out == NULL)
		fw_sb_reserve(sb, HTML_BASE + strlen(fw_checklist_css) +
		    (items < SIZE_MAX / HTML_ITEM / 2 ? items * HTML_ITEM : 0));
	memset(&c, 0, sizeof c);
	c.ro = ro;
	c.sb = sb;
	fw_sb_init(&c.changed);
	esc(&c.changed, _("changed since done"));
	fw_sb_init(&c.id);
	esc(&c.id, _("id:"));
	fw_sb_add(sb, "<!DOCTYPE html>\n<html>\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	esc(sb, _("Completion checklist"));
	if (info->project != NULL) {
		fw_sb_add(sb, ": ");
		esc(sb, info->project);
	}
	fw_sb_add(sb, "</title>\n");
	put_style(sb, info);
	fw_sb_add(sb, "</head>\n<body>\n");
	put_header(sb, cl, info);
	for (g = 0; g < cl->n_groups; g++)
		put_group(&c, &cl->groups[g]);
	free(c.changed.buf);
	free(c.id.buf);
	for (i = 0; i < SHARED_SLOTS; i++)
		free(c.shared[i].owned);
	fw_sb_add(sb, "<footer class=\"doc\">\n<h2>");
	esc(sb, _("Sign-off"));
	fw_sb_add(sb, "</h2>\n<table class=\"signoff\">\n");
	signoff_row(sb, _("IM and Presence administrator:"));
	signoff_row(sb, fw_render_ms_signoff(cl));
	fw_sb_add(sb, "</table>\n<p>");
	esc(sb, info->file);
	fw_sb_add(sb, " &middot; ");
	esc(sb, info->date);
	fw_sb_add(sb, " &middot; fedwiz ");
	esc(sb, info->version);
	fw_sb_add(sb, "</p>\n</footer>\n</body>\n</html>\n");
}

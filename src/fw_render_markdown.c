#include "config.h"

#include "fw_render.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * Markdown with GitHub task lists: one "- [ ]" line per item, the same
 * structure as the text. Everything taken from the answers is escaped, so
 * a description holding * or < stays text.
 */

static void
esc_markup(struct fw_strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_{}[]<>#+!|&~", *s) != NULL)
			fw_sb_add(sb, "\\");
		fw_sb_addn(sb, s, 1);
	}
}

/* Controls and bidi overrides planted in a project show as visible
 * escapes (fw_sb_add_shown()), in a viewer as on a terminal. */
static void
esc(struct fw_strbuf *sb, const char *s)
{
	char *owned;

	esc_markup(sb, fw_shown_text(s, &owned));
	free(owned);
}

static void
meta(struct fw_strbuf *sb, const char *label, const char *value)
{
	fw_sb_add(sb, "| ");
	esc(sb, label);
	fw_sb_add(sb, " | ");
	esc(sb, value);
	fw_sb_add(sb, " |\n");
}

static void
put_header(struct fw_strbuf *sb, const struct fw_checklist *cl,
    const struct fw_render_info *info)
{
	struct fw_render_row rows[FW_RENDER_ROWS];
	size_t i, n = fw_render_rows(cl, info, rows);

	fw_sb_add(sb, "# ");
	esc(sb, fw_render_title(cl, 0));
	fw_sb_add(sb, "\n\n");
	if (cl->banner != NULL) {
		fw_sb_add(sb, "> **");
		esc(sb, cl->banner);
		fw_sb_add(sb, "**\n>\n");
		for (i = 0; i < cl->n_errors; i++) {
			fw_sb_add(sb, "> - ");
			esc(sb, cl->errors[i]);
			fw_sb_add(sb, "\n");
		}
		fw_sb_add(sb, "\n");
	}
	fw_sb_add(sb, "|  |  |\n| --- | --- |\n");
	for (i = 0; i < n; i++)
		meta(sb, rows[i].label, rows[i].value);
	fw_render_rows_free(rows, n);
	if (cl->n_skipped > 0) {
		fw_sb_add(sb, "\n");
		esc(sb, _("Left out:"));
		fw_sb_add(sb, "\n\n");
		for (i = 0; i < cl->n_skipped; i++) {
			fw_sb_add(sb, "- ");
			esc(sb, cl->skipped[i]);
			fw_sb_add(sb, "\n");
		}
	}
}

static void
put_item(struct fw_strbuf *sb, const struct fw_check_item *it)
{
	char *ticked;
	size_t i;

	/* GitHub has no third box: a changed item is open, and says so. */
	fw_sb_add(sb, it->state == FW_ITEM_DONE ? "- [x] **" : "- [ ] **");
	esc(sb, it->text);
	fw_sb_add(sb, "**");
	if (it->state == FW_ITEM_CHANGED) {
		fw_sb_add(sb, " _");
		esc(sb, _("(changed since done)"));
		fw_sb_add(sb, "_");
	}
	fw_sb_add(sb, "  \n  ");
	esc(sb, it->where);
	fw_sb_add(sb, "\n");
	for (i = 0; i < it->n_fields; i++) {
		fw_sb_add(sb, "  - ");
		esc(sb, it->fields[i].label);
		fw_sb_add(sb, ": **");
		esc(sb, it->fields[i].value);
		fw_sb_add(sb, "**\n");
	}
	if (it->note != NULL) {
		fw_sb_add(sb, "\n  ");
		esc(sb, it->note);
		fw_sb_add(sb, "\n");
	}
	if ((ticked = fw_render_ticked(it)) != NULL) {
		fw_sb_add(sb, "\n  _");
		esc(sb, ticked);
		fw_sb_add(sb, "_\n");
		free(ticked);
	}
	fw_sb_add(sb, "\n  ");
	esc(sb, _("id:"));
	fw_sb_add(sb, " `");
	fw_sb_add_shown(sb, it->id, strlen(it->id), 0);
	fw_sb_add(sb, "`\n\n");
}

void
fw_render_markdown(const struct fw_checklist *cl,
    const struct fw_render_info *info, struct fw_render_out *ro)
{
	struct fw_strbuf *sb = &ro->sb;
	size_t g, i;
	char *line;

	put_header(sb, cl, info);
	for (g = 0; g < cl->n_groups; g++) {
		const struct fw_check_group *grp = &cl->groups[g];

		fw_sb_add(sb, "\n## ");
		esc(sb, grp->title);
		fw_sb_add(sb, "\n\n");
		for (i = 0; i < grp->n_items; i++) {
			put_item(sb, &grp->items[i]);
			fw_render_drain(ro);
		}
		line = xasprintf(_("%zu of %zu done here. Done by: "
		    "______________ Date: __________"),
		    fw_render_group_done(grp), grp->n_items);
		esc(sb, line);
		fw_sb_add(sb, "\n");
		free(line);
	}
	fw_sb_add(sb, "\n## ");
	esc(sb, _("Sign-off"));
	fw_sb_add(sb, "\n\n| ");
	esc(sb, _("Administrator"));
	fw_sb_add(sb, " | ");
	esc(sb, _("Name"));
	fw_sb_add(sb, " | ");
	esc(sb, _("Date:"));
	fw_sb_add(sb, " |\n| --- | --- | --- |\n| ");
	esc(sb, _("IM and Presence administrator:"));
	fw_sb_add(sb, " |  |  |\n| ");
	esc(sb, fw_render_ms_signoff(cl));
	fw_sb_add(sb, " |  |  |\n");
}

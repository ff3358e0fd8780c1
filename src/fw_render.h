/*
 * The checklist on paper: plain text (80 columns), Markdown (GitHub task
 * lists) and one self-contained HTML file with a print stylesheet. The
 * renderers only format; the checklist decides what is said.
 */
#ifndef FW_RENDER_H
#define FW_RENDER_H

#include <stddef.h>

#include "fw_checklist.h"
#include "fw_model.h"
#include "fw_out.h"
#include "fw_util.h"

enum fw_render_format {
	FW_RENDER_TEXT,
	FW_RENDER_MARKDOWN,
	FW_RENDER_HTML,
};

/* What the header says besides the checklist itself. */
struct fw_render_info {
	const char *project;	/* the deployment's name, or NULL */
	const char *file;	/* the project file as named by the user */
	const char *version;	/* fedwiz's version */
	char date[32];		/* "YYYY-MM-DD HH:MM UTC" */
	char setup[160];	/* translated: "TLS, OCS Enterprise Edition" */
	int todo;		/* the checklist holds only what is left */
};

/*
 * Fills info for d and file. The date is now, or SOURCE_DATE_EPOCH (a
 * decimal count of seconds since 1970) when set, so that a checklist can
 * be reproduced byte for byte; a malformed SOURCE_DATE_EPOCH is an error.
 */
int fw_render_info_init(struct fw_render_info *, const struct fw_deployment *d,
    const char *file, char **cause);

/* "text", "markdown", "html" (-1 for another word). */
int fw_render_format_parse(const char *, enum fw_render_format *);

/* The document (free()). */
char *fw_render(enum fw_render_format, const struct fw_checklist *,
    const struct fw_render_info *);

/* The document written to out as it is made: only some 64 KiB of it is
 * held at a time, however large it is. Write errors are out's to report
 * (fw_out_close()). */
void fw_render_write(enum fw_render_format, const struct fw_checklist *,
    const struct fw_render_info *, struct fw_out *out);

/*
 * What a renderer writes into: sb, which the renderer hands to out
 * between items (fw_render_drain()); with out NULL, sb keeps the whole
 * document. A renderer leaves the rest in sb for its caller.
 */
struct fw_render_out {
	struct fw_strbuf sb;
	struct fw_out *out;
};
void fw_render_drain(struct fw_render_out *);

void fw_render_text(const struct fw_checklist *,
    const struct fw_render_info *, struct fw_render_out *);
void fw_render_markdown(const struct fw_checklist *,
    const struct fw_render_info *, struct fw_render_out *);
void fw_render_html(const struct fw_checklist *,
    const struct fw_render_info *, struct fw_render_out *);

/* The header's rows, the same in every format: a translated label
 * without a colon ("" for a continuation) and a value. Returns how many
 * were filled (at most FW_RENDER_ROWS); free with fw_render_rows_free(). */
#define FW_RENDER_ROWS 8
struct fw_render_row {
	const char *label;
	char *value;
};
/* The document's title (upper: the text format's capitals) and the
 * Microsoft side's sign-off line, named for the servers it holds. */
const char *fw_render_title(const struct fw_checklist *, int upper);
const char *fw_render_ms_signoff(const struct fw_checklist *);

size_t fw_render_rows(const struct fw_checklist *,
    const struct fw_render_info *, struct fw_render_row *rows);
void fw_render_rows_free(struct fw_render_row *, size_t n);

/* "Ticked by USER, TIME UTC" for an item ticked in the project, or NULL
 * (free()). */
char *fw_render_ticked(const struct fw_check_item *);

/* How many of a group's items are done. */
size_t fw_render_group_done(const struct fw_check_group *);

/* The box of an item in text and Markdown: "[ ]", "[x]", "[~]". */
const char *fw_render_box(enum fw_item_state);

/* The HTML print stylesheet, data/checklist.css (built in). */
extern const char fw_checklist_css[];

#endif

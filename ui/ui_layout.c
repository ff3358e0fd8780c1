/*
 * ui_layout.c: the panes of design/screens.md from the terminal size,
 * computed from scratch on every draw (dialog's yesno.c does the same on
 * KEY_RESIZE), so a resize never leaves stale coordinates behind.
 */
#include "config.h"

#include "ui_app.h"

#include <string.h>

/* The steps pane holds "✓ 9 IM&P certificates" plus borders. */
#define STEPS_WIDTH 26
/* Findings: two lines of text between borders. */
#define FINDINGS_HEIGHT 4

void
ui_layout_compute(struct ui_layout *l, int lines, int cols)
{
	int body;

	memset(l, 0, sizeof *l);
	if (lines < UI_MIN_LINES || cols < UI_MIN_COLS) {
		l->too_small = 1;
		return;
	}
	/* Extra rows go to the findings pane up to 6 text lines; extra
	 * columns all go to the main pane. */
	body = lines - 2;
	l->top = (struct ui_rect){ 0, 0, 1, cols };
	l->findings.h = FINDINGS_HEIGHT + (lines - UI_MIN_LINES) / 3;
	if (l->findings.h > FINDINGS_HEIGHT + 4)
		l->findings.h = FINDINGS_HEIGHT + 4;
	l->steps = (struct ui_rect){ 1, 0, body - l->findings.h, STEPS_WIDTH };
	l->main = (struct ui_rect){ 1, STEPS_WIDTH, l->steps.h,
	    cols - STEPS_WIDTH };
	l->findings = (struct ui_rect){ 1 + l->steps.h, 0, l->findings.h,
	    cols };
	l->legend = (struct ui_rect){ lines - 1, 0, 1, cols };
}

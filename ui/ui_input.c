/*
 * ui_input.c: the terminal's bytes to keys, in the locale's encoding.
 *
 * ncurses' wget_wch decodes multibyte input itself, but once a byte
 * cannot start a character it keeps appending the bytes that follow to
 * the same undecodable buffer until the terminal has nothing more to
 * give, then returns ERR for all of them: a good character typed or
 * pasted in the same burst after bad bytes was silently lost. So the
 * wizard reads bytes (wgetch) and decodes here: bytes that are no
 * character become one UI_KEY_INVALID each run, and decoding starts
 * afresh at the next byte, which keeps whatever good text follows.
 */
#include "config.h"

#include "ui_app.h"

#include <string.h>
#include <wchar.h>

/* What the pending bytes (with the newest last) decode to: a character
 * in *wc (1), a valid prefix still waiting for bytes (0), or nothing
 * they could ever become (-1). */
static int
decode(const struct ui_input *in, wchar_t *wc)
{
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, in->buf, in->n, &st);
	if (n == (size_t)-2)
		return in->n < sizeof in->buf ? 0 : -1;
	/* glibc decodes F4 90 80 80 and up to code points past Unicode,
	 * where UI_KEY_INVALID and the key codes live. */
	if (n == (size_t)-1 || (unsigned long)*wc > 0x10ffff)
		return -1;
	return 1;
}

int
ui_input_feed(struct ui_input *in, int c, int out[2])
{
	wchar_t wc;
	int n = 0;

	if (c < 0 || c > 0xff) {
		/* A key code ends a character cut short. */
		if (in->n > 0)
			out[n++] = UI_KEY_INVALID;
		in->n = 0;
		out[n++] = c;
		return n;
	}
	in->buf[in->n++] = (char)c;
	switch (decode(in, &wc)) {
	case 0:
		return 0;
	case 1:
		in->n = 0;
		out[0] = (int)wc;
		return 1;
	}
	if (in->n == 1) {
		in->n = 0;
		out[0] = UI_KEY_INVALID;
		return 1;
	}
	/* The bytes before c were a character cut short; c itself may
	 * well start the next one. */
	out[n++] = UI_KEY_INVALID;
	in->buf[0] = (char)c;
	in->n = 1;
	switch (decode(in, &wc)) {
	case 0:
		return n;
	case 1:
		out[n++] = (int)wc;
		break;
	default:
		/* No start of anything either: the same run of bad bytes,
		 * which the one refusal covers. */
		break;
	}
	in->n = 0;
	return n;
}

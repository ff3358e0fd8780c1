/* The wizard's keyboard decoder (ui/ui_input.c): bytes that are no
 * character are refused, and what follows them is kept. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "ui_app.h"

/* Feeds bytes (then the key codes in codes[], if any) and writes the keys
 * out as text: "é" for a character, "!" for UI_KEY_INVALID, "<N>" for a
 * key code N. */
static void
feed(const char *bytes, const int *codes, size_t n_codes, char *got,
    size_t size)
{
	struct ui_input in;
	int keys[2], n, i;
	size_t k, used = 0;
	mbstate_t st;

	memset(&in, 0, sizeof in);
	got[0] = '\0';
	for (k = 0; k < strlen(bytes) + n_codes; k++) {
		n = ui_input_feed(&in, k < strlen(bytes) ?
		    (unsigned char)bytes[k] : codes[k - strlen(bytes)], keys);
		for (i = 0; i < n && used + 16 < size; i++) {
			if (keys[i] == UI_KEY_INVALID) {
				got[used++] = '!';
			} else if (keys[i] >= UI_KEYCODE(0)) {
				used += (size_t)snprintf(got + used, size - used,
				    "<%d>", keys[i] - UI_KEYCODE(0));
			} else {
				memset(&st, 0, sizeof st);
				used += wcrtomb(got + used, (wchar_t)keys[i], &st);
			}
			got[used] = '\0';
		}
	}
}

static void
check(const char *bytes, const char *want, const char *what)
{
	char got[256];

	feed(bytes, NULL, 0, got, sizeof got);
	is_str(got, want, "%s", what);
}

int
main(void)
{
	static const int left[] = { UI_KEYCODE(0404) };
	char got[256];

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("Bail out! no C.UTF-8 locale\n");
		return 1;
	}
	check("a", "a", "ASCII passes");
	check("\xc3\xa9", "\xc3\xa9", "a two-byte character is one key");
	check("\xe2\x82\xac\xf0\x9f\x98\x80", "\xe2\x82\xac\xf0\x9f\x98\x80",
	    "three- and four-byte characters");
	check("\xff\xfe\xc3\xa9" "a", "!!\xc3\xa9" "a",
	    "invalid bytes are refused, the e-acute and a after them kept");
	check("\xc3" "a", "!a", "a character cut short by ASCII: a is kept");
	check("\xe2\x82\xc3\xa9", "!\xc3\xa9",
	    "a character cut short by the start of the next one");
	check("\xc0\x80x", "!!x", "an overlong NUL is refused");
	check("\xed\xa0\x80y", "!y", "a UTF-16 surrogate is refused once");
	check("\xf4\x90\x80\x80z", "!z", "a code point past U+10FFFF is "
	    "refused, not taken for a key");
	check("\xc3", "", "an incomplete character waits for its bytes");
	feed("\xc3", left, 1, got, sizeof got);
	is_str(got, "!<260>", "a key code ends a character cut short, and "
	    "is kept");
	feed("", left, 1, got, sizeof got);
	is_str(got, "<260>", "a key code alone passes");
	return done_testing();
}

#include "config.h"

#include "fw_ps_quote.h"

#include <stddef.h>

#include "fw_util.h"

/* U+2018..U+201B as UTF-8: E2 80 98..9B. The tokenizer of PowerShell
 * (about_Quoting_Rules) ends a single-quoted string at any of them. */
static size_t
ps_quote_char_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '\'')
		return 1;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9b)
		return 3;
	return 0;
}

void
fw_ps_quote(struct fw_strbuf *sb, const char *s)
{
	const char *run = s;
	size_t q;

	fw_sb_add(sb, "'");
	while (*s != '\0') {
		q = ps_quote_char_len(s);
		if (q == 0) {
			s++;
			continue;
		}
		fw_sb_addn(sb, run, (size_t)(s - run) + q);
		fw_sb_addn(sb, s, q);
		s += q;
		run = s;
	}
	fw_sb_add(sb, run);
	fw_sb_add(sb, "'");
}

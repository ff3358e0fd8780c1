#include "config.h"

#include "fw_pattern.h"

#include <ctype.h>
#include <string.h>

#include "fw_util.h"

char *
fw_dest_pattern(const char *domain)
{
	struct fw_strbuf sb;
	size_t end = strlen(domain), start;

	if (end > 0 && domain[end - 1] == '.')
		end--;
	fw_sb_init(&sb);
	while (end > 0) {
		start = end;
		while (start > 0 && domain[start - 1] != '.')
			start--;
		fw_sb_add(&sb, ".");
		fw_sb_addn(&sb, domain + start, end - start);
		end = start > 0 ? start - 1 : 0;
	}
	fw_sb_add(&sb, ".*");
	/* Folded like every name fedwiz keeps (fw_syntax_hostname), so a
	 * pattern typed from an unnormalised name still matches the checklist. */
	for (end = 0; end < sb.len; end++)
		sb.buf[end] = (char)tolower((unsigned char)sb.buf[end]);
	return fw_sb_steal(&sb);
}

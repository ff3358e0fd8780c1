/*
 * PowerShell's quoting, for every value fedwiz writes into a script or
 * shows as a Management Shell command: one place, so the checklist's
 * commands and the generated scripts quote alike.
 */
#ifndef FW_PS_QUOTE_H
#define FW_PS_QUOTE_H

struct fw_strbuf;

/* Appends s to sb as one single-quoted PowerShell string literal. Inside
 * single quotes PowerShell reads only quote characters: the ASCII
 * apostrophe and U+2018..U+201B count as quotes, and each is doubled.
 * Nothing else ($, backtick, double quotes) is special there. */
void fw_ps_quote(struct fw_strbuf *sb, const char *s);

#endif

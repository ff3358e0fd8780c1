/* Gettext in one place: every user-facing string goes through _() or N_(). */
#ifndef FW_I18N_H
#define FW_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
/*
 * A message with a context (msgctxt), where one English word is two
 * messages: "Description" as Cisco's English UI labels a field stays
 * English in a translated checklist, the wizard's column heading does not.
 * The catalogue keys such a message as "CONTEXT\004MSGID" (gettext.h's
 * pgettext does the same); without a translation the msgid shows.
 * xgettext finds it through --keyword=C_:1c,2 (po/Makevars).
 */
#define C_(ctx, s) fw_pgettext(ctx "\004" s, s)
static inline const char *
fw_pgettext(const char *key, const char *msgid)
{
	const char *t = gettext(key);

	return t == key ? msgid : t;
}
#else
#define _(s) (s)
#define C_(ctx, s) (s)
#endif
/* Marks a string for translation where it is stored, translated where shown. */
#define N_(s) (s)

#endif

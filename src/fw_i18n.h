/* Gettext in one place: every user-facing string goes through _() or N_(). */
#ifndef FW_I18N_H
#define FW_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
/* Marks a string for translation where it is stored, translated where shown. */
#define N_(s) (s)

#endif

/*
 * rulesutil.h: looking for findings in the rule tests. Header-only.
 */
#ifndef FW_TEST_RULESUTIL_H
#define FW_TEST_RULESUTIL_H

#include <stdio.h>
#include <string.h>

#include "fw_rules.h"
#include "tap.h"

/* How many findings have this severity, step (-1 any), field (NULL any)
 * and a message holding text (NULL any). */
__attribute__((unused)) static size_t
count_findings(const struct fw_findings *f, enum fw_severity sev, int step,
    const char *field, const char *text)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++) {
		const struct fw_finding *x = &f->items[i];

		if (x->severity != sev || (step >= 0 && x->step != step) ||
		    (field != NULL && (x->field == NULL ||
		    strcmp(x->field, field) != 0)) ||
		    (text != NULL && strstr(x->message, text) == NULL))
			continue;
		n++;
	}
	return n;
}

/* Every finding as a "#" line, to read a failure (tap_failed > 0). */
__attribute__((unused)) static void
dump_findings(const struct fw_findings *f)
{
	size_t i;

	if (tap_failed == 0)
		return;
	for (i = 0; i < f->n; i++)
		printf("#   %s step %d %s [%s]: %s\n",
		    fw_severity_name(f->items[i].severity), f->items[i].step,
		    f->items[i].field ? f->items[i].field : "-",
		    f->items[i].subject ? f->items[i].subject : "-",
		    f->items[i].message);
}

#endif

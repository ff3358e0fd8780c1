#include "config.h"

#include "fw_rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_rules_int.h"
#include "fw_util.h"

/* The rules, by concern. Order does not matter: findings are sorted. */
static void (*const rules[])(const struct fw_rule_ctx *,
    struct fw_findings *) = {
	fw_rules_names,
	fw_rules_ports,
	fw_rules_topology,
	fw_rules_dns,
	fw_rules_cert,
	fw_rules_tls,
	fw_rules_stored,
};

void
fw_finding_add(struct fw_findings *out, enum fw_severity sev, int step,
    const char *field, const char *subject, const char *fmt, ...)
{
	struct fw_finding *f;
	va_list ap;

	out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
	f = &out->items[out->n++];
	f->severity = sev;
	f->step = step;
	f->field = field != NULL ? xstrdup(field) : NULL;
	f->subject = subject != NULL ? xstrdup(subject) : NULL;
	va_start(ap, fmt);
	f->message = xvasprintf(fmt, ap);
	va_end(ap);
}

int
fw_rules_field_step(const char *field)
{
	int step = 0;

	fw_flow_find_field(field, &step);
	return step;
}

/* NULL sorts first, so step-wide findings lead their step. */
static int
cmp_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int
cmp_finding(const void *pa, const void *pb)
{
	const struct fw_finding *a = pa, *b = pb;
	int c;

	if (a->step != b->step)
		return a->step < b->step ? -1 : 1;
	if (a->severity != b->severity)
		return a->severity < b->severity ? -1 : 1;
	if ((c = cmp_str(a->subject, b->subject)) != 0)
		return c;
	if ((c = cmp_str(a->field, b->field)) != 0)
		return c;
	return strcmp(a->message, b->message);
}

size_t
fw_rules_run(const struct fw_deployment *d, const struct fw_rules_opts *opts,
    struct fw_findings *out)
{
	struct fw_rule_ctx ctx;
	size_t i, errors, first = out->n;

	ctx.d = d;
	ctx.resolver = opts != NULL ? opts->resolver : NULL;
	ctx.now = opts != NULL && opts->now != 0 ? opts->now : time(NULL);
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		rules[i](&ctx, out);
	if (out->n > first)
		qsort(out->items + first, out->n - first, sizeof *out->items,
		    cmp_finding);
	for (i = first, errors = 0; i < out->n; i++)
		errors += out->items[i].severity == FW_SEV_ERROR;
	return errors;
}

void
fw_findings_free(struct fw_findings *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->items[i].field);
		free(f->items[i].subject);
		free(f->items[i].message);
	}
	free(f->items);
	f->items = NULL;
	f->n = 0;
}

const char *
fw_severity_name(enum fw_severity sev)
{
	switch (sev) {
	case FW_SEV_ERROR:
		return _("error");
	case FW_SEV_WARNING:
		return _("warning");
	case FW_SEV_INFO:
		return _("info");
	}
	return "";
}

size_t
fw_findings_count(const struct fw_findings *f, enum fw_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += f->items[i].severity == sev;
	return n;
}

static int
matches(const char *want, const char *have)
{
	return want == NULL || (have != NULL && fw_strcaseeq(want, have));
}

size_t
fw_findings_filter(const struct fw_findings *all, int step,
    const char *field, const char *subject, struct fw_findings *out)
{
	const struct fw_finding *f;
	size_t i, n = 0;

	for (i = 0; i < all->n; i++) {
		f = &all->items[i];
		if ((step >= 0 && f->step != step) || !matches(field, f->field) ||
		    !matches(subject, f->subject))
			continue;
		fw_finding_add(out, f->severity, f->step, f->field, f->subject,
		    "%s", f->message);
		n++;
	}
	return n;
}

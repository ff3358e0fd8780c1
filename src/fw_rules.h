/*
 * The rule engine: every check of the answers, for the wizard, `fedwiz
 * validate` and the checklist alike. Rules never block: name lookups go
 * through a resolver (fw_resolve.h) whose pending answers show as
 * "resolving…".
 */
#ifndef FW_RULES_H
#define FW_RULES_H

#include <stddef.h>
#include <time.h>

#include "fw_model.h"

enum fw_severity {
	FW_SEV_ERROR,
	FW_SEV_WARNING,
	FW_SEV_INFO,
};

struct fw_finding {
	enum fw_severity severity;
	int step;		/* 0-9, the step the finding belongs to */
	char *field;		/* field key from the flow table, or NULL */
	char *subject;		/* the entry concerned (an FQDN, a domain), or NULL */
	char *message;		/* translated: what is wrong and what to do */
};

struct fw_findings {
	struct fw_finding *items;
	size_t n;
};

struct fw_resolver;

struct fw_rules_opts {
	struct fw_resolver *resolver;	/* NULL = no name resolution (offline) */
	time_t now;			/* 0 = time(NULL); for certificate validity */
};

/* Runs every rule over d, appending to out (free with fw_findings_free()).
 * Returns the number of errors found. */
size_t fw_rules_run(const struct fw_deployment *d,
    const struct fw_rules_opts *opts, struct fw_findings *out);

void fw_findings_free(struct fw_findings *);

/* "error", "warning", "info", translated. */
const char *fw_severity_name(enum fw_severity);

#endif

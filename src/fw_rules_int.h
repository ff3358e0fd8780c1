/*
 * Inside the rule engine: what each rule file gets and how it reports.
 * Not for callers outside fw_rules*.c; they use fw_rules.h.
 */
#ifndef FW_RULES_INT_H
#define FW_RULES_INT_H

#include <time.h>

#include "fw_model.h"
#include "fw_rules.h"

/* The flow step "OCS static routes" (fw_flow.c): its field imp_domain is
 * also a field of step 0, where fw_rules_field_step() finds it. */
#define FW_STEP_OCS_ROUTES 3
/* The flow step "IM&P certificates", where TLS peer subjects are set. */
#define FW_STEP_IMP_CERTS 9

struct fw_rule_ctx {
	const struct fw_deployment *d;
	struct fw_resolver *resolver;	/* NULL = offline */
	time_t now;
};

/* Appends one finding; field and subject may be NULL; fmt is translated
 * by the caller (_()). */
void fw_finding_add(struct fw_findings *, enum fw_severity, int step,
    const char *field, const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The step a flow-table field belongs to (its first step). */
int fw_rules_field_step(const char *field);

/* One function per concern, each in fw_rules_CONCERN.c. */
void fw_rules_names(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_ports(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_topology(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_dns(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_cert(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_tls(const struct fw_rule_ctx *, struct fw_findings *);
void fw_rules_stored(const struct fw_rule_ctx *, struct fw_findings *);

#endif

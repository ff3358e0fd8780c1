#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_resolve.h"
#include "fw_rules_int.h"
#include "fw_syntax.h"
#include "fw_util.h"

/*
 * Reverse DNS. IM and Presence checks incoming requests against its ACL by
 * the sender's name: an OCS server IP without a PTR record makes each check
 * wait for DNS ("incoming ACL check took over 2 seconds - check DNS"), and
 * users see delays of about 40 seconds (domain notes, from Cisco's
 * Interdomain Federation troubleshooting chapters).
 */

static int
name_listed(char **names, const char *fqdn)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		if (fw_strcaseeq(names[i], fqdn))
			return 1;
	}
	return 0;
}

static void
check_ptr(struct fw_resolver *res, const char *fqdn, const char *ip,
    const char *field, enum fw_severity missing, struct fw_findings *out)
{
	int step = fw_rules_field_step(field);
	char *norm = NULL, **names = NULL;

	if (ip == NULL || fw_syntax_ip(ip, &norm, NULL) != 0)
		return;		/* the names rule reports a bad address */
	switch (fw_resolver_lookup(res, norm, &names, NULL)) {
	case FW_RESOLVE_PENDING:
		fw_finding_add(out, FW_SEV_INFO, step, field, fqdn,
		    _("reverse lookup of %s…"), norm);
		break;
	case FW_RESOLVE_FAILED:
	case FW_RESOLVE_TIMEOUT:
		if (missing == FW_SEV_WARNING)
			fw_finding_add(out, missing, step, field, fqdn,
			    _("%s (%s) has no PTR record: IM and Presence's "
			    "incoming ACL checks will take over 2 seconds and "
			    "users will see delays of about 40 seconds; add a "
			    "PTR record for %s naming %s"), norm, fqdn, norm,
			    fqdn);
		else
			fw_finding_add(out, missing, step, field, fqdn,
			    _("%s (%s) has no PTR record; OCS logs and traces "
			    "will show the bare address"), norm, fqdn);
		break;
	case FW_RESOLVE_OK:
		if (fqdn != NULL && !name_listed(names, fqdn))
			fw_finding_add(out, FW_SEV_INFO, step, field, fqdn,
			    _("%s reverse-resolves to %s, not to %s as entered"),
			    norm, names[0], fqdn);
		break;
	}
	fw_strv_free(names);
	free(norm);
}

void
fw_rules_rdns(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	size_t i;

	if (ctx->reverse == NULL)
		return;
	for (i = 0; i < d->n_ocs_servers; i++)
		check_ptr(ctx->reverse, d->ocs_servers[i].fqdn,
		    d->ocs_servers[i].ip, "ocs_server", FW_SEV_WARNING, out);
	for (i = 0; i < d->n_imp_nodes; i++)
		check_ptr(ctx->reverse, d->imp_nodes[i].fqdn,
		    d->imp_nodes[i].ip, "imp_node", FW_SEV_INFO, out);
}

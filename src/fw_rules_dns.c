#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_resolve.h"
#include "fw_rules_int.h"
#include "fw_syntax.h"
#include "fw_util.h"

static char *
join_addrs(char **addrs)
{
	struct fw_strbuf sb;
	size_t i;

	fw_sb_init(&sb);
	for (i = 0; addrs[i] != NULL; i++)
		fw_sb_printf(&sb, "%s%s", i > 0 ? ", " : "", addrs[i]);
	return fw_sb_steal(&sb);
}

/* The entered address among the answers? Both sides in canonical form. */
static int
addr_listed(char **addrs, const char *ip)
{
	size_t i;

	for (i = 0; addrs[i] != NULL; i++) {
		if (strcmp(addrs[i], ip) == 0)
			return 1;
	}
	return 0;
}

/* Guide, Configure Static Routes on OCS, note: "Ensure that the FQDN
 * resolves to the IP address of the IM and Presence Service node". The
 * jump host may see another DNS view, so a different address is a
 * warning; no answer at all is an error. */
static void
check_host(struct fw_resolver *res, const char *fqdn, const char *ip,
    const char *field, struct fw_findings *out)
{
	int step = fw_rules_field_step(field);
	char *name = NULL, *norm_ip = NULL, *cause = NULL, *list;
	char **addrs = NULL;

	if (fqdn == NULL || fw_syntax_hostname(fqdn, &name, &cause) != 0)
		goto out;	/* the names rule reports it */
	switch (fw_resolver_lookup(res, name, &addrs, NULL)) {
	case FW_RESOLVE_PENDING:
		fw_finding_add(out, FW_SEV_INFO, step, field, name,
		    _("resolving %s…"), name);
		break;
	case FW_RESOLVE_FAILED:
		fw_finding_add(out, FW_SEV_ERROR, step, field, name,
		    _("%s does not resolve from this host; add its A record "
		    "in DNS (both sides must resolve it) or correct the "
		    "name"), name);
		break;
	case FW_RESOLVE_TIMEOUT:
		fw_finding_add(out, FW_SEV_ERROR, step, field, name,
		    _("%s: no DNS answer in time; check the DNS servers of "
		    "this host, or allow longer with --dns-timeout"), name);
		break;
	case FW_RESOLVE_OK:
		if (ip == NULL || fw_syntax_ip(ip, &norm_ip, NULL) != 0 ||
		    addr_listed(addrs, norm_ip))
			break;
		list = join_addrs(addrs);
		fw_finding_add(out, FW_SEV_WARNING, step, field, name,
		    _("%s resolves to %s here, but %s was entered; this host "
		    "may see another DNS view, yet both sides must reach %s "
		    "at its real address: correct the IP or the DNS record"),
		    name, list, norm_ip, name);
		free(list);
		break;
	}
out:
	fw_strv_free(addrs);
	free(name);
	free(norm_ip);
	free(cause);
}

/* Domain notes (Cisco's troubleshooting chapter): IM and Presence looks up
 * the Microsoft servers' addresses on incoming SIP; without PTR records
 * "incoming ACL check took over 2 seconds - check DNS" and messages wait
 * about 40 seconds. Another DNS view may answer otherwise: warnings only. */
static void
check_reverse(struct fw_resolver *res, const char *fqdn, const char *ip,
    const char *field, struct fw_findings *out)
{
	int step = fw_rules_field_step(field), ocs = strcmp(field,
	    "ocs_server") == 0;
	char *norm_ip = NULL, *name = NULL;
	char **names = NULL;

	if (fqdn == NULL || ip == NULL || fw_syntax_ip(ip, &norm_ip,
	    NULL) != 0 || fw_syntax_hostname(fqdn, &name, NULL) != 0)
		goto out;
	switch (fw_resolver_lookup(res, norm_ip, &names, NULL)) {
	case FW_RESOLVE_PENDING:
		break;
	case FW_RESOLVE_FAILED:
	case FW_RESOLVE_TIMEOUT:
		if (ocs)
			fw_finding_add(out, FW_SEV_WARNING, step, field, name,
			    _("%s (%s) has no reverse DNS (PTR) record here; IM "
			    "and Presence looks up OCS addresses on incoming SIP, "
			    "and without one its incoming ACL check takes over 2 "
			    "seconds (about 40-second delays): add the PTR "
			    "record"), norm_ip, name);
		else
			fw_finding_add(out, FW_SEV_INFO, step, field, name,
			    _("%s (%s) has no reverse DNS (PTR) record here; OCS "
			    "logs and traces will show the bare address"),
			    norm_ip, name);
		break;
	case FW_RESOLVE_OK:
		if (!fw_strcaseeq(names[0], name))
			fw_finding_add(out, FW_SEV_INFO, step, field,
			    name, _("%s reverses to %s, not to %s; fine if "
			    "that is the same server, else correct the PTR "
			    "record"), norm_ip, names[0], name);
		break;
	}
out:
	fw_strv_free(names);
	free(norm_ip);
	free(name);
}

void
fw_rules_dns(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	size_t i;

	if (ctx->resolver == NULL)
		return;
	for (i = 0; i < d->n_imp_nodes; i++) {
		check_host(ctx->resolver, d->imp_nodes[i].fqdn,
		    d->imp_nodes[i].ip, "imp_node", out);
		check_reverse(ctx->resolver, d->imp_nodes[i].fqdn,
		    d->imp_nodes[i].ip, "imp_node", out);
	}
	for (i = 0; i < d->n_ocs_servers; i++) {
		check_host(ctx->resolver, d->ocs_servers[i].fqdn,
		    d->ocs_servers[i].ip, "ocs_server", out);
		check_reverse(ctx->resolver, d->ocs_servers[i].fqdn,
		    d->ocs_servers[i].ip, "ocs_server", out);
	}
}

#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_rules_int.h"
#include "fw_syntax.h"
#include "fw_util.h"

/* The i-th name of a model list: lists differ in type, not in shape. */
static const char *
name_at(const void *base, size_t size, size_t off, size_t i)
{
	return *(char *const *)(const void *)((const char *)base + i * size +
	    off);
}

/* Syntax (RFC 1123 through fw_syntax) and duplicates within one list;
 * duplicates compare the normal form, so "A.example.com." equals
 * "a.example.com". */
static void
check_list(const char *field, const void *base, size_t n, size_t size,
    size_t off, struct fw_findings *out)
{
	const struct fw_field *f = fw_flow_find_field(field, NULL);
	const char *example = f != NULL && f->example != NULL ? f->example :
	    "example.com";
	int step = fw_rules_field_step(field);
	char **norm = xcalloc(n + 1, sizeof *norm);
	const char *name;
	char *cause = NULL;
	size_t i, j;

	for (i = 0; i < n; i++) {
		name = name_at(base, size, off, i);
		if (name == NULL || name[0] == '\0') {
			fw_finding_add(out, FW_SEV_ERROR, step, field, NULL,
			    _("an entry has no name; fill it in or delete the "
			    "entry"));
			continue;
		}
		if (fw_syntax_hostname(name, &norm[i], &cause) != 0) {
			/* The flow table's example, up to its first blank
			 * ("impa.cup.example.com 192.0.2.11"). */
			fw_finding_add(out, FW_SEV_ERROR, step, field, name,
			    _("%s; enter a host or domain name such as %.*s"),
			    cause, (int)strcspn(example, " "), example);
			free(cause);
			cause = NULL;
			continue;
		}
		for (j = 0; j < i; j++) {
			if (norm[j] != NULL && strcmp(norm[j], norm[i]) == 0) {
				fw_finding_add(out, FW_SEV_ERROR, step, field,
				    norm[i], _("%s is entered twice; delete "
				    "one of the entries"), norm[i]);
				break;
			}
		}
	}
	for (i = 0; i < n; i++)
		free(norm[i]);
	free(norm);
}

static void
check_ip(const char *ip, const char *owner, int step, const char *field,
    struct fw_findings *out)
{
	char *norm = NULL, *cause = NULL;

	if (ip == NULL || ip[0] == '\0') {
		fw_finding_add(out, FW_SEV_ERROR, step, field, owner,
		    _("%s has no IP address; enter it: host authorization on "
		    "OCS and the address checks need it"), owner);
		return;
	}
	if (fw_syntax_ip(ip, &norm, &cause) != 0)
		fw_finding_add(out, FW_SEV_ERROR, step, field, owner,
		    _("%s: %s; enter an IPv4 address such as 192.0.2.11"),
		    owner, cause);
	free(norm);
	free(cause);
}

/* The same address typed for two machines is almost always a typo. */
static void
check_ip_twice(const char **ips, const char **owners, size_t n,
    struct fw_findings *out, const int *steps, const char **fields)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (ips[i] == NULL || ips[i][0] == '\0')
			continue;
		for (j = 0; j < i; j++) {
			if (ips[j] == NULL || strcmp(ips[i], ips[j]) != 0)
				continue;
			fw_finding_add(out, FW_SEV_WARNING, steps[i],
			    fields[i], owners[i], _("%s has the same IP "
			    "address as %s (%s); check which one is right"),
			    owners[i], owners[j], ips[i]);
			break;
		}
	}
}

static void
check_ips(const struct fw_deployment *d, struct fw_findings *out)
{
	size_t n = d->n_imp_nodes + d->n_ocs_servers, i, k = 0;
	const char **ips = xcalloc(n + 1, sizeof *ips);
	const char **owners = xcalloc(n + 1, sizeof *owners);
	const char **fields = xcalloc(n + 1, sizeof *fields);
	int *steps = xcalloc(n + 1, sizeof *steps);

	for (i = 0; i < d->n_imp_nodes; i++, k++) {
		ips[k] = d->imp_nodes[i].ip;
		owners[k] = d->imp_nodes[i].fqdn;
		fields[k] = "imp_node";
		steps[k] = fw_rules_field_step("imp_node");
		check_ip(ips[k], owners[k], steps[k], fields[k], out);
	}
	for (i = 0; i < d->n_ocs_servers; i++, k++) {
		ips[k] = d->ocs_servers[i].ip;
		owners[k] = d->ocs_servers[i].fqdn;
		fields[k] = "ocs_server";
		steps[k] = fw_rules_field_step("ocs_server");
		check_ip(ips[k], owners[k], steps[k], fields[k], out);
	}
	check_ip_twice(ips, owners, n, out, steps, fields);
	free(ips);
	free(owners);
	free(fields);
	free(steps);
}

/* Interdomain federation joins two different domains: the guide's
 * "When the Microsoft server and IM and Presence Service domains are
 * different". Subdomains are fine (ocs.example.com beside example.com). */
static void
check_domains_differ(const struct fw_deployment *d, struct fw_findings *out)
{
	size_t i, j;

	for (i = 0; i < d->n_ocs_domains; i++) {
		for (j = 0; j < d->n_imp_domains; j++) {
			if (d->ocs_domains[i].name == NULL ||
			    d->imp_domains[j].name == NULL ||
			    !fw_strcaseeq(d->ocs_domains[i].name,
			    d->imp_domains[j].name))
				continue;
			fw_finding_add(out, FW_SEV_ERROR,
			    fw_rules_field_step("ocs_domain"), "ocs_domain",
			    d->ocs_domains[i].name, _("%s is both an IM and "
			    "Presence domain and an OCS domain; interdomain "
			    "federation needs two different domains (a "
			    "subdomain such as ocs.%s is fine): rename one"),
			    d->ocs_domains[i].name, d->imp_domains[j].name);
		}
	}
}

/* A machine entered on both sides cannot route to itself. */
static void
check_hosts_differ(const struct fw_deployment *d, struct fw_findings *out)
{
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		const char *fqdn = d->ocs_servers[i].fqdn;

		if (fqdn == NULL || fw_find_imp_node(d, fqdn) == NULL)
			continue;
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("ocs_server"), "ocs_server", fqdn,
		    _("%s is entered both as an IM and Presence node and as "
		    "an OCS server; correct one of them"), fqdn);
	}
}

void
fw_rules_names(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;

	check_list("imp_node", d->imp_nodes, d->n_imp_nodes,
	    sizeof *d->imp_nodes, offsetof(struct fw_imp_node, fqdn), out);
	check_list("imp_domain", d->imp_domains, d->n_imp_domains,
	    sizeof *d->imp_domains, offsetof(struct fw_imp_domain, name), out);
	check_list("ocs_domain", d->ocs_domains, d->n_ocs_domains,
	    sizeof *d->ocs_domains, offsetof(struct fw_ocs_domain, name), out);
	check_list("ocs_pool", d->ocs_pools, d->n_ocs_pools,
	    sizeof *d->ocs_pools, offsetof(struct fw_ocs_pool, fqdn), out);
	check_list("ocs_server", d->ocs_servers, d->n_ocs_servers,
	    sizeof *d->ocs_servers, offsetof(struct fw_ocs_server, fqdn), out);
	check_ips(d, out);
	check_domains_differ(d, out);
	check_hosts_differ(d, out);
}

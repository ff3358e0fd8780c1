#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_pattern.h"
#include "fw_rules_int.h"
#include "fw_util.h"

/* The least a federation needs: something on each side. */
static void
check_counts(const struct fw_deployment *d, struct fw_findings *out)
{
	if (d->n_imp_nodes == 0)
		fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step("imp_node"),
		    "imp_node", NULL, _("no IM and Presence node entered; add "
		    "every node of the cluster with its FQDN and IP"));
	if (d->n_imp_domains == 0)
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("imp_domain"), "imp_domain", NULL,
		    _("no IM and Presence domain entered; add the presence "
		    "domain(s) OCS must route to"));
	if (d->n_ocs_domains == 0)
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("ocs_domain"), "ocs_domain", NULL,
		    _("no OCS domain entered; add each Microsoft OCS domain "
		    "to federate with"));
	if (d->n_ocs_servers == 0)
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("ocs_server"), "ocs_server", NULL,
		    _("no OCS server entered; add the front end server each "
		    "OCS domain's static route points to"));
}

/* Guide, Configure Static Route on IM and Presence: "an individual static
 * route for each Microsoft server domain", backups "a lower priority ...
 * used only if the next hop address of the primary static route is
 * unreachable". */
static void
check_routes(const struct fw_deployment *d, struct fw_findings *out)
{
	int step = fw_rules_field_step("ocs_server");
	size_t i, j, primaries, backups;
	const char *name;
	char *pattern;

	for (i = 0; i < d->n_ocs_domains; i++) {
		name = d->ocs_domains[i].name;
		if (name == NULL)
			continue;
		primaries = backups = 0;
		for (j = 0; j < d->n_ocs_servers; j++) {
			if (!fw_strcaseeq(d->ocs_servers[j].domain, name))
				continue;
			/* A front end that is not a next hop (route none)
			 * makes no route at all. */
			if (d->ocs_servers[j].route == FW_ROUTE_PRIMARY)
				primaries++;
			else if (d->ocs_servers[j].route == FW_ROUTE_BACKUP)
				backups++;
		}
		pattern = fw_dest_pattern(name);
		if (primaries == 0 && backups > 0)
			fw_finding_add(out, FW_SEV_ERROR, step, "ocs_server",
			    name, _("OCS domain %s has backup routes but no "
			    "primary; a backup is used only when the primary "
			    "is unreachable: make one server the primary "
			    "(destination pattern %s)"), name, pattern);
		else if (primaries == 0)
			fw_finding_add(out, FW_SEV_ERROR, step, "ocs_server",
			    name, _("OCS domain %s has no static route; add "
			    "the front end server it routes to as primary "
			    "(destination pattern %s)"), name, pattern);
		else if (primaries > 1)
			fw_finding_add(out, FW_SEV_WARNING, step, "ocs_server",
			    name, _("OCS domain %s has %zu primary routes at "
			    "the same priority; keep one primary and make the "
			    "others backups at lower priority"), name,
			    primaries);
		free(pattern);
	}
}

/* References between entries: a server's domain and pool, a domain's
 * route_to. The answers file checks these too; the wizard may not. */
static void
check_references(const struct fw_deployment *d, struct fw_findings *out)
{
	int step = fw_rules_field_step("ocs_server");
	const struct fw_ocs_server *s;
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (s->fqdn == NULL)
			continue;
		if (s->domain == NULL || fw_find_ocs_domain(d, s->domain) ==
		    NULL)
			fw_finding_add(out, FW_SEV_ERROR, step, "ocs_server",
			    s->fqdn, _("OCS server %s belongs to %s, which is "
			    "not an OCS domain of step 1; pick one of the OCS "
			    "domains or add it"), s->fqdn, s->domain != NULL ?
			    s->domain : _("no domain"));
		if (d->edition != FW_EDITION_ENTERPRISE)
			continue;
		/* Guide: "For Enterprise Edition, configure static routes
		 * on all pools". */
		if (s->pool == NULL)
			fw_finding_add(out, FW_SEV_ERROR, step, "ocs_server",
			    s->fqdn, _("OCS server %s is in no pool; with "
			    "Enterprise Edition every front end server belongs "
			    "to a pool: choose its pool"), s->fqdn);
		else if (fw_find_ocs_pool(d, s->pool) == NULL)
			fw_finding_add(out, FW_SEV_ERROR, step, "ocs_server",
			    s->fqdn, _("OCS server %s is in pool %s, which is "
			    "not declared; add the pool or choose another"),
			    s->fqdn, s->pool);
	}
	for (i = 0; i < d->n_imp_domains; i++) {
		const struct fw_imp_domain *dom = &d->imp_domains[i];

		if (dom->route_to != NULL && dom->name != NULL &&
		    fw_find_imp_node(d, dom->route_to) == NULL)
			fw_finding_add(out, FW_SEV_ERROR, FW_STEP_OCS_ROUTES,
			    "imp_domain", dom->name, _("OCS routes for %s "
			    "point to %s, which is not an IM and Presence "
			    "node; choose one of the nodes"), dom->name,
			    dom->route_to);
	}
}

static void
check_pools(const struct fw_deployment *d, struct fw_findings *out)
{
	int step = fw_rules_field_step("ocs_pool");
	size_t i, j, n;

	if (d->edition != FW_EDITION_ENTERPRISE)
		return;
	if (d->n_ocs_pools == 0 && d->n_ocs_servers > 0)
		fw_finding_add(out, FW_SEV_ERROR, step, "ocs_pool", NULL,
		    _("Enterprise Edition without a pool; add the pool(s) "
		    "the front end servers belong to, or choose Standard "
		    "Edition in step 0"));
	for (i = 0; i < d->n_ocs_pools; i++) {
		for (j = n = 0; j < d->n_ocs_servers; j++)
			n += fw_strcaseeq(d->ocs_servers[j].pool,
			    d->ocs_pools[i].fqdn);
		if (n == 0 && d->ocs_pools[i].fqdn != NULL)
			fw_finding_add(out, FW_SEV_WARNING, step, "ocs_pool",
			    d->ocs_pools[i].fqdn, _("pool %s has no front end "
			    "server; add its servers or delete the pool"),
			    d->ocs_pools[i].fqdn);
	}
}

/* A Lync/SfB topology (fw_model.h) is a Lync or SfB domain's: an OCS
 * 2007 R2 domain has none, and one pool's front ends share theirs. */
static void
check_lync_topologies(const struct fw_deployment *d,
    struct fw_findings *out)
{
	const struct fw_ocs_domain *od;
	const char *first, *t = NULL;
	size_t i, j;

	for (i = 0; i < d->n_ocs_domains; i++) {
		od = &d->ocs_domains[i];
		if (od->topology != NULL && od->name != NULL &&
		    !fw_microsoft_is_lync(fw_ocs_domain_microsoft(d, od)))
			fw_finding_add(out, FW_SEV_WARNING,
			    fw_rules_field_step("ocs_domain"), "ocs_domain",
			    od->name, _("%s runs OCS 2007 R2, which has no Lync "
			    "topology: its topology %s is not used; clear it"),
			    od->name, od->topology);
	}
	for (i = 0; i < d->n_ocs_pools; i++) {
		first = NULL;
		for (j = 0; j < d->n_ocs_servers; j++) {
			if (!fw_strcaseeq(d->ocs_servers[j].pool,
			    d->ocs_pools[i].fqdn))
				continue;
			t = fw_ocs_server_topology(d, &d->ocs_servers[j]);
			if (first == NULL)
				first = t;
			else if (strcmp(first, t) != 0)
				break;
		}
		if (j < d->n_ocs_servers)
			fw_finding_add(out, FW_SEV_ERROR,
			    fw_rules_field_step("ocs_pool"), "ocs_pool",
			    d->ocs_pools[i].fqdn, _("pool %s has front ends of "
			    "the topologies %s and %s; a pool belongs to one "
			    "topology: give their OCS domains the same one"),
			    d->ocs_pools[i].fqdn, first, t);
	}
}

/* Answers the model never takes together, as stored behind its back. */
static void
check_refused(const struct fw_deployment *d, struct fw_findings *out)
{
	char *why = NULL;

	if (fw_deployment_refused(d, &why) == 0)
		return;
	fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step("transport"),
	    "transport", NULL, "%s", why);
	free(why);
}

void
fw_rules_topology(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	check_refused(ctx->d, out);
	check_counts(ctx->d, out);
	check_routes(ctx->d, out);
	check_references(ctx->d, out);
	check_pools(ctx->d, out);
	check_lync_topologies(ctx->d, out);
}

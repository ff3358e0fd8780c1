#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_checklist.h"
#include "fw_checklist_build.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_ps_quote.h"
#include "fw_util.h"

/* Looked up once per build (fw_checklist_build.h). */
#undef _
#define _(s) fw_cl_tr(b, (s))

/*
 * The Lync and Skype for Business side of the checklist, as Management
 * Shell commands (Cisco, Interdomain Federation 12.5(1)SU3, "Interdomain
 * Federation to Microsoft Lync"; Microsoft's cmdlet reference; domain
 * notes). Static routes and the trusted application pool belong to the
 * topology (one Central Management Store), not to a pool: they go once
 * per topology, whichever products its pools run (a Lync 2013 pool and
 * an SfB 2015 one in one topology share them). Every
 * value fedwiz knows is quoted by fw_ps_quote(); what it cannot know is a
 * <placeholder>, which PowerShell refuses to run unfilled ('<' is
 * reserved), with a note saying where to find it.
 */

#define PH_POOL "<trusted pool FQDN>"
#define PH_SITE "<SiteId>"
#define PH_APP "<application id>"
#define PH_REGISTRAR "<registrar pool FQDN>"

/* A topology's products, for what depends on them. */
struct topology {
	const char *name;
	enum fw_microsoft products[FW_MICROSOFT_COUNT];
	size_t n_products;
};

static int
runs(const struct topology *t, enum fw_microsoft m)
{
	size_t i;

	for (i = 0; i < t->n_products; i++) {
		if (t->products[i] == m)
			return 1;
	}
	return 0;
}

/* The pool (Enterprise) or Standard Edition server the first primary
 * Lync/SfB next hop of the topology belongs to: the registrar of the
 * trusted pool. NULL when there is none. */
static const char *
registrar(const struct fw_deployment *d, const struct topology *t)
{
	const struct fw_ocs_server *s, *first = NULL;
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (!fw_microsoft_is_lync(fw_ocs_server_microsoft(d, s)) ||
		    strcmp(fw_ocs_server_topology(d, s), t->name) != 0)
			continue;
		if (first == NULL || (first->route != FW_ROUTE_PRIMARY &&
		    s->route == FW_ROUTE_PRIMARY))
			first = s;
	}
	if (first == NULL)
		return NULL;
	if (d->edition == FW_EDITION_ENTERPRISE && first->pool != NULL)
		return first->pool;
	return first->fqdn;
}

/* One static route per IM and Presence domain, to its routing node. */
static void
add_routes(struct fw_cl_builder *b, const struct topology *t,
    const char *where)
{
	/* Domain notes (L125): Lync 2013's static routes failed now and
	 * then until its January 2017 cumulative update. */
	const char *cu = runs(t, FW_MICROSOFT_LYNC2013) ? _(" Lync Server 2013 "
	    "before CU 5.0.8308.984 (January 2017) drops static routes now "
	    "and then: update it first.") : "";
	const struct fw_deployment *d = b->d;
	const char *port_wrong = fw_cl_wrong(b, -1, "peer_auth_port", NULL);
	const char *wrong;
	const struct fw_imp_node *n;
	struct fw_strbuf cmd;
	char *id;
	size_t i;

	fw_sb_init(&cmd);
	for (i = 0; i < d->n_imp_domains; i++) {
		const char *dom = d->imp_domains[i].name;

		n = fw_imp_domain_target(d, &d->imp_domains[i]);
		wrong = fw_cl_wrong(b, 0, "imp_domain", dom);
		if (wrong == NULL)
			wrong = fw_cl_wrong(b, 3, "imp_domain", dom);
		if (wrong == NULL && n != NULL)
			wrong = fw_cl_wrong(b, -1, "imp_node", n->fqdn);
		if (wrong == NULL)
			wrong = port_wrong;
		cmd.len = 0;
		fw_sb_add(&cmd, "$r = New-CsStaticRoute -TLSRoute -Destination ");
		fw_ps_quote(&cmd, n != NULL ? n->fqdn : "");
		fw_sb_printf(&cmd, " -Port %d -UseDefaultCertificate $true "
		    "-MatchUri ", d->peer_auth_port);
		fw_ps_quote(&cmd, dom);
		id = xasprintf(FW_ITEM_LYNC_ROUTE_FMT, t->name, dom);
		fw_cl_item(b, id, 3, where, _("Add the TLS static route for "
		    "%s"), dom);
		fw_cl_field_as(b, "command", _("Command"), n != NULL ? cmd.buf :
		    NULL, wrong);
		fw_cl_fixed(b, _("Then"), "Set-CsStaticRoutingConfiguration "
		    "-Identity global -Route @{Add=$r}");
		fw_cl_fixed(b, _("Check"), "Get-CsStaticRoutingConfiguration | "
		    "Select-Object -ExpandProperty Route");
		if (n != NULL && wrong == NULL)
			fw_cl_note(b, _("%s must resolve from the Microsoft "
			    "servers and match the CN of its cup certificate; "
			    "%s need not resolve. One route per matching "
			    "URI.%s"), n->fqdn, dom, cu);
		free(id);
	}
	free(cmd.buf);
}

/* Where fedwiz took several domains for one topology without being told
 * (none named one), the pool's note says so: separate deployments need
 * their own pool and routes. "" or a sentence and a space (free()). */
static char *
assumed(struct fw_cl_builder *b, const struct topology *t)
{
	const struct fw_deployment *d = b->d;
	struct fw_strbuf names;
	char *s = NULL;
	size_t i, n = 0;

	if (strcmp(t->name, FW_TOPOLOGY_DEFAULT) != 0)
		return xstrdup("");
	fw_sb_init(&names);
	for (i = 0; i < d->n_ocs_domains; i++) {
		if (d->ocs_domains[i].topology != NULL ||
		    !fw_microsoft_is_lync(fw_ocs_domain_microsoft(d,
		    &d->ocs_domains[i])))
			continue;
		if (n++ > 0)
			fw_sb_add(&names, ", ");
		fw_sb_add(&names, d->ocs_domains[i].name);
	}
	if (n > 1)
		s = xasprintf(_("fedwiz takes %s for one topology (one Central "
		    "Management Store), as step 1 names none; separate "
		    "deployments need a topology each there, for their own pool "
		    "and routes. "), names.buf);
	free(names.buf);
	return s != NULL ? s : xstrdup("");
}

/* New-CsTrustedApplicationPool with the routing node as its computer. */
static void
add_pool(struct fw_cl_builder *b, const struct topology *t,
    const char *where, const struct fw_imp_node *first)
{
	const char *reg = registrar(b->d, t), *caveat;
	char *one = assumed(b, t);
	struct fw_strbuf cmd;
	char *id = xasprintf(FW_ITEM_LYNC_POOL_FMT, t->name);

	fw_sb_init(&cmd);
	fw_sb_add(&cmd, "New-CsTrustedApplicationPool -Identity " PH_POOL
	    " -Registrar ");
	if (reg != NULL)
		fw_ps_quote(&cmd, reg);
	else
		fw_sb_add(&cmd, PH_REGISTRAR);
	fw_sb_add(&cmd, " -Site " PH_SITE " -TreatAsAuthenticated $true "
	    "-ThrottleAsServer $true -RequiresReplication $false "
	    "-OutboundOnly $false -ComputerFqdn ");
	fw_ps_quote(&cmd, first != NULL ? first->fqdn : "");
	fw_cl_item(b, id, 5, where, _("Create the trusted application pool "
	    "of the IM and Presence nodes"));
	fw_cl_field_as(b, "command", _("Command"), first != NULL ? cmd.buf :
	    NULL, first != NULL ? fw_cl_wrong(b, -1, "imp_node", first->fqdn) :
	    NULL);
	/* Domain notes: Cisco supports Lync 2010/2013 and SfB 2015 (P125),
	 * documents SfB through Expressway (S14) and says nothing of 2019 or
	 * Subscription Edition. */
	if (runs(t, FW_MICROSOFT_SFB2019) || runs(t, FW_MICROSOFT_SFBSE))
		caveat = _("Cisco's guides name Lync Server 2010 and 2013 and "
		    "Skype for Business Server 2015 (through Expressway in "
		    "release 14); no Cisco statement on 2019 or Subscription "
		    "Edition was found, the cmdlets are the same. ");
	else if (runs(t, FW_MICROSOFT_SFB2015))
		caveat = _("Cisco's release 14 guide documents Skype for "
		    "Business through Expressway; these are the steps of "
		    "Cisco's Lync chapter (12.5) for direct federation. ");
	else
		caveat = "";
	/* TRANSLATORS: <trusted pool FQDN> and <SiteId> stand in the
	 * command as they are: keep them untranslated. */
	fw_cl_note(b, "%s%s%s", one, caveat, _("Fill in what fedwiz cannot know: "
	    "<trusted pool "
	    "FQDN>, a new FQDN you choose for the pool (Cisco's example: "
	    "trustedpool.sip.com; warnings that it is not found in AD are "
	    "expected); <SiteId>, the numeric SiteId of the registrar's site "
	    "(Get-CsSite). The registrar is the pool IM and Presence routes "
	    "to (Get-CsPool). Topology Builder does the same: Trusted "
	    "application servers > New Trusted Application Pool, then publish "
	    "the topology."));
	free(one);
	free(cmd.buf);
	free(id);
}

/* The other nodes join the pool, in routing-first order. */
static void
add_computers(struct fw_cl_builder *b, const char *topo, const char *where,
    const struct fw_imp_node *const *nodes, size_t n)
{
	struct fw_strbuf cmd;
	char *id;
	size_t i;

	fw_sb_init(&cmd);
	for (i = 1; i < n; i++) {
		cmd.len = 0;
		fw_sb_add(&cmd, "New-CsTrustedApplicationComputer -Identity ");
		fw_ps_quote(&cmd, nodes[i]->fqdn);
		fw_sb_add(&cmd, " -Pool " PH_POOL);
		id = xasprintf(FW_ITEM_LYNC_COMPUTER_FMT, topo,
		    nodes[i]->fqdn);
		fw_cl_item(b, id, 5, where, _("Add %s to the trusted "
		    "application pool"), nodes[i]->fqdn);
		fw_cl_field_as(b, "command", _("Command"), cmd.buf,
		    fw_cl_wrong(b, -1, "imp_node", nodes[i]->fqdn));
		free(id);
	}
	free(cmd.buf);
}

/* The trusted application on the Peer Auth port, then the topology. */
static void
add_application(struct fw_cl_builder *b, const char *topo, const char *where,
    const struct fw_imp_node *const *nodes, size_t n)
{
	const struct fw_deployment *d = b->d;
	struct fw_strbuf cmd;
	char *id;
	size_t i;

	fw_sb_init(&cmd);
	fw_sb_printf(&cmd, "New-CsTrustedApplication -ApplicationId " PH_APP
	    " -TrustedApplicationPoolFqdn " PH_POOL " -Port %d",
	    d->peer_auth_port);
	id = xasprintf(FW_ITEM_LYNC_APP_FMT, topo);
	fw_cl_item(b, id, 5, where, _("Create the trusted application"));
	fw_cl_field_as(b, "command", _("Command"), cmd.buf,
	    fw_cl_wrong(b, -1, "peer_auth_port", NULL));
	/* TRANSLATORS: keep <application id> and <trusted pool FQDN>. */
	fw_cl_note(b, _("<application id>: a name you choose (Cisco's "
	    "example: imptrustedapp.sip.com); <trusted pool FQDN> as in the "
	    "pool. No -EnableTcp: TLS only. The port is the Peer Auth "
	    "listener's."));
	free(id);

	id = xasprintf("lync.%s.topology", topo);
	fw_cl_item(b, id, 5, where, _("Publish the topology"));
	fw_cl_fixed(b, _("Command"), "Enable-CsTopology");
	/* Publishing again is due when the pool's computers change. */
	for (i = 0; i < n; i++)
		fw_cl_depends(b, "node", nodes[i]->fqdn);
	fw_cl_depends(b, "port", cmd.buf);
	free(cmd.buf);
	free(id);
}

/* The Control Panel's public provider for each IM and Presence domain. */
static void
add_providers(struct fw_cl_builder *b, const char *topo)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_place(b, "lync_control_panel", NULL), *id;
	size_t i;

	for (i = 0; i < d->n_imp_domains; i++) {
		const char *dom = d->imp_domains[i].name;

		id = xasprintf("lync.%s.provider.%s", topo, dom);
		fw_cl_item(b, id, 5, where, _("Add %s as a public provider"),
		    dom);
		fw_cl_field_as(b, "provider", _("Provider name"), dom,
		    fw_cl_wrong(b, 0, "imp_domain", dom));
		fw_cl_fixed(b, _("Verification level"),
		    "Allow all communications with this provider");
		fw_cl_note(b, _("Cisco's Lync chapter (12.5) names the "
		    "provider and its verification level only; for the other "
		    "fields of the page, see Cisco's guide for your release."));
		free(id);
	}
	free(where);
}

/* "Lync Server 2013 and Skype for Business Server 2015 topology", named
 * when the admin named it (free()). */
static char *
group_role(struct fw_cl_builder *b, const struct topology *t)
{
	struct fw_strbuf products;
	size_t i;
	char *role;

	fw_sb_init(&products);
	for (i = 0; i < t->n_products; i++) {
		/* TRANSLATORS: joins the products of one topology. */
		if (i > 0)
			fw_sb_add(&products, _(" and "));
		fw_sb_add(&products, fw_microsoft_product(t->products[i]));
	}
	role = strcmp(t->name, FW_TOPOLOGY_DEFAULT) == 0 ?
	    xasprintf(_("%s topology (Management Shell)"), products.buf) :
	    /* TRANSLATORS: the products, then the topology's name. */
	    xasprintf(_("%s topology %s (Management Shell)"), products.buf,
	    t->name);
	free(products.buf);
	return role;
}

void
fw_checklist_add_lync(struct fw_cl_builder *b, const char *topology)
{
	const struct fw_deployment *d = b->d;
	const struct fw_imp_node **nodes = NULL;
	struct topology t;
	enum fw_microsoft m;
	char *role, *where;
	size_t n;

	t.name = topology;
	t.n_products = fw_topology_products(d, topology, t.products);
	if (t.n_products == 0)
		return;
	/* Every Lync/SfB product has the same forms of steps 3 and 5. */
	m = t.products[0];
	role = group_role(b, &t);
	fw_cl_group(b, role, NULL, NULL);
	free(role);
	where = fw_cl_where_kind(b, 3, m, NULL, NULL);
	if (fw_flow_applies_to(fw_flow_step_kind(3, m)->applies, d, m))
		add_routes(b, &t, where);
	free(where);
	if (!fw_flow_applies_to(fw_flow_step_kind(5, m)->applies, d, m))
		return;
	n = fw_imp_nodes_routing_first(d, &nodes);
	where = fw_cl_where_kind(b, 5, m, NULL, NULL);
	add_pool(b, &t, where, n > 0 ? nodes[0] : NULL);
	add_computers(b, topology, where, nodes, n);
	add_application(b, topology, where, nodes, n);
	free(where);
	add_providers(b, topology);
	free(nodes);
}

/* Step 6 on a Lync front end: its default certificate. */
void
fw_checklist_add_lync_cert(struct fw_cl_builder *b,
    const struct fw_ocs_server *s, enum fw_microsoft m)
{
	char *where = fw_cl_where_kind(b, 6, m, NULL, NULL);
	char *id = xasprintf(FW_ITEM_LYNC_CERT_FMT, s->fqdn);
	int known;

	fw_cl_item(b, id, 6, where, _("Check the default certificate of %s"),
	    s->fqdn);
	fw_cl_fixed(b, _("Command"), "Get-CsCertificate -Type Default");
	known = fw_cl_server_cert_fields(b, s, _("the Microsoft CA that IM "
	    "and Presence trusts as cup-trust"));
	fw_cl_note(b, known ? _("Run it on %s. A certificate without Client "
	    "Authentication: request one with Request-CsCertificate "
	    "-ClientEku $true, or from a CA template with both EKUs. The "
	    "server must also trust the IM and Presence CA root (Trusted Root "
	    "Certification Authorities); ms-diagnostics 1047 says it does "
	    "not.") : _("Run it on %s. No certificate of it is known: it must "
	    "be issued to its FQDN (or name it as a SAN). A certificate "
	    "without Client Authentication: request one with "
	    "Request-CsCertificate -ClientEku $true, or from a CA template "
	    "with both EKUs. The server must also trust the IM and Presence CA "
	    "root (Trusted Root Certification Authorities); ms-diagnostics "
	    "1047 says it does not."), s->fqdn);
	free(id);
	free(where);
}

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_checklist_build.h"
#include "fw_confirm.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_util.h"

/* Looked up once per build (fw_checklist_build.h). */
#undef _
#define _(s) fw_cl_tr(b, (s))

/*
 * The OCS side of the checklist. Static routes and host authorization go
 * on every Standard Edition server or every Enterprise pool (guide, notes
 * of steps 3 and 5); the listener, the certificate, FIPS and the trust
 * store are set on each front end server itself.
 */

#define OCS_TRANSPORT(d) ((d)->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP")

/* The port OCS routes to: under TLS the Peer Auth listener, which the
 * guide requires to equal the route's port; under TCP 5060. */
static int
route_port(const struct fw_deployment *d)
{
	return d->transport == FW_TRANSPORT_TLS ? d->peer_auth_port :
	    fw_transport_port(d->transport);
}

/* Each IM and Presence domain's next hop, found once: every pool or
 * server routes to the same ones, and finding a node is a search of all
 * of them (free()). */
static const struct fw_imp_node **
domain_targets(const struct fw_deployment *d)
{
	const struct fw_imp_node **t = xcalloc(d->n_imp_domains + 1,
	    sizeof *t);
	size_t i;

	for (i = 0; i < d->n_imp_domains; i++)
		t[i] = fw_imp_domain_target(d, &d->imp_domains[i]);
	return t;
}

/* Step 3: a static route per IM and Presence domain on host; targets from
 * domain_targets(). */
static void
add_routes(struct fw_cl_builder *b, const char *host,
    const struct fw_imp_node *const *targets)
{
	const struct fw_deployment *d = b->d;
	int tls = d->transport == FW_TRANSPORT_TLS;
	const struct fw_imp_node *n;
	char *where = fw_cl_where_step(b, 3, host, _("Add")), *id;
	/* Under TLS the port is the Peer Auth listener's. */
	const char *port_wrong = tls ? fw_cl_wrong(b, -1, "peer_auth_port",
	    NULL) : NULL;
	const char *dom_wrong, *hop_wrong;
	char port[16];
	size_t i;

	snprintf(port, sizeof port, "%d", route_port(d));
	for (i = 0; i < d->n_imp_domains; i++) {
		const char *dom = d->imp_domains[i].name;

		n = targets[i];
		/* The domain's name is step 0's, the node it routes to
		 * this step's. */
		dom_wrong = fw_cl_wrong(b, 0, "imp_domain", dom);
		hop_wrong = fw_cl_wrong(b, 3, "imp_domain", dom);
		if (hop_wrong == NULL && n != NULL)
			hop_wrong = fw_cl_wrong(b, -1, "imp_node", n->fqdn);
		id = xasprintf("ocs.%s.route.%s", host, dom);
		fw_cl_item(b, id, 3, where, _("Add the static route for %s"),
		    dom);
		fw_cl_field_as(b, "domain", _("Domain"), dom, dom_wrong);
		fw_cl_box(b, "phone_uri", _("Phone URI"), 0);
		fw_cl_fixed(b, _("Next Hop Transport"), OCS_TRANSPORT(d));
		fw_cl_field_as(b, "port", _("Next Hop Port"), port, port_wrong);
		fw_cl_field_as(b, "next_hop", tls ? _("Next Hop FQDN") :
		    _("Next Hop IP Address"), n == NULL ? NULL :
		    tls ? n->fqdn : n->ip, hop_wrong);
		fw_cl_box(b, "replace_host", _("Replace host in request URI"),
		    0);
		fw_cl_depends(b, "transport", OCS_TRANSPORT(d));
		/* Domain notes: the guide's "IP address ... as the FQDN" is
		 * a slip; its own note asks for a resolvable FQDN. */
		if (tls && n != NULL && hop_wrong == NULL)
			fw_cl_note(b, _("%s must resolve, from the OCS server, "
			    "to %s. Click OK twice."), n->fqdn, n->ip);
		else
			fw_cl_note(b, _("Click OK twice."));
		free(id);
	}
	free(where);
}

/* id holds "ocs.HOST.hostauth." on entry, as it does on return. */
static void
add_host_auth_entry(struct fw_cl_builder *b, const char *where,
    struct fw_strbuf *id, const struct fw_imp_node *n, int by_fqdn)
{
	const char *wrong = fw_cl_wrong(b, -1, "imp_node", n->fqdn);
	size_t prefix = id->len;

	fw_sb_add(id, n->fqdn);
	fw_sb_add(id, by_fqdn ? ".fqdn" : ".ip");
	fw_cl_item(b, id->buf, 5, where, by_fqdn ?
	    _("Authorize %s by its FQDN") : _("Authorize %s by its IP "
	    "address"), n->fqdn);
	if (by_fqdn)
		fw_cl_field_as(b, "fqdn", _("FQDN"), n->fqdn, wrong);
	else
		fw_cl_field_as(b, "ip", _("IP"), n->ip, wrong);
	fw_cl_box(b, "outbound_only", _("Outbound Only"), 0);
	fw_cl_box(b, "throttle", _("Throttle as Server"), 1);
	fw_cl_box(b, "treat_auth", _("Treat as Authenticated"), 1);
	fw_cl_note(b, _("Click OK."));
	id->len = prefix;
	id->buf[prefix] = '\0';
}

/* Step 5: each IM and Presence node by IP, and under TLS by FQDN too,
 * the FQDN entry first as the guide lists them. The ids share their
 * start: one buffer serves them all (a large deployment has 20,000). */
static void
add_host_auth(struct fw_cl_builder *b, const char *host)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_step(b, 5, host, _("Add"));
	struct fw_strbuf id;
	size_t i;

	fw_sb_init(&id);
	fw_sb_printf(&id, "ocs.%s.hostauth.", host);
	for (i = 0; i < d->n_imp_nodes; i++) {
		if (d->transport == FW_TRANSPORT_TLS)
			add_host_auth_entry(b, where, &id, &d->imp_nodes[i],
			    1);
		add_host_auth_entry(b, where, &id, &d->imp_nodes[i], 0);
	}
	free(id.buf);
	free(where);
}

int
fw_cl_server_cert_fields(struct fw_cl_builder *b,
    const struct fw_ocs_server *s, const char *unknown_ca)
{
	const struct fw_cert *cert = fw_server_cert(b->d, s, FW_CERT_OCS_CERT,
	    NULL);
	const struct fw_cert *ca = fw_server_cert(b->d, s, FW_CERT_OCS_CA,
	    NULL);
	char *cn = fw_cl_cert_name(cert);
	int known = cn != NULL;

	if (known) {
		fw_cl_field(b, "cn", _("Issued to (Subject CN)"), cn);
		fw_cl_field(b, "file", _("Certificate"), cert->source);
		fw_cl_depends(b, "sha256", cert->sha256);
	} else {
		fw_cl_field_as(b, "cn", _("Issued to (Subject CN)"), s->fqdn,
		    NULL);
	}
	fw_cl_fixed(b, _("Enhanced Key Usage"),
	    _("Server Authentication and Client Authentication"));
	fw_cl_field_as(b, "ca", _("Issued by"), ca ? ca->sha256 : NULL,
	    ca != NULL && ca->source != NULL ? ca->source : unknown_ca);
	free(cn);
	return known;
}

/* Step 6: the front end's certificate (TLS): the one given for it (its
 * own, its pool's or the project's), else what it must be issued to. */
static void
add_certificate(struct fw_cl_builder *b, const struct fw_ocs_server *s)
{
	char *where = fw_cl_where_step(b, 6, s->fqdn, _("Select Certificate"));
	char *id = xasprintf("ocs.%s.cert", s->fqdn);

	fw_cl_item(b, id, 6, where, _("Select the certificate of %s"),
	    s->fqdn);
	if (fw_cl_server_cert_fields(b, s, _("the OCS CA that IM and "
	    "Presence trusts as cup-trust")))
		fw_cl_note(b, _("The OCS certificate wizard's own requests "
		    "hold Server Authentication only: check the EKU before "
		    "selecting."));
	else
		fw_cl_note(b, _("No certificate of %s is known: it must be "
		    "issued to its FQDN (or name it as a SAN). The OCS "
		    "certificate wizard's own requests hold Server "
		    "Authentication only: check the EKU before selecting."),
		    s->fqdn);
	free(id);
	free(where);
}

/* Step 7: the front end listens for the transport's port. */
static void
add_listener(struct fw_cl_builder *b, const struct fw_ocs_server *s)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_step(b, 7, s->fqdn, _("Connections"));
	char *id = xasprintf("ocs.%s.listener", s->fqdn);

	fw_cl_item(b, id, 7, where, _("Check that %s listens on %d/%s"),
	    s->fqdn, fw_transport_port(d->transport), OCS_TRANSPORT(d));
	fw_cl_fixed(b, _("IP Address"), _("All"));
	fw_cl_field_int(b, "port", _("Port"), fw_transport_port(d->transport));
	fw_cl_field(b, "transport", _("Transport"), OCS_TRANSPORT(d));
	if (d->transport == FW_TRANSPORT_TLS)
		fw_cl_note(b, _("Not listed? Click Add. MTLS serves as well "
		    "as TLS."));
	else
		fw_cl_note(b, _("Not listed? Click Add."));
	free(id);
	free(where);
}

/* Step 8: FIPS, the IM and Presence CA in the trust store, a restart. */
static void
add_fips(struct fw_cl_builder *b, const struct fw_ocs_server *s)
{
	const struct fw_cert *ca = &b->d->certs[FW_CERT_IMP_CA];
	char *where, *id;

	where = fw_cl_where_step(b, 8, NULL, NULL);
	id = xasprintf(FW_ITEM_FIPS_FMT, s->fqdn);
	fw_cl_item(b, id, 8, where, _("Enable FIPS on %s"), s->fqdn);
	fw_cl_fixed(b, _("System cryptography: Use FIPS compliant algorithms "
	    "for encryption, hashing and signing"), _("Enabled"));
	free(id);
	free(where);

	where = fw_cl_where_place(b, "ocs_trust", NULL);
	id = xasprintf("ocs.%s.trust", s->fqdn);
	fw_cl_item(b, id, 8, where, _("Import the IM and Presence CA root "
	    "into the trust store of %s"), s->fqdn);
	fw_cl_field_as(b, "file", _("Certificate"), ca->source,
	    ca->source != NULL ? NULL :
	    _("the IM and Presence CA root certificate"));
	if (ca->sha256 != NULL)
		fw_cl_field(b, "sha256", _("SHA-256"), ca->sha256);
	else
		fw_cl_depends(b, "sha256", NULL);
	free(id);
	free(where);

	where = fw_cl_where_place(b, "ocs_services", NULL);
	id = xasprintf("ocs.%s.restart", s->fqdn);
	fw_cl_item(b, id, 8, where, _("Restart OCS on %s"), s->fqdn);
	fw_cl_depends(b, "imp_ca", ca->sha256);
	fw_cl_note(b, _("FIPS and the new trust take effect after the "
	    "restart."));
	free(id);
	free(where);
}

/* Whether step n (as done on a server running m) applies to it. */
static int
step_applies(const struct fw_cl_builder *b, int n, enum fw_microsoft m)
{
	return fw_flow_applies_to(fw_flow_step_kind(n, m)->applies, b->d, m);
}

/* What is set on the front end itself, in the guide's order; which of it
 * applies is the flow table's (a Lync front end has its default
 * certificate checked, no listener and no FIPS step). */
static void
add_front_end(struct fw_cl_builder *b, const struct fw_ocs_server *s,
    enum fw_microsoft m)
{
	if (step_applies(b, 6, m)) {
		if (fw_microsoft_is_lync(m))
			fw_checklist_add_lync_cert(b, s, m);
		else
			add_certificate(b, s);
	}
	if (step_applies(b, 7, m))
		add_listener(b, s);
	if (step_applies(b, 8, m))
		add_fips(b, s);
}

/* The routes and host authorization of a Standard Edition server or an
 * Enterprise pool: OCS's own; Lync's are the topology's. */
static void
add_routing(struct fw_cl_builder *b, const char *host, enum fw_microsoft m,
    const struct fw_imp_node *const *targets)
{
	if (fw_microsoft_is_lync(m))
		return;
	if (step_applies(b, 3, m))
		add_routes(b, host, targets);
	if (step_applies(b, 5, m))
		add_host_auth(b, host);
}

/* The role of a group of a server or pool running m: ocs as it is, or
 * lync (a format naming the product) filled in. */
#define ROLE(m, ocs, lync) (fw_microsoft_is_lync(m) ? \
	xasprintf((lync), fw_microsoft_product(m)) : xstrdup(ocs))

/* Which servers a group holds: those running m, and for Lync/SfB those
 * of one topology (NULL: OCS 2007 R2, which has none). */
struct kind {
	enum fw_microsoft m;
	const char *topology;
};

static int
server_in(const struct fw_deployment *d, const struct fw_ocs_server *s,
    const struct kind *k)
{
	return fw_ocs_server_microsoft(d, s) == k->m && (k->topology == NULL ||
	    strcmp(fw_ocs_server_topology(d, s), k->topology) == 0);
}

static int
pool_in(const struct fw_deployment *d, const struct fw_ocs_pool *p,
    const struct kind *k)
{
	return fw_ocs_pool_microsoft(d, p) == k->m && (k->topology == NULL ||
	    strcmp(fw_ocs_pool_topology(d, p), k->topology) == 0);
}

static void
add_standard(struct fw_cl_builder *b, const struct kind *k)
{
	enum fw_microsoft m = k->m;
	const struct fw_deployment *d = b->d;
	const struct fw_imp_node **targets = domain_targets(d);
	char *r = ROLE(m, _("OCS Standard Edition server"),
	    _("%s Standard Edition server"));
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		const struct fw_ocs_server *s = &d->ocs_servers[i];

		if (!server_in(d, s, k))
			continue;
		fw_cl_group(b, r, s->fqdn, s->ip);
		add_routing(b, s->fqdn, m, targets);
		add_front_end(b, s, m);
	}
	free(r);
	free(targets);
}

/* A front end that is no next hop still gets its certificate, trust and
 * FIPS: its header says why no IM and Presence route names it. */
static void
front_end_group(struct fw_cl_builder *b, const struct fw_ocs_server *s,
    const char *role)
{
	/* TRANSLATORS: a front end's role, e.g. "OCS front end server, not a
	 * next hop". */
	char *none = s->route == FW_ROUTE_NONE ?
	    xasprintf(_("%s, not a next hop"), role) : NULL;

	fw_cl_group(b, none != NULL ? none : role, s->fqdn, s->ip);
	free(none);
}

static void
add_enterprise(struct fw_cl_builder *b, const struct kind *k)
{
	enum fw_microsoft m = k->m;
	const struct fw_deployment *d = b->d;
	const struct fw_imp_node **targets = domain_targets(d);
	const char *pool_role = _("OCS Enterprise Edition pool");
	char *fe_role = ROLE(m, _("OCS front end server"),
	    _("%s front end server"));
	size_t i, j;

	for (i = 0; i < d->n_ocs_pools; i++) {
		const char *pool = d->ocs_pools[i].fqdn;

		if (!pool_in(d, &d->ocs_pools[i], k))
			continue;
		/* A Lync pool's routes and trust are the topology's: its
		 * group would stay empty. */
		if (!fw_microsoft_is_lync(m)) {
			fw_cl_group(b, pool_role, pool, NULL);
			add_routing(b, pool, m, targets);
		}
		for (j = 0; j < d->n_ocs_servers; j++) {
			const struct fw_ocs_server *s = &d->ocs_servers[j];

			if (!fw_strcaseeq(s->pool, pool))
				continue;
			front_end_group(b, s, fe_role);
			add_front_end(b, s, fw_ocs_server_microsoft(d, s));
		}
	}
	/* A server whose pool is not declared (the rules report it) still
	 * needs its own settings. */
	for (j = 0; j < d->n_ocs_servers; j++) {
		const struct fw_ocs_server *s = &d->ocs_servers[j];

		if ((s->pool != NULL && fw_find_ocs_pool(d, s->pool) != NULL) ||
		    !server_in(d, s, k))
			continue;
		front_end_group(b, s, fe_role);
		add_front_end(b, s, m);
	}
	free(fe_role);
	free(targets);
}

static void
add_servers(struct fw_cl_builder *b, const struct kind *k)
{
	if (b->d->edition == FW_EDITION_ENTERPRISE)
		add_enterprise(b, k);
	else
		add_standard(b, k);
}

/* OCS 2007 R2 first, as before Lync; then each Lync/SfB topology in the
 * order of its first domain: its own work, then its servers by product
 * (a product's front ends have their own names and steps). */
void
fw_checklist_add_ocs(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	enum fw_microsoft products[FW_MICROSOFT_COUNT];
	const char **topologies;
	struct kind k = { FW_MICROSOFT_OCS2007R2, NULL };
	size_t i, j, n, np;

	if (fw_deployment_has_ocs2007(d))
		add_servers(b, &k);
	n = fw_lync_topologies(d, &topologies);
	for (i = 0; i < n; i++) {
		fw_checklist_add_lync(b, topologies[i]);
		np = fw_topology_products(d, topologies[i], products);
		for (j = 0; j < np; j++) {
			k.m = products[j];
			k.topology = topologies[i];
			add_servers(b, &k);
		}
	}
	free(topologies);
}

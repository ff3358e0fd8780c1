#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_cert_check.h"
#include "fw_checklist_build.h"
#include "fw_confirm.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_pattern.h"
#include "fw_util.h"

/* Looked up once per build (fw_checklist_build.h). */
#undef _
#define _(s) fw_cl_tr(b, (s))

/*
 * The IM and Presence side of the checklist. Settings made in IM and
 * Presence Administration are cluster-wide: they go once, under the first
 * node (the publisher). Service restarts, each node's own cup certificate
 * and the cup-trust uploads go under every node.
 *
 * cup-trust on every node: the guide uploads the OCS CA "on the IM and
 * Presence Service" (Set Up Certificates on the IM and Presence Service
 * Node, step 1) and the IM&P CA root with each node's cup certificate
 * (step 3); Cisco's IM and Presence certificate pages (Configuration and
 * Administration 12.5(1)SU4, "Certificates Overview") do not say that a
 * cup-trust upload reaches the other nodes, and Cisco Unified IM and
 * Presence OS Administration, where it is made, is per node (the Jabber
 * 14.0 on-premises guide, "Configure Certificates": without multi-server
 * SAN certificates each node gets its own uploads). So both CAs go on
 * every node, the same way.
 */

#define IMP_TRANSPORT(d) ((d)->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP")

/* Step 1: one SIP federated domain entry per OCS domain. */
static void
add_sipfed(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_step(b, 1, NULL, _("Add New")), *id;
	const char *acl;
	size_t i;

	for (i = 0; i < d->n_ocs_domains; i++) {
		const struct fw_ocs_domain *od = &d->ocs_domains[i];

		id = xasprintf("imp.sipfed.%s", od->name);
		fw_cl_item(b, id, 1, where, _("Add the SIP federated domain "
		    "%s"), od->name);
		fw_cl_field_as(b, "domain", _("Domain Name"), od->name,
		    fw_cl_wrong(b, -1, "ocs_domain", od->name));
		if (od->description != NULL)
			fw_cl_field(b, "description",
			    /* TRANSLATORS: the field as Cisco's English UI
			     * labels it: keep it as it shows there. */
			    C_("Cisco UI field", "Description"),
			    od->description);
		fw_cl_fixed(b, _("Integration Type"), fw_integration_type(d));
		fw_cl_box(b, "direct", _("Direct Federation"), 1);
		/* Domain notes: slow incoming ACL checks without PTRs; the
		 * label changed in a release no source names. */
		acl = fw_microsoft_is_lync(fw_ocs_domain_microsoft(d, od)) ?
		    _("Click Save. IM and Presence adds the incoming ACL for "
		    "the domain itself; give the Microsoft servers' IP "
		    "addresses PTR records, or its checks stall for about 40 "
		    "seconds.") : _("Click Save. IM and Presence adds the "
		    "incoming ACL for the domain itself; give the OCS servers' "
		    "IP addresses PTR records, or its checks stall for about 40 "
		    "seconds.");
		if (fw_imp_release_at_least(d->imp_release, 14, 0, 0, 0))
			fw_cl_note(b, "%s %s", acl, _("Cisco's guides "
			    "disagree on the label: Inter-domain to OCS/Lync "
			    "(12.5, and 14's OCS chapter), Inter-domain to "
			    "OCS/Lync/S4B (14's Skype for Business chapter), "
			    "Inter-domain to Lync/S4B (15); no source says "
			    "which release changed it, so pick the Inter-domain "
			    "entry your release lists. Release 15's guide "
			    "unchecks Direct Federation for federation through "
			    "an Edge; direct federation within the enterprise "
			    "keeps it checked."));
		else
			fw_cl_note(b, "%s", acl);
		free(id);
	}
	free(where);
}

/* Step 1, after the federated domains: the XCP Router restart of one
 * node. Its values are the federated domains, so adding, editing or
 * deleting one brings the restart back. */
static void
add_xcp_restart(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_place(b, "imp_network_services", NULL), *id;
	struct fw_strbuf names;
	size_t i;

	fw_sb_init(&names);
	for (i = 0; i < d->n_ocs_domains; i++) {
		if (i > 0)
			fw_sb_add(&names, ", ");
		fw_sb_add(&names, d->ocs_domains[i].name);
	}
	id = xasprintf("imp.xcp.%s", n->fqdn);
	fw_cl_item(b, id, 1, where, _("Restart the Cisco XCP Router on %s"),
	    n->fqdn);
	fw_cl_field(b, "server", _("Select Server"), n->fqdn);
	fw_cl_fixed(b, _("Service"), "Cisco XCP Router");
	fw_cl_fixed(b, _("Action"), _("Restart"));
	fw_cl_field_as(b, "domains", _("After saving the federated domains"),
	    names.buf, names.len > 0 ? NULL : _("(none entered yet)"));
	for (i = 0; i < d->n_ocs_domains; i++)
		fw_cl_depends(b, "description", d->ocs_domains[i].description);
	/* Domain notes: Deployment Guide 9.1(1), "Cisco XCP Router
	 * restart". */
	fw_cl_note(b, _("Restart, do not Stop and Start: stopping the router "
	    "stops every XCP service and starting it again does not bring "
	    "them back. The Active Notifications pop-up in IM and Presence "
	    "Administration lists the nodes still to restart."));
	free(names.buf);
	free(id);
	free(where);
}

/* Domain notes: over TCP, NOTIFYs towards OCS time out unless the SIP
 * Proxy puts the transport in its Record-Route header. A Cisco SIP Proxy
 * service parameter: the page asks for a server first, so one item per
 * node, each naming it; the node's SIP Proxy restart comes later. */
static void
add_record_route(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	char *where = fw_cl_where_place(b, "imp_service_parameters", NULL);
	char *id = xasprintf("imp.recordroute.%s", n->fqdn);

	fw_cl_item(b, id, 2, where, _("Put the transport in the SIP Proxy's "
	    "Record-Route header on %s"), n->fqdn);
	fw_cl_field(b, "server", _("Server"), n->fqdn);
	fw_cl_fixed(b, _("Service"), "Cisco SIP Proxy");
	fw_cl_fixed(b, _("Use Transport in Record-Route Header"), "On");
	fw_cl_note(b, _("Over TCP, NOTIFY requests towards OCS time out "
	    "without it, and presence stops updating. Click Save; the Cisco "
	    "SIP Proxy restart of this node, further on, puts it to work."));
	free(id);
	free(where);
}

/* Step 2: a static route per OCS domain per next hop. Priorities:
 * primaries 1, backups 2, 3, ... in the order entered; a larger number is
 * a lower priority. */
static void
add_routes(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	int tls = d->transport == FW_TRANSPORT_TLS;
	char *where = fw_cl_where_step(b, 2, NULL, _("Add New")), *id, *pattern;
	size_t i, j;
	int backups;

	for (i = 0; i < d->n_ocs_domains; i++) {
		const char *dom = d->ocs_domains[i].name;

		pattern = fw_dest_pattern(dom);
		backups = 0;
		for (j = 0; j < d->n_ocs_servers; j++) {
			const struct fw_ocs_server *s = &d->ocs_servers[j];
			int backup = s->route == FW_ROUTE_BACKUP;

			if (!fw_strcaseeq(s->domain, dom) ||
			    s->route == FW_ROUTE_NONE)
				continue;
			id = xasprintf("imp.route.%s.%s", dom, s->fqdn);
			fw_cl_item(b, id, 2, where, backup ?
			    _("Add the backup static route for %s to %s") :
			    _("Add the static route for %s to %s"), dom,
			    s->fqdn);
			fw_cl_field_as(b, "pattern", _("Destination Pattern"),
			    pattern, fw_cl_wrong(b, -1, "ocs_domain", dom));
			fw_cl_field_as(b, "next_hop", _("Next Hop"),
			    tls ? s->fqdn : s->ip,
			    fw_cl_wrong(b, -1, "ocs_server", s->fqdn));
			fw_cl_field_int(b, "port", _("Next Hop Port"),
			    fw_transport_port(d->transport));
			fw_cl_fixed(b, _("Route Type"), "Domain");
			fw_cl_field(b, "protocol", _("Protocol Type"),
			    IMP_TRANSPORT(d));
			fw_cl_field_int(b, "priority", _("Priority"),
			    backup ? 2 + backups++ : 1);
			if (backup)
				fw_cl_note(b, _("A backup route: a larger "
				    "Priority number than the primary's, used "
				    "only while the primary next hop is "
				    "unreachable. Click Save."));
			else
				fw_cl_note(b, _("Click Save."));
			free(id);
		}
		free(pattern);
	}
	free(where);
}

/* A listener's port field: "fix step N first" when an error on field (a
 * flow table key, or NULL for none) concerns it, else the port with what
 * holds it there (why, or NULL). */
static void
listener_field(struct fw_cl_builder *b, const char *key, const char *label,
    const char *field, int port, const char *why)
{
	const char *wrong = field != NULL ? fw_cl_wrong(b, -1, field, NULL) :
	    NULL;
	char *value = xasprintf("%d", port), *shown;

	if (wrong != NULL)
		shown = xstrdup(wrong);
	else if (why != NULL)
		shown = xasprintf("%d (%s)", port, why);
	else
		shown = xstrdup(value);
	fw_cl_field_as(b, key, label, value, shown);
	free(value);
	free(shown);
}

/* Step 4: the Application Listener check. The guide's Step 4 holds under
 * either transport: Peer Auth on 5061, Server Auth elsewhere. OCS routes
 * to the Peer Auth listener under TLS, to the TCP listener under TCP. */
static void
add_listener(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	int tls = d->transport == FW_TRANSPORT_TLS;
	char *where = fw_cl_where_step(b, 4, NULL, _("Find"));
	int ms = fw_deployment_has_lync(d);
	const char *routed = ms ? _("the port the Microsoft servers route "
	    "to") : _("the port OCS routes to");

	fw_cl_item(b, "imp.listener", 4, where, tls ? _("Check the SIP Proxy "
	    "TLS listener ports") : _("Check the SIP Proxy listener ports"));
	if (!tls)
		listener_field(b, "tcp", _("Default Cisco SIP Proxy TCP "
		    "Listener: Port"), NULL,
		    fw_transport_port(FW_TRANSPORT_TCP), routed);
	listener_field(b, "peer_auth", _("Default Cisco SIP Proxy TLS "
	    "Listener - Peer Auth: Port"), "peer_auth_port",
	    d->peer_auth_port, tls ? routed : NULL);
	listener_field(b, "server_auth", _("Default Cisco SIP Proxy TLS "
	    "Listener - Server Auth: Port"), "server_auth_port",
	    d->server_auth_port, _("must not be 5061"));
	/* Domain notes: some releases ship Peer Auth on 5062; the swap
	 * order keeps two listeners from ever sharing a port. */
	if (d->peer_auth_port != FW_DEFAULT_PEER_AUTH_PORT)
		fw_cl_note(b, _("Peer Auth is on %d: change the ports in this "
		    "order so two listeners never share one: Server Auth to "
		    "5063 (a free port), Peer Auth to 5061, Server Auth to "
		    "5062; then restart the Cisco SIP Proxy on every node."),
		    d->peer_auth_port);
	else if (tls)
		fw_cl_note(b, ms ? _("Peer Auth must be 5061, the port the "
		    "Microsoft servers route to; if Server Auth is 5061, move it "
		    "first (to 5062, the default, as the rules say). After "
		    "changing a port, restart the Cisco SIP Proxy on every "
		    "node.") : _("Peer Auth must be 5061, the port OCS routes "
		    "to; if Server Auth is 5061, move it first (to 5062, the "
		    "default, as the rules say). After changing a port, "
		    "restart the Cisco SIP Proxy on every node."));
	else
		fw_cl_note(b, _("OCS routes to the TCP listener on 5060. The "
		    "TLS listeners stay as the guide's Step 4 asks: Peer Auth "
		    "on 5061, Server Auth not on 5061 (if it is, move it to "
		    "5062, the default, as the rules say). After changing a "
		    "port, restart the Cisco SIP Proxy on every node."));
	free(where);
}

char *
fw_cl_cert_name(const struct fw_cert *c)
{
	struct fw_cert_info ci;
	char *name = NULL;

	if (c == NULL || fw_cert_inspect(c->pem, &ci, NULL) != 0)
		return NULL;
	if (ci.common_name != NULL)
		name = xstrdup(ci.common_name);
	else if (ci.n_sans > 0 && strncmp(ci.sans[0], "DNS:", 4) == 0)
		name = xstrdup(ci.sans[0] + 4);
	fw_cert_info_clear(&ci);
	return name;
}

size_t
fw_cl_cert_chain(const struct fw_cert *c)
{
	struct fw_cert_info ci;
	size_t n;

	if (c == NULL || fw_cert_inspect(c->pem, &ci, NULL) != 0)
		return 0;
	n = ci.n_chain;
	fw_cert_info_clear(&ci);
	return n;
}

/* One TLS peer subject: the name the certificate that applies to some
 * OCS servers is issued to, or a server's FQDN when none is known. */
struct peer {
	char *subject;
	const struct fw_cert *cert;	/* NULL = no certificate known */
	const char *owner;	/* whose own it is; NULL = the project's */
	struct fw_strbuf servers;	/* the servers presenting it */
	struct fw_strbuf names;	/* of those, the ones its SANs name */
};

/* The peer of s in peers[0..*n), added when new. */
static void
peer_of(const struct fw_deployment *d, const struct fw_ocs_server *s,
    struct peer *peers, size_t *n)
{
	enum fw_cert_from from;
	const struct fw_cert *c = fw_server_cert(d, s, FW_CERT_OCS_CERT, &from);
	char *subject = fw_cl_cert_name(c);
	struct peer *p;
	size_t i;

	if (subject == NULL) {
		c = NULL;
		subject = xstrdup(s->fqdn);
	}
	for (i = 0; i < *n; i++) {
		if (peers[i].cert == c && fw_strcaseeq(peers[i].subject,
		    subject))
			break;
	}
	p = &peers[i];
	if (i == *n) {
		(*n)++;
		memset(p, 0, sizeof *p);
		p->subject = subject;
		p->cert = c;
		p->owner = from == FW_CERT_FROM_SERVER ? s->fqdn :
		    from == FW_CERT_FROM_POOL ? s->pool : NULL;
		fw_sb_init(&p->servers);
		fw_sb_init(&p->names);
	} else {
		free(subject);
	}
	fw_sb_printf(&p->servers, "%s%s", p->servers.len > 0 ? ", " : "",
	    s->fqdn);
	if (c != NULL && !fw_strcaseeq(s->fqdn, p->subject) &&
	    fw_cert_match_host(c->pem, s->fqdn) == 1)
		fw_sb_printf(&p->names, "%s%s", p->names.len > 0 ? ", " : "",
		    s->fqdn);
}

static void
add_peer(struct fw_cl_builder *b, const char *where, const struct peer *p)
{
	char *id = xasprintf("imp.tlspeer.%s", p->subject);

	fw_cl_item(b, id, 9, where, _("Add the TLS peer subject %s"),
	    p->subject);
	fw_cl_field(b, "subject", _("Peer Subject Name"), p->subject);
	if (p->cert == NULL) {
		fw_cl_note(b, _("No certificate of %s is known, so this is its "
		    "FQDN, as the guide says; the subject must match the CN of "
		    "the certificate it presents: load that certificate in "
		    "fedwiz to be sure."), p->servers.buf);
	} else {
		fw_cl_field(b, "from", _("The CN of the certificate of"),
		    p->owner != NULL ? p->owner : _("the project (every OCS "
		    "server without its own)"));
		fw_cl_depends(b, "sha256", p->cert->sha256);
		if (p->names.len > 0)
			fw_cl_note(b, _("The CN of the certificate %s present; "
			    "its SANs name %s as well."), p->servers.buf,
			    p->names.buf);
		else
			fw_cl_note(b, _("The CN of the certificate %s "
			    "present."), p->servers.buf);
	}
	free(id);
}

/* Step 9, cluster-wide: TLS peers and context. */
static void
add_tls_cluster(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	struct peer *peers = xcalloc(d->n_ocs_servers + 1, sizeof *peers);
	struct fw_strbuf subjects;
	size_t i, n = 0;
	char *where;

	for (i = 0; i < d->n_ocs_servers; i++)
		peer_of(d, &d->ocs_servers[i], peers, &n);
	where = fw_cl_where_place(b, "imp_tls_peer", _("Add New"));
	fw_sb_init(&subjects);
	for (i = 0; i < n; i++) {
		add_peer(b, where, &peers[i]);
		fw_sb_printf(&subjects, "%s%s", i > 0 ? ", " : "",
		    peers[i].subject);
		free(peers[i].subject);
		free(peers[i].servers.buf);
		free(peers[i].names.buf);
	}
	free(peers);
	free(where);

	where = fw_cl_where_place(b, "imp_tls_context",
	    "Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context");
	fw_cl_item(b, "imp.tlscontext.peers", 9, where, "%s",
	    fw_deployment_has_lync(d) ? _("Select the Microsoft servers' TLS "
	    "peer subjects") : _("Select the OCS servers' TLS peer "
	    "subjects"));
	fw_cl_field(b, "selected", _("Selected TLS Peer Subjects"),
	    subjects.len > 0 ? subjects.buf : NULL);
	fw_cl_item(b, FW_ITEM_TLS_CIPHER, 9, where, _("Select the 3DES "
	    "cipher"));
	fw_cl_fixed(b, _("Selected TLS Ciphers"),
	    "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
	/* Cisco, IM and Presence 15, SIP federation: "Microsoft Lync does
	 * not support EC ciphers". */
	if (fw_deployment_has_lync(d))
		fw_cl_note(b, _("Lync and Skype for Business do not support EC "
		    "ciphers (Cisco, IM and Presence 15): never leave an "
		    "EC-only list; RSA ciphers stronger than 3DES that the "
		    "Microsoft servers offer may be added."));
	fw_cl_item(b, FW_ITEM_TLS_FRAGMENTS, 9, where, _("Disable empty "
	    "TLS fragments"));
	fw_cl_box(b, "empty_fragments", _("Disable Empty TLS Fragments"), 1);
	fw_cl_note(b, _("Left enabled, it shows as slow presence and IM."));
	free(subjects.buf);
	free(where);
}

/* One OCS CA IM and Presence must trust: whose certificate it signed
 * (NULL: the project-wide one) and how many certificates its file holds.
 * Found once per build, uploaded on every node. */
struct ocs_trust {
	const struct fw_cert *ca;	/* NULL = none given */
	const char *owner;
	size_t chain;
};

/* Each distinct OCS CA: the servers' own, their pools' and the
 * project-wide one, as they apply; at least one. free() *out. */
static size_t
ocs_trusts(const struct fw_deployment *d, struct ocs_trust **out)
{
	struct ocs_trust *t = xcalloc(d->n_ocs_servers + 1, sizeof *t);
	const struct fw_cert *ca;
	const struct fw_ocs_server *s;
	enum fw_cert_from from;
	size_t i, j, n = 0;

	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		ca = fw_server_cert(d, s, FW_CERT_OCS_CA, &from);
		for (j = 0; j < n && t[j].ca != ca; j++)
			;
		if (j < n)
			continue;
		t[n].ca = ca;
		t[n++].owner = from == FW_CERT_FROM_SERVER ? s->fqdn :
		    from == FW_CERT_FROM_POOL ? s->pool : NULL;
	}
	if (n == 0 && d->certs[FW_CERT_OCS_CA].pem != NULL)
		t[0].ca = &d->certs[FW_CERT_OCS_CA];
	if (n == 0)
		n = 1;
	for (i = 0; i < n; i++)
		t[i].chain = fw_cl_cert_chain(t[i].ca);
	*out = t;
	return n;
}

/* Step 9, per node: the CA root of one OCS certificate as cup-trust; ms:
 * with Lync or SfB among them, the servers are Microsoft's, not all
 * OCS. */
static void
add_cuptrust(struct fw_cl_builder *b, const struct fw_imp_node *n,
    const struct ocs_trust *t, int ms)
{
	const struct fw_cert *ca = t->ca;
	char *where = fw_cl_where_place(b, "imp_certificates",
	    _("Upload Certificate/Certificate chain"));
	char *id = t->owner != NULL ? xasprintf("imp.cuptrust.%s.%s",
	    n->fqdn, t->owner) : xasprintf("imp.cuptrust.%s", n->fqdn);

	if (t->owner != NULL)
		fw_cl_item(b, id, 9, where, ms ? _("Upload the CA root of the "
		    "certificate of %s on %s as cup-trust") : _("Upload the CA "
		    "root of the OCS certificate of %s on %s as cup-trust"),
		    t->owner, n->fqdn);
	else
		fw_cl_item(b, id, 9, where, ms ? _("Upload the Microsoft CA "
		    "root certificate on %s as cup-trust") : _("Upload the OCS "
		    "CA root certificate on %s as cup-trust"), n->fqdn);
	fw_cl_fixed(b, _("Certificate Purpose"), "cup-trust");
	fw_cl_fixed(b, _("Root Certificate"), _("(leave blank)"));
	fw_cl_field_as(b, "file", _("Upload File"), ca ? ca->source : NULL,
	    ca != NULL && ca->source != NULL ? NULL : ms ? _("the Microsoft "
	    "CA root certificate") : _("the OCS CA root certificate"));
	if (ca != NULL && ca->sha256 != NULL)
		fw_cl_field(b, "sha256", _("SHA-256"), ca->sha256);
	else
		fw_cl_depends(b, "sha256", NULL);
	/* The stored chain tells: a CA file holding intermediates. */
	if (t->chain > 1)
		fw_cl_note(b, _("The file holds %zu certificates, a chain: "
		    "upload each as cup-trust, the root first."), t->chain);
	free(id);
	free(where);
}

/* Step 9, per node: its own cup certificate, signed for both uses. */
static void
add_tls_node(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	const struct fw_deployment *d = b->d;
	const struct fw_cert *ca = &d->certs[FW_CERT_IMP_CA];
	const struct fw_cert *cert = &d->certs[FW_CERT_IMP_CERT];
	char *where, *id;
	size_t chain;

	where = fw_cl_where_place(b, "imp_certificates", _("Generate CSR"));
	id = xasprintf("imp.csr.%s", n->fqdn);
	fw_cl_item(b, id, 9, where, _("Generate the cup CSR of %s and have "
	    "it signed"), n->fqdn);
	fw_cl_fixed(b, _("Certificate Purpose"), "cup");
	fw_cl_field(b, "cn", _("Common Name"), n->fqdn);
	fw_cl_fixed(b, _("Enhanced Key Usage"),
	    _("Server Authentication and Client Authentication"));
	fw_cl_note(b, _("A Microsoft CA's Web Server template gives Server "
	    "Authentication only: use a template that adds Client "
	    "Authentication."));
	free(id);
	free(where);

	where = fw_cl_where_place(b, "imp_certificates",
	    _("Upload Certificate/Certificate chain"));
	id = xasprintf("imp.cupcert.%s", n->fqdn);
	fw_cl_item(b, id, 9, where, _("Upload the signed cup certificate of "
	    "%s with its CA root"), n->fqdn);
	fw_cl_field_as(b, "root", _("First, purpose cup-trust"), ca->source,
	    ca->source != NULL ? NULL :
	    _("the IM and Presence CA root certificate"));
	fw_cl_field_as(b, "cert", _("Then, purpose cup"), cert->source,
	    cert->source != NULL ? NULL : _("the signed certificate"));
	chain = fw_cl_cert_chain(ca->pem != NULL ? ca : NULL);
	if (chain > 1)
		fw_cl_note(b, _("The CA file holds %zu certificates, a chain: "
		    "upload each as cup-trust, the root first, and give the "
		    "root's file as the Root Certificate of the cup upload."),
		    chain);
	else
		fw_cl_note(b, _("Give the CA root's file as the Root "
		    "Certificate of the cup upload."));
	fw_cl_depends(b, "root_sha256", ca->sha256);
	fw_cl_depends(b, "cert_sha256", cert->sha256);
	free(id);
	free(where);
}

/* Step 9, per node: the TLS floor, where the release has the command
 * (show/set tls min-version since 11.5(1)SU3; a fresh 15SU2 install
 * requires TLS 1.2, upgrades keep the old minimum; OCS 2007 R2 may offer
 * TLS 1.0 only: domain notes). */
static void
add_tls_min(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	const struct fw_deployment *d = b->d;
	int ocs = fw_deployment_has_ocs2007(d);
	int r15 = fw_imp_release_at_least(d->imp_release, 15, 0, 0, 0);
	char *where, *id;

	if (!fw_imp_release_at_least(d->imp_release, 11, 5, 1, 3))
		return;
	where = fw_cl_where_place(b, "imp_cli", NULL);
	id = xasprintf("imp.tlsmin.%s", n->fqdn);
	fw_cl_item(b, id, 9, where, _("Check the TLS minimum version of %s"),
	    n->fqdn);
	fw_cl_fixed(b, _("Command"), "show tls min-version");
	fw_cl_field_as(b, "needed", _("Needed"), ocs ? "1.0" : "peer",
	    ocs ? _("1.0, as long as an OCS 2007 R2 server offers TLS 1.0 "
	    "only") : _("no higher than the Microsoft servers offer"));
	fw_cl_depends(b, "release", d->imp_release);
	if (r15)
		fw_cl_note(b, _("A fresh install of 15SU2 or later requires TLS "
		    "1.2 at least; an upgrade keeps its old minimum. fedwiz "
		    "probe tells what the Microsoft servers offer; lower it "
		    "with set tls min-version only as far as they need."));
	else
		fw_cl_note(b, _("fedwiz probe tells what the Microsoft servers "
		    "offer; lower it with set tls min-version only as far as "
		    "they need."));
	free(id);
	free(where);
}

/* After the TLS changes, or under TCP the Record-Route parameter: the
 * SIP Proxy restart of one node. Its values are what the SIP Proxy reads
 * at start. */
static void
add_sip_proxy_restart(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	const struct fw_deployment *d = b->d;
	char *where = fw_cl_where_place(b, "imp_feature_services", NULL), *id;
	char *ports;
	size_t i;
	int r;

	id = xasprintf("imp.sipproxy.%s", n->fqdn);
	fw_cl_item(b, id, 9, where, _("Restart the Cisco SIP Proxy on %s"),
	    n->fqdn);
	fw_cl_field(b, "server", _("Select Server"), n->fqdn);
	fw_cl_fixed(b, _("Service"), "Cisco SIP Proxy");
	fw_cl_fixed(b, _("Action"), _("Restart"));
	ports = xasprintf("%d %d", d->peer_auth_port, d->server_auth_port);
	fw_cl_depends(b, "ports", ports);
	if (d->transport == FW_TRANSPORT_TLS) {
		fw_cl_note(b, _("After the certificates, TLS peer subjects, "
		    "TLS context and listener ports are set."));
		for (i = 0; i < d->n_ocs_servers; i++)
			fw_cl_depends(b, "peer", d->ocs_servers[i].fqdn);
		for (r = 0; r < FW_CERT_COUNT; r++)
			fw_cl_depends(b, fw_cert_role_key((enum fw_cert_role)r),
			    d->certs[r].sha256);
		for (i = 0; i < d->n_host_certs; i++)
			fw_cl_depends(b, d->host_certs[i].host,
			    d->host_certs[i].cert.sha256);
	} else {
		fw_cl_note(b, _("After the Record-Route parameter and the "
		    "listener ports are set."));
	}
	free(ports);
	free(id);
	free(where);
}

void
fw_checklist_add_imp(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	int tls = d->transport == FW_TRANSPORT_TLS;
	const struct fw_imp_node *n;
	struct ocs_trust *trusts = NULL;
	size_t i, k, n_trusts = tls ? ocs_trusts(d, &trusts) : 0;
	int ms = fw_deployment_has_lync(d);

	if (d->n_imp_nodes > 0)
		fw_cl_group(b, _("IM and Presence publisher"),
		    d->imp_nodes[0].fqdn, d->imp_nodes[0].ip);
	else
		fw_cl_group(b, _("IM and Presence cluster (no node entered "
		    "yet)"), NULL, NULL);
	add_sipfed(b);
	if (d->n_imp_nodes > 0)
		add_xcp_restart(b, &d->imp_nodes[0]);
	add_routes(b);
	if (!tls && d->n_imp_nodes > 0)
		add_record_route(b, &d->imp_nodes[0]);
	add_listener(b);
	if (tls)
		add_tls_cluster(b);
	for (i = 0; i < d->n_imp_nodes; i++) {
		n = &d->imp_nodes[i];
		if (i > 0) {
			fw_cl_group(b, _("IM and Presence node"), n->fqdn,
			    n->ip);
			add_xcp_restart(b, n);
			if (!tls)
				add_record_route(b, n);
		}
		for (k = 0; k < n_trusts; k++)
			add_cuptrust(b, n, &trusts[k], ms);
		if (tls) {
			add_tls_node(b, n);
			add_tls_min(b, n);
		}
		add_sip_proxy_restart(b, n);
	}
	free(trusts);
}

#include "config.h"

#include "fw_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fw_cert_check.h"
#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_powershell.h"
#include "fw_rules.h"
#include "fw_util.h"

size_t
fw_verify_targets(const struct fw_deployment *d, const char ***out)
{
	if (d->transport == FW_TRANSPORT_TLS)
		return fw_ps_targets(d, out);
	*out = xcalloc(1, sizeof **out);
	return 0;
}

const char *
fw_verify_pick(const struct fw_deployment *d, const struct fw_readback *rb,
    const char *server, const char *file, char **cause)
{
	const char *want = server != NULL ? server : rb->target;
	const char **t, *found = NULL;
	size_t i, n = fw_verify_targets(d, &t);

	for (i = 0; i < n && found == NULL; i++) {
		if (fw_strcaseeq(t[i], want))
			found = t[i];
	}
	free(t);
	if (found != NULL)
		return found;
	if (n == 0)
		fw_fail(cause, d->transport != FW_TRANSPORT_TLS ?
		    _("%s: the project federates over TCP; Lync and Skype for "
		    "Business federate over TLS only") :
		    _("%s: the project names no Microsoft pool or server to "
		    "compare with"), d->name != NULL ? d->name : "");
	else if (server != NULL)
		fw_fail(cause, _("--server %s: no %s of the project"), server,
		    d->edition == FW_EDITION_ENTERPRISE ? _("pool") :
		    _("server"));
	else
		fw_fail(cause, _("%s: written for %s, which is no %s of the "
		    "project; name one with --server"), file, rb->target,
		    d->edition == FW_EDITION_ENTERPRISE ? _("pool") :
		    _("server"));
	return NULL;
}

const char *
fw_verify_state_name(enum fw_verify_state s)
{
	switch (s) {
	case FW_VERIFY_PRESENT:
		return _("present");
	case FW_VERIFY_MISSING:
		return _("missing");
	case FW_VERIFY_DIFFERENT:
		return _("different");
	case FW_VERIFY_EXTRA:
		return _("extra");
	}
	return "?";
}

char *
fw_verify_stored_kind(const struct fw_verify_item *it)
{
	return xasprintf("%s%s %s", FW_VERIFY_KIND_PREFIX, it->kind, it->name);
}

static struct fw_verify_item *
add(struct fw_verify *v, const char *kind, const char *name,
    enum fw_verify_state state, char *summary)
{
	struct fw_verify_item *it;

	v->items = xreallocarray(v->items, v->n + 1, sizeof *v->items);
	it = &v->items[v->n++];
	it->kind = kind;
	it->name = xstrdup(name);
	it->state = state;
	it->summary = summary;
	it->detail = NULL;
	it->item_id = NULL;
	return it;
}

void
fw_verify_clear(struct fw_verify *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->items[i].name);
		free(v->items[i].summary);
		free(v->items[i].detail);
		free(v->items[i].item_id);
	}
	free(v->items);
	free(v->target);
	free(v->topology);
	memset(v, 0, sizeof *v);
}

/* Microsoft writes service ids for FQDNs here and there:
 * "Registrar:pool.example.com", "ExternalServer:trust.example.com". */
static const char *
service_fqdn(const char *s)
{
	const char *colon = strrchr(s, ':');

	return colon != NULL ? colon + 1 : s;
}

static int
same_host(const char *a, const char *b)
{
	return fw_strcaseeq(service_fqdn(a), service_fqdn(b));
}

/* "NAME is LIVE live, WANT in the project", appended to a "; " list. */
static void
diff(struct fw_strbuf *sb, const char *name, const char *live,
    const char *want)
{
	fw_sb_printf(sb, "%s", sb->len > 0 ? "; " : "");
	fw_sb_printf(sb, _("%s is %s live, %s in the project"), name, live,
	    want);
}

static void
diff_int(struct fw_strbuf *sb, const char *name, long long live,
    long long want)
{
	char a[24], b[24];

	snprintf(a, sizeof a, "%lld", live);
	snprintf(b, sizeof b, "%lld", want);
	diff(sb, name, a, b);
}

static void
diff_bool(struct fw_strbuf *sb, const char *name, int live, int want)
{
	if (live != want)
		diff(sb, name, live ? "True" : "False", want ? "True" :
		    "False");
}

/* Lync applies one static routing configuration to a pool: its own
 * (service:Registrar:POOL), else its site's, else Global. */
static const char *
route_scope(const struct fw_readback *rb, const char *target)
{
	char *service = xasprintf("service:Registrar:%s", target);
	const char *site = rb->target_site, *found = "Global";
	size_t i;

	for (i = 0; i < rb->scopes.n; i++) {
		if (fw_strcaseeq(rb->scopes.v[i], service)) {
			found = rb->scopes.v[i];
			break;
		}
		/* Get-CsPool says "Site:NAME", the routing scope
		 * "site:NAME". */
		if (site[0] != '\0' && fw_strcaseeq(rb->scopes.v[i], site))
			found = rb->scopes.v[i];
	}
	free(service);
	return found;
}

/* The read-back writes the type name of the route's TransportChoice:
 * "TLS" for SipProxy.TLS, "TCP" for SipProxy.TCP. A name merely holding
 * "tls" is some other object, not a TLS route. */
static int
is_tls(const struct fw_rb_route *r)
{
	return strcmp(r->transport, "TLS") == 0;
}

/* The differences of route r from the project's for a domain routed to
 * node (empty: none). */
static void
route_diffs(const struct fw_rb_route *r, const struct fw_imp_node *node,
    int port, struct fw_strbuf *sb)
{
	if (!is_tls(r))
		diff(sb, "Transport", r->transport, "TLS");
	if (!fw_strcaseeq(r->destination, node->fqdn))
		diff(sb, "Destination", r->destination, node->fqdn);
	if (r->port != port)
		diff_int(sb, "Port", r->port, port);
	diff_bool(sb, "Enabled", r->enabled, 1);
	diff_bool(sb, "MatchOnlyPhoneUri", r->phone_only, 0);
	/* Cisco's step 3 and the configure script leave it unchecked: Lync
	 * would put the next hop's name in the Request-URI IM&P routes by. */
	diff_bool(sb, "ReplaceHostInRequestUri", r->replace_host, 0);
}

static void
check_route(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb, const char *scope,
    const struct fw_imp_domain *dom)
{
	const struct fw_imp_node *node = fw_imp_domain_target(d, dom);
	const struct fw_rb_route *r, *first = NULL;
	struct fw_verify_item *it = NULL;
	struct fw_strbuf sb;
	size_t i;

	if (node == NULL)
		return;
	fw_sb_init(&sb);
	for (i = 0; i < rb->n_routes && it == NULL; i++) {
		r = &rb->routes[i];
		if (!fw_strcaseeq(r->scope, scope) ||
		    !fw_strcaseeq(r->match_uri, dom->name))
			continue;
		sb.len = 0;
		sb.buf[0] = '\0';
		route_diffs(r, node, d->peer_auth_port, &sb);
		if (sb.len == 0)
			it = add(v, "route", dom->name, FW_VERIFY_PRESENT,
			    xasprintf(_("TLS static route for %s to %s:%d"),
			    dom->name, node->fqdn, d->peer_auth_port));
		else if (first == NULL)
			first = r;
	}
	if (it == NULL && first != NULL) {
		sb.len = 0;
		sb.buf[0] = '\0';
		route_diffs(first, node, d->peer_auth_port, &sb);
		it = add(v, "route", dom->name, FW_VERIFY_DIFFERENT,
		    xasprintf(_("static route for %s: %s"), dom->name,
		    sb.buf));
	} else if (it == NULL) {
		it = add(v, "route", dom->name, FW_VERIFY_MISSING,
		    xasprintf(_("no static route for %s in %s; expected TLS to "
		    "%s:%d"), dom->name, scope, node->fqdn, d->peer_auth_port));
	}
	it->item_id = xasprintf(FW_ITEM_LYNC_ROUTE_FMT, v->topology, dom->name);
	free(sb.buf);
}

static void
check_routes(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb)
{
	const char *scope = route_scope(rb, v->target);
	const struct fw_rb_route *r;
	size_t i, j;

	for (i = 0; i < d->n_imp_domains; i++)
		check_route(v, d, rb, scope, &d->imp_domains[i]);
	for (i = 0; i < rb->n_routes; i++) {
		r = &rb->routes[i];
		if (!fw_strcaseeq(r->scope, scope))
			continue;
		for (j = 0; j < d->n_imp_domains; j++) {
			if (fw_strcaseeq(r->match_uri, d->imp_domains[j].name))
				break;
		}
		if (j == d->n_imp_domains)
			add(v, "route", r->match_uri, FW_VERIFY_EXTRA,
			    xasprintf(_("static route for %s to %s:%lld, not an "
			    "IM and Presence domain of the project"),
			    r->match_uri, r->destination, r->port));
	}
}

static int
pool_has(const struct fw_rb_pool *p, const char *fqdn)
{
	size_t i;

	for (i = 0; i < p->computers.n; i++) {
		if (same_host(p->computers.v[i], fqdn))
			return 1;
	}
	return 0;
}

/* One trusted application pool serves every Lync pool of the topology:
 * its registrar is one of them, not always the one read back, and never
 * one of another topology. */
static int
registrar_known(const struct fw_deployment *d, const char *topology,
    const char *registrar)
{
	const char **t;
	size_t i, n = fw_ps_targets(d, &t);
	int known = 0;

	for (i = 0; i < n && !known; i++)
		known = same_host(registrar, t[i]) &&
		    strcmp(fw_ps_target_topology(d, t[i]), topology) == 0;
	free(t);
	return known;
}

/* The trusted application pool of the IM and Presence nodes: the one
 * holding most of them, the routing node deciding a tie; NULL when none
 * holds any. A pool set up without the routing node (another node as its
 * -ComputerFqdn) is still the one its settings, computers and application
 * are compared in. */
static const struct fw_rb_pool *
find_pool(const struct fw_readback *rb, const struct fw_imp_node **order,
    size_t n)
{
	const struct fw_rb_pool *p, *best = NULL;
	size_t i, j, held, best_held = 0;
	int routing, best_routing = 0;

	for (i = 0; i < rb->n_pools; i++) {
		p = &rb->pools[i];
		for (j = 0, held = 0; j < n; j++) {
			if (pool_has(p, order[j]->fqdn))
				held++;
		}
		routing = pool_has(p, order[0]->fqdn);
		if (held > best_held || (held > 0 && held == best_held &&
		    routing && !best_routing)) {
			best = p;
			best_held = held;
			best_routing = routing;
		}
	}
	return best;
}

static const struct fw_rb_pool *
check_pool(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb, const struct fw_imp_node **order,
    size_t n)
{
	const struct fw_imp_node *first = order[0];
	const struct fw_rb_pool *p = find_pool(rb, order, n);
	struct fw_strbuf sb, live;
	size_t i;

	if (p == NULL) {
		add(v, "pool", first->fqdn, FW_VERIFY_MISSING,
		    xasprintf(_("no trusted application pool holds %s"),
		    first->fqdn));
		return NULL;
	}
	fw_sb_init(&sb);
	/* Where in Computers the routing node is does not matter: Lync
	 * ranks no computer of a trusted pool, -ComputerFqdn only names the
	 * one New-CsTrustedApplicationPool cannot do without, and an admin
	 * would have to rebuild the pool to reorder them. That the routing
	 * node, which Lync's static routes go to, is one of them does. */
	if (!pool_has(p, first->fqdn)) {
		fw_sb_init(&live);
		for (i = 0; i < p->computers.n; i++)
			fw_sb_printf(&live, "%s%s", i > 0 ? ", " : "",
			    p->computers.v[i]);
		fw_sb_printf(&sb, _("Computers holds %s live, not the routing "
		    "node %s"), live.buf, first->fqdn);
		free(live.buf);
	}
	if (!registrar_known(d, v->topology, p->registrar))
		diff(&sb, "Registrar", p->registrar, v->target);
	diff_bool(&sb, "TreatAsAuthenticated", p->treat_auth, 1);
	diff_bool(&sb, "ThrottleAsServer", p->throttle, 1);
	diff_bool(&sb, "OutboundOnly", p->outbound_only, 0);
	diff_bool(&sb, "RequiresReplication", p->replication, 0);
	if (sb.len == 0)
		add(v, "pool", p->identity, FW_VERIFY_PRESENT,
		    xasprintf(_("trusted application pool %s with %s, "
		    "registrar %s"), p->identity, first->fqdn,
		    service_fqdn(p->registrar)));
	else
		add(v, "pool", p->identity, FW_VERIFY_DIFFERENT,
		    xasprintf(_("trusted application pool %s: %s"),
		    p->identity, sb.buf));
	free(sb.buf);
	return p;
}

static const struct fw_rb_computer *
find_computer(const struct fw_readback *rb, const char *fqdn)
{
	size_t i;

	for (i = 0; i < rb->n_computers; i++) {
		if (same_host(rb->computers[i].identity, fqdn) ||
		    same_host(rb->computers[i].fqdn, fqdn))
			return &rb->computers[i];
	}
	return NULL;
}

static void
check_computers(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb, const struct fw_rb_pool *pool,
    const struct fw_imp_node **order, size_t n)
{
	const struct fw_rb_computer *c;
	size_t i;

	for (i = 1; i < n; i++) {
		c = find_computer(rb, order[i]->fqdn);
		if (c == NULL)
			add(v, "computer", order[i]->fqdn, FW_VERIFY_MISSING,
			    xasprintf(_("no trusted application computer %s"),
			    order[i]->fqdn));
		else if (pool != NULL && !same_host(c->pool, pool->identity))
			add(v, "computer", order[i]->fqdn, FW_VERIFY_DIFFERENT,
			    xasprintf(_("trusted application computer %s: "
			    "Pool is %s live, %s in the project"),
			    order[i]->fqdn, c->pool, pool->identity));
		else
			add(v, "computer", order[i]->fqdn, FW_VERIFY_PRESENT,
			    xasprintf(_("trusted application computer %s in "
			    "%s"), order[i]->fqdn, c->pool));
	}
	for (i = 0; pool != NULL && i < rb->n_computers; i++) {
		c = &rb->computers[i];
		if (same_host(c->pool, pool->identity) &&
		    fw_find_imp_node(d, service_fqdn(c->identity)) == NULL)
			add(v, "computer", c->identity, FW_VERIFY_EXTRA,
			    xasprintf(_("trusted application computer %s in "
			    "%s, not an IM and Presence node of the project"),
			    c->identity, c->pool));
	}
}

/* Get-CsTrustedApplication's ApplicationId: "urn:application:NAME". */
static const char *
app_name(const struct fw_rb_app *a)
{
	const char *urn = "urn:application:";

	return strncasecmp(a->app_id, urn, strlen(urn)) == 0 ?
	    a->app_id + strlen(urn) : a->app_id;
}

/* The application of the pool on the Peer Auth port, else its first
 * one; the pool's others are extra. */
static void
check_application(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb, const struct fw_rb_pool *pool)
{
	const struct fw_rb_app *a, *found = NULL;
	size_t i;

	if (pool == NULL) {
		add(v, "application", "-", FW_VERIFY_MISSING,
		    xstrdup(_("no trusted application: its pool is missing")));
		return;
	}
	for (i = 0; i < rb->n_apps; i++) {
		a = &rb->apps[i];
		if (same_host(a->pool, pool->identity) && (found == NULL ||
		    (found->port != d->peer_auth_port &&
		    a->port == d->peer_auth_port)))
			found = a;
	}
	if (found == NULL)
		add(v, "application", pool->identity, FW_VERIFY_MISSING,
		    xasprintf(_("no trusted application in %s"),
		    pool->identity));
	else if (found->port == d->peer_auth_port)
		add(v, "application", app_name(found), FW_VERIFY_PRESENT,
		    xasprintf(_("trusted application %s in %s on port %lld"),
		    app_name(found), pool->identity, found->port));
	else
		add(v, "application", app_name(found), FW_VERIFY_DIFFERENT,
		    xasprintf(_("trusted application %s: Port is %lld live, %d "
		    "in the project"), app_name(found), found->port,
		    d->peer_auth_port));
	for (i = 0; i < rb->n_apps; i++) {
		a = &rb->apps[i];
		if (a != found && same_host(a->pool, pool->identity))
			add(v, "application", app_name(a), FW_VERIFY_EXTRA,
			    xasprintf(_("trusted application %s in %s on port "
			    "%lld"), app_name(a), pool->identity, a->port));
	}
}

/* The certificate as PEM, for the judgement cert-check uses. */
static char *
der_pem(const char *b64)
{
	struct fw_strbuf sb;
	size_t i, len = strlen(b64);

	fw_sb_init(&sb);
	fw_sb_add(&sb, "-----BEGIN CERTIFICATE-----\n");
	for (i = 0; i < len; i += 64) {
		fw_sb_addn(&sb, b64 + i, len - i < 64 ? len - i : 64);
		fw_sb_add(&sb, "\n");
	}
	fw_sb_add(&sb, "-----END CERTIFICATE-----\n");
	return fw_sb_steal(&sb);
}

/* The project's servers of the target: the names the default certificate
 * must carry (the IM and Presence TLS peer subject is a server FQDN). */
static size_t
target_hosts(const struct fw_deployment *d, const char *target,
    const char ***out)
{
	const char **h = xcalloc(d->n_ocs_servers + 2, sizeof *h);
	size_t i, n = 0;

	for (i = 0; i < d->n_ocs_servers; i++) {
		const struct fw_ocs_server *s = &d->ocs_servers[i];

		if (fw_strcaseeq(s->fqdn, target) || (s->pool != NULL &&
		    fw_strcaseeq(s->pool, target)))
			h[n++] = s->fqdn;
	}
	if (n == 0)
		h[n++] = target;
	*out = h;
	return n;
}

/* The server the read-back ran on, when it is one of the target's: the
 * Standard Edition server itself, or the front end named ComputerFqdn. */
static const struct fw_ocs_server *
ran_on(const struct fw_deployment *d, const struct fw_readback *rb,
    const char *target)
{
	const struct fw_ocs_server *s;
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (d->edition == FW_EDITION_STANDARD ?
		    fw_strcaseeq(s->fqdn, target) :
		    s->pool != NULL && fw_strcaseeq(s->pool, target) &&
		    fw_strcaseeq(s->fqdn, rb->computer_fqdn))
			return s;
	}
	return NULL;
}

/* The OCS CA that applies there: the server's own, its pool's, else the
 * project's; the pool's or the project's when the server is unknown. */
static const char *
target_ca(const struct fw_deployment *d, const struct fw_ocs_server *s,
    const char *target)
{
	const struct fw_cert *c;

	if (s != NULL)
		c = fw_server_cert(d, s, FW_CERT_OCS_CA, NULL);
	else if ((c = fw_host_cert(d, target, FW_CERT_OCS_CA)) == NULL)
		c = &d->certs[FW_CERT_OCS_CA];
	return c != NULL ? c->pem : NULL;
}

static void
check_certificate(struct fw_verify *v, const struct fw_deployment *d,
    const struct fw_readback *rb, time_t now)
{
	const struct fw_rb_cert *c = NULL;
	const struct fw_ocs_server *s;
	struct fw_findings found = { NULL, 0 };
	struct fw_cert_expect w;
	struct fw_verify_item *it;
	struct fw_strbuf sb;
	const char **hosts;
	size_t i, n, errors;
	char *pem;

	/* Microsoft writes it both ways (data/lync-readback.ps1). */
	for (i = 0; i < rb->n_certs && c == NULL; i++) {
		if (fw_strcaseeq(rb->certs[i].use, "Default") ||
		    fw_strcaseeq(rb->certs[i].use, "urn:certref:Default"))
			c = &rb->certs[i];
	}
	if (c == NULL) {
		add(v, "certificate", "Default", FW_VERIFY_MISSING,
		    xstrdup(_("no default certificate (Get-CsCertificate, Use "
		    "Default)")));
		return;
	}
	n = target_hosts(d, v->target, &hosts);
	s = ran_on(d, rb, v->target);
	memset(&w, 0, sizeof w);
	w.label = _("the default certificate");
	w.hosts = hosts;
	w.n_hosts = n;
	w.ca_pem = target_ca(d, s, v->target);
	w.now = now;
	w.step = -1;
	w.role_known = 1;
	w.role = FW_CERT_OCS_CERT;
	pem = der_pem(c->der);
	errors = fw_cert_judge(pem, &w, &found);
	/* The first error goes in the summary, which the checklist shows. */
	for (i = 0; i < found.n && errors > 0; i++) {
		if (found.items[i].severity == FW_SEV_ERROR)
			break;
	}
	it = add(v, "certificate", "Default", errors > 0 ?
	    FW_VERIFY_DIFFERENT : FW_VERIFY_PRESENT, errors > 0 ?
	    xasprintf(_("default certificate %s: %s"), c->subject,
	    found.items[i].message) :
	    xasprintf(_("default certificate %s, valid until %s"), c->subject,
	    c->not_after));
	fw_sb_init(&sb);
	for (i = 0; i < found.n; i++)
		fw_sb_printf(&sb, "%s%s: %s", i > 0 ? "\n" : "",
		    fw_severity_name(found.items[i].severity),
		    found.items[i].message);
	it->detail = found.n > 0 ? fw_sb_steal(&sb) : NULL;
	free(sb.buf);
	if (s != NULL)
		it->item_id = xasprintf(FW_ITEM_LYNC_CERT_FMT, s->fqdn);
	fw_findings_free(&found);
	free(pem);
	free(hosts);
}

/* The checklist items the topology's results verify (routes and the
 * certificate have theirs already); extras verify none. */
static void
set_topology_items(struct fw_verify *v)
{
	struct fw_verify_item *it;
	size_t i;

	for (i = 0; i < v->n; i++) {
		it = &v->items[i];
		if (it->item_id != NULL || it->state == FW_VERIFY_EXTRA)
			continue;
		if (strcmp(it->kind, "pool") == 0)
			it->item_id = xasprintf(FW_ITEM_LYNC_POOL_FMT,
			    v->topology);
		else if (strcmp(it->kind, "computer") == 0)
			it->item_id = xasprintf(FW_ITEM_LYNC_COMPUTER_FMT,
			    v->topology, it->name);
		else if (strcmp(it->kind, "application") == 0)
			it->item_id = xasprintf(FW_ITEM_LYNC_APP_FMT,
			    v->topology);
	}
}

void
fw_verify_run(const struct fw_deployment *d, const struct fw_readback *rb,
    const char *target, time_t now, struct fw_verify *out)
{
	const struct fw_imp_node **order;
	const struct fw_rb_pool *pool = NULL;
	size_t n;

	memset(out, 0, sizeof *out);
	out->target = xstrdup(target);
	out->topology = xstrdup(fw_ps_target_topology(d, target));
	check_routes(out, d, rb);
	n = fw_imp_nodes_routing_first(d, &order);
	if (n > 0) {
		pool = check_pool(out, d, rb, order, n);
		check_computers(out, d, rb, pool, order, n);
		check_application(out, d, rb, pool);
	}
	free(order);
	check_certificate(out, d, rb, now);
	set_topology_items(out);
}

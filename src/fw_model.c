#include "config.h"

#include "fw_model.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_syntax.h"
#include "fw_util.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Grows a list by one zeroed entry and returns it. */
static void *
list_append(void **items, size_t *n, size_t size)
{
	char *base;

	/* Room doubles when the count reaches a power of two (lists only
	 * ever grow, through here): one more each time copied the whole list
	 * per entry, quadratic where realloc cannot grow in place. */
	if ((*n & (*n - 1)) == 0)
		*items = xreallocarray(*items, *n > 0 ? *n * 2 : 1, size);
	base = *items;
	memset(base + *n * size, 0, size);
	return base + (*n)++ * size;
}

static void
cert_free(struct fw_cert *c)
{
	free(c->pem);
	free(c->source);
	free(c->sha256);
}

static void
cert_copy(struct fw_cert *c, const char *pem, const char *source,
    const char *sha256)
{
	cert_free(c);
	c->pem = dup_or_null(pem);
	c->source = dup_or_null(source);
	c->sha256 = dup_or_null(sha256);
}

struct fw_deployment *
fw_deployment_new(void)
{
	struct fw_deployment *d = xcalloc(1, sizeof *d);

	d->transport = FW_TRANSPORT_TLS;
	d->edition = FW_EDITION_STANDARD;
	d->microsoft = FW_MICROSOFT_OCS2007R2;
	d->peer_auth_port = FW_DEFAULT_PEER_AUTH_PORT;
	d->server_auth_port = FW_DEFAULT_SERVER_AUTH_PORT;
	return d;
}

void
fw_deployment_free(struct fw_deployment *d)
{
	size_t i;

	if (d == NULL)
		return;
	free(d->name);
	free(d->imp_release);
	for (i = 0; i < d->n_imp_domains; i++) {
		free(d->imp_domains[i].name);
		free(d->imp_domains[i].route_to);
	}
	free(d->imp_domains);
	for (i = 0; i < d->n_imp_nodes; i++) {
		free(d->imp_nodes[i].fqdn);
		free(d->imp_nodes[i].ip);
	}
	free(d->imp_nodes);
	for (i = 0; i < d->n_ocs_domains; i++) {
		free(d->ocs_domains[i].name);
		free(d->ocs_domains[i].description);
		free(d->ocs_domains[i].topology);
	}
	free(d->ocs_domains);
	for (i = 0; i < d->n_ocs_pools; i++)
		free(d->ocs_pools[i].fqdn);
	free(d->ocs_pools);
	for (i = 0; i < d->n_ocs_servers; i++) {
		free(d->ocs_servers[i].fqdn);
		free(d->ocs_servers[i].ip);
		free(d->ocs_servers[i].domain);
		free(d->ocs_servers[i].pool);
	}
	free(d->ocs_servers);
	for (i = 0; i < FW_CERT_COUNT; i++)
		cert_free(&d->certs[i]);
	for (i = 0; i < d->n_host_certs; i++) {
		free(d->host_certs[i].host);
		cert_free(&d->host_certs[i].cert);
	}
	free(d->host_certs);
	for (i = 0; i < d->n_ticks; i++) {
		free(d->ticks[i].item);
		free(d->ticks[i].fingerprint);
		free(d->ticks[i].user);
		free(d->ticks[i].time);
	}
	free(d->ticks);
	for (i = 0; i < d->n_probes; i++) {
		free(d->probes[i].host);
		free(d->probes[i].kind);
		free(d->probes[i].time);
		free(d->probes[i].summary);
		free(d->probes[i].detail);
	}
	free(d->probes);
	for (i = 0; i < d->n_stored_faults; i++) {
		free(d->stored_faults[i].field);
		free(d->stored_faults[i].subject);
		free(d->stored_faults[i].message);
	}
	free(d->stored_faults);
	free(d);
}

struct fw_deployment *
fw_deployment_copy(const struct fw_deployment *d)
{
	struct fw_deployment *c = fw_deployment_new();
	const struct fw_ocs_server *s;
	const struct fw_probe_result *r;
	struct fw_ocs_domain *od;
	size_t i;

	c->name = dup_or_null(d->name);
	c->transport = d->transport;
	c->edition = d->edition;
	c->microsoft = d->microsoft;
	c->imp_release = dup_or_null(d->imp_release);
	c->peer_auth_port = d->peer_auth_port;
	c->server_auth_port = d->server_auth_port;
	c->next_hop_port = d->next_hop_port;
	memcpy(c->step_done, d->step_done, sizeof c->step_done);
	for (i = 0; i < d->n_imp_domains; i++)
		fw_add_imp_domain(c, d->imp_domains[i].name,
		    d->imp_domains[i].route_to)->id = d->imp_domains[i].id;
	for (i = 0; i < d->n_imp_nodes; i++)
		fw_add_imp_node(c, d->imp_nodes[i].fqdn,
		    d->imp_nodes[i].ip)->id = d->imp_nodes[i].id;
	for (i = 0; i < d->n_ocs_domains; i++) {
		od = fw_add_ocs_domain(c, d->ocs_domains[i].name,
		    d->ocs_domains[i].description);
		od->id = d->ocs_domains[i].id;
		od->microsoft = d->ocs_domains[i].microsoft;
		od->topology = dup_or_null(d->ocs_domains[i].topology);
	}
	for (i = 0; i < d->n_ocs_pools; i++)
		fw_add_ocs_pool(c, d->ocs_pools[i].fqdn)->id =
		    d->ocs_pools[i].id;
	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		fw_add_ocs_server(c, s->fqdn, s->ip, s->domain, s->pool,
		    s->route)->id = s->id;
	}
	for (i = 0; i < FW_CERT_COUNT; i++)
		fw_set_cert(c, (enum fw_cert_role)i, d->certs[i].pem,
		    d->certs[i].source, d->certs[i].sha256);
	for (i = 0; i < d->n_host_certs; i++) {
		const struct fw_host_cert *h = &d->host_certs[i];

		fw_set_host_cert(c, h->host, h->role, h->cert.pem,
		    h->cert.source, h->cert.sha256);
	}
	for (i = 0; i < d->n_ticks; i++)
		fw_add_tick(c, d->ticks[i].item, d->ticks[i].fingerprint,
		    d->ticks[i].user, d->ticks[i].time);
	for (i = 0; i < d->n_probes; i++) {
		r = &d->probes[i];
		fw_add_probe_result(c, r->host, r->port, r->kind, r->time,
		    r->ok, r->summary, r->detail);
	}
	for (i = 0; i < d->n_stored_faults; i++)
		fw_add_stored_fault(c, d->stored_faults[i].field,
		    d->stored_faults[i].subject, d->stored_faults[i].message);
	return c;
}

struct fw_imp_domain *
fw_add_imp_domain(struct fw_deployment *d, const char *name,
    const char *route_to)
{
	struct fw_imp_domain *e = list_append((void **)&d->imp_domains,
	    &d->n_imp_domains, sizeof *e);

	e->name = dup_or_null(name);
	e->route_to = dup_or_null(route_to);
	return e;
}

struct fw_imp_node *
fw_add_imp_node(struct fw_deployment *d, const char *fqdn, const char *ip)
{
	struct fw_imp_node *e = list_append((void **)&d->imp_nodes,
	    &d->n_imp_nodes, sizeof *e);

	e->fqdn = dup_or_null(fqdn);
	e->ip = dup_or_null(ip);
	return e;
}

struct fw_ocs_domain *
fw_add_ocs_domain(struct fw_deployment *d, const char *name,
    const char *description)
{
	struct fw_ocs_domain *e = list_append((void **)&d->ocs_domains,
	    &d->n_ocs_domains, sizeof *e);

	e->name = dup_or_null(name);
	e->description = dup_or_null(description);
	e->microsoft = FW_MICROSOFT_INHERIT;
	return e;
}

struct fw_ocs_pool *
fw_add_ocs_pool(struct fw_deployment *d, const char *fqdn)
{
	struct fw_ocs_pool *e = list_append((void **)&d->ocs_pools,
	    &d->n_ocs_pools, sizeof *e);

	e->fqdn = dup_or_null(fqdn);
	return e;
}

struct fw_ocs_server *
fw_add_ocs_server(struct fw_deployment *d, const char *fqdn, const char *ip,
    const char *domain, const char *pool, enum fw_route_role route)
{
	struct fw_ocs_server *e = list_append((void **)&d->ocs_servers,
	    &d->n_ocs_servers, sizeof *e);

	e->fqdn = dup_or_null(fqdn);
	e->ip = dup_or_null(ip);
	e->domain = dup_or_null(domain);
	e->pool = dup_or_null(pool);
	e->route = route;
	return e;
}

struct fw_tick *
fw_add_tick(struct fw_deployment *d, const char *item, const char *fingerprint,
    const char *user, const char *time)
{
	struct fw_tick *e = list_append((void **)&d->ticks, &d->n_ticks,
	    sizeof *e);

	e->item = dup_or_null(item);
	e->fingerprint = dup_or_null(fingerprint);
	e->user = dup_or_null(user);
	e->time = dup_or_null(time);
	return e;
}

struct fw_stored_fault *
fw_add_stored_fault(struct fw_deployment *d, const char *field,
    const char *subject, const char *message)
{
	struct fw_stored_fault *e = list_append((void **)&d->stored_faults,
	    &d->n_stored_faults, sizeof *e);

	e->field = dup_or_null(field);
	e->subject = dup_or_null(subject);
	e->message = dup_or_null(message);
	return e;
}

void
fw_set_cert(struct fw_deployment *d, enum fw_cert_role role, const char *pem,
    const char *source, const char *sha256)
{
	cert_copy(&d->certs[role], pem, source, sha256);
}

int
fw_cert_role_per_host(enum fw_cert_role role)
{
	return role == FW_CERT_OCS_CERT || role == FW_CERT_OCS_CA;
}

static struct fw_host_cert *
find_host_cert(const struct fw_deployment *d, const char *host,
    enum fw_cert_role role)
{
	size_t i;

	for (i = 0; host != NULL && i < d->n_host_certs; i++) {
		if (d->host_certs[i].role == role &&
		    fw_strcaseeq(d->host_certs[i].host, host))
			return &d->host_certs[i];
	}
	return NULL;
}

void
fw_set_host_cert(struct fw_deployment *d, const char *host,
    enum fw_cert_role role, const char *pem, const char *source,
    const char *sha256)
{
	struct fw_host_cert *h = find_host_cert(d, host, role);
	size_t at;

	if (pem == NULL) {
		if (h == NULL)
			return;
		at = (size_t)(h - d->host_certs);
		free(h->host);
		cert_free(&h->cert);
		memmove(h, h + 1, (d->n_host_certs - at - 1) * sizeof *h);
		d->n_host_certs--;
		return;
	}
	if (h == NULL) {
		h = list_append((void **)&d->host_certs, &d->n_host_certs,
		    sizeof *h);
		h->host = xstrdup(host);
		h->role = role;
	}
	cert_copy(&h->cert, pem, source, sha256);
}

const struct fw_cert *
fw_host_cert(const struct fw_deployment *d, const char *host,
    enum fw_cert_role role)
{
	const struct fw_host_cert *h = find_host_cert(d, host, role);

	return h != NULL ? &h->cert : NULL;
}

const struct fw_cert *
fw_server_cert(const struct fw_deployment *d, const struct fw_ocs_server *s,
    enum fw_cert_role role, enum fw_cert_from *from)
{
	const struct fw_cert *c;
	enum fw_cert_from dummy;

	if (from == NULL)
		from = &dummy;
	if ((c = fw_host_cert(d, s->fqdn, role)) != NULL) {
		*from = FW_CERT_FROM_SERVER;
		return c;
	}
	if ((c = fw_host_cert(d, s->pool, role)) != NULL) {
		*from = FW_CERT_FROM_POOL;
		return c;
	}
	if (d->certs[role].pem != NULL) {
		*from = FW_CERT_FROM_DEFAULT;
		return &d->certs[role];
	}
	*from = FW_CERT_FROM_NONE;
	return NULL;
}

struct fw_probe_result *
fw_add_probe_result(struct fw_deployment *d, const char *host, int port,
    const char *kind, const char *time, int ok, const char *summary,
    const char *detail)
{
	struct fw_probe_result *e = list_append((void **)&d->probes,
	    &d->n_probes, sizeof *e);

	e->host = dup_or_null(host);
	e->port = port;
	e->kind = dup_or_null(kind);
	e->time = dup_or_null(time);
	e->ok = ok;
	e->summary = dup_or_null(summary);
	e->detail = dup_or_null(detail);
	return e;
}

const struct fw_imp_node *
fw_find_imp_node(const struct fw_deployment *d, const char *fqdn)
{
	size_t i;

	for (i = 0; i < d->n_imp_nodes; i++) {
		if (fw_strcaseeq(d->imp_nodes[i].fqdn, fqdn))
			return &d->imp_nodes[i];
	}
	return NULL;
}

const struct fw_ocs_domain *
fw_find_ocs_domain(const struct fw_deployment *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n_ocs_domains; i++) {
		if (fw_strcaseeq(d->ocs_domains[i].name, name))
			return &d->ocs_domains[i];
	}
	return NULL;
}

const struct fw_ocs_pool *
fw_find_ocs_pool(const struct fw_deployment *d, const char *fqdn)
{
	size_t i;

	for (i = 0; i < d->n_ocs_pools; i++) {
		if (fw_strcaseeq(d->ocs_pools[i].fqdn, fqdn))
			return &d->ocs_pools[i];
	}
	return NULL;
}

const struct fw_imp_node *
fw_imp_domain_target(const struct fw_deployment *d,
    const struct fw_imp_domain *dom)
{
	const struct fw_imp_node *n;

	if (dom->route_to != NULL && (n = fw_find_imp_node(d, dom->route_to)))
		return n;
	return d->n_imp_nodes > 0 ? &d->imp_nodes[0] : NULL;
}

size_t
fw_imp_nodes_routing_first(const struct fw_deployment *d,
    const struct fw_imp_node ***out)
{
	const struct fw_imp_node **order, *node;
	size_t i, j, n = 0;

	order = xreallocarray(NULL, d->n_imp_nodes + 1, sizeof *order);
	for (i = 0; i < d->n_imp_domains + d->n_imp_nodes; i++) {
		node = i < d->n_imp_domains ?
		    fw_imp_domain_target(d, &d->imp_domains[i]) :
		    &d->imp_nodes[i - d->n_imp_domains];
		for (j = 0; node != NULL && j < n; j++) {
			if (order[j] == node)
				break;
		}
		if (node != NULL && j == n)
			order[n++] = node;
	}
	*out = order;
	return n;
}

enum fw_microsoft
fw_ocs_domain_microsoft(const struct fw_deployment *d,
    const struct fw_ocs_domain *od)
{
	if (od != NULL && od->microsoft != FW_MICROSOFT_INHERIT)
		return od->microsoft;
	return d->microsoft;
}

enum fw_microsoft
fw_ocs_server_microsoft(const struct fw_deployment *d,
    const struct fw_ocs_server *s)
{
	return fw_ocs_domain_microsoft(d, s->domain == NULL ? NULL :
	    fw_find_ocs_domain(d, s->domain));
}

enum fw_microsoft
fw_ocs_pool_microsoft(const struct fw_deployment *d,
    const struct fw_ocs_pool *pool)
{
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		if (fw_strcaseeq(d->ocs_servers[i].pool, pool->fqdn))
			return fw_ocs_server_microsoft(d, &d->ocs_servers[i]);
	}
	return d->microsoft;
}

const char *
fw_ocs_domain_topology(const struct fw_ocs_domain *od)
{
	return od != NULL && od->topology != NULL ? od->topology :
	    FW_TOPOLOGY_DEFAULT;
}

const char *
fw_ocs_server_topology(const struct fw_deployment *d,
    const struct fw_ocs_server *s)
{
	return fw_ocs_domain_topology(s->domain == NULL ? NULL :
	    fw_find_ocs_domain(d, s->domain));
}

const char *
fw_ocs_pool_topology(const struct fw_deployment *d,
    const struct fw_ocs_pool *pool)
{
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		if (fw_strcaseeq(d->ocs_servers[i].pool, pool->fqdn))
			return fw_ocs_server_topology(d, &d->ocs_servers[i]);
	}
	return FW_TOPOLOGY_DEFAULT;
}

size_t
fw_lync_topologies(const struct fw_deployment *d, const char ***out)
{
	const char **t = xreallocarray(NULL, d->n_ocs_domains + 1, sizeof *t);
	const char *name;
	size_t i, j, n = 0;

	if (d->n_ocs_domains == 0 && fw_microsoft_is_lync(d->microsoft))
		t[n++] = FW_TOPOLOGY_DEFAULT;
	for (i = 0; i < d->n_ocs_domains; i++) {
		if (!fw_microsoft_is_lync(fw_ocs_domain_microsoft(d,
		    &d->ocs_domains[i])))
			continue;
		name = fw_ocs_domain_topology(&d->ocs_domains[i]);
		for (j = 0; j < n && strcmp(t[j], name) != 0; j++)
			;
		if (j == n)
			t[n++] = name;
	}
	*out = t;
	return n;
}

size_t
fw_topology_products(const struct fw_deployment *d, const char *t,
    enum fw_microsoft out[])
{
	enum fw_microsoft m;
	size_t i, j, n = 0;

	if (d->n_ocs_domains == 0 && fw_microsoft_is_lync(d->microsoft) &&
	    strcmp(t, FW_TOPOLOGY_DEFAULT) == 0)
		out[n++] = d->microsoft;
	for (i = 0; i < d->n_ocs_domains; i++) {
		m = fw_ocs_domain_microsoft(d, &d->ocs_domains[i]);
		if (!fw_microsoft_is_lync(m) || strcmp(t,
		    fw_ocs_domain_topology(&d->ocs_domains[i])) != 0)
			continue;
		for (j = 0; j < n && out[j] != m; j++)
			;
		if (j == n)
			out[n++] = m;
	}
	return n;
}

int
fw_microsoft_is_lync(enum fw_microsoft m)
{
	return m != FW_MICROSOFT_OCS2007R2 && m != FW_MICROSOFT_INHERIT;
}

/* Whether some OCS domain (none: the default) runs m. */
static int
runs(const struct fw_deployment *d, enum fw_microsoft m)
{
	size_t i;

	if (d->n_ocs_domains == 0)
		return d->microsoft == m;
	for (i = 0; i < d->n_ocs_domains; i++) {
		if (fw_ocs_domain_microsoft(d, &d->ocs_domains[i]) == m)
			return 1;
	}
	return 0;
}

/* Whether some OCS domain (none: the default) runs Lync/SfB (lync = 1)
 * or OCS 2007 R2 (lync = 0). */
static int
has_kind(const struct fw_deployment *d, int lync)
{
	int m;

	for (m = 0; m < FW_MICROSOFT_COUNT; m++) {
		if (fw_microsoft_is_lync((enum fw_microsoft)m) == lync &&
		    runs(d, (enum fw_microsoft)m))
			return 1;
	}
	return 0;
}

int
fw_deployment_has_lync(const struct fw_deployment *d)
{
	return has_kind(d, 1);
}

int
fw_deployment_has_ocs2007(const struct fw_deployment *d)
{
	return has_kind(d, 0);
}

static const char *const microsoft_products[] = {
	"OCS 2007 R2", "Lync Server 2010", "Lync Server 2013",
	"Skype for Business Server 2015", "Skype for Business Server 2019",
	"Skype for Business Server Subscription Edition",
};

const char *
fw_microsoft_product(enum fw_microsoft m)
{
	return microsoft_products[m];
}

char *
fw_deployment_products(const struct fw_deployment *d)
{
	struct fw_strbuf sb;
	int m;

	fw_sb_init(&sb);
	fw_sb_add(&sb, "");
	for (m = 0; m < FW_MICROSOFT_COUNT; m++) {
		if (!runs(d, (enum fw_microsoft)m))
			continue;
		fw_sb_printf(&sb, "%s%s", sb.len > 0 ? ", " : "",
		    fw_microsoft_product((enum fw_microsoft)m));
	}
	return fw_sb_steal(&sb);
}

/* A number of at most 4 digits at *s; -1 when there is none. */
static int
release_number(const char **s)
{
	int v = 0, digits = 0;

	while (**s >= '0' && **s <= '9' && digits < 4) {
		v = v * 10 + (**s - '0');
		(*s)++;
		digits++;
	}
	return digits > 0 && !(**s >= '0' && **s <= '9') ? v : -1;
}

int
fw_imp_release_parse(const char *s, struct fw_imp_release *r)
{
	memset(r, 0, sizeof *r);
	if ((r->major = release_number(&s)) < 0)
		return -1;
	if (*s == '.' && (s++, (r->minor = release_number(&s)) < 0))
		return -1;
	if (*s == '(' && (s++, (r->build = release_number(&s)) < 0 ||
	    *s++ != ')'))
		return -1;
	if ((s[0] == 'S' || s[0] == 's') && (s[1] == 'U' || s[1] == 'u')) {
		s += 2;
		if ((r->su = release_number(&s)) < 0)
			return -1;
	}
	return *s == '\0' && r->major > 0 ? 0 : -1;
}

int
fw_imp_release_at_least(const char *s, int major, int minor, int build,
    int su)
{
	struct fw_imp_release r;
	int have[4] = { 0, 0, 0, 0 }, want[4] = { major, minor, build, su };
	size_t i;

	if (s != NULL && fw_imp_release_parse(s, &r) == 0) {
		have[0] = r.major;
		have[1] = r.minor;
		have[2] = r.build;
		have[3] = r.su;
	}
	for (i = 0; i < 4; i++) {
		if (have[i] != want[i])
			return have[i] > want[i];
	}
	return 1;
}

char *
fw_imp_release_norm(const char *s)
{
	char *n = xstrdup(s), *p;

	for (p = n; *p != '\0'; p++) {
		if (*p == 's' || *p == 'u')
			*p = (char)(*p - 'a' + 'A');
	}
	return n;
}

/* One table per enum keeps names and parsing in one place. */
static const char *const transport_names[] = { "tls", "tcp" };
static const char *const edition_names[] = { "standard", "enterprise" };
static const char *const route_names[] = { "primary", "backup", "none" };
static const char *const microsoft_names[] = {
	"ocs2007r2", "lync2010", "lync2013", "sfb2015", "sfb2019", "sfbse"
};
static const char *const cert_role_keys[] = {
	"ocs_ca", "ocs_cert", "imp_ca", "imp_cert"
};

static int
name_parse(const char *const *names, size_t n, const char *s, int *out)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++) {
		if (fw_strcaseeq(names[i], s)) {
			*out = (int)i;
			return 0;
		}
	}
	return -1;
}

#define NAME_PARSE(names, s, out, type) do {				\
	int v_;								\
	if (name_parse(names, sizeof names / sizeof names[0], s, &v_))	\
		return -1;						\
	*(out) = (type)v_;						\
	return 0;							\
} while (0)

const char *
fw_transport_name(enum fw_transport t)
{
	return transport_names[t];
}

int
fw_transport_parse(const char *s, enum fw_transport *out)
{
	NAME_PARSE(transport_names, s, out, enum fw_transport);
}

const char *
fw_edition_name(enum fw_edition e)
{
	return edition_names[e];
}

int
fw_edition_parse(const char *s, enum fw_edition *out)
{
	NAME_PARSE(edition_names, s, out, enum fw_edition);
}

const char *
fw_microsoft_name(enum fw_microsoft m)
{
	return microsoft_names[m];
}

int
fw_microsoft_parse(const char *s, enum fw_microsoft *out)
{
	NAME_PARSE(microsoft_names, s, out, enum fw_microsoft);
}

const char *
fw_route_name(enum fw_route_role r)
{
	return route_names[r];
}

int
fw_route_parse(const char *s, enum fw_route_role *out)
{
	NAME_PARSE(route_names, s, out, enum fw_route_role);
}

const char *
fw_cert_role_key(enum fw_cert_role r)
{
	return cert_role_keys[r];
}

int
fw_cert_role_parse(const char *s, enum fw_cert_role *out)
{
	NAME_PARSE(cert_role_keys, s, out, enum fw_cert_role);
}

int
fw_transport_port(enum fw_transport t)
{
	/* Guide, "Configure Static Route on IM and Presence Service": TCP
	 * 5060, TLS 5061. */
	return t == FW_TRANSPORT_TCP ? 5060 : 5061;
}

int
fw_next_hop_port(const struct fw_deployment *d)
{
	return d->next_hop_port > 0 ? d->next_hop_port :
	    fw_transport_port(d->transport);
}

static int
is_port_setting(const char *key)
{
	return strcmp(key, "peer_auth_port") == 0 ||
	    strcmp(key, "server_auth_port") == 0 ||
	    strcmp(key, "next_hop_port") == 0;
}

int
fw_setting_check(const char *key, const char *value, char **norm,
    char **cause)
{
	enum fw_transport t;
	enum fw_edition e;
	enum fw_microsoft m;
	struct fw_imp_release r;
	int port;

	*norm = NULL;
	if (strcmp(key, "name") == 0) {
		if (value[0] == '\0' || strlen(value) > 200)
			return fw_fail(cause, _("give 1 to 200 "
			    "characters"));
		*norm = xstrdup(value);
	} else if (strcmp(key, "transport") == 0) {
		if (fw_transport_parse(value, &t) != 0)
			return fw_fail(cause, _("'%s'; use tls or "
			    "tcp"), value);
		*norm = xstrdup(fw_transport_name(t));
	} else if (strcmp(key, "ocs_edition") == 0) {
		if (fw_edition_parse(value, &e) != 0)
			return fw_fail(cause, _("'%s'; use "
			    "standard or enterprise"), value);
		*norm = xstrdup(fw_edition_name(e));
	} else if (strcmp(key, "microsoft") == 0) {
		if (fw_microsoft_parse(value, &m) != 0)
			return fw_fail(cause, _("'%s'; use "
			    "ocs2007r2, lync2010, lync2013, sfb2015, sfb2019 "
			    "or sfbse"), value);
		*norm = xstrdup(fw_microsoft_name(m));
	} else if (strcmp(key, "imp_release") == 0) {
		/* Empty: not given (the wizard's way to take it back). */
		if (value[0] != '\0' && fw_imp_release_parse(value, &r) != 0)
			return fw_fail(cause, _("'%s'; give the "
			    "IM and Presence release as 12.5, 11.5(1)SU3 or "
			    "15SU2"), value);
		*norm = fw_imp_release_norm(value);
	} else if (is_port_setting(key)) {
		if (fw_syntax_port(value, &port, cause) != 0)
			return -1;
		*norm = xasprintf("%d", port);
	} else {
		return fw_fail(cause, _("unknown setting '%s'"), key);
	}
	return 0;
}

void
fw_setting_apply(struct fw_deployment *d, const char *key, const char *norm)
{
	if (strcmp(key, "name") == 0) {
		free(d->name);
		d->name = xstrdup(norm);
	} else if (strcmp(key, "transport") == 0) {
		fw_transport_parse(norm, &d->transport);
	} else if (strcmp(key, "ocs_edition") == 0) {
		fw_edition_parse(norm, &d->edition);
	} else if (strcmp(key, "microsoft") == 0) {
		fw_microsoft_parse(norm, &d->microsoft);
	} else if (strcmp(key, "imp_release") == 0) {
		free(d->imp_release);
		d->imp_release = norm[0] != '\0' ? xstrdup(norm) : NULL;
	} else if (strcmp(key, "peer_auth_port") == 0) {
		d->peer_auth_port = atoi(norm);
	} else if (strcmp(key, "server_auth_port") == 0) {
		d->server_auth_port = atoi(norm);
	} else if (strcmp(key, "next_hop_port") == 0) {
		d->next_hop_port = atoi(norm);
	}
}

char *
fw_setting_value(const struct fw_deployment *d, const char *key)
{
	if (strcmp(key, "name") == 0)
		return dup_or_null(d->name);
	if (strcmp(key, "transport") == 0)
		return xstrdup(fw_transport_name(d->transport));
	if (strcmp(key, "ocs_edition") == 0)
		return xstrdup(fw_edition_name(d->edition));
	if (strcmp(key, "microsoft") == 0)
		return xstrdup(fw_microsoft_name(d->microsoft));
	if (strcmp(key, "imp_release") == 0)
		return dup_or_null(d->imp_release);
	if (strcmp(key, "peer_auth_port") == 0)
		return xasprintf("%d", d->peer_auth_port);
	if (strcmp(key, "server_auth_port") == 0)
		return xasprintf("%d", d->server_auth_port);
	if (strcmp(key, "next_hop_port") == 0 && d->next_hop_port > 0)
		return xasprintf("%d", d->next_hop_port);
	return NULL;
}

int
fw_deployment_refused(const struct fw_deployment *d, char **cause)
{
	enum fw_microsoft m;
	size_t i;

	if (d->transport != FW_TRANSPORT_TCP || !fw_deployment_has_lync(d))
		return 0;
	m = d->n_ocs_domains == 0 ? d->microsoft : FW_MICROSOFT_OCS2007R2;
	for (i = 0; i < d->n_ocs_domains && !fw_microsoft_is_lync(m); i++)
		m = fw_ocs_domain_microsoft(d, &d->ocs_domains[i]);
	return fw_fail(cause, _("TCP is not supported for federation with "
	    "Microsoft Lync (Cisco, Interdomain Federation for IM and Presence "
	    "12.5(1)SU3, \"Interdomain Federation to Microsoft Lync\"): %s "
	    "takes TLS only; use transport tls"), fw_microsoft_product(m));
}

int
fw_setting_refused(const struct fw_deployment *d, const char *key,
    const char *value, char **cause)
{
	struct fw_deployment *c;
	char *norm = NULL;
	int rc;

	if (fw_setting_check(key, value, &norm, NULL) != 0)
		return 0;
	c = fw_deployment_copy(d);
	fw_setting_apply(c, key, norm);
	rc = fw_deployment_refused(c, cause);
	fw_deployment_free(c);
	free(norm);
	return rc;
}

/* Labels as the release's guide has them (domain notes): "Inter-domain to
 * OCS/Lync" in 12.5 and 14's OCS chapter (and this project's guide, the
 * label without a release), "... OCS/Lync/S4B" in 14's Skype for Business
 * chapter, "... Lync/S4B" in 15. */
const char *
fw_integration_type(const struct fw_deployment *d)
{
	if (fw_imp_release_at_least(d->imp_release, 15, 0, 0, 0))
		return "Inter-domain to Lync/S4B";
	if (fw_imp_release_at_least(d->imp_release, 14, 0, 0, 0))
		return "Inter-domain to OCS/Lync/S4B";
	return "Inter-domain to OCS/Lync";
}

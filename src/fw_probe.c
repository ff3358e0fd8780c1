#include "config.h"

#include "fw_probe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/x509.h>

#include "fw_i18n.h"
#include "fw_net.h"
#include "fw_peer_cert.h"
#include "fw_probe_sip.h"
#include "fw_tls_hello.h"
#include "fw_util.h"

/* ---- targets ---- */

static struct fw_probe_target *
add_target(struct fw_probe_targets *out)
{
	struct fw_probe_target *t;

	out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
	t = &out->items[out->n++];
	memset(t, 0, sizeof *t);
	return t;
}

/* The IM&P domain whose OCS routes point to node (else the first one). */
static const char *
imp_domain_for(const struct fw_deployment *d, const struct fw_imp_node *node)
{
	size_t i;

	for (i = 0; i < d->n_imp_domains; i++) {
		if (fw_imp_domain_target(d, &d->imp_domains[i]) == node)
			return d->imp_domains[i].name;
	}
	return d->n_imp_domains > 0 ? d->imp_domains[0].name : node->fqdn;
}

static int
matches(const char *only, const char *fqdn, const char *ip)
{
	return only == NULL || fw_strcaseeq(only, fqdn) ||
	    (ip != NULL && strcmp(only, ip) == 0);
}

int
fw_probe_parse_timeout(const char *s, int *seconds)
{
	char *end;
	long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 1 || v > FW_PROBE_TIMEOUT_MAX_S)
		return -1;
	*seconds = (int)v;
	return 0;
}

int
fw_probe_port(const struct fw_deployment *d, enum fw_probe_role role)
{
	if (role == FW_PROBE_OCS_NEXT_HOP)
		return fw_next_hop_port(d);
	/* OCS routes to the Peer Auth listener under TLS (guide, Verify Peer
	 * Authentication Listener), to 5060 under TCP. */
	return d->transport == FW_TRANSPORT_TLS ? d->peer_auth_port :
	    fw_transport_port(FW_TRANSPORT_TCP);
}

int
fw_probe_targets(const struct fw_deployment *d, const char *only,
    struct fw_probe_targets *out, char **cause)
{
	const struct fw_ocs_server *s;
	const struct fw_imp_node *node;
	struct fw_probe_target *t;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (!matches(only, s->fqdn, s->ip))
			continue;
		t = add_target(out);
		t->host = xstrdup(s->fqdn);
		t->addr = xstrdup(s->ip);
		t->port = fw_probe_port(d, FW_PROBE_OCS_NEXT_HOP);
		t->tls = d->transport == FW_TRANSPORT_TLS;
		t->role = FW_PROBE_OCS_NEXT_HOP;
		if (s->route == FW_ROUTE_NONE)
			t->label = xasprintf(_("OCS front end for %s, not a "
			    "next hop"), s->domain);
		else
			t->label = xasprintf(_("OCS next hop for %s, %s"),
			    s->domain, s->route == FW_ROUTE_BACKUP ?
			    _("backup") : _("primary"));
		t->from_domain = xstrdup(d->n_imp_domains > 0 ?
		    d->imp_domains[0].name : s->fqdn);
		t->to_domain = xstrdup(s->domain);
		t->ca = FW_CERT_OCS_CA;
	}
	for (i = 0; i < d->n_imp_nodes; i++) {
		node = &d->imp_nodes[i];
		if (!matches(only, node->fqdn, node->ip))
			continue;
		t = add_target(out);
		t->host = xstrdup(node->fqdn);
		t->addr = xstrdup(node->ip);
		t->tls = d->transport == FW_TRANSPORT_TLS;
		t->port = fw_probe_port(d, FW_PROBE_IMP_NODE);
		t->role = FW_PROBE_IMP_NODE;
		t->label = xstrdup(t->tls ? _("IM and Presence Peer Auth "
		    "listener") : _("IM and Presence node, SIP over TCP"));
		t->from_domain = xstrdup(d->n_ocs_domains > 0 ?
		    d->ocs_domains[0].name : node->fqdn);
		t->to_domain = xstrdup(imp_domain_for(d, node));
		t->ca = FW_CERT_IMP_CA;
	}
	if (only != NULL && out->n == 0)
		return fw_fail(cause, _("%s: not an OCS server or IM and "
		    "Presence node of this project; only those are probed"),
		    only);
	return 0;
}

void
fw_probe_targets_free(struct fw_probe_targets *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		free(ts->items[i].host);
		free(ts->items[i].addr);
		free(ts->items[i].label);
		free(ts->items[i].from_domain);
		free(ts->items[i].to_domain);
	}
	free(ts->items);
	memset(ts, 0, sizeof *ts);
}

/* ---- running ---- */

struct run {
	const struct fw_deployment *d;
	const struct fw_probe_target *t;
	const struct fw_probe_opts *o;
	fw_probe_cb cb;
	void *ctx;
	size_t failed;
};

static int
stopped(const struct run *run)
{
	return run->o->stop != NULL && *run->o->stop;
}

/* Reports one result; summary and detail are taken over (freed here). */
static void
report(struct run *run, const char *kind, int ok, char *summary,
    char *detail)
{
	struct fw_probe_result r;
	char now[32];

	fw_now_utc(now, sizeof now);
	r.host = run->t->host;
	r.port = run->t->port;
	r.kind = (char *)(uintptr_t)kind;
	r.time = now;
	r.ok = ok;
	r.summary = summary;
	r.detail = detail != NULL && *detail != '\0' ? detail : NULL;
	if (!ok)
		run->failed++;
	run->cb(run->t, &r, run->ctx);
	free(summary);
	free(detail);
}

/* One ClientHello offering only 0x000A; the verdict in *sb. Returns 1 when
 * the peer chose 0x000A, 0 when it answered otherwise, -1 on no answer. */
static int
hello_once(struct run *run, unsigned version, struct fw_hello_reply *reply,
    struct fw_strbuf *sb, char **cause)
{
	enum fw_net_status st;

	st = fw_tls_hello_exchange(run->t->addr, run->t->port, run->t->host,
	    version, run->o->timeout_ms, run->o->stop, reply, cause);
	if (reply->have_server_hello && reply->suite == FW_TLS_RSA_3DES) {
		fw_sb_printf(sb, _("accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA "
		    "(0x000A) with %s"), fw_tls_version_name(reply->version));
		return 1;
	}
	if (reply->have_server_hello) {
		fw_sb_printf(sb, _("answered with suite 0x%04X though only "
		    "0x000A was offered (a broken TLS stack)"), reply->suite);
		return 0;
	}
	if (reply->have_alert) {
		fw_sb_printf(sb, _("refuses TLS_RSA_WITH_3DES_EDE_CBC_SHA "
		    "(0x000A) offered with %s: alert %s (%d)"),
		    fw_tls_version_name(version),
		    SSL_alert_desc_string_long(reply->alert_desc),
		    reply->alert_desc);
		return 0;
	}
	fw_sb_printf(sb, _("no answer to a %s ClientHello offering 0x000A: "
	    "%s"), fw_tls_version_name(version), *cause != NULL ? *cause :
	    fw_net_status_text(st));
	return st == FW_NET_CLOSED ? 0 : -1;
}

/* Probes 0x000A with TLS 1.2 and, when that is not accepted, TLS 1.0 (an
 * OCS 2007 R2 server may know nothing newer). Keeps the chain it saw;
 * returns whether the peer accepts 0x000A. */
static int
probe_3des(struct run *run, struct fw_hello_reply *keep)
{
	static const unsigned versions[] = { FW_TLS_V1_2, FW_TLS_V1_0 };
	struct fw_hello_reply reply;
	struct fw_strbuf first, second;
	char *cause = NULL;
	int r = -1;
	size_t i;

	fw_sb_init(&first);
	fw_sb_init(&second);
	memset(&reply, 0, sizeof reply);
	for (i = 0; i < 2 && r != 1 && !stopped(run); i++) {
		free(cause);
		cause = NULL;
		r = hello_once(run, versions[i], &reply, i == 0 ? &first :
		    &second, &cause);
		if (reply.n_certs > 0 && keep->n_certs == 0) {
			*keep = reply;
			memset(&reply, 0, sizeof reply);
		}
		fw_hello_reply_clear(&reply);
		if (r == -1)
			break;	/* no TLS there at all: TLS 1.0 won't help */
	}
	free(cause);
	if (stopped(run)) {
		free(first.buf);
		free(second.buf);
		return 0;
	}
	if (second.len > 0 && r == 1)
		report(run, FW_PROBE_KIND_3DES, 1, fw_sb_steal(&second),
		    fw_sb_steal(&first));
	else
		report(run, FW_PROBE_KIND_3DES, r == 1, fw_sb_steal(&first),
		    fw_sb_steal(&second));
	return r == 1;
}

/* The CA the probed side's certificate should chain to: an OCS server's
 * own or its pool's when it has one (fw_server_cert()), else the
 * project's; NULL when none is given. */
static const char *
probe_ca(const struct fw_deployment *d, const struct fw_probe_target *t)
{
	const struct fw_cert *c;
	size_t i;

	for (i = 0; t->ca == FW_CERT_OCS_CA && i < d->n_ocs_servers; i++) {
		if (!fw_strcaseeq(d->ocs_servers[i].fqdn, t->host))
			continue;
		c = fw_server_cert(d, &d->ocs_servers[i], FW_CERT_OCS_CA, NULL);
		return c != NULL ? c->pem : NULL;
	}
	return d->certs[t->ca].pem;
}

static void
probe_cert(struct run *run, const struct fw_tls_info *info,
    const struct fw_hello_reply *hello)
{
	X509 *der[FW_TLS_HELLO_MAX_CERTS];
	X509 *const *chain = info->certs;
	struct fw_strbuf sb;
	size_t i, n = info->n_certs, problems;
	const char *ca = probe_ca(run->d, run->t);

	if (n == 0) {
		n = fw_peer_cert_from_der(hello, der);
		chain = der;
	}
	if (n == 0) {
		report(run, FW_PROBE_KIND_CERT, 0, xstrdup(_("no certificate "
		    "seen: neither handshake got that far")), NULL);
		return;
	}
	fw_sb_init(&sb);
	problems = fw_peer_cert_judge(chain, n, run->t->host, ca,
	    run->o->now, &sb);
	report(run, FW_PROBE_KIND_CERT, problems == 0, problems == 0 ?
	    xstrdup(_("the presented certificate meets the guide's rules")) :
	    problems == 1 ?
	    xstrdup(_("1 problem with the presented certificate")) :
	    xasprintf(_("%zu problems with the presented certificate"),
	    problems), fw_sb_steal(&sb));
	if (chain == der) {
		for (i = 0; i < n; i++)
			X509_free(der[i]);
	}
}

static void
probe_sip(struct run *run, struct fw_conn *c, const char *over)
{
	struct fw_sip_request rq;
	struct fw_sip_reply reply;
	enum fw_net_status st;
	char *cause = NULL;

	rq.host = run->t->host;
	rq.port = run->t->port;
	rq.tls = run->t->tls;
	rq.from_domain = run->t->from_domain;
	rq.to_domain = run->t->to_domain;
	st = fw_sip_options(c, &rq, run->o->timeout_ms, run->o->stop, &reply,
	    &cause);
	if (st == FW_NET_STOPPED) {
		free(cause);
		return;
	}
	if (st != FW_NET_OK)
		report(run, FW_PROBE_KIND_SIP, 0, xasprintf(_("no answer to "
		    "OPTIONS over %s: %s"), over, cause), NULL);
	else
		report(run, FW_PROBE_KIND_SIP, reply.code / 100 == 2,
		    xasprintf(_("%d %s over %s"), reply.code, reply.reason,
		    over), xasprintf(_("round trip %ld ms; %s: %s"),
		    reply.rtt_ms, _("Server"), reply.agent != NULL ?
		    reply.agent : _("(not given)")));
	fw_sip_reply_clear(&reply);
	free(cause);
}

/* The OpenSSL handshake, then SIP on the same connection. accepts_3des:
 * the ClientHello probe saw the peer choose 0x000A. */
static void
probe_tls_sip(struct run *run, struct fw_tls_info *info, int accepts_3des)
{
	struct fw_conn c;
	struct fw_strbuf sb;
	enum fw_net_status st;
	char *cause = NULL;

	fw_sb_init(&sb);
	fw_sb_printf(&sb, "%s\n", fw_tls_probe_lowered());
	st = fw_conn_open_tls(run->t->addr, run->t->port, run->t->host,
	    run->o->client, run->o->timeout_ms, run->o->stop, &c, info,
	    &cause);
	if (st == FW_NET_STOPPED)
		goto out;
	if (info->cert_requested)
		fw_sb_printf(&sb, "%s\n", info->cert_sent ?
		    _("the peer asked for a client certificate; the one given "
		    "was sent (mutual TLS)") :
		    _("the peer asked for a client certificate; give one with "
		    "--client-cert and --client-key to try mutual TLS"));
	if (st != FW_NET_OK && accepts_3des && info->alert >= 0)
		fw_sb_printf(&sb, "%s\n", _("the peer accepts 3DES, which "
		    "Debian's OpenSSL lacks; it may offer nothing else, which "
		    "the IM and Presence TLS context can still use"));
	if (st != FW_NET_OK) {
		report(run, FW_PROBE_KIND_TLS, 0, xasprintf(_("no TLS "
		    "handshake: %s"), cause), fw_sb_steal(&sb));
		if (!stopped(run))
			report(run, FW_PROBE_KIND_SIP, 0, xstrdup(_("not tried: "
			    "no TLS connection")), NULL);
		goto out;
	}
	report(run, FW_PROBE_KIND_TLS, 1, xasprintf(_("%s, %s (0x%04X)"),
	    info->version, info->cipher, info->suite), fw_sb_steal(&sb));
	if (!stopped(run))
		probe_sip(run, &c, info->version);
out:
	free(sb.buf);
	free(cause);
	fw_conn_close(&c);
}

size_t
fw_probe_run(const struct fw_deployment *d, const struct fw_probe_target *t,
    const struct fw_probe_opts *opts, fw_probe_cb cb, void *ctx)
{
	struct run run = { d, t, opts, cb, ctx, 0 };
	struct fw_hello_reply hello;
	struct fw_tls_info info;
	struct fw_conn c;
	char *cause = NULL;
	int accepts;

	memset(&hello, 0, sizeof hello);
	memset(&info, 0, sizeof info);
	if (!t->tls) {
		if (fw_conn_open_tcp(t->addr, t->port, opts->timeout_ms,
		    opts->stop, &c, &cause) == FW_NET_OK)
			probe_sip(&run, &c, "TCP");
		else if (!stopped(&run))
			report(&run, FW_PROBE_KIND_SIP, 0, xasprintf(_("no "
			    "TCP connection: %s"), cause), NULL);
		fw_conn_close(&c);
		free(cause);
		return run.failed;
	}
	accepts = probe_3des(&run, &hello);
	if (!stopped(&run))
		probe_tls_sip(&run, &info, accepts);
	if (!stopped(&run))
		probe_cert(&run, &info, &hello);
	fw_tls_info_clear(&info);
	fw_hello_reply_clear(&hello);
	return run.failed;
}

/* ---- stored results ---- */

const struct fw_probe_result *
fw_probe_find(const struct fw_deployment *d, const char *host, int port,
    const char *kind)
{
	size_t i;

	for (i = 0; i < d->n_probes; i++) {
		if (d->probes[i].port == port &&
		    fw_strcaseeq(d->probes[i].host, host) &&
		    strcmp(d->probes[i].kind, kind) == 0)
			return &d->probes[i];
	}
	return NULL;
}

char *
fw_probe_verified_line(const struct fw_probe_result *r)
{
	/* "YYYY-MM-DD HH:MM": the seconds are noise on a checklist. */
	int len = r->time != NULL ? (int)strnlen(r->time, 16) : 0;

	return r->ok ?
	    xasprintf(_("verified %.*s: %s"), len, r->time ? r->time : "",
	    r->summary) :
	    xasprintf(_("failed %.*s: %s"), len, r->time ? r->time : "",
	    r->summary);
}

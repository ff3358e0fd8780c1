#include "config.h"

#include "fw_answers.h"

#include <stdlib.h>
#include <string.h>

#include "fw_util.h"

/*
 * The export: a deployment written as an answers file (fedwiz-answers(5)),
 * which fw_answers_parse() reads back to the same deployment.
 *
 * The export is data, not prose for this user: its comments stay in
 * English whatever the locale, so the same project always gives the same
 * bytes (export, import, export is byte-identical).
 */

/* One "key = value" line. A character import refuses in a value (a
 * control or bidi character planted in the project) is written as its
 * visible escape (fw_sb_add_shown()), so the line imports again. */
static void
put_kv(struct fw_strbuf *sb, const char *key, const char *value)
{
	if (value == NULL)
		return;
	fw_sb_printf(sb, "%s = ", key);
	fw_sb_add_shown(sb, value, strlen(value), FW_SHOWN_TAB);
	fw_sb_add(sb, "\n");
}

static void
put_settings(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	fw_sb_add(sb, "\n[deployment]\n");
	put_kv(sb, "name", d->name);
	put_kv(sb, "transport", fw_transport_name(d->transport));
	put_kv(sb, "ocs_edition", fw_edition_name(d->edition));
	/* No key reads as OCS 2007 R2: files of fedwiz before Lync stay
	 * byte-identical. */
	if (d->microsoft != FW_MICROSOFT_OCS2007R2)
		put_kv(sb, "microsoft", fw_microsoft_name(d->microsoft));
	put_kv(sb, "imp_release", d->imp_release);
	fw_sb_printf(sb, "peer_auth_port = %d\n", d->peer_auth_port);
	fw_sb_printf(sb, "server_auth_port = %d\n", d->server_auth_port);
	if (d->next_hop_port > 0)
		fw_sb_printf(sb, "next_hop_port = %d\n", d->next_hop_port);
}

static void
put_lists_imp(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	size_t i;

	if (d->n_imp_domains > 0)
		fw_sb_add(sb, "\n# IM and Presence domains; OCS static routes "
		    "for each point to route_to\n# (default: the first "
		    "imp_node).\n");
	for (i = 0; i < d->n_imp_domains; i++) {
		fw_sb_add(sb, i > 0 ? "\n[imp_domain]\n" : "[imp_domain]\n");
		put_kv(sb, "name", d->imp_domains[i].name);
		put_kv(sb, "route_to", d->imp_domains[i].route_to);
	}
	if (d->n_imp_nodes > 0)
		fw_sb_add(sb, "\n# IM and Presence cluster nodes.\n");
	for (i = 0; i < d->n_imp_nodes; i++) {
		fw_sb_add(sb, i > 0 ? "\n[imp_node]\n" : "[imp_node]\n");
		put_kv(sb, "fqdn", d->imp_nodes[i].fqdn);
		put_kv(sb, "ip", d->imp_nodes[i].ip);
	}
}

/* "KEY = <<PEM", the PEM text and "PEM", after a comment with its
 * fingerprint. */
static void
put_cert(struct fw_strbuf *sb, const char *key, const struct fw_cert *c)
{
	size_t len = strlen(c->pem);

	if (c->sha256 != NULL)
		fw_sb_printf(sb, "# %s SHA-256 %s\n", key, c->sha256);
	fw_sb_printf(sb, "%s = %s\n", key, FW_ANSWERS_HEREDOC);
	fw_sb_add(sb, c->pem);
	if (len > 0 && c->pem[len - 1] != '\n')
		fw_sb_add(sb, "\n");
	fw_sb_add(sb, FW_ANSWERS_HEREDOC_END "\n");
}

/* The OCS server's or pool's own certificates, if any. */
static void
put_host_certs(struct fw_strbuf *sb, const struct fw_deployment *d,
    const char *host)
{
	const struct fw_cert *c;
	int r;

	for (r = 0; r < FW_CERT_COUNT; r++) {
		if (!fw_cert_role_per_host((enum fw_cert_role)r))
			continue;
		c = fw_host_cert(d, host, (enum fw_cert_role)r);
		if (c != NULL)
			put_cert(sb, fw_cert_role_key((enum fw_cert_role)r), c);
	}
}

static void
put_lists_ocs(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	const struct fw_ocs_server *srv;
	size_t i;

	if (d->n_ocs_domains > 0)
		fw_sb_add(sb, "\n# Microsoft OCS domains (federated domain "
		    "entries on IM and Presence).\n");
	for (i = 0; i < d->n_ocs_domains; i++) {
		fw_sb_add(sb, i > 0 ? "\n[ocs_domain]\n" : "[ocs_domain]\n");
		put_kv(sb, "name", d->ocs_domains[i].name);
		put_kv(sb, "description", d->ocs_domains[i].description);
		if (d->ocs_domains[i].microsoft != FW_MICROSOFT_INHERIT)
			put_kv(sb, "microsoft",
			    fw_microsoft_name(d->ocs_domains[i].microsoft));
		put_kv(sb, "topology", d->ocs_domains[i].topology);
	}
	if (d->n_ocs_pools > 0)
		fw_sb_add(sb, "\n# OCS Enterprise Edition pools.\n");
	for (i = 0; i < d->n_ocs_pools; i++) {
		fw_sb_add(sb, i > 0 ? "\n[ocs_pool]\n" : "[ocs_pool]\n");
		put_kv(sb, "fqdn", d->ocs_pools[i].fqdn);
		put_host_certs(sb, d, d->ocs_pools[i].fqdn);
	}
	if (d->n_ocs_servers > 0)
		fw_sb_add(sb, "\n# OCS servers: next hops of the IM and "
		    "Presence static routes.\n");
	for (i = 0; i < d->n_ocs_servers; i++) {
		srv = &d->ocs_servers[i];
		fw_sb_add(sb, i > 0 ? "\n[ocs_server]\n" : "[ocs_server]\n");
		put_kv(sb, "fqdn", srv->fqdn);
		put_kv(sb, "ip", srv->ip);
		put_kv(sb, "domain", srv->domain);
		put_kv(sb, "pool", srv->pool);
		put_kv(sb, "route", fw_route_name(srv->route));
		put_host_certs(sb, d, srv->fqdn);
	}
}

static void
put_certs(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	int i, any = 0;

	for (i = 0; i < FW_CERT_COUNT; i++) {
		if (d->certs[i].pem == NULL)
			continue;
		if (!any)
			fw_sb_add(sb, "\n# Public certificates, inline "
			    "(PEM up to the line \"PEM\").\n[certificates]\n");
		any = 1;
		put_cert(sb, fw_cert_role_key((enum fw_cert_role)i),
		    &d->certs[i]);
	}
}

static void
put_ticks(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	const struct fw_tick *t;
	struct fw_strbuf v;
	size_t i;

	if (d->n_ticks == 0)
		return;
	fw_sb_add(sb, "\n# Checklist items ticked as done: id, fingerprint of "
	    "the values ticked,\n# when (UTC) and by whom.\n[done]\n");
	fw_sb_init(&v);
	for (i = 0; i < d->n_ticks; i++) {
		t = &d->ticks[i];
		v.len = 0;
		fw_sb_add(&v, t->item);
		if (t->fingerprint != NULL)
			fw_sb_printf(&v, " %s", t->fingerprint);
		if (t->time != NULL)
			fw_sb_printf(&v, " at %s", t->time);
		if (t->user != NULL)
			fw_sb_printf(&v, " by %s", t->user);
		put_kv(sb, "item", v.buf);
	}
	free(v.buf);
}

char *
fw_answers_format(const struct fw_deployment *d)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_add(&sb, "# fedwiz answers file; the format is described in "
	    "fedwiz(1), section ANSWERS FILE.\n");
	put_settings(&sb, d);
	put_lists_imp(&sb, d);
	put_lists_ocs(&sb, d);
	put_certs(&sb, d);
	put_ticks(&sb, d);
	return fw_sb_steal(&sb);
}

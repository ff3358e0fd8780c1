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

/* Names already seen, for "entered twice" on lists of hundreds: open
 * addressing over the positions of the caller's strings, so each check
 * costs one hash instead of a scan of all the names before it. */
struct seen {
	const char *const *keys;
	size_t *slots;		/* position + 1; 0 is empty */
	size_t mask;
	int fold;		/* ASCII case does not count */
};

static void
seen_init(struct seen *s, const char *const *keys, size_t n, int fold)
{
	size_t size = 16;

	while (size < 2 * n)
		size *= 2;
	s->keys = keys;
	s->slots = xcalloc(size, sizeof *s->slots);
	s->mask = size - 1;
	s->fold = fold;
}

/* The slot for key: the one holding an equal key, else the empty one
 * where it belongs. */
static size_t *
seen_slot(const struct seen *s, const char *key)
{
	size_t h = fw_strcasehash(key) & s->mask;
	const char *k;

	for (; s->slots[h] != 0; h = (h + 1) & s->mask) {
		k = s->keys[s->slots[h] - 1];
		if (s->fold ? fw_strcaseeq(k, key) : strcmp(k, key) == 0)
			break;
	}
	return &s->slots[h];
}

/* The position of the first key added that equals key, or (size_t)-1. */
static size_t
seen_find(const struct seen *s, const char *key)
{
	return *seen_slot(s, key) - 1;
}

/* Like seen_find for keys[i]; when there is none, keys[i] is added. */
static size_t
seen_add(struct seen *s, size_t i)
{
	size_t *slot = seen_slot(s, s->keys[i]);

	if (*slot == 0)
		*slot = i + 1;
	return *slot == i + 1 ? (size_t)-1 : *slot - 1;
}

static void
seen_free(struct seen *s)
{
	free(s->slots);
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
	struct seen seen;
	size_t i;

	seen_init(&seen, (const char *const *)norm, n, 0);
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
		if (seen_add(&seen, i) != (size_t)-1)
			fw_finding_add(out, FW_SEV_ERROR, step, field, norm[i],
			    _("%s is entered twice; delete one of the entries"),
			    norm[i]);
	}
	seen_free(&seen);
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
	struct seen seen;
	size_t i, j;

	seen_init(&seen, ips, n, 0);
	for (i = 0; i < n; i++) {
		if (ips[i] == NULL || ips[i][0] == '\0' ||
		    (j = seen_add(&seen, i)) == (size_t)-1)
			continue;
		fw_finding_add(out, FW_SEV_WARNING, steps[i], fields[i],
		    owners[i], _("%s has the same IP address as %s (%s); "
		    "check which one is right"), owners[i], owners[j], ips[i]);
	}
	seen_free(&seen);
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
	size_t n = d->n_imp_nodes, i;
	const char **names = xcalloc(n + 1, sizeof *names);
	struct seen seen;

	seen_init(&seen, names, n, 1);
	for (i = 0; i < n; i++) {
		if ((names[i] = d->imp_nodes[i].fqdn) != NULL)
			seen_add(&seen, i);
	}
	for (i = 0; i < d->n_ocs_servers; i++) {
		const char *fqdn = d->ocs_servers[i].fqdn;

		if (fqdn == NULL || seen_find(&seen, fqdn) == (size_t)-1)
			continue;
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("ocs_server"), "ocs_server", fqdn,
		    _("%s is entered both as an IM and Presence node and as "
		    "an OCS server; correct one of them"), fqdn);
	}
	seen_free(&seen);
	free(names);
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

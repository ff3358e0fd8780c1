#include "config.h"

#include "fw_powershell.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_ps_quote.h"
#include "fw_util.h"

/* data/lync-configure.ps1 and data/lync-readback.ps1, embedded by
 * Makefile.am: constant code around one marker line that the project's
 * values replace. */
extern const char fw_lync_configure_ps1[];
extern const char fw_lync_readback_ps1[];

#define PS_DATA_MARKER "# @FEDWIZ-DATA@\n"

/* Windows PowerShell reads a script without a byte order mark as ANSI
 * (Windows-1252), where the UTF-8 bytes 0x82, 0x91 and 0x92 of a name such
 * as "\u0102" are quote characters that would end its string early. */
#define PS_UTF8_BOM "\xef\xbb\xbf"

/* What the scripts say, translated here and handed to them as quoted
 * values ($Say); {0}, {1}... are PowerShell -f placeholders. */
static const struct {
	const char *key;
	const char *text;
} ps_messages[] = {
	/* TRANSLATORS: the messages of the generated PowerShell script. {0},
	 * {1}... are the values PowerShell's -f fills in: keep each, and
	 * write no other braces. */
	{ "Header", N_("fedwiz project {0}: the Lync / Skype for Business "
	    "side on {1}") },
	{ "Added", N_("added") },
	{ "Present", N_("present") },
	{ "Differs", N_("differs") },
	{ "RouteWhat", N_("TLS static route for {0} to {1}:{2}") },
	{ "PoolWhat", N_("trusted application pool {0} (registrar {1}, "
	    "site {2}, first computer {3})") },
	{ "ComputerWhat", N_("trusted application computer {0} in {1}") },
	{ "AppWhat", N_("trusted application {0} in {1} on port {2}") },
	{ "DiffValue", N_("{0} is {1} here, {2} in the fedwiz project") },
	{ "Topology", N_("Enable-CsTopology: the changed topology is enabled") },
	{ "SameTopology", N_("Topology {0}: its static routes and trusted "
	    "application pool serve {1} too. One run in the topology sets "
	    "them up; the others' scripts find them present.") },
	{ "Summary", N_("{0} added, {1} present, {2} different") },
	{ "Stopped", N_("Stopped at the first failure: {0} ({1} added, {2} "
	    "present, {3} different before it)") },
	{ "PoolIsNode", N_("-TrustedPoolFqdn {0} is an IM and Presence node; "
	    "a pool of several nodes needs an FQDN of its own") },
	{ "NoSite", N_("no single site found for registrar {0} (its site: "
	    "{1}); give -SiteId") },
	{ "DiffWarn", N_("What differs was left as it is: change it by hand "
	    "(or remove it and run this script again), then run fedwiz "
	    "powershell --read-back and fedwiz verify.") },
	{ "Written", N_("Written: {0}. Copy it to the fedwiz host and run "
	    "fedwiz verify PROJECT --microsoft FILE.") },
};

size_t
fw_ps_targets(const struct fw_deployment *d, const char ***out)
{
	int ee = d->edition == FW_EDITION_ENTERPRISE;
	size_t i, n = 0, all = ee ? d->n_ocs_pools : d->n_ocs_servers;
	const char **t = xreallocarray(NULL, all + 1, sizeof *t);

	/* OCS 2007 R2 has no Management Shell: its servers are set up in
	 * their Front End Properties (the checklist). */
	for (i = 0; i < all; i++) {
		if (ee && fw_microsoft_is_lync(fw_ocs_pool_microsoft(d,
		    &d->ocs_pools[i])))
			t[n++] = d->ocs_pools[i].fqdn;
		else if (!ee && fw_microsoft_is_lync(fw_ocs_server_microsoft(d,
		    &d->ocs_servers[i])))
			t[n++] = d->ocs_servers[i].fqdn;
	}
	*out = t;
	return n;
}

const char *
fw_ps_target_topology(const struct fw_deployment *d, const char *target)
{
	const struct fw_ocs_pool *p = fw_find_ocs_pool(d, target);
	size_t i;

	if (p != NULL)
		return fw_ocs_pool_topology(d, p);
	for (i = 0; i < d->n_ocs_servers; i++) {
		if (fw_strcaseeq(d->ocs_servers[i].fqdn, target))
			return fw_ocs_server_topology(d, &d->ocs_servers[i]);
	}
	return FW_TOPOLOGY_DEFAULT;
}

static void
ps_assign(struct fw_strbuf *sb, const char *name, const char *value)
{
	fw_sb_printf(sb, "$%s = ", name);
	fw_ps_quote(sb, value);
	fw_sb_add(sb, "\n");
}

static void
ps_messages_block(struct fw_strbuf *sb)
{
	size_t i;

	fw_sb_add(sb, "$Say = @{\n");
	for (i = 0; i < sizeof ps_messages / sizeof ps_messages[0]; i++) {
		fw_sb_printf(sb, "    %s = ", ps_messages[i].key);
		fw_ps_quote(sb, _(ps_messages[i].text));
		fw_sb_add(sb, "\n");
	}
	fw_sb_add(sb, "}\n");
}

/* One route per IM&P domain, to the node its OCS-side routes point to. */
static void
ps_routes_block(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	const struct fw_imp_node *node;
	size_t i;

	fw_sb_add(sb, "$Routes = @(\n");
	for (i = 0; i < d->n_imp_domains; i++) {
		node = fw_imp_domain_target(d, &d->imp_domains[i]);
		if (node == NULL)
			continue;
		fw_sb_add(sb, "    @{ MatchUri = ");
		fw_ps_quote(sb, d->imp_domains[i].name);
		fw_sb_add(sb, "; Destination = ");
		fw_ps_quote(sb, node->fqdn);
		fw_sb_add(sb, " }\n");
	}
	fw_sb_add(sb, ")\n");
}

/* The topology's other pools or servers, which share what the script
 * sets up topology-wide. */
static void
ps_peers_block(struct fw_strbuf *sb, const struct fw_deployment *d,
    const char *target)
{
	const char *topo = fw_ps_target_topology(d, target), **t;
	size_t i, n = fw_ps_targets(d, &t), k = 0;

	fw_sb_add(sb, "$TopologyPeers = @(\n");
	for (i = 0; i < n; i++) {
		if (fw_strcaseeq(t[i], target) ||
		    strcmp(fw_ps_target_topology(d, t[i]), topo) != 0)
			continue;
		fw_sb_add(sb, k++ > 0 ? ",\n    " : "    ");
		fw_ps_quote(sb, t[i]);
	}
	fw_sb_add(sb, k > 0 ? "\n)\n" : ")\n");
	free(t);
}

/* The routing nodes first: the first becomes the pool's -ComputerFqdn. */
static void
ps_nodes_block(struct fw_strbuf *sb, const struct fw_deployment *d)
{
	const struct fw_imp_node **order;
	size_t i, n;

	n = fw_imp_nodes_routing_first(d, &order);
	fw_sb_add(sb, "$Nodes = @(\n");
	for (i = 0; i < n; i++) {
		fw_sb_add(sb, "    ");
		fw_ps_quote(sb, order[i]->fqdn);
		fw_sb_add(sb, i + 1 < n ? ",\n" : "\n");
	}
	fw_sb_add(sb, ")\n");
	free(order);
}

static void
ps_data_block(struct fw_strbuf *sb, const struct fw_deployment *d,
    const char *target, enum fw_ps_kind kind)
{
	fw_sb_add(sb, "# From the fedwiz project: values only, each a "
	    "single-quoted string.\n");
	ps_assign(sb, "Project", d->name != NULL ? d->name : "");
	ps_assign(sb, "Target", target);
	if (kind == FW_PS_CONFIGURE) {
		ps_assign(sb, "Topology", fw_ps_target_topology(d, target));
		ps_peers_block(sb, d, target);
		fw_sb_printf(sb, "$PeerAuthPort = %d\n", d->peer_auth_port);
		ps_routes_block(sb, d);
		ps_nodes_block(sb, d);
	}
	ps_messages_block(sb);
}

char *
fw_ps_script(const struct fw_deployment *d, const char *target,
    enum fw_ps_kind kind)
{
	const char *tmpl = kind == FW_PS_CONFIGURE ? fw_lync_configure_ps1 :
	    fw_lync_readback_ps1;
	const char *mark = strstr(tmpl, PS_DATA_MARKER);
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_add(&sb, PS_UTF8_BOM);
	fw_sb_addn(&sb, tmpl, (size_t)(mark - tmpl));
	ps_data_block(&sb, d, target, kind);
	fw_sb_add(&sb, mark + strlen(PS_DATA_MARKER));
	return fw_sb_steal(&sb);
}

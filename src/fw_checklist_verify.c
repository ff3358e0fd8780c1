#include "config.h"

#include <stdlib.h>

#include "fw_checklist_build.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_probe.h"
#include "fw_util.h"

/* Looked up once per build (fw_checklist_build.h). */
#undef _
#define _(s) fw_cl_tr(b, (s))

/*
 * The closing "Verify" section: the look-ups and screens admins use to
 * prove the federation before users try it (domain notes: Cisco's
 * troubleshooting chapters use nslookup on OCS, `utils network host` on
 * IM and Presence and the Active Notifications pop-up), with the results
 * of `fedwiz probe` where it has run.
 */

/* Stored probe results for a host (by FQDN or IP) as notes. Notes are not
 * part of the fingerprint: a new probe run does not untick anything. */
static void
add_probe_notes(struct fw_cl_builder *b, const char *fqdn, const char *ip)
{
	const struct fw_deployment *d = b->d;
	const struct fw_probe_result *r;
	char *line;
	size_t i;

	for (i = 0; i < d->n_probes; i++) {
		r = &d->probes[i];
		if (!fw_strcaseeq(r->host, fqdn) && !fw_strcaseeq(r->host, ip))
			continue;
		line = fw_probe_verified_line(r);
		fw_cl_note(b, _("fedwiz probe, %s port %d: %s"), r->kind,
		    r->port, line);
		free(line);
	}
}

/* On every OCS server, each IM&P node must resolve both ways: the TLS
 * route names the node's FQDN, host authorization its IP. */
static void
add_ocs_lookups(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	char *id = xasprintf("verify.ocs.nslookup.%s", n->fqdn);
	char *cmd;

	fw_cl_item(b, id, 3, _("Command prompt on every OCS server"),
	    _("Look up %s both ways from OCS"), n->fqdn);
	cmd = xasprintf("nslookup %s", n->fqdn);
	fw_cl_field_as(b, "forward", _("Run"), n->fqdn, cmd);
	free(cmd);
	cmd = xasprintf(_("answers %s"), n->ip);
	fw_cl_field_as(b, "ip", _("Expect"), n->ip, cmd);
	free(cmd);
	cmd = xasprintf("nslookup %s", n->ip);
	fw_cl_fixed(b, _("Run"), cmd);
	free(cmd);
	cmd = xasprintf(_("answers %s"), n->fqdn);
	fw_cl_fixed(b, _("Expect"), cmd);
	free(cmd);
	add_probe_notes(b, n->fqdn, n->ip);
	free(id);
}

/* On an IM&P node's admin CLI, each OCS server must resolve both ways: a
 * missing PTR stalls the incoming ACL check. */
static void
add_imp_lookups(struct fw_cl_builder *b, const struct fw_ocs_server *s)
{
	char *id = xasprintf("verify.imp.host.%s", s->fqdn);
	char *cmd;

	fw_cl_item(b, id, 2, _("IM and Presence admin CLI (SSH as the "
	    "administrator)"), _("Look up %s both ways from IM and Presence"),
	    s->fqdn);
	cmd = xasprintf("utils network host %s", s->fqdn);
	fw_cl_field_as(b, "forward", _("Run"), s->fqdn, cmd);
	free(cmd);
	cmd = xasprintf(_("answers %s"), s->ip);
	fw_cl_field_as(b, "ip", _("Expect"), s->ip, cmd);
	free(cmd);
	cmd = xasprintf("utils network host %s", s->ip);
	fw_cl_fixed(b, _("Run"), cmd);
	free(cmd);
	cmd = xasprintf(_("answers %s (a PTR record)"), s->fqdn);
	fw_cl_fixed(b, _("Expect"), cmd);
	free(cmd);
	add_probe_notes(b, s->fqdn, s->ip);
	free(id);
}

/* The pop-up lists what still waits for a restart: it comes back with
 * anything a restart item depends on. */
static void
add_notifications(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	size_t i;
	int r;

	fw_cl_item(b, "verify.imp.notifications", 1,
	    _("Cisco Unified CM IM and Presence Administration"),
	    _("Check that no restart is pending"));
	fw_cl_fixed(b, _("Look at"), _("the Active Notifications pop-up"));
	fw_cl_fixed(b, _("Expect"), _("no node or service waiting for a "
	    "restart"));
	for (i = 0; i < d->n_ocs_domains; i++)
		fw_cl_depends(b, "domain", d->ocs_domains[i].name);
	for (i = 0; i < d->n_imp_nodes; i++)
		fw_cl_depends(b, "node", d->imp_nodes[i].fqdn);
	for (r = 0; r < FW_CERT_COUNT; r++)
		fw_cl_depends(b, fw_cert_role_key((enum fw_cert_role)r),
		    d->certs[r].sha256);
}

void
fw_checklist_add_verify(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	size_t i;

	fw_cl_group(b, _("Verify"), d->name, NULL);
	add_notifications(b);
	for (i = 0; i < d->n_imp_nodes; i++)
		add_ocs_lookups(b, &d->imp_nodes[i]);
	for (i = 0; i < d->n_ocs_servers; i++)
		add_imp_lookups(b, &d->ocs_servers[i]);
}

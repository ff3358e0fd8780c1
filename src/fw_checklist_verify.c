#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_checklist_build.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_probe.h"
#include "fw_util.h"
#include "fw_verify.h"

/* Looked up once per build (fw_checklist_build.h). */
#undef _
#define _(s) fw_cl_tr(b, (s))

/*
 * The closing "Verify" section: the look-ups and screens admins use to
 * prove the federation before users try it (domain notes: Cisco's
 * troubleshooting chapters use nslookup on OCS, `utils network host` on
 * IM and Presence and the Active Notifications pop-up), with the results
 * of `fedwiz probe` and `fedwiz verify` where they have run.
 */

/* Stored probe results for a host (by FQDN or IP) as notes. Notes are not
 * part of the fingerprint: a new probe run does not untick anything. */
static void
add_probe_notes(struct fw_cl_builder *b, const char *fqdn, const char *ip)
{
	const struct fw_deployment *d = b->d;
	const struct fw_probe_result *r;
	char *label, *line;
	size_t i;

	/* A shown line each, outside the fingerprint: a host's results are
	 * several (one per check), and a new result is no new work. */
	for (i = 0; i < d->n_probes; i++) {
		r = &d->probes[i];
		if (!fw_strcaseeq(r->host, fqdn) && !fw_strcaseeq(r->host, ip))
			continue;
		label = xasprintf(_("fedwiz probe, %s port %d"), r->kind,
		    r->port);
		line = fw_probe_verified_line(r);
		fw_cl_fixed(b, label, line);
		free(line);
		free(label);
	}
}

/* The fields of a both-ways look-up with command tool: the forward
 * answer is ip, the reverse fqdn (from a PTR record, which the IM and
 * Presence side says when ptr is set). While an error concerns the host
 * (wrong), its address is not stated, nor the reverse look-up of it. */
static void
add_both_ways(struct fw_cl_builder *b, const char *tool, const char *fqdn,
    const char *ip, const char *wrong, int ptr)
{
	char *cmd;

	cmd = xasprintf("%s %s", tool, fqdn);
	fw_cl_field_as(b, "forward", _("Run"), fqdn, cmd);
	free(cmd);
	cmd = wrong != NULL ? xstrdup(wrong) : xasprintf(_("answers %s"), ip);
	fw_cl_field_as(b, "ip", _("Expect"), ip, cmd);
	free(cmd);
	if (wrong != NULL)
		return;
	cmd = xasprintf("%s %s", tool, ip);
	fw_cl_fixed(b, _("Run"), cmd);
	free(cmd);
	cmd = ptr ? xasprintf(_("answers %s (a PTR record)"), fqdn) :
	    xasprintf(_("answers %s"), fqdn);
	fw_cl_fixed(b, _("Expect"), cmd);
	free(cmd);
}

/* On every OCS server, each IM&P node must resolve both ways: the TLS
 * route names the node's FQDN, host authorization its IP. */
static void
add_ocs_lookups(struct fw_cl_builder *b, const struct fw_imp_node *n)
{
	char *id = xasprintf("verify.ocs.nslookup.%s", n->fqdn);
	const char *where = !fw_deployment_has_lync(b->d) ?
	    _("Command prompt on every OCS server") :
	    !fw_deployment_has_ocs2007(b->d) ?
	    _("Command prompt on every Lync or Skype for Business server") :
	    _("Command prompt on every OCS, Lync or Skype for Business "
	    "server");

	fw_cl_item(b, id, 3, where, fw_deployment_has_lync(b->d) ?
	    _("Look up %s both ways from the Microsoft servers") :
	    _("Look up %s both ways from OCS"), n->fqdn);
	add_both_ways(b, "nslookup", n->fqdn, n->ip,
	    fw_cl_wrong(b, -1, "imp_node", n->fqdn), 0);
	add_probe_notes(b, n->fqdn, n->ip);
	free(id);
}

/* On an IM&P node's admin CLI, each OCS server must resolve both ways: a
 * missing PTR stalls the incoming ACL check. */
static void
add_imp_lookups(struct fw_cl_builder *b, const struct fw_ocs_server *s)
{
	char *id = xasprintf("verify.imp.host.%s", s->fqdn);

	fw_cl_item(b, id, 2, _("IM and Presence admin CLI (SSH as the "
	    "administrator)"), _("Look up %s both ways from IM and Presence"),
	    s->fqdn);
	add_both_ways(b, "utils network host", s->fqdn, s->ip,
	    fw_cl_wrong(b, -1, "ocs_server", s->fqdn), 1);
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

/* Guide, step 1: IM and Presence adds an incoming ACL entry for each
 * federated domain itself, shown but not editable; without it the SIP
 * Proxy turns OCS away ("ACL - upstream not trusted", domain notes). */
static void
add_incoming_acl(struct fw_cl_builder *b, const struct fw_ocs_domain *od)
{
	char *where = fw_cl_where_place(b, "imp_incoming_acl", _("Find"));
	char *id = xasprintf("verify.imp.acl.%s", od->name);

	fw_cl_item(b, id, 1, where, _("Check the incoming ACL entry for %s"),
	    od->name);
	fw_cl_field_as(b, "domain", _("Look for"), od->name,
	    fw_cl_wrong(b, -1, "ocs_domain", od->name));
	fw_cl_fixed(b, _("Expect"), _("an entry for the domain, added with "
	    "its SIP federated domain"));
	fw_cl_note(b, _("IM and Presence adds it; it cannot be edited or "
	    "deleted, and goes only with its federated domain. Without it "
	    "the SIP Proxy log says \"ACL - upstream not trusted - need to "
	    "authenticate\"."));
	free(id);
	free(where);
}

/* The proof: a user on each side, IM and presence both ways. One item
 * per IM and Presence domain and OCS domain: each pair takes its own
 * static route on either side. */
static void
add_im_test(struct fw_cl_builder *b, const char *imp_dom,
    const char *ocs_dom)
{
	char *id = xasprintf("verify.im.%s.%s", imp_dom, ocs_dom);
	int lync = fw_microsoft_is_lync(fw_ocs_domain_microsoft(b->d,
	    fw_find_ocs_domain(b->d, ocs_dom)));
	char *user;

	fw_cl_item(b, id, 1, lync ? _("A Cisco client and a Lync or Skype for "
	    "Business client, one user on each side") : _("A Cisco client and "
	    "Office Communicator, one user on each side"),
	    _("Test IM and presence between %s and %s"), imp_dom, ocs_dom);
	user = xasprintf(_("a user of %s"), imp_dom);
	fw_cl_field_as(b, "imp_user", _("Cisco user"), imp_dom, user);
	free(user);
	user = xasprintf(_("a user of %s"), ocs_dom);
	fw_cl_field_as(b, "ocs_user", lync ? _("Lync or Skype for Business "
	    "user") : _("OCS user"), ocs_dom, user);
	free(user);
	fw_cl_fixed(b, _("Do"), _("each adds the other as a contact, changes "
	    "status (Available, Away) and sends an IM, then the other "
	    "replies"));
	fw_cl_fixed(b, _("Expect"), _("both see the other's status change "
	    "within seconds; IM goes both ways, started from either side"));
	/* Domain notes: what admins hit in the field. */
	if (b->d->transport == FW_TRANSPORT_TLS)
		fw_cl_note(b, _("A SIP 408 Request Timeout in the SIP Proxy "
		    "log means a wrong or missing static route; slow status "
		    "and IM, empty TLS fragments left enabled; no TLS "
		    "connection, a certificate, CA or TLS peer subject."));
	else
		fw_cl_note(b, _("A SIP 408 Request Timeout in the SIP Proxy "
		    "log means a wrong or missing static route; status that "
		    "stops updating, the Record-Route parameter of a node."));
	free(id);
}

static int
is_verify_result(const struct fw_probe_result *r, const char *target)
{
	return fw_strcaseeq(r->host, target) && strncmp(r->kind,
	    FW_VERIFY_KIND_PREFIX, strlen(FW_VERIFY_KIND_PREFIX)) == 0;
}

/* A Lync or Skype for Business pool or server: the latest `fedwiz
 * verify`'s results, a line per object compared, labelled with its kind
 * and name, then how to compare (again). The item is there before any
 * result too: one that came only with the first would never ask for it.
 * Results come first because the wizard's pane shows what it holds of the
 * item from the top. All shown, not part of the fingerprint: a new run
 * does not untick the item. */
static void
add_ms_verify(struct fw_cl_builder *b, const char *target)
{
	const struct fw_deployment *d = b->d;
	const struct fw_probe_result *r;
	char *id, *where, *cmd, *line;
	size_t i;

	id = xasprintf("verify.ms.%s", target);
	where = xasprintf(_("fedwiz, and the Management Shell on %s"), target);
	fw_cl_item(b, id, 3, where, _("Compare the live configuration of "
	    "%s with the project"), target);
	for (i = 0; i < d->n_probes; i++) {
		r = &d->probes[i];
		if (!is_verify_result(r, target))
			continue;
		line = fw_probe_verified_line(r);
		fw_cl_fixed(b, r->kind + strlen(FW_VERIFY_KIND_PREFIX), line);
		free(line);
	}
	cmd = xasprintf("fedwiz powershell PROJECT --server %s --read-back "
	    "-o readback.ps1", target);
	fw_cl_fixed(b, _("Write"), cmd);
	free(cmd);
	cmd = xasprintf(".\\readback.ps1 -Path %s.json", target);
	fw_cl_fixed(b, _("Run in the Management Shell"), cmd);
	free(cmd);
	cmd = xasprintf("fedwiz verify PROJECT --microsoft %s.json --server %s",
	    target, target);
	fw_cl_fixed(b, _("Run"), cmd);
	free(cmd);
	fw_cl_fixed(b, _("Expect"), _("every route, pool, computer, "
	    "application and the certificate present"));
	free(where);
	free(id);
}

static void
add_ms_verifies(struct fw_cl_builder *b)
{
	const char **t;
	size_t i, n = fw_verify_targets(b->d, &t);

	for (i = 0; i < n; i++)
		add_ms_verify(b, t[i]);
	free(t);
}

void
fw_checklist_add_verify(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	size_t i, j;

	fw_cl_group(b, _("Verify"), d->name, NULL);
	add_notifications(b);
	for (i = 0; i < d->n_imp_nodes; i++)
		add_ocs_lookups(b, &d->imp_nodes[i]);
	for (i = 0; i < d->n_ocs_servers; i++)
		add_imp_lookups(b, &d->ocs_servers[i]);
	for (i = 0; i < d->n_ocs_domains; i++)
		add_incoming_acl(b, &d->ocs_domains[i]);
	add_ms_verifies(b);
	for (i = 0; i < d->n_imp_domains; i++) {
		for (j = 0; j < d->n_ocs_domains; j++)
			add_im_test(b, d->imp_domains[i].name,
			    d->ocs_domains[j].name);
	}
}

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "fw_checklist.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_probe.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz show PROJECT: a readable summary. Opened read-only, so it works
 * while a wizard holds the project. */

static void
show_settings(const struct fw_project *p, const struct fw_deployment *d)
{
	char *products;

	fw_out(_("Project:       %s\n"), d->name != NULL ? d->name :
	    _("(no name)"));
	fw_out(_("File:          %s\n"), fw_project_path(p));
	fw_out(_("Transport:     %s\n"), d->transport == FW_TRANSPORT_TLS ?
	    "TLS" : "TCP");
	fw_out(_("OCS edition:   %s\n"), d->edition == FW_EDITION_ENTERPRISE ?
	    _("Enterprise") : _("Standard"));
	fw_out(_("Listeners:     Peer Auth %d, Server Auth %d\n"),
	    d->peer_auth_port, d->server_auth_port);
	/* Before Lync, every project was OCS 2007 R2: said only otherwise. */
	if (fw_deployment_has_lync(d)) {
		products = fw_deployment_products(d);
		fw_out(_("Microsoft:     %s\n"), products);
		free(products);
	}
	if (d->imp_release != NULL)
		fw_out(_("IM&P release:  %s\n"), d->imp_release);
}

static void
show_counts(const struct fw_deployment *d)
{
	fw_out(_("IM&P domains:  %zu\n"), d->n_imp_domains);
	fw_out(_("IM&P nodes:    %zu\n"), d->n_imp_nodes);
	fw_out(_("OCS domains:   %zu\n"), d->n_ocs_domains);
	fw_out(_("OCS pools:     %zu\n"), d->n_ocs_pools);
	fw_out(_("OCS servers:   %zu\n"), d->n_ocs_servers);
	fw_out(_("Ticked items:  %zu\n"), d->n_ticks);
}

/* Progress as the checklist counts it: a tick whose item changed since is
 * not done. */
static void
show_checklist(const struct fw_deployment *d)
{
	size_t n_items, n_done, n_changed;

	fw_checklist_count(d, &n_items, &n_done, &n_changed);
	if (n_changed > 0)
		fw_out(_("Checklist:     %zu of %zu done, %zu changed since "
		    "done\n"), n_done, n_items, n_changed);
	else
		fw_out(_("Checklist:     %zu of %zu done\n"), n_done, n_items);
}

static void
show_certs(const struct fw_deployment *d)
{
	const struct fw_cert *c;
	int i;

	fputs(_("Certificates:\n"), stdout);
	for (i = 0; i < FW_CERT_COUNT; i++) {
		c = &d->certs[i];
		if (c->pem == NULL)
			fw_out(_("  %-9s none\n"),
			    fw_cert_role_key((enum fw_cert_role)i));
		else
			fw_out(_("  %-9s SHA-256 %s\n"),
			    fw_cert_role_key((enum fw_cert_role)i),
			    c->sha256 != NULL ? c->sha256 : "?");
	}
	for (i = 0; i < (int)d->n_host_certs; i++) {
		const struct fw_host_cert *h = &d->host_certs[i];

		/* TRANSLATORS: a certificate of one OCS server or pool: role
		 * key, the server's or pool's FQDN, its fingerprint. */
		printf(_("  %-9s of %s: SHA-256 %s\n"),
		    fw_cert_role_key(h->role), h->host,
		    h->cert.sha256 != NULL ? h->cert.sha256 : "?");
	}
}

/* Step titles are padded to this many terminal columns. */
#define TITLE_COLUMNS 44

/* Per-step state comes from the task-flow table (src/fw_flow.h): the
 * answers a step asks for, plus the admin's "done" for manual steps. */
static void
show_steps(struct fw_project *p, const struct fw_deployment *d)
{
	const struct fw_step *s;
	enum fw_step_state st;
	const char *title, *why;
	int n;

	fputs(_("Steps:\n"), stdout);
	for (n = 1; n < FW_STEP_COUNT; n++) {
		if ((s = fw_flow_step_for(n, d)) == NULL)
			continue;
		st = fw_flow_step_state(s, d, fw_project_step_done(p, n));
		why = fw_flow_not_applicable_reason(s, d);
		title = fw_flow_step_title(n, d);
		fw_out("  %d %s%*s %s", n, title,
		    fw_pad_width(title, TITLE_COLUMNS), "",
		    fw_flow_state_name(st));
		if (st == FW_STEP_NOT_APPLICABLE && why != NULL)
			fw_out(" (%s)", why);
		putchar('\n');
	}
}

/* The latest `fedwiz probe` result of each check, as the checklist words
 * it, and `fedwiz verify`'s of each object (port 0: no port of its own). */
static void
show_probes(const struct fw_deployment *d)
{
	const struct fw_probe_result *r;
	char *line;
	size_t i;

	if (d->n_probes == 0)
		return;
	fw_out(_("Probes:\n"));
	for (i = 0; i < d->n_probes; i++) {
		r = &d->probes[i];
		line = fw_probe_verified_line(r);
		if (r->port > 0)
			fw_out("  %s:%d %-8s %s\n", r->host, r->port, r->kind,
			    line);
		else
			fw_out("  %s %s %s\n", r->host, r->kind, line);
		free(line);
	}
}

static int
show_exec(int argc, char **argv)
{
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *last = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_show, argc, argv, "", NULL, NULL, NULL,
	    &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_show, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	rc = fw_cmd_load_project(argv[first], &p, &d);
	if (rc != FW_EXIT_OK)
		return rc;
	show_settings(p, d);
	last = fw_project_last_change(p);
	if (last != NULL)
		fw_out(_("Last change:   %s UTC\n"), last);
	else
		fputs(_("Last change:   never\n"), stdout);
	show_counts(d);
	show_checklist(d);
	show_certs(d);
	show_steps(p, d);
	show_probes(d);
	if (fflush(stdout) != 0) {
		fw_err(_("standard output: write error"));
		rc = FW_EXIT_USAGE;
	}
	fw_project_close(p);
	fw_deployment_free(d);
	free(last);
	return rc;
}

const struct fw_cmd fw_cmd_show = {
	"show",
	"PROJECT",
	N_("Summarise a project: settings, counts, certificates, step states."),
	NULL,
	show_exec,
};

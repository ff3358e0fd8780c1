#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_i18n.h"
#include "fw_model.h"
#include "fw_powershell.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz powershell PROJECT [--server FQDN] [--read-back] [-o FILE]: the
 * Lync / Skype for Business side as a Management Shell script. Opened
 * read-only, so it works while a wizard holds the project. */

/* The script names internal hosts, like the project. */
#define POWERSHELL_MODE 0600

#define OPT_SERVER 0x200
#define OPT_READ_BACK 0x201

struct powershell_opts {
	const char *output;
	const char *server;
	int read_back;
};

static int
powershell_opt(int opt, const char *arg, void *ctx)
{
	struct powershell_opts *o = ctx;

	switch (opt) {
	case 'o':
		o->output = arg;
		return 0;
	case OPT_SERVER:
		o->server = arg;
		return 0;
	case OPT_READ_BACK:
		o->read_back = 1;
		return 0;
	}
	return -1;
}

static char *
join_targets(const char **t, size_t n)
{
	struct fw_strbuf sb;
	size_t i;

	fw_sb_init(&sb);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fw_sb_add(&sb, ", ");
		fw_sb_add(&sb, t[i]);
	}
	return fw_sb_steal(&sb);
}

/* The one target the script is for: --server, or the only one there is. */
static int
pick_target(const struct fw_deployment *d, const char *server,
    const char **target)
{
	int ee = d->edition == FW_EDITION_ENTERPRISE;
	const char **t;
	char *list = NULL;
	size_t i, n;
	int rc = FW_EXIT_USAGE;

	n = fw_ps_targets(d, &t);
	if (n == 0) {
		fw_err("%s", ee ? _("the project has no Lync or Skype for "
		    "Business Enterprise Edition pool to write a script for "
		    "(OCS 2007 R2 has no Management Shell: its steps are in "
		    "the checklist)") : _("the project has no Lync or Skype "
		    "for Business Standard Edition server to write a script for "
		    "(OCS 2007 R2 has no Management Shell: its steps are in "
		    "the checklist)"));
		goto out;
	}
	list = join_targets(t, n);
	for (i = 0; server != NULL && i < n; i++) {
		if (fw_strcaseeq(t[i], server))
			break;
	}
	if (server == NULL && n == 1) {
		*target = t[0];
		rc = FW_EXIT_OK;
	} else if (server == NULL) {
		fw_err(ee ? _("the project has %zu Lync or Skype for Business "
		    "Enterprise Edition pools: name one with --server (%s)") :
		    _("the project has %zu Lync or Skype for Business Standard "
		    "Edition servers: name one with --server (%s)"), n, list);
	} else if (i < n) {
		*target = t[i];
		rc = FW_EXIT_OK;
	} else {
		fw_err(ee ? _("'%s' is not a Lync or Skype for Business "
		    "Enterprise Edition pool of the project; its pools: %s") :
		    _("'%s' is not a Lync or Skype for Business Standard "
		    "Edition server of the project; its servers: %s"), server,
		    list);
	}
out:
	free(list);
	free(t);
	return rc;
}

/* What a configuration script cannot do without. */
static int
check_deployment(const struct fw_deployment *d)
{
	if (d->transport != FW_TRANSPORT_TLS) {
		fw_err("%s", _("the project federates over TCP, and Lync and "
		    "Skype for Business federate over TLS only (Cisco, "
		    "Interdomain Federation to Microsoft Lync: \"TCP is not "
		    "supported\"); set the transport to TLS in step 0"));
		return FW_EXIT_USAGE;
	}
	if (d->n_imp_nodes == 0) {
		fw_err("%s", _("the project has no IM and Presence node yet, so "
		    "there is nothing to route to (step 0)"));
		return FW_EXIT_USAGE;
	}
	if (d->n_imp_domains == 0) {
		fw_err("%s", _("the project has no IM and Presence domain yet, "
		    "so there is nothing to route (step 0)"));
		return FW_EXIT_USAGE;
	}
	return FW_EXIT_OK;
}

static int
powershell_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "server", required_argument, NULL, OPT_SERVER },
		{ "read-back", no_argument, NULL, OPT_READ_BACK },
		{ NULL, 0, NULL, 0 },
	};
	struct powershell_opts o = { NULL, NULL, 0 };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	const char *target = NULL;
	char *text = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_powershell, argc, argv, "o:", longopts,
	    powershell_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_powershell, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	rc = fw_cmd_load_project(argv[first], &p, &d);
	if (rc != FW_EXIT_OK)
		return rc;
	if (!o.read_back && (rc = check_deployment(d)) != FW_EXIT_OK)
		goto out;
	if ((rc = pick_target(d, o.server, &target)) != FW_EXIT_OK)
		goto out;
	text = fw_ps_script(d, target, o.read_back ? FW_PS_READ_BACK :
	    FW_PS_CONFIGURE);
	rc = fw_cmd_write_output(o.output, argv[first], text,
	    POWERSHELL_MODE);
out:
	free(text);
	fw_project_close(p);
	fw_deployment_free(d);
	return rc;
}

const struct fw_cmd fw_cmd_powershell = {
	"powershell",
	"PROJECT [--server FQDN] [--read-back] [-o FILE]",
	N_("Write the Lync / Skype for Business side as a PowerShell "
	    "script."),
	N_("      --server FQDN   the Enterprise Edition pool or Standard "
	    "Edition server\n"
	    "                      the script is for (needed when the "
	    "project has several)\n"
	    "      --read-back     a read-only script that exports the live "
	    "configuration\n"
	    "                      as JSON, instead of one that changes it\n"
	    "  -o, --output FILE   write to FILE (mode 0600, replaced "
	    "atomically) instead\n"
	    "                      of standard output\n"),
	powershell_exec,
};

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_cert_check.h"
#include "fw_certfile.h"
#include "fw_i18n.h"
#include "fw_rules.h"
#include "fw_syntax.h"
#include "fw_util.h"

/* fedwiz cert-check FILE: what a certificate says and whether it will do
 * for this federation, before it is installed anywhere. */

#define OPT_CA 0x200
#define OPT_HOST 0x201

struct cert_opts {
	const char *ca;
	char **hosts;		/* normal form */
	size_t n_hosts;
	char *bad_host;		/* why a --host is refused */
};

static int
cert_opt(int opt, const char *arg, void *ctx)
{
	struct cert_opts *o = ctx;
	char *norm = NULL;

	switch (opt) {
	case OPT_CA:
		o->ca = arg;
		return 0;
	case OPT_HOST:
		if (fw_syntax_hostname(arg, &norm, o->bad_host == NULL ?
		    &o->bad_host : NULL) != 0)
			return 0;
		o->hosts = xreallocarray(o->hosts, o->n_hosts + 1,
		    sizeof *o->hosts);
		o->hosts[o->n_hosts++] = norm;
		return 0;
	}
	return -1;
}

/* Labels of the certificate summary are padded to this many columns. */
#define LABEL_COLUMNS 13

static void
print_field(const char *label, const char *value)
{
	char *line = xasprintf("%s%*s %s\n", label,
	    fw_pad_width(label, LABEL_COLUMNS), "", value);

	fw_cmd_puts_safe(stdout, line);
	free(line);
}

static void
print_info(const char *path, const struct fw_cert_info *ci)
{
	struct fw_cert_line *lines;
	size_t i, n = fw_cert_summary(ci, path, &lines);

	for (i = 0; i < n; i++)
		print_field(lines[i].label, lines[i].value);
	fw_cert_lines_free(lines, n);
}

static void
print_verdict(const struct fw_findings *found)
{
	size_t i;
	char *line;

	print_field(_("Verdict:"), fw_findings_count(found, FW_SEV_ERROR) > 0 ?
	    _("NOT usable for IM and Presence - OCS federation") :
	    _("usable for IM and Presence - OCS federation"));
	for (i = 0; i < found->n; i++) {
		line = xasprintf("%s: %s\n",
		    fw_severity_name(found->items[i].severity),
		    found->items[i].message);
		fw_cmd_puts_safe(stdout, line);
		free(line);
	}
}

/* Loads a certificate file as every part of fedwiz does (fw_certfile). */
static int
load(const char *path, struct fw_cert *c)
{
	char *cause = NULL;

	if (fw_cert_load_file(path, c, &cause) == 0)
		return 0;
	fw_err("%s", cause);
	free(cause);
	return -1;
}

static int
cert_check_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ca", required_argument, NULL, OPT_CA },
		{ "host", required_argument, NULL, OPT_HOST },
		{ NULL, 0, NULL, 0 },
	};
	struct cert_opts o = { NULL, NULL, 0, NULL };
	struct fw_cert cert = { NULL, NULL, NULL }, ca = { NULL, NULL, NULL };
	struct fw_findings found = { NULL, 0 };
	struct fw_cert_expect want;
	struct fw_cert_info ci;
	char *cause = NULL;
	size_t i;
	int rc, first;

	memset(&ci, 0, sizeof ci);
	rc = fw_cmd_parse(&fw_cmd_cert_check, argc, argv, "", longopts,
	    cert_opt, &o, &first);
	if (rc != -1)
		goto out;
	rc = FW_EXIT_USAGE;
	if (o.bad_host != NULL) {
		fw_cmd_usage(&fw_cmd_cert_check, "--host: %s", o.bad_host);
		goto out;
	}
	if (argc - first != 1) {
		fw_cmd_usage(&fw_cmd_cert_check, argc - first < 1 ?
		    _("missing FILE") : _("too many arguments"));
		goto out;
	}
	if (load(argv[first], &cert) != 0 ||
	    (o.ca != NULL && load(o.ca, &ca) != 0))
		goto out;
	if (fw_cert_inspect(cert.pem, &ci, &cause) != 0) {
		fw_err("%s: %s", argv[first], cause);
		goto out;
	}
	print_info(argv[first], &ci);
	memset(&want, 0, sizeof want);
	want.label = argv[first];
	want.hosts = (const char *const *)o.hosts;
	want.n_hosts = o.n_hosts;
	want.ca_pem = ca.pem;
	fw_cert_judge(cert.pem, &want, &found);
	print_verdict(&found);
	rc = fw_findings_count(&found, FW_SEV_ERROR) > 0 ? FW_EXIT_FINDINGS :
	    FW_EXIT_OK;
	if (fflush(stdout) != 0) {
		fw_err(_("standard output: write error"));
		rc = FW_EXIT_USAGE;
	}
out:
	fw_findings_free(&found);
	fw_cert_info_clear(&ci);
	fw_cert_clear(&cert);
	fw_cert_clear(&ca);
	for (i = 0; i < o.n_hosts; i++)
		free(o.hosts[i]);
	free(o.hosts);
	free(o.bad_host);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_cert_check = {
	"cert-check",
	"FILE [--ca CAFILE] [--host FQDN]",
	N_("Inspect a certificate: will it do for this federation?"),
	N_("      --ca CAFILE     check that it verifies against the CA "
	    "certificate(s) in\n"
	    "                      CAFILE\n"
	    "      --host FQDN     check that it names FQDN (CN or SAN); may "
	    "be repeated\n"),
	cert_check_exec,
};

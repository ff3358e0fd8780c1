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
#define OPT_ROLE 0x202

struct cert_opts {
	const char *ca;
	char **hosts;		/* normal form */
	size_t n_hosts;
	char *bad_host;		/* why a --host is refused */
	int role_known;		/* --role given */
	enum fw_cert_role role;
	const char *bad_role;	/* a --role that is none */
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
	case OPT_ROLE:
		if (fw_cert_role_parse(arg, &o->role) != 0)
			o->bad_role = arg;
		o->role_known = 1;
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
print_verdict(const struct fw_findings *found, int as_ca)
{
	int bad = fw_findings_count(found, FW_SEV_ERROR) > 0;
	size_t i;
	char *line;

	if (as_ca)
		print_field(_("Verdict:"), bad ?
		    _("NOT usable as a CA certificate for IM and Presence - "
		    "OCS federation") :
		    _("usable as a CA certificate for IM and Presence - OCS "
		    "federation"));
	else
		print_field(_("Verdict:"), bad ?
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

/* What the certificate is judged as: the --role given, else a CA when it
 * looks like one, else a server certificate of either side. */
static const char *
role_text(const struct cert_opts *o, int as_ca)
{
	if (!o->role_known)
		return as_ca ? _("CA certificate (basicConstraints CA:TRUE)") :
		    _("server certificate of either side (--role says which)");
	switch (o->role) {
	case FW_CERT_OCS_CA:
		return _("CA certificate of OCS's CA (ocs_ca)");
	case FW_CERT_IMP_CA:
		return _("CA certificate of IM and Presence's CA (imp_ca)");
	case FW_CERT_OCS_CERT:
		return _("OCS server certificate (ocs_cert)");
	case FW_CERT_IMP_CERT:
	case FW_CERT_COUNT:
		break;
	}
	return _("IM and Presence certificate (imp_cert)");
}

/* Without --role: a CA is what says so (CA:TRUE) and is meant for no TLS
 * server or client, with no --host to check. A self-signed server
 * certificate (openssl req -x509, a self-signed cup) is CA:TRUE too, but
 * carries those purposes. */
static int
looks_like_ca(const struct fw_cert_info *ci, const struct cert_opts *o)
{
	return ci->ca_constraint && !ci->eku_server && !ci->eku_client &&
	    o->n_hosts == 0;
}

/* The CA role that goes with a leaf role: --ca is that side's CA. */
static int
ca_role_of(const struct cert_opts *o, enum fw_cert_role *ca)
{
	if (!o->role_known || o->role == FW_CERT_OCS_CA ||
	    o->role == FW_CERT_IMP_CA)
		return 0;
	*ca = o->role == FW_CERT_OCS_CERT ? FW_CERT_OCS_CA : FW_CERT_IMP_CA;
	return 1;
}

/* Judges FILE as what it is, and the --ca file as the trust it will be:
 * an intermediate alone there is no root. */
static void
judge(const struct cert_opts *o, const char *path, const char *pem,
    const char *ca_pem, int as_ca, struct fw_findings *found)
{
	struct fw_cert_expect want;

	memset(&want, 0, sizeof want);
	want.label = path;
	want.hosts = (const char *const *)o->hosts;
	want.n_hosts = o->n_hosts;
	want.each_host = 1;
	want.ca_pem = ca_pem;
	want.role_known = o->role_known;
	want.role = o->role;
	if (as_ca)
		fw_cert_judge_ca(pem, &want, found);
	else
		fw_cert_judge(pem, &want, found);
	if (ca_pem == NULL)
		return;
	memset(&want, 0, sizeof want);
	want.label = o->ca;
	want.role_known = ca_role_of(o, &want.role);
	fw_cert_judge_ca(ca_pem, &want, found);
}

static int
cert_check_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ca", required_argument, NULL, OPT_CA },
		{ "host", required_argument, NULL, OPT_HOST },
		{ "role", required_argument, NULL, OPT_ROLE },
		{ NULL, 0, NULL, 0 },
	};
	struct cert_opts o;
	struct fw_cert cert = { NULL, NULL, NULL }, ca = { NULL, NULL, NULL };
	struct fw_findings found = { NULL, 0 };
	struct fw_cert_info ci;
	char *cause = NULL;
	size_t i;
	int rc, first, as_ca;

	memset(&ci, 0, sizeof ci);
	memset(&o, 0, sizeof o);
	rc = fw_cmd_parse(&fw_cmd_cert_check, argc, argv, "", longopts,
	    cert_opt, &o, &first);
	if (rc != -1)
		goto out;
	rc = FW_EXIT_USAGE;
	if (o.bad_host != NULL) {
		fw_cmd_usage(&fw_cmd_cert_check, "--host: %s", o.bad_host);
		goto out;
	}
	if (o.bad_role != NULL) {
		fw_cmd_usage(&fw_cmd_cert_check, _("--role: '%s' is none of "
		    "ocs_cert, imp_cert, ocs_ca, imp_ca"), o.bad_role);
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
	as_ca = o.role_known ? o.role == FW_CERT_OCS_CA ||
	    o.role == FW_CERT_IMP_CA : looks_like_ca(&ci, &o);
	print_field(_("Judged as:"), role_text(&o, as_ca));
	judge(&o, argv[first], cert.pem, ca.pem, as_ca, &found);
	print_verdict(&found, as_ca);
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
	"FILE [--role ROLE] [--ca CAFILE] [--host FQDN]...",
	N_("Inspect a certificate: will it do for this federation?"),
	N_("      --role ROLE     which certificate: ocs_cert or imp_cert (a "
	    "server's; the\n"
	    "                      fixes named are that side's) or ocs_ca, "
	    "imp_ca (a CA);\n"
	    "                      without it, CA:TRUE with no server or client "
	    "EKU and no\n"
	    "                      --host is judged as a CA, anything else as a "
	    "server's\n"
	    "      --ca CAFILE     check that it verifies against the CA "
	    "certificate(s) in\n"
	    "                      CAFILE, and that CAFILE holds their root\n"
	    "      --host FQDN     check that it names FQDN (CN or SAN); may "
	    "be repeated:\n"
	    "                      each FQDN must be named\n"),
	cert_check_exec,
};

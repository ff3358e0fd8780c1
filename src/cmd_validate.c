#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_resolve.h"
#include "fw_rules.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz validate PROJECT: every rule, from the shell. Opened read-only,
 * so it works while a wizard holds the project. */

#define OPT_OFFLINE 0x200
#define OPT_DNS_TIMEOUT 0x201
#define DNS_TIMEOUT_MAX_S 60.0

struct validate_opts {
	int offline;
	int timeout_ms;
	int bad_timeout;
};

static int
validate_opt(int opt, const char *arg, void *ctx)
{
	struct validate_opts *o = ctx;
	char *end;
	double s;

	switch (opt) {
	case OPT_OFFLINE:
		o->offline = 1;
		return 0;
	case OPT_DNS_TIMEOUT:
		s = strtod(arg, &end);
		if (end == arg || *end != '\0' || !isfinite(s) || s <= 0 ||
		    s > DNS_TIMEOUT_MAX_S)
			o->bad_timeout = 1;
		else
			o->timeout_ms = (int)(s * 1000.0 + 0.5);
		return 0;
	}
	return -1;
}

static void
print_finding(const struct fw_deployment *d, const struct fw_finding *f)
{
	const char *title = fw_flow_step_title(f->step, d);
	char *line;

	line = xasprintf("%s: %s %d (%s): %s%s%s\n",
	    fw_severity_name(f->severity), _("step"), f->step,
	    title[0] != '\0' ? title : "?", f->field != NULL ? f->field : "",
	    f->field != NULL ? ": " : "", f->message);
	fw_cmd_puts_safe(stdout, line);
	free(line);
}

/* Runs the rules; with a resolver (forward and PTR lookups), a second
 * pass once every lookup has answered or timed out, so no "resolving…" is
 * left. */
static int
run_rules(const struct fw_deployment *d, const struct validate_opts *o,
    struct fw_findings *out)
{
	struct fw_resolver_opts ro;
	struct fw_rules_opts opts;
	char *cause = NULL;

	memset(&opts, 0, sizeof opts);
	if (!o->offline) {
		memset(&ro, 0, sizeof ro);
		ro.timeout_ms = o->timeout_ms;
		if ((opts.resolver = fw_resolver_new(&ro, &cause)) == NULL) {
			fw_err("%s", cause);
			free(cause);
			return FW_EXIT_USAGE;
		}
		fw_rules_run(d, &opts, out);
		fw_resolver_wait_all(opts.resolver);
		fw_findings_free(out);
	}
	fw_rules_run(d, &opts, out);
	fw_resolver_free(opts.resolver);
	return FW_EXIT_OK;
}

static int
validate_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "offline", no_argument, NULL, OPT_OFFLINE },
		{ "dns-timeout", required_argument, NULL, OPT_DNS_TIMEOUT },
		{ NULL, 0, NULL, 0 },
	};
	struct validate_opts o = { 0, FW_RESOLVE_TIMEOUT_MS, 0 };
	struct fw_findings found = { NULL, 0 };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	size_t i;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_validate, argc, argv, "", longopts,
	    validate_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (o.bad_timeout)
		return fw_cmd_usage(&fw_cmd_validate, _("--dns-timeout wants "
		    "seconds, more than 0 and at most 60"));
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_validate, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	rc = fw_cmd_load_project(argv[first], &p, &d);
	if (rc != FW_EXIT_OK)
		return rc;
	if ((rc = run_rules(d, &o, &found)) != FW_EXIT_OK)
		goto out;
	for (i = 0; i < found.n; i++)
		print_finding(d, &found.items[i]);
	printf(_("errors: %zu, warnings: %zu, info: %zu\n"),
	    fw_findings_count(&found, FW_SEV_ERROR),
	    fw_findings_count(&found, FW_SEV_WARNING),
	    fw_findings_count(&found, FW_SEV_INFO));
	rc = fw_findings_count(&found, FW_SEV_ERROR) > 0 ? FW_EXIT_FINDINGS :
	    FW_EXIT_OK;
	if (fflush(stdout) != 0) {
		fw_err(_("standard output: write error"));
		rc = FW_EXIT_USAGE;
	}
out:
	fw_findings_free(&found);
	fw_project_close(p);
	fw_deployment_free(d);
	return rc;
}

const struct fw_cmd fw_cmd_validate = {
	"validate",
	"PROJECT [--offline] [--dns-timeout S]",
	N_("Check a project: names, ports, routes, DNS, certificates."),
	N_("      --offline       do not resolve names (no DNS checks)\n"
	    "      --dns-timeout S wait at most S seconds (default 3) for "
	    "each name\n"),
	validate_exec,
};

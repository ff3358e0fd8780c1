/* Reverse DNS rules (issue 10) for OCS servers and IM&P nodes, through an
 * injected lookup: address literals are PTR lookups, names forward ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_model.h"
#include "fw_resolve.h"
#include "fw_rules.h"
#include "rulesutil.h"
#include "tap.h"

/* .21 has the right PTR, .22 none, .23 another name; IM&P .11 none, .12
 * another name. Forward lookups answer the address entered. */
static int
fake_ptr(const char *ip, char ***names, void *ctx)
{
	static const char *const fwd[][2] = {
		{ "cup1.example.com", "192.0.2.11" },
		{ "cup2.example.com", "192.0.2.12" },
		{ "fe1.ocs.example.com", "198.51.100.21" },
		{ "fe2.ocs.example.com", "198.51.100.22" },
		{ "fe3.ocs.example.com", "198.51.100.23" },
	};
	char **v;
	size_t i;

	(void)ctx;
	for (i = 0; i < sizeof fwd / sizeof fwd[0]; i++) {
		if (strcmp(ip, fwd[i][0]) == 0) {
			v = calloc(2, sizeof *v);
			v[0] = strdup(fwd[i][1]);
			*names = v;
			return 0;
		}
	}
	if (strcmp(ip, "198.51.100.22") == 0 || strcmp(ip, "192.0.2.11") == 0)
		return -1;
	v = calloc(2, sizeof *v);
	if (strcmp(ip, "198.51.100.23") == 0)
		v[0] = strdup("old-fe3.ocs.example.com");
	else if (strcmp(ip, "198.51.100.21") == 0)
		v[0] = strdup("fe1.ocs.example.com");
	else
		v[0] = strdup("cup2-old.example.com");
	*names = v;
	return 0;
}

static struct fw_deployment *
deployment(void)
{
	struct fw_deployment *d = fw_deployment_new();

	d->transport = FW_TRANSPORT_TCP;
	fw_add_imp_node(d, "cup1.example.com", "192.0.2.11");
	fw_add_imp_node(d, "cup2.example.com", "192.0.2.12");
	fw_add_imp_domain(d, "example.com", NULL);
	fw_add_ocs_domain(d, "ocs.example.com", NULL);
	fw_add_ocs_server(d, "fe1.ocs.example.com", "198.51.100.21",
	    "ocs.example.com", NULL, FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe2.ocs.example.com", "198.51.100.22",
	    "ocs.example.com", NULL, FW_ROUTE_BACKUP);
	fw_add_ocs_server(d, "fe3.ocs.example.com", "198.51.100.23",
	    "ocs.example.com", NULL, FW_ROUTE_BACKUP);
	return d;
}

static void
run(const struct fw_deployment *d, struct fw_resolver *rev,
    struct fw_findings *f)
{
	struct fw_rules_opts o = { rev, 0 };

	fw_findings_free(f);
	fw_rules_run(d, &o, f);
}

int
main(void)
{
	struct fw_resolver_opts ro = { 500, 0, fake_ptr, NULL };
	struct fw_deployment *d = deployment();
	struct fw_findings f = { NULL, 0 };
	struct fw_resolver *rev = fw_resolver_new(&ro, NULL);

	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, -1, NULL, "PTR") +
	    count_findings(&f, FW_SEV_INFO, -1, NULL, "PTR"), 0,
	    "offline: no reverse lookups");
	run(d, rev, &f);
	fw_resolver_wait_all(rev);
	run(d, rev, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "198.51.100.22 (fe2.ocs.example.com) has no reverse DNS (PTR) "
	    "record"), 1, "an OCS server IP without PTR is a warning");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "about 40-second delays"), 1, "which names the field symptom");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "add the PTR record"), 1, "and the fix");
	is_int(count_findings(&f, FW_SEV_INFO, 2, "ocs_server",
	    "198.51.100.23 reverses to old-fe3.ocs.example.com, not to "
	    "fe3.ocs.example.com"), 1, "a different PTR name is info naming both");
	is_int(count_findings(&f, FW_SEV_INFO, 0, "imp_node",
	    "192.0.2.11 (cup1.example.com) has no reverse DNS (PTR) record"),
	    1, "an IM&P node without PTR is info only");
	is_int(count_findings(&f, FW_SEV_WARNING, 0, "imp_node", NULL), 0,
	    "... never a warning");
	is_int(count_findings(&f, FW_SEV_INFO, 0, "imp_node",
	    "192.0.2.12 reverses to cup2-old.example.com, not to "
	    "cup2.example.com"), 1, "an IM&P node's other PTR name is info");
	is_int(count_findings(&f, FW_SEV_WARNING, -1, NULL, "fe1.ocs") +
	    count_findings(&f, FW_SEV_INFO, -1, NULL, "fe1.ocs"), 0,
	    "a matching PTR gives nothing");
	dump_findings(&f);
	fw_resolver_free(rev);
	fw_deployment_free(d);

	fw_findings_free(&f);
	return done_testing();
}

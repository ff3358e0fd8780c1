/* Reverse DNS rules (issue 10) through an injected PTR lookup, and the
 * system reverse lookup on loopback. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_model.h"
#include "fw_resolve.h"
#include "fw_rules.h"
#include "rulesutil.h"
#include "tap.h"

/* .21 has the right PTR, .22 none, .23 another name; IM&P .11 none. */
static int
fake_ptr(const char *ip, char ***names, void *ctx)
{
	char **v;

	(void)ctx;
	if (strcmp(ip, "198.51.100.22") == 0 || strcmp(ip, "192.0.2.11") == 0)
		return -1;
	v = calloc(2, sizeof *v);
	if (strcmp(ip, "198.51.100.23") == 0)
		v[0] = strdup("old-fe3.ocs.example.com");
	else if (strcmp(ip, "198.51.100.21") == 0)
		v[0] = strdup("fe1.ocs.example.com");
	else
		v[0] = strdup("cup2.example.com");
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
	struct fw_rules_opts o = { NULL, 0, rev };

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
	is_int(count_findings(&f, FW_SEV_INFO, -1, NULL, "reverse lookup of"),
	    5, "first pass: every IP shows its reverse lookup pending");
	fw_resolver_wait_all(rev);
	run(d, rev, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "198.51.100.22 (fe2.ocs.example.com) has no PTR record"), 1,
	    "an OCS server IP without PTR is a warning");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "about 40 seconds"), 1, "which names the field symptom");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "add a PTR record for 198.51.100.22"), 1, "and the fix");
	is_int(count_findings(&f, FW_SEV_INFO, 2, "ocs_server",
	    "198.51.100.23 reverse-resolves to old-fe3.ocs.example.com, not to "
	    "fe3.ocs.example.com"), 1, "a different PTR name is info naming both");
	is_int(count_findings(&f, FW_SEV_INFO, 0, "imp_node",
	    "192.0.2.11 (cup1.example.com) has no PTR record"), 1,
	    "an IM&P node without PTR is info only");
	is_int(count_findings(&f, FW_SEV_WARNING, -1, NULL, "fe1.ocs") +
	    count_findings(&f, FW_SEV_INFO, -1, NULL, "fe1.ocs"), 0,
	    "a matching PTR gives nothing");
	dump_findings(&f);
	fw_resolver_free(rev);
	fw_deployment_free(d);

	/* The system reverse lookup: 127.0.0.1 names localhost here. */
	{
		char **names = NULL;

		ok(fw_resolve_reverse_system("127.0.0.1", &names, NULL) == 0 &&
		    names != NULL && names[0] != NULL,
		    "127.0.0.1 reverse-resolves (%s)",
		    names && names[0] ? names[0] : "none");
		fw_strv_free(names);
		ok(fw_resolve_reverse_system("not-an-ip", &names, NULL) == -1 &&
		    names == NULL, "a non-address is refused");
	}
	fw_findings_free(&f);
	return done_testing();
}

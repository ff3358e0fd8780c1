#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_probe.h"
#include "fw_store.h"
#include "fw_util.h"
#include "tap.h"

/* Probe results in the project: saved, replaced by the next result for the
 * same host, port and kind, loaded with the deployment, and the checklist's
 * "verified ..." line made from them; and the targets a deployment yields. */

static char dir[] = "/tmp/fw-probe-store-XXXXXX";

static void
test_store(void)
{
	struct fw_probe_result r = { "fe1.ocs.test", 5061, "sip",
	    "2026-11-24 14:02:09", 1, "200 OK over TLS 1.2",
	    "round trip 3 ms" };
	struct fw_probe_result r2 = { "fe1.ocs.test", 5061, "tls", NULL, 0,
	    "no TLS handshake", NULL };
	const struct fw_probe_result *got;
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *path = xasprintf("%s/p.fedwiz", dir), *cause = NULL, *line;
	long audits;

	ok(fw_project_open(path, FW_OPEN_CREATE, &p, NULL, &cause) == 0,
	    "a new project");
	audits = fw_project_audit_count(p);
	ok(fw_project_save_probe(p, &r, &cause) == 0, "a result is saved");
	ok(fw_project_save_probe(p, &r2, &cause) == 0, "a second kind too");
	is_int(fw_project_audit_count(p), audits + 2, "each leaves an audit row");
	r.summary = "408 Request Timeout over TLS 1.2";
	r.ok = 0;
	r.time = "2026-11-25 09:00:00";
	ok(fw_project_save_probe(p, &r, &cause) == 0,
	    "a newer result for the same check is saved");
	ok(fw_project_load(p, &d, &cause) == 0, "the project loads");
	is_int(d->n_probes, 2, "one result per host, port and kind");
	got = fw_probe_find(d, "FE1.ocs.test", 5061, "sip");
	ok(got != NULL, "found by host (any case), port and kind");
	if (got != NULL) {
		is_str(got->summary, "408 Request Timeout over TLS 1.2",
		    "the newer result replaced the older");
		is_int(got->ok, 0, "with its verdict");
		is_str(got->detail, "round trip 3 ms", "and its detail");
	}
	ok(fw_probe_find(d, "fe1.ocs.test", 5060, "sip") == NULL,
	    "another port is another target");
	got = fw_probe_find(d, "fe1.ocs.test", 5061, "tls");
	ok(got != NULL && got->time != NULL && strlen(got->time) == 19,
	    "a result without a time gets the current one");

	r.ok = 1;
	r.summary = "200 OK over TLS 1.2";
	r.time = "2026-11-24 14:02:09";
	line = fw_probe_verified_line(&r);
	is_str(line, "verified 2026-11-24 14:02: 200 OK over TLS 1.2",
	    "the checklist line for a passed check");
	free(line);
	r.ok = 0;
	r.summary = "no answer";
	line = fw_probe_verified_line(&r);
	is_str(line, "failed 2026-11-24 14:02: no answer",
	    "and for a failed one");
	free(line);

	ok(fw_project_load_probes(p, d, &cause) == 0 && d->n_probes == 2,
	    "reloading the results replaces the list");
	fw_deployment_free(d);
	fw_project_close(p);
	unlink(path);
	free(path);
	free(cause);
}

/* A set of results (fedwiz verify's) replaces the host's earlier set of
 * that kind prefix, in one transaction, and nothing else. */
static void
test_replace(void)
{
	struct fw_probe_result probe = { "fe1.ocs.test", 5061, "tls", NULL, 1,
	    "TLS 1.2", NULL };
	struct fw_probe_result first[] = {
		{ "fe1.ocs.test", 0, "ms-route a.test", NULL, 0, "missing",
		    NULL },
		{ "fe1.ocs.test", 0, "ms-pool x.test", NULL, 1, "present",
		    NULL },
	};
	struct fw_probe_result other = { "fe2.ocs.test", 0, "ms-pool y.test",
	    NULL, 1, "present", NULL };
	struct fw_probe_result second[] = {
		{ "fe1.ocs.test", 0, "ms-route a.test", NULL, 1, "present",
		    "detail" },
	};
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *path = xasprintf("%s/r.fedwiz", dir), *cause = NULL;
	const struct fw_probe_result *got;
	long audits;

	ok(fw_project_open(path, FW_OPEN_CREATE, &p, NULL, &cause) == 0,
	    "a new project for replaced results");
	ok(fw_project_save_probe(p, &probe, &cause) == 0 &&
	    fw_project_save_probe(p, &other, &cause) == 0,
	    "a probe result of the host and a result of another host");
	audits = fw_project_audit_count(p);
	ok(fw_project_replace_probes(p, "fe1.ocs.test", "ms-", first, 2,
	    &cause) == 0, "a first set is saved");
	is_int(fw_project_audit_count(p), audits + 1, "with one audit row");
	ok(fw_project_replace_probes(p, "FE1.ocs.test", "ms-", second, 1,
	    &cause) == 0, "a second set replaces it");
	ok(fw_project_load(p, &d, &cause) == 0, "the project loads");
	is_int(d->n_probes, 3, "the probe result, the other host's, the set");
	ok(fw_probe_find(d, "fe1.ocs.test", 0, "ms-pool x.test") == NULL,
	    "what the second set lacks is gone");
	got = fw_probe_find(d, "fe1.ocs.test", 0, "ms-route a.test");
	ok(got != NULL && got->ok && strcmp(got->detail, "detail") == 0,
	    "what it holds is its own");
	ok(fw_probe_find(d, "fe1.ocs.test", 5061, "tls") != NULL,
	    "a result of another kind stays");
	ok(fw_probe_find(d, "fe2.ocs.test", 0, "ms-pool y.test") != NULL,
	    "another host's set stays");
	fw_deployment_free(d);
	fw_project_close(p);
	unlink(path);
	free(path);
	free(cause);
}

static void
test_targets(void)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_probe_targets ts;
	char *cause = NULL;

	fw_add_imp_domain(d, "cup.example.com", NULL);
	fw_add_imp_node(d, "cup1.example.com", "192.0.2.11");
	fw_add_ocs_domain(d, "ocs.test", NULL);
	fw_add_ocs_server(d, "fe1.ocs.test", "198.51.100.21", "ocs.test", NULL,
	    FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe2.ocs.test", "198.51.100.22", "ocs.test", NULL,
	    FW_ROUTE_BACKUP);
	d->peer_auth_port = 5071;

	ok(fw_probe_targets(d, NULL, &ts, &cause) == 0 && ts.n == 3,
	    "two OCS next hops and one IM&P node");
	is_str(ts.items[0].addr, "198.51.100.21", "probes connect to the IP");
	is_int(ts.items[0].port, 5061, "TLS next hops on 5061");
	is_str(ts.items[0].from_domain, "cup.example.com",
	    "OPTIONS to OCS come from the IM&P domain");
	is_str(ts.items[0].to_domain, "ocs.test", "to the server's domain");
	is_int(ts.items[2].port, 5071, "the IM&P node on its Peer Auth port");
	is_int(fw_probe_port(d, FW_PROBE_IMP_NODE), 5071,
	    "fw_probe_port agrees for IM&P nodes");
	is_int(fw_probe_port(d, FW_PROBE_OCS_NEXT_HOP), 5061,
	    "and for OCS next hops");
	is_str(ts.items[2].from_domain, "ocs.test",
	    "OPTIONS to IM&P come from the OCS domain");
	fw_probe_targets_free(&ts);

	d->next_hop_port = 15061;
	ok(fw_probe_targets(d, "198.51.100.22", &ts, &cause) == 0 &&
	    ts.n == 1, "--only by IP keeps one host");
	is_str(ts.items[0].host, "fe2.ocs.test", "the one with that IP");
	is_int(ts.items[0].port, 15061, "on the route's stored port");
	fw_probe_targets_free(&ts);

	d->transport = FW_TRANSPORT_TCP;
	d->next_hop_port = 0;
	ok(fw_probe_targets(d, "CUP1.example.com", &ts, &cause) == 0 &&
	    ts.n == 1 && !ts.items[0].tls && ts.items[0].port == 5060,
	    "under TCP an IM&P node is probed on 5060, by name in any case");
	fw_probe_targets_free(&ts);
	ok(fw_probe_targets(d, NULL, &ts, &cause) == 0 &&
	    ts.items[0].port == 5060, "and an OCS next hop too");
	fw_probe_targets_free(&ts);

	ok(fw_probe_targets(d, "www.example.org", &ts, &cause) == -1 &&
	    cause != NULL && strstr(cause, "www.example.org") != NULL,
	    "a host the project does not name is refused: %s",
	    cause ? cause : "");
	is_int(ts.n, 0, "and nothing is left to probe");
	fw_probe_targets_free(&ts);
	free(cause);
	fw_deployment_free(d);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp\n");
		return 1;
	}
	test_store();
	test_replace();
	test_targets();
	rmdir(dir);
	return done_testing();
}

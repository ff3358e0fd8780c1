/* The rules over in-memory deployments: names, ports, topology, TLS
 * confirmations, DNS through an injected resolver, the engine's order and
 * filter. Certificates: test_cert_rules.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_model.h"
#include "fw_resolve.h"
#include "fw_rules.h"
#include "rulesutil.h"
#include "tap.h"

/* A sound standard-edition TCP deployment: no findings offline. */
static struct fw_deployment *
good(void)
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
	return d;
}

static size_t
run(const struct fw_deployment *d, struct fw_resolver *r,
    struct fw_findings *f)
{
	struct fw_rules_opts o = { r, 0 };

	fw_findings_free(f);
	return fw_rules_run(d, &o, f);
}

static void
test_good(void)
{
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 };

	is_int(run(d, NULL, &f), 0, "a sound TCP deployment has no errors");
	is_int(f.n, 0, "... and no findings at all");
	dump_findings(&f);
	fw_findings_free(&f);
	fw_deployment_free(d);
}

static void
test_names(void)
{
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 };

	fw_add_imp_node(d, "-bad-.example.com", "192.0.2.13");
	fw_add_imp_node(d, "CUP1.Example.com.", "192.0.2.14");
	fw_add_ocs_domain(d, "example.com", NULL);
	fw_add_ocs_domain(d, "sub.example.com", NULL);
	fw_add_ocs_server(d, "fe9.sub.example.com", NULL, "sub.example.com",
	    NULL, FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe8.sub.example.com", "192.0.2.300",
	    "sub.example.com", NULL, FW_ROUTE_BACKUP);
	fw_add_ocs_server(d, "fe7.sub.example.com", "192.0.2.11",
	    "sub.example.com", NULL, FW_ROUTE_BACKUP);
	fw_add_ocs_server(d, "cup2.example.com", "192.0.2.99",
	    "sub.example.com", NULL, FW_ROUTE_BACKUP);
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node", "hyphen"), 1,
	    "a label with a leading hyphen is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "such as impa.cup.example.com"), 1,
	    "... showing the flow table's example name");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "cup1.example.com is entered twice"), 1,
	    "duplicates compare case-folded, without the trailing dot");
	is_int(count_findings(&f, FW_SEV_ERROR, 1, "ocs_domain",
	    "both an IM and Presence domain and an OCS domain"), 1,
	    "an OCS domain equal to an IM&P domain is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 1, "ocs_domain", "sub."), 0,
	    "a subdomain of the IM&P domain is fine");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "fe9.sub.example.com has no IP address"), 1,
	    "a server without an IP is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "fe8.sub.example.com: "), 1, "a bad IP is an error");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "same IP address as cup1.example.com"), 1,
	    "one IP typed for two machines is a warning");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "both as an IM and Presence node and as an OCS server"), 1,
	    "a host on both sides is an error");
	dump_findings(&f);
	fw_findings_free(&f);
	fw_deployment_free(d);
}

static void
test_ports(void)
{
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 };

	d->transport = FW_TRANSPORT_TLS;
	d->peer_auth_port = 5062;
	d->server_auth_port = 5061;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "peer_auth_port",
	    "requires 5061"), 1, "Peer Auth not on 5061 is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "peer_auth_port",
	    "move Server Auth off 5061 first"), 1,
	    "... with the swap order when Server Auth holds 5061");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "set Default Cisco SIP Proxy TLS Listener - Server Auth to 5063"),
	    1, "Server Auth on 5061 is an error; 5063 when Peer Auth has 5062");
	is_int(count_findings(&f, FW_SEV_WARNING, 3, "imp_domain",
	    "must use port 5062"), 1,
	    "TLS: OCS routes on the Peer Auth port, not 5061, is a warning");

	d->peer_auth_port = 5061;
	d->server_auth_port = 5061;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "Server Auth to 5062"), 1, "Server Auth on 5061: suggest 5062");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, NULL, "both on port"), 0,
	    "... reported once, not again as a shared port");
	is_int(count_findings(&f, FW_SEV_WARNING, 3, NULL, NULL), 0,
	    "Peer Auth 5061: no route port warning");

	d->server_auth_port = 5070;
	d->peer_auth_port = 5070;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "both on port 5070"), 1, "two listeners on one port conflict");

	d->peer_auth_port = 5061;
	d->server_auth_port = 5060;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "Cisco SIP Proxy TCP listener"), 1,
	    "a TLS listener on 5060 conflicts with the TCP listener");

	d->peer_auth_port = 0;
	d->server_auth_port = 70000;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "peer_auth_port",
	    "from 1 to 65535"), 1, "port 0 is out of range");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "from 1 to 65535"), 1, "port 70000 is out of range");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, NULL, NULL), 2,
	    "... and nothing else about them");

	d->transport = FW_TRANSPORT_TCP;
	d->peer_auth_port = 5062;
	d->server_auth_port = 5063;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 3, NULL, NULL), 0,
	    "TCP: OCS routes use 5060 whatever Peer Auth is");

	d->next_hop_port = 5060;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server", NULL), 0,
	    "TCP: Next Hop Port 5060 is the guide's");
	d->next_hop_port = 15060;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "Next Hop Port 15060, where the guide uses 5060 for TCP"), 1,
	    "another Next Hop Port is an error");
	d->transport = FW_TRANSPORT_TLS;
	d->next_hop_port = 5060;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "the guide uses 5061 for TLS"), 1, "TLS next hops on 5060 too");
	fw_findings_free(&f);
	fw_deployment_free(d);
}

static void
test_topology(void)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_findings f = { NULL, 0 };

	d->transport = FW_TRANSPORT_TCP;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node", "no IM and "
	    "Presence node"), 1, "empty: no IM&P node");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_domain", NULL), 1,
	    "empty: no IM&P domain");
	is_int(count_findings(&f, FW_SEV_ERROR, 1, "ocs_domain", NULL), 1,
	    "empty: no OCS domain");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server", NULL), 1,
	    "empty: no OCS server");
	fw_deployment_free(d);

	d = good();
	fw_add_ocs_domain(d, "lonely.test", NULL);
	fw_add_ocs_domain(d, "backup.test", NULL);
	fw_add_ocs_domain(d, "two.test", NULL);
	fw_add_ocs_server(d, "b1.backup.test", "198.51.100.31", "backup.test",
	    NULL, FW_ROUTE_BACKUP);
	fw_add_ocs_server(d, "t1.two.test", "198.51.100.41", "two.test", NULL,
	    FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "t2.two.test", "198.51.100.42", "two.test", NULL,
	    FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "x.nowhere.test", "198.51.100.51", "nowhere.test",
	    NULL, FW_ROUTE_PRIMARY);
	/* Front ends that are not next hops: no route of their own. */
	fw_add_ocs_domain(d, "frontend.test", NULL);
	fw_add_ocs_server(d, "f1.frontend.test", "198.51.100.61",
	    "frontend.test", NULL, FW_ROUTE_NONE);
	fw_add_ocs_server(d, "fe3.ocs.example.com", "198.51.100.23",
	    "ocs.example.com", NULL, FW_ROUTE_NONE);
	fw_add_imp_domain(d, "other.example.com", "cup9.example.com");
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "frontend.test has no static route"), 1,
	    "a domain of front ends that are no next hop has no route");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "ocs.example.com has"), 0,
	    "a front end that is no next hop beside a primary: no backup error");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "lonely.test has no static route"), 1,
	    "an OCS domain without a route is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    ".test.lonely.*"), 1, "... naming its destination pattern");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "backup.test has backup routes but no primary"), 1,
	    "backups without a primary are an error");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "two.test has 2 primary routes"), 1,
	    "two primaries at one priority are a warning");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "not an OCS domain"), 1, "a server of an unknown domain");
	is_int(count_findings(&f, FW_SEV_ERROR, 3, "imp_domain",
	    "cup9.example.com, which is not an IM and Presence node"), 1,
	    "route_to names an unknown node");
	fw_deployment_free(d);

	d = good();
	d->edition = FW_EDITION_ENTERPRISE;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_pool", "without a "
	    "pool"), 1, "enterprise without pools is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server", "is in no "
	    "pool"), 2, "enterprise: each server without a pool");
	fw_add_ocs_pool(d, "pool1.ocs.example.com");
	fw_add_ocs_pool(d, "empty.ocs.example.com");
	free(d->ocs_servers[0].pool);
	d->ocs_servers[0].pool = strdup("pool1.ocs.example.com");
	free(d->ocs_servers[1].pool);
	d->ocs_servers[1].pool = strdup("pool9.ocs.example.com");
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "pool9.ocs.example.com, which is not declared"), 1,
	    "a server in an undeclared pool");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_pool",
	    "empty.ocs.example.com has no front end server"), 1,
	    "a pool without servers is a warning");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_pool", NULL), 0,
	    "pools declared: no pool error");
	fw_findings_free(&f);
	fw_deployment_free(d);
}

static void
test_tls(void)
{
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 };

	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_INFO, -1, "tls_3des", NULL), 0,
	    "TCP: no TLS context findings");
	d->transport = FW_TRANSPORT_TLS;
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 9, "tls_3des",
	    "TLS_RSA_WITH_3DES_EDE_CBC_SHA is not confirmed"), 1,
	    "TLS: 3DES not confirmed is a warning");
	is_int(count_findings(&f, FW_SEV_WARNING, 9, "tls_3des",
	    "TLS Context Configuration"), 1, "... naming where to set it");
	is_int(count_findings(&f, FW_SEV_WARNING, 9, "empty_fragments",
	    "Disable Empty TLS Fragments"), 1,
	    "TLS: empty fragments not confirmed is a warning");
	is_int(count_findings(&f, FW_SEV_WARNING, 8, "fips", NULL), 1,
	    "TLS: FIPS not confirmed is a warning");
	is_int(count_findings(&f, FW_SEV_INFO, 9, "tls_3des", "SWEET32"), 1,
	    "TLS: the SWEET32 info");
	/* A confirmation is the tick of its checklist items. */
	fw_add_tick(d, "imp.tlscontext.cipher", NULL, NULL, NULL);
	fw_add_tick(d, "imp.tlscontext.fragments", "ab", NULL, NULL);
	fw_add_tick(d, "ocs.fe1.ocs.example.com.fips", NULL, NULL, NULL);
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 9, "tls_3des", NULL) +
	    count_findings(&f, FW_SEV_WARNING, 9, "empty_fragments", NULL), 0,
	    "ticked items confirm their settings: no warning");
	is_int(count_findings(&f, FW_SEV_WARNING, 8, "fips", NULL), 1,
	    "FIPS ticked on one OCS server of two still warns");
	fw_add_tick(d, "ocs.fe2.ocs.example.com.fips", NULL, NULL, NULL);
	run(d, NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 8, "fips", NULL), 0,
	    "FIPS ticked on every OCS server: no warning");
	fw_findings_free(&f);
	fw_deployment_free(d);
}

static void
test_order_and_filter(void)
{
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 }, sel = { NULL, 0 };
	size_t i, sorted = 1, n;

	d->transport = FW_TRANSPORT_TLS;
	d->peer_auth_port = 5062;
	fw_add_ocs_domain(d, "lonely.test", NULL);
	fw_add_imp_node(d, "bad_name", "192.0.2.99");
	run(d, NULL, &f);
	for (i = 1; i < f.n; i++) {
		if (f.items[i - 1].step > f.items[i].step ||
		    (f.items[i - 1].step == f.items[i].step &&
		    f.items[i - 1].severity > f.items[i].severity))
			sorted = 0;
	}
	ok(f.n > 5 && sorted, "findings sorted by step, then severity");
	n = fw_findings_filter(&f, 9, NULL, NULL, &sel);
	ok(n > 0 && n == sel.n, "filter by step returns what it appends");
	for (i = 0; i < sel.n && sel.items[i].step == 9; i++)
		;
	is_int(i, sel.n, "... only step 9");
	fw_findings_free(&sel);
	n = fw_findings_filter(&f, -1, "ocs_server", "LONELY.test", &sel);
	is_int(n, 1, "filter by field and subject (case-insensitive)");
	ok(n == 1 && strstr(sel.items[0].message, "lonely.test") != NULL,
	    "... finds the lonely domain's finding");
	fw_findings_free(&sel);
	is_int(fw_findings_count(&f, FW_SEV_ERROR),
	    count_findings(&f, FW_SEV_ERROR, -1, NULL, NULL),
	    "fw_findings_count counts errors");
	fw_findings_free(&f);
	fw_deployment_free(d);
}

/* Answers the test chooses: fe1 is "slow" (never answers), fe2 answers
 * another address, fe3 has none; everything else is 192.0.2.11 etc.
 * Address literals are reverse lookups. */
static int
fake_lookup(const char *name, char ***addrs, void *ctx)
{
	char **v;

	(void)ctx;
	if (strncmp(name, "fe1.", 4) == 0) {
		for (;;)
			pause();
	}
	if (strncmp(name, "fe3.", 4) == 0 ||
	    strcmp(name, "198.51.100.22") == 0)
		return -1;
	v = calloc(2, sizeof *v);
	/* Reverse lookups: .21 is fe1's, .23 another name's. */
	if (strcmp(name, "198.51.100.21") == 0)
		v[0] = strdup("fe1.ocs.example.com");
	else if (strcmp(name, "198.51.100.23") == 0)
		v[0] = strdup("elsewhere.other.test");
	else if (strncmp(name, "fe2.", 4) == 0)
		v[0] = strdup("198.51.100.99");
	else if (strcmp(name, "cup1.example.com") == 0)
		v[0] = strdup("192.0.2.11");
	else
		v[0] = strdup("192.0.2.12");
	*addrs = v;
	return 0;
}

static void
test_dns(void)
{
	struct fw_resolver_opts ro = { 200, 0, fake_lookup, NULL };
	struct fw_deployment *d = good();
	struct fw_findings f = { NULL, 0 };
	struct fw_resolver *r = fw_resolver_new(&ro, NULL);

	fw_add_ocs_domain(d, "other.test", NULL);
	fw_add_ocs_server(d, "fe3.other.test", "198.51.100.23", "other.test",
	    NULL, FW_ROUTE_PRIMARY);
	run(d, r, &f);
	is_int(count_findings(&f, FW_SEV_INFO, -1, NULL, "resolving"), 5,
	    "first pass: every name shows resolving…");
	fw_resolver_wait_all(r);
	run(d, r, &f);
	is_int(count_findings(&f, FW_SEV_INFO, -1, NULL, "resolving"), 0,
	    "after wait_all: nothing pending");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "fe1.ocs.example.com: no DNS answer in time"), 1,
	    "a hung lookup becomes a timeout error");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "fe2.ocs.example.com resolves to 198.51.100.99 here, but "
	    "198.51.100.22 was entered"), 1,
	    "a different address is a warning naming both");
	is_int(count_findings(&f, FW_SEV_ERROR, 2, "ocs_server",
	    "fe3.other.test does not resolve"), 1, "no answer is an error");
	is_int(count_findings(&f, FW_SEV_WARNING, 2, "ocs_server",
	    "198.51.100.22 (fe2.ocs.example.com) has no reverse DNS (PTR) "
	    "record"), 1, "an OCS server IP without PTR is a warning");
	is_int(count_findings(&f, FW_SEV_INFO, 2, "ocs_server",
	    "198.51.100.23 reverses to elsewhere.other.test, not to "
	    "fe3.other.test"), 1, "a PTR naming another host is an info");
	is_int(count_findings(&f, FW_SEV_INFO, 2, "ocs_server",
	    "198.51.100.21"), 0, "a PTR naming the server gives nothing");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node", NULL) +
	    count_findings(&f, FW_SEV_WARNING, 0, "imp_node", NULL), 0,
	    "matching addresses give nothing");
	fw_resolver_free(r);

	/* The system resolver, no network needed: localhost and RFC 6761
	 * .invalid. */
	fw_deployment_free(d);
	d = fw_deployment_new();
	fw_add_imp_node(d, "localhost", "127.0.0.1");
	fw_add_imp_node(d, "cup2.fedwiz-test.invalid", "192.0.2.12");
	r = fw_resolver_new(NULL, NULL);
	run(d, r, &f);
	fw_resolver_wait_all(r);
	run(d, r, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node", "localhost") +
	    count_findings(&f, FW_SEV_WARNING, 0, "imp_node", "localhost"), 0,
	    "localhost resolves to the 127.0.0.1 entered");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "cup2.fedwiz-test.invalid does not resolve"), 1,
	    "an .invalid name does not resolve");
	dump_findings(&f);
	fw_resolver_free(r);
	fw_findings_free(&f);
	fw_deployment_free(d);
}

int
main(void)
{
	test_good();
	test_names();
	test_ports();
	test_topology();
	test_tls();
	test_order_and_filter();
	test_dns();
	return done_testing();
}

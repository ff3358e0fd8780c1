/* Judging typed values before they are saved (fw_judge.h): syntax first,
 * with Enter's own words; then the rules about the edited entry or
 * setting, over a copy; the deployment itself never changes. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fw_certfile.h"
#include "fw_judge.h"
#include "fw_model.h"
#include "fw_resolve.h"
#include "fw_rows.h"
#include "fw_util.h"
#include "certgen.h"
#include "rulesutil.h"
#include "tap.h"

/* cup1.example (a typo: no such name) fails; every other name is
 * 192.0.2.11; addresses (reverse lookups) name cup1.example.com. */
static int
fake_lookup(const char *name, char ***addrs, void *ctx)
{
	char **v;

	(void)ctx;
	*addrs = NULL;
	if (strcmp(name, "cup1.example") == 0)
		return -1;
	v = calloc(2, sizeof *v);
	v[0] = strdup(strchr(name, ':') != NULL || strspn(name,
	    "0123456789.") == strlen(name) ? "cup1.example.com" :
	    "192.0.2.11");
	*addrs = v;
	return 0;
}

static struct fw_deployment *
deployment(void)
{
	struct fw_deployment *d = fw_deployment_new();

	fw_add_imp_domain(d, "example.com", NULL);
	fw_add_imp_node(d, "cup1.example.com", "192.0.2.11");
	fw_add_ocs_domain(d, "ocs.example.net", NULL);
	fw_add_ocs_server(d, "fe1.ocs.example.net", "192.0.2.11",
	    "ocs.example.net", NULL, FW_ROUTE_PRIMARY);
	return d;
}

static void
test_row(void)
{
	struct fw_resolver_opts ro = { 2000, 0, fake_lookup, NULL };
	struct fw_resolver *r = fw_resolver_new(&ro, NULL);
	struct fw_rules_opts opts = { r, 0 };
	struct fw_deployment *d = deployment();
	struct fw_findings f = { NULL, 0 };
	const char *typo[] = { "cup1.example", "192.0.2.12" };
	const char *bad[] = { "cup_1.example.com", "192.0.2.12" };
	const char *ip[] = { "cup2.example.com", "300.1.2.3" };
	const char *half[] = { "cup2.example.com", NULL };
	const char *nameless[] = { "", NULL };

	is_int(fw_judge_row(d, FW_LIST_IMP_NODE, 1, bad, &opts, &f), 1,
	    "a bad host name: one error");
	ok(f.n == 1 && strncmp(f.items[0].message, "FQDN: ", 6) == 0 &&
	    strstr(f.items[0].message, "cup_1") != NULL,
	    "... the refusal Enter gives, naming the column (%s)",
	    f.n > 0 ? f.items[0].message : "none");
	ok(f.n == 1 && f.items[0].step == 0 &&
	    strcmp(f.items[0].field, "imp_node") == 0,
	    "... on the list's step and field");
	fw_findings_free(&f);
	fw_judge_row(d, FW_LIST_IMP_NODE, 1, ip, &opts, &f);
	ok(f.n == 1 && strncmp(f.items[0].message, "IP: ", 4) == 0,
	    "a bad address: the IP column's refusal");
	fw_findings_free(&f);

	fw_judge_row(d, FW_LIST_IMP_NODE, 1, typo, &opts, &f);
	is_int(count_findings(&f, FW_SEV_INFO, 0, "imp_node",
	    "resolving cup1.example"), 1,
	    "a syntactically good name: resolving… at first");
	fw_findings_free(&f);
	fw_resolver_wait_all(r);
	is_int(fw_judge_row(d, FW_LIST_IMP_NODE, 1, typo, &opts, &f), 1,
	    "judged again once the answer came: one error");
	ok(f.n > 0 && f.items[0].severity == FW_SEV_ERROR &&
	    strstr(f.items[0].message, "cup1.example does not resolve") !=
	    NULL, "... first: cup1.example does not resolve");
	dump_findings(&f);
	fw_findings_free(&f);
	is_int(d->n_imp_nodes, 1, "the deployment itself has no new node");

	/* Editing the existing node to the typo: about it, not the old. */
	fw_judge_row(d, FW_LIST_IMP_NODE, 0, typo, &opts, &f);
	ok(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "cup1.example does not resolve") == 1 &&
	    strcmp(d->imp_nodes[0].fqdn, "cup1.example.com") == 0,
	    "an edit is judged over a copy; the entry keeps its value");
	fw_findings_free(&f);

	fw_judge_row(d, FW_LIST_IMP_NODE, 1, half, &opts, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "required"), 0, "an IP not typed yet is not refused");
	is_int(count_findings(&f, FW_SEV_ERROR, 0, "imp_node",
	    "cup2.example.com has no IP address"), 1,
	    "... the rules say it is missing");
	fw_findings_free(&f);
	is_int(fw_judge_row(d, FW_LIST_IMP_NODE, 1, nameless, &opts, &f), 0,
	    "nothing typed yet: nothing to say");
	is_int(f.n, 0, "... no findings");

	fw_judge_row(d, FW_LIST_IMP_NODE, 1, (const char *[]){
	    "CUP1.example.com.", "192.0.2.13" }, &opts, &f);
	ok(f.n == 1 && strstr(f.items[0].message, "already in the list"),
	    "a name entered twice: Enter's refusal");
	fw_findings_free(&f);
	fw_deployment_free(d);
	fw_resolver_free(r);
}

static void
test_setting(void)
{
	struct fw_deployment *d = deployment();
	struct fw_findings f = { NULL, 0 };

	is_int(fw_judge_setting(d, "peer_auth_port", "50600", NULL, &f), 1,
	    "Peer Auth port 50600: one error");
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "peer_auth_port",
	    "the Peer Auth listener is on port 50600; the guide requires "
	    "5061"), 1, "... the guide's rule, on step 4");
	is_int(d->peer_auth_port, 5061, "the deployment keeps 5061");
	fw_findings_free(&f);
	fw_judge_setting(d, "peer_auth_port", "70000", NULL, &f);
	ok(f.n == 1 && f.items[0].severity == FW_SEV_ERROR &&
	    strcmp(f.items[0].field, "peer_auth_port") == 0,
	    "port 70000: the syntax refusal (%s)",
	    f.n > 0 ? f.items[0].message : "none");
	fw_findings_free(&f);
	is_int(fw_judge_setting(d, "peer_auth_port", "5061", NULL, &f), 0,
	    "5061: no error");
	fw_findings_free(&f);
	fw_judge_setting(d, "server_auth_port", "5061", NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 4, "server_auth_port",
	    "Server Auth listener is on 5061"), 1,
	    "Server Auth 5061: its rule");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, "peer_auth_port", NULL),
	    0, "... and only the findings of that field");
	fw_findings_free(&f);
	fw_deployment_free(d);
}

/* A PEM file of a new self-signed certificate (no EKU) for cn. */
static char *
write_cert(const char *dir, const char *cn)
{
	char *path = xasprintf("%s/%s.pem", dir, cn), *pem;
	X509 *x = certgen_make(cn, NULL);
	FILE *fp;

	pem = certgen_pem(x);
	fp = fopen(path, "w");
	fputs(pem, fp);
	fclose(fp);
	free(pem);
	X509_free(x);
	return path;
}

static void
test_cert(void)
{
	char dir[] = "/tmp/fw-judge-XXXXXX";
	struct fw_deployment *d = deployment();
	struct fw_findings f = { NULL, 0 };
	char *leaf, *ca, *missing;

	if (mkdtemp(dir) == NULL) {
		ok(0, "a temporary folder");
		return;
	}
	leaf = write_cert(dir, "fe1.ocs.example.net");
	ca = write_cert(dir, "Other CA");
	missing = xasprintf("%s/missing.pem", dir);

	is_int(fw_judge_cert(d, FW_CERT_OCS_CERT, missing, NULL, &f), 1,
	    "a path that is not there: one error");
	ok(f.n == 1 && strstr(f.items[0].message, "missing.pem") != NULL &&
	    strcmp(f.items[0].field, "ocs_cert") == 0 && f.items[0].step == 6,
	    "... the refusal Enter gives, on step 6 (%s)",
	    f.n > 0 ? f.items[0].message : "none");
	fw_findings_free(&f);

	/* A FIFO with a writer that never writes would block a read. */
	{
		char *fifo = xasprintf("%s/fifo", dir);
		int fd;

		mkfifo(fifo, 0600);
		fd = open(fifo, O_RDWR | O_NONBLOCK);
		is_int(fw_judge_cert(d, FW_CERT_OCS_CERT, fifo, NULL, &f), 0,
		    "a FIFO is not read while typing (the test would hang)");
		is_int(f.n, 0, "... and nothing is said of it yet");
		close(fd);
		unlink(fifo);
		free(fifo);
	}
	fw_judge_cert(d, FW_CERT_OCS_CERT, leaf, NULL, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 6, "ocs_cert",
	    "has no Extended Key Usage at all"), 1,
	    "a certificate without EKUs: the guide's rule, before it is saved");
	ok(d->certs[FW_CERT_OCS_CERT].pem == NULL,
	    "the deployment still has no OCS certificate");
	fw_findings_free(&f);

	fw_set_cert(d, FW_CERT_OCS_CERT, "-----BEGIN CERTIFICATE-----", NULL,
	    NULL);
	fw_judge_cert(d, FW_CERT_OCS_CERT, "", NULL, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 6, "ocs_cert",
	    "no OCS server certificate given"), 1,
	    "an emptied path: judged as removed");
	fw_findings_free(&f);

	fw_judge_cert(d, FW_CERT_OCS_CERT, leaf, NULL, &f);
	fw_findings_free(&f);
	{
		struct fw_cert c = { NULL, NULL, NULL };

		fw_cert_load_file(leaf, &c, NULL);
		fw_set_cert(d, FW_CERT_OCS_CERT, c.pem, c.source, c.sha256);
		fw_cert_clear(&c);
	}
	fw_judge_cert(d, FW_CERT_OCS_CA, ca, NULL, &f);
	ok(count_findings(&f, FW_SEV_ERROR, 6, "ocs_cert", NULL) > 0,
	    "a CA typed: the certificate it should sign is judged against "
	    "it");
	dump_findings(&f);
	fw_findings_free(&f);

	unlink(leaf);
	unlink(ca);
	rmdir(dir);
	free(leaf);
	free(ca);
	free(missing);
	fw_deployment_free(d);
}

static void
test_copy(void)
{
	struct fw_deployment *d = deployment(), *c;

	fw_add_tick(d, "ocs.x.fips", "ab", "u", "2026-01-02 03:04:05");
	fw_set_cert(d, FW_CERT_OCS_CA, "PEM", "ca.pem", "AB:CD");
	d->step_done[3] = 1;
	d->next_hop_port = 5070;
	c = fw_deployment_copy(d);
	fw_deployment_free(d);
	ok(c->n_imp_nodes == 1 && strcmp(c->imp_nodes[0].fqdn,
	    "cup1.example.com") == 0 && c->n_ocs_servers == 1 &&
	    strcmp(c->ocs_servers[0].domain, "ocs.example.net") == 0,
	    "a copy holds the lists, after the original is freed");
	ok(c->step_done[3] && c->next_hop_port == 5070 &&
	    c->n_ticks == 1 && strcmp(c->ticks[0].item, "ocs.x.fips") == 0 &&
	    strcmp(c->ticks[0].time, "2026-01-02 03:04:05") == 0 &&
	    strcmp(c->certs[FW_CERT_OCS_CA].source, "ca.pem") == 0,
	    "... and settings, ticks, certificates");
	fw_deployment_free(c);
}

int
main(void)
{
	test_row();
	test_setting();
	test_cert();
	test_copy();
	return done_testing();
}

/* Certificate inspection and the certificate rules, on certificates made
 * at test time by tests/certs.sh with the openssl CLI. */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "certgen.h"
#include "fw_cert_check.h"
#include "fw_certfile.h"
#include "fw_model.h"
#include "fw_rules.h"
#include "rulesutil.h"
#include "tap.h"

static char dir[] = "/tmp/fedwiz-certs.XXXXXX";

/* The PEM of DIR/name, read as fedwiz reads certificate files (free()). */
static char *
pem_of(const char *name)
{
	struct fw_cert c;
	char *path = NULL, *pem = NULL;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		return NULL;
	if (fw_cert_load_file(path, &c, NULL) == 0) {
		pem = c.pem;
		c.pem = NULL;
		fw_cert_clear(&c);
	}
	free(path);
	return pem;
}

static int
make_certs(void)
{
	pid_t pid;
	int status;

	if (mkdtemp(dir) == NULL)
		return -1;
	if ((pid = fork()) == 0) {
		execl("/bin/sh", "sh", TOP_SRCDIR "/tests/certs.sh", dir,
		    (char *)NULL);
		_exit(127);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
has(char **v, const char *s)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++) {
		if (strcmp(v[i], s) == 0)
			return 1;
	}
	return 0;
}

static void
test_inspect(void)
{
	struct fw_cert_info ci;
	struct fw_cert_line *lines;
	struct fw_cert c;
	char *pem = pem_of("both.pem"), *path;
	size_t n;

	is_int(fw_cert_inspect(pem, &ci, NULL), 0, "inspect both.pem");
	is_str(ci.subject, "CN=fe1.ocs.test", "subject");
	is_str(ci.common_name, "fe1.ocs.test", "common name");
	is_str(ci.issuer, "CN=fedwiz test CA", "issuer");
	ok(has(ci.sans, "DNS:fe1.ocs.test") && has(ci.sans,
	    "DNS:pool1.ocs.test") && ci.n_sans == 2, "both SANs");
	ok(ci.has_eku && ci.eku_server && ci.eku_client, "both EKUs");
	ok(has(ci.ekus, "Server Authentication (1.3.6.1.5.5.7.3.1)") &&
	    has(ci.ekus, "Client Authentication (1.3.6.1.5.5.7.3.2)"),
	    "EKUs by name and OID");
	is_str(ci.key_type, "RSA", "key type");
	is_int(ci.key_bits, 2048, "key size");
	is_str(ci.signature, "sha256WithRSAEncryption", "signature");
	ok(!ci.weak_signature && !ci.is_ca, "not weak, not a CA");
	ok(ci.not_after - ci.not_before > 364 * 86400 &&
	    ci.not_before <= time(NULL), "validity period of a year, begun");
	ok(strlen(ci.not_after_text) == 23 && strstr(ci.not_after_text,
	    " UTC") != NULL, "validity as text, UTC");
	is_int(ci.n_chain, 1, "one certificate");
	path = NULL;
	if (asprintf(&path, "%s/both.der", dir) > 0 &&
	    fw_cert_load_file(path, &c, NULL) == 0) {
		is_str(ci.sha256, c.sha256, "fingerprint equals the DER "
		    "file's, as fw_certfile computes it");
		fw_cert_clear(&c);
	} else
		ok(0, "both.der loads");
	free(path);
	fw_cert_info_clear(&ci);
	free(pem);

	pem = pem_of("chain.pem");
	fw_cert_inspect(pem, &ci, NULL);
	is_int(ci.n_chain, 2, "chain.pem: two certificates");
	is_str(ci.subject, "CN=fe1.ocs.test", "... the leaf first");
	n = fw_cert_summary(&ci, "chain.pem", &lines);
	is_int(n, 10, "summary: ten lines with a source");
	is_str(lines[0].label, "File:", "... File first");
	ok(strstr(lines[0].value, "2 certificates") != NULL, "... saying "
	    "the chain's length");
	is_str(lines[2].value, "DNS:fe1.ocs.test, DNS:pool1.ocs.test",
	    "... SANs joined");
	is_str(lines[9].label, "SHA-256:", "... the fingerprint last");
	fw_cert_lines_free(lines, n);
	n = fw_cert_summary(&ci, NULL, &lines);
	is_int(n, 9, "summary without a source: no File line");
	is_str(lines[0].label, "Subject:", "... Subject first");
	fw_cert_lines_free(lines, n);
	fw_cert_info_clear(&ci);
	free(pem);

	pem = pem_of("ca.pem");
	fw_cert_inspect(pem, &ci, NULL);
	ok(ci.is_ca && ci.n_ekus == 0 && !ci.has_eku, "the CA: a CA, no EKU");
	fw_cert_info_clear(&ci);
	free(pem);

	pem = pem_of("noeku.pem");
	fw_cert_inspect(pem, &ci, NULL);
	ok(!ci.has_eku && !ci.eku_server && !ci.eku_client,
	    "noeku.pem: no EKU extension");
	fw_cert_info_clear(&ci);
	free(pem);

	pem = pem_of("rsa1024.pem");
	fw_cert_inspect(pem, &ci, NULL);
	is_int(ci.key_bits, 1024, "rsa1024.pem: 1024 bits");
	fw_cert_info_clear(&ci);
	free(pem);

	pem = pem_of("sha1.pem");
	fw_cert_inspect(pem, &ci, NULL);
	ok(ci.weak_signature, "sha1.pem: weak signature (%s)", ci.signature);
	fw_cert_info_clear(&ci);
	free(pem);

	is_int(fw_cert_inspect("garbage", &ci, NULL), -1,
	    "inspect refuses text without a certificate");
	fw_cert_info_clear(&ci);
}

static void
test_verify_and_host(void)
{
	char *ca = pem_of("ca.pem"), *other = pem_of("other-ca.pem");
	char *both = pem_of("both.pem"), *unrel = pem_of("unrelated.pem");
	char *expired = pem_of("expired.pem"), *why = NULL;
	const char *hosts[] = { "fe1.ocs.test", "fe2.ocs.test",
	    "POOL1.ocs.test" };
	int match[3] = { -1, -1, -1 };

	is_int(fw_cert_verify(both, ca, 0, &why), 0, "both.pem verifies "
	    "against its CA");
	is_int(fw_cert_verify(unrel, ca, 0, &why), -1, "unrelated.pem does "
	    "not");
	ok(why != NULL && strstr(why, "issuer") != NULL, "... and says why "
	    "(%s)", why);
	free(why);
	why = NULL;
	is_int(fw_cert_verify(unrel, other, 0, &why), 0, "unrelated.pem "
	    "verifies against its own CA");
	is_int(fw_cert_verify(expired, ca, 0, &why), 0, "the leaf's own "
	    "expiry is left to the validity rule");
	is_int(fw_cert_verify(both, ca, 4102444800 + 3650L * 86400, &why),
	    -1, "a CA expired at the time asked fails");
	free(why);
	is_int(fw_cert_match_host(both, "fe1.ocs.test"), 1, "names "
	    "fe1.ocs.test");
	is_int(fw_cert_match_host(both, "FE1.OCS.TEST"), 1, "... in any case");
	is_int(fw_cert_match_host(both, "pool1.ocs.test"), 1, "... and its "
	    "other SAN");
	is_int(fw_cert_match_host(both, "fe2.ocs.test"), 0, "not fe2");
	is_int(fw_cert_match_host("nothing", "fe2.ocs.test"), -1,
	    "unreadable: -1");
	is_int(fw_cert_match_hosts(both, hosts, 3, match), 0,
	    "three hosts at once");
	ok(match[0] == 1 && match[1] == 0 && match[2] == 1,
	    "... fe1 and pool1 named, fe2 not");
	free(ca);
	free(other);
	free(both);
	free(unrel);
	free(expired);
}

/* fw_cert_judge on each test certificate, against fe1.ocs.test and the
 * test CA: how many errors, and a word of the first error or warning. */
static void
test_judge(void)
{
	static const struct {
		const char *file;
		size_t errors;
		enum fw_severity sev;
		const char *text;
	} cases[] = {
		{ "both.pem", 0, FW_SEV_INFO, NULL },
		{ "chain.pem", 0, FW_SEV_INFO, NULL },
		{ "server.pem", 1, FW_SEV_ERROR, "lacks Client Authentication" },
		{ "client.pem", 1, FW_SEV_ERROR, "lacks Server Authentication" },
		{ "noeku.pem", 1, FW_SEV_ERROR, "no Extended Key Usage at all" },
		{ "expired.pem", 1, FW_SEV_ERROR, "expired on 2020-01-01" },
		{ "notyet.pem", 1, FW_SEV_ERROR, "not valid before 2099-01-01" },
		{ "soon.pem", 0, FW_SEV_WARNING, "in 10 days" },
		{ "wronghost.pem", 1, FW_SEV_ERROR, "names none of fe1.ocs.test" },
		{ "unrelated.pem", 1, FW_SEV_ERROR, "does not verify" },
		{ "rsa1024.pem", 0, FW_SEV_WARNING, "1024-bit RSA key" },
		{ "sha1.pem", 0, FW_SEV_WARNING, "sha1WithRSAEncryption" },
		{ "ca.pem", 2, FW_SEV_WARNING, "is a CA certificate" },
		{ "noeku.pem", 1, FW_SEV_ERROR, "listed explicitly" },
	};
	const char *hosts[] = { "fe1.ocs.test" };
	struct fw_findings f = { NULL, 0 };
	struct fw_cert_expect w;
	char *pem, *ca = pem_of("ca.pem");
	size_t i, errors;

	memset(&w, 0, sizeof w);
	w.label = "cert";
	w.hosts = hosts;
	w.n_hosts = 1;
	w.ca_pem = ca;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pem = pem_of(cases[i].file);
		errors = fw_cert_judge(pem, &w, &f);
		is_int(errors, cases[i].errors, "%s: %zu error(s)",
		    cases[i].file, cases[i].errors);
		if (cases[i].text != NULL)
			ok(count_findings(&f, cases[i].sev, -1, NULL,
			    cases[i].text) == 1, "%s: says \"%s\"",
			    cases[i].file, cases[i].text);
		else
			is_int(f.n, 0, "%s: no finding at all", cases[i].file);
		dump_findings(&f);
		fw_findings_free(&f);
		free(pem);
	}
	w.now = 4070908800;	/* 2099-01-01 */
	pem = pem_of("both.pem");
	fw_cert_judge(pem, &w, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "expired on"), 1,
	    "judged at a later time (opts.now): expired");
	fw_findings_free(&f);
	is_int(fw_cert_judge("junk", &w, &f), 1, "an unreadable PEM is one "
	    "error");
	fw_findings_free(&f);
	free(pem);
	free(ca);
}

/* The rules pick the certificates, CAs and hosts from the answers. */
static void
test_rules(void)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_findings f = { NULL, 0 };
	struct fw_rules_opts o = { NULL, 0 };
	char *both = pem_of("both.pem"), *ca = pem_of("ca.pem");
	char *server = pem_of("server.pem"), *other = pem_of("other-ca.pem");

	fw_add_imp_node(d, "fe1.ocs.test", "192.0.2.11");
	fw_add_ocs_server(d, "fe1.ocs.test", "198.51.100.21", "ocs.test",
	    NULL, FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe2.ocs.test", "198.51.100.22", "ocs.test",
	    NULL, FW_ROUTE_BACKUP);
	fw_set_cert(d, FW_CERT_OCS_CERT, both, NULL, NULL);
	fw_set_cert(d, FW_CERT_OCS_CA, ca, NULL, NULL);
	fw_set_cert(d, FW_CERT_IMP_CERT, server, NULL, NULL);
	fw_set_cert(d, FW_CERT_IMP_CA, both, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 6, "ocs_cert", NULL), 0,
	    "OCS certificate naming fe1 and verifying: no error");
	is_int(count_findings(&f, FW_SEV_WARNING, 6, "ocs_cert",
	    "does not name fe2.ocs.test"), 1,
	    "... a warning for fe2, which it does not name");
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_cert",
	    "lacks Client Authentication"), 1,
	    "IM&P certificate without Client Authentication: error");
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_ca",
	    "is not a CA certificate"), 1, "a leaf issued by a CA given as "
	    "CA: error");
	is_int(count_findings(&f, FW_SEV_WARNING, 9, NULL, "TLS Peer "
	    "Subjects"), 0, "CN fe1.ocs.test is an OCS server: no peer "
	    "subject warning");
	fw_findings_free(&f);
	free(d->ocs_servers[0].fqdn);
	d->ocs_servers[0].fqdn = strdup("fe9.ocs.test");
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 9, NULL, "enter "
	    "fe1.ocs.test under System > Security > TLS Peer Subjects"), 1,
	    "a CN that is no OCS server: which TLS peer subject to enter");
	fw_findings_free(&f);

	fw_set_cert(d, FW_CERT_IMP_CA, other, NULL, NULL);
	fw_set_cert(d, FW_CERT_IMP_CERT, NULL, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 9, "imp_cert", "no IM and "
	    "Presence certificate given"), 1, "a missing certificate: "
	    "warning");
	fw_findings_free(&f);

	fw_set_cert(d, FW_CERT_IMP_CERT, both, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_cert", "does not "
	    "verify"), 1, "a certificate from another CA: error");
	fw_findings_free(&f);

	d->transport = FW_TRANSPORT_TCP;
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 6, NULL, NULL) +
	    count_findings(&f, FW_SEV_WARNING, 6, NULL, NULL) +
	    count_findings(&f, FW_SEV_ERROR, 9, NULL, NULL) +
	    count_findings(&f, FW_SEV_WARNING, 9, NULL, NULL), 0,
	    "TCP: no certificate findings");
	fw_findings_free(&f);
	fw_deployment_free(d);
	free(both);
	free(ca);
	free(server);
	free(other);
}

/* The fix named follows the certificate's role; a CA role is judged as a
 * CA; cert-check's each_host requires every host. */
static void
test_roles(void)
{
	const char *hosts[] = { "fe1.ocs.test", "fe2.ocs.test" };
	struct fw_findings f = { NULL, 0 };
	struct fw_cert_expect w;
	char *server = pem_of("server.pem"), *ca = pem_of("ca.pem");
	char *inter = pem_of("inter.pem"), *both = pem_of("both.pem");
	char *chain = pem_of("inter-chain.pem"), *nosign = pem_of("nosign.pem");
	char *leaf = pem_of("interleaf.pem");
	struct fw_rules_opts o = { NULL, 0 };
	struct fw_deployment *d;

	memset(&w, 0, sizeof w);
	w.label = "cert";
	w.role_known = 1;
	w.role = FW_CERT_IMP_CERT;
	fw_cert_judge(server, &w, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "certificate "
	    "template that has Server Authentication and Client "
	    "Authentication"), 1, "IM&P leaf: the IM&P fix");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "OCS 2007 R2") +
	    count_findings(&f, FW_SEV_ERROR, -1, NULL, "Request-CsCertificate"),
	    0, "... and none of OCS's tools");
	fw_findings_free(&f);
	w.role = FW_CERT_OCS_CERT;
	fw_cert_judge(server, &w, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "OCS 2007 R2 "
	    "certificate wizard"), 1, "OCS leaf: the OCS wizard");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL,
	    "Request-CsCertificate -ClientEku $true"), 1, "... and Lync's");
	fw_findings_free(&f);

	w.role = FW_CERT_OCS_CA;
	is_int(fw_cert_judge(ca, &w, &f), 0, "the CA as ocs_ca: no error");
	is_int(f.n, 0, "... no EKU finding either");
	fw_findings_free(&f);
	is_int(fw_cert_judge(inter, &w, &f), 1, "an intermediate alone as "
	    "ocs_ca: an error");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "not a root: "
	    "self-signed root missing; give the root (and intermediates)"), 1,
	    "... not a root");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "cup-trust"), 1,
	    "... saying where it goes");
	fw_findings_free(&f);
	is_int(fw_cert_judge(chain, &w, &f), 0, "intermediate and root: no "
	    "error");
	fw_findings_free(&f);
	is_int(fw_cert_judge_ca(nosign, &w, &f) >= 1, 1, "a CA without "
	    "keyCertSign: an error");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, "keyCertSign"), 1,
	    "... saying so");
	fw_findings_free(&f);
	is_int(fw_cert_judge_ca(both, &w, &f), 1, "a leaf issued by a CA as "
	    "a CA: an error");
	fw_findings_free(&f);
	w.ca_pem = ca;
	is_int(fw_cert_judge_ca(inter, &w, &f), 0, "an intermediate verified "
	    "against its root: no error");
	fw_findings_free(&f);

	memset(&w, 0, sizeof w);
	w.label = "cert";
	w.hosts = hosts;
	w.n_hosts = 2;
	fw_cert_judge(both, &w, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL, NULL), 0,
	    "one of two hosts named (the rules): no error");
	fw_findings_free(&f);
	w.each_host = 1;
	is_int(fw_cert_judge(both, &w, &f), 1, "each_host: one error");
	is_int(count_findings(&f, FW_SEV_ERROR, -1, NULL,
	    "does not name fe2.ocs.test"), 1, "... naming the missing one");
	fw_findings_free(&f);

	/* validate: the project's IM&P CA is an intermediate alone. */
	d = fw_deployment_new();
	fw_add_imp_node(d, "fe1.ocs.test", "192.0.2.11");
	fw_set_cert(d, FW_CERT_IMP_CA, inter, NULL, NULL);
	fw_set_cert(d, FW_CERT_IMP_CERT, leaf, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_ca", "not a root"), 1,
	    "validate: an intermediate alone as imp_ca is an error");
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_ca", "Trusted Root "
	    "Certification Authorities"), 1, "... saying OCS imports the root");
	is_int(count_findings(&f, FW_SEV_ERROR, 9, "imp_cert", NULL), 0,
	    "... the certificate it signed is fine");
	fw_findings_free(&f);
	fw_deployment_free(d);
	free(server);
	free(ca);
	free(inter);
	free(both);
	free(chain);
	free(nosign);
	free(leaf);
}

/* Two Microsoft organisations with certificates of their own: Contoso's
 * pool certificate (CN the pool FQDN, SANs for its front ends) and
 * Fabrikam's fe9 with its own from an intermediate CA. Each is judged
 * against the servers it serves: fe9 with its own is fine. */
static void
test_rules_per_server(void)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_findings f = { NULL, 0 };
	struct fw_rules_opts o = { NULL, 0 };
	char *pool1 = pem_of("pool1.pem"), *cca = pem_of("contoso-ca.pem");
	char *fe9 = pem_of("fe9.pem"), *fca = pem_of("fabrikam-ca.pem");

	d->edition = FW_EDITION_ENTERPRISE;
	fw_add_ocs_server(d, "fe1.ocs.contoso.test", "198.51.100.21",
	    "ocs.contoso.test", "pool1.ocs.contoso.test", FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe3.ocs.contoso.test", "198.51.100.23",
	    "ocs.contoso.test", "pool1.ocs.contoso.test", FW_ROUTE_NONE);
	fw_add_ocs_server(d, "fe9.lync.fabrikam.test", "198.51.100.31",
	    "lync.fabrikam.test", "pool2.lync.fabrikam.test",
	    FW_ROUTE_PRIMARY);
	fw_set_cert(d, FW_CERT_OCS_CERT, pool1, NULL, NULL);
	fw_set_cert(d, FW_CERT_OCS_CA, cca, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 6, "ocs_cert",
	    "does not name fe9.lync.fabrikam.test; that server needs a "
	    "certificate of its own"), 1,
	    "one certificate for both organisations: fe9 needs its own");
	fw_findings_free(&f);

	fw_set_host_cert(d, "fe9.lync.fabrikam.test", FW_CERT_OCS_CERT, fe9,
	    NULL, NULL);
	fw_set_host_cert(d, "fe9.lync.fabrikam.test", FW_CERT_OCS_CA, fca,
	    NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_WARNING, 6, "ocs_cert",
	    "does not name"), 0, "fe9 with its own certificate is fine");
	is_int(count_findings(&f, FW_SEV_ERROR, 6, "ocs_cert", NULL), 0,
	    "... no error: each verifies against its own CA (fe9's through "
	    "the intermediate)");
	is_int(count_findings(&f, FW_SEV_WARNING, 6, "ocs_ca", NULL), 0,
	    "... both CAs are CAs");
	is_int(count_findings(&f, FW_SEV_WARNING, 9, NULL, "enter "
	    "pool1.ocs.contoso.test under System > Security > TLS Peer "
	    "Subjects"), 1,
	    "the pool certificate's CN is still named as the peer subject");
	fw_findings_free(&f);

	/* The pool's own instead of the project-wide one: the same. */
	fw_set_host_cert(d, "pool1.ocs.contoso.test", FW_CERT_OCS_CERT,
	    pool1, NULL, NULL);
	fw_set_host_cert(d, "pool1.ocs.contoso.test", FW_CERT_OCS_CA, cca,
	    NULL, NULL);
	fw_set_cert(d, FW_CERT_OCS_CERT, NULL, NULL, NULL);
	fw_set_cert(d, FW_CERT_OCS_CA, NULL, NULL, NULL);
	fw_rules_run(d, &o, &f);
	is_int(count_findings(&f, FW_SEV_ERROR, 6, NULL, NULL) +
	    count_findings(&f, FW_SEV_WARNING, 6, NULL, NULL), 0,
	    "pool and server certificates of their own: nothing on step 6");
	fw_findings_free(&f);
	fw_deployment_free(d);
	free(pool1);
	free(cca);
	free(fe9);
	free(fca);
}

/* A CN and a SAN with a NUL in them (a name crafted to read as
 * fe1.ocs.test where a C string ends): kept whole, the NUL shown as its
 * escape, and no match for the host it imitates. */
static void
test_nul_names(void)
{
	static const char crafted[] = "fe1.ocs.test\0.evil.test";
	X509 *x = certgen_make_named(crafted, (int)sizeof crafted - 1, 1, NULL);
	struct fw_cert_info ci;
	char *pem;

	pem = certgen_pem(x);
	if (fw_cert_inspect(pem, &ci, NULL) != 0) {
		ok(0, "the crafted certificate is read");
		goto out;
	}
	is_str(ci.common_name, "fe1.ocs.test\\x00.evil.test",
	    "a NUL in the CN is kept and shown, not a cut name");
	is_str(ci.n_sans > 0 ? ci.sans[0] : NULL,
	    "DNS:fe1.ocs.test\\x00.evil.test", "... and in a DNS SAN");
	fw_cert_info_clear(&ci);
	is_int(fw_cert_match_host(pem, "fe1.ocs.test"), 0,
	    "it names no fe1.ocs.test");
out:
	free(pem);
	X509_free(x);
}

int
main(void)
{
	if (make_certs() != 0) {
		printf("Bail out! tests/certs.sh failed in %s\n", dir);
		return 1;
	}
	test_inspect();
	test_verify_and_host();
	test_judge();
	test_rules();
	test_roles();
	test_rules_per_server();
	test_nul_names();
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return done_testing();
}

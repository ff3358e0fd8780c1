#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certgen.h"
#include "fw_answers.h"
#include "fw_util.h"
#include "tap.h"

#define HEAD "[deployment]\nname = t\n"
#define NODE "[imp_node]\nfqdn = cup1.example.com\nip = 192.0.2.11\n"
#define OCSD "[ocs_domain]\nname = ocs.test\n"
#define SRV "[ocs_server]\nfqdn = fe1.ocs.test\nip = 198.51.100.21\n" \
	"domain = ocs.test\n"

/* One bad file and every line fedwiz must print for it. */
struct bad {
	const char *what;
	const char *text;
	const char *errors;
};

static const struct bad bad_cases[] = {
	{ "no '='", "[deployment]\nname t\n",
	  "f.answers:2: expected 'key = value', a [section] header or a # "
	  "comment\n" },
	{ "key before any section", "name = x\n",
	  "f.answers:1: 'name' comes before any [section] header\n" },
	{ "unknown section", "[deployment]\n[routes]\nx = 1\n",
	  "f.answers:2: unknown section [routes]; known sections: "
	  "[deployment], [imp_domain], [imp_node], [ocs_domain], [ocs_pool], "
	  "[ocs_server], [certificates], [done]\n" },
	{ "bad header", "[imp_node\n",
	  "f.answers:1: a section header must look like '[name]'\n" },
	{ "unknown key", NODE "port = 1\n",
	  "f.answers:4: unknown key 'port' in [imp_node]; allowed: fqdn, ip\n" },
	{ "duplicate key", NODE "ip = 192.0.2.12\n",
	  "f.answers:4: 'ip' is already set at line 3 in this [imp_node] "
	  "entry\n" },
	{ "duplicate entry", NODE NODE,
	  "f.answers:5: [imp_node] 'cup1.example.com' is already declared at "
	  "line 2\n" },
	{ "duplicate entry, case folded", NODE
	  "[imp_node]\nfqdn = CUP1.example.com.\nip = 192.0.2.12\n",
	  "f.answers:5: [imp_node] 'cup1.example.com' is already declared at "
	  "line 2\n" },
	{ "bad host name", "[imp_node]\nfqdn = cup_1.example.com\nip = 192.0.2.1\n",
	  "f.answers:2: fqdn: 'cup_1.example.com': character '_' not allowed; "
	  "use letters, digits, hyphens and dots\n" },
	{ "bad IP", "[imp_node]\nfqdn = a.test\nip = 192.0.2.300\n",
	  "f.answers:3: ip: '192.0.2.300' is not an IPv4 or IPv6 address\n" },
	{ "bad port", "[deployment]\npeer_auth_port = 50 61\n",
	  "f.answers:2: peer_auth_port: '50 61' is not a port; use a number "
	  "from 1 to 65535\n" },
	{ "port out of range", "[deployment]\nserver_auth_port = 65536\n",
	  "f.answers:2: server_auth_port: port 65536 is out of range; use 1 to "
	  "65535\n" },
	{ "bad transport", "[deployment]\ntransport = mtls\n",
	  "f.answers:2: transport: 'mtls' is not one of: tls, tcp\n" },
	{ "bad edition", "[deployment]\nocs_edition = lync\n",
	  "f.answers:2: ocs_edition: 'lync' is not one of: standard, "
	  "enterprise\n" },
	{ "bad Microsoft server", "[deployment]\nmicrosoft = lync2016\n",
	  "f.answers:2: microsoft: 'lync2016' is not one of: ocs2007r2, "
	  "lync2010, lync2013, sfb2015, sfb2019, sfbse\n" },
	{ "bad IM&P release", "[deployment]\nimp_release = 12.x\n",
	  "f.answers:2: imp_release: '12.x'; give the IM and Presence release "
	  "as 12.5, 11.5(1)SU3 or 15SU2\n" },
	{ "bad route", OCSD SRV "route = spare\n",
	  "f.answers:7: route: 'spare' is not one of: primary, backup, none\n" },
	{ "missing required key", "[imp_node]\nfqdn = a.test\n",
	  "f.answers:1: this [imp_node] entry has no 'ip'; it is required\n" },
	{ "route_to names no node", NODE "[imp_domain]\nname = example.com\n"
	  "route_to = cup9.example.com\n",
	  "f.answers:6: route_to: 'cup9.example.com' is not the fqdn of any "
	  "[imp_node]\n" },
	{ "server domain undeclared", SRV,
	  "f.answers:4: domain: 'ocs.test' is not the name of any "
	  "[ocs_domain]\n" },
	{ "enterprise server without pool",
	  "[deployment]\nocs_edition = enterprise\n" OCSD SRV,
	  "f.answers:5: this [ocs_server] entry has no 'pool'; with "
	  "ocs_edition = enterprise every server belongs to a declared "
	  "[ocs_pool]\n" },
	{ "pool undeclared", OCSD SRV "pool = pool1.ocs.test\n",
	  "f.answers:7: pool: 'pool1.ocs.test' is not the fqdn of any "
	  "[ocs_pool]\n" },
	{ "second [deployment]", HEAD "[deployment]\nname = u\n",
	  "f.answers:3: [deployment] may appear only once; it is already at "
	  "line 1\n" },
	{ "empty value", "[deployment]\nname =\n",
	  "f.answers:2: 'name' has no value\n" },
	{ "no key", "[deployment]\n= x\n",
	  "f.answers:2: a line '= x' has no key\n" },
	{ "invalid UTF-8 value", "[deployment]\nname = caf\xe9\n",
	  "f.answers:2: the value of 'name' is not valid UTF-8\n" },
	{ "overlong UTF-8", "[deployment]\nname = \xc0\xaf\n",
	  "f.answers:2: the value of 'name' is not valid UTF-8\n" },
	{ "control character", "[deployment]\nname = a\x1b[31mb\n",
	  "f.answers:2: name: 'a\x1b[31mb' holds control character U+001B\n" },
	{ "unknown certificate key", "[certificates]\nocs_key = k.pem\n",
	  "f.answers:2: unknown key 'ocs_key' in [certificates]; allowed: "
	  "ocs_ca, ocs_cert, imp_ca, imp_cert\n" },
	{ "certificate file missing", "[certificates]\nocs_ca = nope.pem\n",
	  "f.answers:2: ocs_ca: ./nope.pem: cannot open: No such file or "
	  "directory\n" },
	{ "unclosed heredoc", "[certificates]\nocs_ca = <<PEM\nAAAA\n",
	  "f.answers:2: '<<PEM' is not closed: no line 'PEM' follows\n" },
	{ "garbage heredoc", "[certificates]\nocs_ca = <<PEM\nhello\nPEM\n"
	  "[deployment]\nname = after\n",
	  "f.answers:2: the PEM block of ocs_ca: neither a PEM nor a DER "
	  "certificate\n" },
	{ "private key inline", "[certificates]\nimp_cert = <<PEM\n"
	  "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"
	  "PEM\n",
	  "f.answers:2: the PEM block of imp_cert: holds a private key (EC "
	  "PRIVATE KEY); nothing of it was stored. Give the certificate alone "
	  "(PEM or DER), without its key\n" },
	{ "bad done item", "[done]\nitem = caf\xc3\xa9\n",
	  "f.answers:2: item: 'caf\xc3\xa9' is not a checklist item id (up to "
	  "256 printable ASCII characters, no spaces)\n" },
	{ "done item, not a fingerprint", "[done]\nitem = two words\n",
	  "f.answers:2: item: 'words' after the id is not a checklist "
	  "fingerprint (64 lower-case hex digits), 'at TIME' or 'by USER'\n" },
	{ "duplicate done item", "[done]\nitem = a\n[done]\nitem = a\n",
	  "f.answers:4: item 'a' is already listed at line 2\n" },
	{ "NUL byte", "[deployment]\nname = a\0b\n[x\n",
	  "f.answers:2: line holds a NUL byte\n"
	  "f.answers:3: a section header must look like '[name]'\n" },
	{ "every error, in line order", "[imp_node]\nfqdn = a.test\n"
	  "[imp_node]\nfqdn = -b.test\nip = 1.2.3\n",
	  "f.answers:1: this [imp_node] entry has no 'ip'; it is required\n"
	  "f.answers:4: fqdn: '-b.test': label '-b' starts or ends with a "
	  "hyphen\n"
	  "f.answers:5: ip: '1.2.3' is not an IPv4 or IPv6 address\n" },
};

/* The bad cases hold a NUL, so their length is the literal's. */
static size_t
case_len(const struct bad *b)
{
	if (strcmp(b->what, "NUL byte") == 0)
		return sizeof "[deployment]\nname = a\0b\n[x\n" - 1;
	return strlen(b->text);
}

static void
test_bad_cases(void)
{
	struct fw_deployment *d;
	char *errors;
	size_t i;
	int rc;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		d = (struct fw_deployment *)&d;
		rc = fw_answers_parse(bad_cases[i].text, case_len(&bad_cases[i]),
		    "f.answers", &d, &errors, NULL);
		ok(rc == -1 && d == NULL, "%s: refused, nothing returned",
		    bad_cases[i].what);
		is_str(errors, bad_cases[i].errors, "%s: FILE:LINE message",
		    bad_cases[i].what);
		free(errors);
	}
}

static void
test_long_line(void)
{
	size_t n = 64 * 1024 + 40;
	char *text = xmalloc(n + 1), *errors;
	struct fw_deployment *d;

	memcpy(text, "[deployment]\nname = ", 20);
	memset(text + 20, 'x', n - 20);
	text[n] = '\0';
	ok(fw_answers_parse(text, n, "f.answers", &d, &errors, NULL) == -1 &&
	    d == NULL, "a line over 64 KiB is refused");
	is_str(errors, "f.answers:2: line is longer than 64 KiB\n",
	    "its message names line 2");
	free(errors);
	free(text);
}

static char *
slurp(const char *path)
{
	char *text = NULL, *cause = NULL;

	if (fw_read_file(path, FW_ANSWERS_MAX, &text, NULL, &cause) != 0)
		diag("%s", cause);
	free(cause);
	return text;
}

static void
test_example(const char *srcdir)
{
	char *path = xasprintf("%s/data/example.answers", srcdir);
	struct fw_deployment *d = NULL;
	char *errors = NULL;

	ok(fw_answers_read(path, &d, &errors, NULL) == 0,
	    "example.answers parses "
	    "cleanly");
	if (errors != NULL)
		diag("%s", errors);
	if (d != NULL) {
		is_int(d->n_imp_nodes, 3, "example: 3 IM&P nodes");
		is_int(d->n_imp_domains, 2, "example: 2 IM&P domains");
		is_int(d->n_ocs_domains, 2, "example: 2 OCS domains");
		is_int(d->n_ocs_pools, 2, "example: 2 pools");
		is_int(d->n_ocs_servers, 4, "example: 4 OCS servers");
		is_int(d->edition, FW_EDITION_ENTERPRISE, "example: enterprise");
		is_int(d->transport, FW_TRANSPORT_TLS, "example: TLS");
		is_int(d->ocs_servers[1].route, FW_ROUTE_BACKUP,
		    "example: second server is a backup route");
	}
	fw_deployment_free(d);
	free(errors);
	free(path);
}

static void
test_normalised(void)
{
	static const char text[] = "\xef\xbb\xbf# comment\r\n"
	    "[deployment]\r\nname = Lab # 2 \r\ntransport = TCP\n"
	    "[imp_node]\nfqdn = CUP1.Example.COM.\nip = 2001:DB8:0:0::1\n"
	    "[imp_domain]\nname = Example.com\n"
	    "[done]\nitem = x1\nitem = x2\n[done]\nitem = x3\n";
	struct fw_deployment *d = NULL;
	char *errors = NULL;

	ok(fw_answers_parse(text, strlen(text), "n.answers", &d, &errors,
	    NULL) == 0,
	    "BOM, CRLF, comments and mixed case parse");
	if (d == NULL) {
		diag("%s", errors ? errors : "");
		free(errors);
		return;
	}
	is_str(d->name, "Lab # 2", "'#' inside a value is kept; blanks trimmed");
	is_int(d->transport, FW_TRANSPORT_TCP, "transport TCP");
	is_str(d->imp_nodes[0].fqdn, "cup1.example.com", "FQDN folded, dot "
	    "dropped");
	is_str(d->imp_nodes[0].ip, "2001:db8::1", "IPv6 canonical");
	is_str(d->imp_domains[0].name, "example.com", "domain folded");
	ok(d->imp_domains[0].route_to == NULL, "route_to defaults to none");
	is_int(d->peer_auth_port, 5061, "default Peer Auth port");
	is_int(d->n_ticks, 3, "[done] items from one and two sections");
	fw_deployment_free(d);
}

/* The Microsoft server: a deployment default, a domain's own, and a file
 * without the key reads as OCS 2007 R2. */
static void
test_microsoft(void)
{
	static const char text[] = "[deployment]\nmicrosoft = SfB2019\n"
	    "imp_release = 11.5(1)su3\n"
	    "[ocs_domain]\nname = a.test\n"
	    "[ocs_domain]\nname = b.test\nmicrosoft = ocs2007r2\n";
	static const char old[] = "[ocs_domain]\nname = a.test\n";
	struct fw_deployment *d = NULL;
	char *errors = NULL;

	ok(fw_answers_parse(text, strlen(text), "m.answers", &d, &errors,
	    NULL) == 0 && d != NULL, "microsoft and imp_release parse");
	if (d == NULL) {
		diag("%s", errors ? errors : "");
		free(errors);
		return;
	}
	is_int(d->microsoft, FW_MICROSOFT_SFB2019, "the deployment's default");
	is_str(d->imp_release, "11.5(1)SU3", "the release, as stored");
	is_int(fw_ocs_domain_microsoft(d, &d->ocs_domains[0]),
	    FW_MICROSOFT_SFB2019, "a domain without its own inherits");
	is_int(d->ocs_domains[1].microsoft, FW_MICROSOFT_OCS2007R2,
	    "a domain's own choice");
	fw_deployment_free(d);
	d = NULL;
	ok(fw_answers_parse(old, strlen(old), "o.answers", &d, &errors,
	    NULL) == 0 && d != NULL && d->microsoft == FW_MICROSOFT_OCS2007R2 &&
	    d->imp_release == NULL &&
	    fw_ocs_domain_microsoft(d, &d->ocs_domains[0]) ==
	    FW_MICROSOFT_OCS2007R2, "no key reads as OCS 2007 R2");
	fw_deployment_free(d);
}

/* format -> parse -> format is byte-identical, certificates included. */
static void
test_round_trip(const char *srcdir)
{
	char *path = xasprintf("%s/data/example.answers", srcdir);
	char *text = slurp(path), *errors = NULL, *one, *two, *pem;
	struct fw_deployment *d = NULL, *d2 = NULL;
	X509 *x = certgen_make("fe1.ocs.test", NULL);
	char fp[96];

	certgen_fingerprint(x, fp);
	pem = certgen_pem(x);
	if (fw_answers_parse(text, strlen(text), path, &d, &errors,
	    NULL) != 0) {
		ok(0, "round trip: example parses (%s)", errors);
		goto out;
	}
	fw_set_cert(d, FW_CERT_OCS_CA, pem, "ca.pem", fp);
	fw_add_tick(d, "imp.fed-domain.ocs.test", NULL, "u",
	    "2026-01-02 03:04:05");
	one = fw_answers_format(d);
	ok(strncmp(one, "# fedwiz answers file", 21) == 0, "export starts with "
	    "its header comment");
	ok(fw_answers_parse(one, strlen(one), "one", &d2, &errors, NULL) == 0,
	    "export parses (%s)", errors ? errors : "ok");
	two = d2 != NULL ? fw_answers_format(d2) : NULL;
	is_str(two, one, "format -> parse -> format is identical");
	ok(d2 != NULL && d2->certs[FW_CERT_OCS_CA].sha256 != NULL &&
	    strcmp(d2->certs[FW_CERT_OCS_CA].sha256, fp) == 0,
	    "inline certificate keeps its fingerprint");
	free(one);
	free(two);
out:
	fw_deployment_free(d);
	fw_deployment_free(d2);
	free(errors);
	free(text);
	free(path);
	free(pem);
	X509_free(x);
}

/* A pool's and a server's own certificates, inline, beside the old
 * [certificates] keys (the project-wide defaults): read, exported under
 * their entries, and format -> parse -> format is byte-identical. */
static void
test_host_certs(void)
{
	X509 *x = certgen_make("pool1.ocs.test", NULL);
	X509 *y = certgen_make("fe9.fab.test", NULL);
	char fpx[96], fpy[96], *px = certgen_pem(x), *py = certgen_pem(y);
	char *text, *errors = NULL, *one = NULL, *two = NULL;
	struct fw_deployment *d = NULL, *d2 = NULL;
	enum fw_cert_from from;
	const struct fw_cert *c;

	certgen_fingerprint(x, fpx);
	certgen_fingerprint(y, fpy);
	text = xasprintf("[deployment]\nocs_edition = enterprise\n"
	    "[ocs_domain]\nname = ocs.test\n[ocs_domain]\nname = fab.test\n"
	    "[ocs_pool]\nfqdn = pool1.ocs.test\nocs_cert = <<PEM\n%sPEM\n"
	    "[ocs_pool]\nfqdn = pool2.fab.test\n"
	    "[ocs_server]\nfqdn = fe1.ocs.test\nip = 198.51.100.1\n"
	    "domain = ocs.test\npool = pool1.ocs.test\n"
	    "[ocs_server]\nfqdn = fe3.ocs.test\nip = 198.51.100.3\n"
	    "domain = ocs.test\npool = pool1.ocs.test\nroute = none\n"
	    "[ocs_server]\nfqdn = fe9.fab.test\nip = 198.51.100.9\n"
	    "domain = fab.test\npool = pool2.fab.test\n"
	    "ocs_cert = <<PEM\n%sPEM\nocs_ca = <<PEM\n%sPEM\n"
	    "[certificates]\nocs_cert = <<PEM\n%sPEM\n", px, py, py, py);
	ok(fw_answers_parse(text, strlen(text), "h.answers", &d, &errors,
	    NULL) == 0,
	    "per-server and per-pool certificates parse (%s)",
	    errors ? errors : "ok");
	if (d == NULL)
		goto out;
	c = fw_server_cert(d, &d->ocs_servers[0], FW_CERT_OCS_CERT, &from);
	ok(c != NULL && from == FW_CERT_FROM_POOL &&
	    strcmp(c->sha256, fpx) == 0,
	    "fe1 gets its pool's certificate");
	c = fw_server_cert(d, &d->ocs_servers[2], FW_CERT_OCS_CA, &from);
	ok(c != NULL && from == FW_CERT_FROM_SERVER &&
	    strcmp(c->sha256, fpy) == 0,
	    "fe9 gets its own CA");
	c = fw_server_cert(d, &d->ocs_servers[1], FW_CERT_OCS_CA, &from);
	ok(c == NULL && from == FW_CERT_FROM_NONE, "fe3 has no CA at all");
	ok(d->certs[FW_CERT_OCS_CERT].pem != NULL,
	    "[certificates] ocs_cert is still read, as the default");
	is_int(d->ocs_servers[1].route, FW_ROUTE_NONE, "route = none is read");
	one = fw_answers_format(d);
	ok(strstr(one, "[ocs_pool]\nfqdn = pool1.ocs.test\n# ocs_cert SHA-256 ")
	    != NULL, "the pool's certificate is exported under its [ocs_pool]");
	ok(strstr(one, "route = none\n") != NULL, "route = none is exported");
	ok(fw_answers_parse(one, strlen(one), "one", &d2, &errors, NULL) == 0,
	    "the export parses (%s)", errors ? errors : "ok");
	two = d2 != NULL ? fw_answers_format(d2) : NULL;
	is_str(two, one, "format -> parse -> format is identical");
out:
	free(one);
	free(two);
	fw_deployment_free(d);
	fw_deployment_free(d2);
	free(errors);
	free(text);
	free(px);
	free(py);
	X509_free(x);
	X509_free(y);
}

/* A relative certificate path is read from the answers file's folder. */
static void
test_cert_path(void)
{
	char dir[] = "/tmp/fw-answers-XXXXXX", *cert, *ans, *pem, *errors = NULL;
	X509 *x = certgen_make("ca.test", NULL);
	struct fw_deployment *d = NULL;
	FILE *fp;

	if (mkdtemp(dir) == NULL)
		return;
	cert = xasprintf("%s/ca.der", dir);
	ans = xasprintf("%s/x.answers", dir);
	pem = certgen_der(x, &(size_t){ 0 });
	fp = fopen(cert, "wb");
	i2d_X509_fp(fp, x);
	fclose(fp);
	fp = fopen(ans, "w");
	fputs("[certificates]\nimp_ca = ca.der\n", fp);
	fclose(fp);
	ok(fw_answers_read(ans, &d, &errors, NULL) == 0,
	    "relative DER certificate "
	    "path (%s)", errors ? errors : "ok");
	ok(d != NULL && d->certs[FW_CERT_IMP_CA].pem != NULL &&
	    strstr(d->certs[FW_CERT_IMP_CA].pem, "BEGIN CERTIFICATE") != NULL,
	    "stored as PEM");
	fw_deployment_free(d);
	free(errors);
	ok(fw_answers_read("/nonexistent/x.answers", &d, &errors, NULL) == -1 &&
	    errors != NULL && strstr(errors, "/nonexistent/x.answers") != NULL,
	    "a missing answers file is an error naming it");
	free(errors);
	unlink(cert);
	unlink(ans);
	rmdir(dir);
	free(cert);
	free(ans);
	free(pem);
	X509_free(x);
}

/* [done] lines carry who ticked and when; ids on no checklist item are
 * taken and named in warnings. */
static void
test_done_items(void)
{
	static const char text[] = HEAD NODE OCSD SRV "[done]\n"
	    "item = imp.listener\n"
	    "item = imp.tlscontext.cipher at 2020-01-02 03:04:05 by Jane Q. "
	    "Admin\n"
	    "item = imp.tlscontext.fragments 0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef by bob\n"
	    "item = no.such.item at 2021-12-31 23:59:59\n";
	struct fw_deployment *d = NULL;
	char *errors = NULL, *warnings = NULL;

	ok(fw_answers_parse(text, strlen(text), "t.answers", &d, &errors,
	    &warnings) == 0 && d != NULL && d->n_ticks == 4,
	    "[done] with times and users parses (%s)", errors ? errors : "ok");
	if (d == NULL || d->n_ticks != 4)
		goto out;
	ok(d->ticks[0].user == NULL && d->ticks[0].time == NULL &&
	    d->ticks[0].fingerprint == NULL, "a bare id: no who, when or "
	    "fingerprint");
	is_str(d->ticks[1].user, "Jane Q. Admin", "by: the rest of the line");
	is_str(d->ticks[1].time, "2020-01-02 03:04:05", "at: the time");
	ok(d->ticks[2].fingerprint != NULL && d->ticks[2].time == NULL,
	    "fingerprint and user without a time");
	is_str(d->ticks[2].user, "bob", "... the user");
	is_str(warnings, "t.answers:16: item 'no.such.item' is not on this "
	    "deployment's checklist; its tick is kept, but ticks nothing\n",
	    "the one id on no checklist item is named with its line");
out:
	fw_deployment_free(d);
	free(errors);
	free(warnings);
}

/* CR alone ends a line (old Mac), as LF and CRLF do. */
static void
test_line_ends(void)
{
	static const char cr[] = "[deployment]\rname = a\r\r[imp_node]\r"
	    "fqdn = cup1.example.com\rip = 192.0.2.11\r# c\rbad\r";
	static const char mixed[] = "[deployment]\r\nname = a\rtransport = "
	    "tcp\n";
	struct fw_deployment *d = NULL;
	char *errors = NULL;

	ok(fw_answers_parse(cr, strlen(cr), "cr", &d, &errors, NULL) == -1,
	    "CR line ends: the bad line is found");
	is_str(errors, "cr:8: expected 'key = value', a [section] header or a "
	    "# comment\n", "... on its own line, 8");
	free(errors);
	ok(fw_answers_parse(mixed, strlen(mixed), "mixed", &d, &errors,
	    NULL) == 0 && d != NULL && strcmp(d->name, "a") == 0 &&
	    d->transport == FW_TRANSPORT_TCP, "CRLF, CR and LF in one file");
	fw_deployment_free(d);
	free(errors);
}

/* UTF-16 is told as such, once, whatever else the bytes look like. */
static void
test_utf16(void)
{
	static const char le[] = "\xff\xfe[\0d\0o\0n\0e\0]\0";
	static const char be_nobom[] = "\0[\0d\0o\0n\0e\0]";
	struct fw_deployment *d = NULL;
	char *errors = NULL;

	ok(fw_answers_parse(le, sizeof le - 1, "w", &d, &errors, NULL) == -1,
	    "UTF-16 LE with BOM refused");
	is_str(errors, "w:1: UTF-16 is not read; save as UTF-8\n",
	    "... in one line");
	free(errors);
	ok(fw_answers_parse(be_nobom, sizeof be_nobom - 1, "w", &d, &errors,
	    NULL) == -1, "UTF-16 BE without BOM refused");
	is_str(errors, "w:1: UTF-16 is not read; save as UTF-8\n",
	    "... in one line");
	free(errors);
}

int
main(void)
{
	const char *srcdir = getenv("top_srcdir");

#ifdef TOP_SRCDIR
	if (srcdir == NULL)
		srcdir = TOP_SRCDIR;
#endif
	if (srcdir == NULL)
		srcdir = ".";
	test_bad_cases();
	test_long_line();
	test_example(srcdir);
	test_normalised();
	test_microsoft();
	test_round_trip(srcdir);
	test_cert_path();
	test_done_items();
	test_line_ends();
	test_utf16();
	test_host_certs();
	return done_testing();
}

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certgen.h"
#include "fw_certfile.h"
#include "fw_util.h"
#include "tap.h"

static char tmpdir[] = "/tmp/fw-certfile-XXXXXX";

static void
load_ok(const char *data, size_t len, const char *what, const char *fp,
    int ncerts)
{
	struct fw_cert c = { NULL, NULL, NULL };
	char *cause = NULL;
	const char *s;
	int rc = fw_cert_load_mem(data, len, what, &c, &cause), n = 0;

	ok(rc == 0, "%s accepted (%s)", what, cause ? cause : "no error");
	is_str(c.sha256, fp, "%s: fingerprint of the first certificate", what);
	for (s = c.pem; s != NULL && (s = strstr(s, "BEGIN CERTIFICATE")); s++)
		n++;
	is_int(n, ncerts, "%s: PEM holds every certificate", what);
	ok(c.pem == NULL || strstr(c.pem, "PRIVATE") == NULL,
	    "%s: no key in the stored PEM", what);
	fw_cert_clear(&c);
	free(cause);
}

static void
load_bad(const char *data, size_t len, const char *what, const char *needle)
{
	struct fw_cert c = { NULL, NULL, NULL };
	char *cause = NULL;
	int rc = fw_cert_load_mem(data, len, what, &c, &cause);

	ok(rc == -1 && c.pem == NULL && c.sha256 == NULL,
	    "%s refused, nothing kept", what);
	ok(cause != NULL && strstr(cause, needle) != NULL,
	    "%s: message says '%s' (%s)", what, needle, cause ? cause : "none");
	free(cause);
}

static void
file_bad(const char *path, const char *what, const char *needle)
{
	struct fw_cert c = { NULL, NULL, NULL };
	char *cause = NULL;
	int rc = fw_cert_load_file(path, &c, &cause);

	ok(rc == -1 && c.pem == NULL, "%s refused", what);
	ok(cause != NULL && strstr(cause, needle) != NULL,
	    "%s: message says '%s' (%s)", what, needle, cause ? cause : "none");
	free(cause);
}

static char *
write_tmp(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp;

	fp = fopen(path, "wb");
	fwrite(data, 1, len, fp);
	fclose(fp);
	return path;
}

static void
test_files(const char *pem, const char *fp)
{
	struct fw_cert c = { NULL, NULL, NULL };
	char *cause = NULL, *path, *big, *missing;
	size_t bigsize = 1024 * 1024 + 1;

	path = write_tmp("leaf.pem", pem, strlen(pem));
	ok(fw_cert_load_file(path, &c, &cause) == 0, "PEM file accepted");
	is_str(c.source, path, "source is the path");
	is_str(c.sha256, fp, "fingerprint from the file");
	fw_cert_clear(&c);
	fw_cert_clear(NULL);
	unlink(path);
	free(path);
	free(cause);

	big = xmalloc(bigsize);
	memset(big, 'A', bigsize);
	path = write_tmp("big.pem", big, bigsize);
	file_bad(path, "file over 1 MiB", "larger than 1 MiB");
	unlink(path);
	free(path);
	free(big);

	path = write_tmp("empty.pem", "", 0);
	file_bad(path, "empty file", "empty");
	unlink(path);
	free(path);

	file_bad(tmpdir, "directory", "is a directory");
	missing = xasprintf("%s/missing.pem", tmpdir);
	file_bad(missing, "missing file", "cannot open");
	free(missing);
}

int
main(void)
{
	EVP_PKEY *key;
	X509 *leaf = certgen_make("fe1.ocs.test", &key);
	X509 *ca = certgen_make("Example Root CA", NULL);
	char fp[96], fpca[96], *pem = certgen_pem(leaf), *capem = certgen_pem(ca);
	char *keypem = certgen_key_pem(key), *der, *keyder, *pfx, *s;
	size_t derlen, keyderlen, pfxlen;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	certgen_fingerprint(leaf, fp);
	certgen_fingerprint(ca, fpca);
	der = certgen_der(leaf, &derlen);
	keyder = certgen_key_der(key, &keyderlen);
	pfx = certgen_pfx(leaf, key, &pfxlen);

	ok(strlen(fp) == 95, "fingerprint is 32 colon-separated pairs");
	load_ok(pem, strlen(pem), "one PEM certificate", fp, 1);
	load_ok(der, derlen, "one DER certificate", fp, 1);
	s = xasprintf("subject=CN = fe1.ocs.test\n%s\n%s", pem, capem);
	load_ok(s, strlen(s), "a chain with text around it", fp, 2);
	free(s);

	s = xasprintf("%s%s", pem, keypem);
	load_bad(s, strlen(s), "certificate plus PKCS#8 key", "private key");
	load_bad(s, strlen(s), "certificate plus key", "nothing of it was stored");
	free(s);
	load_bad(keypem, strlen(keypem), "a PEM key alone", "private key");
	load_bad("-----BEGIN RSA PRIVATE KEY-----\nnot base64!\n"
	    "-----END RSA PRIVATE KEY-----\n", 72, "a damaged RSA key block",
	    "private key");
	load_bad(keyder, keyderlen, "a DER key", "private key");
	load_bad(pfx, pfxlen, "a PKCS#12 bundle", "private key");
	load_bad("", 0, "empty data", "empty");
	load_bad(" \n\t\n", 4, "blank data", "empty");
	load_bad("hello, world\n", 13, "garbage", "neither a PEM nor a DER");
	load_bad("-----BEGIN CERTIFICATE-----\n@@@@\n"
	    "-----END CERTIFICATE-----\n", 58, "a damaged PEM block", "damaged");
	load_bad("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n", 52,
	    "a CRL", "only CERTIFICATE blocks");
	load_bad(der, derlen - 1, "a truncated DER certificate",
	    "neither a PEM nor a DER");

	test_files(pem, fp);
	rmdir(tmpdir);

	free(pem);
	free(capem);
	free(keypem);
	free(der);
	free(keyder);
	free(pfx);
	X509_free(leaf);
	X509_free(ca);
	EVP_PKEY_free(key);
	return done_testing();
}

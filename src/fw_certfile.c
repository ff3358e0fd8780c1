#include "config.h"

#include "fw_certfile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "fw_i18n.h"
#include "fw_util.h"

/* What a scan of the file found, before anything is kept. */
struct cert_scan {
	STACK_OF(X509) *certs;
	char *key_kind;		/* the first private key block seen */
	char *other;		/* the first PEM block that is no certificate */
	int from_pkcs7;		/* certificates came in no particular order */
};

void
fw_cert_clear(struct fw_cert *c)
{
	if (c == NULL)
		return;
	free(c->pem);
	free(c->source);
	free(c->sha256);
	c->pem = c->source = c->sha256 = NULL;
}

static int
has_substring(const char *data, size_t len, const char *needle)
{
	return memmem(data, len, needle, strlen(needle)) != NULL;
}

/* Anything but blanks? An empty or all-blank file is its own error. */
static int
is_blank(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (strchr(" \t\r\n", data[i]) == NULL || data[i] == '\0')
			return 0;
	}
	return 1;
}

static int
name_is_private_key(const char *name)
{
	size_t n = strlen(name), k = strlen("PRIVATE KEY");

	/* "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED
	 * PRIVATE KEY", "OPENSSH PRIVATE KEY", ... */
	return n >= k && strcmp(name + n - k, "PRIVATE KEY") == 0;
}

/* Windows hands chains over as PKCS#7 (.p7b, PEM or DER): keep the
 * certificates it carries. */
static int
scan_pkcs7(struct cert_scan *scan, PKCS7 *p7, const char *label,
    char **cause)
{
	STACK_OF(X509) *certs = NULL;
	X509 *x;
	int i;

	if (PKCS7_type_is_signed(p7) && p7->d.sign != NULL)
		certs = p7->d.sign->cert;
	if (certs == NULL || sk_X509_num(certs) == 0)
		return fw_fail(cause, _("%s: a PKCS#7 bundle without "
		    "certificates"), label);
	for (i = 0; i < sk_X509_num(certs); i++) {
		x = sk_X509_value(certs, i);
		if (X509_up_ref(x) != 1 || sk_X509_push(scan->certs, x) <= 0) {
			X509_free(x);
			return fw_fail(cause, _("%s: out of memory"), label);
		}
	}
	scan->from_pkcs7 = 1;
	return 0;
}

/* One PEM block: a certificate is kept, a key or anything else noted. */
static int
scan_pem_block(struct cert_scan *scan, const char *name,
    const unsigned char *der, long derlen, const char *label, char **cause)
{
	const unsigned char *p = der;
	X509 *x;

	if (name_is_private_key(name)) {
		if (scan->key_kind == NULL)
			scan->key_kind = xstrdup(name);
		return 0;
	}
	if (strcmp(name, "PKCS7") == 0) {
		PKCS7 *p7 = d2i_PKCS7(NULL, &p, derlen);
		int rc;

		if (p7 == NULL)
			return fw_fail(cause, _("%s: a PKCS7 block does not hold "
			    "a valid PKCS#7 bundle"), label);
		rc = scan_pkcs7(scan, p7, label, cause);
		PKCS7_free(p7);
		return rc;
	}
	if (strcmp(name, "CERTIFICATE") != 0) {
		if (scan->other == NULL)
			scan->other = xstrdup(name);
		return 0;
	}
	x = d2i_X509(NULL, &p, derlen);
	if (x == NULL || p != der + derlen) {
		X509_free(x);
		return fw_fail(cause, _("%s: a CERTIFICATE block does not hold "
		    "a valid X.509 certificate"), label);
	}
	if (sk_X509_push(scan->certs, x) <= 0) {
		X509_free(x);
		return fw_fail(cause, _("%s: out of memory"), label);
	}
	return 0;
}

/* Reads every PEM block with OpenSSL's reader; text around them (as
 * `openssl x509 -text` writes) is allowed. */
static int
scan_pem(struct cert_scan *scan, const char *data, size_t len,
    const char *label, char **cause)
{
	BIO *bio = BIO_new_mem_buf(data, (int)len);
	char *name = NULL, *header = NULL;
	unsigned char *der = NULL;
	long derlen = 0;
	unsigned long e;
	int rc = -1;

	if (bio == NULL)
		return fw_fail(cause, _("%s: out of memory"), label);
	ERR_clear_error();
	while (PEM_read_bio(bio, &name, &header, &der, &derlen) == 1) {
		rc = scan_pem_block(scan, name, der, derlen, label, cause);
		OPENSSL_free(name);
		OPENSSL_free(header);
		OPENSSL_free(der);
		name = header = NULL;
		der = NULL;
		if (rc != 0)
			goto out;
		rc = -1;
	}
	e = ERR_peek_last_error();
	if (ERR_GET_LIB(e) == ERR_LIB_PEM &&
	    ERR_GET_REASON(e) == PEM_R_NO_START_LINE)
		rc = 0;
	else
		fw_fail(cause, _("%s: a PEM block is damaged (bad base64 or "
		    "no END line)"), label);
out:
	ERR_clear_error();
	BIO_free(bio);
	return rc;
}

/* A binary file: one DER certificate, or a key or bundle to refuse. */
static int
scan_der(struct cert_scan *scan, const char *data, size_t len,
    const char *label, char **cause)
{
	const unsigned char *start = (const unsigned char *)data, *p;
	X509 *x;
	EVP_PKEY *pk;
	PKCS12 *p12;
	PKCS7 *p7;
	X509_SIG *p8;

	if (len > LONG_MAX)
		return fw_fail(cause, _("%s: file too large"), label);
	p = start;
	x = d2i_X509(NULL, &p, (long)len);
	if (x != NULL && p == start + len) {
		if (sk_X509_push(scan->certs, x) <= 0) {
			X509_free(x);
			return fw_fail(cause, _("%s: out of memory"), label);
		}
		return 0;
	}
	X509_free(x);
	p = start;
	if ((pk = d2i_AutoPrivateKey(NULL, &p, (long)len)) != NULL) {
		EVP_PKEY_free(pk);
		scan->key_kind = xstrdup("DER PRIVATE KEY");
		return 0;
	}
	p = start;
	if ((p8 = d2i_X509_SIG(NULL, &p, (long)len)) != NULL) {
		X509_SIG_free(p8);
		scan->key_kind = xstrdup("DER ENCRYPTED PRIVATE KEY");
		return 0;
	}
	p = start;
	if ((p12 = d2i_PKCS12(NULL, &p, (long)len)) != NULL) {
		PKCS12_free(p12);
		/* A Windows .pfx export: it carries the key. */
		scan->key_kind = xstrdup("PKCS#12");
		return 0;
	}
	p = start;
	if ((p7 = d2i_PKCS7(NULL, &p, (long)len)) != NULL) {
		int rc = scan_pkcs7(scan, p7, label, cause);

		PKCS7_free(p7);
		return rc;
	}
	return fw_fail(cause, _("%s: neither a PEM nor a DER certificate"),
	    label);
}

static char *
fingerprint_sha256(X509 *x)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	struct fw_strbuf sb;

	if (X509_digest(x, EVP_sha256(), md, &n) != 1)
		return NULL;
	fw_sb_init(&sb);
	for (i = 0; i < n; i++)
		fw_sb_printf(&sb, "%s%02X", i > 0 ? ":" : "", md[i]);
	return fw_sb_steal(&sb);
}

static char *
certs_to_pem(STACK_OF(X509) *certs)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *mem, *pem = NULL;
	long n;
	int i;

	if (bio == NULL)
		return NULL;
	for (i = 0; i < sk_X509_num(certs); i++) {
		if (PEM_write_bio_X509(bio, sk_X509_value(certs, i)) != 1)
			goto out;
	}
	n = BIO_get_mem_data(bio, &mem);
	if (n > 0)
		pem = xstrndup(mem, (size_t)n);
out:
	BIO_free(bio);
	return pem;
}

/* Whether some other certificate of the set names x as its issuer. */
static int
issues_another(STACK_OF(X509) *certs, X509 *x)
{
	int i;

	for (i = 0; i < sk_X509_num(certs); i++) {
		X509 *y = sk_X509_value(certs, i);

		if (y != x && X509_check_issued(x, y) == X509_V_OK)
			return 1;
	}
	return 0;
}

/* Puts the leaf (the certificate that issued none of the others) first,
 * then its issuers in order, so "the first certificate" means the same
 * for a .p7b as for a PEM chain written leaf first. */
static void
order_leaf_first(STACK_OF(X509) *certs)
{
	int n = sk_X509_num(certs), i, j, k;
	X509 *t;

	for (i = 0; i < n; i++) {
		if (!issues_another(certs, sk_X509_value(certs, i)))
			break;
	}
	if (i == n)
		return;
	t = sk_X509_value(certs, 0);
	sk_X509_set(certs, 0, sk_X509_value(certs, i));
	sk_X509_set(certs, i, t);
	for (k = 1; k < n; k++) {
		X509 *child = sk_X509_value(certs, k - 1);

		for (j = k; j < n; j++) {
			if (X509_check_issued(sk_X509_value(certs, j), child) ==
			    X509_V_OK)
				break;
		}
		if (j == n)
			return;
		t = sk_X509_value(certs, k);
		sk_X509_set(certs, k, sk_X509_value(certs, j));
		sk_X509_set(certs, j, t);
	}
}

/* Turns what the scan found into a verdict; on success fills out. */
static int
scan_finish(struct cert_scan *scan, const char *label, struct fw_cert *out,
    char **cause)
{
	char *pem, *sha;

	/* Whatever else the file holds: the project file must never carry
	 * a private key (issue 3, certificate rules). */
	if (scan->key_kind != NULL)
		return fw_fail(cause, _("%s: holds a private key (%s); nothing "
		    "of it was stored. Give the certificate alone (PEM or DER), "
		    "without its key"), label, scan->key_kind);
	if (scan->other != NULL)
		return fw_fail(cause, _("%s: holds a '%s' block; only "
		    "CERTIFICATE blocks are accepted"), label, scan->other);
	if (sk_X509_num(scan->certs) == 0)
		return fw_fail(cause, _("%s: no certificate found"), label);
	if (scan->from_pkcs7)
		order_leaf_first(scan->certs);
	pem = certs_to_pem(scan->certs);
	sha = fingerprint_sha256(sk_X509_value(scan->certs, 0));
	if (pem == NULL || sha == NULL) {
		free(pem);
		free(sha);
		return fw_fail(cause, _("%s: cannot encode the certificate"),
		    label);
	}
	out->pem = pem;
	out->sha256 = sha;
	out->source = NULL;
	return 0;
}

int
fw_cert_load_mem(const char *data, size_t len, const char *label,
    struct fw_cert *out, char **cause)
{
	struct cert_scan scan = { NULL, NULL, NULL, 0 };
	char *why = NULL;
	int rc = -1;

	out->pem = out->source = out->sha256 = NULL;
	if (len == 0 || is_blank(data, len))
		return fw_fail(cause, _("%s: empty; expected a certificate"),
		    label);
	if (len > FW_CERT_FILE_MAX)
		return fw_fail(cause, _("%s: larger than 1 MiB; not a "
		    "certificate file"), label);
	scan.certs = sk_X509_new_null();
	if (scan.certs == NULL)
		return fw_fail(cause, _("%s: out of memory"), label);
	if (has_substring(data, len, "-----BEGIN ")) {
		rc = scan_pem(&scan, data, len, label, &why);
		/* Belt and braces: a key whose PEM block is damaged is still
		 * a key, and is refused as one. */
		if (scan.key_kind == NULL &&
		    has_substring(data, len, "PRIVATE KEY-----"))
			scan.key_kind = xstrdup("PRIVATE KEY");
	} else
		rc = scan_der(&scan, data, len, label, &why);
	if (rc != 0 && scan.key_kind == NULL) {
		fw_fail(cause, "%s", why);
		goto out_free;
	}
	rc = scan_finish(&scan, label, out, cause);
out_free:
	free(why);
	sk_X509_pop_free(scan.certs, X509_free);
	free(scan.key_kind);
	free(scan.other);
	ERR_clear_error();
	return rc;
}

int
fw_cert_load_file(const char *path, struct fw_cert *out, char **cause)
{
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	int rc = -1;

	out->pem = out->source = out->sha256 = NULL;
	if (stat(path, &st) != 0)
		return fw_fail(cause, _("%s: cannot open: %s"), path,
		    strerror(errno));
	if (S_ISDIR(st.st_mode))
		return fw_fail(cause, _("%s: is a directory; expected a "
		    "certificate file"), path);
	if (S_ISREG(st.st_mode) && st.st_size > FW_CERT_FILE_MAX)
		return fw_fail(cause, _("%s: larger than 1 MiB; not a "
		    "certificate file"), path);
	if (fw_read_file(path, FW_CERT_FILE_MAX, &data, &len, cause) != 0)
		return -1;
	rc = fw_cert_load_mem(data, len, path, out, cause);
	if (rc == 0)
		out->source = xstrdup(path);
	free(data);
	return rc;
}

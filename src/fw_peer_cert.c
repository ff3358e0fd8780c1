#include "config.h"

#include "fw_peer_cert.h"

#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "fw_i18n.h"

/* A one-line subject or issuer name (free()). */
static char *
name_line(const X509_NAME *name)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *mem, *s;
	long n;

	if (b == NULL)
		return xstrdup("?");
	X509_NAME_print_ex(b, name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
	n = BIO_get_mem_data(b, &mem);
	s = xstrndup(mem, n > 0 ? (size_t)n : 0);
	BIO_free(b);
	return s;
}

/* An ASN1_TIME as "YYYY-MM-DD HH:MM UTC" into buf. */
static void
time_text(const ASN1_TIME *t, char *buf, size_t size)
{
	struct tm tm;

	if (ASN1_TIME_to_tm(t, &tm) != 1) {
		snprintf(buf, size, "?");
		return;
	}
	strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
}

static size_t
judge_eku(X509 *x, const char *indent, struct fw_strbuf *report)
{
	uint32_t xku;

	if (X509_get_extension_flags(x) & EXFLAG_XKUSAGE) {
		xku = X509_get_extended_key_usage(x);
		if ((xku & XKU_SSL_SERVER) && (xku & XKU_SSL_CLIENT))
			return 0;
		fw_sb_printf(report, _("%s! Enhanced Key Usage lacks %s: the "
		    "guide requires both Server and Client Authentication\n"),
		    indent, (xku & XKU_SSL_SERVER) ? _("Client Authentication")
		    : (xku & XKU_SSL_CLIENT) ? _("Server Authentication") :
		    _("Server and Client Authentication"));
		return 1;
	}
	fw_sb_printf(report, _("%s! no Enhanced Key Usage: the guide requires "
	    "both Server and Client Authentication\n"), indent);
	return 1;
}

static size_t
judge_validity(X509 *x, time_t now, const char *indent,
    struct fw_strbuf *report)
{
	char when[40];

	if (X509_cmp_time(X509_get0_notAfter(x), &now) < 0) {
		time_text(X509_get0_notAfter(x), when, sizeof when);
		fw_sb_printf(report, _("%s! expired on %s\n"), indent, when);
		return 1;
	}
	if (X509_cmp_time(X509_get0_notBefore(x), &now) > 0) {
		time_text(X509_get0_notBefore(x), when, sizeof when);
		fw_sb_printf(report, _("%s! not valid before %s\n"), indent,
		    when);
		return 1;
	}
	return 0;
}

/* Loads every certificate of pem into a trust store (NULL on none). */
static X509_STORE *
ca_store(const char *pem)
{
	X509_STORE *store = X509_STORE_new();
	BIO *b = BIO_new_mem_buf(pem, -1);
	X509 *x;
	int n = 0;

	if (store == NULL || b == NULL)
		goto fail;
	while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
		if (X509_STORE_add_cert(store, x) == 1)
			n++;
		X509_free(x);
	}
	ERR_clear_error();
	BIO_free(b);
	if (n > 0)
		return store;
	X509_STORE_free(store);
	return NULL;
fail:
	BIO_free(b);
	X509_STORE_free(store);
	return NULL;
}

static size_t
judge_chain(X509 *const *chain, size_t n, const char *ca_pem, time_t now,
    const char *indent, struct fw_strbuf *report)
{
	STACK_OF(X509) *untrusted = sk_X509_new_null();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	X509_STORE *store = ca_store(ca_pem);
	size_t i, problems = 1;
	int err;

	if (store == NULL || untrusted == NULL || ctx == NULL) {
		fw_sb_printf(report, _("%s! the project's CA could not be "
		    "read\n"), indent);
		goto out;
	}
	for (i = 1; i < n; i++)
		sk_X509_push(untrusted, chain[i]);
	if (X509_STORE_CTX_init(ctx, store, chain[0], untrusted) != 1)
		goto out;
	/* Validity is judged (and reported) on its own above; here only
	 * whether the chain leads to the project's CA. */
	X509_STORE_CTX_set_time(ctx, 0, now);
	X509_STORE_CTX_set_flags(ctx, X509_V_FLAG_PARTIAL_CHAIN);
	if (X509_verify_cert(ctx) == 1) {
		fw_sb_printf(report, _("%schains to the project's CA\n"),
		    indent);
		problems = 0;
		goto out;
	}
	err = X509_STORE_CTX_get_error(ctx);
	if (err == X509_V_ERR_CERT_HAS_EXPIRED ||
	    err == X509_V_ERR_CERT_NOT_YET_VALID) {
		problems = 0;	/* already reported as such */
		goto out;
	}
	fw_sb_printf(report, _("%s! does not chain to the project's CA: %s\n"),
	    indent, X509_verify_cert_error_string(err));
out:
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	sk_X509_free(untrusted);
	return problems;
}

size_t
fw_peer_cert_judge(X509 *const *chain, size_t n, const char *host,
    const char *ca_pem, time_t now, const char *indent,
    struct fw_strbuf *report)
{
	char *subject, *issuer, until[40];
	size_t problems = 0;

	if (n == 0) {
		fw_sb_printf(report, _("%s! no certificate presented\n"),
		    indent);
		return 1;
	}
	if (now == 0)
		now = time(NULL);
	subject = name_line(X509_get_subject_name(chain[0]));
	issuer = name_line(X509_get_issuer_name(chain[0]));
	time_text(X509_get0_notAfter(chain[0]), until, sizeof until);
	fw_sb_printf(report, _("%scertificate %s, issued by %s, valid until "
	    "%s; %zu in the chain\n"), indent, subject, issuer, until, n);
	free(subject);
	free(issuer);
	problems += judge_eku(chain[0], indent, report);
	problems += judge_validity(chain[0], now, indent, report);
	if (host != NULL && X509_check_host(chain[0], host, 0, 0, NULL) != 1) {
		fw_sb_printf(report, _("%s! not issued for %s (neither its "
		    "subject alternative names nor its CN match)\n"), indent,
		    host);
		problems++;
	}
	if (ca_pem == NULL)
		fw_sb_printf(report, _("%schain not checked: the project holds "
		    "no CA certificate for this side\n"), indent);
	else
		problems += judge_chain(chain, n, ca_pem, now, indent, report);
	return problems;
}

/*
 * certgen.h: certificates and keys made at test time with OpenSSL 3, so no
 * key material is checked in. Header-only, for the unit tests.
 */
#ifndef FW_TEST_CERTGEN_H
#define FW_TEST_CERTGEN_H

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* A self-signed P-256 certificate for the cn_len bytes of cn (-1: up to
 * its NUL), with a DNS SAN of the same bytes when san is set, valid for a
 * day; the key is handed back in *keyout when it is not NULL
 * (EVP_PKEY_free()). */
__attribute__((unused)) static X509 *
certgen_make_named(const char *cn, int cn_len, int san, EVP_PKEY **keyout)
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	X509_NAME *n;
	GENERAL_NAMES *gens;
	GENERAL_NAME *g;
	ASN1_IA5STRING *ia5;

	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, k);
	n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
	    (const unsigned char *)cn, cn_len, -1, 0);
	X509_set_issuer_name(x, n);
	if (san) {
		gens = GENERAL_NAMES_new();
		g = GENERAL_NAME_new();
		ia5 = ASN1_IA5STRING_new();
		ASN1_STRING_set(ia5, cn, cn_len);
		GENERAL_NAME_set0_value(g, GEN_DNS, ia5);
		sk_GENERAL_NAME_push(gens, g);
		X509_add1_ext_i2d(x, NID_subject_alt_name, gens, 0, 0);
		GENERAL_NAMES_free(gens);
	}
	X509_sign(x, k, EVP_sha256());
	if (keyout != NULL)
		*keyout = k;
	else
		EVP_PKEY_free(k);
	return x;
}

/* A self-signed P-256 certificate for cn, valid for a day. */
__attribute__((unused)) static X509 *
certgen_make(const char *cn, EVP_PKEY **keyout)
{
	return certgen_make_named(cn, -1, 0, keyout);
}

/* The contents of a memory BIO as a malloc'd string; frees the BIO. */
__attribute__((unused)) static char *
certgen_bio_take(BIO *b, size_t *len)
{
	char *mem, *out;
	long n = BIO_get_mem_data(b, &mem);

	out = malloc((size_t)n + 1);
	memcpy(out, mem, (size_t)n);
	out[n] = '\0';
	if (len != NULL)
		*len = (size_t)n;
	BIO_free(b);
	return out;
}

__attribute__((unused)) static char *
certgen_pem(X509 *x)
{
	BIO *b = BIO_new(BIO_s_mem());

	PEM_write_bio_X509(b, x);
	return certgen_bio_take(b, NULL);
}

__attribute__((unused)) static char *
certgen_der(X509 *x, size_t *len)
{
	BIO *b = BIO_new(BIO_s_mem());

	i2d_X509_bio(b, x);
	return certgen_bio_take(b, len);
}

/* The key as PKCS#8 PEM ("PRIVATE KEY"), or traditional/DER forms. */
__attribute__((unused)) static char *
certgen_key_pem(EVP_PKEY *k)
{
	BIO *b = BIO_new(BIO_s_mem());

	PEM_write_bio_PrivateKey(b, k, NULL, NULL, 0, NULL, NULL);
	return certgen_bio_take(b, NULL);
}

__attribute__((unused)) static char *
certgen_key_der(EVP_PKEY *k, size_t *len)
{
	BIO *b = BIO_new(BIO_s_mem());

	i2d_PrivateKey_bio(b, k);
	return certgen_bio_take(b, len);
}

/* A .pfx as Windows exports it: certificate and key together. */
__attribute__((unused)) static char *
certgen_pfx(X509 *x, EVP_PKEY *k, size_t *len)
{
	BIO *b = BIO_new(BIO_s_mem());
	PKCS12 *p12 = PKCS12_create("secret", "test", k, x, NULL, 0, 0, 0, 0,
	    0);

	i2d_PKCS12_bio(b, p12);
	PKCS12_free(p12);
	return certgen_bio_take(b, len);
}

/* The SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` shows. */
__attribute__((unused)) static void
certgen_fingerprint(X509 *x, char out[96])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	X509_digest(x, EVP_sha256(), md, &n);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		sprintf(out + strlen(out), "%s%02X", i ? ":" : "", md[i]);
}

#endif

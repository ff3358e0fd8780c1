#include "config.h"

#include "fw_cert_check.h"

#include <arpa/inet.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "fw_i18n.h"
#include "fw_util.h"

/* Every certificate of a PEM text, in order; NULL when none or damaged. */
static STACK_OF(X509) *
read_pem_certs(const char *pem)
{
	STACK_OF(X509) *sk;
	size_t len = strlen(pem);
	BIO *bio;
	X509 *x;

	if (len > INT_MAX || (sk = sk_X509_new_null()) == NULL)
		return NULL;
	if ((bio = BIO_new_mem_buf(pem, (int)len)) == NULL) {
		sk_X509_free(sk);
		return NULL;
	}
	while ((x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
		if (sk_X509_push(sk, x) <= 0) {
			X509_free(x);
			break;
		}
	}
	ERR_clear_error();
	BIO_free(bio);
	if (sk_X509_num(sk) == 0) {
		sk_X509_free(sk);
		return NULL;
	}
	return sk;
}

static char *
bio_string(BIO *bio)
{
	char *mem;
	long n = BIO_get_mem_data(bio, &mem);

	return xstrndup(n > 0 ? mem : "", n > 0 ? (size_t)n : 0);
}

/* RFC 2253 order, UTF-8 kept (terminals are UTF-8), control characters
 * escaped so a hostile name cannot drive the terminal. */
static char *
name_text(const X509_NAME *name)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *s;

	if (bio == NULL)
		return xstrdup("?");
	X509_NAME_print_ex(bio, name, 0,
	    XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
	s = bio_string(bio);
	BIO_free(bio);
	return s;
}

/* prefix and the n bytes of a name from a certificate, every byte kept: a
 * NUL or control character in a CN or SAN (a name crafted to read as
 * another) shows as its escape instead of cutting the name short, so it
 * never equals the host it imitates. */
static char *
name_bytes(const char *prefix, const unsigned char *p, int n)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_add(&sb, prefix);
	fw_sb_add_shown(&sb, (const char *)p, n > 0 ? (size_t)n : 0, 0);
	return fw_sb_steal(&sb);
}

static char *
last_cn(const X509_NAME *name)
{
	const ASN1_STRING *data;
	unsigned char *utf8 = NULL;
	int i = -1, last = -1, n;
	char *s;

	while ((i = X509_NAME_get_index_by_NID(name, NID_commonName, i)) >= 0)
		last = i;
	if (last < 0)
		return NULL;
	data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, last));
	if ((n = ASN1_STRING_to_UTF8(&utf8, data)) < 0)
		return NULL;
	s = name_bytes("", utf8, n);
	OPENSSL_free(utf8);
	return s;
}

static void
strv_push(char ***v, size_t *n, char *s)
{
	*v = xreallocarray(*v, *n + 2, sizeof **v);
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
}

static void
read_sans(X509 *x, struct fw_cert_info *out)
{
	GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL,
	    NULL);
	const GENERAL_NAME *g;
	const unsigned char *p;
	char buf[INET6_ADDRSTRLEN];
	int i, len;

	for (i = 0; i < sk_GENERAL_NAME_num(gens); i++) {
		g = sk_GENERAL_NAME_value(gens, i);
		if (g->type == GEN_DNS) {
			p = ASN1_STRING_get0_data(g->d.dNSName);
			len = ASN1_STRING_length(g->d.dNSName);
			strv_push(&out->sans, &out->n_sans,
			    name_bytes("DNS:", p, len));
		} else if (g->type == GEN_IPADD) {
			p = ASN1_STRING_get0_data(g->d.iPAddress);
			len = ASN1_STRING_length(g->d.iPAddress);
			if ((len == 4 || len == 16) && inet_ntop(len == 4 ?
			    AF_INET : AF_INET6, p, buf, sizeof buf) != NULL)
				strv_push(&out->sans, &out->n_sans,
				    xasprintf("IP:%s", buf));
		}
	}
	GENERAL_NAMES_free(gens);
}

/* The purposes as admins know them from the Windows certificate dialog. */
static char *
eku_name(const ASN1_OBJECT *obj)
{
	char oid[80];
	int nid = OBJ_obj2nid(obj);

	OBJ_obj2txt(oid, sizeof oid, obj, 1);
	if (nid == NID_server_auth)
		return xasprintf(_("Server Authentication (%s)"), oid);
	if (nid == NID_client_auth)
		return xasprintf(_("Client Authentication (%s)"), oid);
	if (nid != NID_undef)
		return xasprintf("%s (%s)", OBJ_nid2ln(nid), oid);
	return xstrdup(oid);
}

static void
read_ekus(X509 *x, struct fw_cert_info *out)
{
	EXTENDED_KEY_USAGE *eku;
	const ASN1_OBJECT *obj;
	int i, crit = 0;

	eku = X509_get_ext_d2i(x, NID_ext_key_usage, &crit, NULL);
	out->has_eku = eku != NULL;
	for (i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
		obj = sk_ASN1_OBJECT_value(eku, i);
		out->eku_server |= OBJ_obj2nid(obj) == NID_server_auth;
		out->eku_client |= OBJ_obj2nid(obj) == NID_client_auth;
		strv_push(&out->ekus, &out->n_ekus, eku_name(obj));
	}
	EXTENDED_KEY_USAGE_free(eku);
}

/* ASN1_TIME to time_t and text, without the local time zone. */
static void
read_time(const ASN1_TIME *t, time_t *when, char **text)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (ASN1_TIME_to_tm(t, &tm) != 1) {
		*when = 0;
		*text = xstrdup("?");
		return;
	}
	*when = timegm(&tm);
	*text = xasprintf("%04d-%02d-%02d %02d:%02d:%02d UTC",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

static void
read_key_and_signature(X509 *x, struct fw_cert_info *out)
{
	EVP_PKEY *k = X509_get0_pubkey(x);
	const char *type;
	int sig = X509_get_signature_nid(x), md = NID_undef, pk = NID_undef;

	type = k != NULL ? EVP_PKEY_get0_type_name(k) : NULL;
	out->key_type = xstrdup(type != NULL ? type : "?");
	out->key_bits = k != NULL ? EVP_PKEY_get_bits(k) : 0;
	out->signature = xstrdup(sig != NID_undef ? OBJ_nid2ln(sig) : "?");
	if (OBJ_find_sigid_algs(sig, &md, &pk) == 1)
		out->weak_signature = md == NID_sha1 || md == NID_md5 ||
		    md == NID_md5_sha1 || md == NID_md4;
}

/* What makes a CA certificate one (RFC 5280, 4.2.1.3 and 4.2.1.9): CA:TRUE
 * and, when Key Usage is there, Certificate Signing. */
static void
read_ca_bits(X509 *x, struct fw_cert_info *out)
{
	uint32_t flags = X509_get_extension_flags(x);

	out->ca_constraint = (flags & EXFLAG_BCONS) && (flags & EXFLAG_CA);
	out->has_key_usage = (flags & EXFLAG_KUSAGE) != 0;
	out->key_cert_sign = (X509_get_key_usage(x) & KU_KEY_CERT_SIGN) != 0;
	out->self_signed = (flags & EXFLAG_SS) != 0;
}

static char *
fingerprint(X509 *x)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	if (X509_digest(x, EVP_sha256(), md, &n) == 1) {
		for (i = 0; i < n; i++)
			fw_sb_printf(&sb, "%s%02X", i > 0 ? ":" : "", md[i]);
	}
	return fw_sb_steal(&sb);
}

int
fw_cert_inspect(const char *pem, struct fw_cert_info *out, char **cause)
{
	STACK_OF(X509) *sk;
	X509 *x;

	memset(out, 0, sizeof *out);
	if (pem == NULL || (sk = read_pem_certs(pem)) == NULL)
		return fw_fail(cause, _("no readable certificate"));
	x = sk_X509_value(sk, 0);
	out->n_chain = (size_t)sk_X509_num(sk);
	out->subject = name_text(X509_get_subject_name(x));
	out->common_name = last_cn(X509_get_subject_name(x));
	out->issuer = name_text(X509_get_issuer_name(x));
	read_sans(x, out);
	read_time(X509_get0_notBefore(x), &out->not_before,
	    &out->not_before_text);
	read_time(X509_get0_notAfter(x), &out->not_after,
	    &out->not_after_text);
	read_ekus(x, out);
	read_key_and_signature(x, out);
	out->is_ca = X509_check_ca(x) > 0;
	read_ca_bits(x, out);
	out->sha256 = fingerprint(x);
	sk_X509_pop_free(sk, X509_free);
	ERR_clear_error();
	return 0;
}

void
fw_cert_info_clear(struct fw_cert_info *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_sans; i++)
		free(c->sans[i]);
	for (i = 0; i < c->n_ekus; i++)
		free(c->ekus[i]);
	free(c->sans);
	free(c->ekus);
	free(c->subject);
	free(c->common_name);
	free(c->issuer);
	free(c->not_before_text);
	free(c->not_after_text);
	free(c->key_type);
	free(c->signature);
	free(c->sha256);
	memset(c, 0, sizeof *c);
}

static void
line_add(struct fw_cert_line **v, size_t *n, const char *label, char *value)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].label = label;
	(*v)[(*n)++].value = value;
}

static char *
join(char **v, size_t n, const char *none)
{
	struct fw_strbuf sb;
	size_t i;

	if (n == 0)
		return xstrdup(none);
	fw_sb_init(&sb);
	for (i = 0; i < n; i++)
		fw_sb_printf(&sb, "%s%s", i > 0 ? ", " : "", v[i]);
	return fw_sb_steal(&sb);
}

size_t
fw_cert_summary(const struct fw_cert_info *ci, const char *source,
    struct fw_cert_line **out)
{
	size_t n = 0;

	*out = NULL;
	if (source != NULL)
		line_add(out, &n, _("File:"), ci->n_chain > 1 ?
		    xasprintf(_("%s (%zu certificates: the first is checked, "
		    "the others are its chain)"), source, ci->n_chain) :
		    xstrdup(source));
	line_add(out, &n, _("Subject:"), xstrdup(ci->subject));
	line_add(out, &n, _("SANs:"), join(ci->sans, ci->n_sans, _("none")));
	line_add(out, &n, _("Issuer:"), xstrdup(ci->issuer));
	line_add(out, &n, _("Valid from:"), xstrdup(ci->not_before_text));
	line_add(out, &n, _("Valid until:"), xstrdup(ci->not_after_text));
	line_add(out, &n, _("EKU:"), join(ci->ekus, ci->n_ekus, ci->has_eku ?
	    _("(empty)") : _("none (no Extended Key Usage extension)")));
	line_add(out, &n, _("Key:"), xasprintf(_("%s, %d bits"), ci->key_type,
	    ci->key_bits));
	line_add(out, &n, _("Signature:"), xstrdup(ci->signature));
	line_add(out, &n, _("SHA-256:"), xstrdup(ci->sha256));
	return n;
}

void
fw_cert_lines_free(struct fw_cert_line *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].value);
	free(v);
}

/* Only the first certificate: parsing is the costly part (OpenSSL 3
 * decodes each public key as it reads). */
static X509 *
read_first_cert(const char *pem)
{
	size_t len = strlen(pem);
	BIO *bio;
	X509 *x;

	if (len > INT_MAX || (bio = BIO_new_mem_buf(pem, (int)len)) == NULL)
		return NULL;
	x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
	BIO_free(bio);
	ERR_clear_error();
	return x;
}

/* A host is a DNS name, checked against CN and DNS SANs, or an address,
 * checked against IP SANs (X509_check_host never matches an address). */
static int
name_matches(X509 *x, const char *host)
{
	unsigned char addr[16];

	if (inet_pton(AF_INET, host, addr) == 1 ||
	    inet_pton(AF_INET6, host, addr) == 1)
		return X509_check_ip_asc(x, host, 0) == 1;
	return X509_check_host(x, host, 0, 0, NULL) == 1;
}

int
fw_cert_match_hosts(const char *pem, const char *const *hosts, size_t n,
    int *match)
{
	X509 *x = read_first_cert(pem);
	size_t i;

	if (x == NULL)
		return -1;
	for (i = 0; i < n; i++)
		match[i] = name_matches(x, hosts[i]);
	X509_free(x);
	ERR_clear_error();
	return 0;
}

int
fw_cert_match_host(const char *pem, const char *host)
{
	int match = 0;

	if (fw_cert_match_hosts(pem, &host, 1, &match) != 0)
		return -1;
	return match;
}

int
fw_cert_has_root(const char *pem)
{
	STACK_OF(X509) *sk = read_pem_certs(pem);
	int i, root = 0;

	if (sk == NULL)
		return -1;
	for (i = 0; i < sk_X509_num(sk) && !root; i++)
		root = (X509_get_extension_flags(sk_X509_value(sk, i)) &
		    EXFLAG_SS) != 0;
	sk_X509_pop_free(sk, X509_free);
	ERR_clear_error();
	return root;
}

/* The leaf's own validity period is the validity rule's to judge; the
 * rest of the chain is judged here, so those two errors are let through. */
static int
verify_cb(int ok, X509_STORE_CTX *vctx)
{
	int err = X509_STORE_CTX_get_error(vctx);

	if (!ok && X509_STORE_CTX_get_error_depth(vctx) == 0 &&
	    (err == X509_V_ERR_CERT_HAS_EXPIRED ||
	    err == X509_V_ERR_CERT_NOT_YET_VALID))
		return 1;
	return ok;
}

int
fw_cert_verify(const char *leaf_pem, const char *ca_pem, time_t now,
    char **why)
{
	STACK_OF(X509) *leaf = NULL, *cas = NULL, *untrusted = NULL;
	X509_STORE *store = NULL;
	X509_STORE_CTX *vctx = NULL;
	int i, rc = -1;

	if ((leaf = read_pem_certs(leaf_pem)) == NULL ||
	    (cas = read_pem_certs(ca_pem)) == NULL) {
		fw_fail(why, _("no readable certificate"));
		goto out;
	}
	if ((store = X509_STORE_new()) == NULL ||
	    (vctx = X509_STORE_CTX_new()) == NULL ||
	    (untrusted = sk_X509_new_null()) == NULL) {
		fw_fail(why, _("out of memory"));
		goto out;
	}
	for (i = 0; i < sk_X509_num(cas); i++)
		X509_STORE_add_cert(store, sk_X509_value(cas, i));
	for (i = 1; i < sk_X509_num(leaf); i++)
		sk_X509_push(untrusted, sk_X509_value(leaf, i));
	if (X509_STORE_CTX_init(vctx, store, sk_X509_value(leaf, 0),
	    untrusted) != 1) {
		fw_fail(why, _("cannot set up the verification"));
		goto out;
	}
	/* Any certificate of the CA file may end the chain; a CA file
	 * without its root is judged apart (fw_cert_has_root), in words the
	 * admin can act on, not as a second verification error. */
	X509_STORE_CTX_set_flags(vctx, X509_V_FLAG_PARTIAL_CHAIN);
	X509_STORE_CTX_set_time(vctx, 0, now != 0 ? now : time(NULL));
	X509_STORE_CTX_set_verify_cb(vctx, verify_cb);
	if (X509_verify_cert(vctx) == 1) {
		rc = 0;
		goto out;
	}
	fw_fail(why, "%s", X509_verify_cert_error_string(
	    X509_STORE_CTX_get_error(vctx)));
out:
	X509_STORE_CTX_free(vctx);
	X509_STORE_free(store);
	sk_X509_free(untrusted);
	sk_X509_pop_free(leaf, X509_free);
	sk_X509_pop_free(cas, X509_free);
	ERR_clear_error();
	return rc;
}

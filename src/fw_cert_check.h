/*
 * What a certificate says, read with OpenSSL 3 only: one structure for
 * `fedwiz cert-check`, the certificate rules and the wizard's certificate
 * summary.
 */
#ifndef FW_CERT_CHECK_H
#define FW_CERT_CHECK_H

#include <stddef.h>
#include <time.h>

struct fw_cert_info {
	char *subject;		/* RFC 2253, control characters escaped */
	char *common_name;	/* the subject's last CN, or NULL */
	char *issuer;
	char **sans;		/* "DNS:name", "IP:addr", ... (NULL-terminated) */
	size_t n_sans;
	time_t not_before;
	time_t not_after;
	char *not_before_text;	/* "YYYY-MM-DD HH:MM:SS UTC" */
	char *not_after_text;
	int has_eku;		/* the Extended Key Usage extension is there */
	int eku_server;		/* Server Authentication (1.3.6.1.5.5.7.3.1) */
	int eku_client;		/* Client Authentication (1.3.6.1.5.5.7.3.2) */
	char **ekus;		/* every purpose by name (NULL-terminated) */
	size_t n_ekus;
	char *key_type;		/* "RSA", "EC", "ED25519", ... */
	int key_bits;
	char *signature;	/* "sha256WithRSAEncryption", ... */
	int weak_signature;	/* signed with SHA-1 or MD5 */
	int is_ca;		/* OpenSSL takes it for a CA (X509_check_ca) */
	int ca_constraint;	/* basicConstraints CA:TRUE */
	int has_key_usage;	/* the Key Usage extension is there */
	int key_cert_sign;	/* ... and allows Certificate Signing */
	int self_signed;	/* issued by itself: a root */
	char *sha256;		/* "AB:CD:...", as openssl x509 -fingerprint */
	size_t n_chain;		/* certificates in the PEM, the leaf included */
};

/* Reads the first certificate of pem (the rest is its chain). Free with
 * fw_cert_info_clear(). */
int fw_cert_inspect(const char *pem, struct fw_cert_info *out, char **cause);
void fw_cert_info_clear(struct fw_cert_info *);

/* One line of a certificate summary: a translated label ("Subject:") and
 * its value. */
struct fw_cert_line {
	const char *label;
	char *value;
};

/*
 * The summary `fedwiz cert-check` prints and the wizard shows: file,
 * subject, SANs, issuer, validity, EKUs, key, signature, fingerprint, in
 * that order. source names the file (may be NULL: no File line). Returns
 * the number of lines in *out; free with fw_cert_lines_free().
 */
size_t fw_cert_summary(const struct fw_cert_info *, const char *source,
    struct fw_cert_line **out);
void fw_cert_lines_free(struct fw_cert_line *, size_t n);

/* Whether the first certificate of pem names host (SAN, or CN without DNS
 * SANs; X509_check_host). 1 yes, 0 no, -1 unreadable pem. */
int fw_cert_match_host(const char *pem, const char *host);

/* The same for n hosts at once, reading pem once: match[i] is 1 or 0.
 * Returns 0, or -1 for an unreadable pem. */
int fw_cert_match_hosts(const char *pem, const char *const *hosts, size_t n,
    int *match);

/* Whether any certificate of pem is self-signed (a root). 1 yes, 0 no, -1
 * unreadable pem. */
int fw_cert_has_root(const char *pem);

/*
 * Verifies the first certificate of leaf_pem, with the rest of leaf_pem as
 * intermediates, against the certificates of ca_pem as trust anchors, at
 * time now (0 = now). Any certificate of ca_pem may end the chain: whether
 * ca_pem holds its root is fw_cert_has_root's to say. The leaf's own validity period is not judged here
 * (fw_cert_judge does, with clearer words); the CA's is. Returns 0 when it
 * verifies; else -1 and *why (free()) says why, as OpenSSL words it.
 */
int fw_cert_verify(const char *leaf_pem, const char *ca_pem, time_t now,
    char **why);

#endif

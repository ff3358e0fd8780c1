/*
 * The rule engine: every check of the answers, for the wizard, `fedwiz
 * validate` and the checklist alike. Rules never block: name lookups go
 * through a resolver (fw_resolve.h) whose pending answers show as
 * "resolving…".
 *
 * In the wizard: keep one resolver for the session; after an edit (and a
 * short pause) run fw_rules_run() on the deployment as edited; poll
 * fw_resolver_fd() beside the keyboard and, when it is readable, call
 * fw_resolver_drain() and run the rules again. The findings pane of a
 * focused field is fw_findings_filter(all, step, field key, entry) and a
 * step's "!" mark is fw_findings_filter(all, step, NULL, NULL) holding an
 * error. A run costs microseconds without certificates; with both
 * certificates and CAs about 10 ms (measured: OpenSSL 3.0 decodes each
 * public key as it parses, about 1 ms a certificate), so run it after the
 * pause, not on every key.
 */
#ifndef FW_RULES_H
#define FW_RULES_H

#include <stddef.h>
#include <time.h>

#include "fw_model.h"

enum fw_severity {
	FW_SEV_ERROR,
	FW_SEV_WARNING,
	FW_SEV_INFO,
};

struct fw_finding {
	enum fw_severity severity;
	int step;		/* 0-9, the step the finding belongs to */
	char *field;		/* field key from the flow table, or NULL */
	char *subject;		/* the entry concerned (an FQDN, a domain), or NULL */
	char *message;		/* translated: what is wrong and what to do */
};

struct fw_findings {
	struct fw_finding *items;
	size_t n;
};

struct fw_resolver;

struct fw_rules_opts {
	struct fw_resolver *resolver;	/* NULL = no name resolution (offline) */
	time_t now;			/* 0 = time(NULL); for certificate validity */
};

/* Runs every rule over d, appending to out (free with fw_findings_free()).
 * out must start zeroed ({ NULL, 0 }) or hold earlier findings. The
 * findings come sorted by step, then severity (errors first), then subject,
 * field and message, so output is stable and diffable. Returns the number
 * of errors this run added. */
size_t fw_rules_run(const struct fw_deployment *d,
    const struct fw_rules_opts *opts, struct fw_findings *out);

/* Frees the findings and leaves *f empty; NULL is accepted. */
void fw_findings_free(struct fw_findings *);

/* "error", "warning", "info", translated. */
const char *fw_severity_name(enum fw_severity);

/* How many findings have this severity. */
size_t fw_findings_count(const struct fw_findings *, enum fw_severity);

/*
 * For a screen's focused step, field or entry: appends to out (zeroed, or
 * holding findings; free with fw_findings_free()) a copy of every finding
 * of all that is on step (-1 = any), has field key field and is about
 * subject (NULL = any; subjects compare case-insensitively). Keeps the
 * order of all. Returns the number appended.
 */
size_t fw_findings_filter(const struct fw_findings *all, int step,
    const char *field, const char *subject, struct fw_findings *out);

/*
 * What a certificate is judged against: by the rules (project answers) and
 * by `fedwiz cert-check` (its options) alike.
 */
struct fw_cert_expect {
	const char *label;		/* names the certificate in messages */
	const char *const *hosts;	/* FQDNs it should name (CN or SAN) */
	size_t n_hosts;			/* 0 = no host check */
	int each_host;			/* every one, not one of them, is
					 * required: an error per missing one */
	const char *ca_pem;		/* CA certificate(s); NULL = no check */
	time_t now;			/* 0 = time(NULL) */
	int step;			/* where findings belong */
	const char *field;
	int role_known;			/* role says which certificate it is */
	enum fw_cert_role role;		/* whose fix the messages name */
};

/*
 * Judges the first certificate of pem (the rest is its chain) for this
 * federation: both Extended Key Usages, validity (expired or not yet valid
 * = error, within 30 days = warning), host names (one of them, or with
 * each_host each), verification against the CA, RSA under 2048 bits and
 * SHA-1/MD5 signatures (warnings). The fixes named are those of its role
 * (an OCS or an IM and Presence certificate) when known. Appends to
 * out; returns the number of errors (an unreadable pem is one error).
 */
size_t fw_cert_judge(const char *pem, const struct fw_cert_expect *want,
    struct fw_findings *out);

/*
 * Judges the first certificate of pem as a CA certificate, one to trust:
 * basicConstraints CA:TRUE (else a warning), Certificate Signing when it
 * has a Key Usage, validity, and a root (self-signed) among the
 * certificates of pem, or verification against want->ca_pem when given.
 * Hosts and EKUs are not judged. fw_cert_judge does this itself for a CA
 * role. Appends to out; returns the number of errors.
 */
size_t fw_cert_judge_ca(const char *pem, const struct fw_cert_expect *want,
    struct fw_findings *out);

#endif

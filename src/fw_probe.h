/*
 * The federation smoke test: which hosts of the project to probe, and
 * running the probes on one of them. Only hosts the project names are ever
 * contacted: every OCS server as the next hop of the IM&P static routes (on
 * the route's port and transport) and every IM&P node on its Peer Auth
 * listener (TLS) or on 5060 (TCP).
 *
 * Each target yields results of these kinds, reported one by one through a
 * callback as they are known (the CLI prints and saves them; the wizard's
 * "Test" action shows them):
 *   tls-3des  does the peer accept TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A)?
 *   tls       a full OpenSSL handshake: version, cipher, mutual TLS
 *   cert      the presented chain judged by the guide's rules
 *   sip       SIP OPTIONS: status, round-trip time, Server header
 * TLS targets get all four, TCP targets only sip.
 */
#ifndef FW_PROBE_H
#define FW_PROBE_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "fw_model.h"
#include "fw_probe_tls.h"

#define FW_PROBE_KIND_3DES "tls-3des"
#define FW_PROBE_KIND_TLS "tls"
#define FW_PROBE_KIND_CERT "cert"
#define FW_PROBE_KIND_SIP "sip"

enum fw_probe_role {
	FW_PROBE_OCS_NEXT_HOP,	/* an OCS server, as IM&P routes to it */
	FW_PROBE_IMP_NODE,	/* an IM&P node, as OCS routes to it */
};

/* The port a host of this role is probed on, and its results are stored
 * under: OCS servers on the static routes' Next Hop Port, IM&P nodes on the
 * Peer Auth port (TLS) or 5060 (TCP). */
int fw_probe_port(const struct fw_deployment *d, enum fw_probe_role role);

struct fw_probe_target {
	char *host;		/* the FQDN: stored results are keyed by it */
	char *addr;		/* the IP connected to */
	int port;
	int tls;		/* TLS, else TCP */
	enum fw_probe_role role;
	char *label;		/* translated: what it is in the deployment */
	char *from_domain;	/* SIP From: the side fedwiz stands in for */
	char *to_domain;	/* SIP To: the side probed */
	enum fw_cert_role ca;	/* the CA role of the probed side (an OCS
				 * server's own applies first) */
};

struct fw_probe_targets {
	struct fw_probe_target *items;
	size_t n;
};

/*
 * The targets of d, in the order the guide configures them (OCS next hops,
 * then IM&P nodes). only: a host name or IP to keep just that host (NULL =
 * all); one that matches nothing is an error naming it. Free with
 * fw_probe_targets_free().
 */
int fw_probe_targets(const struct fw_deployment *d, const char *only,
    struct fw_probe_targets *out, char **cause);
void fw_probe_targets_free(struct fw_probe_targets *);

/* Seconds a probe waits for each connect, handshake and answer: the
 * default, and the most `fedwiz probe --timeout` and the wizard's
 * --probe-timeout accept. */
#define FW_PROBE_TIMEOUT_DEFAULT_S 5
#define FW_PROBE_TIMEOUT_MAX_S 300

/* Whole seconds from 1 to FW_PROBE_TIMEOUT_MAX_S into *seconds; -1 when s
 * is anything else (the caller names its option in the message). */
int fw_probe_parse_timeout(const char *s, int *seconds);

struct fw_probe_opts {
	int timeout_ms;		/* per connect, handshake and answer */
	const struct fw_tls_client *client;	/* NULL: no mutual TLS */
	const volatile sig_atomic_t *stop;	/* set: end soon (Ctrl-C) */
	time_t now;		/* certificate validity; 0 = time(NULL) */
};

/* Called with each result as it is known; r and its strings live until
 * the callback returns. */
typedef void (*fw_probe_cb)(const struct fw_probe_target *t,
    const struct fw_probe_result *r, void *ctx);

/*
 * Probes one target, reporting each result through cb. Returns the number
 * of results that are not ok. A stop (opts->stop set) ends it early; the
 * results reported so far stand, and the interrupted one is not reported.
 * It blocks for up to a few timeouts and keeps no global state: a front end
 * may run it on a worker thread and set *opts->stop to cancel. The caller
 * ignores SIGPIPE meanwhile (OpenSSL writes with write(), and a peer may
 * hang up mid-request).
 */
size_t fw_probe_run(const struct fw_deployment *d,
    const struct fw_probe_target *t, const struct fw_probe_opts *opts,
    fw_probe_cb cb, void *ctx);

/* The stored result for host, port and kind, or NULL. A static route to
 * an OCS server is verified by fw_probe_find(d, server->fqdn,
 * fw_probe_port(d, FW_PROBE_OCS_NEXT_HOP), FW_PROBE_KIND_SIP). */
const struct fw_probe_result *fw_probe_find(const struct fw_deployment *d,
    const char *host, int port, const char *kind);

/*
 * The checklist's line for a stored result (free()), translated:
 * "verified 2026-11-24 14:02: 200 OK over TLS 1.2", or
 * "failed 2026-11-24 14:02: connection refused ...".
 */
char *fw_probe_verified_line(const struct fw_probe_result *r);

#endif

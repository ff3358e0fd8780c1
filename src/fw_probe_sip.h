/*
 * A SIP OPTIONS request to a next hop, the way a federation peer would send
 * one: the deployment's domains in From and To, a fresh Via branch
 * (z9hG4bK...), Call-ID, CSeq, Max-Forwards and Content-Length 0. The
 * answer's status line, round-trip time and Server or User-Agent header
 * tell whether the SIP layer listens and answers.
 */
#ifndef FW_PROBE_SIP_H
#define FW_PROBE_SIP_H

#include <signal.h>
#include <stddef.h>

#include "fw_probe_tls.h"

/* Most bytes of a response read (status line and headers), most
 * provisional (1xx) responses accepted before the final one, and most
 * bytes of a reason phrase or agent string kept. */
#define FW_SIP_MAX_RESPONSE (16 * 1024)
#define FW_SIP_MAX_PROVISIONAL 20
#define FW_SIP_TEXT_MAX 200

struct fw_sip_request {
	const char *host;	/* the next hop as configured (Request-URI) */
	int port;
	int tls;		/* transport TLS, else TCP */
	const char *from_domain;	/* the side fedwiz stands in for */
	const char *to_domain;		/* the side probed */
};

/* The final answer. Free with fw_sip_reply_clear(). The peer's text is
 * printable ASCII (anything else became '?') of at most FW_SIP_TEXT_MAX
 * bytes. */
struct fw_sip_reply {
	int code;		/* 200 to 699 */
	char *reason;		/* "OK" */
	char *agent;		/* Server or User-Agent header, or NULL */
	long rtt_ms;		/* request sent to status line read */
};

void fw_sip_reply_clear(struct fw_sip_reply *);

/*
 * The request text for a connection whose local end is local_addr:
 * local_port (free()). branch, tag and call_id are fresh random tokens.
 */
char *fw_sip_options_text(const struct fw_sip_request *, const char *local_addr,
    int local_port, const char *branch, const char *tag, const char *call_id);

/*
 * Parses a response held in buf (len bytes, the stream so far): returns 1
 * with *out filled when a final (>= 200) response's headers are complete,
 * 0 when more is needed, -1 with *cause when it is not a SIP response.
 * Up to FW_SIP_MAX_PROVISIONAL provisional responses (1xx) before it are
 * skipped; one more is an error.
 */
int fw_sip_parse_reply(const char *buf, size_t len, struct fw_sip_reply *out,
    char **cause);

/*
 * Sends OPTIONS on the open connection c and reads the final answer before
 * timeout_ms. FW_NET_OK with *out, or what went wrong with *cause.
 */
enum fw_net_status fw_sip_options(struct fw_conn *c,
    const struct fw_sip_request *, int timeout_ms,
    const volatile sig_atomic_t *stop, struct fw_sip_reply *out,
    char **cause);

#endif

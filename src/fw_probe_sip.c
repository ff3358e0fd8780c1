#include "config.h"

#include "fw_probe_sip.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "fw_i18n.h"
#include "fw_util.h"

void
fw_sip_reply_clear(struct fw_sip_reply *r)
{
	free(r->reason);
	free(r->agent);
	memset(r, 0, sizeof *r);
}

char *
fw_sip_options_text(const struct fw_sip_request *rq, const char *local_addr,
    int local_port, const char *branch, const char *tag, const char *call_id)
{
	const char *tp = rq->tls ? "TLS" : "TCP";
	const char *lo = strchr(local_addr, ':') != NULL ? "[" : "";
	const char *lc = *lo != '\0' ? "]" : "";

	/* RFC 3261 8.1.1: the mandatory headers; Content-Length is required
	 * over stream transports (18.3). */
	return xasprintf(
	    "OPTIONS sip:%s:%d;transport=%s SIP/2.0\r\n"
	    "Via: SIP/2.0/%s %s%s%s:%d;branch=z9hG4bK%s;rport\r\n"
	    "Max-Forwards: 70\r\n"
	    "From: <sip:fedwiz@%s>;tag=%s\r\n"
	    "To: <sip:%s>\r\n"
	    "Call-ID: %s@%s\r\n"
	    "CSeq: 1 OPTIONS\r\n"
	    "Contact: <sip:fedwiz@%s%s%s:%d;transport=%s>\r\n"
	    "Accept: application/sdp\r\n"
	    "User-Agent: fedwiz/%s\r\n"
	    "Content-Length: 0\r\n"
	    "\r\n",
	    rq->host, rq->port, rq->tls ? "tls" : "tcp",
	    tp, lo, local_addr, lc, local_port, branch,
	    rq->from_domain, tag,
	    rq->to_domain,
	    call_id, rq->from_domain,
	    lo, local_addr, lc, local_port, rq->tls ? "tls" : "tcp",
	    PACKAGE_VERSION);
}

/* A copy of text the peer chose, safe to show on a terminal and to store:
 * NUL, control and non-ASCII bytes become '?', and it is cut at
 * FW_SIP_TEXT_MAX. Every byte of [s, s + n) is looked at as data, never as
 * a C string: a NUL does not end it. */
static char *
peer_text(const char *s, size_t n)
{
	char *out;
	size_t i;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n > FW_SIP_TEXT_MAX)
		n = FW_SIP_TEXT_MAX;
	out = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		out[i] = s[i];
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			out[i] = '?';
	}
	out[n] = '\0';
	return out;
}

/* Whether the n bytes at p are name (n bytes, ASCII) in any case. */
static int
same_token(const char *p, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (tolower((unsigned char)p[i]) !=
		    tolower((unsigned char)name[i]))
			return 0;
	}
	return 1;
}

/* Finds the end of a header block ("\r\n\r\n") in buf; NULL when absent. */
static const char *
header_end(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i + 4 <= len; i++) {
		if (memcmp(buf + i, "\r\n\r\n", 4) == 0)
			return buf + i + 4;
	}
	return NULL;
}

/* The value of header name in the block [p, end), or NULL. */
static char *
header_value(const char *p, const char *end, const char *name)
{
	size_t nlen = strlen(name), llen;
	const char *eol;

	for (; p < end; p = eol + 2) {
		eol = p;
		while (eol + 1 < end && !(eol[0] == '\r' && eol[1] == '\n'))
			eol++;
		if (eol + 1 >= end)
			break;
		llen = (size_t)(eol - p);
		if (llen > nlen && same_token(p, name, nlen) &&
		    p[nlen] == ':')
			return peer_text(p + nlen + 1, llen - nlen - 1);
	}
	return NULL;
}

/* The status code of a status line of len bytes (up to its CRLF), or -1
 * when it is not "SIP/2.0 DDD " with DDD from 100 to 699 (RFC 3261 7.2). */
static int
status_code(const char *p, size_t len)
{
	int code;

	if (len < 12 || !isdigit((unsigned char)p[8]) ||
	    !isdigit((unsigned char)p[9]) ||
	    !isdigit((unsigned char)p[10]) || p[11] != ' ')
		return -1;
	code = (p[8] - '0') * 100 + (p[9] - '0') * 10 + (p[10] - '0');
	return code >= 100 && code <= 699 ? code : -1;
}

int
fw_sip_parse_reply(const char *buf, size_t len, struct fw_sip_reply *out,
    char **cause)
{
	const char *p = buf, *end, *eol;
	size_t left = len, provisional = 0;
	int code;

	fw_sip_reply_clear(out);
	for (;;) {
		if (left >= 8 && memcmp(p, "SIP/2.0 ", 8) != 0)
			return fw_fail(cause, _("not a SIP response (does the "
			    "peer speak SIP on this port?)"));
		if ((end = header_end(p, left)) == NULL) {
			if (len >= FW_SIP_MAX_RESPONSE)
				return fw_fail(cause, _("SIP response "
				    "headers too long"));
			return 0;
		}
		/* The status line ends at the first CRLF; the block's own
		 * CRLFCRLF guarantees there is one. */
		eol = p;
		while (!(eol[0] == '\r' && eol[1] == '\n'))
			eol++;
		if ((code = status_code(p, (size_t)(eol - p))) < 0)
			return fw_fail(cause, _("malformed SIP status line"));
		if (code >= 200)
			break;
		/* A provisional answer (100 Trying): the final one follows.
		 * Provisional responses to OPTIONS carry no body. A peer
		 * that sends nothing else is cut off at a count, not left
		 * to fill the buffer. */
		if (++provisional > FW_SIP_MAX_PROVISIONAL)
			return fw_fail(cause, _("too many provisional "
			    "responses: more than %d before a final answer"),
			    FW_SIP_MAX_PROVISIONAL);
		left -= (size_t)(end - p);
		p = end;
	}
	out->code = code;
	out->reason = peer_text(p + 12, (size_t)(eol - p) - 12);
	out->agent = header_value(eol + 2, end, "Server");
	if (out->agent == NULL)
		out->agent = header_value(eol + 2, end, "User-Agent");
	return 1;
}

static int
random_hex(char *buf, size_t bytes)
{
	unsigned char r[16];
	size_t i;

	if (bytes > sizeof r || RAND_bytes(r, (int)bytes) != 1)
		return -1;
	for (i = 0; i < bytes; i++)
		snprintf(buf + 2 * i, 3, "%02x", r[i]);
	return 0;
}

enum fw_net_status
fw_sip_options(struct fw_conn *c, const struct fw_sip_request *rq,
    int timeout_ms, const volatile sig_atomic_t *stop,
    struct fw_sip_reply *out, char **cause)
{
	char branch[33], tag[17], call_id[33], local[64], *req = NULL;
	char *buf = xmalloc(FW_SIP_MAX_RESPONSE);
	int64_t sent, deadline = fw_net_now_ms() + timeout_ms;
	enum fw_net_status st;
	size_t len = 0, got;
	int port = 0, r = 0;

	memset(out, 0, sizeof *out);
	if (random_hex(branch, 16) != 0 || random_hex(tag, 8) != 0 ||
	    random_hex(call_id, 16) != 0) {
		fw_fail(cause, _("no random numbers for the SIP request"));
		st = FW_NET_ERROR;
		goto out;
	}
	if (fw_net_local(c->fd, local, sizeof local, &port) != 0)
		snprintf(local, sizeof local, "127.0.0.1");
	req = fw_sip_options_text(rq, local, port, branch, tag, call_id);
	sent = fw_net_now_ms();
	st = fw_conn_send(c, req, strlen(req), deadline, stop, cause);
	while (st == FW_NET_OK && r == 0) {
		st = fw_conn_recv(c, buf + len, FW_SIP_MAX_RESPONSE - len,
		    &got, deadline, stop, cause);
		if (st != FW_NET_OK)
			break;
		len += got;
		r = fw_sip_parse_reply(buf, len, out, cause);
		if (r < 0)
			st = FW_NET_ERROR;
	}
	out->rtt_ms = (long)(fw_net_now_ms() - sent);
out:
	free(req);
	free(buf);
	return st;
}

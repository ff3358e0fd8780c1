#include "config.h"

#include "fw_tls_hello.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "fw_i18n.h"
#include "fw_util.h"

/* RFC 5246: content types, handshake types, the largest record allowed. */
#define CT_CHANGE_CIPHER_SPEC 20
#define CT_ALERT 21
#define CT_HANDSHAKE 22
#define CT_APPLICATION_DATA 23
#define HS_CLIENT_HELLO 1
#define HS_SERVER_HELLO 2
#define HS_CERTIFICATE 11
#define HS_CERTIFICATE_REQUEST 13
#define HS_SERVER_HELLO_DONE 14
#define RECORD_MAX (16384 + 2048)

/* ---- building the ClientHello ---- */

static unsigned char *
put16(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
	return p + 2;
}

static unsigned char *
put24(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v >> 16);
	return put16(p + 1, v);
}

size_t
fw_tls_hello_build(unsigned version, const char *sni,
    const unsigned char random[32], unsigned char *out, size_t cap)
{
	/* rsa_pkcs1 with SHA-256/384/512 and SHA-1: what an RSA-only
	 * 2009-era server can sign with. */
	static const unsigned char sigalgs[] = {
		0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x02, 0x01,
	};
	unsigned char *p = out, *hs, *body, *ext;
	size_t name_len = 0;

	if (sni != NULL && !fw_net_is_ip(sni))
		name_len = strlen(sni);
	if (name_len > 255 || cap < FW_TLS_HELLO_MAX_HELLO)
		return 0;
	/* Record layer version 1.0: what old servers expect to see. */
	*p++ = CT_HANDSHAKE;
	p = put16(p, 0x0301);
	p += 2;			/* record length, below */
	hs = p;
	*p++ = HS_CLIENT_HELLO;
	p += 3;			/* handshake length, below */
	body = p;
	p = put16(p, version);
	memcpy(p, random, 32);
	p += 32;
	*p++ = 0;		/* no session id: nothing to resume */
	p = put16(p, 2);
	p = put16(p, FW_TLS_RSA_3DES);
	*p++ = 1;		/* compression methods: null only */
	*p++ = 0;
	p += 2;			/* extensions length, below */
	ext = p;
	if (name_len > 0) {
		p = put16(p, 0x0000);	/* server_name */
		p = put16(p, name_len + 5);
		p = put16(p, name_len + 3);
		*p++ = 0;		/* host_name */
		p = put16(p, name_len);
		memcpy(p, sni, name_len);
		p += name_len;
	}
	/* renegotiation_info, empty: servers that insist on RFC 5746 still
	 * answer. It is an extension, so 0x000A stays the only suite. */
	p = put16(p, 0xff01);
	p = put16(p, 1);
	*p++ = 0;
	if (version >= FW_TLS_V1_2) {
		p = put16(p, 0x000d);	/* signature_algorithms */
		p = put16(p, sizeof sigalgs + 2);
		p = put16(p, sizeof sigalgs);
		memcpy(p, sigalgs, sizeof sigalgs);
		p += sizeof sigalgs;
	}
	put16(ext - 2, (size_t)(p - ext));
	put24(hs + 1, (size_t)(p - body));
	put16(hs - 2, (size_t)(p - hs));
	return (size_t)(p - out);
}

/* ---- parsing the reply ---- */

static size_t
get16(const unsigned char *p)
{
	return (size_t)p[0] << 8 | p[1];
}

static size_t
get24(const unsigned char *p)
{
	return (size_t)p[0] << 16 | (size_t)p[1] << 8 | p[2];
}

void
fw_hello_reply_clear(struct fw_hello_reply *r)
{
	size_t i;

	for (i = 0; i < r->n_certs; i++)
		free(r->certs[i]);
	free(r->certs);
	free(r->cert_lens);
	memset(r, 0, sizeof *r);
}

static enum fw_hello_state
malformed(char **cause, const char *why)
{
	fw_fail(cause, _("malformed TLS reply: %s"), why);
	return FW_HELLO_MALFORMED;
}

static enum fw_hello_state
parse_server_hello(const unsigned char *m, size_t len,
    struct fw_hello_reply *out, char **cause)
{
	size_t sid;

	/* version(2) random(32) session_id(1+n) suite(2) compression(1) */
	if (len < 35)
		return malformed(cause, _("ServerHello too short"));
	sid = m[34];
	if (sid > 32 || len < 35 + sid + 3)
		return malformed(cause, _("ServerHello too short"));
	out->version = (unsigned)get16(m);
	out->suite = (unsigned)get16(m + 35 + sid);
	out->have_server_hello = 1;
	return FW_HELLO_DONE;
}

static enum fw_hello_state
parse_certificate(const unsigned char *m, size_t len,
    struct fw_hello_reply *out, char **cause)
{
	size_t total, off, n;

	if (len < 3 || (total = get24(m)) != len - 3)
		return malformed(cause, _("bad certificate list length"));
	for (off = 3; off < len; off += 3 + n) {
		if (len - off < 3 || (n = get24(m + off)) > len - off - 3 ||
		    n == 0)
			return malformed(cause, _("bad certificate length"));
		if (out->n_certs == FW_TLS_HELLO_MAX_CERTS)
			continue;
		out->certs = xreallocarray(out->certs, out->n_certs + 1,
		    sizeof *out->certs);
		out->cert_lens = xreallocarray(out->cert_lens,
		    out->n_certs + 1, sizeof *out->cert_lens);
		out->certs[out->n_certs] = xmalloc(n);
		memcpy(out->certs[out->n_certs], m + off + 3, n);
		out->cert_lens[out->n_certs++] = n;
	}
	return FW_HELLO_DONE;
}

/* Walks the reassembled handshake messages. */
static enum fw_hello_state
parse_handshake(const unsigned char *hs, size_t len,
    struct fw_hello_reply *out, char **cause)
{
	enum fw_hello_state st = FW_HELLO_DONE;
	size_t off = 0, n;
	int type;

	while (off < len && !out->have_done) {
		if (len - off < 4)
			return FW_HELLO_NEED_MORE;
		type = hs[off];
		n = get24(hs + off + 1);
		if (n > FW_TLS_HELLO_MAX_INPUT)
			return malformed(cause, _("handshake message too long"));
		if (n > len - off - 4)
			return FW_HELLO_NEED_MORE;
		if (!out->have_server_hello && type != HS_SERVER_HELLO)
			return malformed(cause, _("no ServerHello first"));
		switch (type) {
		case HS_SERVER_HELLO:
			if (out->have_server_hello)
				return malformed(cause,
				    _("a second ServerHello"));
			st = parse_server_hello(hs + off + 4, n, out, cause);
			break;
		case HS_CERTIFICATE:
			if (out->n_certs > 0)
				return malformed(cause,
				    _("a second Certificate message"));
			st = parse_certificate(hs + off + 4, n, out, cause);
			break;
		case HS_CERTIFICATE_REQUEST:
			out->cert_requested = 1;
			break;
		case HS_SERVER_HELLO_DONE:
			out->have_done = 1;
			break;
		default:	/* ServerKeyExchange and the like: not needed */
			break;
		}
		if (st != FW_HELLO_DONE)
			return st;
		off += 4 + n;
	}
	return out->have_done ? FW_HELLO_DONE : FW_HELLO_NEED_MORE;
}

enum fw_hello_state
fw_tls_hello_parse(const unsigned char *buf, size_t len,
    struct fw_hello_reply *out, char **cause)
{
	unsigned char *hs = NULL;
	enum fw_hello_state st = FW_HELLO_NEED_MORE;
	size_t off = 0, n, hs_len = 0;
	int type;

	fw_hello_reply_clear(out);
	if (len > FW_TLS_HELLO_MAX_INPUT)
		return malformed(cause, _("reply too long"));
	while (len - off >= 5 && !out->have_alert) {
		type = buf[off];
		if (type < CT_CHANGE_CIPHER_SPEC || type > CT_APPLICATION_DATA ||
		    buf[off + 1] != 3) {
			st = malformed(cause, _("not a TLS record (does the "
			    "peer speak TLS on this port?)"));
			goto out;
		}
		n = get16(buf + off + 3);
		if (n > RECORD_MAX || n == 0) {
			st = malformed(cause, _("bad record length"));
			goto out;
		}
		if (n > len - off - 5)
			break;
		if (type == CT_ALERT) {
			out->have_alert = 1;
			out->alert_level = buf[off + 5];
			out->alert_desc = n >= 2 ? buf[off + 6] : -1;
		} else if (type == CT_HANDSHAKE) {
			if (hs == NULL)
				hs = xmalloc(len);
			memcpy(hs + hs_len, buf + off + 5, n);
			hs_len += n;
		} else {
			st = malformed(cause, _("unexpected record before "
			    "the handshake ended"));
			goto out;
		}
		off += 5 + n;
	}
	if (hs_len > 0)
		st = parse_handshake(hs, hs_len, out, cause);
	/* An alert ends the exchange, whatever came before it. */
	if (out->have_alert && st != FW_HELLO_MALFORMED)
		st = FW_HELLO_DONE;
out:
	free(hs);
	return st;
}

/* ---- on the network ---- */

enum fw_net_status
fw_tls_hello_exchange(const char *addr, int port, const char *sni,
    unsigned version, int timeout_ms, const volatile sig_atomic_t *stop,
    struct fw_hello_reply *out, char **cause)
{
	unsigned char hello[FW_TLS_HELLO_MAX_HELLO], random[32];
	unsigned char *buf = xmalloc(FW_TLS_HELLO_MAX_INPUT);
	enum fw_hello_state hst = FW_HELLO_NEED_MORE;
	enum fw_net_status st;
	int64_t deadline = fw_net_now_ms() + timeout_ms;
	size_t hlen, len = 0, got;
	int fd = -1;

	memset(out, 0, sizeof *out);
	if (RAND_bytes(random, sizeof random) != 1) {
		fw_fail(cause, _("no random numbers for the ClientHello"));
		st = FW_NET_ERROR;
		goto out;
	}
	hlen = fw_tls_hello_build(version, sni, random, hello, sizeof hello);
	if (hlen == 0) {
		fw_fail(cause, _("%s: host name too long"), sni);
		st = FW_NET_ERROR;
		goto out;
	}
	st = fw_net_connect(addr, port, timeout_ms, stop, &fd, cause);
	if (st != FW_NET_OK)
		goto out;
	st = fw_net_send(fd, hello, hlen, deadline, stop, cause);
	while (st == FW_NET_OK && hst == FW_HELLO_NEED_MORE) {
		if (len == FW_TLS_HELLO_MAX_INPUT) {
			fw_fail(cause, _("malformed TLS reply: %s"),
			    _("reply too long"));
			st = FW_NET_ERROR;
			break;
		}
		st = fw_net_recv(fd, buf + len, FW_TLS_HELLO_MAX_INPUT - len,
		    &got, deadline, stop, cause);
		if (st != FW_NET_OK)
			break;
		len += got;
		hst = fw_tls_hello_parse(buf, len, out, cause);
		if (hst == FW_HELLO_MALFORMED)
			st = FW_NET_ERROR;
	}
	/* The certificates may have come before the peer hung up or the
	 * deadline passed: keep what was parsed, but say what happened. */
	if (st != FW_NET_OK && hst != FW_HELLO_MALFORMED && len > 0)
		fw_tls_hello_parse(buf, len, out, NULL);
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	return st;
}

const char *
fw_tls_version_name(unsigned version)
{
	switch (version) {
	case 0x0300:
		return "SSL 3.0";
	case 0x0301:
		return "TLS 1.0";
	case 0x0302:
		return "TLS 1.1";
	case 0x0303:
		return "TLS 1.2";
	case 0x0304:
		return "TLS 1.3";
	}
	return _("an unknown TLS version");
}

/*
 * Asking a peer whether it accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A),
 * the suite the guide requires in the IM and Presence TLS context. OpenSSL
 * 3 as Debian builds it has no 3DES at all (domain notes), so it cannot ask:
 * fedwiz sends its own ClientHello offering only 0x000A and reads the
 * ServerHello's chosen suite or the alert, without finishing the handshake.
 * In TLS 1.0-1.2 the server's Certificate message follows the ServerHello
 * in clear, so the presented chain comes along.
 *
 * The reply parser reads hostile network input. It is a pure function over
 * a byte buffer (every length checked against what is there and against
 * fixed bounds), unit tested with crafted, truncated and oversized input.
 */
#ifndef FW_TLS_HELLO_H
#define FW_TLS_HELLO_H

#include <signal.h>
#include <stddef.h>

#include "fw_net.h"

/* IANA TLS_RSA_WITH_3DES_EDE_CBC_SHA; OpenSSL calls it DES-CBC3-SHA. */
#define FW_TLS_RSA_3DES 0x000A

#define FW_TLS_V1_0 0x0301
#define FW_TLS_V1_2 0x0303

/* Most bytes read from one peer, and most certificates kept from it. */
#define FW_TLS_HELLO_MAX_INPUT (256 * 1024)
#define FW_TLS_HELLO_MAX_CERTS 10

/* The largest ClientHello fw_tls_hello_build() writes. */
#define FW_TLS_HELLO_MAX_HELLO 512

enum fw_hello_state {
	FW_HELLO_NEED_MORE,	/* a valid prefix: read more */
	FW_HELLO_DONE,		/* ServerHelloDone or an alert: enough */
	FW_HELLO_MALFORMED,	/* not TLS, or breaks its format: see cause */
};

/* What the server answered. Free with fw_hello_reply_clear(). */
struct fw_hello_reply {
	int have_server_hello;
	unsigned version;	/* ServerHello.server_version, e.g. 0x0303 */
	unsigned suite;		/* the suite the server chose */
	int have_alert;
	int alert_level;	/* 1 warning, 2 fatal */
	int alert_desc;		/* RFC 5246 AlertDescription */
	int have_done;		/* ServerHelloDone seen */
	int cert_requested;	/* CertificateRequest seen (mutual TLS) */
	unsigned char **certs;	/* the presented chain, DER, server first */
	size_t *cert_lens;
	size_t n_certs;
};

/*
 * Writes a ClientHello record for version (FW_TLS_V1_0 or FW_TLS_V1_2)
 * offering only 0x000A, with server name indication when sni is a host name
 * (NULL or an IP literal: none), into out (cap at least
 * FW_TLS_HELLO_MAX_HELLO). random is the 32-byte client random. Returns the
 * length written, 0 when sni is too long.
 */
size_t fw_tls_hello_build(unsigned version, const char *sni,
    const unsigned char random[32], unsigned char *out, size_t cap);

/*
 * Parses everything the server sent so far (buf, len: the whole stream from
 * its first byte) into *out, which it clears first. Records split across
 * reads and handshake messages split across records are reassembled.
 */
enum fw_hello_state fw_tls_hello_parse(const unsigned char *buf, size_t len,
    struct fw_hello_reply *out, char **cause);

void fw_hello_reply_clear(struct fw_hello_reply *);

/*
 * Connects to addr:port, sends the ClientHello and reads the reply within
 * timeout_ms. FW_NET_OK means *out holds a parsed reply (a ServerHello or an
 * alert); anything else is what went wrong, with *cause.
 */
enum fw_net_status fw_tls_hello_exchange(const char *addr, int port,
    const char *sni, unsigned version, int timeout_ms,
    const volatile sig_atomic_t *stop, struct fw_hello_reply *out,
    char **cause);

/* "TLS 1.2", "TLS 1.0", ... for a protocol version number. */
const char *fw_tls_version_name(unsigned version);

#endif

/*
 * The OpenSSL side of a probe: a full TLS handshake with the peer, the
 * version and cipher agreed, the chain presented, mutual TLS when the admin
 * gives a client certificate and key; and the connection it leaves open for
 * the SIP probe.
 *
 * Debian's OpenSSL refuses anything below TLS 1.2 and security level 2,
 * while an OCS 2007 R2 peer may speak only TLS 1.0. The probe context (and
 * only it) allows TLS 1.0 at security level 0, and the report says so
 * (fw_tls_probe_lowered()).
 */
#ifndef FW_PROBE_TLS_H
#define FW_PROBE_TLS_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "fw_net.h"

/* The sentence every TLS probe report carries (translated). */
const char *fw_tls_probe_lowered(void);

/* A client certificate and key for mutual TLS, read at probe time and
 * kept in memory only for the run. Free with fw_tls_client_free(). */
struct fw_tls_client;

/* Reads the certificate (PEM or DER, with its chain) and an unencrypted
 * PEM private key. The key file's bytes are wiped once parsed; the key is
 * never stored nor written to any log. */
int fw_tls_client_load(const char *cert_file, const char *key_file,
    struct fw_tls_client **out, char **cause);
void fw_tls_client_free(struct fw_tls_client *);

/* What a handshake established. Free with fw_tls_info_clear(). */
struct fw_tls_info {
	char version[16];	/* "TLS 1.2" */
	char cipher[64];	/* OpenSSL's name */
	unsigned suite;		/* IANA number */
	int cert_requested;	/* the server asked for a client certificate */
	int cert_sent;		/* and we had one to send */
	int alert;		/* alert received from the peer, or -1 */
	X509 **certs;		/* the presented chain, server first */
	size_t n_certs;
};

void fw_tls_info_clear(struct fw_tls_info *);

/* A connection: plain TCP (ssl NULL) or TLS. */
struct fw_conn {
	int fd;
	SSL_CTX *ctx;
	SSL *ssl;
	struct fw_tls_info *info;	/* where the callbacks record */
};

/* Plain TCP. */
enum fw_net_status fw_conn_open_tcp(const char *addr, int port,
    int timeout_ms, const volatile sig_atomic_t *stop, struct fw_conn *c,
    char **cause);

/*
 * Connects and completes a TLS handshake within timeout_ms, sending sni
 * (when a host name) and the client identity (when not NULL). info is
 * filled as far as the handshake got, also on failure (the alert, the chain
 * when one arrived). Close c with fw_conn_close() whatever is returned.
 */
enum fw_net_status fw_conn_open_tls(const char *addr, int port,
    const char *sni, const struct fw_tls_client *client, int timeout_ms,
    const volatile sig_atomic_t *stop, struct fw_conn *c,
    struct fw_tls_info *info, char **cause);

enum fw_net_status fw_conn_send(struct fw_conn *, const void *buf,
    size_t len, int64_t deadline, const volatile sig_atomic_t *stop,
    char **cause);
enum fw_net_status fw_conn_recv(struct fw_conn *, void *buf, size_t cap,
    size_t *got, int64_t deadline, const volatile sig_atomic_t *stop,
    char **cause);
void fw_conn_close(struct fw_conn *);

#endif

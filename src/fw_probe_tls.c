#include "config.h"

#include "fw_probe_tls.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "fw_certfile.h"
#include "fw_i18n.h"
#include "fw_util.h"

/* Largest private key file read. */
#define KEY_FILE_MAX (64 * 1024)

struct fw_tls_client {
	X509 *cert;
	STACK_OF(X509) *chain;	/* the rest of the certificate file */
	EVP_PKEY *key;
};

const char *
fw_tls_probe_lowered(void)
{
	return _("this probe allowed TLS 1.0 and OpenSSL security level 0, "
	    "below fedwiz's defaults (TLS 1.2, level 2), for this connection "
	    "only");
}

void
fw_tls_client_free(struct fw_tls_client *c)
{
	if (c == NULL)
		return;
	X509_free(c->cert);
	sk_X509_pop_free(c->chain, X509_free);
	EVP_PKEY_free(c->key);
	free(c);
}

/* Encrypted keys are refused rather than prompted for: a probe run may
 * have no terminal, and a passphrase must not sit in shell history. */
static int
no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

static int
load_certs(struct fw_tls_client *c, const char *path, char **cause)
{
	struct fw_cert pem;
	BIO *b = NULL;
	X509 *x;
	int rc = -1;

	memset(&pem, 0, sizeof pem);
	if (fw_cert_load_file(path, &pem, cause) != 0)
		return -1;
	if ((b = BIO_new_mem_buf(pem.pem, -1)) == NULL ||
	    (c->chain = sk_X509_new_null()) == NULL)
		goto out;
	while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
		if (c->cert == NULL)
			c->cert = x;
		else if (sk_X509_push(c->chain, x) == 0)
			X509_free(x);
	}
	ERR_clear_error();
	rc = c->cert != NULL ? 0 : -1;
out:
	if (rc != 0 && cause != NULL && *cause == NULL)
		fw_fail(cause, _("%s: no certificate"), path);
	BIO_free(b);
	fw_cert_clear(&pem);
	return rc;
}

static int
load_key(struct fw_tls_client *c, const char *path, char **cause)
{
	char *buf = NULL;
	size_t len = 0;
	BIO *b;
	int rc = -1;

	if (fw_read_file(path, KEY_FILE_MAX, &buf, &len, cause) != 0)
		return -1;
	if ((b = BIO_new_mem_buf(buf, (int)len)) != NULL) {
		c->key = PEM_read_bio_PrivateKey(b, NULL, no_passphrase, NULL);
		BIO_free(b);
	}
	ERR_clear_error();
	if (c->key == NULL)
		fw_fail(cause, _("%s: not an unencrypted PEM private key"),
		    path);
	else if (X509_check_private_key(c->cert, c->key) != 1)
		fw_fail(cause, _("%s: this key does not belong to the client "
		    "certificate"), path);
	else
		rc = 0;
	ERR_clear_error();
	OPENSSL_cleanse(buf, len);
	free(buf);
	return rc;
}

int
fw_tls_client_load(const char *cert_file, const char *key_file,
    struct fw_tls_client **out, char **cause)
{
	struct fw_tls_client *c = xcalloc(1, sizeof *c);

	*out = NULL;
	if (load_certs(c, cert_file, cause) != 0 ||
	    load_key(c, key_file, cause) != 0) {
		fw_tls_client_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void
fw_tls_info_clear(struct fw_tls_info *info)
{
	size_t i;

	for (i = 0; i < info->n_certs; i++)
		X509_free(info->certs[i]);
	free(info->certs);
	memset(info, 0, sizeof *info);
	info->alert = -1;
}

/* Watches the handshake for what SSL_get_error does not tell: whether the
 * server asked for a client certificate, and the alert it sent. */
static void
on_message(int write_p, int version, int content_type, const void *buf,
    size_t len, SSL *ssl, void *arg)
{
	struct fw_tls_info *info = arg;
	const unsigned char *p = buf;

	(void)version;
	(void)ssl;
	if (write_p || info == NULL)
		return;
	if (content_type == SSL3_RT_HANDSHAKE && len > 0 && p[0] == 13)
		info->cert_requested = 1;
	else if (content_type == SSL3_RT_ALERT && len >= 2)
		info->alert = p[1];
}

static void
record_chain(SSL *ssl, struct fw_tls_info *info)
{
	STACK_OF(X509) *sk = SSL_get_peer_cert_chain(ssl);
	int i, n;

	if (sk == NULL || info->n_certs > 0)
		return;
	n = sk_X509_num(sk);
	info->certs = xcalloc((size_t)n, sizeof *info->certs);
	for (i = 0; i < n; i++) {
		info->certs[i] = sk_X509_value(sk, i);
		X509_up_ref(info->certs[i]);
	}
	info->n_certs = (size_t)n;
}

static SSL_CTX *
probe_ctx(const struct fw_tls_client *client, char **cause)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	int i;

	if (ctx == NULL) {
		fw_fail(cause, _("cannot set up OpenSSL"));
		return NULL;
	}
	/* For this context only: see fw_tls_probe_lowered(). The chain is
	 * judged by fedwiz itself, so OpenSSL does not verify it. */
	SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
	SSL_CTX_set_security_level(ctx, 0);
	SSL_CTX_set_cipher_list(ctx, "ALL:!aNULL:!eNULL:@SECLEVEL=0");
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	if (client == NULL)
		return ctx;
	if (SSL_CTX_use_certificate(ctx, client->cert) != 1 ||
	    SSL_CTX_use_PrivateKey(ctx, client->key) != 1)
		goto fail;
	for (i = 0; i < sk_X509_num(client->chain); i++) {
		if (SSL_CTX_add1_chain_cert(ctx, sk_X509_value(client->chain,
		    i)) != 1)
			goto fail;
	}
	return ctx;
fail:
	fw_fail(cause, _("OpenSSL refused the client certificate: %s"),
	    ERR_reason_error_string(ERR_get_error()));
	ERR_clear_error();
	SSL_CTX_free(ctx);
	return NULL;
}

/* Why a handshake failed, in the admin's terms. */
static enum fw_net_status
handshake_failed(SSL *ssl, int r, const struct fw_tls_info *info,
    char **cause)
{
	unsigned long e;
	int err = SSL_get_error(ssl, r);

	if (info->alert >= 0) {
		fw_fail(cause, _("the peer refused the handshake: alert %s "
		    "(%d)"), SSL_alert_desc_string_long(info->alert),
		    info->alert);
	} else if (err == SSL_ERROR_SYSCALL || err == SSL_ERROR_ZERO_RETURN) {
		ERR_clear_error();
		if (errno == ECONNRESET) {
			fw_fail(cause, "%s", fw_net_status_text(FW_NET_RESET));
			return FW_NET_RESET;
		}
		fw_fail(cause, _("the peer closed the connection during the "
		    "handshake"));
		return FW_NET_CLOSED;
	} else {
		e = ERR_get_error();
		fw_fail(cause, _("handshake failed: %s"), e != 0 ?
		    ERR_reason_error_string(e) : _("unknown reason"));
	}
	ERR_clear_error();
	return FW_NET_ERROR;
}

enum fw_net_status
fw_conn_open_tcp(const char *addr, int port, int timeout_ms,
    const volatile sig_atomic_t *stop, struct fw_conn *c, char **cause)
{
	memset(c, 0, sizeof *c);
	return fw_net_connect(addr, port, timeout_ms, stop, &c->fd, cause);
}

enum fw_net_status
fw_conn_open_tls(const char *addr, int port, const char *sni,
    const struct fw_tls_client *client, int timeout_ms,
    const volatile sig_atomic_t *stop, struct fw_conn *c,
    struct fw_tls_info *info, char **cause)
{
	int64_t deadline = fw_net_now_ms() + timeout_ms;
	enum fw_net_status st;
	const SSL_CIPHER *cipher;
	int r, err;

	fw_tls_info_clear(info);
	st = fw_conn_open_tcp(addr, port, timeout_ms, stop, c, cause);
	if (st != FW_NET_OK)
		return st;
	c->info = info;
	if ((c->ctx = probe_ctx(client, cause)) == NULL)
		return FW_NET_ERROR;
	if ((c->ssl = SSL_new(c->ctx)) == NULL ||
	    SSL_set_fd(c->ssl, c->fd) != 1) {
		fw_fail(cause, _("cannot set up OpenSSL"));
		return FW_NET_ERROR;
	}
	SSL_set_msg_callback(c->ssl, on_message);
	SSL_set_msg_callback_arg(c->ssl, info);
	if (sni != NULL && !fw_net_is_ip(sni))
		SSL_set_tlsext_host_name(c->ssl, sni);
	while ((r = SSL_connect(c->ssl)) != 1) {
		err = SSL_get_error(c->ssl, r);
		if (err == SSL_ERROR_WANT_READ)
			st = fw_net_wait(c->fd, POLLIN, deadline, stop);
		else if (err == SSL_ERROR_WANT_WRITE)
			st = fw_net_wait(c->fd, POLLOUT, deadline, stop);
		else
			st = handshake_failed(c->ssl, r, info, cause);
		if (st != FW_NET_OK) {
			if (st == FW_NET_TIMEOUT || st == FW_NET_STOPPED)
				fw_fail(cause, "%s", fw_net_status_text(st));
			record_chain(c->ssl, info);
			return st;
		}
	}
	record_chain(c->ssl, info);
	snprintf(info->version, sizeof info->version, "%s",
	    SSL_get_version(c->ssl));
	/* OpenSSL says "TLSv1.2"; admins and the guide say "TLS 1.2". */
	if (strncmp(info->version, "TLSv", 4) == 0)
		snprintf(info->version, sizeof info->version, "TLS %s",
		    SSL_get_version(c->ssl) + 4);
	if ((cipher = SSL_get_current_cipher(c->ssl)) != NULL) {
		snprintf(info->cipher, sizeof info->cipher, "%s",
		    SSL_CIPHER_get_name(cipher));
		info->suite = SSL_CIPHER_get_protocol_id(cipher);
	}
	info->cert_sent = info->cert_requested && client != NULL;
	return FW_NET_OK;
}

/* Runs one SSL_read or SSL_write, waiting as OpenSSL asks. */
static enum fw_net_status
tls_io(struct fw_conn *c, int writing, void *buf, size_t len, size_t *done,
    int64_t deadline, const volatile sig_atomic_t *stop, char **cause)
{
	enum fw_net_status st;
	int err;

	for (;;) {
		ERR_clear_error();
		if ((writing ? SSL_write_ex(c->ssl, buf, len, done) :
		    SSL_read_ex(c->ssl, buf, len, done)) == 1)
			return FW_NET_OK;
		err = SSL_get_error(c->ssl, 0);
		if (err == SSL_ERROR_WANT_READ)
			st = fw_net_wait(c->fd, POLLIN, deadline, stop);
		else if (err == SSL_ERROR_WANT_WRITE)
			st = fw_net_wait(c->fd, POLLOUT, deadline, stop);
		else if (err == SSL_ERROR_ZERO_RETURN)
			st = FW_NET_CLOSED;
		else if (err == SSL_ERROR_SYSCALL)
			st = errno == ECONNRESET || errno == EPIPE ?
			    FW_NET_RESET : FW_NET_CLOSED;
		else
			st = FW_NET_ERROR;
		if (st != FW_NET_OK) {
			fw_fail(cause, "%s", fw_net_status_text(st));
			ERR_clear_error();
			return st;
		}
	}
}

enum fw_net_status
fw_conn_send(struct fw_conn *c, const void *buf, size_t len,
    int64_t deadline, const volatile sig_atomic_t *stop, char **cause)
{
	size_t done;

	if (c->ssl == NULL)
		return fw_net_send(c->fd, buf, len, deadline, stop, cause);
	return tls_io(c, 1, (void *)(uintptr_t)buf, len, &done, deadline,
	    stop, cause);
}

enum fw_net_status
fw_conn_recv(struct fw_conn *c, void *buf, size_t cap, size_t *got,
    int64_t deadline, const volatile sig_atomic_t *stop, char **cause)
{
	if (c->ssl == NULL)
		return fw_net_recv(c->fd, buf, cap, got, deadline, stop, cause);
	return tls_io(c, 0, buf, cap, got, deadline, stop, cause);
}

void
fw_conn_close(struct fw_conn *c)
{
	if (c->ssl != NULL)
		SSL_free(c->ssl);
	SSL_CTX_free(c->ctx);
	if (c->fd >= 0)
		close(c->fd);
	memset(c, 0, sizeof *c);
	c->fd = -1;
}

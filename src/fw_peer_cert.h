/*
 * Judging the certificate chain a peer presents during a probe by the same
 * rules as the certificates the admin loads (fw_cert_judge() in fw_rules.h:
 * both Extended Key Usages, validity, the host name, a chain to the CA the
 * project holds for that side, key and signature strength).
 */
#ifndef FW_PEER_CERT_H
#define FW_PEER_CERT_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "fw_tls_hello.h"
#include "fw_util.h"

/* The chain as X509 objects (X509_free() each) from the DER the ClientHello
 * exchange saw, up to the first certificate that does not parse; out has
 * room for FW_TLS_HELLO_MAX_CERTS. Returns how many. */
size_t fw_peer_cert_from_der(const struct fw_hello_reply *reply, X509 **out);

/*
 * Appends to report one line naming the server certificate, then one line
 * per finding ("error: ...", "warning: ..."), and a line saying whether the
 * chain was checked. chain[0] is the server's certificate, the rest what it
 * sent along. host: the FQDN the peer is reached by (NULL: no name check).
 * ca_pem: the project's CA for that side (NULL: no chain check). now: 0 =
 * time(NULL). Returns the number of errors.
 */
size_t fw_peer_cert_judge(X509 *const *chain, size_t n, const char *host,
    const char *ca_pem, time_t now, struct fw_strbuf *report);

#endif

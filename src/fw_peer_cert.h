/*
 * Judging the certificate chain a peer presents during a probe by the
 * guide's rules: Enhanced Key Usage with both Server and Client
 * Authentication (guide, Set Up Certificates on the IM and Presence Service
 * Node, step 2), validity now, the host name it is reached by, and a chain
 * to the CA the project holds for that side.
 *
 * Only what a probe needs; the validation issue's fw_cert_check.h judges
 * stored certificates, and this file defers to it once it exists.
 */
#ifndef FW_PEER_CERT_H
#define FW_PEER_CERT_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "fw_util.h"

/*
 * Appends to report one line naming the server certificate and one line per
 * problem ("! ..."), each starting with indent. chain[0] is the server's
 * certificate, the rest what it sent along. host: the name the peer is
 * reached by (NULL: not checked). ca_pem: the project's CA for that side
 * (NULL: chain not checked, and the report says so). now: 0 = time(NULL).
 * Returns the number of problems.
 */
size_t fw_peer_cert_judge(X509 *const *chain, size_t n, const char *host,
    const char *ca_pem, time_t now, const char *indent,
    struct fw_strbuf *report);

#endif

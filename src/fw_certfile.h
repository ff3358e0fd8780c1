/*
 * Reading certificate files as admins have them: PEM or DER, one
 * certificate or a chain. Only public certificates are kept: a file holding
 * a private key is refused and nothing of it is stored.
 */
#ifndef FW_CERTFILE_H
#define FW_CERTFILE_H

#include <stddef.h>

#include "fw_model.h"

/* Largest certificate file read. */
#define FW_CERT_FILE_MAX (1024 * 1024)

/* Reads path (bounded) into out: pem = every certificate re-encoded as PEM,
 * source = path, sha256 = fingerprint of the first, written the way
 * `openssl x509 -noout -fingerprint -sha256` does: upper-case hex pairs
 * joined by colons ("AB:CD:..."). Free the strings with fw_cert_clear().
 * A directory, an unreadable, empty or over-1-MiB file, garbage, a PKCS#7
 * or PKCS#12 bundle and any private key are refused with a message. */
int fw_cert_load_file(const char *path, struct fw_cert *out, char **cause);

/* The same from bytes already in memory (label names them in messages). */
int fw_cert_load_mem(const char *data, size_t len, const char *label,
    struct fw_cert *out, char **cause);

void fw_cert_clear(struct fw_cert *);

#endif

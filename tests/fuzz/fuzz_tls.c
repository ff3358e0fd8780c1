/*
 * libFuzzer target: the reply to fedwiz's own ClientHello (records,
 * handshake messages, the certificate list), then the certificates in it
 * as the probe judges them. Beyond not crashing: a refusal says why; a
 * finished reply is a ServerHello or an alert; certificates kept are
 * within the bounds; and the report on them, which is shown and stored,
 * holds no byte a terminal acts on and nothing that is not UTF-8.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_peer_cert.h"
#include "fw_tls_hello.h"
#include "fw_util.h"

/* A fixed clock: the same input gives the same report. */
#define FUZZ_NOW 1800000000

static void
check_report(const char *s)
{
	size_t i, n, len = strlen(s);

	if (!fw_utf8_valid(s, len))
		fuzz_fail("the certificate report is not UTF-8");
	for (i = 0; i < len; i += n) {
		n = fw_utf8_seq((const unsigned char *)s + i, len - i);
		if ((n == 1 && (unsigned char)s[i] < 0x20 && s[i] != '\n') ||
		    (n == 1 && s[i] == 0x7f) ||
		    (n == 2 && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] < 0xa0))
			fuzz_fail("the certificate report holds a control "
			    "character at byte %zu", i);
	}
}

static void
judge(const struct fw_hello_reply *r)
{
	X509 *chain[FW_TLS_HELLO_MAX_CERTS];
	struct fw_strbuf sb;
	size_t i, n = fw_peer_cert_from_der(r, chain);

	if (n == 0)
		return;
	fw_sb_init(&sb);
	fw_peer_cert_judge(chain, n, "fe1.ocs.test", NULL, FUZZ_NOW, &sb);
	check_report(sb.buf);
	free(sb.buf);
	for (i = 0; i < n; i++)
		X509_free(chain[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fw_hello_reply r;
	enum fw_hello_state st;
	unsigned char *copy;
	char *cause = NULL;
	size_t i;

	memset(&r, 0, sizeof r);
	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	st = fw_tls_hello_parse(copy, size, &r, &cause);
	if (st == FW_HELLO_MALFORMED && (cause == NULL || cause[0] == '\0'))
		fuzz_fail("refused without saying why");
	if (st != FW_HELLO_MALFORMED && cause != NULL)
		fuzz_fail("not refused, yet a cause was given");
	if (st == FW_HELLO_DONE && !r.have_server_hello && !r.have_alert)
		fuzz_fail("done without a ServerHello or an alert");
	if (r.n_certs > FW_TLS_HELLO_MAX_CERTS)
		fuzz_fail("%zu certificates kept", r.n_certs);
	for (i = 0; i < r.n_certs; i++) {
		if (r.cert_lens[i] == 0 || r.cert_lens[i] > size)
			fuzz_fail("certificate %zu of %zu bytes", i,
			    r.cert_lens[i]);
	}
	judge(&r);
	fw_hello_reply_clear(&r);
	free(cause);
	free(copy);
	return 0;
}

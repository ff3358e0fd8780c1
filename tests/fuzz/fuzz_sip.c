/*
 * libFuzzer target: the SIP reply parser, which reads what a peer sends.
 * Beyond not crashing: a refusal says why; a final answer has a status
 * from 200 to 699 and text that is printable ASCII within the bound; and
 * the stream is read as fw_sip_options() reads it, so a prefix that
 * already decides (final answer or refusal) decides the same way as the
 * whole input.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_probe_sip.h"
#include "fw_util.h"

static void
check_text(const char *what, const char *s)
{
	size_t i;

	if (strlen(s) > FW_SIP_TEXT_MAX)
		fuzz_fail("%s longer than %d bytes", what, FW_SIP_TEXT_MAX);
	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			fuzz_fail("%s holds byte 0x%02X", what,
			    (unsigned char)s[i]);
	}
}

/* Parses the first len bytes from an exact-size copy, so that ASan sees
 * any read past them, and checks the promises of the result. */
static int
parse(const uint8_t *data, size_t len, struct fw_sip_reply *r)
{
	char *copy = xmalloc(len > 0 ? len : 1), *cause = NULL;
	int rc;

	memcpy(copy, data, len);
	rc = fw_sip_parse_reply(copy, len, r, &cause);
	free(copy);
	if (rc == -1 && (cause == NULL || cause[0] == '\0'))
		fuzz_fail("refused without saying why");
	if (rc != -1 && cause != NULL)
		fuzz_fail("not refused, yet a cause was given");
	if (rc == 0 && len >= FW_SIP_MAX_RESPONSE)
		fuzz_fail("asks for more past FW_SIP_MAX_RESPONSE");
	if (rc == 1) {
		if (r->code < 200 || r->code > 699)
			fuzz_fail("final answer with status %d", r->code);
		if (r->reason == NULL)
			fuzz_fail("final answer without a reason phrase");
		check_text("reason", r->reason);
		if (r->agent != NULL)
			check_text("agent", r->agent);
	}
	if (rc < -1 || rc > 1)
		fuzz_fail("returned %d", rc);
	free(cause);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fw_sip_reply whole, half;
	int rc, rc_half;

	/* fw_sip_options() never holds more. */
	if (size > FW_SIP_MAX_RESPONSE)
		size = FW_SIP_MAX_RESPONSE;
	memset(&whole, 0, sizeof whole);
	memset(&half, 0, sizeof half);
	rc = parse(data, size, &whole);
	rc_half = parse(data, size / 2, &half);
	if (rc_half != 0 && rc_half != rc)
		fuzz_fail("the first half decides %d, the whole input %d",
		    rc_half, rc);
	if (rc_half == 1 && (half.code != whole.code ||
	    strcmp(half.reason, whole.reason) != 0))
		fuzz_fail("the first half gives another final answer");
	fw_sip_reply_clear(&whole);
	fw_sip_reply_clear(&half);
	return 0;
}

/*
 * libFuzzer target: certificate loading from memory. An accepted input
 * must yield PEM that loads again to the same fingerprint; a refused one a
 * message and nothing kept.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_certfile.h"
#include "fw_util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fw_cert c = { NULL, NULL, NULL }, again = { NULL, NULL, NULL };
	char *cause = NULL, *copy;

	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	if (fw_cert_load_mem(copy, size, "fuzz", &c, &cause) != 0) {
		if (cause == NULL || c.pem != NULL || c.sha256 != NULL)
			fuzz_fail("refused, yet no message or something kept");
		goto out;
	}
	if (c.pem == NULL || c.sha256 == NULL || strlen(c.sha256) != 95)
		fuzz_fail("accepted without PEM or fingerprint");
	if (fw_cert_load_mem(c.pem, strlen(c.pem), "again", &again,
	    &cause) != 0)
		fuzz_fail("its own PEM is refused: %s", cause);
	if (strcmp(c.sha256, again.sha256) != 0 || strcmp(c.pem, again.pem) != 0)
		fuzz_fail("PEM loaded again differs");
out:
	fw_cert_clear(&c);
	fw_cert_clear(&again);
	free(cause);
	free(copy);
	return 0;
}

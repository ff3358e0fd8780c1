/*
 * libFuzzer target: the validators of names, addresses, ports and
 * topology names. The first byte picks the validator, the rest is the
 * text. A normal form must be accepted again unchanged (idempotent), a
 * port must be 1-65535.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_syntax.h"
#include "fw_util.h"

typedef int (*normalizer)(const char *, char **, char **);

static void
check_normal(normalizer f, const char *in, const char *what)
{
	char *norm = NULL, *norm2 = NULL, *cause = NULL;

	if (f(in, &norm, &cause) != 0) {
		if (cause == NULL || norm != NULL)
			fuzz_fail("%s refused without a message", what);
		goto out;
	}
	if (norm == NULL || cause != NULL)
		fuzz_fail("%s accepted without a normal form", what);
	if (f(norm, &norm2, &cause) != 0 || strcmp(norm, norm2) != 0)
		fuzz_fail("%s: the normal form '%s' does not stay", what, norm);
out:
	free(norm);
	free(norm2);
	free(cause);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *cause = NULL;
	int port = 0;

	if (size == 0)
		return 0;
	in = xstrndup((const char *)data + 1, size - 1);
	switch (data[0] % 4) {
	case 0:
		check_normal(fw_syntax_hostname, in, "hostname");
		break;
	case 1:
		check_normal(fw_syntax_ip, in, "ip");
		break;
	case 3:
		check_normal(fw_syntax_topology, in, "topology");
		break;
	default:
		if (fw_syntax_port(in, &port, &cause) == 0 &&
		    (port < 1 || port > 65535))
			fuzz_fail("port %d accepted", port);
		break;
	}
	free(cause);
	free(in);
	return 0;
}

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_syntax.h"
#include "tap.h"

static void
host_ok(const char *in, const char *want)
{
	char *norm = NULL, *cause = NULL;
	int rc = fw_syntax_hostname(in, &norm, &cause);

	ok(rc == 0, "hostname '%s' accepted", in);
	is_str(norm, want, "hostname '%s' normalised", in);
	free(norm);
	free(cause);
}

static void
host_bad(const char *in, const char *needle)
{
	char *norm = NULL, *cause = NULL;
	int rc = fw_syntax_hostname(in, &norm, &cause);

	ok(rc == -1 && norm == NULL, "hostname '%.40s' refused", in);
	ok(cause != NULL && strstr(cause, needle) != NULL,
	    "message for '%.40s' says '%s' (%s)", in, needle,
	    cause ? cause : "none");
	free(cause);
}

int
main(void)
{
	char label64[65], long_name[300], *norm = NULL, *cause = NULL;
	int port = 0;
	size_t i;

	host_ok("ocs.Contoso.TEST", "ocs.contoso.test");
	host_ok("impa.cup.example.com.", "impa.cup.example.com");
	host_ok("a", "a");
	host_ok("x-1.example", "x-1.example");
	host_bad("", "empty");
	host_bad(".", "empty");
	host_bad("a..b", "empty label");
	host_bad("-a.example", "hyphen");
	host_bad("a-.example", "hyphen");
	host_bad("a_b.example", "'_'");
	host_bad("exa mple.com", "' '");
	host_bad("caf\xc3\xa9.example", "not allowed");
	memset(label64, 'a', 64);
	label64[64] = '\0';
	host_bad(label64, "at most 63");
	memset(long_name, 0, sizeof long_name);
	for (i = 0; i < 254; i += 2)
		memcpy(long_name + i, "a.", 2);
	long_name[254] = 'a';
	host_bad(long_name, "at most 253");

	ok(fw_syntax_ip("192.0.2.11", &norm, &cause) == 0, "IPv4 accepted");
	is_str(norm, "192.0.2.11", "IPv4 canonical");
	free(norm);
	ok(fw_syntax_ip("2001:DB8:0:0::1", &norm, &cause) == 0,
	    "IPv6 accepted");
	is_str(norm, "2001:db8::1", "IPv6 canonical");
	free(norm);
	ok(fw_syntax_ip("256.1.1.1", &norm, &cause) == -1, "256.1.1.1 refused");
	free(cause);
	cause = NULL;
	ok(fw_syntax_ip("192.0.2", &norm, &cause) == -1, "192.0.2 refused");
	free(cause);
	cause = NULL;
	ok(fw_syntax_ip("::ffff:1.2.3.4.5", &norm, &cause) == -1,
	    "bad mapped IPv6 refused");
	free(cause);
	cause = NULL;

	ok(fw_syntax_port("5061", &port, &cause) == 0 && port == 5061,
	    "5061 accepted");
	ok(fw_syntax_port("65535", &port, &cause) == 0 && port == 65535,
	    "65535 accepted");
	{
		const char *bad[] = { "0", "65536", "-1", "abc", "", "5061 ",
		    "+5", "999999" };

		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			ok(fw_syntax_port(bad[i], &port, &cause) == -1 &&
			    cause != NULL, "port '%s' refused", bad[i]);
			free(cause);
			cause = NULL;
		}
	}
	return done_testing();
}

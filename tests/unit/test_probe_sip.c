#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_probe_sip.h"
#include "tap.h"

/* The OPTIONS request fedwiz sends and the parsing of answers, including
 * hostile ones (control characters, endless headers, not SIP at all). */

static void
test_request(void)
{
	struct fw_sip_request rq = { "fe1.ocs.test", 5061, 1, "cup.example.com",
	    "ocs.test" };
	char *t = fw_sip_options_text(&rq, "192.0.2.5", 40000, "b1", "t1",
	    "c1");

	static const char line[] =
	    "OPTIONS sip:fe1.ocs.test:5061;transport=tls SIP/2.0\r\n";
	static const char end[] = "\r\nContent-Length: 0\r\n\r\n";

	ok(strncmp(t, line, sizeof line - 1) == 0,
	    "request line names the next hop");
	ok(strstr(t, "\r\nVia: SIP/2.0/TLS 192.0.2.5:40000;branch=z9hG4bKb1;"
	    "rport\r\n") != NULL, "Via with a z9hG4bK branch");
	ok(strstr(t, "\r\nMax-Forwards: 70\r\n") != NULL, "Max-Forwards");
	ok(strstr(t, "\r\nFrom: <sip:fedwiz@cup.example.com>;tag=t1\r\n") !=
	    NULL, "From in the deployment's own domain, with a tag");
	ok(strstr(t, "\r\nTo: <sip:ocs.test>\r\n") != NULL,
	    "To the probed side's domain");
	ok(strstr(t, "\r\nCall-ID: c1@cup.example.com\r\n") != NULL, "Call-ID");
	ok(strstr(t, "\r\nCSeq: 1 OPTIONS\r\n") != NULL, "CSeq");
	ok(strlen(t) > sizeof end && strcmp(t + strlen(t) - (sizeof end - 1),
	    end) == 0,
	    "ends with Content-Length: 0 and a blank line");
	free(t);

	rq.tls = 0;
	t = fw_sip_options_text(&rq, "2001:db8::5", 5070, "b", "t", "c");
	ok(strstr(t, "Via: SIP/2.0/TCP [2001:db8::5]:5070;") != NULL,
	    "an IPv6 Via address is bracketed, over TCP");
	free(t);
}

static void
test_replies(void)
{
	static const char good[] =
	    "SIP/2.0 100 Trying\r\nVia: x\r\n\r\n"
	    "SIP/2.0 200 OK\r\nVia: x\r\nserver: Test UAS 1.0\r\n"
	    "Content-Length: 0\r\n\r\n";
	struct fw_sip_reply r;
	char *cause = NULL, *big;
	size_t len;
	int early = 0;

	memset(&r, 0, sizeof r);
	is_int(fw_sip_parse_reply(good, strlen(good), &r, &cause), 1,
	    "100 Trying then 200 OK: final answer found");
	is_int(r.code, 200, "status 200");
	is_str(r.reason, "OK", "reason OK");
	is_str(r.agent, "Test UAS 1.0", "Server header, any case");
	for (len = 0; len < strlen(good); len++)
		early += fw_sip_parse_reply(good, len, &r, &cause) != 0;
	is_int(early, 0, "every prefix of it asks for more");

	is_int(fw_sip_parse_reply("SIP/2.0 403 Forbidden\r\nUser-Agent: "
	    "RTC/3.5\r\n\r\n", 47, &r, &cause), 1, "a 403 is final");
	is_int(r.code, 403, "status 403");
	is_str(r.agent, "RTC/3.5", "User-Agent when there is no Server");

	is_int(fw_sip_parse_reply("SIP/2.0 200 O\033[2JK\r\nServer: a\007b"
	    "\r\n\r\n", 36, &r, &cause), 1, "control characters parse");
	is_str(r.reason, "O?[2JK", "but are not passed to the terminal");
	is_str(r.agent, "a?b", "in headers either");

	ok(fw_sip_parse_reply("HTTP/1.1 400 Bad Request\r\n\r\n", 28, &r,
	    &cause) == -1 && cause != NULL, "HTTP is not SIP");
	free(cause);
	cause = NULL;
	ok(fw_sip_parse_reply("SIP/2.0 2x0 OK\r\n\r\n", 18, &r, &cause) ==
	    -1, "a bad status code is refused");
	free(cause);
	cause = NULL;
	big = malloc(FW_SIP_MAX_RESPONSE);
	memset(big, 'a', FW_SIP_MAX_RESPONSE);
	memcpy(big, "SIP/2.0 200 OK\r\nX: ", 19);
	ok(fw_sip_parse_reply(big, FW_SIP_MAX_RESPONSE, &r, &cause) == -1 &&
	    cause != NULL && strstr(cause, "too long") != NULL,
	    "endless headers are cut off at the bound");
	free(big);
	fw_sip_reply_clear(&r);
	free(cause);
}

int
main(void)
{
	test_request();
	test_replies();
	return done_testing();
}

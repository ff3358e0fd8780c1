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

/* Parses len bytes from an exact-size copy, so that ASan sees any read
 * past them. */
static int
parse_bytes(const char *bytes, size_t len, struct fw_sip_reply *r,
    char **cause)
{
	char *copy = malloc(len > 0 ? len : 1);
	int rc;

	memcpy(copy, bytes, len);
	free(*cause);
	*cause = NULL;
	rc = fw_sip_parse_reply(copy, len, r, cause);
	free(copy);
	return rc;
}

/* Whether s is printable ASCII only. */
static int
printable(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	}
	return 1;
}

#define BYTES(lit) (lit), sizeof(lit) - 1

/* A peer is hostile: NUL bytes in every field, high bytes, endless
 * provisional answers. Its text is data of a known length. */
static void
test_hostile(void)
{
	struct fw_sip_reply r;
	char *cause = NULL, *buf;
	size_t len, i;

	memset(&r, 0, sizeof r);
	/* "SIP/2.0 200 \0" and 199 B: the crash of issue 14. */
	buf = malloc(300);
	memcpy(buf, "SIP/2.0 200 \0", 13);
	len = 13;
	memset(buf + len, 'B', 199);
	len += 199;
	memcpy(buf + len, "\r\n\r\n", 4);
	len += 4;
	is_int(parse_bytes(buf, len, &r, &cause), 1,
	    "a NUL starting the reason phrase parses");
	ok(r.reason != NULL && strlen(r.reason) == FW_SIP_TEXT_MAX &&
	    r.reason[0] == '?' && r.reason[1] == 'B' &&
	    r.reason[FW_SIP_TEXT_MAX - 1] == 'B',
	    "the NUL becomes '?', the 199 bytes after it are kept");
	memcpy(buf, "SIP/2.0 200 OK\r\nServer: \0", 25);
	memset(buf + 25, 'C', 250);
	memcpy(buf + 275, "\r\n\r\n", 4);
	is_int(parse_bytes(buf, 279, &r, &cause), 1,
	    "a NUL starting the Server header parses");
	ok(r.agent != NULL && strlen(r.agent) == FW_SIP_TEXT_MAX &&
	    r.agent[0] == '?' && printable(r.agent),
	    "its value is cleaned and cut at the bound");
	free(buf);

	is_int(parse_bytes(BYTES("SIP/2.0 486 B\0s\xff\xc3\xa4y\x1b\r\n"
	    "User-Agent: \0\0x\x80\r\n\r\n"), &r, &cause), 1,
	    "NUL, high and control bytes in reason and User-Agent");
	is_str(r.reason, "B?s???y?", "reason: each such byte becomes '?'");
	is_str(r.agent, "??x?", "User-Agent likewise");
	is_int(parse_bytes(BYTES("SIP/2.0 200 OK\r\nSer\0ver: evil\r\n"
	    "Server\0: evil\r\n\0Server: evil\r\nUser-Agent: ok\r\n\r\n"), &r,
	    &cause), 1, "NULs in header names");
	is_str(r.agent, "ok", "do not make them match Server");
	is_int(parse_bytes(BYTES("SIP/2.0 200 OK\r\nServer:\r\n\r\n"), &r,
	    &cause), 1, "an empty Server header");
	is_str(r.agent, "", "is an empty agent");
	is_int(parse_bytes(BYTES("SIP/2.0 200 \r\n\r\n"), &r, &cause), 1,
	    "an empty reason phrase parses");
	is_str(r.reason, "", "as an empty reason");

	ok(parse_bytes(BYTES("SIP/2\0.0 200 OK\r\n\r\n"), &r, &cause) == -1 &&
	    cause != NULL, "a NUL in SIP/2.0 is not SIP");
	ok(parse_bytes(BYTES("SIP/2.0 2\0" "0 OK\r\n\r\n"), &r, &cause) ==
	    -1 && cause != NULL, "a NUL in the status code is refused");
	ok(parse_bytes(BYTES("SIP/2.0 200\0OK\r\n\r\n"), &r, &cause) == -1,
	    "a NUL for the space after the code is refused");
	ok(parse_bytes(BYTES("SIP/2.0 000 Zero\r\n\r\n"), &r, &cause) == -1 &&
	    cause != NULL && strstr(cause, "status line") != NULL,
	    "status 000 is refused, not taken for a provisional answer");
	ok(parse_bytes(BYTES("SIP/2.0 700 Big\r\n\r\n"), &r, &cause) == -1,
	    "status 700 is refused");
	ok(parse_bytes(BYTES("SIP/2.0 1\0\0 T\r\n\r\nSIP/2.0 200 OK\r\n\r\n"),
	    &r, &cause) == -1, "NULs in a provisional status code are refused");
	is_int(parse_bytes(BYTES("SIP/2.0 183 \0\xff\r\nX\0: \0\r\n\r\n"
	    "SIP/2.0 200 OK\r\n\r\n"), &r, &cause), 1,
	    "NULs in a provisional answer's reason and headers are skipped");
	is_int(r.code, 200, "with the final answer after it");

	/* Bounded provisional answers: FW_SIP_MAX_PROVISIONAL pass. */
	buf = malloc(22 * 10000 + 20);
	for (len = 0, i = 0; i < FW_SIP_MAX_PROVISIONAL; i++, len += 22)
		memcpy(buf + len, "SIP/2.0 100 Trying\r\n\r\n", 22);
	memcpy(buf + len, "SIP/2.0 200 OK\r\n\r\n", 18);
	is_int(parse_bytes(buf, len + 18, &r, &cause), 1,
	    "the most provisional answers allowed, then 200 OK");
	for (len = 0, i = 0; i < 10000; i++, len += 22)
		memcpy(buf + len, "SIP/2.0 100 Trying\r\n\r\n", 22);
	ok(parse_bytes(buf, len, &r, &cause) == -1 && cause != NULL &&
	    strstr(cause, "too many provisional responses") != NULL,
	    "10,000 100 Trying: too many provisional responses");
	ok(parse_bytes(buf, 22 * (FW_SIP_MAX_PROVISIONAL + 1), &r, &cause) ==
	    -1, "one more than allowed is already too many");
	ok(parse_bytes(buf, 22 * FW_SIP_MAX_PROVISIONAL, &r, &cause) == 0,
	    "as many as allowed wait for the final answer");
	free(buf);
	fw_sip_reply_clear(&r);
	free(cause);
}

int
main(void)
{
	test_request();
	test_replies();
	test_hostile();
	return done_testing();
}

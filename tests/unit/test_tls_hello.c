#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fw_tls_hello.h"
#include "tap.h"

/*
 * The ClientHello builder and the reply parser, over crafted bytes: the
 * parser reads hostile network input, so every truncation, every split and
 * every bad length must be told apart from a good reply, and nothing may
 * read past the buffer (the sanitizer build checks that).
 */

struct bytes {
	unsigned char b[8192];
	size_t n;
};

static void
put(struct bytes *o, const void *p, size_t n)
{
	memcpy(o->b + o->n, p, n);
	o->n += n;
}

static void
put8(struct bytes *o, unsigned v)
{
	o->b[o->n++] = (unsigned char)v;
}

static void
put16(struct bytes *o, size_t v)
{
	put8(o, (unsigned)(v >> 8) & 0xff);
	put8(o, (unsigned)v & 0xff);
}

static void
put24(struct bytes *o, size_t v)
{
	put8(o, (unsigned)(v >> 16) & 0xff);
	put16(o, v & 0xffff);
}

/* Handshake messages: ServerHello(version, suite), Certificate with n fake
 * certificates of len bytes each, ServerHelloDone. */
static void
messages(struct bytes *hs, unsigned version, unsigned suite, int ncerts,
    size_t certlen)
{
	unsigned char random[32];
	int i;

	memset(random, 0xab, sizeof random);
	hs->n = 0;
	put8(hs, 2);
	put24(hs, 2 + 32 + 1 + 4 + 2 + 1);
	put16(hs, version);
	put(hs, random, 32);
	put8(hs, 4);		/* a session id */
	put(hs, "sess", 4);
	put16(hs, suite);
	put8(hs, 0);
	if (ncerts > 0) {
		put8(hs, 11);
		put24(hs, 3 + (size_t)ncerts * (3 + certlen));
		put24(hs, (size_t)ncerts * (3 + certlen));
		for (i = 0; i < ncerts; i++) {
			put24(hs, certlen);
			memset(hs->b + hs->n, 0x30 + i, certlen);
			hs->n += certlen;
		}
	}
	put8(hs, 14);
	put24(hs, 0);
}

/* Wraps handshake bytes in records of at most frag bytes each. */
static void
records(struct bytes *out, const struct bytes *hs, size_t frag)
{
	size_t off, n;

	out->n = 0;
	for (off = 0; off < hs->n; off += n) {
		n = hs->n - off < frag ? hs->n - off : frag;
		put8(out, 22);
		put16(out, 0x0303);
		put16(out, n);
		put(out, hs->b + off, n);
	}
}

static enum fw_hello_state
parse(const struct bytes *in, size_t len, struct fw_hello_reply *r,
    char **cause)
{
	free(*cause);
	*cause = NULL;
	return fw_tls_hello_parse(in->b, len, r, cause);
}

static void
test_build(void)
{
	unsigned char out[FW_TLS_HELLO_MAX_HELLO], random[32];
	char longname[300];
	size_t n, i;
	int found = 0;

	memset(random, 7, sizeof random);
	n = fw_tls_hello_build(FW_TLS_V1_2, "fe1.ocs.test", random, out,
	    sizeof out);
	ok(n > 60, "a TLS 1.2 ClientHello is built (%zu bytes)", n);
	is_int(out[0], 22, "it is a handshake record");
	is_int((out[3] << 8 | out[4]) + 5, n, "the record length covers it");
	is_int(out[5], 1, "holding a ClientHello");
	is_int(out[9] << 8 | out[10], 0x0303, "client_version TLS 1.2");
	ok(memcmp(out + 11, random, 32) == 0, "with the given random");
	is_int(out[43], 0, "no session id");
	is_int(out[44] << 8 | out[45], 2, "one cipher suite offered");
	is_int(out[46] << 8 | out[47], 0x000A, "and it is 0x000A");
	for (i = 0; i + 12 <= n; i++)
		found |= memcmp(out + i, "fe1.ocs.test", 12) == 0;
	ok(found, "the host name goes out as SNI");

	n = fw_tls_hello_build(FW_TLS_V1_0, "192.0.2.1", random, out,
	    sizeof out);
	is_int(out[9] << 8 | out[10], 0x0301, "client_version TLS 1.0");
	for (found = 0, i = 0; i + 9 <= n; i++)
		found |= memcmp(out + i, "192.0.2.1", 9) == 0;
	ok(!found, "an IP address is never sent as SNI");

	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	is_int(fw_tls_hello_build(FW_TLS_V1_2, longname, random, out,
	    sizeof out), 0, "a name over 255 bytes is refused");
	is_int(fw_tls_hello_build(FW_TLS_V1_2, NULL, random, out, 16), 0,
	    "a too small buffer is refused");
}

static void
test_good_reply(void)
{
	struct fw_hello_reply r;
	struct bytes hs, in;
	char *cause = NULL;
	size_t len;
	int bad = 0, early = 0;

	memset(&r, 0, sizeof r);
	messages(&hs, 0x0303, 0x000A, 2, 300);
	records(&in, &hs, 16384);
	is_int(parse(&in, in.n, &r, &cause), FW_HELLO_DONE,
	    "a ServerHello, Certificate, ServerHelloDone reply is complete");
	ok(r.have_server_hello, "the ServerHello is seen");
	is_int(r.version, 0x0303, "its version");
	is_int(r.suite, 0x000A, "its suite");
	is_int(r.n_certs, 2, "both certificates are kept");
	is_int(r.cert_lens[1], 300, "with their lengths");
	ok(r.certs[1][0] == 0x31 && r.certs[1][299] == 0x31,
	    "and their bytes");
	ok(r.have_done && !r.have_alert, "ServerHelloDone, no alert");

	/* Every truncation is "read more", never a verdict. */
	for (len = 0; len < in.n; len++) {
		enum fw_hello_state st = parse(&in, len, &r, &cause);

		bad += st == FW_HELLO_MALFORMED;
		early += st == FW_HELLO_DONE;
	}
	is_int(bad, 0, "no prefix of a good reply is malformed");
	is_int(early, 0, "no prefix of a good reply is complete");

	/* Handshake messages split across records of 7 bytes. */
	records(&in, &hs, 7);
	is_int(parse(&in, in.n, &r, &cause), FW_HELLO_DONE,
	    "messages split across 7-byte records are reassembled");
	is_int(r.n_certs, 2, "and the certificates found");
	fw_hello_reply_clear(&r);
	free(cause);
}

static void
test_alerts(void)
{
	static const unsigned char alert[] = { 21, 3, 3, 0, 2, 2, 40 };
	struct fw_hello_reply r;
	struct bytes in;
	char *cause = NULL;

	memset(&r, 0, sizeof r);
	in.n = 0;
	put(&in, alert, sizeof alert);
	is_int(parse(&in, in.n, &r, &cause), FW_HELLO_DONE,
	    "an alert ends the exchange");
	ok(r.have_alert && !r.have_server_hello, "it is an alert");
	is_int(r.alert_level, 2, "fatal");
	is_int(r.alert_desc, 40, "handshake_failure");
	is_int(parse(&in, 6, &r, &cause), FW_HELLO_NEED_MORE,
	    "half an alert record needs more");
	fw_hello_reply_clear(&r);
	free(cause);
}

static void
expect_malformed(const struct bytes *in, const char *what)
{
	struct fw_hello_reply r;
	char *cause = NULL;

	memset(&r, 0, sizeof r);
	is_int(parse(in, in->n, &r, &cause), FW_HELLO_MALFORMED, "%s", what);
	ok(cause != NULL && strstr(cause, "malformed TLS reply") != NULL,
	    "%s: says so (%s)", what, cause ? cause : "no message");
	fw_hello_reply_clear(&r);
	free(cause);
}

static void
test_malformed(void)
{
	struct bytes hs, in, tmp;

	in.n = 0;
	put(&in, "SIP/2.0 400 Bad Request\r\n\r\n", 27);
	expect_malformed(&in, "a SIP answer is not TLS");

	in.n = 0;
	put8(&in, 22);
	put16(&in, 0x0303);
	put16(&in, 16384 + 2048 + 1);
	expect_malformed(&in, "an oversized record length is refused");

	in.n = 0;
	put8(&in, 22);
	put16(&in, 0x0303);
	put16(&in, 0);
	expect_malformed(&in, "an empty handshake record is refused");

	hs.n = 0;
	put8(&hs, 2);
	put24(&hs, 0xffffff);
	records(&in, &hs, 16384);
	expect_malformed(&in, "an oversized handshake message is refused");

	hs.n = 0;
	put8(&hs, 11);
	put24(&hs, 3);
	put24(&hs, 0);
	records(&in, &hs, 16384);
	expect_malformed(&in, "a Certificate before the ServerHello");

	messages(&hs, 0x0303, 0x000A, 0, 0);
	hs.b[38] = 33;		/* session id length */
	records(&in, &hs, 16384);
	expect_malformed(&in, "a session id over 32 bytes is refused");

	/* The certificate list length disagrees with the message. */
	messages(&hs, 0x0303, 0x000A, 1, 10);
	hs.b[46 + 4 + 2] += 1;	/* list length, low byte */
	records(&in, &hs, 16384);
	expect_malformed(&in, "a certificate list longer than its message");

	/* One certificate claims more bytes than the list holds. */
	messages(&hs, 0x0303, 0x000A, 1, 10);
	hs.b[46 + 4 + 3 + 2] = 200;	/* first length, low byte */
	records(&in, &hs, 16384);
	expect_malformed(&in, "a certificate longer than its list");

	messages(&hs, 0x0303, 0x000A, 0, 0);
	tmp = hs;
	hs.n = 0;
	put(&hs, tmp.b, 46);	/* the ServerHello */
	put(&hs, tmp.b, 46);	/* the ServerHello */
	records(&in, &hs, 16384);
	expect_malformed(&in, "a second ServerHello is refused");

	in.n = 0;
	put8(&in, 23);
	put16(&in, 0x0303);
	put16(&in, 1);
	put8(&in, 0);
	expect_malformed(&in, "application data before the handshake");
}

static void
test_limits(void)
{
	struct fw_hello_reply r;
	struct bytes hs, in;
	unsigned char *big;
	char *cause = NULL;

	memset(&r, 0, sizeof r);
	messages(&hs, 0x0301, 0x000A, 12, 20);
	records(&in, &hs, 16384);
	is_int(parse(&in, in.n, &r, &cause), FW_HELLO_DONE,
	    "a chain of 12 certificates parses");
	is_int(r.n_certs, FW_TLS_HELLO_MAX_CERTS, "at most %d are kept",
	    FW_TLS_HELLO_MAX_CERTS);
	is_int(r.version, 0x0301, "a TLS 1.0 ServerHello");

	big = calloc(1, FW_TLS_HELLO_MAX_INPUT + 1);
	memcpy(big, in.b, in.n);
	is_int(fw_tls_hello_parse(big, FW_TLS_HELLO_MAX_INPUT + 1, &r,
	    &cause), FW_HELLO_MALFORMED, "input over the bound is refused");
	free(big);
	fw_hello_reply_clear(&r);
	free(cause);
}

/* Mutated good replies: whatever the parser says, it says one of its three
 * answers and never reads outside the buffer (ASan in --sanitize). */
static void
test_mutations(void)
{
	struct fw_hello_reply r;
	struct bytes hs, in;
	uint32_t seed = 12345;
	char *cause = NULL;
	int i, sane = 0;
	enum fw_hello_state st;

	memset(&r, 0, sizeof r);
	messages(&hs, 0x0303, 0x000A, 3, 40);
	for (i = 0; i < 20000; i++) {
		records(&in, &hs, 1 + i % 50);
		seed = seed * 1103515245 + 12345;
		in.b[(seed >> 8) % in.n] ^= (unsigned char)(1 + (seed >> 20) % 255);
		seed = seed * 1103515245 + 12345;
		st = parse(&in, (seed >> 8) % (in.n + 1), &r, &cause);
		sane += st == FW_HELLO_NEED_MORE || st == FW_HELLO_DONE ||
		    (st == FW_HELLO_MALFORMED && cause != NULL);
	}
	is_int(sane, 20000, "20000 mutated replies each get a verdict");
	fw_hello_reply_clear(&r);
	free(cause);
}

int
main(void)
{
	test_build();
	test_good_reply();
	test_alerts();
	test_malformed();
	test_limits();
	test_mutations();
	return done_testing();
}

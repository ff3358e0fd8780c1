/*
 * libFuzzer target: the read-back parser and the comparison after it. A
 * refused input must give one line and no read-back; an accepted one must
 * hold only what the parser promises (its format and version, strings of
 * valid UTF-8 without NUL within their limits), and comparing it with a
 * Lync project must give every result a summary.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_model.h"
#include "fw_readback.h"
#include "fw_util.h"
#include "fw_verify.h"

static void
check_text(const char *what, const char *s, size_t max)
{
	size_t len;

	if (s == NULL)
		fuzz_fail("%s: NULL", what);
	len = strlen(s);
	if (len > max || !fw_utf8_valid(s, len))
		fuzz_fail("%s: over %zu bytes or not UTF-8", what, max);
}

static void
check_strv(const char *what, const struct fw_rb_strv *sv)
{
	size_t i;

	if (sv->n > FW_READBACK_MAX_ENTRIES)
		fuzz_fail("%s: %zu entries", what, sv->n);
	for (i = 0; i < sv->n; i++)
		check_text(what, sv->v[i], FW_READBACK_MAX_STRING);
}

static void
check_readback(const struct fw_readback *rb)
{
	size_t i;

	if (strcmp(rb->format, FW_READBACK_FORMAT) != 0 ||
	    rb->version != FW_READBACK_VERSION)
		fuzz_fail("accepted another format or version");
	check_text("Target", rb->target, FW_READBACK_MAX_STRING);
	check_text("ComputerFqdn", rb->computer_fqdn, FW_READBACK_MAX_STRING);
	check_strv("RoutingScopes", &rb->scopes);
	for (i = 0; i < rb->n_routes; i++) {
		check_text("MatchUri", rb->routes[i].match_uri,
		    FW_READBACK_MAX_STRING);
		if (rb->routes[i].port < 0 || rb->routes[i].port > 65535)
			fuzz_fail("a route's port out of range");
	}
	for (i = 0; i < rb->n_pools; i++)
		check_strv("Computers", &rb->pools[i].computers);
	for (i = 0; i < rb->n_certs; i++)
		check_text("Der", rb->certs[i].der, FW_READBACK_MAX_DER);
}

/* The project of tests/fixtures/readback/lync-enterprise.answers. */
static struct fw_deployment *
project(void)
{
	struct fw_deployment *d = fw_deployment_new();

	d->edition = FW_EDITION_ENTERPRISE;
	fw_add_imp_domain(d, "imp.example.com", "impa.cup.example.com");
	fw_add_imp_domain(d, "presence.imp.example.com",
	    "impa.cup.example.com");
	fw_add_imp_node(d, "impa.cup.example.com", "192.0.2.11");
	fw_add_imp_node(d, "impb.cup.example.com", "192.0.2.12");
	fw_add_imp_node(d, "impc.cup.example.com", "192.0.2.13");
	fw_add_ocs_domain(d, "ocs.test", NULL);
	fw_add_ocs_pool(d, "pool1.ocs.test");
	fw_add_ocs_server(d, "fe1.ocs.test", "198.51.100.21", "ocs.test",
	    "pool1.ocs.test", FW_ROUTE_PRIMARY);
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fw_verify v = { NULL, NULL, NULL, 0 };
	struct fw_deployment *d = NULL;
	struct fw_readback *rb;
	char *cause = NULL, *copy;
	size_t i;

	/* An exact-size copy, so reading past len is caught by ASan. */
	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	rb = fw_readback_parse(copy, size, "fuzz.json", &cause);
	if (rb == NULL) {
		if (cause == NULL || cause[0] == '\0' ||
		    strchr(cause, '\n') != NULL)
			fuzz_fail("refused without one line saying why");
		goto out;
	}
	if (cause != NULL)
		fuzz_fail("accepted, yet a cause was given");
	check_readback(rb);
	d = project();
	fw_verify_run(d, rb, "pool1.ocs.test", 0, &v);
	for (i = 0; i < v.n; i++) {
		if (v.items[i].summary == NULL || v.items[i].name == NULL)
			fuzz_fail("a result without summary or name");
	}
out:
	fw_verify_clear(&v);
	fw_deployment_free(d);
	fw_readback_free(rb);
	free(cause);
	free(copy);
	return 0;
}

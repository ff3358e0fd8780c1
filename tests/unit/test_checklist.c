#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_checklist.h"
#include "fw_model.h"
#include "fw_pattern.h"
#include "fw_render.h"
#include "fw_util.h"
#include "tap.h"

/* The builder, its ids and fingerprints, ticks, and what the renderers
 * make of awkward text. */

static struct fw_deployment *
tcp_standard(void)
{
	struct fw_deployment *d = fw_deployment_new();

	d->transport = FW_TRANSPORT_TCP;
	d->edition = FW_EDITION_STANDARD;
	fw_add_imp_domain(d, "foo.com", NULL);
	fw_add_imp_node(d, "cup1.foo.com", "192.0.2.11");
	fw_add_imp_node(d, "cup2.foo.com", "192.0.2.12");
	fw_add_ocs_domain(d, "domaina.com", "HQ");
	fw_add_ocs_server(d, "se1.domaina.com", "198.51.100.1", "domaina.com",
	    NULL, FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "se2.domaina.com", "198.51.100.2", "domaina.com",
	    NULL, FW_ROUTE_BACKUP);
	return d;
}

static struct fw_deployment *
tls_enterprise(void)
{
	struct fw_deployment *d = fw_deployment_new();

	d->transport = FW_TRANSPORT_TLS;
	d->edition = FW_EDITION_ENTERPRISE;
	fw_add_imp_domain(d, "foo.com", NULL);
	fw_add_imp_domain(d, "bar.com", "cup2.foo.com");
	fw_add_imp_node(d, "cup1.foo.com", "192.0.2.11");
	fw_add_imp_node(d, "cup2.foo.com", "192.0.2.12");
	fw_add_imp_node(d, "cup3.foo.com", "192.0.2.13");
	fw_add_ocs_domain(d, "domaina.com", "R&D <lab> \"x\"");
	fw_add_ocs_domain(d, "domainb.com", NULL);
	fw_add_ocs_pool(d, "pool1.domaina.com");
	fw_add_ocs_pool(d, "pool2.domainb.com");
	fw_add_ocs_server(d, "fe1.domaina.com", "198.51.100.1", "domaina.com",
	    "pool1.domaina.com", FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe2.domaina.com", "198.51.100.2", "domaina.com",
	    "pool1.domaina.com", FW_ROUTE_BACKUP);
	fw_add_ocs_server(d, "fe1.domainb.com", "198.51.100.3", "domainb.com",
	    "pool2.domainb.com", FW_ROUTE_PRIMARY);
	return d;
}

/* Items whose id starts with prefix and ends with suffix. */
static size_t
count_ids(const struct fw_checklist *cl, const char *prefix,
    const char *suffix)
{
	size_t g, i, n = 0, lp = strlen(prefix), ls = strlen(suffix), l;

	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++) {
			const char *id = cl->groups[g].items[i].id;

			l = strlen(id);
			n += strncmp(id, prefix, lp) == 0 && l >= ls &&
			    strcmp(id + l - ls, suffix) == 0;
		}
	}
	return n;
}

/* The value of a field of an item, by label. */
static const char *
field(const struct fw_check_item *it, const char *label)
{
	size_t i;

	for (i = 0; it != NULL && i < it->n_fields; i++) {
		if (strcmp(it->fields[i].label, label) == 0)
			return it->fields[i].value;
	}
	return NULL;
}

static char *
fp_of(const struct fw_deployment *d, const char *id)
{
	struct fw_checklist *cl = fw_checklist_build(d);
	const struct fw_check_item *it = fw_checklist_find(cl, id);
	char *fp = it != NULL ? xstrdup(it->fingerprint) : NULL;

	fw_checklist_free(cl);
	return fp;
}

static void
test_pattern(void)
{
	char *p;

	p = fw_dest_pattern("domaina.com");
	is_str(p, ".com.domaina.*", "the guide's example reversed");
	free(p);
	p = fw_dest_pattern("ocs.contoso.test.");
	is_str(p, ".test.contoso.ocs.*", "a trailing dot is ignored");
	free(p);
	p = fw_dest_pattern("localdomain");
	is_str(p, ".localdomain.*", "one label");
	free(p);
}

static void
test_tcp_standard(void)
{
	struct fw_deployment *d = tcp_standard();
	struct fw_checklist *cl = fw_checklist_build(d);
	const struct fw_check_item *r1, *r2, *it;

	is_int(cl->n_groups, 5,
	    "publisher, node, two Standard servers, Verify");
	is_str(cl->groups[0].title, "IM and Presence publisher cup1.foo.com "
	    "(192.0.2.11)", "publisher title: role, FQDN, IP");
	is_str(cl->groups[2].role, "OCS Standard Edition server",
	    "OCS server role");
	is_int(count_ids(cl, "imp.xcp.", ""), 2, "one XCP restart per node");
	is_int(count_ids(cl, "imp.sipfed.", ""), 1, "one federated domain");
	is_int(count_ids(cl, "imp.route.", ""), 2,
	    "one IM&P route per domain and next hop");
	is_int(count_ids(cl, "ocs.", ".ip"), 4,
	    "host authorization by IP: 2 nodes x 2 servers");
	is_int(count_ids(cl, "ocs.", ".fqdn"), 0, "no FQDN entries under TCP");
	is_int(count_ids(cl, "ocs.", ".cert"), 0, "no certificates under TCP");
	is_int(count_ids(cl, "imp.tls", ""), 0, "no TLS peers under TCP");
	is_int(count_ids(cl, "ocs.", ".fips"), 0, "no FIPS under TCP");
	is_int(cl->n_skipped, 3, "steps 6, 8, 9 left out, each with a line");
	ok(cl->n_skipped > 0 && strstr(cl->skipped[0], "TCP") != NULL,
	    "the line says why");

	r1 = fw_checklist_find(cl, "imp.route.domaina.com.se1.domaina.com");
	r2 = fw_checklist_find(cl, "imp.route.domaina.com.se2.domaina.com");
	is_str(field(r1, "Destination Pattern"), ".com.domaina.*",
	    "the route's pattern is reversed");
	is_str(field(r1, "Next Hop"), "198.51.100.1", "TCP next hop: the IP");
	is_str(field(r1, "Next Hop Port"), "5060", "TCP port 5060");
	is_str(field(r1, "Protocol Type"), "TCP", "protocol TCP");
	is_str(field(r1, "Route Type"), "Domain", "route type Domain");
	ok(r1 != NULL && r2 != NULL && atoi(field(r2, "Priority")) >
	    atoi(field(r1, "Priority")), "the backup has a larger priority "
	    "number (a lower priority)");

	it = fw_checklist_find(cl, "ocs.se1.domaina.com.route.foo.com");
	is_str(field(it, "Next Hop IP Address"), "192.0.2.11",
	    "OCS route to the first node's IP under TCP");
	is_str(field(it, "Phone URI"), "unchecked", "Phone URI unchecked");
	is_str(field(it, "Replace host in request URI"), "unchecked",
	    "Replace host unchecked");
	it = fw_checklist_find(cl,
	    "ocs.se2.domaina.com.hostauth.cup2.foo.com.ip");
	is_str(field(it, "IP"), "192.0.2.12", "host authorization by IP");
	is_str(field(it, "Throttle as Server"), "checked", "Throttle checked");
	is_str(field(it, "Treat as Authenticated"), "checked",
	    "Treat as Authenticated checked");
	is_str(field(it, "Outbound Only"), "unchecked", "Outbound unchecked");
	it = fw_checklist_find(cl, "imp.xcp.cup2.foo.com");
	ok(it != NULL && strstr(it->text, "Restart") != NULL &&
	    it->note != NULL && strstr(it->note, "do not Stop and Start"),
	    "XCP item says Restart and warns against Stop/Start");
	is_int(cl->n_done, 0, "nothing done yet");
	fw_checklist_free(cl);
	fw_deployment_free(d);
}

static void
test_tls_enterprise(void)
{
	struct fw_deployment *d = tls_enterprise();
	struct fw_checklist *cl = fw_checklist_build(d);
	const struct fw_check_item *it;

	is_int(count_ids(cl, "imp.xcp.", ""), 3, "three XCP restarts");
	is_int(count_ids(cl, "ocs.pool", ".ip"), 6,
	    "host authorization by IP: 3 nodes x 2 pools");
	is_int(count_ids(cl, "ocs.pool", ".fqdn"), 6,
	    "and by FQDN under TLS");
	is_int(count_ids(cl, "ocs.pool", ".route.foo.com") +
	    count_ids(cl, "ocs.pool", ".route.bar.com"), 4,
	    "an OCS route per IM&P domain per pool");
	is_int(count_ids(cl, "imp.tlspeer.", ""), 3, "a TLS peer per server");
	is_int(count_ids(cl, "ocs.fe", ".cert"), 3, "a certificate per FE");
	is_int(count_ids(cl, "ocs.fe", ".listener"), 3, "a listener per FE");
	is_int(count_ids(cl, "ocs.pool", ".listener"), 0,
	    "no listener on a pool");
	is_int(cl->n_skipped, 0, "nothing left out under TLS");
	it = fw_checklist_find(cl, "ocs.pool1.domaina.com.route.bar.com");
	is_str(field(it, "Next Hop FQDN"), "cup2.foo.com",
	    "TLS OCS route to route_to's FQDN");
	is_str(field(it, "Next Hop Port"), "5061", "TLS port 5061");
	it = fw_checklist_find(cl, "imp.route.domaina.com.fe1.domaina.com");
	is_str(field(it, "Next Hop"), "fe1.domaina.com", "TLS next hop FQDN");
	is_str(field(it, "Protocol Type"), "TLS", "protocol TLS");
	it = fw_checklist_find(cl, "imp.tlscontext.cipher");
	is_str(field(it, "Selected TLS Ciphers"),
	    "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "the 3DES cipher");
	fw_checklist_free(cl);
	fw_deployment_free(d);
}

static void
test_fingerprints(void)
{
	struct fw_deployment *d = tls_enterprise();
	const char *route = "ocs.pool1.domaina.com.route.foo.com";
	const char *xcp = "imp.xcp.cup3.foo.com";
	char *r0 = fp_of(d, route), *x0 = fp_of(d, xcp), *r1, *x1;
	const struct fw_check_item *it;
	struct fw_checklist *cl;

	ok(r0 != NULL && strlen(r0) == 64, "a fingerprint is SHA-256 hex");
	r1 = fp_of(d, route);
	is_str(r1, r0, "the same values give the same fingerprint");
	free(r1);

	free(d->ocs_domains[1].description);
	d->ocs_domains[1].description = xstrdup("edited");
	r1 = fp_of(d, route);
	x1 = fp_of(d, xcp);
	is_str(r1, r0, "an OCS domain's description leaves the OCS route");
	ok(x1 != NULL && strcmp(x1, x0) != 0,
	    "editing a federated domain changes the XCP restart");
	free(r1);
	free(x1);

	free(d->imp_nodes[0].fqdn);
	d->imp_nodes[0].fqdn = xstrdup("cup9.foo.com");
	r1 = fp_of(d, route);
	ok(r1 != NULL && strcmp(r1, r0) != 0,
	    "a new next hop changes the route's fingerprint");
	free(r1);

	x1 = fp_of(d, xcp);
	fw_add_ocs_domain(d, "domainc.com", NULL);
	r1 = fp_of(d, xcp);
	ok(r1 != NULL && x1 != NULL && strcmp(r1, x1) != 0,
	    "adding a federated domain changes the XCP restart");
	free(r1);
	free(x1);
	x1 = fp_of(d, "imp.cuptrust.cup9.foo.com");
	fw_set_cert(d, FW_CERT_OCS_CA, "-----BEGIN CERTIFICATE-----\n",
	    "ocs-root.pem", "AB:CD");
	r1 = fp_of(d, "imp.cuptrust.cup9.foo.com");
	ok(r1 != NULL && x1 != NULL && strcmp(r1, x1) != 0,
	    "a new OCS CA changes its cup-trust upload");
	free(r1);
	free(x1);
	cl = fw_checklist_build(d);
	it = fw_checklist_find(cl, "imp.cuptrust.cup9.foo.com");
	is_str(field(it, "Upload File"), "ocs-root.pem",
	    "the upload names the CA's file");
	is_str(field(it, "SHA-256"), "AB:CD", "and its fingerprint");
	fw_checklist_free(cl);
	free(r0);
	free(x0);
	fw_deployment_free(d);
}

static void
test_ticks(void)
{
	struct fw_deployment *d = tcp_standard();
	const char *id = "imp.route.domaina.com.se1.domaina.com";
	char *fp = fp_of(d, id);
	struct fw_checklist *cl;

	fw_add_tick(d, id, fp, "admin", "2026-01-01 00:00:00");
	fw_add_tick(d, "imp.listener", NULL, NULL, NULL);
	fw_add_tick(d, "no.such.item", "00", NULL, NULL);
	cl = fw_checklist_build(d);
	is_int(fw_checklist_find(cl, id)->state, FW_ITEM_DONE,
	    "a tick with the current fingerprint is done");
	is_int(fw_checklist_find(cl, "imp.listener")->state, FW_ITEM_DONE,
	    "a tick without a fingerprint is done");
	is_int(cl->n_done, 2, "two done; a stale tick counts for nothing");
	is_str(fw_checklist_find(cl, id)->ticked_by, "admin",
	    "a done item knows who ticked it");
	is_str(fw_checklist_find(cl, id)->ticked_at, "2026-01-01 00:00:00",
	    "... and when");
	ok(fw_checklist_find(cl, "imp.xcp.cup1.foo.com")->ticked_by == NULL,
	    "an open item has no ticker");
	fw_checklist_free(cl);

	free(d->ocs_servers[0].ip);
	d->ocs_servers[0].ip = xstrdup("198.51.100.9");
	cl = fw_checklist_build(d);
	is_int(fw_checklist_find(cl, id)->state, FW_ITEM_CHANGED,
	    "a new next hop IP: changed since done");
	is_int(cl->n_done, 1, "a changed item is not done");
	is_int(cl->n_changed, 1, "and is counted as changed");
	is_str(fw_item_state_name(FW_ITEM_CHANGED), "changed since done",
	    "the state's name");
	fw_checklist_free(cl);
	free(fp);
	fw_deployment_free(d);
}

/* Ticks are looked up in a sorted index: of two ticks of one item the
 * first still decides, however many other ticks there are. */
static void
test_tick_order(void)
{
	struct fw_deployment *d = tcp_standard();
	const char *id = "imp.route.domaina.com.se1.domaina.com";
	char *fp = fp_of(d, id), name[64];
	struct fw_checklist *cl;
	int i;

	for (i = 0; i < 500; i++) {
		snprintf(name, sizeof name, "other.%03d", i);
		fw_add_tick(d, name, NULL, NULL, NULL);
	}
	fw_add_tick(d, id, "stale", "first", NULL);
	fw_add_tick(d, id, fp, "second", NULL);
	fw_add_tick(d, "imp.listener", fp, "again", NULL);
	fw_add_tick(d, "imp.listener", NULL, "later", NULL);
	cl = fw_checklist_build(d);
	is_int(fw_checklist_find(cl, id)->state, FW_ITEM_CHANGED,
	    "the first of two ticks decides: its fingerprint is stale");
	is_str(fw_checklist_find(cl, id)->ticked_by, "first",
	    "... and it is the first tick's ticker");
	is_str(fw_checklist_find(cl, "imp.listener")->ticked_by, "again",
	    "the first of two ticks of another item");
	is_int(cl->n_done, 0, "no other tick matches an item");
	is_int(cl->n_changed, 2, "both items are changed since done");
	fw_checklist_free(cl);
	free(fp);
	fw_deployment_free(d);
}

/* The widest line of text, in columns (UTF-8: one per character here). */
static size_t
widest(const char *text)
{
	size_t w = 0, cols = 0;
	const unsigned char *s;

	for (s = (const unsigned char *)text; *s != '\0'; s++) {
		if (*s == '\n') {
			w = cols > w ? cols : w;
			cols = 0;
		} else if ((*s & 0xc0) != 0x80) {
			cols++;
		}
	}
	return cols > w ? cols : w;
}

/* Every id and fingerprint of d's checklist, ticked in d. */
static void
tick_all(struct fw_deployment *d)
{
	struct fw_checklist *cl = fw_checklist_build(d);
	size_t g, i;

	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++)
			fw_add_tick(d, cl->groups[g].items[i].id,
			    cl->groups[g].items[i].fingerprint, "admin",
			    "2026-01-01 00:00:00");
	}
	fw_checklist_free(cl);
}

/* fw_checklist_count() against the full build of the same deployment. */
static void
same_counts(const struct fw_deployment *d, const char *what)
{
	struct fw_checklist *cl = fw_checklist_build(d);
	size_t n_items = 0, n_done = 0, n_changed = 0;

	fw_checklist_count(d, &n_items, &n_done, &n_changed);
	is_int(n_items, cl->n_items, "%s", what);
	is_int(n_done, cl->n_done, "... as many done");
	is_int(n_changed, cl->n_changed, "... as many changed");
	fw_checklist_free(cl);
}

/* The wizard's progress comes from the count, the Checklist pane from the
 * build: they must agree for done, changed and open items alike. */
static void
test_count(void)
{
	struct fw_deployment *(*fixture[])(void) = { tcp_standard,
	    tls_enterprise };
	const char *name[] = { "TCP/Standard", "TLS/Enterprise" };
	struct fw_deployment *d;
	struct fw_checklist *cl;
	const struct fw_check_group *last;
	char what[96];
	size_t k, n_items, n_done, n_changed;

	for (k = 0; k < 2; k++) {
		d = fixture[k]();
		snprintf(what, sizeof what, "%s, nothing ticked: as many items "
		    "counted as built", name[k]);
		same_counts(d, what);

		/* First item done, the listener done by an answers file's
		 * [done] (no fingerprint), the last item ticked with another
		 * item's fingerprint (changed), a tick of no item. */
		cl = fw_checklist_build(d);
		last = &cl->groups[cl->n_groups - 1];
		fw_add_tick(d, cl->groups[0].items[0].id,
		    cl->groups[0].items[0].fingerprint, "admin", NULL);
		fw_add_tick(d, "imp.listener", NULL, NULL, NULL);
		fw_add_tick(d, last->items[last->n_items - 1].id,
		    cl->groups[0].items[0].fingerprint, "admin", NULL);
		fw_add_tick(d, "no.such.item", NULL, NULL, NULL);
		fw_checklist_free(cl);
		fw_checklist_count(d, &n_items, &n_done, &n_changed);
		is_int(n_done, 2, "%s: two done by count", name[k]);
		is_int(n_changed, 1, "... one changed since done");
		snprintf(what, sizeof what, "%s with done, changed and open "
		    "items: the count agrees with the build", name[k]);
		same_counts(d, what);

		/* Everything ticked, then a value every TLS route and lookup
		 * shows changes: some changed, the rest still done. */
		tick_all(d);
		free(d->imp_nodes[1].ip);
		d->imp_nodes[1].ip = xstrdup("192.0.2.99");
		fw_checklist_count(d, &n_items, &n_done, &n_changed);
		ok(n_changed > 0 && n_done > 0 && n_done + n_changed <=
		    n_items, "%s: a new node IP: some items changed, others "
		    "done", name[k]);
		snprintf(what, sizeof what, "%s, all ticked, one IP changed: "
		    "the count agrees with the build", name[k]);
		same_counts(d, what);
		fw_deployment_free(d);
	}
}

/* bench/'s large deployment: its checklist takes several of the arena's
 * huge-page blocks, and each pool's group holds 400 host authorization
 * items, moved into the arena when the group ends. Under the sanitizer
 * build this is what reads and frees all of that. */
static void
test_large(void)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_checklist *cl;
	const struct fw_check_item *it;
	char a[64], b[64], c[64], e[64];
	size_t g, i, n = 0, bad = 0, todo;
	int k;

	d->transport = FW_TRANSPORT_TLS;
	d->edition = FW_EDITION_ENTERPRISE;
	for (k = 0; k < 200; k++) {
		snprintf(a, sizeof a, "cup%d.example.com", k);
		snprintf(b, sizeof b, "10.0.%d.%d", k / 256, k % 256);
		fw_add_imp_node(d, a, b);
	}
	for (k = 0; k < 20; k++) {
		snprintf(a, sizeof a, "d%d.example.com", k);
		snprintf(b, sizeof b, "cup%d.example.com", k * 10);
		fw_add_imp_domain(d, a, b);
	}
	for (k = 0; k < 50; k++) {
		snprintf(a, sizeof a, "o%d.ocs.test", k);
		fw_add_ocs_domain(d, a, NULL);
		snprintf(a, sizeof a, "pool%d.ocs.test", k);
		fw_add_ocs_pool(d, a);
	}
	for (k = 0; k < 200; k++) {
		snprintf(a, sizeof a, "fe%d.ocs.test", k);
		snprintf(b, sizeof b, "172.16.%d.%d", k / 256, k % 256);
		snprintf(c, sizeof c, "o%d.ocs.test", k % 50);
		snprintf(e, sizeof e, "pool%d.ocs.test", k % 50);
		fw_add_ocs_server(d, a, b, c, e, k < 50 ? FW_ROUTE_PRIMARY :
		    FW_ROUTE_BACKUP);
	}
	same_counts(d, "large deployment: as many items counted as built");
	cl = fw_checklist_build(d);
	is_int(count_ids(cl, "ocs.pool7.ocs.test.hostauth.", ".ip"), 200,
	    "large deployment: a pool authorizes each of 200 nodes by IP");
	is_int(count_ids(cl, "ocs.", ".fqdn"), 50 * 200,
	    "... and under TLS by FQDN on each of 50 pools");
	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++) {
			it = &cl->groups[g].items[i];
			n++;
			bad += it->id == NULL || it->text == NULL ||
			    it->fingerprint == NULL ||
			    strlen(it->fingerprint) != 64;
		}
	}
	is_int(n, cl->n_items, "... every item in a group");
	is_int(bad, 0, "... each with its id, text and fingerprint");
	it = fw_checklist_find(cl,
	    "ocs.pool49.ocs.test.hostauth.cup199.example.com.ip");
	is_str(it != NULL ? field(it, "IP") : NULL, "10.0.0.199",
	    "... the last pool's last entry holds its node's IP");
	fw_checklist_free(cl);

	tick_all(d);
	free(d->imp_nodes[3].ip);
	d->imp_nodes[3].ip = xstrdup("10.9.9.9");
	cl = fw_checklist_build(d);
	todo = cl->n_items - cl->n_done;
	fw_checklist_keep_todo(cl);
	for (n = 0, g = 0; g < cl->n_groups; g++)
		n += cl->groups[g].n_items;
	ok(todo > 0 && n == todo, "all ticked, one node's IP changed: "
	    "--todo keeps the %zu items not done", todo);
	fw_checklist_free(cl);
	fw_deployment_free(d);
}

static void
test_render(void)
{
	struct fw_deployment *d = tls_enterprise();
	struct fw_render_info info;
	struct fw_checklist *cl;
	char *text, *cause = NULL;

	free(d->ocs_domains[1].description);
	d->ocs_domains[1].description = xstrdup("Zweigstelle Köln — "
	    "ein sehr langer Text ohne Ende, der umbrochen werden muss, "
	    "damit er auf eine gedruckte Seite passt");
	fw_add_ocs_domain(d, "domainc.com", " two  spaces,   one kept ");
	fw_add_ocs_domain(d, "domaind.com", "Größe Größe Größe Größe Größe "
	    "Größe Größe Größe Größe Größe x Ende");
	d->name = xstrdup("A & B <c>");
	setenv("SOURCE_DATE_EPOCH", "86400", 1);
	ok(fw_render_info_init(&info, d, "p.fedwiz", &cause) == 0,
	    "render info");
	is_str(info.date, "1970-01-02 00:00 UTC", "SOURCE_DATE_EPOCH honoured");
	cl = fw_checklist_build(d);

	text = fw_render(FW_RENDER_TEXT, cl, &info);
	ok(widest(text) <= 80, "text fits 80 columns (widest %zu)",
	    widest(text));
	ok(strstr(text, "\n[ ] Add the SIP federated domain domaina.com\n") !=
	    NULL, "an item line starts with its box");
	ok(strstr(text, "0 of ") != NULL, "the summary line");
	ok(strstr(text, "\n    - Description: Zweigstelle Köln — ein sehr "
	    "langer Text ohne Ende, der\n      umbrochen werden muss, damit er "
	    "auf eine gedruckte Seite passt\n") != NULL,
	    "a UTF-8 field wraps at a word under its indent");
	/* 80 columns but 100 bytes: counting bytes would wrap before "x". */
	ok(strstr(text, "\n    - Description: Größe Größe Größe Größe Größe "
	    "Größe Größe Größe Größe Größe x\n      Ende\n") != NULL,
	    "a line is measured in columns, not bytes");
	ok(strstr(text, "\n    - Description: two spaces, one kept\n") !=
	    NULL, "runs of spaces and spaces at the ends are dropped");
	free(text);

	text = fw_render(FW_RENDER_HTML, cl, &info);
	ok(strstr(text, "R&amp;D &lt;lab&gt; &quot;x&quot;") != NULL,
	    "HTML escapes an admin's description");
	ok(strstr(text, "<lab>") == NULL && strstr(text, "<c>") == NULL,
	    "no raw markup from the answers");
	ok(strstr(text, "<script") == NULL && strstr(text, "http") == NULL,
	    "no script, nothing fetched");
	ok(strstr(text, "type=\"checkbox\" disabled") != NULL,
	    "real, disabled checkboxes");
	free(text);

	text = fw_render(FW_RENDER_MARKDOWN, cl, &info);
	ok(strstr(text, "R\\&D \\<lab\\> \"x\"") != NULL,
	    "Markdown escapes an admin's description");
	ok(strstr(text, "- [ ] **") != NULL, "GitHub task list items");
	free(text);

	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	ok(fw_render_info_init(&info, d, "p.fedwiz", &cause) != 0 &&
	    cause != NULL, "a malformed SOURCE_DATE_EPOCH is an error");
	free(cause);
	unsetenv("SOURCE_DATE_EPOCH");
	fw_checklist_free(cl);
	fw_deployment_free(d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_pattern();
	test_tcp_standard();
	test_tls_enterprise();
	test_fingerprints();
	test_ticks();
	test_tick_order();
	test_count();
	test_large();
	test_render();
	return done_testing();
}

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_flow.h"
#include "fw_model.h"
#include "fw_ps_quote.h"
#include "fw_util.h"
#include "tap.h"

/* Quoting is checked on what PowerShell's tokenizer would read back. */
static void
check_ps_quote(const char *in, const char *want, const char *what)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_ps_quote(&sb, in);
	is_str(sb.buf, want, "%s", what);
	free(sb.buf);
}

static void
test_routing_first(void)
{
	struct fw_deployment *d = fw_deployment_new();
	const struct fw_imp_node **o;
	size_t n;

	fw_add_imp_node(d, "a.cup.example.com", NULL);
	fw_add_imp_node(d, "b.cup.example.com", NULL);
	fw_add_imp_node(d, "c.cup.example.com", NULL);
	fw_add_imp_domain(d, "one.com", "c.cup.example.com");
	fw_add_imp_domain(d, "two.com", "C.cup.example.com");
	fw_add_imp_domain(d, "three.com", "b.cup.example.com");
	n = fw_imp_nodes_routing_first(d, &o);
	is_int((int)n, 3, "every node once, routing or not");
	ok(n == 3 && o[0] == &d->imp_nodes[2] && o[1] == &d->imp_nodes[1] &&
	    o[2] == &d->imp_nodes[0],
	    "routing nodes first, in domain order, then the rest");
	free(o);
	fw_deployment_free(d);
}

/* Which Microsoft server a domain, pool and server run. */
static void
test_microsoft(void)
{
	struct fw_deployment *d = fw_deployment_new();
	enum fw_microsoft m;
	int k;

	ok(fw_microsoft_parse("SFBSE", &m) == 0 && m == FW_MICROSOFT_SFBSE,
	    "microsoft parse folds case");
	ok(fw_microsoft_parse("lync2016", &m) == -1, "lync2016 is unknown");
	for (k = 0; k < FW_MICROSOFT_COUNT; k++)
		ok(fw_microsoft_parse(fw_microsoft_name((enum fw_microsoft)k),
		    &m) == 0 && (int)m == k && fw_microsoft_is_lync(m) ==
		    (k != FW_MICROSOFT_OCS2007R2), "%s round-trips; Lync: %d",
		    fw_microsoft_name(m), fw_microsoft_is_lync(m));
	is_int(d->microsoft, FW_MICROSOFT_OCS2007R2, "OCS 2007 R2 by default");
	ok(!fw_deployment_has_lync(d) && fw_deployment_has_ocs2007(d),
	    "no domain: the default decides");
	fw_add_ocs_domain(d, "ocs.test", NULL);
	fw_add_ocs_domain(d, "lync.test", NULL)->microsoft =
	    FW_MICROSOFT_LYNC2013;
	fw_add_ocs_pool(d, "pool1.lync.test");
	fw_add_ocs_pool(d, "empty.test");
	fw_add_ocs_server(d, "fe1.ocs.test", "192.0.2.1", "OCS.test", NULL,
	    FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe1.lync.test", "192.0.2.2", "lync.test",
	    "POOL1.lync.test", FW_ROUTE_PRIMARY);
	is_int(fw_ocs_server_microsoft(d, &d->ocs_servers[0]),
	    FW_MICROSOFT_OCS2007R2, "a server of an inheriting domain");
	is_int(fw_ocs_server_microsoft(d, &d->ocs_servers[1]),
	    FW_MICROSOFT_LYNC2013, "a server of a Lync domain");
	is_int(fw_ocs_pool_microsoft(d, &d->ocs_pools[0]),
	    FW_MICROSOFT_LYNC2013, "a pool runs its servers' server");
	d->microsoft = FW_MICROSOFT_SFB2019;
	is_int(fw_ocs_pool_microsoft(d, &d->ocs_pools[1]),
	    FW_MICROSOFT_SFB2019, "a pool without servers: the default");
	ok(fw_deployment_has_lync(d) && !fw_deployment_has_ocs2007(d),
	    "the default now SfB 2019: no OCS 2007 R2 domain left");
	d->ocs_domains[0].microsoft = FW_MICROSOFT_OCS2007R2;
	ok(fw_deployment_has_lync(d) && fw_deployment_has_ocs2007(d),
	    "mixed: both");
	fw_deployment_free(d);
}

static void
test_release(void)
{
	struct fw_imp_release r;
	struct fw_deployment *d;
	char *n;

	ok(fw_imp_release_parse("11.5(1)SU3", &r) == 0 && r.major == 11 &&
	    r.minor == 5 && r.build == 1 && r.su == 3, "11.5(1)SU3 parses");
	ok(fw_imp_release_parse("15su2", &r) == 0 && r.major == 15 &&
	    r.su == 2, "15su2 parses");
	ok(fw_imp_release_parse("12.x", &r) == -1 &&
	    fw_imp_release_parse("", &r) == -1 &&
	    fw_imp_release_parse("12.5(1", &r) == -1 &&
	    fw_imp_release_parse("0", &r) == -1, "non-releases refused");
	ok(fw_imp_release_at_least("11.5(1)SU3", 11, 5, 1, 3) &&
	    !fw_imp_release_at_least("11.5(1)SU2", 11, 5, 1, 3) &&
	    fw_imp_release_at_least("12", 11, 5, 1, 3) &&
	    !fw_imp_release_at_least(NULL, 11, 5, 1, 3),
	    "release comparisons");
	n = fw_imp_release_norm("15su2");
	is_str(n, "15SU2", "stored with SU in capitals");
	free(n);
	d = fw_deployment_new();
	ok(fw_setting_check("imp_release", "12.5", &n, NULL) == 0, "12.5 set");
	fw_setting_apply(d, "imp_release", n);
	free(n);
	ok(fw_setting_check("imp_release", "", &n, NULL) == 0,
	    "an empty release is taken");
	fw_setting_apply(d, "imp_release", n);
	free(n);
	ok(d->imp_release == NULL, "... as not given");
	fw_deployment_free(d);
}

/* The flow table by Microsoft server: the Lync forms of steps 3, 5 and
 * 6, OCS-only steps 7 and 8, and each server's own kind when mixed. */
static void
test_flow_kinds(void)
{
	struct fw_deployment *d = fw_deployment_new();
	const struct fw_step *s, *forms[FW_STEP_FORMS];
	const char *why;

	d->microsoft = FW_MICROSOFT_LYNC2013;
	fw_add_ocs_domain(d, "lync.test", NULL);
	s = fw_flow_step_for(5, d);
	is_str(s ? s->title : NULL, "Trusted application",
	    "Lync only: step 5 is the trusted application");
	is_str(fw_flow_step_for(3, d)->title, "Lync static routes",
	    "Lync only: step 3 the Lync routes");
	is_int(fw_flow_step_state(fw_flow_step_for(7, d), d, 0),
	    FW_STEP_NOT_APPLICABLE, "Lync only: step 7 not applicable");
	is_int(fw_flow_step_state(fw_flow_step_for(8, d), d, 1),
	    FW_STEP_NOT_APPLICABLE, "Lync only: step 8 not applicable");
	why = fw_flow_not_applicable_reason(fw_flow_step_for(8, d), d);
	ok(why != NULL && strstr(why, "OCS 2007 R2 only") != NULL,
	    "... saying it is OCS 2007 R2's: %s", why ? why : "(none)");
	ok(fw_flow_find_field("fips", NULL) != NULL &&
	    !fw_flow_applies(fw_flow_find_field("fips", NULL)->applies, d),
	    "Lync only: the FIPS confirmation does not apply");
	d->transport = FW_TRANSPORT_TCP;
	why = fw_flow_not_applicable_reason(fw_flow_step_for(8, d), d);
	ok(why != NULL && strstr(why, "TLS only") != NULL,
	    "Lync with TCP: step 8 says TLS only first");
	d->transport = FW_TRANSPORT_TLS;

	fw_add_ocs_domain(d, "ocs.test", NULL)->microsoft =
	    FW_MICROSOFT_OCS2007R2;
	is_str(fw_flow_step_for(5, d)->title, "Host authorization",
	    "mixed: step 5 as the guide has it first");
	is_int((int)fw_flow_step_forms(5, d, forms), 2,
	    "mixed: step 5 has both forms");
	ok(forms[0] == fw_flow_step(5) && forms[1] == fw_flow_step_kind(5,
	    FW_MICROSOFT_SFB2019), "... host authorization, then the trusted "
	    "application");
	is_str(fw_flow_step_title(5, d), "Host auth/trust app",
	    "mixed: step 5's name covers both");
	is_str(fw_flow_step_title(6, d), "OCS and Lync certs",
	    "mixed: so does step 6's");
	is_int((int)fw_flow_step_forms(7, d, forms), 1,
	    "mixed: step 7 (no Lync form) has one");
	d->transport = FW_TRANSPORT_TCP;
	is_int((int)fw_flow_step_forms(3, d, forms), 1,
	    "mixed under TCP: step 3 only on OCS (Lync is TLS only)");
	is_str(fw_flow_step_title(3, d), "OCS static routes",
	    "... with the OCS name");
	d->transport = FW_TRANSPORT_TLS;
	is_int(fw_flow_step_state(fw_flow_step_for(7, d), d, 0),
	    FW_STEP_NOT_STARTED, "mixed: step 7 applies");
	ok(!fw_flow_applies_to(fw_flow_step(5)->applies, d,
	    FW_MICROSOFT_LYNC2013) &&
	    fw_flow_applies_to(fw_flow_step_kind(5,
	    FW_MICROSOFT_LYNC2013)->applies, d, FW_MICROSOFT_LYNC2013),
	    "mixed: a Lync pool gets the trusted application, not host "
	    "authorization");
	ok(fw_flow_applies_to(fw_flow_step_kind(8,
	    FW_MICROSOFT_OCS2007R2)->applies, d, FW_MICROSOFT_OCS2007R2) &&
	    !fw_flow_applies_to(fw_flow_step_kind(8,
	    FW_MICROSOFT_SFB2019)->applies, d, FW_MICROSOFT_SFB2019),
	    "mixed: FIPS on the OCS server only");
	is_str(fw_flow_step_kind(6, FW_MICROSOFT_SFBSE)->title,
	    "Lync certificate", "an SfB SE front end: the Lync certificate");
	is_str(fw_flow_step_for(5, NULL)->title, "Host authorization",
	    "no deployment: the guide's step");
	is_str(fw_flow_step_title(5, NULL), "Host authorization",
	    "no deployment: the guide's name");
	is_str(fw_flow_step_title(10, d), "", "no step 10: no name");
	fw_deployment_free(d);
}

/* A step's state is its first form's (fw_flow.h): that holds only while
 * no Lync form asks for a key its step does not, and while each has a
 * name for both forms. */
static void
test_flow_forms_share_keys(void)
{
	const struct fw_step *s;
	size_t i;
	int n, bad = 0;

	for (n = 0; n < FW_STEP_COUNT; n++) {
		s = fw_flow_step(n);
		if (s->lync == NULL)
			continue;
		if (s->lync->both_title == NULL || s->lync->number != n)
			bad++;
		for (i = 0; i < s->lync->n_fields; i++)
			bad += fw_flow_step_field(s, s->lync->fields[i].key) == NULL;
	}
	is_int(bad, 0, "every Lync form asks only for its step's keys and "
	    "names both forms");
}

int
main(void)
{
	struct fw_deployment *d = fw_deployment_new();
	const struct fw_imp_node *n;
	enum fw_transport t;
	enum fw_route_role r;
	int i;

	is_int(d->peer_auth_port, 5061, "Peer Auth defaults to 5061");
	is_int(d->server_auth_port, 5062, "Server Auth defaults to 5062");
	is_int(d->transport, FW_TRANSPORT_TLS, "TLS by default");

	fw_add_imp_node(d, "impa.cup.example.com", "192.0.2.11");
	fw_add_imp_node(d, "impb.cup.example.com", "192.0.2.12");
	fw_add_imp_domain(d, "foo.com", NULL);
	fw_add_imp_domain(d, "bar.com", "IMPB.cup.example.com");
	n = fw_imp_domain_target(d, &d->imp_domains[0]);
	is_str(n ? n->fqdn : NULL, "impa.cup.example.com",
	    "route_to unset points at the first node");
	n = fw_imp_domain_target(d, &d->imp_domains[1]);
	is_str(n ? n->fqdn : NULL, "impb.cup.example.com",
	    "route_to matches case-insensitively");

	ok(fw_transport_parse("TCP", &t) == 0 && t == FW_TRANSPORT_TCP,
	    "transport parse folds case");
	ok(fw_transport_parse("udp", &t) == -1, "udp is not a transport");
	ok(fw_route_parse("backup", &r) == 0 && r == FW_ROUTE_BACKUP,
	    "backup route parsed");
	test_microsoft();
	test_release();
	is_int(fw_transport_port(FW_TRANSPORT_TCP), 5060, "TCP next hop 5060");
	is_int(fw_transport_port(FW_TRANSPORT_TLS), 5061, "TLS next hop 5061");

	/* The flow table: steps 6, 8 and 9 apply only to TLS. */
	for (i = 0; i < FW_STEP_COUNT; i++)
		ok(fw_flow_step(i) != NULL && fw_flow_step(i)->number == i,
		    "step %d present", i);
	ok(fw_flow_step(FW_STEP_COUNT) == NULL, "no step 10");
	d->transport = FW_TRANSPORT_TCP;
	is_int(fw_flow_step_state(fw_flow_step(6), d, 0),
	    FW_STEP_NOT_APPLICABLE, "step 6 n/a under TCP");
	is_int(fw_flow_step_state(fw_flow_step(8), d, 1),
	    FW_STEP_NOT_APPLICABLE, "step 8 n/a under TCP");
	ok(fw_flow_not_applicable_reason(fw_flow_step(9), d) != NULL,
	    "step 9 says why it does not apply");
	is_int(fw_flow_step_state(fw_flow_step(7), d, 0), FW_STEP_NOT_STARTED,
	    "step 7 applies under TCP");
	d->transport = FW_TRANSPORT_TLS;
	is_int(fw_flow_step_state(fw_flow_step(6), d, 0), FW_STEP_NOT_STARTED,
	    "step 6 not started without certificates");
	is_int(fw_flow_step_state(fw_flow_step(1), d, 0), FW_STEP_NOT_STARTED,
	    "step 1 not started without OCS domains");
	fw_add_ocs_domain(d, "ocs.contoso.test", NULL);
	is_int(fw_flow_step_state(fw_flow_step(1), d, 0), FW_STEP_IN_PROGRESS,
	    "step 1 in progress until confirmed done");
	is_int(fw_flow_step_state(fw_flow_step(1), d, 1), FW_STEP_COMPLETE,
	    "step 1 complete when confirmed");
	ok(fw_flow_find_field("peer_auth_port", &i) != NULL && i == 4,
	    "peer_auth_port lives in step 4");
	fw_deployment_free(d);
	test_routing_first();
	test_flow_kinds();
	test_flow_forms_share_keys();
	check_ps_quote("sip.com", "'sip.com'", "plain value quoted");
	check_ps_quote("o'brien", "'o''brien'", "apostrophe doubled");
	check_ps_quote("a\xe2\x80\x98" "b\xe2\x80\x9b" "c",
	    "'a\xe2\x80\x98\xe2\x80\x98" "b\xe2\x80\x9b\xe2\x80\x9b" "c'",
	    "U+2018 and U+201B doubled");
	check_ps_quote("$(x)`n\"", "'$(x)`n\"'",
	    "dollar, backtick and double quote left as they are");
	check_ps_quote("\xe2\x80", "'\xe2\x80'", "a cut sequence is not a quote");
	return done_testing();
}

#include "config.h"

#include "fw_symptoms.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "fw_confirm.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_pattern.h"
#include "fw_util.h"

#define GUIDE_ROUTE_IMP N_("Configure Static Route on IM and Presence " \
	"Service for Microsoft Servers")
#define GUIDE_ROUTE_OCS N_("Configure Static Routes on OCS to Point to the " \
	"IM and Presence Service")
#define GUIDE_ROUTES_BOTH N_("Configure Static Route on IM and Presence " \
	"Service for Microsoft Servers; Configure Static Routes on OCS to " \
	"Point to the IM and Presence Service")
#define GUIDE_DOMAIN N_("Add a Microsoft OCS Domain Within Enterprise")
#define GUIDE_HOSTAUTH N_("Adding a Host Authorization Entry for the IM " \
	"and Presence Service Node on OCS")
#define GUIDE_TRUSTED_POOL N_("Configure a Trusted Application Pool on " \
	"Lync for the IM and Presence Service")
#define GUIDE_IMP_CERTS N_("Set Up Certificates on the IM and Presence " \
	"Service Node for Federation with Microsoft Server over TLS")

/*
 * Each cause names its source in a comment:
 *   G      the guide, /work/shared/reference/cisco-imp-ocs-interdomain-
 *          federation.txt (its section titles are the GUIDE_ macros)
 *   DN     domain-notes.md, which cites Cisco's Interdomain Federation
 *          guides 12.5-15 (L125, O14, S14, T14, F15) and Microsoft's
 *          Lync/OCS documentation
 *   OCER   Microsoft [MS-OCER] "8.2 SipStack": the ms-diagnostics ErrorIds
 *          of the OCS front end and Access Edge (1002 From URI not
 *          authorized to communicate with federated partners, 1003 User
 *          does not exist, 1007 Temporarily cannot route, 1010 Certificate
 *          trust with next-hop server could not be established, ...)
 *   RFC    RFC 3261, section 21: what each SIP status code means
 * Applicability (fw_flow.h's enum fw_applies) leaves out the causes that
 * cannot be one in a project; a confirmation the admin has given moves
 * its cause to the end.
 */

/* G, Configuration Task Flow: direct federation needs a static route on
 * OCS; without one OCS falls back to DNS SRV (OCER 1008) or its Access
 * Edge, and both federate over TLS only: what a TLS error means in a TCP
 * project. */
#define CAUSE_TCP_ROUTE_TLS { N_("The OCS static route for the IM and " \
	"Presence domain is a TLS route (port 5061): in this TCP project it " \
	"must be TCP, to the node's IP address, port 5060."), \
	FW_APPLIES_TCP, NULL }
#define CAUSE_TCP_SRV { N_("No OCS static route matched the IM and " \
	"Presence domain, so OCS looked it up by DNS SRV, which finds TLS " \
	"(federation) records only: add or correct the TCP route."), \
	FW_APPLIES_TCP, NULL }
#define CAUSE_TCP_EDGE { N_("The request reaches OCS through an Access " \
	"Edge server (or leaves IM and Presence towards one), and Edge " \
	"federation is TLS only: route IM and Presence to an OCS front end " \
	"server or Standard Edition server directly."), FW_APPLIES_TCP, \
	NULL }
#define MEANING_TLS_IN_TCP N_("This project uses TCP, so no TLS should pass " \
	"between IM and Presence and OCS: this error means a request went " \
	"over TLS anyway, by an OCS route set to TLS, or by DNS SRV or an " \
	"Access Edge server, which federate over TLS only.")

static const struct fw_symptom symptoms[] = {
	{ "sip-408", N_("SIP/2.0 408 Request Timeout"),
	  "(^|[^0-9])408([^0-9]|$)|request timeout",
	  N_("The SIP Proxy on IM and Presence sent a request and no answer "
	     "came back from the next hop: the request was routed nowhere "
	     "or to the wrong place."), 0, NULL,
	  { /* DN: SIP 408 = a wrong or missing static route; G, static
	     * route on IM&P: the pattern is the domain reversed. */
	    { N_("No static route on IM and Presence for the OCS domain, or "
		 "a destination pattern that is not reversed (domaina.com "
		 "must be .com.domaina.*)."), 0, NULL },
	    /* G, Configure Static Route on IM and Presence. */
	    { N_("The route's next hop or port is wrong: it must be an OCS "
		 "front end server, on 5061 (TLS)."), FW_APPLIES_TLS, NULL },
	    { N_("The route's next hop or port is wrong: it must be an OCS "
		 "front end server, on 5060 (TCP)."), FW_APPLIES_TCP, NULL },
	    /* G, Enable Port 5060/5061 on the OCS Server. */
	    { N_("OCS does not listen on that port (Front End Properties > "
		 "General: 5061/TLS or 5060/TCP, IP address All)."), 0, NULL },
	    /* DN: TCP to OCS with NOTIFY timeouts. */
	    { N_("Over TCP, NOTIFY requests time out unless the Cisco SIP "
		 "Proxy parameter \"Use Transport in Record-Route Header\" is "
		 "On."), FW_APPLIES_TCP, NULL },
	  },
	  { { 2, 0 }, { 7, 0 } }, NULL, "ocs_server", GUIDE_ROUTE_IMP },
	{ "acl-untrusted",
	  N_("ACL - upstream not trusted - need to authenticate"),
	  "upstream not trusted|need to authenticate",
	  N_("The SIP Proxy received a request from a host it has no incoming "
	     "ACL for, so it does not trust it."), 0, NULL,
	  { /* G, Add a Microsoft OCS Domain: the incoming ACL comes with the
	     * federated domain entry; step 8, the XCP Router restart. */
	    { N_("The federated domain entry for the OCS domain is missing; "
		 "IM and Presence adds the incoming ACL only with that "
		 "entry."), 0, NULL },
	    { N_("The Cisco XCP Router was not restarted on every node after "
		 "the federated domain entry was added."), 0, NULL },
	    /* G, Adding a Host Authorization Entry. */
	    { N_("On OCS, the host authorization entry for the IM and "
		 "Presence node is missing (its IP, and under TLS its "
		 "FQDN)."), 0, NULL },
	  },
	  { { 1, 0 }, { 5, 0 } }, NULL, "ocs_domain imp_node", GUIDE_DOMAIN },
	{ "acl-slow", N_("incoming ACL check took over 2 seconds - check DNS"),
	  "acl check took|took over 2 seconds|check dns",
	  N_("Each incoming request waits for a reverse DNS lookup of the "
	     "sender that does not answer; users see delays of about 40 "
	     "seconds."), 0, NULL,
	  { /* DN: about 40-second delays, PTR records. */
	    { N_("The OCS servers' IP addresses have no PTR (reverse DNS) "
		 "records: add them."), 0, NULL },
	    { N_("The DNS servers IM and Presence uses do not answer reverse "
		 "lookups in time."), 0, NULL },
	  },
	  { { 2, 0 } }, NULL, "ocs_server", GUIDE_ROUTE_IMP },
	{ "ms-1008", N_("ms-diagnostics: 1008 (DNS SRV not resolved)"),
	  "ms-diagnostics:? *1008|(^|[^0-9])1008([^0-9]|$)|dns srv",
	  N_("OCS tried to find the IM and Presence domain through DNS SRV "
	     "records because no static route matched it."), 0, NULL,
	  { /* OCER 1008; G, Configure Static Routes on OCS (Standard
	     * Edition: every server; Enterprise Edition: every pool). */
	    { N_("The static route on OCS for the IM and Presence domain is "
		 "missing, or its domain (matching URI) is misspelt."), 0,
	      NULL },
	    { N_("The route was added on one Standard Edition server but not "
		 "on the one that handled the request: every Standard "
		 "Edition server needs it."), FW_APPLIES_STANDARD, NULL },
	    { N_("The route was added on one pool but not on the pool that "
		 "handled the request: every pool needs it."),
	      FW_APPLIES_ENTERPRISE, NULL },
	  },
	  { { 3, 0 } }, NULL, "imp_domain", GUIDE_ROUTE_OCS },
	{ "ms-1010",
	  N_("ms-diagnostics: 1010 (certificate trust with next hop not "
	     "established)"),
	  "ms-diagnostics:? *1010|(^|[^0-9])1010([^0-9]|$)|certificate trust",
	  N_("OCS reached IM and Presence over TLS but could not establish "
	     "trust in the certificate it presented: it does not trust the "
	     "CA, the certificate does not name the next hop, or OCS could "
	     "not check whether it is revoked."),
	  FW_APPLIES_TLS, MEANING_TLS_IN_TCP,
	  { /* OCER 1010; G, Configure OCS to use FIPS, its last steps:
	     * import the IM&P CA root into the Trusted Root Certification
	     * Authorities of the Computer account. */
	    { N_("The root certificate of the CA that signs the IM and "
		 "Presence certificate is not in the Trusted Root "
		 "Certification Authorities store of the OCS server's "
		 "Computer account (Certificates snap-in): import it on "
		 "every OCS server."), FW_APPLIES_TLS, NULL },
	    /* DN, Lync field problems: a TLS route's Destination must
	     * match the peer certificate's CN; G: the route names an FQDN
	     * OCS resolves to the node. */
	    { N_("The next hop FQDN of the OCS static route is not the name "
		 "in the IM and Presence certificate (CN or SAN): route to the "
		 "node FQDN the cup certificate was issued for."),
	      FW_APPLIES_TLS, NULL },
	    /* Windows (Schannel) checks revocation of the presented
	     * certificate at the CRL distribution point it names; an
	     * unreachable CRL fails the chain. */
	    { N_("OCS cannot reach the CRL distribution point named in the "
		 "IM and Presence certificate, so the revocation check fails: "
		 "make the CRL reachable from every OCS server."),
	      FW_APPLIES_TLS, NULL },
	    /* G, Set Up Certificates on IM&P: the chain, root first. */
	    { N_("The IM and Presence cup certificate was uploaded without "
		 "its intermediate certificates, so OCS gets an incomplete "
		 "chain."), FW_APPLIES_TLS, NULL },
	    CAUSE_TCP_ROUTE_TLS, CAUSE_TCP_SRV, CAUSE_TCP_EDGE,
	  },
	  { { 3, 0 }, { 9, 0 } }, "ocs_trust", "imp_ca imp_cert",
	  GUIDE_IMP_CERTS },
	{ "ms-1014", N_("ms-diagnostics: 1014 (DNS A record not resolved)"),
	  "ms-diagnostics:? *1014|(^|[^0-9])1014([^0-9]|$)|dns a record",
	  N_("The next hop of the OCS static route is an FQDN that does not "
	     "resolve from the OCS server."), 0, NULL,
	  { /* OCER 1014; G, Configure Static Routes on OCS, its note. */
	    { N_("No A record for the IM and Presence node FQDN in the DNS "
		 "the OCS server uses."), FW_APPLIES_TLS, NULL },
	    { N_("The route names a different FQDN from the node's: it must "
		 "resolve to the node's IP address."), FW_APPLIES_TLS, NULL },
	    /* G: a TCP route's next hop is the node's IP address. */
	    { N_("Under TCP the route's next hop is the node's IP address; "
		 "an FQDN there must resolve from the OCS server."),
	      FW_APPLIES_TCP, NULL },
	  },
	  { { 3, 0 } }, NULL, "imp_domain imp_node", GUIDE_ROUTE_OCS },
	{ "ms-1047", N_("ms-diagnostics: 1047 (TLS negotiation failed)"),
	  "ms-diagnostics:? *1047|(^|[^0-9])1047([^0-9]|$)",
	  N_("The TLS handshake between OCS and IM and Presence failed, "
	     "often because one side does not trust the other's CA."),
	  FW_APPLIES_TLS, MEANING_TLS_IN_TCP,
	  { /* DN: 1047 = the peer does not trust your root CA. */
	    { N_("One side does not trust the other's CA: the OCS CA as "
		 "cup-trust on IM and Presence, the IM and Presence CA in the "
		 "OCS trust store."), FW_APPLIES_TLS, NULL },
	    /* DN: missing Client Authentication is the classic failure. */
	    { N_("A certificate lacks Client Authentication in its Enhanced "
		 "Key Usage (the Microsoft CA's Web Server template gives "
		 "Server Authentication only)."), FW_APPLIES_TLS, NULL },
	    /* DN: 3DES and TLS versions; G, step 9's TLS context. */
	    { N_("No cipher or TLS version in common: TLS_RSA_WITH_3DES_EDE_"
		 "CBC_SHA must be in the TLS context; an old OCS may offer TLS "
		 "1.0 only (run fedwiz probe)."), FW_APPLIES_TLS, "tls_3des" },
	    CAUSE_TCP_ROUTE_TLS, CAUSE_TCP_SRV, CAUSE_TCP_EDGE,
	  },
	  { { 6, 0 }, { 9, 0 }, { 8, 0 }, { 3, FW_APPLIES_TCP } }, NULL,
	  "ocs_cert imp_cert tls_3des", GUIDE_IMP_CERTS },
	/* DN, Lync field problems: "The peer is not a configured server on
	 * this network interface" = no trusted application pool or computer
	 * matches the name the peer connects with. */
	{ "lync-not-configured",
	  N_("The peer is not a configured server on this network interface"),
	  "not a configured server",
	  N_("A Lync or Skype for Business front end refused IM and Presence: "
	     "no trusted application pool or computer matches the name the "
	     "node connected with."), FW_APPLIES_LYNC,
	  N_("Lync and Skype for Business front ends say this, where a "
	     "trusted application pool replaces host authorization; this "
	     "project's OCS 2007 R2 servers use host authorization (step 5)."),
	  { { N_("The IM and Presence node is not a computer of the trusted "
		 "application pool: add it with New-CsTrustedApplicationComputer, "
		 "then run Enable-CsTopology."), FW_APPLIES_LYNC, NULL },
	    { N_("The trusted application pool or computer names the node by "
		 "another FQDN than the one its cup certificate was issued "
		 "for."), FW_APPLIES_LYNC, NULL },
	    { N_("The topology was not published after the trusted "
		 "application pool was made: run Enable-CsTopology."),
	      FW_APPLIES_LYNC, NULL },
	    /* Only a Lync front end says it: the server is not what the
	     * project says. */
	    { N_("The server that answered runs Lync or Skype for Business, "
		 "not OCS 2007 R2: choose its Microsoft server in step 0 (or "
		 "the domain's own) and set up the trusted application pool "
		 "instead of host authorization."), FW_APPLIES_OCS2007, NULL },
	  },
	  { { 5, 0 } }, NULL, "imp_node", GUIDE_TRUSTED_POOL },
	{ "tls-failed", N_("Failed to complete TLS negotiation"),
	  "failed to complete tls|tls negotiation|handshake fail",
	  N_("A TLS connection between IM and Presence and OCS could not be "
	     "set up."), FW_APPLIES_TLS, MEANING_TLS_IN_TCP,
	  { /* DN: both sides are TLS client and server. */
	    { N_("A certificate lacks Client Authentication in its Enhanced "
		 "Key Usage: both sides act as client and server, so both "
		 "certificates need Server and Client Authentication."),
	      FW_APPLIES_TLS, NULL },
	    /* DN: the TLS peer subject must match the Microsoft CN. */
	    { N_("The TLS peer subject on IM and Presence does not match the "
		 "OCS certificate's subject CN."), FW_APPLIES_TLS, NULL },
	    { N_("One side does not trust the other's CA."),
	      FW_APPLIES_TLS, NULL },
	    /* DN: TLS versions, 3DES. */
	    { N_("No cipher or TLS version in common (3DES, TLS 1.0 on old "
		 "OCS; IM and Presence may require TLS 1.2)."),
	      FW_APPLIES_TLS, "tls_3des" },
	    CAUSE_TCP_ROUTE_TLS, CAUSE_TCP_SRV, CAUSE_TCP_EDGE,
	  },
	  { { 6, 0 }, { 9, 0 }, { 3, FW_APPLIES_TCP } }, NULL,
	  "ocs_cert imp_cert", GUIDE_IMP_CERTS },
	{ "sip-403", N_("SIP/2.0 403 Forbidden"),
	  "(^|[^0-9])403([^0-9]|$)|forbidden",
	  N_("The server that answered understood the request and refused "
	     "it: it does not accept the sender, or the user may not "
	     "federate."), 0, NULL,
	  { /* RFC 21.4.4; G, Adding a Host Authorization Entry: Throttle as
	     * Server and Treat as Authenticated. */
	    { N_("OCS answered: it has no host authorization entry for the "
		 "IM and Presence node, or one without Throttle as Server and "
		 "Treat as Authenticated (its IP, and under TLS its "
		 "FQDN)."), 0, NULL },
	    /* OCER 1002, 1012: From URI not authorized to communicate with
	     * federated partners / users outside the enterprise. */
	    { N_("OCS answered with ms-diagnostics 1002 or 1012: the OCS "
		 "user is not enabled for federation; enable it in the user's "
		 "OCS properties."), 0, NULL },
	    /* DN: "ACL - upstream not trusted" = a missing incoming ACL. */
	    { N_("IM and Presence answered: its SIP Proxy log then says \"ACL "
		 "- upstream not trusted\"; the federated domain entry for "
		 "the OCS domain is missing or the XCP Router was not "
		 "restarted."), 0, NULL },
	  },
	  { { 5, 0 }, { 1, 0 } }, NULL, "imp_node ocs_domain", GUIDE_HOSTAUTH },
	{ "sip-404", N_("SIP/2.0 404 Not Found"),
	  "(^|[^0-9])404([^0-9]|$)|not found",
	  N_("The request reached a server of the other domain, which knows "
	     "no such user there."), 0, NULL,
	  { /* RFC 21.4.5; OCER 1003 User does not exist, 4005 Destination
	     * URI either not enabled for SIP or does not exist. */
	    { N_("The address is misspelt, or the user is not enabled for "
		 "SIP on OCS or for IM and Presence on the Cisco side."), 0,
	      NULL },
	    /* G, Configure Static Routes on OCS: one route per IM&P domain;
	     * the guide's overview: federation and subdomains. */
	    { N_("The OCS static route's domain (matching URI) is not an IM "
		 "and Presence domain, so the request went to a server that "
		 "does not host it; a subdomain needs a route of its own."), 0,
	      NULL },
	    /* G, Add a Microsoft OCS Domain: one entry per OCS domain. */
	    { N_("The user's domain is a subdomain or another domain of OCS "
		 "that has no federated domain entry and static route on IM "
		 "and Presence."), 0, NULL },
	  },
	  { { 3, 0 }, { 1, 0 }, { 2, 0 } }, NULL, "imp_domain ocs_domain",
	  GUIDE_ROUTE_OCS },
	{ "sip-480", N_("SIP/2.0 480 Temporarily Unavailable"),
	  "(^|[^0-9])480([^0-9]|$)|temporarily (un|not )available",
	  N_("The request reached the other side, but the user or the "
	     "service behind it cannot take it now."), 0, NULL,
	  { /* RFC 21.4.18: contacted, but the user is not available. */
	    { N_("The user is not signed in: an IM to someone offline gets "
		 "480, which is no configuration fault."), 0, NULL },
	    /* OCER 1007 Temporarily cannot route. */
	    { N_("OCS answered with ms-diagnostics 1007 (temporarily cannot "
		 "route): the IM and Presence node it routes to is down or "
		 "its SIP Proxy is not running."), 0, NULL },
	    /* G, Add a Microsoft OCS Domain, step 8: restart the XCP Router
	     * on every node; it restarts every XCP service. */
	    { N_("The Cisco XCP SIP Federation Connection Manager is not "
		 "running on the node that handles the user: restart the "
		 "Cisco XCP Router on every node."), 0, NULL },
	  },
	  { { 1, 0 }, { 3, 0 } }, "imp_feature_services", "imp_node",
	  GUIDE_DOMAIN },
	{ "sip-503", N_("SIP/2.0 503 Service Unavailable"),
	  "(^|[^0-9])503([^0-9]|$)|service unavailable",
	  N_("The server that answered cannot handle requests at the moment: "
	     "a service is stopped, starting or overloaded."), 0, NULL,
	  { /* RFC 21.5.4; G, the restarts after each change. */
	    { N_("The Cisco SIP Proxy on the IM and Presence node is stopped "
		 "or restarting (after a change to listeners, TLS peer "
		 "subjects or certificates it is restarted)."), 0, NULL },
	    { N_("The OCS front end services are stopped or still starting "
		 "(after FIPS was enabled, OCS may need a restart)."), 0,
	      NULL },
	    /* G, Configure Static Route on IM&P: a backup route is used only
	     * when the primary's next hop is unreachable. */
	    { N_("The primary route's next hop is down and no backup route "
		 "at lower priority leads to another OCS server."), 0, NULL },
	  },
	  { { 2, 0 }, { 7, 0 } }, "imp_feature_services", "ocs_server",
	  GUIDE_ROUTE_IMP },
	{ "sip-504", N_("SIP/2.0 504 Server Time-out"),
	  "(^|[^0-9])504([^0-9]|$)|server time-?out",
	  N_("A server on the way waited for the next hop (or for DNS) and got "
	     "no answer in time."), 0, NULL,
	  { /* RFC 21.5.5: no timely answer from a server it accessed. */
	    { N_("OCS cannot reach IM and Presence: the OCS route's next hop "
		 "or port is wrong, or a firewall drops it (TLS: the Peer Auth "
		 "listener, 5061)."), FW_APPLIES_TLS, NULL },
	    { N_("OCS cannot reach IM and Presence: the OCS route's next hop "
		 "or port is wrong, or a firewall drops it (TCP: the node's "
		 "IP, 5060)."), FW_APPLIES_TCP, NULL },
	    /* OCER 1008, 1014: look at the response's ms-diagnostics. */
	    { N_("A name did not resolve: look for ms-diagnostics 1008 or "
		 "1014 in the same response."), 0, NULL },
	    /* DN: TCP to OCS with NOTIFY timeouts. */
	    { N_("Over TCP, NOTIFY requests time out unless the Cisco SIP "
		 "Proxy parameter \"Use Transport in Record-Route Header\" is "
		 "On."), FW_APPLIES_TCP, NULL },
	  },
	  { { 3, 0 }, { 4, FW_APPLIES_TLS } }, NULL, "imp_domain",
	  GUIDE_ROUTE_OCS },
	{ "slow-presence", N_("Presence or IM is slow"),
	  "slow|delay|takes? (a long|ages)",
	  N_("Messages arrive, but late."), 0, NULL,
	  { /* DN: Disable Empty TLS Fragments; G, step 9. */
	    { N_("\"Disable Empty TLS Fragments\" is not set in the TLS "
		 "Context Configuration."), FW_APPLIES_TLS, "empty_fragments" },
	    /* DN: PTR records. */
	    { N_("The OCS servers' IPs have no PTR records, so every "
		 "incoming ACL check waits for DNS (about 40-second "
		 "delays)."), 0, NULL },
	  },
	  { { 9, 0 }, { 2, 0 } }, NULL, "empty_fragments ocs_server",
	  GUIDE_IMP_CERTS },
};

#define N_SYMPTOMS (sizeof symptoms / sizeof symptoms[0])

const struct fw_symptom *
fw_symptoms(size_t *n)
{
	*n = N_SYMPTOMS;
	return symptoms;
}

size_t
fw_symptoms_match(const char *text, const struct fw_symptom **out,
    size_t max)
{
	regex_t re;
	size_t i, n = 0;

	for (i = 0; i < N_SYMPTOMS && n < max; i++) {
		if (regcomp(&re, symptoms[i].pattern,
		    REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0)
			continue;
		if (regexec(&re, text, 0, NULL, 0) == 0)
			out[n++] = &symptoms[i];
		regfree(&re);
	}
	return n;
}

/* Whether key is a word of the space-separated list. */
static int
has_word(const char *list, const char *key)
{
	size_t len = strlen(key);
	const char *s = list;

	while ((s = strstr(s, key)) != NULL) {
		if ((s == list || s[-1] == ' ') &&
		    (s[len] == ' ' || s[len] == '\0'))
			return 1;
		s += len;
	}
	return 0;
}

size_t
fw_symptoms_for_field(const char *key, const struct fw_symptom **out,
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < N_SYMPTOMS && n < max; i++) {
		if (has_word(symptoms[i].fields, key))
			out[n++] = &symptoms[i];
	}
	return n;
}

const char *
fw_symptom_meaning(const struct fw_symptom *sy, const struct fw_deployment *d)
{
	if (d != NULL && sy->meaning_elsewhere != NULL &&
	    !fw_flow_applies(sy->applies, d))
		return sy->meaning_elsewhere;
	return sy->meaning;
}

const char *
fw_symptom_guide(const struct fw_symptom *sy, const struct fw_deployment *d)
{
	/* A TLS symptom in a TCP project is a route that is not the one
	 * the guide sets up: its route sections are what to read. */
	if (d != NULL && sy->meaning_elsewhere != NULL &&
	    !fw_flow_applies(sy->applies, d))
		return GUIDE_ROUTES_BOTH;
	return sy->guide;
}

int
fw_symptom_cause_applies(const struct fw_symptom_cause *c,
    const struct fw_deployment *d)
{
	return d == NULL || fw_flow_applies(c->applies, d);
}

int
fw_symptom_cause_confirmed(const struct fw_symptom_cause *c,
    const struct fw_deployment *d)
{
	return d != NULL && c->confirm != NULL && fw_confirmed(d, c->confirm);
}

int
fw_symptom_step_applies(const struct fw_symptom_step *st,
    const struct fw_deployment *d)
{
	const struct fw_step *s = d != NULL ? fw_flow_step_for(st->step, d) :
	    NULL;

	return d == NULL || (s != NULL && fw_flow_applies(s->applies, d) &&
	    fw_flow_applies(st->applies, d));
}

static void
add_line(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = line;
}

static const char *
transport_word(const struct fw_deployment *d)
{
	return d->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP";
}

static void
values_routes_imp(const struct fw_deployment *d, char ***lines, size_t *n)
{
	size_t i;
	char *pat;

	for (i = 0; i < d->n_ocs_servers; i++) {
		const struct fw_ocs_server *s = &d->ocs_servers[i];

		if (s->route == FW_ROUTE_NONE)
			continue;
		pat = fw_dest_pattern(s->domain);
		add_line(lines, n, xasprintf(_("IM and Presence static route %s "
		    "-> %s (%s) port %d %s, %s"), pat, s->ip, s->fqdn,
		    fw_transport_port(d->transport), transport_word(d),
		    s->route == FW_ROUTE_BACKUP ? _("backup") : _("primary")));
		free(pat);
	}
}

static void
values_routes_ocs(const struct fw_deployment *d, char ***lines, size_t *n)
{
	const struct fw_imp_node *node;
	size_t i;

	for (i = 0; i < d->n_imp_domains; i++) {
		node = fw_imp_domain_target(d, &d->imp_domains[i]);
		if (node == NULL)
			continue;
		add_line(lines, n, xasprintf(_("OCS static route %s -> %s port "
		    "%d %s"), d->imp_domains[i].name,
		    d->transport == FW_TRANSPORT_TLS ? node->fqdn : node->ip,
		    d->transport == FW_TRANSPORT_TLS ? d->peer_auth_port : 5060,
		    transport_word(d)));
	}
}

static void
values_host_auth(const struct fw_deployment *d, char ***lines, size_t *n)
{
	size_t i;

	for (i = 0; i < d->n_imp_nodes; i++) {
		const struct fw_imp_node *node = &d->imp_nodes[i];

		if (d->transport == FW_TRANSPORT_TLS)
			add_line(lines, n, xasprintf(_("OCS host authorization "
			    "%s and %s"), node->ip, node->fqdn));
		else
			add_line(lines, n, xasprintf(_("OCS host authorization "
			    "%s"), node->ip));
	}
}

/* A Lync/SfB deployment's step 5: the trusted application pool's
 * computers, routing nodes first, and its port. */
static void
values_trusted_pool(const struct fw_deployment *d, char ***lines, size_t *n)
{
	const struct fw_imp_node **nodes;
	size_t i, count = fw_imp_nodes_routing_first(d, &nodes);

	for (i = 0; i < count; i++)
		add_line(lines, n, i == 0 ?
		    xasprintf(_("Lync trusted application pool computer %s "
		    "(its -ComputerFqdn)"), nodes[i]->fqdn) :
		    xasprintf(_("Lync trusted application computer %s"),
		    nodes[i]->fqdn));
	add_line(lines, n, xasprintf(_("Lync trusted application port %d"),
	    d->peer_auth_port));
	free(nodes);
}

static void
values_cert(const struct fw_deployment *d, enum fw_cert_role role,
    char ***lines, size_t *n)
{
	const struct fw_cert *c = &d->certs[role];
	const struct fw_host_cert *h;
	size_t i;

	if (c->pem == NULL)
		add_line(lines, n, xasprintf(_("certificate %s: not given in "
		    "this project"), fw_cert_role_key(role)));
	else
		add_line(lines, n, xasprintf(_("certificate %s: SHA-256 %s"),
		    fw_cert_role_key(role), c->sha256 ? c->sha256 : "?"));
	for (i = 0; i < d->n_host_certs; i++) {
		h = &d->host_certs[i];
		if (h->role == role)
			add_line(lines, n, xasprintf(_("certificate %s of %s: "
			    "SHA-256 %s"), fw_cert_role_key(role), h->host,
			    h->cert.sha256 ? h->cert.sha256 : "?"));
	}
}

static void
values_confirm(const struct fw_deployment *d, const char *key,
    const char *label, char ***lines, size_t *n)
{
	add_line(lines, n, xasprintf("%s: %s", label,
	    fw_confirmed(d, key) ? _("confirmed") : _("not confirmed yet")));
}

void
fw_symptoms_step_values(const struct fw_deployment *d, int step,
    char ***lines, size_t *n)
{
	size_t i;

	switch (step) {
	case 1:
		for (i = 0; i < d->n_ocs_domains; i++)
			add_line(lines, n, xasprintf(_("SIP federated domain %s "
			    "(%s, Direct Federation), then Restart Cisco XCP "
			    "Router on all %zu nodes"), d->ocs_domains[i].name,
			    fw_integration_type(d), d->n_imp_nodes));
		break;
	case 2:
		values_routes_imp(d, lines, n);
		break;
	case 3:
		values_routes_ocs(d, lines, n);
		break;
	case 5:
		if (fw_deployment_has_ocs2007(d))
			values_host_auth(d, lines, n);
		if (fw_deployment_has_lync(d))
			values_trusted_pool(d, lines, n);
		break;
	case 6:
		values_cert(d, FW_CERT_OCS_CA, lines, n);
		values_cert(d, FW_CERT_OCS_CERT, lines, n);
		break;
	case 7:
		add_line(lines, n, xasprintf(_("OCS front end listener %d/%s, IP "
		    "address All"), fw_transport_port(d->transport),
		    transport_word(d)));
		break;
	case 8:
		values_confirm(d, "fips", _("FIPS on OCS"), lines, n);
		values_cert(d, FW_CERT_IMP_CA, lines, n);
		break;
	case 9:
		values_cert(d, FW_CERT_IMP_CERT, lines, n);
		for (i = 0; i < d->n_ocs_servers; i++)
			add_line(lines, n, xasprintf(_("TLS peer subject %s"),
			    d->ocs_servers[i].fqdn));
		values_confirm(d, "tls_3des",
		    _("TLS_RSA_WITH_3DES_EDE_CBC_SHA in the TLS context"), lines,
		    n);
		values_confirm(d, "empty_fragments",
		    _("Empty TLS fragments disabled"), lines, n);
		break;
	default:
		break;
	}
}

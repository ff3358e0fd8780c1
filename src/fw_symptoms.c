#include "config.h"

#include "fw_symptoms.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "fw_confirm.h"
#include "fw_i18n.h"
#include "fw_pattern.h"
#include "fw_util.h"

#define GUIDE_ROUTE_IMP N_("Configure Static Route on IM and Presence " \
	"Service for Microsoft Servers")
#define GUIDE_ROUTE_OCS N_("Configure Static Routes on OCS to Point to the " \
	"IM and Presence Service")
#define GUIDE_DOMAIN N_("Add a Microsoft OCS Domain Within Enterprise")
#define GUIDE_HOSTAUTH N_("Adding a Host Authorization Entry for the IM " \
	"and Presence Service Node on OCS")
#define GUIDE_IMP_CERTS N_("Set Up Certificates on the IM and Presence " \
	"Service Node for Federation with Microsoft Server over TLS")

/* Sources: domain-notes.md, which cites Cisco's Interdomain Federation and
 * troubleshooting guides (12.5-15) and Microsoft's Lync/OCS documentation. */
static const struct fw_symptom symptoms[] = {
	{ "sip-408", N_("SIP/2.0 408 Request Timeout"),
	  "(^|[^0-9])408([^0-9]|$)|request timeout",
	  N_("The SIP Proxy on IM and Presence sent a request and no answer "
	     "came back from the next hop: the request was routed nowhere "
	     "or to the wrong place."),
	  { N_("No static route on IM and Presence for the OCS domain, or a "
	       "destination pattern that is not reversed (domaina.com must "
	       "be .com.domaina.*)."),
	    N_("The route's next hop, port or protocol is wrong: TLS 5061 or "
	       "TCP 5060 to an OCS front end server."),
	    N_("OCS does not listen on that port (Front End Properties > "
	       "General: 5061/TLS or 5060/TCP, IP address All)."),
	    N_("Over TCP, NOTIFY requests time out unless the Cisco SIP Proxy "
	       "parameter \"Use Transport in Record-Route Header\" is On."),
	    NULL },
	  { 2, 7, 0 }, "ocs_server", GUIDE_ROUTE_IMP },
	{ "acl-untrusted",
	  N_("ACL - upstream not trusted - need to authenticate"),
	  "upstream not trusted|need to authenticate",
	  N_("The SIP Proxy received a request from a host it has no incoming "
	     "ACL for, so it does not trust it."),
	  { N_("The federated domain entry for the OCS domain is missing; IM "
	       "and Presence adds the incoming ACL only with that entry."),
	    N_("The Cisco XCP Router was not restarted on every node after the "
	       "federated domain entry was added."),
	    N_("On OCS, the host authorization entry for the IM and Presence "
	       "node is missing (its IP, and under TLS its FQDN)."),
	    NULL },
	  { 1, 5, 0 }, "ocs_domain imp_node", GUIDE_DOMAIN },
	{ "acl-slow", N_("incoming ACL check took over 2 seconds - check DNS"),
	  "acl check took|took over 2 seconds|check dns",
	  N_("Each incoming request waits for a reverse DNS lookup of the "
	     "sender that does not answer; users see delays of about 40 "
	     "seconds."),
	  { N_("The OCS servers' IP addresses have no PTR (reverse DNS) "
	       "records: add them."),
	    N_("The DNS servers IM and Presence uses do not answer reverse "
	       "lookups in time."),
	    NULL },
	  { 2, 0 }, "ocs_server", GUIDE_ROUTE_IMP },
	{ "ms-1008", N_("ms-diagnostics: 1008 (DNS SRV not resolved)"),
	  "ms-diagnostics:? *1008|(^|[^0-9])1008([^0-9]|$)|dns srv",
	  N_("OCS tried to find the IM and Presence domain through DNS SRV "
	     "records because no static route matched it."),
	  { N_("The static route on OCS for the IM and Presence domain is "
	       "missing, or its domain (matching URI) is misspelt."),
	    N_("The route was added on one Standard Edition server or pool "
	       "but not on the one that handled the request."),
	    NULL },
	  { 3, 0 }, "imp_domain", GUIDE_ROUTE_OCS },
	{ "ms-1010",
	  N_("ms-diagnostics: 1010 (certificate trust with next hop not "
	     "established)"),
	  "ms-diagnostics:? *1010|(^|[^0-9])1010([^0-9]|$)|certificate trust",
	  N_("OCS reached IM and Presence over TLS but does not trust the "
	     "certificate it presented."),
	  { N_("The root certificate of the CA that signs the IM and Presence "
	       "certificate is not in the OCS trust store."),
	    N_("The IM and Presence cup certificate was uploaded without its "
	       "root, so the chain is incomplete."),
	    NULL },
	  { 8, 9, 0 }, "imp_ca imp_cert", GUIDE_IMP_CERTS },
	{ "ms-1014", N_("ms-diagnostics: 1014 (DNS A record not resolved)"),
	  "ms-diagnostics:? *1014|(^|[^0-9])1014([^0-9]|$)|dns a record",
	  N_("The next hop of the OCS static route is an FQDN that does not "
	     "resolve from the OCS server."),
	  { N_("No A record for the IM and Presence node FQDN in the DNS the "
	       "OCS server uses."),
	    N_("The route names a different FQDN from the node's: it must "
	       "resolve to the node's IP address."),
	    NULL },
	  { 3, 0 }, "imp_domain imp_node", GUIDE_ROUTE_OCS },
	{ "ms-1047", N_("ms-diagnostics: 1047 (TLS negotiation failed)"),
	  "ms-diagnostics:? *1047|(^|[^0-9])1047([^0-9]|$)",
	  N_("The TLS handshake between OCS and IM and Presence failed, "
	     "often because one side does not trust the other's CA."),
	  { N_("One side does not trust the other's CA: the OCS CA as "
	       "cup-trust on IM and Presence, the IM and Presence CA in the "
	       "OCS trust store."),
	    N_("A certificate lacks Client Authentication in its Enhanced Key "
	       "Usage (the Microsoft CA's Web Server template gives Server "
	       "Authentication only)."),
	    N_("No cipher or TLS version in common: TLS_RSA_WITH_3DES_EDE_CBC_"
	       "SHA must be in the TLS context; an old OCS may offer TLS 1.0 "
	       "only (run fedwiz probe)."),
	    NULL },
	  { 6, 9, 8, 0 }, "ocs_cert imp_cert tls_3des", GUIDE_IMP_CERTS },
	{ "tls-failed", N_("Failed to complete TLS negotiation"),
	  "failed to complete tls|tls negotiation|handshake fail",
	  N_("A TLS connection between IM and Presence and OCS could not be "
	     "set up."),
	  { N_("A certificate lacks Client Authentication in its Enhanced Key "
	       "Usage: both sides act as client and server, so both "
	       "certificates need Server and Client Authentication."),
	    N_("The TLS peer subject on IM and Presence does not match the "
	       "OCS certificate's subject CN."),
	    N_("One side does not trust the other's CA."),
	    N_("No cipher or TLS version in common (3DES, TLS 1.0 on old OCS; "
	       "IM and Presence may require TLS 1.2)."),
	    NULL },
	  { 6, 9, 0 }, "ocs_cert imp_cert", GUIDE_IMP_CERTS },
	{ "slow-presence", N_("Presence or IM is slow"),
	  "slow|delay|takes? (a long|ages)",
	  N_("Messages arrive, but late."),
	  { N_("\"Disable Empty TLS Fragments\" is not set in the TLS Context "
	       "Configuration."),
	    N_("The OCS servers' IPs have no PTR records, so every incoming "
	       "ACL check waits for DNS (about 40-second delays)."),
	    NULL },
	  { 9, 2, 0 }, "empty_fragments ocs_server", GUIDE_IMP_CERTS },
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

static void
values_cert(const struct fw_deployment *d, enum fw_cert_role role,
    char ***lines, size_t *n)
{
	const struct fw_cert *c = &d->certs[role];

	if (c->pem == NULL)
		add_line(lines, n, xasprintf(_("certificate %s: not given in "
		    "this project"), fw_cert_role_key(role)));
	else
		add_line(lines, n, xasprintf(_("certificate %s: SHA-256 %s"),
		    fw_cert_role_key(role), c->sha256 ? c->sha256 : "?"));
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
			    "(Inter-domain to OCS/Lync, Direct Federation), then "
			    "Restart Cisco XCP Router on all %zu nodes"),
			    d->ocs_domains[i].name, d->n_imp_nodes));
		break;
	case 2:
		values_routes_imp(d, lines, n);
		break;
	case 3:
		values_routes_ocs(d, lines, n);
		break;
	case 5:
		values_host_auth(d, lines, n);
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

#include "config.h"

#include "fw_flow.h"

#include <string.h>

#include "fw_i18n.h"

#define IMP_ADMIN N_("Cisco Unified CM IM and Presence Administration")
#define OCS_ADMIN N_("Office Communications Server 2007 R2 administration " \
	"(Start > Programs > Administrative Tools)")

static const char *const transport_choices[] = { "tls", "tcp", NULL };
static const char *const edition_choices[] = { "standard", "enterprise",
	NULL };
static const char *const microsoft_choices[] = { "ocs2007r2", "lync2010",
	"lync2013", "sfb2015", "sfb2019", "sfbse", NULL };

#define LYNC_SHELL N_("Lync Server or Skype for Business Server Management " \
	"Shell")

static const struct fw_field step0_fields[] = {
	{ "name", FW_FIELD_TEXT, N_("Project name"),
	  N_("A name for this federation, shown on the start screen and the "
	     "printed checklist."),
	  N_("fedwiz only"), "Northwind federation", 0, 0, NULL, 0 },
	{ "transport", FW_FIELD_CHOICE, N_("Transport"),
	  N_("TLS or TCP between IM and Presence and OCS. TLS needs "
	     "certificates on both sides (steps 6, 8, 9); TCP uses ports "
	     "5060 and host authorization by IP only."),
	  N_("Both sides: the static routes' protocol"), "tls", 0, 0,
	  transport_choices, 0 },
	{ "ocs_edition", FW_FIELD_CHOICE, N_("OCS edition"),
	  N_("Standard Edition: routes and host authorization go on every "
	     "Standard Edition server. Enterprise Edition: on every pool."),
	  N_("OCS"), "standard", 0, 0, edition_choices, 0 },
	{ "imp_node", FW_FIELD_LIST, N_("IM and Presence nodes"),
	  N_("Every node of the IM and Presence cluster: its FQDN and IP. "
	     "Each needs host authorization on OCS and its own XCP Router "
	     "restart."),
	  IMP_ADMIN, "impa.cup.example.com 192.0.2.11", 0, FW_LIST_IMP_NODE,
	  NULL, 0 },
	{ "imp_domain", FW_FIELD_LIST, N_("IM and Presence domains"),
	  N_("The presence domains of IM and Presence. OCS needs a static "
	     "route for each."),
	  IMP_ADMIN, "foo.com", 0, FW_LIST_IMP_DOMAIN, NULL, 0 },
	{ "microsoft", FW_FIELD_CHOICE, N_("Microsoft server"),
	  N_("What the OCS domains run, unless a domain names its own: OCS "
	     "2007 R2 (ocs2007r2), Lync Server 2010 or 2013 (lync2010, "
	     "lync2013), Skype for Business Server 2015, 2019 or Subscription "
	     "Edition (sfb2015, sfb2019, sfbse). Lync and Skype for Business "
	     "take TLS only (TCP is not supported for federation with "
	     "Microsoft Lync: Cisco, Interdomain Federation 12.5) and a "
	     "trusted application pool instead of host authorization, FIPS and "
	     "the OCS listener (steps 5, 7, 8)."),
	  N_("Microsoft: Get-CsPool, or the front end's Programs and "
	     "Features"), "ocs2007r2", 0, 0, microsoft_choices, 0 },
	{ "imp_release", FW_FIELD_TEXT, N_("IM and Presence release"),
	  N_("Optional: the IM and Presence release, such as 11.5(1)SU3, 12.5 "
	     "or 15SU2. It picks the integration type label of the federated "
	     "domains and the TLS minimum version advice (show tls "
	     "min-version, since 11.5(1)SU3)."),
	  N_("IM and Presence CLI: show version active"), "12.5", 0, 0, NULL, 0 },
};

static const struct fw_field step1_fields[] = {
	{ "ocs_domain", FW_FIELD_LIST, N_("OCS domains"),
	  N_("Each Microsoft OCS domain gets a SIP federated domain entry: "
	     "Inter-domain to OCS/Lync, Direct Federation checked. IM and "
	     "Presence adds the incoming ACL itself. Afterwards restart the "
	     "Cisco XCP Router on every node."),
	  N_("IM and Presence Administration: Presence > Inter-Domain "
	     "Federation > SIP Federation"), "domaina.com", 0,
	  FW_LIST_OCS_DOMAIN, NULL, 0 },
};

static const struct fw_field step2_fields[] = {
	{ "ocs_pool", FW_FIELD_LIST, N_("OCS pools"),
	  N_("Enterprise Edition pools: static routes and host "
	     "authorization are configured once per pool."),
	  OCS_ADMIN, "pool1.ocs.example.com", FW_APPLIES_ENTERPRISE,
	  FW_LIST_OCS_POOL, NULL, 0 },
	{ "ocs_server", FW_FIELD_LIST, N_("OCS servers (next hops)"),
	  N_("Front end servers IM and Presence routes to: one primary per "
	     "OCS domain, optional backups at lower priority. The static "
	     "route's destination pattern is the domain reversed. Route "
	     "none: an Enterprise Edition front end no route points to, "
	     "which still needs its certificate, trust and FIPS."),
	  N_("IM and Presence Administration: Presence > Routing > Static "
	     "Routes"), ".com.domaina.*", 0, FW_LIST_OCS_SERVER, NULL, 0 },
};

static const struct fw_field step3_fields[] = {
	{ "imp_domain", FW_FIELD_LIST, N_("Routes to IM and Presence"),
	  N_("For each IM and Presence domain, the node OCS routes to. TLS: "
	     "the node FQDN, port 5061 (equal to the Peer Auth listener); "
	     "TCP: the node IP, port 5060. Phone URI and Replace host in "
	     "request URI stay unchecked."),
	  N_("OCS: Properties > Front End Properties > Routing > Add"),
	  "foo.com", 0, FW_LIST_IMP_DOMAIN, NULL, 0 },
};

static const struct fw_field step4_fields[] = {
	{ "peer_auth_port", FW_FIELD_PORT, N_("Peer Auth listener port"),
	  N_("Default Cisco SIP Proxy TLS Listener - Peer Auth. Must be "
	     "5061 (the guide's Step 4). Under TLS the OCS static routes use "
	     "this port; under TCP they go to the Default Cisco SIP Proxy TCP "
	     "Listener on 5060."),
	  N_("IM and Presence Administration: System > Application "
	     "Listener"), "5061", 0, 0, NULL, 0 },
	{ "server_auth_port", FW_FIELD_PORT, N_("Server Auth listener port"),
	  N_("Default Cisco SIP Proxy TLS Listener - Server Auth. Must not "
	     "be 5061; the default is 5062."),
	  N_("IM and Presence Administration: System > Application "
	     "Listener"), "5063", 0, 0, NULL, 0 },
};

static const struct fw_field step6_fields[] = {
	{ "ocs_ca", FW_FIELD_CERT_FILE, N_("OCS CA certificate"),
	  N_("The root certificate (and any intermediate) of the CA that "
	     "signs the OCS server certificates. IM and Presence trusts it as "
	     "cup-trust. For: every server without its own, or one pool or "
	     "server whose certificate another CA signed."),
	  N_("OCS: certificate snap-in; IM and Presence OS Administration: "
	     "Security > Certificate Management"), NULL, FW_APPLIES_TLS, 0,
	  NULL, 1 },
	{ "ocs_cert", FW_FIELD_CERT_FILE, N_("OCS server certificate"),
	  N_("The certificate selected on the OCS front end. Its Enhanced "
	     "Key Usage must hold both Server Authentication and Client "
	     "Authentication; its CN is the TLS peer subject on IM and "
	     "Presence. For: every server without its own, one pool (a "
	     "certificate issued to the pool FQDN) or one server (another "
	     "organisation's, say)."),
	  N_("OCS: Front End Server Properties > Certificates > Select "
	     "Certificate"), NULL, FW_APPLIES_TLS, 0, NULL, 1 },
};

static const struct fw_field step8_fields[] = {
	{ "fips", FW_FIELD_CONFIRM, N_("FIPS enabled on OCS"),
	  N_("Local Security Settings > Local Policies > Security Options > "
	     "System Cryptography: Use FIPS compliant algorithms, enabled; "
	     "OCS may need a restart. Then import the IM and Presence CA root "
	     "into the OCS trust store."),
	  N_("OCS: Local Security Settings"), NULL,
	  FW_APPLIES_TLS | FW_APPLIES_OCS2007, 0, NULL, 0 },
};

static const struct fw_field step9_fields[] = {
	{ "imp_ca", FW_FIELD_CERT_FILE, N_("IM and Presence CA certificate"),
	  N_("The root certificate of the CA that signs the IM and Presence "
	     "(cup) certificate; OCS imports it into its trust store."),
	  N_("IM and Presence OS Administration: Security > Certificate "
	     "Management (cup-trust)"), NULL,
	  FW_APPLIES_TLS, 0, NULL, 0 },
	{ "imp_cert", FW_FIELD_CERT_FILE, N_("IM and Presence certificate"),
	  N_("The CA-signed cup certificate. Its Enhanced Key Usage must hold "
	     "both Server Authentication and Client Authentication."),
	  N_("IM and Presence OS Administration: Security > Certificate "
	     "Management (cup)"), NULL,
	  FW_APPLIES_TLS, 0, NULL, 0 },
	{ "tls_3des", FW_FIELD_CONFIRM,
	  N_("TLS_RSA_WITH_3DES_EDE_CBC_SHA selected"),
	  N_("The TLS Context Configuration must have the cipher "
	     "TLS_RSA_WITH_3DES_EDE_CBC_SHA chosen."),
	  N_("IM and Presence Administration: System > Security > TLS "
	     "Context Configuration"), NULL, FW_APPLIES_TLS, 0, NULL, 0 },
	{ "empty_fragments", FW_FIELD_CONFIRM,
	  N_("Empty TLS fragments disabled"),
	  N_("Disable Empty TLS Fragments in the TLS Context Configuration; "
	     "left on it shows as slow presence and IM."),
	  N_("IM and Presence Administration: System > Security > TLS "
	     "Context Configuration"), NULL, FW_APPLIES_TLS, 0, NULL, 0 },
};

static const struct fw_field lync_step3_fields[] = {
	{ "imp_domain", FW_FIELD_LIST, N_("Routes to IM and Presence"),
	  N_("For each IM and Presence domain one TLS static route, "
	     "topology-wide (Set-CsStaticRoutingConfiguration -Identity "
	     "global), to the domain's routing node by FQDN on the Peer Auth "
	     "port. The match URI need not resolve in DNS; the destination "
	     "must resolve from the Lync server."),
	  LYNC_SHELL, "foo.com", FW_APPLIES_TLS, FW_LIST_IMP_DOMAIN, NULL, 0 },
};

/* Step 6's certificates (the same keys) as a Lync front end has them. */
static const struct fw_field lync_step6_fields[] = {
	{ "ocs_ca", FW_FIELD_CERT_FILE, N_("Microsoft CA certificate"),
	  N_("The root certificate of the CA that signs the Lync or Skype for "
	     "Business front end certificates. IM and Presence trusts it as "
	     "cup-trust."),
	  N_("Microsoft: certificate snap-in; IM and Presence OS "
	     "Administration: Security > Certificate Management"), NULL,
	  FW_APPLIES_TLS, 0, NULL, 1 },
	{ "ocs_cert", FW_FIELD_CERT_FILE, N_("Microsoft front end certificate"),
	  N_("The front end's default certificate (Get-CsCertificate -Type "
	     "Default). Its Enhanced Key Usage must hold both Server "
	     "Authentication and Client Authentication: Request-CsCertificate "
	     "-ClientEku $true, or a CA template with both."),
	  LYNC_SHELL, NULL, FW_APPLIES_TLS, 0, NULL, 1 },
};

#define FIELDS(a) (a), sizeof (a) / sizeof (a)[0]

/* The steps done otherwise on Lync and Skype for Business Server (Cisco,
 * Interdomain Federation 12.5(1)SU3, "Interdomain Federation to Microsoft
 * Lync"; domain notes). Step 7 and 8 have no Lync form: the trusted
 * application pool replaces them. */
static const struct fw_step lync_steps[] = {
	{ 3, N_("Lync static routes"),
	  N_("Configure a TLS Static Route on Lync to the IM and Presence "
	     "Service"),
	  N_("A TLS static route for each IM and Presence domain to its "
	     "routing node, set topology-wide with New-CsStaticRoute and "
	     "Set-CsStaticRoutingConfiguration."),
	  LYNC_SHELL, NULL, FW_APPLIES_TLS | FW_APPLIES_LYNC, 1,
	  FIELDS(lync_step3_fields), NULL,
	  N_("OCS and Lync routes") },
	{ 5, N_("Trusted application"),
	  N_("Configure a Trusted Application Pool on Lync for the IM and "
	     "Presence Service"),
	  N_("Lync trusts the IM and Presence nodes as a trusted application "
	     "pool (the routing node its first computer, the others added), "
	     "a trusted application on the Peer Auth port, then "
	     "Enable-CsTopology. This replaces host authorization, FIPS and "
	     "the OCS listener."),
	  LYNC_SHELL, NULL, FW_APPLIES_TLS | FW_APPLIES_LYNC, 1, NULL, 0,
	  NULL, N_("Host auth/trust app") },
	{ 6, N_("Lync certificate"),
	  N_("Check the Default Certificate of the Lync Front End Servers"),
	  N_("Each Lync or Skype for Business front end's default "
	     "certificate is CA-signed with Server and Client "
	     "Authentication."),
	  LYNC_SHELL, NULL, FW_APPLIES_TLS | FW_APPLIES_LYNC, 1,
	  FIELDS(lync_step6_fields), NULL,
	  N_("OCS and Lync certs") },
};

static const struct fw_column imp_domain_cols[] = {
	{ "name", N_("Domain"), FW_COL_HOST, 0, 0, 24 },
	{ "route_to", N_("OCS routes to node"), FW_COL_REF_NODE, 1, 0, 24 },
};

static const struct fw_column imp_node_cols[] = {
	{ "fqdn", N_("FQDN"), FW_COL_HOST, 0, 0, 28 },
	{ "ip", N_("IP"), FW_COL_IP, 0, 0, 16 },
};

/* A topology only where some domain runs Lync or Skype for Business. */
static const struct fw_column ocs_domain_cols[] = {
	{ "name", N_("Domain"), FW_COL_HOST, 0, 0, 22 },
	{ "description", N_("Description"), FW_COL_TEXT, 1, 0, 26 },
	{ "microsoft", N_("Microsoft"), FW_COL_MICROSOFT, 1, 0, 10 },
	{ "topology", N_("Topology"), FW_COL_TOPOLOGY, 1, FW_APPLIES_LYNC, 10 },
};

static const struct fw_column ocs_pool_cols[] = {
	{ "fqdn", N_("Pool FQDN"), FW_COL_HOST, 0, 0, 32 },
};

static const struct fw_column ocs_server_cols[] = {
	{ "fqdn", N_("Next hop"), FW_COL_HOST, 0, 0, 22 },
	{ "ip", N_("IP"), FW_COL_IP, 0, 0, 15 },
	{ "domain", N_("OCS domain"), FW_COL_REF_DOMAIN, 0, 0, 16 },
	{ "pool", N_("Pool"), FW_COL_REF_POOL, 0, FW_APPLIES_ENTERPRISE, 16 },
	{ "route", N_("Route"), FW_COL_ROUTE, 0, 0, 7 },
};

static const struct {
	const struct fw_column *cols;
	size_t n;
} list_cols[] = {
	[FW_LIST_IMP_DOMAIN] = { FIELDS(imp_domain_cols) },
	[FW_LIST_IMP_NODE] = { FIELDS(imp_node_cols) },
	[FW_LIST_OCS_DOMAIN] = { FIELDS(ocs_domain_cols) },
	[FW_LIST_OCS_POOL] = { FIELDS(ocs_pool_cols) },
	[FW_LIST_OCS_SERVER] = { FIELDS(ocs_server_cols) },
};

static const struct fw_step steps[FW_STEP_COUNT] = {
	{ 0, N_("Deployment"), N_("Deployment"),
	  N_("The two sides of the federation: transport, OCS edition, the "
	     "IM and Presence nodes and domains."),
	  N_("fedwiz"), NULL, 0, 0, FIELDS(step0_fields), NULL, NULL },
	{ 1, N_("Federated domains"),
	  N_("Add a Microsoft OCS Domain Within Enterprise"),
	  N_("A federated domain entry on IM and Presence for each OCS "
	     "domain, then an XCP Router restart on every node."),
	  IMP_ADMIN, N_("Presence > Inter-Domain Federation > SIP Federation"),
	  0, 1, FIELDS(step1_fields), NULL, NULL },
	{ 2, N_("IM&P static routes"),
	  N_("Configure Static Route on IM and Presence Service for "
	     "Microsoft Servers"),
	  N_("One route per OCS domain to a front end server; backups at "
	     "lower priority."),
	  IMP_ADMIN, N_("Presence > Routing > Static Routes"), 0, 1,
	  FIELDS(step2_fields), NULL, NULL },
	{ 3, N_("OCS static routes"),
	  N_("Configure Static Routes on OCS to Point to the IM and Presence "
	     "Service"),
	  N_("A static route on every OCS server or pool for each IM and "
	     "Presence domain, to an IM and Presence node."),
	  OCS_ADMIN, N_("Properties > Front End Properties > Routing"),
	  FW_APPLIES_OCS2007, 1, FIELDS(step3_fields), &lync_steps[0], NULL },
	{ 4, N_("Peer Auth listener"),
	  N_("Verify Peer Authentication Listener"),
	  N_("Peer Auth listener on 5061, Server Auth listener not on 5061."),
	  IMP_ADMIN, N_("System > Application Listener"), 0, 1,
	  FIELDS(step4_fields), NULL, NULL },
	{ 5, N_("Host authorization"),
	  N_("Adding a Host Authorization Entry for the IM and Presence "
	     "Service Node on OCS"),
	  N_("OCS accepts SIP from each IM and Presence node: its IP, and "
	     "under TLS also its FQDN. Throttle as Server and Treat as "
	     "Authenticated checked, Outbound Only unchecked."),
	  OCS_ADMIN, N_("Properties > Front End Properties > Host "
	  "Authorization"), FW_APPLIES_OCS2007, 1, NULL, 0, &lync_steps[1],
	  NULL },
	{ 6, N_("OCS certificate"),
	  N_("Configure Certificates on OCS for Interdomain Federation"),
	  N_("The OCS front end uses a CA-signed certificate with Server and "
	     "Client Authentication."),
	  OCS_ADMIN, N_("Properties > Front End Properties > Certificates"),
	  FW_APPLIES_TLS | FW_APPLIES_OCS2007, 1, FIELDS(step6_fields),
	  &lync_steps[2], NULL },
	{ 7, N_("OCS listener port"),
	  N_("Enable Port 5060/5061 on the OCS Server"),
	  N_("The OCS front end listens on 5061/TLS or 5060/TCP, IP address "
	     "All."),
	  OCS_ADMIN, N_("Properties > Front End Properties > General"),
	  FW_APPLIES_OCS2007, 1, NULL, 0, NULL, NULL },
	{ 8, N_("FIPS on OCS"), N_("Configure OCS to use FIPS"),
	  N_("FIPS compliant algorithms on OCS (TLSv1 rather than SSLv3), and "
	     "the IM and Presence CA root in the OCS trust store."),
	  N_("OCS: Local Security Settings"), N_("Local Policies > Security "
	  "Options"), FW_APPLIES_TLS | FW_APPLIES_OCS2007, 1,
	  FIELDS(step8_fields), NULL, NULL },
	{ 9, N_("IM&P certificates"),
	  N_("Set Up Certificates on the IM and Presence Service Node for "
	     "Federation with Microsoft Server over TLS"),
	  N_("cup-trust for each OCS CA on every node, a CA-signed cup "
	     "certificate with both EKUs, a TLS peer subject per OCS "
	     "certificate (its CN), the 3DES cipher, empty TLS fragments "
	     "disabled."),
	  IMP_ADMIN, N_("System > Security > TLS Peer Subjects; System > "
	  "Security > TLS Context Configuration"), FW_APPLIES_TLS, 1,
	  FIELDS(step9_fields), NULL, NULL },
};

const struct fw_step *
fw_flow_step(int n)
{
	if (n < 0 || n >= FW_STEP_COUNT)
		return NULL;
	return &steps[n];
}

/* The transport and edition of a mask. */
static int
applies_setup(unsigned applies, const struct fw_deployment *d)
{
	if ((applies & FW_APPLIES_TLS) && d->transport != FW_TRANSPORT_TLS)
		return 0;
	if ((applies & FW_APPLIES_TCP) && d->transport != FW_TRANSPORT_TCP)
		return 0;
	if ((applies & FW_APPLIES_ENTERPRISE) &&
	    d->edition != FW_EDITION_ENTERPRISE)
		return 0;
	if ((applies & FW_APPLIES_STANDARD) &&
	    d->edition != FW_EDITION_STANDARD)
		return 0;
	return 1;
}

int
fw_flow_applies(unsigned applies, const struct fw_deployment *d)
{
	if ((applies & FW_APPLIES_OCS2007) && !fw_deployment_has_ocs2007(d))
		return 0;
	if ((applies & FW_APPLIES_LYNC) && !fw_deployment_has_lync(d))
		return 0;
	return applies_setup(applies, d);
}

int
fw_flow_applies_to(unsigned applies, const struct fw_deployment *d,
    enum fw_microsoft m)
{
	if ((applies & FW_APPLIES_OCS2007) && fw_microsoft_is_lync(m))
		return 0;
	if ((applies & FW_APPLIES_LYNC) && !fw_microsoft_is_lync(m))
		return 0;
	return applies_setup(applies, d);
}

const struct fw_step *
fw_flow_step_for(int n, const struct fw_deployment *d)
{
	const struct fw_step *forms[FW_STEP_FORMS];

	return fw_flow_step_forms(n, d, forms) > 0 ? forms[0] : NULL;
}

size_t
fw_flow_step_forms(int n, const struct fw_deployment *d,
    const struct fw_step *forms[FW_STEP_FORMS])
{
	const struct fw_step *s = fw_flow_step(n);
	size_t k = 0;

	if (s == NULL)
		return 0;
	if (d != NULL && s->lync != NULL) {
		if (fw_flow_applies(s->applies, d))
			forms[k++] = s;
		if (fw_flow_applies(s->lync->applies, d))
			forms[k++] = s->lync;
	}
	/* Neither applying, the step itself says why. */
	if (k == 0)
		forms[k++] = s;
	return k;
}

const char *
fw_flow_step_title(int n, const struct fw_deployment *d)
{
	const struct fw_step *forms[FW_STEP_FORMS];
	size_t k = fw_flow_step_forms(n, d, forms);

	if (k == 0)
		return "";
	return k > 1 ? _(forms[1]->both_title) : _(forms[0]->title);
}

const struct fw_step *
fw_flow_step_kind(int n, enum fw_microsoft m)
{
	const struct fw_step *s = fw_flow_step(n);

	if (s != NULL && s->lync != NULL && fw_microsoft_is_lync(m))
		return s->lync;
	return s;
}

const char *
fw_flow_not_applicable_reason(const struct fw_step *s,
    const struct fw_deployment *d)
{
	if (fw_flow_applies(s->applies, d))
		return NULL;
	if ((s->applies & FW_APPLIES_TLS) && d->transport != FW_TRANSPORT_TLS)
		return _("TLS only: this deployment uses TCP");
	if (s->applies & FW_APPLIES_OCS2007)
		return _("OCS 2007 R2 only: the Lync and Skype for Business "
		    "servers trust IM and Presence as a trusted application "
		    "pool (step 5)");
	return _("Enterprise Edition only: this deployment uses Standard "
	    "Edition");
}

/* Whether a certificate of that role applies to every OCS server (its
 * own, its pool's or the project-wide one). */
static int
every_server_has(const struct fw_deployment *d, enum fw_cert_role role)
{
	size_t i;

	for (i = 0; i < d->n_ocs_servers; i++) {
		if (fw_server_cert(d, &d->ocs_servers[i], role, NULL) == NULL)
			return 0;
	}
	return 1;
}

/* Whether the answers this field asks for are there. Confirmations are
 * part of the step's "done", not of its answers. */
static int
field_filled(const struct fw_field *f, const struct fw_deployment *d)
{
	enum fw_cert_role role;

	switch (f->type) {
	case FW_FIELD_TEXT:
		return strcmp(f->key, "name") != 0 ||
		    (d->name != NULL && d->name[0] != '\0');
	case FW_FIELD_CHOICE:
	case FW_FIELD_PORT:
	case FW_FIELD_CONFIRM:
		return 1;
	case FW_FIELD_CERT_FILE:
		if (fw_cert_role_parse(f->key, &role) != 0)
			return 0;
		return f->per_host && d->n_ocs_servers > 0 ?
		    every_server_has(d, role) : d->certs[role].pem != NULL;
	case FW_FIELD_LIST:
		switch (f->list) {
		case FW_LIST_IMP_DOMAIN:
			return d->n_imp_domains > 0;
		case FW_LIST_IMP_NODE:
			return d->n_imp_nodes > 0;
		case FW_LIST_OCS_DOMAIN:
			return d->n_ocs_domains > 0;
		case FW_LIST_OCS_POOL:
			return d->n_ocs_pools > 0;
		case FW_LIST_OCS_SERVER:
			return d->n_ocs_servers > 0;
		}
	}
	return 0;
}

enum fw_step_state
fw_flow_step_state(const struct fw_step *s, const struct fw_deployment *d,
    int confirmed_done)
{
	size_t i, filled = 0, wanted = 0;

	if (!fw_flow_applies(s->applies, d))
		return FW_STEP_NOT_APPLICABLE;
	for (i = 0; i < s->n_fields; i++) {
		const struct fw_field *f = &s->fields[i];

		if (!fw_flow_applies(f->applies, d) ||
		    f->type == FW_FIELD_CONFIRM || f->type == FW_FIELD_CHOICE ||
		    f->type == FW_FIELD_PORT)
			continue;
		wanted++;
		filled += field_filled(f, d) ? 1 : 0;
	}
	if (filled == wanted && (!s->manual || confirmed_done))
		return FW_STEP_COMPLETE;
	if (filled > 0 || confirmed_done || (wanted == 0 && s->number == 0))
		return FW_STEP_IN_PROGRESS;
	return FW_STEP_NOT_STARTED;
}

const char *
fw_flow_state_name(enum fw_step_state st)
{
	switch (st) {
	case FW_STEP_NOT_APPLICABLE:
		return _("not applicable");
	case FW_STEP_NOT_STARTED:
		return _("not started");
	case FW_STEP_IN_PROGRESS:
		return _("in progress");
	case FW_STEP_COMPLETE:
		return _("complete");
	}
	return "";
}

const struct fw_field *
fw_flow_step_field(const struct fw_step *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n_fields; i++) {
		if (strcmp(s->fields[i].key, key) == 0)
			return &s->fields[i];
	}
	return NULL;
}

const struct fw_field *
fw_flow_field_for(const char *key, const struct fw_deployment *d)
{
	const struct fw_step *st;
	const struct fw_field *f;
	int n;

	if (fw_flow_find_field(key, &n) == NULL ||
	    (st = fw_flow_step_for(n, d)) == NULL)
		return NULL;
	f = fw_flow_step_field(st, key);
	return f != NULL ? f : fw_flow_find_field(key, NULL);
}

const struct fw_field *
fw_flow_find_field(const char *key, int *step)
{
	size_t i;
	int n;

	for (n = 0; n < FW_STEP_COUNT; n++) {
		for (i = 0; i < steps[n].n_fields; i++) {
			if (strcmp(steps[n].fields[i].key, key) == 0) {
				if (step != NULL)
					*step = n;
				return &steps[n].fields[i];
			}
		}
	}
	return NULL;
}

const struct fw_column *
fw_flow_columns(enum fw_list list, size_t *n)
{
	*n = list_cols[list].n;
	return list_cols[list].cols;
}

#define IMP_SERVICEABILITY \
	N_("Cisco Unified IM and Presence Serviceability")
#define IMP_OS_ADMIN N_("Cisco Unified IM and Presence OS Administration")

static const struct fw_place places[] = {
	/* Guide, "Add a Microsoft OCS Domain Within Enterprise", step 8. */
	{ "imp_network_services", IMP_SERVICEABILITY,
	  N_("Tools > Control Center - Network Services") },
	/* Cisco SIP Proxy parameters such as Use Transport in Record-Route
	 * Header: the page asks for the server, then the service. */
	{ "imp_service_parameters", IMP_ADMIN,
	  N_("System > Service Parameters") },
	/* The Cisco SIP Proxy is a feature service. */
	{ "imp_feature_services", IMP_SERVICEABILITY,
	  N_("Tools > Control Center - Feature Services") },
	{ "imp_certificates", IMP_OS_ADMIN,
	  N_("Security > Certificate Management") },
	{ "imp_tls_peer", IMP_ADMIN,
	  N_("System > Security > TLS Peer Subjects") },
	{ "imp_tls_context", IMP_ADMIN,
	  N_("System > Security > TLS Context Configuration") },
	/* Cisco Unified Presence Administration guide, "Configuring Incoming
	 * ACL": the entries of federated domains are added automatically. */
	{ "imp_incoming_acl", IMP_ADMIN,
	  N_("System > Security > Incoming ACL") },
	/* Guide, "Configure OCS to use FIPS", step 7. */
	{ "ocs_trust", N_("Certificates snap-in (mmc), Computer account"),
	  N_("Trusted Root Certification Authorities > Certificates > "
	     "All Tasks > Import") },
	{ "ocs_services", N_("Windows Services (services.msc)"),
	  N_("Office Communications Server services > Restart") },
	/* Cisco, Interdomain Federation 12.5(1)SU3, the Lync chapter. */
	{ "lync_control_panel", N_("Lync Server or Skype for Business Server "
	  "Control Panel"), N_("Federation and External User Access > SIP "
	  "Federated Providers > New > Public provider") },
	/* show/set tls min-version (since 11.5(1)SU3): per node. */
	{ "imp_cli", N_("IM and Presence command line (SSH, administrator)"),
	  NULL },
};

const struct fw_place *
fw_flow_place(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof places / sizeof places[0]; i++) {
		if (strcmp(places[i].key, key) == 0)
			return &places[i];
	}
	return NULL;
}

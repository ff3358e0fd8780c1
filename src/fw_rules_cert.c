#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_cert_check.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_rules_int.h"
#include "fw_util.h"

#define EXPIRY_WARN_DAYS 30
#define RSA_MIN_BITS 2048
#define DAY 86400

static int
is_ca_role(enum fw_cert_role r)
{
	return r == FW_CERT_OCS_CA || r == FW_CERT_IMP_CA;
}

/* The fix for a leaf without both EKUs, on the side that issues it.
 * Domain notes: the OCS 2007 R2 wizard and a duplicated Web Server
 * template (Request-CsCertificate -ClientEku $true on Lync) for OCS; for
 * IM&P, Cisco asks only for "a certificate template that has Server
 * Authentication and Client Authentication" to sign the cup CSR. */
static const char *
eku_fix(const struct fw_cert_expect *w)
{
	if (w->role_known && w->role == FW_CERT_OCS_CERT)
		return _("request a new certificate with the OCS 2007 R2 "
		    "certificate wizard from a duplicate of the Microsoft CA's "
		    "\"Web Server\" template with the Client Authentication "
		    "application policy added (on Lync: Request-CsCertificate "
		    "-ClientEku $true)");
	if (w->role_known && w->role == FW_CERT_IMP_CERT)
		return _("generate a new cup CSR on IM and Presence (OS "
		    "Administration > Security > Certificate Management) and "
		    "have the Microsoft CA sign it with a certificate template "
		    "that has Server Authentication and Client Authentication; "
		    "upload the result as cup");
	return _("have it re-issued from a certificate template that has "
	    "Server Authentication and Client Authentication (on a Microsoft "
	    "CA a duplicate of the \"Web Server\" template with the Client "
	    "Authentication application policy added; OIDs 1.3.6.1.5.5.7.3.1 "
	    "and 1.3.6.1.5.5.7.3.2)");
}

/* Why Server Authentication alone: the classic field failure (domain
 * notes). */
static const char *
eku_likely(const struct fw_cert_expect *w)
{
	if (w->role_known && w->role == FW_CERT_IMP_CERT)
		return _("Likely cause: the CA signed the cup CSR with the "
		    "\"Web Server\" template, which gives Server Authentication "
		    "only.");
	if (w->role_known && w->role == FW_CERT_OCS_CERT)
		return _("Likely cause: it was issued from the Microsoft CA's "
		    "\"Web Server\" template or requested by the OCS 2007 R2 "
		    "certificate wizard, which give Server Authentication "
		    "only.");
	return _("Likely cause: it was issued from the Microsoft CA's \"Web "
	    "Server\" template, which gives Server Authentication only.");
}

/* Guide, Set Up Certificates on the IM and Presence Service Node, step 2:
 * "Enhanced Key Usage with both Server Authentication and Client
 * Authentication". OCS and IM&P each act as TLS client and server. A
 * leaf without the extension is valid for any purpose by RFC 5280, but
 * the guide asks for both purposes by name, and so does fedwiz. */
static size_t
judge_eku(const struct fw_cert_info *ci, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	const char *missing, *why, *likely = "";

	if (ci->eku_server && ci->eku_client)
		return 0;
	why = _("both sides are TLS client and server, so it needs both "
	    "EKUs.");
	if (!ci->has_eku) {
		missing = _("has no Extended Key Usage at all");
		why = _("a TLS library may take that for any purpose, but IM "
		    "and Presence and OCS require Server Authentication and "
		    "Client Authentication listed explicitly.");
	} else if (!ci->eku_server && !ci->eku_client) {
		missing = _("lacks both Server Authentication and Client "
		    "Authentication");
	} else if (!ci->eku_server) {
		missing = _("lacks Server Authentication");
	} else {
		missing = _("lacks Client Authentication");
		likely = eku_likely(w);
	}
	fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
	    _("%s %s; %s%s%s Fix: %s"), w->label, missing, why,
	    likely[0] != '\0' ? " " : "", likely, eku_fix(w));
	return 1;
}

static size_t
judge_validity(const struct fw_cert_info *ci, const struct fw_cert_expect *w,
    time_t now, int ca, struct fw_findings *out)
{
	if (now < ci->not_before) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s is not valid before %s; check the clock of the CA "
		    "and of this host, or wait"), w->label,
		    ci->not_before_text);
		return 1;
	}
	if (now > ci->not_after) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL, ca ?
		    _("%s expired on %s; install the CA's current certificate "
		    "and re-issue what it signed") :
		    _("%s expired on %s; renew it with both EKUs and install "
		    "the new one"), w->label, ci->not_after_text);
		return 1;
	}
	if (ci->not_after - now < (time_t)EXPIRY_WARN_DAYS * DAY)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    _("%s expires on %s, in %lld days; renew it before then"),
		    w->label, ci->not_after_text,
		    (long long)((ci->not_after - now + DAY - 1) / DAY));
	return 0;
}

static char *
hosts_text(const struct fw_cert_expect *w)
{
	struct fw_strbuf sb;
	size_t i;

	fw_sb_init(&sb);
	for (i = 0; i < w->n_hosts; i++)
		fw_sb_printf(&sb, "%s%s", i > 0 ? ", " : "", w->hosts[i]);
	return fw_sb_steal(&sb);
}

/* The TLS peer subject on IM&P is the OCS server's FQDN, and the OCS
 * static route names the IM&P node's FQDN: each must be in the other's
 * certificate, as CN or SAN. One certificate may serve several servers
 * (the rules: one of them must be named, the others are warned about);
 * cert-check asks for each host given. */
static size_t
judge_hosts(const char *pem, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	int *match = xcalloc(w->n_hosts + 1, sizeof *match);
	size_t i, matched = 0, errors = 0;
	char *list;

	if (w->n_hosts == 0 || fw_cert_match_hosts(pem, w->hosts, w->n_hosts,
	    match) != 0)
		goto out;
	for (i = 0; i < w->n_hosts; i++)
		matched += match[i] != 0;
	if (matched == 0 && !w->each_host) {
		list = hosts_text(w);
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s names none of %s in its CN or SANs; the peer checks "
		    "the name: re-issue it for the server's FQDN"), w->label,
		    list);
		free(list);
		errors = 1;
		goto out;
	}
	for (i = 0; i < w->n_hosts; i++) {
		if (match[i])
			continue;
		if (w->each_host) {
			fw_finding_add(out, FW_SEV_ERROR, w->step, w->field,
			    w->hosts[i], _("%s does not name %s in its CN or "
			    "SANs; the peer checks the name: re-issue it with %s "
			    "as CN or SAN"), w->label, w->hosts[i], w->hosts[i]);
			errors++;
		} else {
			fw_finding_add(out, FW_SEV_WARNING, w->step, w->field,
			    w->hosts[i], _("%s does not name %s; that server "
			    "needs a certificate of its own with both EKUs (or "
			    "add its FQDN as a SAN)"), w->label, w->hosts[i]);
		}
	}
out:
	free(match);
	return errors;
}

static void
judge_strength(const struct fw_cert_info *ci, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	if (strcmp(ci->key_type, "RSA") == 0 && ci->key_bits < RSA_MIN_BITS)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    w->role_known && w->role == FW_CERT_IMP_CERT ?
		    _("%s has a %d-bit RSA key; generate a new cup CSR with "
		    "at least 2048 bits") :
		    _("%s has a %d-bit RSA key; request a new one with at "
		    "least 2048 bits (the OCS 2007 R2 wizard's sample requests "
		    "use 1024)"), w->label, ci->key_bits);
	if (ci->weak_signature)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    _("%s is signed with %s, a broken hash; have the CA "
		    "re-issue it with SHA-256"), w->label, ci->signature);
}

/* Where the root goes: IM&P trusts the OCS CA as cup-trust; each OCS
 * server trusts the IM&P CA in its Computer account's Trusted Root
 * Certification Authorities (guide, Configure OCS to use FIPS). */
static const char *
ca_where(const struct fw_cert_expect *w)
{
	if (w->role_known && w->role == FW_CERT_OCS_CA)
		return _("IM and Presence uploads them as cup-trust");
	if (w->role_known && w->role == FW_CERT_IMP_CA)
		return _("each OCS server imports them into Trusted Root "
		    "Certification Authorities");
	return _("cup-trust on IM and Presence, Trusted Root Certification "
	    "Authorities on OCS");
}

/* A CA file without its root: IM&P's certificate management has the CA
 * and its intermediates trusted before a certificate they signed (Cisco,
 * CUCM Administration Guide 14SU2, "Manage Certificates"), and a chain
 * that ends at an intermediate does not verify there. An error, then,
 * not a warning. */
static size_t
judge_ca_root(const char *pem, const struct fw_cert_info *ci,
    const struct fw_cert_expect *w, time_t now, struct fw_findings *out)
{
	char *why = NULL;

	if (w->ca_pem != NULL) {
		if (fw_cert_verify(pem, w->ca_pem, now, &why) == 0)
			return 0;
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s does not verify against the CA certificate given "
		    "for it (%s); give the root (and any intermediate) of the "
		    "CA that signed it"), w->label, why);
		free(why);
		return 1;
	}
	if (!ci->ca_constraint || fw_cert_has_root(pem) == 1)
		return 0;
	fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
	    _("%s (%s) is not a root: self-signed root missing; give the root "
	    "(and intermediates) of the CA, as the trust store needs them (%s)"),
	    w->label, ci->subject, ca_where(w));
	return 1;
}

size_t
fw_cert_judge_ca(const char *pem, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	struct fw_cert_info ci;
	time_t now = w->now != 0 ? w->now : time(NULL);
	size_t errors = 0;

	if (fw_cert_inspect(pem, &ci, NULL) != 0) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s: no readable certificate; load the file again"),
		    w->label);
		return 1;
	}
	/* A self-signed server certificate can be trusted as itself (IM&P
	 * takes any certificate as cup-trust); one issued by a CA anchors
	 * nothing but itself: the admin meant that CA's root. */
	if (!ci.ca_constraint) {
		fw_finding_add(out, ci.self_signed ? FW_SEV_WARNING :
		    FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s (%s) is not a CA certificate (no basicConstraints "
		    "CA:TRUE); give the root certificate of the CA that signs "
		    "the server certificates"), w->label, ci.subject);
		errors += !ci.self_signed;
	}
	if (ci.ca_constraint && ci.has_key_usage && !ci.key_cert_sign) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s (%s) has a Key Usage without Certificate Signing "
		    "(keyCertSign), so nothing it signed verifies; give the "
		    "CA's own certificate"), w->label, ci.subject);
		errors++;
	}
	errors += judge_validity(&ci, w, now, 1, out);
	errors += judge_ca_root(pem, &ci, w, now, out);
	judge_strength(&ci, w, out);
	fw_cert_info_clear(&ci);
	return errors;
}

size_t
fw_cert_judge(const char *pem, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	struct fw_cert_info ci;
	time_t now = w->now != 0 ? w->now : time(NULL);
	char *why = NULL;
	size_t errors = 0;

	if (w->role_known && is_ca_role(w->role))
		return fw_cert_judge_ca(pem, w, out);
	if (fw_cert_inspect(pem, &ci, &why) != 0) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s: %s; load the certificate file again"), w->label,
		    why);
		free(why);
		return 1;
	}
	errors += judge_eku(&ci, w, out);
	errors += judge_validity(&ci, w, now, 0, out);
	errors += judge_hosts(pem, w, out);
	if (w->ca_pem != NULL && fw_cert_verify(pem, w->ca_pem, now,
	    &why) != 0) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s does not verify against the CA certificate given "
		    "for it (%s); give the root (and any intermediate) of the "
		    "CA that signed it"), w->label, why);
		free(why);
		errors++;
	}
	judge_strength(&ci, w, out);
	if (ci.is_ca)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    _("%s is a CA certificate; give the server's own "
		    "certificate here and the CA under its CA field"),
		    w->label);
	fw_cert_info_clear(&ci);
	return errors;
}

/* What the rules judge a project's certificate of this role against:
 * named by its field's label, found at its field. */
static void
expect_for(enum fw_cert_role role, time_t now, struct fw_cert_expect *w)
{
	const char *field = fw_cert_role_key(role);
	const struct fw_field *f = fw_flow_find_field(field, NULL);

	memset(w, 0, sizeof *w);
	w->label = f != NULL ? _(f->label) : field;
	w->step = fw_rules_field_step(field);
	w->field = field;
	w->now = now;
	w->role_known = 1;
	w->role = role;
}

/*
 * The servers one certificate and CA apply to. OCS servers of one
 * organisation or pool often share one (the project-wide default, or the
 * pool's, issued to the pool FQDN) while another organisation's servers
 * have their own: each pair is judged against the servers it serves.
 */
struct cert_group {
	const struct fw_cert *cert, *ca;	/* NULL = none given */
	const char *owner;	/* server or pool whose own cert it is */
	const char **hosts;
	size_t n_hosts;
};

/* "LABEL of OWNER" for a server's or pool's own, "LABEL for HOSTS" when
 * servers differ in what applies to them, else LABEL (free()). */
static char *
group_label(const char *base, const struct cert_group *g, size_t n_groups)
{
	struct fw_strbuf sb;
	char *label;
	size_t i;

	/* TRANSLATORS: a certificate (field label) of one OCS server or
	 * pool, e.g. "OCS server certificate of pool1.example.com". */
	if (g->owner != NULL)
		return xasprintf(_("%s of %s"), base, g->owner);
	if (n_groups < 2 || g->n_hosts == 0)
		return xstrdup(base);
	fw_sb_init(&sb);
	for (i = 0; i < g->n_hosts; i++)
		fw_sb_printf(&sb, "%s%s", i > 0 ? ", " : "", g->hosts[i]);
	/* TRANSLATORS: a certificate (field label) and the OCS servers it
	 * applies to, e.g. "OCS server certificate for fe1.a, fe2.a". */
	label = xasprintf(_("%s for %s"), base, sb.buf);
	free(sb.buf);
	return label;
}

static const char *
field_label(const struct fw_deployment *d, const char *field)
{
	const struct fw_field *f = fw_flow_field_for(field, d);

	return f != NULL ? _(f->label) : field;
}

/* One server certificate and its CA, judged against the hosts they
 * serve; judge_ca_too is 0 when an earlier group had the same CA. */
static void
check_group(const struct fw_rule_ctx *ctx, enum fw_cert_role cert_role,
    enum fw_cert_role ca_role, const struct cert_group *g, size_t n_groups,
    int judge_ca_too, struct fw_findings *out)
{
	const char *ca_field = fw_cert_role_key(ca_role);
	char *label = group_label(field_label(ctx->d, fw_cert_role_key(cert_role)), g,
	    n_groups);
	char *ca_label = group_label(field_label(ctx->d, ca_field), g, n_groups);
	struct fw_cert_expect w;

	if (judge_ca_too && g->ca != NULL) {
		expect_for(ca_role, ctx->now, &w);
		w.label = ca_label;
		fw_cert_judge_ca(g->ca->pem, &w, out);
	} else if (judge_ca_too) {
		fw_finding_add(out, FW_SEV_WARNING,
		    fw_rules_field_step(ca_field), ca_field, NULL,
		    _("no %s given; add it so fedwiz can check the chain the "
		    "other side must trust"), ca_label);
	}
	expect_for(cert_role, ctx->now, &w);
	w.label = label;
	w.hosts = g->hosts;
	w.n_hosts = g->n_hosts;
	w.ca_pem = g->ca != NULL ? g->ca->pem : NULL;
	if (g->cert == NULL)
		fw_finding_add(out, FW_SEV_WARNING, w.step, w.field, NULL,
		    _("no %s given; add it so fedwiz can check its Extended "
		    "Key Usage, validity and names"), w.label);
	else
		fw_cert_judge(g->cert->pem, &w, out);
	free(label);
	free(ca_label);
}

/* The group of cert and ca in groups[0..*n), added when new. */
static struct cert_group *
group_of(struct cert_group *groups, size_t *n, const struct fw_cert *cert,
    const struct fw_cert *ca, const char *owner)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (groups[i].cert == cert && groups[i].ca == ca)
			return &groups[i];
	}
	groups[*n].cert = cert;
	groups[*n].ca = ca;
	groups[*n].owner = owner;
	return &groups[(*n)++];
}

/* Whether a group before g had g's CA (ca 1) or certificate (ca 0):
 * each is judged once. */
static int
seen_before(const struct cert_group *groups, const struct cert_group *g,
    int ca)
{
	const struct cert_group *e;

	for (e = groups; e < g; e++) {
		if (ca ? e->ca == g->ca : e->cert == g->cert)
			return 1;
	}
	return 0;
}

/* Groups the OCS servers by the certificate and CA that apply to each
 * (fw_server_cert()); hosts point into d. Returns the number of groups. */
static size_t
ocs_groups(const struct fw_deployment *d, struct cert_group *groups,
    const char **hosts)
{
	const struct fw_ocs_server *s;
	const struct fw_cert *cert, *ca;
	enum fw_cert_from from;
	struct cert_group *g;
	size_t i, j, n = 0, used = 0;

	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (s->fqdn == NULL)
			continue;
		cert = fw_server_cert(d, s, FW_CERT_OCS_CERT, &from);
		ca = fw_server_cert(d, s, FW_CERT_OCS_CA, NULL);
		g = group_of(groups, &n, cert, ca, from == FW_CERT_FROM_SERVER ?
		    s->fqdn : from == FW_CERT_FROM_POOL ? s->pool : NULL);
		g->n_hosts++;
	}
	/* Each group's hosts, in the order entered, in one array. */
	for (j = 0; j < n; j++) {
		groups[j].hosts = hosts + used;
		used += groups[j].n_hosts;
		groups[j].n_hosts = 0;
	}
	for (i = 0; i < d->n_ocs_servers; i++) {
		s = &d->ocs_servers[i];
		if (s->fqdn == NULL)
			continue;
		g = group_of(groups, &n, fw_server_cert(d, s, FW_CERT_OCS_CERT,
		    NULL), fw_server_cert(d, s, FW_CERT_OCS_CA, NULL), NULL);
		g->hosts[g->n_hosts++] = s->fqdn;
	}
	return n;
}

/* Domain notes: "The TLS peer subject on IM&P must match the Microsoft
 * certificate's CN", while the guide (step 9, step 4) says to use the
 * server's FQDN. When the CN is no OCS server FQDN (a pool name, say), the
 * two disagree: say which to enter. */
static void
check_peer_subject(const struct fw_deployment *d, const char *pem,
    struct fw_findings *out)
{
	struct fw_cert_info ci;
	size_t i;

	if (pem == NULL || fw_cert_inspect(pem, &ci, NULL) != 0)
		return;
	for (i = 0; i < d->n_ocs_servers && ci.common_name != NULL; i++) {
		if (fw_strcaseeq(d->ocs_servers[i].fqdn, ci.common_name))
			break;
	}
	if (ci.common_name != NULL && i == d->n_ocs_servers &&
	    d->n_ocs_servers > 0)
		fw_finding_add(out, FW_SEV_WARNING, FW_STEP_IMP_CERTS, NULL,
		    ci.common_name, _("the OCS certificate's CN is %s, which "
		    "is no OCS server FQDN; IM and Presence matches the TLS "
		    "peer subject against the CN: enter %s under System > "
		    "Security > TLS Peer Subjects"), ci.common_name,
		    ci.common_name);
	fw_cert_info_clear(&ci);
}

static void
check_ocs(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	struct cert_group *groups = xcalloc(d->n_ocs_servers + 1,
	    sizeof *groups);
	const char **hosts = xcalloc(d->n_ocs_servers + 1, sizeof *hosts);
	size_t i, n = ocs_groups(d, groups, hosts);

	/* No server yet: the project-wide ones are judged all the same. */
	if (n == 0) {
		groups[0].cert = d->certs[FW_CERT_OCS_CERT].pem != NULL ?
		    &d->certs[FW_CERT_OCS_CERT] : NULL;
		groups[0].ca = d->certs[FW_CERT_OCS_CA].pem != NULL ?
		    &d->certs[FW_CERT_OCS_CA] : NULL;
		groups[0].hosts = hosts;
		n = 1;
	}
	for (i = 0; i < n; i++)
		check_group(ctx, FW_CERT_OCS_CERT, FW_CERT_OCS_CA, &groups[i], n,
		    !seen_before(groups, &groups[i], 1), out);
	for (i = 0; i < n; i++) {
		if (groups[i].cert != NULL &&
		    !seen_before(groups, &groups[i], 0))
			check_peer_subject(d, groups[i].cert->pem, out);
	}
	free(hosts);
	free(groups);
}

void
fw_rules_cert(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	struct cert_group imp = { NULL, NULL, NULL, NULL, 0 };
	size_t i;

	/* Guide, Configure Certificates on OCS: "If you are not using TLS,
	 * you can skip this step". */
	if (d->transport != FW_TRANSPORT_TLS)
		return;
	check_ocs(ctx, out);
	imp.hosts = xcalloc(d->n_imp_nodes + 1, sizeof *imp.hosts);
	for (i = 0; i < d->n_imp_nodes; i++) {
		if (d->imp_nodes[i].fqdn != NULL)
			imp.hosts[imp.n_hosts++] = d->imp_nodes[i].fqdn;
	}
	if (d->certs[FW_CERT_IMP_CERT].pem != NULL)
		imp.cert = &d->certs[FW_CERT_IMP_CERT];
	if (d->certs[FW_CERT_IMP_CA].pem != NULL)
		imp.ca = &d->certs[FW_CERT_IMP_CA];
	check_group(ctx, FW_CERT_IMP_CERT, FW_CERT_IMP_CA, &imp, 1, 1, out);
	free(imp.hosts);
}

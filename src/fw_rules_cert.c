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

/* Guide, Set Up Certificates on the IM and Presence Service Node, step 2:
 * "Enhanced Key Usage with both Server Authentication and Client
 * Authentication". OCS and IM&P each act as TLS client and server. */
static size_t
judge_eku(const struct fw_cert_info *ci, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	const char *missing;

	if (ci->eku_server && ci->eku_client)
		return 0;
	if (!ci->has_eku)
		missing = _("has no Extended Key Usage at all");
	else if (!ci->eku_server && !ci->eku_client)
		missing = _("lacks both Server Authentication and Client "
		    "Authentication");
	else
		missing = _("lacks Server Authentication");
	/* The classic field failure (domain notes): Server Authentication
	 * only, from the Microsoft CA's Web Server template or the OCS 2007
	 * R2 certificate wizard's own requests. */
	if (ci->eku_server && !ci->eku_client) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s lacks Client Authentication; both sides are TLS "
		    "client and server, so it needs both EKUs. Likely cause: it "
		    "was issued from the Microsoft CA's \"Web Server\" template "
		    "or requested by the OCS 2007 R2 certificate wizard, which "
		    "give Server Authentication only. Fix: duplicate the Web "
		    "Server template, add the Client Authentication application "
		    "policy, and request a new certificate from that template "
		    "(on Lync: Request-CsCertificate -ClientEku $true)"),
		    w->label);
		return 1;
	}
	fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
	    _("%s %s; it needs both Server Authentication and Client "
	    "Authentication: re-issue it from a template with both (on a "
	    "Microsoft CA a copy of Web Server with Client Authentication "
	    "added; OIDs 1.3.6.1.5.5.7.3.1 and 1.3.6.1.5.5.7.3.2)"), w->label,
	    missing);
	return 1;
}

static size_t
judge_validity(const struct fw_cert_info *ci, const struct fw_cert_expect *w,
    time_t now, struct fw_findings *out)
{
	if (now < ci->not_before) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s is not valid before %s; check the clock of the CA "
		    "and of this host, or wait"), w->label,
		    ci->not_before_text);
		return 1;
	}
	if (now > ci->not_after) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
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

/* The TLS peer subject on IM&P is the OCS server's FQDN, and the OCS
 * static route names the IM&P node's FQDN: each must be in the other's
 * certificate, as CN or SAN. */
static size_t
judge_hosts(const char *pem, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	int *match = xcalloc(w->n_hosts + 1, sizeof *match);
	size_t i, matched = 0, errors = 0;
	struct fw_strbuf sb;

	if (w->n_hosts == 0 || fw_cert_match_hosts(pem, w->hosts, w->n_hosts,
	    match) != 0)
		goto out;
	for (i = 0; i < w->n_hosts; i++)
		matched += match[i] != 0;
	if (matched == 0) {
		fw_sb_init(&sb);
		for (i = 0; i < w->n_hosts; i++)
			fw_sb_printf(&sb, "%s%s", i > 0 ? ", " : "",
			    w->hosts[i]);
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s names none of %s in its CN or SANs; the peer checks "
		    "the name: re-issue it for the server's FQDN"), w->label,
		    sb.buf);
		free(sb.buf);
		errors = 1;
		goto out;
	}
	for (i = 0; i < w->n_hosts; i++) {
		if (!match[i])
			fw_finding_add(out, FW_SEV_WARNING, w->step, w->field,
			    w->hosts[i], _("%s does not name %s; that server "
			    "needs a certificate of its own with both EKUs (or "
			    "add its FQDN as a SAN)"), w->label, w->hosts[i]);
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
		    _("%s has a %d-bit RSA key; request a new one with at "
		    "least 2048 bits (the OCS 2007 R2 wizard's sample requests "
		    "use 1024)"), w->label, ci->key_bits);
	if (ci->weak_signature)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    _("%s is signed with %s, a broken hash; have the CA "
		    "re-issue it with SHA-256"), w->label, ci->signature);
	if (ci->is_ca)
		fw_finding_add(out, FW_SEV_WARNING, w->step, w->field, NULL,
		    _("%s is a CA certificate; give the server's own "
		    "certificate here and the CA under its CA field"),
		    w->label);
}

size_t
fw_cert_judge(const char *pem, const struct fw_cert_expect *w,
    struct fw_findings *out)
{
	struct fw_cert_info ci;
	time_t now = w->now != 0 ? w->now : time(NULL);
	char *why = NULL;
	size_t errors = 0;

	if (fw_cert_inspect(pem, &ci, &why) != 0) {
		fw_finding_add(out, FW_SEV_ERROR, w->step, w->field, NULL,
		    _("%s: %s; load the certificate file again"), w->label,
		    why);
		free(why);
		return 1;
	}
	errors += judge_eku(&ci, w, out);
	errors += judge_validity(&ci, w, now, out);
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
	fw_cert_info_clear(&ci);
	return errors;
}

/* The CA file itself: a CA, and valid now. */
static void
judge_ca(const char *pem, const char *field, time_t now,
    struct fw_findings *out)
{
	const struct fw_field *f = fw_flow_find_field(field, NULL);
	const char *label = f != NULL ? _(f->label) : field;
	int step = fw_rules_field_step(field);
	struct fw_cert_info ci;

	if (fw_cert_inspect(pem, &ci, NULL) != 0) {
		fw_finding_add(out, FW_SEV_ERROR, step, field, NULL,
		    _("%s: no readable certificate; load the file again"),
		    label);
		return;
	}
	if (!ci.is_ca)
		fw_finding_add(out, FW_SEV_WARNING, step, field, NULL,
		    _("%s (%s) is not a CA certificate; give the root "
		    "certificate of the CA that signs the server "
		    "certificates"), label, ci.subject);
	if (now > ci.not_after || now < ci.not_before)
		fw_finding_add(out, FW_SEV_ERROR, step, field, NULL,
		    _("%s (%s) is valid only from %s to %s; install the CA's "
		    "current root"), label, ci.subject, ci.not_before_text,
		    ci.not_after_text);
	fw_cert_info_clear(&ci);
}

/* One server certificate and its CA, judged against the hosts of one
 * side. */
static void
check_side(const struct fw_rule_ctx *ctx, enum fw_cert_role cert_role,
    enum fw_cert_role ca_role, const char **hosts, size_t n_hosts,
    struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	const char *field = fw_cert_role_key(cert_role);
	const char *ca_field = fw_cert_role_key(ca_role);
	const struct fw_field *f = fw_flow_find_field(field, NULL);
	const struct fw_field *caf = fw_flow_find_field(ca_field, NULL);
	struct fw_cert_expect w;

	memset(&w, 0, sizeof w);
	w.label = f != NULL ? _(f->label) : field;
	w.step = fw_rules_field_step(field);
	w.field = field;
	w.hosts = hosts;
	w.n_hosts = n_hosts;
	w.ca_pem = d->certs[ca_role].pem;
	w.now = ctx->now;
	if (d->certs[ca_role].pem != NULL)
		judge_ca(d->certs[ca_role].pem, ca_field, ctx->now, out);
	else
		fw_finding_add(out, FW_SEV_WARNING,
		    fw_rules_field_step(ca_field), ca_field, NULL,
		    _("no %s given; add it so fedwiz can check the chain the "
		    "other side must trust"), caf != NULL ? _(caf->label) :
		    ca_field);
	if (d->certs[cert_role].pem == NULL) {
		fw_finding_add(out, FW_SEV_WARNING, w.step, field, NULL,
		    _("no %s given; add it so fedwiz can check its Extended "
		    "Key Usage, validity and names"), w.label);
		return;
	}
	fw_cert_judge(d->certs[cert_role].pem, &w, out);
}

/* Domain notes: "The TLS peer subject on IM&P must match the Microsoft
 * certificate's CN", while the guide (step 9, step 4) says to use the
 * server's FQDN. When the CN is no OCS server FQDN (a pool name, say), the
 * two disagree: say which to enter. */
static void
check_peer_subject(const struct fw_deployment *d, struct fw_findings *out)
{
	const char *pem = d->certs[FW_CERT_OCS_CERT].pem;
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

void
fw_rules_cert(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	const char **hosts;
	size_t i, n;

	/* Guide, Configure Certificates on OCS: "If you are not using TLS,
	 * you can skip this step". */
	if (d->transport != FW_TRANSPORT_TLS)
		return;
	n = d->n_ocs_servers > d->n_imp_nodes ? d->n_ocs_servers :
	    d->n_imp_nodes;
	hosts = xcalloc(n + 1, sizeof *hosts);
	for (i = n = 0; i < d->n_ocs_servers; i++) {
		if (d->ocs_servers[i].fqdn != NULL)
			hosts[n++] = d->ocs_servers[i].fqdn;
	}
	check_side(ctx, FW_CERT_OCS_CERT, FW_CERT_OCS_CA, hosts, n, out);
	for (i = n = 0; i < d->n_imp_nodes; i++) {
		if (d->imp_nodes[i].fqdn != NULL)
			hosts[n++] = d->imp_nodes[i].fqdn;
	}
	check_side(ctx, FW_CERT_IMP_CERT, FW_CERT_IMP_CA, hosts, n, out);
	free(hosts);
	check_peer_subject(d, out);
}

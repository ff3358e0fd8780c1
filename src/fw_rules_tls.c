#include "config.h"


#include "fw_confirm.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_rules_int.h"

/* Settings made by hand that fedwiz cannot see: the admin confirms them in
 * the wizard or ticks their checklist items (fw_confirm.h); until then each
 * is a warning saying what to set. */
static const struct confirm_rule {
	const char *key;	/* the flow table's FW_FIELD_CONFIRM key */
	const char *todo;	/* N_(): what to set */
} confirm_rules[] = {
	/* Guide, Set Up Certificates on the IM and Presence Service Node,
	 * step 5: "Make sure that the TLS_RSA_WITH_3DES_EDE_CBC_SHA cipher
	 * is chosen for the TLS Context Configuration". */
	{ "tls_3des", N_("TLS_RSA_WITH_3DES_EDE_CBC_SHA is not confirmed as "
	  "selected: move it to the Selected TLS Ciphers of the federation "
	  "TLS context") },
	/* Same step: "Make sure that you disable empty TLS fragments";
	 * left on it shows as slow presence and IM (domain notes). */
	{ "empty_fragments", N_("empty TLS fragments are not confirmed as "
	  "disabled: check Disable Empty TLS Fragments in the federation "
	  "TLS context") },
	/* Guide, Configure OCS to use FIPS. */
	{ "fips", N_("FIPS is not confirmed on OCS: enable System "
	  "Cryptography: Use FIPS compliant algorithms and restart OCS if "
	  "asked") },
};

void
fw_rules_tls(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct confirm_rule *r;
	const struct fw_field *f;
	size_t i;
	int step;

	if (ctx->d->transport != FW_TRANSPORT_TLS)
		return;
	for (i = 0; i < sizeof confirm_rules / sizeof confirm_rules[0]; i++) {
		r = &confirm_rules[i];
		f = fw_flow_find_field(r->key, &step);
		if (fw_confirmed(ctx->d, r->key) ||
		    (f != NULL && !fw_flow_applies(f->applies, ctx->d)))
			continue;
		fw_finding_add(out, FW_SEV_WARNING, step, r->key, NULL,
		    _("%s (%s); then confirm it in fedwiz"), _(r->todo),
		    f != NULL && f->where != NULL ? _(f->where) : "");
	}
	/* SWEET32 (CVE-2016-2183): a 64-bit block cipher leaks over long
	 * sessions. The guide requires it for OCS 2007 R2, so: an info. */
	if (fw_deployment_has_ocs2007(ctx->d))
		fw_finding_add(out, FW_SEV_INFO,
		    fw_rules_field_step("tls_3des"), "tls_3des", NULL,
		    _("3DES is a 64-bit block cipher (SWEET32, "
		    "CVE-2016-2183); it is here because OCS 2007 R2 needs it. "
		    "Retire it when both sides allow an AES cipher"));
	else
		/* Cisco's Lync chapter (12.5) still selects 3DES; its 15
		 * guide: "Microsoft Lync does not support EC ciphers". */
		fw_finding_add(out, FW_SEV_INFO,
		    fw_rules_field_step("tls_3des"), "tls_3des", NULL,
		    _("3DES is a 64-bit block cipher (SWEET32, "
		    "CVE-2016-2183); Cisco's Lync guide (12.5) selects it. "
		    "Where both sides allow an AES cipher with RSA key "
		    "exchange, add it (Lync does not support EC ciphers: never "
		    "an EC-only list)"));
}

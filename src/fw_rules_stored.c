#include "config.h"

#include "fw_i18n.h"
#include "fw_rules_int.h"

/*
 * Values the project holds outside their domains (fw_store_rw.c found
 * them while loading and left the defaults in place): errors, so that
 * nobody configures servers from a default that was never chosen.
 */
void
fw_rules_stored(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_stored_fault *f;
	size_t i;

	for (i = 0; i < ctx->d->n_stored_faults; i++) {
		f = &ctx->d->stored_faults[i];
		fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step(f->field),
		    f->field, f->subject, _("stored value outside its "
		    "domain: %s; set it again in the wizard or with 'fedwiz "
		    "import'"), f->message);
	}
}

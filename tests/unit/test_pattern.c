#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_model.h"
#include "fw_pattern.h"
#include "fw_confirm.h"
#include "fw_symptoms.h"
#include "fw_util.h"
#include "tap.h"

static void
pattern(const char *domain, const char *want)
{
	char *got = fw_dest_pattern(domain);

	is_str(got, want, "destination pattern of '%s'", domain);
	free(got);
}

static void
wrap(const char *text, size_t width, const char *want)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_wrap(&sb, text, width, "> ", "  ");
	is_str(sb.buf, want, "wrap '%.20s' at %zu", text, width);
	free(sb.buf);
}

/* The one symptom text matches, by id. */
static const struct fw_symptom *
symptom(const char *id)
{
	const struct fw_symptom *all;
	size_t n, i;

	all = fw_symptoms(&n);
	for (i = 0; i < n; i++) {
		if (strcmp(all[i].id, id) == 0)
			return &all[i];
	}
	return NULL;
}

/* How many of a symptom's causes apply and are not confirmed, and whether
 * one holding word is among them. */
static size_t
open_causes(const struct fw_symptom *sy, const struct fw_deployment *d,
    const char *word, int *has)
{
	size_t i, n = 0;

	*has = 0;
	for (i = 0; i < FW_SYMPTOM_CAUSES && sy->causes[i].text != NULL; i++) {
		if (!fw_symptom_cause_applies(&sy->causes[i], d) ||
		    fw_symptom_cause_confirmed(&sy->causes[i], d))
			continue;
		n++;
		*has |= strstr(sy->causes[i].text, word) != NULL;
	}
	return n;
}

/* Causes and steps follow the project: transport, edition, what the admin
 * has confirmed. */
static void
test_symptom_filter(void)
{
	struct fw_deployment *d = fw_deployment_new();
	const struct fw_symptom *sy = symptom("ms-1047");
	size_t i, n_all, n_tls;
	int has, steps_tls = 0, step3_tcp = 0;

	d->transport = FW_TRANSPORT_TLS;
	n_all = open_causes(sy, NULL, "3DES", &has);
	n_tls = open_causes(sy, d, "3DES", &has);
	ok(has && n_tls < n_all, "1047 under TLS: the 3DES cause, not the TCP "
	    "ones (%zu of %zu)", n_tls, n_all);
	fw_add_tick(d, FW_ITEM_TLS_CIPHER, NULL, "admin", "2026-01-01 00:00:00");
	open_causes(sy, d, "3DES", &has);
	ok(!has, "... once 3DES is confirmed, it is no open cause");
	ok(fw_symptom_cause_confirmed(&sy->causes[2], d),
	    "... but a confirmed one");
	is_str(fw_symptom_meaning(sy, d), sy->meaning, "... its meaning is "
	    "the TLS one");
	d->transport = FW_TRANSPORT_TCP;
	open_causes(sy, d, "3DES", &has);
	ok(!has, "1047 under TCP: no 3DES cause");
	open_causes(sy, d, "TLS route", &has);
	ok(has, "... but an OCS route set to TLS");
	ok(strstr(fw_symptom_meaning(sy, d), "uses TCP") != NULL,
	    "... and what a TLS error means in a TCP project");
	for (i = 0; i < FW_SYMPTOM_STEPS && sy->steps[i].step != 0; i++) {
		if (!fw_symptom_step_applies(&sy->steps[i], d))
			continue;
		steps_tls += sy->steps[i].step != 3;
		step3_tcp += sy->steps[i].step == 3;
	}
	ok(steps_tls == 0 && step3_tcp == 1, "... steps: only step 3");
	d->transport = FW_TRANSPORT_TLS;
	ok(!fw_symptom_step_applies(&sy->steps[3], d), "under TLS no step "
	    "3 for 1047");

	sy = symptom("ms-1008");
	d->edition = FW_EDITION_ENTERPRISE;
	open_causes(sy, d, "Standard Edition server", &has);
	ok(!has, "1008 in Enterprise Edition: no Standard Edition cause");
	open_causes(sy, d, "every pool", &has);
	ok(has, "... but every pool");
	d->edition = FW_EDITION_STANDARD;
	open_causes(sy, d, "every pool", &has);
	ok(!has, "1008 in Standard Edition: no pool cause");
	fw_deployment_free(d);
}

int
main(void)
{
	const struct fw_symptom *found[8];
	size_t n;

	/* The guide's own example, then deeper and shorter names. */
	pattern("domaina.com", ".com.domaina.*");
	pattern("ocs.contoso.test", ".test.contoso.ocs.*");
	pattern("lync.fabrikam.test.", ".test.fabrikam.lync.*");
	pattern("localdomain", ".localdomain.*");

	wrap("one two three", 80, "> one two three\n");
	wrap("one two three", 9, "> one two\n  three\n");
	wrap("Übergröße ändern", 12, "> Übergröße\n  ändern\n");
	wrap("averyveryverylongword x", 8, "> averyveryverylongword\n  x\n");
	is_int((long long)fw_utf8_width("Grüße", strlen("Grüße")), 5,
	    "umlauts count one column each");

	n = fw_symptoms_match("SIP/2.0 408 Request Timeout", found, 8);
	ok(n >= 1 && strcmp(found[0]->id, "sip-408") == 0, "408 recognised");
	n = fw_symptoms_match("the 14080 apples", found, 8);
	ok(n == 0, "408 inside a longer number is not a 408");
	n = fw_symptoms_match("ms-diagnostics: 1014;reason=\"x\"", found, 8);
	ok(n == 1 && strcmp(found[0]->id, "ms-1014") == 0, "1014 recognised");
	n = fw_symptoms_for_field("imp_cert", found, 8);
	ok(n >= 2, "symptoms listed for the imp_cert field (%zu)", n);
	n = fw_symptoms_for_field("imp", found, 8);
	is_int((long long)n, 0, "field keys match whole words only");
	n = fw_symptoms_match("SIP/2.0 480 Temporarily Unavailable", found, 8);
	ok(n == 1 && strcmp(found[0]->id, "sip-480") == 0, "480 recognised");
	n = fw_symptoms_match("ms-diagnostics: 1010", found, 8);
	ok(n == 1 && strcmp(found[0]->id, "ms-1010") == 0, "1010 recognised");
	test_symptom_filter();
	return done_testing();
}

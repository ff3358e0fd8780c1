#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw_pattern.h"
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
	return done_testing();
}

/*
 * libFuzzer target: the answers parser. Beyond not crashing, it checks the
 * round trip the man page promises: an accepted file, exported and parsed
 * again, exports to the same text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_answers.h"
#include "fw_model.h"
#include "fw_util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fw_deployment *d = NULL, *again = NULL;
	char *errors = NULL, *text = NULL, *text2 = NULL, *copy;

	/* An exact-size copy, so reading past len is caught by ASan. */
	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	if (fw_answers_parse(copy, size, "fuzz.answers", &d, &errors,
	    NULL) != 0) {
		if (errors == NULL || errors[0] == '\0')
			fuzz_fail("refused without saying why");
		goto out;
	}
	if (errors != NULL)
		fuzz_fail("accepted, yet errors were given");
	text = fw_answers_format(d);
	if (fw_answers_parse(text, strlen(text), "fuzz.answers", &again,
	    &errors, NULL) != 0)
		fuzz_fail("its own export is refused: %s", errors);
	text2 = fw_answers_format(again);
	if (strcmp(text, text2) != 0)
		fuzz_fail("export, import, export differs");
out:
	fw_deployment_free(d);
	fw_deployment_free(again);
	free(errors);
	free(text);
	free(text2);
	free(copy);
	return 0;
}

#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "fw_answers.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz import PROJECT FILE: all or nothing. The file is parsed in full
 * before the project is even opened; the replacement is one transaction. */
static int
import_exec(int argc, char **argv)
{
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *errors = NULL, *cause = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_import, argc, argv, "", NULL, NULL, NULL,
	    &first);
	if (rc != -1)
		return rc;
	if (argc - first != 2)
		return fw_cmd_usage(&fw_cmd_import, argc - first < 2 ?
		    _("needs PROJECT and FILE") : _("too many arguments"));
	if (fw_answers_read(argv[first + 1], &d, &errors) != 0) {
		fw_cmd_print_errors(errors);
		fw_err(_("%s: nothing imported; the project is unchanged"),
		    argv[first]);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	rc = fw_cmd_open_project(argv[first], 0, &p);
	if (rc != FW_EXIT_OK)
		goto out;
	if (fw_project_replace(p, d, &cause) != 0) {
		fw_err("%s", cause);
		fw_err(_("%s: nothing imported; the project is unchanged"),
		    argv[first]);
		rc = FW_EXIT_USAGE;
	}
out:
	fw_project_close(p);
	fw_deployment_free(d);
	free(errors);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_import = {
	"import",
	"PROJECT FILE",
	N_("Replace a project's answers with an answers file, all or "
	    "nothing."),
	NULL,
	import_exec,
};

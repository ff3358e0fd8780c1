#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "fw_answers.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz init PROJECT [--answers FILE]: a new project, never over an
 * existing file; with --answers the file is only created when the answers
 * are valid. */

struct init_opts {
	const char *answers;
};

static int
init_opt(int opt, const char *arg, void *ctx)
{
	struct init_opts *o = ctx;

	if (opt != 'a')
		return -1;
	o->answers = arg;
	return 0;
}

static int
init_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct init_opts o = { NULL };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *errors = NULL, *warnings = NULL, *cause = NULL;
	const char *path;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_init, argc, argv, "a:", longopts, init_opt,
	    &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_init, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	path = argv[first];
	/* Elsewhere "-" is standard input: a file of that name is a slip. */
	if (strcmp(path, "-") == 0)
		return fw_cmd_usage(&fw_cmd_init, _("'-' is not a project file "
		    "name; name the file (./- if you mean it)"));
	if (o.answers != NULL &&
	    fw_answers_read(o.answers, &d, &errors, &warnings) != 0) {
		fw_cmd_print_errors(errors);
		fw_err(_("%s: not created; fix %s first"), path, o.answers);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	fw_cmd_print_errors(warnings);
	rc = fw_cmd_open_project(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p);
	if (rc != FW_EXIT_OK)
		goto out;
	if (d != NULL && fw_project_replace(p, d, &cause) != 0) {
		fw_err("%s", cause);
		/* We made the file a moment ago (O_EXCL): take it back. */
		fw_project_close(p);
		p = NULL;
		unlink(path);
		rc = FW_EXIT_USAGE;
	}
out:
	fw_project_close(p);
	fw_deployment_free(d);
	free(errors);
	free(warnings);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_init = {
	"init",
	"PROJECT [--answers FILE]",
	N_("Create a new project file, empty or from an answers file."),
	N_("  -a, --answers FILE  fill the project from this answers file "
	    "(- = standard\n"
	    "                      input); nothing is created when it has "
	    "errors\n"),
	init_exec,
};

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_answers.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/* Answers name internal hosts and addresses: keep them private like the
 * project file itself. */
#define EXPORT_MODE 0600

struct export_opts {
	const char *output;
};

static int
export_opt(int opt, const char *arg, void *ctx)
{
	struct export_opts *o = ctx;

	if (opt != 'o')
		return -1;
	o->output = arg;
	return 0;
}

/* Export writes only what import reads back: a value planted in the
 * project that import refuses (a host name holding a blank, say) is
 * named, and nothing is written. */
static int
check_reimport(const char *project, const char *text)
{
	struct fw_deployment *back = NULL;
	char *errors = NULL, *warnings = NULL;
	size_t len;
	int rc;

	/* Warnings (ticks of items that are gone) import too. */
	rc = fw_answers_parse(text, strlen(text), "export", &back, &errors,
	    &warnings);
	free(warnings);
	if (rc == 0) {
		fw_deployment_free(back);
		return FW_EXIT_OK;
	}
	len = strcspn(errors, "\n");
	fw_err(_("%s: not exported, the answers would not import again: "
	    "%.*s; correct it in the wizard"), project, (int)len, errors);
	free(errors);
	return FW_EXIT_USAGE;
}

static int
export_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_opts o = { NULL };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *text;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_export, argc, argv, "o:", longopts,
	    export_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_export, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	rc = fw_cmd_load_project(argv[first], &p, &d);
	if (rc != FW_EXIT_OK)
		return rc;
	text = fw_answers_format(d);
	rc = check_reimport(argv[first], text);
	if (rc == FW_EXIT_OK)
		rc = fw_cmd_write_output(o.output, argv[first], text,
		    EXPORT_MODE);
	fw_project_close(p);
	fw_deployment_free(d);
	free(text);
	return rc;
}

const struct fw_cmd fw_cmd_export = {
	"export",
	"PROJECT [-o FILE]",
	N_("Write a project's answers as an answers file."),
	N_("  -o, --output FILE   write to FILE (mode 0600, replaced "
	    "atomically) instead\n"
	    "                      of standard output\n"),
	export_exec,
};

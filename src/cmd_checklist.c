#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_out.h"
#include "fw_print.h"
#include "fw_render.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz checklist PROJECT [--format F] [-o FILE] [--print]. Opened
 * read-only, so it works while a wizard holds the project. */

/* A checklist names internal hosts and addresses, like the project. */
#define CHECKLIST_MODE 0600

#define OPT_PRINT 0x200
#define OPT_TODO 0x201

struct checklist_opts {
	enum fw_render_format format;
	const char *format_arg;
	const char *output;
	int print;
	int todo;
};

static int
checklist_opt(int opt, const char *arg, void *ctx)
{
	struct checklist_opts *o = ctx;

	switch (opt) {
	case 'f':
		o->format_arg = arg;
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case OPT_PRINT:
		o->print = 1;
		return 0;
	case OPT_TODO:
		o->todo = 1;
		return 0;
	}
	return -1;
}

/* --print: to the spooler, or into a file when there is none. */
static int
print_out(const char *project, const char *output, const char *text)
{
	char *cause = NULL, *command = NULL, *path = NULL, *title;
	int rc = FW_EXIT_OK;

	title = xasprintf(_("fedwiz checklist %s"), project);
	switch (fw_print_text(text, title, &command, &cause)) {
	case FW_PRINT_SENT:
		fw_err(_("sent to the printer with '%s'"), command);
		break;
	case FW_PRINT_NO_SPOOLER:
		path = output != NULL ? xstrdup(output) :
		    fw_print_fallback_path(project);
		rc = fw_cmd_write_output(path, project, text, CHECKLIST_MODE);
		if (rc == FW_EXIT_OK)
			fw_err(_("no print system (lp or lpr) found; wrote "
			    "the checklist to %s"), path);
		break;
	case FW_PRINT_FAILED:
		fw_err(_("printing failed: %s"), cause);
		rc = FW_EXIT_USAGE;
		break;
	}
	free(title);
	free(command);
	free(path);
	free(cause);
	return rc;
}

static int
checklist_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "todo", no_argument, NULL, OPT_TODO },
		{ NULL, 0, NULL, 0 },
	};
	struct checklist_opts o = { FW_RENDER_TEXT, NULL, NULL, 0, 0 };
	struct fw_deployment *d = NULL;
	struct fw_checklist *cl = NULL;
	struct fw_project *p = NULL;
	struct fw_render_info info;
	struct fw_out *out;
	char *cause = NULL, *text = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_checklist, argc, argv, "f:o:", longopts,
	    checklist_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_checklist, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	if (o.format_arg != NULL &&
	    fw_render_format_parse(o.format_arg, &o.format) != 0)
		return fw_cmd_usage(&fw_cmd_checklist, _("unknown format "
		    "'%s'; allowed: text, markdown, html"), o.format_arg);
	if (o.print && o.format != FW_RENDER_TEXT)
		return fw_cmd_usage(&fw_cmd_checklist, _("--print prints the "
		    "text format only"));
	rc = fw_cmd_load_project(argv[first], &p, &d);
	if (rc != FW_EXIT_OK)
		return rc;
	if (fw_render_info_init(&info, d, argv[first], &cause) != 0) {
		fw_err("%s", cause);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	cl = fw_checklist_build(d);
	if (o.todo)
		fw_checklist_keep_todo(cl);
	info.todo = o.todo;
	if (o.print) {
		text = fw_render(o.format, cl, &info);
		rc = print_out(argv[first], o.output, text);
	} else {
		rc = fw_cmd_open_output(o.output, argv[first], CHECKLIST_MODE,
		    &out);
		if (rc == FW_EXIT_OK) {
			fw_render_write(o.format, cl, &info, out);
			rc = fw_cmd_close_output(out);
		}
	}
	/* Written, but not to work from: a script that goes on to mail or
	 * print it should stop, as it does after fedwiz validate. */
	if (rc == FW_EXIT_OK && cl->n_errors > 0) {
		fw_err(_("errors in the answers: %zu; the checklist lists "
		    "them at its top and says \"fix step N first\" where they "
		    "make a value wrong"), cl->n_errors);
		rc = FW_EXIT_FINDINGS;
	}
out:
	fw_project_close(p);
	fw_checklist_free(cl);
	fw_deployment_free(d);
	free(text);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_checklist = {
	"checklist",
	"PROJECT [--format text|markdown|html] [--todo] [-o FILE] [--print]",
	N_("Write the completion checklist: what to set on each server."),
	N_("  -f, --format FORMAT text (the default; 80 columns), markdown "
	    "(GitHub task\n"
	    "                      lists) or html (one self-contained file "
	    "to print)\n"
	    "  -o, --output FILE   write to FILE (mode 0600, replaced "
	    "atomically) instead\n"
	    "                      of standard output\n"
	    "      --todo          only the items still to do (open or changed "
	    "since done)\n"
	    "      --print         send the text to lp or lpr (queue from "
	    "LPDEST or\n"
	    "                      PRINTER); without either, write it to "
	    "FILE or\n"
	    "                      PROJECT-checklist.txt beside the "
	    "project\n"
	    "\nThe date in the header is SOURCE_DATE_EPOCH when set. While the "
	    "rules\n"
	    "find errors in the answers (as validate --offline does), the "
	    "checklist\n"
	    "opens with them, and checklist exits 1 after writing it.\n"),
	checklist_exec,
};

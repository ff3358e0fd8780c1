#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_answers.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz import PROJECT FILE: all or nothing. The file is parsed in full
 * before the project is even opened; the replacement is one transaction. */

struct import_opts {
	int replace_all;
};

static int
import_opt(int opt, const char *arg, void *ctx)
{
	struct import_opts *o = ctx;

	(void)arg;
	if (opt != 'R')
		return -1;
	o->replace_all = 1;
	return 0;
}

/* The entries of the repeatable sections: domains, nodes, pools, servers. */
static size_t
entries(const struct fw_deployment *d)
{
	return d->n_imp_domains + d->n_imp_nodes + d->n_ocs_domains +
	    d->n_ocs_pools + d->n_ocs_servers;
}

/* What an import replaces: entries, certificates and ticks. */
static size_t
contents(const struct fw_deployment *d)
{
	size_t i, n = entries(d) + d->n_ticks;

	for (i = 0; i < FW_CERT_COUNT; i++)
		n += d->certs[i].pem != NULL;
	return n;
}

/* A file without entries (an empty one, one of comments, the wrong one)
 * must not wipe a project by accident: that takes --replace-all. */
static int
check_wipe(struct fw_project *p, const struct fw_deployment *d,
    const char *file, const struct import_opts *o)
{
	struct fw_deployment *cur = NULL;
	char *cause = NULL;
	size_t n;

	if (o->replace_all || entries(d) > 0)
		return FW_EXIT_OK;
	if (fw_project_load(p, &cur, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	n = contents(cur);
	fw_deployment_free(cur);
	if (n == 0)
		return FW_EXIT_OK;
	fw_err(_("%s: %s holds no entries and would delete all %zu of the "
	    "project's; nothing imported (--replace-all does it)"),
	    fw_project_path(p), strcmp(file, "-") == 0 ?
	    _("standard input") : file, n);
	return FW_EXIT_USAGE;
}

static int
import_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "replace-all", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_opts o = { 0 };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *errors = NULL, *warnings = NULL, *cause = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_import, argc, argv, "", longopts,
	    import_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 2)
		return fw_cmd_usage(&fw_cmd_import, argc - first < 2 ?
		    _("needs PROJECT and FILE") : _("too many arguments"));
	if (fw_answers_read(argv[first + 1], &d, &errors, &warnings) != 0) {
		fw_cmd_print_errors(errors);
		fw_err(_("%s: nothing imported; the project is unchanged"),
		    argv[first]);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	fw_cmd_print_errors(warnings);
	rc = fw_cmd_open_project(argv[first], 0, &p);
	if (rc != FW_EXIT_OK ||
	    (rc = check_wipe(p, d, argv[first + 1], &o)) != FW_EXIT_OK)
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
	free(warnings);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_import = {
	"import",
	"PROJECT FILE [--replace-all]",
	N_("Replace a project's answers with an answers file, all or "
	    "nothing."),
	N_("  --replace-all       import even a file with no entries, which "
	    "empties the\n"
	    "                      project (refused without it)\n"),
	import_exec,
};

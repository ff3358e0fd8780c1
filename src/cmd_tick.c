#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/*
 * fedwiz tick PROJECT ITEM... and fedwiz untick PROJECT ITEM...: the
 * checklist's boxes from the shell. Every ITEM is checked before any is
 * changed, so a typo changes nothing.
 */

/* Whether the project holds a tick for id (one the checklist may no
 * longer have: untick clears it all the same). */
static int
has_tick(const struct fw_deployment *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->n_ticks; i++) {
		if (strcmp(d->ticks[i].item, id) == 0)
			return 1;
	}
	return 0;
}

static int
tick_run(const struct fw_cmd *cmd, int argc, char **argv, int tick)
{
	struct fw_deployment *d = NULL;
	struct fw_checklist *cl = NULL;
	struct fw_project *p = NULL;
	const struct fw_check_item *it;
	char *cause = NULL;
	int rc, first, i;

	rc = fw_cmd_parse(cmd, argc, argv, "", NULL, NULL, NULL, &first);
	if (rc != -1)
		return rc;
	if (argc - first < 2)
		return fw_cmd_usage(cmd, argc - first < 1 ?
		    _("missing PROJECT") : _("missing ITEM"));
	rc = fw_cmd_open_project(argv[first], 0, &p);
	if (rc != FW_EXIT_OK)
		return rc;
	if (fw_project_load(p, &d, &cause) != 0) {
		fw_err("%s", cause);
		rc = FW_EXIT_USAGE;
		goto out;
	}
	cl = fw_checklist_build(d);
	for (i = first + 1; i < argc; i++) {
		if (fw_checklist_find(cl, argv[i]) == NULL &&
		    (tick || !has_tick(d, argv[i]))) {
			fw_err(_("%s: no checklist item '%s'; 'fedwiz "
			    "checklist %s' shows each item's id"), argv[first],
			    argv[i], argv[first]);
			rc = FW_EXIT_USAGE;
		}
	}
	for (i = first + 1; rc == FW_EXIT_OK && i < argc; i++) {
		it = fw_checklist_find(cl, argv[i]);
		if ((tick ? fw_project_tick(p, argv[i], it->fingerprint,
		    &cause) : fw_project_untick(p, argv[i], &cause)) != 0) {
			fw_err("%s", cause);
			rc = FW_EXIT_USAGE;
		}
	}
out:
	fw_project_close(p);
	fw_checklist_free(cl);
	fw_deployment_free(d);
	free(cause);
	return rc;
}

static int
tick_exec(int argc, char **argv)
{
	return tick_run(&fw_cmd_tick, argc, argv, 1);
}

static int
untick_exec(int argc, char **argv)
{
	return tick_run(&fw_cmd_untick, argc, argv, 0);
}

const struct fw_cmd fw_cmd_tick = {
	"tick",
	"PROJECT ITEM...",
	N_("Tick checklist items as done, with their current values."),
	NULL,
	tick_exec,
};

const struct fw_cmd fw_cmd_untick = {
	"untick",
	"PROJECT ITEM...",
	N_("Take the ticks off checklist items."),
	NULL,
	untick_exec,
};

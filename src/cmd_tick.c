#include "config.h"

#include <fnmatch.h>
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
 * checklist's boxes from the shell. An ITEM is an id or a shell pattern
 * of ids ('imp.xcp.*'). Every ITEM is checked before any is changed, so a
 * typo changes nothing, and all change in one transaction. The ticks of
 * imp.tlscontext.cipher, imp.tlscontext.fragments and ocs.*.fips are the
 * confirmations the rules read (fw_confirm.h).
 */

/* The ids to change, pointing into the checklist and the deployment. */
struct targets {
	const char **ids;
	size_t n;
};

static void
target_add(struct targets *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (strcmp(t->ids[i], id) == 0)
			return;
	}
	t->ids = xreallocarray(t->ids, t->n + 1, sizeof *t->ids);
	t->ids[t->n++] = id;
}

static int
matches(const char *item, const char *id, int glob)
{
	return glob ? fnmatch(item, id, 0) == 0 : strcmp(item, id) == 0;
}

/* Adds the ids ITEM names: itself, or with * ? [ every id it matches as
 * a shell pattern. untick also reaches ticks whose item is gone (a renamed
 * server). Returns how many it named. */
static size_t
resolve(struct targets *t, const char *item, const struct fw_checklist *cl,
    const struct fw_deployment *d, int tick)
{
	int glob = strpbrk(item, "*?[") != NULL;
	size_t g, i, n = 0;

	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++) {
			const char *id = cl->groups[g].items[i].id;

			if (matches(item, id, glob)) {
				target_add(t, id);
				n++;
			}
		}
	}
	for (i = 0; !tick && i < d->n_ticks; i++) {
		const char *id = d->ticks[i].item;

		if (matches(item, id, glob)) {
			target_add(t, id);
			n++;
		}
	}
	return n;
}

static int
tick_run(const struct fw_cmd *cmd, int argc, char **argv, int tick)
{
	struct fw_deployment *d = NULL;
	struct fw_checklist *cl = NULL;
	struct fw_project *p = NULL;
	const struct fw_check_item *it;
	struct targets t = { NULL, 0 };
	const char **fps = NULL;
	char *cause = NULL;
	int rc, first, i;
	size_t k;

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
		if (resolve(&t, argv[i], cl, d, tick) == 0) {
			fw_err(_("%s: no checklist item '%s'; 'fedwiz "
			    "checklist %s' shows each item's id"), argv[first],
			    argv[i], argv[first]);
			rc = FW_EXIT_USAGE;
		}
	}
	if (rc != FW_EXIT_OK)
		goto out;
	fps = xreallocarray(NULL, t.n + 1, sizeof *fps);
	for (k = 0; k < t.n; k++) {
		it = fw_checklist_find(cl, t.ids[k]);
		fps[k] = it != NULL ? it->fingerprint : NULL;
	}
	if (fw_project_set_ticks(p, t.ids, fps, t.n, tick, &cause) != 0) {
		fw_err("%s", cause);
		rc = FW_EXIT_USAGE;
	}
out:
	fw_project_close(p);
	fw_checklist_free(cl);
	fw_deployment_free(d);
	free(t.ids);
	free(fps);
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
	N_("  ITEM is an item id, or a shell pattern of ids in quotes "
	    "('imp.xcp.*').\n"),
	tick_exec,
};

const struct fw_cmd fw_cmd_untick = {
	"untick",
	"PROJECT ITEM...",
	N_("Take the ticks off checklist items."),
	N_("  ITEM is an item id, or a shell pattern of ids in quotes "
	    "('imp.xcp.*').\n"),
	untick_exec,
};

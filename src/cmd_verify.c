#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_readback.h"
#include "fw_store.h"
#include "fw_util.h"
#include "fw_verify.h"

/*
 * fedwiz verify PROJECT --microsoft FILE.json: the read-back of a Lync or
 * Skype for Business pool compared with the project (fw_verify.h). The
 * file is read whole before the project is touched: a refused file stores
 * nothing. The results replace the target's earlier verify results in the
 * project's probe results, where the checklist's Verify section reads them.
 */

#define OPT_MICROSOFT 0x200
#define OPT_SERVER 0x201
#define OPT_TICK 0x202

struct verify_opts {
	const char *microsoft;
	const char *server;
	int tick;
};

static int
verify_opt(int opt, const char *arg, void *ctx)
{
	struct verify_opts *o = ctx;

	switch (opt) {
	case OPT_MICROSOFT:
		o->microsoft = arg;
		return 0;
	case OPT_SERVER:
		o->server = arg;
		return 0;
	case OPT_TICK:
		o->tick = 1;
		return 0;
	}
	return -1;
}

/* The read-back's own time, "YYYY-MM-DDTHH:MM:SSZ", as the store keeps
 * times; the time of this run when it is not in that form. */
static void
result_time(const struct fw_readback *rb, char *buf, size_t size)
{
	const char *w = rb->written;
	static const char form[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t i;

	for (i = 0; w[i] != '\0' && form[i] != '\0'; i++) {
		if (form[i] == 'd' ? w[i] < '0' || w[i] > '9' : w[i] != form[i])
			break;
	}
	if (i != sizeof form - 1 || w[i] != '\0') {
		fw_now_utc(buf, size);
		return;
	}
	snprintf(buf, size, "%.10s %.8s", w, w + 11);
}

/* The state is padded to the widest of its translations. */
static size_t
state_width(void)
{
	size_t w, max = 0;
	int s;

	for (s = FW_VERIFY_PRESENT; s <= FW_VERIFY_EXTRA; s++) {
		w = fw_utf8_width(fw_verify_state_name(s),
		    strlen(fw_verify_state_name(s)));
		if (w > max)
			max = w;
	}
	return max;
}

static void
print_item(const struct fw_verify_item *it, size_t width)
{
	const char *state = fw_verify_state_name(it->state), *nl, *s;

	fw_out("  %s%*s %-11s %s\n", state, fw_pad_width(state, width), "",
	    it->kind, it->summary);
	for (s = it->detail; s != NULL && *s != '\0'; s = nl ? nl + 1 : "") {
		nl = strchr(s, '\n');
		fw_out("%*s%.*s\n", (int)width + 15, "",
		    nl ? (int)(nl - s) : (int)strlen(s), s);
	}
}

/* Saves every result but the extras (they are not the project's). */
static int
save(struct fw_project *p, const struct fw_verify *v, const char *time,
    char **cause)
{
	struct fw_probe_result *r = xcalloc(v->n + 1, sizeof *r);
	size_t i, n = 0;
	int rc;

	for (i = 0; i < v->n; i++) {
		if (v->items[i].state == FW_VERIFY_EXTRA)
			continue;
		r[n].host = v->target;
		r[n].port = 0;
		r[n].kind = fw_verify_stored_kind(&v->items[i]);
		r[n].time = (char *)time;
		r[n].ok = v->items[i].state == FW_VERIFY_PRESENT;
		r[n].summary = v->items[i].summary;
		r[n].detail = v->items[i].detail;
		n++;
	}
	rc = fw_project_replace_probes(p, v->target, FW_VERIFY_KIND_PREFIX, r,
	    n, cause);
	for (i = 0; i < n; i++)
		free(r[i].kind);
	free(r);
	return rc;
}

/* --tick: the checklist items the present objects prove, ticked as
 * `fedwiz tick` ticks them, with their fingerprints. */
static int
tick(struct fw_project *p, struct fw_deployment *d,
    const struct fw_verify *v, char **cause)
{
	struct fw_checklist *cl;
	const char **ids, **fps;
	const struct fw_check_item *ci;
	size_t i, n = 0, right = 0;
	char *all;
	int rc;

	/* The results just saved make the Verify section's item. */
	if (fw_project_load_probes(p, d, cause) != 0)
		return -1;
	cl = fw_checklist_build(d);
	ids = xcalloc(v->n + 2, sizeof *ids);
	fps = xcalloc(v->n + 2, sizeof *fps);
	for (i = 0; i < v->n; i++) {
		right += v->items[i].state == FW_VERIFY_PRESENT ||
		    v->items[i].state == FW_VERIFY_EXTRA;
		if (v->items[i].state != FW_VERIFY_PRESENT ||
		    v->items[i].item_id == NULL ||
		    (ci = fw_checklist_find(cl, v->items[i].item_id)) == NULL)
			continue;
		ids[n] = ci->id;
		fps[n++] = ci->fingerprint;
	}
	all = xasprintf("verify.ms.%s", v->target);
	if (right == v->n && (ci = fw_checklist_find(cl, all)) != NULL) {
		ids[n] = ci->id;
		fps[n++] = ci->fingerprint;
	}
	free(all);
	rc = 0;
	if (n > 0)
		rc = fw_project_set_ticks(p, ids, fps, n, 1, cause);
	for (i = 0; rc == 0 && i < n; i++)
		fw_out(_("Ticked %s\n"), ids[i]);
	free(ids);
	free(fps);
	fw_checklist_free(cl);
	return rc;
}

static int
report(const struct fw_readback *rb, const struct fw_verify *v)
{
	size_t i, width = state_width(), count[FW_VERIFY_EXTRA + 1] = { 0 };

	fw_out(_("%s, read back on %s at %s:\n"), v->target, rb->computer,
	    rb->written);
	for (i = 0; i < v->n; i++) {
		print_item(&v->items[i], width);
		count[v->items[i].state]++;
	}
	fw_out(_("Verify: %zu present, %zu missing, %zu different, %zu "
	    "extra.\n"), count[FW_VERIFY_PRESENT], count[FW_VERIFY_MISSING],
	    count[FW_VERIFY_DIFFERENT], count[FW_VERIFY_EXTRA]);
	return count[FW_VERIFY_MISSING] + count[FW_VERIFY_DIFFERENT] > 0 ?
	    FW_EXIT_FINDINGS : FW_EXIT_OK;
}

static int
verify_run(const char *project, const struct verify_opts *o,
    struct fw_readback *rb)
{
	struct fw_verify v = { NULL, NULL, NULL, 0 };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	const char *target;
	char *cause = NULL, when[32];
	int rc, found;

	rc = fw_cmd_open_project(project, 0, &p);
	if (rc != FW_EXIT_OK)
		return rc;
	rc = FW_EXIT_USAGE;
	if (fw_project_load(p, &d, &cause) != 0 ||
	    (target = fw_verify_pick(d, rb, o->server, o->microsoft,
	    &cause)) == NULL) {
		fw_err("%s", cause);
		goto out;
	}
	fw_verify_run(d, rb, target, 0, &v);
	found = report(rb, &v);
	result_time(rb, when, sizeof when);
	if (save(p, &v, when, &cause) != 0 ||
	    (o->tick && tick(p, d, &v, &cause) != 0)) {
		fw_err("%s", cause);
		goto out;
	}
	fw_out(_("Results saved in %s.\n"), fw_project_path(p));
	rc = found;
	if (fflush(stdout) != 0) {
		fw_err(_("standard output: write error"));
		rc = FW_EXIT_USAGE;
	}
out:
	fw_verify_clear(&v);
	fw_project_close(p);
	fw_deployment_free(d);
	free(cause);
	return rc;
}

static int
verify_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "microsoft", required_argument, NULL, OPT_MICROSOFT },
		{ "server", required_argument, NULL, OPT_SERVER },
		{ "tick", no_argument, NULL, OPT_TICK },
		{ NULL, 0, NULL, 0 },
	};
	struct verify_opts o = { NULL, NULL, 0 };
	struct fw_readback *rb;
	char *cause = NULL;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_verify, argc, argv, "", longopts,
	    verify_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_verify, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	if (o.microsoft == NULL)
		return fw_cmd_usage(&fw_cmd_verify, _("missing --microsoft "
		    "FILE.json"));
	rb = fw_readback_read(o.microsoft, &cause);
	if (rb == NULL) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	rc = verify_run(argv[first], &o, rb);
	fw_readback_free(rb);
	return rc;
}

const struct fw_cmd fw_cmd_verify = {
	"verify",
	"PROJECT --microsoft FILE.json [--server FQDN] [--tick]",
	N_("Compare a Lync or Skype for Business read-back with the project."),
	N_("      --microsoft FILE  the JSON that fedwiz powershell --read-back's "
	    "script wrote\n"
	    "      --server FQDN     the pool (Enterprise) or server (Standard) "
	    "to compare\n"
	    "                        with; default: the one the file was "
	    "written for\n"
	    "      --tick            tick the checklist items whose objects are "
	    "present\n"
	    "Exit status 1: something is missing or different; 2: usage, a "
	    "refused file.\n"),
	verify_exec,
};

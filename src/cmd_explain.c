#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_symptoms.h"
#include "fw_util.h"

/* fedwiz explain [--project FILE] TEXT...: what a log line or error means,
 * from the symptom table (src/fw_symptoms.c). */

#define EXPLAIN_INPUT_MAX (1024 * 1024)
#define EXPLAIN_MATCH_MAX 16

struct explain_opts {
	const char *project;
};

static int
explain_opt(int opt, const char *arg, void *ctx)
{
	struct explain_opts *o = ctx;

	if (opt != 'p')
		return -1;
	o->project = arg;
	return 0;
}

static char *
join_args(int argc, char **argv)
{
	struct fw_strbuf sb;
	int i;

	fw_sb_init(&sb);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			fw_sb_add(&sb, " ");
		fw_sb_add(&sb, argv[i]);
	}
	return fw_sb_steal(&sb);
}

/* Explanations are read in a terminal: wrap them to 79 columns. */
#define EXPLAIN_WIDTH 79

static void
print_wrapped(const char *text, const char *first, const char *rest)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_wrap(&sb, text, EXPLAIN_WIDTH, first, rest);
	fw_cmd_puts_safe(stdout, sb.buf);
	free(sb.buf);
}

static void
print_step_values(const struct fw_deployment *d, int step)
{
	const struct fw_step *forms[FW_STEP_FORMS];
	size_t nforms = fw_flow_step_forms(step, d, forms), k;
	char **lines = NULL, *head;
	size_t n = 0, i;

	/* A step done on both kinds of Microsoft server names both places. */
	for (k = 0; k < nforms; k++) {
		head = xasprintf(_("step %d (%s): %s"), step, _(forms[k]->title),
		    forms[k]->menu != NULL ? _(forms[k]->menu) :
		    _(forms[k]->admin_ui));
		print_wrapped(head, "  ", "      ");
		free(head);
	}
	if (d == NULL)
		return;
	fw_symptoms_step_values(d, step, &lines, &n);
	for (i = 0; i < n; i++) {
		print_wrapped(lines[i], "    - ", "      ");
		free(lines[i]);
	}
	free(lines);
}

/* The causes that can be one in this project, likeliest first; those the
 * admin has confirmed already come last, as the less likely. */
static void
print_causes(const struct fw_symptom *sy, const struct fw_deployment *d)
{
	const struct fw_symptom_cause *c;
	char num[16];
	size_t i, n = 0;
	int head = 0;

	fputs(_("Likely causes, most likely first:\n"), stdout);
	for (i = 0; i < FW_SYMPTOM_CAUSES && sy->causes[i].text != NULL; i++) {
		c = &sy->causes[i];
		if (!fw_symptom_cause_applies(c, d) ||
		    fw_symptom_cause_confirmed(c, d))
			continue;
		snprintf(num, sizeof num, "  %zu. ", ++n);
		print_wrapped(_(c->text), num, "     ");
	}
	for (i = 0; i < FW_SYMPTOM_CAUSES && sy->causes[i].text != NULL; i++) {
		c = &sy->causes[i];
		if (!fw_symptom_cause_applies(c, d) ||
		    !fw_symptom_cause_confirmed(c, d))
			continue;
		if (!head++)
			fputs(_("Confirmed in this project, so less likely:\n"),
			    stdout);
		print_wrapped(_(c->text), "  - ", "    ");
	}
}

static void
print_place(const struct fw_symptom *sy, const struct fw_deployment *d)
{
	const struct fw_place *pl;
	char *line;

	if (sy->place == NULL || (pl = fw_flow_place(sy->place)) == NULL ||
	    (d != NULL && !fw_flow_applies(sy->applies, d)))
		return;
	line = xasprintf("%s: %s", _(pl->admin_ui), _(pl->menu));
	print_wrapped(line, "  ", "      ");
	free(line);
}

static void
print_symptom(const struct fw_symptom *sy, const struct fw_deployment *d)
{
	size_t i;

	printf("%s\n", _(sy->title));
	print_wrapped(_(fw_symptom_meaning(sy, d)), _("What it means: "), "  ");
	print_causes(sy, d);
	printf(d != NULL ? _("Look at (this project's values):\n") :
	    _("Look at:\n"));
	print_place(sy, d);
	for (i = 0; i < FW_SYMPTOM_STEPS && sy->steps[i].step != 0; i++) {
		if (fw_symptom_step_applies(&sy->steps[i], d))
			print_step_values(d, sy->steps[i].step);
	}
	print_wrapped(_(fw_symptom_guide(sy, d)), _("Guide: "), "  ");
}

static int
explain_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "project", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const struct fw_symptom *found[EXPLAIN_MATCH_MAX];
	struct explain_opts o = { NULL };
	struct fw_deployment *d = NULL;
	struct fw_project *p = NULL;
	char *text = NULL, *cause = NULL;
	size_t n, i;
	int rc, first;

	rc = fw_cmd_parse(&fw_cmd_explain, argc, argv, "p:", longopts,
	    explain_opt, &o, &first);
	if (rc != -1)
		return rc;
	if (first < argc) {
		text = join_args(argc - first, argv + first);
	} else if (fw_read_file("/dev/stdin", EXPLAIN_INPUT_MAX, &text, NULL,
	    &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	if (text[strspn(text, " \t\r\n")] == '\0') {
		free(text);
		return fw_cmd_usage(&fw_cmd_explain, _("no TEXT given and "
		    "nothing on standard input"));
	}
	if (o.project != NULL &&
	    (rc = fw_cmd_load_project(o.project, &p, &d)) != FW_EXIT_OK)
		goto out;
	n = fw_symptoms_match(text, found, EXPLAIN_MATCH_MAX);
	if (n == 0) {
		fw_err(_("no known symptom in this text; 'fedwiz explain --help' "
		    "lists the ones fedwiz knows"));
		rc = FW_EXIT_FINDINGS;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			putchar('\n');
		print_symptom(found[i], d);
	}
	rc = FW_EXIT_OK;
out:
	fw_project_close(p);
	fw_deployment_free(d);
	free(text);
	return rc;
}

const struct fw_cmd fw_cmd_explain = {
	"explain",
	"[--project FILE] [TEXT...]",
	N_("Say what a federation error or log line means and what to check."),
	N_("  -p, --project FILE  show FILE's own values for the steps to look "
	    "at\n"
	    "TEXT is a SIP status line, a log line or an error message; without "
	    "TEXT,\n"
	    "standard input is read. Known: SIP 408 Request Timeout, \"ACL - "
	    "upstream\n"
	    "not trusted - need to authenticate\", \"incoming ACL check took "
	    "over 2\n"
	    "seconds\", SIP 403, 404, 480, 503 and 504, ms-diagnostics 1008, "
	    "1010,\n"
	    "1014 and 1047, \"Failed to complete TLS negotiation\", slow "
	    "presence,\n"
	    "Lync's \"The peer is not a configured server on this network "
	    "interface\".\n"
	    "With --project, only the causes and steps that apply to FILE's "
	    "transport\n"
	    "and edition are shown; causes it has confirmed come last. Exit "
	    "status 0\n"
	    "when the text is known, 1 when it is not.\n"),
	explain_exec,
};

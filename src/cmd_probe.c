#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "fw_i18n.h"
#include "fw_probe.h"
#include "fw_probe_tls.h"
#include "fw_store.h"
#include "fw_util.h"

/* fedwiz probe PROJECT: the federation smoke test (fw_probe.h). Every
 * result is saved as soon as it is known, so Ctrl-C keeps what was found. */

#define OPT_TIMEOUT 0x200
#define OPT_ONLY 0x201
#define OPT_CLIENT_CERT 0x202
#define OPT_CLIENT_KEY 0x203

static volatile sig_atomic_t probe_stop;

static void
on_sigint(int sig)
{
	(void)sig;
	probe_stop = 1;
}

struct probe_opts {
	const char *timeout;
	const char *only;
	const char *client_cert;
	const char *client_key;
};

struct probe_run {
	struct fw_project *p;
	size_t ok, failed, saved;
	int save_error;
};

static int
probe_opt(int opt, const char *arg, void *ctx)
{
	struct probe_opts *o = ctx;

	switch (opt) {
	case OPT_TIMEOUT:
		o->timeout = arg;
		return 0;
	case OPT_ONLY:
		o->only = arg;
		return 0;
	case OPT_CLIENT_CERT:
		o->client_cert = arg;
		return 0;
	case OPT_CLIENT_KEY:
		o->client_key = arg;
		return 0;
	}
	return -1;
}

/* The mark ("ok", "FAIL") is padded to the wider of its translations,
 * at least 4 and at most MARK_MAX columns; the result text starts after it
 * and the kind, in text_column, and wrapped lines continue under it. */
#define MARK_MAX 20
static size_t mark_width;
static char text_column[MARK_MAX + 14];

static void
set_text_column(void)
{
	const char *words[] = { _("ok"), _("FAIL") };
	size_t i, w;

	mark_width = 4;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		w = fw_utf8_width(words[i], strlen(words[i]));
		if (w > mark_width)
			mark_width = w < MARK_MAX ? w : MARK_MAX;
	}
	/* "  " mark " " kind (9) " " */
	memset(text_column, ' ', mark_width + 13);
	text_column[mark_width + 13] = '\0';
}

/* Admins read the report on 80-column jump host terminals: on a terminal
 * (or with COLUMNS set) lines wrap at spaces before its width. Into a pipe
 * or file each result stays one line, for grep. 0 = no wrapping. */
static size_t report_width;

static void
set_report_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long v;

	report_width = 0;
	if (env != NULL && (v = strtol(env, NULL, 10)) >= 40 && v <= 1000)
		report_width = (size_t)v - 1;
	else if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		report_width = (size_t)ws.ws_col - 1;
}

/* Prints one line of text that starts in the text column, wrapped. */
static void
print_wrapped(const char *text, size_t len)
{
	size_t room = report_width - strlen(text_column), cut;

	while (report_width > 0 && len > room) {
		for (cut = room; cut > 0 && text[cut] != ' '; cut--)
			;
		if (cut == 0)
			break;	/* one long word: let the terminal wrap it */
		fw_out("%.*s\n%s", (int)cut, text, text_column);
		text += cut + 1;
		len -= cut + 1;
	}
	fw_out("%.*s\n", (int)len, text);
}

/* Prints every line of text in the text column. */
static void
print_detail(const char *text)
{
	const char *nl;

	while (text != NULL && *text != '\0') {
		nl = strchr(text, '\n');
		fputs(text_column, stdout);
		print_wrapped(text, nl ? (size_t)(nl - text) : strlen(text));
		text = nl ? nl + 1 : "";
	}
}

static void
on_result(const struct fw_probe_target *t, const struct fw_probe_result *r,
    void *ctx)
{
	struct probe_run *run = ctx;
	const char *mark;
	char *cause = NULL;

	(void)t;
	mark = r->ok ? _("ok") : _("FAIL");
	fw_out("  %s%*s %-9s ", mark, fw_pad_width(mark, mark_width), "",
	    r->kind);
	print_wrapped(r->summary, strlen(r->summary));
	print_detail(r->detail);
	fflush(stdout);
	if (r->ok)
		run->ok++;
	else
		run->failed++;
	if (fw_project_save_probe(run->p, r, &cause) != 0) {
		fw_err("%s", cause);
		run->save_error = 1;
	} else {
		run->saved++;
	}
	free(cause);
}

/* Checks the options; returns -1 to go on, else an exit code. */
static int
check_opts(const struct probe_opts *o, int *timeout_s)
{
	*timeout_s = FW_PROBE_TIMEOUT_DEFAULT_S;
	if (o->timeout != NULL &&
	    fw_probe_parse_timeout(o->timeout, timeout_s) != 0)
		return fw_cmd_usage(&fw_cmd_probe, _("--timeout '%s': give "
		    "whole seconds from 1 to %d"), o->timeout,
		    FW_PROBE_TIMEOUT_MAX_S);
	if ((o->client_cert == NULL) != (o->client_key == NULL))
		return fw_cmd_usage(&fw_cmd_probe, _("--client-cert and "
		    "--client-key go together"));
	return -1;
}

static int
run_all(struct probe_run *run, const struct fw_deployment *d,
    const struct fw_probe_targets *ts, const struct fw_probe_opts *po)
{
	const struct fw_probe_target *t;
	char *head;
	size_t i;

	for (i = 0; i < ts->n && !probe_stop; i++) {
		t = &ts->items[i];
		head = xasprintf(_("%s (%s) port %d %s"), t->host, t->addr,
		    t->port, t->tls ? "TLS" : "TCP");
		/* The role goes on a line of its own when both do not fit. */
		fw_out("%s%s:%s%s\n", i > 0 ? "\n" : "", head,
		    report_width > 0 && strlen(head) + 2 + strlen(t->label) >
		    report_width ? "\n  " : " ", t->label);
		free(head);
		fflush(stdout);
		fw_probe_run(d, t, po, on_result, run);
	}
	fw_out("\n");
	if (probe_stop)
		fw_out(_("Stopped by Ctrl-C: %zu results saved so far.\n"),
		    run->saved);
	fw_out(_("Checks: %zu ok, %zu failed; results saved in %s.\n"),
	    run->ok, run->failed, fw_project_path(run->p));
	if (fflush(stdout) != 0) {
		fw_err(_("standard output: write error"));
		return FW_EXIT_USAGE;
	}
	if (run->save_error)
		return FW_EXIT_USAGE;
	return run->failed > 0 || probe_stop ? FW_EXIT_FINDINGS : FW_EXIT_OK;
}

static int
probe_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "only", required_argument, NULL, OPT_ONLY },
		{ "client-cert", required_argument, NULL, OPT_CLIENT_CERT },
		{ "client-key", required_argument, NULL, OPT_CLIENT_KEY },
		{ NULL, 0, NULL, 0 },
	};
	struct probe_opts o = { NULL, NULL, NULL, NULL };
	struct probe_run run = { NULL, 0, 0, 0, 0 };
	struct fw_probe_targets ts = { NULL, 0 };
	struct fw_probe_opts po = { 0, NULL, &probe_stop, 0 };
	struct fw_tls_client *client = NULL;
	struct fw_deployment *d = NULL;
	struct sigaction sa, old_sa, old_pipe;
	char *cause = NULL;
	int rc, first, timeout_s;

	rc = fw_cmd_parse(&fw_cmd_probe, argc, argv, "", longopts, probe_opt,
	    &o, &first);
	if (rc != -1)
		return rc;
	if (argc - first != 1)
		return fw_cmd_usage(&fw_cmd_probe, argc - first < 1 ?
		    _("missing PROJECT") : _("too many arguments"));
	if ((rc = check_opts(&o, &timeout_s)) != -1)
		return rc;
	po.timeout_ms = timeout_s * 1000;
	if (o.client_cert != NULL && fw_tls_client_load(o.client_cert,
	    o.client_key, &client, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	po.client = client;
	rc = fw_cmd_open_project(argv[first], 0, &run.p);
	if (rc != FW_EXIT_OK)
		goto out;
	rc = FW_EXIT_USAGE;
	if (fw_project_load(run.p, &d, &cause) != 0 ||
	    fw_probe_targets(d, o.only, &ts, &cause) != 0) {
		fw_err("%s", cause);
		goto out;
	}
	if (ts.n == 0) {
		fw_err(_("%s: nothing to probe: the project names no OCS server "
		    "and no IM and Presence node"), argv[first]);
		rc = FW_EXIT_FINDINGS;
		goto out;
	}
	set_report_width();
	set_text_column();
	/* A second Ctrl-C (SA_RESETHAND) ends fedwiz at once. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_sa);
	/* OpenSSL writes with write(): a peer that hangs up mid-request must
	 * be a "reset", not the end of fedwiz (fw_probe.h). */
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, &old_pipe);
	rc = run_all(&run, d, &ts, &po);
	sigaction(SIGPIPE, &old_pipe, NULL);
	sigaction(SIGINT, &old_sa, NULL);
out:
	fw_probe_targets_free(&ts);
	fw_project_close(run.p);
	fw_deployment_free(d);
	fw_tls_client_free(client);
	free(cause);
	return rc;
}

const struct fw_cmd fw_cmd_probe = {
	"probe",
	"PROJECT [--timeout S] [--only HOST] [--client-cert FILE "
	    "--client-key FILE]",
	N_("Smoke-test the federation: probe TLS and SIP on every next hop."),
	N_("      --timeout S        seconds to wait for each connect, "
	    "handshake and\n"
	    "                         answer (1-300, default 5)\n"
	    "      --only HOST        probe only this OCS server or IM and "
	    "Presence node\n"
	    "                         (its FQDN or IP as in the project)\n"
	    "      --client-cert FILE certificate (PEM or DER, with its chain) "
	    "for mutual TLS\n"
	    "      --client-key FILE  its unencrypted PEM private key, read "
	    "for this run only\n"
	    "                         and never stored\n"
	    "Exit status 1: a check failed or the run was stopped (Ctrl-C).\n"),
	probe_exec,
};

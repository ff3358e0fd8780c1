#include "config.h"

#include "cmd.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_out.h"
#include "fw_store.h"
#include "fw_util.h"

/* getopt values for the options every command has. */
#define OPT_HELP 0x100
#define OPT_VERSION 0x101

const struct fw_cmd *const fw_cmds[] = {
	&fw_cmd_init,
	&fw_cmd_import,
	&fw_cmd_export,
	&fw_cmd_show,
	&fw_cmd_explain,
	&fw_cmd_validate,
	&fw_cmd_cert_check,
	&fw_cmd_probe,
	&fw_cmd_verify,
	&fw_cmd_checklist,
	&fw_cmd_tick,
	&fw_cmd_untick,
	&fw_cmd_powershell,
	NULL,
};

const struct fw_cmd *
fw_cmd_find(const char *name)
{
	size_t i;

	for (i = 0; fw_cmds[i] != NULL; i++) {
		if (strcmp(fw_cmds[i]->name, name) == 0)
			return fw_cmds[i];
	}
	return NULL;
}

void
fw_err(const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	safe = fw_printable(msg, FW_MESSAGE_MAX);
	fprintf(stderr, "fedwiz: %s\n", safe);
	free(safe);
	free(msg);
}

int
fw_try_help(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fw_err("%s", msg);
	free(msg);
	fputs(_("Try 'fedwiz --help'.\n"), stderr);
	return FW_EXIT_USAGE;
}

int
fw_cmd_usage(const struct fw_cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	safe = fw_printable(msg, FW_MESSAGE_MAX);
	fprintf(stderr, "fedwiz %s: %s\n", cmd->name, safe);
	free(safe);
	free(msg);
	fprintf(stderr, _("Try 'fedwiz %s --help'.\n"), cmd->name);
	return FW_EXIT_USAGE;
}

void
fw_cmd_print_help(FILE *fp, const struct fw_cmd *cmd)
{
	fprintf(fp, _("Usage: fedwiz %s %s\n"), cmd->name, cmd->usage);
	fprintf(fp, "%s\n\n", _(cmd->summary));
	fputs(_("Options:\n"), fp);
	if (cmd->options != NULL)
		fputs(_(cmd->options), fp);
	fputs(_("  -h, --help          show this help and exit\n"
	    "      --version       show the version and exit\n"), fp);
	fputs(_("\nExit status: 0 done, 1 findings (validate, "
	    "cert-check, explain), 2 usage\nor I/O error, 3 project locked by "
	    "another fedwiz. See fedwiz(1).\n"), fp);
}

/* The caller's long options plus --help and --version (free()). */
static struct option *
all_longopts(const struct option *longopts)
{
	static const struct option common[] = {
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct option *all;
	size_t n = 0;

	while (longopts != NULL && longopts[n].name != NULL)
		n++;
	all = xreallocarray(NULL, n + 3, sizeof *all);
	if (n > 0)
		memcpy(all, longopts, n * sizeof *all);
	memcpy(all + n, common, sizeof common);
	return all;
}

/* The option getopt stopped at, as the user typed it (short options may
 * sit in a cluster like -xo, so they are rebuilt from optopt). */
static char *
bad_option(char **argv, int bad_optind)
{
	const char *arg = argv[bad_optind - 1];

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		return xasprintf("-%c", optopt);
	return xstrndup(arg, strcspn(arg, "="));
}

static int
option_error(const struct fw_cmd *cmd, char **argv, int c)
{
	char *opt = bad_option(argv, optind);
	int rc;

	if (c == ':')
		rc = fw_cmd_usage(cmd, _("option '%s' needs an argument"), opt);
	else
		rc = fw_cmd_usage(cmd, _("unknown option '%s'"), opt);
	free(opt);
	return rc;
}

int
fw_cmd_parse(const struct fw_cmd *cmd, int argc, char **argv,
    const char *shortopts, const struct option *longopts,
    int (*on_opt)(int opt, const char *arg, void *ctx), void *ctx,
    int *optind_out)
{
	struct option *all = all_longopts(longopts);
	char *opts = xasprintf(":h%s", shortopts != NULL ? shortopts : "");
	int c, rc = -1;

	optind = 0;		/* glibc: start afresh for this argv */
	opterr = 0;
	while (rc == -1 &&
	    (c = getopt_long(argc, argv, opts, all, NULL)) != -1) {
		switch (c) {
		case 'h':
		case OPT_HELP:
			fw_cmd_print_help(stdout, cmd);
			rc = FW_EXIT_OK;
			break;
		case OPT_VERSION:
			printf("fedwiz %s\n", PACKAGE_VERSION);
			rc = FW_EXIT_OK;
			break;
		case ':':
		case '?':
			rc = option_error(cmd, argv, c);
			break;
		default:
			if (on_opt == NULL || on_opt(c, optarg, ctx) != 0)
				rc = option_error(cmd, argv, '?');
			break;
		}
	}
	*optind_out = optind;
	free(opts);
	free(all);
	return rc;
}

void
fw_cmd_puts_safe(FILE *fp, const char *s)
{
	struct fw_strbuf sb;

	fw_sb_init(&sb);
	fw_sb_add_shown(&sb, s, strlen(s), FW_SHOWN_TAB | FW_SHOWN_NEWLINE);
	fputs(sb.buf, fp);
	free(sb.buf);
}

void
fw_out(const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	fw_cmd_puts_safe(stdout, text);
	free(text);
}

void
fw_cmd_print_errors(const char *errors)
{
	const char *s = errors, *nl;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		fw_err("%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
		s = nl ? nl + 1 : "";
	}
}

static void
print_notices(const struct fw_project *p)
{
	const char *n = fw_project_notices(p), *nl;

	while (n != NULL && *n != '\0') {
		nl = strchr(n, '\n');
		fw_err("%.*s", nl ? (int)(nl - n) : (int)strlen(n), n);
		n = nl ? nl + 1 : "";
	}
}

int
fw_cmd_open_project(const char *path, unsigned flags, struct fw_project **out)
{
	struct fw_lock_holder holder;
	char *cause = NULL;
	int rc;

	memset(&holder, 0, sizeof holder);
	rc = fw_project_open(path, flags, out, &holder, &cause);
	if (rc == FW_EXIT_LOCKED) {
		fw_err(_("%s: in use by another fedwiz: user %s on host %s, "
		    "PID %ld, since %s"), path, holder.user, holder.host,
		    holder.pid, holder.since);
		fw_err(_("%s: to look without changing anything, open it with "
		    "'fedwiz --read-only %s'"), path, path);
	} else if (rc != FW_EXIT_OK) {
		fw_err("%s", cause != NULL ? cause : _("cannot open project"));
	} else {
		print_notices(*out);
	}
	free(cause);
	return rc;
}

int
fw_cmd_load_project(const char *path, struct fw_project **p,
    struct fw_deployment **d)
{
	char *cause = NULL;
	int rc;

	*d = NULL;
	rc = fw_cmd_open_project(path, FW_OPEN_READ_ONLY, p);
	if (rc != FW_EXIT_OK)
		return rc;
	if (fw_project_load(*p, d, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		fw_project_close(*p);
		*p = NULL;
		return FW_EXIT_USAGE;
	}
	return FW_EXIT_OK;
}

int
fw_cmd_open_output(const char *output, const char *project, int mode,
    struct fw_out **out)
{
	char *cause = NULL;

	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	if (fw_out_open(output, mode, project, out, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	return FW_EXIT_OK;
}

int
fw_cmd_close_output(struct fw_out *out)
{
	char *cause = NULL;

	if (fw_out_close(out, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	return FW_EXIT_OK;
}

int
fw_cmd_write_output(const char *output, const char *project,
    const char *text, int mode)
{
	struct fw_out *out;
	int rc;

	rc = fw_cmd_open_output(output, project, mode, &out);
	if (rc != FW_EXIT_OK)
		return rc;
	fw_out_write(out, text, strlen(text));
	return fw_cmd_close_output(out);
}

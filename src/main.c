#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_i18n.h"
#include "fw_probe.h"
#include "fw_ui.h"
#include "fw_util.h"

/*
 * fedwiz [OPTIONS] [PROJECT]   the wizard
 * fedwiz COMMAND [ARGS]        a subcommand from the table in cmd.c
 *
 * Global options come before the first operand; a first operand naming a
 * subcommand dispatches to it, anything else is the wizard's PROJECT (a
 * project file called like a command is reached as ./NAME).
 */

#define OPT_HELP 'h'
#define OPT_VERSION 0x100
#define OPT_NO_COLOR 0x101
#define OPT_READ_ONLY 0x102
#define OPT_OFFLINE 0x103
#define OPT_PROBE_TIMEOUT 0x104
#define OPT_CLIENT_CERT 0x105
#define OPT_CLIENT_KEY 0x106

static void
usage(FILE *fp)
{
	size_t i;

	fputs(_("Usage: fedwiz [OPTIONS] [PROJECT]\n"
	    "       fedwiz COMMAND [ARGS]\n"), fp);
	fputs(_("Walk a Cisco IM and Presence administrator through "
	    "interdomain federation\nwith Microsoft OCS, step by step, "
	    "keeping the answers in a project file.\n"), fp);
	fputs(_("\nWithout a COMMAND, start the wizard on PROJECT (by "
	    "default\n$XDG_DATA_HOME/fedwiz/default.fedwiz, chosen on the "
	    "start screen).\n"), fp);
	fputs(_("\nCommands:\n"), fp);
	for (i = 0; fw_cmds[i] != NULL; i++)
		fprintf(fp, "  %-10s %s\n", fw_cmds[i]->name,
		    _(fw_cmds[i]->summary));
	fputs(_("\nOptions (for the wizard):\n"
	    "      --no-color   no colours (also when NO_COLOR is set)\n"
	    "      --offline    no DNS lookups behind the findings\n"
	    "      --read-only  open PROJECT without changing it, even when "
	    "another\n"
	    "                   fedwiz holds it\n"
	    "      --probe-timeout S\n"
	    "                   seconds the Test action (t) waits for each "
	    "connect,\n"
	    "                   handshake and answer (1-300, default 5)\n"
	    "      --client-cert FILE, --client-key FILE\n"
	    "                   a certificate and its unencrypted key for "
	    "mutual TLS in\n"
	    "                   the Test action; the key is read once and "
	    "never stored\n"
	    "  -h, --help       show this help and exit\n"
	    "      --version    show the version and exit\n"), fp);
	fputs(_("\n'fedwiz COMMAND --help' describes a command. Exit "
	    "status: 0 done, 1 findings,\n2 usage or I/O error, 3 project "
	    "locked by another fedwiz. See fedwiz(1).\n"), fp);
}

/* The option getopt refused, as typed (see cmd.c). */
static int
option_error(char **argv, int c)
{
	const char *arg = argv[optind - 1];
	char *opt;
	int rc;

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		opt = xasprintf("-%c", optopt);
	else
		opt = xstrndup(arg, strcspn(arg, "="));
	if (c == ':')
		rc = fw_try_help(_("option '%s' needs an argument"), opt);
	else
		rc = fw_try_help(_("unknown option '%s'"), opt);
	free(opt);
	return rc;
}

/* Parses the global options; returns -1 to go on, else an exit code. */
static int
parse_global(int argc, char **argv, struct fw_ui_opts *ui)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "read-only", no_argument, NULL, OPT_READ_ONLY },
		{ "offline", no_argument, NULL, OPT_OFFLINE },
		{ "probe-timeout", required_argument, NULL, OPT_PROBE_TIMEOUT },
		{ "client-cert", required_argument, NULL, OPT_CLIENT_CERT },
		{ "client-key", required_argument, NULL, OPT_CLIENT_KEY },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	/* "+": stop at the first operand, which may be a command. */
	while ((c = getopt_long(argc, argv, "+:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_HELP:
			usage(stdout);
			return FW_EXIT_OK;
		case OPT_VERSION:
			printf("fedwiz %s\n", PACKAGE_VERSION);
			return FW_EXIT_OK;
		case OPT_NO_COLOR:
			ui->no_color = 1;
			break;
		case OPT_READ_ONLY:
			ui->read_only = 1;
			break;
		case OPT_OFFLINE:
			ui->offline = 1;
			break;
		case OPT_PROBE_TIMEOUT:
			if (fw_probe_parse_timeout(optarg,
			    &ui->probe_timeout_s) != 0)
				return fw_try_help(_("--probe-timeout '%s': give "
				    "whole seconds from 1 to %d"), optarg,
				    FW_PROBE_TIMEOUT_MAX_S);
			break;
		case OPT_CLIENT_CERT:
			ui->client_cert = optarg;
			break;
		case OPT_CLIENT_KEY:
			ui->client_key = optarg;
			break;
		default:
			return option_error(argv, c);
		}
	}
	if ((ui->client_cert == NULL) != (ui->client_key == NULL))
		return fw_try_help(_("--client-cert and --client-key go "
		    "together"));
	return -1;
}

int
main(int argc, char **argv)
{
	struct fw_ui_opts ui = { NULL, 0, 0, 0, 0, NULL, NULL, NULL };
	const struct fw_cmd *cmd;
	const char *nc;
#ifdef ENABLE_NLS
	const char *localedir;
#endif
	int rc;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* An uninstalled fedwiz finds its catalogues through FEDWIZ_LOCALEDIR
	 * (the tests, ./build.sh run): fedwiz(1), ENVIRONMENT. */
	localedir = getenv("FEDWIZ_LOCALEDIR");
	if (localedir == NULL || localedir[0] == '\0')
		localedir = LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);
#endif
	/* https://no-color.org: set and not empty. */
	nc = getenv("NO_COLOR");
	ui.no_color = nc != NULL && nc[0] != '\0';

	if ((rc = parse_global(argc, argv, &ui)) != -1)
		return rc;
	if (optind < argc && (cmd = fw_cmd_find(argv[optind])) != NULL)
		return cmd->exec(argc - optind, argv + optind);
	return fw_cmd_wizard(argc - optind, argv + optind, &ui);
}

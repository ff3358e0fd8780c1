#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw_i18n.h"
#include "fw_probe_tls.h"
#include "fw_ui.h"
#include "fw_util.h"

/* fedwiz [OPTIONS] [PROJECT]: hands over to the front end (ui/). With no
 * PROJECT the start screen offers the default project. A client identity
 * for the Test action is read here, before the terminal is taken over, so
 * a bad key is a plain "fedwiz: FILE: ..." line; its key file's bytes are
 * wiped once parsed, as `fedwiz probe` does, and nothing of it is saved. */

int
fw_cmd_wizard(int nargs, char **args, struct fw_ui_opts *ui)
{
	struct fw_tls_client *client = NULL;
	char *cause = NULL;
	int rc;

	if (nargs > 1) {
		/* "fedwiz exprot p.fedwiz": a misspelt command, most likely. */
		if (fw_cmd_find(args[0]) == NULL && strchr(args[0], '/') == NULL)
			return fw_try_help(_("unknown command '%s'"), args[0]);
		return fw_try_help(_("too many arguments after '%s'"),
		    args[0]);
	}
	/* Elsewhere "-" is standard input: a project of that name is a slip,
	 * and the wizard would create it. */
	if (nargs == 1 && strcmp(args[0], "-") == 0)
		return fw_try_help(_("'-' is not a project file name; name the "
		    "file (./- if you mean it)"));
	if (ui->client_cert != NULL && fw_tls_client_load(ui->client_cert,
	    ui->client_key, &client, &cause) != 0) {
		fw_err("%s", cause);
		free(cause);
		return FW_EXIT_USAGE;
	}
	ui->client = client;
	ui->path = nargs == 1 ? args[0] : NULL;
	rc = fw_ui_run(ui);
	ui->client = NULL;
	fw_tls_client_free(client);
	return rc;
}

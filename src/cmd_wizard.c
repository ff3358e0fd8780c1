#include "config.h"

#include <string.h>

#include "cmd.h"
#include "fw_i18n.h"
#include "fw_ui.h"
#include "fw_util.h"

/* fedwiz [OPTIONS] [PROJECT]: hands over to the front end (ui/). With no
 * PROJECT the start screen offers the default project. */

int
fw_cmd_wizard(int nargs, char **args, struct fw_ui_opts *ui)
{
	if (nargs > 1) {
		/* "fedwiz exprot p.fedwiz": a misspelt command, most likely. */
		if (fw_cmd_find(args[0]) == NULL && strchr(args[0], '/') == NULL)
			return fw_try_help(_("unknown command '%s'"), args[0]);
		return fw_try_help(_("too many arguments after '%s'"),
		    args[0]);
	}
	ui->path = nargs == 1 ? args[0] : NULL;
	return fw_ui_run(ui);
}

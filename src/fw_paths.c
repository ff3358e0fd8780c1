#include "config.h"

#include "fw_paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p with mode for the parts created. */
static int
make_dirs(const char *path, mode_t mode, char **cause)
{
	char *copy = xstrdup(path), *p;
	int rc = -1;

	for (p = copy + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;

		*p = '\0';
		if (mkdir(copy, mode) != 0 && errno != EEXIST) {
			fw_fail(cause, _("%s: cannot create folder: %s"), copy,
			    strerror(errno));
			goto out;
		}
		if (!is_dir(copy)) {
			fw_fail(cause, _("%s: is a file, not a folder; fedwiz "
			    "keeps its projects in %s"), copy, path);
			goto out;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

char *
fw_paths_data_dir(int create, char **cause)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home;
	struct passwd *pw;
	char *dir;

	/* XDG Base Directory spec: a relative XDG_DATA_HOME is invalid. */
	if (xdg != NULL && xdg[0] == '/') {
		if (access(xdg, F_OK) == 0 && !is_dir(xdg)) {
			fw_fail(cause, _("XDG_DATA_HOME is %s, a file, not a "
			    "folder; point it at a folder or unset it"), xdg);
			return NULL;
		}
		dir = xasprintf("%s/fedwiz", xdg);
	} else {
		home = getenv("HOME");
		if ((home == NULL || home[0] == '\0') &&
		    (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		if (home == NULL || home[0] == '\0') {
			fw_fail(cause, _("cannot tell the home folder: set "
			    "HOME or XDG_DATA_HOME"));
			return NULL;
		}
		dir = xasprintf("%s/.local/share/fedwiz", home);
	}
	if (create && make_dirs(dir, 0700, cause) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *
fw_paths_default_project(int create_dir, char **cause)
{
	char *dir = fw_paths_data_dir(create_dir, cause), *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/default.fedwiz", dir);
	free(dir);
	return path;
}

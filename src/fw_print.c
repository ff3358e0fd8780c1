#include "config.h"

#include "fw_print.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fw_i18n.h"
#include "fw_util.h"

extern char **environ;

#define PROJECT_EXT ".fedwiz"

/* The spooler's queue: its own variable first, as lp(1) and lpr(1) do. */
static const char *
queue(const char *own, const char *other)
{
	const char *q = getenv(own);

	if (q == NULL || q[0] == '\0')
		q = getenv(other);
	return q != NULL && q[0] != '\0' ? q : NULL;
}

/* Runs argv with stdin from fd; returns 0 when it exited 0, ENOENT when
 * it is not installed, -1 with *cause otherwise. */
static int
run(char *const argv[], int fd, char **cause)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc, status;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT)
		return ENOENT;
	if (rc != 0)
		return fw_fail(cause, _("%s: cannot run: %s"), argv[0],
		    strerror(rc));
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return fw_fail(cause, _("%s: %s"), argv[0],
			    strerror(errno));
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		return fw_fail(cause, _("%s exited with status %d"), argv[0],
		    WEXITSTATUS(status));
	return fw_fail(cause, _("%s was killed by signal %d"), argv[0],
	    WTERMSIG(status));
}

/* "lp -d Q -t TITLE" or "lpr -P Q -T TITLE" as text, for the user. */
static char *
describe(char *const argv[])
{
	struct fw_strbuf sb;
	size_t i;

	fw_sb_init(&sb);
	for (i = 0; argv[i] != NULL; i++)
		fw_sb_printf(&sb, "%s%s", i > 0 ? " " : "", argv[i]);
	return fw_sb_steal(&sb);
}

enum fw_print_result
fw_print_text(const char *text, const char *title, char **command,
    char **cause)
{
	/* Both get the same arguments: a queue option when one is named, a
	 * job title. */
	static const struct {
		const char *prog, *queue_opt, *title_opt, *own, *other;
	} spoolers[] = {
		{ "lp", "-d", "-t", "LPDEST", "PRINTER" },
		{ "lpr", "-P", "-T", "PRINTER", "LPDEST" },
	};
	enum fw_print_result res = FW_PRINT_NO_SPOOLER;
	size_t i, len = strlen(text);
	FILE *tmp;
	int rc;

	*command = NULL;
	/* A file rather than a pipe: the spooler may read all of it, part
	 * of it or none before it exits, and no write can block. */
	if ((tmp = tmpfile()) == NULL) {
		fw_fail(cause, _("cannot create a temporary file: %s"),
		    strerror(errno));
		return FW_PRINT_FAILED;
	}
	if (fwrite(text, 1, len, tmp) != len || fflush(tmp) != 0) {
		fw_fail(cause, _("cannot write a temporary file: %s"),
		    strerror(errno));
		fclose(tmp);
		return FW_PRINT_FAILED;
	}
	for (i = 0; i < sizeof spoolers / sizeof spoolers[0]; i++) {
		const char *q = queue(spoolers[i].own, spoolers[i].other);
		char *argv[6];
		size_t n = 0;

		argv[n++] = (char *)spoolers[i].prog;
		if (q != NULL) {
			argv[n++] = (char *)spoolers[i].queue_opt;
			argv[n++] = (char *)q;
		}
		argv[n++] = (char *)spoolers[i].title_opt;
		argv[n++] = (char *)title;
		argv[n] = NULL;
		rewind(tmp);
		rc = run(argv, fileno(tmp), cause);
		if (rc == ENOENT)
			continue;
		if (rc == 0) {
			*command = describe(argv);
			res = FW_PRINT_SENT;
		} else {
			res = FW_PRINT_FAILED;
		}
		break;
	}
	fclose(tmp);
	return res;
}

char *
fw_print_fallback_path(const char *project)
{
	size_t len = strlen(project), ext = strlen(PROJECT_EXT);

	if (len > ext && strcmp(project + len - ext, PROJECT_EXT) == 0)
		len -= ext;
	return xasprintf("%.*s-checklist.txt", (int)len, project);
}

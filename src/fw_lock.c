#include "config.h"

#include "fw_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

#define LOCK_FILE_MAX 1024

struct fw_lock {
	char *path;
};

char *
fw_lock_path(const char *project_path)
{
	return xasprintf("%s.lock", project_path);
}

static void
this_host(char *buf, size_t size)
{
	if (gethostname(buf, size) != 0)
		snprintf(buf, size, "unknown");
	buf[size - 1] = '\0';
}

/* The lock file holds four lines: user, host, pid, since. */
static int
lock_read(const char *path, struct fw_lock_holder *h)
{
	char *text = NULL, *line, *save = NULL;
	int field = 0, rc = -1;

	memset(h, 0, sizeof *h);
	if (fw_read_file(path, LOCK_FILE_MAX, &text, NULL, NULL) != 0)
		return -1;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save), field++) {
		switch (field) {
		case 0:
			snprintf(h->user, sizeof h->user, "%s", line);
			break;
		case 1:
			snprintf(h->host, sizeof h->host, "%s", line);
			break;
		case 2:
			h->pid = strtol(line, NULL, 10);
			break;
		case 3:
			snprintf(h->since, sizeof h->since, "%s", line);
			rc = h->pid > 0 ? 0 : -1;
			break;
		}
	}
	free(text);
	return rc;
}

/* Writes the holder to a temporary file and links it into place, so the
 * lock appears whole or not at all and a reader never sees it half-written.
 * The temporary file is anonymous (O_TMPFILE) where the filesystem allows,
 * so a fedwiz killed before the link leaves nothing behind; elsewhere it is
 * a named file removed after the link. Returns 0 when taken, 1 when it
 * exists, -1 on error, -2 when anonymous is set and not possible here. */
static int
lock_create_via(const char *path, int anonymous, char **cause)
{
	char host[256], since[32], *text = NULL, *tmp = NULL, *dir;
	size_t len, done = 0;
	ssize_t n;
	int fd, rc = -1;

	if (anonymous) {
		dir = xstrdup(path);
		fd = open(dirname(dir), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
		free(dir);
		if (fd < 0)
			return -2;
	} else {
		tmp = xasprintf("%s.XXXXXX", path);
		fd = mkostemp(tmp, O_CLOEXEC);
		if (fd < 0) {
			fw_fail(cause, _("%s: cannot create lock: %s"), path,
			    strerror(errno));
			free(tmp);
			return -1;
		}
	}
	this_host(host, sizeof host);
	fw_now_utc(since, sizeof since);
	text = xasprintf("%s\n%s\n%ld\n%s UTC\n", fw_user_name(), host,
	    (long)getpid(), since);
	len = strlen(text);
	while (done < len) {
		n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fw_fail(cause, _("%s: cannot write lock: %s"), path,
			    strerror(errno));
			goto out;
		}
		done += (size_t)n;
	}
	if (anonymous) {
		/* Linking an open file by name needs /proc; without it, the
		 * named route still works. */
		free(tmp);
		tmp = xasprintf("/proc/self/fd/%d", fd);
		if (linkat(AT_FDCWD, tmp, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
			rc = 0;
		else if (errno == EEXIST)
			rc = 1;
		else
			rc = -2;
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (link(tmp, path) == 0)
		rc = 0;
	else if (errno == EEXIST)
		rc = 1;
	else
		fw_fail(cause, _("%s: cannot create lock: %s"), path,
		    strerror(errno));
out:
	close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(text);
	return rc;
}

static int
lock_create(const char *path, char **cause)
{
	int rc = lock_create_via(path, 1, cause);

	if (rc == -2)
		rc = lock_create_via(path, 0, cause);
	return rc;
}

/* A holder is stale when it names this host and its process is gone, or
 * when the file is unreadable garbage left by a crash mid-write. */
static int
holder_is_stale(const struct fw_lock_holder *h, int parsed)
{
	char host[256];

	if (!parsed)
		return 1;
	this_host(host, sizeof host);
	if (strcmp(host, h->host) != 0)
		return 0;
	return kill((pid_t)h->pid, 0) != 0 && errno == ESRCH;
}

enum fw_lock_result
fw_lock_acquire(const char *project_path, struct fw_lock **out,
    struct fw_lock_holder *holder, char **cause)
{
	char *path = fw_lock_path(project_path);
	int attempt, r, stale = 0, parsed;

	*out = NULL;
	for (attempt = 0; attempt < 2; attempt++) {
		r = lock_create(path, cause);
		if (r < 0)
			goto fail;
		if (r == 0) {
			*out = xcalloc(1, sizeof **out);
			(*out)->path = path;
			return stale ? FW_LOCK_TAKEN_STALE : FW_LOCK_TAKEN;
		}
		parsed = lock_read(path, holder) == 0;
		if (!holder_is_stale(holder, parsed)) {
			free(path);
			return FW_LOCK_BUSY;
		}
		if (unlink(path) != 0 && errno != ENOENT) {
			fw_fail(cause, _("%s: cannot remove stale lock: %s"),
			    path, strerror(errno));
			goto fail;
		}
		stale = 1;
	}
	fw_fail(cause, _("%s: lock keeps coming back; is another fedwiz "
	    "starting?"), path);
fail:
	free(path);
	return FW_LOCK_ERROR;
}

void
fw_lock_release(struct fw_lock *lock)
{
	if (lock == NULL)
		return;
	unlink(lock->path);
	free(lock->path);
	free(lock);
}

#include "config.h"

#include "fw_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * The lock is an fcntl() write lock on FILE.lock, held for the project's
 * whole open; the file's text only names the holder. Taking it is one
 * atomic step in the kernel (or, over NFS, in the server's lock manager),
 * so two takers can never both win, and nobody but the holder ever
 * removes the file: a stale lock is taken by locking the file and
 * rewriting it in place. The old way (create with link(), judge the
 * holder stale, unlink, create again) let a second taker that judged the
 * same stale lock unlink the first taker's fresh, live one.
 *
 * A lock file whose process is alive on this host, or that names another
 * host, is still honoured when nobody holds the fcntl lock on it: an
 * older fedwiz, which knew only the file, may be its holder, and on an NFS
 * mount without a lock manager ("nolock") locks are only seen on one host.
 */

#define LOCK_FILE_MAX 1024
/* A holder writes its lines right after locking; a taker that finds the
 * file locked but not yet written reads again this often. */
#define HOLDER_READ_TRIES 50
#define HOLDER_READ_PAUSE_NS 10000000L

struct fw_lock {
	char *path;
	int fd;
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

/* One line of the lock file into field (size bytes): non-empty, no control
 * characters, valid UTF-8, fitting. Returns the bytes used up to and
 * including the newline, or 0 when the line is not one fedwiz writes. */
static size_t
take_line(const char *text, size_t len, char *field, size_t size)
{
	const char *nl = memchr(text, '\n', len);
	size_t n, i;

	if (nl == NULL || nl == text)
		return 0;
	n = (size_t)(nl - text);
	if (n >= size || !fw_utf8_valid(text, n))
		return 0;
	for (i = 0; i < n; i++) {
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
			return 0;
	}
	memcpy(field, text, n);
	field[n] = '\0';
	return n + 1;
}

/* The lock file holds four lines: user, host, pid, since. Returns 1 when
 * text is such a file, 0 when it is empty, -1 otherwise. */
static int
holder_parse(const char *text, size_t len, struct fw_lock_holder *h)
{
	char pid[24], *end;
	size_t used, at = 0;

	memset(h, 0, sizeof *h);
	if (len == 0)
		return 0;
	if ((used = take_line(text, len, h->user, sizeof h->user)) == 0)
		return -1;
	at += used;
	if ((used = take_line(text + at, len - at, h->host,
	    sizeof h->host)) == 0)
		return -1;
	at += used;
	if ((used = take_line(text + at, len - at, pid, sizeof pid)) == 0)
		return -1;
	at += used;
	if ((used = take_line(text + at, len - at, h->since,
	    sizeof h->since)) == 0 || at + used != len)
		return -1;
	errno = 0;
	h->pid = strtol(pid, &end, 10);
	if (errno != 0 || *end != '\0' || pid[0] < '1' || pid[0] > '9')
		return -1;
	return 1;
}

/* Reads the lock file through fd: 1, 0 or -1 as holder_parse(); -2 with
 * *cause on a read error. */
static int
holder_read_fd(int fd, const char *path, struct fw_lock_holder *h,
    char **cause)
{
	char text[LOCK_FILE_MAX + 1];
	size_t have = 0;
	ssize_t n;

	for (;;) {
		n = pread(fd, text + have, sizeof text - have, (off_t)have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fw_fail(cause, _("%s: cannot read lock: %s"), path,
			    strerror(errno));
			return -2;
		}
		if (n == 0 || (have += (size_t)n) == sizeof text)
			break;
	}
	if (have > LOCK_FILE_MAX)
		return -1;
	return holder_parse(text, have, h);
}

static void
pause_briefly(void)
{
	struct timespec ts = { 0, HOLDER_READ_PAUSE_NS };

	nanosleep(&ts, NULL);
}

/* The holder of a lock someone else has locked, as its file names it:
 * 0, or -1 when the file is gone (released meanwhile: try again). When
 * it never says (not a fedwiz lock file), the holder is unknown. */
static int
holder_of_locked(const char *path, struct fw_lock_holder *h)
{
	int tries, fd, r;

	for (tries = 0; tries < HOLDER_READ_TRIES; tries++) {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
		if (fd < 0 && errno == ENOENT)
			return -1;
		if (fd < 0)
			break;
		r = holder_read_fd(fd, path, h, NULL);
		close(fd);
		if (r == 1)
			return 0;
		pause_briefly();
	}
	memset(h, 0, sizeof *h);
	snprintf(h->user, sizeof h->user, "?");
	snprintf(h->host, sizeof h->host, "?");
	snprintf(h->since, sizeof h->since, "?");
	return 0;
}

/* The write lock on the whole file, without waiting: 0 taken, 1 held by
 * someone else, -1 error. Open file description locks where the kernel
 * has them: classic POSIX locks belong to the process and vanish when it
 * closes any descriptor of the file, even one opened just to read it. */
static int
lock_fd(int fd)
{
	struct flock fl;
	int r;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	r = fcntl(fd, F_OFD_SETLK, &fl);
	if (r != 0 && errno == EINVAL) {
		fl.l_pid = 0;
		r = fcntl(fd, F_SETLK, &fl);
	}
	if (r == 0)
		return 0;
	return errno == EAGAIN || errno == EACCES ? 1 : -1;
}

/* Whether path still names the file open on fd: the holder before us may
 * have released (removed) it between our open and our lock. */
static int
still_named(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Removes the lock file while fd still holds its lock, and only when the
 * name is still that file, so that whoever locks next either has the old
 * file (and sees it is gone) or a new one; then unlocks. */
static void
remove_locked(int fd, const char *path)
{
	if (still_named(fd, path))
		unlink(path);
	close(fd);
}

/* A holder is stale when it names this host and its process is gone. */
static int
holder_is_stale(const struct fw_lock_holder *h)
{
	char host[256];

	this_host(host, sizeof host);
	if (strcmp(host, h->host) != 0)
		return 0;
	return kill((pid_t)h->pid, 0) != 0 && errno == ESRCH;
}

/* Replaces the file's text with ours. Emptied first: a holder killed
 * in between leaves an empty file, which means free. Synced, so that a
 * taker on another NFS client reads who holds it. */
static int
holder_write(int fd, const char *path, char **cause)
{
	char host[256], since[32], *text;
	size_t len, done = 0;
	ssize_t n;
	int rc = -1;

	errno = 0;
	this_host(host, sizeof host);
	fw_now_utc(since, sizeof since);
	text = xasprintf("%s\n%s\n%ld\n%s UTC\n", fw_user_name(), host,
	    (long)getpid(), since);
	len = strlen(text);
	if (ftruncate(fd, 0) != 0)
		goto fail;
	while (done < len) {
		n = pwrite(fd, text + done, len - done, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		done += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	fw_fail(cause, _("%s: cannot write lock: %s"), path,
	    errno != 0 ? strerror(errno) : _("short write"));
out:
	free(text);
	return rc;
}

/* One try at the lock file as it is now named. Returns a result, or -1 to
 * try again (the file was released while we opened it). */
static int
try_take(const char *path, int *out_fd, struct fw_lock_holder *holder,
    char **cause)
{
	int fd, r;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		fw_fail(cause, _("%s: cannot create lock: %s"), path,
		    strerror(errno));
		return FW_LOCK_ERROR;
	}
	r = lock_fd(fd);
	if (r < 0) {
		fw_fail(cause, _("%s: cannot lock: %s (does the filesystem "
		    "offer file locks? see FILES in fedwiz(1))"), path,
		    strerror(errno));
		close(fd);
		return FW_LOCK_ERROR;
	}
	if (r > 0) {
		close(fd);
		return holder_of_locked(path, holder) == 0 ? FW_LOCK_BUSY : -1;
	}
	if (!still_named(fd, path)) {
		close(fd);
		return -1;
	}
	switch (holder_read_fd(fd, path, holder, cause)) {
	case 0:
		r = FW_LOCK_TAKEN;
		break;
	case 1:
		r = holder_is_stale(holder) ? FW_LOCK_TAKEN_STALE : FW_LOCK_BUSY;
		break;
	case -1:
		fw_fail(cause, _("%s: unreadable lock (not written by "
		    "fedwiz); if no fedwiz is using the project, remove it and "
		    "try again"), path);
		r = FW_LOCK_UNREADABLE;
		break;
	default:
		r = FW_LOCK_ERROR;
		break;
	}
	if (r != FW_LOCK_TAKEN && r != FW_LOCK_TAKEN_STALE) {
		close(fd);
		return r;
	}
	if (holder_write(fd, path, cause) != 0) {
		/* Ours now, and naming nobody: a full disk leaves no file. */
		remove_locked(fd, path);
		return FW_LOCK_ERROR;
	}
	*out_fd = fd;
	return r;
}

enum fw_lock_result
fw_lock_acquire(const char *project_path, struct fw_lock **out,
    struct fw_lock_holder *holder, char **cause)
{
	char *path = fw_lock_path(project_path);
	int attempt, fd = -1, r = -1;

	*out = NULL;
	/* Each retry follows a release by another fedwiz; a handful in a
	 * row means the lock is being taken and given up all the time. */
	for (attempt = 0; attempt < 8 && r < 0; attempt++)
		r = try_take(path, &fd, holder, cause);
	if (r < 0) {
		fw_fail(cause, _("%s: lock keeps coming back; is another "
		    "fedwiz starting?"), path);
		r = FW_LOCK_ERROR;
	}
	if (r == FW_LOCK_TAKEN || r == FW_LOCK_TAKEN_STALE) {
		*out = xcalloc(1, sizeof **out);
		(*out)->path = path;
		(*out)->fd = fd;
		return r;
	}
	free(path);
	return r;
}

void
fw_lock_release(struct fw_lock *lock)
{
	if (lock == NULL)
		return;
	remove_locked(lock->fd, lock->path);
	free(lock->path);
	free(lock);
}

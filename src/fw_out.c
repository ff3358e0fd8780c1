#include "config.h"

#include "fw_out.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

enum out_kind {
	OUT_STDOUT,
	OUT_ATOMIC,		/* a temporary file, renamed over target */
	OUT_THROUGH,		/* a character device or FIFO, as it is */
};

struct fw_out {
	enum out_kind kind;
	int fd;
	char *name;		/* as the user named it, for messages */
	char *target;		/* the file written: links followed */
	char *tmp;		/* OUT_ATOMIC: the temporary file */
	int err;		/* errno of the first failed write, or 0 */
};

/* SQLite's and fedwiz's files beside a project, by the suffix of their
 * name; ".bak-vN" (a backup before a schema upgrade) on its own. */
static const char *const companions[] = {
	"", "-wal", "-shm", "-journal", ".lock",
};

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether name is base (the project's file name) and a companion's
 * suffix. */
static int
companion_name(const char *name, const char *base)
{
	size_t i, n = strlen(base);
	const char *s = name + n, *digits;

	if (strncmp(name, base, n) != 0)
		return 0;
	for (i = 0; i < sizeof companions / sizeof companions[0]; i++) {
		if (strcmp(s, companions[i]) == 0)
			return 1;
	}
	if (strncmp(s, ".bak-v", 6) != 0)
		return 0;
	digits = s + 6;
	return digits[0] != '\0' &&
	    digits[strspn(digits, "0123456789")] == '\0';
}

/* The folder and the last name of path, as two strings (free() both). */
static void
split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = xstrdup(path);
	} else {
		*dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		*base = xstrdup(slash + 1);
	}
}

/* Whether st is one of the project's files, found by listing its folder:
 * a hard link has a name of its own. */
static int
is_companion_file(const struct stat *st, const char *dir, const char *base)
{
	struct dirent *e;
	struct stat cst;
	DIR *dp = opendir(dir);
	int found = 0;

	if (dp == NULL)
		return 0;
	while (!found && (e = readdir(dp)) != NULL) {
		found = companion_name(e->d_name, base) &&
		    fstatat(dirfd(dp), e->d_name, &cst, 0) == 0 &&
		    same_file(st, &cst);
	}
	closedir(dp);
	return found;
}

/*
 * Whether target (links already followed; st when it exists, else NULL)
 * is one of project's files: the same file as one of them, or, for a file
 * still to be made, a companion's name in the project's folder.
 */
static int
is_project(const char *target, const struct stat *st, const char *project)
{
	char *real = realpath(project, NULL), *pdir, *pbase, *odir, *obase;
	struct stat pd, od;
	int hit;

	if (real == NULL)
		return 0;
	split_path(real, &pdir, &pbase);
	free(real);
	if (st != NULL) {
		hit = is_companion_file(st, pdir, pbase);
	} else {
		split_path(target, &odir, &obase);
		hit = stat(pdir, &pd) == 0 && stat(odir, &od) == 0 &&
		    same_file(&pd, &od) && companion_name(obase, pbase);
		free(odir);
		free(obase);
	}
	free(pdir);
	free(pbase);
	return hit;
}

static int
refuse_project(const char *name, const char *project, char **cause)
{
	return fw_fail(cause, _("%s: that is the project %s or one of its "
	    "files; choose another output"), name, project);
}

/*
 * The file path stands for: path itself, or for a symbolic link its
 * target (realpath; free()). *exists says whether there is one, with
 * its status in *st.
 */
static int
resolve(const char *path, char **target, struct stat *st, int *exists,
    char **cause)
{
	*target = NULL;
	*exists = 0;
	if (lstat(path, st) != 0) {
		if (errno != ENOENT)
			return fw_fail(cause, _("%s: %s"), path,
			    strerror(errno));
		*target = xstrdup(path);
		return 0;
	}
	*exists = 1;
	if (!S_ISLNK(st->st_mode)) {
		*target = xstrdup(path);
		return 0;
	}
	*target = realpath(path, NULL);
	if (*target == NULL || stat(*target, st) != 0) {
		if (errno == ENOENT)
			fw_fail(cause, _("%s: a symbolic link to a file that "
			    "does not exist"), path);
		else
			fw_fail(cause, _("%s: %s"), path, strerror(errno));
		free(*target);
		*target = NULL;
		return -1;
	}
	return 0;
}

static int
refuse_kind(const char *name, const struct stat *st, char **cause)
{
	if (S_ISDIR(st->st_mode))
		return fw_fail(cause, _("%s: is a directory, not a file"),
		    name);
	return fw_fail(cause, _("%s: neither a regular file, a character "
	    "device nor a FIFO; nothing written"), name);
}

static int
open_atomic(struct fw_out *o, int mode, char **cause)
{
	o->kind = OUT_ATOMIC;
	o->tmp = xasprintf("%s.tmp-XXXXXX", o->target);
	o->fd = mkostemp(o->tmp, O_CLOEXEC);
	if (o->fd < 0)
		return fw_fail(cause, _("%s: cannot create: %s"), o->name,
		    strerror(errno));
	if (fchmod(o->fd, (mode_t)mode) != 0) {
		fw_fail(cause, _("%s: cannot write: %s"), o->name,
		    strerror(errno));
		close(o->fd);
		o->fd = -1;
		unlink(o->tmp);
		return -1;
	}
	return 0;
}

/* A device or FIFO: no O_CREAT, no O_TRUNC, and still one after open. */
static int
open_through(struct fw_out *o, char **cause)
{
	struct stat st;

	o->kind = OUT_THROUGH;
	o->fd = open(o->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (o->fd < 0)
		return fw_fail(cause, _("%s: cannot open: %s"), o->name,
		    strerror(errno));
	if (fstat(o->fd, &st) != 0 ||
	    !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		refuse_kind(o->name, &st, cause);
		close(o->fd);
		o->fd = -1;
		return -1;
	}
	return 0;
}

static void
out_free(struct fw_out *o)
{
	free(o->name);
	free(o->target);
	free(o->tmp);
	free(o);
}

static int
open_stdout(struct fw_out *o, const char *project, char **cause)
{
	struct stat st;

	o->kind = OUT_STDOUT;
	o->fd = STDOUT_FILENO;
	/* `>> PROJECT` would append the document to the database. */
	if (project != NULL && fstat(o->fd, &st) == 0 &&
	    S_ISREG(st.st_mode) && is_project(NULL, &st, project))
		return refuse_project(_("standard output"), project, cause);
	/* Anything printed through stdio comes first. */
	fflush(stdout);
	return 0;
}

int
fw_out_open(const char *path, int mode, const char *project,
    struct fw_out **out, char **cause)
{
	struct fw_out *o = xcalloc(1, sizeof *o);
	struct stat st;
	int exists, rc;

	*out = NULL;
	o->fd = -1;
	if (path == NULL) {
		rc = open_stdout(o, project, cause);
		goto out;
	}
	o->name = xstrdup(path);
	if ((rc = resolve(path, &o->target, &st, &exists, cause)) != 0)
		goto out;
	if (project != NULL &&
	    is_project(o->target, exists ? &st : NULL, project))
		rc = refuse_project(path, project, cause);
	else if (!exists || S_ISREG(st.st_mode))
		rc = open_atomic(o, mode, cause);
	else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		rc = open_through(o, cause);
	else
		rc = refuse_kind(path, &st, cause);
out:
	if (rc != 0) {
		out_free(o);
		return -1;
	}
	*out = o;
	return 0;
}

void
fw_out_write(struct fw_out *o, const char *data, size_t len)
{
	ssize_t n;

	while (o->err == 0 && len > 0) {
		n = write(o->fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			o->err = errno;
			break;
		}
		data += n;
		len -= (size_t)n;
	}
}

/* The temporary file in place: the name must still be a regular file
 * (or none), or the rename would replace whatever took its place. */
static int
commit_atomic(struct fw_out *o)
{
	struct stat st;

	if (o->err == 0 && fsync(o->fd) != 0)
		o->err = errno;
	if (close(o->fd) != 0 && o->err == 0)
		o->err = errno;
	o->fd = -1;
	if (o->err == 0 && lstat(o->target, &st) == 0 &&
	    !S_ISREG(st.st_mode))
		o->err = EEXIST;
	if (o->err == 0 && rename(o->tmp, o->target) != 0)
		o->err = errno;
	if (o->err != 0)
		unlink(o->tmp);
	return o->err == 0 ? 0 : -1;
}

int
fw_out_close(struct fw_out *o, char **cause)
{
	int rc = 0;

	switch (o->kind) {
	case OUT_STDOUT:
		if (o->err != 0)
			rc = fw_fail(cause, _("standard output: write error"));
		break;
	case OUT_ATOMIC:
		if (commit_atomic(o) != 0)
			rc = fw_fail(cause, _("%s: cannot write: %s"), o->name,
			    strerror(o->err));
		break;
	case OUT_THROUGH:
		if (close(o->fd) != 0 && o->err == 0)
			o->err = errno;
		if (o->err != 0)
			rc = fw_fail(cause, _("%s: cannot write: %s"), o->name,
			    strerror(o->err));
		break;
	}
	out_free(o);
	return rc;
}

void
fw_out_abort(struct fw_out *o)
{
	if (o == NULL)
		return;
	if (o->kind != OUT_STDOUT && o->fd >= 0)
		close(o->fd);
	if (o->kind == OUT_ATOMIC)
		unlink(o->tmp);
	out_free(o);
}

int
fw_out_file(const char *path, int mode, const char *project,
    const char *data, size_t len, char **cause)
{
	struct fw_out *o;

	if (fw_out_open(path, mode, project, &o, cause) != 0)
		return -1;
	fw_out_write(o, data, len);
	return fw_out_close(o, cause);
}

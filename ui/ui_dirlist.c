/*
 * ui_dirlist.c: a folder's entries, by name and kind only: nothing in the
 * folder is opened, and a name is bytes (control characters, invalid
 * UTF-8) until the picker draws it through the terminal filter.
 */
#include "config.h"

#include "ui_dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fw_i18n.h"
#include "fw_util.h"

static enum ui_dirent_kind
kind_of_mode(mode_t m)
{
	if (S_ISDIR(m))
		return UI_DIRENT_DIR;
	if (S_ISREG(m))
		return UI_DIRENT_FILE;
	if (S_ISLNK(m))
		return UI_DIRENT_LINK;
	if (S_ISFIFO(m))
		return UI_DIRENT_FIFO;
	if (S_ISSOCK(m))
		return UI_DIRENT_SOCKET;
	if (S_ISCHR(m) || S_ISBLK(m))
		return UI_DIRENT_DEVICE;
	return UI_DIRENT_UNKNOWN;
}

/* The kind readdir says, or lstat where the file system does not. */
static enum ui_dirent_kind
kind_of(DIR *dp, const struct dirent *de)
{
	struct stat st;

	switch (de->d_type) {
	case DT_DIR:
		return UI_DIRENT_DIR;
	case DT_REG:
		return UI_DIRENT_FILE;
	case DT_LNK:
		return UI_DIRENT_LINK;
	case DT_FIFO:
		return UI_DIRENT_FIFO;
	case DT_SOCK:
		return UI_DIRENT_SOCKET;
	case DT_CHR:
	case DT_BLK:
		return UI_DIRENT_DEVICE;
	}
	if (fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return UI_DIRENT_UNKNOWN;
	return kind_of_mode(st.st_mode);
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct ui_dirent *x = a, *y = b;
	int xd = x->kind == UI_DIRENT_UP ? 0 : x->kind == UI_DIRENT_DIR ? 1 : 2;
	int yd = y->kind == UI_DIRENT_UP ? 0 : y->kind == UI_DIRENT_DIR ? 1 : 2;

	if (xd != yd)
		return xd - yd;
	return strcmp(x->name, y->name);
}

static void
add(struct ui_dirlist *l, size_t *cap, const char *name,
    enum ui_dirent_kind kind)
{
	if (l->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		l->e = xreallocarray(l->e, *cap, sizeof *l->e);
	}
	l->e[l->n].name = xstrdup(name);
	l->e[l->n++].kind = kind;
}

int
ui_dirlist_read(const char *dir, size_t max, struct ui_dirlist *out,
    char **cause)
{
	struct dirent *de;
	size_t cap = 0, listed = 0;
	DIR *dp;

	memset(out, 0, sizeof *out);
	dp = opendir(dir);
	if (dp == NULL)
		return fw_fail(cause, _("%s: cannot list: %s"), dir,
		    strerror(errno));
	if (strcmp(dir, "/") != 0)
		add(out, &cap, "..", UI_DIRENT_UP);
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (listed == max) {
			out->left_out = 1;
			break;
		}
		add(out, &cap, de->d_name, kind_of(dp, de));
		listed++;
	}
	closedir(dp);
	qsort(out->e, out->n, sizeof *out->e, cmp_entry);
	return 0;
}

void
ui_dirlist_free(struct ui_dirlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->e[i].name);
	free(l->e);
	memset(l, 0, sizeof *l);
}

char *
ui_dirlist_join(const char *dir, const char *name)
{
	const char *slash;
	size_t n = strlen(dir);

	if (strcmp(name, "..") == 0) {
		slash = strrchr(dir, '/');
		if (slash == NULL || slash == dir)
			return xstrdup("/");
		return xstrndup(dir, (size_t)(slash - dir));
	}
	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

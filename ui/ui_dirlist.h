/*
 * ui_dirlist.h: a folder's entries for the file picker, read without
 * opening any of them: the names come from readdir, their kinds from
 * d_type or lstat, so a FIFO or a device in the folder costs nothing and
 * cannot block. No curses here (tests/unit/test_dirlist).
 */
#ifndef UI_DIRLIST_H
#define UI_DIRLIST_H

#include <stddef.h>

/* Entries a folder lists at most: a larger one says the rest were left
 * out (type the path of a file among them). */
#define UI_DIRLIST_MAX 10000

enum ui_dirent_kind {
	UI_DIRENT_UP,		/* "..": the parent folder */
	UI_DIRENT_DIR,
	UI_DIRENT_FILE,
	UI_DIRENT_LINK,		/* a symbolic link, not followed */
	UI_DIRENT_FIFO,
	UI_DIRENT_SOCKET,
	UI_DIRENT_DEVICE,
	UI_DIRENT_UNKNOWN,	/* gone, or lstat refused */
};

struct ui_dirent {
	char *name;		/* the name's bytes, as readdir gave them */
	enum ui_dirent_kind kind;
};

struct ui_dirlist {
	struct ui_dirent *e;
	size_t n;
	int left_out;		/* the folder held more than max entries */
};

/* Lists dir (".." first unless it is "/", then folders, then the rest,
 * each in byte order), at most max entries besides "..". Returns 0, or
 * -1 with *cause (free()) and an empty list. Free with ui_dirlist_free. */
int ui_dirlist_read(const char *dir, size_t max, struct ui_dirlist *out,
    char **cause);
void ui_dirlist_free(struct ui_dirlist *);

/* dir/name with one '/' between (free()); ".." is dir's parent. */
char *ui_dirlist_join(const char *dir, const char *name);

#endif

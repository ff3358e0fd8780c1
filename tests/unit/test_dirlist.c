/* The file picker's folder listing (ui/ui_dirlist.c): names as bytes,
 * kinds without opening anything (a FIFO would block an open), ".."
 * first, folders before files, and a bound on the entries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fw_util.h"
#include "tap.h"
#include "ui_dirlist.h"

static char tmpdir[] = "/tmp/fw-dirlist-XXXXXX";

static void
make(const char *name, int kind)
{
	char *p = xasprintf("%s/%s", tmpdir, name);
	FILE *f;

	if (kind == 'd')
		ok(mkdir(p, 0700) == 0, "made folder %s", name);
	else if (kind == 'p')
		ok(mkfifo(p, 0600) == 0, "made FIFO %s", name);
	else if (kind == 'l')
		ok(symlink("p", p) == 0, "made link %s", name);
	else if ((f = fopen(p, "w")) != NULL)
		fclose(f);
	free(p);
}

static void
clean(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	if (system(cmd) != 0)
		diag("could not remove %s", tmpdir);
	free(cmd);
}

static void
test_listing(void)
{
	static const char *const want[] = { "..", "c", "z", "\033[2J", "a",
	    "b\377", "l", "p" };
	static const enum ui_dirent_kind kinds[] = { UI_DIRENT_UP,
	    UI_DIRENT_DIR, UI_DIRENT_DIR, UI_DIRENT_FILE, UI_DIRENT_FILE,
	    UI_DIRENT_FILE, UI_DIRENT_LINK, UI_DIRENT_FIFO };
	struct ui_dirlist l;
	char *cause = NULL;
	size_t i;

	make("b\377", 'f');
	make("a", 'f');
	make("z", 'd');
	make("c", 'd');
	make("p", 'p');
	make("l", 'l');
	make("\033[2J", 'f');
	ok(ui_dirlist_read(tmpdir, UI_DIRLIST_MAX, &l, &cause) == 0,
	    "the folder is listed (a FIFO in it does not block)");
	is_int(l.n, 8, "every entry and ..");
	ok(!l.left_out, "nothing left out");
	for (i = 0; i < l.n && i < 8; i++) {
		ok(strcmp(l.e[i].name, want[i]) == 0, "entry %zu is the "
		    "expected name's bytes", i);
		is_int(l.e[i].kind, kinds[i], "entry %zu's kind", i);
	}
	ui_dirlist_free(&l);

	ok(ui_dirlist_read(tmpdir, 3, &l, &cause) == 0, "listed with max 3");
	is_int(l.n, 4, "3 entries and ..");
	ok(l.left_out, "it says the rest were left out");
	ui_dirlist_free(&l);
}

static void
test_edges(void)
{
	struct ui_dirlist l;
	char *cause = NULL, *s;

	ok(ui_dirlist_read("/", 1, &l, &cause) == 0, "/ is listed");
	ok(l.n == 0 || strcmp(l.e[0].name, "..") != 0, "/ has no ..");
	ui_dirlist_free(&l);
	ok(ui_dirlist_read("/nonexistent-fw", 10, &l, &cause) == -1,
	    "a missing folder is refused");
	ok(cause != NULL && strstr(cause, "/nonexistent-fw") != NULL,
	    "the reason names it");
	is_int(l.n, 0, "the list is empty then");
	free(cause);
	ui_dirlist_free(NULL);

	is_str(s = ui_dirlist_join("/a/b", ".."), "/a", "/a/b .. is /a");
	free(s);
	is_str(s = ui_dirlist_join("/a", ".."), "/", "/a .. is /");
	free(s);
	is_str(s = ui_dirlist_join("/", ".."), "/", "/ .. is /");
	free(s);
	is_str(s = ui_dirlist_join("/", "x"), "/x", "one / after /");
	free(s);
	is_str(s = ui_dirlist_join("/a", "x\ny"), "/a/x\ny",
	    "a name joins as its bytes");
	free(s);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		printf("Bail out! mkdtemp\n");
		return 1;
	}
	test_listing();
	test_edges();
	clean();
	return done_testing();
}

/*
 * The fuzz targets in make check, without libFuzzer: every file of
 * tests/fuzz/corpus/NAME/ (the seeds) and tests/fuzz/regress/NAME/ (inputs
 * that once broke a promise) goes through the same LLVMFuzzerTestOneInput.
 * A broken promise aborts, which the harness counts as a failure; built
 * with --enable-sanitize, ASan and UBSan watch every input too.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fw_util.h"
#include "tap.h"

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feeds every regular file of dir; returns how many. */
static size_t
replay_dir(const char *dir)
{
	struct dirent *e;
	char **names = NULL, *path, *data, *cause = NULL;
	size_t n = 0, i, len;
	DIR *d = opendir(dir);

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	/* qsort with a NULL array is undefined even for no elements. */
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		if (fw_read_file(path, 16 * 1024 * 1024, &data, &len,
		    &cause) != 0) {
			ok(0, "%s: %s", path, cause);
			free(cause);
			cause = NULL;
		} else {
			LLVMFuzzerTestOneInput((const uint8_t *)data, len);
			ok(1, "%s/%s keeps its promises", strrchr(dir, '/') + 1,
			    names[i]);
			free(data);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return n;
}

int
main(void)
{
	char *seeds = xasprintf("%s/tests/fuzz/corpus/%s", TOP_SRCDIR,
	    FUZZ_NAME);
	char *regress = xasprintf("%s/tests/fuzz/regress/%s", TOP_SRCDIR,
	    FUZZ_NAME);

	ok(replay_dir(seeds) > 0, "the %s seed corpus is not empty", FUZZ_NAME);
	replay_dir(regress);
	free(seeds);
	free(regress);
	return done_testing();
}

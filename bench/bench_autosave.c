/*
 * Autosave benchmark: N single-answer edits through the core API
 * (fw_project_set_setting, each its own durable transaction), timed one by
 * one; and, as the floor under them, what one fdatasync costs on the same
 * filesystem. Prints "key value" lines for bench/run.sh.
 *
 *	bench_autosave DIR [N]
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench.h"
#include "fw_store.h"
#include "fw_util.h"

/* Prints median and p95 of t under the name (sorts t). */
static void
report(const char *name, double *t, size_t n)
{
	printf("%s_median_ms %.4f\n", name, bench_median(t, n));
	printf("%s_p95_ms %.4f\n", name, t[n * 95 / 100]);
}

static int
bench_fsync(const char *dir, size_t n)
{
	char *path = xasprintf("%s/fsync.bin", dir);
	double *t = xcalloc(n, sizeof *t), t0;
	size_t i;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600), rc = -1;

	if (fd < 0)
		goto out;
	for (i = 0; i < n; i++) {
		t0 = bench_now_ms();
		if (pwrite(fd, "x", 1, (off_t)(i % 4096)) != 1 ||
		    fdatasync(fd) != 0)
			goto out;
		t[i] = bench_now_ms() - t0;
	}
	report("fdatasync", t, n);
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	unlink(path);
	free(path);
	free(t);
	return rc;
}

int
main(int argc, char **argv)
{
	struct fw_project *p = NULL;
	char *path, *cause = NULL, value[32];
	double *t, t0, total;
	size_t n = 10000, i;
	int rc = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_autosave DIR [N]\n");
		return 2;
	}
	if (argc > 2)
		n = strtoul(argv[2], NULL, 10);
	if (n == 0)
		n = 1;
	path = xasprintf("%s/autosave.fedwiz", argv[1]);
	t = xcalloc(n, sizeof *t);
	if (fw_project_open(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p, NULL,
	    &cause) != FW_EXIT_OK)
		goto out;
	total = bench_now_ms();
	for (i = 0; i < n; i++) {
		snprintf(value, sizeof value, "edit-%zu", i + 1);
		t0 = bench_now_ms();
		if (fw_project_set_setting(p, "name", value, &cause) != 0)
			goto out;
		t[i] = bench_now_ms() - t0;
	}
	total = bench_now_ms() - total;
	printf("edits %zu\n", n);
	printf("edits_total_s %.2f\n", total / 1e3);
	report("edit", t, n);
	if (bench_fsync(argv[1], n < 2000 ? n : 2000) != 0)
		goto out;
	rc = 0;
out:
	if (cause != NULL)
		fprintf(stderr, "bench_autosave: %s\n", cause);
	fw_project_close(p);
	unlink(path);
	free(path);
	free(t);
	free(cause);
	return rc;
}

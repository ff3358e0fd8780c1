/*
 * Autosave benchmark: N single-answer edits through the core API
 * (fw_project_set_setting, each its own durable transaction), timed one by
 * one; and, as the floor under them, what one fdatasync costs on the same
 * filesystem, written the two ways a WAL is written. Prints "key value"
 * lines for bench/run.sh.
 *
 *	bench_autosave DIR [N]
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"
#include "fw_store.h"
#include "fw_util.h"

/* What one edit appends to the WAL (strace): two frames, the setting's
 * page and the audit log's, each a 24-byte header and a 4096-byte page. */
#define EDIT_BYTES (2 * (24 + 4096))

/* The first edits after opening, while the WAL is still growing; SQLite
 * deletes it on close, so every session starts that way. */
#define FIRST_EDITS 200

/* Time spent in fdatasync and how many calls, since the last reset. */
static double sync_ms;
static size_t sync_calls;

/*
 * SQLite's fdatasync calls land here: a definition in the executable
 * comes first in the dynamic linker's lookup. It tells how much of each
 * edit is the sync itself and how many syncs an edit makes, measured
 * inside the edits instead of beside them.
 */
int
fdatasync(int fd)
{
	double t0 = bench_now_ms();
	int rc = (int)syscall(SYS_fdatasync, fd);

	sync_ms += bench_now_ms() - t0;
	sync_calls++;
	return rc;
}

/* Prints median and p95 of t under the name (sorts t). */
static void
report(const char *name, double *t, size_t n)
{
	printf("%s_median_ms %.4f\n", name, bench_median(t, n));
	printf("%s_p95_ms %.4f\n", name, t[n * 95 / 100]);
}

/*
 * fdatasync after writing EDIT_BYTES, n times. Appending grows the file,
 * so each sync also writes its metadata (the new size and blocks; on a
 * journalled filesystem, a journal commit): a fresh WAL. Overwriting
 * blocks written before changes no metadata: a WAL after its first
 * checkpoint, which SQLite restarts from the beginning without
 * truncating. Blocks reserved with fallocate() would not do: their first
 * write converts them, metadata again.
 */
static int
bench_fsync(const char *dir, size_t n, int overwrite)
{
	char *path = xasprintf("%s/fsync.bin", dir), *buf = xmalloc(EDIT_BYTES);
	double *t = xcalloc(n, sizeof *t), t0;
	size_t i;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600), rc = -1;

	memset(buf, 'x', EDIT_BYTES);
	if (fd < 0)
		goto out;
	for (i = 0; overwrite && i < n; i++) {
		if (pwrite(fd, buf, EDIT_BYTES, (off_t)(i * EDIT_BYTES)) !=
		    EDIT_BYTES)
			goto out;
	}
	if (overwrite && fsync(fd) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		t0 = bench_now_ms();
		if (pwrite(fd, buf, EDIT_BYTES, (off_t)(i * EDIT_BYTES)) !=
		    EDIT_BYTES || fdatasync(fd) != 0)
			goto out;
		t[i] = bench_now_ms() - t0;
	}
	report(overwrite ? "fdatasync_overwrite" : "fdatasync_append", t, n);
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	unlink(path);
	free(path);
	free(buf);
	free(t);
	return rc;
}

int
main(int argc, char **argv)
{
	struct fw_project *p = NULL;
	char *path, *cause = NULL, value[32];
	double *t, *first = NULL, *in_sync, *rest, t0, total;
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
	in_sync = xcalloc(n, sizeof *in_sync);
	rest = xcalloc(n, sizeof *rest);
	if (fw_project_open(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p, NULL,
	    &cause) != FW_EXIT_OK)
		goto out;
	total = bench_now_ms();
	sync_calls = 0;
	for (i = 0; i < n; i++) {
		snprintf(value, sizeof value, "edit-%zu", i + 1);
		sync_ms = 0;
		t0 = bench_now_ms();
		if (fw_project_set_setting(p, "name", value, &cause) != 0)
			goto out;
		t[i] = bench_now_ms() - t0;
		in_sync[i] = sync_ms;
		rest[i] = t[i] - sync_ms;
	}
	total = bench_now_ms() - total;
	printf("edits %zu\n", n);
	printf("edits_total_s %.2f\n", total / 1e3);
	printf("first_edits %zu\n", n < FIRST_EDITS ? n : FIRST_EDITS);
	/* Before report() sorts t. */
	first = xcalloc(n, sizeof *first);
	memcpy(first, t, n * sizeof *t);
	report("edit_first", first, n < FIRST_EDITS ? n : FIRST_EDITS);
	report("edit", t, n);
	printf("edit_syncs %.3f\n", (double)sync_calls / (double)n);
	if (sync_calls > 0) {
		report("edit_in_sync", in_sync, n);
		report("edit_besides_sync", rest, n);
	}
	if (bench_fsync(argv[1], n < 2000 ? n : 2000, 0) != 0 ||
	    bench_fsync(argv[1], n < 2000 ? n : 2000, 1) != 0)
		goto out;
	rc = 0;
out:
	if (cause != NULL)
		fprintf(stderr, "bench_autosave: %s\n", cause);
	fw_project_close(p);
	unlink(path);
	free(path);
	free(t);
	free(first);
	free(in_sync);
	free(rest);
	free(cause);
	return rc;
}

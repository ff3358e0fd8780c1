/*
 * tests/slow_unlink.c: an LD_PRELOAD shim for tests/cli/cli_lock_race.sh.
 * Each unlink() of a name ending in ".lock" waits SLOW_UNLINK_MS
 * milliseconds first, widening the moment between judging a lock and
 * removing it, where two takers used to race. Right before the real
 * unlink it judges what is removed and appends one line to
 * SLOW_UNLINK_LOG: "own" (the lock names this process), "dead" (it names
 * a process that is gone), "live PID" (it names another process that is
 * alive: a live holder's lock deleted) or "missing" (the file is gone:
 * this process's lock was removed under it).
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int
is_lock(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && strcmp(path + n - 5, ".lock") == 0;
}

static void
wait_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

/* The PID on the lock file's third line, 0 when unreadable, -1 when gone. */
static long
lock_pid(const char *path)
{
	char text[1025], *line;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC), i;

	if (fd < 0)
		return errno == ENOENT ? -1 : 0;
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	line = text;
	for (i = 0; i < 2 && line != NULL; i++) {
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	return line != NULL ? strtol(line, NULL, 10) : 0;
}

static void
judge(const char *path, const char *log)
{
	long pid = lock_pid(path);
	FILE *f = fopen(log, "a");

	if (f == NULL)
		return;
	if (pid < 0)
		fprintf(f, "missing\n");
	else if (pid == (long)getpid())
		fprintf(f, "own\n");
	else if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
		fprintf(f, "live %ld\n", pid);
	else
		fprintf(f, "dead\n");
	fclose(f);
}

int
unlink(const char *path)
{
	int (*real)(const char *) =
	    (int (*)(const char *))dlsym(RTLD_NEXT, "unlink");
	const char *ms = getenv("SLOW_UNLINK_MS");
	const char *log = getenv("SLOW_UNLINK_LOG");

	if (is_lock(path)) {
		if (ms != NULL)
			wait_ms(strtol(ms, NULL, 10));
		if (log != NULL)
			judge(path, log);
	}
	return real(path);
}

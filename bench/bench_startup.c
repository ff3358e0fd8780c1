/*
 * Start-up benchmark without a terminal multiplexer in between: runs a
 * program on a pseudo-terminal of 80x24 and feeds what it writes to a
 * terminal emulator (libvterm), until the emulated screen shows every
 * TEXT at once. Times from just before the fork; reads the program's
 * peak RSS and threads at that moment from /proc; then ends it with
 * SIGTERM and waits for it, so that the next run never meets a project
 * still locked. Median of RUNS. Prints "key value" lines for
 * bench/run.sh.
 *
 *	bench_startup RUNS TEXT [TEXT ...] -- PROGRAM [ARG ...]
 *
 * Exits 2 when the screen does not show the texts within 10 s.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vterm.h>

#include "bench.h"

#define ROWS 24
#define COLS 80
#define GIVE_UP_MS 10000.0

struct run {
	double ms;
	long rss_kib, threads;
};

/* The program's answers to the terminal's queries go back to it. */
static void
to_program(const char *s, size_t len, void *user)
{
	int fd = *(int *)user;
	ssize_t n;

	while (len > 0 && (n = write(fd, s, len)) > 0) {
		s += n;
		len -= (size_t)n;
	}
}

/* Whether the screen holds every text, each within one row. */
static int
screen_shows(VTermScreen *screen, char **texts, int n_texts)
{
	static char rows[ROWS][COLS * 4 + 1];
	VTermRect rect = { 0, 1, 0, COLS };
	size_t len;
	int r, t, found;

	for (r = 0; r < ROWS; r++) {
		rect.start_row = r;
		rect.end_row = r + 1;
		len = vterm_screen_get_text(screen, rows[r], sizeof rows[r] - 1,
		    rect);
		rows[r][len] = '\0';
	}
	for (t = 0; t < n_texts; t++) {
		for (found = 0, r = 0; r < ROWS && !found; r++)
			found = strstr(rows[r], texts[t]) != NULL;
		if (!found)
			return 0;
	}
	return 1;
}

/* The value of a "Key:   N kB" line of /proc/PID/status, or -1. */
static long
proc_status(pid_t pid, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			v = strtol(line + klen + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return v;
}

static int
one_run(char **texts, int n_texts, char **argv, struct run *out)
{
	struct winsize ws = { ROWS, COLS, 0, 0 };
	struct pollfd pfd;
	VTerm *vt = vterm_new(ROWS, COLS);
	VTermScreen *screen;
	char buf[65536];
	double t0, now;
	ssize_t n;
	pid_t pid;
	int fd, rc = -1, status;

	vterm_set_utf8(vt, 1);
	screen = vterm_obtain_screen(vt);
	vterm_screen_reset(screen, 1);
	t0 = bench_now_ms();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("bench_startup: forkpty");
		goto out;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	vterm_output_set_callback(vt, to_program, &fd);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		now = bench_now_ms();
		if (now - t0 > GIVE_UP_MS) {
			fprintf(stderr, "bench_startup: %s never showed the "
			    "texts\n", argv[0]);
			break;
		}
		if (poll(&pfd, 1, (int)(GIVE_UP_MS - (now - t0)) + 1) < 0) {
			if (errno == EINTR)
				continue;
			perror("bench_startup: poll");
			break;
		}
		if ((n = read(fd, buf, sizeof buf)) <= 0) {
			fprintf(stderr, "bench_startup: %s ended before showing "
			    "the texts\n", argv[0]);
			break;
		}
		vterm_input_write(vt, buf, (size_t)n);
		if (screen_shows(screen, texts, n_texts)) {
			out->ms = bench_now_ms() - t0;
			out->rss_kib = proc_status(pid, "VmHWM");
			out->threads = proc_status(pid, "Threads");
			rc = 0;
			break;
		}
	}
	kill(pid, SIGTERM);
	/* Read on while it ends: a program blocked writing to a full
	 * terminal would never see the signal. */
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (poll(&pfd, 1, 10) > 0 && read(fd, buf, sizeof buf) <= 0)
			pfd.fd = -1;
	}
	close(fd);
out:
	vterm_free(vt);
	return rc;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct run r;
	double *ms;
	long *rss, *threads;
	int runs, i, sep, rc = 2;

	for (sep = 1; sep < argc && strcmp(argv[sep], "--") != 0; sep++)
		continue;
	if (argc < 4 || sep < 3 || sep >= argc - 1 ||
	    (runs = atoi(argv[1])) < 1) {
		fputs("usage: bench_startup RUNS TEXT [TEXT ...] -- PROGRAM "
		    "[ARG ...]\n", stderr);
		return 2;
	}
	ms = calloc((size_t)runs, sizeof *ms);
	rss = calloc((size_t)runs, sizeof *rss);
	threads = calloc((size_t)runs, sizeof *threads);
	if (ms == NULL || rss == NULL || threads == NULL)
		goto out;
	for (i = 0; i < runs; i++) {
		if (one_run(argv + 2, sep - 2, argv + sep + 1, &r) != 0)
			goto out;
		ms[i] = r.ms;
		rss[i] = r.rss_kib;
		threads[i] = r.threads;
	}
	qsort(rss, (size_t)runs, sizeof *rss, cmp_long);
	qsort(threads, (size_t)runs, sizeof *threads, cmp_long);
	printf("startup_ms %.1f\n", bench_median(ms, (size_t)runs));
	printf("startup_rss_mib %.1f\n", rss[runs / 2] / 1024.0);
	printf("startup_threads %ld\n", threads[runs / 2]);
	rc = 0;
out:
	free(ms);
	free(rss);
	free(threads);
	return rc;
}

/*
 * ui_signals.c: SIGHUP (the SSH connection dropped), SIGTERM and SIGINT
 * become a byte on a self-pipe that the main loop polls beside the
 * terminal, so the wizard saves its position and restores the terminal in
 * ordinary code, never inside a handler. SIGPIPE is ignored for the
 * whole session: a "Test" (ui_test.c) writes to peers with write(), and a
 * peer that hangs up mid-request must be a "reset", not the end of the
 * wizard; the terminal going away is seen as SIGHUP or POLLHUP instead.
 *
 * The pipe's descriptors are the one piece of file-level state in ui/: a
 * signal handler has no other way to reach them.
 */
#include "config.h"

#include "ui_app.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

static int sig_pipe[2] = { -1, -1 };
static const int caught[] = { SIGHUP, SIGTERM, SIGINT };
static struct sigaction saved[3], saved_pipe;
static volatile sig_atomic_t ending;	/* one of them arrived */

static void
on_signal(int sig)
{
	int saved_errno = errno;
	unsigned char b = (unsigned char)sig;
	ssize_t r;

	ending = 1;
	r = write(sig_pipe[1], &b, 1);
	(void)r;		/* a full pipe already holds a signal */
	errno = saved_errno;
}

int
ui_signals_init(char **cause)
{
	struct sigaction sa;
	size_t i;

	if (pipe(sig_pipe) != 0)
		return fw_fail(cause, _("cannot create a pipe: %s"),
		    strerror(errno));
	for (i = 0; i < 2; i++) {
		fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaction(caught[i], &sa, &saved[i]);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &saved_pipe);
	return 0;
}

int
ui_signals_fd(void)
{
	return sig_pipe[0];
}

int
ui_signals_take(void)
{
	unsigned char b;

	if (sig_pipe[0] >= 0 && read(sig_pipe[0], &b, 1) == 1)
		return b;
	return 0;
}

void
ui_signals_restore(void)
{
	struct sigaction ign;
	size_t i;

	if (sig_pipe[0] < 0)
		return;
	/* Ending on a signal: the rest of a storm (kill sent several in a
	 * row) is ignored, not the default action, so fedwiz still ends with
	 * status 0 once its work is saved. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaction(caught[i], ending ? &ign : &saved[i], NULL);
	sigaction(SIGPIPE, &saved_pipe, NULL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}

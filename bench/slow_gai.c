/*
 * bench/slow_gai.c: an LD_PRELOAD shim for `make bench` whose name lookups
 * hang for 10 seconds, as they do on a jump host whose DNS server is gone.
 * The keystroke-echo benchmark runs the wizard with it: typing must not
 * wait for DNS. getnameinfo hangs too, since the wizard's reverse (PTR)
 * lookups take that path. Both then fail as a timed-out lookup would.
 */
/* Built on its own, without config.h: ask for the POSIX names directly. */
#define _POSIX_C_SOURCE 200809L

#include <sys/socket.h>
#include <netdb.h>
#include <time.h>

static void
hang(void)
{
	struct timespec ts = { 10, 0 };

	/* nanosleep returns early on a signal: sleep out the rest. */
	while (nanosleep(&ts, &ts) != 0)
		;
}

int
getaddrinfo(const char *node, const char *service,
    const struct addrinfo *hints, struct addrinfo **res)
{
	(void)node;
	(void)service;
	(void)hints;
	*res = NULL;
	hang();
	return EAI_AGAIN;
}

int
getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
    socklen_t hostlen, char *serv, socklen_t servlen, int flags)
{
	(void)sa;
	(void)salen;
	(void)host;
	(void)hostlen;
	(void)serv;
	(void)servlen;
	(void)flags;
	hang();
	return EAI_AGAIN;
}

#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fw_net.h"
#include "tap.h"

/* The bounded, cancellable TCP under the probes, against sockets of its
 * own on 127.0.0.1: connect, refused, timeout, stop, reset. */

/* A listening socket on 127.0.0.1 and its port. */
static int
listener(int *port)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 ||
	    listen(s, 4) != 0 ||
	    getsockname(s, (struct sockaddr *)&a, &len) != 0)
		return -1;
	*port = ntohs(a.sin_port);
	return s;
}

int
main(void)
{
	volatile sig_atomic_t stop = 0;
	char buf[16], addr[64], *cause = NULL;
	int64_t t0, deadline;
	int ls, port, fd = -1, peer, lport = 0;
	size_t got;
	struct linger lg = { 1, 0 };

	ok(fw_net_is_ip("192.0.2.1") && fw_net_is_ip("::1") &&
	    !fw_net_is_ip("fe1.ocs.test") && !fw_net_is_ip("1.2.3"),
	    "IP literals are told from names");
	is_int(fw_net_connect("fe1.ocs.test", 5061, 100, &stop, &fd, &cause),
	    FW_NET_ERROR, "a name is never resolved: refused as no IP");
	ok(cause != NULL && strstr(cause, "not an IP address") != NULL,
	    "says so");
	free(cause);
	cause = NULL;

	if ((ls = listener(&port)) < 0) {
		printf("Bail out! no loopback socket\n");
		return 1;
	}
	is_int(fw_net_connect("127.0.0.1", port, 1000, &stop, &fd, &cause),
	    FW_NET_OK, "connects to a listener");
	ok(fw_net_local(fd, addr, sizeof addr, &lport) == 0 &&
	    strcmp(addr, "127.0.0.1") == 0 && lport > 0,
	    "knows its local address and port");

	t0 = fw_net_now_ms();
	is_int(fw_net_recv(fd, buf, sizeof buf, &got, t0 + 300, &stop, &cause),
	    FW_NET_TIMEOUT, "silence ends at the deadline");
	ok(fw_net_now_ms() - t0 >= 250 && fw_net_now_ms() - t0 < 2000,
	    "after about the time given (%lld ms)",
	    (long long)(fw_net_now_ms() - t0));
	free(cause);
	cause = NULL;

	stop = 1;
	t0 = fw_net_now_ms();
	is_int(fw_net_recv(fd, buf, sizeof buf, &got, t0 + 10000, &stop,
	    &cause), FW_NET_STOPPED, "the stop flag ends a wait");
	ok(fw_net_now_ms() - t0 < 500, "at once");
	stop = 0;
	free(cause);
	cause = NULL;

	/* The peer resets: SO_LINGER 0, then close. */
	peer = accept(ls, NULL, NULL);
	setsockopt(peer, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	close(peer);
	deadline = fw_net_now_ms() + 2000;
	is_int(fw_net_recv(fd, buf, sizeof buf, &got, deadline, &stop, &cause),
	    FW_NET_RESET, "a reset is told as such");
	ok(cause != NULL && strstr(cause, "reset") != NULL, "and says so");
	free(cause);
	cause = NULL;
	close(fd);

	/* An orderly close. */
	fw_net_connect("127.0.0.1", port, 1000, &stop, &fd, &cause);
	peer = accept(ls, NULL, NULL);
	close(peer);
	is_int(fw_net_recv(fd, buf, sizeof buf, &got, fw_net_now_ms() + 2000,
	    &stop, &cause), FW_NET_CLOSED, "a close is told as such");
	free(cause);
	cause = NULL;
	close(fd);

	close(ls);
	is_int(fw_net_connect("127.0.0.1", port, 1000, &stop, &fd, &cause),
	    FW_NET_REFUSED, "a closed port is refused");
	ok(cause != NULL && strstr(cause, "refused") != NULL, "and says so");
	is_int(fd, -1, "no socket is left open");
	free(cause);
	return done_testing();
}

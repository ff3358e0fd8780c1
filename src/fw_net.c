#include "config.h"

#include "fw_net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

/* The longest a wait sleeps before looking at the stop flag again. */
#define FW_NET_SLICE_MS 100

int64_t
fw_net_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum fw_net_status
errno_status(int err)
{
	switch (err) {
	case ECONNREFUSED:
		return FW_NET_REFUSED;
	case ECONNRESET:
	case EPIPE:
		return FW_NET_RESET;
	case ETIMEDOUT:
		return FW_NET_TIMEOUT;
	default:
		return FW_NET_ERROR;
	}
}

enum fw_net_status
fw_net_wait(int fd, short events, int64_t deadline,
    const volatile sig_atomic_t *stop)
{
	struct pollfd pfd;
	int64_t left;
	int r;

	for (;;) {
		if (stop != NULL && *stop)
			return FW_NET_STOPPED;
		left = deadline - fw_net_now_ms();
		if (left <= 0)
			return FW_NET_TIMEOUT;
		pfd.fd = fd;
		pfd.events = events;
		pfd.revents = 0;
		r = poll(&pfd, 1, left < FW_NET_SLICE_MS ? (int)left :
		    FW_NET_SLICE_MS);
		if (r > 0)
			return FW_NET_OK;
		if (r < 0 && errno != EINTR)
			return FW_NET_ERROR;
	}
}

enum fw_net_status
fw_net_connect(const char *addr, int port, int timeout_ms,
    const volatile sig_atomic_t *stop, int *fd, char **cause)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
	socklen_t sslen, elen = sizeof(int);
	enum fw_net_status st;
	int s, err = 0;

	*fd = -1;
	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		sslen = sizeof *v4;
	} else if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		sslen = sizeof *v6;
	} else {
		fw_fail(cause, _("%s: not an IP address"), addr);
		return FW_NET_ERROR;
	}
	s = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s < 0) {
		fw_fail(cause, _("socket: %s"), strerror(errno));
		return FW_NET_ERROR;
	}
	if (connect(s, (struct sockaddr *)&ss, sslen) != 0) {
		if (errno != EINPROGRESS) {
			err = errno;
			goto fail;
		}
		st = fw_net_wait(s, POLLOUT, fw_net_now_ms() + timeout_ms,
		    stop);
		if (st != FW_NET_OK) {
			fw_fail(cause, "%s", fw_net_status_text(st));
			close(s);
			return st;
		}
		if (getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &elen) != 0)
			err = errno;
		if (err != 0)
			goto fail;
	}
	*fd = s;
	return FW_NET_OK;
fail:
	close(s);
	st = errno_status(err);
	fw_fail(cause, "%s", st == FW_NET_ERROR ? strerror(err) :
	    fw_net_status_text(st));
	return st;
}

enum fw_net_status
fw_net_send(int fd, const void *buf, size_t len, int64_t deadline,
    const volatile sig_atomic_t *stop, char **cause)
{
	const char *p = buf;
	enum fw_net_status st;
	ssize_t n;

	while (len > 0) {
		n = send(fd, p, len, MSG_NOSIGNAL);
		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != EINTR) {
			st = errno_status(errno);
			fw_fail(cause, "%s", st == FW_NET_ERROR ?
			    strerror(errno) : fw_net_status_text(st));
			return st;
		}
		if ((st = fw_net_wait(fd, POLLOUT, deadline, stop)) !=
		    FW_NET_OK) {
			fw_fail(cause, "%s", fw_net_status_text(st));
			return st;
		}
	}
	return FW_NET_OK;
}

enum fw_net_status
fw_net_recv(int fd, void *buf, size_t cap, size_t *got, int64_t deadline,
    const volatile sig_atomic_t *stop, char **cause)
{
	enum fw_net_status st;
	ssize_t n;

	*got = 0;
	for (;;) {
		n = recv(fd, buf, cap, 0);
		if (n > 0) {
			*got = (size_t)n;
			return FW_NET_OK;
		}
		if (n == 0) {
			fw_fail(cause, "%s", fw_net_status_text(FW_NET_CLOSED));
			return FW_NET_CLOSED;
		}
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
			st = errno_status(errno);
			fw_fail(cause, "%s", st == FW_NET_ERROR ?
			    strerror(errno) : fw_net_status_text(st));
			return st;
		}
		if ((st = fw_net_wait(fd, POLLIN, deadline, stop)) !=
		    FW_NET_OK) {
			fw_fail(cause, "%s", fw_net_status_text(st));
			return st;
		}
	}
}

int
fw_net_local(int fd, char *addr, size_t size, int *port)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	const void *a;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return -1;
	if (ss.ss_family == AF_INET) {
		a = &((struct sockaddr_in *)&ss)->sin_addr;
		*port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	} else if (ss.ss_family == AF_INET6) {
		a = &((struct sockaddr_in6 *)&ss)->sin6_addr;
		*port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	} else {
		return -1;
	}
	return inet_ntop(ss.ss_family, a, addr, (socklen_t)size) != NULL ?
	    0 : -1;
}

int
fw_net_is_ip(const char *s)
{
	unsigned char a[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, s, a) == 1 || inet_pton(AF_INET6, s, a) == 1;
}

const char *
fw_net_status_text(enum fw_net_status st)
{
	switch (st) {
	case FW_NET_OK:
		return _("ok");
	case FW_NET_REFUSED:
		return _("connection refused (nothing listens on that port)");
	case FW_NET_RESET:
		return _("connection reset by the peer");
	case FW_NET_TIMEOUT:
		return _("no answer before the timeout");
	case FW_NET_CLOSED:
		return _("the peer closed the connection");
	case FW_NET_STOPPED:
		return _("stopped (Ctrl-C)");
	case FW_NET_ERROR:
		break;
	}
	return _("network error");
}

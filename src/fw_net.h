/*
 * Bounded, cancellable TCP for the probes: every wait has a deadline and
 * checks a stop flag (set from a SIGINT handler) at least every 100 ms, so
 * Ctrl-C ends a probe run within a fraction of a second.
 */
#ifndef FW_NET_H
#define FW_NET_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* What happened to a network operation; the probes report each as such. */
enum fw_net_status {
	FW_NET_OK,
	FW_NET_REFUSED,		/* connection refused: nothing listens */
	FW_NET_RESET,		/* connection reset by the peer */
	FW_NET_TIMEOUT,		/* no answer before the deadline */
	FW_NET_CLOSED,		/* the peer closed the connection */
	FW_NET_STOPPED,		/* the stop flag was set (Ctrl-C) */
	FW_NET_ERROR,		/* anything else: see cause */
};

/* Milliseconds on a monotonic clock, for deadlines and round-trip times. */
int64_t fw_net_now_ms(void);

/*
 * Connects to addr (an IPv4 or IPv6 literal: probes never resolve names, so
 * no lookup can hang) on port, non-blocking, within timeout_ms. On FW_NET_OK
 * *fd is a non-blocking socket the caller closes; otherwise *cause (free())
 * says why.
 */
enum fw_net_status fw_net_connect(const char *addr, int port, int timeout_ms,
    const volatile sig_atomic_t *stop, int *fd, char **cause);

/* Waits until fd is ready for events (POLLIN/POLLOUT) or the deadline
 * (fw_net_now_ms() based) passes. */
enum fw_net_status fw_net_wait(int fd, short events, int64_t deadline,
    const volatile sig_atomic_t *stop);

/* Sends all of buf before the deadline. */
enum fw_net_status fw_net_send(int fd, const void *buf, size_t len,
    int64_t deadline, const volatile sig_atomic_t *stop, char **cause);

/* Receives 1 to cap bytes into buf (*got) before the deadline; an orderly
 * close is FW_NET_CLOSED. */
enum fw_net_status fw_net_recv(int fd, void *buf, size_t cap, size_t *got,
    int64_t deadline, const volatile sig_atomic_t *stop, char **cause);

/* The local address of a connected socket as text, and its port (for the
 * SIP Via and Contact headers). Returns 0, or -1 when unknown. */
int fw_net_local(int fd, char *addr, size_t size, int *port);

/* Whether s is an IPv4 or IPv6 literal (not a name to send as SNI). */
int fw_net_is_ip(const char *s);

/* A short, translated phrase for a status ("connection refused", ...). */
const char *fw_net_status_text(enum fw_net_status);

#endif

/* The resolver: never blocks the caller, caches, times out, wakes the UI
 * through its pipe, and frees without waiting for a hung lookup. */
#include "config.h"

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fw_resolve.h"
#include "tap.h"

/* A lookup held at a gate the test opens; counts its calls. */
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;
static int gate_open;
static int calls;
static int returned;

static int
gated_lookup(const char *name, char ***addrs, void *ctx)
{
	char **v;

	(void)ctx;
	pthread_mutex_lock(&gate_lock);
	calls++;
	while (!gate_open)
		pthread_cond_wait(&gate_cond, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	if (strstr(name, "none") != NULL)
		v = NULL;
	else {
		v = calloc(3, sizeof *v);
		v[0] = strdup("192.0.2.7");
		v[1] = strdup("2001:db8::7");
	}
	*addrs = v;
	pthread_mutex_lock(&gate_lock);
	returned++;
	pthread_mutex_unlock(&gate_lock);
	return v != NULL ? 0 : -1;
}

static void
set_gate(int open)
{
	pthread_mutex_lock(&gate_lock);
	gate_open = open;
	pthread_cond_broadcast(&gate_cond);
	pthread_mutex_unlock(&gate_lock);
}

static int
get_counter(int *c)
{
	int v;

	pthread_mutex_lock(&gate_lock);
	v = *c;
	pthread_mutex_unlock(&gate_lock);
	return v;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* Waits (bounded) until every gated lookup has returned, so no worker
 * outlives the test's memory checks. */
static void
settle(int want)
{
	int i;

	for (i = 0; i < 200 && get_counter(&returned) < want; i++)
		usleep(10000);
	usleep(50000);
}

/* Waits (bounded) until want gated lookups have been called. */
static void
wait_calls(int want)
{
	int i;

	for (i = 0; i < 200 && get_counter(&calls) < want; i++)
		usleep(10000);
}

static void
test_slow_never_blocks(void)
{
	struct fw_resolver_opts o = { 5000, 0, gated_lookup, NULL };
	struct fw_resolver *r = fw_resolver_new(&o, NULL);
	enum fw_resolve_state st;
	char **addrs = NULL;
	time_t when = 1;
	double t0;

	ok(r != NULL, "resolver with an injected lookup");
	set_gate(0);
	t0 = now_ms();
	st = fw_resolver_lookup(r, "slow.example.test", &addrs, &when);
	ok(now_ms() - t0 < 100, "lookup of a slow name returns at once "
	    "(%.1f ms)", now_ms() - t0);
	is_int(st, FW_RESOLVE_PENDING, "... pending");
	ok(addrs == NULL && when == 0, "... no addresses, no time yet");
	ok(!readable(fw_resolver_fd(r), 50), "pipe not readable while "
	    "pending");
	t0 = now_ms();
	st = fw_resolver_lookup(r, "SLOW.example.test", NULL, NULL);
	ok(st == FW_RESOLVE_PENDING && now_ms() - t0 < 100,
	    "asking again (other case) still pending, still at once");
	set_gate(1);
	ok(readable(fw_resolver_fd(r), 5000), "pipe readable once the "
	    "answer arrives");
	fw_resolver_drain(r);
	ok(!readable(fw_resolver_fd(r), 0), "drain empties the pipe");
	st = fw_resolver_lookup(r, "slow.example.test", &addrs, &when);
	is_int(st, FW_RESOLVE_OK, "then: ok");
	ok(addrs != NULL && addrs[0] != NULL && addrs[1] != NULL &&
	    strcmp(addrs[0], "192.0.2.7") == 0 &&
	    strcmp(addrs[1], "2001:db8::7") == 0 && addrs[2] == NULL,
	    "... with both addresses, in order");
	ok(when > 0 && when <= time(NULL), "... and the time of the answer");
	fw_strv_free(addrs);
	is_int(get_counter(&calls), 1, "one lookup for one name (cached, "
	    "case-insensitive)");

	st = fw_resolver_lookup(r, "none.example.test", NULL, NULL);
	fw_resolver_wait_all(r);
	st = fw_resolver_lookup(r, "none.example.test", &addrs, NULL);
	is_int(st, FW_RESOLVE_FAILED, "a name without addresses: failed");
	ok(addrs == NULL, "... no addresses handed out");

	fw_resolver_forget(r, "slow.example.test");
	st = fw_resolver_lookup(r, "slow.example.test", NULL, NULL);
	fw_resolver_wait_all(r);
	is_int(get_counter(&calls), 3, "forget makes the next lookup ask "
	    "again");
	fw_resolver_free(r);
	settle(3);
}

static void
test_timeout_and_free(void)
{
	struct fw_resolver_opts o = { 200, 0, gated_lookup, NULL };
	struct fw_resolver *r = fw_resolver_new(&o, NULL);
	enum fw_resolve_state st;
	double t0;
	int before = get_counter(&returned), called = get_counter(&calls);

	set_gate(0);
	fw_resolver_lookup(r, "hung.example.test", NULL, NULL);
	t0 = now_ms();
	ok(readable(fw_resolver_fd(r), 3000), "the timeout wakes the pipe");
	fw_resolver_wait_all(r);
	ok(now_ms() - t0 < 1500, "wait_all ends by the 200 ms timeout "
	    "(%.0f ms)", now_ms() - t0);
	st = fw_resolver_lookup(r, "hung.example.test", NULL, NULL);
	is_int(st, FW_RESOLVE_TIMEOUT, "a hung lookup: timeout");

	/* Its worker hangs past the timeout: another takes this one on
	 * (a lookup still queued when the resolver goes is not made). */
	fw_resolver_lookup(r, "another.example.test", NULL, NULL);
	wait_calls(called + 2);
	is_int(get_counter(&calls), called + 2, "a worker past its timeout "
	    "leaves room for another");
	t0 = now_ms();
	fw_resolver_free(r);
	ok(now_ms() - t0 < 100, "free with hung lookups returns at once "
	    "(%.1f ms)", now_ms() - t0);
	/* The workers return after their resolver is gone; they must
	 * find their shared state alive (ASan would say otherwise). */
	set_gate(1);
	settle(before + 2);
	is_int(get_counter(&returned), before + 2, "late workers returned "
	    "safely");
}

/* At most FW_RESOLVE_WORKERS lookups run at once; the rest wait their
 * turn, and all are answered once the lookups return. */
static void
test_workers_bounded(void)
{
	struct fw_resolver_opts o = { 5000, 0, gated_lookup, NULL };
	struct fw_resolver *r = fw_resolver_new(&o, NULL);
	int called = get_counter(&calls), before = get_counter(&returned);
	char name[64];
	int i, ok_all = 1;

	set_gate(0);
	for (i = 0; i < 3 * FW_RESOLVE_WORKERS; i++) {
		snprintf(name, sizeof name, "n%d.example.test", i);
		fw_resolver_lookup(r, name, NULL, NULL);
	}
	wait_calls(called + FW_RESOLVE_WORKERS);
	usleep(100000);
	is_int(get_counter(&calls) - called, FW_RESOLVE_WORKERS,
	    "%d lookups asked at once: %d run, the rest wait",
	    3 * FW_RESOLVE_WORKERS, FW_RESOLVE_WORKERS);
	set_gate(1);
	fw_resolver_wait_all(r);
	for (i = 0; i < 3 * FW_RESOLVE_WORKERS; i++) {
		snprintf(name, sizeof name, "n%d.example.test", i);
		ok_all &= fw_resolver_lookup(r, name, NULL, NULL) ==
		    FW_RESOLVE_OK;
	}
	ok(ok_all, "then every one is answered");
	fw_resolver_free(r);
	settle(before + 3 * FW_RESOLVE_WORKERS);
}

static void
test_max_age(void)
{
	struct fw_resolver_opts o = { 1000, 1, gated_lookup, NULL };
	struct fw_resolver *r = fw_resolver_new(&o, NULL);
	int before = get_counter(&calls);

	set_gate(1);
	fw_resolver_lookup(r, "aged.example.test", NULL, NULL);
	fw_resolver_wait_all(r);
	fw_resolver_lookup(r, "aged.example.test", NULL, NULL);
	is_int(get_counter(&calls), before + 1, "a fresh answer is cached");
	/* sleep() ends early when a signal comes (the hung workers of the
	 * tests before get some): wait until the clock has really moved on. */
	{
		time_t until = time(NULL) + 3;

		while (time(NULL) < until)
			sleep(1);
	}
	is_int(fw_resolver_lookup(r, "aged.example.test", NULL, NULL),
	    FW_RESOLVE_PENDING, "an answer older than max_age is asked "
	    "again");
	fw_resolver_wait_all(r);
	is_int(get_counter(&calls), before + 2, "... by a new lookup");
	fw_resolver_free(r);
	settle(get_counter(&calls));
}

/* Lookups that count how many run at once (under gate_lock): held at the
 * gate, or, with the gate open, taking a moment each. */
static int active, most_active;

static int
counted_lookup(const char *name, char ***addrs, void *ctx)
{
	char **v = NULL;

	(void)name;
	(void)ctx;
	pthread_mutex_lock(&gate_lock);
	calls++;
	if (++active > most_active)
		most_active = active;
	while (!gate_open)
		pthread_cond_wait(&gate_cond, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	usleep(2000);
	v = calloc(2, sizeof *v);
	v[0] = strdup("192.0.2.8");
	*addrs = v;
	pthread_mutex_lock(&gate_lock);
	active--;
	returned++;
	pthread_mutex_unlock(&gate_lock);
	return 0;
}

static void
reset_counts(void)
{
	pthread_mutex_lock(&gate_lock);
	active = most_active = calls = returned = 0;
	pthread_mutex_unlock(&gate_lock);
}

#define MANY 400

/* 400 names that answer, asked at once: never more than
 * FW_RESOLVE_WORKERS lookups run, and every one is answered. (Hanging
 * lookups are test_workers_bounded's and test_timeout_and_free's.) */
static void
test_cap(void)
{
	struct fw_resolver_opts o = { 20000, 0, counted_lookup, NULL };
	struct fw_resolver *r;
	char name[64], buf[64];
	int i, n_ok = 0;

	reset_counts();
	set_gate(1);
	r = fw_resolver_new(&o, NULL);
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof name, "fast%d.example.test", i);
		fw_resolver_lookup(r, name, NULL, NULL);
	}
	fw_resolver_wait_all(r);
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof name, "fast%d.example.test", i);
		n_ok += fw_resolver_lookup(r, name, NULL, NULL) ==
		    FW_RESOLVE_OK;
	}
	is_int(n_ok, MANY, "%d answering lookups all answered", MANY);
	is_int(get_counter(&calls), MANY, "... each looked up once");
	ok(get_counter(&most_active) <= FW_RESOLVE_WORKERS,
	    "... never more than %d at once (%d)", FW_RESOLVE_WORKERS,
	    get_counter(&most_active));
	/* Nothing drained the pipe meanwhile: one byte says it all. */
	is_int((int)read(fw_resolver_fd(r), buf, sizeof buf), 1,
	    "... with one byte in the pipe for all of them");
	fw_resolver_drain(r);
	fw_resolver_lookup(r, "late.example.test", NULL, NULL);
	ok(readable(fw_resolver_fd(r), 5000), "after a drain, the next "
	    "answer wakes the pipe again");
	fw_resolver_free(r);
	settle(MANY + 1);
}

/* Held, lookups wait in the queue and none runs; let go, every one runs
 * and is answered. */
static void
test_hold(void)
{
	struct fw_resolver_opts o = { 20000, 0, counted_lookup, NULL };
	struct fw_resolver *r;
	char name[64];
	int i, n_ok = 0;

	reset_counts();
	set_gate(1);
	r = fw_resolver_new(&o, NULL);
	fw_resolver_hold(r, 1);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "held%d.example.test", i);
		fw_resolver_lookup(r, name, NULL, NULL);
	}
	usleep(100000);
	is_int(get_counter(&calls), 0, "held: 40 lookups asked, none ran");
	fw_resolver_hold(r, 0);
	fw_resolver_wait_all(r);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "held%d.example.test", i);
		n_ok += fw_resolver_lookup(r, name, NULL, NULL) ==
		    FW_RESOLVE_OK;
	}
	is_int(n_ok, 40, "let go: every one answered");
	ok(get_counter(&most_active) <= FW_RESOLVE_WORKERS,
	    "... never more than %d at once (%d)", FW_RESOLVE_WORKERS,
	    get_counter(&most_active));
	fw_resolver_free(r);
	settle(40);
}

static void
test_system(void)
{
	struct fw_resolver *r = fw_resolver_new(NULL, NULL);
	char **addrs = NULL;
	size_t i;
	int has_lo = 0;

	fw_resolver_lookup(r, "localhost", NULL, NULL);
	fw_resolver_lookup(r, "nothing.fedwiz-test.invalid", NULL, NULL);
	fw_resolver_wait_all(r);
	is_int(fw_resolver_lookup(r, "localhost", &addrs, NULL),
	    FW_RESOLVE_OK, "getaddrinfo: localhost resolves");
	for (i = 0; addrs != NULL && addrs[i] != NULL; i++)
		has_lo |= strcmp(addrs[i], "127.0.0.1") == 0 ||
		    strcmp(addrs[i], "::1") == 0;
	ok(has_lo, "... to a loopback address");
	fw_strv_free(addrs);
	is_int(fw_resolver_lookup(r, "nothing.fedwiz-test.invalid", NULL,
	    NULL), FW_RESOLVE_FAILED, "an .invalid name fails (RFC 6761)");
	fw_resolver_lookup(r, "127.0.0.1", NULL, NULL);
	fw_resolver_wait_all(r);
	is_int(fw_resolver_lookup(r, "127.0.0.1", &addrs, NULL),
	    FW_RESOLVE_OK, "an address asks for its PTR name: 127.0.0.1");
	ok(addrs != NULL && strncmp(addrs[0], "localhost", 9) == 0 &&
	    addrs[1] == NULL, "... one name, localhost (%s)",
	    addrs != NULL ? addrs[0] : "none");
	fw_strv_free(addrs);
	fw_resolver_free(r);
	fw_resolver_free(NULL);
	ok(1, "fw_resolver_free(NULL) is harmless");
}

int
main(void)
{
	test_slow_never_blocks();
	test_timeout_and_free();
	test_workers_bounded();
	test_max_age();
	test_cap();
	test_hold();
	test_system();
	return done_testing();
}

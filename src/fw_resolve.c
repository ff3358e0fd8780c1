#include "config.h"

#include "fw_resolve.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

struct entry {
	char *name;
	enum fw_resolve_state state;
	char **addrs;
	struct timespec deadline;	/* CLOCK_MONOTONIC, while pending */
	time_t when;
	unsigned gen;			/* which lookup may answer */
	struct job *job;		/* the lookup running for it, or NULL */
	size_t hash;			/* of the name, case-folded */
	struct entry *next;
	struct entry *hnext;		/* in its bucket */
};

/* What the workers share with the resolver; freed by the last to leave. */
struct shared {
	pthread_mutex_t lock;
	pthread_cond_t cond;	/* an answer, or closing */
	/* The timer's own: an earlier deadline than it waits for, or
	 * closing. A large deployment queues 770 lookups at start, all
	 * due after the first; waking the timer for each made it scan
	 * them all each time. */
	pthread_cond_t tick;
	int timer_armed;	/* it wakes by timer_at at the latest */
	struct timespec timer_at;
	int refs;
	int closing;
	int rfd, wfd;
	int unread;		/* the pipe holds a byte the UI has not read */
	unsigned gen;
	struct entry *entries;
	/* The entries by name as well: the rules ask for every host on
	 * every run, and a list search made a large deployment's 770 names
	 * cost 300,000 comparisons a run. A power of two, at least as many
	 * buckets as entries. */
	struct entry **buckets;
	size_t n_buckets, n_entries;
	struct job *queue;	/* lookups waiting for a worker, oldest first */
	struct job **queue_tail;
	int held;		/* lookups queue; no worker starts */
	int workers;		/* worker threads alive */
	int stuck;		/* of them, running a lookup past its deadline */
};

struct fw_resolver {
	struct shared *sh;
	pthread_t timer;
	int timeout_ms;
	int max_age_s;
	fw_lookup_fn lookup;
	void *ctx;
};

struct job {
	char *name;
	unsigned gen;
	fw_lookup_fn lookup;
	void *ctx;
	int stuck;		/* counted in shared.stuck */
	struct job *next;
};

static void
job_free(struct job *j)
{
	free(j->name);
	free(j);
}

void
fw_strv_free(char **v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static char **
strv_copy(char **v)
{
	size_t n = 0, i;
	char **c;

	while (v[n] != NULL)
		n++;
	c = xcalloc(n + 1, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = xstrdup(v[i]);
	return c;
}

/* An address literal asks for its PTR name (getnameinfo), lower-cased.
 * Returns 1 when ip is no address literal, else like fw_resolve_system. */
static int
resolve_reverse(const char *ip, char ***addrs)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)(void *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)(void *)&ss;
	char host[NI_MAXHOST];
	socklen_t len;
	size_t i;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, ip, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		len = sizeof *sin;
	} else if (inet_pton(AF_INET6, ip, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		len = sizeof *sin6;
	} else
		return 1;
	*addrs = NULL;
	if (getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, NULL,
	    0, NI_NAMEREQD) != 0)
		return -1;
	for (i = 0; host[i] != '\0'; i++)
		host[i] = (char)tolower((unsigned char)host[i]);
	*addrs = xcalloc(2, sizeof **addrs);
	(*addrs)[0] = xstrdup(host);
	return 0;
}

int
fw_resolve_system(const char *name, char ***addrs, void *ctx)
{
	struct addrinfo hints, *res = NULL, *ai;
	char buf[INET6_ADDRSTRLEN];
	char **v = NULL;
	size_t n = 0, i;
	const void *a;
	int rc;

	(void)ctx;
	*addrs = NULL;
	/* 1: not an address literal, so a forward lookup. */
	if ((rc = resolve_reverse(name, addrs)) != 1)
		return rc;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return -1;
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET)
			a = &((struct sockaddr_in *)(void *)ai->ai_addr)->sin_addr;
		else if (ai->ai_family == AF_INET6)
			a = &((struct sockaddr_in6 *)(void *)
			    ai->ai_addr)->sin6_addr;
		else
			continue;
		if (inet_ntop(ai->ai_family, a, buf, sizeof buf) == NULL)
			continue;
		for (i = 0; i < n && strcmp(v[i], buf) != 0; i++)
			;
		if (i < n)
			continue;
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = xstrdup(buf);
		v[n] = NULL;
	}
	freeaddrinfo(res);
	*addrs = v;
	return v != NULL ? 0 : -1;
}

static struct entry *
find_entry(struct shared *sh, const char *name)
{
	size_t h = fw_strcasehash(name);
	struct entry *e;

	if (sh->n_buckets == 0)
		return NULL;
	for (e = sh->buckets[h & (sh->n_buckets - 1)]; e != NULL;
	    e = e->hnext) {
		if (e->hash == h && fw_strcaseeq(e->name, name))
			return e;
	}
	return NULL;
}

/* Files e under its name, doubling the buckets when they run short.
 * Lock held. */
static void
index_entry(struct shared *sh, struct entry *e)
{
	struct entry *x, *next, **b;
	size_t i, n;

	if (sh->n_entries + 1 > sh->n_buckets) {
		n = sh->n_buckets > 0 ? 2 * sh->n_buckets : 64;
		b = xcalloc(n, sizeof *b);

		for (i = 0; i < sh->n_buckets; i++) {
			for (x = sh->buckets[i]; x != NULL; x = next) {
				next = x->hnext;
				x->hnext = b[x->hash & (n - 1)];
				b[x->hash & (n - 1)] = x;
			}
		}
		free(sh->buckets);
		sh->buckets = b;
		sh->n_buckets = n;
	}
	e->hash = fw_strcasehash(e->name);
	e->hnext = sh->buckets[e->hash & (sh->n_buckets - 1)];
	sh->buckets[e->hash & (sh->n_buckets - 1)] = e;
	sh->n_entries++;
}

/* Wakes the UI (the pipe) and wait_all. One unread byte already says
 * "something arrived": hundreds of answers cost one write, not one each.
 * EAGAIN is fine for the same reason. Lock held. */
static void
notify(struct shared *sh)
{
	ssize_t n;

	if (!sh->unread) {
		do
			n = write(sh->wfd, "!", 1);
		while (n == -1 && errno == EINTR);
		sh->unread = 1;
	}
	pthread_cond_broadcast(&sh->cond);
}

static void
shared_unref(struct shared *sh)
{
	struct entry *e, *next;
	struct job *j;
	int last;

	pthread_mutex_lock(&sh->lock);
	last = --sh->refs == 0;
	pthread_mutex_unlock(&sh->lock);
	if (!last)
		return;
	while ((j = sh->queue) != NULL) {
		sh->queue = j->next;
		job_free(j);
	}
	for (e = sh->entries; e != NULL; e = next) {
		next = e->next;
		free(e->name);
		fw_strv_free(e->addrs);
		free(e);
	}
	free(sh->buckets);
	close(sh->rfd);
	close(sh->wfd);
	pthread_cond_destroy(&sh->cond);
	pthread_cond_destroy(&sh->tick);
	pthread_mutex_destroy(&sh->lock);
	free(sh);
}

/* The next queued lookup an entry still waits for, marked as running on
 * it; lookups nobody waits for any more are dropped: forgotten, asked
 * again, closing, or timed out while queued (the timeout runs from when
 * the caller asked, so an answer still comes within it, if only "no
 * answer"). Lock held. */
static struct job *
next_job(struct shared *sh)
{
	struct job *j;
	struct entry *e;

	while ((j = sh->queue) != NULL) {
		if ((sh->queue = j->next) == NULL)
			sh->queue_tail = &sh->queue;
		e = find_entry(sh, j->name);
		if (!sh->closing && e != NULL && e->gen == j->gen &&
		    e->state == FW_RESOLVE_PENDING) {
			e->job = j;
			return j;
		}
		job_free(j);
	}
	return NULL;
}

static void *
worker(void *arg)
{
	struct shared *sh = arg;
	struct entry *e;
	struct job *j;
	char **addrs;
	int rc;

	pthread_mutex_lock(&sh->lock);
	while ((j = next_job(sh)) != NULL) {
		pthread_mutex_unlock(&sh->lock);
		addrs = NULL;
		rc = j->lookup(j->name, &addrs, j->ctx);
		pthread_mutex_lock(&sh->lock);
		sh->stuck -= j->stuck;
		e = find_entry(sh, j->name);
		if (e != NULL && e->job == j)
			e->job = NULL;
		/* Only the lookup the entry still waits for may answer: not
		 * one that timed out, was forgotten, or outlived the
		 * resolver. */
		if (!sh->closing && e != NULL && e->gen == j->gen &&
		    e->state == FW_RESOLVE_PENDING) {
			if (rc == 0 && addrs != NULL && addrs[0] != NULL) {
				e->state = FW_RESOLVE_OK;
				e->addrs = addrs;
				addrs = NULL;
			} else
				e->state = FW_RESOLVE_FAILED;
			e->when = time(NULL);
			notify(sh);
		}
		fw_strv_free(addrs);
		job_free(j);
	}
	sh->workers--;
	pthread_mutex_unlock(&sh->lock);
	shared_unref(sh);
	return NULL;
}

/* Starts a worker when the queue holds work and fewer than
 * FW_RESOLVE_WORKERS are free to take it (a worker past its deadline may
 * hang for good: it counts as gone). Returns 0, or -1 when none could be
 * started. Lock held. */
static int
spawn_worker(struct shared *sh)
{
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t t;
	int err;

	if (sh->workers - sh->stuck >= FW_RESOLVE_WORKERS)
		return 0;
	sh->refs++;
	/* Workers take no signals: SIGWINCH and friends belong to the UI. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&t, &attr, worker, sh);
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err != 0) {
		sh->refs--;
		return -1;
	}
	sh->workers++;
	return 0;
}

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Turns overdue lookups into timeouts, so nobody waits on getaddrinfo. */
static void *
timer_main(void *arg)
{
	struct shared *sh = arg;
	struct timespec now, next = { 0, 0 };
	struct entry *e;
	int have_next, fired;

	pthread_mutex_lock(&sh->lock);
	while (!sh->closing) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		have_next = fired = 0;
		for (e = sh->entries; e != NULL; e = e->next) {
			if (e->state != FW_RESOLVE_PENDING)
				continue;
			if (!ts_before(&now, &e->deadline)) {
				e->state = FW_RESOLVE_TIMEOUT;
				e->when = time(NULL);
				fired = 1;
				/* Its worker may never come back: another
				 * takes the queue on. */
				if (e->job != NULL && !e->job->stuck) {
					e->job->stuck = 1;
					sh->stuck++;
					if (sh->queue != NULL && !sh->held)
						spawn_worker(sh);
				}
			} else if (!have_next || ts_before(&e->deadline, &next)) {
				next = e->deadline;
				have_next = 1;
			}
		}
		if (fired)
			notify(sh);
		sh->timer_armed = have_next;
		sh->timer_at = next;
		if (have_next)
			pthread_cond_timedwait(&sh->tick, &sh->lock, &next);
		else
			pthread_cond_wait(&sh->tick, &sh->lock);
	}
	pthread_mutex_unlock(&sh->lock);
	return NULL;
}

static struct shared *
shared_new(char **cause)
{
	struct shared *sh = xcalloc(1, sizeof *sh);
	pthread_condattr_t ca;
	int fds[2];

	if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
		fw_fail(cause, _("cannot create a pipe for name lookups: %s"),
		    strerror(errno));
		free(sh);
		return NULL;
	}
	sh->rfd = fds[0];
	sh->wfd = fds[1];
	sh->refs = 1;
	sh->queue_tail = &sh->queue;
	pthread_mutex_init(&sh->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&sh->cond, &ca);
	pthread_cond_init(&sh->tick, &ca);
	pthread_condattr_destroy(&ca);
	return sh;
}

struct fw_resolver *
fw_resolver_new(const struct fw_resolver_opts *opts, char **cause)
{
	struct fw_resolver *r = xcalloc(1, sizeof *r);
	int err;

	r->timeout_ms = opts != NULL && opts->timeout_ms > 0 ?
	    opts->timeout_ms : FW_RESOLVE_TIMEOUT_MS;
	r->max_age_s = opts != NULL ? opts->max_age_s : 0;
	r->lookup = opts != NULL && opts->lookup != NULL ? opts->lookup :
	    fw_resolve_system;
	r->ctx = opts != NULL ? opts->ctx : NULL;
	if ((r->sh = shared_new(cause)) == NULL) {
		free(r);
		return NULL;
	}
	if ((err = pthread_create(&r->timer, NULL, timer_main, r->sh)) != 0) {
		fw_fail(cause, _("cannot start the name lookup timer: %s"),
		    strerror(err));
		shared_unref(r->sh);
		free(r);
		return NULL;
	}
	return r;
}

void
fw_resolver_free(struct fw_resolver *r)
{
	if (r == NULL)
		return;
	pthread_mutex_lock(&r->sh->lock);
	r->sh->closing = 1;
	pthread_cond_broadcast(&r->sh->cond);
	pthread_cond_broadcast(&r->sh->tick);
	pthread_mutex_unlock(&r->sh->lock);
	/* The timer only ever waits on the condition: joining is quick. */
	pthread_join(r->timer, NULL);
	shared_unref(r->sh);
	free(r);
}

/* Queues the lookup for e for the workers. Lock held. */
static void
start_lookup(struct fw_resolver *r, struct entry *e)
{
	struct shared *sh = r->sh;
	struct job *j;

	fw_strv_free(e->addrs);
	e->addrs = NULL;
	e->state = FW_RESOLVE_PENDING;
	e->when = 0;
	e->gen = ++sh->gen;
	e->job = NULL;
	clock_gettime(CLOCK_MONOTONIC, &e->deadline);
	e->deadline.tv_sec += r->timeout_ms / 1000;
	e->deadline.tv_nsec += (long)(r->timeout_ms % 1000) * 1000000L;
	if (e->deadline.tv_nsec >= 1000000000L) {
		e->deadline.tv_sec++;
		e->deadline.tv_nsec -= 1000000000L;
	}
	/* The worker cannot run before the lock is let go, so the job is
	 * queued in time for it. */
	if (!sh->held && spawn_worker(sh) != 0 && sh->workers == 0) {
		e->state = FW_RESOLVE_FAILED;
		e->when = time(NULL);
		return;
	}
	j = xcalloc(1, sizeof *j);
	j->name = xstrdup(e->name);
	j->gen = e->gen;
	j->lookup = r->lookup;
	j->ctx = r->ctx;
	*sh->queue_tail = j;
	sh->queue_tail = &j->next;
	/* The timer learns the new deadline, if it waits for a later one. */
	if (!sh->timer_armed || ts_before(&e->deadline, &sh->timer_at)) {
		sh->timer_armed = 1;
		sh->timer_at = e->deadline;
		pthread_cond_signal(&sh->tick);
	}
}

void
fw_resolver_hold(struct fw_resolver *r, int hold)
{
	struct shared *sh = r->sh;
	struct job *j;

	pthread_mutex_lock(&sh->lock);
	sh->held = hold;
	/* A worker per queued lookup, up to the cap. */
	for (j = sh->queue; !hold && j != NULL; j = j->next) {
		if (spawn_worker(sh) != 0 ||
		    sh->workers - sh->stuck >= FW_RESOLVE_WORKERS)
			break;
	}
	pthread_mutex_unlock(&sh->lock);
}

enum fw_resolve_state
fw_resolver_lookup(struct fw_resolver *r, const char *name, char ***addrs,
    time_t *when)
{
	struct shared *sh = r->sh;
	enum fw_resolve_state st;
	struct entry *e;

	if (addrs != NULL)
		*addrs = NULL;
	pthread_mutex_lock(&sh->lock);
	if ((e = find_entry(sh, name)) == NULL) {
		e = xcalloc(1, sizeof *e);
		e->name = xstrdup(name);
		e->next = sh->entries;
		sh->entries = e;
		index_entry(sh, e);
		start_lookup(r, e);
	} else if (e->state != FW_RESOLVE_PENDING && r->max_age_s > 0 &&
	    time(NULL) - e->when > r->max_age_s)
		start_lookup(r, e);
	st = e->state;
	if (st == FW_RESOLVE_OK && addrs != NULL)
		*addrs = strv_copy(e->addrs);
	if (when != NULL)
		*when = e->when;
	pthread_mutex_unlock(&sh->lock);
	return st;
}

void
fw_resolver_forget(struct fw_resolver *r, const char *name)
{
	struct shared *sh = r->sh;
	struct entry **pp, *e;

	pthread_mutex_lock(&sh->lock);
	if ((e = find_entry(sh, name)) != NULL) {
		for (pp = &sh->buckets[e->hash & (sh->n_buckets - 1)];
		    *pp != e; pp = &(*pp)->hnext)
			continue;
		*pp = e->hnext;
		sh->n_entries--;
	}
	for (pp = &sh->entries; e != NULL && *pp != NULL; pp = &(*pp)->next) {
		if (*pp == e) {
			*pp = e->next;
			free(e->name);
			fw_strv_free(e->addrs);
			free(e);
			break;
		}
	}
	pthread_mutex_unlock(&sh->lock);
}

int
fw_resolver_fd(const struct fw_resolver *r)
{
	return r->sh->rfd;
}

void
fw_resolver_drain(struct fw_resolver *r)
{
	char buf[64];

	/* Under the lock: an answer landing after this writes anew. */
	pthread_mutex_lock(&r->sh->lock);
	while (read(r->sh->rfd, buf, sizeof buf) > 0)
		;
	r->sh->unread = 0;
	pthread_mutex_unlock(&r->sh->lock);
}

void
fw_resolver_wait_all(struct fw_resolver *r)
{
	struct shared *sh = r->sh;
	struct entry *e;

	pthread_mutex_lock(&sh->lock);
	for (;;) {
		for (e = sh->entries; e != NULL; e = e->next) {
			if (e->state == FW_RESOLVE_PENDING)
				break;
		}
		if (e == NULL)
			break;
		pthread_cond_wait(&sh->cond, &sh->lock);
	}
	pthread_mutex_unlock(&sh->lock);
}

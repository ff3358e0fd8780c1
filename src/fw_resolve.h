/*
 * Name resolution that never blocks the caller: each lookup runs
 * getaddrinfo (or an injected function) in one of at most
 * FW_RESOLVE_WORKERS worker threads, in the order asked, answers are
 * cached per name with the time they came, and a pipe the UI polls becomes
 * readable whenever an answer (or a timeout) arrives.
 *
 * A lookup that outlives its timeout is reported as FW_RESOLVE_TIMEOUT by a
 * timer thread. getaddrinfo cannot be cancelled safely, so its worker is
 * detached rather than cancelled: fw_resolver_free() never waits for it.
 * The state the workers share is reference-counted and freed by whoever
 * leaves last, so a worker that returns after the resolver is gone finds it
 * still valid and only drops its answer. A worker hung for good keeps that
 * small state (and its thread) until the process exits.
 */
#ifndef FW_RESOLVE_H
#define FW_RESOLVE_H

#include <time.h>

enum fw_resolve_state {
	FW_RESOLVE_PENDING,	/* asked, no answer yet: show "resolving…" */
	FW_RESOLVE_OK,		/* answered with at least one address */
	FW_RESOLVE_FAILED,	/* no such name, or no address */
	FW_RESOLVE_TIMEOUT,	/* no answer within the timeout */
};

/*
 * A lookup function. Runs in a worker thread; returns 0 with *addrs a
 * malloc'd, NULL-terminated array of malloc'd address strings in inet_ntop
 * form, or -1 when the name has no address. ctx must stay valid while any
 * lookup may still run (for tests: static).
 */
typedef int (*fw_lookup_fn)(const char *name, char ***addrs, void *ctx);

struct fw_resolver_opts {
	int timeout_ms;		/* per lookup; 0 = FW_RESOLVE_TIMEOUT_MS */
	int max_age_s;		/* answers older than this are asked again;
				 * 0 = kept for the resolver's life */
	fw_lookup_fn lookup;	/* NULL = getaddrinfo (fw_resolve_system) */
	void *ctx;		/* passed to lookup */
};

#define FW_RESOLVE_TIMEOUT_MS 3000
/* Workers at most, besides those on a lookup past its timeout (which may
 * never return): a thread per lookup made a large deployment's first
 * rules run start some 770 threads, most of the wizard's start-up time
 * and memory. The timeout still runs from when a lookup is asked: one
 * still queued then times out unasked, so a dead name server costs one
 * timeout, as before. */
#define FW_RESOLVE_WORKERS 16

struct fw_resolver;

/* opts NULL = defaults. Returns NULL with *cause when no pipe or thread
 * can be made. Free with fw_resolver_free(). */
struct fw_resolver *fw_resolver_new(const struct fw_resolver_opts *opts,
    char **cause);

/* Never blocks, even with lookups in flight (see above). NULL accepted. */
void fw_resolver_free(struct fw_resolver *);

/*
 * The answer for name (compared case-insensitively) as known now, without
 * blocking. The first call for a name starts its lookup and says
 * FW_RESOLVE_PENDING. With FW_RESOLVE_OK and addrs not NULL, *addrs is a
 * copy of the addresses (free with fw_strv_free()); otherwise *addrs is
 * NULL. when (may be NULL) gets the time of the answer, 0 while pending.
 */
enum fw_resolve_state fw_resolver_lookup(struct fw_resolver *,
    const char *name, char ***addrs, time_t *when);

/* Forgets the answer for name, so the next lookup asks again (the admin
 * fixed DNS and presses Test). */
void fw_resolver_forget(struct fw_resolver *, const char *name);

/* With hold set, lookups asked are queued (and their timeouts run) but
 * none starts until hold is cleared: the wizard draws its first screen
 * before some hundreds of lookups compete with it for the processor. */
void fw_resolver_hold(struct fw_resolver *, int hold);

/* Readable when an answer or timeout arrived since the last drain: poll it
 * beside the keyboard, then call fw_resolver_drain() and re-run the rules. */
int fw_resolver_fd(const struct fw_resolver *);
void fw_resolver_drain(struct fw_resolver *);

/* Blocks until no lookup is pending (each ends by its timeout at the
 * latest): for the command line. */
void fw_resolver_wait_all(struct fw_resolver *);

/* The default lookup: getaddrinfo, every address once, in its order. An
 * address given as name asks for its reverse (PTR) name instead, through
 * getnameinfo: the answer is that one name, lower-cased. */
int fw_resolve_system(const char *name, char ***addrs, void *ctx);

/* Frees a NULL-terminated string array; NULL accepted. */
void fw_strv_free(char **);

#endif

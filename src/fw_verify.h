/*
 * fedwiz verify: the live Lync Server / Skype for Business Server
 * configuration (a read-back, fw_readback.h) compared with the project,
 * object by object, as the Lync side of the federation needs it (domain
 * notes, "Lync Server 2010/2013 and Skype for Business Server"):
 *   route        one TLS static route per IM and Presence domain, MatchUri
 *                the domain, to its routing node on the Peer Auth port
 *   pool         the trusted application pool holding the first routing
 *                node, registered with the target pool or server
 *   computer     every other IM and Presence node, in that pool
 *   application  a trusted application of that pool on the Peer Auth port
 *   certificate  the default certificate, judged as cert-check judges an
 *                OCS certificate
 * Routes for other domains and computers that are no IM and Presence node
 * are extra: reported, never an error.
 */
#ifndef FW_VERIFY_H
#define FW_VERIFY_H

#include <stddef.h>
#include <time.h>

#include "fw_model.h"
#include "fw_readback.h"

enum fw_verify_state {
	FW_VERIFY_PRESENT,	/* there and right */
	FW_VERIFY_MISSING,
	FW_VERIFY_DIFFERENT,	/* there, but a value differs */
	FW_VERIFY_EXTRA,	/* there, not in the project */
};

/* Result kinds as stored (the probe table's kind: "ms-route NAME"). */
#define FW_VERIFY_KIND_PREFIX "ms-"

struct fw_verify_item {
	const char *kind;	/* "route", "pool", "computer", "application",
				 * "certificate" */
	char *name;		/* the domain, FQDN or id it is about */
	enum fw_verify_state state;
	char *summary;		/* one line, translated */
	char *detail;		/* further lines, or NULL */
	char *item_id;		/* the checklist item it proves, or NULL */
};

struct fw_verify {
	char *target;
	char *topology;		/* the Lync/SfB topology it belongs to */
	struct fw_verify_item *items;
	size_t n;
};

/*
 * The Microsoft pools or servers a project's read-backs come from: those
 * fw_ps_targets() writes scripts for (which chooses the ones that run Lync
 * or Skype for Business), in a TLS project only, as Lync federates over TLS
 * only. Returns their number; free() *out, not the names, which belong to
 * d.
 */
size_t fw_verify_targets(const struct fw_deployment *d, const char ***out);

/*
 * The target a run compares: server (--server) when given, else the
 * read-back's own Target; either must be one of fw_verify_targets(). NULL
 * with *cause otherwise. The result belongs to d.
 */
const char *fw_verify_pick(const struct fw_deployment *d,
    const struct fw_readback *rb, const char *server, const char *file,
    char **cause);

/* Compares rb with d for target, at time now (certificate validity).
 * Free out with fw_verify_clear(). */
void fw_verify_run(const struct fw_deployment *d, const struct fw_readback *rb,
    const char *target, time_t now, struct fw_verify *out);
void fw_verify_clear(struct fw_verify *);

/* "present", "missing", "different", "extra", translated. */
const char *fw_verify_state_name(enum fw_verify_state);

/* The stored kind of an item: FW_VERIFY_KIND_PREFIX kind " " name
 * (free()). */
char *fw_verify_stored_kind(const struct fw_verify_item *);

#endif

/*
 * The completion checklist: what to click on each server, built from the
 * answers and the flow table, in the order the work is done. Each item has
 * a stable id and a fingerprint of its values, so a tick survives edits
 * that do not touch the item and is flagged when they do.
 */
#ifndef FW_CHECKLIST_H
#define FW_CHECKLIST_H

#include <stddef.h>

#include "fw_model.h"

/* The ids of the Lync and Skype for Business items, which fedwiz verify
 * ticks too: the topology's by its name (fw_lync_topologies()), a front
 * end's certificate by its FQDN. */
#define FW_ITEM_LYNC_ROUTE_FMT "lync.%s.route.%s"	/* topology, IM&P domain */
#define FW_ITEM_LYNC_POOL_FMT "lync.%s.trustedpool"
/* topology, IM&P node */
#define FW_ITEM_LYNC_COMPUTER_FMT "lync.%s.trustedcomputer.%s"
#define FW_ITEM_LYNC_APP_FMT "lync.%s.trustedapp"
#define FW_ITEM_LYNC_CERT_FMT "ocs.%s.defaultcert"

enum fw_item_state {
	FW_ITEM_OPEN,
	FW_ITEM_DONE,
	FW_ITEM_CHANGED,	/* ticked, but its values changed since */
};

/* A field to fill or a box to (un)check in the admin UI. */
struct fw_check_field {
	char *label;		/* translated: the UI's name for it */
	char *value;		/* the value to enter, or "checked"/"unchecked" */
};

struct fw_check_item {
	char *id;		/* stable: derived from names, never from values */
	char *fingerprint;	/* hash of the values shown */
	char *text;		/* translated, values filled in */
	int step;		/* the flow step it belongs to */
	enum fw_item_state state;
	char *where;		/* translated: admin UI and menu path */
	struct fw_check_field *fields;
	size_t n_fields;
	char *note;		/* translated: a warning or hint, or NULL */
	char *ticked_by;	/* who ticked it (done or changed), or NULL */
	char *ticked_at;	/* when, "YYYY-MM-DD HH:MM:SS" UTC, or NULL */
};

struct fw_check_group {
	char *title;		/* translated: role, FQDN, IP */
	struct fw_check_item *items;
	size_t n_items;
	char *role;		/* translated: "OCS Enterprise Edition pool", ... */
	char *host;		/* FQDN or pool name, NULL for none */
	char *ip;		/* NULL when it has none (a pool) */
};

struct fw_cl_arena;

struct fw_checklist {
	struct fw_check_group *groups;
	size_t n_groups;
	char **skipped;		/* translated lines: steps left out and why */
	size_t n_skipped;
	/* The errors the rules find in the answers (offline, as `fedwiz
	 * validate --offline` does), one translated line each naming the
	 * step to fix; the renderers put them first, under banner. While
	 * there are any, an item never states a value an error concerns:
	 * it says to fix that step first. */
	char **errors;
	size_t n_errors;
	char *banner;		/* translated; NULL when there is no error */
	int lync;		/* Lync or SfB among the Microsoft servers */
	size_t n_items;
	size_t n_done;
	size_t n_changed;	/* items in FW_ITEM_CHANGED */
	/* Owns the strings of groups and items; translated constants
	 * (labels, most notes) are shared, not copied. */
	struct fw_cl_arena *arena;
};

/* Builds the checklist for d, applying d's ticks, after running the rules
 * offline over d (errors above). A tick without a fingerprint (from an
 * answers file's [done]) counts as done. Fingerprints hash the answers,
 * never what an error puts in their place, so ticks do not depend on
 * the rules. Free with fw_checklist_free(). */
struct fw_checklist *fw_checklist_build(const struct fw_deployment *d);
void fw_checklist_free(struct fw_checklist *);

/* What fw_checklist_build(d) would count in n_items, n_done and n_changed,
 * without building it: ids and fingerprints are made, texts and fields
 * are not, so a progress line costs a fraction of the time and memory. */
void fw_checklist_count(const struct fw_deployment *d, size_t *n_items,
    size_t *n_done, size_t *n_changed);

/* Drops the done items, and the groups left empty, for a list of what is
 * left; the counts stay those of the whole checklist. */
void fw_checklist_keep_todo(struct fw_checklist *);

/* The item with this id, or NULL. */
const struct fw_check_item *fw_checklist_find(const struct fw_checklist *,
    const char *id);

/* "open", "done", "changed since done", translated. */
const char *fw_item_state_name(enum fw_item_state);

#endif

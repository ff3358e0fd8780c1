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

enum fw_item_state {
	FW_ITEM_OPEN,
	FW_ITEM_DONE,
	FW_ITEM_CHANGED,	/* ticked, but its values changed since */
};

struct fw_check_item {
	char *id;		/* stable: derived from names, never from values */
	char *fingerprint;	/* hash of the values shown */
	char *text;		/* translated, values filled in */
	int step;		/* the flow step it belongs to */
	enum fw_item_state state;
};

struct fw_check_group {
	char *title;		/* translated: role, FQDN, IP */
	struct fw_check_item *items;
	size_t n_items;
};

struct fw_checklist {
	struct fw_check_group *groups;
	size_t n_groups;
	char **skipped;		/* translated lines: steps left out and why */
	size_t n_skipped;
	size_t n_items;
	size_t n_done;
};

/* Builds the checklist for d, applying d's ticks. Free with
 * fw_checklist_free(). */
struct fw_checklist *fw_checklist_build(const struct fw_deployment *d);
void fw_checklist_free(struct fw_checklist *);

/* The item with this id, or NULL. */
const struct fw_check_item *fw_checklist_find(const struct fw_checklist *,
    const char *id);

#endif

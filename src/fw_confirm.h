/*
 * Confirmations of what fedwiz cannot see on a server (the 3DES cipher and
 * empty TLS fragments in the TLS context, FIPS on OCS) are the ticks of
 * their checklist items: the wizard's confirm fields, `fedwiz tick`, the
 * checklist, the rules and the answers file's [done] read and write that
 * one thing.
 */
#ifndef FW_CONFIRM_H
#define FW_CONFIRM_H

#include <stddef.h>

#include "fw_model.h"

struct fw_project;

/* The checklist item ids behind the confirmations (fw_checklist_imp.c,
 * fw_checklist_ocs.c): FIPS is one item per OCS server. */
#define FW_ITEM_TLS_CIPHER "imp.tlscontext.cipher"
#define FW_ITEM_TLS_FRAGMENTS "imp.tlscontext.fragments"
#define FW_ITEM_FIPS_FMT "ocs.%s.fips"

/* The ids of the items confirmation key (the flow table's FW_FIELD_CONFIRM
 * key: tls_3des, empty_fragments, fips) stands for in d; *ids and each id
 * are the caller's to free. Returns their number: 0 for an unknown key or
 * FIPS without OCS servers. */
size_t fw_confirm_items(const struct fw_deployment *d, const char *key,
    char ***ids);

/* 1 when every item of key is ticked (done, or changed since), else 0. */
int fw_confirmed(const struct fw_deployment *d, const char *key);

/* Ticks (on) or unticks every item of key in one transaction, each with
 * its fingerprint in d's checklist. */
int fw_confirm_set(struct fw_project *p, const struct fw_deployment *d,
    const char *key, int on, char **cause);

/* A confirmation as fedwiz 0.1 stored it (key -> "yes", confirm table):
 * adds to d a tick by user at time for each item of key not ticked. */
void fw_confirm_legacy(struct fw_deployment *d, const char *key,
    const char *value, const char *user, const char *time);

#endif

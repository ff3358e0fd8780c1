/*
 * How many entries of each kind a deployment may hold (fedwiz(1), LIMITS).
 * Far above any real one (an IM and Presence cluster has at most 18
 * nodes), and far enough below what keeps a checklist, which grows with
 * IM&P nodes times OCS pools, to tens of megabytes.
 */
#ifndef FW_LIMITS_H
#define FW_LIMITS_H

#include <stddef.h>

#include "fw_model.h"
#include "fw_store.h"

#define FW_MAX_IMP_DOMAINS 256
#define FW_MAX_IMP_NODES 256
#define FW_MAX_OCS_DOMAINS 256
#define FW_MAX_OCS_POOLS 64
#define FW_MAX_OCS_SERVERS 256
/* Ticked items: more than a deployment at the limits has items. */
#define FW_MAX_TICKS 65536

/* The most entries an answers file section ("imp_node", "done" for its
 * item lines) may hold; 0 for a section without a limit. */
size_t fw_limit(const char *section);

/* The answers file section of a wizard list ("imp_node"). */
const char *fw_limit_section(enum fw_list);

/* What to say when section holds one more than its limit: "more than N
 * [imp_node] entries; fedwiz supports at most N" (free()). */
char *fw_limit_message(const char *section);

/* Whether d holds more of something than the limits allow; *cause then
 * names file, what and the limit. A planted project is refused this way
 * instead of being rendered into a checklist of gigabytes. */
int fw_limits_check(const struct fw_deployment *d, const char *file,
    char **cause);

#endif

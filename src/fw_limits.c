#include "config.h"

#include "fw_limits.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

/* The lists first, in the order of enum fw_list. */
static const struct {
	const char *section;	/* as in the answers file */
	size_t max;
	size_t count;		/* offset of the count in fw_deployment */
} limits[] = {
	{ "imp_domain", FW_MAX_IMP_DOMAINS,
	    offsetof(struct fw_deployment, n_imp_domains) },
	{ "imp_node", FW_MAX_IMP_NODES,
	    offsetof(struct fw_deployment, n_imp_nodes) },
	{ "ocs_domain", FW_MAX_OCS_DOMAINS,
	    offsetof(struct fw_deployment, n_ocs_domains) },
	{ "ocs_pool", FW_MAX_OCS_POOLS,
	    offsetof(struct fw_deployment, n_ocs_pools) },
	{ "ocs_server", FW_MAX_OCS_SERVERS,
	    offsetof(struct fw_deployment, n_ocs_servers) },
	{ "done", FW_MAX_TICKS, offsetof(struct fw_deployment, n_ticks) },
};

#define N_LIMITS (sizeof limits / sizeof limits[0])

size_t
fw_limit(const char *section)
{
	size_t i;

	for (i = 0; i < N_LIMITS; i++) {
		if (strcmp(limits[i].section, section) == 0)
			return limits[i].max;
	}
	return 0;
}

const char *
fw_limit_section(enum fw_list list)
{
	return limits[list].section;
}

char *
fw_limit_message(const char *section)
{
	size_t max = fw_limit(section);

	/* [done] counts its item lines, the others their entries. */
	if (strcmp(section, "done") == 0)
		return xasprintf(_("more than %zu ticked items in [done]; "
		    "fedwiz supports at most %zu"), max, max);
	return xasprintf(_("more than %zu [%s] entries; fedwiz supports at "
	    "most %zu"), max, section, max);
}

int
fw_limits_check(const struct fw_deployment *d, const char *file,
    char **cause)
{
	size_t i, n;
	char *msg;

	for (i = 0; i < N_LIMITS; i++) {
		memcpy(&n, (const char *)d + limits[i].count, sizeof n);
		if (n <= limits[i].max)
			continue;
		msg = fw_limit_message(limits[i].section);
		fw_fail(cause, "%s: %s", file, msg);
		free(msg);
		return -1;
	}
	return 0;
}

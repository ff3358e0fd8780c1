#include "config.h"

#include "fw_confirm.h"

#include <stdlib.h>
#include <string.h>

#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_store.h"
#include "fw_util.h"

/* Confirmations of one item each, in the IM and Presence TLS context. */
static const struct {
	const char *key;
	const char *item;
} single[] = {
	{ "tls_3des", FW_ITEM_TLS_CIPHER },
	{ "empty_fragments", FW_ITEM_TLS_FRAGMENTS },
};

size_t
fw_confirm_items(const struct fw_deployment *d, const char *key, char ***ids)
{
	size_t i, n = 0;

	*ids = NULL;
	for (i = 0; i < sizeof single / sizeof single[0]; i++) {
		if (strcmp(key, single[i].key) == 0) {
			*ids = xreallocarray(NULL, 1, sizeof **ids);
			(*ids)[n++] = xstrdup(single[i].item);
			return n;
		}
	}
	if (strcmp(key, "fips") == 0 && d->n_ocs_servers > 0) {
		*ids = xreallocarray(NULL, d->n_ocs_servers, sizeof **ids);
		for (i = 0; i < d->n_ocs_servers; i++)
			(*ids)[n++] = xasprintf(FW_ITEM_FIPS_FMT,
			    d->ocs_servers[i].fqdn);
	}
	return n;
}

static void
ids_free(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

static const struct fw_tick *
find_tick(const struct fw_deployment *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->n_ticks; i++) {
		if (strcmp(d->ticks[i].item, id) == 0)
			return &d->ticks[i];
	}
	return NULL;
}

int
fw_confirmed(const struct fw_deployment *d, const char *key)
{
	char **ids;
	size_t i, n = fw_confirm_items(d, key, &ids);
	int all = n > 0;

	for (i = 0; all && i < n; i++)
		all = find_tick(d, ids[i]) != NULL;
	ids_free(ids, n);
	return all;
}

int
fw_confirm_set(struct fw_project *p, const struct fw_deployment *d,
    const char *key, int on, char **cause)
{
	struct fw_checklist *cl;
	const struct fw_check_item *it;
	const char **fps;
	char **ids;
	size_t i, n = fw_confirm_items(d, key, &ids);
	int rc;

	if (n == 0)
		return fw_fail(cause, _("FIPS is confirmed per OCS server: "
		    "enter the OCS servers first"));
	cl = fw_checklist_build(d);
	fps = xreallocarray(NULL, n, sizeof *fps);
	for (i = 0; i < n; i++) {
		it = fw_checklist_find(cl, ids[i]);
		fps[i] = it != NULL ? it->fingerprint : NULL;
	}
	rc = fw_project_set_ticks(p, (const char *const *)ids, fps, n, on,
	    cause);
	free(fps);
	fw_checklist_free(cl);
	ids_free(ids, n);
	return rc;
}

void
fw_confirm_legacy(struct fw_deployment *d, const char *key,
    const char *value, const char *user, const char *time)
{
	char **ids;
	size_t i, n;

	if (strcmp(value, "yes") != 0)
		return;
	n = fw_confirm_items(d, key, &ids);
	for (i = 0; i < n; i++) {
		if (find_tick(d, ids[i]) == NULL)
			fw_add_tick(d, ids[i], NULL, user, time);
	}
	ids_free(ids, n);
}

#include "config.h"

#include "fw_rows.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_pattern.h"
#include "fw_syntax.h"
#include "fw_util.h"

size_t
fw_rows_count(const struct fw_deployment *d, enum fw_list list)
{
	switch (list) {
	case FW_LIST_IMP_DOMAIN:
		return d->n_imp_domains;
	case FW_LIST_IMP_NODE:
		return d->n_imp_nodes;
	case FW_LIST_OCS_DOMAIN:
		return d->n_ocs_domains;
	case FW_LIST_OCS_POOL:
		return d->n_ocs_pools;
	case FW_LIST_OCS_SERVER:
		return d->n_ocs_servers;
	}
	return 0;
}

/* The row's strings in column order; route is the one enum column. */
static void
row_strings(const struct fw_deployment *d, enum fw_list list, size_t row,
    const char *out[FW_ROWS_COLUMNS_MAX])
{
	memset(out, 0, FW_ROWS_COLUMNS_MAX * sizeof *out);
	switch (list) {
	case FW_LIST_IMP_DOMAIN:
		out[0] = d->imp_domains[row].name;
		out[1] = d->imp_domains[row].route_to;
		break;
	case FW_LIST_IMP_NODE:
		out[0] = d->imp_nodes[row].fqdn;
		out[1] = d->imp_nodes[row].ip;
		break;
	case FW_LIST_OCS_DOMAIN:
		out[0] = d->ocs_domains[row].name;
		out[1] = d->ocs_domains[row].description;
		out[2] = d->ocs_domains[row].microsoft == FW_MICROSOFT_INHERIT ?
		    NULL : fw_microsoft_name(d->ocs_domains[row].microsoft);
		out[3] = d->ocs_domains[row].topology;
		break;
	case FW_LIST_OCS_POOL:
		out[0] = d->ocs_pools[row].fqdn;
		break;
	case FW_LIST_OCS_SERVER:
		out[0] = d->ocs_servers[row].fqdn;
		out[1] = d->ocs_servers[row].ip;
		out[2] = d->ocs_servers[row].domain;
		out[3] = d->ocs_servers[row].pool;
		out[4] = fw_route_name(d->ocs_servers[row].route);
		break;
	}
}

const char *
fw_rows_get(const struct fw_deployment *d, enum fw_list list, size_t row,
    size_t col)
{
	const char *v[FW_ROWS_COLUMNS_MAX];
	size_t n;

	fw_flow_columns(list, &n);
	if (row >= fw_rows_count(d, list) || col >= n)
		return NULL;
	row_strings(d, list, row, v);
	return v[col] != NULL && v[col][0] != '\0' ? v[col] : NULL;
}

const char *
fw_rows_derived_label(enum fw_list list, int *width)
{
	*width = 0;
	if (list != FW_LIST_OCS_DOMAIN)
		return NULL;
	*width = 24;
	return N_("Destination pattern");
}

char *
fw_rows_derived_value(const struct fw_deployment *d, enum fw_list list,
    size_t row)
{
	const char *name;

	if (list != FW_LIST_OCS_DOMAIN ||
	    (name = fw_rows_get(d, list, row, 0)) == NULL)
		return NULL;
	return fw_dest_pattern(name);
}

int
fw_rows_ref_list(enum fw_col_kind kind, enum fw_list *list)
{
	switch (kind) {
	case FW_COL_REF_NODE:
		*list = FW_LIST_IMP_NODE;
		return 0;
	case FW_COL_REF_DOMAIN:
		*list = FW_LIST_OCS_DOMAIN;
		return 0;
	case FW_COL_REF_POOL:
		*list = FW_LIST_OCS_POOL;
		return 0;
	default:
		return -1;
	}
}

/* The index of the entry whose name (column 0) is name, skipping row
 * skip; -1 when none. */
static long
find_name(const struct fw_deployment *d, enum fw_list list, const char *name,
    size_t skip)
{
	size_t i, n = fw_rows_count(d, list);
	const char *v;

	for (i = 0; i < n; i++) {
		v = fw_rows_get(d, list, i, 0);
		if (i != skip && v != NULL && fw_strcaseeq(v, name))
			return (long)i;
	}
	return -1;
}

/* One value's stored form (free()), NULL for empty; -1 with *cause.
 * allow_empty: a required column may still be empty (being typed). */
static int
check_value(const struct fw_deployment *d, const struct fw_column *c,
    const char *v, int allow_empty, char **norm, char **cause)
{
	enum fw_route_role r;
	enum fw_microsoft m;
	enum fw_list ref;
	char *why = NULL;
	long i;

	*norm = NULL;
	if (!fw_flow_applies(c->applies, d) || v == NULL || v[0] == '\0') {
		if (fw_flow_applies(c->applies, d) && !c->optional &&
		    !allow_empty)
			return fw_fail(cause, _("%s: required"), _(c->label));
		return 0;
	}
	switch (c->kind) {
	case FW_COL_HOST:
		if (fw_syntax_hostname(v, norm, &why) == 0)
			return 0;
		break;
	case FW_COL_IP:
		if (fw_syntax_ip(v, norm, &why) == 0)
			return 0;
		break;
	case FW_COL_TEXT:
		if (fw_syntax_text(v, &why) == 0) {
			*norm = xstrdup(v);
			return 0;
		}
		break;
	case FW_COL_ROUTE:
		if (fw_route_parse(v, &r) == 0) {
			*norm = xstrdup(fw_route_name(r));
			return 0;
		}
		why = xasprintf(_("'%s' is not one of: primary, backup, none"),
		    v);
		break;
	case FW_COL_TOPOLOGY:
		if (fw_syntax_topology(v, norm, &why) == 0)
			return 0;
		break;
	case FW_COL_MICROSOFT:
		if (fw_microsoft_parse(v, &m) == 0) {
			*norm = xstrdup(fw_microsoft_name(m));
			return 0;
		}
		why = xasprintf(_("'%s' is not one of: ocs2007r2, lync2010, "
		    "lync2013, sfb2015, sfb2019, sfbse"), v);
		break;
	case FW_COL_REF_NODE:
	case FW_COL_REF_DOMAIN:
	case FW_COL_REF_POOL:
		fw_rows_ref_list(c->kind, &ref);
		if ((i = find_name(d, ref, v, (size_t)-1)) >= 0) {
			*norm = xstrdup(fw_rows_get(d, ref, (size_t)i, 0));
			return 0;
		}
		why = xasprintf(_("'%s' is not in the list; add it first"), v);
		break;
	}
	fw_fail(cause, "%s: %s", _(c->label), why);
	free(why);
	return -1;
}

/* A domain's own Microsoft server from its stored form; NULL inherits. */
static enum fw_microsoft
microsoft_of(const char *v)
{
	enum fw_microsoft m = FW_MICROSOFT_INHERIT;

	if (v != NULL)
		fw_microsoft_parse(v, &m);
	return m;
}

static int
save_entry(struct fw_project *p, const struct fw_deployment *d,
    enum fw_list list, size_t row, char *const *v, char **cause)
{
	int has = row < fw_rows_count(d, list);
	enum fw_route_role route = FW_ROUTE_PRIMARY;

	switch (list) {
	case FW_LIST_IMP_DOMAIN: {
		struct fw_imp_domain e = { has ? d->imp_domains[row].id : 0,
		    v[0], v[1] };
		return fw_project_save_imp_domain(p, &e, cause);
	}
	case FW_LIST_IMP_NODE: {
		struct fw_imp_node e = { has ? d->imp_nodes[row].id : 0, v[0],
		    v[1] };
		return fw_project_save_imp_node(p, &e, cause);
	}
	case FW_LIST_OCS_DOMAIN: {
		struct fw_ocs_domain e = { has ? d->ocs_domains[row].id : 0,
		    v[0], v[1], microsoft_of(v[2]), v[3] };
		return fw_project_save_ocs_domain(p, &e, cause);
	}
	case FW_LIST_OCS_POOL: {
		struct fw_ocs_pool e = { has ? d->ocs_pools[row].id : 0, v[0] };
		return fw_project_save_ocs_pool(p, &e, cause);
	}
	case FW_LIST_OCS_SERVER: {
		struct fw_ocs_server e;

		if (v[4] != NULL)
			fw_route_parse(v[4], &route);
		e = (struct fw_ocs_server){ has ? d->ocs_servers[row].id : 0,
		    v[0], v[1], v[2], v[3], route };
		return fw_project_save_ocs_server(p, &e, cause);
	}
	}
	return fw_fail(cause, _("unknown list"));
}

/* Every value's stored form in norm[] (free each), the checks of
 * fw_rows_save() in column order; -1 with *cause at the first refusal. */
static int
check_values(const struct fw_deployment *d, enum fw_list list, size_t row,
    const char *const *values, int allow_empty, char **norm, char **cause)
{
	const struct fw_column *cols;
	size_t i, n;

	cols = fw_flow_columns(list, &n);
	for (i = 0; i < n; i++) {
		if (check_value(d, &cols[i], values[i], allow_empty, &norm[i],
		    cause) != 0)
			return -1;
	}
	if (norm[0] != NULL && find_name(d, list, norm[0], row) >= 0)
		return fw_fail(cause, _("%s: '%s' is already in the list"),
		    _(cols[0].label), norm[0]);
	return 0;
}

static void
free_norm(char **norm)
{
	size_t i;

	for (i = 0; i < FW_ROWS_COLUMNS_MAX; i++)
		free(norm[i]);
}

/* Replaces *slot with a copy of v (NULL stays NULL). */
static void
set_string(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? xstrdup(v) : NULL;
}

/* Sets entry row of d (row == count adds one) to the stored forms. */
static void
set_entry(struct fw_deployment *d, enum fw_list list, size_t row,
    char *const *v)
{
	enum fw_route_role route = FW_ROUTE_PRIMARY;

	if (row >= fw_rows_count(d, list)) {
		row = fw_rows_count(d, list);
		switch (list) {
		case FW_LIST_IMP_DOMAIN:
			fw_add_imp_domain(d, NULL, NULL);
			break;
		case FW_LIST_IMP_NODE:
			fw_add_imp_node(d, NULL, NULL);
			break;
		case FW_LIST_OCS_DOMAIN:
			fw_add_ocs_domain(d, NULL, NULL);
			break;
		case FW_LIST_OCS_POOL:
			fw_add_ocs_pool(d, NULL);
			break;
		case FW_LIST_OCS_SERVER:
			fw_add_ocs_server(d, NULL, NULL, NULL, NULL, route);
			break;
		}
	}
	switch (list) {
	case FW_LIST_IMP_DOMAIN:
		set_string(&d->imp_domains[row].name, v[0]);
		set_string(&d->imp_domains[row].route_to, v[1]);
		break;
	case FW_LIST_IMP_NODE:
		set_string(&d->imp_nodes[row].fqdn, v[0]);
		set_string(&d->imp_nodes[row].ip, v[1]);
		break;
	case FW_LIST_OCS_DOMAIN:
		set_string(&d->ocs_domains[row].name, v[0]);
		set_string(&d->ocs_domains[row].description, v[1]);
		d->ocs_domains[row].microsoft = microsoft_of(v[2]);
		set_string(&d->ocs_domains[row].topology, v[3]);
		break;
	case FW_LIST_OCS_POOL:
		set_string(&d->ocs_pools[row].fqdn, v[0]);
		break;
	case FW_LIST_OCS_SERVER:
		set_string(&d->ocs_servers[row].fqdn, v[0]);
		set_string(&d->ocs_servers[row].ip, v[1]);
		set_string(&d->ocs_servers[row].domain, v[2]);
		set_string(&d->ocs_servers[row].pool, v[3]);
		if (v[4] != NULL)
			fw_route_parse(v[4], &route);
		d->ocs_servers[row].route = route;
		break;
	}
}

/* Whether the values, set on a copy of d, make answers fedwiz never
 * takes together (fw_deployment_refused(): a Lync domain under TCP). */
static int
refused(const struct fw_deployment *d, enum fw_list list, size_t row,
    char *const *norm, char **cause)
{
	struct fw_deployment *c = fw_deployment_copy(d);
	int rc;

	set_entry(c, list, row, norm);
	rc = fw_deployment_refused(c, cause);
	fw_deployment_free(c);
	return rc;
}

int
fw_rows_save(struct fw_project *p, const struct fw_deployment *d,
    enum fw_list list, size_t row, const char *const *values, char **cause)
{
	char *norm[FW_ROWS_COLUMNS_MAX] = { NULL };
	int rc = -1;

	if (check_values(d, list, row, values, 0, norm, cause) == 0 &&
	    refused(d, list, row, norm, cause) == 0)
		rc = save_entry(p, d, list, row, norm, cause);
	free_norm(norm);
	return rc;
}

int
fw_rows_trial(const struct fw_deployment *d, enum fw_list list, size_t row,
    const char *const *values, struct fw_deployment **trial, char **cause)
{
	char *norm[FW_ROWS_COLUMNS_MAX] = { NULL };
	int rc = -1;

	*trial = NULL;
	if (check_values(d, list, row, values, 1, norm, cause) == 0) {
		*trial = fw_deployment_copy(d);
		set_entry(*trial, list, row, norm);
		rc = 0;
	}
	free_norm(norm);
	return rc;
}

/* Who refers to entry row of list: a translated description or NULL. */
static char *
referrer(const struct fw_deployment *d, enum fw_list list, size_t row)
{
	const char *name = fw_rows_get(d, list, row, 0);
	size_t i;

	for (i = 0; i < d->n_imp_domains && list == FW_LIST_IMP_NODE; i++) {
		if (d->imp_domains[i].route_to != NULL &&
		    fw_strcaseeq(d->imp_domains[i].route_to, name))
			return xasprintf(_("IM and Presence domain %s routes "
			    "to it"), d->imp_domains[i].name);
	}
	for (i = 0; i < d->n_ocs_servers; i++) {
		const struct fw_ocs_server *s = &d->ocs_servers[i];

		if ((list == FW_LIST_OCS_DOMAIN && fw_strcaseeq(s->domain,
		    name)) || (list == FW_LIST_OCS_POOL && s->pool != NULL &&
		    fw_strcaseeq(s->pool, name)))
			return xasprintf(_("OCS server %s belongs to it"),
			    s->fqdn);
	}
	return NULL;
}

int
fw_rows_delete(struct fw_project *p, const struct fw_deployment *d,
    enum fw_list list, size_t row, char **cause)
{
	char *who;
	int64_t id = 0;

	if (row >= fw_rows_count(d, list))
		return fw_fail(cause, _("no such entry"));
	if ((who = referrer(d, list, row)) != NULL) {
		fw_fail(cause, _("%s is still used: %s"),
		    fw_rows_get(d, list, row, 0), who);
		free(who);
		return -1;
	}
	switch (list) {
	case FW_LIST_IMP_DOMAIN:
		id = d->imp_domains[row].id;
		break;
	case FW_LIST_IMP_NODE:
		id = d->imp_nodes[row].id;
		break;
	case FW_LIST_OCS_DOMAIN:
		id = d->ocs_domains[row].id;
		break;
	case FW_LIST_OCS_POOL:
		id = d->ocs_pools[row].id;
		break;
	case FW_LIST_OCS_SERVER:
		id = d->ocs_servers[row].id;
		break;
	}
	return fw_project_delete(p, list, id, cause);
}

#include "config.h"

#include "fw_checklist.h"

#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_checklist_build.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_util.h"

/*
 * The builder's frame: groups, items, fingerprints and ticks. What the
 * items say lives in fw_checklist_imp.c and fw_checklist_ocs.c.
 *
 * A fingerprint covers an item's id and its values as untranslated
 * "key=value" lines, never the translated text, so switching the language
 * does not mark ticks as changed.
 */

/* Bumped when the fingerprint input changes shape, so that every tick is
 * shown as changed rather than silently kept. */
#define FINGERPRINT_VERSION "fedwiz-checklist-1"

static void
item_clear(struct fw_check_item *it)
{
	size_t i;

	free(it->id);
	free(it->fingerprint);
	free(it->text);
	free(it->where);
	free(it->note);
	free(it->ticked_by);
	free(it->ticked_at);
	for (i = 0; i < it->n_fields; i++) {
		free(it->fields[i].label);
		free(it->fields[i].value);
	}
	free(it->fields);
	memset(it, 0, sizeof *it);
}

/* Frees what a group holds; its items are cleared already. */
static void
group_clear(struct fw_check_group *grp)
{
	free(grp->items);
	free(grp->title);
	free(grp->role);
	free(grp->host);
	free(grp->ip);
}

void
fw_checklist_free(struct fw_checklist *cl)
{
	size_t g, i;

	if (cl == NULL)
		return;
	for (g = 0; g < cl->n_groups; g++) {
		struct fw_check_group *grp = &cl->groups[g];

		for (i = 0; i < grp->n_items; i++)
			item_clear(&grp->items[i]);
		group_clear(grp);
	}
	free(cl->groups);
	for (i = 0; i < cl->n_skipped; i++)
		free(cl->skipped[i]);
	free(cl->skipped);
	free(cl);
}

/* Lower-case hex SHA-256 of s (free()). The digest is fetched once per
 * build: fetching it per item took a lock and a provider lookup each. */
static char *
sha256_hex(struct fw_cl_builder *b, const char *s)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	char *hex;

	if (b->sha256 == NULL)
		b->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (b->md_ctx == NULL)
		b->md_ctx = EVP_MD_CTX_new();
	if (b->sha256 == NULL || b->md_ctx == NULL ||
	    EVP_DigestInit_ex(b->md_ctx, b->sha256, NULL) != 1 ||
	    EVP_DigestUpdate(b->md_ctx, s, strlen(s)) != 1 ||
	    EVP_DigestFinal_ex(b->md_ctx, md, &n) != 1) {
		fputs("fedwiz: SHA-256 unavailable in OpenSSL\n", stderr);
		abort();
	}
	hex = xmalloc(2 * (size_t)n + 1);
	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xf];
	}
	hex[2 * n] = '\0';
	return hex;
}

/* Closes the item being built: fingerprint, then into the last group. */
static void
item_finish(struct fw_cl_builder *b)
{
	struct fw_check_group *grp;

	if (!b->open)
		return;
	b->open = 0;
	grp = &b->cl->groups[b->cl->n_groups - 1];
	b->item.fingerprint = sha256_hex(b, b->values.buf);
	/* Doubling: a pool's group holds an item per IM and Presence node. */
	if (grp->n_items == b->items_cap) {
		b->items_cap = b->items_cap > 0 ? 2 * b->items_cap : 16;
		grp->items = xreallocarray(grp->items, b->items_cap,
		    sizeof *grp->items);
	}
	grp->items[grp->n_items++] = b->item;
	memset(&b->item, 0, sizeof b->item);
	free(b->values.buf);
	memset(&b->values, 0, sizeof b->values);
	b->cl->n_items++;
}

void
fw_cl_group(struct fw_cl_builder *b, const char *role, const char *host,
    const char *ip)
{
	struct fw_checklist *cl = b->cl;
	struct fw_check_group *grp;

	item_finish(b);
	if (cl->n_groups == b->groups_cap) {
		b->groups_cap = b->groups_cap > 0 ? 2 * b->groups_cap : 16;
		cl->groups = xreallocarray(cl->groups, b->groups_cap,
		    sizeof *cl->groups);
	}
	b->items_cap = 0;
	grp = &cl->groups[cl->n_groups++];
	memset(grp, 0, sizeof *grp);
	grp->role = xstrdup(role);
	grp->host = host != NULL ? xstrdup(host) : NULL;
	grp->ip = ip != NULL ? xstrdup(ip) : NULL;
	if (host != NULL && ip != NULL)
		grp->title = xasprintf("%s %s (%s)", role, host, ip);
	else if (host != NULL)
		grp->title = xasprintf("%s %s", role, host);
	else
		grp->title = xstrdup(role);
}

void
fw_cl_item(struct fw_cl_builder *b, const char *id, int step,
    const char *where, const char *fmt, ...)
{
	va_list ap;

	item_finish(b);
	b->open = 1;
	b->item.id = xstrdup(id);
	b->item.step = step;
	b->item.where = xstrdup(where);
	va_start(ap, fmt);
	b->item.text = xvasprintf(fmt, ap);
	va_end(ap);
	fw_sb_init(&b->values);
	fw_cl_depends(b, FINGERPRINT_VERSION "\nid", id);
}

/* Appends rather than printf: the fingerprint input of every item is made
 * of these. */
void
fw_cl_depends(struct fw_cl_builder *b, const char *key, const char *value)
{
	fw_sb_add(&b->values, key);
	fw_sb_add(&b->values, "=");
	fw_sb_add(&b->values, value != NULL ? value : "");
	fw_sb_add(&b->values, "\n");
}

/* Appends a shown field; the fingerprint input is the caller's. */
static void
field_show(struct fw_cl_builder *b, const char *label, const char *shown)
{
	struct fw_check_item *it = &b->item;

	it->fields = xreallocarray(it->fields, it->n_fields + 1,
	    sizeof *it->fields);
	it->fields[it->n_fields].label = xstrdup(label);
	it->fields[it->n_fields++].value = xstrdup(shown);
}

void
fw_cl_field_as(struct fw_cl_builder *b, const char *key, const char *label,
    const char *value, const char *shown)
{
	if (shown == NULL)
		shown = value != NULL ? value : _("(not entered yet)");
	field_show(b, label, shown);
	fw_cl_depends(b, key, value);
}

void
fw_cl_field(struct fw_cl_builder *b, const char *key, const char *label,
    const char *value)
{
	fw_cl_field_as(b, key, label, value, NULL);
}

void
fw_cl_field_int(struct fw_cl_builder *b, const char *key, const char *label,
    int value)
{
	char num[16];

	snprintf(num, sizeof num, "%d", value);
	fw_cl_field_as(b, key, label, num, NULL);
}

void
fw_cl_fixed(struct fw_cl_builder *b, const char *label, const char *shown)
{
	field_show(b, label, shown);
}

void
fw_cl_box(struct fw_cl_builder *b, const char *key, const char *label,
    int checked)
{
	field_show(b, label, checked ? _("checked") : _("unchecked"));
	fw_cl_depends(b, key, checked ? "1" : "0");
}

void
fw_cl_note(struct fw_cl_builder *b, const char *fmt, ...)
{
	va_list ap;

	free(b->item.note);
	va_start(ap, fmt);
	b->item.note = xvasprintf(fmt, ap);
	va_end(ap);
}

static char *
where_join(const char *admin_ui, const char *on, const char *menu,
    const char *extra)
{
	struct fw_strbuf sb;
	const char *sep = ": ";

	fw_sb_init(&sb);
	fw_sb_add(&sb, _(admin_ui));
	if (on != NULL) {
		fw_sb_add(&sb, sep);
		fw_sb_printf(&sb, _("right-click %s"), on);
		sep = " > ";
	}
	if (menu != NULL) {
		fw_sb_add(&sb, sep);
		fw_sb_add(&sb, _(menu));
		sep = " > ";
	}
	if (extra != NULL) {
		fw_sb_add(&sb, sep);
		fw_sb_add(&sb, extra);
	}
	return fw_sb_steal(&sb);
}

char *
fw_cl_where_step(int step, const char *on, const char *extra)
{
	const struct fw_step *s = fw_flow_step(step);

	return where_join(s->admin_ui, on, s->menu, extra);
}

char *
fw_cl_where_place(const char *place, const char *extra)
{
	const struct fw_place *pl = fw_flow_place(place);

	return where_join(pl->admin_ui, NULL, pl->menu, extra);
}

/* One line per step of the guide that does not apply here. */
static void
add_skipped(struct fw_checklist *cl, const struct fw_deployment *d)
{
	const struct fw_step *s;
	const char *why;
	int n;

	for (n = 1; n < FW_STEP_COUNT; n++) {
		s = fw_flow_step(n);
		if ((why = fw_flow_not_applicable_reason(s, d)) == NULL)
			continue;
		cl->skipped = xreallocarray(cl->skipped, cl->n_skipped + 1,
		    sizeof *cl->skipped);
		cl->skipped[cl->n_skipped++] = xasprintf(_("Step %d, %s: left "
		    "out. %s."), n, _(s->guide_title), why);
	}
}

/* Ticks by item id, then by position so that the first of two ticks of
 * one item is the one found, as a scan in order would find it. */
static int
tick_cmp(const void *a, const void *b)
{
	const struct fw_tick *ta = *(const struct fw_tick *const *)a;
	const struct fw_tick *tb = *(const struct fw_tick *const *)b;
	int c = strcmp(ta->item, tb->item);

	if (c != 0)
		return c;
	return (ta > tb) - (ta < tb);
}

static int
tick_key_cmp(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct fw_tick *const *)elem)->item);
}

/* The first tick of id in the sorted index, or NULL. */
static const struct fw_tick *
find_tick(const struct fw_tick **index, size_t n, const char *id)
{
	const struct fw_tick **hit;

	hit = bsearch(id, index, n, sizeof *index, tick_key_cmp);
	if (hit == NULL)
		return NULL;
	while (hit > index && strcmp(hit[-1]->item, id) == 0)
		hit--;
	return *hit;
}

static void
apply_ticks(struct fw_checklist *cl, const struct fw_deployment *d)
{
	const struct fw_tick *t, **index;
	struct fw_check_item *it;
	size_t g, i, n = 0;

	/* Sorted once, searched per item: a scan per item made ticking a
	 * large deployment quadratic. */
	index = xcalloc(d->n_ticks, sizeof *index);
	for (i = 0; i < d->n_ticks; i++) {
		if (d->ticks[i].item != NULL)
			index[n++] = &d->ticks[i];
	}
	qsort(index, n, sizeof *index, tick_cmp);
	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++) {
			it = &cl->groups[g].items[i];
			if ((t = find_tick(index, n, it->id)) == NULL)
				it->state = FW_ITEM_OPEN;
			else if (t->fingerprint == NULL ||
			    strcmp(t->fingerprint, it->fingerprint) == 0)
				it->state = FW_ITEM_DONE;
			else
				it->state = FW_ITEM_CHANGED;
			if (t != NULL && t->user != NULL)
				it->ticked_by = xstrdup(t->user);
			if (t != NULL && t->time != NULL)
				it->ticked_at = xstrdup(t->time);
			cl->n_done += it->state == FW_ITEM_DONE;
			cl->n_changed += it->state == FW_ITEM_CHANGED;
		}
	}
	free(index);
}

struct fw_checklist *
fw_checklist_build(const struct fw_deployment *d)
{
	struct fw_cl_builder b;

	memset(&b, 0, sizeof b);
	b.cl = xcalloc(1, sizeof *b.cl);
	b.d = d;
	fw_checklist_add_imp(&b);
	fw_checklist_add_ocs(&b);
	fw_checklist_add_verify(&b);
	item_finish(&b);
	EVP_MD_CTX_free(b.md_ctx);
	EVP_MD_free(b.sha256);
	add_skipped(b.cl, d);
	apply_ticks(b.cl, d);
	return b.cl;
}

void
fw_checklist_keep_todo(struct fw_checklist *cl)
{
	struct fw_check_group *grp;
	size_t g, i, kept_groups = 0, kept;

	for (g = 0; g < cl->n_groups; g++) {
		grp = &cl->groups[g];
		kept = 0;
		for (i = 0; i < grp->n_items; i++) {
			if (grp->items[i].state == FW_ITEM_DONE)
				item_clear(&grp->items[i]);
			else
				grp->items[kept++] = grp->items[i];
		}
		grp->n_items = kept;
		if (kept > 0) {
			cl->groups[kept_groups++] = *grp;
			continue;
		}
		group_clear(grp);
	}
	cl->n_groups = kept_groups;
}

const struct fw_check_item *
fw_checklist_find(const struct fw_checklist *cl, const char *id)
{
	size_t g, i;

	for (g = 0; g < cl->n_groups; g++) {
		for (i = 0; i < cl->groups[g].n_items; i++) {
			if (strcmp(cl->groups[g].items[i].id, id) == 0)
				return &cl->groups[g].items[i];
		}
	}
	return NULL;
}

const char *
fw_item_state_name(enum fw_item_state st)
{
	switch (st) {
	case FW_ITEM_OPEN:
		return _("open");
	case FW_ITEM_DONE:
		return _("done");
	case FW_ITEM_CHANGED:
		return _("changed since done");
	}
	return "";
}

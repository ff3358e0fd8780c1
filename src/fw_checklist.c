#include "config.h"

#include "fw_checklist.h"

#include <openssl/evp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_checklist_build.h"
#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_pages.h"
#include "fw_rules.h"
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

/*
 * The strings of groups and items live in blocks owned by the checklist:
 * a large deployment has 23,000 items of a dozen strings each, and
 * allocating and freeing them one by one was half of the build's time.
 */
struct fw_cl_arena {
	struct fw_cl_arena *next;	/* the block filled before */
	size_t used, size;
	int pages;			/* from fw_pages_alloc() */
	_Alignas(max_align_t) char data[];
};

/* The first block: a small deployment's whole checklist. Those after it
 * are huge pages (fw_pages.h), where a large checklist's 8 MiB cost 4
 * page faults instead of 2,000. */
#define ARENA_BLOCK (256 * 1024)
#define ARENA_PAGES (FW_PAGES_BLOCK - offsetof(struct fw_cl_arena, data))

static void *
arena_alloc(struct fw_checklist *cl, size_t n, size_t align)
{
	struct fw_cl_arena *a = cl->arena;
	size_t off, size;

	if (a != NULL) {
		off = (a->used + align - 1) & ~(align - 1);
		if (off <= a->size && n <= a->size - off) {
			a->used = off + n;
			return a->data + off;
		}
	}
	if (a != NULL && n <= ARENA_PAGES / 4) {
		a = fw_pages_alloc();
		a->size = ARENA_PAGES;
		a->pages = 1;
	} else {
		size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		a = xmalloc(offsetof(struct fw_cl_arena, data) + size);
		a->size = size;
		a->pages = 0;
	}
	a->next = cl->arena;
	a->used = n;
	cl->arena = a;
	return a->data;
}

static char *
arena_strndup(struct fw_checklist *cl, const char *s, size_t len)
{
	char *p = arena_alloc(cl, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static char *
arena_strdup(struct fw_checklist *cl, const char *s)
{
	return arena_strndup(cl, s, strlen(s));
}

/* fmt with each %s filled in, as printf would, when %s is all it holds;
 * NULL for any other conversion. */
static char *
arena_strings(struct fw_checklist *cl, const char *fmt, va_list ap)
{
	const char *f, *arg;
	size_t len = 0, n;
	va_list count;
	char *out, *p;

	for (f = strchr(fmt, '%'); f != NULL; f = strchr(f + 2, '%')) {
		if (f[1] != 's')
			return NULL;
	}
	va_copy(count, ap);
	for (f = fmt; *f != '\0'; f++) {
		if (*f != '%') {
			len++;
			continue;
		}
		arg = va_arg(count, const char *);
		len += strlen(arg != NULL ? arg : "(null)");
		f++;
	}
	va_end(count);
	out = p = arena_alloc(cl, len + 1, 1);
	for (f = fmt; *f != '\0'; f++) {
		if (*f != '%') {
			*p++ = *f;
			continue;
		}
		arg = va_arg(ap, const char *);
		if (arg == NULL)
			arg = "(null)";
		n = strlen(arg);
		memcpy(p, arg, n);
		p += n;
		f++;
	}
	*p = '\0';
	return out;
}

static char *arena_vprintf(struct fw_checklist *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

/* Formats into the room left in the current block when it fits. */
static char *
arena_vprintf(struct fw_checklist *cl, const char *fmt, va_list ap)
{
	struct fw_cl_arena *a = cl->arena;
	size_t room = a != NULL ? a->size - a->used : 0;
	char *p;
	va_list again;
	int n;

	/* Most notes are a sentence with nothing to fill in, most texts
	 * fill in names only. */
	if (strchr(fmt, '%') == NULL)
		return arena_strdup(cl, fmt);
	if ((p = arena_strings(cl, fmt, ap)) != NULL)
		return p;
	va_copy(again, ap);
	n = vsnprintf(room > 0 ? a->data + a->used : NULL, room, fmt, ap);
	if (n < 0) {
		fputs("fedwiz: out of memory\n", stderr);
		abort();
	}
	if ((size_t)n < room) {
		p = a->data + a->used;
		a->used += (size_t)n + 1;
	} else {
		p = arena_alloc(cl, (size_t)n + 1, 1);
		vsnprintf(p, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	return p;
}

static char *
arena_printf(struct fw_checklist *cl, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *
arena_printf(struct fw_checklist *cl, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = arena_vprintf(cl, fmt, ap);
	va_end(ap);
	return s;
}

static void
arena_free(struct fw_cl_arena *a)
{
	struct fw_cl_arena *next;

	for (; a != NULL; a = next) {
		next = a->next;
		if (a->pages)
			fw_pages_free(a);
		else
			free(a);
	}
}

void
fw_checklist_free(struct fw_checklist *cl)
{
	size_t i;

	if (cl == NULL)
		return;
	free(cl->groups);
	for (i = 0; i < cl->n_skipped; i++)
		free(cl->skipped[i]);
	free(cl->skipped);
	for (i = 0; i < cl->n_errors; i++)
		free(cl->errors[i]);
	free(cl->errors);
	free(cl->banner);
	arena_free(cl->arena);
	free(cl);
}

#define TR_MASK (FW_CL_TR_SLOTS - 1)

/* Where an address starts its search in the builder's tables. */
static size_t
addr_slot(const void *p)
{
	return (size_t)(((uint64_t)(uintptr_t)p >> 3) *
	    UINT64_C(0x9E3779B97F4A7C15) >> 40) & TR_MASK;
}

const char *
fw_cl_tr(struct fw_cl_builder *b, const char *msgid)
{
	const char *text;
	size_t slot;

	if (b->cl == NULL)
		return msgid;
	for (slot = addr_slot(msgid); b->tr[slot].msgid != NULL;
	    slot = (slot + 1) & TR_MASK) {
		if (b->tr[slot].msgid == msgid)
			return b->tr[slot].text;
	}
#ifdef ENABLE_NLS
	text = gettext(msgid);
#else
	text = msgid;
#endif
	/* A full table (never, at a hundred strings) asks every time. */
	if (b->n_tr >= FW_CL_TR_SLOTS / 2)
		return text;
	b->n_tr++;
	b->tr[slot].msgid = msgid;
	b->tr[slot].text = text;
	for (slot = addr_slot(text); b->kept[slot] != NULL &&
	    b->kept[slot] != text; slot = (slot + 1) & TR_MASK)
		continue;
	b->kept[slot] = text;
	return text;
}

/* s itself when fw_cl_tr() handed it out: a translation or a literal,
 * which lives as long as the process. Anything else is copied. Labels
 * and notes are mostly such constants, and not copying them spares the
 * checklist a third of its memory. */
static char *
keep(struct fw_cl_builder *b, const char *s)
{
	size_t slot;

	for (slot = addr_slot(s); b->kept[slot] != NULL;
	    slot = (slot + 1) & TR_MASK) {
		if (b->kept[slot] == s)
			return (char *)s;
	}
	return arena_strdup(b->cl, s);
}

/* Lower-case hex SHA-256 of s into hex. The digest is fetched once per
 * build: fetching it per item took a lock and a provider lookup each. */
static void
sha256_hex(struct fw_cl_builder *b, const char *s, size_t len,
    char hex[2 * 32 + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	int ok;

	/* The digest is set up once; later items start over with the same
	 * one (type NULL), which skips freeing and making its state. */
	if (b->md_ctx == NULL) {
		b->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
		b->md_ctx = EVP_MD_CTX_new();
		ok = b->sha256 != NULL && b->md_ctx != NULL &&
		    EVP_DigestInit_ex2(b->md_ctx, b->sha256, NULL) == 1;
	} else {
		ok = EVP_DigestInit_ex2(b->md_ctx, NULL, NULL) == 1;
	}
	if (!ok || EVP_DigestUpdate(b->md_ctx, s, len) != 1 ||
	    EVP_DigestFinal_ex(b->md_ctx, md, &n) != 1 || n != 32) {
		fputs("fedwiz: SHA-256 unavailable in OpenSSL\n", stderr);
		abort();
	}
	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xf];
	}
	hex[2 * n] = '\0';
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

/* Sorted once, searched per item: a scan per item made ticking a large
 * deployment quadratic. */
static void
index_ticks(struct fw_cl_builder *b)
{
	const struct fw_deployment *d = b->d;
	size_t i;

	b->ticks = xcalloc(d->n_ticks > 0 ? d->n_ticks : 1, sizeof *b->ticks);
	for (i = 0; i < d->n_ticks; i++) {
		if (d->ticks[i].item != NULL)
			b->ticks[b->n_ticks++] = &d->ticks[i];
	}
	qsort(b->ticks, b->n_ticks, sizeof *b->ticks, tick_cmp);
}

/* The first tick of id, or NULL. */
static const struct fw_tick *
find_tick(const struct fw_cl_builder *b, const char *id)
{
	const struct fw_tick **hit;

	if (b->n_ticks == 0)
		return NULL;
	hit = bsearch(id, b->ticks, b->n_ticks, sizeof *b->ticks,
	    tick_key_cmp);
	if (hit == NULL)
		return NULL;
	while (hit > b->ticks && strcmp(hit[-1]->item, id) == 0)
		hit--;
	return *hit;
}

/* Closes the item being built: fingerprint and tick, then into the last
 * group unless only counting. */
static void
item_finish(struct fw_cl_builder *b)
{
	struct fw_check_item *it = &b->item;
	const struct fw_tick *t;
	char fp[2 * 32 + 1] = "";

	if (!b->open)
		return;
	b->open = 0;
	t = b->tick;
	if (b->hash)
		sha256_hex(b, b->values.buf, b->values.len, fp);
	if (t == NULL)
		it->state = FW_ITEM_OPEN;
	else if (t->fingerprint == NULL || strcmp(t->fingerprint, fp) == 0)
		it->state = FW_ITEM_DONE;
	else
		it->state = FW_ITEM_CHANGED;
	b->n_items++;
	b->n_done += it->state == FW_ITEM_DONE;
	b->n_changed += it->state == FW_ITEM_CHANGED;
	if (b->cl == NULL)
		return;
	it->fingerprint = arena_strndup(b->cl, fp, sizeof fp - 1);
	if (t != NULL && t->user != NULL)
		it->ticked_by = arena_strdup(b->cl, t->user);
	if (t != NULL && t->time != NULL)
		it->ticked_at = arena_strdup(b->cl, t->time);
	if (it->n_fields > 0) {
		it->fields = arena_alloc(b->cl, it->n_fields *
		    sizeof *it->fields, _Alignof(struct fw_check_field));
		memcpy(it->fields, b->fields, it->n_fields *
		    sizeof *it->fields);
	}
	/* Doubling: a pool's group holds an item per IM and Presence node. */
	if (b->n_group_items == b->items_cap) {
		b->items_cap = b->items_cap > 0 ? 2 * b->items_cap : 64;
		b->items = xreallocarray(b->items, b->items_cap,
		    sizeof *b->items);
	}
	b->items[b->n_group_items++] = *it;
}

/* Moves the last group's items from the builder's vector, which the next
 * group reuses, into the arena at their final size: a vector per group
 * grown by realloc copied each item about twice and, freed and allocated
 * again at every build, faulted in fresh pages each time. */
static void
group_finish(struct fw_cl_builder *b)
{
	struct fw_check_group *grp;

	item_finish(b);
	if (b->cl == NULL || b->cl->n_groups == 0)
		return;
	grp = &b->cl->groups[b->cl->n_groups - 1];
	grp->n_items = b->n_group_items;
	if (grp->n_items > 0) {
		grp->items = arena_alloc(b->cl, grp->n_items *
		    sizeof *grp->items, _Alignof(struct fw_check_item));
		memcpy(grp->items, b->items, grp->n_items *
		    sizeof *grp->items);
	}
	b->n_group_items = 0;
}

void
fw_cl_group(struct fw_cl_builder *b, const char *role, const char *host,
    const char *ip)
{
	struct fw_checklist *cl = b->cl;
	struct fw_check_group *grp;

	group_finish(b);
	if (cl == NULL)
		return;
	if (cl->n_groups == b->groups_cap) {
		b->groups_cap = b->groups_cap > 0 ? 2 * b->groups_cap : 16;
		cl->groups = xreallocarray(cl->groups, b->groups_cap,
		    sizeof *cl->groups);
	}
	grp = &cl->groups[cl->n_groups++];
	memset(grp, 0, sizeof *grp);
	grp->role = keep(b, role);
	grp->host = host != NULL ? arena_strdup(cl, host) : NULL;
	grp->ip = ip != NULL ? arena_strdup(cl, ip) : NULL;
	if (host != NULL && ip != NULL)
		grp->title = arena_printf(cl, "%s %s (%s)", role, host, ip);
	else if (host != NULL)
		grp->title = arena_printf(cl, "%s %s", role, host);
	else
		grp->title = grp->role;
}

void
fw_cl_item(struct fw_cl_builder *b, const char *id, int step,
    const char *where, const char *fmt, ...)
{
	struct fw_check_item *it = &b->item;
	va_list ap;

	item_finish(b);
	memset(it, 0, sizeof *it);
	b->open = 1;
	b->id.len = 0;
	fw_sb_add(&b->id, id);
	b->tick = find_tick(b, b->id.buf);
	/* Counting needs a fingerprint only to compare with a tick's. */
	b->hash = b->cl != NULL || (b->tick != NULL &&
	    b->tick->fingerprint != NULL);
	b->values.len = 0;
	fw_cl_depends(b, FINGERPRINT_VERSION "\nid", id);
	it->step = step;
	if (b->cl == NULL)
		return;
	it->id = arena_strndup(b->cl, b->id.buf, b->id.len);
	/* Items in a row mostly share their menu path: one copy serves. */
	if (b->where == NULL || strcmp(b->where, where) != 0)
		b->where = arena_strdup(b->cl, where);
	it->where = (char *)b->where;
	va_start(ap, fmt);
	it->text = arena_vprintf(b->cl, fmt, ap);
	va_end(ap);
}

/* Appends rather than printf: the fingerprint input of every item is made
 * of these. */
void
fw_cl_depends(struct fw_cl_builder *b, const char *key, const char *value)
{
	if (!b->hash)
		return;
	fw_sb_add(&b->values, key);
	fw_sb_addn(&b->values, "=", 1);
	fw_sb_add(&b->values, value != NULL ? value : "");
	fw_sb_addn(&b->values, "\n", 1);
}

/* Appends a shown field; the fingerprint input is the caller's. */
static void
field_show(struct fw_cl_builder *b, const char *label, const char *shown)
{
	struct fw_check_item *it = &b->item;

	if (b->cl == NULL)
		return;
	if (it->n_fields == b->fields_cap) {
		b->fields_cap = b->fields_cap > 0 ? 2 * b->fields_cap : 8;
		b->fields = xreallocarray(b->fields, b->fields_cap,
		    sizeof *b->fields);
	}
	b->fields[it->n_fields].label = keep(b, label);
	b->fields[it->n_fields++].value = keep(b, shown);
}

void
fw_cl_field_as(struct fw_cl_builder *b, const char *key, const char *label,
    const char *value, const char *shown)
{
	if (shown == NULL)
		shown = value != NULL ? value : fw_cl_tr(b, N_("(not entered "
		    "yet)"));
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
	field_show(b, label, checked ? fw_cl_tr(b, N_("checked")) :
	    fw_cl_tr(b, N_("unchecked")));
	fw_cl_depends(b, key, checked ? "1" : "0");
}

const char *
fw_cl_wrong(struct fw_cl_builder *b, int step, const char *field,
    const char *subject)
{
	const struct fw_finding *f;
	size_t i;

	if (b->cl == NULL)
		return NULL;
	for (i = 0; i < b->errors.n; i++) {
		f = &b->errors.items[i];
		if (f->field == NULL || strcmp(f->field, field) != 0)
			continue;
		if (subject == NULL ? f->subject != NULL :
		    !fw_strcaseeq(f->subject, subject))
			continue;
		if (f->step < 0 || f->step >= FW_STEP_COUNT ||
		    (step >= 0 && f->step != step))
			continue;
		if (b->fix_first[f->step] == NULL)
			b->fix_first[f->step] = arena_printf(b->cl,
			    _("fix step %d first"), f->step);
		return b->fix_first[f->step];
	}
	return NULL;
}

void
fw_cl_note(struct fw_cl_builder *b, const char *fmt, ...)
{
	va_list ap;

	if (b->cl == NULL)
		return;
	if (strchr(fmt, '%') == NULL) {
		b->item.note = keep(b, fmt);
		return;
	}
	va_start(ap, fmt);
	b->item.note = arena_vprintf(b->cl, fmt, ap);
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

/* Counting shows no menu path: NULL, which fw_cl_item() then ignores. */
char *
fw_cl_where_step(struct fw_cl_builder *b, int step, const char *on,
    const char *extra)
{
	return fw_cl_where_kind(b, step, FW_MICROSOFT_OCS2007R2, on, extra);
}

char *
fw_cl_where_kind(struct fw_cl_builder *b, int step, enum fw_microsoft m,
    const char *on, const char *extra)
{
	const struct fw_step *s = fw_flow_step_kind(step, m);

	if (b->cl == NULL)
		return NULL;
	return where_join(s->admin_ui, on, s->menu, extra);
}

char *
fw_cl_where_place(struct fw_cl_builder *b, const char *place,
    const char *extra)
{
	const struct fw_place *pl = fw_flow_place(place);

	if (b->cl == NULL)
		return NULL;
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
		s = fw_flow_step_for(n, d);
		if ((why = fw_flow_not_applicable_reason(s, d)) == NULL)
			continue;
		cl->skipped = xreallocarray(cl->skipped, cl->n_skipped + 1,
		    sizeof *cl->skipped);
		cl->skipped[cl->n_skipped++] = xasprintf(_("Step %d, %s: left "
		    "out. %s."), n, _(s->guide_title), why);
	}
}


/*
 * The rules' errors about d, offline: a checklist is written wherever the
 * admin is, and what DNS answers there says nothing about the answers.
 * Only errors: a warning does not make a value wrong.
 */
static void
find_errors(struct fw_cl_builder *b, const struct fw_deployment *d)
{
	struct fw_findings all = { NULL, 0 };
	struct fw_rules_opts opts;
	size_t i;

	memset(&opts, 0, sizeof opts);
	if (fw_rules_run(d, &opts, &all) == 0)
		goto out;
	b->errors.items = xcalloc(all.n, sizeof *b->errors.items);
	for (i = 0; i < all.n; i++) {
		if (all.items[i].severity != FW_SEV_ERROR)
			continue;
		/* Moved, not copied: all keeps only what is left. */
		b->errors.items[b->errors.n++] = all.items[i];
		memset(&all.items[i], 0, sizeof all.items[i]);
	}
out:
	fw_findings_free(&all);
}

/* The banner and a line per error: the step, its title, the field's
 * label (a rule's words need not name the field: a stored value outside
 * its domain does not) and the rule's words. */
static void
add_errors(struct fw_checklist *cl, const struct fw_deployment *d,
    const struct fw_findings *errors)
{
	const struct fw_finding *f;
	const struct fw_field *fd;
	const char *title;
	size_t i;

	if (errors->n == 0)
		return;
	cl->banner = xstrdup(_("NOT READY: the answers have errors. Items "
	    "they concern say \"fix step N first\" instead of a value. Fix "
	    "each error below in that step of the wizard (or in the answers "
	    "file), check with fedwiz validate, then write the checklist "
	    "again."));
	cl->errors = xcalloc(errors->n, sizeof *cl->errors);
	for (i = 0; i < errors->n; i++) {
		f = &errors->items[i];
		title = fw_flow_step_title(f->step, d);
		if (title[0] == '\0')
			title = "?";
		fd = f->field != NULL ? fw_flow_field_for(f->field, d) : NULL;
		cl->errors[cl->n_errors++] = fd != NULL ?
		    xasprintf(_("Step %d (%s), %s: %s"), f->step, title,
		    _(fd->label), f->message) :
		    xasprintf(_("Step %d (%s): %s"), f->step, title, f->message);
	}
}

/* Runs the content through b: a checklist when b->cl is set, else only
 * the counts. */
static void
build(struct fw_cl_builder *b, const struct fw_deployment *d)
{
	b->d = d;
	if (b->cl != NULL)
		find_errors(b, d);
	index_ticks(b);
	fw_checklist_add_imp(b);
	fw_checklist_add_ocs(b);
	fw_checklist_add_verify(b);
	group_finish(b);
	EVP_MD_CTX_free(b->md_ctx);
	EVP_MD_free(b->sha256);
	free(b->ticks);
	free(b->id.buf);
	free(b->values.buf);
	free(b->fields);
	free(b->items);
}

struct fw_checklist *
fw_checklist_build(const struct fw_deployment *d)
{
	struct fw_cl_builder *b = xcalloc(1, sizeof *b);
	struct fw_checklist *cl = xcalloc(1, sizeof *cl);

	b->cl = cl;
	build(b, d);
	cl->n_items = b->n_items;
	cl->n_done = b->n_done;
	cl->n_changed = b->n_changed;
	add_errors(cl, d, &b->errors);
	cl->lync = fw_deployment_has_lync(d);
	fw_findings_free(&b->errors);
	free(b);
	add_skipped(cl, d);
	return cl;
}

void
fw_checklist_count(const struct fw_deployment *d, size_t *n_items,
    size_t *n_done, size_t *n_changed)
{
	struct fw_cl_builder *b = xcalloc(1, sizeof *b);

	build(b, d);
	*n_items = b->n_items;
	*n_done = b->n_done;
	*n_changed = b->n_changed;
	free(b);
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
			/* It stays in the arena until the end. */
			if (grp->items[i].state != FW_ITEM_DONE)
				grp->items[kept++] = grp->items[i];
		}
		grp->n_items = kept;
		if (kept > 0)
			cl->groups[kept_groups++] = *grp;
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

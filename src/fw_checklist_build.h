/*
 * Inside the checklist builder: what fw_checklist_imp.c and
 * fw_checklist_ocs.c use to add groups and items. Not for other modules.
 */
#ifndef FW_CHECKLIST_BUILD_H
#define FW_CHECKLIST_BUILD_H

#include "fw_checklist.h"
#include "fw_flow.h"
#include "fw_model.h"
#include "fw_rules.h"
#include "fw_util.h"

/* Translations looked up in one build (fw_cl_tr()); a power of two,
 * several times the content's distinct strings. */
#define FW_CL_TR_SLOTS 512

struct fw_cl_builder {
	struct fw_checklist *cl;	/* NULL when only counting */
	const struct fw_deployment *d;
	struct fw_findings errors;	/* the rules' errors about d */
	const char *fix_first[FW_STEP_COUNT];	/* "fix step N first" */
	struct fw_check_item item;	/* the item being built */
	struct fw_strbuf id;		/* its id */
	const struct fw_tick *tick;	/* its tick, or NULL */
	int hash;			/* it needs a fingerprint */
	struct fw_strbuf values;	/* its fingerprint input */
	struct fw_check_field *fields;	/* its fields, until it is finished */
	size_t fields_cap;
	int open;			/* an item is being built */
	size_t groups_cap;		/* allocated cl->groups */
	struct fw_check_item *items;	/* the last group's, until it ends */
	size_t n_group_items, items_cap;
	const char *where;		/* the last item's where, to share */
	const struct fw_tick **ticks;	/* d's ticks sorted by item id */
	size_t n_ticks;
	size_t n_items, n_done, n_changed;
	struct evp_md_st *sha256;	/* fetched once per build */
	struct evp_md_ctx_st *md_ctx;
	struct {
		const char *msgid, *text;
	} tr[FW_CL_TR_SLOTS];
	size_t n_tr;
	const char *kept[FW_CL_TR_SLOTS];	/* every text of tr */
};

/*
 * The content files' _(): gettext takes a lock and searches the catalogue
 * on every call, and a large deployment's checklist makes some 200,000
 * calls for about a hundred distinct strings, so each is looked up once
 * per build. Counting shows no text and looks up nothing. msgid must be a
 * string literal: it is remembered by address. xgettext still finds the
 * strings, since it reads _() in the source: the content files define
 * _(s) as fw_cl_tr(b, (s)).
 */
const char *fw_cl_tr(struct fw_cl_builder *, const char *msgid)
    __attribute__((format_arg(2)));

/* Starts a group; ip may be NULL. role is translated by the caller. */
void fw_cl_group(struct fw_cl_builder *, const char *role, const char *host,
    const char *ip);

/* Starts an item of the current group: id, step, where (translated) and
 * text (translated, printf-style). Ends the previous item. */
void fw_cl_item(struct fw_cl_builder *, const char *id, int step,
    const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* A field of the current item. key (untranslated, stable) and value go
 * into the fingerprint; label is translated by the caller. A NULL value
 * shows as "(not entered yet)". */
void fw_cl_field(struct fw_cl_builder *, const char *key, const char *label,
    const char *value);
void fw_cl_field_int(struct fw_cl_builder *, const char *key,
    const char *label, int value);
/* The same, shown as `shown` (translated) instead of the value, or as the
 * value when shown is NULL. */
void fw_cl_field_as(struct fw_cl_builder *, const char *key,
    const char *label, const char *value, const char *shown);
/* A field whose value is the same in every deployment (a UI choice, an
 * instruction): shown, not part of the fingerprint. */
void fw_cl_fixed(struct fw_cl_builder *, const char *label,
    const char *shown);
/* A box to check (checked = 1) or leave unchecked. */
void fw_cl_box(struct fw_cl_builder *, const char *key, const char *label,
    int checked);
/* A value the item depends on without showing it (fingerprint only). */
void fw_cl_depends(struct fw_cl_builder *, const char *key,
    const char *value);
/*
 * What to show instead of a value the rules call wrong: "fix step N
 * first" (translated), N the step of the first error on field (a flow
 * table key) about subject (an entry's name, compared case-insensitively;
 * NULL = an error about no entry, such as a port's), or NULL when no
 * error concerns it. A field on two steps (imp_domain: its name on step
 * 0, its route on step 3) is narrowed by step; -1 = any. Counting shows
 * nothing: NULL.
 */
const char *fw_cl_wrong(struct fw_cl_builder *, int step, const char *field,
    const char *subject);

/* The current item's note (translated, printf-style). */
void fw_cl_note(struct fw_cl_builder *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "ADMIN UI: MENU" for a step or a place of the flow table, with extra
 * appended as " > EXTRA" when not NULL (free()); NULL when counting. With
 * on (an OCS server or pool), the menu starts with "right-click ON". */
char *fw_cl_where_step(struct fw_cl_builder *, int step, const char *on,
    const char *extra);
char *fw_cl_where_place(struct fw_cl_builder *, const char *place,
    const char *extra);
/* The same for step as it is done on a server running m (its Lync form,
 * fw_flow_step_kind()). */
char *fw_cl_where_kind(struct fw_cl_builder *, int step, enum fw_microsoft m,
    const char *on, const char *extra);

/* The name c is issued to: its subject CN, else its first DNS SAN; NULL
 * when c is NULL or unreadable (free()). */
char *fw_cl_cert_name(const struct fw_cert *c);
/* Certificates in c's PEM (0 when c is NULL or unreadable). */
size_t fw_cl_cert_chain(const struct fw_cert *c);
/* The certificate fields of an OCS or Lync front end: the certificate that
 * applies to s (its CN, file and fingerprint), else its FQDN, and its CA
 * (unknown_ca when none is given). Returns whether a certificate is known. */
int fw_cl_server_cert_fields(struct fw_cl_builder *,
    const struct fw_ocs_server *s, const char *unknown_ca);

/* The content, in the order the work is done. */
void fw_checklist_add_imp(struct fw_cl_builder *);
void fw_checklist_add_ocs(struct fw_cl_builder *);
void fw_checklist_add_verify(struct fw_cl_builder *);
/* The work of one Lync/SfB topology (static routes, trusted application
 * pool: fw_lync_topologies()), and a Lync front end's own. */
void fw_checklist_add_lync(struct fw_cl_builder *, const char *topology);
void fw_checklist_add_lync_cert(struct fw_cl_builder *,
    const struct fw_ocs_server *, enum fw_microsoft m);

#endif

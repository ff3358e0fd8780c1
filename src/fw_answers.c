#include "config.h"

#include "fw_answers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw_certfile.h"
#include "fw_checklist.h"
#include "fw_i18n.h"
#include "fw_limits.h"
#include "fw_syntax.h"
#include "fw_util.h"

/*
 * The answers file is read in two passes. The first walks the lines and
 * checks each value on its own (syntax, enum words, duplicates within an
 * entry), keeping normalised text per entry. The second checks what needs
 * the whole file (required keys, duplicate entries, references between
 * sections). Only when both found nothing is a deployment built, so an
 * error anywhere means nothing is imported.
 */

#define LINE_MAX_BYTES (64 * 1024)
#define KEYS_MAX 8
#define ERRORS_MAX 1000
#define WARNINGS_MAX 10
#define ITEM_MAX 256
#define HEREDOC FW_ANSWERS_HEREDOC
#define HEREDOC_END FW_ANSWERS_HEREDOC_END

enum val_kind {
	V_TEXT, V_NAME, V_HOST, V_IP, V_PORT, V_TRANSPORT, V_EDITION, V_ROUTE,
	V_CERT, V_ITEM, V_MICROSOFT, V_RELEASE, V_TOPOLOGY,
};

enum sect_id {
	S_DEPLOYMENT, S_IMP_DOMAIN, S_IMP_NODE, S_OCS_DOMAIN, S_OCS_POOL,
	S_OCS_SERVER, S_CERTIFICATES, S_DONE, S_COUNT,
	S_NONE = -1,		/* before the first header */
	S_IGNORED = -2,		/* after a bad header: its keys are skipped */
};

struct key_def {
	const char *key;
	enum val_kind kind;
	int required;
};

struct sect_def {
	const char *name;
	int repeatable;		/* each header starts a new entry */
	struct key_def keys[KEYS_MAX];
};

/* The format, as a table (fedwiz(1), ANSWERS FILE). Key 0 of a repeatable
 * section names the entry: two entries with the same one are refused. */
static const struct sect_def sects[S_COUNT] = {
	[S_DEPLOYMENT] = { "deployment", 0, {
		{ "name", V_NAME, 0 },
		{ "transport", V_TRANSPORT, 0 },
		{ "ocs_edition", V_EDITION, 0 },
		{ "peer_auth_port", V_PORT, 0 },
		{ "server_auth_port", V_PORT, 0 },
		{ "next_hop_port", V_PORT, 0 },
		{ "microsoft", V_MICROSOFT, 0 },
		{ "imp_release", V_RELEASE, 0 } } },
	[S_IMP_DOMAIN] = { "imp_domain", 1, {
		{ "name", V_HOST, 1 },
		{ "route_to", V_HOST, 0 } } },
	[S_IMP_NODE] = { "imp_node", 1, {
		{ "fqdn", V_HOST, 1 },
		{ "ip", V_IP, 1 } } },
	[S_OCS_DOMAIN] = { "ocs_domain", 1, {
		{ "name", V_HOST, 1 },
		{ "description", V_TEXT, 0 },
		{ "microsoft", V_MICROSOFT, 0 },
		{ "topology", V_TOPOLOGY, 0 } } },
	/* A pool's or server's own ocs_ca and ocs_cert (fw_host_cert). */
	[S_OCS_POOL] = { "ocs_pool", 1, {
		{ "fqdn", V_HOST, 1 },
		{ "ocs_ca", V_CERT, 0 },
		{ "ocs_cert", V_CERT, 0 } } },
	[S_OCS_SERVER] = { "ocs_server", 1, {
		{ "fqdn", V_HOST, 1 },
		{ "ip", V_IP, 1 },
		{ "domain", V_HOST, 1 },
		{ "pool", V_HOST, 0 },
		{ "route", V_ROUTE, 0 },
		{ "ocs_ca", V_CERT, 0 },
		{ "ocs_cert", V_CERT, 0 } } },
	/* Same order as enum fw_cert_role. */
	[S_CERTIFICATES] = { "certificates", 0, {
		{ "ocs_ca", V_CERT, 0 },
		{ "ocs_cert", V_CERT, 0 },
		{ "imp_ca", V_CERT, 0 },
		{ "imp_cert", V_CERT, 0 } } },
	/* item may repeat inside one [done]; handled on its own. */
	[S_DONE] = { "done", 1, {
		{ "item", V_ITEM, 0 } } },
};

/* Indices of keys the second pass refers to. */
enum {
	K_DEP_NAME = 0, K_DEP_TRANSPORT, K_DEP_EDITION, K_DEP_PEER,
	K_DEP_SERVER, K_DEP_NEXT_HOP, K_DEP_MICROSOFT, K_DEP_RELEASE,
	K_IMPD_NAME = 0, K_IMPD_ROUTE_TO,
	K_NODE_FQDN = 0, K_NODE_IP,
	K_OCSD_NAME = 0, K_OCSD_DESC, K_OCSD_MICROSOFT, K_OCSD_TOPOLOGY,
	K_POOL_FQDN = 0,
	K_SRV_FQDN = 0, K_SRV_IP, K_SRV_DOMAIN, K_SRV_POOL, K_SRV_ROUTE,
};

/* The roles a [ocs_pool] or [ocs_server] entry may have of its own. */
#define HOST_CERTS (FW_CERT_OCS_CERT + 1)

struct entry {
	enum sect_id sect;
	unsigned line;			/* of its [section] header */
	char *val[KEYS_MAX];		/* normalised; NULL = not given */
	unsigned vline[KEYS_MAX];
	struct fw_cert certs[HOST_CERTS];	/* its own, by role */
};

struct perr {
	unsigned line;
	size_t seq;
	char *msg;
};

struct item {
	char *id;
	char *fingerprint;	/* NULL when the line gave none */
	char *user;		/* who ticked it, NULL = the importer */
	char *time;		/* when, NULL = the import's time */
	unsigned line;
};

struct parser {
	const char *file;		/* as named in messages */
	char *dir;			/* anchors relative certificate paths */

	struct perr *errs;
	size_t n_errs, n_dropped;

	struct entry *ents;
	size_t n_ents;
	int cur_sect;			/* enum sect_id, S_NONE or S_IGNORED */
	size_t cur;			/* index in ents when cur_sect >= 0 */
	unsigned once_line[S_COUNT];	/* header line of a once-only section */
	size_t n_sect[S_COUNT];		/* entries so far ([done]: items) */

	struct fw_cert certs[FW_CERT_COUNT];
	unsigned cert_line[FW_CERT_COUNT];

	struct item *items;
	size_t n_items;
	size_t cap_items;
};

/* One line of the text, without its newline (and carriage return). */
struct line {
	const char *s;
	size_t len;
	unsigned no;
};

static void perr_add(struct parser *, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
perr_add(struct parser *p, unsigned line, const char *fmt, ...)
{
	va_list ap;
	struct perr *e;

	if (p->n_errs >= ERRORS_MAX) {
		p->n_dropped++;
		return;
	}
	p->errs = xreallocarray(p->errs, p->n_errs + 1, sizeof *p->errs);
	e = &p->errs[p->n_errs];
	e->line = line;
	e->seq = p->n_errs++;
	va_start(ap, fmt);
	e->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

static int
perr_cmp(const void *a, const void *b)
{
	const struct perr *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every error, in line order, as "FILE:LINE: message" lines. */
static char *
perr_text(struct parser *p)
{
	struct fw_strbuf sb;
	size_t i;

	qsort(p->errs, p->n_errs, sizeof *p->errs, perr_cmp);
	fw_sb_init(&sb);
	for (i = 0; i < p->n_errs; i++)
		fw_sb_printf(&sb, "%s:%u: %s\n", p->file, p->errs[i].line,
		    p->errs[i].msg);
	if (p->n_dropped > 0)
		fw_sb_printf(&sb, _("%s: %zu more errors not shown\n"),
		    p->file, p->n_dropped);
	return fw_sb_steal(&sb);
}

static void
item_clear(struct item *it)
{
	free(it->id);
	free(it->fingerprint);
	free(it->user);
	free(it->time);
}

static void
parser_free(struct parser *p)
{
	size_t i, k;

	free(p->dir);
	for (i = 0; i < p->n_errs; i++)
		free(p->errs[i].msg);
	free(p->errs);
	for (i = 0; i < p->n_ents; i++) {
		for (k = 0; k < KEYS_MAX; k++)
			free(p->ents[i].val[k]);
		for (k = 0; k < HOST_CERTS; k++)
			fw_cert_clear(&p->ents[i].certs[k]);
	}
	free(p->ents);
	for (i = 0; i < FW_CERT_COUNT; i++)
		fw_cert_clear(&p->certs[i]);
	for (i = 0; i < p->n_items; i++)
		item_clear(&p->items[i]);
	free(p->items);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims blanks on both sides of [*s, *s + *len). */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space(**s))
		(*s)++, (*len)--;
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

static int
find_sect(const char *name, size_t len)
{
	int i;

	for (i = 0; i < S_COUNT; i++) {
		if (strlen(sects[i].name) == len &&
		    memcmp(sects[i].name, name, len) == 0)
			return i;
	}
	return -1;
}

static int
find_key(const struct sect_def *sd, const char *key)
{
	int k;

	for (k = 0; k < KEYS_MAX && sd->keys[k].key != NULL; k++) {
		if (strcmp(sd->keys[k].key, key) == 0)
			return k;
	}
	return -1;
}

/* "a, b, c": the keys a section allows, for messages. */
static char *
key_list(const struct sect_def *sd)
{
	struct fw_strbuf sb;
	int k;

	fw_sb_init(&sb);
	for (k = 0; k < KEYS_MAX && sd->keys[k].key != NULL; k++)
		fw_sb_printf(&sb, "%s%s", k > 0 ? ", " : "", sd->keys[k].key);
	return fw_sb_steal(&sb);
}

static char *
sect_list(void)
{
	struct fw_strbuf sb;
	int i;

	fw_sb_init(&sb);
	for (i = 0; i < S_COUNT; i++)
		fw_sb_printf(&sb, "%s[%s]", i > 0 ? ", " : "", sects[i].name);
	return fw_sb_steal(&sb);
}

/* Counts one more entry of section id ([done]: item line) and says
 * whether it is within the limit (fw_limits.h); the first one over is
 * reported, the rest are dropped quietly. */
static int
within_limit(struct parser *p, enum sect_id id, unsigned no)
{
	size_t max = fw_limit(sects[id].name), have = p->n_sect[id]++;
	char *msg;

	if (max == 0 || have < max)
		return 1;
	if (have == max) {
		msg = fw_limit_message(sects[id].name);
		perr_add(p, no, "%s", msg);
		free(msg);
	}
	return 0;
}

static void
header_line(struct parser *p, const char *s, size_t len, unsigned no)
{
	const char *name = s + 1;
	size_t nlen;
	char *all;
	int id;
	struct entry *e;

	p->cur_sect = S_IGNORED;
	if (len < 2 || s[len - 1] != ']') {
		perr_add(p, no, _("a section header must look like "
		    "'[name]'"));
		return;
	}
	nlen = len - 2;
	trim(&name, &nlen);
	if ((id = find_sect(name, nlen)) < 0) {
		all = sect_list();
		perr_add(p, no, _("unknown section [%.*s]; known sections: %s"),
		    (int)nlen, name, all);
		free(all);
		return;
	}
	if (!sects[id].repeatable && p->once_line[id] != 0) {
		perr_add(p, no, _("[%s] may appear only once; it is already "
		    "at line %u"), sects[id].name, p->once_line[id]);
		return;
	}
	p->once_line[id] = p->once_line[id] ? p->once_line[id] : no;
	if (id == S_DONE || id == S_CERTIFICATES) {
		p->cur_sect = id;
		return;
	}
	if (!within_limit(p, id, no))
		return;		/* its keys are skipped */
	p->cur_sect = id;
	p->ents = xreallocarray(p->ents, p->n_ents + 1, sizeof *p->ents);
	e = &p->ents[p->n_ents];
	memset(e, 0, sizeof *e);
	e->sect = id;
	e->line = no;
	p->cur = p->n_ents++;
}

static char *
check_text(const char *v, char **cause)
{
	if (fw_syntax_text(v, cause) != 0)
		return NULL;
	return xstrdup(v);
}

static char *
check_item(const char *v, char **cause)
{
	const char *s;

	for (s = v; *s != '\0'; s++) {
		if (*s <= ' ' || *s > '~')
			break;
	}
	if (*s != '\0' || s - v > ITEM_MAX) {
		fw_fail(cause, _("'%s' is not a checklist item id (up to %d "
		    "printable ASCII characters, no spaces)"), v, ITEM_MAX);
		return NULL;
	}
	return xstrdup(v);
}

static char *
check_port(const char *v, char **cause)
{
	int port;

	if (fw_syntax_port(v, &port, cause) != 0)
		return NULL;
	return xasprintf("%d", port);
}

/* Enum words come back in the spelling the export writes. */
static char *
check_enum(enum val_kind kind, const char *v, char **cause)
{
	enum fw_transport t;
	enum fw_edition ed;
	enum fw_route_role r;
	enum fw_microsoft m;

	switch (kind) {
	case V_TRANSPORT:
		if (fw_transport_parse(v, &t) == 0)
			return xstrdup(fw_transport_name(t));
		fw_fail(cause, _("'%s' is not one of: tls, tcp"), v);
		break;
	case V_EDITION:
		if (fw_edition_parse(v, &ed) == 0)
			return xstrdup(fw_edition_name(ed));
		fw_fail(cause, _("'%s' is not one of: standard, enterprise"), v);
		break;
	case V_MICROSOFT:
		if (fw_microsoft_parse(v, &m) == 0)
			return xstrdup(fw_microsoft_name(m));
		fw_fail(cause, _("'%s' is not one of: ocs2007r2, lync2010, "
		    "lync2013, sfb2015, sfb2019, sfbse"), v);
		break;
	default:
		if (fw_route_parse(v, &r) == 0)
			return xstrdup(fw_route_name(r));
		fw_fail(cause, _("'%s' is not one of: primary, backup, none"),
		    v);
		break;
	}
	return NULL;
}

/* Checks one value by kind; returns its normal form or NULL with *cause. */
static char *
check_value(enum val_kind kind, const char *v, char **cause)
{
	char *norm = NULL;

	switch (kind) {
	case V_TEXT:
		return check_text(v, cause);
	case V_NAME:
		/* The project name's own rule, as the wizard and the store's
		 * load apply it: what import takes, every open takes. */
		if ((norm = check_text(v, cause)) == NULL)
			return NULL;
		free(norm);
		fw_setting_check("name", v, &norm, cause);
		return norm;
	case V_HOST:
		fw_syntax_hostname(v, &norm, cause);
		return norm;
	case V_IP:
		fw_syntax_ip(v, &norm, cause);
		return norm;
	case V_PORT:
		return check_port(v, cause);
	case V_ITEM:
		return check_item(v, cause);
	case V_RELEASE:
		fw_setting_check("imp_release", v, &norm, cause);
		return norm;
	case V_TOPOLOGY:
		fw_syntax_topology(v, &norm, cause);
		return norm;
	case V_TRANSPORT:
	case V_EDITION:
	case V_ROUTE:
	case V_MICROSOFT:
		return check_enum(kind, v, cause);
	case V_CERT:
		break;
	}
	return NULL;
}

/* A checklist fingerprint: SHA-256 as 64 lower-case hex digits. */
static int
is_fingerprint(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && strchr("0123456789abcdef", s[i]) != NULL; i++)
		;
	return n == 64 && i == n;
}

/* "YYYY-MM-DD HH:MM:SS", as the store keeps tick times (UTC). */
static int
is_tick_time(const char *s)
{
	static const char pattern[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	for (i = 0; pattern[i] != '\0'; i++) {
		if (pattern[i] == 'd' ? s[i] < '0' || s[i] > '9' :
		    s[i] != pattern[i])
			return 0;
	}
	return s[i] == '\0' || is_space(s[i]);
}

/* The next blank-separated word of *s: its start, and *len. */
static const char *
next_word(const char **s, size_t *len)
{
	const char *w = *s + strspn(*s, " \t");

	*len = strcspn(w, " \t");
	*s = w + *len;
	return w;
}

static int
word_is(const char *w, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(w, word, len) == 0;
}

/* What follows the id: [FINGERPRINT] [at YYYY-MM-DD HH:MM:SS] [by USER],
 * USER being the rest of the line. */
static int
item_tail(struct parser *p, struct item *it, const char *rest, unsigned no)
{
	const char *w, *at;
	char *cause = NULL;
	size_t len;

	w = next_word(&rest, &len);
	if (len > 0 && is_fingerprint(w, len)) {
		it->fingerprint = xstrndup(w, len);
		w = next_word(&rest, &len);
	}
	if (word_is(w, len, "at")) {
		at = rest + strspn(rest, " \t");
		if (!is_tick_time(at)) {
			perr_add(p, no, _("item: 'at' is not followed by "
			    "the time it was ticked, as YYYY-MM-DD HH:MM:SS "
			    "(UTC)"));
			return -1;
		}
		it->time = xstrndup(at, 19);
		rest = at + 19;
		w = next_word(&rest, &len);
	}
	if (word_is(w, len, "by") && rest[strspn(rest, " \t")] != '\0') {
		rest += strspn(rest, " \t");
		if (fw_syntax_text(rest, &cause) != 0) {
			perr_add(p, no, "item: %s", cause);
			free(cause);
			return -1;
		}
		it->user = xstrdup(rest);
		return 0;
	}
	if (len == 0)
		return 0;
	perr_add(p, no, _("item: '%s' after the id is not a checklist "
	    "fingerprint (64 lower-case hex digits), 'at TIME' or 'by USER'"),
	    w);
	return -1;
}

/* "item = ID ...": the fingerprint is the item's values when it was
 * ticked, so a re-import still tells a changed item; who ticked it and
 * when are the project's, so an export and an import keep them.
 * Duplicates are found later, by sorting (check_items). */
static void
item_add(struct parser *p, const char *v, unsigned no)
{
	struct item it = { NULL, NULL, NULL, NULL, no };
	char *cause = NULL, *word;
	const char *rest = v, *w;
	size_t len;

	if (!within_limit(p, S_DONE, no))
		return;
	w = next_word(&rest, &len);
	word = xstrndup(w, len);
	it.id = check_item(word, &cause);
	free(word);
	if (it.id == NULL) {
		perr_add(p, no, "item: %s", cause);
		free(cause);
		return;
	}
	if (item_tail(p, &it, rest, no) != 0) {
		item_clear(&it);
		return;
	}
	/* Doubling: one more each time copied the whole array per line,
	 * quadratic where realloc cannot grow in place. */
	if (p->n_items == p->cap_items) {
		p->cap_items = p->cap_items > 0 ? p->cap_items * 2 : 64;
		p->items = xreallocarray(p->items, p->cap_items,
		    sizeof *p->items);
	}
	p->items[p->n_items++] = it;
}

/* A certificate from a path relative to the answers file's folder. */
static void
cert_from_path(struct parser *p, const char *key, const char *v,
    struct fw_cert *out, unsigned no)
{
	char *path, *cause = NULL;

	if (v[0] == '/' || p->dir == NULL)
		path = xstrdup(v);
	else
		path = xasprintf("%s/%s", p->dir, v);
	if (fw_cert_load_file(path, out, &cause) != 0) {
		perr_add(p, no, "%s: %s", key, cause);
		free(cause);
	}
	free(path);
}

static void
cert_from_text(struct parser *p, const char *key, const char *pem,
    size_t len, struct fw_cert *out, unsigned no)
{
	char *cause = NULL, *label;

	label = xasprintf(_("the PEM block of %s"), key);
	if (fw_cert_load_mem(pem, len, label, out, &cause) != 0) {
		perr_add(p, no, "%s", cause);
		free(cause);
	}
	free(label);
}

/* A certificate value: heredoc text when given, else a path. */
static void
cert_value(struct parser *p, const char *key, const char *v,
    const char *heredoc, size_t hlen, struct fw_cert *out, unsigned no)
{
	if (heredoc != NULL)
		cert_from_text(p, key, heredoc, hlen, out, no);
	else
		cert_from_path(p, key, v, out, no);
}

/* key = value inside [certificates]; heredoc text (or NULL) already read. */
static void
cert_line(struct parser *p, const char *key, const char *v,
    const char *heredoc, size_t hlen, unsigned no)
{
	enum fw_cert_role role;
	char *all;

	if (fw_cert_role_parse(key, &role) != 0 ||
	    strcmp(fw_cert_role_key(role), key) != 0) {
		all = key_list(&sects[S_CERTIFICATES]);
		perr_add(p, no, _("unknown key '%s' in [certificates]; "
		    "allowed: %s"), key, all);
		free(all);
		return;
	}
	if (p->cert_line[role] != 0) {
		perr_add(p, no, _("'%s' is already set at line %u"), key,
		    p->cert_line[role]);
		return;
	}
	p->cert_line[role] = no;
	cert_value(p, key, v, heredoc, hlen, &p->certs[role], no);
}

static void
entry_value(struct parser *p, const char *key, const char *v,
    const char *heredoc, size_t hlen, unsigned no)
{
	const struct sect_def *sd = &sects[p->cur_sect];
	struct entry *e = &p->ents[p->cur];
	char *cause = NULL, *all, *norm;
	enum fw_cert_role role;
	int k;

	if ((k = find_key(sd, key)) < 0) {
		all = key_list(sd);
		perr_add(p, no, _("unknown key '%s' in [%s]; allowed: %s"),
		    key, sd->name, all);
		free(all);
		return;
	}
	if (e->vline[k] != 0) {
		perr_add(p, no, _("'%s' is already set at line %u in this "
		    "[%s] entry"), key, e->vline[k], sd->name);
		return;
	}
	e->vline[k] = no;
	if (sd->keys[k].kind == V_CERT) {
		cert_value(p, key, v, heredoc, hlen,
		    &e->certs[fw_cert_role_parse(key, &role) == 0 ? role : 0],
		    no);
		return;
	}
	if ((norm = check_value(sd->keys[k].kind, v, &cause)) == NULL) {
		perr_add(p, no, "%s: %s", key, cause);
		free(cause);
		return;
	}
	e->val[k] = norm;
}

static void
keyvalue_line(struct parser *p, const char *key, const char *v,
    const char *heredoc, size_t hlen, unsigned no)
{
	switch (p->cur_sect) {
	case S_NONE:
		perr_add(p, no, _("'%s' comes before any [section] header"),
		    key);
		return;
	case S_IGNORED:
		return;		/* its header was already reported */
	case S_CERTIFICATES:
		cert_line(p, key, v, heredoc, hlen, no);
		return;
	case S_DONE:
		if (strcmp(key, "item") == 0)
			item_add(p, v, no);
		else
			perr_add(p, no, _("unknown key '%s' in [done]; "
			    "allowed: item"), key);
		return;
	default:
		entry_value(p, key, v, heredoc, hlen, no);
		return;
	}
}

/* The text walker: hands out lines, checking length and NUL bytes. */
struct walker {
	const char *text;
	size_t len, pos;
	unsigned no;
};

/* Returns 1 with the next line, 0 at the end. *ok is 0 when the line is
 * too long or holds a NUL byte (already reported). */
static int
next_line(struct parser *p, struct walker *w, struct line *l, int *ok)
{
	const char *s;
	size_t n, left;

	if (w->pos >= w->len)
		return 0;
	s = w->text + w->pos;
	left = w->len - w->pos;
	/* LF, CRLF, or CR alone as old Mac editors end lines. */
	for (n = 0; n < left && s[n] != '\n' && s[n] != '\r'; n++)
		;
	w->pos += n;
	if (n < left && s[n] == '\r' && n + 1 < left && s[n + 1] == '\n')
		w->pos += 2;
	else if (n < left)
		w->pos++;
	l->no = ++w->no;
	l->s = s;
	l->len = n;
	*ok = 1;
	if (n > LINE_MAX_BYTES) {
		perr_add(p, l->no, _("line is longer than 64 KiB"));
		*ok = 0;
	} else if (memchr(s, '\0', n) != NULL) {
		perr_add(p, l->no, _("line holds a NUL byte"));
		*ok = 0;
	}
	return 1;
}

/* Reads the lines after "KEY = <<PEM" up to a line "PEM" into sb.
 * Returns 0 when the end line was found and every line was sound. */
static int
heredoc_read(struct parser *p, struct walker *w, unsigned start,
    struct fw_strbuf *sb)
{
	struct line l;
	const char *s;
	size_t n;
	int ok, sound = 1;

	while (next_line(p, w, &l, &ok)) {
		s = l.s;
		n = l.len;
		trim(&s, &n);
		if (ok && n == strlen(HEREDOC_END) &&
		    memcmp(s, HEREDOC_END, n) == 0)
			return sound ? 0 : -1;
		if (!ok)
			sound = 0;
		else {
			fw_sb_addn(sb, l.s, l.len);
			fw_sb_add(sb, "\n");
		}
	}
	perr_add(p, start, _("'%s' is not closed: no line '%s' follows"),
	    HEREDOC, HEREDOC_END);
	return -1;
}

/* Whether key's value may be a "<<PEM" block: every key of
 * [certificates] (an unknown one is reported after its block), and the
 * certificate keys of the current entry. */
static int
takes_heredoc(const struct parser *p, const char *key)
{
	int k;

	if (p->cur_sect == S_CERTIFICATES)
		return 1;
	if (p->cur_sect < 0)
		return 0;
	k = find_key(&sects[p->cur_sect], key);
	return k >= 0 && sects[p->cur_sect].keys[k].kind == V_CERT;
}

/* One "key = value" line (and its heredoc, if it opens one). */
static void
assignment(struct parser *p, struct walker *w, const struct line *l,
    const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n), *k = s, *v;
	size_t klen, vlen;
	char *key, *val;
	struct fw_strbuf sb = { NULL, 0, 0 };
	int hd = 0, hd_ok = 0;

	if (eq == NULL) {
		perr_add(p, l->no, _("expected 'key = value', a [section] "
		    "header or a # comment"));
		return;
	}
	klen = (size_t)(eq - s);
	v = eq + 1;
	vlen = n - klen - 1;
	trim(&k, &klen);
	trim(&v, &vlen);
	if (!fw_utf8_valid(k, klen)) {
		perr_add(p, l->no, _("line is not valid UTF-8"));
		return;
	}
	key = xstrndup(k, klen);
	val = xstrndup(v, vlen);
	if (takes_heredoc(p, key) && strcmp(val, HEREDOC) == 0) {
		hd = 1;
		fw_sb_init(&sb);
		hd_ok = heredoc_read(p, w, l->no, &sb) == 0;
	}
	if (klen == 0)
		perr_add(p, l->no, _("a line '= %s' has no key"), val);
	else if (!fw_utf8_valid(v, vlen))
		perr_add(p, l->no, _("the value of '%s' is not valid UTF-8"),
		    key);
	else if (vlen == 0)
		perr_add(p, l->no, _("'%s' has no value"), key);
	else if (!hd || hd_ok)
		keyvalue_line(p, key, val, hd ? sb.buf : NULL, sb.len, l->no);
	free(sb.buf);
	free(key);
	free(val);
}

/* UTF-16, as Notepad saves "Unicode": a byte order mark either way, or
 * ASCII with a NUL after (or before) each character. */
static int
is_utf16(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return 1;
	return len >= 4 && ((u[0] != 0 && u[1] == 0 && u[2] != 0 &&
	    u[3] == 0) || (u[0] == 0 && u[1] != 0 && u[2] == 0 && u[3] != 0));
}

static void
parse_lines(struct parser *p, const char *text, size_t len)
{
	struct walker w = { text, len, 0, 0 };
	struct line l;
	const char *s;
	size_t n;
	int ok;

	/* Windows editors start UTF-8 files with a byte order mark. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		w.pos = 3;
	while (next_line(p, &w, &l, &ok)) {
		s = l.s;
		n = l.len;
		trim(&s, &n);
		if (!ok || n == 0 || s[0] == '#')
			continue;
		if (!fw_utf8_valid(s, n) &&
		    (s[0] == '[' || memchr(s, '=', n) == NULL)) {
			perr_add(p, l.no, _("line is not valid UTF-8"));
			continue;
		}
		if (s[0] == '[')
			header_line(p, s, n, l.no);
		else
			assignment(p, &w, &l, s, n);
	}
}

/* --- second pass: the whole file --- */

/* A sorted index of the entries of one section by their naming key. */
struct name_ref {
	const char *name;
	unsigned line;
};

static int
name_ref_cmp(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static struct name_ref *
name_index(struct parser *p, enum sect_id sect, size_t *count)
{
	struct name_ref *idx = xreallocarray(NULL, p->n_ents + 1, sizeof *idx);
	size_t i, n = 0;

	for (i = 0; i < p->n_ents; i++) {
		if (p->ents[i].sect != sect || p->ents[i].val[0] == NULL)
			continue;
		idx[n].name = p->ents[i].val[0];
		idx[n++].line = p->ents[i].vline[0];
	}
	qsort(idx, n, sizeof *idx, name_ref_cmp);
	*count = n;
	return idx;
}

static int
name_known(const struct name_ref *idx, size_t n, const char *name)
{
	struct name_ref key = { name, 0 };
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(idx[mid].name, key.name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(idx[lo].name, name) == 0;
}

static void
check_duplicates(struct parser *p, enum sect_id sect,
    const struct name_ref *idx, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++) {
		if (strcmp(idx[i].name, idx[i - 1].name) == 0)
			perr_add(p, idx[i].line, _("[%s] '%s' is already "
			    "declared at line %u"), sects[sect].name,
			    idx[i].name, idx[i - 1].line);
	}
}

/* The same id twice in [done], found by sorting: a scan per item made
 * 100,000 ids take seconds. */
static void
check_items(struct parser *p)
{
	struct name_ref *idx = xreallocarray(NULL, p->n_items + 1,
	    sizeof *idx);
	size_t i;

	for (i = 0; i < p->n_items; i++) {
		idx[i].name = p->items[i].id;
		idx[i].line = p->items[i].line;
	}
	qsort(idx, p->n_items, sizeof *idx, name_ref_cmp);
	for (i = 1; i < p->n_items; i++) {
		if (strcmp(idx[i].name, idx[i - 1].name) == 0)
			perr_add(p, idx[i].line, _("item '%s' is already "
			    "listed at line %u"), idx[i].name,
			    idx[i - 1].line);
	}
	free(idx);
}

static void
check_required(struct parser *p, const struct entry *e)
{
	const struct sect_def *sd = &sects[e->sect];
	int k;

	for (k = 0; k < KEYS_MAX && sd->keys[k].key != NULL; k++) {
		if (sd->keys[k].required && e->vline[k] == 0)
			perr_add(p, e->line, _("this [%s] entry has no '%s'; "
			    "it is required"), sd->name, sd->keys[k].key);
	}
}

static const struct entry *
deployment_entry(const struct parser *p)
{
	size_t i;

	for (i = 0; i < p->n_ents; i++) {
		if (p->ents[i].sect == S_DEPLOYMENT)
			return &p->ents[i];
	}
	return NULL;
}

static int
is_enterprise(const struct parser *p)
{
	const struct entry *dep = deployment_entry(p);

	return dep != NULL && dep->val[K_DEP_EDITION] != NULL &&
	    strcmp(dep->val[K_DEP_EDITION], "enterprise") == 0;
}

/* References: route_to names a node, domain an OCS domain, pool a pool
 * (and enterprise edition needs one: guide, "For Enterprise Edition,
 * configure static routes on all pools"). */
static void
check_refs(struct parser *p, struct name_ref *idx[S_COUNT], size_t n[S_COUNT])
{
	const struct entry *e;
	int ent = is_enterprise(p);
	size_t i;

	for (i = 0; i < p->n_ents; i++) {
		e = &p->ents[i];
		if (e->sect == S_IMP_DOMAIN && e->val[K_IMPD_ROUTE_TO] != NULL &&
		    !name_known(idx[S_IMP_NODE], n[S_IMP_NODE],
		    e->val[K_IMPD_ROUTE_TO]))
			perr_add(p, e->vline[K_IMPD_ROUTE_TO], _("route_to: "
			    "'%s' is not the fqdn of any [imp_node]"),
			    e->val[K_IMPD_ROUTE_TO]);
		if (e->sect != S_OCS_SERVER)
			continue;
		if (e->val[K_SRV_DOMAIN] != NULL &&
		    !name_known(idx[S_OCS_DOMAIN], n[S_OCS_DOMAIN],
		    e->val[K_SRV_DOMAIN]))
			perr_add(p, e->vline[K_SRV_DOMAIN], _("domain: '%s' is "
			    "not the name of any [ocs_domain]"),
			    e->val[K_SRV_DOMAIN]);
		if (e->val[K_SRV_POOL] != NULL &&
		    !name_known(idx[S_OCS_POOL], n[S_OCS_POOL],
		    e->val[K_SRV_POOL]))
			perr_add(p, e->vline[K_SRV_POOL], _("pool: '%s' is not "
			    "the fqdn of any [ocs_pool]"), e->val[K_SRV_POOL]);
		if (ent && e->vline[K_SRV_POOL] == 0)
			perr_add(p, e->line, _("this [ocs_server] entry has no "
			    "'pool'; with ocs_edition = enterprise every server "
			    "belongs to a declared [ocs_pool]"));
	}
}

static void
check_file(struct parser *p)
{
	struct name_ref *idx[S_COUNT] = { NULL };
	size_t n[S_COUNT] = { 0 }, i;
	int s;

	for (i = 0; i < p->n_ents; i++)
		check_required(p, &p->ents[i]);
	for (s = S_IMP_DOMAIN; s <= S_OCS_SERVER; s++) {
		idx[s] = name_index(p, (enum sect_id)s, &n[s]);
		check_duplicates(p, (enum sect_id)s, idx[s], n[s]);
	}
	check_refs(p, idx, n);
	check_items(p);
	for (s = 0; s < S_COUNT; s++)
		free(idx[s]);
}

/* --- building the deployment from a clean parse --- */

static void
build_settings(struct fw_deployment *d, const struct entry *e)
{
	if (e->val[K_DEP_NAME] != NULL) {
		free(d->name);
		d->name = xstrdup(e->val[K_DEP_NAME]);
	}
	if (e->val[K_DEP_TRANSPORT] != NULL)
		fw_transport_parse(e->val[K_DEP_TRANSPORT], &d->transport);
	if (e->val[K_DEP_EDITION] != NULL)
		fw_edition_parse(e->val[K_DEP_EDITION], &d->edition);
	if (e->val[K_DEP_PEER] != NULL)
		d->peer_auth_port = atoi(e->val[K_DEP_PEER]);
	if (e->val[K_DEP_SERVER] != NULL)
		d->server_auth_port = atoi(e->val[K_DEP_SERVER]);
	if (e->val[K_DEP_NEXT_HOP] != NULL)
		d->next_hop_port = atoi(e->val[K_DEP_NEXT_HOP]);
	if (e->val[K_DEP_MICROSOFT] != NULL)
		fw_setting_apply(d, "microsoft", e->val[K_DEP_MICROSOFT]);
	if (e->val[K_DEP_RELEASE] != NULL)
		fw_setting_apply(d, "imp_release", e->val[K_DEP_RELEASE]);
}

static void
build_host_certs(struct fw_deployment *d, const char *host,
    const struct entry *e)
{
	int r;

	for (r = 0; r < HOST_CERTS; r++) {
		if (e->certs[r].pem != NULL)
			fw_set_host_cert(d, host, (enum fw_cert_role)r,
			    e->certs[r].pem, e->certs[r].source,
			    e->certs[r].sha256);
	}
}

static void
build_entry(struct fw_deployment *d, const struct entry *e)
{
	char *const *v = e->val;
	enum fw_route_role route = FW_ROUTE_PRIMARY;
	struct fw_ocs_domain *od;

	switch (e->sect) {
	case S_DEPLOYMENT:
		build_settings(d, e);
		break;
	case S_IMP_DOMAIN:
		fw_add_imp_domain(d, v[K_IMPD_NAME], v[K_IMPD_ROUTE_TO]);
		break;
	case S_IMP_NODE:
		fw_add_imp_node(d, v[K_NODE_FQDN], v[K_NODE_IP]);
		break;
	case S_OCS_DOMAIN:
		od = fw_add_ocs_domain(d, v[K_OCSD_NAME], v[K_OCSD_DESC]);
		if (v[K_OCSD_MICROSOFT] != NULL)
			fw_microsoft_parse(v[K_OCSD_MICROSOFT], &od->microsoft);
		if (v[K_OCSD_TOPOLOGY] != NULL)
			od->topology = xstrdup(v[K_OCSD_TOPOLOGY]);
		break;
	case S_OCS_POOL:
		fw_add_ocs_pool(d, v[K_POOL_FQDN]);
		build_host_certs(d, v[K_POOL_FQDN], e);
		break;
	case S_OCS_SERVER:
		if (v[K_SRV_ROUTE] != NULL)
			fw_route_parse(v[K_SRV_ROUTE], &route);
		fw_add_ocs_server(d, v[K_SRV_FQDN], v[K_SRV_IP],
		    v[K_SRV_DOMAIN], v[K_SRV_POOL], route);
		build_host_certs(d, v[K_SRV_FQDN], e);
		break;
	default:
		break;
	}
}

static struct fw_deployment *
build(struct parser *p)
{
	struct fw_deployment *d = fw_deployment_new();
	size_t i;

	for (i = 0; i < p->n_ents; i++)
		build_entry(d, &p->ents[i]);
	for (i = 0; i < FW_CERT_COUNT; i++) {
		if (p->certs[i].pem != NULL)
			fw_set_cert(d, (enum fw_cert_role)i, p->certs[i].pem,
			    p->certs[i].source, p->certs[i].sha256);
	}
	/* Who ticked and when, when not given, are the importer's and now,
	 * filled in by the store. */
	for (i = 0; i < p->n_items; i++)
		fw_add_tick(d, p->items[i].id, p->items[i].fingerprint,
		    p->items[i].user, p->items[i].time);
	return d;
}

/* Answers the model never takes together (fw_deployment_refused()), at
 * the line of the transport (or of the [deployment] header). */
static int
refused(struct parser *p, const struct fw_deployment *d)
{
	const struct entry *dep = deployment_entry(p);
	char *cause = NULL;

	if (fw_deployment_refused(d, &cause) == 0)
		return 0;
	perr_add(p, dep == NULL ? 1 : dep->vline[K_DEP_TRANSPORT] ?
	    dep->vline[K_DEP_TRANSPORT] : dep->line, "transport: %s", cause);
	free(cause);
	return 1;
}

static int
id_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The checklist's item ids, sorted; *n of them. Free the array only: the
 * ids are cl's. */
static const char **
checklist_ids(const struct fw_checklist *cl, size_t *n)
{
	const char **ids = NULL;
	size_t g, i;

	*n = 0;
	for (g = 0; g < cl->n_groups; g++) {
		ids = xreallocarray(ids, *n + cl->groups[g].n_items + 1,
		    sizeof *ids);
		for (i = 0; i < cl->groups[g].n_items; i++)
			ids[(*n)++] = cl->groups[g].items[i].id;
	}
	qsort(ids, *n, sizeof *ids, id_cmp);
	return ids;
}

/*
 * Ticks of ids that no item of this deployment's checklist has are kept,
 * as an export carries the ticks of items since gone (a server renamed
 * after its items were ticked) and must import again; but they are named,
 * since a mistyped id would otherwise tick nothing unseen.
 */
static char *
unknown_items(const struct parser *p, const struct fw_deployment *d)
{
	struct fw_checklist *cl;
	struct fw_strbuf sb;
	const char **ids;
	size_t i, n, unknown = 0;

	if (p->n_items == 0)
		return NULL;
	cl = fw_checklist_build(d);
	ids = checklist_ids(cl, &n);
	fw_sb_init(&sb);
	for (i = 0; i < p->n_items; i++) {
		if (bsearch(&p->items[i].id, ids, n, sizeof *ids,
		    id_cmp) != NULL)
			continue;
		if (unknown++ < WARNINGS_MAX)
			fw_sb_printf(&sb, _("%s:%u: item '%s' is not on this "
			    "deployment's checklist; its tick is kept, but "
			    "ticks nothing\n"), p->file, p->items[i].line,
			    p->items[i].id);
	}
	if (unknown > WARNINGS_MAX)
		fw_sb_printf(&sb, _("%s: %zu more items are not on this "
		    "deployment's checklist\n"), p->file,
		    unknown - WARNINGS_MAX);
	free(ids);
	fw_checklist_free(cl);
	if (unknown == 0) {
		free(sb.buf);
		return NULL;
	}
	return fw_sb_steal(&sb);
}

static char *
dir_of(const char *filename)
{
	const char *slash = strrchr(filename, '/');

	if (strcmp(filename, "-") == 0 || slash == NULL)
		return xstrdup(".");
	if (slash == filename)
		return xstrdup("/");
	return xstrndup(filename, (size_t)(slash - filename));
}

int
fw_answers_parse(const char *text, size_t len, const char *filename,
    struct fw_deployment **out, char **errors, char **warnings)
{
	struct parser p;
	int rc = -1;

	*out = NULL;
	*errors = NULL;
	if (warnings != NULL)
		*warnings = NULL;
	memset(&p, 0, sizeof p);
	p.file = filename;
	p.dir = dir_of(filename);
	p.cur_sect = S_NONE;
	if (is_utf16(text, len))
		perr_add(&p, 1, _("UTF-16 is not read; save as UTF-8"));
	else
		parse_lines(&p, text, len);
	check_file(&p);
	if (p.n_errs > 0 || p.n_dropped > 0) {
		*errors = perr_text(&p);
		goto out;
	}
	*out = build(&p);
	if (refused(&p, *out)) {
		fw_deployment_free(*out);
		*out = NULL;
		*errors = perr_text(&p);
		goto out;
	}
	if (warnings != NULL)
		*warnings = unknown_items(&p, *out);
	rc = 0;
out:
	parser_free(&p);
	return rc;
}

/* Standard input, bounded like a file. */
static int
read_stdin(char **out, size_t *len, char **cause)
{
	struct fw_strbuf sb;
	char buf[8192];
	ssize_t n;

	fw_sb_init(&sb);
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(sb.buf);
			return fw_fail(cause, _("standard input: read error: "
			    "%s"), strerror(errno));
		}
		if (n == 0)
			break;
		if (sb.len + (size_t)n > FW_ANSWERS_MAX) {
			free(sb.buf);
			return fw_fail(cause, _("standard input: larger than "
			    "%d bytes"), FW_ANSWERS_MAX);
		}
		fw_sb_addn(&sb, buf, (size_t)n);
	}
	*len = sb.len;
	*out = fw_sb_steal(&sb);
	return 0;
}

int
fw_answers_read(const char *path, struct fw_deployment **out, char **errors,
    char **warnings)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	*errors = NULL;
	if (warnings != NULL)
		*warnings = NULL;
	if (strcmp(path, "-") == 0)
		rc = read_stdin(&text, &len, &cause);
	else
		rc = fw_read_file(path, FW_ANSWERS_MAX, &text, &len, &cause);
	if (rc != 0) {
		*errors = xasprintf("%s\n", cause);
		free(cause);
		return -1;
	}
	rc = fw_answers_parse(text, len, path, out, errors, warnings);
	free(text);
	return rc;
}

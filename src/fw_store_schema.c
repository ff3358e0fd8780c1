#include "config.h"

#include "fw_store_int.h"

#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * A project's schema is checked before anything of it runs: every object
 * SQLite keeps in sqlite_master (table, index, trigger, view) must be one
 * a new project of this version has, and the same. Otherwise a trigger
 * planted in the file ran on import ("after insert on audit: delete from
 * ocs_server"), a view stood in for a table, and a dropped table surfaced
 * as "cannot prepare statement". The expectation is built from the
 * embedded data/schema.sql in a database in memory, so a new schema
 * version changes nothing here. A file of an older version is held to
 * what its upgrade would make of it (tried on a copy of its schema in
 * memory) before it is upgraded, and checked again after.
 *
 * Until its schema passed, a connection runs no trigger and no view
 * (db_harden()): nothing planted can run, during an upgrade either.
 */

extern const char fw_schema_sql[];

struct schema_obj {
	char *type;
	char *name;
	char *tbl;
	char *raw;		/* as SQLite keeps it; NULL for SQLite's own
				 * indexes of UNIQUE and keys */
	char *sql;		/* raw normalised (schema_normalise()) */
};

struct schema {
	struct schema_obj *obj;
	size_t n;
};

static void
schema_free(struct schema *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->obj[i].type);
		free(s->obj[i].name);
		free(s->obj[i].tbl);
		free(s->obj[i].raw);
		free(s->obj[i].sql);
	}
	free(s->obj);
	s->obj = NULL;
	s->n = 0;
}

static int
ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

static void
add_lower(struct fw_strbuf *out, char c)
{
	char l = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;

	fw_sb_addn(out, &l, 1);
}

/* The tokens of sql: comments and white space dropped, identifiers and
 * keywords in lower case and unquoted ("certificate", [certificate] and
 * Certificate are one name to SQLite), string literals as they are. */
static void
tokenise(const char *sql, size_t len, struct fw_strbuf *out, size_t **starts,
    size_t *n)
{
	size_t i = 0, j, cap = 0;
	char close;

	while (i < len) {
		if (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' ||
		    sql[i] == '\r' || sql[i] == '\f' || sql[i] == '\v') {
			i++;
			continue;
		}
		if (i + 1 < len && sql[i] == '-' && sql[i + 1] == '-') {
			while (i < len && sql[i] != '\n')
				i++;
			continue;
		}
		if (i + 1 < len && sql[i] == '/' && sql[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(sql[i] == '*' &&
			    sql[i + 1] == '/'); i++)
				;
			i += 2;
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*starts = xreallocarray(*starts, cap, sizeof **starts);
		}
		(*starts)[(*n)++] = out->len;
		if (sql[i] == '\'') {
			/* A literal ends at a quote not doubled. */
			for (j = i + 1; j < len; j++) {
				if (sql[j] == '\'' && (j + 1 >= len ||
				    sql[j + 1] != '\''))
					break;
				if (sql[j] == '\'')
					j++;
			}
			j = j < len ? j + 1 : len;
			fw_sb_addn(out, sql + i, j - i);
			i = j;
		} else if (sql[i] == '"' || sql[i] == '`' || sql[i] == '[') {
			close = sql[i] == '[' ? ']' : sql[i];
			for (i++; i < len; i++) {
				if (sql[i] == close && (close == ']' ||
				    i + 1 >= len || sql[i + 1] != close))
					break;
				if (sql[i] == close)
					i++;
				add_lower(out, sql[i]);
			}
			i++;
		} else if (ident_char((unsigned char)sql[i])) {
			for (; i < len && ident_char((unsigned char)sql[i]); i++)
				add_lower(out, sql[i]);
		} else {
			fw_sb_addn(out, sql + i, 1);
			i++;
		}
		fw_sb_addn(out, "", 1);
	}
}

/* The length of the DEFAULT value starting at token k: a parenthesised
 * expression, a signed number or one token. */
static size_t
default_len(const char *tok, const size_t *starts, size_t n, size_t k)
{
	size_t depth = 0, m = k;

	if (k >= n)
		return 0;
	if (strcmp(tok + starts[k], "+") == 0 ||
	    strcmp(tok + starts[k], "-") == 0)
		return k + 1 < n ? 2 : 1;
	if (strcmp(tok + starts[k], "(") != 0)
		return 1;
	for (; m < n; m++) {
		if (strcmp(tok + starts[m], "(") == 0)
			depth++;
		else if (strcmp(tok + starts[m], ")") == 0 && --depth == 0)
			break;
	}
	return m < n ? m - k + 1 : n - k;
}

/*
 * sql as one comparable string: its tokens, one space apart. Column
 * defaults are left out: ALTER TABLE ADD COLUMN ... NOT NULL needs one
 * (migrations add columns so) where a new table has none, and a default
 * changes no stored value.
 */
static char *
schema_normalise(const char *sql, size_t len)
{
	struct fw_strbuf tok, out;
	size_t *starts = NULL, n = 0, k;

	fw_sb_init(&tok);
	fw_sb_init(&out);
	tokenise(sql, len, &tok, &starts, &n);
	for (k = 0; k < n; k++) {
		if (strcmp(tok.buf + starts[k], "default") == 0) {
			k += default_len(tok.buf, starts, n, k + 1);
			continue;
		}
		if (out.len > 0)
			fw_sb_add(&out, " ");
		fw_sb_add(&out, tok.buf + starts[k]);
	}
	free(starts);
	free(tok.buf);
	return fw_sb_steal(&out);
}

/* Column i as a new string; -1 when it holds a NUL (text cut short). */
static int
column_copy(sqlite3_stmt *st, int i, char **out)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	size_t len = (size_t)sqlite3_column_bytes(st, i);

	*out = NULL;
	if (s == NULL)
		return 0;
	if (memchr(s, '\0', len) != NULL)
		return -1;
	*out = xstrndup(s, len);
	return 0;
}

/* Every object of db's main schema, in the order they were made. Returns
 * 0, -1 on an SQLite error (db's message), -2 when the schema holds a
 * NUL. */
static int
schema_read(sqlite3 *db, struct schema *s)
{
	sqlite3_stmt *st = NULL;
	struct schema_obj *o;
	int rc;

	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM "
	    "main.sqlite_master ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->obj = xreallocarray(s->obj, s->n + 1, sizeof *s->obj);
		o = &s->obj[s->n++];
		memset(o, 0, sizeof *o);
		if (column_copy(st, 0, &o->type) != 0 ||
		    column_copy(st, 1, &o->name) != 0 ||
		    column_copy(st, 2, &o->tbl) != 0 ||
		    column_copy(st, 3, &o->raw) != 0 || o->type == NULL ||
		    o->name == NULL || o->tbl == NULL) {
			rc = -2;
			break;
		}
		if (o->raw != NULL)
			o->sql = schema_normalise(o->raw, strlen(o->raw));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	schema_free(s);
	return rc == -2 ? -2 : -1;
}

/* Takes what (the difference found) and returns -1. */
static int
altered(struct fw_project *p, char **cause, char *what)
{
	fw_fail(cause, _("%s: damaged or altered project: %s; restore it "
	    "from a backup"), p->path, what);
	free(what);
	return -1;
}

/* A database in memory that SQL of a file cannot lead out of: it can
 * attach no other file and calls no function of consequence. */
static sqlite3 *
scratch_open(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	return db;
}

/* What a new project of this version holds. */
static int
schema_expected(struct schema *s, char **cause)
{
	sqlite3 *db = scratch_open();
	int rc = -1;

	if (db == NULL)
		return fw_fail(cause, _("built-in schema: %s"),
		    _("out of memory"));
	if (sqlite3_exec(db, fw_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    schema_read(db, s) != 0)
		fw_fail(cause, _("built-in schema: %s"), sqlite3_errmsg(db));
	else
		rc = 0;
	sqlite3_close(db);
	return rc;
}

/* Runs one statement of sql text that must hold exactly one. */
static int
exec_one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, &tail) != SQLITE_OK)
		return -1;
	while (tail != NULL && (*tail == ' ' || *tail == '\t' ||
	    *tail == '\n' || *tail == '\r' || *tail == ';'))
		tail++;
	rc = st != NULL && (tail == NULL || *tail == '\0') ?
	    sqlite3_step(st) : SQLITE_MISUSE;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * The schema an older file will have after its upgrade: its objects made
 * again in memory, one CREATE each (SQLite's own tables and indexes come
 * with the tables), and the upgrade's steps run on them. So an older file
 * is held to what its upgrade must give before anything of it changes.
 * On failure, *cause says so.
 */
static int
schema_upgraded(struct fw_project *p, const struct schema *file,
    const char *const *upgrade, size_t steps, struct schema *out,
    char **cause)
{
	sqlite3 *db = scratch_open();
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (db == NULL)
		return fw_fail(cause, _("%s: %s"), p->path, _("out of memory"));
	for (i = 0; i < file->n; i++) {
		if (file->obj[i].raw == NULL ||
		    strncmp(file->obj[i].name, "sqlite_", 7) == 0)
			continue;
		/* No schema before the first with triggers had one or a view:
		 * such an object is planted, and the upgrade must not meet it
		 * (renaming a table rewrites what a trigger names). */
		if (FW_SCHEMA_VERSION - steps < FW_SCHEMA_FIRST_TRIGGERS &&
		    (strcmp(file->obj[i].type, "trigger") == 0 ||
		    strcmp(file->obj[i].type, "view") == 0)) {
			altered(p, cause, xasprintf(_("unexpected %s '%s'"),
			    file->obj[i].type, file->obj[i].name));
			goto out;
		}
		if (exec_one(db, file->obj[i].raw) != 0) {
			altered(p, cause, xasprintf(_("%s '%s' cannot be "
			    "read: %s"), file->obj[i].type, file->obj[i].name,
			    sqlite3_errmsg(db)));
			goto out;
		}
	}
	for (i = 0; i < steps; i++) {
		if (sqlite3_exec(db, upgrade[i], NULL, NULL, NULL) != SQLITE_OK) {
			altered(p, cause, xasprintf(_("its upgrade fails: %s"),
			    sqlite3_errmsg(db)));
			goto out;
		}
	}
	if (schema_read(db, out) != 0)
		fw_fail(cause, _("%s: %s"), p->path, sqlite3_errmsg(db));
	else
		rc = 0;
out:
	sqlite3_close(db);
	return rc;
}

static const struct schema_obj *
schema_find(const struct schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (fw_strcaseeq(s->obj[i].name, name))
			return &s->obj[i];
	}
	return NULL;
}

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Whether the file holds exactly the objects expected. */
static int
schema_compare(struct fw_project *p, const struct schema *file,
    const struct schema *want, char **cause)
{
	const struct schema_obj *f, *w;
	size_t i;

	for (i = 0; i < file->n; i++) {
		f = &file->obj[i];
		w = schema_find(want, f->name);
		if (w == NULL)
			return altered(p, cause, xasprintf(_("unexpected %s "
			    "'%s'"), f->type, f->name));
		if (strcmp(w->type, f->type) != 0)
			return altered(p, cause, xasprintf(_("'%s' is a %s, "
			    "not a %s"), f->name, f->type, w->type));
		if (!fw_strcaseeq(w->tbl, f->tbl) || !same_text(w->sql, f->sql))
			return altered(p, cause, xasprintf(_("%s '%s' differs "
			    "from what fedwiz made"), f->type, f->name));
	}
	for (i = 0; i < want->n; i++) {
		w = &want->obj[i];
		if (schema_find(file, w->name) == NULL)
			return altered(p, cause, xasprintf(_("missing %s '%s'"),
			    w->type, w->name));
	}
	return 0;
}

int
db_verify_schema(struct fw_project *p, const char *const *upgrade,
    size_t steps, char **cause)
{
	struct schema file, want, up;
	int rc;

	rc = schema_read(p->db, &file);
	if (rc == -1)
		return db_read_fail(p, cause);
	if (rc == -2)
		return altered(p, cause, xstrdup(_("its schema holds a NUL "
		    "byte")));
	if (steps > 0) {
		rc = schema_upgraded(p, &file, upgrade, steps, &up, cause);
		schema_free(&file);
		if (rc != 0)
			return -1;
		file = up;
	}
	if (schema_expected(&want, cause) != 0) {
		schema_free(&file);
		return -1;
	}
	rc = schema_compare(p, &file, &want, cause);
	schema_free(&file);
	schema_free(&want);
	if (rc != 0 || steps > 0)
		return rc;
	return db_trust_schema_objects(p, 1, cause);
}

/*
 * Settings of every connection, before its first statement. Defensive:
 * no SQL can corrupt the file on purpose (writable_schema, journal_mode
 * OFF and the like); fedwiz's own SQL needs none of it. No trusted
 * schema: what the schema holds (CHECK, DEFAULT, indexes, views,
 * triggers) may call only SQLite's harmless functions, should anything
 * ever slip past the check. Triggers and views off until the schema is
 * verified. These are settings of the connection: a file cannot set them
 * (there is no persistent PRAGMA trusted_schema).
 */
int
db_harden(struct fw_project *p, char **cause)
{
	if (sqlite3_db_config(p->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
	    SQLITE_OK || sqlite3_db_config(p->db,
	    SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK)
		return db_fail(p, cause, _("cannot open"));
	return db_trust_schema_objects(p, 0, cause);
}

int
db_trust_schema_objects(struct fw_project *p, int on, char **cause)
{
	if (sqlite3_db_config(p->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on,
	    NULL) != SQLITE_OK || sqlite3_db_config(p->db,
	    SQLITE_DBCONFIG_ENABLE_VIEW, on, NULL) != SQLITE_OK)
		return db_fail(p, cause, _("cannot open"));
	return 0;
}

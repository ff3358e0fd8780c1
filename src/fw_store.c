#include "config.h"

#include "fw_store.h"
#include "fw_store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "fw_i18n.h"
#include "fw_util.h"

/*
 * Opening a project: the file's identity, migrations, the lock and the
 * connection; and the statement, transaction and audit helpers that
 * fw_store_rw.c and fw_store_probe.c share (fw_store_int.h).
 */

/* 'FWZ1': tells a fedwiz project from another application's database. */
#define FW_APPLICATION_ID 1180129841
#define SQLITE_HEADER "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000

extern const char fw_schema_sql[];

/*
 * Migrations: entry N-1 turns a version N file into version N+1. Version 1
 * (fedwiz before the audit log) had no audit, confirm or probe table and no
 * fingerprint on certificates. Version 2 had one certificate per role for
 * the whole project and no route 'none': SQLite cannot change a CHECK or
 * a primary key in place, so both tables are built anew under their own
 * names (their text as in data/schema.sql) and the old rows copied; the
 * project's certificates become the project-wide defaults (host '').
 * Its checklist had one cup-trust item, under the publisher; version 3
 * has one per node, so that tick becomes the publisher's (its fingerprint
 * kept: the item shows as changed since done until ticked again).
 * Version 3 had no Microsoft server per OCS domain. Version 4 had no
 * topology: its checklist had the Lync topology's items once per product
 * (ids lync.<product>.*), which are now the default topology's
 * (lync.default.*); where two products' ticks meet in one id, the first
 * kept stays and the other goes, as the merged item is one task.
 */
static const char *const migrations[] = {
	"CREATE TABLE confirm (key TEXT PRIMARY KEY, value TEXT NOT NULL,"
	"  user TEXT NOT NULL, time TEXT NOT NULL);"
	"CREATE TABLE audit (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
	"  user TEXT NOT NULL, what TEXT NOT NULL, old TEXT, new TEXT);"
	"ALTER TABLE certificate ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE probe (host TEXT NOT NULL, port INTEGER NOT NULL,"
	"  kind TEXT NOT NULL, time TEXT NOT NULL, ok INTEGER NOT NULL,"
	"  summary TEXT NOT NULL, detail TEXT, PRIMARY KEY (host, port, kind));",

	"ALTER TABLE ocs_server RENAME TO ocs_server_v2;"
	"CREATE TABLE ocs_server (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tfqdn TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
	"\tip TEXT NOT NULL,\n"
	"\tdomain TEXT NOT NULL REFERENCES ocs_domain (name)\n"
	"\t\tON UPDATE CASCADE ON DELETE RESTRICT,\n"
	"\tpool TEXT REFERENCES ocs_pool (fqdn)\n"
	"\t\tON UPDATE CASCADE ON DELETE SET NULL,\n"
	"\troute TEXT NOT NULL CHECK (route IN ('primary', 'backup', 'none'))\n"
	");"
	"INSERT INTO ocs_server (id, fqdn, ip, domain, pool, route)"
	"  SELECT id, fqdn, ip, domain, pool, route FROM ocs_server_v2;"
	"DROP TABLE ocs_server_v2;"
	"ALTER TABLE certificate RENAME TO certificate_v2;"
	"CREATE TABLE certificate (\n"
	"\trole TEXT NOT NULL\n"
	"\t\tCHECK (role IN ('ocs_ca', 'ocs_cert', 'imp_ca', 'imp_cert')),\n"
	"\thost TEXT NOT NULL DEFAULT '' COLLATE NOCASE,\n"
	"\tpem TEXT NOT NULL,\n"
	"\tsource TEXT,\n"
	"\tsha256 TEXT NOT NULL,\n"
	"\tPRIMARY KEY (role, host),\n"
	"\tCHECK (host = '' OR role IN ('ocs_ca', 'ocs_cert'))\n"
	");"
	"INSERT INTO certificate (role, host, pem, source, sha256)"
	"  SELECT role, '', pem, source, sha256 FROM certificate_v2;"
	"DROP TABLE certificate_v2;"
	"UPDATE tick SET item = 'imp.cuptrust.' ||"
	"  (SELECT fqdn FROM imp_node ORDER BY id LIMIT 1)"
	"  WHERE item = 'imp.cuptrust' AND EXISTS (SELECT 1 FROM imp_node);"
	"CREATE TRIGGER ocs_server_cert_rename AFTER UPDATE OF fqdn ON ocs_server\n"
	"BEGIN\n"
	"\tUPDATE certificate SET host = NEW.fqdn WHERE host = OLD.fqdn;\n"
	"END;"
	"CREATE TRIGGER ocs_server_cert_delete AFTER DELETE ON ocs_server\n"
	"BEGIN\n"
	"\tDELETE FROM certificate WHERE host = OLD.fqdn;\n"
	"END;"
	"CREATE TRIGGER ocs_pool_cert_rename AFTER UPDATE OF fqdn ON ocs_pool\n"
	"BEGIN\n"
	"\tUPDATE certificate SET host = NEW.fqdn WHERE host = OLD.fqdn;\n"
	"END;"
	"CREATE TRIGGER ocs_pool_cert_delete AFTER DELETE ON ocs_pool\n"
	"BEGIN\n"
	"\tDELETE FROM certificate WHERE host = OLD.fqdn;\n"
	"END;",

	/* Version 3 knew OCS 2007 R2 only: its domains inherit the
	 * deployment's Microsoft server, which a file without one reads as
	 * ocs2007r2. */
	"ALTER TABLE ocs_domain ADD COLUMN microsoft TEXT CHECK (microsoft IN"
	"  ('ocs2007r2', 'lync2010', 'lync2013', 'sfb2015', 'sfb2019',"
	"  'sfbse'));",

	"ALTER TABLE ocs_domain ADD COLUMN topology TEXT CHECK (topology IS NULL"
	"  OR (length(topology) BETWEEN 1 AND 32 AND"
	"  topology NOT GLOB '*[^a-z0-9_-]*'));"
	"UPDATE OR IGNORE tick SET item = 'lync.default.' ||"
	"  substr(item, instr(substr(item, 6), '.') + 6)"
	"  WHERE item GLOB 'lync.lync2010.*' OR item GLOB 'lync.lync2013.*'"
	"  OR item GLOB 'lync.sfb2015.*' OR item GLOB 'lync.sfb2019.*'"
	"  OR item GLOB 'lync.sfbse.*';"
	"DELETE FROM tick"
	"  WHERE item GLOB 'lync.lync2010.*' OR item GLOB 'lync.lync2013.*'"
	"  OR item GLOB 'lync.sfb2015.*' OR item GLOB 'lync.sfb2019.*'"
	"  OR item GLOB 'lync.sfbse.*';",
};

/* Filesystems where SQLite's WAL is unsafe: its shared memory only works
 * among processes of one host (SQLite, "Write-Ahead Logging", 2.1). */
static const unsigned long network_fs_magic[] = {
	0x6969,		/* NFS */
	0x517B,		/* SMB */
	0xFF534D42,	/* CIFS */
	0xFE534D42,	/* SMB2 */
	0x65735546,	/* FUSE (sshfs and friends) */
	0x564c,		/* NCP */
	0x47504653,	/* GPFS */
	0x0BD00BD0,	/* Lustre */
	0x6B414653,	/* AFS */
};

static int
on_network_fs(const char *path)
{
	char *copy = xstrdup(path);
	struct statfs sfs;
	size_t i;
	int rc = 0;

	if (statfs(dirname(copy), &sfs) == 0) {
		for (i = 0; i < sizeof network_fs_magic / sizeof network_fs_magic[0]; i++) {
			if ((unsigned long)sfs.f_type == network_fs_magic[i])
				rc = 1;
		}
	}
	free(copy);
	return rc;
}

int
db_fail(struct fw_project *p, char **cause, const char *what)
{
	return fw_fail(cause, _("%s: %s: %s"), p->path, what,
	    sqlite3_errmsg(p->db));
}

/* Binds arguments described by types to st's parameters. */
static int
db_bind_v(struct fw_project *p, sqlite3_stmt *st, const char *types,
    va_list ap, char **cause)
{
	const char *s;
	int i, n, rc = SQLITE_OK;

	n = sqlite3_bind_parameter_count(st);
	for (i = 0; types[i] != '\0' && rc == SQLITE_OK; i++) {
		/* Arguments past the statement's last parameter are read and
		 * dropped, so one argument list serves INSERT and UPDATE. */
		if (i >= n) {
			if (types[i] == 'I')
				(void)va_arg(ap, int64_t);
			else if (types[i] == 'i')
				(void)va_arg(ap, int);
			else
				(void)va_arg(ap, const char *);
			continue;
		}
		switch (types[i]) {
		case 's':
			s = va_arg(ap, const char *);
			rc = s != NULL ?
			    sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT) :
			    sqlite3_bind_null(st, i + 1);
			break;
		case 'i':
			rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
			break;
		default:
			abort();
		}
	}
	if (rc != SQLITE_OK)
		return db_fail(p, cause, _("cannot bind value"));
	return 0;
}

sqlite3_stmt *
db_prepare_v(struct fw_project *p, const char *sql, const char *types,
    va_list ap, char **cause)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(p, cause, _("cannot prepare statement"));
		return NULL;
	}
	if (db_bind_v(p, st, types, ap, cause) != 0) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *
db_prepare(struct fw_project *p, char **cause, const char *sql,
    const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;

	va_start(ap, types);
	st = db_prepare_v(p, sql, types, ap, cause);
	va_end(ap);
	return st;
}

/* The connection's prepared statement for sql, compiled on first use. A
 * full cache gives up its slots in turn. Keyed by the text, not the
 * pointer, so equal SQL from two places shares one statement and a
 * freed string can never name another's. */
static sqlite3_stmt *
db_cached(struct fw_project *p, const char *sql, char **cause)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < DB_STMT_CACHE && p->cache[i] != NULL; i++) {
		if (strcmp(sqlite3_sql(p->cache[i]), sql) == 0)
			return p->cache[i];
	}
	if (sqlite3_prepare_v3(p->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK) {
		db_fail(p, cause, _("cannot prepare statement"));
		return NULL;
	}
	if (i == DB_STMT_CACHE) {
		i = p->cache_next;
		p->cache_next = (i + 1) % DB_STMT_CACHE;
		sqlite3_finalize(p->cache[i]);
	}
	p->cache[i] = st;
	return st;
}

/* db_exec with a va_list: the cached statement, bound, run, reset. */
static int
db_exec_v(struct fw_project *p, char **cause, const char *sql,
    const char *types, va_list ap)
{
	sqlite3_stmt *st = db_cached(p, sql, cause);
	int rc;

	if (st == NULL)
		return -1;
	rc = db_bind_v(p, st, types, ap, cause);
	if (rc == 0) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = 0;
		else
			rc = db_fail(p, cause, _("cannot save"));
	}
	/* Ready for the next use, holding no copy of the values. */
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

int
db_exec(struct fw_project *p, char **cause, const char *sql,
    const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = db_exec_v(p, cause, sql, types, ap);
	va_end(ap);
	return rc;
}

int
db_exec_plain(struct fw_project *p, const char *sql, char **cause)
{
	char *err = NULL;

	if (sqlite3_exec(p->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fw_fail(cause, _("%s: %s"), p->path,
		    err ? err : sqlite3_errmsg(p->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int
pragma_int(struct fw_project *p, const char *pragma, int *out, char **cause)
{
	sqlite3_stmt *st = db_prepare(p, cause, pragma, "");
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_fail(p, cause, _("cannot read"));
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static void
notice(struct fw_project *p, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->notices.len > 0)
		fw_sb_add(&p->notices, "\n");
	fw_sb_add(&p->notices, s);
	free(s);
}

/* Looks at the file before SQLite does, so nothing that is not ours is
 * ever opened for writing. Returns 1 when it exists, 0 when it does not. */
static int
precheck_file(const char *path, char **cause)
{
	char header[16];
	struct stat st;
	ssize_t n;
	int fd;

	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		return fw_fail(cause, _("%s: %s"), path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return fw_fail(cause, _("%s: is a directory, not a fedwiz "
		    "project"), path);
	if (!S_ISREG(st.st_mode))
		return fw_fail(cause, _("%s: not a regular file, not a fedwiz "
		    "project"), path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fw_fail(cause, _("%s: cannot open: %s"), path,
		    strerror(errno));
	n = read(fd, header, sizeof header);
	close(fd);
	if (n != (ssize_t)sizeof header ||
	    memcmp(header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
		return fw_fail(cause, _("%s: not a fedwiz project (not an "
		    "SQLite database)"), path);
	return 1;
}

/* Why the first read failed: a file SQLite cannot make sense of is not a
 * project (or a damaged one); anything else is the system's error, told as
 * such ("No space left on device", not "disk I/O error"). */
int
db_read_fail(struct fw_project *p, char **cause)
{
	int err = sqlite3_system_errno(p->db);

	switch (sqlite3_errcode(p->db)) {
	case SQLITE_NOTADB:
		return fw_fail(cause, _("%s: not a fedwiz project (%s)"),
		    p->path, sqlite3_errmsg(p->db));
	case SQLITE_CORRUPT:
		return fw_fail(cause, _("%s: damaged project file (%s); "
		    "restore it from a backup"), p->path,
		    sqlite3_errmsg(p->db));
	default:
		return fw_fail(cause, _("%s: cannot read: %s"), p->path,
		    err != 0 ? strerror(err) : sqlite3_errmsg(p->db));
	}
}

static int
check_identity(struct fw_project *p, int *version, char **cause)
{
	int app;

	if (pragma_int(p, "PRAGMA application_id", &app, NULL) != 0)
		return db_read_fail(p, cause);
	if (app != FW_APPLICATION_ID)
		return fw_fail(cause, _("%s: not a fedwiz project (an SQLite "
		    "database of another application)"), p->path);
	if (pragma_int(p, "PRAGMA user_version", version, cause) != 0)
		return -1;
	if (*version > FW_SCHEMA_VERSION)
		return fw_fail(cause, _("%s: written by a newer fedwiz (schema "
		    "%d; this one knows up to %d); left untouched"), p->path,
		    *version, FW_SCHEMA_VERSION);
	if (*version < 1)
		return fw_fail(cause, _("%s: damaged fedwiz project (no schema "
		    "version)"), p->path);
	return 0;
}

static int
backup_to(struct fw_project *p, const char *dest, char **cause)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int fd, rc = -1;

	fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return fw_fail(cause, _("%s: cannot create backup: %s"), dest,
		    strerror(errno));
	fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open(dest, &out) != SQLITE_OK)
		goto fail;
	b = sqlite3_backup_init(out, "main", p->db, "main");
	if (b == NULL)
		goto fail;
	sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		goto fail;
	rc = 0;
	goto out;
fail:
	fw_fail(cause, _("%s: cannot write backup: %s"), dest,
	    out ? sqlite3_errmsg(out) : _("out of memory"));
out:
	sqlite3_close(out);
	return rc;
}

static int
migrate(struct fw_project *p, int version, char **cause)
{
	char *bak, *sql;
	int v;

	if (version == FW_SCHEMA_VERSION)
		return 0;
	bak = xasprintf("%s.bak-v%d", p->path, version);
	if (backup_to(p, bak, cause) != 0) {
		free(bak);
		return -1;
	}
	if (db_exec_plain(p, "BEGIN IMMEDIATE", cause) != 0)
		goto fail;
	for (v = version; v < FW_SCHEMA_VERSION; v++) {
		if (db_exec_plain(p, migrations[v - 1], cause) != 0)
			goto rollback;
	}
	/* Before the commit: an upgrade that does not end in this version's
	 * schema (tables of the old file changed by hand) is not kept. */
	if (db_verify_schema(p, NULL, 0, cause) != 0)
		goto rollback;
	sql = xasprintf("PRAGMA user_version = %d", FW_SCHEMA_VERSION);
	v = db_exec_plain(p, sql, cause);
	free(sql);
	if (v != 0 || db_exec_plain(p, "COMMIT", cause) != 0)
		goto rollback;
	notice(p, _("%s: upgraded from schema %d to %d; the old file is kept "
	    "as %s"), p->path, version, FW_SCHEMA_VERSION, bak);
	free(bak);
	return 0;
rollback:
	db_exec_plain(p, "ROLLBACK", NULL);
	/* Not upgraded: nothing to go back to. */
	unlink(bak);
fail:
	free(bak);
	return -1;
}

static int
create_schema(struct fw_project *p, char **cause)
{
	char *sql;
	int rc;

	if (db_exec_plain(p, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	sql = xasprintf("%s\nPRAGMA application_id = %d;\n"
	    "PRAGMA user_version = %d;\n", fw_schema_sql, FW_APPLICATION_ID,
	    FW_SCHEMA_VERSION);
	rc = db_exec_plain(p, sql, cause);
	free(sql);
	if (rc != 0 || db_exec_plain(p, "COMMIT", cause) != 0) {
		db_exec_plain(p, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

/* A new file is made by us, 0600 whatever the umask, before SQLite opens
 * it; O_EXCL so we never adopt a file someone else just made. Messages
 * name the project (shown), not the hidden file. */
static int
create_file(const char *path, const char *shown, char **cause)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return fw_fail(cause, _("%s: cannot create: %s"), shown,
		    strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		fw_fail(cause, _("%s: cannot set mode 0600: %s"), shown,
		    strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
}

/* Makes a link's new name durable: fsync of the folder holding path. */
static void
sync_folder(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/* Renames from to the new name to, failing when to exists. Where the
 * filesystem cannot rename without replacing (NFS), link() does the same,
 * and the caller's unlink(from) follows a moment later. */
static int
rename_new(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	return link(from, to);
}

/*
 * A new project appears whole or not at all: its schema is committed
 * under a hidden name beside it (".NAME.creating"), which is then renamed
 * to the real name, failing rather than replacing when the name was
 * taken meanwhile. Made in place, a kill before the schema's commit left
 * an empty file under the project's name that every later open refused
 * as "not a fedwiz project", init included. A kill here leaves only the
 * hidden file, which the next creation (under the lock, so it is nobody
 * else's) clears.
 */
static int
create_project_file(struct fw_project *p, char **cause)
{
	const char *base = strrchr(p->path, '/');
	char *tmp, *journal;
	int rc = -1;

	tmp = base != NULL ? xasprintf("%.*s/.%s.creating",
	    (int)(base - p->path), p->path, base + 1) :
	    xasprintf(".%s.creating", p->path);
	journal = xasprintf("%s-journal", tmp);
	unlink(tmp);
	unlink(journal);
	if (create_file(tmp, p->path, cause) != 0)
		goto out;
	if (sqlite3_open_v2(tmp, &p->db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		db_fail(p, cause, _("cannot open"));
		goto out;
	}
	if (create_schema(p, cause) != 0)
		goto out;
	if (sqlite3_close(p->db) != SQLITE_OK) {
		fw_fail(cause, _("%s: cannot create: %s"), p->path,
		    sqlite3_errmsg(p->db));
		goto out;
	}
	p->db = NULL;
	if (rename_new(tmp, p->path) != 0) {
		fw_fail(cause, _("%s: cannot create: %s"), p->path,
		    strerror(errno));
		goto out;
	}
	sync_folder(p->path);
	rc = 0;
out:
	sqlite3_close(p->db);
	p->db = NULL;
	unlink(tmp);
	unlink(journal);
	free(journal);
	free(tmp);
	return rc;
}

static int
take_lock(struct fw_project *p, struct fw_lock_holder *holder, char **cause)
{
	struct fw_lock_holder h;

	switch (fw_lock_acquire(p->path, &p->lock, &h, cause)) {
	case FW_LOCK_TAKEN:
		return FW_EXIT_OK;
	case FW_LOCK_TAKEN_STALE:
		notice(p, _("%s: took over a stale lock left by %s on %s "
		    "(PID %ld, since %s)"), p->path, h.user, h.host, h.pid,
		    h.since);
		return FW_EXIT_OK;
	case FW_LOCK_BUSY:
		if (holder != NULL)
			*holder = h;
		fw_fail(cause, _("%s: in use by %s on %s (PID %ld, since %s)"),
		    p->path, h.user, h.host, h.pid, h.since);
		return FW_EXIT_LOCKED;
	case FW_LOCK_UNREADABLE:
	case FW_LOCK_ERROR:
	default:
		return FW_EXIT_USAGE;
	}
}

static int
configure_connection(struct fw_project *p, char **cause)
{
	sqlite3_busy_timeout(p->db, BUSY_TIMEOUT_MS);
	if (db_exec_plain(p, "PRAGMA foreign_keys = ON", cause) != 0)
		return -1;
	if (p->read_only)
		return db_exec_plain(p, "PRAGMA query_only = 1", cause);
	if (on_network_fs(p->path)) {
		notice(p, _("%s is on a network filesystem: using rollback "
		    "journal instead of WAL, which needs one host"), p->path);
		if (db_exec_plain(p, "PRAGMA journal_mode = DELETE",
		    cause) != 0)
			return -1;
	} else if (db_exec_plain(p, "PRAGMA journal_mode = WAL", cause) != 0) {
		return -1;
	}
	/* Each edit must survive a power cut, not only a crash. */
	return db_exec_plain(p, "PRAGMA synchronous = FULL", cause);
}

static int
file_exists(const char *path, const char *suffix)
{
	char *name = xasprintf("%s%s", path, suffix);
	struct stat st;
	int rc = lstat(name, &st) == 0;

	free(name);
	return rc;
}

static int
dir_writable(const char *path)
{
	char *copy = xstrdup(path);
	int rc = access(dirname(copy), W_OK) == 0;

	free(copy);
	return rc;
}

/* SQLite makes FILE-wal and FILE-shm the moment it reads a WAL database,
 * even read-only. When the open is refused and we made them (no other
 * process has written to the WAL), they go again: a refused file is left
 * as it was found. */
static void
remove_our_wal(const char *path)
{
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	struct stat st;

	if (lstat(wal, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		unlink(wal);
		unlink(shm);
	}
	free(wal);
	free(shm);
}

static int
lock_exists(const char *path)
{
	char *lock = fw_lock_path(path);
	struct stat st;
	int rc = lstat(lock, &st) == 0;

	free(lock);
	return rc;
}

/* "file:" URI of path with immutable=1 (characters outside the URI's
 * unreserved set percent-encoded), for SQLITE_OPEN_URI. */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct fw_strbuf sb;
	const unsigned char *c;

	fw_sb_init(&sb);
	fw_sb_add(&sb, "file:");
	for (c = (const unsigned char *)path; *c != '\0'; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("/-._~", *c) != NULL) {
			fw_sb_addn(&sb, (const char *)c, 1);
		} else {
			char e[3] = { '%', hex[*c >> 4], hex[*c & 15] };

			fw_sb_addn(&sb, e, 3);
		}
	}
	fw_sb_add(&sb, "?immutable=1");
	return fw_sb_steal(&sb);
}

/* Opens the SQLite handle. A read-only open of a file in a folder nobody
 * here can write to, with no WAL beside it, cannot make the WAL index
 * SQLite wants; no writer can exist there either, so the file is read as
 * immutable. */
static int
open_db(struct fw_project *p, int had_wal, char **cause)
{
	char *uri;
	int rc;

	if (!p->read_only) {
		if (access(p->path, W_OK) != 0)
			return fw_fail(cause, _("%s: cannot write: %s"),
			    p->path, strerror(errno));
		rc = sqlite3_open_v2(p->path, &p->db, SQLITE_OPEN_READWRITE,
		    NULL);
	} else if (!had_wal && !dir_writable(p->path)) {
		uri = immutable_uri(p->path);
		rc = sqlite3_open_v2(uri, &p->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI, NULL);
		free(uri);
	} else if (access(p->path, W_OK) == 0) {
		/* Read-write with query_only set (configure_connection): only
		 * then can SQLite remove the -wal and -shm files when the last
		 * connection closes. */
		rc = sqlite3_open_v2(p->path, &p->db, SQLITE_OPEN_READWRITE,
		    NULL);
	} else {
		rc = sqlite3_open_v2(p->path, &p->db, SQLITE_OPEN_READONLY,
		    NULL);
	}
	if (rc != SQLITE_OK)
		return db_fail(p, cause, _("cannot open"));
	return 0;
}

int
fw_project_open(const char *path, unsigned flags, struct fw_project **out,
    struct fw_lock_holder *holder, char **cause)
{
	struct fw_project *p;
	int exists, created = 0, version = 0, rc = FW_EXIT_USAGE, had_wal = 1;

	*out = NULL;
	exists = precheck_file(path, cause);
	if (exists < 0)
		return FW_EXIT_USAGE;
	if (exists && (flags & FW_OPEN_CREATE) && (flags & FW_OPEN_EXCL)) {
		fw_fail(cause, _("%s: already exists; use 'fedwiz import' to "
		    "replace its answers"), path);
		return FW_EXIT_USAGE;
	}
	if (!exists && !(flags & FW_OPEN_CREATE)) {
		fw_fail(cause, _("%s: no such project"), path);
		return FW_EXIT_USAGE;
	}

	p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->read_only = (flags & FW_OPEN_READ_ONLY) != 0;
	p->had_wal = 1;
	fw_sb_init(&p->notices);
	if (!p->read_only && (rc = take_lock(p, holder, cause)) != FW_EXIT_OK)
		goto fail;
	rc = FW_EXIT_USAGE;
	if (!exists) {
		if (create_project_file(p, cause) != 0)
			goto fail;
		created = 1;
	}
	had_wal = file_exists(path, "-wal") || file_exists(path, "-shm");
	p->had_wal = had_wal;
	if (open_db(p, had_wal, cause) != 0 || db_harden(p, cause) != 0 ||
	    check_identity(p, &version, cause) != 0 ||
	    db_verify_schema(p, migrations + version - 1,
	    (size_t)(FW_SCHEMA_VERSION - version), cause) != 0)
		goto fail;
	if (configure_connection(p, cause) != 0)
		goto fail;
	if (!created && !p->read_only && migrate(p, version, cause) != 0)
		goto fail;
	if (!created && p->read_only && version != FW_SCHEMA_VERSION) {
		fw_fail(cause, _("%s: schema %d needs an upgrade; open it once "
		    "without --read-only"), path, version);
		goto fail;
	}
	*out = p;
	return FW_EXIT_OK;
fail:
	db_close(p);
	if (created)
		unlink(path);
	if (!had_wal)
		remove_our_wal(path);
	fw_project_close(p);
	return rc;
}

void
db_close(struct fw_project *p)
{
	size_t i;

	for (i = 0; i < DB_STMT_CACHE; i++) {
		sqlite3_finalize(p->cache[i]);
		p->cache[i] = NULL;
	}
	sqlite3_close(p->db);
	p->db = NULL;
}

void
fw_project_close(struct fw_project *p)
{
	if (p == NULL)
		return;
	db_close(p);
	/* A reader that found no WAL and no writer leaves none behind, even
	 * when SQLite could not remove it (a damaged file). */
	if (p->read_only && !p->had_wal && !lock_exists(p->path))
		remove_our_wal(p->path);
	fw_lock_release(p->lock);
	free(p->notices.buf);
	free(p->path);
	free(p);
}

const char *
fw_project_path(const struct fw_project *p)
{
	return p->path;
}

int
fw_project_read_only(const struct fw_project *p)
{
	return p->read_only;
}

const char *
fw_project_notices(const struct fw_project *p)
{
	return p->notices.len > 0 ? p->notices.buf : NULL;
}

/* ---- transactions and the audit log ---- */

int
db_begin(struct fw_project *p, char **cause)
{
	if (p->read_only)
		return fw_fail(cause, _("%s: opened read-only; nothing can be "
		    "changed"), p->path);
	return db_exec(p, cause, "BEGIN IMMEDIATE", "");
}

int
db_commit(struct fw_project *p, char **cause)
{
	if (db_exec(p, cause, "COMMIT", "") != 0)
		return db_rollback(p);
	return 0;
}

int
db_rollback(struct fw_project *p)
{
	db_exec(p, NULL, "ROLLBACK", "");
	return -1;
}

int
db_audit(struct fw_project *p, const char *what, const char *old,
    const char *new, char **cause)
{
	char now[32];

	fw_now_utc(now, sizeof now);
	return db_exec(p, cause, "INSERT INTO audit (time, user, what, old, "
	    "new) VALUES (?, ?, ?, ?, ?)", "sssss", now, fw_user_name(), what,
	    old, new);
}

/* The text of one row, for the audit log. */
char *
db_row_text(struct fw_project *p, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_prepare(p, NULL, sql, "I", id);
	struct fw_strbuf sb;
	int i, n;

	if (st == NULL)
		return NULL;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	fw_sb_init(&sb);
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++) {
		const unsigned char *v = sqlite3_column_text(st, i);

		fw_sb_printf(&sb, "%s%s=%s", i ? " " : "",
		    sqlite3_column_name(st, i), v ? (const char *)v : "");
	}
	sqlite3_finalize(st);
	return fw_sb_steal(&sb);
}

const char *
db_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
db_step(struct fw_project *p, sqlite3_stmt *st, char **cause)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(p, cause, _("cannot read"));
}

/* One statement plus its audit row, in one transaction. */
int
db_write_one(struct fw_project *p, const char *what, const char *new,
    char **cause, const char *sql, const char *types, ...)
{
	va_list ap;
	int r;

	if (db_begin(p, cause) != 0)
		return -1;
	va_start(ap, types);
	r = db_exec_v(p, cause, sql, types, ap);
	va_end(ap);
	if (r != 0 || db_audit(p, what, NULL, new, cause) != 0)
		return db_rollback(p);
	return db_commit(p, cause);
}

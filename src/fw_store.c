#include "config.h"

#include "fw_store.h"

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
#include "fw_syntax.h"
#include "fw_util.h"

/* 'FWZ1': tells a fedwiz project from another application's database. */
#define FW_APPLICATION_ID 1180129841
#define SQLITE_HEADER "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000

extern const char fw_schema_sql[];

struct fw_project {
	sqlite3 *db;
	char *path;
	struct fw_lock *lock;
	int read_only;
	int had_wal;		/* FILE-wal or -shm existed before we opened */
	struct fw_strbuf notices;
};

/*
 * Migrations: entry N-1 turns a version N file into version N+1. Version 1
 * (fedwiz before the audit log) had no audit, confirm or probe table and no
 * fingerprint on certificates.
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

static int
db_fail(struct fw_project *p, char **cause, const char *what)
{
	return fw_fail(cause, _("%s: %s: %s"), p->path, what,
	    sqlite3_errmsg(p->db));
}

/*
 * Prepares sql and binds arguments described by types: 's' text (NULL
 * binds NULL), 'i' int, 'I' int64. Returns NULL with *cause on failure.
 */
static sqlite3_stmt *
prepare_v(struct fw_project *p, const char *sql, const char *types,
    va_list ap, char **cause)
{
	sqlite3_stmt *st = NULL;
	const char *s;
	int i, n, rc = SQLITE_OK;

	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(p, cause, _("cannot prepare statement"));
		return NULL;
	}
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
	if (rc != SQLITE_OK) {
		db_fail(p, cause, _("cannot bind value"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static sqlite3_stmt *
prepare(struct fw_project *p, char **cause, const char *sql,
    const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;

	va_start(ap, types);
	st = prepare_v(p, sql, types, ap, cause);
	va_end(ap);
	return st;
}

/* Runs a statement that returns no rows. */
static int
exec_bind(struct fw_project *p, char **cause, const char *sql,
    const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, types);
	st = prepare_v(p, sql, types, ap, cause);
	va_end(ap);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(p, cause, _("cannot save"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static int
exec_plain(struct fw_project *p, const char *sql, char **cause)
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
	sqlite3_stmt *st = prepare(p, cause, pragma, "");
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
static int
read_fail(struct fw_project *p, char **cause)
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
		return read_fail(p, cause);
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
	if (exec_plain(p, "BEGIN IMMEDIATE", cause) != 0)
		goto fail;
	for (v = version; v < FW_SCHEMA_VERSION; v++) {
		if (exec_plain(p, migrations[v - 1], cause) != 0)
			goto rollback;
	}
	sql = xasprintf("PRAGMA user_version = %d", FW_SCHEMA_VERSION);
	v = exec_plain(p, sql, cause);
	free(sql);
	if (v != 0 || exec_plain(p, "COMMIT", cause) != 0)
		goto rollback;
	notice(p, _("%s: upgraded from schema %d to %d; the old file is kept "
	    "as %s"), p->path, version, FW_SCHEMA_VERSION, bak);
	free(bak);
	return 0;
rollback:
	exec_plain(p, "ROLLBACK", NULL);
fail:
	free(bak);
	return -1;
}

static int
create_schema(struct fw_project *p, char **cause)
{
	char *sql;
	int rc;

	if (exec_plain(p, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	sql = xasprintf("%s\nPRAGMA application_id = %d;\n"
	    "PRAGMA user_version = %d;\n", fw_schema_sql, FW_APPLICATION_ID,
	    FW_SCHEMA_VERSION);
	rc = exec_plain(p, sql, cause);
	free(sql);
	if (rc != 0 || exec_plain(p, "COMMIT", cause) != 0) {
		exec_plain(p, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

/* A new file is made by us, 0600 whatever the umask, before SQLite opens
 * it; O_EXCL so we never adopt a file someone else just made. */
static int
create_file(const char *path, char **cause)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return fw_fail(cause, _("%s: cannot create: %s"), path,
		    strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		fw_fail(cause, _("%s: cannot set mode 0600: %s"), path,
		    strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
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
	case FW_LOCK_ERROR:
	default:
		return FW_EXIT_USAGE;
	}
}

static int
configure_connection(struct fw_project *p, char **cause)
{
	sqlite3_busy_timeout(p->db, BUSY_TIMEOUT_MS);
	if (exec_plain(p, "PRAGMA foreign_keys = ON", cause) != 0)
		return -1;
	if (p->read_only)
		return exec_plain(p, "PRAGMA query_only = 1", cause);
	if (on_network_fs(p->path)) {
		notice(p, _("%s is on a network filesystem: using rollback "
		    "journal instead of WAL, which needs one host"), p->path);
		if (exec_plain(p, "PRAGMA journal_mode = DELETE", cause) != 0)
			return -1;
	} else if (exec_plain(p, "PRAGMA journal_mode = WAL", cause) != 0) {
		return -1;
	}
	/* Each edit must survive a power cut, not only a crash. */
	return exec_plain(p, "PRAGMA synchronous = FULL", cause);
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
		if (create_file(path, cause) != 0)
			goto fail;
		created = 1;
	}
	had_wal = file_exists(path, "-wal") || file_exists(path, "-shm");
	p->had_wal = had_wal;
	if (open_db(p, had_wal, cause) != 0)
		goto fail;
	if (created) {
		if (create_schema(p, cause) != 0)
			goto fail;
	} else if (check_identity(p, &version, cause) != 0) {
		goto fail;
	}
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
	sqlite3_close(p->db);
	p->db = NULL;
	if (created)
		unlink(path);
	if (!had_wal)
		remove_our_wal(path);
	fw_project_close(p);
	return rc;
}

void
fw_project_close(struct fw_project *p)
{
	if (p == NULL)
		return;
	sqlite3_close(p->db);
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

static int
begin(struct fw_project *p, char **cause)
{
	if (p->read_only)
		return fw_fail(cause, _("%s: opened read-only; nothing can be "
		    "changed"), p->path);
	return exec_plain(p, "BEGIN IMMEDIATE", cause);
}

static int
commit(struct fw_project *p, char **cause)
{
	if (exec_plain(p, "COMMIT", cause) != 0) {
		exec_plain(p, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

static int
rollback(struct fw_project *p)
{
	exec_plain(p, "ROLLBACK", NULL);
	return -1;
}

static int
audit(struct fw_project *p, const char *what, const char *old,
    const char *new, char **cause)
{
	char now[32];

	fw_now_utc(now, sizeof now);
	return exec_bind(p, cause, "INSERT INTO audit (time, user, what, old, "
	    "new) VALUES (?, ?, ?, ?, ?)", "sssss", now, fw_user_name(), what,
	    old, new);
}

/* The text of one row, for the audit log. */
static char *
row_text(struct fw_project *p, const char *sql, int64_t id)
{
	sqlite3_stmt *st = prepare(p, NULL, sql, "I", id);
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

/* ---- reading ---- */

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int
step_rows(struct fw_project *p, sqlite3_stmt *st, char **cause)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(p, cause, _("cannot read"));
}

static int
load_settings(struct fw_project *p, struct fw_deployment *d, char **cause)
{
	sqlite3_stmt *st = prepare(p, cause, "SELECT key, value FROM setting",
	    "");
	const char *k, *v;
	int r;

	if (st == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1) {
		k = col_text(st, 0);
		v = col_text(st, 1);
		if (strcmp(k, "name") == 0) {
			free(d->name);
			d->name = xstrdup(v);
		} else if (strcmp(k, "transport") == 0) {
			fw_transport_parse(v, &d->transport);
		} else if (strcmp(k, "ocs_edition") == 0) {
			fw_edition_parse(v, &d->edition);
		} else if (strcmp(k, "peer_auth_port") == 0) {
			d->peer_auth_port = atoi(v);
		} else if (strcmp(k, "server_auth_port") == 0) {
			d->server_auth_port = atoi(v);
		} else if (strcmp(k, "next_hop_port") == 0) {
			d->next_hop_port = atoi(v);
		}
	}
	sqlite3_finalize(st);
	return r;
}

static int
load_lists(struct fw_project *p, struct fw_deployment *d, char **cause)
{
	sqlite3_stmt *st;
	enum fw_route_role role;
	int r;

	st = prepare(p, cause, "SELECT id, name, route_to FROM imp_domain "
	    "ORDER BY id", "");
	if (st == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_imp_domain(d, col_text(st, 1), col_text(st, 2))->id =
		    sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT id, fqdn, ip FROM "
	    "imp_node ORDER BY id", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_imp_node(d, col_text(st, 1), col_text(st, 2))->id =
		    sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT id, name, description "
	    "FROM ocs_domain ORDER BY id", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_ocs_domain(d, col_text(st, 1), col_text(st, 2))->id =
		    sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT id, fqdn FROM ocs_pool "
	    "ORDER BY id", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_ocs_pool(d, col_text(st, 1))->id =
		    sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT id, fqdn, ip, domain, "
	    "pool, route FROM ocs_server ORDER BY id", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1) {
		role = FW_ROUTE_PRIMARY;
		fw_route_parse(col_text(st, 5), &role);
		fw_add_ocs_server(d, col_text(st, 1), col_text(st, 2),
		    col_text(st, 3), col_text(st, 4), role)->id =
		    sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return r;
}

static int
load_certs_ticks(struct fw_project *p, struct fw_deployment *d, char **cause)
{
	sqlite3_stmt *st;
	enum fw_cert_role role;
	int r;

	st = prepare(p, cause, "SELECT role, pem, source, sha256 FROM "
	    "certificate", "");
	if (st == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1) {
		if (fw_cert_role_parse(col_text(st, 0), &role) == 0)
			fw_set_cert(d, role, col_text(st, 1), col_text(st, 2),
			    col_text(st, 3));
	}
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT item, fingerprint, user, "
	    "time FROM tick ORDER BY rowid", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_tick(d, col_text(st, 0), col_text(st, 1),
		    col_text(st, 2), col_text(st, 3));
	sqlite3_finalize(st);
	return r;
}

static int
load_wizard_state(struct fw_project *p, struct fw_deployment *d,
    char **cause)
{
	sqlite3_stmt *st;
	int r, step;

	st = prepare(p, cause, "SELECT key, value FROM confirm ORDER BY key",
	    "");
	if (st == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_confirm(d, col_text(st, 0), col_text(st, 1));
	sqlite3_finalize(st);
	if (r < 0 || (st = prepare(p, cause, "SELECT step, done FROM "
	    "step_status", "")) == NULL)
		return -1;
	while ((r = step_rows(p, st, cause)) == 1) {
		step = sqlite3_column_int(st, 0);
		if (step >= 0 && step < FW_MODEL_STEPS)
			d->step_done[step] = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	return r;
}

int
fw_project_load(struct fw_project *p, struct fw_deployment **out,
    char **cause)
{
	struct fw_deployment *d = fw_deployment_new();

	*out = NULL;
	if (exec_plain(p, "BEGIN", cause) != 0)
		goto fail;
	if (load_settings(p, d, cause) < 0 || load_lists(p, d, cause) < 0 ||
	    load_certs_ticks(p, d, cause) < 0 ||
	    load_wizard_state(p, d, cause) < 0 ||
	    fw_project_load_probes(p, d, cause) < 0) {
		exec_plain(p, "ROLLBACK", NULL);
		goto fail;
	}
	exec_plain(p, "COMMIT", NULL);
	*out = d;
	return 0;
fail:
	fw_deployment_free(d);
	return -1;
}

/* ---- writing ---- */

static int
put_setting(struct fw_project *p, const char *key, const char *value,
    char **cause)
{
	return exec_bind(p, cause, "INSERT INTO setting (key, value) VALUES "
	    "(?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	    "ss", key, value);
}

static int
insert_all(struct fw_project *p, const struct fw_deployment *d, char **cause)
{
	char port[16];
	size_t i;

	if ((d->name && put_setting(p, "name", d->name, cause)) ||
	    put_setting(p, "transport", fw_transport_name(d->transport), cause) ||
	    put_setting(p, "ocs_edition", fw_edition_name(d->edition), cause))
		return -1;
	snprintf(port, sizeof port, "%d", d->peer_auth_port);
	if (put_setting(p, "peer_auth_port", port, cause))
		return -1;
	snprintf(port, sizeof port, "%d", d->server_auth_port);
	if (put_setting(p, "server_auth_port", port, cause))
		return -1;
	snprintf(port, sizeof port, "%d", d->next_hop_port);
	if (d->next_hop_port > 0 &&
	    put_setting(p, "next_hop_port", port, cause))
		return -1;
	for (i = 0; i < d->n_imp_nodes; i++) {
		if (exec_bind(p, cause, "INSERT INTO imp_node (fqdn, ip) "
		    "VALUES (?, ?)", "ss", d->imp_nodes[i].fqdn,
		    d->imp_nodes[i].ip))
			return -1;
	}
	for (i = 0; i < d->n_imp_domains; i++) {
		if (exec_bind(p, cause, "INSERT INTO imp_domain (name, "
		    "route_to) VALUES (?, ?)", "ss", d->imp_domains[i].name,
		    d->imp_domains[i].route_to))
			return -1;
	}
	for (i = 0; i < d->n_ocs_domains; i++) {
		if (exec_bind(p, cause, "INSERT INTO ocs_domain (name, "
		    "description) VALUES (?, ?)", "ss", d->ocs_domains[i].name,
		    d->ocs_domains[i].description))
			return -1;
	}
	for (i = 0; i < d->n_ocs_pools; i++) {
		if (exec_bind(p, cause, "INSERT INTO ocs_pool (fqdn) VALUES "
		    "(?)", "s", d->ocs_pools[i].fqdn))
			return -1;
	}
	for (i = 0; i < d->n_ocs_servers; i++) {
		const struct fw_ocs_server *s = &d->ocs_servers[i];

		if (exec_bind(p, cause, "INSERT INTO ocs_server (fqdn, ip, "
		    "domain, pool, route) VALUES (?, ?, ?, ?, ?)", "sssss",
		    s->fqdn, s->ip, s->domain, s->pool, fw_route_name(s->route)))
			return -1;
	}
	for (i = 0; i < FW_CERT_COUNT; i++) {
		const struct fw_cert *c = &d->certs[i];

		if (c->pem != NULL && exec_bind(p, cause, "INSERT INTO "
		    "certificate (role, pem, source, sha256) VALUES (?, ?, ?, "
		    "?)", "ssss", fw_cert_role_key((enum fw_cert_role)i),
		    c->pem, c->source, c->sha256 ? c->sha256 : ""))
			return -1;
	}
	for (i = 0; i < d->n_ticks; i++) {
		const struct fw_tick *t = &d->ticks[i];
		char now[32];

		fw_now_utc(now, sizeof now);
		if (exec_bind(p, cause, "INSERT INTO tick (item, fingerprint, "
		    "user, time) VALUES (?, ?, ?, ?)", "ssss", t->item,
		    t->fingerprint, t->user ? t->user : fw_user_name(),
		    t->time ? t->time : now))
			return -1;
	}
	return 0;
}

int
fw_project_replace(struct fw_project *p, const struct fw_deployment *d,
    char **cause)
{
	static const char *const wipe =
	    "DELETE FROM ocs_server; DELETE FROM ocs_pool; "
	    "DELETE FROM ocs_domain; DELETE FROM imp_domain; "
	    "DELETE FROM imp_node; DELETE FROM certificate; "
	    "DELETE FROM tick; DELETE FROM setting;";

	if (begin(p, cause) != 0)
		return -1;
	if (exec_plain(p, wipe, cause) != 0 || insert_all(p, d, cause) != 0 ||
	    audit(p, "import", NULL, d->name, cause) != 0)
		return rollback(p);
	return commit(p, cause);
}

/* Checks a setting's value and gives its stored form (free()). */
static char *
setting_normalise(const char *key, const char *value, char **cause)
{
	enum fw_transport t;
	enum fw_edition e;
	int port;

	if (strcmp(key, "name") == 0) {
		if (value[0] == '\0' || strlen(value) > 200) {
			fw_fail(cause, _("name: give 1 to 200 characters"));
			return NULL;
		}
		return xstrdup(value);
	}
	if (strcmp(key, "transport") == 0) {
		if (fw_transport_parse(value, &t) != 0) {
			fw_fail(cause, _("transport: '%s'; use tls or tcp"),
			    value);
			return NULL;
		}
		return xstrdup(fw_transport_name(t));
	}
	if (strcmp(key, "ocs_edition") == 0) {
		if (fw_edition_parse(value, &e) != 0) {
			fw_fail(cause, _("ocs_edition: '%s'; use standard or "
			    "enterprise"), value);
			return NULL;
		}
		return xstrdup(fw_edition_name(e));
	}
	if (strcmp(key, "peer_auth_port") == 0 ||
	    strcmp(key, "server_auth_port") == 0 ||
	    strcmp(key, "next_hop_port") == 0) {
		if (fw_syntax_port(value, &port, cause) != 0)
			return NULL;
		return xasprintf("%d", port);
	}
	fw_fail(cause, _("unknown setting '%s'"), key);
	return NULL;
}

static char *
get_setting(struct fw_project *p, const char *key)
{
	sqlite3_stmt *st = prepare(p, NULL, "SELECT value FROM setting WHERE "
	    "key = ?", "s", key);
	char *v = NULL;

	if (st == NULL)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup(col_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int
fw_project_set_setting(struct fw_project *p, const char *key,
    const char *value, char **cause)
{
	char *norm = setting_normalise(key, value, cause), *old = NULL;
	char *what;
	int rc = -1;

	if (norm == NULL)
		return -1;
	if (begin(p, cause) != 0)
		goto out;
	old = get_setting(p, key);
	what = xasprintf("setting %s", key);
	if (put_setting(p, key, norm, cause) != 0 ||
	    audit(p, what, old, norm, cause) != 0) {
		free(what);
		rollback(p);
		goto out;
	}
	free(what);
	rc = commit(p, cause);
out:
	free(old);
	free(norm);
	return rc;
}

/*
 * Saves one list row: insert when *id is 0 (and set *id), else update.
 * table and the SQL are constants of this file; values come bound.
 */
static int
save_row(struct fw_project *p, const char *table, int64_t *id,
    const char *insert_sql, const char *update_sql, const char *select_sql,
    const char *v1, const char *v2, const char *v3, const char *v4,
    const char *v5, char **cause)
{
	char *old = NULL, *new = NULL, *what;
	int rc = -1, r;

	if (begin(p, cause) != 0)
		return -1;
	what = xasprintf("%s %s", table, *id == 0 ? "add" : "edit");
	if (*id == 0) {
		r = exec_bind(p, cause, insert_sql, "sssss", v1, v2, v3, v4, v5);
		if (r == 0)
			*id = sqlite3_last_insert_rowid(p->db);
	} else if ((old = row_text(p, select_sql, *id)) == NULL) {
		r = fw_fail(cause, _("%s: %s entry %lld no longer exists"),
		    p->path, table, (long long)*id);
	} else {
		r = exec_bind(p, cause, update_sql, "sssssI", v1, v2, v3, v4,
		    v5, *id);
	}
	if (r == 0)
		new = row_text(p, select_sql, *id);
	if (r != 0 || audit(p, what, old, new, cause) != 0) {
		rollback(p);
		goto out;
	}
	rc = commit(p, cause);
out:
	free(what);
	free(old);
	free(new);
	return rc;
}

int
fw_project_save_imp_domain(struct fw_project *p, struct fw_imp_domain *e,
    char **cause)
{
	return save_row(p, "imp_domain", &e->id,
	    "INSERT INTO imp_domain (name, route_to) VALUES (?1, ?2)",
	    "UPDATE imp_domain SET name = ?1, route_to = ?2 WHERE id = ?6",
	    "SELECT name, route_to FROM imp_domain WHERE id = ?",
	    e->name, e->route_to, NULL, NULL, NULL, cause);
}

int
fw_project_save_imp_node(struct fw_project *p, struct fw_imp_node *e,
    char **cause)
{
	return save_row(p, "imp_node", &e->id,
	    "INSERT INTO imp_node (fqdn, ip) VALUES (?1, ?2)",
	    "UPDATE imp_node SET fqdn = ?1, ip = ?2 WHERE id = ?6",
	    "SELECT fqdn, ip FROM imp_node WHERE id = ?",
	    e->fqdn, e->ip, NULL, NULL, NULL, cause);
}

int
fw_project_save_ocs_domain(struct fw_project *p, struct fw_ocs_domain *e,
    char **cause)
{
	return save_row(p, "ocs_domain", &e->id,
	    "INSERT INTO ocs_domain (name, description) VALUES (?1, ?2)",
	    "UPDATE ocs_domain SET name = ?1, description = ?2 WHERE id = ?6",
	    "SELECT name, description FROM ocs_domain WHERE id = ?",
	    e->name, e->description, NULL, NULL, NULL, cause);
}

int
fw_project_save_ocs_pool(struct fw_project *p, struct fw_ocs_pool *e,
    char **cause)
{
	return save_row(p, "ocs_pool", &e->id,
	    "INSERT INTO ocs_pool (fqdn) VALUES (?1)",
	    "UPDATE ocs_pool SET fqdn = ?1 WHERE id = ?6",
	    "SELECT fqdn FROM ocs_pool WHERE id = ?",
	    e->fqdn, NULL, NULL, NULL, NULL, cause);
}

int
fw_project_save_ocs_server(struct fw_project *p, struct fw_ocs_server *e,
    char **cause)
{
	return save_row(p, "ocs_server", &e->id,
	    "INSERT INTO ocs_server (fqdn, ip, domain, pool, route) VALUES "
	    "(?1, ?2, ?3, ?4, ?5)",
	    "UPDATE ocs_server SET fqdn = ?1, ip = ?2, domain = ?3, pool = ?4, "
	    "route = ?5 WHERE id = ?6",
	    "SELECT fqdn, ip, domain, pool, route FROM ocs_server WHERE id = ?",
	    e->fqdn, e->ip, e->domain, e->pool, fw_route_name(e->route), cause);
}

static const char *const list_tables[] = {
	[FW_LIST_IMP_DOMAIN] = "imp_domain",
	[FW_LIST_IMP_NODE] = "imp_node",
	[FW_LIST_OCS_DOMAIN] = "ocs_domain",
	[FW_LIST_OCS_POOL] = "ocs_pool",
	[FW_LIST_OCS_SERVER] = "ocs_server",
};

static const char *const list_delete_sql[] = {
	[FW_LIST_IMP_DOMAIN] = "DELETE FROM imp_domain WHERE id = ?",
	[FW_LIST_IMP_NODE] = "DELETE FROM imp_node WHERE id = ?",
	[FW_LIST_OCS_DOMAIN] = "DELETE FROM ocs_domain WHERE id = ?",
	[FW_LIST_OCS_POOL] = "DELETE FROM ocs_pool WHERE id = ?",
	[FW_LIST_OCS_SERVER] = "DELETE FROM ocs_server WHERE id = ?",
};

static const char *const list_select_sql[] = {
	[FW_LIST_IMP_DOMAIN] = "SELECT name, route_to FROM imp_domain WHERE id = ?",
	[FW_LIST_IMP_NODE] = "SELECT fqdn, ip FROM imp_node WHERE id = ?",
	[FW_LIST_OCS_DOMAIN] = "SELECT name, description FROM ocs_domain WHERE id = ?",
	[FW_LIST_OCS_POOL] = "SELECT fqdn FROM ocs_pool WHERE id = ?",
	[FW_LIST_OCS_SERVER] = "SELECT fqdn, ip, domain, pool, route FROM "
	    "ocs_server WHERE id = ?",
};

int
fw_project_delete(struct fw_project *p, enum fw_list list, int64_t id,
    char **cause)
{
	char *old, *what;
	int rc;

	if (begin(p, cause) != 0)
		return -1;
	old = row_text(p, list_select_sql[list], id);
	what = xasprintf("%s delete", list_tables[list]);
	if (exec_bind(p, cause, list_delete_sql[list], "I", id) != 0 ||
	    audit(p, what, old, NULL, cause) != 0)
		rc = rollback(p);
	else
		rc = commit(p, cause);
	free(what);
	free(old);
	return rc;
}

int
fw_project_set_cert(struct fw_project *p, enum fw_cert_role role,
    const struct fw_cert *c, char **cause)
{
	const char *key = fw_cert_role_key(role);
	char *what = xasprintf("certificate %s", key);
	int r;

	if (begin(p, cause) != 0) {
		free(what);
		return -1;
	}
	if (c == NULL || c->pem == NULL)
		r = exec_bind(p, cause, "DELETE FROM certificate WHERE role = "
		    "?", "s", key);
	else
		r = exec_bind(p, cause, "INSERT INTO certificate (role, pem, "
		    "source, sha256) VALUES (?, ?, ?, ?) ON CONFLICT (role) DO "
		    "UPDATE SET pem = excluded.pem, source = excluded.source, "
		    "sha256 = excluded.sha256", "ssss", key, c->pem, c->source,
		    c->sha256 ? c->sha256 : "");
	if (r == 0)
		r = audit(p, what, NULL, c && c->pem ? c->sha256 : NULL, cause);
	free(what);
	if (r != 0)
		return rollback(p);
	return commit(p, cause);
}

/* One statement plus its audit row, in one transaction. */
static int
write_one(struct fw_project *p, const char *what, const char *new,
    char **cause, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int r;

	if (begin(p, cause) != 0)
		return -1;
	va_start(ap, types);
	st = prepare_v(p, sql, types, ap, cause);
	va_end(ap);
	if (st == NULL)
		return rollback(p);
	r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		db_fail(p, cause, _("cannot save"));
		return rollback(p);
	}
	if (audit(p, what, NULL, new, cause) != 0)
		return rollback(p);
	return commit(p, cause);
}

int
fw_project_tick(struct fw_project *p, const char *item,
    const char *fingerprint, char **cause)
{
	char now[32], *what = xasprintf("tick %s", item);
	int rc;

	fw_now_utc(now, sizeof now);
	rc = write_one(p, what, "done", cause, "INSERT INTO tick (item, "
	    "fingerprint, user, time) VALUES (?, ?, ?, ?) ON CONFLICT (item) "
	    "DO UPDATE SET fingerprint = excluded.fingerprint, user = "
	    "excluded.user, time = excluded.time", "ssss", item, fingerprint,
	    fw_user_name(), now);
	free(what);
	return rc;
}

int
fw_project_untick(struct fw_project *p, const char *item, char **cause)
{
	char *what = xasprintf("untick %s", item);
	int rc;

	rc = write_one(p, what, NULL, cause, "DELETE FROM tick WHERE item = ?",
	    "s", item);
	free(what);
	return rc;
}

int
fw_project_set_step_done(struct fw_project *p, int step, int done,
    char **cause)
{
	char now[32], *what = xasprintf("step %d", step);
	int rc;

	fw_now_utc(now, sizeof now);
	rc = write_one(p, what, done ? "done" : "not done", cause,
	    "INSERT INTO step_status (step, done, user, time) VALUES (?, ?, ?, "
	    "?) ON CONFLICT (step) DO UPDATE SET done = excluded.done, user = "
	    "excluded.user, time = excluded.time", "iiss", step, done ? 1 : 0,
	    fw_user_name(), now);
	free(what);
	return rc;
}

int
fw_project_step_done(struct fw_project *p, int step)
{
	sqlite3_stmt *st = prepare(p, NULL, "SELECT done FROM step_status "
	    "WHERE step = ?", "i", step);
	int done = 0;

	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		done = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return done;
}

int
fw_project_set_confirm(struct fw_project *p, const char *key,
    const char *value, char **cause)
{
	char now[32], *what = xasprintf("confirm %s", key);
	int rc;

	fw_now_utc(now, sizeof now);
	if (value == NULL)
		rc = write_one(p, what, NULL, cause, "DELETE FROM confirm "
		    "WHERE key = ?", "s", key);
	else
		rc = write_one(p, what, value, cause, "INSERT INTO confirm "
		    "(key, value, user, time) VALUES (?, ?, ?, ?) ON CONFLICT "
		    "(key) DO UPDATE SET value = excluded.value, user = "
		    "excluded.user, time = excluded.time", "ssss", key, value,
		    fw_user_name(), now);
	free(what);
	return rc;
}

int
fw_project_get_confirm(struct fw_project *p, const char *key, char **value,
    char **cause)
{
	sqlite3_stmt *st = prepare(p, cause, "SELECT value FROM confirm WHERE "
	    "key = ?", "s", key);
	int r;

	*value = NULL;
	if (st == NULL)
		return -1;
	r = step_rows(p, st, cause);
	if (r == 1)
		*value = xstrdup(col_text(st, 0));
	sqlite3_finalize(st);
	return r < 0 ? -1 : 0;
}

/* The position changes on every move: not worth an audit row. */
int
fw_project_set_position(struct fw_project *p, int step, const char *field,
    char **cause)
{
	if (p->read_only)
		return 0;
	return exec_bind(p, cause, "INSERT INTO position (id, step, field) "
	    "VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET step = "
	    "excluded.step, field = excluded.field", "is", step, field);
}

int
fw_project_get_position(struct fw_project *p, int *step, char **field,
    char **cause)
{
	sqlite3_stmt *st = prepare(p, cause, "SELECT step, field FROM position "
	    "WHERE id = 1", "");
	int r;

	*step = 0;
	*field = NULL;
	if (st == NULL)
		return -1;
	r = step_rows(p, st, cause);
	if (r == 1) {
		*step = sqlite3_column_int(st, 0);
		if (col_text(st, 1) != NULL)
			*field = xstrdup(col_text(st, 1));
	}
	sqlite3_finalize(st);
	return r < 0 ? -1 : 0;
}

int
fw_project_save_probe(struct fw_project *p, const struct fw_probe_result *r,
    char **cause)
{
	char now[32], *what = xasprintf("probe %s:%d %s", r->host, r->port,
	    r->kind);
	int rc;

	fw_now_utc(now, sizeof now);
	rc = write_one(p, what, r->summary, cause, "INSERT INTO probe (host, "
	    "port, kind, time, ok, summary, detail) VALUES (?, ?, ?, ?, ?, ?, "
	    "?) ON CONFLICT (host, port, kind) DO UPDATE SET time = "
	    "excluded.time, ok = excluded.ok, summary = excluded.summary, "
	    "detail = excluded.detail", "sississ", r->host, r->port, r->kind,
	    r->time != NULL ? r->time : now, r->ok ? 1 : 0, r->summary,
	    r->detail);
	free(what);
	return rc;
}

int
fw_project_load_probes(struct fw_project *p, struct fw_deployment *d,
    char **cause)
{
	sqlite3_stmt *st = prepare(p, cause, "SELECT host, port, kind, time, "
	    "ok, summary, detail FROM probe ORDER BY host, port, kind", "");
	struct fw_deployment *fresh = fw_deployment_new();
	struct fw_probe_result *old = d->probes;
	size_t n_old = d->n_probes;
	int r;

	if (st == NULL)
		goto out;
	while ((r = step_rows(p, st, cause)) == 1)
		fw_add_probe_result(fresh, col_text(st, 0),
		    sqlite3_column_int(st, 1), col_text(st, 2), col_text(st, 3),
		    sqlite3_column_int(st, 4), col_text(st, 5),
		    col_text(st, 6));
	sqlite3_finalize(st);
	if (r < 0)
		goto out;
	/* Swap the lists: the old one goes with the scratch deployment. */
	d->probes = fresh->probes;
	d->n_probes = fresh->n_probes;
	fresh->probes = old;
	fresh->n_probes = n_old;
	fw_deployment_free(fresh);
	return 0;
out:
	fw_deployment_free(fresh);
	return -1;
}

char *
fw_project_last_change(struct fw_project *p)
{
	sqlite3_stmt *st = prepare(p, NULL, "SELECT max(time) FROM audit", "");
	char *t = NULL;

	if (st == NULL)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0) != NULL)
		t = xstrdup(col_text(st, 0));
	sqlite3_finalize(st);
	return t;
}

long
fw_project_audit_count(struct fw_project *p)
{
	sqlite3_stmt *st = prepare(p, NULL, "SELECT count(*) FROM audit", "");
	long n = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fw_confirm.h"
#include "fw_store.h"
#include "fw_util.h"
#include "tap.h"

static char dir[] = "/tmp/fw-store-XXXXXX";

static const char *const two_items[] = {
	"imp.tlscontext.cipher", "imp.tlscontext.fragments",
};

static char *
path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static int
open_rw(const char *path, unsigned flags, struct fw_project **p)
{
	char *cause = NULL;
	int rc = fw_project_open(path, flags, p, NULL, &cause);

	if (rc != 0)
		diag("open %s: %s", path, cause ? cause : "?");
	free(cause);
	return rc;
}

/* Crude but exact: the file's bytes, to show a refused file is untouched. */
static char *
slurp(const char *path, size_t *len)
{
	char *buf = NULL;

	if (fw_read_file(path, 1 << 20, &buf, len, NULL) != 0)
		return NULL;
	return buf;
}

static void
test_create_and_edit(void)
{
	char *path = path_in("a.fedwiz"), *cause = NULL, *field = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	struct fw_imp_node node = { 0, "impa.cup.example.com", "192.0.2.11" };
	struct fw_ocs_domain od = { 0, "ocs.contoso.test", "Contoso",
	    FW_MICROSOFT_LYNC2013, NULL };
	struct fw_ocs_server srv = { 0, "fe1.ocs.contoso.test",
	    "198.51.100.21", "ocs.contoso.test", NULL, FW_ROUTE_PRIMARY };
	struct stat st;
	mode_t old = umask(0);
	int step = -1;

	is_int(open_rw(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p), 0,
	    "new project created");
	umask(old);
	memset(&st, 0, sizeof st);
	stat(path, &st);
	ok((st.st_mode & 0777) == 0600,
	    "created 0600 under umask 000 (mode %o)", st.st_mode & 0777);
	ok(fw_project_set_setting(p, "name", "Northwind", &cause) == 0,
	    "name saved");
	ok(fw_project_set_setting(p, "transport", "TCP", &cause) == 0,
	    "transport saved");
	ok(fw_project_set_setting(p, "microsoft", "SFB2019", &cause) == 0 &&
	    fw_project_set_setting(p, "imp_release", "15su2", &cause) == 0,
	    "Microsoft server and IM&P release saved");
	ok(fw_project_set_setting(p, "microsoft", "lync2016", &cause) == -1 &&
	    cause != NULL && strstr(cause, "sfbse") != NULL,
	    "an unknown Microsoft server refused, naming the known ones");
	free(cause);
	cause = NULL;
	ok(fw_project_set_setting(p, "imp_release", "fifteen", &cause) == -1,
	    "a release that is no release refused");
	free(cause);
	cause = NULL;
	ok(fw_project_set_setting(p, "imp_release", "", &cause) == 0 &&
	    fw_project_set_setting(p, "imp_release", "15su2", &cause) == 0,
	    "a release taken back (empty), then given again");
	ok(fw_project_set_setting(p, "peer_auth_port", "70000", &cause) == -1 &&
	    cause != NULL, "port 70000 refused");
	free(cause);
	cause = NULL;
	ok(fw_project_set_setting(p, "colour", "blue", &cause) == -1,
	    "unknown setting refused");
	free(cause);
	cause = NULL;
	ok(fw_project_save_imp_node(p, &node, &cause) == 0 && node.id > 0,
	    "node inserted with an id");
	ok(fw_project_save_ocs_domain(p, &od, &cause) == 0, "domain saved");
	ok(fw_project_save_ocs_server(p, &srv, &cause) == 0, "server saved");
	node.ip = "192.0.2.99";
	ok(fw_project_save_imp_node(p, &node, &cause) == 0, "node updated");
	ok(fw_project_tick(p, "imp.xcp.impa", "fp1", &cause) == 0, "ticked");
	ok(fw_project_set_position(p, 4, "server_auth_port", &cause) == 0,
	    "position saved");
	ok(fw_project_set_ticks(p, two_items, NULL, 2, 1, &cause) == 0 &&
	    fw_project_set_ticks(p, two_items, NULL, 1, 0, &cause) == 0,
	    "two items ticked at once, one unticked");
	ok(fw_project_set_step_done(p, 1, 1, &cause) == 0, "step 1 done");
	fw_project_close(p);
	p = NULL;

	is_int(open_rw(path, 0, &p), 0, "reopened");
	ok(fw_project_load(p, &d, &cause) == 0, "loaded");
	is_str(d->name, "Northwind", "name kept");
	is_int(d->transport, FW_TRANSPORT_TCP, "transport kept, normalised");
	is_int(d->microsoft, FW_MICROSOFT_SFB2019, "Microsoft server kept");
	is_str(d->imp_release, "15SU2", "release kept, normalised");
	is_int(d->ocs_domains[0].microsoft, FW_MICROSOFT_LYNC2013,
	    "the domain's own Microsoft server kept");
	is_int((long long)d->n_imp_nodes, 1, "one node");
	is_str(d->imp_nodes[0].ip, "192.0.2.99", "node edit kept");
	is_str(d->ocs_servers[0].domain, "ocs.contoso.test", "server domain");
	is_int((long long)d->n_ticks, 2, "ticks kept");
	is_str(d->ticks[0].fingerprint, "fp1", "tick fingerprint kept");
	is_str(d->ticks[1].item, "imp.tlscontext.fragments",
	    "the other tick of the two kept");
	ok(fw_project_get_position(p, &step, &field, &cause) == 0 &&
	    step == 4 && field && strcmp(field, "server_auth_port") == 0,
	    "position kept");
	free(field);
	ok(fw_project_step_done(p, 1) == 1 && fw_project_step_done(p, 2) == 0,
	    "step status kept");
	ok(d->step_done[1] == 1 && d->step_done[2] == 0,
	    "step status loaded into the deployment");
	ok(fw_confirmed(d, "empty_fragments") && !fw_confirmed(d, "tls_3des"),
	    "confirmations are the ticks of their items");
	ok(fw_project_audit_count(p) >= 9, "every change audited (%ld rows)",
	    fw_project_audit_count(p));
	ok(fw_project_delete(p, FW_LIST_OCS_DOMAIN, od.id, &cause) == -1,
	    "a domain with servers cannot be deleted (foreign key)");
	free(cause);
	cause = NULL;
	ok(fw_project_delete(p, FW_LIST_OCS_SERVER, srv.id, &cause) == 0 &&
	    fw_project_delete(p, FW_LIST_OCS_DOMAIN, od.id, &cause) == 0,
	    "server then domain deleted");
	fw_deployment_free(d);
	ok(fw_project_load(p, &d, &cause) == 0 && d->n_ocs_domains == 0,
	    "delete persisted");
	fw_deployment_free(d);
	fw_project_close(p);
	free(path);
}

/*
 * A child holds the project; its lock file's text is then made to name
 * dead, a process that is gone. The lock still holds: it is the child's
 * fcntl lock that counts, not the text, and nobody but the child removes
 * the file.
 */
static void
test_lock_held_by_child(const char *path, const char *lock, pid_t dead)
{
	struct fw_project *p = NULL;
	char host[256], c = 0, *cause = NULL;
	int ready[2], done[2], rc;
	pid_t child;
	FILE *fp;

	if (pipe(ready) != 0 || pipe(done) != 0) {
		ok(0, "pipes: %s", strerror(errno));
		return;
	}
	child = fork();
	if (child == 0) {
		rc = fw_project_open(path, 0, &p, NULL, NULL);
		c = rc == 0 ? 'y' : 'n';
		if (write(ready[1], &c, 1) != 1 || read(done[0], &c, 1) < 0)
			_exit(1);
		fw_project_close(p);
		_exit(0);
	}
	ok(read(ready[0], &c, 1) == 1 && c == 'y', "a child holds the project");
	gethostname(host, sizeof host);
	fp = fopen(lock, "r+");
	fprintf(fp, "ghost\n%s\n%ld\n2026-01-01 00:00:00 UTC\n", host,
	    (long)dead);
	fclose(fp);
	is_int(fw_project_open(path, 0, &p, NULL, &cause), 3,
	    "held by a live process, it is busy whatever its text says");
	ok(access(lock, F_OK) == 0, "and its lock file is still there");
	free(cause);
	c = 'q';
	if (write(done[1], &c, 1) != 1)
		diag("cannot tell the child to quit");
	waitpid(child, NULL, 0);
	ok(access(lock, F_OK) != 0, "the child removed it when it closed");
	close(ready[0]);
	close(ready[1]);
	close(done[0]);
	close(done[1]);
}

static void
test_lock(void)
{
	char *path = path_in("l.fedwiz"), *lock = fw_lock_path(path);
	char *cause = NULL;
	struct fw_project *p = NULL, *q = NULL;
	struct fw_lock_holder h;
	char host[256];
	pid_t child;
	FILE *fp;

	open_rw(path, FW_OPEN_CREATE, &p);
	is_int(fw_project_open(path, 0, &q, &h, &cause), 3,
	    "second writer gets exit code 3");
	ok(h.pid == getpid(), "holder PID reported (%ld)", h.pid);
	ok(cause != NULL && strstr(cause, "in use by") != NULL,
	    "message names the holder: %s", cause ? cause : "");
	free(cause);
	cause = NULL;
	is_int(fw_project_open(path, FW_OPEN_READ_ONLY, &q, NULL, &cause), 0,
	    "read-only open works while locked");
	ok(fw_project_set_setting(q, "name", "x", &cause) == -1,
	    "read-only refuses writes");
	free(cause);
	cause = NULL;
	fw_project_close(q);
	fw_project_close(p);
	ok(access(lock, F_OK) != 0, "lock removed on close");
	is_int(fw_project_open(path, FW_OPEN_READ_ONLY, &q, NULL, &cause), 0,
	    "read-only open alone");
	fw_project_close(q);
	{
		char *wal = xasprintf("%s-wal", path);

		ok(access(wal, F_OK) != 0,
		    "a read-only open leaves no -wal file behind");
		free(wal);
	}

	/* A lock naming a process that is gone, on this host, is stale. */
	child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	gethostname(host, sizeof host);
	fp = fopen(lock, "w");
	fprintf(fp, "ghost\n%s\n%ld\n2026-01-01 00:00:00 UTC\n", host,
	    (long)child);
	fclose(fp);
	is_int(open_rw(path, 0, &p), 0, "stale lock taken over");
	ok(fw_project_notices(p) != NULL &&
	    strstr(fw_project_notices(p), "stale") != NULL,
	    "notice tells of the stale lock");
	fw_project_close(p);
	test_lock_held_by_child(path, lock, child);
	free(lock);
	free(path);
}

static void
refused(const char *what, const char *path, const char *needle)
{
	struct fw_project *p = NULL;
	char *cause = NULL, *before, *after;
	size_t lb = 0, la = 0;
	int rc;

	before = slurp(path, &lb);
	rc = fw_project_open(path, 0, &p, NULL, &cause);
	after = slurp(path, &la);
	is_int(rc, 2, "%s refused with exit code 2", what);
	ok(cause != NULL && strstr(cause, needle) != NULL,
	    "%s: message says '%s' (%s)", what, needle, cause ? cause : "");
	ok(lb == la && (before == after || memcmp(before, after, lb) == 0),
	    "%s left untouched", what);
	ok(p == NULL, "%s: no project returned", what);
	free(before);
	free(after);
	free(cause);
}

static void
make_db(const char *path, const char *sql)
{
	sqlite3 *db;

	sqlite3_open(path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static void
test_not_projects(void)
{
	char *text = path_in("notes.txt"), *other = path_in("other.db");
	char *newer = path_in("newer.fedwiz"), *sub = path_in("subdir");
	char *missing = path_in("missing.fedwiz");
	struct fw_project *p = NULL;
	char *cause = NULL;
	FILE *fp = fopen(text, "w");

	fputs("hello, this is not a database\n", fp);
	fclose(fp);
	refused("a text file", text, "not a fedwiz project");
	make_db(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	refused("another application's database", other, "another application");
	make_db(newer, "PRAGMA application_id = 1180129841; "
	    "PRAGMA user_version = 99; CREATE TABLE t (x);");
	refused("a newer project", newer, "newer fedwiz");
	mkdir(sub, 0700);
	refused("a directory", sub, "directory");
	is_int(fw_project_open(missing, 0, &p, NULL, &cause), 2,
	    "a missing project is not created without CREATE");
	ok(access(missing, F_OK) != 0, "and no file appears");
	free(cause);
	free(text);
	free(other);
	free(newer);
	free(sub);
	free(missing);
}

/* A trigger planted in a project: refused on open, never run, the file
 * left as it was. */
static void
test_altered_schema(void)
{
	char *path = path_in("t.fedwiz"), *cause = NULL, *before, *after;
	struct fw_project *p = NULL;
	struct fw_imp_node node = { 0, "impa.cup.example.com", "192.0.2.11" };
	size_t blen = 0, alen = 0;
	sqlite3 *db;
	int rc;

	open_rw(path, FW_OPEN_CREATE, &p);
	fw_project_save_imp_node(p, &node, NULL);
	fw_project_close(p);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode = DELETE; CREATE TRIGGER t AFTER "
	    "INSERT ON audit BEGIN DELETE FROM imp_node; END;", NULL, NULL,
	    NULL);
	sqlite3_close(db);
	before = slurp(path, &blen);
	rc = fw_project_open(path, 0, &p, NULL, &cause);
	is_int(rc, FW_EXIT_USAGE, "a planted trigger: refused");
	ok(cause != NULL && strstr(cause, "damaged or altered project: "
	    "unexpected trigger 't'") != NULL, "saying so: %s",
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	is_int(fw_project_open(path, FW_OPEN_READ_ONLY, &p, NULL, &cause),
	    FW_EXIT_USAGE, "read-only too");
	after = slurp(path, &alen);
	ok(before != NULL && after != NULL && blen == alen &&
	    memcmp(before, after, blen) == 0, "the file is unchanged");
	free(before);
	free(after);
	free(cause);
	free(path);
}

static int
file_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int version = -1;

	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return version;
}

/* Makes path from a fixture of schema version and opens it for writing,
 * which migrates it. Returns the backup's name (free()), or NULL. */
/* After an upgrade from schema old: the file at the current schema, its
 * backup still at old. */
static void
versions_after(const char *path, const char *bak, int old)
{
	is_int(file_version(path), FW_SCHEMA_VERSION,
	    "file now at the current schema");
	is_int(file_version(bak), old, "backup still at schema %d", old);
}

static char *
open_fixture(const char *fixture, int version, const char *path,
    struct fw_project **p)
{
	char *sql = NULL, *cause = NULL, *bak, *name;

	if (fw_read_file(fixture, 1 << 20, &sql, NULL, &cause) != 0) {
		ok(0, "fixture readable: %s", cause);
		free(cause);
		return NULL;
	}
	make_db(path, sql);
	free(sql);
	is_int(open_rw(path, 0, p), 0, "version %d project opens", version);
	bak = xasprintf("%s.bak-v%d", path, version);
	ok(access(bak, F_OK) == 0, "backup .bak-v%d written before migrating",
	    version);
	name = strrchr(bak, '.') + 1;
	ok(*p != NULL && fw_project_notices(*p) != NULL &&
	    strstr(fw_project_notices(*p), name) != NULL,
	    "notice names the backup");
	return bak;
}

static void
test_migration(void)
{
	char *path = path_in("old.fedwiz"), *bak, *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;

	bak = open_fixture(TOP_SRCDIR "/tests/fixtures/project-v1.sql", 1,
	    path, &p);
	if (bak == NULL || p == NULL) {
		free(bak);
		free(path);
		return;
	}
	ok(fw_project_load(p, &d, &cause) == 0, "migrated project loads");
	is_str(d ? d->name : NULL, "Legacy federation", "answers kept");
	is_int(d ? (long long)d->n_ticks : 0, 1, "ticks kept");
	ok(fw_project_tick(p, "x", NULL, &cause) == 0 &&
	    fw_project_audit_count(p) == 1, "audit log works after migration");
	fw_deployment_free(d);
	fw_project_close(p);
	versions_after(path, bak, 1);
	free(bak);
	free(path);
}

/* Whether d holds a tick of item (with this fingerprint unless NULL). */
static int
has_tick(const struct fw_deployment *d, const char *item, const char *fp)
{
	size_t i;

	for (i = 0; i < d->n_ticks; i++)
		if (strcmp(d->ticks[i].item, item) == 0)
			return fp == NULL || (d->ticks[i].fingerprint != NULL &&
			    strcmp(d->ticks[i].fingerprint, fp) == 0);
	return 0;
}

/* Schema 2 (one certificate per role, routes primary/backup) to 3: the
 * project's certificates become the project-wide defaults, a backup
 * FILE.bak-v2 is kept, and the new columns and route work at once. */
static void
test_migration_v2(void)
{
	char *path = path_in("v2.fedwiz"), *bak, *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	struct fw_cert own = { "-----BEGIN CERTIFICATE-----\nPOOL\n"
	    "-----END CERTIFICATE-----\n", "pool1.cer", "EE:FF" };
	struct fw_ocs_server *fe2;
	enum fw_cert_from from = FW_CERT_FROM_NONE;
	const struct fw_cert *c;

	bak = open_fixture(TOP_SRCDIR "/tests/fixtures/project-v2.sql", 2,
	    path, &p);
	if (bak == NULL || p == NULL)
		goto out;
	ok(fw_project_load(p, &d, &cause) == 0, "migrated project loads");
	if (d == NULL)
		goto out;
	is_str(d->name, "Schema 2 federation", "answers kept");
	is_str(d->certs[FW_CERT_OCS_CERT].source, "fe1.cer",
	    "the old ocs_cert is the project-wide default");
	is_str(d->certs[FW_CERT_OCS_CA].sha256, "CC:DD",
	    "the old ocs_ca too, fingerprint kept");
	is_int((long long)d->n_host_certs, 0,
	    "no server has one of its own yet");
	c = fw_server_cert(d, &d->ocs_servers[1], FW_CERT_OCS_CERT, &from);
	ok(c == &d->certs[FW_CERT_OCS_CERT] && from == FW_CERT_FROM_DEFAULT,
	    "fe2 uses the default");
	is_int(d->ocs_servers[1].route, FW_ROUTE_BACKUP, "routes kept");
	ok(has_tick(d, "imp.cuptrust.impa.cup.example.com", "0123abcd"),
	    "the one cup-trust tick is the publisher's, fingerprint kept");
	ok(!has_tick(d, "imp.cuptrust", NULL) &&
	    !has_tick(d, "imp.cuptrust.impb.cup.example.com", NULL),
	    "... and no other node's");
	ok(has_tick(d, "imp.sipfed.ocs.contoso.test", NULL),
	    "other ticks kept");
	ok(fw_project_set_host_cert(p, "pool1.ocs.contoso.test",
	    FW_CERT_OCS_CERT, &own, &cause) == 0,
	    "a pool's own certificate is stored after the upgrade");
	fe2 = &d->ocs_servers[1];
	fe2->route = FW_ROUTE_NONE;
	ok(fw_project_save_ocs_server(p, fe2, &cause) == 0,
	    "route none is stored after the upgrade");
	fw_deployment_free(d);
	d = NULL;
	ok(fw_project_load(p, &d, &cause) == 0, "reload");
	if (d == NULL)
		goto out;
	c = fw_server_cert(d, &d->ocs_servers[1], FW_CERT_OCS_CERT, &from);
	ok(c != NULL && from == FW_CERT_FROM_POOL &&
	    strcmp(c->sha256, "EE:FF") == 0, "fe2 now uses its pool's");
	is_int(d->ocs_servers[1].route, FW_ROUTE_NONE, "route none loads");
	fw_project_close(p);
	p = NULL;
	versions_after(path, bak, 2);
out:
	fw_deployment_free(d);
	fw_project_close(p);
	free(cause);
	free(bak);
	free(path);
}

/* A server's and a pool's own certificates: stored beside the defaults,
 * following renames and deletes of their server or pool. */
static void
test_host_certs(void)
{
	char *path = path_in("hc.fedwiz"), *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	struct fw_ocs_domain od = { 0, "ocs.contoso.test", NULL,
	    FW_MICROSOFT_INHERIT, NULL };
	struct fw_ocs_pool pool = { 0, "pool1.ocs.contoso.test" };
	struct fw_ocs_server srv = { 0, "fe9.ocs.contoso.test",
	    "198.51.100.29", "ocs.contoso.test", "pool1.ocs.contoso.test",
	    FW_ROUTE_PRIMARY };
	struct fw_cert def = { "DEFAULT\n", "default.cer", "11" };
	struct fw_cert own = { "OWN\n", "fe9.cer", "22" };
	struct fw_cert ca = { "CA\n", "pool-ca.pem", "33" };
	enum fw_cert_from from;
	const struct fw_cert *c;

	open_rw(path, FW_OPEN_CREATE, &p);
	ok(fw_project_save_ocs_domain(p, &od, &cause) == 0 &&
	    fw_project_save_ocs_pool(p, &pool, &cause) == 0 &&
	    fw_project_save_ocs_server(p, &srv, &cause) == 0, "rows saved");
	ok(fw_project_set_cert(p, FW_CERT_OCS_CERT, &def, &cause) == 0 &&
	    fw_project_set_host_cert(p, srv.fqdn, FW_CERT_OCS_CERT, &own,
	    &cause) == 0 && fw_project_set_host_cert(p, pool.fqdn,
	    FW_CERT_OCS_CA, &ca, &cause) == 0, "default and own stored");
	ok(fw_project_set_host_cert(p, srv.fqdn, FW_CERT_IMP_CERT, &own,
	    &cause) == -1 && cause != NULL, "an IM&P role per server refused");
	free(cause);
	cause = NULL;
	srv.fqdn = "fe10.ocs.contoso.test";
	ok(fw_project_save_ocs_server(p, &srv, &cause) == 0, "server renamed");
	fw_project_load(p, &d, &cause);
	c = d ? fw_server_cert(d, &d->ocs_servers[0], FW_CERT_OCS_CERT,
	    &from) : NULL;
	ok(c != NULL && strcmp(c->sha256, "22") == 0 &&
	    from == FW_CERT_FROM_SERVER, "its own follows the rename");
	c = d ? fw_server_cert(d, &d->ocs_servers[0], FW_CERT_OCS_CA,
	    &from) : NULL;
	ok(c != NULL && from == FW_CERT_FROM_POOL, "the pool's CA applies");
	is_str(d ? d->certs[FW_CERT_OCS_CERT].sha256 : NULL, "11",
	    "the default stays");
	fw_deployment_free(d);
	d = NULL;
	ok(fw_project_delete(p, FW_LIST_OCS_SERVER, srv.id, &cause) == 0 &&
	    fw_project_delete(p, FW_LIST_OCS_POOL, pool.id, &cause) == 0,
	    "server and pool deleted");
	fw_project_load(p, &d, &cause);
	is_int(d ? (long long)d->n_host_certs : -1, 0,
	    "their certificates went with them");
	fw_deployment_free(d);
	fw_project_close(p);
	free(cause);
	free(path);
}

static long
count_rows(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long n = -1;

	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* A schema 3 file (OCS 2007 R2 only) gains the per-domain Microsoft
 * server, unset: its domains read as the default, OCS 2007 R2. */
static void
test_migration_v3(void)
{
	char *path = path_in("v3.fedwiz"), *bak, *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;

	bak = open_fixture(TOP_SRCDIR "/tests/fixtures/project-v3.sql", 3,
	    path, &p);
	if (bak == NULL || p == NULL)
		goto out;
	ok(fw_project_load(p, &d, &cause) == 0 && d->n_ocs_domains == 1,
	    "migrated project loads");
	ok(d != NULL && d->microsoft == FW_MICROSOFT_OCS2007R2 &&
	    d->ocs_domains[0].microsoft == FW_MICROSOFT_INHERIT &&
	    fw_ocs_server_microsoft(d, &d->ocs_servers[0]) ==
	    FW_MICROSOFT_OCS2007R2, "its domain runs OCS 2007 R2");
	fw_project_close(p);
	p = NULL;
	versions_after(path, bak, 3);
	is_int(count_rows(path, "SELECT count(*) FROM ocs_domain WHERE "
	    "microsoft IS NULL"), 1, "the domain's own choice is unset");
out:
	fw_deployment_free(d);
	fw_project_close(p);
	free(cause);
	free(bak);
	free(path);
}

/* Whether the project at path has a tick of id with that fingerprint. */
static int
tick_is(const char *path, const char *id, const char *fingerprint)
{
	char *sql = sqlite3_mprintf("SELECT count(*) FROM tick WHERE item = %Q "
	    "AND fingerprint = %Q", id, fingerprint);
	long n = count_rows(path, sql);

	sqlite3_free(sql);
	return n == 1;
}

/* A schema 4 file (no topology) gains it, unset: every Lync/SfB domain is
 * the default topology's, and the ticks of its per-product items become
 * the topology's (the first of two that meet kept). */
static void
test_migration_v4(void)
{
	char *path = path_in("v4.fedwiz"), *bak, *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;

	bak = open_fixture(TOP_SRCDIR "/tests/fixtures/project-v4.sql", 4,
	    path, &p);
	if (bak == NULL || p == NULL)
		goto out;
	ok(fw_project_load(p, &d, &cause) == 0 && d->n_ocs_domains == 2,
	    "migrated project loads");
	ok(d != NULL && d->ocs_domains[0].topology == NULL &&
	    d->ocs_domains[1].topology == NULL &&
	    strcmp(fw_ocs_server_topology(d, &d->ocs_servers[1]),
	    FW_TOPOLOGY_DEFAULT) == 0, "both domains: the default topology");
	fw_project_close(p);
	p = NULL;
	versions_after(path, bak, 4);
	ok(tick_is(path, "lync.default.trustedpool", "aa"),
	    "Lync 2013's trusted pool tick is the topology's");
	is_int(count_rows(path, "SELECT count(*) FROM tick WHERE item GLOB "
	    "'lync.sfb2015.*' OR item GLOB 'lync.lync2013.*'"), 0,
	    "no per-product id left (SfB 2015's pool tick met it and went)");
	ok(tick_is(path, "lync.default.route.cup.example.com", "cc"),
	    "a route's tick kept with its fingerprint");
	ok(tick_is(path, "lync.default.trustedcomputer.impb.cup.example.com",
	    "dd"), "SfB 2015's computer tick kept");
	is_int(count_rows(path, "SELECT count(*) FROM tick WHERE item = "
	    "'imp.sipfed.lync.contoso.test'"), 1, "other ticks untouched");
out:
	fw_deployment_free(d);
	fw_project_close(p);
	free(cause);
	free(bak);
	free(path);
}

static struct fw_deployment *
load_as(const char *path, unsigned flags)
{
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	char *cause = NULL;

	if (open_rw(path, flags, &p) == 0 && fw_project_load(p, &d, &cause))
		diag("load %s: %s", path, cause);
	free(cause);
	fw_project_close(p);
	return d;
}

/* fedwiz 0.1 kept confirmations apart from ticks (the confirm table):
 * they read as the ticks of their items, and turn into them on the first
 * open for writing. */
static void
test_legacy_confirms(void)
{
	char *path = path_in("confirms.fedwiz"), *cause = NULL;
	struct fw_deployment *d = fw_deployment_new();
	struct fw_project *p = NULL;

	fw_add_ocs_domain(d, "ocs.test", NULL);
	fw_add_ocs_server(d, "fe1.ocs.test", "198.51.100.1", "ocs.test", NULL,
	    FW_ROUTE_PRIMARY);
	fw_add_ocs_server(d, "fe2.ocs.test", "198.51.100.2", "ocs.test", NULL,
	    FW_ROUTE_BACKUP);
	fw_add_tick(d, "ocs.fe1.ocs.test.fips", "ab", "dave",
	    "2025-01-03 00:00:00");
	open_rw(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p);
	ok(fw_project_replace(p, d, &cause) == 0, "a project with two OCS "
	    "servers");
	fw_project_close(p);
	fw_deployment_free(d);
	make_db(path, "INSERT INTO confirm VALUES "
	    "('fips', 'yes', 'alice', '2025-01-01 00:00:00'), "
	    "('tls_3des', 'yes', 'bob', '2025-01-02 00:00:00'), "
	    "('empty_fragments', 'no', 'carol', '2025-01-02 00:00:00')");

	d = load_as(path, FW_OPEN_READ_ONLY);
	ok(d != NULL && d->n_ticks == 3 && fw_confirmed(d, "fips") &&
	    fw_confirmed(d, "tls_3des") && !fw_confirmed(d, "empty_fragments"),
	    "read-only: the old confirmations read as ticks");
	ok(d != NULL && d->n_ticks == 3 &&
	    strcmp(d->ticks[0].user, "dave") == 0 &&
	    strcmp(d->ticks[2].user, "bob") == 0 &&
	    strcmp(d->ticks[2].time, "2025-01-02 00:00:00") == 0,
	    "... a tick already there wins; the others keep who and when");
	fw_deployment_free(d);
	is_int(count_rows(path, "SELECT count(*) FROM confirm"), 3,
	    "read-only: the file is left as it was");

	d = load_as(path, 0);
	ok(d != NULL && d->n_ticks == 3 && fw_confirmed(d, "tls_3des"),
	    "open for writing: the same ticks");
	fw_deployment_free(d);
	is_int(count_rows(path, "SELECT count(*) FROM confirm"), 0,
	    "... now stored as ticks, the confirm table emptied");
	is_int(count_rows(path, "SELECT count(*) FROM tick WHERE item = "
	    "'imp.tlscontext.cipher' AND user = 'bob'"), 1,
	    "... with who confirmed it");

	open_rw(path, 0, &p);
	ok(fw_project_untick(p, "imp.tlscontext.cipher", &cause) == 0,
	    "untick the old confirmation");
	fw_project_close(p);
	d = load_as(path, FW_OPEN_READ_ONLY);
	ok(d != NULL && !fw_confirmed(d, "tls_3des") && d->n_ticks == 2,
	    "... and it stays unticked");
	fw_deployment_free(d);
	free(path);
}

static void
test_replace(void)
{
	char *path = path_in("r.fedwiz"), *cause = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = fw_deployment_new(), *back = NULL;

	d->name = xstrdup("Imported");
	d->edition = FW_EDITION_ENTERPRISE;
	fw_add_imp_node(d, "impa.cup.example.com", "192.0.2.11");
	fw_add_imp_domain(d, "cup.example.com", "impa.cup.example.com");
	fw_add_ocs_domain(d, "ocs.contoso.test", NULL);
	fw_add_ocs_pool(d, "pool1.ocs.contoso.test");
	fw_add_ocs_server(d, "fe1.ocs.contoso.test", "198.51.100.21",
	    "ocs.contoso.test", "pool1.ocs.contoso.test", FW_ROUTE_PRIMARY);
	fw_add_tick(d, "item.1", NULL, NULL, NULL);
	open_rw(path, FW_OPEN_CREATE, &p);
	ok(fw_project_replace(p, d, &cause) == 0, "replace succeeds");
	ok(fw_project_load(p, &back, &cause) == 0, "reload");
	is_int(back->edition, FW_EDITION_ENTERPRISE, "edition replaced");
	is_str(back->ocs_servers[0].pool, "pool1.ocs.contoso.test", "pool kept");
	is_str(back->imp_domains[0].route_to, "impa.cup.example.com",
	    "route_to kept");
	fw_deployment_free(back);
	/* A bad replacement (server naming a missing domain) changes nothing. */
	free(d->ocs_servers[0].domain);
	d->ocs_servers[0].domain = xstrdup("nowhere.test");
	free(d->name);
	d->name = xstrdup("Broken");
	ok(fw_project_replace(p, d, &cause) == -1, "bad replace refused");
	free(cause);
	cause = NULL;
	ok(fw_project_load(p, &back, &cause) == 0, "reload after failure");
	is_str(back->name, "Imported", "nothing of the bad replace stays");
	fw_deployment_free(back);
	fw_deployment_free(d);
	fw_project_close(p);
	free(path);
}

/* The audit row of a setting holds the value before and after. */
static void
test_setting_audit(void)
{
	char *path = path_in("s.fedwiz"), *cause = NULL, *last;
	struct fw_project *p = NULL;
	struct fw_strbuf sb;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	open_rw(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p);
	last = fw_project_last_change(p);
	is_str(last, NULL, "a new project has no last change");
	free(last);
	ok(fw_project_set_setting(p, "name", "One", &cause) == 0 &&
	    fw_project_set_setting(p, "name", "Two", &cause) == 0 &&
	    fw_project_set_setting(p, "name", "Two", &cause) == 0 &&
	    fw_project_set_setting(p, "transport", "tcp", &cause) == 0,
	    "four setting edits saved");
	fw_project_close(p);
	fw_sb_init(&sb);
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT what, old, new FROM audit ORDER BY id",
	    -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW)
		fw_sb_printf(&sb, "%s:%s>%s|", sqlite3_column_text(st, 0),
		    sqlite3_column_type(st, 1) == SQLITE_NULL ? "-" :
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	is_str(sb.buf, "setting name:->One|setting name:One>Two|"
	    "setting name:Two>Two|setting transport:->tcp|",
	    "each audit row has the old and the new value");
	free(sb.buf);
	/* After the clock was set back, the last change is still the newest
	 * row, not the latest time. */
	sqlite3_exec(db, "INSERT INTO audit (time, user, what) VALUES "
	    "('2001-01-01 00:00:00', 'x', 'setting name')", NULL, NULL, NULL);
	sqlite3_close(db);
	open_rw(path, 0, &p);
	last = fw_project_last_change(p);
	is_str(last, "2001-01-01 00:00:00", "the last change is the newest "
	    "audit row");
	free(last);
	fw_project_close(p);
	free(path);
}

/* One round of every kind of write the store has: more distinct
 * statements than its cache holds, so later ones push earlier ones out
 * and a second round prepares them again. */
static int
write_everything(struct fw_project *p, int round, char **cause)
{
	struct fw_deployment *d = fw_deployment_new();
	struct fw_imp_node n = { 0, "impb.cup.example.com", "192.0.2.12" };
	struct fw_imp_domain id = { 0, "b.example.com", NULL };
	struct fw_ocs_domain od = { 0, "b.ocs.test", NULL,
	    FW_MICROSOFT_INHERIT, NULL };
	struct fw_ocs_pool op = { 0, "poolb.b.ocs.test" };
	struct fw_ocs_server os = { 0, "feb.b.ocs.test", "198.51.100.9",
	    "b.ocs.test", "poolb.b.ocs.test", FW_ROUTE_BACKUP };
	struct fw_cert c = { "PEM", "ca.pem", "ab" };
	struct fw_probe_result r = { "fe1.ocs.contoso.test", 5061, "tls",
	    NULL, 1, "ok", NULL };
	char name[32];
	int rc;

	snprintf(name, sizeof name, "Round %d", round);
	d->name = xstrdup(name);
	fw_add_imp_node(d, "impa.cup.example.com", "192.0.2.11");
	fw_add_imp_domain(d, "cup.example.com", "impa.cup.example.com");
	fw_add_ocs_domain(d, "ocs.contoso.test", NULL);
	fw_add_ocs_pool(d, "pool1.ocs.contoso.test");
	fw_add_ocs_server(d, "fe1.ocs.contoso.test", "198.51.100.21",
	    "ocs.contoso.test", "pool1.ocs.contoso.test", FW_ROUTE_PRIMARY);
	fw_set_cert(d, FW_CERT_IMP_CA, "PEM", "imp.pem", "cd");
	fw_add_tick(d, "item.kept", NULL, NULL, NULL);
	rc = fw_project_replace(p, d, cause) ||
	    fw_project_set_setting(p, "ocs_edition", "enterprise", cause) ||
	    fw_project_save_imp_node(p, &n, cause) ||
	    fw_project_save_imp_domain(p, &id, cause) ||
	    fw_project_save_ocs_domain(p, &od, cause) ||
	    fw_project_save_ocs_pool(p, &op, cause) ||
	    fw_project_save_ocs_server(p, &os, cause) ||
	    (n.ip = "192.0.2.13", fw_project_save_imp_node(p, &n, cause)) ||
	    (id.route_to = n.fqdn,
	    fw_project_save_imp_domain(p, &id, cause)) ||
	    (od.description = "B", fw_project_save_ocs_domain(p, &od, cause)) ||
	    fw_project_save_ocs_pool(p, &op, cause) ||
	    (os.ip = "198.51.100.10",
	    fw_project_save_ocs_server(p, &os, cause)) ||
	    fw_project_tick(p, "item.gone", NULL, cause) ||
	    fw_project_untick(p, "item.gone", cause) ||
	    fw_project_set_step_done(p, 3, 1, cause) ||
	    fw_project_set_ticks(p, two_items, NULL, 2, 1, cause) ||
	    fw_project_set_ticks(p, two_items, NULL, 1, 0, cause) ||
	    fw_project_set_cert(p, FW_CERT_OCS_CA, &c, cause) ||
	    fw_project_set_cert(p, FW_CERT_IMP_CA, NULL, cause) ||
	    fw_project_set_position(p, round, "name", cause) ||
	    fw_project_save_probe(p, &r, cause) ||
	    fw_project_delete(p, FW_LIST_OCS_SERVER, os.id, cause) ||
	    fw_project_delete(p, FW_LIST_OCS_POOL, op.id, cause) ||
	    fw_project_delete(p, FW_LIST_OCS_DOMAIN, od.id, cause) ||
	    fw_project_delete(p, FW_LIST_IMP_DOMAIN, id.id, cause) ||
	    fw_project_set_setting(p, "name", name, cause);
	fw_deployment_free(d);
	return rc;
}

static void
test_long_session(void)
{
	char *path = path_in("w.fedwiz"), *cause = NULL, *field = NULL;
	struct fw_project *p = NULL;
	struct fw_deployment *d = NULL;
	int step = 0;

	open_rw(path, FW_OPEN_CREATE | FW_OPEN_EXCL, &p);
	ok(write_everything(p, 1, &cause) == 0, "every kind of write, once");
	ok(write_everything(p, 2, &cause) == 0, "and again on the same "
	    "connection%s%s", cause ? ": " : "", cause ? cause : "");
	fw_project_close(p);
	p = NULL;
	is_int(open_rw(path, 0, &p), 0, "the project reopens");
	ok(fw_project_load(p, &d, &cause) == 0, "and loads");
	is_str(d->name, "Round 2", "the last round's name");
	is_int(d->edition, FW_EDITION_ENTERPRISE, "its edition");
	ok(d->n_imp_nodes == 2 && strcmp(d->imp_nodes[1].ip,
	    "192.0.2.13") == 0, "the node added and edited");
	ok(d->n_imp_domains == 1 && d->n_ocs_domains == 1 &&
	    d->n_ocs_pools == 1 && d->n_ocs_servers == 1,
	    "the rows deleted are gone, the imported ones stay");
	ok(d->n_ticks == 2 && strcmp(d->ticks[0].item, "item.kept") == 0 &&
	    strcmp(d->ticks[1].item, "imp.tlscontext.fragments") == 0,
	    "the imported tick stays, the unticked ones are gone");
	ok(d->step_done[3] && fw_confirmed(d, "empty_fragments") &&
	    !fw_confirmed(d, "tls_3des"), "step and confirmations as last "
	    "written");
	ok(d->certs[FW_CERT_OCS_CA].pem != NULL &&
	    d->certs[FW_CERT_IMP_CA].pem == NULL, "certificates as last set");
	is_int((long long)d->n_probes, 1, "one probe result");
	ok(fw_project_get_position(p, &step, &field, &cause) == 0 &&
	    step == 2, "the position of the second round");
	ok(fw_project_audit_count(p) == 2 * 26, "one audit row per audited "
	    "write (%ld)", fw_project_audit_count(p));
	free(field);
	free(cause);
	fw_deployment_free(d);
	fw_project_close(p);
	free(path);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_create_and_edit();
	test_lock();
	test_not_projects();
	test_migration();
	test_migration_v2();
	test_host_certs();
	test_migration_v3();
	test_migration_v4();
	test_altered_schema();
	test_legacy_confirms();
	test_replace();
	test_setting_audit();
	test_long_session();
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			diag("could not remove %s", dir);
		free(cmd);
	}
	return done_testing();
}

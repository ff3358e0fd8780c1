/*
 * Inside the project store: the connection and the helpers that
 * fw_store.c, fw_store_rw.c and fw_store_probe.c share. Not for other
 * modules; they use fw_store.h.
 */
#ifndef FW_STORE_INT_H
#define FW_STORE_INT_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>

#include "fw_lock.h"
#include "fw_store.h"
#include "fw_util.h"

/* Statements kept prepared for the connection's life. An autosave re-runs
 * the same few statements (BEGIN, the change, its audit row, COMMIT) and
 * compiling them cost more CPU than running them; bench/results.md. */
#define DB_STMT_CACHE 32

struct fw_project {
	sqlite3 *db;
	sqlite3_stmt *cache[DB_STMT_CACHE];
	size_t cache_next;	/* the slot a new statement takes when full */
	char *path;
	struct fw_lock *lock;
	int read_only;
	int had_wal;		/* FILE-wal or -shm existed before we opened */
	struct fw_strbuf notices;
};

/* "PATH: WHAT: SQLite's message" into *cause; returns -1. */
int db_fail(struct fw_project *, char **cause, const char *what);
/* A failed read of the file, told as not a project, damaged or the
 * system's error; returns -1. */
int db_read_fail(struct fw_project *, char **cause);

/* Connection settings before the first statement (fw_store_schema.c):
 * defensive, schema code untrusted, triggers and views off. */
int db_harden(struct fw_project *, char **cause);
/* Triggers and views on (1) or off (0). */
int db_trust_schema_objects(struct fw_project *, int on, char **cause);
/*
 * Compares the file's schema with the one this fedwiz makes; returns -1
 * with "damaged or altered" in *cause. A file at this version must match
 * exactly, and its triggers and views are turned on after. An older one
 * is compared as its upgrade (the steps SQL, one per version) would leave
 * it, with the upgrade run on a copy of its schema in memory.
 */
int db_verify_schema(struct fw_project *, const char *const *upgrade,
    size_t steps, char **cause);

/*
 * Prepares sql and binds arguments described by types: 's' text (NULL
 * binds NULL), 'i' int, 'I' int64. Returns NULL with *cause on failure.
 */
sqlite3_stmt *db_prepare_v(struct fw_project *, const char *sql,
    const char *types, va_list ap, char **cause);
sqlite3_stmt *db_prepare(struct fw_project *, char **cause,
    const char *sql, const char *types, ...);
/* Runs a statement that returns no rows, prepared once per connection
 * (the cache above). */
int db_exec(struct fw_project *, char **cause, const char *sql,
    const char *types, ...);
int db_exec_plain(struct fw_project *, const char *sql, char **cause);
/* Finalizes the cached statements and closes the connection. */
void db_close(struct fw_project *);

/* A write transaction; fails on a project opened read-only. */
int db_begin(struct fw_project *, char **cause);
/* Rolls back when COMMIT fails. */
int db_commit(struct fw_project *, char **cause);
/* Always returns -1, for "return db_rollback(p);". */
int db_rollback(struct fw_project *);
int db_audit(struct fw_project *, const char *what, const char *old,
    const char *new, char **cause);
/* The text of one row, for the audit log (free()), or NULL. */
char *db_row_text(struct fw_project *, const char *sql, int64_t id);

const char *db_text(sqlite3_stmt *, int i);
/* 1 on a row, 0 at the end, -1 with *cause on an error. */
int db_step(struct fw_project *, sqlite3_stmt *, char **cause);

/* One statement plus its audit row, in one transaction. */
int db_write_one(struct fw_project *, const char *what,
    const char *new, char **cause, const char *sql, const char *types, ...);

#endif

#include "config.h"

#include "fw_store.h"
#include "fw_store_int.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "fw_util.h"

/*
 * Probe results: the last outcome per host, port and kind, kept so that
 * the checklist and `fedwiz show` can report them without probing again.
 */

static int
save_row(struct fw_project *p, const struct fw_probe_result *r,
    const char *now, char **cause)
{
	return db_exec(p, cause, "INSERT INTO probe (host, port, kind, time, "
	    "ok, summary, detail) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
	    "(host, port, kind) DO UPDATE SET time = excluded.time, ok = "
	    "excluded.ok, summary = excluded.summary, detail = "
	    "excluded.detail", "sississ", r->host, r->port, r->kind,
	    r->time != NULL ? r->time : now, r->ok ? 1 : 0, r->summary,
	    r->detail);
}

int
fw_project_save_probe(struct fw_project *p, const struct fw_probe_result *r,
    char **cause)
{
	char now[32], *what = xasprintf("probe %s:%d %s", r->host, r->port,
	    r->kind);
	int rc = -1;

	fw_now_utc(now, sizeof now);
	if (db_begin(p, cause) != 0)
		goto out;
	if (save_row(p, r, now, cause) != 0 ||
	    db_audit(p, what, NULL, r->summary, cause) != 0)
		rc = db_rollback(p);
	else
		rc = db_commit(p, cause);
out:
	free(what);
	return rc;
}

int
fw_project_replace_probes(struct fw_project *p, const char *host,
    const char *prefix, const struct fw_probe_result *r, size_t n,
    char **cause)
{
	char now[32], *what = xasprintf("probe %s %s*", host, prefix);
	char *count = xasprintf("%zu", n);
	size_t i;
	int rc = -1;

	fw_now_utc(now, sizeof now);
	if (db_begin(p, cause) != 0)
		goto out;
	/* Hosts compare as fw_probe_find() compares them; substr, not LIKE:
	 * a prefix holding % or _ means itself. */
	if (db_exec(p, cause, "DELETE FROM probe WHERE host = ? COLLATE "
	    "NOCASE AND "
	    "substr(kind, 1, length(?)) = ?", "sss", host, prefix,
	    prefix) != 0) {
		rc = db_rollback(p);
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (save_row(p, &r[i], now, cause) != 0) {
			rc = db_rollback(p);
			goto out;
		}
	}
	if (db_audit(p, what, NULL, count, cause) != 0)
		rc = db_rollback(p);
	else
		rc = db_commit(p, cause);
out:
	free(count);
	free(what);
	return rc;
}

int
fw_project_load_probes(struct fw_project *p, struct fw_deployment *d,
    char **cause)
{
	sqlite3_stmt *st = db_prepare(p, cause, "SELECT host, port, kind, "
	    "time, ok, summary, detail FROM probe ORDER BY host, port, kind",
	    "");
	struct fw_deployment *fresh = fw_deployment_new();
	struct fw_probe_result *old = d->probes;
	size_t n_old = d->n_probes;
	int r;

	if (st == NULL)
		goto out;
	while ((r = db_step(p, st, cause)) == 1)
		fw_add_probe_result(fresh, db_text(st, 0),
		    sqlite3_column_int(st, 1), db_text(st, 2), db_text(st, 3),
		    sqlite3_column_int(st, 4), db_text(st, 5),
		    db_text(st, 6));
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

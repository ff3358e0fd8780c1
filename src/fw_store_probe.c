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

int
fw_project_save_probe(struct fw_project *p, const struct fw_probe_result *r,
    char **cause)
{
	char now[32], *what = xasprintf("probe %s:%d %s", r->host, r->port,
	    r->kind);
	int rc;

	fw_now_utc(now, sizeof now);
	rc = db_write_one(p, what, r->summary, cause, "INSERT INTO probe "
	    "(host, port, kind, time, ok, summary, detail) VALUES (?, ?, ?, ?, "
	    "?, ?, ?) ON CONFLICT (host, port, kind) DO UPDATE SET time = "
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

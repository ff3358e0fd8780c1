/*
 * The project file: one SQLite database per deployment (extension .fedwiz).
 *
 * Every write is its own transaction, committed before the call returns
 * (autosave), and leaves a row in the audit log. All SQL uses prepared
 * statements with bound parameters. The store never formats text for
 * people beyond error messages.
 */
#ifndef FW_STORE_H
#define FW_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "fw_lock.h"
#include "fw_model.h"

/* PRAGMA user_version of files this fedwiz writes. */
#define FW_SCHEMA_VERSION 5
/* The first schema that has triggers of its own (schema.sql). */
#define FW_SCHEMA_FIRST_TRIGGERS 3

struct fw_project;

enum fw_open_flags {
	FW_OPEN_CREATE = 1 << 0,	/* create the file when missing */
	FW_OPEN_EXCL = 1 << 1,		/* with CREATE: fail when it exists */
	FW_OPEN_READ_ONLY = 1 << 2,	/* no lock taken, no writes */
};

/*
 * Opens (or creates) a project. Returns FW_EXIT_OK with *out set,
 * FW_EXIT_LOCKED with *holder describing the other fedwiz, or
 * FW_EXIT_USAGE with *cause (not a project, newer schema, I/O). A file that
 * is refused is never modified. Close with fw_project_close().
 */
int fw_project_open(const char *path, unsigned flags, struct fw_project **out,
    struct fw_lock_holder *holder, char **cause);
void fw_project_close(struct fw_project *);

const char *fw_project_path(const struct fw_project *);
int fw_project_read_only(const struct fw_project *);

/* Things worth telling the user once after open (network filesystem, so
 * no WAL; a stale lock taken over; a migration and its backup), one per
 * line, or NULL. Owned by the project. */
const char *fw_project_notices(const struct fw_project *);

/* The whole deployment (free with fw_deployment_free()). The confirmations
 * of a fedwiz 0.1 file are read as the ticks they stand for and, unless the
 * project is open read-only, written so (fw_confirm.h). */
int fw_project_load(struct fw_project *, struct fw_deployment **out,
    char **cause);

/* Replaces every answer and tick with d's, in one transaction (import). */
int fw_project_replace(struct fw_project *, const struct fw_deployment *d,
    char **cause);

/* Deployment settings by answers-file key: name, transport, ocs_edition,
 * peer_auth_port, server_auth_port, next_hop_port. Values are checked. */
int fw_project_set_setting(struct fw_project *, const char *key,
    const char *value, char **cause);

/* List entries: id 0 inserts (and sets id), else updates that row. */
int fw_project_save_imp_domain(struct fw_project *, struct fw_imp_domain *,
    char **cause);
int fw_project_save_imp_node(struct fw_project *, struct fw_imp_node *,
    char **cause);
int fw_project_save_ocs_domain(struct fw_project *, struct fw_ocs_domain *,
    char **cause);
int fw_project_save_ocs_pool(struct fw_project *, struct fw_ocs_pool *,
    char **cause);
int fw_project_save_ocs_server(struct fw_project *, struct fw_ocs_server *,
    char **cause);

enum fw_list {
	FW_LIST_IMP_DOMAIN,
	FW_LIST_IMP_NODE,
	FW_LIST_OCS_DOMAIN,
	FW_LIST_OCS_POOL,
	FW_LIST_OCS_SERVER,
};
int fw_project_delete(struct fw_project *, enum fw_list, int64_t id,
    char **cause);

/* Stores a project-wide certificate; cert->pem NULL removes it. */
int fw_project_set_cert(struct fw_project *, enum fw_cert_role,
    const struct fw_cert *cert, char **cause);
/* The same for an OCS server's or pool's own ocs_cert or ocs_ca (host its
 * FQDN; NULL = project-wide). */
int fw_project_set_host_cert(struct fw_project *, const char *host,
    enum fw_cert_role, const struct fw_cert *cert, char **cause);

/* Checklist ticks, with the current user and time. fw_project_set_ticks()
 * ticks (on, with fingerprints[i], which may be NULL) or unticks n items
 * in one transaction: all or none. */
int fw_project_tick(struct fw_project *, const char *item,
    const char *fingerprint, char **cause);
int fw_project_untick(struct fw_project *, const char *item, char **cause);
int fw_project_set_ticks(struct fw_project *, const char *const *items,
    const char *const *fingerprints, size_t n, int on, char **cause);

/* A step the admin confirmed done in the wizard. */
int fw_project_set_step_done(struct fw_project *, int step, int done,
    char **cause);
int fw_project_step_done(struct fw_project *, int step);

/* Where the wizard was: step and field key (free *field). */
int fw_project_set_position(struct fw_project *, int step, const char *field,
    char **cause);
int fw_project_get_position(struct fw_project *, int *step, char **field,
    char **cause);

/* Probe results (fw_probe.h): the latest per host, port and kind, so a
 * save replaces the one before; time NULL = now. They are findings, not
 * answers: import and export leave them alone. */
int fw_project_save_probe(struct fw_project *, const struct fw_probe_result *,
    char **cause);
/* Replaces every stored result of host (any case) whose kind starts with
 * prefix by the n results r, in one transaction: a run that checks a set
 * of objects (fedwiz verify) leaves no result of an earlier run behind. */
int fw_project_replace_probes(struct fw_project *, const char *host,
    const char *prefix, const struct fw_probe_result *r, size_t n,
    char **cause);
/* Replaces d's probe list with the stored results, ordered by host, port
 * and kind (fw_project_load() loads them too). */
int fw_project_load_probes(struct fw_project *, struct fw_deployment *d,
    char **cause);

/* Time of the last change ("YYYY-MM-DD HH:MM:SS" UTC) or NULL; free(). */
char *fw_project_last_change(struct fw_project *);

/* Number of audit rows (for tests and `show`). */
long fw_project_audit_count(struct fw_project *);

#endif

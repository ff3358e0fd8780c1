/*
 * Judging values while they are typed, before anything is saved: the
 * wizard's edit dialogs show the verdict after a short pause, so a typo
 * such as "cup1.example" or port 50600 is visible before Enter.
 *
 * Syntax comes first: a value the store would refuse yields that refusal,
 * the same words Enter would show. Otherwise the rules run over a copy of
 * the deployment holding the typed values, and the findings about the
 * edited entry (or setting) are kept. Name lookups go through the
 * resolver in opts, so a first verdict may say "resolving…"; judge again
 * when the resolver's pipe says an answer came.
 */
#ifndef FW_JUDGE_H
#define FW_JUDGE_H

#include <stddef.h>

#include "fw_model.h"
#include "fw_rules.h"
#include "fw_store.h"

/*
 * Appends to out (zeroed, or holding findings; free with
 * fw_findings_free()) the verdict on values (one per column of the list,
 * NULL or "" = empty) typed for entry row of list (row ==
 * fw_rows_count() for a new entry), errors first. A required column left
 * empty is not judged yet. Returns the number of errors appended.
 */
size_t fw_judge_row(const struct fw_deployment *d, enum fw_list list,
    size_t row, const char *const *values, const struct fw_rules_opts *opts,
    struct fw_findings *out);

/* The same for a deployment setting (fw_setting_check() keys). */
size_t fw_judge_setting(const struct fw_deployment *d, const char *key,
    const char *value, const struct fw_rules_opts *opts,
    struct fw_findings *out);

/* The same for a certificate file path typed for role (read as
 * fw_cert_load_file() reads it; "" = the certificate removed; a device or
 * FIFO is not read: nothing is said). For a CA the findings of the
 * certificate it signs come too: whether that one chains to it. */
size_t fw_judge_cert(const struct fw_deployment *d, enum fw_cert_role role,
    const char *path, const struct fw_rules_opts *opts,
    struct fw_findings *out);
/* The same for an OCS server's or pool's own (host; NULL = project-wide,
 * as fw_judge_cert()). */
size_t fw_judge_host_cert(const struct fw_deployment *d, const char *host,
    enum fw_cert_role role, const char *path,
    const struct fw_rules_opts *opts, struct fw_findings *out);

#endif

/*
 * The five lists seen as rows of text columns (fw_flow_columns()): one
 * way for an editor to read, check and save any list entry without
 * knowing its struct. Checks are the answers file's: syntax through
 * fw_syntax.h, references to declared entries, no duplicate names.
 */
#ifndef FW_ROWS_H
#define FW_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "fw_flow.h"
#include "fw_model.h"
#include "fw_store.h"

/* The most columns a list has. */
#define FW_ROWS_COLUMNS_MAX 5

size_t fw_rows_count(const struct fw_deployment *, enum fw_list);

/* Column col of entry row as text, or NULL when empty. Owned by d. */
const char *fw_rows_get(const struct fw_deployment *, enum fw_list,
    size_t row, size_t col);

/* A column computed from an entry, shown after the stored ones: the
 * destination pattern beside each OCS domain (guide: "enter .com.domaina.*
 * as the Destination Pattern value"). NULL when the list has none; *width
 * is the display columns it wants. */
const char *fw_rows_derived_label(enum fw_list, int *width);

/* The computed column of entry row (free()), or NULL. */
char *fw_rows_derived_value(const struct fw_deployment *, enum fw_list,
    size_t row);

/* The list a reference column points into (its column 0); -1 when the
 * column is not a reference. */
int fw_rows_ref_list(enum fw_col_kind, enum fw_list *);

/*
 * Checks values (one per column; NULL or "" = empty) against the column
 * kinds, the entries they refer to and the other entries' names, then
 * saves them as entry row (row == fw_rows_count() adds one) through the
 * store and reloads nothing: the caller reloads d. On any error nothing
 * is saved and *cause (free()) names the column: "IP: ...".
 */
int fw_rows_save(struct fw_project *, const struct fw_deployment *d,
    enum fw_list, size_t row, const char *const *values, char **cause);

/*
 * The same checks without saving, for judging values as they are typed:
 * on success *trial (free with fw_deployment_free()) is a copy of d with
 * entry row set to the values (row == fw_rows_count() adds one), for
 * fw_rules_run(). A required column may still be empty here: the admin
 * may not have reached it yet; fw_rows_save() refuses that.
 */
int fw_rows_trial(const struct fw_deployment *d, enum fw_list, size_t row,
    const char *const *values, struct fw_deployment **trial, char **cause);

/* Deletes entry row; an entry other entries refer to is refused. */
int fw_rows_delete(struct fw_project *, const struct fw_deployment *d,
    enum fw_list, size_t row, char **cause);

#endif

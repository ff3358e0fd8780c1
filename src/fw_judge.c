#include "config.h"

#include "fw_judge.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "fw_certfile.h"
#include "fw_flow.h"
#include "fw_rows.h"

/* The flow-table field that edits list (its first step's). */
static const char *
list_field(enum fw_list list, int *step)
{
	const struct fw_step *s;
	size_t i;
	int n;

	for (n = 0; (s = fw_flow_step(n)) != NULL; n++) {
		for (i = 0; i < s->n_fields; i++) {
			if (s->fields[i].type == FW_FIELD_LIST &&
			    s->fields[i].list == list) {
				*step = n;
				return s->fields[i].key;
			}
		}
	}
	*step = 0;
	return NULL;
}

/* The refusal Enter would show, as one error finding. */
static size_t
refusal(int step, const char *field, char *cause, struct fw_findings *out)
{
	struct fw_finding f = { FW_SEV_ERROR, step, (char *)field, NULL,
	    cause };

	fw_findings_filter(&(struct fw_findings){ &f, 1 }, -1, NULL, NULL, out);
	free(cause);
	return 1;
}

/* The one line a dialog has room for is the worst: errors, then
 * warnings, then the rest, each in the rules' order. */
static size_t
keep_worst_first(const struct fw_findings *all, const char *field,
    const char *subject, struct fw_findings *out)
{
	struct fw_findings mine = { NULL, 0 };
	size_t i, errors = 0;
	int sev;

	fw_findings_filter(all, -1, field, subject, &mine);
	for (sev = FW_SEV_ERROR; sev <= FW_SEV_INFO; sev++) {
		for (i = 0; i < mine.n; i++) {
			if ((int)mine.items[i].severity != sev)
				continue;
			fw_findings_filter(&(struct fw_findings){
			    &mine.items[i], 1 }, -1, NULL, NULL, out);
			errors += sev == FW_SEV_ERROR;
		}
	}
	fw_findings_free(&mine);
	return errors;
}

size_t
fw_judge_row(const struct fw_deployment *d, enum fw_list list, size_t row,
    const char *const *values, const struct fw_rules_opts *opts,
    struct fw_findings *out)
{
	struct fw_findings all = { NULL, 0 };
	struct fw_deployment *trial = NULL;
	size_t count = fw_rows_count(d, list), errors;
	const char *field, *name;
	char *cause = NULL;
	int step;

	field = list_field(list, &step);
	if (fw_rows_trial(d, list, row, values, &trial, &cause) != 0)
		return refusal(step, field, cause, out);
	/* Findings name the entry by its stored form; one still nameless
	 * has nothing to say yet. */
	name = fw_rows_get(trial, list, row < count ? row : count, 0);
	errors = 0;
	if (name != NULL) {
		fw_rules_run(trial, opts, &all);
		errors = keep_worst_first(&all, NULL, name, out);
	}
	fw_findings_free(&all);
	fw_deployment_free(trial);
	return errors;
}

size_t
fw_judge_setting(const struct fw_deployment *d, const char *key,
    const char *value, const struct fw_rules_opts *opts,
    struct fw_findings *out)
{
	struct fw_findings all = { NULL, 0 };
	struct fw_deployment *trial;
	char *norm = NULL, *cause = NULL;
	size_t errors;
	int step = 0;

	fw_flow_find_field(key, &step);
	if (fw_setting_check(key, value, &norm, &cause) != 0)
		return refusal(step, key, cause, out);
	trial = fw_deployment_copy(d);
	fw_setting_apply(trial, key, norm);
	fw_rules_run(trial, opts, &all);
	errors = keep_worst_first(&all, key, NULL, out);
	fw_findings_free(&all);
	fw_deployment_free(trial);
	free(norm);
	return errors;
}

/* The certificate a CA signs, whose chain check depends on it. */
static int
signed_by(enum fw_cert_role ca, enum fw_cert_role *cert)
{
	switch (ca) {
	case FW_CERT_OCS_CA:
		*cert = FW_CERT_OCS_CERT;
		return 1;
	case FW_CERT_IMP_CA:
		*cert = FW_CERT_IMP_CERT;
		return 1;
	default:
		return 0;
	}
}

size_t
fw_judge_cert(const struct fw_deployment *d, enum fw_cert_role role,
    const char *path, const struct fw_rules_opts *opts,
    struct fw_findings *out)
{
	return fw_judge_host_cert(d, NULL, role, path, opts, out);
}

size_t
fw_judge_host_cert(const struct fw_deployment *d, const char *host,
    enum fw_cert_role role, const char *path,
    const struct fw_rules_opts *opts, struct fw_findings *out)
{
	struct fw_findings all = { NULL, 0 };
	struct fw_deployment *trial;
	enum fw_cert_role cert;
	const char *key = fw_cert_role_key(role);
	struct fw_cert c = { NULL, NULL, NULL };
	struct stat st;
	char *cause = NULL;
	size_t errors;
	int step = 0;

	fw_flow_find_field(key, &step);
	/* While typing, only a file or a folder is opened: a device or a
	 * FIFO (/dev/tty) could hold up the keyboard; Enter reads it. */
	if (path[0] != '\0' && stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return 0;
	if (path[0] != '\0' && fw_cert_load_file(path, &c, &cause) != 0)
		return refusal(step, key, cause, out);
	trial = fw_deployment_copy(d);
	if (host != NULL)
		fw_set_host_cert(trial, host, role, c.pem, c.source, c.sha256);
	else
		fw_set_cert(trial, role, c.pem, c.source, c.sha256);
	fw_rules_run(trial, opts, &all);
	errors = keep_worst_first(&all, key, NULL, out);
	if (signed_by(role, &cert))
		errors += keep_worst_first(&all, fw_cert_role_key(cert), NULL,
		    out);
	fw_findings_free(&all);
	fw_deployment_free(trial);
	fw_cert_clear(&c);
	return errors;
}

/*
 * What admins meet in the field and what it means: one table of symptoms
 * (domain-notes.md, "What admins hit in the field"), read by `fedwiz
 * explain` and by the wizard's F1 help for the fields they concern.
 */
#ifndef FW_SYMPTOMS_H
#define FW_SYMPTOMS_H

#include <stddef.h>

#include "fw_model.h"

#define FW_SYMPTOM_CAUSES 5
#define FW_SYMPTOM_STEPS 4

struct fw_symptom {
	const char *id;		/* stable, e.g. "sip-408" */
	const char *title;	/* N_(): the symptom as the admin sees it */
	const char *pattern;	/* POSIX extended regex, case-insensitive */
	const char *meaning;	/* N_() */
	const char *causes[FW_SYMPTOM_CAUSES];	/* N_(), likeliest first */
	int steps[FW_SYMPTOM_STEPS];	/* flow steps to look at, 0-terminated */
	const char *fields;	/* flow field keys it concerns, space-separated */
	const char *guide;	/* the guide's section title (N_()) */
};

/* Every symptom, in table order; *n set to the count. */
const struct fw_symptom *fw_symptoms(size_t *n);

/* Appends to out (up to max) the symptoms whose pattern occurs in text, in
 * table order; returns how many. */
size_t fw_symptoms_match(const char *text, const struct fw_symptom **out,
    size_t max);

/* The symptoms that concern a flow field (for F1 help), like _match. */
size_t fw_symptoms_for_field(const char *key, const struct fw_symptom **out,
    size_t max);

/* The deployment's own values worth checking for a flow step, one
 * translated line each, appended to *lines (free each and the array). */
void fw_symptoms_step_values(const struct fw_deployment *, int step,
    char ***lines, size_t *n);

#endif

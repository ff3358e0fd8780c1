/*
 * What admins meet in the field and what it means: one table of symptoms
 * (domain-notes.md, "What admins hit in the field"), read by `fedwiz
 * explain` and by the wizard's F1 help for the fields they concern.
 */
#ifndef FW_SYMPTOMS_H
#define FW_SYMPTOMS_H

#include <stddef.h>

#include "fw_model.h"

#define FW_SYMPTOM_CAUSES 8
#define FW_SYMPTOM_STEPS 5

/* A likely cause and when it can be one: applies is an enum fw_applies
 * mask (fw_flow.h), as for the flow's steps and fields; confirm names the
 * flow confirmation that rules it out once the admin has confirmed it. */
struct fw_symptom_cause {
	const char *text;	/* N_() */
	unsigned applies;
	const char *confirm;	/* confirm key, or NULL */
};

/* A flow step to look at, when the step itself applies (fw_flow.c) and
 * this mask does too. */
struct fw_symptom_step {
	int step;
	unsigned applies;
};

struct fw_symptom {
	const char *id;		/* stable, e.g. "sip-408" */
	const char *title;	/* N_(): the symptom as the admin sees it */
	const char *pattern;	/* POSIX extended regex, case-insensitive */
	const char *meaning;	/* N_() */
	unsigned applies;	/* deployments it belongs to (0 = any) */
	const char *meaning_elsewhere;	/* N_(): what it means in the others */
	struct fw_symptom_cause causes[FW_SYMPTOM_CAUSES];	/* likeliest
								 * first */
	struct fw_symptom_step steps[FW_SYMPTOM_STEPS];	/* 0-terminated */
	const char *place;	/* fw_flow_place() key to look at, or NULL */
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

/* What the symptom means for this deployment (d may be NULL: any),
 * untranslated. */
const char *fw_symptom_meaning(const struct fw_symptom *,
    const struct fw_deployment *);
/* The guide's sections to read for sy in d (NULL: the symptom's own). */
const char *fw_symptom_guide(const struct fw_symptom *sy,
    const struct fw_deployment *d);

/* Whether a cause or a step can be one in this deployment (d NULL: all
 * can). A confirmed cause does not apply; fw_symptom_cause_confirmed
 * tells it apart. */
int fw_symptom_cause_applies(const struct fw_symptom_cause *,
    const struct fw_deployment *);
int fw_symptom_cause_confirmed(const struct fw_symptom_cause *,
    const struct fw_deployment *);
int fw_symptom_step_applies(const struct fw_symptom_step *,
    const struct fw_deployment *);

/* The deployment's own values worth checking for a flow step, one
 * translated line each, appended to *lines (free each and the array). */
void fw_symptoms_step_values(const struct fw_deployment *, int step,
    char ***lines, size_t *n);

#endif

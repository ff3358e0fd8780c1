/*
 * The task flow as data: the guide's nine steps (plus step 0, the
 * deployment itself), their fields, help texts, menu paths and when they
 * apply. The wizard draws from this table, the rules attach to field
 * types and the checklist reads its menu paths: nothing per screen.
 */
#ifndef FW_FLOW_H
#define FW_FLOW_H

#include <stddef.h>

#include "fw_model.h"
#include "fw_store.h"

#define FW_STEP_COUNT 10	/* step 0 (deployment) and the guide's 1-9 */

enum fw_field_type {
	FW_FIELD_TEXT,		/* free text (project name, description) */
	FW_FIELD_CHOICE,	/* one of choices[] */
	FW_FIELD_PORT,
	FW_FIELD_CERT_FILE,	/* a certificate file, stored as PEM */
	FW_FIELD_CONFIRM,	/* the admin confirms something set by hand */
	FW_FIELD_LIST,		/* a list of entries (see list) */
};

/* When a step, field or symptom cause applies (a bit mask; 0 = always).
 * The steps and fields use TLS and ENTERPRISE; the symptom table
 * (fw_symptoms.c) also needs the other side of each. OCS2007 and LYNC
 * name the Microsoft server (fw_model.h): a deployment-wide test asks
 * whether some OCS domain runs it, a test for one server or pool whether
 * that one does. */
enum fw_applies {
	FW_APPLIES_TLS = 1 << 0,
	FW_APPLIES_ENTERPRISE = 1 << 1,
	FW_APPLIES_TCP = 1 << 2,
	FW_APPLIES_STANDARD = 1 << 3,
	FW_APPLIES_OCS2007 = 1 << 4,	/* OCS 2007 R2 */
	FW_APPLIES_LYNC = 1 << 5,	/* Lync Server, Skype for Business */
};

struct fw_field {
	const char *key;	/* setting key, list name, cert role or confirm key */
	enum fw_field_type type;
	const char *label;	/* N_() */
	const char *help;	/* N_(): what it is */
	const char *where;	/* N_(): which admin UI and menu sets it */
	const char *example;	/* the guide's example, untranslated, or NULL */
	unsigned applies;
	enum fw_list list;	/* FW_FIELD_LIST */
	const char *const *choices;	/* FW_FIELD_CHOICE, NULL-terminated */
	int per_host;	/* FW_FIELD_CERT_FILE: also one per OCS server or pool */
};

struct fw_step {
	int number;
	const char *title;	/* N_(): short name for the steps pane */
	const char *guide_title;	/* the guide's section title (N_()) */
	const char *purpose;	/* N_(): what the step achieves */
	const char *admin_ui;	/* N_(): where it is done */
	const char *menu;	/* N_(): menu path, or NULL */
	unsigned applies;
	int manual;		/* done by hand on a server: needs "done" */
	const struct fw_field *fields;
	size_t n_fields;
	/* The step as it is done on Lync and Skype for Business servers
	 * (its own applies, title, admin UI and fields), or NULL when it
	 * is the same step or has none. It asks for no key its step does
	 * not (test_model checks), so a step's state is its own. */
	const struct fw_step *lync;
	/* A Lync form's short name for both forms at once (N_()), where a
	 * deployment runs OCS 2007 R2 and Lync or Skype for Business. */
	const char *both_title;
};

enum fw_step_state {
	FW_STEP_NOT_APPLICABLE,
	FW_STEP_NOT_STARTED,
	FW_STEP_IN_PROGRESS,
	FW_STEP_COMPLETE,
};

/* Step n (0-9), or NULL. */
const struct fw_step *fw_flow_step(int n);

/* Whether a step or field mask applies to this deployment. */
int fw_flow_applies(unsigned applies, const struct fw_deployment *);

/* Whether it applies to one OCS server or pool running m (the
 * deployment's transport and edition as above). */
int fw_flow_applies_to(unsigned applies, const struct fw_deployment *,
    enum fw_microsoft m);

/* Step n as this deployment does it, its first form (above); NULL when
 * there is no step n. */
const struct fw_step *fw_flow_step_for(int n, const struct fw_deployment *);

#define FW_STEP_FORMS 2

/* The forms of step n this deployment does, in forms[]: the step, its
 * Lync form where only that applies, or both (the step first) where some
 * OCS domains run OCS 2007 R2 and others Lync or Skype for Business and
 * each form applies. With no deployment, the step itself. Their number:
 * 0 when there is no step n. */
size_t fw_flow_step_forms(int n, const struct fw_deployment *,
    const struct fw_step *forms[FW_STEP_FORMS]);

/* Step n's short name as this deployment does it, translated: one name
 * for both forms where it does both. "" when there is no step n. */
const char *fw_flow_step_title(int n, const struct fw_deployment *);

/* Step n as it is done on a server or pool running m: its Lync form
 * when m is Lync/SfB and it has one, else the step itself. */
const struct fw_step *fw_flow_step_kind(int n, enum fw_microsoft m);

/* Why a step does not apply (translated), or NULL when it does. */
const char *fw_flow_not_applicable_reason(const struct fw_step *,
    const struct fw_deployment *);

/* A step's state from the answers and the admin's "done" confirmation.
 * Errors found by the rules are the caller's to overlay. */
enum fw_step_state fw_flow_step_state(const struct fw_step *,
    const struct fw_deployment *, int confirmed_done);

/* A short, translated word for a state ("complete", ...). */
const char *fw_flow_state_name(enum fw_step_state);

/* The field with this key in that step (or form of a step), or NULL. */
const struct fw_field *fw_flow_step_field(const struct fw_step *,
    const char *key);

/* The field with this key in any step, and its step number in *step. */
const struct fw_field *fw_flow_find_field(const char *key, int *step);

/* The field with this key as this deployment's form of its step has it
 * (a Lync deployment's "Microsoft CA certificate" for ocs_ca), else as
 * fw_flow_find_field() finds it. */
const struct fw_field *fw_flow_field_for(const char *key,
    const struct fw_deployment *);

/* What a list column holds: how it is checked and edited. */
enum fw_col_kind {
	FW_COL_HOST,		/* RFC 1123 name, stored folded (fw_syntax.h) */
	FW_COL_IP,		/* IPv4 or IPv6 address */
	FW_COL_TEXT,		/* free text */
	FW_COL_ROUTE,		/* primary or backup */
	FW_COL_REF_NODE,	/* the fqdn of an IM&P node */
	FW_COL_REF_DOMAIN,	/* the name of an OCS domain */
	FW_COL_REF_POOL,	/* the fqdn of an OCS pool */
	FW_COL_MICROSOFT,	/* a Microsoft server name; empty: inherited */
	FW_COL_TOPOLOGY,	/* a Lync/SfB topology name (fw_syntax.h) */
};

/* One column of a list: the sub-fields of its entries, in the order the
 * wizard shows and edits them. Column 0 names the entry. */
struct fw_column {
	const char *key;	/* the answers file's key: fqdn, ip, ... */
	const char *label;	/* N_() */
	enum fw_col_kind kind;
	int optional;		/* may stay empty */
	unsigned applies;	/* like fw_field.applies */
	int width;		/* display columns the list gives it */
};

/* The columns of a list and their number in *n. */
const struct fw_column *fw_flow_columns(enum fw_list, size_t *n);

/* Where work outside a step's own menu is done (restarts, certificate
 * stores, TLS settings): the checklist names these beside the steps'
 * menus. */
struct fw_place {
	const char *key;
	const char *admin_ui;	/* N_() */
	const char *menu;	/* N_() */
};

/* The place with this key ("imp_network_services", ...), or NULL. */
const struct fw_place *fw_flow_place(const char *key);

#endif

/*
 * The answers file: an INI-like preseed of everything a project holds
 * (format in fedwiz(1), section ANSWERS FILE).
 */
#ifndef FW_ANSWERS_H
#define FW_ANSWERS_H

#include <stddef.h>

#include "fw_model.h"

/* Inline PEM: "KEY = <<PEM", the text, then a line "PEM". */
#define FW_ANSWERS_HEREDOC "<<PEM"
#define FW_ANSWERS_HEREDOC_END "PEM"

/* Largest answers file read (bounded read). */
#define FW_ANSWERS_MAX (4 * 1024 * 1024)

/*
 * Parses answers text. filename names the source in messages and anchors
 * relative certificate paths. On success returns 0 and *out (free with
 * fw_deployment_free()), and, when warnings is not NULL, *warnings holds
 * "FILE:LINE: message" lines about what is taken but worth a look ([done]
 * ids on no checklist item), or NULL. On any error returns -1, *out stays
 * NULL and *errors holds every problem, one "FILE:LINE: message" per line.
 * free() both texts.
 */
int fw_answers_parse(const char *text, size_t len, const char *filename,
    struct fw_deployment **out, char **errors, char **warnings);

/* Reads (bounded) and parses a file; "-" is standard input. */
int fw_answers_read(const char *path, struct fw_deployment **out,
    char **errors, char **warnings);

/* The answers text for a deployment (free()); certificates inline as PEM. */
char *fw_answers_format(const struct fw_deployment *);

#endif

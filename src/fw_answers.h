/*
 * The answers file: an INI-like preseed of everything a project holds
 * (format in fedwiz(1), section ANSWERS FILE).
 */
#ifndef FW_ANSWERS_H
#define FW_ANSWERS_H

#include <stddef.h>

#include "fw_model.h"

/* Largest answers file read (bounded read). */
#define FW_ANSWERS_MAX (4 * 1024 * 1024)

/*
 * Parses answers text. filename names the source in messages and anchors
 * relative certificate paths. On success returns 0 and *out (free with
 * fw_deployment_free()). On any error returns -1, *out stays NULL and
 * *errors holds every problem, one "FILE:LINE: message" per line (free()).
 */
int fw_answers_parse(const char *text, size_t len, const char *filename,
    struct fw_deployment **out, char **errors);

/* Reads (bounded) and parses a file; "-" is standard input. */
int fw_answers_read(const char *path, struct fw_deployment **out,
    char **errors);

/* The answers text for a deployment (free()); certificates inline as PEM. */
char *fw_answers_format(const struct fw_deployment *);

#endif

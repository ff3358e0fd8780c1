/* Handing a document to the print system (lp or lpr). */
#ifndef FW_PRINT_H
#define FW_PRINT_H

enum fw_print_result {
	FW_PRINT_SENT,		/* the spooler took it */
	FW_PRINT_NO_SPOOLER,	/* neither lp nor lpr is installed */
	FW_PRINT_FAILED,	/* see cause */
};

/*
 * Sends text to lp (with -d LPDEST or PRINTER when set) or, when there is
 * no lp, to lpr (with -P PRINTER or LPDEST), run from PATH with an
 * argument vector, never through a shell. title names the job. On
 * FW_PRINT_SENT, *command (free()) says what was run, e.g. "lp -d hall".
 */
enum fw_print_result fw_print_text(const char *text, const char *title,
    char **command, char **cause);

/* Where a checklist goes when it cannot be printed: PROJECT-checklist.txt
 * beside the project, the ".fedwiz" extension dropped (free()). */
char *fw_print_fallback_path(const char *project);

#endif

/*
 * Subcommands: one file per command, each exporting one descriptor; cmd.c
 * lists them in one table. --help text comes from the descriptor.
 */
#ifndef FW_CMD_H
#define FW_CMD_H

#include <stdio.h>

struct fw_cmd {
	const char *name;
	const char *usage;	/* arguments after the name, untranslated syntax */
	const char *summary;	/* N_() marked, one line */
	const char *options;	/* N_() marked help for the options, or NULL */
	/* argv[0] is the command name; returns an exit code (enum fw_exit). */
	int (*exec)(int argc, char **argv);
};

extern const struct fw_cmd fw_cmd_init;
extern const struct fw_cmd fw_cmd_import;
extern const struct fw_cmd fw_cmd_export;
extern const struct fw_cmd fw_cmd_show;
extern const struct fw_cmd fw_cmd_explain;
extern const struct fw_cmd fw_cmd_validate;
extern const struct fw_cmd fw_cmd_cert_check;
extern const struct fw_cmd fw_cmd_probe;
extern const struct fw_cmd fw_cmd_verify;
extern const struct fw_cmd fw_cmd_checklist;
extern const struct fw_cmd fw_cmd_tick;
extern const struct fw_cmd fw_cmd_untick;
extern const struct fw_cmd fw_cmd_powershell;

/* NULL-terminated table of every subcommand, in --help order. */
extern const struct fw_cmd *const fw_cmds[];

const struct fw_cmd *fw_cmd_find(const char *name);

/* Prints "Usage: fedwiz NAME USAGE", summary and options to fp. */
void fw_cmd_print_help(FILE *fp, const struct fw_cmd *);

/* Common handling of --help/--version and unknown options for a command:
 * parses argv with getopt_long using longopts (which must end with the
 * zero entry and may be NULL for none). Returns -1 for "go on", or an exit
 * code to return at once. Sets *optind_out to the first operand. */
struct option;
int fw_cmd_parse(const struct fw_cmd *, int argc, char **argv,
    const char *shortopts, const struct option *longopts,
    int (*on_opt)(int opt, const char *arg, void *ctx), void *ctx,
    int *optind_out);

/* A usage error: prints "fedwiz NAME: MESSAGE" and "Try 'fedwiz NAME
 * --help'." on stderr; returns FW_EXIT_USAGE. */
int fw_cmd_usage(const struct fw_cmd *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The wizard: fedwiz [OPTIONS] [PROJECT]. args are the operands after the
 * global options (at most one, the PROJECT; none = the start screen). */
struct fw_ui_opts;
int fw_cmd_wizard(int nargs, char **args, struct fw_ui_opts *ui);

/* A usage error of the command line as a whole: prints "fedwiz: MESSAGE"
 * and "Try 'fedwiz --help'." on stderr; returns FW_EXIT_USAGE. */
int fw_try_help(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "fedwiz: MESSAGE" on stderr. */
void fw_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes s through the terminal filter (fw_sb_add_shown(), newlines and
 * tabs kept), so values from certificates, project files and peers cannot
 * drive the terminal. */
void fw_cmd_puts_safe(FILE *fp, const char *s);
/* printf to standard output through the same filter: every line of
 * command output that holds a value goes out this way. */
void fw_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints every line of errors (the answers parser's "FILE:LINE: message"
 * lines) as "fedwiz: LINE" on stderr. */
void fw_cmd_print_errors(const char *errors);

/* Opens a project for a subcommand and reports failures itself ("fedwiz:
 * FILE: ...", lock holder, notices). Returns an exit code; *out set on 0. */
struct fw_project;
int fw_cmd_open_project(const char *path, unsigned flags,
    struct fw_project **out);

/* Opens a project read-only and loads it, reporting failures itself.
 * Returns an exit code; on 0 *p and *d are set (close and free them). */
struct fw_deployment;
int fw_cmd_load_project(const char *path, struct fw_project **p,
    struct fw_deployment **d);

/* Opens output (NULL or "-": standard output) for writing with the given
 * mode, refusing project's own files and what is not a file, device or
 * FIFO (fw_out_open()); closes it. Both report errors themselves and
 * return an exit code. */
struct fw_out;
int fw_cmd_open_output(const char *output, const char *project, int mode,
    struct fw_out **out);
int fw_cmd_close_output(struct fw_out *out);

/* Writes text to output the same way. */
int fw_cmd_write_output(const char *output, const char *project,
    const char *text, int mode);

#endif

/* The entry point of the full-screen wizard (ui/), called by the CLI. */
#ifndef FW_UI_H
#define FW_UI_H

struct fw_tls_client;

struct fw_ui_opts {
	const char *path;	/* project file, or NULL for the start screen */
	int read_only;		/* open read-only without asking */
	int no_color;		/* --no-color or NO_COLOR set */
	int offline;		/* --offline: no DNS lookups */
	/* The Test action (t), as `fedwiz probe`'s --timeout, --client-cert
	 * and --client-key: seconds per wait (0 = the default), and the
	 * client identity for mutual TLS, read before the wizard starts and
	 * kept in memory only (NULL = none). */
	int probe_timeout_s;
	const char *client_cert, *client_key;
	const struct fw_tls_client *client;
};

/* Runs the wizard; returns an exit code (enum fw_exit). */
int fw_ui_run(const struct fw_ui_opts *);

#endif

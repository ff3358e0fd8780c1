/*
 * The Lync Server / Skype for Business Server side of the federation as
 * PowerShell for the Management Shell: one script per Enterprise Edition
 * pool or Standard Edition server, and a read-only script that exports the
 * live configuration as JSON for fedwiz verify.
 *
 * Every value from the project enters a script only as a single-quoted
 * PowerShell literal (fw_ps_quote()), in one data block at its top; the
 * code below that block is constant text.
 */
#ifndef FW_POWERSHELL_H
#define FW_POWERSHELL_H

#include <stddef.h>

struct fw_deployment;

enum fw_ps_kind {
	FW_PS_CONFIGURE,	/* adds what is missing, reports what differs */
	FW_PS_READ_BACK,	/* changes nothing, writes JSON */
};

/* The Microsoft servers a script is written for, in the order entered:
 * every pool in Enterprise Edition, every server in Standard Edition,
 * that runs Lync or Skype for Business (fw_microsoft_is_lync()). The one
 * place that chooses them. Returns their number; *out (free() the array,
 * not the strings, which belong to d) holds their FQDNs. */
size_t fw_ps_targets(const struct fw_deployment *d, const char ***out);

/* The Lync/SfB topology a target (a pool or server FQDN) belongs to
 * (fw_model.h): its routes and trusted pool are the topology's, shared
 * with the topology's other targets. */
const char *fw_ps_target_topology(const struct fw_deployment *d,
    const char *target);

/* The script of the given kind for target (one of fw_ps_targets()), UTF-8
 * with a byte order mark; free() the result. */
char *fw_ps_script(const struct fw_deployment *d, const char *target,
    enum fw_ps_kind kind);

#endif

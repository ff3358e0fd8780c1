/* Syntax of the values an admin types: host names, domains, IPs, ports. */
#ifndef FW_SYNTAX_H
#define FW_SYNTAX_H

/*
 * RFC 1123 host or domain name: labels of 1-63 letters, digits and hyphens,
 * no leading or trailing hyphen, at most 253 characters in all. A trailing
 * dot is accepted and dropped; the result is folded to lower case.
 * On success *norm (free with free()) holds the normal form; on failure
 * *cause says what is wrong.
 */
int fw_syntax_hostname(const char *in, char **norm, char **cause);

/* An IPv4 or IPv6 address in its usual text form; *norm is the canonical
 * text (inet_ntop). */
int fw_syntax_ip(const char *in, char **norm, char **cause);

/* A TCP/UDP port 1-65535, decimal digits only. */
int fw_syntax_port(const char *in, int *port, char **cause);

/* A Lync/SfB topology's name, as fedwiz calls it (item ids hold it): 1
 * to 32 letters, digits, hyphens or underscores, folded to lower case. */
#define FW_TOPOLOGY_NAME_MAX 32
int fw_syntax_topology(const char *in, char **norm, char **cause);

/* Free text (names, descriptions): no control characters but tab. */
int fw_syntax_text(const char *in, char **cause);

/* The name of a character fw_char_unsafe() refuses, for a message
 * (free()): "U+202E RIGHT-TO-LEFT OVERRIDE", "control character U+001B". */
char *fw_syntax_char_name(long cp);

#endif

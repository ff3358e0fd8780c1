#include "config.h"

#include "fw_syntax.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fw_i18n.h"
#include "fw_util.h"

#define HOSTNAME_MAX 253
#define LABEL_MAX 63

/* The Unicode names of the bidi controls fw_char_unsafe() refuses, so a
 * message says which invisible character a value holds. */
static const char *
bidi_name(long cp)
{
	static const char *const names[] = {
		"LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING",
		"POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE",
		"RIGHT-TO-LEFT OVERRIDE",
	}, *const isolates[] = {
		"LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE",
		"FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE",
	};

	if (cp >= 0x202A && cp <= 0x202E)
		return names[cp - 0x202A];
	if (cp >= 0x2066 && cp <= 0x2069)
		return isolates[cp - 0x2066];
	return NULL;
}

char *
fw_syntax_char_name(long cp)
{
	const char *name = bidi_name(cp);

	if (name != NULL)
		return xasprintf("U+%04lX %s", cp, name);
	return xasprintf(_("control character U+%04lX"), cp);
}

/* An internationalised name: DNS holds its punycode (xn--) form, which is
 * what the admin enters. The character is named, as it may look like an
 * ASCII letter. */
static int
non_ascii(const char *at, size_t left, const char *in, char **cause)
{
	const unsigned char *u = (const unsigned char *)at;
	size_t n = fw_utf8_seq(u, left);
	char *name;
	long cp;
	int rc;

	if (n == 0)
		return fw_fail(cause, _("'%s': byte 0x%02X is not UTF-8 and not "
		    "allowed in a host name"), in, u[0]);
	cp = (long)fw_utf8_cp(u, n);
	if (fw_char_unsafe((unsigned)cp)) {
		name = fw_syntax_char_name(cp);
		rc = fw_fail(cause, _("'%s': %s is not allowed in a host name"),
		    in, name);
		free(name);
		return rc;
	}
	return fw_fail(cause, _("'%s': '%.*s' (U+%04lX) is not allowed in a "
	    "host name; enter the punycode form (xn--...) of the name"), in,
	    (int)n, at, cp);
}

static int
label_check(const char *label, size_t len, const char *in, char **cause)
{
	size_t i;

	if (len == 0)
		return fw_fail(cause, _("'%s': empty label (two dots in a row, "
		    "or a leading dot)"), in);
	if (len > LABEL_MAX)
		return fw_fail(cause, _("'%s': label '%.*s' is %zu characters; "
		    "at most 63"), in, (int)len, label, len);
	if (label[0] == '-' || label[len - 1] == '-')
		return fw_fail(cause, _("'%s': label '%.*s' starts or ends with "
		    "a hyphen"), in, (int)len, label);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)label[i];

		if (c >= 0x80)
			return non_ascii(label + i, len - i, in, cause);
		if (!(isalnum(c) || c == '-'))
			return fw_fail(cause, _("'%s': character '%c' not "
			    "allowed; use letters, digits, hyphens and dots"),
			    in, isprint(c) ? c : '?');
	}
	return 0;
}

/* The first len bytes of s in lower case (ASCII), as a new string. */
static char *
folded(const char *s, size_t len)
{
	char *out = xstrndup(s, len);
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}

int
fw_syntax_hostname(const char *in, char **norm, char **cause)
{
	size_t len = strlen(in), start = 0, i;

	*norm = NULL;
	if (len > 0 && in[len - 1] == '.')
		len--;
	if (len == 0)
		return fw_fail(cause, _("empty name"));
	if (len > HOSTNAME_MAX)
		return fw_fail(cause, _("name is %zu characters; at most 253"),
		    len);
	for (i = 0; i <= len; i++) {
		if (i < len && in[i] != '.')
			continue;
		if (label_check(in + start, i - start, in, cause) != 0)
			return -1;
		start = i + 1;
	}
	*norm = folded(in, len);
	return 0;
}

int
fw_syntax_ip(const char *in, char **norm, char **cause)
{
	unsigned char addr[16];
	char text[INET6_ADDRSTRLEN];

	*norm = NULL;
	if (inet_pton(AF_INET, in, addr) == 1) {
		inet_ntop(AF_INET, addr, text, sizeof text);
	} else if (inet_pton(AF_INET6, in, addr) == 1) {
		inet_ntop(AF_INET6, addr, text, sizeof text);
	} else {
		return fw_fail(cause, _("'%s' is not an IPv4 or IPv6 address"),
		    in);
	}
	*norm = xstrdup(text);
	return 0;
}

int
fw_syntax_port(const char *in, int *port, char **cause)
{
	long v = 0;
	size_t i, len = strlen(in);

	if (len == 0 || len > 5)
		return fw_fail(cause, _("'%s' is not a port; use a number "
		    "from 1 to 65535"), in);
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)in[i]))
			return fw_fail(cause, _("'%s' is not a port; use a "
			    "number from 1 to 65535"), in);
		v = v * 10 + (in[i] - '0');
	}
	if (v < 1 || v > 65535)
		return fw_fail(cause, _("port %ld is out of range; use 1 to "
		    "65535"), v);
	*port = (int)v;
	return 0;
}

int
fw_syntax_topology(const char *in, char **norm, char **cause)
{
	size_t len = strlen(in), i;

	*norm = NULL;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)in[i]) && in[i] != '-' &&
		    in[i] != '_')
			break;
	}
	if (len == 0 || len > FW_TOPOLOGY_NAME_MAX || i < len)
		return fw_fail(cause, _("'%s' is no topology name: 1 to %d "
		    "letters, digits, hyphens or underscores"), in,
		    FW_TOPOLOGY_NAME_MAX);
	*norm = folded(in, len);
	return 0;
}

int
fw_syntax_text(const char *in, char **cause)
{
	size_t len = strlen(in);
	char *name;
	long cp;
	int rc;

	if (fw_unsafe_at(in, len, &cp) == len)
		return 0;
	if (cp < 0)
		return fw_fail(cause, _("'%s' is not valid UTF-8"), in);
	name = fw_syntax_char_name(cp);
	rc = fw_fail(cause, _("'%s' holds %s"), in, name);
	free(name);
	return rc;
}

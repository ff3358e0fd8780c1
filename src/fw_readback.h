/*
 * The read-back: the JSON file data/lync-readback.ps1 writes on a Lync
 * Server or Skype for Business Server (fedwiz powershell --read-back), read
 * into plain structures for fedwiz verify. Its shape, version 1, property
 * by property, is tests/fixtures/readback/README; a file without the format
 * marker is foreign and refused as such.
 *
 * The file is untrusted: its size, nesting and string lengths are bounded,
 * NUL bytes and invalid UTF-8 are refused before json-c sees it, and every
 * property the comparison reads must have its type; a refusal names the
 * property's path ("StaticRoutes[2].Port").
 */
#ifndef FW_READBACK_H
#define FW_READBACK_H

#include <stddef.h>

/* fedwiz(1), LIMITS. */
#define FW_READBACK_MAX_BYTES (4 * 1024 * 1024)
#define FW_READBACK_MAX_DEPTH 16
#define FW_READBACK_MAX_ENTRIES 4096	/* per list */
#define FW_READBACK_MAX_STRING 4096	/* bytes, Der excepted */
#define FW_READBACK_MAX_DER 65536	/* bytes of base64 */

#define FW_READBACK_FORMAT "fedwiz-microsoft-readback"
#define FW_READBACK_VERSION 1

struct fw_rb_strv {
	char **v;
	size_t n;
};

/* One route of Get-CsStaticRoutingConfiguration's Route lists. */
struct fw_rb_route {
	char *scope;		/* its configuration's Identity: "Global", ... */
	char *match_uri;
	char *transport;	/* Transport.TransportChoice's type name:
				 * "TLS", "TCP" */
	char *destination;	/* its Fqdn (TLS) or IPAddress (TCP) */
	long long port;
	int enabled;
	int phone_only;		/* MatchOnlyPhoneUri */
	int replace_host;	/* ReplaceHostInRequestUri */
};

struct fw_rb_pool {
	char *identity;
	char *registrar;	/* "Registrar:pool.example.com" */
	char *site;
	int treat_auth;
	int throttle;
	int outbound_only;
	int replication;
	struct fw_rb_strv computers;
};

struct fw_rb_computer {
	char *identity;
	char *pool;
	char *fqdn;
};

struct fw_rb_app {
	char *identity;
	char *app_id;		/* "urn:application:imptrustedapp" */
	char *pool;		/* TrustedApplicationPoolFqdn */
	long long port;
};

/* A certificate of Get-CsCertificate with Use "Default". */
struct fw_rb_cert {
	char *use;
	char *thumbprint;
	char *subject;
	struct fw_rb_strv sans;
	struct fw_rb_strv ekus;		/* OIDs */
	char *not_after;
	char *der;			/* base64 of the certificate */
};

struct fw_readback {
	char *format;
	long long version;
	char *target;		/* the pool or server the script was written for */
	char *target_site;	/* its Get-CsPool Site, "" when unknown */
	char *computer;		/* where it ran: NetBIOS name */
	char *computer_fqdn;	/* ... and DNS name */
	char *written;		/* "YYYY-MM-DDTHH:MM:SSZ" */
	/* Every static routing configuration's Identity, those without
	 * routes too: the most specific one for the target is the one that
	 * applies there. */
	struct fw_rb_strv scopes;
	struct fw_rb_route *routes;
	size_t n_routes;
	struct fw_rb_pool *pools;
	size_t n_pools;
	struct fw_rb_computer *computers;
	size_t n_computers;
	struct fw_rb_app *apps;
	size_t n_apps;
	struct fw_rb_cert *certs;
	size_t n_certs;
};

/* Parses len bytes (any bytes) named file in messages. On failure NULL
 * and *cause, one line: "FILE:LINE: what" where a line is known, else
 * "FILE: PATH: what". Free with fw_readback_free(). */
struct fw_readback *fw_readback_parse(const char *data, size_t len,
    const char *file, char **cause);

/* Reads path (at most FW_READBACK_MAX_BYTES, a regular file) and parses
 * it. */
struct fw_readback *fw_readback_read(const char *path, char **cause);

void fw_readback_free(struct fw_readback *);

#endif

/*
 * The deployment as the core sees it: everything one project file holds
 * about one IM and Presence <-> OCS federation, in memory.
 *
 * Lists keep the order in which the admin entered them (the store's rowid
 * order), so exports and checklists are stable.
 */
#ifndef FW_MODEL_H
#define FW_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum fw_transport {
	FW_TRANSPORT_TLS,
	FW_TRANSPORT_TCP,
};

enum fw_edition {
	FW_EDITION_STANDARD,
	FW_EDITION_ENTERPRISE,
};

/* The Microsoft server an OCS domain runs (answers key microsoft). */
enum fw_microsoft {
	FW_MICROSOFT_INHERIT = -1,	/* an OCS domain's: the deployment's */
	FW_MICROSOFT_OCS2007R2,
	FW_MICROSOFT_LYNC2010,
	FW_MICROSOFT_LYNC2013,
	FW_MICROSOFT_SFB2015,
	FW_MICROSOFT_SFB2019,
	FW_MICROSOFT_SFBSE,
	FW_MICROSOFT_COUNT,
};

/* What the IM and Presence static routes make of an OCS server: a
 * primary next hop, a backup one, or none (an Enterprise Edition front end
 * no route points to, which still needs its certificate, trust and FIPS). */
enum fw_route_role {
	FW_ROUTE_PRIMARY,
	FW_ROUTE_BACKUP,
	FW_ROUTE_NONE,
};

enum fw_cert_role {
	FW_CERT_OCS_CA,
	FW_CERT_OCS_CERT,
	FW_CERT_IMP_CA,
	FW_CERT_IMP_CERT,
	FW_CERT_COUNT,
};

/* The guide's defaults: Peer Auth 5061, Server Auth 5062 (domain notes). */
#define FW_DEFAULT_PEER_AUTH_PORT 5061
#define FW_DEFAULT_SERVER_AUTH_PORT 5062

/* Every list entry carries the store's row id (0 = not stored yet). */
struct fw_imp_domain {
	int64_t id;
	char *name;
	char *route_to;		/* IM&P node FQDN OCS routes point to; NULL = first node */
};

struct fw_imp_node {
	int64_t id;
	char *fqdn;
	char *ip;
};

struct fw_ocs_domain {
	int64_t id;
	char *name;
	char *description;	/* may be NULL */
	enum fw_microsoft microsoft;	/* FW_MICROSOFT_INHERIT = the default */
	char *topology;		/* Lync/SfB topology; NULL = the default one */
};

struct fw_ocs_pool {
	int64_t id;
	char *fqdn;
};

struct fw_ocs_server {
	int64_t id;
	char *fqdn;
	char *ip;
	char *domain;		/* an OCS domain name */
	char *pool;		/* an OCS pool FQDN (enterprise), else NULL */
	enum fw_route_role route;
};

/* A public certificate (or chain) as PEM text; a private key is never kept. */
struct fw_cert {
	char *pem;		/* NULL = none given */
	char *source;		/* file name it was read from, may be NULL */
	char *sha256;		/* hex fingerprint of the first certificate */
};

/*
 * An OCS server's or pool's own certificate or CA (FW_CERT_OCS_CERT or
 * FW_CERT_OCS_CA): it applies to that server, or to every server of that
 * pool, instead of the project-wide one in fw_deployment.certs (which is
 * the default for every server and pool without its own).
 */
struct fw_host_cert {
	char *host;		/* an OCS server or pool FQDN */
	enum fw_cert_role role;
	struct fw_cert cert;
};

/* Where the certificate that applies to an OCS server comes from. */
enum fw_cert_from {
	FW_CERT_FROM_NONE,	/* none given at all */
	FW_CERT_FROM_SERVER,	/* the server's own */
	FW_CERT_FROM_POOL,	/* its pool's */
	FW_CERT_FROM_DEFAULT,	/* the project-wide one */
};

/* A ticked checklist item; the confirmations of things set by hand are
 * ticks too (fw_confirm.h). */
struct fw_tick {
	char *item;		/* checklist item id */
	char *fingerprint;	/* the item's values when ticked, may be NULL */
	char *user;
	char *time;
};

/* A value found in the project outside its domain (the file was changed
 * behind fedwiz's back): the model holds the default instead, and
 * validate reports it. field is a flow-table field key, subject the list
 * entry it belongs to (or NULL), message names the value and the allowed
 * ones. */
struct fw_stored_fault {
	char *field;
	char *subject;
	char *message;
};

/* The latest result of one `fedwiz probe` check of one target, by host,
 * port and kind ("tls-3des", "tls", "sip"; fw_probe.h). */
struct fw_probe_result {
	char *host;
	int port;
	char *kind;
	char *time;		/* "YYYY-MM-DD HH:MM:SS" UTC */
	int ok;
	char *summary;		/* one line, translated when it was made */
	char *detail;		/* further lines, may be NULL */
};

/* Steps 0-9 of the flow table (fw_flow.h). */
#define FW_MODEL_STEPS 10

struct fw_deployment {
	char *name;
	enum fw_transport transport;
	enum fw_edition edition;
	enum fw_microsoft microsoft;	/* the OCS domains' default */
	char *imp_release;	/* "12.5", "15SU2", ...; NULL = not given */
	int peer_auth_port;
	int server_auth_port;

	struct fw_imp_domain *imp_domains;
	size_t n_imp_domains;
	struct fw_imp_node *imp_nodes;
	size_t n_imp_nodes;
	struct fw_ocs_domain *ocs_domains;
	size_t n_ocs_domains;
	struct fw_ocs_pool *ocs_pools;
	size_t n_ocs_pools;
	struct fw_ocs_server *ocs_servers;
	size_t n_ocs_servers;

	struct fw_cert certs[FW_CERT_COUNT];	/* project-wide (defaults) */
	struct fw_host_cert *host_certs;	/* per OCS server or pool */
	size_t n_host_certs;

	struct fw_tick *ticks;
	size_t n_ticks;

	int step_done[FW_MODEL_STEPS];	/* the admin confirmed the step done */

	/* Next Hop Port of the IM&P static routes to OCS; 0 = the guide's
	 * port for the transport (fw_next_hop_port()). */
	int next_hop_port;

	struct fw_probe_result *probes;	/* stored probe results */
	size_t n_probes;

	struct fw_stored_fault *stored_faults;
	size_t n_stored_faults;
};

/* A new, empty deployment with the guide's defaults. Free with
 * fw_deployment_free(). */
struct fw_deployment *fw_deployment_new(void);
void fw_deployment_free(struct fw_deployment *);

/* A deep copy of d, row ids included, to change without touching d (the
 * wizard judges values before they are saved). Free with
 * fw_deployment_free(). */
struct fw_deployment *fw_deployment_copy(const struct fw_deployment *d);

/* Appenders copy their string arguments (NULL stays NULL) and return the
 * new entry, owned by the deployment. */
struct fw_imp_domain *fw_add_imp_domain(struct fw_deployment *,
    const char *name, const char *route_to);
struct fw_imp_node *fw_add_imp_node(struct fw_deployment *,
    const char *fqdn, const char *ip);
struct fw_ocs_domain *fw_add_ocs_domain(struct fw_deployment *,
    const char *name, const char *description);
struct fw_ocs_pool *fw_add_ocs_pool(struct fw_deployment *, const char *fqdn);
struct fw_ocs_server *fw_add_ocs_server(struct fw_deployment *,
    const char *fqdn, const char *ip, const char *domain, const char *pool,
    enum fw_route_role);
struct fw_tick *fw_add_tick(struct fw_deployment *, const char *item,
    const char *fingerprint, const char *user, const char *time);
void fw_set_cert(struct fw_deployment *, enum fw_cert_role, const char *pem,
    const char *source, const char *sha256);
struct fw_stored_fault *fw_add_stored_fault(struct fw_deployment *,
    const char *field, const char *subject, const char *message);
/* An OCS server's or pool's own certificate (role FW_CERT_OCS_CERT or
 * FW_CERT_OCS_CA); pem NULL removes it. */
void fw_set_host_cert(struct fw_deployment *, const char *host,
    enum fw_cert_role, const char *pem, const char *source,
    const char *sha256);
/* host's own certificate of that role, or NULL. */
const struct fw_cert *fw_host_cert(const struct fw_deployment *,
    const char *host, enum fw_cert_role);
/* The certificate of that role that applies to s: its own, else its
 * pool's, else the project-wide one; NULL when none is given. *from (may
 * be NULL) says which. */
const struct fw_cert *fw_server_cert(const struct fw_deployment *,
    const struct fw_ocs_server *s, enum fw_cert_role,
    enum fw_cert_from *from);
/* Whether role is one a server or pool may have of its own. */
int fw_cert_role_per_host(enum fw_cert_role);
struct fw_probe_result *fw_add_probe_result(struct fw_deployment *,
    const char *host, int port, const char *kind, const char *time, int ok,
    const char *summary, const char *detail);

/* Lookups by (case-folded) name; NULL when absent. */
const struct fw_imp_node *fw_find_imp_node(const struct fw_deployment *,
    const char *fqdn);
const struct fw_ocs_domain *fw_find_ocs_domain(const struct fw_deployment *,
    const char *name);
const struct fw_ocs_pool *fw_find_ocs_pool(const struct fw_deployment *,
    const char *fqdn);

/* The IM&P node OCS static routes for this domain point to: route_to when
 * set, else the first node; NULL when there are no nodes. */
const struct fw_imp_node *fw_imp_domain_target(const struct fw_deployment *,
    const struct fw_imp_domain *);
/* The IM&P nodes with the routing nodes first (the domains' targets, in
 * domain order), then the others in entry order: what a Lync trusted
 * application pool is built from (its -ComputerFqdn is the first). Returns
 * their number; free() *out, not the nodes, which belong to d. */
size_t fw_imp_nodes_routing_first(const struct fw_deployment *,
    const struct fw_imp_node ***out);

/* Which Microsoft server an OCS domain, pool or server runs: the
 * domain's own choice, else the deployment's. A pool runs what its
 * servers' domain runs (the first server's; a pool without servers, the
 * default); a server what its domain does. NULL asks for the default. */
enum fw_microsoft fw_ocs_domain_microsoft(const struct fw_deployment *,
    const struct fw_ocs_domain *);
enum fw_microsoft fw_ocs_pool_microsoft(const struct fw_deployment *,
    const struct fw_ocs_pool *);
enum fw_microsoft fw_ocs_server_microsoft(const struct fw_deployment *,
    const struct fw_ocs_server *);
/* The Lync/SfB topology (one Central Management Store: its static
 * routes and trusted application pool are topology-wide) an OCS domain,
 * pool or server belongs to: the domain's own name, else
 * FW_TOPOLOGY_DEFAULT, the one topology of every domain that names none.
 * A pool's is its first server's; a pool without servers, the default. */
#define FW_TOPOLOGY_DEFAULT "default"
const char *fw_ocs_domain_topology(const struct fw_ocs_domain *);
const char *fw_ocs_pool_topology(const struct fw_deployment *,
    const struct fw_ocs_pool *);
const char *fw_ocs_server_topology(const struct fw_deployment *,
    const struct fw_ocs_server *);
/* The topologies of the Lync/SfB domains, in the order of each one's
 * first domain (no domains: the default, where step 0's server is Lync
 * or SfB). Their number; *out (free() the array, not the names, which
 * belong to d or are FW_TOPOLOGY_DEFAULT) holds their names. */
size_t fw_lync_topologies(const struct fw_deployment *, const char ***out);
/* The Lync/SfB products of topology t, in the order of their first
 * domain, into out[] (at most FW_MICROSOFT_COUNT); their number. */
size_t fw_topology_products(const struct fw_deployment *, const char *t,
    enum fw_microsoft out[]);
/* Lync Server or Skype for Business Server: all but OCS 2007 R2. */
int fw_microsoft_is_lync(enum fw_microsoft);
/* Whether any OCS domain (none: the default) runs Lync/SfB, or runs
 * OCS 2007 R2. A mixed deployment has both. */
int fw_deployment_has_lync(const struct fw_deployment *);
int fw_deployment_has_ocs2007(const struct fw_deployment *);
/* The product's name ("Lync Server 2013"), untranslated. */
const char *fw_microsoft_product(enum fw_microsoft);
/* The products the OCS domains run (none: the default), in enum order,
 * ", " between them (free()). */
char *fw_deployment_products(const struct fw_deployment *);

/* An IM and Presence release as the admin gives it: MAJOR[.MINOR]
 * [(BUILD)][SUn], "11.5(1)SU3", "15SU2". Fields not given are 0. */
struct fw_imp_release {
	int major, minor, build, su;
};
int fw_imp_release_parse(const char *, struct fw_imp_release *);
/* Whether a release (NULL = not given: 0) is at least major.minor(build)SUsu. */
int fw_imp_release_at_least(const char *, int major, int minor, int build,
    int su);
/* The SIP federated domain's Integration Type for the deployment's IM and
 * Presence release, as Cisco's UI spells it (not translated). */
const char *fw_integration_type(const struct fw_deployment *);
/* A release that parses, spelt as stored: "su" in capitals (free()). */
char *fw_imp_release_norm(const char *);

/* Names of enum values as the answers file and the schema spell them, and
 * back. Parsers return 0 on success, -1 on an unknown word. */
const char *fw_transport_name(enum fw_transport);
int fw_transport_parse(const char *, enum fw_transport *);
const char *fw_edition_name(enum fw_edition);
int fw_edition_parse(const char *, enum fw_edition *);
const char *fw_microsoft_name(enum fw_microsoft);	/* "lync2013" */
int fw_microsoft_parse(const char *, enum fw_microsoft *);
const char *fw_route_name(enum fw_route_role);
int fw_route_parse(const char *, enum fw_route_role *);
const char *fw_cert_role_key(enum fw_cert_role);	/* "ocs_ca", ... */
int fw_cert_role_parse(const char *, enum fw_cert_role *);

/* Deployment settings by answers-file key (name, transport, ocs_edition,
 * microsoft, imp_release, peer_auth_port, server_auth_port,
 * next_hop_port): fw_setting_check() judges a value and gives its stored
 * form in *norm (free()), or -1 with *cause, which does not name the key
 * (every caller's line or dialog names it already); fw_setting_apply()
 * sets a stored form on d. */
int fw_setting_check(const char *key, const char *value, char **norm,
    char **cause);
void fw_setting_apply(struct fw_deployment *d, const char *key,
    const char *norm);
/* The stored form of setting key in d (free()); NULL when it has none. */
char *fw_setting_value(const struct fw_deployment *d, const char *key);

/* Whether d holds answers that fedwiz never takes together: TCP with a
 * Lync or Skype for Business domain ("TCP is not supported for
 * federation with Microsoft Lync", Cisco, Interdomain Federation
 * 12.5(1)SU3). 0, or -1 with *cause (free()) saying why and the source. */
int fw_deployment_refused(const struct fw_deployment *d, char **cause);
/* The same for d with setting key set to value (as typed). */
int fw_setting_refused(const struct fw_deployment *d, const char *key,
    const char *value, char **cause);

/* Next-hop port the guide prescribes for the transport: TLS 5061, TCP 5060. */
int fw_transport_port(enum fw_transport);

/* The OCS next hops' port: next_hop_port when set, else the guide's. */
int fw_next_hop_port(const struct fw_deployment *);

#endif

#include "config.h"

#include "fw_flow.h"
#include "fw_i18n.h"
#include "fw_rules_int.h"

#define PORT_SIP_TCP 5060
#define PORT_PEER_AUTH 5061
#define PORT_SERVER_AUTH 5062
#define PORT_SERVER_AUTH_ALT 5063

/* Where the admin changes a field, from the flow table. */
static const char *
where(const char *field)
{
	const struct fw_field *f = fw_flow_find_field(field, NULL);

	return f != NULL && f->where != NULL ? _(f->where) : "";
}

static int
port_in_range(int port, const char *field, const char *label,
    struct fw_findings *out)
{
	if (port >= 1 && port <= 65535)
		return 1;
	fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step(field), field,
	    NULL, _("the %s port %d is not a port; enter a number from 1 to "
	    "65535"), label, port);
	return 0;
}

/* Guide, Verify Peer Authentication Listener, step 3: "Confirm that the
 * Default Cisco SIP Proxy TLS Listener - Peer Auth port is 5061". */
static void
check_peer_auth(int peer, int server, struct fw_findings *out)
{
	if (peer == PORT_PEER_AUTH)
		return;
	fw_finding_add(out, FW_SEV_ERROR,
	    fw_rules_field_step("peer_auth_port"), "peer_auth_port", NULL,
	    _("the Peer Auth listener is on port %d; the guide requires "
	    "5061. In %s set Default Cisco SIP Proxy TLS Listener - Peer "
	    "Auth to 5061%s, then restart the Cisco SIP Proxy on every "
	    "node"), peer, where("peer_auth_port"),
	    server == PORT_PEER_AUTH ? _(" (move Server Auth off 5061 "
	    "first: to 5063, then Peer Auth to 5061, then Server Auth to "
	    "5062)") : "");
}

/* Guide, same section, step 4: Server Auth "is not 5061. If this port is
 * configured as 5061, you must change it to another value". */
static void
check_server_auth(int peer, int server, struct fw_findings *out)
{
	int free_port = peer == PORT_SERVER_AUTH ? PORT_SERVER_AUTH_ALT :
	    PORT_SERVER_AUTH;

	if (server == PORT_PEER_AUTH)
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("server_auth_port"),
		    "server_auth_port", NULL, _("the Server Auth listener is "
		    "on 5061, the Peer Auth port; in %s set Default Cisco SIP "
		    "Proxy TLS Listener - Server Auth to %d and restart the "
		    "Cisco SIP Proxy on every node"),
		    where("server_auth_port"), free_port);
	else if (server == peer)
		fw_finding_add(out, FW_SEV_ERROR,
		    fw_rules_field_step("server_auth_port"),
		    "server_auth_port", NULL, _("the Peer Auth and Server Auth "
		    "listeners are both on port %d; two listeners cannot share "
		    "a port: set Server Auth to %d in %s"), server, free_port,
		    where("server_auth_port"));
}

/* The SIP Proxy's TCP listener holds 5060; TCP routes from OCS arrive
 * there, so a TLS listener cannot take it. */
static void
check_not_tcp_port(int port, const char *field, const char *label,
    struct fw_findings *out)
{
	if (port != PORT_SIP_TCP)
		return;
	fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step(field), field,
	    NULL, _("the %s listener is on 5060, the port of the Cisco SIP "
	    "Proxy TCP listener; two listeners cannot share a port: move it "
	    "in %s"), label, where(field));
}

/* Guide, Configure Static Routes on OCS: "The port used for the TLS static
 * route must match the Peer Auth Listener port". The OCS routes therefore
 * use the Peer Auth port; anything but 5061 departs from the guide. */
static void
check_ocs_route_port(const struct fw_deployment *d, struct fw_findings *out)
{
	int port = d->transport == FW_TRANSPORT_TLS ? d->peer_auth_port :
	    fw_transport_port(FW_TRANSPORT_TCP);

	if (port == fw_transport_port(d->transport))
		return;
	fw_finding_add(out, FW_SEV_WARNING, FW_STEP_OCS_ROUTES, "imp_domain",
	    NULL,
	    _("the OCS static routes to IM and Presence must use port %d, "
	    "the Peer Auth listener, where the guide uses %d for %s; once "
	    "Peer Auth is on 5061, use 5061 on OCS too"), port,
	    fw_transport_port(d->transport),
	    d->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP");
}

/* Guide, Configure Static Route on IM and Presence Service, step 4: TCP
 * "5060 as the Next Hop Port number", TLS "5061". next_hop_port is only
 * set to depart from that (a lab, a test peer). */
static void
check_next_hop_port(const struct fw_deployment *d, struct fw_findings *out)
{
	int guide = fw_transport_port(d->transport);

	if (d->next_hop_port == 0 || d->next_hop_port == guide)
		return;
	fw_finding_add(out, FW_SEV_ERROR, fw_rules_field_step("ocs_server"),
	    "ocs_server", NULL, _("the static routes to OCS use Next Hop Port "
	    "%d, where the guide uses %d for %s; OCS listens there (Enable "
	    "Port 5060/5061 on the OCS Server): set %d"), d->next_hop_port,
	    guide, d->transport == FW_TRANSPORT_TLS ? "TLS" : "TCP", guide);
}

void
fw_rules_ports(const struct fw_rule_ctx *ctx, struct fw_findings *out)
{
	const struct fw_deployment *d = ctx->d;
	int peer_ok, server_ok;

	check_next_hop_port(d, out);
	peer_ok = port_in_range(d->peer_auth_port, "peer_auth_port",
	    _("Peer Auth listener"), out);
	server_ok = port_in_range(d->server_auth_port, "server_auth_port",
	    _("Server Auth listener"), out);
	if (peer_ok) {
		check_peer_auth(d->peer_auth_port, d->server_auth_port, out);
		check_not_tcp_port(d->peer_auth_port, "peer_auth_port",
		    _("Peer Auth"), out);
		check_ocs_route_port(d, out);
	}
	if (server_ok) {
		check_not_tcp_port(d->server_auth_port, "server_auth_port",
		    _("Server Auth"), out);
		if (peer_ok)
			check_server_auth(d->peer_auth_port,
			    d->server_auth_port, out);
	}
}

#!/bin/sh
# Choosing Lync Server 2013 in step 0 reshapes the steps from the flow
# table: steps 3, 5 and 6 become their Lync forms (static routes and the
# trusted application pool in the Management Shell, the default
# certificate), steps 7 and 8 show "– not applicable" with the reason, and
# TCP is then refused with its reason and source, the project unchanged;
# a domain's own choice in step 1 makes the deployment mixed.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"

tui_start 100x30 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "0 · Deployment" || echo "Bail out! the wizard did not start"
ok "OCS 2007 R2: step 5 is host authorization" \
	grep -q "5 Host authorization" "$TUI_SCREEN"
ok "OCS 2007 R2: step 7 applies" sh -c \
	"! grep -q '– 7 OCS listener port' '$TUI_SCREEN'"

# Step 0's fields: name, transport, edition, the two lists, then the
# Microsoft server. A letter picks the next choice starting with it.
tui_keys Tab Tab Tab Tab Tab Enter
tui_wait "Esc cancel" || echo "Bail out! no dialog for the Microsoft server"
tui_type ll
tui_keys Enter
tui_wait "Trusted application" ||
	echo "Bail out! choosing lync2013 did not change the steps"
ok "Lync: the choice is shown" grep -q "Microsoft server *lync2013" "$TUI_SCREEN"
ok "Lync: step 3 is the Lync static routes" \
	grep -q "3 Lync static routes" "$TUI_SCREEN"
ok "Lync: step 5 the trusted application" \
	grep -q "5 Trusted application" "$TUI_SCREEN"
ok "Lync: step 6 the Lync certificate" grep -q "6 Lync certificate" "$TUI_SCREEN"
ok "Lync: step 7 marked not applicable" \
	grep -q "– 7 OCS listener port" "$TUI_SCREEN"
ok "Lync: step 8 marked not applicable" grep -q "– 8 FIPS on OCS" "$TUI_SCREEN"
ok "Lync: step 9 still applies" sh -c \
	"! grep -q '– 9 IM&P certificates' '$TUI_SCREEN'"

# Step 7 says why it does not apply.
tui_keys NPage NPage NPage NPage NPage NPage NPage
tui_wait "7 · Enable Port 5060/5061" || echo "Bail out! step 7 not reached"
ok "step 7: not applicable, naming the trusted application pool" \
	grep -q "OCS 2007 R2 only" "$TUI_SCREEN"
tui_keys PPage PPage
tui_wait "5 · Configure a Trusted Application Pool on Lync" ||
	echo "Bail out! step 5 is not the Lync one"
ok "step 5: done in the Management Shell" \
	grep -q "Management Shell" "$TUI_SCREEN"
tui_keys NPage
tui_wait "6 · Check the Default Certificate of the Lync" ||
	echo "Bail out! step 6 is not the Lync one"
ok "step 6: the front end certificate, as Lync names it" \
	grep -q "Microsoft front end certificate" "$TUI_SCREEN"

# TCP with Lync: the dialog refuses it, saying why.
tui_keys PPage PPage PPage PPage PPage PPage
tui_wait "0 · Deployment"
tui_keys Tab Enter
tui_wait "Esc cancel" || echo "Bail out! no dialog for the transport"
tui_type t
tui_keys Enter
tui_wait "TCP is not supported" ||
	echo "Bail out! TCP was not refused"
ok "TCP refused with its source" grep -q "Interdomain" "$TUI_SCREEN"
tui_keys Escape
tui_wait_gone "TCP is not supported"

# A domain's own Microsoft server (step 1's Microsoft column): ocs.test
# back on OCS 2007 R2 makes the deployment mixed, and the OCS steps apply
# again beside the Lync ones.
tui_keys F2 1
tui_wait "1 · Add a Microsoft" || echo "Bail out! step 1 not reached"
ok "step 1: the OCS domains have a Microsoft and a Topology column" \
	grep -q "Domain .* Description .* Microsoft .*Topology" "$TUI_SCREEN"

# A Lync domain's topology: refused with the rule when it is no name,
# taken folded when it is.
tui_keys Enter
tui_wait "Esc cancel" || echo "Bail out! no dialog for ocs.test"
tui_keys Tab Tab Tab
tui_type west.coast
tui_keys Enter
ok "a topology with a dot is refused, saying what one is" \
	tui_wait "is no topology name"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
	BSpace
tui_type West
tui_keys Enter
tui_wait_gone "Esc cancel" || echo "Bail out! the topology was not taken"
ok "the domain's topology is shown folded" \
	grep -q "ocs.test .* west" "$TUI_SCREEN"

tui_keys Enter
tui_wait "Esc cancel" || echo "Bail out! no dialog for ocs.test"
tui_keys Tab Tab
tui_type o
tui_keys Tab Enter
tui_wait_gone "Esc cancel"
tui_wait "ocs2007r2" || echo "Bail out! the domain's choice is not shown"
ok "mixed: a topology on an OCS 2007 R2 domain is a finding" \
	tui_wait "which has no Lync topology"
ok "mixed: step 5 names host authorization and the trusted application" \
	grep -q "5 Host auth/trust app" "$TUI_SCREEN"
ok "mixed: step 3 both kinds of static route" \
	grep -q "3 OCS and Lync routes" "$TUI_SCREEN"
ok "mixed: step 6 both certificates" grep -q "6 OCS and Lync certs" "$TUI_SCREEN"
ok "mixed: step 7 applies again" sh -c \
	"! grep -q '– 7 OCS listener port' '$TUI_SCREEN'"

# Each form of a mixed step shows, with where it is done.
tui_keys F2 5
tui_wait "5 · Host auth/trust app" || echo "Bail out! step 5 not reached"
ok "mixed step 5: host authorization on OCS" \
	grep -q "│ Host authorization" "$TUI_SCREEN"
ok "... in the OCS Front End Properties" \
	grep -q "Front End Properties > Host" "$TUI_SCREEN"
ok "... and the trusted application on Lync" \
	grep -q "│ Trusted application" "$TUI_SCREEN"
ok "... in its Management Shell" grep -q "Management Shell" "$TUI_SCREEN"
ok "... then one Done for the step" grep -q "\[ \] Done: I made" "$TUI_SCREEN"
tui_keys F1
tui_wait "Any key closes" || echo "Bail out! no help on step 5"
ok "step 5's help: the OCS section" \
	grep -q "Adding a Host Authorization Entry" "$TUI_SCREEN"
ok "... and the Lync one" \
	grep -q "Configure a Trusted Application Pool on Lync" "$TUI_SCREEN"
tui_keys q
tui_wait_gone "Any key closes"
tui_keys F2 6
tui_wait "6 · OCS and Lync certs" || echo "Bail out! step 6 not reached"
tui_keys F1
tui_wait "Any key closes" || echo "Bail out! no help on step 6"
ok "the CA field's help: as OCS has it" \
	grep -q "│ OCS CA certificate" "$TUI_SCREEN"
ok "... and as Lync has it" grep -q "Microsoft CA certificate" "$TUI_SCREEN"
tui_keys q
tui_wait_gone "Any key closes"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"

run "$FEDWIZ" export p.fedwiz
ok "saved: microsoft = lync2013" grep -q "^microsoft = lync2013\$" "$OUT"
ok "the transport stays tls" grep -q "^transport = tls\$" "$OUT"
ok "ocs.test names its own Microsoft server" sh -c \
	"grep -A3 '^name = ocs.test\$' '$OUT' | grep -q '^microsoft = ocs2007r2\$'"
ok "... and keeps its topology" sh -c \
	"grep -A4 '^name = ocs.test\$' '$OUT' | grep -q '^topology = west\$'"
done_testing

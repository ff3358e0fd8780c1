#!/bin/sh
# A whole deployment typed into the wizard, from an empty project through
# all nine steps, as an admin would: then `fedwiz export` must equal the
# expected answers file (certificates compared by content) and every
# applicable step must show complete.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

# Real certificates, made now: two CAs and a leaf from each.
mkcert() { # NAME CN [CA]
	if [ -z "$3" ]; then
		openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" \
			-out "$1.pem" -subj "/CN=$2" -days 30 2>/dev/null
	else
		openssl req -new -newkey rsa:2048 -nodes -keyout "$1.key" \
			-out "$1.csr" -subj "/CN=$2" 2>/dev/null &&
		printf 'extendedKeyUsage = serverAuth, clientAuth\n' >"$1.ext" &&
		openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" \
			-CAcreateserial -days 30 -extfile "$1.ext" \
			-out "$1.pem" 2>/dev/null
	fi
}
mkcert ocsca "OCS Test CA" && mkcert fe1 fe1.ocs.contoso.test ocsca &&
mkcert impca "IMP Test CA" && mkcert impa impa.cup.northwind.test impca ||
	echo "Bail out! openssl could not make test certificates"

# --offline: the names are made up; the DNS findings are tui_findings.sh's.
tui_start 100x30 "\"$FEDWIZ\" --offline nw.fedwiz"
tui_wait "0 Deployment" || echo "Bail out! the wizard did not start"

# add_row VALUE...: Enter opens the dialog on "Add…"; one VALUE per field,
# typed with Tab between them ("" leaves a field as it is, "@KEY" sends a
# key); Enter on the last field is OK.
add_row() {
	tui_keys Enter
	tui_wait "New entry" 5 >/dev/null
	_first=1
	for _v; do
		[ $_first -eq 1 ] || tui_keys Tab
		_first=0
		case $_v in
		"") ;;
		@*) tui_keys "${_v#@}" ;;
		*) tui_type "$_v" ;;
		esac
	done
	tui_keys Enter
	tui_wait_gone "New entry" 5
}
# Step 0: the deployment.
tui_keys Enter; tui_type "Northwind federation"; tui_keys Enter
tui_keys Tab Tab Enter; tui_type e; tui_keys Enter
tui_keys Tab
add_row impa.cup.northwind.test 192.0.2.11
add_row impb.cup.northwind.test 192.0.2.12
tui_keys Tab
add_row cup.northwind.test @Space
tui_wait "IM and Presence domains (1)" ||
	echo "Bail out! step 0 was not taken"
ok "step 0 shows the entered node" grep -q "impb.cup.northwind.test *192.0.2.12" "$TUI_SCREEN"

# Step 1: federated domains.
tui_keys NPage
tui_wait "1 · Add a Microsoft OCS Domain"
add_row ocs.contoso.test "Contoso HQ" ""
add_row lync.fabrikam.test "" ""
tui_keys Tab Space

# Step 2: pools (enterprise) and next hops.
tui_keys NPage
tui_wait "OCS pools (0)"
add_row pool1.ocs.contoso.test
tui_keys Tab
add_row fe1.ocs.contoso.test 198.51.100.21 "" "" ""
add_row fe2.ocs.contoso.test 198.51.100.22 "" "" b
add_row fe9.lync.fabrikam.test 198.51.100.91 l "" ""
tui_keys Tab Space
tui_wait "OCS servers (next hops) (3)"
ok "a backup route is shown as such" grep -q "fe2\.ocs.*backup" "$TUI_SCREEN"

# Step 3: OCS routes to IM&P: the domain routes to the second node.
tui_keys NPage
tui_wait "Routes to IM and Presence (1)"
tui_keys Enter Tab Space Enter
tui_wait "impb.cup.northwind.test"
tui_keys Tab Space

# Step 4: listeners; Server Auth moved to the guide's 5063.
tui_keys NPage
tui_wait "Peer Auth listener port"
tui_keys Tab Enter C-u; tui_type 5063; tui_keys Enter
tui_keys Tab Space

# Step 5: host authorization, done by hand.
tui_keys NPage
tui_wait "5 · Adding a Host Authorization"
tui_keys Space

# Step 6: OCS certificates, by path, for every server (the dialog's "For"
# left as it is: Enter passes it).
tui_keys NPage
tui_wait "OCS CA certificate"
tui_keys Enter; tui_type "$FW_TMP/ocsca.pem"; tui_keys Enter Enter
tui_keys Tab Enter; tui_type "$FW_TMP/fe1.pem"; tui_keys Enter Enter
tui_wait "CN=fe1.ocs.contoso.test"
ok "the summary shows as soon as the file is chosen" grep -q "Valid until: *20[0-9][0-9]-" "$TUI_SCREEN"
tui_keys Tab Space

# Step 7: OCS listener port.
tui_keys NPage
tui_wait "7 · Enable Port"
tui_keys Space

# Step 8: FIPS.
tui_keys NPage
tui_wait "FIPS enabled on OCS"
tui_keys Space Tab Space

# Step 9: IM&P certificates and TLS context.
tui_keys NPage
tui_wait "IM and Presence CA certificate"
tui_keys Enter; tui_type "~/../impca.pem"; tui_keys Enter
tui_keys Tab Enter; tui_type "$FW_TMP/impa.pem"; tui_keys Enter
tui_wait "CN=impa.cup.northwind.test"
tui_keys Tab Space Tab Space Tab Space
tui_wait "10/10 steps ·"
ok "the top line counts every step complete" grep -q "10/10 steps ·" "$TUI_SCREEN"
is "$(grep -c '│ ✓ [0-8] ' "$TUI_SCREEN")" 9 "steps 0-8 are marked ✓"
ok "the current step is marked ▶" grep -q "│ ▶ 9 IM&P certificates" "$TUI_SCREEN"
ok "a certificate's subject is shown" grep -q "Subject: *CN=impa.cup.northwind.test" "$TUI_SCREEN"
ok "and its EKUs" grep -q "EKU: *Server Authentication" "$TUI_SCREEN"

tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits with status 0"

run "$FEDWIZ" export nw.fedwiz
is "$STATUS" 0 "export works after the wizard"
# Certificates differ per run: compare them with their files, then the rest.
awk '/^[a-z_]+ = <<PEM$/ { name = $1; next }
     /^PEM$/ { name = ""; next }
     name != "" { print > (name ".got") }' "$OUT"
for c in ocs_ca:ocsca ocs_cert:fe1 imp_ca:impca imp_cert:impa; do
	is_file "${c%%:*}.got" "${c#*:}.pem" "the ${c%%:*} certificate is the file chosen"
done
sed -e '/^[a-z_]* = <<PEM$/,/^PEM$/{/^PEM$/!d;}' -e '/^PEM$/d' \
	-e 's/^\(# [a-z_]* SHA-256\) .*/\1 X/' \
	-e "s/ at 20[0-9-]* [0-9:]* by $(id -un)\$/ at TIME by USER/" "$OUT" >got.answers
# The confirmations given in steps 8 and 9 are the ticks of their
# checklist items, so the [done] section holds them.
is_file got.answers "$top_srcdir/tests/tui/expected/deploy.answers" \
	"export equals the expected answers, confirmations as ticks"
run "$FEDWIZ" show nw.fedwiz
ok "show lists no step short of complete" sh -c \
	'! grep -E "not started|in progress" "$1"' _ "$OUT"

done_testing

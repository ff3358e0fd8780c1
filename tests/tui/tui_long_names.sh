#!/bin/sh
# At 80x24 the list columns cut long names short; the focused row's full
# values show under it, one labelled line each (wrapped), and move with
# the focus. Addresses and routes stay whole in the row; rows whose values
# fit get no extra lines.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui/tui_lib.sh"

long_a=frontend-primary-01.federation-partner.contoso-enterprise.test
long_b=frontend-backup-02.federation-partner.contoso-enterprise.test
dom=federation-partner.contoso-enterprise.test
cat >long.answers <<EOF2
[deployment]
name = Long names
transport = tls
[imp_domain]
name = cup.example.com
[imp_node]
fqdn = cup1.example.com
ip = 192.0.2.11
[ocs_domain]
name = $dom
description = The partner's OCS 2007 R2 domain in the Redmond data centre
[ocs_server]
fqdn = $long_a
ip = 198.51.100.201
domain = $dom
route = primary
[ocs_server]
fqdn = $long_b
ip = 198.51.100.202
domain = $dom
route = backup
EOF2
"$FEDWIZ" init p.fedwiz --answers long.answers ||
	echo "Bail out! cannot create the project"

# The main pane's text, its lines joined without blanks: a value wrapped
# over two lines reads as one.
main_text() {
	sed -e 's/^.*││//' -e 's/│$//' "$TUI_SCREEN" | tr -d ' \n'
}
shows() {
	main_text | grep -qF -- "$1"
}
hides() {
	! shows "$1"
}

tui_start 80x24 "\"$FEDWIZ\" --offline p.fedwiz"
tui_wait "Steps" || echo "Bail out! the wizard did not start"
tui_keys F2 2
tui_wait "OCS servers (next hops)" || echo "Bail out! no step 2"
ok "80x24: the row itself is cut short" grep -q "frontend-pr… " "$TUI_SCREEN"
ok "the focused row's next hop shows in full" shows "Nexthop$long_a"
ok "and its OCS domain" shows "OCSdomain$dom"
ok "the IP stays whole in the row" grep -q "frontend-pr… 198.51.100.201 " "$TUI_SCREEN"
ok "the other row's name is not spelt out" hides "$long_b"
is "$(wc -L <"$TUI_SCREEN")" 80 "nothing runs past the right edge"

tui_keys Down
tui_wait "frontend-backup-02" || echo "# the focus did not move"
ok "Down: the next row's values in full" shows "Nexthop$long_b"
ok "the first row's are gone" hides "$long_a"
tui_keys Down
tui_wait_gone "Next hop    "
ok "on Add… no values are spelt out" hides "$dom"

tui_keys F2 1
tui_wait "OCS domains (1)"
ok "the OCS domains list spells out the description" \
	shows "DescriptionThepartner'sOCS2007R2domainintheRedmonddatacentre"
ok "and the destination pattern" \
	shows "Destinationpattern.test.contoso-enterprise.federation-partner.*"

tui_keys F2 0
tui_wait "IM and Presence nodes"
tui_keys Tab Tab Tab
tui_settle
ok "short values: no extra lines under the row" sh -c \
	'grep -A1 "cup1.example.com  *192.0.2.11" "$1" | grep -q "Add… (a)"' \
	_ "$TUI_SCREEN"
tui_keys F10
is "$(tui_exit_status)" 0 "F10 quits"

done_testing

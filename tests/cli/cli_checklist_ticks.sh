#!/bin/sh
# fedwiz tick / untick and the checklist's memory: a tick survives an
# edit that does not touch its item, an edited item shows as changed
# since done, and a change of the federated domains brings the XCP
# Router restarts back. Edits go through export, sed and import, the way
# an admin edits answers in an editor.
. "${top_srcdir:-.}/tests/lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/tests/fixtures/tls-enterprise.answers" ||
	echo "Bail out! init failed"

route=imp.route.ocs.contoso.test.fe1.ocs.contoso.test
hostauth_a=ocs.pool1.ocs.contoso.test.hostauth.impa.cup.northwind.example.com.ip
xcp_a=imp.xcp.impa.cup.northwind.example.com
xcp_b=imp.xcp.impb.cup.northwind.example.com
xcp_c=imp.xcp.impc.cup.northwind.example.com

# box ID: the box in front of the item whose id line is ID.
box() {
	"$FEDWIZ" checklist p.fedwiz >cl.txt
	awk -v id="$1" '/^\[.\] / { b = substr($0, 1, 3) }
	    $1 == "id:" && $2 == id { print b }' cl.txt
}

# edit SED-SCRIPT: export, edit, import.
edit() {
	"$FEDWIZ" export p.fedwiz >a.answers &&
	sed "$1" a.answers >b.answers &&
	"$FEDWIZ" import p.fedwiz b.answers
}

progress() {
	"$FEDWIZ" checklist p.fedwiz | sed -n 's/^Progress: //p'
}

total=$("$FEDWIZ" checklist p.fedwiz | sed -n 's/^Progress: 0 of \([0-9]*\) done$/\1/p')
ok "the summary names the total" test -n "$total"

run "$FEDWIZ" tick p.fedwiz "$route" "$hostauth_a" "$xcp_a" "$xcp_b" "$xcp_c"
is "$STATUS" 0 "tick five items exits 0"
ok "tick is quiet" test ! -s "$ERR"
is "$(box "$route")" "[x]" "the route is ticked"
is "$(box "$xcp_c")" "[x]" "the third XCP restart is ticked"
is "$(progress)" "5 of $total done" "5 done"
grep -A12 '^\[x\] Add the static route for ocs.contoso.test to fe1' cl.txt >ticked.txt
ok "a ticked item says who ticked it and when" \
	grep -q "^    Ticked by $(id -un), 20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-9:]* UTC\$" ticked.txt

# --todo: only what is left, the counts of the whole checklist.
run "$FEDWIZ" checklist p.fedwiz --todo
is "$STATUS" 0 "--todo exits 0"
ok "--todo leaves out a done item" sh -c "! grep -q '^ *id: $route\$' '$OUT'"
ok "--todo keeps an open item" grep -q '^    id: imp.listener$' "$OUT"
ok "--todo says what it shows" grep -q '^Shown: *only the items still to do$' "$OUT"
ok "--todo counts the whole checklist" grep -q "^Progress: 5 of $total done\$" "$OUT"
"$FEDWIZ" tick p.fedwiz 'imp.*' 'ocs.*' 'verify.*' 2>/dev/null
run "$FEDWIZ" checklist p.fedwiz --todo --format html
is "$(grep -c 'class="group"' "$OUT")" 0 "--todo with everything done lists no server"
ok "... and says all is done" grep -q "$total of $total done" "$OUT"
"$FEDWIZ" untick p.fedwiz '*'
"$FEDWIZ" tick p.fedwiz "$route" "$hostauth_a" "$xcp_a" "$xcp_b" "$xcp_c"

# An unknown id: exit 2, and nothing of the call is ticked.
run "$FEDWIZ" tick p.fedwiz imp.listener imp.no.such.item
is "$STATUS" 2 "an unknown id exits 2"
is "$(cat "$ERR")" "fedwiz: p.fedwiz: no checklist item 'imp.no.such.item'; 'fedwiz checklist p.fedwiz' shows each item's id" \
	"... naming it"
is "$(box imp.listener)" "[ ]" "... and the valid id beside it is not ticked"
run "$FEDWIZ" tick p.fedwiz
is "$STATUS" 2 "tick without ITEM exits 2"

# An edit that touches none of the ticked items.
edit 's/^ip = 192\.0\.2\.13$/ip = 192.0.2.99/; s/^name = Northwind .*/name = Renamed/'
is "$(box "$route")" "[x]" "an unrelated edit keeps the route's tick"
is "$(box "$hostauth_a")" "[x]" "... and impa's host authorization"
is "$(box "$xcp_a")" "[x]" "... and the XCP restarts"
is "$(progress)" "5 of $total done" "still 5 done"

# A value of a ticked item changes: impa's IP.
edit 's/^ip = 192\.0\.2\.11$/ip = 192.0.2.111/'
is "$(box "$hostauth_a")" "[~]" "impa's new IP: its host authorization changed since done"
grep -A1 '^\[~\] Authorize impa.cup.northwind.example.com by its IP' cl.txt |
	tr '\n' ' ' | tr -s ' ' >changed.txt
ok "... saying so" grep -q 'address (changed since done)' changed.txt
is "$(box "$route")" "[x]" "the route (by FQDN) keeps its tick"
is "$(progress)" "4 of $total done" "a changed item does not count as done"
ok "the header counts it" grep -q '^ *1 changed since done: do them again$' cl.txt
"$FEDWIZ" show p.fedwiz >show.txt
ok "show counts the same" \
	grep -q "^Checklist: *4 of $total done, 1 changed since done\$" show.txt
run "$FEDWIZ" tick p.fedwiz "$hostauth_a"
is "$(box "$hostauth_a")" "[x]" "ticking again takes the new values"

# The federated domains change: every XCP restart comes back.
edit 's/^description = Fabrikam OCS 2007 R2$/description = Fabrikam, edited/'
is "$(box "$xcp_a")" "[~]" "an edited federated domain brings impa's restart back"
is "$(box "$xcp_b")" "[~]" "... impb's"
is "$(box "$xcp_c")" "[~]" "... and impc's"
is "$(box "$route")" "[x]" "... and leaves the route alone"
"$FEDWIZ" tick p.fedwiz "$xcp_a" "$xcp_b" "$xcp_c"
printf '\n[ocs_domain]\nname = new.example.net\n' >>b.answers
"$FEDWIZ" import p.fedwiz b.answers
is "$(box "$xcp_b")" "[~]" "adding a federated domain brings the restarts back"
"$FEDWIZ" tick p.fedwiz "$xcp_a" "$xcp_b" "$xcp_c" verify.imp.notifications
edit '/^\[ocs_domain\]$/{N;/new\.example\.net/d;}'
is "$(box "$xcp_c")" "[~]" "deleting a federated domain brings them back too"
is "$(box verify.imp.notifications)" "[~]" \
	"... and the Active Notifications check of the Verify section"
ok "the deleted domain's entry is gone" sh -c "! grep -q imp.sipfed.new.example.net cl.txt"

# untick, including a tick whose item no longer exists.
run "$FEDWIZ" untick p.fedwiz "$route"
is "$STATUS" 0 "untick exits 0"
is "$(box "$route")" "[ ]" "untick takes the tick off"
"$FEDWIZ" tick p.fedwiz imp.tlspeer.fe8.lync.fabrikam.test
edit 's/^fqdn = fe8\.lync\.fabrikam\.test$/fqdn = fe7.lync.fabrikam.test/'
ok "a renamed server's tick stays in the project" \
	grep -q '^item = imp.tlspeer.fe8.lync.fabrikam.test ' b.answers
run "$FEDWIZ" untick p.fedwiz imp.tlspeer.fe8.lync.fabrikam.test
is "$STATUS" 0 "untick clears a tick whose item is gone"
"$FEDWIZ" export p.fedwiz >c.answers
ok "... and it is no longer exported" sh -c "! grep -q 'item = imp.tlspeer.fe8' c.answers"
run "$FEDWIZ" untick p.fedwiz never.ticked
is "$STATUS" 2 "untick of an id neither listed nor ticked exits 2"

# Shell patterns of ids.
run "$FEDWIZ" untick p.fedwiz 'imp.xcp.*'
is "$STATUS" 0 "untick 'imp.xcp.*' exits 0"
is "$(box "$xcp_a")$(box "$xcp_b")$(box "$xcp_c")" "[ ][ ][ ]" \
	"... and unticks every XCP restart"
run "$FEDWIZ" tick p.fedwiz 'imp.xcp.*'
is "$(box "$xcp_a")$(box "$xcp_b")$(box "$xcp_c")" "[x][x][x]" \
	"tick 'imp.xcp.*' ticks all three"
run "$FEDWIZ" tick p.fedwiz 'ocs.pool9.*' imp.listener
is "$STATUS" 2 "a pattern that matches nothing exits 2"
is "$(box imp.listener)" "[ ]" "... and ticks nothing"

# The answers file keeps fingerprints, times and users:
# [done] item = ID FINGERPRINT at TIME by USER.
ok "export writes each tick with its fingerprint, time and user" \
	grep -q "^item = $hostauth_a [0-9a-f]\{64\} at [0-9-]\{10\} [0-9:]\{8\} by $(id -un)\$" c.answers

# A confirmation is the tick of its checklist items: ticked, the rules and
# explain see it confirmed; unticked, not.
confirms="imp.tlscontext.cipher imp.tlscontext.fragments ocs.*.fips"
unconfirmed() {
	"$FEDWIZ" validate p.fedwiz >v.txt
	"$FEDWIZ" explain -p p.fedwiz "Failed to complete TLS negotiation" >x.txt
	echo "$(grep -c 'not confirmed' v.txt) $(grep -c 'not confirmed yet' x.txt)"
}
is "$(unconfirmed)" "3 2" "not ticked: validate and explain say not confirmed"
run "$FEDWIZ" tick p.fedwiz $confirms
is "$STATUS" 0 "tick the confirmations' items"
is "$(unconfirmed)" "0 0" "ticked: validate and explain -p see them confirmed"
ok "explain -p says confirmed" grep -q 'Empty TLS fragments disabled: confirmed$' x.txt
"$FEDWIZ" untick p.fedwiz ocs.fe9.lync.fabrikam.test.fips
"$FEDWIZ" validate p.fedwiz >v.txt
ok "FIPS unticked on one OCS server: FIPS is not confirmed" \
	grep -q 'fips: FIPS is not confirmed' v.txt
"$FEDWIZ" untick p.fedwiz $confirms
is "$(unconfirmed)" "3 2" "unticked: not confirmed again"

# A project of fedwiz 0.1 kept confirmations apart (the confirm table):
# they read as ticks, and become ticks when the project is next written.
sqlite3 p.fedwiz "INSERT INTO confirm VALUES ('tls_3des', 'yes', 'olduser', '2020-05-06 07:08:09')"
is "$(box imp.tlscontext.cipher)" "[x]" "an old confirmation shows as a tick"
is "$("$FEDWIZ" validate p.fedwiz | grep -c 'tls_3des: .*is not confirmed')" 0 \
	"... and validate takes it as confirmed"
"$FEDWIZ" tick p.fedwiz imp.listener
is "$(sqlite3 p.fedwiz 'SELECT count(*) FROM confirm')" 0 \
	"a write turns it into a tick"
is "$(sqlite3 p.fedwiz "SELECT user || ' ' || time FROM tick WHERE item = 'imp.tlscontext.cipher'")" \
	"olduser 2020-05-06 07:08:09" "... keeping who confirmed it and when"

done_testing

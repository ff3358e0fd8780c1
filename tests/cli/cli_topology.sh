#!/bin/sh
# Lync and Skype for Business topologies: the static routes and the trusted
# application pool are a topology's (one Central Management Store), not a
# product's. tests/fixtures/lync-topologies.answers has a Lync 2013 pool
# and an SfB 2015 pool in one topology (none named) and a second
# organisation's SfB 2019 topology, named: the checklist gives each
# topology its work once, the answers keep the names, the rules catch a
# topology where it cannot be, and verify --tick ticks the topology's ids.
. "${top_srcdir:-.}/tests/lib.sh"

fx=$top_srcdir/tests/fixtures/lync-topologies.answers
"$FEDWIZ" init t.fedwiz --answers "$fx" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" checklist t.fedwiz >t.txt ||
	echo "Bail out! no checklist"

# count REGEX: the ids in t.txt matching it.
count() {
	grep -c "^ *id: $1\$" t.txt
}

is "$(count 'lync\.default\.trustedpool')" 1 \
	"Lync 2013 and SfB 2015 in one topology: one trusted pool"
is "$(count 'lync\.default\.route\..*')" 1 "... one route per IM&P domain"
is "$(count 'lync\.default\.topology')" 1 "... published once"
is "$(count 'lync\.fabrikam\.trustedpool')" 1 \
	"Fabrikam's own topology: its own pool"
is "$(count 'lync\.fabrikam\.route\..*')" 1 "... and its own route"
is "$(count 'lync\.\(lync2013\|sfb2015\|sfb2019\)\..*')" 0 \
	"no item by product"
ok "the shared topology is headed by both products" grep -qx \
	"Lync Server 2013 and Skype for Business Server 2015 topology (Management Shell)" t.txt
ok "the named one by its product and name (folded)" grep -qx \
	"Skype for Business Server 2019 topology fabrikam (Management Shell)" t.txt
tr -s '\n ' '  ' <t.txt >flat
ok "the shared pool registers with the first primary's pool" \
	grep -qF "New-CsTrustedApplicationPool -Identity <trusted pool FQDN> -Registrar 'pool13.northwind.test'" flat
ok "Fabrikam's with its own" \
	grep -qF "New-CsTrustedApplicationPool -Identity <trusted pool FQDN> -Registrar 'pool.fabrikam.test'" flat
ok "the shared topology says what fedwiz took as one" grep -qF \
	"fedwiz takes lync.northwind.test, sfb.northwind.test for one topology" flat
ok "Lync 2013's update note where Lync 2013 runs" \
	grep -q "Lync Server 2013 before CU 5.0.8308.984" t.txt
is "$(grep -c 'Lync Server 2013 before CU' t.txt)" 1 "... and only there"
ok "each product's front ends still by product" sh -c \
	"grep -q '^Lync Server 2013 front end server fe13.northwind.test' t.txt && grep -q '^Skype for Business Server 2015 front end server fe15.northwind.test' t.txt"
ok "... after their topology's work" sh -c \
	"awk '/^Lync Server 2013 and Skype/ {a = NR} /^Skype for Business Server 2015 front end/ {b = NR} /^Skype for Business Server 2019 topology/ {c = NR} END {exit !(a < b && b < c)}' t.txt"

# Naming the shared topology: the same items under its name, no note.
sed 's/^microsoft = sfb2015$/microsoft = sfb2015\ntopology = northwind/;
	s/^description = Northwind Lync 2013$/description = Northwind Lync 2013\ntopology = northwind/' \
	"$fx" >named.answers
"$FEDWIZ" init named.fedwiz --answers named.answers ||
	echo "Bail out! cannot create the named project"
"$FEDWIZ" checklist named.fedwiz >named.txt
is "$(grep -c '^ *id: lync\.northwind\.trustedpool$' named.txt)" 1 \
	"named: one pool under the name"
ok "named: nothing assumed" sh -c "! grep -q 'fedwiz takes' named.txt"

# Two organisations on one product, told apart: two pools, two routes.
sed 's/^microsoft = sfb2015$/microsoft = sfb2019\ntopology = northwind/' \
	"$fx" >same.answers
"$FEDWIZ" init same.fedwiz --answers same.answers ||
	echo "Bail out! cannot create the same-product project"
"$FEDWIZ" checklist same.fedwiz >same.txt
is "$(grep -c '^ *id: lync\.[a-z]*\.trustedpool$' same.txt)" 3 \
	"three topologies (two on SfB 2019): three pools"

# The answers keep the topology, folded; export, init, export is the same.
run "$FEDWIZ" export t.fedwiz -o first.answers
is "$STATUS" 0 "export"
ok "the named topology exported folded" sh -c \
	"grep -A4 '^name = fabrikam.test\$' first.answers | grep -qx 'topology = fabrikam'"
is "$(grep -c '^topology' first.answers)" 1 "the default one not written"
"$FEDWIZ" init again.fedwiz --answers first.answers ||
	echo "Bail out! the export does not import"
"$FEDWIZ" export again.fedwiz -o second.answers
is_file second.answers first.answers "export, init, export is identical"

# Where a topology cannot be: on an OCS 2007 R2 domain (a warning: it is
# not used), and a pool whose front ends are of two topologies (an error).
sed 's/^description = Northwind Lync 2013$/description = x\nmicrosoft = ocs2007r2\ntopology = legacy/' \
	"$fx" >ocs.answers
"$FEDWIZ" init ocs.fedwiz --answers ocs.answers ||
	echo "Bail out! cannot create the OCS project"
run "$FEDWIZ" validate --offline ocs.fedwiz
ok "validate: a topology on OCS 2007 R2 is not used" grep -qF \
	"warning: step 1 (Federated domains): ocs_domain: lync.northwind.test runs OCS 2007 R2, which has no Lync topology: its topology legacy is not used; clear it" \
	"$OUT"
sed 's/^pool = pool15.northwind.test$/pool = pool.fabrikam.test/' "$fx" \
	>split.answers
"$FEDWIZ" init split.fedwiz --answers split.answers ||
	echo "Bail out! cannot create the split project"
run "$FEDWIZ" validate --offline split.fedwiz
is "$STATUS" 1 "validate: a pool of two topologies is an error"
ok "... naming both" grep -qF \
	"pool pool.fabrikam.test has front ends of the topologies default and fabrikam; a pool belongs to one topology" \
	"$OUT"

done_testing

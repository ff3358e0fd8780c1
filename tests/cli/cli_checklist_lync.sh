#!/bin/sh
# fedwiz checklist and validate for Lync and Skype for Business: a Lync
# Server 2013 Enterprise deployment (3 IM&P nodes, 2 pools) and a mixed
# OCS 2007 R2 + Skype for Business Server 2019 one, compared with golden
# files, and what follows from the Microsoft server: the trusted
# application pool instead of host authorization, FIPS and the listener;
# TCP refused. FEDWIZ_UPDATE_GOLDEN=1 rewrites the golden files instead
# (then review the diff).
. "${top_srcdir:-.}/tests/lib.sh"

fixtures=$top_srcdir/tests/fixtures
golden=$top_srcdir/tests/cli/golden
SOURCE_DATE_EPOCH=1764000000	# 2025-11-24 16:00 UTC
export SOURCE_DATE_EPOCH
version=$("$FEDWIZ" --version | sed 's/^fedwiz //')
version_re=$(printf '%s\n' "$version" | sed 's/[.]/[.]/g')

# compare FILE GOLDEN-NAME DESC: with @VERSION@ for the version.
compare() {
	sed "s/$version_re/@VERSION@/g" "$1" >"$1.norm"
	if [ -n "${FEDWIZ_UPDATE_GOLDEN:-}" ]; then
		cp "$1.norm" "$golden/$2"
	fi
	is_file "$1.norm" "$golden/$2" "$3 matches tests/cli/golden/$2"
}

for dep in lync2013-enterprise mixed-ocs-sfb2019; do
	run "$FEDWIZ" init "$dep.fedwiz" --answers "$fixtures/$dep.answers"
	is "$STATUS" 0 "init $dep"
	for fmt in text:txt markdown:md html:html; do
		name=${fmt%%:*}
		ext=${fmt#*:}
		run "$FEDWIZ" checklist "$dep.fedwiz" --format "$name"
		is "$STATUS" 0 "checklist $dep --format $name exits 0"
		ok "checklist $dep --format $name is quiet" test ! -s "$ERR"
		cp "$OUT" "$dep.$ext"
		compare "$dep.$ext" "$dep.$ext" "$dep $name"
	done
	run "$FEDWIZ" validate --offline "$dep.fedwiz"
	is "$STATUS" 0 "validate $dep: warnings only, exit 0"
	cp "$OUT" "$dep.validate"
	compare "$dep.validate" "$dep.validate" "$dep validate"
done

count() {
	grep -c "^ *id: $1\$" "$2" || true
}

# Lync 2013 only: the trusted application pool, no OCS-only step.
t=lync2013-enterprise.txt
is "$(count 'ocs\..*\.hostauth\..*' $t)" 0 "Lync: no host authorization"
is "$(count 'ocs\..*\.\(fips\|trust\|restart\|listener\)' $t)" 0 \
	"Lync: no FIPS, trust store, OCS restart or listener item"
is "$(count 'ocs\..*\.route\..*' $t)" 0 "Lync: no per-pool OCS route"
for step in 7 8; do
	ok "Lync: step $step left out, naming the trusted application pool" \
	    grep -q "^- Step $step, .*: left out\. OCS 2007 R2 only: the Lync and Skype for Business servers trust IM and Presence as a trusted application pool (step 5)\.\$" \
	    lync2013-enterprise.md
done
is "$(count 'lync\.default\.route\..*' $t)" 2 \
	"Lync: one topology-wide TLS route per IM&P domain (2)"
ok "Lync: the route goes to the domain's routing node, every value quoted" \
	grep -qF -- "- Command: **\$r = New-CsStaticRoute -TLSRoute -Destination 'impb.cup.tailspin.example.com' -Port 5061 -UseDefaultCertificate \$true -MatchUri 'tailspin.example.com'" \
	lync2013-enterprise.md
ok "Lync: ... added globally" grep -qF \
	'Set-CsStaticRoutingConfiguration -Identity global -Route @{Add=$r}' $t
ok "Lync: the pool's computer is the first routing node, its registrar the primary's pool" \
	grep -qF -- "-Registrar 'pool1.lync.wingtip.test' -Site \\<SiteId\\> -TreatAsAuthenticated \$true -ThrottleAsServer \$true -RequiresReplication \$false -OutboundOnly \$false -ComputerFqdn 'impb.cup.tailspin.example.com'" \
	lync2013-enterprise.md
is "$(count 'lync\.default\.trustedcomputer\..*' $t)" 2 \
	"Lync: every other node a trusted application computer (2)"
ok "Lync: ... in routing-first order" sh -c \
	"grep '^ *id: lync.default.trustedcomputer' $t | tr '\n' ' ' | grep -q 'impa.*impc'"
ok "Lync: the trusted application on the Peer Auth port, no -EnableTcp" \
	grep -qF -- "-TrustedApplicationPoolFqdn \\<trusted pool FQDN\\> -Port 5061**" \
	lync2013-enterprise.md
ok "Lync: what fedwiz cannot know, a placeholder with where to find it" \
	grep -q "SiteId of the registrar's site (Get-CsSite)" \
	lync2013-enterprise.md
is "$(count 'lync\.default\.topology' $t)" 1 "Lync: Enable-CsTopology once"
is "$(count 'ocs\..*\.defaultcert' $t)" 2 \
	"Lync: the default certificate of every front end (2)"
ok "Lync 2013 with 12.5: Inter-domain to OCS/Lync" \
	grep -qF -- "- Integration Type: Inter-domain to OCS/Lync" $t
ok "Lync: no EC-only cipher list" grep -q "do not support EC" $t
ok "Lync 2013: the route item names the cumulative update that fixed them" \
	grep -q "before CU 5.0.8308.984 (January 2017)" lync2013-enterprise.md
ok "SfB 2019: no Lync 2013 update" sh -c \
	"! grep -q 'CU 5.0.8308.984' mixed-ocs-sfb2019.md"
is "$(count 'imp\.tlsmin\..*' $t)" 3 \
	"12.5(1)SU3: show tls min-version on every node (3)"
ok "Lync: Setup names the server" \
	grep -q "^Setup:    TLS, Enterprise Edition: Lync Server 2013\$" $t

# Mixed: each server by its own kind.
t=mixed-ocs-sfb2019.txt
is "$(count 'ocs\.ocs1\.litware\.test\.hostauth\..*' $t)" 4 \
	"mixed: the OCS server authorizes both nodes by FQDN and IP (4)"
is "$(count 'ocs\.sfb1\.adatum\.test\.hostauth\..*' $t)" 0 \
	"mixed: the SfB server has none"
is "$(count 'ocs\.ocs1\.litware\.test\.fips' $t)" 1 "mixed: FIPS on OCS"
is "$(count 'ocs\.sfb1\.adatum\.test\.fips' $t)" 0 "mixed: none on SfB"
is "$(count 'lync\.default\.trustedpool' $t)" 1 \
	"mixed: the SfB 2019 topology's trusted application pool"
ok "mixed: SfB 2019's support said as found" \
	grep -q "no Cisco statement on 2019" $t
ok "mixed: nothing left out" sh -c "! grep -q 'left out' $t"
sed 's/^microsoft = sfb2019$/microsoft = sfb2015/' \
    "$fixtures/mixed-ocs-sfb2019.answers" >sfb2015.answers
"$FEDWIZ" init sfb2015.fedwiz --answers sfb2015.answers ||
	echo "Bail out! cannot make the SfB 2015 project"
"$FEDWIZ" checklist sfb2015.fedwiz >sfb2015.txt
ok "SfB 2015: Cisco's Expressway route named, the Lync chapter's steps given" \
	sh -c "tr -s '\n ' '  ' <sfb2015.txt | grep -q 'documents Skype for Business through Expressway; these are the steps of Cisco.s Lync chapter (12.5)'"
ok "15: the release's label" \
	grep -qF -- "- Integration Type: Inter-domain to Lync/S4B" $t
run "$FEDWIZ" explain -p mixed-ocs-sfb2019.fedwiz "SIP/2.0 404 Not Found"
ok "15: explain's step 1 values give the release's label too" sh -c \
	"tr -s '\n ' '  ' <'$OUT' | grep -q 'SIP federated domain sfb.adatum.test (Inter-domain to Lync/S4B, Direct Federation)'"
ok "15: where the guides disagree, the item says so" \
	grep -q "no source says" mixed-ocs-sfb2019.md
ok "15 with OCS 2007 R2: TLS 1.0 needed" \
	grep -qF -- "- Needed: 1.0, as long as an OCS 2007 R2 server offers TLS 1.0 only" $t

# Export, init, export: the same bytes, the Microsoft servers and the
# release kept.
for dep in lync2013-enterprise mixed-ocs-sfb2019; do
	"$FEDWIZ" export "$dep.fedwiz" -o "$dep.first" ||
		echo "Bail out! cannot export $dep"
	run "$FEDWIZ" init "$dep.again.fedwiz" --answers "$dep.first"
	is "$STATUS" 0 "$dep: its export imports"
	"$FEDWIZ" export "$dep.again.fedwiz" -o "$dep.second"
	is_file "$dep.second" "$dep.first" "$dep: export, init, export is identical"
done
ok "Lync 2013: the default exported" grep -q "^microsoft = lync2013\$" \
	lync2013-enterprise.first
ok "Lync 2013: the release exported" grep -q "^imp_release = 12.5(1)SU3\$" \
	lync2013-enterprise.first
ok "mixed: the default (OCS 2007 R2) not written" sh -c \
	"! sed -n '/^\[deployment\]/,/^\[/p' mixed-ocs-sfb2019.first | grep -q '^microsoft'"
ok "mixed: the SfB domain's own kept" grep -q "^microsoft = sfb2019\$" \
	mixed-ocs-sfb2019.first

# explain reads the same table: a Lync front end's refusal points at the
# trusted application pool, its computers routing node first.
run "$FEDWIZ" explain -p lync2013-enterprise.fedwiz \
	"The peer is not a configured server on this network interface"
is "$STATUS" 0 "explain: Lync's refusal is known"
tr -s '\n ' '  ' <"$OUT" >flat
ok "explain: step 5 is the trusted application" \
	grep -qF "step 5 (Trusted application)" flat
ok "explain: the routing node is the pool's computer" \
	grep -qF "pool computer impb.cup.tailspin.example.com (its -ComputerFqdn)" flat
ok "explain: no host authorization in a Lync project" \
	sh -c "! grep -q 'host authorization 192' flat"
run "$FEDWIZ" explain -p mixed-ocs-sfb2019.fedwiz "not a configured server"
tr -s '\n ' '  ' <"$OUT" >flat
ok "explain, mixed: host authorization and the trusted pool both" \
	sh -c "grep -q 'OCS host authorization 192.0.2.31' flat && grep -q 'trusted application computer cup2' flat"
ok "explain, mixed: step 5 where OCS does it" \
	grep -qF "step 5 (Host authorization): Properties > Front End Properties > Host Authorization" flat
ok "... and where Lync does it" \
	grep -qF "step 5 (Trusted application): Lync Server or Skype for Business Server Management Shell" flat

# show names a mixed project's steps for both kinds of server.
run "$FEDWIZ" show mixed-ocs-sfb2019.fedwiz
ok "show, mixed: step 3 both kinds of static route" \
	grep -q "^  3 OCS and Lync routes  *in progress" "$OUT"
ok "show, mixed: step 5 host authorization and the trusted application" \
	grep -q "^  5 Host auth/trust app  *not started" "$OUT"
ok "show, mixed: step 8 still the OCS FIPS step" \
	grep -q "^  8 FIPS on OCS  *not started" "$OUT"
run "$FEDWIZ" show lync2013-enterprise.fedwiz
ok "show, Lync only: step 5 the trusted application" \
	grep -q "^  5 Trusted application  *not started" "$OUT"

# TCP with Lync is refused, with the reason and its source.
sed 's/^transport = tls$/transport = tcp/' \
    "$fixtures/lync2013-enterprise.answers" >tcp-lync.answers
run "$FEDWIZ" init tcp-lync.fedwiz --answers tcp-lync.answers
is "$STATUS" 2 "init: TCP with Lync refused"
ok "... at the transport line, with the reason and its source" grep -q \
	"tcp-lync.answers:8: transport: TCP is not supported for federation with Microsoft Lync (Cisco, Interdomain Federation for IM and Presence 12.5(1)SU3, \"Interdomain Federation to Microsoft Lync\"): Lync Server 2013 takes TLS only" \
	"$ERR"
ok "... and no project made" test ! -e tcp-lync.fedwiz
# A domain of its own is enough.
sed 's/^transport = tls$/transport = tcp/; s/^microsoft = sfb2019$/microsoft = lync2010/' \
    "$fixtures/mixed-ocs-sfb2019.answers" >tcp-mixed.answers
run "$FEDWIZ" init tcp-mixed.fedwiz --answers tcp-mixed.answers
is "$STATUS" 2 "init: TCP with one Lync 2010 domain refused"
ok "... naming it" grep -q "Lync Server 2010 takes TLS only" "$ERR"

# Ticked like the rest: a node added later brings its own computer item,
# and the topology is to be published again; the pool keeps its tick.
cp lync2013-enterprise.fedwiz ticked.fedwiz
run "$FEDWIZ" tick ticked.fedwiz lync.default.topology lync.default.trustedpool
is "$STATUS" 0 "tick the trusted pool and the topology"
sqlite3 ticked.fedwiz "INSERT INTO imp_node (fqdn, ip) VALUES ('impd.cup.tailspin.example.com', '192.0.2.24')" ||
	echo "Bail out! sqlite3 refused the insert"
"$FEDWIZ" checklist ticked.fedwiz >ticked.txt
ok "the pool keeps its tick" grep -q "^\[x\] Create the trusted application pool" ticked.txt
ok "the new node is a computer to add" \
	grep -q "^\[ \] Add impd.cup.tailspin.example.com to the trusted application pool" ticked.txt
ok "the topology is changed since done" \
	grep -q "^\[~\] Publish the topology (changed since done)" ticked.txt

# Stored behind fedwiz's back, the same pair is an error of step 0 that
# validate and the checklist name.
cp lync2013-enterprise.fedwiz stored.fedwiz
sqlite3 stored.fedwiz "UPDATE setting SET value = 'tcp' WHERE key = 'transport'" ||
	echo "Bail out! sqlite3 refused the update"
run "$FEDWIZ" validate --offline stored.fedwiz
is "$STATUS" 1 "validate: TCP with Lync stored is an error"
ok "... of step 0, with its source" grep -q \
	"^error: step 0 (Deployment): transport: TCP is not supported for federation with Microsoft Lync (Cisco" \
	"$OUT"
run "$FEDWIZ" checklist stored.fedwiz
is "$STATUS" 1 "checklist: exits 1 on the error"
ok "... its banner names step 0" grep -q "Step 0 (Deployment), Transport: TCP is not supported" "$OUT"
done_testing

#!/bin/sh
# fedwiz checklist: text, Markdown and HTML compared with golden files for
# a TCP / Standard Edition and a TLS / Enterprise Edition deployment, and
# the counts the guide asks for. FEDWIZ_UPDATE_GOLDEN=1 rewrites the
# golden files instead (then review the diff).
. "${top_srcdir:-.}/tests/lib.sh"

fixtures=$top_srcdir/tests/fixtures
golden=$top_srcdir/tests/cli/golden
SOURCE_DATE_EPOCH=1764000000	# 2025-11-24 16:00 UTC
export SOURCE_DATE_EPOCH
version=$("$FEDWIZ" --version | sed 's/^fedwiz //')
version_re=$(printf '%s\n' "$version" | sed 's/[.]/[.]/g')

# The version changes with every release: goldens hold @VERSION@. The
# certificates of tls-two-orgs are made now: their fingerprints (in text
# wrapped at a fixed place) are @SHA256@.
normalise() {
	sed -E -e "s/$version_re/@VERSION@/g" \
	    -e 's/[0-9A-F]{2}(:[0-9A-F]{2}){3,}/@SHA256@/g' \
	    -e 's/^( +):[0-9A-F]{2}(:[0-9A-F]{2})*$/\1:@SHA256@/' \
	    "$1" >"$1.norm"
}

# Two organisations' certificates (tests/certs.sh), beside the fixture.
sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
cp "$fixtures/tls-two-orgs.answers" .

for dep in tcp-standard tls-enterprise tls-two-orgs; do
	answers=$fixtures/$dep.answers
	[ -f "$dep.answers" ] && answers=$dep.answers
	run "$FEDWIZ" init "$dep.fedwiz" --answers "$answers"
	is "$STATUS" 0 "init $dep"
	for fmt in text:txt markdown:md html:html; do
		name=${fmt%%:*}
		ext=${fmt#*:}
		run "$FEDWIZ" checklist "$dep.fedwiz" --format "$name"
		is "$STATUS" 0 "checklist $dep --format $name exits 0"
		ok "checklist $dep --format $name is quiet" test ! -s "$ERR"
		cp "$OUT" "$dep.$ext"
		normalise "$dep.$ext"
		if [ -n "${FEDWIZ_UPDATE_GOLDEN:-}" ]; then
			cp "$dep.$ext.norm" "$golden/$dep.$ext"
		fi
		is_file "$dep.$ext.norm" "$golden/$dep.$ext" \
			"$dep $name matches tests/cli/golden/$dep.$ext"
	done
done

# The default format is text.
"$FEDWIZ" checklist tcp-standard.fedwiz >default.txt
is_file default.txt tcp-standard.txt "text is the default format"

# count ID-REGEX FILE: items whose id matches.
count() {
	grep -c "^ *id: $1\$" "$2" || true
}
t=tcp-standard.txt
is "$(count 'imp\.xcp\..*' $t)" 2 "TCP: one XCP restart per IM&P node (2)"
is "$(count 'ocs\..*\.hostauth\..*\.ip' $t)" 2 \
	"TCP: host authorization by IP per node per server (2 x 1)"
is "$(count 'ocs\..*\.hostauth\..*\.fqdn' $t)" 0 "TCP: no FQDN entries"
is "$(count 'imp\.route\..*' $t)" 1 "TCP: one static route per next hop"
is "$(count 'ocs\..*\.route\..*' $t)" 1 \
	"TCP: one OCS route per IM&P domain per server"
# Markdown keeps each left-out line whole.
for step in 6 8 9; do
	ok "TCP: step $step left out, saying why" grep -q \
	    "^- Step $step, .*: left out\. TLS only: this deployment uses TCP\.\$" \
	    tcp-standard.md
done
is "$(count '\(imp\.tls\|imp\.cup\|imp\.csr\|ocs\..*\.cert\|ocs\..*\.fips\|ocs\..*\.trust\).*' $t)" \
	0 "TCP: no TLS-only item"
# The Record-Route parameter is set per server on its service parameter
# page, then that node's SIP Proxy is restarted.
is "$(count 'imp\.recordroute\..*' $t)" 2 \
	"TCP: Use Transport in Record-Route Header = On, once per node (2)"
for n in cup1 cup2; do
	grep -A3 "^\[ \] Put the transport in the SIP Proxy's Record-Route header on\$" $t |
	    grep -c -- "- Server: $n.tailspin.example.com\$" >rr.count || true
	is "$(cat rr.count)" 1 "TCP: the Record-Route item names $n"
done
ok "TCP: no placeholder in a menu path" sh -c "! grep -q '(server)' tcp-standard.md"
ok "TCP: ... with the reason" grep -q "NOTIFY requests towards OCS time out" $t
is "$(count 'imp\.sipproxy\..*' $t)" 2 \
	"TCP: a SIP Proxy restart per node after the Record-Route parameter (2)"
# Under TCP OCS routes to the SIP Proxy's TCP listener; Step 4 of the guide
# still keeps Peer Auth on 5061 and Server Auth off it.
sed -n '/^- \[ \] \*\*Check the SIP Proxy listener ports\*\*/,/^  id:/p' \
	tcp-standard.md >listener.md
ok "TCP: the listener item checks the TCP listener on 5060" grep -qF \
	"  - Default Cisco SIP Proxy TCP Listener: Port: **5060 (the port OCS routes to)**" \
	listener.md
ok "TCP: ... and Peer Auth on 5061, not as the port OCS routes to" grep -qF \
	"  - Default Cisco SIP Proxy TLS Listener - Peer Auth: Port: **5061**" \
	listener.md
ok "TCP: ... and Server Auth off 5061" grep -qF \
	"Server Auth: Port: **5062 (must not be 5061)**" listener.md
ok "TCP: no item says OCS routes to Peer Auth" sh -c \
	"! grep -q 'Peer Auth must be 5061, the port OCS routes' tcp-standard.md"
is "$(count 'verify\.imp\.acl\..*' $t)" 1 \
	"TCP: Verify: the incoming ACL entry per OCS domain (1)"
ok "TCP: ... under System > Security > Incoming ACL" grep -qF \
	"Cisco Unified CM IM and Presence Administration: System \\> Security \\> Incoming ACL \\> Find" \
	tcp-standard.md
is "$(count 'verify\.im\..*' $t)" 1 \
	"TCP: Verify: an IM and presence test per IM&P domain and OCS domain (1 x 1)"
is "$(count 'verify\.ocs\.nslookup\..*' $t)" 2 \
	"TCP: Verify: both-way lookups from OCS per IM&P node (2)"
is "$(count 'verify\.imp\.host\..*' $t)" 1 \
	"TCP: Verify: utils network host per OCS server (1)"
is "$(count 'verify\.imp\.notifications' $t)" 1 \
	"TCP: Verify: Active Notifications once"

t=tls-enterprise.txt
is "$(count 'imp\.recordroute' $t)" 0 "TLS: no Record-Route item"
is "$(count 'verify\.ocs\.nslookup\..*' $t)" 3 \
	"TLS: Verify: both-way lookups from OCS per IM&P node (3)"
is "$(count 'verify\.imp\.host\..*' $t)" 4 \
	"TLS: Verify: utils network host per OCS server (4)"
is "$(count 'imp\.xcp\..*' $t)" 3 "TLS: one XCP restart per IM&P node (3)"
is "$(count 'ocs\.pool[12]\..*\.hostauth\..*\.ip' $t)" 6 \
	"TLS: host authorization by IP per node per pool (3 x 2)"
is "$(count 'ocs\.pool[12]\..*\.hostauth\..*\.fqdn' $t)" 6 \
	"TLS: and by FQDN per node per pool (3 x 2)"
is "$(count 'imp\.route\..*' $t)" 4 \
	"TLS: one static route per OCS domain and next hop (2 x 2)"
is "$(count 'ocs\.pool[12]\..*\.route\..*' $t)" 4 \
	"TLS: one OCS route per IM&P domain per pool (2 x 2)"
is "$(count 'imp\.tlspeer\..*' $t)" 4 "TLS: a TLS peer subject per OCS server"
is "$(count 'ocs\.fe.*\.fips' $t)" 4 "TLS: FIPS on every front end"
is "$(count 'imp\.sipproxy\..*' $t)" 3 "TLS: a SIP Proxy restart per node"
is "$(count 'verify\.imp\.acl\..*' $t)" 2 \
	"TLS: Verify: the incoming ACL entry per OCS domain (2)"
is "$(count 'verify\.im\..*' $t)" 4 \
	"TLS: Verify: an IM and presence test per IM&P domain and OCS domain (2 x 2)"
ok "TLS: ... between presence.northwind and lync.fabrikam" grep -q \
	"^\[ \] Test IM and presence between presence.northwind.example.com and\$" $t
# Every menu path to the TLS peer subjects starts at System.
grep -o '[A-Za-z]* \\> Security \\> TLS Peer Subjects' tls-enterprise.md |
	sort -u >peer-menu.txt
is "$(cat peer-menu.txt)" 'System \> Security \> TLS Peer Subjects' \
	"TLS: System > Security > TLS Peer Subjects, never cut"
"$FEDWIZ" explain "presence is slow" | tr -s '\n ' '  ' >explain.txt
ok "explain: step 9's menu starts at System" grep -qF \
	"step 9 (IM&P certificates): System > Security > TLS Peer Subjects; System > Security > TLS Context Configuration" \
	explain.txt
grep -A10 '^\[ \] Add the backup static route for ocs.contoso.test' $t \
	>backup.txt
ok "TLS: ... with priority 2" grep -q -- '- Priority: 2$' backup.txt
ok "TLS: destination pattern reversed" \
	grep -q -- '- Destination Pattern: \.test\.contoso\.ocs\.\*$' $t
ok "TLS: OCS routes to presence.northwind go to impb's FQDN" \
	grep -q -- '- Next Hop FQDN: impb.cup.northwind.example.com$' $t
ok "TLS: nothing left out" sh -c "! grep -q 'Left out' $t"
is "$(count 'imp\.cuptrust\..*' $t)" 3 \
	"TLS: the OCS CA as cup-trust on every node (3)"

# Two organisations with certificates of their own, and a front end that
# is no next hop.
t=tls-two-orgs.txt
is "$(count 'imp\.tlspeer\..*' $t)" 3 \
	"two orgs: one TLS peer subject per certificate, one per server without"
ok "two orgs: the pool certificate's CN is the peer subject" \
	grep -q -- '- Peer Subject Name: pool1.ocs.contoso.test$' $t
ok "two orgs: ... not the servers' FQDNs" \
	sh -c "! grep -q -- '- Peer Subject Name: fe[123]\.' $t"
ok "two orgs: a server without a certificate keeps its FQDN, saying so" \
	grep -q '^    No certificate of fe8.lync.fabrikam.test is known' $t
is "$(grep -c -- '- Issued to (Subject CN): pool1.ocs.contoso.test$' $t)" 3 \
	"two orgs: fe1, fe2 and fe3 select the pool certificate"
is "$(count 'imp\.cuptrust\..*' $t)" 6 \
	"two orgs: both CAs and the unknown one as cup-trust on both nodes"
is "$(tr -s '\n ' '  ' <$t |
	grep -o 'a chain: upload each as cup-trust, the root first' | wc -l)" 2 \
	"two orgs: Fabrikam's intermediate is named on both nodes"
is "$(count 'imp\.route\..*fe3\..*' $t)" 0 \
	"two orgs: no IM&P static route to the front end that is no next hop"
for item in cert fips trust restart; do
	is "$(count "ocs\\.fe3\\.ocs\\.contoso\\.test\\.$item" $t)" 1 \
		"two orgs: fe3 still gets its $item item"
done
ok "two orgs: fe3's header says it is no next hop" \
	grep -q '^OCS front end server, not a next hop fe3.ocs.contoso.test' $t
ok "the summary line" grep -q '^Progress: 0 of [0-9]* done$' $t
LC_ALL=C.UTF-8 awk 'length($0) > 80' $t >long.txt
ok "text: every line fits 80 columns" test ! -s long.txt
ok "HTML: the description is escaped" \
	grep -q 'R&amp;D &lt;pilot&gt; &quot;east&quot; wing' tls-enterprise.html
ok "HTML: fetches nothing" sh -c "! grep -qi 'src=\|href=\|url(\|@import\|<script' tls-enterprise.html"

# -o writes atomically, mode 0600.
run "$FEDWIZ" checklist tls-enterprise.fedwiz -f html -o out.html
is "$STATUS" 0 "-o exits 0"
ok "-o writes nothing on stdout" test ! -s "$OUT"
is_file out.html tls-enterprise.html "-o writes the same document"
is "$(stat -c %a out.html)" 600 "-o creates the file with mode 0600"

# Usage errors.
run "$FEDWIZ" checklist tcp-standard.fedwiz --format pdf
is "$STATUS" 2 "an unknown format exits 2"
is "$(head -n 1 "$ERR")" "fedwiz checklist: unknown format 'pdf'; allowed: text, markdown, html" \
	"an unknown format is named"
run "$FEDWIZ" checklist
is "$STATUS" 2 "a missing PROJECT exits 2"
run "$FEDWIZ" checklist nosuch.fedwiz
is "$STATUS" 2 "a missing project file exits 2"
ok "... and says so" grep -q '^fedwiz: nosuch.fedwiz' "$ERR"
SOURCE_DATE_EPOCH=yesterday run "$FEDWIZ" checklist tcp-standard.fedwiz
is "$STATUS" 2 "a malformed SOURCE_DATE_EPOCH exits 2"
ok "... naming it" grep -q '^fedwiz: SOURCE_DATE_EPOCH: ' "$ERR"
run "$FEDWIZ" checklist --help
is "$STATUS" 0 "checklist --help exits 0"
ok "--help names --format, -o and --print" \
	sh -c "grep -q -- --format '$OUT' && grep -q -- --output '$OUT' && grep -q -- --print '$OUT'"

# Answers with errors: the checklist is still written, opens with the
# errors and the step to fix each, states no value the rules call wrong,
# and exits 1 as validate does.
sed -e 's/^server_auth_port = .*/server_auth_port = 5061/' \
    "$fixtures/tls-enterprise.answers" >sa5061.answers
run "$FEDWIZ" init sa5061.fedwiz --answers sa5061.answers
is "$STATUS" 0 "a project with Server Auth on 5061"
for fmt in text markdown html; do
	run "$FEDWIZ" checklist sa5061.fedwiz --format $fmt -o sa5061.$fmt
	is "$STATUS" 1 "errors: checklist --format $fmt exits 1"
	ok "... having written the checklist" grep -q 'Check the SIP Proxy TLS listener ports' sa5061.$fmt
	is "$(cat "$ERR")" "fedwiz: errors in the answers: 1; the checklist lists them at its top and says \"fix step N first\" where they make a value wrong" \
		"... saying why on standard error"
done
first_line() {
	grep -n -m1 -- "$1" "$2" | cut -d: -f1
}
ok "text: the banner comes before the header" test \
	"$(first_line '^NOT READY: the answers have errors' sa5061.text)" -lt \
	"$(first_line '^Project:' sa5061.text)"
ok "Markdown: the banner comes before the header" test \
	"$(first_line '^> \*\*NOT READY: the answers have errors' sa5061.markdown)" -lt \
	"$(first_line '^| Project' sa5061.markdown)"
ok "HTML: the banner comes before the header" test \
	"$(first_line '^<section class="errors">' sa5061.html)" -lt \
	"$(first_line '^<table class="meta">' sa5061.html)"
tr -s '\n ' '  ' <sa5061.text >sa5061.flat
ok "the banner names the error and its step" grep -qF \
	" - Step 4 (Peer Auth listener), Server Auth listener port: the Server Auth" \
	sa5061.flat
ok "the listener item says to fix step 4 first" grep -qF \
	"Default Cisco SIP Proxy TLS Listener - Server Auth: Port: fix step 4 first" \
	sa5061.flat
ok "... and never states Server Auth 5061" sh -c \
	"! grep -q 'Server Auth: Port: 5061' sa5061.flat"
ok "HTML: the banner's line" grep -qF \
	"<li>Step 4 (Peer Auth listener), Server Auth listener port: the Server Auth listener is on 5061" sa5061.html
# Peer Auth on 5062 under TLS: the OCS routes, which use the Peer Auth
# port, say to fix step 4 first rather than route to 5062.
sed -e 's/^peer_auth_port = .*/peer_auth_port = 5062/' \
    -e 's/^server_auth_port = .*/server_auth_port = 5063/' \
    "$fixtures/tls-enterprise.answers" >pa5062.answers
run "$FEDWIZ" init pa5062.fedwiz --answers pa5062.answers
run "$FEDWIZ" checklist pa5062.fedwiz -o pa5062.txt
is "$STATUS" 1 "Peer Auth on 5062 under TLS: checklist exits 1"
is "$(grep -c -- '- Next Hop Port: fix step 4 first$' pa5062.txt)" 4 \
	"... the four OCS routes say to fix step 4 first"
ok "... and none routes to 5062" sh -c "! grep -q 'Port: 5062' pa5062.txt"
# An OCS domain that is also an IM and Presence domain: the entries the
# error concerns say to fix step 1 first, the others keep their values.
sed -e 's/^name = lync.fabrikam.test/name = presence.northwind.example.com/' \
    -e 's/^domain = lync.fabrikam.test/domain = presence.northwind.example.com/' \
    "$fixtures/tls-enterprise.answers" >samedom.answers
run "$FEDWIZ" init samedom.fedwiz --answers samedom.answers
run "$FEDWIZ" checklist samedom.fedwiz -f markdown -o samedom.md
is "$STATUS" 1 "an OCS domain that is an IM&P domain: checklist exits 1"
sed -n '/^- \[ \] \*\*Add the SIP federated domain presence/,/^  id:/p' \
	samedom.md >samedom-fed.md
ok "... its federated domain entry says to fix step 1 first" grep -qF \
	"  - Domain Name: **fix step 1 first**" samedom-fed.md
is "$(grep -c -- '- Destination Pattern: \*\*fix step 1 first\*\*$' samedom.md)" 2 \
	"... as do its two static routes"
ok "... the other OCS domain keeps its pattern" grep -qF \
	"  - Destination Pattern: **.test.contoso.ocs.\\*" samedom.md

# A release that ships Peer Auth on 5062: the checklist gives the safe
# swap order (domain notes).
sed -e 's/^peer_auth_port = .*/peer_auth_port = 5062/' \
    -e 's/^server_auth_port = .*/server_auth_port = 5061/' \
    "$fixtures/tcp-standard.answers" >swap.answers
run "$FEDWIZ" init swap.fedwiz --answers swap.answers
is "$STATUS" 0 "a project with Peer Auth on 5062"
"$FEDWIZ" checklist swap.fedwiz | tr -s '\n ' '  ' >swap.txt
ok "Peer Auth on 5062: the swap order is given" grep -qF \
	"Peer Auth is on 5062: change the ports in this order so two listeners never share one: Server Auth to 5063 (a free port), Peer Auth to 5061, Server Auth to 5062; then restart the Cisco SIP Proxy on every node." swap.txt

done_testing

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

# The version changes with every release: goldens hold @VERSION@.
normalise() {
	sed "s/$version_re/@VERSION@/g" "$1" >"$1.norm"
}

for dep in tcp-standard tls-enterprise; do
	run "$FEDWIZ" init "$dep.fedwiz" --answers "$fixtures/$dep.answers"
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
is "$(count '\(imp\.tls\|imp\.cup\|imp\.csr\|imp\.sipproxy\|ocs\..*\.cert\|ocs\..*\.fips\|ocs\..*\.trust\).*' $t)" \
	0 "TCP: no TLS-only item"
is "$(count 'imp\.recordroute' $t)" 1 \
	"TCP: Use Transport in Record-Route Header = On, once for the cluster"
ok "TCP: ... with the reason" grep -q "NOTIFY requests towards OCS time out" $t
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
grep -A10 '^\[ \] Add the backup static route for ocs.contoso.test' $t \
	>backup.txt
ok "TLS: ... with priority 2" grep -q -- '- Priority: 2$' backup.txt
ok "TLS: destination pattern reversed" \
	grep -q -- '- Destination Pattern: \.test\.contoso\.ocs\.\*$' $t
ok "TLS: OCS routes to presence.northwind go to impb's FQDN" \
	grep -q -- '- Next Hop FQDN: impb.cup.northwind.example.com$' $t
ok "TLS: nothing left out" sh -c "! grep -q 'Left out' $t"
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

#!/bin/sh
# fedwiz verify: the fixtures of tests/fixtures/readback/ (laid out as
# ConvertTo-Json writes them) against lync-enterprise.answers, with the
# default certificate made now with openssl: present, missing, different
# and extra objects, what is stored and shown, --tick, --server, and hostile
# files refused with one line and nothing stored.
. "${top_srcdir:-.}/tests/lib.sh"
need openssl
need python3

. "$top_srcdir/tests/readback.sh"
"$FEDWIZ" init p.fedwiz --answers lync-enterprise.answers >/dev/null ||
	{ echo "Bail out! fedwiz init failed"; exit 1; }
readback_fill present both
readback_fill missing both
readback_fill different server
readback_fill extra both

# Before any read-back, the Verify section asks for one, and says how.
run "$FEDWIZ" checklist p.fedwiz --format markdown
ok "before any result, the pool's Verify item" grep -qxF -e \
	'- [ ] **Compare the live configuration of pool1.ocs.test with the project**  ' "$OUT"
ok "... write the read-back script" grep -qxF \
	'  - Write: **fedwiz powershell PROJECT --server pool1.ocs.test --read-back -o readback.ps1**' "$OUT"
ok "... run it in the Management Shell" grep -qxF \
	'  - Run in the Management Shell: **.\\readback.ps1 -Path pool1.ocs.test.json**' "$OUT"
ok "... and fedwiz verify with its file" grep -qxF \
	'  - Run: **fedwiz verify PROJECT --microsoft pool1.ocs.test.json --server pool1.ocs.test**' "$OUT"

# line STATE KIND TEXT: the report holds that result line.
line() {
	grep -q "^  $1 *$2 *$3" "$OUT"
}

run "$FEDWIZ" verify p.fedwiz --microsoft present.json
is "$STATUS" 0 "everything present: exit 0"
ok "nothing on stderr" test ! -s "$ERR"
is "$(grep -c '^  present ' "$OUT")" 7 "seven objects present"
ok "the route for imp.example.com" line present route \
	'TLS static route for imp.example.com to impa.cup.example.com:5061$'
ok "the pool holding impa, registered with pool1" line present pool \
	'trusted application pool trustedpool.imp.example.com with impa.cup.example.com, registrar pool1.ocs.test$'
ok "the computers impb and impc" sh -c \
	"grep -q 'present *computer *trusted application computer impb' $OUT && grep -q 'present *computer *trusted application computer impc' $OUT"
ok "the application, its urn: prefix dropped" line present application \
	'trusted application imptrustedapp in trustedpool.imp.example.com on port 5061$'
ok "the certificate, judged valid" line present certificate \
	'default certificate CN=fe1.ocs.test, valid until'
ok "the counts" grep -q '^Verify: 7 present, 0 missing, 0 different, 0 extra\.$' "$OUT"

sed 's/"Use":  "Default"/"Use":  "urn:certref:Default"/' present.json >urn.json
run "$FEDWIZ" verify p.fedwiz --microsoft urn.json
ok "the default certificate's Use as urn:certref:Default is taken too" \
	line present certificate 'default certificate CN=fe1.ocs.test, valid until'

sed '0,/"ReplaceHostInRequestUri":  false/s//"ReplaceHostInRequestUri":  true/' \
	present.json >replace.json
run "$FEDWIZ" verify p.fedwiz --microsoft replace.json
ok "a route that replaces the Request-URI's host is different" line different \
	route 'static route for imp.example.com: ReplaceHostInRequestUri is True live, False in the project$'
# TransportType is the type name of the route's TransportChoice: TLS for
# SipProxy.TLS, and nothing else, however much of "tls" it holds.
for t in tls TlsTransport Transport TcpTransport; do
	sed "0,/\"TransportType\":  \"TLS\"/s//\"TransportType\":  \"$t\"/" \
		present.json >transport.json
	run "$FEDWIZ" verify p.fedwiz --microsoft transport.json
	ok "a route of transport type $t is different" line different route \
		"static route for imp.example.com: Transport is $t live, TLS in the project\$"
done
run "$FEDWIZ" verify p.fedwiz --microsoft present.json

run "$FEDWIZ" show p.fedwiz
ok "show lists the stored results" grep -q \
	'^  pool1.ocs.test ms-route imp.example.com verified 2026-12-06 14:02: TLS static route' "$OUT"
run "$FEDWIZ" checklist p.fedwiz
ok "the checklist's Verify section has the pool's item" grep -q \
	'^\[ \] Compare the live configuration of pool1.ocs.test with the project$' "$OUT"
ok "... with each result and its time" grep -q \
	'^    - route imp.example.com: verified 2026-12-06 14:02: TLS static route' "$OUT"

run "$FEDWIZ" verify p.fedwiz --microsoft missing.json
is "$STATUS" 1 "something missing: exit 1"
ok "the route for presence.imp.example.com is missing" line missing route \
	'no static route for presence.imp.example.com in Global; expected TLS to impa.cup.example.com:5061$'
ok "computer impc is missing" line missing computer \
	'no trusted application computer impc.cup.example.com$'
ok "the application is missing" line missing application \
	'no trusted application in trustedpool.imp.example.com$'
ok "the certificate is missing" line missing certificate 'no default certificate'
ok "what is there is present" line present route \
	'TLS static route for imp.example.com'
run "$FEDWIZ" show p.fedwiz
ok "the stored results are this run's" grep -q \
	'ms-route presence.imp.example.com failed 2026-12-06 14:02: no static route' "$OUT"

run "$FEDWIZ" verify p.fedwiz --microsoft different.json
is "$STATUS" 1 "something different: exit 1"
ok "a port differs, both values named" line different route \
	'static route for imp.example.com: Port is 5062 live, 5061 in the project$'
ok "transport and destination differ" line different route \
	'static route for presence.imp.example.com: Transport is TCP live, TLS in the project; Destination is 192.0.2.12 live, impa.cup.example.com in the project$'
ok "the pool's registrar and TreatAsAuthenticated differ" line different pool \
	'trusted application pool trustedpool.imp.example.com: Registrar is Registrar:pool9.ocs.test live, pool1.ocs.test in the project; TreatAsAuthenticated is False live, True in the project$'
ok "impc is in another pool" line different computer \
	'trusted application computer impc.cup.example.com: Pool is otherpool.imp.example.com live, trustedpool.imp.example.com in the project$'
ok "the application's port differs" line different application \
	'trusted application imptrustedapp: Port is 5062 live, 5061 in the project$'
ok "the certificate without Client Authentication: cert-check's words" \
	line different certificate \
	'default certificate CN=fe1.ocs.test: the default certificate lacks Client Authentication'
run "$FEDWIZ" cert-check certs/server.pem --role ocs_cert
ok "cert-check says the same of that certificate" grep -q \
	'lacks Client Authentication; both sides are TLS client and server' "$OUT"

run "$FEDWIZ" verify p.fedwiz --microsoft extra.json
is "$STATUS" 0 "extra objects are no failure: exit 0"
ok "a route for another domain is extra" line extra route \
	'static route for partner.example.org to sbc.example.org:5061, not an IM and Presence domain of the project$'
ok "a computer that is no IM&P node is extra" line extra computer \
	'trusted application computer mediation.ocs.test in trustedpool.imp.example.com'
ok "another application of the trusted pool is extra" line extra application \
	'trusted application recorder in trustedpool.imp.example.com on port 6001$'
ok "another site's routes do not apply to pool1" sh -c "! grep -q elsewhere $OUT"
ok "the counts" grep -q '^Verify: 7 present, 0 missing, 0 different, 3 extra\.$' "$OUT"
run "$FEDWIZ" show p.fedwiz
ok "extras are not stored" sh -c "! grep -q partner $OUT"

# Lync applies the pool's own routing configuration when it has one.
python3 - extra.json own.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
d["RoutingScopes"].append("Service:Registrar:pool1.ocs.test")
json.dump(d, open(sys.argv[2], "w"))
EOF
run "$FEDWIZ" verify p.fedwiz --microsoft own.json
is "$STATUS" 1 "an empty service-level configuration hides Global's routes"
ok "... and says in which configuration the route is missing" line missing \
	route 'no static route for imp.example.com in Service:Registrar:pool1.ocs.test;'

# The trusted pool is the one holding the IM and Presence nodes, wherever
# the routing node is among its computers, and even without it.
# pools FILE.json POOL=NODE,NODE...: present.json with these trusted pools
# (NODE short for NODE.cup.example.com) and their computers, no other.
pools() {
	python3 - present.json "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
proto = d["TrustedApplicationPools"][0]
d["TrustedApplicationPools"] = []
d["TrustedApplicationComputers"] = []
for spec in sys.argv[3:]:
    pool, nodes = spec.split("=")
    fqdns = [n + ".cup.example.com" for n in nodes.split(",")]
    d["TrustedApplicationPools"].append(dict(proto, Identity=pool, Computers=fqdns))
    d["TrustedApplicationComputers"] += [{"Identity": f, "Pool": pool, "Fqdn": f}
                                         for f in fqdns]
json.dump(d, open(sys.argv[2], "w"), indent=4)
PY
}
trusted=trustedpool.imp.example.com
pools reordered.json "$trusted=impb,impa,impc"
run "$FEDWIZ" verify p.fedwiz --microsoft reordered.json
is "$STATUS" 0 "the routing node second among the pool's computers: exit 0"
ok "... the pool is present (Lync ranks no computer of a trusted pool)" \
	line present pool "trusted application pool $trusted with impa.cup.example.com, registrar pool1.ocs.test\$"
pools norouting.json "$trusted=impb,impc"
run "$FEDWIZ" verify p.fedwiz --microsoft norouting.json
is "$STATUS" 1 "a trusted pool without the routing node: exit 1"
ok "... the pool is found, different, with both values" line different pool \
	"trusted application pool $trusted: Computers holds impb.cup.example.com, impc.cup.example.com live, not the routing node impa.cup.example.com\$"
ok "... its computers are compared with it" line present computer \
	"trusted application computer impc.cup.example.com in $trusted\$"
ok "... and its application" line present application \
	"trusted application imptrustedapp in $trusted on port 5061\$"
pools split.json lonely.imp.example.com=impa "$trusted=impb,impc"
run "$FEDWIZ" verify p.fedwiz --microsoft split.json
ok "the routing node alone in another pool: the pool holding most nodes is the one" \
	line different pool "trusted application pool $trusted: Computers holds impb.cup.example.com, impc.cup.example.com live, not the routing node impa.cup.example.com\$"
pools tie.json "$trusted=impb" lonely.imp.example.com=impa
run "$FEDWIZ" verify p.fedwiz --microsoft tie.json
ok "one node in each of two pools: the routing node's is the one" \
	line present pool 'trusted application pool lonely.imp.example.com with impa.cup.example.com'
ok "... the other node is in another pool" line different computer \
	"trusted application computer impb.cup.example.com: Pool is $trusted live, lonely.imp.example.com in the project\$"

# --tick: through the tick path, with the items' fingerprints.
run "$FEDWIZ" verify p.fedwiz --microsoft different.json --tick
is "$STATUS" 1 "--tick on differences: exit 1"
ok "nothing different is ticked" sh -c \
	"! grep '^Ticked' $OUT | grep -qvx 'Ticked lync.default.trustedcomputer.impb.cup.example.com'"
ok "... the one computer that verifies is" grep -qx \
	"Ticked lync.default.trustedcomputer.impb.cup.example.com" "$OUT"
run "$FEDWIZ" verify p.fedwiz --microsoft present.json --tick
is "$STATUS" 0 "--tick on a right configuration: exit 0"
for id in lync.default.route.imp.example.com \
    lync.default.route.presence.imp.example.com ocs.fe1.ocs.test.defaultcert \
    lync.default.trustedpool lync.default.trustedcomputer.impb.cup.example.com \
    lync.default.trustedapp verify.ms.pool1.ocs.test; do
	ok "ticks $id" grep -qx "Ticked $id" "$OUT"
done
run "$FEDWIZ" checklist p.fedwiz
ok "the checklist shows the route ticked" grep -q \
	'^\[x\] Add the TLS static route for imp.example.com$' "$OUT"
ok "... by this user" grep -q "Ticked by $(id -un), " "$OUT"
run "$FEDWIZ" untick p.fedwiz 'lync.*.route.*'
is "$STATUS" 0 "fedwiz untick takes verify's ticks off"

# Which pool: the file's Target, or --server.
sed 's/"Target":  "pool1.ocs.test"/"Target":  "pool7.ocs.test"/' present.json \
	>elsewhere.json
run "$FEDWIZ" verify p.fedwiz --microsoft elsewhere.json
is "$STATUS" 2 "a file written for a pool the project lacks: exit 2"
is "$(cat "$ERR")" "fedwiz: elsewhere.json: written for pool7.ocs.test, which is no pool of the project; name one with --server" \
	"... one line naming --server"
run "$FEDWIZ" verify p.fedwiz --microsoft elsewhere.json --server POOL1.ocs.test
is "$STATUS" 0 "--server picks the pool (case-insensitively)"
run "$FEDWIZ" verify p.fedwiz --microsoft present.json --server pool9.ocs.test
is "$STATUS" 2 "--server naming no pool: exit 2"
is "$(cat "$ERR")" "fedwiz: --server pool9.ocs.test: no pool of the project" \
	"... says so"
run "$FEDWIZ" verify p.fedwiz
is "$STATUS" 2 "without --microsoft: exit 2"
ok "... a usage line" grep -q 'missing --microsoft FILE.json' "$ERR"

# Values from the file reach the terminal only through the filter.
python3 - present.json esc.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
r = dict(d["StaticRoutes"][0])
r["MatchUri"] = "evil\u001b]0;owned\u0007.example.org"
d["StaticRoutes"].append(r)
json.dump(d, open(sys.argv[2], "w"))
EOF
run "$FEDWIZ" verify p.fedwiz --microsoft esc.json
ok "a control character in a value is shown as \\x1B" grep -q \
	'extra *route *static route for evil\\x1B\]0;owned\\x07\.example\.org' "$OUT"

# Hostile files: one line on stderr, exit 2, nothing stored.
"$FEDWIZ" verify p.fedwiz --microsoft present.json >/dev/null
"$FEDWIZ" show p.fedwiz >before.txt
# refused FILE MESSAGE DESC
refused() {
	run "$FEDWIZ" verify p.fedwiz --microsoft "$1"
	is "$STATUS" 2 "$3: exit 2"
	is "$(cat "$ERR")" "fedwiz: $2" "$3: one line"
	ok "$3: nothing printed" test ! -s "$OUT"
	"$FEDWIZ" show p.fedwiz >after.txt
	ok "$3: nothing stored" cmp -s before.txt after.txt
}
printf '{"Format": "something-else", "Version": 1}' >foreign.json
refused foreign.json "foreign.json: not a fedwiz read-back (no \"Format\": \"fedwiz-microsoft-readback\"); write one with fedwiz powershell PROJECT --read-back" \
	"a foreign JSON file"
printf '[1, 2, 3]\n' >list.json
refused list.json "list.json: not a fedwiz read-back (no \"Format\": \"fedwiz-microsoft-readback\"); write one with fedwiz powershell PROJECT --read-back" \
	"a JSON list"
sed 's/"Version":  1/"Version":  2/' present.json >v2.json
refused v2.json "v2.json: read-back version 2; this fedwiz reads version 1" \
	"another version"
head -c 300 present.json >cut.json
refused cut.json "cut.json:$(($(head -c 300 present.json | tr -cd '\n' |
	wc -c) + 1)): the JSON ends too early" "a truncated file"
printf '{\n  "Format": "fedwiz-microsoft-readback",\n  "Version": 1,\n  oops\n}\n' \
	>bad.json
refused bad.json "bad.json:4: not JSON: quoted object property name expected" "not JSON"
sed '0,/"Port":  5061/s//"Port":  "5061"/' present.json >type.json
refused type.json "type.json: StaticRoutes[0].Port: a whole number expected, a string found" \
	"a port as a string"
sed 's/"Enabled":  true/"Enabled":  1/' present.json >bool.json
refused bool.json "bool.json: StaticRoutes[0].Enabled: true or false expected, a number found" \
	"a number for a bool"
sed 's/"Computers":  \[/"Computers":  [ 7, /' present.json >strv.json
refused strv.json "strv.json: TrustedApplicationPools[0].Computers[0]: a string expected, a number found" \
	"a number in a list of strings"
python3 - present.json short.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
del d["TrustedApplications"]
json.dump(d, open(sys.argv[2], "w"), indent=4)
EOF
refused short.json "short.json: TrustedApplications: missing" "a list left out"
printf '{"Format": "fedwiz-microsoft-readback", "Version": 1,\n}\n' >comma.json
refused comma.json "comma.json:2: not JSON: unexpected character" \
	"a trailing comma (not JSON, though json-c would take it)"
printf '{"Format": "fedwiz-microsoft-readback", /* c */ "Version": 1}' >comment.json
refused comment.json "comment.json:1: not JSON: quoted object property name expected" \
	"a comment"
printf '{"Format": "fedwiz-microsoft-readback"} {}\n' >two.json
refused two.json "two.json:1: more after the JSON document" \
	"a second document after the first"
sed 's/"ComputerFqdn":  "fe1.ocs.test"/"ComputerFqdn":  "fe1\\u0000.ocs.test"/' \
	present.json >nulesc.json
refused nulesc.json "nulesc.json: ComputerFqdn: holds a NUL character" \
	"a \\u0000 escape"
printf '{\n"Format": "fedwiz-microsoft-readback",\n"Target": "a\000b"}\n' >nul.json
refused nul.json "nul.json:3: a NUL byte: not a UTF-8 JSON file (UTF-16?); let the read-back script write it" \
	"a NUL byte"
printf '{\n"Format": "fedwiz-microsoft-readback",\n\n"Target": "caf\351"}\n' >latin1.json
refused latin1.json "latin1.json:4: not valid UTF-8" "Latin-1 bytes"
python3 -c 'print("[" * 100000 + "]" * 100000)' >deep.json
refused deep.json "deep.json:1: nested deeper than 16 levels" "deep nesting"
python3 -c '
import sys
sys.stdout.write("{\"Format\": \"fedwiz-microsoft-readback\", \"Pad\": \"" + "x" * (4 * 1024 * 1024) + "\"}")' >huge.json
refused huge.json "huge.json: file too large ($(wc -c <huge.json) bytes; at most 4194304)" \
	"a file over 4 MiB"
python3 - present.json many.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
d["StaticRoutes"] = [d["StaticRoutes"][0]] * 4097
json.dump(d, open(sys.argv[2], "w"))
EOF
refused many.json "many.json: StaticRoutes: more than 4096 entries" \
	"a list over 4096 entries"
python3 - present.json long.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8-sig"))
d["Computer"] = "x" * 4097
json.dump(d, open(sys.argv[2], "w"))
EOF
refused long.json "long.json: Computer: longer than 4096 bytes" \
	"a string over 4096 bytes"

refused . ".: is a directory, not a file" "a directory"
iconv -f UTF-8 -t UTF-16 present.json >utf16.json
refused utf16.json "utf16.json:1: a NUL byte: not a UTF-8 JSON file (UTF-16?); let the read-back script write it" \
	"a UTF-16 file (Out-File's default)"
printf '\357\273\277' >bom.json
cat present.json >>bom.json
run "$FEDWIZ" verify p.fedwiz --microsoft bom.json
is "$STATUS" 0 "a UTF-8 byte order mark (Notepad's) is read past"

# Standard Edition: the server is the target, its certificate item ticked.
sed -e 's/^ocs_edition = enterprise/ocs_edition = standard/' \
	-e '/^\[ocs_pool\]/,/^$/d' -e '/^pool = /d' lync-enterprise.answers \
	>standard.answers
"$FEDWIZ" init s.fedwiz --answers standard.answers >/dev/null
run "$FEDWIZ" checklist s.fedwiz
ok "Standard Edition: the server's Verify item before any result" grep -qx \
	'\[ \] Compare the live configuration of fe1.ocs.test with the project' "$OUT"
sed -e 's/"Target":  "pool1.ocs.test"/"Target":  "fe1.ocs.test"/' \
	-e 's/Registrar:pool1.ocs.test/Registrar:fe1.ocs.test/' present.json \
	>standard.json
run "$FEDWIZ" verify s.fedwiz --microsoft standard.json --tick
is "$STATUS" 0 "Standard Edition: the server is compared"
ok "... registered with the server" line present pool \
	'trusted application pool trustedpool.imp.example.com with impa.cup.example.com, registrar fe1.ocs.test$'
ok "... its route items ticked" grep -qx \
	"Ticked lync.default.route.imp.example.com" "$OUT"
ok "... and its certificate item" grep -qx "Ticked ocs.fe1.ocs.test.defaultcert" "$OUT"
run "$FEDWIZ" verify s.fedwiz --microsoft present.json
is "$STATUS" 2 "Standard Edition: a pool's file names no server of the project"
is "$(cat "$ERR")" "fedwiz: present.json: written for pool1.ocs.test, which is no server of the project; name one with --server" \
	"... says so"

# The CA judged against is the one that applies to the front end the
# script ran on: its own (a second organisation's server), else its
# pool's, else the project's.
readback_fill present unrelated
mv present.json other-ca.json
readback_fill present both
run "$FEDWIZ" verify p.fedwiz --microsoft other-ca.json
ok "a certificate of another CA differs from the project's CA" line different \
	certificate 'default certificate CN=fe1.ocs.test: the default certificate does not verify against the CA certificate given'
sed 's|^route = primary$|route = primary\nocs_ca = certs/other-ca.pem|' \
	lync-enterprise.answers >own-ca.answers
"$FEDWIZ" init o.fedwiz --answers own-ca.answers >/dev/null
run "$FEDWIZ" verify o.fedwiz --microsoft other-ca.json
is "$STATUS" 0 "the front end's own CA is the one it is judged against"

# Only a TLS project has a Lync side to compare.
# (an OCS 2007 R2 one: a Lync project over TCP is refused on import)
sed 's/^transport = tls/transport = tcp/; /^microsoft = /d; /^\[certificates\]/,$d' \
	lync-enterprise.answers >tcp.answers
"$FEDWIZ" init t.fedwiz --answers tcp.answers >/dev/null
run "$FEDWIZ" checklist t.fedwiz
ok "a TCP project's checklist has no Lync Verify item" sh -c \
	"! grep -q 'Compare the live configuration' $OUT"
run "$FEDWIZ" verify t.fedwiz --microsoft present.json
is "$STATUS" 2 "a TCP project: exit 2"
is "$(cat "$ERR")" "fedwiz: Lync verify: the project federates over TCP; Lync and Skype for Business federate over TLS only" \
	"... says why"

# The topology's items are ticked by the topology's name: a pool of the
# topology west ticks lync.west.*.
sed 's/^name = ocs.test$/name = ocs.test\ntopology = west/' \
	lync-enterprise.answers >west.answers
"$FEDWIZ" init w.fedwiz --answers west.answers >/dev/null ||
	echo "Bail out! cannot create the west project"
run "$FEDWIZ" verify w.fedwiz --microsoft present.json --tick
is "$STATUS" 0 "topology west: everything present"
for id in lync.west.route.imp.example.com lync.west.trustedpool \
    lync.west.trustedcomputer.impb.cup.example.com lync.west.trustedapp; do
	ok "topology west: ticks $id" grep -qx "Ticked $id" "$OUT"
done
run "$FEDWIZ" checklist w.fedwiz
ok "... and the checklist shows the pool ticked" \
	grep -q '^\[x\] Create the trusted application pool' "$OUT"

# A trusted pool registered with a pool of another topology is not this
# topology's: read back from Fabrikam's pool, pool1 (Contoso's) differs.
sed 's/^\[certificates\]$/[ocs_domain]\nname = fabrikam.test\ntopology = fabrikam\n\n[ocs_pool]\nfqdn = pool9.fabrikam.test\n\n[ocs_server]\nfqdn = fe9.fabrikam.test\nip = 198.51.100.29\ndomain = fabrikam.test\npool = pool9.fabrikam.test\nroute = primary\n\n[certificates]/' \
	lync-enterprise.answers >two.answers
"$FEDWIZ" init two.fedwiz --answers two.answers >/dev/null ||
	echo "Bail out! cannot create the two-topology project"
run "$FEDWIZ" verify two.fedwiz --microsoft present.json --server pool1.ocs.test
ok "two topologies: pool1's own read-back has its registrar right" \
	line present pool 'trusted application pool trustedpool.imp.example.com'
run "$FEDWIZ" verify two.fedwiz --microsoft present.json --server pool9.fabrikam.test
ok "... from Fabrikam's pool, a registrar of Contoso's topology differs" \
	sh -c "grep -q '^  different *pool .*Registrar is Registrar:pool1.ocs.test live, pool9.fabrikam.test in the project' '$OUT'"

done_testing

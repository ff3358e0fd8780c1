#!/bin/sh
# init --answers, export, import the export into a new project, export
# again: the two exports are identical.
. "${top_srcdir:-.}/tests/lib.sh"

example=$top_srcdir/data/example.answers

run "$FEDWIZ" init one.fedwiz --answers "$example"
is "$STATUS" 0 "init --answers example.answers exits 0"
ok "init is quiet on success" test ! -s "$ERR"

run "$FEDWIZ" export one.fedwiz
is "$STATUS" 0 "export to stdout exits 0"
cp "$OUT" first.answers
ok "the export starts with its header comment" \
	grep -q '^# fedwiz answers file.*fedwiz(1)' first.answers

run "$FEDWIZ" init two.fedwiz
is "$STATUS" 0 "init of an empty project exits 0"
run "$FEDWIZ" import two.fedwiz first.answers
is "$STATUS" 0 "import of the export exits 0"
run "$FEDWIZ" export two.fedwiz -o second.answers
is "$STATUS" 0 "export -o exits 0"
is_file second.answers first.answers "export, import, export is identical"

# The export holds what the example declares.
for want in '\[imp_node\]:3' '\[imp_domain\]:2' '\[ocs_domain\]:2' \
    '\[ocs_pool\]:2' '\[ocs_server\]:4' 'route = backup:2'; do
	pat=${want%:*}
	is "$(grep -c "^$pat" first.answers)" "${want##*:}" \
		"export holds ${want##*:} x $pat"
done

# Standard input, and a third generation through a pipe.
run sh -c "\"\$FEDWIZ\" init three.fedwiz --answers - <second.answers"
is "$STATUS" 0 "init --answers - reads standard input"
"$FEDWIZ" export three.fedwiz >third.answers
is_file third.answers first.answers "a third generation is identical too"

run "$FEDWIZ" show two.fedwiz
is "$STATUS" 0 "show exits 0"
ok "show names the deployment" grep -q 'Example Corp' "$OUT"
ok "show counts 3 IM&P nodes" grep -q 'IM&P nodes: *3$' "$OUT"
ok "show counts 4 OCS servers" grep -q 'OCS servers: *4$' "$OUT"
ok "show lists step 9" grep -q '^  9 ' "$OUT"

# Ticks and confirmations round-trip with who ticked and when: a
# confirmation is the tick of its checklist items.
"$FEDWIZ" init ticks.fedwiz --answers "$example"
"$FEDWIZ" tick ticks.fedwiz imp.tlscontext.cipher imp.tlscontext.fragments \
	'ocs.*.fips' imp.listener
"$FEDWIZ" export ticks.fedwiz >ticks1.answers
ok "the export carries each tick's fingerprint, time and user" grep -qE \
	"^item = imp.listener [0-9a-f]{64} at 20[0-9]{2}-[01][0-9]-[0-3][0-9] [0-9:]{8} by $(id -un)\$" \
	ticks1.answers
sed "s/ by $(id -un)\$/ by Jane Admin/; s/ at 20[0-9-]* [0-9:]* / at 2020-01-02 03:04:05 /" \
	ticks1.answers >ticks2.answers
run "$FEDWIZ" init ticks2.fedwiz --answers ticks2.answers
is "$STATUS" 0 "init --answers takes ticks by someone else, earlier"
ok "... silently" test ! -s "$ERR"
"$FEDWIZ" export ticks2.fedwiz >ticks3.answers
is_file ticks3.answers ticks2.answers "ticks and confirmations: export, init, export is identical"
run "$FEDWIZ" checklist ticks2.fedwiz
ok "the checklist names who ticked and when" \
	grep -q "^    Ticked by Jane Admin, 2020-01-02 03:04:05 UTC\$" "$OUT"
run "$FEDWIZ" validate ticks2.fedwiz
ok "validate: the confirmations came along" sh -c "! grep -q 'not confirmed' '$OUT'"

# Line ends of other systems read the same: CRLF (Windows), CR (old Mac).
sed 's/$/\r/' first.answers >crlf.answers
tr '\n' '\r' <first.answers >cr.answers
for f in crlf cr; do
	run "$FEDWIZ" init "$f.fedwiz" --answers "$f.answers"
	is "$STATUS" 0 "$f line ends: init --answers exits 0"
	"$FEDWIZ" export "$f.fedwiz" >"$f.out"
	is_file "$f.out" first.answers "$f line ends: the same project"
done

# An empty project round-trips as well.
"$FEDWIZ" init empty.fedwiz
"$FEDWIZ" export empty.fedwiz >empty1.answers
"$FEDWIZ" init empty2.fedwiz --answers empty1.answers
"$FEDWIZ" export empty2.fedwiz >empty2.answers
is_file empty2.answers empty1.answers "an empty project round-trips"

# Certificates of their own (tests/fixtures/tls-two-orgs.answers, with
# certificates made now): a pool's and a server's, exported under their
# entries, round-trip byte for byte.
sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
cp "$top_srcdir/tests/fixtures/tls-two-orgs.answers" orgs.answers
run "$FEDWIZ" init orgs.fedwiz --answers orgs.answers
is "$STATUS" 0 "init with per-pool and per-server certificates exits 0"
"$FEDWIZ" export orgs.fedwiz >orgs1.answers
ok "the pool's certificate is exported under its [ocs_pool]" \
	awk '/^\[/ { s = $0 } /^ocs_cert = <<PEM/ && s == "[ocs_pool]" { f = 1 }
	    END { exit !f }' orgs1.answers
is "$(grep -c '^ocs_c[a-z]* = <<PEM' orgs1.answers)" 4 \
	"four certificates of their own exported, none project-wide"
is "$(grep -c '^route = none$' orgs1.answers)" 1 "route = none exported"
"$FEDWIZ" init orgs2.fedwiz --answers orgs1.answers
"$FEDWIZ" export orgs2.fedwiz >orgs2.answers
is_file orgs2.answers orgs1.answers \
	"per-server certificates: export, import, export is identical"

# A file from before per-server certificates: [certificates] ocs_cert is
# still read, as the default of every server and pool.
cat >old.answers <<'EOF'
[ocs_domain]
name = ocs.test
[ocs_server]
fqdn = fe1.ocs.test
ip = 198.51.100.21
domain = ocs.test
[certificates]
ocs_cert = certs/both.pem
ocs_ca = certs/ca.pem
EOF
run "$FEDWIZ" init old.fedwiz --answers old.answers
is "$STATUS" 0 "an answers file with the old [certificates] keys imports"
run "$FEDWIZ" show old.fedwiz
ok "show lists them as the project's" grep -q '^  ocs_cert  SHA-256 ' "$OUT"
ok "and as no server's own" sh -c "! grep -q ' of fe1' '$OUT'"

done_testing

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

# An empty project round-trips as well.
"$FEDWIZ" init empty.fedwiz
"$FEDWIZ" export empty.fedwiz >empty1.answers
"$FEDWIZ" init empty2.fedwiz --answers empty1.answers
"$FEDWIZ" export empty2.fedwiz >empty2.answers
is_file empty2.answers empty1.answers "an empty project round-trips"

done_testing

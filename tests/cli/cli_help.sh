#!/bin/sh
# --help and --version on the command and every subcommand: stdout, exit 0;
# an unknown option: exit 2 with a hint on stderr.
. "${top_srcdir:-.}/tests/lib.sh"

commands="init import export show explain validate cert-check probe powershell verify checklist tick untick"

run "$FEDWIZ" --help
is "$STATUS" 0 "fedwiz --help exits 0"
ok "fedwiz --help prints the usage on stdout" grep -q '^Usage: fedwiz' "$OUT"
ok "fedwiz --help prints nothing on stderr" test ! -s "$ERR"
for c in $commands; do
	ok "fedwiz --help lists '$c'" grep -q "^  $c " "$OUT"
done
for o in --no-color --read-only --version; do
	ok "fedwiz --help describes $o" grep -q -- "$o" "$OUT"
done

run "$FEDWIZ" powershell --help
for o in --read-back --server --output; do
	ok "fedwiz powershell --help describes $o" grep -q -- "$o" "$OUT"
done
run "$FEDWIZ" verify --help
for o in --microsoft --server --tick; do
	ok "fedwiz verify --help describes $o" grep -q -- "$o" "$OUT"
done

run "$FEDWIZ" --version
is "$STATUS" 0 "fedwiz --version exits 0"
ok "fedwiz --version prints 'fedwiz VERSION'" \
	grep -qx 'fedwiz [0-9][0-9.]*[0-9a-z.~-]*' "$OUT"
version=$(cat "$OUT")

run "$FEDWIZ" --bogus
is "$STATUS" 2 "fedwiz --bogus exits 2"
is "$(head -n 1 "$ERR")" "fedwiz: unknown option '--bogus'" \
	"fedwiz --bogus names the option"
is "$(sed -n 2p "$ERR")" "Try 'fedwiz --help'." "fedwiz --bogus hints at --help"
ok "fedwiz --bogus prints nothing on stdout" test ! -s "$OUT"

run "$FEDWIZ" -x
is "$STATUS" 2 "fedwiz -x exits 2"
is "$(head -n 1 "$ERR")" "fedwiz: unknown option '-x'" "fedwiz -x names it"

run "$FEDWIZ" exprot p.fedwiz
is "$STATUS" 2 "a misspelt command exits 2"
is "$(head -n 1 "$ERR")" "fedwiz: unknown command 'exprot'" \
	"a misspelt command is named"

for c in $commands; do
	run "$FEDWIZ" "$c" --help
	is "$STATUS" 0 "fedwiz $c --help exits 0"
	ok "fedwiz $c --help starts with its usage" \
		grep -q "^Usage: fedwiz $c " "$OUT"
	ok "fedwiz $c --help lists --version" grep -q -- '--version' "$OUT"
	ok "fedwiz $c --help prints nothing on stderr" test ! -s "$ERR"

	run "$FEDWIZ" "$c" -h
	is "$STATUS" 0 "fedwiz $c -h exits 0"

	run "$FEDWIZ" "$c" --version
	is "$STATUS" 0 "fedwiz $c --version exits 0"
	is "$(cat "$OUT")" "$version" "fedwiz $c --version prints the version"

	run "$FEDWIZ" "$c" --bogus
	is "$STATUS" 2 "fedwiz $c --bogus exits 2"
	is "$(head -n 1 "$ERR")" "fedwiz $c: unknown option '--bogus'" \
		"fedwiz $c --bogus names the option"
	is "$(sed -n 2p "$ERR")" "Try 'fedwiz $c --help'." \
		"fedwiz $c --bogus hints at its --help"

	run "$FEDWIZ" "$c"
	is "$STATUS" 2 "fedwiz $c without arguments exits 2"
done

run "$FEDWIZ" export p.fedwiz -o
is "$STATUS" 2 "export -o without FILE exits 2"
is "$(head -n 1 "$ERR")" "fedwiz export: option '-o' needs an argument" \
	"the missing argument is named"

run "$FEDWIZ" init --answers
is "$STATUS" 2 "init --answers without FILE exits 2"
is "$(head -n 1 "$ERR")" "fedwiz init: option '--answers' needs an argument" \
	"the missing long argument is named"

done_testing

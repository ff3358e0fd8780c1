#!/bin/sh
# The core (src/) must not include curses or CDK: only ui/ may, through
# ui/fw_curses.h. This keeps the core testable without a terminal.
. "${top_srcdir:-.}/tests/lib.sh"

src=$top_srcdir/src
[ -d "$src" ] || skip_all "no src/ directory in $top_srcdir"

n=0
for f in "$src"/*.c "$src"/*.h; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	hits=$(grep -inE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]*(curses|cdk)' "$f" || true)
	if [ -z "$hits" ]; then
		_tap_result 1 "${f#"$top_srcdir"/} includes no curses/CDK header"
	else
		_tap_result 0 "${f#"$top_srcdir"/} includes no curses/CDK header"
		diag "$hits"
	fi
done
ok "src/ holds C files to check" test "$n" -gt 0
done_testing

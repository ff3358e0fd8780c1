# tests/lib.sh: TAP helpers for the shell tests in tests/cli/.
# POSIX sh. Source it first thing:
#
#	. "${top_srcdir:-.}/tests/lib.sh"
#	run "$FEDWIZ" --version
#	is "$STATUS" 0 "--version exits 0"
#	ok "--version names the program" grep -q fedwiz "$OUT"
#	done_testing
#
# Gives each test a private temporary directory $FW_TMP (the working
# directory; removed on exit) and a clean environment: LANG=C.UTF-8, HOME and
# the XDG directories inside $FW_TMP. $FEDWIZ is the built binary;
# $top_srcdir and $top_builddir are absolute.

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${FEDWIZ:=$top_builddir/fedwiz}"
export top_srcdir top_builddir FEDWIZ

FW_TMP=$(mktemp -d "${TMPDIR:-/tmp}/fedwiz-test.XXXXXX") || {
	echo "Bail out! cannot create a temporary directory"
	exit 1
}
trap 'cd / && rm -rf "$FW_TMP"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE
LANG=C.UTF-8
HOME=$FW_TMP/home
XDG_DATA_HOME=$HOME/.local/share
XDG_CONFIG_HOME=$HOME/.config
XDG_STATE_HOME=$HOME/.local/state
XDG_CACHE_HOME=$HOME/.cache
TERM=dumb
export LANG HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME TERM
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
cd "$FW_TMP" || exit 1

_tap_n=0
_tap_failed=0

# _tap_result PASS DESC
_tap_result() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 1 ]; then
		echo "ok $_tap_n - $2"
	else
		_tap_failed=$((_tap_failed + 1))
		echo "not ok $_tap_n - $2"
	fi
}

# diag MESSAGE...: a TAP comment (each line prefixed with "# ").
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

# ok DESC COMMAND [ARG...]: passes when COMMAND exits 0.
ok() {
	_tap_desc=$1
	shift
	if "$@"; then
		_tap_result 1 "$_tap_desc"
	else
		_tap_result 0 "$_tap_desc"
		diag "  command failed: $*"
	fi
}

# is GOT EXPECTED DESC: string equality.
is() {
	if [ "$1" = "$2" ]; then
		_tap_result 1 "$3"
	else
		_tap_result 0 "$3"
		diag "       got: '$1'" "  expected: '$2'"
	fi
}

# is_file GOT_FILE EXPECTED_FILE DESC: file equality (golden files); diff on failure.
is_file() {
	if cmp -s "$1" "$2"; then
		_tap_result 1 "$3"
	else
		_tap_result 0 "$3"
		diff -u "$2" "$1" 2>&1 | sed 's/^/# /'
	fi
}

# run COMMAND [ARG...]: run with stdin from /dev/null; sets STATUS and the
# files OUT and ERR (their names: $OUT, $ERR).
OUT=$FW_TMP/out
ERR=$FW_TMP/err
run() {
	STATUS=0
	"$@" </dev/null >"$OUT" 2>"$ERR" || STATUS=$?
}

# skip_all REASON: skip the whole test (call before any test point).
skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# need COMMAND: bails out when COMMAND is missing: ./build.sh installs
# every tool the tests use, so a missing one is a broken setup, not a skip.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "Bail out! no $1 command (./build.sh installs it)"
	exit 1
}

# Crash tests (SQLite's crash9.test way): a command killed with SIGKILL at
# seeded random moments.
#
# crash_seed: sets $seed from FW_CRASH_SEED or the clock and prints it, so
# that a failing run can be replayed.
crash_seed() {
	seed=${FW_CRASH_SEED:-$(($(date +%s) % 100000))}
	diag "seed $seed (FW_CRASH_SEED=$seed replays this run)"
}

# crash_ms COMMAND [ARG...]: how long COMMAND takes here in ms (the mean
# of 5 runs, at least 2): sanitizer builds and loaded machines are slower.
crash_ms() {
	_t0=$(date +%s%N)
	for _i in 1 2 3 4 5; do
		"$@"
	done
	_ms=$((($(date +%s%N) - _t0) / 5000000))
	[ "$_ms" -ge 2 ] || _ms=2
	echo "$_ms"
}

# crash_delays N MS: N random moments (seconds, one a line) from the start
# to 20% past a run of MS ms, drawn from $seed.
crash_delays() {
	awk -v n="$1" -v seed="$seed" -v ms="$2" 'BEGIN {
		srand(seed)
		for (i = 1; i <= n; i++)
			printf "%.4f\n", rand() * ms * 1.2 / 1000
	}'
}

# done_testing: print the plan; exit 0 (the "not ok" lines carry the verdict).
done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ] || diag "failed $_tap_failed of $_tap_n"
	exit 0
}

#!/usr/bin/env bash
# build.sh: the single entry point for building, testing and running fedwiz.
#
#   ./build.sh build              install missing Debian packages, build CDK
#                                 into _cdk/prefix, configure _build/, make
#   ./build.sh check [--sanitize] build, then make check (ASan/UBSan build in
#                                 _build-sanitize/ with --sanitize); generates
#                                 the de_DE.UTF-8 locale the tests need and
#                                 installs the PowerShell parser they use
#   ./build.sh distcheck          build, then make distcheck
#   ./build.sh fuzz [SECONDS]     install clang, make fuzz (libFuzzer; long)
#   ./build.sh bench              install dialog and libvterm-dev, make bench
#                                 (benchmarks)
#   ./build.sh run [PROJECT]      build, then run the built fedwiz
#
# Idempotent: a second run with nothing changed does no apt work and does not
# re-run configure.
set -euo pipefail

# Debian packages. An entry "a|b" is satisfied by either; "a" is installed.
BUILD_DEPS="build-essential autoconf automake libtool pkg-config gettext autopoint
  libncurses-dev|libncursesw5-dev libsqlite3-dev libssl-dev libjson-c-dev dpkg-dev"
TEST_DEPS="tmux valgrind sqlite3 openssl gnutls-bin sip-tester socat python3 locales chromium procps file poppler-utils bindfs"
# The PowerShell checker of the tests (tests/ps/ps_check.mjs): Node.js and
# npm from Debian when there are none (ensure_node), and these npm packages,
# at these versions, in each build tree's node_modules/.
NODE_TEST_MODULES="web-tree-sitter@0.27.2 tree-sitter-powershell@0.26.4"
# Only for ./build.sh fuzz (clang's libFuzzer) and ./build.sh bench.
FUZZ_DEPS="clang libclang-rt-14-dev|libclang-rt-dev"
BENCH_DEPS="tmux sqlite3 dialog libvterm-dev"

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CDK_DIR=$TOP/_cdk
CDK_PREFIX=$CDK_DIR/prefix
JOBS=${JOBS:-2}

usage() {
	cat <<EOF
usage: ./build.sh build
       ./build.sh check [--sanitize]
       ./build.sh distcheck
       ./build.sh fuzz [SECONDS]
       ./build.sh bench
       ./build.sh run [PROJECT]

build      install missing Debian packages, build wide CDK into _cdk/,
           autoreconf and configure in _build/ when needed, make -j$JOBS
check      build, then make check; --sanitize uses _build-sanitize/
           (AddressSanitizer + UndefinedBehaviorSanitizer); generates the
           de_DE.UTF-8 locale for the German tests when missing, and
           installs Node.js and the PowerShell parser (npm packages in
           the build tree's node_modules/) for tests/ps/ps_check.mjs
distcheck  build, then make distcheck (VPATH build of the tarball)
fuzz       install clang, then make fuzz FUZZ_SECONDS=SECONDS (default 60):
           each libFuzzer target in tests/fuzz/ for that long; long
bench      build, then make bench: the benchmarks' table on stdout and in
           bench/results.md (installs dialog, the reference, and
           libvterm-dev, the start-up timer's screen)
run        build, then run _build/fedwiz [PROJECT]
EOF
}

say() { printf 'build.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Run a command as root: directly, through sudo, or tell the user what to run.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		say "not root and no sudo; run as root: $*"
		exit 2
	fi
}

pkg_installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# ensure_packages LIST: install the entries of LIST not yet installed.
ensure_packages() {
	local entry alt ok missing=()
	for entry in $1; do
		ok=no
		for alt in ${entry//|/ }; do
			if pkg_installed "$alt"; then ok=yes; break; fi
		done
		[ "$ok" = yes ] || missing+=("${entry%%|*}")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	install_packages "${missing[@]}"
}

# install_packages PACKAGE...: apt-get install, as root.
install_packages() {
	say "installing missing packages: $*"
	if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
		say "not root and no sudo; run as root:"
		say "  apt-get update && apt-get install -y --no-install-recommends $*"
		exit 2
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends "$@"
}

# ensure_node: node and npm, from Debian when either command is missing (a
# Node.js installed otherwise, with its own npm, is kept).
ensure_node() {
	local missing=()
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	[ "${#missing[@]}" -eq 0 ] || install_packages "${missing[@]}"
}

# ensure_node_modules DIR: the NODE_TEST_MODULES in DIR/node_modules, each
# installed by npm (from the registry npm is set up for) when it is not
# there at its version. Their install scripts are not run: the checker
# needs only their JavaScript and WebAssembly.
ensure_node_modules() {
	local dir=$1 spec name version missing=()
	for spec in $NODE_TEST_MODULES; do
		name=${spec%@*}
		version=${spec##*@}
		grep -qs "\"version\": *\"$version\"" "$dir/node_modules/$name/package.json" ||
			missing+=("$spec")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	say "installing npm packages into ${dir#"$TOP"/}/node_modules: ${missing[*]}"
	npm install --prefix "$dir" --no-save --no-package-lock --ignore-scripts \
		--no-audit --no-fund --loglevel=error "${missing[@]}" >&2 ||
		die "npm install ${missing[*]} failed"
}

# derive_deb_src OUTDIR: write deb-src entries equivalent to the machine's own
# enabled Debian archive entries. Mirror hosts come from the machine, never
# from this repository.
derive_deb_src() {
	local out=$1 f
	: >"$out/debian-src.sources"
	: >"$out/debian-src.list"
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: paragraphs; keep enabled "deb" stanzas of Debian's archive.
		awk '
		function flush(   keep) {
			if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled !~ /^[ \t]*(no|false|0)[ \t]*$/ &&
			    (uris ~ /\/debian/ || signed ~ /debian-archive-keyring/) && uris != "" && suites != "") {
				printf "Types: deb-src\nURIs:%s\nSuites:%s\n", uris, suites
				if (comps != "") printf "Components:%s\n", comps
				if (signed != "") printf "Signed-By:%s\n", signed
				printf "\n"
			}
			types = uris = suites = comps = signed = enabled = ""; field = ""
		}
		/^[ \t]*#/ { next }
		/^[ \t]*$/ { flush(); next }
		/^[ \t]/ { if (field == "signed-by") signed = signed "\n" $0; next }
		{
			i = index($0, ":"); if (i == 0) next
			field = tolower(substr($0, 1, i - 1)); val = substr($0, i + 1)
			if (field == "types") types = val
			else if (field == "uris") uris = val
			else if (field == "suites") suites = val
			else if (field == "components") comps = val
			else if (field == "signed-by") signed = val
			else if (field == "enabled") enabled = val
		}
		END { flush() }' "$f" >>"$out/debian-src.sources"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# One-line format: "deb [opts] URI SUITE COMP..." (commented = disabled).
		awk '$1 == "deb" {
			line = $0; sub(/^[ \t]*deb[ \t]+/, "", line)
			if (line ~ /\/debian/ || line ~ /debian-archive-keyring/)
				print "deb-src " line
		}' "$f" >>"$out/debian-src.list"
	done
	if [ ! -s "$out/debian-src.sources" ] && [ ! -s "$out/debian-src.list" ]; then
		die "no enabled Debian archive entry in /etc/apt; cannot fetch the CDK source"
	fi
}

# build_cdk: wide-character CDK (libcdkw.a) into _cdk/prefix, from Debian's
# libcdk5 source package, fetched and signature-checked by apt.
build_cdk() {
	if [ -f "$CDK_PREFIX/lib/libcdkw.a" ]; then
		return 0
	fi
	say "building wide-character CDK into _cdk/prefix"
	local apt_dir=$CDK_DIR/apt src
	rm -rf "$apt_dir" "$CDK_DIR/src"
	mkdir -p "$apt_dir/parts" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$CDK_DIR/src"
	derive_deb_src "$apt_dir/parts"
	local -a apt_opts=(
		-o Dir::Etc::SourceList=/dev/null
		-o "Dir::Etc::SourceParts=$apt_dir/parts"
		-o "Dir::State::Lists=$apt_dir/lists"
		-o "Dir::Cache=$apt_dir/cache"
	)
	# As root, apt would drop to _apt, which cannot write into this tree.
	if [ "$(id -u)" -eq 0 ]; then
		apt_opts+=(-o APT::Sandbox::User=root)
	fi
	# Third-party entries were not copied; a failing mirror is reported by apt.
	apt-get "${apt_opts[@]}" -q update || say "apt-get update reported errors; trying anyway"
	(cd "$CDK_DIR/src" && apt-get "${apt_opts[@]}" -q source libcdk5) ||
		die "apt-get source libcdk5 failed (is a Debian deb-src archive reachable?)"
	src=$(find "$CDK_DIR/src" -mindepth 2 -maxdepth 2 -name configure -type f | head -n 1)
	[ -n "$src" ] || die "no unpacked CDK source under _cdk/src"
	src=$(dirname "$src")
	(
		cd "$src"
		env -u CFLAGS -u LDFLAGS -u CPPFLAGS ./configure -q --with-ncursesw --disable-shared \
			--prefix="$CDK_PREFIX"
		make -j"$JOBS"
		make install
	) >"$CDK_DIR/build.log" 2>&1 || {
		tail -n 30 "$CDK_DIR/build.log" >&2
		die "CDK build failed; full log in _cdk/build.log"
	}
	[ -f "$CDK_PREFIX/lib/libcdkw.a" ] || die "CDK installed no lib/libcdkw.a; see _cdk/build.log"
}

# ensure_german_locale: the German tests (tests/cli/cli_german.sh) run under
# de_DE.UTF-8, which Debian's locales package ships but does not generate.
ensure_german_locale() {
	if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
		return 0
	fi
	say "generating the de_DE.UTF-8 locale"
	as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8
}

# newer A B: true when file A is newer than B or B is missing.
newer() { [ ! -e "$2" ] || [ "$1" -nt "$2" ]; }

# configure_build DIR [CONFIGURE ARGS...]
configure_build() {
	local dir=$1; shift
	if [ ! -x "$TOP/configure" ] || newer "$TOP/configure.ac" "$TOP/configure" ||
	   newer "$TOP/Makefile.am" "$TOP/configure"; then
		say "autoreconf -fi"
		(cd "$TOP" && autoreconf -fi)
	fi
	if [ -e "$TOP/config.status" ]; then
		die "an in-tree build exists (config.status at top); run 'make distclean' there first"
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ] || newer "$TOP/configure" "$dir/config.status"; then
		say "configure in ${dir#"$TOP"/}"
		(cd "$dir" && "$TOP/configure" --with-cdk="$CDK_PREFIX" --enable-werror "$@")
	fi
}

# do_build DIR [CONFIGURE ARGS...] (packages are ensured by the caller)
do_build() {
	local dir=$1; shift
	build_cdk
	configure_build "$dir" "$@"
	make -C "$dir" -j"$JOBS"
}

# Show the end of each failing test's log (automake .trs records the result).
show_failures() {
	local dir=$1 trs log
	while IFS= read -r trs; do
		if grep -Eq '^:global-test-result: (FAIL|ERROR|XPASS)' "$trs"; then
			log=${trs%.trs}.log
			printf '\n===== %s (last 40 lines) =====\n' "${log#"$dir"/}" >&2
			tail -n 40 "$log" >&2 || true
		fi
	done < <(find "$dir" -name '*.trs' -type f | sort)
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
build)
	[ $# -eq 0 ] || { usage >&2; exit 2; }
	ensure_packages "$BUILD_DEPS"
	do_build "$TOP/_build"
	;;
check)
	dir=$TOP/_build
	extra=()
	for arg in "$@"; do
		case $arg in
		--sanitize) dir=$TOP/_build-sanitize; extra+=(--enable-sanitize) ;;
		*) usage >&2; exit 2 ;;
		esac
	done
	ensure_packages "$BUILD_DEPS $TEST_DEPS"
	ensure_node
	ensure_german_locale
	do_build "$dir" ${extra[@]+"${extra[@]}"}
	ensure_node_modules "$dir"
	if ! make -C "$dir" -j"$JOBS" check; then
		show_failures "$dir"
		exit 1
	fi
	;;
distcheck)
	[ $# -eq 0 ] || { usage >&2; exit 2; }
	ensure_packages "$BUILD_DEPS $TEST_DEPS"
	ensure_node
	ensure_german_locale
	do_build "$TOP/_build"
	ensure_node_modules "$TOP/_build"
	# The tarball's own build tree has no node_modules/.
	FW_NODE_MODULES=$TOP/_build/node_modules make -C "$TOP/_build" distcheck
	;;
fuzz)
	[ $# -le 1 ] || { usage >&2; exit 2; }
	case ${1:-60} in *[!0-9]*|'') usage >&2; exit 2 ;; esac
	ensure_packages "$BUILD_DEPS $FUZZ_DEPS openssl"
	do_build "$TOP/_build"
	make -C "$TOP/_build" fuzz FUZZ_SECONDS="${1:-60}"
	;;
bench)
	[ $# -eq 0 ] || { usage >&2; exit 2; }
	ensure_packages "$BUILD_DEPS $BENCH_DEPS"
	# A build tree configured before libvterm-dev was there has no
	# start-up timer: configure it again.
	if [ -f "$TOP/_build/config.status" ] &&
	   ! grep -q '^S\["HAVE_VTERM_TRUE"\]=""' "$TOP/_build/config.status"; then
		rm -f "$TOP/_build/Makefile"
	fi
	do_build "$TOP/_build"
	make -C "$TOP/_build" bench
	;;
run)
	[ $# -le 1 ] || { usage >&2; exit 2; }
	ensure_packages "$BUILD_DEPS" >&2
	do_build "$TOP/_build" >&2
	# The catalogues of this build, not those of an installed fedwiz.
	FEDWIZ_LOCALEDIR=$TOP/_build/locale exec "$TOP/_build/fedwiz" "$@"
	;;
-h|--help|help)
	usage
	;;
*)
	usage >&2
	exit 2
	;;
esac

#!/bin/sh
# Hostile input, table-driven (tests/cli/hostile.table): malformed answers
# files, certificate files, project files and arguments, a read-only file
# and folder, a full disk. Each case must end with the documented exit
# status and a clear "fedwiz: ..." message, and leave every file unchanged.
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3 command"
command -v openssl >/dev/null 2>&1 || skip_all "no openssl command"

table=$top_srcdir/tests/cli/hostile.table
example=$top_srcdir/data/example.answers
IN=$FW_TMP/in
mkdir "$IN" res

# The example project every case starts from, and its export.
"$FEDWIZ" init base.fedwiz --answers "$example"
"$FEDWIZ" export base.fedwiz >base.answers

# --- the inputs ---

# mutate NAME SED-SCRIPT: the example answers changed by SED-SCRIPT, which
# must change something.
mutate() {
	sed "$2" "$example" >"$IN/$1"
	cmp -s "$IN/$1" "$example" && echo "Bail out! mutate $1 changed nothing"
}
# with_line NAME LINE: the example with the project name's line replaced.
with_name() {
	awk -v l="$2" '/^name = Example Corp/ { print l; next } { print }' \
		"$example" >"$IN/$1"
}
# with_cert NAME FILE: the example plus [certificates] ocs_ca = FILE.
with_cert() {
	{ cat "$example"; printf '[certificates]\nocs_ca = %s\n' "$2"; } >"$IN/$1"
}

cp "$example" "$IN/good.answers"
{ sed -n '1,15p' "$example"; printf 'name = '; head -c 10485760 /dev/zero |
	tr '\0' x; echo; sed '1,16d' "$example"; } >"$IN/line-10m.answers"
with_name line-100k.answers "name = $(head -c 102400 /dev/zero | tr '\0' x)"
with_name nul.answers "name = a"
printf 'name = a\0b\n' >nul.line
awk 'NR == FNR { l = $0; next } /^name = a$/ { system("cat nul.line"); next }
	{ print }' nul.line "$IN/nul.answers" >nul.tmp && mv nul.tmp "$IN/nul.answers"
with_name bad-utf8.answers "$(printf 'name = caf\377\376')"
with_name overlong-utf8.answers "$(printf 'name = a\300\257b')"
with_name surrogate.answers "$(printf 'name = a\355\240\200b')"
with_name escape.answers "$(printf 'name = \033[2J\033]0;owned\007x')"
{ cat "$example"; printf '[certificates]\nocs_ca = <<PEM\n-----BEGIN CERTIFICATE-----\n'; } \
	>"$IN/unclosed-pem.answers"
{ printf 'name = first\n'; cat "$example"; } >"$IN/no-section.answers"
{ cat "$example"; printf 'this line means nothing\n'; } >"$IN/garbage-line.answers"

label60=$(head -c 60 /dev/zero | tr '\0' a)
mutate fqdn-300.answers "s/^fqdn = cup3.example.com/fqdn = $label60.$label60.$label60.$label60.$label60.com/"
mutate fqdn-60k.answers "s/^fqdn = cup3.example.com/fqdn = $(head -c 60000 /dev/zero | tr '\0' a).com/"
mutate label-64.answers "s/^fqdn = cup3.example.com/fqdn = $(head -c 64 /dev/zero | tr '\0' a).com/"
mutate underscore.answers 's/^fqdn = cup3.example.com/fqdn = cup_3.example.com/'
mutate hyphen.answers 's/^fqdn = cup3.example.com/fqdn = -cup3.example.com/'
mutate empty-label.answers 's/^fqdn = cup3.example.com/fqdn = cup3..example.com/'

mutate port-0.answers 's/^peer_auth_port = 5061/peer_auth_port = 0/'
mutate port-65536.answers 's/^peer_auth_port = 5061/peer_auth_port = 65536/'
mutate port-minus1.answers 's/^peer_auth_port = 5061/peer_auth_port = -1/'
mutate port-abc.answers 's/^peer_auth_port = 5061/peer_auth_port = abc/'
mutate port-huge.answers 's/^peer_auth_port = 5061/peer_auth_port = 99999999999999999999/'
mutate port-plus.answers 's/^peer_auth_port = 5061/peer_auth_port = +5061/'

ip() { mutate "$1" "s/^ip = 192.0.2.13\$/ip = $2/"; }
ip ipv4-256.answers 256.0.2.13
ip ipv4-short.answers 192.0.2
ip ipv4-long.answers 192.0.2.13.1
ip ipv4-octal.answers 192.0.2.013
ip ipv4-cidr.answers '192.0.2.13\/24'
ip ipv6-two-gaps.answers '2001:db8::1::2'
ip ipv6-long-group.answers '2001:db8::12345'
ip ipv6-nine.answers '1:2:3:4:5:6:7:8:9'
ip ipv6-scope.answers 'fe80::1%eth0'
ip ipv6-brackets.answers '[2001:db8::1]'
ip ipv6-mapped-bad.answers '::ffff:192.0.2.256'

head -c 3000 /dev/urandom >"$IN/garbage.pem"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$IN/key.pem" \
	-out "$IN/cert.pem" -subj /CN=fe1.ocs.test -days 30 2>/dev/null
head -c 600 "$IN/cert.pem" >"$IN/truncated.pem"
{ cat "$IN/cert.pem"; head -c 2097152 /dev/zero | tr '\0' '#'; } >"$IN/big.pem"
: >"$IN/empty.pem"
mkfifo "$IN/fifo.pem"
with_cert cert-garbage.answers garbage.pem
with_cert cert-key.answers key.pem
with_cert cert-truncated.answers truncated.pem
with_cert cert-2m.answers big.pem
with_cert cert-empty.answers empty.pem
with_cert cert-zero.answers /dev/zero
with_cert cert-fifo.answers fifo.pem
with_cert cert-dir.answers /

# A large deployment, for the full disk: as many nodes and servers as
# fedwiz takes (fedwiz(1), LIMITS), and ticked items for the bulk.
awk 'BEGIN {
	print "[deployment]\nname = big\ntransport = tcp\nocs_edition = standard"
	print "[ocs_domain]\nname = ocs.test"
	for (i = 0; i < 256; i++) {
		printf "[imp_node]\nfqdn = cup%d.example.com\nip = 10.0.%d.%d\n",
		    i, int(i / 256), i % 256
		printf "[ocs_server]\nfqdn = fe%d.ocs.test\nip = 172.16.%d.%d\ndomain = ocs.test\n",
		    i, int(i / 256), i % 256
	}
	print "[done]"
	for (i = 0; i < 3000; i++)
		printf "item = ocs.fe%d.ocs.test.hostauth.cup%d.example.com.ip\n",
		    int(i / 256), i % 256
}' >"$IN/big.answers"

size=$(wc -c <base.fedwiz)
head -c 8192 base.fedwiz >"$IN/truncated.fedwiz"
head -c 100 base.fedwiz >"$IN/header-only.fedwiz"
cp base.fedwiz "$IN/newer.fedwiz"
sqlite3 "$IN/newer.fedwiz" 'PRAGMA user_version = 99'
cp base.fedwiz "$IN/no-version.fedwiz"
sqlite3 "$IN/no-version.fedwiz" 'PRAGMA user_version = 0'
{ head -c 4096 base.fedwiz; head -c $((size - 4096)) /dev/urandom; } \
	>"$IN/corrupt.fedwiz"
: >"$IN/empty.fedwiz"
mkfifo "$IN/fifo.fedwiz"

printf '%s' "$(head -c 102400 /dev/zero | tr '\0' n).fedwiz" >"$IN/long-name.arg"
printf 'caf\377\376.fedwiz' >"$IN/bad-utf8-name.arg"
printf '\033[2J\033]0;owned\007.fedwiz' >"$IN/escape-name.arg"
printf '\033[2Jfe1.ocs.test' >"$IN/escape-host.arg"
printf '\033[2Jimport' >"$IN/escape-cmd.arg"
printf '%s' "$(head -c 102400 /dev/zero | tr '\0' a).test" >"$IN/long-host.arg"
printf '%s' "$(head -c 102400 /dev/zero | tr '\0' a)" >"$IN/long-text.arg"
chmod -R a+rX "$IN"

# --- running a case ---

# Helpers the full-disk case's private shell needs as well.
cat >helpers.sh <<'EOF_HELPERS'
# snapshot: every file of the case and every project input, by content.
snapshot() {
	(cd "$FW_TMP" && find c "$IN" -name '*.answers' -prune -o -name '*.pem' \
		-prune -o -print | LC_ALL=C sort | while IFS= read -r f; do
		if [ -f "$f" ] && [ ! -p "$f" ]; then
			printf '%s %s\n' "$f" "$(cksum <"$f")"
		else
			printf '%s\n' "$f"
		fi
	done; find c -name '*.answers' -type f -exec cksum {} +)
}

# fill DIR KB: leave about KB kilobytes free on DIR's filesystem.
fill() {
	avail=$(df -k --output=avail "$1" | tail -n 1 | tr -d ' ')
	n=$((avail - $2))
	[ "$n" -le 0 ] || head -c $((n * 1024)) /dev/zero >"$1/filler" 2>/dev/null
	return 0
}
EOF_HELPERS
. ./helpers.sh

# can_nobody, can_full: whether this machine lets the case kinds run.
can_nobody=no
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	can_nobody=yes
fi
can_full=no
if [ "$(id -u)" -eq 0 ] && unshare -m sh -c \
    'mount -t tmpfs -o size=64k tmpfs "$1"' sh res 2>/dev/null; then
	can_full=yes
fi
chmod 711 "$FW_TMP"

# run_case WHO ARGS...: runs fedwiz in a fresh c/; sets STATUS, OUT, ERR and
# SAME (yes when every file and the project's export are unchanged).
run_case() {
	who=$1
	shift
	rm -rf c
	mkdir c
	cp base.fedwiz c/p.fedwiz
	case $who in
	root)
		snapshot >res/before
		(cd c && "$FEDWIZ" "$@") </dev/null >"$OUT" 2>"$ERR"
		STATUS=$?
		snapshot >res/after
		;;
	rofile | rodir)
		if [ "$who" = rofile ]; then
			chmod 777 c
			chmod 644 c/p.fedwiz
		else
			chown nobody c/p.fedwiz
			chmod 755 c
		fi
		snapshot >res/before
		(cd c && setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"$FEDWIZ" "$@") </dev/null >"$OUT" 2>"$ERR"
		STATUS=$?
		snapshot >res/after
		;;
	full:*)
		# A private mount namespace: the small filesystem goes away
		# with the shell, whatever happens.
		unshare -m sh -c '
			. ./helpers.sh
			kb=$1; shift
			mount -t tmpfs -o size=$((kb + 512))k tmpfs c || exit 99
			cp base.fedwiz c/p.fedwiz
			fill c "$kb"
			snapshot >res/before
			(cd c && "$FEDWIZ" "$@") </dev/null >"$OUT" 2>"$ERR"
			echo $? >res/status
			snapshot >res/after
			rm -f c/filler
			"$FEDWIZ" export c/p.fedwiz >res/export 2>&1
		' sh "${who#full:}" "$@"
		STATUS=$(cat res/status)
		;;
	esac
	[ "${who%%:*}" = full ] || "$FEDWIZ" export c/p.fedwiz >res/export 2>&1
	SAME=no
	cmp -s res/before res/after && cmp -s res/export base.answers && SAME=yes
}
export FEDWIZ OUT ERR IN FW_TMP

# check_stderr: the message is well-formed; prints what is wrong.
check_stderr() {
	if [ ! -s "$ERR" ]; then
		echo "nothing on standard error"
		return
	fi
	if grep -Evq "^(fedwiz( [a-z-]+)?: |Try 'fedwiz)" "$ERR"; then
		echo "a line not starting with 'fedwiz': $(grep -Ev "^(fedwiz( [a-z-]+)?: |Try 'fedwiz)" "$ERR" | head -c 200 | od -c | head -n 3)"
	fi
	if [ "$(awk 'length($0) > 300' "$ERR" | wc -l)" -ne 0 ]; then
		echo "a line over 300 bytes ($(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$ERR") bytes)"
	fi
	if ! iconv -f UTF-8 -t UTF-8 "$ERR" >/dev/null 2>&1; then
		echo "invalid UTF-8 on standard error"
	fi
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$ERR"; then
		echo "a control character on standard error"
	fi
}

grep -Ev '^[[:space:]]*(#|$)' "$table" >cases
ncases=$(wc -l <cases | tr -d ' ')
ok "the table holds at least 40 cases ($ncases)" test "$ncases" -ge 40

while IFS= read -r line; do
	want=$(printf '%s\n' "$line" | awk -F ' [|] ' '{ print $1 }')
	who=$(printf '%s\n' "$line" | awk -F ' [|] ' '{ print $2 }')
	args=$(printf '%s\n' "$line" | awk -F ' [|] ' '{ print $3 }')
	pattern=$(printf '%s\n' "$line" | awk -F ' [|] ' '{ print $4 }')
	what=$(printf '%s\n' "$line" | awk -F ' [|] ' '{ print $5 }')
	case $who in
	rofile | rodir)
		if [ "$can_nobody" = no ]; then
			_tap_n=$((_tap_n + 1))
			echo "ok $_tap_n # SKIP $what: needs root and setpriv"
			continue
		fi ;;
	full:*)
		if [ "$can_full" = no ]; then
			_tap_n=$((_tap_n + 1))
			echo "ok $_tap_n # SKIP $what: needs root, unshare and tmpfs"
			continue
		fi ;;
	esac
	set -f
	set --
	for tok in $args; do
		case $tok in
		@ARG:*@) tok=${tok#@ARG:}; tok=$(cat "$IN/${tok%@}.arg") ;;
		@IN@*) tok=$IN${tok#@IN@} ;;
		esac
		set -- "$@" "$tok"
	done
	set +f
	run_case "$who" "$@"
	problems=$(check_stderr)
	[ "$STATUS" = "$want" ] || problems="exit status $STATUS, expected $want
$problems"
	head -n 1 "$ERR" | grep -Eq -- "$pattern" ||
		problems="first line does not match /$pattern/
$problems"
	[ ! -s "$OUT" ] || problems="wrote on standard output
$problems"
	[ "$SAME" = yes ] || problems="changed files: $(diff res/before res/after | head -n 6)
$(cmp -s res/export base.answers || echo 'the export differs')
$problems"
	if [ -z "$problems" ]; then
		_tap_result 1 "$what"
	else
		_tap_result 0 "$what"
		diag "  fedwiz $args" "$problems" "  stderr: $(head -c 300 "$ERR" | od -An -c | head -n 4)"
	fi
done <cases

done_testing

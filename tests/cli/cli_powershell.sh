#!/bin/sh
# fedwiz powershell: the Lync / Skype for Business scripts of an Enterprise
# Edition project (3 IM&P nodes, 2 pools), a Standard Edition one and one
# with a hostile name, each judged by tests/ps/ps_check.mjs (the scripts
# parsed with tree-sitter-powershell: PowerShell cannot run here); the
# checker itself must reject defects planted in a good script; --server,
# -o, --read-back, German, and the refusals with their exit status. The
# Enterprise scripts are compared with golden files too
# (FEDWIZ_UPDATE_GOLDEN=1 rewrites them; then review the diff).
. "${top_srcdir:-.}/tests/lib.sh"

need node
grammar=${FW_NODE_MODULES:-}/tree-sitter-powershell/tree-sitter-powershell.wasm
if [ -z "${FW_NODE_MODULES:-}" ] || [ ! -f "$grammar" ] ||
   [ ! -f "$FW_NODE_MODULES/web-tree-sitter/web-tree-sitter.js" ]; then
	echo "Bail out! no tree-sitter-powershell in FW_NODE_MODULES" \
		"(${FW_NODE_MODULES:-unset}); ./build.sh check installs it"
	exit 1
fi

fixtures=$top_srcdir/tests/fixtures
golden=$top_srcdir/tests/cli/golden

# pscheck SCRIPT [--value TEXT]...: the checker; its verdict in $OUT/$STATUS.
pscheck() {
	run node --liftoff-only "$top_srcdir/tests/ps/ps_check.mjs" "$@"
}
# passes DESC SCRIPT [--value TEXT]...: the checker finds nothing.
passes() {
	_desc=$1
	shift
	pscheck "$@"
	is "$STATUS" 0 "$_desc"
	[ "$STATUS" -eq 0 ] || diag "$(cat "$OUT" "$ERR")"
}
# rejects DESC PATTERN SCRIPT [--value TEXT]...: the checker fails with a
# line matching PATTERN (an extended regular expression).
rejects() {
	_desc=$1
	_pat=$2
	shift 2
	pscheck "$@"
	is "$STATUS" 1 "checker rejects $_desc"
	ok "checker names the defect: $_desc" grep -Eq "$_pat" "$OUT"
}
# refused DESC PATTERN: the last run exited 2 with one "fedwiz: " line
# matching PATTERN on stderr and nothing on stdout.
refused() {
	is "$STATUS" 2 "$1 exits 2"
	ok "$1: one line saying why" test "$(wc -l <"$ERR")" -eq 1
	ok "$1: the line" grep -Eq "^fedwiz: .*$2" "$ERR"
	ok "$1: nothing on stdout" test ! -s "$OUT"
}
# block NAME FILE: the lines of the array $NAME = @( ... ) in FILE.
block() {
	sed -n "/^\\\$$1 = @(\$/,/^)\$/p" "$2" | sed '1d;$d'
}

# The fixtures' deployments as Lync Server 2013: OCS 2007 R2 has no
# Management Shell.
lync() {
	sed 's/^\[deployment\]$/[deployment]\nmicrosoft = lync2013/' "$@"
}
lync "$fixtures/tls-enterprise.answers" >lync-ee.answers

# --- Enterprise Edition: three IM&P nodes, two domains, two pools ---
ee_name='Northwind <TLS> federation & "pilot"'
ee_values="--value impa.cup.northwind.example.com --value impb.cup.northwind.example.com
	--value impc.cup.northwind.example.com --value northwind.example.com
	--value presence.northwind.example.com"
"$FEDWIZ" init ee.fedwiz --answers lync-ee.answers
cp ee.fedwiz ee.copy

run "$FEDWIZ" powershell ee.fedwiz
refused "two pools and no --server" \
	"2 Lync or Skype for Business Enterprise Edition pools: name one with --server \\(pool1.ocs.contoso.test, pool2.lync.fabrikam.test\\)"

for pool in pool1.ocs.contoso.test pool2.lync.fabrikam.test; do
	short=${pool%%.*}
	run "$FEDWIZ" powershell ee.fedwiz --server "$pool"
	is "$STATUS" 0 "--server $pool exits 0"
	ok "--server $pool: quiet" test ! -s "$ERR"
	cp "$OUT" "ee-$short.ps1"
	# shellcheck disable=SC2086 # ee_values is a list of arguments
	passes "the $pool script passes the checker" "ee-$short.ps1" \
		--value "$pool" --value "$ee_name" $ee_values
	ok "$pool: its own name as \$Target" \
		grep -qx "\\\$Target = '$pool'" "ee-$short.ps1"
done
if [ -n "${FEDWIZ_UPDATE_GOLDEN:-}" ]; then
	cp ee-pool1.ps1 "$golden/powershell-pool1.ps1"
fi
is_file ee-pool1.ps1 "$golden/powershell-pool1.ps1" \
	"pool1 script matches tests/cli/golden/powershell-pool1.ps1"
# The pools share the trusted pool and the global routes (one topology):
# their scripts differ only in the pool they are for and the other pool.
diff ee-pool1.ps1 ee-pool2.ps1 | grep '^[<>]' >pools.diff
is "$(cat pools.diff)" "< \$Target = 'pool1.ocs.contoso.test'
> \$Target = 'pool2.lync.fabrikam.test'
<     'pool2.lync.fabrikam.test'
>     'pool1.ocs.contoso.test'" \
	"the pool2 script differs only in \$Target and its topology's other pool"
s=ee-pool1.ps1
block Routes "$s" >routes
is "$(cat routes)" "    @{ MatchUri = 'northwind.example.com'; Destination = 'impa.cup.northwind.example.com' }
    @{ MatchUri = 'presence.northwind.example.com'; Destination = 'impb.cup.northwind.example.com' }" \
	"one route per IM&P domain, to the node its OCS routes point to"
is "$(block Nodes "$s")" "    'impa.cup.northwind.example.com',
    'impb.cup.northwind.example.com',
    'impc.cup.northwind.example.com'" "every IM&P node, routing nodes first"
ok "the Peer Auth port" grep -qx '\$PeerAuthPort = 5061' "$s"
ok "SupportsShouldProcess (-WhatIf)" \
	grep -qx '\[CmdletBinding(SupportsShouldProcess = \$true)\]' "$s"
ok "stops at the first failure" grep -qx "\\\$ErrorActionPreference = 'Stop'" "$s"
grep -A1 -x '    \[Parameter(Mandatory = \$true)\]' "$s" | sed 1d >mandatory
is "$(cat mandatory)" '    [string] $TrustedPoolFqdn,' \
	"the trusted pool's FQDN is a parameter the script asks for, not invented"
ok "the site is looked up (Get-CsSite), not invented" grep -q 'Get-CsSite |' "$s"
ok "-ApplicationId's help gives Cisco's example, imptrustedapp.sip.com" grep -qx \
	"(Cisco's example: imptrustedapp\.sip\.com)\." "$s"
ok "no TCP: no -EnableTcp, no -TCPRoute" \
	sh -c "grep -v '^ *#' '$s' | grep -Eq -- '-(EnableTcp|TCPRoute)'; test \$? -eq 1"
is "$(grep -c 'ShouldProcess(' "$s")" 5 \
	"every change asks ShouldProcess (route, pool, computer, application, topology)"

# --server is matched without regard to case; the project's spelling is used.
run "$FEDWIZ" powershell ee.fedwiz --server POOL1.OCS.Contoso.TEST
is "$STATUS" 0 "--server in other case exits 0"
ok "--server in other case: the same script" cmp -s "$OUT" ee-pool1.ps1

run "$FEDWIZ" powershell ee.fedwiz --server fe1.ocs.contoso.test
refused "--server naming a front end, not a pool" \
	"'fe1.ocs.contoso.test' is not a Lync or Skype for Business Enterprise Edition pool of the project; its pools: pool1.ocs.contoso.test, pool2.lync.fabrikam.test"

run "$FEDWIZ" powershell ee.fedwiz --server "$(printf 'a\033[2Jb')"
is "$STATUS" 2 "--server holding an escape sequence exits 2"
ok "... shown as \\x1B, never sent to the terminal" grep -q "'a\\\\x1B\[2Jb'" "$ERR"
ok "... no ESC byte on stderr" sh -c "! grep -q \"\$(printf '\\033')\" '$ERR'"

# -o goes through fw_out: 0600, atomically, never the project.
run "$FEDWIZ" powershell ee.fedwiz --server pool2.lync.fabrikam.test -o out.ps1
is "$STATUS" 0 "-o FILE exits 0"
ok "-o FILE: nothing on stdout" test ! -s "$OUT"
ok "-o FILE: the same script" cmp -s out.ps1 ee-pool2.ps1
is "$(stat -c %a out.ps1)" 600 "-o FILE: mode 0600"
run "$FEDWIZ" powershell ee.fedwiz --server pool2.lync.fabrikam.test -o ee.fedwiz
refused "-o the project itself" "is the project"
ok "-o the project: the project is unchanged" cmp -s ee.fedwiz ee.copy

# The read-back script: read-only, and it passes the checker too.
run "$FEDWIZ" powershell ee.fedwiz --server pool1.ocs.contoso.test --read-back
is "$STATUS" 0 "--read-back exits 0"
cp "$OUT" readback.ps1
passes "the read-back script passes the checker, read-only: Get-Cs only" \
	readback.ps1 --read-only --value pool1.ocs.contoso.test --value "$ee_name"
if [ -n "${FEDWIZ_UPDATE_GOLDEN:-}" ]; then
	cp readback.ps1 "$golden/powershell-readback.ps1"
fi
is_file readback.ps1 "$golden/powershell-readback.ps1" \
	"read-back script matches tests/cli/golden/powershell-readback.ps1"

# Routing first: the domains' targets in domain order, then the rest.
sed 's/^route_to = impa.cup.northwind.example.com$/route_to = impc.cup.northwind.example.com/' \
	lync-ee.answers >order.answers
"$FEDWIZ" init order.fedwiz --answers order.answers
"$FEDWIZ" powershell order.fedwiz --server pool1.ocs.contoso.test >order.ps1
# shellcheck disable=SC2086
passes "the reordered project's script passes the checker" order.ps1 $ee_values
is "$(block Nodes order.ps1)" "    'impc.cup.northwind.example.com',
    'impb.cup.northwind.example.com',
    'impa.cup.northwind.example.com'" \
	"a domain routed to the third node puts it first (-ComputerFqdn)"
ok "... and its route goes there" grep -qx \
	"    @{ MatchUri = 'northwind.example.com'; Destination = 'impc.cup.northwind.example.com' }" \
	order.ps1

# --- Standard Edition over TLS: the only server needs no --server ---
sed 's/^transport = tcp$/transport = tls/' "$fixtures/tcp-standard.answers" |
	lync >se.answers
"$FEDWIZ" init se.fedwiz --answers se.answers
run "$FEDWIZ" powershell se.fedwiz
is "$STATUS" 0 "Standard Edition, one server, no --server: exits 0"
cp "$OUT" se.ps1
passes "the Standard Edition script passes the checker" se.ps1 \
	--value se1.ocs.tailspin.test --value cup1.tailspin.example.com \
	--value cup2.tailspin.example.com --value tailspin.example.com \
	--value "Tailspin lab, plain TCP"
ok "Standard Edition: the server is \$Target" \
	grep -qx "\\\$Target = 'se1.ocs.tailspin.test'" se.ps1
"$FEDWIZ" powershell se.fedwiz --read-back >se-rb.ps1
passes "the Standard Edition read-back script passes the checker" se-rb.ps1 \
	--read-only --value se1.ocs.tailspin.test
run "$FEDWIZ" powershell se.fedwiz --server pool1.ocs.contoso.test
refused "Standard Edition, unknown --server" \
	"'pool1.ocs.contoso.test' is not a Lync or Skype for Business Standard Edition server of the project; its servers: se1.ocs.tailspin.test"

# --- the issue's two deployments: Lync 2013 Enterprise (3 nodes, 2 pools)
# and OCS 2007 R2 + SfB 2019 (only the SfB server gets a script) ---
for case in lync2013-enterprise:pool1.lync.wingtip.test \
    mixed-ocs-sfb2019:sfb1.adatum.test; do
	name=${case%%:*}
	target=${case#*:}
	"$FEDWIZ" init "$name.fedwiz" --answers "$fixtures/$name.answers"
	"$FEDWIZ" powershell "$name.fedwiz" --server "$target" >"$name.ps1"
	"$FEDWIZ" powershell "$name.fedwiz" --server "$target" --read-back \
		>"$name-rb.ps1"
	set --
	for v in $(sed -n 's/^\(name\|fqdn\) = \([a-z0-9.-]*\)$/\2/p' \
	    "$fixtures/$name.answers" | grep '\.'); do
		grep -qF "'$v'" "$name.ps1" && set -- "$@" --value "$v"
	done
	passes "$name: the script passes the checker, each value one literal" \
		"$name.ps1" "$@"
	passes "$name: the read-back passes the checker" "$name-rb.ps1" \
		--read-only
	if [ -n "${FEDWIZ_UPDATE_GOLDEN:-}" ]; then
		cp "$name.ps1" "$golden/powershell-$name.ps1"
	fi
	is_file "$name.ps1" "$golden/powershell-$name.ps1" \
		"$name script matches tests/cli/golden/powershell-$name.ps1"
done
ok "mixed: the OCS 2007 R2 server gets no script" \
	sh -c "! '$FEDWIZ' powershell mixed-ocs-sfb2019.fedwiz --server ocs1.litware.test 2>/dev/null"

# --- refusals ---
"$FEDWIZ" init tcp.fedwiz --answers "$fixtures/tcp-standard.answers"
run "$FEDWIZ" powershell tcp.fedwiz
refused "a TCP project" "federates over TCP.*TLS only"
awk '/^\[ocs_server\]/ { skip = 1 } /^\[/ && !/^\[ocs_server\]/ { skip = 0 }
	!skip { print }' se.answers >none.answers
"$FEDWIZ" init none.fedwiz --answers none.answers
run "$FEDWIZ" powershell none.fedwiz
refused "no Microsoft server" "no Lync or Skype for Business Standard Edition server to write a script for"
# OCS 2007 R2 only: the Front End Properties, not a script.
"$FEDWIZ" init ocs.fedwiz --answers "$fixtures/tls-enterprise.answers"
run "$FEDWIZ" powershell ocs.fedwiz
refused "an OCS 2007 R2 deployment" "no Lync or Skype for Business Enterprise Edition pool to write a script for \\(OCS 2007 R2 has no Management Shell: its steps are in the checklist\\)"
# A mixed deployment: only the Lync domain's pool gets a script.
awk '{ print } /^name = lync.fabrikam.test$/ { print "microsoft = sfb2019" }' \
	"$fixtures/tls-enterprise.answers" >mixed.answers
"$FEDWIZ" init mixed.fedwiz --answers mixed.answers
run "$FEDWIZ" powershell mixed.fedwiz
is "$STATUS" 0 "mixed OCS 2007 R2 and SfB 2019: the one SfB pool needs no --server"
ok "... its script is for the SfB pool" \
	grep -qx "\\\$Target = 'pool2.lync.fabrikam.test'" "$OUT"
run "$FEDWIZ" powershell mixed.fedwiz --server pool1.ocs.contoso.test
refused "mixed: the OCS 2007 R2 pool" "'pool1.ocs.contoso.test' is not a Lync or Skype for Business Enterprise Edition pool of the project; its pools: pool2.lync.fabrikam.test"
run "$FEDWIZ" powershell
is "$STATUS" 2 "no PROJECT exits 2"
run "$FEDWIZ" powershell ee.fedwiz se.fedwiz
is "$STATUS" 2 "two PROJECTs exit 2"

# --- hostile text: the project name is the one free text in a script ---
cat >hostile.name <<'EOF'
O'Brien ’s ‘x‛ ‚y "$(Remove-Item -Recurse C:\)" `whoami` ; Stop-Computer # $env:PATH @{a=1} Ă
EOF
H=$(cat hostile.name)
H=$H awk '/^name = / && !done { print "name = " ENVIRON["H"]; done = 1; next }
	{ print }' lync-ee.answers >hostile.answers
run "$FEDWIZ" init hostile.fedwiz --answers hostile.answers
is "$STATUS" 0 "import takes the hostile name"
"$FEDWIZ" export hostile.fedwiz | grep '^name = ' | head -n 1 >got.name
is "$(cat got.name)" "name = $H" "the hostile name is stored as it was given"
"$FEDWIZ" powershell hostile.fedwiz --server pool1.ocs.contoso.test >hostile.ps1
# shellcheck disable=SC2086
passes "the hostile name stays one single-quoted string (checker)" hostile.ps1 \
	--value "$H" --value pool1.ocs.contoso.test $ee_values
ok "each quote character of the name is doubled, nothing else touched" grep -qxF \
	"\$Project = 'O''Brien ’’s ‘‘x‛‛ ‚‚y \"\$(Remove-Item -Recurse C:\\)\" \`whoami\` ; Stop-Computer # \$env:PATH @{a=1} Ă'" \
	hostile.ps1
pscheck hostile.ps1 --commands
cp "$OUT" hostile.commands
pscheck ee-pool1.ps1 --commands
ok "the hostile name adds no command: the same commands as the fixture's" \
	cmp -s hostile.commands "$OUT"
ok "... and there are commands to compare" test "$(grep -c . "$OUT")" -gt 20
"$FEDWIZ" powershell hostile.fedwiz --server pool1.ocs.contoso.test --read-back >hostile-rb.ps1
passes "the hostile name in the read-back script (checker)" hostile-rb.ps1 \
	--read-only --value "$H"

# --- German: the messages the script prints are translated and quoted ---
if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
	LANG=de_DE.UTF-8 FEDWIZ_LOCALEDIR=$top_builddir/locale \
		"$FEDWIZ" powershell hostile.fedwiz --server pool1.ocs.contoso.test >de.ps1
	ok "German: the script's messages are German" \
		grep -q "^    Added = 'hinzugefügt'\$" de.ps1
	passes "German: the script passes the checker" de.ps1 --value "$H"
	LANG=de_DE.UTF-8 FEDWIZ_LOCALEDIR=$top_builddir/locale \
		"$FEDWIZ" powershell hostile.fedwiz --server pool1.ocs.contoso.test --read-back >de-rb.ps1
	passes "German: the read-back script passes the checker" de-rb.ps1 \
		--read-only --value "$H"
else
	echo "Bail out! no de_DE.UTF-8 locale; ./build.sh check generates it"
	exit 1
fi

# --- the checker must catch defects planted in a good script ---
good=ee-pool1.ps1
passes "the unplanted script passes" "$good" --value pool1.ocs.contoso.test
plant() {
	sed "$2" "$good" >"$1"
	cmp -s "$1" "$good" && echo "Bail out! planting $1 changed nothing"
}
plant unquoted.ps1 "s/^\\\$Target = 'pool1.ocs.contoso.test'\$/\$Target = pool1.ocs.contoso.test/"
rejects "an unquoted value" 'value "pool1.ocs.contoso.test" is not the whole' \
	unquoted.ps1 --value pool1.ocs.contoso.test
plant param.ps1 's/-TrustedApplicationPoolFqdn \$TrustedPoolFqdn -Port \$PeerAuthPort |/-TrustedApplicationPoolFqdn $TrustedPoolFqdn -Prot $PeerAuthPort |/'
rejects "an unknown parameter" 'New-CsTrustedApplication has no parameter -Prot' param.ps1
plant tcp.ps1 's/-Port \$PeerAuthPort | Out-Null/-Port $PeerAuthPort -EnableTcp | Out-Null/'
rejects "-EnableTcp (Microsoft's, not Cisco's)" 'no parameter -EnableTcp' tcp.ps1
plant cmdlet.ps1 's/^    Enable-CsTopology$/    Invoke-Expression $Project/'
rejects "a command not on the allow-list" 'command "Invoke-Expression" is not on the allow-list' cmdlet.ps1
plant static.ps1 "s/^    Enable-CsTopology\$/    [System.Diagnostics.Process]::Start('x') | Out-Null/"
rejects "a .NET static call not on the allow-list" \
	'static member \[System.Diagnostics.Process\]::Start is not on the allow-list' static.ps1
plant typevar.ps1 "s/^    Enable-CsTopology\$/    \$Project::Start('x')/"
rejects "a static call on a type held in a variable" \
	'a static member of a type that is not written out' typevar.ps1
sed 's/^\[IO.File\]::WriteAllText(/[IO.File]::Delete($Path)\n&/' readback.ps1 >delete.ps1
ok "planted: [IO.File]::Delete in the read-back script" grep -qxF '[IO.File]::Delete($Path)' delete.ps1
rejects "another member of an allowed type" \
	'static member \[IO.File\]::Delete is not on the allow-list' delete.ps1 --read-only
plant invoke.ps1 's/^    Enable-CsTopology$/    \& $Project/'
rejects "a command called through &" 'called through &' invoke.ps1
plant splat.ps1 's/^    Enable-CsTopology$/    Enable-CsTopology @Say/'
rejects "splatted parameters" 'splatted parameters' splat.ps1
awk '/^    Write-Result \$What \$Diff$/ && !done { print; getline; done = 1; next }
	{ print }' "$good" >brace.ps1
ok "planted: a closing brace removed" test "$(grep -c . brace.ps1)" -lt "$(grep -c . "$good")"
rejects "an unbalanced brace" 'parse error|never closed' brace.ps1
plant paren.ps1 's/^if (\$Counts.Differs -gt 0) {$/if (($Counts.Differs -gt 0) {/'
rejects "an unbalanced parenthesis" 'parse error|never closed|closes' paren.ps1
H=$H awk '/^\$Project = / { print "$Project = '\''" ENVIRON["H"] "'\''"; next } { print }' \
	hostile.ps1 >lone.ps1
rejects "the hostile name with its quotes not doubled" \
	"ends this string early|not the whole|parse error" lone.ps1 --value "$H"
sed "s/'pool1.ocs.contoso.test'\$/'pool1’s'/" "$good" >u2019.ps1
ok "planted: a lone U+2019 in \$Target" grep -q "^\\\$Target = 'pool1’s'\$" u2019.ps1
rejects "a lone U+2019, which ends a PowerShell string" 'a lone "’" ends this string early' u2019.ps1
H=$H awk '/^\$Project = / { print "$Project = \"" ENVIRON["H"] "\""; next } { print }' \
	hostile.ps1 >dquote.ps1
rejects "the hostile name double-quoted" \
	'command "Remove-Item" is not on the allow-list|not the whole' dquote.ps1 --value "$H"
sed 's/^\$Json = ConvertTo-Json/Enable-CsTopology\n&/' readback.ps1 >rw.ps1
ok "planted: Enable-CsTopology in the read-back script" grep -qx Enable-CsTopology rw.ps1
rejects "a change in the read-back script" \
	'Enable-CsTopology changes the configuration in a read-only script' rw.ps1 --read-only
tail -c +4 "$good" >nobom.ps1
rejects "no byte order mark (Windows PowerShell would read ANSI)" \
	'no UTF-8 byte order mark' nobom.ps1

# A pool's script names its topology and the topology's other pools, whose
# scripts then find the topology-wide work present.
"$FEDWIZ" init topo.fedwiz --answers "$fixtures/lync-topologies.answers" ||
	echo "Bail out! cannot create the topology project"
"$FEDWIZ" powershell topo.fedwiz --server pool15.northwind.test -o p15.ps1 ||
	echo "Bail out! no script for pool15"
"$FEDWIZ" powershell topo.fedwiz --server pool.fabrikam.test -o fab.ps1 ||
	echo "Bail out! no script for Fabrikam's pool"
passes "a topology's script passes the checker" p15.ps1
passes "so does one alone in its topology" fab.ps1
ok "pool15's topology is the default one" grep -qx "\$Topology = 'default'" p15.ps1
ok "... shared with pool13 (Lync 2013), not Fabrikam's pool" sh -c \
	"sed -n '/^\\\$TopologyPeers = @(/,/^)/p' p15.ps1 | tr -d '\n ' | grep -qx \"\\\$TopologyPeers=@('pool13.northwind.test')\""
ok "Fabrikam's script: its own topology" grep -qx "\$Topology = 'fabrikam'" fab.ps1
ok "... with no other pool" sh -c \
	"sed -n '/^\\\$TopologyPeers = @(/,/^)/p' fab.ps1 | tr -d '\n ' | grep -qx '\\\$TopologyPeers=@()'"
ok "the script says so when there are others" \
	grep -q "SameTopology = 'Topology {0}: its static routes" p15.ps1

done_testing

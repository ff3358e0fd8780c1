#!/bin/sh
# Every class of bad answers line: exit 2, the exact FILE:LINE message on
# stderr, and the project left as it was (export before == export after).
# init --answers with the same file creates nothing.
. "${top_srcdir:-.}/tests/lib.sh"

"$FEDWIZ" init p.fedwiz --answers "$top_srcdir/data/example.answers" ||
	echo "Bail out! cannot create the project"
"$FEDWIZ" export p.fedwiz >before.answers

# bad NAME MESSAGE: checks bad.answers, written just before.
bad() {
	run "$FEDWIZ" import p.fedwiz bad.answers
	is "$STATUS" 2 "$1: import exits 2"
	ok "$1: stderr has 'fedwiz: $2'" grep -qxF "fedwiz: $2" "$ERR"
	ok "$1: stderr says nothing was imported" \
		grep -qxF "fedwiz: p.fedwiz: nothing imported; the project is unchanged" "$ERR"
	"$FEDWIZ" export p.fedwiz >after.answers
	is_file after.answers before.answers "$1: project unchanged"
	run "$FEDWIZ" init new.fedwiz --answers bad.answers
	is "$STATUS" 2 "$1: init --answers exits 2"
	ok "$1: init --answers creates no file" test ! -e new.fedwiz
}

printf '[deployment]\nname lab\n' >bad.answers; bad "no '='" \
	"bad.answers:2: expected 'key = value', a [section] header or a # comment"
printf 'name = lab\n' >bad.answers; bad "key before any section" \
	"bad.answers:1: 'name' comes before any [section] header"
printf '# c\n[routes]\nx = 1\n' >bad.answers; bad "unknown section" \
	"bad.answers:2: unknown section [routes]; known sections: [deployment], [imp_domain], [imp_node], [ocs_domain], [ocs_pool], [ocs_server], [certificates], [done]"
printf '[imp_node\n' >bad.answers; bad "malformed header" \
	"bad.answers:1: a section header must look like '[name]'"
printf '[imp_node]\nfqdn = a.test\nip = 192.0.2.1\nport = 1\n' >bad.answers; bad "unknown key" \
	"bad.answers:4: unknown key 'port' in [imp_node]; allowed: fqdn, ip"
printf '[imp_node]\nfqdn = a.test\nip = 192.0.2.1\nip = 192.0.2.2\n' >bad.answers; bad "key twice" \
	"bad.answers:4: 'ip' is already set at line 3 in this [imp_node] entry"
printf '[imp_node]\nfqdn = a.test\nip = 192.0.2.1\n[imp_node]\nfqdn = A.TEST.\nip = 192.0.2.2\n' >bad.answers; bad "entry twice" \
	"bad.answers:5: [imp_node] 'a.test' is already declared at line 2"
printf '[ocs_domain]\nname = ocs_1.test\n' >bad.answers; bad "bad host name" \
	"bad.answers:2: name: 'ocs_1.test': character '_' not allowed; use letters, digits, hyphens and dots"
printf '[ocs_domain]\nname = lync.test\nmicrosoft = lync2013\ntopology = west.coast\n' >bad.answers
bad "a dot in a topology" \
	"bad.answers:4: topology: 'west.coast' is no topology name: 1 to 32 letters, digits, hyphens or underscores"
printf '[ocs_domain]\nname = lync.test\ntopology = %s\n' "$(printf '%033d' 0)" >bad.answers
bad "a topology of 33 characters" \
	"bad.answers:3: topology: '$(printf '%033d' 0)' is no topology name: 1 to 32 letters, digits, hyphens or underscores"
printf '[imp_node]\nfqdn = a.test\nip = 10.0.0.256\n' >bad.answers; bad "bad IP" \
	"bad.answers:3: ip: '10.0.0.256' is not an IPv4 or IPv6 address"
printf '[deployment]\npeer_auth_port = 0\n' >bad.answers; bad "port 0" \
	"bad.answers:2: peer_auth_port: port 0 is out of range; use 1 to 65535"
printf '[deployment]\nserver_auth_port = sip\n' >bad.answers; bad "port not a number" \
	"bad.answers:2: server_auth_port: 'sip' is not a port; use a number from 1 to 65535"
printf '[deployment]\ntransport = udp\n' >bad.answers; bad "bad transport" \
	"bad.answers:2: transport: 'udp' is not one of: tls, tcp"
printf '[deployment]\nocs_edition = lync\n' >bad.answers; bad "bad edition" \
	"bad.answers:2: ocs_edition: 'lync' is not one of: standard, enterprise"
printf '[ocs_domain]\nname = o.test\n[ocs_server]\nfqdn = s.o.test\nip = 198.51.100.1\ndomain = o.test\nroute = spare\n' >bad.answers; bad "bad route" \
	"bad.answers:7: route: 'spare' is not one of: primary, backup, none"
printf '[imp_node]\nfqdn = a.test\n' >bad.answers; bad "missing required key" \
	"bad.answers:1: this [imp_node] entry has no 'ip'; it is required"
printf '[imp_node]\nfqdn = a.test\nip = 192.0.2.1\n[imp_domain]\nname = example.com\nroute_to = b.test\n' >bad.answers; bad "route_to undeclared" \
	"bad.answers:6: route_to: 'b.test' is not the fqdn of any [imp_node]"
printf '[ocs_server]\nfqdn = s.o.test\nip = 198.51.100.1\ndomain = o.test\n' >bad.answers; bad "domain undeclared" \
	"bad.answers:4: domain: 'o.test' is not the name of any [ocs_domain]"
printf '[deployment]\nocs_edition = enterprise\n[ocs_domain]\nname = o.test\n[ocs_server]\nfqdn = s.o.test\nip = 198.51.100.1\ndomain = o.test\n' >bad.answers; bad "enterprise without pool" \
	"bad.answers:5: this [ocs_server] entry has no 'pool'; with ocs_edition = enterprise every server belongs to a declared [ocs_pool]"
printf '[ocs_domain]\nname = o.test\n[ocs_server]\nfqdn = s.o.test\nip = 198.51.100.1\ndomain = o.test\npool = p.o.test\n' >bad.answers; bad "pool undeclared" \
	"bad.answers:7: pool: 'p.o.test' is not the fqdn of any [ocs_pool]"
printf '[deployment]\nname = a\n[deployment]\n' >bad.answers; bad "[deployment] twice" \
	"bad.answers:3: [deployment] may appear only once; it is already at line 1"
printf '[deployment]\nname =\n' >bad.answers; bad "empty value" \
	"bad.answers:2: 'name' has no value"
printf '[deployment]\nname = caf\351\n' >bad.answers; bad "invalid UTF-8" \
	"bad.answers:2: the value of 'name' is not valid UTF-8"
printf '[deployment]\nname = a\000b\n' >bad.answers; bad "NUL byte" \
	"bad.answers:2: line holds a NUL byte"
{ printf '[deployment]\n# long\nname = '; head -c 70000 /dev/zero | tr '\0' x; printf '\n'; } >bad.answers; bad "line over 64 KiB" \
	"bad.answers:3: line is longer than 64 KiB"
printf '[certificates]\nocs_ca = missing.pem\n' >bad.answers; bad "certificate file missing" \
	"bad.answers:2: ocs_ca: ./missing.pem: cannot open: No such file or directory"
printf '[certificates]\nocs_ca = <<PEM\n-----BEGIN CERTIFICATE-----\n' >bad.answers; bad "unclosed heredoc" \
	"bad.answers:2: '<<PEM' is not closed: no line 'PEM' follows"
printf '[certificates]\nimp_cert = <<PEM\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\nPEM\n' >bad.answers; bad "private key" \
	"bad.answers:2: the PEM block of imp_cert: holds a private key (PRIVATE KEY); nothing of it was stored. Give the certificate alone (PEM or DER), without its key"
printf '[done]\nitem = a\nitem = a\n' >bad.answers; bad "item twice" \
	"bad.answers:3: item 'a' is already listed at line 2"
printf '[done]\nitem = a at yesterday\n' >bad.answers; bad "tick time not a time" \
	"bad.answers:2: item: 'at' is not followed by the time it was ticked, as YYYY-MM-DD HH:MM:SS (UTC)"
printf '\377\376[\000d\000o\000n\000e\000]\000\n\000' >bad.answers; bad "UTF-16 LE with BOM" \
	"bad.answers:1: UTF-16 is not read; save as UTF-8"
printf '\376\377\000[\000d\000o\000n\000e\000]\000\n' >bad.answers; bad "UTF-16 BE with BOM" \
	"bad.answers:1: UTF-16 is not read; save as UTF-8"
printf '#\000 \000c\000\n\000' >bad.answers; bad "UTF-16 without BOM" \
	"bad.answers:1: UTF-16 is not read; save as UTF-8"
is "$(grep -c . "$ERR")" 2 "UTF-16: that one line, and nothing imported"

# A file with no entries would empty the project: refused, one line,
# unless --replace-all. Comments only, CR line ends, standard input.
entries=13
nothing() {
	run "$FEDWIZ" import p.fedwiz "$2" <"${3:-/dev/null}"
	is "$STATUS" 2 "$1: import exits 2"
	is "$(cat "$ERR")" "fedwiz: p.fedwiz: ${4:-$2} holds no entries and would delete all $entries of the project's; nothing imported (--replace-all does it)" \
		"$1: one line says why"
	"$FEDWIZ" export p.fedwiz >after.answers
	is_file after.answers before.answers "$1: project unchanged"
}
: >empty.answers; nothing "an empty file" empty.answers
printf '# nothing yet\n\n   # still nothing\n' >comments.answers
nothing "comments only" comments.answers
printf '# old Mac\r[deployment]\rname = x\r' >cr.answers
nothing "CR line ends, no entries" cr.answers
nothing "empty standard input" - /dev/null "standard input"
printf '[deployment]\nname = x\n[done]\nitem = imp.listener\n' >settings.answers
nothing "settings and a tick, no entries" settings.answers
cp p.fedwiz wipe.fedwiz
run "$FEDWIZ" import wipe.fedwiz empty.answers --replace-all
is "$STATUS" 0 "--replace-all: an empty file is imported"
run "$FEDWIZ" export wipe.fedwiz
ok "... and the project is empty" sh -c "! grep -q '^\[[io]' '$OUT'"
run "$FEDWIZ" import wipe.fedwiz comments.answers
is "$STATUS" 0 "an empty project takes an empty file without --replace-all"

# A tick of an id no checklist item has is taken (an export keeps the
# ticks of items since gone) but named on stderr.
{ cat before.answers; printf '[done]\nitem = imp.no.such.item\nitem = imp.listener\n'; } >ticks.answers
line=$(grep -n '^item = imp.no.such.item$' ticks.answers | cut -d: -f1)
run "$FEDWIZ" import p.fedwiz ticks.answers
is "$STATUS" 0 "an unknown [done] id: import exits 0"
is "$(cat "$ERR")" "fedwiz: ticks.answers:$line: item 'imp.no.such.item' is not on this deployment's checklist; its tick is kept, but ticks nothing" \
	"... and names it with its line"
run "$FEDWIZ" init unknown.fedwiz --answers ticks.answers
ok "init --answers names it too" grep -q "item 'imp.no.such.item' is not on" "$ERR"
{ cat before.answers; echo '[done]'; i=0; while [ $i -lt 12 ]; do echo "item = x.$i"; i=$((i + 1)); done; } >many-ticks.answers
run "$FEDWIZ" import p.fedwiz many-ticks.answers
is "$(grep -c "is not on this deployment's checklist" "$ERR")" 10 "at most 10 unknown ids are named"
ok "... then how many more" grep -qxF "fedwiz: many-ticks.answers: 2 more items are not on this deployment's checklist" "$ERR"
"$FEDWIZ" import p.fedwiz before.answers

# "-" is standard input elsewhere: init does not make a file of that name.
run "$FEDWIZ" init -
is "$STATUS" 2 "init - exits 2"
ok "... saying why" grep -qF "'-' is not a project file name; name the file (./- if you mean it)" "$ERR"
ok "... and creates no file '-'" test ! -e ./-
run "$FEDWIZ" init - --answers before.answers
is "$STATUS" 2 "init - --answers exits 2"
ok "... and creates no file '-'" test ! -e ./-
run "$FEDWIZ" -
is "$STATUS" 2 "the wizard on - exits 2"
ok "... saying why, before it looks for a terminal" \
	grep -qF "'-' is not a project file name; name the file (./- if you mean it)" "$ERR"
run "$FEDWIZ" init ./-
is "$STATUS" 0 "init ./- makes it when meant"

# Every error is reported, in line order, not only the first.
printf '[imp_node]\nfqdn = -a.test\nip = 1.2.3\n[x]\n' >many.answers
run "$FEDWIZ" import p.fedwiz many.answers
is "$STATUS" 2 "several errors: exit 2"
is "$(grep -c '^fedwiz: many.answers:[0-9]*: ' "$ERR")" 3 \
	"several errors: each has its line"
is "$(sed -n 's/^fedwiz: many.answers:\([0-9]*\):.*/\1/p' "$ERR" | tr '\n' ' ')" \
	"2 3 4 " "several errors: in line order"

# A certificate path is relative to the answers file's folder.
mkdir sub
printf '[certificates]\nocs_ca = ca.pem\n' >sub/x.answers
run "$FEDWIZ" import p.fedwiz sub/x.answers
ok "a relative certificate path is read beside the answers file" \
	grep -qF "fedwiz: sub/x.answers:2: ocs_ca: sub/ca.pem: cannot open" "$ERR"

run "$FEDWIZ" import p.fedwiz no-such.answers
is "$STATUS" 2 "a missing answers file: exit 2"
ok "a missing answers file is named" grep -q "no-such.answers" "$ERR"

done_testing

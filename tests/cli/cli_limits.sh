#!/bin/sh
# The limits of fedwiz(1), LIMITS: an answers file one entry over a limit
# is refused naming the line; bench/'s large deployment is within them; a
# project planted beyond them is reported, not rendered. And the checklist
# is written as it is made: its peak memory does not grow with the
# document.
. "${top_srcdir:-.}/tests/lib.sh"

need python3
need sqlite3

# answers NODES IMP_DOMAINS OCS_DOMAINS POOLS SERVERS: a deployment shaped
# like bench/'s (TLS, Enterprise Edition, servers spread over the pools).
answers() {
	awk -v n="$1" -v id="$2" -v od="$3" -v np="$4" -v ns="$5" 'BEGIN {
		print "[deployment]\nname = limits\ntransport = tls"
		print "ocs_edition = enterprise\n"
		for (i = 0; i < n; i++)
			printf "[imp_node]\nfqdn = cup%d.example.com\n" \
			    "ip = 10.0.%d.%d\n\n", i, int(i / 256), i % 256
		for (i = 0; i < id; i++)
			printf "[imp_domain]\nname = d%d.example.com\n\n", i
		for (i = 0; i < od; i++)
			printf "[ocs_domain]\nname = o%d.ocs.test\n\n", i
		for (i = 0; i < np; i++)
			printf "[ocs_pool]\nfqdn = pool%d.ocs.test\n\n", i
		for (i = 0; i < ns; i++)
			printf "[ocs_server]\nfqdn = fe%d.ocs.test\n" \
			    "ip = 172.16.%d.%d\ndomain = o%d.ocs.test\n" \
			    "pool = pool%d.ocs.test\n\n", i, int(i / 256),
			    i % 256, i % od, i % np
	}'
}

answers 200 20 50 50 200 >bench.answers
run "$FEDWIZ" init bench.fedwiz --answers bench.answers
is "$STATUS" 0 "bench/'s large deployment (200 nodes, 20 IM&P domains, 200 servers in 50 pools, 50 OCS domains) imports"
answers 256 256 256 64 256 >at.answers
run "$FEDWIZ" init at.fedwiz --answers at.answers
is "$STATUS" 0 "a deployment at every limit imports"

# over SECTION MAX FILE: FILE has MAX + 1 entries of SECTION; the line
# of the one too many is named, nothing is created.
over() {
	line=$(grep -n "^\[$1\]\$" "$3" | sed -n "$(($2 + 1))p" | cut -d: -f1)
	run "$FEDWIZ" init over.fedwiz --answers "$3"
	is "$STATUS" 2 "$(($2 + 1)) [$1] entries: exits 2"
	is "$(head -n 1 "$ERR")" "fedwiz: $3:$line: more than $2 [$1] entries; fedwiz supports at most $2" \
	    "... naming the line of the one too many"
	is "$(grep -c 'more than' "$ERR")" 1 "... once"
	ok "... and creates nothing" test ! -e over.fedwiz
}
answers 257 0 0 0 0 >nodes.answers
over imp_node 256 nodes.answers
answers 1 257 0 0 0 >impd.answers
over imp_domain 256 impd.answers
answers 0 0 257 0 0 >ocsd.answers
over ocs_domain 256 ocsd.answers
answers 0 0 1 65 0 >pools.answers
over ocs_pool 64 pools.answers
answers 0 0 1 1 257 >servers.answers
over ocs_server 256 servers.answers

awk 'BEGIN { print "[done]"; for (i = 0; i < 65536; i++)
	printf "item = %d.done\n", i }' >ticks.answers
run "$FEDWIZ" init ticks.fedwiz --answers ticks.answers
is "$STATUS" 0 "65536 ticked items import"
echo "item = one.too.many" >>ticks.answers
run "$FEDWIZ" init over.fedwiz --answers ticks.answers
is "$STATUS" 2 "65537 ticked items: exit 2"
is "$(head -n 1 "$ERR")" "fedwiz: ticks.answers:65538: more than 65536 ticked items in [done]; fedwiz supports at most 65536" \
    "... naming the line of the one too many"

# A project with more than the answers allow, written behind fedwiz's
# back, is refused by every command that loads it.
cp at.fedwiz planted.fedwiz
sqlite3 planted.fedwiz "INSERT INTO imp_node (fqdn, ip) VALUES
    ('cup-planted.example.com', '192.0.2.1')"
run "$FEDWIZ" checklist planted.fedwiz --format html -o planted.html
is "$STATUS" 2 "checklist of a planted project over a limit exits 2"
is "$(cat "$ERR")" "fedwiz: planted.fedwiz: more than 256 [imp_node] entries; fedwiz supports at most 256" \
    "... with one line naming the limit"
ok "... and writes nothing" test ! -e planted.html
run "$FEDWIZ" export planted.fedwiz
is "$STATUS" 2 "export of it exits 2 too"

# Peak memory: the same project checklisted whole and with --todo (every
# item ticked, so nothing but the header is written; the checklist is
# built the same). A document held whole adds its size; a streamed one
# does not. ASan's quarantine would keep every freed string.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0
export ASAN_OPTIONS
answers 100 10 25 25 100 >mid.answers
"$FEDWIZ" init mid.fedwiz --answers mid.answers
{
	cat mid.answers
	echo "[done]"
	"$FEDWIZ" checklist mid.fedwiz | sed -n 's/^ *id: \(.*\)$/item = \1/p'
} >ticked.answers
run "$FEDWIZ" init ticked.fedwiz --answers ticked.answers
is "$STATUS" 0 "a deployment with every item ticked imports"
# peak_kib COMMAND...: the peak resident size of COMMAND in KiB.
peak_kib() {
	python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
todo=$(peak_kib "$FEDWIZ" checklist ticked.fedwiz --todo --format html -o todo.html)
full=$(peak_kib "$FEDWIZ" checklist ticked.fedwiz --format html -o full.html)
size=$(($(wc -c <full.html) / 1024))
diag "peak RSS: $todo KiB with --todo, $full KiB whole; the document: $size KiB"
ok "the checklist takes under a quarter of its size in memory beyond the model (${todo}/${full} KiB, ${size} KiB written)" \
    test $((full - todo)) -lt $((size / 4))
ok "... a document of over 2 MiB" test "$size" -gt 2048
full=$(peak_kib "$FEDWIZ" checklist ticked.fedwiz -o full.txt)
size=$(($(wc -c <full.txt) / 1024))
ok "the same for text (${todo}/${full} KiB, ${size} KiB written)" \
    test $((full - todo)) -lt $((size / 4))

done_testing

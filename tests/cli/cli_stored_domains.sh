#!/bin/sh
# Values planted in a project with sqlite3 outside their domains (transport
# 'udp', edition '<x>', a port out of range, route 'sideways' past the
# CHECK): validate reports each as an error naming the value and the
# allowed ones (exit 1), instead of using the default unsaid; the other
# commands still open the project, and an import sets them right.
. "${top_srcdir:-.}/tests/lib.sh"

need sqlite3

example=$top_srcdir/data/example.answers
"$FEDWIZ" init p.fedwiz --answers "$example" ||
	echo "Bail out! cannot create the project"
server=$(sqlite3 p.fedwiz 'SELECT fqdn FROM ocs_server ORDER BY id LIMIT 1')
sqlite3 p.fedwiz "UPDATE setting SET value = 'udp' WHERE key = 'transport';
	UPDATE setting SET value = '<x>' WHERE key = 'ocs_edition';
	UPDATE setting SET value = '99999' WHERE key = 'peer_auth_port';
	PRAGMA ignore_check_constraints = ON;
	UPDATE ocs_server SET route = 'sideways' WHERE fqdn = '$server';" ||
	echo "Bail out! cannot plant the values"

run "$FEDWIZ" validate p.fedwiz --offline
is "$STATUS" 1 "validate finds errors"
tail="; set it again in the wizard or with 'fedwiz import'"
ok "the transport, with the allowed ones" grep -qxF "error: step 0 (Deployment): transport: stored value outside its domain: 'udp'; use tls or tcp$tail" "$OUT"
ok "the edition" grep -qxF "error: step 0 (Deployment): ocs_edition: stored value outside its domain: '<x>'; use standard or enterprise$tail" "$OUT"
ok "the port" grep -qF "peer_auth_port: stored value outside its domain: port 99999 is out of range; use 1 to 65535$tail" "$OUT"
ok "the route, naming its server" grep -qF "ocs_server: stored value outside its domain: route of $server: 'sideways'; use primary or backup$tail" "$OUT"
ok "nothing on stderr" test ! -s "$ERR"

for c in show export; do
	run "$FEDWIZ" "$c" p.fedwiz
	is "$STATUS" 0 "$c still opens the project"
done
# Written, with the errors in its banner, and exit 1 for them.
run "$FEDWIZ" checklist p.fedwiz
is "$STATUS" 1 "checklist still opens the project, exit 1 for its errors"
ok "... and names the stored transport in its banner" grep -qF "Transport: stored value outside its domain: 'udp'" "$OUT"

run "$FEDWIZ" import p.fedwiz "$example"
is "$STATUS" 0 "an import sets them right"
run "$FEDWIZ" validate p.fedwiz --offline
ok "and validate finds none of them again" sh -c \
	'! grep -q "stored value outside its domain" "$1"' _ "$OUT"

done_testing

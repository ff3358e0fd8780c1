#!/bin/sh
# fedwiz cert-check on certificates made now by tests/certs.sh: what it
# prints, its verdict and its exit status for each kind of file.
. "${top_srcdir:-.}/tests/lib.sh"

sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
c=certs

run "$FEDWIZ" cert-check $c/both.pem --ca $c/ca.pem --host fe1.ocs.test
is "$STATUS" 0 "both EKUs, valid, right host, right CA: exit 0"
ok "nothing on stderr" test ! -s "$ERR"
for want in '^Subject: *CN=fe1\.ocs\.test$' \
    '^SANs: *DNS:fe1\.ocs\.test, DNS:pool1\.ocs\.test$' \
    '^Issuer: *CN=fedwiz test CA$' \
    '^Valid from: *20[0-9-]* [0-9:]* UTC$' \
    '^Valid until: *20[0-9-]* [0-9:]* UTC$' \
    '^EKU: *Server Authentication (1\.3\.6\.1\.5\.5\.7\.3\.1), Client Authentication (1\.3\.6\.1\.5\.5\.7\.3\.2)$' \
    '^Key: *RSA, 2048 bits$' \
    '^Signature: *sha256WithRSAEncryption$' \
    '^Verdict: *usable for IM and Presence - OCS federation$'; do
	ok "prints $want" grep -q "$want" "$OUT"
done
fp=$(openssl x509 -in $c/both.pem -noout -fingerprint -sha256 | sed 's/.*=//')
ok "the SHA-256 fingerprint is openssl's" grep -q "^SHA-256: *$fp\$" "$OUT"
is "$(sed -n '$p' "$OUT" | cut -c1-8)" "Verdict:" "the verdict comes last"

# check NAME STATUS TEXT [OPTIONS...]: exit status and a line of output.
check() {
	name=$1 want=$2 text=$3
	shift 3
	run "$FEDWIZ" cert-check "$c/$name" "$@"
	is "$STATUS" "$want" "$name: exit $want"
	ok "$name: says '$text'" grep -q -- "$text" "$OUT" "$ERR"
}
check server.pem 1 '^error: .*lacks Client Authentication; .*"Web Server" template.*Client Authentication application policy'
check client.pem 1 '^error: .*lacks Server Authentication'
check noeku.pem 1 '^error: .*has no Extended Key Usage at all'
check noeku.pem 1 '^EKU: *none (no Extended Key Usage extension)$'
check expired.pem 1 '^error: .*expired on 2020-01-01 00:00:00 UTC'
check notyet.pem 1 '^error: .*not valid before 2099-01-01'
check soon.pem 0 '^warning: .*expires on .*in 10 days'
check wronghost.pem 1 '^error: .*does not name fe1\.ocs\.test' \
	--host fe1.ocs.test
check wronghost.pem 0 '^Verdict: *usable' --host other.example.test
check unrelated.pem 1 '^error: .*does not verify against the CA' \
	--ca "$c/ca.pem"
check unrelated.pem 0 '^Verdict: *usable' --ca "$c/other-ca.pem"
check rsa1024.pem 0 '^warning: .*1024-bit RSA key'
check sha1.pem 0 '^warning: .*signed with sha1WithRSAEncryption'
check both.der 0 '^SANs: *DNS:fe1\.ocs\.test' --ca "$c/ca.pem"
check chain.pem 0 '^File: .*2 certificates: the first is checked'
check ca.pem 1 '^warning: .*is a CA certificate' --role imp_cert

# Each --host must be named, and each missing one is named.
run "$FEDWIZ" cert-check $c/both.pem --host fe1.ocs.test --host fe2.ocs.test
is "$STATUS" 1 "names fe1 but not fe2: exit 1"
ok "... the error names fe2" grep -q '^error: .*does not name fe2\.ocs\.test' "$OUT"
ok "... and not fe1" sh -c "! grep -q 'not name fe1' '$OUT'"
check both.pem 0 '^Verdict: *usable' --host fe1.ocs.test --host pool1.ocs.test
run "$FEDWIZ" cert-check $c/both.pem --host a.test --host fe1.ocs.test \
	--host b.test
is "$(grep -c '^error: .*does not name' "$OUT")" 2 "two missing: two errors"

# A CA file is judged as a CA: no EKU, no re-issue from a template.
check ca.pem 0 '^Judged as: *CA certificate (basicConstraints CA:TRUE)$'
check ca.pem 0 '^Verdict: *usable as a CA certificate'
ok "... no finding at all (no EKU error, no template)" \
	sh -c "! grep -q '^error: \|^warning: ' '$OUT'"
check inter.pem 1 '^error: .*not a root: self-signed root missing; give the root (and intermediates)'
check inter.pem 0 '^Verdict: *usable as a CA' --ca "$c/ca.pem"
check nosign.pem 1 '^error: .*without Certificate Signing (keyCertSign)'
check both.pem 1 '^error: .*is not a CA certificate' --role ocs_ca
check inter.pem 1 'IM and Presence uploads them as cup-trust' --role ocs_ca
check inter.pem 1 'each OCS server imports them into Trusted Root' --role imp_ca

# --ca given an intermediate alone is no trust anchor.
run "$FEDWIZ" cert-check $c/interleaf.pem --ca $c/inter.pem
is "$STATUS" 1 "an intermediate alone as --ca: exit 1"
ok "... not a root" grep -q "^error: $c/inter.pem .*not a root: self-signed root missing" "$OUT"
check interleaf.pem 0 '^Verdict: *usable' --ca "$c/inter-chain.pem"

# The fix follows the role: IM&P's CSR and template, or OCS's wizard.
check server.pem 1 'certificate template that has Server Authentication and Client Authentication' \
	--role imp_cert
ok "... IM&P: a cup CSR" grep -q 'cup CSR' "$OUT"
ok "... IM&P: no OCS wizard, no Request-CsCertificate" \
	sh -c "! grep -q 'OCS 2007 R2\|Request-CsCertificate' '$OUT'"
check server.pem 1 'OCS 2007 R2 certificate wizard' --role ocs_cert
ok "... OCS: Request-CsCertificate -ClientEku" \
	grep -q 'Request-CsCertificate -ClientEku \$true' "$OUT"
check noeku.pem 1 'require Server Authentication and Client Authentication listed explicitly'
check rsa1024.pem 0 '^warning: .*cup CSR with at least 2048 bits' --role imp_cert
ok "... no OCS wizard for IM&P" sh -c "! grep -q 'OCS 2007 R2' '$OUT'"
check both.pem 0 '^Judged as: *IM and Presence certificate' --role imp_cert
run "$FEDWIZ" cert-check $c/both.pem --role bogus
is "$STATUS" 2 "--role bogus: exit 2"
ok "... names the roles" grep -q -- "--role: 'bogus' is none of ocs_cert" "$ERR"

# Each reason on its own line: a certificate with two faults.
run "$FEDWIZ" cert-check $c/server.pem --ca $c/other-ca.pem --host x.test
is "$STATUS" 1 "three faults: exit 1"
is "$(grep -c '^error: ' "$OUT")" 3 "three faults: three error lines"
ok "... after the verdict" sh -c \
	"sed -n '/^Verdict:/,\$p' '$OUT' | grep -q '^error: .*x\.test'"
ok "the verdict says not usable" grep -q '^Verdict: *NOT usable' "$OUT"

# Files that are no certificate: exit 2, one line naming the file.
for bad in withkey.pem garbage.pem empty.pem missing.pem; do
	run "$FEDWIZ" cert-check "$c/$bad"
	is "$STATUS" 2 "$bad: exit 2"
	is "$(wc -l <"$ERR" | tr -d ' ')" 1 "$bad: one line on stderr"
	ok "$bad: 'fedwiz: FILE: ...'" grep -q "^fedwiz: $c/$bad: " "$ERR"
	ok "$bad: nothing on stdout" test ! -s "$OUT"
done
ok "the key file is refused as holding a private key" \
	sh -c "'$FEDWIZ' cert-check $c/withkey.pem 2>&1 | grep -q 'private key'"
head -c 1100000 /dev/zero >big.pem
run "$FEDWIZ" cert-check big.pem
is "$STATUS" 2 "a file over 1 MiB: exit 2"
ok "... said so" grep -q 'big.pem: larger than 1 MiB' "$ERR"
run "$FEDWIZ" cert-check $c
is "$STATUS" 2 "a directory: exit 2"
ok "... said so" grep -q 'is a directory' "$ERR"
run "$FEDWIZ" cert-check $c/both.pem --ca $c/garbage.pem
is "$STATUS" 2 "an unreadable --ca file: exit 2"

# Usage.
run "$FEDWIZ" cert-check
is "$STATUS" 2 "no FILE: exit 2"
ok "... names what is missing" grep -q 'missing FILE' "$ERR"
run "$FEDWIZ" cert-check $c/both.pem --host 'bad host'
is "$STATUS" 2 "a --host that is no host name: exit 2"
ok "... names the option" grep -q -- '--host' "$ERR"
run "$FEDWIZ" cert-check $c/both.pem $c/ca.pem
is "$STATUS" 2 "two files: exit 2"

# A next hop given by address: --host with an IP matches IP SANs only.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ip.key -out ip.pem \
    -days 30 -subj "/CN=fe1.ocs.test" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:fe1.ocs.test" \
    -addext "extendedKeyUsage=serverAuth,clientAuth" >/dev/null 2>&1
run "$FEDWIZ" cert-check ip.pem --host 127.0.0.1
is "$STATUS" 0 "--host 127.0.0.1 matches the certificate's IP SAN"
run "$FEDWIZ" cert-check ip.pem --host 127.0.0.2
is "$STATUS" 1 "--host 127.0.0.2 does not"
ok "... and says so" grep -q "127.0.0.2" "$OUT"

done_testing

#!/bin/sh
# Certificates as Windows hands them over are read as they are: base64 .cer
# with CRLF line ends, DER .cer, and PKCS#7 .p7b chains in PEM and DER, for
# the certificate and its CA alike. Made with the openssl CLI at test time.
. "${top_srcdir:-.}/tests/lib.sh"

quiet() { "$@" >/dev/null 2>&1; }

quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem \
	-days 30 -subj "/CN=Contoso Test Root CA" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign"
quiet openssl req -newkey rsa:2048 -nodes -keyout fe.key -out fe.csr \
	-subj "/CN=fe1.ocs.contoso.test"
printf '%s\n' "extendedKeyUsage=serverAuth,clientAuth" \
	"subjectAltName=DNS:fe1.ocs.contoso.test" >ext.cnf
quiet openssl x509 -req -in fe.csr -CA ca.pem -CAkey ca.key \
	-CAcreateserial -days 30 -extfile ext.cnf -out fe.pem
ok "test certificates made" test -s fe.pem -a -s ca.pem

leaf_fp=$(openssl x509 -in fe.pem -noout -fingerprint -sha256 | sed 's/.*=//')
ca_fp=$(openssl x509 -in ca.pem -noout -fingerprint -sha256 | sed 's/.*=//')

# The forms: CRLF base64, DER, PKCS#7 (leaf and CA, CA first as Windows
# often writes it) in PEM and in DER.
sed 's/$/\r/' fe.pem >fe-crlf.cer
sed 's/$/\r/' ca.pem >ca-crlf.cer
openssl x509 -in fe.pem -outform DER -out fe-der.cer
openssl x509 -in ca.pem -outform DER -out ca-der.cer
openssl crl2pkcs7 -nocrl -certfile ca.pem -certfile fe.pem -out chain.p7b
openssl crl2pkcs7 -nocrl -certfile ca.pem -certfile fe.pem -outform DER \
	-out chain-der.p7b
openssl crl2pkcs7 -nocrl -certfile ca.pem -outform DER -out ca-der.p7b
ok "CRLF form really has CR" grep -q "$(printf '\r')" fe-crlf.cer

base=$top_srcdir/data/example.answers
n=0
for pair in fe-crlf.cer:ca-crlf.cer fe-der.cer:ca-der.cer \
	chain.p7b:ca-der.p7b chain-der.p7b:ca-crlf.cer; do
	cert=${pair%%:*}
	ca=${pair#*:}
	n=$((n + 1))
	{
		cat "$base"
		printf '\n[certificates]\nocs_cert = %s\nocs_ca = %s\n' "$cert" "$ca"
	} >a$n.answers
	run "$FEDWIZ" init p$n.fedwiz --answers a$n.answers
	is "$STATUS" 0 "$cert with $ca imported"
	[ "$STATUS" -eq 0 ] || diag "$(cat "$ERR")"
	run "$FEDWIZ" show p$n.fedwiz
	ok "$cert: fingerprint is the leaf's" grep -qF "ocs_cert  SHA-256 $leaf_fp" "$OUT"
	ok "$ca: fingerprint is the CA's" grep -qF "ocs_ca    SHA-256 $ca_fp" "$OUT"
done

# The stored text is PEM, leaf first, whatever form came in.
run "$FEDWIZ" export p3.fedwiz
sed -n '/^ocs_cert = <<PEM/,/^PEM$/p' "$OUT" | sed '1d;$d' >stored.pem
stored_fp=$(openssl x509 -in stored.pem -noout -fingerprint -sha256 | sed 's/.*=//')
is "$stored_fp" "$leaf_fp" ".p7b stored leaf first"
is "$(grep -c 'BEGIN CERTIFICATE' stored.pem)" 2 ".p7b chain kept whole"

# A .p7b is still refused when a key rides along in the same file.
cat chain.p7b fe.key >keyed.p7b
printf '%s\n\n[certificates]\nocs_cert = keyed.p7b\n' "$(cat "$base")" >k.answers
run "$FEDWIZ" init k.fedwiz --answers k.answers
is "$STATUS" 2 "a .p7b with a private key is refused"
ok "and the key is named" grep -q "private key" "$ERR"
ok "and no project was created" test ! -e k.fedwiz

done_testing

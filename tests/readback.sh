# tests/readback.sh: the read-back fixtures of tests/fixtures/readback/,
# made whole with a certificate made now. Source after tests/lib.sh; it
# runs tests/certs.sh into certs/ and copies lync-enterprise.answers here.
#
#	readback_fill NAME CERT   NAME.json from the fixture, its default
#	                          certificate certs/CERT.pem
readback_fx=$top_srcdir/tests/fixtures/readback
sh "$top_srcdir/tests/certs.sh" certs >certs.log 2>&1 ||
	{ echo "Bail out! tests/certs.sh failed"; cat certs.log; exit 1; }
cp "$readback_fx/lync-enterprise.answers" .

readback_fill() {
	_rb_pem=certs/$2.pem
	_rb_der=$(openssl x509 -in "$_rb_pem" -outform DER | base64 | tr -d '\n')
	_rb_end=$(openssl x509 -in "$_rb_pem" -noout -enddate | sed 's/.*=//')
	_rb_sha1=$(openssl x509 -in "$_rb_pem" -noout -fingerprint -sha1 |
		sed 's/.*=//; s/://g')
	sed -e "s|@DER@|$_rb_der|" -e "s|@THUMB@|$_rb_sha1|" \
		-e "s|@NOTAFTER@|$_rb_end|" "$readback_fx/$1.json" >"$1.json"
}

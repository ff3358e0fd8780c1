#!/bin/sh
# tests/certs.sh DIR: makes the test certificates with the openssl CLI, so no
# key material is checked in. Every leaf is for fe1.ocs.test (SAN too) and
# signed by DIR/ca.pem unless its name says otherwise:
#
#   ca.pem           the test CA (its key: ca.key)
#   inter.pem        an intermediate CA signed by ca.pem (CA:TRUE)
#   interleaf.pem    both EKUs, signed by inter.pem
#   inter-chain.pem  inter.pem followed by ca.pem
#   nosign.pem       CA:TRUE, but Key Usage without Certificate Signing
#   both.pem         Server + Client Authentication, RSA 2048, 1 year
#   server.pem       Server Authentication only
#   client.pem       Client Authentication only
#   noeku.pem        no Extended Key Usage extension at all
#   expired.pem      validity ended in 2020
#   notyet.pem       validity starts in 2099
#   soon.pem         both EKUs, expires in 10 days
#   wronghost.pem    both EKUs, for other.example.test
#   unrelated.pem    both EKUs, signed by another CA (other-ca.pem)
#   rsa1024.pem      both EKUs, a 1024-bit RSA key
#   sha1.pem         both EKUs, signed with SHA-1
#   both.der         both.pem in DER
#   chain.pem        both.pem followed by ca.pem
#   withkey.pem      both.pem followed by its private key
#   garbage.pem      random bytes
#   empty.pem        an empty file
#
# and for two OCS organisations (tests/fixtures/tls-two-orgs.answers):
#
#   contoso-ca.pem   Contoso's root CA
#   pool1.pem        both EKUs, CN pool1.ocs.contoso.test (the pool FQDN)
#                    with SANs for it and fe1, fe2, fe3; by contoso-ca.pem
#   fabrikam-ca.pem  Fabrikam's intermediate CA followed by its root
#   fe9.pem          both EKUs, for fe9.lync.fabrikam.test, signed by the
#                    intermediate
set -eu

dir=$1
mkdir -p "$dir"
cd "$dir"

cat >ca.cnf <<'CNF'
[ca]
default_ca = testca
[testca]
dir = .
database = index.txt
new_certs_dir = newcerts
serial = serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
commonName = supplied
[both]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:fe1.ocs.test, DNS:pool1.ocs.test
[server]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:fe1.ocs.test
[client]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
subjectAltName = DNS:fe1.ocs.test
[noeku]
basicConstraints = CA:FALSE
subjectAltName = DNS:fe1.ocs.test
[inter]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
[nosign]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature
[wronghost]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:other.example.test
[pool1]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:pool1.ocs.contoso.test, DNS:fe1.ocs.contoso.test, DNS:fe2.ocs.contoso.test, DNS:fe3.ocs.contoso.test
[fe9]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:fe9.lync.fabrikam.test
[intca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
CNF

newca() {
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" \
		-days 3650 -subj "/CN=$2" -sha256 \
		-addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

# sign NAME CA EXTENSIONS KEYSPEC CN [openssl ca date options...]
sign() {
	name=$1 ca=$2 ext=$3 key=$4 cn=$5
	shift 5
	rm -rf newcerts && mkdir newcerts && : >index.txt && echo 1000 >serial
	# One RSA 2048 key serves every such leaf: key generation is slow.
	if [ "$key" = rsa:2048 ]; then
		[ -f leaf.key ] || openssl genrsa -out leaf.key 2048 2>/dev/null
		cp leaf.key "$name.key"
	else
		openssl genrsa -out "$name.key" "${key#rsa:}" 2>/dev/null
	fi
	openssl req -new -key "$name.key" -out "$name.csr" -subj "/CN=$cn"
	openssl ca -batch -notext -config ca.cnf -cert "$ca.pem" \
		-keyfile "$ca.key" -extensions "$ext" -in "$name.csr" \
		-out "$name.pem" "$@" 2>/dev/null
}

newca ca "fedwiz test CA"
newca other-ca "unrelated test CA"
sign both ca both rsa:2048 fe1.ocs.test -days 365
sign server ca server rsa:2048 fe1.ocs.test -days 365
sign client ca client rsa:2048 fe1.ocs.test -days 365
sign noeku ca noeku rsa:2048 fe1.ocs.test -days 365
sign expired ca both rsa:2048 fe1.ocs.test \
	-startdate 20190101000000Z -enddate 20200101000000Z
sign notyet ca both rsa:2048 fe1.ocs.test \
	-startdate 20990101000000Z -enddate 20991231000000Z
sign soon ca both rsa:2048 fe1.ocs.test -days 10
sign wronghost ca wronghost rsa:2048 other.example.test -days 365
sign unrelated other-ca both rsa:2048 fe1.ocs.test -days 365
sign rsa1024 ca both rsa:1024 fe1.ocs.test -days 365
sign sha1 ca both rsa:2048 fe1.ocs.test -days 365 -md sha1
sign inter ca inter rsa:3072 "fedwiz test intermediate" -days 365
sign interleaf inter both rsa:2048 fe1.ocs.test -days 365
sign nosign ca nosign rsa:3072 "fedwiz no-sign CA" -days 365
cat inter.pem ca.pem >inter-chain.pem
newca contoso-ca "Contoso test root CA"
sign pool1 contoso-ca pool1 rsa:2048 pool1.ocs.contoso.test -days 365
newca fabrikam-root "Fabrikam test root CA"
sign fabrikam-int fabrikam-root intca rsa:2048 "Fabrikam test issuing CA" \
	-days 3650
sign fe9 fabrikam-int fe9 rsa:2048 fe9.lync.fabrikam.test -days 365
cat fabrikam-int.pem fabrikam-root.pem >fabrikam-ca.pem
openssl x509 -in both.pem -outform DER -out both.der
cat both.pem ca.pem >chain.pem
cat both.pem both.key >withkey.pem
head -c 700 /dev/urandom >garbage.pem
: >empty.pem
rm -rf newcerts index.txt* serial* ./*.csr

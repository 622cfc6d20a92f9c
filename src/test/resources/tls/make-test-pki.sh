#!/usr/bin/env bash
# Makes a throw-away PKI for the TLS tests in directory $1 (created if missing), with the
# openssl command line only: nothing here is committed, and nothing should ever be trusted.
#
#   ca.pem / ca.key            the test CA (RSA)           other-ca.pem   a second, untrusted CA
#   server.pem / server.key    CN=localhost, SAN localhost and 127.0.0.1, signed by the CA
#   client.pem / client.key    CN=client, signed by the CA
#   server-expired.pem         the server key, certified for 2020 only
#   server-other.pem           the server key, certified by the other CA
#   client-revoked.pem/.key    a client certificate revoked in crl.pem
#   ec.pem / ec.key            an EC (P-256) server certificate and key (SEC1, with EC PARAMETERS)
#   server key in every form:  server-pkcs1.key (RSA PRIVATE KEY), server-pkcs8-enc.key (ENCRYPTED
#                              PRIVATE KEY), server-legacy-aes.key and server-legacy-3des.key (OpenSSL's
#                              Proc-Type/DEK-Info encryption), and DER: server.key.der (PKCS#8),
#                              server-pkcs1.key.der, server-pkcs8-enc.key.der; server.pem.der, ca.pem.der
#   ec-pkcs8.key, ec.key.der (SEC1 DER), ec.pem.der
#   weak.pem / weak.key        CN=localhost with a 1024-bit RSA key (too short under +pg and +pm)
#   server-md5.pem             the server key, certified by the CA with an MD5 signature (refused everywhere)
#   server-sha1.pem            the server key, certified by the CA with a SHA-1 signature (refused under +pm)

#   server-elsewhere.pem       the server key, certified for other names only (--check-hostname):
#                              DNS:dicom.example.org, DNS:*.pacs.example.org, IP:192.0.2.7
# The password of every encrypted key is "secret".
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
ssl() { openssl "$@" 2>/dev/null; }

cat > leaf.ext <<'EXT'
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
EXT

# the CAs
for ca in ca other-ca; do
    ssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key -out $ca.pem -days 30 -sha256 \
        -subj "/O=echoscu tests/CN=Test $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
done

# leaf certificates signed by the CA
leaf() { # name cn [ca]
    local ca=${3:-ca}
    [ -f "$1.key" ] || ssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/O=echoscu tests/CN=$2"
    [ -f "$1.csr" ] || ssl req -new -key "$1.key" -out "$1.csr" -subj "/O=echoscu tests/CN=$2"
    ssl x509 -req -in "$1.csr" -CA $ca.pem -CAkey $ca.key -CAcreateserial -out "$1.pem" -days 30 -sha256 \
        -extfile leaf.ext
}
leaf server localhost
leaf client client
cp server.key server-other.key
cp server.csr server-other.csr
leaf server-other localhost other-ca
rm server-other.key

# the EC server (P-256)
ssl ecparam -name prime256v1 -genkey -out ec.key
ssl req -new -key ec.key -out ec.csr -subj "/O=echoscu tests/CN=localhost"
ssl x509 -req -in ec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out ec.pem -days 30 -sha256 -extfile leaf.ext

# weak certificates for DCMTK 3.7.0's strength checks
ssl req -newkey rsa:1024 -nodes -keyout weak.key -out weak.csr -subj "/O=echoscu tests/CN=localhost"
ssl x509 -req -in weak.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out weak.pem -days 30 -sha256 -extfile leaf.ext
for md in md5 sha1; do
    ssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server-$md.pem -days 30 -$md \
        -extfile leaf.ext
done

# openssl ca for what needs dates of our choosing or a CRL
mkdir -p ca-db/new
: > ca-db/index.txt
echo 1000 > ca-db/serial
echo 1000 > ca-db/crlnumber
cat > ca.cnf <<CNF
[ ca ]
default_ca = testca
[ testca ]
dir = $PWD/ca-db
database = \$dir/index.txt
new_certs_dir = \$dir/new
certificate = $PWD/ca.pem
private_key = $PWD/ca.key
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
default_days = 30
default_crl_days = 30
policy = anything
unique_subject = no
[ anything ]
organizationName = optional
commonName = supplied
[ leaf ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
CNF
ssl ca -batch -config ca.cnf -extensions leaf -notext -in server.csr -out server-expired.pem \
    -startdate 20200101000000Z -enddate 20201231235959Z
ssl req -newkey rsa:2048 -nodes -keyout client-revoked.key -out client-revoked.csr -subj "/O=echoscu tests/CN=revoked client"
ssl ca -batch -config ca.cnf -extensions leaf -notext -in client-revoked.csr -out client-revoked.pem
ssl ca -config ca.cnf -revoke client-revoked.pem
ssl ca -config ca.cnf -gencrl -out crl.pem

# the server key for other names (the host name check must refuse it on loopback)
cat > elsewhere.ext <<'EXT'
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:dicom.example.org, DNS:*.pacs.example.org, IP:192.0.2.7
EXT
ssl req -new -key server.key -out server-elsewhere.csr -subj "/O=echoscu tests/CN=dicom.example.org"
ssl x509 -req -in server-elsewhere.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server-elsewhere.pem -days 30 \
    -sha256 -extfile elsewhere.ext

# the server key in every form
ssl rsa -in server.key -traditional -out server-pkcs1.key
ssl pkcs8 -topk8 -in server.key -v2 aes-256-cbc -passout pass:secret -out server-pkcs8-enc.key
ssl rsa -in server.key -traditional -aes128 -passout pass:secret -out server-legacy-aes.key
ssl rsa -in server.key -traditional -des3 -passout pass:secret -out server-legacy-3des.key
ssl pkey -in server.key -outform DER -out server.key.der
ssl rsa -in server.key -traditional -outform DER -out server-pkcs1.key.der
ssl pkcs8 -topk8 -in server.key -v2 aes-256-cbc -passout pass:secret -outform DER -out server-pkcs8-enc.key.der
ssl x509 -in server.pem -outform DER -out server.pem.der
ssl x509 -in ca.pem -outform DER -out ca.pem.der
ssl pkcs8 -topk8 -nocrypt -in ec.key -out ec-pkcs8.key
ssl ec -in ec.key -outform DER -out ec.key.der
ssl x509 -in ec.pem -outform DER -out ec.pem.der
rm -f ./*.csr
echo "test PKI made in $PWD"
